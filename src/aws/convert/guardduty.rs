//! GuardDuty's native findings to [`Finding`], keeping a camelCase JSON
//! record shaped like the API reference's `Finding` (the wire format).

use super::{non_empty, parse_time, tag_map};
use crate::model::{
    Channel, Finding, NativeSeverity, Provenance, RawJson, RecordState, Resource, Severity, Source,
    WorkflowStatus,
};
use aws_sdk_guardduty::types as gd;
use serde_json::{Map, Value, json};

fn tags(t: &[gd::Tag]) -> std::collections::BTreeMap<String, String> {
    tag_map(t.iter().map(|t| (t.key(), t.value())))
}

/// The affected resource in ASFF terms, and its camelCase JSON.
fn resource(f: &gd::Finding, account: &str, region: &str) -> (Option<Resource>, Value) {
    let Some(r) = f.resource() else {
        return (None, Value::Null);
    };
    let partition = f.partition().unwrap_or("aws");
    let kind = r.resource_type().unwrap_or_default();
    let mut json = Map::new();
    json.insert("resourceType".into(), json!(kind));
    let res = |resource_type: &str, id: String, tags| Resource {
        resource_type: resource_type.to_string(),
        id,
        region: Some(region.to_string()),
        partition: Some(partition.to_string()),
        tags,
    };
    let model = if let Some(i) = r.instance_details() {
        let id = i.instance_id().unwrap_or_default();
        let t: Vec<Value> = i
            .tags()
            .iter()
            .map(|t| json!({"key": t.key(), "value": t.value()}))
            .collect();
        json.insert(
            "instanceDetails".into(),
            json!({"instanceId": id, "instanceType": i.instance_type(), "availabilityZone": i.availability_zone(), "imageId": i.image_id(), "tags": t}),
        );
        let arn = format!("arn:{partition}:ec2:{region}:{account}:instance/{id}");
        Some(res("AwsEc2Instance", arn, tags(i.tags())))
    } else if let Some(k) = r.access_key_details() {
        json.insert(
            "accessKeyDetails".into(),
            json!({"accessKeyId": k.access_key_id(), "principalId": k.principal_id(), "userName": k.user_name(), "userType": k.user_type()}),
        );
        let id = non_empty(k.access_key_id()).or_else(|| non_empty(k.user_name()));
        Some(res(
            "AwsIamAccessKey",
            id.unwrap_or_default(),
            Default::default(),
        ))
    } else if let Some(b) = r.s3_bucket_details().first() {
        let buckets: Vec<Value> = r
            .s3_bucket_details()
            .iter()
            .map(|b| json!({"arn": b.arn(), "name": b.name(), "type": b.r#type()}))
            .collect();
        json.insert("s3BucketDetails".into(), json!(buckets));
        let id = non_empty(b.arn())
            .or_else(|| non_empty(b.name()))
            .unwrap_or_default();
        Some(res("AwsS3Bucket", id, tags(b.tags())))
    } else if let Some(e) = r.eks_cluster_details() {
        json.insert(
            "eksClusterDetails".into(),
            json!({"name": e.name(), "arn": e.arn()}),
        );
        let id = non_empty(e.arn())
            .or_else(|| non_empty(e.name()))
            .unwrap_or_default();
        Some(res("AwsEksCluster", id, tags(e.tags())))
    } else if let Some(l) = r.lambda_details() {
        json.insert(
            "lambdaDetails".into(),
            json!({"functionArn": l.function_arn(), "functionName": l.function_name()}),
        );
        let id = non_empty(l.function_arn())
            .or_else(|| non_empty(l.function_name()))
            .unwrap_or_default();
        Some(res("AwsLambdaFunction", id, tags(l.tags())))
    } else if let Some(d) = r.rds_db_instance_details() {
        json.insert(
            "rdsDbInstanceDetails".into(),
            json!({"dbInstanceArn": d.db_instance_arn(), "dbInstanceIdentifier": d.db_instance_identifier(), "engine": d.engine()}),
        );
        let id = non_empty(d.db_instance_arn())
            .or_else(|| non_empty(d.db_instance_identifier()))
            .unwrap_or_default();
        Some(res("AwsRdsDbInstance", id, tags(d.tags())))
    } else if let Some(c) = r.ecs_cluster_details() {
        json.insert(
            "ecsClusterDetails".into(),
            json!({"name": c.name(), "arn": c.arn()}),
        );
        let id = non_empty(c.arn())
            .or_else(|| non_empty(c.name()))
            .unwrap_or_default();
        Some(res("AwsEcsCluster", id, tags(c.tags())))
    } else {
        non_empty(Some(kind)).map(|k| res("Other", k, Default::default()))
    };
    (model, Value::Object(json))
}

fn service_json(s: &gd::Service) -> Value {
    json!({
        "serviceName": s.service_name(),
        "detectorId": s.detector_id(),
        "archived": s.archived(),
        "count": s.count(),
        "eventFirstSeen": s.event_first_seen(),
        "eventLastSeen": s.event_last_seen(),
        "resourceRole": s.resource_role(),
        "featureName": s.feature_name(),
        "userFeedback": s.user_feedback(),
        "action": s.action().map(|a| json!({"actionType": a.action_type()})),
    })
}

/// `None` when the finding has no id.
pub fn finding(f: &gd::Finding, region: &str) -> Option<Finding> {
    let id = non_empty(f.id())?;
    let account_id = f.account_id().unwrap_or_default().to_string();
    let region = non_empty(f.region()).unwrap_or_else(|| region.to_string());
    let score = f.severity().unwrap_or(0.0);
    let kind = f.r#type().unwrap_or_default().to_string();
    let service = f.service();
    let (resource, resource_json) = resource(f, &account_id, &region);
    let raw = super::prune_nulls(json!({
        "accountId": f.account_id(),
        "arn": f.arn(),
        "confidence": f.confidence(),
        "createdAt": f.created_at(),
        "description": f.description(),
        "id": f.id(),
        "partition": f.partition(),
        "region": f.region(),
        "resource": resource_json,
        "schemaVersion": f.schema_version(),
        "service": service.map(service_json),
        "severity": f.severity(),
        "title": f.title(),
        "type": f.r#type(),
        "updatedAt": f.updated_at(),
    }));
    Some(Finding {
        source: Source::GuardDuty,
        product_name: "GuardDuty".to_string(),
        title: f.title().unwrap_or_default().to_string(),
        description: f.description().unwrap_or_default().to_string(),
        types: if kind.is_empty() {
            Vec::new()
        } else {
            vec![kind.clone()]
        },
        finding_type: kind,
        generator_id: None,
        severity: Severity::from_guardduty(score),
        native_severity: NativeSeverity::GuardDuty { score },
        workflow: WorkflowStatus::New,
        record_state: if service.and_then(|s| s.archived()).unwrap_or(false) {
            RecordState::Archived
        } else {
            RecordState::Active
        },
        compliance: None,
        resources: resource.into_iter().collect(),
        remediation: None,
        first_seen: service
            .and_then(|s| s.event_first_seen())
            .and_then(parse_time),
        last_seen: service
            .and_then(|s| s.event_last_seen())
            .and_then(parse_time),
        created_at: f.created_at().and_then(parse_time),
        updated_at: f.updated_at().and_then(parse_time),
        provenances: vec![Provenance {
            channel: Channel::GuardDuty,
            product_arn: None,
            product_name: Some("GuardDuty".to_string()),
            native_id: id.clone(),
            native_arn: non_empty(f.arn()),
            account_id: account_id.clone(),
            region: region.clone(),
            raw: RawJson::from_value(&raw),
        }],
        id,
        account_id,
        region,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_findings_keep_score_resource_and_camel_case_record() {
        let f = gd::Finding::builder()
            .account_id("111122223333")
            .arn("arn:aws:guardduty:eu-west-2:111122223333:detector/12abc/finding/34def")
            .id("34def")
            .partition("aws")
            .region("eu-west-2")
            .schema_version("2.0")
            .severity(9.2)
            .title("Attack sequence")
            .r#type("AttackSequence:EC2/CompromisedInstanceGroup")
            .created_at("2026-10-01T08:00:00.000Z")
            .updated_at("2026-10-02T08:00:00.000Z")
            .resource(
                gd::Resource::builder()
                    .resource_type("Instance")
                    .instance_details(
                        gd::InstanceDetails::builder()
                            .instance_id("i-0abc")
                            .tags(gd::Tag::builder().key("Name").value("web").build())
                            .build(),
                    )
                    .build(),
            )
            .service(
                gd::Service::builder()
                    .archived(false)
                    .count(3)
                    .detector_id("12abc")
                    .service_name("guardduty")
                    .build(),
            )
            .build();
        let m = finding(&f, "us-east-1").expect("finding");
        assert_eq!(m.severity, Severity::Critical);
        assert_eq!(
            m.resources[0].id,
            "arn:aws:ec2:eu-west-2:111122223333:instance/i-0abc"
        );
        assert_eq!(m.resources[0].tags["Name"], "web");
        assert_eq!(
            m.copy_id(),
            "arn:aws:guardduty:eu-west-2:111122223333:detector/12abc/finding/34def"
        );
        let raw = m.provenances[0].raw.to_value();
        assert_eq!(raw["resource"]["instanceDetails"]["instanceId"], "i-0abc");
        assert_eq!(raw["service"]["count"], 3);
        assert_eq!(raw["type"], "AttackSequence:EC2/CompromisedInstanceGroup");
        assert!(raw.get("confidence").is_none());
    }

    #[test]
    fn archived_findings_and_missing_ids() {
        let f = gd::Finding::builder()
            .id("x")
            .service(gd::Service::builder().archived(true).build())
            .build();
        assert_eq!(
            finding(&f, "eu-west-2").expect("f").record_state,
            RecordState::Archived
        );
        assert!(finding(&gd::Finding::builder().build(), "r").is_none());
    }
}
