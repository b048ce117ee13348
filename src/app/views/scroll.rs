//! A scroll position over a document of lines; the renderer reports the
//! page height and the line count, so `update` can page without a terminal.

use std::cell::Cell;

#[derive(Debug)]
pub struct Scroll {
    pub offset: usize,
    page: Cell<usize>,
    /// Unbounded until the first frame says how long the document is.
    max: Cell<usize>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: 0,
            page: Cell::new(0),
            max: Cell::new(usize::MAX),
        }
    }
}

impl Scroll {
    /// Rows per page as last rendered (10 before the first frame).
    pub fn page(&self) -> usize {
        match self.page.get() {
            0 => 10,
            n => n,
        }
    }

    /// Called by the renderer: `page` rows shown of `total`.
    pub fn set_geometry(&self, page: usize, total: usize) {
        self.page.set(page);
        self.max.set(total.saturating_sub(page));
    }

    /// The first row to draw (clamped to the last page).
    pub fn first(&self) -> usize {
        self.offset.min(self.max.get())
    }

    pub fn scroll_by(&mut self, delta: isize) {
        let from = self.first();
        let to = if delta < 0 {
            from.saturating_sub(delta.unsigned_abs())
        } else {
            from.saturating_add(delta.unsigned_abs())
        };
        self.offset = to.min(self.max.get());
    }

    pub fn to_end(&mut self) {
        self.offset = self.max.get();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stays_within_the_document() {
        let mut s = Scroll::default();
        s.scroll_by(3);
        assert_eq!(s.first(), 3, "before the first frame");
        s.set_geometry(10, 25);
        s.scroll_by(100);
        assert_eq!(s.first(), 15);
        s.scroll_by(-4);
        assert_eq!(s.first(), 11);
        s.scroll_by(-100);
        assert_eq!(s.first(), 0);
        s.to_end();
        assert_eq!(s.first(), 15);
        s.set_geometry(10, 5);
        assert_eq!(s.first(), 0);
    }
}
