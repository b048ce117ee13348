//! The non-interactive faces of rampart (subcommands).

pub mod audit;
pub mod capture;
pub mod diff;
pub mod report;
pub mod summary;

use std::io::Write;
use std::process::ExitCode;

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
