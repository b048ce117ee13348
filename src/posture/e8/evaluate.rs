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

use super::mapping::{MappingRow, Target, mapping};
use super::requirements::{Requirement, level_id, requirements};
use super::results::{
    AttestationRef, Basis, ControlEvidence, EssentialEight, LevelResult, LevelStatus,
    ObjectiveResult, RequirementResult, RequirementStatus, StrategyResult,
};
use super::{Level, Objective, Strategy, maturity_label};
use crate::model::{Attestation, AttestationStatus, DatasetKind, Estate};
use crate::posture::controls::{ControlStatus, ControlTable};
use crate::posture::coverage::Coverage;
use std::collections::HashMap;

struct Ctx<'a> {
    table: &'a ControlTable,
    assessed: bool,
    attestations: HashMap<&'a str, &'a Attestation>,
    requirements: &'static [Requirement],
    /// Set when the embedded requirements table could not be read.
    table_error: Option<&'static str>,
}

pub(crate) fn evaluate(estate: &Estate, table: &ControlTable) -> EssentialEight {
    let coverage = Coverage::all_of(estate, &[DatasetKind::SecurityHubFindings]);
    let ctx = Ctx {
        table,
        assessed: coverage.is_assessed(),
        attestations: latest_attestations(&estate.attestations),
        requirements: requirements().unwrap_or_default(),
        table_error: requirements().err(),
    };
    let strategies: Vec<StrategyResult> =
        Strategy::ALL.iter().map(|&s| strategy(&ctx, s)).collect();
    let objectives = Objective::ALL.iter().map(|&o| objective(&ctx, o)).collect();
    let unmatched_attestations = unmatched(&ctx);
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

fn unmatched(ctx: &Ctx<'_>) -> Vec<String> {
    let atts = &ctx.attestations;
    let mut known: Vec<String> = ctx.requirements.iter().map(Requirement::id).collect();
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
        failed_finding_ids: state
            .map(|c| c.failed_finding_ids.clone())
            .unwrap_or_default(),
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
    let mapped_controls: Vec<ControlEvidence> = rows
        .iter()
        .map(|(row, id)| evidence(ctx, row, id))
        .collect();
    let levels: Vec<LevelResult> = Level::ALL
        .iter()
        .map(|&l| level(ctx, s, l, &rows))
        .collect();
    let first_unmet = levels
        .iter()
        .find(|l| l.status != LevelStatus::Met)
        .map(|l| l.level);
    let maturity = first_unmet.map(|l| l.number() - 1).unwrap_or(3);
    let all_reqs = || levels.iter().flat_map(|l| l.requirements.iter());
    StrategyResult {
        strategy: s,
        name: s.name(),
        maturity,
        maturity_label: maturity_label(maturity),
        limited_by: first_unmet,
        assessable_from_aws: ctx
            .requirements
            .iter()
            .any(|r| r.strategy == s && r.has_aws_signal()),
        measured_requirements: all_reqs().filter(|r| r.measured.is_some()).count(),
        attested_requirements: all_reqs().filter(|r| r.attestation.is_some()).count(),
        levels,
        mapped_controls,
    }
}

fn level(ctx: &Ctx<'_>, s: Strategy, l: Level, rows: &[(&MappingRow, &str)]) -> LevelResult {
    let requirements: Vec<RequirementResult> = ctx
        .requirements
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
    let (status, note) = match ctx.table_error {
        Some(e) => (
            LevelStatus::Unknown,
            Some(format!("requirements table unreadable: {e}")),
        ),
        None => level_status(&statuses),
    };
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
    } else if reqs
        .iter()
        .any(|r| matches!(r, R::Met | R::Partly | R::NotApplicable))
    {
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
    let statuses: Vec<Option<ControlStatus>> = req
        .aws_controls
        .iter()
        .map(|c| ctx.table.status(c))
        .collect();
    let failed: Vec<&str> = req
        .aws_controls
        .iter()
        .zip(&statuses)
        .filter(|(_, s)| **s == Some(ControlStatus::Failed))
        .map(|(c, _)| c.as_str())
        .collect();
    if !failed.is_empty() {
        return (
            Some(RequirementStatus::NotMet),
            format!("failed: {}", failed.join(", ")),
        );
    }
    let with_data = statuses.iter().flatten().filter(|s| s.has_data()).count();
    let unknown = statuses
        .iter()
        .filter(|s| **s == Some(ControlStatus::Unknown))
        .count();
    if with_data == 0 {
        return (
            Some(RequirementStatus::Unknown),
            "no findings for the mapped controls".to_string(),
        );
    }
    let note = if unknown > 0 {
        format!("{unknown} mapped control(s) unknown; the rest needs manual evidence")
    } else {
        format!(
            "AWS evidence passes ({}); the rest needs manual evidence",
            req.aws_scope
        )
    };
    (Some(RequirementStatus::Partly), note)
}

fn requirement(
    ctx: &Ctx<'_>,
    req: &'static Requirement,
    rows: &[(&MappingRow, &str)],
) -> RequirementResult {
    use RequirementStatus as R;
    let id = req.id();
    let (measured, mut note) = measure(ctx, req);
    let att = ctx
        .attestations
        .get(id.as_str())
        .or_else(|| {
            ctx.attestations
                .get(level_id(req.strategy, req.level).as_str())
        })
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
        .filter_map(|c| {
            rows.iter()
                .find(|(_, id)| id == c)
                .map(|(row, id)| evidence(ctx, row, id))
        })
        .collect();
    RequirementResult {
        id,
        text: &req.text,
        status,
        basis,
        measured,
        aws_scope: &req.aws_scope,
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

#[cfg(test)]
mod tests;
