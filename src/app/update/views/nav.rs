//! Jumps between views: a finding's resource (its KMS key or VPC node) and
//! the findings of a key, node, control or requirement.

use super::super::super::App;
use super::super::super::findings::{FindingsView, Pin, Selected};
use super::super::super::route::Route;
use super::super::super::views::{KeyView, VpcView};
use super::super::super::xref::{NodeId, Target};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The finding the focused view is about (findings table or detail).
fn focused_finding(app: &App) -> Option<usize> {
    match app.route() {
        Route::Findings(v) => match v.selected() {
            Some(Selected::Finding(i)) => Some(i),
            _ => None,
        },
        Route::Detail(d) => Some(d.index),
        _ => None,
    }
}

/// `R` on a finding: opens its KMS key's detail, or the VPC tree at its
/// node (an instance's subnet).
pub(super) fn go_resource(app: &mut App) {
    let Some(f) = focused_finding(app).and_then(|i| app.estate.findings.get(i)) else {
        app.set_status("select a finding first", true);
        return;
    };
    match app.xref.target_of(f) {
        Some(Target::Key(k)) => open_key(app, k),
        Some(Target::Node(node)) => open_node(app, &node),
        None => app.set_status(
            "this finding's resource is not a KMS key or a VPC object in the estate",
            true,
        ),
    }
}

/// Pushes the detail of `estate.kms_keys[key]`.
pub(super) fn open_key(app: &mut App, key: usize) {
    match KeyView::new(&app.estate, &app.posture, &app.xref, key) {
        Some(v) => app.stack.push(Route::Key(Box::new(v))),
        None => app.set_status("that key is not in the estate", true),
    }
}

/// Pushes the VPC tree opened down to `node`, which is selected.
pub(super) fn open_node(app: &mut App, node: &NodeId) {
    let mut v = VpcView::new(&app.estate, &app.posture, &app.xref);
    if v.reveal(&app.estate, &app.xref, node) {
        app.stack.push(Route::Vpc(Box::new(v)));
    } else {
        app.set_status("that network object is not in the VPC tree", true);
    }
}

/// Pushes a findings table of exactly `ids`, labelled for the breadcrumbs.
pub(super) fn open_findings(app: &mut App, label: String, ids: BTreeSet<String>) {
    if ids.is_empty() {
        app.set_status(format!("no findings for {label}"), false);
        return;
    }
    let view = FindingsView::new(&app.estate, vec![Pin::Ids(label, Arc::new(ids))], None);
    app.stack.push(Route::Findings(Box::new(view)));
}

/// Ids of the findings of a control: those the posture counted, and every
/// other finding (inactive, or rampart's own check) naming the control.
pub(super) fn control_finding_ids(app: &App, control_id: &str) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = app
        .posture
        .controls
        .iter()
        .filter(|c| c.control_id == control_id)
        .flat_map(|c| c.finding_ids.iter().cloned())
        .collect();
    ids.extend(
        app.estate
            .findings
            .iter()
            .filter(|f| f.control_id() == Some(control_id))
            .map(|f| f.id.clone()),
    );
    ids
}
