//! KMS keys as read from ListKeys / DescribeKey / GetKeyRotationStatus /
//! GetKeyPolicy / ListAliases / ListResourceTags.

use super::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyManager {
    Customer,
    Aws,
}

/// `KeyState`, with unknown values kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyState {
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport,
    PendingReplicaDeletion,
    Unavailable,
    Creating,
    Updating,
    Other(String),
}

impl KeyState {
    /// Parses the AWS spelling (`PendingDeletion`).
    pub fn parse(s: &str) -> KeyState {
        match s {
            "Enabled" => KeyState::Enabled,
            "Disabled" => KeyState::Disabled,
            "PendingDeletion" => KeyState::PendingDeletion,
            "PendingImport" => KeyState::PendingImport,
            "PendingReplicaDeletion" => KeyState::PendingReplicaDeletion,
            "Unavailable" => KeyState::Unavailable,
            "Creating" => KeyState::Creating,
            "Updating" => KeyState::Updating,
            other => KeyState::Other(other.to_string()),
        }
    }

    /// The AWS spelling.
    pub fn as_str(&self) -> &str {
        match self {
            KeyState::Enabled => "Enabled",
            KeyState::Disabled => "Disabled",
            KeyState::PendingDeletion => "PendingDeletion",
            KeyState::PendingImport => "PendingImport",
            KeyState::PendingReplicaDeletion => "PendingReplicaDeletion",
            KeyState::Unavailable => "Unavailable",
            KeyState::Creating => "Creating",
            KeyState::Updating => "Updating",
            KeyState::Other(s) => s,
        }
    }
}

/// Automatic rotation as reported by GetKeyRotationStatus.
/// `enabled: None` means the status could not be read (not "off").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Rotation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_rotation: Option<Timestamp>,
}

/// A KMS key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KmsKey {
    pub key_id: String,
    pub arn: String,
    pub account_id: String,
    pub region: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub manager: KeyManager,
    /// `KeySpec`, e.g. `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256`.
    pub spec: String,
    /// `KeyUsage`, e.g. `ENCRYPT_DECRYPT`, `SIGN_VERIFY`, `GENERATE_VERIFY_MAC`.
    pub usage: String,
    /// `Origin`: `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`.
    pub origin: String,
    pub state: KeyState,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<Timestamp>,
    #[serde(default)]
    pub multi_region: bool,
    /// `None` when rotation status was not read.
    #[serde(default)]
    pub rotation: Rotation,
    /// The key policy document (JSON text); `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl KmsKey {
    /// The first alias without the `alias/` prefix, or the key id.
    pub fn display_name(&self) -> &str {
        self.aliases
            .first()
            .map(|a| a.strip_prefix("alias/").unwrap_or(a))
            .unwrap_or(&self.key_id)
    }

    pub fn is_symmetric_default(&self) -> bool {
        self.spec == "SYMMETRIC_DEFAULT"
    }
}
