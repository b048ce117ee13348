//! Checks on the account, the trail and CIS metric filters, S3 buckets,
//! IAM and the workload services (secrets, queues, topics, functions).

use super::alarms::CIS_METRICS;
use super::catalog::{self, BUCKETS, FUNCTIONS, QUEUES, SECRETS, TOPICS};
use super::clock::{ago, at};
use super::control_checks::pass_fail;
use super::control_findings::Check;
use super::{ACCOUNT_ID, MEMBER_ACCOUNT_ID, PRIMARY_REGION as EUW2, REGIONS};
use crate::model::{
    ComplianceStatus::{Failed, NotAvailable, Passed, Warning},
    Estate, WorkflowStatus,
};

pub fn logging(estate: &Estate, out: &mut Vec<Check>) {
    let trail = catalog::trail_arn();
    for region in REGIONS {
        for control in [
            "CloudTrail.1",
            "CloudTrail.2",
            "CloudTrail.4",
            "CloudTrail.5",
        ] {
            out.push(Check::new(
                control,
                ACCOUNT_ID,
                region,
                "AwsCloudTrailTrail",
                &trail,
                Passed,
            ));
        }
        let c7 = if region == EUW2 {
            Check::new(
                "CloudTrail.7",
                ACCOUNT_ID,
                region,
                "AwsCloudTrailTrail",
                &trail,
                Passed,
            )
        } else {
            Check::new(
                "CloudTrail.7",
                ACCOUNT_ID,
                region,
                "AwsCloudTrailTrail",
                &trail,
                Warning,
            )
            .reason("S3_BUCKET_CROSS_ACCOUNT_CROSS_REGION")
        };
        out.push(c7);
    }
    let account = catalog::account_resource(ACCOUNT_ID);
    for (metric, _, control, _) in CIS_METRICS {
        let present = estate.alarms.iter().any(|a| {
            a.region == EUW2 && a.namespace == "CloudTrailMetrics" && a.metric_name == metric
        });
        let c = Check::new(
            control,
            ACCOUNT_ID,
            EUW2,
            "AwsAccount",
            &account,
            pass_fail(!present),
        );
        out.push(if present {
            c
        } else {
            c.reason("CLOUDTRAIL_METRIC_FILTERS_NOT_PRESENT")
                .since(at(2025, 3, 10, 6, 40))
        });
    }
}

pub fn storage(out: &mut Vec<Check>) {
    for bucket in &BUCKETS {
        let arn = bucket.arn();
        let check = |control, status| {
            Check::new(
                control,
                bucket.account,
                bucket.region,
                "AwsS3Bucket",
                &arn,
                status,
            )
        };
        out.push(check("S3.5", Passed));
        let public = bucket.stem == "legacy-exports";
        out.push(if public {
            check("S3.8", Failed).since(ago(26, 7))
        } else {
            check("S3.8", Passed)
        });
        if bucket.account == ACCOUNT_ID {
            out.push(if bucket.stem == "access-logs" {
                check("S3.9", Failed)
                    .workflow(WorkflowStatus::Suppressed)
                    .note("Log bucket cannot log to itself; accepted under RISK-142")
            } else {
                check("S3.9", Passed)
            });
            out.push(check("S3.17", Passed));
        }
    }
    for region in REGIONS {
        out.push(Check::new(
            "S3.1",
            ACCOUNT_ID,
            region,
            "AwsAccount",
            &catalog::account_resource(ACCOUNT_ID),
            Passed,
        ));
    }
    out.push(
        Check::new(
            "S3.1",
            MEMBER_ACCOUNT_ID,
            EUW2,
            "AwsAccount",
            &catalog::account_resource(MEMBER_ACCOUNT_ID),
            Failed,
        )
        .since(ago(26, 8)),
    );
}

pub fn account(out: &mut Vec<Check>) {
    let account = catalog::account_resource(ACCOUNT_ID);
    for policy in [
        "DataPlatformReadOnly",
        "PaymentsOperator",
        "SecurityAuditExtras",
    ] {
        let arn = format!("arn:aws:iam::{ACCOUNT_ID}:policy/{policy}");
        out.push(Check::new(
            "IAM.1",
            ACCOUNT_ID,
            EUW2,
            "AwsIamPolicy",
            &arn,
            Passed,
        ));
        out.push(Check::new(
            "KMS.1",
            ACCOUNT_ID,
            EUW2,
            "AwsIamPolicy",
            &arn,
            Passed,
        ));
    }
    for f in FUNCTIONS.iter().take(3) {
        let role = catalog::role_arn(&format!("{}-role", f.name));
        out.push(Check::new(
            "KMS.2",
            ACCOUNT_ID,
            EUW2,
            "AwsIamRole",
            &role,
            Passed,
        ));
    }
    for user in ["ci-deploy", "break-glass-admin"] {
        let arn = format!("arn:aws:iam::{ACCOUNT_ID}:user/{user}");
        out.push(Check::new(
            "IAM.3",
            ACCOUNT_ID,
            EUW2,
            "AwsIamUser",
            &arn,
            Passed,
        ));
    }
    out.push(Check::new(
        "IAM.4",
        ACCOUNT_ID,
        EUW2,
        "AwsAccount",
        &account,
        Passed,
    ));
    out.push(
        Check::new("IAM.6", ACCOUNT_ID, EUW2, "AwsAccount", &account, Failed)
            .since(at(2025, 3, 10, 6, 30)),
    );
    out.push(Check::new(
        "IAM.9",
        ACCOUNT_ID,
        EUW2,
        "AwsAccount",
        &account,
        Passed,
    ));
    for region in REGIONS {
        for control in ["GuardDuty.1", "Macie.1", "Config.1"] {
            out.push(Check::new(
                control,
                ACCOUNT_ID,
                region,
                "AwsAccount",
                &account,
                Passed,
            ));
        }
    }
    let member = catalog::account_resource(MEMBER_ACCOUNT_ID);
    for control in ["GuardDuty.1", "Macie.1", "Config.1"] {
        out.push(Check::new(
            control,
            MEMBER_ACCOUNT_ID,
            EUW2,
            "AwsAccount",
            &member,
            Passed,
        ));
    }
}

pub fn workloads(out: &mut Vec<Check>) {
    for (name, region) in SECRETS {
        let arn = catalog::secret_arn(name, region);
        out.push(if region == EUW2 {
            Check::new(
                "SecretsManager.1",
                ACCOUNT_ID,
                region,
                "AwsSecretsManagerSecret",
                &arn,
                Passed,
            )
        } else {
            Check::new(
                "SecretsManager.1",
                ACCOUNT_ID,
                region,
                "AwsSecretsManagerSecret",
                &arn,
                NotAvailable,
            )
            .reason("CONFIG_RULE_EVALUATION_ERROR")
            .since(ago(2, 6))
        });
    }
    for (name, region) in QUEUES {
        out.push(Check::new(
            "SQS.1",
            ACCOUNT_ID,
            region,
            "AwsSqsQueue",
            &catalog::queue_arn(name, region),
            Passed,
        ));
    }
    for (name, region) in TOPICS {
        out.push(Check::new(
            "SNS.1",
            ACCOUNT_ID,
            region,
            "AwsSnsTopic",
            &catalog::topic_arn(name, region),
            Passed,
        ));
    }
    for f in &FUNCTIONS {
        out.push(Check::new(
            "Lambda.3",
            ACCOUNT_ID,
            f.region,
            "AwsLambdaFunction",
            &catalog::function_arn(f.name, f.region),
            Passed,
        ));
    }
}
