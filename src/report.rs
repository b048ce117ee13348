//! Evidence reports: `rampart report --format md|html|json|csv`.
//!
//! A report states its scope (data origin, caller, accounts, regions,
//! capture and generation times), the SHA-256 of what it was built from,
//! every dataset's load state (unread data is "not assessed", never a
//! pass), open findings by severity, KMS, network and alarm evidence and
//! reviewer attestations. Markdown and HTML share one layout
//! ([`doc`]); HTML is one self-contained file that loads nothing; CSV is the
//! findings table; JSON is [`Report`] serialised.
//!
//! [`export`] writes a rendered report atomically (0600) and records it in
//! the session log.

mod build;
mod build_inventory;
mod build_posture;
mod csv;
pub mod digest;
mod doc;
mod doc_inventory;
mod doc_posture;
mod export;
mod html;
mod markdown;
mod model;
mod model_inventory;
mod model_posture;

#[cfg(test)]
mod tests;

pub use build::{build, build_with};
pub use digest::{DigestKind, InputDigest, SourceDigest, canonical_snapshot};
pub use export::{ExportError, Recorded, export, record};
pub use model::*;
pub use model_inventory::*;
pub use model_posture::*;

use crate::model::{Estate, Timestamp};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (GitHub-flavoured tables).
    Md,
    /// One self-contained HTML file (inline CSS, no scripts, loads nothing).
    Html,
    Json,
    /// The findings table.
    Csv,
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> Result<String, String> {
    match format {
        Format::Md => Ok(markdown::render(&doc::layout(report))),
        Format::Html => Ok(html::render(&report.title, &doc::layout(report))),
        Format::Json => serde_json::to_string_pretty(report)
            .map(|s| s + "\n")
            .map_err(|e| format!("cannot encode the report: {e}")),
        Format::Csv => Ok(csv::render(&report.all_findings)),
    }
}

/// Builds and renders in one step (what `rampart report` and `:export` do).
pub fn make(
    estate: &Estate,
    source: SourceDigest,
    now: Timestamp,
    format: Format,
) -> Result<String, String> {
    render(&build(estate, source, now), format)
}

/// `2026-11-01 09:00:00 UTC`.
pub(crate) fn time(t: Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
}
