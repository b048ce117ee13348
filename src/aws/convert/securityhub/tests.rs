use super::*;

fn control_finding() -> sh::AwsSecurityFinding {
    sh::AwsSecurityFinding::builder()
        .schema_version("2018-10-08")
        .id("arn:aws:securityhub:eu-west-2:111122223333:security-control/KMS.4/finding/0b2c")
        .product_arn("arn:aws:securityhub:eu-west-2::product/aws/securityhub")
        .product_name("Security Hub")
        .company_name("AWS")
        .region("eu-west-2")
        .generator_id("security-control/KMS.4")
        .aws_account_id("111122223333")
        .types("Software and Configuration Checks/Industry and Regulatory Standards")
        .created_at("2026-10-01T08:00:00.000Z")
        .updated_at("2026-10-30T08:00:00.000Z")
        .severity(
            sh::Severity::builder()
                .label(sh::SeverityLabel::Medium)
                .normalized(40)
                .original("MEDIUM")
                .build(),
        )
        .title("AWS KMS key rotation should be enabled")
        .description("Checks whether automatic key rotation is enabled.")
        .remediation(
            sh::Remediation::builder()
                .recommendation(
                    sh::Recommendation::builder()
                        .text("Enable rotation")
                        .url("https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4")
                        .build(),
                )
                .build(),
        )
        .resources(
            sh::Resource::builder()
                .r#type("AwsKmsKey")
                .id("arn:aws:kms:eu-west-2:111122223333:key/abcd")
                .partition(sh::Partition::Aws)
                .region("eu-west-2")
                .tags("team", "sec")
                .build(),
        )
        .compliance(
            sh::Compliance::builder()
                .status(sh::ComplianceStatus::Failed)
                .security_control_id("KMS.4")
                .associated_standards(
                    sh::AssociatedStandard::builder()
                        .standards_id("standards/aws-foundational-security-best-practices/v/1.0.0")
                        .build(),
                )
                .related_requirements("CIS AWS Foundations Benchmark v3.0.0/3.6")
                .build(),
        )
        .workflow(sh::Workflow::builder().status(sh::WorkflowStatus::Notified).build())
        .record_state(sh::RecordState::Active)
        .build()
}

#[test]
fn control_findings_convert_with_compliance_and_raw_asff() {
    let f = finding(&control_finding(), "us-east-1").expect("finding");
    assert_eq!(f.source, Source::SecurityHub);
    assert_eq!(f.severity, Severity::Medium);
    assert_eq!(f.workflow, WorkflowStatus::Notified);
    assert_eq!(f.region, "eu-west-2");
    assert_eq!(f.control_id(), Some("KMS.4"));
    assert_eq!(f.compliance_status(), Some(ComplianceStatus::Failed));
    assert!(f.compliance.as_ref().is_some_and(|c| c.consolidated));
    assert_eq!(f.resources[0].tags["team"], "sec");
    assert_eq!(f.resources[0].partition.as_deref(), Some("aws"));
    assert!(f.updated_at.is_some());
    let raw = f.provenances[0].raw.to_value();
    assert_eq!(raw["Compliance"]["SecurityControlId"], "KMS.4");
    assert_eq!(raw["Severity"]["Label"], "MEDIUM");
    assert_eq!(raw["Resources"][0]["Type"], "AwsKmsKey");
    assert_eq!(raw["Workflow"]["Status"], "NOTIFIED");
}

#[test]
fn guardduty_findings_through_security_hub_keep_the_native_score() {
    let f = sh::AwsSecurityFinding::builder()
        .id("arn:aws:guardduty:eu-west-2:111122223333:detector/12abc/finding/34def")
        .product_arn("arn:aws:securityhub:eu-west-2::product/aws/guardduty")
        .aws_account_id("111122223333")
        .severity(
            sh::Severity::builder()
                .label(sh::SeverityLabel::Medium)
                .original("8.0")
                .build(),
        )
        .title("SSH brute force")
        .build();
    let f = finding(&f, "eu-west-2").expect("finding");
    assert_eq!(f.source, Source::GuardDuty);
    assert_eq!(f.product_name, "GuardDuty");
    assert_eq!(f.severity, Severity::High);
    assert!(f.copy_id().starts_with("arn:aws:guardduty"));
    assert_eq!(f.region, "eu-west-2");
}

#[test]
fn legacy_control_findings_read_the_control_from_product_fields() {
    let f = sh::AwsSecurityFinding::builder()
        .id("arn:aws:securityhub:eu-west-2:111122223333:subscription/cis-aws-foundations-benchmark/v/1.2.0/2.7/finding/1")
        .product_arn("arn:aws:securityhub:eu-west-2::product/aws/securityhub")
        .product_fields("StandardsGuideArn", "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0")
        .product_fields("RuleId", "2.7")
        .compliance(sh::Compliance::builder().status(sh::ComplianceStatus::Passed).build())
        .severity(sh::Severity::builder().normalized(0).build())
        .build();
    let f = finding(&f, "eu-west-2").expect("finding");
    let c = f.compliance.expect("compliance");
    assert_eq!(c.security_control_id.as_deref(), Some("2.7"));
    assert!(!c.consolidated);
    assert_eq!(
        c.associated_standards,
        ["ruleset/cis-aws-foundations-benchmark/v/1.2.0"]
    );
    assert_eq!(f.severity, Severity::Informational);
    assert!(finding(&sh::AwsSecurityFinding::builder().build(), "r").is_none());
}

#[test]
fn standards_and_controls_convert() {
    let arn =
        "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0";
    let names = standard_names(&[sh::Standard::builder()
        .standards_arn(arn)
        .name("AWS Foundational Security Best Practices v1.0.0")
        .build()]);
    let sub = sh::StandardsSubscription::builder()
        .standards_arn(arn)
        .standards_status(sh::StandardsStatus::Ready)
        .build();
    let s = standard(&sub, &names, "111122223333", "eu-west-2").expect("standard");
    assert_eq!(
        s.standards_id,
        "standards/aws-foundational-security-best-practices/v/1.0.0"
    );
    assert_eq!(s.name, "AWS Foundational Security Best Practices v1.0.0");
    assert_eq!(s.status, "READY");

    let def = sh::SecurityControlDefinition::builder()
        .security_control_id("KMS.4")
        .title("AWS KMS key rotation should be enabled")
        .severity_rating(sh::SeverityRating::Medium)
        .build();
    let details = vec![
        sh::StandardsControlAssociationDetail::builder()
            .standards_arn(arn)
            .security_control_id("KMS.4")
            .association_status(sh::AssociationStatus::Enabled)
            .standards_control_arns("arn:aws:securityhub:eu-west-2:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/KMS.4")
            .build(),
    ];
    let by = associations_by_control(&details);
    let c = control(&def, &by["KMS.4"], "111122223333", "eu-west-2").expect("control");
    assert_eq!(c.severity, Severity::Medium);
    assert!(c.enabled_in("standards/aws-foundational-security-best-practices/v/1.0.0"));
    assert_eq!(
        c.associations[0].standard_control_id.as_deref(),
        Some("KMS.4")
    );
}
