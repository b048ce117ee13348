//! Overlays: the `?` help (generated from the command registry and the key
//! map), messages, and the `/` and `:` prompts in the footer.

use super::draw::{centered, fill, put, wrap};
use super::theme::{Role, Theme};
use crate::app::{App, CommandPrompt, FilterPrompt, HelpOverlay, Message, Overlay};
use crate::input::{COMMANDS, ViewKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub fn render(screen: Rect, footer: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    match &app.overlay {
        None => {}
        Some(Overlay::Help(h)) => help(screen, buf, app, h, theme),
        Some(Overlay::Message(m)) => message(screen, buf, m, theme),
        Some(Overlay::Filter(p)) => filter_prompt(footer, buf, p, theme),
        Some(Overlay::Command(p)) => command_prompt(footer, buf, p, theme),
        Some(Overlay::Write(w)) => super::live::render_write(screen, buf, w, theme),
        Some(Overlay::Attest(p)) => super::attest::render(screen, buf, p, theme),
    }
}

/// A bordered, cleared box; returns its inner area.
pub(super) fn panel(area: Rect, buf: &mut Buffer, title: &str, theme: &Theme) -> Rect {
    if area.width < 3 || area.height < 3 {
        fill(buf, area, theme.style(Role::Overlay));
        return Rect::new(area.x, area.y, area.width, area.height);
    }
    Clear.render(area, buf);
    fill(buf, area, theme.style(Role::Overlay));
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::BorderFocus))
        .render(area, buf);
    put(
        buf,
        area.x + 2,
        area.y,
        title,
        area.width.saturating_sub(4),
        theme.style(Role::Heading),
    );
    Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2)
}

/// The help text for `view`: (keys, `:name`, help) rows under headings.
pub fn help_lines(app: &App, view: ViewKind) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (global, heading) in [
        (false, format!("In {}", view.label())),
        (true, "Everywhere".to_string()),
    ] {
        out.push((String::new(), String::new(), heading));
        for c in COMMANDS
            .iter()
            .filter(|c| c.is_global() == global && c.applies_to(view))
        {
            let keys: Vec<String> = app
                .keymap
                .keys_for(c.id)
                .iter()
                .map(|k| k.to_string())
                .collect();
            let name = if c.name.is_empty() {
                String::new()
            } else {
                format!(":{}", c.name)
            };
            out.push((keys.join(", "), name, c.help.to_string()));
        }
        out.push((String::new(), String::new(), String::new()));
    }
    if view == ViewKind::Findings {
        out.push((
            String::new(),
            String::new(),
            "Filter language (spaces mean AND, ! negates)".to_string(),
        ));
        for ex in [
            (
                "free text",
                "title, id, type, control, account, region, resource, description",
            ),
            ("\"a phrase\"", "quoted text; quote values that contain ':'"),
            (
                "sev>=high",
                "severity at least high (sev:critical exact; < <= > too)",
            ),
            (
                "source:guardduty",
                "securityhub, guardduty, macie, inspector, rampart, other",
            ),
            (
                "region:eu-west-2",
                "also account:, resource:, id:, title:, product:",
            ),
            ("type:Recon*", "finding type or any of its types; * globs"),
            (
                "status:failed",
                "compliance status; workflow:new; state:archived",
            ),
            (
                "control:KMS.4",
                "Security Hub control id (control:* = has one)",
            ),
            ("tag:Env=prod", "a resource tag (key, or key=value)"),
            (
                "is:new",
                "new or changed since the session began (marked + in the table)",
            ),
            (
                "is:added",
                "new against --baseline; is:changed: changed against it",
            ),
        ] {
            out.push((ex.0.to_string(), String::new(), ex.1.to_string()));
        }
    }
    out
}

fn help(screen: Rect, buf: &mut Buffer, app: &App, h: &HelpOverlay, theme: &Theme) {
    let w = screen.width.saturating_sub(4).min(100);
    let hgt = screen.height.saturating_sub(2);
    let area = centered(screen, w, hgt);
    let inner = panel(area, buf, " Help · esc closes · j/k scroll ", theme);
    let lines = help_lines(app, app.view());
    let max = lines.len().saturating_sub(usize::from(inner.height));
    h.set_max_scroll(max);
    let start = h.scroll.min(max);
    let key_w = 18u16.min(inner.width / 3);
    let name_w = 12u16.min(inner.width / 4);
    for (i, (keys, name, text)) in lines
        .iter()
        .skip(start)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        if keys.is_empty() && name.is_empty() {
            put(
                buf,
                inner.x,
                y,
                text,
                inner.width,
                theme.style(Role::Heading),
            );
            continue;
        }
        let mut x = inner.x + 1;
        put(buf, x, y, keys, key_w, theme.style(Role::FooterKey));
        x += key_w + 1;
        put(buf, x, y, name, name_w, theme.style(Role::Accent));
        x += name_w + 1;
        put(
            buf,
            x,
            y,
            text,
            inner.right().saturating_sub(x),
            theme.style(Role::Text),
        );
    }
}

fn message(screen: Rect, buf: &mut Buffer, m: &Message, theme: &Theme) {
    let w = screen.width.saturating_sub(4).min(90);
    let body = wrap(&m.body, usize::from(w.saturating_sub(2)), 12);
    let area = centered(screen, w, body.len() as u16 + 4);
    let inner = panel(area, buf, &format!(" {} ", m.title), theme);
    for (i, line) in body.iter().enumerate() {
        put(
            buf,
            inner.x,
            inner.y + i as u16,
            line,
            inner.width,
            theme.style(Role::Text),
        );
    }
    let hint = if m.copy.is_some() {
        "y copies · esc closes"
    } else {
        "esc closes"
    };
    put(
        buf,
        inner.x,
        inner.bottom().saturating_sub(1),
        hint,
        inner.width,
        theme.style(Role::Dim),
    );
}

/// Draws `prefix` + input with a visible cursor; returns the input's x.
fn input_line(
    area: Rect,
    buf: &mut Buffer,
    prefix: &str,
    text: &str,
    cursor: usize,
    theme: &Theme,
) -> u16 {
    fill(buf, area, theme.style(Role::Overlay));
    let x0 = area.x
        + put(
            buf,
            area.x,
            area.y,
            prefix,
            area.width,
            theme.style(Role::Prompt),
        );
    let width = area.right().saturating_sub(x0);
    // Keep the cursor in view on long input.
    let chars: Vec<char> = text.chars().collect();
    let skip = cursor.saturating_sub(usize::from(width.saturating_sub(1)));
    let shown: String = chars.iter().skip(skip).collect();
    put(buf, x0, area.y, &shown, width, theme.style(Role::Text));
    let cx = x0
        + crate::text::display_width(
            &chars[skip..cursor.min(chars.len())]
                .iter()
                .collect::<String>(),
        ) as u16;
    if cx < area.right()
        && let Some(cell) = buf.cell_mut((cx, area.y))
    {
        cell.set_style(
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::REVERSED),
        );
    }
    x0.saturating_sub(area.x)
}

/// The `/` prompt: input on the row above the footer, and on the footer
/// either a hint or the parse error with a caret under its column.
fn filter_prompt(footer: Rect, buf: &mut Buffer, p: &FilterPrompt, theme: &Theme) {
    if footer.height == 0 {
        return;
    }
    let (input_row, msg_row) = if footer.y > buf.area.y {
        (
            Rect::new(footer.x, footer.y - 1, footer.width, 1),
            Some(footer),
        )
    } else {
        (footer, None)
    };
    let off = input_line(input_row, buf, "/", p.input.text(), p.input.cursor(), theme);
    let Some(row) = msg_row else { return };
    fill(buf, row, theme.style(Role::Overlay));
    let Some((col, msg)) = &p.error else {
        let hint = "enter applies · esc keeps the current filter · e.g. sev>=high source:guardduty !region:eu-west-1";
        put(
            buf,
            row.x + 1,
            row.y,
            hint,
            row.width.saturating_sub(1),
            theme.style(Role::Dim),
        );
        return;
    };
    let text = format!("column {}: {msg}", col + 1);
    let before: String = p.input.text().chars().take(*col).collect();
    let caret_x = (row.x + off + crate::text::display_width(&before) as u16)
        .min(row.right().saturating_sub(1));
    put(buf, caret_x, row.y, "^", 1, theme.style(Role::PromptError));
    let len = crate::text::display_width(&text) as u16;
    // The message goes right of the caret when it fits, else left of it,
    // else (cut) on the wider side; the caret stays visible.
    let left_room = caret_x - row.x;
    let right_room = row.right().saturating_sub(caret_x + 2);
    let (x, width) = if len <= right_room {
        (caret_x + 2, len)
    } else if len < left_room {
        (caret_x - len - 1, len)
    } else if left_room > right_room {
        (row.x, left_room.saturating_sub(1))
    } else {
        (caret_x + 2, right_room)
    };
    put(buf, x, row.y, &text, width, theme.style(Role::PromptError));
}

fn command_prompt(footer: Rect, buf: &mut Buffer, p: &CommandPrompt, theme: &Theme) {
    if footer.height == 0 {
        return;
    }
    input_line(footer, buf, ":", p.input.text(), p.input.cursor(), theme);
    if p.candidates.len() > 1 && footer.y > 0 {
        let row = Rect::new(footer.x, footer.y - 1, footer.width, 1);
        fill(buf, row, theme.style(Role::Overlay));
        let mut x = row.x + 1;
        for (i, c) in p.candidates.iter().enumerate() {
            let role = if p.cycle == Some(i) {
                Role::TableSelected
            } else {
                Role::Accent
            };
            x += put(
                buf,
                x,
                row.y,
                c,
                row.right().saturating_sub(x),
                theme.style(role),
            );
            x += put(
                buf,
                x,
                row.y,
                "  ",
                row.right().saturating_sub(x),
                theme.style(Role::Dim),
            );
        }
    }
}
