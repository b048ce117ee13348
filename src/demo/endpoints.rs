//! 33 VPC endpoints: S3 and DynamoDB gateway endpoints in every VPC (8),
//! and 25 interface endpoints in the endpoint subnets behind each VPC's
//! endpoint security group. Every endpoint policy names specific resources
//! and requires `aws:PrincipalAccount` to be this account.

use super::catalog::{self, FUNCTIONS, QUEUES, SECRETS, TOPICS};
use super::kms::KEYS;
use super::topology::{VPCS, VpcSpec};
use super::{ACCOUNT_ID, ids, tags};
use crate::model::{EndpointType, Estate, VpcEndpoint};
use serde_json::{Value, json};

pub const GATEWAY_SERVICES: [&str; 2] = ["s3", "dynamodb"];

/// Interface endpoint services per VPC key.
fn interface_services(vpc: &str) -> &'static [&'static str] {
    match vpc {
        "primary" => &["kms", "logs", "secretsmanager", "sts", "ecr.api", "ecr.dkr"],
        "isolated" => &[
            "kms",
            "logs",
            "sns",
            "sqs",
            "secretsmanager",
            "sts",
            "lambda",
        ],
        _ => &["kms", "logs", "sns", "sqs", "secretsmanager", "sts"],
    }
}

/// Buckets each VPC's S3 endpoint admits.
fn bucket_stems(vpc: &str) -> &'static [&'static str] {
    match vpc {
        "primary" => &["landing", "customer-data"],
        "isolated" => &[
            "landing",
            "curated",
            "payments-archive",
            "customer-data",
            "analytics",
        ],
        "replication" => &["replica"],
        _ => &["landing", "curated", "analytics"],
    }
}

/// DynamoDB tables each VPC's endpoint admits.
fn table_names(vpc: &str) -> &'static [&'static str] {
    match vpc {
        "primary" => &["customer-profiles"],
        "isolated" => &["customer-profiles", "payments-ledger", "ingest-state"],
        "replication" => &["replication-state"],
        _ => &["processor-checkpoints", "ingest-state"],
    }
}

/// Every interface endpoint as (VPC key, service), in build order.
pub fn interface_endpoints() -> Vec<(&'static str, &'static str)> {
    VPCS.iter()
        .flat_map(|v| interface_services(v.key).iter().map(move |s| (v.key, *s)))
        .collect()
}

pub fn build(estate: &mut Estate) {
    for spec in &VPCS {
        for svc in GATEWAY_SERVICES {
            estate.vpc_endpoints.push(VpcEndpoint {
                vpc_endpoint_id: ids::endpoint_id(spec.key, svc),
                vpc_id: spec.id(),
                account_id: ACCOUNT_ID.to_string(),
                region: spec.region.to_string(),
                service_name: format!("com.amazonaws.{}.{svc}", spec.region),
                endpoint_type: EndpointType::Gateway,
                state: "available".to_string(),
                policy: Some(policy(spec, svc)),
                route_table_ids: spec.endpoint_route_tables(),
                subnet_ids: Vec::new(),
                security_group_ids: Vec::new(),
                private_dns_enabled: false,
                tags: tags::stack(&format!("{}-{svc}-gateway", spec.key), spec.stack),
            });
        }
        for svc in interface_services(spec.key) {
            estate.vpc_endpoints.push(VpcEndpoint {
                vpc_endpoint_id: ids::endpoint_id(spec.key, svc),
                vpc_id: spec.id(),
                account_id: ACCOUNT_ID.to_string(),
                region: spec.region.to_string(),
                service_name: format!("com.amazonaws.{}.{svc}", spec.region),
                endpoint_type: EndpointType::Interface,
                state: "available".to_string(),
                policy: Some(policy(spec, svc)),
                route_table_ids: Vec::new(),
                subnet_ids: spec.subnet_ids("endpoints"),
                security_group_ids: vec![ids::sg_id(spec.key, &endpoint_group_name(spec))],
                private_dns_enabled: true,
                tags: tags::stack(&format!("{}-{svc}-endpoint", spec.key), spec.stack),
            });
        }
    }
}

/// The endpoint security group's name in a VPC.
pub fn endpoint_group_name(spec: &VpcSpec) -> String {
    format!("{}-vpc-endpoints", spec.key)
}

fn in_region<'a>(spec: &VpcSpec, items: &'a [(&'a str, &'a str)]) -> Vec<&'a str> {
    items
        .iter()
        .filter(|(_, region)| *region == spec.region)
        .map(|(name, _)| *name)
        .collect()
}

fn functions_in(spec: &VpcSpec) -> Vec<&'static str> {
    FUNCTIONS
        .iter()
        .filter(|f| f.vpc == spec.key)
        .map(|f| f.name)
        .collect()
}

fn statement(sid: &str, actions: &[&str], resources: Vec<String>) -> Value {
    json!({
        "Sid": sid,
        "Effect": "Allow",
        "Principal": "*",
        "Action": actions,
        "Resource": resources,
        "Condition": { "StringEquals": { "aws:PrincipalAccount": ACCOUNT_ID } }
    })
}

fn policy(spec: &VpcSpec, svc: &str) -> String {
    let region = spec.region;
    let mut statements = Vec::new();
    match svc {
        "s3" => {
            let mut resources = Vec::new();
            for stem in bucket_stems(spec.key) {
                let arn = catalog::bucket(stem).arn();
                resources.push(format!("{arn}/*"));
                resources.push(arn);
            }
            statements.push(statement(
                "AllowNamedBuckets",
                &[
                    "s3:GetObject",
                    "s3:PutObject",
                    "s3:ListBucket",
                    "s3:GetBucketLocation",
                ],
                resources,
            ));
            if spec.key == "primary" {
                // ECR image layers are served from an AWS-owned bucket.
                statements.push(statement(
                    "AllowEcrImageLayers",
                    &["s3:GetObject"],
                    vec![format!(
                        "arn:aws:s3:::prod-{region}-starport-layer-bucket/*"
                    )],
                ));
            }
        }
        "dynamodb" => statements.push(statement(
            "AllowNamedTables",
            &[
                "dynamodb:GetItem",
                "dynamodb:PutItem",
                "dynamodb:UpdateItem",
                "dynamodb:Query",
                "dynamodb:BatchWriteItem",
                "dynamodb:DescribeTable",
            ],
            table_names(spec.key)
                .iter()
                .map(|t| catalog::table_arn(t, region))
                .collect(),
        )),
        "kms" => statements.push(statement(
            "AllowRegionalKeys",
            &[
                "kms:Decrypt",
                "kms:Encrypt",
                "kms:GenerateDataKey*",
                "kms:DescribeKey",
            ],
            KEYS.iter()
                .filter(|k| k.region == region)
                .map(|k| super::kms::key_arn(k.stem, region))
                .collect(),
        )),
        "logs" => {
            let mut groups: Vec<String> = functions_in(spec)
                .iter()
                .map(|f| {
                    format!(
                        "{}:*",
                        catalog::log_group_arn(&format!("/aws/lambda/{f}"), region)
                    )
                })
                .collect();
            if spec.key == "primary" {
                groups.push(format!(
                    "{}:*",
                    catalog::log_group_arn("/ecs/web-app/*", region)
                ));
            }
            statements.push(statement(
                "AllowWorkloadLogGroups",
                &[
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                    "logs:DescribeLogStreams",
                ],
                groups,
            ));
        }
        "sns" => statements.push(statement(
            "AllowNamedTopics",
            &["sns:Publish"],
            in_region(spec, &TOPICS)
                .iter()
                .map(|t| catalog::topic_arn(t, region))
                .collect(),
        )),
        "sqs" => statements.push(statement(
            "AllowNamedQueues",
            &[
                "sqs:SendMessage",
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:GetQueueAttributes",
                "sqs:ChangeMessageVisibility",
            ],
            in_region(spec, &QUEUES)
                .iter()
                .map(|q| catalog::queue_arn(q, region))
                .collect(),
        )),
        "secretsmanager" => statements.push(statement(
            "AllowNamedSecrets",
            &[
                "secretsmanager:GetSecretValue",
                "secretsmanager:DescribeSecret",
            ],
            in_region(spec, &SECRETS)
                .iter()
                .map(|s| catalog::secret_arn(s, region))
                .collect(),
        )),
        "sts" => statements.push(statement(
            "AllowWorkloadRoles",
            &["sts:AssumeRole"],
            functions_in(spec)
                .iter()
                .map(|f| catalog::role_arn(&format!("{f}-role")))
                .collect(),
        )),
        "lambda" => statements.push(statement(
            "AllowNamedFunctions",
            &["lambda:InvokeFunction"],
            FUNCTIONS
                .iter()
                .filter(|f| f.region == region)
                .map(|f| catalog::function_arn(f.name, region))
                .collect(),
        )),
        _ => {
            // ecr.api and ecr.dkr
            statements.push(statement(
                "AllowRegistryAuthentication",
                &["ecr:GetAuthorizationToken"],
                vec!["*".to_string()],
            ));
            statements.push(statement(
                "AllowNamedRepositories",
                &[
                    "ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer",
                    "ecr:BatchCheckLayerAvailability",
                ],
                catalog::REPOSITORIES
                    .iter()
                    .map(|r| catalog::repository_arn(r))
                    .collect(),
            ));
        }
    }
    let doc = json!({ "Version": "2012-10-17", "Statement": statements });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string())
}
