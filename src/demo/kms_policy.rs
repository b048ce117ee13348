//! Key policies as JSON text: a root-account administration statement, a
//! key-administrator statement and a usage statement restricted to the
//! key's service (`kms:ViaService` + `kms:CallerAccount`, or a service
//! principal with an encryption-context condition for CloudWatch Logs and
//! CloudTrail).

use super::ACCOUNT_ID;
use super::catalog;
use super::drift;
use super::kms::{KeySpec, Svc};
use serde_json::{Value, json};

const USE_ACTIONS: [&str; 5] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:DescribeKey",
];

const ADMIN_ACTIONS: [&str; 15] = [
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
];

/// The policy document for `spec`; `public` adds the drift statement.
pub fn document(spec: &KeySpec, public: bool) -> String {
    let mut statements = vec![
        json!({
            "Sid": "EnableRootAccountAdministration",
            "Effect": "Allow",
            "Principal": { "AWS": format!("arn:aws:iam::{ACCOUNT_ID}:root") },
            "Action": "kms:*",
            "Resource": "*"
        }),
        json!({
            "Sid": "AllowKeyAdministrators",
            "Effect": "Allow",
            "Principal": { "AWS": catalog::role_arn("KeyAdministrators") },
            "Action": ADMIN_ACTIONS,
            "Resource": "*"
        }),
    ];
    statements.extend(usage(spec));
    if public {
        // Meant for the partner account's export job; the account
        // condition was dropped in a hurried change.
        statements.push(json!({
            "Sid": drift::PUBLIC_POLICY_SID,
            "Effect": "Allow",
            "Principal": "*",
            "Action": ["kms:Decrypt", "kms:DescribeKey"],
            "Resource": "*"
        }));
    }
    let doc = json!({
        "Version": "2012-10-17",
        "Id": format!("{}-key-policy", spec.stem),
        "Statement": statements
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string())
}

fn usage(spec: &KeySpec) -> Vec<Value> {
    let region = spec.region;
    match spec.svc {
        Svc::Logs => vec![json!({
            "Sid": "AllowCloudWatchLogsEncryption",
            "Effect": "Allow",
            "Principal": { "Service": format!("logs.{region}.amazonaws.com") },
            "Action": [
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*"
            ],
            "Resource": "*",
            "Condition": {
                "ArnLike": {
                    "kms:EncryptionContext:aws:logs:arn":
                        format!("arn:aws:logs:{region}:{ACCOUNT_ID}:log-group:*")
                }
            }
        })],
        Svc::CloudTrail => vec![
            json!({
                "Sid": "AllowCloudTrailToEncryptLogs",
                "Effect": "Allow",
                "Principal": { "Service": "cloudtrail.amazonaws.com" },
                "Action": "kms:GenerateDataKey*",
                "Resource": "*",
                "Condition": {
                    "StringEquals": { "aws:SourceArn": catalog::trail_arn() },
                    "StringLike": {
                        "kms:EncryptionContext:aws:cloudtrail:arn":
                            format!("arn:aws:cloudtrail:*:{ACCOUNT_ID}:trail/*")
                    }
                }
            }),
            json!({
                "Sid": "AllowCloudTrailToDescribeKey",
                "Effect": "Allow",
                "Principal": { "Service": "cloudtrail.amazonaws.com" },
                "Action": "kms:DescribeKey",
                "Resource": "*",
                "Condition": {
                    "StringEquals": { "aws:SourceArn": catalog::trail_arn() }
                }
            }),
            json!({
                "Sid": "AllowLogDecryptionInThisAccount",
                "Effect": "Allow",
                "Principal": { "AWS": "*" },
                "Action": ["kms:Decrypt", "kms:ReEncryptFrom"],
                "Resource": "*",
                "Condition": {
                    "StringEquals": { "kms:CallerAccount": ACCOUNT_ID },
                    "StringLike": {
                        "kms:EncryptionContext:aws:cloudtrail:arn":
                            format!("arn:aws:cloudtrail:*:{ACCOUNT_ID}:trail/*")
                    }
                }
            }),
        ],
        svc => {
            let principal = if spec.users.is_empty() {
                json!("*")
            } else {
                json!(
                    spec.users
                        .iter()
                        .map(|r| catalog::role_arn(r))
                        .collect::<Vec<_>>()
                )
            };
            let mut actions: Vec<&str> = USE_ACTIONS.to_vec();
            if matches!(
                svc,
                Svc::Ebs | Svc::Rds | Svc::Lambda | Svc::SecretsManager | Svc::Backup
            ) {
                actions.push("kms:CreateGrant");
            }
            let mut out = vec![json!({
                "Sid": format!("AllowUseThrough{}", sid_word(svc)),
                "Effect": "Allow",
                "Principal": { "AWS": principal },
                "Action": actions,
                "Resource": "*",
                "Condition": {
                    "StringEquals": {
                        "kms:ViaService": format!("{}.{region}.amazonaws.com", svc.via()),
                        "kms:CallerAccount": ACCOUNT_ID
                    }
                }
            })];
            if svc == Svc::Sns {
                out.push(json!({
                    "Sid": "AllowCloudWatchAlarmsAndEventBridgeToPublish",
                    "Effect": "Allow",
                    "Principal": {
                        "Service": ["cloudwatch.amazonaws.com", "events.amazonaws.com"]
                    },
                    "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
                    "Resource": "*",
                    "Condition": {
                        "StringEquals": { "aws:SourceAccount": ACCOUNT_ID }
                    }
                }));
            }
            out
        }
    }
}

fn sid_word(svc: Svc) -> &'static str {
    match svc {
        Svc::S3 => "S3",
        Svc::DynamoDb => "DynamoDB",
        Svc::Sqs => "SQS",
        Svc::Sns => "SNS",
        Svc::Lambda => "Lambda",
        Svc::Logs => "Logs",
        Svc::CloudTrail => "CloudTrail",
        Svc::SecretsManager => "SecretsManager",
        Svc::Rds => "RDS",
        Svc::Ebs => "EC2",
        Svc::ElastiCache => "ElastiCache",
        Svc::Backup => "Backup",
        Svc::Ecr => "ECR",
    }
}
