//! Security Hub: DescribeHub (is it on?), findings through GetFindings with
//! server-side filters, the finding aggregator, and (in `posture`) the
//! enabled standards and control definitions with their associations.

mod posture;

use super::convert::securityhub as convert;
use super::errors::classify;
use super::progress::{Cancelled, Ctx, Service};
use crate::model::{DatasetKind, EstateDelta, Timestamp};
use aws_sdk_securityhub::Client;
use aws_sdk_securityhub::types::{
    AwsSecurityFindingFilters, DateFilter, StringFilter, StringFilterComparison,
};

/// GetFindings' largest page.
const PAGE: i32 = 100;

/// Where this region's findings come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FindingsScope {
    /// This region's own findings.
    Region,
    /// The aggregation region: every account's and linked region's findings.
    Aggregated,
    /// Read through the aggregator in another region: nothing here.
    ThroughAggregator,
}

pub(crate) async fn read(
    client: &Client,
    ctx: &Ctx,
    region: &str,
    scope: FindingsScope,
) -> Result<(), Cancelled> {
    let findings =
        ctx.wants(DatasetKind::SecurityHubFindings) && scope != FindingsScope::ThroughAggregator;
    let standards = ctx.wants(DatasetKind::Standards);
    let controls = ctx.wants(DatasetKind::Controls);
    let wanted: Vec<DatasetKind> = [
        (findings, DatasetKind::SecurityHubFindings),
        (standards, DatasetKind::Standards),
        (controls, DatasetKind::Controls),
    ]
    .into_iter()
    .filter_map(|(w, d)| w.then_some(d))
    .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let hub = ctx
        .limits
        .run(Service::SecurityHub, client.describe_hub().send())
        .await;
    if let Err(e) = hub {
        let state = classify(&e, "securityhub:DescribeHub");
        for d in wanted {
            ctx.set(d, region, state.clone()).await?;
        }
        return Ok(());
    }
    let (a, b) = tokio::join!(
        async {
            if findings {
                read_findings(client, ctx, region, scope == FindingsScope::Aggregated).await
            } else {
                Ok(())
            }
        },
        posture::read(client, ctx, region, standards, controls),
    );
    a.and(b)
}

fn filters(since: Option<Timestamp>) -> AwsSecurityFindingFilters {
    let b = AwsSecurityFindingFilters::builder();
    match since {
        // Incremental: everything updated since, archived included, so
        // findings that were archived leave the views.
        Some(t) => b
            .updated_at(
                DateFilter::builder()
                    .start(t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                    .end(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                    .build(),
            )
            .build(),
        None => b
            .record_state(
                StringFilter::builder()
                    .value("ACTIVE")
                    .comparison(StringFilterComparison::Equals)
                    .build(),
            )
            .build(),
    }
}

async fn read_findings(
    client: &Client,
    ctx: &Ctx,
    region: &str,
    aggregated: bool,
) -> Result<(), Cancelled> {
    let mut run = ctx.dataset(DatasetKind::SecurityHubFindings, region);
    if aggregated {
        run = run.covering_everything();
    }
    run.start().await?;
    let since = ctx.findings_updated_since;
    let mut pages = client
        .get_findings()
        .filters(filters(since))
        .max_results(PAGE)
        .into_paginator()
        .send();
    loop {
        match ctx.limits.run(Service::SecurityHub, pages.next()).await {
            None => return run.loaded(since.is_none()).await,
            Some(Ok(out)) => {
                let items = out
                    .findings()
                    .iter()
                    .filter_map(|f| convert::finding(f, region))
                    .collect();
                run.page(items, EstateDelta::Findings).await?;
            }
            Some(Err(e)) => return run.failed(&e, "securityhub:GetFindings").await,
        }
    }
}

/// The aggregation region of the account's finding aggregator, if any.
/// `home` lists it; `client_in` gives a client for the aggregator's region
/// (GetFindingAggregator is answered there). Any failure means "none":
/// findings are then read region by region, which is always correct.
pub(crate) async fn aggregation_region(
    home: &Client,
    client_in: impl Fn(&str) -> Option<Client>,
    ctx: &Ctx,
) -> Option<String> {
    let listed = ctx
        .limits
        .run(Service::SecurityHub, home.list_finding_aggregators().send())
        .await
        .ok()?;
    let arn = listed
        .finding_aggregators()
        .iter()
        .find_map(|a| a.finding_aggregator_arn())?
        .to_string();
    let arn_region = arn.split(':').nth(3).filter(|r| !r.is_empty());
    let client = arn_region
        .and_then(&client_in)
        .unwrap_or_else(|| home.clone());
    let got = ctx
        .limits
        .run(
            Service::SecurityHub,
            client
                .get_finding_aggregator()
                .finding_aggregator_arn(&arn)
                .send(),
        )
        .await
        .ok()?;
    got.finding_aggregation_region()
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .or_else(|| arn_region.map(str::to_string))
}
