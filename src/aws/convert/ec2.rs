//! EC2 describes to the network model.

use super::{non_empty, tag_map};
use crate::model::{
    EndpointType, FlowLog, InternetGateway, NaclEntry, NatGateway, NetworkAcl, Route, RouteTable,
    RouteTableAssociation, RouteTarget, RuleAction, SecurityGroup, SgPeer, SgRule, Subnet, Vpc,
    VpcEndpoint,
};
use aws_sdk_ec2::types as ec2;
use std::collections::BTreeMap;

/// Where one item belongs: its owner (when EC2 says) or the caller's
/// account, and the region read.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub account_id: &'a str,
    pub region: &'a str,
}

impl Place<'_> {
    fn account(&self, owner: Option<&str>) -> String {
        owner
            .filter(|o| !o.is_empty())
            .unwrap_or(self.account_id)
            .to_string()
    }
}

fn tags(t: &[ec2::Tag]) -> BTreeMap<String, String> {
    tag_map(t.iter().map(|t| (t.key(), t.value())))
}

pub fn vpc(v: &ec2::Vpc, at: Place<'_>) -> Option<Vpc> {
    let mut cidr_blocks: Vec<String> = v
        .cidr_block_association_set()
        .iter()
        .filter(|a| {
            a.cidr_block_state()
                .and_then(|s| s.state())
                .is_none_or(|s| s.as_str() == "associated")
        })
        .filter_map(|a| non_empty(a.cidr_block()))
        .collect();
    if let Some(primary) = non_empty(v.cidr_block())
        && !cidr_blocks.contains(&primary)
    {
        cidr_blocks.insert(0, primary);
    }
    Some(Vpc {
        vpc_id: non_empty(v.vpc_id())?,
        account_id: at.account(v.owner_id()),
        region: at.region.to_string(),
        cidr_blocks,
        ipv6_cidr_blocks: v
            .ipv6_cidr_block_association_set()
            .iter()
            .filter_map(|a| non_empty(a.ipv6_cidr_block()))
            .collect(),
        is_default: v.is_default().unwrap_or(false),
        tags: tags(v.tags()),
    })
}

pub fn subnet(s: &ec2::Subnet, at: Place<'_>) -> Option<Subnet> {
    Some(Subnet {
        subnet_id: non_empty(s.subnet_id())?,
        vpc_id: s.vpc_id().unwrap_or_default().to_string(),
        account_id: at.account(s.owner_id()),
        region: at.region.to_string(),
        cidr_block: s.cidr_block().unwrap_or_default().to_string(),
        ipv6_cidr_block: s
            .ipv6_cidr_block_association_set()
            .iter()
            .find_map(|a| non_empty(a.ipv6_cidr_block())),
        availability_zone: s.availability_zone().unwrap_or_default().to_string(),
        map_public_ip_on_launch: s.map_public_ip_on_launch().unwrap_or(false),
        tags: tags(s.tags()),
    })
}

fn route_target(r: &ec2::Route) -> RouteTarget {
    let id = |s: Option<&str>| non_empty(s);
    if let Some(g) = id(r.gateway_id()) {
        RouteTarget::from_gateway_id(&g)
    } else if let Some(n) = id(r.nat_gateway_id()) {
        RouteTarget::NatGateway(n)
    } else if let Some(t) = id(r.transit_gateway_id()) {
        RouteTarget::TransitGateway(t)
    } else if let Some(p) = id(r.vpc_peering_connection_id()) {
        RouteTarget::VpcPeering(p)
    } else if let Some(e) = id(r.egress_only_internet_gateway_id()) {
        RouteTarget::EgressOnlyInternetGateway(e)
    } else if let Some(i) = id(r.instance_id()) {
        RouteTarget::Instance(i)
    } else if let Some(n) = id(r.network_interface_id()) {
        RouteTarget::NetworkInterface(n)
    } else if let Some(c) = id(r.carrier_gateway_id()) {
        RouteTarget::CarrierGateway(c)
    } else if let Some(l) = id(r.local_gateway_id()) {
        RouteTarget::LocalGateway(l)
    } else if let Some(c) = id(r.core_network_arn()) {
        RouteTarget::CoreNetwork(c)
    } else {
        RouteTarget::Other("unknown".to_string())
    }
}

pub fn route_table(t: &ec2::RouteTable, at: Place<'_>) -> Option<RouteTable> {
    Some(RouteTable {
        route_table_id: non_empty(t.route_table_id())?,
        vpc_id: t.vpc_id().unwrap_or_default().to_string(),
        account_id: at.account(t.owner_id()),
        region: at.region.to_string(),
        routes: t
            .routes()
            .iter()
            .filter_map(|r| {
                let destination = non_empty(r.destination_cidr_block())
                    .or_else(|| non_empty(r.destination_ipv6_cidr_block()))
                    .or_else(|| non_empty(r.destination_prefix_list_id()))?;
                Some(Route {
                    destination,
                    target: route_target(r),
                    active: r.state().is_none_or(|s| s.as_str() != "blackhole"),
                })
            })
            .collect(),
        associations: t
            .associations()
            .iter()
            .map(|a| RouteTableAssociation {
                subnet_id: non_empty(a.subnet_id()),
                gateway_id: non_empty(a.gateway_id()),
                main: a.main().unwrap_or(false),
            })
            .collect(),
        tags: tags(t.tags()),
    })
}

pub fn internet_gateway(g: &ec2::InternetGateway, at: Place<'_>) -> Option<InternetGateway> {
    Some(InternetGateway {
        internet_gateway_id: non_empty(g.internet_gateway_id())?,
        account_id: at.account(g.owner_id()),
        region: at.region.to_string(),
        attached_vpcs: g
            .attachments()
            .iter()
            .filter(|a| {
                a.state()
                    .is_none_or(|s| matches!(s.as_str(), "available" | "attached" | "attaching"))
            })
            .filter_map(|a| non_empty(a.vpc_id()))
            .collect(),
        tags: tags(g.tags()),
    })
}

pub fn nat_gateway(n: &ec2::NatGateway, at: Place<'_>) -> Option<NatGateway> {
    Some(NatGateway {
        nat_gateway_id: non_empty(n.nat_gateway_id())?,
        vpc_id: n.vpc_id().unwrap_or_default().to_string(),
        subnet_id: n.subnet_id().unwrap_or_default().to_string(),
        account_id: at.account_id.to_string(),
        region: at.region.to_string(),
        state: n
            .state()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        connectivity_type: n
            .connectivity_type()
            .map(|c| c.as_str().to_string())
            .unwrap_or_else(|| "public".to_string()),
        tags: tags(n.tags()),
    })
}

pub fn vpc_endpoint(e: &ec2::VpcEndpoint, at: Place<'_>) -> Option<VpcEndpoint> {
    let endpoint_type = e
        .vpc_endpoint_type()
        .and_then(|t| EndpointType::parse(t.as_str()))
        .unwrap_or(EndpointType::Gateway);
    Some(VpcEndpoint {
        vpc_endpoint_id: non_empty(e.vpc_endpoint_id())?,
        vpc_id: e.vpc_id().unwrap_or_default().to_string(),
        account_id: at.account(e.owner_id()),
        region: at.region.to_string(),
        service_name: e.service_name().unwrap_or_default().to_string(),
        endpoint_type,
        state: e
            .state()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        policy: non_empty(e.policy_document()),
        route_table_ids: e.route_table_ids().to_vec(),
        subnet_ids: e.subnet_ids().to_vec(),
        security_group_ids: e
            .groups()
            .iter()
            .filter_map(|g| non_empty(g.group_id()))
            .collect(),
        private_dns_enabled: e.private_dns_enabled().unwrap_or(false),
        tags: tags(e.tags()),
    })
}

/// One permission flattened to one rule per peer.
fn sg_rules(perms: &[ec2::IpPermission]) -> Vec<SgRule> {
    let mut out = Vec::new();
    for p in perms {
        let protocol = p.ip_protocol().unwrap_or("-1").to_string();
        let all = protocol == "-1";
        let rule = |peer: SgPeer, description: Option<&str>| SgRule {
            protocol: protocol.clone(),
            from_port: if all { None } else { p.from_port() },
            to_port: if all { None } else { p.to_port() },
            peer,
            description: non_empty(description),
        };
        for r in p.ip_ranges() {
            if let Some(c) = non_empty(r.cidr_ip()) {
                out.push(rule(SgPeer::Ipv4(c), r.description()));
            }
        }
        for r in p.ipv6_ranges() {
            if let Some(c) = non_empty(r.cidr_ipv6()) {
                out.push(rule(SgPeer::Ipv6(c), r.description()));
            }
        }
        for r in p.prefix_list_ids() {
            if let Some(c) = non_empty(r.prefix_list_id()) {
                out.push(rule(SgPeer::PrefixList(c), r.description()));
            }
        }
        for r in p.user_id_group_pairs() {
            if let Some(g) = non_empty(r.group_id()) {
                out.push(rule(SgPeer::SecurityGroup(g), r.description()));
            }
        }
    }
    out
}

pub fn security_group(g: &ec2::SecurityGroup, at: Place<'_>) -> Option<SecurityGroup> {
    Some(SecurityGroup {
        group_id: non_empty(g.group_id())?,
        group_name: g.group_name().unwrap_or_default().to_string(),
        vpc_id: g.vpc_id().unwrap_or_default().to_string(),
        account_id: at.account(g.owner_id()),
        region: at.region.to_string(),
        description: g.description().unwrap_or_default().to_string(),
        ingress: sg_rules(g.ip_permissions()),
        egress: sg_rules(g.ip_permissions_egress()),
        tags: tags(g.tags()),
    })
}

pub fn network_acl(n: &ec2::NetworkAcl, at: Place<'_>) -> Option<NetworkAcl> {
    Some(NetworkAcl {
        network_acl_id: non_empty(n.network_acl_id())?,
        vpc_id: n.vpc_id().unwrap_or_default().to_string(),
        account_id: at.account(n.owner_id()),
        region: at.region.to_string(),
        is_default: n.is_default().unwrap_or(false),
        entries: n
            .entries()
            .iter()
            .filter_map(|e| {
                Some(NaclEntry {
                    rule_number: e.rule_number()?,
                    egress: e.egress().unwrap_or(false),
                    protocol: e.protocol().unwrap_or("-1").to_string(),
                    action: match e.rule_action()?.as_str() {
                        "allow" => RuleAction::Allow,
                        _ => RuleAction::Deny,
                    },
                    cidr_block: non_empty(e.cidr_block()),
                    ipv6_cidr_block: non_empty(e.ipv6_cidr_block()),
                    port_from: e.port_range().and_then(|p| p.from()),
                    port_to: e.port_range().and_then(|p| p.to()),
                })
            })
            .collect(),
        subnet_ids: n
            .associations()
            .iter()
            .filter_map(|a| non_empty(a.subnet_id()))
            .collect(),
        tags: tags(n.tags()),
    })
}

pub fn flow_log(f: &ec2::FlowLog, at: Place<'_>) -> Option<FlowLog> {
    let destination = non_empty(f.log_destination())
        .or_else(|| non_empty(f.log_group_name()))
        .unwrap_or_default();
    Some(FlowLog {
        flow_log_id: non_empty(f.flow_log_id())?,
        resource_id: f.resource_id().unwrap_or_default().to_string(),
        account_id: at.account_id.to_string(),
        region: at.region.to_string(),
        traffic_type: f
            .traffic_type()
            .map(|t| t.as_str().to_string())
            .unwrap_or_default(),
        destination_type: f
            .log_destination_type()
            .map(|t| t.as_str().to_string())
            .unwrap_or_else(|| "cloud-watch-logs".to_string()),
        destination,
        status: f.flow_log_status().unwrap_or_default().to_string(),
    })
}

#[cfg(test)]
mod tests;
