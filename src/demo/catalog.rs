//! The workload resources the security data refers to (buckets, tables,
//! queues, topics, functions, secrets). rampart does not list these itself;
//! they appear in endpoint and key policies, log group names, alarms and
//! findings, so they are named once here and reused everywhere.

use super::ids;
use super::{ACCOUNT_ID, MEMBER_ACCOUNT_ID, PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1};

pub struct Bucket {
    pub stem: &'static str,
    pub account: &'static str,
    pub region: &'static str,
    /// Alias stem of the key its default encryption uses.
    pub key: &'static str,
}

pub const BUCKETS: [Bucket; 10] = [
    b("landing", ACCOUNT_ID, EUW2, "s3-data"),
    b("curated", ACCOUNT_ID, EUW2, "s3-data"),
    b("payments-archive", ACCOUNT_ID, EUW2, "payments-s3"),
    b("customer-data", ACCOUNT_ID, EUW2, "customer-data-s3"),
    b("analytics", ACCOUNT_ID, EUW2, "analytics-s3"),
    b("cloudtrail", ACCOUNT_ID, EUW2, "cloudtrail"),
    b("access-logs", ACCOUNT_ID, EUW2, "s3-data"),
    b("replica", ACCOUNT_ID, EUW1, "s3-replica"),
    b(
        "legacy-exports",
        MEMBER_ACCOUNT_ID,
        EUW2,
        "legacy-exports-s3",
    ),
    b("partner-drop", MEMBER_ACCOUNT_ID, EUW2, "legacy-exports-s3"),
];

const fn b(
    stem: &'static str,
    account: &'static str,
    region: &'static str,
    key: &'static str,
) -> Bucket {
    Bucket {
        stem,
        account,
        region,
        key,
    }
}

impl Bucket {
    pub fn name(&self) -> String {
        format!("halyard-{}-{}-{}", self.stem, self.account, self.region)
    }

    pub fn arn(&self) -> String {
        format!("arn:aws:s3:::{}", self.name())
    }
}

/// The bucket with this stem (the first bucket when none matches).
pub fn bucket(stem: &str) -> &'static Bucket {
    BUCKETS
        .iter()
        .find(|b| b.stem == stem)
        .unwrap_or(&BUCKETS[0])
}

/// DynamoDB tables: (name, region).
pub const TABLES: [(&str, &str); 5] = [
    ("customer-profiles", EUW2),
    ("payments-ledger", EUW2),
    ("ingest-state", EUW2),
    ("processor-checkpoints", EUW2),
    ("replication-state", EUW1),
];

/// SQS queues: (name, region); `-dlq` queues are dead-letter queues.
pub const QUEUES: [(&str, &str); 6] = [
    ("ingest-events", EUW2),
    ("ingest-events-dlq", EUW2),
    ("payments-events", EUW2),
    ("payments-events-dlq", EUW2),
    ("replication-events", EUW1),
    ("replication-events-dlq", EUW1),
];

/// SNS topics: (name, region).
pub const TOPICS: [(&str, &str); 5] = [
    ("security-alerts", EUW2),
    ("ops-alerts", EUW2),
    ("payments-notifications", EUW2),
    ("security-alerts", EUW1),
    ("ops-alerts", EUW1),
];

/// A Lambda function: where it runs and which security group it uses.
pub struct Function {
    pub name: &'static str,
    pub region: &'static str,
    /// VPC key (see `topology`), `primary`, `isolated`, ...
    pub vpc: &'static str,
    pub stack: &'static str,
}

pub const FUNCTIONS: [Function; 12] = [
    f("s3-object-processor", EUW2, "processor", "data-processing"),
    f(
        "dynamodb-stream-processor",
        EUW2,
        "processor",
        "data-processing",
    ),
    f("sqs-ingest-worker", EUW2, "isolated", "data-processing"),
    f("payments-reconciler", EUW2, "isolated", "payments"),
    f("customer-data-anonymiser", EUW2, "isolated", "data-storage"),
    f("analytics-aggregator", EUW2, "isolated", "data-processing"),
    f("report-generator", EUW2, "isolated", "data-processing"),
    f("kms-key-auditor", EUW2, "isolated", "security-monitoring"),
    f("web-async-worker", EUW2, "primary", "web-application"),
    f("replication-worker", EUW1, "replication", "dr-replication"),
    f(
        "replication-verifier",
        EUW1,
        "replication",
        "dr-replication",
    ),
    f("dr-failover-check", EUW1, "replication", "dr-replication"),
];

const fn f(
    name: &'static str,
    region: &'static str,
    vpc: &'static str,
    stack: &'static str,
) -> Function {
    Function {
        name,
        region,
        vpc,
        stack,
    }
}

/// Secrets Manager secrets: (name, region).
pub const SECRETS: [(&str, &str); 5] = [
    ("rds/app-db/master", EUW2),
    ("payments/api-signing-key", EUW2),
    ("web/session-secret", EUW2),
    ("processor/partner-credentials", EUW2),
    ("replication/target-credentials", EUW1),
];

/// ECR repositories in the primary region.
pub const REPOSITORIES: [&str; 2] = ["web-app", "async-worker"];

pub fn table_arn(name: &str, region: &str) -> String {
    format!("arn:aws:dynamodb:{region}:{ACCOUNT_ID}:table/{name}")
}

pub fn queue_arn(name: &str, region: &str) -> String {
    format!("arn:aws:sqs:{region}:{ACCOUNT_ID}:{name}")
}

pub fn topic_arn(name: &str, region: &str) -> String {
    format!("arn:aws:sns:{region}:{ACCOUNT_ID}:{name}")
}

pub fn function_arn(name: &str, region: &str) -> String {
    format!("arn:aws:lambda:{region}:{ACCOUNT_ID}:function:{name}")
}

/// Secrets Manager appends six random characters to a secret's ARN.
pub fn secret_arn(name: &str, region: &str) -> String {
    let suffix = ids::hex(&format!("secret/{region}/{name}"), 6);
    format!("arn:aws:secretsmanager:{region}:{ACCOUNT_ID}:secret:{name}-{suffix}")
}

pub fn repository_arn(name: &str) -> String {
    format!("arn:aws:ecr:{EUW2}:{ACCOUNT_ID}:repository/{name}")
}

pub fn role_arn(name: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT_ID}:role/{name}")
}

pub fn log_group_arn(name: &str, region: &str) -> String {
    format!("arn:aws:logs:{region}:{ACCOUNT_ID}:log-group:{name}")
}

/// The organisation's multi-Region CloudTrail trail.
pub fn trail_arn() -> String {
    format!("arn:aws:cloudtrail:{EUW2}:{ACCOUNT_ID}:trail/organization-trail")
}

/// Security Hub's resource id for an account.
pub fn account_resource(account: &str) -> String {
    format!("AWS::::Account:{account}")
}
