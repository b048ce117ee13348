//! Ingress open to the whole internet: security group rules (EC2.13,
//! EC2.14, EC2.18, EC2.19, EC2.53, EC2.54), default security groups with
//! rules (EC2.2) and network ACL entries (EC2.21, default NACL skipped).

use crate::model::{NetworkAcl, RuleAction, SecurityGroup, SgPeer, SgRule};
use serde::Serialize;

/// EC2.19's fixed high-risk ports.
pub const HIGH_RISK_PORTS: [u16; 24] = [
    20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500,
    5601, 8080, 8088, 8888, 9200, 9300,
];
/// Remote administration ports (EC2.13/14/21/53/54).
pub const ADMIN_PORTS: [u16; 2] = [22, 3389];
/// EC2.18's default authorised TCP ports.
pub const AUTHORIZED_TCP_PORTS: [u16; 2] = [80, 443];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proto {
    All,
    Tcp,
    Udp,
}

fn proto(p: &str) -> Option<Proto> {
    match p.trim().to_ascii_lowercase().as_str() {
        "-1" | "all" => Some(Proto::All),
        "tcp" | "6" => Some(Proto::Tcp),
        "udp" | "17" => Some(Proto::Udp),
        _ => None,
    }
}

/// The inclusive port range a rule covers.
fn range(p: Proto, from: Option<i32>, to: Option<i32>) -> (u16, u16) {
    if p == Proto::All {
        return (0, 65535);
    }
    let clamp = |v: i32| u16::try_from(v.clamp(0, 65535)).unwrap_or(0);
    match (from, to) {
        (Some(f), Some(t)) if f >= 0 && t >= 0 => (clamp(f.min(t)), clamp(f.max(t))),
        (Some(f), None) if f >= 0 => (clamp(f), clamp(f)),
        _ => (0, 65535),
    }
}

fn ports_text(p: Proto, (lo, hi): (u16, u16)) -> String {
    match (p, lo, hi) {
        (Proto::All, _, _) => "all".to_string(),
        (_, lo, hi) if lo == hi => lo.to_string(),
        (_, lo, hi) => format!("{lo}-{hi}"),
    }
}

fn proto_text(p: Proto) -> &'static str {
    match p {
        Proto::All => "all",
        Proto::Tcp => "tcp",
        Proto::Udp => "udp",
    }
}

/// One security group rule open to 0.0.0.0/0 or ::/0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SgExposure {
    pub group_id: String,
    pub group_name: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub protocol: &'static str,
    pub ports: String,
    pub source: String,
    pub ipv6: bool,
    /// EC2.19 ports the rule opens.
    pub high_risk_ports: Vec<u16>,
    /// 22 / 3389 if the rule opens them.
    pub admin_ports: Vec<u16>,
    /// The Security Hub controls this rule fails.
    pub controls: Vec<&'static str>,
}

/// A default security group that still has rules (EC2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefaultGroupRules {
    pub group_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub ingress_rules: usize,
    pub egress_rules: usize,
}

/// A network ACL entry allowing the internet to 22 or 3389 (EC2.21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NaclExposure {
    pub network_acl_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub rule_number: i32,
    pub protocol: &'static str,
    pub ports: String,
    pub source: String,
    pub admin_ports: Vec<u16>,
}

fn world(peer: &SgPeer) -> Option<(bool, &str)> {
    match peer {
        SgPeer::Ipv4(c) if c.trim() == "0.0.0.0/0" => Some((false, c)),
        SgPeer::Ipv6(c) if c.trim() == "::/0" => Some((true, c)),
        _ => None,
    }
}

fn exposure(sg: &SecurityGroup, r: &SgRule) -> Option<SgExposure> {
    let (ipv6, source) = world(&r.peer)?;
    let p = proto(&r.protocol)?;
    let (lo, hi) = range(p, r.from_port, r.to_port);
    let within = |port: &u16| (lo..=hi).contains(port);
    let high_risk_ports: Vec<u16> = HIGH_RISK_PORTS.iter().copied().filter(within).collect();
    let admin_ports: Vec<u16> = ADMIN_PORTS.iter().copied().filter(within).collect();
    let tcp_like = matches!(p, Proto::Tcp | Proto::All);
    let unauthorized = match p {
        Proto::All | Proto::Udp => true,
        Proto::Tcp => !(lo == hi && AUTHORIZED_TCP_PORTS.contains(&lo)),
    };
    let mut controls = Vec::new();
    if tcp_like && within(&22) {
        controls.push("EC2.13");
    }
    if tcp_like && within(&3389) {
        controls.push("EC2.14");
    }
    if unauthorized {
        controls.push("EC2.18");
    }
    if !high_risk_ports.is_empty() {
        controls.push("EC2.19");
    }
    if !admin_ports.is_empty() {
        controls.push(if ipv6 { "EC2.54" } else { "EC2.53" });
    }
    Some(SgExposure {
        group_id: sg.group_id.clone(),
        group_name: sg.group_name.clone(),
        vpc_id: sg.vpc_id.clone(),
        account_id: sg.account_id.clone(),
        region: sg.region.clone(),
        protocol: proto_text(p),
        ports: ports_text(p, (lo, hi)),
        source: source.to_string(),
        ipv6,
        high_risk_ports,
        admin_ports,
        controls,
    })
}

/// Every ingress rule of `sg` open to the internet.
pub(crate) fn sg_exposures(sg: &SecurityGroup) -> Vec<SgExposure> {
    sg.ingress.iter().filter_map(|r| exposure(sg, r)).collect()
}

/// EC2.2: the default group must have no rules at all.
pub(crate) fn default_group_rules(sg: &SecurityGroup) -> Option<DefaultGroupRules> {
    (sg.is_default() && !(sg.ingress.is_empty() && sg.egress.is_empty())).then(|| {
        DefaultGroupRules {
            group_id: sg.group_id.clone(),
            vpc_id: sg.vpc_id.clone(),
            account_id: sg.account_id.clone(),
            region: sg.region.clone(),
            ingress_rules: sg.ingress.len(),
            egress_rules: sg.egress.len(),
        }
    })
}

/// EC2.21: inbound allow entries from 0.0.0.0/0 or ::/0 reaching TCP 22 or
/// 3389. The default NACL is not evaluated, as the control does not.
pub(crate) fn nacl_exposures(nacl: &NetworkAcl) -> Vec<NaclExposure> {
    if nacl.is_default {
        return Vec::new();
    }
    nacl.entries
        .iter()
        .filter(|e| !e.egress && e.action == RuleAction::Allow)
        .filter_map(|e| {
            let source = match (e.cidr_block.as_deref(), e.ipv6_cidr_block.as_deref()) {
                (Some(c), _) if c.trim() == "0.0.0.0/0" => c,
                (_, Some(c)) if c.trim() == "::/0" => c,
                _ => return None,
            };
            let p = proto(&e.protocol).filter(|p| *p != Proto::Udp)?;
            let (lo, hi) = range(p, e.port_from, e.port_to);
            let admin_ports: Vec<u16> = ADMIN_PORTS
                .iter()
                .copied()
                .filter(|x| (lo..=hi).contains(x))
                .collect();
            (!admin_ports.is_empty()).then(|| NaclExposure {
                network_acl_id: nacl.network_acl_id.clone(),
                vpc_id: nacl.vpc_id.clone(),
                account_id: nacl.account_id.clone(),
                region: nacl.region.clone(),
                rule_number: e.rule_number,
                protocol: proto_text(p),
                ports: ports_text(p, (lo, hi)),
                source: source.to_string(),
                admin_ports,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NaclEntry;
    use crate::posture::fixtures::{rule, sg};

    fn controls(r: SgRule) -> Vec<&'static str> {
        sg_exposures(&sg("sg-1", "vpc-1", vec![r]))
            .first()
            .map(|e| e.controls.clone())
            .unwrap_or_default()
    }

    fn v4() -> SgPeer {
        SgPeer::Ipv4("0.0.0.0/0".into())
    }

    fn v6() -> SgPeer {
        SgPeer::Ipv6("::/0".into())
    }

    #[test]
    fn ssh_from_anywhere_fails_the_ssh_controls() {
        assert_eq!(
            controls(rule("tcp", Some(22), Some(22), v4())),
            ["EC2.13", "EC2.18", "EC2.19", "EC2.53"]
        );
    }

    #[test]
    fn rdp_from_ipv6_anywhere_is_exposed() {
        assert_eq!(
            controls(rule("tcp", Some(3389), Some(3389), v6())),
            ["EC2.14", "EC2.18", "EC2.19", "EC2.54"]
        );
    }

    #[test]
    fn https_alone_is_authorised_and_ranges_or_all_traffic_are_not() {
        assert!(controls(rule("tcp", Some(443), Some(443), v4())).is_empty());
        assert!(controls(rule("tcp", Some(80), Some(80), v6())).is_empty());
        assert_eq!(
            controls(rule("tcp", Some(8443), Some(8443), v4())),
            ["EC2.18"]
        );
        let range = controls(rule("tcp", Some(0), Some(1024), v4()));
        assert_eq!(range, ["EC2.13", "EC2.18", "EC2.19", "EC2.53"]);
        let all = controls(rule("-1", None, None, v4()));
        assert_eq!(all, ["EC2.13", "EC2.14", "EC2.18", "EC2.19", "EC2.53"]);
        let e = sg_exposures(&sg("sg-1", "vpc-1", vec![rule("-1", None, None, v4())]));
        assert_eq!(e[0].high_risk_ports.len(), HIGH_RISK_PORTS.len());
        assert_eq!(e[0].ports, "all");
    }

    #[test]
    fn restricted_sources_and_icmp_are_not_exposures() {
        assert!(
            controls(rule(
                "tcp",
                Some(22),
                Some(22),
                SgPeer::Ipv4("10.0.0.0/8".into())
            ))
            .is_empty()
        );
        assert!(
            controls(rule(
                "tcp",
                Some(22),
                Some(22),
                SgPeer::SecurityGroup("sg-2".into())
            ))
            .is_empty()
        );
        assert!(controls(rule("icmp", Some(-1), Some(-1), v4())).is_empty());
        assert_eq!(
            controls(rule("udp", Some(3389), Some(3389), v4())),
            ["EC2.18", "EC2.19", "EC2.53"]
        );
    }

    #[test]
    fn default_groups_with_any_rule_fail_ec2_2() {
        let mut g = sg("sg-d", "vpc-1", vec![]);
        g.group_name = "default".into();
        assert!(default_group_rules(&g).is_none());
        g.egress.push(rule("-1", None, None, v4()));
        assert_eq!(default_group_rules(&g).map(|d| d.egress_rules), Some(1));
        let other = sg("sg-x", "vpc-1", vec![rule("tcp", Some(22), Some(22), v4())]);
        assert!(default_group_rules(&other).is_none());
    }

    fn nacl(default: bool, entries: Vec<NaclEntry>) -> NetworkAcl {
        NetworkAcl {
            network_acl_id: "acl-1".into(),
            vpc_id: "vpc-1".into(),
            account_id: crate::posture::fixtures::ACCOUNT.into(),
            region: crate::posture::fixtures::REGION.into(),
            is_default: default,
            entries,
            subnet_ids: vec![],
            tags: Default::default(),
        }
    }

    fn entry(
        n: i32,
        proto: &str,
        cidr: Option<&str>,
        v6: Option<&str>,
        ports: Option<(i32, i32)>,
    ) -> NaclEntry {
        NaclEntry {
            rule_number: n,
            egress: false,
            protocol: proto.into(),
            action: RuleAction::Allow,
            cidr_block: cidr.map(str::to_string),
            ipv6_cidr_block: v6.map(str::to_string),
            port_from: ports.map(|p| p.0),
            port_to: ports.map(|p| p.1),
        }
    }

    #[test]
    fn nacl_entries_open_to_admin_ports_are_found_and_default_nacls_skipped() {
        let entries = vec![
            entry(100, "6", Some("0.0.0.0/0"), None, Some((22, 22))),
            entry(110, "-1", None, Some("::/0"), None),
            entry(120, "6", Some("10.0.0.0/8"), None, Some((3389, 3389))),
            entry(130, "6", Some("0.0.0.0/0"), None, Some((443, 443))),
        ];
        let found = nacl_exposures(&nacl(false, entries.clone()));
        assert_eq!(
            found.iter().map(|e| e.rule_number).collect::<Vec<_>>(),
            [100, 110]
        );
        assert_eq!(found[1].admin_ports, [22, 3389]);
        assert!(nacl_exposures(&nacl(true, entries)).is_empty());
    }
}
