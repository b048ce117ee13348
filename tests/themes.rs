//! Themes and the key map as a user meets them: every built-in theme
//! renders, user files in the config directory are read, a bad file stops
//! start-up with its line and column, NO_COLOR leaves no colour, and the
//! VPC view tells isolated from private.

use rampart::app::{Action, App, update};
use rampart::render_out::buffer_to_text;
use rampart::ui::{self, Options, Role, theme::BUILT_IN};
use ratatui::style::Color;
use std::path::Path;
use std::process::{Command, Output};

fn rampart(args: &[&str], config: &Path, no_color: bool) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_rampart"));
    c.args(args)
        .env("RAMPART_CONFIG_DIR", config)
        .env("RAMPART_DATA_DIR", config)
        .env_remove("AWS_PROFILE");
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    c.output().expect("run rampart")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn every_built_in_theme_parses_and_renders() {
    let estate = rampart::demo::estate();
    let mut colours = Vec::new();
    for name in BUILT_IN {
        let opts = Options::new(Some(name), false).expect(name);
        assert_eq!(opts.theme.name, name);
        assert!(opts.theme.is_complete(), "{name} styles every role");
        let app = App::with_estate(estate.clone(), opts.settings());
        let buf = ui::render_to_buffer(&app, &opts, 160, 48);
        let shown = buffer_to_text(&buf);
        assert!(
            shown.contains("C CRIT") && shown.contains("Security score"),
            "{name}"
        );
        let coloured = buf
            .content()
            .iter()
            .any(|c| c.fg != Color::Reset || c.bg != Color::Reset);
        assert_eq!(coloured, name != "mono", "{name}");
        colours.push(opts.theme.style(Role::SevCritical));
    }
    colours.dedup();
    assert!(colours.len() >= 4, "themes differ: {colours:?}");
    // The light theme draws its SVG on paper, not on the dark default.
    let light = Options::new(Some("light"), false).expect("light");
    let app = App::with_estate(estate, light.settings());
    let buf = ui::render_to_buffer(&app, &light, 80, 24);
    let svg = ui::svg(&buf, &light.theme);
    assert!(svg.contains(r##"fill="#fafbfc""##), "{}", &svg[..300]);
}

#[test]
fn user_themes_and_key_maps_come_from_the_config_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("themes")).expect("mkdir");
    std::fs::write(
        dir.path().join("themes/dusk.toml"),
        "inherits = \"dark\"\n[palette]\nplum = \"#5c2a5c\"\n[roles]\nheading = { fg = \"plum\", bold = true }\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("keys.toml"),
        "[keys]\nquit = [\"Q\"]\nhelp = \"F1\"\nkms = \"k\"\nup = [\"up\"]\n",
    )
    .expect("write");
    let opts = Options::with_config_dir(Some("dusk"), false, dir.path()).expect("loads");
    assert_eq!(
        opts.theme.style(Role::Heading).fg,
        Some(Color::Rgb(0x5c, 0x2a, 0x5c))
    );
    assert!(opts.themes.names().contains(&"dusk".to_string()));
    let mut app = App::with_estate(rampart::demo::estate(), opts.settings());
    let screen = buffer_to_text(&ui::render_to_buffer(&app, &opts, 120, 30));
    let footer = screen.lines().last().unwrap_or_default().to_string();
    assert!(
        footer.contains("f1 help") && footer.contains("Q quit"),
        "{footer}"
    );
    // The help overlay lists the new keys, and the keys work.
    update(
        &mut app,
        Action::Key(rampart::input::Key::parse("f1").expect("f1")),
    );
    let help = buffer_to_text(&ui::render_to_buffer(&app, &opts, 120, 40));
    assert!(help.contains(" Q ") && help.contains(":quit"), "{help}");
    update(
        &mut app,
        Action::Key(rampart::input::Key::plain(crossterm::event::KeyCode::Esc)),
    );
    update(&mut app, Action::Key(rampart::input::Key::char('k')));
    assert_eq!(app.view(), rampart::input::ViewKind::Kms);
    update(&mut app, Action::Key(rampart::input::Key::char('q')));
    assert!(!app.quit, "q no longer quits");
}

#[test]
fn a_bad_theme_or_key_map_stops_start_up_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("themes")).expect("mkdir");
    std::fs::write(
        dir.path().join("themes/bad.toml"),
        "name = \"bad\"\n[roles]\ntext = {}\ndim = { fg = \"dark-grey\" }\naccent = { fg = \"teal-ish\" }\n",
    )
    .expect("write");
    let out = rampart(&["--demo", "render", "overview"], dir.path(), false);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("bad.toml: line 5, column 17: unknown colour \"teal-ish\""),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());

    std::fs::remove_file(dir.path().join("themes/bad.toml")).expect("rm");
    std::fs::write(
        dir.path().join("keys.toml"),
        "[keys]\nquit = \"Q\"\nteleport = \"t\"\n",
    )
    .expect("write");
    let out = rampart(&["--demo", "render", "overview"], dir.path(), false);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("keys.toml: line 3, column 1: unknown command \"teleport\""),
        "{err}"
    );

    std::fs::remove_file(dir.path().join("keys.toml")).expect("rm");
    let out = rampart(
        &["--demo", "--theme", "neon", "render", "overview"],
        dir.path(),
        false,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown theme \"neon\""));
}

#[test]
fn no_color_output_has_no_colour() {
    let dir = tempfile::tempdir().expect("tempdir");
    for view in ["overview", "kms", "vpc"] {
        let out = rampart(
            &["--demo", "render", view, "--format", "svg"],
            dir.path(),
            true,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let svg = text(&out.stdout);
        let mut fills: Vec<&str> = svg
            .split("fill=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        fills.sort_unstable();
        fills.dedup();
        assert!(
            fills.len() <= 2,
            "{view}: only the default pair, got {fills:?}"
        );
        let out = rampart(
            &["--demo", "render", view, "--format", "text"],
            dir.path(),
            true,
        );
        assert!(!text(&out.stdout).contains('\u{1b}'));
    }
    // Without NO_COLOR the same view has colour.
    let out = rampart(
        &["--demo", "render", "overview", "--format", "svg"],
        dir.path(),
        false,
    );
    assert!(text(&out.stdout).matches("fill=\"#").count() > 10);
}

#[test]
fn the_vpc_view_tells_isolated_from_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = rampart(
        &["--demo", "render", "vpc", "--format", "text"],
        dir.path(),
        false,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let screen = text(&out.stdout);
    let e = rampart::demo::estate();
    assert_eq!(e.vpcs.len(), 4);
    for v in &e.vpcs {
        let row = screen
            .lines()
            .find(|l| l.contains(&format!("{} {}", v.name(), v.vpc_id)))
            .unwrap_or_else(|| panic!("{} is listed:\n{screen}", v.name()));
        if v.name() == "Isolated" {
            assert!(row.contains("■ isolated"), "{row}");
        }
    }
    let private: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("primary-private-"))
        .collect();
    assert_eq!(private.len(), 3, "{screen}");
    for row in private {
        assert!(row.contains("◆ private, egress via NAT"), "{row}");
    }
}
