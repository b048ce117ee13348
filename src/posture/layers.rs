//! Defence-in-depth layers: every control, finding and rampart check is
//! tagged with exactly one layer, and each layer gets a status.

use crate::model::{DatasetKind, Finding, Source};
use serde::Serialize;

/// The walls of the estate, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Edge,
    Network,
    IdentityAccess,
    DataProtection,
    DetectionMonitoring,
    Resilience,
}

impl Layer {
    pub const ALL: [Layer; 6] = [
        Layer::Edge,
        Layer::Network,
        Layer::IdentityAccess,
        Layer::DataProtection,
        Layer::DetectionMonitoring,
        Layer::Resilience,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Layer::Edge => "Edge",
            Layer::Network => "Network",
            Layer::IdentityAccess => "Identity and access",
            Layer::DataProtection => "Data protection",
            Layer::DetectionMonitoring => "Detection and monitoring",
            Layer::Resilience => "Resilience",
        }
    }

    /// The datasets whose data feeds this layer.
    pub fn inputs(self) -> &'static [DatasetKind] {
        use DatasetKind::*;
        match self {
            Layer::Edge | Layer::IdentityAccess | Layer::Resilience => &[SecurityHubFindings],
            Layer::Network => &[
                SecurityHubFindings,
                Vpcs,
                Subnets,
                RouteTables,
                SecurityGroups,
                NetworkAcls,
            ],
            Layer::DataProtection => &[SecurityHubFindings, KmsKeys, MacieFindings],
            Layer::DetectionMonitoring => {
                &[SecurityHubFindings, GuardDutyFindings, FlowLogs, Alarms]
            }
        }
    }
}

/// Controls whose service default or title would mislead.
const OVERRIDES: &[(&str, Layer)] = &[
    ("KMS.1", Layer::IdentityAccess),
    ("KMS.2", Layer::IdentityAccess),
    ("EC2.3", Layer::DataProtection),
    ("EC2.7", Layer::DataProtection),
    ("EC2.6", Layer::DetectionMonitoring),
    ("EC2.8", Layer::IdentityAccess),
    ("EC2.28", Layer::Resilience),
    ("S3.7", Layer::Resilience),
    ("S3.14", Layer::Resilience),
    ("S3.15", Layer::Resilience),
];

/// Title keywords, tried in this order (first match wins).
const KEYWORDS: &[(Layer, &[&str])] = &[
    (
        Layer::DetectionMonitoring,
        &[
            "logging",
            "log file",
            "logs",
            "log metric",
            "log group",
            "flow log",
            "alarm",
            "monitoring",
            "cloudtrail",
            "guardduty",
            "audit",
            "security hub",
            "detective",
            "inspector",
        ],
    ),
    (
        Layer::Resilience,
        &[
            "backup",
            "back up",
            "recovery",
            "versioning",
            "replication",
            "multi-az",
            "multiple availability zones",
            "availability zones",
            "deletion protection",
            "point-in-time",
            "auto scaling",
            "patch",
            "supported version",
            "supported runtime",
            "latest platform",
            "version upgrade",
            "managed updates",
            "maintenance",
        ],
    ),
    (
        Layer::DataProtection,
        &[
            "encrypt",
            "kms",
            "tls",
            "ssl",
            "https",
            "certificate",
            "secret",
            "in transit",
            "at rest",
            "sensitive",
        ],
    ),
    (
        Layer::Edge,
        &["waf", "web acl", "cloudfront", "shield", "api gateway"],
    ),
    (
        Layer::Network,
        &[
            "security group",
            "ingress",
            " port",
            "vpc",
            "subnet",
            "network acl",
            "internet gateway",
            "public ip",
            "endpoint",
            "transit gateway",
        ],
    ),
    (
        Layer::IdentityAccess,
        &[
            "mfa",
            "multi-factor",
            "iam",
            "root user",
            "password",
            "credential",
            "access key",
            "privilege",
            "admin",
            "imdsv2",
            "authentication",
            "least",
        ],
    ),
];

/// Layer of a service (the control-id prefix) when the title says nothing.
fn service_layer(service: &str) -> Layer {
    match service.to_ascii_lowercase().as_str() {
        "cloudfront" | "waf" | "apigateway" | "elb" | "elbv2" | "shield" | "route53"
        | "appsync" | "globalaccelerator" => Layer::Edge,
        "ec2" | "networkfirewall" | "vpc" => Layer::Network,
        "iam" | "account" | "sso" | "cognito" | "organizations" | "lambda" | "ecs" | "eks"
        | "codebuild" => Layer::IdentityAccess,
        "cloudtrail" | "config" | "guardduty" | "cloudwatch" | "securityhub" | "inspector"
        | "detective" => Layer::DetectionMonitoring,
        "backup" | "autoscaling" | "ssm" | "elasticbeanstalk" => Layer::Resilience,
        _ => Layer::DataProtection,
    }
}

/// The layer of a Security Hub control, from its id and (optional) title.
pub fn control_layer(control_id: &str, title: &str) -> Layer {
    if let Some((_, layer)) = OVERRIDES.iter().find(|(id, _)| *id == control_id) {
        return *layer;
    }
    let title = title.to_ascii_lowercase();
    if !title.is_empty() {
        for (layer, words) in KEYWORDS {
            if words.iter().any(|w| title.contains(w)) {
                return *layer;
            }
        }
    }
    let service = control_id.split('.').next().unwrap_or(control_id);
    service_layer(service)
}

/// The layer of a finding. Control findings (and rampart checks, which
/// name their control or check) take the control's layer through
/// `control_layer_of`; the rest go by product and resource type.
pub fn finding_layer(f: &Finding, control_layer_of: impl Fn(&str) -> Option<Layer>) -> Layer {
    if f.source == Source::Rampart
        && let Some(layer) = f
            .generator_id
            .as_deref()
            .and_then(super::checks::layer_of_generator)
    {
        return layer;
    }
    if let Some(id) = f.control_id() {
        return control_layer_of(id).unwrap_or_else(|| control_layer(id, &f.title));
    }
    match f.source {
        Source::GuardDuty => Layer::DetectionMonitoring,
        Source::Macie => Layer::DataProtection,
        // Software vulnerabilities: patching is counted under resilience,
        // like the patch controls; reachability findings are network.
        Source::Inspector => {
            if f.types.iter().any(|t| t.contains("Network Reachability")) {
                Layer::Network
            } else {
                Layer::Resilience
            }
        }
        _ => resource_layer(f),
    }
}

fn resource_layer(f: &Finding) -> Layer {
    let Some(r) = f.primary_resource() else {
        return Layer::DetectionMonitoring;
    };
    let t = r.resource_type.as_str();
    if t.starts_with("AwsIam") || t == "AwsAccount" {
        Layer::IdentityAccess
    } else if t.starts_with("AwsEc2SecurityGroup")
        || t.starts_with("AwsEc2Vpc")
        || t.starts_with("AwsEc2Subnet")
        || t.starts_with("AwsEc2NetworkAcl")
    {
        Layer::Network
    } else if t.starts_with("AwsCloudFront") || t.starts_with("AwsWaf") || t.starts_with("AwsElb") {
        Layer::Edge
    } else if t.starts_with("AwsCloudTrail") || t.starts_with("AwsCloudWatch") {
        Layer::DetectionMonitoring
    } else if t.starts_with("AwsBackup") {
        Layer::Resilience
    } else if t.starts_with("AwsS3")
        || t.starts_with("AwsKms")
        || t.starts_with("AwsRds")
        || t.starts_with("AwsDynamoDb")
        || t.starts_with("AwsSecretsManager")
    {
        Layer::DataProtection
    } else {
        Layer::DetectionMonitoring
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;
    use crate::posture::fixtures::finding;

    #[test]
    fn controls_land_in_the_expected_layer() {
        let cases = [
            (
                "EC2.13",
                "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22",
                Layer::Network,
            ),
            (
                "EC2.53",
                "EC2 security groups should not allow ingress from 0.0.0.0/0 to remote server administration ports",
                Layer::Network,
            ),
            (
                "KMS.4",
                "AWS KMS key rotation should be enabled",
                Layer::DataProtection,
            ),
            (
                "KMS.1",
                "IAM customer managed policies should not allow decryption actions on all KMS keys",
                Layer::IdentityAccess,
            ),
            (
                "CloudWatch.1",
                "A log metric filter and alarm should exist for usage of the \"root\" user",
                Layer::DetectionMonitoring,
            ),
            (
                "IAM.6",
                "Hardware MFA should be enabled for the root user",
                Layer::IdentityAccess,
            ),
            (
                "ELB.16",
                "Application Load Balancers should be associated with an AWS WAF web ACL",
                Layer::Edge,
            ),
            (
                "RDS.11",
                "RDS instances should have automatic backups enabled",
                Layer::Resilience,
            ),
            (
                "SSM.2",
                "Amazon EC2 instances managed by Systems Manager should have a patch compliance status of COMPLIANT",
                Layer::Resilience,
            ),
            (
                "S3.8",
                "S3 general purpose buckets should block public access",
                Layer::DataProtection,
            ),
            (
                "EC2.8",
                "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)",
                Layer::IdentityAccess,
            ),
            ("GuardDuty.1", "", Layer::DetectionMonitoring),
            ("CloudFront.1", "", Layer::Edge),
            ("Backup.1", "", Layer::Resilience),
        ];
        for (id, title, layer) in cases {
            assert_eq!(control_layer(id, title), layer, "{id}");
        }
    }

    #[test]
    fn findings_take_their_product_or_control_layer() {
        let gd = finding("g", Source::GuardDuty, Severity::High);
        assert_eq!(finding_layer(&gd, |_| None), Layer::DetectionMonitoring);
        let macie = finding("m", Source::Macie, Severity::High);
        assert_eq!(finding_layer(&macie, |_| None), Layer::DataProtection);
        let sh = crate::posture::fixtures::control_finding(
            "c",
            "EC2.19",
            crate::model::ComplianceStatus::Failed,
            &[],
        );
        assert_eq!(finding_layer(&sh, |_| Some(Layer::Network)), Layer::Network);
        let mut other = finding("o", Source::Other, Severity::Low);
        other.resources[0].resource_type = "AwsEc2SecurityGroup".into();
        assert_eq!(finding_layer(&other, |_| None), Layer::Network);
    }
}
