//! Command-line flags and subcommands.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A terminal security-posture console for AWS.
#[derive(Debug, Parser)]
#[command(name = "rampart", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArgs,

    /// Colour theme (dark, light, high-contrast, colour-blind, mono, or a user theme).
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,

    /// Allow the opt-in writes from the findings view: Security Hub workflow
    /// updates and GuardDuty archive/unarchive, each after a confirmation.
    /// Without it the session is read-only.
    #[arg(long, global = true, conflicts_with = "read_only")]
    pub allow_writes: bool,

    /// Read-only whatever the settings file says (`allow_writes` in
    /// config.toml): for auditor sessions on a shared machine.
    #[arg(long, global = true)]
    pub read_only: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Where the estate comes from. Global, so they work before or after a subcommand.
#[derive(Debug, Args, Clone, Default)]
pub struct DataArgs {
    /// Open the built-in demo estate (no AWS account needed).
    #[arg(long, global = true, conflicts_with = "files")]
    pub demo: bool,

    /// Open a snapshot or import an AWS CLI / ASFF export (repeatable; files merge).
    #[arg(long = "file", short = 'f', global = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,

    /// AWS profile for live reads.
    #[arg(long, global = true, env = "AWS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// Regions to read (repeatable or comma separated).
    #[arg(
        long = "region",
        global = true,
        value_delimiter = ',',
        value_name = "REGION"
    )]
    pub regions: Vec<String>,

    /// Read every enabled region.
    #[arg(long, global = true)]
    pub all_regions: bool,

    /// Send AWS requests to this endpoint (like the AWS CLI's --endpoint-url).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,

    /// Refresh every SECONDS in the console (Security Hub findings
    /// incrementally; files are read again).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_watch)]
    pub watch: Option<u64>,

    /// Compare the console's data with this snapshot or import: `:diff`
    /// (key 8) shows what changed, the overview sums it up.
    #[arg(long, global = true, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

/// `--watch` seconds: at least 5 (the Security Hub GetFindings quota is
/// 3 requests a second), at most a day.
pub fn parse_watch(s: &str) -> Result<u64, String> {
    let n: u64 = s
        .trim()
        .parse()
        .map_err(|_| format!("expected a number of seconds, got {s:?}"))?;
    if !(5..=86_400).contains(&n) {
        return Err(format!("--watch {n}: use 5 to 86400 seconds"));
    }
    Ok(n)
}

impl DataArgs {
    /// True when neither `--demo` nor `--file` is given: read live AWS.
    pub fn is_live(&self) -> bool {
        !self.demo && self.files.is_empty()
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print counts per dataset (and their load states) without opening the TUI.
    Summary(SummaryArgs),
    /// Draw a view off-screen and print it (for scripts, docs and screenshots).
    Render(RenderArgs),
    /// Write the estate (live by default) as a snapshot that `--file` opens offline.
    Capture(CaptureArgs),
    /// Evidence report (Markdown, HTML, JSON or CSV of the findings).
    Report(ReportArgs),
    /// What changed between two snapshots: findings, keys, network, alarms.
    Diff(DiffArgs),
    /// Check session logs (no estate needed).
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::report::Format::Md)]
    pub format: crate::report::Format,
    /// Write to this file (atomically, 0600) and record it in the session
    /// log, instead of printing.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier snapshot (or import).
    pub old: PathBuf,
    /// The later snapshot (or import).
    pub new: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify a session log's hash chain; exit 1 naming the first broken entry.
    Verify {
        /// The session log (session-*.jsonl).
        file: PathBuf,
        /// Also require the chain to end at this head (recorded elsewhere):
        /// catches a changed or removed last entry.
        #[arg(long, value_name = "SHA256")]
        expect_head: Option<String>,
        /// Also check every file the session exported (reports, snapshots)
        /// against the SHA-256 the log recorded: exit 1 when one changed or
        /// is missing.
        #[arg(long)]
        exports: bool,
    },
}

#[derive(Debug, Args)]
pub struct CaptureArgs {
    /// The snapshot file to write (`.zst` compresses it).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Text,
    Svg,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The view: overview, findings, detail:<finding-id>, ...
    pub view: String,
    /// Size as COLSxROWS.
    #[arg(long, default_value = "160x48", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
    pub format: RenderFormat,
    /// Findings filter (the same language as `/` in the TUI).
    #[arg(long, value_name = "QUERY")]
    pub filter: Option<String>,
}

/// Parses `COLSxROWS`, e.g. `160x48`.
pub fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (c, r) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("expected COLSxROWS, e.g. 160x48, got {s:?}"))?;
    let cols: u16 = c
        .trim()
        .parse()
        .map_err(|_| format!("bad column count {c:?}"))?;
    let rows: u16 = r
        .trim()
        .parse()
        .map_err(|_| format!("bad row count {r:?}"))?;
    if !(10..=1000).contains(&cols) || !(5..=500).contains(&rows) {
        return Err(format!(
            "size {cols}x{rows} out of range (10..=1000 x 5..=500)"
        ));
    }
    Ok((cols, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn data_flags_are_global() {
        let a = Cli::try_parse_from(["rampart", "summary", "--demo", "--json"]).expect("parse");
        assert!(a.data.demo);
        let b = Cli::try_parse_from(["rampart", "--demo", "summary", "--json"]).expect("parse");
        assert!(b.data.demo);
    }

    #[test]
    fn regions_split_on_commas_and_repeat() {
        let a = Cli::try_parse_from([
            "rampart",
            "--region",
            "eu-west-2,eu-west-1",
            "--region",
            "ap-southeast-2",
        ])
        .expect("parse");
        assert_eq!(a.data.regions, ["eu-west-2", "eu-west-1", "ap-southeast-2"]);
    }

    #[test]
    fn capture_takes_an_output_file_and_the_live_flags() {
        let a = Cli::try_parse_from([
            "rampart",
            "capture",
            "--out",
            "estate.json.zst",
            "--region",
            "eu-west-2",
        ])
        .expect("parse");
        assert!(a.data.is_live());
        match a.command {
            Some(Command::Capture(c)) => assert_eq!(c.out, PathBuf::from("estate.json.zst")),
            other => panic!("expected capture, got {other:?}"),
        }
        assert!(Cli::try_parse_from(["rampart", "capture"]).is_err());
    }

    #[test]
    fn watch_and_allow_writes_parse() {
        let a = Cli::try_parse_from(["rampart", "--watch", "30", "--allow-writes"]).expect("parse");
        assert_eq!(a.data.watch, Some(30));
        assert!(a.allow_writes);
        let b = Cli::try_parse_from(["rampart", "--demo"]).expect("parse");
        assert!(!b.allow_writes && b.data.watch.is_none());
        assert!(Cli::try_parse_from(["rampart", "--watch", "1"]).is_err());
        assert!(Cli::try_parse_from(["rampart", "--watch", "soon"]).is_err());
        assert!(Cli::try_parse_from(["rampart", "--read-only"]).is_ok_and(|c| c.read_only));
        assert!(Cli::try_parse_from(["rampart", "--read-only", "--allow-writes"]).is_err());
    }

    #[test]
    fn demo_and_file_conflict() {
        assert!(Cli::try_parse_from(["rampart", "--demo", "--file", "x.json"]).is_err());
    }

    #[test]
    fn sizes_parse_and_reject() {
        assert_eq!(parse_size("80x24"), Ok((80, 24)));
        assert!(parse_size("80").is_err());
        assert!(parse_size("0x0").is_err());
    }
}
