//! Changing the estate under open views: streamed deltas and whole
//! replacements (files read again). Findings may move in the list, so every
//! view notes what it shows (by id) before the change and finds it again
//! after it.

use super::super::detail::DetailView;
use super::super::route::Route;
use super::super::summary::Summary;
use super::super::{App, DataState};
use super::marks::changed_between;
use super::store::Touched;
use crate::model::{Estate, EstateDelta};
use std::sync::Arc;

/// Applies a batch of deltas: one summary, one re-sort per view, however
/// many pages the batch holds.
pub(super) fn deltas(app: &mut App, deltas: Vec<EstateDelta>) {
    if deltas.is_empty() {
        return;
    }
    let keys = view_keys(app);
    let mut touched = Touched::default();
    {
        let estate = Arc::make_mut(&mut app.estate);
        for d in deltas {
            app.live.store.apply(estate, d, &mut touched);
        }
    }
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

/// Replaces the whole estate (a load of files, the demo, a reload). After
/// the first load, findings that are new or changed are marked.
pub(crate) fn replace_estate(app: &mut App, estate: Estate) {
    if app.loaded_once {
        let changed = changed_between(&app.estate, &estate);
        if !changed.is_empty() {
            Arc::make_mut(&mut app.live.marks).ids.extend(changed);
        }
    }
    let keys = view_keys(app);
    app.estate = Arc::new(estate);
    app.data = DataState::Ready;
    app.loaded_once = true;
    after_change(app, keys, true);
}

/// A local change to findings (a write that succeeded) went through the
/// store; bring the views along.
#[cfg(feature = "writes")]
pub(super) fn findings_changed(app: &mut App, keys: Vec<Option<String>>) {
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
    let estate = Arc::clone(&app.estate);
    app.summary = Summary::of(&estate);
    app.live.new_count = app.live.marks.count(&estate);
    if !findings {
        return;
    }
    let marks = Arc::clone(&app.live.marks);
    let mut keys = keys.into_iter();
    let root_key = keys.next().flatten();
    refresh_route(&mut app.root, &estate, &marks, root_key);
    let mut keep = Vec::with_capacity(app.stack.len());
    let mut gone = false;
    for mut route in app.stack.drain(..) {
        let key = keys.next().flatten();
        if gone {
            // Views above one that lost its finding go with it.
            continue;
        }
        if refresh_route(&mut route, &estate, &marks, key) {
            keep.push(route);
        } else {
            gone = true;
        }
    }
    app.stack = keep;
    if gone {
        app.set_status("the finding shown is no longer in the data", true);
    }
}

/// Brings one view up to date; false when it shows a finding that is gone.
fn refresh_route(
    route: &mut Route,
    estate: &Estate,
    marks: &Arc<super::SessionMarks>,
    key: Option<String>,
) -> bool {
    match route {
        Route::Findings(v) => {
            v.set_marks(Arc::clone(marks));
            v.data_changed_keeping(estate, key);
            true
        }
        Route::Detail(d) => {
            let Some(i) = estate.findings.iter().position(|f| f.id == d.id) else {
                return false;
            };
            let scroll = d.scroll;
            let mut fresh = DetailView::new(i, &estate.findings[i]);
            fresh.scroll = scroll;
            **d = fresh;
            true
        }
        _ => true,
    }
}
