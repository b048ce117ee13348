//! Security Hub standards (FSBP, CIS 1.4.0, PCI DSS 3.2.1, NIST 800-53 r5,
//! enabled in both regions) and the control catalogue the demo evaluates:
//! real control ids, titles, severities, Config rules and the standards
//! requirements each maps to.
//!
//! Controls about account-global resources (IAM, the CIS CloudWatch set,
//! KMS.1/KMS.2) are evaluated in the home region only and disabled in
//! eu-west-1, as AWS recommends; EC2.10 is disabled everywhere.

use super::{ACCOUNT_ID, PRIMARY_REGION, REGIONS};
use crate::model::{Control, ControlAssociation, Estate, Severity, Standard};

pub use super::control_table::CONTROLS;

pub const FSBP: &str = "standards/aws-foundational-security-best-practices/v/1.0.0";
pub const CIS: &str = "standards/cis-aws-foundations-benchmark/v/1.4.0";
pub const PCI: &str = "standards/pci-dss/v/3.2.1";
pub const NIST: &str = "standards/nist-800-53/v/5.0.0";

const STANDARDS: [(&str, &str); 4] = [
    (FSBP, "AWS Foundational Security Best Practices v1.0.0"),
    (CIS, "CIS AWS Foundations Benchmark v1.4.0"),
    (PCI, "PCI DSS v3.2.1"),
    (NIST, "NIST Special Publication 800-53 Revision 5"),
];

pub struct ControlDef {
    pub id: &'static str,
    pub title: &'static str,
    pub severity: Severity,
    /// The AWS Config rule behind it (empty for Security Hub's own checks).
    pub rule: &'static str,
    pub fsbp: bool,
    /// CIS v1.4.0 requirement number.
    pub cis: Option<&'static str>,
    /// PCI DSS v3.2.1 control id and requirement.
    pub pci: Option<(&'static str, &'static str)>,
    pub nist: &'static [&'static str],
    /// Evaluated in the home region only (disabled elsewhere).
    pub home_only: bool,
    pub description: &'static str,
}

/// Disabled in every region (not applicable to this estate's design).
pub const DISABLED_EVERYWHERE: [&str; 1] = ["EC2.10"];

impl ControlDef {
    /// (standards id, standard-specific control id) for every standard
    /// the control belongs to.
    pub fn memberships(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if self.fsbp {
            out.push((FSBP, self.id.to_string()));
        }
        if let Some(req) = self.cis {
            out.push((CIS, format!("CIS {req}")));
        }
        if let Some((id, _)) = self.pci {
            out.push((PCI, id.to_string()));
        }
        if !self.nist.is_empty() {
            out.push((NIST, self.id.to_string()));
        }
        out
    }

    pub fn enabled_in_region(&self, region: &str) -> bool {
        !DISABLED_EVERYWHERE.contains(&self.id) && (!self.home_only || region == PRIMARY_REGION)
    }

    /// ASFF `RelatedRequirements`.
    pub fn requirements(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(req) = self.cis {
            out.push(format!("CIS AWS Foundations Benchmark v1.4.0/{req}"));
        }
        if let Some((_, req)) = self.pci {
            out.push(format!("PCI DSS v3.2.1/{req}"));
        }
        out.extend(self.nist.iter().map(|n| format!("NIST.800-53.r5 {n}")));
        out
    }

    /// The control's page in the Security Hub user guide.
    pub fn doc_url(&self) -> String {
        let service = self
            .id
            .split('.')
            .next()
            .unwrap_or(self.id)
            .to_ascii_lowercase();
        let anchor = self.id.to_ascii_lowercase().replace('.', "-");
        format!(
            "https://docs.aws.amazon.com/securityhub/latest/userguide/{service}-controls.html#{anchor}"
        )
    }

    /// The remediation link Security Hub puts in findings.
    pub fn console_url(&self) -> String {
        format!(
            "https://docs.aws.amazon.com/console/securityhub/{}/remediation",
            self.id
        )
    }
}

pub fn def(id: &str) -> Option<&'static ControlDef> {
    CONTROLS.iter().find(|c| c.id == id)
}

pub fn build(estate: &mut Estate) {
    for region in REGIONS {
        for (id, name) in STANDARDS {
            estate.standards.push(Standard {
                arn: format!("arn:aws:securityhub:{region}::{id}"),
                standards_id: id.to_string(),
                name: name.to_string(),
                account_id: ACCOUNT_ID.to_string(),
                region: region.to_string(),
                status: "READY".to_string(),
            });
        }
        for def in &CONTROLS {
            let enabled = def.enabled_in_region(region);
            estate.controls.push(Control {
                control_id: def.id.to_string(),
                title: def.title.to_string(),
                description: def.description.to_string(),
                severity: def.severity,
                remediation_url: Some(def.doc_url()),
                account_id: ACCOUNT_ID.to_string(),
                region: region.to_string(),
                associations: def
                    .memberships()
                    .into_iter()
                    .map(|(standards_id, control)| ControlAssociation {
                        standards_id: standards_id.to_string(),
                        enabled,
                        standard_control_id: Some(control),
                    })
                    .collect(),
            });
        }
    }
}
