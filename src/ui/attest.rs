//! The attestation prompt: the requirement, a status to pick and a note.

use super::draw::{centered, put, wrap};
use super::overlay::panel;
use super::theme::{Role, Theme};
use crate::app::{ATTEST_STATUSES, AttestPrompt};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

pub fn render(screen: Rect, buf: &mut Buffer, p: &AttestPrompt, theme: &Theme) {
    let w = screen.width.saturating_sub(4).min(90);
    let text = wrap(&p.requirement_text, usize::from(w.saturating_sub(2)), 4);
    let h = text.len() as u16 + 8;
    let area = centered(screen, w, h);
    let inner = panel(area, buf, &format!(" Attest {} ", p.requirement_id), theme);
    let mut y = inner.y;
    for line in &text {
        put(buf, inner.x, y, line, inner.width, theme.style(Role::Text));
        y += 1;
    }
    y += 1;
    let mut x = inner.x;
    x += put(buf, x, y, "Status: ", inner.width, theme.style(Role::Label));
    for s in ATTEST_STATUSES {
        let chosen = s == p.status;
        let label = if chosen {
            format!("[{}]", s.as_str())
        } else {
            format!(" {} ", s.as_str())
        };
        let style = if chosen {
            theme.style(Role::TableSelected)
        } else {
            theme.style(Role::Dim)
        };
        x += put(buf, x, y, &label, inner.right().saturating_sub(x), style);
        x += 1;
    }
    y += 1;
    let used = put(
        buf,
        inner.x,
        y + 1,
        "Note:   ",
        inner.width,
        theme.style(Role::Label),
    );
    let nx = inner.x + used;
    let note_w = inner.right().saturating_sub(nx);
    let chars: Vec<char> = p.note.text().chars().collect();
    let skip = p
        .note
        .cursor()
        .saturating_sub(usize::from(note_w.saturating_sub(1)));
    let shown: String = chars.iter().skip(skip).collect();
    put(buf, nx, y + 1, &shown, note_w, theme.style(Role::Text));
    let before: String = chars[skip..p.note.cursor().min(chars.len())]
        .iter()
        .collect();
    let cx = nx + crate::text::display_width(&before) as u16;
    if cx < inner.right()
        && let Some(cell) = buf.cell_mut((cx, y + 1))
    {
        cell.set_style(Style::new().add_modifier(Modifier::REVERSED));
    }
    put(
        buf,
        inner.x,
        inner.bottom().saturating_sub(1),
        "tab changes the status · enter records it in the attestations file and the session log · esc cancels",
        inner.width,
        theme.style(Role::Dim),
    );
}
