//! Local files: the config directory (key map, user themes), the local
//! attestations file, and the errors their parsers report, located by
//! file, line and column.
//!
//! The config directory is `RAMPART_CONFIG_DIR` when set, else the
//! platform's (`~/.config/rampart` on Linux). The attestations file is in
//! `RAMPART_DATA_DIR` when set, else the platform's data directory.

pub mod settings;

use crate::model::Estate;
use std::fmt;
use std::path::{Path, PathBuf};

/// Environment variable that replaces the config directory.
pub const CONFIG_DIR_ENV: &str = "RAMPART_CONFIG_DIR";
/// Environment variable that replaces the data directory (attestations).
pub const DATA_DIR_ENV: &str = "RAMPART_DATA_DIR";
/// The key map file in the config directory.
pub const KEYS_FILE: &str = "keys.toml";
/// The user themes directory in the config directory.
pub const THEMES_DIR: &str = "themes";

/// The config directory, when there is one.
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => {
            directories::ProjectDirs::from("", "", "rampart").map(|d| d.config_dir().to_path_buf())
        }
    }
}

/// The local attestations file, when there is a place for one.
pub fn attestations_path() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d).join(crate::attest::FILE_NAME)),
        _ => crate::attest::default_path(),
    }
}

/// Adds the attestations of the local file at `path` to the estate (those
/// it already holds, e.g. from a snapshot, are not repeated).
pub fn merge_attestations(estate: &mut Estate, path: &Path) -> Result<(), String> {
    let local = crate::attest::load(path).map_err(|e| e.to_string())?;
    for a in local {
        if !estate.attestations.contains(&a) {
            estate.attestations.push(a);
        }
    }
    Ok(())
}

/// Who records attestations: the login name, else `reviewer`.
pub fn reviewer() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "reviewer".to_string())
}

/// A problem in a local file: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    /// 1-based line and column; 0 when the problem has no position (the
    /// file could not be read).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl FileError {
    /// An error at byte `offset` of `text`.
    pub fn at(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> FileError {
        let (line, column) = line_col(text, offset);
        FileError {
            path: path.display().to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// An error with no position (e.g. the file cannot be read).
    pub fn whole(path: &Path, message: impl Into<String>) -> FileError {
        FileError {
            path: path.display().to_string(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }

    /// A TOML syntax error from the `toml` crate, located by its span.
    pub fn from_toml(path: &Path, text: &str, e: &toml::de::Error) -> FileError {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        FileError::at(path, text, offset, e.message().trim())
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(
                f,
                "{}: line {}, column {}: {}",
                self.path, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for FileError {}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// Reads a local file; `Ok(None)` when it does not exist.
pub fn read_optional(path: &Path) -> Result<Option<String>, FileError> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(FileError::whole(path, format!("cannot read: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a = 1\nbé = x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // 'x' follows "bé = " (5 characters, 6 bytes).
        assert_eq!(line_col(text, text.find('x').expect("x")), (2, 6));
        assert_eq!(line_col(text, 10_000), (3, 1));
    }

    #[test]
    fn local_attestations_join_the_estate_once() {
        use crate::model::{Attestation, AttestationStatus};
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("attestations.json");
        let a = Attestation {
            requirement_id: "e8/regular-backups/ml1".to_string(),
            status: AttestationStatus::Met,
            note: "restore tested".to_string(),
            by: "alice".to_string(),
            at: crate::demo::now(),
        };
        crate::attest::append(&path, a.clone()).expect("append");
        let mut e = crate::demo::estate();
        let before = e.attestations.len();
        merge_attestations(&mut e, &path).expect("merge");
        merge_attestations(&mut e, &path).expect("merge again");
        assert_eq!(e.attestations.len(), before + 1);
        assert!(e.attestations.contains(&a));
        std::fs::write(&path, "{").expect("write");
        assert!(merge_attestations(&mut e, &path).is_err());
    }

    #[test]
    fn toml_errors_carry_their_position() {
        let text = "name = \"x\"\n[roles\n";
        let e = toml::from_str::<toml::Table>(text).expect_err("bad toml");
        let fe = FileError::from_toml(Path::new("t.toml"), text, &e);
        assert_eq!(fe.line, 2, "{fe}");
        assert!(
            fe.to_string().starts_with("t.toml: line 2, column "),
            "{fe}"
        );
    }
}
