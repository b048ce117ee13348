//! Small hand-made estates for the posture engine's unit tests.

use crate::model::{
    Alarm, AlarmState, Channel, Compliance, ComplianceStatus, DataOrigin, DatasetKind, Estate,
    EstateMeta, Finding, KeyManager, KeyState, KmsKey, LoadState, NativeSeverity, Provenance,
    RawJson, RecordState, Resource, Rotation, Route, RouteTable, RouteTableAssociation,
    RouteTarget, SecurityGroup, Severity, SgPeer, SgRule, Source, Subnet, Timestamp, Vpc,
    WorkflowStatus,
};
use chrono::TimeZone;
use std::collections::BTreeMap;

pub const ACCOUNT: &str = "111122223333";
pub const REGION: &str = "eu-west-2";
pub const FSBP: &str = "standards/aws-foundational-security-best-practices/v/1.0.0";
pub const CIS: &str = "standards/cis-aws-foundations-benchmark/v/3.0.0";

pub fn ts() -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("valid time")
}

pub fn estate() -> Estate {
    let mut meta = EstateMeta::new(DataOrigin::Demo, ts());
    meta.accounts = vec![ACCOUNT.to_string()];
    meta.regions = vec![REGION.to_string()];
    Estate::empty(meta)
}

/// Marks datasets as fully loaded in the test account and region.
pub fn load(e: &mut Estate, kinds: &[DatasetKind]) {
    for &k in kinds {
        e.set_load(
            k,
            Some(ACCOUNT),
            Some(REGION),
            LoadState::Loaded { at: ts() },
        );
    }
}

pub fn finding(id: &str, source: Source, severity: Severity) -> Finding {
    Finding {
        id: id.to_string(),
        source,
        product_name: source.label().to_string(),
        title: format!("finding {id}"),
        description: String::new(),
        finding_type: "Software and Configuration Checks".to_string(),
        types: Vec::new(),
        generator_id: None,
        severity,
        native_severity: NativeSeverity::Asff {
            label: Some(severity.asff_label().to_string()),
            normalized: None,
            original: None,
        },
        workflow: WorkflowStatus::New,
        record_state: RecordState::Active,
        compliance: None,
        resources: vec![Resource {
            resource_type: "AwsAccount".to_string(),
            id: format!("AWS::::Account:{ACCOUNT}"),
            ..Resource::default()
        }],
        remediation: None,
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
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
            account_id: ACCOUNT.to_string(),
            region: REGION.to_string(),
            raw: RawJson::empty(),
        }],
    }
}

/// A consolidated Security Hub control finding.
pub fn control_finding(
    id: &str,
    control: &str,
    status: ComplianceStatus,
    standards: &[&str],
) -> Finding {
    let severity = if status == ComplianceStatus::Failed {
        Severity::High
    } else {
        Severity::Informational
    };
    let mut f = finding(id, Source::SecurityHub, severity);
    f.title = format!("{control} title");
    f.resources[0].id = format!("arn:aws:s3:::bucket-{id}");
    f.resources[0].resource_type = "AwsS3Bucket".to_string();
    f.compliance = Some(Compliance {
        status: Some(status),
        security_control_id: Some(control.to_string()),
        associated_standards: standards.iter().map(|s| s.to_string()).collect(),
        consolidated: true,
        ..Compliance::default()
    });
    f
}

pub fn key(id: &str) -> KmsKey {
    KmsKey {
        key_id: id.to_string(),
        arn: format!("arn:aws:kms:{REGION}:{ACCOUNT}:key/{id}"),
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
        aliases: Vec::new(),
        manager: KeyManager::Customer,
        spec: "SYMMETRIC_DEFAULT".to_string(),
        usage: "ENCRYPT_DECRYPT".to_string(),
        origin: "AWS_KMS".to_string(),
        state: KeyState::Enabled,
        description: String::new(),
        created_at: None,
        deletion_date: None,
        multi_region: false,
        rotation: Rotation {
            enabled: Some(true),
            period_days: Some(365),
            next_rotation: None,
        },
        policy: None,
        tags: BTreeMap::new(),
    }
}

pub fn vpc(id: &str, cidr: &str) -> Vpc {
    Vpc {
        vpc_id: id.to_string(),
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
        cidr_blocks: vec![cidr.to_string()],
        ipv6_cidr_blocks: Vec::new(),
        is_default: false,
        tags: BTreeMap::new(),
    }
}

pub fn subnet(id: &str, vpc: &str) -> Subnet {
    Subnet {
        subnet_id: id.to_string(),
        vpc_id: vpc.to_string(),
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
        cidr_block: "10.0.1.0/24".to_string(),
        ipv6_cidr_block: None,
        availability_zone: format!("{REGION}a"),
        map_public_ip_on_launch: false,
        tags: BTreeMap::new(),
    }
}

pub fn route(destination: &str, target: RouteTarget) -> Route {
    Route {
        destination: destination.to_string(),
        target,
        active: true,
    }
}

pub fn route_table(
    id: &str,
    vpc: &str,
    routes: Vec<Route>,
    subnets: &[&str],
    main: bool,
) -> RouteTable {
    let mut associations: Vec<RouteTableAssociation> = subnets
        .iter()
        .map(|s| RouteTableAssociation {
            subnet_id: Some(s.to_string()),
            gateway_id: None,
            main: false,
        })
        .collect();
    if main {
        associations.push(RouteTableAssociation {
            subnet_id: None,
            gateway_id: None,
            main: true,
        });
    }
    let mut all = vec![route("10.0.0.0/16", RouteTarget::Local)];
    all.extend(routes);
    RouteTable {
        route_table_id: id.to_string(),
        vpc_id: vpc.to_string(),
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
        routes: all,
        associations,
        tags: BTreeMap::new(),
    }
}

pub fn sg(id: &str, vpc: &str, ingress: Vec<SgRule>) -> SecurityGroup {
    SecurityGroup {
        group_id: id.to_string(),
        group_name: format!("group-{id}"),
        vpc_id: vpc.to_string(),
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
        description: String::new(),
        ingress,
        egress: Vec::new(),
        tags: BTreeMap::new(),
    }
}

pub fn rule(protocol: &str, from: Option<i32>, to: Option<i32>, peer: SgPeer) -> SgRule {
    SgRule {
        protocol: protocol.to_string(),
        from_port: from,
        to_port: to,
        peer,
        description: None,
    }
}

pub fn alarm(name: &str, metric: &str, state: AlarmState) -> Alarm {
    Alarm {
        name: name.to_string(),
        arn: format!("arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:{name}"),
        account_id: ACCOUNT.to_string(),
        region: REGION.to_string(),
        description: String::new(),
        namespace: "CloudTrailMetrics".to_string(),
        metric_name: metric.to_string(),
        dimensions: BTreeMap::new(),
        statistic: Some("Sum".to_string()),
        period_seconds: Some(300),
        evaluation_periods: Some(1),
        threshold: Some(1.0),
        comparison: "GreaterThanOrEqualToThreshold".to_string(),
        state,
        state_reason: String::new(),
        state_updated: Some(ts()),
        actions_enabled: true,
        alarm_actions: vec![format!("arn:aws:sns:{REGION}:{ACCOUNT}:security")],
        ok_actions: Vec::new(),
        insufficient_data_actions: Vec::new(),
    }
}
