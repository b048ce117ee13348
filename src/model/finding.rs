//! A security finding normalised across Security Hub (ASFF), GuardDuty and
//! Macie, with every provenance it arrived through.

use super::{NativeSeverity, RawJson, Severity, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The product family a finding comes from (what `source:` filters on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Security Hub's own control findings.
    SecurityHub,
    GuardDuty,
    Macie,
    Inspector,
    /// rampart's own checks.
    Rampart,
    /// Any other product integrated with Security Hub (Config, Health,
    /// third parties); the provenance names it.
    Other,
}

impl Source {
    pub const ALL: [Source; 6] = [
        Source::SecurityHub,
        Source::GuardDuty,
        Source::Macie,
        Source::Inspector,
        Source::Rampart,
        Source::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::SecurityHub => "securityhub",
            Source::GuardDuty => "guardduty",
            Source::Macie => "macie",
            Source::Inspector => "inspector",
            Source::Rampart => "rampart",
            Source::Other => "other",
        }
    }

    /// Display name, e.g. `Security Hub`.
    pub fn label(self) -> &'static str {
        match self {
            Source::SecurityHub => "Security Hub",
            Source::GuardDuty => "GuardDuty",
            Source::Macie => "Macie",
            Source::Inspector => "Inspector",
            Source::Rampart => "rampart",
            Source::Other => "Other",
        }
    }

    pub fn parse(s: &str) -> Option<Source> {
        let k: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match k.as_str() {
            "securityhub" | "sh" | "hub" => Some(Source::SecurityHub),
            "guardduty" | "gd" => Some(Source::GuardDuty),
            "macie" | "macie2" => Some(Source::Macie),
            "inspector" | "inspector2" => Some(Source::Inspector),
            "rampart" => Some(Source::Rampart),
            "other" => Some(Source::Other),
            _ => None,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The channel one record of a finding was read through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An ASFF record from Security Hub (API, CLI export, Prowler json-asff).
    SecurityHub,
    /// GuardDuty's own API / CLI shape.
    GuardDuty,
    /// Macie's own API / CLI shape.
    Macie,
    /// Computed by rampart from the estate.
    Rampart,
}

impl Channel {
    pub fn label(self) -> &'static str {
        match self {
            Channel::SecurityHub => "Security Hub (ASFF)",
            Channel::GuardDuty => "GuardDuty API",
            Channel::Macie => "Macie API",
            Channel::Rampart => "rampart check",
        }
    }
}

/// One record a finding was read from, with its original JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub channel: Channel,
    /// ASFF `ProductArn`, when read through Security Hub.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_arn: Option<String>,
    /// `ProductName` (ASFF) or the service name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The id in that channel: ASFF `Id`, GuardDuty finding id, Macie id.
    pub native_id: String,
    /// GuardDuty finding ARN, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_arn: Option<String>,
    pub account_id: String,
    pub region: String,
    /// The record exactly as read.
    pub raw: RawJson,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WorkflowStatus {
    #[default]
    New,
    Notified,
    Resolved,
    Suppressed,
}

impl WorkflowStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkflowStatus::New => "NEW",
            WorkflowStatus::Notified => "NOTIFIED",
            WorkflowStatus::Resolved => "RESOLVED",
            WorkflowStatus::Suppressed => "SUPPRESSED",
        }
    }

    pub fn parse(s: &str) -> Option<WorkflowStatus> {
        match s.trim().to_ascii_uppercase().as_str() {
            "NEW" => Some(WorkflowStatus::New),
            "NOTIFIED" => Some(WorkflowStatus::Notified),
            "RESOLVED" => Some(WorkflowStatus::Resolved),
            "SUPPRESSED" => Some(WorkflowStatus::Suppressed),
            _ => None,
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RecordState {
    #[default]
    Active,
    Archived,
}

impl RecordState {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordState::Active => "ACTIVE",
            RecordState::Archived => "ARCHIVED",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ComplianceStatus {
    Passed,
    Failed,
    Warning,
    NotAvailable,
}

impl ComplianceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ComplianceStatus::Passed => "PASSED",
            ComplianceStatus::Failed => "FAILED",
            ComplianceStatus::Warning => "WARNING",
            ComplianceStatus::NotAvailable => "NOT_AVAILABLE",
        }
    }

    pub fn parse(s: &str) -> Option<ComplianceStatus> {
        match s
            .trim()
            .to_ascii_uppercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "PASSED" | "PASS" => Some(ComplianceStatus::Passed),
            "FAILED" | "FAIL" => Some(ComplianceStatus::Failed),
            "WARNING" => Some(ComplianceStatus::Warning),
            "NOT_AVAILABLE" => Some(ComplianceStatus::NotAvailable),
            _ => None,
        }
    }
}

/// ASFF `Compliance`, for control findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Compliance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ComplianceStatus>,
    /// `Compliance.SecurityControlId` (consolidated), or for legacy
    /// per-standard findings the control id read from `ProductFields`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_control_id: Option<String>,
    /// `Compliance.AssociatedStandards[].StandardsId`, in the
    /// `standards/.../v/x.y.z` (or `ruleset/...`) form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub associated_standards: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_requirements: Vec<String>,
    /// `Compliance.StatusReasons[].ReasonCode`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_reasons: Vec<String>,
    /// True for consolidated control findings (`SecurityControlId` present
    /// in the record); false for legacy per-standard findings.
    #[serde(default)]
    pub consolidated: bool,
}

/// A resource a finding is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Resource {
    /// ASFF resource type (`AwsEc2Instance`, `AwsKmsKey`, `AwsS3Bucket`, ...).
    pub resource_type: String,
    /// ARN or id.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Remediation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A finding, normalised across providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id within the estate: the primary provenance's native id
    /// (GuardDuty / Macie id when known natively, else the ASFF `Id`).
    pub id: String,
    pub source: Source,
    /// Product name for display (`GuardDuty`, `Security Hub`, `Inspector`, ...).
    pub product_name: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Primary type: GuardDuty / Macie type, or the first ASFF `Types` entry.
    pub finding_type: String,
    /// All ASFF `Types` (or the single native type).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator_id: Option<String>,
    pub severity: Severity,
    pub native_severity: NativeSeverity,
    #[serde(default)]
    pub workflow: WorkflowStatus,
    #[serde(default)]
    pub record_state: RecordState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance: Option<Compliance>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation: Option<Remediation>,
    pub account_id: String,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Every record this finding was read through; at least one.
    pub provenances: Vec<Provenance>,
}

impl Finding {
    /// Open = active record and not suppressed. Resolved findings stay open
    /// in the sense of "present"; callers that want "needs action" also
    /// exclude `Resolved`.
    pub fn is_active(&self) -> bool {
        self.record_state == RecordState::Active && self.workflow != WorkflowStatus::Suppressed
    }

    pub fn is_archived(&self) -> bool {
        self.record_state == RecordState::Archived
    }

    pub fn is_suppressed(&self) -> bool {
        self.workflow == WorkflowStatus::Suppressed
    }

    /// The control id for control findings.
    pub fn control_id(&self) -> Option<&str> {
        self.compliance
            .as_ref()
            .and_then(|c| c.security_control_id.as_deref())
    }

    pub fn compliance_status(&self) -> Option<ComplianceStatus> {
        self.compliance.as_ref().and_then(|c| c.status)
    }

    /// The first resource's id, for table display.
    pub fn primary_resource(&self) -> Option<&Resource> {
        self.resources.first()
    }

    /// True when the finding arrived through more than one channel.
    pub fn has_channel(&self, channel: Channel) -> bool {
        self.provenances.iter().any(|p| p.channel == channel)
    }

    /// The id to copy: the GuardDuty finding ARN, else the primary native id.
    pub fn copy_id(&self) -> &str {
        self.provenances
            .iter()
            .find_map(|p| p.native_arn.as_deref())
            .unwrap_or(&self.id)
    }
}
