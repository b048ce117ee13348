//! The domain model: what rampart knows about one estate.
//!
//! Free of terminal, async runtime and AWS SDK types so that every source
//! (live AWS, snapshot files, the demo) and every consumer (posture engine,
//! views, reports) meets on the same plain data.

mod alarm;
mod attestation;
mod dataset;
mod delta;
mod estate;
mod finding;
mod kms;
mod merge;
mod network;
mod raw;
mod securityhub;
mod severity;

pub use alarm::{Alarm, AlarmState, LogGroup};
pub use attestation::{Attestation, AttestationStatus};
pub use dataset::{DatasetKind, DatasetStatus, LoadRecord, LoadState};
pub use delta::{EstateDelta, Keyed, finding_dataset};
pub use estate::{CallerIdentity, DataOrigin, Estate, EstateMeta};
pub use finding::{
    Channel, Compliance, ComplianceStatus, Finding, Provenance, RecordState, Remediation, Resource,
    Source, WorkflowStatus,
};
pub use kms::{KeyManager, KeyState, KmsKey, Rotation};
pub use merge::dedup_findings;
pub use network::{
    EndpointType, FlowLog, InternetGateway, NaclEntry, NatGateway, NetworkAcl, Route, RouteTable,
    RouteTableAssociation, RouteTarget, RuleAction, SecurityGroup, SgPeer, SgRule, Subnet, Vpc,
    VpcEndpoint,
};
pub use raw::RawJson;
pub use securityhub::{Control, ControlAssociation, Standard};
pub use severity::{NativeSeverity, Severity};

/// Timestamps everywhere in the model.
pub type Timestamp = chrono::DateTime<chrono::Utc>;
