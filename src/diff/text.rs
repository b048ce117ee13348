//! The diff as text for a terminal; every value from the estates is
//! sanitised.

use super::{EstateDiff, FindingRef, ItemChange, Side};
use crate::text::sanitize;
use std::fmt::Write as _;

/// Renders `d` as lines: `+` added or new, `-` removed or resolved, `~`
/// changed.
pub fn to_text(d: &EstateDiff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "old: {}", side(&d.old));
    let _ = writeln!(out, "new: {}", side(&d.new));
    if !d.not_compared.is_empty() {
        out.push_str("\nNot compared (no data on one side):\n");
        for n in &d.not_compared {
            let _ = writeln!(
                out,
                "  {} — missing in {}: {}",
                n.dataset.label(),
                n.missing_in,
                sanitize(&n.reason)
            );
        }
    }
    scores(d, &mut out);
    findings(d, &mut out);
    controls(d, &mut out);
    items("KMS keys", &d.keys, &mut out);
    items("Network", &d.network, &mut out);
    items("Alarms", &d.alarms, &mut out);
    if d.is_empty() {
        out.push_str("\nNo changes.\n");
    }
    out
}

fn side(s: &Side) -> String {
    format!(
        "{} — captured {} — accounts {} — regions {}",
        sanitize(&s.origin),
        s.captured_at.format("%Y-%m-%d %H:%M:%S UTC"),
        list(&s.accounts),
        list(&s.regions)
    )
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "(none)".to_string()
    } else {
        sanitize(&v.join(", ")).into_owned()
    }
}

fn finding(f: &FindingRef) -> String {
    let mut s = format!(
        "[{}] {} {}",
        f.severity.letter(),
        sanitize(&f.title),
        sanitize(&f.id)
    );
    if let Some(c) = &f.control_id {
        let _ = write!(s, " ({})", sanitize(c));
    }
    let _ = write!(s, " {} {}", sanitize(&f.account_id), sanitize(&f.region));
    s
}

fn findings(d: &EstateDiff, out: &mut String) {
    let f = &d.findings;
    let _ = writeln!(
        out,
        "\nFindings: {} new, {} resolved, {} changed{}",
        f.new.len(),
        f.resolved.len(),
        f.changed.len(),
        if f.not_compared > 0 {
            format!(
                ", {} not compared (source not read on one side)",
                f.not_compared
            )
        } else {
            String::new()
        }
    );
    for n in &f.new {
        let _ = writeln!(
            out,
            "  + {}{}",
            finding(&n.finding),
            if n.reopened { " — reopened" } else { "" }
        );
    }
    for r in &f.resolved {
        let _ = writeln!(out, "  - {} — {}", finding(&r.finding), r.reason.as_str());
    }
    for c in &f.changed {
        let details: Vec<String> = c
            .details
            .iter()
            .map(|d| sanitize(&d.describe()).into_owned())
            .collect();
        let _ = writeln!(out, "  ~ {}: {}", finding(&c.finding), details.join("; "));
    }
}

fn items(title: &str, changes: &[ItemChange], out: &mut String) {
    if changes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}: {} changed", changes.len());
    for c in changes {
        let mut line = format!(
            "  {} {} {}",
            c.change.sign(),
            c.kind.replace('_', " "),
            sanitize(&c.id)
        );
        if let Some(n) = &c.name {
            let _ = write!(line, " ({})", sanitize(n));
        }
        let _ = write!(line, " {} {}", sanitize(&c.account_id), sanitize(&c.region));
        if !c.details.is_empty() {
            let details: Vec<String> = c
                .details
                .iter()
                .map(|d| sanitize(&d.describe()).into_owned())
                .collect();
            let _ = write!(line, ": {}", details.join("; "));
        }
        out.push_str(&line);
        out.push('\n');
    }
}

fn scores(d: &EstateDiff, out: &mut String) {
    out.push_str("\nSecurity scores:\n");
    for s in &d.scores {
        let delta = match s.delta {
            Some(0) => " (no change)".to_string(),
            Some(x) => format!(" ({x:+} points)"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "  {}: {} → {}{delta}",
            sanitize(&s.standard),
            sanitize(&s.old),
            sanitize(&s.new)
        );
    }
}

fn controls(d: &EstateDiff, out: &mut String) {
    if d.controls.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nControls: {} changed status", d.controls.len());
    for c in &d.controls {
        let _ = writeln!(
            out,
            "  ~ {} {}: {}",
            sanitize(&c.control_id),
            sanitize(&c.title),
            c.describe()
        );
    }
}
