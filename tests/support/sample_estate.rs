//! A hand-built estate with every dataset filled, odd timestamps,
//! fractional numbers and text that needs escaping.

use chrono::TimeZone;
use rampart::model::*;
use std::collections::BTreeMap;

fn at(secs: i64, nanos: u32) -> Timestamp {
    chrono::Utc
        .timestamp_opt(secs, nanos)
        .single()
        .expect("valid time")
}

fn tags(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// An estate with every dataset filled, odd timestamps and fractional numbers.
pub fn estate() -> Estate {
    let mut meta = EstateMeta::new(DataOrigin::Demo, at(1_793_000_000, 123_456_789));
    meta.caller = Some(CallerIdentity {
        account_id: "111122223333".into(),
        arn: "arn:aws:iam::111122223333:user/alice".into(),
        user_id: "AIDAEXAMPLE".into(),
    });
    meta.accounts = vec!["111122223333".into()];
    meta.regions = vec!["eu-west-2".into(), "us-east-1".into()];
    meta.aggregator_region = Some("eu-west-2".into());
    let mut e = Estate::empty(meta);
    e.set_load(
        DatasetKind::KmsKeys,
        Some("111122223333"),
        Some("eu-west-2"),
        LoadState::Loaded {
            at: at(1_793_000_001, 1),
        },
    );
    e.set_load(
        DatasetKind::Vpcs,
        None,
        Some("us-east-1"),
        LoadState::AccessDenied {
            action: "ec2:DescribeVpcs".into(),
            message: "denied \"quoted\"".into(),
        },
    );
    e.set_load(
        DatasetKind::Alarms,
        None,
        None,
        LoadState::Failed {
            reason: "timeout".into(),
        },
    );
    e.findings.push(Finding {
        id: "7ac2f3b0".into(),
        source: Source::GuardDuty,
        product_name: "GuardDuty".into(),
        title: "Bitcoin tool — ünïcode ✓".into(),
        description: "line one\nline two".into(),
        finding_type: "CryptoCurrency:EC2/BitcoinTool.B!DNS".into(),
        types: vec!["CryptoCurrency:EC2/BitcoinTool.B!DNS".into()],
        generator_id: Some("arn:aws:guardduty:eu-west-2:111122223333:detector/d".into()),
        severity: Severity::High,
        native_severity: NativeSeverity::GuardDuty { score: 7.3 },
        workflow: WorkflowStatus::Notified,
        record_state: RecordState::Active,
        compliance: Some(Compliance {
            status: Some(ComplianceStatus::Warning),
            security_control_id: Some("EC2.19".into()),
            associated_standards: vec![
                "standards/aws-foundational-security-best-practices/v/1.0.0".into(),
            ],
            related_requirements: vec!["NIST.800-53.r5 SC-7".into()],
            status_reasons: vec!["CONFIG_EVALUATIONS_EMPTY".into()],
            consolidated: true,
        }),
        resources: vec![Resource {
            resource_type: "AwsEc2Instance".into(),
            id: "arn:aws:ec2:eu-west-2:111122223333:instance/i-0abc".into(),
            region: Some("eu-west-2".into()),
            partition: Some("aws".into()),
            tags: tags(&[("Name", "web-1"), ("env", "prod")]),
        }],
        remediation: Some(Remediation {
            text: Some("Fix it".into()),
            url: Some("https://example.invalid/fix".into()),
        }),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        first_seen: Some(at(1_790_000_000, 1)),
        last_seen: Some(at(1_790_000_100, 999_999_999)),
        created_at: Some(at(1_790_000_000, 500_000_000)),
        updated_at: Some(at(1_790_000_200, 0)),
        provenances: vec![
            Provenance {
                channel: Channel::GuardDuty,
                product_arn: None,
                product_name: Some("GuardDuty".into()),
                native_id: "7ac2f3b0".into(),
                native_arn: Some(
                    "arn:aws:guardduty:eu-west-2:111122223333:detector/d/finding/7ac2f3b0".into(),
                ),
                account_id: "111122223333".into(),
                region: "eu-west-2".into(),
                raw: RawJson::from_text("{ \"Severity\" : 7.30, \"Id\":\"7ac2f3b0\" }".into()),
            },
            Provenance {
                channel: Channel::SecurityHub,
                product_arn: Some("arn:aws:securityhub:eu-west-2::product/aws/guardduty".into()),
                product_name: Some("GuardDuty".into()),
                native_id: "arn:aws:guardduty:eu-west-2:111122223333:detector/d/finding/7ac2f3b0"
                    .into(),
                native_arn: Some(
                    "arn:aws:guardduty:eu-west-2:111122223333:detector/d/finding/7ac2f3b0".into(),
                ),
                account_id: "111122223333".into(),
                region: "eu-west-2".into(),
                raw: RawJson::from_value(
                    &serde_json::json!({"Severity": {"Label": "HIGH", "Normalized": 70}}),
                ),
            },
        ],
    });
    e.findings.push(Finding {
        id: "macie-1".into(),
        source: Source::Macie,
        product_name: "Macie".into(),
        title: "Public bucket".into(),
        description: String::new(),
        finding_type: "Policy:IAMUser/S3BucketPublic".into(),
        types: vec![],
        generator_id: None,
        severity: Severity::Low,
        native_severity: NativeSeverity::Macie {
            description: "Low".into(),
            score: Some(1.0),
        },
        workflow: WorkflowStatus::New,
        record_state: RecordState::Archived,
        compliance: None,
        resources: vec![],
        remediation: None,
        account_id: "111122223333".into(),
        region: "us-east-1".into(),
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![Provenance {
            channel: Channel::Macie,
            product_arn: None,
            product_name: None,
            native_id: "macie-1".into(),
            native_arn: None,
            account_id: "111122223333".into(),
            region: "us-east-1".into(),
            raw: RawJson::empty(),
        }],
    });
    e.standards.push(Standard {
        arn: "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0".into(),
        standards_id: "standards/aws-foundational-security-best-practices/v/1.0.0".into(),
        name: "AWS Foundational Security Best Practices".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        status: "READY".into(),
    });
    e.controls.push(Control {
        control_id: "KMS.4".into(),
        title: "KMS key rotation should be enabled".into(),
        description: "d".into(),
        severity: Severity::Medium,
        remediation_url: Some("https://example.invalid/kms4".into()),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        associations: vec![ControlAssociation {
            standards_id: "standards/aws-foundational-security-best-practices/v/1.0.0".into(),
            enabled: true,
            standard_control_id: Some("KMS.4".into()),
        }],
    });
    e.kms_keys.push(KmsKey {
        key_id: "1234abcd".into(),
        arn: "arn:aws:kms:eu-west-2:111122223333:key/1234abcd".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        aliases: vec!["alias/payments".into()],
        manager: KeyManager::Customer,
        spec: "SYMMETRIC_DEFAULT".into(),
        usage: "ENCRYPT_DECRYPT".into(),
        origin: "AWS_KMS".into(),
        state: KeyState::Other("SomethingNew".into()),
        description: "payments key".into(),
        created_at: Some(at(1_700_000_000, 42)),
        deletion_date: None,
        multi_region: true,
        rotation: Rotation {
            enabled: Some(true),
            period_days: Some(365),
            next_rotation: Some(at(1_800_000_000, 0)),
        },
        policy: Some("{\"Version\":\"2012-10-17\"}".into()),
        tags: tags(&[("team", "payments")]),
    });
    e.vpcs.push(Vpc {
        vpc_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        cidr_blocks: vec!["10.0.0.0/16".into()],
        ipv6_cidr_blocks: vec!["2001:db8::/56".into()],
        is_default: false,
        tags: tags(&[("Name", "main")]),
    });
    e.subnets.push(Subnet {
        subnet_id: "subnet-1".into(),
        vpc_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        cidr_block: "10.0.1.0/24".into(),
        ipv6_cidr_block: None,
        availability_zone: "eu-west-2a".into(),
        map_public_ip_on_launch: true,
        tags: BTreeMap::new(),
    });
    e.route_tables.push(RouteTable {
        route_table_id: "rtb-1".into(),
        vpc_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        routes: vec![
            Route {
                destination: "10.0.0.0/16".into(),
                target: RouteTarget::Local,
                active: true,
            },
            Route {
                destination: "0.0.0.0/0".into(),
                target: RouteTarget::InternetGateway("igw-1".into()),
                active: false,
            },
        ],
        associations: vec![RouteTableAssociation {
            subnet_id: Some("subnet-1".into()),
            gateway_id: None,
            main: true,
        }],
        tags: BTreeMap::new(),
    });
    e.internet_gateways.push(InternetGateway {
        internet_gateway_id: "igw-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        attached_vpcs: vec!["vpc-1".into()],
        tags: BTreeMap::new(),
    });
    e.nat_gateways.push(NatGateway {
        nat_gateway_id: "nat-1".into(),
        vpc_id: "vpc-1".into(),
        subnet_id: "subnet-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        state: "available".into(),
        connectivity_type: "public".into(),
        tags: BTreeMap::new(),
    });
    e.vpc_endpoints.push(VpcEndpoint {
        vpc_endpoint_id: "vpce-1".into(),
        vpc_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        service_name: "com.amazonaws.eu-west-2.s3".into(),
        endpoint_type: EndpointType::Gateway,
        state: "available".into(),
        policy: Some("{}".into()),
        route_table_ids: vec!["rtb-1".into()],
        subnet_ids: vec![],
        security_group_ids: vec![],
        private_dns_enabled: false,
        tags: BTreeMap::new(),
    });
    e.security_groups.push(SecurityGroup {
        group_id: "sg-1".into(),
        group_name: "default".into(),
        vpc_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        description: "default group".into(),
        ingress: vec![SgRule {
            protocol: "tcp".into(),
            from_port: Some(22),
            to_port: Some(22),
            peer: SgPeer::Ipv4("0.0.0.0/0".into()),
            description: Some("ssh".into()),
        }],
        egress: vec![SgRule {
            protocol: "-1".into(),
            from_port: None,
            to_port: None,
            peer: SgPeer::Ipv6("::/0".into()),
            description: None,
        }],
        tags: BTreeMap::new(),
    });
    e.network_acls.push(NetworkAcl {
        network_acl_id: "acl-1".into(),
        vpc_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        is_default: true,
        entries: vec![NaclEntry {
            rule_number: 100,
            egress: false,
            protocol: "-1".into(),
            action: RuleAction::Allow,
            cidr_block: Some("0.0.0.0/0".into()),
            ipv6_cidr_block: None,
            port_from: None,
            port_to: None,
        }],
        subnet_ids: vec!["subnet-1".into()],
        tags: BTreeMap::new(),
    });
    e.flow_logs.push(FlowLog {
        flow_log_id: "fl-1".into(),
        resource_id: "vpc-1".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        traffic_type: "ALL".into(),
        destination_type: "cloud-watch-logs".into(),
        destination: "arn:aws:logs:eu-west-2:111122223333:log-group:flow".into(),
        status: "ACTIVE".into(),
    });
    e.log_groups.push(LogGroup {
        name: "flow".into(),
        arn: "arn:aws:logs:eu-west-2:111122223333:log-group:flow".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        retention_days: Some(365),
        kms_key_id: None,
        stored_bytes: 123_456_789_012,
        created_at: Some(at(1_600_000_000, 7)),
    });
    e.alarms.push(Alarm {
        name: "root-login".into(),
        arn: "arn:aws:cloudwatch:eu-west-2:111122223333:alarm:root-login".into(),
        account_id: "111122223333".into(),
        region: "eu-west-2".into(),
        description: "Root account used".into(),
        namespace: "CloudTrailMetrics".into(),
        metric_name: "RootAccountUsage".into(),
        dimensions: tags(&[("Env", "prod")]),
        statistic: Some("Sum".into()),
        period_seconds: Some(300),
        evaluation_periods: Some(1),
        threshold: Some(0.5),
        comparison: "GreaterThanOrEqualToThreshold".into(),
        state: AlarmState::InsufficientData,
        state_reason: "no data".into(),
        state_updated: Some(at(1_792_000_000, 10)),
        actions_enabled: false,
        alarm_actions: vec!["arn:aws:sns:eu-west-2:111122223333:ops".into()],
        ok_actions: vec![],
        insufficient_data_actions: vec![],
    });
    e.attestations.push(Attestation {
        requirement_id: "e8/restrict-office-macros/ml1".into(),
        status: AttestationStatus::Partial,
        note: "GPO rolled out to 80%".into(),
        by: "alice".into(),
        at: at(1_792_500_000, 0),
    });
    e
}
