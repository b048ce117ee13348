//! A status per defence-in-depth layer, from its controls, rampart checks
//! and open findings. A layer whose inputs were not read is not assessed.

use super::controls::{ControlStatus, ControlTable, is_control_finding};
use super::coverage::Coverage;
use super::layers::{Layer, finding_layer};
use crate::model::{ComplianceStatus, Estate, Finding, Severity, Source, WorkflowStatus};
use serde::Serialize;

/// How a layer is holding up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerState {
    /// None of the layer's inputs were read.
    NotAssessed,
    /// A high or critical failed control, check or open finding.
    AtRisk,
    /// Something failed or is open, none of it high or critical.
    Attention,
    /// Evidence was read and nothing failed.
    Holding,
    /// Inputs were read but nothing in them speaks to this layer.
    NoEvidence,
}

impl LayerState {
    pub fn label(self) -> &'static str {
        match self {
            LayerState::NotAssessed => "not assessed",
            LayerState::AtRisk => "at risk",
            LayerState::Attention => "needs attention",
            LayerState::Holding => "holding",
            LayerState::NoEvidence => "no evidence",
        }
    }
}

/// Counts by severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SeverityCounts {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub informational: usize,
}

impl SeverityCounts {
    pub fn add(&mut self, s: Severity) {
        match s {
            Severity::Critical => self.critical += 1,
            Severity::High => self.high += 1,
            Severity::Medium => self.medium += 1,
            Severity::Low => self.low += 1,
            Severity::Informational => self.informational += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.critical + self.high + self.medium + self.low + self.informational
    }

    pub fn high_or_worse(&self) -> usize {
        self.critical + self.high
    }
}

/// Control counts within one layer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LayerControls {
    pub passed: usize,
    pub failed: usize,
    pub unknown: usize,
    pub no_data: usize,
}

/// One layer's status and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerStatus {
    pub layer: Layer,
    pub label: &'static str,
    pub state: LayerState,
    pub coverage: Coverage,
    pub controls: LayerControls,
    /// Failed control ids, most severe first.
    pub failed_controls: Vec<String>,
    /// rampart's own failed checks.
    pub checks: SeverityCounts,
    /// Open findings from GuardDuty, Macie, Inspector and other products
    /// (control findings are counted through their control).
    pub findings: SeverityCounts,
}

/// Builds every layer's status. `analysed(layer)` says whether rampart's
/// own analysis for that layer ran on loaded data.
pub(crate) fn compute(
    estate: &Estate,
    table: &ControlTable,
    checks: &[Finding],
    analysed: impl Fn(Layer) -> bool,
) -> Vec<LayerStatus> {
    let mut out: Vec<LayerStatus> = Layer::ALL
        .iter()
        .map(|&layer| LayerStatus {
            layer,
            label: layer.label(),
            state: LayerState::NotAssessed,
            coverage: Coverage::any_of(estate, layer.inputs()),
            controls: LayerControls::default(),
            failed_controls: Vec::new(),
            checks: SeverityCounts::default(),
            findings: SeverityCounts::default(),
        })
        .collect();
    let slot = |layer: Layer| Layer::ALL.iter().position(|l| *l == layer).unwrap_or(0);
    let mut failed: Vec<Vec<(Severity, &str)>> = vec![Vec::new(); Layer::ALL.len()];
    let mut high_failed = [false; 6];
    for c in &table.states {
        let i = slot(c.layer);
        let counts = &mut out[i].controls;
        match c.status {
            ControlStatus::Passed => counts.passed += 1,
            ControlStatus::Unknown => counts.unknown += 1,
            ControlStatus::NoData => counts.no_data += 1,
            ControlStatus::Disabled => {}
            ControlStatus::Failed => {
                counts.failed += 1;
                let sev = c.severity.unwrap_or(Severity::Medium);
                high_failed[i] |= sev >= Severity::High;
                failed[i].push((sev, &c.control_id));
            }
        }
    }
    for f in checks {
        let layer = finding_layer(f, |id| table.get(id).map(|c| c.layer));
        out[slot(layer)].checks.add(f.severity);
    }
    for f in &estate.findings {
        if f.source == Source::Rampart
            || is_control_finding(f)
            || !f.is_active()
            || f.workflow == WorkflowStatus::Resolved
            || f.compliance_status() == Some(ComplianceStatus::Passed)
        {
            continue;
        }
        let layer = finding_layer(f, |id| table.get(id).map(|c| c.layer));
        out[slot(layer)].findings.add(f.severity);
    }
    for (i, status) in out.iter_mut().enumerate() {
        failed[i].sort_by_key(|x| std::cmp::Reverse(x.0));
        status.failed_controls = failed[i].iter().map(|(_, id)| id.to_string()).collect();
        status.state = if !status.coverage.is_assessed() {
            LayerState::NotAssessed
        } else if high_failed[i]
            || status.checks.high_or_worse() > 0
            || status.findings.high_or_worse() > 0
        {
            LayerState::AtRisk
        } else if status.controls.failed > 0
            || status.checks.total() > 0
            || status.findings.total() > 0
        {
            LayerState::Attention
        } else if status.controls.passed > 0 || analysed(status.layer) {
            LayerState::Holding
        } else {
            LayerState::NoEvidence
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatasetKind;
    use crate::posture::controls;
    use crate::posture::fixtures::{control_finding, estate, finding, load};

    fn state(list: &[LayerStatus], layer: Layer) -> LayerState {
        list.iter()
            .find(|l| l.layer == layer)
            .map(|l| l.state)
            .unwrap_or(LayerState::NotAssessed)
    }

    #[test]
    fn a_layer_without_inputs_is_not_assessed() {
        let e = estate();
        let t = controls::build(&e);
        let l = compute(&e, &t, &[], |_| false);
        assert!(l.iter().all(|x| x.state == LayerState::NotAssessed));
    }

    #[test]
    fn failures_and_findings_set_the_layer_state() {
        let mut e = estate();
        load(
            &mut e,
            &[
                DatasetKind::SecurityHubFindings,
                DatasetKind::GuardDutyFindings,
            ],
        );
        let mut backups = control_finding("b", "RDS.11", ComplianceStatus::Passed, &[]);
        backups.title = "RDS instances should have automatic backups enabled".into();
        e.findings = vec![
            control_finding("a", "IAM.6", ComplianceStatus::Failed, &[]),
            backups,
            finding("gd", Source::GuardDuty, Severity::Critical),
        ];
        let t = controls::build(&e);
        let l = compute(&e, &t, &[], |_| false);
        // IAM.6 failed with a high severity finding.
        assert_eq!(state(&l, Layer::IdentityAccess), LayerState::AtRisk);
        assert_eq!(state(&l, Layer::Resilience), LayerState::Holding);
        assert_eq!(state(&l, Layer::DetectionMonitoring), LayerState::AtRisk);
        assert_eq!(state(&l, Layer::Edge), LayerState::NoEvidence);
        let id = l
            .iter()
            .find(|x| x.layer == Layer::IdentityAccess)
            .expect("layer");
        assert_eq!(id.failed_controls, ["IAM.6"]);
        assert_eq!(
            l.iter()
                .find(|x| x.layer == Layer::DetectionMonitoring)
                .map(|x| x.findings.critical),
            Some(1)
        );
    }

    #[test]
    fn resolved_and_suppressed_findings_do_not_count() {
        let mut e = estate();
        load(&mut e, &[DatasetKind::GuardDutyFindings]);
        let mut resolved = finding("a", Source::GuardDuty, Severity::High);
        resolved.workflow = WorkflowStatus::Resolved;
        let mut suppressed = finding("b", Source::GuardDuty, Severity::High);
        suppressed.workflow = WorkflowStatus::Suppressed;
        e.findings = vec![resolved, suppressed];
        let t = controls::build(&e);
        let l = compute(&e, &t, &[], |layer| layer == Layer::DetectionMonitoring);
        assert_eq!(state(&l, Layer::DetectionMonitoring), LayerState::Holding);
    }
}
