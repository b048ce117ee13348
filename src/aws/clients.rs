//! One client per service for one region, each carrying the guard.

use super::guard::Guard;
use aws_config::{Region, SdkConfig};

/// Every client rampart reads one region with. Fields are public so tests
/// can build clients of their own (mocks); [`RegionClients::guarded`] puts
/// the guard on them, and every constructor here does so.
#[derive(Debug, Clone)]
pub struct RegionClients {
    pub region: String,
    pub sts: aws_sdk_sts::Client,
    pub securityhub: aws_sdk_securityhub::Client,
    pub guardduty: aws_sdk_guardduty::Client,
    pub macie: aws_sdk_macie2::Client,
    pub kms: aws_sdk_kms::Client,
    pub ec2: aws_sdk_ec2::Client,
    pub cloudwatch: aws_sdk_cloudwatch::Client,
}

macro_rules! client_for {
    ($krate:ident, $sdk:expr, $region:expr, $guard:expr) => {
        $krate::Client::from_conf(
            $krate::config::Builder::from($sdk)
                .region(Region::new($region.to_string()))
                .interceptor($guard.clone())
                .build(),
        )
    };
}

macro_rules! reguard {
    ($krate:ident, $client:expr, $guard:expr) => {
        $krate::Client::from_conf(
            $client
                .config()
                .to_builder()
                .interceptor($guard.clone())
                .build(),
        )
    };
}

impl RegionClients {
    /// Clients for `region` from a resolved configuration, guarded.
    pub fn from_sdk_config(sdk: &SdkConfig, region: &str, guard: &Guard) -> RegionClients {
        RegionClients {
            region: region.to_string(),
            sts: client_for!(aws_sdk_sts, sdk, region, guard),
            securityhub: client_for!(aws_sdk_securityhub, sdk, region, guard),
            guardduty: client_for!(aws_sdk_guardduty, sdk, region, guard),
            macie: client_for!(aws_sdk_macie2, sdk, region, guard),
            kms: client_for!(aws_sdk_kms, sdk, region, guard),
            ec2: client_for!(aws_sdk_ec2, sdk, region, guard),
            cloudwatch: client_for!(aws_sdk_cloudwatch, sdk, region, guard),
        }
    }

    /// The same clients with `guard` added to each (for clients built
    /// elsewhere, such as test mocks). Their other settings are kept.
    pub fn guarded(self, guard: &Guard) -> RegionClients {
        RegionClients {
            region: self.region,
            sts: reguard!(aws_sdk_sts, self.sts, guard),
            securityhub: reguard!(aws_sdk_securityhub, self.securityhub, guard),
            guardduty: reguard!(aws_sdk_guardduty, self.guardduty, guard),
            macie: reguard!(aws_sdk_macie2, self.macie, guard),
            kms: reguard!(aws_sdk_kms, self.kms, guard),
            ec2: reguard!(aws_sdk_ec2, self.ec2, guard),
            cloudwatch: reguard!(aws_sdk_cloudwatch, self.cloudwatch, guard),
        }
    }
}
