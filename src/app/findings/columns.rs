//! Findings table columns, sort orders, group keys and pins (exact
//! restrictions that drill-downs add on top of the filter).

use crate::model::{Finding, Severity, Source, Timestamp};
use std::collections::BTreeSet;
use std::sync::Arc;

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

    /// The value this column sorts by, computed once per finding per sort
    /// (text lower-cased, so comparisons are plain byte compares).
    pub fn sort_key(self, f: &Finding) -> SortKey {
        match self {
            Column::Severity => SortKey::Int(f.severity as i64),
            Column::Source => SortKey::Text(f.source.label().to_ascii_lowercase()),
            Column::Title => SortKey::Text(f.title.to_ascii_lowercase()),
            Column::Resource => SortKey::Text(resource_id(f).to_ascii_lowercase()),
            Column::Account => SortKey::Text(f.account_id.clone()),
            Column::Region => SortKey::Text(f.region.clone()),
            Column::Updated => SortKey::Int(updated(f).map_or(i64::MIN, |t| t.timestamp_millis())),
            Column::Workflow => SortKey::Int(f.workflow as i64),
        }
    }
}

/// A precomputed sort value of one column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Int(i64),
    Text(String),
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

    /// Sorts finding indices: the column, then worst, newest and id, so
    /// the order is total and stable between runs. Keys are computed once
    /// per finding, so 100,000 findings sort in one pass of cheap compares.
    pub fn sorted_indices(&self, findings: &[Finding]) -> Vec<u32> {
        // (column key, worst first, newest first, index); the id breaks
        // what is left.
        let mut keyed: Vec<(SortKey, i64, i64, u32)> = findings
            .iter()
            .zip(0u32..)
            .map(|(f, i)| {
                let newest = updated(f).map_or(i64::MIN, |t| t.timestamp_millis());
                (self.column.sort_key(f), -(f.severity as i64), -newest, i)
            })
            .collect();
        let desc = self.descending;
        keyed.sort_unstable_by(|a, b| {
            let primary = if desc { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) };
            primary
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then_with(|| findings[a.3 as usize].id.cmp(&findings[b.3 as usize].id))
        });
        keyed.into_iter().map(|k| k.3).collect()
    }
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
    /// Exactly these findings (a key's, a VPC node's, a control's),
    /// under a label for the breadcrumbs.
    Ids(String, Arc<BTreeSet<String>>),
}

impl Pin {
    pub fn matches(&self, f: &Finding) -> bool {
        match self {
            Pin::Source(s) => f.source == *s,
            Pin::Severity(s) => f.severity == *s,
            Pin::Group(k, v) => k.value_of(f) == v,
            Pin::Ids(_, ids) => ids.contains(&f.id),
        }
    }

    /// Unsanitised label; the view sanitises it.
    pub fn label(&self) -> String {
        match self {
            Pin::Source(s) => s.label().to_string(),
            Pin::Severity(s) => s.as_str().to_string(),
            Pin::Group(k, v) => format!("{}={v}", k.name()),
            Pin::Ids(label, _) => label.clone(),
        }
    }
}
