//! Header, breadcrumbs frame and footer hints.

use super::draw::{fill, put, put_spans};
use super::theme::{Role, Theme};
use crate::app::{App, DataState, Route};
use crate::input::{COMMANDS, ViewKind};
use crate::text::sanitize_line;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

pub const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Splits the screen into header, body and footer.
pub fn layout(area: Rect) -> (Rect, Rect, Rect) {
    let header_h = if area.height >= 12 { 2 } else { 1 }.min(area.height);
    let footer_h = u16::from(area.height > header_h);
    let body_h = area.height - header_h - footer_h;
    let header = Rect::new(area.x, area.y, area.width, header_h);
    let body = Rect::new(area.x, area.y + header_h, area.width, body_h);
    let footer = Rect::new(area.x, area.y + header_h + body_h, area.width, footer_h);
    (header, body, footer)
}

pub fn header(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    fill(buf, area, theme.style(Role::Header));
    let meta = &app.estate.meta;
    let source = app.source();
    let accounts = scope_list(&meta.accounts, "account");
    let regions = scope_list(&meta.regions, "region");
    let mut spans = vec![
        (" rampart ", theme.style(Role::HeaderSource)),
        ("│ ", theme.style(Role::Header)),
        (source.as_str(), theme.style(Role::HeaderSource)),
    ];
    if app.data == DataState::Ready {
        spans.extend([
            (" │ ", theme.style(Role::Header)),
            (accounts.as_str(), theme.style(Role::Header)),
            (" │ ", theme.style(Role::Header)),
            (regions.as_str(), theme.style(Role::Header)),
        ]);
    }
    let busy = app.is_busy().then(|| {
        let frame = SPINNER[app.spinner % SPINNER.len()];
        format!(" {frame} loading ")
    });
    // The badge and the loading indicator are anchored right, so they stay
    // visible however long the scope is.
    let badge = " READ-ONLY ";
    let right_w = badge.len() as u16 + busy.as_ref().map_or(0, |b| b.chars().count() as u16);
    let left_w = area.width.saturating_sub(right_w + 1);
    put_spans(buf, area.x, area.y, left_w, &spans);
    let mut x = area.x + area.width.saturating_sub(right_w);
    if let Some(b) = &busy {
        x += put(
            buf,
            x,
            area.y,
            b,
            area.right() - x,
            theme.style(Role::LoadBusy),
        );
    }
    put(
        buf,
        x,
        area.y,
        badge,
        area.right().saturating_sub(x),
        theme.style(Role::ReadOnly),
    );
    spans.clear();
    if area.height > 1 {
        super::ages::data_ages(
            Rect::new(area.x, area.y + 1, area.width, 1),
            buf,
            app,
            theme,
        );
    }
}

fn scope_list(items: &[String], what: &str) -> String {
    match items {
        [] => format!("no {what} scope"),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} +{} {what}s", rest.len()),
    }
}

/// Draws the body frame with breadcrumbs; returns the inner area.
pub fn body_frame(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Rect {
    if area.height < 3 || area.width < 4 {
        return area;
    }
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.style(Role::Border))
        .render(area, buf);
    let crumbs: Vec<String> = app.routes().map(|r| crumb(app, r)).collect();
    let text = format!(" {} ", crumbs.join(" › "));
    put(
        buf,
        area.x + 1,
        area.y,
        &text,
        area.width - 2,
        theme.style(Role::Breadcrumb),
    );
    Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2)
}

fn crumb(app: &App, r: &Route) -> String {
    match r {
        Route::Overview(_) => "Overview".to_string(),
        Route::Findings(v) => {
            let mut parts: Vec<String> = v.pins.iter().map(|p| p.label()).collect();
            if !v.filter_text().is_empty() {
                parts.push(format!("/{}", v.filter_text()));
            }
            if parts.is_empty() {
                "Findings".to_string()
            } else {
                format!("Findings [{}]", sanitize_line(&parts.join(" · "), 60))
            }
        }
        Route::Detail(d) => {
            let title = app
                .estate
                .findings
                .get(d.index)
                .map(|f| f.title.as_str())
                .unwrap_or(d.id.as_str());
            format!("Detail: {}", sanitize_line(title, 40))
        }
        other => super::crumbs::crumb(app, other),
    }
}

/// Footer: the status message, or the key hints of the focused view.
pub fn footer(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    if let Some(s) = &app.status {
        let role = if s.error {
            Role::StatusError
        } else {
            Role::StatusInfo
        };
        put(
            buf,
            area.x + 1,
            area.y,
            &s.text,
            area.width.saturating_sub(1),
            theme.style(role),
        );
        return;
    }
    let all = hints(app, app.view());
    let need = |h: &(String, &str)| (h.0.chars().count() + h.1.chars().count() + 3) as u16;
    // Help and quit always show; other hints fill the room left, in order.
    let essential = |h: &(String, &str)| matches!(h.1, "help" | "quit");
    let mut room = area.width.saturating_sub(1);
    room = room.saturating_sub(all.iter().filter(|h| essential(h)).map(need).sum());
    let mut shown = Vec::new();
    for h in &all {
        if essential(h) {
            shown.push(h);
        } else if need(h) <= room {
            room -= need(h);
            shown.push(h);
        } else {
            room = 0;
        }
    }
    let mut x = area.x + 1;
    for (key, label) in shown {
        let key_style = theme.style(Role::FooterKey);
        x += put(
            buf,
            x,
            area.y,
            key,
            area.right().saturating_sub(x),
            key_style,
        );
        let text = format!(" {label}  ");
        x += put(
            buf,
            x,
            area.y,
            &text,
            area.right().saturating_sub(x),
            theme.style(Role::Footer),
        );
    }
}

/// (key, label) hints of a view: its own commands first, then global ones.
pub fn hints(app: &App, view: ViewKind) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for global in [false, true] {
        for c in COMMANDS {
            if c.is_global() != global || !c.applies_to(view) {
                continue;
            }
            let (Some(label), Some(key)) = (c.hint, app.keymap.first_key(c.id)) else {
                continue;
            };
            out.push((key, label));
        }
    }
    out
}

/// The scroll position of a scrolled view, on the frame's bottom border.
pub fn position(body: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Detail(d) = app.route() else {
        return;
    };
    let (first, last, total) = d.position();
    let text = format!(" {first}-{last} of {total} ");
    let w = text.chars().count() as u16;
    if body.height >= 3 && body.width > w + 4 {
        put(
            buf,
            body.right() - w - 2,
            body.bottom() - 1,
            &text,
            w,
            theme.style(Role::Dim),
        );
    }
}
