//! Layout of the KMS, network and alarm sections.

use super::doc::{Block, Cell, dataset_table, finding_table, list, t};
use super::model::Report;
use super::model_inventory::AlarmRow;
use super::time;

pub fn kms(r: &Report, d: &mut Vec<Block>) {
    let k = &r.kms;
    let s = &k.summary;
    d.push(Block::Heading(2, "KMS".into()));
    d.push(Block::Para(format!("KMS analysis {}.", k.coverage)));
    let n = |label: &str, v: usize| vec![t(label), t(v.to_string())];
    d.push(Block::Table {
        headers: vec!["Keys", ""],
        rows: vec![
            n("Total", s.total),
            n("Customer managed", s.customer_managed),
            n("AWS managed", s.aws_managed),
            n("Rotation on", s.rotation_enabled),
            n("Rotation off", s.rotation_disabled),
            n("Rotation not read", s.rotation_not_assessed),
            n("Rotation not applicable", s.rotation_not_applicable),
            n("Pending deletion", s.pending_deletion),
            n("Public policy", s.public),
            n("Open through a service, no account pinned", s.service_only),
            n("Shared with other accounts", s.cross_account),
            n("Policy not read", s.policy_not_read),
            n("Purpose drift", s.purpose_drift),
        ],
    });
    d.push(Block::Heading(
        3,
        format!("Keys needing attention: {}", k.keys_with_issues.len()),
    ));
    if !k.keys_with_issues.is_empty() {
        d.push(Block::Table {
            headers: vec!["Key", "Name", "State", "Account", "Region", "Issues"],
            rows: k
                .keys_with_issues
                .iter()
                .map(|x| {
                    vec![
                        Cell::Code(x.key_id.clone()),
                        t(&x.name),
                        t(&x.state),
                        t(&x.account_id),
                        t(&x.region),
                        t(x.issues.join("; ")),
                    ]
                })
                .collect(),
        });
    }
    d.push(Block::Heading(3, "Open KMS findings and checks".into()));
    finding_table(&k.findings, d);
}

pub fn network(r: &Report, d: &mut Vec<Block>) {
    let n = &r.network;
    d.push(Block::Heading(2, "Network".into()));
    dataset_table(&n.inventory, d);
    d.push(Block::Para(format!(
        "Reachability analysis {}.",
        n.coverage
    )));
    if !n.vpcs.is_empty() {
        d.push(Block::Table {
            headers: vec![
                "VPC",
                "Name",
                "Account",
                "Region",
                "Reachability",
                "Subnets",
                "Internet gateway",
                "Flow logs",
            ],
            rows: n
                .vpcs
                .iter()
                .map(|v| {
                    vec![
                        Cell::Code(v.vpc_id.clone()),
                        t(&v.name),
                        t(&v.account_id),
                        t(&v.region),
                        t(&v.reachability),
                        t(v.subnets.to_string()),
                        t(match v.internet_gateway {
                            Some(true) => "attached",
                            Some(false) => "none",
                            None => "not read",
                        }),
                        t(&v.flow_logs),
                    ]
                })
                .collect(),
        });
    }
    d.push(Block::Heading(
        3,
        format!(
            "Security group rules open to the internet: {}",
            n.sg_exposures.len()
        ),
    ));
    if !n.sg_exposures.is_empty() {
        d.push(Block::Table {
            headers: vec![
                "Group",
                "Name",
                "Rule",
                "Source",
                "Admin ports",
                "Controls",
                "Account",
                "Region",
            ],
            rows: n
                .sg_exposures
                .iter()
                .map(|x| {
                    vec![
                        Cell::Code(x.group_id.clone()),
                        t(&x.group_name),
                        t(format!("{} {}", x.protocol, x.ports)),
                        t(&x.source),
                        t(ports(&x.admin_ports)),
                        t(x.controls.join(", ")),
                        t(&x.account_id),
                        t(&x.region),
                    ]
                })
                .collect(),
        });
    }
    d.push(Block::Heading(
        3,
        format!(
            "Network ACL entries admitting the internet to admin ports: {}",
            n.nacl_exposures.len()
        ),
    ));
    if !n.nacl_exposures.is_empty() {
        d.push(Block::Table {
            headers: vec![
                "Network ACL",
                "Rule",
                "Entry",
                "Source",
                "Admin ports",
                "Account",
                "Region",
            ],
            rows: n
                .nacl_exposures
                .iter()
                .map(|x| {
                    vec![
                        Cell::Code(x.network_acl_id.clone()),
                        t(x.rule_number.to_string()),
                        t(format!("{} {}", x.protocol, x.ports)),
                        t(&x.source),
                        t(ports(&x.admin_ports)),
                        t(&x.account_id),
                        t(&x.region),
                    ]
                })
                .collect(),
        });
    }
    if !n.default_groups_with_rules.is_empty() {
        let groups: Vec<String> = n
            .default_groups_with_rules
            .iter()
            .map(|g| g.group_id.clone())
            .collect();
        d.push(Block::Para(format!(
            "Default security groups with rules: {}.",
            list(&groups)
        )));
    }
    if !n.cidr_overlaps.is_empty() {
        let pairs: Vec<String> = n
            .cidr_overlaps
            .iter()
            .map(|o| format!("{} {} / {} {}", o.vpc_a, o.cidr_a, o.vpc_b, o.cidr_b))
            .collect();
        d.push(Block::Para(format!(
            "Overlapping VPC CIDRs: {}.",
            pairs.join("; ")
        )));
    }
    d.push(Block::Heading(3, "Open network findings and checks".into()));
    finding_table(&n.findings, d);
}

fn ports(p: &[u16]) -> String {
    if p.is_empty() {
        "—".to_string()
    } else {
        p.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
    }
}

pub fn alarms(r: &Report, d: &mut Vec<Block>) {
    let a = &r.alarms;
    d.push(Block::Heading(2, "Alarms".into()));
    match &a.by_state {
        Some(by_state) => d.push(Block::Table {
            headers: vec!["State", "Alarms"],
            rows: by_state
                .iter()
                .map(|(s, n)| vec![t(*s), t(n.to_string())])
                .collect(),
        }),
        None => d.push(Block::Para(format!("Alarms not read: {}.", a.coverage))),
    }
    alarm_list("Not OK", &a.not_ok, d);
    alarm_list("Without actions", &a.without_actions, d);
    alarm_list("Stuck in INSUFFICIENT_DATA", &a.stuck_insufficient_data, d);
    d.push(Block::Heading(3, "CIS CloudWatch alarms".into()));
    d.push(Block::Table {
        headers: vec![
            "Control",
            "Alarm for",
            "State",
            "Alarms",
            "Missing in accounts",
        ],
        rows: a
            .cis
            .iter()
            .map(|c| {
                vec![
                    Cell::Code(c.control_id.clone()),
                    t(&c.name),
                    t(c.state.unwrap_or("missing")),
                    t(if c.alarms.is_empty() {
                        "—".to_string()
                    } else {
                        c.alarms.join(", ")
                    }),
                    t(if c.missing_in_accounts.is_empty() {
                        "—".to_string()
                    } else {
                        c.missing_in_accounts.join(", ")
                    }),
                ]
            })
            .collect(),
    });
    if !a.cis_accounts_not_read.is_empty() {
        d.push(Block::Para(format!(
            "Alarms not fully read in {}: nothing is called missing there.",
            list(&a.cis_accounts_not_read)
        )));
    }
}

fn alarm_list(title: &str, alarms: &[AlarmRow], d: &mut Vec<Block>) {
    d.push(Block::Heading(3, format!("{title}: {}", alarms.len())));
    if alarms.is_empty() {
        return;
    }
    d.push(Block::Table {
        headers: vec![
            "Alarm", "State", "Since", "Actions", "Account", "Region", "Reason",
        ],
        rows: alarms
            .iter()
            .map(|a| {
                vec![
                    t(&a.name),
                    t(a.state),
                    t(a.since.map(time).unwrap_or_default()),
                    t(if a.actions { "on" } else { "off" }),
                    t(&a.account_id),
                    t(&a.region),
                    t(&a.reason),
                ]
            })
            .collect(),
    });
}
