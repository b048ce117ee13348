//! Live AWS: the only module that names `aws_sdk_*`.
//!
//! One file per service reads its datasets page by page and sends each
//! page as an [`EstateDelta`]; `convert/` turns SDK types into the model;
//! `guard` keeps every client read-only and records every call in the
//! [`CallLedger`]; `errors` turns failures into per-dataset load states.
//!
//! Entry points: [`Session::connect`] + [`Session::load`] (the TUI: stream
//! into its estate, refresh parts later), [`load`] (connect, announce,
//! stream everything), [`load_all`] / [`load_live`] (collect into an
//! [`Estate`] for `summary`, `render`, `capture`).

pub mod clients;
pub mod config;
pub mod convert;
pub mod errors;
pub mod guard;
pub mod ledger;
#[cfg(feature = "writes")]
pub mod write;

mod cloudwatch;
mod ec2;
mod guardduty;
mod kms;
mod macie;
mod progress;
mod securityhub;
mod session;
mod sts;

pub use clients::RegionClients;
pub use config::{LiveError, LiveOptions};
pub use guard::{Guard, Refused};
pub use ledger::{CallLedger, CallOutcome, CallRecord, CallSink, call_event};
pub use session::{LoadRequest, Session};

use crate::cli::DataArgs;
use crate::model::{Estate, EstateDelta};
use tokio::sync::mpsc;

/// Every IAM action rampart's reads may need: exactly what
/// `docs/iam/rampart-readonly.json` grants.
pub const IAM_READ_ACTIONS: &[&str] = &[
    "sts:GetCallerIdentity",
    "securityhub:DescribeHub",
    "securityhub:GetFindings",
    "securityhub:GetEnabledStandards",
    "securityhub:DescribeStandards",
    "securityhub:ListSecurityControlDefinitions",
    "securityhub:BatchGetStandardsControlAssociations",
    "securityhub:ListFindingAggregators",
    "securityhub:GetFindingAggregator",
    "guardduty:ListDetectors",
    "guardduty:ListFindings",
    "guardduty:GetFindings",
    "macie2:GetMacieSession",
    "macie2:ListFindings",
    "macie2:GetFindings",
    "kms:ListKeys",
    "kms:ListAliases",
    "kms:DescribeKey",
    "kms:GetKeyRotationStatus",
    "kms:GetKeyPolicy",
    "kms:ListResourceTags",
    "ec2:DescribeRegions",
    "ec2:DescribeVpcs",
    "ec2:DescribeSubnets",
    "ec2:DescribeRouteTables",
    "ec2:DescribeInternetGateways",
    "ec2:DescribeNatGateways",
    "ec2:DescribeVpcEndpoints",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeNetworkAcls",
    "ec2:DescribeFlowLogs",
    "cloudwatch:DescribeAlarms",
];

/// Connects, sends the estate's metadata, then streams everything `opts`
/// asks for. Returns the session (its ledger, and for later refreshes)
/// once every dataset has its final state.
pub async fn load(opts: &LiveOptions, tx: mpsc::Sender<EstateDelta>) -> Result<Session, LiveError> {
    let session = Session::connect(opts).await?;
    if tx
        .send(EstateDelta::Meta(session.meta(chrono::Utc::now())))
        .await
        .is_ok()
    {
        session.load(&LoadRequest::from_options(opts), tx).await;
    }
    Ok(session)
}

/// Everything `opts` asks for, collected into one estate; every call is
/// recorded in `calls` (and, through it, in a session log).
pub async fn load_all(opts: &LiveOptions, calls: CallLedger) -> Result<Estate, LiveError> {
    let session = Session::connect_with(opts, Guard::read_only(calls)).await?;
    Ok(session.load_estate(&LoadRequest::from_options(opts)).await)
}

/// The live estate the data flags describe (what `run` calls when
/// [`DataArgs::is_live`]).
pub async fn load_live(args: &DataArgs, calls: CallLedger) -> Result<Estate, LiveError> {
    load_all(&LiveOptions::from_args(args), calls).await
}

/// [`load_live`] for synchronous callers: either outside any runtime, or on
/// a blocking thread of one (`spawn_blocking`, as the console's loader is).
/// Must not be called from an async task.
pub fn load_live_blocking(args: &DataArgs, calls: CallLedger) -> Result<Estate, LiveError> {
    if let Ok(handle) = tokio::runtime::Handle::try_current() {
        return handle.block_on(load_live(args, calls));
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| LiveError::Runtime(e.to_string()))?;
    rt.block_on(load_live(args, calls))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_listed_action_is_a_read_the_guard_allows() {
        let g = Guard::read_only(CallLedger::new());
        let services: BTreeSet<&str> = IAM_READ_ACTIONS
            .iter()
            .filter_map(|a| a.split_once(':').map(|(s, _)| s))
            .collect();
        assert_eq!(
            services.into_iter().collect::<Vec<_>>(),
            [
                "cloudwatch",
                "ec2",
                "guardduty",
                "kms",
                "macie2",
                "securityhub",
                "sts"
            ]
        );
        for a in IAM_READ_ACTIONS {
            let (svc, op) = a.split_once(':').expect("service:Operation");
            let name = match svc {
                "securityhub" => "SecurityHub",
                "guardduty" => "GuardDuty",
                "macie2" => "Macie2",
                "cloudwatch" => "CloudWatch",
                "kms" => "KMS",
                "ec2" => "EC2",
                _ => "STS",
            };
            assert!(g.allows(name, op), "{a} must be a read");
            assert_eq!(ledger::iam_action(name, op), *a);
        }
    }
}
