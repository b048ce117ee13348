//! Layout of the posture sections: scores, Essential Eight, controls.

use super::doc::{Block, Cell, list, t};
use super::model::Report;
use super::model_posture::*;

pub fn scores(r: &Report, d: &mut Vec<Block>) {
    let s = &r.scores;
    d.push(Block::Heading(2, "Security scores".into()));
    d.push(Block::Para(format!(
        "Passed controls over enabled controls with data (passed + failed + unknown); control findings {}.",
        s.coverage
    )));
    let row = |x: &ScoreRow| {
        vec![
            t(&x.name),
            t(&x.score),
            t(x.passed.to_string()),
            t(x.failed.to_string()),
            t(x.unknown.to_string()),
            t(x.no_data.to_string()),
            t(x.disabled.to_string()),
        ]
    };
    let mut rows = vec![row(&s.summary)];
    rows.extend(s.standards.iter().map(row));
    d.push(Block::Table {
        headers: vec![
            "Standard", "Score", "Passed", "Failed", "Unknown", "No data", "Disabled",
        ],
        rows,
    });
    for note in &s.notes {
        d.push(Block::Para(note.clone()));
    }
}

pub fn essential_eight(r: &Report, d: &mut Vec<Block>) {
    let e = &r.essential_eight;
    d.push(Block::Heading(2, "Essential Eight".into()));
    d.push(Block::Para(format!(
        "Overall maturity {} (the lowest of the eight); AWS evidence {}. AWS evidence alone never makes a requirement met: a reviewer attests it.",
        e.overall, e.coverage
    )));
    d.push(Block::Table {
        headers: vec![
            "Strategy",
            "Maturity",
            "Limited by",
            "ML1",
            "ML2",
            "ML3",
            "Failing mapped controls",
        ],
        rows: e
            .strategies
            .iter()
            .map(|s| {
                let level = |n: usize| {
                    t(s.levels
                        .get(n)
                        .map(|l| {
                            format!(
                                "{} ({}/{} met)",
                                level_label(l.status),
                                l.met,
                                l.requirements
                            )
                        })
                        .unwrap_or_default())
                };
                vec![
                    t(&s.name),
                    t(&s.maturity),
                    t(s.limited_by.clone().unwrap_or_else(|| "—".into())),
                    level(0),
                    level(1),
                    level(2),
                    t(format!(
                        "{} of {}{}",
                        s.failing_controls.len(),
                        s.mapped_controls,
                        if s.failing_controls.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", s.failing_controls.join(", "))
                        }
                    )),
                ]
            })
            .collect(),
    });
    for s in &e.strategies {
        d.push(Block::Heading(3, format!("{}: {}", s.name, s.maturity)));
        d.push(Block::Table {
            headers: vec![
                "Level",
                "Requirement",
                "Status",
                "Basis",
                "Evidence",
                "Attestation",
            ],
            rows: s
                .requirements
                .iter()
                .map(|q| {
                    let mut attestation = q.attestation.clone().unwrap_or_else(|| "—".into());
                    if q.conflict {
                        attestation.push_str(" (conflicts with a failed control)");
                    }
                    vec![
                        t(&q.level),
                        t(&q.text),
                        t(requirement_label(q.status)),
                        t(basis_label(q.basis)),
                        t(if q.evidence.is_empty() {
                            "—".to_string()
                        } else {
                            q.evidence.join(", ")
                        }),
                        t(attestation),
                    ]
                })
                .collect(),
        });
    }
    if !e.unmatched_attestations.is_empty() {
        d.push(Block::Para(format!(
            "Attestations matching no requirement: {}.",
            list(&e.unmatched_attestations)
        )));
    }
}

pub fn controls(r: &Report, d: &mut Vec<Block>) {
    d.push(Block::Heading(2, "Control status".into()));
    d.push(Block::Table {
        headers: vec![
            "Control",
            "Status",
            "Severity",
            "Title",
            "Enabled in",
            "Failed findings",
        ],
        rows: r
            .controls
            .iter()
            .map(|c| {
                vec![
                    Cell::Code(c.control_id.clone()),
                    t(c.status.label()),
                    c.severity.map(Cell::Sev).unwrap_or_else(|| t("—")),
                    t(&c.title),
                    t(list(&c.standards)),
                    t(c.failed_findings.to_string()),
                ]
            })
            .collect(),
    });
}
