//! Which characters may reach a terminal as they are.

/// What the sanitiser does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Treat {
    /// Printable: kept.
    Keep,
    /// A line or tab break: becomes one space.
    Space,
    /// A control, bidi or invisible format character: written as a
    /// visible escape (`\x1b`, `\u{202e}`).
    Escape,
    /// A variation selector: dropped (it only picks a glyph variant, and
    /// terminals disagree on the width it implies).
    Drop,
}

pub(super) fn classify(c: char) -> Treat {
    match c {
        ' '..='~' => Treat::Keep,
        '\n' | '\t' | '\u{2028}' | '\u{2029}' => Treat::Space,
        // C0, DEL and C1 (which include the 8-bit CSI U+009B and OSC U+009D)
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Treat::Escape,
        c if is_bidi_control(c) || is_invisible_format(c) => Treat::Escape,
        c if is_variation_selector(c) => Treat::Drop,
        _ => Treat::Keep,
    }
}

/// Characters that reorder text: the Trojan Source set.
pub(super) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Format (Cf) and other default-ignorable characters that draw nothing but
/// can hide text, join it or shift columns.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'                      // soft hyphen
            | '\u{034f}'                // combining grapheme joiner
            | '\u{0600}'..='\u{0605}'   // Arabic prepended marks
            | '\u{06dd}'
            | '\u{070f}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08e2}'
            | '\u{115f}'..='\u{1160}'   // Hangul fillers
            | '\u{17b4}'..='\u{17b5}'   // Khmer inherent vowels
            | '\u{180e}'                // Mongolian vowel separator
            | '\u{200b}'..='\u{200d}'   // zero-width space, non-joiner, joiner
            | '\u{2060}'..='\u{2065}'   // word joiner, invisible operators
            | '\u{206a}'..='\u{206f}'   // deprecated format characters
            | '\u{3164}'                // Hangul filler
            | '\u{feff}'                // zero-width no-break space / BOM
            | '\u{ffa0}'                // halfwidth Hangul filler
            | '\u{fff9}'..='\u{fffb}'   // interlinear annotation
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}' // Egyptian hieroglyph format controls
            | '\u{1bca0}'..='\u{1bca3}' // shorthand format controls
            | '\u{1d173}'..='\u{1d17a}' // musical symbol format controls
            | '\u{e0000}'..='\u{e007f}' // tag characters ("ASCII smuggling")
    )
}

fn is_variation_selector(c: char) -> bool {
    matches!(
        c,
        '\u{180b}'..='\u{180d}' | '\u{180f}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_text_is_kept() {
        for c in [
            'a', ' ', '~', 'é', '漢', '🙂', '\u{301}', '…', 'ß', '\u{a0}',
        ] {
            assert_eq!(classify(c), Treat::Keep, "{c:?}");
        }
    }

    #[test]
    fn every_c0_c1_and_del_is_escaped_except_breaks() {
        for u in (0u32..0x20).chain(0x7f..0xa0) {
            let c = char::from_u32(u).unwrap();
            let want = if c == '\n' || c == '\t' {
                Treat::Space
            } else {
                Treat::Escape
            };
            assert_eq!(classify(c), want, "U+{u:04X}");
        }
    }

    #[test]
    fn bidi_and_invisible_characters_are_escaped() {
        for c in [
            '\u{202a}',
            '\u{202b}',
            '\u{202c}',
            '\u{202d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200e}',
            '\u{200f}',
            '\u{061c}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{00ad}',
            '\u{e0041}',
        ] {
            assert_eq!(classify(c), Treat::Escape, "{c:?}");
        }
    }

    #[test]
    fn variation_selectors_are_dropped() {
        for c in ['\u{fe0e}', '\u{fe0f}', '\u{e0100}'] {
            assert_eq!(classify(c), Treat::Drop, "{c:?}");
        }
    }
}
