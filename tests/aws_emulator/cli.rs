//! The binary against the emulator (summary, capture -> --file, missing
//! credentials) and region discovery.

use super::live;
use super::moto::{self, moto_url, sdk_config, seeded};
use rampart::aws::{CallLedger, Guard, LiveOptions, Session};
use rampart::model::DatasetKind;
use std::process::Command;

#[tokio::test]
async fn capture_then_file_shows_the_same_estate() {
    let Some(url) = moto_url() else { return };
    let (_s, estate, _) = live(&url).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("live.json.zst");
    rampart::snapshot::save(&estate, &path).expect("save");
    let mut back = rampart::snapshot::load_paths(std::slice::from_ref(&path), chrono::Utc::now())
        .expect("open");
    back.meta.origin = estate.meta.origin.clone();
    assert_eq!(back, estate);

    // The binary: capture, then --file summary equals the live summary's datasets.
    let bin = env!("CARGO_BIN_EXE_rampart");
    let out = dir.path().join("cli.json");
    let run = |args: &[&str]| {
        let mut cmd = Command::new(bin);
        moto::binary_env(&mut cmd, dir.path());
        let o = cmd.args(args).output().expect("run rampart");
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let live_args = [
        "--endpoint-url",
        url.as_str(),
        "--region",
        "eu-west-2,ap-southeast-2",
    ];
    let said = run(&[
        &["capture", "--out", out.to_str().expect("utf8")][..],
        &live_args[..],
    ]
    .concat());
    assert!(said.contains("captured 250 findings"), "{said}");
    let from_file: serde_json::Value = serde_json::from_str(&run(&[
        "--file",
        out.to_str().expect("utf8"),
        "summary",
        "--json",
    ]))
    .expect("json");
    let from_live: serde_json::Value =
        serde_json::from_str(&run(&[&["summary", "--json"][..], &live_args[..]].concat()))
            .expect("json");
    for d in DatasetKind::ALL {
        let (a, b) = (
            &from_file["datasets"][d.key()],
            &from_live["datasets"][d.key()],
        );
        assert_eq!(a["count"], b["count"], "{d}");
        assert_eq!(a["by_region"], b["by_region"], "{d}");
        assert_eq!(a["status"]["status"], b["status"]["status"], "{d}");
    }
    assert_eq!(from_file["findings"], from_live["findings"]);
}

#[test]
fn summary_json_reports_the_seed_and_what_is_missing() {
    let Some(url) = moto_url() else { return };
    let seed = seeded(&url);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rampart"));
    moto::binary_env(&mut cmd, dir.path());
    let o = cmd
        .args([
            "summary",
            "--json",
            "--endpoint-url",
            &url,
            "--region",
            "eu-west-2,ap-southeast-2",
        ])
        .output()
        .expect("run rampart");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let d = &j["datasets"];
    assert_eq!(j["accounts"], serde_json::json!(["123456789012"]));
    assert_eq!(
        d["kms_keys"]["by_region"],
        serde_json::json!({"ap-southeast-2": 1, "eu-west-2": 4})
    );
    assert_eq!(
        d["vpcs"]["by_region"],
        serde_json::json!({"ap-southeast-2": 2, "eu-west-2": 4})
    );
    assert_eq!(
        d["securityhub_findings"]["by_region"]["eu-west-2"],
        seed.findings
    );
    assert!(
        d["security_groups"]["by_region"]["eu-west-2"]
            .as_u64()
            .is_some_and(|n| n >= 2)
    );
    for missing in [
        "guardduty_findings",
        "macie_findings",
        "standards",
        "controls",
        "alarms",
    ] {
        assert!(
            d[missing]["count"].is_null(),
            "{missing} must be unknown, not 0"
        );
        let reasons = d[missing]["status"]["reasons"].to_string();
        assert!(
            reasons.contains("eu-west-2: failed:"),
            "{missing}: {reasons}"
        );
    }
}

/// A live read outside the console records every call in a session log,
/// and a report written from it joins the same log.
#[test]
fn live_report_logs_its_calls_and_the_export_in_one_session_log() {
    let Some(url) = moto_url() else { return };
    let _seed = seeded(&url);
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = dir.path().join("evidence.md");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rampart"));
    moto::binary_env(&mut cmd, dir.path());
    let o = cmd
        .env("RAMPART_DATA_DIR", &data)
        .args(["report", "--out", out.to_str().expect("utf8")])
        .args(["--endpoint-url", &url, "--region", "eu-west-2"])
        .output()
        .expect("run rampart");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let logs: Vec<_> = std::fs::read_dir(&data)
        .expect("data dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    rampart::ledger::verify(&logs[0]).expect("intact chain");
    let entries: Vec<serde_json::Value> = std::fs::read_to_string(&logs[0])
        .expect("log")
        .lines()
        .map(|l| serde_json::from_str(l).expect("entry"))
        .collect();
    assert_eq!(entries[0]["kind"], "session_start");
    assert_eq!(entries[0]["read_only"], true);
    let calls: Vec<String> = entries
        .iter()
        .filter(|e| e["kind"] == "aws_call")
        .map(|e| {
            format!(
                "{}:{}",
                e["service"].as_str().unwrap_or(""),
                e["operation"].as_str().unwrap_or("")
            )
        })
        .collect();
    for needed in [
        "sts:GetCallerIdentity",
        "securityhub:GetFindings",
        "kms:ListKeys",
        "ec2:DescribeVpcs",
    ] {
        assert!(
            calls.iter().any(|c| c == needed),
            "{needed} not logged: {calls:?}"
        );
    }
    for c in &calls {
        assert!(
            rampart::aws::IAM_READ_ACTIONS.contains(&c.as_str()),
            "{c} is not a read"
        );
    }
    let last = entries.last().expect("entries");
    assert_eq!(last["kind"], "export");
    let sha = rampart::ledger::sha256_hex(&std::fs::read(&out).expect("report"));
    assert_eq!(last["sha256"], sha.as_str());
}

#[test]
fn no_credentials_is_one_line_that_suggests_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "").expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_rampart"))
        .env_clear()
        .env("HOME", dir.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", &empty)
        .env("AWS_SHARED_CREDENTIALS_FILE", &empty)
        .args([
            "summary",
            "--region",
            "eu-west-2",
            "--endpoint-url",
            "http://127.0.0.1:9",
        ])
        .output()
        .expect("run rampart");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("no AWS credentials") && err.contains("--demo"),
        "{err}"
    );
}

#[tokio::test]
async fn all_regions_means_enabled_regions_only() {
    let Some(url) = moto_url() else { return };
    let opts = LiveOptions {
        all_regions: true,
        ..LiveOptions::default()
    };
    let s = Session::from_sdk_config(
        &sdk_config(&url, "eu-west-2"),
        &opts,
        Guard::read_only(CallLedger::new()),
    )
    .await
    .expect("connect");
    let regions = s.regions();
    assert!(
        regions.iter().any(|r| r == "eu-west-2") && regions.iter().any(|r| r == "ap-southeast-2")
    );
    // Opt-in regions the account has not enabled are never contacted.
    for skipped in ["ap-east-1", "me-south-1", "il-central-1"] {
        assert!(
            !regions.iter().any(|r| r == skipped),
            "{skipped} is not opted in"
        );
    }
    let ops: Vec<String> = s
        .ledger()
        .records()
        .iter()
        .map(|r| r.operation.clone())
        .collect();
    assert_eq!(ops, ["GetCallerIdentity", "DescribeRegions"]);
}
