//! The write flow (only with the `writes` feature and `--allow-writes`):
//! `w` chooses what to do, a workflow update takes an optional note, and a
//! confirmation naming the findings, accounts and regions comes before
//! anything is sent. The results come back per finding; the findings that
//! changed are changed in the local estate too.

use super::super::super::App;
use super::super::super::action::Effect;
use super::super::super::findings::Selected;
use super::super::super::overlay::Overlay;
use super::super::super::route::Route;
use super::super::LiveEffect;
use super::super::apply;
use crate::aws::write::{WriteAction, WriteJob, WriteResult, WriteTarget};
use crate::input::{CommandId, Key, LineInput};
use crate::model::{Channel, Finding, RecordState, WorkflowStatus};
use crossterm::event::KeyCode;

/// The write overlay's stages.
#[derive(Debug)]
pub enum WriteOverlay {
    /// `w`: what to do with the findings.
    Choose { targets: Vec<WriteTarget> },
    /// The note sent with a workflow update (optional).
    Note {
        status: WorkflowStatus,
        targets: Vec<WriteTarget>,
        input: LineInput,
    },
    /// The last word before anything is sent. `skipped` findings do not
    /// apply (e.g. not GuardDuty findings for an archive).
    Confirm { job: WriteJob, skipped: usize },
    /// The outcome, per finding.
    Results {
        title: String,
        lines: Vec<(bool, String)>,
    },
}

/// What a write needs to know about a finding.
pub fn target_of(f: &Finding) -> WriteTarget {
    let hub = f
        .provenances
        .iter()
        .find(|p| p.channel == Channel::SecurityHub && p.product_arn.is_some());
    let guardduty_id = f
        .provenances
        .iter()
        .find(|p| p.channel == Channel::GuardDuty)
        .map(|p| p.native_id.clone())
        .or_else(|| {
            // A GuardDuty finding read through Security Hub: its ASFF Id
            // is the GuardDuty finding ARN, `.../finding/<id>`.
            hub.filter(|p| {
                p.product_arn
                    .as_deref()
                    .is_some_and(|a| a.ends_with("/aws/guardduty"))
            })
            .and_then(|p| p.native_id.rsplit_once("/finding/"))
            .map(|(_, id)| id.to_string())
        });
    WriteTarget {
        finding_id: f.id.clone(),
        title: f.title.clone(),
        account_id: f.account_id.clone(),
        region: f.region.clone(),
        securityhub: hub.and_then(|p| p.product_arn.clone().map(|arn| (p.native_id.clone(), arn))),
        guardduty_id,
    }
}

/// The findings a write acts on: the marked ones in the findings table,
/// else the selected (or shown) finding.
pub fn write_targets(app: &App) -> Vec<WriteTarget> {
    let findings = &app.estate.findings;
    match app.route() {
        Route::Findings(_) if !app.live.marked.is_empty() => {
            let mut v: Vec<&Finding> = findings
                .iter()
                .filter(|f| app.live.marked.contains(&f.id))
                .collect();
            v.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.id.cmp(&b.id)));
            v.into_iter().map(target_of).collect()
        }
        Route::Findings(v) => match v.selected() {
            Some(Selected::Finding(i)) => findings.get(i).map(target_of).into_iter().collect(),
            _ => Vec::new(),
        },
        Route::Detail(d) => findings.get(d.index).map(target_of).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A write command (writes are enabled).
pub(super) fn begin(app: &mut App, id: CommandId, arg: Option<&str>) -> Vec<Effect> {
    let targets = write_targets(app);
    if targets.is_empty() {
        app.set_status("select or mark findings first (space marks)", true);
        return Vec::new();
    }
    match id {
        CommandId::Archive => confirm(app, WriteAction::Archive, targets),
        CommandId::Unarchive => confirm(app, WriteAction::Unarchive, targets),
        _ => match arg.map(str::trim).filter(|a| !a.is_empty()) {
            None => open(app, WriteOverlay::Choose { targets }),
            Some(a) => {
                let (word, note) = a.split_once(' ').unwrap_or((a, ""));
                match WorkflowStatus::parse(word).filter(|s| *s != WorkflowStatus::New) {
                    None => app.set_status(
                        format!("workflow: {word:?} is not notified, resolved or suppressed"),
                        true,
                    ),
                    Some(status) if note.trim().is_empty() => open(
                        app,
                        WriteOverlay::Note {
                            status,
                            targets,
                            input: LineInput::new(""),
                        },
                    ),
                    Some(status) => {
                        let note = note.trim().to_string();
                        confirm(app, WriteAction::Workflow { status, note }, targets);
                    }
                }
            }
        },
    }
    Vec::new()
}

fn open(app: &mut App, w: WriteOverlay) {
    app.overlay = Some(Overlay::Write(Box::new(w)));
}

/// Opens the confirmation for the targets the action applies to.
fn confirm(app: &mut App, action: WriteAction, targets: Vec<WriteTarget>) {
    let total = targets.len();
    let fits = |t: &WriteTarget| match action {
        WriteAction::Workflow { .. } => t.securityhub.is_some(),
        WriteAction::Archive | WriteAction::Unarchive => t.guardduty_id.is_some(),
    };
    let targets: Vec<WriteTarget> = targets.into_iter().filter(fits).collect();
    if targets.is_empty() {
        let why = match action {
            WriteAction::Workflow { .. } => "was read through Security Hub",
            _ => "is a GuardDuty finding",
        };
        app.set_status(format!("none of the {total} findings {why}"), true);
        return;
    }
    let job = WriteJob {
        id: app.live.next_job,
        action,
        targets,
        aggregator_region: app.estate.meta.aggregator_region.clone(),
        updated_by: app
            .estate
            .meta
            .caller
            .as_ref()
            .map(|c| c.arn.clone())
            .unwrap_or_else(|| "rampart".to_string()),
    };
    let skipped = total - job.targets.len();
    open(app, WriteOverlay::Confirm { job, skipped });
}

/// Keys while the write overlay is open.
pub fn on_key(app: &mut App, w: WriteOverlay, key: Key) -> Vec<Effect> {
    let esc = key.code == KeyCode::Esc;
    match w {
        WriteOverlay::Choose { targets } => {
            let status = match key.code {
                KeyCode::Char('n') => Some(WorkflowStatus::Notified),
                KeyCode::Char('r') => Some(WorkflowStatus::Resolved),
                KeyCode::Char('s') => Some(WorkflowStatus::Suppressed),
                KeyCode::Char('a') => {
                    confirm(app, WriteAction::Archive, targets);
                    return Vec::new();
                }
                KeyCode::Char('u') => {
                    confirm(app, WriteAction::Unarchive, targets);
                    return Vec::new();
                }
                KeyCode::Esc | KeyCode::Char('q') => {
                    app.set_status("cancelled: nothing was sent", false);
                    return Vec::new();
                }
                _ => None,
            };
            match status {
                Some(status) => open(
                    app,
                    WriteOverlay::Note {
                        status,
                        targets,
                        input: LineInput::new(""),
                    },
                ),
                None => open(app, WriteOverlay::Choose { targets }),
            }
        }
        WriteOverlay::Note {
            status,
            targets,
            mut input,
        } => {
            if esc {
                app.set_status("cancelled: nothing was sent", false);
            } else if key.code == KeyCode::Enter {
                let note = input.text().trim().to_string();
                confirm(app, WriteAction::Workflow { status, note }, targets);
            } else {
                input.handle(key);
                open(
                    app,
                    WriteOverlay::Note {
                        status,
                        targets,
                        input,
                    },
                );
            }
        }
        WriteOverlay::Confirm { job, skipped } => match key.code {
            KeyCode::Char('y') => return send(app, job),
            KeyCode::Char('n') | KeyCode::Esc | KeyCode::Char('q') => {
                app.set_status("cancelled: nothing was sent", false);
            }
            _ => open(app, WriteOverlay::Confirm { job, skipped }),
        },
        WriteOverlay::Results { .. }
            if esc || matches!(key.code, KeyCode::Enter | KeyCode::Char('q')) => {}
        results @ WriteOverlay::Results { .. } => open(app, results),
    }
    Vec::new()
}

/// The user confirmed: the runtime sends it.
fn send(app: &mut App, job: WriteJob) -> Vec<Effect> {
    app.live.next_job += 1;
    let what = format!(
        "sent {} ({}) for {} finding(s)",
        job.action.describe(),
        job.action.iam_action(),
        job.targets.len()
    );
    app.set_status(format!("{what}…"), false);
    super::super::note(app, what, true);
    app.live.pending.push(job.clone());
    vec![Effect::Live(LiveEffect::Write(job))]
}

/// A write ended: change what succeeded locally and show every result.
pub(in crate::app::live) fn done(app: &mut App, job: u64, results: Vec<WriteResult>) {
    let Some(pos) = app.live.pending.iter().position(|j| j.id == job) else {
        return;
    };
    let job = app.live.pending.remove(pos);
    let keys = apply::view_keys(app);
    let succeeded: Vec<&str> = results
        .iter()
        .filter(|r| r.outcome.is_ok())
        .map(|r| r.finding_id.as_str())
        .collect();
    if !succeeded.is_empty() {
        let action = job.action.clone();
        apply::change_data(app, |estate, store, _| {
            for id in &succeeded {
                store.modify(estate, id, |f| match &action {
                    WriteAction::Workflow { status, .. } => f.workflow = *status,
                    WriteAction::Archive => f.record_state = RecordState::Archived,
                    WriteAction::Unarchive => f.record_state = RecordState::Active,
                });
            }
        });
        for id in &succeeded {
            app.live.marked.remove(*id);
        }
        apply::findings_changed(app, keys);
    }
    let ok = results.iter().filter(|r| r.outcome.is_ok()).count();
    let failed = results.len() - ok;
    let title = format!("{}: {ok} succeeded, {failed} failed", job.action.describe());
    let name = |id: &str| {
        job.targets
            .iter()
            .find(|t| t.finding_id == id)
            .map(|t| format!("{} · {} {} · {}", t.title, t.account_id, t.region, id))
            .unwrap_or_else(|| id.to_string())
    };
    let lines = results
        .iter()
        .map(|r| match &r.outcome {
            Ok(()) => (true, name(&r.finding_id)),
            // The reason first: long finding ids are cut at the edge.
            Err(why) => (false, format!("{why} · {}", name(&r.finding_id))),
        })
        .collect();
    super::super::note(app, title.clone(), failed == 0);
    app.set_status(title.clone(), failed > 0);
    open(app, WriteOverlay::Results { title, lines });
}
