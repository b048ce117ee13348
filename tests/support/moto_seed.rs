//! The emulator's seed, written through the SDK itself (unguarded clients).
#![allow(dead_code)]

use super::moto::{CROSS_ACCOUNT_POLICY, FINDINGS, Seed, sdk_config};
use aws_sdk_ec2::types as ec2;
use aws_sdk_securityhub::types as sh;

fn tag(k: &str, v: &str) -> ec2::TagSpecification {
    ec2::TagSpecification::builder()
        .resource_type(ec2::ResourceType::Vpc)
        .tags(ec2::Tag::builder().key(k).value(v).build())
        .build()
}

async fn kms_keys(url: &str) -> (String, String, String, String) {
    let kms = aws_sdk_kms::Client::new(&sdk_config(url, "eu-west-2"));
    let id = |o: aws_sdk_kms::operation::create_key::CreateKeyOutput| {
        o.key_metadata().expect("metadata").key_id().to_string()
    };
    let rotating = id(kms
        .create_key()
        .description("customer data, rotating")
        .tags(
            aws_sdk_kms::types::Tag::builder()
                .tag_key("team")
                .tag_value("payments")
                .build()
                .expect("tag"),
        )
        .send()
        .await
        .expect("create key"));
    kms.enable_key_rotation()
        .key_id(&rotating)
        .send()
        .await
        .expect("rotate");
    kms.create_alias()
        .alias_name("alias/customer-data")
        .target_key_id(&rotating)
        .send()
        .await
        .expect("alias");
    let plain = id(kms
        .create_key()
        .description("legacy, no rotation")
        .send()
        .await
        .expect("key"));
    kms.put_key_policy()
        .key_id(&plain)
        .policy_name("default")
        .policy(CROSS_ACCOUNT_POLICY)
        .send()
        .await
        .expect("policy");
    let deleting = id(kms
        .create_key()
        .description("retired")
        .send()
        .await
        .expect("key"));
    kms.schedule_key_deletion()
        .key_id(&deleting)
        .pending_window_in_days(7)
        .send()
        .await
        .expect("schedule deletion");
    let signing = id(kms
        .create_key()
        .key_spec(aws_sdk_kms::types::KeySpec::Rsa2048)
        .key_usage(aws_sdk_kms::types::KeyUsageType::SignVerify)
        .send()
        .await
        .expect("key"));
    let other = aws_sdk_kms::Client::new(&sdk_config(url, "ap-southeast-2"));
    let k = id(other
        .create_key()
        .description("sydney")
        .send()
        .await
        .expect("key"));
    other
        .enable_key_rotation()
        .key_id(&k)
        .send()
        .await
        .expect("rotate");
    (rotating, plain, deleting, signing)
}

async fn vpc(c: &aws_sdk_ec2::Client, cidr: &str, name: &str) -> (String, String) {
    let v = c
        .create_vpc()
        .cidr_block(cidr)
        .tag_specifications(tag("Name", name))
        .send()
        .await
        .expect("vpc");
    let vpc_id = v
        .vpc()
        .and_then(|v| v.vpc_id())
        .expect("vpc id")
        .to_string();
    let subnet = c
        .create_subnet()
        .vpc_id(&vpc_id)
        .cidr_block(cidr.replace(".0.0/16", ".1.0/24"))
        .send()
        .await
        .expect("subnet");
    let subnet_id = subnet
        .subnet()
        .and_then(|s| s.subnet_id())
        .expect("subnet id")
        .to_string();
    (vpc_id, subnet_id)
}

async fn route(
    c: &aws_sdk_ec2::Client,
    vpc: &str,
    subnet: &str,
    igw: Option<&str>,
    nat: Option<&str>,
) {
    let rt = c
        .create_route_table()
        .vpc_id(vpc)
        .send()
        .await
        .expect("route table");
    let rt = rt
        .route_table()
        .and_then(|r| r.route_table_id())
        .expect("id")
        .to_string();
    let mut r = c
        .create_route()
        .route_table_id(&rt)
        .destination_cidr_block("0.0.0.0/0");
    if let Some(g) = igw {
        r = r.gateway_id(g);
    }
    if let Some(n) = nat {
        r = r.nat_gateway_id(n);
    }
    r.send().await.expect("route");
    c.associate_route_table()
        .route_table_id(&rt)
        .subnet_id(subnet)
        .send()
        .await
        .expect("associate");
}

async fn network(url: &str) -> [String; 8] {
    let c = aws_sdk_ec2::Client::new(&sdk_config(url, "eu-west-2"));
    let (public, public_subnet) = vpc(&c, "10.10.0.0/16", "public").await;
    let igw = c.create_internet_gateway().send().await.expect("igw");
    let igw = igw
        .internet_gateway()
        .and_then(|g| g.internet_gateway_id())
        .expect("id")
        .to_string();
    c.attach_internet_gateway()
        .internet_gateway_id(&igw)
        .vpc_id(&public)
        .send()
        .await
        .expect("attach");
    route(&c, &public, &public_subnet, Some(&igw), None).await;
    let sg = c
        .create_security_group()
        .group_name("web-ssh")
        .description("ssh from anywhere")
        .vpc_id(&public)
        .send()
        .await
        .expect("sg");
    let sg = sg.group_id().expect("group id").to_string();
    c.authorize_security_group_ingress()
        .group_id(&sg)
        .ip_permissions(
            ec2::IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(22)
                .to_port(22)
                .ip_ranges(ec2::IpRange::builder().cidr_ip("0.0.0.0/0").build())
                .build(),
        )
        .send()
        .await
        .expect("ingress");
    let flow = c
        .create_flow_logs()
        .resource_ids(&public)
        .resource_type(ec2::FlowLogsResourceType::Vpc)
        .traffic_type(ec2::TrafficType::All)
        .log_destination_type(ec2::LogDestinationType::CloudWatchLogs)
        .log_group_name("vpc-flow")
        .deliver_logs_permission_arn("arn:aws:iam::123456789012:role/flow-logs")
        .send()
        .await
        .expect("flow logs");
    let flow = flow
        .flow_log_ids()
        .first()
        .expect("flow log id")
        .to_string();

    let (private, private_subnet) = vpc(&c, "10.20.0.0/16", "private-with-nat").await;
    let eip = c
        .allocate_address()
        .domain(ec2::DomainType::Vpc)
        .send()
        .await
        .expect("eip");
    let nat = c
        .create_nat_gateway()
        .subnet_id(&private_subnet)
        .allocation_id(eip.allocation_id().expect("allocation"))
        .send()
        .await
        .expect("nat");
    let nat = nat
        .nat_gateway()
        .and_then(|n| n.nat_gateway_id())
        .expect("id")
        .to_string();
    route(&c, &private, &private_subnet, None, Some(&nat)).await;

    let (isolated, _) = vpc(&c, "10.30.0.0/16", "isolated").await;
    let acl = c
        .create_network_acl()
        .vpc_id(&isolated)
        .send()
        .await
        .expect("acl");
    let acl = acl
        .network_acl()
        .and_then(|a| a.network_acl_id())
        .expect("id")
        .to_string();
    c.create_network_acl_entry()
        .network_acl_id(&acl)
        .rule_number(100)
        .protocol("6")
        .rule_action(ec2::RuleAction::Deny)
        .egress(false)
        .cidr_block("0.0.0.0/0")
        .port_range(ec2::PortRange::builder().from(22).to(22).build())
        .send()
        .await
        .expect("acl entry");

    let sydney = aws_sdk_ec2::Client::new(&sdk_config(url, "ap-southeast-2"));
    vpc(&sydney, "10.40.0.0/16", "sydney").await;
    [public, private, isolated, igw, nat, sg, acl, flow]
}

fn asff(i: usize) -> sh::AwsSecurityFinding {
    let label = [
        sh::SeverityLabel::Critical,
        sh::SeverityLabel::High,
        sh::SeverityLabel::Medium,
        sh::SeverityLabel::Low,
        sh::SeverityLabel::Informational,
    ][i % 5]
        .clone();
    let now = "2026-11-01T09:00:00.000Z";
    let mut f = sh::AwsSecurityFinding::builder()
        .schema_version("2018-10-08")
        .id(format!(
            "arn:aws:securityhub:eu-west-2:123456789012:security-control/EC2.{}/finding/{i:04}",
            i % 20
        ))
        .product_arn("arn:aws:securityhub:eu-west-2::product/aws/securityhub")
        .generator_id(format!("security-control/EC2.{}", i % 20))
        .aws_account_id("123456789012")
        .types("Software and Configuration Checks/Industry and Regulatory Standards")
        .created_at(now)
        .updated_at(now)
        .severity(sh::Severity::builder().label(label).build())
        .title(format!("Seeded control finding {i}"))
        .description("Seeded through BatchImportFindings")
        .resources(
            sh::Resource::builder()
                .r#type("AwsEc2SecurityGroup")
                .id(format!(
                    "arn:aws:ec2:eu-west-2:123456789012:security-group/sg-{i:05}"
                ))
                .region("eu-west-2")
                .partition(sh::Partition::Aws)
                .build(),
        )
        .compliance(
            sh::Compliance::builder()
                .status(if i.is_multiple_of(3) {
                    sh::ComplianceStatus::Passed
                } else {
                    sh::ComplianceStatus::Failed
                })
                .security_control_id(format!("EC2.{}", i % 20))
                .build(),
        );
    if i.is_multiple_of(7) {
        f = f.workflow(
            sh::Workflow::builder()
                .status(sh::WorkflowStatus::Notified)
                .build(),
        );
    }
    f.build()
}

async fn security_hub(url: &str) -> usize {
    let c = aws_sdk_securityhub::Client::new(&sdk_config(url, "eu-west-2"));
    c.enable_security_hub()
        .send()
        .await
        .expect("enable security hub");
    let all: Vec<sh::AwsSecurityFinding> = (0..FINDINGS).map(asff).collect();
    let mut imported = 0;
    for chunk in all.chunks(100) {
        let out = c
            .batch_import_findings()
            .set_findings(Some(chunk.to_vec()))
            .send()
            .await
            .expect("import findings");
        imported += out.success_count().unwrap_or(0) as usize;
    }
    imported
}

pub async fn seed(url: &str) -> Seed {
    let (rotating_key, plain_key, deleting_key, signing_key) = kms_keys(url).await;
    let [
        public_vpc,
        nat_vpc,
        isolated_vpc,
        igw,
        nat,
        ssh_group,
        deny_acl,
        flow_log,
    ] = network(url).await;
    let findings = security_hub(url).await;
    let gd = aws_sdk_guardduty::Client::new(&sdk_config(url, "eu-west-2"));
    gd.create_detector()
        .enable(true)
        .send()
        .await
        .expect("detector");
    Seed {
        rotating_key,
        plain_key,
        deleting_key,
        signing_key,
        public_vpc,
        nat_vpc,
        isolated_vpc,
        igw,
        nat,
        ssh_group,
        deny_acl,
        flow_log,
        findings,
    }
}
