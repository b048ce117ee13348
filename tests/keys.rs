//! Key sequences driven through `update`: no terminal, no I/O.

#[path = "fixtures/estate.rs"]
mod fixtures;

use crossterm::event::KeyCode;
use rampart::app::{Action, App, Column, Effect, OverviewPanel, Pin, Route, Selected, update};
use rampart::input::{Key, ViewKind};
use rampart::model::{Severity, Source};
use rampart::ui::{self, Options};

fn app() -> App {
    let opts = Options::new(None, false)
        .expect("theme")
        .with_clock(Some(fixtures::now()));
    App::with_estate(fixtures::estate(), opts.settings())
}

fn keys(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in keys.chars() {
        effects.extend(update(app, Action::Key(Key::char(c))));
    }
    effects
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Action::Key(Key::plain(code)))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Key(Key::char(c)));
    }
}

/// The findings of the focused findings view, in display order.
fn shown(app: &App) -> Vec<&rampart::model::Finding> {
    match app.route() {
        Route::Findings(v) => v
            .rows()
            .iter()
            .map(|i| &app.estate.findings[*i as usize])
            .collect(),
        _ => panic!("not in findings: {:?}", app.view()),
    }
}

/// Active findings of the app (the data's and rampart's own checks).
fn active(app: &App, pred: impl Fn(&rampart::model::Finding) -> bool) -> usize {
    app.estate
        .findings
        .iter()
        .filter(|f| f.is_active() && pred(f))
        .count()
}

fn render(app: &App) -> String {
    let opts = Options::new(None, false).expect("theme");
    let buf = ui::render_to_buffer(app, &opts, 120, 40);
    rampart::render_out::buffer_to_text(&buf)
}

#[test]
fn open_a_finding_from_the_overview_and_go_back() {
    let mut a = app();
    // Newest critical/high list: tab to it, enter opens the newest one.
    press(&mut a, KeyCode::Tab);
    assert!(matches!(a.route(), Route::Overview(o) if o.focus == OverviewPanel::Newest));
    press(&mut a, KeyCode::Enter);
    let Route::Detail(d) = a.route() else {
        panic!("expected detail, got {:?}", a.view());
    };
    assert_eq!(d.id, "gd-001", "newest critical/high first");
    assert!(render(&a).contains("Overview › Detail: Backdoor"));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.view(), ViewKind::Overview);
    assert!(matches!(a.route(), Route::Overview(o) if o.focus == OverviewPanel::Newest));
}

#[test]
fn a_grid_cell_opens_the_findings_it_counts() {
    let mut a = app();
    // GuardDuty row (second), HIGH column (second).
    keys(&mut a, "jl");
    press(&mut a, KeyCode::Enter);
    let Route::Findings(v) = a.route() else {
        panic!("expected findings");
    };
    assert_eq!(
        v.pins,
        vec![
            Pin::Source(Source::GuardDuty),
            Pin::Severity(Severity::High)
        ]
    );
    let ids: Vec<&str> = shown(&a).iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["gd-002"]);
    assert_eq!(a.summary.grid[1][1], 1, "the cell counted what opens");
    // The "All sources" x TOTAL cell opens every active finding.
    press(&mut a, KeyCode::Esc);
    keys(&mut a, "jjjjllllllll");
    press(&mut a, KeyCode::Enter);
    assert_eq!(shown(&a).len(), a.summary.active_total());
    assert!(shown(&a).iter().all(|f| f.is_active()));
}

#[test]
fn filter_sort_group_back_and_quit() {
    let mut a = app();
    update(&mut a, Action::Run("findings".into()));
    let all = active(&a, |_| true);
    assert_eq!(all, 12 + active(&a, |f| f.source == Source::Rampart));
    assert_eq!(shown(&a).len(), all, "archived and suppressed are hidden");
    assert!(
        shown(&a).iter().any(|f| f.source == Source::Rampart),
        "rampart's checks are findings too"
    );

    // Filter.
    keys(&mut a, "/");
    typed(&mut a, "sev>=high");
    assert_eq!(shown(&a).len(), all, "nothing applies before enter");
    press(&mut a, KeyCode::Enter);
    assert!(a.overlay.is_none());
    assert!(shown(&a).iter().all(|f| f.severity >= Severity::High));
    let high = active(&a, |f| f.severity >= Severity::High);
    assert_eq!(shown(&a).len(), high);
    assert_eq!(
        high,
        6 + active(&a, |f| f.severity >= Severity::High
            && f.source == Source::Rampart)
    );

    // A bad filter shows its column and the old filter stays.
    keys(&mut a, "/");
    press(&mut a, KeyCode::End);
    typed(&mut a, " region:");
    press(&mut a, KeyCode::Enter);
    let Some(rampart::app::Overlay::Filter(p)) = &a.overlay else {
        panic!("prompt stays open on error");
    };
    let (col, _) = p.error.clone().expect("an error");
    assert!(col >= 10, "error column {col}");
    assert!(render(&a).contains("column"), "{}", render(&a));
    press(&mut a, KeyCode::Esc);
    assert_eq!(shown(&a).len(), high, "old filter stays");

    // Sort: by title with `:sort`, reversed with `r`, next column with `s`.
    update(&mut a, Action::Run("sort title".into()));
    let titles: Vec<String> = shown(&a).iter().map(|f| f.title.to_lowercase()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
    keys(&mut a, "r");
    let reversed: Vec<String> = shown(&a).iter().map(|f| f.title.to_lowercase()).collect();
    sorted.reverse();
    assert_eq!(reversed, sorted);
    keys(&mut a, "s");
    let Route::Findings(v) = a.route() else {
        panic!()
    };
    assert_eq!(v.sort().column, Column::Resource);

    // Group by resource; enter opens the group's findings.
    keys(&mut a, "b");
    let Route::Findings(v) = a.route() else {
        panic!()
    };
    assert!(v.groups().iter().all(|g| g.count >= 1));
    let Some(Selected::Group(first)) = v.selected() else {
        panic!("a group is selected");
    };
    let first = first.to_string();
    press(&mut a, KeyCode::Enter);
    assert!(shown(&a).iter().all(|f| f.resources[0].id == first));
    assert_eq!(a.stack.len(), 2);

    // Back twice to the overview, then quit.
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.view(), ViewKind::Overview);
    let effects = keys(&mut a, "q");
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(a.quit);
}

#[test]
fn colon_commands_complete_and_quit() {
    let mut a = app();
    keys(&mut a, ":");
    typed(&mut a, "fin");
    press(&mut a, KeyCode::Tab);
    let Some(rampart::app::Overlay::Command(p)) = &a.overlay else {
        panic!("prompt open");
    };
    assert_eq!(p.input.text(), "findings ");
    typed(&mut a, "source:macie");
    press(&mut a, KeyCode::Enter);
    assert!(shown(&a).iter().all(|f| f.source == Source::Macie));
    assert_eq!(shown(&a).len(), 2);

    keys(&mut a, ":");
    typed(&mut a, "bogus");
    press(&mut a, KeyCode::Enter);
    assert!(a.status.as_ref().is_some_and(|s| s.error));

    keys(&mut a, ":");
    typed(&mut a, "q");
    let effects = press(&mut a, KeyCode::Enter);
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn copy_and_console_url_from_the_detail() {
    let mut a = app();
    update(&mut a, Action::Run("findings !source:rampart".into()));
    press(&mut a, KeyCode::Enter);
    let effects = keys(&mut a, "y");
    assert_eq!(
        effects,
        vec![Effect::Copy(
            "arn:aws:guardduty:eu-west-2:111122223333:detector/d1/finding/gd-001".into()
        )]
    );
    keys(&mut a, "o");
    let Some(rampart::app::Overlay::Message(m)) = &a.overlay else {
        panic!("url shown");
    };
    assert!(
        m.body
            .starts_with("https://eu-west-2.console.aws.amazon.com/guardduty/")
    );
    assert!(m.body.ends_with("fId=gd-001"));
    press(&mut a, KeyCode::Esc);
    assert!(a.overlay.is_none());
    assert_eq!(a.view(), ViewKind::Detail);
}

#[test]
fn help_lists_the_focused_views_commands() {
    let mut a = app();
    update(&mut a, Action::Run("findings".into()));
    keys(&mut a, "?");
    let text = render(&a);
    for needle in ["/", ":filter", "group", "quit rampart", "Filter language"] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    keys(&mut a, "q");
    assert!(a.overlay.is_none() && !a.quit, "q closes help first");
}

#[test]
fn clicks_sort_by_header_and_open_rows() {
    let mut a = app();
    update(&mut a, Action::Run("findings".into()));
    render(&a);
    // Header row of the table: header (2) + frame (1) + summary (1).
    let hits = a.hits.borrow().clone();
    let (rect, _) = hits
        .iter()
        .find(|(_, h)| *h == rampart::app::Hit::SortColumn(Column::Title))
        .copied()
        .expect("title header is clickable");
    assert_eq!(rect.y, 4);
    update(
        &mut a,
        Action::Click {
            x: rect.x + 1,
            y: rect.y,
        },
    );
    let Route::Findings(v) = a.route() else {
        panic!()
    };
    assert_eq!(v.sort().column, Column::Title);
    render(&a);
    // Clicking a row selects it; clicking it again opens it.
    update(&mut a, Action::Click { x: 10, y: 7 });
    let Route::Findings(v) = a.route() else {
        panic!()
    };
    assert_eq!(v.cursor.selected, 2);
    update(&mut a, Action::Click { x: 10, y: 7 });
    assert_eq!(a.view(), ViewKind::Detail);
}

#[test]
fn stale_and_failed_loads() {
    let opts = Options::new(None, false).expect("theme");
    let mut a = App::new(opts.settings());
    assert!(a.is_busy());
    update(
        &mut a,
        Action::Loaded {
            generation: 99,
            result: Ok(Box::new(fixtures::estate())),
        },
    );
    assert!(a.is_busy(), "a stale generation is dropped");
    update(&mut a, Action::Tick);
    assert_eq!(a.spinner, 1);
    let generation = a.generation;
    update(
        &mut a,
        Action::Loaded {
            generation,
            result: Ok(Box::new(fixtures::estate())),
        },
    );
    assert!(!a.is_busy());
    assert_eq!(
        a.summary.active_total(),
        12 + active(&a, |f| f.source == Source::Rampart)
    );
}

#[test]
fn a_failed_first_load_aborts_but_a_failed_reload_keeps_the_data() {
    let mut a = App::new(Options::new(None, true).expect("theme").settings());
    let generation = a.generation;
    let effects = update(
        &mut a,
        Action::Loaded {
            generation,
            result: Err("x.json:3:1: EOF while parsing".to_string()),
        },
    );
    assert_eq!(
        effects,
        vec![Effect::Abort("x.json:3:1: EOF while parsing".to_string())]
    );

    let mut b = app();
    let generation = b.generation;
    let effects = update(
        &mut b,
        Action::Loaded {
            generation,
            result: Err("expired credentials".to_string()),
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        b.summary.active_total(),
        12 + active(&b, |f| f.source == Source::Rampart),
        "data already shown stays"
    );
}
