//! rampart: a terminal security-posture console for AWS.

pub mod attest;
pub mod cli;
pub mod model;
pub mod posture;
