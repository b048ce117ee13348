//! `update`: applies one action to the app and returns effects; no I/O.
//! Keys go to the open overlay first, then the focused view, then global
//! commands. View-specific commands live in one file per view.

mod detail;
mod findings;
mod mouse;
mod overview;
mod prompt;
mod views;

pub use prompt::{complete, complete_with};

use super::action::{Action, Effect};
use super::findings::FindingsView;
use super::overlay::{CommandPrompt, HelpOverlay, Overlay};
use super::route::Route;
use super::{App, DataState, Progress};
use crate::input::{CommandId, Key, by_name, spec};
use crate::query::Query;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = apply(app, action);
    super::live::sync(app);
    effects
}

fn apply(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Live(a) => super::live::on_action(app, a),
        Action::Key(key) => on_key(app, key),
        Action::Command(id) => run(app, id, None),
        Action::Run(line) => run_line(app, &line),
        Action::Paste(text) => {
            prompt::paste(app, &text);
            Vec::new()
        }
        Action::Click { x, y } => mouse::click(app, x, y),
        Action::Scroll { down } => mouse::scroll(app, down),
        Action::Resize => Vec::new(),
        Action::Tick => {
            app.spinner = app.spinner.wrapping_add(1);
            Vec::new()
        }
        Action::Progress {
            generation,
            done,
            total,
            label,
        } => {
            if generation == app.generation && matches!(app.data, DataState::Loading { .. }) {
                app.data = DataState::Loading {
                    progress: Some(Progress { done, total, label }),
                };
            }
            Vec::new()
        }
        Action::Loaded { generation, result } => {
            if generation == app.generation {
                match result {
                    Ok(estate) => app.set_estate(*estate),
                    Err(e) if !app.loaded_once => {
                        app.data = DataState::Failed(e.clone());
                        return vec![Effect::Abort(e)];
                    }
                    // Data already shown stays; say what went wrong.
                    Err(e) => app.set_status(format!("reload failed: {e}"), true),
                }
            }
            Vec::new()
        }
        Action::Attested(result) => views::attested(app, result),
        Action::Exported(result) => super::export::exported(app, result),
    }
}

fn on_key(app: &mut App, key: Key) -> Vec<Effect> {
    app.status = None;
    if key == Key::ctrl('c') {
        return run(app, CommandId::Quit, None);
    }
    if app.overlay.is_some() {
        return prompt::on_key(app, key);
    }
    match app.keymap.lookup(key, app.view()) {
        Some(id) => run(app, id, None),
        None => Vec::new(),
    }
}

/// Runs a command in the focused view; `arg` comes from the `:` prompt.
pub(super) fn run(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    match id {
        CommandId::Quit => {
            app.quit = true;
            vec![Effect::Quit]
        }
        CommandId::Help => {
            app.overlay = Some(Overlay::Help(HelpOverlay::default()));
            Vec::new()
        }
        CommandId::CommandPrompt => {
            app.overlay = Some(Overlay::Command(CommandPrompt::default()));
            Vec::new()
        }
        CommandId::Back => {
            if app.stack.pop().is_none() {
                app.set_status("at the overview (q quits)", false);
            }
            Vec::new()
        }
        CommandId::Export => super::export::export(app, arg),
        CommandId::GoOverview => {
            app.stack.clear();
            Vec::new()
        }
        id if super::live::handles(id) => super::live::run(app, id, arg),
        CommandId::GoFindings => {
            let filter = match parse_filter(app, arg) {
                Ok(f) => f,
                Err(()) => return Vec::new(),
            };
            app.stack.clear();
            let view = FindingsView::new(&app.estate, Vec::new(), filter);
            app.stack.push(Route::Findings(Box::new(view)));
            Vec::new()
        }
        CommandId::GoControls
        | CommandId::GoE8
        | CommandId::GoKms
        | CommandId::GoVpc
        | CommandId::GoAlarms
        | CommandId::GoDiff
        | CommandId::Theme
        | CommandId::GoResource
        | CommandId::RelatedFindings
        | CommandId::Attest => views::run(app, id, arg),
        _ => match app.route() {
            Route::Overview(_) => overview::run(app, id),
            Route::Findings(_) => findings::run(app, id, arg),
            Route::Detail(_) => detail::run(app, id),
            Route::Log(_) => super::live::log_command(app, id),
            Route::Diff(_) => super::compare::command(app, id),
            _ => views::run(app, id, arg),
        },
    }
}

/// Parses an optional filter argument; on error sets the status and
/// returns `Err(())`.
fn parse_filter(app: &mut App, arg: Option<&str>) -> Result<Option<Query>, ()> {
    match arg.map(str::trim).filter(|a| !a.is_empty()) {
        None => Ok(None),
        Some(text) => match Query::parse(text) {
            Ok(q) => {
                super::compare::note_filter(app, Some(&q));
                Ok(Some(q))
            }
            Err(e) => {
                app.set_status(format!("filter: {e}"), true);
                Err(())
            }
        },
    }
}

/// Runs a `:` command line such as `sort title` or `q`.
fn run_line(app: &mut App, line: &str) -> Vec<Effect> {
    let line = line.trim();
    if line.is_empty() {
        return Vec::new();
    }
    let (name, rest) = line.split_once(' ').unwrap_or((line, ""));
    let Some(cmd) = by_name(name) else {
        app.set_status(format!("unknown command :{name} (? lists commands)"), true);
        return Vec::new();
    };
    if !cmd.applies_to(app.view()) {
        app.set_status(
            format!(":{} is not available in {}", cmd.name, app.view().label()),
            true,
        );
        return Vec::new();
    }
    let rest = rest.trim();
    if !rest.is_empty() && spec(cmd.id).and_then(|s| s.arg).is_none() {
        app.set_status(format!(":{} takes no argument", cmd.name), true);
        return Vec::new();
    }
    run(app, cmd.id, (!rest.is_empty()).then_some(rest))
}
