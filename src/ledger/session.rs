//! A session's log as the rest of rampart uses it: opened with its
//! `session_start` entry, shared by every client and view of the session,
//! and counting the entries it could not write (a gap in the log is shown,
//! never silent).

use super::{Event, Ledger, LedgerError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Where the session log is, and how many entries could not be written to
/// it (shared with whoever appends).
#[derive(Debug, Clone)]
pub struct LogStatus {
    pub path: PathBuf,
    pub failed: Arc<AtomicUsize>,
}

impl LogStatus {
    pub fn failed(&self) -> usize {
        self.failed.load(Ordering::Relaxed)
    }
}

/// An open session log (cheap to clone; clones append to the same file).
#[derive(Debug, Clone)]
pub struct SessionLog {
    ledger: Arc<Ledger>,
    status: LogStatus,
}

impl SessionLog {
    pub fn new(ledger: Ledger) -> SessionLog {
        let status = LogStatus {
            path: ledger.path().to_path_buf(),
            failed: Arc::new(AtomicUsize::new(0)),
        };
        SessionLog {
            ledger: Arc::new(ledger),
            status,
        }
    }

    /// A new log in `dir` whose first entry says what the session is:
    /// rampart's command line, where its data comes from (`origin`) and
    /// whether writes are enabled.
    pub fn start(dir: &Path, origin: String, read_only: bool) -> Result<SessionLog, LedgerError> {
        let ledger = Ledger::open(dir)?;
        let args = std::env::args_os()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        ledger.append(Event::session_start(args, origin, read_only))?;
        Ok(SessionLog::new(ledger))
    }

    /// [`SessionLog::start`] in the data directory.
    pub fn start_default(origin: String, read_only: bool) -> Result<SessionLog, LedgerError> {
        SessionLog::start(&super::data_dir()?, origin, read_only)
    }

    pub fn path(&self) -> &Path {
        self.ledger.path()
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// What a console shows about the log.
    pub fn status(&self) -> LogStatus {
        self.status.clone()
    }

    /// Appends `event`; a failure is counted (and traced), not returned:
    /// for records of what already happened (calls), where the caller has
    /// nothing to undo.
    pub fn append(&self, event: Event) {
        if let Err(e) = self.record(event) {
            tracing::warn!("session log: {e}");
        }
    }

    /// Appends `event`, counting and returning a failure: for actions that
    /// must know whether they are on record.
    pub fn record(&self, event: Event) -> Result<(), LedgerError> {
        self.ledger.append(event).inspect_err(|_| {
            self.status.failed.fetch_add(1, Ordering::Relaxed);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_started_log_opens_with_the_session_and_counts_failures() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = SessionLog::start(dir.path(), "demo".into(), true).expect("start");
        let first = log.ledger().entries();
        assert!(matches!(
            &first[0].event,
            Event::SessionStart { origin, read_only: true, .. } if origin == "demo"
        ));
        assert_eq!(log.status().failed(), 0);
        assert!(super::super::verify(log.path()).is_ok());
    }

    #[test]
    fn a_log_in_an_unusable_directory_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, "x").expect("write");
        assert!(SessionLog::start(&file, "demo".into(), true).is_err());
    }
}
