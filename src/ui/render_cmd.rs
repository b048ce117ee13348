//! `rampart render VIEW`: the interactive views drawn off-screen.

use super::{Options, render};
use crate::app::{Action, App, Route, update};
use crate::cli::{RenderArgs, RenderFormat};
use crate::input::CommandId;
use crate::model::Estate;
use crate::render_out::{Canvas, buffer_to_svg_on, buffer_to_text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Views `render` knows (their `:` command names), for messages.
pub const VIEWS: &str =
    "overview, findings, controls, e8, kms, vpc, alarms, diff, detail:<finding-id>";

/// An app with `estate` loaded and `view` open (`overview`, `findings`,
/// `detail:<finding-id>`), the filter applied to the findings view.
/// Err is a one-line message.
pub fn app_for_view(
    estate: &Estate,
    view: &str,
    filter: Option<&str>,
    opts: &Options,
) -> Result<App, String> {
    let mut app = App::with_estate(estate.clone(), opts.settings());
    let filter = filter.filter(|f| !f.trim().is_empty());
    match view {
        "overview" => {
            if filter.is_some() {
                return Err("--filter applies to the findings view only".to_string());
            }
        }
        "findings" => {
            if let Some(f) = filter {
                // Validate first so a bad filter is an error, not a status line.
                crate::query::Query::parse(f).map_err(|e| format!("filter: {e}"))?;
            }
            match filter {
                Some(f) => update(&mut app, Action::Run(format!("findings {f}"))),
                None => update(&mut app, Action::Command(CommandId::GoFindings)),
            };
        }
        "controls" | "e8" | "kms" | "vpc" | "alarms" | "diff" => {
            if filter.is_some() {
                return Err("--filter applies to the findings view only".to_string());
            }
            let id = match view {
                "controls" => CommandId::GoControls,
                "e8" => CommandId::GoE8,
                "kms" => CommandId::GoKms,
                "vpc" => CommandId::GoVpc,
                "diff" => CommandId::GoDiff,
                _ => CommandId::GoAlarms,
            };
            update(&mut app, Action::Command(id));
        }
        v => {
            let Some(id) = v.strip_prefix("detail:") else {
                return Err(format!("unknown view {v:?} (expected {VIEWS})"));
            };
            if filter.is_some() {
                return Err("--filter applies to the findings view only".to_string());
            }
            let Some(index) = estate.findings.iter().position(|f| f.id == id) else {
                return Err(format!("no finding with id {id:?}"));
            };
            let d = crate::app::DetailView::new(index, &estate.findings[index]);
            app.stack.push(Route::Detail(Box::new(d)));
        }
    }
    Ok(app)
}

/// Renders `app` into a fresh buffer of `cols` x `rows`.
pub fn render_to_buffer(app: &App, opts: &Options, cols: u16, rows: u16) -> Buffer {
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    render(area, &mut buf, app, &opts.theme);
    buf
}

/// The `render` subcommand: the view as text or SVG. Err is one line (a
/// bad filter names its column).
pub fn render_command(
    estate: &Estate,
    args: &RenderArgs,
    opts: &Options,
) -> Result<String, String> {
    let app = app_for_view(estate, args.view.trim(), args.filter.as_deref(), opts)?;
    let (cols, rows) = args.size;
    let buf = render_to_buffer(&app, opts, cols, rows);
    Ok(match args.format {
        RenderFormat::Text => buffer_to_text(&buf),
        RenderFormat::Svg => svg(&buf, &opts.theme),
    })
}

/// The buffer as SVG on the theme's own canvas.
pub fn svg(buf: &Buffer, theme: &super::Theme) -> String {
    let canvas = theme.screen.map(|(fg, bg)| Canvas { fg, bg });
    buffer_to_svg_on(buf, theme.mono, canvas)
}
