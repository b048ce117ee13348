//! Credentials, regions, endpoints, retries and timeouts for live reads,
//! through aws-config's default chain (environment, profiles with SSO and
//! assume-role, container and instance credentials).

use crate::cli::DataArgs;
use crate::model::{DatasetKind, Timestamp};
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_sts::config::ProvideCredentials;
use std::time::Duration;

/// How to reach AWS and what to read. Built from the CLI's data flags with
/// [`LiveOptions::from_args`]; every field has a sensible default.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveOptions {
    /// Named profile (`--profile`, or `AWS_PROFILE` through clap).
    pub profile: Option<String>,
    /// Regions to read; empty = the profile's / `AWS_REGION`'s region.
    pub regions: Vec<String>,
    /// Read every enabled region (EC2 DescribeRegions, opt-in status).
    pub all_regions: bool,
    /// Send every request here (like the AWS CLI's `--endpoint-url`).
    /// `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` work without it.
    pub endpoint_url: Option<String>,
    /// Requests in flight at once per service, across regions.
    pub per_service_concurrency: usize,
    /// Attempts per request, first included (adaptive retry).
    pub max_attempts: u32,
    /// First retry back-off; later ones grow exponentially with jitter.
    pub initial_backoff: Duration,
    pub connect_timeout: Duration,
    /// Limit for one attempt of one request.
    pub attempt_timeout: Duration,
    /// Limit for one request with all its retries.
    pub operation_timeout: Duration,
    /// What to read; empty = every dataset.
    pub only: Vec<DatasetKind>,
    /// Incremental Security Hub refresh: only findings updated since then
    /// (archived ones included, so they can leave the views).
    pub findings_updated_since: Option<Timestamp>,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            profile: None,
            regions: Vec::new(),
            all_regions: false,
            endpoint_url: None,
            per_service_concurrency: 4,
            max_attempts: 5,
            initial_backoff: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(5),
            attempt_timeout: Duration::from_secs(30),
            operation_timeout: Duration::from_secs(120),
            only: Vec::new(),
            findings_updated_since: None,
        }
    }
}

impl LiveOptions {
    /// The live part of the data flags.
    pub fn from_args(args: &DataArgs) -> LiveOptions {
        let mut regions: Vec<String> = Vec::new();
        for r in args
            .regions
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
        {
            if !regions.iter().any(|x| x == r) {
                regions.push(r.to_string());
            }
        }
        LiveOptions {
            profile: args.profile.clone().filter(|p| !p.is_empty()),
            regions,
            all_regions: args.all_regions,
            endpoint_url: args.endpoint_url.clone().filter(|u| !u.is_empty()),
            ..LiveOptions::default()
        }
    }

    /// True when `dataset` is to be read.
    pub fn wants(&self, dataset: DatasetKind) -> bool {
        self.only.is_empty() || self.only.contains(&dataset)
    }

    pub fn retry_config(&self) -> RetryConfig {
        RetryConfig::adaptive()
            .with_max_attempts(self.max_attempts.max(1))
            .with_initial_backoff(self.initial_backoff)
    }

    pub fn timeout_config(&self) -> TimeoutConfig {
        TimeoutConfig::builder()
            .connect_timeout(self.connect_timeout)
            .operation_attempt_timeout(self.attempt_timeout)
            .operation_timeout(self.operation_timeout)
            .build()
    }
}

/// Why a live session could not start. Each displays as one line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LiveError {
    #[error(
        "no AWS credentials found (environment, profile, SSO, container or instance role); \
         set up credentials or use --profile NAME, or try rampart with --demo"
    )]
    NoCredentials,
    #[error(
        "AWS credentials could not be loaded: {0}; refresh them (e.g. `aws sso login`) or try --demo"
    )]
    Credentials(String),
    #[error("no AWS region: pass --region REGION (or --all-regions), or set AWS_REGION")]
    NoRegion,
    #[error("cannot identify the caller (sts:GetCallerIdentity): {0}")]
    Identity(String),
    #[error("cannot list the enabled regions (ec2:DescribeRegions): {0}")]
    Regions(String),
    #[error("cannot start the async runtime: {0}")]
    Runtime(String),
}

/// Resolves configuration through the default chain and checks that some
/// credentials exist before anything else is sent.
pub async fn sdk_config(opts: &LiveOptions) -> Result<SdkConfig, LiveError> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(opts.retry_config())
        .timeout_config(opts.timeout_config());
    if let Some(p) = &opts.profile {
        loader = loader.profile_name(p);
    }
    if let Some(url) = &opts.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    if let Some(first) = opts.regions.first() {
        // The home region (STS, DescribeRegions); each read names its own.
        loader = loader.region(Region::new(first.clone()));
    }
    let config = loader.load().await;
    check_credentials(&config).await?;
    Ok(config)
}

async fn check_credentials(config: &SdkConfig) -> Result<(), LiveError> {
    let Some(provider) = config.credentials_provider() else {
        return Err(LiveError::NoCredentials);
    };
    match provider.provide_credentials().await {
        Ok(_) => Ok(()),
        Err(CredentialsError::CredentialsNotLoaded(_)) => Err(LiveError::NoCredentials),
        Err(e) => Err(LiveError::Credentials(one_line(&e))),
    }
}

/// An error and its causes on one line.
pub(crate) fn one_line(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        src = s.source();
    }
    out.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn options_come_from_the_data_flags() {
        let cli = crate::cli::Cli::try_parse_from([
            "rampart",
            "--profile",
            "audit",
            "--region",
            "eu-west-2, ap-southeast-2,eu-west-2",
            "--endpoint-url",
            "http://127.0.0.1:5000",
        ])
        .expect("parse");
        let o = LiveOptions::from_args(&cli.data);
        assert_eq!(o.profile.as_deref(), Some("audit"));
        assert_eq!(o.regions, ["eu-west-2", "ap-southeast-2"]);
        assert_eq!(o.endpoint_url.as_deref(), Some("http://127.0.0.1:5000"));
        assert!(o.wants(DatasetKind::KmsKeys));
        let only = LiveOptions {
            only: vec![DatasetKind::Vpcs],
            ..o
        };
        assert!(only.wants(DatasetKind::Vpcs) && !only.wants(DatasetKind::KmsKeys));
    }

    #[test]
    fn retry_is_adaptive_and_timeouts_are_set() {
        let o = LiveOptions::default();
        let r = o.retry_config();
        assert_eq!(r.mode(), aws_config::retry::RetryMode::Adaptive);
        assert_eq!(r.max_attempts(), 5);
        let t = o.timeout_config();
        assert_eq!(t.connect_timeout(), Some(Duration::from_secs(5)));
        assert_eq!(t.operation_timeout(), Some(Duration::from_secs(120)));
    }

    #[test]
    fn errors_are_one_line_and_suggest_demo() {
        let msg = LiveError::NoCredentials.to_string();
        assert!(!msg.contains('\n') && msg.contains("--demo"), "{msg}");
    }
}
