//! Security Hub standards and controls (definitions and enablement).

use super::Severity;
use serde::{Deserialize, Serialize};

/// An enabled (or known) standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    /// Standards ARN, e.g. `arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0`.
    pub arn: String,
    /// The `StandardsId` form used in `Compliance.AssociatedStandards`:
    /// `standards/aws-foundational-security-best-practices/v/1.0.0`.
    pub standards_id: String,
    pub name: String,
    pub account_id: String,
    pub region: String,
    /// Subscription status: `READY`, `PENDING`, `INCOMPLETE`, ...
    pub status: String,
}

impl Standard {
    /// Derives the `StandardsId` form from a standards or subscription ARN:
    /// everything from `standards/` or `ruleset/` on.
    pub fn id_from_arn(arn: &str) -> String {
        for marker in ["standards/", "ruleset/"] {
            if let Some(pos) = arn.find(marker) {
                return arn[pos..].to_string();
            }
        }
        if let Some(pos) = arn.find("subscription/") {
            let rest = &arn[pos + "subscription/".len()..];
            if rest.starts_with("cis-aws-foundations-benchmark/v/1.2.0") {
                return format!("ruleset/{rest}");
            }
            return format!("standards/{rest}");
        }
        arn.to_string()
    }
}

/// Whether a control is enabled in one standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlAssociation {
    pub standards_id: String,
    /// `ENABLED` or `DISABLED`.
    pub enabled: bool,
    /// The standard-specific control id (`CIS 2.7`, `PCI.CloudTrail.1`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_control_id: Option<String>,
}

/// A security control definition with its enablement per standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Control {
    /// `SecurityControlId`, e.g. `KMS.4`.
    pub control_id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation_url: Option<String>,
    pub account_id: String,
    pub region: String,
    pub associations: Vec<ControlAssociation>,
}

impl Control {
    pub fn enabled_in(&self, standards_id: &str) -> bool {
        self.associations
            .iter()
            .any(|a| a.enabled && a.standards_id == standards_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_ids_come_from_arns() {
        assert_eq!(
            Standard::id_from_arn(
                "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0"
            ),
            "standards/aws-foundational-security-best-practices/v/1.0.0"
        );
        assert_eq!(
            Standard::id_from_arn(
                "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"
            ),
            "ruleset/cis-aws-foundations-benchmark/v/1.2.0"
        );
        assert_eq!(
            Standard::id_from_arn(
                "arn:aws:securityhub:eu-west-2:111122223333:subscription/pci-dss/v/3.2.1"
            ),
            "standards/pci-dss/v/3.2.1"
        );
    }
}
