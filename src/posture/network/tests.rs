use super::*;
use crate::model::{FlowLog, InternetGateway, NatGateway, RouteTarget};
use crate::posture::fixtures::{ACCOUNT, REGION, estate, load, route, route_table, subnet, vpc};

fn net_estate() -> Estate {
    let mut e = estate();
    load(
        &mut e,
        &[
            DatasetKind::Vpcs,
            DatasetKind::Subnets,
            DatasetKind::RouteTables,
            DatasetKind::InternetGateways,
        ],
    );
    e
}

fn subnet_class(p: &NetworkPosture, id: &str) -> Reachability {
    p.subnets
        .iter()
        .find(|s| s.subnet_id == id)
        .map(|s| s.class)
        .unwrap_or(Reachability::NotAssessed)
}

fn vpc_class(p: &NetworkPosture, id: &str) -> Reachability {
    p.vpcs
        .iter()
        .find(|v| v.vpc_id == id)
        .map(|v| v.class)
        .unwrap_or(Reachability::NotAssessed)
}

#[test]
fn a_subnet_routed_to_a_nat_is_private_with_egress() {
    let mut e = net_estate();
    e.vpcs = vec![vpc("vpc-1", "10.0.0.0/16")];
    e.subnets = vec![subnet("subnet-pub", "vpc-1"), subnet("subnet-app", "vpc-1")];
    e.route_tables = vec![
        route_table(
            "rtb-pub",
            "vpc-1",
            vec![route(
                "0.0.0.0/0",
                RouteTarget::InternetGateway("igw-1".into()),
            )],
            &["subnet-pub"],
            false,
        ),
        route_table(
            "rtb-app",
            "vpc-1",
            vec![route("0.0.0.0/0", RouteTarget::NatGateway("nat-1".into()))],
            &["subnet-app"],
            false,
        ),
    ];
    e.internet_gateways = vec![InternetGateway {
        internet_gateway_id: "igw-1".into(),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        attached_vpcs: vec!["vpc-1".into()],
        tags: Default::default(),
    }];
    let p = analyse(&e);
    assert_eq!(
        subnet_class(&p, "subnet-app"),
        Reachability::PrivateWithEgress
    );
    assert_eq!(subnet_class(&p, "subnet-pub"), Reachability::Public);
    assert_eq!(vpc_class(&p, "vpc-1"), Reachability::Public);
    assert_eq!(p.vpcs[0].internet_gateway_attached, Some(true));
    assert_eq!(p.vpcs[0].subnet_count, 2);
}

#[test]
fn a_vpc_routed_to_a_transit_gateway_is_not_isolated() {
    let mut e = net_estate();
    e.vpcs = vec![vpc("vpc-tgw", "10.0.0.0/16"), vpc("vpc-iso", "10.1.0.0/16")];
    e.subnets = vec![subnet("subnet-a", "vpc-tgw"), subnet("subnet-b", "vpc-iso")];
    e.route_tables = vec![
        route_table(
            "rtb-main-tgw",
            "vpc-tgw",
            vec![route(
                "0.0.0.0/0",
                RouteTarget::TransitGateway("tgw-1".into()),
            )],
            &[],
            true,
        ),
        route_table(
            "rtb-main-iso",
            "vpc-iso",
            vec![route(
                "pl-63a5400a",
                RouteTarget::VpcEndpoint("vpce-1".into()),
            )],
            &[],
            true,
        ),
    ];
    let p = analyse(&e);
    assert_eq!(vpc_class(&p, "vpc-tgw"), Reachability::Connected);
    assert_ne!(vpc_class(&p, "vpc-tgw"), Reachability::Isolated);
    assert_eq!(vpc_class(&p, "vpc-iso"), Reachability::Isolated);
    assert_eq!(p.vpcs[1].internet_gateway_attached, Some(false));
}

#[test]
fn the_main_table_applies_only_without_an_explicit_association() {
    let mut e = net_estate();
    e.vpcs = vec![vpc("vpc-1", "10.0.0.0/16")];
    e.subnets = vec![
        subnet("subnet-implicit", "vpc-1"),
        subnet("subnet-explicit", "vpc-1"),
    ];
    e.route_tables = vec![
        route_table(
            "rtb-main",
            "vpc-1",
            vec![route(
                "0.0.0.0/0",
                RouteTarget::InternetGateway("igw-1".into()),
            )],
            &[],
            true,
        ),
        route_table("rtb-private", "vpc-1", vec![], &["subnet-explicit"], false),
    ];
    let p = analyse(&e);
    assert_eq!(subnet_class(&p, "subnet-implicit"), Reachability::Public);
    assert_eq!(subnet_class(&p, "subnet-explicit"), Reachability::Isolated);
    let implicit = p.subnets.iter().find(|s| s.subnet_id == "subnet-implicit");
    assert_eq!(implicit.map(|s| s.via_main_table), Some(true));
    let main = p
        .route_tables
        .iter()
        .find(|r| r.route_table_id == "rtb-main");
    assert_eq!(
        main.map(|r| r.subnets.clone()),
        Some(vec!["subnet-implicit".to_string()])
    );
}

#[test]
fn a_private_nat_is_a_connected_path_not_internet() {
    let mut e = net_estate();
    load(&mut e, &[DatasetKind::NatGateways]);
    e.vpcs = vec![vpc("vpc-1", "10.0.0.0/16")];
    e.subnets = vec![subnet("subnet-a", "vpc-1")];
    e.route_tables = vec![route_table(
        "rtb-a",
        "vpc-1",
        vec![route("0.0.0.0/0", RouteTarget::NatGateway("nat-p".into()))],
        &["subnet-a"],
        false,
    )];
    e.nat_gateways = vec![NatGateway {
        nat_gateway_id: "nat-p".into(),
        vpc_id: "vpc-1".into(),
        subnet_id: "subnet-a".into(),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        state: "available".into(),
        connectivity_type: "private".into(),
        tags: Default::default(),
    }];
    assert_eq!(
        subnet_class(&analyse(&e), "subnet-a"),
        Reachability::Connected
    );
}

#[test]
fn without_route_tables_nothing_is_called_isolated() {
    let mut e = estate();
    load(&mut e, &[DatasetKind::Vpcs, DatasetKind::Subnets]);
    e.vpcs = vec![vpc("vpc-1", "10.0.0.0/16")];
    e.subnets = vec![subnet("subnet-a", "vpc-1")];
    let p = analyse(&e);
    assert!(!p.coverage.is_assessed());
    assert_eq!(subnet_class(&p, "subnet-a"), Reachability::NotAssessed);
    assert_eq!(vpc_class(&p, "vpc-1"), Reachability::NotAssessed);
    assert_eq!(p.vpcs[0].flow_logs, FlowLogState::NotAssessed);
    assert_eq!(p.vpcs[0].internet_gateway_attached, None);
    assert_eq!(p.vpcs[0].interface_endpoints, None);
}

#[test]
fn flow_logs_must_capture_rejects() {
    let mut e = net_estate();
    load(&mut e, &[DatasetKind::FlowLogs]);
    e.vpcs = vec![
        vpc("vpc-1", "10.0.0.0/16"),
        vpc("vpc-2", "10.1.0.0/16"),
        vpc("vpc-3", "10.2.0.0/16"),
    ];
    let log = |id: &str, vpc: &str, traffic: &str| FlowLog {
        flow_log_id: id.into(),
        resource_id: vpc.into(),
        account_id: ACCOUNT.into(),
        region: REGION.into(),
        traffic_type: traffic.into(),
        destination_type: "s3".into(),
        destination: String::new(),
        status: "ACTIVE".into(),
    };
    e.flow_logs = vec![
        log("fl-1", "vpc-1", "REJECT"),
        log("fl-2", "vpc-2", "ACCEPT"),
    ];
    let p = analyse(&e);
    assert!(matches!(p.vpcs[0].flow_logs, FlowLogState::Enabled { .. }));
    assert_eq!(
        p.vpcs[1].flow_logs,
        FlowLogState::Missing {
            accept_only: vec!["fl-2".into()]
        }
    );
    assert_eq!(
        p.vpcs[2].flow_logs,
        FlowLogState::Missing {
            accept_only: vec![]
        }
    );
}

#[test]
fn overlapping_cidrs_between_non_default_vpcs() {
    let mut e = net_estate();
    let mut default_a = vpc("vpc-default-a", "172.31.0.0/16");
    default_a.is_default = true;
    let mut default_b = vpc("vpc-default-b", "172.31.0.0/16");
    default_b.is_default = true;
    e.vpcs = vec![
        vpc("vpc-1", "10.0.0.0/16"),
        vpc("vpc-2", "10.0.128.0/20"),
        vpc("vpc-3", "10.9.0.0/16"),
        default_a,
        default_b,
    ];
    let p = analyse(&e);
    assert_eq!(p.cidr_overlaps.len(), 1);
    assert_eq!(
        (
            p.cidr_overlaps[0].vpc_a.as_str(),
            p.cidr_overlaps[0].vpc_b.as_str()
        ),
        ("vpc-1", "vpc-2")
    );
}
