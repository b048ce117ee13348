//! Scores, the control table and the Essential Eight, from the posture.

use super::model_posture::*;
use super::time;
use crate::posture::e8::{
    Level, LevelResult, RequirementResult, RequirementStatus, StrategyResult,
};
use crate::posture::{ControlState, ControlStatus, Posture, ScoreCounts, standard_name};

fn score_row(name: String, id: Option<String>, c: &ScoreCounts, p: &Posture) -> ScoreRow {
    ScoreRow {
        name,
        standards_id: id,
        score: c.display(&p.scores.coverage),
        percent: c.percent.filter(|_| p.scores.coverage.is_assessed()),
        passed: c.passed,
        failed: c.failed,
        unknown: c.unknown,
        no_data: c.no_data,
        disabled: c.disabled,
    }
}

pub fn scores(p: &Posture) -> ScoresSection {
    let s = &p.scores;
    ScoresSection {
        coverage: s.coverage.describe(),
        notes: s.notes.clone(),
        summary: score_row(
            "All standards (each control once)".to_string(),
            None,
            &s.summary,
            p,
        ),
        standards: s
            .standards
            .iter()
            .map(|st| {
                score_row(
                    st.name.clone(),
                    Some(st.standards_id.clone()),
                    &st.counts,
                    p,
                )
            })
            .collect(),
    }
}

fn control_row(c: &ControlState) -> ControlRow {
    ControlRow {
        control_id: c.control_id.clone(),
        title: c.title.clone(),
        severity: c.severity,
        status: c.status,
        standards: c
            .standards
            .iter()
            .filter(|s| s.enabled)
            .map(|s| standard_name(&s.standards_id))
            .collect(),
        failed_findings: c.failed_finding_ids.len(),
        failing_resources: c.failing_resources.clone(),
    }
}

/// Every control, failed first, then by id (numerically within a service).
pub fn controls(p: &Posture) -> Vec<ControlRow> {
    let mut rows: Vec<ControlRow> = p.controls.iter().map(control_row).collect();
    rows.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then_with(|| control_key(&a.control_id).cmp(&control_key(&b.control_id)))
    });
    rows
}

/// `EC2.13` sorts after `EC2.2`.
fn control_key(id: &str) -> (String, u64, String) {
    match id.split_once('.') {
        Some((svc, n)) => (
            svc.to_string(),
            n.parse().unwrap_or(u64::MAX),
            n.to_string(),
        ),
        None => (id.to_string(), u64::MAX, String::new()),
    }
}

pub fn essential_eight(p: &Posture) -> EssentialEightSection {
    let e8 = &p.essential_eight;
    EssentialEightSection {
        coverage: e8.coverage.describe(),
        overall: crate::posture::e8::maturity_label(e8.overall_maturity),
        unmatched_attestations: e8.unmatched_attestations.clone(),
        strategies: e8.strategies.iter().map(strategy_row).collect(),
    }
}

fn strategy_row(st: &StrategyResult) -> StrategyRow {
    StrategyRow {
        name: st.name.to_string(),
        maturity: st.maturity_label.clone(),
        limited_by: st.limited_by.map(level_name),
        assessable_from_aws: st.assessable_from_aws,
        levels: st.levels.iter().map(level_row).collect(),
        failing_controls: st
            .mapped_controls
            .iter()
            .filter(|c| c.status == Some(ControlStatus::Failed))
            .map(|c| c.control_id.clone())
            .collect(),
        mapped_controls: st.mapped_controls.len(),
        requirements: st
            .levels
            .iter()
            .flat_map(|l| l.requirements.iter().map(|r| requirement_row(r, l.level)))
            .collect(),
    }
}

fn level_name(l: Level) -> String {
    format!("ML{}", l.number())
}

fn level_row(l: &LevelResult) -> LevelRow {
    let count =
        |f: &dyn Fn(&RequirementResult) -> bool| l.requirements.iter().filter(|r| f(r)).count();
    LevelRow {
        level: level_name(l.level),
        status: l.status,
        requirements: l.requirements.len(),
        met: count(&|r| r.status == RequirementStatus::Met),
        attested: count(&|r| r.attestation.is_some()),
    }
}

fn requirement_row(r: &RequirementResult, level: Level) -> RequirementRow {
    RequirementRow {
        id: r.id.clone(),
        level: level_name(level),
        text: r.text.to_string(),
        status: r.status,
        basis: r.basis,
        evidence: r
            .evidence
            .iter()
            .map(|e| {
                let status = e.status.map(|s| s.label()).unwrap_or("not known");
                format!("{} {status}", e.control_id)
            })
            .collect(),
        attestation: r.attestation.as_ref().map(|a| {
            let mut s = format!("{} by {} {}", a.status.as_str(), a.by, time(a.at));
            if !a.note.is_empty() {
                s.push_str(": ");
                s.push_str(&a.note);
            }
            s
        }),
        conflict: r.conflict,
    }
}
