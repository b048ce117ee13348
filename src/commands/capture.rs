//! `rampart capture --out FILE`: the estate (live by default) as a
//! snapshot: caller identity, regions, time and every dataset's load state
//! travel with the data, so `--file FILE` later shows exactly this.

use crate::cli::CaptureArgs;
use crate::ledger::{Event, SessionLog};
use crate::model::Estate;
use crate::report::SourceDigest;
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

/// Appends `export {path, sha256}` for the file at `path`.
fn record(log: &SessionLog, path: &Path) -> Result<String, String> {
    let digest = SourceDigest::of_files(&[path.to_path_buf()])?;
    let sha256 = digest
        .inputs
        .first()
        .map(|i| i.sha256.clone())
        .ok_or_else(|| format!("{}: cannot hash the snapshot", path.display()))?;
    let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    log.record(Event::Export {
        path: shown.display().to_string(),
        sha256: sha256.clone(),
    })
    .map_err(|e| {
        format!(
            "{} written (sha256 {sha256}) but not recorded in the session log: {e}",
            shown.display()
        )
    })?;
    Ok(sha256)
}
