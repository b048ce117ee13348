//! The `:log` view: the session's AWS calls (sent, failed, refused by the
//! read-only guard) and local actions, newest first.

use super::super::draw::{fill, put, put_cell, put_right};
use super::super::theme::{Role, Theme};
use crate::app::{App, Hit, LogEntry, LogKind, Route, SourceKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// (header, width); the outcome takes what is left.
const COLS: [(&str, u16); 6] = [
    ("TIME", 8),
    ("SERVICE", 11),
    ("OPERATION", 26),
    ("REGION", 14),
    ("MS", 6),
    ("REQUEST ID", 36),
];

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Log(v) = app.route() else {
        return;
    };
    if area.height == 0 || area.width == 0 {
        return;
    }
    let (calls, refused, failed) = v.counts();
    let guard = if app.live.writes_enabled() {
        "guard: reads + opt-in writes"
    } else {
        "guard: read-only"
    };
    let logged = match &app.live.session_log {
        Some(l) if l.failed() > 0 => {
            format!("{} entries NOT written to {}", l.failed(), l.path.display())
        }
        Some(l) => format!("logged to {}", l.path.display()),
        None if app.live.source == SourceKind::Live => "no session log".to_string(),
        None => "a session log opens at the first export or attestation".to_string(),
    };
    let summary = match app.live.source {
        SourceKind::Live => format!(
            "{calls} AWS calls · {refused} refused · {failed} failed · {guard} · {logged} · newest first"
        ),
        _ => format!(
            "no AWS calls: the data comes from the demo or files · {logged} · local actions below"
        ),
    };
    put(
        buf,
        area.x,
        area.y,
        &summary,
        area.width,
        theme.style(Role::Dim),
    );
    if area.height < 3 {
        return;
    }
    let head_y = area.y + 1;
    let outcome_w = area
        .width
        .saturating_sub(COLS.iter().map(|(_, w)| w + 1).sum::<u16>());
    // On narrow screens the request id goes first, then the duration.
    let narrow = outcome_w < 20;
    let cols: Vec<(&str, u16)> = COLS
        .iter()
        .copied()
        .filter(|(h, _)| !narrow || !matches!(*h, "REQUEST ID" | "MS"))
        .collect();
    let rest = area
        .width
        .saturating_sub(cols.iter().map(|(_, w)| w + 1).sum::<u16>());
    let mut x = area.x;
    for (h, w) in cols.iter().take(4) {
        put_cell(buf, x, head_y, h, *w, theme.style(Role::TableHeader));
        x += w + 1;
    }
    put_cell(
        buf,
        x,
        head_y,
        "OUTCOME",
        rest,
        theme.style(Role::TableHeader),
    );
    let mut tail_x = x + rest + 1;
    for (h, w) in cols.iter().skip(4) {
        put_cell(buf, tail_x, head_y, h, *w, theme.style(Role::TableHeader));
        tail_x += w + 1;
    }
    let body = Rect::new(area.x, area.y + 2, area.width, area.height - 2);
    if v.is_empty() {
        put(
            buf,
            body.x + 2,
            body.y + 1,
            "Nothing yet.",
            body.width.saturating_sub(2),
            theme.style(Role::Title),
        );
        return;
    }
    let range = v.cursor.window(v.len(), usize::from(body.height));
    for (line, i) in range.enumerate() {
        let Some(e) = v.row(i) else { continue };
        let y = body.y + line as u16;
        let row = Rect::new(body.x, y, body.width, 1);
        if i == v.cursor.selected {
            fill(buf, row, theme.style(Role::TableSelected));
        }
        row_cells(buf, body.x, y, e, &cols, rest, theme);
        app.hits.borrow_mut().push((row, Hit::Row(i)));
    }
}

fn row_cells(
    buf: &mut Buffer,
    x0: u16,
    y: u16,
    e: &LogEntry,
    cols: &[(&str, u16)],
    rest: u16,
    theme: &Theme,
) {
    let text = theme.style(Role::Text);
    let role = match e.kind {
        LogKind::Ok => Role::LoadOk,
        LogKind::Local => Role::Accent,
        LogKind::Refused => Role::StatusWarning,
        LogKind::Failed => Role::LoadFailed,
    };
    let cells = [
        e.at.format("%H:%M:%S").to_string(),
        e.service.clone(),
        e.operation.clone(),
        e.region.clone(),
    ];
    let mut x = x0;
    // A local action (export, attestation) has no operation, region or
    // request id: its description takes the whole rest of the row.
    let local = e.operation.is_empty();
    let shown = if local { 2 } else { 4 };
    for ((_, w), c) in cols.iter().zip(cells.iter()).take(shown) {
        put_cell(buf, x, y, c, *w, text);
        x += w + 1;
    }
    if local {
        let width = (x0 + cols.iter().map(|(_, w)| w + 1).sum::<u16>() + rest).saturating_sub(x);
        put_cell(buf, x, y, &e.outcome, width, theme.style(role));
        return;
    }
    put_cell(buf, x, y, &e.outcome, rest, theme.style(role));
    x += rest + 1;
    for (h, w) in cols.iter().skip(4) {
        match *h {
            "MS" => {
                let ms = e.duration_ms.map(|d| d.to_string()).unwrap_or_default();
                put_right(buf, x, y, &ms, *w, theme.style(Role::Dim));
            }
            _ => put_cell(buf, x, y, &e.request_id, *w, theme.style(Role::Dim)),
        }
        x += w + 1;
    }
}
