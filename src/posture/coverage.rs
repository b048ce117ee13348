//! How completely the data behind a result was read: the guard that keeps
//! missing data from ever being reported as a pass.

use crate::model::{DatasetKind, DatasetStatus, Estate, LoadState};
use serde::Serialize;

/// Whether a result rests on complete, partial or no data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Coverage {
    /// Every dataset it needs was read in every account and region.
    Complete,
    /// Computed, but some parts were not read: the result may understate problems.
    Partial { reasons: Vec<String> },
    /// Not computed: a dataset it needs was not read.
    NotAssessed { reasons: Vec<String> },
}

impl Coverage {
    /// Coverage of a result that needs *all* of `datasets`.
    pub fn all_of(estate: &Estate, datasets: &[DatasetKind]) -> Coverage {
        let mut missing = Vec::new();
        let mut partial = Vec::new();
        for &kind in datasets {
            let status = estate.status(kind);
            if !status.has_data() {
                missing.push(reason(kind, &status));
            } else if !status.is_complete() {
                partial.push(reason(kind, &status));
            }
        }
        if !missing.is_empty() {
            Coverage::NotAssessed { reasons: missing }
        } else if !partial.is_empty() {
            Coverage::Partial { reasons: partial }
        } else {
            Coverage::Complete
        }
    }

    /// Coverage of a result fed by *any* of `datasets`: assessed when at
    /// least one has data, partial when some are missing.
    pub fn any_of(estate: &Estate, datasets: &[DatasetKind]) -> Coverage {
        let mut missing = Vec::new();
        let mut complete = 0usize;
        let mut with_data = 0usize;
        for &kind in datasets {
            let status = estate.status(kind);
            if status.has_data() {
                with_data += 1;
                if status.is_complete() {
                    complete += 1;
                } else {
                    missing.push(reason(kind, &status));
                }
            } else {
                missing.push(reason(kind, &status));
            }
        }
        if with_data == 0 {
            Coverage::NotAssessed { reasons: missing }
        } else if complete == datasets.len() {
            Coverage::Complete
        } else {
            Coverage::Partial { reasons: missing }
        }
    }

    /// True when a result was computed (complete or partial).
    pub fn is_assessed(&self) -> bool {
        !matches!(self, Coverage::NotAssessed { .. })
    }

    /// Short text, e.g. `not assessed: KMS keys not loaded`.
    pub fn describe(&self) -> String {
        match self {
            Coverage::Complete => "complete".to_string(),
            Coverage::Partial { reasons } => format!("partial: {}", reasons.join("; ")),
            Coverage::NotAssessed { reasons } => format!("not assessed: {}", reasons.join("; ")),
        }
    }
}

/// True when `dataset` was read for this account and region: a load record
/// covering them (an absent account or region covers all) is `Loaded`.
pub(crate) fn loaded_for(
    estate: &Estate,
    dataset: DatasetKind,
    account: &str,
    region: &str,
) -> bool {
    estate.loads.iter().any(|r| {
        r.dataset == dataset
            && r.account_id.as_deref().is_none_or(|a| a == account)
            && r.region.as_deref().is_none_or(|x| x == region)
            && matches!(r.state, LoadState::Loaded { .. })
    })
}

/// True when `dataset` was read in every region recorded for `account`
/// (and at least one).
pub(crate) fn account_fully_loaded(estate: &Estate, dataset: DatasetKind, account: &str) -> bool {
    let mut recs = estate
        .loads
        .iter()
        .filter(|r| r.dataset == dataset && r.account_id.as_deref().is_none_or(|a| a == account))
        .peekable();
    recs.peek().is_some() && recs.all(|r| matches!(r.state, LoadState::Loaded { .. }))
}

fn reason(kind: DatasetKind, status: &DatasetStatus) -> String {
    format!("{} {}", kind.label(), status.describe())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posture::fixtures::{ACCOUNT, REGION, estate, load};

    #[test]
    fn missing_partial_and_complete_are_told_apart() {
        let mut e = estate();
        let needs = [DatasetKind::Subnets, DatasetKind::RouteTables];
        assert!(!Coverage::all_of(&e, &needs).is_assessed());
        load(&mut e, &[DatasetKind::Subnets]);
        let c = Coverage::all_of(&e, &needs);
        assert!(
            c.describe().contains("Route tables not loaded"),
            "{}",
            c.describe()
        );
        assert!(Coverage::any_of(&e, &needs).is_assessed());
        load(&mut e, &[DatasetKind::RouteTables]);
        assert_eq!(Coverage::all_of(&e, &needs), Coverage::Complete);
        e.set_load(
            DatasetKind::RouteTables,
            None,
            Some("eu-west-1"),
            LoadState::Failed {
                reason: "throttled".into(),
            },
        );
        assert!(matches!(
            Coverage::all_of(&e, &needs),
            Coverage::Partial { .. }
        ));
        assert!(loaded_for(&e, DatasetKind::RouteTables, ACCOUNT, REGION));
        assert!(!loaded_for(
            &e,
            DatasetKind::RouteTables,
            ACCOUNT,
            "eu-west-1"
        ));
        assert!(!loaded_for(
            &e,
            DatasetKind::RouteTables,
            "444455556666",
            REGION
        ));
        assert!(!account_fully_loaded(&e, DatasetKind::RouteTables, ACCOUNT));
        assert!(account_fully_loaded(&e, DatasetKind::Subnets, ACCOUNT));
        assert!(!account_fully_loaded(
            &e,
            DatasetKind::Subnets,
            "444455556666"
        ));
    }
}
