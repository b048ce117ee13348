//! STS caller identity to [`CallerIdentity`].

use crate::model::CallerIdentity;
use aws_sdk_sts::operation::get_caller_identity::GetCallerIdentityOutput;

/// `None` when STS did not name the account.
pub fn caller(out: &GetCallerIdentityOutput) -> Option<CallerIdentity> {
    Some(CallerIdentity {
        account_id: out.account().filter(|a| !a.is_empty())?.to_string(),
        arn: out.arn().unwrap_or_default().to_string(),
        user_id: out.user_id().unwrap_or_default().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caller_needs_an_account() {
        let out = GetCallerIdentityOutput::builder()
            .account("123456789012")
            .arn("arn:aws:sts::123456789012:assumed-role/Audit/me")
            .user_id("AROAEXAMPLE:me")
            .build();
        let c = caller(&out).expect("caller");
        assert_eq!(c.account_id, "123456789012");
        assert!(caller(&GetCallerIdentityOutput::builder().build()).is_none());
    }
}
