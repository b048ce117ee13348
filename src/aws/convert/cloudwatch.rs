//! CloudWatch metric alarms to [`Alarm`].

use super::{non_empty, tag_map, time};
use crate::model::{Alarm, AlarmState};
use aws_sdk_cloudwatch::types as cw;

/// The account in an ARN (`arn:partition:service:region:account:...`).
pub fn arn_account(arn: &str) -> Option<&str> {
    arn.split(':').nth(4).filter(|a| !a.is_empty())
}

/// `None` for alarms without a name or with a state rampart does not know.
pub fn alarm(a: &cw::MetricAlarm, account_id: &str, region: &str) -> Option<Alarm> {
    let name = non_empty(a.alarm_name())?;
    let arn = a.alarm_arn().unwrap_or_default().to_string();
    let state = AlarmState::parse(a.state_value()?.as_str())?;
    let metric_name = non_empty(a.metric_name()).unwrap_or_else(|| {
        // Metric-math alarms name their expression instead of one metric.
        a.metrics()
            .iter()
            .find(|m| m.return_data().unwrap_or(false))
            .and_then(|m| non_empty(m.expression()).or_else(|| non_empty(m.id())))
            .unwrap_or_default()
    });
    Some(Alarm {
        account_id: arn_account(&arn).unwrap_or(account_id).to_string(),
        name,
        arn,
        region: region.to_string(),
        description: a.alarm_description().unwrap_or_default().to_string(),
        namespace: a.namespace().unwrap_or_default().to_string(),
        metric_name,
        dimensions: tag_map(a.dimensions().iter().map(|d| (d.name(), d.value()))),
        statistic: a
            .statistic()
            .map(|s| s.as_str().to_string())
            .or_else(|| non_empty(a.extended_statistic())),
        period_seconds: a.period(),
        evaluation_periods: a.evaluation_periods(),
        threshold: a.threshold(),
        comparison: a
            .comparison_operator()
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        state,
        state_reason: a.state_reason().unwrap_or_default().to_string(),
        state_updated: a.state_updated_timestamp().and_then(time),
        actions_enabled: a.actions_enabled().unwrap_or(true),
        alarm_actions: a.alarm_actions().to_vec(),
        ok_actions: a.ok_actions().to_vec(),
        insufficient_data_actions: a.insufficient_data_actions().to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_alarms_convert_with_actions_and_state() {
        let a = cw::MetricAlarm::builder()
            .alarm_name("root-login")
            .alarm_arn("arn:aws:cloudwatch:eu-west-2:111122223333:alarm:root-login")
            .namespace("CloudTrailMetrics")
            .metric_name("RootAccountUsage")
            .dimensions(cw::Dimension::builder().name("Env").value("prod").build())
            .statistic(cw::Statistic::Sum)
            .period(300)
            .evaluation_periods(1)
            .threshold(1.0)
            .comparison_operator(cw::ComparisonOperator::GreaterThanOrEqualToThreshold)
            .state_value(cw::StateValue::Alarm)
            .state_reason("Threshold Crossed")
            .actions_enabled(true)
            .alarm_actions("arn:aws:sns:eu-west-2:111122223333:security")
            .build();
        let m = alarm(&a, "999999999999", "eu-west-2").expect("alarm");
        assert_eq!(m.account_id, "111122223333");
        assert_eq!(m.state, AlarmState::Alarm);
        assert_eq!(m.statistic.as_deref(), Some("Sum"));
        assert_eq!(m.dimensions["Env"], "prod");
        assert!(m.has_actions());
    }

    #[test]
    fn alarms_without_a_known_state_are_skipped() {
        let a = cw::MetricAlarm::builder().alarm_name("x").build();
        assert!(alarm(&a, "1", "r").is_none());
        assert_eq!(
            arn_account("arn:aws:kms:eu-west-2:111122223333:key/x"),
            Some("111122223333")
        );
        assert_eq!(arn_account("nonsense"), None);
    }
}
