//! Commands of the finding detail view, and the finding actions (copy,
//! console URL) it shares with the table.

use super::super::App;
use super::super::action::Effect;
use super::super::console::console_url;
use super::super::overlay::{Message, Overlay};
use super::super::route::Route;
use crate::input::CommandId;
use crate::text::sanitize;

pub(super) fn run(app: &mut App, id: CommandId) -> Vec<Effect> {
    let Route::Detail(d) = app.route_mut() else {
        return Vec::new();
    };
    let page = d.page() as isize;
    match id {
        CommandId::Up => d.scroll_by(-1),
        CommandId::Down => d.scroll_by(1),
        CommandId::PageUp => d.scroll_by(-page),
        CommandId::PageDown => d.scroll_by(page),
        CommandId::Top => d.scroll = 0,
        CommandId::Bottom => d.scroll_to_end(),
        CommandId::CopyId | CommandId::ConsoleUrl => {
            let index = d.index;
            return finding_action(app, id, index);
        }
        _ => {}
    }
    Vec::new()
}

/// `y` copies the finding's ID/ARN; `o` shows its console URL.
pub(super) fn finding_action(app: &mut App, id: CommandId, index: usize) -> Vec<Effect> {
    let Some(f) = app.estate.findings.get(index) else {
        return Vec::new();
    };
    match id {
        CommandId::CopyId => {
            // The clipboard gets the visible form: no control character from
            // the data ever reaches the user's paste buffer.
            let text = sanitize(f.copy_id()).into_owned();
            app.set_status(format!("copied {text} (OSC 52)"), false);
            vec![Effect::Copy(text)]
        }
        CommandId::ConsoleUrl => {
            match console_url(f) {
                Some(url) => {
                    app.overlay = Some(Overlay::Message(Message {
                        title: "AWS console URL".to_string(),
                        body: url.clone(),
                        copy: Some(url),
                    }));
                }
                None => app.set_status("rampart's own checks have no console page", false),
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
