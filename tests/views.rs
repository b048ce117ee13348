//! Snapshot tests of every view, rendered into ratatui's TestBackend.

#[path = "fixtures/estate.rs"]
mod fixtures;

use rampart::app::{Action, App, DataState, Progress, update};
use rampart::input::{CommandId, Key};
use rampart::model::Estate;
use rampart::render_out::buffer_to_text;
use rampart::ui::{self, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn opts() -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(fixtures::now()))
        .with_source("estate.json")
}

fn app(estate: Estate) -> App {
    App::with_estate(estate, opts().settings())
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| ui::draw(f, app, &opts().theme)).expect("draw");
    buffer_to_text(t.backend().buffer())
}

fn run(app: &mut App, line: &str) {
    update(app, Action::Run(line.to_string()));
    assert!(
        app.status.as_ref().is_none_or(|s| !s.error),
        "{line}: {:?}",
        app.status
    );
}

fn findings_app() -> App {
    let mut a = app(fixtures::estate());
    run(&mut a, "findings");
    a
}

/// The detail of the most severe GuardDuty finding (rampart's own checks
/// would sort first in the unfiltered table).
fn detail_app() -> App {
    let mut a = app(fixtures::estate());
    run(&mut a, "findings source:guardduty");
    update(&mut a, Action::Command(CommandId::Open));
    a
}

#[test]
fn overview() {
    let a = app(fixtures::estate());
    insta::assert_snapshot!("overview_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("overview_160x48", draw(&a, 160, 48));
}

#[test]
fn findings_default_sort() {
    let a = findings_app();
    insta::assert_snapshot!("findings_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("findings_160x48", draw(&a, 160, 48));
}

#[test]
fn findings_sorted_by_title() {
    let mut a = findings_app();
    run(&mut a, "sort title");
    insta::assert_snapshot!("findings_sorted_title_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("findings_sorted_title_160x48", draw(&a, 160, 48));
}

#[test]
fn findings_filtered() {
    let mut a = findings_app();
    run(&mut a, "filter sev>=high !source:macie");
    insta::assert_snapshot!("findings_filtered_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("findings_filtered_160x48", draw(&a, 160, 48));
}

#[test]
fn findings_grouped() {
    let mut a = findings_app();
    run(&mut a, "group resource");
    insta::assert_snapshot!("findings_grouped_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("findings_grouped_160x48", draw(&a, 160, 48));
}

#[test]
fn detail() {
    let a = detail_app();
    insta::assert_snapshot!("detail_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("detail_160x48", draw(&a, 160, 48));
}

#[test]
fn detail_scrolls_to_the_original_json() {
    let mut a = detail_app();
    update(&mut a, Action::Key(Key::char('G')));
    let text = draw(&a, 80, 24);
    assert!(text.contains("Original JSON"), "{text}");
    insta::assert_snapshot!("detail_end_80x24", text);
}

#[test]
fn loading_state() {
    let mut a = App::new(opts().settings());
    insta::assert_snapshot!("loading_80x24", draw(&a, 80, 24));
    a.data = DataState::Loading {
        progress: Some(Progress {
            done: 3 << 20,
            total: 8 << 20,
            label: "estate.json: 3 of 8 MiB".into(),
        }),
    };
    a.spinner = 3;
    insta::assert_snapshot!("loading_progress_80x24", draw(&a, 80, 24));
}

#[test]
fn failed_load_state() {
    let mut a = App::new(opts().settings());
    let generation = a.generation;
    update(
        &mut a,
        Action::Loaded {
            generation,
            result: Err("estate.json: line 3, column 7: expected value".into()),
        },
    );
    insta::assert_snapshot!("failed_load_80x24", draw(&a, 80, 24));
}

#[test]
fn empty_estate() {
    let mut a = app(fixtures::empty_estate());
    insta::assert_snapshot!("empty_overview_80x24", draw(&a, 80, 24));
    run(&mut a, "findings");
    insta::assert_snapshot!("empty_findings_80x24", draw(&a, 80, 24));
}

#[test]
fn failed_datasets_are_never_zero() {
    let a = app(fixtures::estate_with_failures());
    let text = draw(&a, 160, 48);
    assert!(text.contains("access denied (kms:ListKeys)"), "{text}");
    assert!(
        text.contains("Macie") && text.contains("not enabled"),
        "{text}"
    );
    assert!(text.contains("failed: timeout"), "{text}");
    assert!(
        text.contains("Log groups") && text.contains("not loaded"),
        "{text}"
    );
    insta::assert_snapshot!("failed_datasets_160x48", text);
    insta::assert_snapshot!("failed_datasets_80x24", draw(&a, 80, 24));
}

#[test]
fn help_overlay() {
    let mut a = findings_app();
    update(&mut a, Action::Key(Key::char('?')));
    let text = draw(&a, 100, 40);
    assert!(
        text.contains(":filter") && text.contains(":workflow"),
        "{text}"
    );
    insta::assert_snapshot!("help_findings_100x40", text);
    // The global commands follow further down.
    update(&mut a, Action::Key(Key::char('G')));
    assert!(draw(&a, 100, 40).contains("quit rampart"));
}

#[test]
fn filter_error_shows_its_column() {
    let mut a = findings_app();
    update(&mut a, Action::Key(Key::char('/')));
    for c in "sev>=hgh".chars() {
        update(&mut a, Action::Key(Key::char(c)));
    }
    let text = draw(&a, 80, 24);
    assert!(text.contains("column 6"), "{text}");
    insta::assert_snapshot!("filter_error_80x24", text);
}

#[test]
fn every_view_renders_at_any_size() {
    let mut apps = vec![
        App::new(opts().settings()),
        app(fixtures::estate()),
        app(fixtures::empty_estate()),
        app(fixtures::estate_with_failures()),
        findings_app(),
        detail_app(),
    ];
    let mut grouped = findings_app();
    run(&mut grouped, "group type");
    apps.push(grouped);
    let mut help = findings_app();
    update(&mut help, Action::Key(Key::char('?')));
    apps.push(help);
    let mut prompt = findings_app();
    update(&mut prompt, Action::Key(Key::char('/')));
    update(&mut prompt, Action::Key(Key::char('!')));
    apps.push(prompt);
    let mut url = detail_app();
    update(&mut url, Action::Key(Key::char('o')));
    apps.push(url);
    for a in &apps {
        for (w, h) in [
            (1, 1),
            (2, 2),
            (5, 3),
            (10, 5),
            (40, 12),
            (41, 13),
            (79, 23),
            (200, 60),
        ] {
            let text = draw(a, w, h);
            assert_eq!(text.lines().count(), usize::from(h));
        }
    }
    insta::assert_snapshot!("findings_40x12", draw(&apps[4], 40, 12));
    insta::assert_snapshot!("overview_40x12", draw(&apps[1], 40, 12));
}

fn render_args(view: &str, filter: Option<&str>) -> rampart::cli::RenderArgs {
    rampart::cli::RenderArgs {
        view: view.to_string(),
        size: (160, 48),
        format: rampart::cli::RenderFormat::Text,
        filter: filter.map(str::to_string),
    }
}

#[test]
fn render_command_filters_and_reports_bad_filters() {
    let e = fixtures::estate();
    let out = ui::render_command(
        &e,
        &render_args("findings", Some("sev>=high source:guardduty")),
        &opts(),
    )
    .expect("render");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.contains(" CRIT ")
                || l.contains(" HIGH ")
                || l.contains(" MED ")
                || l.contains(" LOW ")
        })
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(rows.iter().all(|r| r.contains("GuardDuty")), "{out}");
    // Of every finding: the data's 14 and rampart's own checks.
    let total = App::with_estate(e.clone(), opts().settings())
        .estate
        .findings
        .len();
    assert!(total > 14);
    assert!(out.contains(&format!("2 of {total} findings")), "{out}");

    let err = ui::render_command(&e, &render_args("findings", Some("sev>=bogus")), &opts())
        .expect_err("bad filter");
    assert!(err.starts_with("filter: column 6:"), "{err}");
    assert!(!err.contains('\n'));

    let err = ui::render_command(&e, &render_args("nope", None), &opts()).expect_err("bad view");
    assert!(
        err.contains(
            "overview, findings, controls, e8, kms, vpc, alarms, diff, detail:<finding-id>"
        ),
        "{err}"
    );
    let err = ui::render_command(&e, &render_args("detail:missing", None), &opts())
        .expect_err("no such finding");
    assert!(err.contains("missing"), "{err}");

    let detail =
        ui::render_command(&e, &render_args("detail:sh-kms4", None), &opts()).expect("detail");
    assert!(
        detail.contains("KMS.4 Key rotation should be enabled"),
        "{detail}"
    );
    assert!(detail.contains("Control        KMS.4"), "{detail}");

    let mut svg_args = render_args("overview", None);
    svg_args.format = rampart::cli::RenderFormat::Svg;
    let svg = ui::render_command(&e, &svg_args, &opts()).expect("svg");
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..svg.len().min(200)]
    );
}

fn demo_opts() -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(rampart::demo::now()))
        .with_source("demo")
}

fn demo_draw(app: &App, w: u16, h: u16) -> String {
    let buf = ui::render_to_buffer(app, &demo_opts(), w, h);
    buffer_to_text(&buf)
}

#[test]
fn demo_views() {
    let estate = rampart::demo::estate();
    // A GuardDuty finding read both natively and through Security Hub.
    let both = estate
        .findings
        .iter()
        .find(|f| f.provenances.len() > 1)
        .map(|f| f.id.clone())
        .expect("the demo has a finding with two provenances");
    let opts = demo_opts();
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        let a = ui::app_for_view(&estate, "overview", None, &opts).expect("overview");
        insta::assert_snapshot!(format!("demo_overview_{w}x{h}"), demo_draw(&a, w, h));
        let a = ui::app_for_view(&estate, "findings", None, &opts).expect("findings");
        insta::assert_snapshot!(format!("demo_findings_{w}x{h}"), demo_draw(&a, w, h));
        let a = ui::app_for_view(
            &estate,
            "findings",
            Some("sev>=high source:guardduty"),
            &opts,
        )
        .expect("filtered");
        insta::assert_snapshot!(
            format!("demo_findings_filtered_{w}x{h}"),
            demo_draw(&a, w, h)
        );
        let mut a = ui::app_for_view(&estate, "findings", None, &opts).expect("findings");
        run(&mut a, "group control");
        insta::assert_snapshot!(
            format!("demo_findings_by_control_{w}x{h}"),
            demo_draw(&a, w, h)
        );
        let a = ui::app_for_view(&estate, &format!("detail:{both}"), None, &opts).expect("detail");
        insta::assert_snapshot!(format!("demo_detail_{w}x{h}"), demo_draw(&a, w, h));
    }
    // Both provenances and their original JSON are in the detail.
    let mut a = ui::app_for_view(&estate, &format!("detail:{both}"), None, &opts).expect("detail");
    let mut all = String::new();
    for _ in 0..40 {
        all.push_str(&demo_draw(&a, 160, 48));
        update(&mut a, Action::Command(CommandId::PageDown));
    }
    assert!(all.contains("Channel        GuardDuty API"), "{all}");
    assert!(all.contains("Channel        Security Hub (ASFF)"), "{all}");
    assert!(all.contains("Original JSON: GuardDuty API"), "{all}");
    assert!(all.contains("Original JSON: Security Hub (ASFF)"), "{all}");
}

#[test]
fn findings_imported_through_security_hub_say_so() {
    // An ASFF export: only the Security Hub dataset was read, yet GuardDuty
    // findings are present (through Security Hub).
    let mut e = fixtures::estate();
    e.loads.retain(|r| {
        !matches!(
            r.dataset,
            rampart::model::DatasetKind::GuardDutyFindings
                | rampart::model::DatasetKind::MacieFindings
        )
    });
    let a = app(e);
    let text = draw(&a, 160, 48);
    assert!(
        text.contains(
            "GuardDuty          1      1      1      1      0      4  ✓ via Security Hub"
        ),
        "{text}"
    );
    assert!(text.contains("findings 3h (1/3)"), "{text}");
}

#[test]
fn no_color_renders_without_colour_but_keeps_severity_words() {
    let opts = Options::new(Some("dark"), true).expect("mono");
    let mut a2 = App::with_estate(fixtures::estate(), opts.settings());
    run(&mut a2, "findings");
    let buf = ui::render_to_buffer(&a2, &opts, 120, 30);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    let text = buffer_to_text(&buf);
    assert!(text.contains("C CRIT") && text.contains("H HIGH"), "{text}");
    // The dark theme does colour the same screen.
    let dark = ui::render_to_buffer(&a2, &self::opts(), 120, 30);
    assert!(
        dark.content()
            .iter()
            .any(|c| c.fg != ratatui::style::Color::Reset)
    );
}
