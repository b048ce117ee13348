//! `rampart summary`: counts per dataset, findings by source x severity x
//! workflow, and every dataset's load state.

use crate::cli::SummaryArgs;
use crate::model::{
    AlarmState, DatasetKind, DatasetStatus, Estate, Finding, Severity, Source, Timestamp,
};
use crate::posture::{self, Posture};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// One dataset: how many items, and whether that number can be trusted.
#[derive(Debug, Serialize)]
pub struct DatasetSummary {
    /// `None` when nothing was read: "unknown", never zero.
    pub count: Option<usize>,
    /// The count per region (only when `count` is known).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_region: BTreeMap<String, usize>,
    pub status: DatasetStatus,
}

/// Findings of one source.
#[derive(Debug, Default, Serialize)]
pub struct SourceFindings {
    /// Active (record ACTIVE, not suppressed) findings by severity, then workflow.
    pub active: BTreeMap<String, BTreeMap<String, usize>>,
    pub active_total: usize,
    /// Record state ARCHIVED (whatever the workflow).
    pub archived: usize,
    /// Active records whose workflow is SUPPRESSED.
    pub suppressed: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct FindingsSummary {
    pub total: usize,
    pub active: usize,
    pub archived: usize,
    pub suppressed: usize,
    pub by_source: BTreeMap<String, SourceFindings>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub origin: String,
    pub captured_at: String,
    pub rampart_version: String,
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
    pub findings: FindingsSummary,
    /// Counts per dataset (finding datasets included, counted by channel).
    pub datasets: BTreeMap<&'static str, DatasetSummary>,
    /// Alarms by state (`None` when alarms were not read).
    pub alarms_by_state: Option<BTreeMap<&'static str, usize>>,
    /// Scores, control states, layers, Essential Eight, KMS, network and
    /// alarm analysis and rampart's own checks, recomputed from the estate.
    pub posture: Posture,
}

/// Builds the summary of an estate assessed at `now`.
pub fn build(estate: &Estate, now: Timestamp) -> Summary {
    let mut datasets = BTreeMap::new();
    for kind in DatasetKind::ALL {
        let status = estate.status(kind);
        let count = status.has_data().then(|| count_items(estate, kind));
        let by_region = if count.is_some() {
            region_counts(estate, kind)
        } else {
            BTreeMap::new()
        };
        datasets.insert(
            kind.key(),
            DatasetSummary {
                count,
                by_region,
                status,
            },
        );
    }
    let alarms_by_state = estate.status(DatasetKind::Alarms).has_data().then(|| {
        let mut m: BTreeMap<&'static str, usize> =
            AlarmState::ALL.iter().map(|s| (s.as_str(), 0)).collect();
        for a in &estate.alarms {
            *m.entry(a.state.as_str()).or_default() += 1;
        }
        m
    });
    Summary {
        origin: estate.meta.origin.describe(),
        captured_at: estate.meta.captured_at.to_rfc3339(),
        rampart_version: estate.meta.rampart_version.clone(),
        accounts: estate.meta.accounts.clone(),
        regions: estate.meta.regions.clone(),
        findings: findings_summary(&estate.findings),
        datasets,
        alarms_by_state,
        posture: posture::assess(estate, now),
    }
}

/// How many items of `kind` the estate holds (findings counted by channel).
pub fn count_items(estate: &Estate, kind: DatasetKind) -> usize {
    use crate::model::Channel;
    let by_channel = |c: Channel| estate.findings.iter().filter(|f| f.has_channel(c)).count();
    match kind {
        DatasetKind::SecurityHubFindings => by_channel(Channel::SecurityHub),
        DatasetKind::GuardDutyFindings => by_channel(Channel::GuardDuty),
        DatasetKind::MacieFindings => by_channel(Channel::Macie),
        DatasetKind::Standards => estate.standards.len(),
        DatasetKind::Controls => estate.controls.len(),
        DatasetKind::KmsKeys => estate.kms_keys.len(),
        DatasetKind::Vpcs => estate.vpcs.len(),
        DatasetKind::Subnets => estate.subnets.len(),
        DatasetKind::RouteTables => estate.route_tables.len(),
        DatasetKind::InternetGateways => estate.internet_gateways.len(),
        DatasetKind::NatGateways => estate.nat_gateways.len(),
        DatasetKind::VpcEndpoints => estate.vpc_endpoints.len(),
        DatasetKind::SecurityGroups => estate.security_groups.len(),
        DatasetKind::NetworkAcls => estate.network_acls.len(),
        DatasetKind::FlowLogs => estate.flow_logs.len(),
        DatasetKind::LogGroups => estate.log_groups.len(),
        DatasetKind::Alarms => estate.alarms.len(),
    }
}

fn region_counts(estate: &Estate, kind: DatasetKind) -> BTreeMap<String, usize> {
    use crate::model::{Channel, Keyed};
    fn tally<'a, T: Keyed + 'a>(items: impl IntoIterator<Item = &'a T>) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for i in items {
            *m.entry(i.region().to_string()).or_default() += 1;
        }
        m
    }
    let by_channel = |c: Channel| tally(estate.findings.iter().filter(|f| f.has_channel(c)));
    match kind {
        DatasetKind::SecurityHubFindings => by_channel(Channel::SecurityHub),
        DatasetKind::GuardDutyFindings => by_channel(Channel::GuardDuty),
        DatasetKind::MacieFindings => by_channel(Channel::Macie),
        DatasetKind::Standards => tally(&estate.standards),
        DatasetKind::Controls => tally(&estate.controls),
        DatasetKind::KmsKeys => tally(&estate.kms_keys),
        DatasetKind::Vpcs => tally(&estate.vpcs),
        DatasetKind::Subnets => tally(&estate.subnets),
        DatasetKind::RouteTables => tally(&estate.route_tables),
        DatasetKind::InternetGateways => tally(&estate.internet_gateways),
        DatasetKind::NatGateways => tally(&estate.nat_gateways),
        DatasetKind::VpcEndpoints => tally(&estate.vpc_endpoints),
        DatasetKind::SecurityGroups => tally(&estate.security_groups),
        DatasetKind::NetworkAcls => tally(&estate.network_acls),
        DatasetKind::FlowLogs => tally(&estate.flow_logs),
        DatasetKind::LogGroups => tally(&estate.log_groups),
        DatasetKind::Alarms => tally(&estate.alarms),
    }
}

fn findings_summary(findings: &[Finding]) -> FindingsSummary {
    let mut out = FindingsSummary {
        total: findings.len(),
        ..FindingsSummary::default()
    };
    for f in findings {
        let src = out
            .by_source
            .entry(f.source.as_str().to_string())
            .or_default();
        if f.is_archived() {
            src.archived += 1;
            out.archived += 1;
        } else if f.is_suppressed() {
            src.suppressed += 1;
            out.suppressed += 1;
        } else {
            src.active_total += 1;
            out.active += 1;
            *src.active
                .entry(f.severity.as_str().to_string())
                .or_default()
                .entry(f.workflow.as_str().to_string())
                .or_default() += 1;
        }
    }
    out
}

/// Renders the summary as aligned text for a terminal.
pub fn to_text(s: &Summary) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "rampart {} — {} — captured {}\n",
        s.rampart_version, s.origin, s.captured_at
    ));
    out.push_str(&format!(
        "scope: accounts {} · regions {}\n\n",
        list_or_none(&s.accounts),
        list_or_none(&s.regions)
    ));
    out.push_str(&format!(
        "Findings: {} active, {} archived, {} suppressed\n",
        s.findings.active, s.findings.archived, s.findings.suppressed
    ));
    out.push_str(&format!(
        "  {:<12} {:>5} {:>5} {:>5} {:>5} {:>5}\n",
        "source", "crit", "high", "med", "low", "info"
    ));
    for source in Source::ALL {
        let Some(sf) = s.findings.by_source.get(source.as_str()) else {
            continue;
        };
        let n = |sev: Severity| -> usize {
            sf.active
                .get(sev.as_str())
                .map(|m| m.values().sum())
                .unwrap_or(0)
        };
        out.push_str(&format!(
            "  {:<12} {:>5} {:>5} {:>5} {:>5} {:>5}\n",
            source.label(),
            n(Severity::Critical),
            n(Severity::High),
            n(Severity::Medium),
            n(Severity::Low),
            n(Severity::Informational)
        ));
    }
    out.push_str("\nDatasets:\n");
    for kind in DatasetKind::ALL {
        if let Some(d) = s.datasets.get(kind.key()) {
            let count = d
                .count
                .map(|c| c.to_string())
                .unwrap_or_else(|| "—".to_string());
            out.push_str(&format!(
                "  {:<22} {:>6}  {}\n",
                kind.label(),
                count,
                crate::text::sanitize(&d.status.describe())
            ));
        }
    }
    out.push('\n');
    for line in s.posture.summary_lines() {
        out.push_str(&crate::text::sanitize(&line));
        out.push('\n');
    }
    if let Some(by_state) = &s.alarms_by_state {
        let parts: Vec<String> = by_state.iter().map(|(k, v)| format!("{k} {v}")).collect();
        out.push_str(&format!("\nAlarms: {}\n", parts.join(", ")));
    }
    out
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(", ")
    }
}

/// `rampart summary [--json]`.
pub fn run(estate: &Estate, args: &SummaryArgs, now: Timestamp) -> ExitCode {
    let summary = build(estate, now);
    if !args.json {
        return super::emit(&to_text(&summary));
    }
    match serde_json::to_string_pretty(&summary) {
        Ok(s) => super::emit(&(s + "\n")),
        Err(e) => {
            eprintln!("rampart: cannot encode summary: {e}");
            ExitCode::FAILURE
        }
    }
}
