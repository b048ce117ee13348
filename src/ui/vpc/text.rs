//! The text of one tree node, as styled pieces.

use super::super::status;
use super::super::theme::Role;
use crate::app::App;
use crate::app::xref::{Group, NodeId};
use crate::posture::network::{FlowLogState, Reachability};

type Spans = Vec<(String, Role)>;

/// `s` sanitised and padded (or cut) to exactly `w` columns plus a space,
/// so rows of the same kind line up.
fn col(s: &str, w: usize) -> String {
    let mut t = crate::text::pad_to_width(&crate::text::sanitize_line(s, w), w);
    t.push(' ');
    t
}

fn sep(out: &mut Spans) {
    out.push((" · ".to_string(), Role::Dim));
}

/// The pieces of a node's row; `narrow` trims them for small screens.
pub fn node_spans(app: &App, node: &NodeId, narrow: bool) -> Spans {
    let (e, x, n) = (&app.estate, &app.xref, &app.posture.network);
    let mut out: Spans = Vec::new();
    match node {
        NodeId::Region(r) => {
            let count = e.vpcs.iter().filter(|v| &v.region == r).count();
            out.push((r.clone(), Role::Heading));
            out.push((format!(" · {count} VPC{}", plural(count)), Role::Dim));
        }
        NodeId::Vpc(id) => {
            let Some(v) = x.vpcs.get(id).and_then(|i| e.vpcs.get(*i)) else {
                return vec![(id.clone(), Role::Text)];
            };
            out.push((format!("{} ", v.name()), Role::Title));
            out.push((format!("{} ", v.vpc_id), Role::Dim));
            out.push((v.cidr_blocks.join(","), Role::Text));
            if v.is_default {
                out.push((" (default)".into(), Role::Dim));
            }
            let report = x.vpc_reports.get(id).and_then(|i| n.vpcs.get(*i));
            let class = report.map(|r| r.class).unwrap_or(Reachability::NotAssessed);
            sep(&mut out);
            let (word, role) = status::reach(class);
            out.push((word.to_string(), role));
            sep(&mut out);
            let (flow, role) = match report.map(|r| &r.flow_logs) {
                Some(FlowLogState::Enabled { .. }) => ("flow logs ✓", Role::StatusPassed),
                Some(FlowLogState::Missing { .. }) => ("flow logs ✗ missing", Role::StatusFailed),
                _ => ("flow logs – not assessed", Role::StatusNotAssessed),
            };
            out.push((flow.to_string(), role));
            let subnets = report.map(|r| r.subnet_count).unwrap_or(0);
            out.push((format!(" · {subnets} subnet{}", plural(subnets)), Role::Dim));
        }
        NodeId::Subnet(id) => {
            let Some(s) = x.subnets.get(id).and_then(|i| e.subnets.get(*i)) else {
                return vec![(id.clone(), Role::Text)];
            };
            let az = if narrow {
                s.availability_zone
                    .strip_prefix(s.region.as_str())
                    .unwrap_or(&s.availability_zone)
            } else {
                &s.availability_zone
            };
            let (name_w, az_w) = if narrow { (18, 2) } else { (22, 11) };
            out.push((col(s.name(), name_w), Role::Text));
            out.push((col(&s.cidr_block, 15), Role::Text));
            out.push((col(az, az_w), Role::Label));
            let report = x.subnet_reports.get(id).and_then(|i| n.subnets.get(*i));
            match report {
                Some(r) => {
                    let role = status::reach(r.class).1;
                    let glyph = status::reach(r.class).0.split(' ').next().unwrap_or("");
                    let text = if narrow {
                        status::reach_short(r.class, &r.paths)
                    } else {
                        status::reach_text(r.class, &r.paths, false)
                    };
                    out.push((format!("{glyph} {text}"), role));
                    if let Some(rt) = r.route_table_id.as_ref().filter(|_| !narrow) {
                        let main = if r.via_main_table { " (main)" } else { "" };
                        out.push((format!(" · {rt}{main}"), Role::Dim));
                    }
                }
                None => out.push(("– not assessed".into(), Role::StatusNotAssessed)),
            }
        }
        NodeId::Group(vpc, g) => group_spans(app, vpc, *g, &mut out),
        NodeId::Endpoint(id) => {
            let Some(ep) = x.endpoints.get(id).and_then(|i| e.vpc_endpoints.get(*i)) else {
                return vec![(id.clone(), Role::Text)];
            };
            out.push((ep.short_service().to_string(), Role::Text));
            out.push((format!(" {} ", ep.vpc_endpoint_id), Role::Dim));
            out.push((
                format!("{:?} · {}", ep.endpoint_type, ep.state),
                Role::Label,
            ));
            let open = n
                .vpcs
                .iter()
                .any(|v| v.open_endpoint_policies.iter().any(|o| o == id));
            if open {
                out.push((" · ! policy allows everything".into(), Role::StatusWarning));
            }
        }
        NodeId::SecurityGroup(id) => {
            let Some(g) = x
                .security_groups
                .get(id)
                .and_then(|i| e.security_groups.get(*i))
            else {
                return vec![(id.clone(), Role::Text)];
            };
            out.push((g.group_name.clone(), Role::Text));
            out.push((format!(" {}", g.group_id), Role::Dim));
            let open: Vec<String> = n
                .security_groups
                .exposures
                .iter()
                .filter(|x| &x.group_id == id)
                .map(|x| format!("{} {} from {}", x.protocol, x.ports, x.source))
                .collect();
            sep(&mut out);
            if open.is_empty() {
                out.push((
                    format!("{} in / {} out rules", g.ingress.len(), g.egress.len()),
                    Role::Dim,
                ));
            } else {
                out.push((
                    format!("▲ open to the internet: {}", open.join(", ")),
                    Role::StatusFailed,
                ));
            }
        }
        NodeId::Nacl(id) => {
            let Some(a) = x.nacls.get(id).and_then(|i| e.network_acls.get(*i)) else {
                return vec![(id.clone(), Role::Text)];
            };
            out.push((a.network_acl_id.clone(), Role::Text));
            if a.is_default {
                out.push((" (default)".into(), Role::Dim));
            }
            out.push((
                format!(
                    " · {} subnet{} · {} entries",
                    a.subnet_ids.len(),
                    plural(a.subnet_ids.len()),
                    a.entries.len()
                ),
                Role::Dim,
            ));
            let open: Vec<String> = n
                .network_acls
                .exposures
                .iter()
                .filter(|x| &x.network_acl_id == id)
                .map(|x| format!("rule {} {} {}", x.rule_number, x.protocol, x.ports))
                .collect();
            if !open.is_empty() {
                out.push((
                    format!(" · ▲ admin ports from the internet: {}", open.join(", ")),
                    Role::StatusFailed,
                ));
            }
        }
    }
    out
}

fn group_spans(app: &App, vpc: &str, g: Group, out: &mut Spans) {
    let e = &app.estate;
    let n = &app.posture.network;
    match g {
        Group::Endpoints => {
            let count = e.vpc_endpoints.iter().filter(|x| x.vpc_id == vpc).count();
            out.push((format!("Endpoints ({count})"), Role::Label));
        }
        Group::SecurityGroups => {
            let count = e.security_groups.iter().filter(|x| x.vpc_id == vpc).count();
            let mut open: Vec<&str> = n
                .security_groups
                .exposures
                .iter()
                .filter(|x| x.vpc_id == vpc)
                .map(|x| x.group_id.as_str())
                .collect();
            open.sort_unstable();
            open.dedup();
            out.push((format!("Security groups ({count})"), Role::Label));
            if !open.is_empty() {
                out.push((
                    format!(" · ▲ {} open to the internet", open.len()),
                    Role::StatusFailed,
                ));
            }
        }
        Group::Nacls => {
            let count = e.network_acls.iter().filter(|x| x.vpc_id == vpc).count();
            out.push((format!("Network ACLs ({count})"), Role::Label));
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
