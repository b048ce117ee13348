//! The auditor build (`--no-default-features`) contains no call site of an
//! AWS write: every source file that names a write operation is compiled
//! only with the `writes` feature. (scripts/test also runs
//! `cargo check --no-default-features` so that build keeps compiling.)

use std::path::{Path, PathBuf};

/// The SDK methods of the writes rampart can make.
const WRITE_CALLS: [&str; 3] = [
    "batch_update_findings",
    "archive_findings",
    "unarchive_findings",
];

const GATE: &str = "#![cfg(feature = \"writes\")]";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// True when the file's first item is the `writes` gate (after its docs).
fn gated(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//!") && !l.starts_with("//"))
        == Some(GATE)
}

#[test]
fn write_operations_are_named_only_in_files_compiled_with_the_writes_feature() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found the sources ({})", files.len());
    let mut naming = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read source");
        if WRITE_CALLS.iter().any(|c| text.contains(c)) {
            assert!(
                gated(&text),
                "{} names an AWS write operation but is not behind {GATE}",
                f.display()
            );
            naming.push(f.strip_prefix(&src).unwrap_or(f).display().to_string());
        }
    }
    // The scan finds the write module itself: it can fail.
    assert!(
        naming.iter().any(|n| n.ends_with("aws/write.rs")),
        "{naming:?}"
    );
    // And its declaration is gated too.
    let aws = std::fs::read_to_string(src.join("aws.rs")).expect("aws.rs");
    assert!(
        aws.contains("#[cfg(feature = \"writes\")]\npub mod write;"),
        "aws.rs must declare `write` behind the feature"
    );
}

#[test]
fn the_gate_check_tells_gated_from_ungated_files() {
    assert!(gated(
        "//! docs\n//! more\n\n#![cfg(feature = \"writes\")]\nuse x;"
    ));
    assert!(!gated("//! docs\nuse x;\n#![cfg(feature = \"writes\")]"));
    assert!(!gated("#[cfg(feature = \"writes\")]\nfn f() {}"));
}
