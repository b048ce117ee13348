//! A selection in a list with a scroll window. The renderer tells the cursor
//! how many rows fit (`page`) and keeps the window (`offset`) around the
//! selection, so `update` can page without knowing the terminal size.

use std::cell::Cell;

#[derive(Debug, Clone, Default)]
pub struct ListCursor {
    pub selected: usize,
    offset: Cell<usize>,
    page: Cell<usize>,
}

impl ListCursor {
    /// Rows per page as last rendered (10 before the first frame).
    pub fn page(&self) -> usize {
        match self.page.get() {
            0 => 10,
            n => n,
        }
    }

    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize, len: usize) {
        let target = if delta < 0 {
            self.selected.saturating_sub(delta.unsigned_abs())
        } else {
            self.selected.saturating_add(delta.unsigned_abs())
        };
        self.selected = target.min(len.saturating_sub(1));
    }

    pub fn page_down(&mut self, len: usize) {
        self.move_by(self.page() as isize, len);
    }

    pub fn page_up(&mut self, len: usize) {
        self.move_by(-(self.page() as isize), len);
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self, len: usize) {
        self.selected = len.saturating_sub(1);
    }

    /// The rows to draw for a list of `len` rows in `height` lines: keeps
    /// the selection visible and remembers the window. Returns `start..end`.
    pub fn window(&self, len: usize, height: usize) -> std::ops::Range<usize> {
        self.page.set(height);
        if height == 0 || len == 0 {
            self.offset.set(0);
            return 0..0;
        }
        let selected = self.selected.min(len - 1);
        let mut offset = self.offset.get().min(len.saturating_sub(height));
        if selected < offset {
            offset = selected;
        } else if selected >= offset + height {
            offset = selected + 1 - height;
        }
        self.offset.set(offset);
        offset..(offset + height).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_the_selection_both_ways() {
        let mut c = ListCursor::default();
        assert_eq!(c.window(100, 10), 0..10);
        c.move_by(15, 100);
        assert_eq!(c.window(100, 10), 6..16);
        c.move_by(-3, 100);
        assert_eq!(c.window(100, 10), 6..16);
        c.move_by(-10, 100);
        assert_eq!(c.window(100, 10), 2..12);
        c.bottom(100);
        assert_eq!(c.window(100, 10), 90..100);
        c.page_up(100);
        assert_eq!(c.selected, 89);
        assert_eq!(c.window(5, 10), 0..5);
        assert_eq!(c.window(0, 10), 0..0);
        assert_eq!(c.window(10, 0), 0..0);
    }

    #[test]
    fn moves_clamp_to_the_list() {
        let mut c = ListCursor::default();
        c.move_by(-5, 3);
        assert_eq!(c.selected, 0);
        c.move_by(50, 3);
        assert_eq!(c.selected, 2);
        c.move_by(1, 0);
        assert_eq!(c.selected, 0);
    }
}
