//! TEMPORARY stand-in for the `text` module owned by another branch, with the
//! agreed API, so the TUI compiles before it lands. Replaced on merge.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

fn is_invisible_format(c: char) -> bool {
    matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF)
}

/// Replaces control and invisible format characters with visible escapes.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_invisible_format(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            if (c as u32) < 0x100 {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
        } else if is_invisible_format(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Sanitised and truncated to `max_width` columns (with an ellipsis).
pub fn sanitize_line(s: &str, max_width: usize) -> String {
    let head: String = s.chars().take(max_width.saturating_mul(4) + 16).collect();
    let clean = sanitize(&head);
    if display_width(&clean) <= max_width {
        return clean.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in clean.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max_width {
            break;
        }
        w += cw;
        out.push(c);
    }
    if max_width > 0 {
        out.push('…');
    }
    out
}

pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Pads (or truncates) to exactly `width` columns.
pub fn pad_to_width(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    while w < width {
        out.push(' ');
        w += 1;
    }
    out
}
