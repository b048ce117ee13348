//! The application core: one state (`App`), the actions that change it and
//! the effects it asks for. `update` does no I/O, so every behaviour can be
//! driven and checked without a terminal.

mod action;
mod compare;
mod console;
mod cursor;
mod derived;
mod detail;
mod export;
mod findings;
mod live;
mod overlay;
mod route;
mod summary;
mod update;
pub mod views;
pub mod xref;

pub use action::{Action, Effect, Hit};
pub use compare::{BaselineIds, DiffRow, DiffView, Reference, Section};
pub use console::console_url;
pub use cursor::ListCursor;
pub use detail::{DetailLine, DetailView, LineKind};
pub use export::{ExportJob, Exported, default_name, format_for};
pub use findings::{
    Column, FindingsView, GroupKey, GroupRow, Pin, Selected, Sort, resource_id, updated,
};
pub use live::{
    FindingStore, INCREMENTAL_OVERLAP, InFlight, LiveAction, LiveEffect, LiveState, LocalEvent,
    LogEntry, LogKind, LogStatus, LogView, RefreshRequest, SessionMarks, SourceKind, Touched,
    WriteOverlay,
};
#[cfg(feature = "writes")]
pub use live::{target_of, write_targets};
pub use overlay::{
    ATTEST_STATUSES, AttestPrompt, CommandPrompt, FilterPrompt, HelpOverlay, Message, Overlay,
};
pub use route::{GRID_COLS, OverviewPanel, OverviewView, Route};
pub use summary::{KeyCounts, Summary, sev_index};
pub use update::{complete, complete_with, update};
pub use views::{
    AlarmsView, ControlsView, E8View, KeyView, KmsView, RequirementView, StandardsView, VpcView,
};

use crate::input::{KeyMap, ViewKind};
use crate::model::{DataOrigin, Estate, EstateMeta, Timestamp};
use crate::posture::Posture;
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;
use xref::Xref;

/// Where the app stands with its data.
#[derive(Debug, Clone, PartialEq)]
pub enum DataState {
    Loading { progress: Option<Progress> },
    Ready,
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
    pub label: String,
}

/// A one-line message in the footer until the next key.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Things the app is started with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Data source shown before the estate says where it came from.
    pub source_label: String,
    /// A fixed clock (demo, tests, `render`); `None` reads the system clock.
    pub clock: Option<Timestamp>,
    pub keymap: KeyMap,
    /// The theme in use and every theme `:theme` may pick.
    pub theme: String,
    pub themes: Vec<String>,
    /// `NO_COLOR` is set: `:theme` cannot bring colour back.
    pub no_color: bool,
    /// The local attestations file `a` appends to (`None`: nowhere).
    pub attestations: Option<PathBuf>,
    /// Who records attestations.
    pub reviewer: String,
    /// `--baseline FILE`: the estate to compare the data with (`:diff`).
    pub baseline: Option<Arc<Estate>>,
}

pub struct App {
    /// The estate as shown: the loaded data with rampart's own check
    /// findings appended (from index `file_findings` on).
    pub estate: Arc<Estate>,
    /// How many of `estate.findings` came from the data (the rest are
    /// `posture.checks`, never written back).
    pub file_findings: usize,
    /// The posture of the estate, computed once per load.
    pub posture: Arc<Posture>,
    /// Findings by resource and network/KMS lookups, built once per load.
    pub xref: Arc<Xref>,
    pub summary: Summary,
    pub data: DataState,
    /// The bottom of the navigation stack: the overview, never popped.
    pub root: Route,
    /// Views opened above the root (Enter pushes, Esc pops).
    pub stack: Vec<Route>,
    pub overlay: Option<Overlay>,
    pub keymap: KeyMap,
    pub status: Option<Status>,
    pub spinner: usize,
    /// Generation of the current load; results of older loads are dropped.
    pub generation: u64,
    pub source_label: String,
    pub clock: Option<Timestamp>,
    /// Click targets of the last frame (written by the renderer).
    pub hits: RefCell<Vec<(Rect, Hit)>>,
    pub quit: bool,
    /// True once any estate has been shown; a failed first load aborts.
    pub loaded_once: bool,
    /// Streaming, refresh, marks, the call log and writes.
    pub live: LiveState,
    /// The theme name (`:theme` changes it; the renderer resolves it).
    pub theme: String,
    pub theme_names: Vec<String>,
    pub no_color: bool,
    pub attestations_path: Option<PathBuf>,
    pub reviewer: String,
    /// `--baseline`: the reference estate and the comparison with it.
    pub reference: Option<Reference>,
}

impl App {
    /// An app waiting for its first load (generation 1).
    pub fn new(settings: Settings) -> App {
        let at = settings.clock.unwrap_or_else(chrono::Utc::now);
        let mut estate = Estate::empty(EstateMeta::new(DataOrigin::Demo, at));
        let d = derived::prepare(&mut estate, at);
        App {
            summary: Summary::of(&estate),
            estate: Arc::new(estate),
            file_findings: d.file_findings,
            posture: Arc::new(d.posture),
            xref: Arc::new(d.xref),
            theme: settings.theme,
            theme_names: settings.themes,
            no_color: settings.no_color,
            attestations_path: settings.attestations,
            reviewer: settings.reviewer,
            reference: settings.baseline.map(Reference::new),
            data: DataState::Loading { progress: None },
            loaded_once: false,
            root: Route::Overview(OverviewView::default()),
            stack: Vec::new(),
            overlay: None,
            keymap: settings.keymap,
            status: None,
            spinner: 0,
            generation: 1,
            source_label: settings.source_label,
            clock: settings.clock,
            hits: RefCell::new(Vec::new()),
            quit: false,
            live: LiveState::new(at),
        }
    }

    /// An app with its data already loaded.
    pub fn with_estate(estate: Estate, settings: Settings) -> App {
        let mut app = App::new(settings);
        app.set_estate(estate);
        app
    }

    /// Replaces the data; every open view refreshes and keeps its place
    /// (found again by id). After the first load, findings new or changed
    /// are marked as new.
    pub fn set_estate(&mut self, estate: Estate) {
        live::replace_estate(self, estate);
    }

    /// The estate as loaded: without rampart's appended check findings
    /// (for anything that saves or compares the data).
    pub fn loaded_estate(&self) -> Estate {
        let mut e = (*self.estate).clone();
        e.findings.truncate(self.file_findings);
        e
    }

    /// Takes the estate back out (without the appended checks), e.g. to
    /// change it and `set_estate` it again. Leaves an empty estate.
    pub fn take_estate(&mut self) -> Estate {
        let empty = Estate::empty(self.estate.meta.clone());
        let arc = std::mem::replace(&mut self.estate, Arc::new(empty));
        let mut e = Arc::try_unwrap(arc).unwrap_or_else(|shared| (*shared).clone());
        e.findings.truncate(self.file_findings);
        e
    }

    /// The focused view.
    pub fn route(&self) -> &Route {
        self.stack.last().unwrap_or(&self.root)
    }

    pub fn route_mut(&mut self) -> &mut Route {
        self.stack.last_mut().unwrap_or(&mut self.root)
    }

    /// Every view from the root to the focused one (for breadcrumbs).
    pub fn routes(&self) -> impl Iterator<Item = &Route> {
        std::iter::once(&self.root).chain(self.stack.iter())
    }

    pub fn view(&self) -> ViewKind {
        self.route().kind()
    }

    pub fn now(&self) -> Timestamp {
        self.clock.unwrap_or_else(chrono::Utc::now)
    }

    /// True while anything loads: the spinner runs only then.
    pub fn is_busy(&self) -> bool {
        matches!(self.data, DataState::Loading { .. }) || self.estate.is_loading()
    }

    /// The data source: what the estate says, else what we were told.
    pub fn source(&self) -> String {
        match self.data {
            DataState::Ready => self.estate.meta.origin.describe(),
            _ => self.source_label.clone(),
        }
    }

    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }
}
