//! Posture for 100,000 findings and 1,000 KMS keys (target: < 200 ms).
//!
//! Run with `cargo bench --bench posture`.

use chrono::TimeZone;
use criterion::{Criterion, criterion_group, criterion_main};
use rampart::model::{
    Alarm, AlarmState, Channel, Compliance, ComplianceStatus, DataOrigin, DatasetKind, Estate,
    EstateMeta, Finding, KeyManager, KeyState, KmsKey, LoadState, NativeSeverity, Provenance,
    RawJson, RecordState, Resource, Rotation, Route, RouteTable, RouteTableAssociation,
    RouteTarget, SecurityGroup, Severity, SgPeer, SgRule, Source, Subnet, Timestamp, Vpc,
    WorkflowStatus,
};
use std::collections::BTreeMap;
use std::hint::black_box;

const ACCOUNT: &str = "111122223333";
const REGIONS: [&str; 4] = ["eu-west-1", "eu-west-2", "us-east-1", "ap-southeast-2"];
const STANDARDS: [&str; 3] = [
    "standards/aws-foundational-security-best-practices/v/1.0.0",
    "standards/cis-aws-foundations-benchmark/v/3.0.0",
    "standards/nist-800-53/v/5.0.0",
];
const SERVICES: [&str; 12] = [
    "EC2",
    "S3",
    "IAM",
    "KMS",
    "RDS",
    "CloudTrail",
    "ELB",
    "Lambda",
    "SSM",
    "DynamoDB",
    "ECS",
    "CloudWatch",
];

fn now() -> Timestamp {
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .unwrap_or_default()
}

fn finding(i: usize) -> Finding {
    let region = REGIONS[i % REGIONS.len()];
    let (source, compliance, severity) = match i % 10 {
        0..=7 => {
            let control = format!("{}.{}", SERVICES[i % SERVICES.len()], (i / 12) % 50 + 1);
            // About a quarter of the controls fail somewhere; the rest pass
            // or, now and then, cannot be evaluated.
            let status = match ((i / 12) % 50 % 4, i % 7) {
                (0, 0 | 1) => ComplianceStatus::Failed,
                (1, 2) => ComplianceStatus::Warning,
                _ => ComplianceStatus::Passed,
            };
            let standards = STANDARDS[..1 + i % 3]
                .iter()
                .map(|s| s.to_string())
                .collect();
            let sev = if status == ComplianceStatus::Failed {
                Severity::High
            } else {
                Severity::Informational
            };
            (
                Source::SecurityHub,
                Some(Compliance {
                    status: Some(status),
                    security_control_id: Some(control),
                    associated_standards: standards,
                    consolidated: true,
                    ..Compliance::default()
                }),
                sev,
            )
        }
        8 => (Source::GuardDuty, None, Severity::Medium),
        _ => (Source::Inspector, None, Severity::Low),
    };
    let id = format!("arn:aws:securityhub:{region}:{ACCOUNT}:finding/{i:08}");
    Finding {
        id: id.clone(),
        source,
        product_name: source.label().to_string(),
        title: format!("Finding {i}"),
        description: String::new(),
        finding_type: "Software and Configuration Checks".to_string(),
        types: Vec::new(),
        generator_id: None,
        severity,
        native_severity: NativeSeverity::Asff {
            label: None,
            normalized: None,
            original: None,
        },
        workflow: if i.is_multiple_of(50) {
            WorkflowStatus::Suppressed
        } else {
            WorkflowStatus::New
        },
        record_state: if i.is_multiple_of(97) {
            RecordState::Archived
        } else {
            RecordState::Active
        },
        compliance,
        resources: vec![Resource {
            resource_type: "AwsS3Bucket".to_string(),
            id: format!("arn:aws:s3:::bucket-{}", i % 5000),
            ..Resource::default()
        }],
        remediation: None,
        account_id: ACCOUNT.to_string(),
        region: region.to_string(),
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![Provenance {
            channel: Channel::SecurityHub,
            product_arn: None,
            product_name: None,
            native_id: id,
            native_arn: None,
            account_id: ACCOUNT.to_string(),
            region: region.to_string(),
            raw: RawJson::empty(),
        }],
    }
}

fn key(i: usize) -> KmsKey {
    let region = REGIONS[i % REGIONS.len()];
    let id = format!("{i:08}-0000-4000-8000-000000000000");
    let policy = match i % 4 {
        0 => r#"{"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#.to_string(),
        1 => r#"{"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},{"Sid":"Via","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Encrypt","kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"s3.eu-west-2.amazonaws.com"}}}]}"#.to_string(),
        2 => r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringLike":{"kms:ViaService":"sqs.*"}}}]}"#.to_string(),
        _ => r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root"]},"Action":"kms:Decrypt","Resource":"*"}]}"#.to_string(),
    };
    KmsKey {
        key_id: id.clone(),
        arn: format!("arn:aws:kms:{region}:{ACCOUNT}:key/{id}"),
        account_id: ACCOUNT.to_string(),
        region: region.to_string(),
        aliases: vec![format!("alias/app-{i}-s3")],
        manager: if i.is_multiple_of(10) {
            KeyManager::Aws
        } else {
            KeyManager::Customer
        },
        spec: "SYMMETRIC_DEFAULT".to_string(),
        usage: "ENCRYPT_DECRYPT".to_string(),
        origin: "AWS_KMS".to_string(),
        state: if i % 100 == 1 {
            KeyState::PendingDeletion
        } else {
            KeyState::Enabled
        },
        description: String::new(),
        created_at: None,
        deletion_date: Some(now() + chrono::Duration::days(9)),
        multi_region: false,
        rotation: Rotation {
            enabled: Some(!i.is_multiple_of(3)),
            period_days: Some(365),
            next_rotation: None,
        },
        policy: Some(policy),
        tags: BTreeMap::new(),
    }
}

fn network(e: &mut Estate) {
    for v in 0..50 {
        let region = REGIONS[v % REGIONS.len()];
        let vpc_id = format!("vpc-{v:04}");
        e.vpcs.push(Vpc {
            vpc_id: vpc_id.clone(),
            account_id: ACCOUNT.to_string(),
            region: region.to_string(),
            cidr_blocks: vec![format!("10.{}.0.0/16", v % 40)],
            ipv6_cidr_blocks: Vec::new(),
            is_default: false,
            tags: BTreeMap::new(),
        });
        let target = match v % 3 {
            0 => RouteTarget::InternetGateway(format!("igw-{v}")),
            1 => RouteTarget::NatGateway(format!("nat-{v}")),
            _ => RouteTarget::TransitGateway("tgw-1".to_string()),
        };
        e.route_tables.push(RouteTable {
            route_table_id: format!("rtb-{v:04}"),
            vpc_id: vpc_id.clone(),
            account_id: ACCOUNT.to_string(),
            region: region.to_string(),
            routes: vec![Route {
                destination: "0.0.0.0/0".to_string(),
                target,
                active: true,
            }],
            associations: vec![RouteTableAssociation {
                subnet_id: None,
                gateway_id: None,
                main: true,
            }],
            tags: BTreeMap::new(),
        });
        for s in 0..4 {
            e.subnets.push(Subnet {
                subnet_id: format!("subnet-{v:04}-{s}"),
                vpc_id: vpc_id.clone(),
                account_id: ACCOUNT.to_string(),
                region: region.to_string(),
                cidr_block: format!("10.{}.{s}.0/24", v % 40),
                ipv6_cidr_block: None,
                availability_zone: format!("{region}a"),
                map_public_ip_on_launch: false,
                tags: BTreeMap::new(),
            });
        }
        for g in 0..6 {
            e.security_groups.push(SecurityGroup {
                group_id: format!("sg-{v:04}{g}"),
                group_name: if g == 0 {
                    "default".to_string()
                } else {
                    format!("app-{g}")
                },
                vpc_id: vpc_id.clone(),
                account_id: ACCOUNT.to_string(),
                region: region.to_string(),
                description: String::new(),
                ingress: vec![SgRule {
                    protocol: "tcp".to_string(),
                    from_port: Some(if g % 2 == 0 { 443 } else { 22 }),
                    to_port: Some(if g % 2 == 0 { 443 } else { 22 }),
                    peer: SgPeer::Ipv4("0.0.0.0/0".to_string()),
                    description: None,
                }],
                egress: Vec::new(),
                tags: BTreeMap::new(),
            });
        }
    }
}

fn alarms(e: &mut Estate) {
    for i in 0..200 {
        let region = REGIONS[i % REGIONS.len()];
        let name = if i < 10 {
            format!("CIS-{i}-RootAccountUsage")
        } else {
            format!("app-alarm-{i}")
        };
        e.alarms.push(Alarm {
            arn: format!("arn:aws:cloudwatch:{region}:{ACCOUNT}:alarm:{name}"),
            name,
            account_id: ACCOUNT.to_string(),
            region: region.to_string(),
            description: String::new(),
            namespace: "AWS/EC2".to_string(),
            metric_name: "CPUUtilization".to_string(),
            dimensions: BTreeMap::new(),
            statistic: None,
            period_seconds: None,
            evaluation_periods: None,
            threshold: None,
            comparison: String::new(),
            state: [
                AlarmState::Ok,
                AlarmState::Alarm,
                AlarmState::InsufficientData,
            ][i % 3],
            state_reason: String::new(),
            state_updated: Some(now() - chrono::Duration::days(3)),
            actions_enabled: true,
            alarm_actions: if i.is_multiple_of(5) {
                Vec::new()
            } else {
                vec!["arn:aws:sns:eu-west-2:111122223333:ops".to_string()]
            },
            ok_actions: Vec::new(),
            insufficient_data_actions: Vec::new(),
        });
    }
}

fn estate() -> Estate {
    let mut meta = EstateMeta::new(DataOrigin::Demo, now());
    meta.accounts = vec![ACCOUNT.to_string()];
    meta.regions = REGIONS.iter().map(|r| r.to_string()).collect();
    let mut e = Estate::empty(meta);
    for kind in DatasetKind::ALL {
        for region in REGIONS {
            e.set_load(
                kind,
                Some(ACCOUNT),
                Some(region),
                LoadState::Loaded { at: now() },
            );
        }
    }
    e.findings = (0..100_000).map(finding).collect();
    e.kms_keys = (0..1_000).map(key).collect();
    network(&mut e);
    alarms(&mut e);
    e
}

fn bench(c: &mut Criterion) {
    let e = estate();
    let p = rampart::posture::assess(&e, now());
    eprintln!(
        "posture: {} controls, {} checks, score {:?}",
        p.controls.len(),
        p.checks.len(),
        p.scores.summary.percent
    );
    let mut group = c.benchmark_group("posture");
    group.sample_size(20);
    group.bench_function("assess_100k_findings_1k_keys", |b| {
        b.iter(|| rampart::posture::assess(black_box(&e), now()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
