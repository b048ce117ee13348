//! The session log of a live console: every AWS call (sent, failed or
//! refused by the guard) and every write, appended as they happen to the
//! hash-chained JSON-lines log (`rampart::ledger`) that
//! `rampart audit verify` checks.

use crate::app::LogStatus;
use crate::aws::{CallLedger, CallOutcome, CallRecord};
use crate::ledger::{Event, Ledger, Outcome};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// An open session log, shared by the session's clients and the console,
/// counting the entries that could not be written (the console says so:
/// a gap in the log is never silent).
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

    pub fn path(&self) -> &Path {
        self.ledger.path()
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// What the console shows about the log.
    pub fn status(&self) -> LogStatus {
        self.status.clone()
    }

    pub fn append(&self, event: Event) {
        if let Err(e) = self.ledger.append(event) {
            self.status.failed.fetch_add(1, Ordering::Relaxed);
            tracing::warn!("session log: {e}");
        }
    }
}

/// A call ledger that appends every record to `log` as an `aws_call`.
pub fn call_ledger(log: SessionLog) -> CallLedger {
    CallLedger::with_sink(move |r| log.append(call_event(r)))
}

/// The log entry of one call.
pub fn call_event(r: &CallRecord) -> Event {
    let outcome = match &r.outcome {
        CallOutcome::Ok => Outcome::Ok,
        CallOutcome::Refused { reason } => Outcome::refused(reason.clone()),
        CallOutcome::Failed {
            http_status: Some(s),
            message,
        } => Outcome::failed(format!("HTTP {s}: {message}")),
        CallOutcome::Failed { message, .. } => Outcome::failed(message.clone()),
    };
    Event::AwsCall {
        service: r.service.to_ascii_lowercase(),
        operation: r.operation.clone(),
        region: r.region.clone().unwrap_or_default(),
        request_id: r.request_id.clone(),
        outcome,
        duration_ms: r.duration_ms,
    }
}

#[cfg(feature = "writes")]
pub use writes::{run_write, write_event};

#[cfg(feature = "writes")]
mod writes {
    use super::*;
    use crate::aws::Session;
    use crate::aws::write::{WriteAction, WriteJob, WriteResult, execute};

    /// The log entry of a write: what, on which findings, and how it went
    /// (every failure named).
    pub fn write_event(job: &WriteJob, results: &[WriteResult]) -> Event {
        let mut what = format!("{} {}", job.action.iam_action(), job.action.describe());
        if let WriteAction::Workflow { note, .. } = &job.action
            && !note.is_empty()
        {
            what.push_str(&format!(" note={note:?}"));
        }
        let failed: Vec<String> = results
            .iter()
            .filter_map(|r| match &r.outcome {
                Ok(()) => None,
                Err(why) => Some(format!("{}: {why}", r.finding_id)),
            })
            .collect();
        let outcome = if failed.is_empty() {
            Outcome::Ok
        } else {
            Outcome::failed(format!(
                "{} of {} failed: {}",
                failed.len(),
                results.len(),
                failed.join("; ")
            ))
        };
        Event::Write {
            what,
            targets: job.targets.iter().map(|t| t.finding_id.clone()).collect(),
            outcome,
        }
    }

    /// Runs a confirmed write and records it in `log`: its calls through
    /// the session's call ledger, then the write with its result.
    pub async fn run_write(
        session: &Session,
        job: &WriteJob,
        log: Option<&SessionLog>,
    ) -> Vec<WriteResult> {
        let results = execute(session, job).await;
        if let Some(log) = log {
            log.append(write_event(job, &results));
        }
        results
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(op: &str, outcome: CallOutcome) -> CallRecord {
        CallRecord {
            seq: 0,
            service: "SecurityHub".into(),
            operation: op.into(),
            region: Some("eu-west-2".into()),
            started_at: chrono::Utc::now(),
            duration_ms: 12,
            attempts: 1,
            request_id: Some("req-1".into()),
            outcome,
        }
    }

    #[test]
    fn every_call_becomes_a_chained_aws_call_entry() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = SessionLog::new(Ledger::open(dir.path()).expect("open"));
        let calls = call_ledger(log.clone());
        calls.push(rec("GetFindings", CallOutcome::Ok));
        calls.push(rec(
            "BatchUpdateFindings",
            CallOutcome::Refused {
                reason: "read-only".into(),
            },
        ));
        calls.push(rec(
            "GetFindings",
            CallOutcome::Failed {
                http_status: Some(429),
                message: "slow down".into(),
            },
        ));
        let entries = log.ledger().entries();
        let outcomes: Vec<String> = entries
            .iter()
            .map(|e| match &e.event {
                Event::AwsCall {
                    service,
                    operation,
                    outcome,
                    ..
                } => format!("{service}:{operation} {}", outcome.describe()),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(
            outcomes,
            [
                "securityhub:GetFindings ok",
                "securityhub:BatchUpdateFindings refused: read-only",
                "securityhub:GetFindings failed: HTTP 429: slow down",
            ]
        );
        assert!(crate::ledger::verify(log.path()).is_ok());
        assert_eq!(log.status().failed(), 0);
    }
}
