//! One finding per real-world finding, however many channels it came
//! through (domain.md 4.3).

use crate::model::{Channel, Finding, Provenance, Source, Timestamp};
use std::collections::HashMap;

/// What makes two records the same finding (borrowed from the findings, so
/// building keys allocates nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'a> {
    /// The same record read twice: channel, ASFF product, account, native id.
    Record(Channel, &'a str, &'a str, &'a str),
    /// A GuardDuty finding id in an account (native `id`, or the last path
    /// segment of the ASFF `Id`, which is the GuardDuty finding ARN).
    GuardDutyId(&'a str, &'a str),
    GuardDutyArn(&'a str),
    /// A Macie finding id in an account (native `id` or ASFF `Id`).
    MacieId(&'a str, &'a str),
    /// Macie fallback: type, affected resource, account, region, creation
    /// time in milliseconds.
    MacieShape(&'a str, &'a str, &'a str, &'a str, i64),
}

/// Collapses findings that are the same finding:
/// - a GuardDuty finding read natively and through Security Hub (ASFF `Id`
///   equal to the GuardDuty ARN, or its last path segment equal to the
///   GuardDuty id) becomes one finding with both provenances; the native
///   GuardDuty fields win (so does its numeric severity), workflow comes
///   from Security Hub, which alone has one;
/// - likewise Macie (Macie `id` equal to the ASFF `Id`, or the same type,
///   resource, account, region and creation time);
/// - the same record read twice (same channel and native id) is kept once,
///   in its newest `updated_at` version.
///
/// Each result takes the place of the first of its findings, so the order is
/// deterministic. Linear in the number of findings (hash maps, union-find).
pub fn dedup_findings(findings: Vec<Finding>) -> Vec<Finding> {
    let n = findings.len();
    let mut parent: Vec<usize> = (0..n).collect();
    {
        let mut seen: HashMap<Key<'_>, usize> = HashMap::with_capacity(n * 3);
        let mut keys = Vec::new();
        for (i, f) in findings.iter().enumerate() {
            keys.clear();
            keys_of(f, &mut keys);
            for key in keys.drain(..) {
                match seen.get(&key) {
                    Some(&j) => union(&mut parent, i, j),
                    None => {
                        seen.insert(key, i);
                    }
                }
            }
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut sizes = vec![0u32; n];
    for &r in &roots {
        sizes[r] += 1;
    }
    // Singletons go straight out; groups wait for all their members in the
    // slot of their first one.
    #[expect(
        clippy::large_enum_variant,
        reason = "every finding passes through a slot; boxing would allocate once per finding"
    )]
    enum Slot {
        Done(Finding),
        Group(usize),
    }
    let mut slots: Vec<Slot> = Vec::with_capacity(n);
    let mut groups: HashMap<usize, Vec<Finding>> = HashMap::new();
    for (f, &root) in findings.into_iter().zip(&roots) {
        if sizes[root] == 1 {
            slots.push(Slot::Done(f));
        } else {
            let members = groups.entry(root).or_default();
            if members.is_empty() {
                slots.push(Slot::Group(root));
            }
            members.push(f);
        }
    }
    slots
        .into_iter()
        .filter_map(|slot| match slot {
            Slot::Done(f) => Some(f),
            Slot::Group(root) => groups.remove(&root).and_then(combine),
        })
        .collect()
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
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

fn last_segment(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

fn asff_product(p: &Provenance) -> &str {
    p.product_arn
        .as_deref()
        .and_then(|a| a.split_once(":product/"))
        .map(|(_, product)| product)
        .unwrap_or("")
}

fn keys_of<'a>(f: &'a Finding, keys: &mut Vec<Key<'a>>) {
    for p in &f.provenances {
        let account = p.account_id.as_str();
        let id = p.native_id.as_str();
        keys.push(Key::Record(
            p.channel,
            p.product_arn.as_deref().unwrap_or(""),
            account,
            id,
        ));
        match (p.channel, asff_product(p)) {
            (Channel::GuardDuty, _) => {
                keys.push(Key::GuardDutyId(account, id));
                if let Some(arn) = &p.native_arn {
                    keys.push(Key::GuardDutyArn(arn));
                }
            }
            (Channel::SecurityHub, "aws/guardduty") => {
                keys.push(Key::GuardDutyArn(id));
                keys.push(Key::GuardDutyId(account, last_segment(id)));
            }
            (Channel::Macie, _) => keys.push(Key::MacieId(account, id)),
            (Channel::SecurityHub, "aws/macie") => {
                keys.push(Key::MacieId(account, id));
                let last = last_segment(id);
                if last != id {
                    keys.push(Key::MacieId(account, last));
                }
            }
            _ => {}
        }
    }
    if f.source == Source::Macie
        && let (Some(created), Some(resource)) = (f.created_at, macie_resource(f))
    {
        keys.push(Key::MacieShape(
            &f.finding_type,
            resource,
            &f.account_id,
            &f.region,
            created.timestamp_millis(),
        ));
    }
}

/// The most specific resource of a Macie finding: the object, else the bucket.
fn macie_resource(f: &Finding) -> Option<&str> {
    f.resources
        .iter()
        .find(|r| r.resource_type == "AwsS3Object")
        .or_else(|| f.resources.first())
        .map(|r| r.id.as_str())
}

/// Native records outrank Security Hub copies; then the newest update wins.
fn rank(f: &Finding) -> (bool, Option<Timestamp>) {
    (
        f.has_channel(Channel::GuardDuty) || f.has_channel(Channel::Macie),
        f.updated_at,
    )
}

fn same_record(a: &Provenance, b: &Provenance) -> bool {
    a.channel == b.channel
        && a.native_id == b.native_id
        && a.account_id == b.account_id
        && a.product_arn == b.product_arn
}

fn combine(mut members: Vec<Finding>) -> Option<Finding> {
    if members.len() <= 1 {
        return members.pop();
    }
    // The best-ranked member; among equals the first.
    let mut best = 0;
    for (i, m) in members.iter().enumerate().skip(1) {
        if rank(m) > rank(&members[best]) {
            best = i;
        }
    }
    let mut primary = members.remove(best);
    let primary_rank = rank(&primary);
    let ranks: Vec<_> = members.iter().map(rank).collect();

    // Workflow lives only in Security Hub: take the newest copy's.
    if !primary.has_channel(Channel::SecurityHub)
        && let Some(sh) = members
            .iter()
            .filter(|m| m.has_channel(Channel::SecurityHub))
            .max_by_key(|m| m.updated_at)
    {
        primary.workflow = sh.workflow;
    }

    // Provenances: one per record, from the best-ranked finding holding it.
    // Groups are small (a record and its copies), so a linear scan beats hashing.
    let mut provenances: Vec<(Provenance, (bool, Option<Timestamp>))> = Vec::new();
    let primary_provs = std::mem::take(&mut primary.provenances);
    let everything = primary_provs.into_iter().map(|p| (p, primary_rank)).chain(
        members.iter_mut().zip(ranks).flat_map(|(m, r)| {
            std::mem::take(&mut m.provenances)
                .into_iter()
                .map(move |p| (p, r))
        }),
    );
    for (p, r) in everything {
        match provenances.iter().position(|(q, _)| same_record(q, &p)) {
            Some(i) => {
                if r > provenances[i].1 {
                    provenances[i] = (p, r);
                }
            }
            None => provenances.push((p, r)),
        }
    }
    primary.provenances = provenances.into_iter().map(|(p, _)| p).collect();

    for m in members {
        fill(&mut primary.generator_id, m.generator_id);
        fill(&mut primary.compliance, m.compliance);
        fill(&mut primary.remediation, m.remediation);
        fill(&mut primary.created_at, m.created_at);
        if primary.resources.is_empty() {
            primary.resources = m.resources;
        }
        if primary.description.is_empty() {
            primary.description = m.description;
        }
        primary.first_seen = earliest(primary.first_seen, m.first_seen);
        primary.last_seen = primary.last_seen.max(m.last_seen);
    }
    Some(primary)
}

fn fill<T>(slot: &mut Option<T>, other: Option<T>) {
    if slot.is_none() {
        *slot = other;
    }
}

fn earliest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
