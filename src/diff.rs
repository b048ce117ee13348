//! What changed between two estates: findings, controls and scores, KMS
//! keys, network and alarms.
//!
//! A dataset that one side did not read is never reported as emptied or
//! filled: it is listed in [`EstateDiff::not_compared`] and skipped, and a
//! finding whose source was not read on the other side is not called new
//! or resolved.

mod alarms;
mod change;
mod findings;
mod keys;
mod network;
mod network_rules;
mod posture;
mod text;

#[cfg(test)]
mod tests;

pub use change::{ChangeKind, Detail, ItemChange};
pub use findings::{
    ChangedFinding, FindingRef, FindingsDiff, NewFinding, ResolvedFinding, ResolvedReason, is_open,
};
pub use posture::{ControlChange, ScoreDelta};
pub use text::to_text;

use crate::model::{DatasetKind, Estate, Timestamp};
use crate::posture::Posture;
use serde::Serialize;

/// One side of the comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub origin: String,
    pub captured_at: Timestamp,
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
}

impl Side {
    fn of(estate: &Estate) -> Side {
        Side {
            origin: estate.meta.origin.describe(),
            captured_at: estate.meta.captured_at,
            accounts: estate.meta.accounts.clone(),
            regions: estate.meta.regions.clone(),
        }
    }
}

/// A dataset left out because one side has no data for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotCompared {
    pub dataset: DatasetKind,
    /// `old`, `new` or `both`: which side lacks it.
    pub missing_in: &'static str,
    /// Why, as the load state says.
    pub reason: String,
}

/// Everything that changed from `old` to `new`.
#[derive(Debug, Clone, Serialize)]
pub struct EstateDiff {
    pub old: Side,
    pub new: Side,
    pub not_compared: Vec<NotCompared>,
    pub findings: FindingsDiff,
    /// The summary score, then each standard's, on both sides.
    pub scores: Vec<ScoreDelta>,
    /// Controls whose status changed (empty when control findings were not
    /// read on both sides).
    pub controls: Vec<ControlChange>,
    /// KMS keys added, removed or changed (rotation, state, policy, aliases).
    pub keys: Vec<ItemChange>,
    /// VPCs, subnets, route tables, gateways, endpoints, security groups,
    /// network ACLs and flow logs.
    pub network: Vec<ItemChange>,
    /// Alarms added, removed or changed (state, actions, threshold).
    pub alarms: Vec<ItemChange>,
}

impl EstateDiff {
    /// True when nothing compared has changed.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
            && self.controls.is_empty()
            && self.scores.iter().all(|s| s.old == s.new)
            && self.keys.is_empty()
            && self.network.is_empty()
            && self.alarms.is_empty()
    }
}

/// Compares two estates.
pub fn diff(old: &Estate, new: &Estate) -> EstateDiff {
    diff_with(old, &assess_baseline(old), new)
}

/// The posture [`diff_with`] takes for `old`: assessed as of its own
/// capture time.
pub fn assess_baseline(old: &Estate) -> Posture {
    posture::assess_side(old)
}

/// Compares two estates, `old`'s posture already assessed (by
/// [`assess_baseline`]): one baseline compared with estate after estate is
/// assessed once.
pub fn diff_with(old: &Estate, po: &Posture, new: &Estate) -> EstateDiff {
    diff_assessed(old, po, new, &posture::assess_side(new))
}

/// Compares two estates whose postures are both already assessed (the
/// console holds the posture of what it shows). rampart's own check
/// findings are never compared as findings: they follow from the keys,
/// network, alarms and controls compared here.
pub fn diff_assessed(old: &Estate, po: &Posture, new: &Estate, pn: &Posture) -> EstateDiff {
    let not_compared = not_compared(old, new);
    let skip = |kind: DatasetKind| not_compared.iter().any(|n| n.dataset == kind);
    EstateDiff {
        old: Side::of(old),
        new: Side::of(new),
        findings: findings::diff(old, new),
        scores: posture::scores(po, pn),
        controls: if skip(DatasetKind::SecurityHubFindings) {
            Vec::new()
        } else {
            posture::controls(po, pn)
        },
        keys: if skip(DatasetKind::KmsKeys) {
            Vec::new()
        } else {
            keys::diff(&old.kms_keys, &new.kms_keys)
        },
        network: network::diff(old, new, &skip),
        alarms: if skip(DatasetKind::Alarms) {
            Vec::new()
        } else {
            alarms::diff(&old.alarms, &new.alarms)
        },
        not_compared,
    }
}

/// Datasets with no data on at least one side (finding datasets included:
/// their findings are only compared where the source was read on both).
fn not_compared(old: &Estate, new: &Estate) -> Vec<NotCompared> {
    let mut out = Vec::new();
    for kind in DatasetKind::ALL {
        let (o, n) = (old.status(kind), new.status(kind));
        let missing_in = match (o.has_data(), n.has_data()) {
            (true, true) => continue,
            (false, true) => "old",
            (true, false) => "new",
            (false, false) => "both",
        };
        let reason = match missing_in {
            "old" => o.describe(),
            "new" => n.describe(),
            _ => format!("old: {}; new: {}", o.describe(), n.describe()),
        };
        out.push(NotCompared {
            dataset: kind,
            missing_in,
            reason,
        });
    }
    out
}
