//! KMS, network and alarm sections of the report.

use super::model::{DatasetRow, FindingRow};
use crate::model::Timestamp;
use crate::posture::kms::KmsSummary;
use crate::posture::network::{CidrOverlap, DefaultGroupRules, NaclExposure, SgExposure};
use serde::Serialize;
use std::collections::BTreeMap;

/// A key with something to say about it.
#[derive(Debug, Clone, Serialize)]
pub struct KeyIssueRow {
    pub key_id: String,
    pub name: String,
    pub account_id: String,
    pub region: String,
    pub state: String,
    /// e.g. `rotation off`, `pending deletion in 12 days (2026-11-13 ...)`.
    pub issues: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KmsSection {
    /// e.g. `complete`, `not assessed: KMS keys access denied (...)`.
    pub coverage: String,
    pub summary: KmsSummary,
    pub keys_with_issues: Vec<KeyIssueRow>,
    /// Open findings and rampart checks about KMS keys.
    pub findings: Vec<FindingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VpcRow {
    pub vpc_id: String,
    pub name: String,
    pub account_id: String,
    pub region: String,
    /// `public`, `private with egress`, `isolated`, ...
    pub reachability: String,
    pub subnets: usize,
    /// `None` when internet gateways were not read.
    pub internet_gateway: Option<bool>,
    /// `enabled`, `missing`, `not assessed`.
    pub flow_logs: String,
    pub open_endpoint_policies: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NetworkSection {
    /// Item counts per network dataset (`None` when not read).
    pub inventory: Vec<DatasetRow>,
    pub coverage: String,
    pub vpcs: Vec<VpcRow>,
    /// Security group rules open to the internet.
    pub sg_exposures: Vec<SgExposure>,
    pub nacl_exposures: Vec<NaclExposure>,
    pub default_groups_with_rules: Vec<DefaultGroupRules>,
    pub cidr_overlaps: Vec<CidrOverlap>,
    /// Open findings and rampart checks about VPCs, subnets, security
    /// groups, NACLs, routes, gateways and endpoints.
    pub findings: Vec<FindingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlarmRow {
    pub name: String,
    pub account_id: String,
    pub region: String,
    pub state: &'static str,
    pub reason: String,
    pub since: Option<Timestamp>,
    pub actions: bool,
}

/// One CIS CloudWatch alarm requirement.
#[derive(Debug, Clone, Serialize)]
pub struct CisRow {
    pub control_id: String,
    pub name: String,
    /// Worst state of its alarms; `None` when no alarm exists.
    pub state: Option<&'static str>,
    pub alarms: Vec<String>,
    pub missing_in_accounts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlarmsSection {
    pub coverage: String,
    /// `None` when alarms were not read.
    pub by_state: Option<BTreeMap<&'static str, usize>>,
    /// Alarms in ALARM or INSUFFICIENT_DATA, ALARM first.
    pub not_ok: Vec<AlarmRow>,
    /// Alarms that would notify no one.
    pub without_actions: Vec<AlarmRow>,
    /// In INSUFFICIENT_DATA for a long time (or since an unknown time).
    pub stuck_insufficient_data: Vec<AlarmRow>,
    pub cis: Vec<CisRow>,
    /// Accounts whose alarms were not fully read: nothing is called missing there.
    pub cis_accounts_not_read: Vec<String>,
}
