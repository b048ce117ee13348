//! Four VPCs with their subnets (one per tier and AZ), route tables,
//! internet gateway and NAT gateways.
//!
//! Primary is the only VPC with internet paths: public subnets route
//! 0.0.0.0/0 to the internet gateway, private subnets to a NAT gateway in
//! the public subnet of the same AZ. The three isolated VPCs route only
//! locally and to the S3/DynamoDB gateway endpoints by prefix list.

use super::{ACCOUNT_ID, PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1};
use super::{ids, tags};
use crate::model::{
    Estate, InternetGateway, NatGateway, Route, RouteTable, RouteTableAssociation, RouteTarget,
    Subnet, Vpc,
};

pub const AZS: [char; 3] = ['a', 'b', 'c'];

/// One subnet tier: its name and the third octet of its AZ-a subnet.
pub struct Tier {
    pub name: &'static str,
    pub base: u8,
}

pub struct VpcSpec {
    /// Short key used in ids and names: `primary`, `isolated`, ...
    pub key: &'static str,
    /// `Name` tag.
    pub name: &'static str,
    pub region: &'static str,
    /// First two octets of the /16.
    pub prefix: &'static str,
    pub stack: &'static str,
    /// Has an internet gateway and NAT gateways.
    pub public: bool,
    pub flow_logs: bool,
    pub tiers: &'static [Tier],
}

const PRIMARY_TIERS: &[Tier] = &[
    Tier {
        name: "public",
        base: 0,
    },
    Tier {
        name: "private",
        base: 10,
    },
    Tier {
        name: "data",
        base: 20,
    },
    Tier {
        name: "endpoints",
        base: 30,
    },
];

const ISOLATED_TIERS: &[Tier] = &[
    Tier {
        name: "workload",
        base: 0,
    },
    Tier {
        name: "endpoints",
        base: 10,
    },
];

pub const VPCS: [VpcSpec; 4] = [
    VpcSpec {
        key: "primary",
        name: "Primary",
        region: EUW2,
        prefix: "10.1",
        stack: "network-primary",
        public: true,
        flow_logs: true,
        tiers: PRIMARY_TIERS,
    },
    VpcSpec {
        key: "isolated",
        name: "Isolated",
        region: EUW2,
        prefix: "10.2",
        stack: "network-isolated",
        public: false,
        flow_logs: true,
        tiers: ISOLATED_TIERS,
    },
    VpcSpec {
        key: "replication",
        name: "Replication Security",
        region: EUW1,
        prefix: "10.12",
        stack: "network-replication",
        public: false,
        flow_logs: true,
        tiers: ISOLATED_TIERS,
    },
    VpcSpec {
        // Reuses the Isolated VPC's range: the overlap is real.
        key: "processor",
        name: "S3-DynamoDB Processor",
        region: EUW2,
        prefix: "10.2",
        stack: "network-processor",
        public: false,
        flow_logs: false,
        tiers: ISOLATED_TIERS,
    },
];

impl VpcSpec {
    pub fn cidr(&self) -> String {
        format!("{}.0.0/16", self.prefix)
    }

    pub fn id(&self) -> String {
        ids::vpc_id(self.key)
    }

    pub fn subnet_cidr(&self, tier: &Tier, az_index: usize) -> String {
        format!("{}.{}.0/24", self.prefix, usize::from(tier.base) + az_index)
    }

    /// Subnet ids of one tier, AZ a to c.
    pub fn subnet_ids(&self, tier: &str) -> Vec<String> {
        AZS.iter()
            .map(|az| ids::subnet_id(self.key, tier, *az))
            .collect()
    }

    /// Every subnet id of the VPC.
    pub fn all_subnet_ids(&self) -> Vec<String> {
        self.tiers
            .iter()
            .flat_map(|t| self.subnet_ids(t.name))
            .collect()
    }

    /// Route tables that carry the S3 and DynamoDB gateway-endpoint routes.
    pub fn endpoint_route_tables(&self) -> Vec<String> {
        let names: &[&str] = if self.public {
            &["private-a", "private-b", "private-c", "data"]
        } else {
            &["private"]
        };
        names
            .iter()
            .map(|n| ids::route_table_id(self.key, n))
            .collect()
    }
}

/// The VPC with this key (Primary when none matches).
pub fn vpc(key: &str) -> &'static VpcSpec {
    VPCS.iter().find(|v| v.key == key).unwrap_or(&VPCS[0])
}

pub fn build(estate: &mut Estate) {
    for spec in &VPCS {
        estate.vpcs.push(Vpc {
            vpc_id: spec.id(),
            account_id: ACCOUNT_ID.to_string(),
            region: spec.region.to_string(),
            cidr_blocks: vec![spec.cidr()],
            ipv6_cidr_blocks: Vec::new(),
            is_default: false,
            tags: tags::stack(spec.name, spec.stack),
        });
        subnets(spec, estate);
        route_tables(spec, estate);
        if spec.public {
            gateways(spec, estate);
        }
    }
}

fn subnets(spec: &VpcSpec, estate: &mut Estate) {
    for tier in spec.tiers {
        for (i, az) in AZS.iter().enumerate() {
            let name = format!("{}-{}-{az}", spec.key, tier.name);
            estate.subnets.push(Subnet {
                subnet_id: ids::subnet_id(spec.key, tier.name, *az),
                vpc_id: spec.id(),
                account_id: ACCOUNT_ID.to_string(),
                region: spec.region.to_string(),
                cidr_block: spec.subnet_cidr(tier, i),
                ipv6_cidr_block: None,
                availability_zone: format!("{}{az}", spec.region),
                map_public_ip_on_launch: false,
                tags: tags::stack_with(&name, spec.stack, &[("Tier", tier.name)]),
            });
        }
    }
}

fn route(destination: &str, target: RouteTarget) -> Route {
    Route {
        destination: destination.to_string(),
        target,
        active: true,
    }
}

fn endpoint_routes(spec: &VpcSpec) -> Vec<Route> {
    ["s3", "dynamodb"]
        .iter()
        .map(|svc| {
            route(
                &ids::prefix_list_id(spec.region, svc),
                RouteTarget::VpcEndpoint(ids::endpoint_id(spec.key, svc)),
            )
        })
        .collect()
}

fn subnet_assoc(id: String) -> RouteTableAssociation {
    RouteTableAssociation {
        subnet_id: Some(id),
        gateway_id: None,
        main: false,
    }
}

fn route_tables(spec: &VpcSpec, estate: &mut Estate) {
    let local = || route(&spec.cidr(), RouteTarget::Local);
    let mut tables: Vec<(String, Vec<Route>, Vec<RouteTableAssociation>)> = vec![(
        "main".to_string(),
        vec![local()],
        vec![RouteTableAssociation {
            subnet_id: None,
            gateway_id: None,
            main: true,
        }],
    )];
    if spec.public {
        tables.push((
            "public".to_string(),
            vec![
                local(),
                route(
                    "0.0.0.0/0",
                    RouteTarget::InternetGateway(ids::igw_id(spec.key)),
                ),
            ],
            spec.subnet_ids("public")
                .into_iter()
                .map(subnet_assoc)
                .collect(),
        ));
        for az in AZS {
            let mut routes = vec![
                local(),
                route(
                    "0.0.0.0/0",
                    RouteTarget::NatGateway(ids::nat_id(spec.key, az)),
                ),
            ];
            routes.extend(endpoint_routes(spec));
            tables.push((
                format!("private-{az}"),
                routes,
                vec![subnet_assoc(ids::subnet_id(spec.key, "private", az))],
            ));
        }
        let mut routes = vec![local()];
        routes.extend(endpoint_routes(spec));
        let mut assocs: Vec<RouteTableAssociation> = spec
            .subnet_ids("data")
            .into_iter()
            .map(subnet_assoc)
            .collect();
        assocs.extend(spec.subnet_ids("endpoints").into_iter().map(subnet_assoc));
        tables.push(("data".to_string(), routes, assocs));
    } else {
        let mut routes = vec![local()];
        routes.extend(endpoint_routes(spec));
        tables.push((
            "private".to_string(),
            routes,
            spec.all_subnet_ids()
                .into_iter()
                .map(subnet_assoc)
                .collect(),
        ));
    }
    for (name, routes, associations) in tables {
        estate.route_tables.push(RouteTable {
            route_table_id: ids::route_table_id(spec.key, &name),
            vpc_id: spec.id(),
            account_id: ACCOUNT_ID.to_string(),
            region: spec.region.to_string(),
            routes,
            associations,
            tags: tags::stack(&format!("{}-{name}", spec.key), spec.stack),
        });
    }
}

fn gateways(spec: &VpcSpec, estate: &mut Estate) {
    estate.internet_gateways.push(InternetGateway {
        internet_gateway_id: ids::igw_id(spec.key),
        account_id: ACCOUNT_ID.to_string(),
        region: spec.region.to_string(),
        attached_vpcs: vec![spec.id()],
        tags: tags::stack(&format!("{}-igw", spec.key), spec.stack),
    });
    for az in AZS {
        estate.nat_gateways.push(NatGateway {
            nat_gateway_id: ids::nat_id(spec.key, az),
            vpc_id: spec.id(),
            subnet_id: ids::subnet_id(spec.key, "public", az),
            account_id: ACCOUNT_ID.to_string(),
            region: spec.region.to_string(),
            state: "available".to_string(),
            connectivity_type: "public".to_string(),
            tags: tags::stack(&format!("{}-nat-{az}", spec.key), spec.stack),
        });
    }
}
