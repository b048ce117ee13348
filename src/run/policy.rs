//! Whether a session may write: `--read-only` wins, then `--allow-writes`,
//! then `allow_writes` in the settings file. Writes need live AWS and a
//! build with the `writes` feature; asking for them by flag where they
//! cannot happen is an error, while the settings file (shared between
//! sessions) only ever leaves a session read-only, with a notice.

use crate::cli::Cli;
use crate::local::settings::{SETTINGS_FILE, Settings};

/// What the session may do, and what to tell the user about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WritePolicy {
    pub allow_writes: bool,
    /// Shown in the console's footer when it opens.
    pub notice: Option<String>,
}

impl WritePolicy {
    fn read_only() -> WritePolicy {
        WritePolicy {
            allow_writes: false,
            notice: None,
        }
    }
}

/// The policy of `cli` under `settings`, for a build with or without
/// writes (`writes_built`).
pub fn decide(cli: &Cli, settings: &Settings, writes_built: bool) -> Result<WritePolicy, String> {
    let live = cli.data.is_live();
    if cli.read_only {
        return Ok(WritePolicy::read_only());
    }
    if cli.allow_writes {
        if !writes_built {
            return Err("--allow-writes: this is an auditor build, writes are compiled out".into());
        }
        if !live {
            return Err(
                "--allow-writes needs live AWS (the demo and files cannot be written)".into(),
            );
        }
        return Ok(WritePolicy {
            allow_writes: true,
            notice: None,
        });
    }
    match settings.allow_writes {
        Some(true) if !writes_built => Ok(WritePolicy {
            allow_writes: false,
            notice: Some(format!(
                "{SETTINGS_FILE}: allow_writes ignored, writes are compiled out of this build"
            )),
        }),
        Some(true) if live => Ok(WritePolicy {
            allow_writes: true,
            notice: Some(format!(
                "writes allowed by {SETTINGS_FILE} (allow_writes = true); --read-only overrides"
            )),
        }),
        _ => Ok(WritePolicy::read_only()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn cli(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("rampart").chain(args.iter().copied())).expect("parse")
    }

    fn allowing() -> Settings {
        Settings {
            allow_writes: Some(true),
            theme: None,
        }
    }

    #[test]
    fn read_only_is_the_default_and_wins_over_the_settings_file() {
        let none = Settings::default();
        assert!(!decide(&cli(&[]), &none, true).expect("ok").allow_writes);
        assert!(
            !decide(&cli(&["--read-only"]), &allowing(), true)
                .expect("ok")
                .allow_writes
        );
        let off = Settings {
            allow_writes: Some(false),
            theme: None,
        };
        assert!(!decide(&cli(&[]), &off, true).expect("ok").allow_writes);
    }

    #[test]
    fn the_settings_file_enables_writes_on_live_aws_only_and_says_so() {
        let p = decide(&cli(&[]), &allowing(), true).expect("ok");
        assert!(p.allow_writes);
        assert!(p.notice.is_some_and(|n| n.contains("config.toml")));
        let demo = decide(&cli(&["--demo"]), &allowing(), true).expect("ok");
        assert_eq!(demo, WritePolicy::read_only());
        let auditor = decide(&cli(&[]), &allowing(), false).expect("ok");
        assert!(!auditor.allow_writes);
        assert!(auditor.notice.is_some_and(|n| n.contains("compiled out")));
    }

    #[test]
    fn the_flag_where_writes_cannot_happen_is_an_error() {
        let none = Settings::default();
        assert!(
            decide(&cli(&["--allow-writes"]), &none, true)
                .expect("ok")
                .allow_writes
        );
        let e = decide(&cli(&["--allow-writes"]), &none, false).expect_err("auditor");
        assert!(e.contains("auditor build"), "{e}");
        let e = decide(&cli(&["--allow-writes", "--demo"]), &none, true).expect_err("demo");
        assert!(e.contains("needs live AWS"), "{e}");
    }
}
