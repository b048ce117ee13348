//! The command line as a user runs it: the real binary, real files.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rampart(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("AWS_PROFILE")
        .output()
        .expect("run rampart")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("summary is JSON")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn count(summary: &Value, dataset: &str) -> Option<u64> {
    summary["datasets"][dataset]["count"].as_u64()
}

#[test]
fn demo_summary_reports_the_estate_with_flags_before_or_after_the_subcommand() {
    for args in [
        ["--demo", "summary", "--json"],
        ["summary", "--demo", "--json"],
    ] {
        let s = json(&rampart(&args));
        assert_eq!(count(&s, "kms_keys"), Some(36));
        assert_eq!(count(&s, "vpcs"), Some(4));
        assert_eq!(count(&s, "vpc_endpoints"), Some(33));
        assert_eq!(count(&s, "alarms"), Some(111));
        assert_eq!(count(&s, "log_groups"), Some(41));
        for source in ["securityhub", "guardduty", "macie"] {
            let active = s["findings"]["by_source"][source]["active_total"]
                .as_u64()
                .unwrap_or(0);
            assert!(active > 0, "no active {source} findings in {s}");
        }
        assert_eq!(s["datasets"]["kms_keys"]["status"]["status"], "loaded");
    }
}

#[test]
fn archived_and_suppressed_findings_are_counted_apart() {
    let s = json(&rampart(&["--demo", "summary", "--json"]));
    let f = &s["findings"];
    let total = f["total"].as_u64().unwrap_or(0);
    let parts = f["active"].as_u64().unwrap_or(0)
        + f["archived"].as_u64().unwrap_or(0)
        + f["suppressed"].as_u64().unwrap_or(0);
    assert_eq!(total, parts);
    assert!(f["archived"].as_u64().unwrap_or(0) > 0);
    assert!(f["suppressed"].as_u64().unwrap_or(0) > 0);
}

#[test]
fn an_import_counts_its_findings_and_leaves_other_datasets_unknown() {
    let path = fixture("securityhub.get-findings.json");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let expected = serde_json::from_str::<Value>(&text).expect("fixture JSON")["Findings"]
        .as_array()
        .map(Vec::len)
        .expect("Findings array");
    let s = json(&rampart(&[
        "summary",
        "--json",
        "--file",
        path.to_str().expect("utf-8 path"),
    ]));
    assert_eq!(s["findings"]["total"].as_u64(), Some(expected as u64));
    // Nothing about KMS was read: the count is unknown, not zero.
    assert_eq!(s["datasets"]["kms_keys"]["count"], Value::Null);
    assert_eq!(s["datasets"]["kms_keys"]["status"]["status"], "not_loaded");
}

#[test]
fn each_import_shape_summarises() {
    for name in [
        "securityhub.get-findings.json",
        "asff-array.json",
        "asff-single.json",
        "asff.jsonl",
        "guardduty.get-findings.json",
        "guardduty-camel.json",
        "macie.get-findings.json",
        "macie-array.json",
        "eventbridge-guardduty.json",
    ] {
        let path = fixture(name);
        let s = json(&rampart(&[
            "summary",
            "--json",
            "--file",
            path.to_str().expect("utf-8 path"),
        ]));
        let total = s["findings"]["total"].as_u64().unwrap_or(0);
        assert!(total > 0, "{name}: no findings");
    }
}

#[test]
fn a_bad_file_exits_2_with_one_line_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"Findings\": [\n  {\"Id\": \"x\",\n").expect("write");
    let out = rampart(&["summary", "--file", bad.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("broken.json:"), "{err}");
}

#[test]
fn a_missing_file_and_a_bad_flag_exit_2() {
    let out = rampart(&["summary", "--file", "/nonexistent/rampart.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rampart.json"));
    let out = rampart(&["summary", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_save_and_reopen_gives_the_same_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["demo.json", "demo.json.zst"] {
        let path = dir.path().join(name);
        rampart::snapshot::save(&rampart::demo::estate(), &path).expect("save");
        let reopened = json(&rampart(&[
            "summary",
            "--json",
            "--file",
            path.to_str().expect("utf-8 path"),
        ]));
        let demo = json(&rampart(&["--demo", "summary", "--json"]));
        assert_eq!(reopened["datasets"], demo["datasets"], "{name}");
        assert_eq!(reopened["findings"], demo["findings"], "{name}");
    }
}

#[test]
fn demo_summary_carries_scores_essential_eight_and_every_planted_drift_item() {
    let s = json(&rampart(&["--demo", "summary", "--json"]));
    let p = &s["posture"];
    let standards = p["scores"]["standards"].as_array().expect("standards");
    assert_eq!(standards.len(), 4, "FSBP, CIS, PCI DSS, NIST");
    for st in standards {
        let pct = st["counts"]["percent"].as_u64().expect("a measured score");
        assert!(pct > 0 && pct < 100, "{st}");
    }
    assert!(p["scores"]["summary"]["percent"].as_u64().is_some());
    let strategies = p["essential_eight"]["strategies"].as_array().expect("e8");
    assert_eq!(strategies.len(), 8);
    assert!(strategies.iter().all(|s| s["maturity_label"].is_string()));

    let control_of = |c: &Value| {
        c["compliance"]["security_control_id"]
            .as_str()
            .map(str::to_string)
    };
    let checks: Vec<&Value> = p["checks"].as_array().expect("checks").iter().collect();
    assert!(checks.iter().all(|c| c["source"] == "rampart"));
    let controls: Vec<String> = checks.iter().filter_map(|c| control_of(c)).collect();
    // The demo's drift: rotation off, pending deletion, public key policy,
    // a VPC without flow logs, SSH open to the world, a missing CIS alarm.
    for control in [
        "KMS.4",
        "KMS.3",
        "KMS.5",
        "EC2.6",
        "EC2.13",
        "EC2.19",
        "CloudWatch.9",
    ] {
        assert!(
            controls.iter().any(|c| c == control),
            "{control} not in {controls:?}"
        );
    }
    let titles: Vec<&str> = checks.iter().filter_map(|c| c["title"].as_str()).collect();
    assert!(
        titles
            .iter()
            .any(|t| t.contains("INSUFFICIENT_DATA") || t.contains("insufficient")),
        "a stuck alarm is reported: {titles:?}"
    );
}

#[test]
fn an_import_without_controls_or_keys_is_not_assessed_not_passing() {
    let path = fixture("guardduty.get-findings.json");
    let s = json(&rampart(&[
        "summary",
        "--json",
        "--file",
        path.to_str().expect("utf-8 path"),
    ]));
    let p = &s["posture"];
    assert_eq!(
        p["scores"]["coverage"]["state"], "not_assessed",
        "{}",
        p["scores"]
    );
    assert_eq!(p["scores"]["summary"]["percent"], Value::Null);
    assert_eq!(p["kms"]["coverage"]["state"], "not_assessed");
}

#[test]
fn a_missing_or_bad_baseline_exits_2_with_one_line_naming_it_before_the_console_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.json");
    let bad = dir.path().join("broken-baseline.json");
    std::fs::write(&bad, "{\"Findings\": [\n  {\"Id\": \"x\",\n").expect("write");
    for (file, name) in [(&missing, "missing.json"), (&bad, "broken-baseline.json:")] {
        let path = file.to_str().expect("utf-8 path");
        // The console itself (no subcommand) and `render`.
        for args in [
            vec!["--demo", "--baseline", path],
            vec!["render", "diff", "--demo", "--baseline", path],
        ] {
            let out = rampart(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
            assert!(err.contains("--baseline") && err.contains(name), "{err}");
        }
    }
}

#[test]
fn render_diff_shows_what_changed_against_the_baseline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("last-week.json");
    rampart::snapshot::save(&rampart::demo::earlier(), &path).expect("save");
    let p = path.to_str().expect("utf-8 path");
    let out = rampart(&[
        "render",
        "diff",
        "--demo",
        "--baseline",
        p,
        "--size",
        "120x40",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("vs baseline 2026-10-25 09:00 UTC: +2 new · 1 resolved · 1 changed"),
        "{text}"
    );
    assert!(text.contains(rampart::demo::RESOLVED_TITLE), "{text}");
    assert!(text.contains("severity low → high"), "{text}");
    // The overview sums it up; without --baseline the view says how.
    let out = rampart(&["render", "overview", "--demo", "--baseline", p]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("vs baseline"));
    let out = rampart(&["render", "diff", "--demo"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("No baseline to compare with"));
}
