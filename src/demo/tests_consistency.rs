//! The planted drift is present exactly as documented, the failed control
//! findings match it, and the topology's references hold together.

use super::*;
use crate::model::{AlarmState, ComplianceStatus, KeyState, SgPeer, Source, WorkflowStatus};
use serde_json::Value;
use std::collections::BTreeSet;

fn key<'a>(e: &'a Estate, alias: &str) -> &'a crate::model::KmsKey {
    e.kms_keys
        .iter()
        .find(|k| k.aliases.iter().any(|a| a == alias))
        .expect(alias)
}

fn statements(policy: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(policy).expect("policy parses");
    doc["Statement"].as_array().expect("statements").clone()
}

#[test]
fn kms_drift_is_present() {
    let e = estate();
    let off = key(&e, drift::ROTATION_OFF_KEY_ALIAS);
    assert_eq!(off.rotation.enabled, Some(false));
    assert_eq!(off.state, KeyState::Enabled);

    let pending = key(&e, drift::PENDING_DELETION_KEY_ALIAS);
    assert_eq!(pending.state, KeyState::PendingDeletion);
    let days = (pending.deletion_date.expect("deletion date") - now()).num_days();
    assert_eq!(days, drift::PENDING_DELETION_DAYS);

    let public = key(&e, drift::PUBLIC_POLICY_KEY_ALIAS);
    let open: Vec<Value> = statements(public.policy.as_deref().expect("policy"))
        .into_iter()
        .filter(|s| s["Principal"] == "*" && s.get("Condition").is_none())
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["Sid"], drift::PUBLIC_POLICY_SID);

    // Nothing else is drifted.
    let healthy: Vec<_> = e
        .kms_keys
        .iter()
        .filter(|k| k.arn != off.arn && k.arn != pending.arn)
        .collect();
    assert!(healthy.iter().all(|k| {
        k.state == KeyState::Enabled
            && k.rotation.enabled == Some(true)
            && k.rotation
                .period_days
                .is_some_and(|d| (90..=2560).contains(&d))
            && k.rotation.next_rotation.is_some_and(|t| t > now())
    }));
    let public_keys = e
        .kms_keys
        .iter()
        .filter(|k| {
            control_checks::has_unconstrained_public_statement(k.policy.as_deref().unwrap_or(""))
        })
        .count();
    assert_eq!(public_keys, 1);
}

#[test]
fn network_drift_is_present() {
    let e = estate();
    let flowless: Vec<_> = e
        .vpcs
        .iter()
        .filter(|v| !e.flow_logs.iter().any(|f| f.resource_id == v.vpc_id))
        .map(|v| v.name())
        .collect();
    assert_eq!(flowless, [drift::NO_FLOW_LOGS_VPC_NAME]);
    assert!(
        e.flow_logs
            .iter()
            .all(|f| f.traffic_type == "ALL" && f.destination_type == "cloud-watch-logs")
    );

    let world_ssh: Vec<_> = e
        .security_groups
        .iter()
        .filter(|g| {
            g.ingress.iter().any(|r| {
                r.from_port == Some(22) && matches!(&r.peer, SgPeer::Ipv4(c) if c == "0.0.0.0/0")
            })
        })
        .map(|g| g.group_name.as_str())
        .collect();
    assert_eq!(world_ssh, [drift::OPEN_SSH_GROUP_NAME]);
    for g in e.security_groups.iter().filter(|g| g.is_default()) {
        assert!(g.ingress.is_empty() && g.egress.is_empty());
    }
    for g in e
        .security_groups
        .iter()
        .filter(|g| g.group_name.ends_with("-lambda"))
    {
        assert!(g.ingress.is_empty());
        assert!(g.egress.iter().all(|r| r.from_port == Some(443)));
        assert!(
            g.egress
                .iter()
                .any(|r| matches!(r.peer, SgPeer::SecurityGroup(_)))
        );
    }
}

#[test]
fn alarm_drift_and_cis_coverage() {
    let e = estate();
    let names = |state: AlarmState| -> BTreeSet<&str> {
        e.alarms
            .iter()
            .filter(|a| a.state == state)
            .map(|a| a.name.as_str())
            .collect()
    };
    assert_eq!(
        names(AlarmState::Alarm),
        drift::ALARMS_FIRING.iter().copied().collect()
    );
    assert_eq!(
        names(AlarmState::InsufficientData),
        drift::ALARMS_INSUFFICIENT_DATA.iter().copied().collect()
    );
    let cis: BTreeSet<&str> = e
        .alarms
        .iter()
        .filter(|a| a.namespace == "CloudTrailMetrics")
        .map(|a| a.metric_name.as_str())
        .collect();
    assert_eq!(cis.len(), 13);
    assert!(!cis.contains(drift::MISSING_CIS_METRIC));
    for (metric, ..) in alarms::CIS_METRICS {
        assert_eq!(cis.contains(metric), metric != drift::MISSING_CIS_METRIC);
    }
    let silent: Vec<_> = e
        .alarms
        .iter()
        .filter(|a| !a.has_actions())
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(silent, [drift::ALARM_ACTIONS_DISABLED]);
}

#[test]
fn finding_drift_is_present() {
    let e = estate();
    let gd = |ty: &str| e.findings.iter().find(|f| f.finding_type == ty).expect(ty);
    let critical = e
        .findings
        .iter()
        .filter(|f| {
            f.source == Source::GuardDuty
                && f.is_active()
                && f.severity == crate::model::Severity::Critical
        })
        .count();
    assert_eq!(critical, 2);
    assert!(gd("UnauthorizedAccess:EC2/SSHBruteForce").is_archived());
    let root = gd("Policy:IAMUser/RootCredentialUsage");
    assert!(root.is_suppressed() && !root.is_active());
    assert!(gd("SensitiveData:S3Object/Financial").is_archived());

    let crypto = gd("CryptoCurrency:EC2/BitcoinTool.B!DNS");
    let resource = crypto.primary_resource().expect("resource");
    assert_eq!(resource.resource_type, "AwsEc2Instance");
    let hub = crypto
        .provenances
        .iter()
        .find(|p| p.channel == crate::model::Channel::SecurityHub)
        .expect("asff");
    let details = &hub.raw.to_value()["Resources"][0]["Details"]["AwsEc2Instance"];
    let subnet = details["SubnetId"].as_str().expect("subnet");
    let s = e
        .subnets
        .iter()
        .find(|s| s.subnet_id == subnet)
        .expect("subnet exists");
    assert_eq!(s.tags.get("Tier").map(String::as_str), Some("private"));
    let primary = e
        .vpcs
        .iter()
        .find(|v| v.name() == "Primary")
        .expect("primary");
    assert_eq!(details["VpcId"], primary.vpc_id.as_str());
    assert_eq!(s.vpc_id, primary.vpc_id);

    let archived_controls = e
        .findings
        .iter()
        .filter(|f| f.source == Source::SecurityHub && f.is_archived())
        .count();
    assert_eq!(archived_controls, 2);
    assert!(
        e.findings
            .iter()
            .any(|f| f.control_id() == Some("S3.9") && f.is_suppressed())
    );
}

#[test]
fn failed_controls_match_the_drift_exactly() {
    let e = estate();
    let arn_of = |alias| key(&e, alias).arn.clone();
    let sg = e
        .security_groups
        .iter()
        .find(|g| g.group_name == drift::OPEN_SSH_GROUP_NAME)
        .expect("bastion");
    let vpc = e
        .vpcs
        .iter()
        .find(|v| v.name() == drift::NO_FLOW_LOGS_VPC_NAME)
        .expect("vpc");
    let sg_arn = format!(
        "arn:aws:ec2:{}:{ACCOUNT_ID}:security-group/{}",
        sg.region, sg.group_id
    );
    let legacy = catalog::bucket("legacy-exports").arn();
    let mut expected: BTreeSet<(String, String)> = [
        ("KMS.4", arn_of(drift::ROTATION_OFF_KEY_ALIAS)),
        ("KMS.3", arn_of(drift::PENDING_DELETION_KEY_ALIAS)),
        ("KMS.5", arn_of(drift::PUBLIC_POLICY_KEY_ALIAS)),
        (
            "EC2.6",
            format!("arn:aws:ec2:{}:{ACCOUNT_ID}:vpc/{}", vpc.region, vpc.vpc_id),
        ),
        ("EC2.13", sg_arn.clone()),
        ("EC2.18", sg_arn.clone()),
        ("EC2.19", sg_arn),
        (
            drift::MISSING_CIS_CONTROL,
            catalog::account_resource(ACCOUNT_ID),
        ),
        ("IAM.6", catalog::account_resource(ACCOUNT_ID)),
        ("S3.1", catalog::account_resource(MEMBER_ACCOUNT_ID)),
        ("S3.8", legacy),
        ("S3.9", catalog::bucket("access-logs").arn()),
    ]
    .into_iter()
    .map(|(c, r)| (c.to_string(), r))
    .collect();
    let failed: BTreeSet<(String, String)> = e
        .findings
        .iter()
        .filter(|f| f.compliance_status() == Some(ComplianceStatus::Failed))
        .map(|f| {
            (
                f.control_id().unwrap_or_default().to_string(),
                f.primary_resource()
                    .map(|r| r.id.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(failed, expected);
    // Only the suppressed S3.9 one is not open.
    expected.retain(|(c, _)| c == "S3.9");
    let closed: BTreeSet<(String, String)> = e
        .findings
        .iter()
        .filter(|f| f.compliance_status() == Some(ComplianceStatus::Failed) && !f.is_active())
        .map(|f| {
            (
                f.control_id().unwrap_or_default().to_string(),
                f.primary_resource()
                    .map(|r| r.id.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(closed, expected);
    // The control severity is carried by failed findings.
    for f in e
        .findings
        .iter()
        .filter(|f| f.compliance_status() == Some(ComplianceStatus::Failed))
    {
        let def = controls::def(f.control_id().unwrap_or_default()).expect("known control");
        assert_eq!(f.severity, def.severity);
    }
    assert!(
        e.findings
            .iter()
            .any(|f| f.compliance_status() == Some(ComplianceStatus::Warning) && f.is_active())
    );
    assert!(
        e.findings.iter().any(
            |f| f.compliance_status() == Some(ComplianceStatus::NotAvailable) && f.is_active()
        )
    );
    assert!(
        e.findings
            .iter()
            .any(|f| f.workflow == WorkflowStatus::Notified)
    );
}

#[test]
fn controls_and_findings_agree_on_enablement() {
    let e = estate();
    for f in e
        .findings
        .iter()
        .filter(|f| f.source == Source::SecurityHub && f.account_id == ACCOUNT_ID)
    {
        let id = f.control_id().expect("control id");
        let control = e
            .controls
            .iter()
            .find(|c| c.control_id == id && c.region == f.region)
            .expect("control defined");
        for s in &f
            .compliance
            .as_ref()
            .expect("compliance")
            .associated_standards
        {
            assert!(control.enabled_in(s), "{id} in {s} ({})", f.region);
        }
    }
    let ec2_10 = e.controls.iter().filter(|c| c.control_id == "EC2.10");
    assert!(
        ec2_10.clone().count() == 2
            && ec2_10
                .clone()
                .all(|c| c.associations.iter().all(|a| !a.enabled))
    );
    assert!(!e.findings.iter().any(|f| f.control_id() == Some("EC2.10")));
    assert!(!e.findings.iter().any(|f| {
        f.region == REPLICA_REGION
            && f.control_id()
                .is_some_and(|c| c.starts_with("IAM.") || c.starts_with("CloudWatch."))
    }));
}
