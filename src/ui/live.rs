//! The console's background work: the first load, refreshes, reloads and
//! writes, each a task that reports back to the event loop as actions.
//! Live loads stream their deltas in batches (whatever has arrived when the
//! loop is ready: a burst of pages is one redraw).

mod draw_log;
mod draw_write;
#[cfg(feature = "writes")]
mod write_log;

pub use draw_log::render as render_log;
pub use draw_write::render as render_write;
#[cfg(feature = "writes")]
pub use write_log::{run_write, write_event};

use super::interactive::{LoadProgress, spawn_load};
use crate::app::{Action, LiveAction, LiveEffect, SourceKind};
use crate::aws::{CallLedger, Guard, LiveOptions, LoadRequest, Session};
use crate::ledger::SessionLog;
use crate::model::{Attestation, Estate, EstateDelta};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::mpsc::{self, UnboundedSender};

/// Opens the session log when a local change needs it first.
pub type LogOpener = Arc<dyn Fn() -> Result<SessionLog, String> + Send + Sync>;

/// Loads the estate of a static source (demo, files); may report progress.
pub type Loader = Arc<dyn Fn(&LoadProgress) -> Result<Estate, String> + Send + Sync>;

/// Where the console's data comes from.
#[derive(Clone)]
pub enum Source {
    /// The demo or files: `load` runs on a blocking thread, and again on
    /// refresh.
    Static { kind: SourceKind, load: Loader },
    /// Live AWS; with `allow_writes` the session's guard lets exactly the
    /// opt-in writes through (the `writes` feature is required).
    Live {
        opts: Box<LiveOptions>,
        allow_writes: bool,
    },
}

impl Source {
    pub fn kind(&self) -> SourceKind {
        match self {
            Source::Static { kind, .. } => *kind,
            Source::Live { .. } => SourceKind::Live,
        }
    }
}

/// What the console runs on.
#[derive(Clone)]
pub struct Console {
    pub source: Source,
    /// `--watch`: refresh on this period (no timer at all without it).
    pub watch: Option<Duration>,
    /// The reviewer's local attestations, for a live source (static
    /// loaders add their own).
    pub attestations: Vec<Attestation>,
    /// The session log every AWS call and write is appended to (opened
    /// up front for a live source).
    pub session_log: Option<SessionLog>,
    /// Opens the session log at the first export or attestation when there
    /// is none yet (a demo or files session that changes nothing leaves no
    /// log behind).
    pub open_log: Option<LogOpener>,
    /// Shown in the footer once the console opens (e.g. no session log).
    pub notice: Option<String>,
}

/// Runs effects for the event loop.
pub(super) struct Backend {
    source: Source,
    session: Arc<OnceLock<Arc<Session>>>,
    log: OnceLock<SessionLog>,
    open_log: Option<LogOpener>,
    tx: UnboundedSender<Action>,
}

impl Backend {
    pub(super) fn new(
        source: Source,
        log: Option<SessionLog>,
        open_log: Option<LogOpener>,
        tx: UnboundedSender<Action>,
    ) -> Backend {
        Backend {
            source,
            session: Arc::new(OnceLock::new()),
            log: log.map(OnceLock::from).unwrap_or_default(),
            open_log,
            tx,
        }
    }

    /// The session log, opened now if this is the first local change that
    /// needs it (the console is told where it is).
    pub(super) fn local_log(&self) -> Result<SessionLog, String> {
        if let Some(l) = self.log.get() {
            return Ok(l.clone());
        }
        let open = self.open_log.as_ref().ok_or_else(|| {
            "this session has no log: it could not be opened at start".to_string()
        })?;
        let log = open()?;
        let log = self.log.get_or_init(|| log).clone();
        let _ = self
            .tx
            .send(Action::Live(LiveAction::SessionLog(log.status())));
        Ok(log)
    }

    /// Writes the `:export` report on a blocking thread; answers `Exported`.
    pub(super) fn export(&self, job: crate::app::ExportJob) {
        let tx = self.tx.clone();
        let log = self.local_log();
        tokio::task::spawn_blocking(move || {
            let result = log.and_then(|l| super::effects::export(&job, &l, chrono::Utc::now()));
            let _ = tx.send(Action::Exported(result));
        });
    }

    /// Starts the first load (`generation` answers a failure to connect,
    /// which ends the console with one line and exit status 2).
    pub(super) fn start(&self, generation: u64) {
        match &self.source {
            Source::Static { load, .. } => {
                let load = Arc::clone(load);
                spawn_load(move |p: &LoadProgress| load(p), generation, self.tx.clone());
            }
            Source::Live { opts, allow_writes } => {
                let (opts, tx, cell) = (opts.clone(), self.tx.clone(), self.session.clone());
                let guard = guard(*allow_writes, self.log.get().cloned());
                let session_log = self.log.get().map(SessionLog::status);
                tokio::spawn(async move {
                    let session = match Session::connect_with(&opts, guard).await {
                        Ok(s) => Arc::new(s),
                        Err(e) => {
                            let result = Err(e.to_string());
                            let _ = tx.send(Action::Loaded { generation, result });
                            return;
                        }
                    };
                    let _ = cell.set(Arc::clone(&session));
                    let ledger = session.ledger().clone();
                    let _ = tx.send(Action::Live(LiveAction::Connected {
                        ledger,
                        session_log,
                    }));
                    let meta = EstateDelta::Meta(session.meta(chrono::Utc::now()));
                    let req = LoadRequest::from_options(&opts);
                    stream(&session, req, Some(meta), 0, &tx).await;
                });
            }
        }
    }

    pub(super) fn run(&self, effect: LiveEffect) {
        match effect {
            LiveEffect::Reload { generation } => {
                if let Source::Static { load, .. } = &self.source {
                    let load = Arc::clone(load);
                    spawn_load(move |p: &LoadProgress| load(p), generation, self.tx.clone());
                }
            }
            LiveEffect::Refresh(r) => {
                let tx = self.tx.clone();
                let Some(session) = self.session.get().cloned() else {
                    let error = Some("not connected to AWS yet".to_string());
                    let _ = tx.send(Action::Live(LiveAction::LoadDone {
                        load: r.load,
                        error,
                    }));
                    return;
                };
                let req = LoadRequest {
                    only: r.datasets,
                    findings_updated_since: r.findings_since,
                };
                tokio::spawn(async move { stream(&session, req, None, r.load, &tx).await });
            }
            #[cfg(feature = "writes")]
            LiveEffect::Write(job) => {
                let (tx, session) = (self.tx.clone(), self.session.get().cloned());
                let log = self.log.get().cloned();
                tokio::spawn(async move {
                    let results = match session {
                        Some(s) => run_write(&s, &job, log.as_ref()).await,
                        None => job
                            .targets
                            .iter()
                            .map(|t| crate::aws::write::WriteResult {
                                finding_id: t.finding_id.clone(),
                                outcome: Err("not connected to AWS".to_string()),
                            })
                            .collect(),
                    };
                    let _ = tx.send(Action::Live(LiveAction::WriteDone {
                        job: job.id,
                        results,
                    }));
                });
            }
        }
    }
}

/// The session's guard: read-only unless writes were asked for (and
/// built); its calls go to the session log when there is one.
fn guard(allow_writes: bool, log: Option<SessionLog>) -> Guard {
    let calls = CallLedger::logged_if(log);
    #[cfg(feature = "writes")]
    if allow_writes {
        return Guard::with_opt_in_writes(calls);
    }
    let _ = allow_writes;
    Guard::read_only(calls)
}

/// Reads `req`, forwarding deltas in batches, then reports the end.
async fn stream(
    session: &Session,
    req: LoadRequest,
    first: Option<EstateDelta>,
    load: u64,
    tx: &UnboundedSender<Action>,
) {
    let (dtx, drx) = mpsc::channel(256);
    let reading = async move {
        if let Some(d) = first
            && dtx.send(d).await.is_err()
        {
            return;
        }
        session.load(&req, dtx).await;
    };
    tokio::join!(reading, forward(drx, tx.clone()));
    let _ = tx.send(Action::Live(LiveAction::LoadDone { load, error: None }));
}

/// Passes deltas on as actions, as many per action as have arrived.
pub async fn forward(mut rx: mpsc::Receiver<EstateDelta>, tx: UnboundedSender<Action>) {
    let mut batch = Vec::new();
    while rx.recv_many(&mut batch, 1024).await > 0 {
        let deltas = std::mem::take(&mut batch);
        if tx.send(Action::Live(LiveAction::Deltas(deltas))).is_err() {
            return;
        }
    }
}

/// Merges runs of delta batches into one action, so the app sorts and
/// counts once per wake-up however many pages arrived.
pub fn coalesce(actions: Vec<Action>) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::with_capacity(actions.len());
    for a in actions {
        match (out.last_mut(), a) {
            (
                Some(Action::Live(LiveAction::Deltas(prev))),
                Action::Live(LiveAction::Deltas(more)),
            ) => prev.extend(more),
            (_, a) => out.push(a),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EstateDelta;

    #[test]
    fn runs_of_delta_batches_merge_and_other_actions_keep_their_place() {
        let d = |r: &str| {
            Action::Live(LiveAction::Deltas(vec![EstateDelta::AggregatorRegion(
                r.into(),
            )]))
        };
        let out = coalesce(vec![
            d("a"),
            d("b"),
            Action::Tick,
            d("c"),
            Action::Resize,
            d("d"),
            d("e"),
        ]);
        let shape: Vec<String> = out
            .iter()
            .map(|a| match a {
                Action::Live(LiveAction::Deltas(v)) => format!("D{}", v.len()),
                Action::Tick => "T".into(),
                _ => "X".into(),
            })
            .collect();
        assert_eq!(shape, ["D2", "T", "D1", "X", "D2"]);
    }

    #[tokio::test]
    async fn forward_sends_what_has_arrived_as_one_batch() {
        let (dtx, drx) = mpsc::channel(16);
        for r in ["a", "b", "c"] {
            dtx.send(EstateDelta::AggregatorRegion(r.into()))
                .await
                .expect("send");
        }
        drop(dtx);
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        forward(drx, tx).await;
        let Some(Action::Live(LiveAction::Deltas(v))) = rx.recv().await else {
            panic!("expected deltas");
        };
        assert_eq!(v.len(), 3);
        assert!(rx.recv().await.is_none());
    }
}
