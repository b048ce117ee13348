//! The overview: findings by source x severity (active only), the newest
//! critical and high findings, inventory counts and every dataset's state.
//! Every number is drawn next to the state of the data behind it, so a
//! dataset that was not read never shows as zero.

mod panels;
mod posture;

use super::draw::{put, put_cell, put_right};
use super::theme::{Role, Theme};
use super::widgets::{section_title, severity_badge};
use crate::app::{App, GRID_COLS, Hit, OverviewPanel, OverviewView, Route, updated};
use crate::model::{DatasetKind, DatasetStatus, Severity, Source};
use panels::{dataset_problems, datasets, inventory};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Overview(o) = app.route() else {
        return;
    };
    if area.width == 0 || area.height == 0 {
        return;
    }
    // With `--baseline`, what changed since then leads.
    let area = super::diff::summary(area, buf, app, theme);
    let grid_h = (app.summary.sources.len() as u16) + 4;
    if area.width >= 120 {
        let left_w = area.width * 58 / 100;
        let left = Rect::new(area.x, area.y, left_w, area.height);
        let right = Rect::new(
            area.x + left_w + 2,
            area.y,
            area.width - left_w - 2,
            area.height,
        );
        let grid_area = Rect::new(left.x, left.y, left.width, grid_h.min(left.height));
        grid(grid_area, buf, app, o, theme);
        // The posture summary sits between the grid and the newest
        // findings: scores and layers side by side, then the E8 maturity.
        let rest = below(left, grid_h + 1);
        let scores_h = posture::scores_height(app).max(7);
        let half = rest.width / 2;
        posture::scores(
            Rect::new(
                rest.x,
                rest.y,
                half.saturating_sub(1),
                scores_h.min(rest.height),
            ),
            buf,
            app,
            theme,
        );
        posture::layers(
            Rect::new(
                rest.x + half + 1,
                rest.y,
                rest.width - half - 1,
                scores_h.min(rest.height),
            ),
            buf,
            app,
            theme,
        );
        let rest = below(rest, scores_h + 1);
        let e8_h = 5u16;
        posture::essential_eight(
            Rect::new(rest.x, rest.y, rest.width, e8_h.min(rest.height)),
            buf,
            app,
            theme,
        );
        newest(below(rest, e8_h + 1), buf, app, o, theme);
        let inv_h = 6;
        inventory(
            Rect::new(right.x, right.y, right.width, inv_h.min(right.height)),
            buf,
            app,
            theme,
        );
        datasets(below(right, inv_h + 1), buf, app, theme, false);
    } else {
        let grid_area = Rect::new(area.x, area.y, area.width, grid_h.min(area.height));
        grid(grid_area, buf, app, o, theme);
        let rest = below(area, grid_h);
        posture::compact(
            Rect::new(rest.x, rest.y, rest.width, 2.min(rest.height)),
            buf,
            app,
            theme,
        );
        let rest = below(rest, 2);
        let inv = Rect::new(rest.x, rest.y, rest.width, 5.min(rest.height));
        inventory(inv, buf, app, theme);
        let rest = below(rest, 5);
        // Datasets that are not fully loaded come before the newest list:
        // what could not be read matters more than one more row.
        let problems = dataset_problems(app).len() as u16 + 1;
        let ds_h = problems.min(rest.height.saturating_sub(2));
        let ds_area = Rect::new(rest.x, rest.y, rest.width, ds_h);
        datasets(ds_area, buf, app, theme, true);
        newest(below(rest, ds_h), buf, app, o, theme);
    }
}

/// The part of `area` below its first `rows` rows.
fn below(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect::new(area.x, area.y + rows, area.width, area.height - rows)
}

fn source_dataset(s: Source) -> Option<DatasetKind> {
    match s {
        Source::SecurityHub | Source::Inspector | Source::Other => {
            Some(DatasetKind::SecurityHubFindings)
        }
        Source::GuardDuty => Some(DatasetKind::GuardDutyFindings),
        Source::Macie => Some(DatasetKind::MacieFindings),
        Source::Rampart => None,
    }
}

fn status_role(s: &DatasetStatus) -> Role {
    match s {
        DatasetStatus::Loaded { .. } => Role::LoadOk,
        DatasetStatus::Loading { .. } => Role::LoadBusy,
        DatasetStatus::Partial { .. } | DatasetStatus::Unavailable { .. } => Role::LoadFailed,
        DatasetStatus::NotLoaded => Role::LoadMissing,
    }
}

/// A glyph and word so the state reads without colour.
fn status_word(s: &DatasetStatus) -> String {
    match s {
        DatasetStatus::Loaded { .. } => "✓ loaded".to_string(),
        DatasetStatus::Loading { items, .. } => format!("… loading ({items})"),
        DatasetStatus::Partial {
            loaded, missing, ..
        } => format!("! partial ({loaded} ok, {missing} missing)"),
        DatasetStatus::Unavailable { reasons } => format!("✗ {}", reasons.join("; ")),
        DatasetStatus::NotLoaded => "– not loaded".to_string(),
    }
}

const LABEL_W: u16 = 13;

fn grid(area: Rect, buf: &mut Buffer, app: &App, o: &OverviewView, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let s = &app.summary;
    let focused = o.focus == OverviewPanel::Grid;
    section_title(
        buf,
        area,
        "Active findings by source and severity",
        focused,
        theme,
    );
    let cell_w: u16 = if area.width >= 70 { 7 } else { 5 };
    let head_y = area.y + 1;
    put(
        buf,
        area.x,
        head_y,
        "SOURCE",
        LABEL_W,
        theme.style(Role::TableHeader),
    );
    for (c, sev) in Severity::ALL.iter().enumerate() {
        let x = area.x + LABEL_W + c as u16 * cell_w;
        let label = if cell_w >= 7 {
            sev_header(*sev)
        } else {
            short_header(*sev)
        };
        put_right(buf, x, head_y, label, cell_w, theme.severity(*sev));
    }
    let total_x = area.x + LABEL_W + 5 * cell_w;
    put_right(
        buf,
        total_x,
        head_y,
        "TOTAL",
        cell_w,
        theme.style(Role::TableHeader),
    );
    let data_x = total_x + cell_w + 2;
    put(
        buf,
        data_x,
        head_y,
        "DATA",
        area.right().saturating_sub(data_x),
        theme.style(Role::TableHeader),
    );
    for (r, src) in s.sources.iter().enumerate() {
        let y = area.y + 2 + r as u16;
        let status = source_dataset(*src).map(|k| app.estate.status(k));
        let counts = s.grid.get(r).copied().unwrap_or_default();
        let any = counts.iter().sum::<usize>() > 0;
        let unknown = status.as_ref().is_some_and(|st| !st.has_data()) && !any;
        grid_row(
            buf,
            area,
            y,
            src.label(),
            &counts,
            unknown,
            r,
            o,
            focused,
            theme,
            app,
        );
        let Some(st) = status else {
            // rampart's own checks: computed from the other datasets.
            let w = area.right().saturating_sub(data_x);
            put(
                buf,
                data_x,
                y,
                "✓ checked by rampart",
                w,
                theme.style(Role::LoadOk),
            );
            continue;
        };
        // GuardDuty and Macie findings also arrive through Security Hub:
        // when the service itself was not read, say where they came from.
        let hub = app.estate.status(DatasetKind::SecurityHubFindings);
        let (text, role) = if any && !st.has_data() && *src != Source::SecurityHub && hub.has_data()
        {
            ("✓ via Security Hub".to_string(), Role::LoadOk)
        } else {
            (status_word(&st), status_role(&st))
        };
        let w = area.right().saturating_sub(data_x);
        put(buf, data_x, y, &text, w, theme.style(role));
    }
    let all_y = area.y + 2 + s.sources.len() as u16;
    grid_row(
        buf,
        area,
        all_y,
        "All sources",
        &s.totals,
        false,
        s.sources.len(),
        o,
        focused,
        theme,
        app,
    );
    let note = format!(
        "Not counted: {} archived, {} suppressed (a in Findings shows them)",
        s.archived, s.suppressed
    );
    put(
        buf,
        area.x,
        all_y + 1,
        &note,
        area.width,
        theme.style(Role::Dim),
    );
}

#[allow(clippy::too_many_arguments)]
fn grid_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    label: &str,
    counts: &[usize; 5],
    unknown: bool,
    row: usize,
    o: &OverviewView,
    focused: bool,
    theme: &Theme,
    app: &App,
) {
    if y >= area.bottom() {
        return;
    }
    let cell_w: u16 = if area.width >= 70 { 7 } else { 5 };
    let label_role = if row == app.summary.sources.len() {
        Role::Title
    } else {
        Role::Text
    };
    put(buf, area.x, y, label, LABEL_W, theme.style(label_role));
    let total: usize = counts.iter().sum();
    for c in 0..GRID_COLS {
        let x = area.x + LABEL_W + c as u16 * cell_w;
        let n = counts.get(c).copied().unwrap_or(total);
        let text = if unknown {
            "–".to_string()
        } else {
            n.to_string()
        };
        let mut style = match OverviewView::severity_of(c) {
            Some(sev) if n > 0 && !unknown => theme.severity(sev),
            _ => theme.style(if n == 0 { Role::Dim } else { Role::Text }),
        };
        if (o.row, o.col) == (row, c) {
            style = if focused {
                style.patch(theme.style(Role::TableSelected))
            } else {
                style.patch(theme.style(Role::Accent))
            };
        }
        put_right(buf, x, y, &text, cell_w, style);
        if x < area.right() {
            let r = Rect::new(x, y, cell_w.min(area.right() - x), 1);
            app.hits.borrow_mut().push((r, Hit::GridCell(row, c)));
        }
    }
}

fn sev_header(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "C CRIT",
        Severity::High => "H HIGH",
        Severity::Medium => "M MED",
        Severity::Low => "L LOW",
        Severity::Informational => "I INFO",
    }
}

fn short_header(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "C",
        Severity::High => "H",
        Severity::Medium => "M",
        Severity::Low => "L",
        Severity::Informational => "I",
    }
}

fn newest(area: Rect, buf: &mut Buffer, app: &App, o: &OverviewView, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let focused = o.focus == OverviewPanel::Newest;
    let s = &app.summary;
    section_title(
        buf,
        area,
        &format!("Newest critical and high ({})", s.newest.len()),
        focused,
        theme,
    );
    let body = below(area, 1);
    if s.newest.is_empty() {
        let msg = if app.estate.findings.is_empty() {
            "No findings in this estate."
        } else {
            "No active critical or high findings."
        };
        put(buf, body.x, body.y, msg, body.width, theme.style(Role::Dim));
        return;
    }
    let now = app.now();
    let range = o.newest.window(s.newest.len(), usize::from(body.height));
    for (row, i) in range.clone().enumerate() {
        let y = body.y + row as u16;
        let Some(f) = s.newest.get(i).and_then(|fi| app.estate.findings.get(*fi)) else {
            continue;
        };
        if focused && i == o.newest.selected {
            super::draw::fill(
                buf,
                Rect::new(body.x, y, body.width, 1),
                theme.style(Role::TableSelected),
            );
        }
        let mut x = body.x;
        x += severity_badge(buf, x, y, f.severity, theme) + 1;
        let when = updated(f)
            .map(|t| super::ages::age(now, t))
            .unwrap_or_else(|| "-".into());
        put_right(buf, x, y, &when, 4, theme.style(Role::Dim));
        x += 5;
        put_cell(buf, x, y, f.source.label(), 12, theme.style(Role::Accent));
        x += 13;
        put(
            buf,
            x,
            y,
            &f.title,
            body.right().saturating_sub(x),
            theme.style(Role::Text),
        );
        app.hits
            .borrow_mut()
            .push((Rect::new(body.x, y, body.width, 1), Hit::Newest(i)));
    }
}
