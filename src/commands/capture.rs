//! `rampart capture --out FILE`: the estate (live by default) as a
//! snapshot: caller identity, regions, time and every dataset's load state
//! travel with the data, so `--file FILE` later shows exactly this.

use crate::cli::CaptureArgs;
use crate::model::Estate;
use crate::snapshot;
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

pub fn run(estate: &Estate, args: &CaptureArgs) -> ExitCode {
    match snapshot::save(estate, &args.out) {
        Ok(()) => super::emit(&describe(estate, args)),
        Err(e) => {
            eprintln!("rampart: {e}");
            ExitCode::FAILURE
        }
    }
}
