//! Macie findings: sensitive-data findings (Macie's API only; publishing
//! them to Security Hub is opt-in and off here) and policy findings, which
//! Macie publishes to Security Hub by default and so carry two provenances.
//! One sensitive-data finding is archived by a suppression rule.

use super::asff::{self, Head};
use super::catalog::{self, Bucket};
use super::clock::{ago, at, iso};
use super::ids;
use crate::model::{
    Channel, Finding, NativeSeverity, RecordState, Remediation, Resource, Severity, Source,
    Timestamp, WorkflowStatus,
};
use chrono::TimeDelta;
use serde_json::{Value, json};
use std::collections::BTreeMap;

struct Spec {
    seed: &'static str,
    ty: &'static str,
    bucket: &'static str,
    /// Object key for sensitive-data findings.
    object: Option<&'static str>,
    /// Macie level: Low, Medium, High.
    level: &'static str,
    title: &'static str,
    description: &'static str,
    /// (category, detection type, count) for sensitive data.
    detections: &'static [(&'static str, &'static str, u32)],
    first: Timestamp,
    last: Timestamp,
    /// Archived by a Macie suppression rule.
    archived: bool,
}

fn specs() -> Vec<Spec> {
    vec![
        Spec {
            seed: "macie-personal",
            ty: "SensitiveData:S3Object/Personal",
            bucket: "landing",
            object: Some("crm/exports/2026/10/customers-2026-10-28.csv"),
            level: "Medium",
            title: "The S3 object contains personal information.",
            description: "The object contains personal information such as full names, mailing addresses and phone numbers.",
            detections: &[
                ("PERSONAL_INFORMATION", "NAME", 4810),
                ("PERSONAL_INFORMATION", "ADDRESS", 4772),
                ("PERSONAL_INFORMATION", "PHONE_NUMBER", 3905),
            ],
            first: ago(3, 4),
            last: ago(3, 4),
            archived: false,
        },
        Spec {
            seed: "macie-credentials",
            ty: "SensitiveData:S3Object/Credentials",
            bucket: "legacy-exports",
            object: Some("config/partner-sync.env"),
            level: "High",
            title: "The S3 object contains credentials data.",
            description: "The object contains sensitive credentials data such as AWS secret access keys or private keys.",
            detections: &[("CREDENTIALS", "AWS_CREDENTIALS", 2)],
            first: ago(5, 9),
            last: ago(5, 9),
            archived: false,
        },
        Spec {
            seed: "macie-multiple",
            ty: "SensitiveData:S3Object/Multiple",
            bucket: "customer-data",
            object: Some("support/tickets/2026-10/attachments-batch-17.json"),
            level: "Medium",
            title: "The S3 object contains multiple categories of sensitive data.",
            description: "The object contains more than one category of sensitive data: personal information and financial information.",
            detections: &[
                ("PERSONAL_INFORMATION", "EMAIL_ADDRESS", 212),
                ("FINANCIAL_INFORMATION", "BANK_ACCOUNT_NUMBER", 14),
            ],
            first: ago(8, 2),
            last: ago(8, 2),
            archived: false,
        },
        Spec {
            seed: "macie-financial",
            ty: "SensitiveData:S3Object/Financial",
            bucket: "payments-archive",
            object: Some("settlements/2026/09/settlement-report-2026-09-30.csv"),
            level: "High",
            title: "The S3 object contains financial information.",
            description: "The object contains financial information such as bank account numbers or credit card numbers.",
            detections: &[("FINANCIAL_INFORMATION", "CREDIT_CARD_NUMBER", 1288)],
            first: ago(30, 1),
            last: ago(30, 1),
            archived: true,
        },
        Spec {
            seed: "macie-bpa-disabled",
            ty: "Policy:IAMUser/S3BlockPublicAccessDisabled",
            bucket: "legacy-exports",
            object: None,
            level: "High",
            title: "Block Public Access settings are disabled for the S3 bucket.",
            description: "All bucket-level block public access settings were disabled for the bucket. Access to the bucket is controlled only by user-defined access policies and ACLs.",
            detections: &[],
            first: ago(26, 7),
            last: ago(26, 7),
            archived: false,
        },
        Spec {
            seed: "macie-shared-externally",
            ty: "Policy:IAMUser/S3BucketSharedExternally",
            bucket: "legacy-exports",
            object: None,
            level: "High",
            title: "The S3 bucket is shared with an external AWS account.",
            description: "An Amazon S3 bucket policy was changed to allow the bucket to be shared with an AWS account outside of your organization.",
            detections: &[],
            first: ago(26, 6),
            last: ago(26, 6),
            archived: false,
        },
    ]
}

fn score(level: &str) -> f64 {
    match level {
        "High" => 3.0,
        "Medium" => 2.0,
        _ => 1.0,
    }
}

fn bucket_json(bucket: &Bucket) -> Value {
    let public = bucket.stem == "legacy-exports";
    json!({
        "arn": bucket.arn(),
        "name": bucket.name(),
        "createdAt": iso(at(2023, 6, 2, 11, 5)),
        "owner": { "id": ids::hex(&format!("canonical/{}", bucket.account), 64), "displayName": "platform-aws" },
        "defaultServerSideEncryption": {
            "encryptionType": "aws:kms",
            "kmsMasterKeyId": super::kms::key_arn(bucket.key, "eu-west-2")
        },
        "publicAccess": {
            "effectivePermission": if public { "PUBLIC" } else { "NOT_PUBLIC" },
            "permissionConfiguration": { "bucketLevelPermissions": { "blockPublicAccess": {
                "blockPublicAcls": !public, "blockPublicPolicy": !public,
                "ignorePublicAcls": !public, "restrictPublicBuckets": !public
            }}}
        },
        "tags": []
    })
}

pub fn findings() -> Vec<Finding> {
    specs().into_iter().map(finding).collect()
}

fn finding(s: Spec) -> Finding {
    let bucket = catalog::bucket(s.bucket);
    let (account, region) = (bucket.account, bucket.region);
    let id = ids::finding_hex(s.seed);
    let policy = s.object.is_none();
    let updated = s.last + TimeDelta::minutes(9);
    let mut resources_affected = json!({ "s3Bucket": bucket_json(bucket) });
    let mut native = json!({
        "accountId": account, "archived": s.archived,
        "category": if policy { "POLICY" } else { "CLASSIFICATION" },
        "count": 1, "createdAt": iso(s.first), "description": s.description, "id": id,
        "partition": "aws", "region": region, "sample": false, "schemaVersion": "1.0",
        "severity": { "description": s.level, "score": score(s.level) },
        "title": s.title, "type": s.ty, "updatedAt": iso(updated)
    });
    let mut resources = vec![Resource {
        resource_type: "AwsS3Bucket".to_string(),
        id: bucket.arn(),
        region: Some(region.to_string()),
        partition: Some("aws".to_string()),
        tags: BTreeMap::new(),
    }];
    if let Some(key) = s.object {
        let job = ids::hex(&format!("job/{}", s.seed), 32);
        resources_affected["s3Object"] = json!({
            "bucketArn": bucket.arn(), "key": key, "path": format!("{}/{key}", bucket.name()),
            "extension": key.rsplit('.').next().unwrap_or(""), "size": 180_000 + ids::pick(s.seed, 9_000_000),
            "lastModified": iso(s.first - TimeDelta::hours(30)), "storageClass": "STANDARD",
            "serverSideEncryption": { "encryptionType": "aws:kms", "kmsMasterKeyId": super::kms::key_arn(bucket.key, "eu-west-2") },
            "publicAccess": bucket.stem == "legacy-exports"
        });
        let mut categories: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
        for (category, kind, count) in s.detections {
            categories
                .entry(category)
                .or_default()
                .push(json!({ "type": kind, "count": count }));
        }
        native["classificationDetails"] = json!({
            "jobArn": format!("arn:aws:macie2:{region}:{account}:classification-job/{job}"),
            "jobId": job,
            "originType": "SENSITIVE_DATA_DISCOVERY_JOB",
            "result": {
                "status": { "code": "COMPLETE" },
                "mimeType": "text/plain",
                "sizeClassified": 180_000 + ids::pick(s.seed, 9_000_000),
                "additionalOccurrences": false,
                "sensitiveData": categories.iter().map(|(c, d)| json!({
                    "category": c,
                    "totalCount": d.iter().filter_map(|x| x["count"].as_u64()).sum::<u64>(),
                    "detections": d
                })).collect::<Vec<_>>()
            }
        });
        resources.push(Resource {
            resource_type: "AwsS3Object".to_string(),
            id: format!("{}/{key}", bucket.arn()),
            region: Some(region.to_string()),
            partition: Some("aws".to_string()),
            tags: BTreeMap::new(),
        });
    } else {
        native["policyDetails"] = json!({
            "action": { "actionType": "AWS_API_CALL", "apiCallDetails": {
                "api": if s.ty.ends_with("Disabled") { "DeletePublicAccessBlock" } else { "PutBucketPolicy" },
                "apiServiceName": "s3.amazonaws.com",
                "firstSeen": iso(s.first), "lastSeen": iso(s.last)
            }},
            "actor": { "userIdentity": { "type": "AssumedRole", "assumedRole": {
                "accountId": account,
                "arn": format!("arn:aws:sts::{account}:assumed-role/legacy-export-admin/d.patel"),
                "principalId": format!("AROA{}:d.patel", ids::hex("role/legacy-export-admin", 17).to_ascii_uppercase())
            }}}
        });
    }
    native["resourcesAffected"] = resources_affected;
    let severity = Severity::parse_label(s.level).unwrap_or(Severity::Medium);
    let types = vec![if policy {
        format!(
            "Software and Configuration Checks/AWS Security Best Practices/{}",
            s.ty.replace('/', "-")
        )
    } else {
        format!("Sensitive Data Identifications/{}", s.ty.replace('/', "-"))
    }];
    let workflow = WorkflowStatus::New;
    let record_state = if s.archived {
        RecordState::Archived
    } else {
        RecordState::Active
    };
    let mut provenances = vec![asff::provenance(
        Channel::Macie,
        None,
        "Macie",
        &id,
        None,
        account,
        region,
        &native,
    )];
    if policy {
        let product_arn = asff::product_arn(region, "macie");
        let mut raw = Head {
            id: &id,
            product_arn: &product_arn,
            product_name: "Macie",
            company: "Amazon",
            generator_id: s.ty,
            account,
            region,
            types: &types,
            first_seen: s.first,
            last_seen: s.last,
            severity,
            original_severity: s.level.to_string(),
            title: s.title,
            description: s.description,
        }
        .to_map();
        raw.insert("UpdatedAt".into(), json!(iso(updated)));
        raw.insert(
            "ProductFields".into(),
            json!({
                "aws/securityhub/FindingId": format!("{product_arn}/{id}"),
                "aws/securityhub/ProductName": "Macie",
                "aws/securityhub/CompanyName": "Amazon"
            }),
        );
        raw.insert(
            "Resources".into(),
            json!(
                resources
                    .iter()
                    .map(|r| asff::resource_json(r, None))
                    .collect::<Vec<_>>()
            ),
        );
        asff::state(&mut raw, workflow.as_str(), record_state.as_str());
        let raw = Value::Object(raw);
        provenances.push(asff::provenance(
            Channel::SecurityHub,
            Some(product_arn),
            "Macie",
            &id,
            None,
            account,
            region,
            &raw,
        ));
    }
    Finding {
        id,
        source: Source::Macie,
        product_name: "Macie".to_string(),
        title: s.title.to_string(),
        description: s.description.to_string(),
        finding_type: s.ty.to_string(),
        types,
        generator_id: None,
        severity,
        native_severity: NativeSeverity::Macie {
            description: s.level.to_string(),
            score: Some(score(s.level)),
        },
        workflow,
        record_state,
        compliance: None,
        resources,
        remediation: Some(Remediation {
            text: Some(
                "Review the finding in Macie and restrict access to, or remove, the affected data."
                    .to_string(),
            ),
            url: Some(
                "https://docs.aws.amazon.com/macie/latest/user/findings-types.html".to_string(),
            ),
        }),
        account_id: account.to_string(),
        region: region.to_string(),
        first_seen: Some(s.first),
        last_seen: Some(s.last),
        created_at: Some(s.first),
        updated_at: Some(updated),
        provenances,
    }
}
