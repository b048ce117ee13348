//! Hostile-string sanitising for the terminal.
//!
//! Finding titles, tags, resource ids and policies are attacker-controlled.
//! Every such string passes through [`sanitize`] (or [`sanitize_line`] /
//! [`pad_to_width`]) before it reaches a widget. The rules, per character:
//!
//! - `\n`, `\t`, U+2028 and U+2029 become one space; a `\r` directly before
//!   `\n` (a CRLF line end) is dropped with it.
//! - Every other C0 control (NUL, BEL, BS, ESC, a lone CR, ...), DEL and every
//!   C1 control (U+0080-U+009F, including the 8-bit CSI U+009B and OSC
//!   U+009D) is written as the visible text `\xNN` (two lower-case hex
//!   digits; every escaped code point up to U+00FF uses this form, those
//!   above it `\u{XXXX}`). So `ESC[2J` shows as `\x1b[2J` and an OSC 52 clipboard write
//!   `ESC]52;c;...BEL` as `\x1b]52;c;...\x07`: the whole sequence is visible
//!   and inert, and no ESC byte ever reaches the output.
//! - Bidi controls (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069) and
//!   invisible format characters (zero-width space/joiners U+200B-U+200D,
//!   U+2060-U+2065, U+FEFF, soft hyphen U+00AD, Hangul fillers, tag
//!   characters U+E0000-U+E007F, ...) are escaped too (`\u{202e}`,
//!   `\xad`), so a reordering or hidden text is visible rather than effective.
//! - Variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF, Mongolian FVS)
//!   are dropped: they only choose a glyph variant, and terminals disagree
//!   on the width they imply.
//! - Everything else, including combining marks and wide CJK/emoji, is kept.
//!
//! [`sanitize`] makes one line: for multi-line text (a description, pretty
//! JSON) split on `\n` first and sanitise each line.
//!
//! Widths are counted per grapheme cluster exactly as ratatui lays text
//! into buffer cells, so padded cells line up.

mod class;
mod width;

use class::Treat;
use std::borrow::Cow;
use std::fmt::Write as _;

/// Makes `s` safe to draw: no control, bidi or invisible format character
/// survives (see the module docs for the exact rules). Borrows when nothing
/// needs changing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let Some(first) = first_change(s) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    let mut chars = s[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match class::classify(c) {
            Treat::Keep => out.push(c),
            Treat::Space => out.push(' '),
            Treat::Drop => {}
            Treat::Escape if c == '\r' && chars.peek() == Some(&'\n') => {}
            Treat::Escape => push_escape(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// [`sanitize`], on one line, cut to at most `max_width` columns with a
/// trailing `…` when anything was cut.
///
/// Only a bounded prefix of `s` is read (`max_width * 4 + 64` chars), so a
/// 100 KB title costs no more than a short one.
pub fn sanitize_line(s: &str, max_width: usize) -> String {
    let limit = max_width.saturating_mul(4).saturating_add(64);
    let (head, cut) = match s.char_indices().nth(limit) {
        Some((i, _)) => (&s[..i], true),
        None => (s, false),
    };
    width::fit(&sanitize(head), max_width, cut)
}

/// Columns `s` takes when drawn by ratatui (per grapheme cluster, with
/// `unicode-width`; wide CJK and emoji count 2, combining marks 0).
/// Meant for sanitised text: clusters holding a control count 0, as ratatui
/// skips them.
pub fn display_width(s: &str) -> usize {
    width::width(s)
}

/// `s` sanitised and made exactly `width` columns wide: cut with `…`, or
/// padded with spaces. Reads a bounded prefix, like [`sanitize_line`].
pub fn pad_to_width(s: &str, width: usize) -> String {
    let mut out = sanitize_line(s, width);
    let used = display_width(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// True when the sanitiser keeps `c` as it is (no control, bidi, invisible
/// format character, variation selector or line break).
pub(crate) fn is_safe_char(c: char) -> bool {
    class::classify(c) == Treat::Keep
}

fn push_escape(out: &mut String, c: char) {
    let code = u32::from(c);
    // Writing to a String cannot fail.
    let _ = if code <= 0xff {
        write!(out, "\\x{code:02x}")
    } else {
        write!(out, "\\u{{{code:04x}}}")
    };
}

/// The byte offset of the first character the sanitiser would change.
fn first_change(s: &str) -> Option<usize> {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    s.char_indices()
        .find(|&(_, c)| class::classify(c) != Treat::Keep)
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests;
