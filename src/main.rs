//! rampart's entry point: parse flags, load the estate, dispatch.

use clap::Parser;
use rampart::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    if let Err(e) = color_eyre::install() {
        eprintln!("rampart: cannot install error handler: {e}");
    }
    rampart::run::run(Cli::parse())
}
