//! The SHA-256 of what a report was built from.

use crate::ledger::sha256_hex;
use crate::model::Estate;
use crate::snapshot::{FORMAT, VERSION};
use serde::Serialize;
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
            let bytes =
                std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
            inputs.push(InputDigest {
                name: p.display().to_string(),
                bytes: bytes.len() as u64,
                sha256: sha256_hex(&bytes),
            });
        }
        Ok(SourceDigest {
            kind: DigestKind::InputFiles,
            inputs,
        })
    }

    /// Hashes the canonical snapshot of `estate`.
    pub fn canonical(estate: &Estate) -> Result<SourceDigest, String> {
        let bytes = canonical_snapshot(estate)?;
        Ok(SourceDigest {
            kind: DigestKind::CanonicalSnapshot,
            inputs: vec![InputDigest {
                name: "canonical snapshot".to_string(),
                bytes: bytes.len() as u64,
                sha256: sha256_hex(&bytes),
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

/// The exact bytes `snapshot::save` writes to an uncompressed file.
pub fn canonical_snapshot(estate: &Estate) -> Result<Vec<u8>, String> {
    let mut out = serde_json::to_vec_pretty(&Snapshot {
        format: FORMAT,
        version: VERSION,
        estate,
    })
    .map_err(|e| format!("cannot encode the estate: {e}"))?;
    out.push(b'\n');
    Ok(out)
}
