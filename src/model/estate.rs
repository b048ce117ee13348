//! The estate: everything rampart knows for one scope, with a load state
//! per dataset so that missing data is never mistaken for "no problems".

use super::{
    Alarm, Attestation, Control, Finding, FlowLog, InternetGateway, KmsKey, LogGroup, NatGateway,
    NetworkAcl, RouteTable, SecurityGroup, Standard, Subnet, Timestamp, Vpc, VpcEndpoint,
};
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

/// Who read the estate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallerIdentity {
    pub account_id: String,
    pub arn: String,
    #[serde(default)]
    pub user_id: String,
}

/// Where the data came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DataOrigin {
    Demo,
    /// Files opened with `--file` (snapshots or imports).
    Files {
        paths: Vec<String>,
    },
    /// Read live from AWS.
    Live {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        profile: Option<String>,
    },
}

impl DataOrigin {
    pub fn describe(&self) -> String {
        match self {
            DataOrigin::Demo => "demo".to_string(),
            DataOrigin::Files { paths } => paths
                .iter()
                .map(|p| {
                    std::path::Path::new(p)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| p.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
            DataOrigin::Live { profile } => match profile {
                Some(p) => format!("live: {p}"),
                None => "live".to_string(),
            },
        }
    }
}

/// Provenance of the estate as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EstateMeta {
    pub origin: DataOrigin,
    pub captured_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller: Option<CallerIdentity>,
    pub rampart_version: String,
    /// Accounts in scope.
    #[serde(default)]
    pub accounts: Vec<String>,
    /// Regions in scope.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Security Hub aggregation region, when reading through an aggregator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregator_region: Option<String>,
}

impl EstateMeta {
    pub fn new(origin: DataOrigin, captured_at: Timestamp) -> EstateMeta {
        EstateMeta {
            origin,
            captured_at,
            caller: None,
            rampart_version: env!("CARGO_PKG_VERSION").to_string(),
            accounts: Vec::new(),
            regions: Vec::new(),
            aggregator_region: None,
        }
    }
}

/// Everything known for one scope (accounts x regions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Estate {
    pub meta: EstateMeta,
    /// Load state per dataset x account x region.
    #[serde(default)]
    pub loads: Vec<LoadRecord>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub standards: Vec<Standard>,
    #[serde(default)]
    pub controls: Vec<Control>,
    #[serde(default)]
    pub kms_keys: Vec<KmsKey>,
    #[serde(default)]
    pub vpcs: Vec<Vpc>,
    #[serde(default)]
    pub subnets: Vec<Subnet>,
    #[serde(default)]
    pub route_tables: Vec<RouteTable>,
    #[serde(default)]
    pub internet_gateways: Vec<InternetGateway>,
    #[serde(default)]
    pub nat_gateways: Vec<NatGateway>,
    #[serde(default)]
    pub vpc_endpoints: Vec<VpcEndpoint>,
    #[serde(default)]
    pub security_groups: Vec<SecurityGroup>,
    #[serde(default)]
    pub network_acls: Vec<NetworkAcl>,
    #[serde(default)]
    pub flow_logs: Vec<FlowLog>,
    #[serde(default)]
    pub log_groups: Vec<LogGroup>,
    #[serde(default)]
    pub alarms: Vec<Alarm>,
    /// Reviewer attestations that travel with the snapshot.
    #[serde(default)]
    pub attestations: Vec<Attestation>,
}

impl Estate {
    /// An empty estate: every dataset not loaded.
    pub fn empty(meta: EstateMeta) -> Estate {
        Estate {
            meta,
            loads: Vec::new(),
            findings: Vec::new(),
            standards: Vec::new(),
            controls: Vec::new(),
            kms_keys: Vec::new(),
            vpcs: Vec::new(),
            subnets: Vec::new(),
            route_tables: Vec::new(),
            internet_gateways: Vec::new(),
            nat_gateways: Vec::new(),
            vpc_endpoints: Vec::new(),
            security_groups: Vec::new(),
            network_acls: Vec::new(),
            flow_logs: Vec::new(),
            log_groups: Vec::new(),
            alarms: Vec::new(),
            attestations: Vec::new(),
        }
    }

    /// Records (or replaces) the load state of `dataset` in one account/region.
    pub fn set_load(
        &mut self,
        dataset: DatasetKind,
        account_id: Option<&str>,
        region: Option<&str>,
        state: LoadState,
    ) {
        let account_id = account_id.map(str::to_string);
        let region = region.map(str::to_string);
        if let Some(rec) = self
            .loads
            .iter_mut()
            .find(|r| r.dataset == dataset && r.account_id == account_id && r.region == region)
        {
            rec.state = state;
        } else {
            self.loads.push(LoadRecord {
                dataset,
                account_id,
                region,
                state,
            });
        }
    }

    /// The dataset's state summarised over all its load records.
    pub fn status(&self, dataset: DatasetKind) -> DatasetStatus {
        let recs: Vec<&LoadRecord> = self.loads.iter().filter(|r| r.dataset == dataset).collect();
        summarise(&recs)
    }

    /// The dataset's state in one region only.
    pub fn status_in(&self, dataset: DatasetKind, region: &str) -> DatasetStatus {
        let recs: Vec<&LoadRecord> = self
            .loads
            .iter()
            .filter(|r| r.dataset == dataset && r.region.as_deref().is_none_or(|x| x == region))
            .collect();
        summarise(&recs)
    }

    /// Every dataset with its summarised state, in a fixed order.
    pub fn statuses(&self) -> Vec<(DatasetKind, DatasetStatus)> {
        DatasetKind::ALL
            .iter()
            .map(|k| (*k, self.status(*k)))
            .collect()
    }

    /// True when any dataset is still loading.
    pub fn is_loading(&self) -> bool {
        self.loads
            .iter()
            .any(|r| matches!(r.state, LoadState::Loading { .. }))
    }
}

fn summarise(recs: &[&LoadRecord]) -> DatasetStatus {
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
            .single()
            .expect("valid time")
    }

    fn estate() -> Estate {
        Estate::empty(EstateMeta::new(DataOrigin::Demo, at()))
    }

    #[test]
    fn a_dataset_never_read_is_not_loaded() {
        assert_eq!(
            estate().status(DatasetKind::KmsKeys),
            DatasetStatus::NotLoaded
        );
        assert!(!estate().status(DatasetKind::KmsKeys).has_data());
    }

    #[test]
    fn one_region_denied_makes_the_dataset_partial_not_loaded() {
        let mut e = estate();
        e.set_load(
            DatasetKind::KmsKeys,
            None,
            Some("eu-west-2"),
            LoadState::Loaded { at: at() },
        );
        e.set_load(
            DatasetKind::KmsKeys,
            None,
            Some("eu-west-1"),
            LoadState::AccessDenied {
                action: "kms:ListKeys".into(),
                message: "denied".into(),
            },
        );
        let s = e.status(DatasetKind::KmsKeys);
        assert!(!s.is_complete());
        assert!(s.has_data());
        assert!(
            s.describe()
                .contains("eu-west-1: access denied (kms:ListKeys)"),
            "{}",
            s.describe()
        );
        assert!(e.status_in(DatasetKind::KmsKeys, "eu-west-2").is_complete());
    }

    #[test]
    fn all_parts_failed_is_unavailable_and_loading_wins() {
        let mut e = estate();
        e.set_load(
            DatasetKind::Alarms,
            None,
            Some("eu-west-2"),
            LoadState::Failed {
                reason: "timeout".into(),
            },
        );
        assert!(matches!(
            e.status(DatasetKind::Alarms),
            DatasetStatus::Unavailable { .. }
        ));
        e.set_load(
            DatasetKind::Alarms,
            None,
            Some("eu-west-1"),
            LoadState::Loading {
                pages: 1,
                items: 10,
            },
        );
        assert!(matches!(
            e.status(DatasetKind::Alarms),
            DatasetStatus::Loading { items: 10, .. }
        ));
        // set_load replaces the record for the same scope
        e.set_load(
            DatasetKind::Alarms,
            None,
            Some("eu-west-1"),
            LoadState::Loaded { at: at() },
        );
        assert_eq!(e.loads.len(), 2);
    }
}
