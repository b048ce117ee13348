//! Macie: GetMacieSession (is it on?), ListFindings (not archived) and
//! GetFindings in batches of 50.

use super::convert::macie as convert;
use super::progress::{Cancelled, Ctx, Service};
use crate::model::{DatasetKind, EstateDelta};
use aws_sdk_macie2::Client;
use aws_sdk_macie2::types::{CriterionAdditionalProperties, FindingCriteria};

/// GetFindings takes at most 50 ids.
const BATCH: i32 = 50;

pub(crate) async fn read(client: &Client, ctx: &Ctx, region: &str) -> Result<(), Cancelled> {
    if !ctx.wants(DatasetKind::MacieFindings) {
        return Ok(());
    }
    let mut run = ctx.dataset(DatasetKind::MacieFindings, region);
    run.start().await?;
    let session = ctx
        .limits
        .run(Service::Macie, client.get_macie_session().send())
        .await;
    if let Err(e) = session {
        // "Macie is not enabled" arrives as AccessDenied: classify says NotEnabled.
        return run.failed(&e, "macie2:GetMacieSession").await;
    }
    let not_archived = FindingCriteria::builder()
        .criterion(
            "archived",
            CriterionAdditionalProperties::builder().eq("false").build(),
        )
        .build();
    let mut ids = client
        .list_findings()
        .finding_criteria(not_archived)
        .max_results(BATCH)
        .into_paginator()
        .send();
    loop {
        let page = match ctx.limits.run(Service::Macie, ids.next()).await {
            None => return run.loaded(true).await,
            Some(Ok(page)) => page,
            Some(Err(e)) => return run.failed(&e, "macie2:ListFindings").await,
        };
        if page.finding_ids().is_empty() {
            continue;
        }
        let got = ctx
            .limits
            .run(
                Service::Macie,
                client
                    .get_findings()
                    .set_finding_ids(Some(page.finding_ids().to_vec()))
                    .send(),
            )
            .await;
        match got {
            Ok(out) => {
                let findings = out
                    .findings()
                    .iter()
                    .filter_map(|f| convert::finding(f, region))
                    .collect();
                run.page(findings, EstateDelta::Findings).await?;
            }
            Err(e) => return run.failed(&e, "macie2:GetFindings").await,
        }
    }
}
