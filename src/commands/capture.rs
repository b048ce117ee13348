//! `rampart capture --out FILE`: the estate (live by default) as a
//! snapshot: caller identity, regions, time and every dataset's load state
//! travel with the data, so `--file FILE` later shows exactly this.

use crate::cli::CaptureArgs;
use crate::ledger::{SessionLog, sha256_file};
use crate::model::Estate;
use crate::report;
use crate::snapshot;
use crate::text::sanitize;
use std::path::Path;
use std::process::ExitCode;

/// One line describing what was written.
pub fn describe(estate: &Estate, args: &CaptureArgs) -> String {
    let missing = estate
        .statuses()
        .into_iter()
        .filter(|(_, s)| !s.is_complete())
        .count();
    format!(
        "captured {} findings, {} KMS keys, {} VPCs, {} security groups in {} region(s) to {} ({} dataset(s) not complete)\n",
        estate.findings.len(),
        estate.kms_keys.len(),
        estate.vpcs.len(),
        estate.security_groups.len(),
        estate.meta.regions.len(),
        args.out.display(),
        missing,
    )
}

/// Writes the snapshot and records it (path and SHA-256 of the bytes on
/// disk) in the session log: the session's own when it read live AWS,
/// else a new one opened before anything is written.
pub fn run(estate: &Estate, args: &CaptureArgs, session: Option<&SessionLog>) -> ExitCode {
    let result = super::export_log(estate, session).and_then(|log| {
        snapshot::save(estate, &args.out).map_err(|e| e.to_string())?;
        record(&log, &args.out).map(|sha| (sha, log))
    });
    match result {
        Ok((sha, log)) => super::emit(&format!(
            "{}sha256 {sha}; recorded in {}\n",
            describe(estate, args),
            sanitize(&log.path().display().to_string())
        )),
        Err(e) => {
            eprintln!("rampart: {}", sanitize(&e));
            ExitCode::FAILURE
        }
    }
}

/// Records the snapshot at `path` (the SHA-256 of its bytes on disk).
fn record(log: &SessionLog, path: &Path) -> Result<String, String> {
    let sha256 = sha256_file(path).map_err(|e| format!("{}: cannot hash: {e}", path.display()))?;
    report::record(path, sha256, log.ledger())
        .map(|r| r.sha256)
        .map_err(|e| e.to_string())
}
