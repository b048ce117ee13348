//! Effects that touch local files, run by the console's runtime (never by
//! `update`). Each answers with the action that reports how it went.

use crate::app::Action;
use crate::model::Attestation;
use std::path::Path;

/// Appends `attestation` to the local attestations file.
pub fn attest(path: &Path, attestation: Attestation) -> Action {
    match crate::attest::append(path, attestation.clone()) {
        Ok(_) => Action::Attested(Ok(attestation)),
        Err(e) => Action::Attested(Err(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttestationStatus;

    #[test]
    fn an_attestation_is_written_and_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        let a = Attestation {
            requirement_id: "e8/x/ml1".into(),
            status: AttestationStatus::Partial,
            note: String::new(),
            by: "bob".into(),
            at: crate::demo::now(),
        };
        assert!(matches!(attest(&path, a.clone()), Action::Attested(Ok(ref b)) if *b == a));
        assert_eq!(crate::attest::load(&path).expect("load"), vec![a.clone()]);
        std::fs::write(&path, "not json").expect("write");
        assert!(matches!(attest(&path, a), Action::Attested(Err(_))));
    }
}
