//! The command registry: one table that drives key bindings, the `:` prompt
//! and its completion, the `?` help overlay and the footer hints.

use super::command::{ArgKind, CommandId, CommandSpec, ViewKind};
use ViewKind::{
    Alarms, Controls, Detail, E8, Findings, Key, Kms, Log, Overview, Requirement, Standards, Vpc,
};

const LISTS: &[ViewKind] = &[
    Overview,
    Findings,
    Detail,
    Standards,
    Controls,
    E8,
    Requirement,
    Kms,
    Key,
    Vpc,
    Alarms,
    Log,
];
const SIDEWAYS: &[ViewKind] = &[Overview, E8, Vpc];
const RELATED: &[ViewKind] = &[Controls, Requirement, Kms, Key, Vpc];
const RESOURCE: &[ViewKind] = &[Findings, Detail, Controls];
const TABLES: &[ViewKind] = &[Findings];
const FINDING_ACTIONS: &[ViewKind] = &[Findings, Detail];

const fn cmd(
    id: CommandId,
    name: &'static str,
    keys: &'static [&'static str],
    help: &'static str,
    hint: Option<&'static str>,
    views: &'static [ViewKind],
) -> CommandSpec {
    CommandSpec {
        id,
        name,
        aliases: &[],
        keys,
        help,
        hint,
        views,
        arg: None,
    }
}

/// The registry. Order is the order of help and footer hints.
pub const COMMANDS: &[CommandSpec] = &[
    cmd(
        CommandId::Open,
        "open",
        &["enter"],
        "open the selection (drill in)",
        Some("open"),
        LISTS,
    ),
    CommandSpec {
        arg: Some(ArgKind::Query),
        ..cmd(
            CommandId::Filter,
            "filter",
            &["/"],
            "filter findings (e.g. sev>=high source:guardduty)",
            Some("filter"),
            TABLES,
        )
    },
    cmd(
        CommandId::ClearFilter,
        "nofilter",
        &["c"],
        "clear the filter",
        None,
        TABLES,
    ),
    cmd(
        CommandId::SortNext,
        "",
        &["s", ">"],
        "sort by the next column",
        Some("sort"),
        TABLES,
    ),
    cmd(
        CommandId::SortPrev,
        "",
        &["<"],
        "sort by the previous column",
        None,
        TABLES,
    ),
    cmd(
        CommandId::SortReverse,
        "",
        &["S"],
        "reverse the sort order",
        Some("reverse"),
        TABLES,
    ),
    CommandSpec {
        arg: Some(ArgKind::SortColumn),
        ..cmd(
            CommandId::Sort,
            "sort",
            &[],
            "sort by a column (sev, source, title, resource, account, region, updated, workflow)",
            None,
            TABLES,
        )
    },
    CommandSpec {
        arg: Some(ArgKind::GroupKey),
        ..cmd(
            CommandId::GroupBy,
            "group",
            &["b"],
            "group by resource, type, control, account (cycles; `:group none` ends)",
            Some("group"),
            TABLES,
        )
    },
    cmd(
        CommandId::ToggleInactive,
        "inactive",
        &["a"],
        "show or hide archived and suppressed findings",
        Some("all/active"),
        TABLES,
    ),
    cmd(
        CommandId::CopyId,
        "copy",
        &["y"],
        "copy the finding ID/ARN to the clipboard (OSC 52)",
        Some("copy id"),
        FINDING_ACTIONS,
    ),
    cmd(
        CommandId::ConsoleUrl,
        "console",
        &["o"],
        "show the AWS console URL of the finding",
        Some("console url"),
        FINDING_ACTIONS,
    ),
    cmd(
        CommandId::Mark,
        "mark",
        &["space"],
        "mark or unmark the finding for a bulk write",
        Some("mark"),
        TABLES,
    ),
    cmd(
        CommandId::Unmark,
        "unmark",
        &["u"],
        "clear every mark",
        None,
        TABLES,
    ),
    CommandSpec {
        arg: Some(ArgKind::Text),
        ..cmd(
            CommandId::Workflow,
            "workflow",
            &["w"],
            "write: Security Hub workflow (:workflow resolved NOTE) or GuardDuty archive (--allow-writes)",
            Some("write"),
            FINDING_ACTIONS,
        )
    },
    cmd(
        CommandId::Archive,
        "archive",
        &[],
        "archive the GuardDuty finding(s) (--allow-writes)",
        None,
        FINDING_ACTIONS,
    ),
    cmd(
        CommandId::Unarchive,
        "unarchive",
        &[],
        "unarchive the GuardDuty finding(s) (--allow-writes)",
        None,
        FINDING_ACTIONS,
    ),
    cmd(
        CommandId::GoResource,
        "resource",
        &["x"],
        "go to the resource: a finding's KMS key or VPC node, a control's failing resources",
        Some("resource"),
        RESOURCE,
    ),
    cmd(
        CommandId::RelatedFindings,
        "related",
        &["f"],
        "the findings of the selected key, VPC node, control or requirement",
        Some("findings"),
        RELATED,
    ),
    cmd(
        CommandId::Attest,
        "attest",
        &["a"],
        "record an attestation (status and note) for the selected requirement",
        Some("attest"),
        &[Requirement],
    ),
    cmd(
        CommandId::ExpandAll,
        "expand",
        &["E"],
        "expand every node of the tree",
        Some("expand all"),
        &[Vpc],
    ),
    cmd(
        CommandId::CollapseAll,
        "collapse",
        &["C"],
        "collapse every node of the tree",
        None,
        &[Vpc],
    ),
    cmd(
        CommandId::NextPanel,
        "",
        &["tab"],
        "focus the next panel",
        Some("panel"),
        &[Overview],
    ),
    cmd(
        CommandId::PrevPanel,
        "",
        &["shift-tab"],
        "focus the previous panel",
        None,
        &[Overview],
    ),
    cmd(CommandId::Up, "", &["k", "up"], "move up", None, LISTS),
    cmd(
        CommandId::Down,
        "",
        &["j", "down"],
        "move down",
        None,
        LISTS,
    ),
    cmd(
        CommandId::Left,
        "",
        &["h", "left"],
        "move left (in a tree: collapse)",
        None,
        SIDEWAYS,
    ),
    cmd(
        CommandId::Right,
        "",
        &["l", "right"],
        "move right (in a tree: expand)",
        None,
        SIDEWAYS,
    ),
    cmd(
        CommandId::PageUp,
        "",
        &["pgup", "ctrl-b"],
        "page up",
        None,
        LISTS,
    ),
    cmd(
        CommandId::PageDown,
        "",
        &["pgdn", "ctrl-f"],
        "page down",
        None,
        LISTS,
    ),
    cmd(
        CommandId::Top,
        "",
        &["g", "home"],
        "go to the top",
        None,
        LISTS,
    ),
    cmd(
        CommandId::Bottom,
        "",
        &["G", "end"],
        "go to the bottom",
        None,
        LISTS,
    ),
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
