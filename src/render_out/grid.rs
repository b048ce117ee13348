//! Reads a buffer row by row as drawn glyphs: a wide symbol once, with the
//! cells it covers skipped, and nothing unsafe in any symbol.

use crate::text;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use std::borrow::Cow;

/// One drawn symbol and the columns it takes.
pub(super) struct Glyph<'a> {
    /// 0-based column within the buffer.
    pub(super) col: u16,
    /// Columns taken (at least 1).
    pub(super) width: u16,
    /// What to print: the symbol, cleaned, padded with spaces to `width`
    /// when cleaning made it narrower.
    pub(super) symbol: Cow<'a, str>,
    pub(super) cell: &'a Cell,
}

impl Glyph<'_> {
    pub(super) fn is_blank(&self) -> bool {
        self.symbol.chars().all(|c| c == ' ')
    }
}

/// The glyphs of row `y` (0-based, relative to the buffer's area).
pub(super) fn row(buf: &Buffer, y: u16) -> Vec<Glyph<'_>> {
    let width = usize::from(buf.area.width);
    let start = usize::from(y) * width;
    let Some(cells) = buf.content.get(start..start + width) else {
        return Vec::new();
    };
    let mut glyphs = Vec::with_capacity(width);
    let mut x = 0;
    while x < width {
        let cell = &cells[x];
        let symbol = clean(cell.symbol());
        let natural = text::display_width(&symbol).max(1);
        let wanted = match cell.diff_option {
            CellDiffOption::ForcedWidth(w) => usize::from(w.get()),
            _ => natural,
        };
        let taken = wanted.min(width - x);
        let symbol = if natural < taken {
            Cow::Owned(format!("{symbol}{}", " ".repeat(taken - natural)))
        } else {
            symbol
        };
        glyphs.push(Glyph {
            col: x as u16,
            width: taken as u16,
            symbol,
            cell,
        });
        x += taken;
    }
    glyphs
}

/// A symbol as it may be printed: characters the sanitiser would change
/// are removed; a symbol made only of them shows as U+FFFD; an empty
/// symbol is a space.
fn clean(symbol: &str) -> Cow<'_, str> {
    if symbol.is_empty() {
        return Cow::Borrowed(" ");
    }
    if symbol.chars().all(text::is_safe_char) {
        return Cow::Borrowed(symbol);
    }
    let kept: String = symbol.chars().filter(|&c| text::is_safe_char(c)).collect();
    if text::display_width(&kept) == 0 {
        Cow::Borrowed("\u{fffd}")
    } else {
        Cow::Owned(kept)
    }
}
