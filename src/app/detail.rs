//! The detail view of one finding: every normalised field, the resources,
//! the remediation and each provenance with its original JSON. The lines are
//! built once when the view opens; strings stay raw here and are sanitised
//! by the renderer.

use super::console::console_url;
use crate::model::{Finding, Timestamp};
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Heading,
    /// `label: text`.
    Field,
    /// Free text (description, remediation).
    Text,
    /// One line of pretty-printed JSON.
    Json,
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetailLine {
    pub kind: LineKind,
    pub label: String,
    pub text: String,
}

impl DetailLine {
    fn new(kind: LineKind, label: &str, text: &str) -> DetailLine {
        DetailLine {
            kind,
            label: label.to_string(),
            text: text.to_string(),
        }
    }
}

#[derive(Debug)]
pub struct DetailView {
    /// Index into `estate.findings`.
    pub index: usize,
    pub id: String,
    pub lines: Vec<DetailLine>,
    pub scroll: usize,
    page: Cell<usize>,
    max_scroll: Cell<usize>,
    total_rows: Cell<usize>,
}

impl DetailView {
    pub fn new(index: usize, finding: &Finding) -> DetailView {
        DetailView {
            index,
            id: finding.id.clone(),
            lines: lines_of(finding),
            scroll: 0,
            page: Cell::new(0),
            max_scroll: Cell::new(usize::MAX),
            total_rows: Cell::new(0),
        }
    }

    pub fn page(&self) -> usize {
        self.page.get().max(1)
    }

    /// Called by the renderer with the rows that fit and the wrapped length.
    pub fn set_geometry(&self, page: usize, total_rows: usize) {
        self.page.set(page);
        self.max_scroll.set(total_rows.saturating_sub(page));
        self.total_rows.set(total_rows);
    }

    /// Rows shown (first, last, total), 1-based, as last rendered.
    pub fn position(&self) -> (usize, usize, usize) {
        let total = self.total_rows.get();
        let start = self.scroll.min(self.max_scroll.get());
        let end = (start + self.page.get()).min(total);
        (start + 1, end, total)
    }

    pub fn scroll_by(&mut self, delta: isize) {
        let s = if delta < 0 {
            self.scroll.saturating_sub(delta.unsigned_abs())
        } else {
            self.scroll.saturating_add(delta.unsigned_abs())
        };
        self.scroll = s.min(self.max_scroll.get());
    }

    pub fn scroll_to_end(&mut self) {
        self.scroll = self.max_scroll.get().min(self.lines.len() * 64);
    }
}

fn ts(t: Option<Timestamp>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| "-".to_string())
}

struct Builder(Vec<DetailLine>);

impl Builder {
    fn field(&mut self, label: &str, text: &str) {
        self.0.push(DetailLine::new(LineKind::Field, label, text));
    }
    fn opt(&mut self, label: &str, text: Option<&str>) {
        if let Some(t) = text.filter(|t| !t.is_empty()) {
            self.field(label, t);
        }
    }
    fn heading(&mut self, text: &str) {
        self.0.push(DetailLine::new(LineKind::Blank, "", ""));
        self.0.push(DetailLine::new(LineKind::Heading, "", text));
    }
    fn text(&mut self, kind: LineKind, text: &str) {
        for l in text.split('\n') {
            self.0.push(DetailLine::new(kind, "", l));
        }
    }
}

/// The lines of the detail view for `f`.
pub fn lines_of(f: &Finding) -> Vec<DetailLine> {
    let mut b = Builder(Vec::new());
    b.0.push(DetailLine::new(LineKind::Title, "", &f.title));
    b.heading("Finding");
    b.field("ID", &f.id);
    if f.copy_id() != f.id {
        b.field("ARN", f.copy_id());
    }
    if f.product_name.is_empty() || f.product_name == f.source.label() {
        b.field("Source", f.source.label());
    } else {
        let source = format!("{} ({})", f.source.label(), f.product_name);
        b.field("Source", &source);
    }
    b.field("Type", &f.finding_type);
    for t in f.types.iter().filter(|t| **t != f.finding_type) {
        b.field("Also type", t);
    }
    b.opt("Generator", f.generator_id.as_deref());
    b.field(
        "Severity",
        &format!(
            "{} {} ({})",
            f.severity.letter(),
            f.severity.asff_label(),
            f.native_severity.describe()
        ),
    );
    b.field("Workflow", f.workflow.as_str());
    b.field("Record state", f.record_state.as_str());
    b.field("Account", &f.account_id);
    b.field("Region", &f.region);
    b.field("First seen", &ts(f.first_seen));
    b.field("Last seen", &ts(f.last_seen));
    b.field("Created", &ts(f.created_at));
    b.field("Updated", &ts(f.updated_at));
    if let Some(url) = console_url(f) {
        b.field("Console", &url);
    }
    if let Some(c) = &f.compliance {
        b.heading("Compliance");
        b.field("Status", c.status.map(|s| s.as_str()).unwrap_or("-"));
        b.opt("Control", c.security_control_id.as_deref());
        b.field(
            "Consolidated",
            if c.consolidated {
                "yes"
            } else {
                "no (per-standard finding)"
            },
        );
        for s in &c.associated_standards {
            b.field("Standard", s);
        }
        for r in &c.related_requirements {
            b.field("Requirement", r);
        }
        for r in &c.status_reasons {
            b.field("Reason", r);
        }
    }
    if !f.description.is_empty() {
        b.heading("Description");
        b.text(LineKind::Text, &f.description);
    }
    b.heading(&format!("Resources ({})", f.resources.len()));
    for r in &f.resources {
        b.field("Resource", &r.id);
        b.field("  Type", &r.resource_type);
        b.opt("  Region", r.region.as_deref());
        b.opt("  Partition", r.partition.as_deref());
        for (k, v) in &r.tags {
            b.field("  Tag", &format!("{k}={v}"));
        }
    }
    if let Some(r) = &f.remediation {
        b.heading("Remediation");
        if let Some(t) = &r.text {
            b.text(LineKind::Text, t);
        }
        b.opt("URL", r.url.as_deref());
    }
    b.heading(&format!("Provenances ({})", f.provenances.len()));
    for p in &f.provenances {
        b.field("Channel", p.channel.label());
        b.opt("  Product", p.product_name.as_deref());
        b.opt("  Product ARN", p.product_arn.as_deref());
        b.field("  Native ID", &p.native_id);
        b.opt("  Native ARN", p.native_arn.as_deref());
        b.field("  Account", &p.account_id);
        b.field("  Region", &p.region);
    }
    for p in &f.provenances {
        b.heading(&format!("Original JSON: {}", p.channel.label()));
        b.text(LineKind::Json, &p.raw.pretty());
    }
    b.0
}
