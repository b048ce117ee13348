//! The `:log` view's state: every AWS call of the session (from the
//! guard's call ledger, refusals included) and what was done or refused
//! locally (writes), newest first.

use super::super::cursor::ListCursor;
use super::LiveState;
use crate::aws::{CallOutcome, CallRecord};
use crate::model::Timestamp;

/// How an entry ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    Ok,
    /// Stopped by the read-only guard (or refused locally): nothing sent.
    Refused,
    Failed,
    /// A local action that succeeded (a write's summary).
    Local,
}

/// One row of the log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub at: Timestamp,
    pub kind: LogKind,
    /// `SecurityHub`, `KMS`, ... or `rampart` for local events.
    pub service: String,
    pub operation: String,
    pub region: String,
    /// `ok`, `refused: ...`, `failed (403): ...`, or the local event.
    pub outcome: String,
    pub duration_ms: Option<u64>,
    pub attempts: u32,
    pub request_id: String,
}

impl LogEntry {
    fn of_call(r: &CallRecord) -> LogEntry {
        let (kind, outcome) = match &r.outcome {
            CallOutcome::Ok => (LogKind::Ok, "ok".to_string()),
            CallOutcome::Refused { reason } => (LogKind::Refused, format!("refused: {reason}")),
            CallOutcome::Failed {
                http_status,
                message,
            } => (
                LogKind::Failed,
                match http_status {
                    Some(s) => format!("failed ({s}): {message}"),
                    None => format!("failed: {message}"),
                },
            ),
        };
        LogEntry {
            at: r.started_at,
            kind,
            service: r.service.clone(),
            operation: r.operation.clone(),
            region: r.region.clone().unwrap_or_default(),
            outcome,
            duration_ms: Some(r.duration_ms),
            attempts: r.attempts,
            request_id: r.request_id.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Default)]
pub struct LogView {
    pub cursor: ListCursor,
    /// Oldest first; shown newest first.
    entries: Vec<LogEntry>,
    calls_seen: usize,
    events_seen: usize,
}

impl LogView {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Row `i` as shown (0 = newest).
    pub fn row(&self, i: usize) -> Option<&LogEntry> {
        let n = self.entries.len();
        i.checked_add(1)
            .and_then(|k| n.checked_sub(k))
            .and_then(|j| self.entries.get(j))
    }

    /// (calls, refused, failed) among the entries.
    pub fn counts(&self) -> (usize, usize, usize) {
        let calls = self.entries.iter().filter(|e| e.service != "rampart");
        let (mut n, mut refused, mut failed) = (0, 0, 0);
        for e in calls {
            n += 1;
            match e.kind {
                LogKind::Refused => refused += 1,
                LogKind::Failed => failed += 1,
                _ => {}
            }
        }
        (n, refused, failed)
    }

    /// Takes in what happened since the last sync; the selected row stays.
    pub fn sync(&mut self, live: &LiveState) {
        let before = self.entries.len();
        if let Some(ledger) = &live.ledger
            && ledger.len() > self.calls_seen
        {
            let new = ledger.since(self.calls_seen);
            self.calls_seen += new.len();
            self.entries.extend(new.iter().map(LogEntry::of_call));
        }
        if let Some(events) = live.events.get(self.events_seen..)
            && !events.is_empty()
        {
            self.events_seen += events.len();
            self.entries.extend(events.iter().map(|e| LogEntry {
                at: e.at,
                kind: if e.ok {
                    LogKind::Local
                } else {
                    LogKind::Refused
                },
                service: "rampart".into(),
                operation: String::new(),
                region: String::new(),
                outcome: e.what.clone(),
                duration_ms: None,
                attempts: 0,
                request_id: String::new(),
            }));
        }
        let added = self.entries.len() - before;
        if added > 0 {
            self.entries.sort_by_key(|e| e.at);
            if self.cursor.selected > 0 {
                self.cursor.selected += added;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::live::LocalEvent;
    use chrono::TimeZone;

    fn at(min: u32) -> Timestamp {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 1, 12, min, 0)
            .single()
            .expect("time")
    }

    fn event(min: u32, what: &str, ok: bool) -> LocalEvent {
        LocalEvent {
            at: at(min),
            what: what.into(),
            ok,
        }
    }

    #[test]
    fn newest_first_and_the_selection_stays_on_its_row() {
        let mut live = LiveState::new(at(0));
        live.events.push(event(1, "first", true));
        live.events.push(event(3, "third", false));
        let mut v = LogView::default();
        v.sync(&live);
        assert_eq!(v.len(), 2);
        assert_eq!(v.row(0).map(|e| e.outcome.as_str()), Some("third"));
        assert_eq!(v.row(0).map(|e| e.kind), Some(LogKind::Refused));
        v.cursor.selected = 1;
        live.events.push(event(2, "second", true));
        live.events.push(event(4, "fourth", true));
        v.sync(&live);
        let order: Vec<&str> = (0..v.len())
            .filter_map(|i| v.row(i))
            .map(|e| e.outcome.as_str())
            .collect();
        assert_eq!(order, ["fourth", "third", "second", "first"]);
        assert_eq!(v.cursor.selected, 3, "still on `first`");
        assert!(v.row(4).is_none());
        assert_eq!(v.counts(), (0, 0, 0), "local events are not AWS calls");
    }
}
