//! AWS Security Finding Format (Security Hub) records to [`Finding`]s.

use super::fields::{Obj, Problem, number, scalar_text};
use crate::model::{
    Channel, Compliance, ComplianceStatus, Finding, NativeSeverity, Provenance, RawJson,
    RecordState, Remediation, Resource, Severity, Source, Standard, WorkflowStatus,
};
use serde_json::Value;

/// Reads one ASFF finding.
pub(super) fn finding(v: &Value) -> Result<Finding, Problem> {
    let o = Obj::root(v).ok_or_else(|| "expected a JSON object".to_string())?;
    let id = o.req_str("Id")?.to_string();
    let product_arn = o.req_str("ProductArn")?.to_string();
    let account_id = o.req_str("AwsAccountId")?.to_string();
    let source = source_of(&product_arn);
    let product_fields = o.obj("ProductFields")?;
    let pf = |key: &str| -> Option<String> {
        product_fields
            .as_ref()
            .and_then(|p| p.get(key))
            .map(scalar_text)
            .filter(|s| !s.is_empty())
    };
    let product_name = match o.text("ProductName")? {
        Some(n) => n,
        None => pf("aws/securityhub/ProductName").unwrap_or_else(|| product_label(&product_arn)),
    };
    let types = o.str_list("Types")?;
    let native_type = match source {
        Source::GuardDuty | Source::Macie => native_type(&types),
        _ => None,
    };
    let finding_type = native_type
        .or_else(|| types.first().cloned())
        .unwrap_or_default();
    let resources = resources(&o)?;
    let region = match o.text("Region")? {
        Some(r) => r,
        None => arn_region(&product_arn)
            .or_else(|| resources.iter().find_map(|r| r.region.clone()))
            .unwrap_or_default(),
    };
    let (severity, native_severity) = severity(&o, source)?;
    let mut record_state = record_state(&o)?;
    if pf("aws/guardduty/service/archived").as_deref() == Some("true") {
        record_state = RecordState::Archived;
    }
    let generator_id = o.text("GeneratorId")?;
    let compliance = compliance(&o, generator_id.as_deref(), &pf)?;
    let native_arn = (source == Source::GuardDuty && id.starts_with("arn:")).then(|| id.clone());
    Ok(Finding {
        title: o.text("Title")?.unwrap_or_else(|| finding_type.clone()),
        description: o.text("Description")?.unwrap_or_default(),
        source,
        product_name: product_name.clone(),
        finding_type,
        types,
        generator_id,
        severity,
        native_severity,
        workflow: workflow(&o)?,
        record_state,
        compliance,
        resources,
        remediation: remediation(&o)?,
        account_id: account_id.clone(),
        region: region.clone(),
        first_seen: o.time("FirstObservedAt")?,
        last_seen: o.time("LastObservedAt")?,
        created_at: o.time("CreatedAt")?,
        updated_at: o.time("UpdatedAt")?,
        provenances: vec![Provenance {
            channel: Channel::SecurityHub,
            product_arn: Some(product_arn),
            product_name: Some(product_name),
            native_id: id.clone(),
            native_arn,
            account_id,
            region,
            raw: RawJson::from_value(v),
        }],
        id,
    })
}

/// The product part of a ProductArn: `aws/guardduty`, `cloud-custodian/cloud-custodian`.
pub(crate) fn product_path(product_arn: &str) -> &str {
    product_arn
        .split_once(":product/")
        .map(|(_, p)| p)
        .unwrap_or("")
}

pub(crate) fn source_of(product_arn: &str) -> Source {
    match product_path(product_arn) {
        "aws/guardduty" => Source::GuardDuty,
        "aws/macie" => Source::Macie,
        "aws/securityhub" => Source::SecurityHub,
        p if p.starts_with("aws/inspector") => Source::Inspector,
        _ => Source::Other,
    }
}

/// A display name for products that do not say their `ProductName`.
fn product_label(product_arn: &str) -> String {
    let path = product_path(product_arn);
    let product = path.rsplit('/').next().unwrap_or(path);
    match path {
        "aws/guardduty" => "GuardDuty".to_string(),
        "aws/macie" => "Macie".to_string(),
        "aws/securityhub" => "Security Hub".to_string(),
        "aws/config" => "Config".to_string(),
        "aws/health" => "Health".to_string(),
        "aws/access-analyzer" => "IAM Access Analyzer".to_string(),
        "aws/firewall-manager" => "Firewall Manager".to_string(),
        "aws/ssm-patch-manager" => "Systems Manager Patch Manager".to_string(),
        p if p.starts_with("aws/inspector") => "Inspector".to_string(),
        _ if !product.is_empty() => product.to_string(),
        _ => product_arn.to_string(),
    }
}

/// The region of an ARN, also in the published `arn:aws::service:region:`
/// form with a stray empty segment.
pub(crate) fn arn_region(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.split(':').collect();
    let at = if parts.get(2).is_some_and(|s| s.is_empty()) {
        4
    } else {
        3
    };
    parts
        .get(at)
        .filter(|r| !r.is_empty())
        .map(|r| r.to_string())
}

/// The GuardDuty / Macie type from an ASFF `Types` entry: Security Hub maps
/// `UnauthorizedAccess:EC2/SSHBruteForce` to
/// `TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce`.
pub(crate) fn native_type(types: &[String]) -> Option<String> {
    types.iter().find_map(|t| {
        let last = t.rsplit('/').next()?;
        let (purpose, rest) = last.split_once(':')?;
        Some(format!("{purpose}:{}", rest.replacen('-', "/", 1)))
    })
}

fn severity(o: &Obj, source: Source) -> Result<(Severity, NativeSeverity), Problem> {
    let sev = o.obj("Severity")?;
    let provider = match o.obj("FindingProviderFields")? {
        Some(f) => f.obj("Severity")?,
        None => None,
    };
    let field = |name: &str| -> Option<&Value> {
        sev.as_ref()
            .and_then(|s| s.get(name))
            .or_else(|| provider.as_ref().and_then(|p| p.get(name)))
    };
    let original = field("Original");
    if source == Source::GuardDuty {
        // domain.md 4.3: the GuardDuty number is canonical; `Product` held it
        // before `Original` existed.
        let score = original
            .and_then(number)
            .or_else(|| sev.as_ref().and_then(|s| s.get("Product")).and_then(number));
        if let Some(score) = score {
            return Ok((
                Severity::from_guardduty(score),
                NativeSeverity::GuardDuty { score },
            ));
        }
    }
    let label = match &sev {
        Some(s) => s.text("Label")?,
        None => None,
    };
    let label = match label {
        Some(l) => Some(l),
        None => match &provider {
            Some(p) => p.text("Label")?,
            None => None,
        },
    };
    let normalized = match &sev {
        Some(s) => s.num("Normalized")?,
        None => None,
    };
    let severity = match (&label, normalized) {
        (Some(l), _) => Severity::parse_label(l).ok_or_else(|| {
            format!(
                "field \"Severity.Label\": unknown severity {:?}",
                l.as_str()
            )
        })?,
        (None, Some(n)) => Severity::from_normalized(n),
        (None, None) => {
            return Err(
                "missing required field \"Severity.Label\" (or \"Severity.Normalized\")"
                    .to_string(),
            );
        }
    };
    Ok((
        severity,
        NativeSeverity::Asff {
            label,
            normalized,
            original: original.map(scalar_text).filter(|s| !s.is_empty()),
        },
    ))
}

fn workflow(o: &Obj) -> Result<WorkflowStatus, Problem> {
    if let Some(w) = o.obj("Workflow")?
        && let Some(status) = w.text("Status")?
    {
        return WorkflowStatus::parse(&status).ok_or_else(|| {
            format!(
                "field \"{}\": unknown workflow status {:?}",
                w.name("Status"),
                status
            )
        });
    }
    // The retired `WorkflowState`, mapped as Security Hub migrated it.
    match o.text("WorkflowState")?.map(|s| s.to_ascii_uppercase()) {
        None => Ok(WorkflowStatus::New),
        Some(s) => match s.as_str() {
            "NEW" => Ok(WorkflowStatus::New),
            "ASSIGNED" | "IN_PROGRESS" => Ok(WorkflowStatus::Notified),
            "DEFERRED" => Ok(WorkflowStatus::Suppressed),
            "RESOLVED" => Ok(WorkflowStatus::Resolved),
            other => Err(format!(
                "field \"WorkflowState\": unknown workflow state {other:?}"
            )),
        },
    }
}

fn record_state(o: &Obj) -> Result<RecordState, Problem> {
    match o.text("RecordState")?.map(|s| s.to_ascii_uppercase()) {
        None => Ok(RecordState::Active),
        Some(s) if s == "ACTIVE" => Ok(RecordState::Active),
        Some(s) if s == "ARCHIVED" => Ok(RecordState::Archived),
        Some(other) => Err(format!(
            "field \"RecordState\": expected ACTIVE or ARCHIVED, found {other:?}"
        )),
    }
}

fn compliance(
    o: &Obj,
    generator_id: Option<&str>,
    pf: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<Compliance>, Problem> {
    let legacy_control = pf("ControlId").or_else(|| pf("RuleId"));
    let legacy_standard = pf("StandardsArn").or_else(|| pf("StandardsGuideArn"));
    let Some(c) = o.obj("Compliance")? else {
        return Ok(legacy_control.map(|control| Compliance {
            security_control_id: Some(control),
            associated_standards: legacy_standard
                .map(|a| vec![Standard::id_from_arn(&a)])
                .unwrap_or_default(),
            ..Compliance::default()
        }));
    };
    let status = match c.text("Status")? {
        Some(s) => Some(
            ComplianceStatus::parse(&s)
                .ok_or_else(|| format!("field \"{}\": unknown status {s:?}", c.name("Status")))?,
        ),
        None => None,
    };
    let control = c.text("SecurityControlId")?;
    // Consolidated findings drop the per-standard ProductFields (domain.md 1.6).
    let consolidated = generator_id.is_some_and(|g| g.starts_with("security-control/"))
        || (control.is_some() && legacy_control.is_none() && legacy_standard.is_none());
    let mut associated_standards = Vec::new();
    for (i, item) in c.arr("AssociatedStandards")?.iter().enumerate() {
        if let Some(s) = c
            .item("AssociatedStandards", i, item)?
            .text("StandardsId")?
        {
            associated_standards.push(s);
        }
    }
    if associated_standards.is_empty()
        && let Some(arn) = legacy_standard
    {
        associated_standards.push(Standard::id_from_arn(&arn));
    }
    let mut status_reasons = Vec::new();
    for (i, item) in c.arr("StatusReasons")?.iter().enumerate() {
        if let Some(code) = c.item("StatusReasons", i, item)?.text("ReasonCode")? {
            status_reasons.push(code);
        }
    }
    Ok(Some(Compliance {
        status,
        security_control_id: control.or(legacy_control),
        associated_standards,
        related_requirements: c.str_list("RelatedRequirements")?,
        status_reasons,
        consolidated,
    }))
}

fn resources(o: &Obj) -> Result<Vec<Resource>, Problem> {
    let mut out = Vec::new();
    for (i, item) in o.arr("Resources")?.iter().enumerate() {
        let r = o.item("Resources", i, item)?;
        out.push(Resource {
            resource_type: r.req_str("Type")?.to_string(),
            id: r.req_str("Id")?.to_string(),
            region: r.text("Region")?,
            partition: r.text("Partition")?,
            tags: r.tags("Tags")?,
        });
    }
    Ok(out)
}

fn remediation(o: &Obj) -> Result<Option<Remediation>, Problem> {
    let Some(rec) = (match o.obj("Remediation")? {
        Some(r) => r.obj("Recommendation")?,
        None => None,
    }) else {
        return Ok(None);
    };
    let remediation = Remediation {
        text: rec.text("Text")?,
        url: rec.text("Url")?,
    };
    Ok((remediation.text.is_some() || remediation.url.is_some()).then_some(remediation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guardduty_types_map_back_to_native_types() {
        let types = vec!["TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce".to_string()];
        assert_eq!(
            native_type(&types).as_deref(),
            Some("UnauthorizedAccess:EC2/SSHBruteForce")
        );
        assert_eq!(native_type(&["Effects/Data Exposure".to_string()]), None);
    }

    #[test]
    fn sources_come_from_the_product_arn() {
        let arn = |p: &str| format!("arn:aws:securityhub:us-east-1::product/{p}");
        assert_eq!(source_of(&arn("aws/guardduty")), Source::GuardDuty);
        assert_eq!(source_of(&arn("aws/macie")), Source::Macie);
        assert_eq!(source_of(&arn("aws/securityhub")), Source::SecurityHub);
        assert_eq!(source_of(&arn("aws/inspector")), Source::Inspector);
        assert_eq!(source_of(&arn("aws/config")), Source::Other);
        assert_eq!(product_label(&arn("aws/config")), "Config");
        assert_eq!(product_label(&arn("acme/scanner")), "scanner");
        assert_eq!(
            arn_region(&arn("aws/guardduty")).as_deref(),
            Some("us-east-1")
        );
        assert_eq!(
            arn_region("arn:aws::securityhub:us-east-1::product/aws/guardduty").as_deref(),
            Some("us-east-1")
        );
        assert_eq!(arn_region("arn:aws:securityhub:::ruleset/x"), None);
    }
}
