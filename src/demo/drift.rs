//! Names of the flaws planted in the demo estate (see the list at the top
//! of `demo.rs`), so that tests here and in the posture engine can find
//! them without repeating literals.

/// Customer managed key with automatic rotation switched off (KMS.4 FAILED).
pub const ROTATION_OFF_KEY_ALIAS: &str = "alias/analytics-s3-eu-west-2";

/// Key scheduled for deletion (KMS.3 FAILED); deletes 12 days after NOW.
pub const PENDING_DELETION_KEY_ALIAS: &str = "alias/ingest-lambda-legacy-eu-west-2";
pub const PENDING_DELETION_DAYS: i64 = 12;

/// Key whose policy has an unconstrained `"Principal": "*"` statement
/// (KMS.5 FAILED).
pub const PUBLIC_POLICY_KEY_ALIAS: &str = "alias/legacy-exports-s3-eu-west-2";
pub const PUBLIC_POLICY_SID: &str = "AllowPartnerExportDecrypt";

/// VPC (by `Name` tag) with no flow log (EC2.6 FAILED).
pub const NO_FLOW_LOGS_VPC_NAME: &str = "S3-DynamoDB Processor";

/// Security group open to 0.0.0.0/0 and ::/0 on TCP 22 (EC2.13, EC2.18,
/// EC2.19 FAILED); created by hand, so it carries no stack tags.
pub const OPEN_SSH_GROUP_NAME: &str = "bastion-ssh";

/// The CIS CloudWatch metric filter and alarm that does not exist
/// (CloudWatch.9 FAILED).
pub const MISSING_CIS_METRIC: &str = "AWSConfigChanges";
pub const MISSING_CIS_CONTROL: &str = "CloudWatch.9";

/// Alarms in the ALARM state.
pub const ALARMS_FIRING: [&str; 4] = [
    "cis-unauthorized-api-calls",
    "lambda-customer-data-anonymiser-errors",
    "sqs-payments-events-dlq-visible",
    "security-guardduty-high-severity-findings",
];

/// Alarms in INSUFFICIENT_DATA.
pub const ALARMS_INSUFFICIENT_DATA: [&str; 3] = [
    "vpce-replication-sts-packets-dropped",
    "lambda-dr-failover-check-throttles",
    "dynamodb-replication-state-system-errors",
];

/// An alarm whose actions were switched off and never switched back on.
pub const ALARM_ACTIONS_DISABLED: &str = "natgw-primary-c-error-port-allocation";
