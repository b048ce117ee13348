//! The live console driven through `update` with fake delta streams:
//! streaming into open views, de-dup as pages arrive, new-since-session
//! marks, marks for bulk writes, and writes refused without the opt-in.

#[path = "fixtures/estate.rs"]
mod fixtures;
#[path = "support/live.rs"]
mod live;

use live::{baseline, deltas, gd_copy, keys, load_done, loaded, meta, render, run, state};
use rampart::app::{App, Column, Effect, Route, Selected, SourceKind, update};
use rampart::model::{DatasetKind, EstateDelta, Finding, LoadState, WorkflowStatus};

/// The findings of the focused table, in display order.
fn shown(a: &App) -> Vec<&Finding> {
    match a.route() {
        Route::Findings(v) => v
            .rows()
            .iter()
            .map(|i| &a.estate.findings[*i as usize])
            .collect(),
        _ => panic!("not in the findings table: {:?}", a.view()),
    }
}

fn selected_id(a: &App) -> String {
    match a.route() {
        Route::Findings(v) => match v.selected() {
            Some(Selected::Finding(i)) => a.estate.findings[i].id.clone(),
            other => panic!("no finding selected: {other:?}"),
        },
        _ => panic!("not in the findings table"),
    }
}

fn is_sorted(rows: &[&Finding]) -> bool {
    let key = |f: &&Finding| Column::Severity.sort_key(f);
    rows.windows(2).all(|w| key(&w[0]) >= key(&w[1]))
}

#[test]
fn findings_stream_in_batches_into_an_open_sorted_table() {
    let mut a = live::app(SourceKind::Live, false);
    assert!(a.is_busy(), "the first load is in flight");
    let all = fixtures::findings();
    deltas(
        &mut a,
        vec![
            meta(),
            state(
                DatasetKind::SecurityHubFindings,
                LoadState::Loading { pages: 1, items: 4 },
            ),
            EstateDelta::Findings(all[..4].to_vec()),
        ],
    );
    // The console shows what arrived; the header counts what is loading.
    let screen = render(&a, 160, 48);
    assert!(screen.contains("findings 4…"), "{screen}");
    assert!(screen.contains("loading"), "{screen}");
    run(&mut a, "findings");
    assert_eq!(shown(&a).len(), 4);
    assert!(is_sorted(&shown(&a)));
    keys(&mut a, "j");
    let picked = selected_id(&a);

    // More pages, with a GuardDuty finding also arriving through Security
    // Hub: one row, both provenances; the table grows and stays sorted.
    let copy = gd_copy(&all[0]);
    let mut page = all[4..].to_vec();
    page.push(copy);
    deltas(
        &mut a,
        vec![
            EstateDelta::Findings(page),
            state(
                DatasetKind::SecurityHubFindings,
                LoadState::Loading {
                    pages: 2,
                    items: 13,
                },
            ),
        ],
    );
    assert_eq!(a.file_findings, all.len(), "the copy is merged");
    assert_eq!(shown(&a).len(), 12, "the active ones");
    assert!(is_sorted(&shown(&a)));
    assert_eq!(selected_id(&a), picked, "the selection follows the finding");
    let gd = a.estate.findings.iter().find(|f| f.id == "gd-001");
    assert_eq!(gd.map(|f| f.provenances.len()), Some(2));
    assert!(render(&a, 160, 48).contains("findings 13…"));

    // The last states arrive, then the load ends.
    deltas(
        &mut a,
        vec![
            loaded(DatasetKind::SecurityHubFindings),
            loaded(DatasetKind::GuardDutyFindings),
            loaded(DatasetKind::MacieFindings),
        ],
    );
    load_done(&mut a, 0);
    assert!(!a.is_busy());
    assert_eq!(a.summary.active_total(), 12);
    let screen = render(&a, 160, 48);
    assert!(screen.contains("findings now"), "{screen}");
    assert!(!screen.contains("loading"), "{screen}");
}

#[test]
fn the_header_names_the_aggregator_and_findings_group_by_account() {
    let mut a = baseline(false);
    deltas(
        &mut a,
        vec![EstateDelta::AggregatorRegion("eu-west-2".into())],
    );
    assert!(render(&a, 160, 48).contains("aggregator eu-west-2"));
    run(&mut a, "findings account:444455556666");
    assert!(shown(&a).iter().all(|f| f.account_id == "444455556666"));
    run(&mut a, "findings");
    run(&mut a, "group account");
    let Route::Findings(v) = a.route() else {
        panic!()
    };
    let accounts: Vec<&str> = v.groups().iter().map(|g| g.value.as_str()).collect();
    assert_eq!(accounts.len(), 2, "{accounts:?}");
}

#[test]
fn findings_new_or_changed_since_the_session_began_are_marked_counted_and_filterable() {
    let mut a = baseline(false);
    assert_eq!(a.live.new_count, 0, "the first load is the baseline");
    run(&mut a, "findings");
    assert!(!render(&a, 160, 48).contains(" + "), "no marker column yet");

    // A refresh brings one finding never seen (its provider time is old:
    // still new to this session), one changed by a colleague (workflow),
    // and one unchanged.
    let all = fixtures::findings();
    let mut fresh = all[1].clone();
    fresh.id = "gd-999".into();
    fresh.provenances[0].native_id = "gd-999".into();
    fresh.provenances[0].native_arn = None;
    let mut resolved = all[5].clone();
    resolved.workflow = WorkflowStatus::Notified;
    deltas(
        &mut a,
        vec![EstateDelta::Findings(vec![fresh, resolved, all[6].clone()])],
    );
    assert_eq!(a.live.new_count, 2);
    let screen = render(&a, 160, 48);
    assert!(screen.contains("+ 2 new since 12:00"), "{screen}");
    let marked: Vec<&str> = screen
        .lines()
        .filter(|l| l.starts_with("│ +"))
        .map(|l| l.trim())
        .collect();
    assert_eq!(marked.len(), 2, "{screen}");
    // `is:new` filters them.
    keys(&mut a, "/");
    keys(&mut a, "is:new");
    update(
        &mut a,
        rampart::app::Action::Key(rampart::input::Key::plain(crossterm::event::KeyCode::Enter)),
    );
    let mut ids: Vec<&str> = shown(&a).iter().map(|f| f.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["gd-999", all[5].id.as_str()]);
}

#[test]
fn a_finding_updated_after_the_session_began_is_new_from_the_first_load() {
    let mut a = live::app(SourceKind::Live, false);
    let mut late = fixtures::findings()[0].clone();
    late.updated_at = Some(fixtures::now() + chrono::TimeDelta::minutes(3));
    deltas(&mut a, vec![meta(), EstateDelta::Findings(vec![late])]);
    assert_eq!(a.live.new_count, 1);
}

#[test]
fn space_marks_findings_for_a_bulk_write() {
    let mut a = baseline(false);
    run(&mut a, "findings");
    let first = selected_id(&a);
    keys(&mut a, "  ");
    assert_eq!(a.live.marked.len(), 2);
    assert!(a.live.marked.contains(&first));
    let screen = render(&a, 160, 48);
    assert!(screen.contains("2 marked"), "{screen}");
    assert_eq!(screen.lines().filter(|l| l.starts_with("│* ")).count(), 2);
    keys(&mut a, "k ");
    assert_eq!(a.live.marked.len(), 1, "space again unmarks");
    keys(&mut a, "u");
    assert!(a.live.marked.is_empty());
}

#[test]
fn writes_are_refused_without_the_opt_in_and_nothing_is_asked_of_the_runtime() {
    for (mut a, why) in [
        (baseline(false), "READ-ONLY session"),
        (
            {
                let mut d = App::with_estate(fixtures::estate(), live::opts().settings());
                d.configure_live(SourceKind::Demo, false, None);
                d
            },
            "demo data cannot be written",
        ),
    ] {
        let why = if cfg!(feature = "writes") {
            why
        } else {
            "auditor build"
        };
        run(&mut a, "findings");
        let mut effects: Vec<Effect> = keys(&mut a, "w");
        assert!(a.overlay.is_none(), "no write overlay opens");
        let status = a.status.clone().map(|s| s.text).unwrap_or_default();
        assert!(
            status.contains(why) && status.contains("nothing was sent"),
            "{status}"
        );
        effects.extend(run(&mut a, "archive"));
        effects.extend(run(&mut a, "workflow resolved fixed"));
        assert!(effects.is_empty(), "{effects:?}");
        run(&mut a, "log");
        let screen = render(&a, 160, 48);
        assert!(
            screen.matches("refused").count() >= 3,
            "each refusal is logged: {screen}"
        );
        assert!(screen.contains(why), "{screen}");
    }
}
