//! TEMPORARY stand-in for the `query` module owned by another branch: a tiny
//! subset of the filter language so the TUI compiles and tests run.

use crate::model::{Finding, Severity, Source};
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub position: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.position + 1, self.message)
    }
}

#[derive(Debug, Clone)]
enum Term {
    Text(String),
    SevAtLeast(Severity),
    Source(Source),
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    text: String,
    terms: Vec<Term>,
}

impl Query {
    pub fn parse(s: &str) -> Result<Query, QueryError> {
        let mut terms = Vec::new();
        let mut pos = 0;
        for tok in s.split(' ') {
            if let Some(v) = tok.strip_prefix("sev>=") {
                let sev = Severity::parse_label(v).ok_or_else(|| QueryError {
                    position: pos + 5,
                    message: format!("unknown severity {v:?}"),
                })?;
                terms.push(Term::SevAtLeast(sev));
            } else if let Some(v) = tok.strip_prefix("source:") {
                let src = Source::parse(v).ok_or_else(|| QueryError {
                    position: pos + 7,
                    message: format!("unknown source {v:?}"),
                })?;
                terms.push(Term::Source(src));
            } else if !tok.is_empty() {
                terms.push(Term::Text(tok.to_lowercase()));
            }
            pos += tok.chars().count() + 1;
        }
        Ok(Query {
            text: s.to_string(),
            terms,
        })
    }

    pub fn matches(&self, f: &Finding) -> bool {
        self.terms.iter().all(|t| match t {
            Term::Text(s) => f.title.to_lowercase().contains(s) || f.id.to_lowercase().contains(s),
            Term::SevAtLeast(s) => f.severity >= *s,
            Term::Source(s) => f.source == *s,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn source_text(&self) -> &str {
        &self.text
    }
}
