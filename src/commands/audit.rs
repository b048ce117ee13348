//! `rampart audit verify FILE`: check a session log's hash chain.

use crate::cli::AuditCommand;
use crate::ledger::{self, ExportState, VerifyError};
use crate::run::EXIT_BAD_INPUT;
use crate::text::sanitize;
use std::process::ExitCode;

/// Exit status for a log whose chain is broken.
pub const EXIT_BROKEN: u8 = 1;

/// Runs an `audit` subcommand. Needs no estate.
pub fn run(cmd: &AuditCommand) -> ExitCode {
    match cmd {
        AuditCommand::Verify {
            file,
            expect_head,
            exports,
        } => match verify(file, expect_head.as_deref()) {
            Ok(said) if *exports => with_exports(file, said),
            Ok(said) => super::emit(&said),
            Err(code) => code,
        },
    }
}

/// The chain's verdict (what to print), or the exit status after printing
/// why it is broken.
fn verify(file: &std::path::Path, expect_head: Option<&str>) -> Result<String, ExitCode> {
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
                    return Err(ExitCode::from(EXIT_BROKEN));
                }
            }
            Ok(format!(
                "ok: {} entries, chain intact, head {}\n",
                report.entries, report.head
            ))
        }
        Err(e @ VerifyError::Broken { .. }) => {
            eprintln!("rampart: {}", sanitize(&e.to_string()));
            Err(ExitCode::from(EXIT_BROKEN))
        }
        Err(e @ VerifyError::Io { .. }) => {
            eprintln!("rampart: {}", sanitize(&e.to_string()));
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// Prints the chain's verdict and one line per exported file; exit 1 when
/// any file no longer holds the bytes logged.
fn with_exports(file: &std::path::Path, said: String) -> ExitCode {
    let checks = match ledger::check_exports(file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("rampart: {}", sanitize(&e.to_string()));
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let mut out = said;
    let mut bad = 0;
    for c in &checks {
        let state = match &c.state {
            ExportState::Intact => "intact".to_string(),
            ExportState::Changed { sha256 } => {
                bad += 1;
                format!("CHANGED: sha256 now {sha256}, logged {}", c.sha256)
            }
            ExportState::Missing { message } => {
                bad += 1;
                format!("MISSING: {message}")
            }
        };
        out.push_str(&format!(
            "export seq {}: {}: {}\n",
            c.seq,
            sanitize(&c.path),
            sanitize(&state)
        ));
    }
    if checks.is_empty() {
        out.push_str("no exports in this log\n");
    }
    let printed = super::emit(&out);
    if bad > 0 {
        eprintln!(
            "rampart: {bad} of {} exported file(s) changed or missing",
            checks.len()
        );
        return ExitCode::from(EXIT_BROKEN);
    }
    printed
}
