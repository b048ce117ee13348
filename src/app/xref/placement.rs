//! Where an EC2 instance or network interface of a finding sits: its
//! subnet and VPC, read from the finding's original records (the ASFF
//! `Resources[].Details.AwsEc2Instance` or GuardDuty's
//! `resource.instanceDetails.networkInterfaces[]`, in either spelling).

use crate::model::Finding;
use serde_json::Value;

/// Resource types whose records carry a subnet and VPC.
const PLACED: [&str; 3] = ["AwsEc2Instance", "AwsEc2NetworkInterface", "Instance"];

/// (subnet id, VPC id) of the finding's instance, when a record says.
pub fn placement(f: &Finding) -> Option<(Option<String>, Option<String>)> {
    let placed = f.resources.iter().any(|r| {
        PLACED
            .iter()
            .any(|t| r.resource_type.eq_ignore_ascii_case(t))
    });
    if !placed {
        return None;
    }
    for p in &f.provenances {
        // Parse only records that can hold the answer (`SubnetId`/`subnetId`,
        // `VpcId`/`vpcId`): a scan is far cheaper than a parse.
        let text = p.raw.text();
        if !text.contains("ubnetId") && !text.contains("pcId") {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        let subnet = find_key(&v, "subnetid", 0);
        let vpc = find_key(&v, "vpcid", 0);
        if subnet.is_some() || vpc.is_some() {
            return Some((subnet, vpc));
        }
    }
    None
}

/// The first string value of a key equal (ignoring case) to `key`, depth
/// first, at most 12 levels down.
fn find_key(v: &Value, key: &str, depth: usize) -> Option<String> {
    if depth > 12 {
        return None;
    }
    match v {
        Value::Object(map) => {
            for (k, val) in map {
                if k.eq_ignore_ascii_case(key)
                    && let Value::String(s) = val
                    && !s.is_empty()
                {
                    return Some(s.clone());
                }
            }
            map.values().find_map(|x| find_key(x, key, depth + 1))
        }
        Value::Array(items) => items.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_keys_in_either_spelling() {
        let v = json!({"resource": {"instanceDetails": {"networkInterfaces": [{"subnetId": "subnet-1", "vpcId": "vpc-1"}]}}});
        assert_eq!(find_key(&v, "subnetid", 0).as_deref(), Some("subnet-1"));
        let v = json!({"Resources": [{"Details": {"AwsEc2Instance": {"SubnetId": "subnet-2"}}}]});
        assert_eq!(find_key(&v, "subnetid", 0).as_deref(), Some("subnet-2"));
        assert_eq!(find_key(&v, "vpcid", 0), None);
    }
}
