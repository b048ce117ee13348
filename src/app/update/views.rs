//! Commands of the posture views and the jumps between views: `:controls`
//! `:e8` `:kms` `:vpc` `:alarms` (number keys), `:theme`, a finding's
//! resource, a node's findings, and Essential Eight attestations.

mod attest;
mod lists;
mod nav;

pub(super) use attest::{attest_key, attested};

use super::super::App;
use super::super::action::{Effect, Hit};
use super::super::compare::DiffView;
use super::super::route::Route;
use super::super::views::{AlarmsView, KmsView, VpcView};
use crate::input::CommandId;

pub(super) fn run(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    let go = |app: &mut App, route: Route| {
        app.stack.clear();
        app.stack.push(route);
        Vec::new()
    };
    match id {
        CommandId::GoControls => go(app, Route::Standards(Box::default())),
        CommandId::GoE8 => go(app, Route::E8(Box::default())),
        CommandId::GoKms => {
            let v = KmsView::new(&app.estate);
            go(app, Route::Kms(Box::new(v)))
        }
        CommandId::GoVpc => {
            let v = VpcView::new(&app.estate, &app.posture, &app.xref);
            go(app, Route::Vpc(Box::new(v)))
        }
        CommandId::GoAlarms => {
            let v = AlarmsView::new(&app.estate);
            go(app, Route::Alarms(Box::new(v)))
        }
        CommandId::GoDiff => {
            let v = DiffView::new(app.baseline_diff().map(|d| d.as_ref()));
            go(app, Route::Diff(Box::new(v)))
        }
        CommandId::Theme => {
            theme(app, arg);
            Vec::new()
        }
        CommandId::GoResource if matches!(app.route(), Route::Findings(_) | Route::Detail(_)) => {
            nav::go_resource(app);
            Vec::new()
        }
        _ => lists::run(app, id),
    }
}

/// `:theme NAME` switches the theme the renderer uses.
fn theme(app: &mut App, arg: Option<&str>) {
    let names = app.theme_names.join(", ");
    match arg.map(str::trim) {
        None | Some("") => {
            let text = format!("theme {} (available: {names})", app.theme);
            app.set_status(text, false);
        }
        Some(name) if app.no_color && name != "mono" => {
            app.set_status("NO_COLOR is set: the session stays without colour", true);
        }
        Some(name) if app.theme_names.iter().any(|n| n == name) => {
            app.theme = name.to_string();
            app.set_status(format!("theme {name}"), false);
        }
        Some(name) => app.set_status(format!("no theme {name:?} (available: {names})"), true),
    }
}

/// A click on a row or cell of a posture view selects it; true when it
/// was already selected (the click then opens it).
pub(super) fn click(route: &mut Route, hit: Hit) -> bool {
    let select = |cursor: &mut super::super::ListCursor, i: usize, len: usize| {
        let again = cursor.selected == i;
        cursor.selected = i;
        cursor.clamp(len);
        again
    };
    match (route, hit) {
        (Route::Standards(v), Hit::Row(i)) => select(&mut v.cursor, i, usize::MAX),
        (Route::Controls(v), Hit::Row(i)) => {
            let len = v.rows().len();
            select(&mut v.cursor, i, len)
        }
        (Route::Requirement(v), Hit::Row(i)) => {
            let len = v.items().len();
            select(&mut v.cursor, i, len)
        }
        (Route::Kms(v), Hit::Row(i)) => {
            let len = v.rows().len();
            select(&mut v.cursor, i, len)
        }
        (Route::Vpc(v), Hit::Row(i)) => {
            let len = v.rows().len();
            select(&mut v.cursor, i, len)
        }
        (Route::Alarms(v), Hit::Row(i)) => {
            let len = v.rows().len();
            select(&mut v.cursor, i, len)
        }
        (Route::Diff(v), Hit::Row(i)) => {
            let len = v.rows().len();
            select(&mut v.cursor, i, len)
        }
        (Route::E8(v), Hit::E8Cell(r, c)) => {
            let again = (v.row, v.col) == (r, c);
            (v.row, v.col) = (r, c);
            again
        }
        _ => false,
    }
}
