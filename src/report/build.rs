//! Builds a [`Report`] from an estate.

use super::digest::SourceDigest;
use super::model::*;
use crate::commands::summary;
use crate::model::{
    AlarmState, DatasetKind, Estate, Finding, KeyManager, KeyState, KmsKey, Severity, Timestamp,
};
use std::collections::BTreeMap;

/// Resource types that make a finding a network finding.
const NETWORK_RESOURCES: [&str; 13] = [
    "AwsEc2Vpc",
    "AwsEc2Subnet",
    "AwsEc2SecurityGroup",
    "AwsEc2NetworkAcl",
    "AwsEc2RouteTable",
    "AwsEc2InternetGateway",
    "AwsEc2NatGateway",
    "AwsEc2VpcEndpointService",
    "AwsEc2VpcPeeringConnection",
    "AwsEc2TransitGateway",
    "AwsEc2NetworkInterface",
    "AwsEc2Eip",
    "AwsEc2ClientVpnEndpoint",
];

/// The report for `estate`, made at `now` from inputs hashed in `source`.
pub fn build(estate: &Estate, source: SourceDigest, now: Timestamp) -> Report {
    let datasets = dataset_rows(estate);
    let network_inventory = datasets
        .iter()
        .filter(|d| DatasetKind::NETWORK.iter().any(|k| k.key() == d.dataset))
        .cloned()
        .collect();
    let meta = &estate.meta;
    Report {
        title: "rampart evidence report".to_string(),
        generated_at: now,
        rampart_version: env!("CARGO_PKG_VERSION").to_string(),
        scope: Scope {
            origin: meta.origin.describe(),
            captured_at: meta.captured_at,
            caller: meta.caller.clone(),
            accounts: meta.accounts.clone(),
            regions: meta.regions.clone(),
            aggregator_region: meta.aggregator_region.clone(),
        },
        source,
        findings: findings(estate),
        kms: kms(estate),
        network: NetworkSection {
            inventory: network_inventory,
            findings: open_rows(estate, is_network),
        },
        alarms: alarms(estate),
        attestations: estate.attestations.clone(),
        all_findings: all_rows(estate),
        datasets,
    }
}

fn dataset_rows(estate: &Estate) -> Vec<DatasetRow> {
    let s = summary::build(estate);
    DatasetKind::ALL
        .iter()
        .map(|&kind| {
            let status = estate.status(kind);
            DatasetRow {
                dataset: kind.key(),
                label: kind.label(),
                count: s.datasets.get(kind.key()).and_then(|d| d.count),
                complete: status.is_complete(),
                status: status.describe(),
            }
        })
        .collect()
}

fn by_severity(a: &FindingRow, b: &FindingRow) -> std::cmp::Ordering {
    b.severity
        .cmp(&a.severity)
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.id.cmp(&b.id))
}

fn open_rows(estate: &Estate, keep: impl Fn(&Finding) -> bool) -> Vec<FindingRow> {
    let mut rows: Vec<FindingRow> = estate
        .findings
        .iter()
        .filter(|f| crate::diff::is_open(f) && keep(f))
        .map(FindingRow::of)
        .collect();
    rows.sort_by(by_severity);
    rows
}

fn all_rows(estate: &Estate) -> Vec<FindingRow> {
    let mut rows: Vec<FindingRow> = estate.findings.iter().map(FindingRow::of).collect();
    rows.sort_by(by_severity);
    rows
}

fn findings(estate: &Estate) -> FindingsSection {
    let all = &estate.findings;
    let open_findings = open_rows(estate, |_| true);
    let open_by_severity = Severity::ALL
        .iter()
        .map(|&severity| SeverityCount {
            severity,
            open: open_findings
                .iter()
                .filter(|r| r.severity == severity)
                .count(),
        })
        .collect();
    let archived = all.iter().filter(|f| f.is_archived()).count();
    let suppressed = all
        .iter()
        .filter(|f| !f.is_archived() && f.is_suppressed())
        .count();
    FindingsSection {
        complete: [
            DatasetKind::SecurityHubFindings,
            DatasetKind::GuardDutyFindings,
            DatasetKind::MacieFindings,
        ]
        .iter()
        .all(|&k| estate.status(k).is_complete()),
        total: all.len(),
        open: open_findings.len(),
        archived,
        suppressed,
        resolved_or_passed: all
            .len()
            .saturating_sub(open_findings.len() + archived + suppressed),
        open_by_severity,
        open_findings,
    }
}

fn is_kms(f: &Finding) -> bool {
    f.control_id().is_some_and(|c| c.starts_with("KMS."))
        || f.resources.iter().any(|r| r.resource_type == "AwsKmsKey")
}

fn is_network(f: &Finding) -> bool {
    f.resources
        .iter()
        .any(|r| NETWORK_RESOURCES.contains(&r.resource_type.as_str()))
}

fn key_row(k: &KmsKey) -> KeyRow {
    KeyRow {
        key_id: k.key_id.clone(),
        name: k.display_name().to_string(),
        account_id: k.account_id.clone(),
        region: k.region.clone(),
        state: k.state.as_str().to_string(),
        deletion_date: k.deletion_date,
    }
}

fn kms(estate: &Estate) -> KmsSection {
    let status = estate.status(DatasetKind::KmsKeys);
    let keys = &estate.kms_keys;
    let mut by_state = BTreeMap::new();
    for k in keys {
        *by_state.entry(k.state.as_str().to_string()).or_default() += 1;
    }
    let rotatable = |k: &&KmsKey| {
        k.manager == KeyManager::Customer
            && k.is_symmetric_default()
            && k.state != KeyState::PendingDeletion
    };
    KmsSection {
        status: status.describe(),
        complete: status.is_complete(),
        keys: keys.len(),
        customer_managed: keys
            .iter()
            .filter(|k| k.manager == KeyManager::Customer)
            .count(),
        by_state,
        rotation_off: keys
            .iter()
            .filter(rotatable)
            .filter(|k| k.rotation.enabled == Some(false))
            .map(key_row)
            .collect(),
        rotation_unknown: keys
            .iter()
            .filter(rotatable)
            .filter(|k| k.rotation.enabled.is_none())
            .count(),
        pending_deletion: keys
            .iter()
            .filter(|k| k.state == KeyState::PendingDeletion)
            .map(key_row)
            .collect(),
        findings: open_rows(estate, is_kms),
    }
}

fn alarm_row(a: &crate::model::Alarm) -> AlarmRow {
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

fn alarms(estate: &Estate) -> AlarmsSection {
    let status = estate.status(DatasetKind::Alarms);
    let by_state = status.has_data().then(|| {
        let mut m: BTreeMap<&'static str, usize> =
            AlarmState::ALL.iter().map(|s| (s.as_str(), 0)).collect();
        for a in &estate.alarms {
            *m.entry(a.state.as_str()).or_default() += 1;
        }
        m
    });
    let mut not_ok: Vec<&crate::model::Alarm> = estate
        .alarms
        .iter()
        .filter(|a| a.state != AlarmState::Ok)
        .collect();
    not_ok.sort_by(|a, b| a.state.cmp(&b.state).then_with(|| a.name.cmp(&b.name)));
    let mut without: Vec<&crate::model::Alarm> =
        estate.alarms.iter().filter(|a| !a.has_actions()).collect();
    without.sort_by(|a, b| a.name.cmp(&b.name));
    AlarmsSection {
        status: status.describe(),
        complete: status.is_complete(),
        by_state,
        not_ok: not_ok.into_iter().map(alarm_row).collect(),
        without_actions: without.into_iter().map(alarm_row).collect(),
    }
}
