//! Overlays above the focused view: help, the `/` and `:` prompts and
//! messages. An open overlay gets keys first.

use crate::input::LineInput;
use crate::model::AttestationStatus;
use std::cell::Cell;

pub enum Overlay {
    Help(HelpOverlay),
    Filter(FilterPrompt),
    Command(CommandPrompt),
    Message(Message),
    Attest(AttestPrompt),
}

/// `a` on an Essential Eight requirement: a status and a note, written to
/// the local attestations file on Enter.
pub struct AttestPrompt {
    pub requirement_id: String,
    pub requirement_text: String,
    pub status: AttestationStatus,
    pub note: LineInput,
}

/// The statuses the prompt cycles through, in order.
pub const ATTEST_STATUSES: [AttestationStatus; 4] = [
    AttestationStatus::Met,
    AttestationStatus::Partial,
    AttestationStatus::NotMet,
    AttestationStatus::NotApplicable,
];

/// The `/` prompt. The filter in force changes only when Enter accepts
/// input that parses; until then (and after Esc) the old filter stays.
pub struct FilterPrompt {
    pub input: LineInput,
    /// Parse error of the current input: 0-based column and message.
    pub error: Option<(usize, String)>,
}

#[derive(Default)]
pub struct CommandPrompt {
    pub input: LineInput,
    /// Completion candidates for the current input.
    pub candidates: Vec<String>,
    /// Index into `candidates` while Tab cycles.
    pub cycle: Option<usize>,
}

pub struct Message {
    pub title: String,
    pub body: String,
    /// What `y` copies from this message.
    pub copy: Option<String>,
}

/// The `?` overlay; the renderer reports how far it can scroll.
#[derive(Debug, Default)]
pub struct HelpOverlay {
    pub scroll: usize,
    max: Cell<usize>,
}

impl HelpOverlay {
    pub fn set_max_scroll(&self, max: usize) {
        self.max.set(max);
    }

    pub fn scroll_by(&mut self, delta: isize) {
        let s = if delta < 0 {
            self.scroll.saturating_sub(delta.unsigned_abs())
        } else {
            self.scroll.saturating_add(delta.unsigned_abs())
        };
        self.scroll = s.min(self.max.get());
    }
}
