//! Session log, evidence export and diff as a user runs them: the real
//! binary, real files, a private data directory.

use rampart::ledger::{Event, Ledger, Outcome, verify};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn rampart(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("RAMPART_DATA_DIR", data_dir)
        .env("RAMPART_CONFIG_DIR", data_dir.join("no-config"))
        .env_remove("AWS_PROFILE")
        .output()
        .expect("run rampart")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A session log of four entries in `dir`.
fn log(dir: &Path) -> std::path::PathBuf {
    let ledger = Ledger::open(dir).expect("open");
    ledger
        .append(Event::session_start(
            vec!["--demo".into()],
            "demo".into(),
            true,
        ))
        .expect("append");
    for op in ["GetFindings", "ListKeys", "DescribeVpcs"] {
        ledger
            .append(Event::AwsCall {
                service: "svc".into(),
                operation: op.into(),
                region: "eu-west-2".into(),
                request_id: None,
                outcome: Outcome::Ok,
                duration_ms: 3,
            })
            .expect("append");
    }
    ledger.path().to_path_buf()
}

#[test]
fn audit_verify_passes_an_intact_log_and_names_the_first_broken_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = log(dir.path());
    let file = path.to_str().expect("utf-8 path");
    let ok = rampart(dir.path(), &["audit", "verify", file]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let head = verify(&path).expect("intact").head;
    assert_eq!(
        stdout(&ok),
        format!("ok: 4 entries, chain intact, head {head}\n")
    );
    let pinned = rampart(
        dir.path(),
        &["audit", "verify", file, "--expect-head", &head],
    );
    assert!(pinned.status.success());

    // Change the last entry: the chain alone cannot see it, the pinned head can.
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[3] = lines[3].replace("DescribeVpcs", "DeleteVpc");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    let moved = rampart(
        dir.path(),
        &["audit", "verify", file, "--expect-head", &head],
    );
    assert_eq!(moved.status.code(), Some(1));
    assert!(stderr(&moved).contains("the last entries were changed or removed"));

    lines[1] = lines[1].replace("GetFindings", "BatchUpdateFindings");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    let broken = rampart(dir.path(), &["audit", "verify", file]);
    assert_eq!(broken.status.code(), Some(1));
    let err = stderr(&broken);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{file}:2: entry seq 2 was modified")),
        "{err}"
    );

    let missing = rampart(dir.path(), &["audit", "verify", "/nonexistent/s.jsonl"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn report_prints_every_format_from_the_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = rampart(dir.path(), &["--demo", "report"]);
    assert!(md.status.success(), "{}", stderr(&md));
    assert!(stdout(&md).starts_with("# rampart evidence report\n"));
    let html = rampart(dir.path(), &["--demo", "report", "--format", "html"]);
    assert!(stdout(&html).starts_with("<!DOCTYPE html>"));
    let json = rampart(dir.path(), &["report", "--demo", "--format", "json"]);
    let v: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["scope"]["origin"], "demo");
    let csv = rampart(dir.path(), &["--demo", "report", "--format", "csv"]);
    let summary = rampart(dir.path(), &["--demo", "summary", "--json"]);
    let s: Value = serde_json::from_slice(&summary.stdout).expect("summary");
    let total = s["findings"]["total"].as_u64().expect("total") as usize;
    assert_eq!(
        stdout(&csv).split("\r\n").filter(|l| !l.is_empty()).count(),
        total + 1
    );
    // Printing writes no session log.
    assert!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0)
            == 0
    );
}

#[test]
fn report_out_writes_the_file_and_logs_its_hash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = dir.path().join("evidence.html");
    let o = rampart(
        &data,
        &[
            "--demo",
            "report",
            "--format",
            "html",
            "--out",
            out.to_str().expect("path"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).expect("report written");
    let sha = rampart::ledger::sha256_hex(&bytes);
    assert!(stdout(&o).contains(&sha), "{}", stdout(&o));

    let entries = only_log(&data);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["kind"], "session_start");
    assert_eq!(entries[0]["read_only"], true);
    assert_eq!(entries[1]["kind"], "export");
    assert_eq!(entries[1]["sha256"], sha.as_str());
    assert!(
        entries[1]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("evidence.html"))
    );
}

#[test]
fn report_of_files_hashes_each_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let snap = dir.path().join("estate.json");
    rampart::snapshot::save(&rampart::demo::estate(), &snap).expect("save");
    let o = rampart(
        dir.path(),
        &[
            "--file",
            snap.to_str().expect("path"),
            "report",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let sha = rampart::ledger::sha256_hex(&std::fs::read(&snap).expect("read"));
    assert_eq!(v["source"]["kind"], "input_files");
    assert_eq!(v["source"]["inputs"][0]["sha256"], sha.as_str());
}

#[test]
fn diff_compares_two_snapshot_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = rampart::demo::estate();
    let mut new = old.clone();
    let alarm = new
        .alarms
        .iter_mut()
        .find(|a| a.name == "cis-unauthorized-api-calls")
        .expect("alarm");
    alarm.state = rampart::model::AlarmState::Ok;
    let (po, pn) = (dir.path().join("old.json"), dir.path().join("new.json.zst"));
    rampart::snapshot::save(&old, &po).expect("save");
    rampart::snapshot::save(&new, &pn).expect("save");
    let (po, pn) = (po.to_str().expect("path"), pn.to_str().expect("path"));

    let text = rampart(dir.path(), &["diff", po, pn]);
    assert!(text.status.success(), "{}", stderr(&text));
    let t = stdout(&text);
    assert!(
        t.contains("~ alarm cis-unauthorized-api-calls 111122223333 eu-west-2: state ALARM → OK"),
        "{t}"
    );
    assert!(t.contains("Findings: 0 new, 0 resolved, 0 changed"), "{t}");

    let json = rampart(dir.path(), &["diff", po, pn, "--json"]);
    let v: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["alarms"][0]["details"][0]["new"], "OK");
    assert_eq!(v["keys"].as_array().map(Vec::len), Some(0));

    let bad = rampart(dir.path(), &["diff", po, "/nonexistent.json"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("no such file"));
}

/// The entries of the one session log in `data`.
fn only_log(data: &Path) -> Vec<Value> {
    let logs: Vec<_> = std::fs::read_dir(data)
        .expect("data dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    verify(&logs[0]).expect("intact log");
    std::fs::read_to_string(&logs[0])
        .expect("log")
        .lines()
        .map(|l| serde_json::from_str(l).expect("entry"))
        .collect()
}

#[test]
fn capture_out_is_recorded_with_the_hash_of_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = dir.path().join("estate.json.zst");
    let o = rampart(
        &data,
        &["--demo", "capture", "--out", out.to_str().expect("path")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let sha = rampart::ledger::sha256_hex(&std::fs::read(&out).expect("written"));
    assert!(stdout(&o).contains(&sha), "{}", stdout(&o));
    let entries = only_log(&data);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["kind"], "session_start");
    assert_eq!(entries[0]["origin"], "demo");
    assert_eq!(entries[1]["kind"], "export");
    assert_eq!(entries[1]["sha256"], sha.as_str());

    // Nowhere to log: nothing is written either.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "a file where the data directory should be").expect("write");
    let out2 = dir.path().join("second.json");
    let o = rampart(
        &blocked,
        &["--demo", "capture", "--out", out2.to_str().expect("path")],
    );
    assert!(!o.status.success());
    assert!(!out2.exists());
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn verify_exports_shows_whether_each_exported_file_is_still_what_was_logged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = dir.path().join("evidence.md");
    let o = rampart(
        &data,
        &["--demo", "report", "--out", out.to_str().expect("path")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let log = std::fs::read_dir(&data)
        .expect("data dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .expect("a session log");
    let log = log.to_str().expect("path");

    let ok = rampart(&data, &["audit", "verify", log, "--exports"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let said = stdout(&ok);
    assert!(said.contains("chain intact"), "{said}");
    assert!(said.contains("evidence.md: intact"), "{said}");

    std::fs::write(&out, "# a different report\n").expect("edit");
    let changed = rampart(&data, &["audit", "verify", log, "--exports"]);
    assert_eq!(changed.status.code(), Some(1));
    assert!(
        stdout(&changed).contains("evidence.md: CHANGED"),
        "{}",
        stdout(&changed)
    );
    assert!(stderr(&changed).contains("1 of 1 exported file(s) changed or missing"));

    std::fs::remove_file(&out).expect("remove");
    let gone = rampart(&data, &["audit", "verify", log, "--exports"]);
    assert_eq!(gone.status.code(), Some(1));
    assert!(
        stdout(&gone).contains("evidence.md: MISSING"),
        "{}",
        stdout(&gone)
    );
    // Without --exports only the chain is checked.
    assert!(rampart(&data, &["audit", "verify", log]).status.success());
}
