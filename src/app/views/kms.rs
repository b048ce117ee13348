//! The KMS key list and one key's detail (its policy pretty-printed with
//! the risky statements marked, tags, related findings).

mod policy_doc;

pub use policy_doc::policy_lines;

use super::super::cursor::ListCursor;
use super::super::xref::Xref;
use super::scroll::Scroll;
use crate::model::{Estate, KeyManager};
use crate::posture::Posture;
use crate::posture::kms::{KeyAnalysis, PolicyAnalysis, RotationStatus};

/// Keys by region, customer managed first, then by name.
#[derive(Debug, Default)]
pub struct KmsView {
    pub cursor: ListCursor,
    /// Indices into `estate.kms_keys`.
    rows: Vec<u32>,
}

impl KmsView {
    pub fn new(estate: &Estate) -> KmsView {
        let mut v = KmsView::default();
        v.refresh(estate);
        v
    }

    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor.selected).map(|i| *i as usize)
    }

    pub fn refresh(&mut self, estate: &Estate) {
        let keys = &estate.kms_keys;
        let mut rows: Vec<u32> = (0..keys.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        rows.sort_by(|a, b| {
            let (a, b) = (&keys[*a as usize], &keys[*b as usize]);
            a.region
                .cmp(&b.region)
                .then((a.manager == KeyManager::Aws).cmp(&(b.manager == KeyManager::Aws)))
                .then_with(|| a.display_name().cmp(b.display_name()))
                .then_with(|| a.key_id.cmp(&b.key_id))
        });
        self.rows = rows;
        self.cursor.clamp(self.rows.len());
    }
}

/// What a line of the key detail is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyLine {
    Heading(String),
    Field(String, String),
    /// A field that is a problem (rotation off, pending deletion, drift).
    Warn(String, String),
    Text(String),
    /// A policy line; `Some(reason)` marks a risky statement.
    Policy(String, Option<String>),
    Blank,
}

/// One key's detail: built when it opens.
#[derive(Debug)]
pub struct KeyView {
    /// Index into `estate.kms_keys`.
    pub key: usize,
    pub arn: String,
    pub lines: Vec<KeyLine>,
    pub scroll: Scroll,
}

/// What rotation means for this key (`on, every 365 days, next ...`), and
/// whether it is a problem; `short` for a table cell (`on, 365d, ...`).
pub fn rotation_text(r: &RotationStatus, short: bool) -> (String, bool) {
    let text = match r {
        RotationStatus::Enabled {
            period_days,
            next_rotation,
        } => {
            let mut t = "on".to_string();
            match period_days {
                Some(d) if short => t.push_str(&format!(", {d}d")),
                Some(d) => t.push_str(&format!(", every {d} days")),
                None => {}
            }
            if let Some(n) = next_rotation {
                t.push_str(&format!(", next {}", n.format("%Y-%m-%d")));
            }
            t
        }
        RotationStatus::Disabled if short => "✗ OFF".to_string(),
        RotationStatus::Disabled => "OFF".to_string(),
        RotationStatus::NotAssessed if short => "– not read".to_string(),
        RotationStatus::NotAssessed => "not assessed (status not read)".to_string(),
        RotationStatus::AwsManaged if short => "yearly (AWS)".to_string(),
        RotationStatus::AwsManaged => "yearly (AWS managed)".to_string(),
        RotationStatus::NotApplicable { .. } if short => "n/a".to_string(),
        RotationStatus::NotApplicable { reason } => format!("n/a: {reason}"),
    };
    (text, matches!(r, RotationStatus::Disabled))
}

impl KeyView {
    pub fn new(estate: &Estate, posture: &Posture, xref: &Xref, key: usize) -> Option<KeyView> {
        let k = estate.kms_keys.get(key)?;
        let a = xref
            .key_analysis
            .get(&k.arn)
            .and_then(|i| posture.kms.keys.get(*i));
        let mut lines = vec![
            KeyLine::Heading(format!("KMS key {}", k.display_name())),
            KeyLine::Field("ARN".into(), k.arn.clone()),
            KeyLine::Field("Key id".into(), k.key_id.clone()),
            KeyLine::Field("Aliases".into(), join_or(&k.aliases, "(none)")),
            KeyLine::Field(
                "Account / region".into(),
                format!("{} / {}", k.account_id, k.region),
            ),
            KeyLine::Field(
                "Manager".into(),
                match k.manager {
                    KeyManager::Customer => "customer".into(),
                    KeyManager::Aws => "AWS".into(),
                },
            ),
            KeyLine::Field(
                "Spec / usage".into(),
                format!("{} / {} ({})", k.spec, k.usage, k.origin),
            ),
            KeyLine::Field("State".into(), k.state.as_str().to_string()),
        ];
        if !k.description.is_empty() {
            lines.push(KeyLine::Field("Description".into(), k.description.clone()));
        }
        if let Some(a) = a {
            analysis_lines(&mut lines, a);
        }
        lines.push(KeyLine::Blank);
        lines.push(KeyLine::Heading(format!("Tags ({})", k.tags.len())));
        if k.tags.is_empty() {
            lines.push(KeyLine::Text("(no tags)".into()));
        }
        for (t, v) in &k.tags {
            lines.push(KeyLine::Field(t.clone(), v.clone()));
        }
        let ids = xref.key_findings(estate, key);
        lines.push(KeyLine::Blank);
        lines.push(KeyLine::Heading(format!(
            "Related findings ({}) · f opens them",
            ids.len()
        )));
        let mut related: Vec<_> = estate
            .findings
            .iter()
            .filter(|f| ids.contains(&f.id))
            .collect();
        related.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.title.cmp(&b.title))
        });
        for f in related {
            let state = if f.is_active() { "" } else { " (inactive)" };
            lines.push(KeyLine::Field(
                f.severity.as_str().to_string(),
                format!("{} · {}{state}", f.source.label(), f.title),
            ));
        }
        lines.push(KeyLine::Blank);
        lines.push(KeyLine::Heading("Key policy".into()));
        lines.extend(policy_lines(k.policy.as_deref(), a.map(|a| &a.policy)));
        Some(KeyView {
            key,
            arn: k.arn.clone(),
            lines,
            scroll: Scroll::default(),
        })
    }
}

fn join_or(items: &[String], none: &str) -> String {
    if items.is_empty() {
        none.to_string()
    } else {
        items.join(", ")
    }
}

fn analysis_lines(lines: &mut Vec<KeyLine>, a: &KeyAnalysis) {
    let (rotation, bad) = rotation_text(&a.rotation, false);
    lines.push(if bad {
        KeyLine::Warn("Rotation".into(), rotation)
    } else {
        KeyLine::Field("Rotation".into(), rotation)
    });
    if let Some(p) = &a.pending_deletion {
        let when = p
            .deletion_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "date unknown".into());
        let days = p
            .days_left
            .map(|d| format!("{d} days left"))
            .unwrap_or_else(|| "days left unknown".into());
        lines.push(KeyLine::Warn(
            "Pending deletion".into(),
            format!("{when} ({days})"),
        ));
    }
    lines.push(KeyLine::Field(
        "Purpose".into(),
        join_or(&a.purposes, "(not stated)"),
    ));
    match &a.policy {
        PolicyAnalysis::Analysed(r) => {
            lines.push(KeyLine::Field(
                "kms:ViaService".into(),
                join_or(&r.via_services, "(none: any path)"),
            ));
            if !r.other_accounts.is_empty() {
                lines.push(KeyLine::Warn(
                    "Other accounts".into(),
                    r.other_accounts.join(", "),
                ));
            }
            if r.public {
                lines.push(KeyLine::Warn(
                    "Public".into(),
                    "an Allow statement admits any principal without a constraint".into(),
                ));
            }
        }
        PolicyAnalysis::NotRead => {
            lines.push(KeyLine::Field("Policy".into(), "not read".into()));
        }
        PolicyAnalysis::Unparseable { error } => {
            lines.push(KeyLine::Warn(
                "Policy".into(),
                format!("unreadable: {error}"),
            ));
        }
    }
    if !a.purpose_drift.is_empty() {
        lines.push(KeyLine::Warn(
            "Purpose drift".into(),
            format!("admits {} beyond its purpose", a.purpose_drift.join(", ")),
        ));
    }
}
