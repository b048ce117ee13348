//! CloudWatch: DescribeAlarms (metric alarms), paginated.

use super::convert::cloudwatch as convert;
use super::progress::{Cancelled, Ctx, Service};
use crate::model::{DatasetKind, EstateDelta};

pub(crate) async fn read(
    client: &aws_sdk_cloudwatch::Client,
    ctx: &Ctx,
    region: &str,
) -> Result<(), Cancelled> {
    if !ctx.wants(DatasetKind::Alarms) {
        return Ok(());
    }
    let mut run = ctx.dataset(DatasetKind::Alarms, region);
    run.start().await?;
    let mut pages = client
        .describe_alarms()
        .max_records(100)
        .into_paginator()
        .send();
    loop {
        match ctx.limits.run(Service::CloudWatch, pages.next()).await {
            None => return run.loaded(true).await,
            Some(Ok(out)) => {
                let alarms = out
                    .metric_alarms()
                    .iter()
                    .filter_map(|a| convert::alarm(a, &ctx.account_id, region))
                    .collect();
                run.page(alarms, EstateDelta::Alarms).await?;
            }
            Some(Err(e)) => return run.failed(&e, "cloudwatch:DescribeAlarms").await,
        }
    }
}
