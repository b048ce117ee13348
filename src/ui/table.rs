//! Pieces the posture views share: a virtualised list (only the visible
//! rows are drawn, each a click target), column headers, gauges and the
//! status words that read without colour.

use super::draw::{fill, put, put_cell};
use super::theme::{Role, Theme};
use crate::app::{App, Hit, ListCursor};
use crate::model::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Column headers at (x, y): (title, width), one space apart.
pub fn header(buf: &mut Buffer, x: u16, y: u16, cols: &[(&str, u16)], theme: &Theme) {
    let mut cx = x;
    for (title, w) in cols {
        put_cell(buf, cx, y, title, *w, theme.style(Role::TableHeader));
        cx = cx.saturating_add(w + 1);
    }
}

/// Draws the visible rows of a list of `len` in `area`: the selected one
/// highlighted, each recorded as a click target. `row` draws row `i` into
/// its one-line rect.
pub fn list(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    cursor: &ListCursor,
    len: usize,
    theme: &Theme,
    mut row: impl FnMut(&mut Buffer, usize, Rect),
) {
    let range = cursor.window(len, usize::from(area.height));
    for (line, i) in range.enumerate() {
        let rect = Rect::new(area.x, area.y + line as u16, area.width, 1);
        if i == cursor.selected {
            fill(buf, rect, theme.style(Role::TableSelected));
        }
        row(buf, i, rect);
        app.hits.borrow_mut().push((rect, Hit::Row(i)));
    }
}

/// A horizontal gauge `█████░░░░░  69%` of `width` columns; `None` draws
/// the reason instead of a bar (no data is never drawn as 0 %).
pub fn gauge(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    percent: Option<u8>,
    none: &str,
    theme: &Theme,
) {
    let Some(p) = percent else {
        put(buf, x, y, none, width, theme.style(Role::StatusNotAssessed));
        return;
    };
    let bar_w = width.saturating_sub(5);
    let filled = (u32::from(bar_w) * u32::from(p.min(100)) + 50) / 100;
    let filled = u16::try_from(filled).unwrap_or(bar_w).min(bar_w);
    let mut cx = x;
    cx += put(
        buf,
        cx,
        y,
        &"█".repeat(usize::from(filled)),
        filled,
        theme.style(Role::Gauge),
    );
    cx += put(
        buf,
        cx,
        y,
        &"░".repeat(usize::from(bar_w - filled)),
        bar_w - filled,
        theme.style(Role::GaugeEmpty),
    );
    let label = format!("{p:>4}%");
    put(
        buf,
        cx,
        y,
        &label,
        (x + width).saturating_sub(cx),
        theme.style(Role::Title),
    );
}

/// A finding badge `⚑3 H` (count and worst severity letter), drawn at x;
/// returns the columns used.
pub fn finding_badge(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    badge: Option<(usize, Severity)>,
    theme: &Theme,
) -> u16 {
    let Some((n, worst)) = badge else {
        return 0;
    };
    let text = format!("⚑{n} {}", worst.letter());
    put(buf, x, y, &text, width, theme.severity(worst))
}

/// The part of `area` below its first `rows` rows.
pub fn below(area: Rect, rows: u16) -> Rect {
    let rows = rows.min(area.height);
    Rect::new(area.x, area.y + rows, area.width, area.height - rows)
}

/// Splits `area` into a left part of `left` columns, a gap, and the rest.
pub fn split(area: Rect, left: u16) -> (Rect, Rect) {
    let left = left.min(area.width);
    let l = Rect::new(area.x, area.y, left, area.height);
    let rx = area.x + left.saturating_add(2).min(area.width);
    let r = Rect::new(rx, area.y, area.right().saturating_sub(rx), area.height);
    (l, r)
}

/// The empty state of a list view: says the list was read and is empty, or
/// why it was not read, never an empty frame that reads as "all clear".
/// `what` names the items ("KMS keys"), `list` the list ("key").
pub fn empty_list(
    buf: &mut Buffer,
    area: Rect,
    theme: &Theme,
    status: &crate::model::DatasetStatus,
    what: &str,
    list: &str,
) {
    let msg = if status.is_complete() {
        format!("No {what}: the {list} list was read and is empty.")
    } else {
        format!("No {what} loaded ({})", status.describe())
    };
    put(
        buf,
        area.x + 2,
        area.y + 2,
        &msg,
        area.width.saturating_sub(2),
        theme.style(Role::Title),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauges_fill_in_proportion_and_never_show_missing_data_as_zero() {
        let theme = Theme::mono();
        let mut buf = Buffer::empty(Rect::new(0, 0, 15, 2));
        gauge(&mut buf, 0, 0, 15, Some(50), "-", &theme);
        gauge(&mut buf, 0, 1, 15, None, "not assessed", &theme);
        let text = crate::render_out::buffer_to_text(&buf);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("█████░░░░░  50%"));
        assert_eq!(lines.next(), Some("not assessed"));
    }
}
