//! A live read streamed into the console the way the runtime does it: a
//! mocked Security Hub answers 250 findings in three pages, the deltas are
//! forwarded in batches, and after every batch the open findings table is
//! complete for what arrived, sorted, and the header counts the progress.

#[path = "support/aws_support.rs"]
mod aws_support;
#[path = "fixtures/estate.rs"]
mod fixtures;
#[path = "support/live.rs"]
mod live;
#[path = "support/mocks.rs"]
mod mocks;

use aws_sdk_securityhub::Client;
use aws_sdk_securityhub::operation::{
    describe_hub::DescribeHubOutput, get_findings::GetFindingsOutput,
    list_finding_aggregators::ListFindingAggregatorsOutput,
};
use aws_sdk_securityhub::types as sh;
use aws_smithy_mocks::mock;
use live::{render, run};
use mocks::{Mocks, session};
use rampart::app::{Action, Column, LiveAction, Route, SourceKind, update};
use rampart::aws::LoadRequest;
use rampart::model::{DatasetKind, EstateDelta};

const LABELS: [sh::SeverityLabel; 4] = [
    sh::SeverityLabel::Critical,
    sh::SeverityLabel::Low,
    sh::SeverityLabel::High,
    sh::SeverityLabel::Medium,
];

fn finding(i: usize) -> sh::AwsSecurityFinding {
    sh::AwsSecurityFinding::builder()
        .schema_version("2018-10-08")
        .id(format!(
            "arn:aws:securityhub:eu-west-2:111122223333:security-control/S3.{i}/finding/{i:04}"
        ))
        .product_arn("arn:aws:securityhub:eu-west-2::product/aws/securityhub")
        .aws_account_id("111122223333")
        .region("eu-west-2")
        .title(format!("finding {i:03}"))
        .severity(
            sh::Severity::builder()
                .label(LABELS[i % LABELS.len()].clone())
                .build(),
        )
        .build()
}

#[tokio::test]
async fn pages_fill_the_open_table_batch_by_batch_and_it_stays_sorted() {
    let mut rules = vec![
        mock!(Client::describe_hub).then_output(|| {
            DescribeHubOutput::builder()
                .hub_arn("arn:aws:securityhub:eu-west-2:111122223333:hub/default")
                .build()
        }),
        mock!(Client::list_finding_aggregators)
            .then_output(|| ListFindingAggregatorsOutput::builder().build()),
    ];
    for (token, next, from) in [
        (None, Some("p2"), 0),
        (Some("p2"), Some("p3"), 100),
        (Some("p3"), None, 200),
    ] {
        rules.push(
            mock!(Client::get_findings)
                .match_requests(move |r| r.next_token() == token)
                .then_output(move || {
                    let n = if next.is_some() { 100 } else { 50 };
                    let mut b = GetFindingsOutput::builder();
                    for i in from..from + n {
                        b = b.findings(finding(i));
                    }
                    b.set_next_token(next.map(str::to_string)).build()
                }),
        );
    }
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            securityhub: rules,
            ..Mocks::default()
        },
    )]);
    // Small channels: several batches, as when AWS answers slowly.
    let (dtx, drx) = tokio::sync::mpsc::channel(1);
    let (atx, mut arx) = tokio::sync::mpsc::unbounded_channel();
    let req = LoadRequest {
        only: vec![DatasetKind::SecurityHubFindings],
        findings_updated_since: None,
    };
    let meta = EstateDelta::Meta(s.meta(fixtures::now()));
    let reading = async {
        if dtx.send(meta).await.is_ok() {
            s.load(&req, dtx).await;
        }
    };
    tokio::join!(reading, rampart::ui::forward(drx, atx));

    let mut a = live::app(SourceKind::Live, false);
    let mut opened = false;
    let mut sizes = Vec::new();
    let mut progress_seen = false;
    while let Ok(action) = arx.try_recv() {
        update(&mut a, action);
        if !opened && !a.estate.findings.is_empty() {
            run(&mut a, "findings");
            opened = true;
        }
        let Route::Findings(v) = a.route() else {
            continue;
        };
        let rows = v.rows();
        let active = a.estate.findings.iter().filter(|f| f.is_active()).count();
        assert_eq!(rows.len(), active, "every finding shown");
        let key = |i: &u32| Column::Severity.sort_key(&a.estate.findings[*i as usize]);
        assert!(rows.windows(2).all(|w| key(&w[0]) >= key(&w[1])), "sorted");
        if sizes.last() != Some(&rows.len()) {
            sizes.push(rows.len());
        }
        progress_seen |=
            a.is_busy() && render(&a, 160, 48).contains(&format!("findings {}…", rows.len()));
    }
    update(
        &mut a,
        Action::Live(LiveAction::LoadDone {
            load: 0,
            error: None,
        }),
    );
    assert!(sizes.len() >= 3, "the table grew in steps: {sizes:?}");
    assert_eq!(a.file_findings, 250);
    assert!(progress_seen, "the header counted what had arrived");
    assert!(!a.is_busy());
    assert!(
        a.estate
            .status(DatasetKind::SecurityHubFindings)
            .is_complete()
    );
}
