//! Counts, determinism, load records and provenance of the demo estate.

use super::*;
use crate::model::{
    AlarmState, Channel, EndpointType, KeyManager, LoadState, RecordState, Severity, Source,
    WorkflowStatus,
};
use std::collections::BTreeSet;

#[test]
fn is_deterministic() {
    let a = estate();
    let b = estate();
    assert_eq!(a, b);
    let ja = serde_json::to_string(&a).expect("serialise");
    let jb = serde_json::to_string(&b).expect("serialise");
    assert_eq!(ja, jb);
}

#[test]
fn round_trips_through_json() {
    let e = estate();
    let text = serde_json::to_string(&e).expect("serialise");
    let back: Estate = serde_json::from_str(&text).expect("parse");
    assert_eq!(e, back);
}

#[test]
fn meta_and_every_dataset_loaded_in_both_regions() {
    let e = estate();
    assert_eq!(e.meta.origin, DataOrigin::Demo);
    assert_eq!(e.meta.captured_at, now());
    assert_eq!(e.meta.regions, ["eu-west-2", "eu-west-1"]);
    assert_eq!(e.meta.accounts, [ACCOUNT_ID, MEMBER_ACCOUNT_ID]);
    let caller = e.meta.caller.as_ref().expect("caller");
    assert_eq!(
        caller.arn,
        "arn:aws:sts::111122223333:assumed-role/SecurityAudit/rampart"
    );
    assert_eq!(e.loads.len(), DatasetKind::ALL.len() * 2);
    for dataset in DatasetKind::ALL {
        for region in REGIONS {
            assert!(e.loads.iter().any(|l| l.dataset == dataset
                && l.region.as_deref() == Some(region)
                && l.state == LoadState::Loaded { at: now() }));
        }
        assert!(e.status(dataset).is_complete(), "{dataset}");
    }
}

#[test]
fn exact_counts() {
    let e = estate();
    assert_eq!(e.kms_keys.len(), 36);
    assert!(e.kms_keys.iter().all(|k| k.manager == KeyManager::Customer
        && k.spec == "SYMMETRIC_DEFAULT"
        && k.usage == "ENCRYPT_DECRYPT"
        && k.origin == "AWS_KMS"));
    assert_eq!(e.vpcs.len(), 4);
    assert_eq!(e.vpc_endpoints.len(), 33);
    let gateway = e
        .vpc_endpoints
        .iter()
        .filter(|v| v.endpoint_type == EndpointType::Gateway)
        .count();
    let interface = e
        .vpc_endpoints
        .iter()
        .filter(|v| v.endpoint_type == EndpointType::Interface)
        .count();
    assert_eq!((gateway, interface), (8, 25));
    assert_eq!(e.log_groups.len(), 41);
    assert_eq!(e.alarms.len(), 111);
    let regions: BTreeSet<&str> = e.kms_keys.iter().map(|k| k.region.as_str()).collect();
    assert_eq!(regions.len(), 2);
    assert_eq!(e.standards.len(), 8);
    assert_eq!(e.controls.len(), 2 * controls::CONTROLS.len());
    assert_eq!(e.subnets.len(), 30);
    assert_eq!(e.internet_gateways.len(), 1);
    assert_eq!(e.nat_gateways.len(), 3);
    assert_eq!(e.flow_logs.len(), 3);
}

#[test]
fn thirteen_stacks_are_tagged() {
    let e = estate();
    let mut maps = Vec::new();
    maps.extend(e.kms_keys.iter().map(|x| &x.tags));
    maps.extend(e.vpcs.iter().map(|x| &x.tags));
    maps.extend(e.subnets.iter().map(|x| &x.tags));
    maps.extend(e.route_tables.iter().map(|x| &x.tags));
    maps.extend(e.vpc_endpoints.iter().map(|x| &x.tags));
    maps.extend(e.security_groups.iter().map(|x| &x.tags));
    maps.extend(e.network_acls.iter().map(|x| &x.tags));
    maps.extend(e.internet_gateways.iter().map(|x| &x.tags));
    maps.extend(e.nat_gateways.iter().map(|x| &x.tags));
    let stacks: BTreeSet<&str> = maps
        .iter()
        .filter_map(|t| t.get(tags::STACK_TAG).map(String::as_str))
        .collect();
    assert_eq!(stacks, STACKS.iter().copied().collect());
    for t in maps {
        assert_eq!(t.get(tags::STACK_TAG), t.get("Stack"));
    }
}

#[test]
fn vpcs_have_the_designed_cidrs_and_the_overlap() {
    let e = estate();
    let cidr = |name: &str| {
        e.vpcs
            .iter()
            .find(|v| v.name() == name)
            .map(|v| (v.cidr_blocks.clone(), v.region.clone()))
            .expect(name)
    };
    assert_eq!(
        cidr("Primary"),
        (vec!["10.1.0.0/16".to_string()], "eu-west-2".to_string())
    );
    assert_eq!(
        cidr("Isolated"),
        (vec!["10.2.0.0/16".to_string()], "eu-west-2".to_string())
    );
    assert_eq!(
        cidr("Replication Security"),
        (vec!["10.12.0.0/16".to_string()], "eu-west-1".to_string())
    );
    assert_eq!(cidr("S3-DynamoDB Processor"), cidr("Isolated"));
}

#[test]
fn ids_are_unique() {
    let e = estate();
    fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) {
        let all: Vec<&str> = ids.collect();
        let set: BTreeSet<&str> = all.iter().copied().collect();
        assert_eq!(all.len(), set.len(), "duplicate {what}");
    }
    unique("key", e.kms_keys.iter().map(|k| k.key_id.as_str()));
    unique(
        "alias",
        e.kms_keys
            .iter()
            .flat_map(|k| k.aliases.iter().map(String::as_str)),
    );
    unique("vpc", e.vpcs.iter().map(|x| x.vpc_id.as_str()));
    unique("subnet", e.subnets.iter().map(|x| x.subnet_id.as_str()));
    unique(
        "rtb",
        e.route_tables.iter().map(|x| x.route_table_id.as_str()),
    );
    unique(
        "vpce",
        e.vpc_endpoints.iter().map(|x| x.vpc_endpoint_id.as_str()),
    );
    unique("sg", e.security_groups.iter().map(|x| x.group_id.as_str()));
    unique(
        "acl",
        e.network_acls.iter().map(|x| x.network_acl_id.as_str()),
    );
    unique("log group", e.log_groups.iter().map(|x| x.arn.as_str()));
    unique("alarm", e.alarms.iter().map(|x| x.arn.as_str()));
    unique("finding", e.findings.iter().map(|x| x.id.as_str()));
}

#[test]
fn findings_come_from_all_three_sources() {
    let e = estate();
    for source in [Source::SecurityHub, Source::GuardDuty, Source::Macie] {
        assert!(e.findings.iter().any(|f| f.source == source), "{source}");
    }
}

#[test]
fn every_finding_has_parseable_provenance() {
    let e = estate();
    for f in &e.findings {
        assert!(!f.provenances.is_empty(), "{}", f.id);
        for p in &f.provenances {
            let v: serde_json::Value = serde_json::from_str(p.raw.text()).expect("raw parses");
            assert!(v.is_object(), "{}", f.id);
            assert_eq!(p.account_id, f.account_id);
            assert_eq!(p.region, f.region);
            if p.channel == Channel::SecurityHub {
                assert_eq!(v["Id"], serde_json::json!(p.native_id));
                assert_eq!(v["ProductArn"], serde_json::json!(p.product_arn));
                assert_eq!(
                    v["Workflow"]["Status"],
                    serde_json::json!(f.workflow.as_str())
                );
                assert_eq!(v["RecordState"], serde_json::json!(f.record_state.as_str()));
            }
        }
        assert!(!f.resources.is_empty(), "{}", f.id);
    }
}

#[test]
fn guardduty_findings_arrive_through_both_channels() {
    let e = estate();
    let gd: Vec<_> = e
        .findings
        .iter()
        .filter(|f| f.source == Source::GuardDuty)
        .collect();
    assert!(gd.len() >= 8);
    for f in gd {
        assert!(f.has_channel(Channel::GuardDuty) && f.has_channel(Channel::SecurityHub));
        let native = f
            .provenances
            .iter()
            .find(|p| p.channel == Channel::GuardDuty)
            .expect("gd");
        let hub = f
            .provenances
            .iter()
            .find(|p| p.channel == Channel::SecurityHub)
            .expect("sh");
        let arn = native.native_arn.as_deref().expect("arn");
        assert!(arn.starts_with(&format!(
            "arn:aws:guardduty:{}:{}:detector/",
            f.region, f.account_id
        )));
        assert!(arn.ends_with(&format!("/finding/{}", f.id)));
        assert_eq!(hub.native_id, arn);
        assert_eq!(
            hub.product_arn.as_deref(),
            Some(format!("arn:aws:securityhub:{}::product/aws/guardduty", f.region).as_str())
        );
        let raw = native.raw.to_value();
        assert_eq!(raw["type"], serde_json::json!(f.finding_type));
        assert_eq!(
            raw["service"]["archived"],
            serde_json::json!(f.is_archived())
        );
        assert_eq!(
            Severity::from_guardduty(raw["severity"].as_f64().expect("score")),
            f.severity
        );
    }
}

#[test]
fn macie_policy_findings_are_also_in_security_hub() {
    let e = estate();
    let macie: Vec<_> = e
        .findings
        .iter()
        .filter(|f| f.source == Source::Macie)
        .collect();
    assert!(macie.iter().any(|f| {
        f.finding_type
            .starts_with("SensitiveData:S3Object/Personal")
    }));
    assert!(macie.iter().any(|f| {
        f.finding_type
            .starts_with("SensitiveData:S3Object/Credentials")
    }));
    for f in macie {
        let policy = f.finding_type.starts_with("Policy:");
        assert_eq!(
            f.has_channel(Channel::SecurityHub),
            policy,
            "{}",
            f.finding_type
        );
        assert!(f.has_channel(Channel::Macie));
    }
}

#[test]
fn alarm_states_and_control_findings_look_real() {
    let e = estate();
    for state in AlarmState::ALL {
        assert!(e.alarms.iter().any(|a| a.state == state), "{state:?}");
    }
    let ok = e
        .alarms
        .iter()
        .filter(|a| a.state == AlarmState::Ok)
        .count();
    assert!(ok > 100);
    for f in e
        .findings
        .iter()
        .filter(|f| f.source == Source::SecurityHub)
    {
        let c = f.compliance.as_ref().expect("compliance");
        let id = c.security_control_id.as_deref().expect("control id");
        assert!(c.consolidated);
        assert_eq!(
            f.generator_id.as_deref(),
            Some(format!("security-control/{id}").as_str())
        );
        assert!(f.id.contains(&format!(":security-control/{id}/finding/")));
        assert!(!c.associated_standards.is_empty());
        assert!(
            c.associated_standards
                .iter()
                .all(|s| s.starts_with("standards/"))
        );
        match c.status {
            Some(crate::model::ComplianceStatus::Passed) => {
                assert_eq!(f.severity, Severity::Informational);
                assert_eq!(f.workflow, WorkflowStatus::Resolved);
            }
            Some(crate::model::ComplianceStatus::Failed) => {
                assert!(f.severity >= Severity::Low);
            }
            _ => assert_eq!(f.severity, Severity::Informational),
        }
    }
    assert!(
        e.findings
            .iter()
            .any(|f| f.record_state == RecordState::Archived)
    );
}

#[test]
fn builds_quickly() {
    let start = std::time::Instant::now();
    let e = estate();
    let took = start.elapsed();
    assert!(!e.findings.is_empty());
    // Release builds take a few milliseconds; this bound leaves room for
    // unoptimised test builds on a busy machine.
    assert!(took.as_millis() < 2000, "estate() took {took:?}");
}
