//! What the emulator cannot serve, through `aws-smithy-mocks`: GuardDuty
//! and Macie findings, Security Hub standards, controls and aggregation,
//! CloudWatch alarms; partial failure, throttling and streaming.

#[path = "support/aws_support.rs"]
mod aws_support;
#[path = "support/mocks.rs"]
mod mocks;

use aws_smithy_mocks::mock;
use aws_support::assert_sent_actions_in_policy;
use mocks::{Mocks, error_body, fixture, http, session};
use rampart::aws::LoadRequest;
use rampart::model::{DatasetKind, Estate, LoadState, Severity, Source};

fn only(d: &[DatasetKind]) -> LoadRequest {
    LoadRequest {
        only: d.to_vec(),
        findings_updated_since: None,
    }
}

fn state(e: &Estate, d: DatasetKind, region: &str) -> LoadState {
    e.loads
        .iter()
        .find(|r| r.dataset == d && r.region.as_deref() == Some(region))
        .map(|r| r.state.clone())
        .unwrap_or(LoadState::NotLoaded)
}

fn guardduty_rules() -> Vec<aws_smithy_mocks::Rule> {
    use aws_sdk_guardduty::Client;
    use aws_sdk_guardduty::operation::{
        list_detectors::ListDetectorsOutput, list_findings::ListFindingsOutput,
    };
    vec![
        mock!(Client::list_detectors).then_output(|| {
            ListDetectorsOutput::builder()
                .detector_ids("12abc34d567e8fa901bc2d34e56789f0")
                .build()
        }),
        // Two pages of ids: the paginator follows NextToken.
        mock!(Client::list_findings)
            .match_requests(|r| r.next_token().is_none())
            .then_output(|| {
                ListFindingsOutput::builder()
                    .finding_ids("a1b2c3d4e5f60718293a4b5c6d7e8f90")
                    .next_token("page-2")
                    .build()
            }),
        mock!(Client::list_findings)
            .match_requests(|r| r.next_token() == Some("page-2"))
            .then_output(|| {
                ListFindingsOutput::builder()
                    .finding_ids("0f9e8d7c6b5a49382716f5e4d3c2b1a0")
                    .build()
            }),
        mock!(Client::get_findings)
            .match_requests(|r| {
                r.detector_id() == Some("12abc34d567e8fa901bc2d34e56789f0")
                    && r.finding_ids().len() <= 50
            })
            .then_http_response(|| http(200, &fixture("guardduty.get-findings.json"))),
    ]
}

fn macie_rules() -> Vec<aws_smithy_mocks::Rule> {
    use aws_sdk_macie2::Client;
    use aws_sdk_macie2::operation::{
        get_macie_session::GetMacieSessionOutput, list_findings::ListFindingsOutput,
    };
    use aws_sdk_macie2::types::MacieStatus;
    vec![
        mock!(Client::get_macie_session).then_output(|| {
            GetMacieSessionOutput::builder()
                .status(MacieStatus::Enabled)
                .build()
        }),
        mock!(Client::list_findings).then_output(|| {
            ListFindingsOutput::builder()
                .finding_ids("5f1e2d3c4b5a69788796a5b4c3d2e1f0")
                .build()
        }),
        mock!(Client::get_findings)
            .then_http_response(|| http(200, &fixture("macie.get-findings.json"))),
    ]
}

#[tokio::test]
async fn guardduty_and_macie_findings_are_read_natively() {
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            guardduty: guardduty_rules(),
            macie: macie_rules(),
            ..Mocks::default()
        },
    )]);
    let e = s
        .load_estate(&only(&[
            DatasetKind::GuardDutyFindings,
            DatasetKind::MacieFindings,
        ]))
        .await;
    let gd: Vec<_> = e
        .findings
        .iter()
        .filter(|f| f.source == Source::GuardDuty)
        .collect();
    assert_eq!(gd.len(), 2, "both ListFindings pages were fetched");
    let brute = gd
        .iter()
        .find(|f| f.finding_type == "UnauthorizedAccess:EC2/SSHBruteForce")
        .expect("brute force");
    assert_eq!(brute.severity, Severity::High);
    assert_eq!(brute.resources[0].tags["Name"], "bastion");
    assert_eq!(brute.provenances[0].raw.to_value()["service"]["count"], 42);
    let macie: Vec<_> = e
        .findings
        .iter()
        .filter(|f| f.source == Source::Macie)
        .collect();
    assert_eq!(macie.len(), 1);
    assert_eq!(macie[0].severity, Severity::High);
    assert_eq!(
        macie[0].resources[0].id,
        "arn:aws:s3:::customer-exports-prod"
    );
    assert!(state(&e, DatasetKind::GuardDutyFindings, "eu-west-2") != LoadState::NotLoaded);
    assert!(e.status(DatasetKind::GuardDutyFindings).is_complete());
    assert!(e.status(DatasetKind::MacieFindings).is_complete());
    assert_sent_actions_in_policy(s.ledger());
}

fn not_subscribed() -> aws_smithy_runtime_api::client::orchestrator::HttpResponse {
    http(
        401,
        &error_body(
            "InvalidAccessException",
            "Account 111122223333 is not subscribed to AWS Security Hub",
        ),
    )
}

#[tokio::test]
async fn services_that_are_off_say_so() {
    use aws_sdk_guardduty::operation::list_detectors::ListDetectorsOutput;
    let mocks = Mocks {
        guardduty: vec![
            mock!(aws_sdk_guardduty::Client::list_detectors).then_output(|| {
                ListDetectorsOutput::builder()
                    .set_detector_ids(Some(vec![]))
                    .build()
            }),
        ],
        macie: vec![
            mock!(aws_sdk_macie2::Client::get_macie_session).then_http_response(|| {
                http(
                    403,
                    &error_body("AccessDeniedException", "Macie is not enabled."),
                )
            }),
        ],
        securityhub: vec![
            mock!(aws_sdk_securityhub::Client::describe_hub).then_http_response(not_subscribed),
            mock!(aws_sdk_securityhub::Client::list_finding_aggregators)
                .then_http_response(not_subscribed),
        ],
        ..Mocks::default()
    };
    let s = session(vec![("eu-west-2", mocks)]);
    let e = s
        .load_estate(&only(&[
            DatasetKind::GuardDutyFindings,
            DatasetKind::MacieFindings,
            DatasetKind::SecurityHubFindings,
            DatasetKind::Standards,
        ]))
        .await;
    for d in [
        DatasetKind::GuardDutyFindings,
        DatasetKind::MacieFindings,
        DatasetKind::SecurityHubFindings,
        DatasetKind::Standards,
    ] {
        assert!(
            matches!(state(&e, d, "eu-west-2"), LoadState::NotEnabled { .. }),
            "{d}: {:?}",
            state(&e, d, "eu-west-2")
        );
        assert!(!e.status(d).has_data());
    }
}

#[path = "aws_mocks/kms.rs"]
mod kms;
#[path = "aws_mocks/securityhub.rs"]
mod securityhub;
#[path = "aws_mocks/streaming.rs"]
mod streaming;
