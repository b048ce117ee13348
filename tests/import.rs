//! Imports of AWS exports: every shape rampart reads, normalisation, load
//! states, de-duplication across files, and the public samples.

#[path = "support/import_support.rs"]
mod import_support;

use import_support::{fixture, load, now};
use rampart::model::{
    Channel, ComplianceStatus, DataOrigin, DatasetKind, DatasetStatus, NativeSeverity, RecordState,
    Severity, Source, WorkflowStatus,
};
use rampart::snapshot::{load_bytes, load_paths};

#[test]
fn each_shape_imports_with_the_right_count() {
    let cases: [(&str, usize, DatasetKind); 16] = [
        (
            "securityhub.get-findings.json",
            3,
            DatasetKind::SecurityHubFindings,
        ),
        ("asff-array.json", 2, DatasetKind::SecurityHubFindings),
        ("asff-single.json", 1, DatasetKind::SecurityHubFindings),
        ("asff.jsonl", 3, DatasetKind::SecurityHubFindings),
        (
            "placebo.securityhub.json",
            1,
            DatasetKind::SecurityHubFindings,
        ),
        (
            "eventbridge-securityhub.json",
            2,
            DatasetKind::SecurityHubFindings,
        ),
        (
            "guardduty-asff-copy.json",
            1,
            DatasetKind::SecurityHubFindings,
        ),
        ("macie-asff-copy.json", 2, DatasetKind::SecurityHubFindings),
        (
            "guardduty.get-findings.json",
            2,
            DatasetKind::GuardDutyFindings,
        ),
        ("guardduty-camel.json", 1, DatasetKind::GuardDutyFindings),
        (
            "eventbridge-guardduty.json",
            1,
            DatasetKind::GuardDutyFindings,
        ),
        ("macie.get-findings.json", 2, DatasetKind::MacieFindings),
        ("macie-array.json", 1, DatasetKind::MacieFindings),
        ("soar-macie.json", 1, DatasetKind::MacieFindings),
        ("eventbridge-macie.json", 1, DatasetKind::MacieFindings),
        (
            "securityhub.get-findings.json",
            3,
            DatasetKind::SecurityHubFindings,
        ),
    ];
    for (file, count, dataset) in cases {
        let e = load(file);
        assert_eq!(e.findings.len(), count, "{file}");
        assert!(e.status(dataset).is_complete(), "{file}: {dataset:?}");
        for other in DatasetKind::ALL.into_iter().filter(|d| *d != dataset) {
            assert_eq!(
                e.status(other),
                DatasetStatus::NotLoaded,
                "{file}: {other:?}"
            );
        }
        assert_eq!(e.meta.captured_at, now(), "{file}");
        assert_eq!(e.meta.accounts, vec!["111122223333".to_string()], "{file}");
        assert_eq!(e.meta.regions, vec!["eu-west-2".to_string()], "{file}");
        assert_eq!(
            e.meta.origin,
            DataOrigin::Files {
                paths: vec![fixture(file).display().to_string()]
            }
        );
        for f in &e.findings {
            assert_eq!(f.provenances.len(), 1, "{file}: {}", f.id);
            assert!(!f.provenances[0].raw.text().is_empty());
        }
    }
}

#[test]
fn asff_control_findings_keep_compliance_workflow_and_resources() {
    let e = load("securityhub.get-findings.json");
    let control = &e.findings[0];
    assert_eq!(control.source, Source::SecurityHub);
    assert_eq!(control.product_name, "Security Hub");
    assert_eq!(control.severity, Severity::Medium);
    assert_eq!(control.workflow, WorkflowStatus::Notified);
    assert_eq!(control.record_state, RecordState::Active);
    assert_eq!(
        control.generator_id.as_deref(),
        Some("security-control/KMS.4")
    );
    let c = control.compliance.as_ref().expect("compliance");
    assert_eq!(c.status, Some(ComplianceStatus::Failed));
    assert_eq!(c.security_control_id.as_deref(), Some("KMS.4"));
    assert!(c.consolidated);
    assert_eq!(
        c.associated_standards,
        vec![
            "standards/aws-foundational-security-best-practices/v/1.0.0".to_string(),
            "standards/cis-aws-foundations-benchmark/v/3.0.0".to_string()
        ]
    );
    assert_eq!(
        c.status_reasons,
        vec!["CONFIG_EVALUATIONS_EMPTY".to_string()]
    );
    assert_eq!(c.related_requirements.len(), 1);
    assert_eq!(control.resources[0].resource_type, "AwsKmsKey");
    assert_eq!(control.resources[0].tags["team"], "payments");
    let r = control.remediation.as_ref().expect("remediation");
    assert!(
        r.url
            .as_deref()
            .is_some_and(|u| u.ends_with("KMS.4/remediation"))
    );
    assert_eq!(
        control.first_seen.map(|t| t.to_rfc3339()),
        Some("2026-10-01T08:00:00.123+00:00".to_string())
    );
    assert!(control.last_seen.is_some() && control.updated_at.is_some());

    let legacy = &e.findings[1];
    let c = legacy.compliance.as_ref().expect("legacy compliance");
    assert!(!c.consolidated);
    assert_eq!(c.security_control_id.as_deref(), Some("PCI.KMS.1"));
    assert_eq!(
        c.associated_standards,
        vec!["standards/pci-dss/v/3.2.1".to_string()]
    );
    assert_eq!(c.status, Some(ComplianceStatus::Passed));
    assert_eq!(
        legacy.workflow,
        WorkflowStatus::Resolved,
        "from WorkflowState"
    );
    assert_eq!(legacy.record_state, RecordState::Archived);
    assert_eq!(legacy.severity, Severity::Medium, "from Normalized 40");

    let inspector = &e.findings[2];
    assert_eq!(inspector.source, Source::Inspector);
    assert_eq!(inspector.workflow, WorkflowStatus::Suppressed);
    assert_eq!(
        inspector.native_severity,
        NativeSeverity::Asff {
            label: Some("HIGH".into()),
            normalized: Some(70.0),
            original: Some("7.5".into())
        }
    );
}

#[test]
fn guardduty_findings_in_both_casings() {
    let e = load("guardduty.get-findings.json");
    let gd = &e.findings[0];
    assert_eq!(gd.id, "7ac2f3b0a9e1d4c5b6a7f8e9d0c1b2a3");
    assert_eq!(gd.source, Source::GuardDuty);
    assert_eq!(gd.finding_type, "CryptoCurrency:EC2/BitcoinTool.B!DNS");
    assert_eq!(gd.severity, Severity::High);
    assert_eq!(gd.native_severity, NativeSeverity::GuardDuty { score: 8.0 });
    assert_eq!(
        gd.generator_id.as_deref(),
        Some("arn:aws:guardduty:eu-west-2:111122223333:detector/5eb1f0c4a2d34e6f8a9b0c1d2e3f4a5b")
    );
    assert_eq!(gd.resources[0].resource_type, "AwsEc2Instance");
    assert_eq!(
        gd.resources[0].id,
        "arn:aws:ec2:eu-west-2:111122223333:instance/i-0abc123def4567890"
    );
    assert_eq!(gd.resources[0].tags["env"], "prod");
    assert!(gd.first_seen.is_some() && gd.last_seen.is_some());
    assert!(gd.copy_id().starts_with("arn:aws:guardduty:"));

    let s3 = &e.findings[1];
    assert_eq!(s3.record_state, RecordState::Archived, "Service.Archived");
    assert_eq!(
        s3.severity,
        Severity::Medium,
        "severity given as the string 5.0"
    );
    let kinds: Vec<&str> = s3
        .resources
        .iter()
        .map(|r| r.resource_type.as_str())
        .collect();
    assert_eq!(
        kinds,
        ["AwsS3Bucket", "AwsIamAccessKey"],
        "ResourceType first"
    );

    let camel = load("guardduty-camel.json");
    let c = &camel.findings[0];
    assert_eq!(c.id, s3.id);
    assert_eq!(c.record_state, RecordState::Archived);
    assert_eq!(c.resources, s3.resources);
    assert_eq!(
        c.created_at.map(|t| t.timestamp_millis()),
        Some(1_791_806_400_000),
        "epoch milliseconds"
    );
    let eb = load("eventbridge-guardduty.json");
    assert_eq!(eb.findings[0].resources, gd.resources);
    assert_eq!(eb.findings[0].severity, gd.severity);
}

#[test]
fn macie_findings_with_levels_scores_and_python_timestamps() {
    let e = load("macie.get-findings.json");
    let policy = &e.findings[0];
    assert_eq!(policy.source, Source::Macie);
    assert_eq!(policy.severity, Severity::High);
    assert_eq!(policy.resources[0].id, "arn:aws:s3:::acme-public");
    assert_eq!(policy.resources[0].tags["owner"], "web");
    let class = &e.findings[1];
    assert_eq!(class.severity, Severity::Medium, "score 2 alone");
    assert_eq!(class.record_state, RecordState::Archived);
    assert_eq!(class.region, "eu-west-2", "from the job ARN");
    assert_eq!(
        class.created_at.map(|t| t.to_rfc3339()),
        Some("2026-10-06T09:15:03.127+00:00".to_string())
    );
    let ids: Vec<&str> = class.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "arn:aws:s3:::acme-data",
            "arn:aws:s3:::acme-data/hr/people.csv"
        ]
    );
}

#[test]
fn guardduty_native_and_its_security_hub_copy_become_one_finding() {
    let e = load_paths(
        &[
            fixture("guardduty-asff-copy.json"),
            fixture("guardduty.get-findings.json"),
        ],
        now(),
    )
    .expect("load");
    assert_eq!(e.findings.len(), 2, "3 records, 2 findings");
    let gd = &e.findings[0];
    assert_eq!(gd.id, "7ac2f3b0a9e1d4c5b6a7f8e9d0c1b2a3", "native id wins");
    assert_eq!(gd.provenances.len(), 2);
    assert!(gd.has_channel(Channel::GuardDuty) && gd.has_channel(Channel::SecurityHub));
    assert_eq!(gd.native_severity, NativeSeverity::GuardDuty { score: 8.0 });
    assert_eq!(
        gd.workflow,
        WorkflowStatus::Notified,
        "workflow from Security Hub"
    );
    assert_eq!(
        gd.description,
        "EC2 instance i-0abc123def4567890 is communicating with a known cryptocurrency mining pool."
    );
    assert!(e.status(DatasetKind::GuardDutyFindings).is_complete());
    assert!(e.status(DatasetKind::SecurityHubFindings).is_complete());

    // The copy alone still carries GuardDuty's number, not Security Hub's label.
    let copy = load("guardduty-asff-copy.json");
    assert_eq!(
        copy.findings[0].native_severity,
        NativeSeverity::GuardDuty { score: 8.0 }
    );
    assert_eq!(
        copy.findings[0].finding_type,
        "CryptoCurrency:EC2/BitcoinTool.B!DNS"
    );
}

#[test]
fn macie_native_and_security_hub_copies_join_by_id_or_by_shape() {
    let e = load_paths(
        &[
            fixture("macie.get-findings.json"),
            fixture("macie-asff-copy.json"),
        ],
        now(),
    )
    .expect("load");
    assert_eq!(e.findings.len(), 2, "4 records, 2 findings");
    for f in &e.findings {
        assert_eq!(f.provenances.len(), 2, "{}", f.id);
        assert_eq!(f.source, Source::Macie);
        assert!(matches!(f.native_severity, NativeSeverity::Macie { .. }));
    }
    assert_eq!(e.findings[0].id, "64ed80b084b5b7b985b1f00d");
    assert_eq!(e.findings[0].workflow, WorkflowStatus::Suppressed);
}

#[test]
fn the_same_records_twice_are_kept_once() {
    let f = fixture("securityhub.get-findings.json");
    let once = load_paths(std::slice::from_ref(&f), now()).expect("once");
    let twice = load_paths(&[f.clone(), f.clone(), fixture("asff.jsonl")], now()).expect("twice");
    assert_eq!(twice.findings, once.findings);
}

#[test]
fn a_truncated_export_is_partial_not_complete() {
    let text = std::fs::read_to_string(fixture("securityhub.get-findings.json")).expect("read");
    let paged = text.replacen("{", "{\"NextToken\": \"eyJ0b2tlbiI6IDF9\",", 1);
    let e = load_bytes("paged.json", paged.as_bytes(), now()).expect("load");
    assert_eq!(e.findings.len(), 3);
    match e.status(DatasetKind::SecurityHubFindings) {
        DatasetStatus::Partial { reasons, .. } => {
            assert!(reasons[0].contains("NextToken"), "{reasons:?}")
        }
        other => panic!("expected partial, got {other:?}"),
    }
}

#[test]
fn inspector_native_exports_are_refused_with_a_reason() {
    let err = load_paths(&[fixture("inspector2.list-findings.json")], now()).expect_err("refused");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: Amazon Inspector findings in Inspector's own format (aws inspector2 \
             list-findings) are not supported; export them through Security Hub (aws \
             securityhub get-findings) instead",
            fixture("inspector2.list-findings.json").display()
        )
    );
}

#[test]
fn an_empty_export_claims_nothing() {
    for text in [r#"{"Findings": []}"#, r#"{"findings": []}"#, "[]"] {
        let e = load_bytes("empty.json", text.as_bytes(), now()).expect("loads");
        assert!(e.findings.is_empty());
        for dataset in DatasetKind::ALL {
            assert_eq!(e.status(dataset), DatasetStatus::NotLoaded, "{text}");
        }
    }
}

#[test]
fn json_lines_of_eventbridge_events_mix_sources() {
    let gd = std::fs::read_to_string(fixture("eventbridge-guardduty.json")).expect("gd");
    let macie = std::fs::read_to_string(fixture("eventbridge-macie.json")).expect("macie");
    let one_line = |s: &str| {
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(s).expect("json"))
            .expect("compact")
    };
    let text = format!("{}\n{}\n", one_line(&gd), one_line(&macie));
    let e = load_bytes("events.jsonl", text.as_bytes(), now()).expect("loads");
    let sources: Vec<Source> = e.findings.iter().map(|f| f.source).collect();
    assert_eq!(sources, [Source::GuardDuty, Source::Macie]);
    assert!(e.status(DatasetKind::GuardDutyFindings).is_complete());
    assert!(e.status(DatasetKind::MacieFindings).is_complete());
    assert_eq!(
        e.status(DatasetKind::SecurityHubFindings),
        DatasetStatus::NotLoaded
    );
}

#[test]
fn a_macie_finding_without_an_id_gets_a_stable_labelled_one() {
    let text = r#"{"findings":[{"accountId":"111122223333","category":"CLASSIFICATION",
        "severity":{"description":"High","score":8.1},"title":"t","type":"SensitiveData:S3Object/Personal"}]}"#;
    let a = load_bytes("sparse.json", text.as_bytes(), now()).expect("loads");
    let b = load_bytes("sparse.json", text.as_bytes(), now()).expect("loads");
    assert!(
        a.findings[0].id.starts_with("macie-unidentified-"),
        "{}",
        a.findings[0].id
    );
    assert_eq!(a.findings[0].id, b.findings[0].id);
    assert_eq!(a.findings[0].severity, Severity::High);
    assert_eq!(a.findings[0].region, "");
    assert!(a.status(DatasetKind::MacieFindings).is_complete());
}
