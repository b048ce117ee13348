//! Key and endpoint policies, and the topology's cross-references.

use super::*;
use crate::model::{EndpointType, RouteTarget, SgPeer};
use serde_json::Value;
use std::collections::BTreeSet;

fn statements(policy: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(policy).expect("policy parses");
    doc["Statement"].as_array().expect("statements").clone()
}

#[test]
fn key_policies_restrict_use_to_the_keys_service() {
    let e = estate();
    for k in &e.kms_keys {
        let st = statements(k.policy.as_deref().expect("policy"));
        assert_eq!(
            st[0]["Principal"]["AWS"],
            format!("arn:aws:iam::{ACCOUNT_ID}:root")
        );
        assert_eq!(st[0]["Action"], "kms:*");
        let service = k.tags.get("Service").expect("Service tag");
        let region = &k.region;
        let text = k.policy.as_deref().unwrap_or("");
        match service.as_str() {
            "logs" => assert!(
                text.contains(&format!("logs.{region}.amazonaws.com"))
                    && text.contains("kms:EncryptionContext:aws:logs:arn")
            ),
            "cloudtrail" => assert!(text.contains("cloudtrail.amazonaws.com")),
            svc => {
                let via = if svc == "ebs" { "ec2" } else { svc };
                let usage = st
                    .iter()
                    .find(|s| s["Condition"]["StringEquals"]["kms:ViaService"].is_string())
                    .expect("usage statement");
                assert_eq!(
                    usage["Condition"]["StringEquals"]["kms:ViaService"],
                    format!("{via}.{region}.amazonaws.com")
                );
                assert_eq!(
                    usage["Condition"]["StringEquals"]["kms:CallerAccount"],
                    ACCOUNT_ID
                );
            }
        }
    }
}

#[test]
fn topology_references_hold() {
    let e = estate();
    let vpcs: BTreeSet<&str> = e.vpcs.iter().map(|v| v.vpc_id.as_str()).collect();
    let subnets: BTreeSet<&str> = e.subnets.iter().map(|s| s.subnet_id.as_str()).collect();
    let groups: BTreeSet<&str> = e
        .security_groups
        .iter()
        .map(|g| g.group_id.as_str())
        .collect();
    assert!(e.subnets.iter().all(|s| vpcs.contains(s.vpc_id.as_str())));
    for s in &e.subnets {
        let tables = e
            .route_tables
            .iter()
            .filter(|t| {
                t.associations
                    .iter()
                    .any(|a| a.subnet_id.as_deref() == Some(&s.subnet_id))
            })
            .count();
        let acls = e
            .network_acls
            .iter()
            .filter(|a| a.subnet_ids.contains(&s.subnet_id))
            .count();
        assert_eq!((tables, acls), (1, 1), "{}", s.subnet_id);
    }
    for v in &e.vpcs {
        let mains = e
            .route_tables
            .iter()
            .filter(|t| t.vpc_id == v.vpc_id && t.is_main())
            .count();
        let default_acls = e
            .network_acls
            .iter()
            .filter(|a| a.vpc_id == v.vpc_id && a.is_default)
            .count();
        assert_eq!((mains, default_acls), (1, 1));
        let primary = v.name() == "Primary";
        let internet = e
            .route_tables
            .iter()
            .filter(|t| t.vpc_id == v.vpc_id)
            .flat_map(|t| &t.routes)
            .any(|r| r.destination == "0.0.0.0/0");
        assert_eq!(internet, primary, "{}", v.name());
    }
    for t in &e.route_tables {
        for r in &t.routes {
            match &r.target {
                RouteTarget::VpcEndpoint(id) => {
                    assert!(r.destination.starts_with("pl-"));
                    let ep = e
                        .vpc_endpoints
                        .iter()
                        .find(|x| &x.vpc_endpoint_id == id)
                        .expect("endpoint");
                    assert_eq!(ep.endpoint_type, EndpointType::Gateway);
                    assert!(ep.route_table_ids.contains(&t.route_table_id));
                }
                RouteTarget::NatGateway(id) => {
                    let nat = e
                        .nat_gateways
                        .iter()
                        .find(|n| &n.nat_gateway_id == id)
                        .expect("nat");
                    let s = e
                        .subnets
                        .iter()
                        .find(|s| s.subnet_id == nat.subnet_id)
                        .expect("subnet");
                    assert_eq!(s.tags.get("Tier").map(String::as_str), Some("public"));
                }
                RouteTarget::InternetGateway(id) => {
                    assert!(e.internet_gateways.iter().any(
                        |g| &g.internet_gateway_id == id && g.attached_vpcs.contains(&t.vpc_id)
                    ));
                }
                RouteTarget::Local => {}
                other => panic!("unexpected target {other:?}"),
            }
        }
    }
    for ep in &e.vpc_endpoints {
        assert!(ep.subnet_ids.iter().all(|s| subnets.contains(s.as_str())));
        assert!(
            ep.security_group_ids
                .iter()
                .all(|g| groups.contains(g.as_str()))
        );
        let policy: Value =
            serde_json::from_str(ep.policy.as_deref().expect("policy")).expect("parses");
        for s in policy["Statement"].as_array().expect("statements") {
            assert_eq!(
                s["Condition"]["StringEquals"]["aws:PrincipalAccount"],
                ACCOUNT_ID
            );
        }
        assert!(
            ep.service_name
                .starts_with(&format!("com.amazonaws.{}.", ep.region))
        );
    }
    for g in &e.security_groups {
        for r in g.ingress.iter().chain(&g.egress) {
            if let SgPeer::SecurityGroup(id) = &r.peer {
                assert!(groups.contains(id.as_str()), "{id}");
            }
        }
    }
    let logs_keys: BTreeSet<&str> = e
        .kms_keys
        .iter()
        .filter(|k| k.tags.get("Service").map(String::as_str) == Some("logs"))
        .map(|k| k.arn.as_str())
        .collect();
    for lg in &e.log_groups {
        assert!(
            logs_keys.contains(lg.kms_key_id.as_deref().unwrap_or("")),
            "{}",
            lg.name
        );
        assert!(lg.kms_key_id.as_deref().unwrap_or("").contains(&lg.region));
        assert!([90, 180, 365, 3653].contains(&lg.retention_days.unwrap_or(0)));
    }
    for fl in &e.flow_logs {
        assert!(
            e.log_groups
                .iter()
                .any(|lg| lg.arn == fl.destination && lg.retention_days == Some(90))
        );
    }
}
