//! What a key is for, read from its aliases and `Service`/`Purpose` tags,
//! expressed as the service names `kms:ViaService` uses.

use crate::model::KmsKey;

/// Words that name a service, and the `kms:ViaService` service they mean.
const SERVICES: &[(&str, &str)] = &[
    ("s3", "s3"),
    ("sqs", "sqs"),
    ("sns", "sns"),
    ("rds", "rds"),
    ("aurora", "rds"),
    ("ebs", "ec2"),
    ("ec2", "ec2"),
    ("lambda", "lambda"),
    ("dynamodb", "dynamodb"),
    ("secretsmanager", "secretsmanager"),
    ("secrets", "secretsmanager"),
    ("ssm", "ssm"),
    ("logs", "logs"),
    ("kinesis", "kinesis"),
    ("firehose", "firehose"),
    ("efs", "elasticfilesystem"),
    ("elasticfilesystem", "elasticfilesystem"),
    ("backup", "backup"),
    ("redshift", "redshift"),
    ("glue", "glue"),
    ("athena", "athena"),
    ("elasticache", "elasticache"),
    ("opensearch", "es"),
    ("elasticsearch", "es"),
    ("sagemaker", "sagemaker"),
    ("acm", "acm"),
    ("eks", "eks"),
    ("ecr", "ecr"),
    ("msk", "kafka"),
    ("kafka", "kafka"),
    ("workspaces", "workspaces"),
    ("codecommit", "codecommit"),
    ("cloudtrail", "cloudtrail"),
];

/// Tag keys (any case) whose value says what the key is for.
const PURPOSE_TAGS: &[&str] = &["service", "purpose"];

fn services_in(text: &str, out: &mut Vec<String>) {
    let lower = text.to_ascii_lowercase();
    for token in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        if let Some((_, via)) = SERVICES.iter().find(|(word, _)| *word == token)
            && !out.iter().any(|p| p == via)
        {
            out.push(via.to_string());
        }
    }
}

/// The services a key is for (`kms:ViaService` names), possibly none.
pub fn purposes(key: &KmsKey) -> Vec<String> {
    let mut out = Vec::new();
    for alias in &key.aliases {
        services_in(alias.strip_prefix("alias/").unwrap_or(alias), &mut out);
    }
    for (k, v) in &key.tags {
        if PURPOSE_TAGS.iter().any(|t| k.eq_ignore_ascii_case(t)) {
            services_in(v, &mut out);
        }
    }
    out
}

/// The service of a `kms:ViaService` value: `sqs` from `sqs.*` or
/// `sqs.eu-west-2.amazonaws.com`.
pub fn via_service_name(value: &str) -> &str {
    value.split('.').next().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posture::fixtures::key;

    #[test]
    fn purposes_come_from_aliases_and_tags() {
        let mut k = key("a");
        k.aliases = vec!["alias/aws/ebs".into(), "alias/payments_s3-data".into()];
        k.tags.insert("Purpose".into(), "Amazon SQS queue".into());
        k.tags.insert("Owner".into(), "lambda team".into());
        assert_eq!(purposes(&k), ["ec2", "s3", "sqs"]);
        assert!(purposes(&key("b")).is_empty());
        assert_eq!(via_service_name("sqs.*"), "sqs");
        assert_eq!(via_service_name("s3.eu-west-2.amazonaws.com"), "s3");
    }
}
