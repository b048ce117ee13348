//! The console's writes against the local emulator, with a TCP proxy
//! counting every HTTP request below the SDK: a read-only session sends
//! nothing for a workflow update or a GuardDuty archive and shows the
//! refusal; with `--allow-writes` the Security Hub write is sent exactly
//! once, after the confirmation (the emulator answers that it does not
//! implement BatchUpdateFindings, which the console reports per finding).
//! Skips without `RAMPART_MOTO_URL` (scripts/test sets it).
#![cfg(feature = "writes")]

#[path = "support/aws_support.rs"]
mod aws_support;
#[path = "support/counting_proxy.rs"]
mod counting_proxy;
#[path = "fixtures/estate.rs"]
mod fixtures;
#[path = "support/live.rs"]
mod live;
#[path = "support/moto.rs"]
mod moto;
#[path = "support/moto_seed.rs"]
mod moto_seed;

use counting_proxy::Proxy;
use live::{estate_of, keys, render, run};
use moto::{moto_url, sdk_config, seeded};
use rampart::app::{Action, App, Effect, LiveAction, LiveEffect, SourceKind, update};
use rampart::aws::write::{WriteAction, WriteJob, WriteTarget, execute};
use rampart::aws::{CallLedger, CallOutcome, Guard, LiveOptions, Session};
use rampart::input::Key;
use rampart::ledger::{Event, Ledger, SessionLog};
use rampart::model::WorkflowStatus;
use rampart::ui::run_write;

async fn session(url: &str, guard: Guard) -> Session {
    let opts = LiveOptions {
        regions: vec!["eu-west-2".into()],
        ..LiveOptions::default()
    };
    Session::from_sdk_config(&sdk_config(url, "eu-west-2"), &opts, guard)
        .await
        .expect("connect to the emulator through the proxy")
}

fn selected_target(a: &App) -> WriteTarget {
    rampart::app::write_targets(a)
        .into_iter()
        .next()
        .expect("a finding is selected")
}

#[tokio::test(flavor = "multi_thread")]
async fn read_only_sends_no_write_and_allow_writes_sends_it_once_after_confirmation() {
    let Some(url) = moto_url() else { return };
    let seed = seeded(&url);
    let proxy = Proxy::start(&url);

    // Read-only: the console refuses, and so does the layer below it.
    let ro = session(&proxy.url, Guard::read_only(CallLedger::new())).await;
    let mut a = live::app(SourceKind::Live, false);
    estate_of(&ro, &mut a).await;
    assert!(
        a.estate.findings.len() >= seed.findings,
        "the findings are read"
    );
    run(&mut a, "findings");
    let before = proxy.requests();
    assert!(before > 0, "the proxy sees the reads");
    let mut effects = keys(&mut a, "w");
    effects.extend(run(&mut a, "archive"));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(render(&a, 160, 48).contains("READ-ONLY session"));
    let mut target = selected_target(&a);
    target.guardduty_id = Some("a1b2c3d4e5f60718293a4b5c6d7e8f90".into());
    for action in [
        WriteAction::Workflow {
            status: WorkflowStatus::Resolved,
            note: String::new(),
        },
        WriteAction::Archive,
    ] {
        let job = WriteJob {
            id: 1,
            action,
            targets: vec![target.clone()],
            aggregator_region: None,
            updated_by: "tester".into(),
        };
        let results = execute(&ro, &job).await;
        assert!(
            results[0]
                .outcome
                .as_ref()
                .is_err_and(|e| e.contains("read-only guard")),
            "{results:?}"
        );
    }
    assert_eq!(proxy.requests(), before, "zero requests for both writes");
    assert_eq!(ro.ledger().refused().len(), 2);

    // --allow-writes: nothing before `y`, exactly one request after it.
    let dir = tempfile::tempdir().expect("temp dir");
    let log = SessionLog::new(Ledger::open(dir.path()).expect("session log"));
    let rw = session(
        &proxy.url,
        Guard::with_opt_in_writes(CallLedger::logged(log.clone())),
    )
    .await;
    let mut b = live::app(SourceKind::Live, true);
    estate_of(&rw, &mut b).await;
    run(&mut b, "findings");
    let before = proxy.requests();
    let mut effects = keys(&mut b, "wr");
    effects.extend(update(
        &mut b,
        Action::Key(Key::plain(crossterm::event::KeyCode::Enter)),
    ));
    assert!(effects.is_empty());
    assert!(render(&b, 160, 48).contains("Confirm the write"));
    assert_eq!(proxy.requests(), before, "nothing before the confirmation");
    let effects = keys(&mut b, "y");
    let [Effect::Live(LiveEffect::Write(job))] = effects.as_slice() else {
        panic!("expected a write: {effects:?}");
    };
    let results = run_write(&rw, job, Some(&log)).await;
    assert_eq!(proxy.requests(), before + 1, "the write is sent once");
    let calls: Vec<_> = rw
        .ledger()
        .records()
        .into_iter()
        .filter(|r| r.operation == "BatchUpdateFindings")
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].attempts, 1);
    assert!(matches!(calls[0].outcome, CallOutcome::Failed { .. }));
    update(
        &mut b,
        Action::Live(LiveAction::WriteDone {
            job: job.id,
            results,
        }),
    );
    let screen = render(&b, 160, 48);
    assert!(screen.contains("0 succeeded, 1 failed"), "{screen}");
    assert!(
        screen.contains("operation not supported by this endpoint"),
        "the emulator's 404 is named: {screen}"
    );
    // It landed in the session log: the call, then the write.
    rampart::ledger::verify(log.path()).expect("the log verifies");
    let entries = log.ledger().entries();
    let sent = entries
        .iter()
        .filter(|e| matches!(&e.event, Event::AwsCall { operation, .. } if operation == "BatchUpdateFindings"))
        .count();
    assert_eq!(sent, 1);
    assert!(matches!(
        entries.last().map(|e| &e.event),
        Some(Event::Write { targets, .. }) if targets.len() == 1
    ));
}
