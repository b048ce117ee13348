//! Pieces shared by the ASFF (Security Hub) records the demo produces.

use super::clock::iso;
use crate::model::{Channel, Provenance, RawJson, Resource, Severity, Timestamp};
use serde_json::{Map, Value, json};

pub const SCHEMA_VERSION: &str = "2018-10-08";

/// `Severity.Normalized` for a label (the value Security Hub fills in).
pub fn normalized(severity: Severity) -> u8 {
    match severity {
        Severity::Critical => 90,
        Severity::High => 70,
        Severity::Medium => 40,
        Severity::Low => 1,
        Severity::Informational => 0,
    }
}

/// `arn:aws:securityhub:<region>::product/aws/<product>`.
pub fn product_arn(region: &str, product: &str) -> String {
    format!("arn:aws:securityhub:{region}::product/aws/{product}")
}

/// An ASFF `Resources[]` entry.
pub fn resource_json(r: &Resource, details: Option<Value>) -> Value {
    let mut m = Map::new();
    m.insert("Type".into(), json!(r.resource_type));
    m.insert("Id".into(), json!(r.id));
    m.insert("Partition".into(), json!("aws"));
    if let Some(region) = &r.region {
        m.insert("Region".into(), json!(region));
    }
    if !r.tags.is_empty() {
        m.insert("Tags".into(), json!(r.tags));
    }
    if let Some(d) = details {
        m.insert("Details".into(), d);
    }
    Value::Object(m)
}

/// The common top of an ASFF record.
pub struct Head<'a> {
    pub id: &'a str,
    pub product_arn: &'a str,
    pub product_name: &'a str,
    pub company: &'a str,
    pub generator_id: &'a str,
    pub account: &'a str,
    pub region: &'a str,
    pub types: &'a [String],
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
    pub severity: Severity,
    pub original_severity: String,
    pub title: &'a str,
    pub description: &'a str,
}

impl Head<'_> {
    /// The record as a JSON object; callers add the remaining members.
    pub fn to_map(&self) -> Map<String, Value> {
        let severity = json!({
            "Label": self.severity.asff_label(),
            "Normalized": normalized(self.severity),
            "Original": self.original_severity,
        });
        let mut m = Map::new();
        m.insert("SchemaVersion".into(), json!(SCHEMA_VERSION));
        m.insert("Id".into(), json!(self.id));
        m.insert("ProductArn".into(), json!(self.product_arn));
        m.insert("ProductName".into(), json!(self.product_name));
        m.insert("CompanyName".into(), json!(self.company));
        m.insert("Region".into(), json!(self.region));
        m.insert("GeneratorId".into(), json!(self.generator_id));
        m.insert("AwsAccountId".into(), json!(self.account));
        m.insert("Types".into(), json!(self.types));
        m.insert("FirstObservedAt".into(), json!(iso(self.first_seen)));
        m.insert("LastObservedAt".into(), json!(iso(self.last_seen)));
        m.insert("CreatedAt".into(), json!(iso(self.first_seen)));
        m.insert("UpdatedAt".into(), json!(iso(self.last_seen)));
        m.insert("Severity".into(), severity.clone());
        m.insert("Title".into(), json!(self.title));
        m.insert("Description".into(), json!(self.description));
        m.insert(
            "FindingProviderFields".into(),
            json!({ "Severity": severity, "Types": self.types }),
        );
        m
    }
}

/// `Workflow` and `RecordState` members.
pub fn state(m: &mut Map<String, Value>, workflow: &str, record_state: &str) {
    m.insert("WorkflowState".into(), json!(workflow));
    m.insert("Workflow".into(), json!({ "Status": workflow }));
    m.insert("RecordState".into(), json!(record_state));
}

/// A provenance record read through `channel`.
#[allow(clippy::too_many_arguments)]
pub fn provenance(
    channel: Channel,
    product_arn: Option<String>,
    product_name: &str,
    native_id: &str,
    native_arn: Option<String>,
    account: &str,
    region: &str,
    raw: &Value,
) -> Provenance {
    Provenance {
        channel,
        product_arn,
        product_name: Some(product_name.to_string()),
        native_id: native_id.to_string(),
        native_arn,
        account_id: account.to_string(),
        region: region.to_string(),
        raw: RawJson::from_value(raw),
    }
}
