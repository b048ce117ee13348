//! The read-only guard below the UI: writes fail before a byte leaves the
//! machine; reads go out; the shipped IAM policy is exactly rampart's reads.

#[path = "support/aws_support.rs"]
mod aws_support;

use aws_sdk_kms::config::{BehaviorVersion, Credentials, Region, SharedCredentialsProvider};
use rampart::aws::{CallLedger, CallOutcome, Guard, IAM_READ_ACTIONS, RegionClients};
use std::collections::BTreeSet;
use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A listener on 127.0.0.1 that counts connections and bytes received.
fn counting_listener() -> (String, Arc<AtomicUsize>, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (conns, bytes) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (c, b) = (conns.clone(), bytes.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            c.fetch_add(1, Ordering::SeqCst);
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let mut buf = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buf) {
                if n == 0 {
                    break;
                }
                b.fetch_add(n, Ordering::SeqCst);
            }
        }
    });
    (url, conns, bytes)
}

fn clients(url: &str, guard: &Guard) -> RegionClients {
    let sdk = aws_types::SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("eu-west-2"))
        .endpoint_url(url)
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "testing", "testing", None, None, "tests",
        )))
        .retry_config(aws_config::retry::RetryConfig::disabled())
        .timeout_config(
            aws_config::timeout::TimeoutConfig::builder()
                .operation_timeout(Duration::from_millis(500))
                .build(),
        )
        .build();
    RegionClients::from_sdk_config(&sdk, "eu-west-2", guard)
}

#[tokio::test]
async fn writes_are_refused_with_zero_bytes_sent_and_reads_go_out() {
    let (url, conns, bytes) = counting_listener();
    let ledger = CallLedger::new();
    let c = clients(&url, &Guard::read_only(ledger.clone()));
    assert!(c.securityhub.batch_update_findings().send().await.is_err());
    assert!(
        c.guardduty
            .archive_findings()
            .detector_id("d")
            .finding_ids("f")
            .send()
            .await
            .is_err()
    );
    assert!(
        c.kms
            .schedule_key_deletion()
            .key_id("k")
            .send()
            .await
            .is_err()
    );
    assert!(c.ec2.delete_vpc().vpc_id("vpc-1").send().await.is_err());
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        conns.load(Ordering::SeqCst),
        0,
        "no connection for refused writes"
    );
    assert_eq!(
        bytes.load(Ordering::SeqCst),
        0,
        "no byte for refused writes"
    );
    let refused = ledger.refused();
    assert_eq!(
        refused
            .iter()
            .map(|r| r.operation.as_str())
            .collect::<Vec<_>>(),
        [
            "BatchUpdateFindings",
            "ArchiveFindings",
            "ScheduleKeyDeletion",
            "DeleteVpc"
        ]
    );
    assert!(
        refused
            .iter()
            .all(|r| r.attempts == 0 && r.region.as_deref() == Some("eu-west-2"))
    );
    // The same counter sees a read: the zero above is not an accident.
    let _ = c.kms.list_keys().send().await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(conns.load(Ordering::SeqCst) >= 1);
    assert!(bytes.load(Ordering::SeqCst) > 0);
    let read = ledger
        .records()
        .into_iter()
        .find(|r| r.operation == "ListKeys")
        .expect("ListKeys");
    assert_eq!(read.attempts, 1);
    assert!(matches!(read.outcome, CallOutcome::Failed { .. }));
}

#[cfg(feature = "writes")]
#[tokio::test]
async fn opt_in_writes_let_exactly_the_workflow_writes_through() {
    let (url, conns, _) = counting_listener();
    let ledger = CallLedger::new();
    let c = clients(&url, &Guard::with_opt_in_writes(ledger.clone()));
    let _ = c.kms.schedule_key_deletion().key_id("k").send().await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(conns.load(Ordering::SeqCst), 0, "other writes stay refused");
    let _ = c
        .guardduty
        .archive_findings()
        .detector_id("d")
        .finding_ids("f")
        .send()
        .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        conns.load(Ordering::SeqCst) >= 1,
        "the opted-in write is sent"
    );
    assert_eq!(ledger.refused().len(), 1);
}

#[test]
fn the_shipped_policy_grants_exactly_rampart_reads() {
    let policy = aws_support::policy_actions();
    let ours: BTreeSet<String> = IAM_READ_ACTIONS.iter().map(|a| a.to_string()).collect();
    assert_eq!(policy, ours);
}
