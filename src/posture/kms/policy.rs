//! Key policy analysis: which statements open the key to everyone or to
//! other accounts, and whether their conditions really constrain them.
//!
//! A condition constrains a statement only when its operator limits the
//! key to listed values (`StringEquals`, `StringEqualsIgnoreCase`,
//! `StringLike`, `ArnEquals`, `ArnLike`, optionally `ForAnyValue:`) and every
//! value is fixed. As KMS.5 does, a wildcard (`*`, `?`) or a policy variable
//! (`${...}`) in the value means the condition is not evaluated as a limit;
//! `...IfExists`, `ForAllValues:` and negated operators never constrain.
//! A statement held only by `kms:ViaService` counts as constrained (as the
//! project's spec asks) but is flagged `service_only`: no account is pinned.

use serde::Serialize;
use serde_json::Value;

/// Condition keys that pin who may use the key.
const CONSTRAINING_KEYS: &[&str] = &[
    "kms:calleraccount",
    "kms:viaservice",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceorgid",
    "aws:sourcevpc",
    "aws:sourcevpce",
];

/// Condition keys whose values are account ids.
const ACCOUNT_KEYS: &[&str] = &[
    "kms:calleraccount",
    "aws:principalaccount",
    "aws:sourceaccount",
];

/// The analysis of one key policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PolicyAnalysis {
    /// The policy was not read (GetKeyPolicy not called or denied).
    NotRead,
    Unparseable {
        error: String,
    },
    Analysed(PolicyReport),
}

impl PolicyAnalysis {
    pub fn report(&self) -> Option<&PolicyReport> {
        match self {
            PolicyAnalysis::Analysed(r) => Some(r),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PolicyReport {
    pub statements: Vec<StatementReport>,
    /// Some Allow statement is open to any principal without a constraint.
    pub public: bool,
    /// Some Allow statement opens the key to any principal constrained only
    /// by `kms:ViaService` (no account pinned).
    pub service_only: bool,
    /// Other accounts granted access (principals or account conditions).
    pub other_accounts: Vec<String>,
    /// `kms:ViaService` values admitted by Allow statements.
    pub via_services: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StatementReport {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub allow: bool,
    pub principals: Vec<String>,
    /// `Principal: "*"`, `{"AWS": "*"}` or `NotPrincipal`.
    pub wildcard_principal: bool,
    pub other_accounts: Vec<String>,
    pub actions: Vec<String>,
    /// Conditions that pin the statement down, as `key=value`.
    pub constrained_by: Vec<String>,
    /// Conditions present that do not constrain it, with why.
    pub not_constraining: Vec<String>,
    pub via_services: Vec<String>,
    /// Allow + wildcard principal + no constraint.
    pub public: bool,
    /// Allow + wildcard principal constrained by `kms:ViaService` alone:
    /// not public by the rules above, but no account is pinned, so principals
    /// of other accounts may use the key through that service.
    pub service_only: bool,
}

/// Analyses a key policy document for a key owned by `own_account`.
pub fn analyse(policy: Option<&str>, own_account: &str) -> PolicyAnalysis {
    let Some(text) = policy else {
        return PolicyAnalysis::NotRead;
    };
    let doc: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return PolicyAnalysis::Unparseable {
                error: e.to_string(),
            };
        }
    };
    let statements = match doc.get("Statement") {
        Some(Value::Array(list)) => list.iter().collect::<Vec<_>>(),
        Some(one @ Value::Object(_)) => vec![one],
        _ => {
            return PolicyAnalysis::Unparseable {
                error: "no Statement".to_string(),
            };
        }
    };
    let mut report = PolicyReport::default();
    for (index, st) in statements.into_iter().enumerate() {
        let s = statement(index, st, own_account);
        report.public |= s.public;
        report.service_only |= s.service_only;
        if s.allow {
            push_unique(&mut report.other_accounts, &s.other_accounts);
            push_unique(&mut report.via_services, &s.via_services);
        }
        report.statements.push(s);
    }
    PolicyAnalysis::Analysed(report)
}

fn push_unique(into: &mut Vec<String>, from: &[String]) {
    for v in from {
        if !into.contains(v) {
            into.push(v.clone());
        }
    }
}

/// Strings of a `"x"` or `["x","y"]` value.
fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The 12-digit account id in an ARN or a bare account id.
fn account_of(principal: &str) -> Option<&str> {
    let candidate = if principal.starts_with("arn:") {
        principal.split(':').nth(4)?
    } else {
        principal
    };
    (candidate.len() == 12 && candidate.bytes().all(|b| b.is_ascii_digit())).then_some(candidate)
}

fn statement(index: usize, st: &Value, own: &str) -> StatementReport {
    let mut r = StatementReport {
        index,
        sid: st.get("Sid").and_then(Value::as_str).map(str::to_string),
        allow: st.get("Effect").and_then(Value::as_str) == Some("Allow"),
        ..StatementReport::default()
    };
    if let Some(p) = st.get("Principal") {
        principals(p, own, &mut r);
    }
    if st.get("NotPrincipal").is_some() {
        r.wildcard_principal = true;
        r.principals
            .push("NotPrincipal (everyone else)".to_string());
    }
    if let Some(a) = st.get("Action").or_else(|| st.get("NotAction")) {
        r.actions = strings(a).into_iter().map(str::to_string).collect();
    }
    if let Some(Value::Object(ops)) = st.get("Condition") {
        for (op, block) in ops {
            let Value::Object(keys) = block else { continue };
            for (key, values) in keys {
                condition(op, key, &strings(values), own, &mut r);
            }
        }
    }
    r.public = r.allow && r.wildcard_principal && r.constrained_by.is_empty();
    r.service_only = r.allow
        && r.wildcard_principal
        && !r.constrained_by.is_empty()
        && r.constrained_by
            .iter()
            .all(|c| c.to_ascii_lowercase().starts_with("kms:viaservice="));
    r
}

fn principals(p: &Value, own: &str, r: &mut StatementReport) {
    let mut add = |kind: &str, value: &str| {
        if (kind == "AWS" && value.contains('*')) || kind == "*" {
            r.wildcard_principal = true;
        }
        if kind == "AWS"
            && let Some(acct) = account_of(value)
            && acct != own
            && !r.other_accounts.iter().any(|a| a == acct)
        {
            r.other_accounts.push(acct.to_string());
        }
        r.principals.push(if kind == "*" {
            "*".to_string()
        } else {
            format!("{kind}:{value}")
        });
    };
    match p {
        Value::String(s) if s == "*" => add("*", "*"),
        Value::Object(map) => {
            for (kind, v) in map {
                for value in strings(v) {
                    add(kind, value);
                }
            }
        }
        _ => {}
    }
}

fn condition(op: &str, key: &str, values: &[&str], own: &str, r: &mut StatementReport) {
    let key_lc = key.to_ascii_lowercase();
    let (set_op, base) = match op.split_once(':') {
        Some((prefix, base)) => (Some(prefix), base),
        None => (None, op),
    };
    let if_exists = base.ends_with("IfExists");
    let base = base.trim_end_matches("IfExists");
    let positive = matches!(
        base,
        "StringEquals" | "StringEqualsIgnoreCase" | "StringLike" | "ArnEquals" | "ArnLike"
    );
    if key_lc == "kms:viaservice" && positive && r.allow {
        for v in values {
            if !r.via_services.iter().any(|x| x == v) {
                r.via_services.push(v.to_string());
            }
        }
    }
    if !CONSTRAINING_KEYS.contains(&key_lc.as_str()) {
        return;
    }
    let for_all = set_op.is_some_and(|s| s.eq_ignore_ascii_case("ForAllValues"));
    let wildcard = values.iter().find(|v| v.contains('*') || v.contains('?'));
    let variable = values.iter().find(|v| v.contains("${"));
    let why_not = if !positive {
        Some(format!("{op} does not limit who may use the key"))
    } else if if_exists || for_all {
        Some(format!("{op} passes when the key is absent"))
    } else if values.is_empty() {
        Some("no values".to_string())
    } else if let Some(v) = wildcard {
        Some(format!("wildcard value {v:?}"))
    } else {
        variable.map(|v| format!("policy variable {v:?}"))
    };
    match why_not {
        Some(reason) => r.not_constraining.push(format!("{key}: {reason}")),
        None => {
            r.constrained_by.push(format!("{key}={}", values.join(",")));
            if ACCOUNT_KEYS.contains(&key_lc.as_str()) {
                for v in values {
                    if *v != own && !r.other_accounts.iter().any(|a| a == v) {
                        r.other_accounts.push(v.to_string());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: &str = "111122223333";

    fn report(policy: &str) -> PolicyReport {
        match analyse(Some(policy), OWN) {
            PolicyAnalysis::Analysed(r) => r,
            other => panic!("not analysed: {other:?}"),
        }
    }

    fn wildcard_with(condition: &str) -> String {
        format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Use","Effect":"Allow","Principal":{{"AWS":"*"}},
            "Action":["kms:Decrypt"],"Resource":"*","Condition":{condition}}}]}}"#
        )
    }

    #[test]
    fn principal_star_with_a_fixed_caller_account_is_not_public() {
        let r = report(&wildcard_with(
            r#"{"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"ec2.eu-west-2.amazonaws.com"}}"#,
        ));
        assert!(!r.public);
        assert!(r.statements[0].wildcard_principal);
        assert_eq!(r.statements[0].constrained_by.len(), 2);
        assert_eq!(r.via_services, ["ec2.eu-west-2.amazonaws.com"]);
        assert!(r.other_accounts.is_empty());
    }

    #[test]
    fn principal_star_with_a_wildcard_condition_is_public() {
        let r = report(&wildcard_with(
            r#"{"StringLike":{"kms:CallerAccount":"*"}}"#,
        ));
        assert!(r.public);
        assert!(
            r.statements[0].not_constraining[0].contains("wildcard"),
            "{:?}",
            r.statements[0]
        );
    }

    #[test]
    fn policy_variables_negations_and_if_exists_do_not_constrain() {
        for cond in [
            r#"{"StringEquals":{"aws:PrincipalOrgID":"${aws:PrincipalTag/org}"}}"#,
            r#"{"StringNotEquals":{"kms:CallerAccount":"444455556666"}}"#,
            r#"{"StringEqualsIfExists":{"aws:SourceAccount":"111122223333"}}"#,
            r#"{"ForAllValues:StringEquals":{"aws:PrincipalOrgID":"o-abc"}}"#,
            r#"{"Bool":{"aws:SecureTransport":"true"}}"#,
        ] {
            assert!(report(&wildcard_with(cond)).public, "{cond}");
        }
    }

    #[test]
    fn via_service_alone_is_not_public_but_is_flagged() {
        let r = report(&wildcard_with(
            r#"{"StringEquals":{"kms:ViaService":"s3.eu-west-2.amazonaws.com"}}"#,
        ));
        assert!(!r.public);
        assert!(r.service_only);
        let pinned = report(&wildcard_with(
            r#"{"StringEquals":{"kms:ViaService":"s3.eu-west-2.amazonaws.com","kms:CallerAccount":"111122223333"}}"#,
        ));
        assert!(!pinned.service_only);
    }

    #[test]
    fn org_id_or_source_account_with_fixed_values_constrain() {
        assert!(
            !report(&wildcard_with(
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}"#
            ))
            .public
        );
        assert!(
            !report(&wildcard_with(
                r#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#
            ))
            .public
        );
    }

    #[test]
    fn bare_star_and_not_principal_are_wildcards_and_deny_is_never_public() {
        let bare =
            r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}}"#;
        assert!(report(bare).public);
        let not_principal = r#"{"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*"}]}"#;
        assert!(report(not_principal).public);
        let deny = r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:*"}]}"#;
        assert!(!report(deny).public);
    }

    #[test]
    fn other_accounts_are_found_in_principals_and_conditions() {
        let p = r#"{"Statement":[
            {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:role/app"]},"Action":"kms:Decrypt"},
            {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Condition":{"StringEquals":{"kms:CallerAccount":"777788889999"}}},
            {"Effect":"Allow","Principal":{"Service":"logs.eu-west-2.amazonaws.com"},"Action":"kms:Encrypt"}]}"#;
        let r = report(p);
        assert!(!r.public);
        assert_eq!(r.other_accounts, ["444455556666", "777788889999"]);
    }

    #[test]
    fn unreadable_policies_are_not_passes() {
        assert_eq!(analyse(None, OWN), PolicyAnalysis::NotRead);
        assert!(matches!(
            analyse(Some("{nope"), OWN),
            PolicyAnalysis::Unparseable { .. }
        ));
        assert!(matches!(
            analyse(Some("{}"), OWN),
            PolicyAnalysis::Unparseable { .. }
        ));
    }
}
