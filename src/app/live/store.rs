//! The live estate's findings, de-duplicated as they stream in.
//!
//! Deltas carry raw records: a GuardDuty finding read natively and its copy
//! read through Security Hub arrive as two findings, which the views show
//! as one ([`dedup_findings`]). Redoing the de-dup over every finding for
//! every page would copy the whole list each time (measured: 0.4 s per
//! copy at 100,000 findings, release build), so the store keeps just what
//! it needs to redo it for the findings a page touches: the raw records of
//! merged findings, which shown finding holds each de-dup key and each raw
//! record, and where each shown finding sits in `estate.findings`.
//!
//! Invariant: records that share a de-dup key belong to the same shown
//! finding, and the shown findings are exactly `dedup_findings` of the raw
//! records (in another order).

use crate::model::{
    DatasetKind, Estate, EstateDelta, Finding, dedup_findings, dedup_keys, finding_dataset,
};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct FindingStore {
    /// Raw records of merged findings, by the shown finding's id. A shown
    /// finding missing here is its own (single) raw record.
    groups: HashMap<String, Vec<Finding>>,
    /// De-dup key -> id of the shown finding holding a record with it.
    by_key: HashMap<String, String>,
    /// Raw record id -> id of the shown finding holding it.
    owner: HashMap<String, String>,
    /// Shown finding id -> index in `estate.findings`.
    pos: HashMap<String, usize>,
}

/// What applying deltas did to the findings.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Touched {
    /// Any finding was added, changed or removed.
    pub findings: bool,
    /// Ids of shown findings that received a record that was new or whose
    /// state (workflow, record state, severity, title, update time) changed.
    pub changed: Vec<String>,
    /// Anything else in the estate changed.
    pub other: bool,
}

impl FindingStore {
    /// Applies one delta to `estate`; findings go through the de-dup, the
    /// rest through [`Estate::apply`].
    pub fn apply(&mut self, estate: &mut Estate, delta: EstateDelta, touched: &mut Touched) {
        if self.pos.len() != estate.findings.len() {
            // Findings were set behind the store's back: index them anew.
            self.reset(estate);
        }
        match delta {
            EstateDelta::Findings(batch) => self.upsert(estate, batch, touched),
            EstateDelta::Prune {
                dataset,
                account_id,
                region,
                keep,
            } if is_findings(dataset) => {
                let keep: HashSet<&str> = keep.iter().map(String::as_str).collect();
                let stale = |f: &Finding| {
                    finding_dataset(f) == Some(dataset)
                        && account_id.as_deref().is_none_or(|a| a == f.account_id)
                        && region.as_deref().is_none_or(|r| r == f.region)
                        && !keep.contains(f.id.as_str())
                };
                if self.remove_where(estate, stale) {
                    touched.findings = true;
                }
            }
            other => {
                estate.apply(other);
                touched.other = true;
            }
        }
    }

    /// Changes the records behind the shown finding `id` with `edit` (a
    /// local write: workflow, archive) and shows the result. False when no
    /// such finding is shown.
    pub fn modify(&mut self, estate: &mut Estate, id: &str, edit: impl Fn(&mut Finding)) -> bool {
        if self.pos.len() != estate.findings.len() {
            self.reset(estate);
        }
        if !self.pos.contains_key(id) {
            return false;
        }
        let mut raws = self.take(estate, id);
        raws.iter_mut().for_each(edit);
        self.regroup(estate, raws);
        true
    }

    /// The shown finding holding the raw record `raw_id`.
    pub fn shown_id(&self, raw_id: &str) -> Option<&str> {
        self.owner.get(raw_id).map(String::as_str)
    }

    /// Re-indexes whatever `estate.findings` holds, de-duplicating it.
    fn reset(&mut self, estate: &mut Estate) {
        *self = FindingStore::default();
        let all = std::mem::take(&mut estate.findings);
        self.regroup(estate, all);
    }

    fn upsert(&mut self, estate: &mut Estate, batch: Vec<Finding>, touched: &mut Touched) {
        if batch.is_empty() {
            return;
        }
        touched.findings = true;
        let mut affected: Vec<String> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for f in &batch {
            let keys = dedup_keys(f);
            let holders = self
                .owner
                .get(&f.id)
                .into_iter()
                .chain(keys.iter().filter_map(|k| self.by_key.get(k)));
            for v in holders {
                if seen.insert(v.clone()) {
                    affected.push(v.clone());
                }
            }
        }
        let mut raws: Vec<Finding> = Vec::new();
        for v in &affected {
            raws.extend(self.take(estate, v));
        }
        let mut at: HashMap<String, usize> = raws
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let mut changed_raw: Vec<String> = Vec::new();
        for f in batch {
            match at.get(&f.id) {
                Some(&i) => {
                    if !same_state(&raws[i], &f) {
                        changed_raw.push(f.id.clone());
                    }
                    raws[i] = f;
                }
                None => {
                    changed_raw.push(f.id.clone());
                    at.insert(f.id.clone(), raws.len());
                    raws.push(f);
                }
            }
        }
        self.regroup(estate, raws);
        for raw in changed_raw {
            if let Some(v) = self.owner.get(&raw)
                && !touched.changed.contains(v)
            {
                touched.changed.push(v.clone());
            }
        }
    }

    /// Drops every raw record `stale` says is gone; true when any was.
    fn remove_where(&mut self, estate: &mut Estate, stale: impl Fn(&Finding) -> bool) -> bool {
        let mut hit: Vec<String> = estate
            .findings
            .iter()
            .filter(|f| !self.groups.contains_key(&f.id) && stale(f))
            .map(|f| f.id.clone())
            .collect();
        hit.extend(
            self.groups
                .iter()
                .filter(|(_, members)| members.iter().any(&stale))
                .map(|(id, _)| id.clone()),
        );
        if hit.is_empty() {
            return false;
        }
        let mut keep: Vec<Finding> = Vec::new();
        for v in &hit {
            keep.extend(self.take(estate, v).into_iter().filter(|f| !stale(f)));
        }
        self.regroup(estate, keep);
        true
    }

    /// Removes the shown finding `id` and returns its raw records.
    fn take(&mut self, estate: &mut Estate, id: &str) -> Vec<Finding> {
        let Some(p) = self.pos.remove(id) else {
            return Vec::new();
        };
        if p >= estate.findings.len() {
            return Vec::new();
        }
        let shown = estate.findings.swap_remove(p);
        if let Some(moved) = estate.findings.get(p) {
            self.pos.insert(moved.id.clone(), p);
        }
        let raws = self.groups.remove(id).unwrap_or_else(|| vec![shown]);
        for r in &raws {
            if self.owner.get(&r.id).is_some_and(|o| o == id) {
                self.owner.remove(&r.id);
            }
            for k in dedup_keys(r) {
                if self.by_key.get(&k).is_some_and(|o| o == id) {
                    self.by_key.remove(&k);
                }
            }
        }
        raws
    }

    /// Groups `raws` as `dedup_findings` would and shows one finding per
    /// group. `raws` must hold every record sharing a key with any of them.
    fn regroup(&mut self, estate: &mut Estate, raws: Vec<Finding>) {
        let keys: Vec<Vec<String>> = raws.iter().map(dedup_keys).collect();
        let n = raws.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, ks) in keys.iter().enumerate() {
            for k in ks {
                match first.get(k.as_str()) {
                    Some(&j) => union(&mut parent, i, j),
                    None => {
                        first.insert(k, i);
                    }
                }
            }
        }
        let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
        let mut order: Vec<usize> = Vec::new();
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, r) in roots.iter().enumerate() {
            let m = members.entry(*r).or_default();
            if m.is_empty() {
                order.push(*r);
            }
            m.push(i);
        }
        let mut slots: Vec<Option<Finding>> = raws.into_iter().map(Some).collect();
        for root in order {
            let idx = members.remove(&root).unwrap_or_default();
            let group: Vec<Finding> = idx.iter().filter_map(|i| slots[*i].take()).collect();
            let group_keys: Vec<&String> = idx.iter().flat_map(|i| &keys[*i]).collect();
            if group.len() == 1 {
                self.show(estate, group, None, &group_keys);
                continue;
            }
            let mut merged = dedup_findings(group.clone());
            match (merged.pop(), merged.is_empty()) {
                (Some(one), true) => self.show(estate, group, Some(one), &group_keys),
                // Cannot happen while the grouping above matches
                // dedup_findings; show every record rather than lose one.
                _ => {
                    for f in group {
                        let k = dedup_keys(&f);
                        self.show(estate, vec![f], None, &k.iter().collect::<Vec<_>>());
                    }
                }
            }
        }
    }

    /// Shows `merged` (or the single record of `raws`) and indexes it.
    fn show(
        &mut self,
        estate: &mut Estate,
        mut raws: Vec<Finding>,
        merged: Option<Finding>,
        keys: &[&String],
    ) {
        let shown = match merged {
            Some(m) => m,
            None => match raws.pop() {
                Some(f) => f,
                None => return,
            },
        };
        let id = shown.id.clone();
        for r in &raws {
            self.owner.insert(r.id.clone(), id.clone());
        }
        self.owner.insert(id.clone(), id.clone());
        for k in keys {
            self.by_key.insert((*k).clone(), id.clone());
        }
        if !raws.is_empty() {
            self.groups.insert(id.clone(), raws);
        }
        self.pos.insert(id, estate.findings.len());
        estate.findings.push(shown);
    }
}

fn is_findings(d: DatasetKind) -> bool {
    matches!(
        d,
        DatasetKind::SecurityHubFindings
            | DatasetKind::GuardDutyFindings
            | DatasetKind::MacieFindings
    )
}

/// True when nothing an operator tracks changed between two versions.
fn same_state(a: &Finding, b: &Finding) -> bool {
    a.workflow == b.workflow
        && a.record_state == b.record_state
        && a.severity == b.severity
        && a.updated_at == b.updated_at
        && a.title == b.title
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests;
