//! Network analysis: reachability of every subnet and VPC, endpoint
//! coverage, internet-open ingress, flow logs and overlapping CIDRs.
//!
//! A subnet uses its explicitly associated route table, else its VPC's main
//! route table. A VPC is as exposed as its most exposed subnet.

mod cidr;
mod endpoints;
mod exposure;
mod routes;
mod vpcs;

pub use endpoints::{GATEWAY_SERVICES, allows_everything as endpoint_policy_allows_everything};
pub use exposure::{
    ADMIN_PORTS, AUTHORIZED_TCP_PORTS, DefaultGroupRules, HIGH_RISK_PORTS, NaclExposure, SgExposure,
};
pub use routes::{EgressPath, PathKind, Reachability};

use super::coverage::Coverage;
use crate::model::{DatasetKind, Estate, RouteTable, VpcEndpoint};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Whether a VPC has a flow log capturing at least rejected traffic (EC2.6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FlowLogState {
    Enabled {
        flow_log_ids: Vec<String>,
    },
    /// No flow log captures rejected traffic; `accept_only` lists logs
    /// that capture accepted traffic only.
    Missing {
        accept_only: Vec<String>,
    },
    NotAssessed,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubnetReport {
    pub subnet_id: String,
    pub name: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub route_table_id: Option<String>,
    /// True when the route table applies because it is the VPC's main one.
    pub via_main_table: bool,
    pub class: Reachability,
    pub paths: Vec<EgressPath>,
    pub map_public_ip_on_launch: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RouteTableReport {
    pub route_table_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub main: bool,
    /// Subnets using it, explicitly or through the main table.
    pub subnets: Vec<String>,
    pub class: Reachability,
    pub paths: Vec<EgressPath>,
    /// Gateway endpoint services it reaches; `None` when endpoints were not read.
    pub gateway_endpoints: Option<Vec<String>>,
    /// Of S3 and DynamoDB, the ones it has no gateway endpoint for.
    pub missing_gateway_endpoints: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VpcReport {
    pub vpc_id: String,
    pub name: String,
    pub account_id: String,
    pub region: String,
    pub is_default: bool,
    pub cidr_blocks: Vec<String>,
    pub class: Reachability,
    pub subnet_count: usize,
    /// `None` when internet gateways were not read.
    pub internet_gateway_attached: Option<bool>,
    pub flow_logs: FlowLogState,
    /// Interface endpoints by service; `None` when endpoints were not read.
    pub interface_endpoints: Option<BTreeMap<String, Vec<String>>>,
    /// Endpoints whose policy lets anyone do anything (or that have none).
    pub open_endpoint_policies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CidrOverlap {
    pub vpc_a: String,
    pub cidr_a: String,
    pub vpc_b: String,
    pub cidr_b: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SgPosture {
    pub coverage: Coverage,
    pub exposures: Vec<SgExposure>,
    pub default_groups_with_rules: Vec<DefaultGroupRules>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NaclPosture {
    pub coverage: Coverage,
    pub exposures: Vec<NaclExposure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkPosture {
    /// Coverage of the reachability classification (subnets + route tables).
    pub coverage: Coverage,
    pub vpcs: Vec<VpcReport>,
    pub subnets: Vec<SubnetReport>,
    pub route_tables: Vec<RouteTableReport>,
    pub security_groups: SgPosture,
    pub network_acls: NaclPosture,
    pub flow_logs_coverage: Coverage,
    pub endpoints_coverage: Coverage,
    /// Overlapping IPv4/IPv6 blocks between non-default VPCs.
    pub cidr_overlaps: Vec<CidrOverlap>,
}

struct Topology<'a> {
    explicit: HashMap<&'a str, &'a RouteTable>,
    main: HashMap<(&'a str, &'a str), &'a RouteTable>,
    private_nats: HashSet<&'a str>,
}

impl<'a> Topology<'a> {
    fn new(estate: &'a Estate) -> Topology<'a> {
        let mut t = Topology {
            explicit: HashMap::new(),
            main: HashMap::new(),
            private_nats: estate
                .nat_gateways
                .iter()
                .filter(|n| n.connectivity_type.eq_ignore_ascii_case("private"))
                .map(|n| n.nat_gateway_id.as_str())
                .collect(),
        };
        for rt in &estate.route_tables {
            for a in &rt.associations {
                if let Some(s) = &a.subnet_id {
                    t.explicit.insert(s, rt);
                }
                if a.main {
                    t.main.insert((&rt.account_id, &rt.vpc_id), rt);
                }
            }
        }
        t
    }

    fn table_for(&self, account: &str, vpc: &str, subnet: &str) -> Option<(&'a RouteTable, bool)> {
        self.explicit
            .get(subnet)
            .map(|rt| (*rt, false))
            .or_else(|| self.main.get(&(account, vpc)).map(|rt| (*rt, true)))
    }
}

/// Analyses the estate's network.
pub(crate) fn analyse(estate: &Estate) -> NetworkPosture {
    use DatasetKind::*;
    let coverage = Coverage::all_of(estate, &[Subnets, RouteTables]);
    let endpoints_coverage = Coverage::all_of(estate, &[VpcEndpoints]);
    let flow_logs_coverage = Coverage::all_of(estate, &[Vpcs, FlowLogs]);
    let topo = Topology::new(estate);
    let assessed = coverage.is_assessed();
    let endpoints_known = endpoints_coverage.is_assessed();

    let subnets: Vec<SubnetReport> = estate
        .subnets
        .iter()
        .map(|s| {
            let table = topo.table_for(&s.account_id, &s.vpc_id, &s.subnet_id);
            let (class, paths) = match table {
                Some((rt, _)) if assessed => routes::classify(rt, &topo.private_nats),
                _ => (Reachability::NotAssessed, Vec::new()),
            };
            SubnetReport {
                subnet_id: s.subnet_id.clone(),
                name: s.name().to_string(),
                vpc_id: s.vpc_id.clone(),
                account_id: s.account_id.clone(),
                region: s.region.clone(),
                route_table_id: table.map(|(rt, _)| rt.route_table_id.clone()),
                via_main_table: table.is_some_and(|(_, main)| main),
                class,
                paths,
                map_public_ip_on_launch: s.map_public_ip_on_launch,
            }
        })
        .collect();

    let mut by_vpc: HashMap<&str, Vec<&VpcEndpoint>> = HashMap::new();
    for ep in &estate.vpc_endpoints {
        by_vpc.entry(&ep.vpc_id).or_default().push(ep);
    }
    let route_tables = estate
        .route_tables
        .iter()
        .map(|rt| route_table_report(rt, &subnets, &topo, &by_vpc, assessed, endpoints_known))
        .collect();

    let vpcs = vpcs::vpc_reports(
        estate,
        &subnets,
        &topo,
        &by_vpc,
        assessed,
        endpoints_known,
        &flow_logs_coverage,
    );
    let cidr_overlaps = vpcs::overlaps(estate);

    let sg_coverage = Coverage::all_of(estate, &[SecurityGroups]);
    let security_groups = SgPosture {
        exposures: estate
            .security_groups
            .iter()
            .flat_map(exposure::sg_exposures)
            .collect(),
        default_groups_with_rules: estate
            .security_groups
            .iter()
            .filter_map(exposure::default_group_rules)
            .collect(),
        coverage: sg_coverage,
    };
    let network_acls = NaclPosture {
        coverage: Coverage::all_of(estate, &[NetworkAcls]),
        exposures: estate
            .network_acls
            .iter()
            .flat_map(exposure::nacl_exposures)
            .collect(),
    };
    NetworkPosture {
        coverage,
        vpcs,
        subnets,
        route_tables,
        security_groups,
        network_acls,
        flow_logs_coverage,
        endpoints_coverage,
        cidr_overlaps,
    }
}

fn route_table_report(
    rt: &RouteTable,
    subnets: &[SubnetReport],
    topo: &Topology<'_>,
    by_vpc: &HashMap<&str, Vec<&VpcEndpoint>>,
    assessed: bool,
    endpoints_known: bool,
) -> RouteTableReport {
    let (class, paths) = if assessed {
        routes::classify(rt, &topo.private_nats)
    } else {
        (Reachability::NotAssessed, Vec::new())
    };
    let gateway = endpoints_known.then(|| {
        endpoints::gateway_services(
            rt,
            by_vpc
                .get(rt.vpc_id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default(),
        )
    });
    let missing = gateway.as_ref().map(|g| {
        GATEWAY_SERVICES
            .iter()
            .filter(|s| !g.iter().any(|x| x == *s))
            .map(|s| s.to_string())
            .collect()
    });
    RouteTableReport {
        route_table_id: rt.route_table_id.clone(),
        vpc_id: rt.vpc_id.clone(),
        account_id: rt.account_id.clone(),
        region: rt.region.clone(),
        main: rt.is_main(),
        subnets: subnets
            .iter()
            .filter(|s| s.route_table_id.as_deref() == Some(rt.route_table_id.as_str()))
            .map(|s| s.subnet_id.clone())
            .collect(),
        class,
        paths,
        gateway_endpoints: gateway,
        missing_gateway_endpoints: missing,
    }
}

#[cfg(test)]
mod tests;
