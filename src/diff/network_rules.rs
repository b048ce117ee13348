//! One-line descriptions of routes, security group rules and NACL entries,
//! so that rule sets can be compared as sets of text.

use crate::model::{NaclEntry, Route, RuleAction, SgRule};

/// `0.0.0.0/0 → igw-1` (with ` (blackhole)` when inactive).
pub(super) fn route(r: &Route) -> String {
    format!(
        "{} → {}{}",
        r.destination,
        r.target.describe(),
        if r.active { "" } else { " (blackhole)" }
    )
}

/// `tcp 22 0.0.0.0/0`, `all traffic sg-1`, `udp 1024-65535 ::/0 (note)`.
pub(super) fn sg_rule(r: &SgRule) -> String {
    let mut s = format!(
        "{} {}",
        protocol(&r.protocol),
        ports(&r.protocol, r.from_port, r.to_port)
    );
    s = s.trim_end().to_string();
    s.push(' ');
    s.push_str(r.peer.describe());
    if let Some(d) = r.description.as_deref().filter(|d| !d.is_empty()) {
        s.push_str(&format!(" ({d})"));
    }
    s
}

/// `#100 allow tcp 22 203.0.113.0/24`.
pub(super) fn nacl_entry(e: &NaclEntry) -> String {
    let action = match e.action {
        RuleAction::Allow => "allow",
        RuleAction::Deny => "deny",
    };
    let cidr = e
        .cidr_block
        .as_deref()
        .or(e.ipv6_cidr_block.as_deref())
        .unwrap_or("?");
    let ports = ports(&e.protocol, e.port_from, e.port_to);
    let text = format!(
        "#{} {action} {} {ports} {cidr}",
        e.rule_number,
        protocol(&e.protocol)
    );
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn protocol(p: &str) -> String {
    match p {
        "-1" | "all" => "all traffic".to_string(),
        "6" => "tcp".to_string(),
        "17" => "udp".to_string(),
        "1" => "icmp".to_string(),
        "58" => "icmpv6".to_string(),
        other => other.to_string(),
    }
}

fn ports(protocol: &str, from: Option<i32>, to: Option<i32>) -> String {
    if matches!(protocol, "-1" | "all") {
        return String::new();
    }
    match (from, to) {
        (Some(f), Some(t)) if f == t => f.to_string(),
        (Some(f), Some(t)) if f <= 0 && t >= 65535 => "all ports".to_string(),
        (Some(f), Some(t)) => format!("{f}-{t}"),
        (Some(f), None) | (None, Some(f)) => f.to_string(),
        (None, None) => "all ports".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RouteTarget, SgPeer};

    #[test]
    fn rules_read_as_one_line() {
        let r = SgRule {
            protocol: "tcp".into(),
            from_port: Some(22),
            to_port: Some(22),
            peer: SgPeer::Ipv4("0.0.0.0/0".into()),
            description: Some("ssh".into()),
        };
        assert_eq!(sg_rule(&r), "tcp 22 0.0.0.0/0 (ssh)");
        let all = SgRule {
            protocol: "-1".into(),
            from_port: None,
            to_port: None,
            peer: SgPeer::SecurityGroup("sg-1".into()),
            description: None,
        };
        assert_eq!(sg_rule(&all), "all traffic sg-1");
        let e = NaclEntry {
            rule_number: 100,
            egress: false,
            protocol: "6".into(),
            action: RuleAction::Allow,
            cidr_block: Some("203.0.113.0/24".into()),
            ipv6_cidr_block: None,
            port_from: Some(1024),
            port_to: Some(65535),
        };
        assert_eq!(nacl_entry(&e), "#100 allow tcp 1024-65535 203.0.113.0/24");
        let r = Route {
            destination: "0.0.0.0/0".into(),
            target: RouteTarget::InternetGateway("igw-1".into()),
            active: false,
        };
        assert_eq!(route(&r), "0.0.0.0/0 → igw-1 (blackhole)");
    }
}
