//! Start-up: load the estate the flags name and run the chosen face.

mod policy;

pub use policy::{WritePolicy, decide as write_policy};

use crate::app::SourceKind;
use crate::aws::CallLedger;
use crate::cli::{Cli, Command, DataArgs, RenderArgs};
use crate::ledger::SessionLog;
use crate::local::settings::Settings;
use crate::model::{DataOrigin, Estate};
use crate::{commands, demo, snapshot, ui};
use std::process::ExitCode;

/// Exit status for bad input (files, flags, filters).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Runs the command line; errors are printed as one line.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        // These need no estate from the data flags.
        Some(Command::Audit(audit)) => return commands::audit::run(audit),
        Some(Command::Diff(args)) => return commands::diff::run(args),
        _ => {}
    }
    let settings = match crate::local::settings::load_default() {
        Ok(s) => s,
        Err(e) => return bad_input(&e.to_string()),
    };
    // The console opens at once and loads in the background.
    let Some(command) = &cli.command else {
        return interactive(&cli, &settings);
    };
    // A live read records its calls in a session log, which a report or
    // capture written afterwards joins.
    let log = cli.data.is_live().then(|| live_log(&cli.data)).flatten();
    let estate = match load_logged(&cli.data, log.as_ref()) {
        Ok(e) => e,
        Err(msg) => return bad_input(&msg),
    };
    match command {
        Command::Summary(args) => commands::summary::run(&estate, args, clock(&cli.data)),
        Command::Render(args) => render(&cli, &settings, &estate, args),
        Command::Capture(args) => commands::capture::run(&estate, args, log.as_ref()),
        Command::Report(args) => commands::report::run(&cli.data, &estate, args, log.as_ref()),
        // Dispatched above, before any estate is loaded.
        Command::Audit(_) | Command::Diff(_) => ExitCode::SUCCESS,
    }
}

/// Prints `msg` as rampart's one-line error; exit status 2.
fn bad_input(msg: &str) -> ExitCode {
    eprintln!("rampart: {msg}");
    ExitCode::from(EXIT_BAD_INPUT)
}

/// The session log of a non-interactive live read; without one the read
/// still happens (it changes nothing) and stderr says it is not recorded.
fn live_log(data: &DataArgs) -> Option<SessionLog> {
    match SessionLog::start_default(live_origin(data), true) {
        Ok(log) => Some(log),
        Err(e) => {
            eprintln!("rampart: no session log ({e}): AWS calls are not recorded");
            None
        }
    }
}

fn live_origin(data: &DataArgs) -> String {
    DataOrigin::Live {
        profile: data.profile.clone(),
    }
    .describe()
}

/// Where the data comes from, as the session log's first entry says.
fn origin(data: &DataArgs) -> String {
    if data.demo {
        DataOrigin::Demo.describe()
    } else if !data.files.is_empty() {
        DataOrigin::Files {
            paths: data.files.iter().map(|p| p.display().to_string()).collect(),
        }
        .describe()
    } else {
        live_origin(data)
    }
}

/// `--baseline FILE`, read before the console opens (a file, never AWS).
fn load_baseline(data: &DataArgs) -> Result<Option<Estate>, String> {
    let Some(path) = &data.baseline else {
        return Ok(None);
    };
    snapshot::load_paths(std::slice::from_ref(path), chrono::Utc::now())
        .map(Some)
        .map_err(|e| format!("--baseline: {e}"))
}

/// Console options from the flags and settings: theme (NO_COLOR
/// honoured), the demo's fixed clock, and the data source shown while
/// loading.
fn ui_options(cli: &Cli, settings: &Settings) -> Result<ui::Options, String> {
    let theme = cli.theme.as_deref().or(settings.theme.as_deref());
    let opts = ui::Options::from_env(theme)?;
    let clock = cli.data.demo.then(demo::now);
    let baseline = load_baseline(&cli.data)?;
    Ok(opts
        .with_clock(clock)
        .with_source(origin(&cli.data))
        .with_baseline(baseline))
}

fn interactive(cli: &Cli, settings: &Settings) -> ExitCode {
    let opts = match ui_options(cli, settings) {
        Ok(o) => o,
        Err(msg) => return bad_input(&msg),
    };
    let console = match console_for(cli, settings, opts.attestations.as_deref()) {
        Ok(c) => c,
        Err(msg) => return bad_input(&msg),
    };
    match ui::run_console(console, opts) {
        Ok(ui::Exit::Quit) => ExitCode::SUCCESS,
        Ok(ui::Exit::LoadFailed(msg)) => bad_input(&msg),
        Err(e) => {
            eprintln!("rampart: {e:?}");
            ExitCode::FAILURE
        }
    }
}

/// What the console runs on: live AWS (streamed), or the demo / files
/// (loaded whole, read again on refresh). The reviewer's local
/// attestations join either. A live session opens its log up front;
/// a demo or files session at its first export or attestation.
fn console_for(
    cli: &Cli,
    settings: &Settings,
    attestations: Option<&std::path::Path>,
) -> Result<ui::Console, String> {
    let data = &cli.data;
    let policy = policy::decide(cli, settings, cfg!(feature = "writes"))?;
    let allow_writes = policy.allow_writes;
    let watch = data.watch.map(std::time::Duration::from_secs);
    if watch.is_some() && data.demo {
        return Err("--watch: the demo data never changes".into());
    }
    let log_origin = origin(data);
    let open_log: ui::LogOpener = std::sync::Arc::new(move || {
        SessionLog::start_default(log_origin.clone(), !allow_writes).map_err(|e| e.to_string())
    });
    if data.is_live() {
        // Live data streams in; the attestations are read once, up front.
        let mut local = Estate::empty(crate::model::EstateMeta::new(
            DataOrigin::Live { profile: None },
            chrono::Utc::now(),
        ));
        with_local_attestations(&mut local, attestations)?;
        let (session_log, notice) = match open_log() {
            Ok(log) => (Some(log), policy.notice),
            // A write that cannot be logged never happens.
            Err(e) if allow_writes => {
                return Err(format!("writes need the session log: {e}"));
            }
            Err(e) => (
                None,
                Some(format!("no session log ({e}): calls are not recorded")),
            ),
        };
        return Ok(ui::Console {
            source: ui::Source::Live {
                opts: Box::new(crate::aws::LiveOptions::from_args(data)),
                allow_writes,
            },
            watch,
            attestations: local.attestations,
            // The log opened up front is the session's: without it, a log
            // opened later would hold local actions but none of the calls.
            session_log,
            open_log: None,
            notice,
        });
    }
    let kind = if data.demo {
        SourceKind::Demo
    } else {
        SourceKind::Files
    };
    let (data, local) = (data.clone(), attestations.map(std::path::Path::to_path_buf));
    let load = move |_progress: &ui::LoadProgress| {
        let mut estate = load_data(&data)?;
        with_local_attestations(&mut estate, local.as_deref())?;
        Ok(estate)
    };
    Ok(ui::Console {
        source: ui::Source::Static {
            kind,
            load: std::sync::Arc::new(load),
        },
        watch,
        attestations: Vec::new(),
        session_log: None,
        open_log: Some(open_log),
        notice: policy.notice,
    })
}

fn render(cli: &Cli, settings: &Settings, estate: &Estate, args: &RenderArgs) -> ExitCode {
    let result = ui_options(cli, settings).and_then(|opts| {
        let mut estate = estate.clone();
        with_local_attestations(&mut estate, opts.attestations.as_deref())?;
        ui::render_command(&estate, args, &opts)
    });
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("rampart: {msg}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Adds the reviewer's local attestations (the E8 evidence kept beside
/// the data, never in AWS) to the estate the console shows.
fn with_local_attestations(
    estate: &mut Estate,
    path: Option<&std::path::Path>,
) -> Result<(), String> {
    match path {
        Some(p) => crate::local::merge_attestations(estate, p),
        None => Ok(()),
    }
}

/// Loads the estate from the demo, files or live AWS (the default).
pub fn load_estate(cli: &Cli) -> Result<Estate, String> {
    load_data(&cli.data)
}

/// Loads the estate the data flags name.
pub fn load_data(data: &DataArgs) -> Result<Estate, String> {
    load_logged(data, None)
}

/// [`load_data`], recording live AWS calls in `log`.
fn load_logged(data: &DataArgs, log: Option<&SessionLog>) -> Result<Estate, String> {
    if data.demo {
        return Ok(demo::estate());
    }
    if !data.files.is_empty() {
        return snapshot::load_paths(&data.files, chrono::Utc::now()).map_err(|e| e.to_string());
    }
    crate::aws::load_live_blocking(data, CallLedger::logged_if(log.cloned()))
        .map_err(|e| e.to_string())
}

/// The time posture is assessed at: the demo's fixed clock, else now.
pub fn clock(data: &DataArgs) -> crate::model::Timestamp {
    if data.demo {
        demo::now()
    } else {
        chrono::Utc::now()
    }
}
