use super::*;
use crate::model::ComplianceStatus::{Failed, Passed};
use crate::posture::controls;
use crate::posture::e8::{Confidence, StrategySource};
use crate::posture::fixtures::{control_finding, estate, load, ts};

fn attest(id: &str, status: AttestationStatus) -> Attestation {
    Attestation {
        requirement_id: id.to_string(),
        status,
        note: "reviewed".to_string(),
        by: "alice".to_string(),
        at: ts(),
    }
}

fn run(e: &Estate) -> EssentialEight {
    evaluate(e, &controls::build(e))
}

fn strategy_of(r: &EssentialEight, s: Strategy) -> &StrategyResult {
    r.strategies
        .iter()
        .find(|x| x.strategy == s)
        .expect("every strategy is evaluated")
}

fn req<'a>(r: &'a StrategyResult, id: &str) -> &'a RequirementResult {
    r.levels
        .iter()
        .flat_map(|l| &l.requirements)
        .find(|x| x.id == id)
        .expect("requirement exists")
}

const MFA: &str = "e8/multi-factor-authentication";

#[test]
fn ml1_met_and_one_ml2_requirement_unknown_is_maturity_ml1() {
    let mut e = estate();
    load(&mut e, &[DatasetKind::SecurityHubFindings]);
    e.findings = vec![
        control_finding("a", "IAM.5", Passed, &[]),
        control_finding("b", "IAM.19", Passed, &[]),
        control_finding("c", "IAM.9", Passed, &[]),
    ];
    e.attestations = vec![
        attest(&format!("{MFA}/ml1"), AttestationStatus::Met),
        attest(&format!("{MFA}/ml2/all-users"), AttestationStatus::Met),
        attest(
            &format!("{MFA}/ml2/customer-option"),
            AttestationStatus::Met,
        ),
        attest(&format!("{MFA}/ml2/events-logged"), AttestationStatus::Met),
    ];
    let r = run(&e);
    let mfa = strategy_of(&r, Strategy::MultiFactorAuthentication);
    assert_eq!(mfa.levels[0].status, LevelStatus::Met);
    assert_eq!(mfa.maturity, 1);
    assert_eq!(mfa.maturity_label, "ML1");
    assert_eq!(mfa.limited_by, Some(Level::Ml2));
    // IAM.6 (root hardware MFA) has no findings: unknown, not met.
    let phish = req(mfa, &format!("{MFA}/ml2/phishing-resistant"));
    assert_eq!(phish.status, RequirementStatus::Unknown);
    assert_eq!(phish.basis, Basis::Measured);
    assert_eq!(mfa.levels[1].status, LevelStatus::Partly);
    // Measured and attested evidence are kept apart.
    let online = req(mfa, &format!("{MFA}/ml1/online-services"));
    assert_eq!(online.measured, Some(RequirementStatus::Partly));
    assert_eq!(online.basis, Basis::MeasuredAndAttested);
    assert_eq!(online.status, RequirementStatus::Met);
    assert_eq!(online.evidence.len(), 4);
    assert_eq!(r.overall_maturity, 0);
}

#[test]
fn aws_evidence_alone_is_never_met() {
    let mut e = estate();
    load(&mut e, &[DatasetKind::SecurityHubFindings]);
    for (i, c) in ["IAM.5", "IAM.19", "IAM.9", "IAM.6"].iter().enumerate() {
        e.findings
            .push(control_finding(&format!("f{i}"), c, Passed, &[]));
    }
    let r = run(&e);
    let mfa = strategy_of(&r, Strategy::MultiFactorAuthentication);
    let online = req(mfa, &format!("{MFA}/ml1/online-services"));
    assert_eq!(online.status, RequirementStatus::Partly);
    assert!(online.note.contains("manual evidence"), "{}", online.note);
    assert_eq!(mfa.levels[0].status, LevelStatus::Partly);
    assert_eq!(mfa.maturity, 0);
    assert!(r.strategies.iter().all(|s| s.levels.iter().all(|l| {
        l.requirements
            .iter()
            .all(|q| q.status != RequirementStatus::Met)
    })));
}

#[test]
fn a_failed_control_beats_an_attestation_and_is_flagged() {
    let mut e = estate();
    load(&mut e, &[DatasetKind::SecurityHubFindings]);
    e.findings = vec![control_finding("bad", "IAM.1", Failed, &[])];
    let id = "e8/restrict-admin-privileges/ml1/privileged-accounts";
    e.attestations = vec![attest(
        "e8/restrict-admin-privileges/ml1",
        AttestationStatus::Met,
    )];
    let r = run(&e);
    let rap = strategy_of(&r, Strategy::RestrictAdminPrivileges);
    let q = req(rap, id);
    assert_eq!(q.status, RequirementStatus::NotMet);
    assert!(q.conflict);
    assert_eq!(
        q.evidence
            .iter()
            .find(|c| c.control_id == "IAM.1")
            .map(|c| c.failed_finding_ids.clone()),
        Some(vec!["bad".to_string()])
    );
    assert_eq!(rap.levels[0].status, LevelStatus::NotMet);
    assert_eq!(rap.maturity, 0);
    assert!(
        rap.levels[0]
            .failing_mapped_controls
            .contains(&"IAM.1".to_string())
    );
}

#[test]
fn office_macros_and_user_hardening_need_manual_evidence() {
    let mut e = estate();
    load(&mut e, &[DatasetKind::SecurityHubFindings]);
    let r = run(&e);
    for s in [
        Strategy::RestrictOfficeMacros,
        Strategy::UserApplicationHardening,
    ] {
        let st = strategy_of(&r, s);
        assert!(!st.assessable_from_aws);
        assert_eq!(st.maturity, 0);
        assert!(
            st.levels
                .iter()
                .all(|l| l.status == LevelStatus::ManualEvidenceRequired)
        );
        assert!(
            st.levels
                .iter()
                .flat_map(|l| &l.requirements)
                .all(|q| q.status == RequirementStatus::ManualEvidenceRequired
                    && q.basis == Basis::None)
        );
    }
}

#[test]
fn attestations_can_carry_a_manual_strategy_to_ml3() {
    let mut e = estate();
    let slug = "e8/restrict-office-macros";
    e.attestations = vec![
        attest(&format!("{slug}/ml1"), AttestationStatus::Met),
        attest(&format!("{slug}/ml2"), AttestationStatus::Met),
        attest(&format!("{slug}/ml3"), AttestationStatus::Met),
        attest(
            &format!("{slug}/ml3/publishers-validated"),
            AttestationStatus::NotApplicable,
        ),
    ];
    let st = strategy_of(&run(&e), Strategy::RestrictOfficeMacros).clone();
    assert_eq!(st.maturity, 3);
    assert_eq!(
        st.attested_requirements,
        st.levels
            .iter()
            .map(|l| l.requirements.len())
            .sum::<usize>()
    );
    assert_eq!(
        req(&st, &format!("{slug}/ml3/publishers-validated")).status,
        RequirementStatus::NotApplicable
    );
}

#[test]
fn the_latest_attestation_wins_and_typos_are_reported() {
    let mut e = estate();
    let id = "e8/regular-backups/ml1/restore-tested";
    let mut old = attest(id, AttestationStatus::Met);
    old.at = ts() - chrono::Duration::days(30);
    let new = attest(id, AttestationStatus::NotMet);
    e.attestations = vec![
        new,
        old,
        attest(
            "e8/regular-backups/ml1/restore-tsted",
            AttestationStatus::Met,
        ),
        attest("iso27001/a.5", AttestationStatus::Met),
    ];
    let r = run(&e);
    let rb = strategy_of(&r, Strategy::RegularBackups);
    assert_eq!(req(rb, id).status, RequirementStatus::NotMet);
    assert_eq!(req(rb, id).basis, Basis::Attested);
    assert_eq!(
        r.unmatched_attestations,
        ["e8/regular-backups/ml1/restore-tsted"]
    );
}

#[test]
fn a_level_that_adds_nothing_follows_the_level_below() {
    let mut e = estate();
    e.attestations = vec![attest(
        "e8/patch-operating-systems/ml1",
        AttestationStatus::Met,
    )];
    let r = run(&e);
    let po = strategy_of(&r, Strategy::PatchOperatingSystems);
    assert!(po.levels[1].requirements.is_empty());
    assert_eq!(po.levels[1].status, LevelStatus::Met);
    assert!(po.levels[1].note.is_some());
    assert_eq!(po.maturity, 2);
    assert_eq!(po.limited_by, Some(Level::Ml3));
}

#[test]
fn without_security_hub_findings_measured_evidence_is_unknown() {
    let mut e = estate();
    e.findings = vec![control_finding("a", "IAM.1", Failed, &[])];
    let r = run(&e);
    assert!(!r.coverage.is_assessed());
    let rap = strategy_of(&r, Strategy::RestrictAdminPrivileges);
    let q = req(rap, "e8/restrict-admin-privileges/ml1/privileged-accounts");
    assert_eq!(q.status, RequirementStatus::Unknown);
    assert!(q.note.contains("not loaded"));
    assert!(q.evidence.iter().all(|c| c.status.is_none()));
    assert!(rap.levels[0].failing_mapped_controls.is_empty());
}

#[test]
fn level_status_rules() {
    use RequirementStatus as R;
    let s = |v: &[R]| level_status(v).0;
    assert_eq!(s(&[R::Met, R::NotApplicable]), LevelStatus::Met);
    assert_eq!(s(&[R::Met, R::NotMet]), LevelStatus::NotMet);
    assert_eq!(
        s(&[R::ManualEvidenceRequired, R::ManualEvidenceRequired]),
        LevelStatus::ManualEvidenceRequired
    );
    assert_eq!(s(&[R::Met, R::ManualEvidenceRequired]), LevelStatus::Partly);
    assert_eq!(
        s(&[R::Unknown, R::ManualEvidenceRequired]),
        LevelStatus::Unknown
    );
}

#[test]
fn evidence_keeps_the_mapping_source_and_confidence() {
    let mut e = estate();
    load(&mut e, &[DatasetKind::SecurityHubFindings]);
    let r = run(&e);
    let ac = strategy_of(&r, Strategy::ApplicationControl);
    let apigw = ac
        .mapped_controls
        .iter()
        .find(|c| c.control_id == "APIGateway.4")
        .expect("mapped");
    assert_eq!(apigw.strategy_source, StrategySource::Inferred);
    assert_eq!(apigw.confidence, Confidence::Low);
    let recover = r
        .objectives
        .iter()
        .find(|o| o.objective == Objective::RecoverData)
        .expect("objective");
    assert!(recover.controls.iter().any(|c| c.control_id == "RDS.11"));
}
