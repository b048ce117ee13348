//! Per-VPC reports (reachability, gateways, flow logs, endpoints) and
//! overlapping CIDRs between VPCs.

use super::{CidrOverlap, FlowLogState, Reachability, SubnetReport, Topology, VpcReport};
use super::{cidr, endpoints, routes};
use crate::model::{DatasetKind, EndpointType, Estate, Vpc, VpcEndpoint};
use crate::posture::coverage::{Coverage, loaded_for};
use std::collections::HashMap;

/// EC2.6 for one VPC; not assessed unless flow logs were read for its
/// account and region.
fn flow_log_state(estate: &Estate, vpc: &Vpc, coverage: &Coverage) -> FlowLogState {
    if !coverage.is_assessed()
        || !loaded_for(estate, DatasetKind::FlowLogs, &vpc.account_id, &vpc.region)
    {
        return FlowLogState::NotAssessed;
    }
    let vpc_id = vpc.vpc_id.as_str();
    let logs: Vec<_> = estate
        .flow_logs
        .iter()
        .filter(|f| f.resource_id == vpc_id)
        .collect();
    let capturing: Vec<String> = logs
        .iter()
        .filter(|f| {
            matches!(
                f.traffic_type.to_ascii_uppercase().as_str(),
                "ALL" | "REJECT"
            )
        })
        .map(|f| f.flow_log_id.clone())
        .collect();
    if capturing.is_empty() {
        FlowLogState::Missing {
            accept_only: logs.iter().map(|f| f.flow_log_id.clone()).collect(),
        }
    } else {
        FlowLogState::Enabled {
            flow_log_ids: capturing,
        }
    }
}

pub(super) fn vpc_reports(
    estate: &Estate,
    subnets: &[SubnetReport],
    topo: &Topology<'_>,
    by_vpc: &HashMap<&str, Vec<&VpcEndpoint>>,
    assessed: bool,
    endpoints_known: bool,
    flow_coverage: &Coverage,
) -> Vec<VpcReport> {
    let igw_known = Coverage::all_of(estate, &[DatasetKind::InternetGateways]).is_assessed();
    let mut out: Vec<VpcReport> = estate
        .vpcs
        .iter()
        .map(|v| {
            let own: Vec<&SubnetReport> = subnets
                .iter()
                .filter(|s| s.vpc_id == v.vpc_id && s.account_id == v.account_id)
                .collect();
            let class = if !assessed {
                Reachability::NotAssessed
            } else if own.is_empty() {
                topo.main
                    .get(&(v.account_id.as_str(), v.vpc_id.as_str()))
                    .map(|rt| routes::classify(rt, &topo.private_nats).0)
                    .unwrap_or(Reachability::NotAssessed)
            } else {
                own.iter()
                    .map(|s| s.class)
                    .max()
                    .unwrap_or(Reachability::NotAssessed)
            };
            let endpoints = by_vpc
                .get(v.vpc_id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default();
            VpcReport {
                vpc_id: v.vpc_id.clone(),
                name: v.name().to_string(),
                account_id: v.account_id.clone(),
                region: v.region.clone(),
                is_default: v.is_default,
                cidr_blocks: v
                    .cidr_blocks
                    .iter()
                    .chain(&v.ipv6_cidr_blocks)
                    .cloned()
                    .collect(),
                class,
                subnet_count: own.len(),
                internet_gateway_attached: igw_known.then(|| {
                    estate
                        .internet_gateways
                        .iter()
                        .any(|g| g.attached_vpcs.contains(&v.vpc_id))
                }),
                flow_logs: flow_log_state(estate, v, flow_coverage),
                interface_endpoints: endpoints_known
                    .then(|| endpoints::interface_endpoints(endpoints)),
                open_endpoint_policies: endpoints
                    .iter()
                    .filter(|e| {
                        matches!(
                            e.endpoint_type,
                            EndpointType::Gateway | EndpointType::Interface
                        ) && endpoints::allows_everything(e.policy.as_deref()) == Some(true)
                    })
                    .map(|e| e.vpc_endpoint_id.clone())
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.account_id, &a.region, &a.vpc_id).cmp(&(&b.account_id, &b.region, &b.vpc_id))
    });
    out
}

pub(super) fn overlaps(estate: &Estate) -> Vec<CidrOverlap> {
    let blocks: Vec<(&str, &str, cidr::Block)> = estate
        .vpcs
        .iter()
        .filter(|v| !v.is_default)
        .flat_map(|v| {
            v.cidr_blocks
                .iter()
                .chain(&v.ipv6_cidr_blocks)
                .filter_map(move |c| {
                    cidr::Block::parse(c).map(|b| (v.vpc_id.as_str(), c.as_str(), b))
                })
        })
        .collect();
    let mut out = Vec::new();
    for (i, (va, ca, ba)) in blocks.iter().enumerate() {
        for (vb, cb, bb) in &blocks[i + 1..] {
            if va != vb && ba.overlaps(bb) {
                out.push(CidrOverlap {
                    vpc_a: va.to_string(),
                    cidr_a: ca.to_string(),
                    vpc_b: vb.to_string(),
                    cidr_b: cb.to_string(),
                });
            }
        }
    }
    out
}
