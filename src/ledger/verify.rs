//! Checks a session log's hash chain and names the first broken entry.

use super::{GENESIS, sha256_hex};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use thiserror::Error;

/// An intact log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Number of entries.
    pub entries: usize,
    /// Hash of the last line (64 zeros for an empty log).
    pub head: String,
}

/// Why a log does not verify.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VerifyError {
    #[error("{path}: cannot read: {message}")]
    Io { path: String, message: String },
    /// The first broken entry: `line` is 1-based.
    #[error("{path}:{line}: {problem}")]
    Broken {
        path: String,
        line: usize,
        problem: Break,
    },
}

/// What is wrong at the first broken line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The line's bytes no longer hash to the `prev` the next line recorded.
    Modified { seq: u64 },
    /// The entry expected here is nowhere in the log.
    Deleted { expected: u64, found: u64 },
    /// The entry expected here appears elsewhere, or `found` came earlier.
    Reordered { expected: u64, found: u64 },
    /// The first entry's `prev` is not 64 zeros.
    BadStart,
    /// Not a log entry (not JSON, or missing `seq`/`at`/`kind`/`prev`).
    BadJson { message: String },
    /// The last line has no line end: the file was cut short.
    Truncated,
}

impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Break::Modified { seq } => write!(
                f,
                "entry seq {seq} was modified: its hash does not match the prev recorded by the next entry"
            ),
            Break::Deleted { expected, found } => write!(
                f,
                "entry seq {expected} was deleted: found seq {found} in its place"
            ),
            Break::Reordered { expected, found } => write!(
                f,
                "entries were reordered: expected seq {expected}, found seq {found}"
            ),
            Break::BadStart => f.write_str(
                "the first entry does not start a chain: its prev is not 64 zeros (entries before it were deleted, or it was modified)",
            ),
            Break::BadJson { message } => write!(f, "not a log entry: {message}"),
            Break::Truncated => f.write_str("the last line is incomplete: the log was truncated"),
        }
    }
}

/// The members every entry has, whatever its kind.
#[derive(Deserialize)]
struct Probe {
    seq: u64,
    #[allow(dead_code)]
    at: crate::model::Timestamp,
    #[allow(dead_code)]
    kind: String,
    prev: String,
}

/// Reads and checks the log at `path`.
pub fn verify(path: &Path) -> Result<VerifyReport, VerifyError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| VerifyError::Io {
        path: name.clone(),
        message: e.to_string(),
    })?;
    verify_bytes(&name, &bytes)
}

/// Checks a log held in memory; `name` is used in errors.
pub fn verify_bytes(name: &str, bytes: &[u8]) -> Result<VerifyReport, VerifyError> {
    let broken = |line: usize, problem: Break| VerifyError::Broken {
        path: name.to_string(),
        line,
        problem,
    };
    let (lines, partial) = split_lines(bytes);
    let probes: Vec<Result<Probe, String>> = lines.iter().map(|l| probe(l)).collect();
    // Where each seq first appears (0-based line index).
    let mut seen: HashMap<u64, usize> = HashMap::new();
    for (i, p) in probes.iter().enumerate() {
        if let Ok(p) = p {
            seen.entry(p.seq).or_insert(i);
        }
    }
    let mut head = GENESIS.to_string();
    let mut prev_seq = 0u64;
    for (i, (line, p)) in lines.iter().zip(&probes).enumerate() {
        let line_no = i + 1;
        let p = p
            .as_ref()
            .map_err(|m| broken(line_no, Break::BadJson { message: m.clone() }))?;
        let expected = prev_seq + 1;
        if p.seq != expected {
            let later = seen.get(&expected).is_some_and(|&at| at > i);
            let problem = if p.seq < expected || later {
                Break::Reordered {
                    expected,
                    found: p.seq,
                }
            } else {
                Break::Deleted {
                    expected,
                    found: p.seq,
                }
            };
            return Err(broken(line_no, problem));
        }
        if p.prev != head {
            return Err(if i == 0 {
                broken(line_no, Break::BadStart)
            } else {
                broken(i, Break::Modified { seq: prev_seq })
            });
        }
        head = sha256_hex(line);
        prev_seq = p.seq;
    }
    if partial {
        return Err(broken(lines.len() + 1, Break::Truncated));
    }
    Ok(VerifyReport {
        entries: lines.len(),
        head,
    })
}

/// Complete lines (without `\n`) and whether bytes follow the last `\n`.
fn split_lines(bytes: &[u8]) -> (Vec<&[u8]>, bool) {
    let mut lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    // `split` yields one piece after the last `\n`: empty for a whole file.
    let tail = lines.pop().unwrap_or_default();
    (lines, !tail.is_empty())
}

fn probe(line: &[u8]) -> Result<Probe, String> {
    if line.is_empty() {
        return Err("empty line".to_string());
    }
    let p: Probe = serde_json::from_slice(line).map_err(|e| e.to_string())?;
    let hex_ok = p.prev.len() == 64
        && p.prev
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !hex_ok {
        return Err(format!(
            "prev {:?} is not a hex SHA-256",
            crate::text::sanitize_line(&p.prev, 80)
        ));
    }
    Ok(p)
}
