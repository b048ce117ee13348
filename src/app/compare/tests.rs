use super::*;
use crate::app::{Action, Settings, update};
use crate::input::{Key, ViewKind};
use crate::query::Query;

fn settings(baseline: Option<Estate>) -> Settings {
    Settings {
        clock: Some(crate::demo::now()),
        baseline: baseline.map(Arc::new),
        ..Settings::default()
    }
}

/// The demo against its earlier self.
fn app() -> App {
    App::with_estate(
        crate::demo::estate(),
        settings(Some(crate::demo::earlier())),
    )
}

fn keys(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        update(app, Action::Key(Key::parse(k).unwrap()));
    }
}

#[test]
fn the_comparison_is_made_on_load_without_rampart_checks_and_again_on_each_estate() {
    let mut app = app();
    let d = Arc::clone(app.baseline_diff().expect("compared on load"));
    assert_eq!(d.findings.resolved.len(), 1);
    assert_eq!(d.findings.changed.len(), 1);
    // rampart's own checks are on both sides alike: none is new.
    assert!(
        d.findings
            .new
            .iter()
            .all(|n| n.finding.source != crate::model::Source::Rampart)
    );
    let ids = app.live.marks.against.clone().expect("ids for the filter");
    assert_eq!(ids.changed.len(), 1);
    // The same data again: compared again, nothing changed.
    app.set_estate(crate::demo::earlier());
    let again = app.baseline_diff().expect("compared again");
    assert!(!Arc::ptr_eq(&d, again));
    assert!(again.is_empty(), "{:?}", again.findings);
}

#[test]
fn no_baseline_no_comparison_and_the_view_says_how() {
    let mut app = App::with_estate(crate::demo::estate(), settings(None));
    assert!(app.baseline_diff().is_none());
    keys(&mut app, "8");
    assert_eq!(app.view(), ViewKind::Diff);
    let Route::Diff(v) = app.route() else {
        panic!("diff view")
    };
    assert!(v.rows().is_empty());
    keys(&mut app, "j enter G k");
    assert_eq!(app.view(), ViewKind::Diff, "nothing to open, no panic");
}

#[test]
fn enter_on_a_new_finding_opens_its_detail_and_esc_comes_back() {
    let mut app = app();
    keys(&mut app, "8");
    let Route::Diff(v) = app.route() else {
        panic!("diff view")
    };
    let at = v
        .rows()
        .iter()
        .position(|r| *r == DiffRow::Entry(Section::New, 0))
        .expect("a new finding row");
    let want = app.baseline_diff().unwrap().findings.new[0]
        .finding
        .id
        .clone();
    // The first row is not a finding: Enter says what it can open.
    keys(&mut app, "enter");
    assert_eq!(app.view(), ViewKind::Diff);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("select a finding")),
        "{:?}",
        app.status
    );
    for _ in 0..at {
        keys(&mut app, "j");
    }
    keys(&mut app, "enter");
    let Route::Detail(d) = app.route() else {
        panic!("detail view, got {:?}", app.view())
    };
    assert_eq!(d.id, want);
    keys(&mut app, "esc");
    assert_eq!(app.view(), ViewKind::Diff);
    let Route::Diff(v) = app.route() else {
        panic!("diff view")
    };
    assert_eq!(v.cursor.selected, at, "the cursor stays");
}

#[test]
fn a_resolved_finding_gone_from_the_data_says_so_instead_of_opening() {
    let mut app = app();
    keys(&mut app, "8");
    let Route::Diff(v) = app.route() else {
        panic!("diff view")
    };
    let at = v
        .rows()
        .iter()
        .position(|r| *r == DiffRow::Entry(Section::Resolved, 0))
        .expect("a resolved finding row");
    if let Route::Diff(v) = app.route_mut() {
        v.cursor.selected = at;
    }
    keys(&mut app, "enter");
    assert_eq!(app.view(), ViewKind::Diff);
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("gone")));
}

#[test]
fn an_open_diff_view_follows_a_new_comparison() {
    let mut app = app();
    keys(&mut app, "8 G");
    let before = match app.route() {
        Route::Diff(v) => v.rows().len(),
        _ => panic!("diff view"),
    };
    app.set_estate(crate::demo::earlier());
    let Route::Diff(v) = app.route() else {
        panic!("the view stays open")
    };
    assert!(v.rows().len() < before, "{} < {before}", v.rows().len());
    assert!(v.cursor.selected < v.rows().len());
}

#[test]
fn added_and_changed_filter_the_findings_against_the_baseline() {
    let mut app = app();
    keys(&mut app, "2");
    update(&mut app, Action::Run("findings is:changed".into()));
    let d = Arc::clone(app.baseline_diff().unwrap());
    let Route::Findings(v) = app.route() else {
        panic!("findings view")
    };
    let shown: Vec<&str> = v
        .rows()
        .iter()
        .map(|i| app.estate.findings[*i as usize].id.as_str())
        .collect();
    assert_eq!(shown, [d.findings.changed[0].finding.id.as_str()]);
    // Without a baseline they match nothing, and the footer says why.
    let mut plain = App::with_estate(crate::demo::estate(), settings(None));
    keys(&mut plain, "2 / i s : a d d e d enter");
    assert!(
        plain
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("--baseline") && !s.error),
        "{:?}",
        plain.status
    );
    let Route::Findings(v) = plain.route() else {
        panic!("findings view")
    };
    assert!(v.rows().is_empty());
    assert_eq!(v.filter_text(), "is:added");
    let q = Query::parse("is:added").unwrap();
    let marks = Arc::clone(&plain.live.marks);
    assert!(
        !plain
            .estate
            .findings
            .iter()
            .any(|f| q.matches_with(f, marks.as_ref()))
    );
}

#[test]
fn a_live_console_compares_when_a_load_ends_not_per_delta_batch() {
    use crate::app::{LiveAction, SourceKind};
    use crate::model::{DatasetKind, EstateDelta};
    let mut app = App::new(settings(Some(crate::demo::earlier())));
    app.configure_live(SourceKind::Live, false, None);
    let demo = crate::demo::estate();
    let (first, rest) = demo.findings.split_at(demo.findings.len() / 2);
    // Findings and KMS keys stream in with their load states; nothing else.
    let mut batches = vec![
        vec![EstateDelta::Findings(first.to_vec())],
        vec![EstateDelta::Findings(rest.to_vec())],
        vec![EstateDelta::KmsKeys(demo.kms_keys.clone())],
    ];
    batches.push(
        demo.loads
            .iter()
            .filter(|l| {
                matches!(
                    l.dataset,
                    DatasetKind::SecurityHubFindings
                        | DatasetKind::GuardDutyFindings
                        | DatasetKind::MacieFindings
                        | DatasetKind::KmsKeys
                )
            })
            .cloned()
            .map(EstateDelta::Load)
            .collect(),
    );
    for batch in batches {
        update(&mut app, Action::Live(LiveAction::Deltas(batch)));
        assert!(app.baseline_diff().is_none(), "not while the load runs");
    }
    keys(&mut app, "8");
    assert!(matches!(app.route(), Route::Diff(v) if v.rows().is_empty()));
    let before = (app.estate.findings.len(), app.file_findings);
    assert!(before.0 > before.1, "rampart's checks follow the data");
    let done = LiveAction::LoadDone {
        load: 0,
        error: None,
    };
    update(&mut app, Action::Live(done));
    let d = app.baseline_diff().expect("compared when the load ended");
    // Nothing but findings streamed in: the rest is not compared, never
    // reported as emptied.
    assert!(!d.not_compared.is_empty());
    assert!(
        d.not_compared
            .iter()
            .all(|n| n.dataset != DatasetKind::KmsKeys),
        "keys were read"
    );
    assert!(d.alarms.is_empty(), "alarms were not read: not compared");
    assert_eq!(d.keys.len(), 1, "rotation switched off since");
    let Route::Diff(v) = app.route() else {
        panic!("diff view")
    };
    assert!(!v.rows().is_empty(), "the open view follows");
    // rampart's checks, set aside for the comparison, are back after it.
    assert_eq!((app.estate.findings.len(), app.file_findings), before);
}
