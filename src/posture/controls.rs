//! Control status from Security Hub control findings (domain.md 1.2),
//! aggregated over accounts, regions and standards.
//!
//! Archived and suppressed findings are ignored. Within what remains: any
//! FAILED makes the control Failed; else any WARNING or NOT_AVAILABLE makes
//! it Unknown; else any PASSED makes it Passed; none at all is No data.
//! Taking the union of findings across accounts and regions means a control
//! failed anywhere is failed in the aggregate.

use super::layers::{self, Layer};
use crate::model::{ComplianceStatus, Estate, Finding, Severity, Source, Standard};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// The status of one control, as the Security Hub console shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    Failed,
    Unknown,
    Passed,
    NoData,
    Disabled,
}

impl ControlStatus {
    pub fn label(self) -> &'static str {
        match self {
            ControlStatus::Failed => "failed",
            ControlStatus::Unknown => "unknown",
            ControlStatus::Passed => "passed",
            ControlStatus::NoData => "no data",
            ControlStatus::Disabled => "disabled",
        }
    }

    /// Passed, Failed and Unknown controls count as enabled with data.
    pub fn has_data(self) -> bool {
        matches!(
            self,
            ControlStatus::Passed | ControlStatus::Failed | ControlStatus::Unknown
        )
    }
}

/// Counts of finding compliance states; `status` applies the precedence.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tally {
    failed: u32,
    unknown: u32,
    passed: u32,
}

impl Tally {
    fn add(&mut self, status: ComplianceStatus) {
        match status {
            ComplianceStatus::Failed => self.failed += 1,
            ComplianceStatus::Warning | ComplianceStatus::NotAvailable => self.unknown += 1,
            ComplianceStatus::Passed => self.passed += 1,
        }
    }

    fn merge(self, other: Tally) -> Tally {
        Tally {
            failed: self.failed + other.failed,
            unknown: self.unknown + other.unknown,
            passed: self.passed + other.passed,
        }
    }

    pub(crate) fn status(self) -> ControlStatus {
        if self.failed > 0 {
            ControlStatus::Failed
        } else if self.unknown > 0 {
            ControlStatus::Unknown
        } else if self.passed > 0 {
            ControlStatus::Passed
        } else {
            ControlStatus::NoData
        }
    }
}

/// A control's membership and status in one standard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlInStandard {
    pub standards_id: String,
    /// Enabled in this standard (in any account/region). When the Controls
    /// dataset is not loaded this is inferred from the control's findings.
    pub enabled: bool,
    pub status: ControlStatus,
}

/// One control across the estate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlState {
    /// `SecurityControlId`, e.g. `KMS.4`.
    pub control_id: String,
    pub title: String,
    /// The control's own severity when its definition was read, else the
    /// highest severity among its FAILED findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Status across every account, region and standard.
    pub status: ControlStatus,
    pub layer: Layer,
    /// True when the control's definition (Controls dataset) was read.
    pub defined: bool,
    pub standards: Vec<ControlInStandard>,
    /// Ids of the active findings the status was computed from.
    pub finding_ids: Vec<String>,
    /// Ids of the FAILED findings among them.
    pub failed_finding_ids: Vec<String>,
    /// Resources of the FAILED findings.
    pub failing_resources: Vec<String>,
}

/// Every control known from definitions or findings, with an index by id.
#[derive(Debug, Default)]
pub(crate) struct ControlTable {
    pub states: Vec<ControlState>,
    /// Standards named by active control findings, in first-seen order.
    pub finding_standards: Vec<String>,
    index: HashMap<String, usize>,
}

impl ControlTable {
    pub fn get(&self, control_id: &str) -> Option<&ControlState> {
        self.index.get(control_id).map(|&i| &self.states[i])
    }

    pub fn status(&self, control_id: &str) -> Option<ControlStatus> {
        self.get(control_id).map(|c| c.status)
    }
}

/// Normalises a standards ARN or id to the `standards/...` form.
pub(crate) fn std_key(s: &str) -> Cow<'_, str> {
    if s.starts_with("arn:") {
        Cow::Owned(Standard::id_from_arn(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// True for findings that feed control status: active Security Hub
/// control findings with a compliance status.
pub(crate) fn is_control_finding(f: &Finding) -> bool {
    f.source == Source::SecurityHub && f.control_id().is_some() && f.compliance_status().is_some()
}

struct Definition<'a> {
    title: &'a str,
    severity: Severity,
    /// standards id -> enabled anywhere
    standards: Vec<(Cow<'a, str>, bool)>,
}

#[derive(Default)]
struct Acc<'a> {
    overall: Tally,
    unscoped: Tally,
    scoped: Vec<(Cow<'a, str>, Tally)>,
    finding_ids: Vec<&'a str>,
    failed_ids: Vec<&'a str>,
    failing: BTreeSet<&'a str>,
    title: Option<&'a str>,
    failed_severity: Option<Severity>,
}

fn definitions(estate: &Estate) -> HashMap<&str, Definition<'_>> {
    let mut defs: HashMap<&str, Definition<'_>> = HashMap::new();
    for c in &estate.controls {
        let def = defs.entry(c.control_id.as_str()).or_insert(Definition {
            title: &c.title,
            severity: c.severity,
            standards: Vec::new(),
        });
        for a in &c.associations {
            let key = std_key(&a.standards_id);
            match def.standards.iter_mut().find(|(s, _)| *s == key) {
                Some((_, enabled)) => *enabled |= a.enabled,
                None => def.standards.push((key, a.enabled)),
            }
        }
    }
    defs
}

/// Maps (standard, standard-specific control id) to the security control
/// id, for legacy per-standard findings that carry e.g. `2.7` or `CIS 2.7`.
fn legacy_ids(estate: &Estate) -> HashMap<(String, String), &str> {
    let mut map = HashMap::new();
    for c in &estate.controls {
        for a in &c.associations {
            if let Some(sc) = &a.standard_control_id {
                map.insert(
                    (std_key(&a.standards_id).into_owned(), tail(sc).to_string()),
                    c.control_id.as_str(),
                );
            }
        }
    }
    map
}

/// The last token of a standard-specific id: `CIS 2.7` -> `2.7`.
fn tail(id: &str) -> &str {
    id.rsplit([' ', '/']).next().unwrap_or(id)
}

fn resolve<'a>(
    f: &'a Finding,
    raw_id: &'a str,
    defs: &HashMap<&'a str, Definition<'a>>,
    legacy: &HashMap<(String, String), &'a str>,
) -> &'a str {
    if defs.is_empty() || defs.contains_key(raw_id) || legacy.is_empty() {
        return raw_id;
    }
    let standards = f
        .compliance
        .as_ref()
        .map(|c| c.associated_standards.as_slice())
        .unwrap_or_default();
    standards
        .iter()
        .find_map(|s| {
            legacy
                .get(&(std_key(s).into_owned(), tail(raw_id).to_string()))
                .copied()
        })
        .unwrap_or(raw_id)
}

/// Builds the control table from the estate's control definitions and findings.
pub(crate) fn build(estate: &Estate) -> ControlTable {
    let defs = definitions(estate);
    let legacy = legacy_ids(estate);
    let mut accs: HashMap<&str, Acc<'_>> = HashMap::new();
    for f in &estate.findings {
        if !f.is_active() || !is_control_finding(f) {
            continue;
        }
        let (Some(raw_id), Some(status), Some(compliance)) =
            (f.control_id(), f.compliance_status(), f.compliance.as_ref())
        else {
            continue;
        };
        let id = resolve(f, raw_id, &defs, &legacy);
        let acc = accs.entry(id).or_default();
        acc.overall.add(status);
        if compliance.associated_standards.is_empty() {
            acc.unscoped.add(status);
        }
        for s in &compliance.associated_standards {
            let key = std_key(s);
            match acc.scoped.iter_mut().find(|(k, _)| *k == key) {
                Some((_, t)) => t.add(status),
                None => {
                    let mut t = Tally::default();
                    t.add(status);
                    acc.scoped.push((key, t));
                }
            }
        }
        acc.finding_ids.push(&f.id);
        acc.title.get_or_insert(&f.title);
        if status == ComplianceStatus::Failed {
            acc.failed_severity = acc.failed_severity.max(Some(f.severity));
            acc.failed_ids.push(&f.id);
            acc.failing
                .extend(f.resources.iter().map(|r| r.id.as_str()));
        }
    }

    let mut ids: Vec<&str> = defs.keys().chain(accs.keys()).copied().collect();
    ids.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)).then(a.cmp(b)));
    ids.dedup();
    let empty = Acc::default();
    let mut table = ControlTable::default();
    for acc in accs.values() {
        for (key, _) in &acc.scoped {
            if !table.finding_standards.iter().any(|s| s == key) {
                table.finding_standards.push(key.to_string());
            }
        }
    }
    table.finding_standards.sort();
    for id in ids {
        let acc = accs.get(id).unwrap_or(&empty);
        let def = defs.get(id);
        let state = make_state(id, def, acc);
        table
            .index
            .insert(state.control_id.clone(), table.states.len());
        table.states.push(state);
    }
    table
}

fn make_state(id: &str, def: Option<&Definition<'_>>, acc: &Acc<'_>) -> ControlState {
    let in_standard = |key: &str| -> Tally {
        acc.scoped
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| *t)
            .unwrap_or_default()
            .merge(acc.unscoped)
    };
    let mut standards: Vec<ControlInStandard> = Vec::new();
    if let Some(def) = def {
        for (key, enabled) in &def.standards {
            standards.push(ControlInStandard {
                standards_id: key.to_string(),
                enabled: *enabled,
                status: if *enabled {
                    in_standard(key).status()
                } else {
                    ControlStatus::Disabled
                },
            });
        }
    }
    for (key, _) in &acc.scoped {
        if !standards.iter().any(|s| s.standards_id == *key) {
            standards.push(ControlInStandard {
                standards_id: key.to_string(),
                enabled: true,
                status: in_standard(key).status(),
            });
        }
    }
    let disabled =
        def.is_some_and(|d| !d.standards.is_empty() && d.standards.iter().all(|(_, e)| !e));
    let status = if disabled {
        ControlStatus::Disabled
    } else {
        acc.overall.status()
    };
    let title = def
        .map(|d| d.title)
        .or(acc.title)
        .unwrap_or_default()
        .to_string();
    ControlState {
        control_id: id.to_string(),
        layer: layers::control_layer(id, &title),
        title,
        severity: def.map(|d| d.severity).or(acc.failed_severity),
        status,
        defined: def.is_some(),
        standards,
        finding_ids: acc.finding_ids.iter().map(|s| s.to_string()).collect(),
        failed_finding_ids: acc.failed_ids.iter().map(|s| s.to_string()).collect(),
        failing_resources: acc.failing.iter().map(|s| s.to_string()).collect(),
    }
}

/// Orders `EC2.2` before `EC2.10`.
fn sort_key(id: &str) -> (&str, u32, &str) {
    match id.rsplit_once('.') {
        Some((prefix, n)) => match n.parse::<u32>() {
            Ok(n) => (prefix, n, ""),
            Err(_) => (id, 0, ""),
        },
        None => (id, 0, id),
    }
}

#[cfg(test)]
mod tests;
