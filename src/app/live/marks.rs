//! Findings new or changed since the console session began: what the
//! marker column, the header count and `is:new` show.

use crate::app::compare::BaselineIds;
use crate::app::findings::updated;
use crate::model::{Estate, Finding, Source, Timestamp};
use crate::query::Marks;
use std::collections::HashSet;
use std::sync::Arc;

/// A finding is new when its provider says it was updated after the session
/// began, or when a refresh brought it in for the first time or with a
/// different state (workflow, record state, severity, title, update time),
/// which also catches changes that keep the provider's time (a colleague
/// resolving it in the console).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionMarks {
    pub since: Timestamp,
    /// Findings a refresh found new or changed.
    pub ids: HashSet<String>,
    /// Findings new and changed against `--baseline` (`None`: no baseline,
    /// or nothing compared yet).
    pub against: Option<Arc<BaselineIds>>,
}

impl SessionMarks {
    pub fn new(since: Timestamp) -> SessionMarks {
        SessionMarks {
            since,
            ids: HashSet::new(),
            against: None,
        }
    }

    /// rampart's own checks are assessed afresh with every change, so
    /// their time says nothing: they are never new.
    pub fn is_new(&self, f: &Finding) -> bool {
        f.source != Source::Rampart
            && (self.ids.contains(&f.id) || updated(f).is_some_and(|t| t > self.since))
    }

    /// Active findings that are new (the header's count).
    pub fn count(&self, estate: &Estate) -> usize {
        estate
            .findings
            .iter()
            .filter(|f| f.is_active() && self.is_new(f))
            .count()
    }
}

impl Marks for SessionMarks {
    fn is_new(&self, f: &Finding) -> bool {
        SessionMarks::is_new(self, f)
    }

    fn is_added(&self, f: &Finding) -> bool {
        self.against
            .as_ref()
            .is_some_and(|a| a.added.contains(&f.id))
    }

    fn is_changed(&self, f: &Finding) -> bool {
        self.against
            .as_ref()
            .is_some_and(|a| a.changed.contains(&f.id))
    }
}

/// Ids of findings in `new` that `old` lacks or holds in another state
/// (for sources that replace the whole estate: files read again).
pub fn changed_between(old: &[Finding], new: &[Finding]) -> Vec<String> {
    let before: std::collections::HashMap<&str, &Finding> =
        old.iter().map(|f| (f.id.as_str(), f)).collect();
    new.iter()
        .filter(|f| {
            before.get(f.id.as_str()).is_none_or(|o| {
                o.workflow != f.workflow
                    || o.record_state != f.record_state
                    || o.severity != f.severity
                    || o.updated_at != f.updated_at
                    || o.title != f.title
            })
        })
        .map(|f| f.id.clone())
        .collect()
}
