//! Network changes: VPCs, subnets, route tables, gateways, endpoints,
//! security groups, network ACLs and flow logs.

use super::change::{Detail, Details, Ident, ItemChange, keyed};
use super::network_rules::{nacl_entry, route, sg_rule};
use crate::model::{
    DatasetKind, Estate, FlowLog, InternetGateway, NatGateway, NetworkAcl, RouteTable,
    SecurityGroup, Subnet, Vpc, VpcEndpoint,
};
use std::collections::BTreeMap;

/// Every network dataset not skipped, in a fixed order.
pub(super) fn diff(
    old: &Estate,
    new: &Estate,
    skip: &dyn Fn(DatasetKind) -> bool,
) -> Vec<ItemChange> {
    let mut out = Vec::new();
    let mut run = |kind: DatasetKind, changes: &dyn Fn() -> Vec<ItemChange>| {
        if !skip(kind) {
            out.extend(changes());
        }
    };
    run(DatasetKind::Vpcs, &|| {
        keyed("vpc", &old.vpcs, &new.vpcs, vpc_ident, vpc)
    });
    run(DatasetKind::Subnets, &|| {
        keyed("subnet", &old.subnets, &new.subnets, subnet_ident, subnet)
    });
    run(DatasetKind::RouteTables, &|| {
        keyed(
            "route_table",
            &old.route_tables,
            &new.route_tables,
            |t| {
                ident(
                    &t.account_id,
                    &t.region,
                    &t.route_table_id,
                    t.tags.get("Name"),
                )
            },
            route_table,
        )
    });
    run(DatasetKind::InternetGateways, &|| {
        keyed(
            "internet_gateway",
            &old.internet_gateways,
            &new.internet_gateways,
            |g| {
                ident(
                    &g.account_id,
                    &g.region,
                    &g.internet_gateway_id,
                    g.tags.get("Name"),
                )
            },
            igw,
        )
    });
    run(DatasetKind::NatGateways, &|| {
        keyed(
            "nat_gateway",
            &old.nat_gateways,
            &new.nat_gateways,
            |g| {
                ident(
                    &g.account_id,
                    &g.region,
                    &g.nat_gateway_id,
                    g.tags.get("Name"),
                )
            },
            nat,
        )
    });
    run(DatasetKind::VpcEndpoints, &|| {
        keyed(
            "vpc_endpoint",
            &old.vpc_endpoints,
            &new.vpc_endpoints,
            |e| Ident {
                account_id: e.account_id.clone(),
                region: e.region.clone(),
                id: e.vpc_endpoint_id.clone(),
                name: Some(e.short_service().to_string()),
            },
            endpoint,
        )
    });
    run(DatasetKind::SecurityGroups, &|| {
        keyed(
            "security_group",
            &old.security_groups,
            &new.security_groups,
            |g| Ident {
                account_id: g.account_id.clone(),
                region: g.region.clone(),
                id: g.group_id.clone(),
                name: Some(g.group_name.clone()),
            },
            security_group,
        )
    });
    run(DatasetKind::NetworkAcls, &|| {
        keyed(
            "network_acl",
            &old.network_acls,
            &new.network_acls,
            |a| {
                ident(
                    &a.account_id,
                    &a.region,
                    &a.network_acl_id,
                    a.tags.get("Name"),
                )
            },
            nacl,
        )
    });
    run(DatasetKind::FlowLogs, &|| {
        keyed(
            "flow_log",
            &old.flow_logs,
            &new.flow_logs,
            |f| Ident {
                account_id: f.account_id.clone(),
                region: f.region.clone(),
                id: f.flow_log_id.clone(),
                name: Some(format!("on {}", f.resource_id)),
            },
            flow_log,
        )
    });
    out
}

fn ident(account: &str, region: &str, id: &str, name: Option<&String>) -> Ident {
    Ident {
        account_id: account.to_string(),
        region: region.to_string(),
        id: id.to_string(),
        name: name.cloned(),
    }
}

fn vpc_ident(v: &Vpc) -> Ident {
    ident(&v.account_id, &v.region, &v.vpc_id, v.tags.get("Name"))
}

fn subnet_ident(s: &Subnet) -> Ident {
    ident(&s.account_id, &s.region, &s.subnet_id, s.tags.get("Name"))
}

fn name_tag(tags: &BTreeMap<String, String>) -> String {
    tags.get("Name").cloned().unwrap_or_default()
}

fn vpc(o: &Vpc, n: &Vpc) -> Vec<Detail> {
    let mut d = Details::default();
    d.set("cidr", o.cidr_blocks.clone(), n.cidr_blocks.clone());
    d.set(
        "ipv6 cidr",
        o.ipv6_cidr_blocks.clone(),
        n.ipv6_cidr_blocks.clone(),
    );
    d.field("default", o.is_default, n.is_default);
    d.field("name", name_tag(&o.tags), name_tag(&n.tags));
    d.into_vec()
}

fn subnet(o: &Subnet, n: &Subnet) -> Vec<Detail> {
    let mut d = Details::default();
    d.field("vpc", &o.vpc_id, &n.vpc_id);
    d.field("cidr", &o.cidr_block, &n.cidr_block);
    d.field(
        "ipv6 cidr",
        o.ipv6_cidr_block.as_deref().unwrap_or("none"),
        n.ipv6_cidr_block.as_deref().unwrap_or("none"),
    );
    d.field(
        "public ip on launch",
        o.map_public_ip_on_launch,
        n.map_public_ip_on_launch,
    );
    d.field("name", name_tag(&o.tags), name_tag(&n.tags));
    d.into_vec()
}

fn route_table(o: &RouteTable, n: &RouteTable) -> Vec<Detail> {
    let mut d = Details::default();
    d.set(
        "route",
        o.routes.iter().map(route),
        n.routes.iter().map(route),
    );
    let assoc = |t: &RouteTable| -> Vec<String> {
        t.associations
            .iter()
            .map(|a| {
                if a.main {
                    "main".to_string()
                } else if let Some(s) = &a.subnet_id {
                    s.clone()
                } else if let Some(g) = &a.gateway_id {
                    g.clone()
                } else {
                    "?".to_string()
                }
            })
            .collect()
    };
    d.set("association", assoc(o), assoc(n));
    d.into_vec()
}

fn igw(o: &InternetGateway, n: &InternetGateway) -> Vec<Detail> {
    let mut d = Details::default();
    d.set(
        "attached vpc",
        o.attached_vpcs.clone(),
        n.attached_vpcs.clone(),
    );
    d.into_vec()
}

fn nat(o: &NatGateway, n: &NatGateway) -> Vec<Detail> {
    let mut d = Details::default();
    d.field("state", &o.state, &n.state);
    d.field("connectivity", &o.connectivity_type, &n.connectivity_type);
    d.field("subnet", &o.subnet_id, &n.subnet_id);
    d.into_vec()
}

fn endpoint(o: &VpcEndpoint, n: &VpcEndpoint) -> Vec<Detail> {
    let mut d = Details::default();
    d.field("state", &o.state, &n.state);
    d.field("service", &o.service_name, &n.service_name);
    d.field("private dns", o.private_dns_enabled, n.private_dns_enabled);
    d.set(
        "route table",
        o.route_table_ids.clone(),
        n.route_table_ids.clone(),
    );
    d.set("subnet", o.subnet_ids.clone(), n.subnet_ids.clone());
    d.set(
        "security group",
        o.security_group_ids.clone(),
        n.security_group_ids.clone(),
    );
    d.policy("policy", o.policy.as_deref(), n.policy.as_deref());
    d.into_vec()
}

fn security_group(o: &SecurityGroup, n: &SecurityGroup) -> Vec<Detail> {
    let mut d = Details::default();
    d.field("name", &o.group_name, &n.group_name);
    d.set(
        "ingress",
        o.ingress.iter().map(sg_rule),
        n.ingress.iter().map(sg_rule),
    );
    d.set(
        "egress",
        o.egress.iter().map(sg_rule),
        n.egress.iter().map(sg_rule),
    );
    d.into_vec()
}

fn nacl(o: &NetworkAcl, n: &NetworkAcl) -> Vec<Detail> {
    let mut d = Details::default();
    let side = |a: &NetworkAcl, egress: bool| -> Vec<String> {
        a.entries
            .iter()
            .filter(|e| e.egress == egress)
            .map(nacl_entry)
            .collect()
    };
    d.set("inbound entry", side(o, false), side(n, false));
    d.set("outbound entry", side(o, true), side(n, true));
    d.set("subnet", o.subnet_ids.clone(), n.subnet_ids.clone());
    d.field("default", o.is_default, n.is_default);
    d.into_vec()
}

fn flow_log(o: &FlowLog, n: &FlowLog) -> Vec<Detail> {
    let mut d = Details::default();
    d.field("status", &o.status, &n.status);
    d.field("traffic", &o.traffic_type, &n.traffic_type);
    d.field(
        "destination",
        format!("{} {}", o.destination_type, o.destination),
        format!("{} {}", n.destination_type, n.destination),
    );
    d.field("resource", &o.resource_id, &n.resource_id);
    d.into_vec()
}
