//! `rampart render` as a script would run it.

use std::process::Command;

fn rampart(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run rampart");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn filtered_findings_are_high_and_critical_guardduty_only() {
    let (code, out, err) = rampart(&[
        "--demo",
        "render",
        "findings",
        "--filter",
        "sev>=high source:guardduty",
        "--format",
        "text",
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            ["C CRIT", "H HIGH", "M MED", "L LOW", "I INFO"]
                .iter()
                .any(|b| l.contains(b))
        })
        .collect();
    assert!(!rows.is_empty(), "{out}");
    for r in &rows {
        assert!(r.contains("GuardDuty"), "{r}");
        assert!(r.contains("C CRIT") || r.contains("H HIGH"), "{r}");
    }
    assert!(out.contains(&format!("{} of ", rows.len())), "{out}");
}

#[test]
fn a_bad_filter_exits_2_naming_the_column() {
    let (code, out, err) = rampart(&["--demo", "render", "findings", "--filter", "sev>=hgh"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.starts_with("rampart: filter: column 6:"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn svg_and_unknown_views() {
    let (code, out, err) = rampart(&[
        "--demo", "render", "overview", "--format", "svg", "--size", "80x24",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("<svg"), "{}", &out[..out.len().min(300)]);
    let (code, _, err) = rampart(&["--demo", "render", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown view"), "{err}");
    // Every view is known by its `:` name, in text and SVG.
    for view in ["controls", "e8", "kms", "vpc", "alarms"] {
        for format in ["text", "svg"] {
            let (code, out, err) = rampart(&["--demo", "render", view, "--format", format]);
            assert_eq!(code, 0, "{view} {format}: {err}");
            assert!(!out.is_empty());
        }
    }
}
