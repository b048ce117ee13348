//! The local attestations file: manual evidence a reviewer records per
//! requirement (never sent to AWS). JSON, written atomically with mode 0600.
//!
//! ```json
//! {"version": 1, "attestations": [{"requirement_id": "e8/regular-backups/ml1/restore-tested",
//!   "status": "met", "note": "DR test 2026-10", "by": "alice", "at": "2026-10-30T10:00:00Z"}]}
//! ```
//!
//! Entries are kept as history: appending never rewrites an earlier entry,
//! and the posture engine uses the latest one per requirement.

use crate::model::Attestation;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file format version this build reads and writes.
pub const VERSION: u32 = 1;
/// File name in rampart's data directory.
pub const FILE_NAME: &str = "attestations.json";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a valid attestations file: {source}", path.display())]
    Parse {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{}: attestations file version {found} is not supported (expected {VERSION})", path.display())]
    Version { path: PathBuf, found: u32 },
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    #[serde(default)]
    attestations: Vec<Attestation>,
}

/// `<data dir>/rampart/attestations.json`, when the platform has a data dir.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "rampart").map(|d| d.data_dir().join(FILE_NAME))
}

/// Reads the file. A file that does not exist yet holds no attestations.
pub fn load(path: &Path) -> Result<Vec<Attestation>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let file: File = serde_json::from_str(&text).map_err(|source| Error::Parse {
        path: path.to_path_buf(),
        source,
    })?;
    if file.version != VERSION {
        return Err(Error::Version {
            path: path.to_path_buf(),
            found: file.version,
        });
    }
    Ok(file.attestations)
}

/// Replaces the file's contents atomically (temp file in the same
/// directory, synced, then renamed), readable by the owner only.
pub fn save(path: &Path, attestations: &[Attestation]) -> Result<(), Error> {
    let write_err = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(write_err)?;
    let json = serde_json::to_vec_pretty(&File {
        version: VERSION,
        attestations: attestations.to_vec(),
    })
    .map_err(|source| Error::Parse {
        path: path.to_path_buf(),
        source,
    })?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(write_err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(write_err)?;
    }
    tmp.write_all(&json).map_err(write_err)?;
    tmp.write_all(b"\n").map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist(path).map_err(|e| write_err(e.error))?;
    Ok(())
}

/// Adds one attestation to the file and returns the full list.
pub fn append(path: &Path, attestation: Attestation) -> Result<Vec<Attestation>, Error> {
    let mut all = load(path)?;
    all.push(attestation);
    save(path, &all)?;
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttestationStatus;
    use chrono::TimeZone;

    fn att(id: &str, status: AttestationStatus) -> Attestation {
        Attestation {
            requirement_id: id.to_string(),
            status,
            note: "checked".to_string(),
            by: "alice".to_string(),
            at: chrono::Utc
                .with_ymd_and_hms(2026, 10, 30, 10, 0, 0)
                .single()
                .expect("valid time"),
        }
    }

    #[test]
    fn a_missing_file_holds_nothing_and_append_creates_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join(FILE_NAME);
        assert!(load(&path).expect("missing is fine").is_empty());
        let a = att(
            "e8/regular-backups/ml1/restore-tested",
            AttestationStatus::Met,
        );
        append(&path, a.clone()).expect("append");
        let b = att(
            "e8/regular-backups/ml1/restore-tested",
            AttestationStatus::NotMet,
        );
        let all = append(&path, b.clone()).expect("append");
        assert_eq!(all, vec![a.clone(), b.clone()]);
        assert_eq!(load(&path).expect("load"), vec![a, b]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let leftovers = std::fs::read_dir(path.parent().expect("dir"))
            .expect("dir")
            .count();
        assert_eq!(leftovers, 1, "no temp files left behind");
    }

    #[test]
    fn bad_files_are_errors_not_empty_lists() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "{not json").expect("write");
        assert!(matches!(load(&path), Err(Error::Parse { .. })));
        std::fs::write(&path, r#"{"version":9,"attestations":[]}"#).expect("write");
        let err = load(&path).expect_err("version");
        assert!(err.to_string().contains("version 9"), "{err}");
        // An append on a bad file must not overwrite it.
        assert!(append(&path, att("x", AttestationStatus::Met)).is_err());
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("\"version\":9")
        );
    }
}
