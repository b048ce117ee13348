//! Checks the files a session exported against the SHA-256 its log
//! recorded for them (`rampart audit verify --exports`): evidence handed
//! on can be shown to be the bytes rampart wrote.

use super::{Entry, Event, VerifyError};
use sha2::{Digest, Sha256};
use std::io::BufRead;
use std::path::Path;

/// What became of one exported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportState {
    /// The file holds exactly the bytes logged.
    Intact,
    /// The file is there with other bytes (their SHA-256).
    Changed { sha256: String },
    /// The file cannot be read (why).
    Missing { message: String },
}

/// One `export` entry of a log and its file now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportCheck {
    pub seq: u64,
    pub path: String,
    /// The SHA-256 the log recorded.
    pub sha256: String,
    pub state: ExportState,
}

/// Every `export` entry of the log at `log`, oldest first, with the state
/// of its file. Call after [`super::verify`]: this reads the entries, it
/// does not check the chain.
pub fn check_exports(log: &Path) -> Result<Vec<ExportCheck>, VerifyError> {
    let io = |message: String| VerifyError::Io {
        path: log.display().to_string(),
        message,
    };
    let file = std::fs::File::open(log).map_err(|e| io(e.to_string()))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| io(e.to_string()))?;
        let entry: Entry =
            serde_json::from_str(&line).map_err(|e| io(format!("line {}: {e}", i + 1)))?;
        if let Event::Export { path, sha256 } = entry.event {
            let state = match sha256_file(Path::new(&path)) {
                Ok(now) if now == sha256 => ExportState::Intact,
                Ok(now) => ExportState::Changed { sha256: now },
                Err(e) => ExportState::Missing {
                    message: e.to_string(),
                },
            };
            out.push(ExportCheck {
                seq: entry.seq,
                path,
                sha256,
                state,
            });
        }
    }
    Ok(out)
}

/// Hex SHA-256 of a file's bytes, read in pieces.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Ledger, sha256_hex};

    #[test]
    fn intact_changed_and_missing_exports_are_told_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ledger = Ledger::open(&dir.path().join("log")).expect("open");
        let files: Vec<_> = ["a.md", "b.html", "c.csv"]
            .iter()
            .map(|n| dir.path().join(n))
            .collect();
        for f in &files {
            std::fs::write(f, f.display().to_string()).expect("write");
            let sha256 = sha256_hex(f.display().to_string().as_bytes());
            ledger
                .append(Event::Export {
                    path: f.display().to_string(),
                    sha256,
                })
                .expect("append");
        }
        std::fs::write(&files[1], "edited").expect("edit");
        std::fs::remove_file(&files[2]).expect("remove");
        let checks = check_exports(ledger.path()).expect("read");
        assert_eq!(checks.len(), 3);
        assert_eq!(checks[0].state, ExportState::Intact);
        assert_eq!(
            checks[1].state,
            ExportState::Changed {
                sha256: sha256_hex(b"edited")
            }
        );
        assert!(matches!(checks[2].state, ExportState::Missing { .. }));
        assert_eq!(checks.iter().map(|c| c.seq).collect::<Vec<_>>(), [1, 2, 3]);
    }
}
