//! A one-line text editor for the `/` and `:` prompts.

use super::key::Key;
use crossterm::event::{KeyCode, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
}

/// Longest accepted input, in characters (a paste cannot grow it further).
const MAX_CHARS: usize = 4096;

impl LineInput {
    pub fn new(text: &str) -> LineInput {
        let mut l = LineInput::default();
        l.set(text);
        l
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        self.text = text
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_CHARS)
            .collect();
        self.cursor = self.text.chars().count();
    }

    fn byte_at(&self, char_idx: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_idx)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars().filter(|c| !c.is_control()) {
            if self.text.chars().count() >= MAX_CHARS {
                break;
            }
            let at = self.byte_at(self.cursor);
            self.text.insert(at, c);
            self.cursor += 1;
        }
    }

    /// Applies an editing key; returns false when the key is not an edit.
    pub fn handle(&mut self, key: Key) -> bool {
        let ctrl = key.mods.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('w') if ctrl => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let (a, b) = (self.byte_at(start), self.byte_at(self.cursor));
                self.text.replace_range(a..b, "");
                self.cursor = start;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.chars().count(),
            KeyCode::Char(c) if !ctrl && !key.mods.contains(KeyModifiers::ALT) => {
                self.insert_str(&c.to_string())
            }
            KeyCode::Backspace => {
                if self.cursor > 0 {
                    let at = self.byte_at(self.cursor - 1);
                    self.text.remove(at);
                    self.cursor -= 1;
                }
            }
            KeyCode::Delete => {
                if self.cursor < self.text.chars().count() {
                    let at = self.byte_at(self.cursor);
                    self.text.remove(at);
                }
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_in_the_middle_with_multibyte_text() {
        let mut l = LineInput::new("sév>=high");
        l.handle(Key::plain(KeyCode::Home));
        l.handle(Key::plain(KeyCode::Right));
        l.handle(Key::plain(KeyCode::Right));
        l.handle(Key::plain(KeyCode::Backspace));
        assert_eq!(l.text(), "sv>=high");
        l.insert_str("e");
        assert_eq!(l.text(), "sev>=high");
        l.handle(Key::plain(KeyCode::End));
        l.insert_str(" source:gd");
        l.handle(Key::ctrl('w'));
        assert_eq!(l.text(), "sev>=high ");
        l.handle(Key::ctrl('u'));
        assert_eq!(l.text(), "");
        assert!(!l.handle(Key::plain(KeyCode::Enter)));
    }

    #[test]
    fn control_characters_never_enter_the_line() {
        let mut l = LineInput::default();
        l.insert_str("a\u{1b}[2Jb\nc");
        assert_eq!(l.text(), "a[2Jbc");
    }
}
