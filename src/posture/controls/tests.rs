use super::*;
use crate::model::{Control, ControlAssociation, RecordState, WorkflowStatus};
use crate::posture::fixtures::{CIS, FSBP, control_finding};
use ComplianceStatus::{Failed, NotAvailable, Passed, Warning};

fn table(findings: Vec<Finding>) -> ControlTable {
    let mut e = crate::posture::fixtures::estate();
    e.findings = findings;
    build(&e)
}

#[test]
fn one_failed_and_one_suppressed_is_failed() {
    let mut suppressed = control_finding("b", "S3.1", Passed, &[FSBP]);
    suppressed.workflow = WorkflowStatus::Suppressed;
    let t = table(vec![
        control_finding("a", "S3.1", Failed, &[FSBP]),
        suppressed,
    ]);
    assert_eq!(t.status("S3.1"), Some(ControlStatus::Failed));
    assert_eq!(
        t.get("S3.1").map(|c| c.finding_ids.clone()),
        Some(vec!["a".to_string()])
    );
}

#[test]
fn only_suppressed_or_archived_is_no_data() {
    let mut suppressed = control_finding("a", "S3.1", Failed, &[FSBP]);
    suppressed.workflow = WorkflowStatus::Suppressed;
    let mut archived = control_finding("b", "S3.1", Failed, &[FSBP]);
    archived.record_state = RecordState::Archived;
    let t = table(vec![suppressed, archived]);
    // No active finding at all: the control is not even known.
    assert_eq!(t.status("S3.1"), None);
}

#[test]
fn suppressing_every_failed_finding_leaves_passed() {
    let mut suppressed = control_finding("a", "S3.1", Failed, &[FSBP]);
    suppressed.workflow = WorkflowStatus::Suppressed;
    let t = table(vec![
        suppressed,
        control_finding("b", "S3.1", Passed, &[FSBP]),
    ]);
    assert_eq!(t.status("S3.1"), Some(ControlStatus::Passed));
}

#[test]
fn warning_or_not_available_without_failed_is_unknown() {
    let t = table(vec![
        control_finding("a", "S3.1", Warning, &[FSBP]),
        control_finding("b", "S3.1", Passed, &[FSBP]),
        control_finding("c", "S3.2", NotAvailable, &[FSBP]),
        control_finding("d", "S3.3", Warning, &[FSBP]),
        control_finding("e", "S3.3", Failed, &[FSBP]),
    ]);
    assert_eq!(t.status("S3.1"), Some(ControlStatus::Unknown));
    assert_eq!(t.status("S3.2"), Some(ControlStatus::Unknown));
    assert_eq!(t.status("S3.3"), Some(ControlStatus::Failed));
}

#[test]
fn failed_in_any_account_or_region_is_failed() {
    let mut other = control_finding("b", "S3.1", Failed, &[FSBP]);
    other.account_id = "444455556666".into();
    other.region = "us-east-1".into();
    let t = table(vec![control_finding("a", "S3.1", Passed, &[FSBP]), other]);
    assert_eq!(t.status("S3.1"), Some(ControlStatus::Failed));
    assert_eq!(t.get("S3.1").map(|c| c.failing_resources.len()), Some(1));
}

#[test]
fn legacy_per_standard_findings_keep_their_own_standard() {
    // FSBP says failed, CIS says passed: each standard sees its own.
    let mut fsbp = control_finding("a", "CloudTrail.2", Failed, &[FSBP]);
    let mut cis = control_finding("b", "3.7", Passed, &[CIS]);
    for f in [&mut fsbp, &mut cis] {
        if let Some(c) = f.compliance.as_mut() {
            c.consolidated = false;
        }
    }
    let mut e = crate::posture::fixtures::estate();
    e.controls = vec![Control {
        control_id: "CloudTrail.2".into(),
        title: "CloudTrail should have encryption at rest enabled".into(),
        description: String::new(),
        severity: Severity::Medium,
        remediation_url: None,
        account_id: crate::posture::fixtures::ACCOUNT.into(),
        region: crate::posture::fixtures::REGION.into(),
        associations: vec![
            ControlAssociation {
                standards_id: FSBP.into(),
                enabled: true,
                standard_control_id: Some("CloudTrail.2".into()),
            },
            ControlAssociation {
                standards_id: CIS.into(),
                enabled: true,
                standard_control_id: Some("CIS 3.7".into()),
            },
        ],
    }];
    e.findings = vec![fsbp, cis];
    let t = build(&e);
    let c = t.get("CloudTrail.2").expect("resolved");
    assert_eq!(c.status, ControlStatus::Failed);
    assert_eq!(c.finding_ids.len(), 2);
    let by = |s: &str| {
        c.standards
            .iter()
            .find(|x| x.standards_id == s)
            .map(|x| x.status)
    };
    assert_eq!(by(FSBP), Some(ControlStatus::Failed));
    assert_eq!(by(CIS), Some(ControlStatus::Passed));
    assert!(t.get("3.7").is_none());
    assert_eq!(c.layer, Layer::DetectionMonitoring);
}

#[test]
fn a_control_disabled_everywhere_is_disabled_even_with_findings() {
    let mut e = crate::posture::fixtures::estate();
    e.controls = vec![Control {
        control_id: "IAM.6".into(),
        title: "Hardware MFA should be enabled for the root user".into(),
        description: String::new(),
        severity: Severity::Critical,
        remediation_url: None,
        account_id: crate::posture::fixtures::ACCOUNT.into(),
        region: crate::posture::fixtures::REGION.into(),
        associations: vec![ControlAssociation {
            standards_id: format!("arn:aws:securityhub:eu-west-2::{FSBP}"),
            enabled: false,
            standard_control_id: None,
        }],
    }];
    e.findings = vec![control_finding("a", "IAM.6", Failed, &[FSBP])];
    let t = build(&e);
    assert_eq!(t.status("IAM.6"), Some(ControlStatus::Disabled));
    assert_eq!(
        t.get("IAM.6").map(|c| c.standards[0].standards_id.as_str()),
        Some(FSBP)
    );
}

#[test]
fn rampart_findings_never_feed_control_status() {
    let mut f = control_finding("a", "KMS.4", Failed, &[]);
    f.source = Source::Rampart;
    assert_eq!(table(vec![f]).status("KMS.4"), None);
}

#[test]
fn controls_sort_numerically() {
    let t = table(vec![
        control_finding("a", "EC2.10", Passed, &[]),
        control_finding("b", "EC2.2", Passed, &[]),
        control_finding("c", "ACM.1", Passed, &[]),
    ]);
    let ids: Vec<&str> = t.states.iter().map(|c| c.control_id.as_str()).collect();
    assert_eq!(ids, ["ACM.1", "EC2.2", "EC2.10"]);
}
