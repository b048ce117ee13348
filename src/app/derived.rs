//! What the app derives from an estate once per load: the posture, the
//! findings list with rampart's own checks appended, and the cross
//! references. Never computed on the render path.

use super::xref::Xref;
use crate::model::{Estate, Source, Timestamp};
use crate::posture::{self, Posture};
use std::collections::HashSet;

pub(super) struct Derived {
    pub posture: Posture,
    pub xref: Xref,
    /// Findings that came from the data; checks follow them.
    pub file_findings: usize,
}

/// Assesses `estate` at `now` and appends the posture's check findings
/// (deterministic ids; one already present in the data is not repeated).
pub(super) fn prepare(estate: &mut Estate, now: Timestamp) -> Derived {
    let posture = posture::assess(estate, now);
    let file_findings = estate.findings.len();
    let present: HashSet<&str> = estate
        .findings
        .iter()
        .filter(|f| f.source == Source::Rampart)
        .map(|f| f.id.as_str())
        .collect();
    let fresh: Vec<_> = posture
        .checks
        .iter()
        .filter(|c| !present.contains(c.id.as_str()))
        .cloned()
        .collect();
    estate.findings.extend(fresh);
    let xref = Xref::build(estate, &posture);
    Derived {
        posture,
        xref,
        file_findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataOrigin, EstateMeta};

    #[test]
    fn checks_are_appended_once_after_the_data() {
        let mut e = crate::demo::estate();
        let n = e.findings.len();
        let d = prepare(&mut e, crate::demo::now());
        assert_eq!(d.file_findings, n);
        assert!(!d.posture.checks.is_empty(), "the demo has failed checks");
        assert_eq!(e.findings.len(), n + d.posture.checks.len());
        assert!(e.findings[n..].iter().all(|f| f.source == Source::Rampart));
        // Prepared again (as after a reload of the same data), nothing doubles.
        let again = prepare(&mut e, crate::demo::now());
        assert_eq!(again.file_findings, n + d.posture.checks.len());
        assert_eq!(e.findings.len(), n + d.posture.checks.len());
        let empty = &mut Estate::empty(EstateMeta::new(DataOrigin::Demo, crate::demo::now()));
        assert_eq!(prepare(empty, crate::demo::now()).file_findings, 0);
    }
}
