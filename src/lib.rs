//! rampart: a terminal security-posture console for AWS.

pub mod cli;
pub mod demo;
pub mod model;
pub mod query;
pub mod render_out;
pub mod text;
