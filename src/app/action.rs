//! What can happen to the app (actions) and what the app asks the runtime
//! to do (effects). `update` turns one into the other without I/O.

use super::cursor::ListCursor;
use super::live::{LiveAction, LiveEffect};
use crate::input::{CommandId, Key};
use crate::model::{Attestation, Estate};
use std::path::PathBuf;

#[derive(Debug)]
pub enum Action {
    /// A key press, routed overlay -> view -> global through the key map.
    Key(Key),
    /// Runs a command directly (as if its key were pressed).
    Command(CommandId),
    /// Runs a `:` command line, e.g. `sort title` or `findings sev>=high`.
    Run(String),
    /// Bracketed paste into an open prompt.
    Paste(String),
    /// Left click at a terminal cell.
    Click { x: u16, y: u16 },
    /// Mouse wheel; `down` scrolls towards the end.
    Scroll { down: bool },
    /// The terminal was resized (the next draw adapts).
    Resize,
    /// Spinner tick, sent only while something loads.
    Tick,
    /// Progress of the load with this generation.
    Progress {
        generation: u64,
        done: u64,
        total: u64,
        label: String,
    },
    /// The load with this generation finished.
    Loaded {
        generation: u64,
        result: Result<Box<Estate>, String>,
    },
    /// From the live runtime: deltas, loads ending, watch ticks, writes.
    Live(LiveAction),
    /// An attestation was written to the local file (or why not).
    Attested(Result<Attestation, String>),
    /// A report was written by `:export` and logged (or why not).
    Exported(Result<super::export::Exported, String>),
}

/// Work for the runtime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// The first load failed: leave the console, restore the terminal and
    /// report this one line with exit status 2 (nothing was shown yet that
    /// the user could work with).
    Abort(String),
    /// Put text on the clipboard with OSC 52 (works over SSH).
    Copy(String),
    /// For the live runtime: refresh, reload, write.
    Live(LiveEffect),
    /// Append an attestation to the local attestations file (never AWS;
    /// allowed in read-only sessions); the runtime answers `Attested`.
    Attest {
        path: PathBuf,
        attestation: Attestation,
    },
    /// Write the evidence report (`:export`) and record it in the session
    /// log; the runtime answers `Exported`.
    Export(super::export::ExportJob),
}

/// Where a mouse click lands, recorded by the renderer each frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A findings table header cell.
    SortColumn(super::findings::Column),
    /// A row of the current view's main list.
    Row(usize),
    /// An overview grid cell (row, column).
    GridCell(usize, usize),
    /// A row of the overview's newest findings list.
    Newest(usize),
    /// An Essential Eight grid cell (strategy, level).
    E8Cell(usize, usize),
}

/// Moves `cursor` for one of the list commands; false when `id` is not one.
pub fn move_cursor(cursor: &mut ListCursor, id: CommandId, len: usize) -> bool {
    match id {
        CommandId::Up => cursor.move_by(-1, len),
        CommandId::Down => cursor.move_by(1, len),
        CommandId::PageUp => cursor.page_up(len),
        CommandId::PageDown => cursor.page_down(len),
        CommandId::Top => cursor.top(),
        CommandId::Bottom => cursor.bottom(len),
        _ => return false,
    }
    true
}
