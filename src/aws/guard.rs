//! The read-only guard: an interceptor on every AWS client that lets only
//! read operations through and refuses anything else before a byte is
//! serialised, let alone sent. It also records every call in the ledger.
//!
//! The decision runs in `read_before_serialization`: the first hook where
//! the operation's metadata is known (client-level `read_before_execution`
//! runs before the operation's configuration is applied). An error there
//! ends the execution before the request exists.

use super::ledger::{CallLedger, CallOutcome, CallRecord};
use crate::model::Timestamp;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
    FinalizerInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use aws_smithy_types::error::display::DisplayErrorContext;
use std::time::Instant;

/// Operation-name prefixes that only read.
const READ_PREFIXES: [&str; 4] = ["Describe", "Get", "List", "BatchGet"];

/// Reads whose names do not start with a read prefix (service, operation).
const READ_EXCEPTIONS: &[(&str, &str)] = &[
    ("Macie2", "SearchResources"),
    ("EC2", "SearchTransitGatewayRoutes"),
];

/// Names that look like reads but mint credentials or secrets: refused.
const NOT_READS: &[(&str, &str)] = &[
    ("STS", "GetSessionToken"),
    ("STS", "GetFederationToken"),
    ("EC2", "GetPasswordData"),
    ("KMS", "GetParametersForImport"),
];

/// The only writes `--allow-writes` enables (issue 7): finding workflow
/// updates and GuardDuty archive / unarchive.
#[cfg(feature = "writes")]
pub const OPT_IN_WRITES: &[(&str, &str)] = &[
    ("SecurityHub", "BatchUpdateFindings"),
    ("GuardDuty", "ArchiveFindings"),
    ("GuardDuty", "UnarchiveFindings"),
];

/// True for an operation the guard treats as a read.
pub fn is_read(service: &str, operation: &str) -> bool {
    if NOT_READS.contains(&(service, operation)) {
        return false;
    }
    READ_PREFIXES.iter().any(|p| {
        operation
            .strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
    }) || READ_EXCEPTIONS.contains(&(service, operation))
}

/// The error a refused call ends with (found in the SDK error's sources).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refused by rampart's read-only guard: {service}:{operation} is not a read operation")]
pub struct Refused {
    pub service: String,
    pub operation: String,
}

/// The interceptor. Cheap to clone; clones share the ledger.
#[derive(Debug, Clone)]
pub struct Guard {
    ledger: CallLedger,
    allow_writes: bool,
}

impl Guard {
    /// Reads only (the default, and the only mode of auditor builds).
    pub fn read_only(ledger: CallLedger) -> Guard {
        Guard {
            ledger,
            allow_writes: false,
        }
    }

    /// Reads plus exactly [`OPT_IN_WRITES`] (`--allow-writes`).
    #[cfg(feature = "writes")]
    pub fn with_opt_in_writes(ledger: CallLedger) -> Guard {
        Guard {
            ledger,
            allow_writes: true,
        }
    }

    pub fn ledger(&self) -> &CallLedger {
        &self.ledger
    }

    pub fn is_read_only(&self) -> bool {
        !self.allow_writes
    }

    /// Whether this guard lets the operation through.
    pub fn allows(&self, service: &str, operation: &str) -> bool {
        is_read(service, operation) || (self.allow_writes && opt_in_write(service, operation))
    }
}

#[cfg(feature = "writes")]
fn opt_in_write(service: &str, operation: &str) -> bool {
    OPT_IN_WRITES.contains(&(service, operation))
}

#[cfg(not(feature = "writes"))]
fn opt_in_write(_service: &str, _operation: &str) -> bool {
    false
}

/// Per-execution state kept in the config bag between hooks.
#[derive(Debug, Clone)]
struct CallStart {
    at: Timestamp,
    instant: Instant,
    refused: Option<String>,
}

impl Storable for CallStart {
    type Storer = StoreReplace<Self>;
}

#[derive(Debug, Clone, Copy)]
struct Attempts(u32);

impl Storable for Attempts {
    type Storer = StoreReplace<Self>;
}

fn names(cfg: &ConfigBag) -> (String, String) {
    match cfg.load::<Metadata>() {
        Some(m) => (m.service().to_string(), m.name().to_string()),
        None => (String::from("unknown"), String::from("unknown")),
    }
}

impl Intercept for Guard {
    fn name(&self) -> &'static str {
        "rampart::ReadOnlyGuard"
    }

    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (service, operation) = names(cfg);
        let allowed = cfg.load::<Metadata>().is_some() && self.allows(&service, &operation);
        let refused = Refused { service, operation };
        cfg.interceptor_state().store_put(CallStart {
            at: chrono::Utc::now(),
            instant: Instant::now(),
            refused: (!allowed).then(|| refused.to_string()),
        });
        if allowed {
            Ok(())
        } else {
            Err(Box::new(refused))
        }
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let n = cfg.load::<Attempts>().map(|a| a.0).unwrap_or(0);
        cfg.interceptor_state().store_put(Attempts(n + 1));
        Ok(())
    }

    fn read_after_execution(
        &self,
        context: &FinalizerInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (service, operation) = names(cfg);
        let start = cfg.load::<CallStart>().cloned();
        let attempts = cfg.load::<Attempts>().map(|a| a.0).unwrap_or(0);
        let region = cfg
            .load::<aws_types::region::Region>()
            .map(|r| r.as_ref().to_string());
        let response = context.response();
        let http_status = response.map(|r| r.status().as_u16());
        let request_id = response.and_then(|r| {
            ["x-amzn-requestid", "x-amz-request-id", "x-amzn-request-id"]
                .iter()
                .find_map(|h| r.headers().get(*h))
                .map(str::to_string)
        });
        let outcome = match (&start, context.output_or_error()) {
            (
                Some(CallStart {
                    refused: Some(reason),
                    ..
                }),
                _,
            ) => CallOutcome::Refused {
                reason: reason.clone(),
            },
            (_, Some(Ok(_))) => CallOutcome::Ok,
            (_, Some(Err(e))) => CallOutcome::Failed {
                http_status,
                message: DisplayErrorContext(e).to_string(),
            },
            (_, None) => CallOutcome::Failed {
                http_status,
                message: "no result".to_string(),
            },
        };
        let (started_at, duration_ms) = match &start {
            Some(s) => (
                s.at,
                u64::try_from(s.instant.elapsed().as_millis()).unwrap_or(u64::MAX),
            ),
            None => (chrono::Utc::now(), 0),
        };
        self.ledger.push(CallRecord {
            seq: 0,
            service,
            operation,
            region,
            started_at,
            duration_ms,
            attempts,
            request_id,
            outcome,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pass_and_everything_else_is_refused() {
        let g = Guard::read_only(CallLedger::new());
        for (s, op) in [
            ("SecurityHub", "GetFindings"),
            ("SecurityHub", "DescribeHub"),
            ("SecurityHub", "BatchGetStandardsControlAssociations"),
            ("KMS", "ListKeys"),
            ("EC2", "DescribeVpcs"),
            ("STS", "GetCallerIdentity"),
            ("Macie2", "SearchResources"),
        ] {
            assert!(g.allows(s, op), "{s}:{op} should be allowed");
        }
        for (s, op) in [
            ("SecurityHub", "BatchUpdateFindings"),
            ("SecurityHub", "BatchImportFindings"),
            ("SecurityHub", "EnableSecurityHub"),
            ("GuardDuty", "ArchiveFindings"),
            ("GuardDuty", "CreateDetector"),
            ("KMS", "CreateKey"),
            ("KMS", "ScheduleKeyDeletion"),
            ("KMS", "PutKeyPolicy"),
            ("KMS", "GetParametersForImport"),
            ("EC2", "DeleteVpc"),
            ("EC2", "GetPasswordData"),
            ("STS", "GetSessionToken"),
            ("STS", "AssumeRole"),
            ("KMS", "Decrypt"),
            ("KMS", "Getaway"),
            ("EC2", "Describe"),
        ] {
            assert!(!g.allows(s, op), "{s}:{op} should be refused");
        }
        assert!(g.is_read_only());
    }

    #[cfg(feature = "writes")]
    #[test]
    fn opt_in_writes_allow_exactly_the_workflow_writes() {
        let g = Guard::with_opt_in_writes(CallLedger::new());
        assert!(g.allows("SecurityHub", "BatchUpdateFindings"));
        assert!(g.allows("GuardDuty", "ArchiveFindings"));
        assert!(g.allows("GuardDuty", "UnarchiveFindings"));
        assert!(!g.allows("SecurityHub", "BatchImportFindings"));
        assert!(!g.allows("KMS", "ScheduleKeyDeletion"));
        assert!(!g.is_read_only());
    }

    #[test]
    fn refusal_names_the_operation() {
        let r = Refused {
            service: "KMS".into(),
            operation: "CreateKey".into(),
        };
        assert!(r.to_string().contains("KMS:CreateKey"));
    }
}
