//! rampart: a terminal security-posture console for AWS.

pub mod app;
pub mod attest;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod demo;
pub mod diff;
pub mod input;
pub mod ledger;
pub mod local;
pub mod model;
pub mod posture;
pub mod query;
pub mod render_out;
pub mod report;
pub mod run;
pub mod snapshot;
pub mod text;
pub mod ui;
