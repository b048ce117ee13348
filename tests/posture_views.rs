//! Snapshots of the posture views (controls, Essential Eight, KMS, VPC,
//! alarms) at 80x24 and 160x48, with their empty, loading and failed
//! states; every view at small sizes without a panic.

#[path = "fixtures/estate.rs"]
mod fixtures;

use rampart::app::{Action, App, DataState, update};
use rampart::input::{CommandId, Key};
use rampart::model::Estate;
use rampart::render_out::buffer_to_text;
use rampart::ui::{self, Options};

fn opts() -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(rampart::demo::now()))
        .with_source("demo")
}

fn draw(app: &App, w: u16, h: u16) -> String {
    buffer_to_text(&ui::render_to_buffer(app, &opts(), w, h))
}

fn run(app: &mut App, line: &str) {
    update(app, Action::Run(line.to_string()));
    assert!(
        app.status.as_ref().is_none_or(|s| !s.error),
        "{line}: {:?}",
        app.status
    );
}

fn demo(line: &str) -> App {
    let mut a = App::with_estate(rampart::demo::estate(), opts().settings());
    run(&mut a, line);
    a
}

fn key(app: &mut App, c: char) {
    update(app, Action::Key(Key::char(c)));
}

/// Every posture view of the demo, by `:` name, with what it must show.
const VIEWS: [(&str, &[&str]); 5] = [
    (
        "controls",
        &[
            "All standards",
            "AWS Foundational Security Best Practices",
            "%",
        ],
    ),
    ("e8", &["Multi-factor authentication", "ML1", "MATURITY"]),
    ("kms", &["ROTATION", "✗ OFF", "pending"]),
    ("vpc", &["Primary", "■ isolated", "private, egress via NAT"]),
    ("alarms", &["✗ ALARM (4)", "CloudWatch.1"]),
];

#[test]
fn demo_views_at_both_sizes() {
    for (name, needles) in VIEWS {
        let a = demo(name);
        for (w, h) in [(80u16, 24u16), (160, 48)] {
            let text = draw(&a, w, h);
            if w == 160 {
                for n in needles {
                    assert!(text.contains(n), "{name}: {n}\n{text}");
                }
            }
            insta::assert_snapshot!(format!("demo_{name}_{w}x{h}"), text);
        }
    }
}

#[test]
fn drilled_in_views_at_both_sizes() {
    // Controls of every standard, failed first.
    let mut controls = demo("controls");
    update(&mut controls, Action::Command(CommandId::Open));
    // One E8 cell: multi-factor authentication at ML1.
    let mut cell = demo("e8");
    for _ in 0..6 {
        key(&mut cell, 'j');
    }
    update(&mut cell, Action::Command(CommandId::Open));
    // The first key with rotation off.
    let mut key_detail = demo("kms");
    let off = rotation_off_row(&key_detail);
    for _ in 0..off {
        key(&mut key_detail, 'j');
    }
    update(&mut key_detail, Action::Command(CommandId::Open));
    // A private subnet of the primary VPC, with its path panel.
    let mut subnet = demo("vpc");
    while !draw_selected(&subnet).contains("primary-private-a") {
        key(&mut subnet, 'j');
    }
    for (name, a) in [
        ("controls_all", &controls),
        ("e8_mfa_ml1", &cell),
        ("key_rotation_off", &key_detail),
        ("vpc_private_subnet", &subnet),
    ] {
        for (w, h) in [(80u16, 24u16), (160, 48)] {
            insta::assert_snapshot!(format!("demo_{name}_{w}x{h}"), draw(a, w, h));
        }
    }
    let text = draw(&subnet, 160, 48);
    assert!(text.contains("Path out of subnet-"), "{text}");
    assert!(text.contains("0.0.0.0/0 → NAT nat-"), "{text}");
    let text = draw(&key_detail, 160, 48);
    assert!(
        text.contains("Rotation") && text.contains("! OFF"),
        "{text}"
    );
}

fn rotation_off_row(a: &App) -> usize {
    let rampart::app::Route::Kms(v) = a.route() else {
        panic!("not in kms");
    };
    v.rows()
        .iter()
        .position(|i| a.estate.kms_keys[*i as usize].rotation.enabled == Some(false))
        .expect("the demo has a key with rotation off")
}

fn draw_selected(a: &App) -> String {
    let rampart::app::Route::Vpc(v) = a.route() else {
        panic!("not in vpc");
    };
    let row = v.selected().expect("a row");
    format!(
        "{:?}",
        a.estate
            .subnets
            .iter()
            .find(|s| Some(s.subnet_id.as_str()) == row.node.resource_id())
            .map(|s| s.name())
    )
}

#[test]
fn the_policy_marks_its_risky_statement() {
    let e = rampart::demo::estate();
    let public = e
        .kms_keys
        .iter()
        .position(|k| k.display_name().starts_with("legacy-exports"))
        .expect("the demo's public key");
    let mut a = demo("kms");
    let rampart::app::Route::Kms(v) = a.route() else {
        panic!()
    };
    let row = v
        .rows()
        .iter()
        .position(|i| *i as usize == public)
        .expect("row");
    for _ in 0..row {
        key(&mut a, 'j');
    }
    update(&mut a, Action::Command(CommandId::Open));
    let mut all = String::new();
    for _ in 0..6 {
        all.push_str(&draw(&a, 160, 48));
        update(&mut a, Action::Command(CommandId::PageDown));
    }
    assert!(all.contains("Key policy"), "{all}");
    assert!(all.contains("◀ public: any principal"), "{all}");
    let marked = all.lines().filter(|l| l.contains("│! ")).count();
    assert!(
        marked >= 3,
        "the public statement's lines carry the mark:\n{all}"
    );
}

fn empty() -> Estate {
    fixtures::empty_estate()
}

#[test]
fn empty_loading_and_failed_states() {
    for (name, _) in VIEWS {
        // Empty: every dataset read, nothing in it.
        let mut a = App::with_estate(empty(), opts().settings());
        run(&mut a, name);
        insta::assert_snapshot!(format!("empty_{name}_80x24"), draw(&a, 80, 24));
        // Loading: the view is chosen before the data arrives.
        let mut l = App::new(opts().settings());
        run(&mut l, name);
        let text = draw(&l, 80, 24);
        assert!(text.contains("Loading"), "{text}");
        insta::assert_snapshot!(format!("loading_{name}_80x24"), text);
        // Failed datasets: KMS denied, alarms timed out.
        let mut f = App::with_estate(fixtures::estate_with_failures(), opts().settings());
        run(&mut f, name);
        insta::assert_snapshot!(format!("failed_{name}_80x24"), draw(&f, 80, 24));
        // A failed reload keeps the view and says so in the frame.
        f.data = DataState::Failed("expired credentials".into());
        assert!(draw(&f, 80, 24).contains("expired credentials"));
    }
    let mut f = App::with_estate(fixtures::estate_with_failures(), opts().settings());
    run(&mut f, "kms");
    assert!(draw(&f, 80, 24).contains("access denied (kms:ListKeys)"));
    run(&mut f, "alarms");
    assert!(draw(&f, 80, 24).contains("failed: timeout"));
    run(&mut f, "controls");
    let mut e = App::with_estate(empty(), opts().settings());
    run(&mut e, "controls");
    assert!(!draw(&e, 160, 48).contains(" 0%"), "no data is never 0 %");
}

#[test]
fn every_posture_view_renders_at_any_size() {
    let mut apps = Vec::new();
    for (name, _) in VIEWS {
        apps.push(demo(name));
        let mut a = demo(name);
        update(&mut a, Action::Command(CommandId::Open));
        apps.push(a);
        let mut f = App::with_estate(fixtures::estate_with_failures(), opts().settings());
        run(&mut f, name);
        apps.push(f);
    }
    let mut attest = demo("e8");
    update(&mut attest, Action::Command(CommandId::Open));
    key(&mut attest, 'a');
    apps.push(attest);
    for a in &apps {
        for (w, h) in [
            (1, 1),
            (3, 2),
            (10, 5),
            (40, 12),
            (41, 13),
            (79, 23),
            (240, 70),
        ] {
            let text = draw(a, w, h);
            assert_eq!(text.lines().count(), usize::from(h));
        }
    }
    for (i, (name, _)) in VIEWS.iter().enumerate() {
        insta::assert_snapshot!(format!("demo_{name}_40x12"), draw(&apps[i * 3], 40, 12));
    }
}

#[test]
fn hostile_strings_in_keys_tags_policies_networks_and_alarms_stay_inert() {
    const EVIL: &str = "\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}x\r";
    let mut e = rampart::demo::estate();
    let k = &mut e.kms_keys[0];
    k.aliases = vec![format!("alias/{EVIL}")];
    k.tags.insert(EVIL.to_string(), EVIL.to_string());
    k.description = EVIL.repeat(1000);
    k.policy = Some(format!(
        r#"{{"Statement":[{{"Sid":"{}","Effect":"Allow","Principal":"*","Action":"kms:*"}}]}}"#,
        "\\u001b[2J\\u0007"
    ));
    e.subnets[0].tags.insert("Name".into(), EVIL.into());
    e.security_groups[0].group_name = EVIL.into();
    e.alarms[0].name = EVIL.into();
    e.alarms[0].state_reason = EVIL.repeat(100);
    let mut apps = Vec::new();
    for view in ["kms", "vpc", "alarms", "controls", "e8"] {
        let mut a = App::with_estate(e.clone(), opts().settings());
        run(&mut a, view);
        if view == "vpc" {
            update(&mut a, Action::Command(CommandId::ExpandAll));
        }
        apps.push(a);
    }
    let mut key = App::with_estate(e.clone(), opts().settings());
    run(&mut key, "kms");
    let rampart::app::Route::Kms(v) = key.route() else {
        panic!()
    };
    let row = v.rows().iter().position(|i| *i == 0).expect("row");
    for _ in 0..row {
        update(&mut key, Action::Command(CommandId::Down));
    }
    update(&mut key, Action::Command(CommandId::Open));
    apps.push(key);
    for a in &apps {
        for (w, h) in [(80u16, 24u16), (160, 48)] {
            let buf = ui::render_to_buffer(a, &opts(), w, h);
            for cell in buf.content() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(|c| c.is_control() || c == '\u{202e}'),
                    "{:?} in {:?}",
                    cell.symbol(),
                    a.view()
                );
            }
            assert_eq!(buffer_to_text(&buf).lines().count(), usize::from(h));
        }
    }
}
