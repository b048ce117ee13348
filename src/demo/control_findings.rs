//! Turns one control evaluation ([`Check`]) into a consolidated Security
//! Hub control finding with its ASFF record.

use super::asff::{self, Head};
use super::clock::{ago, at};
use super::controls::{self, ControlDef};
use super::ids;
use crate::model::{
    Channel, Compliance, ComplianceStatus, Finding, NativeSeverity, RecordState, Remediation,
    Resource, Severity, Source, Timestamp, WorkflowStatus,
};
use chrono::TimeDelta;
use serde_json::{Value, json};
use std::collections::BTreeMap;

const TYPE: &str = "Software and Configuration Checks/Industry and Regulatory Standards";

/// One control evaluated against one resource.
pub struct Check {
    pub control: &'static str,
    pub account: &'static str,
    pub region: String,
    pub resource: Resource,
    pub details: Option<Value>,
    pub status: ComplianceStatus,
    pub reasons: Vec<&'static str>,
    pub workflow: Option<WorkflowStatus>,
    pub archived: bool,
    pub since: Option<Timestamp>,
    pub note: Option<&'static str>,
}

impl Check {
    pub fn new(
        control: &'static str,
        account: &'static str,
        region: &str,
        resource_type: &str,
        resource_id: &str,
        status: ComplianceStatus,
    ) -> Check {
        Check {
            control,
            account,
            region: region.to_string(),
            resource: Resource {
                resource_type: resource_type.to_string(),
                id: resource_id.to_string(),
                region: Some(region.to_string()),
                partition: Some("aws".to_string()),
                tags: BTreeMap::new(),
            },
            details: None,
            status,
            reasons: Vec::new(),
            workflow: None,
            archived: false,
            since: None,
            note: None,
        }
    }

    pub fn tags(mut self, tags: &BTreeMap<String, String>) -> Check {
        self.resource.tags = tags.clone();
        self
    }

    pub fn details(mut self, details: Value) -> Check {
        self.details = Some(details);
        self
    }

    pub fn reason(mut self, code: &'static str) -> Check {
        self.reasons.push(code);
        self
    }

    pub fn workflow(mut self, workflow: WorkflowStatus) -> Check {
        self.workflow = Some(workflow);
        self
    }

    pub fn archived(mut self) -> Check {
        self.archived = true;
        self
    }

    pub fn since(mut self, t: Timestamp) -> Check {
        self.since = Some(t);
        self
    }

    pub fn note(mut self, text: &'static str) -> Check {
        self.note = Some(text);
        self
    }
}

fn reason_text(code: &str) -> &'static str {
    match code {
        "CLOUDTRAIL_METRIC_FILTERS_NOT_PRESENT" => {
            "Metric filters for the multi-Region CloudTrail trail's log group are not present."
        }
        "S3_BUCKET_CROSS_ACCOUNT_CROSS_REGION" => {
            "The finding is in a WARNING state because the S3 bucket associated with this rule is in a different Region or account."
        }
        "CONFIG_RETURNS_NOT_APPLICABLE" => {
            "The compliance status is NOT_AVAILABLE because AWS Config returned a status of Not Applicable."
        }
        "CONFIG_RULE_EVALUATION_ERROR" => {
            "AWS Config could not complete the evaluation of this resource; it will retry."
        }
        _ => "",
    }
}

/// The finding for `check`, or `None` for an unknown control id.
pub fn finding(check: Check) -> Option<Finding> {
    let def: &ControlDef = controls::def(check.control)?;
    let seed = format!(
        "control/{}/{}/{}/{}",
        def.id, check.account, check.region, check.resource.id
    );
    let region = check.region.as_str();
    let id = format!(
        "arn:aws:securityhub:{region}:{}:security-control/{}/finding/{}",
        check.account,
        def.id,
        ids::uuid(&seed)
    );
    let product_arn = asff::product_arn(region, "securityhub");
    let severity = if check.status == ComplianceStatus::Failed {
        def.severity
    } else {
        Severity::Informational
    };
    let workflow = check
        .workflow
        .unwrap_or(if check.status == ComplianceStatus::Passed {
            WorkflowStatus::Resolved
        } else {
            WorkflowStatus::New
        });
    let record_state = if check.archived {
        RecordState::Archived
    } else {
        RecordState::Active
    };
    let first_seen = check.since.unwrap_or_else(|| {
        at(2025, 3, 10, 6, 0) + TimeDelta::hours(ids::pick(&seed, 60 * 24) as i64)
    });
    let last_seen = if check.archived {
        first_seen + TimeDelta::hours(18)
    } else {
        ago(0, 1 + ids::pick(&seed, 10) as i64)
    };
    let standards: Vec<&str> = def.memberships().into_iter().map(|(s, _)| s).collect();
    let types = vec![TYPE.to_string()];

    let mut raw = Head {
        id: &id,
        product_arn: &product_arn,
        product_name: "Security Hub",
        company: "AWS",
        generator_id: &format!("security-control/{}", def.id),
        account: check.account,
        region,
        types: &types,
        first_seen,
        last_seen,
        severity,
        original_severity: severity.asff_label().to_string(),
        title: def.title,
        description: def.description,
    }
    .to_map();
    raw.insert(
        "Remediation".into(),
        json!({ "Recommendation": {
            "Text": "For information on how to correct this issue, consult the AWS Security Hub controls documentation.",
            "Url": def.console_url()
        }}),
    );
    let mut fields = serde_json::Map::new();
    if !def.rule.is_empty() {
        fields.insert(
            "RelatedAWSResources:0/name".into(),
            json!(format!(
                "securityhub-{}-{}",
                def.rule,
                ids::hex(&format!("rule/{}/{region}", def.id), 8)
            )),
        );
        fields.insert(
            "RelatedAWSResources:0/type".into(),
            json!("AWS::Config::ConfigRule"),
        );
    }
    fields.insert("aws/securityhub/ProductName".into(), json!("Security Hub"));
    fields.insert("aws/securityhub/CompanyName".into(), json!("AWS"));
    fields.insert("Resources:0/Id".into(), json!(check.resource.id));
    fields.insert(
        "aws/securityhub/FindingId".into(),
        json!(format!("{product_arn}/{id}")),
    );
    raw.insert("ProductFields".into(), json!(fields));
    raw.insert(
        "Resources".into(),
        json!([asff::resource_json(&check.resource, check.details.clone())]),
    );
    let mut compliance = json!({
        "Status": check.status.as_str(),
        "SecurityControlId": def.id,
        "AssociatedStandards": standards.iter().map(|s| json!({ "StandardsId": s })).collect::<Vec<_>>(),
        "RelatedRequirements": def.requirements(),
    });
    if !check.reasons.is_empty() {
        compliance["StatusReasons"] = json!(
            check
                .reasons
                .iter()
                .map(|r| json!({ "ReasonCode": r, "Description": reason_text(r) }))
                .collect::<Vec<_>>()
        );
    }
    raw.insert("Compliance".into(), compliance);
    if let Some(text) = check.note {
        raw.insert(
            "Note".into(),
            json!({
                "Text": text,
                "UpdatedBy": format!("arn:aws:sts::{}:assumed-role/SecurityAdmin/m.reyes", check.account),
                "UpdatedAt": super::clock::iso(last_seen),
            }),
        );
    }
    asff::state(&mut raw, workflow.as_str(), record_state.as_str());
    let raw = Value::Object(raw);

    Some(Finding {
        id: id.clone(),
        source: Source::SecurityHub,
        product_name: "Security Hub".to_string(),
        title: def.title.to_string(),
        description: def.description.to_string(),
        finding_type: TYPE.to_string(),
        types,
        generator_id: Some(format!("security-control/{}", def.id)),
        severity,
        native_severity: NativeSeverity::Asff {
            label: Some(severity.asff_label().to_string()),
            normalized: Some(f64::from(asff::normalized(severity))),
            original: Some(severity.asff_label().to_string()),
        },
        workflow,
        record_state,
        compliance: Some(Compliance {
            status: Some(check.status),
            security_control_id: Some(def.id.to_string()),
            associated_standards: standards.iter().map(|s| s.to_string()).collect(),
            related_requirements: def.requirements(),
            status_reasons: check.reasons.iter().map(|r| r.to_string()).collect(),
            consolidated: true,
        }),
        resources: vec![check.resource],
        remediation: Some(Remediation {
            text: Some(
                "For information on how to correct this issue, consult the AWS Security Hub controls documentation."
                    .to_string(),
            ),
            url: Some(def.console_url()),
        }),
        account_id: check.account.to_string(),
        region: region.to_string(),
        first_seen: Some(first_seen),
        last_seen: Some(last_seen),
        created_at: Some(first_seen),
        updated_at: Some(last_seen),
        provenances: vec![asff::provenance(
            Channel::SecurityHub,
            Some(product_arn.clone()),
            "Security Hub",
            &id,
            None,
            check.account,
            region,
            &raw,
        )],
    })
}
