//! Off-screen rendering output: a drawn ratatui buffer as plain text or as
//! a self-contained SVG (what `rampart render` prints and `screenshots/`
//! holds).
//!
//! Both read the buffer as glyphs: a wide symbol is printed once and the
//! cell it covers is skipped. Any control, bidi or invisible character that
//! reached a cell is removed on the way out (a symbol made only of them
//! prints as U+FFFD), so neither output can carry an escape sequence.

mod grid;
mod palette;
mod svg;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The buffer as text: one line per row, each ending in `\n`, trailing
/// spaces trimmed, wide characters once; hidden cells print as spaces.
pub fn buffer_to_text(buf: &Buffer) -> String {
    let mut out =
        String::with_capacity((usize::from(buf.area.width) + 1) * usize::from(buf.area.height));
    for y in 0..buf.area.height {
        let start = out.len();
        for glyph in grid::row(buf, y) {
            if glyph.cell.modifier.contains(Modifier::HIDDEN) {
                out.extend(std::iter::repeat_n(' ', usize::from(glyph.width)));
            } else {
                out.push_str(&glyph.symbol);
            }
        }
        let kept = out[start..].trim_end_matches(' ').len();
        out.truncate(start + kept);
        out.push('\n');
    }
    out
}

/// The buffer as a self-contained SVG: 8.4 x 17 px per cell, a monospace
/// font list, the dark theme's colours for named and indexed colours, and
/// `Reset` as its default foreground/background. With `no_color`, only the
/// default foreground and background are used (reversed cells swap them).
/// The output depends only on the buffer, so it can be compared byte for
/// byte.
pub fn buffer_to_svg(buf: &Buffer, no_color: bool) -> String {
    svg::render(buf, no_color, palette::DEFAULT_PAIR)
}

/// The canvas an SVG is drawn on: what the terminal's default foreground
/// and background (`Reset`) look like, e.g. a light theme's paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canvas {
    pub fg: ratatui::style::Color,
    pub bg: ratatui::style::Color,
}

/// [`buffer_to_svg`] on `canvas` (`None`: the dark default).
pub fn buffer_to_svg_on(buf: &Buffer, no_color: bool, canvas: Option<Canvas>) -> String {
    let pair = canvas
        .map(|c| palette::Pair::of(c.fg, c.bg))
        .unwrap_or(palette::DEFAULT_PAIR);
    svg::render(buf, no_color, pair)
}
