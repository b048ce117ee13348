//! The panel beside the tree. For a subnet, the path out of it: route
//! table -> where 0.0.0.0/0 goes -> network ACL -> security groups. For
//! other nodes, what the tree row has no room for.

use super::super::draw::put;
use super::super::status;
use super::super::theme::{Role, Theme};
use super::super::widgets::section_title;
use crate::app::App;
use crate::app::xref::NodeId;
use crate::model::{RouteTarget, RuleAction};
use crate::posture::network::FlowLogState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

type Lines = Vec<(String, Role)>;

pub fn render(area: Rect, buf: &mut Buffer, app: &App, node: &NodeId, theme: &Theme) {
    if area.height == 0 || area.width < 10 {
        return;
    }
    let (title, lines) = match node {
        NodeId::Subnet(id) => (format!("Path out of {id}"), subnet_path(app, id)),
        NodeId::Vpc(id) => (format!("VPC {id}"), vpc_lines(app, id)),
        NodeId::SecurityGroup(id) => (format!("Security group {id}"), sg_lines(app, id)),
        NodeId::Nacl(id) => (format!("Network ACL {id}"), nacl_lines(app, id)),
        _ => return,
    };
    section_title(buf, area, &title, false, theme);
    for (i, (text, role)) in lines.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        put(buf, area.x, y, text, area.width, theme.style(*role));
    }
}

fn subnet_path(app: &App, id: &str) -> Lines {
    let (e, x, n) = (&app.estate, &app.xref, &app.posture.network);
    let mut out: Lines = Vec::new();
    let report = x.subnet_reports.get(id).and_then(|i| n.subnets.get(*i));
    let Some(r) = report else {
        return vec![(
            "not assessed: subnets or route tables not read".into(),
            Role::StatusNotAssessed,
        )];
    };
    let (word, role) = status::reach(r.class);
    let glyph = word.split(' ').next().unwrap_or("");
    let class = status::reach_text(r.class, &r.paths, true);
    out.push((format!("Class: {glyph} {class}"), role));
    out.push((String::new(), Role::Text));
    match &r.route_table_id {
        Some(rt) => {
            let how = if r.via_main_table {
                "the VPC's main table"
            } else {
                "explicit association"
            };
            out.push((format!("1 Route table  {rt} ({how})"), Role::Title));
            if let Some(t) = x.route_tables.get(rt).and_then(|i| e.route_tables.get(*i)) {
                for route in &t.routes {
                    let default = matches!(route.destination.as_str(), "0.0.0.0/0" | "::/0");
                    let target = match &route.target {
                        RouteTarget::Local => "local".to_string(),
                        other => other.describe(),
                    };
                    let state = if route.active { "" } else { " (blackhole)" };
                    let role = if default { Role::Accent } else { Role::Dim };
                    out.push((format!("    {} → {target}{state}", route.destination), role));
                }
            }
        }
        None => out.push((
            "1 Route table  none applies".into(),
            Role::StatusNotAssessed,
        )),
    }
    let default = r.paths.iter().find(|p| p.default_route);
    let text = match default {
        Some(p) => format!("2 0.0.0.0/0 → {} {}", status::path_kind(p.kind), p.target),
        None => "2 0.0.0.0/0 → nowhere: no default route".to_string(),
    };
    out.push((text, role));
    match x.subnet_nacl.get(id).and_then(|i| e.network_acls.get(*i)) {
        Some(acl) => {
            let kind = if acl.is_default {
                " (default: allows all)"
            } else {
                ""
            };
            out.push((
                format!("3 Network ACL  {}{kind}", acl.network_acl_id),
                Role::Title,
            ));
            for ex in n
                .network_acls
                .exposures
                .iter()
                .filter(|x| x.network_acl_id == acl.network_acl_id)
            {
                out.push((
                    format!(
                        "    ▲ rule {} allows {} {} from {}",
                        ex.rule_number, ex.protocol, ex.ports, ex.source
                    ),
                    Role::StatusFailed,
                ));
            }
        }
        None => out.push((
            "3 Network ACL  not known (NACLs not read)".into(),
            Role::StatusNotAssessed,
        )),
    }
    out.push((
        "4 Security groups of the VPC (instance attachments are not read):".into(),
        Role::Title,
    ));
    let groups: Vec<_> = e
        .security_groups
        .iter()
        .filter(|g| g.vpc_id == r.vpc_id)
        .collect();
    for g in groups {
        let open: Vec<String> = n
            .security_groups
            .exposures
            .iter()
            .filter(|x| x.group_id == g.group_id)
            .map(|x| format!("{} {} from {}", x.protocol, x.ports, x.source))
            .collect();
        if open.is_empty() {
            out.push((format!("    {} {}", g.group_id, g.group_name), Role::Dim));
        } else {
            out.push((
                format!("    ▲ {} {}: {}", g.group_id, g.group_name, open.join(", ")),
                Role::StatusFailed,
            ));
        }
    }
    out
}

fn vpc_lines(app: &App, id: &str) -> Lines {
    let (x, n) = (&app.xref, &app.posture.network);
    let Some(r) = x.vpc_reports.get(id).and_then(|i| n.vpcs.get(*i)) else {
        return vec![("not assessed".into(), Role::StatusNotAssessed)];
    };
    let (word, role) = status::reach(r.class);
    let mut out: Lines = vec![
        (
            format!(
                "{} · {} · account {} · {}",
                r.name, word, r.account_id, r.region
            ),
            role,
        ),
        (format!("CIDR {}", r.cidr_blocks.join(", ")), Role::Text),
    ];
    let igw = match r.internet_gateway_attached {
        Some(true) => "internet gateway attached",
        Some(false) => "no internet gateway",
        None => "internet gateways not read",
    };
    out.push((igw.to_string(), Role::Text));
    let flow = match &r.flow_logs {
        FlowLogState::Enabled { flow_log_ids } => (
            format!("flow logs: {}", flow_log_ids.join(", ")),
            Role::StatusPassed,
        ),
        FlowLogState::Missing { accept_only } if accept_only.is_empty() => (
            "flow logs: none (EC2.6 fails)".to_string(),
            Role::StatusFailed,
        ),
        FlowLogState::Missing { accept_only } => (
            format!(
                "flow logs: accepted traffic only ({})",
                accept_only.join(", ")
            ),
            Role::StatusFailed,
        ),
        FlowLogState::NotAssessed => (
            "flow logs: not assessed".to_string(),
            Role::StatusNotAssessed,
        ),
    };
    out.push(flow);
    if let Some(eps) = &r.interface_endpoints {
        let names: Vec<&str> = eps.keys().map(String::as_str).collect();
        out.push((
            format!(
                "interface endpoints: {}",
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ),
            Role::Text,
        ));
    }
    if !r.open_endpoint_policies.is_empty() {
        out.push((
            format!(
                "endpoints whose policy allows everything: {}",
                r.open_endpoint_policies.join(", ")
            ),
            Role::StatusWarning,
        ));
    }
    for o in n
        .cidr_overlaps
        .iter()
        .filter(|o| o.vpc_a == id || o.vpc_b == id)
    {
        out.push((
            format!(
                "! CIDR overlap: {} {} with {} {}",
                o.vpc_a, o.cidr_a, o.vpc_b, o.cidr_b
            ),
            Role::StatusWarning,
        ));
    }
    out
}

fn sg_lines(app: &App, id: &str) -> Lines {
    let e = &app.estate;
    let Some(g) = app
        .xref
        .security_groups
        .get(id)
        .and_then(|i| e.security_groups.get(*i))
    else {
        return Vec::new();
    };
    let mut out: Lines = vec![(format!("{} · {}", g.group_name, g.description), Role::Text)];
    for (dir, rules) in [("in ", &g.ingress), ("out", &g.egress)] {
        for r in rules {
            let ports = match (r.from_port, r.to_port) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a}-{b}"),
                _ => "all".to_string(),
            };
            let world = matches!(r.peer.describe(), "0.0.0.0/0" | "::/0");
            let role = if world && dir == "in " {
                Role::StatusFailed
            } else {
                Role::Dim
            };
            out.push((
                format!("{dir} {} {ports} {}", r.protocol, r.peer.describe()),
                role,
            ));
        }
    }
    out
}

fn nacl_lines(app: &App, id: &str) -> Lines {
    let e = &app.estate;
    let Some(a) = app.xref.nacls.get(id).and_then(|i| e.network_acls.get(*i)) else {
        return Vec::new();
    };
    let mut out: Lines = vec![(format!("subnets: {}", a.subnet_ids.join(", ")), Role::Text)];
    let mut entries: Vec<_> = a.entries.iter().collect();
    entries.sort_by_key(|x| (x.egress, x.rule_number));
    for x in entries {
        let action = match x.action {
            RuleAction::Allow => "allow",
            RuleAction::Deny => "deny",
        };
        let cidr = x
            .cidr_block
            .as_deref()
            .or(x.ipv6_cidr_block.as_deref())
            .unwrap_or("-");
        let ports = match (x.port_from, x.port_to) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}-{b}"),
            _ => "all".to_string(),
        };
        let dir = if x.egress { "out" } else { "in " };
        out.push((
            format!(
                "{dir} #{} {action} {} {ports} {cidr}",
                x.rule_number, x.protocol
            ),
            Role::Dim,
        ));
    }
    out
}
