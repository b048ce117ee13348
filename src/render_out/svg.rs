//! The SVG writer: a monospace grid of 8.4 x 17 px cells, background
//! rectangles for runs of a non-default background, one `<text>` per run of
//! same-styled cells (split where the run changes between narrow and wide
//! glyphs). Each `<text>` has a `textLength` of its columns, so the grid
//! holds whatever the font's exact advance is.

use super::grid::{self, Glyph};
use super::palette::{Hex, Look, Pair};
use ratatui::buffer::Buffer;
use std::fmt::Write as _;

/// Cell width in tenths of a pixel (8.4 px), and height in pixels.
const CELL_W_TENTHS: u32 = 84;
const CELL_H: u32 = 17;
/// The text baseline, from the top of a row.
const BASELINE: u32 = 13;
const FONT_SIZE: u32 = 14;
const FONT_FAMILY: &str = "'JetBrains Mono', 'Cascadia Mono', 'Fira Mono', 'DejaVu Sans Mono', \
                           Menlo, Consolas, 'Liberation Mono', monospace";

pub(super) fn render(buf: &Buffer, no_color: bool, pair: Pair) -> String {
    let cols = u32::from(buf.area.width);
    let rows = u32::from(buf.area.height);
    let width = px(cols * CELL_W_TENTHS);
    let height = rows * CELL_H;
    let grid: Vec<Vec<(Glyph<'_>, Look)>> = (0..buf.area.height)
        .map(|y| {
            grid::row(buf, y)
                .into_iter()
                .map(|g| {
                    let look = Look::on(g.cell, no_color, pair);
                    (g, look)
                })
                .collect()
        })
        .collect();

    let mut out = String::with_capacity(256 + (cols * rows) as usize * 4);
    // Writing to a String cannot fail, so the results are ignored.
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" fill="{}"/>"#,
        pair.bg
    );
    out.push_str("<g shape-rendering=\"crispEdges\">\n");
    for (y, row) in grid.iter().enumerate() {
        backgrounds(&mut out, y as u32, row);
    }
    out.push_str("</g>\n");
    let _ = writeln!(
        out,
        r#"<g font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}" fill="{}">"#,
        pair.fg
    );
    for (y, row) in grid.iter().enumerate() {
        texts(&mut out, y as u32, row, pair.fg);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// One rectangle per run of glyphs sharing a non-default background.
fn backgrounds(out: &mut String, y: u32, row: &[(Glyph<'_>, Look)]) {
    for run in row.chunk_by(|a, b| a.1.bg == b.1.bg) {
        let (Some((first, look)), Some((last, _))) = (run.first(), run.last()) else {
            continue;
        };
        let Some(bg) = look.bg else {
            continue;
        };
        let x = u32::from(first.col);
        let w = u32::from(last.col) + u32::from(last.width) - x;
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{CELL_H}" fill="{bg}"/>"#,
            px(x * CELL_W_TENTHS),
            y * CELL_H,
            px(w * CELL_W_TENTHS),
        );
    }
}

/// One `<text>` per run of same-styled glyphs, without the blank cells at
/// its ends when blanks draw nothing.
fn texts(out: &mut String, y: u32, row: &[(Glyph<'_>, Look)], fg: Hex) {
    for run in row.chunk_by(|a, b| a.1 == b.1) {
        let Some((_, look)) = run.first() else {
            continue;
        };
        if look.hidden {
            continue;
        }
        let run = if look.blank_is_invisible() {
            trim_blanks(run)
        } else {
            run
        };
        // Wide glyphs get text elements of their own, so a fallback font's
        // advance for them cannot shift the narrow text after them.
        for part in run.chunk_by(|a, b| (a.0.width > 1) == (b.0.width > 1)) {
            text_element(out, y, part, look, fg);
        }
    }
}

fn text_element(out: &mut String, y: u32, part: &[(Glyph<'_>, Look)], look: &Look, fg: Hex) {
    let (Some((first, _)), Some((last, _))) = (part.first(), part.last()) else {
        return;
    };
    let x = u32::from(first.col);
    let w = u32::from(last.col) + u32::from(last.width) - x;
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" textLength="{}""#,
        px(x * CELL_W_TENTHS),
        y * CELL_H + BASELINE,
        px(w * CELL_W_TENTHS),
    );
    style_attributes(out, look, fg);
    out.push_str(r#" xml:space="preserve">"#);
    for (glyph, _) in part {
        escape_into(out, &glyph.symbol);
    }
    out.push_str("</text>\n");
}

fn trim_blanks<'r, 'a>(run: &'r [(Glyph<'a>, Look)]) -> &'r [(Glyph<'a>, Look)] {
    let start = run.iter().position(|(g, _)| !g.is_blank());
    let end = run.iter().rposition(|(g, _)| !g.is_blank());
    match (start, end) {
        (Some(s), Some(e)) => &run[s..=e],
        _ => &[],
    }
}

fn style_attributes(out: &mut String, look: &Look, default_fg: Hex) {
    if look.fg != default_fg {
        let _ = write!(out, r#" fill="{}""#, look.fg);
    }
    if look.bold {
        out.push_str(r#" font-weight="bold""#);
    }
    if look.italic {
        out.push_str(r#" font-style="italic""#);
    }
    match (look.underline, look.strike) {
        (true, true) => out.push_str(r#" text-decoration="underline line-through""#),
        (true, false) => out.push_str(r#" text-decoration="underline""#),
        (false, true) => out.push_str(r#" text-decoration="line-through""#),
        (false, false) => {}
    }
    if look.dim {
        out.push_str(r#" fill-opacity="0.6""#);
    }
}

/// XML-escapes text; characters XML 1.0 cannot hold become U+FFFD.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Tenths of a pixel as a decimal without a trailing `.0`.
fn px(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_print_without_float_noise() {
        assert_eq!(px(0), "0");
        assert_eq!(px(3 * CELL_W_TENTHS), "25.2");
        assert_eq!(px(80 * CELL_W_TENTHS), "672");
    }

    #[test]
    fn escaping_covers_markup_and_invalid_xml() {
        let mut out = String::new();
        escape_into(&mut out, "<a href=\"x\">&'\u{1b}\u{ffff}</a>");
        assert_eq!(
            out,
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{fffd}\u{fffd}&lt;/a&gt;"
        );
    }
}
