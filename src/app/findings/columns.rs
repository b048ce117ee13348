//! Findings table columns, sort orders, group keys and pins (exact
//! restrictions that drill-downs add on top of the filter).

use crate::model::{Finding, Severity, Source, Timestamp};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Severity,
    Source,
    Title,
    Resource,
    Account,
    Region,
    Updated,
    Workflow,
}

impl Column {
    pub const ALL: [Column; 8] = [
        Column::Severity,
        Column::Source,
        Column::Title,
        Column::Resource,
        Column::Account,
        Column::Region,
        Column::Updated,
        Column::Workflow,
    ];

    /// Name in `:sort NAME`.
    pub fn name(self) -> &'static str {
        match self {
            Column::Severity => "sev",
            Column::Source => "source",
            Column::Title => "title",
            Column::Resource => "resource",
            Column::Account => "account",
            Column::Region => "region",
            Column::Updated => "updated",
            Column::Workflow => "workflow",
        }
    }

    /// Table header label.
    pub fn label(self) -> &'static str {
        match self {
            Column::Severity => "SEV",
            Column::Source => "SOURCE",
            Column::Title => "TITLE",
            Column::Resource => "RESOURCE",
            Column::Account => "ACCOUNT",
            Column::Region => "REGION",
            Column::Updated => "UPDATED",
            Column::Workflow => "WORKFLOW",
        }
    }

    pub fn parse(s: &str) -> Option<Column> {
        let s = s.trim().to_ascii_lowercase();
        Column::ALL
            .into_iter()
            .find(|c| c.name() == s || c.label().eq_ignore_ascii_case(&s))
            .or(match s.as_str() {
                "severity" => Some(Column::Severity),
                "time" | "date" => Some(Column::Updated),
                _ => None,
            })
    }

    /// Sensible first direction: worst and newest first, text A-Z.
    pub fn default_descending(self) -> bool {
        matches!(self, Column::Severity | Column::Updated)
    }

    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }

    pub fn prev(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + Column::ALL.len() - 1) % Column::ALL.len()]
    }

    /// Compares two findings on this column only (ascending).
    pub fn compare(self, a: &Finding, b: &Finding) -> Ordering {
        match self {
            Column::Severity => a.severity.cmp(&b.severity),
            Column::Source => cmp_ci(a.source.label(), b.source.label()),
            Column::Title => cmp_ci(&a.title, &b.title),
            Column::Resource => cmp_ci(resource_id(a), resource_id(b)),
            Column::Account => a.account_id.cmp(&b.account_id),
            Column::Region => a.region.cmp(&b.region),
            Column::Updated => updated(a).cmp(&updated(b)),
            Column::Workflow => a.workflow.cmp(&b.workflow),
        }
    }
}

/// The sort of the findings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort::by(Column::Severity)
    }
}

impl Sort {
    pub fn by(column: Column) -> Sort {
        Sort {
            column,
            descending: column.default_descending(),
        }
    }

    /// Full order: the column, then worst, newest and id, so it is total
    /// and stable between runs.
    pub fn compare(&self, a: &Finding, b: &Finding) -> Ordering {
        let primary = self.column.compare(a, b);
        let primary = if self.descending {
            primary.reverse()
        } else {
            primary
        };
        primary
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| updated(b).cmp(&updated(a)))
            .then_with(|| a.id.cmp(&b.id))
    }
}

/// Case-insensitive (ASCII) comparison without allocating.
fn cmp_ci(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// The time shown in the UPDATED column.
pub fn updated(f: &Finding) -> Option<Timestamp> {
    f.updated_at.or(f.last_seen).or(f.created_at)
}

pub fn resource_id(f: &Finding) -> &str {
    f.primary_resource().map(|r| r.id.as_str()).unwrap_or("")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKey {
    Resource,
    Type,
    Control,
    Account,
}

impl GroupKey {
    pub const ALL: [GroupKey; 4] = [
        GroupKey::Resource,
        GroupKey::Type,
        GroupKey::Control,
        GroupKey::Account,
    ];

    pub fn name(self) -> &'static str {
        match self {
            GroupKey::Resource => "resource",
            GroupKey::Type => "type",
            GroupKey::Control => "control",
            GroupKey::Account => "account",
        }
    }

    pub fn parse(s: &str) -> Option<GroupKey> {
        let s = s.trim().to_ascii_lowercase();
        GroupKey::ALL.into_iter().find(|g| g.name() == s)
    }

    /// The value a finding is grouped under.
    pub fn value_of(self, f: &Finding) -> &str {
        let v = match self {
            GroupKey::Resource => resource_id(f),
            GroupKey::Type => f.finding_type.as_str(),
            GroupKey::Control => f.control_id().unwrap_or(""),
            GroupKey::Account => f.account_id.as_str(),
        };
        if v.is_empty() { self.none_label() } else { v }
    }

    pub fn none_label(self) -> &'static str {
        match self {
            GroupKey::Resource => "(no resource)",
            GroupKey::Type => "(no type)",
            GroupKey::Control => "(no control)",
            GroupKey::Account => "(no account)",
        }
    }

    /// Cycle order for the group key: none -> resource -> ... -> none.
    pub fn cycle(current: Option<GroupKey>) -> Option<GroupKey> {
        match current {
            None => Some(GroupKey::Resource),
            Some(GroupKey::Resource) => Some(GroupKey::Type),
            Some(GroupKey::Type) => Some(GroupKey::Control),
            Some(GroupKey::Control) => Some(GroupKey::Account),
            Some(GroupKey::Account) => None,
        }
    }
}

/// An exact restriction added by a drill-down (overview cell, group row,
/// later a key or VPC node).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pin {
    Source(Source),
    Severity(Severity),
    Group(GroupKey, String),
}

impl Pin {
    pub fn matches(&self, f: &Finding) -> bool {
        match self {
            Pin::Source(s) => f.source == *s,
            Pin::Severity(s) => f.severity == *s,
            Pin::Group(k, v) => k.value_of(f) == v,
        }
    }

    /// Unsanitised label; the view sanitises it.
    pub fn label(&self) -> String {
        match self {
            Pin::Source(s) => s.label().to_string(),
            Pin::Severity(s) => s.as_str().to_string(),
            Pin::Group(k, v) => format!("{}={v}", k.name()),
        }
    }
}
