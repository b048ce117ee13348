//! Status words with a glyph, so every state reads without colour, and
//! the role that colours them.

use super::theme::Role;
use crate::model::AlarmState;
use crate::posture::e8::{LevelStatus, RequirementStatus};
use crate::posture::network::{EgressPath, PathKind, Reachability};
use crate::posture::{ControlStatus, LayerState};

pub fn control(s: ControlStatus) -> (&'static str, Role) {
    match s {
        ControlStatus::Failed => ("✗ failed", Role::StatusFailed),
        ControlStatus::Unknown => ("? unknown", Role::StatusWarning),
        ControlStatus::Passed => ("✓ passed", Role::StatusPassed),
        ControlStatus::NoData => ("– no data", Role::StatusNotAssessed),
        ControlStatus::Disabled => ("· disabled", Role::Dim),
    }
}

pub fn level(s: LevelStatus) -> (&'static str, Role) {
    match s {
        LevelStatus::Met => ("✓ met", Role::StatusPassed),
        LevelStatus::NotMet => ("✗ not met", Role::StatusFailed),
        LevelStatus::Partly => ("◐ partly", Role::StatusWarning),
        LevelStatus::Unknown => ("? unknown", Role::StatusNotAssessed),
        LevelStatus::ManualEvidenceRequired => ("✎ attest", Role::StatusNotAssessed),
    }
}

pub fn requirement(s: RequirementStatus) -> (&'static str, Role) {
    match s {
        RequirementStatus::Met => ("✓ met", Role::StatusPassed),
        RequirementStatus::NotMet => ("✗ not met", Role::StatusFailed),
        RequirementStatus::Partly => ("◐ partly", Role::StatusWarning),
        RequirementStatus::Unknown => ("? unknown", Role::StatusNotAssessed),
        RequirementStatus::ManualEvidenceRequired => ("✎ manual evidence", Role::StatusNotAssessed),
        RequirementStatus::NotApplicable => ("– n/a", Role::Dim),
    }
}

pub fn layer(s: LayerState) -> (&'static str, Role) {
    match s {
        LayerState::AtRisk => ("✗ at risk", Role::StatusFailed),
        LayerState::Attention => ("! attention", Role::StatusWarning),
        LayerState::Holding => ("✓ holding", Role::StatusPassed),
        LayerState::NoEvidence => ("· no evidence", Role::Dim),
        LayerState::NotAssessed => ("– not assessed", Role::StatusNotAssessed),
    }
}

pub fn reach(r: Reachability) -> (&'static str, Role) {
    match r {
        Reachability::Public => ("▲ public", Role::StatusFailed),
        Reachability::PrivateWithEgress => ("◆ private", Role::StatusWarning),
        Reachability::Connected => ("◇ connected", Role::Accent),
        Reachability::Isolated => ("■ isolated", Role::StatusPassed),
        Reachability::NotAssessed => ("– not assessed", Role::StatusNotAssessed),
    }
}

pub fn alarm(s: AlarmState) -> (&'static str, Role) {
    match s {
        AlarmState::Alarm => ("✗ ALARM", Role::StatusFailed),
        AlarmState::InsufficientData => ("? INSUFFICIENT_DATA", Role::StatusWarning),
        AlarmState::Ok => ("✓ OK", Role::StatusPassed),
    }
}

/// What a route target is, in words: `NAT`, `internet gateway`, ...
pub fn path_kind(k: PathKind) -> &'static str {
    match k {
        PathKind::InternetGateway => "internet gateway",
        PathKind::CarrierGateway => "carrier gateway",
        PathKind::NatGateway => "NAT",
        PathKind::PrivateNatGateway => "private NAT",
        PathKind::EgressOnlyInternetGateway => "egress-only internet gateway",
        PathKind::Appliance => "appliance",
        PathKind::FirewallEndpoint => "firewall endpoint",
        PathKind::TransitGateway => "transit gateway",
        PathKind::Peering => "peering",
        PathKind::Vpn => "VPN",
        PathKind::LocalGateway => "local gateway",
        PathKind::CoreNetwork => "core network",
        PathKind::Other => "other",
    }
}

/// A subnet's class with where its default route leads:
/// `private, egress via NAT nat-0a1b` (without the id unless `target`).
pub fn reach_text(r: Reachability, paths: &[EgressPath], target: bool) -> String {
    let via = paths
        .iter()
        .find(|p| p.default_route)
        .or_else(|| paths.first())
        .map(|p| match target {
            true => format!("via {} {}", path_kind(p.kind), p.target),
            false => format!("via {}", path_kind(p.kind)),
        });
    match (r, via) {
        (Reachability::Public, Some(v)) => format!("public, {v}"),
        (Reachability::PrivateWithEgress, Some(v)) => format!("private, egress {v}"),
        (Reachability::Connected, Some(v)) => format!("connected {v}"),
        (Reachability::Isolated, _) => "isolated: no route out".to_string(),
        (other, _) => other.label().to_string(),
    }
}

/// [`reach_text`] in a few columns: `private, NAT egress`.
pub fn reach_short(r: Reachability, paths: &[EgressPath]) -> String {
    let kind = paths
        .iter()
        .find(|p| p.default_route)
        .or_else(|| paths.first())
        .map(|p| match p.kind {
            PathKind::InternetGateway => "IGW",
            PathKind::NatGateway => "NAT",
            PathKind::TransitGateway => "TGW",
            other => path_kind(other),
        });
    match (r, kind) {
        (Reachability::Public, Some(k)) => format!("public via {k}"),
        (Reachability::PrivateWithEgress, Some(k)) => format!("private, {k} egress"),
        (Reachability::Connected, Some(k)) => format!("connected via {k}"),
        (Reachability::Isolated, _) => "isolated".to_string(),
        (other, _) => other.label().to_string(),
    }
}

/// A standard's name short enough for a gauge row.
pub fn short_standard(name: &str) -> String {
    name.replace("AWS Foundational Security Best Practices", "AWS FSBP")
        .replace("CIS AWS Foundations Benchmark", "CIS AWS Foundations")
        .replace(
            "NIST Special Publication 800-53 Revision 5",
            "NIST SP 800-53 r5",
        )
        .replace("NIST SP 800-53 Rev. 5", "NIST SP 800-53 r5")
        .replace("Service-Managed Standard: ", "")
}
