//! A live session: resolved credentials, caller, regions and guarded
//! clients, able to (re)load any part of the estate as a delta stream.

use super::clients::RegionClients;
use super::config::{LiveError, LiveOptions, sdk_config};
use super::guard::Guard;
use super::ledger::CallLedger;
use super::progress::{Ctx, Limits};
use super::securityhub::FindingsScope;
use super::{cloudwatch, ec2, guardduty, kms, macie, securityhub, sts};
use crate::model::{
    CallerIdentity, DataOrigin, DatasetKind, Estate, EstateDelta, EstateMeta, LoadState, Timestamp,
    dedup_findings,
};
use aws_config::SdkConfig;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

const SECURITY_HUB: &[DatasetKind] = &[
    DatasetKind::SecurityHubFindings,
    DatasetKind::Standards,
    DatasetKind::Controls,
];

const EC2: &[DatasetKind] = &DatasetKind::NETWORK;

/// What one load reads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadRequest {
    /// Datasets to read; empty = all.
    pub only: Vec<DatasetKind>,
    /// Security Hub findings updated since then only (incremental refresh:
    /// upserts, no pruning). Other datasets are always read in full.
    pub findings_updated_since: Option<Timestamp>,
}

impl LoadRequest {
    pub fn from_options(opts: &LiveOptions) -> LoadRequest {
        LoadRequest {
            only: opts.only.clone(),
            findings_updated_since: opts.findings_updated_since,
        }
    }
}

/// A connected session. Cheap to share behind an `Arc`; loads may run
/// concurrently (each sends on its own channel).
#[derive(Debug)]
pub struct Session {
    profile: Option<String>,
    caller: CallerIdentity,
    clients: BTreeMap<String, RegionClients>,
    guard: Guard,
    limits: Arc<Limits>,
}

impl Session {
    /// Resolves configuration through the default chain, checks
    /// credentials, identifies the caller and resolves the regions.
    pub async fn connect(opts: &LiveOptions) -> Result<Session, LiveError> {
        let sdk = sdk_config(opts).await?;
        Session::from_sdk_config(&sdk, opts, Guard::read_only(CallLedger::new())).await
    }

    /// As [`Session::connect`], from a configuration built by the caller
    /// (tests point it at the emulator with static credentials).
    pub async fn from_sdk_config(
        sdk: &SdkConfig,
        opts: &LiveOptions,
        guard: Guard,
    ) -> Result<Session, LiveError> {
        let home = opts
            .regions
            .first()
            .cloned()
            .or_else(|| sdk.region().map(|r| r.as_ref().to_string()))
            // Any commercial region answers DescribeRegions for the account.
            .or_else(|| opts.all_regions.then(|| "us-east-1".to_string()))
            .ok_or(LiveError::NoRegion)?;
        let home_clients = RegionClients::from_sdk_config(sdk, &home, &guard);
        let caller = sts::caller(&home_clients.sts).await?;
        let regions = if opts.all_regions {
            ec2::enabled_regions(&home_clients.ec2)
                .await
                .map_err(LiveError::Regions)?
        } else if opts.regions.is_empty() {
            vec![home.clone()]
        } else {
            opts.regions.clone()
        };
        let clients = regions
            .iter()
            .map(|r| (r.clone(), RegionClients::from_sdk_config(sdk, r, &guard)))
            .collect();
        Ok(Session {
            profile: opts.profile.clone(),
            caller,
            clients,
            guard,
            limits: Arc::new(Limits::new(opts.per_service_concurrency)),
        })
    }

    /// A session over clients built elsewhere (mocks). `guard` is added to
    /// every client; `regions` are read in the order given.
    pub fn from_clients(
        caller: CallerIdentity,
        regions: Vec<RegionClients>,
        guard: Guard,
        per_service_concurrency: usize,
    ) -> Session {
        Session {
            profile: None,
            caller,
            clients: regions
                .into_iter()
                .map(|c| (c.region.clone(), c.guarded(&guard)))
                .collect(),
            guard,
            limits: Arc::new(Limits::new(per_service_concurrency)),
        }
    }

    pub fn caller(&self) -> &CallerIdentity {
        &self.caller
    }

    /// The regions read, sorted.
    pub fn regions(&self) -> Vec<String> {
        self.clients.keys().cloned().collect()
    }

    /// Every call made (and refused) in this session.
    pub fn ledger(&self) -> &CallLedger {
        self.guard.ledger()
    }

    pub fn guard(&self) -> &Guard {
        &self.guard
    }

    /// Metadata for an estate read now by this session.
    pub fn meta(&self, now: Timestamp) -> EstateMeta {
        let mut meta = EstateMeta::new(
            DataOrigin::Live {
                profile: self.profile.clone(),
            },
            now,
        );
        meta.caller = Some(self.caller.clone());
        meta.accounts = vec![self.caller.account_id.clone()];
        meta.regions = self.regions();
        meta
    }

    /// Reads what `req` asks, services x regions in parallel, sending
    /// pages as they arrive and one terminal state per dataset x region.
    /// Returns when everything finished or the receiver went away.
    pub async fn load(&self, req: &LoadRequest, tx: mpsc::Sender<EstateDelta>) {
        let ctx = Ctx {
            account_id: self.caller.account_id.clone(),
            tx,
            limits: self.limits.clone(),
            only: Arc::new(req.only.clone()),
            findings_updated_since: req.findings_updated_since,
        };
        let aggregation = self.aggregation(&ctx).await;
        if let Some(r) = &aggregation
            && ctx
                .send(EstateDelta::AggregatorRegion(r.clone()))
                .await
                .is_err()
        {
            return;
        }
        let mut tasks = JoinSet::new();
        // What each task reads, to fail it honestly should it panic.
        let mut owners: HashMap<tokio::task::Id, (String, &'static [DatasetKind])> = HashMap::new();
        for (region, c) in &self.clients {
            let scope = match &aggregation {
                Some(a) if a == region => FindingsScope::Aggregated,
                Some(_) => FindingsScope::ThroughAggregator,
                None => FindingsScope::Region,
            };
            macro_rules! spawn {
                ($module:ident, $client:ident, $datasets:expr $(, $extra:expr)?) => {{
                    let (client, ctx, r) = (c.$client.clone(), ctx.clone(), region.clone());
                    let handle = tasks.spawn(async move { $module::read(&client, &ctx, &r $(, $extra)?).await });
                    owners.insert(handle.id(), (region.clone(), $datasets));
                }};
            }
            spawn!(securityhub, securityhub, SECURITY_HUB, scope);
            spawn!(guardduty, guardduty, &[DatasetKind::GuardDutyFindings]);
            spawn!(macie, macie, &[DatasetKind::MacieFindings]);
            spawn!(kms, kms, &[DatasetKind::KmsKeys]);
            spawn!(ec2, ec2, EC2);
            spawn!(cloudwatch, cloudwatch, &[DatasetKind::Alarms]);
        }
        while let Some(done) = tasks.join_next_with_id().await {
            let Err(e) = done else { continue };
            tracing::warn!("a reader task ended abnormally: {e}");
            let Some((region, datasets)) = owners.get(&e.id()) else {
                continue;
            };
            for d in datasets.iter().filter(|d| ctx.wants(**d)) {
                let state = LoadState::Failed {
                    reason: format!("internal error while reading: {e}"),
                };
                if ctx.set(*d, region, state).await.is_err() {
                    return;
                }
            }
        }
    }

    /// The Security Hub aggregation region, when it is one of ours.
    async fn aggregation(&self, ctx: &Ctx) -> Option<String> {
        if !ctx.wants(DatasetKind::SecurityHubFindings) {
            return None;
        }
        let home = self.clients.values().next()?;
        let found = securityhub::aggregation_region(
            &home.securityhub,
            |r| self.clients.get(r).map(|c| c.securityhub.clone()),
            ctx,
        )
        .await?;
        self.clients.contains_key(&found).then_some(found)
    }

    /// Reads everything `req` asks into a fresh estate.
    pub async fn load_estate(&self, req: &LoadRequest) -> Estate {
        let mut estate = Estate::empty(self.meta(chrono::Utc::now()));
        let (tx, mut rx) = mpsc::channel(256);
        let reading = self.load(req, tx);
        let applying = async {
            while let Some(d) = rx.recv().await {
                estate.apply(d);
            }
        };
        tokio::join!(reading, applying);
        // As with files: one finding read through several channels
        // (GuardDuty natively and through Security Hub) is shown once.
        estate.findings = dedup_findings(std::mem::take(&mut estate.findings));
        estate
    }
}
