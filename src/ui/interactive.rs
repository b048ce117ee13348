//! The interactive console: one `select!` over terminal events, background
//! results, a spinner tick that only runs while something loads and a watch
//! timer that only exists with `--watch`. After a wake-up every queued
//! input is drained and applied (delta batches merged), then one frame is
//! drawn. Idle means no wake-ups at all.

use super::live::{Backend, Console, Source, coalesce};
use super::terminal::TerminalGuard;
use super::{Options, draw};
use crate::app::{Action, App, Effect, LiveAction, update};
use crate::input::Key;
use crate::model::Estate;
use base64::Engine;
use color_eyre::eyre::{WrapErr, eyre};
use crossterm::event::{Event, EventStream, KeyEventKind, MouseButton, MouseEventKind};
use futures::StreamExt;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::Poll;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

/// How the console ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The first load failed; the terminal is restored and the caller
    /// reports this one line (exit status 2).
    LoadFailed(String),
}

/// Reports load progress to the console from the loader's thread.
#[derive(Clone)]
pub struct LoadProgress {
    tx: UnboundedSender<Action>,
    generation: u64,
    last_permille: Arc<AtomicU64>,
}

impl LoadProgress {
    /// `done` of `total` units (bytes, files, pages). Cheap to call often:
    /// only changes of at least 0.1% are sent.
    pub fn report(&self, done: u64, total: u64, label: &str) {
        let permille = (done.min(total) * 1000).checked_div(total).unwrap_or(0);
        if self.last_permille.swap(permille, Ordering::Relaxed) == permille && permille != 0 {
            return;
        }
        let _ = self.tx.send(Action::Progress {
            generation: self.generation,
            done,
            total,
            label: label.to_string(),
        });
    }
}

/// Opens the console at once and loads the estate in the background:
/// static sources on a blocking thread (again on refresh), live AWS as a
/// stream of deltas that fills the views as pages arrive. Returns when the
/// user quits. Call from outside an async context, or from inside a
/// multi-threaded tokio runtime.
pub fn run_console(console: Console, opts: Options) -> color_eyre::Result<Exit> {
    let fut = run(console, opts);
    match tokio::runtime::Handle::try_current() {
        Ok(handle) => tokio::task::block_in_place(|| handle.block_on(fut)),
        Err(_) => {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .wrap_err("cannot start the async runtime")?;
            let result = rt.block_on(fut);
            // Quitting during a load must not wait for the loader thread.
            rt.shutdown_background();
            result
        }
    }
}

async fn run(console: Console, opts: Options) -> color_eyre::Result<Exit> {
    let mut app = App::new(opts.settings());
    let (allow_writes, source) = match &console.source {
        Source::Live { allow_writes, .. } => (*allow_writes, console.source.kind()),
        Source::Static { kind, .. } => (false, *kind),
    };
    app.configure_live(source, allow_writes, console.watch);
    if !console.attestations.is_empty() {
        // Shown with the first data; the console still waits for it.
        let mut seed = app.loaded_estate();
        seed.attestations.extend(console.attestations);
        app.set_estate(seed);
        app.data = crate::app::DataState::Loading { progress: None };
        app.loaded_once = false;
    }
    let (tx, rx) = unbounded_channel();
    if let Some(n) = &console.notice {
        app.set_status(n.clone(), true);
    }
    let backend = Backend::new(console.source, console.session_log, console.open_log, tx);
    backend.start(app.generation);
    let mut guard = TerminalGuard::enter().wrap_err("cannot open the terminal")?;
    let result = event_loop(&mut guard, &mut app, &opts, &backend, console.watch, rx).await;
    drop(guard);
    result
}

pub(super) fn spawn_load<F>(loader: F, generation: u64, tx: UnboundedSender<Action>)
where
    F: FnOnce(&LoadProgress) -> Result<Estate, String> + Send + 'static,
{
    let progress = LoadProgress {
        tx: tx.clone(),
        generation,
        last_permille: Arc::new(AtomicU64::new(u64::MAX)),
    };
    let task = tokio::task::spawn_blocking(move || loader(&progress));
    tokio::spawn(async move {
        let result = match task.await {
            Ok(r) => r.map(Box::new),
            Err(e) if e.is_panic() => Err(format!(
                "the loader crashed: {}",
                panic_text(e.into_panic())
            )),
            Err(e) => Err(format!("the loader stopped: {e}")),
        };
        let _ = tx.send(Action::Loaded { generation, result });
    });
}

fn panic_text(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Maps a terminal event to an action; events that change nothing (mouse
/// moves, key releases, focus) map to `None` and cause no redraw.
pub fn event_action(ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Action::Key(Key::from(k))),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll { down: true }),
            MouseEventKind::ScrollUp => Some(Action::Scroll { down: false }),
            _ => None,
        },
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Resize(..) => Some(Action::Resize),
        _ => None,
    }
}

async fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    opts: &Options,
    backend: &Backend,
    watch: Option<Duration>,
    mut rx: UnboundedReceiver<Action>,
) -> color_eyre::Result<Exit> {
    let mut events = EventStream::new();
    let mut spinner = tokio::time::interval(Duration::from_millis(100));
    spinner.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    // The watch timer exists only with --watch: idle stays idle otherwise.
    let mut watch = watch.map(|period| {
        let mut t = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        t
    });
    guard.terminal.draw(|f| draw(f, app, opts.theme_for(app)))?;
    loop {
        let busy = app.is_busy();
        let first = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => event_action(ev),
                Some(Err(e)) => return Err(eyre!("terminal input failed: {e}")),
                None => return Ok(Exit::Quit),
            },
            Some(a) = rx.recv() => Some(a),
            _ = spinner.tick(), if busy => Some(Action::Tick),
            () = tick(&mut watch) => Some(Action::Live(LiveAction::WatchTick)),
        };
        let mut actions: Vec<Action> = first.into_iter().collect();
        while let Ok(a) = rx.try_recv() {
            actions.push(a);
        }
        for ev in drain(&mut events).await {
            actions.extend(event_action(ev?));
        }
        if actions.is_empty() {
            continue;
        }
        // Effects may answer with an action (a file written), applied at once.
        let mut pending: Vec<Action> = coalesce(actions).into_iter().rev().collect();
        while let Some(action) = pending.pop() {
            for effect in update(app, action) {
                match effect {
                    Effect::Abort(msg) => return Ok(Exit::LoadFailed(msg)),
                    Effect::Live(e) => backend.run(e),
                    Effect::Export(job) => backend.export(job),
                    other => pending.extend(run_effect(guard, backend, other)?),
                }
            }
            if app.quit {
                return Ok(Exit::Quit);
            }
        }
        guard.terminal.draw(|f| draw(f, app, opts.theme_for(app)))?;
    }
}

/// The next watch tick; never, without a watch timer.
async fn tick(watch: &mut Option<tokio::time::Interval>) {
    match watch {
        Some(t) => {
            t.tick().await;
        }
        None => std::future::pending().await,
    }
}

/// Every event already queued, without waiting. Polls with the task's own
/// context: crossterm keeps the first waker it is given while no input is
/// pending, so polling with a no-op waker (`now_or_never`) would leave the
/// loop deaf to the next key.
async fn drain(events: &mut EventStream) -> Vec<std::io::Result<Event>> {
    std::future::poll_fn(|cx| {
        let mut out = Vec::new();
        while let Poll::Ready(Some(ev)) = events.poll_next_unpin(cx) {
            out.push(ev);
        }
        Poll::Ready(out)
    })
    .await
}

/// Runs one effect; some answer with an action for `update`.
fn run_effect(
    guard: &mut TerminalGuard,
    backend: &Backend,
    effect: Effect,
) -> color_eyre::Result<Option<Action>> {
    match effect {
        Effect::Quit | Effect::Abort(_) | Effect::Live(_) | Effect::Export(_) => Ok(None),
        Effect::Copy(text) => {
            let out = guard.terminal.backend_mut();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
            Ok(None)
        }
        Effect::Attest { path, attestation } => Ok(Some(match backend.local_log() {
            Ok(log) => super::effects::attest(&path, attestation, &log),
            Err(e) => Action::Attested(Err(format!("not recorded: {e}"))),
        })),
    }
}

/// The OSC 52 sequence that puts `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\u{1b}]52;c;{b64}\u{7}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

    #[test]
    fn osc52_is_base64_inside_the_escape() {
        assert_eq!(osc52("arn:x"), "\u{1b}]52;c;YXJuOng=\u{7}");
    }

    #[test]
    fn only_meaningful_events_become_actions() {
        let press = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(matches!(event_action(press), Some(Action::Key(_))));
        let moved = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved,
            column: 1,
            row: 1,
            modifiers: KeyModifiers::NONE,
        });
        assert!(event_action(moved).is_none());
        assert!(event_action(Event::FocusGained).is_none());
    }
}
