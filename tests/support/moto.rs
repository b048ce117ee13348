//! The local emulator (moto_server on 127.0.0.1): where it is, and one
//! seeding per test process. Seeding writes, so it goes through plain SDK
//! clients built here, never through rampart's guarded ones.
#![allow(dead_code)]

use aws_sdk_kms::config::{BehaviorVersion, Credentials, Region, SharedCredentialsProvider};
use aws_types::SdkConfig;
use std::io::{Read, Write};
use std::sync::OnceLock;

/// The emulator's URL. Without `RAMPART_MOTO_URL`, tests skip with a
/// message, except in CI (`CI` set), where they fail.
pub fn moto_url() -> Option<String> {
    match std::env::var("RAMPART_MOTO_URL") {
        Ok(u) if !u.trim().is_empty() => Some(u.trim().trim_end_matches('/').to_string()),
        _ if std::env::var_os("CI").is_some() => {
            panic!("RAMPART_MOTO_URL is not set in CI: run the tests through scripts/test")
        }
        _ => {
            eprintln!("skipped: RAMPART_MOTO_URL is not set (scripts/test starts moto_server)");
            None
        }
    }
}

/// Static dummy credentials, the emulator as endpoint, nothing from the
/// machine's environment or files.
pub fn sdk_config(url: &str, region: &str) -> SdkConfig {
    SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .endpoint_url(url)
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "testing",
            "testing",
            None,
            None,
            "rampart-tests",
        )))
        .build()
}

/// The environment the `rampart` binary runs in against the emulator.
pub fn binary_env(cmd: &mut std::process::Command, home: &std::path::Path) {
    let empty = home.join("empty");
    std::fs::write(&empty, "").expect("write empty file");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", &empty)
        .env("AWS_SHARED_CREDENTIALS_FILE", &empty);
}

/// `POST path` to the emulator's control API.
fn post(url: &str, path: &str) {
    let addr = url.trim_start_matches("http://");
    let mut s = std::net::TcpStream::connect(addr).expect("connect to moto_server");
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("read");
    assert!(
        answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200"),
        "{answer}"
    );
}

/// What the seed put where, for the assertions.
#[derive(Debug, Clone)]
pub struct Seed {
    /// Key ids in eu-west-2.
    pub rotating_key: String,
    pub plain_key: String,
    pub deleting_key: String,
    pub signing_key: String,
    pub public_vpc: String,
    pub nat_vpc: String,
    pub isolated_vpc: String,
    pub igw: String,
    pub nat: String,
    pub ssh_group: String,
    pub deny_acl: String,
    pub flow_log: String,
    pub findings: usize,
}

pub const FINDINGS: usize = 250;
pub const CROSS_ACCOUNT_POLICY: &str = r#"{"Version":"2012-10-17","Id":"key-consolepolicy-3","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"},{"Sid":"Allow partner decrypt","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":["kms:Decrypt","kms:DescribeKey"],"Resource":"*"}]}"#;

static SEED: OnceLock<Seed> = OnceLock::new();

/// Resets the emulator once per test process and seeds eu-west-2 and
/// ap-southeast-2. Safe to call from any test, in any thread.
pub fn seeded(url: &str) -> Seed {
    SEED.get_or_init(|| {
        let url = url.to_string();
        std::thread::spawn(move || {
            post(&url, "/moto-api/reset");
            let rt = tokio::runtime::Runtime::new().expect("runtime");
            rt.block_on(super::moto_seed::seed(&url))
        })
        .join()
        .expect("seeding thread")
    })
    .clone()
}
