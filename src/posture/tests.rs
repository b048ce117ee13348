//! End-to-end tests of `assess` on small hand-made estates.

use super::*;
use crate::model::{AlarmState, ComplianceStatus, FlowLog, KeyState, RouteTarget, SgPeer, Source};
use crate::posture::fixtures::*;

fn drift_estate() -> Estate {
    let mut e = estate();
    load(&mut e, &DatasetKind::ALL);
    let mut no_rotation = key("k-norot");
    no_rotation.aliases = vec!["alias/app-data".into()];
    no_rotation.rotation.enabled = Some(false);
    let mut doomed = key("k-doomed");
    doomed.state = KeyState::PendingDeletion;
    doomed.deletion_date = Some(ts() + chrono::Duration::days(7));
    let mut public = key("k-public");
    public.policy = Some(
        r#"{"Statement":[{"Sid":"Open","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}"#.into(),
    );
    e.kms_keys = vec![no_rotation, doomed, public, key("k-fine")];
    e.vpcs = vec![
        vpc("vpc-logged", "10.0.0.0/16"),
        vpc("vpc-dark", "10.1.0.0/16"),
    ];
    e.subnets = vec![subnet("subnet-1", "vpc-logged")];
    e.route_tables = vec![route_table(
        "rtb-1",
        "vpc-logged",
        vec![route(
            "0.0.0.0/0",
            RouteTarget::InternetGateway("igw-1".into()),
        )],
        &[],
        true,
    )];
    e.flow_logs = vec![FlowLog {
        flow_log_id: "fl-1".into(),
        resource_id: "vpc-logged".into(),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        traffic_type: "ALL".into(),
        destination_type: "cloud-watch-logs".into(),
        destination: String::new(),
        status: "ACTIVE".into(),
    }];
    e.security_groups = vec![sg(
        "sg-ssh",
        "vpc-logged",
        vec![rule(
            "tcp",
            Some(22),
            Some(22),
            SgPeer::Ipv4("0.0.0.0/0".into()),
        )],
    )];
    let firing = alarm(
        "CIS-RootAccountUsage",
        "RootAccountUsage",
        AlarmState::Alarm,
    );
    let mut stuck = alarm(
        "UnauthorizedAPICalls",
        "UnauthorizedAPICalls",
        AlarmState::InsufficientData,
    );
    stuck.state_updated = Some(ts() - chrono::Duration::days(2));
    e.alarms = vec![firing, stuck];
    e.findings = vec![
        control_finding("sh-1", "KMS.4", ComplianceStatus::Failed, &[FSBP]),
        control_finding("sh-2", "S3.1", ComplianceStatus::Passed, &[FSBP]),
    ];
    e
}

fn ids_with(p: &Posture, prefix: &str) -> Vec<String> {
    p.checks
        .iter()
        .filter(|f| f.id.starts_with(prefix))
        .map(|f| f.id.clone())
        .collect()
}

#[test]
fn every_planted_drift_item_is_a_rampart_finding() {
    let p = assess(&drift_estate(), ts());
    let key_arn = |id: &str| format!("arn:aws:kms:{REGION}:{ACCOUNT}:key/{id}");
    let sg_arn = format!("arn:aws:ec2:{REGION}:{ACCOUNT}:security-group/sg-ssh");
    let expected = [
        format!("rampart/kms-rotation/{}", key_arn("k-norot")),
        format!("rampart/kms-pending-deletion/{}", key_arn("k-doomed")),
        format!("rampart/kms-public-policy/{}", key_arn("k-public")),
        format!("rampart/vpc-flow-logs/arn:aws:ec2:{REGION}:{ACCOUNT}:vpc/vpc-dark"),
        format!("rampart/sg-open-ssh/{sg_arn}"),
        format!("rampart/sg-open-high-risk-port/{sg_arn}"),
        format!(
            "rampart/security-alarm-firing/arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:CIS-RootAccountUsage"
        ),
        format!(
            "rampart/alarm-insufficient-data/arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:UnauthorizedAPICalls"
        ),
        format!("rampart/cis-alarm-missing/CloudWatch.3/{ACCOUNT}"),
    ];
    for id in &expected {
        assert!(
            p.checks.iter().any(|f| f.id == *id),
            "missing {id}; have {:#?}",
            p.checks.iter().map(|f| &f.id).collect::<Vec<_>>()
        );
    }
    assert!(
        ids_with(&p, "rampart/vpc-flow-logs/").len() == 1,
        "the logged VPC passes"
    );
    assert!(
        ids_with(&p, "rampart/kms-rotation/").len() == 1,
        "only the key with rotation off"
    );
    // 14 CIS alarms, two present.
    assert_eq!(ids_with(&p, "rampart/cis-alarm-missing/").len(), 12);
    let by_id = |id: &str| p.checks.iter().find(|f| f.id == id);
    let ssh = by_id(&expected[4]).expect("ssh finding");
    assert_eq!(ssh.control_id(), Some("EC2.13"));
    assert_eq!(ssh.resources[0].resource_type, "AwsEc2SecurityGroup");
    let doomed = by_id(&expected[1]).expect("deletion finding");
    assert_eq!(doomed.severity, crate::model::Severity::Critical);
    assert!(doomed.title.contains("in 7 day(s)"), "{}", doomed.title);
    assert_eq!(
        by_id(&expected[8]).and_then(|f| f.control_id()),
        Some("CloudWatch.3")
    );
    assert!(p.checks.iter().all(|f| f.source == Source::Rampart
        && f.provenances.len() == 1
        && f.remediation.as_ref().is_some_and(|r| r.text.is_some())));
    // Most severe first.
    assert!(p.checks.windows(2).all(|w| w[0].severity >= w[1].severity));
}

#[test]
fn the_same_estate_gives_the_same_posture_and_checks_match() {
    let e = drift_estate();
    let a = assess(&e, ts());
    assert_eq!(a, assess(&e, ts()));
    assert_eq!(a.checks, checks(&e, ts()));
}

#[test]
fn rampart_checks_do_not_change_the_security_score() {
    let p = assess(&drift_estate(), ts());
    // One failed (KMS.4) and one passed control from Security Hub only.
    assert_eq!((p.scores.summary.passed, p.scores.summary.failed), (1, 1));
    assert_eq!(p.scores.summary.percent, Some(50));
}

#[test]
fn layers_carry_the_checks() {
    let p = assess(&drift_estate(), ts());
    let layer = |l: Layer| p.layers.iter().find(|x| x.layer == l).expect("layer");
    assert_eq!(layer(Layer::Network).state, LayerState::AtRisk);
    assert!(layer(Layer::Network).checks.total() >= 4);
    assert_eq!(layer(Layer::DataProtection).state, LayerState::AtRisk);
    assert!(layer(Layer::DetectionMonitoring).checks.total() >= 12);
}

#[test]
fn an_empty_estate_is_not_assessed_anywhere() {
    let p = assess(&estate(), ts());
    assert!(!p.scores.coverage.is_assessed());
    assert_eq!(p.scores.summary.percent, None);
    assert_eq!(p.scores.summary.display(&p.scores.coverage), "not assessed");
    assert!(!p.kms.coverage.is_assessed());
    assert!(!p.network.coverage.is_assessed());
    assert!(!p.network.security_groups.coverage.is_assessed());
    assert!(!p.network.flow_logs_coverage.is_assessed());
    assert!(!p.alarms.coverage.is_assessed());
    assert!(!p.essential_eight.coverage.is_assessed());
    assert!(p.layers.iter().all(|l| l.state == LayerState::NotAssessed));
    assert!(p.checks.is_empty());
}

#[test]
fn data_present_but_not_loaded_raises_no_checks() {
    let mut e = drift_estate();
    e.loads.clear();
    let p = assess(&e, ts());
    assert!(
        p.checks.is_empty(),
        "{:?}",
        p.checks.iter().map(|f| &f.id).collect::<Vec<_>>()
    );
    assert!(
        p.network
            .vpcs
            .iter()
            .all(|v| v.flow_logs == network::FlowLogState::NotAssessed)
    );
}

#[test]
fn posture_serialises_with_every_section() {
    let p = assess(&drift_estate(), ts());
    let v = serde_json::to_value(&p).expect("serialise");
    for k in [
        "assessed_at",
        "scores",
        "controls",
        "layers",
        "essential_eight",
        "kms",
        "network",
        "alarms",
        "checks",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["scores"]["summary"]["percent"], 50);
    assert_eq!(
        v["essential_eight"]["strategies"].as_array().map(Vec::len),
        Some(8)
    );
    let lines = p.summary_lines();
    assert!(lines[0].starts_with("Security score: 50%"), "{lines:?}");
}
