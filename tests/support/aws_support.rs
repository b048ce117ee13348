//! Shared by the AWS tests: the IAM policy rampart ships, the ledger check
//! against it, and a fixed caller.
#![allow(dead_code)]

use rampart::aws::CallLedger;
use rampart::model::CallerIdentity;
use std::collections::BTreeSet;

/// Every action `docs/iam/rampart-readonly.json` allows (no wildcards).
pub fn policy_actions() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/iam/rampart-readonly.json"
    );
    let text = std::fs::read_to_string(path).expect("read the IAM policy");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("policy is JSON");
    let mut out = BTreeSet::new();
    for st in doc["Statement"].as_array().expect("statements") {
        assert_eq!(st["Effect"], "Allow", "the policy only allows");
        let actions = match &st["Action"] {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a
                .iter()
                .map(|v| v.as_str().expect("action string").to_string())
                .collect(),
            other => panic!("unexpected Action {other}"),
        };
        for a in actions {
            assert!(!a.contains('*'), "least privilege: no wildcard in {a}");
            out.insert(a);
        }
    }
    out
}

/// Fails when the ledger shows a call that was sent but that the shipped
/// policy does not allow. Returns the actions sent.
pub fn assert_sent_actions_in_policy(ledger: &CallLedger) -> BTreeSet<String> {
    let allowed = policy_actions();
    let sent = ledger.sent_actions();
    let extra: Vec<&String> = sent.difference(&allowed).collect();
    assert!(
        extra.is_empty(),
        "sent but not in docs/iam/rampart-readonly.json: {extra:?}"
    );
    sent
}

pub fn caller() -> CallerIdentity {
    CallerIdentity {
        account_id: "111122223333".to_string(),
        arn: "arn:aws:sts::111122223333:assumed-role/SecurityAudit/tester".to_string(),
        user_id: "AROAEXAMPLEID:tester".to_string(),
    }
}
