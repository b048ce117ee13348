//! Writes a rendered report to a file, atomically and privately, and
//! records it in the session log.

use crate::ledger::{Event, Ledger, sha256_hex};
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    /// Nothing was written; an existing file at `path` is untouched.
    #[error("{path}: cannot write: {message}")]
    Write { path: String, message: String },
    /// The file was written but its `export` entry is not in the log.
    #[error("{path} written (sha256 {sha256}) but not recorded in the session log: {message}")]
    NotLogged {
        path: String,
        sha256: String,
        message: String,
    },
}

/// A file written and recorded in the session log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The path as logged: absolute when it can be made so.
    pub path: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
}

/// Writes `bytes` to `path` (complete or not at all, mode 0600), then
/// records it in `ledger` ([`record`]).
pub fn export(bytes: &[u8], path: &Path, ledger: &Ledger) -> Result<Recorded, ExportError> {
    write_atomic(bytes, path).map_err(|message| ExportError::Write {
        path: path.display().to_string(),
        message,
    })?;
    record(path, sha256_hex(bytes), ledger)
}

/// Appends `export {path, sha256}` for a file already written at `path`
/// (a report, a snapshot).
pub fn record(path: &Path, sha256: String, ledger: &Ledger) -> Result<Recorded, ExportError> {
    let logged = absolute(path).display().to_string();
    ledger
        .append(Event::Export {
            path: logged.clone(),
            sha256: sha256.clone(),
        })
        .map_err(|e| ExportError::NotLogged {
            path: logged.clone(),
            sha256: sha256.clone(),
            message: e.to_string(),
        })?;
    Ok(Recorded {
        path: logged,
        sha256,
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn write_atomic(bytes: &[u8], path: &Path) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| "not a file name".to_string())?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| e.to_string())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o600))
            .map_err(|e| e.to_string())?;
    }
    tmp.write_all(bytes).map_err(|e| e.to_string())?;
    tmp.as_file().sync_all().map_err(|e| e.to_string())?;
    tmp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(())
}
