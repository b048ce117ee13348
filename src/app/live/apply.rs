//! Changing the estate under open views: streamed deltas, local writes and
//! whole replacements (files read again). Findings may move in the list,
//! so every view notes what it shows (by id) before the change and finds
//! it again after it. rampart's own check findings follow the data in
//! `estate.findings` (from `app.file_findings` on): they are taken off
//! before the data changes and assessed again after it.

use super::super::derived;
use super::super::detail::DetailView;
use super::super::route::{OverviewView, Route};
use super::super::summary::Summary;
use super::super::views;
use super::super::{App, DataState};
use super::SessionMarks;
use super::marks::changed_between;
use super::store::{FindingStore, Touched};
use crate::model::{Estate, EstateDelta};
use std::sync::Arc;

/// Applies a batch of deltas: one assessment, one summary and one re-sort
/// per view, however many pages the batch holds.
pub(super) fn deltas(app: &mut App, deltas: Vec<EstateDelta>) {
    if deltas.is_empty() {
        return;
    }
    let keys = view_keys(app);
    let touched = change_data(app, |estate, store, touched| {
        for d in deltas {
            store.apply(estate, d, touched);
        }
    });
    if matches!(app.data, DataState::Loading { .. }) {
        // The console shows what has arrived; the header tells what is
        // still loading.
        app.data = DataState::Ready;
        app.loaded_once = true;
    }
    if app.live.baseline && !touched.changed.is_empty() {
        Arc::make_mut(&mut app.live.marks)
            .ids
            .extend(touched.changed);
    }
    after_change(app, keys, touched.findings);
}

/// Changes the data findings (and the rest) through the store, then
/// assesses the posture again.
pub(super) fn change_data(
    app: &mut App,
    change: impl FnOnce(&mut Estate, &mut FindingStore, &mut Touched),
) -> Touched {
    let mut touched = Touched::default();
    let now = app.now();
    let estate = Arc::make_mut(&mut app.estate);
    estate.findings.truncate(app.file_findings);
    change(estate, &mut app.live.store, &mut touched);
    let d = derived::prepare(estate, now);
    app.file_findings = d.file_findings;
    app.posture = Arc::new(d.posture);
    app.xref = Arc::new(d.xref);
    touched
}

/// Replaces the whole estate (a load of files, the demo, a reload). After
/// the first load, findings that are new or changed are marked.
pub(crate) fn replace_estate(app: &mut App, mut estate: Estate) {
    if app.loaded_once {
        let shown = app.estate.findings.get(..app.file_findings).unwrap_or(&[]);
        let changed = changed_between(shown, &estate.findings);
        if !changed.is_empty() {
            Arc::make_mut(&mut app.live.marks).ids.extend(changed);
        }
    }
    let keys = view_keys(app);
    let d = derived::prepare(&mut estate, app.now());
    app.file_findings = d.file_findings;
    app.posture = Arc::new(d.posture);
    app.xref = Arc::new(d.xref);
    app.estate = Arc::new(estate);
    super::super::compare::recompute(app);
    app.data = DataState::Ready;
    app.loaded_once = true;
    after_change(app, keys, true);
}

/// A local change to findings (a write that succeeded) went through the
/// store; bring the views along.
#[cfg(feature = "writes")]
pub(super) fn findings_changed(app: &mut App, keys: Vec<Option<String>>) {
    super::super::compare::recompute(app);
    after_change(app, keys, true);
}

/// What each view shows, by id, before a change (root first).
pub(super) fn view_keys(app: &App) -> Vec<Option<String>> {
    app.routes()
        .map(|r| match r {
            Route::Findings(v) => v.selection_key(&app.estate),
            Route::Detail(d) => Some(d.id.clone()),
            _ => None,
        })
        .collect()
}

fn after_change(app: &mut App, keys: Vec<Option<String>>, findings: bool) {
    app.summary = Summary::of(&app.estate);
    app.live.new_count = app.live.marks.count(&app.estate);
    let marks = Arc::clone(&app.live.marks);
    let mut keys = keys.into_iter();
    let root = std::mem::replace(&mut app.root, Route::Overview(OverviewView::default()));
    let root_key = keys.next().flatten();
    if let Some(r) = refresh_route(root, app, &marks, root_key, findings) {
        app.root = r;
    }
    let mut keep = Vec::with_capacity(app.stack.len());
    let mut gone = false;
    for route in std::mem::take(&mut app.stack) {
        let key = keys.next().flatten();
        if gone {
            // Views above one that lost its subject go with it.
            continue;
        }
        match refresh_route(route, app, &marks, key, findings) {
            Some(r) => keep.push(r),
            None => gone = true,
        }
    }
    app.stack = keep;
    if gone {
        app.set_status("what that view showed is no longer in the data", true);
    }
}

/// Brings one view up to date; `None` when its subject is gone.
fn refresh_route(
    route: Route,
    app: &App,
    marks: &Arc<SessionMarks>,
    key: Option<String>,
    findings: bool,
) -> Option<Route> {
    let estate = &app.estate;
    match route {
        Route::Findings(mut v) => {
            if findings {
                v.set_marks(Arc::clone(marks));
                v.data_changed_keeping(estate, key);
            }
            Some(Route::Findings(v))
        }
        Route::Detail(d) if findings => {
            let i = estate.findings.iter().position(|f| f.id == d.id)?;
            let mut fresh = DetailView::new(i, &estate.findings[i]);
            fresh.scroll = d.scroll;
            Some(Route::Detail(Box::new(fresh)))
        }
        other => views::refresh(other, app),
    }
}
