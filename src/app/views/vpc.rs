//! The VPC topology tree: region -> VPC -> subnets, then the VPC's
//! endpoints, security groups and network ACLs. Only the rows of expanded
//! nodes exist; they are rebuilt when a node opens or closes.

use super::super::cursor::ListCursor;
use super::super::xref::{Group, NodeId, Xref};
use crate::model::Estate;
use crate::posture::Posture;
use crate::posture::network::Reachability;
use std::collections::{BTreeSet, HashMap};

/// One visible row of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub node: NodeId,
    pub depth: u8,
    pub has_children: bool,
}

#[derive(Debug)]
pub struct VpcView {
    pub expanded: BTreeSet<NodeId>,
    pub cursor: ListCursor,
    rows: Vec<TreeRow>,
}

/// Children of every node, computed from the estate.
struct Tree {
    regions: Vec<String>,
    vpcs_by_region: HashMap<String, Vec<usize>>,
    subnets: HashMap<String, Vec<usize>>,
    endpoints: HashMap<String, Vec<usize>>,
    groups: HashMap<String, Vec<usize>>,
    nacls: HashMap<String, Vec<usize>>,
}

impl Tree {
    fn new(estate: &Estate) -> Tree {
        let mut t = Tree {
            regions: Vec::new(),
            vpcs_by_region: HashMap::new(),
            subnets: HashMap::new(),
            endpoints: HashMap::new(),
            groups: HashMap::new(),
            nacls: HashMap::new(),
        };
        for (i, v) in estate.vpcs.iter().enumerate() {
            t.vpcs_by_region
                .entry(v.region.clone())
                .or_default()
                .push(i);
        }
        // Scope order first, then any other region alphabetically.
        let mut others: Vec<&String> = t
            .vpcs_by_region
            .keys()
            .filter(|r| !estate.meta.regions.contains(r))
            .collect();
        others.sort();
        t.regions = estate
            .meta
            .regions
            .iter()
            .filter(|r| t.vpcs_by_region.contains_key(*r))
            .chain(others)
            .cloned()
            .collect();
        for (i, s) in estate.subnets.iter().enumerate() {
            t.subnets.entry(s.vpc_id.clone()).or_default().push(i);
        }
        for (i, e) in estate.vpc_endpoints.iter().enumerate() {
            t.endpoints.entry(e.vpc_id.clone()).or_default().push(i);
        }
        for (i, g) in estate.security_groups.iter().enumerate() {
            t.groups.entry(g.vpc_id.clone()).or_default().push(i);
        }
        for (i, n) in estate.network_acls.iter().enumerate() {
            t.nacls.entry(n.vpc_id.clone()).or_default().push(i);
        }
        let subnets = &estate.subnets;
        for list in t.subnets.values_mut() {
            list.sort_by(|a, b| {
                let (a, b) = (&subnets[*a], &subnets[*b]);
                a.name()
                    .cmp(b.name())
                    .then_with(|| a.availability_zone.cmp(&b.availability_zone))
            });
        }
        t
    }

    fn children(&self, estate: &Estate, node: &NodeId) -> Vec<NodeId> {
        let list = |m: &HashMap<String, Vec<usize>>, k: &str| m.get(k).cloned().unwrap_or_default();
        match node {
            NodeId::Region(r) => list(&self.vpcs_by_region, r)
                .into_iter()
                .map(|i| NodeId::Vpc(estate.vpcs[i].vpc_id.clone()))
                .collect(),
            NodeId::Vpc(v) => {
                let mut out: Vec<NodeId> = list(&self.subnets, v)
                    .into_iter()
                    .map(|i| NodeId::Subnet(estate.subnets[i].subnet_id.clone()))
                    .collect();
                for (g, m) in [
                    (Group::Endpoints, &self.endpoints),
                    (Group::SecurityGroups, &self.groups),
                    (Group::Nacls, &self.nacls),
                ] {
                    if m.get(v).is_some_and(|l| !l.is_empty()) {
                        out.push(NodeId::Group(v.clone(), g));
                    }
                }
                out
            }
            NodeId::Group(v, Group::Endpoints) => list(&self.endpoints, v)
                .into_iter()
                .map(|i| NodeId::Endpoint(estate.vpc_endpoints[i].vpc_endpoint_id.clone()))
                .collect(),
            NodeId::Group(v, Group::SecurityGroups) => list(&self.groups, v)
                .into_iter()
                .map(|i| NodeId::SecurityGroup(estate.security_groups[i].group_id.clone()))
                .collect(),
            NodeId::Group(v, Group::Nacls) => list(&self.nacls, v)
                .into_iter()
                .map(|i| NodeId::Nacl(estate.network_acls[i].network_acl_id.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl VpcView {
    /// Regions open, and every VPC that is not isolated: what can reach
    /// out is shown first; isolated VPCs say so on their own row.
    pub fn new(estate: &Estate, posture: &Posture, xref: &Xref) -> VpcView {
        let mut expanded = BTreeSet::new();
        for v in &estate.vpcs {
            expanded.insert(NodeId::Region(v.region.clone()));
            let class = xref
                .vpc_reports
                .get(&v.vpc_id)
                .and_then(|i| posture.network.vpcs.get(*i))
                .map(|r| r.class);
            if class != Some(Reachability::Isolated) {
                expanded.insert(NodeId::Vpc(v.vpc_id.clone()));
            }
        }
        let mut view = VpcView {
            expanded,
            cursor: ListCursor::default(),
            rows: Vec::new(),
        };
        view.refresh(estate);
        // Start on the first VPC: its panel says more than a region's.
        if let Some(i) = view
            .rows
            .iter()
            .position(|r| matches!(r.node, NodeId::Vpc(_)))
        {
            view.cursor.selected = i;
        }
        view
    }

    pub fn rows(&self) -> &[TreeRow] {
        &self.rows
    }

    pub fn selected(&self) -> Option<&TreeRow> {
        self.rows.get(self.cursor.selected)
    }

    /// Rebuilds the rows; the selected node stays selected when it is
    /// still shown.
    pub fn refresh(&mut self, estate: &Estate) {
        let keep = self.selected().map(|r| r.node.clone());
        let tree = Tree::new(estate);
        let mut rows = Vec::new();
        for r in &tree.regions {
            self.walk(&tree, estate, NodeId::Region(r.clone()), 0, &mut rows);
        }
        self.rows = rows;
        if let Some(node) = keep {
            self.select(&node);
        }
        self.cursor.clamp(self.rows.len());
    }

    fn walk(&self, tree: &Tree, estate: &Estate, node: NodeId, depth: u8, out: &mut Vec<TreeRow>) {
        let children = tree.children(estate, &node);
        let open = self.expanded.contains(&node);
        out.push(TreeRow {
            node,
            depth,
            has_children: !children.is_empty(),
        });
        if open {
            for c in children {
                self.walk(tree, estate, c, depth.saturating_add(1), out);
            }
        }
    }

    /// Selects `node` if it is shown; false otherwise.
    pub fn select(&mut self, node: &NodeId) -> bool {
        match self.rows.iter().position(|r| &r.node == node) {
            Some(i) => {
                self.cursor.selected = i;
                true
            }
            None => false,
        }
    }

    /// Opens or closes the selected node.
    pub fn toggle(&mut self, estate: &Estate) {
        if let Some(row) = self.selected().filter(|r| r.has_children).cloned() {
            if !self.expanded.remove(&row.node) {
                self.expanded.insert(row.node);
            }
            self.refresh(estate);
        }
    }

    /// Opens the selected node (false when it has no children or is open).
    pub fn expand(&mut self, estate: &Estate) -> bool {
        match self.selected().filter(|r| r.has_children).cloned() {
            Some(row) if self.expanded.insert(row.node.clone()) => {
                self.refresh(estate);
                true
            }
            _ => false,
        }
    }

    /// Closes the selected node, or moves to its parent when it is closed.
    pub fn collapse(&mut self, estate: &Estate) {
        let Some(row) = self.selected().cloned() else {
            return;
        };
        if self.expanded.remove(&row.node) {
            self.refresh(estate);
            return;
        }
        let parent = self.rows[..self.cursor.selected]
            .iter()
            .rposition(|r| r.depth < row.depth);
        if let Some(p) = parent {
            self.cursor.selected = p;
        }
    }

    /// Opens (or closes) every node.
    pub fn set_all(&mut self, estate: &Estate, open: bool) {
        self.expanded.clear();
        if open {
            let tree = Tree::new(estate);
            let mut stack: Vec<NodeId> = tree.regions.iter().cloned().map(NodeId::Region).collect();
            while let Some(n) = stack.pop() {
                let children = tree.children(estate, &n);
                if !children.is_empty() {
                    stack.extend(children);
                    self.expanded.insert(n);
                }
            }
        }
        self.refresh(estate);
    }

    /// Shows `node`: opens its ancestors and selects it. False when the
    /// node is not in the tree.
    pub fn reveal(&mut self, estate: &Estate, xref: &Xref, node: &NodeId) -> bool {
        for a in ancestors(estate, xref, node) {
            self.expanded.insert(a);
        }
        self.refresh(estate);
        self.select(node)
    }
}

/// The nodes above `node`, root first.
fn ancestors(estate: &Estate, xref: &Xref, node: &NodeId) -> Vec<NodeId> {
    let vpc_of = |vpc: &str| -> Vec<NodeId> {
        match xref.vpcs.get(vpc).and_then(|i| estate.vpcs.get(*i)) {
            Some(v) => vec![
                NodeId::Region(v.region.clone()),
                NodeId::Vpc(v.vpc_id.clone()),
            ],
            None => Vec::new(),
        }
    };
    let with_group = |vpc: &str, g: Group| {
        let mut a = vpc_of(vpc);
        a.push(NodeId::Group(vpc.to_string(), g));
        a
    };
    match node {
        NodeId::Region(_) => Vec::new(),
        NodeId::Vpc(v) => vpc_of(v).into_iter().take(1).collect(),
        NodeId::Group(v, _) => vpc_of(v),
        NodeId::Subnet(s) => xref
            .subnets
            .get(s)
            .and_then(|i| estate.subnets.get(*i))
            .map(|s| vpc_of(&s.vpc_id))
            .unwrap_or_default(),
        NodeId::Endpoint(e) => xref
            .endpoints
            .get(e)
            .and_then(|i| estate.vpc_endpoints.get(*i))
            .map(|e| with_group(&e.vpc_id, Group::Endpoints))
            .unwrap_or_default(),
        NodeId::SecurityGroup(g) => xref
            .security_groups
            .get(g)
            .and_then(|i| estate.security_groups.get(*i))
            .map(|g| with_group(&g.vpc_id, Group::SecurityGroups))
            .unwrap_or_default(),
        NodeId::Nacl(n) => xref
            .nacls
            .get(n)
            .and_then(|i| estate.network_acls.get(*i))
            .map(|n| with_group(&n.vpc_id, Group::Nacls))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (Estate, Posture, Xref) {
        let e = crate::demo::estate();
        let p = crate::posture::assess(&e, crate::demo::now());
        let x = Xref::build(&e, &p);
        (e, p, x)
    }

    #[test]
    fn isolated_vpcs_start_closed_and_reveal_opens_them() {
        let (e, p, x) = demo();
        let mut v = VpcView::new(&e, &p, &x);
        let vpcs = v
            .rows()
            .iter()
            .filter(|r| matches!(r.node, NodeId::Vpc(_)))
            .count();
        assert_eq!(vpcs, e.vpcs.len());
        let isolated = e
            .vpcs
            .iter()
            .find(|v| v.name() == "Isolated")
            .expect("isolated");
        let subnet = e
            .subnets
            .iter()
            .find(|s| s.vpc_id == isolated.vpc_id)
            .expect("subnet");
        let node = NodeId::Subnet(subnet.subnet_id.clone());
        assert!(!v.rows().iter().any(|r| r.node == node), "closed at first");
        assert!(v.reveal(&e, &x, &node));
        assert_eq!(v.selected().map(|r| &r.node), Some(&node));
        v.collapse(&e);
        assert!(matches!(
            v.selected().map(|r| &r.node),
            Some(NodeId::Vpc(_))
        ));
        v.collapse(&e);
        assert!(!v.rows().iter().any(|r| r.node == node));
        v.set_all(&e, true);
        let all = v.rows().len();
        assert!(all > e.subnets.len() + e.vpcs.len());
        v.set_all(&e, false);
        assert!(v.rows().len() < all);
    }
}
