//! Enabled standards (GetEnabledStandards, named through DescribeStandards)
//! and the controls in them (ListSecurityControlDefinitions per standard,
//! BatchGetStandardsControlAssociations for enablement per standard).

use super::super::convert::securityhub as convert;
use super::super::errors::classify;
use super::super::progress::{Cancelled, Ctx, Service};
use crate::model::{Control, DatasetKind, EstateDelta, LoadState};
use aws_sdk_securityhub::Client;
use aws_sdk_securityhub::types::{
    SecurityControlDefinition, StandardsControlAssociationDetail, StandardsControlAssociationId,
    StandardsSubscription,
};
use std::collections::{BTreeMap, HashMap};

/// Association ids per BatchGetStandardsControlAssociations call.
const ASSOCIATION_BATCH: usize = 25;
/// Controls per delta, so progress shows while a large set streams in.
const CONTROL_PAGE: usize = 100;

pub(super) async fn read(
    client: &Client,
    ctx: &Ctx,
    region: &str,
    standards: bool,
    controls: bool,
) -> Result<(), Cancelled> {
    if !standards && !controls {
        return Ok(());
    }
    let mut std_run = standards.then(|| ctx.dataset(DatasetKind::Standards, region));
    if let Some(r) = &std_run {
        r.start().await?;
    }
    let subs = match enabled_standards(client, ctx).await {
        Ok(subs) => subs,
        Err(state) => {
            if let Some(r) = std_run {
                r.finish(state.clone()).await?;
            }
            if controls {
                ctx.set(DatasetKind::Controls, region, state).await?;
            }
            return Ok(());
        }
    };
    if let Some(mut r) = std_run.take() {
        let names = standard_names(client, ctx).await;
        let items = subs
            .iter()
            .filter_map(|s| convert::standard(s, &names, &ctx.account_id, region))
            .collect();
        r.page(items, EstateDelta::Standards).await?;
        r.loaded(true).await?;
    }
    if controls {
        read_controls(client, ctx, region, &subs).await?;
    }
    Ok(())
}

async fn enabled_standards(
    client: &Client,
    ctx: &Ctx,
) -> Result<Vec<StandardsSubscription>, LoadState> {
    let mut out = Vec::new();
    let mut pages = client.get_enabled_standards().into_paginator().send();
    while let Some(page) = ctx.limits.run(Service::SecurityHub, pages.next()).await {
        let page = page.map_err(|e| classify(&e, "securityhub:GetEnabledStandards"))?;
        out.extend(page.standards_subscriptions().iter().cloned());
    }
    Ok(out)
}

/// Display names; a failure leaves the `standards/...` ids as names.
async fn standard_names(client: &Client, ctx: &Ctx) -> HashMap<String, String> {
    let mut names = HashMap::new();
    let mut pages = client.describe_standards().into_paginator().send();
    while let Some(Ok(page)) = ctx.limits.run(Service::SecurityHub, pages.next()).await {
        names.extend(convert::standard_names(page.standards()));
    }
    names
}

async fn read_controls(
    client: &Client,
    ctx: &Ctx,
    region: &str,
    subs: &[StandardsSubscription],
) -> Result<(), Cancelled> {
    let mut run = ctx.dataset(DatasetKind::Controls, region);
    run.start().await?;
    // Definitions per enabled standard, and the (control, standard) pairs.
    let mut definitions: BTreeMap<String, SecurityControlDefinition> = BTreeMap::new();
    let mut pairs: Vec<StandardsControlAssociationId> = Vec::new();
    for arn in subs.iter().filter_map(|s| s.standards_arn()) {
        let mut pages = client
            .list_security_control_definitions()
            .standards_arn(arn)
            .into_paginator()
            .send();
        while let Some(page) = ctx.limits.run(Service::SecurityHub, pages.next()).await {
            let page = match page {
                Ok(p) => p,
                Err(e) => {
                    return run
                        .failed(&e, "securityhub:ListSecurityControlDefinitions")
                        .await;
                }
            };
            for d in page.security_control_definitions() {
                let Some(id) = d.security_control_id() else {
                    continue;
                };
                pairs.push(
                    StandardsControlAssociationId::builder()
                        .security_control_id(id)
                        .standards_arn(arn)
                        .build(),
                );
                definitions
                    .entry(id.to_string())
                    .or_insert_with(|| d.clone());
            }
        }
    }
    let mut details: Vec<StandardsControlAssociationDetail> = Vec::new();
    for chunk in pairs.chunks(ASSOCIATION_BATCH) {
        let got = ctx
            .limits
            .run(
                Service::SecurityHub,
                client
                    .batch_get_standards_control_associations()
                    .set_standards_control_association_ids(Some(chunk.to_vec()))
                    .send(),
            )
            .await;
        match got {
            Ok(out) => details.extend(out.standards_control_association_details().iter().cloned()),
            Err(e) => {
                return run
                    .failed(&e, "securityhub:BatchGetStandardsControlAssociations")
                    .await;
            }
        }
    }
    let by_control = convert::associations_by_control(&details);
    let all: Vec<Control> = definitions
        .values()
        .filter_map(|d| {
            let assoc = d
                .security_control_id()
                .and_then(|id| by_control.get(id))
                .map(Vec::as_slice)
                .unwrap_or_default();
            convert::control(d, assoc, &ctx.account_id, region)
        })
        .collect();
    let mut rest = all;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(CONTROL_PAGE));
        run.page(rest, EstateDelta::Controls).await?;
        rest = tail;
    }
    run.loaded(true).await
}
