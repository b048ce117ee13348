//! Mocked Security Hub and GuardDuty for the write tests: findings to
//! read (two control findings, a GuardDuty finding natively and through
//! Security Hub, another GuardDuty finding natively only) and the write
//! operations, each answered by a rule that counts the requests reaching
//! it (below the SDK: after serialisation, at transmission).
#![allow(dead_code)]

use super::aws_support::caller;
use super::mocks::{Mocks, fixture, http};
use aws_sdk_guardduty::operation::{
    archive_findings::ArchiveFindingsOutput, list_detectors::ListDetectorsOutput,
    list_findings::ListFindingsOutput, unarchive_findings::UnarchiveFindingsOutput,
};
use aws_sdk_securityhub::operation::{
    batch_update_findings::BatchUpdateFindingsOutput, describe_hub::DescribeHubOutput,
    get_findings::GetFindingsOutput, list_finding_aggregators::ListFindingAggregatorsOutput,
};
use aws_sdk_securityhub::types as sh;
use aws_smithy_mocks::{Rule, mock};
use rampart::aws::write::WriteTarget;
use rampart::aws::{Guard, Session};

pub const ACCT: &str = "111122223333";
pub const DETECTOR: &str = "12abc34d567e8fa901bc2d34e56789f0";
/// The GuardDuty finding read natively and through Security Hub.
pub const GD_ID: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

pub fn gd_arn(id: &str) -> String {
    format!("arn:aws:guardduty:eu-west-2:{ACCT}:detector/{DETECTOR}/finding/{id}")
}

pub fn control_id(i: usize) -> String {
    format!("arn:aws:securityhub:eu-west-2:{ACCT}:security-control/KMS.4/finding/{i:04}")
}

fn asff(id: &str, product: &str, title: &str) -> sh::AwsSecurityFinding {
    sh::AwsSecurityFinding::builder()
        .schema_version("2018-10-08")
        .id(id)
        .product_arn(format!("arn:aws:securityhub:eu-west-2::product/{product}"))
        .generator_id("generator")
        .aws_account_id(ACCT)
        .region("eu-west-2")
        .types("Software and Configuration Checks")
        .created_at("2026-10-01T08:00:00.000Z")
        .updated_at("2026-10-30T08:00:00.000Z")
        .title(title)
        .description(title)
        .severity(
            sh::Severity::builder()
                .label(sh::SeverityLabel::Medium)
                .build(),
        )
        .resources(
            sh::Resource::builder()
                .r#type("AwsEc2Instance")
                .id("arn:aws:ec2:eu-west-2:111122223333:instance/i-0a1b2c3d4e5f60718")
                .build(),
        )
        .workflow(
            sh::Workflow::builder()
                .status(sh::WorkflowStatus::New)
                .build(),
        )
        .record_state(sh::RecordState::Active)
        .build()
}

/// The mocked write operation in every region; counts add up.
pub struct Counted(Vec<(String, Rule)>);

impl Counted {
    pub fn num_calls(&self) -> usize {
        self.0.iter().map(|(_, r)| r.num_calls()).sum()
    }
}

pub struct Mocked {
    regions: Vec<(String, Mocks)>,
    pub batch_update: Counted,
    pub archive: Counted,
    pub list_detectors: Counted,
}

impl Mocked {
    pub fn session(&self, guard: Guard) -> Session {
        let clients = self.regions.iter().map(|(r, m)| m.clients(r)).collect();
        Session::from_clients(caller(), clients, guard, 4)
    }

    /// The region of each BatchUpdateFindings call, in region order.
    pub fn batch_update_regions(&self) -> Vec<String> {
        self.batch_update
            .0
            .iter()
            .flat_map(|(region, r)| std::iter::repeat_n(region.clone(), r.num_calls()))
            .collect()
    }
}

/// Mocks for `regions`; findings only in eu-west-2.
pub fn mocked(regions: &[&str]) -> Mocked {
    let mut out = Mocked {
        regions: Vec::new(),
        batch_update: Counted(Vec::new()),
        archive: Counted(Vec::new()),
        list_detectors: Counted(Vec::new()),
    };
    for region in regions {
        let home = *region == "eu-west-2";
        let batch_update = mock!(aws_sdk_securityhub::Client::batch_update_findings)
            .match_requests(|r| r.finding_identifiers().len() <= 100 && r.workflow().is_some())
            .then_compute_output(|r| {
                let mut b = BatchUpdateFindingsOutput::builder();
                for id in r.finding_identifiers() {
                    if id.id().is_some_and(|i| i.ends_with("/0002")) {
                        b = b.unprocessed_findings(
                            sh::BatchUpdateFindingsUnprocessedFinding::builder()
                                .finding_identifier(id.clone())
                                .error_code("FindingNotFound")
                                .error_message("Finding Not Found")
                                .build(),
                        );
                    } else {
                        b = b.processed_findings(id.clone());
                    }
                }
                b.build()
            });
        let archive = mock!(aws_sdk_guardduty::Client::archive_findings)
            .match_requests(|r| r.detector_id() == Some(DETECTOR) && r.finding_ids().len() <= 50)
            .then_output(|| ArchiveFindingsOutput::builder().build());
        let list_detectors = mock!(aws_sdk_guardduty::Client::list_detectors).then_output(|| {
            ListDetectorsOutput::builder()
                .detector_ids(DETECTOR)
                .build()
        });
        let findings = move || {
            let mut b = GetFindingsOutput::builder();
            if home {
                b = b
                    .findings(asff(
                        &control_id(1),
                        "aws/securityhub",
                        "KMS.4 key rotation",
                    ))
                    .findings(asff(
                        &control_id(2),
                        "aws/securityhub",
                        "KMS.4 key rotation",
                    ))
                    .findings(asff(&gd_arn(GD_ID), "aws/guardduty", "SSH brute force"));
            }
            b.build()
        };
        let securityhub = vec![
            mock!(aws_sdk_securityhub::Client::describe_hub).then_output(|| {
                DescribeHubOutput::builder()
                    .hub_arn(format!("arn:aws:securityhub:eu-west-2:{ACCT}:hub/default"))
                    .build()
            }),
            mock!(aws_sdk_securityhub::Client::list_finding_aggregators)
                .then_output(|| ListFindingAggregatorsOutput::builder().build()),
            mock!(aws_sdk_securityhub::Client::get_findings).then_output(findings),
            batch_update.clone(),
        ];
        let ids: &[&str] = if home {
            &[GD_ID, "0f9e8d7c6b5a49382716f5e4d3c2b1a0"]
        } else {
            &[]
        };
        let guardduty = vec![
            list_detectors.clone(),
            mock!(aws_sdk_guardduty::Client::list_findings).then_output(move || {
                ListFindingsOutput::builder()
                    .set_finding_ids(Some(ids.iter().map(|s| s.to_string()).collect()))
                    .build()
            }),
            mock!(aws_sdk_guardduty::Client::get_findings)
                .then_http_response(|| http(200, &fixture("guardduty.get-findings.json"))),
            archive.clone(),
            mock!(aws_sdk_guardduty::Client::unarchive_findings)
                .then_output(|| UnarchiveFindingsOutput::builder().build()),
        ];
        out.batch_update.0.push((region.to_string(), batch_update));
        out.archive.0.push((region.to_string(), archive));
        out.list_detectors
            .0
            .push((region.to_string(), list_detectors));
        out.regions.push((
            region.to_string(),
            Mocks {
                securityhub,
                guardduty,
                ..Mocks::default()
            },
        ));
    }
    out
}

/// A write target in `region` with both identities.
pub fn target(i: usize, region: &str) -> WriteTarget {
    WriteTarget {
        finding_id: format!("f{i}"),
        title: format!("finding {i}"),
        account_id: ACCT.into(),
        region: region.into(),
        securityhub: Some((
            format!("arn:aws:securityhub:{region}:{ACCT}:finding/f{i:04}"),
            format!("arn:aws:securityhub:{region}::product/aws/securityhub"),
        )),
        guardduty_id: Some(format!("gd{i}")),
    }
}
