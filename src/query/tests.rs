//! End-to-end tests of the filter language over a small set of findings.

mod fixtures;

use super::*;
use fixtures::fixtures;

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

/// Marks that call the GuardDuty fixture new.
struct GdIsNew;

impl Marks for GdIsNew {
    fn is_new(&self, f: &crate::model::Finding) -> bool {
        f.source == crate::model::Source::GuardDuty
    }
}

#[test]
fn is_new_asks_the_session_and_never_holds_outside_one() {
    let q = Query::parse("is:new").unwrap();
    assert!(q.uses_marks());
    assert!(!Query::parse("sev>=high").unwrap().uses_marks());
    let new: Vec<&str> = fixtures()
        .into_iter()
        .filter(|(_, f)| q.matches_with(f, &GdIsNew))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(new, ["gd"]);
    assert!(hits("is:new").is_empty(), "no session, nothing new");
    assert_eq!(hits("!is:new"), ALL);
    let e = error("is:old");
    assert_eq!(e.position, 3);
    assert!(e.message.contains("expected new"), "{}", e.message);
}

/// Marks with a baseline: GuardDuty added, Macie changed.
struct AgainstBaseline;

impl Marks for AgainstBaseline {
    fn is_new(&self, _f: &crate::model::Finding) -> bool {
        false
    }
    fn is_added(&self, f: &crate::model::Finding) -> bool {
        f.source == crate::model::Source::GuardDuty
    }
    fn is_changed(&self, f: &crate::model::Finding) -> bool {
        f.source == crate::model::Source::Macie
    }
}

#[test]
fn added_and_changed_ask_the_baseline_and_never_hold_without_one() {
    let q = Query::parse("is:added").unwrap();
    assert!(q.uses_marks() && q.uses_baseline());
    assert!(!Query::parse("is:new").unwrap().uses_baseline());
    let with = |text: &str| -> Vec<&str> {
        let q = Query::parse(text).unwrap();
        fixtures()
            .into_iter()
            .filter(|(_, f)| q.matches_with(f, &AgainstBaseline))
            .map(|(name, _)| name)
            .collect()
    };
    assert_eq!(with("is:added"), ["gd"]);
    assert_eq!(with("is:changed"), ["macie"]);
    assert_eq!(with("!is:added is:changed"), ["macie"]);
    assert!(hits("is:added").is_empty(), "no baseline, nothing added");
    assert!(
        hits("is:changed").is_empty(),
        "no baseline, nothing changed"
    );
    let e = error("is:gone");
    assert!(e.message.contains("--baseline"), "{}", e.message);
}
