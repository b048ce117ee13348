//! One KMS key: its fields and analysis, tags, related findings and the
//! key policy, pretty-printed, with risky statements marked `!` in the
//! gutter and their reason beside the statement's first line.

use super::draw::{put, put_cell};
use super::theme::{Role, Theme};
use crate::app::views::KeyLine;
use crate::app::{App, Route};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const LABEL_W: u16 = 18;

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Key(v) = app.route() else {
        return;
    };
    if area.height == 0 {
        return;
    }
    v.scroll
        .set_geometry(usize::from(area.height), v.lines.len());
    let first = v.scroll.first();
    for (row, (i, line)) in v
        .lines
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + row as u16;
        let prev_tag = i
            .checked_sub(1)
            .and_then(|p| v.lines.get(p))
            .and_then(|l| match l {
                KeyLine::Policy(_, t) => t.as_ref(),
                _ => None,
            });
        draw_line(buf, area, y, line, prev_tag, theme);
    }
    let total = v.lines.len();
    if total > usize::from(area.height) {
        let last = (first + usize::from(area.height)).min(total);
        let text = format!(" {}-{last} of {total} ", first + 1);
        let w = text.chars().count() as u16;
        if area.width > w + 2 {
            put(
                buf,
                area.right() - w,
                area.y,
                &text,
                w,
                theme.style(Role::Dim),
            );
        }
    }
}

fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &KeyLine,
    prev_tag: Option<&String>,
    theme: &Theme,
) {
    let (x, w) = (area.x, area.width);
    match line {
        KeyLine::Heading(t) => {
            put(buf, x, y, t, w, theme.style(Role::Heading));
        }
        KeyLine::Field(label, text) | KeyLine::Warn(label, text) => {
            put_cell(buf, x, y, label, LABEL_W, theme.style(Role::Label));
            let role = if matches!(line, KeyLine::Warn(..)) {
                Role::StatusFailed
            } else {
                Role::Text
            };
            let mark = if matches!(line, KeyLine::Warn(..)) {
                "! "
            } else {
                ""
            };
            let used = put(
                buf,
                x + LABEL_W + 1,
                y,
                mark,
                w.saturating_sub(LABEL_W + 1),
                theme.style(role),
            );
            put(
                buf,
                x + LABEL_W + 1 + used,
                y,
                text,
                w.saturating_sub(LABEL_W + 1 + used),
                theme.style(role),
            );
        }
        KeyLine::Text(t) => {
            put(buf, x, y, t, w, theme.style(Role::Dim));
        }
        KeyLine::Policy(text, tag) => {
            let (gutter, role) = match tag {
                Some(_) => ("! ", Role::Risk),
                None => ("  ", Role::Json),
            };
            let used = put(buf, x, y, gutter, w, theme.style(role));
            let end = put(
                buf,
                x + used,
                y,
                text,
                w.saturating_sub(used),
                theme.style(role),
            );
            if let Some(reason) = tag.as_ref().filter(|t| prev_tag != Some(*t)) {
                let rx = x + used + end + 3;
                if rx < area.right() {
                    let note = format!("◀ {reason}");
                    put(
                        buf,
                        rx,
                        y,
                        &note,
                        area.right() - rx,
                        theme.style(Role::Risk),
                    );
                }
            }
        }
        KeyLine::Blank => {}
    }
}
