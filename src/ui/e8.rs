//! The Essential Eight grid: 8 strategies x ML1-ML3, a status per cell and
//! the maturity per strategy; and one cell's requirements with their
//! evidence, source mapping and attestation.

mod requirements;

pub use requirements::render_requirements;

use super::draw::{fill, put, put_cell};
use super::status;
use super::table::{below, split};
use super::theme::{Role, Theme};
use super::widgets::section_title;
use crate::app::{App, E8View, Hit, Route};
use crate::posture::e8::{StrategyResult, maturity_label};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const CELL_W: u16 = 13;

pub fn render_grid(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::E8(v) = app.route() else {
        return;
    };
    let e8 = &app.posture.essential_eight;
    let line = format!(
        "Overall maturity {} (the lowest of the eight) · AWS evidence {} · enter opens a cell",
        maturity_label(e8.overall_maturity),
        e8.coverage.describe()
    );
    put(
        buf,
        area.x,
        area.y,
        &line,
        area.width,
        theme.style(Role::Dim),
    );
    let body = below(area, 2);
    let (grid_area, side) = if body.width >= 120 {
        let (l, r) = split(body, 100);
        (l, Some(r))
    } else {
        (body, None)
    };
    grid(grid_area, buf, app, v, theme);
    if let (Some(side), Some(s)) = (side, v.strategy(&app.posture)) {
        cell_summary(side, buf, v, s, theme);
    }
}

fn grid(area: Rect, buf: &mut Buffer, app: &App, v: &E8View, theme: &Theme) {
    let strategies = &app.posture.essential_eight.strategies;
    // The evidence column goes first when room is short.
    let evidence = area.width >= 100;
    let name_w = area
        .width
        .saturating_sub(3 * (CELL_W + 1) + 10 + if evidence { 17 } else { 0 })
        .clamp(8, 34);
    let head = theme.style(Role::TableHeader);
    put_cell(buf, area.x, area.y, "STRATEGY", name_w, head);
    let mut x = area.x + name_w + 1;
    for l in ["ML1", "ML2", "ML3"] {
        put_cell(buf, x, area.y, l, CELL_W, head);
        x += CELL_W + 1;
    }
    put_cell(buf, x, area.y, "MATURITY", 9, head);
    if evidence {
        put_cell(buf, x + 10, area.y, "EVIDENCE", 16, head);
    }
    for (r, s) in strategies.iter().enumerate() {
        let y = area.y + 1 + r as u16;
        if y >= area.bottom() {
            break;
        }
        put_cell(buf, area.x, y, s.name, name_w, theme.style(Role::Text));
        let mut x = area.x + name_w + 1;
        for (c, level) in s.levels.iter().enumerate() {
            let (word, role) = status::level(level.status);
            let mut style = theme.style(role);
            let cell = Rect::new(x, y, CELL_W, 1);
            if (v.row, v.col) == (r, c) {
                fill(buf, cell, theme.style(Role::TableSelected));
                style = style.patch(theme.style(Role::TableSelected));
            }
            put_cell(buf, x, y, word, CELL_W, style);
            if x < area.right() {
                let hit = Rect::new(x, y, CELL_W.min(area.right() - x), 1);
                app.hits.borrow_mut().push((hit, Hit::E8Cell(r, c)));
            }
            x += CELL_W + 1;
        }
        let m_role = if s.maturity == 0 {
            Role::StatusFailed
        } else {
            Role::Title
        };
        put_cell(buf, x, y, &s.maturity_label, 9, theme.style(m_role));
        if evidence {
            let basis = if s.assessable_from_aws {
                "AWS + attestation"
            } else {
                "attestation only"
            };
            put_cell(buf, x + 10, y, basis, 17, theme.style(Role::Dim));
        }
    }
    let y = area.y + 2 + strategies.len() as u16;
    let legend = "✓ met  ◐ partly  ✗ not met  ? unknown  ✎ attest (not assessable from AWS)";
    put(buf, area.x, y, legend, area.width, theme.style(Role::Dim));
    let e8 = &app.posture.essential_eight;
    if !e8.unmatched_attestations.is_empty() {
        let text = format!(
            "Attestations matching no requirement: {}",
            e8.unmatched_attestations.join(", ")
        );
        put(
            buf,
            area.x,
            y + 1,
            &text,
            area.width,
            theme.style(Role::StatusWarning),
        );
    }
}

fn cell_summary(area: Rect, buf: &mut Buffer, v: &E8View, s: &StrategyResult, theme: &Theme) {
    let Some(level) = s.levels.get(v.col) else {
        return;
    };
    let title = format!("{} · ML{}", s.name, level.level.number());
    section_title(buf, area, &title, false, theme);
    let mut y = area.y + 1;
    let (word, role) = status::level(level.status);
    put(buf, area.x, y, word, area.width, theme.style(role));
    y += 1;
    if let Some(n) = &level.note {
        put(buf, area.x, y, n, area.width, theme.style(Role::Dim));
        y += 1;
    }
    if !s.assessable_from_aws {
        put(
            buf,
            area.x,
            y,
            "Not assessable from AWS: attestation only",
            area.width,
            theme.style(Role::StatusNotAssessed),
        );
        y += 1;
    }
    y += 1;
    for r in &level.requirements {
        if y >= area.bottom() {
            break;
        }
        let (word, role) = status::requirement(r.status);
        put_cell(buf, area.x, y, word, 18, theme.style(role));
        put(
            buf,
            area.x + 19,
            y,
            r.text,
            area.width.saturating_sub(19),
            theme.style(Role::Text),
        );
        y += 1;
    }
    if !level.failing_mapped_controls.is_empty() && y + 1 < area.bottom() {
        let text = format!(
            "Failing mapped controls: {}",
            level.failing_mapped_controls.join(", ")
        );
        put(
            buf,
            area.x,
            y + 1,
            &text,
            area.width,
            theme.style(Role::StatusFailed),
        );
    }
}
