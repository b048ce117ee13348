//! The rampart snapshot file: `{"format":"rampart-snapshot","version":1,"estate":{...}}`.

use super::LoadError;
use crate::model::Estate;
use serde::{Deserialize, Serialize};

/// Value of the `format` member.
pub const FORMAT: &str = "rampart-snapshot";
/// The snapshot version this rampart writes and reads.
pub const VERSION: u32 = 1;

/// What is written.
#[derive(Serialize)]
pub(super) struct SnapshotOut<'a> {
    pub format: &'static str,
    pub version: u32,
    pub estate: &'a Estate,
}

/// What is read once the version is known to be supported (`format` and
/// `version` were checked by the probe).
#[derive(Deserialize)]
struct SnapshotIn {
    estate: Estate,
}

/// Only the members that identify a snapshot; everything else is skipped
/// without being built.
#[derive(Deserialize)]
pub(super) struct Probe {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

impl Probe {
    pub(super) fn is_snapshot(&self) -> bool {
        self.format.as_ref().and_then(|f| f.as_str()) == Some(FORMAT)
    }
}

/// Reads a snapshot whose probe said `format: rampart-snapshot`.
pub(super) fn read_snapshot(name: &str, probe: &Probe, bytes: &[u8]) -> Result<Estate, LoadError> {
    match &probe.version {
        None => {
            return Err(LoadError::BadSnapshot {
                name: name.to_string(),
                message: "rampart snapshot without a \"version\"".to_string(),
            });
        }
        Some(v) if v.as_u64() == Some(u64::from(VERSION)) => {}
        Some(v) => {
            return Err(LoadError::UnsupportedVersion {
                name: name.to_string(),
                version: v.to_string(),
                supported: VERSION,
            });
        }
    }
    let snapshot: SnapshotIn =
        serde_json::from_slice(bytes).map_err(|e| LoadError::json(name, &e, 0))?;
    Ok(snapshot.estate)
}
