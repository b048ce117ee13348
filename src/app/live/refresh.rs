//! Refresh: `r` reads the focused view's datasets again (Security Hub
//! findings incrementally), `R` reads everything in full, `--watch` ticks
//! refresh everything (incrementally for Security Hub). Files are read
//! again; the demo never changes.

use super::super::App;
use super::super::action::Effect;
use super::super::route::Route;
use super::{InFlight, LiveEffect, RefreshRequest, SourceKind};
use crate::model::{Channel, DatasetKind, LoadState};

/// How far back an incremental Security Hub read reaches before the last
/// complete one started. `UpdatedAt` is the provider's time, and a finding
/// can reach Security Hub minutes after it: without the overlap such a
/// finding would fall between two reads and never be seen.
pub const INCREMENTAL_OVERLAP: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

const FINDINGS: [DatasetKind; 3] = [
    DatasetKind::SecurityHubFindings,
    DatasetKind::GuardDutyFindings,
    DatasetKind::MacieFindings,
];

/// `r` (`all == false`) or `R`.
pub(super) fn refresh(app: &mut App, all: bool) -> Vec<Effect> {
    match app.live.source {
        SourceKind::Demo => {
            app.set_status("demo data does not refresh", false);
            Vec::new()
        }
        SourceKind::Files => reload(app),
        SourceKind::Live => {
            let wanted = if all {
                DatasetKind::ALL.to_vec()
            } else {
                view_datasets(app)
            };
            let todo: Vec<DatasetKind> = wanted
                .into_iter()
                .filter(|d| !app.live.is_loading(*d))
                .collect();
            if todo.is_empty() {
                app.set_status("already loading: refresh when it ends", false);
                return Vec::new();
            }
            let incremental = !all && todo.contains(&DatasetKind::SecurityHubFindings);
            start(app, todo, incremental)
        }
    }
}

/// A `--watch` tick: everything, unless a load is still running.
pub(super) fn tick(app: &mut App) -> Vec<Effect> {
    match app.live.source {
        SourceKind::Demo => Vec::new(),
        SourceKind::Files => reload(app),
        SourceKind::Live if app.live.loads.is_empty() => {
            start(app, DatasetKind::ALL.to_vec(), true)
        }
        SourceKind::Live => Vec::new(),
    }
}

/// A load ended.
pub(super) fn done(app: &mut App, load: u64, error: Option<String>) {
    let Some(pos) = app.live.loads.iter().position(|l| l.load == load) else {
        return;
    };
    let l = app.live.loads.remove(pos);
    if l.load == 0 {
        app.live.baseline = true;
    }
    // What streamed in during the load is compared with `--baseline` once.
    super::super::compare::recompute(app);
    if l.covers(DatasetKind::SecurityHubFindings)
        && read_everywhere(app, DatasetKind::SecurityHubFindings)
    {
        app.live.findings_fetched = Some(l.started);
    }
    match error {
        Some(e) => app.set_status(format!("refresh failed: {e}"), true),
        None if l.load != 0 => {
            let at = app.now().format("%H:%M:%S");
            let failed = failed_datasets(app, &l);
            let text = if failed.is_empty() {
                format!("refreshed at {at}")
            } else {
                format!(
                    "refreshed at {at}; not read: {} (data already shown stays)",
                    failed.join(", ")
                )
            };
            app.set_status(text, !failed.is_empty());
        }
        None => {}
    }
}

/// True when `d` was read in every region where it is on (a region where
/// the service is off has nothing to miss).
fn read_everywhere(app: &App, d: DatasetKind) -> bool {
    let mut recs = app
        .estate
        .loads
        .iter()
        .filter(|r| r.dataset == d)
        .peekable();
    recs.peek().is_some()
        && recs.all(|r| {
            matches!(
                r.state,
                LoadState::Loaded { .. } | LoadState::NotEnabled { .. }
            )
        })
}

/// Datasets of the load that ended with a part failed or denied.
fn failed_datasets(app: &App, l: &InFlight) -> Vec<&'static str> {
    DatasetKind::ALL
        .iter()
        .filter(|d| l.covers(**d))
        .filter(|d| {
            app.estate.loads.iter().any(|r| {
                r.dataset == **d
                    && matches!(
                        r.state,
                        LoadState::Failed { .. } | LoadState::AccessDenied { .. }
                    )
            })
        })
        .map(|d| d.label())
        .collect()
}

fn reload(app: &mut App) -> Vec<Effect> {
    app.generation += 1;
    app.set_status("reading the files again…", false);
    vec![Effect::Live(LiveEffect::Reload {
        generation: app.generation,
    })]
}

fn start(app: &mut App, datasets: Vec<DatasetKind>, incremental: bool) -> Vec<Effect> {
    let load = app.live.next_load;
    app.live.next_load += 1;
    let started = app.now();
    let findings_since = incremental
        .then_some(app.live.findings_fetched)
        .flatten()
        .map(|t| t - INCREMENTAL_OVERLAP);
    let all = DatasetKind::ALL.iter().all(|d| datasets.contains(d));
    let datasets = if all { Vec::new() } else { datasets };
    app.live.loads.push(InFlight {
        load,
        datasets: datasets.clone(),
        started,
    });
    let what = if all {
        "everything".to_string()
    } else {
        let names: Vec<&str> = datasets.iter().map(|d| d.label()).collect();
        names.join(", ")
    };
    let how = match findings_since {
        Some(t) => format!(
            " (Security Hub findings updated since {})",
            t.format("%H:%M")
        ),
        None => String::new(),
    };
    app.set_status(format!("refreshing {what}{how}…"), false);
    vec![Effect::Live(LiveEffect::Refresh(RefreshRequest {
        load,
        datasets,
        findings_since,
    }))]
}

/// The datasets the focused view shows.
fn view_datasets(app: &App) -> Vec<DatasetKind> {
    match app.route() {
        Route::Findings(_) => FINDINGS.to_vec(),
        Route::Detail(d) => {
            let mut out: Vec<DatasetKind> = app
                .estate
                .findings
                .get(d.index)
                .map(|f| {
                    f.provenances
                        .iter()
                        .filter_map(|p| match p.channel {
                            Channel::SecurityHub => Some(DatasetKind::SecurityHubFindings),
                            Channel::GuardDuty => Some(DatasetKind::GuardDutyFindings),
                            Channel::Macie => Some(DatasetKind::MacieFindings),
                            Channel::Rampart => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.sort();
            out.dedup();
            if out.is_empty() {
                FINDINGS.to_vec()
            } else {
                out
            }
        }
        Route::Standards(_) | Route::Controls(_) => vec![
            DatasetKind::Standards,
            DatasetKind::Controls,
            DatasetKind::SecurityHubFindings,
        ],
        Route::Kms(_) | Route::Key(_) => vec![DatasetKind::KmsKeys],
        Route::Vpc(_) => DatasetKind::NETWORK.to_vec(),
        Route::Alarms(_) => vec![DatasetKind::Alarms, DatasetKind::LogGroups],
        // The overview, the Essential Eight and the log draw on everything.
        _ => DatasetKind::ALL.to_vec(),
    }
}
