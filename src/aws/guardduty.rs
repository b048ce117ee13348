//! GuardDuty: ListDetectors, then per detector ListFindings (not archived)
//! and GetFindings in batches of 50.

use super::convert::guardduty as convert;
use super::progress::{Cancelled, Ctx, Service};
use crate::model::{DatasetKind, EstateDelta, LoadState};
use aws_sdk_guardduty::Client;
use aws_sdk_guardduty::types::{Condition, FindingCriteria};

/// GetFindings takes at most 50 ids.
const BATCH: i32 = 50;

pub(crate) async fn read(client: &Client, ctx: &Ctx, region: &str) -> Result<(), Cancelled> {
    if !ctx.wants(DatasetKind::GuardDutyFindings) {
        return Ok(());
    }
    let mut run = ctx.dataset(DatasetKind::GuardDutyFindings, region);
    run.start().await?;
    let mut detectors: Vec<String> = Vec::new();
    let mut pages = client.list_detectors().into_paginator().send();
    loop {
        match ctx.limits.run(Service::GuardDuty, pages.next()).await {
            None => break,
            Some(Ok(out)) => detectors.extend(out.detector_ids().iter().cloned()),
            Some(Err(e)) => return run.failed(&e, "guardduty:ListDetectors").await,
        }
    }
    if detectors.is_empty() {
        return run
            .finish(LoadState::NotEnabled {
                reason: format!("no GuardDuty detector in {region}"),
            })
            .await;
    }
    let not_archived = FindingCriteria::builder()
        .criterion(
            "service.archived",
            Condition::builder().equals("false").build(),
        )
        .build();
    for detector in detectors {
        let mut ids = client
            .list_findings()
            .detector_id(&detector)
            .finding_criteria(not_archived.clone())
            .max_results(BATCH)
            .into_paginator()
            .send();
        loop {
            let page = match ctx.limits.run(Service::GuardDuty, ids.next()).await {
                None => break,
                Some(Ok(page)) => page,
                Some(Err(e)) => return run.failed(&e, "guardduty:ListFindings").await,
            };
            if page.finding_ids().is_empty() {
                continue;
            }
            let got = ctx
                .limits
                .run(
                    Service::GuardDuty,
                    client
                        .get_findings()
                        .detector_id(&detector)
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
                Err(e) => return run.failed(&e, "guardduty:GetFindings").await,
            }
        }
    }
    run.loaded(true).await
}
