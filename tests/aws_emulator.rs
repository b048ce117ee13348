//! rampart against the local emulator (moto_server, started by
//! scripts/test): end to end through the real SDK, the binary included.
//! Skips without `RAMPART_MOTO_URL`, fails without it in CI.

#[path = "support/aws_support.rs"]
mod aws_support;
#[path = "support/moto.rs"]
mod moto;
#[path = "support/moto_seed.rs"]
mod moto_seed;

use aws_support::assert_sent_actions_in_policy;
use moto::{Seed, moto_url, sdk_config, seeded};
use rampart::aws::{CallLedger, CallOutcome, Guard, LiveOptions, LoadRequest, Session};
use rampart::model::{DatasetKind, Estate, KeyState, LoadState, RouteTarget, SgPeer};

const REGIONS: [&str; 2] = ["eu-west-2", "ap-southeast-2"];

async fn session(url: &str) -> Session {
    let opts = LiveOptions {
        regions: REGIONS.iter().map(|r| r.to_string()).collect(),
        ..LiveOptions::default()
    };
    Session::from_sdk_config(
        &sdk_config(url, REGIONS[0]),
        &opts,
        Guard::read_only(CallLedger::new()),
    )
    .await
    .expect("connect to the emulator")
}

async fn live(url: &str) -> (Session, Estate, Seed) {
    let seed = seeded(url);
    let s = session(url).await;
    let estate = s.load_estate(&LoadRequest::default()).await;
    (s, estate, seed)
}

fn state(e: &Estate, d: DatasetKind, region: &str) -> LoadState {
    e.loads
        .iter()
        .find(|r| r.dataset == d && r.region.as_deref() == Some(region))
        .map(|r| r.state.clone())
        .unwrap_or(LoadState::NotLoaded)
}

#[tokio::test]
async fn keys_with_rotation_and_policies_are_read() {
    let Some(url) = moto_url() else { return };
    let (s, e, seed) = live(&url).await;
    let key = |id: &str| {
        e.kms_keys
            .iter()
            .find(|k| k.key_id == id)
            .unwrap_or_else(|| panic!("key {id} missing"))
    };
    let rotating = key(&seed.rotating_key);
    assert_eq!(rotating.rotation.enabled, Some(true));
    assert_eq!(rotating.aliases, ["alias/customer-data"]);
    assert_eq!(
        rotating.tags.get("team").map(String::as_str),
        Some("payments")
    );
    let plain = key(&seed.plain_key);
    assert_eq!(plain.rotation.enabled, Some(false));
    assert!(
        plain
            .policy
            .as_deref()
            .is_some_and(|p| p.contains("999999999999"))
    );
    assert!(
        rotating
            .policy
            .as_deref()
            .is_some_and(|p| p.contains("Enable IAM"))
    );
    assert_eq!(key(&seed.deleting_key).state, KeyState::PendingDeletion);
    // Asymmetric keys cannot rotate: unknown, never "off".
    let signing = key(&seed.signing_key);
    assert_eq!(
        (signing.spec.as_str(), signing.rotation.enabled),
        ("RSA_2048", None)
    );
    assert_eq!(
        e.kms_keys
            .iter()
            .filter(|k| k.region == "eu-west-2")
            .count(),
        4
    );
    assert_eq!(
        e.kms_keys
            .iter()
            .filter(|k| k.region == "ap-southeast-2")
            .count(),
        1
    );
    assert!(matches!(
        state(&e, DatasetKind::KmsKeys, "eu-west-2"),
        LoadState::Loaded { .. }
    ));
    assert_sent_actions_in_policy(s.ledger());
}

#[tokio::test]
async fn the_network_topology_is_read_region_by_region() {
    let Some(url) = moto_url() else { return };
    let (s, e, seed) = live(&url).await;
    let vpc = |id: &str| e.vpcs.iter().find(|v| v.vpc_id == id).expect("vpc");
    assert_eq!(vpc(&seed.public_vpc).name(), "public");
    assert_eq!(vpc(&seed.isolated_vpc).cidr_blocks, ["10.30.0.0/16"]);
    let igw = e
        .internet_gateways
        .iter()
        .find(|g| g.internet_gateway_id == seed.igw)
        .expect("igw");
    assert_eq!(igw.attached_vpcs, std::slice::from_ref(&seed.public_vpc));
    let nat = e
        .nat_gateways
        .iter()
        .find(|n| n.nat_gateway_id == seed.nat)
        .expect("nat");
    assert_eq!(nat.vpc_id, seed.nat_vpc);
    let routes_of = |vpc: &str| -> Vec<RouteTarget> {
        e.route_tables
            .iter()
            .filter(|t| t.vpc_id == vpc)
            .flat_map(|t| t.routes.iter().map(|r| r.target.clone()))
            .collect()
    };
    assert!(routes_of(&seed.public_vpc).contains(&RouteTarget::InternetGateway(seed.igw.clone())));
    assert!(routes_of(&seed.nat_vpc).contains(&RouteTarget::NatGateway(seed.nat.clone())));
    assert!(
        routes_of(&seed.isolated_vpc)
            .iter()
            .all(|t| matches!(t, RouteTarget::Local)),
        "the isolated VPC has no way out"
    );
    let sg = e
        .security_groups
        .iter()
        .find(|g| g.group_id == seed.ssh_group)
        .expect("sg");
    assert!(
        sg.ingress
            .iter()
            .any(|r| r.from_port == Some(22) && r.peer == SgPeer::Ipv4("0.0.0.0/0".into()))
    );
    let acl = e
        .network_acls
        .iter()
        .find(|a| a.network_acl_id == seed.deny_acl)
        .expect("acl");
    assert!(
        acl.entries
            .iter()
            .any(|x| x.rule_number == 100 && x.port_from == Some(22))
    );
    let flow = e
        .flow_logs
        .iter()
        .find(|f| f.flow_log_id == seed.flow_log)
        .expect("flow log");
    assert_eq!(
        (flow.resource_id.as_str(), flow.traffic_type.as_str()),
        (seed.public_vpc.as_str(), "ALL")
    );
    // Multi-region merge: each region's default VPC plus the seeded ones.
    assert_eq!(e.vpcs.iter().filter(|v| v.region == "eu-west-2").count(), 4);
    assert_eq!(
        e.vpcs
            .iter()
            .filter(|v| v.region == "ap-southeast-2")
            .count(),
        2
    );
    for d in [
        DatasetKind::Vpcs,
        DatasetKind::SecurityGroups,
        DatasetKind::FlowLogs,
    ] {
        assert!(e.status(d).is_complete(), "{d}: {}", e.status(d).describe());
    }
    assert_sent_actions_in_policy(s.ledger());
}

#[tokio::test]
async fn all_imported_findings_arrive_over_three_pages() {
    let Some(url) = moto_url() else { return };
    let (s, e, seed) = live(&url).await;
    assert_eq!(seed.findings, moto::FINDINGS);
    let hub: Vec<_> = e
        .findings
        .iter()
        .filter(|f| f.region == "eu-west-2")
        .collect();
    assert_eq!(hub.len(), moto::FINDINGS);
    assert!(hub.iter().any(|f| f.control_id() == Some("EC2.7")));
    let pages = s
        .ledger()
        .records()
        .into_iter()
        .filter(|r| r.operation == "GetFindings" && r.service == "SecurityHub")
        .count();
    assert_eq!(pages, 3, "100 + 100 + 50");
    assert!(matches!(
        state(&e, DatasetKind::SecurityHubFindings, "eu-west-2"),
        LoadState::Loaded { .. }
    ));
    // Security Hub is off in the other region: said so, not "no findings".
    assert!(matches!(
        state(&e, DatasetKind::SecurityHubFindings, "ap-southeast-2"),
        LoadState::NotEnabled { .. }
    ));
    assert_sent_actions_in_policy(s.ledger());
}

#[tokio::test]
async fn what_the_emulator_cannot_serve_is_failed_with_a_reason() {
    let Some(url) = moto_url() else { return };
    let (_s, e, _) = live(&url).await;
    for d in [
        DatasetKind::GuardDutyFindings,
        DatasetKind::Standards,
        DatasetKind::Controls,
        DatasetKind::Alarms,
        DatasetKind::MacieFindings,
    ] {
        let LoadState::Failed { reason } = state(&e, d, "eu-west-2") else {
            panic!(
                "{d} should fail in eu-west-2, got {:?}",
                state(&e, d, "eu-west-2")
            )
        };
        assert!(!reason.is_empty());
        assert!(!e.status(d).has_data(), "{d} must not look empty-but-fine");
    }
    let LoadState::Failed { reason } = state(&e, DatasetKind::Alarms, "eu-west-2") else {
        unreachable!()
    };
    assert!(
        reason.contains("not supported by this endpoint"),
        "{reason}"
    );
    assert!(matches!(
        state(&e, DatasetKind::GuardDutyFindings, "ap-southeast-2"),
        LoadState::NotEnabled { .. }
    ));
}

#[tokio::test]
async fn the_guard_refuses_writes_on_the_emulator_and_nothing_changes() {
    let Some(url) = moto_url() else { return };
    seeded(&url);
    let s = session(&url).await;
    let before = s.ledger().attempts();
    let plain = aws_sdk_kms::Client::new(&sdk_config(&url, "ca-central-1"));
    let keys = || async { plain.list_keys().send().await.expect("list").keys().len() };
    let count = keys().await;
    let guarded = rampart::aws::RegionClients::from_sdk_config(
        &sdk_config(&url, "ca-central-1"),
        "ca-central-1",
        s.guard(),
    );
    let err = guarded
        .kms
        .create_key()
        .send()
        .await
        .expect_err("a write must be refused");
    assert!(
        format!(
            "{}",
            aws_smithy_types::error::display::DisplayErrorContext(&err)
        )
        .contains("read-only guard")
    );
    assert_eq!(keys().await, count, "no key was created");
    assert_eq!(
        s.ledger().attempts(),
        before,
        "no request left for the refused call"
    );
    let refused = s.ledger().refused();
    assert!(refused.iter().any(|r| r.operation == "CreateKey"
        && r.attempts == 0
        && matches!(r.outcome, CallOutcome::Refused { .. })));
}

#[path = "aws_emulator/cli.rs"]
mod cli;
