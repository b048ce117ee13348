//! rampart's entry point: parse flags, load the estate, dispatch.

use clap::Parser;
use rampart::cli::Cli;

fn main() {
    if let Err(e) = color_eyre::install() {
        eprintln!("rampart: cannot install error handler: {e}");
    }
    let _cli = Cli::parse();
}
