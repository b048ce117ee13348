//! The non-interactive faces of rampart (subcommands).

pub mod audit;
pub mod capture;
pub mod diff;
pub mod report;
pub mod summary;

use crate::ledger::SessionLog;
use crate::model::Estate;
use std::io::Write;
use std::process::ExitCode;

/// The session log a file written by a command is recorded in: the
/// session's own (a live read), else a new one opened before anything is
/// written, so an export that cannot be logged never happens.
pub fn export_log(estate: &Estate, session: Option<&SessionLog>) -> Result<SessionLog, String> {
    match session {
        Some(l) => Ok(l.clone()),
        None => SessionLog::start_default(estate.meta.origin.describe(), true)
            .map_err(|e| e.to_string()),
    }
}

/// Writes command output to stdout. A closed pipe (`rampart ... | head`)
/// ends quietly with success; other write errors are reported in one line.
pub fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rampart: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
