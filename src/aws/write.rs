//! The only AWS writes rampart can make, and only with `--allow-writes`:
//! Security Hub workflow updates (BatchUpdateFindings, at most 100 findings
//! a call) and GuardDuty archive / unarchive (at most 50 ids a call, per
//! detector and region). Every call goes through the session's guard, so a
//! read-only session refuses them before a byte is sent.
//!
//! Auditor builds (`--no-default-features`) compile none of this: the
//! whole file is behind the `writes` feature, and a test checks that no
//! write operation is named anywhere else in `src/`.
#![cfg(feature = "writes")]

use super::errors::classify;
use super::guard::Refused;
use super::ledger::{CallOutcome, CallRecord};
use super::session::Session;
use crate::model::{LoadState, WorkflowStatus};
use aws_sdk_securityhub::types::{
    AwsSecurityFindingIdentifier, NoteUpdate, WorkflowStatus as HubStatus, WorkflowUpdate,
};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::collections::BTreeMap;

/// BatchUpdateFindings takes at most 100 findings.
pub const HUB_BATCH: usize = 100;
/// ArchiveFindings / UnarchiveFindings take at most 50 ids.
pub const GUARDDUTY_BATCH: usize = 50;
/// Security Hub keeps notes up to 512 characters.
const NOTE_MAX: usize = 512;

/// What to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteAction {
    /// Security Hub workflow status, with an optional note.
    Workflow {
        status: WorkflowStatus,
        note: String,
    },
    /// GuardDuty: archive the findings.
    Archive,
    /// GuardDuty: bring archived findings back.
    Unarchive,
}

impl WriteAction {
    /// The IAM action of the call, e.g. `securityhub:BatchUpdateFindings`.
    pub fn iam_action(&self) -> &'static str {
        match self {
            WriteAction::Workflow { .. } => "securityhub:BatchUpdateFindings",
            WriteAction::Archive => "guardduty:ArchiveFindings",
            WriteAction::Unarchive => "guardduty:UnarchiveFindings",
        }
    }

    /// The SDK's (service, operation) names, as the guard sees them.
    pub fn operation(&self) -> (&'static str, &'static str) {
        match self {
            WriteAction::Workflow { .. } => ("SecurityHub", "BatchUpdateFindings"),
            WriteAction::Archive => ("GuardDuty", "ArchiveFindings"),
            WriteAction::Unarchive => ("GuardDuty", "UnarchiveFindings"),
        }
    }

    /// Short description, e.g. `workflow RESOLVED` or `archive`.
    pub fn describe(&self) -> String {
        match self {
            WriteAction::Workflow { status, .. } => format!("workflow {}", status.as_str()),
            WriteAction::Archive => "archive (GuardDuty)".to_string(),
            WriteAction::Unarchive => "unarchive (GuardDuty)".to_string(),
        }
    }
}

/// One finding to change, with what each service needs to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteTarget {
    /// The finding as rampart shows it; results name it.
    pub finding_id: String,
    pub title: String,
    pub account_id: String,
    pub region: String,
    /// Security Hub's identifier: the ASFF `Id` and `ProductArn`.
    pub securityhub: Option<(String, String)>,
    /// GuardDuty's own finding id.
    pub guardduty_id: Option<String>,
}

/// A confirmed write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteJob {
    pub id: u64,
    pub action: WriteAction,
    pub targets: Vec<WriteTarget>,
    /// Security Hub's aggregation region: workflow updates for findings of
    /// every linked region are sent there.
    pub aggregator_region: Option<String>,
    /// Who the note is from (the caller's ARN).
    pub updated_by: String,
}

/// What happened to one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteResult {
    pub finding_id: String,
    /// `Err` says why, in one line.
    pub outcome: Result<(), String>,
}

/// Why a call failed, in one line (an emulator's HTML 404 says the
/// operation is not supported, a denial names the IAM action).
fn why<E>(e: &SdkError<E, HttpResponse>, action: &str) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match classify(e, action) {
        LoadState::AccessDenied { action, message } => {
            format!("access denied ({action}): {message}")
        }
        LoadState::NotEnabled { reason } => format!("not enabled: {reason}"),
        LoadState::Failed { reason } => reason,
        other => other.describe(),
    }
}

fn failed(t: &WriteTarget, why: impl Into<String>) -> WriteResult {
    WriteResult {
        finding_id: t.finding_id.clone(),
        outcome: Err(why.into()),
    }
}

/// Runs `job`; one result per target, in target order. A session whose
/// guard refuses the write sends nothing at all, not even the reads that
/// would prepare it; the refusal is recorded in the call ledger.
pub async fn execute(session: &Session, job: &WriteJob) -> Vec<WriteResult> {
    let (service, operation) = job.action.operation();
    if !session.guard().allows(service, operation) {
        let refused = Refused {
            service: service.to_string(),
            operation: operation.to_string(),
        };
        session.ledger().push(CallRecord {
            seq: 0,
            service: service.to_string(),
            operation: operation.to_string(),
            region: None,
            started_at: chrono::Utc::now(),
            duration_ms: 0,
            attempts: 0,
            request_id: None,
            outcome: CallOutcome::Refused {
                reason: refused.to_string(),
            },
        });
        return job
            .targets
            .iter()
            .map(|t| failed(t, refused.to_string()))
            .collect();
    }
    let mut results = match &job.action {
        WriteAction::Workflow { status, note } => workflow(session, job, *status, note).await,
        WriteAction::Archive => guardduty(session, &job.targets, true).await,
        WriteAction::Unarchive => guardduty(session, &job.targets, false).await,
    };
    let order: BTreeMap<&str, usize> = job
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| (t.finding_id.as_str(), i))
        .collect();
    results.sort_by_key(|r| order.get(r.finding_id.as_str()).copied());
    results
}

fn hub_status(s: WorkflowStatus) -> HubStatus {
    match s {
        WorkflowStatus::New => HubStatus::New,
        WorkflowStatus::Notified => HubStatus::Notified,
        WorkflowStatus::Resolved => HubStatus::Resolved,
        WorkflowStatus::Suppressed => HubStatus::Suppressed,
    }
}

async fn workflow(
    session: &Session,
    job: &WriteJob,
    status: WorkflowStatus,
    note: &str,
) -> Vec<WriteResult> {
    let mut out = Vec::new();
    // Per call region: the aggregation region, else the finding's own.
    let mut by_region: BTreeMap<String, Vec<(&WriteTarget, &str, &str)>> = BTreeMap::new();
    for t in &job.targets {
        match &t.securityhub {
            Some((id, product)) => {
                let region = job.aggregator_region.as_deref().unwrap_or(&t.region);
                by_region
                    .entry(region.to_string())
                    .or_default()
                    .push((t, id, product));
            }
            None => out.push(failed(
                t,
                "not read through Security Hub: no finding Id and ProductArn to update",
            )),
        }
    }
    let note: String = note.trim().chars().take(NOTE_MAX).collect();
    for (region, targets) in by_region {
        let Some(clients) = session.region_clients(&region) else {
            out.extend(
                targets
                    .iter()
                    .map(|(t, ..)| failed(t, format!("{region} is not a region of this session"))),
            );
            continue;
        };
        for chunk in targets.chunks(HUB_BATCH) {
            let ids: Vec<AwsSecurityFindingIdentifier> = chunk
                .iter()
                .map(|(_, id, product)| {
                    AwsSecurityFindingIdentifier::builder()
                        .id(*id)
                        .product_arn(*product)
                        .build()
                })
                .collect();
            let mut call = clients
                .securityhub
                .batch_update_findings()
                .set_finding_identifiers(Some(ids))
                .workflow(WorkflowUpdate::builder().status(hub_status(status)).build());
            if !note.is_empty() {
                call = call.note(
                    NoteUpdate::builder()
                        .text(&note)
                        .updated_by(&job.updated_by)
                        .build(),
                );
            }
            match call.send().await {
                Ok(answer) => {
                    let key = |i: &AwsSecurityFindingIdentifier| {
                        (
                            i.id().unwrap_or_default().to_string(),
                            i.product_arn().unwrap_or_default().to_string(),
                        )
                    };
                    let done: Vec<(String, String)> =
                        answer.processed_findings().iter().map(key).collect();
                    let refused: Vec<((String, String), String)> = answer
                        .unprocessed_findings()
                        .iter()
                        .map(|u| {
                            let why = format!(
                                "{}: {}",
                                u.error_code().unwrap_or("not processed"),
                                u.error_message().unwrap_or("")
                            );
                            (u.finding_identifier().map(key).unwrap_or_default(), why)
                        })
                        .collect();
                    for (t, id, product) in chunk {
                        let k = (id.to_string(), product.to_string());
                        let outcome = if done.contains(&k) {
                            Ok(())
                        } else if let Some((_, why)) = refused.iter().find(|(r, _)| *r == k) {
                            Err(why.trim_end_matches([' ', ':']).to_string())
                        } else {
                            Err("Security Hub did not report this finding as processed".into())
                        };
                        out.push(WriteResult {
                            finding_id: t.finding_id.clone(),
                            outcome,
                        });
                    }
                }
                Err(e) => {
                    let why = why(&e, "securityhub:BatchUpdateFindings");
                    out.extend(chunk.iter().map(|(t, ..)| failed(t, why.clone())));
                }
            }
        }
    }
    out
}

async fn guardduty(session: &Session, targets: &[WriteTarget], archive: bool) -> Vec<WriteResult> {
    let mut out = Vec::new();
    let mut by_region: BTreeMap<&str, Vec<(&WriteTarget, &str)>> = BTreeMap::new();
    for t in targets {
        match &t.guardduty_id {
            Some(id) => by_region.entry(&t.region).or_default().push((t, id)),
            None => out.push(failed(t, "not a GuardDuty finding")),
        }
    }
    for (region, targets) in by_region {
        let Some(clients) = session.region_clients(region) else {
            out.extend(
                targets
                    .iter()
                    .map(|(t, _)| failed(t, format!("{region} is not a region of this session"))),
            );
            continue;
        };
        let client = &clients.guardduty;
        // The caller's detector in the region: an administrator archives
        // its members' findings through its own detector.
        let detector = match client.list_detectors().send().await {
            Ok(d) => d.detector_ids().first().cloned(),
            Err(e) => {
                let why = format!(
                    "cannot find the GuardDuty detector: {}",
                    why(&e, "guardduty:ListDetectors")
                );
                out.extend(targets.iter().map(|(t, _)| failed(t, why.clone())));
                continue;
            }
        };
        let Some(detector) = detector else {
            let why = format!("no GuardDuty detector in {region}");
            out.extend(targets.iter().map(|(t, _)| failed(t, why.clone())));
            continue;
        };
        for chunk in targets.chunks(GUARDDUTY_BATCH) {
            let ids: Vec<String> = chunk.iter().map(|(_, id)| id.to_string()).collect();
            let sent = if archive {
                client
                    .archive_findings()
                    .detector_id(&detector)
                    .set_finding_ids(Some(ids))
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(|e| why(&e, "guardduty:ArchiveFindings"))
            } else {
                client
                    .unarchive_findings()
                    .detector_id(&detector)
                    .set_finding_ids(Some(ids))
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(|e| why(&e, "guardduty:UnarchiveFindings"))
            };
            out.extend(chunk.iter().map(|(t, _)| WriteResult {
                finding_id: t.finding_id.clone(),
                outcome: sent.clone(),
            }));
        }
    }
    out
}
