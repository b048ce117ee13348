mod fixtures;

use super::*;
use crate::model::{AlarmState, LoadState, RecordState, Severity, WorkflowStatus};
use crate::snapshot;
use fixtures::*;

/// Writes both estates with `snapshot::save` and reads them back, as
/// `rampart diff` does.
fn through_files(old: &Estate, new: &Estate) -> (Estate, Estate) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (po, pn) = (dir.path().join("old.json"), dir.path().join("new.json.zst"));
    snapshot::save(old, &po).expect("save old");
    snapshot::save(new, &pn).expect("save new");
    let load =
        |p: &std::path::Path| snapshot::load_paths(&[p.to_path_buf()], day(3)).expect("load");
    (load(&po), load(&pn))
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| id(i).to_string()).collect()
}

fn detail(field: &str, old: Option<&str>, new: Option<&str>) -> Detail {
    Detail {
        field: field.into(),
        old: old.map(str::to_string),
        new: new.map(str::to_string),
    }
}

#[test]
fn hand_made_snapshots_diff_exactly() {
    let (old, new) = through_files(&before(), &after());
    let d = diff(&old, &new);
    assert!(d.not_compared.is_empty(), "{:?}", d.not_compared);

    let f = &d.findings;
    assert_eq!(ids(&f.new, |n| &n.finding.id), ["f", "d"]);
    assert_eq!(
        f.new.iter().map(|n| n.reopened).collect::<Vec<_>>(),
        [false, true]
    );
    let resolved: Vec<(String, ResolvedReason)> = f
        .resolved
        .iter()
        .map(|r| (r.finding.id.clone(), r.reason))
        .collect();
    assert_eq!(
        resolved,
        [
            ("a".to_string(), ResolvedReason::Gone),
            ("b".to_string(), ResolvedReason::Archived),
            ("c".to_string(), ResolvedReason::Resolved),
        ]
    );
    assert_eq!(f.changed.len(), 1);
    assert_eq!(f.changed[0].finding.id, "e");
    assert_eq!(f.changed[0].finding.severity, Severity::Critical);
    assert_eq!(
        f.changed[0].details,
        [
            detail("severity", Some("medium"), Some("critical")),
            detail("workflow", Some("NEW"), Some("NOTIFIED")),
        ]
    );
    assert_eq!(f.not_compared, 0);

    let controls: Vec<String> = d
        .controls
        .iter()
        .map(|c| format!("{} {}", c.control_id, c.describe()))
        .collect();
    assert_eq!(
        controls,
        [
            "X.d absent → failed",
            "X.f absent → failed",
            "X.a failed → absent",
            "X.b failed → absent",
        ]
    );

    let keys: Vec<(String, ChangeKind)> = d.keys.iter().map(|k| (k.id.clone(), k.change)).collect();
    assert_eq!(
        keys,
        [
            ("k1".to_string(), ChangeKind::Changed),
            ("k2".to_string(), ChangeKind::Removed),
            ("k3".to_string(), ChangeKind::Added),
        ]
    );
    assert_eq!(d.keys[0].name.as_deref(), Some("orders"));
    assert_eq!(
        d.keys[0].details,
        [
            detail("rotation", Some("on"), Some("off")),
            detail("policy statement", None, Some("Public")),
        ]
    );

    assert_eq!(d.network.len(), 2, "{:#?}", d.network);
    let sg = &d.network[0];
    assert_eq!((sg.kind, sg.id.as_str()), ("security_group", "sg-1"));
    assert_eq!(
        sg.details,
        [detail("ingress", None, Some("tcp 22 0.0.0.0/0"))]
    );
    let acl = &d.network[1];
    assert_eq!((acl.kind, acl.id.as_str()), ("network_acl", "acl-1"));
    assert_eq!(
        acl.details,
        [detail(
            "inbound entry",
            None,
            Some("#90 deny tcp 22 0.0.0.0/0")
        )]
    );

    assert_eq!(d.alarms.len(), 1);
    assert_eq!(d.alarms[0].id, "root-usage");
    assert_eq!(
        d.alarms[0].details,
        [detail("state", Some("OK"), Some("ALARM"))]
    );
}

#[test]
fn the_reverse_diff_mirrors_the_forward_one() {
    let d = diff(&after(), &before());
    assert_eq!(ids(&d.findings.new, |n| &n.finding.id), ["a", "b", "c"]);
    assert_eq!(ids(&d.findings.resolved, |r| &r.finding.id), ["f", "d"]);
    assert_eq!(d.findings.resolved[1].reason, ResolvedReason::Archived);
    assert_eq!(
        d.network[0].details,
        [detail("ingress", Some("tcp 22 0.0.0.0/0"), None)]
    );
}

#[test]
fn an_estate_against_itself_has_no_changes() {
    let d = diff(&before(), &before());
    assert!(d.is_empty(), "{d:#?}");
    assert!(to_text(&d).ends_with("No changes.\n"));
    let demo = crate::demo::estate();
    assert!(diff(&demo, &demo).is_empty());
}

#[test]
fn a_dataset_not_read_on_one_side_is_not_compared() {
    let mut new = after();
    new.set_load(
        crate::model::DatasetKind::KmsKeys,
        Some(ACCOUNT),
        Some(REGION),
        LoadState::AccessDenied {
            action: "kms:ListKeys".into(),
            message: "denied".into(),
        },
    );
    new.kms_keys.clear();
    new.set_load(
        crate::model::DatasetKind::SecurityHubFindings,
        Some(ACCOUNT),
        Some(REGION),
        LoadState::Failed {
            reason: "timeout".into(),
        },
    );
    new.findings.clear();
    let d = diff(&before(), &new);
    assert!(d.keys.is_empty(), "unread keys must not look removed");
    assert!(
        d.findings.resolved.is_empty(),
        "unread findings must not look resolved"
    );
    assert_eq!(d.findings.not_compared, 5);
    let missing: Vec<_> = d
        .not_compared
        .iter()
        .map(|n| (n.dataset, n.missing_in))
        .collect();
    assert_eq!(
        missing,
        [
            (crate::model::DatasetKind::SecurityHubFindings, "new"),
            (crate::model::DatasetKind::KmsKeys, "new"),
        ]
    );
    assert!(
        d.not_compared[1]
            .reason
            .contains("access denied (kms:ListKeys)")
    );
    let text = to_text(&d);
    assert!(
        text.contains("KMS keys — missing in new: ")
            && text.contains("access denied (kms:ListKeys)"),
        "{text}"
    );
}

#[test]
fn demo_against_a_changed_demo() {
    use crate::demo::drift;
    let old = crate::demo::estate();
    let mut new = old.clone();
    new.meta.captured_at = old.meta.captured_at + chrono::Duration::days(1);
    // Fix the open SSH group, turn rotation on, drop a flow log, fire an alarm,
    // archive a finding and raise another.
    let sg = new
        .security_groups
        .iter_mut()
        .find(|g| g.group_name == drift::OPEN_SSH_GROUP_NAME)
        .expect("bastion group");
    let before_rules = sg.ingress.len();
    sg.ingress.retain(|r| r.from_port != Some(22));
    let removed_rules = before_rules - sg.ingress.len();
    let sg_id = sg.group_id.clone();
    let key = new
        .kms_keys
        .iter_mut()
        .find(|k| k.aliases.iter().any(|a| a == drift::ROTATION_OFF_KEY_ALIAS))
        .expect("rotation-off key");
    key.rotation.enabled = Some(true);
    let key_id = key.key_id.clone();
    let flow = new.flow_logs.remove(0);
    let alarm = new
        .alarms
        .iter_mut()
        .find(|a| a.state == AlarmState::Ok)
        .expect("an OK alarm");
    alarm.state = AlarmState::Alarm;
    let alarm_name = alarm.name.clone();
    let open: Vec<usize> = new
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| findings::is_open(f) && f.workflow == WorkflowStatus::New)
        .map(|(i, _)| i)
        .take(2)
        .collect();
    new.findings[open[0]].record_state = RecordState::Archived;
    new.findings[open[1]].workflow = WorkflowStatus::Notified;
    let (archived_id, notified_id) = (
        new.findings[open[0]].id.clone(),
        new.findings[open[1]].id.clone(),
    );

    let d = diff(&old, &new);
    assert!(d.not_compared.is_empty());
    assert!(d.findings.new.is_empty());
    assert_eq!(ids(&d.findings.resolved, |r| &r.finding.id), [archived_id]);
    assert_eq!(ids(&d.findings.changed, |c| &c.finding.id), [notified_id]);
    assert_eq!(d.keys.len(), 1);
    assert_eq!(d.keys[0].id, key_id);
    assert_eq!(
        d.keys[0].details,
        [detail("rotation", Some("off"), Some("on"))]
    );
    let net: Vec<(&str, &str, ChangeKind)> = d
        .network
        .iter()
        .map(|c| (c.kind, c.id.as_str(), c.change))
        .collect();
    assert_eq!(
        net,
        [
            ("security_group", sg_id.as_str(), ChangeKind::Changed),
            ("flow_log", flow.flow_log_id.as_str(), ChangeKind::Removed),
        ]
    );
    assert_eq!(d.network[0].details.len(), removed_rules);
    assert!(d.network[0].details.iter().all(|x| x.new.is_none()));
    assert_eq!(ids(&d.alarms, |a| &a.id), [alarm_name]);
    let text = to_text(&d);
    assert!(text.contains("- flow log"), "{text}");
    assert!(text.contains("rotation off → on"), "{text}");
}

#[test]
fn text_output_is_sanitised() {
    let mut new = after();
    new.findings[4].title = "evil \u{1b}]52;c;AAAA\u{7} title\u{202e}".into();
    let text = to_text(&diff(&before(), &new));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(text.contains("evil \\x1b]52;c;AAAA\\x07 title"), "{text}");
}

#[test]
fn json_names_every_section() {
    let v = serde_json::to_value(diff(&before(), &after())).expect("json");
    for key in [
        "old",
        "new",
        "not_compared",
        "findings",
        "keys",
        "network",
        "alarms",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["findings"]["resolved"][1]["reason"], "archived");
    assert_eq!(v["keys"][1]["change"], "removed");
}

#[test]
fn a_remediated_control_moves_its_status_and_the_scores() {
    let old = crate::demo::estate();
    let mut new = old.clone();
    let mut fixed = 0;
    for f in new.findings.iter_mut() {
        if f.control_id() == Some("KMS.4")
            && f.compliance_status() == Some(crate::model::ComplianceStatus::Failed)
            && f.record_state == RecordState::Active
        {
            if let Some(c) = f.compliance.as_mut() {
                c.status = Some(crate::model::ComplianceStatus::Passed);
            }
            f.workflow = WorkflowStatus::Resolved;
            fixed += 1;
        }
    }
    assert!(fixed > 0, "the demo has a failed KMS.4");
    let d = diff(&old, &new);
    let changes: Vec<(String, String)> = d
        .controls
        .iter()
        .map(|c| (c.control_id.clone(), c.describe()))
        .collect();
    assert_eq!(
        changes,
        [("KMS.4".to_string(), "failed → passed".to_string())]
    );
    let summary = &d.scores[0];
    assert_eq!(summary.standards_id, None);
    assert!(summary.delta.is_some_and(|x| x > 0), "{summary:?}");
    assert!(d.scores[1..].iter().any(|s| s.delta.is_some_and(|x| x > 0)));
    assert!(
        d.scores[1..]
            .iter()
            .all(|s| s.delta.is_some_and(|x| x >= 0))
    );
    let text = to_text(&d);
    assert!(text.contains("~ KMS.4 "), "{text}");
    assert!(text.contains(" points)"), "{text}");
}

#[test]
fn unread_control_findings_give_no_control_changes_and_unassessed_scores() {
    let mut new = crate::demo::estate();
    for region in crate::demo::REGIONS {
        new.set_load(
            crate::model::DatasetKind::SecurityHubFindings,
            Some(crate::demo::ACCOUNT_ID),
            Some(region),
            LoadState::NotLoaded,
        );
    }
    new.findings
        .retain(|f| !f.has_channel(crate::model::Channel::SecurityHub));
    let d = diff(&crate::demo::estate(), &new);
    assert!(d.controls.is_empty());
    assert_eq!(d.scores[0].new, "not assessed");
    assert_eq!(d.scores[0].delta, None);
}

#[test]
fn rampart_checks_appended_to_a_side_are_not_compared_as_findings() {
    let old = crate::demo::estate();
    let mut new = old.clone();
    let pn = crate::posture::assess(&new, crate::demo::now());
    assert!(!pn.checks.is_empty(), "the demo has check findings");
    new.findings.extend(pn.checks.iter().cloned());
    let po = crate::posture::assess(&old, crate::demo::now());
    let d = diff_assessed(&old, &po, &new, &pn);
    assert!(d.findings.is_empty(), "{:?}", d.findings.new.len());
    // The same checks left in the old side are not "resolved" either.
    let d = diff_assessed(&new, &pn, &old, &po);
    assert!(d.findings.is_empty(), "{:?}", d.findings.resolved.len());
}
