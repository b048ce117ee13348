//! Driving the live console without a terminal or AWS: an app configured
//! for a source, fake delta streams fed through `update`, and renders.
#![allow(dead_code)]

use super::fixtures;
use rampart::app::{Action, App, Effect, LiveAction, SourceKind, update};
use rampart::aws::{LoadRequest, Session};
use rampart::input::Key;
use rampart::model::{
    CallerIdentity, Channel, DataOrigin, DatasetKind, EstateDelta, EstateMeta, Finding, LoadRecord,
    LoadState,
};
use rampart::ui::{self, Options};

pub const A1: &str = "111122223333";
pub const EU2: &str = "eu-west-2";

pub fn opts() -> Options {
    Options::new(None, false)
        .expect("theme")
        .with_clock(Some(fixtures::now()))
}

/// A console on `source`, waiting for its first load.
pub fn app(source: SourceKind, allow_writes: bool) -> App {
    let mut a = App::new(opts().settings());
    a.configure_live(source, allow_writes, None);
    a
}

pub fn deltas(a: &mut App, d: Vec<EstateDelta>) -> Vec<Effect> {
    update(a, Action::Live(LiveAction::Deltas(d)))
}

pub fn load_done(a: &mut App, load: u64) -> Vec<Effect> {
    update(a, Action::Live(LiveAction::LoadDone { load, error: None }))
}

pub fn keys(a: &mut App, keys: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for c in keys.chars() {
        out.extend(update(a, Action::Key(Key::char(c))));
    }
    out
}

pub fn run(a: &mut App, line: &str) -> Vec<Effect> {
    update(a, Action::Run(line.to_string()))
}

pub fn render(a: &App, w: u16, h: u16) -> String {
    let buf = ui::render_to_buffer(a, &opts(), w, h);
    rampart::render_out::buffer_to_text(&buf)
}

pub fn meta() -> EstateDelta {
    let mut m = EstateMeta::new(DataOrigin::Live { profile: None }, fixtures::now());
    m.caller = Some(CallerIdentity {
        account_id: A1.into(),
        arn: format!("arn:aws:sts::{A1}:assumed-role/IncidentLead/alex"),
        user_id: String::new(),
    });
    m.accounts = vec![A1.into()];
    m.regions = vec![EU2.into()];
    EstateDelta::Meta(m)
}

pub fn state(d: DatasetKind, state: LoadState) -> EstateDelta {
    EstateDelta::Load(LoadRecord {
        dataset: d,
        account_id: Some(A1.into()),
        region: Some(EU2.into()),
        state,
    })
}

pub fn loaded(d: DatasetKind) -> EstateDelta {
    state(
        d,
        LoadState::Loaded {
            at: fixtures::now(),
        },
    )
}

/// The Security Hub copy of a GuardDuty finding read natively: its ASFF
/// `Id` is the GuardDuty finding ARN.
pub fn gd_copy(native: &Finding) -> Finding {
    let arn = native.provenances[0]
        .native_arn
        .clone()
        .expect("a native GuardDuty finding has an ARN");
    let mut f = native.clone();
    f.id = arn.clone();
    let p = &mut f.provenances[0];
    p.channel = Channel::SecurityHub;
    p.product_arn = Some(format!(
        "arn:aws:securityhub:{}::product/aws/guardduty",
        native.region
    ));
    p.native_id = arn;
    p.native_arn = None;
    f
}

/// Every finding dataset loaded, the fixtures' findings in two pages, the
/// first load done: a live console with its baseline.
pub fn baseline(allow_writes: bool) -> App {
    let mut a = app(SourceKind::Live, allow_writes);
    let all = fixtures::findings();
    let (first, rest) = all.split_at(5);
    deltas(
        &mut a,
        vec![
            meta(),
            state(
                DatasetKind::SecurityHubFindings,
                LoadState::Loading { pages: 0, items: 0 },
            ),
            EstateDelta::Findings(first.to_vec()),
        ],
    );
    deltas(
        &mut a,
        vec![
            EstateDelta::Findings(rest.to_vec()),
            loaded(DatasetKind::SecurityHubFindings),
            loaded(DatasetKind::GuardDutyFindings),
            loaded(DatasetKind::MacieFindings),
        ],
    );
    load_done(&mut a, 0);
    a
}

/// Loads the findings from `session` as the console's runtime does
/// (deltas forwarded in batches into `update`) and ends the first load.
pub async fn estate_of(session: &Session, app: &mut App) {
    let ledger = session.ledger().clone();
    update(
        app,
        Action::Live(LiveAction::Connected {
            ledger,
            session_log: None,
        }),
    );
    let req = LoadRequest {
        only: vec![
            DatasetKind::SecurityHubFindings,
            DatasetKind::GuardDutyFindings,
        ],
        findings_updated_since: None,
    };
    let (dtx, drx) = tokio::sync::mpsc::channel(4);
    let (atx, mut arx) = tokio::sync::mpsc::unbounded_channel();
    let meta = EstateDelta::Meta(session.meta(fixtures::now()));
    let reading = async move {
        if dtx.send(meta).await.is_ok() {
            session.load(&req, dtx).await;
        }
    };
    tokio::join!(reading, rampart::ui::forward(drx, atx));
    while let Ok(action) = arx.try_recv() {
        update(app, action);
    }
    load_done(app, 0);
}
