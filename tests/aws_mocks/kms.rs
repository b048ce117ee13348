//! KMS and CloudWatch through mocks: access denied on one service while the
//! others load, throttling retried then succeeding, throttling that outlasts
//! the retries.

use super::aws_support::assert_sent_actions_in_policy;
use super::mocks::{Mocks, error_body, http, session};
use super::{only, state};
use aws_sdk_kms::Client;
use aws_sdk_kms::operation::{
    describe_key::DescribeKeyOutput, get_key_policy::GetKeyPolicyOutput,
    get_key_rotation_status::GetKeyRotationStatusOutput, list_aliases::ListAliasesOutput,
    list_keys::ListKeysOutput, list_resource_tags::ListResourceTagsOutput,
};
use aws_sdk_kms::types::{AliasListEntry, KeyListEntry, KeyMetadata};
use aws_smithy_mocks::{Rule, mock};
use rampart::model::{AlarmState, DatasetKind, LoadState};

const KEY: &str = "1234abcd-12ab-34cd-56ef-1234567890ab";

fn list_keys_output() -> ListKeysOutput {
    ListKeysOutput::builder()
        .keys(
            KeyListEntry::builder()
                .key_id(KEY)
                .key_arn(format!("arn:aws:kms:eu-west-2:111122223333:key/{KEY}"))
                .build(),
        )
        .truncated(false)
        .build()
}

/// Everything but ListKeys, answering like the API reference examples.
fn key_detail_rules() -> Vec<Rule> {
    vec![
        mock!(Client::list_aliases).then_output(|| {
            ListAliasesOutput::builder()
                .aliases(
                    AliasListEntry::builder()
                        .alias_name("alias/ExampleAlias")
                        .target_key_id(KEY)
                        .build(),
                )
                .build()
        }),
        mock!(Client::describe_key).then_output(|| {
            DescribeKeyOutput::builder()
                .key_metadata(
                    KeyMetadata::builder()
                        .key_id(KEY)
                        .arn(format!("arn:aws:kms:eu-west-2:111122223333:key/{KEY}"))
                        .aws_account_id("111122223333")
                        .enabled(true)
                        .key_state(aws_sdk_kms::types::KeyState::Enabled)
                        .key_manager(aws_sdk_kms::types::KeyManagerType::Customer)
                        .key_spec(aws_sdk_kms::types::KeySpec::SymmetricDefault)
                        .origin(aws_sdk_kms::types::OriginType::AwsKms)
                        .build()
                        .expect("metadata"),
                )
                .build()
        }),
        mock!(Client::get_key_rotation_status).then_output(|| {
            GetKeyRotationStatusOutput::builder()
                .key_rotation_enabled(true)
                .build()
        }),
        mock!(Client::get_key_policy)
            .match_requests(|r| r.policy_name() == Some("default"))
            .then_output(|| {
                GetKeyPolicyOutput::builder()
                    .policy(r#"{"Version":"2012-10-17","Id":"key-default-1"}"#)
                    .policy_name("default")
                    .build()
            }),
        mock!(Client::list_resource_tags).then_output(|| ListResourceTagsOutput::builder().build()),
    ]
}

fn alarm_rules() -> Vec<Rule> {
    use aws_sdk_cloudwatch::operation::describe_alarms::DescribeAlarmsOutput;
    use aws_sdk_cloudwatch::types::{MetricAlarm, StateValue};
    vec![
        mock!(aws_sdk_cloudwatch::Client::describe_alarms).then_output(|| {
            DescribeAlarmsOutput::builder()
                .metric_alarms(
                    MetricAlarm::builder()
                        .alarm_name("RootAccountUsage")
                        .alarm_arn(
                            "arn:aws:cloudwatch:eu-west-2:111122223333:alarm:RootAccountUsage",
                        )
                        .namespace("CloudTrailMetrics")
                        .metric_name("RootAccountUsageCount")
                        .state_value(StateValue::Alarm)
                        .actions_enabled(true)
                        .alarm_actions("arn:aws:sns:eu-west-2:111122223333:security-alerts")
                        .build(),
                )
                .metric_alarms(
                    MetricAlarm::builder()
                        .alarm_name("UnauthorizedApiCalls")
                        .state_value(StateValue::Ok)
                        .build(),
                )
                .build()
        }),
    ]
}

#[tokio::test]
async fn access_denied_on_kms_does_not_stop_alarms() {
    let mut kms = vec![mock!(Client::list_keys).then_http_response(|| {
        http(400, &error_body(
            "AccessDeniedException",
            "User: arn:aws:sts::111122223333:assumed-role/SecurityAudit/tester is not authorized to perform: kms:ListKeys",
        ))
    })];
    kms.extend(key_detail_rules());
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            kms,
            cloudwatch: alarm_rules(),
            ..Mocks::default()
        },
    )]);
    let e = s
        .load_estate(&only(&[DatasetKind::KmsKeys, DatasetKind::Alarms]))
        .await;
    match state(&e, DatasetKind::KmsKeys, "eu-west-2") {
        LoadState::AccessDenied { action, message } => {
            assert_eq!(action, "kms:ListKeys");
            assert!(message.contains("not authorized"), "{message}");
        }
        other => panic!("expected access denied, got {other:?}"),
    }
    assert!(!e.status(DatasetKind::KmsKeys).has_data());
    assert!(e.status(DatasetKind::Alarms).is_complete());
    assert_eq!(e.alarms.len(), 2);
    assert_eq!(
        e.alarms
            .iter()
            .filter(|a| a.state == AlarmState::Alarm)
            .count(),
        1
    );
    assert_sent_actions_in_policy(s.ledger());
}

#[tokio::test]
async fn throttling_is_retried_then_succeeds() {
    let throttled = error_body("ThrottlingException", "Rate exceeded");
    let mut kms = vec![
        mock!(Client::list_keys)
            .sequence()
            .http_status(400, Some(throttled))
            .times(2)
            .output(list_keys_output)
            .build(),
    ];
    kms.extend(key_detail_rules());
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            kms,
            ..Mocks::default()
        },
    )]);
    let e = s.load_estate(&only(&[DatasetKind::KmsKeys])).await;
    assert!(
        e.status(DatasetKind::KmsKeys).is_complete(),
        "{:?}",
        e.loads
    );
    assert_eq!(e.kms_keys.len(), 1);
    let k = &e.kms_keys[0];
    assert_eq!(
        (k.rotation.enabled, k.display_name()),
        (Some(true), "ExampleAlias")
    );
    let list = s
        .ledger()
        .records()
        .into_iter()
        .find(|r| r.operation == "ListKeys")
        .expect("ListKeys call");
    assert_eq!(list.attempts, 3, "two throttled attempts, then the answer");
    assert_sent_actions_in_policy(s.ledger());
}

#[tokio::test]
async fn throttling_beyond_the_retries_fails_the_dataset_and_says_why() {
    let throttled = error_body("ThrottlingException", "Rate exceeded");
    let mut kms = vec![
        mock!(Client::list_keys)
            .sequence()
            .http_status(400, Some(throttled))
            .repeatedly()
            .build(),
    ];
    kms.extend(key_detail_rules());
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            kms,
            ..Mocks::default()
        },
    )]);
    let e = s.load_estate(&only(&[DatasetKind::KmsKeys])).await;
    let LoadState::Failed { reason } = state(&e, DatasetKind::KmsKeys, "eu-west-2") else {
        panic!("expected a failure, got {:?}", e.loads)
    };
    assert!(
        reason.contains("throttled") && reason.contains("kms:ListKeys"),
        "{reason}"
    );
    assert!(e.kms_keys.is_empty());
}

#[tokio::test]
async fn a_reader_that_panics_fails_its_dataset_instead_of_loading_forever() {
    // No rule for ListKeys: the mock layer panics inside the KMS reader task.
    let s = session(vec![(
        "eu-west-2",
        Mocks {
            kms: key_detail_rules(),
            cloudwatch: alarm_rules(),
            ..Mocks::default()
        },
    )]);
    let e = s
        .load_estate(&only(&[DatasetKind::KmsKeys, DatasetKind::Alarms]))
        .await;
    assert!(!e.is_loading(), "{:?}", e.loads);
    let LoadState::Failed { reason } = state(&e, DatasetKind::KmsKeys, "eu-west-2") else {
        panic!("expected a failure, got {:?}", e.loads)
    };
    assert!(reason.contains("internal error"), "{reason}");
    assert!(e.status(DatasetKind::Alarms).is_complete());
}
