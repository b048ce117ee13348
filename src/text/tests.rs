use super::*;

/// True when `s` holds nothing a terminal could act on or hide.
fn is_inert(s: &str) -> bool {
    s.chars().all(|c| {
        !c.is_control()
            && !class::is_bidi_control(c)
            && !matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' | '\u{fe0f}'
            )
    })
}

fn hostile() -> Vec<String> {
    let mut v: Vec<String> = [
        "plain title",
        "\x1b[2J\x1b[Hcleared the screen",
        "\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07 wrote the clipboard",
        "\x1b]8;;https://evil.example/\x1b\\innocent link\x1b]8;;\x1b\\",
        "bell\x07\x07 and backspace\x08\x08xx",
        "harmless\roverwritten",
        "NUL\0DEL\x7f",
        "rtl \u{202e}gnp.exe\u{202c} and \u{2067}isolate\u{2069}",
        "\u{9b}31mC1 CSI \u{9d}0;title\u{9c} NEL\u{85}",
        "zero\u{200b}width\u{200d}join\u{feff}bom soft\u{ad}hyphen \u{e0041}\u{e0042}",
        "漢字テキストのタイトル",
        "emoji 🙂👍🏽👨\u{200d}👩\u{200d}👧 ❤\u{fe0f} ☺\u{fe0e}",
        "zalgo e\u{301}\u{302}\u{303}\u{304}\u{305}",
        "\u{301}leading combining mark",
        "tabs\tand\nnew\r\nlines\u{2028}",
        "ｶﾞｷﾞ halfwidth katakana",
        "لا Arabic lam-alef",
        "\u{17d8} Khmer beyyal",
        "\u{115f}\u{3164} Hangul fillers",
        "x\u{0d4e}prepend",
        "a",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("A".repeat(100_000));
    v.push("\x1b".repeat(50_000));
    v.push("漢".repeat(40_000));
    v.push("e\u{301}".repeat(30_000));
    v
}

#[test]
fn clean_text_is_borrowed() {
    for s in ["hello", "Grüße 漢字 🙂", "e\u{301}", "", "a b ~"] {
        assert!(matches!(sanitize(s), Cow::Borrowed(_)), "{s:?}");
    }
}

#[test]
fn breaks_become_spaces() {
    assert_eq!(sanitize("a\nb\tc"), "a b c");
    assert_eq!(sanitize("line\r\nnext"), "line next");
    assert_eq!(sanitize("para\u{2028}graph\u{2029}"), "para graph ");
}

#[test]
fn c0_controls_and_del_are_escaped_visibly() {
    assert_eq!(sanitize("a\x1bb"), "a\\x1bb");
    assert_eq!(sanitize("\0"), "\\x00");
    assert_eq!(sanitize("ding\x07"), "ding\\x07");
    assert_eq!(sanitize("x\x08y"), "x\\x08y");
    assert_eq!(sanitize("over\rwrite"), "over\\x0dwrite");
    assert_eq!(sanitize("\r"), "\\x0d");
    assert_eq!(sanitize("del\x7f"), "del\\x7f");
    assert_eq!(sanitize("\x0b\x0c"), "\\x0b\\x0c");
}

#[test]
fn escape_sequences_are_visible_and_inert() {
    assert_eq!(sanitize("\x1b[2J"), "\\x1b[2J");
    assert_eq!(
        sanitize("\x1b]52;c;ZXZpbA==\x07"),
        "\\x1b]52;c;ZXZpbA==\\x07"
    );
    assert_eq!(
        sanitize("\x1b]8;;https://e.example\x1b\\txt\x1b]8;;\x1b\\"),
        "\\x1b]8;;https://e.example\\x1b\\txt\\x1b]8;;\\x1b\\"
    );
    for s in hostile() {
        let clean = sanitize(&s);
        assert!(!clean.contains('\x1b'), "{s:?}");
        assert!(is_inert(&clean), "{clean:?}");
    }
}

#[test]
fn c1_controls_are_escaped() {
    assert_eq!(sanitize("\u{9b}31m"), "\\x9b31m");
    assert_eq!(sanitize("\u{9d}0;t\u{9c}"), "\\x9d0;t\\x9c");
    assert_eq!(sanitize("\u{80}\u{85}\u{9f}"), "\\x80\\x85\\x9f");
    // U+00A0 is printable (a no-break space)
    assert!(matches!(sanitize("\u{a0}"), Cow::Borrowed(_)));
}

#[test]
fn bidi_controls_are_escaped() {
    assert_eq!(sanitize("abc\u{202e}fed"), "abc\\u{202e}fed");
    assert_eq!(
        sanitize("\u{2066}\u{2067}\u{2068}\u{2069}"),
        "\\u{2066}\\u{2067}\\u{2068}\\u{2069}"
    );
    assert_eq!(
        sanitize("\u{200e}\u{200f}\u{61c}"),
        "\\u{200e}\\u{200f}\\u{061c}"
    );
    assert_eq!(
        sanitize("\u{202a}\u{202b}\u{202c}\u{202d}"),
        "\\u{202a}\\u{202b}\\u{202c}\\u{202d}"
    );
}

#[test]
fn invisible_format_characters_are_escaped() {
    assert_eq!(sanitize("a\u{200b}b"), "a\\u{200b}b");
    assert_eq!(sanitize("a\u{200c}\u{200d}b"), "a\\u{200c}\\u{200d}b");
    assert_eq!(sanitize("\u{2060}\u{feff}"), "\\u{2060}\\u{feff}");
    assert_eq!(sanitize("soft\u{ad}hyphen"), "soft\\xadhyphen");
    assert_eq!(sanitize("\u{e0041}"), "\\u{e0041}");
}

#[test]
fn variation_selectors_are_dropped_and_marks_kept() {
    assert_eq!(sanitize("❤\u{fe0f}"), "❤");
    assert_eq!(sanitize("☺\u{fe0e}x"), "☺x");
    assert_eq!(sanitize("e\u{301}"), "e\u{301}");
    assert_eq!(display_width("e\u{301}"), 1);
    assert_eq!(display_width("漢字"), 4);
    assert_eq!(display_width("🙂"), 2);
}

#[test]
fn sanitize_line_cuts_to_width_with_an_ellipsis() {
    assert_eq!(sanitize_line("short", 10), "short");
    assert_eq!(sanitize_line("exactly10!", 10), "exactly10!");
    assert_eq!(sanitize_line("more than ten", 10), "more than…");
    assert_eq!(sanitize_line("a\nb", 10), "a b");
    assert_eq!(sanitize_line("\x1b[2J", 4), "\\x1…");
    assert_eq!(sanitize_line("漢字漢字", 5), "漢字…");
    assert_eq!(sanitize_line("anything", 0), "");
}

#[test]
fn pad_to_width_pads_or_cuts_exactly() {
    assert_eq!(pad_to_width("ab", 5), "ab   ");
    assert_eq!(pad_to_width("abcdef", 5), "abcd…");
    assert_eq!(pad_to_width("漢字", 5), "漢字 ");
    assert_eq!(pad_to_width("漢字漢", 5), "漢字…");
    assert_eq!(pad_to_width("漢字漢字", 5), "漢字…");
    assert_eq!(pad_to_width("漢字漢字", 4), "漢… ");
    assert_eq!(pad_to_width("x", 0), "");
}

#[test]
fn a_100kb_title_is_cut_not_processed() {
    let huge = format!("{}\x1b[2J", "A".repeat(100 * 1024));
    let line = sanitize_line(&huge, 80);
    assert_eq!(display_width(&line), 80);
    assert!(line.ends_with('…'));
    assert!(
        !line.contains('\\'),
        "the tail past the prefix is never read"
    );

    // Even a prefix of invisible marks that draws as nothing shows the cut.
    let marks = "\u{301}".repeat(100_000);
    assert_eq!(
        sanitize_line(&marks, 10),
        format!("{}…", "\u{301}".repeat(104))
    );

    // A 1 MB line is cut to the width asked for (the bounded prefix is
    // what keeps this cheap; timing belongs in benchmarks, not tests).
    let mb = "x".repeat(1 << 20);
    assert_eq!(display_width(&pad_to_width(&mb, 120)), 120);
}

#[test]
fn width_invariants_hold_for_hostile_and_wide_text() {
    for s in hostile() {
        for w in (0..=40).chain([79, 80, 200]) {
            let padded = pad_to_width(&s, w);
            assert_eq!(display_width(&padded), w, "{s:.40?} at {w}: {padded:?}");
            assert!(is_inert(&padded), "{padded:?}");
            let line = sanitize_line(&s, w);
            assert!(display_width(&line) <= w, "{line:?} wider than {w}");
            assert!(!line.contains('\n'));
        }
    }
}

#[test]
fn widths_agree_with_ratatui() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    for s in hostile() {
        let line = sanitize_line(&s, 300);
        let mut buf = Buffer::empty(Rect::new(0, 0, 400, 1));
        let (x, _) = buf.set_stringn(0, 0, &line, 400, Style::default());
        assert_eq!(usize::from(x), display_width(&line), "{line:?}");
    }
}

/// Random strings from every class of character, for the invariants.
#[test]
fn random_strings_keep_the_invariants() {
    const POOL: &[char] = &[
        'a',
        'Z',
        ' ',
        '~',
        '\\',
        '\x1b',
        '\x07',
        '\r',
        '\n',
        '\t',
        '\0',
        '\x7f',
        '\u{9b}',
        '\u{9d}',
        '\u{85}',
        '\u{202e}',
        '\u{2066}',
        '\u{200b}',
        '\u{200d}',
        '\u{feff}',
        '\u{ad}',
        '\u{fe0f}',
        '\u{301}',
        '\u{0d4e}',
        '漢',
        '🙂',
        '👍',
        '🏽',
        'ｶ',
        'ﾞ',
        'ل',
        'ا',
        '\u{17d8}',
        '\u{e0041}',
        '…',
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for _ in 0..3000 {
        let len = next(30);
        let s: String = (0..len).map(|_| POOL[next(POOL.len())]).collect();
        let w = next(25);
        let padded = pad_to_width(&s, w);
        assert_eq!(display_width(&padded), w, "{s:?} at {w}: {padded:?}");
        assert!(is_inert(&padded), "{padded:?}");
        assert!(is_inert(&sanitize(&s)));
    }
}
