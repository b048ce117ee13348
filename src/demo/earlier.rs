//! The demo estate as it was a week before [`super::NOW`]: a baseline for
//! `--baseline` (tests, screenshots, trying `:diff` out). Against it the
//! demo shows one finding new, one resolved, one with its severity raised,
//! and rotation switched off on [`super::drift::ROTATION_OFF_KEY_ALIAS`]
//! (its KMS.4 check passed then and fails now).

use super::drift::ROTATION_OFF_KEY_ALIAS;
use crate::model::{ComplianceStatus, Estate, Severity, Source};

/// Id of the finding only the earlier estate has (resolved since).
pub const RESOLVED_ID: &str = "demo-earlier-resolved-portprobe";
/// Title of that finding.
pub const RESOLVED_TITLE: &str =
    "Unprotected port on EC2 instance i-0d1e5a7c3b9f20468 is being probed";

/// The earlier estate. Deterministic: equal on every call.
pub fn earlier() -> Estate {
    let mut e = super::estate();
    e.meta.captured_at -= chrono::TimeDelta::days(7);
    let mut gd = e
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.source == Source::GuardDuty && f.is_active());
    // The first active GuardDuty finding is new since; the second was
    // lower before; a third finding existed then and is gone now.
    let first = gd.next().map(|(i, _)| i);
    let second = gd.next().map(|(i, _)| i);
    if let Some(i) = second {
        let f = &mut e.findings[i];
        f.severity = if f.severity > Severity::Low {
            Severity::Low
        } else {
            Severity::Medium
        };
    }
    if let Some(mut gone) = second.map(|i| e.findings[i].clone()) {
        gone.id = RESOLVED_ID.to_string();
        gone.title = RESOLVED_TITLE.to_string();
        gone.severity = Severity::Medium;
        for p in &mut gone.provenances {
            p.native_id = RESOLVED_ID.to_string();
            p.native_arn = None;
        }
        e.findings.push(gone);
    }
    if let Some(i) = first {
        e.findings.remove(i);
    }
    for k in &mut e.kms_keys {
        if k.aliases.iter().any(|a| a == ROTATION_OFF_KEY_ALIAS) {
            k.rotation.enabled = Some(true);
            k.rotation.period_days = Some(365);
        }
    }
    // With rotation on, the key's KMS.4 check passed.
    for f in &mut e.findings {
        if f.control_id() == Some("KMS.4")
            && f.compliance_status() == Some(ComplianceStatus::Failed)
            && let Some(c) = f.compliance.as_mut()
        {
            c.status = Some(ComplianceStatus::Passed);
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{ResolvedReason, diff};

    #[test]
    fn the_demo_differs_from_its_earlier_self_in_each_way_on_purpose() {
        assert_eq!(earlier().findings, earlier().findings, "deterministic");
        let d = diff(&earlier(), &super::super::estate());
        assert!(d.not_compared.is_empty(), "{:?}", d.not_compared);
        let f = &d.findings;
        assert!(f.new.iter().any(|n| !n.reopened), "{:?}", f.new);
        assert!(f.new.iter().any(|n| n.reopened), "KMS.4 failed again");
        assert_eq!(f.resolved.len(), 1, "{:?}", f.resolved);
        assert_eq!(f.resolved[0].finding.id, RESOLVED_ID);
        assert_eq!(f.resolved[0].reason, ResolvedReason::Gone);
        assert_eq!(f.changed.len(), 1, "{:?}", f.changed);
        assert_eq!(f.changed[0].details[0].field, "severity");
        assert_eq!(d.keys.len(), 1, "{:?}", d.keys);
        assert!(
            d.keys[0]
                .details
                .iter()
                .any(|x| x.field.contains("rotation"))
        );
        assert!(d.controls.iter().any(|c| c.control_id == "KMS.4"));
        assert!(d.scores.iter().any(|s| s.delta.is_some_and(|x| x < 0)));
    }
}
