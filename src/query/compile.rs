//! Gives raw terms their meaning: field names, operators and values are
//! checked here, and errors point at the offending token.

use super::pattern::{Needle, Pattern};
use super::pred::{Cmp, Pred, Term};
use super::syntax::{Atom, Op, RawTerm, Token};
use crate::model::{ComplianceStatus, RecordState, Severity, Source, WorkflowStatus};
use std::ops::Range;

/// The field names the language knows, for messages.
pub(super) const FIELD_NAMES: &str = "sev, source, region, account, status, workflow, type, \
     control, resource, id, title, state, product, tag, is";

/// A meaning error: byte offset and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CompileError {
    pub(super) offset: usize,
    pub(super) message: String,
}

fn err<T>(span: &Range<usize>, message: String) -> Result<T, CompileError> {
    Err(CompileError {
        offset: span.start,
        message,
    })
}

pub(super) fn compile(raw: RawTerm) -> Result<Term, CompileError> {
    match raw.atom {
        Atom::Text(token) => {
            if token.text.is_empty() {
                return err(&token.span, "empty quoted phrase".to_string());
            }
            Ok(Term {
                negated: raw.negated,
                pred: Pred::Text(Needle::new(&token.text)),
            })
        }
        Atom::Field {
            name,
            op,
            op_span,
            value,
        } => {
            let (pred, flip) = field(&name, op, &op_span, &value)?;
            Ok(Term {
                negated: raw.negated != flip,
                pred,
            })
        }
    }
}

/// The predicate for `name op value`, and whether the operator negates it.
fn field(
    name: &Token,
    op: Op,
    op_span: &Range<usize>,
    value: &Token,
) -> Result<(Pred, bool), CompileError> {
    let key = name.text.to_ascii_lowercase();
    let v = value.text.as_str();
    let is_sev = matches!(key.as_str(), "sev" | "severity");
    if !is_sev && !matches!(op, Op::Eq | Op::Ne) && is_known(&key) {
        return err(
            op_span,
            format!(
                "'{}' only compares severities; use '{}:'",
                op.as_str(),
                name.text
            ),
        );
    }
    if v.is_empty() {
        return err(&value.span, format!("empty value for '{}'", name.text));
    }
    let pred = match key.as_str() {
        "sev" | "severity" => {
            let level = Severity::parse_label(v).map_or_else(
                || {
                    err(
                        &value.span,
                        format!(
                            "unknown severity '{}' (expected critical, high, medium, low or informational)",
                            shorten(v)
                        ),
                    )
                },
                Ok,
            )?;
            let cmp = match op {
                Op::Eq | Op::Ne => Cmp::Eq,
                Op::Lt => Cmp::Lt,
                Op::Le => Cmp::Le,
                Op::Gt => Cmp::Gt,
                Op::Ge => Cmp::Ge,
            };
            Pred::Severity(cmp, level)
        }
        "source" => Pred::Source(known(
            Source::parse(v),
            value,
            "source",
            "securityhub, guardduty, macie, inspector, rampart or other",
        )?),
        "status" => Pred::Status(known(
            ComplianceStatus::parse(v),
            value,
            "compliance status",
            "passed, failed, warning or not_available",
        )?),
        "workflow" => Pred::Workflow(known(
            WorkflowStatus::parse(v),
            value,
            "workflow status",
            "new, notified, resolved or suppressed",
        )?),
        "state" => Pred::State(known(
            parse_state(v),
            value,
            "record state",
            "active or archived",
        )?),
        "region" => Pred::Region(Pattern::exact_or_glob(v)),
        "account" => Pred::Account(Pattern::exact_or_glob(v)),
        "type" => Pred::Type(Pattern::exact_or_glob(v)),
        "control" => Pred::Control(Pattern::exact_or_glob(v)),
        "resource" => Pred::Resource(Pattern::contains_or_glob(v)),
        "id" => Pred::Id(Pattern::contains_or_glob(v)),
        "title" => Pred::Title(Pattern::contains_or_glob(v)),
        "product" => Pred::Product(Pattern::contains_or_glob(v)),
        "tag" => tag(value)?,
        "is" => match v.to_ascii_lowercase().as_str() {
            "new" => Pred::New,
            "added" => Pred::Added,
            "changed" => Pred::Changed,
            _ => {
                return err(
                    &value.span,
                    format!(
                        "unknown is: value '{}' (expected new: since the session began; added or changed: against --baseline)",
                        shorten(v)
                    ),
                );
            }
        },
        _ => {
            return err(
                &name.span,
                format!(
                    "unknown field '{}' (fields: {FIELD_NAMES}; quote text that contains ':')",
                    shorten(&name.text)
                ),
            );
        }
    };
    Ok((pred, op == Op::Ne))
}

fn is_known(key: &str) -> bool {
    matches!(
        key,
        "source"
            | "region"
            | "account"
            | "status"
            | "workflow"
            | "type"
            | "control"
            | "resource"
            | "id"
            | "title"
            | "state"
            | "product"
            | "tag"
            | "is"
    )
}

fn known<T>(
    parsed: Option<T>,
    value: &Token,
    what: &str,
    expected: &str,
) -> Result<T, CompileError> {
    match parsed {
        Some(v) => Ok(v),
        None => err(
            &value.span,
            format!(
                "unknown {what} '{}' (expected {expected})",
                shorten(&value.text)
            ),
        ),
    }
}

fn parse_state(v: &str) -> Option<RecordState> {
    match v.to_ascii_lowercase().as_str() {
        "active" => Some(RecordState::Active),
        "archived" => Some(RecordState::Archived),
        _ => None,
    }
}

/// `tag:Key` or `tag:Key=Value`; both sides may be globs.
fn tag(value: &Token) -> Result<Pred, CompileError> {
    let (key, val) = match value.text.split_once('=') {
        Some((k, v)) => (k, Some(v)),
        None => (value.text.as_str(), None),
    };
    if key.is_empty() {
        return err(&value.span, "expected a tag key before '='".to_string());
    }
    Ok(Pred::Tag {
        key: Pattern::exact_or_glob(key),
        value: val.map(Pattern::exact_or_glob),
    })
}

/// A user value quoted back in a message, cut to a readable length.
fn shorten(s: &str) -> String {
    const MAX: usize = 32;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
