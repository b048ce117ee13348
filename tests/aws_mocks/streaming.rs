//! Security Hub findings streamed page by page, with progress, pruning on
//! full reads and none on incremental ones.

use super::mocks::{Mocks, session};
use super::securityhub::{finding, hub_rules};
use aws_sdk_securityhub::Client;
use aws_sdk_securityhub::operation::get_findings::GetFindingsOutput;
use aws_smithy_mocks::mock;
use rampart::aws::LoadRequest;
use rampart::model::{DatasetKind, EstateDelta, LoadState};

#[tokio::test]
async fn findings_stream_page_by_page_with_progress() {
    let mut rules = hub_rules();
    for (token, next, from) in [
        (None, Some("p2"), 0),
        (Some("p2"), Some("p3"), 100),
        (Some("p3"), None, 200),
    ] {
        rules.push(
            mock!(Client::get_findings)
                .match_requests(move |r| {
                    r.next_token() == token
                        && r.max_results() == Some(100)
                        && r.filters().is_some_and(|f| {
                            f.record_state().first().and_then(|x| x.value()) == Some("ACTIVE")
                        })
                })
                .then_output(move || {
                    let n = if next.is_some() { 100 } else { 50 };
                    let mut b = GetFindingsOutput::builder();
                    for i in from..from + n {
                        b = b.findings(finding(i, "111122223333", "eu-west-2"));
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
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    let req = LoadRequest {
        only: vec![DatasetKind::SecurityHubFindings],
        findings_updated_since: None,
    };
    let (_, deltas) = tokio::join!(s.load(&req, tx), async {
        let mut v = Vec::new();
        while let Some(d) = rx.recv().await {
            v.push(d);
        }
        v
    });
    let pages: Vec<usize> = deltas
        .iter()
        .filter_map(|d| match d {
            EstateDelta::Findings(f) => Some(f.len()),
            _ => None,
        })
        .collect();
    assert_eq!(pages, [100, 100, 50]);
    let progress: Vec<LoadState> = deltas
        .iter()
        .filter_map(|d| match d {
            EstateDelta::Load(r) if r.dataset == DatasetKind::SecurityHubFindings => {
                Some(r.state.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        progress[..4],
        [
            LoadState::Loading { pages: 0, items: 0 },
            LoadState::Loading {
                pages: 1,
                items: 100
            },
            LoadState::Loading {
                pages: 2,
                items: 200
            },
            LoadState::Loading {
                pages: 3,
                items: 250
            },
        ]
    );
    assert!(matches!(progress.last(), Some(LoadState::Loaded { .. })));
    let prune = deltas.iter().find_map(|d| match d {
        EstateDelta::Prune { keep, .. } => Some(keep.len()),
        _ => None,
    });
    assert_eq!(
        prune,
        Some(250),
        "a full read prunes what it did not see again"
    );
}

#[tokio::test]
async fn incremental_refresh_asks_for_updates_only_and_keeps_what_is_shown() {
    let mut rules = hub_rules();
    rules.push(
        mock!(Client::get_findings)
            .match_requests(|r| {
                r.filters().is_some_and(|f| {
                    f.record_state().is_empty()
                        && f.updated_at()
                            .first()
                            .and_then(|d| d.start())
                            .is_some_and(|s| s.starts_with("2026-11-01T09:00:00"))
                })
            })
            .then_output(|| {
                GetFindingsOutput::builder()
                    .findings(finding(7, "111122223333", "eu-west-2"))
                    .build()
            }),
    );
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            securityhub: rules,
            ..Mocks::default()
        },
    )]);
    let since = chrono::DateTime::parse_from_rfc3339("2026-11-01T09:00:00Z")
        .expect("time")
        .with_timezone(&chrono::Utc);
    let (tx, mut rx) = tokio::sync::mpsc::channel(8);
    let req = LoadRequest {
        only: vec![DatasetKind::SecurityHubFindings],
        findings_updated_since: Some(since),
    };
    let (_, deltas) = tokio::join!(s.load(&req, tx), async {
        let mut v = Vec::new();
        while let Some(d) = rx.recv().await {
            v.push(d);
        }
        v
    });
    assert!(
        deltas
            .iter()
            .any(|d| matches!(d, EstateDelta::Findings(f) if f.len() == 1))
    );
    assert!(
        !deltas
            .iter()
            .any(|d| matches!(d, EstateDelta::Prune { .. })),
        "an incremental read prunes nothing"
    );
    assert!(
        deltas.iter().any(
            |d| matches!(d, EstateDelta::Load(r) if matches!(r.state, LoadState::Loaded { .. }))
        )
    );
}
