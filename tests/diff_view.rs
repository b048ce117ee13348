//! The `:diff` view and the overview's summary with `--baseline`, drawn
//! into ratatui's TestBackend: the demo against its earlier self (one
//! finding new, one resolved, one severity raised, rotation switched off
//! on a key), at two sizes; and without a baseline.

use rampart::app::{Action, App, update};
use rampart::input::{Key, ViewKind};
use rampart::render_out::buffer_to_text;
use rampart::ui::{self, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn opts(baseline: bool) -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(rampart::demo::now()))
        .with_source("demo")
        .with_baseline(baseline.then(rampart::demo::earlier))
}

fn app(baseline: bool) -> App {
    App::with_estate(rampart::demo::estate(), opts(baseline).settings())
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| ui::draw(f, app, &opts(false).theme))
        .expect("draw");
    buffer_to_text(t.backend().buffer())
}

fn key(app: &mut App, k: &str) {
    update(app, Action::Key(Key::parse(k).expect("key")));
}

#[test]
fn diff_view_against_the_earlier_demo() {
    let mut a = app(true);
    key(&mut a, "8");
    assert_eq!(a.view(), ViewKind::Diff);
    insta::assert_snapshot!("diff_120x40", draw(&a, 120, 40));
    insta::assert_snapshot!("diff_80x24", draw(&a, 80, 24));
    key(&mut a, "G");
    let bottom = draw(&a, 120, 40);
    assert!(bottom.contains("rotation"), "{bottom}");
}

#[test]
fn overview_sums_up_the_change_only_with_a_baseline() {
    let with = draw(&app(true), 160, 48);
    let line = with
        .lines()
        .find(|l| l.contains("vs baseline"))
        .unwrap_or_else(|| panic!("{with}"));
    assert!(
        line.contains("vs baseline 2026-10-25 09:00 UTC: +2 new · 1 resolved · 1 changed"),
        "{line}"
    );
    let without = draw(&app(false), 160, 48);
    assert!(!without.contains("vs baseline"), "{without}");
}

#[test]
fn diff_view_without_a_baseline_says_how_to_get_one() {
    let mut a = app(false);
    key(&mut a, "8");
    let text = draw(&a, 100, 20);
    assert!(text.contains("No baseline to compare with"), "{text}");
    assert!(text.contains("--baseline FILE"), "{text}");
}

#[test]
fn diff_view_renders_at_any_size() {
    let mut a = app(true);
    key(&mut a, "8");
    for (w, h) in [
        (1, 1),
        (2, 2),
        (5, 3),
        (10, 5),
        (40, 12),
        (79, 23),
        (200, 60),
    ] {
        assert_eq!(draw(&a, w, h).lines().count(), usize::from(h));
    }
}
