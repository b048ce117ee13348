//! Counts for the overview, computed once per estate change (not per frame).

use crate::model::{AlarmState, EndpointType, Estate, KeyState, Severity, Source};

use super::findings::updated;

/// How many newest critical/high findings the overview keeps.
const NEWEST: usize = 200;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Grid rows: the three finding services always, other sources when present.
    pub sources: Vec<Source>,
    /// Active findings per row, in `Severity::ALL` order (critical first).
    pub grid: Vec<[usize; 5]>,
    pub totals: [usize; 5],
    pub archived: usize,
    /// Suppressed but not archived (archived ones are counted once, above).
    pub suppressed: usize,
    /// Active critical and high findings, newest first (indices).
    pub newest: Vec<usize>,
    pub keys: KeyCounts,
    pub vpcs: usize,
    pub subnets: usize,
    pub endpoints_gateway: usize,
    pub endpoints_interface: usize,
    pub endpoints_other: usize,
    pub security_groups: usize,
    /// Alarms in `AlarmState::ALL` order.
    pub alarms: [usize; 3],
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyCounts {
    pub total: usize,
    pub customer: usize,
    pub enabled: usize,
    pub disabled: usize,
    pub pending_deletion: usize,
    pub other_state: usize,
    /// Customer symmetric keys whose rotation is known to be off.
    pub rotation_off: usize,
}

impl Summary {
    pub fn of(estate: &Estate) -> Summary {
        let mut s = Summary {
            sources: vec![Source::SecurityHub, Source::GuardDuty, Source::Macie],
            ..Summary::default()
        };
        for f in &estate.findings {
            if !s.sources.contains(&f.source) {
                s.sources.push(f.source);
            }
        }
        s.sources
            .sort_by_key(|src| Source::ALL.iter().position(|x| x == src));
        s.grid = vec![[0; 5]; s.sources.len()];
        for (i, f) in estate.findings.iter().enumerate() {
            if f.is_archived() {
                s.archived += 1;
                continue;
            }
            if f.is_suppressed() {
                s.suppressed += 1;
                continue;
            }
            let sev = sev_index(f.severity);
            if let Some(row) = s.sources.iter().position(|x| *x == f.source) {
                s.grid[row][sev] += 1;
            }
            s.totals[sev] += 1;
            // rampart's own checks carry the assessment time, not the time
            // something happened: they are counted, not listed as news.
            if f.severity >= Severity::High && f.source != Source::Rampart {
                s.newest.push(i);
            }
        }
        let findings = &estate.findings;
        s.newest.sort_by(|a, b| {
            let (fa, fb) = (&findings[*a], &findings[*b]);
            updated(fb)
                .cmp(&updated(fa))
                .then(fb.severity.cmp(&fa.severity))
                .then_with(|| fa.id.cmp(&fb.id))
        });
        s.newest.truncate(NEWEST);
        s.keys = key_counts(estate);
        s.vpcs = estate.vpcs.len();
        s.subnets = estate.subnets.len();
        s.security_groups = estate.security_groups.len();
        for e in &estate.vpc_endpoints {
            match e.endpoint_type {
                EndpointType::Gateway => s.endpoints_gateway += 1,
                EndpointType::Interface => s.endpoints_interface += 1,
                _ => s.endpoints_other += 1,
            }
        }
        for a in &estate.alarms {
            if let Some(i) = AlarmState::ALL.iter().position(|x| *x == a.state) {
                s.alarms[i] += 1;
            }
        }
        s
    }

    pub fn endpoints(&self) -> usize {
        self.endpoints_gateway + self.endpoints_interface + self.endpoints_other
    }

    pub fn active_total(&self) -> usize {
        self.totals.iter().sum()
    }
}

pub fn sev_index(s: Severity) -> usize {
    Severity::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

fn key_counts(estate: &Estate) -> KeyCounts {
    let mut k = KeyCounts::default();
    for key in &estate.kms_keys {
        k.total += 1;
        if key.manager == crate::model::KeyManager::Customer {
            k.customer += 1;
            if key.is_symmetric_default() && key.rotation.enabled == Some(false) {
                k.rotation_off += 1;
            }
        }
        match key.state {
            KeyState::Enabled => k.enabled += 1,
            KeyState::Disabled => k.disabled += 1,
            KeyState::PendingDeletion | KeyState::PendingReplicaDeletion => k.pending_deletion += 1,
            _ => k.other_state += 1,
        }
    }
    k
}
