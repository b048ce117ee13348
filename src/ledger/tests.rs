use super::*;
use crate::model::AttestationStatus;
use chrono::TimeZone;
use std::sync::Arc;

fn at(minute: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 1, 9, minute, 0)
        .single()
        .expect("valid time")
}

fn call(op: &str) -> Event {
    Event::AwsCall {
        service: "securityhub".into(),
        operation: op.into(),
        region: "eu-west-2".into(),
        request_id: Some(format!("req-{op}")),
        outcome: Outcome::Ok,
        duration_ms: 42,
    }
}

/// A log of five entries of every kind; returns the dir guard and bytes.
fn five() -> (tempfile::TempDir, Ledger) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = Ledger::open(dir.path()).expect("open");
    let events = [
        Event::session_start(vec!["--demo".into()], "demo".into(), true),
        call("GetFindings"),
        Event::Write {
            what: "securityhub:BatchUpdateFindings workflow=RESOLVED".into(),
            targets: vec!["arn:aws:securityhub:eu-west-2:111122223333:finding/1".into()],
            outcome: Outcome::failed("AccessDenied"),
        },
        Event::Attestation {
            requirement_id: "e8/restrict-office-macros/ml1".into(),
            status: AttestationStatus::Met,
            note: "GPO screenshot".into(),
            by: "auditor".into(),
        },
        Event::Export {
            path: "/tmp/report.md".into(),
            sha256: sha256_hex(b"report"),
        },
    ];
    for (i, e) in events.into_iter().enumerate() {
        ledger.append_at(e, at(i as u32)).expect("append");
    }
    (dir, ledger)
}

fn lines(ledger: &Ledger) -> Vec<String> {
    std::fs::read_to_string(ledger.path())
        .expect("read")
        .lines()
        .map(str::to_string)
        .collect()
}

fn check(lines: &[String]) -> Result<VerifyReport, VerifyError> {
    let mut text = lines.join("\n");
    text.push('\n');
    verify_bytes("log", text.as_bytes())
}

fn broken_at(r: Result<VerifyReport, VerifyError>) -> (usize, Break) {
    match r {
        Err(VerifyError::Broken { line, problem, .. }) => (line, problem),
        other => panic!("expected a broken chain, got {other:?}"),
    }
}

#[test]
fn an_intact_log_verifies_and_its_head_is_the_ledgers() {
    let (_dir, ledger) = five();
    let report = verify(ledger.path()).expect("intact");
    assert_eq!(report.entries, 5);
    assert_eq!(report.head, ledger.head());
    assert_ne!(report.head, GENESIS);
    let entries = ledger.entries();
    assert_eq!(entries.len(), 5);
    assert_eq!(entries[0].prev, GENESIS);
    assert_eq!(
        entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(entries[1].prev, sha256_hex(lines(&ledger)[0].as_bytes()));
}

#[test]
fn every_line_reads_back_as_the_entry_written() {
    let (_dir, ledger) = five();
    let read: Vec<Entry> = lines(&ledger)
        .iter()
        .map(|l| serde_json::from_str(l).expect("entry"))
        .collect();
    assert_eq!(read, ledger.entries());
    let first = &lines(&ledger)[1];
    assert!(
        first.starts_with(
            r#"{"seq":2,"at":"2026-11-01T09:01:00Z","kind":"aws_call","service":"securityhub""#
        ),
        "{first}"
    );
    assert!(first.contains(r#""outcome":{"result":"ok"}"#), "{first}");
}

#[test]
fn a_modified_entry_is_reported_at_its_line() {
    let (_dir, ledger) = five();
    for target in [0usize, 2] {
        let mut l = lines(&ledger);
        l[target] = l[target].replacen("2026-11-01", "2026-11-02", 1);
        let (line, problem) = broken_at(check(&l));
        assert_eq!(line, target + 1);
        assert_eq!(
            problem,
            Break::Modified {
                seq: target as u64 + 1
            }
        );
    }
}

#[test]
fn a_deleted_entry_is_reported_where_it_is_missing() {
    let (_dir, ledger) = five();
    let mut l = lines(&ledger);
    l.remove(2);
    assert_eq!(
        broken_at(check(&l)),
        (
            3,
            Break::Deleted {
                expected: 3,
                found: 4
            }
        )
    );
    let mut l = lines(&ledger);
    l.remove(0);
    assert_eq!(
        broken_at(check(&l)),
        (
            1,
            Break::Deleted {
                expected: 1,
                found: 2
            }
        )
    );
}

#[test]
fn a_deleted_entry_with_renumbered_successors_breaks_the_chain() {
    let (_dir, ledger) = five();
    let mut l = lines(&ledger);
    l.remove(2);
    l[2] = l[2].replacen(r#""seq":4"#, r#""seq":3"#, 1);
    l[3] = l[3].replacen(r#""seq":5"#, r#""seq":4"#, 1);
    let (line, problem) = broken_at(check(&l));
    assert_eq!((line, problem), (2, Break::Modified { seq: 2 }));
}

#[test]
fn reordered_entries_are_reported_at_the_first_out_of_place_line() {
    let (_dir, ledger) = five();
    let mut l = lines(&ledger);
    l.swap(1, 2);
    assert_eq!(
        broken_at(check(&l)),
        (
            2,
            Break::Reordered {
                expected: 2,
                found: 3
            }
        )
    );
    let mut l = lines(&ledger);
    l.swap(3, 4);
    assert_eq!(
        broken_at(check(&l)),
        (
            4,
            Break::Reordered {
                expected: 4,
                found: 5
            }
        )
    );
}

#[test]
fn a_duplicated_entry_is_out_of_order() {
    let (_dir, ledger) = five();
    let mut l = lines(&ledger);
    let dup = l[1].clone();
    l.insert(2, dup);
    assert_eq!(
        broken_at(check(&l)),
        (
            3,
            Break::Reordered {
                expected: 3,
                found: 2
            }
        )
    );
}

#[test]
fn truncation_of_the_last_line_is_detected() {
    let (_dir, ledger) = five();
    let bytes = std::fs::read(ledger.path()).expect("read");
    // Cut in the middle of the last line, and cut only its line end.
    for cut in [bytes.len() - 20, bytes.len() - 1] {
        let (line, problem) = broken_at(verify_bytes("log", &bytes[..cut]));
        assert_eq!((line, problem), (5, Break::Truncated));
    }
}

#[test]
fn garbage_is_reported_as_bad_json_at_its_line() {
    let (_dir, ledger) = five();
    let mut l = lines(&ledger);
    l[3] = "{not json".into();
    let (line, problem) = broken_at(check(&l));
    assert_eq!(line, 4);
    assert!(matches!(problem, Break::BadJson { .. }), "{problem:?}");
    let mut l = lines(&ledger);
    l.insert(2, String::new());
    assert_eq!(broken_at(check(&l)).0, 3);
    let mut l = lines(&ledger);
    l[0] = l[0].replacen(GENESIS, &"f".repeat(64), 1);
    assert_eq!(broken_at(check(&l)), (1, Break::BadStart));
}

#[test]
fn errors_print_as_one_line_with_file_and_line() {
    let e = VerifyError::Broken {
        path: "s.jsonl".into(),
        line: 3,
        problem: Break::Deleted {
            expected: 3,
            found: 4,
        },
    };
    assert_eq!(
        e.to_string(),
        "s.jsonl:3: entry seq 3 was deleted: found seq 4 in its place"
    );
}

#[test]
fn an_empty_log_verifies_with_the_genesis_head() {
    let r = verify_bytes("empty", b"").expect("empty is intact");
    assert_eq!((r.entries, r.head.as_str()), (0, GENESIS));
}

#[test]
fn appends_from_many_threads_keep_one_chain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = Arc::new(Ledger::open(dir.path()).expect("open"));
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let ledger = Arc::clone(&ledger);
            std::thread::spawn(move || {
                for i in 0..50 {
                    ledger.append(call(&format!("Op{t}x{i}"))).expect("append");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
    let report = verify(ledger.path()).expect("intact");
    assert_eq!(report.entries, 400);
    assert_eq!(ledger.entries_after(390).len(), 10);
    assert_eq!(ledger.entries_after(390)[0].seq, 391);
    assert!(ledger.entries_after(1000).is_empty());
}

#[test]
fn logs_are_private_and_never_reused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nested = dir.path().join("a/b");
    let one = Ledger::open(&nested).expect("open");
    let two = Ledger::open(&nested).expect("open");
    assert_ne!(one.path(), two.path());
    let name = one
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("session-") && name.ends_with(".jsonl"),
        "{name}"
    );
    assert!(name.contains(&format!("-{}", std::process::id())), "{name}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(one.path())
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn file_names_carry_utc_time_pid_and_a_counter() {
    assert_eq!(
        location::file_name(at(5), 77, 0),
        "session-20261101T090500Z-77.jsonl"
    );
    assert_eq!(
        location::file_name(at(5), 77, 2),
        "session-20261101T090500Z-77-2.jsonl"
    );
}
