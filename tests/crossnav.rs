//! Cross-navigation through `update` alone: a finding's resource to its
//! VPC node or KMS key, a key or node to its findings, a control to its
//! resources, the E8 grid down to a finding; number keys, `:` commands,
//! clicks, themes and attestations.

use crossterm::event::KeyCode;
use rampart::app::xref::NodeId;
use rampart::app::{Action, App, Effect, Overlay, Route, update};
use rampart::input::{CommandId, Key, ViewKind};
use rampart::model::{AttestationStatus, Source};
use rampart::render_out::buffer_to_text;
use rampart::ui::{self, Options};

fn opts() -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(rampart::demo::now()))
        .with_source("demo")
        .with_attestations(Some(
            std::env::temp_dir().join("rampart-never-written.json"),
        ))
}

fn app() -> App {
    App::with_estate(rampart::demo::estate(), opts().settings())
}

fn keys(a: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| update(a, Action::Key(Key::char(c))))
        .collect()
}

fn press(a: &mut App, code: KeyCode) -> Vec<Effect> {
    update(a, Action::Key(Key::plain(code)))
}

fn run(a: &mut App, line: &str) {
    update(a, Action::Run(line.to_string()));
    assert!(
        a.status.as_ref().is_none_or(|s| !s.error),
        "{line}: {:?}",
        a.status
    );
}

fn screen(a: &App) -> String {
    buffer_to_text(&ui::render_to_buffer(a, &opts(), 160, 48))
}

/// The ids of the findings the focused findings table shows.
fn shown(a: &App) -> Vec<String> {
    let Route::Findings(v) = a.route() else {
        panic!("not in findings: {:?}", a.view());
    };
    v.rows()
        .iter()
        .map(|i| a.estate.findings[*i as usize].id.clone())
        .collect()
}

#[test]
fn a_guardduty_instance_finding_leads_to_its_subnet() {
    let mut a = app();
    run(&mut a, "findings type:CryptoCurrency*");
    press(&mut a, KeyCode::Enter);
    let Route::Detail(d) = a.route() else {
        panic!("expected the detail");
    };
    let finding = a.estate.findings[d.index].clone();
    assert_eq!(finding.source, Source::GuardDuty);
    keys(&mut a, "x");
    let Route::Vpc(v) = a.route() else {
        panic!("expected the VPC tree, got {:?} ({:?})", a.view(), a.status);
    };
    let Some(NodeId::Subnet(id)) = v.selected().map(|r| r.node.clone()) else {
        panic!("a subnet is selected");
    };
    let subnet = a
        .estate
        .subnets
        .iter()
        .find(|s| s.subnet_id == id)
        .expect("subnet");
    let primary = a
        .estate
        .vpcs
        .iter()
        .find(|v| v.name() == "Primary")
        .expect("primary");
    assert_eq!(subnet.vpc_id, primary.vpc_id);
    assert_eq!(subnet.tags.get("Tier").map(String::as_str), Some("private"));
    let text = screen(&a);
    assert!(
        text.contains("Overview › Findings [/type:CryptoCurrency*] › Detail:"),
        "{text}"
    );
    assert!(text.contains(&format!("› VPC topology: {id}")), "{text}");
    assert!(text.contains(&format!("Path out of {id}")), "{text}");
    // And back from the node to its findings: the instance's are there.
    keys(&mut a, "f");
    assert!(shown(&a).contains(&finding.id), "{:?}", shown(&a));
    for _ in 0..3 {
        press(&mut a, KeyCode::Esc);
    }
    assert_eq!(a.view(), ViewKind::Findings);
}

#[test]
fn a_kms4_finding_leads_to_the_key_and_the_key_back_to_it() {
    let mut a = app();
    run(
        &mut a,
        "findings control:KMS.4 source:securityhub status:failed",
    );
    let first = shown(&a).first().cloned().expect("a failed KMS.4 finding");
    keys(&mut a, "x");
    let Route::Key(k) = a.route() else {
        panic!(
            "expected the key detail, got {:?} ({:?})",
            a.view(),
            a.status
        );
    };
    let key = a.estate.kms_keys[k.key].clone();
    assert_eq!(
        key.rotation.enabled,
        Some(false),
        "KMS.4 fails on keys that do not rotate"
    );
    let text = screen(&a);
    assert!(
        text.contains(&format!("Key {}", key.display_name())),
        "{text}"
    );
    assert!(text.contains("! OFF"), "{text}");
    keys(&mut a, "f");
    assert!(shown(&a).contains(&first));
    assert!(
        shown(&a)
            .iter()
            .any(|id| id.starts_with("rampart/kms-rotation"))
    );
    // From the KMS list too.
    run(&mut a, "kms");
    let Route::Kms(v) = a.route() else { panic!() };
    let row = v
        .rows()
        .iter()
        .position(|i| a.estate.kms_keys[*i as usize].arn == key.arn);
    for _ in 0..row.expect("listed") {
        keys(&mut a, "j");
    }
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.route(), Route::Key(k) if k.arn == key.arn));
}

#[test]
fn the_e8_grid_leads_down_to_a_finding() {
    let mut a = app();
    keys(&mut a, "4");
    assert_eq!(a.view(), ViewKind::E8);
    // Multi-factor authentication (7th row) at ML1 has a failed control.
    keys(&mut a, "jjjjjj");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.view(), ViewKind::Requirement);
    // Down to the evidence row with failed findings.
    let Route::Requirement(v) = a.route() else {
        panic!()
    };
    let target = v
        .items()
        .iter()
        .position(|i| {
            matches!(i, rampart::app::views::ReqItem::Evidence(r, e)
                if !v.level_result(&a.posture).expect("level").requirements[*r].evidence[*e]
                    .failed_finding_ids
                    .is_empty())
        })
        .expect("an evidence row with failed findings");
    for _ in 0..target {
        keys(&mut a, "j");
    }
    let Route::Requirement(v) = a.route() else {
        panic!()
    };
    let evidence = v.evidence(&a.posture).expect("evidence selected").clone();
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.view(), ViewKind::Findings);
    for id in &evidence.failed_finding_ids {
        assert!(shown(&a).contains(id), "{id} in {:?}", shown(&a));
    }
    press(&mut a, KeyCode::Enter);
    let Route::Detail(d) = a.route() else {
        panic!("expected a finding")
    };
    assert_eq!(
        a.estate.findings[d.index].control_id(),
        Some(evidence.control_id.as_str())
    );
    let text = screen(&a);
    assert!(
        text.contains("Overview › Essential Eight › Multi-factor authentication ML1 › Findings ["),
        "{text}"
    );
}

#[test]
fn a_control_leads_to_its_failing_resources() {
    let mut a = app();
    keys(&mut a, "3");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.view(), ViewKind::Controls);
    let Route::Controls(v) = a.route() else {
        panic!()
    };
    let c = v.selected(&a.posture).expect("a control").clone();
    assert_eq!(
        c.status,
        rampart::posture::ControlStatus::Failed,
        "failed first"
    );
    keys(&mut a, "x");
    let Route::Findings(f) = a.route() else {
        panic!("{:?}", a.status)
    };
    let groups: Vec<&str> = f.groups().iter().map(|g| g.value.as_str()).collect();
    for r in &c.failing_resources {
        assert!(groups.contains(&r.as_str()), "{r} in {groups:?}");
    }
}

#[test]
fn number_keys_commands_and_clicks() {
    let mut a = app();
    for (k, view) in [
        ('3', ViewKind::Standards),
        ('4', ViewKind::E8),
        ('5', ViewKind::Kms),
        ('6', ViewKind::Vpc),
        ('7', ViewKind::Alarms),
        ('8', ViewKind::Diff),
        ('2', ViewKind::Findings),
        ('1', ViewKind::Overview),
    ] {
        keys(&mut a, &k.to_string());
        assert_eq!(a.view(), view);
        assert!(a.stack.len() <= 1);
    }
    for (line, view) in [
        ("controls", ViewKind::Standards),
        ("e8", ViewKind::E8),
        ("diff", ViewKind::Diff),
        ("vpc", ViewKind::Vpc),
    ] {
        run(&mut a, line);
        assert_eq!(a.view(), view);
    }
    // `:` completes view names.
    assert!(rampart::app::complete("al", ViewKind::Vpc).contains(&"alarms".to_string()));
    assert_eq!(
        rampart::app::complete_with("theme l", ViewKind::Vpc, &["light".into(), "dark".into()]),
        ["theme light"]
    );
    // A click on a tree row selects it; a second click opens it.
    screen(&a);
    let y = a
        .hits
        .borrow()
        .iter()
        .find(|(_, h)| *h == rampart::app::Hit::Row(0))
        .map(|(r, _)| r.y)
        .expect("row 0 is clickable");
    update(&mut a, Action::Click { x: 10, y });
    let Route::Vpc(v) = a.route() else { panic!() };
    assert_eq!(v.cursor.selected, 0);
    let before = v.rows().len();
    update(&mut a, Action::Click { x: 10, y });
    let Route::Vpc(v) = a.route() else { panic!() };
    assert!(v.rows().len() < before, "the region closed");
    update(&mut a, Action::Scroll { down: true });
    // The E8 grid takes clicks on cells.
    keys(&mut a, "4");
    screen(&a);
    let cell = a
        .hits
        .borrow()
        .iter()
        .find(|(_, h)| *h == rampart::app::Hit::E8Cell(2, 1))
        .map(|(r, _)| *r)
        .expect("cells are clickable");
    update(
        &mut a,
        Action::Click {
            x: cell.x,
            y: cell.y,
        },
    );
    assert!(matches!(a.route(), Route::E8(g) if (g.row, g.col) == (2, 1)));
    update(
        &mut a,
        Action::Click {
            x: cell.x,
            y: cell.y,
        },
    );
    assert_eq!(a.view(), ViewKind::Requirement);
}

#[test]
fn themes_switch_by_name_and_no_color_holds() {
    let mut a = app();
    run(&mut a, "theme light");
    assert_eq!(a.theme, "light");
    update(&mut a, Action::Run("theme neon".into()));
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("dark"))
    );
    assert_eq!(a.theme, "light");
    let opts = Options::new(None, false).expect("theme");
    assert_eq!(opts.theme_for(&a).name, "light");
    let mono = Options::new(None, true).expect("mono");
    let mut b = App::with_estate(rampart::demo::estate(), mono.settings());
    update(&mut b, Action::Run("theme light".into()));
    assert!(
        b.status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("NO_COLOR"))
    );
    assert_eq!(mono.theme_for(&b).name, "mono");
}

#[test]
fn an_attestation_is_an_effect_then_part_of_the_posture() {
    let mut a = app();
    keys(&mut a, "4");
    // Restrict Office macros (3rd row) can only be attested.
    keys(&mut a, "jj");
    press(&mut a, KeyCode::Enter);
    let Route::Requirement(v) = a.route() else {
        panic!()
    };
    let req = v.requirement(&a.posture).expect("a requirement").clone();
    keys(&mut a, "a");
    assert!(matches!(a.overlay, Some(Overlay::Attest(_))));
    assert!(screen(&a).contains(&format!("Attest {}", req.id)));
    // Typing goes to the note, Tab changes the status.
    keys(&mut a, "macros blocked by GPO");
    press(&mut a, KeyCode::Tab);
    let effects = press(&mut a, KeyCode::Enter);
    let [Effect::Attest { path, attestation }] = effects.as_slice() else {
        panic!("one write effect: {effects:?}");
    };
    assert!(path.ends_with("rampart-never-written.json"));
    assert_eq!(attestation.requirement_id, req.id);
    assert_eq!(attestation.status, AttestationStatus::Partial);
    assert_eq!(attestation.note, "macros blocked by GPO");
    assert!(a.overlay.is_none());
    // Nothing changed until the runtime says the file was written.
    let Route::Requirement(v) = a.route() else {
        panic!()
    };
    assert!(
        v.requirement(&a.posture)
            .expect("req")
            .attestation
            .is_none()
    );
    update(&mut a, Action::Attested(Ok(attestation.clone())));
    let Route::Requirement(v) = a.route() else {
        panic!("the view stays")
    };
    let now = v.requirement(&a.posture).expect("req").clone();
    assert_eq!(
        now.attestation
            .as_ref()
            .map(|x| (x.status, x.note.as_str())),
        Some((AttestationStatus::Partial, "macros blocked by GPO"))
    );
    assert!(screen(&a).contains("Attested partly met by reviewer"));
    // A write that failed says so and changes nothing.
    update(&mut a, Action::Attested(Err("disk full".into())));
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("disk full"))
    );
    // Esc cancels without an effect.
    keys(&mut a, "a");
    assert!(press(&mut a, KeyCode::Esc).is_empty());
    assert!(a.overlay.is_none());
    let _ = CommandId::Attest;
}
