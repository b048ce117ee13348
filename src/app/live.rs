//! The live console: estate deltas streaming in, refresh (`r`, `R`,
//! `--watch`), findings new since the session began, marks for bulk
//! actions, the `:log` view and the opt-in writes.
//!
//! Pure like the rest of `app`: the runtime (`ui::live`) turns
//! [`LiveEffect`]s into loads and writes and reports back with
//! [`LiveAction`]s.

mod apply;
mod log;
mod marks;
mod refresh;
mod store;
mod writes;

pub use log::{LogEntry, LogKind, LogView};
pub use marks::SessionMarks;
pub use refresh::INCREMENTAL_OVERLAP;
pub use store::{FindingStore, Touched};
pub use writes::WriteOverlay;
#[cfg(feature = "writes")]
pub use writes::{on_key, target_of, write_targets};

pub(crate) use apply::replace_estate;

use super::App;
use super::action::Effect;
use super::route::Route;
use crate::aws::CallLedger;
use crate::input::CommandId;
use crate::model::{DatasetKind, EstateDelta, Timestamp};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

/// Where the console's data comes from, which decides what refresh does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    /// The built-in demo: never changes.
    #[default]
    Demo,
    /// Snapshot or import files: refresh reads them again.
    Files,
    /// Live AWS: refresh reads the datasets again.
    Live,
}

/// Read datasets again (live sources).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshRequest {
    /// Reported back in [`LiveAction::LoadDone`].
    pub load: u64,
    /// The datasets; empty = every dataset.
    pub datasets: Vec<DatasetKind>,
    /// Security Hub findings updated since then only.
    pub findings_since: Option<Timestamp>,
}

/// What the live runtime reports.
#[derive(Debug)]
pub enum LiveAction {
    /// The session is connected; every call it makes lands in `ledger`
    /// (and in the session log, when there is one).
    Connected {
        ledger: CallLedger,
        session_log: Option<LogStatus>,
    },
    /// The session log was opened (for a static source: at its first
    /// local change).
    SessionLog(LogStatus),
    /// Estate changes, in the order they were read.
    Deltas(Vec<EstateDelta>),
    /// Load `load` ended: every dataset it read has its final state.
    /// `error` when it could not run at all.
    LoadDone { load: u64, error: Option<String> },
    /// The `--watch` timer fired.
    WatchTick,
    /// A write finished; one result per finding.
    #[cfg(feature = "writes")]
    WriteDone {
        job: u64,
        results: Vec<crate::aws::write::WriteResult>,
    },
}

/// What the app asks the live runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveEffect {
    Refresh(RefreshRequest),
    /// Read the files again, as load `generation` (answered by `Loaded`).
    Reload {
        generation: u64,
    },
    /// Send a confirmed write.
    #[cfg(feature = "writes")]
    Write(crate::aws::write::WriteJob),
}

pub use crate::ledger::LogStatus;

/// A load in flight.
#[derive(Debug, Clone, PartialEq)]
pub struct InFlight {
    pub load: u64,
    /// Empty = every dataset.
    pub datasets: Vec<DatasetKind>,
    pub started: Timestamp,
}

impl InFlight {
    pub fn covers(&self, d: DatasetKind) -> bool {
        self.datasets.is_empty() || self.datasets.contains(&d)
    }
}

/// Something done or refused locally, for the `:log` view.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvent {
    pub at: Timestamp,
    pub what: String,
    pub ok: bool,
}

/// The live part of the app's state.
#[derive(Debug)]
pub struct LiveState {
    pub source: SourceKind,
    /// `--allow-writes` was given (and the build has the `writes` feature).
    pub allow_writes: bool,
    pub watch: Option<Duration>,
    /// Keeps streamed findings de-duplicated.
    pub store: FindingStore,
    /// Findings new since the session began (shared with the views).
    pub marks: Arc<SessionMarks>,
    /// Active findings that are new (the header's count).
    pub new_count: usize,
    /// Findings marked with `space` for a bulk write.
    pub marked: HashSet<String>,
    pub loads: Vec<InFlight>,
    next_load: u64,
    /// The first load finished: later changes are marked as new.
    pub baseline: bool,
    /// Start of the last read that fetched every Security Hub finding
    /// region without failure: incremental refreshes read from there.
    pub findings_fetched: Option<Timestamp>,
    pub ledger: Option<CallLedger>,
    /// The session log, when the calls are also written there.
    pub session_log: Option<LogStatus>,
    pub events: Vec<LocalEvent>,
    #[cfg(feature = "writes")]
    next_job: u64,
    #[cfg(feature = "writes")]
    pending: Vec<crate::aws::write::WriteJob>,
}

impl LiveState {
    /// A session that began at `started` with demo data.
    pub fn new(started: Timestamp) -> LiveState {
        LiveState {
            source: SourceKind::Demo,
            allow_writes: false,
            watch: None,
            store: FindingStore::default(),
            marks: Arc::new(SessionMarks::new(started)),
            new_count: 0,
            marked: HashSet::new(),
            loads: Vec::new(),
            next_load: 1,
            baseline: false,
            findings_fetched: None,
            ledger: None,
            session_log: None,
            events: Vec::new(),
            #[cfg(feature = "writes")]
            next_job: 1,
            #[cfg(feature = "writes")]
            pending: Vec::new(),
        }
    }

    /// When the session began.
    pub fn started(&self) -> Timestamp {
        self.marks.since
    }

    /// True while a load reads `d`.
    pub fn is_loading(&self, d: DatasetKind) -> bool {
        self.loads.iter().any(|l| l.covers(d))
    }

    /// True when the findings shown by this session can be written to AWS.
    pub fn writes_enabled(&self) -> bool {
        cfg!(feature = "writes") && self.allow_writes && self.source == SourceKind::Live
    }
}

impl App {
    /// Says where the data comes from. A live source starts with its first
    /// load (load 0, every dataset) in flight: the runtime starts it.
    pub fn configure_live(
        &mut self,
        source: SourceKind,
        allow_writes: bool,
        watch: Option<Duration>,
    ) {
        let started = self.live.started();
        self.live.source = source;
        self.live.allow_writes = allow_writes && cfg!(feature = "writes");
        self.live.watch = watch;
        self.live.loads.clear();
        if source == SourceKind::Live {
            self.live.loads.push(InFlight {
                load: 0,
                datasets: Vec::new(),
                started,
            });
        }
    }
}

/// Applies an action from the live runtime.
pub(super) fn on_action(app: &mut App, action: LiveAction) -> Vec<Effect> {
    match action {
        LiveAction::Connected {
            ledger,
            session_log,
        } => {
            app.live.ledger = Some(ledger);
            app.live.session_log = session_log;
            Vec::new()
        }
        LiveAction::SessionLog(status) => {
            app.live.session_log = Some(status);
            Vec::new()
        }
        LiveAction::Deltas(deltas) => {
            apply::deltas(app, deltas);
            Vec::new()
        }
        LiveAction::LoadDone { load, error } => {
            refresh::done(app, load, error);
            Vec::new()
        }
        LiveAction::WatchTick => refresh::tick(app),
        #[cfg(feature = "writes")]
        LiveAction::WriteDone { job, results } => {
            writes::done(app, job, results);
            Vec::new()
        }
    }
}

/// The commands this module runs.
pub(super) fn handles(id: CommandId) -> bool {
    matches!(
        id,
        CommandId::Refresh
            | CommandId::RefreshAll
            | CommandId::ShowLog
            | CommandId::Mark
            | CommandId::Unmark
            | CommandId::Workflow
            | CommandId::Archive
            | CommandId::Unarchive
    )
}

pub(super) fn run(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    match id {
        CommandId::Refresh => refresh::refresh(app, false),
        CommandId::RefreshAll => refresh::refresh(app, true),
        CommandId::ShowLog => {
            if !matches!(app.route(), Route::Log(_)) {
                let mut view = LogView::default();
                view.sync(&app.live);
                app.stack.push(Route::Log(Box::new(view)));
            }
            Vec::new()
        }
        _ => writes::run(app, id, arg),
    }
}

/// Commands of the `:log` view (moving through the list).
pub(super) fn log_command(app: &mut App, id: CommandId) -> Vec<Effect> {
    if let Route::Log(v) = app.route_mut() {
        let len = v.len();
        super::action::move_cursor(&mut v.cursor, id, len);
    }
    Vec::new()
}

/// Keeps derived state in step after any action: the views' marks and an
/// open log view's entries. Cheap when nothing changed.
pub(super) fn sync(app: &mut App) {
    let marks = Arc::clone(&app.live.marks);
    let estate = Arc::clone(&app.estate);
    let live = &app.live;
    for route in std::iter::once(&mut app.root).chain(app.stack.iter_mut()) {
        match route {
            Route::Findings(v) => {
                let stale = !v.has_marks(&marks);
                if stale && v.set_marks(Arc::clone(&marks)) {
                    v.refresh(&estate);
                }
            }
            Route::Log(v) => v.sync(live),
            _ => {}
        }
    }
}

/// Records a local event for the log.
pub(super) fn note(app: &mut App, what: impl Into<String>, ok: bool) {
    let at = app.now();
    app.live.events.push(LocalEvent {
        at,
        what: what.into(),
        ok,
    });
}
