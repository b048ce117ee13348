//! The settings file (`config.toml` in the config directory) as a user
//! meets it: its theme is used when no `--theme` is given, a typo stops
//! start-up with its line and column, and `--read-only` / `--allow-writes`
//! cannot be given together.

use std::path::Path;
use std::process::{Command, Output};

fn rampart(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(args)
        .env("RAMPART_CONFIG_DIR", config)
        .env("RAMPART_DATA_DIR", config.join("data"))
        .env_remove("NO_COLOR")
        .env_remove("AWS_PROFILE")
        .output()
        .expect("run rampart")
}

fn config(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("config.toml"), text).expect("write config.toml");
    dir
}

const SVG: &[&str] = &["--demo", "render", "overview", "--format", "svg"];

#[test]
fn the_settings_theme_is_used_unless_a_flag_names_another() {
    let plain = tempfile::tempdir().expect("tempdir");
    let mono = config("theme = \"mono\"\n");
    let flag = rampart(plain.path(), &[SVG, &["--theme", "mono"]].concat());
    let set = rampart(mono.path(), SVG);
    let default = rampart(plain.path(), SVG);
    assert!(flag.status.success() && set.status.success() && default.status.success());
    assert_eq!(
        set.stdout, flag.stdout,
        "config.toml theme = mono is --theme mono"
    );
    assert_ne!(
        set.stdout, default.stdout,
        "mono differs from the default theme"
    );
    let overridden = rampart(mono.path(), &[SVG, &["--theme", "dark"]].concat());
    assert_eq!(
        overridden.stdout,
        rampart(plain.path(), &[SVG, &["--theme", "dark"]].concat()).stdout
    );
}

#[test]
fn a_typo_in_the_settings_file_stops_start_up_at_its_line() {
    let dir = config("theme = \"dark\"\nallow_write = true\n");
    let o = rampart(dir.path(), SVG);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("config.toml: line 2, column 1"), "{err}");
    assert!(err.contains("allow_write"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn writes_allowed_by_the_settings_file_leave_demo_and_files_untouched() {
    // Inert without live AWS: the demo renders as always.
    let dir = config("allow_writes = true\n");
    let o = rampart(dir.path(), &["--demo", "summary"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn read_only_and_allow_writes_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = rampart(
        dir.path(),
        &["--read-only", "--allow-writes", "--demo", "summary"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--read-only"));
}
