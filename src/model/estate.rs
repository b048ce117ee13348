//! The estate: everything rampart knows for one scope, with a load state
//! per dataset so that missing data is never mistaken for "no problems".

use super::dataset::summarise;
use super::{
    Alarm, Attestation, Control, DatasetKind, DatasetStatus, Finding, FlowLog, InternetGateway,
    KmsKey, LoadRecord, LoadState, LogGroup, NatGateway, NetworkAcl, RouteTable, SecurityGroup,
    Standard, Subnet, Timestamp, Vpc, VpcEndpoint,
};
use serde::{Deserialize, Serialize};

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
