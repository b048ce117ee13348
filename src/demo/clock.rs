//! The demo's fixed clock: every timestamp is a fixed date or an offset
//! from [`super::NOW`], never the wall clock.

use crate::model::Timestamp;
use chrono::{DateTime, NaiveDate, SecondsFormat, TimeDelta};

/// `2026-11-01T09:00:00Z` as seconds since the Unix epoch.
const NOW_EPOCH: i64 = 1_793_523_600;

pub fn now() -> Timestamp {
    DateTime::from_timestamp(NOW_EPOCH, 0).unwrap_or_default()
}

/// `days` and `hours` before now.
pub fn ago(days: i64, hours: i64) -> Timestamp {
    now() - TimeDelta::hours(days * 24 + hours)
}

/// `minutes` before now.
pub fn minutes_ago(minutes: i64) -> Timestamp {
    now() - TimeDelta::minutes(minutes)
}

/// `days` after now.
pub fn in_days(days: i64) -> Timestamp {
    now() + TimeDelta::days(days)
}

/// A fixed UTC date and time (falls back to now on an impossible date).
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, min, 0))
        .map(|t| t.and_utc())
        .unwrap_or_else(now)
}

/// ISO-8601 with milliseconds and `Z`, as AWS APIs print timestamps.
pub fn iso(t: Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_s(t: Timestamp) -> String {
        t.to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    #[test]
    fn the_clock_is_fixed_at_now() {
        assert_eq!(iso_s(now()), super::super::NOW);
        assert_eq!(iso(ago(1, 0)), "2026-10-31T09:00:00.000Z");
        assert_eq!(iso_s(in_days(12)), "2026-11-13T09:00:00Z");
        assert_eq!(iso_s(at(2025, 2, 30, 0, 0)), super::super::NOW);
    }
}
