//! A key policy pretty-printed statement by statement, each line tagged
//! with why its statement is risky (public, open through a service with
//! no account pinned, other accounts), so the view can mark it.

use super::KeyLine;
use crate::posture::kms::{PolicyAnalysis, StatementReport};
use serde_json::Value;

/// Why a statement is risky, or `None`.
pub fn risk(s: &StatementReport) -> Option<String> {
    if !s.allow {
        return None;
    }
    if s.public {
        return Some("public: any principal, no constraint".to_string());
    }
    if s.service_only {
        return Some("any principal through kms:ViaService; no account pinned".to_string());
    }
    if !s.other_accounts.is_empty() {
        return Some(format!("other accounts: {}", s.other_accounts.join(", ")));
    }
    if s.wildcard_principal {
        return Some("wildcard principal".to_string());
    }
    None
}

/// The policy as lines; statements the analysis finds risky are tagged.
pub fn policy_lines(policy: Option<&str>, analysis: Option<&PolicyAnalysis>) -> Vec<KeyLine> {
    let Some(text) = policy else {
        return vec![KeyLine::Text(
            "(not read: GetKeyPolicy was not called or was denied)".to_string(),
        )];
    };
    let Ok(doc) = serde_json::from_str::<Value>(text) else {
        return text
            .lines()
            .map(|l| KeyLine::Policy(l.to_string(), None))
            .collect();
    };
    let reports: &[StatementReport] = match analysis {
        Some(PolicyAnalysis::Analysed(r)) => &r.statements,
        _ => &[],
    };
    let Value::Object(map) = &doc else {
        return pretty(&doc, "", None);
    };
    let mut out = vec![KeyLine::Policy("{".to_string(), None)];
    let n = map.len();
    for (i, (k, v)) in map.iter().enumerate() {
        let comma = if i + 1 < n { "," } else { "" };
        let key = serde_json::to_string(k).unwrap_or_default();
        match (k.as_str(), v) {
            ("Statement", Value::Array(list)) => {
                out.push(KeyLine::Policy(format!("  {key}: ["), None));
                for (j, st) in list.iter().enumerate() {
                    let tag = reports.iter().find(|r| r.index == j).and_then(risk);
                    let mut lines = pretty(st, "    ", tag);
                    if j + 1 < list.len()
                        && let Some(KeyLine::Policy(last, _)) = lines.last_mut()
                    {
                        last.push(',');
                    }
                    out.extend(lines);
                }
                out.push(KeyLine::Policy(format!("  ]{comma}"), None));
            }
            ("Statement", one @ Value::Object(_)) => {
                let tag = reports.first().and_then(risk);
                let mut lines = pretty(one, "  ", tag);
                if let Some(KeyLine::Policy(first, _)) = lines.first_mut() {
                    *first = format!("  {key}: {}", first.trim_start());
                }
                if let Some(KeyLine::Policy(last, _)) = lines.last_mut() {
                    last.push_str(comma);
                }
                out.extend(lines);
            }
            _ => {
                let value = serde_json::to_string(v).unwrap_or_default();
                out.push(KeyLine::Policy(format!("  {key}: {value}{comma}"), None));
            }
        }
    }
    out.push(KeyLine::Policy("}".to_string(), None));
    out
}

fn pretty(v: &Value, indent: &str, tag: Option<String>) -> Vec<KeyLine> {
    serde_json::to_string_pretty(v)
        .unwrap_or_default()
        .lines()
        .map(|l| KeyLine::Policy(format!("{indent}{l}"), tag.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risky_statements_are_tagged_line_by_line() {
        let policy = r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
            {"Sid":"Open","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}"#;
        let analysis = crate::posture::kms::analyse_policy(Some(policy), "111122223333");
        let lines = policy_lines(Some(policy), Some(&analysis));
        let tagged: Vec<&KeyLine> = lines
            .iter()
            .filter(|l| matches!(l, KeyLine::Policy(_, Some(_))))
            .collect();
        assert!(!tagged.is_empty());
        assert!(
            tagged
                .iter()
                .any(|l| matches!(l, KeyLine::Policy(t, _) if t.contains("\"Open\"")))
        );
        assert!(
            !tagged
                .iter()
                .any(|l| matches!(l, KeyLine::Policy(t, _) if t.contains("\"Root\"")))
        );
        // The text is still the whole policy: it parses back.
        let text: String = lines
            .iter()
            .filter_map(|l| match l {
                KeyLine::Policy(t, _) => Some(t.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let back: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, serde_json::from_str::<Value>(policy).expect("json"));
        assert_eq!(policy_lines(None, None).len(), 1);
    }
}
