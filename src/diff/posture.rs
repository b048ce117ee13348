//! Score deltas per standard and control status changes, from the posture
//! of each side.

use crate::model::Estate;
use crate::posture::{self, ControlStatus, Posture, ScoreCounts};
use serde::Serialize;
use std::collections::BTreeMap;

/// One score on both sides. `standards_id` is `None` for the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreDelta {
    pub standard: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standards_id: Option<String>,
    /// `69%`, `no data`, `not assessed`, or `absent` when the standard is
    /// not scored on that side.
    pub old: String,
    pub new: String,
    /// Percentage points, when both sides have a percentage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<i16>,
}

/// A control whose status differs. `None`: not known on that side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlChange {
    pub control_id: String,
    pub title: String,
    pub old: Option<ControlStatus>,
    pub new: Option<ControlStatus>,
}

impl ControlChange {
    pub fn describe(&self) -> String {
        let s = |x: Option<ControlStatus>| x.map(ControlStatus::label).unwrap_or("absent");
        format!("{} → {}", s(self.old), s(self.new))
    }
}

/// One side's posture, assessed as of its own capture time.
pub(super) fn assess_side(e: &Estate) -> Posture {
    posture::assess(e, e.meta.captured_at)
}

fn shown(c: Option<&ScoreCounts>, p: &Posture) -> (String, Option<u8>) {
    match c {
        None => ("absent".to_string(), None),
        Some(c) => (
            c.display(&p.scores.coverage),
            c.percent.filter(|_| p.scores.coverage.is_assessed()),
        ),
    }
}

fn delta(
    name: String,
    id: Option<String>,
    o: Option<&ScoreCounts>,
    n: Option<&ScoreCounts>,
    po: &Posture,
    pn: &Posture,
) -> ScoreDelta {
    let (old, op) = shown(o, po);
    let (new, np) = shown(n, pn);
    ScoreDelta {
        standard: name,
        standards_id: id,
        old,
        new,
        delta: op.zip(np).map(|(a, b)| i16::from(b) - i16::from(a)),
    }
}

/// The summary first, then every standard scored on either side.
pub(super) fn scores(po: &Posture, pn: &Posture) -> Vec<ScoreDelta> {
    let mut out = vec![delta(
        "All standards (each control once)".to_string(),
        None,
        Some(&po.scores.summary),
        Some(&pn.scores.summary),
        po,
        pn,
    )];
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for s in po.scores.standards.iter().chain(&pn.scores.standards) {
        names.entry(&s.standards_id).or_insert(&s.name);
    }
    let find = |p: &'_ Posture, id: &str| {
        p.scores
            .standards
            .iter()
            .find(|s| s.standards_id == id)
            .map(|s| s.counts.clone())
    };
    for (id, name) in names {
        let (o, n) = (find(po, id), find(pn, id));
        out.push(delta(
            name.to_string(),
            Some(id.to_string()),
            o.as_ref(),
            n.as_ref(),
            po,
            pn,
        ));
    }
    out
}

/// Controls whose overall status differs, failed-now first.
pub(super) fn controls(po: &Posture, pn: &Posture) -> Vec<ControlChange> {
    let index = |p: &Posture| -> BTreeMap<String, (ControlStatus, String)> {
        p.controls
            .iter()
            .map(|c| (c.control_id.clone(), (c.status, c.title.clone())))
            .collect()
    };
    let (o, n) = (index(po), index(pn));
    let mut ids: Vec<&String> = o.keys().chain(n.keys()).collect();
    ids.sort();
    ids.dedup();
    let mut out: Vec<ControlChange> = ids
        .into_iter()
        .filter_map(|id| {
            let (os, ns) = (o.get(id), n.get(id));
            if os.map(|x| x.0) == ns.map(|x| x.0) {
                return None;
            }
            let title = ns.or(os).map(|x| x.1.clone()).unwrap_or_default();
            Some(ControlChange {
                control_id: id.clone(),
                title,
                old: os.map(|x| x.0),
                new: ns.map(|x| x.0),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.new
            .unwrap_or(ControlStatus::NoData)
            .cmp(&b.new.unwrap_or(ControlStatus::NoData))
            .then_with(|| a.control_id.cmp(&b.control_id))
    });
    out
}
