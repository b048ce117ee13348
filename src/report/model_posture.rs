//! Report sections that come from the posture engine: scores, the control
//! status table and the Essential Eight.

use crate::model::Severity;
use crate::posture::ControlStatus;
use crate::posture::e8::{Basis, LevelStatus, RequirementStatus};
use serde::Serialize;

/// One security score: a standard, or every standard (unique controls).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    pub name: String,
    /// `None` for the summary row.
    pub standards_id: Option<String>,
    /// `69%`, `no data` or `not assessed`.
    pub score: String,
    pub percent: Option<u8>,
    pub passed: usize,
    pub failed: usize,
    pub unknown: usize,
    pub no_data: usize,
    pub disabled: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoresSection {
    /// The Security Hub findings' coverage, e.g. `complete`.
    pub coverage: String,
    pub notes: Vec<String>,
    pub summary: ScoreRow,
    pub standards: Vec<ScoreRow>,
}

/// One control across the estate.
#[derive(Debug, Clone, Serialize)]
pub struct ControlRow {
    pub control_id: String,
    pub title: String,
    pub severity: Option<Severity>,
    pub status: ControlStatus,
    /// Names of the standards it is enabled in.
    pub standards: Vec<String>,
    pub failed_findings: usize,
    pub failing_resources: Vec<String>,
}

/// One requirement at one maturity level, with what its status rests on.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementRow {
    pub id: String,
    pub level: String,
    pub text: String,
    pub status: RequirementStatus,
    pub basis: Basis,
    /// Mapped controls as `KMS.4 failed`.
    pub evidence: Vec<String>,
    /// `met by alice 2026-11-01 09:00:00 UTC: note`.
    pub attestation: Option<String>,
    /// An attestation says met but a mapped control failed.
    pub conflict: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelRow {
    pub level: String,
    pub status: LevelStatus,
    pub requirements: usize,
    pub met: usize,
    pub attested: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StrategyRow {
    pub name: String,
    /// `ML0`..`ML3`.
    pub maturity: String,
    /// The first level not met.
    pub limited_by: Option<String>,
    pub assessable_from_aws: bool,
    pub levels: Vec<LevelRow>,
    /// Mapped controls that failed.
    pub failing_controls: Vec<String>,
    pub mapped_controls: usize,
    pub requirements: Vec<RequirementRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EssentialEightSection {
    pub coverage: String,
    /// The lowest maturity across the eight.
    pub overall: String,
    pub strategies: Vec<StrategyRow>,
    /// Attestation ids that match no requirement.
    pub unmatched_attestations: Vec<String>,
}

/// Display words for the Essential Eight statuses.
pub fn requirement_label(s: RequirementStatus) -> &'static str {
    match s {
        RequirementStatus::Met => "met",
        RequirementStatus::NotMet => "not met",
        RequirementStatus::Partly => "partly met",
        RequirementStatus::Unknown => "unknown",
        RequirementStatus::ManualEvidenceRequired => "manual evidence required",
        RequirementStatus::NotApplicable => "not applicable",
    }
}

pub fn level_label(s: LevelStatus) -> &'static str {
    match s {
        LevelStatus::Met => "met",
        LevelStatus::NotMet => "not met",
        LevelStatus::Partly => "partly met",
        LevelStatus::Unknown => "unknown",
        LevelStatus::ManualEvidenceRequired => "manual evidence required",
    }
}

pub fn basis_label(b: Basis) -> &'static str {
    match b {
        Basis::Measured => "measured",
        Basis::Attested => "attested",
        Basis::MeasuredAndAttested => "measured and attested",
        Basis::None => "none",
    }
}
