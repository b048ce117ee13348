//! Essential Eight requirements per strategy and maturity level, in our own
//! words after the Nov 2023 maturity model (domain.md 5.3). Levels are
//! cumulative: each level lists only what it adds.
//!
//! A requirement either names Security Hub controls that give AWS evidence
//! for part of it (every one of them appears in the mapping file under the
//! same strategy), or has none and needs manual evidence.

use super::{Level, Strategy};

/// One requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub strategy: Strategy,
    pub level: Level,
    /// Id segment: the full id is `e8/<strategy>/<level>/<slug>`.
    pub slug: &'static str,
    pub text: &'static str,
    /// Controls giving AWS evidence for part of the requirement; empty when
    /// only manual evidence can show it.
    pub aws_controls: &'static [&'static str],
    /// What the AWS evidence covers (empty when there is none).
    pub aws_scope: &'static str,
}

impl Requirement {
    /// `e8/<strategy>/<level>/<slug>`, the id attestations use.
    pub fn id(&self) -> String {
        format!("{}/{}", level_id(self.strategy, self.level), self.slug)
    }

    pub fn has_aws_signal(&self) -> bool {
        !self.aws_controls.is_empty()
    }
}

/// `e8/<strategy>/<level>`: an attestation with this id covers every
/// requirement of that level that has no attestation of its own.
pub fn level_id(strategy: Strategy, level: Level) -> String {
    format!("e8/{}/{}", strategy.slug(), level.slug())
}

const fn manual(strategy: Strategy, level: Level, slug: &'static str, text: &'static str) -> Requirement {
    Requirement { strategy, level, slug, text, aws_controls: &[], aws_scope: "" }
}

const fn aws(
    strategy: Strategy,
    level: Level,
    slug: &'static str,
    text: &'static str,
    aws_controls: &'static [&'static str],
    aws_scope: &'static str,
) -> Requirement {
    Requirement { strategy, level, slug, text, aws_controls, aws_scope }
}

use Level::{Ml1, Ml2, Ml3};
use Strategy::*;

/// Every requirement, grouped by strategy then level.
pub const REQUIREMENTS: &[Requirement] = &[
    // Application control
    manual(ApplicationControl, Ml1, "workstations", "Application control is in place on workstations."),
    manual(ApplicationControl, Ml1, "user-folders", "It covers user profile folders and temporary folders used by the operating system, browsers and email clients."),
    aws(ApplicationControl, Ml1, "approved-set", "Only an approved set of executables, libraries, scripts, installers, compiled HTML, HTML applications and control panel applets can run.",
        &["SSM.1", "SSM.3"], "EC2 instances are managed by Systems Manager and their associations are compliant (the means to enforce an approved set, not the allow-list itself)"),
    aws(ApplicationControl, Ml2, "internet-facing-servers", "Application control is also in place on internet-facing servers.",
        &["ELB.16", "APIGateway.4", "WAF.2", "WAF.3", "WAF.4"], "web ACLs filter what reaches internet-facing load balancers and APIs (AWS maps these to application control); host allow-listing needs manual evidence"),
    manual(ApplicationControl, Ml2, "all-locations", "Application control covers all locations, not only user profiles and temporary folders."),
    manual(ApplicationControl, Ml2, "ms-blocklist", "Microsoft's recommended application blocklist is applied."),
    manual(ApplicationControl, Ml2, "ruleset-validation", "Application control rulesets are validated at least once a year."),
    manual(ApplicationControl, Ml2, "events-logged", "Allowed and blocked executions are logged centrally, protected from change, analysed, and incidents reported."),
    manual(ApplicationControl, Ml3, "non-internet-facing-servers", "Application control is also in place on non-internet-facing servers."),
    manual(ApplicationControl, Ml3, "drivers", "Only an approved set of drivers can run, and Microsoft's vulnerable driver blocklist is applied."),
    manual(ApplicationControl, Ml3, "logs-analysed", "Event logs from workstations and all servers are analysed."),
    // Patch applications
    aws(PatchApplications, Ml1, "asset-discovery", "An automated asset discovery method runs at least fortnightly.",
        &["SSM.1"], "EC2 instances are inventoried by Systems Manager"),
    aws(PatchApplications, Ml1, "vulnerability-scanner", "A vulnerability scanner with a current database is used; online services are scanned daily, and office, browser, email, PDF and security software weekly.",
        &["ECR.1"], "container images are scanned on push"),
    aws(PatchApplications, Ml1, "patch-online-services", "Online services are patched within 48 hours when a vulnerability is critical or exploited, otherwise within two weeks.",
        &["SSM.2", "RDS.13", "Redshift.6", "ElasticBeanstalk.2", "ECS.10"], "managed services apply updates automatically and managed instances are patch-compliant"),
    manual(PatchApplications, Ml1, "patch-office-browsers", "Office, browsers and extensions, email, PDF and security software are patched within two weeks."),
    aws(PatchApplications, Ml1, "remove-unsupported", "Online services and office, browser, email, PDF and security software no longer supported by vendors are removed.",
        &["EKS.2"], "EKS clusters run a supported Kubernetes version"),
    manual(PatchApplications, Ml2, "scan-other-applications", "Other applications are scanned for missing patches at least fortnightly."),
    aws(PatchApplications, Ml2, "patch-other-applications", "Other applications are patched within one month.",
        &["SSM.2"], "managed instances are patch-compliant"),
    manual(PatchApplications, Ml3, "patch-office-browsers-48h", "Office, browsers, email, PDF and security software are patched within 48 hours when a vulnerability is critical or exploited."),
    aws(PatchApplications, Ml3, "remove-all-unsupported", "Every application no longer supported by its vendor is removed.",
        &["EKS.2", "ECS.10"], "EKS clusters and Fargate tasks run supported, current platform versions"),
    // Restrict Microsoft Office macros: endpoint settings, nothing in AWS.
    manual(RestrictOfficeMacros, Ml1, "disabled-by-default", "Macros are disabled for users without a demonstrated business need."),
    manual(RestrictOfficeMacros, Ml1, "internet-macros-blocked", "Macros in files from the internet are blocked."),
    manual(RestrictOfficeMacros, Ml1, "antivirus-scanning", "Macros are scanned by antivirus software."),
    manual(RestrictOfficeMacros, Ml1, "settings-locked", "Users cannot change macro security settings."),
    manual(RestrictOfficeMacros, Ml2, "win32-api-blocked", "Macros are blocked from making Win32 API calls."),
    manual(RestrictOfficeMacros, Ml3, "trusted-macros-only", "Only macros that are sandboxed, in a Trusted Location, or signed by a trusted publisher can run."),
    manual(RestrictOfficeMacros, Ml3, "vetted-before-trust", "Macros are checked for malicious code before they are signed or placed in a Trusted Location, and only privileged reviewers can write there."),
    manual(RestrictOfficeMacros, Ml3, "untrusted-blocked", "Macros from untrusted publishers, or signed other than with V3 signatures, cannot be enabled from the Message Bar or Backstage View."),
    manual(RestrictOfficeMacros, Ml3, "publishers-validated", "The trusted publisher list is validated at least once a year."),
    // User application hardening: endpoint settings, nothing in AWS.
    manual(UserApplicationHardening, Ml1, "ie11-disabled", "Internet Explorer 11 is disabled or removed."),
    manual(UserApplicationHardening, Ml1, "browser-content-blocked", "Browsers do not run Java or show web advertisements from the internet."),
    manual(UserApplicationHardening, Ml1, "browser-settings-locked", "Users cannot change browser security settings."),
    manual(UserApplicationHardening, Ml2, "hardening-guidance", "Browsers, Office and PDF software are hardened following ASD and vendor guidance, and users cannot change those settings."),
    manual(UserApplicationHardening, Ml2, "office-pdf-restricted", "Office is blocked from creating child processes, executable content, code injection and OLE activation; PDF software from creating child processes."),
    manual(UserApplicationHardening, Ml2, "script-logging", "PowerShell module, script block and transcription events and command-line process creation events are logged centrally and protected."),
    manual(UserApplicationHardening, Ml3, "legacy-removed", ".NET Framework 3.5 and older and PowerShell 2.0 are removed."),
    manual(UserApplicationHardening, Ml3, "constrained-language", "PowerShell runs in Constrained Language Mode."),
    manual(UserApplicationHardening, Ml3, "logs-analysed", "Event logs from workstations and servers are analysed."),
    // Restrict administrative privileges
    manual(RestrictAdminPrivileges, Ml1, "validated-on-request", "Requests for privileged access are validated when first made."),
    aws(RestrictAdminPrivileges, Ml1, "privileged-accounts", "Privileged access is held by dedicated privileged accounts and limited to what was approved.",
        &["IAM.1", "IAM.4", "KMS.1", "KMS.2", "CodeBuild.5", "ECS.4", "ECS.20"], "no IAM policy grants full admin or unrestricted KMS decryption, the root user has no access keys, and build projects and containers do not run privileged"),
    manual(RestrictAdminPrivileges, Ml1, "no-internet-email", "Privileged accounts cannot use the internet, email or web services unless explicitly authorised and scoped."),
    manual(RestrictAdminPrivileges, Ml1, "separate-environments", "Privileged and unprivileged operating environments are separate, and unprivileged accounts cannot log on to privileged ones."),
    aws(RestrictAdminPrivileges, Ml2, "access-expiry", "Privileged access is disabled after 12 months unless revalidated, and after 45 days of inactivity.",
        &["IAM.8", "IAM.22"], "IAM credentials unused for 90 or 45 days are removed"),
    manual(RestrictAdminPrivileges, Ml2, "no-nested-environments", "Privileged operating environments are not virtualised inside unprivileged ones."),
    manual(RestrictAdminPrivileges, Ml2, "jump-servers", "Administrative activity goes through jump servers."),
    aws(RestrictAdminPrivileges, Ml2, "managed-credentials", "Break-glass, local administrator and service account credentials are long, unique, unpredictable and managed.",
        &["IAM.3", "IAM.7"], "IAM access keys are rotated and the IAM password policy is strong"),
    manual(RestrictAdminPrivileges, Ml2, "privileged-events-logged", "Use of privileged access and changes to privileged accounts and groups are logged centrally, protected and analysed."),
    aws(RestrictAdminPrivileges, Ml3, "least-privilege", "Privileged access is limited to only what users and services need for their duties.",
        &["IAM.21", "ECS.5", "RDS.10", "EFS.4", "EC2.8"], "IAM policies avoid wildcard service actions and workloads run with narrowed privileges"),
    manual(RestrictAdminPrivileges, Ml3, "secure-admin-workstations", "Secure Admin Workstations are used for administration."),
    manual(RestrictAdminPrivileges, Ml3, "just-in-time", "Privileged access to systems and applications is granted just in time."),
    manual(RestrictAdminPrivileges, Ml3, "credential-protection", "Memory integrity, LSA protection, Credential Guard and Remote Credential Guard are enabled."),
    manual(RestrictAdminPrivileges, Ml3, "logs-analysed", "Event logs from workstations and servers are analysed."),
    // Patch operating systems (ML2 adds nothing in the Nov 2023 text).
    aws(PatchOperatingSystems, Ml1, "asset-discovery", "An automated asset discovery method runs at least fortnightly.",
        &["SSM.1"], "EC2 instances are inventoried by Systems Manager"),
    aws(PatchOperatingSystems, Ml1, "vulnerability-scanner", "Internet-facing operating systems are scanned daily for missing patches, others fortnightly.",
        &["ECR.1"], "container images are scanned on push"),
    aws(PatchOperatingSystems, Ml1, "patch-internet-facing", "Operating systems of internet-facing servers and network devices are patched within 48 hours when a vulnerability is critical or exploited, otherwise within two weeks.",
        &["SSM.2", "RDS.13", "Redshift.6", "ElasticBeanstalk.2", "ECS.10"], "managed services apply updates automatically and managed instances are patch-compliant"),
    aws(PatchOperatingSystems, Ml1, "patch-others", "Operating systems of workstations and non-internet-facing servers and devices are patched within one month.",
        &["SSM.2"], "managed instances are patch-compliant"),
    aws(PatchOperatingSystems, Ml1, "replace-unsupported", "Operating systems no longer supported by vendors are replaced.",
        &["EKS.2"], "EKS clusters run a supported Kubernetes version"),
    manual(PatchOperatingSystems, Ml3, "drivers-firmware", "Drivers and firmware are scanned fortnightly and patched within 48 hours when critical or exploited, otherwise within one month."),
    aws(PatchOperatingSystems, Ml3, "patch-all-48h", "Workstations and non-internet-facing systems are patched within 48 hours when a vulnerability is critical or exploited.",
        &["SSM.2"], "managed instances are patch-compliant"),
    manual(PatchOperatingSystems, Ml3, "latest-release", "Only the latest or previous release of each operating system is used."),
    // Multi-factor authentication
    aws(MultiFactorAuthentication, Ml1, "online-services", "Users of the organisation's online services that hold sensitive data authenticate with multi-factor authentication.",
        &["IAM.5", "IAM.19", "IAM.9", "IAM.6"], "AWS console users, IAM users and the root user have MFA"),
    manual(MultiFactorAuthentication, Ml1, "third-party-services", "Users of third-party online services that hold sensitive data use multi-factor authentication."),
    manual(MultiFactorAuthentication, Ml1, "customers", "Customer-facing online services offer or require multi-factor authentication."),
    manual(MultiFactorAuthentication, Ml1, "factor-types", "MFA uses something users have plus something they know, or something they have unlocked by something they know or are."),
    aws(MultiFactorAuthentication, Ml2, "all-users", "Privileged and unprivileged users of systems authenticate with multi-factor authentication.",
        &["IAM.5", "IAM.19", "IAM.9", "IAM.6"], "AWS console users, IAM users and the root user have MFA"),
    aws(MultiFactorAuthentication, Ml2, "phishing-resistant", "Multi-factor authentication for online services and systems is phishing-resistant.",
        &["IAM.6"], "the root user has hardware MFA"),
    manual(MultiFactorAuthentication, Ml2, "customer-option", "Customer-facing services offer a phishing-resistant MFA option."),
    manual(MultiFactorAuthentication, Ml2, "events-logged", "Successful and failed MFA events are logged centrally, protected and analysed."),
    manual(MultiFactorAuthentication, Ml3, "data-repositories", "Users of data repositories authenticate with phishing-resistant MFA."),
    manual(MultiFactorAuthentication, Ml3, "customers-mandatory", "Phishing-resistant MFA is required for customers."),
    manual(MultiFactorAuthentication, Ml3, "logs-analysed", "Event logs from workstations and servers are analysed."),
    // Regular backups
    aws(RegularBackups, Ml1, "performed-retained", "Backups of data, applications and settings are performed and kept according to business criticality and continuity requirements.",
        &["RDS.11", "RDS.26", "DynamoDB.4", "EC2.28", "EFS.2", "ElastiCache.1", "Redshift.3"], "AWS databases, volumes and file systems are in backup plans or have automatic backups"),
    aws(RegularBackups, Ml1, "synchronised-resilient", "Backups are synchronised to a common point in time and kept secure and resilient.",
        &["Backup.1", "S3.14", "S3.7"], "recovery points are encrypted and S3 buckets are versioned and replicated"),
    manual(RegularBackups, Ml1, "restore-tested", "Restoring from backups is tested as part of disaster recovery exercises."),
    manual(RegularBackups, Ml1, "unprivileged-no-access", "Unprivileged accounts cannot reach other accounts' backups, nor change or delete any backup."),
    manual(RegularBackups, Ml2, "privileged-no-access", "Privileged accounts other than backup administrators cannot reach other accounts' backups, nor change or delete any backup."),
    manual(RegularBackups, Ml3, "own-backups", "Unprivileged accounts and privileged accounts other than backup administrators cannot reach even their own backups."),
    manual(RegularBackups, Ml3, "immutable", "Backup administrators cannot change or delete backups during their retention period."),
];

#[cfg(test)]
mod tests {
    use super::super::mapping::{Target, mapping};
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_aws_control_is_mapped_to_the_same_strategy() {
        for r in REQUIREMENTS {
            for c in r.aws_controls {
                let mapped = mapping().iter().any(|m| {
                    m.control_id.as_deref() == Some(*c) && m.target == Target::Strategy(r.strategy)
                });
                assert!(mapped, "{} names {c}, which the mapping does not give to {:?}", r.id(), r.strategy);
            }
            assert_eq!(r.has_aws_signal(), !r.aws_scope.is_empty(), "{}", r.id());
        }
    }

    #[test]
    fn ids_are_unique_and_every_strategy_has_ml1_to_ml3() {
        let ids: HashSet<String> = REQUIREMENTS.iter().map(Requirement::id).collect();
        assert_eq!(ids.len(), REQUIREMENTS.len());
        for s in Strategy::ALL {
            for l in [Ml1, Ml3] {
                assert!(REQUIREMENTS.iter().any(|r| r.strategy == s && r.level == l), "{s:?} {l:?}");
            }
        }
    }

    #[test]
    fn office_macros_and_user_hardening_have_no_aws_signal() {
        assert!(
            REQUIREMENTS
                .iter()
                .filter(|r| matches!(r.strategy, RestrictOfficeMacros | UserApplicationHardening))
                .all(|r| !r.has_aws_signal())
        );
    }
}
