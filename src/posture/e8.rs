//! ASD Essential Eight (Nov 2023) evaluated per strategy at ML1, ML2 and
//! ML3 from Security Hub control status and reviewer attestations.
//!
//! - `mapping`: the control -> strategy mapping data file (`data/e8-mapping.csv`),
//!   each row with its source and confidence.
//! - `requirements`: the requirements per strategy and level, embedded from
//!   `data/e8-requirements.toml` (own words, domain.md 5.3), each either
//!   backed by named AWS controls or needing manual evidence.
//! - `evaluate`: the rules. AWS evidence alone never makes a requirement
//!   "met" (it covers the AWS part only); a requirement is met when a
//!   reviewer attests it and no mapped control contradicts it.

mod evaluate;
mod mapping;
mod requirements;
mod results;

pub use mapping::{Confidence, MappingRow, MatchKind, StrategySource, Target, mapping};
pub use requirements::{Requirement, level_id, requirements};
pub use results::{
    AttestationRef, Basis, ControlEvidence, EssentialEight, LevelResult, LevelStatus,
    ObjectiveResult, RequirementResult, RequirementStatus, StrategyResult,
};

pub(crate) use evaluate::evaluate;

use serde::Serialize;

/// The eight mitigation strategies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    ApplicationControl,
    PatchApplications,
    RestrictOfficeMacros,
    UserApplicationHardening,
    RestrictAdminPrivileges,
    PatchOperatingSystems,
    MultiFactorAuthentication,
    RegularBackups,
}

impl Strategy {
    pub const ALL: [Strategy; 8] = [
        Strategy::ApplicationControl,
        Strategy::PatchApplications,
        Strategy::RestrictOfficeMacros,
        Strategy::UserApplicationHardening,
        Strategy::RestrictAdminPrivileges,
        Strategy::PatchOperatingSystems,
        Strategy::MultiFactorAuthentication,
        Strategy::RegularBackups,
    ];

    /// Id segment used in requirement ids: `e8/<slug>/ml1/...`.
    pub fn slug(self) -> &'static str {
        match self {
            Strategy::ApplicationControl => "application-control",
            Strategy::PatchApplications => "patch-applications",
            Strategy::RestrictOfficeMacros => "restrict-office-macros",
            Strategy::UserApplicationHardening => "user-application-hardening",
            Strategy::RestrictAdminPrivileges => "restrict-admin-privileges",
            Strategy::PatchOperatingSystems => "patch-operating-systems",
            Strategy::MultiFactorAuthentication => "multi-factor-authentication",
            Strategy::RegularBackups => "regular-backups",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Strategy::ApplicationControl => "Application control",
            Strategy::PatchApplications => "Patch applications",
            Strategy::RestrictOfficeMacros => "Restrict Microsoft Office macros",
            Strategy::UserApplicationHardening => "User application hardening",
            Strategy::RestrictAdminPrivileges => "Restrict administrative privileges",
            Strategy::PatchOperatingSystems => "Patch operating systems",
            Strategy::MultiFactorAuthentication => "Multi-factor authentication",
            Strategy::RegularBackups => "Regular backups",
        }
    }

    /// Parses a strategy name (current or older wording, any case).
    pub fn parse(name: &str) -> Option<Strategy> {
        let n = name.trim().to_ascii_lowercase();
        Strategy::ALL
            .into_iter()
            .find(|s| s.name().to_ascii_lowercase() == n || s.slug() == n)
            .or(match n.as_str() {
                "configure microsoft office macro settings" => Some(Strategy::RestrictOfficeMacros),
                _ => None,
            })
    }
}

/// The three objectives the strategies are grouped under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Objective {
    PreventMalwareDelivery,
    LimitIncidentExtent,
    RecoverData,
}

impl Objective {
    pub const ALL: [Objective; 3] = [
        Objective::PreventMalwareDelivery,
        Objective::LimitIncidentExtent,
        Objective::RecoverData,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Objective::PreventMalwareDelivery => "Prevent malware delivery and execution",
            Objective::LimitIncidentExtent => "Limit the extent of cyber security incidents",
            Objective::RecoverData => "Recover data and system availability",
        }
    }

    /// Parses `Objective: prevent malware delivery and execution` and the like.
    pub fn parse(name: &str) -> Option<Objective> {
        let n = name.trim().to_ascii_lowercase();
        let n = n.strip_prefix("objective:").unwrap_or(&n).trim();
        Objective::ALL
            .into_iter()
            .find(|o| o.name().to_ascii_lowercase() == n)
    }
}

/// A maturity level (ML0 is "ML1 not met" and needs no variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ml1,
    Ml2,
    Ml3,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Ml1, Level::Ml2, Level::Ml3];

    pub fn number(self) -> u8 {
        match self {
            Level::Ml1 => 1,
            Level::Ml2 => 2,
            Level::Ml3 => 3,
        }
    }

    /// `ml1`, as used in requirement ids.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Ml1 => "ml1",
            Level::Ml2 => "ml2",
            Level::Ml3 => "ml3",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ml1" => Some(Level::Ml1),
            "ml2" => Some(Level::Ml2),
            "ml3" => Some(Level::Ml3),
            _ => None,
        }
    }
}

/// `ML0`..`ML3` for display.
pub fn maturity_label(level: u8) -> String {
    format!("ML{level}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_in_both_wordings() {
        assert_eq!(
            Strategy::parse("Configure Microsoft Office macro settings"),
            Some(Strategy::RestrictOfficeMacros)
        );
        assert_eq!(
            Strategy::parse("regular backups"),
            Some(Strategy::RegularBackups)
        );
        assert_eq!(
            Objective::parse("Objective: recover data and system availability"),
            Some(Objective::RecoverData)
        );
        assert_eq!(Level::parse("ML2"), Some(Level::Ml2));
    }
}
