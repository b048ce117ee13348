//! Security Hub through mocks: standards and controls, organisation-scale
//! reading through a finding aggregator, and page-by-page streaming.

use super::aws_support::assert_sent_actions_in_policy;
use super::mocks::{Mocks, session};
use super::only;
use aws_sdk_securityhub::Client;
use aws_sdk_securityhub::operation::{
    batch_get_standards_control_associations::BatchGetStandardsControlAssociationsOutput,
    describe_hub::DescribeHubOutput, describe_standards::DescribeStandardsOutput,
    get_enabled_standards::GetEnabledStandardsOutput,
    get_finding_aggregator::GetFindingAggregatorOutput, get_findings::GetFindingsOutput,
    list_finding_aggregators::ListFindingAggregatorsOutput,
    list_security_control_definitions::ListSecurityControlDefinitionsOutput,
};
use aws_sdk_securityhub::types as sh;
use aws_smithy_mocks::{Rule, mock};
use rampart::model::DatasetKind;

const FSBP: &str =
    "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0";
const CIS: &str = "arn:aws:securityhub:eu-west-2::standards/cis-aws-foundations-benchmark/v/1.4.0";

fn definition(id: &str, title: &str, sev: sh::SeverityRating) -> sh::SecurityControlDefinition {
    sh::SecurityControlDefinition::builder()
        .security_control_id(id)
        .title(title)
        .description(title)
        .severity_rating(sev)
        .remediation_url(format!(
            "https://docs.aws.amazon.com/console/securityhub/{id}/remediation"
        ))
        .current_region_availability(sh::RegionAvailabilityStatus::Available)
        .build()
}

pub(crate) fn finding(i: usize, account: &str, region: &str) -> sh::AwsSecurityFinding {
    sh::AwsSecurityFinding::builder()
        .schema_version("2018-10-08")
        .id(format!(
            "arn:aws:securityhub:{region}:{account}:security-control/KMS.4/finding/{i:04}"
        ))
        .product_arn(format!(
            "arn:aws:securityhub:{region}::product/aws/securityhub"
        ))
        .aws_account_id(account)
        .region(region)
        .title("AWS KMS key rotation should be enabled")
        .severity(
            sh::Severity::builder()
                .label(sh::SeverityLabel::Medium)
                .build(),
        )
        .compliance(
            sh::Compliance::builder()
                .status(sh::ComplianceStatus::Failed)
                .security_control_id("KMS.4")
                .build(),
        )
        .build()
}

pub(crate) fn hub_rules() -> Vec<Rule> {
    vec![
        mock!(Client::describe_hub).then_output(|| {
            DescribeHubOutput::builder()
                .hub_arn("arn:aws:securityhub:eu-west-2:111122223333:hub/default")
                .auto_enable_controls(true)
                .build()
        }),
        mock!(Client::list_finding_aggregators)
            .then_output(|| ListFindingAggregatorsOutput::builder().build()),
    ]
}

#[tokio::test]
async fn standards_and_control_enablement_are_read() {
    let mut rules = hub_rules();
    rules.extend([
        mock!(Client::get_enabled_standards).then_output(|| {
            let sub = |arn: &str| {
                sh::StandardsSubscription::builder()
                    .standards_subscription_arn(
                        arn.replace("::standards", ":111122223333:subscription"),
                    )
                    .standards_arn(arn)
                    .standards_status(sh::StandardsStatus::Ready)
                    .build()
            };
            GetEnabledStandardsOutput::builder()
                .standards_subscriptions(sub(FSBP))
                .standards_subscriptions(sub(CIS))
                .build()
        }),
        mock!(Client::describe_standards).then_output(|| {
            DescribeStandardsOutput::builder()
                .standards(
                    sh::Standard::builder()
                        .standards_arn(FSBP)
                        .name("AWS Foundational Security Best Practices v1.0.0")
                        .build(),
                )
                .standards(
                    sh::Standard::builder()
                        .standards_arn(CIS)
                        .name("CIS AWS Foundations Benchmark v1.4.0")
                        .build(),
                )
                .build()
        }),
        mock!(Client::list_security_control_definitions)
            .match_requests(|r| r.standards_arn() == Some(FSBP))
            .then_output(|| {
                ListSecurityControlDefinitionsOutput::builder()
                    .security_control_definitions(definition(
                        "KMS.4",
                        "AWS KMS key rotation should be enabled",
                        sh::SeverityRating::Medium,
                    ))
                    .security_control_definitions(definition(
                        "EC2.2",
                        "VPC default security groups should not allow inbound or outbound traffic",
                        sh::SeverityRating::High,
                    ))
                    .build()
            }),
        mock!(Client::list_security_control_definitions)
            .match_requests(|r| r.standards_arn() == Some(CIS))
            .then_output(|| {
                ListSecurityControlDefinitionsOutput::builder()
                    .security_control_definitions(definition(
                        "KMS.4",
                        "AWS KMS key rotation should be enabled",
                        sh::SeverityRating::Medium,
                    ))
                    .build()
            }),
        // Enabled everywhere except EC2.2 in FSBP.
        mock!(Client::batch_get_standards_control_associations).then_compute_output(|req| {
            let details = req
                .standards_control_association_ids()
                .iter()
                .map(|id| {
                    let off = id.security_control_id() == Some("EC2.2");
                    sh::StandardsControlAssociationDetail::builder()
                        .standards_arn(id.standards_arn().unwrap_or_default())
                        .security_control_id(id.security_control_id().unwrap_or_default())
                        .security_control_arn(
                            "arn:aws:securityhub:eu-west-2:111122223333:security-control/x",
                        )
                        .association_status(if off {
                            sh::AssociationStatus::Disabled
                        } else {
                            sh::AssociationStatus::Enabled
                        })
                        .build()
                })
                .collect();
            BatchGetStandardsControlAssociationsOutput::builder()
                .set_standards_control_association_details(Some(details))
                .build()
        }),
    ]);
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            securityhub: rules,
            ..Mocks::default()
        },
    )]);
    let e = s
        .load_estate(&only(&[DatasetKind::Standards, DatasetKind::Controls]))
        .await;
    assert_eq!(e.standards.len(), 2);
    assert!(
        e.standards
            .iter()
            .any(|s| s.name == "CIS AWS Foundations Benchmark v1.4.0" && s.status == "READY")
    );
    assert_eq!(e.controls.len(), 2, "KMS.4 once, though in two standards");
    let kms4 = e
        .controls
        .iter()
        .find(|c| c.control_id == "KMS.4")
        .expect("KMS.4");
    assert!(kms4.enabled_in("standards/aws-foundational-security-best-practices/v/1.0.0"));
    assert!(kms4.enabled_in("standards/cis-aws-foundations-benchmark/v/1.4.0"));
    let ec22 = e
        .controls
        .iter()
        .find(|c| c.control_id == "EC2.2")
        .expect("EC2.2");
    assert!(!ec22.enabled_in("standards/aws-foundational-security-best-practices/v/1.0.0"));
    assert!(e.status(DatasetKind::Controls).is_complete());
    assert_sent_actions_in_policy(s.ledger());
}

#[tokio::test]
async fn an_aggregator_is_read_once_for_every_account_and_region() {
    const AGG: &str = "arn:aws:securityhub:eu-west-2:111122223333:finding-aggregator/123e4567-e89b-12d3-a456-426652340000";
    let home = vec![
        mock!(Client::describe_hub).then_output(|| DescribeHubOutput::builder().build()),
        mock!(Client::list_finding_aggregators).then_output(|| {
            ListFindingAggregatorsOutput::builder()
                .finding_aggregators(
                    sh::FindingAggregator::builder()
                        .finding_aggregator_arn(AGG)
                        .build(),
                )
                .build()
        }),
        mock!(Client::get_finding_aggregator).then_output(|| {
            GetFindingAggregatorOutput::builder()
                .finding_aggregator_arn(AGG)
                .finding_aggregation_region("eu-west-2")
                .region_linking_mode("ALL_REGIONS")
                .build()
        }),
        mock!(Client::get_findings).then_output(|| {
            GetFindingsOutput::builder()
                .findings(finding(1, "111122223333", "eu-west-2"))
                .findings(finding(2, "444455556666", "us-east-1"))
                .findings(finding(3, "777788889999", "ap-southeast-2"))
                .build()
        }),
    ];
    let linked = vec![
        mock!(Client::describe_hub).then_output(|| DescribeHubOutput::builder().build()),
        mock!(Client::get_findings).then_output(|| {
            GetFindingsOutput::builder()
                .findings(finding(9, "111122223333", "us-east-1"))
                .build()
        }),
    ];
    let s = session(vec![
        (
            "eu-west-2",
            Mocks {
                securityhub: home,
                ..Mocks::default()
            },
        ),
        (
            "us-east-1",
            Mocks {
                securityhub: linked,
                ..Mocks::default()
            },
        ),
    ]);
    let e = s
        .load_estate(&only(&[DatasetKind::SecurityHubFindings]))
        .await;
    assert_eq!(e.meta.aggregator_region.as_deref(), Some("eu-west-2"));
    assert_eq!(e.findings.len(), 3);
    let accounts: std::collections::BTreeSet<&str> =
        e.findings.iter().map(|f| f.account_id.as_str()).collect();
    assert_eq!(accounts.len(), 3);
    let gets: Vec<_> = s
        .ledger()
        .records()
        .into_iter()
        .filter(|r| r.operation == "GetFindings")
        .collect();
    assert_eq!(gets.len(), 1, "no per-region fan-out");
    assert_eq!(gets[0].region.as_deref(), Some("eu-west-2"));
    let rec = e
        .loads
        .iter()
        .find(|r| r.dataset == DatasetKind::SecurityHubFindings)
        .expect("record");
    assert_eq!(
        (rec.account_id.as_deref(), rec.region.as_deref()),
        (None, None)
    );
    assert!(e.status(DatasetKind::SecurityHubFindings).is_complete());
    assert_sent_actions_in_policy(s.ledger());
}
