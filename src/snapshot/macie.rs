//! Macie findings in Macie's own shape (aws macie2 get-findings, console
//! export, EventBridge `detail`) to [`Finding`]s.

use super::fields::{Obj, Problem, describe};
use crate::model::{
    Channel, Finding, NativeSeverity, Provenance, RawJson, RecordState, Resource, Severity, Source,
    WorkflowStatus,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Reads one Macie finding.
pub(super) fn finding(v: &Value) -> Result<Finding, Problem> {
    let o = Obj::root(v).ok_or_else(|| "expected a JSON object".to_string())?;
    let account_id = o.req_str("AccountId")?.to_string();
    let finding_type = o.req_str("Type")?.to_string();
    let (severity, native_severity) = severity(&o)?;
    // A finding without an id still needs a stable one: derive it from the
    // record's content, and say so in the id.
    let id = match o.text("Id")? {
        Some(id) => id,
        None => format!(
            "macie-unidentified-{}",
            &hex::encode(Sha256::digest(v.to_string().as_bytes()))[..16]
        ),
    };
    let classification = o.obj("ClassificationDetails")?;
    let job_arn = match &classification {
        Some(c) => c.text("JobArn")?,
        None => None,
    };
    let region = match o.text("Region")? {
        Some(r) => r,
        None => job_arn
            .as_deref()
            .and_then(|a| a.split(':').nth(3))
            .unwrap_or("")
            .to_string(),
    };
    let partition = o.text("Partition")?.unwrap_or_else(|| "aws".to_string());
    Ok(Finding {
        title: o.text("Title")?.unwrap_or_else(|| finding_type.clone()),
        description: o.text("Description")?.unwrap_or_default(),
        source: Source::Macie,
        product_name: "Macie".to_string(),
        types: vec![finding_type.clone()],
        finding_type,
        generator_id: job_arn,
        severity,
        native_severity,
        workflow: WorkflowStatus::New,
        record_state: if o.bool("Archived")?.unwrap_or(false) {
            RecordState::Archived
        } else {
            RecordState::Active
        },
        compliance: None,
        resources: resources(&o, &region, &partition)?,
        remediation: None,
        account_id: account_id.clone(),
        region: region.clone(),
        first_seen: None,
        last_seen: None,
        created_at: o.time("CreatedAt")?,
        updated_at: o.time("UpdatedAt")?,
        provenances: vec![Provenance {
            channel: Channel::Macie,
            product_arn: None,
            product_name: Some("Macie".to_string()),
            native_id: id.clone(),
            native_arn: None,
            account_id,
            region,
            raw: RawJson::from_value(v),
        }],
        id,
    })
}

/// `severity.description` (Low/Medium/High) wins; a score alone is read as
/// Macie's 1-3 when it is 1, 2 or 3, else on GuardDuty's 1-10 bands.
fn severity(o: &Obj) -> Result<(Severity, NativeSeverity), Problem> {
    let (description, score) = match o.get("Severity") {
        None => return Err(o.missing("Severity")),
        Some(Value::String(s)) => (Some(s.clone()), None),
        Some(Value::Number(_)) => (None, o.num("Severity")?),
        Some(Value::Object(_)) => match o.obj("Severity")? {
            Some(s) => (s.text("Description")?, s.num("Score")?),
            None => (None, None),
        },
        Some(other) => {
            return Err(format!(
                "field \"{}\": expected an object, found {}",
                o.name("Severity"),
                describe(other)
            ));
        }
    };
    let severity = match (&description, score) {
        (Some(d), _) => Severity::parse_label(d).ok_or_else(|| {
            format!(
                "field \"{}\": unknown severity {:?}",
                o.name("Severity.Description"),
                d.as_str()
            )
        })?,
        (None, Some(s)) => score_band(s),
        (None, None) => return Err(o.missing("Severity.Description")),
    };
    let description = description.unwrap_or_else(|| {
        match severity {
            Severity::Informational => "Informational",
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
        }
        .to_string()
    });
    Ok((severity, NativeSeverity::Macie { description, score }))
}

fn score_band(score: f64) -> Severity {
    if score == 1.0 {
        Severity::Low
    } else if score == 2.0 {
        Severity::Medium
    } else if score == 3.0 {
        Severity::High
    } else {
        Severity::from_guardduty(score)
    }
}

fn resources(o: &Obj, region: &str, partition: &str) -> Result<Vec<Resource>, Problem> {
    let Some(affected) = o.obj("ResourcesAffected")? else {
        return Ok(Vec::new());
    };
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let mut out = Vec::new();
    if let Some(b) = affected.obj("S3Bucket")? {
        let arn = match (b.text("Arn")?, b.text("Name")?) {
            (Some(arn), _) => Some(arn),
            (None, Some(name)) => Some(format!("arn:{partition}:s3:::{name}")),
            (None, None) => None,
        };
        if let Some(arn) = arn {
            out.push(Resource {
                resource_type: "AwsS3Bucket".to_string(),
                id: arn,
                region: non_empty(region),
                partition: non_empty(partition),
                tags: b.tags("Tags")?,
            });
        }
    }
    if let Some(obj) = affected.obj("S3Object")? {
        let path = match (obj.text("Path")?, obj.text("BucketArn")?, obj.text("Key")?) {
            (Some(path), _, _) => Some(format!("arn:{partition}:s3:::{path}")),
            (None, Some(bucket), Some(key)) => Some(format!("{bucket}/{key}")),
            _ => None,
        };
        if let Some(id) = path {
            out.push(Resource {
                resource_type: "AwsS3Object".to_string(),
                id,
                region: non_empty(region),
                partition: non_empty(partition),
                tags: obj.tags("Tags")?,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_alone_use_macie_levels_then_ten_point_bands() {
        assert_eq!(score_band(1.0), Severity::Low);
        assert_eq!(score_band(2.0), Severity::Medium);
        assert_eq!(score_band(3.0), Severity::High);
        assert_eq!(score_band(8.1), Severity::High);
        assert_eq!(score_band(5.5), Severity::Medium);
    }
}
