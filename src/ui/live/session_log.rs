//! The session log of a live console: every AWS call (sent, failed or
//! refused by the guard) and every write, appended as they happen to the
//! hash-chained JSON-lines log (`rampart::ledger`) that
//! `rampart audit verify` checks.

use crate::aws::{CallLedger, CallOutcome, CallRecord};
use crate::ledger::{Event, Ledger, Outcome};
use std::sync::Arc;

/// A call ledger that appends every record to `log` as an `aws_call`.
pub fn call_ledger(log: Arc<Ledger>) -> CallLedger {
    CallLedger::with_sink(move |r| {
        if let Err(e) = log.append(call_event(r)) {
            tracing::warn!("session log: {e}");
        }
    })
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
        log: Option<&Ledger>,
    ) -> Vec<WriteResult> {
        let results = execute(session, job).await;
        if let Some(log) = log
            && let Err(e) = log.append(write_event(job, &results))
        {
            tracing::warn!("session log: {e}");
        }
        results
    }
}
