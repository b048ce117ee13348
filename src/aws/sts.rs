//! STS: who is reading (GetCallerIdentity).

use super::config::{LiveError, one_line};
use super::convert::sts as convert;
use crate::model::CallerIdentity;

pub(crate) async fn caller(client: &aws_sdk_sts::Client) -> Result<CallerIdentity, LiveError> {
    let out = client
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| LiveError::Identity(one_line(&e)))?;
    convert::caller(&out)
        .ok_or_else(|| LiveError::Identity("the answer named no account".to_string()))
}
