//! The control catalogue: real Security Hub control ids, titles,
//! severities, Config rules and standards requirements (CIS v1.4.0,
//! PCI DSS v3.2.1, NIST 800-53 r5), one row per control.

use super::controls::ControlDef;
use crate::model::Severity;

use Severity::{Critical as C, High as H, Low as L, Medium as M};

#[allow(clippy::too_many_arguments)]
const fn c(
    id: &'static str,
    title: &'static str,
    severity: Severity,
    rule: &'static str,
    fsbp: bool,
    cis: Option<&'static str>,
    pci: Option<(&'static str, &'static str)>,
    nist: &'static [&'static str],
    home_only: bool,
    description: &'static str,
) -> ControlDef {
    ControlDef {
        id,
        title,
        severity,
        rule,
        fsbp,
        cis,
        pci,
        nist,
        home_only,
        description,
    }
}

const AC: &[&str] = &["AC-2", "AC-3", "AC-3(15)", "AC-5", "AC-6", "AC-6(3)"];
const SC7: &[&str] = &["AC-4", "SC-7", "SC-7(11)"];
const NO: &[&str] = &[];

/// The controls the demo reports on, in display order.
#[rustfmt::skip]
pub const CONTROLS: [ControlDef; 46] = [
    c("KMS.1", "IAM customer managed policies should not allow decryption actions on all KMS keys", M, "iam-customer-policy-blocked-kms-actions", true, None, None, AC, true, "Checks whether the default version of customer managed IAM policies allows kms:Decrypt or kms:ReEncryptFrom on all KMS keys."),
    c("KMS.2", "IAM principals should not have IAM inline policies that allow decryption actions on all KMS keys", M, "iam-inline-policy-blocked-kms-actions", true, None, None, AC, true, "Checks whether inline policies of IAM users, groups and roles allow decryption actions on all KMS keys."),
    c("KMS.3", "AWS KMS keys should not be deleted unintentionally", C, "kms-cmk-not-scheduled-for-deletion-2", true, None, None, &["SC-12", "SC-12(2)"], false, "Checks whether KMS keys are scheduled for deletion. The control fails if a key is scheduled for deletion."),
    c("KMS.4", "AWS KMS key rotation should be enabled", M, "cmk-backing-key-rotation-enabled", false, Some("3.8"), Some(("PCI.KMS.1", "3.6.4")), &["AU-9", "SC-12", "SC-12(2)", "SC-28"], false, "Checks whether automatic key rotation is enabled for each customer managed symmetric encryption key."),
    c("KMS.5", "KMS keys should not be publicly accessible", C, "kms-key-policy-no-public-access", true, None, None, &["AC-3", "AC-21"], false, "Checks whether a KMS key is publicly accessible. The control fails if the key policy allows access to anyone."),
    c("EC2.2", "VPC default security groups should not allow inbound or outbound traffic", H, "vpc-default-security-group-closed", true, Some("5.3"), Some(("PCI.EC2.2", "1.2.1")), &["AC-4", "SC-7", "SC-7(5)"], false, "Checks whether the default security group of a VPC allows inbound or outbound traffic. The control fails if it has any rule."),
    c("EC2.6", "VPC flow logging should be enabled in all VPCs", M, "vpc-flow-logs-enabled", false, Some("3.9"), Some(("PCI.EC2.6", "10.3.3")), &["SI-7(8)"], false, "Checks whether a VPC has at least one flow log capturing rejected traffic."),
    c("EC2.10", "Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service", M, "vpc-endpoint-enabled", true, None, None, SC7, false, "Checks whether a VPC has an interface endpoint for the Amazon EC2 service."),
    c("EC2.13", "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22", H, "restricted-ssh", false, None, Some(("PCI.EC2.5", "1.2.1")), &["AC-4", "CM-7", "SC-7"], false, "Checks whether a security group allows ingress from 0.0.0.0/0 or ::/0 to TCP port 22."),
    c("EC2.18", "Security groups should only allow unrestricted incoming traffic for authorized ports", H, "vpc-sg-open-only-to-authorized-ports", true, None, None, SC7, false, "Checks whether security groups allow unrestricted incoming traffic to ports other than the authorised ports 80 and 443."),
    c("EC2.19", "Security groups should not allow unrestricted access to ports with high risk", C, "restricted-common-ports", true, None, None, &["AC-4", "CM-7", "SC-7"], false, "Checks whether unrestricted incoming traffic is reachable on high-risk ports such as 22, 3389, 3306 and 5432."),
    c("EC2.21", "Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389", M, "nacl-no-unrestricted-ssh-rdp", true, Some("5.1"), None, &["AC-4", "SC-7"], false, "Checks whether a network ACL allows unrestricted inbound access to TCP port 22 or 3389. Default network ACLs are not evaluated."),
    c("CloudTrail.1", "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events", H, "multi-region-cloudtrail-enabled", true, Some("3.1"), None, &["AC-2(4)", "AU-10", "AU-12"], false, "Checks for at least one multi-Region trail capturing read and write management events."),
    c("CloudTrail.2", "CloudTrail should have encryption at-rest enabled", M, "cloud-trail-encryption-enabled", true, Some("3.7"), Some(("PCI.CloudTrail.1", "3.4")), &["AU-9", "SC-28"], false, "Checks whether CloudTrail is configured to use server-side encryption with a KMS key."),
    c("CloudTrail.4", "CloudTrail log file validation should be enabled", L, "cloud-trail-log-file-validation-enabled", true, Some("3.2"), Some(("PCI.CloudTrail.3", "10.5.2")), &["AU-9", "SI-7"], false, "Checks whether log file integrity validation is enabled on the trail."),
    c("CloudTrail.5", "CloudTrail trails should be integrated with Amazon CloudWatch Logs", L, "cloud-trail-cloud-watch-logs-enabled", true, Some("3.4"), Some(("PCI.CloudTrail.4", "10.5.3")), &["AU-6(1)", "AU-7(1)", "SI-4(2)"], false, "Checks whether the trail sends logs to CloudWatch Logs."),
    c("CloudTrail.7", "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket", L, "", false, Some("3.6"), None, NO, false, "Checks whether server access logging is enabled on the S3 bucket that receives CloudTrail logs."),
    c("CloudWatch.1", "A log metric filter and alarm should exist for usage of the \"root\" user", L, "", false, Some("4.3"), Some(("PCI.CW.1", "7.2.1")), NO, true, "Checks for a metric filter and alarm on root user activity in the trail's log group."),
    c("CloudWatch.4", "Ensure a log metric filter and alarm exist for IAM policy changes", L, "", false, Some("4.4"), None, NO, true, "Checks for a metric filter and alarm on IAM policy changes."),
    c("CloudWatch.5", "Ensure a log metric filter and alarm exist for CloudTrail configuration changes", L, "", false, Some("4.5"), None, NO, true, "Checks for a metric filter and alarm on changes to CloudTrail configuration."),
    c("CloudWatch.6", "Ensure a log metric filter and alarm exist for AWS Management Console authentication failures", L, "", false, Some("4.6"), None, NO, true, "Checks for a metric filter and alarm on failed console authentication."),
    c("CloudWatch.7", "Ensure a log metric filter and alarm exist for disabling or scheduled deletion of customer created CMKs", L, "", false, Some("4.7"), None, NO, true, "Checks for a metric filter and alarm on DisableKey and ScheduleKeyDeletion."),
    c("CloudWatch.8", "Ensure a log metric filter and alarm exist for S3 bucket policy changes", L, "", false, Some("4.8"), None, NO, true, "Checks for a metric filter and alarm on S3 bucket policy changes."),
    c("CloudWatch.9", "Ensure a log metric filter and alarm exist for AWS Config configuration changes", L, "", false, Some("4.9"), None, NO, true, "Checks for a metric filter and alarm on changes to AWS Config recorders and delivery channels."),
    c("CloudWatch.10", "Ensure a log metric filter and alarm exist for security group changes", L, "", false, Some("4.10"), None, NO, true, "Checks for a metric filter and alarm on security group changes."),
    c("CloudWatch.11", "Ensure a log metric filter and alarm exist for changes to Network Access Control Lists (NACL)", L, "", false, Some("4.11"), None, NO, true, "Checks for a metric filter and alarm on network ACL changes."),
    c("CloudWatch.12", "Ensure a log metric filter and alarm exist for changes to network gateways", L, "", false, Some("4.12"), None, NO, true, "Checks for a metric filter and alarm on internet, customer and NAT gateway changes."),
    c("CloudWatch.13", "Ensure a log metric filter and alarm exist for route table changes", L, "", false, Some("4.13"), None, NO, true, "Checks for a metric filter and alarm on route table changes."),
    c("CloudWatch.14", "Ensure a log metric filter and alarm exist for VPC changes", L, "", false, Some("4.14"), None, NO, true, "Checks for a metric filter and alarm on VPC changes."),
    c("S3.1", "S3 general purpose buckets should have block public access settings enabled", M, "s3-account-level-public-access-blocks-periodic", true, Some("2.1.5"), Some(("PCI.S3.6", "1.2.1")), &["AC-3", "AC-3(7)", "AC-21", "SC-7"], false, "Checks whether the account-level S3 Block Public Access settings are all enabled."),
    c("S3.5", "S3 general purpose buckets should require requests to use SSL", M, "s3-bucket-ssl-requests-only", true, Some("2.1.2"), Some(("PCI.S3.5", "4.1")), &["AC-17(2)", "SC-8"], false, "Checks whether the bucket policy denies requests that do not use TLS."),
    c("S3.8", "S3 general purpose buckets should block public access", H, "s3-bucket-level-public-access-prohibited", true, Some("2.1.5"), None, &["AC-3", "AC-21", "SC-7"], false, "Checks whether the bucket-level Block Public Access settings are enabled."),
    c("S3.9", "S3 general purpose bucket server access logging should be enabled", M, "s3-bucket-logging-enabled", true, None, None, &["AU-2", "AU-12"], false, "Checks whether server access logging is enabled for the bucket."),
    c("S3.17", "S3 general purpose buckets should be encrypted at rest with AWS KMS keys", M, "s3-default-encryption-kms", false, None, None, &["SC-12", "SC-28"], false, "Checks whether the bucket's default encryption uses a KMS key."),
    c("IAM.1", "IAM policies should not allow full \"*\" administrative privileges", H, "iam-policy-no-statements-with-admin-access", true, Some("1.16"), Some(("PCI.IAM.3", "7.2.1")), AC, true, "Checks whether customer managed policies allow Action \"*\" on Resource \"*\"."),
    c("IAM.3", "IAM users' access keys should be rotated every 90 days or less", M, "access-keys-rotated", true, Some("1.14"), None, &["AC-2(1)", "AC-3(15)"], true, "Checks whether active access keys are rotated within 90 days."),
    c("IAM.4", "IAM root user access key should not exist", C, "iam-root-access-key-check", true, Some("1.4"), Some(("PCI.IAM.1", "2.1")), &["AC-2(1)", "AC-6(10)"], true, "Checks whether the root user has an access key."),
    c("IAM.6", "Hardware MFA should be enabled for the root user", C, "root-account-hardware-mfa-enabled", true, Some("1.6"), Some(("PCI.IAM.4", "8.3.1")), &["AC-6(1)", "IA-2(1)", "IA-2(6)"], true, "Checks whether the root user signs in with a hardware MFA device."),
    c("IAM.9", "MFA should be enabled for the root user", C, "root-account-mfa-enabled", false, Some("1.5"), None, &["AC-6(1)", "IA-2(1)"], true, "Checks whether the root user has MFA enabled."),
    c("GuardDuty.1", "GuardDuty should be enabled", H, "guardduty-enabled-centralized", true, None, Some(("PCI.GuardDuty.1", "11.4")), &["AC-2(12)", "AU-6(1)", "SI-4"], false, "Checks whether GuardDuty is enabled in the account and Region."),
    c("Macie.1", "Amazon Macie should be enabled", M, "macie-status-check", true, None, None, &["CA-7", "RA-5", "SI-4"], false, "Checks whether Macie is enabled in the account and Region."),
    c("SecretsManager.1", "Secrets Manager secrets should have automatic rotation enabled", M, "secretsmanager-rotation-enabled-check", true, None, None, &["AC-2(1)", "AC-3(15)"], false, "Checks whether a secret has automatic rotation configured."),
    c("SQS.1", "Amazon SQS queues should be encrypted at rest", M, "sqs-queue-encrypted", true, None, None, &["CA-9(1)", "SC-28"], false, "Checks whether the queue is encrypted at rest."),
    c("SNS.1", "SNS topics should be encrypted at rest using AWS KMS", M, "sns-encrypted-kms", false, None, None, &["CA-9(1)", "SC-12", "SC-28"], false, "Checks whether the topic is encrypted with a KMS key."),
    c("Lambda.3", "Lambda functions should be in a VPC", L, "lambda-inside-vpc", false, None, Some(("PCI.Lambda.2", "1.2.1")), &["CA-9(1)", "SC-7"], false, "Checks whether the function is attached to a VPC."),
    c("Config.1", "AWS Config should be enabled and use the service-linked role for resource recording", C, "", true, Some("3.5"), Some(("PCI.Config.1", "10.5.2")), &["CM-3", "CM-8"], false, "Checks whether AWS Config records all resources with the service-linked role."),
];
