use super::*;
use crate::model::{
    DataOrigin, KeyManager, KeyState, LoadState, NativeSeverity, Provenance, RawJson, RecordState,
    Rotation, Severity, Source, WorkflowStatus,
};
use chrono::TimeZone;

fn at() -> crate::model::Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn estate() -> Estate {
    Estate::empty(EstateMeta::new(DataOrigin::Live { profile: None }, at()))
}

fn finding(id: &str, channel: Channel, region: &str, title: &str) -> Finding {
    Finding {
        id: id.into(),
        source: Source::SecurityHub,
        product_name: "Security Hub".into(),
        title: title.into(),
        description: String::new(),
        finding_type: "t".into(),
        types: vec![],
        generator_id: None,
        severity: Severity::High,
        native_severity: NativeSeverity::Rampart,
        workflow: WorkflowStatus::New,
        record_state: RecordState::Active,
        compliance: None,
        resources: vec![],
        remediation: None,
        account_id: "111122223333".into(),
        region: region.into(),
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![Provenance {
            channel,
            product_arn: None,
            product_name: None,
            native_id: id.into(),
            native_arn: None,
            account_id: "111122223333".into(),
            region: region.into(),
            raw: RawJson::empty(),
        }],
    }
}

fn key(id: &str, region: &str) -> KmsKey {
    KmsKey {
        key_id: id.into(),
        arn: format!("arn:aws:kms:{region}:111122223333:key/{id}"),
        account_id: "111122223333".into(),
        region: region.into(),
        aliases: vec![],
        manager: KeyManager::Customer,
        spec: "SYMMETRIC_DEFAULT".into(),
        usage: "ENCRYPT_DECRYPT".into(),
        origin: "AWS_KMS".into(),
        state: KeyState::Enabled,
        description: String::new(),
        created_at: None,
        deletion_date: None,
        multi_region: false,
        rotation: Rotation::default(),
        policy: None,
        tags: Default::default(),
    }
}

#[test]
fn findings_upsert_by_id_and_keep_order() {
    let mut e = estate();
    e.apply(EstateDelta::Findings(vec![
        finding("a", Channel::SecurityHub, "eu-west-2", "old"),
        finding("b", Channel::SecurityHub, "eu-west-2", "b"),
    ]));
    e.apply(EstateDelta::Findings(vec![
        finding("a", Channel::SecurityHub, "eu-west-2", "new"),
        finding("c", Channel::SecurityHub, "eu-west-2", "c"),
    ]));
    let titles: Vec<&str> = e.findings.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(titles, ["new", "b", "c"]);
}

#[test]
fn same_key_id_in_two_regions_are_two_items() {
    let mut e = estate();
    e.apply(EstateDelta::KmsKeys(vec![key("k1", "eu-west-2")]));
    e.apply(EstateDelta::KmsKeys(vec![key("k1", "ap-southeast-2")]));
    e.apply(EstateDelta::KmsKeys(vec![key("k1", "eu-west-2")]));
    assert_eq!(e.kms_keys.len(), 2);
}

#[test]
fn prune_removes_only_unseen_items_of_its_scope_and_dataset() {
    let mut e = estate();
    e.apply(EstateDelta::KmsKeys(vec![
        key("k1", "eu-west-2"),
        key("k2", "eu-west-2"),
        key("k3", "ap-southeast-2"),
    ]));
    e.apply(EstateDelta::Findings(vec![
        finding("sh", Channel::SecurityHub, "eu-west-2", "x"),
        finding("gd", Channel::GuardDuty, "eu-west-2", "y"),
    ]));
    e.apply(EstateDelta::Prune {
        dataset: DatasetKind::KmsKeys,
        account_id: Some("111122223333".into()),
        region: Some("eu-west-2".into()),
        keep: vec![key("k2", "eu-west-2").key()],
    });
    let ids: Vec<&str> = e.kms_keys.iter().map(|k| k.key_id.as_str()).collect();
    assert_eq!(ids, ["k2", "k3"]);
    e.apply(EstateDelta::Prune {
        dataset: DatasetKind::SecurityHubFindings,
        account_id: None,
        region: None,
        keep: vec![],
    });
    let ids: Vec<&str> = e.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["gd"]);
}

#[test]
fn load_records_replace_by_scope_and_meta_replaces() {
    let mut e = estate();
    let rec = |state| LoadRecord {
        dataset: DatasetKind::Vpcs,
        account_id: Some("111122223333".into()),
        region: Some("eu-west-2".into()),
        state,
    };
    e.apply(EstateDelta::Load(rec(LoadState::Loading {
        pages: 1,
        items: 3,
    })));
    e.apply(EstateDelta::Load(rec(LoadState::Loaded { at: at() })));
    assert_eq!(e.loads.len(), 1);
    assert!(e.status(DatasetKind::Vpcs).is_complete());
    e.apply(EstateDelta::AggregatorRegion("eu-west-2".into()));
    assert_eq!(e.meta.aggregator_region.as_deref(), Some("eu-west-2"));
    let mut meta = EstateMeta::new(DataOrigin::Demo, at());
    meta.regions = vec!["ap-southeast-2".into()];
    e.apply(EstateDelta::Meta(meta.clone()));
    assert_eq!(e.meta, meta);
}

#[test]
fn item_counts() {
    assert_eq!(
        EstateDelta::KmsKeys(vec![key("a", "r"), key("b", "r")]).item_count(),
        2
    );
    assert_eq!(EstateDelta::AggregatorRegion("r".into()).item_count(), 0);
}
