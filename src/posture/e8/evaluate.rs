//! Essential Eight evaluation rules.
//!
//! Requirement: a FAILED mapped control makes it not met (whatever was
//! attested; a contrary attestation is flagged as a conflict). Otherwise the
//! latest attestation decides (met, not met, partly, not applicable). With
//! no attestation, AWS evidence gives at most "partly" (it covers the AWS
//! part only), "unknown" when the mapped controls have no data, and a
//! requirement with no AWS signal is "manual evidence required".
//!
//! Level: not met if any requirement is; met when all are met or not
//! applicable; "manual evidence required" when none has evidence; else
//! partly (or unknown). Maturity is the highest level with it and every
//! level below it met.

use super::mapping::{Confidence, MappingRow, MatchKind, StrategySource, Target, mapping};
use super::requirements::{REQUIREMENTS, Requirement, level_id};
use super::{Level, Objective, Strategy, maturity_label};
use crate::model::{Attestation, AttestationStatus, DatasetKind, Estate, Timestamp};
use crate::posture::controls::{ControlStatus, ControlTable};
use crate::posture::coverage::Coverage;
use serde::Serialize;
use std::collections::HashMap;

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

struct Ctx<'a> {
    table: &'a ControlTable,
    assessed: bool,
    attestations: HashMap<&'a str, &'a Attestation>,
}

pub(crate) fn evaluate(estate: &Estate, table: &ControlTable) -> EssentialEight {
    let coverage = Coverage::all_of(estate, &[DatasetKind::SecurityHubFindings]);
    let ctx = Ctx {
        table,
        assessed: coverage.is_assessed(),
        attestations: latest_attestations(&estate.attestations),
    };
    let strategies: Vec<StrategyResult> = Strategy::ALL.iter().map(|&s| strategy(&ctx, s)).collect();
    let objectives = Objective::ALL.iter().map(|&o| objective(&ctx, o)).collect();
    let unmatched_attestations = unmatched(&ctx.attestations);
    EssentialEight {
        coverage,
        overall_maturity: strategies.iter().map(|s| s.maturity).min().unwrap_or(0),
        strategies,
        objectives,
        unmatched_attestations,
    }
}

fn latest_attestations(list: &[Attestation]) -> HashMap<&str, &Attestation> {
    let mut map: HashMap<&str, &Attestation> = HashMap::new();
    for a in list {
        let id = a.requirement_id.as_str();
        if map.get(id).is_none_or(|prev| prev.at <= a.at) {
            map.insert(id, a);
        }
    }
    map
}

fn unmatched(atts: &HashMap<&str, &Attestation>) -> Vec<String> {
    let mut known: Vec<String> = REQUIREMENTS.iter().map(Requirement::id).collect();
    for s in Strategy::ALL {
        known.extend(Level::ALL.iter().map(|&l| level_id(s, l)));
    }
    let mut out: Vec<String> = atts
        .keys()
        .filter(|id| id.starts_with("e8/") && !known.iter().any(|k| k == *id))
        .map(|id| id.to_string())
        .collect();
    out.sort();
    out
}

fn evidence(ctx: &Ctx<'_>, row: &MappingRow, control_id: &str) -> ControlEvidence {
    let state = ctx.table.get(control_id).filter(|_| ctx.assessed);
    ControlEvidence {
        control_id: control_id.to_string(),
        status: state.map(|c| c.status),
        failed_finding_ids: state.map(|c| c.failed_finding_ids.clone()).unwrap_or_default(),
        config_rule: row.config_rule.clone(),
        strategy_source: row.strategy_source,
        confidence: row.confidence,
        match_kind: row.match_kind,
        levels: row.levels.clone(),
    }
}

/// The best-confidence mapping row per control for `target`.
fn rows_for(target: Target) -> Vec<(&'static MappingRow, &'static str)> {
    let mut out: Vec<(&MappingRow, &str)> = Vec::new();
    for row in mapping().iter().filter(|r| r.target == target) {
        let Some(id) = row.control_id.as_deref() else {
            continue;
        };
        match out.iter_mut().find(|(_, c)| *c == id) {
            Some(slot) if slot.0.confidence < row.confidence => *slot = (row, id),
            Some(_) => {}
            None => out.push((row, id)),
        }
    }
    out
}

fn strategy(ctx: &Ctx<'_>, s: Strategy) -> StrategyResult {
    let rows = rows_for(Target::Strategy(s));
    let mapped_controls: Vec<ControlEvidence> =
        rows.iter().map(|(row, id)| evidence(ctx, row, id)).collect();
    let levels: Vec<LevelResult> = Level::ALL
        .iter()
        .map(|&l| level(ctx, s, l, &rows))
        .collect();
    let first_unmet = levels.iter().find(|l| l.status != LevelStatus::Met).map(|l| l.level);
    let maturity = first_unmet.map(|l| l.number() - 1).unwrap_or(3);
    let all_reqs = || levels.iter().flat_map(|l| l.requirements.iter());
    StrategyResult {
        strategy: s,
        name: s.name(),
        maturity,
        maturity_label: maturity_label(maturity),
        limited_by: first_unmet,
        assessable_from_aws: REQUIREMENTS.iter().any(|r| r.strategy == s && r.has_aws_signal()),
        measured_requirements: all_reqs().filter(|r| r.measured.is_some()).count(),
        attested_requirements: all_reqs().filter(|r| r.attestation.is_some()).count(),
        levels,
        mapped_controls,
    }
}

fn level(ctx: &Ctx<'_>, s: Strategy, l: Level, rows: &[(&MappingRow, &str)]) -> LevelResult {
    let requirements: Vec<RequirementResult> = REQUIREMENTS
        .iter()
        .filter(|r| r.strategy == s && r.level == l)
        .map(|r| requirement(ctx, r, rows))
        .collect();
    let mut failing_mapped_controls: Vec<String> = rows
        .iter()
        .filter(|(row, id)| {
            row.applies_at(l) && ctx.assessed && ctx.table.status(id) == Some(ControlStatus::Failed)
        })
        .map(|(_, id)| id.to_string())
        .collect();
    failing_mapped_controls.dedup();
    let statuses: Vec<RequirementStatus> = requirements.iter().map(|r| r.status).collect();
    let (status, note) = level_status(&statuses);
    LevelResult {
        level: l,
        status,
        requirements,
        failing_mapped_controls,
        note,
    }
}

pub(crate) fn level_status(reqs: &[RequirementStatus]) -> (LevelStatus, Option<String>) {
    use RequirementStatus as R;
    if reqs.is_empty() {
        return (
            LevelStatus::Met,
            Some("adds no requirements to the level below".to_string()),
        );
    }
    let status = if reqs.contains(&R::NotMet) {
        LevelStatus::NotMet
    } else if reqs.iter().all(|r| matches!(r, R::Met | R::NotApplicable)) {
        LevelStatus::Met
    } else if reqs.iter().all(|r| *r == R::ManualEvidenceRequired) {
        LevelStatus::ManualEvidenceRequired
    } else if reqs.iter().any(|r| matches!(r, R::Met | R::Partly | R::NotApplicable)) {
        LevelStatus::Partly
    } else {
        LevelStatus::Unknown
    };
    (status, None)
}

fn measure(ctx: &Ctx<'_>, req: &Requirement) -> (Option<RequirementStatus>, String) {
    if !req.has_aws_signal() {
        return (None, "no AWS signal: manual evidence required".to_string());
    }
    if !ctx.assessed {
        return (
            Some(RequirementStatus::Unknown),
            "Security Hub findings not loaded".to_string(),
        );
    }
    let statuses: Vec<Option<ControlStatus>> =
        req.aws_controls.iter().map(|c| ctx.table.status(c)).collect();
    let failed: Vec<&str> = req
        .aws_controls
        .iter()
        .zip(&statuses)
        .filter(|(_, s)| **s == Some(ControlStatus::Failed))
        .map(|(c, _)| *c)
        .collect();
    if !failed.is_empty() {
        return (
            Some(RequirementStatus::NotMet),
            format!("failed: {}", failed.join(", ")),
        );
    }
    let with_data = statuses.iter().flatten().filter(|s| s.has_data()).count();
    let unknown = statuses.iter().filter(|s| **s == Some(ControlStatus::Unknown)).count();
    if with_data == 0 {
        return (
            Some(RequirementStatus::Unknown),
            "no findings for the mapped controls".to_string(),
        );
    }
    let note = if unknown > 0 {
        format!("{unknown} mapped control(s) unknown; the rest needs manual evidence")
    } else {
        format!("AWS evidence passes ({}); the rest needs manual evidence", req.aws_scope)
    };
    (Some(RequirementStatus::Partly), note)
}

fn requirement(ctx: &Ctx<'_>, req: &Requirement, rows: &[(&MappingRow, &str)]) -> RequirementResult {
    use RequirementStatus as R;
    let id = req.id();
    let (measured, mut note) = measure(ctx, req);
    let att = ctx
        .attestations
        .get(id.as_str())
        .or_else(|| ctx.attestations.get(level_id(req.strategy, req.level).as_str()))
        .copied();
    let mut conflict = false;
    let (status, basis) = match (measured, att.map(|a| a.status)) {
        (Some(R::NotMet), Some(a)) => {
            conflict = a != AttestationStatus::NotMet;
            if conflict {
                note.push_str("; contradicts the attestation");
            }
            (R::NotMet, Basis::MeasuredAndAttested)
        }
        (m, Some(a)) => {
            let status = match a {
                AttestationStatus::Met => R::Met,
                AttestationStatus::NotMet => R::NotMet,
                AttestationStatus::Partial => R::Partly,
                AttestationStatus::NotApplicable => R::NotApplicable,
            };
            let basis = if m == Some(R::Partly) {
                Basis::MeasuredAndAttested
            } else {
                Basis::Attested
            };
            (status, basis)
        }
        (Some(m), None) => (m, Basis::Measured),
        (None, None) => (R::ManualEvidenceRequired, Basis::None),
    };
    let evidence = req
        .aws_controls
        .iter()
        .filter_map(|c| rows.iter().find(|(_, id)| id == c).map(|(row, id)| evidence(ctx, row, id)))
        .collect();
    RequirementResult {
        id,
        text: req.text,
        status,
        basis,
        measured,
        aws_scope: req.aws_scope,
        evidence,
        attestation: att.map(|a| AttestationRef {
            requirement_id: a.requirement_id.clone(),
            status: a.status,
            note: a.note.clone(),
            by: a.by.clone(),
            at: a.at,
        }),
        conflict,
        note,
    }
}

fn objective(ctx: &Ctx<'_>, o: Objective) -> ObjectiveResult {
    let controls: Vec<ControlEvidence> = rows_for(Target::Objective(o))
        .iter()
        .map(|(row, id)| evidence(ctx, row, id))
        .collect();
    let count = |s: ControlStatus| controls.iter().filter(|c| c.status == Some(s)).count();
    ObjectiveResult {
        objective: o,
        name: o.name(),
        passed: count(ControlStatus::Passed),
        failed: count(ControlStatus::Failed),
        controls,
    }
}
