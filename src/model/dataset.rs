//! Datasets and their load states: what was read, where, and how it went.

use super::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Each dataset rampart reads, one per AWS read path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    SecurityHubFindings,
    GuardDutyFindings,
    MacieFindings,
    Standards,
    Controls,
    KmsKeys,
    Vpcs,
    Subnets,
    RouteTables,
    InternetGateways,
    NatGateways,
    VpcEndpoints,
    SecurityGroups,
    NetworkAcls,
    FlowLogs,
    LogGroups,
    Alarms,
}

impl DatasetKind {
    /// The EC2 network datasets, read together and shown together.
    pub const NETWORK: [DatasetKind; 9] = [
        DatasetKind::Vpcs,
        DatasetKind::Subnets,
        DatasetKind::RouteTables,
        DatasetKind::InternetGateways,
        DatasetKind::NatGateways,
        DatasetKind::VpcEndpoints,
        DatasetKind::SecurityGroups,
        DatasetKind::NetworkAcls,
        DatasetKind::FlowLogs,
    ];

    pub const ALL: [DatasetKind; 17] = [
        DatasetKind::SecurityHubFindings,
        DatasetKind::GuardDutyFindings,
        DatasetKind::MacieFindings,
        DatasetKind::Standards,
        DatasetKind::Controls,
        DatasetKind::KmsKeys,
        DatasetKind::Vpcs,
        DatasetKind::Subnets,
        DatasetKind::RouteTables,
        DatasetKind::InternetGateways,
        DatasetKind::NatGateways,
        DatasetKind::VpcEndpoints,
        DatasetKind::SecurityGroups,
        DatasetKind::NetworkAcls,
        DatasetKind::FlowLogs,
        DatasetKind::LogGroups,
        DatasetKind::Alarms,
    ];

    /// snake_case key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            DatasetKind::SecurityHubFindings => "securityhub_findings",
            DatasetKind::GuardDutyFindings => "guardduty_findings",
            DatasetKind::MacieFindings => "macie_findings",
            DatasetKind::Standards => "standards",
            DatasetKind::Controls => "controls",
            DatasetKind::KmsKeys => "kms_keys",
            DatasetKind::Vpcs => "vpcs",
            DatasetKind::Subnets => "subnets",
            DatasetKind::RouteTables => "route_tables",
            DatasetKind::InternetGateways => "internet_gateways",
            DatasetKind::NatGateways => "nat_gateways",
            DatasetKind::VpcEndpoints => "vpc_endpoints",
            DatasetKind::SecurityGroups => "security_groups",
            DatasetKind::NetworkAcls => "network_acls",
            DatasetKind::FlowLogs => "flow_logs",
            DatasetKind::LogGroups => "log_groups",
            DatasetKind::Alarms => "alarms",
        }
    }

    /// Display label, e.g. `GuardDuty findings`.
    pub fn label(self) -> &'static str {
        match self {
            DatasetKind::SecurityHubFindings => "Security Hub findings",
            DatasetKind::GuardDutyFindings => "GuardDuty findings",
            DatasetKind::MacieFindings => "Macie findings",
            DatasetKind::Standards => "Standards",
            DatasetKind::Controls => "Controls",
            DatasetKind::KmsKeys => "KMS keys",
            DatasetKind::Vpcs => "VPCs",
            DatasetKind::Subnets => "Subnets",
            DatasetKind::RouteTables => "Route tables",
            DatasetKind::InternetGateways => "Internet gateways",
            DatasetKind::NatGateways => "NAT gateways",
            DatasetKind::VpcEndpoints => "VPC endpoints",
            DatasetKind::SecurityGroups => "Security groups",
            DatasetKind::NetworkAcls => "Network ACLs",
            DatasetKind::FlowLogs => "Flow logs",
            DatasetKind::LogGroups => "Log groups",
            DatasetKind::Alarms => "Alarms",
        }
    }

    /// The IAM action whose absence leaves this dataset unread.
    pub fn iam_action(self) -> &'static str {
        match self {
            DatasetKind::SecurityHubFindings => "securityhub:GetFindings",
            DatasetKind::GuardDutyFindings => "guardduty:GetFindings",
            DatasetKind::MacieFindings => "macie2:GetFindings",
            DatasetKind::Standards => "securityhub:GetEnabledStandards",
            DatasetKind::Controls => "securityhub:ListSecurityControlDefinitions",
            DatasetKind::KmsKeys => "kms:ListKeys",
            DatasetKind::Vpcs => "ec2:DescribeVpcs",
            DatasetKind::Subnets => "ec2:DescribeSubnets",
            DatasetKind::RouteTables => "ec2:DescribeRouteTables",
            DatasetKind::InternetGateways => "ec2:DescribeInternetGateways",
            DatasetKind::NatGateways => "ec2:DescribeNatGateways",
            DatasetKind::VpcEndpoints => "ec2:DescribeVpcEndpoints",
            DatasetKind::SecurityGroups => "ec2:DescribeSecurityGroups",
            DatasetKind::NetworkAcls => "ec2:DescribeNetworkAcls",
            DatasetKind::FlowLogs => "ec2:DescribeFlowLogs",
            DatasetKind::LogGroups => "logs:DescribeLogGroups",
            DatasetKind::Alarms => "cloudwatch:DescribeAlarms",
        }
    }
}

impl fmt::Display for DatasetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The load state of one dataset in one account and region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LoadState {
    NotLoaded,
    Loading {
        pages: u32,
        items: u64,
    },
    Loaded {
        at: Timestamp,
    },
    Failed {
        reason: String,
    },
    /// The service is not enabled (no detector, no hub, no Macie session).
    NotEnabled {
        reason: String,
    },
    /// The caller lacks `action`.
    AccessDenied {
        action: String,
        message: String,
    },
}

impl LoadState {
    /// Short human description, e.g. `access denied (kms:ListKeys)`.
    pub fn describe(&self) -> String {
        match self {
            LoadState::NotLoaded => "not loaded".to_string(),
            LoadState::Loading { pages, items } => {
                format!("loading ({items} items, {pages} pages)")
            }
            LoadState::Loaded { at } => format!("loaded {}", at.format("%Y-%m-%d %H:%M UTC")),
            LoadState::Failed { reason } => format!("failed: {reason}"),
            LoadState::NotEnabled { reason } => format!("not enabled: {reason}"),
            LoadState::AccessDenied { action, .. } => format!("access denied ({action})"),
        }
    }
}

/// Where one dataset's load state applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadRecord {
    pub dataset: DatasetKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub state: LoadState,
}

/// A dataset's state summarised across every account and region.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DatasetStatus {
    /// Nothing known: never read in this estate.
    NotLoaded,
    /// At least one part still loading.
    Loading { parts_loading: usize, items: u64 },
    /// Every part loaded; `at` is the oldest load time.
    Loaded { at: Timestamp },
    /// Some parts loaded, some did not: data shown is incomplete.
    Partial {
        loaded: usize,
        missing: usize,
        reasons: Vec<String>,
    },
    /// No part loaded; `reasons` say why.
    Unavailable { reasons: Vec<String> },
}

impl DatasetStatus {
    /// True only when every part loaded: the data may be read as complete.
    pub fn is_complete(&self) -> bool {
        matches!(self, DatasetStatus::Loaded { .. })
    }

    /// True when at least some data was read.
    pub fn has_data(&self) -> bool {
        matches!(
            self,
            DatasetStatus::Loaded { .. } | DatasetStatus::Partial { .. }
        )
    }

    pub fn describe(&self) -> String {
        match self {
            DatasetStatus::NotLoaded => "not loaded".to_string(),
            DatasetStatus::Loading { items, .. } => format!("loading… {items}"),
            DatasetStatus::Loaded { at } => format!("loaded {}", at.format("%Y-%m-%d %H:%M UTC")),
            DatasetStatus::Partial {
                loaded,
                missing,
                reasons,
            } => format!(
                "partial: {loaded} loaded, {missing} missing ({})",
                reasons.join("; ")
            ),
            DatasetStatus::Unavailable { reasons } => reasons.join("; "),
        }
    }
}

pub(super) fn summarise(recs: &[&LoadRecord]) -> DatasetStatus {
    if recs.is_empty() || recs.iter().all(|r| r.state == LoadState::NotLoaded) {
        return DatasetStatus::NotLoaded;
    }
    let loading: Vec<u64> = recs
        .iter()
        .filter_map(|r| match r.state {
            LoadState::Loading { items, .. } => Some(items),
            _ => None,
        })
        .collect();
    if !loading.is_empty() {
        return DatasetStatus::Loading {
            parts_loading: loading.len(),
            items: loading.iter().sum(),
        };
    }
    let loaded_at: Vec<Timestamp> = recs
        .iter()
        .filter_map(|r| match r.state {
            LoadState::Loaded { at } => Some(at),
            _ => None,
        })
        .collect();
    let mut reasons: Vec<String> = recs
        .iter()
        .filter(|r| !matches!(r.state, LoadState::Loaded { .. }))
        .map(|r| match (&r.region, &r.account_id) {
            (Some(region), _) => format!("{region}: {}", r.state.describe()),
            (None, Some(acct)) => format!("{acct}: {}", r.state.describe()),
            (None, None) => r.state.describe(),
        })
        .collect();
    reasons.dedup();
    match (loaded_at.iter().min(), reasons.is_empty()) {
        (Some(at), true) => DatasetStatus::Loaded { at: *at },
        (Some(_), false) => DatasetStatus::Partial {
            loaded: loaded_at.len(),
            missing: recs.len() - loaded_at.len(),
            reasons,
        },
        (None, _) => DatasetStatus::Unavailable { reasons },
    }
}
