//! Tests for merging estates and de-duplicating findings.

use super::*;
use crate::model::{
    Attestation, AttestationStatus, Channel, Finding, KeyManager, KeyState, KmsKey, NativeSeverity,
    Provenance, RawJson, RecordState, Resource, Rotation, Severity, Source, Timestamp,
    WorkflowStatus,
};
use crate::model::{EstateMeta, LoadState};
use chrono::TimeZone;

fn at(day: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 10, day, 12, 0, 0)
        .single()
        .expect("valid time")
}

const ACCT: &str = "111122223333";
const GD_ID: &str = "7ac2f3b0a9e1d4c5";
const GD_ARN: &str =
    "arn:aws:guardduty:eu-west-2:111122223333:detector/d1/finding/7ac2f3b0a9e1d4c5";

fn finding(id: &str, source: Source, prov: Provenance) -> Finding {
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
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![prov],
    }
}

fn prov(channel: Channel, product: Option<&str>, native_id: &str) -> Provenance {
    Provenance {
        channel,
        product_arn: product.map(|p| format!("arn:aws:securityhub:eu-west-2::product/{p}")),
        product_name: None,
        native_id: native_id.to_string(),
        native_arn: None,
        account_id: ACCT.into(),
        region: "eu-west-2".into(),
        raw: RawJson::from_text(format!("{{\"id\":\"{native_id}\"}}")),
    }
}

fn gd_native() -> Finding {
    let mut p = prov(Channel::GuardDuty, None, GD_ID);
    p.native_arn = Some(GD_ARN.into());
    let mut f = finding(GD_ID, Source::GuardDuty, p);
    f.native_severity = NativeSeverity::GuardDuty { score: 2.0 };
    f.severity = Severity::Low;
    f.record_state = RecordState::Archived;
    f.updated_at = Some(at(5));
    f.last_seen = Some(at(5));
    f
}

fn gd_copy(asff_id: &str) -> Finding {
    let mut f = finding(
        asff_id,
        Source::GuardDuty,
        prov(Channel::SecurityHub, Some("aws/guardduty"), asff_id),
    );
    f.workflow = WorkflowStatus::Suppressed;
    f.severity = Severity::Medium;
    f.updated_at = Some(at(4));
    f.first_seen = Some(at(1));
    f.remediation = Some(crate::model::Remediation {
        text: Some("fix".into()),
        url: None,
    });
    f
}

fn other(id: &str) -> Finding {
    finding(
        id,
        Source::SecurityHub,
        prov(Channel::SecurityHub, Some("aws/securityhub"), id),
    )
}

#[test]
fn guardduty_native_and_copy_merge_with_native_fields() {
    let out = dedup_findings(vec![other("a"), gd_copy(GD_ARN), other("b"), gd_native()]);
    let ids: Vec<&str> = out.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        ["a", GD_ID, "b"],
        "the merged finding takes the copy's place"
    );
    let gd = &out[1];
    assert_eq!(gd.provenances.len(), 2);
    assert_eq!(
        gd.provenances[0].channel,
        Channel::GuardDuty,
        "native first"
    );
    assert_eq!(gd.native_severity, NativeSeverity::GuardDuty { score: 2.0 });
    assert_eq!(gd.severity, Severity::Low);
    assert_eq!(
        gd.record_state,
        RecordState::Archived,
        "GuardDuty's archive wins"
    );
    assert_eq!(
        gd.workflow,
        WorkflowStatus::Suppressed,
        "workflow from Security Hub"
    );
    assert_eq!(gd.first_seen, Some(at(1)));
    assert_eq!(gd.last_seen, Some(at(5)));
    assert!(gd.remediation.is_some(), "filled from the copy");
}

#[test]
fn guardduty_copies_join_by_last_path_segment_too() {
    // The published form with a stray empty partition segment.
    let odd = "arn:aws::guardduty:eu-west-2:111122223333:detector/d1/finding/7ac2f3b0a9e1d4c5";
    let out = dedup_findings(vec![gd_native(), gd_copy(odd)]);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].provenances.len(), 2);
    // Same id in another account is another finding.
    let mut elsewhere = gd_copy(odd);
    elsewhere.provenances[0].account_id = "999999999999".into();
    assert_eq!(dedup_findings(vec![gd_native(), elsewhere]).len(), 2);
}

#[test]
fn macie_joins_by_id_or_by_type_resource_account_region_and_time() {
    let macie = |channel, product, id: &str| {
        let mut f = finding(id, Source::Macie, prov(channel, product, id));
        f.finding_type = "SensitiveData:S3Object/Personal".into();
        f.created_at = Some(at(3));
        f.resources = vec![Resource {
            resource_type: "AwsS3Object".into(),
            id: "arn:aws:s3:::b/k.csv".into(),
            ..Resource::default()
        }];
        f
    };
    let by_id = dedup_findings(vec![
        macie(Channel::Macie, None, "m1"),
        macie(Channel::SecurityHub, Some("aws/macie"), "m1"),
    ]);
    assert_eq!(by_id.len(), 1);
    assert_eq!(by_id[0].provenances.len(), 2);
    let by_shape = dedup_findings(vec![
        macie(Channel::SecurityHub, Some("aws/macie"), "other-id"),
        macie(Channel::Macie, None, "m1"),
    ]);
    assert_eq!(by_shape.len(), 1);
    assert_eq!(by_shape[0].id, "m1", "native id wins");
    let mut later = macie(Channel::SecurityHub, Some("aws/macie"), "other-id");
    later.created_at = Some(at(4));
    assert_eq!(
        dedup_findings(vec![later, macie(Channel::Macie, None, "m1")]).len(),
        2
    );
}

#[test]
fn identical_records_collapse_to_the_newest() {
    let mut old = other("x");
    old.updated_at = Some(at(1));
    old.title = "old".into();
    let mut new = other("x");
    new.updated_at = Some(at(2));
    new.title = "new".into();
    let out = dedup_findings(vec![old, other("y"), new]);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].title, "new");
    assert_eq!(out[0].provenances.len(), 1);
    assert_eq!(out[1].id, "y");
}

#[test]
fn dedup_is_idempotent_and_leaves_distinct_findings_alone() {
    let input = vec![
        other("a"),
        gd_copy(GD_ARN),
        gd_native(),
        other("b"),
        other("a"),
    ];
    let once = dedup_findings(input);
    assert_eq!(once.len(), 3);
    assert_eq!(dedup_findings(once.clone()), once);
    let distinct = vec![other("p"), other("q"), gd_native()];
    assert_eq!(dedup_findings(distinct.clone()), distinct);
}

#[test]
fn a_hundred_thousand_findings_dedup_in_linear_time() {
    let mut findings = Vec::with_capacity(100_000);
    for i in 0..50_000 {
        let id = format!("{i:032x}");
        let arn = format!("arn:aws:guardduty:eu-west-2:{ACCT}:detector/d1/finding/{id}");
        let mut n = finding(&id, Source::GuardDuty, prov(Channel::GuardDuty, None, &id));
        n.provenances[0].native_arn = Some(arn.clone());
        findings.push(n);
        findings.push(gd_copy(&arn));
    }
    let started = std::time::Instant::now();
    let out = dedup_findings(findings);
    let took = started.elapsed();
    assert_eq!(out.len(), 50_000);
    assert!(out.iter().all(|f| f.provenances.len() == 2));
    // Generous for unoptimised builds on a slow machine; quadratic would take minutes.
    assert!(took.as_secs() < 20, "took {took:?}");
}

fn key(id: &str, captured: Timestamp) -> Estate {
    let mut e = Estate::empty(EstateMeta::new(
        DataOrigin::Files {
            paths: vec![format!("{id}.json")],
        },
        captured,
    ));
    e.kms_keys.push(KmsKey {
        key_id: "k1".into(),
        arn: "arn:aws:kms:eu-west-2:111122223333:key/k1".into(),
        account_id: ACCT.into(),
        region: "eu-west-2".into(),
        aliases: vec![],
        manager: KeyManager::Customer,
        spec: "SYMMETRIC_DEFAULT".into(),
        usage: "ENCRYPT_DECRYPT".into(),
        origin: "AWS_KMS".into(),
        state: KeyState::Enabled,
        description: id.into(),
        created_at: None,
        deletion_date: None,
        multi_region: false,
        rotation: Rotation::default(),
        policy: None,
        tags: Default::default(),
    });
    e.meta.accounts = vec![ACCT.into()];
    e.meta.regions = vec![format!("region-{id}")];
    e.attestations.push(Attestation {
        requirement_id: "e8/x".into(),
        status: AttestationStatus::Met,
        note: String::new(),
        by: "alice".into(),
        at: at(1),
    });
    e
}

#[test]
fn merge_unites_meta_keeps_newer_resources_and_earliest_capture() {
    let mut a = key("a", at(2));
    a.set_load(
        DatasetKind::KmsKeys,
        None,
        Some("eu-west-2"),
        LoadState::Failed { reason: "x".into() },
    );
    a.set_load(
        DatasetKind::Alarms,
        None,
        None,
        LoadState::Loaded { at: at(2) },
    );
    let mut b = key("b", at(3));
    b.set_load(
        DatasetKind::KmsKeys,
        None,
        Some("eu-west-2"),
        LoadState::Loaded { at: at(3) },
    );
    b.set_load(
        DatasetKind::Alarms,
        None,
        None,
        LoadState::Loaded { at: at(1) },
    );
    b.findings.push(gd_native());
    a.findings.push(gd_copy(GD_ARN));
    a.merge(b);
    assert_eq!(a.meta.captured_at, at(2));
    assert_eq!(
        a.meta.regions,
        vec!["region-a".to_string(), "region-b".to_string()]
    );
    assert_eq!(a.meta.accounts, vec![ACCT.to_string()]);
    assert_eq!(
        a.meta.origin,
        DataOrigin::Files {
            paths: vec!["a.json".into(), "b.json".into()]
        }
    );
    assert_eq!(a.kms_keys.len(), 1);
    assert_eq!(a.kms_keys[0].description, "b", "the later capture wins");
    assert_eq!(a.attestations.len(), 1);
    assert!(
        a.status(DatasetKind::KmsKeys).is_complete(),
        "a load wins over a failure"
    );
    assert_eq!(
        a.status(DatasetKind::Alarms),
        crate::model::DatasetStatus::Loaded { at: at(1) },
        "the older load time"
    );
    assert_eq!(a.findings.len(), 1, "merge de-duplicates findings");
}
