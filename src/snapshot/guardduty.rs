//! GuardDuty findings in GuardDuty's own shape (CLI / boto3 PascalCase, API
//! wire and EventBridge camelCase) to [`Finding`]s.

use super::fields::{Obj, Problem};
use super::gd_resource;
use crate::model::{
    Channel, Finding, NativeSeverity, Provenance, RawJson, RecordState, Severity, Source,
    WorkflowStatus,
};
use serde_json::Value;

/// Where a GuardDuty finding lives, for building resource ARNs.
pub(super) struct Scope<'a> {
    pub partition: &'a str,
    pub region: &'a str,
    pub account: &'a str,
}

/// Reads one GuardDuty finding.
pub(super) fn finding(v: &Value) -> Result<Finding, Problem> {
    let o = Obj::root(v).ok_or_else(|| "expected a JSON object".to_string())?;
    let arn = o.text("Arn")?;
    let arn_parts: Vec<&str> = arn.as_deref().unwrap_or("").split(':').collect();
    let from_arn = |i: usize| {
        arn_parts
            .get(i)
            .filter(|s| !s.is_empty())
            .map(|s| s.to_string())
    };
    let id = match o.text("Id")? {
        Some(id) => id,
        None => arn
            .as_deref()
            .and_then(|a| a.rsplit_once("/finding/"))
            .map(|(_, id)| id.to_string())
            .ok_or_else(|| o.missing("Id"))?,
    };
    let account_id = match o.text("AccountId")? {
        Some(a) => a,
        None => from_arn(4).ok_or_else(|| o.missing("AccountId"))?,
    };
    let region = o
        .text("Region")?
        .or_else(|| from_arn(3))
        .unwrap_or_default();
    let partition = o
        .text("Partition")?
        .or_else(|| from_arn(1))
        .unwrap_or_else(|| "aws".to_string());
    let finding_type = o.req_str("Type")?.to_string();
    let score = o.num("Severity")?.ok_or_else(|| o.missing("Severity"))?;
    let service = o.obj("Service")?;
    let (archived, first_seen, last_seen, detector) = match &service {
        Some(s) => (
            s.bool("Archived")?.unwrap_or(false),
            s.time("EventFirstSeen")?,
            s.time("EventLastSeen")?,
            s.text("DetectorId")?,
        ),
        None => (false, None, None, None),
    };
    let generator_id = match arn.as_deref().and_then(|a| a.split_once("/finding/")) {
        Some((detector_arn, _)) => Some(detector_arn.to_string()),
        None => detector
            .map(|d| format!("arn:{partition}:guardduty:{region}:{account_id}:detector/{d}")),
    };
    let scope = Scope {
        partition: &partition,
        region: &region,
        account: &account_id,
    };
    let resources = gd_resource::resources(&o, &scope)?;
    Ok(Finding {
        title: o.text("Title")?.unwrap_or_else(|| finding_type.clone()),
        description: o.text("Description")?.unwrap_or_default(),
        source: Source::GuardDuty,
        product_name: "GuardDuty".to_string(),
        types: vec![finding_type.clone()],
        finding_type,
        generator_id,
        severity: Severity::from_guardduty(score),
        native_severity: NativeSeverity::GuardDuty { score },
        workflow: WorkflowStatus::New,
        record_state: if archived {
            RecordState::Archived
        } else {
            RecordState::Active
        },
        compliance: None,
        resources,
        remediation: None,
        account_id: account_id.clone(),
        region: region.clone(),
        first_seen,
        last_seen,
        created_at: o.time("CreatedAt")?,
        updated_at: o.time("UpdatedAt")?,
        provenances: vec![Provenance {
            channel: Channel::GuardDuty,
            product_arn: None,
            product_name: Some("GuardDuty".to_string()),
            native_id: id.clone(),
            native_arn: arn,
            account_id,
            region,
            raw: RawJson::from_value(v),
        }],
        id,
    })
}
