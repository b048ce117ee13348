//! The detail view: the finding's lines, wrapped to the width and scrolled.

use super::draw::{put, wrap};
use super::theme::{Role, Theme};
use crate::app::{App, DetailView, LineKind, Route};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const LABEL_W: u16 = 15;

struct Row {
    label: String,
    text: String,
    role: Role,
    indent: u16,
    /// Drawn after the label column (field values).
    field: bool,
}

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Detail(d) = app.route() else {
        return;
    };
    if area.width == 0 || area.height == 0 {
        return;
    }
    let rows = rows_of(d, area.width);
    d.set_geometry(usize::from(area.height), rows.len());
    let max = rows.len().saturating_sub(usize::from(area.height));
    let start = d.scroll.min(max);
    for (i, row) in rows
        .iter()
        .skip(start)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + i as u16;
        let mut x = area.x + row.indent.min(area.width);
        if !row.label.is_empty() {
            put(
                buf,
                x,
                y,
                &row.label,
                LABEL_W.min(area.right() - x),
                theme.style(Role::Label),
            );
        }
        if row.field {
            x = (x + LABEL_W).min(area.right());
        }
        put(
            buf,
            x,
            y,
            &row.text,
            area.right() - x,
            theme.style(row.role),
        );
    }
}

fn row(text: String, role: Role, indent: u16) -> Row {
    Row {
        label: String::new(),
        text,
        role,
        indent,
        field: false,
    }
}

fn rows_of(d: &DetailView, width: u16) -> Vec<Row> {
    let w = usize::from(width);
    let value_w = usize::from(width.saturating_sub(LABEL_W)).max(1);
    let mut rows = Vec::new();
    for line in &d.lines {
        match line.kind {
            LineKind::Title => {
                rows.extend(
                    wrap(&line.text, w, 3)
                        .into_iter()
                        .map(|t| row(t, Role::Title, 0)),
                );
            }
            LineKind::Heading => rows.push(row(line.text.clone(), Role::Heading, 0)),
            LineKind::Blank => rows.push(row(String::new(), Role::Text, 0)),
            LineKind::Field => {
                for (i, t) in wrap(&line.text, value_w, 6).into_iter().enumerate() {
                    rows.push(Row {
                        label: if i == 0 {
                            line.label.clone()
                        } else {
                            String::new()
                        },
                        text: t,
                        role: Role::Text,
                        indent: 0,
                        field: true,
                    });
                }
            }
            LineKind::Text => rows.extend(
                wrap(&line.text, w.saturating_sub(2), 400)
                    .into_iter()
                    .map(|t| row(t, Role::Text, 2)),
            ),
            LineKind::Json => rows.extend(
                wrap(&line.text, w.saturating_sub(2), 100)
                    .into_iter()
                    .map(|t| row(t, Role::Json, 2)),
            ),
        }
    }
    rows
}
