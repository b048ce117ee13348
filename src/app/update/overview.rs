//! Commands of the overview: move around the source x severity grid and
//! the newest findings, and drill into either.

use super::super::App;
use super::super::action::{Effect, move_cursor};
use super::super::detail::DetailView;
use super::super::findings::{FindingsView, Pin};
use super::super::route::{GRID_COLS, OverviewPanel, OverviewView, Route};
use crate::input::CommandId;
use std::sync::Arc;

pub(super) fn run(app: &mut App, id: CommandId) -> Vec<Effect> {
    let rows = app.summary.sources.len() + 1;
    let newest = app.summary.newest.len();
    let Route::Overview(o) = app.route_mut() else {
        return Vec::new();
    };
    match (o.focus, id) {
        (_, CommandId::NextPanel | CommandId::PrevPanel) => {
            o.focus = match o.focus {
                OverviewPanel::Grid => OverviewPanel::Newest,
                OverviewPanel::Newest => OverviewPanel::Grid,
            };
        }
        (_, CommandId::Open) => return open(app),
        (OverviewPanel::Grid, _) => move_grid(o, id, rows),
        (OverviewPanel::Newest, _) => {
            move_cursor(&mut o.newest, id, newest);
        }
    }
    Vec::new()
}

fn move_grid(o: &mut OverviewView, id: CommandId, rows: usize) {
    match id {
        CommandId::Up => o.row = o.row.saturating_sub(1),
        CommandId::Down => o.row = (o.row + 1).min(rows - 1),
        CommandId::Left => o.col = o.col.saturating_sub(1),
        CommandId::Right => o.col = (o.col + 1).min(GRID_COLS - 1),
        CommandId::Top | CommandId::PageUp => o.row = 0,
        CommandId::Bottom | CommandId::PageDown => o.row = rows - 1,
        _ => {}
    }
}

/// Enter: a grid cell opens the findings filtered to it; a newest finding
/// opens its detail.
pub(super) fn open(app: &mut App) -> Vec<Effect> {
    let estate = Arc::clone(&app.estate);
    let Route::Overview(o) = app.route() else {
        return Vec::new();
    };
    let next = match o.focus {
        OverviewPanel::Grid => {
            let mut pins = Vec::new();
            if let Some(src) = app.summary.sources.get(o.row) {
                pins.push(Pin::Source(*src));
            }
            if let Some(sev) = OverviewView::severity_of(o.col) {
                pins.push(Pin::Severity(sev));
            }
            Route::Findings(Box::new(FindingsView::new(&estate, pins, None)))
        }
        OverviewPanel::Newest => {
            let Some(i) = app.summary.newest.get(o.newest.selected).copied() else {
                return Vec::new();
            };
            let Some(f) = estate.findings.get(i) else {
                return Vec::new();
            };
            Route::Detail(Box::new(DetailView::new(i, f)))
        }
    };
    app.stack.push(next);
    Vec::new()
}
