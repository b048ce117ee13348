//! The Security Hub control -> Essential Eight mapping, embedded from
//! `data/e8-mapping.csv` and parsed once.

use super::{Level, Objective, Strategy};
use serde::Serialize;
use std::sync::LazyLock;

const DATA: &str = include_str!("../../../data/e8-mapping.csv");

/// Where a row's strategy assignment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StrategySource {
    /// The AWS Config E8 conformance pack docs table (via the Guard registry).
    AwsTable,
    /// An AWS Prescriptive Guidance theme (coarse).
    PrescriptiveGuidance,
    /// The researcher's own inference: not an AWS assignment.
    Inferred,
}

/// Confidence in the strategy assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// How closely the Security Hub control checks the Config rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    Exact,
    Related,
    /// No Security Hub control uses this rule.
    None,
}

/// What a row maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    Strategy(Strategy),
    Objective(Objective),
}

/// One row of the mapping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappingRow {
    /// `None` for Config rules with no Security Hub control.
    pub control_id: Option<String>,
    pub config_rule: String,
    pub target: Target,
    /// Levels from a third-party benchmark; empty when not stated.
    pub levels: Vec<Level>,
    pub strategy_source: StrategySource,
    pub confidence: Confidence,
    pub match_kind: MatchKind,
    /// The original provenance text.
    pub source: String,
}

impl MappingRow {
    /// True when the row applies at `level` (rows without levels apply at all).
    pub fn applies_at(&self, level: Level) -> bool {
        self.levels.is_empty() || self.levels.contains(&level)
    }
}

static ROWS: LazyLock<Vec<MappingRow>> = LazyLock::new(|| parse(DATA).0);

/// Every mapping row, in file order.
pub fn mapping() -> &'static [MappingRow] {
    &ROWS
}

/// Parses the data file; returns the rows and a message per rejected line.
pub(crate) fn parse(text: &str) -> (Vec<MappingRow>, Vec<String>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut header_seen = false;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        match split_csv(line).and_then(|f| row(&f)) {
            Ok(r) => rows.push(r),
            Err(e) => errors.push(format!("line {}: {e}", n + 1)),
        }
    }
    (rows, errors)
}

fn row(f: &[String]) -> Result<MappingRow, String> {
    let [
        control,
        rule,
        target,
        levels,
        source_kind,
        confidence,
        match_kind,
        source,
    ] = f
    else {
        return Err(format!("expected 8 fields, found {}", f.len()));
    };
    let target = Strategy::parse(target)
        .map(Target::Strategy)
        .or_else(|| Objective::parse(target).map(Target::Objective))
        .ok_or_else(|| format!("unknown strategy {target:?}"))?;
    let levels = levels
        .split('|')
        .filter(|s| !s.trim().is_empty())
        .map(|s| Level::parse(s).ok_or_else(|| format!("unknown level {s:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let strategy_source = match source_kind.as_str() {
        "aws-table" => StrategySource::AwsTable,
        "prescriptive-guidance" => StrategySource::PrescriptiveGuidance,
        "inferred" => StrategySource::Inferred,
        other => return Err(format!("unknown strategy source {other:?}")),
    };
    let confidence = match confidence.as_str() {
        "high" => Confidence::High,
        "medium" => Confidence::Medium,
        "low" => Confidence::Low,
        other => return Err(format!("unknown confidence {other:?}")),
    };
    let match_kind = match match_kind.as_str() {
        "exact" => MatchKind::Exact,
        "related" => MatchKind::Related,
        "none" => MatchKind::None,
        other => return Err(format!("unknown match {other:?}")),
    };
    Ok(MappingRow {
        control_id: Some(control.trim().to_string()).filter(|c| !c.is_empty()),
        config_rule: rule.clone(),
        target,
        levels,
        strategy_source,
        confidence,
        match_kind,
        source: source.clone(),
    })
}

/// Splits one CSV line (RFC 4180 quoting, no embedded newlines).
fn split_csv(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if at_start => {
                quoted = true;
                at_start = false;
            }
            (true, '"') => {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            (false, ',') => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
            }
            (_, c) => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("unterminated quote".to_string());
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_parses_completely() {
        let (rows, errors) = parse(DATA);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 226);
        assert_eq!(rows.iter().filter(|r| r.control_id.is_some()).count(), 165);
        let inferred = rows
            .iter()
            .filter(|r| r.strategy_source == StrategySource::Inferred)
            .count();
        assert_eq!(inferred, 22);
        assert!(
            rows.iter()
                .filter(|r| r.strategy_source == StrategySource::Inferred)
                .all(|r| r.confidence == Confidence::Low && r.source.contains("INFERRED"))
        );
        assert_eq!(rows.iter().filter(|r| !r.levels.is_empty()).count(), 49);
        assert_eq!(mapping().len(), 226);
    }

    #[test]
    fn rows_keep_their_levels_and_sources() {
        let iam1 = mapping()
            .iter()
            .find(|r| r.control_id.as_deref() == Some("IAM.1"))
            .expect("IAM.1 is mapped");
        assert_eq!(
            iam1.target,
            Target::Strategy(Strategy::RestrictAdminPrivileges)
        );
        assert_eq!(iam1.levels, [Level::Ml1, Level::Ml2, Level::Ml3]);
        assert_eq!(iam1.strategy_source, StrategySource::AwsTable);
        assert!(iam1.applies_at(Level::Ml2));
    }

    #[test]
    fn csv_quoting_is_honoured() {
        assert_eq!(
            split_csv("a,\"b,c\",\"say \"\"hi\"\"\",\"\"").expect("valid"),
            ["a", "b,c", "say \"hi\"", ""]
        );
        assert!(split_csv(r#"a,"b"#).is_err());
        let (rows, errors) = parse("header\nX.1,rule,Nonsense,,aws-table,high,exact,src\n");
        assert!(rows.is_empty());
        assert_eq!(errors.len(), 1);
    }
}
