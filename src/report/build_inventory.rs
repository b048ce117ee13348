//! KMS, network and alarm sections, from the posture and the estate.

use super::model::{DatasetRow, FindingRow};
use super::model_inventory::*;
use super::time;
use crate::model::{Alarm, AlarmState, DatasetKind, Estate};
use crate::posture::Posture;
use crate::posture::kms::{KeyAnalysis, PolicyAnalysis, RotationStatus};
use crate::posture::network::FlowLogState;
use std::collections::{BTreeMap, HashMap};

pub fn kms(p: &Posture, findings: Vec<FindingRow>) -> KmsSection {
    KmsSection {
        coverage: p.kms.coverage.describe(),
        summary: p.kms.summary.clone(),
        keys_with_issues: p
            .kms
            .keys
            .iter()
            .filter_map(|k| {
                let issues = key_issues(k);
                (!issues.is_empty()).then(|| KeyIssueRow {
                    key_id: k.key_id.clone(),
                    name: k.name.clone(),
                    account_id: k.account_id.clone(),
                    region: k.region.clone(),
                    state: k.state.clone(),
                    issues,
                })
            })
            .collect(),
        findings,
    }
}

fn key_issues(k: &KeyAnalysis) -> Vec<String> {
    let mut out = Vec::new();
    match &k.rotation {
        RotationStatus::Disabled => out.push("rotation off".to_string()),
        RotationStatus::NotAssessed => out.push("rotation status not read".to_string()),
        _ => {}
    }
    if let Some(pd) = &k.pending_deletion {
        let mut s = "pending deletion".to_string();
        if let Some(d) = pd.days_left {
            s.push_str(&format!(" in {d} days"));
        }
        if let Some(at) = pd.deletion_date {
            s.push_str(&format!(" ({})", time(at)));
        }
        out.push(s);
    }
    match &k.policy {
        PolicyAnalysis::NotRead => out.push("key policy not read".to_string()),
        PolicyAnalysis::Unparseable { error } => {
            out.push(format!("key policy unparseable: {error}"))
        }
        PolicyAnalysis::Analysed(r) => {
            for st in r.statements.iter().filter(|s| s.public) {
                let sid = st
                    .sid
                    .clone()
                    .unwrap_or_else(|| format!("#{}", st.index + 1));
                out.push(format!("public: statement {sid} allows any principal"));
            }
            if r.service_only {
                out.push("open to any principal through a service, no account pinned".to_string());
            }
            if !r.other_accounts.is_empty() {
                out.push(format!("other accounts: {}", r.other_accounts.join(", ")));
            }
        }
    }
    if !k.purpose_drift.is_empty() {
        out.push(format!(
            "used through services outside its purpose: {}",
            k.purpose_drift.join(", ")
        ));
    }
    out
}

pub fn network(p: &Posture, datasets: &[DatasetRow], findings: Vec<FindingRow>) -> NetworkSection {
    let n = &p.network;
    NetworkSection {
        inventory: datasets
            .iter()
            .filter(|d| DatasetKind::NETWORK.iter().any(|k| k.key() == d.dataset))
            .cloned()
            .collect(),
        coverage: n.coverage.describe(),
        vpcs: n
            .vpcs
            .iter()
            .map(|v| VpcRow {
                vpc_id: v.vpc_id.clone(),
                name: v.name.clone(),
                account_id: v.account_id.clone(),
                region: v.region.clone(),
                reachability: v.class.label().to_string(),
                subnets: v.subnet_count,
                internet_gateway: v.internet_gateway_attached,
                flow_logs: match &v.flow_logs {
                    FlowLogState::Enabled { .. } => "enabled".to_string(),
                    FlowLogState::Missing { .. } => "missing".to_string(),
                    FlowLogState::NotAssessed => "not assessed".to_string(),
                },
                open_endpoint_policies: v.open_endpoint_policies.clone(),
            })
            .collect(),
        sg_exposures: n.security_groups.exposures.clone(),
        nacl_exposures: n.network_acls.exposures.clone(),
        default_groups_with_rules: n.security_groups.default_groups_with_rules.clone(),
        cidr_overlaps: n.cidr_overlaps.clone(),
        findings,
    }
}

fn alarm_row(a: &Alarm) -> AlarmRow {
    AlarmRow {
        name: a.name.clone(),
        account_id: a.account_id.clone(),
        region: a.region.clone(),
        state: a.state.as_str(),
        reason: a.state_reason.clone(),
        since: a.state_updated,
        actions: a.has_actions(),
    }
}

pub fn alarms(estate: &Estate, p: &Posture) -> AlarmsSection {
    let status = estate.status(DatasetKind::Alarms);
    let by_arn: HashMap<&str, &Alarm> = estate.alarms.iter().map(|a| (a.arn.as_str(), a)).collect();
    let by_state = status.has_data().then(|| {
        let mut m: BTreeMap<&'static str, usize> =
            AlarmState::ALL.iter().map(|s| (s.as_str(), 0)).collect();
        for a in &estate.alarms {
            *m.entry(a.state.as_str()).or_default() += 1;
        }
        m
    });
    let mut not_ok: Vec<&Alarm> = estate
        .alarms
        .iter()
        .filter(|a| a.state != AlarmState::Ok)
        .collect();
    not_ok.sort_by(|a, b| a.state.cmp(&b.state).then_with(|| a.name.cmp(&b.name)));
    let rows = |refs: &[crate::posture::alarms::AlarmRef]| -> Vec<AlarmRow> {
        refs.iter()
            .filter_map(|r| by_arn.get(r.arn.as_str()).map(|a| alarm_row(a)))
            .collect()
    };
    let a = &p.alarms;
    AlarmsSection {
        coverage: a.coverage.describe(),
        by_state,
        not_ok: not_ok.into_iter().map(alarm_row).collect(),
        without_actions: rows(&a.without_actions),
        stuck_insufficient_data: rows(&a.stuck_insufficient_data),
        cis: a
            .cis
            .iter()
            .map(|c| CisRow {
                control_id: c.control_id.to_string(),
                name: c.name.to_string(),
                state: c.state.map(AlarmState::as_str),
                alarms: c.alarms.iter().map(|r| r.name.clone()).collect(),
                missing_in_accounts: c.missing_in_accounts.clone(),
            })
            .collect(),
        cis_accounts_not_read: a.accounts_not_read.clone(),
    }
}
