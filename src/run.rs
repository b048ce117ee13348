//! Start-up: load the estate the flags name and run the chosen face.

use crate::cli::{Cli, Command};
use crate::model::Estate;
use crate::{commands, demo, snapshot};
use std::process::ExitCode;

/// Exit status for bad input (files, flags, filters).
pub const EXIT_BAD_INPUT: u8 = 2;

/// Runs the command line; errors are printed as one line.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
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
    match cli.command {
        Some(Command::Summary(args)) => commands::summary::run(&estate, &args),
        Some(Command::Render(_args)) => {
            eprintln!("rampart: render is not built yet");
            ExitCode::from(EXIT_BAD_INPUT)
        }
        Some(Command::Report(args)) => commands::report::run(&cli.data, &estate, &args, None),
        // Dispatched above, before any estate is loaded.
        Some(Command::Audit(_) | Command::Diff(_)) => ExitCode::from(EXIT_BAD_INPUT),
        None => {
            eprintln!(
                "rampart: the interactive console is not built yet; try `rampart --demo summary`"
            );
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// Loads the estate from the demo, files or (later) live AWS.
pub fn load_estate(cli: &Cli) -> Result<Estate, String> {
    if cli.data.demo {
        return Ok(demo::estate());
    }
    if !cli.data.files.is_empty() {
        return snapshot::load_paths(&cli.data.files, chrono::Utc::now())
            .map_err(|e| e.to_string());
    }
    Err(
        "live AWS reading is not available in this build yet: use --demo or --file PATH"
            .to_string(),
    )
}
