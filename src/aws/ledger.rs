//! The call ledger: one record per AWS request rampart made or refused.
//!
//! Filled by the guard interceptor on every client; read by the TUI's
//! `:log`, the session log and the tests (which operations were sent).

mod logged;

pub use logged::call_event;

use crate::model::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, MutexGuard};

/// How one call ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CallOutcome {
    /// The service answered with a result.
    Ok,
    /// The read-only guard stopped it before anything was sent.
    Refused { reason: String },
    /// Sent (or attempted) and failed.
    Failed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        http_status: Option<u16>,
        message: String,
    },
}

/// One AWS call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallRecord {
    /// Position in the ledger, from 0.
    pub seq: u64,
    /// The SDK's service name: `SecurityHub`, `EC2`, `KMS`, ...
    pub service: String,
    /// The operation: `GetFindings`, `DescribeVpcs`, ...
    pub operation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub started_at: Timestamp,
    pub duration_ms: u64,
    /// Requests that left the machine (0 when refused; >1 after retries).
    pub attempts: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    pub outcome: CallOutcome,
}

impl CallRecord {
    /// The IAM action this call needs, e.g. `securityhub:GetFindings`.
    pub fn iam_action(&self) -> String {
        iam_action(&self.service, &self.operation)
    }
}

/// `service:Operation` in IAM's spelling (the service prefix is the SDK's
/// service name in lower case for every service rampart uses).
pub fn iam_action(service: &str, operation: &str) -> String {
    format!("{}:{operation}", service.to_ascii_lowercase())
}

/// Receives every record as it is appended (the console writes them to
/// the session log).
pub type CallSink = Arc<dyn Fn(&CallRecord) + Send + Sync>;

/// Shared, append-only list of calls. Cloning shares the same ledger.
#[derive(Clone, Default)]
pub struct CallLedger {
    inner: Arc<Mutex<Vec<CallRecord>>>,
    sink: Option<CallSink>,
}

impl std::fmt::Debug for CallLedger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallLedger")
            .field("calls", &self.len())
            .field("sink", &self.sink.is_some())
            .finish()
    }
}

impl CallLedger {
    pub fn new() -> CallLedger {
        CallLedger::default()
    }

    /// A ledger that also hands each record to `sink`, in ledger order,
    /// as it is appended.
    pub fn with_sink(sink: impl Fn(&CallRecord) + Send + Sync + 'static) -> CallLedger {
        CallLedger {
            inner: Arc::default(),
            sink: Some(Arc::new(sink)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Vec<CallRecord>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Appends a record, numbering it.
    pub(crate) fn push(&self, mut rec: CallRecord) {
        let mut v = self.lock();
        rec.seq = v.len() as u64;
        // Under the lock, so the sink sees the ledger's order.
        if let Some(sink) = &self.sink {
            sink(&rec);
        }
        v.push(rec);
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// Every record so far.
    pub fn records(&self) -> Vec<CallRecord> {
        self.lock().clone()
    }

    /// Records from position `from` on (for a view that polls).
    pub fn since(&self, from: usize) -> Vec<CallRecord> {
        let v = self.lock();
        v.get(from..)
            .map(<[CallRecord]>::to_vec)
            .unwrap_or_default()
    }

    /// IAM actions of the calls that were actually sent.
    pub fn sent_actions(&self) -> BTreeSet<String> {
        self.lock()
            .iter()
            .filter(|r| r.attempts > 0)
            .map(CallRecord::iam_action)
            .collect()
    }

    /// Calls the guard refused.
    pub fn refused(&self) -> Vec<CallRecord> {
        self.lock()
            .iter()
            .filter(|r| matches!(r.outcome, CallOutcome::Refused { .. }))
            .cloned()
            .collect()
    }

    /// Requests that left the machine, retries included.
    pub fn attempts(&self) -> u64 {
        self.lock().iter().map(|r| u64::from(r.attempts)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(service: &str, op: &str, attempts: u32, outcome: CallOutcome) -> CallRecord {
        CallRecord {
            seq: 99,
            service: service.into(),
            operation: op.into(),
            region: Some("eu-west-2".into()),
            started_at: chrono::Utc::now(),
            duration_ms: 3,
            attempts,
            request_id: None,
            outcome,
        }
    }

    #[test]
    fn numbers_records_and_reports_sent_actions() {
        let l = CallLedger::new();
        l.push(rec("KMS", "ListKeys", 1, CallOutcome::Ok));
        l.push(rec(
            "SecurityHub",
            "BatchUpdateFindings",
            0,
            CallOutcome::Refused {
                reason: "write".into(),
            },
        ));
        l.clone()
            .push(rec("EC2", "DescribeVpcs", 3, CallOutcome::Ok));
        assert_eq!(l.len(), 3);
        assert_eq!(
            l.records().iter().map(|r| r.seq).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!(
            l.sent_actions().into_iter().collect::<Vec<_>>(),
            ["ec2:DescribeVpcs", "kms:ListKeys"]
        );
        assert_eq!(l.refused().len(), 1);
        assert_eq!(l.attempts(), 4);
        assert_eq!(l.since(2).len(), 1);
        assert!(l.since(10).is_empty());
    }

    #[test]
    fn the_sink_sees_every_record_in_order() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let s = seen.clone();
        let l = CallLedger::with_sink(move |r| {
            s.lock().expect("lock").push((r.seq, r.operation.clone()));
        });
        l.push(rec("KMS", "ListKeys", 1, CallOutcome::Ok));
        l.clone()
            .push(rec("EC2", "DescribeVpcs", 1, CallOutcome::Ok));
        assert_eq!(
            *seen.lock().expect("lock"),
            [(0, "ListKeys".to_string()), (1, "DescribeVpcs".to_string())]
        );
        assert!(format!("{l:?}").contains("calls: 2"));
    }

    #[test]
    fn records_serialise_with_a_tagged_outcome() {
        let json = serde_json::to_value(rec(
            "KMS",
            "ListKeys",
            1,
            CallOutcome::Failed {
                http_status: Some(400),
                message: "x".into(),
            },
        ))
        .expect("json");
        assert_eq!(json["outcome"]["kind"], "failed");
        assert_eq!(json["outcome"]["http_status"], 400);
    }
}
