//! Compiled predicates and how each one tests a finding.

use super::Marks;
use super::pattern::{Needle, Pattern};
use crate::model::{ComplianceStatus, Finding, RecordState, Severity, Source, WorkflowStatus};

/// A severity comparison (`!=` is a negated `Eq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cmp {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn holds(self, actual: Severity, wanted: Severity) -> bool {
        match self {
            Cmp::Eq => actual == wanted,
            Cmp::Lt => actual < wanted,
            Cmp::Le => actual <= wanted,
            Cmp::Gt => actual > wanted,
            Cmp::Ge => actual >= wanted,
        }
    }
}

/// One test on a finding.
#[derive(Debug, Clone)]
pub(super) enum Pred {
    /// Free text: substring of the searchable text fields.
    Text(Needle),
    Severity(Cmp, Severity),
    Source(Source),
    Region(Pattern),
    Account(Pattern),
    Status(ComplianceStatus),
    Workflow(WorkflowStatus),
    State(RecordState),
    Type(Pattern),
    Control(Pattern),
    Resource(Pattern),
    Id(Pattern),
    Title(Pattern),
    Product(Pattern),
    Tag {
        key: Pattern,
        value: Option<Pattern>,
    },
    /// `is:new`: new or changed since the console session began.
    New,
    /// `is:added`: new against the baseline.
    Added,
    /// `is:changed`: changed against the baseline.
    Changed,
}

/// A predicate, possibly negated.
#[derive(Debug, Clone)]
pub(super) struct Term {
    pub(super) negated: bool,
    pub(super) pred: Pred,
}

impl Term {
    pub(super) fn matches(&self, f: &Finding, marks: &dyn Marks) -> bool {
        self.pred.matches(f, marks) != self.negated
    }

    /// True for terms that depend on the session, not only the finding.
    pub(super) fn uses_marks(&self) -> bool {
        matches!(self.pred, Pred::New | Pred::Added | Pred::Changed)
    }

    /// True for terms that compare against a baseline.
    pub(super) fn uses_baseline(&self) -> bool {
        matches!(self.pred, Pred::Added | Pred::Changed)
    }
}

impl Pred {
    fn matches(&self, f: &Finding, marks: &dyn Marks) -> bool {
        match self {
            Pred::New => marks.is_new(f),
            Pred::Added => marks.is_added(f),
            Pred::Changed => marks.is_changed(f),
            Pred::Text(needle) => text_matches(needle, f),
            Pred::Severity(cmp, level) => cmp.holds(f.severity, *level),
            Pred::Source(s) => f.source == *s,
            Pred::Region(p) => p.matches(&f.region),
            Pred::Account(p) => p.matches(&f.account_id),
            Pred::Status(s) => f.compliance_status() == Some(*s),
            Pred::Workflow(w) => f.workflow == *w,
            Pred::State(s) => f.record_state == *s,
            Pred::Type(p) => p.matches(&f.finding_type) || f.types.iter().any(|t| p.matches(t)),
            Pred::Control(p) => f.control_id().is_some_and(|c| p.matches(c)),
            Pred::Resource(p) => f
                .resources
                .iter()
                .any(|r| p.matches(&r.id) || p.matches(&r.resource_type)),
            Pred::Id(p) => {
                p.matches(&f.id)
                    || f.provenances.iter().any(|pv| {
                        p.matches(&pv.native_id)
                            || pv.native_arn.as_deref().is_some_and(|a| p.matches(a))
                    })
            }
            Pred::Title(p) => p.matches(&f.title),
            Pred::Product(p) => p.matches(&f.product_name),
            Pred::Tag { key, value } => {
                f.resources.iter().flat_map(|r| &r.tags).any(|(k, v)| {
                    key.matches(k) && value.as_ref().is_none_or(|want| want.matches(v))
                })
            }
        }
    }
}

/// Free text searches the short, selective fields first and the
/// description last.
fn text_matches(needle: &Needle, f: &Finding) -> bool {
    needle.is_in(&f.title)
        || needle.is_in(&f.id)
        || needle.is_in(&f.finding_type)
        || f.types.iter().any(|t| needle.is_in(t))
        || f.control_id().is_some_and(|c| needle.is_in(c))
        || needle.is_in(&f.account_id)
        || needle.is_in(&f.region)
        || f.resources.iter().any(|r| needle.is_in(&r.id))
        || needle.is_in(&f.description)
}
