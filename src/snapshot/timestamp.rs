//! Timestamps as AWS tools write them.

use crate::model::Timestamp;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;

/// Reads a timestamp: RFC 3339 / ISO 8601 (`T` or a space, with or without
/// zone, any fraction), epoch seconds or milliseconds, or a cloud-custodian
/// placebo `{"__class__":"datetime",...}` object.
pub(super) fn timestamp(v: &Value) -> Option<Timestamp> {
    match v {
        Value::String(s) => parse_time_text(s.trim()),
        Value::Number(n) => {
            let x = n.as_f64()?;
            if !x.is_finite() {
                return None;
            }
            // Epoch milliseconds are 12+ digits for any date after 1973.
            let millis = if x.abs() >= 1e11 { x } else { x * 1000.0 };
            Utc.timestamp_millis_opt(millis.round() as i64).single()
        }
        Value::Object(map) if map.get("__class__").and_then(Value::as_str) == Some("datetime") => {
            let part = |k: &str| map.get(k).and_then(Value::as_u64).unwrap_or(0) as u32;
            let year = map.get("year").and_then(Value::as_i64)? as i32;
            let date = chrono::NaiveDate::from_ymd_opt(year, part("month"), part("day"))?;
            let time = chrono::NaiveTime::from_hms_micro_opt(
                part("hour"),
                part("minute"),
                part("second"),
                part("microsecond"),
            )?;
            Some(Utc.from_utc_datetime(&date.and_time(time)))
        }
        _ => None,
    }
}

fn parse_time_text(s: &str) -> Option<Timestamp> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return timestamp(&Value::Number(s.parse::<u64>().ok()?.into()));
    }
    // `str(datetime)` puts a space between date and time.
    let text = match s.as_bytes().get(10) {
        Some(b' ') => format!("{}T{}", &s[..10], &s[11..]),
        _ => s.to_string(),
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(&text) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(t) = DateTime::parse_from_str(&text, fmt) {
            return Some(t.with_timezone(&Utc));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&text, fmt) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ts(v: Value) -> String {
        timestamp(&v)
            .map(|t| t.to_rfc3339())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn timestamps_in_every_form_aws_tools_write() {
        assert_eq!(
            ts(json!("2020-05-26T22:55:21.703Z")),
            "2020-05-26T22:55:21.703+00:00"
        );
        assert_eq!(
            ts(json!("2023-05-07T20:21:01.656000+00:00")),
            "2023-05-07T20:21:01.656+00:00"
        );
        assert_eq!(
            ts(json!("2020-10-26 13:47:03.127000+00:00")),
            "2020-10-26T13:47:03.127+00:00"
        );
        assert_eq!(
            ts(json!("2020-10-25 06:22:31+00:00")),
            "2020-10-25T06:22:31+00:00"
        );
        assert_eq!(
            ts(json!("2020-10-25T06:22:31")),
            "2020-10-25T06:22:31+00:00"
        );
        assert_eq!(ts(json!(1590533721703u64)), "2020-05-26T22:55:21.703+00:00");
        assert_eq!(ts(json!(1590533721)), "2020-05-26T22:55:21+00:00");
        assert_eq!(ts(json!("1590533721703")), "2020-05-26T22:55:21.703+00:00");
        assert_eq!(
            ts(json!({"__class__":"datetime","year":2023,"month":9,"day":8,
                "hour":20,"minute":7,"second":30,"microsecond":243000})),
            "2023-09-08T20:07:30.243+00:00"
        );
        assert_eq!(ts(json!("yesterday")), "none");
        assert_eq!(ts(json!(true)), "none");
    }
}
