//! The posture engine on the built-in demo estate: every planted drift item
//! is a rampart finding, rampart agrees with Security Hub on them, and the
//! scores are sensible.

use rampart::demo::{self, drift};
use rampart::model::{Estate, Finding, Severity, Source};
use rampart::posture::e8::{LevelStatus, Strategy};
use rampart::posture::{ControlStatus, Layer, LayerState, Posture, assess};

struct Demo {
    estate: Estate,
    posture: Posture,
}

fn demo() -> Demo {
    let estate = demo::estate();
    let posture = assess(&estate, demo::now());
    Demo { estate, posture }
}

impl Demo {
    fn key_arn(&self, alias: &str) -> String {
        self.estate
            .kms_keys
            .iter()
            .find(|k| k.aliases.iter().any(|a| a == alias))
            .map(|k| k.arn.clone())
            .unwrap_or_else(|| panic!("demo key {alias}"))
    }

    fn check(&self, slug: &str, resource_contains: &str) -> &Finding {
        let prefix = format!("rampart/{slug}/");
        self.posture
            .checks
            .iter()
            .find(|f| f.id.starts_with(&prefix) && f.id.contains(resource_contains))
            .unwrap_or_else(|| {
                let ids: Vec<&str> = self.posture.checks.iter().map(|f| f.id.as_str()).collect();
                panic!("no {slug} finding for {resource_contains}; checks: {ids:#?}")
            })
    }

    fn count(&self, slug: &str) -> usize {
        let prefix = format!("rampart/{slug}/");
        self.posture
            .checks
            .iter()
            .filter(|f| f.id.starts_with(&prefix))
            .count()
    }

    fn control(&self, id: &str) -> ControlStatus {
        self.posture
            .controls
            .iter()
            .find(|c| c.control_id == id)
            .map(|c| c.status)
            .unwrap_or_else(|| panic!("control {id}"))
    }
}

#[test]
fn kms_drift_is_found() {
    let d = demo();
    let rotation = d.check("kms-rotation", &d.key_arn(drift::ROTATION_OFF_KEY_ALIAS));
    assert_eq!(rotation.control_id(), Some("KMS.4"));
    assert_eq!(
        d.count("kms-rotation"),
        1,
        "the pending-deletion key is reported as such"
    );

    let pending = d.check(
        "kms-pending-deletion",
        &d.key_arn(drift::PENDING_DELETION_KEY_ALIAS),
    );
    assert_eq!(pending.control_id(), Some("KMS.3"));
    assert_eq!(pending.severity, Severity::Critical);
    let days = format!("in {} day(s)", drift::PENDING_DELETION_DAYS);
    assert!(pending.title.contains(&days), "{}", pending.title);

    let public = d.check(
        "kms-public-policy",
        &d.key_arn(drift::PUBLIC_POLICY_KEY_ALIAS),
    );
    assert_eq!(public.control_id(), Some("KMS.5"));
    assert!(
        public.provenances[0]
            .raw
            .text()
            .contains(drift::PUBLIC_POLICY_SID)
    );
    // Every other wildcard statement is pinned by kms:CallerAccount.
    assert_eq!(d.count("kms-public-policy"), 1);
    assert_eq!(d.posture.kms.summary.public, 1);
}

#[test]
fn network_drift_is_found() {
    let d = demo();
    let vpc = d
        .estate
        .vpcs
        .iter()
        .find(|v| v.name() == drift::NO_FLOW_LOGS_VPC_NAME)
        .expect("demo VPC");
    let flow = d.check("vpc-flow-logs", &vpc.vpc_id);
    assert_eq!(flow.control_id(), Some("EC2.6"));
    assert_eq!(d.count("vpc-flow-logs"), 1);

    let sg = d
        .estate
        .security_groups
        .iter()
        .find(|g| g.group_name == drift::OPEN_SSH_GROUP_NAME)
        .expect("demo group");
    for (slug, control) in [
        ("sg-open-ssh", "EC2.13"),
        ("sg-open-unauthorized-port", "EC2.18"),
        ("sg-open-high-risk-port", "EC2.19"),
    ] {
        assert_eq!(d.check(slug, &sg.group_id).control_id(), Some(control));
    }
    // The NACL admits 22 only from 203.0.113.0/24: EC2.21 passes.
    assert_eq!(d.count("nacl-open-admin"), 0);
    // Isolated VPCs stay isolated; Primary has an internet gateway.
    let classes: Vec<_> = d
        .posture
        .network
        .vpcs
        .iter()
        .map(|v| (v.name.as_str(), v.class))
        .collect();
    assert!(
        classes
            .iter()
            .any(|(_, c)| *c == rampart::posture::network::Reachability::Public),
        "{classes:?}"
    );
    assert!(
        classes
            .iter()
            .filter(|(_, c)| *c == rampart::posture::network::Reachability::Isolated)
            .count()
            >= 2,
        "{classes:?}"
    );
}

#[test]
fn alarm_drift_is_found() {
    let d = demo();
    let missing = d.check("cis-alarm-missing", drift::MISSING_CIS_CONTROL);
    assert_eq!(missing.control_id(), Some(drift::MISSING_CIS_CONTROL));
    assert_eq!(missing.account_id, demo::ACCOUNT_ID);
    // Only the account whose alarms were read is judged.
    assert_eq!(d.count("cis-alarm-missing"), 1);
    assert_eq!(
        d.posture.alarms.accounts_not_read,
        [demo::MEMBER_ACCOUNT_ID]
    );
    for name in drift::ALARMS_FIRING {
        let f =
            d.posture.checks.iter().find(|f| {
                f.id.ends_with(&format!(":alarm:{name}")) && f.title.contains("is in ALARM")
            });
        assert!(f.is_some(), "no finding for firing alarm {name}");
    }
    for name in drift::ALARMS_INSUFFICIENT_DATA {
        d.check("alarm-insufficient-data", &format!(":alarm:{name}"));
    }
    d.check(
        "alarm-no-actions",
        &format!(":alarm:{}", drift::ALARM_ACTIONS_DISABLED),
    );
}

#[test]
fn rampart_agrees_with_security_hub_on_the_planted_controls() {
    let d = demo();
    for id in [
        "KMS.3",
        "KMS.4",
        "KMS.5",
        "EC2.6",
        "EC2.13",
        "EC2.18",
        "EC2.19",
        "CloudWatch.9",
    ] {
        assert_eq!(d.control(id), ControlStatus::Failed, "{id}");
        assert!(
            d.posture.checks.iter().any(|f| f.control_id() == Some(id)),
            "no rampart check for {id}"
        );
    }
    assert_eq!(d.control("EC2.21"), ControlStatus::Passed);
    assert!(d.posture.checks.iter().all(|f| f.source == Source::Rampart));
}

#[test]
fn scores_are_sensible() {
    let d = demo();
    let s = &d.posture.scores;
    assert!(s.coverage.is_assessed());
    assert!(s.notes.is_empty(), "every dataset is loaded: {:?}", s.notes);
    let summary = s.summary.percent.expect("a summary score");
    assert!((40..=95).contains(&summary), "{summary}");
    assert_eq!(s.standards.len(), 4);
    assert!(s.standards.iter().all(|x| x.counts.percent.is_some()));
    // EC2.10 is disabled everywhere; the suppressed S3.9 failure is ignored.
    assert_eq!(d.control("EC2.10"), ControlStatus::Disabled);
    assert_eq!(d.control("S3.9"), ControlStatus::Passed);
    assert_eq!(d.control("IAM.6"), ControlStatus::Failed);
    assert_eq!(d.control("CloudTrail.7"), ControlStatus::Unknown);
    assert_eq!(d.control("SecretsManager.1"), ControlStatus::Unknown);
    assert!(s.summary.unknown >= 2 && s.summary.disabled >= 1);
}

#[test]
fn layers_and_essential_eight_are_sensible() {
    let d = demo();
    let layer = |l: Layer| {
        d.posture
            .layers
            .iter()
            .find(|x| x.layer == l)
            .expect("layer")
    };
    let detection = layer(Layer::DetectionMonitoring);
    assert_eq!(detection.state, LayerState::AtRisk);
    // Two critical GuardDuty findings are open; archived/suppressed are not.
    assert_eq!(detection.findings.critical, 2);
    assert_eq!(layer(Layer::Network).state, LayerState::AtRisk);
    let e8 = &d.posture.essential_eight;
    assert_eq!(e8.strategies.len(), 8);
    // No attestations in the demo: nothing can be met.
    assert_eq!(e8.overall_maturity, 0);
    let macros = e8
        .strategies
        .iter()
        .find(|s| s.strategy == Strategy::RestrictOfficeMacros)
        .expect("macros");
    assert!(
        macros
            .levels
            .iter()
            .all(|l| l.status == LevelStatus::ManualEvidenceRequired)
    );
    let rap = e8
        .strategies
        .iter()
        .find(|s| s.strategy == Strategy::RestrictAdminPrivileges)
        .expect("rap");
    assert_eq!(rap.levels[0].status, LevelStatus::Partly);
    assert!(rap.measured_requirements > 0);
}

#[test]
fn posture_json_has_every_section() {
    let d = demo();
    let v = serde_json::to_value(&d.posture).expect("serialise");
    for k in [
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
}
