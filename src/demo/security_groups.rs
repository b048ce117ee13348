//! Security groups: a rule-less default group per VPC, an endpoint group
//! (443 in from the VPC CIDR), Lambda groups (no inbound; 443 out to the
//! endpoint group and the gateway-endpoint prefix lists), the Primary web
//! tier (ALB, app, PostgreSQL, Redis) and the hand-made bastion group open
//! to the world on port 22 (drift).

use super::catalog::FUNCTIONS;
use super::endpoints::endpoint_group_name;
use super::topology::{VPCS, VpcSpec};
use super::{ACCOUNT_ID, drift, ids, tags};
use crate::model::{Estate, SecurityGroup, SgPeer, SgRule};
use std::collections::BTreeMap;

fn tcp(port: i32, peer: SgPeer, description: &str) -> SgRule {
    SgRule {
        protocol: "tcp".to_string(),
        from_port: Some(port),
        to_port: Some(port),
        peer,
        description: Some(description.to_string()),
    }
}

fn group_peer(spec: &VpcSpec, name: &str) -> SgPeer {
    SgPeer::SecurityGroup(ids::sg_id(spec.key, name))
}

/// The Lambda security group's name in a VPC.
pub fn lambda_group_name(spec: &VpcSpec) -> String {
    match spec.key {
        "primary" => "web-async-worker-lambda".to_string(),
        "replication" => "replication-worker-lambda".to_string(),
        key => format!("{key}-lambda"),
    }
}

pub fn build(estate: &mut Estate) {
    for spec in &VPCS {
        let mut push = |name: &str,
                        description: &str,
                        ingress: Vec<SgRule>,
                        egress: Vec<SgRule>,
                        tags: BTreeMap<String, String>| {
            estate.security_groups.push(SecurityGroup {
                group_id: ids::sg_id(spec.key, name),
                group_name: name.to_string(),
                vpc_id: spec.id(),
                account_id: ACCOUNT_ID.to_string(),
                region: spec.region.to_string(),
                description: description.to_string(),
                ingress,
                egress,
                tags,
            });
        };
        push(
            "default",
            "default VPC security group",
            Vec::new(),
            Vec::new(),
            BTreeMap::new(),
        );

        let endpoints = endpoint_group_name(spec);
        push(
            &endpoints,
            "Interface endpoints: HTTPS from inside the VPC",
            vec![tcp(443, SgPeer::Ipv4(spec.cidr()), "HTTPS from VPC")],
            Vec::new(),
            tags::stack(&endpoints, spec.stack),
        );

        let lambda = lambda_group_name(spec);
        let stack = FUNCTIONS
            .iter()
            .find(|f| f.vpc == spec.key)
            .map(|f| f.stack)
            .unwrap_or(spec.stack);
        push(
            &lambda,
            "Lambda functions: no inbound, HTTPS out to endpoints only",
            Vec::new(),
            vec![
                tcp(443, group_peer(spec, &endpoints), "Interface endpoints"),
                tcp(
                    443,
                    SgPeer::PrefixList(ids::prefix_list_id(spec.region, "s3")),
                    "S3 gateway endpoint",
                ),
                tcp(
                    443,
                    SgPeer::PrefixList(ids::prefix_list_id(spec.region, "dynamodb")),
                    "DynamoDB gateway endpoint",
                ),
            ],
            tags::stack(&lambda, stack),
        );

        if spec.public {
            web_tier(spec, &mut push);
        }
    }
}

type Push<'a> = dyn FnMut(&str, &str, Vec<SgRule>, Vec<SgRule>, BTreeMap<String, String>) + 'a;

fn web_tier(spec: &VpcSpec, push: &mut Push<'_>) {
    let stack = "web-application";
    push(
        "web-alb",
        "Public application load balancer",
        vec![
            tcp(
                443,
                SgPeer::Ipv4("0.0.0.0/0".to_string()),
                "HTTPS from anywhere",
            ),
            tcp(
                443,
                SgPeer::Ipv6("::/0".to_string()),
                "HTTPS from anywhere (IPv6)",
            ),
        ],
        vec![tcp(8080, group_peer(spec, "web-app"), "To app targets")],
        tags::stack("web-alb", stack),
    );
    push(
        "web-app",
        "Application tier behind the ALB",
        vec![tcp(8080, group_peer(spec, "web-alb"), "From ALB")],
        vec![
            tcp(
                443,
                SgPeer::Ipv4("0.0.0.0/0".to_string()),
                "Payment provider API via NAT",
            ),
            tcp(5432, group_peer(spec, "app-db-postgres"), "PostgreSQL"),
            tcp(6379, group_peer(spec, "app-cache-redis"), "Redis"),
            tcp(
                443,
                group_peer(spec, &endpoint_group_name(spec)),
                "Interface endpoints",
            ),
        ],
        tags::stack("web-app", stack),
    );
    push(
        "app-db-postgres",
        "RDS PostgreSQL: from the app tier only",
        vec![tcp(5432, group_peer(spec, "web-app"), "From app tier")],
        Vec::new(),
        tags::stack("app-db-postgres", stack),
    );
    push(
        "app-cache-redis",
        "ElastiCache Redis: from the app tier only",
        vec![tcp(6379, group_peer(spec, "web-app"), "From app tier")],
        Vec::new(),
        tags::stack("app-cache-redis", stack),
    );
    // Drift: created by hand for a vendor session and never closed.
    push(
        drift::OPEN_SSH_GROUP_NAME,
        "temporary vendor access - remove after 2026-09-30",
        vec![
            tcp(22, SgPeer::Ipv4("0.0.0.0/0".to_string()), "vendor SSH"),
            tcp(22, SgPeer::Ipv6("::/0".to_string()), "vendor SSH (IPv6)"),
        ],
        vec![tcp(
            22,
            SgPeer::Ipv4(spec.cidr()),
            "SSH to instances in the VPC",
        )],
        tags::plain(&[
            ("Name", drift::OPEN_SSH_GROUP_NAME),
            ("CreatedBy", "j.okafor@halyard.example"),
        ]),
    );
}
