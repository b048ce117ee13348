//! What every service reader shares: the delta channel, the per-service
//! request limits, and one progress tracker per dataset read.

use super::errors::classify;
use crate::model::{DatasetKind, EstateDelta, Keyed, LoadRecord, LoadState, Timestamp};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::future::Future;
use std::sync::Arc;
use tokio::sync::{Semaphore, mpsc};

/// The services rampart reads, each with its own request limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Service {
    SecurityHub,
    GuardDuty,
    Macie,
    Kms,
    Ec2,
    CloudWatch,
}

/// Requests in flight per service, shared by every region.
#[derive(Debug)]
pub(crate) struct Limits {
    permits: [Arc<Semaphore>; 6],
    per_service: usize,
}

impl Limits {
    pub(crate) fn new(per_service: usize) -> Limits {
        let n = per_service.max(1);
        Limits {
            permits: std::array::from_fn(|_| Arc::new(Semaphore::new(n))),
            per_service: n,
        }
    }

    /// Requests allowed in flight per service.
    pub(crate) fn per_service(&self) -> usize {
        self.per_service
    }

    /// Runs one request (or one page of a paginator) under the service's limit.
    pub(crate) async fn run<F: Future>(&self, service: Service, request: F) -> F::Output {
        let _permit = self.permits[service as usize].acquire().await.ok();
        request.await
    }
}

/// The receiver is gone (the view cancelled the load): stop reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cancelled;

/// Shared by every reader of one load.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub account_id: String,
    pub tx: mpsc::Sender<EstateDelta>,
    pub limits: Arc<Limits>,
    pub only: Arc<Vec<DatasetKind>>,
    pub findings_updated_since: Option<Timestamp>,
}

impl Ctx {
    pub(crate) fn wants(&self, dataset: DatasetKind) -> bool {
        self.only.is_empty() || self.only.contains(&dataset)
    }

    pub(crate) async fn send(&self, delta: EstateDelta) -> Result<(), Cancelled> {
        self.tx.send(delta).await.map_err(|_| Cancelled)
    }

    /// Starts tracking one dataset in one region.
    pub(crate) fn dataset(&self, dataset: DatasetKind, region: &str) -> DatasetRun {
        DatasetRun {
            ctx: self.clone(),
            dataset,
            region: region.to_string(),
            pages: 0,
            items: 0,
            keep: Vec::new(),
            prune_all_accounts: false,
        }
    }

    /// Sends a terminal state for a dataset without reading it.
    pub(crate) async fn set(
        &self,
        dataset: DatasetKind,
        region: &str,
        state: LoadState,
    ) -> Result<(), Cancelled> {
        self.send(EstateDelta::Load(LoadRecord {
            dataset,
            account_id: Some(self.account_id.clone()),
            region: Some(region.to_string()),
            state,
        }))
        .await
    }
}

/// Progress of one dataset read: streams pages, then ends with exactly
/// one terminal load state.
#[derive(Debug)]
pub(crate) struct DatasetRun {
    ctx: Ctx,
    pub(crate) dataset: DatasetKind,
    region: String,
    pages: u32,
    items: u64,
    keep: Vec<String>,
    /// Through a Security Hub aggregator: the read covers every account
    /// and linked region, so pruning does too.
    prune_all_accounts: bool,
}

impl DatasetRun {
    pub(crate) fn covering_everything(mut self) -> DatasetRun {
        self.prune_all_accounts = true;
        self
    }

    async fn state(&self, state: LoadState) -> Result<(), Cancelled> {
        if self.prune_all_accounts {
            // One read covers every account and linked region.
            return self
                .ctx
                .send(EstateDelta::Load(LoadRecord {
                    dataset: self.dataset,
                    account_id: None,
                    region: None,
                    state,
                }))
                .await;
        }
        self.ctx.set(self.dataset, &self.region, state).await
    }

    /// Announces the read (0 pages so far).
    pub(crate) async fn start(&self) -> Result<(), Cancelled> {
        self.state(LoadState::Loading { pages: 0, items: 0 }).await
    }

    /// Sends one page of items and the progress so far.
    pub(crate) async fn page<T: Keyed>(
        &mut self,
        items: Vec<T>,
        wrap: fn(Vec<T>) -> EstateDelta,
    ) -> Result<(), Cancelled> {
        self.pages += 1;
        self.items += items.len() as u64;
        self.keep.extend(items.iter().map(Keyed::key));
        if !items.is_empty() {
            self.ctx.send(wrap(items)).await?;
        }
        self.state(LoadState::Loading {
            pages: self.pages,
            items: self.items,
        })
        .await
    }

    /// The read completed: prune what was not seen again, mark loaded.
    /// Incremental reads (`complete == false`) do not prune.
    pub(crate) async fn loaded(self, complete: bool) -> Result<(), Cancelled> {
        if complete {
            let (account_id, region) = if self.prune_all_accounts {
                (None, None)
            } else {
                (Some(self.ctx.account_id.clone()), Some(self.region.clone()))
            };
            self.ctx
                .send(EstateDelta::Prune {
                    dataset: self.dataset,
                    account_id,
                    region,
                    keep: self.keep.clone(),
                })
                .await?;
        }
        self.state(LoadState::Loaded {
            at: chrono::Utc::now(),
        })
        .await
    }

    /// The read stopped on `err` from the call needing `action`.
    pub(crate) async fn failed<E>(
        self,
        err: &SdkError<E, HttpResponse>,
        action: &str,
    ) -> Result<(), Cancelled>
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        self.state(classify(err, action)).await
    }

    /// The read ends in `state` (not enabled, a failure found earlier).
    pub(crate) async fn finish(self, state: LoadState) -> Result<(), Cancelled> {
        self.state(state).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn limits_bound_requests_per_service_not_across_services() {
        let limits = Arc::new(Limits::new(2));
        let (now, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let request = |service| {
            let (limits, now, peak) = (limits.clone(), now.clone(), peak.clone());
            async move {
                limits
                    .run(service, async {
                        let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(n, Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        now.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
            }
        };
        let kms: Vec<_> = (0..6).map(|_| request(Service::Kms)).collect();
        futures::future::join_all(kms).await;
        assert_eq!(peak.load(Ordering::SeqCst), 2);
        peak.store(0, Ordering::SeqCst);
        let mixed: Vec<_> = (0..4)
            .map(|i| {
                request(if i % 2 == 0 {
                    Service::Kms
                } else {
                    Service::Ec2
                })
            })
            .collect();
        futures::future::join_all(mixed).await;
        assert_eq!(peak.load(Ordering::SeqCst), 4);
    }
}
