//! Manual evidence recorded by a reviewer (kept locally, never in AWS).

use super::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttestationStatus {
    Met,
    NotMet,
    Partial,
    NotApplicable,
}

impl AttestationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AttestationStatus::Met => "met",
            AttestationStatus::NotMet => "not met",
            AttestationStatus::Partial => "partly met",
            AttestationStatus::NotApplicable => "not applicable",
        }
    }
}

/// One reviewer statement about one requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attestation {
    /// Requirement id, e.g. `e8/restrict-office-macros/ml1`.
    pub requirement_id: String,
    pub status: AttestationStatus,
    #[serde(default)]
    pub note: String,
    pub by: String,
    pub at: Timestamp,
}
