//! `rampart diff OLD NEW [--json]`: what changed between two snapshots.

use crate::cli::DiffArgs;
use crate::run::EXIT_BAD_INPUT;
use crate::{diff, snapshot};
use std::process::ExitCode;

pub fn run(args: &DiffArgs) -> ExitCode {
    let now = chrono::Utc::now();
    let load = |p: &std::path::Path| snapshot::load_paths(&[p.to_path_buf()], now);
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("rampart: {}", crate::text::sanitize(&e.to_string()));
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let d = diff::diff(&old, &new);
    if !args.json {
        return super::emit(&diff::to_text(&d));
    }
    match serde_json::to_string_pretty(&d) {
        Ok(s) => super::emit(&(s + "\n")),
        Err(e) => {
            eprintln!("rampart: cannot encode diff: {e}");
            ExitCode::FAILURE
        }
    }
}
