//! Command identities and the shape of a registry row; the table itself is
//! in `registry.rs`.

use super::registry::COMMANDS;

/// The views a command can apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewKind {
    Overview,
    Findings,
    Detail,
    /// `:log`: the session's AWS calls.
    Log,
    /// Standards with their score gauges (`:controls`).
    Standards,
    Controls,
    /// The Essential Eight grid.
    E8,
    /// The requirements of one strategy at one level.
    Requirement,
    Kms,
    Key,
    Vpc,
    Alarms,
    /// `:diff`: what changed against `--baseline`.
    Diff,
}

impl ViewKind {
    pub const ALL: [ViewKind; 13] = [
        ViewKind::Overview,
        ViewKind::Findings,
        ViewKind::Detail,
        ViewKind::Log,
        ViewKind::Standards,
        ViewKind::Controls,
        ViewKind::E8,
        ViewKind::Requirement,
        ViewKind::Kms,
        ViewKind::Key,
        ViewKind::Vpc,
        ViewKind::Alarms,
        ViewKind::Diff,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ViewKind::Overview => "Overview",
            ViewKind::Findings => "Findings",
            ViewKind::Detail => "Detail",
            ViewKind::Log => "Log",
            ViewKind::Standards => "Standards",
            ViewKind::Controls => "Controls",
            ViewKind::E8 => "Essential Eight",
            ViewKind::Requirement => "E8 requirements",
            ViewKind::Kms => "KMS keys",
            ViewKind::Key => "KMS key",
            ViewKind::Vpc => "VPC topology",
            ViewKind::Alarms => "Alarms",
            ViewKind::Diff => "What changed",
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
    Refresh,
    RefreshAll,
    ShowLog,
    Mark,
    Unmark,
    Workflow,
    Archive,
    Unarchive,
    GoControls,
    GoE8,
    GoKms,
    GoVpc,
    GoAlarms,
    /// `:diff`: what changed against `--baseline`.
    GoDiff,
    Theme,
    /// A finding's KMS key or VPC node; a control's failing resources.
    GoResource,
    /// The findings of the selected key, node, control or requirement.
    RelatedFindings,
    Attest,
    /// `:export FILE`: the evidence report of what is shown.
    Export,
    ExpandAll,
    CollapseAll,
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
    /// Free text (a workflow status and a note).
    Text,
    /// A theme name.
    ThemeName,
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
