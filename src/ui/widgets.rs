//! Small shared pieces: severity badges, section titles.

use super::draw::put;
use super::theme::{Role, Theme};
use crate::model::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Width of a severity badge.
pub const BADGE_W: u16 = 6;

/// A severity badge, legible without colour: a letter and a word.
pub fn badge_text(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "C CRIT",
        Severity::High => "H HIGH",
        Severity::Medium => "M MED ",
        Severity::Low => "L LOW ",
        Severity::Informational => "I INFO",
    }
}

/// Draws a badge at (x, y); returns its width.
pub fn severity_badge(buf: &mut Buffer, x: u16, y: u16, s: Severity, theme: &Theme) -> u16 {
    put(buf, x, y, badge_text(s), BADGE_W, theme.severity(s));
    BADGE_W
}

/// A panel title on the first row of `area`; focused panels are marked.
pub fn section_title(buf: &mut Buffer, area: Rect, title: &str, focused: bool, theme: &Theme) {
    let (mark, role) = if focused {
        ("▸ ", Role::BorderFocus)
    } else {
        ("  ", Role::Heading)
    };
    let used = put(buf, area.x, area.y, mark, area.width, theme.style(role));
    put(
        buf,
        area.x + used,
        area.y,
        title,
        area.width.saturating_sub(used),
        theme.style(Role::Heading),
    );
}
