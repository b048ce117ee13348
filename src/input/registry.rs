//! The command registry: one table that drives key bindings, the `:` prompt
//! and its completion, the `?` help overlay and the footer hints.

use super::command::{ArgKind, CommandId, CommandSpec, ViewKind};
use ViewKind::{Detail, Findings, Overview};

const LISTS: &[ViewKind] = &[Overview, Findings, Detail];
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
        &["r"],
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
        "move left",
        None,
        &[Overview],
    ),
    cmd(
        CommandId::Right,
        "",
        &["l", "right"],
        "move right",
        None,
        &[Overview],
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
        &["pgdn", "ctrl-f", "space"],
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
        &[],
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
            &[],
            "go to the findings, optionally filtered (:findings sev>=high)",
            None,
            &[],
        )
    },
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
