use super::*;
use crate::demo;
use crate::ledger::{Ledger, sha256_hex, verify};
use crate::model::{DatasetKind, LoadState};

fn demo_report(estate: &Estate, format: Format) -> String {
    let source = SourceDigest::canonical(estate).expect("digest");
    make(estate, source, demo::now(), format).expect("render")
}

/// The demo with one hostile finding title.
fn hostile() -> Estate {
    let mut e = demo::estate();
    let f = e
        .findings
        .iter_mut()
        .find(|f| crate::diff::is_open(f))
        .expect("an open finding");
    f.title = "<script>alert(1)</script><img src=\"http://evil.example/x.png\"> | pipe \u{1b}[2J `tick` *bold* [link](http://evil.example)".into();
    e
}

#[test]
fn markdown_of_the_demo() {
    insta::assert_snapshot!(demo_report(&demo::estate(), Format::Md));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let html = demo_report(&hostile(), Format::Html);
    let plain = demo_report(&demo::estate(), Format::Html);
    for banned in [
        "<script",
        "src=\"http",
        "src='http",
        "@import",
        "url(",
        "<link",
        "<iframe",
        "<img",
        "\u{1b}",
    ] {
        for page in [&html, &plain] {
            assert!(
                !page.to_ascii_lowercase().contains(banned),
                "HTML contains {banned:?}"
            );
        }
    }
    for page in [&html, &plain] {
        let lower = page.to_ascii_lowercase();
        let stylesheet_link = lower.match_indices("href=\"http").any(|(i, _)| {
            lower[i..]
                .split('"')
                .nth(1)
                .is_some_and(|u| u.contains(".css"))
        });
        assert!(!stylesheet_link, "stylesheet link");
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("\\x1b[2J"));
    assert!(html.ends_with("</html>\n"));
    // Every section made it.
    for h in [
        "Scope",
        "Data coverage",
        "Open findings by severity",
        "KMS",
        "Network",
        "Alarms",
        "Attestations",
    ] {
        assert!(html.contains(h), "missing {h}");
    }
}

#[test]
fn markdown_cannot_be_broken_by_a_title() {
    let md = demo_report(&hostile(), Format::Md);
    assert!(!md.contains("<script"), "raw HTML in Markdown");
    assert!(!md.contains('\u{1b}'));
    let line = md
        .lines()
        .find(|l| l.contains("alert(1)"))
        .expect("hostile row");
    // Unescaped pipes delimit cells: the row still has the table's 9 cells.
    let cells = line.replace("\\|", "").matches('|').count() - 1;
    assert_eq!(cells, 9, "{line}");
    assert!(
        line.contains("\\`tick\\`") && line.contains("\\*bold\\*") && line.contains("\\[link\\]")
    );
}

#[test]
fn json_parses_and_matches_the_counts() {
    let json = demo_report(&demo::estate(), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let open = v["findings"]["open"].as_u64().expect("open");
    assert_eq!(
        v["findings"]["open_findings"].as_array().map(Vec::len),
        Some(open as usize)
    );
    let by_sev: u64 = v["findings"]["open_by_severity"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["open"].as_u64())
        .sum();
    assert_eq!(by_sev, open);
    assert_eq!(v["source"]["kind"], "canonical_snapshot");
    let summary = &v["scores"]["summary"];
    assert!(summary["percent"].as_u64().is_some(), "{summary}");
    assert!(
        v["scores"]["standards"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );
    assert!(v["controls"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(v["controls"][0]["status"], "failed");
    assert_eq!(
        v["essential_eight"]["strategies"].as_array().map(Vec::len),
        Some(8)
    );
    assert!(v["checks"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(v["scope"]["caller"]["account_id"], demo::ACCOUNT_ID);
    assert!(v.get("all_findings").is_none());
}

#[test]
fn csv_has_one_row_per_finding() {
    let estate = hostile();
    let csv = demo_report(&estate, Format::Csv);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), estate.findings.len() + 1);
    assert!(lines[0].starts_with("id,severity,source,"));
    assert!(!csv.contains('\u{1b}'));
    let hostile_line = lines.iter().find(|l| l.contains("alert(1)")).expect("row");
    assert!(hostile_line.contains("\"<script>"), "{hostile_line}");
}

#[test]
fn csv_cells_are_quoted_and_formulas_defused() {
    assert_eq!(csv::cell("plain"), "plain");
    assert_eq!(csv::cell("a,b"), "\"a,b\"");
    assert_eq!(csv::cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv::cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv::cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv::cell("line\nbreak"), "line break");
}

#[test]
fn the_canonical_hash_is_of_the_bytes_snapshot_save_writes() {
    let estate = demo::estate();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.json");
    crate::snapshot::save(&estate, &path).expect("save");
    let saved = std::fs::read(&path).expect("read");
    assert_eq!(canonical_snapshot(&estate).expect("bytes"), saved);
    let d = SourceDigest::canonical(&estate).expect("digest");
    assert_eq!(d.inputs[0].sha256, sha256_hex(&saved));
    assert_eq!(d.inputs[0].bytes, saved.len() as u64);
    let files = SourceDigest::of_files(std::slice::from_ref(&path)).expect("files");
    assert_eq!(files.kind, DigestKind::InputFiles);
    assert_eq!(files.inputs[0].sha256, sha256_hex(&saved));
    assert_eq!(files.inputs[0].bytes, saved.len() as u64);
    assert!(SourceDigest::of_files(&[dir.path().join("absent.json")]).is_err());
}

#[test]
fn unread_data_is_reported_as_unknown() {
    let mut e = demo::estate();
    for region in demo::REGIONS {
        e.set_load(
            DatasetKind::KmsKeys,
            Some(demo::ACCOUNT_ID),
            Some(region),
            LoadState::AccessDenied {
                action: "kms:ListKeys".into(),
                message: "denied".into(),
            },
        );
        e.set_load(
            DatasetKind::Alarms,
            Some(demo::ACCOUNT_ID),
            Some(region),
            LoadState::NotLoaded,
        );
    }
    e.kms_keys.clear();
    e.alarms.clear();
    let md = demo_report(&e, Format::Md);
    assert!(md.contains("| KMS keys | unknown | "), "{md}");
    assert!(md.contains("access denied (kms:ListKeys)"));
    assert!(md.contains("Alarms not read: "));
    assert!(md.contains("not completely read"));
}

#[test]
fn export_writes_privately_and_logs_the_hash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = Ledger::open(&dir.path().join("data")).expect("ledger");
    let out = dir.path().join("report.html");
    std::fs::write(&out, "old").expect("seed");
    let bytes = demo_report(&demo::estate(), Format::Html).into_bytes();
    let sha = export(&bytes, &out, &ledger).expect("export").sha256;
    assert_eq!(std::fs::read(&out).expect("read"), bytes);
    assert_eq!(sha, sha256_hex(&bytes));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let entries = ledger.entries();
    assert_eq!(entries.len(), 1);
    match &entries[0].event {
        crate::ledger::Event::Export { path, sha256 } => {
            assert_eq!(sha256, &sha);
            assert!(path.ends_with("report.html") && std::path::Path::new(path).is_absolute());
        }
        other => panic!("expected an export entry, got {other:?}"),
    }
    assert_eq!(verify(ledger.path()).expect("intact").entries, 1);

    let nowhere = dir.path().join("missing/dir/report.md");
    assert!(matches!(
        export(b"x", &nowhere, &ledger),
        Err(ExportError::Write { .. })
    ));
    assert_eq!(ledger.len(), 1, "a failed write is not logged");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn the_planted_drift_is_in_the_evidence() {
    use crate::demo::drift;
    let md = demo_report(&demo::estate(), Format::Md);
    for needle in [
        "| All standards (each control once) | 71% |",
        "rotation off",
        "pending deletion in 12 days",
        drift::PUBLIC_POLICY_SID,
        drift::OPEN_SSH_GROUP_NAME,
        drift::NO_FLOW_LOGS_VPC_NAME,
        drift::ALARM_ACTIONS_DISABLED,
        "## Control status",
        "## rampart checks: ",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn attestations_show_against_their_requirement() {
    let req = crate::posture::e8::requirements()
        .expect("requirements")
        .iter()
        .find(|r| r.aws_controls.is_empty())
        .expect("a manual requirement");
    let id = req.id();
    let mut e = demo::estate();
    e.attestations.push(crate::model::Attestation {
        requirement_id: id.clone(),
        status: crate::model::AttestationStatus::Met,
        note: "GPO export reviewed".into(),
        by: "auditor".into(),
        at: demo::now(),
    });
    let md = demo_report(&e, Format::Md);
    let row = md
        .lines()
        .find(|l| l.contains(&super::markdown::escape(&req.text)) && l.contains("attested"))
        .unwrap_or_else(|| panic!("no attested row for {id}"));
    assert!(
        row.contains("met by auditor 2026-11-01 09:00:00 UTC: GPO export reviewed"),
        "{row}"
    );
    assert!(
        md.contains(&super::markdown::escape(&id)),
        "attestation table lists {id}"
    );
}
