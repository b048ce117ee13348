//! Drawing: one function renders the whole app from its state into a
//! buffer, used alike by the interactive console and by `rampart render`.

mod ages;
mod chrome;
mod detail;
mod draw;
mod findings;
mod interactive;
mod overlay;
mod overview;
mod render_cmd;
mod states;
mod terminal;
pub mod theme;
mod widgets;

pub use findings::layout_columns;
pub use interactive::{Exit, LoadProgress, run_interactive};
pub use overlay::help_lines;
pub use render_cmd::{app_for_view, render_command, render_to_buffer};
pub use theme::{Role, Theme};

use crate::app::{App, DataState, Route, Settings};
use crate::input::KeyMap;
use crate::model::Timestamp;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// How the console looks and what it is told up front.
#[derive(Debug, Clone)]
pub struct Options {
    pub theme: Theme,
    /// A fixed clock (the demo's, tests); `None` uses the system clock.
    pub clock: Option<Timestamp>,
    /// The data source shown while loading (`demo`, a file name, `live: prod`).
    pub source_label: String,
    pub keymap: KeyMap,
}

impl Options {
    /// Options with a built-in theme; `NO_COLOR` (set and non-empty) forces
    /// the mono theme. Err names an unknown theme.
    pub fn from_env(theme: Option<&str>) -> Result<Options, String> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Options::new(theme, no_color)
    }

    pub fn new(theme: Option<&str>, no_color: bool) -> Result<Options, String> {
        Ok(Options {
            theme: Theme::named(theme, no_color)?,
            clock: None,
            source_label: String::new(),
            keymap: KeyMap::defaults(),
        })
    }

    pub fn with_clock(mut self, clock: Option<Timestamp>) -> Options {
        self.clock = clock;
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
