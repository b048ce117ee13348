//! `rampart audit verify FILE`: check a session log's hash chain.

use crate::cli::AuditCommand;
use crate::ledger::{self, VerifyError};
use crate::run::EXIT_BAD_INPUT;
use crate::text::sanitize;
use std::process::ExitCode;

/// Exit status for a log whose chain is broken.
pub const EXIT_BROKEN: u8 = 1;

/// Runs an `audit` subcommand. Needs no estate.
pub fn run(cmd: &AuditCommand) -> ExitCode {
    match cmd {
        AuditCommand::Verify { file, expect_head } => verify(file, expect_head.as_deref()),
    }
}

fn verify(file: &std::path::Path, expect_head: Option<&str>) -> ExitCode {
    match ledger::verify(file) {
        Ok(report) => {
            if let Some(expected) = expect_head {
                let expected = expected.trim().to_ascii_lowercase();
                if expected != report.head {
                    eprintln!(
                        "rampart: {}: chain intact over {} entries but its head is {}, not {}: the last entries were changed or removed",
                        sanitize(&file.display().to_string()),
                        report.entries,
                        report.head,
                        sanitize(&expected)
                    );
                    return ExitCode::from(EXIT_BROKEN);
                }
            }
            super::emit(&format!(
                "ok: {} entries, chain intact, head {}\n",
                report.entries, report.head
            ))
        }
        Err(e @ VerifyError::Broken { .. }) => {
            eprintln!("rampart: {}", sanitize(&e.to_string()));
            ExitCode::from(EXIT_BROKEN)
        }
        Err(e @ VerifyError::Io { .. }) => {
            eprintln!("rampart: {}", sanitize(&e.to_string()));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
