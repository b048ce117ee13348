//! What one line of the session log holds.

use crate::model::{AttestationStatus, Timestamp};
use serde::{Deserialize, Serialize};

/// The `prev` of the first entry: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One line of the log: `{"seq":..,"at":..,"kind":..,<event fields>,"prev":..}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// 1 for the first entry, then +1 per line.
    pub seq: u64,
    /// When the entry was appended (UTC).
    pub at: Timestamp,
    #[serde(flatten)]
    pub event: Event,
    /// Hex SHA-256 of the previous line's exact bytes (without its line
    /// end); [`GENESIS`] for the first entry.
    pub prev: String,
}

/// What happened. Serialised with a `kind` tag in snake_case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The session began: first entry of every log.
    SessionStart {
        /// rampart's version.
        version: String,
        /// The command line, program name excluded.
        args: Vec<String>,
        /// Where the estate comes from (`demo`, file names, `live: profile`).
        origin: String,
        /// False only when writes were enabled for the session.
        read_only: bool,
    },
    /// One AWS API call (sent, failed or refused before sending).
    AwsCall {
        /// Service name, e.g. `securityhub`, `ec2`.
        service: String,
        /// Operation name, e.g. `GetFindings`.
        operation: String,
        region: String,
        /// The `x-amzn-RequestId` (or equivalent), when a response came back.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
        outcome: Outcome,
        duration_ms: u64,
    },
    /// A change made in AWS (workflow update, GuardDuty archive, ...).
    Write {
        /// What was changed, e.g. `securityhub:BatchUpdateFindings workflow=RESOLVED`.
        what: String,
        /// Finding ids / ARNs the write was aimed at.
        targets: Vec<String>,
        outcome: Outcome,
    },
    /// A reviewer attestation recorded locally.
    Attestation {
        requirement_id: String,
        status: AttestationStatus,
        #[serde(default)]
        note: String,
        by: String,
    },
    /// A file written by rampart (report, snapshot).
    Export {
        path: String,
        /// Hex SHA-256 of the bytes written.
        sha256: String,
    },
}

impl Event {
    /// A `session_start` for this build of rampart.
    pub fn session_start(args: Vec<String>, origin: String, read_only: bool) -> Event {
        Event::SessionStart {
            version: env!("CARGO_PKG_VERSION").to_string(),
            args,
            origin,
            read_only,
        }
    }

    /// The `kind` tag as written.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::SessionStart { .. } => "session_start",
            Event::AwsCall { .. } => "aws_call",
            Event::Write { .. } => "write",
            Event::Attestation { .. } => "attestation",
            Event::Export { .. } => "export",
        }
    }

    /// One-line human description (not sanitised: callers sanitise).
    pub fn describe(&self) -> String {
        match self {
            Event::SessionStart {
                version,
                origin,
                read_only,
                ..
            } => format!(
                "session start: rampart {version}, {origin}, {}",
                if *read_only {
                    "read-only"
                } else {
                    "writes allowed"
                }
            ),
            Event::AwsCall {
                service,
                operation,
                region,
                request_id,
                outcome,
                duration_ms,
            } => format!(
                "{service}:{operation} {region} {} {duration_ms} ms{}",
                outcome.describe(),
                request_id
                    .as_deref()
                    .map(|r| format!(" (request {r})"))
                    .unwrap_or_default()
            ),
            Event::Write {
                what,
                targets,
                outcome,
            } => format!(
                "write {what} on {} target(s): {}",
                targets.len(),
                outcome.describe()
            ),
            Event::Attestation {
                requirement_id,
                status,
                by,
                ..
            } => format!("attestation {requirement_id}: {} by {by}", status.as_str()),
            Event::Export { path, sha256 } => format!("export {path} sha256 {sha256}"),
        }
    }
}

/// How an AWS call or a write ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Outcome {
    /// The service answered with success.
    Ok,
    /// Stopped before any byte was sent (read-only guard, auditor build).
    Refused { reason: String },
    /// Sent, and failed (service error, timeout, partial failure).
    Failed { error: String },
}

impl Outcome {
    pub fn refused(reason: impl Into<String>) -> Outcome {
        Outcome::Refused {
            reason: reason.into(),
        }
    }

    pub fn failed(error: impl Into<String>) -> Outcome {
        Outcome::Failed {
            error: error.into(),
        }
    }

    pub fn is_ok(&self) -> bool {
        matches!(self, Outcome::Ok)
    }

    pub fn describe(&self) -> String {
        match self {
            Outcome::Ok => "ok".to_string(),
            Outcome::Refused { reason } => format!("refused: {reason}"),
            Outcome::Failed { error } => format!("failed: {error}"),
        }
    }
}
