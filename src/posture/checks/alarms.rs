//! Alarm checks: missing CIS security alarms (CloudWatch.1-14), alarms
//! firing, stuck in INSUFFICIENT_DATA, or notifying nobody.

use super::{
    ALARM_FIRING, ALARM_INSUFFICIENT_DATA, ALARM_NO_ACTIONS, CIS_ALARM_MISSING, CheckKind, Draft,
    SECURITY_ALARM_FIRING,
};
use crate::model::{Alarm, AlarmState, DatasetKind, Estate, Timestamp};
use crate::posture::alarms::{AlarmCoverage, cis_matches, is_stuck};
use serde_json::json;

/// The region to file an account-level finding under: where its alarms
/// were read, else the first region in scope.
fn home_region(estate: &Estate, account: &str) -> String {
    estate
        .loads
        .iter()
        .find(|r| r.dataset == DatasetKind::Alarms && r.account_id.as_deref() == Some(account))
        .and_then(|r| r.region.clone())
        .or_else(|| {
            estate
                .alarms
                .iter()
                .find(|a| a.account_id == account)
                .map(|a| a.region.clone())
        })
        .or_else(|| estate.meta.regions.first().cloned())
        .unwrap_or_default()
}

fn alarm_draft(a: &Alarm, kind: CheckKind, title: String, description: &str) -> Draft {
    Draft {
        kind,
        control_id: None,
        key: a.arn.clone(),
        resource_id: a.arn.clone(),
        account_id: a.account_id.clone(),
        region: a.region.clone(),
        title,
        description: description.to_string(),
        evidence: json!({
            "alarm": a.name, "metric": a.metric_name, "namespace": a.namespace,
            "state": a.state.as_str(), "state_reason": a.state_reason, "state_updated": a.state_updated,
            "actions_enabled": a.actions_enabled, "alarm_actions": a.alarm_actions,
        }),
    }
}

pub(super) fn drafts(
    estate: &Estate,
    coverage: &AlarmCoverage,
    now: Timestamp,
    out: &mut Vec<Draft>,
) {
    if !coverage.coverage.is_assessed() {
        return;
    }
    for c in &coverage.cis {
        for account in &c.missing_in_accounts {
            out.push(Draft {
                kind: CIS_ALARM_MISSING,
                control_id: Some(c.control_id),
                key: format!("{}/{account}", c.control_id),
                resource_id: format!("AWS::::Account:{account}"),
                account_id: account.clone(),
                region: home_region(estate, account),
                title: format!("No CloudWatch alarm for {} in account {account}", c.name.to_lowercase()),
                description: format!(
                    "No alarm named or measuring a metric for \"{}\" was found in any region of the account.",
                    c.name
                ),
                evidence: json!({"control": c.control_id, "alarm": c.name, "account": account}),
            });
        }
    }
    for a in &estate.alarms {
        let security = !cis_matches(a).is_empty();
        if a.state == AlarmState::Alarm {
            let kind = if security {
                SECURITY_ALARM_FIRING
            } else {
                ALARM_FIRING
            };
            let what = if security { "Security alarm" } else { "Alarm" };
            out.push(alarm_draft(
                a,
                kind,
                format!("{what} {} is in ALARM", a.name),
                "The alarm's threshold is breached.",
            ));
        }
        if is_stuck(a, now) {
            out.push(alarm_draft(
                a,
                ALARM_INSUFFICIENT_DATA,
                format!("Alarm {} is stuck in INSUFFICIENT_DATA", a.name),
                "The alarm has had no data to evaluate for a day or more, so it cannot fire.",
            ));
        }
        if !a.has_actions() {
            out.push(alarm_draft(
                a,
                ALARM_NO_ACTIONS,
                format!("Alarm {} notifies nobody", a.name),
                "The alarm has no enabled actions: when it fires, nothing happens.",
            ));
        }
    }
}
