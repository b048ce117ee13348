//! Essential Eight requirements per strategy and maturity level, embedded
//! from `data/e8-requirements.toml` (own words after the Nov 2023 maturity
//! model, domain.md 5.3). Levels are cumulative: each level lists only what
//! it adds.
//!
//! A requirement either names Security Hub controls that give AWS evidence
//! for part of it (each mapped to the same strategy in the mapping file),
//! or names none and needs manual evidence.

use super::{Level, Strategy};
use serde::Deserialize;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../../data/e8-requirements.toml");

/// One requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub strategy: Strategy,
    pub level: Level,
    /// Id segment: the full id is `e8/<strategy>/<level>/<slug>`.
    pub slug: String,
    pub text: String,
    /// Controls giving AWS evidence for part of the requirement; empty when
    /// only manual evidence can show it.
    pub aws_controls: Vec<String>,
    /// What the AWS evidence covers (empty when there is none).
    pub aws_scope: String,
}

impl Requirement {
    /// `e8/<strategy>/<level>/<slug>`, the id attestations use.
    pub fn id(&self) -> String {
        format!("{}/{}", level_id(self.strategy, self.level), self.slug)
    }

    pub fn has_aws_signal(&self) -> bool {
        !self.aws_controls.is_empty()
    }
}

/// `e8/<strategy>/<level>`: an attestation with this id covers every
/// requirement of that level that has no attestation of its own.
pub fn level_id(strategy: Strategy, level: Level) -> String {
    format!("e8/{}/{}", strategy.slug(), level.slug())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    strategy: String,
    level: String,
    id: String,
    text: String,
    #[serde(default)]
    aws_controls: Vec<String>,
    #[serde(default)]
    aws_scope: String,
}

#[derive(Deserialize)]
struct File {
    requirement: Vec<Entry>,
}

pub(crate) fn parse(text: &str) -> Result<Vec<Requirement>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    file.requirement
        .into_iter()
        .map(|e| {
            Ok(Requirement {
                strategy: Strategy::parse(&e.strategy)
                    .ok_or_else(|| format!("unknown strategy {:?}", e.strategy))?,
                level: Level::parse(&e.level)
                    .ok_or_else(|| format!("unknown level {:?}", e.level))?,
                slug: e.id,
                text: e.text,
                aws_controls: e.aws_controls,
                aws_scope: e.aws_scope,
            })
        })
        .collect()
}

static REQUIREMENTS: LazyLock<Result<Vec<Requirement>, String>> = LazyLock::new(|| parse(DATA));

/// Every requirement, grouped by strategy then level; an error if the
/// embedded table could not be read (the evaluation then says so rather
/// than treating levels as empty).
pub fn requirements() -> Result<&'static [Requirement], &'static str> {
    match &*REQUIREMENTS {
        Ok(list) => Ok(list),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::super::mapping::{Target, mapping};
    use super::*;
    use std::collections::HashSet;

    fn all() -> &'static [Requirement] {
        requirements().expect("the embedded table parses")
    }

    #[test]
    fn the_table_parses_and_ids_are_unique() {
        assert_eq!(all().len(), 78);
        let ids: HashSet<String> = all().iter().map(Requirement::id).collect();
        assert_eq!(ids.len(), all().len());
        for s in Strategy::ALL {
            for l in [Level::Ml1, Level::Ml3] {
                assert!(
                    all().iter().any(|r| r.strategy == s && r.level == l),
                    "{s:?} {l:?}"
                );
            }
        }
        assert!(
            parse(
                "[[requirement]]\nstrategy = \"nope\"\nlevel = \"ml1\"\nid = \"x\"\ntext = \"t\"\n"
            )
            .is_err()
        );
    }

    #[test]
    fn every_aws_control_is_mapped_to_the_same_strategy() {
        for r in all() {
            for c in &r.aws_controls {
                let mapped = mapping().iter().any(|m| {
                    m.control_id.as_deref() == Some(c.as_str())
                        && m.target == Target::Strategy(r.strategy)
                });
                assert!(
                    mapped,
                    "{} names {c}, which the mapping does not give to {:?}",
                    r.id(),
                    r.strategy
                );
            }
            assert_eq!(r.has_aws_signal(), !r.aws_scope.is_empty(), "{}", r.id());
        }
    }

    #[test]
    fn office_macros_and_user_hardening_have_no_aws_signal() {
        assert!(
            all()
                .iter()
                .filter(|r| matches!(
                    r.strategy,
                    Strategy::RestrictOfficeMacros | Strategy::UserApplicationHardening
                ))
                .all(|r| !r.has_aws_signal())
        );
    }
}
