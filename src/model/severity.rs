//! Severity, ordered, with the provider's native value kept beside it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Normalised severity. Ordered: informational < low < medium < high < critical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Informational,
    ];

    /// GuardDuty's 1.0-10.0 scale (domain.md 3.1): 9.0+ critical, 7.0+ high,
    /// 4.0+ medium, 1.0+ low; anything below 1.0 is informational.
    pub fn from_guardduty(score: f64) -> Severity {
        if score >= 9.0 {
            Severity::Critical
        } else if score >= 7.0 {
            Severity::High
        } else if score >= 4.0 {
            Severity::Medium
        } else if score >= 1.0 {
            Severity::Low
        } else {
            Severity::Informational
        }
    }

    /// ASFF `Severity.Normalized` (0-100) banded as in domain.md 1.4.
    pub fn from_normalized(n: f64) -> Severity {
        if n >= 90.0 {
            Severity::Critical
        } else if n >= 70.0 {
            Severity::High
        } else if n >= 40.0 {
            Severity::Medium
        } else if n >= 1.0 {
            Severity::Low
        } else {
            Severity::Informational
        }
    }

    /// Parses a label case-insensitively: ASFF labels (`CRITICAL`), Macie
    /// levels (`High`) and rampart's own (`critical`), plus `info`.
    pub fn parse_label(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "informational" | "info" => Some(Severity::Informational),
            "low" => Some(Severity::Low),
            "medium" | "med" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            "critical" | "crit" => Some(Severity::Critical),
            _ => None,
        }
    }

    /// Lower-case name as used in filters and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Informational => "informational",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// ASFF label form (`CRITICAL`).
    pub fn asff_label(self) -> &'static str {
        match self {
            Severity::Informational => "INFORMATIONAL",
            Severity::Low => "LOW",
            Severity::Medium => "MEDIUM",
            Severity::High => "HIGH",
            Severity::Critical => "CRITICAL",
        }
    }

    /// A one-letter code, so severity stays legible without colour.
    pub fn letter(self) -> char {
        match self {
            Severity::Informational => 'I',
            Severity::Low => 'L',
            Severity::Medium => 'M',
            Severity::High => 'H',
            Severity::Critical => 'C',
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The provider's own severity, kept so nothing is lost by normalising.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NativeSeverity {
    /// GuardDuty's numeric severity, 1.0-10.0.
    GuardDuty { score: f64 },
    /// Macie's level (`Low`/`Medium`/`High`) and score when present.
    Macie {
        description: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        score: Option<f64>,
    },
    /// ASFF `Severity`: label, normalized and the provider's original string.
    Asff {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        normalized: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        original: Option<String>,
    },
    /// rampart's own checks.
    Rampart,
}

impl NativeSeverity {
    /// Human form of the native value, e.g. `8.0`, `High (3)`, `HIGH / 70`.
    pub fn describe(&self) -> String {
        match self {
            NativeSeverity::GuardDuty { score } => format!("GuardDuty {score:.1}"),
            NativeSeverity::Macie { description, score } => match score {
                Some(s) => format!("Macie {description} ({s})"),
                None => format!("Macie {description}"),
            },
            NativeSeverity::Asff {
                label,
                normalized,
                original,
            } => {
                let mut parts = Vec::new();
                if let Some(l) = label {
                    parts.push(l.clone());
                }
                if let Some(n) = normalized {
                    parts.push(format!("normalized {n}"));
                }
                if let Some(o) = original {
                    parts.push(format!("original {o}"));
                }
                format!("ASFF {}", parts.join(", "))
            }
            NativeSeverity::Rampart => "rampart check".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_runs_from_informational_to_critical() {
        assert!(Severity::Informational < Severity::Low);
        assert!(Severity::Low < Severity::Medium);
        assert!(Severity::Medium < Severity::High);
        assert!(Severity::High < Severity::Critical);
    }

    #[test]
    fn guardduty_bands_follow_current_docs() {
        assert_eq!(Severity::from_guardduty(10.0), Severity::Critical);
        assert_eq!(Severity::from_guardduty(9.0), Severity::Critical);
        assert_eq!(Severity::from_guardduty(8.9), Severity::High);
        assert_eq!(Severity::from_guardduty(7.0), Severity::High);
        assert_eq!(Severity::from_guardduty(6.9), Severity::Medium);
        assert_eq!(Severity::from_guardduty(4.0), Severity::Medium);
        assert_eq!(Severity::from_guardduty(3.9), Severity::Low);
        assert_eq!(Severity::from_guardduty(1.0), Severity::Low);
        assert_eq!(Severity::from_guardduty(0.0), Severity::Informational);
    }

    #[test]
    fn normalized_bands_follow_asff() {
        assert_eq!(Severity::from_normalized(0.0), Severity::Informational);
        assert_eq!(Severity::from_normalized(1.0), Severity::Low);
        assert_eq!(Severity::from_normalized(39.0), Severity::Low);
        assert_eq!(Severity::from_normalized(40.0), Severity::Medium);
        assert_eq!(Severity::from_normalized(70.0), Severity::High);
        assert_eq!(Severity::from_normalized(90.0), Severity::Critical);
    }

    #[test]
    fn labels_parse_in_any_case() {
        assert_eq!(Severity::parse_label("CRITICAL"), Some(Severity::Critical));
        assert_eq!(Severity::parse_label("High"), Some(Severity::High));
        assert_eq!(Severity::parse_label("info"), Some(Severity::Informational));
        assert_eq!(Severity::parse_label("severe"), None);
    }
}
