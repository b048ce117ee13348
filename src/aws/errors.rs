//! Turning SDK errors into a dataset's load state, so each dataset says
//! exactly why it is missing (and nothing missing looks like "all clear").

use super::config::one_line;
use super::guard::Refused;
use crate::model::LoadState;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::error::Error;

const ACCESS_DENIED: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "AuthorizationError",
    "UnauthorizedException",
    "Forbidden",
];

const THROTTLED: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
    "LimitExceededException",
];

const BAD_CREDENTIALS: &[&str] = &[
    "ExpiredToken",
    "ExpiredTokenException",
    "RequestExpired",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "AuthFailure",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "MissingAuthenticationToken",
];

/// What one failed call means for the dataset it was reading.
/// `action` is the IAM action of the call, e.g. `kms:ListKeys`.
pub fn classify<E>(err: &SdkError<E, HttpResponse>, action: &str) -> LoadState
where
    E: ProvideErrorMetadata + Error + 'static,
{
    if let Some(refused) = find_source::<Refused>(err) {
        return LoadState::Failed {
            reason: refused.to_string(),
        };
    }
    match err {
        SdkError::ServiceError(_) | SdkError::ResponseError(_) => classify_answer(err, action),
        SdkError::TimeoutError(_) => LoadState::Failed {
            reason: format!("{action} timed out"),
        },
        SdkError::DispatchFailure(d) => {
            let detail = one_line(err);
            if mentions_credentials(&detail) {
                LoadState::Failed {
                    reason: format!("credentials unavailable or expired: {detail}"),
                }
            } else if d.is_timeout() || d.is_io() {
                LoadState::Failed {
                    reason: format!("endpoint unreachable for {action}: {detail}"),
                }
            } else {
                LoadState::Failed {
                    reason: format!("{action} could not be sent: {detail}"),
                }
            }
        }
        _ => LoadState::Failed {
            reason: format!("{action} could not be built: {}", one_line(err)),
        },
    }
}

fn classify_answer<E>(err: &SdkError<E, HttpResponse>, action: &str) -> LoadState
where
    E: ProvideErrorMetadata + Error + 'static,
{
    let status = err.raw_response().map(|r| r.status().as_u16());
    let body_is_html = err
        .raw_response()
        .and_then(|r| r.body().bytes())
        .is_some_and(|b| b.trim_ascii_start().starts_with(b"<"));
    if status == Some(404) && body_is_html {
        return LoadState::Failed {
            reason: format!("operation not supported by this endpoint ({action}, HTTP 404)"),
        };
    }
    let code = err.code().unwrap_or_default();
    let message = err.message().unwrap_or_default().to_string();
    if let Some(reason) = not_enabled(code, &message) {
        return LoadState::NotEnabled { reason };
    }
    if ACCESS_DENIED.contains(&code) || (code.is_empty() && status == Some(403)) {
        return LoadState::AccessDenied {
            action: action.to_string(),
            message: if message.is_empty() {
                code.to_string()
            } else {
                message
            },
        };
    }
    if THROTTLED.contains(&code) || status == Some(429) {
        return LoadState::Failed {
            reason: format!("throttled by AWS after retries ({action})"),
        };
    }
    if BAD_CREDENTIALS.contains(&code) {
        return LoadState::Failed {
            reason: format!(
                "credentials rejected ({code}): {message}; refresh them (e.g. `aws sso login`)"
            ),
        };
    }
    if matches!(err, SdkError::ResponseError(_)) || code.is_empty() {
        let status = status.map(|s| format!("HTTP {s}, ")).unwrap_or_default();
        return LoadState::Failed {
            reason: format!("unreadable answer to {action} ({status}{})", one_line(err)),
        };
    }
    LoadState::Failed {
        reason: if message.is_empty() {
            format!("{action}: {code}")
        } else {
            format!("{action}: {code}: {message}")
        },
    }
}

/// The service is switched off: Security Hub not subscribed, Macie not
/// enabled, no GuardDuty detector.
fn not_enabled(code: &str, message: &str) -> Option<String> {
    let m = message.to_ascii_lowercase();
    let says_off = m.contains("not subscribed")
        || m.contains("is not enabled")
        || m.contains("isn't enabled")
        || m.contains("not been enabled")
        || m.contains("detector") && m.contains("not found");
    if code == "InvalidAccessException" || says_off {
        Some(if message.is_empty() {
            code.to_string()
        } else {
            message.to_string()
        })
    } else {
        None
    }
}

fn mentions_credentials(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    d.contains("credential") || d.contains("sso") && d.contains("token")
}

/// The first error of type `T` in `err`'s source chain.
pub fn find_source<'a, T: Error + 'static>(err: &'a (dyn Error + 'static)) -> Option<&'a T> {
    let mut cur: Option<&(dyn Error + 'static)> = Some(err);
    while let Some(e) = cur {
        if let Some(t) = e.downcast_ref::<T>() {
            return Some(t);
        }
        cur = e.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_kms::operation::list_keys::ListKeysError;
    use aws_smithy_runtime_api::client::result::ConnectorError;
    use aws_smithy_runtime_api::http::StatusCode;
    use aws_smithy_types::body::SdkBody;
    use aws_smithy_types::error::ErrorMetadata;

    type Err = SdkError<ListKeysError, HttpResponse>;

    fn response(status: u16, body: &'static str) -> HttpResponse {
        let status = StatusCode::try_from(status).expect("status");
        HttpResponse::new(status, SdkBody::from(body))
    }

    fn service(code: &str, message: &str, status: u16, body: &'static str) -> Err {
        let meta = ErrorMetadata::builder().code(code).message(message).build();
        SdkError::service_error(ListKeysError::generic(meta), response(status, body))
    }

    #[test]
    fn access_denied_names_the_action() {
        let e = service(
            "AccessDeniedException",
            "User: x is not authorized",
            400,
            "{}",
        );
        assert_eq!(
            classify(&e, "kms:ListKeys"),
            LoadState::AccessDenied {
                action: "kms:ListKeys".into(),
                message: "User: x is not authorized".into()
            }
        );
    }

    #[test]
    fn disabled_services_are_not_enabled() {
        let sh = service(
            "InvalidAccessException",
            "Account 123456789012 is not subscribed to AWS Security Hub",
            401,
            "{}",
        );
        assert!(matches!(
            classify(&sh, "securityhub:DescribeHub"),
            LoadState::NotEnabled { .. }
        ));
        let macie = service("AccessDeniedException", "Macie is not enabled.", 403, "{}");
        assert!(matches!(
            classify(&macie, "macie2:GetMacieSession"),
            LoadState::NotEnabled { .. }
        ));
    }

    #[test]
    fn throttling_and_expired_credentials_are_failures_that_say_so() {
        let t = service("ThrottlingException", "Rate exceeded", 400, "{}");
        let LoadState::Failed { reason } = classify(&t, "kms:ListKeys") else {
            panic!("throttling should fail")
        };
        assert!(
            reason.contains("throttled") && reason.contains("kms:ListKeys"),
            "{reason}"
        );
        let c = service(
            "ExpiredTokenException",
            "The security token included in the request is expired",
            400,
            "{}",
        );
        let LoadState::Failed { reason } = classify(&c, "kms:ListKeys") else {
            panic!("expired credentials should fail")
        };
        assert!(reason.contains("credentials rejected"), "{reason}");
    }

    #[test]
    fn an_html_404_is_an_unsupported_operation() {
        let meta = ErrorMetadata::builder().build();
        let e: Err = SdkError::service_error(
            ListKeysError::generic(meta),
            response(404, "<!doctype html><title>404 Not Found</title>"),
        );
        assert_eq!(
            classify(&e, "guardduty:ListFindings"),
            LoadState::Failed {
                reason:
                    "operation not supported by this endpoint (guardduty:ListFindings, HTTP 404)"
                        .into()
            }
        );
    }

    #[test]
    fn unreachable_endpoints_and_timeouts_fail_with_a_reason() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "connection refused");
        let e: Err = SdkError::dispatch_failure(ConnectorError::io(Box::new(io)));
        let LoadState::Failed { reason } = classify(&e, "ec2:DescribeVpcs") else {
            panic!("dispatch failure should fail")
        };
        assert!(
            reason.starts_with("endpoint unreachable for ec2:DescribeVpcs"),
            "{reason}"
        );
        let t: Err = SdkError::timeout_error(Box::new(std::io::Error::other("slow")));
        assert_eq!(
            classify(&t, "ec2:DescribeVpcs"),
            LoadState::Failed {
                reason: "ec2:DescribeVpcs timed out".into()
            }
        );
    }

    #[test]
    fn guard_refusals_are_found_in_the_source_chain() {
        let refused = Refused {
            service: "KMS".into(),
            operation: "CreateKey".into(),
        };
        let e: Err = SdkError::construction_failure(Box::new(refused));
        let LoadState::Failed { reason } = classify(&e, "kms:CreateKey") else {
            panic!("refusal should fail")
        };
        assert!(reason.contains("read-only guard"), "{reason}");
    }
}
