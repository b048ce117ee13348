//! Hostile strings in findings never reach the terminal as controls, and
//! never break the table's columns.

#[path = "fixtures/estate.rs"]
mod fixtures;

use rampart::app::{Action, App, Effect, update};
use rampart::input::{CommandId, Key};
use rampart::model::{Estate, Source};
use rampart::ui::{self, Options, layout_columns};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const CLEAR: &str = "\u{1b}[2J";
const OSC52: &str = "\u{1b}]52;c;ZXZpbA==\u{7}";
const OSC8: &str = "\u{1b}]8;;https://evil.example\u{1b}\\click me\u{1b}]8;;\u{1b}\\";
const BEL: &str = "\u{7}";
const RLO: &str = "\u{202e}";

fn hostile_estate() -> Estate {
    let mut e = fixtures::estate();
    let huge = "A".repeat(100 * 1024);
    let payloads = [
        format!("{CLEAR}cleared screen"),
        format!("clipboard {OSC52} write"),
        format!("link {OSC8} here"),
        format!("bell{BEL}{BEL}"),
        "harmless\rEVIL OVERWRITE".to_string(),
        format!("invoice{RLO}fdp.exe"),
        huge.clone(),
        "宽字符タイトル e\u{301}\u{301} combining".to_string(),
    ];
    for (i, p) in payloads.iter().enumerate() {
        let mut f = fixtures::finding(fixtures::F {
            id: "placeholder",
            source: Source::GuardDuty,
            sev: rampart::model::Severity::Critical,
            title: p,
            resource: p,
            account: "111122223333",
            region: "eu-west-2",
            day: 31,
        });
        f.id = format!("hostile-{i}{}", if i == 1 { OSC52 } else { "" });
        if let Some(r) = f.resources.first_mut() {
            r.tags.insert(format!("k{CLEAR}"), p.clone());
        }
        f.description = p.clone();
        e.findings.push(f);
    }
    e
}

fn opts() -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(fixtures::now()))
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| ui::draw(f, app, &opts().theme)).expect("draw");
    t.backend().buffer().clone()
}

fn assert_inert(buf: &Buffer, what: &str) {
    for (i, cell) in buf.content().iter().enumerate() {
        for c in cell.symbol().chars() {
            let bidi = matches!(c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069);
            assert!(
                !c.is_control() && !bidi,
                "{what}: control {c:?} in cell {:?}",
                buf.pos_of(i)
            );
        }
    }
}

#[test]
fn hostile_strings_stay_inert_and_aligned() {
    let mut app = App::with_estate(hostile_estate(), opts().settings());
    update(&mut app, Action::Run("findings".into()));
    update(
        &mut app,
        Action::Run("filter source:guardduty sev:critical".into()),
    );
    for (w, h) in [(160u16, 48u16), (80, 24), (40, 12)] {
        let buf = draw(&app, w, h);
        assert_inert(&buf, "findings");
        // The table body starts below header (2), frame (1), summary (1) and
        // column header (1). Every column must start at the same x on every
        // row, right after a blank separator.
        let cols = layout_columns(w - 2);
        let mut starts = Vec::new();
        let mut x = 1u16;
        for (_, cw) in &cols {
            starts.push(x);
            x += cw + 1;
        }
        let mut rows = 0;
        for y in 5..h.saturating_sub(2) {
            let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
            if !row.contains("C CRIT") {
                continue;
            }
            rows += 1;
            for sx in starts.iter().skip(1) {
                assert_eq!(buf[(sx - 1, y)].symbol(), " ", "width {w}, row {y}: {row}");
            }
            if w >= 160 {
                let acct = cols
                    .iter()
                    .position(|(c, _)| *c == rampart::app::Column::Account);
                let ax = starts[acct.expect("account column")];
                let text: String = (ax..ax + 12).map(|x| buf[(x, y)].symbol()).collect();
                assert_eq!(text, "111122223333", "row {y}: {row}");
            }
            assert_eq!(
                buf[(w - 1, y)].symbol(),
                "│",
                "frame intact on row {y}: {row}"
            );
        }
        assert!(
            rows >= 3.min(usize::from(h) - 8),
            "{w}x{h}: only {rows} rows"
        );
    }
    let text = rampart::render_out::buffer_to_text(&draw(&app, 160, 48));
    assert!(
        text.contains("\\x1b[2J"),
        "escapes are shown visibly:\n{text}"
    );
}

#[test]
fn hostile_detail_and_copy_are_inert() {
    let mut app = App::with_estate(hostile_estate(), opts().settings());
    update(&mut app, Action::Run("findings".into()));
    update(&mut app, Action::Run("filter id:hostile".into()));
    let n = match app.route() {
        rampart::app::Route::Findings(v) => v.len(),
        _ => 0,
    };
    assert_eq!(n, 8);
    for i in 0..n {
        // Open each hostile finding, scroll through it, copy its id.
        update(&mut app, Action::Command(CommandId::Top));
        for _ in 0..i {
            update(&mut app, Action::Command(CommandId::Down));
        }
        update(
            &mut app,
            Action::Key(Key::plain(crossterm::event::KeyCode::Enter)),
        );
        for _ in 0..4 {
            assert_inert(&draw(&app, 80, 24), "detail");
            update(&mut app, Action::Command(CommandId::PageDown));
        }
        for e in update(&mut app, Action::Key(Key::char('y'))) {
            let Effect::Copy(text) = e else { continue };
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
        update(&mut app, Action::Key(Key::char('o')));
        assert_inert(&draw(&app, 80, 24), "console url");
        update(
            &mut app,
            Action::Key(Key::plain(crossterm::event::KeyCode::Esc)),
        );
        update(
            &mut app,
            Action::Key(Key::plain(crossterm::event::KeyCode::Esc)),
        );
    }
    update(&mut app, Action::Run("overview".into()));
    update(&mut app, Action::Command(CommandId::NextPanel));
    assert_inert(&draw(&app, 160, 48), "overview");
    update(&mut app, Action::Run("findings".into()));
    update(&mut app, Action::Run("group resource".into()));
    assert_inert(&draw(&app, 160, 48), "groups");
}
