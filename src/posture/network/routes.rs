//! Where a route table lets traffic leave: the basis of the public /
//! private-with-egress / connected / isolated classification.

use crate::model::{RouteTable, RouteTarget};
use serde::Serialize;
use std::collections::HashSet;

/// How reachable a subnet (or VPC) is, ordered from least to most exposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reachability {
    /// No route out of the VPC: no default route, no internet, NAT, transit,
    /// peering or VPN route (gateway endpoints to AWS services allowed).
    Isolated,
    /// Not known: the route tables were not read or none applies.
    NotAssessed,
    /// Traffic can leave through a transit gateway, peering, VPN, private
    /// NAT or another private path: not isolated, not internet.
    Connected,
    /// Outbound internet through a NAT gateway, egress-only internet
    /// gateway, firewall endpoint or an instance / network interface.
    PrivateWithEgress,
    /// A route to an internet (or carrier) gateway.
    Public,
}

impl Reachability {
    pub fn label(self) -> &'static str {
        match self {
            Reachability::Isolated => "isolated",
            Reachability::NotAssessed => "not assessed",
            Reachability::Connected => "egress via transit/peering/VPN",
            Reachability::PrivateWithEgress => "private with egress",
            Reachability::Public => "public",
        }
    }
}

/// What a route leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    InternetGateway,
    CarrierGateway,
    NatGateway,
    PrivateNatGateway,
    EgressOnlyInternetGateway,
    /// An instance or network interface acting as NAT or appliance.
    Appliance,
    /// A Gateway Load Balancer endpoint (firewall inspection).
    FirewallEndpoint,
    TransitGateway,
    Peering,
    Vpn,
    LocalGateway,
    CoreNetwork,
    Other,
}

impl PathKind {
    fn reachability(self) -> Reachability {
        match self {
            PathKind::InternetGateway | PathKind::CarrierGateway => Reachability::Public,
            PathKind::NatGateway
            | PathKind::EgressOnlyInternetGateway
            | PathKind::Appliance
            | PathKind::FirewallEndpoint => Reachability::PrivateWithEgress,
            PathKind::PrivateNatGateway
            | PathKind::TransitGateway
            | PathKind::Peering
            | PathKind::Vpn
            | PathKind::LocalGateway
            | PathKind::CoreNetwork
            | PathKind::Other => Reachability::Connected,
        }
    }
}

/// One route that leads out of the VPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EgressPath {
    pub destination: String,
    pub target: String,
    pub kind: PathKind,
    /// `0.0.0.0/0` or `::/0`.
    pub default_route: bool,
}

pub(crate) fn is_default_route(destination: &str) -> bool {
    matches!(destination.trim(), "0.0.0.0/0" | "::/0")
}

fn kind(destination: &str, target: &RouteTarget, private_nats: &HashSet<&str>) -> Option<PathKind> {
    Some(match target {
        RouteTarget::Local => return None,
        // Prefix-list routes to a gateway endpoint reach AWS services only.
        RouteTarget::VpcEndpoint(_) if destination.starts_with("pl-") => return None,
        RouteTarget::VpcEndpoint(_) => PathKind::FirewallEndpoint,
        RouteTarget::InternetGateway(_) => PathKind::InternetGateway,
        RouteTarget::CarrierGateway(_) => PathKind::CarrierGateway,
        RouteTarget::NatGateway(id) if private_nats.contains(id.as_str()) => {
            PathKind::PrivateNatGateway
        }
        RouteTarget::NatGateway(_) => PathKind::NatGateway,
        RouteTarget::EgressOnlyInternetGateway(_) => PathKind::EgressOnlyInternetGateway,
        RouteTarget::Instance(_) | RouteTarget::NetworkInterface(_) => PathKind::Appliance,
        RouteTarget::TransitGateway(_) => PathKind::TransitGateway,
        RouteTarget::VpcPeering(_) => PathKind::Peering,
        RouteTarget::VirtualPrivateGateway(_) => PathKind::Vpn,
        RouteTarget::LocalGateway(_) => PathKind::LocalGateway,
        RouteTarget::CoreNetwork(_) => PathKind::CoreNetwork,
        RouteTarget::Other(_) => PathKind::Other,
    })
}

/// Classifies a route table. Blackhole (inactive) routes are ignored;
/// `private_nats` are NAT gateways with private connectivity.
pub(crate) fn classify(
    rt: &RouteTable,
    private_nats: &HashSet<&str>,
) -> (Reachability, Vec<EgressPath>) {
    let paths: Vec<EgressPath> = rt
        .routes
        .iter()
        .filter(|r| r.active)
        .filter_map(|r| {
            kind(&r.destination, &r.target, private_nats).map(|kind| EgressPath {
                destination: r.destination.clone(),
                target: r.target.describe(),
                kind,
                default_route: is_default_route(&r.destination),
            })
        })
        .collect();
    let class = paths
        .iter()
        .map(|p| p.kind.reachability())
        .max()
        .unwrap_or(Reachability::Isolated);
    (class, paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posture::fixtures::{route, route_table};

    fn class_of(routes: Vec<crate::model::Route>) -> Reachability {
        classify(
            &route_table("rtb-1", "vpc-1", routes, &[], false),
            &HashSet::new(),
        )
        .0
    }

    #[test]
    fn routes_decide_the_class() {
        use RouteTarget::*;
        assert_eq!(class_of(vec![]), Reachability::Isolated);
        assert_eq!(
            class_of(vec![route("pl-63a5400a", VpcEndpoint("vpce-s3".into()))]),
            Reachability::Isolated
        );
        assert_eq!(
            class_of(vec![route("0.0.0.0/0", InternetGateway("igw-1".into()))]),
            Reachability::Public
        );
        assert_eq!(
            class_of(vec![route("::/0", InternetGateway("igw-1".into()))]),
            Reachability::Public
        );
        assert_eq!(
            class_of(vec![route("0.0.0.0/0", NatGateway("nat-1".into()))]),
            Reachability::PrivateWithEgress
        );
        assert_eq!(
            class_of(vec![route(
                "::/0",
                EgressOnlyInternetGateway("eigw-1".into())
            )]),
            Reachability::PrivateWithEgress
        );
        assert_eq!(
            class_of(vec![route("0.0.0.0/0", NetworkInterface("eni-1".into()))]),
            Reachability::PrivateWithEgress
        );
        assert_eq!(
            class_of(vec![route("0.0.0.0/0", TransitGateway("tgw-1".into()))]),
            Reachability::Connected
        );
        assert_eq!(
            class_of(vec![route("10.1.0.0/16", VpcPeering("pcx-1".into()))]),
            Reachability::Connected
        );
    }

    #[test]
    fn blackhole_routes_and_private_nats() {
        let mut dead = route("0.0.0.0/0", RouteTarget::InternetGateway("igw-1".into()));
        dead.active = false;
        assert_eq!(class_of(vec![dead]), Reachability::Isolated);
        let rt = route_table(
            "rtb-1",
            "vpc-1",
            vec![route("0.0.0.0/0", RouteTarget::NatGateway("nat-p".into()))],
            &[],
            false,
        );
        let private: HashSet<&str> = ["nat-p"].into_iter().collect();
        let (class, paths) = classify(&rt, &private);
        assert_eq!(class, Reachability::Connected);
        assert_eq!(paths[0].kind, PathKind::PrivateNatGateway);
        assert!(paths[0].default_route);
    }
}
