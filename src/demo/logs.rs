//! 41 CloudWatch log groups in five retention tiers, all encrypted with the
//! region's CloudWatch Logs key (security logs with their own key), and the
//! VPC flow logs that deliver into the flow-log groups.

use super::catalog::{self, FUNCTIONS};
use super::clock::at;
use super::topology::VPCS;
use super::{ACCOUNT_ID, PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1, ids, kms};
use crate::model::{Estate, FlowLog, LogGroup};
use chrono::TimeDelta;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Processing,
    FlowLogs,
    Application,
    Security,
    Api,
}

impl Tier {
    pub fn retention_days(self) -> u32 {
        match self {
            Tier::Processing => 365,
            Tier::FlowLogs => 90,
            Tier::Application => 180,
            Tier::Security => 3653,
            Tier::Api => 90,
        }
    }

    fn key_stem(self) -> &'static str {
        match self {
            Tier::Security => "logs-security",
            _ => "logs",
        }
    }

    /// Typical stored size, for realistic `storedBytes`.
    fn scale(self) -> u64 {
        match self {
            Tier::Processing => 2_000_000_000,
            Tier::FlowLogs => 60_000_000_000,
            Tier::Application => 8_000_000_000,
            Tier::Security => 150_000_000_000,
            Tier::Api => 3_000_000_000,
        }
    }
}

/// The flow-log group of a VPC.
pub fn flow_log_group(vpc_key: &str) -> String {
    format!("/vpc/flow-logs/{vpc_key}")
}

/// The CloudTrail log group the CIS metric filters read.
pub const TRAIL_LOG_GROUP: &str = "/aws/cloudtrail/management-events";

const FIXED: [(&str, &str, Tier); 26] = [
    (TRAIL_LOG_GROUP, EUW2, Tier::Security),
    ("/aws/cloudtrail/data-events", EUW2, Tier::Security),
    ("/security/guardduty-findings", EUW2, Tier::Security),
    ("/security/guardduty-findings", EUW1, Tier::Security),
    ("/security/securityhub-findings", EUW2, Tier::Security),
    ("/security/securityhub-findings", EUW1, Tier::Security),
    ("/security/macie-findings", EUW2, Tier::Security),
    ("/security/config-changes", EUW2, Tier::Security),
    ("/security/access-analyzer", EUW2, Tier::Security),
    ("/ecs/web-app/frontend", EUW2, Tier::Application),
    ("/ecs/web-app/api", EUW2, Tier::Application),
    ("/ecs/web-app/async", EUW2, Tier::Application),
    (
        "/aws/rds/instance/app-db/postgresql",
        EUW2,
        Tier::Application,
    ),
    ("/aws/rds/instance/app-db/upgrade", EUW2, Tier::Application),
    (
        "/aws/elasticache/app-cache/slow-log",
        EUW2,
        Tier::Application,
    ),
    (
        "/aws/elasticache/app-cache/engine-log",
        EUW2,
        Tier::Application,
    ),
    ("/application/payments-service", EUW2, Tier::Application),
    ("/application/customer-portal", EUW2, Tier::Application),
    ("/application/dr-runbook", EUW1, Tier::Application),
    ("/aws/apigateway/payments-api/access", EUW2, Tier::Api),
    ("/aws/apigateway/customer-api/access", EUW2, Tier::Api),
    ("/aws/apigateway/partner-api/access", EUW2, Tier::Api),
    ("/aws/apigateway/internal-admin-api/access", EUW2, Tier::Api),
    (
        "API-Gateway-Execution-Logs_4x9k2m7p1q/prod",
        EUW2,
        Tier::Api,
    ),
    (
        "API-Gateway-Execution-Logs_8h3n5v2c6w/prod",
        EUW2,
        Tier::Api,
    ),
    ("/aws/apigateway/replication-api/access", EUW1, Tier::Api),
];

/// Every log group: (name, region, tier).
pub fn groups() -> Vec<(String, &'static str, Tier)> {
    let mut out: Vec<(String, &'static str, Tier)> = VPCS
        .iter()
        .filter(|v| v.flow_logs)
        .map(|v| (flow_log_group(v.key), v.region, Tier::FlowLogs))
        .collect();
    out.extend(FIXED.iter().map(|(n, r, t)| ((*n).to_string(), *r, *t)));
    out.extend(FUNCTIONS.iter().map(|f| {
        (
            format!("/aws/lambda/{}", f.name),
            f.region,
            Tier::Processing,
        )
    }));
    out
}

pub fn build(estate: &mut Estate) {
    for (i, (name, region, tier)) in groups().into_iter().enumerate() {
        let seed = format!("log/{region}/{name}");
        estate.log_groups.push(LogGroup {
            arn: catalog::log_group_arn(&name, region),
            account_id: ACCOUNT_ID.to_string(),
            region: region.to_string(),
            retention_days: Some(tier.retention_days()),
            kms_key_id: Some(kms::key_arn(tier.key_stem(), region)),
            stored_bytes: tier.scale() / 4 + ids::pick(&seed, tier.scale()),
            created_at: Some(
                at(2024, 2, 1, 8, 30) + TimeDelta::days(i as i64 * 11 + ids::pick(&seed, 9) as i64),
            ),
            name,
        });
    }
    for spec in VPCS.iter().filter(|v| v.flow_logs) {
        estate.flow_logs.push(FlowLog {
            flow_log_id: ids::flow_log_id(spec.key),
            resource_id: spec.id(),
            account_id: ACCOUNT_ID.to_string(),
            region: spec.region.to_string(),
            traffic_type: "ALL".to_string(),
            destination_type: "cloud-watch-logs".to_string(),
            destination: catalog::log_group_arn(&flow_log_group(spec.key), spec.region),
            status: "ACTIVE".to_string(),
        });
    }
}
