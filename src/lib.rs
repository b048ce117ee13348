//! rampart: a terminal security-posture console for AWS.

pub mod aws;
pub mod cli;
pub mod model;
