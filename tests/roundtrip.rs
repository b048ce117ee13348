//! Demo -> save -> open gives an equal estate, plain and compressed.

use rampart::model::DataOrigin;
use rampart::{demo, snapshot};

#[test]
fn demo_round_trips_through_a_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["demo.json", "demo.json.zst"] {
        let path = dir.path().join(name);
        let original = demo::estate();
        snapshot::save(&original, &path).expect("save");
        let mut reopened =
            snapshot::load_paths(std::slice::from_ref(&path), demo::now()).expect("load");
        // Opening records where the estate was read from; everything else is equal.
        assert!(matches!(reopened.meta.origin, DataOrigin::Files { .. }));
        reopened.meta.origin = original.meta.origin.clone();
        assert_eq!(reopened, original, "{name}");
    }
}

#[test]
fn compressed_snapshots_are_smaller() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("a.json");
    let packed = dir.path().join("a.json.zst");
    snapshot::save(&demo::estate(), &plain).expect("save");
    snapshot::save(&demo::estate(), &packed).expect("save");
    let size = |p: &std::path::Path| std::fs::metadata(p).expect("stat").len();
    assert!(
        size(&packed) * 3 < size(&plain),
        "{} vs {}",
        size(&packed),
        size(&plain)
    );
}
