//! Network checks: internet-open security groups (EC2.13/14/18/19/53/54),
//! default groups with rules (EC2.2), open NACL entries (EC2.21), VPCs
//! without flow logs (EC2.6) and overlapping VPC CIDRs.

use super::{
    CheckKind, DEFAULT_SG_RULES, Draft, NACL_OPEN_ADMIN, SG_OPEN_ADMIN_V4, SG_OPEN_ADMIN_V6,
    SG_OPEN_HIGH_RISK, SG_OPEN_RDP, SG_OPEN_SSH, SG_OPEN_UNAUTHORIZED, VPC_CIDR_OVERLAP,
    VPC_FLOW_LOGS, partition,
};
use crate::model::Estate;
use crate::posture::network::{FlowLogState, NetworkPosture, SgExposure};
use serde_json::json;
use std::collections::BTreeMap;

fn arn(region: &str, account: &str, kind: &str, id: &str) -> String {
    format!(
        "arn:{}:ec2:{region}:{account}:{kind}/{id}",
        partition(region)
    )
}

fn sg_kind(control: &str) -> Option<CheckKind> {
    Some(match control {
        "EC2.13" => SG_OPEN_SSH,
        "EC2.14" => SG_OPEN_RDP,
        "EC2.18" => SG_OPEN_UNAUTHORIZED,
        "EC2.19" => SG_OPEN_HIGH_RISK,
        "EC2.53" => SG_OPEN_ADMIN_V4,
        "EC2.54" => SG_OPEN_ADMIN_V6,
        _ => return None,
    })
}

fn sg_title(kind: CheckKind, group: &str, rules: &[&SgExposure]) -> String {
    let ports: Vec<String> = rules
        .iter()
        .map(|r| format!("{}/{} from {}", r.protocol, r.ports, r.source))
        .collect();
    let what = match kind.control_id {
        Some("EC2.13") => "SSH (22) open to the internet",
        Some("EC2.14") => "RDP (3389) open to the internet",
        Some("EC2.19") => "high-risk ports open to the internet",
        Some("EC2.53") => "remote administration open to 0.0.0.0/0",
        Some("EC2.54") => "remote administration open to ::/0",
        _ => "unrestricted ingress beyond 80/443",
    };
    format!("Security group {group}: {what} ({})", ports.join(", "))
}

fn security_groups(network: &NetworkPosture, out: &mut Vec<Draft>) {
    if !network.security_groups.coverage.is_assessed() {
        return;
    }
    // (group, control) -> the rules failing it, in a stable order.
    let mut by: BTreeMap<(&str, &str, &str, &str), Vec<&SgExposure>> = BTreeMap::new();
    for e in &network.security_groups.exposures {
        for c in &e.controls {
            by.entry((&e.account_id, &e.region, &e.group_id, c))
                .or_default()
                .push(e);
        }
    }
    for ((account, region, group, control), rules) in by {
        let Some(kind) = sg_kind(control) else {
            continue;
        };
        let resource = arn(region, account, "security-group", group);
        let evidence: Vec<_> = rules
            .iter()
            .map(|r| json!({"protocol": r.protocol, "ports": r.ports, "source": r.source, "high_risk_ports": r.high_risk_ports}))
            .collect();
        let name = rules
            .first()
            .map(|r| r.group_name.as_str())
            .unwrap_or(group);
        out.push(Draft {
            kind,
            control_id: None,
            key: resource.clone(),
            resource_id: resource,
            account_id: account.to_string(),
            region: region.to_string(),
            title: sg_title(kind, &format!("{group} ({name})"), &rules),
            description: format!("Ingress rules of {group} admit traffic from anywhere on the internet."),
            evidence: json!({"group_id": group, "vpc_id": rules.first().map(|r| r.vpc_id.clone()), "rules": evidence}),
        });
    }
    for d in &network.security_groups.default_groups_with_rules {
        let resource = arn(&d.region, &d.account_id, "security-group", &d.group_id);
        out.push(Draft {
            kind: DEFAULT_SG_RULES,
            control_id: None,
            key: resource.clone(),
            resource_id: resource,
            account_id: d.account_id.clone(),
            region: d.region.clone(),
            title: format!(
                "Default security group {} of {} has rules ({} in, {} out)",
                d.group_id, d.vpc_id, d.ingress_rules, d.egress_rules
            ),
            description: "The default security group should allow no traffic at all.".to_string(),
            evidence: json!({"group_id": d.group_id, "vpc_id": d.vpc_id, "ingress_rules": d.ingress_rules, "egress_rules": d.egress_rules}),
        });
    }
}

fn nacls(network: &NetworkPosture, out: &mut Vec<Draft>) {
    if !network.network_acls.coverage.is_assessed() {
        return;
    }
    let mut by: BTreeMap<(&str, &str, &str), Vec<_>> = BTreeMap::new();
    for e in &network.network_acls.exposures {
        by.entry((&e.account_id, &e.region, &e.network_acl_id))
            .or_default()
            .push(e);
    }
    for ((account, region, acl), entries) in by {
        let resource = arn(region, account, "network-acl", acl);
        let rules: Vec<String> = entries
            .iter()
            .map(|e| {
                format!(
                    "#{} {}/{} from {}",
                    e.rule_number, e.protocol, e.ports, e.source
                )
            })
            .collect();
        out.push(Draft {
            kind: NACL_OPEN_ADMIN,
            control_id: None,
            key: resource.clone(),
            resource_id: resource,
            account_id: account.to_string(),
            region: region.to_string(),
            title: format!("Network ACL {acl} allows the internet to 22/3389 ({})", rules.join(", ")),
            description: "Inbound network ACL entries allow remote administration ports from anywhere.".to_string(),
            evidence: json!({"network_acl_id": acl, "vpc_id": entries.first().map(|e| e.vpc_id.clone()), "entries": rules}),
        });
    }
}

fn flow_logs(network: &NetworkPosture, out: &mut Vec<Draft>) {
    for v in &network.vpcs {
        let FlowLogState::Missing { accept_only } = &v.flow_logs else {
            continue;
        };
        let resource = arn(&v.region, &v.account_id, "vpc", &v.vpc_id);
        out.push(Draft {
            kind: VPC_FLOW_LOGS,
            control_id: None,
            key: resource.clone(),
            resource_id: resource,
            account_id: v.account_id.clone(),
            region: v.region.clone(),
            title: format!(
                "VPC {} ({}) has no flow log capturing rejected traffic",
                v.vpc_id, v.name
            ),
            description: "Without flow logs, traffic to and from the VPC leaves no record."
                .to_string(),
            evidence: json!({"vpc_id": v.vpc_id, "accept_only_flow_logs": accept_only}),
        });
    }
}

fn overlaps(estate: &Estate, network: &NetworkPosture, out: &mut Vec<Draft>) {
    for o in &network.cidr_overlaps {
        let Some(a) = estate.vpcs.iter().find(|v| v.vpc_id == o.vpc_a) else {
            continue;
        };
        let resource = arn(&a.region, &a.account_id, "vpc", &a.vpc_id);
        out.push(Draft {
            kind: VPC_CIDR_OVERLAP,
            control_id: None,
            key: format!("{resource}/{}", o.vpc_b),
            resource_id: resource,
            account_id: a.account_id.clone(),
            region: a.region.clone(),
            title: format!("VPC {} ({}) overlaps VPC {} ({})", o.vpc_a, o.cidr_a, o.vpc_b, o.cidr_b),
            description: "Overlapping address ranges cannot be routed to each other through peering or a transit gateway.".to_string(),
            evidence: json!({"vpc_a": o.vpc_a, "cidr_a": o.cidr_a, "vpc_b": o.vpc_b, "cidr_b": o.cidr_b}),
        });
    }
}

pub(super) fn drafts(estate: &Estate, network: &NetworkPosture, out: &mut Vec<Draft>) {
    security_groups(network, out);
    nacls(network, out);
    flow_logs(network, out);
    overlaps(estate, network, out);
}
