//! rampart's own checks, emitted as ordinary findings (`source: rampart`)
//! so one list and one filter cover everything.
//!
//! Each finding has a deterministic id `rampart/<check>/<resource>`, the
//! Security Hub control it corresponds to in `compliance.security_control_id`
//! (when there is one), a resource, remediation text and, as its raw
//! provenance, a small JSON of the evidence. Only failures are emitted.

mod alarms;
mod kms;
mod network;

use super::alarms::AlarmCoverage;
use super::kms::KmsPosture;
use super::layers::Layer;
use super::network::NetworkPosture;
use crate::model::{
    Channel, Compliance, ComplianceStatus, Estate, Finding, NativeSeverity, Provenance, RawJson,
    RecordState, Remediation, Resource, Severity, Source, Timestamp, WorkflowStatus,
};
use serde_json::Value;

/// One kind of rampart check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckKind {
    pub slug: &'static str,
    /// The corresponding Security Hub control, when one exists.
    pub control_id: Option<&'static str>,
    pub severity: Severity,
    pub layer: Layer,
    pub resource_type: &'static str,
    pub remediation: &'static str,
}

const fn kind(
    slug: &'static str,
    control_id: Option<&'static str>,
    severity: Severity,
    layer: Layer,
    resource_type: &'static str,
    remediation: &'static str,
) -> CheckKind {
    CheckKind {
        slug,
        control_id,
        severity,
        layer,
        resource_type,
        remediation,
    }
}

use Layer::{DataProtection, DetectionMonitoring, Network};
use Severity::{Critical, High, Low, Medium};

pub const KMS_ROTATION: CheckKind = kind(
    "kms-rotation",
    Some("KMS.4"),
    Medium,
    DataProtection,
    "AwsKmsKey",
    "Enable automatic key rotation (aws kms enable-key-rotation --key-id <key>), optionally with a rotation period of 90-2560 days.",
);
pub const KMS_PENDING_DELETION: CheckKind = kind(
    "kms-pending-deletion",
    Some("KMS.3"),
    Critical,
    DataProtection,
    "AwsKmsKey",
    "If the key is still needed, cancel the deletion (aws kms cancel-key-deletion) and re-enable it; data encrypted under a deleted key cannot be recovered.",
);
pub const KMS_PUBLIC_POLICY: CheckKind = kind(
    "kms-public-policy",
    Some("KMS.5"),
    Critical,
    DataProtection,
    "AwsKmsKey",
    "Replace the wildcard principal with named principals, or constrain the statement with fixed-value conditions such as kms:CallerAccount or aws:PrincipalOrgID.",
);
pub const KMS_PURPOSE_DRIFT: CheckKind = kind(
    "kms-purpose-drift",
    None,
    Medium,
    DataProtection,
    "AwsKmsKey",
    "Limit kms:ViaService to the services the key is meant for, or correct the key's alias or Service tag.",
);
pub const SG_OPEN_SSH: CheckKind = kind(
    "sg-open-ssh",
    Some("EC2.13"),
    High,
    Network,
    "AwsEc2SecurityGroup",
    "Remove ingress from 0.0.0.0/0 and ::/0 to port 22; use Session Manager or a restricted source range.",
);
pub const SG_OPEN_RDP: CheckKind = kind(
    "sg-open-rdp",
    Some("EC2.14"),
    High,
    Network,
    "AwsEc2SecurityGroup",
    "Remove ingress from 0.0.0.0/0 and ::/0 to port 3389; use Fleet Manager or a restricted source range.",
);
pub const SG_OPEN_UNAUTHORIZED: CheckKind = kind(
    "sg-open-unauthorized-port",
    Some("EC2.18"),
    High,
    Network,
    "AwsEc2SecurityGroup",
    "Allow unrestricted ingress only to TCP 80 and 443; restrict every other port to known sources.",
);
pub const SG_OPEN_HIGH_RISK: CheckKind = kind(
    "sg-open-high-risk-port",
    Some("EC2.19"),
    Critical,
    Network,
    "AwsEc2SecurityGroup",
    "Remove unrestricted ingress to high-risk ports (databases, remote administration, file sharing, dashboards).",
);
pub const SG_OPEN_ADMIN_V4: CheckKind = kind(
    "sg-open-admin-ipv4",
    Some("EC2.53"),
    High,
    Network,
    "AwsEc2SecurityGroup",
    "Remove ingress from 0.0.0.0/0 to remote administration ports 22 and 3389.",
);
pub const SG_OPEN_ADMIN_V6: CheckKind = kind(
    "sg-open-admin-ipv6",
    Some("EC2.54"),
    High,
    Network,
    "AwsEc2SecurityGroup",
    "Remove ingress from ::/0 to remote administration ports 22 and 3389.",
);
pub const DEFAULT_SG_RULES: CheckKind = kind(
    "default-sg-rules",
    Some("EC2.2"),
    High,
    Network,
    "AwsEc2SecurityGroup",
    "Remove every inbound and outbound rule from the VPC's default security group and use purpose-built groups instead.",
);
pub const NACL_OPEN_ADMIN: CheckKind = kind(
    "nacl-open-admin",
    Some("EC2.21"),
    Medium,
    Network,
    "AwsEc2NetworkAcl",
    "Replace network ACL entries that allow 0.0.0.0/0 or ::/0 to TCP 22 or 3389 with entries for known source ranges.",
);
pub const VPC_FLOW_LOGS: CheckKind = kind(
    "vpc-flow-logs",
    Some("EC2.6"),
    Medium,
    DetectionMonitoring,
    "AwsEc2Vpc",
    "Create a VPC flow log capturing at least rejected traffic (aws ec2 create-flow-logs --traffic-type REJECT or ALL).",
);
pub const VPC_CIDR_OVERLAP: CheckKind = kind(
    "vpc-cidr-overlap",
    None,
    Low,
    Network,
    "AwsEc2Vpc",
    "Plan non-overlapping CIDR ranges before peering or attaching these VPCs to a transit gateway.",
);
pub const CIS_ALARM_MISSING: CheckKind = kind(
    "cis-alarm-missing",
    None,
    Low,
    DetectionMonitoring,
    "AwsAccount",
    "Create the CloudTrail log metric filter and a CloudWatch alarm with an SNS action for this event (CIS AWS Foundations Benchmark monitoring section).",
);
pub const SECURITY_ALARM_FIRING: CheckKind = kind(
    "security-alarm-firing",
    None,
    Medium,
    DetectionMonitoring,
    "AwsCloudWatchAlarm",
    "Investigate the CloudTrail events behind the alarm, then confirm the change was authorised.",
);
pub const ALARM_FIRING: CheckKind = kind(
    "alarm-firing",
    None,
    Low,
    DetectionMonitoring,
    "AwsCloudWatchAlarm",
    "Investigate the metric behind the alarm.",
);
pub const ALARM_INSUFFICIENT_DATA: CheckKind = kind(
    "alarm-insufficient-data",
    None,
    Low,
    DetectionMonitoring,
    "AwsCloudWatchAlarm",
    "Check that the metric is still published (metric filter, namespace, dimensions); for event-count alarms set TreatMissingData to notBreaching.",
);
pub const ALARM_NO_ACTIONS: CheckKind = kind(
    "alarm-no-actions",
    None,
    Low,
    DetectionMonitoring,
    "AwsCloudWatchAlarm",
    "Add an alarm action (for example an SNS topic with a subscription) or enable the alarm's actions.",
);

/// Every check kind rampart runs.
pub const CHECKS: [CheckKind; 19] = [
    KMS_ROTATION,
    KMS_PENDING_DELETION,
    KMS_PUBLIC_POLICY,
    KMS_PURPOSE_DRIFT,
    SG_OPEN_SSH,
    SG_OPEN_RDP,
    SG_OPEN_UNAUTHORIZED,
    SG_OPEN_HIGH_RISK,
    SG_OPEN_ADMIN_V4,
    SG_OPEN_ADMIN_V6,
    DEFAULT_SG_RULES,
    NACL_OPEN_ADMIN,
    VPC_FLOW_LOGS,
    VPC_CIDR_OVERLAP,
    CIS_ALARM_MISSING,
    SECURITY_ALARM_FIRING,
    ALARM_FIRING,
    ALARM_INSUFFICIENT_DATA,
    ALARM_NO_ACTIONS,
];

/// The layer of a rampart check from its generator id (`rampart/<slug>`).
pub fn layer_of_generator(generator_id: &str) -> Option<Layer> {
    let slug = generator_id.strip_prefix("rampart/")?;
    CHECKS.iter().find(|k| k.slug == slug).map(|k| k.layer)
}

/// The AWS partition of a region.
pub(crate) fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

/// What one failed check says, before it becomes a finding.
pub(crate) struct Draft {
    pub kind: CheckKind,
    /// Overrides the kind's control (e.g. the CIS alarm's CloudWatch.N).
    pub control_id: Option<&'static str>,
    /// Distinguishes findings of one kind: usually the resource ARN.
    pub key: String,
    pub resource_id: String,
    pub account_id: String,
    pub region: String,
    pub title: String,
    pub description: String,
    pub evidence: Value,
}

fn remediation_url(control: &str) -> Option<String> {
    let (service, n) = control.split_once('.')?;
    let service = service.to_ascii_lowercase();
    Some(format!(
        "https://docs.aws.amazon.com/securityhub/latest/userguide/{service}-controls.html#{service}-{n}"
    ))
}

impl Draft {
    pub fn finding(self, now: Timestamp) -> Finding {
        let id = format!("rampart/{}/{}", self.kind.slug, self.key);
        let generator = format!("rampart/{}", self.kind.slug);
        let control = self.control_id.or(self.kind.control_id);
        let finding_type = format!(
            "Software and Configuration Checks/rampart/{}",
            self.kind.slug
        );
        Finding {
            source: Source::Rampart,
            product_name: "rampart".to_string(),
            title: self.title,
            description: self.description,
            types: vec![finding_type.clone()],
            finding_type,
            generator_id: Some(generator),
            severity: self.kind.severity,
            native_severity: NativeSeverity::Rampart,
            workflow: WorkflowStatus::New,
            record_state: RecordState::Active,
            compliance: Some(Compliance {
                status: Some(ComplianceStatus::Failed),
                security_control_id: control.map(str::to_string),
                ..Compliance::default()
            }),
            resources: vec![Resource {
                resource_type: self.kind.resource_type.to_string(),
                id: self.resource_id,
                region: Some(self.region.clone()),
                partition: Some(partition(&self.region).to_string()),
                tags: Default::default(),
            }],
            remediation: Some(Remediation {
                text: Some(self.kind.remediation.to_string()),
                url: control.and_then(remediation_url),
            }),
            first_seen: None,
            last_seen: Some(now),
            created_at: None,
            updated_at: None,
            provenances: vec![Provenance {
                channel: Channel::Rampart,
                product_arn: None,
                product_name: Some("rampart".to_string()),
                native_id: id.clone(),
                native_arn: None,
                account_id: self.account_id.clone(),
                region: self.region.clone(),
                raw: RawJson::from_value(&self.evidence),
            }],
            id,
            account_id: self.account_id,
            region: self.region,
        }
    }
}

/// Builds every check finding from the analyses, most severe first.
pub(crate) fn collect(
    estate: &Estate,
    kms: &KmsPosture,
    network: &NetworkPosture,
    alarms: &AlarmCoverage,
    now: Timestamp,
) -> Vec<Finding> {
    let mut drafts = Vec::new();
    kms::drafts(kms, &mut drafts);
    network::drafts(estate, network, &mut drafts);
    alarms::drafts(estate, alarms, now, &mut drafts);
    let mut out: Vec<Finding> = drafts.into_iter().map(|d| d.finding(now)).collect();
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_slugs_are_unique_and_layers_resolve() {
        for (i, k) in CHECKS.iter().enumerate() {
            assert!(
                CHECKS[i + 1..].iter().all(|o| o.slug != k.slug),
                "{}",
                k.slug
            );
            assert_eq!(
                layer_of_generator(&format!("rampart/{}", k.slug)),
                Some(k.layer)
            );
        }
        assert_eq!(layer_of_generator("security-control/KMS.4"), None);
    }

    #[test]
    fn drafts_become_findings_with_stable_ids() {
        let d = Draft {
            kind: KMS_ROTATION,
            control_id: None,
            key: "arn:aws:kms:eu-west-2:111122223333:key/k1".into(),
            resource_id: "arn:aws:kms:eu-west-2:111122223333:key/k1".into(),
            account_id: "111122223333".into(),
            region: "eu-west-2".into(),
            title: "t".into(),
            description: "d".into(),
            evidence: serde_json::json!({"rotation": false}),
        };
        let f = d.finding(crate::posture::fixtures::ts());
        assert_eq!(
            f.id,
            "rampart/kms-rotation/arn:aws:kms:eu-west-2:111122223333:key/k1"
        );
        assert_eq!(f.source, Source::Rampart);
        assert_eq!(f.control_id(), Some("KMS.4"));
        assert_eq!(f.compliance_status(), Some(ComplianceStatus::Failed));
        assert!(f.has_channel(Channel::Rampart));
        assert_eq!(f.provenances[0].raw.text(), r#"{"rotation":false}"#);
        assert_eq!(
            f.remediation.and_then(|r| r.url).as_deref(),
            Some(
                "https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-4"
            )
        );
        assert_eq!(partition("cn-north-1"), "aws-cn");
        assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
    }
}
