//! Helpers shared by the import and snapshot tests.
#![allow(dead_code)]

use chrono::TimeZone;
use rampart::model::{Estate, Timestamp};
use rampart::snapshot::load_paths;
use std::path::{Path, PathBuf};

/// The fixed "now" every test loads with.
pub fn now() -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("valid time")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import"
    ))
    .join(name)
}

/// Loads one fixture, failing the test with the load error.
pub fn load(name: &str) -> Estate {
    load_paths(&[fixture(name)], now()).unwrap_or_else(|e| panic!("{e}"))
}

/// The shared samples folder, or `None` (with a note) where it is absent.
pub fn samples() -> Option<PathBuf> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples"));
    if root.is_dir() {
        Some(root.to_path_buf())
    } else {
        eprintln!("skipping: {} is absent", root.display());
        None
    }
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for entry in entries {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Findings each public sample holds, from samples/README.md; `Some(None)`
/// for samples rampart refuses (Inspector's own format).
pub fn expected_count(rel: &str) -> Option<Option<usize>> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if rel.starts_with("public/guardduty/guardduty-soar-samples/") {
        return Some(Some(1));
    }
    let n = match name {
        "all-public-asff.get-findings.json" => 46,
        "all-public-guardduty.get-findings.json" => 19,
        "all-public-macie.get-findings.json" => 4,
        "guardduty-soar-samples.get-findings.json" => 15,
        "custodian-placebo.test_ecr_image_modify_policy.securityhub.GetFindings_1.json" => 20,
        "custodian-placebo.test_larger_batch.securityhub.GetFindings_1.json" => 2,
        "custodian-placebo.test_security_hub_mode_action_insight.securityhub.GetFindings_1.json" => {
            5
        }
        "custodian-placebo.test_inspector2_finding.inspector2.ListFindings_1.json"
        | "custodian-placebo.test_inspector2_finding_query_filter.inspector2.ListFindings_1.json" =>
        {
            return Some(None);
        }
        _ if rel.starts_with("public/") && name.ends_with(".json") => 1,
        _ => return None,
    };
    Some(Some(n))
}
