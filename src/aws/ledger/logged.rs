//! Calls written to the session log: every record of a [`CallLedger`]
//! becomes an `aws_call` entry of the hash-chained log that
//! `rampart audit verify` checks.

use super::{CallLedger, CallOutcome, CallRecord};
use crate::ledger::{Event, Outcome, SessionLog};

impl CallLedger {
    /// A call ledger that also appends every record to `log`.
    pub fn logged(log: SessionLog) -> CallLedger {
        CallLedger::with_sink(move |r| log.append(call_event(r)))
    }

    /// [`CallLedger::logged`] when there is a log, else a plain ledger.
    pub fn logged_if(log: Option<SessionLog>) -> CallLedger {
        log.map_or_else(CallLedger::new, CallLedger::logged)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;

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
        let calls = CallLedger::logged(log.clone());
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
        let outcomes: Vec<String> = log
            .ledger()
            .entries()
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
