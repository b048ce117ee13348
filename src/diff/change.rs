//! The change records shared by keys, network and alarms, and the helpers
//! that build them.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One property that differs. For set members (rules, routes, aliases) one
/// side is `None`: added (`old` is `None`) or removed (`new` is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Detail {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

impl Detail {
    pub fn describe(&self) -> String {
        match (&self.old, &self.new) {
            (None, Some(n)) => format!("{} + {n}", self.field),
            (Some(o), None) => format!("{} - {o}", self.field),
            (Some(o), Some(n)) => format!("{} {o} → {n}", self.field),
            (None, None) => self.field.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    /// `+`, `-` or `~`.
    pub fn sign(self) -> char {
        match self {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        }
    }
}

/// A resource added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    /// `kms_key`, `vpc`, `subnet`, `route_table`, `internet_gateway`,
    /// `nat_gateway`, `vpc_endpoint`, `security_group`, `network_acl`,
    /// `flow_log`, `alarm`.
    pub kind: &'static str,
    pub id: String,
    /// Display name (alias, `Name` tag, group name), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub account_id: String,
    pub region: String,
    pub change: ChangeKind,
    /// What differs (for `changed`); empty for added and removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
}

/// Where a resource lives and what it is called.
pub(super) struct Ident {
    pub account_id: String,
    pub region: String,
    pub id: String,
    pub name: Option<String>,
}

/// Matches `old` and `new` items by account, region and id and reports
/// each one added, removed, or changed (when `compare` finds details).
pub(super) fn keyed<T>(
    kind: &'static str,
    old: &[T],
    new: &[T],
    ident: impl Fn(&T) -> Ident,
    compare: impl Fn(&T, &T) -> Vec<Detail>,
) -> Vec<ItemChange> {
    type Key = (String, String, String);
    let index = |items: &[T]| -> BTreeMap<Key, (Ident, usize)> {
        let mut m = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let id = ident(item);
            let key = (id.account_id.clone(), id.region.clone(), id.id.clone());
            m.entry(key).or_insert((id, i));
        }
        m
    };
    let (o, n) = (index(old), index(new));
    let mut out = Vec::new();
    let keys: BTreeSet<&Key> = o.keys().chain(n.keys()).collect();
    for key in keys {
        let (change, ident, details) = match (o.get(key), n.get(key)) {
            (Some((_, oi)), Some((id, ni))) => {
                let details = compare(&old[*oi], &new[*ni]);
                if details.is_empty() {
                    continue;
                }
                (ChangeKind::Changed, id, details)
            }
            (None, Some((id, _))) => (ChangeKind::Added, id, Vec::new()),
            (Some((id, _)), None) => (ChangeKind::Removed, id, Vec::new()),
            (None, None) => continue,
        };
        out.push(ItemChange {
            kind,
            id: ident.id.clone(),
            name: ident.name.clone(),
            account_id: ident.account_id.clone(),
            region: ident.region.clone(),
            change,
            details,
        });
    }
    out
}

/// Collects details: scalar properties and set members.
#[derive(Default)]
pub(super) struct Details(pub Vec<Detail>);

impl Details {
    /// Records `field` when `old != new`.
    pub fn field(&mut self, field: &str, old: impl ToString, new: impl ToString) {
        let (o, n) = (old.to_string(), new.to_string());
        if o != n {
            self.0.push(Detail {
                field: field.to_string(),
                old: Some(o),
                new: Some(n),
            });
        }
    }

    /// Records members added to and removed from a set.
    pub fn set<I, J>(&mut self, field: &str, old: I, new: J)
    where
        I: IntoIterator<Item = String>,
        J: IntoIterator<Item = String>,
    {
        let o: BTreeSet<String> = old.into_iter().collect();
        let n: BTreeSet<String> = new.into_iter().collect();
        for gone in o.difference(&n) {
            self.0.push(Detail {
                field: field.to_string(),
                old: Some(gone.clone()),
                new: None,
            });
        }
        for added in n.difference(&o) {
            self.0.push(Detail {
                field: field.to_string(),
                old: None,
                new: Some(added.clone()),
            });
        }
    }

    /// Records an optional JSON policy document that changed, statement by
    /// statement when both parse (by `Sid`, else by position).
    pub fn policy(&mut self, field: &str, old: Option<&str>, new: Option<&str>) {
        match (old, new) {
            (Some(o), Some(n)) => policy_change(self, field, o, n),
            (Some(_), None) => self.field(field, "set", "none or not read"),
            (None, Some(_)) => self.field(field, "none or not read", "set"),
            (None, None) => {}
        }
    }

    pub fn into_vec(self) -> Vec<Detail> {
        self.0
    }
}

fn policy_change(d: &mut Details, field: &str, old: &str, new: &str) {
    let (o, n) = match (
        serde_json::from_str::<serde_json::Value>(old),
        serde_json::from_str::<serde_json::Value>(new),
    ) {
        (Ok(o), Ok(n)) => (o, n),
        _ => {
            if old != new {
                let short =
                    |s: &str| format!("sha256 {}", &crate::ledger::sha256_hex(s.as_bytes())[..12]);
                d.field(field, short(old), short(new));
            }
            return;
        }
    };
    if o == n {
        return;
    }
    let (os, ns) = (statements(&o), statements(&n));
    let mut changed = false;
    for (sid, stmt) in &os {
        match ns.get(sid) {
            None => {
                changed = true;
                d.0.push(Detail {
                    field: format!("{field} statement"),
                    old: Some(sid.clone()),
                    new: None,
                })
            }
            Some(other) if other != stmt => {
                changed = true;
                d.0.push(Detail {
                    field: format!("{field} statement {sid}"),
                    old: Some(compact(stmt)),
                    new: Some(compact(other)),
                })
            }
            Some(_) => {}
        }
    }
    for sid in ns.keys().filter(|s| !os.contains_key(*s)) {
        changed = true;
        d.0.push(Detail {
            field: format!("{field} statement"),
            old: None,
            new: Some(sid.clone()),
        });
    }
    if !changed {
        // Same statements; something outside them (Version, Id) differs.
        d.field(field, compact(&o), compact(&n));
    }
}

/// Statements by `Sid` (or `#<position>` when unnamed).
fn statements(policy: &serde_json::Value) -> BTreeMap<String, serde_json::Value> {
    let list = match policy.get("Statement") {
        Some(serde_json::Value::Array(a)) => a.clone(),
        Some(one) => vec![one.clone()],
        None => Vec::new(),
    };
    list.into_iter()
        .enumerate()
        .map(|(i, s)| {
            let sid = s
                .get("Sid")
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .unwrap_or_else(|| format!("#{}", i + 1));
            (sid, s)
        })
        .collect()
}

fn compact(v: &serde_json::Value) -> String {
    serde_json::to_string(v).unwrap_or_default()
}
