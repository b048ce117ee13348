//! Macie's native findings to [`Finding`], keeping a camelCase JSON record
//! shaped like the Macie API reference's `Finding`.

use super::{non_empty, tag_map, time};
use crate::model::{
    Channel, Finding, NativeSeverity, Provenance, RawJson, RecordState, Resource, Severity, Source,
    WorkflowStatus,
};
use aws_sdk_macie2::types as mc;
use aws_smithy_types::date_time::Format;
use serde_json::{Value, json};

fn iso(t: Option<&aws_smithy_types::DateTime>) -> Option<String> {
    t.and_then(|t| t.fmt(Format::DateTime).ok())
}

fn pairs(t: &[mc::KeyValuePair]) -> Vec<Value> {
    t.iter()
        .map(|p| json!({"key": p.key(), "value": p.value()}))
        .collect()
}

fn resources(f: &mc::Finding, region: &str) -> (Vec<Resource>, Value) {
    let Some(r) = f.resources_affected() else {
        return (Vec::new(), Value::Null);
    };
    let partition = f.partition().map(str::to_string);
    let mut out = Vec::new();
    let bucket = r.s3_bucket().map(|b| {
        if let Some(id) = non_empty(b.arn()).or_else(|| non_empty(b.name())) {
            out.push(Resource {
                resource_type: "AwsS3Bucket".to_string(),
                id,
                region: Some(region.to_string()),
                partition: partition.clone(),
                tags: tag_map(b.tags().iter().map(|t| (t.key(), t.value()))),
            });
        }
        json!({
            "arn": b.arn(),
            "name": b.name(),
            "createdAt": iso(b.created_at()),
            "tags": pairs(b.tags()),
        })
    });
    let object = r.s3_object().map(|o| {
        if let Some(key) = non_empty(o.key()) {
            let id = match o.bucket_arn() {
                Some(b) => format!("{b}/{key}"),
                None => key,
            };
            out.push(Resource {
                resource_type: "AwsS3Object".to_string(),
                id,
                region: Some(region.to_string()),
                partition: partition.clone(),
                tags: tag_map(o.tags().iter().map(|t| (t.key(), t.value()))),
            });
        }
        json!({
            "bucketArn": o.bucket_arn(),
            "key": o.key(),
            "path": o.path(),
            "extension": o.extension(),
            "size": o.size(),
            "publicAccess": o.public_access(),
            "lastModified": iso(o.last_modified()),
        })
    });
    (out, json!({"s3Bucket": bucket, "s3Object": object}))
}

/// `None` when the finding has no id.
pub fn finding(f: &mc::Finding, region: &str) -> Option<Finding> {
    let id = non_empty(f.id())?;
    let account_id = f.account_id().unwrap_or_default().to_string();
    let region = non_empty(f.region()).unwrap_or_else(|| region.to_string());
    let level = f
        .severity()
        .and_then(|s| s.description())
        .map(|d| d.as_str().to_string())
        .unwrap_or_default();
    let score = f.severity().and_then(|s| s.score());
    let kind = f
        .r#type()
        .map(|t| t.as_str().to_string())
        .unwrap_or_default();
    let (resources, resources_json) = resources(f, &region);
    let raw = super::prune_nulls(json!({
        "accountId": f.account_id(),
        "archived": f.archived(),
        "category": f.category().map(|c| c.as_str()),
        "count": f.count(),
        "createdAt": iso(f.created_at()),
        "description": f.description(),
        "id": f.id(),
        "partition": f.partition(),
        "region": f.region(),
        "resourcesAffected": resources_json,
        "sample": f.sample(),
        "schemaVersion": f.schema_version(),
        "severity": {"description": f.severity().and_then(|s| s.description()).map(|d| d.as_str()), "score": score},
        "title": f.title(),
        "type": f.r#type().map(|t| t.as_str()),
        "updatedAt": iso(f.updated_at()),
    }));
    Some(Finding {
        source: Source::Macie,
        product_name: "Macie".to_string(),
        title: f.title().unwrap_or_default().to_string(),
        description: f.description().unwrap_or_default().to_string(),
        types: if kind.is_empty() {
            Vec::new()
        } else {
            vec![kind.clone()]
        },
        finding_type: kind,
        generator_id: None,
        severity: Severity::parse_label(&level).unwrap_or(Severity::Informational),
        native_severity: NativeSeverity::Macie {
            description: level,
            score: score.map(|s| s as f64),
        },
        workflow: WorkflowStatus::New,
        record_state: if f.archived().unwrap_or(false) {
            RecordState::Archived
        } else {
            RecordState::Active
        },
        compliance: None,
        resources,
        remediation: None,
        first_seen: f.created_at().and_then(time),
        last_seen: f.updated_at().and_then(time),
        created_at: f.created_at().and_then(time),
        updated_at: f.updated_at().and_then(time),
        provenances: vec![Provenance {
            channel: Channel::Macie,
            product_arn: None,
            product_name: Some("Macie".to_string()),
            native_id: id.clone(),
            native_arn: None,
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
    fn policy_findings_convert_with_bucket_and_level() {
        let f = mc::Finding::builder()
            .account_id("111122223333")
            .archived(false)
            .category(mc::FindingCategory::Policy)
            .id("90b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5")
            .partition("aws")
            .region("eu-west-2")
            .severity(
                mc::Severity::builder()
                    .description(mc::SeverityDescription::High)
                    .score(3)
                    .build(),
            )
            .title("The S3 bucket is publicly accessible")
            .r#type(mc::FindingType::PolicyIamUserS3BucketPublic)
            .created_at(aws_smithy_types::DateTime::from_secs(1_790_000_000))
            .resources_affected(
                mc::ResourcesAffected::builder()
                    .s3_bucket(
                        mc::S3Bucket::builder()
                            .arn("arn:aws:s3:::customer-exports")
                            .name("customer-exports")
                            .build(),
                    )
                    .build(),
            )
            .build();
        let m = finding(&f, "us-east-1").expect("finding");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.finding_type, "Policy:IAMUser/S3BucketPublic");
        assert_eq!(m.resources[0].resource_type, "AwsS3Bucket");
        let raw = m.provenances[0].raw.to_value();
        assert_eq!(
            raw["resourcesAffected"]["s3Bucket"]["name"],
            "customer-exports"
        );
        assert_eq!(raw["severity"]["score"], 3);
        assert!(raw["createdAt"].as_str().is_some_and(|s| s.ends_with('Z')));
        assert!(raw["resourcesAffected"].get("s3Object").is_none());
    }
}
