//! Bad input: every refusal is one line naming the file (and line and
//! column where they apply), and nothing is ever half-loaded.

#[path = "support/import_support.rs"]
mod import_support;

use import_support::{fixture, now};
use rampart::snapshot::{EXPECTED_SHAPES, LoadError, load_bytes, load_paths};
use std::path::PathBuf;

/// Writes `bytes` to `name` in a fresh directory and loads it.
fn load_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf, Result<usize, LoadError>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let result = load_paths(std::slice::from_ref(&path), now()).map(|e| e.findings.len());
    (dir, path, result)
}

fn message(name: &str, bytes: &[u8]) -> String {
    let (_dir, path, result) = load_file(name, bytes);
    let msg = result.expect_err("should be refused").to_string();
    assert!(!msg.contains('\n'), "one line: {msg}");
    let prefix = format!("{}", path.display());
    msg.strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("names the file: {msg}"))
        .to_string()
}

const ASFF_HEAD: &str = r#"{"SchemaVersion":"2018-10-08","ProductArn":"arn:aws:securityhub:eu-west-2::product/aws/securityhub","GeneratorId":"g","Types":["t"],"Title":"t","Severity":{"Label":"LOW"}"#;

#[test]
fn truncated_json_names_line_and_column() {
    let text = "{\n  \"Findings\": [\n    {\"Id\": \"a\",\n";
    assert_eq!(
        message("findings.json", text.as_bytes()),
        ":4:0: EOF while parsing an object"
    );
    let text = "{\n  \"Findings\": [\n    {\"Id\": \"a\" \"ProductArn\": 1}\n  ]\n}\n";
    assert_eq!(
        message("findings.json", text.as_bytes()),
        ":3:16: expected ',' or '}'"
    );
}

#[test]
fn wrong_types_and_missing_fields_name_the_finding_and_field() {
    let good = format!(r#"{ASFF_HEAD},"Id":"ok","AwsAccountId":"111122223333"}}"#);
    let wrong = format!(r#"{ASFF_HEAD},"Id":"abc","AwsAccountId":111122223333}}"#);
    let text = format!(r#"{{"Findings":[{good},{good},{wrong}]}}"#);
    assert_eq!(
        message("x.json", text.as_bytes()),
        ": finding 3 (Id \"abc\"): field \"AwsAccountId\": expected a string, found the number 111122223333"
    );
    let missing = format!(r#"{ASFF_HEAD},"Id":"abc"}}"#);
    let text = format!(r#"{{"Findings":[{good},{good},{missing}]}}"#);
    assert_eq!(
        message("x.json", text.as_bytes()),
        ": finding 3 (Id \"abc\"): missing required field \"AwsAccountId\""
    );
    let bad_sev = r#"[{"SchemaVersion":"2018-10-08","Id":"s","ProductArn":"arn:aws:securityhub:eu-west-2::product/aws/securityhub","AwsAccountId":"1","Severity":{"Normalized":"high"}}]"#;
    assert_eq!(
        message("x.json", bad_sev.as_bytes()),
        ": finding 1 (Id \"s\"): field \"Severity.Normalized\": expected a number, found the string \"high\""
    );
    let gd = r#"{"Findings":[{"AccountId":"1","Arn":"arn:aws:guardduty:eu-west-2:1:detector/d/finding/f","Type":"Recon:EC2/Portscan","Severity":5,"SchemaVersion":"2.0","Resource":{},"CreatedAt":"last tuesday"}]}"#;
    assert_eq!(
        message("gd.json", gd.as_bytes()),
        ": finding 1 (Id \"arn:aws:guardduty:eu-west-2:1:detector/d/finding/f\"): field \"CreatedAt\": cannot read timestamp \"last tuesday\""
    );
    let wf = format!(r#"{ASFF_HEAD},"Id":"w","AwsAccountId":"1","Workflow":{{"Status":"DONE"}}}}"#);
    assert_eq!(
        message("x.json", wf.as_bytes()),
        ": finding 1 (Id \"w\"): field \"Workflow.Status\": unknown workflow status \"DONE\""
    );
    let list = r#"{"Findings": "none"}"#;
    assert_eq!(
        message("x.json", list.as_bytes()),
        format!(
            ": unrecognised shape: expected one of {EXPECTED_SHAPES}; found an object whose \"Findings\" is the string \"none\""
        )
    );
}

#[test]
fn a_bad_json_lines_record_names_its_line() {
    let good = format!(r#"{ASFF_HEAD},"Id":"ok","AwsAccountId":"111122223333"}}"#);
    let text = format!("{good}\n\n{good}\n{{\"Id\": \n");
    assert_eq!(
        message("x.jsonl", text.as_bytes()),
        ":4:7: EOF while parsing a value"
    );
    let bad = format!(r#"{ASFF_HEAD},"Id":"b"}}"#);
    let text = format!("{good}\n{bad}\n");
    assert_eq!(
        message("x.jsonl", text.as_bytes()),
        ":2: finding 2 (Id \"b\"): missing required field \"AwsAccountId\""
    );
}

#[test]
fn empty_files_directories_and_missing_files() {
    assert_eq!(message("x.json", b""), ": empty file");
    assert_eq!(message("x.json", b" \n\t\n"), ": empty file");
    let dir = tempfile::tempdir().expect("tempdir");
    let err = load_paths(&[dir.path().to_path_buf()], now()).expect_err("dir");
    assert_eq!(
        err.to_string(),
        format!("{}: is a directory", dir.path().display())
    );
    let missing = dir.path().join("missing.json");
    let err = load_paths(std::slice::from_ref(&missing), now()).expect_err("missing");
    assert_eq!(
        err.to_string(),
        format!("{}: no such file", missing.display())
    );
}

#[test]
fn zstd_problems() {
    assert_eq!(
        message("x.json.zst", b""),
        ": not a zstd stream (empty file)"
    );
    assert_eq!(
        message("x.json.zst", b"PK\x03\x04 zip"),
        ": not a zstd stream (no zstd frame header)"
    );
    let corrupt = b"\x28\xB5\x2F\xFDgarbage that is not a frame";
    let msg = message("x.json.zst", corrupt);
    assert!(msg.starts_with(": corrupt zstd stream: "), "{msg}");
    let good = std::fs::read(fixture("asff-array.json")).expect("fixture");
    let packed = zstd::encode_all(good.as_slice(), 3).expect("compress");
    let msg = message("x.json.zst", &packed[..packed.len() / 2]);
    assert!(msg.starts_with(": corrupt zstd stream: "), "{msg}");
    // Compression is found by content, whatever the name.
    let (_d, _p, ok) = load_file("export.json", &packed);
    assert_eq!(ok.expect("zstd under a .json name"), 2);
}

#[test]
fn snapshots_from_a_newer_rampart_are_refused() {
    let text = r#"{"format":"rampart-snapshot","version":99,"estate":{}}"#;
    assert_eq!(
        message("x.json", text.as_bytes()),
        ": unsupported snapshot version 99 (this rampart reads version 1; upgrade rampart)"
    );
    let text = r#"{"format":"rampart-snapshot","estate":{}}"#;
    assert_eq!(
        message("x.json", text.as_bytes()),
        ": rampart snapshot without a \"version\""
    );
    let text = "{\"format\":\"rampart-snapshot\",\"version\":1,\n\"estate\":{\"meta\":{}}}";
    assert_eq!(
        message("x.json", text.as_bytes()),
        ":2:19: missing field 'origin'"
    );
}

#[test]
fn unrecognised_shapes_say_what_was_expected_and_found() {
    assert_eq!(
        message("x.json", br#"{"foo": 1, "bar": [2]}"#),
        format!(
            ": unrecognised shape: expected one of {EXPECTED_SHAPES}; found an object with keys \"foo\", \"bar\""
        )
    );
    assert_eq!(
        message("x.json", b"[1, 2]"),
        format!(
            ": unrecognised shape: expected one of {EXPECTED_SHAPES}; found a list whose first item is the number 1"
        )
    );
    assert_eq!(
        message("x.json", b"42"),
        format!(": unrecognised shape: expected one of {EXPECTED_SHAPES}; found the number 42")
    );
    let eb = r#"{"version":"0","detail-type":"AWS API Call via CloudTrail","detail":{}}"#;
    assert_eq!(
        message("x.json", eb.as_bytes()),
        format!(
            ": unrecognised shape: expected one of {EXPECTED_SHAPES}; found an EventBridge event of detail-type \"AWS API Call via CloudTrail\""
        )
    );
}

#[test]
fn one_bad_file_fails_the_whole_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, b"{").expect("write");
    let err = load_paths(
        &[fixture("guardduty.get-findings.json"), bad.clone()],
        now(),
    )
    .expect_err("nothing half-loaded");
    assert_eq!(err.file(), bad.display().to_string());
    assert_eq!(
        err.to_string(),
        format!("{}:1:1: EOF while parsing an object", bad.display())
    );
}

#[test]
fn load_bytes_reads_what_load_paths_reads() {
    let bytes = std::fs::read(fixture("macie.get-findings.json")).expect("fixture");
    let e = load_bytes("-", &bytes, now()).expect("stdin");
    assert_eq!(e.findings.len(), 2);
    let err = load_bytes("-", b"", now()).expect_err("empty");
    assert_eq!(err.to_string(), "-: empty file");
}
