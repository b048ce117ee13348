//! The opt-in writes end to end through `aws-smithy-mocks` (the emulator
//! has no BatchUpdateFindings and no GuardDuty findings): the console's
//! confirmation, the job it asks for, the calls the SDK really makes
//! (counted by the mock rules, below the SDK) and the per-finding results
//! applied to the estate. Compiled only with the `writes` feature.
#![cfg(feature = "writes")]

#[path = "support/aws_support.rs"]
mod aws_support;
#[path = "fixtures/estate.rs"]
mod fixtures;
#[path = "support/live.rs"]
mod live;
#[path = "support/mocks.rs"]
mod mocks;
#[path = "support/write_mocks.rs"]
mod write_mocks;

use live::estate_of;
use live::{keys, render, run};
use rampart::app::{Action, Effect, LiveAction, LiveEffect, Overlay, SourceKind, update};
use rampart::aws::write::{WriteAction, WriteJob, execute};
use rampart::aws::{CallLedger, CallOutcome, Guard};
use rampart::input::Key;
use rampart::ledger::{Event, Ledger, Outcome as LogOutcome, SessionLog};
use rampart::model::{RecordState, WorkflowStatus};
use rampart::ui::run_write;
use write_mocks::{GD_ID, mocked, target};

fn enter(a: &mut rampart::app::App) -> Vec<Effect> {
    update(a, Action::Key(Key::plain(crossterm::event::KeyCode::Enter)))
}

/// A session log in a fresh directory.
fn session_log() -> (tempfile::TempDir, SessionLog) {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = Ledger::open(dir.path()).expect("session log");
    (dir, SessionLog::new(log))
}

#[tokio::test]
async fn a_confirmed_workflow_update_is_sent_once_and_lands_per_finding() {
    let m = mocked(&["eu-west-2"]);
    let (_dir, log) = session_log();
    let session = m.session(Guard::with_opt_in_writes(CallLedger::logged(log.clone())));
    let mut a = live::app(SourceKind::Live, true);
    estate_of(&session, &mut a).await;
    assert!(render(&a, 160, 48).contains("WRITES ON"));
    run(&mut a, "findings");
    let rows = match a.route() {
        rampart::app::Route::Findings(v) => v.rows().len(),
        _ => panic!("findings"),
    };
    assert_eq!(rows, 4, "two control findings and two GuardDuty findings");
    keys(&mut a, "    ");
    assert_eq!(a.live.marked.len(), 4);

    // w, r (RESOLVED), a note, enter: the confirmation. Nothing sent yet.
    let mut effects = keys(&mut a, "wr");
    keys(&mut a, "contained, see INC-42");
    effects.extend(enter(&mut a));
    assert!(effects.is_empty(), "{effects:?}");
    let screen = render(&a, 160, 48);
    for want in [
        "Confirm the write",
        "RESOLVED on 3 finding(s)",
        "\"contained, see INC-42\"",
        "securityhub:BatchUpdateFindings",
        "account 111122223333 · eu-west-2: 3",
        "1 selected finding(s) do not apply",
        "y sends",
    ] {
        assert!(screen.contains(want), "{want:?} missing:\n{screen}");
    }
    assert_eq!(m.batch_update.num_calls(), 0, "nothing before confirmation");

    let effects = keys(&mut a, "y");
    let [Effect::Live(LiveEffect::Write(job))] = effects.as_slice() else {
        panic!("expected one write, got {effects:?}");
    };
    assert_eq!(job.targets.len(), 3);
    let results = run_write(&session, job, Some(&log)).await;
    assert_eq!(m.batch_update.num_calls(), 1, "one call for three findings");
    assert_eq!(results.iter().filter(|r| r.outcome.is_ok()).count(), 2);
    update(
        &mut a,
        Action::Live(LiveAction::WriteDone {
            job: job.id,
            results: results.clone(),
        }),
    );
    let screen = render(&a, 160, 48);
    assert!(screen.contains("2 succeeded, 1 failed"), "{screen}");
    assert!(
        screen.contains("FAIL") && screen.contains("FindingNotFound"),
        "{screen}"
    );

    // The estate follows what AWS accepted, and only that.
    let wf = |id: &str| {
        a.estate
            .findings
            .iter()
            .find(|f| f.id == id || f.provenances.iter().any(|p| p.native_id == id))
            .map(|f| f.workflow)
    };
    assert_eq!(wf(GD_ID), Some(WorkflowStatus::Resolved));
    assert_eq!(
        wf(&write_mocks::control_id(1)),
        Some(WorkflowStatus::Resolved)
    );
    assert_eq!(wf(&write_mocks::control_id(2)), Some(WorkflowStatus::New));
    assert_eq!(
        a.live.marked.len(),
        2,
        "the failed one and the unfit one stay marked"
    );

    // The session log holds the call and the write, chained; :log shows them.
    let sent = session.ledger().sent_actions();
    assert!(sent.contains("securityhub:BatchUpdateFindings"), "{sent:?}");
    let report = rampart::ledger::verify(log.path()).expect("the log verifies");
    let entries = log.ledger().entries();
    assert_eq!(report.entries, entries.len());
    let call = entries.iter().find_map(|e| match &e.event {
        Event::AwsCall {
            operation, outcome, ..
        } if operation == "BatchUpdateFindings" => Some(outcome.clone()),
        _ => None,
    });
    assert_eq!(call, Some(LogOutcome::Ok));
    let Some(Event::Write {
        what,
        targets,
        outcome,
    }) = entries.last().map(|e| &e.event)
    else {
        panic!("the write is the last entry: {entries:?}");
    };
    assert!(
        what.starts_with("securityhub:BatchUpdateFindings workflow RESOLVED"),
        "{what}"
    );
    assert!(what.contains("INC-42"), "{what}");
    assert_eq!(targets.len(), 3);
    assert!(outcome.describe().contains("1 of 3 failed"), "{outcome:?}");
    update(
        &mut a,
        Action::Key(Key::plain(crossterm::event::KeyCode::Esc)),
    );
    assert!(a.overlay.is_none());
    run(&mut a, "log");
    let screen = render(&a, 200, 48);
    assert!(screen.contains("BatchUpdateFindings"), "{screen}");
    assert!(
        screen.contains("workflow RESOLVED: 2 succeeded, 1 failed"),
        "{screen}"
    );
}

#[tokio::test]
async fn a_read_only_session_refuses_both_writes_and_sends_nothing() {
    let m = mocked(&["eu-west-2"]);
    let (_dir, log) = session_log();
    let session = m.session(Guard::read_only(CallLedger::logged(log.clone())));
    let before = session.ledger().attempts();
    for action in [
        WriteAction::Workflow {
            status: WorkflowStatus::Suppressed,
            note: "noise".into(),
        },
        WriteAction::Archive,
    ] {
        let job = WriteJob {
            id: 1,
            action,
            targets: vec![target(0, "eu-west-2")],
            aggregator_region: None,
            updated_by: "tester".into(),
        };
        let results = run_write(&session, &job, Some(&log)).await;
        assert!(
            results.iter().all(|r| r
                .outcome
                .as_ref()
                .is_err_and(|e| e.contains("read-only guard"))),
            "{results:?}"
        );
    }
    // Both refusals are in the session log, as calls and as writes.
    let refused = log
        .ledger()
        .entries()
        .iter()
        .filter(|e| {
            matches!(
                &e.event,
                Event::AwsCall {
                    outcome: LogOutcome::Refused { .. },
                    ..
                }
            )
        })
        .count();
    assert_eq!(refused, 2);
    assert_eq!(m.batch_update.num_calls(), 0);
    assert_eq!(m.archive.num_calls(), 0);
    assert_eq!(m.list_detectors.num_calls(), 0, "not even the reads");
    assert_eq!(session.ledger().attempts(), before, "zero requests");
    let refused = session.ledger().refused();
    assert_eq!(refused.len(), 2);
    assert!(matches!(refused[0].outcome, CallOutcome::Refused { .. }));
}

#[tokio::test]
async fn guardduty_archive_goes_in_batches_of_50_per_detector_and_region() {
    let m = mocked(&["eu-west-2", "us-east-1"]);
    let session = m.session(Guard::with_opt_in_writes(Default::default()));
    let mut targets: Vec<_> = (0..120).map(|i| target(i, "eu-west-2")).collect();
    targets.extend((120..123).map(|i| target(i, "us-east-1")));
    let mut not_gd = target(999, "eu-west-2");
    not_gd.guardduty_id = None;
    targets.insert(7, not_gd);
    let job = WriteJob {
        id: 3,
        action: WriteAction::Archive,
        targets,
        aggregator_region: None,
        updated_by: "tester".into(),
    };
    let results = execute(&session, &job).await;
    assert_eq!(
        m.archive.num_calls(),
        4,
        "50 + 50 + 20 in one region, 3 in the other"
    );
    assert_eq!(
        m.list_detectors.num_calls(),
        2,
        "one detector lookup per region"
    );
    assert_eq!(results.len(), 124);
    assert_eq!(
        results
            .iter()
            .map(|r| r.finding_id.clone())
            .collect::<Vec<_>>(),
        job.targets
            .iter()
            .map(|t| t.finding_id.clone())
            .collect::<Vec<_>>(),
        "results in target order"
    );
    assert_eq!(
        results[7].outcome,
        Err("not a GuardDuty finding".to_string())
    );
    assert_eq!(results.iter().filter(|r| r.outcome.is_ok()).count(), 123);
}

#[tokio::test]
async fn workflow_updates_go_in_batches_of_100_to_the_aggregation_region() {
    let m = mocked(&["eu-west-2", "us-east-1"]);
    let session = m.session(Guard::with_opt_in_writes(Default::default()));
    let targets: Vec<_> = (0..150)
        .map(|i| target(i, if i % 2 == 0 { "eu-west-2" } else { "us-east-1" }))
        .collect();
    let job = WriteJob {
        id: 4,
        action: WriteAction::Workflow {
            status: WorkflowStatus::Notified,
            note: String::new(),
        },
        targets,
        aggregator_region: Some("eu-west-2".into()),
        updated_by: "tester".into(),
    };
    let results = execute(&session, &job).await;
    assert_eq!(m.batch_update.num_calls(), 2, "100 + 50, all in eu-west-2");
    assert_eq!(m.batch_update_regions(), ["eu-west-2", "eu-west-2"]);
    assert!(results.iter().all(|r| r.outcome.is_ok()), "{results:?}");
}

#[tokio::test]
async fn an_archive_from_the_console_archives_locally_too() {
    let m = mocked(&["eu-west-2"]);
    let session = m.session(Guard::with_opt_in_writes(Default::default()));
    let mut a = live::app(SourceKind::Live, true);
    estate_of(&session, &mut a).await;
    run(&mut a, "findings source:guardduty");
    let effects = keys(&mut a, "wa");
    assert!(effects.is_empty());
    assert!(matches!(a.overlay, Some(Overlay::Write(_))));
    let effects = keys(&mut a, "y");
    let [Effect::Live(LiveEffect::Write(job))] = effects.as_slice() else {
        panic!("expected a write: {effects:?}");
    };
    assert_eq!(job.action, WriteAction::Archive);
    let results = execute(&session, job).await;
    assert_eq!(m.archive.num_calls(), 1);
    let id = job.targets[0].finding_id.clone();
    update(
        &mut a,
        Action::Live(LiveAction::WriteDone {
            job: job.id,
            results,
        }),
    );
    let f = a
        .estate
        .findings
        .iter()
        .find(|f| f.id == id)
        .expect("finding");
    assert_eq!(f.record_state, RecordState::Archived);
    assert!(!f.is_active(), "it leaves the active table");
}
