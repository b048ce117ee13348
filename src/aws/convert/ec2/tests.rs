use super::*;

const AT: Place<'static> = Place {
    account_id: "111122223333",
    region: "eu-west-2",
};

fn tag(k: &str, v: &str) -> ec2::Tag {
    ec2::Tag::builder().key(k).value(v).build()
}

#[test]
fn vpcs_keep_associated_cidrs_and_tags() {
    let v = ec2::Vpc::builder()
        .vpc_id("vpc-0a1")
        .owner_id("444455556666")
        .cidr_block("10.0.0.0/16")
        .cidr_block_association_set(
            ec2::VpcCidrBlockAssociation::builder()
                .cidr_block("10.0.0.0/16")
                .build(),
        )
        .cidr_block_association_set(
            ec2::VpcCidrBlockAssociation::builder()
                .cidr_block("10.9.0.0/16")
                .cidr_block_state(
                    ec2::VpcCidrBlockState::builder()
                        .state(ec2::VpcCidrBlockStateCode::Disassociated)
                        .build(),
                )
                .build(),
        )
        .is_default(false)
        .tags(tag("Name", "prod"))
        .build();
    let m = vpc(&v, AT).expect("vpc");
    assert_eq!(m.cidr_blocks, ["10.0.0.0/16"]);
    assert_eq!(m.account_id, "444455556666");
    assert_eq!(m.name(), "prod");
    assert!(vpc(&ec2::Vpc::builder().build(), AT).is_none());
}

#[test]
fn routes_name_their_targets_and_blackholes() {
    let t = ec2::RouteTable::builder()
        .route_table_id("rtb-1")
        .vpc_id("vpc-1")
        .routes(
            ec2::Route::builder()
                .destination_cidr_block("10.0.0.0/16")
                .gateway_id("local")
                .build(),
        )
        .routes(
            ec2::Route::builder()
                .destination_cidr_block("0.0.0.0/0")
                .nat_gateway_id("nat-1")
                .state(ec2::RouteState::Blackhole)
                .build(),
        )
        .routes(
            ec2::Route::builder()
                .destination_prefix_list_id("pl-1")
                .gateway_id("vpce-1")
                .build(),
        )
        .associations(ec2::RouteTableAssociation::builder().main(true).build())
        .build();
    let m = route_table(&t, AT).expect("table");
    assert_eq!(m.routes[0].target, RouteTarget::Local);
    assert_eq!(m.routes[1].target, RouteTarget::NatGateway("nat-1".into()));
    assert!(!m.routes[1].active);
    assert_eq!(
        m.routes[2].target,
        RouteTarget::VpcEndpoint("vpce-1".into())
    );
    assert!(m.is_main());
}

#[test]
fn security_group_permissions_flatten_to_one_rule_per_peer() {
    let perm = ec2::IpPermission::builder()
        .ip_protocol("tcp")
        .from_port(22)
        .to_port(22)
        .ip_ranges(
            ec2::IpRange::builder()
                .cidr_ip("0.0.0.0/0")
                .description("ssh")
                .build(),
        )
        .ipv6_ranges(ec2::Ipv6Range::builder().cidr_ipv6("::/0").build())
        .user_id_group_pairs(ec2::UserIdGroupPair::builder().group_id("sg-2").build())
        .build();
    let all = ec2::IpPermission::builder()
        .ip_protocol("-1")
        .from_port(0)
        .ip_ranges(ec2::IpRange::builder().cidr_ip("0.0.0.0/0").build())
        .build();
    let g = ec2::SecurityGroup::builder()
        .group_id("sg-1")
        .group_name("web")
        .vpc_id("vpc-1")
        .ip_permissions(perm)
        .ip_permissions_egress(all)
        .build();
    let m = security_group(&g, AT).expect("sg");
    assert_eq!(m.ingress.len(), 3);
    assert_eq!(m.ingress[0].peer, SgPeer::Ipv4("0.0.0.0/0".into()));
    assert_eq!(m.ingress[0].from_port, Some(22));
    assert_eq!(m.ingress[0].description.as_deref(), Some("ssh"));
    assert_eq!(m.ingress[2].peer, SgPeer::SecurityGroup("sg-2".into()));
    assert_eq!(m.egress[0].from_port, None);
    assert_eq!(m.account_id, "111122223333");
}

#[test]
fn nacls_gateways_endpoints_and_flow_logs_convert() {
    let n = ec2::NetworkAcl::builder()
        .network_acl_id("acl-1")
        .vpc_id("vpc-1")
        .is_default(true)
        .entries(
            ec2::NetworkAclEntry::builder()
                .rule_number(100)
                .egress(false)
                .protocol("6")
                .rule_action(ec2::RuleAction::Allow)
                .cidr_block("0.0.0.0/0")
                .port_range(ec2::PortRange::builder().from(22).to(22).build())
                .build(),
        )
        .associations(
            ec2::NetworkAclAssociation::builder()
                .subnet_id("subnet-1")
                .build(),
        )
        .build();
    let m = network_acl(&n, AT).expect("nacl");
    assert_eq!(m.entries[0].action, RuleAction::Allow);
    assert_eq!(m.entries[0].port_from, Some(22));
    assert_eq!(m.subnet_ids, ["subnet-1"]);

    let igw = ec2::InternetGateway::builder()
        .internet_gateway_id("igw-1")
        .attachments(
            ec2::InternetGatewayAttachment::builder()
                .vpc_id("vpc-1")
                .state(ec2::AttachmentStatus::from("available"))
                .build(),
        )
        .build();
    assert_eq!(
        internet_gateway(&igw, AT).expect("igw").attached_vpcs,
        ["vpc-1"]
    );

    let e = ec2::VpcEndpoint::builder()
        .vpc_endpoint_id("vpce-1")
        .vpc_id("vpc-1")
        .service_name("com.amazonaws.eu-west-2.s3")
        .vpc_endpoint_type(ec2::VpcEndpointType::Gateway)
        .route_table_ids("rtb-1")
        .build();
    let m = vpc_endpoint(&e, AT).expect("endpoint");
    assert_eq!(m.short_service(), "s3");
    assert_eq!(m.endpoint_type, EndpointType::Gateway);

    let f = ec2::FlowLog::builder()
        .flow_log_id("fl-1")
        .resource_id("vpc-1")
        .traffic_type(ec2::TrafficType::All)
        .log_destination_type(ec2::LogDestinationType::S3)
        .log_destination("arn:aws:s3:::logs")
        .flow_log_status("ACTIVE")
        .build();
    let m = flow_log(&f, AT).expect("flow log");
    assert_eq!(
        (m.traffic_type.as_str(), m.destination_type.as_str()),
        ("ALL", "s3")
    );

    let nat = ec2::NatGateway::builder()
        .nat_gateway_id("nat-1")
        .vpc_id("vpc-1")
        .subnet_id("subnet-1")
        .state(ec2::NatGatewayState::Available)
        .build();
    let m = nat_gateway(&nat, AT).expect("nat");
    assert_eq!(
        (m.state.as_str(), m.connectivity_type.as_str()),
        ("available", "public")
    );
}
