//! What Security Hub evaluated: one [`Check`] per control and resource.
//! Resource checks are derived from the estate itself (keys, security
//! groups, VPCs and flow logs, network ACLs, the CIS alarms), so every
//! FAILED finding matches a flaw visible in the data.

use super::clock::ago;
use super::control_findings::Check;
use super::controls::CONTROLS;
use super::service_checks;
use super::{ACCOUNT_ID, PRIMARY_REGION as EUW2, ids};
use crate::model::{
    ComplianceStatus::{self, Failed, NotAvailable, Passed},
    Estate, KeyState, NetworkAcl, RuleAction, SecurityGroup, SgPeer, WorkflowStatus,
};
use chrono::TimeDelta;
use serde_json::{Value, json};

/// Ports EC2.19 treats as high risk.
const HIGH_RISK_PORTS: [i32; 24] = [
    20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500,
    5601, 8080, 8088, 8888, 9200, 9300,
];

pub fn pass_fail(failed: bool) -> ComplianceStatus {
    if failed { Failed } else { Passed }
}

pub fn checks(estate: &Estate) -> Vec<Check> {
    let mut out = Vec::new();
    kms(estate, &mut out);
    network(estate, &mut out);
    service_checks::logging(estate, &mut out);
    service_checks::storage(&mut out);
    service_checks::account(&mut out);
    service_checks::workloads(&mut out);
    out.retain(|c| {
        CONTROLS
            .iter()
            .any(|d| d.id == c.control && d.enabled_in_region(&c.region))
    });
    out
}

/// True when a statement allows everyone with no condition at all.
pub fn has_unconstrained_public_statement(policy: &str) -> bool {
    let doc: Value = serde_json::from_str(policy).unwrap_or(Value::Null);
    let statements = match &doc["Statement"] {
        Value::Array(items) => items.clone(),
        Value::Object(_) => vec![doc["Statement"].clone()],
        _ => Vec::new(),
    };
    statements.iter().any(|s| {
        let everyone = s["Principal"] == json!("*") || s["Principal"]["AWS"] == json!("*");
        s["Effect"] == json!("Allow") && everyone && s.get("Condition").is_none()
    })
}

fn kms(estate: &Estate, out: &mut Vec<Check>) {
    for key in &estate.kms_keys {
        let pending = key.state == KeyState::PendingDeletion;
        let details = json!({ "AwsKmsKey": {
            "KeyId": key.key_id,
            "KeyManager": "CUSTOMER",
            "KeyState": key.state.as_str(),
            "Origin": key.origin,
            "Description": key.description,
            "KeyRotationStatus": key.rotation.enabled.unwrap_or(false),
        }});
        let check = |control, status| {
            Check::new(
                control,
                ACCOUNT_ID,
                &key.region,
                "AwsKmsKey",
                &key.arn,
                status,
            )
            .tags(&key.tags)
            .details(details.clone())
        };
        let mut kms3 = check("KMS.3", pass_fail(pending));
        if let Some(deletes) = key.deletion_date.filter(|_| pending) {
            kms3 = kms3.since(deletes - TimeDelta::days(30));
        }
        out.push(kms3);
        out.push(if pending {
            check("KMS.4", NotAvailable)
                .reason("CONFIG_RETURNS_NOT_APPLICABLE")
                .archived()
                .since(ago(17, 20))
        } else if key.rotation.enabled == Some(false) {
            check("KMS.4", Failed).since(ago(19, 4))
        } else {
            check("KMS.4", Passed)
        });
        let public = key
            .policy
            .as_deref()
            .is_some_and(has_unconstrained_public_statement);
        out.push(if public {
            check("KMS.5", Failed)
                .workflow(WorkflowStatus::Notified)
                .since(ago(33, 6))
        } else {
            check("KMS.5", Passed)
        });
    }
}

fn world(peer: &SgPeer) -> bool {
    matches!(peer, SgPeer::Ipv4(c) if c == "0.0.0.0/0")
        || matches!(peer, SgPeer::Ipv6(c) if c == "::/0")
}

/// Port ranges open to the world (all ports for protocol `-1`).
fn world_ranges(sg: &SecurityGroup) -> Vec<(i32, i32)> {
    sg.ingress
        .iter()
        .filter(|r| world(&r.peer))
        .map(|r| match (r.protocol.as_str(), r.from_port, r.to_port) {
            ("-1", _, _) | (_, None, _) | (_, _, None) => (0, 65535),
            (_, Some(a), Some(b)) => (a, b),
        })
        .collect()
}

fn covers(range: (i32, i32), port: i32) -> bool {
    range.0 <= port && port <= range.1
}

fn nacl_open_admin_ports(acl: &NetworkAcl) -> bool {
    acl.entries.iter().any(|e| {
        let from_world = e.cidr_block.as_deref() == Some("0.0.0.0/0")
            || e.ipv6_cidr_block.as_deref() == Some("::/0");
        let range = (e.port_from.unwrap_or(0), e.port_to.unwrap_or(65535));
        !e.egress
            && e.action == RuleAction::Allow
            && from_world
            && (e.protocol == "6" || e.protocol == "-1")
            && (covers(range, 22) || covers(range, 3389))
    })
}

fn network(estate: &Estate, out: &mut Vec<Check>) {
    for sg in &estate.security_groups {
        let arn = format!(
            "arn:aws:ec2:{}:{ACCOUNT_ID}:security-group/{}",
            sg.region, sg.group_id
        );
        let details = json!({ "AwsEc2SecurityGroup": {
            "GroupId": sg.group_id, "GroupName": sg.group_name, "VpcId": sg.vpc_id
        }});
        let ranges = world_ranges(sg);
        let check = |control, failed: bool| {
            let c = Check::new(
                control,
                ACCOUNT_ID,
                &sg.region,
                "AwsEc2SecurityGroup",
                &arn,
                pass_fail(failed),
            )
            .tags(&sg.tags)
            .details(details.clone());
            if failed { c.since(ago(47, 2)) } else { c }
        };
        if sg.is_default() {
            out.push(check(
                "EC2.2",
                !(sg.ingress.is_empty() && sg.egress.is_empty()),
            ));
        }
        out.push(check("EC2.13", ranges.iter().any(|r| covers(*r, 22))));
        out.push(check(
            "EC2.18",
            ranges.iter().any(|r| *r != (443, 443) && *r != (80, 80)),
        ));
        let high_risk = ranges
            .iter()
            .any(|r| HIGH_RISK_PORTS.iter().any(|p| covers(*r, *p)));
        out.push(if high_risk {
            check("EC2.19", true).workflow(WorkflowStatus::Notified)
        } else {
            check("EC2.19", false)
        });
    }
    // A debugging group opened to SSH and deleted the same day: Security
    // Hub reports NOT_AVAILABLE and archives the finding.
    let gone = ids::sg_id("primary", "temp-debug-ssh");
    out.push(
        Check::new(
            "EC2.13",
            ACCOUNT_ID,
            EUW2,
            "AwsEc2SecurityGroup",
            &format!("arn:aws:ec2:{EUW2}:{ACCOUNT_ID}:security-group/{gone}"),
            NotAvailable,
        )
        .archived()
        .since(ago(70, 5)),
    );
    for vpc in &estate.vpcs {
        let logged = estate.flow_logs.iter().any(|f| f.resource_id == vpc.vpc_id);
        let arn = format!("arn:aws:ec2:{}:{ACCOUNT_ID}:vpc/{}", vpc.region, vpc.vpc_id);
        let c = Check::new("EC2.6", ACCOUNT_ID, &vpc.region, "AwsEc2Vpc", &arn, pass_fail(!logged))
            .tags(&vpc.tags)
            .details(json!({ "AwsEc2Vpc": {
                "CidrBlockAssociationSet": vpc.cidr_blocks.iter().map(|c| json!({ "CidrBlock": c })).collect::<Vec<_>>()
            }}));
        out.push(if logged { c } else { c.since(ago(61, 3)) });
    }
    for acl in estate.network_acls.iter().filter(|a| !a.is_default) {
        let arn = format!(
            "arn:aws:ec2:{}:{ACCOUNT_ID}:network-acl/{}",
            acl.region, acl.network_acl_id
        );
        out.push(
            Check::new(
                "EC2.21",
                ACCOUNT_ID,
                &acl.region,
                "AwsEc2NetworkAcl",
                &arn,
                pass_fail(nacl_open_admin_ports(acl)),
            )
            .tags(&acl.tags),
        );
    }
}
