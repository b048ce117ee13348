//! The alarm definitions, by area: security (CIS set, security signals,
//! KMS request rates), network (interface endpoints, NAT gateways) and
//! workloads (Lambda, DynamoDB, SQS, SNS, web tier).

use super::alarms::{CIS_METRICS, Def, GE, GT, LT, SUM5, def};
use super::catalog::{FUNCTIONS, QUEUES, TABLES, TOPICS};
use super::topology::{AZS, VPCS};
use super::{PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1, drift, ids};

/// (name, namespace, metric, dimensions, (statistic, period, evaluations),
/// (comparison, threshold)) for the web tier's alarms.
type WebRow = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, String)>,
    (&'static str, i32, i32),
    (&'static str, f64),
);

pub fn security(defs: &mut Vec<Def>) {
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
    #[rustfmt::skip]
    let signals: [(&str, &str, &str, &'static str); 8] = [
        ("security-guardduty-high-severity-findings", "GuardDutyHighSeverityFindings", "GuardDuty findings with severity 7.0 or more", EUW2),
        ("security-securityhub-critical-findings", "SecurityHubCriticalFindings", "new CRITICAL Security Hub findings", EUW2),
        ("security-macie-sensitive-data-findings", "MacieSensitiveDataFindings", "new Macie sensitive-data findings", EUW2),
        ("security-kms-key-policy-changes", "KmsKeyPolicyChanges", "PutKeyPolicy calls on any key", EUW2),
        ("security-secrets-access-denied", "SecretsManagerAccessDenied", "denied GetSecretValue calls", EUW2),
        ("security-flow-logs-rejected-ssh", "RejectedSshConnections", "rejected TCP 22 connections in Primary flow logs", EUW2),
        ("security-guardduty-high-severity-findings-eu-west-1", "GuardDutyHighSeverityFindings", "GuardDuty findings with severity 7.0 or more", EUW1),
        ("security-securityhub-critical-findings-eu-west-1", "SecurityHubCriticalFindings", "new CRITICAL Security Hub findings", EUW1),
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

pub fn network(defs: &mut Vec<Def>) {
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

pub fn workloads(defs: &mut Vec<Def>) {
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
    #[rustfmt::skip]
    let web: [WebRow; 8] = [
        ("alb-web-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", vec![("LoadBalancer", alb.clone())], SUM5, (GE, 10.0)),
        ("alb-web-target-response-time", "AWS/ApplicationELB", "TargetResponseTime", vec![("LoadBalancer", alb.clone())], ("p99", 300, 3), (GT, 2.0)),
        ("alb-web-unhealthy-hosts", "AWS/ApplicationELB", "UnHealthyHostCount", vec![("LoadBalancer", alb), ("TargetGroup", tg)], ("Maximum", 60, 3), (GE, 1.0)),
        ("rds-app-db-cpu", "AWS/RDS", "CPUUtilization", vec![("DBInstanceIdentifier", "app-db".to_string())], ("Average", 300, 3), (GT, 80.0)),
        ("rds-app-db-free-storage", "AWS/RDS", "FreeStorageSpace", vec![("DBInstanceIdentifier", "app-db".to_string())], ("Minimum", 300, 1), (LT, 10_737_418_240.0)),
        ("rds-app-db-connections", "AWS/RDS", "DatabaseConnections", vec![("DBInstanceIdentifier", "app-db".to_string())], ("Maximum", 300, 3), (GT, 400.0)),
        ("elasticache-app-cache-cpu", "AWS/ElastiCache", "EngineCPUUtilization", vec![("CacheClusterId", "app-cache-001".to_string())], ("Average", 300, 3), (GT, 75.0)),
        ("elasticache-app-cache-evictions", "AWS/ElastiCache", "Evictions", vec![("CacheClusterId", "app-cache-001".to_string())], SUM5, (GT, 1000.0)),
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
