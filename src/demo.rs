//! The built-in demo estate (`rampart --demo`): a deterministic, realistic
//! defence-in-depth AWS estate with a few planted flaws, used by new users,
//! screenshots and tests. No randomness and no wall clock: the estate is
//! the same on every call and every machine, as of [`NOW`].
//!
//! # Shape
//! - Accounts: `111122223333` (everything rampart reads) and member
//!   `444455556666` (a few findings only, through the delegated
//!   administrator). Regions: eu-west-2 (home) and eu-west-1 (replica).
//! - 13 CloudFormation stacks ([`STACKS`]), named in
//!   `aws:cloudformation:stack-name` and `Stack` tags.
//! - 36 KMS keys, all customer managed `SYMMETRIC_DEFAULT` /
//!   `ENCRYPT_DECRYPT` / `AWS_KMS` (no AWS-managed keys in the demo).
//! - 4 VPCs: Primary 10.1.0.0/16 (IGW, 3 NAT gateways), Isolated
//!   10.2.0.0/16, Replication Security 10.12.0.0/16 (eu-west-1) and
//!   S3-DynamoDB Processor 10.2.0.0/16 (overlaps Isolated); the last three
//!   have no IGW, no NAT and no 0.0.0.0/0 route.
//! - 33 VPC endpoints (8 gateway, 25 interface), 41 log groups, 111 alarms.
//! - Security Hub: FSBP 1.0.0, CIS 1.4.0, PCI DSS 3.2.1, NIST 800-53 r5 in
//!   both regions; 46 controls per region; consolidated control findings.
//!   GuardDuty findings carry a GuardDuty and a Security Hub provenance;
//!   Macie policy findings too; Macie sensitive-data findings only Macie's.
//!
//! # Planted drift (what the posture engine must find)
//! 1. Key `alias/analytics-s3-eu-west-2`: rotation off
//!    (`rotation.enabled == Some(false)`); KMS.4 FAILED.
//! 2. Key `alias/ingest-lambda-legacy-eu-west-2`: `PendingDeletion`,
//!    `deletion_date` = NOW + 12 days; KMS.3 FAILED. KMS reports rotation
//!    off while a key is pending deletion, so it also has
//!    `rotation.enabled == Some(false)`; its KMS.4 finding is NOT_AVAILABLE
//!    and ARCHIVED (Config: not applicable).
//! 3. Key `alias/legacy-exports-s3-eu-west-2`: policy statement
//!    `AllowPartnerExportDecrypt` with `"Principal": "*"` and no condition;
//!    KMS.5 FAILED (NOTIFIED). Every other `Principal` `*` / `{"AWS":"*"}`
//!    statement is constrained by `kms:CallerAccount` (not public).
//! 4. VPC "S3-DynamoDB Processor": no flow log; EC2.6 FAILED.
//! 5. Security group `bastion-ssh` (Primary, hand-made, no stack tags):
//!    TCP 22 from 0.0.0.0/0 and ::/0; EC2.13, EC2.18 and EC2.19 FAILED.
//!    The public subnets' NACL admits 22 only from 203.0.113.0/24, so
//!    EC2.21 passes.
//! 6. CIS alarm missing: no `AWSConfigChanges` metric filter/alarm
//!    (CloudWatch.9 FAILED); the other 13 CIS alarms exist.
//! 7. Alarms in ALARM: `cis-unauthorized-api-calls`,
//!    `lambda-customer-data-anonymiser-errors`,
//!    `sqs-payments-events-dlq-visible`,
//!    `security-guardduty-high-severity-findings`. In INSUFFICIENT_DATA:
//!    `vpce-replication-sts-packets-dropped`,
//!    `lambda-dr-failover-check-throttles`,
//!    `dynamodb-replication-state-system-errors`. Actions disabled:
//!    `natgw-primary-c-error-port-allocation`.
//! 8. GuardDuty: 2 critical (AttackSequence:IAM/CompromisedCredentials 9.5,
//!    AttackSequence:S3/CompromisedData 9.0 in the member account) and 3
//!    high (8.0) active findings; the instance `app-worker-01` in Primary's
//!    private subnet a (details carry its subnet and VPC ids).
//! 9. Not open: GuardDuty `UnauthorizedAccess:EC2/SSHBruteForce` ARCHIVED
//!    (both records); GuardDuty `Policy:IAMUser/RootCredentialUsage`
//!    SUPPRESSED in Security Hub; Macie `SensitiveData:S3Object/Financial`
//!    archived by a suppression rule; control findings ARCHIVED (KMS.4 on
//!    the pending key, EC2.13 on a deleted group) and SUPPRESSED (S3.9 on
//!    the access-log bucket, FAILED but accepted).
//! 10. Finding-only flaws (no dataset to cross-check): IAM.6 FAILED (root
//!     has virtual, not hardware, MFA); member account S3.1 and S3.8 FAILED
//!     on `halyard-legacy-exports-444455556666-eu-west-2`, matching the
//!     Macie policy findings. Unknown (not failed) controls: CloudTrail.7
//!     WARNING in eu-west-1, SecretsManager.1 NOT_AVAILABLE in eu-west-1.
//!     EC2.10 is disabled in every standard; home-only controls (IAM.*,
//!     CloudWatch.*, KMS.1/2) are disabled in eu-west-1.

mod alarm_defs;
mod alarms;
mod asff;
mod catalog;
mod clock;
mod control_checks;
mod control_findings;
mod control_table;
mod controls;
pub mod drift;
mod earlier;
mod endpoints;
mod gd_resources;
mod guardduty;
mod ids;
mod kms;
mod kms_policy;
mod logs;
mod macie;
mod nacls;
mod security_groups;
mod service_checks;
mod tags;
mod topology;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_consistency;
#[cfg(test)]
mod tests_topology;

use crate::model::{
    CallerIdentity, DataOrigin, DatasetKind, Estate, EstateMeta, LoadState, Timestamp,
};

/// The demo's fixed clock, as text.
pub const NOW: &str = "2026-11-01T09:00:00Z";
/// The account rampart reads in the demo.
pub const ACCOUNT_ID: &str = "111122223333";
/// A member account that appears in a few findings.
pub const MEMBER_ACCOUNT_ID: &str = "444455556666";
pub const PRIMARY_REGION: &str = "eu-west-2";
pub const REPLICA_REGION: &str = "eu-west-1";
pub const REGIONS: [&str; 2] = [PRIMARY_REGION, REPLICA_REGION];
/// The thirteen stack names the demo's resources are tagged with.
pub const STACKS: [&str; 13] = tags::STACKS;

pub use earlier::{RESOLVED_ID, RESOLVED_TITLE, earlier};

/// The demo's fixed clock ([`NOW`]).
pub fn now() -> Timestamp {
    clock::now()
}

/// The demo estate. Deterministic: equal on every call.
pub fn estate() -> Estate {
    let mut meta = EstateMeta::new(DataOrigin::Demo, now());
    meta.caller = Some(CallerIdentity {
        account_id: ACCOUNT_ID.to_string(),
        arn: format!("arn:aws:sts::{ACCOUNT_ID}:assumed-role/SecurityAudit/rampart"),
        user_id: "AROAQX4N7EXAMPLE5AUD1:rampart".to_string(),
    });
    meta.accounts = vec![ACCOUNT_ID.to_string(), MEMBER_ACCOUNT_ID.to_string()];
    meta.regions = REGIONS.iter().map(|r| r.to_string()).collect();
    let mut estate = Estate::empty(meta);
    for dataset in DatasetKind::ALL {
        for region in REGIONS {
            estate.set_load(
                dataset,
                Some(ACCOUNT_ID),
                Some(region),
                LoadState::Loaded { at: now() },
            );
        }
    }

    estate.kms_keys = kms::keys();
    topology::build(&mut estate);
    endpoints::build(&mut estate);
    security_groups::build(&mut estate);
    nacls::build(&mut estate);
    logs::build(&mut estate);
    alarms::build(&mut estate);
    controls::build(&mut estate);

    let checks = control_checks::checks(&estate);
    estate
        .findings
        .extend(checks.into_iter().filter_map(control_findings::finding));
    estate.findings.extend(guardduty::findings());
    estate.findings.extend(macie::findings());
    estate
}
