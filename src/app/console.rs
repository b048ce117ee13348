//! AWS console URLs for findings (shown by `o`; nothing is opened).

use crate::model::{Channel, Finding, Source};

/// The console page of a finding, or `None` for rampart's own checks.
pub fn console_url(f: &Finding) -> Option<String> {
    let region = f.region.trim();
    let host = console_host(region);
    let q = |service: &str| {
        if region.is_empty() {
            format!("https://{host}/{service}/home")
        } else {
            format!("https://{region}.{host}/{service}/home?region={region}")
        }
    };
    match f.source {
        Source::Rampart => None,
        Source::GuardDuty => {
            let id = native_id(f, Channel::GuardDuty);
            Some(format!(
                "{}#/findings?macros=current&fId={}",
                q("guardduty"),
                encode(id)
            ))
        }
        Source::Macie => {
            let id = native_id(f, Channel::Macie);
            Some(format!(
                "{}#findings?macros=current&itemId={}",
                q("macie"),
                encode(id)
            ))
        }
        _ => {
            let id = f
                .provenances
                .iter()
                .find(|p| p.channel == Channel::SecurityHub)
                .map(|p| p.native_id.as_str())
                .unwrap_or(&f.id);
            // The Security Hub console expects the filter value encoded twice.
            Some(format!(
                "{}#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253A{}",
                q("securityhub"),
                encode(&encode(id))
            ))
        }
    }
}

fn console_host(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "console.amazonaws.cn"
    } else if region.starts_with("us-gov-") {
        "console.amazonaws-us-gov.com"
    } else {
        "console.aws.amazon.com"
    }
}

/// The service's own finding id: from its native provenance, else the last
/// `/finding/` segment of the ASFF id, else the finding id.
fn native_id(f: &Finding, channel: Channel) -> &str {
    if let Some(p) = f.provenances.iter().find(|p| p.channel == channel) {
        return &p.native_id;
    }
    f.id.rsplit_once("/finding/")
        .or_else(|| f.id.rsplit_once('/'))
        .map(|(_, id)| id)
        .unwrap_or(&f.id)
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_control_bytes() {
        assert_eq!(encode("a/b:c d\u{1b}"), "a%2Fb%3Ac%20d%1B");
        assert_eq!(console_host("cn-north-1"), "console.amazonaws.cn");
        assert_eq!(console_host("eu-west-2"), "console.aws.amazon.com");
    }
}
