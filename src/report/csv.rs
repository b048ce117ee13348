//! The findings table as CSV (RFC 4180): one row per finding, open or not.
//! Cells that a spreadsheet would run as a formula are prefixed with `'`.

use super::model::FindingRow;
use crate::model::Timestamp;
use crate::text::sanitize;

const HEADERS: [&str; 16] = [
    "id",
    "severity",
    "source",
    "product",
    "title",
    "open",
    "workflow",
    "record_state",
    "compliance",
    "control_id",
    "resource_type",
    "resource_id",
    "account_id",
    "region",
    "first_seen",
    "last_seen",
];

/// Sanitises (no control or bidi character survives), defuses formula
/// prefixes and quotes when needed.
pub fn cell(raw: &str) -> String {
    let s = sanitize(raw);
    let defused = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.into_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

pub fn render(rows: &[FindingRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 256 + 256);
    out.push_str(&HEADERS.join(","));
    out.push_str("\r\n");
    for f in rows {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let cells = [
            f.id.clone(),
            f.severity.as_str().to_string(),
            f.source.as_str().to_string(),
            f.product.clone(),
            f.title.clone(),
            f.open.to_string(),
            f.workflow.to_string(),
            f.record_state.to_string(),
            f.compliance.unwrap_or_default().to_string(),
            opt(&f.control_id),
            opt(&f.resource_type),
            opt(&f.resource_id),
            f.account_id.clone(),
            f.region.clone(),
            stamp(f.first_seen),
            stamp(f.last_seen),
        ];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn stamp(t: Option<Timestamp>) -> String {
    t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}
