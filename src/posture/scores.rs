//! Security scores (domain.md 1.1): per standard
//! `passed / (passed + failed + unknown)` over the controls enabled in it,
//! and the summary over unique controls across standards, both rounded to
//! the nearest whole percent. No data and Disabled controls are excluded.

use super::controls::{ControlStatus, ControlTable, std_key};
use super::coverage::Coverage;
use crate::model::{DatasetKind, Estate};
use serde::Serialize;

/// Control counts behind one score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScoreCounts {
    pub passed: usize,
    pub failed: usize,
    pub unknown: usize,
    pub no_data: usize,
    pub disabled: usize,
    /// `None` when not assessed or when no enabled control has data.
    pub percent: Option<u8>,
}

impl ScoreCounts {
    /// The denominator: enabled controls with data.
    pub fn with_data(&self) -> usize {
        self.passed + self.failed + self.unknown
    }

    fn add(&mut self, status: ControlStatus) {
        match status {
            ControlStatus::Passed => self.passed += 1,
            ControlStatus::Failed => self.failed += 1,
            ControlStatus::Unknown => self.unknown += 1,
            ControlStatus::NoData => self.no_data += 1,
            ControlStatus::Disabled => self.disabled += 1,
        }
    }

    fn finish(&mut self) {
        self.percent = percent(self.passed, self.with_data());
    }

    /// `69%`, `no data` or `not assessed`.
    pub fn display(&self, coverage: &Coverage) -> String {
        match (coverage.is_assessed(), self.percent) {
            (false, _) => "not assessed".to_string(),
            (true, Some(p)) => format!("{p}%"),
            (true, None) => "no data".to_string(),
        }
    }
}

/// `passed / total` rounded half up to a whole percent.
pub(crate) fn percent(passed: usize, total: usize) -> Option<u8> {
    if total == 0 {
        return None;
    }
    let p = (passed * 200 + total) / (total * 2);
    u8::try_from(p.min(100)).ok()
}

/// One standard's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardScore {
    /// `standards/aws-foundational-security-best-practices/v/1.0.0` form.
    pub standards_id: String,
    pub name: String,
    pub counts: ScoreCounts,
}

/// Every score, with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Coverage of the Security Hub findings the scores come from.
    pub coverage: Coverage,
    /// How standards and enablement were determined when datasets were missing.
    pub notes: Vec<String>,
    pub standards: Vec<StandardScore>,
    /// Each control counted once across the scored standards.
    pub summary: ScoreCounts,
}

/// Display name for a `StandardsId`.
pub fn standard_name(standards_id: &str) -> String {
    let id = std_key(standards_id);
    let path = id
        .trim_start_matches("standards/")
        .trim_start_matches("ruleset/");
    let (name, version) = path.split_once("/v/").unwrap_or((path, ""));
    let known = match name {
        "aws-foundational-security-best-practices" => "AWS Foundational Security Best Practices",
        "cis-aws-foundations-benchmark" => "CIS AWS Foundations Benchmark",
        "pci-dss" => "PCI DSS",
        "aws-resource-tagging-standard" => "AWS Resource Tagging Standard",
        "service-managed-aws-control-tower" => {
            return "Service-Managed Standard: AWS Control Tower".to_string();
        }
        "nist-800-53" if version.starts_with('5') => return "NIST SP 800-53 Rev. 5".to_string(),
        "nist-800-171" if version.starts_with('2') => return "NIST SP 800-171 Rev. 2".to_string(),
        _ => return id.into_owned(),
    };
    if version.is_empty() {
        known.to_string()
    } else {
        format!("{known} v{version}")
    }
}

/// Adds a standard (id, display name) unless already listed.
fn push(out: &mut Vec<(String, String)>, id: String, name: Option<&str>) {
    if !out.iter().any(|(i, _)| *i == id) {
        let name = match name {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => standard_name(&id),
        };
        out.push((id, name));
    }
}

/// The standards to score, with display names, in a stable order.
fn scored_standards(
    estate: &Estate,
    table: &ControlTable,
    notes: &mut Vec<String>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let status = estate.status(DatasetKind::Standards);
    if status.has_data() {
        for s in &estate.standards {
            if matches!(
                s.status.to_ascii_uppercase().as_str(),
                "DELETING" | "FAILED"
            ) {
                continue;
            }
            let id = if s.standards_id.is_empty() {
                std_key(&s.arn).into_owned()
            } else {
                std_key(&s.standards_id).into_owned()
            };
            push(&mut out, id, Some(&s.name));
        }
    }
    let before = out.len();
    if status.is_complete() {
        // Standards named by active control findings are scored even when
        // the loaded list lacks them (findings of a disabled standard are
        // archived, so they cannot appear here).
        for id in &table.finding_standards {
            push(&mut out, id.clone(), None);
        }
        if out.len() > before {
            notes.push(format!(
                "{} standard(s) named by control findings but not in the loaded standards list",
                out.len() - before
            ));
        }
    } else {
        for id in &table.finding_standards {
            push(&mut out, id.clone(), None);
        }
        for c in &table.states {
            for s in c.standards.iter().filter(|s| s.enabled) {
                push(&mut out, s.standards_id.clone(), None);
            }
        }
        if !status.has_data() {
            notes.push(format!(
                "Standards {}: standards derived from control findings and definitions",
                status.describe()
            ));
        } else if out.len() > before {
            notes.push(format!(
                "Standards partly loaded ({}): {} more derived from findings and definitions",
                status.describe(),
                out.len() - before
            ));
        }
    }
    out
}

/// Computes per-standard and summary scores from the control table.
pub(crate) fn compute(estate: &Estate, table: &ControlTable) -> Scores {
    let coverage = Coverage::all_of(estate, &[DatasetKind::SecurityHubFindings]);
    let mut notes = Vec::new();
    let standards = scored_standards(estate, table, &mut notes);
    let controls_status = estate.status(DatasetKind::Controls);
    if !controls_status.has_data() {
        notes.push(format!(
            "Controls {}: enablement inferred from findings, so enabled controls without \
             findings (No data) and disabled controls cannot be counted",
            controls_status.describe()
        ));
    }
    let assessed = coverage.is_assessed();
    let mut scores: Vec<StandardScore> = standards
        .into_iter()
        .map(|(standards_id, name)| StandardScore {
            standards_id,
            name,
            counts: ScoreCounts::default(),
        })
        .collect();
    let mut summary = ScoreCounts::default();
    if assessed {
        for c in &table.states {
            let mut in_scored = false;
            let mut enabled_somewhere = false;
            for s in &c.standards {
                if let Some(score) = scores.iter_mut().find(|x| x.standards_id == s.standards_id) {
                    in_scored = true;
                    enabled_somewhere |= s.enabled;
                    score.counts.add(if s.enabled {
                        s.status
                    } else {
                        ControlStatus::Disabled
                    });
                }
            }
            if enabled_somewhere {
                summary.add(c.status);
            } else if in_scored {
                summary.add(ControlStatus::Disabled);
            } else if c.standards.is_empty() && !c.defined && c.status.has_data() {
                // A control finding that names no standard: still an
                // enabled control with data.
                summary.add(c.status);
            }
        }
        for s in &mut scores {
            s.counts.finish();
        }
        summary.finish();
    }
    Scores {
        coverage,
        notes,
        standards: scores,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ComplianceStatus, Control, ControlAssociation, Severity, Standard};
    use crate::posture::controls;
    use crate::posture::fixtures::{ACCOUNT, CIS, FSBP, REGION, control_finding, estate, load};
    use ComplianceStatus::{Failed, Passed, Warning};

    fn scores(e: &Estate) -> Scores {
        compute(e, &controls::build(e))
    }

    #[test]
    fn rounding_is_to_the_nearest_whole_percent() {
        assert_eq!(percent(357, 515), Some(69));
        assert_eq!(percent(1, 2), Some(50));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 200), Some(1)); // 0.5 rounds up
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(5, 5), Some(100));
    }

    /// domain.md 1.1: 515 unique enabled controls, 357 passed -> 69 %.
    #[test]
    fn worked_example_515_unique_controls_357_passed_is_69_percent() {
        let mut e = estate();
        load(&mut e, &[DatasetKind::SecurityHubFindings]);
        // FSBP has controls 0..400, CIS has 315..515: 85 shared, 515 unique.
        for i in 0..515 {
            let standards: Vec<&str> = match i {
                0..315 => vec![FSBP],
                315..400 => vec![FSBP, CIS],
                _ => vec![CIS],
            };
            let status = if i < 357 { Passed } else { Failed };
            e.findings.push(control_finding(
                &format!("f{i}"),
                &format!("X.{i}"),
                status,
                &standards,
            ));
        }
        let s = scores(&e);
        assert_eq!(s.summary.with_data(), 515);
        assert_eq!(s.summary.passed, 357);
        assert_eq!(s.summary.percent, Some(69));
        let fsbp = s
            .standards
            .iter()
            .find(|x| x.standards_id == FSBP)
            .expect("fsbp");
        assert_eq!((fsbp.counts.passed, fsbp.counts.with_data()), (357, 400));
        assert_eq!(fsbp.counts.percent, Some(89));
        let cis = s
            .standards
            .iter()
            .find(|x| x.standards_id == CIS)
            .expect("cis");
        assert_eq!((cis.counts.passed, cis.counts.with_data()), (42, 200));
        assert_eq!(cis.counts.percent, Some(21));
        // Standards were not loaded: the score says how it found them.
        assert!(
            s.notes.iter().any(|n| n.contains("derived")),
            "{:?}",
            s.notes
        );
        assert_eq!(fsbp.name, "AWS Foundational Security Best Practices v1.0.0");
    }

    #[test]
    fn unknown_is_in_the_denominator_and_no_data_is_not() {
        let mut e = estate();
        load(
            &mut e,
            &[DatasetKind::SecurityHubFindings, DatasetKind::Controls],
        );
        e.findings = vec![
            control_finding("a", "S3.1", Passed, &[FSBP]),
            control_finding("b", "S3.2", Warning, &[FSBP]),
        ];
        e.controls = ["S3.1", "S3.2", "S3.3"]
            .iter()
            .map(|id| Control {
                control_id: id.to_string(),
                title: format!("{id} title"),
                description: String::new(),
                severity: Severity::Medium,
                remediation_url: None,
                account_id: ACCOUNT.into(),
                region: REGION.into(),
                associations: vec![ControlAssociation {
                    standards_id: FSBP.into(),
                    enabled: true,
                    standard_control_id: None,
                }],
            })
            .collect();
        let s = scores(&e);
        let c = &s.standards[0].counts;
        assert_eq!((c.passed, c.unknown, c.no_data), (1, 1, 1));
        assert_eq!(c.percent, Some(50));
        assert_eq!(s.summary.percent, Some(50));
    }

    #[test]
    fn loaded_standards_are_scored_even_with_no_findings() {
        let mut e = estate();
        load(
            &mut e,
            &[DatasetKind::SecurityHubFindings, DatasetKind::Standards],
        );
        e.standards = vec![Standard {
            arn: format!("arn:aws:securityhub:{REGION}::{FSBP}"),
            standards_id: FSBP.into(),
            name: "AWS Foundational Security Best Practices v1.0.0".into(),
            account_id: ACCOUNT.into(),
            region: REGION.into(),
            status: "READY".into(),
        }];
        let s = scores(&e);
        assert_eq!(s.standards.len(), 1);
        assert_eq!(s.standards[0].counts.percent, None);
        assert_eq!(s.standards[0].counts.display(&s.coverage), "no data");
    }

    #[test]
    fn without_findings_loaded_scores_are_not_assessed_not_zero() {
        let mut e = estate();
        e.findings = vec![control_finding("a", "S3.1", Failed, &[FSBP])];
        let s = scores(&e);
        assert!(!s.coverage.is_assessed());
        assert_eq!(s.summary.percent, None);
        assert_eq!(s.summary.with_data(), 0);
        assert_eq!(s.summary.display(&s.coverage), "not assessed");
        assert!(s.standards.iter().all(|x| x.counts.percent.is_none()));
    }

    #[test]
    fn standard_names_cover_the_known_arns() {
        assert_eq!(
            standard_name("ruleset/cis-aws-foundations-benchmark/v/1.2.0"),
            "CIS AWS Foundations Benchmark v1.2.0"
        );
        assert_eq!(
            standard_name("standards/nist-800-53/v/5.0.0"),
            "NIST SP 800-53 Rev. 5"
        );
        assert_eq!(
            standard_name("arn:aws:securityhub:eu-west-2::standards/pci-dss/v/4.0.1"),
            "PCI DSS v4.0.1"
        );
        assert_eq!(
            standard_name("standards/something-new/v/1.0.0"),
            "standards/something-new/v/1.0.0"
        );
    }
}
