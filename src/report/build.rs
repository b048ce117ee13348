//! Builds a [`Report`] from an estate and its posture.

use super::build_inventory::{alarms, kms, network};
use super::build_posture::{controls, essential_eight, scores};
use super::digest::SourceDigest;
use super::model::*;
use crate::commands::summary::count_items;
use crate::model::{DatasetKind, Estate, Finding, Severity, Timestamp};
use crate::posture::{self, Posture};

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
    build_with(estate, &posture::assess(estate, now), source, now)
}

/// [`build`] from a posture already assessed (the TUI holds one).
pub fn build_with(estate: &Estate, p: &Posture, source: SourceDigest, now: Timestamp) -> Report {
    let datasets = dataset_rows(estate);
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
        assessed_at: p.assessed_at,
        scores: scores(p),
        controls: controls(p),
        essential_eight: essential_eight(p),
        findings: findings(estate),
        kms: kms(p, related(estate, p, is_kms)),
        network: network(p, &datasets, related(estate, p, is_network)),
        alarms: alarms(estate, p),
        checks: sorted(p.checks.iter().map(FindingRow::of).collect()),
        attestations: estate.attestations.clone(),
        all_findings: sorted(estate.findings.iter().map(FindingRow::of).collect()),
        datasets,
    }
}

fn dataset_rows(estate: &Estate) -> Vec<DatasetRow> {
    DatasetKind::ALL
        .iter()
        .map(|&kind| {
            let status = estate.status(kind);
            DatasetRow {
                dataset: kind.key(),
                label: kind.label(),
                count: status.has_data().then(|| count_items(estate, kind)),
                complete: status.is_complete(),
                status: status.describe(),
            }
        })
        .collect()
}

fn sorted(mut rows: Vec<FindingRow>) -> Vec<FindingRow> {
    rows.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    rows
}

/// Open findings and rampart checks that `keep` accepts, most severe first.
fn related(estate: &Estate, p: &Posture, keep: fn(&Finding) -> bool) -> Vec<FindingRow> {
    sorted(
        estate
            .findings
            .iter()
            .filter(|f| crate::diff::is_open(f))
            .chain(p.checks.iter())
            .filter(|f| keep(f))
            .map(FindingRow::of)
            .collect(),
    )
}

fn findings(estate: &Estate) -> FindingsSection {
    let all = &estate.findings;
    let open_findings = sorted(
        all.iter()
            .filter(|f| crate::diff::is_open(f))
            .map(FindingRow::of)
            .collect(),
    );
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
