//! The posture engine: everything rampart concludes from an [`Estate`],
//! recomputed on demand and never stored.
//!
//! Pure code: no I/O, no clock (`now` is a parameter), no terminal, async
//! or AWS SDK types. Missing data is reported as "not assessed" (see
//! [`Coverage`]), never as a pass or a 0 %.
//!
//! # API
//!
//! - [`assess`]`(estate, now) -> Posture`: the whole analysis. `Posture` is
//!   `Serialize` (it goes under `posture` in `rampart summary --json`).
//! - [`checks()`]`(estate, now) -> Vec<Finding>`: rampart's own check
//!   findings only (`source: rampart`), ready to merge into the findings list.
//! - [`layers::finding_layer`] / [`layers::control_layer`]: the defence-in-depth
//!   layer of any finding or control, for views that group by layer.
//! - Attestations are read from `estate.attestations`; the local file that
//!   holds them is [`crate::attest`] (`load`, `save`, `append`, `default_path`).
//!   Their ids are `e8/<strategy>/<level>/<requirement>` or, for a whole
//!   level, `e8/<strategy>/<level>` ([`e8::requirements`], [`e8::level_id`]).
//!
//! # What `Posture` holds
//!
//! | field | what | rules |
//! |---|---|---|
//! | `scores` | per-standard and summary security scores | domain.md 1.1; `passed/(passed+failed+unknown)`, rounded |
//! | `controls` | every control's status, findings, failing resources | domain.md 1.2; ARCHIVED/SUPPRESSED ignored |
//! | `layers` | status per defence-in-depth layer | not assessed when no input was read |
//! | `essential_eight` | each strategy at ML1-ML3, evidence, maturity | [`e8`] |
//! | `kms` | per-key rotation, deletion, policy, purpose drift | [`kms`] |
//! | `network` | subnet/VPC reachability, exposures, flow logs, endpoints | [`network`] |
//! | `alarms` | alarm states, silent/stuck alarms, CIS alarm coverage | [`alarms`] |
//! | `checks` | rampart's failed checks as findings | [`mod@checks`] |

pub mod alarms;
pub mod checks;
mod controls;
mod coverage;
pub mod e8;
pub mod kms;
mod layer_status;
pub mod layers;
pub mod network;
mod scores;

#[cfg(test)]
pub(crate) mod fixtures;

pub use alarms::AlarmCoverage;
pub use controls::{ControlInStandard, ControlState, ControlStatus};
pub use coverage::Coverage;
pub use e8::EssentialEight;
pub use kms::KmsPosture;
pub use layer_status::{LayerControls, LayerState, LayerStatus, SeverityCounts};
pub use layers::Layer;
pub use network::NetworkPosture;
pub use scores::{ScoreCounts, Scores, StandardScore, standard_name};

use crate::model::{DatasetKind, Estate, Finding, Timestamp};
use serde::Serialize;

/// Everything the engine concludes about one estate at one moment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Posture {
    pub assessed_at: Timestamp,
    pub scores: Scores,
    pub controls: Vec<ControlState>,
    pub layers: Vec<LayerStatus>,
    pub essential_eight: EssentialEight,
    pub kms: KmsPosture,
    pub network: NetworkPosture,
    pub alarms: AlarmCoverage,
    /// rampart's own failed checks, most severe first.
    pub checks: Vec<Finding>,
}

/// Assesses the estate at time `now` (used for days-left and stuck alarms).
pub fn assess(estate: &Estate, now: Timestamp) -> Posture {
    let table = controls::build(estate);
    let scores = scores::compute(estate, &table);
    let essential_eight = e8::evaluate(estate, &table);
    let kms = kms::analyse(estate, now);
    let network = network::analyse(estate);
    let alarms = alarms::analyse(estate, now);
    let checks = checks::collect(estate, &kms, &network, &alarms, now);
    let analysed = |layer: Layer| match layer {
        Layer::Network => {
            network.coverage.is_assessed() || network.security_groups.coverage.is_assessed()
        }
        Layer::DataProtection => kms.coverage.is_assessed(),
        Layer::DetectionMonitoring => {
            alarms.coverage.is_assessed()
                || network.flow_logs_coverage.is_assessed()
                || estate.status(DatasetKind::GuardDutyFindings).has_data()
        }
        _ => false,
    };
    let layers = layer_status::compute(estate, &table, &checks, analysed);
    Posture {
        assessed_at: now,
        scores,
        controls: table.states,
        layers,
        essential_eight,
        kms,
        network,
        alarms,
        checks,
    }
}

/// rampart's own checks only: failed checks as findings (`source: rampart`).
pub fn checks(estate: &Estate, now: Timestamp) -> Vec<Finding> {
    let kms = kms::analyse(estate, now);
    let network = network::analyse(estate);
    let alarms = alarms::analyse(estate, now);
    checks::collect(estate, &kms, &network, &alarms, now)
}

impl Posture {
    /// A few lines for a text summary, e.g. `Security score: 69% (357/515 controls)`.
    pub fn summary_lines(&self) -> Vec<String> {
        let s = &self.scores;
        let mut out = vec![format!(
            "Security score: {} ({}/{} controls passed)",
            s.summary.display(&s.coverage),
            s.summary.passed,
            s.summary.with_data()
        )];
        for st in &s.standards {
            out.push(format!("  {}: {}", st.name, st.counts.display(&s.coverage)));
        }
        let layers: Vec<String> = self
            .layers
            .iter()
            .map(|l| format!("{} {}", l.label, l.state.label()))
            .collect();
        out.push(format!("Layers: {}", layers.join(", ")));
        let e8: Vec<String> = self
            .essential_eight
            .strategies
            .iter()
            .map(|st| format!("{} {}", st.name, st.maturity_label))
            .collect();
        out.push(format!(
            "Essential Eight: {} overall ({})",
            e8::maturity_label(self.essential_eight.overall_maturity),
            e8.join(", ")
        ));
        out.push(format!("rampart checks: {} failed", self.checks.len()));
        out
    }
}

#[cfg(test)]
mod tests;
