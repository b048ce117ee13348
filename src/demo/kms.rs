//! 36 customer managed symmetric keys, organised by service (one per
//! service and region) plus per-project keys. All rotate yearly (payments
//! keys every 180 days) except the drift keys named in [`super::drift`].

use super::clock::{at, in_days, now};
use super::{ACCOUNT_ID, PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1};
use super::{drift, ids, kms_policy, tags};
use crate::model::{KeyManager, KeyState, KmsKey, Rotation, Timestamp};
use chrono::TimeDelta;

/// The AWS service a key is dedicated to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Svc {
    S3,
    DynamoDb,
    Sqs,
    Sns,
    Lambda,
    Logs,
    CloudTrail,
    SecretsManager,
    Rds,
    Ebs,
    ElastiCache,
    Backup,
    Ecr,
}

impl Svc {
    /// The `Service` tag value.
    pub fn tag(self) -> &'static str {
        match self {
            Svc::S3 => "s3",
            Svc::DynamoDb => "dynamodb",
            Svc::Sqs => "sqs",
            Svc::Sns => "sns",
            Svc::Lambda => "lambda",
            Svc::Logs => "logs",
            Svc::CloudTrail => "cloudtrail",
            Svc::SecretsManager => "secretsmanager",
            Svc::Rds => "rds",
            Svc::Ebs => "ebs",
            Svc::ElastiCache => "elasticache",
            Svc::Backup => "backup",
            Svc::Ecr => "ecr",
        }
    }

    /// The service part of `kms:ViaService` (`<this>.<region>.amazonaws.com`).
    pub fn via(self) -> &'static str {
        match self {
            Svc::Ebs => "ec2",
            other => other.tag(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Svc::S3 => "Amazon S3",
            Svc::DynamoDb => "Amazon DynamoDB",
            Svc::Sqs => "Amazon SQS",
            Svc::Sns => "Amazon SNS",
            Svc::Lambda => "AWS Lambda environment variable",
            Svc::Logs => "CloudWatch Logs",
            Svc::CloudTrail => "CloudTrail log file",
            Svc::SecretsManager => "Secrets Manager",
            Svc::Rds => "Amazon RDS",
            Svc::Ebs => "EBS volume",
            Svc::ElastiCache => "ElastiCache",
            Svc::Backup => "AWS Backup vault",
            Svc::Ecr => "Amazon ECR image",
        }
    }
}

/// One key in the table below.
pub struct KeySpec {
    /// Alias without `alias/` and without the region suffix.
    pub stem: &'static str,
    pub region: &'static str,
    pub svc: Svc,
    pub project: &'static str,
    pub stack: &'static str,
    /// IAM roles allowed to use the key through its service; empty means
    /// any principal of the account (the AWS-managed-key pattern).
    pub users: &'static [&'static str],
}

const fn k(
    stem: &'static str,
    region: &'static str,
    svc: Svc,
    project: &'static str,
    stack: &'static str,
    users: &'static [&'static str],
) -> KeySpec {
    KeySpec {
        stem,
        region,
        svc,
        project,
        stack,
        users,
    }
}

const ANY: &[&str] = &[];

#[rustfmt::skip]
pub const KEYS: [KeySpec; 36] = [
    // Shared service keys, primary region.
    k("s3-data", EUW2, Svc::S3, "shared", "kms-keys", ANY),
    k("dynamodb-data", EUW2, Svc::DynamoDb, "shared", "kms-keys", ANY),
    k("sqs-messaging", EUW2, Svc::Sqs, "shared", "messaging", ANY),
    k("sns-notifications", EUW2, Svc::Sns, "shared", "messaging", ANY),
    k("lambda-environment", EUW2, Svc::Lambda, "shared", "kms-keys", ANY),
    k("logs", EUW2, Svc::Logs, "shared", "logging", ANY),
    k("logs-security", EUW2, Svc::Logs, "security", "logging", ANY),
    k("cloudtrail", EUW2, Svc::CloudTrail, "security", "logging", ANY),
    k("secretsmanager", EUW2, Svc::SecretsManager, "shared", "kms-keys", ANY),
    k("rds-app-db", EUW2, Svc::Rds, "web", "web-application", ANY),
    k("ebs-default", EUW2, Svc::Ebs, "shared", "kms-keys", ANY),
    k("elasticache-app-cache", EUW2, Svc::ElastiCache, "web", "web-application", ANY),
    k("backup-vault", EUW2, Svc::Backup, "shared", "kms-keys", ANY),
    k("sns-security-alerts", EUW2, Svc::Sns, "security", "security-monitoring", ANY),
    k("ecr-images", EUW2, Svc::Ecr, "web", "web-application", ANY),
    // Shared service keys, replica region.
    k("s3-replica", EUW1, Svc::S3, "shared", "dr-replication", ANY),
    k("dynamodb-replica", EUW1, Svc::DynamoDb, "shared", "dr-replication", ANY),
    k("sqs-replication", EUW1, Svc::Sqs, "shared", "dr-replication", ANY),
    k("sns-notifications", EUW1, Svc::Sns, "shared", "dr-replication", ANY),
    k("lambda-environment", EUW1, Svc::Lambda, "shared", "dr-replication", ANY),
    k("logs", EUW1, Svc::Logs, "shared", "logging", ANY),
    k("logs-security", EUW1, Svc::Logs, "security", "logging", ANY),
    k("secretsmanager", EUW1, Svc::SecretsManager, "shared", "dr-replication", ANY),
    k("backup-vault", EUW1, Svc::Backup, "shared", "dr-replication", ANY),
    k("sns-security-alerts", EUW1, Svc::Sns, "security", "security-monitoring", ANY),
    // Per-project keys.
    k("payments-s3", EUW2, Svc::S3, "payments", "payments", PAYMENTS),
    k("payments-dynamodb", EUW2, Svc::DynamoDb, "payments", "payments", PAYMENTS),
    k("payments-sqs", EUW2, Svc::Sqs, "payments", "payments", PAYMENTS),
    k("payments-secrets", EUW2, Svc::SecretsManager, "payments", "payments", PAYMENTS),
    k("customer-data-s3", EUW2, Svc::S3, "customer-data", "data-storage", CUSTOMER),
    k("customer-data-dynamodb", EUW2, Svc::DynamoDb, "customer-data", "data-storage", CUSTOMER),
    k("analytics-s3", EUW2, Svc::S3, "analytics", "data-processing", ANALYTICS),
    k("ingest-sqs", EUW2, Svc::Sqs, "ingest", "data-processing", INGEST),
    k("processor-dynamodb", EUW2, Svc::DynamoDb, "processor", "data-processing", PROCESSOR),
    k("legacy-exports-s3", EUW2, Svc::S3, "legacy-exports", "data-storage", LEGACY),
    k("ingest-lambda-legacy", EUW2, Svc::Lambda, "ingest", "data-processing", INGEST),
];

const PAYMENTS: &[&str] = &["payments-reconciler-role", "payments-api-role"];
const CUSTOMER: &[&str] = &["customer-data-anonymiser-role", "web-app-task-role"];
const ANALYTICS: &[&str] = &["analytics-aggregator-role", "report-generator-role"];
const INGEST: &[&str] = &["sqs-ingest-worker-role"];
const PROCESSOR: &[&str] = &["s3-object-processor-role", "dynamodb-stream-processor-role"];
const LEGACY: &[&str] = &["legacy-export-job-role"];

impl KeySpec {
    pub fn alias(&self) -> String {
        alias(self.stem, self.region)
    }
}

pub fn alias(stem: &str, region: &str) -> String {
    format!("alias/{stem}-{region}")
}

pub fn key_id(stem: &str, region: &str) -> String {
    ids::uuid(&format!("kms/{region}/{stem}"))
}

pub fn key_arn(stem: &str, region: &str) -> String {
    format!(
        "arn:aws:kms:{region}:{ACCOUNT_ID}:key/{}",
        key_id(stem, region)
    )
}

/// Every key in [`KEYS`], drift applied.
pub fn keys() -> Vec<KmsKey> {
    KEYS.iter()
        .enumerate()
        .map(|(i, spec)| key(i as i64, spec))
        .collect()
}

fn key(index: i64, spec: &KeySpec) -> KmsKey {
    let alias = spec.alias();
    // Shared keys came with the landing zone (early 2024), replica keys with
    // the DR build-out, project keys over the following year; the legacy
    // keys predate all of them.
    let base = if spec.stem.contains("legacy") {
        at(2023, 5, 22, 14, 0)
    } else if spec.project != "shared" && spec.project != "security" {
        at(2024, 9, 2, 10, 0)
    } else if spec.region == EUW1 {
        at(2024, 6, 17, 9, 0)
    } else {
        at(2024, 1, 15, 10, 0)
    };
    let created = base
        + TimeDelta::days(ids::pick(&alias, 120) as i64)
        + TimeDelta::minutes(index * 7 + ids::pick(&alias, 600) as i64);
    let period: u32 = if spec.project == "payments" { 180 } else { 365 };
    let pending = alias == drift::PENDING_DELETION_KEY_ALIAS;
    let rotation = if alias == drift::ROTATION_OFF_KEY_ALIAS || pending {
        // KMS reports rotation as off while a key is pending deletion.
        Rotation {
            enabled: Some(false),
            period_days: None,
            next_rotation: None,
        }
    } else {
        Rotation {
            enabled: Some(true),
            period_days: Some(period),
            next_rotation: Some(next_rotation(created, period)),
        }
    };
    let description = if pending {
        "Superseded by alias/lambda-environment-eu-west-2; scheduled for deletion".to_string()
    } else {
        format!(
            "{} encryption for {} ({})",
            spec.svc.label(),
            spec.project,
            spec.region
        )
    };
    KmsKey {
        key_id: key_id(spec.stem, spec.region),
        arn: key_arn(spec.stem, spec.region),
        account_id: ACCOUNT_ID.to_string(),
        region: spec.region.to_string(),
        aliases: vec![alias.clone()],
        manager: KeyManager::Customer,
        spec: "SYMMETRIC_DEFAULT".to_string(),
        usage: "ENCRYPT_DECRYPT".to_string(),
        origin: "AWS_KMS".to_string(),
        state: if pending {
            KeyState::PendingDeletion
        } else {
            KeyState::Enabled
        },
        description,
        created_at: Some(created),
        deletion_date: pending.then(|| in_days(drift::PENDING_DELETION_DAYS)),
        multi_region: false,
        rotation,
        policy: Some(kms_policy::document(
            spec,
            alias == drift::PUBLIC_POLICY_KEY_ALIAS,
        )),
        tags: tags::stack_with(
            spec.stem,
            spec.stack,
            &[("Service", spec.svc.tag()), ("Project", spec.project)],
        ),
    }
}

/// The first rotation date after now on the key's schedule.
fn next_rotation(created: Timestamp, period_days: u32) -> Timestamp {
    let period = i64::from(period_days.max(1));
    let elapsed = (now() - created).num_days().max(0);
    created + TimeDelta::days((elapsed / period + 1) * period)
}
