//! Where session logs live and what they are called.

use super::LedgerError;
use crate::model::Timestamp;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "RAMPART_DATA_DIR";

/// The data directory: `$RAMPART_DATA_DIR` when set and not empty, else the
/// platform data directory for rampart (e.g. `~/.local/share/rampart`).
pub fn data_dir() -> Result<PathBuf, LedgerError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "rampart")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(LedgerError::NoDataDir)
}

/// `session-<YYYYMMDDTHHMMSSZ>-<pid>.jsonl`, with `-<n>` before the
/// extension when `attempt > 0`.
pub(super) fn file_name(started: Timestamp, pid: u32, attempt: u32) -> String {
    let stamp = started.format("%Y%m%dT%H%M%SZ");
    if attempt == 0 {
        format!("session-{stamp}-{pid}.jsonl")
    } else {
        format!("session-{stamp}-{pid}-{attempt}.jsonl")
    }
}

/// Creates `dir` (0700 when new) and a fresh log file in it (0600), never
/// reusing an existing file.
pub(super) fn create_log(dir: &Path, started: Timestamp) -> Result<(PathBuf, File), LedgerError> {
    create_dir(dir)?;
    let pid = std::process::id();
    for attempt in 0..1000 {
        let path = dir.join(file_name(started, pid, attempt));
        let mut options = OpenOptions::new();
        options.append(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(LedgerError::io(&path, e)),
        }
    }
    Err(LedgerError::io(
        dir,
        "too many session logs with the same name",
    ))
}

fn create_dir(dir: &Path) -> Result<(), LedgerError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| LedgerError::io(dir, e))
}
