use super::*;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

fn buffer(w: u16, h: u16) -> Buffer {
    Buffer::empty(Rect::new(0, 0, w, h))
}

/// A small screen with every kind of style the SVG must carry.
fn styled() -> Buffer {
    let mut buf = buffer(24, 5);
    buf.set_string(
        0,
        0,
        "rampart",
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    );
    buf.set_string(
        8,
        0,
        "READ-ONLY",
        Style::new().fg(Color::Black).bg(Color::Yellow),
    );
    buf.set_string(0, 1, "C", Style::new().fg(Color::White).bg(Color::Red));
    buf.set_string(
        2,
        1,
        "漢字 title",
        Style::new().fg(Color::Rgb(0x12, 0x34, 0x56)),
    );
    buf.set_string(
        0,
        2,
        " selected row      ",
        Style::new().add_modifier(Modifier::REVERSED),
    );
    buf.set_string(
        0,
        3,
        "italic",
        Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
    );
    buf.set_string(
        7,
        3,
        "dim",
        Style::new()
            .fg(Color::Indexed(245))
            .add_modifier(Modifier::DIM),
    );
    buf.set_string(11, 3, "gone", Style::new().add_modifier(Modifier::HIDDEN));
    buf.set_string(16, 3, "x", Style::new().add_modifier(Modifier::CROSSED_OUT));
    buf.set_string(0, 4, "<b>&\"'</b>", Style::new().fg(Color::LightRed));
    buf
}

#[test]
fn text_is_one_trimmed_line_per_row_with_wide_characters_once() {
    let out = buffer_to_text(&styled());
    assert_eq!(
        out,
        "rampart READ-ONLY\nC 漢字 title\n selected row\nitalic dim      x\n<b>&\"'</b>\n"
    );
    assert_eq!(buffer_to_text(&buffer(0, 0)), "");
    assert_eq!(buffer_to_text(&buffer(3, 2)), "\n\n");
}

#[test]
fn a_wide_character_in_the_last_column_does_not_overflow() {
    let mut buf = buffer(3, 1);
    buf.set_string(0, 0, "ab", Style::new());
    buf[(2, 0)].set_symbol("漢");
    assert_eq!(buffer_to_text(&buf), "ab漢\n");
    let svg = buffer_to_svg(&buf, false);
    assert!(svg.contains(r#"textLength="25.2""#), "{svg}");
}

#[test]
fn control_characters_in_cells_never_reach_the_output() {
    let mut buf = buffer(6, 1);
    buf[(0, 0)].set_symbol("\x1b");
    buf[(1, 0)].set_symbol("\u{9b}");
    buf[(2, 0)].set_symbol("a\u{202e}");
    buf[(3, 0)].set_symbol("\x07");
    buf[(4, 0)].set_symbol("");
    buf[(5, 0)].set_symbol("z");
    let text = buffer_to_text(&buf);
    assert_eq!(text, "\u{fffd}\u{fffd}a\u{fffd} z\n");
    let svg = buffer_to_svg(&buf, false);
    assert!(!svg.chars().any(|c| c.is_control() && c != '\n'), "{svg:?}");
    assert!(!svg.contains('\u{202e}'));
}

#[test]
fn svg_snapshot() {
    insta::assert_snapshot!(buffer_to_svg(&styled(), false));
}

#[test]
fn svg_snapshot_without_colour() {
    let svg = buffer_to_svg(&styled(), true);
    insta::assert_snapshot!(svg);
}

#[test]
fn no_color_uses_only_the_default_pair() {
    let svg = buffer_to_svg(&styled(), true);
    let mut fills: Vec<&str> = svg
        .split("fill=\"")
        .skip(1)
        .filter_map(|rest| rest.get(..7))
        .collect();
    fills.sort_unstable();
    fills.dedup();
    assert_eq!(fills, ["#14161b", "#d0d4dc"]);
}

#[test]
fn hostile_text_is_xml_escaped() {
    let mut buf = buffer(40, 1);
    buf.set_string(
        0,
        0,
        "</text><script>alert('x')</script>&amp;",
        Style::new(),
    );
    let svg = buffer_to_svg(&buf, false);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(
        svg.contains("&lt;/text&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&amp;amp;")
    );
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
}

#[test]
fn one_text_element_per_styled_run() {
    let mut buf = buffer(30, 1);
    buf.set_string(0, 0, "hello world", Style::new().fg(Color::Green));
    buf.set_string(11, 0, " again", Style::new().fg(Color::Blue));
    let svg = buffer_to_svg(&buf, false);
    assert_eq!(svg.matches("<text").count(), 2, "{svg}");
    assert!(svg.contains(r#"xml:space="preserve">hello world</text>"#));
    // the blue run starts after its leading blank
    assert!(
        svg.contains(r#"<text x="100.8" y="13" textLength="42""#),
        "{svg}"
    );
}

#[test]
fn size_follows_the_buffer_and_output_is_deterministic() {
    let buf = styled();
    let svg = buffer_to_svg(&buf, false);
    assert!(svg.starts_with(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="201.6" height="85" viewBox="0 0 201.6 85">"#
    ));
    assert_eq!(svg, buffer_to_svg(&buf, false));
    let empty = buffer_to_svg(&buffer(0, 0), false);
    assert!(empty.contains(r#"width="0" height="0""#));
}
