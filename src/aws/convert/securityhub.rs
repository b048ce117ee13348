//! Security Hub findings (ASFF), standards and controls to the model.

mod asff;

use super::{non_empty, parse_time};
use crate::model::{
    Channel, Compliance, ComplianceStatus, Control, ControlAssociation, Finding, NativeSeverity,
    Provenance, RecordState, Remediation, Resource, Severity, Source, Standard, WorkflowStatus,
};
use aws_sdk_securityhub::types as sh;
use std::collections::{BTreeMap, HashMap};

/// The product family from a `ProductArn` (`.../product/aws/guardduty`).
pub fn source_of(product_arn: &str, product_name: &str) -> Source {
    let product = product_arn
        .split_once("product/")
        .map(|(_, p)| p)
        .unwrap_or_default();
    match product {
        "aws/securityhub" => Source::SecurityHub,
        "aws/guardduty" => Source::GuardDuty,
        "aws/macie" => Source::Macie,
        p if p.starts_with("aws/inspector") => Source::Inspector,
        _ if product_name == "Security Hub" => Source::SecurityHub,
        _ => Source::Other,
    }
}

fn severity(f: &sh::AwsSecurityFinding, source: Source) -> (Severity, NativeSeverity) {
    let s = f.severity();
    let label = s.and_then(|s| s.label()).map(|l| l.as_str().to_string());
    let normalized = s.and_then(|s| s.normalized()).map(f64::from);
    let original = s.and_then(|s| non_empty(s.original()));
    // GuardDuty's own numeric severity is canonical (domain.md 4.3).
    let gd_score = (source == Source::GuardDuty)
        .then(|| {
            original
                .as_deref()
                .and_then(|o| o.trim().parse::<f64>().ok())
        })
        .flatten();
    let band = gd_score
        .map(Severity::from_guardduty)
        .or_else(|| label.as_deref().and_then(Severity::parse_label))
        .or_else(|| normalized.map(Severity::from_normalized))
        .unwrap_or(Severity::Informational);
    (
        band,
        NativeSeverity::Asff {
            label,
            normalized,
            original,
        },
    )
}

fn workflow(f: &sh::AwsSecurityFinding) -> WorkflowStatus {
    if let Some(w) = f.workflow().and_then(|w| w.status()) {
        return WorkflowStatus::parse(w.as_str()).unwrap_or_default();
    }
    // The retired WorkflowState, for old records.
    match f.workflow_state().map(|w| w.as_str()) {
        Some("RESOLVED") => WorkflowStatus::Resolved,
        _ => WorkflowStatus::New,
    }
}

fn compliance(f: &sh::AwsSecurityFinding) -> Option<Compliance> {
    let c = f.compliance()?;
    let fields = f.product_fields();
    let field = |k: &str| fields.and_then(|m| m.get(k)).filter(|v| !v.is_empty());
    let consolidated = non_empty(c.security_control_id());
    let legacy_id = field("ControlId").or_else(|| field("RuleId")).cloned();
    let mut associated: Vec<String> = c
        .associated_standards()
        .iter()
        .filter_map(|a| non_empty(a.standards_id()))
        .collect();
    if associated.is_empty()
        && let Some(arn) = field("StandardsArn").or_else(|| field("StandardsGuideArn"))
    {
        associated.push(Standard::id_from_arn(arn));
    }
    Some(Compliance {
        status: c.status().and_then(|s| ComplianceStatus::parse(s.as_str())),
        consolidated: consolidated.is_some(),
        security_control_id: consolidated.or(legacy_id),
        associated_standards: associated,
        related_requirements: c.related_requirements().to_vec(),
        status_reasons: c
            .status_reasons()
            .iter()
            .filter_map(|r| non_empty(r.reason_code()))
            .collect(),
    })
}

fn resources(f: &sh::AwsSecurityFinding) -> Vec<Resource> {
    f.resources()
        .iter()
        .map(|r| Resource {
            resource_type: r.r#type().unwrap_or_default().to_string(),
            id: r.id().unwrap_or_default().to_string(),
            region: non_empty(r.region()),
            partition: r.partition().map(|p| p.as_str().to_string()),
            tags: r
                .tags()
                .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// One ASFF finding. `region` is used when the record names none.
/// `None` when the record has no `Id`.
pub fn finding(f: &sh::AwsSecurityFinding, region: &str) -> Option<Finding> {
    let id = non_empty(f.id())?;
    let product_arn = f.product_arn().unwrap_or_default().to_string();
    let product_name_raw = f.product_name().unwrap_or_default();
    let source = source_of(&product_arn, product_name_raw);
    let product_name =
        non_empty(Some(product_name_raw)).unwrap_or_else(|| source.label().to_string());
    let account_id = f.aws_account_id().unwrap_or_default().to_string();
    let region = non_empty(f.region()).unwrap_or_else(|| region.to_string());
    let (severity, native_severity) = severity(f, source);
    let types = f.types().to_vec();
    let remediation = f
        .remediation()
        .and_then(|r| r.recommendation())
        .map(|r| Remediation {
            text: non_empty(r.text()),
            url: non_empty(r.url()),
        });
    let native_arn = (source == Source::GuardDuty && id.starts_with("arn:")).then(|| id.clone());
    Some(Finding {
        source,
        title: f.title().unwrap_or_default().to_string(),
        description: f.description().unwrap_or_default().to_string(),
        finding_type: types.first().cloned().unwrap_or_default(),
        types,
        generator_id: non_empty(f.generator_id()),
        severity,
        native_severity,
        workflow: workflow(f),
        record_state: match f.record_state().map(|r| r.as_str()) {
            Some("ARCHIVED") => RecordState::Archived,
            _ => RecordState::Active,
        },
        compliance: compliance(f),
        resources: resources(f),
        remediation,
        first_seen: f.first_observed_at().and_then(parse_time),
        last_seen: f.last_observed_at().and_then(parse_time),
        created_at: f.created_at().and_then(parse_time),
        updated_at: f.updated_at().and_then(parse_time),
        provenances: vec![Provenance {
            channel: Channel::SecurityHub,
            product_arn: non_empty(Some(&product_arn)),
            product_name: Some(product_name.clone()),
            native_id: id.clone(),
            native_arn,
            account_id: account_id.clone(),
            region: region.clone(),
            raw: asff::raw(f),
        }],
        id,
        product_name,
        account_id,
        region,
    })
}

/// Standards names by ARN, from DescribeStandards.
pub fn standard_names(standards: &[sh::Standard]) -> HashMap<String, String> {
    standards
        .iter()
        .filter_map(|s| Some((non_empty(s.standards_arn())?, non_empty(s.name())?)))
        .collect()
}

pub fn standard(
    s: &sh::StandardsSubscription,
    names: &HashMap<String, String>,
    account_id: &str,
    region: &str,
) -> Option<Standard> {
    let arn = non_empty(s.standards_arn())?;
    let standards_id = Standard::id_from_arn(&arn);
    Some(Standard {
        name: names
            .get(&arn)
            .cloned()
            .unwrap_or_else(|| standards_id.clone()),
        standards_id,
        arn,
        account_id: account_id.to_string(),
        region: region.to_string(),
        status: s
            .standards_status()
            .map(|st| st.as_str().to_string())
            .unwrap_or_default(),
    })
}

/// A control definition with its associations (enablement per standard).
pub fn control(
    d: &sh::SecurityControlDefinition,
    associations: &[&sh::StandardsControlAssociationDetail],
    account_id: &str,
    region: &str,
) -> Option<Control> {
    Some(Control {
        control_id: non_empty(d.security_control_id())?,
        title: d.title().unwrap_or_default().to_string(),
        description: d.description().unwrap_or_default().to_string(),
        severity: d
            .severity_rating()
            .and_then(|s| Severity::parse_label(s.as_str()))
            .unwrap_or(Severity::Informational),
        remediation_url: non_empty(d.remediation_url()),
        account_id: account_id.to_string(),
        region: region.to_string(),
        associations: associations
            .iter()
            .filter_map(|a| {
                Some(ControlAssociation {
                    standards_id: Standard::id_from_arn(a.standards_arn()?),
                    enabled: a
                        .association_status()
                        .is_some_and(|s| s.as_str() == "ENABLED"),
                    standard_control_id: a
                        .standards_control_arns()
                        .first()
                        .and_then(|arn| arn.rsplit('/').next())
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                })
            })
            .collect(),
    })
}

/// Associations grouped by control id.
pub fn associations_by_control(
    details: &[sh::StandardsControlAssociationDetail],
) -> BTreeMap<&str, Vec<&sh::StandardsControlAssociationDetail>> {
    let mut out: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for d in details {
        if let Some(id) = d.security_control_id() {
            out.entry(id).or_default().push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests;
