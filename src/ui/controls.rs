//! Standards with their score gauges, and the controls of a standard with
//! status, severity, failing resources, E8 strategies and layer; on wide
//! screens the selected control's detail sits on the right.

use super::draw::{put, put_cell, put_right};
use super::status;
use super::table::{below, gauge, header, list, split};
use super::theme::{Role, Theme};
use super::widgets::{BADGE_W, badge_text, section_title};
use crate::app::{App, ControlsView, Route, StandardsView};
use crate::posture::e8::{Target, mapping};
use crate::posture::{ControlState, ScoreCounts, Scores, standard_name};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render_standards(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Standards(v) = app.route() else {
        return;
    };
    let scores = &app.posture.scores;
    let line = format!(
        "Security score over {} standards · data {} · enter lists the controls",
        scores.standards.len(),
        scores.coverage.describe()
    );
    put(
        buf,
        area.x,
        area.y,
        &line,
        area.width,
        theme.style(Role::Dim),
    );
    let gauge_w = 40u16.min(area.width / 3);
    let name_w = area.width.saturating_sub(gauge_w + 1 + 4 * 8).clamp(10, 56);
    let cols = [
        ("STANDARD", name_w),
        ("SCORE", gauge_w),
        ("PASSED", 7),
        ("FAILED", 7),
        ("UNKNOWN", 7),
        ("NO DATA", 7),
    ];
    header(buf, area.x, area.y + 2, &cols, theme);
    let body = below(area, 3);
    let rows_h = (StandardsView::len(&app.posture) as u16).min(body.height);
    let rows = Rect::new(body.x, body.y, body.width, rows_h);
    list(
        rows,
        buf,
        app,
        &v.cursor,
        StandardsView::len(&app.posture),
        theme,
        |buf, i, r| {
            let (name, counts, role) = match i.checked_sub(1).and_then(|s| scores.standards.get(s))
            {
                None => (
                    "All standards (each control once)",
                    &scores.summary,
                    Role::Title,
                ),
                Some(s) => (s.name.as_str(), &s.counts, Role::Text),
            };
            standard_row(buf, r, name, counts, scores, &cols, role, theme);
        },
    );
    let notes = below(body, rows_h + 1);
    for (i, n) in scores.notes.iter().enumerate() {
        put(
            buf,
            notes.x,
            notes.y + i as u16,
            &format!("note: {n}"),
            notes.width,
            theme.style(Role::Dim),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn standard_row(
    buf: &mut Buffer,
    r: Rect,
    name: &str,
    c: &ScoreCounts,
    scores: &Scores,
    cols: &[(&str, u16)],
    role: Role,
    theme: &Theme,
) {
    let mut x = r.x;
    put_cell(buf, x, r.y, name, cols[0].1, theme.style(role));
    x += cols[0].1 + 1;
    let none = c.display(&scores.coverage);
    gauge(
        buf,
        x,
        r.y,
        cols[1].1,
        c.percent.filter(|_| scores.coverage.is_assessed()),
        &none,
        theme,
    );
    x += cols[1].1 + 1;
    for (n, role) in [
        (c.passed, Role::StatusPassed),
        (c.failed, Role::StatusFailed),
        (c.unknown, Role::StatusWarning),
        (c.no_data, Role::StatusNotAssessed),
    ] {
        let style = if n == 0 {
            theme.style(Role::Dim)
        } else {
            theme.style(role)
        };
        put_right(buf, x, r.y, &n.to_string(), 7, style);
        x += 8;
    }
}

/// Short names of the E8 strategies a control is mapped to.
pub fn e8_short(control_id: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for row in mapping() {
        if row.control_id.as_deref() != Some(control_id) {
            continue;
        }
        if let Target::Strategy(s) = row.target {
            let short = match s.slug() {
                "application-control" => "AppCtl",
                "patch-applications" => "PatchApp",
                "restrict-office-macros" => "Macros",
                "user-application-hardening" => "Harden",
                "restrict-admin-privileges" => "Admin",
                "patch-operating-systems" => "PatchOS",
                "multi-factor-authentication" => "MFA",
                _ => "Backup",
            };
            if !out.contains(&short) {
                out.push(short);
            }
        }
    }
    out.join(",")
}

pub fn render_controls(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Controls(v) = app.route() else {
        return;
    };
    let p = &app.posture;
    let failed = v
        .rows()
        .iter()
        .filter_map(|i| p.controls.get(*i as usize))
        .filter(|c| c.status == crate::posture::ControlStatus::Failed)
        .count();
    let scope = v
        .standard
        .as_deref()
        .map(standard_name)
        .unwrap_or_else(|| "all standards".to_string());
    let line = format!(
        "{} controls in {scope} · {failed} failed · enter findings · R failing resources",
        v.rows().len()
    );
    put(
        buf,
        area.x,
        area.y,
        &line,
        area.width,
        theme.style(Role::Dim),
    );
    let body = below(area, 1);
    if v.rows().is_empty() {
        let msg = if p.scores.coverage.is_assessed() {
            "No controls: no control findings or definitions were read."
        } else {
            "Controls not assessed: Security Hub findings were not loaded."
        };
        put(
            buf,
            body.x + 2,
            body.y + 2,
            msg,
            body.width.saturating_sub(2),
            theme.style(Role::Title),
        );
        return;
    }
    let (table, side) = if body.width >= 120 {
        let (l, r) = split(body, body.width * 62 / 100);
        (l, Some(r))
    } else {
        (body, None)
    };
    controls_table(table, buf, app, v, side.is_none(), theme);
    if let (Some(side), Some(c)) = (side, v.selected(p)) {
        control_detail(side, buf, c, theme);
    }
}

/// A layer's name in a table cell.
fn layer_short(l: crate::posture::Layer) -> &'static str {
    l.label().split_whitespace().next().unwrap_or("")
}

fn controls_table(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    v: &ControlsView,
    with_e8: bool,
    theme: &Theme,
) {
    let wide = area.width >= 80;
    let with_e8 = with_e8 && area.width >= 100;
    let fixed =
        11 + BADGE_W + 1 + 14 + 8 + if wide { 12 } else { 0 } + if with_e8 { 16 } else { 0 };
    let title_w = area.width.saturating_sub(fixed).max(8);
    let mut cols = vec![
        ("STATUS", 10),
        ("SEV", BADGE_W),
        ("CONTROL", 13),
        ("TITLE", title_w),
        ("FAILING", 7),
    ];
    if wide {
        cols.push(("LAYER", 11));
    }
    if with_e8 {
        cols.push(("E8", 15));
    }
    header(buf, area.x, area.y, &cols, theme);
    let body = below(area, 1);
    let p = &app.posture;
    list(
        body,
        buf,
        app,
        &v.cursor,
        v.rows().len(),
        theme,
        |buf, i, r| {
            let Some(c) = v.rows().get(i).and_then(|c| p.controls.get(*c as usize)) else {
                return;
            };
            let mut x = r.x;
            let (word, role) = status::control(c.status);
            put_cell(buf, x, r.y, word, cols[0].1, theme.style(role));
            x += cols[0].1 + 1;
            match c.severity {
                Some(s) => put_cell(buf, x, r.y, badge_text(s), BADGE_W, theme.severity(s)),
                None => put_cell(buf, x, r.y, "  -", BADGE_W, theme.style(Role::Dim)),
            }
            x += BADGE_W + 1;
            put_cell(
                buf,
                x,
                r.y,
                &c.control_id,
                cols[2].1,
                theme.style(Role::Accent),
            );
            x += cols[2].1 + 1;
            put_cell(buf, x, r.y, &c.title, cols[3].1, theme.style(Role::Text));
            x += cols[3].1 + 1;
            let n = c.failing_resources.len();
            let style = theme.style(if n == 0 {
                Role::Dim
            } else {
                Role::StatusFailed
            });
            put_right(buf, x, r.y, &n.to_string(), 7, style);
            x += 8;
            if wide {
                put_cell(
                    buf,
                    x,
                    r.y,
                    layer_short(c.layer),
                    11,
                    theme.style(Role::Label),
                );
                x += 12;
            }
            if with_e8 {
                put_cell(
                    buf,
                    x,
                    r.y,
                    &e8_short(&c.control_id),
                    15,
                    theme.style(Role::Dim),
                );
            }
        },
    );
}

fn control_detail(area: Rect, buf: &mut Buffer, c: &ControlState, theme: &Theme) {
    section_title(
        buf,
        area,
        &format!("{} · {}", c.control_id, c.title),
        false,
        theme,
    );
    let mut y = area.y + 1;
    let mut line = |buf: &mut Buffer, label: &str, text: &str, role: Role| {
        if y >= area.bottom() {
            return;
        }
        put(buf, area.x, y, label, 12, theme.style(Role::Label));
        put(
            buf,
            area.x + 12,
            y,
            text,
            area.width.saturating_sub(12),
            theme.style(role),
        );
        y += 1;
    };
    let (word, role) = status::control(c.status);
    line(buf, "Status", word, role);
    let sev = c.severity.map(|s| s.as_str()).unwrap_or("unknown");
    line(buf, "Severity", sev, Role::Text);
    line(buf, "Layer", c.layer.label(), Role::Text);
    let e8 = e8_short(&c.control_id);
    line(
        buf,
        "E8",
        if e8.is_empty() { "not mapped" } else { &e8 },
        Role::Text,
    );
    for s in &c.standards {
        let (w, role) = status::control(s.status);
        let text = format!(
            "{} · {w}{}",
            super::status::short_standard(&standard_name(&s.standards_id)),
            if s.enabled { "" } else { " (disabled)" }
        );
        line(buf, "Standard", &text, role);
    }
    line(
        buf,
        "Findings",
        &format!(
            "{} active, {} failed",
            c.finding_ids.len(),
            c.failed_finding_ids.len()
        ),
        Role::Text,
    );
    line(buf, "", "", Role::Text);
    let head = format!(
        "Failing resources ({}) · R lists them",
        c.failing_resources.len()
    );
    line(buf, "", &head, Role::Heading);
    for r in &c.failing_resources {
        line(buf, "", r, Role::Text);
    }
}
