//! The store must show exactly what applying every delta and then
//! de-duplicating once would show, whatever the order pages arrive in.

use super::*;
use crate::model::{
    Channel, DataOrigin, EstateMeta, NativeSeverity, Provenance, RawJson, RecordState, Severity,
    Source, Timestamp, WorkflowStatus,
};
use chrono::TimeZone;

const ACCT: &str = "111122223333";

fn at(hour: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 10, 1, hour, 0, 0)
        .single()
        .expect("valid time")
}

fn empty() -> Estate {
    Estate::empty(EstateMeta::new(DataOrigin::Demo, at(0)))
}

fn prov(channel: Channel, product: Option<&str>, id: &str, arn: Option<String>) -> Provenance {
    Provenance {
        channel,
        product_arn: product.map(|p| format!("arn:aws:securityhub:eu-west-2::product/{p}")),
        product_name: None,
        native_id: id.to_string(),
        native_arn: arn,
        account_id: ACCT.into(),
        region: "eu-west-2".into(),
        raw: RawJson::from_text(format!("{{\"id\":\"{id}\"}}")),
    }
}

fn finding(id: &str, source: Source, p: Provenance) -> Finding {
    Finding {
        id: id.to_string(),
        source,
        product_name: source.label().to_string(),
        title: format!("title {id}"),
        description: String::new(),
        finding_type: "Recon:EC2/Portscan".into(),
        types: vec![],
        generator_id: None,
        severity: Severity::Medium,
        native_severity: NativeSeverity::GuardDuty { score: 5.0 },
        workflow: WorkflowStatus::New,
        record_state: RecordState::Active,
        compliance: None,
        resources: vec![],
        remediation: None,
        account_id: ACCT.into(),
        region: "eu-west-2".into(),
        first_seen: Some(at(1)),
        last_seen: Some(at(2)),
        created_at: None,
        updated_at: Some(at(2)),
        provenances: vec![p],
    }
}

fn gd_arn(n: usize) -> String {
    format!("arn:aws:guardduty:eu-west-2:{ACCT}:detector/d1/finding/gd{n}")
}

fn gd_native(n: usize) -> Finding {
    let id = format!("gd{n}");
    let mut f = finding(
        &id,
        Source::GuardDuty,
        prov(Channel::GuardDuty, None, &id, Some(gd_arn(n))),
    );
    f.severity = Severity::High;
    f
}

fn gd_copy(n: usize) -> Finding {
    let arn = gd_arn(n);
    let mut f = finding(
        &arn,
        Source::GuardDuty,
        prov(Channel::SecurityHub, Some("aws/guardduty"), &arn, None),
    );
    f.updated_at = Some(at(3));
    f
}

fn sh(n: usize) -> Finding {
    let id = format!("arn:aws:securityhub:eu-west-2:{ACCT}:finding/sh{n}");
    finding(
        &id,
        Source::SecurityHub,
        prov(Channel::SecurityHub, Some("aws/securityhub"), &id, None),
    )
}

/// The reference: every delta applied in order, then one de-dup.
fn reference(deltas: &[EstateDelta]) -> Vec<Finding> {
    let mut e = empty();
    for d in deltas {
        e.apply(d.clone());
    }
    sorted(dedup_findings(e.findings))
}

fn streamed(deltas: &[EstateDelta]) -> (Estate, FindingStore) {
    let mut e = empty();
    let mut store = FindingStore::default();
    let mut t = Touched::default();
    for d in deltas {
        store.apply(&mut e, d.clone(), &mut t);
        check_index(&e, &store);
    }
    (e, store)
}

fn sorted(mut v: Vec<Finding>) -> Vec<Finding> {
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

fn check_index(e: &Estate, s: &FindingStore) {
    assert_eq!(s.pos.len(), e.findings.len());
    for (i, f) in e.findings.iter().enumerate() {
        assert_eq!(s.pos.get(&f.id), Some(&i), "position of {}", f.id);
        assert_eq!(s.shown_id(&f.id), Some(f.id.as_str()));
    }
}

/// A deterministic shuffle (no rand dependency).
fn shuffle<T>(v: &mut [T], mut seed: u64) {
    for i in (1..v.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (seed >> 33) as usize % (i + 1);
        v.swap(i, j);
    }
}

fn pages(mut all: Vec<Finding>, seed: u64, size: usize) -> Vec<EstateDelta> {
    shuffle(&mut all, seed);
    all.chunks(size)
        .map(|c| EstateDelta::Findings(c.to_vec()))
        .collect()
}

fn population() -> Vec<Finding> {
    let mut all: Vec<Finding> = (0..8).map(sh).collect();
    all.extend((0..6).map(gd_native));
    all.extend((0..6).filter(|n| n % 3 != 0).map(gd_copy));
    all
}

#[test]
fn any_page_order_shows_what_one_dedup_would() {
    for seed in 0..40 {
        for size in [1, 3, 7] {
            let deltas = pages(population(), seed, size);
            let (e, _) = streamed(&deltas);
            assert_eq!(
                sorted(e.findings),
                reference(&deltas),
                "seed {seed} size {size}"
            );
        }
    }
}

#[test]
fn a_newer_copy_through_security_hub_updates_the_merged_finding() {
    let mut copy = gd_copy(1);
    let mut deltas = vec![EstateDelta::Findings(vec![gd_native(1), copy.clone()])];
    let (e, _) = streamed(&deltas);
    assert_eq!(e.findings.len(), 1, "native and copy are one finding");
    assert_eq!(e.findings[0].workflow, WorkflowStatus::New);
    // Someone resolves it in Security Hub; an incremental read brings the copy.
    copy.workflow = WorkflowStatus::Resolved;
    copy.updated_at = Some(at(9));
    deltas.push(EstateDelta::Findings(vec![copy]));
    let (e, _) = streamed(&deltas);
    assert_eq!(e.findings.len(), 1);
    assert_eq!(e.findings[0].workflow, WorkflowStatus::Resolved);
    assert_eq!(e.findings[0].id, "gd1", "the native record stays primary");
    assert_eq!(sorted(e.findings), reference(&deltas));
}

#[test]
fn pruning_a_copy_splits_the_merged_finding_and_pruning_all_empties() {
    let mut deltas = pages(population(), 7, 4);
    deltas.push(EstateDelta::Prune {
        dataset: DatasetKind::SecurityHubFindings,
        account_id: Some(ACCT.into()),
        region: Some("eu-west-2".into()),
        keep: vec![sh(0).id, gd_copy(1).id],
    });
    let (e, _) = streamed(&deltas);
    let want = reference(&deltas);
    assert_eq!(sorted(e.findings.clone()), want);
    assert!(e.findings.iter().any(|f| f.id == "gd2"), "native stays");
    assert!(!e.findings.iter().any(|f| f.id == sh(1).id), "pruned");
    deltas.push(EstateDelta::Prune {
        dataset: DatasetKind::GuardDutyFindings,
        account_id: None,
        region: None,
        keep: vec![],
    });
    let (e, _) = streamed(&deltas);
    assert_eq!(sorted(e.findings), reference(&deltas));
}

#[test]
fn touched_names_new_and_changed_findings_only() {
    let mut e = empty();
    let mut s = FindingStore::default();
    let mut t = Touched::default();
    s.apply(
        &mut e,
        EstateDelta::Findings(vec![sh(1), gd_native(2)]),
        &mut t,
    );
    assert!(t.findings && !t.other);
    assert_eq!(t.changed.len(), 2);
    let mut t = Touched::default();
    // The same records again: nothing changed. A copy joins gd2: changed.
    s.apply(
        &mut e,
        EstateDelta::Findings(vec![sh(1), gd_native(2), gd_copy(2)]),
        &mut t,
    );
    assert_eq!(t.changed, ["gd2"]);
    let mut t = Touched::default();
    let mut resolved = sh(1);
    resolved.workflow = WorkflowStatus::Resolved;
    s.apply(&mut e, EstateDelta::Findings(vec![resolved]), &mut t);
    assert_eq!(t.changed, [sh(1).id]);
    let mut t = Touched::default();
    s.apply(&mut e, EstateDelta::AggregatorRegion("x".into()), &mut t);
    assert!(t.other && !t.findings);
    check_index(&e, &s);
}

#[test]
fn modify_edits_every_record_behind_a_merged_finding() {
    let deltas = vec![EstateDelta::Findings(vec![sh(1), gd_native(3), gd_copy(3)])];
    let (mut e, mut s) = streamed(&deltas);
    assert!(s.modify(&mut e, "gd3", |f| f.workflow = WorkflowStatus::Suppressed));
    assert!(!s.modify(&mut e, "nope", |_| {}));
    let gd = e.findings.iter().find(|f| f.id == "gd3").expect("gd3");
    assert_eq!(gd.workflow, WorkflowStatus::Suppressed);
    // A later re-merge (an unchanged native record arrives) keeps it.
    let mut t = Touched::default();
    s.apply(&mut e, EstateDelta::Findings(vec![gd_native(3)]), &mut t);
    let gd = e.findings.iter().find(|f| f.id == "gd3").expect("gd3");
    assert_eq!(gd.workflow, WorkflowStatus::Suppressed);
    check_index(&e, &s);
}

#[test]
fn findings_set_behind_the_store_are_indexed_again() {
    let mut e = empty();
    e.findings = vec![sh(1), gd_native(4), gd_copy(4)];
    let mut s = FindingStore::default();
    let mut t = Touched::default();
    s.apply(&mut e, EstateDelta::Findings(vec![sh(2)]), &mut t);
    assert_eq!(e.findings.len(), 3, "gd4 and its copy are merged");
    check_index(&e, &s);
}
