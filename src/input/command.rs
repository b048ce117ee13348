//! The command registry: one table that drives key bindings, the `:` prompt
//! and its completion, the `?` help overlay and the footer hints.

/// The views a command can apply to. Later views (controls, e8, kms, vpc,
/// alarms) add variants here and rows to [`COMMANDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewKind {
    Overview,
    Findings,
    Detail,
}

impl ViewKind {
    pub fn label(self) -> &'static str {
        match self {
            ViewKind::Overview => "Overview",
            ViewKind::Findings => "Findings",
            ViewKind::Detail => "Detail",
        }
    }
}

/// What a command does. Names, keys and help live in [`COMMANDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandId {
    Quit,
    Help,
    CommandPrompt,
    Back,
    GoOverview,
    GoFindings,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Left,
    Right,
    NextPanel,
    PrevPanel,
    Open,
    Filter,
    ClearFilter,
    SortNext,
    SortPrev,
    SortReverse,
    Sort,
    GroupBy,
    ToggleInactive,
    CopyId,
    ConsoleUrl,
}

/// The argument a `:` command takes, for completion and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// A findings filter (optional).
    Query,
    /// A findings column name.
    SortColumn,
    /// A group-by key.
    GroupKey,
}

/// One row of the registry.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub id: CommandId,
    /// Name in the `:` prompt (empty when the command has no `:` form).
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// Default keys (in [`super::Key::parse`] form); a key-map file overrides them.
    pub keys: &'static [&'static str],
    pub help: &'static str,
    /// Short label for the footer; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// Views the command applies to; empty means every view.
    pub views: &'static [ViewKind],
    pub arg: Option<ArgKind>,
}

impl CommandSpec {
    pub fn applies_to(&self, view: ViewKind) -> bool {
        self.views.is_empty() || self.views.contains(&view)
    }

    pub fn is_global(&self) -> bool {
        self.views.is_empty()
    }
}

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

/// The registry row of a command.
pub fn spec(id: CommandId) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.id == id)
}

/// Finds a command by its `:` name or alias.
pub fn by_name(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS
        .iter()
        .find(|c| !c.name.is_empty() && (c.name == name || c.aliases.contains(&name)))
}

/// Names valid for a view, for `:` completion.
pub fn names_for(view: ViewKind) -> impl Iterator<Item = &'static str> {
    COMMANDS
        .iter()
        .filter(move |c| !c.name.is_empty() && c.applies_to(view))
        .map(|c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Key;
    use std::collections::HashSet;

    #[test]
    fn every_default_key_parses_and_names_are_unique() {
        let mut names = HashSet::new();
        let mut ids = HashSet::new();
        for c in COMMANDS {
            assert!(ids.insert(c.id), "{:?} listed twice", c.id);
            for k in c.keys {
                assert!(Key::parse(k).is_ok(), "{k}");
            }
            for n in std::iter::once(&c.name).chain(c.aliases) {
                if !n.is_empty() {
                    assert!(names.insert(*n), ":{n} defined twice");
                }
            }
            assert!(!c.help.is_empty());
            assert!(
                !c.keys.is_empty() || !c.name.is_empty(),
                "{:?} is unreachable",
                c.id
            );
        }
    }

    #[test]
    fn names_resolve_with_aliases() {
        assert_eq!(by_name("q").map(|c| c.id), Some(CommandId::Quit));
        assert_eq!(
            by_name("findings").map(|c| c.id),
            Some(CommandId::GoFindings)
        );
        assert!(by_name("").is_none());
        assert!(by_name("nope").is_none());
    }
}
