//! An export's records to an estate, with honest load states: only the
//! finding datasets the file holds are loaded; everything else stays
//! not loaded, so the posture engine says "not assessed".

use super::LoadError;
use super::detect::{Kind, Record};
use super::{asff, guardduty, macie};
use crate::model::{
    Channel, DataOrigin, DatasetKind, Estate, EstateMeta, Finding, LoadRecord, LoadState, Timestamp,
};
use serde_json::Value;
use std::collections::BTreeSet;

/// Builds the estate of one export file.
pub(super) fn estate(
    name: &str,
    records: Vec<Record>,
    truncated: bool,
    now: Timestamp,
) -> Result<Estate, LoadError> {
    let mut findings = Vec::with_capacity(records.len());
    for (i, record) in records.into_iter().enumerate() {
        let read = match record.kind {
            Kind::Asff => asff::finding(&record.value),
            Kind::GuardDuty => guardduty::finding(&record.value),
            Kind::Macie => macie::finding(&record.value),
        };
        let finding = read.map_err(|problem| LoadError::Record {
            name: name.to_string(),
            line: record.line,
            index: i + 1,
            id: record_id(&record.value),
            problem,
        })?;
        findings.push(finding);
    }
    let meta = EstateMeta::new(
        DataOrigin::Files {
            paths: vec![name.to_string()],
        },
        now,
    );
    let mut estate = Estate::empty(meta);
    let mut scopes = BTreeSet::new();
    let mut accounts = BTreeSet::new();
    let mut regions = BTreeSet::new();
    for f in &findings {
        let account = non_empty(&f.account_id);
        let region = non_empty(&f.region);
        scopes.insert((dataset_of(f), account.clone(), region.clone()));
        accounts.extend(account);
        regions.extend(region);
    }
    let datasets: BTreeSet<DatasetKind> = scopes.iter().map(|(d, _, _)| *d).collect();
    estate.loads = scopes
        .into_iter()
        .map(|(dataset, account_id, region)| LoadRecord {
            dataset,
            account_id,
            region,
            state: LoadState::Loaded { at: now },
        })
        .collect();
    if truncated {
        for dataset in datasets {
            estate.loads.push(LoadRecord {
                dataset,
                account_id: None,
                region: None,
                state: LoadState::Failed {
                    reason: format!(
                        "{name} holds only part of the export (it ends with a NextToken); \
                         export again without --max-items"
                    ),
                },
            });
        }
    }
    estate.meta.accounts = accounts.into_iter().collect();
    estate.meta.regions = regions.into_iter().collect();
    estate.findings = findings;
    Ok(estate)
}

/// The dataset a finding was read into: the channel of its record.
fn dataset_of(f: &Finding) -> DatasetKind {
    match f.provenances.first().map(|p| p.channel) {
        Some(Channel::GuardDuty) => DatasetKind::GuardDutyFindings,
        Some(Channel::Macie) => DatasetKind::MacieFindings,
        _ => DatasetKind::SecurityHubFindings,
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_string())
}

/// The record's own id, for messages.
fn record_id(v: &Value) -> Option<String> {
    let map = v.as_object()?;
    ["Id", "id", "Arn", "arn"]
        .iter()
        .find_map(|k| map.get(*k).and_then(Value::as_str))
        .map(str::to_string)
}
