//! The resources GuardDuty findings are about, in both shapes: the
//! GuardDuty API's camelCase `resource` and the ASFF `Resources[]` entry.

use super::catalog;
use super::clock::{at, iso};
use super::topology;
use super::{ACCOUNT_ID, ids, tags};
use crate::model::Resource;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// What a GuardDuty finding is about.
pub enum Target {
    /// An EC2 instance (by name) in a VPC tier and AZ, with its security group.
    Instance {
        name: &'static str,
        vpc: &'static str,
        tier: &'static str,
        az: char,
        host: u8,
        group: &'static str,
        public_ip: Option<&'static str>,
        stack: Option<&'static str>,
    },
    /// IAM credentials.
    AccessKey {
        key_id: &'static str,
        user: &'static str,
        user_type: &'static str,
    },
    /// An S3 bucket (by stem) and the key used against it.
    Bucket {
        stem: &'static str,
        key_id: &'static str,
        user: &'static str,
    },
}

impl Target {
    fn instance_tags(name: &str, stack: Option<&str>) -> BTreeMap<String, String> {
        match stack {
            Some(s) => tags::stack(name, s),
            None => tags::plain(&[("Name", name), ("CreatedBy", "j.okafor@halyard.example")]),
        }
    }

    /// (instance id, private IP, subnet id, VPC id) for instances.
    pub fn placement(&self) -> Option<(String, String, String, String)> {
        match self {
            Target::Instance {
                name,
                vpc,
                tier,
                az,
                host,
                ..
            } => {
                let spec = topology::vpc(vpc);
                let tier_base = spec
                    .tiers
                    .iter()
                    .find(|t| t.name == *tier)
                    .map(|t| t.base)
                    .unwrap_or(0);
                let az_index = topology::AZS.iter().position(|a| a == az).unwrap_or(0) as u8;
                Some((
                    ids::instance_id(name),
                    format!("{}.{}.{host}", spec.prefix, tier_base + az_index),
                    ids::subnet_id(vpc, tier, *az),
                    spec.id(),
                ))
            }
            _ => None,
        }
    }

    /// The GuardDuty API `resource` member.
    pub fn native(&self, account: &str, region: &str) -> Value {
        match self {
            Target::Instance {
                name,
                vpc,
                az,
                group,
                public_ip,
                stack,
                ..
            } => {
                let (id, ip, subnet, vpc_id) = self.placement().unwrap_or_default();
                let dns = format!("ip-{}.{region}.compute.internal", ip.replace('.', "-"));
                let mut eni = json!({
                    "networkInterfaceId": ids::eni_id(name),
                    "privateIpAddress": ip,
                    "privateDnsName": dns,
                    "vpcId": vpc_id,
                    "subnetId": subnet,
                    "securityGroups": [{ "groupId": ids::sg_id(vpc, group), "groupName": group }],
                    "ipv6Addresses": [],
                    "privateIpAddresses": [{ "privateIpAddress": ip, "privateDnsName": dns }]
                });
                if let Some(p) = public_ip {
                    eni["publicIp"] = json!(p);
                }
                let tags: Vec<Value> = Self::instance_tags(name, *stack)
                    .iter()
                    .map(|(k, v)| json!({ "key": k, "value": v }))
                    .collect();
                json!({
                    "resourceType": "Instance",
                    "instanceDetails": {
                        "instanceId": id,
                        "instanceType": "m6i.large",
                        "launchTime": iso(at(2026, 9, 14, 7, 12)),
                        "platform": null,
                        "availabilityZone": format!("{region}{az}"),
                        "imageId": format!("ami-0{}", ids::hex("ami/al2023", 16)),
                        "imageDescription": "Amazon Linux 2023 AMI 2023.8.20250915.0 x86_64 HVM kernel-6.1",
                        "instanceState": "running",
                        "iamInstanceProfile": {
                            "arn": format!("arn:aws:iam::{account}:instance-profile/{name}-profile"),
                            "id": format!("AIPA{}", ids::hex(&format!("profile/{name}"), 16).to_ascii_uppercase())
                        },
                        "networkInterfaces": [eni],
                        "productCodes": [],
                        "tags": tags
                    }
                })
            }
            Target::AccessKey {
                key_id,
                user,
                user_type,
            } => json!({
                "resourceType": "AccessKey",
                "accessKeyDetails": access_key(key_id, user, user_type),
            }),
            Target::Bucket { stem, key_id, user } => {
                let bucket = catalog::bucket(stem);
                json!({
                    "resourceType": "S3Bucket",
                    "accessKeyDetails": access_key(key_id, user, "IAMUser"),
                    "s3BucketDetails": [{
                        "arn": bucket.arn(),
                        "name": bucket.name(),
                        "type": "Destination",
                        "createdAt": iso(at(2023, 6, 2, 11, 5)),
                        "owner": { "id": ids::hex(&format!("canonical/{}", bucket.account), 64) },
                        "tags": [{ "key": "Project", "value": "legacy-exports" }],
                        "defaultServerSideEncryption": {
                            "encryptionType": "aws:kms",
                            "kmsMasterKeyArn": super::kms::key_arn(bucket.key, "eu-west-2")
                        },
                        "publicAccess": {
                            "effectivePermission": "PUBLIC",
                            "permissionConfiguration": {
                                "bucketLevelPermissions": {
                                    "blockPublicAccess": {
                                        "ignorePublicAcls": false,
                                        "restrictPublicBuckets": false,
                                        "blockPublicAcls": false,
                                        "blockPublicPolicy": false
                                    }
                                }
                            }
                        }
                    }]
                })
            }
        }
    }

    /// The ASFF resource (model form) and its `Details`.
    pub fn asff(&self, region: &str) -> (Resource, Value) {
        match self {
            Target::Instance {
                name,
                stack,
                public_ip,
                ..
            } => {
                let (id, ip, subnet, vpc_id) = self.placement().unwrap_or_default();
                let mut addresses = vec![ip];
                if let Some(p) = public_ip {
                    addresses.insert(0, (*p).to_string());
                }
                let resource = Resource {
                    resource_type: "AwsEc2Instance".to_string(),
                    id: format!("arn:aws:ec2:{region}:{ACCOUNT_ID}:instance/{id}"),
                    region: Some(region.to_string()),
                    partition: Some("aws".to_string()),
                    tags: Self::instance_tags(name, *stack),
                };
                let details = json!({ "AwsEc2Instance": {
                    "Type": "m6i.large",
                    "ImageId": format!("ami-0{}", ids::hex("ami/al2023", 16)),
                    "IpV4Addresses": addresses,
                    "VpcId": vpc_id,
                    "SubnetId": subnet,
                    "LaunchedAt": iso(at(2026, 9, 14, 7, 12)),
                    "IamInstanceProfileArn": format!("arn:aws:iam::{ACCOUNT_ID}:instance-profile/{name}-profile")
                }});
                (resource, details)
            }
            Target::AccessKey {
                key_id,
                user,
                user_type,
            } => (
                Resource {
                    resource_type: "AwsIamAccessKey".to_string(),
                    id: format!("AWS::IAM::AccessKey:{key_id}"),
                    region: Some(region.to_string()),
                    partition: Some("aws".to_string()),
                    tags: BTreeMap::new(),
                },
                json!({ "AwsIamAccessKey": {
                    "PrincipalId": principal_id(user),
                    "PrincipalName": user,
                    "PrincipalType": user_type
                }}),
            ),
            Target::Bucket { stem, .. } => {
                let bucket = catalog::bucket(stem);
                (
                    Resource {
                        resource_type: "AwsS3Bucket".to_string(),
                        id: bucket.arn(),
                        region: Some(region.to_string()),
                        partition: Some("aws".to_string()),
                        tags: tags::plain(&[("Project", "legacy-exports")]),
                    },
                    json!({ "AwsS3Bucket": {
                        "OwnerId": ids::hex(&format!("canonical/{}", bucket.account), 64),
                        "CreatedAt": iso(at(2023, 6, 2, 11, 5))
                    }}),
                )
            }
        }
    }
}

fn principal_id(user: &str) -> String {
    format!(
        "AIDA{}",
        ids::hex(&format!("principal/{user}"), 17).to_ascii_uppercase()
    )
}

fn access_key(key_id: &str, user: &str, user_type: &str) -> Value {
    json!({
        "accessKeyId": key_id,
        "principalId": principal_id(user),
        "userName": user,
        "userType": user_type
    })
}

/// GuardDuty's `remoteIpDetails` for an address outside AWS.
pub fn remote_ip(ip: &str, country: &str, city: &str, org: &str, asn: &str) -> Value {
    json!({
        "ipAddressV4": ip,
        "country": { "countryName": country },
        "city": { "cityName": city },
        "organization": { "asn": asn, "asnOrg": org, "isp": org, "org": org },
    })
}
