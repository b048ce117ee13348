//! VPC topology: VPCs, subnets, route tables, gateways, endpoints,
//! security groups, network ACLs and flow logs.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vpc {
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub cidr_blocks: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ipv6_cidr_blocks: Vec<String>,
    #[serde(default)]
    pub is_default: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl Vpc {
    /// The `Name` tag, or the id.
    pub fn name(&self) -> &str {
        self.tags
            .get("Name")
            .map(String::as_str)
            .unwrap_or(&self.vpc_id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subnet {
    pub subnet_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub cidr_block: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr_block: Option<String>,
    pub availability_zone: String,
    #[serde(default)]
    pub map_public_ip_on_launch: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl Subnet {
    pub fn name(&self) -> &str {
        self.tags
            .get("Name")
            .map(String::as_str)
            .unwrap_or(&self.subnet_id)
    }
}

/// Where a route sends traffic.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum RouteTarget {
    Local,
    InternetGateway(String),
    EgressOnlyInternetGateway(String),
    NatGateway(String),
    TransitGateway(String),
    VpcPeering(String),
    /// A gateway VPC endpoint (`vpce-...`) reached by a prefix-list route.
    VpcEndpoint(String),
    VirtualPrivateGateway(String),
    Instance(String),
    NetworkInterface(String),
    CarrierGateway(String),
    LocalGateway(String),
    CoreNetwork(String),
    Other(String),
}

impl RouteTarget {
    /// Classifies an EC2 `GatewayId` (`local`, `igw-`, `vgw-`, `vpce-`).
    pub fn from_gateway_id(id: &str) -> RouteTarget {
        if id == "local" {
            RouteTarget::Local
        } else if id.starts_with("igw-") {
            RouteTarget::InternetGateway(id.to_string())
        } else if id.starts_with("vgw-") {
            RouteTarget::VirtualPrivateGateway(id.to_string())
        } else if id.starts_with("vpce-") {
            RouteTarget::VpcEndpoint(id.to_string())
        } else {
            RouteTarget::Other(id.to_string())
        }
    }

    /// Short display form, e.g. `igw-0abc`, `local`.
    pub fn describe(&self) -> String {
        match self {
            RouteTarget::Local => "local".to_string(),
            RouteTarget::InternetGateway(id)
            | RouteTarget::EgressOnlyInternetGateway(id)
            | RouteTarget::NatGateway(id)
            | RouteTarget::TransitGateway(id)
            | RouteTarget::VpcPeering(id)
            | RouteTarget::VpcEndpoint(id)
            | RouteTarget::VirtualPrivateGateway(id)
            | RouteTarget::Instance(id)
            | RouteTarget::NetworkInterface(id)
            | RouteTarget::CarrierGateway(id)
            | RouteTarget::LocalGateway(id)
            | RouteTarget::CoreNetwork(id)
            | RouteTarget::Other(id) => id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// IPv4 / IPv6 CIDR or prefix-list id (`pl-...`).
    pub destination: String,
    pub target: RouteTarget,
    /// `false` for blackhole routes.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteTableAssociation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_id: Option<String>,
    #[serde(default)]
    pub main: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteTable {
    pub route_table_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    pub routes: Vec<Route>,
    pub associations: Vec<RouteTableAssociation>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl RouteTable {
    pub fn is_main(&self) -> bool {
        self.associations.iter().any(|a| a.main)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InternetGateway {
    pub internet_gateway_id: String,
    pub account_id: String,
    pub region: String,
    /// VPCs it is attached to.
    pub attached_vpcs: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NatGateway {
    pub nat_gateway_id: String,
    pub vpc_id: String,
    pub subnet_id: String,
    pub account_id: String,
    pub region: String,
    /// `available`, `pending`, `deleted`, ...
    pub state: String,
    /// `public` or `private`.
    pub connectivity_type: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointType {
    Gateway,
    Interface,
    GatewayLoadBalancer,
    Resource,
    ServiceNetwork,
}

impl EndpointType {
    /// Parses the AWS spelling (`Gateway`, `Interface`, `GatewayLoadBalancer`).
    pub fn parse(s: &str) -> Option<EndpointType> {
        match s {
            "Gateway" => Some(EndpointType::Gateway),
            "Interface" => Some(EndpointType::Interface),
            "GatewayLoadBalancer" => Some(EndpointType::GatewayLoadBalancer),
            "Resource" => Some(EndpointType::Resource),
            "ServiceNetwork" => Some(EndpointType::ServiceNetwork),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VpcEndpoint {
    pub vpc_endpoint_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    /// e.g. `com.amazonaws.eu-west-2.s3`.
    pub service_name: String,
    pub endpoint_type: EndpointType,
    pub state: String,
    /// Endpoint policy document (JSON text), when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub route_table_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnet_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_group_ids: Vec<String>,
    #[serde(default)]
    pub private_dns_enabled: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl VpcEndpoint {
    /// The short service name: `s3` from `com.amazonaws.eu-west-2.s3`.
    pub fn short_service(&self) -> &str {
        let s = self.service_name.as_str();
        match s.strip_prefix("com.amazonaws.") {
            Some(rest) => rest.split_once('.').map(|(_, svc)| svc).unwrap_or(rest),
            None => s,
        }
    }
}

/// The other side of a security group rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum SgPeer {
    Ipv4(String),
    Ipv6(String),
    PrefixList(String),
    SecurityGroup(String),
}

impl SgPeer {
    pub fn describe(&self) -> &str {
        match self {
            SgPeer::Ipv4(s)
            | SgPeer::Ipv6(s)
            | SgPeer::PrefixList(s)
            | SgPeer::SecurityGroup(s) => s,
        }
    }
}

/// One security group rule, flattened to a single peer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SgRule {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or a protocol number.
    pub protocol: String,
    /// `None` for all ports (protocol `-1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_port: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_port: Option<i32>,
    pub peer: SgPeer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroup {
    pub group_id: String,
    pub group_name: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    #[serde(default)]
    pub description: String,
    pub ingress: Vec<SgRule>,
    pub egress: Vec<SgRule>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

impl SecurityGroup {
    pub fn is_default(&self) -> bool {
        self.group_name == "default"
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleAction {
    Allow,
    Deny,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NaclEntry {
    pub rule_number: i32,
    pub egress: bool,
    /// `-1` (all), `6` (tcp), `17` (udp), ...
    pub protocol: String,
    pub action: RuleAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr_block: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr_block: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_from: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_to: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkAcl {
    pub network_acl_id: String,
    pub vpc_id: String,
    pub account_id: String,
    pub region: String,
    #[serde(default)]
    pub is_default: bool,
    pub entries: Vec<NaclEntry>,
    #[serde(default)]
    pub subnet_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowLog {
    pub flow_log_id: String,
    /// The VPC, subnet or ENI it watches.
    pub resource_id: String,
    pub account_id: String,
    pub region: String,
    /// `ALL`, `ACCEPT` or `REJECT`.
    pub traffic_type: String,
    /// `cloud-watch-logs`, `s3`, `kinesis-data-firehose`.
    pub destination_type: String,
    #[serde(default)]
    pub destination: String,
    /// `ACTIVE` when delivering.
    pub status: String,
}
