//! Writes in the session log: each confirmed write is sent through the
//! session (its calls logged by the session's call ledger), then recorded
//! with its per-finding result.

use crate::aws::Session;
use crate::aws::write::{WriteAction, WriteJob, WriteResult, execute};
use crate::ledger::{Event, Outcome, SessionLog};

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
