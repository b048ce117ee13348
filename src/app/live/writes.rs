//! Marks (`space`) and the write commands. Without `--allow-writes`, for
//! demo or file data, and in auditor builds, the write commands say why
//! they are disabled, log the refusal and send nothing; the write flow
//! itself (`flow`) only exists with the `writes` feature.

#[cfg(feature = "writes")]
mod flow;

#[cfg(feature = "writes")]
pub(super) use flow::done;
#[cfg(feature = "writes")]
pub use flow::{WriteOverlay, on_key, target_of, write_targets};

use super::super::App;
use super::super::action::Effect;
use super::super::findings::Selected;
use super::super::route::Route;
use super::SourceKind;
use crate::input::CommandId;

/// Auditor builds have no write overlay (nothing can open one).
#[cfg(not(feature = "writes"))]
#[derive(Debug)]
pub enum WriteOverlay {}

pub(super) fn run(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    match id {
        CommandId::Mark => {
            mark(app);
            Vec::new()
        }
        CommandId::Unmark => {
            let n = app.live.marked.len();
            app.live.marked.clear();
            app.set_status(format!("{n} marks cleared"), false);
            Vec::new()
        }
        _ => write_command(app, id, arg),
    }
}

/// `space`: marks or unmarks the selected finding and moves down.
fn mark(app: &mut App) {
    let estate = std::sync::Arc::clone(&app.estate);
    let Route::Findings(v) = app.route_mut() else {
        app.set_status("marks are set in the findings table", true);
        return;
    };
    let Some(Selected::Finding(i)) = v.selected() else {
        app.set_status("select a finding to mark (groups cannot be marked)", true);
        return;
    };
    let len = v.len();
    v.cursor.move_by(1, len);
    let Some(f) = estate.findings.get(i) else {
        return;
    };
    if !app.live.marked.remove(&f.id) {
        app.live.marked.insert(f.id.clone());
    }
    let n = app.live.marked.len();
    app.set_status(
        format!("{n} marked (w acts on the marked findings, u clears the marks)"),
        false,
    );
}

/// Why writes are off in this session, if they are.
pub fn refusal(app: &App) -> Option<&'static str> {
    if !cfg!(feature = "writes") {
        return Some("this is an auditor build: writes are compiled out");
    }
    match app.live.source {
        SourceKind::Demo => Some("demo data cannot be written to AWS"),
        SourceKind::Files => Some("findings read from files cannot be written to AWS"),
        SourceKind::Live if !app.live.allow_writes => {
            Some("READ-ONLY session: start rampart with --allow-writes to change findings")
        }
        SourceKind::Live => None,
    }
}

fn write_command(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    if let Some(why) = refusal(app) {
        let what = match id {
            CommandId::Archive => "archive".to_string(),
            CommandId::Unarchive => "unarchive".to_string(),
            _ => match arg {
                Some(a) => format!("workflow {}", a.split_whitespace().next().unwrap_or("")),
                None => "workflow update".to_string(),
            },
        };
        app.set_status(format!("{why}; nothing was sent"), true);
        super::note(
            app,
            format!("refused {what}: {why}; nothing was sent"),
            false,
        );
        return Vec::new();
    }
    #[cfg(feature = "writes")]
    {
        flow::begin(app, id, arg)
    }
    #[cfg(not(feature = "writes"))]
    {
        Vec::new()
    }
}
