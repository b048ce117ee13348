//! Resource tags: every resource a CloudFormation stack created carries
//! `aws:cloudformation:stack-name` and a `Stack` tag naming one of
//! [`STACKS`].

use std::collections::BTreeMap;

/// The thirteen CloudFormation stacks the demo estate is built from.
pub const STACKS: [&str; 13] = [
    "network-primary",
    "network-isolated",
    "network-replication",
    "network-processor",
    "kms-keys",
    "logging",
    "security-monitoring",
    "data-processing",
    "data-storage",
    "messaging",
    "web-application",
    "payments",
    "dr-replication",
];

pub const STACK_TAG: &str = "aws:cloudformation:stack-name";

/// Tags from literal pairs.
pub fn plain(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
        .collect()
}

/// The tags CloudFormation and the team's tagging policy put on a resource.
pub fn stack(name: &str, stack: &str) -> BTreeMap<String, String> {
    let environment = if stack == "dr-replication" || stack == "network-replication" {
        "disaster-recovery"
    } else {
        "production"
    };
    plain(&[
        ("Name", name),
        ("Stack", stack),
        (STACK_TAG, stack),
        ("Environment", environment),
        ("Owner", "platform-engineering"),
    ])
}

/// [`stack`] plus extra pairs.
pub fn stack_with(
    name: &str,
    stack_name: &str,
    extra: &[(&str, &str)],
) -> BTreeMap<String, String> {
    let mut tags = stack(name, stack_name);
    tags.extend(plain(extra));
    tags
}
