//! The SHA-256 of what a report was built from.

use crate::model::Estate;
use crate::snapshot::{FORMAT, VERSION};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::PathBuf;

/// One input and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputDigest {
    /// The file as named on the command line, or `canonical snapshot`.
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What the hashes cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DigestKind {
    /// The bytes of each `--file` input, as read when the report was made.
    InputFiles,
    /// The snapshot JSON `snapshot::save` would write for the estate
    /// (uncompressed), for demo and live estates.
    CanonicalSnapshot,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceDigest {
    pub kind: DigestKind,
    pub inputs: Vec<InputDigest>,
}

impl SourceDigest {
    /// Hashes each input file.
    pub fn of_files(paths: &[PathBuf]) -> Result<SourceDigest, String> {
        let mut inputs = Vec::with_capacity(paths.len());
        for p in paths {
            let err = |e: std::io::Error| format!("{}: cannot read: {e}", p.display());
            let mut w = HashingWriter {
                hasher: Sha256::new(),
                bytes: 0,
            };
            let mut file = std::fs::File::open(p).map_err(err)?;
            std::io::copy(&mut file, &mut w).map_err(err)?;
            inputs.push(InputDigest {
                name: p.display().to_string(),
                bytes: w.bytes,
                sha256: hex::encode(w.hasher.finalize()),
            });
        }
        Ok(SourceDigest {
            kind: DigestKind::InputFiles,
            inputs,
        })
    }

    /// Hashes the canonical snapshot of `estate`, streaming: the JSON is
    /// never held in memory (it runs to hundreds of MB for 100k findings).
    pub fn canonical(estate: &Estate) -> Result<SourceDigest, String> {
        let mut w = HashingWriter {
            hasher: Sha256::new(),
            bytes: 0,
        };
        serde_json::to_writer_pretty(&mut w, &snapshot(estate))
            .map_err(|e| format!("cannot encode the estate: {e}"))?;
        w.write_all(b"\n").map_err(|e| e.to_string())?;
        Ok(SourceDigest {
            kind: DigestKind::CanonicalSnapshot,
            inputs: vec![InputDigest {
                name: "canonical snapshot".to_string(),
                bytes: w.bytes,
                sha256: hex::encode(w.hasher.finalize()),
            }],
        })
    }
}

#[derive(Serialize)]
struct Snapshot<'a> {
    format: &'static str,
    version: u32,
    estate: &'a Estate,
}

fn snapshot(estate: &Estate) -> Snapshot<'_> {
    Snapshot {
        format: FORMAT,
        version: VERSION,
        estate,
    }
}

/// Feeds SHA-256 and counts bytes.
struct HashingWriter {
    hasher: Sha256,
    bytes: u64,
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.hasher.update(buf);
        self.bytes += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The exact bytes `snapshot::save` writes to an uncompressed file.
pub fn canonical_snapshot(estate: &Estate) -> Result<Vec<u8>, String> {
    let mut out = serde_json::to_vec_pretty(&snapshot(estate))
        .map_err(|e| format!("cannot encode the estate: {e}"))?;
    out.push(b'\n');
    Ok(out)
}
