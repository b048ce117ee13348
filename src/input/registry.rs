//! The command registry: one table that drives key bindings, the `:` prompt
//! and its completion, the `?` help overlay and the footer hints. The rows
//! of particular views are here, the global ones in `registry/global.rs`.

mod global;

use super::command::{ArgKind, CommandId, CommandSpec, ViewKind};
use ViewKind::{
    Alarms, Controls, Detail, Diff, E8, Findings, Key, Kms, Log, Overview, Requirement, Standards,
    Vpc,
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
    Diff,
];
const SIDEWAYS: &[ViewKind] = &[Overview, E8, Vpc];
const RELATED: &[ViewKind] = &[Controls, Requirement, Kms, Key, Vpc];
const RESOURCE: &[ViewKind] = &[Findings, Detail, Controls];
const TABLES: &[ViewKind] = &[Findings];
const FINDING_ACTIONS: &[ViewKind] = &[Findings, Detail];

pub(super) const fn cmd(
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

/// The commands of particular views, first in help and footer hints.
const VIEW_COMMANDS: &[CommandSpec] = &[
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
];

const COUNT: usize = VIEW_COMMANDS.len() + global::GLOBAL_COMMANDS.len();
const ALL: [CommandSpec; COUNT] = concat(VIEW_COMMANDS, global::GLOBAL_COMMANDS);

/// The registry. Order is the order of help and footer hints.
pub const COMMANDS: &[CommandSpec] = &ALL;

/// `a` then `b`, in one array (const, so the registry stays a constant).
const fn concat<const N: usize>(a: &[CommandSpec], b: &[CommandSpec]) -> [CommandSpec; N] {
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < a.len() { a[i] } else { b[i - a.len()] };
        i += 1;
    }
    out
}
