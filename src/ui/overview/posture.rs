//! The overview's posture summary: the security score per standard and
//! overall (gauges), the status of each defensive layer, and the Essential
//! Eight maturity per strategy. Missing inputs read "not assessed".

use super::super::draw::{put, put_cell};
use super::super::status;
use super::super::table::gauge;
use super::super::theme::{Role, Theme};
use super::super::widgets::section_title;
use crate::app::App;
use crate::posture::e8::maturity_label;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Rows the scores panel needs: title, summary, one per standard.
pub fn scores_height(app: &App) -> u16 {
    2 + app.posture.scores.standards.len() as u16
}

pub fn scores(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let s = &app.posture.scores;
    section_title(buf, area, "Security score", false, theme);
    let name_w = area.width.saturating_sub(20).clamp(8, 44);
    let gauge_w = area.width.saturating_sub(name_w + 1).min(30);
    let mut rows: Vec<(&str, &crate::posture::ScoreCounts, Role)> =
        vec![("All standards", &s.summary, Role::Title)];
    rows.extend(
        s.standards
            .iter()
            .map(|st| (st.name.as_str(), &st.counts, Role::Text)),
    );
    for (i, (name, counts, role)) in rows.into_iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        put_cell(
            buf,
            area.x,
            y,
            &status::short_standard(name),
            name_w,
            theme.style(role),
        );
        let percent = counts.percent.filter(|_| s.coverage.is_assessed());
        gauge(
            buf,
            area.x + name_w + 1,
            y,
            gauge_w,
            percent,
            &counts.display(&s.coverage),
            theme,
        );
    }
}

pub fn layers(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    section_title(buf, area, "Layers (the walls)", false, theme);
    for (i, l) in app.posture.layers.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        let (word, role) = status::layer(l.state);
        put_cell(buf, area.x, y, l.label, 24, theme.style(Role::Label));
        let mut text = word.to_string();
        let failed = l.controls.failed;
        let open = l.findings.total() + l.checks.total();
        if failed > 0 {
            text.push_str(&format!(" · {failed} failed"));
        } else if open > 0 {
            text.push_str(&format!(" · {open} open"));
        }
        put(
            buf,
            area.x + 25,
            y,
            &text,
            area.width.saturating_sub(25),
            theme.style(role),
        );
    }
}

pub fn essential_eight(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let e8 = &app.posture.essential_eight;
    let title = format!(
        "Essential Eight: {} overall (4 opens the grid)",
        maturity_label(e8.overall_maturity)
    );
    section_title(buf, area, &title, false, theme);
    let two = area.width >= 90;
    let col_w = if two { area.width / 2 } else { area.width };
    for (i, s) in e8.strategies.iter().enumerate() {
        let (row, col) = if two { (i / 2, i % 2) } else { (i, 0) };
        let y = area.y + 1 + row as u16;
        if y >= area.bottom() {
            break;
        }
        let x = area.x + col as u16 * col_w;
        let name_w = col_w.saturating_sub(8).min(33);
        put_cell(buf, x, y, s.name, name_w, theme.style(Role::Label));
        let role = if s.maturity == 0 {
            Role::StatusFailed
        } else {
            Role::Title
        };
        let mut text = s.maturity_label.clone();
        if !s.assessable_from_aws {
            text.push_str(" ✎");
        }
        put(
            buf,
            x + name_w + 1,
            y,
            &text,
            col_w.saturating_sub(name_w + 2),
            theme.style(role),
        );
    }
}

/// Two lines for narrow screens: the scores, then the layers.
pub fn compact(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let s = &app.posture.scores;
    let mut parts = vec![format!("Score {}", s.summary.display(&s.coverage))];
    let e8 = &app.posture.essential_eight;
    parts.push(format!("E8 {}", maturity_label(e8.overall_maturity)));
    for st in &s.standards {
        let short: String = status::short_standard(&st.name)
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        parts.push(format!("{short} {}", st.counts.display(&s.coverage)));
    }
    put(
        buf,
        area.x,
        area.y,
        &parts.join(" · "),
        area.width,
        theme.style(Role::Title),
    );
    if area.height < 2 {
        return;
    }
    let mut x = area.x;
    let y = area.y + 1;
    x += put(buf, x, y, "Walls ", area.width, theme.style(Role::Label));
    for l in &app.posture.layers {
        let (word, role) = status::layer(l.state);
        let glyph = word.split(' ').next().unwrap_or("");
        let short = l.label.split_whitespace().next().unwrap_or(l.label);
        let text = format!("{glyph}{short} ");
        x += put(
            buf,
            x,
            y,
            &text,
            area.right().saturating_sub(x),
            theme.style(role),
        );
    }
}
