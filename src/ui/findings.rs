//! The findings table: one table over every source, virtualised (only the
//! visible rows are built), sortable by any column (keys or a click on the
//! header) and groupable with counts.

use super::draw::{fill, put, put_cell, put_right};
use super::theme::{Role, Theme};
use super::widgets::{BADGE_W, badge_text};
use crate::app::{App, Column, FindingsView, Hit, Route, resource_id, updated};
use crate::model::{DatasetKind, Finding, Severity};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Findings(v) = app.route() else {
        return;
    };
    if area.height == 0 || area.width == 0 {
        return;
    }
    summary_line(area, buf, app, v, theme);
    let table = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if table.height == 0 {
        return;
    }
    if v.is_empty() {
        empty(table, buf, app, v, theme);
        return;
    }
    match v.group() {
        Some(_) => groups(table, buf, app, v, theme),
        None => rows(table, buf, app, v, theme),
    }
}

fn summary_line(area: Rect, buf: &mut Buffer, app: &App, v: &FindingsView, theme: &Theme) {
    let total = app.estate.findings.len();
    let mut text = match v.group() {
        Some(g) => format!(
            "{} groups by {} · {} findings",
            v.groups().len(),
            g.name(),
            v.rows().len()
        ),
        None => format!("{} of {} findings", v.rows().len(), total),
    };
    let s = v.sort();
    text.push_str(&format!(
        " · sort {} {}",
        s.column.name(),
        if s.descending { "↓" } else { "↑" }
    ));
    if !v.filter_text().is_empty() {
        text.push_str(&format!(" · filter: {}", v.filter_text()));
    }
    text.push_str(if v.include_inactive() {
        " · incl. archived/suppressed"
    } else {
        " · active only"
    });
    put(
        buf,
        area.x,
        area.y,
        &text,
        area.width,
        theme.style(Role::Dim),
    );
}

fn empty(area: Rect, buf: &mut Buffer, app: &App, v: &FindingsView, theme: &Theme) {
    let kinds = [
        DatasetKind::SecurityHubFindings,
        DatasetKind::GuardDutyFindings,
        DatasetKind::MacieFindings,
    ];
    let y = area.y + area.height / 3;
    if app.estate.findings.is_empty() {
        let all_read = kinds.iter().all(|k| app.estate.status(*k).is_complete());
        let msg = if all_read {
            "No findings: every findings dataset was read and returned none."
        } else {
            "No findings loaded."
        };
        put(
            buf,
            area.x + 2,
            y,
            msg,
            area.width.saturating_sub(2),
            theme.style(Role::Title),
        );
        for (i, k) in kinds.iter().enumerate() {
            let line = format!("{}: {}", k.label(), app.estate.status(*k).describe());
            put(
                buf,
                area.x + 2,
                y + 2 + i as u16,
                &line,
                area.width.saturating_sub(2),
                theme.style(Role::Dim),
            );
        }
    } else {
        put(
            buf,
            area.x + 2,
            y,
            "No findings match.",
            area.width.saturating_sub(2),
            theme.style(Role::Title),
        );
        let hint = if v.include_inactive() {
            "c clears the filter, esc goes back"
        } else {
            "c clears the filter, a includes archived and suppressed, esc goes back"
        };
        put(
            buf,
            area.x + 2,
            y + 2,
            hint,
            area.width.saturating_sub(2),
            theme.style(Role::Dim),
        );
    }
}

/// Columns that fit in `width`, with their widths. Title and resource share
/// what is left; less important columns go first on narrow screens.
pub fn layout_columns(width: u16) -> Vec<(Column, u16)> {
    let fixed = |c: Column, wide: bool| -> u16 {
        match c {
            Column::Severity => BADGE_W,
            Column::Source => 12,
            Column::Account => 12,
            Column::Region => 14,
            Column::Updated => {
                if wide {
                    16
                } else {
                    10
                }
            }
            Column::Workflow => 10,
            Column::Title => 16,
            Column::Resource => 12,
        }
    };
    let wide = width >= 120;
    // Dropped first to last.
    let drop_order = [
        Column::Account,
        Column::Region,
        Column::Workflow,
        Column::Updated,
        Column::Source,
        Column::Resource,
    ];
    let mut cols: Vec<Column> = Column::ALL.to_vec();
    let need = |cols: &[Column]| -> u16 {
        cols.iter().map(|c| fixed(*c, wide)).sum::<u16>() + cols.len().saturating_sub(1) as u16
    };
    for d in drop_order {
        if need(&cols) <= width {
            break;
        }
        cols.retain(|c| *c != d);
    }
    let spare = width.saturating_sub(need(&cols));
    let flex: Vec<Column> = cols
        .iter()
        .copied()
        .filter(|c| matches!(c, Column::Title | Column::Resource))
        .collect();
    cols.into_iter()
        .map(|c| {
            let w = fixed(c, wide);
            let extra = match (c, flex.len()) {
                (Column::Title, 2) => spare - spare * 2 / 5,
                (Column::Resource, 2) => spare * 2 / 5,
                (Column::Title | Column::Resource, 1) => spare,
                _ => 0,
            };
            (c, w + extra)
        })
        .collect()
}

fn header(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    v: &FindingsView,
    cols: &[(Column, u16)],
    theme: &Theme,
) {
    let s = v.sort();
    let mut x = area.x;
    for (c, w) in cols {
        let sorted = s.column == *c;
        let label = if sorted {
            format!("{} {}", c.label(), if s.descending { "↓" } else { "↑" })
        } else {
            c.label().to_string()
        };
        let role = if sorted {
            Role::TableSorted
        } else {
            Role::TableHeader
        };
        put_cell(buf, x, area.y, &label, *w, theme.style(role));
        if x < area.right() {
            let hit = Rect::new(x, area.y, (*w).min(area.right() - x), 1);
            app.hits.borrow_mut().push((hit, Hit::SortColumn(*c)));
        }
        x = x.saturating_add(w + 1);
    }
}

fn cell_text(f: &Finding, c: Column, wide: bool) -> String {
    match c {
        Column::Severity => badge_text(f.severity).to_string(),
        Column::Source => f.source.label().to_string(),
        Column::Title => f.title.clone(),
        Column::Resource => resource_id(f).to_string(),
        Column::Account => f.account_id.clone(),
        Column::Region => f.region.clone(),
        Column::Updated => updated(f)
            .map(|t| {
                t.format(if wide { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d" })
                    .to_string()
            })
            .unwrap_or_else(|| "-".to_string()),
        Column::Workflow => f.workflow.as_str().to_string(),
    }
}

fn rows(area: Rect, buf: &mut Buffer, app: &App, v: &FindingsView, theme: &Theme) {
    let cols = layout_columns(area.width);
    header(area, buf, app, v, &cols, theme);
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let ids = v.rows();
    let range = v.cursor.window(ids.len(), usize::from(body.height));
    let wide = area.width >= 120;
    for (line, i) in range.enumerate() {
        let y = body.y + line as u16;
        let Some(f) = ids
            .get(i)
            .and_then(|fi| app.estate.findings.get(*fi as usize))
        else {
            continue;
        };
        let row_area = Rect::new(body.x, y, body.width, 1);
        if i == v.cursor.selected {
            fill(buf, row_area, theme.style(Role::TableSelected));
        }
        let dim = !f.is_active();
        let mut x = body.x;
        for (c, w) in &cols {
            let style = match c {
                Column::Severity => theme.severity(f.severity),
                _ if dim => theme.style(Role::Dim),
                Column::Source => theme.style(Role::Accent),
                _ => theme.style(Role::Text),
            };
            put_cell(buf, x, y, &cell_text(f, *c, wide), *w, style);
            x = x.saturating_add(w + 1);
        }
        app.hits.borrow_mut().push((row_area, Hit::Row(i)));
    }
}

fn groups(area: Rect, buf: &mut Buffer, app: &App, v: &FindingsView, theme: &Theme) {
    let Some(key) = v.group() else {
        return;
    };
    let counts_w: u16 = 5 * 6;
    let value_w = area
        .width
        .saturating_sub(BADGE_W + 1 + 7 + 1 + counts_w + 1)
        .max(8);
    let mut x = area.x;
    let head = theme.style(Role::TableHeader);
    put_cell(buf, x, area.y, "WORST", BADGE_W, head);
    x += BADGE_W + 1;
    put_right(buf, x, area.y, "COUNT", 7, head);
    x += 8;
    for sev in Severity::ALL {
        put_right(
            buf,
            x,
            area.y,
            &sev.letter().to_string(),
            5,
            theme.severity(sev),
        );
        x += 6;
    }
    put_cell(
        buf,
        x,
        area.y,
        &key.name().to_ascii_uppercase(),
        value_w,
        head,
    );
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let list = v.groups();
    let range = v.cursor.window(list.len(), usize::from(body.height));
    for (line, i) in range.enumerate() {
        let Some(g) = list.get(i) else { continue };
        let y = body.y + line as u16;
        let row_area = Rect::new(body.x, y, body.width, 1);
        if i == v.cursor.selected {
            fill(buf, row_area, theme.style(Role::TableSelected));
        }
        let mut x = body.x;
        put_cell(
            buf,
            x,
            y,
            badge_text(g.worst),
            BADGE_W,
            theme.severity(g.worst),
        );
        x += BADGE_W + 1;
        put_right(buf, x, y, &g.count.to_string(), 7, theme.style(Role::Title));
        x += 8;
        for (n, sev) in g.by_severity.iter().zip(Severity::ALL) {
            let style = if *n == 0 {
                theme.style(Role::Dim)
            } else {
                theme.severity(sev)
            };
            put_right(buf, x, y, &n.to_string(), 5, style);
            x += 6;
        }
        put_cell(buf, x, y, &g.value, value_w, theme.style(Role::Text));
        app.hits.borrow_mut().push((row_area, Hit::Row(i)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width_exactly_or_degrade() {
        for w in [1u16, 10, 40, 78, 80, 100, 120, 158, 300] {
            let cols = layout_columns(w);
            assert!(cols.iter().any(|(c, _)| *c == Column::Severity));
            assert!(cols.iter().any(|(c, _)| *c == Column::Title));
            let used: u16 = cols.iter().map(|(_, w)| w).sum::<u16>() + cols.len() as u16 - 1;
            if w >= 40 {
                assert_eq!(used, w, "width {w}: {cols:?}");
            }
        }
        assert_eq!(layout_columns(158).len(), 8);
    }
}
