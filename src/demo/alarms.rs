//! 111 CloudWatch alarms: the CIS CloudTrail metric-filter set (one
//! deliberately missing), security signals, KMS request rates, interface
//! endpoint packet drops and the workload alarms (Lambda, DynamoDB, SQS,
//! SNS, NAT, ALB, RDS, ElastiCache). Almost all are OK; the drift alarms
//! are named in [`super::drift`].

use super::alarm_defs;
use super::catalog;
use super::clock::{ago, minutes_ago};
use super::{ACCOUNT_ID, drift, ids};
use crate::model::{Alarm, AlarmState, Estate};
use chrono::TimeDelta;

/// The CIS CloudWatch metric filters: (metric, alarm name, Security Hub
/// control, what it watches).
#[rustfmt::skip]
pub const CIS_METRICS: [(&str, &str, &str, &str); 14] = [
    ("UnauthorizedAPICalls", "cis-unauthorized-api-calls", "CloudWatch.2", "unauthorised API calls"),
    ("ConsoleSigninWithoutMFA", "cis-console-signin-without-mfa", "CloudWatch.3", "console sign-in without MFA"),
    ("RootAccountUsage", "cis-root-account-usage", "CloudWatch.1", "use of the root user"),
    ("IAMPolicyChanges", "cis-iam-policy-changes", "CloudWatch.4", "IAM policy changes"),
    ("CloudTrailConfigChanges", "cis-cloudtrail-config-changes", "CloudWatch.5", "CloudTrail configuration changes"),
    ("ConsoleAuthenticationFailures", "cis-console-authentication-failures", "CloudWatch.6", "console authentication failures"),
    ("DisableOrDeleteCMK", "cis-disable-or-delete-cmk", "CloudWatch.7", "disabling or scheduled deletion of customer managed keys"),
    ("S3BucketPolicyChanges", "cis-s3-bucket-policy-changes", "CloudWatch.8", "S3 bucket policy changes"),
    ("AWSConfigChanges", "cis-aws-config-changes", "CloudWatch.9", "AWS Config configuration changes"),
    ("SecurityGroupChanges", "cis-security-group-changes", "CloudWatch.10", "security group changes"),
    ("NACLChanges", "cis-nacl-changes", "CloudWatch.11", "network ACL changes"),
    ("NetworkGatewayChanges", "cis-network-gateway-changes", "CloudWatch.12", "network gateway changes"),
    ("RouteTableChanges", "cis-route-table-changes", "CloudWatch.13", "route table changes"),
    ("VPCChanges", "cis-vpc-changes", "CloudWatch.14", "VPC changes"),
];

pub struct Def {
    name: String,
    region: &'static str,
    description: String,
    namespace: &'static str,
    metric: &'static str,
    dimensions: Vec<(&'static str, String)>,
    statistic: &'static str,
    period: i32,
    evaluations: i32,
    threshold: f64,
    comparison: &'static str,
    topic: &'static str,
}

#[allow(clippy::too_many_arguments)]
pub fn def(
    name: String,
    region: &'static str,
    description: String,
    namespace: &'static str,
    metric: &'static str,
    dimensions: Vec<(&'static str, String)>,
    (statistic, period, evaluations): (&'static str, i32, i32),
    (comparison, threshold): (&'static str, f64),
    topic: &'static str,
) -> Def {
    Def {
        name,
        region,
        description,
        namespace,
        metric,
        dimensions,
        statistic,
        period,
        evaluations,
        threshold,
        comparison,
        topic,
    }
}

pub const GE: &str = "GreaterThanOrEqualToThreshold";
pub const GT: &str = "GreaterThanThreshold";
pub const LT: &str = "LessThanThreshold";
pub const SUM5: (&str, i32, i32) = ("Sum", 300, 1);

pub fn build(estate: &mut Estate) {
    let mut defs = Vec::new();
    alarm_defs::security(&mut defs);
    alarm_defs::network(&mut defs);
    alarm_defs::workloads(&mut defs);
    for (i, d) in defs.into_iter().enumerate() {
        estate.alarms.push(finish(i as i64, d));
    }
}

fn comparison_words(op: &str) -> &'static str {
    match op {
        GE => "greater than or equal to",
        GT => "greater than",
        LT => "less than",
        _ => "compared with",
    }
}

fn finish(index: i64, d: Def) -> Alarm {
    let state = if drift::ALARMS_FIRING.contains(&d.name.as_str()) {
        AlarmState::Alarm
    } else if drift::ALARMS_INSUFFICIENT_DATA.contains(&d.name.as_str()) {
        AlarmState::InsufficientData
    } else {
        AlarmState::Ok
    };
    let seed = format!("alarm/{}/{}", d.region, d.name);
    let updated = match state {
        AlarmState::Alarm => minutes_ago(7 + ids::pick(&seed, 50) as i64),
        AlarmState::InsufficientData => ago(2 + ids::pick(&seed, 5) as i64, 3),
        AlarmState::Ok => ago(3 + ids::pick(&seed, 80) as i64, index % 24),
    };
    let at = (updated - TimeDelta::minutes(5)).format("%d/%m/%y %H:%M:%S");
    let words = comparison_words(d.comparison);
    let t = d.threshold;
    let state_reason = match state {
        AlarmState::Alarm => format!(
            "Threshold Crossed: 1 out of the last {} datapoints [{:.1} ({at})] was {words} the threshold ({t:.1}) (minimum 1 datapoint for OK -> ALARM transition).",
            d.evaluations,
            t + 2.0 + ids::pick(&seed, 6) as f64
        ),
        AlarmState::InsufficientData => format!(
            "Insufficient Data: {} datapoints were unknown.",
            d.evaluations
        ),
        AlarmState::Ok => format!(
            "Threshold Crossed: 1 out of the last {} datapoints [0.0 ({at})] was not {words} the threshold ({t:.1}) (minimum 1 datapoint for ALARM -> OK transition).",
            d.evaluations
        ),
    };
    let topic = catalog::topic_arn(d.topic, d.region);
    let security = d.topic == "security-alerts";
    Alarm {
        arn: format!(
            "arn:aws:cloudwatch:{}:{ACCOUNT_ID}:alarm:{}",
            d.region, d.name
        ),
        account_id: ACCOUNT_ID.to_string(),
        region: d.region.to_string(),
        description: d.description,
        namespace: d.namespace.to_string(),
        metric_name: d.metric.to_string(),
        dimensions: d
            .dimensions
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        statistic: Some(d.statistic.to_string()),
        period_seconds: Some(d.period),
        evaluation_periods: Some(d.evaluations),
        threshold: Some(d.threshold),
        comparison: d.comparison.to_string(),
        state,
        state_reason,
        state_updated: Some(updated),
        actions_enabled: d.name != drift::ALARM_ACTIONS_DISABLED,
        alarm_actions: vec![topic.clone()],
        ok_actions: if security { vec![topic] } else { Vec::new() },
        insufficient_data_actions: Vec::new(),
        name: d.name,
    }
}
