//! The global rows of the command registry: going back, the views' number
//! keys, refresh, the log, the prompt, help and quit.

use super::super::command::{ArgKind, CommandId, CommandSpec};
use super::cmd;

/// Commands that apply in every view, after the views' own in help.
pub(super) const GLOBAL_COMMANDS: &[CommandSpec] = &[
    cmd(
        CommandId::Back,
        "back",
        &["esc"],
        "go back",
        Some("back"),
        &[],
    ),
    cmd(
        CommandId::GoOverview,
        "overview",
        &["1"],
        "go to the overview",
        None,
        &[],
    ),
    CommandSpec {
        arg: Some(ArgKind::Query),
        aliases: &["f"],
        ..cmd(
            CommandId::GoFindings,
            "findings",
            &["2"],
            "go to the findings, optionally filtered (:findings sev>=high)",
            None,
            &[],
        )
    },
    cmd(
        CommandId::Refresh,
        "refresh",
        &["r"],
        "refresh this view's data (Security Hub findings: what changed)",
        Some("refresh"),
        &[],
    ),
    CommandSpec {
        aliases: &["reload"],
        ..cmd(
            CommandId::RefreshAll,
            "refresh-all",
            &["R"],
            "refresh everything, in full",
            None,
            &[],
        )
    },
    cmd(
        CommandId::GoControls,
        "controls",
        &["3"],
        "go to the standards and controls",
        None,
        &[],
    ),
    cmd(
        CommandId::GoE8,
        "e8",
        &["4"],
        "go to the Essential Eight",
        None,
        &[],
    ),
    cmd(
        CommandId::GoKms,
        "kms",
        &["5"],
        "go to the KMS keys",
        None,
        &[],
    ),
    cmd(
        CommandId::GoVpc,
        "vpc",
        &["6"],
        "go to the VPC topology",
        None,
        &[],
    ),
    cmd(
        CommandId::GoAlarms,
        "alarms",
        &["7"],
        "go to the alarms",
        None,
        &[],
    ),
    cmd(
        CommandId::GoDiff,
        "diff",
        &["8"],
        "what changed against --baseline FILE",
        None,
        &[],
    ),
    CommandSpec {
        arg: Some(ArgKind::ThemeName),
        ..cmd(
            CommandId::Theme,
            "theme",
            &[],
            "switch the colour theme (:theme light)",
            None,
            &[],
        )
    },
    CommandSpec {
        arg: Some(ArgKind::Text),
        ..cmd(
            CommandId::Export,
            "export",
            &[],
            "evidence report of this view's data, recorded in the session log (:export r.html; .md .json .csv)",
            None,
            &[],
        )
    },
    cmd(
        CommandId::ShowLog,
        "log",
        &["L"],
        "the session's AWS calls, refusals and writes",
        None,
        &[],
    ),
    cmd(
        CommandId::CommandPrompt,
        "",
        &[":"],
        "command prompt (tab completes)",
        Some("command"),
        &[],
    ),
    CommandSpec {
        aliases: &["h"],
        ..cmd(
            CommandId::Help,
            "help",
            &["?"],
            "show this help",
            Some("help"),
            &[],
        )
    },
    CommandSpec {
        aliases: &["q", "q!", "exit"],
        ..cmd(
            CommandId::Quit,
            "quit",
            &["q", "ctrl-c"],
            "quit rampart",
            Some("quit"),
            &[],
        )
    },
];
