//! Entering and leaving the terminal: raw mode, the alternate screen, mouse
//! capture and bracketed paste, undone on return, on error and on panic.

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::stdout;
use std::thread::ThreadId;

/// Restores the terminal when dropped.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Enters the console. A panic on the UI thread restores the terminal
    /// before the report is printed; a panic on another thread (a loader)
    /// leaves the screen alone and is reported through its task.
    pub fn enter() -> std::io::Result<TerminalGuard> {
        let terminal = ratatui::try_init()?;
        let guard = TerminalGuard { terminal };
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        let ui_thread: ThreadId = std::thread::current().id();
        let restore_and_report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() == ui_thread {
                let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
                restore_and_report(info);
            }
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
        ratatui::restore();
    }
}
