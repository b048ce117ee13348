//! Four findings the filter-language tests run against.

use crate::model::{
    Channel, Compliance, ComplianceStatus, Finding, NativeSeverity, Provenance, RawJson,
    RecordState, Resource, Severity, Source, WorkflowStatus,
};
use std::collections::BTreeMap;

fn provenance(
    channel: Channel,
    id: &str,
    arn: Option<&str>,
    account: &str,
    region: &str,
) -> Provenance {
    Provenance {
        channel,
        product_arn: None,
        product_name: None,
        native_id: id.to_string(),
        native_arn: arn.map(str::to_string),
        account_id: account.to_string(),
        region: region.to_string(),
        raw: RawJson::empty(),
    }
}

fn resource(kind: &str, id: &str, tags: &[(&str, &str)]) -> Resource {
    Resource {
        resource_type: kind.to_string(),
        id: id.to_string(),
        region: None,
        partition: None,
        tags: tags
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
    }
}

struct Spec {
    id: &'static str,
    source: Source,
    product: &'static str,
    title: &'static str,
    description: &'static str,
    types: &'static [&'static str],
    severity: Severity,
    workflow: WorkflowStatus,
    state: RecordState,
    compliance: Option<(ComplianceStatus, &'static str)>,
    resources: Vec<Resource>,
    account: &'static str,
    region: &'static str,
    arn: Option<&'static str>,
}

fn build(s: Spec) -> Finding {
    let channel = match s.source {
        Source::GuardDuty => Channel::GuardDuty,
        Source::Macie => Channel::Macie,
        Source::Rampart => Channel::Rampart,
        _ => Channel::SecurityHub,
    };
    Finding {
        id: s.id.to_string(),
        source: s.source,
        product_name: s.product.to_string(),
        title: s.title.to_string(),
        description: s.description.to_string(),
        finding_type: s.types.first().copied().unwrap_or_default().to_string(),
        types: s.types.iter().map(|t| t.to_string()).collect(),
        generator_id: None,
        severity: s.severity,
        native_severity: NativeSeverity::Rampart,
        workflow: s.workflow,
        record_state: s.state,
        compliance: s.compliance.map(|(status, control)| Compliance {
            status: Some(status),
            security_control_id: Some(control.to_string()),
            consolidated: true,
            ..Compliance::default()
        }),
        resources: s.resources,
        remediation: None,
        account_id: s.account.to_string(),
        region: s.region.to_string(),
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![provenance(channel, s.id, s.arn, s.account, s.region)],
    }
}

/// Four findings, named by the first element of each pair.
pub(in crate::query) fn fixtures() -> Vec<(&'static str, Finding)> {
    vec![
        (
            "gd",
            build(Spec {
                id: "6ab8d1f0c2",
                source: Source::GuardDuty,
                product: "GuardDuty",
                title: "Unprotected port on EC2 instance i-0abc is being probed",
                description: "EC2 instance has an unprotected port which is being probed by a known malicious host.",
                types: &["Recon:EC2/PortProbeUnprotectedPort"],
                severity: Severity::High,
                workflow: WorkflowStatus::New,
                state: RecordState::Active,
                compliance: None,
                resources: vec![resource(
                    "AwsEc2Instance",
                    "arn:aws:ec2:eu-west-2:111122223333:instance/i-0abc",
                    &[("Env", "Prod"), ("Owner", "team-a")],
                )],
                account: "111122223333",
                region: "eu-west-2",
                arn: Some(
                    "arn:aws:guardduty:eu-west-2:111122223333:detector/d1/finding/6ab8d1f0c2",
                ),
            }),
        ),
        (
            "ctl",
            build(Spec {
                id: "arn:aws:securityhub:us-east-1:444455556666:security-control/KMS.4/finding/77",
                source: Source::SecurityHub,
                product: "Security Hub",
                title: "AWS KMS key rotation should be enabled",
                description: "This control checks whether automatic key rotation is enabled.",
                types: &[
                    "Software and Configuration Checks/Industry and Regulatory Standards",
                    "Effects/Data Exposure",
                ],
                severity: Severity::Medium,
                workflow: WorkflowStatus::Notified,
                state: RecordState::Active,
                compliance: Some((ComplianceStatus::Failed, "KMS.4")),
                resources: vec![resource(
                    "AwsKmsKey",
                    "arn:aws:kms:us-east-1:444455556666:key/1234abcd",
                    &[("env", "prod")],
                )],
                account: "444455556666",
                region: "us-east-1",
                arn: None,
            }),
        ),
        (
            "macie",
            build(Spec {
                id: "mc-99",
                source: Source::Macie,
                product: "Macie",
                title: "Straße: Übersicht der Kundendaten",
                description: "The object contains personal information.",
                types: &["SensitiveData:S3Object/Personal"],
                severity: Severity::Low,
                workflow: WorkflowStatus::Suppressed,
                state: RecordState::Archived,
                compliance: None,
                resources: vec![resource(
                    "AwsS3Bucket",
                    "arn:aws:s3:::customer-exports",
                    &[("data-class", "Confidential")],
                )],
                account: "111122223333",
                region: "eu-west-2",
                arn: None,
            }),
        ),
        (
            "check",
            build(Spec {
                id: "rampart/kms-rotation/ok",
                source: Source::Rampart,
                product: "rampart",
                title: "Key rotation enabled on all customer keys",
                description: "",
                types: &[],
                severity: Severity::Informational,
                workflow: WorkflowStatus::Resolved,
                state: RecordState::Active,
                compliance: Some((ComplianceStatus::Passed, "KMS.4")),
                resources: vec![],
                account: "444455556666",
                region: "us-east-1",
                arn: None,
            }),
        ),
    ]
}
