//! Merging estates (several files, several reads) into one.

mod dedup;

pub use dedup::dedup_findings;

use super::{DataOrigin, DatasetKind, Estate, LoadRecord, LoadState};
use std::collections::HashMap;
use std::hash::Hash;

impl Estate {
    /// Adds `other` to this estate: datasets are concatenated (a resource
    /// both estates hold, by account, region and id, is kept once, from the
    /// estate captured later), load records merged (a dataset loaded in
    /// either is loaded; the older load time is kept), accounts and regions
    /// united, the earliest `captured_at` kept, and findings de-duplicated
    /// (see [`dedup_findings`]).
    pub fn merge(&mut self, other: Estate) {
        self.absorb(other);
        self.findings = dedup_findings(std::mem::take(&mut self.findings));
    }

    /// [`Estate::merge`] without de-duplicating findings, for callers that
    /// merge many estates and de-duplicate once at the end.
    pub fn absorb(&mut self, other: Estate) {
        let theirs_newer = other.meta.captured_at > self.meta.captured_at;
        let Estate {
            meta,
            loads,
            findings,
            standards,
            controls,
            kms_keys,
            vpcs,
            subnets,
            route_tables,
            internet_gateways,
            nat_gateways,
            vpc_endpoints,
            security_groups,
            network_acls,
            flow_logs,
            log_groups,
            alarms,
            attestations,
        } = other;

        if let (DataOrigin::Files { paths }, DataOrigin::Files { paths: more }) =
            (&mut self.meta.origin, meta.origin)
        {
            for p in more {
                if !paths.contains(&p) {
                    paths.push(p);
                }
            }
        }
        self.meta.captured_at = self.meta.captured_at.min(meta.captured_at);
        if self.meta.caller.is_none() {
            self.meta.caller = meta.caller;
        }
        if self.meta.aggregator_region.is_none() {
            self.meta.aggregator_region = meta.aggregator_region;
        }
        union(&mut self.meta.accounts, meta.accounts);
        union(&mut self.meta.regions, meta.regions);
        merge_loads(&mut self.loads, loads);

        self.findings.extend(findings);
        let w = theirs_newer;
        by_key(&mut self.standards, standards, w, |s| {
            (
                s.account_id.clone(),
                s.region.clone(),
                s.standards_id.clone(),
            )
        });
        by_key(&mut self.controls, controls, w, |c| {
            (c.account_id.clone(), c.region.clone(), c.control_id.clone())
        });
        by_key(&mut self.kms_keys, kms_keys, w, |k| {
            (k.account_id.clone(), k.region.clone(), k.key_id.clone())
        });
        by_key(&mut self.vpcs, vpcs, w, |v| {
            (v.account_id.clone(), v.region.clone(), v.vpc_id.clone())
        });
        by_key(&mut self.subnets, subnets, w, |s| {
            (s.account_id.clone(), s.region.clone(), s.subnet_id.clone())
        });
        by_key(&mut self.route_tables, route_tables, w, |r| {
            (
                r.account_id.clone(),
                r.region.clone(),
                r.route_table_id.clone(),
            )
        });
        by_key(&mut self.internet_gateways, internet_gateways, w, |g| {
            (
                g.account_id.clone(),
                g.region.clone(),
                g.internet_gateway_id.clone(),
            )
        });
        by_key(&mut self.nat_gateways, nat_gateways, w, |g| {
            (
                g.account_id.clone(),
                g.region.clone(),
                g.nat_gateway_id.clone(),
            )
        });
        by_key(&mut self.vpc_endpoints, vpc_endpoints, w, |e| {
            (
                e.account_id.clone(),
                e.region.clone(),
                e.vpc_endpoint_id.clone(),
            )
        });
        by_key(&mut self.security_groups, security_groups, w, |g| {
            (g.account_id.clone(), g.region.clone(), g.group_id.clone())
        });
        by_key(&mut self.network_acls, network_acls, w, |n| {
            (
                n.account_id.clone(),
                n.region.clone(),
                n.network_acl_id.clone(),
            )
        });
        by_key(&mut self.flow_logs, flow_logs, w, |f| {
            (
                f.account_id.clone(),
                f.region.clone(),
                f.flow_log_id.clone(),
            )
        });
        by_key(&mut self.log_groups, log_groups, w, |g| {
            (g.account_id.clone(), g.region.clone(), g.name.clone())
        });
        by_key(&mut self.alarms, alarms, w, |a| {
            (a.account_id.clone(), a.region.clone(), a.name.clone())
        });
        by_key(&mut self.attestations, attestations, false, |a| {
            (a.requirement_id.clone(), a.by.clone(), a.at)
        });
    }
}

/// Adds the new values of `more` to `list`, sorted.
fn union(list: &mut Vec<String>, more: Vec<String>) {
    if more.iter().all(|m| list.contains(m)) {
        return;
    }
    list.extend(more);
    list.sort();
    list.dedup();
}

/// Concatenates `theirs` onto `mine`, keeping one item per key: theirs
/// replaces mine in place when `theirs_win`, else is dropped.
fn by_key<T, K: Hash + Eq>(
    mine: &mut Vec<T>,
    theirs: Vec<T>,
    theirs_win: bool,
    key: impl Fn(&T) -> K,
) {
    let mut index: HashMap<K, usize> = HashMap::with_capacity(mine.len() + theirs.len());
    for (i, item) in mine.iter().enumerate() {
        index.entry(key(item)).or_insert(i);
    }
    for item in theirs {
        match index.get(&key(&item)) {
            Some(&i) => {
                if theirs_win {
                    mine[i] = item;
                }
            }
            None => {
                index.insert(key(&item), mine.len());
                mine.push(item);
            }
        }
    }
}

type LoadKey = (DatasetKind, Option<String>, Option<String>);

fn merge_loads(mine: &mut Vec<LoadRecord>, theirs: Vec<LoadRecord>) {
    let key = |r: &LoadRecord| -> LoadKey { (r.dataset, r.account_id.clone(), r.region.clone()) };
    let mut index: HashMap<LoadKey, usize> =
        mine.iter().enumerate().map(|(i, r)| (key(r), i)).collect();
    for rec in theirs {
        match index.get(&key(&rec)) {
            Some(&i) => {
                let state = std::mem::replace(&mut mine[i].state, LoadState::NotLoaded);
                mine[i].state = combine(state, rec.state);
            }
            None => {
                index.insert(key(&rec), mine.len());
                mine.push(rec);
            }
        }
    }
}

/// One scope read twice: data from either read is present, so a load wins
/// over any failure; two loads keep the older time (the data is as old as
/// its oldest part).
fn combine(mine: LoadState, theirs: LoadState) -> LoadState {
    match (mine, theirs) {
        (LoadState::Loaded { at: a }, LoadState::Loaded { at: b }) => {
            LoadState::Loaded { at: a.min(b) }
        }
        (loaded @ LoadState::Loaded { .. }, _) | (_, loaded @ LoadState::Loaded { .. }) => loaded,
        (LoadState::NotLoaded, other) => other,
        (mine, _) => mine,
    }
}

#[cfg(test)]
mod tests;
