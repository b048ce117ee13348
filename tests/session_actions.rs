//! Local actions of a console session as an operator makes them: `:export`
//! and an attestation, each driven by keys, carried out by the runtime's
//! effect functions against real files, recorded in the hash-chained
//! session log and listed in `:log`.

use crossterm::event::KeyCode;
use rampart::app::{Action, App, Effect, Route, update};
use rampart::input::Key;
use rampart::ledger::{Event, SessionLog, verify};
use rampart::render_out::buffer_to_text;
use rampart::report::Format;
use rampart::ui::{self, Options, effects};
use std::path::Path;

fn opts(attestations: &Path) -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(rampart::demo::now()))
        .with_source("demo")
        .with_attestations(Some(attestations.to_path_buf()))
}

fn type_line(a: &mut App, line: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in line.chars() {
        effects.extend(update(a, Action::Key(Key::char(c))));
    }
    effects.extend(update(a, Action::Key(Key::plain(KeyCode::Enter))));
    effects
}

fn screen(a: &App, o: &Options) -> String {
    buffer_to_text(&ui::render_to_buffer(a, o, 160, 48))
}

fn status(a: &App) -> (String, bool) {
    a.status
        .as_ref()
        .map(|s| (s.text.clone(), s.error))
        .unwrap_or_default()
}

#[test]
fn export_from_the_console_writes_the_report_and_logs_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = opts(&dir.path().join("attestations.json"));
    let mut a = App::with_estate(rampart::demo::estate(), o.settings());
    let log = SessionLog::start(&dir.path().join("data"), "demo".into(), true).expect("log");

    // An extension that names no format: refused, nothing to run.
    assert!(type_line(&mut a, ":export evidence.pdf").is_empty());
    let (text, error) = status(&a);
    assert!(
        error && text.contains(".md, .html, .json or .csv"),
        "{text}"
    );

    let out = dir.path().join("evidence.html");
    let effects = type_line(&mut a, &format!(":export {}", out.display()));
    let [Effect::Export(job)] = effects.as_slice() else {
        panic!("one export effect: {effects:?}");
    };
    assert_eq!(
        (job.format, job.path.as_path()),
        (Format::Html, out.as_path())
    );
    assert!(status(&a).0.starts_with("exporting "));
    assert!(!out.exists(), "update itself writes nothing");

    let done = effects::export(job, &log, rampart::demo::now());
    update(&mut a, Action::Exported(done));
    let (text, error) = status(&a);
    assert!(!error && text.starts_with("wrote "), "{text}");
    let html = std::fs::read_to_string(&out).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    let sha = rampart::ledger::sha256_hex(html.as_bytes());
    assert!(text.contains(&sha[..12]), "{text}");
    let entries = log.ledger().entries();
    assert!(matches!(&entries[1].event, Event::Export { sha256, .. } if *sha256 == sha));
    assert!(verify(log.path()).is_ok());

    // A second export, to Markdown.
    let md = dir.path().join("evidence.md");
    let effects = type_line(&mut a, &format!(":export {}", md.display()));
    let [Effect::Export(job)] = effects.as_slice() else {
        panic!("one export effect: {effects:?}");
    };
    update(
        &mut a,
        Action::Exported(effects::export(job, &log, rampart::demo::now())),
    );
    assert!(md.exists());

    // `:log` lists both among the session's local actions.
    type_line(&mut a, ":log");
    let shown = screen(&a, &o);
    assert!(
        shown.contains("evidence.html") && shown.contains("evidence.md"),
        "{shown}"
    );
    // A click selects a row.
    let selected = |a: &App| match a.route() {
        Route::Log(v) => v.cursor.selected,
        _ => panic!("not in :log"),
    };
    let before = selected(&a);
    let target = a
        .hits
        .borrow()
        .iter()
        .find(|(_, h)| *h != rampart::app::Hit::Row(before))
        .map(|(r, _)| (r.x + 1, r.y))
        .expect("another row");
    update(
        &mut a,
        Action::Click {
            x: target.0,
            y: target.1,
        },
    );
    assert_ne!(selected(&a), before);
}

#[test]
fn an_attestation_lands_in_the_file_the_session_log_and_the_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("attestations.json");
    let o = opts(&file);
    let mut a = App::with_estate(rampart::demo::estate(), o.settings());
    let log = SessionLog::start(&dir.path().join("data"), "demo".into(), true).expect("log");
    // Essential Eight, Restrict Office macros (3rd row), its first requirement.
    for c in "4jj".chars() {
        update(&mut a, Action::Key(Key::char(c)));
    }
    update(&mut a, Action::Key(Key::plain(KeyCode::Enter)));
    update(&mut a, Action::Key(Key::char('a')));
    let effects = type_line(&mut a, "macros blocked by GPO");
    let [Effect::Attest { path, attestation }] = effects.as_slice() else {
        panic!("one attest effect: {effects:?}");
    };
    assert_eq!(path, &file);
    let answer = effects::attest(path, attestation.clone(), &log);
    update(&mut a, answer);
    assert_eq!(
        rampart::attest::load(&file).expect("file"),
        vec![attestation.clone()]
    );
    let entries = log.ledger().entries();
    assert!(matches!(
        &entries[1].event,
        Event::Attestation { requirement_id, note, .. }
            if *requirement_id == attestation.requirement_id && note == "macros blocked by GPO"
    ));
    assert!(verify(log.path()).is_ok());
    let (text, error) = status(&a);
    assert!(!error && text.contains("session log"), "{text}");
    // The runtime says where the log it opened is.
    update(
        &mut a,
        Action::Live(rampart::app::LiveAction::SessionLog(log.status())),
    );
    type_line(&mut a, ":log");
    let shown = screen(&a, &o);
    assert!(
        shown.contains(&format!("attested {}", attestation.requirement_id)),
        "{shown}"
    );
    assert!(shown.contains("logged to "), "{shown}");
}
