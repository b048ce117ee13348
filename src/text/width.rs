//! Display width, counted the way ratatui lays text into cells: per
//! extended grapheme cluster, with `unicode-width`'s width of the cluster.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns one grapheme cluster takes in a ratatui buffer.
///
/// Mirrors `ratatui::buffer::CellWidth for str` and `Buffer::set_stringn`:
/// clusters holding a control character are skipped (0), a one-byte cluster
/// is 1, others are their `unicode-width` width, plus one per halfwidth
/// (semi-)voiced sound mark (U+FF9E/U+FF9F), which ratatui counts on top.
/// `text::tests::widths_agree_with_ratatui` holds the two together.
pub(super) fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        0
    } else if g.len() == 1 {
        1
    } else {
        g.width()
            + g.chars()
                .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
                .count()
    }
}

pub(super) fn width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// `s` cut to at most `max` columns. When it is cut (or `forced`, because
/// the caller already dropped a tail) the last column is `…`.
pub(super) fn fit(s: &str, max: usize, forced: bool) -> String {
    if !forced && width(s) <= max {
        return s.to_string();
    }
    let Some(budget) = max.checked_sub(1) else {
        return String::new();
    };
    let mut out = String::with_capacity(budget + 3);
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > budget {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_common_text() {
        assert_eq!(width(""), 0);
        assert_eq!(width("abc"), 3);
        assert_eq!(width("漢字"), 4);
        assert_eq!(width("🙂"), 2);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{301}"), 0);
        assert_eq!(width("👍🏽"), 2); // one cluster, not 4
        assert_eq!(width("…"), 1);
    }

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text() {
        assert_eq!(fit("abc", 3, false), "abc");
        assert_eq!(fit("abcd", 3, false), "ab…");
        assert_eq!(fit("abc", 3, true), "ab…");
        assert_eq!(fit("ab", 3, true), "ab…");
        assert_eq!(fit("abcd", 1, false), "…");
        assert_eq!(fit("abcd", 0, false), "");
        // a wide character never straddles the limit
        assert_eq!(fit("漢字漢字", 4, false), "漢…");
        assert_eq!(width(&fit("漢字漢字", 4, false)), 3);
        // combining marks stay with their base
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}", 2, false), "e\u{301}…");
    }
}
