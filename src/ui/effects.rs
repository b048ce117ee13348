//! Effects that touch local files, run by the console's runtime (never by
//! `update`). Each is recorded in the session log and answers with the
//! action that reports how it went.

use crate::app::{Action, ExportJob, Exported};
use crate::ledger::{Event, SessionLog};
use crate::model::{Attestation, DataOrigin, Timestamp};
use crate::report::{self, SourceDigest};
use std::path::{Path, PathBuf};

/// Appends `attestation` to the local attestations file, then records it
/// in the session log. A log that cannot take it is reported: the
/// attestation is saved but the session's record of it is missing.
pub fn attest(path: &Path, attestation: Attestation, log: &SessionLog) -> Action {
    if let Err(e) = crate::attest::append(path, attestation.clone()) {
        return Action::Attested(Err(e.to_string()));
    }
    let event = Event::Attestation {
        requirement_id: attestation.requirement_id.clone(),
        status: attestation.status,
        note: attestation.note.clone(),
        by: attestation.by.clone(),
    };
    match log.record(event) {
        Ok(()) => Action::Attested(Ok(attestation)),
        Err(e) => Action::Attested(Err(format!(
            "saved in {} but not recorded in the session log: {e}",
            path.display()
        ))),
    }
}

/// Builds, renders and writes the report of `job` (generated at `now`),
/// recording it in `log`. The report's source digest is that of the input
/// files when the data came from files, else of the canonical snapshot of
/// what is shown.
pub fn export(job: &ExportJob, log: &SessionLog, now: Timestamp) -> Result<Exported, String> {
    let estate = job.loaded_estate();
    let source = match &estate.meta.origin {
        DataOrigin::Files { paths } => {
            let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            SourceDigest::of_files(&paths)
        }
        _ => SourceDigest::canonical(&estate),
    }?;
    let built = report::build_with(&estate, &job.posture, source, now);
    let text = report::render(&built, job.format)?;
    let done =
        report::export(text.as_bytes(), &job.path, log.ledger()).map_err(|e| e.to_string())?;
    Ok(Exported {
        path: done.path,
        sha256: done.sha256,
        log: log.path().display().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::verify;
    use crate::model::AttestationStatus;
    use std::sync::Arc;

    fn log(dir: &Path) -> SessionLog {
        SessionLog::start(&dir.join("log"), "demo".into(), true).expect("log")
    }

    #[test]
    fn an_attestation_is_written_then_logged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (path, log) = (dir.path().join("a.json"), log(dir.path()));
        let a = Attestation {
            requirement_id: "e8/x/ml1".into(),
            status: AttestationStatus::Partial,
            note: "seen the runbook".into(),
            by: "bob".into(),
            at: crate::demo::now(),
        };
        assert!(matches!(attest(&path, a.clone(), &log), Action::Attested(Ok(ref b)) if *b == a));
        assert_eq!(crate::attest::load(&path).expect("load"), vec![a.clone()]);
        let entries = log.ledger().entries();
        assert!(matches!(
            &entries[1].event,
            Event::Attestation { requirement_id, note, by, status: AttestationStatus::Partial }
                if requirement_id == "e8/x/ml1" && note == "seen the runbook" && by == "bob"
        ));
        assert!(verify(log.path()).is_ok());
        // A file that cannot be parsed is not appended to, and nothing is logged.
        std::fs::write(&path, "not json").expect("write");
        assert!(matches!(attest(&path, a, &log), Action::Attested(Err(_))));
        assert_eq!(log.ledger().len(), 2);
    }

    fn job(path: PathBuf) -> ExportJob {
        let mut estate = crate::demo::estate();
        let file_findings = estate.findings.len();
        let posture = crate::posture::assess(&estate, crate::demo::now());
        estate.findings.extend(posture.checks.iter().cloned());
        ExportJob {
            format: crate::app::format_for(&path).expect("format"),
            path,
            estate: Arc::new(estate),
            file_findings,
            posture: Arc::new(posture),
        }
    }

    #[test]
    fn an_export_writes_the_report_and_logs_its_hash() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = log(dir.path());
        let path = dir.path().join("evidence.md");
        let done = export(&job(path.clone()), &log, crate::demo::now()).expect("export");
        let bytes = std::fs::read(&path).expect("written");
        assert_eq!(done.sha256, crate::ledger::sha256_hex(&bytes));
        let text = String::from_utf8(bytes).expect("utf8");
        assert!(text.contains("Essential Eight"), "{text}");
        // The same report the command line builds from the same estate and clock.
        let cli = report::make(
            &crate::demo::estate(),
            SourceDigest::canonical(&crate::demo::estate()).expect("digest"),
            crate::demo::now(),
            report::Format::Md,
        )
        .expect("report");
        assert_eq!(text, cli);
        let entries = log.ledger().entries();
        assert!(matches!(
            &entries[1].event,
            Event::Export { path: p, sha256 } if *sha256 == done.sha256 && *p == done.path
        ));
        assert!(verify(log.path()).is_ok());
    }

    #[test]
    fn an_export_to_a_missing_directory_fails_and_logs_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = log(dir.path());
        let path = dir.path().join("no/such/dir/r.html");
        let e = export(&job(path), &log, crate::demo::now()).expect_err("no directory");
        assert!(e.contains("cannot write"), "{e}");
        assert_eq!(log.ledger().len(), 1);
    }
}
