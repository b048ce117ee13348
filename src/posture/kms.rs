//! KMS analysis per key (domain.md 6.1): who manages it, rotation, pending
//! deletion, what its key policy opens up, and whether the services its
//! policy admits through `kms:ViaService` match what the key is for.

mod policy;
mod purpose;

pub use policy::{PolicyAnalysis, PolicyReport, StatementReport, analyse as analyse_policy};
pub use purpose::{purposes, via_service_name};

use super::coverage::Coverage;
use crate::model::{DatasetKind, Estate, KeyManager, KeyState, KmsKey, Timestamp};
use serde::Serialize;

/// Automatic rotation as it applies to this key.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RotationStatus {
    Enabled {
        #[serde(skip_serializing_if = "Option::is_none")]
        period_days: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        next_rotation: Option<Timestamp>,
    },
    Disabled,
    /// The rotation status was not read.
    NotAssessed,
    /// AWS managed keys rotate every year; that cannot be changed.
    AwsManaged,
    /// Automatic rotation does not exist for this kind of key.
    NotApplicable {
        reason: String,
    },
}

/// A key scheduled for deletion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PendingDeletion {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<Timestamp>,
    /// Whole days left, rounded up; 0 when the date has passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
}

/// Everything rampart concludes about one key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyAnalysis {
    pub arn: String,
    pub key_id: String,
    pub name: String,
    pub account_id: String,
    pub region: String,
    pub manager: KeyManager,
    pub spec: String,
    pub origin: String,
    pub state: String,
    pub rotation: RotationStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pending_deletion: Option<PendingDeletion>,
    pub policy: PolicyAnalysis,
    /// Services the key is for, from its aliases and `Service`/`Purpose` tags.
    pub purposes: Vec<String>,
    /// `kms:ViaService` values whose service is not among `purposes`.
    pub purpose_drift: Vec<String>,
}

impl KeyAnalysis {
    pub fn is_public(&self) -> bool {
        self.policy.report().is_some_and(|r| r.public)
    }
}

/// Counts across every key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KmsSummary {
    pub total: usize,
    pub customer_managed: usize,
    pub aws_managed: usize,
    pub rotation_enabled: usize,
    pub rotation_disabled: usize,
    pub rotation_not_assessed: usize,
    pub rotation_not_applicable: usize,
    pub pending_deletion: usize,
    pub public: usize,
    /// Keys open to any principal through a service, with no account pinned.
    pub service_only: usize,
    pub cross_account: usize,
    pub policy_not_read: usize,
    pub purpose_drift: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KmsPosture {
    pub coverage: Coverage,
    pub summary: KmsSummary,
    pub keys: Vec<KeyAnalysis>,
}

/// Rotation as it applies to `key` (asymmetric, HMAC, imported material and
/// custom key stores cannot rotate automatically).
pub fn rotation(key: &KmsKey) -> RotationStatus {
    if key.manager == KeyManager::Aws {
        return RotationStatus::AwsManaged;
    }
    let not_applicable = |reason: String| RotationStatus::NotApplicable { reason };
    if !key.is_symmetric_default() {
        return not_applicable(format!("{} keys cannot rotate automatically", key.spec));
    }
    match key.origin.as_str() {
        "EXTERNAL" => return not_applicable("imported key material".to_string()),
        "AWS_CLOUDHSM" | "EXTERNAL_KEY_STORE" => {
            return not_applicable(format!("custom key store ({})", key.origin));
        }
        _ => {}
    }
    match key.rotation.enabled {
        None => RotationStatus::NotAssessed,
        Some(false) => RotationStatus::Disabled,
        Some(true) => RotationStatus::Enabled {
            period_days: key.rotation.period_days,
            next_rotation: key.rotation.next_rotation,
        },
    }
}

fn pending_deletion(key: &KmsKey, now: Timestamp) -> Option<PendingDeletion> {
    if key.state != KeyState::PendingDeletion {
        return None;
    }
    let days_left = key.deletion_date.map(|d| {
        let secs = (d - now).num_seconds();
        if secs <= 0 {
            0
        } else {
            (secs + 86_399) / 86_400
        }
    });
    Some(PendingDeletion {
        deletion_date: key.deletion_date,
        days_left,
    })
}

/// Analyses one key at time `now`.
pub fn analyse_key(key: &KmsKey, now: Timestamp) -> KeyAnalysis {
    let policy = policy::analyse(key.policy.as_deref(), &key.account_id);
    let purposes = purposes(key);
    let purpose_drift = match policy.report() {
        Some(r) if !purposes.is_empty() => r
            .via_services
            .iter()
            .filter(|v| !purposes.iter().any(|p| *p == via_service_name(v)))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    KeyAnalysis {
        arn: key.arn.clone(),
        key_id: key.key_id.clone(),
        name: key.display_name().to_string(),
        account_id: key.account_id.clone(),
        region: key.region.clone(),
        manager: key.manager,
        spec: key.spec.clone(),
        origin: key.origin.clone(),
        state: key.state.as_str().to_string(),
        rotation: rotation(key),
        pending_deletion: pending_deletion(key, now),
        policy,
        purposes,
        purpose_drift,
    }
}

/// Analyses every key in the estate.
pub(crate) fn analyse(estate: &Estate, now: Timestamp) -> KmsPosture {
    let coverage = Coverage::all_of(estate, &[DatasetKind::KmsKeys]);
    let keys: Vec<KeyAnalysis> = estate
        .kms_keys
        .iter()
        .map(|k| analyse_key(k, now))
        .collect();
    let mut s = KmsSummary {
        total: keys.len(),
        ..KmsSummary::default()
    };
    for k in &keys {
        match k.manager {
            KeyManager::Customer => s.customer_managed += 1,
            KeyManager::Aws => s.aws_managed += 1,
        }
        match k.rotation {
            RotationStatus::Enabled { .. } | RotationStatus::AwsManaged => s.rotation_enabled += 1,
            RotationStatus::Disabled => s.rotation_disabled += 1,
            RotationStatus::NotAssessed => s.rotation_not_assessed += 1,
            RotationStatus::NotApplicable { .. } => s.rotation_not_applicable += 1,
        }
        s.pending_deletion += usize::from(k.pending_deletion.is_some());
        s.public += usize::from(k.is_public());
        s.service_only += usize::from(k.policy.report().is_some_and(|r| r.service_only));
        s.cross_account += usize::from(
            k.policy
                .report()
                .is_some_and(|r| !r.other_accounts.is_empty()),
        );
        s.policy_not_read += usize::from(k.policy.report().is_none());
        s.purpose_drift += usize::from(!k.purpose_drift.is_empty());
    }
    KmsPosture {
        coverage,
        summary: s,
        keys,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posture::fixtures::{estate, key, load, ts};

    #[test]
    fn rotation_applies_only_to_symmetric_customer_keys_with_kms_material() {
        let mut k = key("a");
        assert!(matches!(
            rotation(&k),
            RotationStatus::Enabled {
                period_days: Some(365),
                ..
            }
        ));
        k.rotation.enabled = Some(false);
        assert_eq!(rotation(&k), RotationStatus::Disabled);
        k.rotation.enabled = None;
        assert_eq!(rotation(&k), RotationStatus::NotAssessed);
        for (spec, origin) in [
            ("RSA_2048", "AWS_KMS"),
            ("HMAC_256", "AWS_KMS"),
            ("SYMMETRIC_DEFAULT", "EXTERNAL"),
            ("SYMMETRIC_DEFAULT", "AWS_CLOUDHSM"),
            ("SYMMETRIC_DEFAULT", "EXTERNAL_KEY_STORE"),
        ] {
            let mut k = key("b");
            k.spec = spec.into();
            k.origin = origin.into();
            k.rotation.enabled = Some(false);
            assert!(
                matches!(rotation(&k), RotationStatus::NotApplicable { .. }),
                "{spec} {origin}"
            );
        }
        let mut aws = key("c");
        aws.manager = KeyManager::Aws;
        assert_eq!(rotation(&aws), RotationStatus::AwsManaged);
    }

    #[test]
    fn pending_deletion_counts_days_left_from_now() {
        let mut k = key("a");
        k.state = KeyState::PendingDeletion;
        k.deletion_date = Some(ts() + chrono::Duration::hours(24 * 6 + 1));
        let a = analyse_key(&k, ts());
        assert_eq!(a.pending_deletion.and_then(|p| p.days_left), Some(7));
        k.deletion_date = Some(ts() - chrono::Duration::hours(1));
        assert_eq!(
            analyse_key(&k, ts())
                .pending_deletion
                .and_then(|p| p.days_left),
            Some(0)
        );
        assert!(analyse_key(&key("b"), ts()).pending_deletion.is_none());
    }

    #[test]
    fn via_service_outside_the_keys_purpose_is_drift() {
        let mut k = key("a");
        k.aliases = vec!["alias/orders-s3".into()];
        k.policy = Some(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt",
            "Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"},
            "StringLike":{"kms:ViaService":["s3.eu-west-2.amazonaws.com","sqs.*"]}}}]}"#
                .into(),
        );
        let a = analyse_key(&k, ts());
        assert_eq!(a.purposes, ["s3"]);
        assert_eq!(a.purpose_drift, ["sqs.*"]);
        assert!(!a.is_public());
        // An EBS key admitting EC2 is not drift.
        let mut ebs = key("b");
        ebs.tags.insert("Service".into(), "EBS".into());
        ebs.policy = Some(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*",
            "Condition":{"StringEquals":{"kms:ViaService":"ec2.eu-west-2.amazonaws.com","kms:CallerAccount":"111122223333"}}}]}"#
                .into(),
        );
        assert!(analyse_key(&ebs, ts()).purpose_drift.is_empty());
    }

    #[test]
    fn without_the_dataset_kms_is_not_assessed() {
        let mut e = estate();
        e.kms_keys = vec![key("a")];
        assert!(!analyse(&e, ts()).coverage.is_assessed());
        load(&mut e, &[DatasetKind::KmsKeys]);
        let p = analyse(&e, ts());
        assert!(p.coverage.is_assessed());
        assert_eq!(
            (
                p.summary.total,
                p.summary.rotation_enabled,
                p.summary.policy_not_read
            ),
            (1, 1, 1)
        );
    }
}
