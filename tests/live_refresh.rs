//! Refresh for war rooms, driven through `update`: `r` (the view's
//! datasets, Security Hub incrementally), `R` (everything, in full), watch
//! ticks (only when idle), files read again, the demo never; failures keep
//! the data shown.

#[path = "fixtures/estate.rs"]
mod fixtures;
#[path = "support/live.rs"]
mod live;

use live::{baseline, deltas, keys, load_done, render, run, state};
use rampart::app::{
    Action, App, Effect, INCREMENTAL_OVERLAP, LiveAction, LiveEffect, RefreshRequest, SourceKind,
    update,
};
use rampart::model::{DatasetKind, LoadState, WorkflowStatus};

const FINDINGS: [DatasetKind; 3] = [
    DatasetKind::SecurityHubFindings,
    DatasetKind::GuardDutyFindings,
    DatasetKind::MacieFindings,
];

fn refresh(effects: &[Effect]) -> Option<&RefreshRequest> {
    match effects {
        [Effect::Live(LiveEffect::Refresh(r))] => Some(r),
        _ => None,
    }
}

fn tick(a: &mut App) -> Vec<Effect> {
    update(a, Action::Live(LiveAction::WatchTick))
}

#[test]
fn r_refreshes_the_views_datasets_and_capital_r_everything_else() {
    let mut a = baseline(false);
    let since = fixtures::now() - INCREMENTAL_OVERLAP;
    run(&mut a, "findings");
    let e = keys(&mut a, "r");
    let r = refresh(&e).expect("a refresh");
    assert_eq!(r.datasets, FINDINGS);
    assert_eq!(r.findings_since, Some(since), "Security Hub: what changed");
    let first = r.load;

    // The same datasets are loading: nothing more is asked.
    assert!(keys(&mut a, "r").is_empty());
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text.contains("already loading"))
    );

    // R: everything not loading already, in full.
    let e = keys(&mut a, "R");
    let r = refresh(&e).expect("a refresh");
    assert!(r.findings_since.is_none(), "R reads in full");
    assert!(FINDINGS.iter().all(|d| !r.datasets.contains(d)));
    assert!(r.datasets.contains(&DatasetKind::KmsKeys));
    let second = r.load;

    load_done(&mut a, first);
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("refreshed at"))
    );
    assert!(a.live.is_loading(DatasetKind::KmsKeys));
    assert!(!a.live.is_loading(DatasetKind::SecurityHubFindings));
    load_done(&mut a, second);
    assert!(a.live.loads.is_empty());

    // In a finding's detail, `r` reads the finding's own datasets.
    keys(&mut a, "g");
    update(&mut a, Action::Command(rampart::input::CommandId::Open));
    let e = keys(&mut a, "r");
    let r = refresh(&e).expect("a refresh");
    assert_eq!(r.datasets.len(), 1, "{:?}", r.datasets);
}

#[test]
fn watch_ticks_refresh_everything_only_when_nothing_is_loading() {
    let mut a = live::app(SourceKind::Live, false);
    assert!(tick(&mut a).is_empty(), "the first load is still running");
    let mut a = baseline(false);
    let e = tick(&mut a);
    let r = refresh(&e).expect("a tick refreshes");
    assert!(r.datasets.is_empty(), "everything");
    assert_eq!(
        r.findings_since,
        Some(fixtures::now() - INCREMENTAL_OVERLAP)
    );
    assert!(tick(&mut a).is_empty(), "no second load while one runs");
    load_done(&mut a, r.load);
    assert!(refresh(&tick(&mut a)).is_some());

    let mut demo = App::with_estate(fixtures::estate(), live::opts().settings());
    demo.configure_live(SourceKind::Demo, false, None);
    assert!(tick(&mut demo).is_empty());
}

#[test]
fn an_incomplete_security_hub_read_is_not_a_point_to_read_from() {
    let mut a = live::app(SourceKind::Live, false);
    deltas(
        &mut a,
        vec![
            live::meta(),
            state(
                DatasetKind::SecurityHubFindings,
                LoadState::AccessDenied {
                    action: "securityhub:GetFindings".into(),
                    message: "denied".into(),
                },
            ),
        ],
    );
    load_done(&mut a, 0);
    let e = tick(&mut a);
    assert_eq!(
        refresh(&e).map(|r| r.findings_since),
        Some(None),
        "full read"
    );
}

#[test]
fn the_demo_does_not_refresh_and_files_are_read_again() {
    let mut demo = App::with_estate(fixtures::estate(), live::opts().settings());
    demo.configure_live(SourceKind::Demo, false, None);
    assert!(keys(&mut demo, "rR").is_empty());
    assert_eq!(
        demo.status.map(|s| s.text).as_deref(),
        Some("demo data does not refresh")
    );

    let mut files = live::app(SourceKind::Files, false);
    let g = files.generation;
    update(
        &mut files,
        Action::Loaded {
            generation: g,
            result: Ok(Box::new(fixtures::estate())),
        },
    );
    let e = keys(&mut files, "R");
    let [Effect::Live(LiveEffect::Reload { generation })] = e.as_slice() else {
        panic!("expected a reload, got {e:?}");
    };
    assert_eq!(*generation, g + 1);
    // The files changed: one finding resolved since.
    let mut next = fixtures::estate();
    next.findings[3].workflow = WorkflowStatus::Resolved;
    let id = next.findings[3].id.clone();
    update(
        &mut files,
        Action::Loaded {
            generation: *generation,
            result: Ok(Box::new(next)),
        },
    );
    assert_eq!(files.live.new_count, 1);
    assert!(files.live.marks.ids.contains(&id));
    // A reload that fails keeps the data and says so.
    let shown = files.summary.active_total();
    let g = files.generation;
    update(
        &mut files,
        Action::Loaded {
            generation: g,
            result: Err("estate.json: unexpected end of file".into()),
        },
    );
    assert_eq!(files.summary.active_total(), shown);
    assert!(render(&files, 120, 30).contains("reload failed"));
}

#[test]
fn a_dataset_failing_mid_session_keeps_its_data_and_says_why() {
    let mut a = baseline(false);
    run(&mut a, "findings");
    let e = keys(&mut a, "r");
    let load = refresh(&e).expect("refresh").load;
    deltas(
        &mut a,
        vec![
            state(
                DatasetKind::SecurityHubFindings,
                LoadState::Loading { pages: 0, items: 0 },
            ),
            state(
                DatasetKind::SecurityHubFindings,
                LoadState::Failed {
                    reason: "credentials unavailable or expired: ExpiredToken".into(),
                },
            ),
        ],
    );
    load_done(&mut a, load);
    assert_eq!(
        a.file_findings,
        fixtures::findings().len(),
        "nothing shown is dropped"
    );
    let screen = render(&a, 160, 48);
    assert!(screen.contains("findings failed"), "{screen}");
    assert!(
        screen.contains("not read: Security Hub findings"),
        "{screen}"
    );
    // The next incremental read still starts from the last complete one.
    let r = refresh(&tick(&mut a)).cloned().expect("refresh");
    assert_eq!(
        r.findings_since,
        Some(fixtures::now() - INCREMENTAL_OVERLAP)
    );
}

#[test]
fn a_region_without_security_hub_does_not_stop_incremental_reads() {
    let mut a = live::app(SourceKind::Live, false);
    let off = rampart::model::EstateDelta::Load(rampart::model::LoadRecord {
        dataset: DatasetKind::SecurityHubFindings,
        account_id: Some(live::A1.into()),
        region: Some("ap-southeast-2".into()),
        state: LoadState::NotEnabled {
            reason: "Security Hub is not enabled".into(),
        },
    });
    deltas(
        &mut a,
        vec![
            live::meta(),
            live::loaded(DatasetKind::SecurityHubFindings),
            off,
        ],
    );
    load_done(&mut a, 0);
    let r = refresh(&tick(&mut a)).cloned().expect("refresh");
    assert_eq!(
        r.findings_since,
        Some(fixtures::now() - INCREMENTAL_OVERLAP)
    );
    load_done(&mut a, r.load);
    assert_eq!(
        a.status
            .map(|s| s.text)
            .as_deref()
            .map(|t| t.contains("not read")),
        Some(false),
        "a region where it is off is not a failure"
    );
}
