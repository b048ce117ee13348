//! Mouse clicks and the wheel, resolved through the click targets the
//! renderer recorded for the last frame.

use super::super::App;
use super::super::action::{Effect, Hit};
use super::super::overlay::Overlay;
use super::super::route::{OverviewPanel, Route};
use super::{findings, overview, run};
use crate::input::CommandId;

pub(super) fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    if app.overlay.is_some() {
        return Vec::new();
    }
    let hit = app
        .hits
        .borrow()
        .iter()
        .rev()
        .find(|(r, _)| x >= r.x && x < r.right() && y >= r.y && y < r.bottom())
        .map(|(_, h)| *h);
    let Some(hit) = hit else {
        return Vec::new();
    };
    // A click on the row that is already selected opens it.
    let again = match (app.route_mut(), hit) {
        (Route::Findings(v), Hit::Row(i)) => {
            let again = v.cursor.selected == i;
            v.cursor.selected = i;
            v.cursor.clamp(v.len());
            again
        }
        (Route::Overview(o), Hit::GridCell(r, c)) => {
            let again = o.focus == OverviewPanel::Grid && (o.row, o.col) == (r, c);
            o.focus = OverviewPanel::Grid;
            (o.row, o.col) = (r, c);
            again
        }
        (Route::Overview(o), Hit::Newest(i)) => {
            let again = o.focus == OverviewPanel::Newest && o.newest.selected == i;
            o.focus = OverviewPanel::Newest;
            o.newest.selected = i;
            again
        }
        (Route::Log(v), Hit::Row(i)) => {
            // The log has nothing to open: a click selects.
            v.cursor.selected = i;
            v.cursor.clamp(v.len());
            false
        }
        (Route::Findings(_), Hit::SortColumn(c)) => {
            findings::sort_by(app, c);
            false
        }
        (route, hit) => super::views::click(route, hit),
    };
    if again {
        match app.route() {
            Route::Overview(_) => return overview::open(app),
            _ => return run(app, CommandId::Open, None),
        }
    }
    Vec::new()
}

pub(super) fn scroll(app: &mut App, down: bool) -> Vec<Effect> {
    if let Some(Overlay::Help(h)) = &mut app.overlay {
        h.scroll_by(if down { 3 } else { -3 });
        return Vec::new();
    }
    if app.overlay.is_some() {
        return Vec::new();
    }
    let id = if down { CommandId::Down } else { CommandId::Up };
    let mut effects = Vec::new();
    for _ in 0..3 {
        effects.extend(run(app, id, None));
    }
    effects
}
