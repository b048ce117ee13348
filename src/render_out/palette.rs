//! Terminal colours as fixed hex values (a dark theme), and how a cell's
//! style resolves to what the SVG draws.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use std::fmt;

/// An sRGB colour, printed as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hex(u8, u8, u8);

impl fmt::Display for Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// What `Color::Reset` means: the dark theme's own foreground and background.
pub(super) const DEFAULT_FG: Hex = Hex(0xd0, 0xd4, 0xdc);
pub(super) const DEFAULT_BG: Hex = Hex(0x14, 0x16, 0x1b);

/// The canvas: what `Reset` foreground and background draw as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pair {
    pub(super) fg: Hex,
    pub(super) bg: Hex,
}

pub(super) const DEFAULT_PAIR: Pair = Pair {
    fg: DEFAULT_FG,
    bg: DEFAULT_BG,
};

impl Pair {
    /// A canvas of two colours (`Reset` in either keeps the default).
    pub(super) fn of(fg: Color, bg: Color) -> Pair {
        Pair {
            fg: resolve(fg).unwrap_or(DEFAULT_FG),
            bg: resolve(bg).unwrap_or(DEFAULT_BG),
        }
    }
}

/// The 16 ANSI colours, in index order (black, red, ..., white).
const ANSI: [Hex; 16] = [
    Hex(0x1c, 0x1e, 0x24), // black
    Hex(0xe0, 0x55, 0x5a), // red
    Hex(0x5f, 0xbf, 0x6a), // green
    Hex(0xd9, 0xb4, 0x4a), // yellow
    Hex(0x4f, 0x8f, 0xe0), // blue
    Hex(0xc0, 0x6f, 0xd6), // magenta
    Hex(0x4c, 0xb8, 0xc4), // cyan
    Hex(0xb4, 0xb9, 0xc2), // gray (ANSI white)
    Hex(0x5d, 0x63, 0x6e), // dark gray (bright black)
    Hex(0xff, 0x7b, 0x7f), // light red
    Hex(0x8e, 0xe0, 0x8f), // light green
    Hex(0xf2, 0xd6, 0x75), // light yellow
    Hex(0x7f, 0xb2, 0xff), // light blue
    Hex(0xe0, 0x9a, 0xf0), // light magenta
    Hex(0x7f, 0xdd, 0xe6), // light cyan
    Hex(0xf4, 0xf6, 0xf8), // white
];

/// The colour a terminal would show, or `None` for `Reset` (the default).
fn resolve(color: Color) -> Option<Hex> {
    let ansi = |i: usize| Some(ANSI[i]);
    match color {
        Color::Reset => None,
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => ansi(8),
        Color::LightRed => ansi(9),
        Color::LightGreen => ansi(10),
        Color::LightYellow => ansi(11),
        Color::LightBlue => ansi(12),
        Color::LightMagenta => ansi(13),
        Color::LightCyan => ansi(14),
        Color::White => ansi(15),
        Color::Rgb(r, g, b) => Some(Hex(r, g, b)),
        Color::Indexed(i) => Some(indexed(i)),
    }
}

/// xterm's 256-colour table: 16 ANSI, a 6x6x6 cube, 24 greys.
fn indexed(i: u8) -> Hex {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match i {
        0..=15 => ANSI[usize::from(i)],
        16..=231 => {
            let n = i - 16;
            Hex(
                LEVELS[usize::from(n / 36)],
                LEVELS[usize::from(n / 6 % 6)],
                LEVELS[usize::from(n % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            Hex(v, v, v)
        }
    }
}

/// How one cell is drawn, after reversal and colour choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Look {
    pub(super) fg: Hex,
    /// `None`: the default background (no rectangle is drawn).
    pub(super) bg: Option<Hex>,
    pub(super) bold: bool,
    pub(super) dim: bool,
    pub(super) italic: bool,
    pub(super) underline: bool,
    pub(super) strike: bool,
    pub(super) hidden: bool,
}

impl Look {
    /// With `no_color`, only the default foreground and background are used
    /// (reversed cells swap the two, so a selection stays visible).
    #[cfg(test)]
    pub(super) fn of(cell: &Cell, no_color: bool) -> Look {
        Look::on(cell, no_color, DEFAULT_PAIR)
    }

    /// [`Look::of`] on the canvas `pair`.
    pub(super) fn on(cell: &Cell, no_color: bool, pair: Pair) -> Look {
        let m = cell.modifier;
        let (fg, bg) = if no_color {
            (None, None)
        } else {
            (resolve(cell.fg), resolve(cell.bg))
        };
        let (fg, bg) = if m.contains(Modifier::REVERSED) {
            (bg.unwrap_or(pair.bg), Some(fg.unwrap_or(pair.fg)))
        } else {
            (fg.unwrap_or(pair.fg), bg)
        };
        Look {
            fg,
            bg,
            bold: m.contains(Modifier::BOLD),
            dim: m.contains(Modifier::DIM),
            italic: m.contains(Modifier::ITALIC),
            underline: m.contains(Modifier::UNDERLINED),
            strike: m.contains(Modifier::CROSSED_OUT),
            hidden: m.contains(Modifier::HIDDEN),
        }
    }

    /// True when blank cells in this look draw nothing but their background.
    pub(super) fn blank_is_invisible(&self) -> bool {
        !self.underline && !self.strike
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_colours_follow_the_xterm_table() {
        assert_eq!(indexed(1), ANSI[1]);
        assert_eq!(indexed(16).to_string(), "#000000");
        assert_eq!(indexed(196).to_string(), "#ff0000");
        assert_eq!(indexed(231).to_string(), "#ffffff");
        assert_eq!(indexed(232).to_string(), "#080808");
        assert_eq!(indexed(255).to_string(), "#eeeeee");
        assert_eq!(
            resolve(Color::Rgb(1, 2, 255)).map(|h| h.to_string()),
            Some("#0102ff".into())
        );
        assert_eq!(resolve(Color::Reset), None);
    }

    #[test]
    fn reversed_swaps_with_defaults_and_no_color_keeps_only_defaults() {
        let mut cell = Cell::new("x");
        cell.fg = Color::Red;
        cell.bg = Color::Blue;
        let look = Look::of(&cell, false);
        assert_eq!((look.fg, look.bg), (ANSI[1], Some(ANSI[4])));
        let plain = Look::of(&cell, true);
        assert_eq!((plain.fg, plain.bg), (DEFAULT_FG, None));

        cell.modifier = Modifier::REVERSED;
        let look = Look::of(&cell, false);
        assert_eq!((look.fg, look.bg), (ANSI[4], Some(ANSI[1])));
        let plain = Look::of(&cell, true);
        assert_eq!((plain.fg, plain.bg), (DEFAULT_BG, Some(DEFAULT_FG)));

        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
        let look = Look::of(&cell, false);
        assert_eq!((look.fg, look.bg), (DEFAULT_BG, Some(DEFAULT_FG)));
    }
}
