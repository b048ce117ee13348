//! GuardDuty threat findings. Each arrives twice, as GuardDuty's own API
//! record (camelCase) and as its Security Hub copy (ASFF, `Id` = the
//! GuardDuty finding ARN), and becomes one finding with two provenances.
//!
//! The story: an app-tier instance in Primary's private subnet is mining
//! and talking to a C2 server, its role credentials were used outside AWS,
//! and GuardDuty's Extended Threat Detection rolled that into a critical
//! attack sequence; the member account's public legacy bucket is being
//! enumerated; the hand-made bastion is probed on port 22.

use super::asff::{self, Head};
use super::clock::{ago, at, iso, minutes_ago};
use super::gd_resources::{Target, remote_ip};
use super::{ACCOUNT_ID, MEMBER_ACCOUNT_ID, PRIMARY_REGION as EUW2, REPLICA_REGION as EUW1, ids};
use crate::model::{
    Channel, Finding, NativeSeverity, RecordState, Remediation, Severity, Source, Timestamp,
    WorkflowStatus,
};
use chrono::TimeDelta;
use serde_json::{Value, json};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    New,
    Notified,
    /// Archived in GuardDuty (and its Security Hub copy).
    Archived,
    /// Suppressed in Security Hub with a note; still active in GuardDuty.
    Suppressed(&'static str),
}

struct Spec {
    seed: &'static str,
    ty: &'static str,
    asff_prefix: &'static str,
    score: f64,
    account: &'static str,
    region: &'static str,
    target: Target,
    title: String,
    description: String,
    /// `action` or `detection` member of `service`.
    service: (&'static str, Value),
    count: u32,
    first: Timestamp,
    last: Timestamp,
    status: Status,
}

const APP: Target = Target::Instance {
    name: "app-worker-01",
    vpc: "primary",
    tier: "private",
    az: 'a',
    host: 57,
    group: "web-app",
    public_ip: None,
    stack: Some("web-application"),
};

const BASTION: Target = Target::Instance {
    name: "bastion-01",
    vpc: "primary",
    tier: "public",
    az: 'a',
    host: 23,
    group: "bastion-ssh",
    public_ip: Some("192.0.2.44"),
    stack: None,
};

const APP_CREDS: Target = Target::AccessKey {
    key_id: "ASIAQX4N7EXAMPLE2K9D",
    user: "app-worker-01-role",
    user_type: "AssumedRole",
};

fn arn(account: &str, region: &str, seed: &str) -> String {
    format!(
        "arn:aws:guardduty:{region}:{account}:detector/{}/finding/{}",
        ids::detector_id(account, region),
        ids::finding_hex(seed)
    )
}

fn specs() -> Vec<Spec> {
    let app = ids::instance_id("app-worker-01");
    let bastion = ids::instance_id("bastion-01");
    let c2 = remote_ip(
        "198.51.100.77",
        "Netherlands",
        "Amsterdam",
        "Bulletproof Hosting BV",
        "64511",
    );
    let outside = remote_ip(
        "198.51.100.201",
        "Romania",
        "Bucharest",
        "Example Transit SRL",
        "64512",
    );
    let scanner = remote_ip(
        "192.0.2.150",
        "Seychelles",
        "Victoria",
        "Offshore VPS Ltd",
        "64513",
    );
    let office = remote_ip(
        "203.0.113.10",
        "United Kingdom",
        "London",
        "Halyard Ltd",
        "64514",
    );
    let signal = |seed: &str, ty: &str| {
        json!({
            "uid": arn(ACCOUNT_ID, EUW2, seed), "type": "FINDING", "name": ty,
            "firstSeenAt": iso(ago(1, 5)), "lastSeenAt": iso(ago(0, 2))
        })
    };
    vec![
        Spec {
            seed: "crypto-dns", ty: "CryptoCurrency:EC2/BitcoinTool.B!DNS", asff_prefix: "Effects/Resource Consumption",
            score: 8.0, account: ACCOUNT_ID, region: EUW2, target: APP,
            title: format!("The EC2 instance {app} is querying a domain name that is associated with Bitcoin-related activity."),
            description: format!("EC2 instance {app} is querying a domain name that is associated with Bitcoin-related activity, such as cryptocurrency mining. If this use is unexpected, your instance may be compromised."),
            service: ("action", json!({ "actionType": "DNS_REQUEST", "dnsRequestAction": { "domain": "xmr-eu1.nanopool.org", "protocol": "UDP", "blocked": false } })),
            count: 112, first: ago(1, 5), last: minutes_ago(14), status: Status::New,
        },
        Spec {
            seed: "c2-activity", ty: "Backdoor:EC2/C&CActivity.B", asff_prefix: "TTPs/Command and Control",
            score: 8.0, account: ACCOUNT_ID, region: EUW2, target: APP,
            title: format!("EC2 instance {app} is communicating with a known command and control server."),
            description: format!("EC2 instance {app} is communicating with 198.51.100.77, an IP address on a threat list of command and control servers. The instance may be compromised."),
            service: ("action", json!({ "actionType": "NETWORK_CONNECTION", "networkConnectionAction": {
                "connectionDirection": "OUTBOUND", "protocol": "TCP", "blocked": false,
                "localPortDetails": { "port": 51834, "portName": "Unknown" },
                "remotePortDetails": { "port": 443, "portName": "HTTPS" },
                "localIpDetails": { "ipAddressV4": "10.1.10.57" }, "remoteIpDetails": c2 } })),
            count: 14, first: ago(1, 3), last: minutes_ago(40), status: Status::Notified,
        },
        Spec {
            seed: "cred-exfil", ty: "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", asff_prefix: "TTPs/Initial Access",
            score: 8.0, account: ACCOUNT_ID, region: EUW2, target: APP_CREDS,
            title: "Credentials for instance role app-worker-01-role used from an external IP address.".to_string(),
            description: "Credentials that were created exclusively for an EC2 instance through instance launch role app-worker-01-role have been used from external IP address 198.51.100.201.".to_string(),
            service: ("action", json!({ "actionType": "AWS_API_CALL", "awsApiCallAction": {
                "api": "ListBuckets", "serviceName": "s3.amazonaws.com", "callerType": "Remote IP", "remoteIpDetails": outside } })),
            count: 37, first: ago(0, 20), last: ago(0, 2), status: Status::New,
        },
        Spec {
            seed: "sequence-credentials", ty: "AttackSequence:IAM/CompromisedCredentials", asff_prefix: "TTPs/Attack Sequence",
            score: 9.5, account: ACCOUNT_ID, region: EUW2, target: APP_CREDS,
            title: "Potential credential compromise of app-worker-01-role indicated by a sequence of actions.".to_string(),
            description: "A sequence of actions involving 3 signals indicating a possible credential compromise was observed for role app-worker-01-role in account 111122223333: cryptocurrency-related DNS queries, command and control traffic and use of the instance credentials from outside AWS.".to_string(),
            service: ("detection", json!({ "sequence": {
                "uid": ids::hex("sequence/credentials", 32),
                "description": "Credential compromise: instance credentials used for discovery from a remote IP after signs of compromise on the instance.",
                "signals": [signal("crypto-dns", "CryptoCurrency:EC2/BitcoinTool.B!DNS"), signal("c2-activity", "Backdoor:EC2/C&CActivity.B"), signal("cred-exfil", "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS")] } })),
            count: 1, first: ago(1, 5), last: ago(0, 2), status: Status::New,
        },
        Spec {
            seed: "sequence-s3", ty: "AttackSequence:S3/CompromisedData", asff_prefix: "TTPs/Attack Sequence",
            score: 9.0, account: MEMBER_ACCOUNT_ID, region: EUW2,
            target: Target::Bucket { stem: "legacy-exports", key_id: "AKIAQX4N7EXAMPLE7H2L", user: "legacy-export-job" },
            title: "Potential data compromise of one or more S3 buckets indicated by a sequence of actions.".to_string(),
            description: "A sequence of actions involving 4 signals indicating a possible data compromise was observed for bucket halyard-legacy-exports-444455556666-eu-west-2: Block Public Access removed, anomalous listing and bulk GetObject calls from a new location.".to_string(),
            service: ("detection", json!({ "sequence": {
                "uid": ids::hex("sequence/s3", 32),
                "description": "Data compromise: public access opened, then anomalous discovery and retrieval of objects.",
                "signals": [{ "uid": arn(MEMBER_ACCOUNT_ID, EUW2, "s3-discovery"), "type": "FINDING", "name": "Discovery:S3/AnomalousBehavior" },
                            { "uid": ids::hex("signal/deletepab", 32), "type": "CLOUD_TRAIL", "name": "DeletePublicAccessBlock" }] } })),
            count: 1, first: ago(3, 10), last: ago(0, 6), status: Status::New,
        },
        Spec {
            seed: "s3-discovery", ty: "Discovery:S3/AnomalousBehavior", asff_prefix: "TTPs/Discovery",
            score: 2.0, account: MEMBER_ACCOUNT_ID, region: EUW2,
            target: Target::Bucket { stem: "legacy-exports", key_id: "AKIAQX4N7EXAMPLE7H2L", user: "legacy-export-job" },
            title: "Unusual object listing in bucket halyard-legacy-exports-444455556666-eu-west-2 by IAM user legacy-export-job.".to_string(),
            description: "APIs commonly used to discover S3 resources were invoked by IAM user legacy-export-job in an anomalous way: ListObjectsV2 at a rate and from a location never seen for this principal.".to_string(),
            service: ("action", json!({ "actionType": "AWS_API_CALL", "awsApiCallAction": { "api": "ListObjectsV2", "serviceName": "s3.amazonaws.com", "callerType": "Remote IP", "remoteIpDetails": outside } })),
            count: 6, first: ago(4, 2), last: ago(3, 20), status: Status::New,
        },
        Spec {
            seed: "port-probe", ty: "Recon:EC2/PortProbeUnprotectedPort", asff_prefix: "TTPs/Discovery",
            score: 2.0, account: ACCOUNT_ID, region: EUW2, target: BASTION,
            title: format!("Unprotected port on EC2 instance {bastion} is being probed."),
            description: format!("EC2 instance {bastion} has an unprotected port 22 which is being probed by a known malicious host."),
            service: ("action", json!({ "actionType": "PORT_PROBE", "portProbeAction": { "blocked": false, "portProbeDetails": [{
                "localPortDetails": { "port": 22, "portName": "SSH" }, "localIpDetails": { "ipAddressV4": "10.1.0.23" }, "remoteIpDetails": scanner }] } })),
            count: 2310, first: ago(45, 0), last: ago(0, 1), status: Status::New,
        },
        Spec {
            seed: "malicious-caller", ty: "Recon:IAMUser/MaliciousIPCaller", asff_prefix: "TTPs/Discovery",
            score: 5.0, account: ACCOUNT_ID, region: EUW1,
            target: Target::AccessKey { key_id: "AKIAQX4N7EXAMPLE3C5R", user: "ci-deploy", user_type: "IAMUser" },
            title: "API ListSecrets was invoked from a known malicious IP address.".to_string(),
            description: "API ListSecrets, commonly used in reconnaissance, was invoked by IAM user ci-deploy from known malicious IP address 192.0.2.150.".to_string(),
            service: ("action", json!({ "actionType": "AWS_API_CALL", "awsApiCallAction": { "api": "ListSecrets", "serviceName": "secretsmanager.amazonaws.com", "callerType": "Remote IP", "remoteIpDetails": scanner } })),
            count: 3, first: ago(6, 4), last: ago(6, 3), status: Status::New,
        },
        Spec {
            seed: "ssh-brute-force", ty: "UnauthorizedAccess:EC2/SSHBruteForce", asff_prefix: "TTPs/Initial Access",
            score: 2.0, account: ACCOUNT_ID, region: EUW2, target: BASTION,
            title: format!("192.0.2.150 is performing SSH brute force attacks against {bastion}."),
            description: format!("192.0.2.150 is performing SSH brute force attacks against {bastion}. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password."),
            service: ("action", json!({ "actionType": "NETWORK_CONNECTION", "networkConnectionAction": {
                "connectionDirection": "INBOUND", "protocol": "TCP", "blocked": false,
                "localPortDetails": { "port": 22, "portName": "SSH" }, "remotePortDetails": { "port": 40322, "portName": "Unknown" },
                "localIpDetails": { "ipAddressV4": "10.1.0.23" }, "remoteIpDetails": scanner } })),
            count: 4412, first: at(2026, 8, 3, 2, 14), last: at(2026, 8, 9, 22, 40), status: Status::Archived,
        },
        Spec {
            seed: "root-usage", ty: "Policy:IAMUser/RootCredentialUsage", asff_prefix: "Software and Configuration Checks/AWS Security Best Practices",
            score: 2.0, account: ACCOUNT_ID, region: EUW2,
            target: Target::AccessKey { key_id: "ASIAQX4N7EXAMPLE9R0T", user: "Root", user_type: "Root" },
            title: "API GetAccountSummary was invoked using root credentials.".to_string(),
            description: "API GetAccountSummary was invoked using root credentials from IP address 203.0.113.10.".to_string(),
            service: ("action", json!({ "actionType": "AWS_API_CALL", "awsApiCallAction": { "api": "GetAccountSummary", "serviceName": "iam.amazonaws.com", "callerType": "Remote IP", "remoteIpDetails": office } })),
            count: 4, first: ago(9, 6), last: ago(9, 5),
            status: Status::Suppressed("Scheduled break-glass test CHG-2291; root sign-in expected"),
        },
    ]
}

fn remediation_url(target: &Target) -> &'static str {
    match target {
        Target::Instance { .. } => {
            "https://docs.aws.amazon.com/guardduty/latest/ug/compromised-ec2.html"
        }
        Target::AccessKey { .. } => {
            "https://docs.aws.amazon.com/guardduty/latest/ug/compromised-creds.html"
        }
        Target::Bucket { .. } => {
            "https://docs.aws.amazon.com/guardduty/latest/ug/compromised-s3.html"
        }
    }
}

pub fn findings() -> Vec<Finding> {
    specs().into_iter().map(finding).collect()
}

fn finding(s: Spec) -> Finding {
    let id = ids::finding_hex(s.seed);
    let arn = arn(s.account, s.region, s.seed);
    let detector = ids::detector_id(s.account, s.region);
    let detector_arn = format!(
        "arn:aws:guardduty:{}:{}:detector/{detector}",
        s.region, s.account
    );
    let created = s.first + TimeDelta::minutes(12);
    let updated = s.last + TimeDelta::minutes(3);
    let archived = s.status == Status::Archived;
    let severity = Severity::from_guardduty(s.score);
    let types = vec![format!("{}/{}", s.asff_prefix, s.ty.replace('/', "-"))];

    let mut service = json!({
        "serviceName": "guardduty",
        "detectorId": detector,
        "archived": archived,
        "count": s.count,
        "eventFirstSeen": iso(s.first),
        "eventLastSeen": iso(s.last),
        "resourceRole": "TARGET",
        "additionalInfo": { "type": "default", "value": "{}" }
    });
    service[s.service.0] = s.service.1.clone();
    let native = json!({
        "accountId": s.account, "arn": arn, "createdAt": iso(created), "description": s.description,
        "id": id, "partition": "aws", "region": s.region,
        "resource": s.target.native(s.account, s.region),
        "schemaVersion": "2.0", "service": service, "severity": s.score,
        "title": s.title, "type": s.ty, "updatedAt": iso(updated)
    });

    let product_arn = asff::product_arn(s.region, "guardduty");
    let (resource, details) = s.target.asff(s.region);
    let mut raw = Head {
        id: &arn,
        product_arn: &product_arn,
        product_name: "GuardDuty",
        company: "Amazon",
        generator_id: &detector_arn,
        account: s.account,
        region: s.region,
        types: &types,
        first_seen: s.first,
        last_seen: s.last,
        severity,
        original_severity: format!("{}", s.score),
        title: &s.title,
        description: &s.description,
    }
    .to_map();
    raw.insert("CreatedAt".into(), json!(iso(created)));
    raw.insert("UpdatedAt".into(), json!(iso(updated)));
    raw.insert("SourceUrl".into(), json!(format!(
        "https://{0}.console.aws.amazon.com/guardduty/home?region={0}#/findings?macros=current&fId={id}", s.region)));
    raw.insert(
        "ProductFields".into(),
        json!({
            "aws/guardduty/service/archived": archived.to_string(),
            "aws/guardduty/service/count": s.count.to_string(),
            "aws/guardduty/service/detectorId": detector,
            "aws/guardduty/service/resourceRole": "TARGET",
            "aws/guardduty/service/eventFirstSeen": iso(s.first),
            "aws/guardduty/service/eventLastSeen": iso(s.last),
            "aws/securityhub/FindingId": format!("{product_arn}/{arn}"),
            "aws/securityhub/ProductName": "GuardDuty",
            "aws/securityhub/CompanyName": "Amazon"
        }),
    );
    raw.insert(
        "Resources".into(),
        json!([asff::resource_json(&resource, Some(details))]),
    );
    let workflow = match s.status {
        Status::New | Status::Archived => WorkflowStatus::New,
        Status::Notified => WorkflowStatus::Notified,
        Status::Suppressed(note) => {
            raw.insert("Note".into(), json!({
                "Text": note,
                "UpdatedBy": format!("arn:aws:sts::{ACCOUNT_ID}:assumed-role/SecurityAdmin/m.reyes"),
                "UpdatedAt": iso(s.last + TimeDelta::hours(2)),
            }));
            WorkflowStatus::Suppressed
        }
    };
    let record_state = if archived {
        RecordState::Archived
    } else {
        RecordState::Active
    };
    asff::state(&mut raw, workflow.as_str(), record_state.as_str());
    let raw = Value::Object(raw);

    Finding {
        id: id.clone(),
        source: Source::GuardDuty,
        product_name: "GuardDuty".to_string(),
        title: s.title.clone(),
        description: s.description.clone(),
        finding_type: s.ty.to_string(),
        types,
        generator_id: Some(detector_arn),
        severity,
        native_severity: NativeSeverity::GuardDuty { score: s.score },
        workflow,
        record_state,
        compliance: None,
        resources: vec![resource],
        remediation: Some(Remediation {
            text: Some(
                "Follow the GuardDuty remediation guide for this resource type.".to_string(),
            ),
            url: Some(remediation_url(&s.target).to_string()),
        }),
        account_id: s.account.to_string(),
        region: s.region.to_string(),
        first_seen: Some(s.first),
        last_seen: Some(s.last),
        created_at: Some(created),
        updated_at: Some(updated),
        provenances: vec![
            asff::provenance(
                Channel::GuardDuty,
                None,
                "GuardDuty",
                &id,
                Some(arn.clone()),
                s.account,
                s.region,
                &native,
            ),
            asff::provenance(
                Channel::SecurityHub,
                Some(product_arn.clone()),
                "GuardDuty",
                &arn,
                Some(arn.clone()),
                s.account,
                s.region,
                &raw,
            ),
        ],
    }
}
