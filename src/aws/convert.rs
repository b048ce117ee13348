//! SDK types to model types: the one place conversions live, one file per
//! service. Each function is pure; items missing their identifier are
//! skipped (`None`) rather than invented.

pub mod cloudwatch;
pub mod ec2;
pub mod guardduty;
pub mod kms;
pub mod macie;
pub mod securityhub;
pub mod sts;

use crate::model::Timestamp;
use std::collections::BTreeMap;

/// An SDK timestamp as a model timestamp.
pub fn time(t: &aws_smithy_types::DateTime) -> Option<Timestamp> {
    chrono::DateTime::from_timestamp(t.secs(), t.subsec_nanos())
}

/// An ISO-8601 / RFC 3339 timestamp string (ASFF, GuardDuty).
pub fn parse_time(s: &str) -> Option<Timestamp> {
    chrono::DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&chrono::Utc))
}

/// Drops `null` members so a rebuilt record reads like the service's own JSON.
pub fn prune_nulls(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, prune_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(prune_nulls).collect()),
        other => other,
    }
}

/// `Some(s)` for non-empty strings.
pub fn non_empty(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.is_empty()).map(str::to_string)
}

/// Key/value pairs as an ordered map, skipping pairs without a key.
pub fn tag_map<'a>(
    pairs: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
) -> BTreeMap<String, String> {
    pairs
        .into_iter()
        .filter_map(|(k, v)| Some((k?.to_string(), v.unwrap_or_default().to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_convert_both_ways_in() {
        let t = aws_smithy_types::DateTime::from_secs(1_700_000_000);
        assert_eq!(time(&t).map(|t| t.timestamp()), Some(1_700_000_000));
        assert_eq!(
            parse_time("2020-02-20T12:34:56.789Z").map(|t| t.timestamp()),
            Some(1_582_202_096)
        );
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn tags_skip_missing_keys() {
        let m = tag_map([
            (Some("Name"), Some("web")),
            (None, Some("x")),
            (Some("k"), None),
        ]);
        assert_eq!(m.len(), 2);
        assert_eq!(m["k"], "");
    }
}
