//! Keys for open overlays: help, messages, and the `/` and `:` prompts with
//! live filtering and Tab completion.

use super::super::App;
use super::super::action::Effect;
use super::super::findings::{Column, GroupKey};
use super::super::overlay::{CommandPrompt, FilterPrompt, Overlay};
use super::findings::with_view;
use super::run_line;
use crate::input::{ArgKind, COMMANDS, CommandId, Key, ViewKind, by_name};
use crate::query::Query;
use crossterm::event::KeyCode;
use std::sync::Arc;

pub(super) fn on_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(overlay) = app.overlay.take() else {
        return Vec::new();
    };
    match overlay {
        Overlay::Help(mut h) => {
            match app.keymap.lookup(key, ViewKind::Detail) {
                Some(CommandId::Up) => h.scroll_by(-1),
                Some(CommandId::Down) => h.scroll_by(1),
                Some(CommandId::PageUp) => h.scroll_by(-10),
                Some(CommandId::PageDown) => h.scroll_by(10),
                Some(CommandId::Top) => h.scroll = 0,
                Some(CommandId::Bottom) => h.scroll_by(isize::MAX),
                Some(CommandId::Help | CommandId::Back | CommandId::Quit) => return Vec::new(),
                _ if key.code == KeyCode::Enter => return Vec::new(),
                _ => {}
            }
            app.overlay = Some(Overlay::Help(h));
        }
        Overlay::Message(m) => match key.code {
            KeyCode::Char('y') => {
                if let Some(text) = m.copy {
                    app.set_status("copied (OSC 52)", false);
                    return vec![Effect::Copy(text)];
                }
            }
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q') => {}
            _ => app.overlay = Some(Overlay::Message(m)),
        },
        Overlay::Write(w) => return write_key(app, *w, key),
        Overlay::Filter(p) => return filter_key(app, p, key),
        Overlay::Command(p) => return command_key(app, p, key),
        Overlay::Attest(p) => return super::views::attest_key(app, p, key),
    }
    Vec::new()
}

#[cfg(feature = "writes")]
fn write_key(app: &mut App, w: super::super::WriteOverlay, key: Key) -> Vec<Effect> {
    super::super::live::on_key(app, w, key)
}

#[cfg(not(feature = "writes"))]
fn write_key(_app: &mut App, w: super::super::WriteOverlay, _key: Key) -> Vec<Effect> {
    match w {}
}

fn filter_key(app: &mut App, mut p: FilterPrompt, key: Key) -> Vec<Effect> {
    match key.code {
        KeyCode::Enter => match parse(p.input.text()) {
            Ok(query) => {
                super::super::compare::note_filter(app, query.as_ref());
                let estate = Arc::clone(&app.estate);
                with_view(app, |v| v.set_filter(&estate, query));
                return Vec::new();
            }
            Err(e) => p.error = Some(e),
        },
        // Esc leaves the filter in force untouched.
        KeyCode::Esc => return Vec::new(),
        _ => {
            if p.input.handle(key) {
                p.error = parse(p.input.text()).err();
            }
        }
    }
    app.overlay = Some(Overlay::Filter(p));
    Vec::new()
}

/// Parses filter text (empty = no filter); Err is the 0-based column and
/// the message.
fn parse(text: &str) -> Result<Option<Query>, (usize, String)> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Query::parse(text)
        .map(Some)
        .map_err(|e| (e.position, e.message))
}

fn command_key(app: &mut App, mut p: CommandPrompt, key: Key) -> Vec<Effect> {
    match key.code {
        KeyCode::Enter => return run_line(app, p.input.text().to_string().as_str()),
        KeyCode::Esc => return Vec::new(),
        KeyCode::Tab | KeyCode::BackTab => tab(
            &mut p,
            app.view(),
            &app.theme_names,
            key.code == KeyCode::BackTab,
        ),
        _ => {
            if p.input.handle(key) {
                p.cycle = None;
                p.candidates = complete_with(p.input.text(), app.view(), &app.theme_names);
            }
        }
    }
    app.overlay = Some(Overlay::Command(p));
    Vec::new()
}

fn tab(p: &mut CommandPrompt, view: ViewKind, themes: &[String], back: bool) {
    if let Some(i) = p.cycle {
        let n = p.candidates.len().max(1);
        let next = if back { (i + n - 1) % n } else { (i + 1) % n };
        if let Some(c) = p.candidates.get(next) {
            p.input.set(c);
        }
        p.cycle = Some(next);
        return;
    }
    p.candidates = complete_with(p.input.text(), view, themes);
    match p.candidates.as_slice() {
        [] => {}
        [only] => {
            let only = only.clone();
            let takes_arg = !only.contains(' ') && by_name(&only).is_some_and(|c| c.arg.is_some());
            p.input
                .set(&if takes_arg { format!("{only} ") } else { only });
        }
        many => {
            let prefix = common_prefix(many);
            if prefix.chars().count() > p.input.text().chars().count() {
                p.input.set(&prefix);
            } else {
                p.input.set(&many[0]);
                p.cycle = Some(0);
            }
        }
    }
}

fn common_prefix(items: &[String]) -> String {
    let Some(first) = items.first() else {
        return String::new();
    };
    let mut len = first.len();
    for s in items {
        len = first
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map(|((i, a), _)| i + a.len_utf8())
            .unwrap_or(0)
            .min(len);
    }
    first[..len].to_string()
}

/// Completions of a `:` line in `view`: command names, then the values of
/// a command's argument (sort columns, group keys). Each candidate is the
/// whole new line.
pub fn complete(line: &str, view: ViewKind) -> Vec<String> {
    complete_with(line, view, &[])
}

/// [`complete`] that also completes `:theme` with these theme names.
pub fn complete_with(line: &str, view: ViewKind, themes: &[String]) -> Vec<String> {
    match line.split_once(' ') {
        None => COMMANDS
            .iter()
            .filter(|c| !c.name.is_empty() && c.applies_to(view) && c.name.starts_with(line))
            .map(|c| c.name.to_string())
            .collect(),
        Some((name, arg)) => {
            let values: Vec<&str> = match by_name(name).and_then(|c| c.arg) {
                Some(ArgKind::SortColumn) => Column::ALL.iter().map(|c| c.name()).collect(),
                Some(ArgKind::GroupKey) => GroupKey::ALL
                    .iter()
                    .map(|g| g.name())
                    .chain(["none"])
                    .collect(),
                Some(ArgKind::ThemeName) => themes.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            let arg = arg.trim_start();
            values
                .into_iter()
                .filter(|v| v.starts_with(arg))
                .map(|v| format!("{name} {v}"))
                .collect()
        }
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    let line: String = text.lines().next().unwrap_or("").to_string();
    match app.overlay.take() {
        Some(Overlay::Filter(mut p)) => {
            p.input.insert_str(&line);
            p.error = parse(p.input.text()).err();
            app.overlay = Some(Overlay::Filter(p));
        }
        Some(Overlay::Command(mut p)) => {
            p.input.insert_str(&line);
            p.cycle = None;
            p.candidates = complete_with(p.input.text(), app.view(), &app.theme_names);
            app.overlay = Some(Overlay::Command(p));
        }
        other => app.overlay = other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_names_then_arguments() {
        assert_eq!(complete("so", ViewKind::Findings), ["sort"]);
        assert!(complete("so", ViewKind::Overview).is_empty());
        assert_eq!(complete("sort ti", ViewKind::Findings), ["sort title"]);
        assert_eq!(
            complete("group ", ViewKind::Findings),
            [
                "group resource",
                "group type",
                "group control",
                "group account",
                "group none"
            ]
        );
        assert!(complete("q", ViewKind::Overview).contains(&"quit".to_string()));
    }

    #[test]
    fn common_prefix_respects_char_boundaries() {
        let v = vec!["filter".to_string(), "findings".to_string()];
        assert_eq!(common_prefix(&v), "fi");
        let v = vec!["é1".to_string(), "é2".to_string()];
        assert_eq!(common_prefix(&v), "é");
    }
}
