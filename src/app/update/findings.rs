//! Commands of the findings table.

use super::super::App;
use super::super::action::{Effect, move_cursor};
use super::super::detail::DetailView;
use super::super::findings::{Column, FindingsView, GroupKey, Pin, Selected, Sort};
use super::super::overlay::{FilterPrompt, Overlay};
use super::super::route::Route;
use super::parse_filter;
use crate::input::{CommandId, LineInput};
use crate::query::Query;
use std::sync::Arc;

pub(super) fn run(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    let estate = Arc::clone(&app.estate);
    match id {
        CommandId::Open => return open(app),
        CommandId::Filter if arg.is_none() => {
            let text = with_view(app, |v| v.filter_text().to_string()).unwrap_or_default();
            app.overlay = Some(Overlay::Filter(FilterPrompt {
                input: LineInput::new(&text),
                error: None,
            }));
        }
        CommandId::Filter => {
            if let Ok(q) = parse_filter(app, arg) {
                with_view(app, |v| v.set_filter(&estate, q));
            }
        }
        CommandId::ClearFilter => {
            with_view(app, |v| v.set_filter(&estate, None));
        }
        CommandId::SortNext | CommandId::SortPrev | CommandId::SortReverse => {
            with_view(app, |v| {
                let s = v.sort();
                let next = match id {
                    CommandId::SortNext => Sort::by(s.column.next()),
                    CommandId::SortPrev => Sort::by(s.column.prev()),
                    _ => Sort {
                        descending: !s.descending,
                        ..s
                    },
                };
                v.set_sort(&estate, next);
            });
        }
        CommandId::Sort => match arg.and_then(Column::parse) {
            Some(c) => sort_by(app, c),
            None => {
                let names: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
                app.set_status(format!("sort by one of: {}", names.join(", ")), true);
            }
        },
        CommandId::GroupBy => {
            let target = match arg.map(str::trim) {
                None => Ok(GroupKey::cycle(with_view(app, |v| v.group()).flatten())),
                Some("none" | "off") => Ok(None),
                Some(a) => GroupKey::parse(a).map(Some).ok_or(a.to_string()),
            };
            match target {
                Ok(g) => {
                    with_view(app, |v| v.set_group(&estate, g));
                }
                Err(a) => app.set_status(
                    format!("cannot group by {a:?}: use resource, type, control, account or none"),
                    true,
                ),
            }
        }
        CommandId::ToggleInactive => {
            with_view(app, |v| {
                v.set_include_inactive(&estate, !v.include_inactive())
            });
        }
        CommandId::CopyId | CommandId::ConsoleUrl => {
            let index = with_view(app, |v| match v.selected() {
                Some(Selected::Finding(i)) => Some(i),
                _ => None,
            })
            .flatten();
            match index {
                Some(i) => return super::detail::finding_action(app, id, i),
                None => app.set_status("select a finding first", true),
            }
        }
        other => {
            with_view(app, |v| {
                let len = v.len();
                move_cursor(&mut v.cursor, other, len)
            });
        }
    }
    Vec::new()
}

/// Sorts by `column`, or reverses when it already sorts by it (header click).
pub(super) fn sort_by(app: &mut App, column: Column) {
    let estate = Arc::clone(&app.estate);
    with_view(app, |v| {
        let s = v.sort();
        let next = if s.column == column {
            Sort {
                descending: !s.descending,
                ..s
            }
        } else {
            Sort::by(column)
        };
        v.set_sort(&estate, next);
    });
}

/// Runs `f` on the focused findings view.
pub(super) fn with_view<R>(app: &mut App, f: impl FnOnce(&mut FindingsView) -> R) -> Option<R> {
    match app.route_mut() {
        Route::Findings(v) => Some(f(v)),
        _ => None,
    }
}

/// Enter: a finding opens its detail; a group opens its findings.
fn open(app: &mut App) -> Vec<Effect> {
    let estate = Arc::clone(&app.estate);
    let Route::Findings(v) = app.route() else {
        return Vec::new();
    };
    let next = match v.selected() {
        Some(Selected::Finding(i)) => match estate.findings.get(i) {
            Some(f) => Route::Detail(Box::new(DetailView::new(i, f))),
            None => return Vec::new(),
        },
        Some(Selected::Group(value)) => {
            let Some(key) = v.group() else {
                return Vec::new();
            };
            let mut pins = v.pins.clone();
            pins.push(Pin::Group(key, value.to_string()));
            let filter = Query::parse(v.filter_text()).ok();
            let mut sub = FindingsView::new(&estate, pins, filter);
            sub.set_include_inactive(&estate, v.include_inactive());
            Route::Findings(Box::new(sub))
        }
        None => return Vec::new(),
    };
    app.stack.push(next);
    Vec::new()
}
