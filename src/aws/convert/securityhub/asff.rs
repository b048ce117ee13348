//! The ASFF record as JSON (PascalCase, as the API reference shows it),
//! rebuilt from the SDK's fields for the detail view and snapshots.
//! Resource `Details`, network, process and threat blocks are left out.

use aws_sdk_securityhub::types as sh;
use serde_json::{Map, Value, json};

use crate::model::RawJson;

struct Obj(Map<String, Value>);

impl Obj {
    fn new() -> Obj {
        Obj(Map::new())
    }
    fn s(mut self, k: &str, v: Option<&str>) -> Obj {
        if let Some(v) = v {
            self.0.insert(k.to_string(), Value::from(v));
        }
        self
    }
    fn v(mut self, k: &str, v: Option<Value>) -> Obj {
        if let Some(v) = v {
            self.0.insert(k.to_string(), v);
        }
        self
    }
    fn list(self, k: &str, v: &[String]) -> Obj {
        let value = (!v.is_empty()).then(|| json!(v));
        self.v(k, value)
    }
    fn done(self) -> Value {
        Value::Object(self.0)
    }
    fn some(self) -> Option<Value> {
        (!self.0.is_empty()).then_some(Value::Object(self.0))
    }
}

fn map(m: Option<&std::collections::HashMap<String, String>>) -> Option<Value> {
    let m = m.filter(|m| !m.is_empty())?;
    let sorted: std::collections::BTreeMap<&String, &String> = m.iter().collect();
    Some(json!(sorted))
}

fn severity(s: &sh::Severity) -> Value {
    Obj::new()
        .s("Label", s.label().map(|l| l.as_str()))
        .v("Normalized", s.normalized().map(Value::from))
        .s("Original", s.original())
        .v("Product", s.product().map(Value::from))
        .done()
}

fn compliance(c: &sh::Compliance) -> Value {
    let reasons: Vec<Value> = c
        .status_reasons()
        .iter()
        .map(|r| {
            Obj::new()
                .s("ReasonCode", r.reason_code())
                .s("Description", r.description())
                .done()
        })
        .collect();
    let standards: Vec<Value> = c
        .associated_standards()
        .iter()
        .map(|a| Obj::new().s("StandardsId", a.standards_id()).done())
        .collect();
    Obj::new()
        .s("Status", c.status().map(|s| s.as_str()))
        .s("SecurityControlId", c.security_control_id())
        .list("RelatedRequirements", c.related_requirements())
        .v(
            "StatusReasons",
            (!reasons.is_empty()).then(|| json!(reasons)),
        )
        .v(
            "AssociatedStandards",
            (!standards.is_empty()).then(|| json!(standards)),
        )
        .done()
}

fn resource(r: &sh::Resource) -> Value {
    Obj::new()
        .s("Type", r.r#type())
        .s("Id", r.id())
        .s("Partition", r.partition().map(|p| p.as_str()))
        .s("Region", r.region())
        .s("ResourceRole", r.resource_role())
        .v("Tags", map(r.tags()))
        .done()
}

/// The finding as ASFF JSON.
pub fn raw(f: &sh::AwsSecurityFinding) -> RawJson {
    let resources: Vec<Value> = f.resources().iter().map(resource).collect();
    let remediation = f
        .remediation()
        .and_then(|r| r.recommendation())
        .and_then(|r| {
            Obj::new()
                .s("Text", r.text())
                .s("Url", r.url())
                .some()
                .map(|rec| json!({ "Recommendation": rec }))
        });
    let provider = f.finding_provider_fields().and_then(|p| {
        let sev = p.severity().and_then(|s| {
            Obj::new()
                .s("Label", s.label().map(|l| l.as_str()))
                .s("Original", s.original())
                .some()
        });
        Obj::new()
            .v("Confidence", p.confidence().map(Value::from))
            .v("Criticality", p.criticality().map(Value::from))
            .v("Severity", sev)
            .list("Types", p.types())
            .some()
    });
    let note = f.note().and_then(|n| {
        Obj::new()
            .s("Text", n.text())
            .s("UpdatedBy", n.updated_by())
            .s("UpdatedAt", n.updated_at())
            .some()
    });
    let value = Obj::new()
        .s("SchemaVersion", f.schema_version())
        .s("Id", f.id())
        .s("ProductArn", f.product_arn())
        .s("ProductName", f.product_name())
        .s("CompanyName", f.company_name())
        .s("Region", f.region())
        .s("GeneratorId", f.generator_id())
        .s("AwsAccountId", f.aws_account_id())
        .s("AwsAccountName", f.aws_account_name())
        .list("Types", f.types())
        .s("FirstObservedAt", f.first_observed_at())
        .s("LastObservedAt", f.last_observed_at())
        .s("CreatedAt", f.created_at())
        .s("UpdatedAt", f.updated_at())
        .s("ProcessedAt", f.processed_at())
        .v("Severity", f.severity().map(severity))
        .v("Confidence", f.confidence().map(Value::from))
        .v("Criticality", f.criticality().map(Value::from))
        .s("Title", f.title())
        .s("Description", f.description())
        .v("Remediation", remediation)
        .s("SourceUrl", f.source_url())
        .v("ProductFields", map(f.product_fields()))
        .v("UserDefinedFields", map(f.user_defined_fields()))
        .v("Resources", Some(json!(resources)))
        .v("Compliance", f.compliance().map(compliance))
        .s(
            "VerificationState",
            f.verification_state().map(|v| v.as_str()),
        )
        .s("WorkflowState", f.workflow_state().map(|w| w.as_str()))
        .v(
            "Workflow",
            f.workflow().and_then(|w| {
                Obj::new()
                    .s("Status", w.status().map(|s| s.as_str()))
                    .some()
            }),
        )
        .s("RecordState", f.record_state().map(|r| r.as_str()))
        .v("Note", note)
        .v("FindingProviderFields", provider)
        .v("Sample", f.sample().map(Value::from))
        .done();
    RawJson::from_value(&value)
}
