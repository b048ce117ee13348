//! `--baseline FILE`: what changed between a reference estate and the data
//! shown. The comparison runs once per estate change (a load of files, the
//! end of a live load, a write), never per frame; between two live loads
//! the deltas streaming in are compared when the load ends.

mod view;

pub use view::{DiffRow, DiffView, Section};

use super::App;
use super::action::{Effect, move_cursor};
use super::detail::DetailView;
use super::route::Route;
use crate::diff::{self, EstateDiff};
use crate::input::CommandId;
use crate::model::Estate;
use crate::posture::Posture;
use crate::query::Query;
use std::collections::HashSet;
use std::sync::Arc;

/// The baseline and the last comparison against it.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The estate as the baseline file holds it.
    pub estate: Arc<Estate>,
    /// Its posture, assessed once (as of its capture time).
    pub posture: Arc<Posture>,
    /// `None` until data to compare with has arrived (a live console:
    /// until its first load ends).
    pub diff: Option<Arc<EstateDiff>>,
}

impl Reference {
    pub fn new(estate: Arc<Estate>) -> Reference {
        let posture = Arc::new(diff::assess_baseline(&estate));
        Reference {
            estate,
            posture,
            diff: None,
        }
    }
}

/// Finding ids new and changed against the baseline (`is:added`,
/// `is:changed` and the findings view's marker).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BaselineIds {
    pub added: HashSet<String>,
    pub changed: HashSet<String>,
}

impl BaselineIds {
    fn of(d: &EstateDiff) -> BaselineIds {
        BaselineIds {
            added: d
                .findings
                .new
                .iter()
                .map(|n| n.finding.id.clone())
                .collect(),
            changed: d
                .findings
                .changed
                .iter()
                .map(|c| c.finding.id.clone())
                .collect(),
        }
    }
}

/// Compares the estate shown, with the posture the console assessed for
/// it, with the baseline, when there is one: after a load of files, the
/// end of a live load or a write. (rampart's appended checks are not
/// compared as findings.)
pub(super) fn recompute(app: &mut App) {
    let Some(r) = &app.reference else {
        return;
    };
    let d = diff::diff_assessed(&r.estate, &r.posture, &app.estate, &app.posture);
    install(app, Arc::new(d));
}

/// Keeps the comparison, the marks the filter reads, and every open
/// `:diff` view in step with a fresh comparison.
fn install(app: &mut App, d: Arc<EstateDiff>) {
    Arc::make_mut(&mut app.live.marks).against = Some(Arc::new(BaselineIds::of(&d)));
    if let Some(r) = &mut app.reference {
        r.diff = Some(Arc::clone(&d));
    }
    for route in std::iter::once(&mut app.root).chain(app.stack.iter_mut()) {
        if let Route::Diff(v) = route {
            v.rebuild(Some(&d));
        }
    }
}

/// Keys of the `:diff` view: moving, and Enter on a finding (new,
/// changed, or resolved but still in the data) opens its detail.
pub(super) fn command(app: &mut App, id: CommandId) -> Vec<Effect> {
    let Route::Diff(v) = app.route_mut() else {
        return Vec::new();
    };
    let len = v.rows().len();
    if move_cursor(&mut v.cursor, id, len) || id != CommandId::Open {
        return Vec::new();
    }
    let Some(DiffRow::Entry(section, i)) = v.selected() else {
        app.set_status("select a finding (j/k) to open it", false);
        return Vec::new();
    };
    let Some(d) = app.baseline_diff() else {
        return Vec::new();
    };
    let f = &d.findings;
    let id = match section {
        Section::New => f.new.get(i).map(|n| &n.finding.id),
        Section::Changed => f.changed.get(i).map(|c| &c.finding.id),
        Section::Resolved => f.resolved.get(i).map(|r| &r.finding.id),
        _ => {
            app.set_status(
                "only findings open from here (keys, network and alarms: views 5, 6 and 7)",
                false,
            );
            return Vec::new();
        }
    };
    let Some(id) = id.cloned() else {
        return Vec::new();
    };
    let shown = &app.estate.findings[..app.file_findings.min(app.estate.findings.len())];
    match shown.iter().position(|f| f.id == id) {
        Some(i) => {
            let view = DetailView::new(i, &app.estate.findings[i]);
            app.stack.push(Route::Detail(Box::new(view)));
        }
        None => app.set_status(
            "that finding is gone from the data: only the baseline has it",
            false,
        ),
    }
    Vec::new()
}

/// Says that `is:added` / `is:changed` match nothing without a baseline
/// (the filter is still applied: it is valid, just empty).
pub(super) fn note_filter(app: &mut App, q: Option<&Query>) {
    if app.reference.is_none() && q.is_some_and(Query::uses_baseline) {
        app.set_status(
            "is:added and is:changed match nothing: no --baseline FILE was given",
            false,
        );
    }
}

impl App {
    /// The last comparison against `--baseline` (`None` without one, or
    /// before any data arrived).
    pub fn baseline_diff(&self) -> Option<&Arc<EstateDiff>> {
        self.reference.as_ref().and_then(|r| r.diff.as_ref())
    }
}

#[cfg(test)]
mod tests;
