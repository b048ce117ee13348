//! KMS keys: added, removed; rotation, state, deletion date, aliases and
//! policy statements changed.

use super::change::{Details, Ident, ItemChange, keyed};
use crate::model::{KmsKey, Rotation};

pub(super) fn diff(old: &[KmsKey], new: &[KmsKey]) -> Vec<ItemChange> {
    keyed(
        "kms_key",
        old,
        new,
        |k| Ident {
            account_id: k.account_id.clone(),
            region: k.region.clone(),
            id: k.key_id.clone(),
            name: (!k.aliases.is_empty()).then(|| k.display_name().to_string()),
        },
        compare,
    )
}

fn compare(o: &KmsKey, n: &KmsKey) -> Vec<super::Detail> {
    let mut d = Details::default();
    d.field("state", o.state.as_str(), n.state.as_str());
    d.field("rotation", rotation(&o.rotation), rotation(&n.rotation));
    d.field(
        "rotation period",
        days(o.rotation.period_days),
        days(n.rotation.period_days),
    );
    d.field("deletion date", date(o), date(n));
    d.set("alias", o.aliases.clone(), n.aliases.clone());
    d.policy("policy", o.policy.as_deref(), n.policy.as_deref());
    d.into_vec()
}

/// `on`, `off` or `unknown` (not read): an unread status is never "off".
fn rotation(r: &Rotation) -> &'static str {
    match r.enabled {
        Some(true) => "on",
        Some(false) => "off",
        None => "unknown",
    }
}

fn days(d: Option<u32>) -> String {
    d.map(|d| format!("{d} days"))
        .unwrap_or_else(|| "none".to_string())
}

fn date(k: &KmsKey) -> String {
    k.deletion_date
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "none".to_string())
}
