//! Start-up: load the estate the flags name and run the chosen face.

use crate::app::SourceKind;
use crate::cli::{Cli, Command, DataArgs, RenderArgs};
use crate::model::{DataOrigin, Estate};
use crate::{commands, demo, snapshot, ui};
use std::process::ExitCode;

/// Exit status for bad input (files, flags, filters).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Runs the command line; errors are printed as one line.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        // The console opens at once and loads in the background.
        None => return interactive(&cli),
        // These need no estate from the data flags.
        Some(Command::Audit(audit)) => return commands::audit::run(audit),
        Some(Command::Diff(args)) => return commands::diff::run(args),
        _ => {}
    }
    let estate = match load_estate(&cli) {
        Ok(e) => e,
        Err(msg) => {
            eprintln!("rampart: {msg}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    match &cli.command {
        Some(Command::Summary(args)) => commands::summary::run(&estate, args, clock(&cli.data)),
        Some(Command::Render(args)) => render(&cli, &estate, args),
        Some(Command::Capture(args)) => commands::capture::run(&estate, args),
        Some(Command::Report(args)) => commands::report::run(&cli.data, &estate, args, None),
        // Dispatched above, before any estate is loaded.
        Some(Command::Audit(_) | Command::Diff(_)) | None => ExitCode::SUCCESS,
    }
}

/// Console options from the flags: theme (NO_COLOR honoured), the demo's
/// fixed clock, and the data source shown while loading.
fn ui_options(cli: &Cli) -> Result<ui::Options, String> {
    let opts = ui::Options::from_env(cli.theme.as_deref())?;
    let data = &cli.data;
    let source = if data.demo {
        DataOrigin::Demo.describe()
    } else if !data.files.is_empty() {
        DataOrigin::Files {
            paths: data.files.iter().map(|p| p.display().to_string()).collect(),
        }
        .describe()
    } else {
        DataOrigin::Live {
            profile: data.profile.clone(),
        }
        .describe()
    };
    let clock = data.demo.then(demo::now);
    let baseline = load_baseline(data)?;
    Ok(opts
        .with_clock(clock)
        .with_source(source)
        .with_baseline(baseline))
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

fn interactive(cli: &Cli) -> ExitCode {
    let opts = match ui_options(cli) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("rampart: {msg}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let console = match console_for(cli, opts.attestations.as_deref()) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("rampart: {msg}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    match ui::run_console(console, opts) {
        Ok(ui::Exit::Quit) => ExitCode::SUCCESS,
        Ok(ui::Exit::LoadFailed(msg)) => {
            eprintln!("rampart: {msg}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
        Err(e) => {
            eprintln!("rampart: {e:?}");
            ExitCode::FAILURE
        }
    }
}

/// What the console runs on: live AWS (streamed), or the demo / files
/// (loaded whole, read again on refresh). The reviewer's local
/// attestations join either.
fn console_for(cli: &Cli, attestations: Option<&std::path::Path>) -> Result<ui::Console, String> {
    let data = &cli.data;
    if cli.allow_writes && !cfg!(feature = "writes") {
        return Err("--allow-writes: this is an auditor build, writes are compiled out".into());
    }
    if cli.allow_writes && !data.is_live() {
        return Err("--allow-writes needs live AWS (the demo and files cannot be written)".into());
    }
    let watch = data.watch.map(std::time::Duration::from_secs);
    if watch.is_some() && data.demo {
        return Err("--watch: the demo data never changes".into());
    }
    if data.is_live() {
        // Live data streams in; the attestations are read once, up front.
        let mut local = Estate::empty(crate::model::EstateMeta::new(
            DataOrigin::Live { profile: None },
            chrono::Utc::now(),
        ));
        with_local_attestations(&mut local, attestations)?;
        let (session_log, notice) = match open_session_log(data, cli.allow_writes) {
            Ok(log) => (Some(ui::SessionLog::new(log)), None),
            // A write that cannot be logged never happens.
            Err(e) if cli.allow_writes => {
                return Err(format!("--allow-writes needs the session log: {e}"));
            }
            Err(e) => (
                None,
                Some(format!("no session log ({e}): calls are not recorded")),
            ),
        };
        return Ok(ui::Console {
            source: ui::Source::Live {
                opts: Box::new(crate::aws::LiveOptions::from_args(data)),
                allow_writes: cli.allow_writes,
            },
            watch,
            attestations: local.attestations,
            session_log,
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
        notice: None,
    })
}

/// A new session log in the data directory, opened with its first entry.
fn open_session_log(data: &DataArgs, allow_writes: bool) -> Result<crate::ledger::Ledger, String> {
    let log = crate::ledger::Ledger::open_default().map_err(|e| e.to_string())?;
    let args = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let origin = DataOrigin::Live {
        profile: data.profile.clone(),
    }
    .describe();
    log.append(crate::ledger::Event::session_start(
        args,
        origin,
        !allow_writes,
    ))
    .map_err(|e| e.to_string())?;
    Ok(log)
}

fn render(cli: &Cli, estate: &Estate, args: &RenderArgs) -> ExitCode {
    let result = ui_options(cli).and_then(|opts| {
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
    if data.demo {
        return Ok(demo::estate());
    }
    if !data.files.is_empty() {
        return snapshot::load_paths(&data.files, chrono::Utc::now()).map_err(|e| e.to_string());
    }
    crate::aws::load_live_blocking(data).map_err(|e| e.to_string())
}

/// The time posture is assessed at: the demo's fixed clock, else now.
pub fn clock(data: &DataArgs) -> crate::model::Timestamp {
    if data.demo {
        demo::now()
    } else {
        chrono::Utc::now()
    }
}
