//! What an evidence report holds (the JSON format is this, serialised).

use super::digest::SourceDigest;
use super::model_inventory::{AlarmsSection, KmsSection, NetworkSection};
use super::model_posture::{ControlRow, EssentialEightSection, ScoresSection};
use crate::model::{Attestation, CallerIdentity, Finding, Severity, Source, Timestamp};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub title: String,
    pub generated_at: Timestamp,
    pub rampart_version: String,
    pub scope: Scope,
    /// SHA-256 of what the report was built from.
    pub source: SourceDigest,
    /// Every dataset, with its item count and load state.
    pub datasets: Vec<DatasetRow>,
    /// When the posture below was assessed.
    pub assessed_at: Timestamp,
    pub scores: ScoresSection,
    /// Every control's status, failed first.
    pub controls: Vec<ControlRow>,
    pub essential_eight: EssentialEightSection,
    pub findings: FindingsSection,
    pub kms: KmsSection,
    pub network: NetworkSection,
    pub alarms: AlarmsSection,
    /// rampart's own failed checks, most severe first.
    pub checks: Vec<FindingRow>,
    /// Reviewer attestations carried by the estate.
    pub attestations: Vec<Attestation>,
    /// Every finding, open or not, most severe first: the CSV table. Not in
    /// the JSON report, which lists open findings only.
    #[serde(skip)]
    pub all_findings: Vec<FindingRow>,
}

/// What was read, by whom, when.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    pub origin: String,
    pub captured_at: Timestamp,
    pub caller: Option<CallerIdentity>,
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
    pub aggregator_region: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetRow {
    pub dataset: &'static str,
    pub label: &'static str,
    /// `None` when nothing was read ("unknown", never zero).
    pub count: Option<usize>,
    /// True only when every part loaded.
    pub complete: bool,
    pub status: String,
}

/// A finding as listed in the report and the CSV.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub id: String,
    pub severity: Severity,
    pub source: Source,
    pub product: String,
    pub title: String,
    pub workflow: &'static str,
    pub record_state: &'static str,
    pub compliance: Option<&'static str>,
    pub control_id: Option<String>,
    pub resource_type: Option<String>,
    pub resource_id: Option<String>,
    pub account_id: String,
    pub region: String,
    pub first_seen: Option<Timestamp>,
    pub last_seen: Option<Timestamp>,
    /// Needs action: active, not suppressed, resolved or passed.
    pub open: bool,
}

impl FindingRow {
    pub fn of(f: &Finding) -> FindingRow {
        let r = f.primary_resource();
        FindingRow {
            id: f.id.clone(),
            severity: f.severity,
            source: f.source,
            product: f.product_name.clone(),
            title: f.title.clone(),
            workflow: f.workflow.as_str(),
            record_state: f.record_state.as_str(),
            compliance: f.compliance_status().map(|c| c.as_str()),
            control_id: f.control_id().map(str::to_string),
            resource_type: r.map(|r| r.resource_type.clone()),
            resource_id: r.map(|r| r.id.clone()),
            account_id: f.account_id.clone(),
            region: f.region.clone(),
            first_seen: f.first_seen,
            last_seen: f.last_seen,
            open: crate::diff::is_open(f),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SeverityCount {
    pub severity: Severity,
    pub open: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingsSection {
    /// False when a findings source was not (fully) read: counts are a floor.
    pub complete: bool,
    pub total: usize,
    pub open: usize,
    pub archived: usize,
    pub suppressed: usize,
    /// Active, not suppressed, but workflow RESOLVED or compliance PASSED.
    pub resolved_or_passed: usize,
    /// Critical first; every severity listed, zeros included.
    pub open_by_severity: Vec<SeverityCount>,
    /// Open findings, most severe first.
    pub open_findings: Vec<FindingRow>,
}
