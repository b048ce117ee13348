//! KMS checks: rotation off (KMS.4), pending deletion (KMS.3), public key
//! policy (KMS.5) and `kms:ViaService` drift from the key's purpose.

use super::{Draft, KMS_PENDING_DELETION, KMS_PUBLIC_POLICY, KMS_PURPOSE_DRIFT, KMS_ROTATION};
use crate::posture::kms::{KeyAnalysis, KmsPosture, RotationStatus};
use serde_json::json;

fn draft(
    k: &KeyAnalysis,
    kind: super::CheckKind,
    title: String,
    description: String,
    evidence: serde_json::Value,
) -> Draft {
    Draft {
        kind,
        control_id: None,
        key: k.arn.clone(),
        resource_id: k.arn.clone(),
        account_id: k.account_id.clone(),
        region: k.region.clone(),
        title,
        description,
        evidence,
    }
}

pub(super) fn drafts(kms: &KmsPosture, out: &mut Vec<Draft>) {
    if !kms.coverage.is_assessed() {
        return;
    }
    for k in &kms.keys {
        // Rotation matters for keys in use; a key pending deletion is
        // reported as such instead.
        if k.rotation == RotationStatus::Disabled && k.state == "Enabled" {
            out.push(draft(
                k,
                KMS_ROTATION,
                format!("KMS key {} does not rotate automatically", k.name),
                "Automatic rotation is off for this symmetric customer managed key.".to_string(),
                json!({"key": k.arn, "spec": k.spec, "origin": k.origin, "rotation_enabled": false}),
            ));
        }
        if let Some(p) = &k.pending_deletion {
            let when = match p.days_left {
                Some(d) => format!("in {d} day(s)"),
                None => "on an unknown date".to_string(),
            };
            out.push(draft(
                k,
                KMS_PENDING_DELETION,
                format!("KMS key {} is scheduled for deletion {when}", k.name),
                "The key is in PendingDeletion; once deleted, anything encrypted under it is lost.".to_string(),
                json!({"key": k.arn, "state": k.state, "deletion_date": p.deletion_date, "days_left": p.days_left}),
            ));
        }
        if let Some(report) = k.policy.report().filter(|r| r.public) {
            let open: Vec<_> = report
                .statements
                .iter()
                .filter(|s| s.public)
                .map(|s| json!({"index": s.index, "sid": s.sid, "principals": s.principals, "actions": s.actions, "not_constraining": s.not_constraining}))
                .collect();
            out.push(draft(
                k,
                KMS_PUBLIC_POLICY,
                format!("KMS key {} policy allows any principal", k.name),
                "A key policy statement allows a wildcard principal with no fixed-value condition \
                 (kms:CallerAccount, aws:PrincipalOrgID, aws:SourceAccount, ...) constraining it."
                    .to_string(),
                json!({"key": k.arn, "public_statements": open}),
            ));
        }
        if !k.purpose_drift.is_empty() {
            out.push(draft(
                k,
                KMS_PURPOSE_DRIFT,
                format!(
                    "KMS key {} admits {} but is meant for {}",
                    k.name,
                    k.purpose_drift.join(", "),
                    k.purposes.join(", ")
                ),
                "The key policy's kms:ViaService admits services other than the one its alias or \
                 Service tag names."
                    .to_string(),
                json!({"key": k.arn, "purposes": k.purposes, "via_services_outside_purpose": k.purpose_drift}),
            ));
        }
    }
}
