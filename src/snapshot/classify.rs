//! Which importer reads a record, judged by its members.

use super::detect::Kind;
use serde_json::{Map, Value};

/// What a record is, judged by its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Kind(Kind),
    /// Inspector2's own format: recognised, refused.
    Inspector,
}

pub(super) fn classify(map: &Map<String, Value>) -> Option<Class> {
    let has = |k: &str| {
        map.get(k)
            .or_else(|| {
                map.iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(k))
                    .map(|(_, v)| v)
            })
            .is_some_and(|v| !v.is_null())
    };
    let text = |k: &str| {
        map.iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .and_then(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    if map.contains_key("ProductArn")
        || text("SchemaVersion") == "2018-10-08"
        || (map.contains_key("AwsAccountId") && map.contains_key("Types"))
    {
        return Some(Class::Kind(Kind::Asff));
    }
    if has("findingArn") || has("inspectorScore") || has("packageVulnerabilityDetails") {
        return Some(Class::Inspector);
    }
    let severity_is_number = map
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("severity"))
        .is_some_and(|(_, v)| v.is_number());
    if text("Arn").contains(":guardduty:")
        || (text("SchemaVersion") == "2.0" && has("Resource"))
        || (has("AccountId") && has("Type") && severity_is_number)
    {
        return Some(Class::Kind(Kind::GuardDuty));
    }
    if has("AccountId")
        && (has("category")
            || has("classificationDetails")
            || has("policyDetails")
            || has("resourcesAffected")
            || text("type").starts_with("SensitiveData:")
            || text("type").starts_with("Policy:"))
    {
        return Some(Class::Kind(Kind::Macie));
    }
    None
}

pub(super) fn object_keys(map: &Map<String, Value>) -> String {
    if map.is_empty() {
        return "an empty object".to_string();
    }
    let keys: Vec<String> = map
        .keys()
        .take(6)
        .map(|k| serde_json::Value::from(k.as_str()).to_string())
        .collect();
    let more = if map.len() > 6 { ", ..." } else { "" };
    format!("an object with keys {}{more}", keys.join(", "))
}
