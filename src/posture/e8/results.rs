//! The Essential Eight result types.

use super::mapping::{Confidence, MatchKind, StrategySource};
use super::{Level, Objective, Strategy};
use crate::model::{AttestationStatus, Timestamp};
use crate::posture::controls::ControlStatus;
use crate::posture::coverage::Coverage;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementStatus {
    Met,
    NotMet,
    Partly,
    /// AWS evidence exists for it but the mapped controls have no data.
    Unknown,
    /// Not assessable from AWS: a reviewer must attest it.
    ManualEvidenceRequired,
    NotApplicable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelStatus {
    Met,
    NotMet,
    Partly,
    Unknown,
    ManualEvidenceRequired,
}

/// What a requirement's status rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Measured,
    Attested,
    MeasuredAndAttested,
    None,
}

/// The attestation a result used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttestationRef {
    pub requirement_id: String,
    pub status: AttestationStatus,
    pub note: String,
    pub by: String,
    pub at: Timestamp,
}

/// A mapped control and its status, with the mapping's provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlEvidence {
    pub control_id: String,
    /// `None` when nothing is known (no findings, or findings not loaded).
    pub status: Option<ControlStatus>,
    pub failed_finding_ids: Vec<String>,
    pub config_rule: String,
    pub strategy_source: StrategySource,
    pub confidence: Confidence,
    pub match_kind: MatchKind,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementResult {
    pub id: String,
    pub text: &'static str,
    pub status: RequirementStatus,
    pub basis: Basis,
    /// The status from AWS evidence alone (`None`: no AWS signal).
    pub measured: Option<RequirementStatus>,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub aws_scope: &'static str,
    pub evidence: Vec<ControlEvidence>,
    pub attestation: Option<AttestationRef>,
    /// True when an attestation says met but a mapped control failed.
    pub conflict: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelResult {
    pub level: Level,
    pub status: LevelStatus,
    pub requirements: Vec<RequirementResult>,
    /// Failed controls mapped to the strategy at this level (informational:
    /// only controls named by a requirement change the status).
    pub failing_mapped_controls: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyResult {
    pub strategy: Strategy,
    pub name: &'static str,
    /// 0..=3: the highest level met together with every level below it.
    pub maturity: u8,
    pub maturity_label: String,
    /// The first level not met, when there is one.
    pub limited_by: Option<Level>,
    pub assessable_from_aws: bool,
    pub levels: Vec<LevelResult>,
    /// Every control the mapping gives this strategy, with its status.
    pub mapped_controls: Vec<ControlEvidence>,
    pub measured_requirements: usize,
    pub attested_requirements: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveResult {
    pub objective: Objective,
    pub name: &'static str,
    pub controls: Vec<ControlEvidence>,
    pub passed: usize,
    pub failed: usize,
}

/// The Essential Eight assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EssentialEight {
    /// Coverage of the Security Hub findings behind measured evidence.
    pub coverage: Coverage,
    /// The lowest maturity across the eight (ASD assesses them together).
    pub overall_maturity: u8,
    pub strategies: Vec<StrategyResult>,
    pub objectives: Vec<ObjectiveResult>,
    /// `e8/...` attestation ids that match no requirement or level.
    pub unmatched_attestations: Vec<String>,
}
