//! The shared public samples: each imports with the count samples/README.md
//! gives, or is refused in one line; the malformed ones are refused with a
//! line and column. Skipped where ../shared is absent.

#[path = "support/import_support.rs"]
mod import_support;

use import_support::now;
use rampart::model::Source;
use rampart::snapshot::load_paths;

#[test]
fn every_public_sample_imports_or_is_refused_in_one_line() {
    let Some(root) = import_support::samples() else {
        return;
    };
    let mut seen = 0;
    for path in import_support::files_under(&root.join("public")) {
        let rel = path
            .strip_prefix(&root)
            .expect("under root")
            .display()
            .to_string();
        let expected = import_support::expected_count(&rel)
            .unwrap_or_else(|| panic!("{rel}: no expectation recorded for this sample"));
        let result = load_paths(std::slice::from_ref(&path), now());
        match (expected, result) {
            (Some(n), Ok(e)) => assert_eq!(e.findings.len(), n, "{rel}"),
            (None, Err(err)) => {
                let msg = err.to_string();
                assert!(!msg.contains('\n'), "{msg}");
                assert!(msg.starts_with(&path.display().to_string()), "{msg}");
            }
            (Some(_), Err(err)) => panic!("{rel}: refused: {err}"),
            (None, Ok(e)) => panic!(
                "{rel}: expected a refusal, got {} findings",
                e.findings.len()
            ),
        }
        seen += 1;
    }
    assert_eq!(seen, 56, "sample files seen");
}

#[test]
fn every_malformed_sample_is_refused_with_line_and_column() {
    let Some(root) = import_support::samples() else {
        return;
    };
    let files = import_support::files_under(&root.join("malformed"));
    assert_eq!(files.len(), 5);
    for path in files {
        let err = load_paths(std::slice::from_ref(&path), now()).expect_err("malformed");
        let msg = err.to_string();
        let rest = msg
            .strip_prefix(&format!("{}:", path.display()))
            .unwrap_or_else(|| panic!("{msg}"));
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or("");
        let col = parts.next().unwrap_or("");
        assert!(
            line.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
            "{msg}"
        );
        assert!(!msg.contains('\n'), "{msg}");
    }
}

#[test]
fn combined_public_exports_de_duplicate_against_their_sources() {
    let Some(root) = import_support::samples() else {
        return;
    };
    let public = root.join("public");
    let mut gd = vec![public.join("cli-shaped/all-public-guardduty.get-findings.json")];
    gd.extend(import_support::files_under(&public.join("guardduty")));
    let e = load_paths(&gd, now()).expect("guardduty samples");
    assert_eq!(e.findings.len(), 19);

    let mut sh = vec![public.join("cli-shaped/all-public-asff.get-findings.json")];
    sh.extend(import_support::files_under(&public.join("securityhub")));
    let e = load_paths(&sh, now()).expect("securityhub samples");
    assert_eq!(e.findings.len(), 46);
    let gd_via_sh = e
        .findings
        .iter()
        .filter(|f| f.source == Source::GuardDuty)
        .count();
    assert_eq!(gd_via_sh, 6);

    let mut macie = vec![public.join("cli-shaped/all-public-macie.get-findings.json")];
    macie.extend(import_support::files_under(&public.join("macie")));
    let e = load_paths(&macie, now()).expect("macie samples");
    assert_eq!(e.findings.len(), 4);
}
