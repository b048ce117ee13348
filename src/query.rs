//! The findings filter language.
//!
//! Terms are separated by whitespace and all must hold (AND). A leading `!`
//! negates a term. Values may be `"quoted"` (`\"` and `\\` escape inside).
//!
//! | term | matches |
//! |---|---|
//! | `word`, `"a phrase"` | substring, ignoring case, of title, id, type(s), control id, account, region, resource ids or description |
//! | `sev>=high`, `sev>medium`, `sev<=low`, `sev<low`, `sev=critical`, `sev:high`, `sev!=info` | severity comparison (`severity` is an alias) |
//! | `source:guardduty` | the product family (`securityhub`, `guardduty`, `macie`, `inspector`, `rampart`, `other`) |
//! | `region:eu-west-2`, `account:1234…` | whole value, ignoring case; `*` globs |
//! | `status:failed` | compliance status (`passed`, `failed`, `warning`, `not_available`); findings without one never match |
//! | `workflow:new` | `new`, `notified`, `resolved`, `suppressed` |
//! | `state:active` | record state, `active` or `archived` |
//! | `type:Recon*` | `finding_type` or any of `types`, whole value, ignoring case; `*` globs |
//! | `control:KMS.4` | the security control id, whole value, ignoring case; `*` globs (`control:*` = has a control) |
//! | `resource:bucket` | substring of any resource id or resource type |
//! | `id:`, `title:`, `product:` | substring of the finding id (and provenance ids/ARNs), title, product name |
//! | `tag:Env`, `tag:Env=prod` | a resource tag with that key (and value), whole strings, ignoring case; `*` globs |
//! | `is:new` | new or changed since the console session began (see [`Marks`]); never outside a session |
//! | `is:added`, `is:changed` | new (or reopened) / changed against the `--baseline` estate; never without one |
//!
//! For the substring fields (`resource`, `id`, `title`, `product`) a value
//! containing `*` is an anchored glob instead. Any field also takes `=` for
//! `:` and `!=` for a negated `:`; `<`, `<=`, `>`, `>=` only apply to `sev`.
//! Unknown fields and invalid values are errors; text that contains `:`
//! after a word (an ARN, say) must be quoted.
//!
//! Needles are lower-cased when the query is parsed, so [`Query::matches`]
//! does not allocate.

mod compile;
mod pattern;
mod pred;
mod syntax;

#[cfg(test)]
mod tests;

use crate::model::Finding;
use std::fmt;

/// What session-relative terms (`is:new`) are checked against: the console
/// knows which findings arrived or changed since it started.
pub trait Marks {
    fn is_new(&self, f: &Finding) -> bool;

    /// `is:added`: open now and absent or closed in the baseline.
    fn is_added(&self, _f: &Finding) -> bool {
        false
    }

    /// `is:changed`: in the baseline too, with severity, workflow,
    /// compliance or record state changed.
    fn is_changed(&self, _f: &Finding) -> bool {
        false
    }
}

/// No session: nothing is new.
impl Marks for () {
    fn is_new(&self, _f: &Finding) -> bool {
        false
    }
}

/// A parsed filter. The empty query matches every finding.
#[derive(Debug, Clone, Default)]
pub struct Query {
    source: String,
    terms: Vec<pred::Term>,
}

/// Why a filter did not parse.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    /// 0-based column (in chars) of the offending token in the input.
    pub position: usize,
    pub message: String,
}

impl Query {
    /// Parses a filter. Empty or whitespace-only input matches everything.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let raw = syntax::parse(input).map_err(|e| QueryError {
            position: char_column(input, e.offset),
            message: e.message,
        })?;
        let terms = raw
            .into_iter()
            .map(compile::compile)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| QueryError {
                position: char_column(input, e.offset),
                message: e.message,
            })?;
        Ok(Query {
            source: input.to_string(),
            terms,
        })
    }

    /// True when every term holds for `f` (outside a console session:
    /// `is:new` never holds).
    pub fn matches(&self, f: &Finding) -> bool {
        self.matches_with(f, &())
    }

    /// True when every term holds for `f`, session terms checked against
    /// `marks`.
    pub fn matches_with(&self, f: &Finding, marks: &dyn Marks) -> bool {
        self.terms.iter().all(|t| t.matches(f, marks))
    }

    /// True when the result depends on `marks` (a view re-filters when
    /// they change).
    pub fn uses_marks(&self) -> bool {
        self.terms.iter().any(pred::Term::uses_marks)
    }

    /// True when a term compares against a baseline (`is:added`,
    /// `is:changed`): without one such a term matches nothing.
    pub fn uses_baseline(&self) -> bool {
        self.terms.iter().any(pred::Term::uses_baseline)
    }

    /// True when the query has no terms (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The text the query was parsed from, as given.
    pub fn source_text(&self) -> &str {
        &self.source
    }
}

/// The char column of byte `offset` in `input`.
fn char_column(input: &str, offset: usize) -> usize {
    match input.get(..offset) {
        Some(head) => head.chars().count(),
        None => input.chars().count(),
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.position + 1, self.message)
    }
}

impl std::error::Error for QueryError {}
