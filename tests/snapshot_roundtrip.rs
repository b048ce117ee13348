//! Snapshot files: save then load gives back the same estate, compressed or
//! not, written privately and atomically.

#[path = "support/import_support.rs"]
mod import_support;
#[path = "support/sample_estate.rs"]
mod sample_estate;

use import_support::{fixture, now};
use rampart::model::{DataOrigin, DatasetKind, Estate};
use rampart::snapshot::{load_paths, save};
use sample_estate::estate;
use std::path::Path;

/// What loading a saved estate gives: the same estate, its origin now the file.
fn as_loaded_from(mut e: Estate, path: &Path) -> Estate {
    e.meta.origin = DataOrigin::Files {
        paths: vec![path.display().to_string()],
    };
    e
}

fn round_trip(file_name: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(file_name);
    let original = estate();
    save(&original, &path).expect("save");
    let loaded = load_paths(std::slice::from_ref(&path), now()).expect("load");
    assert_eq!(loaded, as_loaded_from(original, &path));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec![file_name.to_string()],
        "no temporary file left behind"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_full_estate_round_trips_as_json() {
    round_trip("estate.json");
}

#[test]
fn a_full_estate_round_trips_as_zstd() {
    round_trip("estate.json.zst");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.json.zst");
    save(&estate(), &path).expect("save");
    let bytes = std::fs::read(&path).expect("read");
    assert_eq!(&bytes[..4], b"\x28\xB5\x2F\xFD", "zstd frame");
}

#[test]
fn the_file_is_versioned_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.json");
    save(&estate(), &path).expect("save");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    let keys: Vec<&String> = v.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["format", "version", "estate"]);
    assert_eq!(v["format"], "rampart-snapshot");
    assert_eq!(v["version"], 1);
}

#[test]
fn saving_replaces_an_existing_file_and_failures_leave_it_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.json");
    std::fs::write(&path, b"old").expect("write");
    save(&estate(), &path).expect("save over");
    assert!(load_paths(std::slice::from_ref(&path), now()).is_ok());
    let nowhere = dir.path().join("no/such/dir/x.json");
    let err = save(&estate(), &nowhere).expect_err("no dir");
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("{}: cannot save: ", nowhere.display())),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
}

#[test]
fn imported_estates_round_trip_too() {
    let files = [
        fixture("securityhub.get-findings.json"),
        fixture("guardduty.get-findings.json"),
        fixture("guardduty-asff-copy.json"),
        fixture("macie.get-findings.json"),
        fixture("macie-asff-copy.json"),
    ];
    let imported = load_paths(&files, now()).expect("import");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("imported.json.zst");
    save(&imported, &path).expect("save");
    let loaded = load_paths(std::slice::from_ref(&path), now()).expect("load");
    assert_eq!(loaded, as_loaded_from(imported, &path));
}

#[test]
fn a_snapshot_keeps_its_loads_and_merges_with_an_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.json");
    save(&estate(), &path).expect("save");
    let e = load_paths(
        &[path.clone(), fixture("guardduty.get-findings.json")],
        now(),
    )
    .expect("merge");
    assert_eq!(
        e.meta.captured_at,
        estate().meta.captured_at,
        "earliest capture"
    );
    assert!(
        e.status(DatasetKind::KmsKeys).is_complete(),
        "snapshot's own load"
    );
    assert!(
        e.status(DatasetKind::GuardDutyFindings).is_complete(),
        "import's load"
    );
    assert_eq!(e.findings.len(), 4);
    assert_eq!(
        e.meta.regions,
        vec!["eu-west-2".to_string(), "us-east-1".to_string()]
    );
    assert_eq!(
        e.meta.origin,
        DataOrigin::Files {
            paths: vec![
                path.display().to_string(),
                fixture("guardduty.get-findings.json").display().to_string()
            ]
        }
    );
}

#[test]
fn provider_numbers_read_back_exactly() {
    // Severity scores, normalized values and thresholds as providers write
    // them (up to 15 significant digits) survive save and load bit for bit.
    let mut e = estate();
    let template = e.findings[1].clone();
    e.findings.clear();
    let values = (0..=1000).map(|i| f64::from(i) / 100.0).chain([
        99.95,
        0.001,
        123456.789,
        1e-7,
        2.5e10,
        0.1 + 0.2 - 0.3,
    ]);
    for (i, score) in values.enumerate() {
        let mut f = template.clone();
        f.id = format!("m{i}");
        f.provenances[0].native_id = f.id.clone();
        f.native_severity = rampart::model::NativeSeverity::Macie {
            description: "Low".into(),
            score: Some(score),
        };
        e.findings.push(f);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("numbers.json");
    save(&e, &path).expect("save");
    let loaded = load_paths(std::slice::from_ref(&path), now()).expect("load");
    assert_eq!(loaded, as_loaded_from(e, &path));
}
