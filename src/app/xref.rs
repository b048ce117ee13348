//! Cross references built once per estate: which findings name which
//! resource, and where a KMS key or a network object sits. They drive the
//! jumps between views (finding -> key or VPC node, node -> findings) and
//! the finding badges on tree nodes.

mod placement;

pub use placement::placement;

use crate::model::{ComplianceStatus, Estate, Finding, Severity, WorkflowStatus};
use crate::posture::Posture;
use std::collections::{BTreeSet, HashMap};

/// A node of the VPC topology tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeId {
    Region(String),
    Vpc(String),
    /// A VPC's endpoints, security groups or network ACLs.
    Group(String, Group),
    Subnet(String),
    Endpoint(String),
    SecurityGroup(String),
    Nacl(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Endpoints,
    SecurityGroups,
    Nacls,
}

impl NodeId {
    /// The AWS id findings use for this node (`None` for regions and groups).
    pub fn resource_id(&self) -> Option<&str> {
        match self {
            NodeId::Vpc(id)
            | NodeId::Subnet(id)
            | NodeId::Endpoint(id)
            | NodeId::SecurityGroup(id)
            | NodeId::Nacl(id) => Some(id),
            NodeId::Region(_) | NodeId::Group(..) => None,
        }
    }
}

/// Where a finding's resource lives in rampart's views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Index into `estate.kms_keys`.
    Key(usize),
    Node(NodeId),
}

#[derive(Debug, Default)]
pub struct Xref {
    /// Resource id, and its last `/` or `:` segment, to finding indices.
    by_resource: HashMap<String, Vec<u32>>,
    /// Key ARN, key id and alias to `estate.kms_keys` index.
    keys: HashMap<String, usize>,
    /// Key ARN to `posture.kms.keys` index.
    pub key_analysis: HashMap<String, usize>,
    pub vpcs: HashMap<String, usize>,
    pub subnets: HashMap<String, usize>,
    pub security_groups: HashMap<String, usize>,
    pub nacls: HashMap<String, usize>,
    pub endpoints: HashMap<String, usize>,
    /// Subnet id to `posture.network.subnets` index.
    pub subnet_reports: HashMap<String, usize>,
    /// VPC id to `posture.network.vpcs` index.
    pub vpc_reports: HashMap<String, usize>,
    /// Subnet id to the `estate.network_acls` index of its NACL.
    pub subnet_nacl: HashMap<String, usize>,
    pub route_tables: HashMap<String, usize>,
}

/// The last `/` or `:` segment of an id (`arn:...:subnet/subnet-1` -> `subnet-1`).
pub fn tail(id: &str) -> &str {
    id.rsplit(['/', ':']).next().unwrap_or(id)
}

fn index<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (id(x).to_string(), i))
        .collect()
}

impl Xref {
    pub fn build(estate: &Estate, posture: &Posture) -> Xref {
        let mut x = Xref {
            vpcs: index(&estate.vpcs, |v| &v.vpc_id),
            subnets: index(&estate.subnets, |s| &s.subnet_id),
            security_groups: index(&estate.security_groups, |g| &g.group_id),
            nacls: index(&estate.network_acls, |n| &n.network_acl_id),
            endpoints: index(&estate.vpc_endpoints, |e| &e.vpc_endpoint_id),
            subnet_reports: index(&posture.network.subnets, |s| &s.subnet_id),
            vpc_reports: index(&posture.network.vpcs, |v| &v.vpc_id),
            key_analysis: index(&posture.kms.keys, |k| &k.arn),
            route_tables: index(&estate.route_tables, |r| &r.route_table_id),
            ..Xref::default()
        };
        for (i, n) in estate.network_acls.iter().enumerate() {
            for s in &n.subnet_ids {
                x.subnet_nacl.insert(s.clone(), i);
            }
        }
        for (i, k) in estate.kms_keys.iter().enumerate() {
            x.keys.insert(k.arn.clone(), i);
            x.keys.insert(k.key_id.clone(), i);
            for a in &k.aliases {
                x.keys.insert(a.clone(), i);
            }
        }
        for (i, f) in estate.findings.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            let mut tokens: BTreeSet<&str> = BTreeSet::new();
            for r in &f.resources {
                tokens.insert(r.id.as_str());
                tokens.insert(tail(&r.id));
            }
            let placed = placement(f);
            if let Some((subnet, vpc)) = &placed {
                tokens.extend(subnet.as_deref());
                tokens.extend(vpc.as_deref());
            }
            for t in tokens.into_iter().filter(|t| !t.is_empty()) {
                x.by_resource.entry(t.to_string()).or_default().push(i);
            }
        }
        x
    }

    /// Indices of the findings that name `id` (an ARN or a bare id).
    pub fn findings_of(&self, id: &str) -> &[u32] {
        self.by_resource
            .get(id)
            .or_else(|| self.by_resource.get(tail(id)))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Ids of the findings about a KMS key (by ARN or key id).
    pub fn key_findings(&self, estate: &Estate, key: usize) -> BTreeSet<String> {
        let Some(k) = estate.kms_keys.get(key) else {
            return BTreeSet::new();
        };
        let mut idx: BTreeSet<u32> = self.findings_of(&k.arn).iter().copied().collect();
        idx.extend(self.findings_of(&k.key_id));
        ids(estate, idx)
    }

    /// Ids of the findings about a node (and, for a subnet or VPC, about
    /// the instances placed in it).
    pub fn node_findings(&self, estate: &Estate, node: &NodeId) -> BTreeSet<String> {
        let Some(id) = node.resource_id() else {
            return BTreeSet::new();
        };
        ids(estate, self.findings_of(id).iter().copied())
    }

    /// Open problems naming any of `ids` (active findings, not passed
    /// checks, not resolved): how many, and the worst severity.
    pub fn badge(&self, estate: &Estate, ids: &[&str]) -> Option<(usize, Severity)> {
        let idx: BTreeSet<u32> = ids
            .iter()
            .flat_map(|id| self.findings_of(id).iter().copied())
            .collect();
        let active = idx
            .into_iter()
            .filter_map(|i| estate.findings.get(i as usize))
            .filter(|f| is_problem(f));
        let mut n = 0;
        let mut worst = Severity::Informational;
        for f in active {
            n += 1;
            worst = worst.max(f.severity);
        }
        (n > 0).then_some((n, worst))
    }

    /// The KMS key with this ARN, key id or alias.
    pub fn key(&self, id: &str) -> Option<usize> {
        self.keys.get(id).copied()
    }

    /// Where `f`'s resource is shown: a KMS key, else the most specific
    /// network node (an instance resolves to its subnet through the
    /// original records).
    pub fn target_of(&self, f: &Finding) -> Option<Target> {
        for r in &f.resources {
            let tail = tail(&r.id);
            if let Some(k) = self.key(&r.id).or_else(|| self.key(tail)) {
                return Some(Target::Key(k));
            }
            let node = if self.subnets.contains_key(tail) {
                NodeId::Subnet(tail.to_string())
            } else if self.security_groups.contains_key(tail) {
                NodeId::SecurityGroup(tail.to_string())
            } else if self.nacls.contains_key(tail) {
                NodeId::Nacl(tail.to_string())
            } else if self.endpoints.contains_key(tail) {
                NodeId::Endpoint(tail.to_string())
            } else if self.vpcs.contains_key(tail) {
                NodeId::Vpc(tail.to_string())
            } else {
                continue;
            };
            return Some(Target::Node(node));
        }
        let (subnet, vpc) = placement(f)?;
        if let Some(s) = subnet.filter(|s| self.subnets.contains_key(s)) {
            return Some(Target::Node(NodeId::Subnet(s)));
        }
        vpc.filter(|v| self.vpcs.contains_key(v))
            .map(|v| Target::Node(NodeId::Vpc(v)))
    }
}

/// An active finding that asks for action: not a passed control check,
/// not resolved.
pub fn is_problem(f: &Finding) -> bool {
    f.is_active()
        && f.workflow != WorkflowStatus::Resolved
        && f.compliance_status() != Some(ComplianceStatus::Passed)
}

fn ids(estate: &Estate, idx: impl IntoIterator<Item = u32>) -> BTreeSet<String> {
    idx.into_iter()
        .filter_map(|i| estate.findings.get(i as usize))
        .map(|f| f.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn demo() -> (Estate, Xref) {
        let mut e = crate::demo::estate();
        let p = crate::posture::assess(&e, crate::demo::now());
        e.findings.extend(p.checks.iter().cloned());
        let x = Xref::build(&e, &p);
        (e, x)
    }

    #[test]
    fn an_instance_finding_resolves_to_its_subnet() {
        let (e, x) = demo();
        let f = e
            .findings
            .iter()
            .find(|f| f.finding_type == "CryptoCurrency:EC2/BitcoinTool.B!DNS")
            .expect("crypto finding");
        let Some(Target::Node(NodeId::Subnet(s))) = x.target_of(f) else {
            panic!("no subnet for {}", f.id);
        };
        let subnet = &e.subnets[x.subnets[&s]];
        assert_eq!(subnet.tags.get("Tier").map(String::as_str), Some("private"));
        assert!(x.node_findings(&e, &NodeId::Subnet(s)).contains(&f.id));
    }

    #[test]
    fn key_findings_resolve_both_ways() {
        let (e, x) = demo();
        let f = e
            .findings
            .iter()
            .find(|f| f.control_id() == Some("KMS.4") && f.source == Source::SecurityHub)
            .expect("KMS.4 finding");
        let Some(Target::Key(k)) = x.target_of(f) else {
            panic!("no key for {}", f.id);
        };
        assert!(x.key_findings(&e, k).contains(&f.id));
        assert_eq!(tail("arn:aws:ec2:r:1:subnet/subnet-1"), "subnet-1");
        assert_eq!(tail("subnet-1"), "subnet-1");
        assert!(x.findings_of("nothing-here").is_empty());
    }
}
