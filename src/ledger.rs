//! The session log: an append-only, hash-chained JSON-lines file.
//!
//! Every session writes its own file in the data directory
//! (`session-<utc timestamp>-<pid>.jsonl`, mode 0600). Each line is one
//! [`Entry`]: a sequence number, the time, what happened ([`Event`]) and
//! `prev`, the hex SHA-256 of the previous line's exact bytes (without its
//! `\n`; 64 zeros for the first line). Editing, deleting or reordering a
//! line breaks the chain at that line, which [`verify`] reports. Changing
//! the last line, or cutting whole lines off the end, can only be detected
//! against a head hash recorded elsewhere ([`Ledger::head`],
//! `rampart audit verify --expect-head`).
//!
//! [`Ledger`] is safe to share between threads (`Arc<Ledger>`): appends
//! are serialised by a mutex and each line is handed to the OS in a single
//! write before `append` returns.

mod entry;
mod error;
mod exports;
mod location;
mod session;
mod verify;

#[cfg(test)]
mod tests;

pub use entry::{Entry, Event, GENESIS, Outcome};
pub use error::LedgerError;
pub use exports::{ExportCheck, ExportState, check_exports, sha256_file};
pub use location::{DATA_DIR_ENV, data_dir};
pub use session::{LogStatus, SessionLog};
pub use verify::{Break, VerifyError, VerifyReport, verify, verify_bytes};

use crate::model::Timestamp;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Hex SHA-256 of `bytes` (lower case, 64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// An open session log.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    file: File,
    /// Hash of the last line written (GENESIS before the first).
    head: String,
    /// Bytes written so far: a failed write is cut back to this length.
    len: u64,
    /// Every entry written in this session, for the `:log` view.
    entries: Vec<Entry>,
}

impl Ledger {
    /// Creates a new session log in `dir` (created 0700 when missing).
    pub fn open(dir: &Path) -> Result<Ledger, LedgerError> {
        let (path, file) = location::create_log(dir, chrono::Utc::now())?;
        Ok(Ledger {
            path,
            inner: Mutex::new(Inner {
                file,
                head: GENESIS.to_string(),
                len: 0,
                entries: Vec::new(),
            }),
        })
    }

    /// [`Ledger::open`] in [`data_dir`].
    pub fn open_default() -> Result<Ledger, LedgerError> {
        Ledger::open(&data_dir()?)
    }

    /// Appends `event`, stamped now.
    pub fn append(&self, event: Event) -> Result<(), LedgerError> {
        self.append_at(event, chrono::Utc::now())
    }

    /// Appends `event` stamped `at` (tests and replays fix the clock). On
    /// error nothing is recorded in memory and the chain head is unchanged.
    pub fn append_at(&self, event: Event, at: Timestamp) -> Result<(), LedgerError> {
        let mut inner = self.lock();
        let entry = Entry {
            seq: inner.entries.len() as u64 + 1,
            at,
            event,
            prev: inner.head.clone(),
        };
        let mut line = serde_json::to_vec(&entry).map_err(|e| LedgerError::Encode {
            path: self.path.display().to_string(),
            message: e.to_string(),
        })?;
        let hash = sha256_hex(&line);
        line.push(b'\n');
        if let Err(e) = inner
            .file
            .write_all(&line)
            .and_then(|()| inner.file.flush())
        {
            // Best effort: drop a partly written line so the chain stays whole.
            let _ = inner.file.set_len(inner.len);
            return Err(LedgerError::io(&self.path, e));
        }
        inner.len += line.len() as u64;
        inner.head = hash;
        inner.entries.push(entry);
        Ok(())
    }

    /// The log file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every entry written so far, oldest first.
    pub fn entries(&self) -> Vec<Entry> {
        self.lock().entries.clone()
    }

    /// Entries with `seq > after` (for views that refresh incrementally).
    pub fn entries_after(&self, after: u64) -> Vec<Entry> {
        let inner = self.lock();
        let start = usize::try_from(after)
            .unwrap_or(usize::MAX)
            .min(inner.entries.len());
        inner.entries[start..].to_vec()
    }

    /// Number of entries written.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Hash of the last line (the chain head); 64 zeros when empty.
    pub fn head(&self) -> String {
        self.lock().head.clone()
    }

    /// A panic elsewhere while holding the lock leaves the data consistent
    /// (the head only moves after a successful write), so keep going.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}
