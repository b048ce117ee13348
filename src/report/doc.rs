//! The report laid out as a document (headings, paragraphs, tables) that
//! the Markdown and HTML writers render the same way. Text here is raw:
//! each writer escapes it for its format.

use super::digest::DigestKind;
use super::model::*;
use super::{doc_inventory, doc_posture, time};
use crate::model::Severity;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// Ids and hashes, shown in a monospace font.
    Code(String),
    Sev(Severity),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(u8, String),
    Para(String),
    Table {
        headers: Vec<&'static str>,
        rows: Vec<Vec<Cell>>,
    },
}

pub(super) fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

pub(super) fn list(v: &[String]) -> String {
    if v.is_empty() {
        "(none)".to_string()
    } else {
        v.join(", ")
    }
}

/// Lays out the whole report.
pub fn layout(r: &Report) -> Vec<Block> {
    let mut d = vec![Block::Heading(1, r.title.clone())];
    scope(r, &mut d);
    datasets(r, &mut d);
    doc_posture::scores(r, &mut d);
    doc_posture::essential_eight(r, &mut d);
    findings_summary(r, &mut d);
    doc_inventory::kms(r, &mut d);
    doc_inventory::network(r, &mut d);
    doc_inventory::alarms(r, &mut d);
    checks(r, &mut d);
    attestations(r, &mut d);
    doc_posture::controls(r, &mut d);
    d.push(Block::Heading(2, "Open findings".into()));
    finding_table(&r.findings.open_findings, &mut d);
    d
}

fn scope(r: &Report, d: &mut Vec<Block>) {
    let s = &r.scope;
    let mut rows = vec![
        vec![t("Generated"), t(time(r.generated_at))],
        vec![t("rampart"), t(&r.rampart_version)],
        vec![t("Data"), t(&s.origin)],
        vec![t("Captured"), t(time(s.captured_at))],
        vec![t("Posture assessed at"), t(time(r.assessed_at))],
    ];
    match &s.caller {
        Some(c) => {
            rows.push(vec![t("Caller"), Cell::Code(c.arn.clone())]);
            rows.push(vec![t("Caller account"), t(&c.account_id)]);
        }
        None => rows.push(vec![t("Caller"), t("unknown")]),
    }
    rows.push(vec![t("Accounts"), t(list(&s.accounts))]);
    rows.push(vec![t("Regions"), t(list(&s.regions))]);
    if let Some(a) = &s.aggregator_region {
        rows.push(vec![t("Aggregation region"), t(a)]);
    }
    for i in &r.source.inputs {
        let what = match r.source.kind {
            DigestKind::InputFiles => format!("SHA-256 of {} ({} bytes)", i.name, i.bytes),
            DigestKind::CanonicalSnapshot => {
                format!(
                    "SHA-256 of the snapshot (canonical JSON, {} bytes)",
                    i.bytes
                )
            }
        };
        rows.push(vec![t(what), Cell::Code(i.sha256.clone())]);
    }
    d.push(Block::Table {
        headers: vec!["Scope", ""],
        rows,
    });
}

pub(super) fn dataset_table(rows: &[DatasetRow], d: &mut Vec<Block>) {
    d.push(Block::Table {
        headers: vec!["Dataset", "Items", "Status"],
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    t(r.label),
                    t(r.count
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| "unknown".into())),
                    t(&r.status),
                ]
            })
            .collect(),
    });
}

fn datasets(r: &Report, d: &mut Vec<Block>) {
    d.push(Block::Heading(2, "Data coverage".into()));
    dataset_table(&r.datasets, d);
    let incomplete = r.datasets.iter().filter(|x| !x.complete).count();
    if incomplete > 0 {
        d.push(Block::Para(format!(
            "{incomplete} dataset(s) not completely read: what they would show is not assessed, not passed."
        )));
    }
}

fn findings_summary(r: &Report, d: &mut Vec<Block>) {
    let f = &r.findings;
    d.push(Block::Heading(2, "Open findings by severity".into()));
    d.push(Block::Table {
        headers: vec!["Severity", "Open"],
        rows: f
            .open_by_severity
            .iter()
            .map(|s| vec![Cell::Sev(s.severity), t(s.open.to_string())])
            .collect(),
    });
    let mut text = format!(
        "{} findings: {} open, {} archived, {} suppressed, {} resolved or passed.",
        f.total, f.open, f.archived, f.suppressed, f.resolved_or_passed
    );
    if !f.complete {
        text.push_str(" Not every findings source was completely read: these counts are a floor.");
    }
    d.push(Block::Para(text));
}

fn checks(r: &Report, d: &mut Vec<Block>) {
    d.push(Block::Heading(
        2,
        format!("rampart checks: {} failed", r.checks.len()),
    ));
    finding_table(&r.checks, d);
}

fn attestations(r: &Report, d: &mut Vec<Block>) {
    d.push(Block::Heading(2, "Attestations".into()));
    if r.attestations.is_empty() {
        d.push(Block::Para("None recorded.".into()));
        return;
    }
    d.push(Block::Table {
        headers: vec!["Requirement", "Status", "By", "At", "Note"],
        rows: r
            .attestations
            .iter()
            .map(|a| {
                vec![
                    t(&a.requirement_id),
                    t(a.status.as_str()),
                    t(&a.by),
                    t(time(a.at)),
                    t(&a.note),
                ]
            })
            .collect(),
    });
}

pub(super) fn finding_table(rows: &[FindingRow], d: &mut Vec<Block>) {
    if rows.is_empty() {
        d.push(Block::Para("None.".into()));
        return;
    }
    d.push(Block::Table {
        headers: vec![
            "Severity", "Title", "Source", "Control", "Resource", "Account", "Region", "Workflow",
            "Id",
        ],
        rows: rows
            .iter()
            .map(|f| {
                vec![
                    Cell::Sev(f.severity),
                    t(&f.title),
                    t(f.source.label()),
                    t(f.control_id.clone().unwrap_or_default()),
                    t(f.resource_id.clone().unwrap_or_default()),
                    t(&f.account_id),
                    t(&f.region),
                    t(f.workflow),
                    Cell::Code(f.id.clone()),
                ]
            })
            .collect(),
    });
}
