//! End-to-end tests of the filter language over a small set of findings.

use super::*;
use crate::model::{
    Channel, Compliance, ComplianceStatus, NativeSeverity, Provenance, RawJson, RecordState,
    Resource, Severity, Source, WorkflowStatus,
};
use std::collections::BTreeMap;

fn provenance(
    channel: Channel,
    id: &str,
    arn: Option<&str>,
    account: &str,
    region: &str,
) -> Provenance {
    Provenance {
        channel,
        product_arn: None,
        product_name: None,
        native_id: id.to_string(),
        native_arn: arn.map(str::to_string),
        account_id: account.to_string(),
        region: region.to_string(),
        raw: RawJson::empty(),
    }
}

fn resource(kind: &str, id: &str, tags: &[(&str, &str)]) -> Resource {
    Resource {
        resource_type: kind.to_string(),
        id: id.to_string(),
        region: None,
        partition: None,
        tags: tags
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
    }
}

struct Spec {
    id: &'static str,
    source: Source,
    product: &'static str,
    title: &'static str,
    description: &'static str,
    types: &'static [&'static str],
    severity: Severity,
    workflow: WorkflowStatus,
    state: RecordState,
    compliance: Option<(ComplianceStatus, &'static str)>,
    resources: Vec<Resource>,
    account: &'static str,
    region: &'static str,
    arn: Option<&'static str>,
}

fn build(s: Spec) -> Finding {
    let channel = match s.source {
        Source::GuardDuty => Channel::GuardDuty,
        Source::Macie => Channel::Macie,
        Source::Rampart => Channel::Rampart,
        _ => Channel::SecurityHub,
    };
    Finding {
        id: s.id.to_string(),
        source: s.source,
        product_name: s.product.to_string(),
        title: s.title.to_string(),
        description: s.description.to_string(),
        finding_type: s.types.first().copied().unwrap_or_default().to_string(),
        types: s.types.iter().map(|t| t.to_string()).collect(),
        generator_id: None,
        severity: s.severity,
        native_severity: NativeSeverity::Rampart,
        workflow: s.workflow,
        record_state: s.state,
        compliance: s.compliance.map(|(status, control)| Compliance {
            status: Some(status),
            security_control_id: Some(control.to_string()),
            consolidated: true,
            ..Compliance::default()
        }),
        resources: s.resources,
        remediation: None,
        account_id: s.account.to_string(),
        region: s.region.to_string(),
        first_seen: None,
        last_seen: None,
        created_at: None,
        updated_at: None,
        provenances: vec![provenance(channel, s.id, s.arn, s.account, s.region)],
    }
}

/// Four findings, named by the first element of each pair.
pub(super) fn fixtures() -> Vec<(&'static str, Finding)> {
    vec![
        (
            "gd",
            build(Spec {
                id: "6ab8d1f0c2",
                source: Source::GuardDuty,
                product: "GuardDuty",
                title: "Unprotected port on EC2 instance i-0abc is being probed",
                description: "EC2 instance has an unprotected port which is being probed by a known malicious host.",
                types: &["Recon:EC2/PortProbeUnprotectedPort"],
                severity: Severity::High,
                workflow: WorkflowStatus::New,
                state: RecordState::Active,
                compliance: None,
                resources: vec![resource(
                    "AwsEc2Instance",
                    "arn:aws:ec2:eu-west-2:111122223333:instance/i-0abc",
                    &[("Env", "Prod"), ("Owner", "team-a")],
                )],
                account: "111122223333",
                region: "eu-west-2",
                arn: Some(
                    "arn:aws:guardduty:eu-west-2:111122223333:detector/d1/finding/6ab8d1f0c2",
                ),
            }),
        ),
        (
            "ctl",
            build(Spec {
                id: "arn:aws:securityhub:us-east-1:444455556666:security-control/KMS.4/finding/77",
                source: Source::SecurityHub,
                product: "Security Hub",
                title: "AWS KMS key rotation should be enabled",
                description: "This control checks whether automatic key rotation is enabled.",
                types: &[
                    "Software and Configuration Checks/Industry and Regulatory Standards",
                    "Effects/Data Exposure",
                ],
                severity: Severity::Medium,
                workflow: WorkflowStatus::Notified,
                state: RecordState::Active,
                compliance: Some((ComplianceStatus::Failed, "KMS.4")),
                resources: vec![resource(
                    "AwsKmsKey",
                    "arn:aws:kms:us-east-1:444455556666:key/1234abcd",
                    &[("env", "prod")],
                )],
                account: "444455556666",
                region: "us-east-1",
                arn: None,
            }),
        ),
        (
            "macie",
            build(Spec {
                id: "mc-99",
                source: Source::Macie,
                product: "Macie",
                title: "Straße: Übersicht der Kundendaten",
                description: "The object contains personal information.",
                types: &["SensitiveData:S3Object/Personal"],
                severity: Severity::Low,
                workflow: WorkflowStatus::Suppressed,
                state: RecordState::Archived,
                compliance: None,
                resources: vec![resource(
                    "AwsS3Bucket",
                    "arn:aws:s3:::customer-exports",
                    &[("data-class", "Confidential")],
                )],
                account: "111122223333",
                region: "eu-west-2",
                arn: None,
            }),
        ),
        (
            "check",
            build(Spec {
                id: "rampart/kms-rotation/ok",
                source: Source::Rampart,
                product: "rampart",
                title: "Key rotation enabled on all customer keys",
                description: "",
                types: &[],
                severity: Severity::Informational,
                workflow: WorkflowStatus::Resolved,
                state: RecordState::Active,
                compliance: Some((ComplianceStatus::Passed, "KMS.4")),
                resources: vec![],
                account: "444455556666",
                region: "us-east-1",
                arn: None,
            }),
        ),
    ]
}

/// The names of the fixtures the query matches, in fixture order.
fn hits(q: &str) -> Vec<&'static str> {
    let query = Query::parse(q).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    fixtures()
        .into_iter()
        .filter(|(_, f)| query.matches(f))
        .map(|(name, _)| name)
        .collect()
}

fn error(q: &str) -> QueryError {
    match Query::parse(q) {
        Ok(parsed) => panic!("{q:?} parsed: {parsed:?}"),
        Err(e) => e,
    }
}

const ALL: [&str; 4] = ["gd", "ctl", "macie", "check"];

#[test]
fn empty_input_matches_everything() {
    for q in ["", "   ", "\t\n"] {
        let parsed = Query::parse(q).unwrap();
        assert!(parsed.is_empty());
        assert_eq!(parsed.source_text(), q);
        assert_eq!(hits(q), ALL);
    }
    assert!(!Query::parse("x").unwrap().is_empty());
    assert!(Query::default().is_empty());
}

#[test]
fn free_text_searches_every_text_field() {
    assert_eq!(hits("PROBED"), ["gd"]); // title
    assert_eq!(hits("malicious"), ["gd"]); // description
    assert_eq!(hits("portprobe"), ["gd"]); // type
    assert_eq!(hits("\"data exposure\""), ["ctl"]); // secondary type, as a phrase
    assert_eq!(hits("data"), ["ctl", "macie"]); // a type each
    assert_eq!(hits("1234abcd"), ["ctl"]); // resource id
    assert_eq!(hits("6ab8d1"), ["gd"]); // id
    assert_eq!(hits("444455556666"), ["ctl", "check"]); // account
    assert_eq!(hits("eu-west"), ["gd", "macie"]); // region
    assert_eq!(hits("kms.4"), ["ctl", "check"]); // control id
    assert_eq!(hits("übersicht"), ["macie"]); // non-ASCII, case-folded
    assert_eq!(hits("STRASSE"), Vec::<&str>::new());
    assert_eq!(hits("nothing-like-this"), Vec::<&str>::new());
}

#[test]
fn terms_are_anded_and_negated() {
    assert_eq!(hits("key rotation"), ["ctl", "check"]);
    assert_eq!(hits("key rotation should"), ["ctl"]);
    assert_eq!(hits("key !should"), ["check"]);
    assert_eq!(hits("!eu-west-2"), ["ctl", "check"]);
    assert_eq!(hits("!sev>=medium !source:rampart"), ["macie"]);
}

#[test]
fn severity_comparisons() {
    assert_eq!(hits("sev>=high"), ["gd"]);
    assert_eq!(hits("sev>medium"), ["gd"]);
    assert_eq!(hits("sev>=medium"), ["gd", "ctl"]);
    assert_eq!(hits("sev<=low"), ["macie", "check"]);
    assert_eq!(hits("sev<low"), ["check"]);
    assert_eq!(hits("sev=medium"), ["ctl"]);
    assert_eq!(hits("sev:HIGH"), ["gd"]);
    assert_eq!(hits("severity:info"), ["check"]);
    assert_eq!(hits("sev!=high"), ["ctl", "macie", "check"]);
    assert_eq!(hits("!sev!=high"), ["gd"]);
    assert_eq!(hits("sev=critical"), Vec::<&str>::new());
    assert_eq!(hits("sev:\"medium\""), ["ctl"]);
}

#[test]
fn enumerated_fields() {
    assert_eq!(hits("source:guardduty"), ["gd"]);
    assert_eq!(hits("source:GD"), ["gd"]);
    assert_eq!(hits("source:security-hub"), ["ctl"]);
    assert_eq!(hits("source:macie"), ["macie"]);
    assert_eq!(hits("source:rampart"), ["check"]);
    assert_eq!(hits("status:failed"), ["ctl"]);
    assert_eq!(hits("status:PASSED"), ["check"]);
    assert_eq!(hits("status:warning"), Vec::<&str>::new());
    assert_eq!(hits("!status:failed"), ["gd", "macie", "check"]);
    assert_eq!(hits("status:not_available"), Vec::<&str>::new());
    assert_eq!(hits("workflow:new"), ["gd"]);
    assert_eq!(hits("workflow:notified"), ["ctl"]);
    assert_eq!(hits("workflow:Suppressed"), ["macie"]);
    assert_eq!(hits("workflow:resolved"), ["check"]);
    assert_eq!(hits("state:archived"), ["macie"]);
    assert_eq!(hits("state:active"), ["gd", "ctl", "check"]);
}

#[test]
fn exact_and_glob_fields() {
    assert_eq!(hits("region:eu-west-2"), ["gd", "macie"]);
    assert_eq!(hits("region:EU-WEST-2"), ["gd", "macie"]);
    assert_eq!(hits("region:eu-west"), Vec::<&str>::new());
    assert_eq!(hits("region:us-*"), ["ctl", "check"]);
    assert_eq!(hits("account:111122223333"), ["gd", "macie"]);
    assert_eq!(hits("account:1111"), Vec::<&str>::new());
    assert_eq!(hits("account:*3333"), ["gd", "macie"]);
    assert_eq!(hits("type:Recon*"), ["gd"]);
    assert_eq!(hits("type:recon"), Vec::<&str>::new());
    assert_eq!(hits("type:*/personal"), ["macie"]);
    assert_eq!(hits("type:effects/*"), ["ctl"]); // a secondary type
    assert_eq!(hits("type:\"Effects/Data Exposure\""), ["ctl"]);
    assert_eq!(hits("control:KMS.4"), ["ctl", "check"]);
    assert_eq!(hits("control:kms.4"), ["ctl", "check"]);
    assert_eq!(hits("control:KMS"), Vec::<&str>::new());
    assert_eq!(hits("control:KMS.*"), ["ctl", "check"]);
    assert_eq!(hits("control:*"), ["ctl", "check"]);
    assert_eq!(hits("!control:*"), ["gd", "macie"]);
}

#[test]
fn substring_fields() {
    assert_eq!(hits("resource:i-0abc"), ["gd"]);
    assert_eq!(hits("resource:awss3"), ["macie"]);
    assert_eq!(hits("resource:arn:aws:kms:*"), ["ctl"]);
    assert_eq!(hits("id:6ab8"), ["gd"]);
    assert_eq!(hits("id:detector/d1"), ["gd"]); // the GuardDuty ARN
    assert_eq!(hits("id:security-control"), ["ctl"]);
    assert_eq!(hits("id:rampart/*"), ["check"]);
    assert_eq!(hits("title:rotation"), ["ctl", "check"]);
    assert_eq!(hits("title:\"should be\""), ["ctl"]);
    assert_eq!(hits("title:malicious"), Vec::<&str>::new()); // only in the description
    assert_eq!(hits("product:guard"), ["gd"]);
    assert_eq!(hits("product:\"security hub\""), ["ctl"]);
}

#[test]
fn tags() {
    assert_eq!(hits("tag:Env"), ["gd", "ctl"]);
    assert_eq!(hits("tag:env=prod"), ["gd", "ctl"]);
    assert_eq!(hits("tag:Env=Dev"), Vec::<&str>::new());
    assert_eq!(hits("tag:owner=team-*"), ["gd"]);
    assert_eq!(hits("tag:data-class=confidential"), ["macie"]);
    assert_eq!(hits("tag:\"data-class=Confidential\""), ["macie"]);
    assert_eq!(hits("!tag:*"), ["check"]);
    assert_eq!(hits("tag:Env="), Vec::<&str>::new()); // value must be empty
}

#[test]
fn quoting_and_escapes() {
    assert_eq!(hits("\"Unprotected port\""), ["gd"]);
    assert_eq!(hits("\"port unprotected\""), Vec::<&str>::new());
    assert_eq!(hits("\"arn:aws:s3:::customer\""), ["macie"]);
    assert_eq!(hits("!\"key rotation\""), ["gd", "macie"]);
    let q = Query::parse(r#"title:"say \"hi\" \\ there""#).unwrap();
    assert!(!q.is_empty());
    assert_eq!(hits("Sev>=High SOURCE:GuardDuty"), ["gd"]);
}

#[test]
fn errors_point_at_the_offending_token() {
    let e = error("sev>=extreme");
    assert_eq!(e.position, 5);
    assert!(e.message.contains("unknown severity 'extreme'"), "{e}");
    assert_eq!(e.to_string(), format!("column 6: {}", e.message));

    let e = error("source:foo");
    assert_eq!(e.position, 7);
    assert!(e.message.contains("unknown source 'foo'"), "{e}");

    let e = error("high colour:red");
    assert_eq!(e.position, 5);
    assert!(e.message.starts_with("unknown field 'colour'"), "{e}");

    let e = error("arn:aws:s3:::bucket");
    assert_eq!(e.position, 0);

    let e = error("sev>=high \"unterminated");
    assert_eq!(e.position, 10);
    assert_eq!(e.message, "unterminated quote");

    // a name must be ASCII, so this is free text, and the quote is the error
    let e = error("región:x \"é");
    assert_eq!(e.position, 9);
    // columns are chars, not bytes
    let e = error("héllo \"wörld");
    assert_eq!(e.position, 6);

    let e = error("region>=eu-west-2");
    assert_eq!(e.position, 6);
    assert!(e.message.contains("only compares severities"), "{e}");

    assert_eq!(error("status:broken").position, 7);
    assert_eq!(error("workflow:done").position, 9);
    assert_eq!(error("state:gone").position, 6);
    assert_eq!(error("x tag:=v").position, 6);
    assert_eq!(error("title:\"\"").position, 6);
    assert_eq!(error("foo \"\"").position, 4);
    assert_eq!(error("sev:").position, 4);
    assert_eq!(error("foo !").position, 5);
    assert_eq!(error("\"a\"b").position, 3);
}

#[test]
fn long_values_are_shortened_in_messages() {
    let long = "x".repeat(500);
    let e = error(&format!("source:{long}"));
    assert!(e.message.len() < 200, "{}", e.message);
    assert!(e.message.contains('…'));
}

/// A tiny xorshift generator, so the property test needs no new crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn parse_never_panics_and_errors_stay_in_bounds() {
    const PIECES: &[&str] = &[
        "sev",
        "severity",
        "source",
        "region",
        "tag",
        "type",
        "control",
        "id",
        "title",
        "state",
        ":",
        ">=",
        "<=",
        ">",
        "<",
        "=",
        "!=",
        "!",
        "!!",
        "\"",
        "\\",
        "\\\"",
        "*",
        "**",
        " ",
        "\t",
        "\n",
        "high",
        "guardduty",
        "eu-west-2",
        "Recon*",
        "KMS.4",
        "k=v",
        "=",
        "é",
        "ß",
        "İ",
        "漢",
        "🙂",
        "\u{301}",
        "\u{202e}",
        "\u{1b}",
        "\0",
        "x",
        "Z",
        "9",
        "-",
        "_",
        "'",
    ];
    let findings = fixtures();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut ok = 0;
    for _ in 0..20_000 {
        let len = rng.below(12);
        let input: String = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        match Query::parse(&input) {
            Ok(q) => {
                ok += 1;
                for (_, f) in &findings {
                    let _ = q.matches(f);
                }
            }
            Err(e) => {
                assert!(
                    e.position <= input.chars().count(),
                    "{input:?}: position {} past the end",
                    e.position
                );
                assert!(!e.message.is_empty());
            }
        }
    }
    // the generator must exercise both outcomes to mean anything
    assert!(ok > 1_000 && ok < 19_000, "{ok} of 20000 parsed");
}

#[test]
fn arbitrary_chars_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..5_000 {
        let len = rng.below(20);
        let input: String = (0..len)
            .filter_map(|_| char::from_u32(rng.below(0x11_0000) as u32))
            .collect();
        if let Err(e) = Query::parse(&input) {
            assert!(e.position <= input.chars().count());
        }
    }
}
