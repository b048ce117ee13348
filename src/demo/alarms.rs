//! 111 CloudWatch alarms: the CIS CloudTrail metric-filter set (one
//! deliberately missing), security signals, KMS request rates, interface
//! endpoint packet drops and the workload alarms (Lambda, DynamoDB, SQS,
//! SNS, NAT, ALB, RDS, ElastiCache). Almost all are OK; the drift alarms
//! are named in [`super::drift`].

use super::catalog::{self, FUNCTIONS, QUEUES, TABLES, TOPICS};
use super::clock::{ago, minutes_ago};
use super::topology::{AZS, VPCS};
use super::{ACCOUNT_ID, PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1, drift, ids};
use crate::model::{Alarm, AlarmState, Estate};
use chrono::TimeDelta;

/// The CIS CloudWatch metric filters: (metric, alarm name, Security Hub
/// control, what it watches).
pub const CIS_METRICS: [(&str, &str, &str, &str); 14] = [
    (
        "UnauthorizedAPICalls",
        "cis-unauthorized-api-calls",
        "CloudWatch.2",
        "unauthorised API calls",
    ),
    (
        "ConsoleSigninWithoutMFA",
        "cis-console-signin-without-mfa",
        "CloudWatch.3",
        "console sign-in without MFA",
    ),
    (
        "RootAccountUsage",
        "cis-root-account-usage",
        "CloudWatch.1",
        "use of the root user",
    ),
    (
        "IAMPolicyChanges",
        "cis-iam-policy-changes",
        "CloudWatch.4",
        "IAM policy changes",
    ),
    (
        "CloudTrailConfigChanges",
        "cis-cloudtrail-config-changes",
        "CloudWatch.5",
        "CloudTrail configuration changes",
    ),
    (
        "ConsoleAuthenticationFailures",
        "cis-console-authentication-failures",
        "CloudWatch.6",
        "console authentication failures",
    ),
    (
        "DisableOrDeleteCMK",
        "cis-disable-or-delete-cmk",
        "CloudWatch.7",
        "disabling or scheduled deletion of customer managed keys",
    ),
    (
        "S3BucketPolicyChanges",
        "cis-s3-bucket-policy-changes",
        "CloudWatch.8",
        "S3 bucket policy changes",
    ),
    (
        "AWSConfigChanges",
        "cis-aws-config-changes",
        "CloudWatch.9",
        "AWS Config configuration changes",
    ),
    (
        "SecurityGroupChanges",
        "cis-security-group-changes",
        "CloudWatch.10",
        "security group changes",
    ),
    (
        "NACLChanges",
        "cis-nacl-changes",
        "CloudWatch.11",
        "network ACL changes",
    ),
    (
        "NetworkGatewayChanges",
        "cis-network-gateway-changes",
        "CloudWatch.12",
        "network gateway changes",
    ),
    (
        "RouteTableChanges",
        "cis-route-table-changes",
        "CloudWatch.13",
        "route table changes",
    ),
    (
        "VPCChanges",
        "cis-vpc-changes",
        "CloudWatch.14",
        "VPC changes",
    ),
];

struct Def {
    name: String,
    region: &'static str,
    description: String,
    namespace: &'static str,
    metric: &'static str,
    dimensions: Vec<(&'static str, String)>,
    statistic: &'static str,
    period: i32,
    evaluations: i32,
    threshold: f64,
    comparison: &'static str,
    topic: &'static str,
}

#[allow(clippy::too_many_arguments)]
fn def(
    name: String,
    region: &'static str,
    description: String,
    namespace: &'static str,
    metric: &'static str,
    dimensions: Vec<(&'static str, String)>,
    (statistic, period, evaluations): (&'static str, i32, i32),
    (comparison, threshold): (&'static str, f64),
    topic: &'static str,
) -> Def {
    Def {
        name,
        region,
        description,
        namespace,
        metric,
        dimensions,
        statistic,
        period,
        evaluations,
        threshold,
        comparison,
        topic,
    }
}

const GE: &str = "GreaterThanOrEqualToThreshold";
const GT: &str = "GreaterThanThreshold";
const LT: &str = "LessThanThreshold";
const SUM5: (&str, i32, i32) = ("Sum", 300, 1);

pub fn build(estate: &mut Estate) {
    let mut defs = Vec::new();
    security(&mut defs);
    network(&mut defs);
    workloads(&mut defs);
    for (i, d) in defs.into_iter().enumerate() {
        estate.alarms.push(finish(i as i64, d));
    }
}

fn security(defs: &mut Vec<Def>) {
    for (metric, name, _, what) in CIS_METRICS {
        if metric == drift::MISSING_CIS_METRIC {
            continue;
        }
        let threshold = if metric == "ConsoleAuthenticationFailures" {
            3.0
        } else {
            1.0
        };
        defs.push(def(
            name.to_string(),
            EUW2,
            format!("CIS: {what} (metric filter on the organisation trail's log group)"),
            "CloudTrailMetrics",
            metric,
            Vec::new(),
            SUM5,
            (GE, threshold),
            "security-alerts",
        ));
    }
    let signals: [(&str, &str, &str, &'static str); 8] = [
        (
            "security-guardduty-high-severity-findings",
            "GuardDutyHighSeverityFindings",
            "GuardDuty findings with severity 7.0 or more",
            EUW2,
        ),
        (
            "security-securityhub-critical-findings",
            "SecurityHubCriticalFindings",
            "new CRITICAL Security Hub findings",
            EUW2,
        ),
        (
            "security-macie-sensitive-data-findings",
            "MacieSensitiveDataFindings",
            "new Macie sensitive-data findings",
            EUW2,
        ),
        (
            "security-kms-key-policy-changes",
            "KmsKeyPolicyChanges",
            "PutKeyPolicy calls on any key",
            EUW2,
        ),
        (
            "security-secrets-access-denied",
            "SecretsManagerAccessDenied",
            "denied GetSecretValue calls",
            EUW2,
        ),
        (
            "security-flow-logs-rejected-ssh",
            "RejectedSshConnections",
            "rejected TCP 22 connections in Primary flow logs",
            EUW2,
        ),
        (
            "security-guardduty-high-severity-findings-eu-west-1",
            "GuardDutyHighSeverityFindings",
            "GuardDuty findings with severity 7.0 or more",
            EUW1,
        ),
        (
            "security-securityhub-critical-findings-eu-west-1",
            "SecurityHubCriticalFindings",
            "new CRITICAL Security Hub findings",
            EUW1,
        ),
    ];
    for (name, metric, what, region) in signals {
        let threshold = if metric == "RejectedSshConnections" {
            100.0
        } else {
            1.0
        };
        defs.push(def(
            name.to_string(),
            region,
            format!("Security signal: {what}"),
            "LogMetrics",
            metric,
            Vec::new(),
            SUM5,
            (GE, threshold),
            "security-alerts",
        ));
    }
    for region in [EUW2, EUW1] {
        for op in ["Decrypt", "GenerateDataKey", "Encrypt"] {
            defs.push(def(
                format!("kms-throttling-{}-{region}", op.to_ascii_lowercase()),
                region,
                format!("KMS {op} requests above 80% of the 10,000/s shared quota"),
                "AWS/Usage",
                "CallCount",
                vec![
                    ("Class", "None".to_string()),
                    ("Resource", op.to_string()),
                    ("Service", "KMS".to_string()),
                    ("Type", "API".to_string()),
                ],
                ("Sum", 60, 3),
                (GE, 480_000.0),
                "security-alerts",
            ));
        }
    }
}

fn network(defs: &mut Vec<Def>) {
    for e in super::endpoints::interface_endpoints() {
        let spec = super::topology::vpc(e.0);
        defs.push(def(
            format!(
                "vpce-{}-{}-packets-dropped",
                spec.key,
                e.1.replace('.', "-")
            ),
            spec.region,
            format!(
                "{} interface endpoint for {} dropping packets",
                spec.name, e.1
            ),
            "AWS/PrivateLinkEndpoints",
            "PacketsDropped",
            vec![
                ("Endpoint Type", "Interface".to_string()),
                (
                    "Service Name",
                    format!("com.amazonaws.{}.{}", spec.region, e.1),
                ),
                ("VPC Endpoint Id", ids::endpoint_id(spec.key, e.1)),
                ("VPC Id", spec.id()),
            ],
            ("Sum", 300, 3),
            (GT, 0.0),
            "ops-alerts",
        ));
    }
    let primary = &VPCS[0];
    for az in AZS {
        let nat = ids::nat_id(primary.key, az);
        for (suffix, metric) in [
            ("error-port-allocation", "ErrorPortAllocation"),
            ("packets-dropped", "PacketsDropCount"),
        ] {
            defs.push(def(
                format!("natgw-primary-{az}-{suffix}"),
                EUW2,
                format!("NAT gateway in {EUW2}{az}: {metric}"),
                "AWS/NATGateway",
                metric,
                vec![("NatGatewayId", nat.clone())],
                SUM5,
                (GT, 0.0),
                "ops-alerts",
            ));
        }
    }
}

fn workloads(defs: &mut Vec<Def>) {
    for f in &FUNCTIONS {
        for (suffix, metric) in [("errors", "Errors"), ("throttles", "Throttles")] {
            defs.push(def(
                format!("lambda-{}-{suffix}", f.name),
                f.region,
                format!("{} {metric}", f.name),
                "AWS/Lambda",
                metric,
                vec![("FunctionName", f.name.to_string())],
                SUM5,
                (GE, 1.0),
                "ops-alerts",
            ));
        }
    }
    for (table, region) in TABLES {
        for (suffix, metric) in [
            ("throttled-requests", "ThrottledRequests"),
            ("system-errors", "SystemErrors"),
        ] {
            defs.push(def(
                format!("dynamodb-{table}-{suffix}"),
                region,
                format!("DynamoDB {table} {metric}"),
                "AWS/DynamoDB",
                metric,
                vec![("TableName", table.to_string())],
                SUM5,
                (GE, 1.0),
                "ops-alerts",
            ));
        }
    }
    for (queue, region) in QUEUES {
        let (suffix, metric, threshold, what) = if queue.ends_with("-dlq") {
            (
                "visible",
                "ApproximateNumberOfMessagesVisible",
                1.0,
                "messages in dead-letter queue",
            )
        } else {
            (
                "oldest-message-age",
                "ApproximateAgeOfOldestMessage",
                900.0,
                "oldest message older than 15 minutes",
            )
        };
        defs.push(def(
            format!("sqs-{queue}-{suffix}"),
            region,
            format!("SQS {queue}: {what}"),
            "AWS/SQS",
            metric,
            vec![("QueueName", queue.to_string())],
            ("Maximum", 300, 1),
            (GE, threshold),
            "ops-alerts",
        ));
    }
    for (topic, region) in TOPICS {
        defs.push(def(
            format!("sns-{topic}-{region}-failed-notifications"),
            region,
            format!("SNS {topic} failed deliveries"),
            "AWS/SNS",
            "NumberOfNotificationsFailed",
            vec![("TopicName", topic.to_string())],
            SUM5,
            (GE, 1.0),
            "ops-alerts",
        ));
    }
    let alb = format!("app/web-alb/{}", ids::hex("alb/web", 16));
    let tg = format!("targetgroup/web-app/{}", ids::hex("tg/web-app", 16));
    let web: [(
        &str,
        &'static str,
        &'static str,
        Vec<(&'static str, String)>,
        (&'static str, i32, i32),
        (&'static str, f64),
    ); 8] = [
        (
            "alb-web-5xx",
            "AWS/ApplicationELB",
            "HTTPCode_ELB_5XX_Count",
            vec![("LoadBalancer", alb.clone())],
            SUM5,
            (GE, 10.0),
        ),
        (
            "alb-web-target-response-time",
            "AWS/ApplicationELB",
            "TargetResponseTime",
            vec![("LoadBalancer", alb.clone())],
            ("p99", 300, 3),
            (GT, 2.0),
        ),
        (
            "alb-web-unhealthy-hosts",
            "AWS/ApplicationELB",
            "UnHealthyHostCount",
            vec![("LoadBalancer", alb), ("TargetGroup", tg)],
            ("Maximum", 60, 3),
            (GE, 1.0),
        ),
        (
            "rds-app-db-cpu",
            "AWS/RDS",
            "CPUUtilization",
            vec![("DBInstanceIdentifier", "app-db".to_string())],
            ("Average", 300, 3),
            (GT, 80.0),
        ),
        (
            "rds-app-db-free-storage",
            "AWS/RDS",
            "FreeStorageSpace",
            vec![("DBInstanceIdentifier", "app-db".to_string())],
            ("Minimum", 300, 1),
            (LT, 10_737_418_240.0),
        ),
        (
            "rds-app-db-connections",
            "AWS/RDS",
            "DatabaseConnections",
            vec![("DBInstanceIdentifier", "app-db".to_string())],
            ("Maximum", 300, 3),
            (GT, 400.0),
        ),
        (
            "elasticache-app-cache-cpu",
            "AWS/ElastiCache",
            "EngineCPUUtilization",
            vec![("CacheClusterId", "app-cache-001".to_string())],
            ("Average", 300, 3),
            (GT, 75.0),
        ),
        (
            "elasticache-app-cache-evictions",
            "AWS/ElastiCache",
            "Evictions",
            vec![("CacheClusterId", "app-cache-001".to_string())],
            SUM5,
            (GT, 1000.0),
        ),
    ];
    for (name, namespace, metric, dims, stat, cmp) in web {
        defs.push(def(
            name.to_string(),
            EUW2,
            format!("Web tier: {metric}"),
            namespace,
            metric,
            dims,
            stat,
            cmp,
            "ops-alerts",
        ));
    }
}

fn comparison_words(op: &str) -> &'static str {
    match op {
        GE => "greater than or equal to",
        GT => "greater than",
        LT => "less than",
        _ => "compared with",
    }
}

fn finish(index: i64, d: Def) -> Alarm {
    let state = if drift::ALARMS_FIRING.contains(&d.name.as_str()) {
        AlarmState::Alarm
    } else if drift::ALARMS_INSUFFICIENT_DATA.contains(&d.name.as_str()) {
        AlarmState::InsufficientData
    } else {
        AlarmState::Ok
    };
    let seed = format!("alarm/{}/{}", d.region, d.name);
    let updated = match state {
        AlarmState::Alarm => minutes_ago(7 + ids::pick(&seed, 50) as i64),
        AlarmState::InsufficientData => ago(2 + ids::pick(&seed, 5) as i64, 3),
        AlarmState::Ok => ago(3 + ids::pick(&seed, 80) as i64, (index % 24) as i64),
    };
    let at = (updated - TimeDelta::minutes(5)).format("%d/%m/%y %H:%M:%S");
    let words = comparison_words(d.comparison);
    let t = d.threshold;
    let state_reason = match state {
        AlarmState::Alarm => format!(
            "Threshold Crossed: 1 out of the last {} datapoints [{:.1} ({at})] was {words} the threshold ({t:.1}) (minimum 1 datapoint for OK -> ALARM transition).",
            d.evaluations,
            t + 2.0 + ids::pick(&seed, 6) as f64
        ),
        AlarmState::InsufficientData => format!(
            "Insufficient Data: {} datapoints were unknown.",
            d.evaluations
        ),
        AlarmState::Ok => format!(
            "Threshold Crossed: 1 out of the last {} datapoints [0.0 ({at})] was not {words} the threshold ({t:.1}) (minimum 1 datapoint for ALARM -> OK transition).",
            d.evaluations
        ),
    };
    let topic = catalog::topic_arn(d.topic, d.region);
    let security = d.topic == "security-alerts";
    Alarm {
        arn: format!(
            "arn:aws:cloudwatch:{}:{ACCOUNT_ID}:alarm:{}",
            d.region, d.name
        ),
        account_id: ACCOUNT_ID.to_string(),
        region: d.region.to_string(),
        description: d.description,
        namespace: d.namespace.to_string(),
        metric_name: d.metric.to_string(),
        dimensions: d
            .dimensions
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        statistic: Some(d.statistic.to_string()),
        period_seconds: Some(d.period),
        evaluation_periods: Some(d.evaluations),
        threshold: Some(d.threshold),
        comparison: d.comparison.to_string(),
        state,
        state_reason,
        state_updated: Some(updated),
        actions_enabled: d.name != drift::ALARM_ACTIONS_DISABLED,
        alarm_actions: vec![topic.clone()],
        ok_actions: if security { vec![topic] } else { Vec::new() },
        insufficient_data_actions: Vec::new(),
        name: d.name,
    }
}
