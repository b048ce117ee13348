//! Keys of each posture view: moving, drilling in, and the findings of
//! what is selected.

use super::super::super::App;
use super::super::super::action::{Effect, move_cursor};
use super::super::super::findings::{FindingsView, GroupKey, Pin};
use super::super::super::overlay::{Message, Overlay};
use super::super::super::route::Route;
use super::super::super::views::{
    AlarmRow, ControlsView, LEVELS, ReqItem, RequirementView, StandardsView,
};
use super::{attest, nav};
use crate::input::CommandId;
use crate::model::Source;
use std::collections::BTreeSet;
use std::sync::Arc;

pub(super) fn run(app: &mut App, id: CommandId) -> Vec<Effect> {
    match app.route().kind() {
        crate::input::ViewKind::Standards => standards(app, id),
        crate::input::ViewKind::Controls => controls(app, id),
        crate::input::ViewKind::E8 => grid(app, id),
        crate::input::ViewKind::Requirement => return requirements(app, id),
        crate::input::ViewKind::Kms => kms(app, id),
        crate::input::ViewKind::Key => key(app, id),
        crate::input::ViewKind::Vpc => vpc(app, id),
        crate::input::ViewKind::Alarms => alarms(app, id),
        _ => {}
    }
    Vec::new()
}

fn standards(app: &mut App, id: CommandId) {
    let posture = Arc::clone(&app.posture);
    let len = StandardsView::len(&posture);
    let Route::Standards(v) = app.route_mut() else {
        return;
    };
    if id == CommandId::Open {
        let standard = StandardsView::standard_of(&posture, v.cursor.selected).map(str::to_string);
        let view = ControlsView::new(&posture, standard);
        app.stack.push(Route::Controls(Box::new(view)));
    } else {
        move_cursor(&mut v.cursor, id, len);
    }
}

fn controls(app: &mut App, id: CommandId) {
    let posture = Arc::clone(&app.posture);
    let Route::Controls(v) = app.route_mut() else {
        return;
    };
    let len = v.rows().len();
    if move_cursor(&mut v.cursor, id, len) {
        return;
    }
    let Some(c) = v.selected(&posture).cloned() else {
        return;
    };
    match id {
        CommandId::Open | CommandId::RelatedFindings => {
            let ids = nav::control_finding_ids(app, &c.control_id);
            nav::open_findings(app, format!("control {}", c.control_id), ids);
        }
        CommandId::GoResource => {
            // The failing resources: the failed findings (and rampart's
            // checks) of the control, one group per resource.
            let mut ids: BTreeSet<String> = c.failed_finding_ids.iter().cloned().collect();
            ids.extend(
                app.estate
                    .findings
                    .iter()
                    .filter(|f| {
                        f.source == Source::Rampart && f.control_id() == Some(&c.control_id)
                    })
                    .map(|f| f.id.clone()),
            );
            if ids.is_empty() {
                app.set_status(format!("{} has no failing resources", c.control_id), false);
                return;
            }
            let label = format!("{} failing", c.control_id);
            let mut view =
                FindingsView::new(&app.estate, vec![Pin::Ids(label, Arc::new(ids))], None);
            view.set_group(&app.estate, Some(GroupKey::Resource));
            app.stack.push(Route::Findings(Box::new(view)));
        }
        _ => {}
    }
}

fn grid(app: &mut App, id: CommandId) {
    let posture = Arc::clone(&app.posture);
    let rows = posture.essential_eight.strategies.len();
    let Route::E8(v) = app.route_mut() else {
        return;
    };
    match id {
        CommandId::Up => v.row = v.row.saturating_sub(1),
        CommandId::Down => v.row = (v.row + 1).min(rows.saturating_sub(1)),
        CommandId::Left => v.col = v.col.saturating_sub(1),
        CommandId::Right => v.col = (v.col + 1).min(LEVELS - 1),
        CommandId::Top | CommandId::PageUp => v.row = 0,
        CommandId::Bottom | CommandId::PageDown => v.row = rows.saturating_sub(1),
        CommandId::Open => {
            let (row, col) = (v.row, v.col);
            if row < rows {
                let view = RequirementView::new(&posture, row, col);
                app.stack.push(Route::Requirement(Box::new(view)));
            }
        }
        _ => {}
    }
}

fn requirements(app: &mut App, id: CommandId) -> Vec<Effect> {
    let posture = Arc::clone(&app.posture);
    let Route::Requirement(v) = app.route_mut() else {
        return Vec::new();
    };
    let len = v.items().len();
    if move_cursor(&mut v.cursor, id, len) {
        return Vec::new();
    }
    let item = v.items().get(v.cursor.selected).copied();
    let evidence = v.evidence(&posture).cloned();
    let req = v.requirement(&posture).cloned();
    match (id, item) {
        (CommandId::Attest, _) => attest::open(app),
        (CommandId::Open, Some(ReqItem::Evidence(..))) => {
            if let Some(e) = evidence {
                let ids = nav::control_finding_ids(app, &e.control_id);
                nav::open_findings(app, format!("control {}", e.control_id), ids);
            }
        }
        (CommandId::Open | CommandId::RelatedFindings, Some(_)) => {
            if let Some(r) = req {
                let mut ids = BTreeSet::new();
                for e in &r.evidence {
                    ids.extend(nav::control_finding_ids(app, &e.control_id));
                }
                let label = r.id.rsplit('/').next().unwrap_or(&r.id).to_string();
                nav::open_findings(app, label, ids);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn kms(app: &mut App, id: CommandId) {
    let Route::Kms(v) = app.route_mut() else {
        return;
    };
    let len = v.rows().len();
    if move_cursor(&mut v.cursor, id, len) {
        return;
    }
    let Some(k) = v.selected() else {
        return;
    };
    match id {
        CommandId::Open => nav::open_key(app, k),
        CommandId::RelatedFindings => key_findings(app, k),
        _ => {}
    }
}

fn key_findings(app: &mut App, k: usize) {
    let ids = app.xref.key_findings(&app.estate, k);
    let name = app
        .estate
        .kms_keys
        .get(k)
        .map(|k| k.display_name().to_string())
        .unwrap_or_default();
    nav::open_findings(app, format!("key {name}"), ids);
}

fn key(app: &mut App, id: CommandId) {
    let Route::Key(v) = app.route_mut() else {
        return;
    };
    let page = v.scroll.page() as isize;
    match id {
        CommandId::Up => v.scroll.scroll_by(-1),
        CommandId::Down => v.scroll.scroll_by(1),
        CommandId::PageUp => v.scroll.scroll_by(-page),
        CommandId::PageDown => v.scroll.scroll_by(page),
        CommandId::Top => v.scroll.offset = 0,
        CommandId::Bottom => v.scroll.to_end(),
        CommandId::RelatedFindings => {
            let k = v.key;
            key_findings(app, k);
        }
        _ => {}
    }
}

fn vpc(app: &mut App, id: CommandId) {
    let estate = Arc::clone(&app.estate);
    let Route::Vpc(v) = app.route_mut() else {
        return;
    };
    let len = v.rows().len();
    if move_cursor(&mut v.cursor, id, len) {
        return;
    }
    let Some(row) = v.selected().cloned() else {
        return;
    };
    match id {
        CommandId::Right => {
            v.expand(&estate);
        }
        CommandId::Left => v.collapse(&estate),
        CommandId::ExpandAll => v.set_all(&estate, true),
        CommandId::CollapseAll => v.set_all(&estate, false),
        CommandId::Open if row.has_children => v.toggle(&estate),
        CommandId::Open | CommandId::RelatedFindings => {
            let ids = app.xref.node_findings(&estate, &row.node);
            let label = row.node.resource_id().unwrap_or("node").to_string();
            nav::open_findings(app, label, ids);
        }
        _ => {}
    }
}

fn alarms(app: &mut App, id: CommandId) {
    let Route::Alarms(v) = app.route_mut() else {
        return;
    };
    let len = v.rows().len();
    if move_cursor(&mut v.cursor, id, len) || id != CommandId::Open {
        return;
    }
    let Some(AlarmRow::Alarm(i)) = v.rows().get(v.cursor.selected).copied() else {
        return;
    };
    let Some(a) = app.estate.alarms.get(i) else {
        return;
    };
    let dims: Vec<String> = a
        .dimensions
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let actions: Vec<&str> = a.alarm_actions.iter().map(String::as_str).collect();
    let body = format!(
        "{} · {} · {} {}/{} {} {}. Reason: {} Dimensions: {}. Actions{}: {}. ARN: {}",
        a.state.as_str(),
        a.description,
        a.namespace,
        a.metric_name,
        a.statistic.as_deref().unwrap_or("-"),
        a.comparison,
        a.threshold
            .map(|t| t.to_string())
            .unwrap_or_else(|| "-".into()),
        a.state_reason,
        if dims.is_empty() {
            "none".to_string()
        } else {
            dims.join(", ")
        },
        if a.actions_enabled { "" } else { " (disabled)" },
        if actions.is_empty() {
            "none".to_string()
        } else {
            actions.join(", ")
        },
        a.arn,
    );
    app.overlay = Some(Overlay::Message(Message {
        title: a.name.clone(),
        body,
        copy: Some(a.arn.clone()),
    }));
}
