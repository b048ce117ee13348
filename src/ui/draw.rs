//! Low-level, panic-free writes into a buffer. Every string passes through
//! `text::sanitize*` here, so no view can put a control character, an
//! escape sequence or a bidi override on screen.

use crate::text::{display_width, pad_to_width, sanitize, sanitize_line};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Writes `raw` (sanitised, truncated with an ellipsis) at (x, y) within
/// `width` columns. Returns the columns used. Out-of-area writes are ignored.
pub fn put(buf: &mut Buffer, x: u16, y: u16, raw: &str, width: u16, style: Style) -> u16 {
    let a = buf.area;
    if y < a.top() || y >= a.bottom() || x < a.left() || x >= a.right() || width == 0 {
        return 0;
    }
    let width = width.min(a.right() - x);
    let clean = sanitize_line(raw, usize::from(width));
    let (end, _) = buf.set_stringn(x, y, &clean, usize::from(width), style);
    end.saturating_sub(x)
}

/// Like [`put`] but pads to exactly `width` columns, so columns stay aligned
/// whatever the text (wide, combining or hostile).
pub fn put_cell(buf: &mut Buffer, x: u16, y: u16, raw: &str, width: u16, style: Style) {
    let a = buf.area;
    if y < a.top() || y >= a.bottom() || x < a.left() || x >= a.right() || width == 0 {
        return;
    }
    let width = width.min(a.right() - x);
    let clean = sanitize_line(raw, usize::from(width));
    let padded = pad_to_width(&clean, usize::from(width));
    buf.set_stringn(x, y, &padded, usize::from(width), style);
}

/// Right-aligned cell (numbers).
pub fn put_right(buf: &mut Buffer, x: u16, y: u16, raw: &str, width: u16, style: Style) {
    let clean = sanitize_line(raw, usize::from(width));
    let w = display_width(&clean).min(usize::from(width)) as u16;
    put_cell(buf, x, y, "", width, style);
    put(buf, x + (width - w), y, &clean, w, style);
}

/// Writes styled pieces one after another on one line; returns the x after.
pub fn put_spans(buf: &mut Buffer, x: u16, y: u16, width: u16, spans: &[(&str, Style)]) -> u16 {
    let end = x.saturating_add(width);
    let mut cx = x;
    for (text, style) in spans {
        if cx >= end {
            break;
        }
        cx += put(buf, cx, y, text, end - cx, *style);
    }
    cx
}

/// Fills `area` (clipped to the buffer) with spaces in `style`.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(c) = buf.cell_mut((x, y)) {
                c.reset();
                c.set_style(style);
            }
        }
    }
}

/// Sanitises `raw` and wraps it to `width` columns, at spaces where it can.
/// At most `max_rows` rows; a cut is marked with an ellipsis.
pub fn wrap(raw: &str, width: usize, max_rows: usize) -> Vec<String> {
    let width = width.max(1);
    // Never sanitise more than could be shown.
    let budget = width
        .saturating_mul(max_rows)
        .saturating_mul(4)
        .saturating_add(64);
    let head = match raw.char_indices().nth(budget) {
        Some((i, _)) => &raw[..i],
        None => raw,
    };
    let cut = head.len() < raw.len();
    let clean = sanitize(head);
    let mut rows: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut w = 0;
    for word in split_keep_spaces(&clean) {
        let ww = display_width(word);
        if w + ww > width && w > 0 {
            rows.push(std::mem::take(&mut line).trim_end().to_string());
            w = 0;
            if word == " " {
                continue;
            }
        }
        if ww > width {
            for c in word.chars() {
                let cw = display_width(c.encode_utf8(&mut [0; 4]));
                if w + cw > width && w > 0 {
                    rows.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
        } else {
            line.push_str(word);
            w += ww;
        }
        if rows.len() > max_rows {
            break;
        }
    }
    if !line.is_empty() || rows.is_empty() {
        rows.push(line);
    }
    if rows.len() > max_rows || cut {
        rows.truncate(max_rows.max(1));
        if let Some(last) = rows.last_mut() {
            let keep = sanitize_line(last, width.saturating_sub(1));
            *last = format!("{}…", keep.trim_end_matches('…'));
        }
    }
    rows
}

/// Splits into words and single spaces.
fn split_keep_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = if rest.starts_with(' ') {
            1
        } else {
            rest.find(' ').unwrap_or(rest.len())
        };
        let (head, tail) = rest.split_at(end);
        rest = tail;
        Some(head)
    })
}

/// A rectangle of `w` x `h` centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(wrap("aaa bbb ccc", 7, 10), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4, 10), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4, 10), [""]);
        let long = "x".repeat(100_000);
        let rows = wrap(&long, 10, 3);
        assert_eq!(rows.len(), 3);
        assert!(rows[2].ends_with('…'));
    }

    #[test]
    fn writes_outside_the_buffer_are_ignored() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        assert_eq!(put(&mut buf, 5, 0, "x", 3, Style::new()), 0);
        assert_eq!(put(&mut buf, 0, 1, "x", 3, Style::new()), 0);
        put_cell(&mut buf, 1, 0, "\u{1b}[2Jabc", 10, Style::new());
        put_right(&mut buf, 0, 0, "12345", 2, Style::new());
    }
}
