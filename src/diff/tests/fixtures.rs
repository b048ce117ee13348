//! Two small hand-made estates, one day apart.

use crate::model::{
    Alarm, AlarmState, Channel, Compliance, ComplianceStatus, DataOrigin, DatasetKind, Estate,
    EstateMeta, Finding, KeyManager, KeyState, KmsKey, LoadState, NaclEntry, NativeSeverity,
    NetworkAcl, Provenance, RawJson, RecordState, Rotation, RuleAction, SecurityGroup, Severity,
    SgPeer, SgRule, Source, Timestamp, WorkflowStatus,
};
use chrono::TimeZone;

pub const ACCOUNT: &str = "111122223333";
pub const REGION: &str = "eu-west-2";

pub fn day(d: u32) -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, d, 9, 0, 0)
        .single()
        .expect("valid time")
}

/// An estate with every dataset loaded and nothing in it.
pub fn empty(d: u32) -> Estate {
    let mut meta = EstateMeta::new(DataOrigin::Demo, day(d));
    meta.accounts = vec![ACCOUNT.into()];
    meta.regions = vec![REGION.into()];
    let mut e = Estate::empty(meta);
    for kind in DatasetKind::ALL {
        e.set_load(
            kind,
            Some(ACCOUNT),
            Some(REGION),
            LoadState::Loaded { at: day(d) },
        );
    }
    e
}

pub fn finding(id: &str, severity: Severity, workflow: WorkflowStatus) -> Finding {
    Finding {
        id: id.to_string(),
        source: Source::SecurityHub,
        product_name: "Security Hub".into(),
        title: format!("finding {id}"),
        description: String::new(),
        finding_type: "Software and Configuration Checks".into(),
        types: Vec::new(),
        generator_id: None,
        severity,
        native_severity: NativeSeverity::Rampart,
        workflow,
        record_state: RecordState::Active,
        compliance: Some(Compliance {
            status: Some(ComplianceStatus::Failed),
            security_control_id: Some(format!("X.{id}")),
            ..Compliance::default()
        }),
        resources: Vec::new(),
        remediation: None,
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![Provenance {
            channel: Channel::SecurityHub,
            product_arn: None,
            product_name: None,
            native_id: id.to_string(),
            native_arn: None,
            account_id: ACCOUNT.into(),
            region: REGION.into(),
            raw: RawJson::empty(),
        }],
    }
}

pub fn key(id: &str, alias: &str, rotation: Option<bool>, policy: &str) -> KmsKey {
    KmsKey {
        key_id: id.into(),
        arn: format!("arn:aws:kms:{REGION}:{ACCOUNT}:key/{id}"),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        aliases: vec![format!("alias/{alias}")],
        manager: KeyManager::Customer,
        spec: "SYMMETRIC_DEFAULT".into(),
        usage: "ENCRYPT_DECRYPT".into(),
        origin: "AWS_KMS".into(),
        state: KeyState::Enabled,
        description: String::new(),
        created_at: None,
        deletion_date: None,
        multi_region: false,
        rotation: Rotation {
            enabled: rotation,
            period_days: rotation.map(|_| 365),
            next_rotation: None,
        },
        policy: Some(policy.into()),
        tags: Default::default(),
    }
}

pub fn policy(sids: &[&str]) -> String {
    let statements: Vec<String> = sids
        .iter()
        .map(|s| {
            format!(
                r#"{{"Sid":"{s}","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{ACCOUNT}:root"}},"Action":"kms:*","Resource":"*"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        statements.join(",")
    )
}

pub fn rule(protocol: &str, port: i32, cidr: &str) -> SgRule {
    SgRule {
        protocol: protocol.into(),
        from_port: Some(port),
        to_port: Some(port),
        peer: SgPeer::Ipv4(cidr.into()),
        description: None,
    }
}

pub fn group(id: &str, name: &str, ingress: Vec<SgRule>) -> SecurityGroup {
    SecurityGroup {
        group_id: id.into(),
        group_name: name.into(),
        vpc_id: "vpc-1".into(),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        description: String::new(),
        ingress,
        egress: vec![SgRule {
            protocol: "-1".into(),
            from_port: None,
            to_port: None,
            peer: SgPeer::Ipv4("0.0.0.0/0".into()),
            description: None,
        }],
        tags: Default::default(),
    }
}

pub fn nacl(entries: Vec<NaclEntry>) -> NetworkAcl {
    NetworkAcl {
        network_acl_id: "acl-1".into(),
        vpc_id: "vpc-1".into(),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        is_default: false,
        entries,
        subnet_ids: vec!["subnet-1".into()],
        tags: Default::default(),
    }
}

pub fn entry(n: i32, action: RuleAction, port: i32, cidr: &str) -> NaclEntry {
    NaclEntry {
        rule_number: n,
        egress: false,
        protocol: "6".into(),
        action,
        cidr_block: Some(cidr.into()),
        ipv6_cidr_block: None,
        port_from: Some(port),
        port_to: Some(port),
    }
}

pub fn alarm(name: &str, state: AlarmState) -> Alarm {
    Alarm {
        name: name.into(),
        arn: format!("arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:{name}"),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        description: String::new(),
        namespace: "CISBenchmark".into(),
        metric_name: name.into(),
        dimensions: Default::default(),
        statistic: Some("Sum".into()),
        period_seconds: Some(300),
        evaluation_periods: Some(1),
        threshold: Some(1.0),
        comparison: "GreaterThanOrEqualToThreshold".into(),
        state,
        state_reason: String::new(),
        state_updated: None,
        actions_enabled: true,
        alarm_actions: vec!["arn:aws:sns:eu-west-2:111122223333:security".into()],
        ok_actions: Vec::new(),
        insufficient_data_actions: Vec::new(),
    }
}

/// Day 1: five findings, two keys, one group, one NACL, two alarms.
pub fn before() -> Estate {
    let mut e = empty(1);
    let mut archived = finding("d", Severity::Low, WorkflowStatus::New);
    archived.record_state = RecordState::Archived;
    e.findings = vec![
        finding("a", Severity::High, WorkflowStatus::New),
        finding("b", Severity::Medium, WorkflowStatus::New),
        finding("c", Severity::Low, WorkflowStatus::Notified),
        archived,
        finding("e", Severity::Medium, WorkflowStatus::New),
    ];
    e.kms_keys = vec![
        key("k1", "orders", Some(true), &policy(&["Root"])),
        key("k2", "old", Some(true), &policy(&["Root"])),
    ];
    e.security_groups = vec![group("sg-1", "web", vec![rule("tcp", 443, "0.0.0.0/0")])];
    e.network_acls = vec![nacl(vec![entry(100, RuleAction::Allow, 443, "0.0.0.0/0")])];
    e.alarms = vec![
        alarm("root-usage", AlarmState::Ok),
        alarm("console-login-failures", AlarmState::Ok),
    ];
    e
}

/// Day 2: `a` gone, `b` archived, `c` resolved, `d` reopened, `e` raised
/// to critical, `f` new; k1 rotation off and a public statement, k2 gone,
/// k3 new; SSH opened to the world; NACL rule 90 denies; one alarm fires.
pub fn after() -> Estate {
    let mut e = empty(2);
    let mut b = finding("b", Severity::Medium, WorkflowStatus::New);
    b.record_state = RecordState::Archived;
    let mut e_raised = finding("e", Severity::Critical, WorkflowStatus::Notified);
    e_raised.title = "finding e".into();
    e.findings = vec![
        b,
        finding("c", Severity::Low, WorkflowStatus::Resolved),
        finding("d", Severity::Low, WorkflowStatus::New),
        e_raised,
        finding("f", Severity::High, WorkflowStatus::New),
    ];
    e.kms_keys = vec![
        key("k1", "orders", Some(false), &policy(&["Root", "Public"])),
        key("k3", "new", Some(true), &policy(&["Root"])),
    ];
    e.security_groups = vec![group(
        "sg-1",
        "web",
        vec![rule("tcp", 443, "0.0.0.0/0"), rule("tcp", 22, "0.0.0.0/0")],
    )];
    e.network_acls = vec![nacl(vec![
        entry(90, RuleAction::Deny, 22, "0.0.0.0/0"),
        entry(100, RuleAction::Allow, 443, "0.0.0.0/0"),
    ])];
    e.alarms = vec![
        alarm("root-usage", AlarmState::Alarm),
        alarm("console-login-failures", AlarmState::Ok),
    ];
    e
}
