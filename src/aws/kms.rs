//! KMS: ListKeys, then per key DescribeKey, GetKeyRotationStatus,
//! GetKeyPolicy and ListResourceTags; ListAliases once per region.

use super::convert::kms::{self as convert, KeyExtras};
use super::errors::classify;
use super::progress::{Cancelled, Ctx, Service};
use crate::model::{DatasetKind, EstateDelta, KmsKey, LoadState};
use aws_sdk_kms::Client;
use futures::StreamExt;
use std::collections::BTreeMap;

/// Reads the region's keys, one ListKeys page at a time.
pub(crate) async fn read(client: &Client, ctx: &Ctx, region: &str) -> Result<(), Cancelled> {
    if !ctx.wants(DatasetKind::KmsKeys) {
        return Ok(());
    }
    let mut run = ctx.dataset(DatasetKind::KmsKeys, region);
    run.start().await?;
    let aliases = aliases(client, ctx).await;
    let mut first_failure: Option<LoadState> = None;
    let mut pages = client.list_keys().into_paginator().send();
    loop {
        let page = match ctx.limits.run(Service::Kms, pages.next()).await {
            None => break,
            Some(Ok(page)) => page,
            Some(Err(e)) => return run.failed(&e, "kms:ListKeys").await,
        };
        let ids: Vec<String> = page
            .keys()
            .iter()
            .filter_map(|k| k.key_id().map(str::to_string))
            .collect();
        let results: Vec<Result<KmsKey, LoadState>> = futures::stream::iter(ids)
            .map(|id| key(client, ctx, region, id, &aliases))
            .buffered(ctx.limits.per_service())
            .collect()
            .await;
        let mut keys = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(k) => keys.push(k),
                Err(state) => {
                    first_failure.get_or_insert(state);
                }
            }
        }
        run.page(keys, EstateDelta::KmsKeys).await?;
    }
    match first_failure {
        // Keys already read stay; the dataset says what is missing.
        Some(state) => run.finish(state).await,
        None => run.loaded(true).await,
    }
}

/// Alias names per key id. A failure leaves keys without aliases (names
/// only; posture does not depend on them) and is in the call ledger.
async fn aliases(client: &Client, ctx: &Ctx) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut pages = client.list_aliases().into_paginator().send();
    while let Some(Ok(page)) = ctx.limits.run(Service::Kms, pages.next()).await {
        for (k, mut v) in convert::aliases_by_key(page.aliases()) {
            out.entry(k).or_default().append(&mut v);
        }
    }
    out
}

/// One key with everything rampart reads about it. Only DescribeKey is
/// required; rotation, policy and tags stay unknown when they fail.
async fn key(
    client: &Client,
    ctx: &Ctx,
    region: &str,
    id: String,
    aliases: &BTreeMap<String, Vec<String>>,
) -> Result<KmsKey, LoadState> {
    let described = ctx
        .limits
        .run(Service::Kms, client.describe_key().key_id(&id).send())
        .await
        .map_err(|e| classify(&e, "kms:DescribeKey"))?;
    let Some(meta) = described.key_metadata() else {
        return Err(LoadState::Failed {
            reason: format!("kms:DescribeKey returned no metadata for {id}"),
        });
    };
    let state = meta.key_state().map(|s| s.as_str()).unwrap_or("Enabled");
    let readable = matches!(state, "Enabled" | "Disabled");
    let mut extras = KeyExtras {
        aliases: aliases.get(&id).cloned().unwrap_or_default(),
        ..KeyExtras::default()
    };
    if convert::rotation_applies(meta) && readable {
        extras.rotation = ctx
            .limits
            .run(
                Service::Kms,
                client.get_key_rotation_status().key_id(&id).send(),
            )
            .await
            .ok();
    }
    extras.policy = ctx
        .limits
        .run(
            Service::Kms,
            client
                .get_key_policy()
                .key_id(&id)
                .policy_name("default")
                .send(),
        )
        .await
        .ok()
        .and_then(|p| p.policy().map(str::to_string));
    if convert::customer_managed(meta) {
        let tags = ctx
            .limits
            .run(Service::Kms, client.list_resource_tags().key_id(&id).send())
            .await;
        if let Ok(t) = tags {
            extras.tags = t.tags().to_vec();
        }
    }
    Ok(convert::key(meta, extras, &ctx.account_id, region))
}
