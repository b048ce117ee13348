//! Snapshot files and imports of AWS exports.
//!
//! A file is recognised by its content, never its name: a rampart snapshot,
//! or Security Hub (ASFF), GuardDuty or Macie findings in any of the shapes
//! the AWS CLI, boto3, EventBridge, the consoles and common tools write
//! (zstd-compressed or not). Several files merge into one estate and the
//! findings are de-duplicated across them (domain.md 4.3). Any bad file
//! fails the whole load: nothing is ever half-loaded.

mod asff;
mod classify;
mod detect;
mod error;
mod fields;
mod format;
mod gd_resource;
mod guardduty;
mod import;
mod macie;
mod save;
mod timestamp;

pub use error::{EXPECTED_SHAPES, LoadError, SaveError};
pub use format::{FORMAT, VERSION};
pub use save::save;

use crate::model::{DataOrigin, Estate, EstateMeta, Timestamp, dedup_findings};
use detect::Parsed;
use std::path::{Path, PathBuf};

/// Opens every file (snapshot or import, recognised by content) and merges
/// them into one estate whose origin lists the paths, with findings
/// de-duplicated. The first bad file is the error.
pub fn load_paths(paths: &[PathBuf], now: Timestamp) -> Result<Estate, LoadError> {
    let mut names = Vec::with_capacity(paths.len());
    let mut merged: Option<Estate> = None;
    for path in paths {
        let name = path.display().to_string();
        let bytes = read(path, &name)?;
        let estate = load_one(&name, &bytes, now)?;
        match merged.as_mut() {
            None => merged = Some(estate),
            Some(m) => m.absorb(estate),
        }
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let mut estate = merged.unwrap_or_else(|| {
        Estate::empty(EstateMeta::new(
            DataOrigin::Files { paths: Vec::new() },
            now,
        ))
    });
    estate.meta.origin = DataOrigin::Files { paths: names };
    estate.findings = dedup_findings(std::mem::take(&mut estate.findings));
    Ok(estate)
}

/// Reads one file's bytes (for stdin and tests); `name` is used in errors
/// and as the origin.
pub fn load_bytes(name: &str, bytes: &[u8], now: Timestamp) -> Result<Estate, LoadError> {
    let mut estate = load_one(name, bytes, now)?;
    estate.findings = dedup_findings(std::mem::take(&mut estate.findings));
    Ok(estate)
}

fn load_one(name: &str, bytes: &[u8], now: Timestamp) -> Result<Estate, LoadError> {
    match detect::parse(name, bytes)? {
        Parsed::Snapshot(estate) => {
            let mut estate = *estate;
            estate.meta.origin = DataOrigin::Files {
                paths: vec![name.to_string()],
            };
            Ok(estate)
        }
        Parsed::Export { records, truncated } => import::estate(name, records, truncated, now),
    }
}

fn read(path: &Path, name: &str) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            name: name.to_string(),
        },
        _ => LoadError::Io {
            name: name.to_string(),
            message: e.to_string(),
        },
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory {
            name: name.to_string(),
        });
    }
    std::fs::read(path).map_err(|e| LoadError::Io {
        name: name.to_string(),
        message: e.to_string(),
    })
}
