//! SDK clients answered by `aws-smithy-mocks` rules, for what the
//! emulator cannot serve. Every client gets the same short retry policy
//! so retry tests stay fast; rampart's guard is added by the session.
#![allow(dead_code)]

use aws_smithy_mocks::{Rule, RuleMode, mock_client};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use rampart::aws::{CallLedger, Guard, RegionClients, Session};
use std::time::Duration;

/// Rules per service for one region.
#[derive(Default)]
pub struct Mocks {
    pub sts: Vec<Rule>,
    pub securityhub: Vec<Rule>,
    pub guardduty: Vec<Rule>,
    pub macie: Vec<Rule>,
    pub kms: Vec<Rule>,
    pub ec2: Vec<Rule>,
    pub cloudwatch: Vec<Rule>,
}

macro_rules! client {
    ($krate:ident, $rules:expr, $region:expr) => {
        mock_client!($krate, RuleMode::MatchAny, &$rules, |b| b
            .region($krate::config::Region::new($region.to_string()))
            .retry_config(
                $krate::config::retry::RetryConfig::standard()
                    .with_max_attempts(3)
                    .with_initial_backoff(Duration::from_millis(2))
            ))
    };
}

impl Mocks {
    pub fn clients(&self, region: &str) -> RegionClients {
        RegionClients {
            region: region.to_string(),
            sts: client!(aws_sdk_sts, self.sts, region),
            securityhub: client!(aws_sdk_securityhub, self.securityhub, region),
            guardduty: client!(aws_sdk_guardduty, self.guardduty, region),
            macie: client!(aws_sdk_macie2, self.macie, region),
            kms: client!(aws_sdk_kms, self.kms, region),
            ec2: client!(aws_sdk_ec2, self.ec2, region),
            cloudwatch: client!(aws_sdk_cloudwatch, self.cloudwatch, region),
        }
    }
}

/// A read-only session over mocked regions.
pub fn session(regions: Vec<(&str, Mocks)>) -> Session {
    let clients = regions.iter().map(|(r, m)| m.clients(r)).collect();
    Session::from_clients(
        super::aws_support::caller(),
        clients,
        Guard::read_only(CallLedger::new()),
        4,
    )
}

/// A raw HTTP answer, parsed by the SDK's real deserialisers.
pub fn http(status: u16, body: &str) -> HttpResponse {
    HttpResponse::new(
        StatusCode::try_from(status).expect("status"),
        SdkBody::from(body.to_string()),
    )
}

/// An awsJson / restJson error body.
pub fn error_body(code: &str, message: &str) -> String {
    serde_json::json!({ "__type": code, "message": message }).to_string()
}

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/aws/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
