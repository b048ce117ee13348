//! The report laid out as a document (headings, paragraphs, tables) that
//! the Markdown and HTML writers render the same way. Text here is raw:
//! each writer escapes it for its format.

use super::digest::DigestKind;
use super::model::*;
use super::time;
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

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn list(v: &[String]) -> String {
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
    findings_summary(r, &mut d);
    kms(r, &mut d);
    network(r, &mut d);
    alarms(r, &mut d);
    attestations(r, &mut d);
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

fn dataset_table(rows: &[DatasetRow], d: &mut Vec<Block>) {
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

fn kms(r: &Report, d: &mut Vec<Block>) {
    let k = &r.kms;
    d.push(Block::Heading(2, "KMS".into()));
    d.push(Block::Para(format!(
        "{} keys ({} customer managed); KMS keys {}.",
        k.keys, k.customer_managed, k.status
    )));
    if !k.by_state.is_empty() {
        d.push(Block::Table {
            headers: vec!["Key state", "Keys"],
            rows: k
                .by_state
                .iter()
                .map(|(s, n)| vec![t(s), t(n.to_string())])
                .collect(),
        });
    }
    key_list("Rotation off", &k.rotation_off, d);
    if k.rotation_unknown > 0 {
        d.push(Block::Para(format!(
            "Rotation status not read for {} key(s): not assessed.",
            k.rotation_unknown
        )));
    }
    key_list("Pending deletion", &k.pending_deletion, d);
    d.push(Block::Heading(3, "Open KMS findings".into()));
    finding_table(&k.findings, d);
}

fn key_list(title: &str, keys: &[KeyRow], d: &mut Vec<Block>) {
    d.push(Block::Heading(3, format!("{title}: {}", keys.len())));
    if keys.is_empty() {
        return;
    }
    d.push(Block::Table {
        headers: vec!["Key", "Name", "State", "Deletion date", "Account", "Region"],
        rows: keys
            .iter()
            .map(|k| {
                vec![
                    Cell::Code(k.key_id.clone()),
                    t(&k.name),
                    t(&k.state),
                    t(k.deletion_date.map(time).unwrap_or_default()),
                    t(&k.account_id),
                    t(&k.region),
                ]
            })
            .collect(),
    });
}

fn network(r: &Report, d: &mut Vec<Block>) {
    d.push(Block::Heading(2, "Network".into()));
    dataset_table(&r.network.inventory, d);
    d.push(Block::Heading(3, "Open network findings".into()));
    finding_table(&r.network.findings, d);
}

fn alarms(r: &Report, d: &mut Vec<Block>) {
    let a = &r.alarms;
    d.push(Block::Heading(2, "Alarms".into()));
    match &a.by_state {
        Some(by_state) => d.push(Block::Table {
            headers: vec!["State", "Alarms"],
            rows: by_state
                .iter()
                .map(|(s, n)| vec![t(*s), t(n.to_string())])
                .collect(),
        }),
        None => d.push(Block::Para(format!("Alarms not read: {}.", a.status))),
    }
    alarm_list("Not OK", &a.not_ok, d);
    alarm_list("Without actions", &a.without_actions, d);
}

fn alarm_list(title: &str, alarms: &[AlarmRow], d: &mut Vec<Block>) {
    d.push(Block::Heading(3, format!("{title}: {}", alarms.len())));
    if alarms.is_empty() {
        return;
    }
    d.push(Block::Table {
        headers: vec![
            "Alarm", "State", "Since", "Actions", "Account", "Region", "Reason",
        ],
        rows: alarms
            .iter()
            .map(|a| {
                vec![
                    t(&a.name),
                    t(a.state),
                    t(a.since.map(time).unwrap_or_default()),
                    t(if a.actions { "on" } else { "off" }),
                    t(&a.account_id),
                    t(&a.region),
                    t(&a.reason),
                ]
            })
            .collect(),
    });
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

fn finding_table(rows: &[FindingRow], d: &mut Vec<Block>) {
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
