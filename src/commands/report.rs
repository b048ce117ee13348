//! `rampart report --format md|html|json|csv [--out FILE]`.

use crate::cli::{DataArgs, ReportArgs};
use crate::ledger::SessionLog;
use crate::model::Estate;
use crate::report::{self, SourceDigest};
use crate::text::sanitize;
use std::process::ExitCode;

/// Builds the report of `estate`. With `--out`, writes it and records an
/// `export` entry in `session` (or, when `None`, in a new session log
/// opened before anything is written, so an unloggable export never
/// happens).
pub fn run(
    data: &DataArgs,
    estate: &Estate,
    args: &ReportArgs,
    session: Option<&SessionLog>,
) -> ExitCode {
    let source = if data.files.is_empty() {
        SourceDigest::canonical(estate)
    } else {
        SourceDigest::of_files(&data.files)
    };
    // Posture is assessed on the run's clock (the demo's is fixed); the
    // report states when it was generated.
    let posture = crate::posture::assess(estate, crate::run::clock(data));
    let built = source.map(|s| report::build_with(estate, &posture, s, chrono::Utc::now()));
    let text = match built.and_then(|r| report::render(&r, args.format)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("rampart: {}", sanitize(&e));
            return ExitCode::FAILURE;
        }
    };
    let Some(path) = &args.out else {
        return super::emit(&text);
    };
    let log = match super::export_log(estate, session) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("rampart: report not written: {}", sanitize(&e));
            return ExitCode::FAILURE;
        }
    };
    let ledger = log.ledger();
    match report::export(text.as_bytes(), path, ledger) {
        Ok(done) => super::emit(&format!(
            "wrote {} (sha256 {}); recorded in {}\n",
            sanitize(&path.display().to_string()),
            done.sha256,
            sanitize(&ledger.path().display().to_string())
        )),
        Err(e) => {
            eprintln!("rampart: {}", sanitize(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}
