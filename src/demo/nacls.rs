//! Network ACLs: each VPC's default ACL (allow-all, associated with no
//! subnet) and custom ACLs on every subnet. Isolated VPCs allow only 443,
//! DNS and ephemeral ports within the VPC CIDR. Primary's ACLs split the
//! ephemeral range around 3389 so that nothing from 0.0.0.0/0 reaches 22 or
//! 3389 (EC2.21); SSH into the public subnets is allowed only from the
//! office range 203.0.113.0/24.

use super::topology::{VPCS, VpcSpec};
use super::{ACCOUNT_ID, ids, tags};
use crate::model::{Estate, NaclEntry, NetworkAcl, RuleAction};

const ANYWHERE: &str = "0.0.0.0/0";
const OFFICE: &str = "203.0.113.0/24";
const TCP: &str = "6";
const UDP: &str = "17";
const ALL: &str = "-1";

fn entry(n: i32, egress: bool, protocol: &str, cidr: &str, ports: Option<(i32, i32)>) -> NaclEntry {
    NaclEntry {
        rule_number: n,
        egress,
        protocol: protocol.to_string(),
        action: RuleAction::Allow,
        cidr_block: Some(cidr.to_string()),
        ipv6_cidr_block: None,
        port_from: ports.map(|p| p.0),
        port_to: ports.map(|p| p.1),
    }
}

fn deny_rest(egress: bool) -> NaclEntry {
    NaclEntry {
        rule_number: 32767,
        egress,
        protocol: ALL.to_string(),
        action: RuleAction::Deny,
        cidr_block: Some(ANYWHERE.to_string()),
        ipv6_cidr_block: None,
        port_from: None,
        port_to: None,
    }
}

fn with_deny(mut entries: Vec<NaclEntry>) -> Vec<NaclEntry> {
    entries.push(deny_rest(false));
    entries.push(deny_rest(true));
    entries
}

fn default_acl(spec: &VpcSpec) -> NetworkAcl {
    NetworkAcl {
        network_acl_id: ids::nacl_id(spec.key, "default"),
        vpc_id: spec.id(),
        account_id: ACCOUNT_ID.to_string(),
        region: spec.region.to_string(),
        is_default: true,
        entries: with_deny(vec![
            entry(100, false, ALL, ANYWHERE, None),
            entry(100, true, ALL, ANYWHERE, None),
        ]),
        subnet_ids: Vec::new(),
        tags: Default::default(),
    }
}

fn custom(
    spec: &VpcSpec,
    name: &str,
    entries: Vec<NaclEntry>,
    subnet_ids: Vec<String>,
) -> NetworkAcl {
    NetworkAcl {
        network_acl_id: ids::nacl_id(spec.key, name),
        vpc_id: spec.id(),
        account_id: ACCOUNT_ID.to_string(),
        region: spec.region.to_string(),
        is_default: false,
        entries: with_deny(entries),
        subnet_ids,
        tags: tags::stack(&format!("{}-{name}", spec.key), spec.stack),
    }
}

/// 443, DNS and ephemeral ports, in and out, within the VPC CIDR only.
fn isolated_entries(cidr: &str) -> Vec<NaclEntry> {
    let mut out = Vec::new();
    for egress in [false, true] {
        out.push(entry(100, egress, TCP, cidr, Some((443, 443))));
        out.push(entry(110, egress, UDP, cidr, Some((53, 53))));
        out.push(entry(120, egress, TCP, cidr, Some((53, 53))));
        out.push(entry(130, egress, TCP, cidr, Some((1024, 65535))));
    }
    out
}

fn public_entries(cidr: &str) -> Vec<NaclEntry> {
    vec![
        entry(100, false, TCP, ANYWHERE, Some((443, 443))),
        entry(110, false, TCP, OFFICE, Some((22, 22))),
        entry(120, false, TCP, ANYWHERE, Some((1024, 3388))),
        entry(125, false, TCP, ANYWHERE, Some((3390, 65535))),
        entry(130, false, ALL, cidr, None),
        entry(100, true, TCP, ANYWHERE, Some((443, 443))),
        entry(110, true, TCP, ANYWHERE, Some((1024, 65535))),
        entry(120, true, ALL, cidr, None),
    ]
}

fn private_entries(cidr: &str) -> Vec<NaclEntry> {
    let mut out = vec![
        entry(100, false, TCP, cidr, Some((443, 443))),
        entry(110, false, TCP, cidr, Some((8080, 8080))),
        entry(120, false, TCP, cidr, Some((5432, 5432))),
        entry(130, false, TCP, cidr, Some((6379, 6379))),
        entry(140, false, UDP, cidr, Some((53, 53))),
        entry(150, false, TCP, cidr, Some((53, 53))),
        entry(160, false, TCP, ANYWHERE, Some((1024, 3388))),
        entry(165, false, TCP, ANYWHERE, Some((3390, 65535))),
        entry(100, true, TCP, ANYWHERE, Some((443, 443))),
        entry(110, true, TCP, cidr, Some((1024, 65535))),
        entry(120, true, TCP, cidr, Some((5432, 5432))),
        entry(130, true, TCP, cidr, Some((6379, 6379))),
        entry(140, true, UDP, cidr, Some((53, 53))),
        entry(150, true, TCP, cidr, Some((53, 53))),
    ];
    out.sort_by_key(|e| (e.egress, e.rule_number));
    out
}

pub fn build(estate: &mut Estate) {
    for spec in &VPCS {
        let cidr = spec.cidr();
        estate.network_acls.push(default_acl(spec));
        if spec.public {
            estate.network_acls.push(custom(
                spec,
                "public",
                public_entries(&cidr),
                spec.subnet_ids("public"),
            ));
            let mut private = spec.subnet_ids("private");
            private.extend(spec.subnet_ids("data"));
            private.extend(spec.subnet_ids("endpoints"));
            estate
                .network_acls
                .push(custom(spec, "private", private_entries(&cidr), private));
        } else {
            estate.network_acls.push(custom(
                spec,
                "private",
                isolated_entries(&cidr),
                spec.all_subnet_ids(),
            ));
        }
    }
}
