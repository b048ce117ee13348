//! The loading and failed states of the body.

use super::chrome::SPINNER;
use super::draw::{centered, put, wrap};
use super::theme::{Role, Theme};
use crate::app::{App, DataState};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn loading(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let frame = SPINNER[app.spinner % SPINNER.len()];
    let progress = match &app.data {
        DataState::Loading { progress: Some(p) } => Some(p.clone()),
        _ => None,
    };
    let box_area = centered(area, 60, 5);
    let mut title = match app.source_label.as_str() {
        "" => format!("{frame} Loading…"),
        source => format!("{frame} Loading {source}…"),
    };
    // The spinner ticks every 100 ms while loading: a clock that costs
    // nothing when idle.
    if app.spinner >= 10 {
        title.push_str(&format!(" {} s", app.spinner / 10));
    }
    put(
        buf,
        box_area.x,
        box_area.y,
        &title,
        box_area.width,
        theme.style(Role::LoadBusy),
    );
    if let Some(p) = progress {
        let y = box_area.y + 2;
        let w = box_area.width.saturating_sub(10);
        let done = p.done.min(p.total);
        let filled = (u128::from(done) * u128::from(w))
            .checked_div(u128::from(p.total))
            .map_or(0, |f| f as u16);
        let pct = (done * 100).checked_div(p.total).unwrap_or(0);
        let bar = format!(
            "{}{} {pct:>3}%",
            "█".repeat(usize::from(filled)),
            "░".repeat(usize::from(w - filled))
        );
        put(
            buf,
            box_area.x,
            y,
            &bar,
            box_area.width,
            theme.style(Role::Accent),
        );
        put(
            buf,
            box_area.x,
            y + 1,
            &p.label,
            box_area.width,
            theme.style(Role::Dim),
        );
    } else {
        put(
            buf,
            box_area.x,
            box_area.y + 2,
            "The console stays usable: ? help, q quit.",
            box_area.width,
            theme.style(Role::Dim),
        );
    }
}

pub fn failed(area: Rect, buf: &mut Buffer, msg: &str, theme: &Theme) {
    let box_area = centered(area, 72, 8);
    put(
        buf,
        box_area.x,
        box_area.y,
        "Could not load the data",
        box_area.width,
        theme.style(Role::LoadFailed),
    );
    for (i, line) in wrap(msg, usize::from(box_area.width), 5).iter().enumerate() {
        put(
            buf,
            box_area.x,
            box_area.y + 2 + i as u16,
            line,
            box_area.width,
            theme.style(Role::Text),
        );
    }
    put(
        buf,
        box_area.x,
        box_area.bottom().saturating_sub(1),
        "q quits",
        box_area.width,
        theme.style(Role::Dim),
    );
}
