//! VPC endpoints: gateway endpoint coverage per route table, interface
//! endpoints per service, and endpoint policies that allow everything.

use crate::model::{EndpointType, RouteTable, RouteTarget, VpcEndpoint};
use serde_json::Value;
use std::collections::BTreeMap;

/// Services reached through gateway endpoints.
pub const GATEWAY_SERVICES: [&str; 2] = ["s3", "dynamodb"];

/// Whether an endpoint policy allows any principal any action on any
/// resource without a condition. No policy means the default full-access
/// policy. `None` when the policy text cannot be read as JSON.
pub fn allows_everything(policy: Option<&str>) -> Option<bool> {
    let Some(text) = policy else {
        return Some(true);
    };
    let doc: Value = serde_json::from_str(text).ok()?;
    let statements: Vec<&Value> = match doc.get("Statement")? {
        Value::Array(a) => a.iter().collect(),
        one => vec![one],
    };
    let has_star = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s == "*",
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some("*")),
        _ => false,
    };
    Some(statements.iter().any(|s| {
        let allow = s.get("Effect").and_then(Value::as_str) == Some("Allow");
        let principal = match s.get("Principal") {
            Some(Value::String(p)) => p == "*",
            Some(Value::Object(m)) => has_star(m.get("AWS")),
            _ => false,
        };
        let unconditioned = match s.get("Condition") {
            None | Some(Value::Null) => true,
            Some(Value::Object(m)) => m.is_empty(),
            _ => false,
        };
        allow
            && principal
            && has_star(s.get("Action"))
            && has_star(s.get("Resource"))
            && unconditioned
    }))
}

/// Gateway endpoint services reachable from one route table.
pub(crate) fn gateway_services(rt: &RouteTable, endpoints: &[&VpcEndpoint]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ep in endpoints
        .iter()
        .filter(|e| e.endpoint_type == EndpointType::Gateway)
    {
        let associated = ep.route_table_ids.contains(&rt.route_table_id)
            || rt.routes.iter().any(|r| {
                r.destination.starts_with("pl-")
                    && matches!(&r.target, RouteTarget::VpcEndpoint(id) if *id == ep.vpc_endpoint_id)
            });
        let service = ep.short_service().to_string();
        if associated && !out.contains(&service) {
            out.push(service);
        }
    }
    out.sort();
    out
}

/// Interface endpoints of one VPC by short service name.
pub(crate) fn interface_endpoints(endpoints: &[&VpcEndpoint]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ep in endpoints
        .iter()
        .filter(|e| e.endpoint_type == EndpointType::Interface)
    {
        out.entry(ep.short_service().to_string())
            .or_default()
            .push(ep.vpc_endpoint_id.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posture::fixtures::{ACCOUNT, REGION, route, route_table};

    pub(crate) fn endpoint(
        id: &str,
        service: &str,
        kind: EndpointType,
        rts: &[&str],
    ) -> VpcEndpoint {
        VpcEndpoint {
            vpc_endpoint_id: id.into(),
            vpc_id: "vpc-1".into(),
            account_id: ACCOUNT.into(),
            region: REGION.into(),
            service_name: format!("com.amazonaws.{REGION}.{service}"),
            endpoint_type: kind,
            state: "available".into(),
            policy: None,
            route_table_ids: rts.iter().map(|s| s.to_string()).collect(),
            subnet_ids: vec![],
            security_group_ids: vec![],
            private_dns_enabled: true,
            tags: Default::default(),
        }
    }

    #[test]
    fn open_and_scoped_endpoint_policies() {
        assert_eq!(allows_everything(None), Some(true));
        let open =
            r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#;
        assert_eq!(allows_everything(Some(open)), Some(true));
        let scoped = r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*",
            "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}"#;
        assert_eq!(allows_everything(Some(scoped)), Some(false));
        let narrow = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
        assert_eq!(allows_everything(Some(narrow)), Some(false));
        assert_eq!(allows_everything(Some("nope")), None);
    }

    #[test]
    fn gateway_coverage_by_association_or_prefix_list_route() {
        let s3 = endpoint("vpce-s3", "s3", EndpointType::Gateway, &["rtb-1"]);
        let ddb = endpoint("vpce-ddb", "dynamodb", EndpointType::Gateway, &[]);
        let ssm = endpoint("vpce-ssm", "ssm", EndpointType::Interface, &[]);
        let rt1 = route_table("rtb-1", "vpc-1", vec![], &[], true);
        let rt2 = route_table(
            "rtb-2",
            "vpc-1",
            vec![route(
                "pl-02cd2c6b",
                RouteTarget::VpcEndpoint("vpce-ddb".into()),
            )],
            &[],
            false,
        );
        let all = [&s3, &ddb, &ssm];
        assert_eq!(gateway_services(&rt1, &all), ["s3"]);
        assert_eq!(gateway_services(&rt2, &all), ["dynamodb"]);
        let iface = interface_endpoints(&all);
        assert_eq!(iface.get("ssm").map(Vec::len), Some(1));
        assert!(!iface.contains_key("s3"));
    }
}
