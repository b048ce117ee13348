//! New, resolved and changed findings, keyed by finding id.

use super::Detail;
use super::change::Details;
use crate::model::{
    Channel, ComplianceStatus, DatasetKind, Estate, Finding, RecordState, Severity, Source,
    WorkflowStatus,
};
use serde::Serialize;
use std::collections::HashMap;

/// A finding as listed in a diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingRef {
    pub id: String,
    pub title: String,
    pub source: Source,
    pub severity: Severity,
    pub account_id: String,
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

impl FindingRef {
    fn of(f: &Finding) -> FindingRef {
        FindingRef {
            id: f.id.clone(),
            title: f.title.clone(),
            source: f.source,
            severity: f.severity,
            account_id: f.account_id.clone(),
            region: f.region.clone(),
            control_id: f.control_id().map(str::to_string),
            resource: f.primary_resource().map(|r| r.id.clone()),
        }
    }
}

/// Open now, and absent (or not open) before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewFinding {
    #[serde(flatten)]
    pub finding: FindingRef,
    /// True when it was present but not open in the old estate.
    pub reopened: bool,
}

/// Why a finding open before is no longer open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolvedReason {
    /// No longer reported (its source was read on both sides).
    Gone,
    Archived,
    Suppressed,
    /// Workflow set to RESOLVED.
    Resolved,
    /// Control check now PASSED.
    Passed,
}

impl ResolvedReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ResolvedReason::Gone => "gone",
            ResolvedReason::Archived => "archived",
            ResolvedReason::Suppressed => "suppressed",
            ResolvedReason::Resolved => "workflow resolved",
            ResolvedReason::Passed => "now passed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedFinding {
    /// As it was in the old estate.
    #[serde(flatten)]
    pub finding: FindingRef,
    pub reason: ResolvedReason,
}

/// Present on both sides, open or closed on both, with properties changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedFinding {
    #[serde(flatten)]
    pub finding: FindingRef,
    pub details: Vec<Detail>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingsDiff {
    pub new: Vec<NewFinding>,
    pub resolved: Vec<ResolvedFinding>,
    pub changed: Vec<ChangedFinding>,
    /// Findings present on one side only whose source was not read on the
    /// other: neither new nor resolved as far as anyone can tell.
    pub not_compared: usize,
}

impl FindingsDiff {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.resolved.is_empty() && self.changed.is_empty()
    }
}

/// Needs attention: active record, not suppressed, not resolved, not passed.
pub fn is_open(f: &Finding) -> bool {
    f.record_state == RecordState::Active
        && !matches!(
            f.workflow,
            WorkflowStatus::Suppressed | WorkflowStatus::Resolved
        )
        && f.compliance_status() != Some(ComplianceStatus::Passed)
}

fn closed_reason(f: &Finding) -> ResolvedReason {
    if f.record_state == RecordState::Archived {
        ResolvedReason::Archived
    } else if f.workflow == WorkflowStatus::Suppressed {
        ResolvedReason::Suppressed
    } else if f.workflow == WorkflowStatus::Resolved {
        ResolvedReason::Resolved
    } else {
        ResolvedReason::Passed
    }
}

/// Which finding channels an estate read (worked out once per side).
struct ChannelsRead {
    security_hub: bool,
    guardduty: bool,
    macie: bool,
}

impl ChannelsRead {
    fn of(estate: &Estate) -> ChannelsRead {
        let read = |k: DatasetKind| estate.status(k).has_data();
        ChannelsRead {
            security_hub: read(DatasetKind::SecurityHubFindings),
            guardduty: read(DatasetKind::GuardDutyFindings),
            macie: read(DatasetKind::MacieFindings),
        }
    }

    /// True when at least one channel `f` arrived through was read, so
    /// that its absence there means something.
    fn source_read(&self, f: &Finding) -> bool {
        f.provenances.is_empty()
            || f.provenances.iter().any(|p| match p.channel {
                Channel::SecurityHub => self.security_hub,
                Channel::GuardDuty => self.guardduty,
                Channel::Macie => self.macie,
                Channel::Rampart => true,
            })
    }
}

/// Finding positions by id (the first of duplicates), rampart's own
/// checks left out. Borrowed ids, hashed: 100,000 findings a side cost no
/// copies; the lists are sorted at the end, so the map's order does not
/// matter.
fn index(e: &Estate) -> HashMap<&str, usize> {
    let mut m = HashMap::with_capacity(e.findings.len());
    for (i, f) in e.findings.iter().enumerate() {
        if f.source != Source::Rampart {
            m.entry(f.id.as_str()).or_insert(i);
        }
    }
    m
}

pub(super) fn diff(old: &Estate, new: &Estate) -> FindingsDiff {
    let (oi, ni) = (index(old), index(new));
    let (old_read, new_read) = (ChannelsRead::of(old), ChannelsRead::of(new));
    let mut out = FindingsDiff::default();
    for (id, &n) in &ni {
        let f = &new.findings[n];
        match oi.get(id).map(|&o| &old.findings[o]) {
            None if !old_read.source_read(f) => out.not_compared += 1,
            None if is_open(f) => out.new.push(NewFinding {
                finding: FindingRef::of(f),
                reopened: false,
            }),
            None => {}
            Some(was) => compare(was, f, &mut out),
        }
    }
    for (id, &o) in &oi {
        if ni.contains_key(id) {
            continue;
        }
        let f = &old.findings[o];
        if !new_read.source_read(f) {
            out.not_compared += 1;
        } else if is_open(f) {
            out.resolved.push(ResolvedFinding {
                finding: FindingRef::of(f),
                reason: ResolvedReason::Gone,
            });
        }
    }
    let order = |a: &FindingRef, b: &FindingRef| b.severity.cmp(&a.severity).then(a.id.cmp(&b.id));
    out.new.sort_by(|a, b| order(&a.finding, &b.finding));
    out.resolved.sort_by(|a, b| order(&a.finding, &b.finding));
    out.changed.sort_by(|a, b| order(&a.finding, &b.finding));
    out
}

fn compare(was: &Finding, now: &Finding, out: &mut FindingsDiff) {
    match (is_open(was), is_open(now)) {
        (false, true) => out.new.push(NewFinding {
            finding: FindingRef::of(now),
            reopened: true,
        }),
        (true, false) => out.resolved.push(ResolvedFinding {
            finding: FindingRef::of(was),
            reason: closed_reason(now),
        }),
        // Most findings are as they were: nothing to describe.
        _ if was.severity == now.severity
            && was.workflow == now.workflow
            && was.compliance_status() == now.compliance_status()
            && was.record_state == now.record_state => {}
        _ => {
            let mut d = Details::default();
            d.field("severity", was.severity, now.severity);
            d.field("workflow", was.workflow.as_str(), now.workflow.as_str());
            d.field(
                "compliance",
                compliance(was.compliance_status()),
                compliance(now.compliance_status()),
            );
            d.field(
                "record state",
                was.record_state.as_str(),
                now.record_state.as_str(),
            );
            let details = d.into_vec();
            if !details.is_empty() {
                out.changed.push(ChangedFinding {
                    finding: FindingRef::of(now),
                    details,
                });
            }
        }
    }
}

fn compliance(s: Option<ComplianceStatus>) -> &'static str {
    s.map(ComplianceStatus::as_str).unwrap_or("none")
}
