//! Drawing: one function renders the whole app from its state into a
//! buffer, used alike by the interactive console and by `rampart render`.

mod ages;
mod alarms;
mod attest;
mod chrome;
mod controls;
mod crumbs;
mod detail;
mod diff;
mod draw;
mod e8;
pub mod effects;
mod findings;
mod interactive;
mod key;
mod kms;
mod live;
mod overlay;
mod overview;
mod render_cmd;
mod states;
mod status;
mod table;
mod terminal;
pub mod theme;
mod vpc;
mod widgets;

pub use findings::layout_columns;
pub use interactive::{Exit, LoadProgress, run_console};
pub use live::{Console, Loader, LogOpener, Source, coalesce, forward};
#[cfg(feature = "writes")]
pub use live::{run_write, write_event};
pub use overlay::help_lines;
pub use render_cmd::{app_for_view, render_command, render_to_buffer, svg};
pub use theme::{Role, Theme, Themes};

use crate::app::{App, DataState, Route, Settings};
use crate::input::{KeyMap, keyfile};
use crate::model::Timestamp;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// How the console looks and what it is told up front.
#[derive(Debug, Clone)]
pub struct Options {
    /// The theme the session starts with.
    pub theme: Theme,
    /// Every theme `:theme` can switch to (built-ins and the user's).
    pub themes: Themes,
    /// `NO_COLOR` is set: the session stays colourless.
    pub no_color: bool,
    /// A fixed clock (the demo's, tests); `None` uses the system clock.
    pub clock: Option<Timestamp>,
    /// The data source shown while loading (`demo`, a file name, `live: prod`).
    pub source_label: String,
    pub keymap: KeyMap,
    /// The local attestations file (`None`: attestations cannot be saved).
    pub attestations: Option<std::path::PathBuf>,
    /// Who records attestations.
    pub reviewer: String,
    /// `--baseline FILE`, loaded: what `:diff` compares the data with.
    pub baseline: Option<std::sync::Arc<crate::model::Estate>>,
}

impl Options {
    /// Options from the environment: `NO_COLOR` (set and non-empty) forces
    /// the mono theme; the config directory adds user themes and the key
    /// map. Err is one line: an unknown theme, or a bad theme or key-map
    /// file with its line and column.
    pub fn from_env(theme: Option<&str>) -> Result<Options, String> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let opts = match crate::local::config_dir() {
            Some(dir) => Options::with_config_dir(theme, no_color, &dir)?,
            None => Options::new(theme, no_color)?,
        };
        Ok(Options {
            attestations: crate::local::attestations_path(),
            reviewer: crate::local::reviewer(),
            ..opts
        })
    }

    /// Options with the built-in themes and the default keys only.
    pub fn new(theme: Option<&str>, no_color: bool) -> Result<Options, String> {
        let themes = Themes::built_in();
        Ok(Options {
            theme: themes.pick(theme, no_color)?,
            themes,
            no_color,
            clock: None,
            source_label: String::new(),
            keymap: KeyMap::defaults(),
            attestations: None,
            reviewer: "reviewer".to_string(),
            baseline: None,
        })
    }

    /// Options with the user themes and key map of config directory `dir`.
    pub fn with_config_dir(
        theme: Option<&str>,
        no_color: bool,
        dir: &std::path::Path,
    ) -> Result<Options, String> {
        let themes = Themes::with_user_dir(&dir.join(crate::local::THEMES_DIR))
            .map_err(|e| e.to_string())?;
        let keymap = keyfile::load(dir).map_err(|e| e.to_string())?;
        Ok(Options {
            theme: themes.pick(theme, no_color)?,
            themes,
            no_color,
            clock: None,
            source_label: String::new(),
            keymap,
            attestations: None,
            reviewer: "reviewer".to_string(),
            baseline: None,
        })
    }

    /// The theme to draw `app` with: the one `:theme` chose, else the
    /// session's.
    pub fn theme_for(&self, app: &App) -> &Theme {
        self.themes
            .get(&app.theme)
            .filter(|_| !self.no_color || app.theme == self.theme.name)
            .unwrap_or(&self.theme)
    }

    pub fn with_clock(mut self, clock: Option<Timestamp>) -> Options {
        self.clock = clock;
        self
    }

    /// Attestations go to `path` (tests, scripts).
    pub fn with_attestations(mut self, path: Option<std::path::PathBuf>) -> Options {
        self.attestations = path;
        self
    }

    /// Compare the data with `estate` (`--baseline`).
    pub fn with_baseline(mut self, estate: Option<crate::model::Estate>) -> Options {
        self.baseline = estate.map(std::sync::Arc::new);
        self
    }

    pub fn with_source(mut self, label: impl Into<String>) -> Options {
        self.source_label = label.into();
        self
    }

    pub fn settings(&self) -> Settings {
        Settings {
            source_label: self.source_label.clone(),
            clock: self.clock,
            keymap: self.keymap.clone(),
            theme: self.theme.name.clone(),
            themes: self.themes.names(),
            no_color: self.no_color,
            attestations: self.attestations.clone(),
            reviewer: self.reviewer.clone(),
            baseline: self.baseline.clone(),
        }
    }
}

/// Draws the app into a terminal frame.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(area, frame.buffer_mut(), app, theme);
}

/// Renders the whole app into `buf` within `area`. Never panics, at any size.
pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    app.hits.borrow_mut().clear();
    let area = area.intersection(buf.area);
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (header, body, footer) = chrome::layout(area);
    chrome::header(header, buf, app, theme);
    let inner = chrome::body_frame(body, buf, app, theme);
    match &app.data {
        DataState::Loading { .. } => states::loading(inner, buf, app, theme),
        DataState::Failed(msg) => states::failed(inner, buf, msg, theme),
        DataState::Ready => {
            // Views draw into their own buffer, so nothing they write can
            // spill over the frame, whatever the size.
            let mut view = Buffer::empty(inner);
            match app.route() {
                Route::Overview(_) => overview::render(inner, &mut view, app, theme),
                Route::Findings(_) => findings::render(inner, &mut view, app, theme),
                Route::Detail(_) => detail::render(inner, &mut view, app, theme),
                Route::Log(_) => live::render_log(inner, &mut view, app, theme),
                Route::Standards(_) => controls::render_standards(inner, &mut view, app, theme),
                Route::Controls(_) => controls::render_controls(inner, &mut view, app, theme),
                Route::E8(_) => e8::render_grid(inner, &mut view, app, theme),
                Route::Requirement(_) => e8::render_requirements(inner, &mut view, app, theme),
                Route::Kms(_) => kms::render(inner, &mut view, app, theme),
                Route::Key(_) => key::render(inner, &mut view, app, theme),
                Route::Vpc(_) => vpc::render(inner, &mut view, app, theme),
                Route::Alarms(_) => alarms::render(inner, &mut view, app, theme),
                Route::Diff(_) => diff::render(inner, &mut view, app, theme),
            }
            buf.merge(&view);
            if inner != body {
                chrome::position(body, buf, app, theme);
            }
        }
    }
    chrome::footer(footer, buf, app, theme);
    overlay::render(area, footer, buf, app, theme);
}
