//! CloudWatch alarms and log groups.

use super::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AlarmState {
    /// Ordered first so sorting puts alarms that fire at the top.
    Alarm,
    InsufficientData,
    Ok,
}

impl AlarmState {
    pub const ALL: [AlarmState; 3] = [
        AlarmState::Alarm,
        AlarmState::InsufficientData,
        AlarmState::Ok,
    ];

    pub fn parse(s: &str) -> Option<AlarmState> {
        match s {
            "ALARM" => Some(AlarmState::Alarm),
            "INSUFFICIENT_DATA" => Some(AlarmState::InsufficientData),
            "OK" => Some(AlarmState::Ok),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AlarmState::Alarm => "ALARM",
            AlarmState::InsufficientData => "INSUFFICIENT_DATA",
            AlarmState::Ok => "OK",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alarm {
    pub name: String,
    pub arn: String,
    pub account_id: String,
    pub region: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub namespace: String,
    #[serde(default)]
    pub metric_name: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_seconds: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation_periods: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// e.g. `GreaterThanOrEqualToThreshold`.
    #[serde(default)]
    pub comparison: String,
    pub state: AlarmState,
    #[serde(default)]
    pub state_reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_updated: Option<Timestamp>,
    #[serde(default = "yes")]
    pub actions_enabled: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alarm_actions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ok_actions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub insufficient_data_actions: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Alarm {
    /// True when the alarm would notify or act on anything.
    pub fn has_actions(&self) -> bool {
        self.actions_enabled
            && !(self.alarm_actions.is_empty()
                && self.ok_actions.is_empty()
                && self.insufficient_data_actions.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogGroup {
    pub name: String,
    pub arn: String,
    pub account_id: String,
    pub region: String,
    /// `None` = never expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub stored_bytes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Timestamp>,
}
