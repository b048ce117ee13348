//! Why the session log could not be opened or written.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LedgerError {
    /// No data directory: neither `RAMPART_DATA_DIR` nor a home directory.
    #[error(
        "no data directory for the session log: set RAMPART_DATA_DIR or HOME (or the platform's equivalent)"
    )]
    NoDataDir,
    #[error("session log {path}: {message}")]
    Io { path: String, message: String },
    #[error("session log {path}: cannot encode entry: {message}")]
    Encode { path: String, message: String },
}

impl LedgerError {
    pub(crate) fn io(path: &std::path::Path, e: impl std::fmt::Display) -> LedgerError {
        LedgerError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }
    }
}
