//! KMS key metadata, rotation, policy, aliases and tags to [`KmsKey`].

use super::{non_empty, time};
use crate::model::{KeyManager, KeyState, KmsKey, Rotation};
use aws_sdk_kms::operation::get_key_rotation_status::GetKeyRotationStatusOutput;
use aws_sdk_kms::types as kms;
use std::collections::BTreeMap;

/// Everything read about one key besides its metadata. `None` = not read.
#[derive(Debug, Default)]
pub struct KeyExtras {
    pub aliases: Vec<String>,
    pub rotation: Option<GetKeyRotationStatusOutput>,
    pub policy: Option<String>,
    pub tags: Vec<kms::Tag>,
}

/// True when the key can rotate automatically (symmetric encryption keys
/// with key material from KMS): the only keys GetKeyRotationStatus answers for.
pub fn rotation_applies(m: &kms::KeyMetadata) -> bool {
    m.key_spec()
        .is_none_or(|s| s.as_str() == "SYMMETRIC_DEFAULT")
        && m.origin().is_none_or(|o| o.as_str() == "AWS_KMS")
}

/// True for keys the caller manages (aliases, tags and rotation are theirs).
pub fn customer_managed(m: &kms::KeyMetadata) -> bool {
    m.key_manager().is_none_or(|k| k.as_str() != "AWS")
}

pub fn key(m: &kms::KeyMetadata, extras: KeyExtras, account_id: &str, region: &str) -> KmsKey {
    let rotation = match extras.rotation {
        Some(r) => Rotation {
            enabled: Some(r.key_rotation_enabled()),
            period_days: r
                .rotation_period_in_days()
                .and_then(|d| u32::try_from(d).ok()),
            next_rotation: r.next_rotation_date().and_then(time),
        },
        None => Rotation::default(),
    };
    let tags: BTreeMap<String, String> = extras
        .tags
        .iter()
        .map(|t| (t.tag_key().to_string(), t.tag_value().to_string()))
        .collect();
    KmsKey {
        key_id: m.key_id().to_string(),
        arn: m.arn().unwrap_or_default().to_string(),
        account_id: non_empty(m.aws_account_id()).unwrap_or_else(|| account_id.to_string()),
        region: region.to_string(),
        aliases: extras.aliases,
        manager: if customer_managed(m) {
            KeyManager::Customer
        } else {
            KeyManager::Aws
        },
        spec: m
            .key_spec()
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "SYMMETRIC_DEFAULT".to_string()),
        usage: m
            .key_usage()
            .map(|u| u.as_str().to_string())
            .unwrap_or_else(|| "ENCRYPT_DECRYPT".to_string()),
        origin: m
            .origin()
            .map(|o| o.as_str().to_string())
            .unwrap_or_else(|| "AWS_KMS".to_string()),
        state: m
            .key_state()
            .map(|s| KeyState::parse(s.as_str()))
            .unwrap_or(if m.enabled() {
                KeyState::Enabled
            } else {
                KeyState::Disabled
            }),
        description: m.description().unwrap_or_default().to_string(),
        created_at: m.creation_date().and_then(time),
        deletion_date: m.deletion_date().and_then(time),
        multi_region: m.multi_region().unwrap_or(false),
        rotation,
        policy: extras.policy,
        tags,
    }
}

/// Alias names per target key id, skipping aliases without a target.
pub fn aliases_by_key(entries: &[kms::AliasListEntry]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in entries {
        if let (Some(key), Some(name)) = (non_empty(a.target_key_id()), non_empty(a.alias_name())) {
            out.entry(key).or_default().push(name);
        }
    }
    for names in out.values_mut() {
        names.sort();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(spec: kms::KeySpec, manager: kms::KeyManagerType) -> kms::KeyMetadata {
        kms::KeyMetadata::builder()
            .key_id("1234abcd-12ab-34cd-56ef-1234567890ab")
            .arn("arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
            .aws_account_id("111122223333")
            .enabled(true)
            .key_state(kms::KeyState::PendingDeletion)
            .key_spec(spec)
            .key_manager(manager)
            .origin(kms::OriginType::AwsKms)
            .deletion_date(aws_smithy_types::DateTime::from_secs(1_800_000_000))
            .build()
            .expect("metadata")
    }

    #[test]
    fn keys_carry_rotation_policy_tags_and_state() {
        let m = meta(
            kms::KeySpec::SymmetricDefault,
            kms::KeyManagerType::Customer,
        );
        assert!(rotation_applies(&m) && customer_managed(&m));
        let extras = KeyExtras {
            aliases: vec!["alias/app".into()],
            rotation: Some(
                GetKeyRotationStatusOutput::builder()
                    .key_rotation_enabled(true)
                    .rotation_period_in_days(365)
                    .build(),
            ),
            policy: Some("{\"Version\":\"2012-10-17\"}".into()),
            tags: vec![
                kms::Tag::builder()
                    .tag_key("team")
                    .tag_value("sec")
                    .build()
                    .expect("tag"),
            ],
        };
        let k = key(&m, extras, "999999999999", "eu-west-2");
        assert_eq!(k.account_id, "111122223333");
        assert_eq!(k.rotation.enabled, Some(true));
        assert_eq!(k.rotation.period_days, Some(365));
        assert_eq!(k.state, KeyState::PendingDeletion);
        assert!(k.deletion_date.is_some());
        assert_eq!(k.display_name(), "app");
        assert_eq!(k.tags["team"], "sec");
    }

    #[test]
    fn unread_rotation_stays_unknown_and_asymmetric_keys_do_not_rotate() {
        let m = meta(kms::KeySpec::Rsa2048, kms::KeyManagerType::Aws);
        assert!(!rotation_applies(&m) && !customer_managed(&m));
        let k = key(&m, KeyExtras::default(), "111122223333", "eu-west-2");
        assert_eq!(k.rotation.enabled, None);
        assert_eq!(k.manager, KeyManager::Aws);
        assert_eq!(k.spec, "RSA_2048");
    }

    #[test]
    fn aliases_group_by_target_key() {
        let e = |name: &str, target: Option<&str>| {
            let b = kms::AliasListEntry::builder().alias_name(name);
            match target {
                Some(t) => b.target_key_id(t).build(),
                None => b.build(),
            }
        };
        let m = aliases_by_key(&[
            e("alias/b", Some("k1")),
            e("alias/a", Some("k1")),
            e("alias/aws/s3", None),
        ]);
        assert_eq!(m.len(), 1);
        assert_eq!(m["k1"], ["alias/a", "alias/b"]);
    }
}
