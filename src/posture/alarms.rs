//! CloudWatch alarm coverage: states, alarms that notify nobody, alarms
//! stuck in INSUFFICIENT_DATA, and which CIS security alarms exist
//! (Security Hub CloudWatch.1-14), matched by alarm and metric name.

use super::coverage::{Coverage, account_fully_loaded};
use crate::model::{Alarm, AlarmState, DatasetKind, Estate, Timestamp};
use serde::Serialize;

/// An alarm in INSUFFICIENT_DATA for at least this long is "stuck".
pub const STUCK_AFTER_HOURS: i64 = 24;

/// One CIS CloudWatch security alarm and the names that identify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CisAlarm {
    /// The Security Hub control that checks for it.
    pub control_id: &'static str,
    pub name: &'static str,
    /// Lower-case alphanumeric fragments of alarm or metric names.
    patterns: &'static [&'static str],
}

pub const CIS_ALARMS: [CisAlarm; 14] = [
    CisAlarm {
        control_id: "CloudWatch.1",
        name: "Root user usage",
        patterns: &[
            "rootaccountusage",
            "rootusage",
            "rootaccount",
            "rootuser",
            "rootlogin",
            "rootactivity",
        ],
    },
    CisAlarm {
        control_id: "CloudWatch.2",
        name: "Unauthorised API calls",
        patterns: &["unauthorizedapi", "unauthorisedapi"],
    },
    CisAlarm {
        control_id: "CloudWatch.3",
        name: "Console sign-in without MFA",
        patterns: &["signinwithoutmfa", "loginwithoutmfa", "withoutmfa", "nomfa"],
    },
    CisAlarm {
        control_id: "CloudWatch.4",
        name: "IAM policy changes",
        patterns: &["iampolicychange", "iamchanges"],
    },
    CisAlarm {
        control_id: "CloudWatch.5",
        name: "CloudTrail configuration changes",
        patterns: &[
            "cloudtrailconfigchange",
            "cloudtrailconfigurationchange",
            "cloudtrailchange",
            "trailchanges",
        ],
    },
    CisAlarm {
        control_id: "CloudWatch.6",
        name: "Console authentication failures",
        patterns: &[
            "consoleauthenticationfailure",
            "consoleauthfailure",
            "signinfailure",
            "loginfailure",
            "authenticationfailure",
        ],
    },
    CisAlarm {
        control_id: "CloudWatch.7",
        name: "CMK disabling or scheduled deletion",
        patterns: &[
            "disableordeletecmk",
            "disableordeletekms",
            "cmkdisable",
            "cmkdeletion",
            "kmskeydeletion",
            "kmskeydisable",
            "cmkchange",
            "kmskeychange",
        ],
    },
    CisAlarm {
        control_id: "CloudWatch.8",
        name: "S3 bucket policy changes",
        patterns: &[
            "s3bucketpolicychange",
            "bucketpolicychange",
            "s3policychange",
        ],
    },
    CisAlarm {
        control_id: "CloudWatch.9",
        name: "AWS Config changes",
        patterns: &[
            "awsconfigchange",
            "configservicechange",
            "configrecorderchange",
        ],
    },
    CisAlarm {
        control_id: "CloudWatch.10",
        name: "Security group changes",
        patterns: &["securitygroupchange", "sgchange"],
    },
    CisAlarm {
        control_id: "CloudWatch.11",
        name: "Network ACL changes",
        patterns: &["naclchange", "networkaclchange"],
    },
    CisAlarm {
        control_id: "CloudWatch.12",
        name: "Network gateway changes",
        patterns: &["networkgatewaychange", "gatewaychange"],
    },
    CisAlarm {
        control_id: "CloudWatch.13",
        name: "Route table changes",
        patterns: &["routetablechange", "routechange"],
    },
    CisAlarm {
        control_id: "CloudWatch.14",
        name: "VPC changes",
        patterns: &["vpcchange"],
    },
];

fn normalise(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The CIS alarms `alarm` stands for (by alarm name or metric name).
pub fn cis_matches(alarm: &Alarm) -> Vec<&'static CisAlarm> {
    let name = normalise(&alarm.name);
    let metric = normalise(&alarm.metric_name);
    CIS_ALARMS
        .iter()
        .filter(|c| {
            c.patterns
                .iter()
                .any(|p| name.contains(p) || metric.contains(p))
        })
        .collect()
}

/// An alarm, briefly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlarmRef {
    pub name: String,
    pub arn: String,
    pub account_id: String,
    pub region: String,
    pub metric_name: String,
    pub state: AlarmState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_updated: Option<Timestamp>,
    pub has_actions: bool,
}

impl AlarmRef {
    fn of(a: &Alarm) -> AlarmRef {
        AlarmRef {
            name: a.name.clone(),
            arn: a.arn.clone(),
            account_id: a.account_id.clone(),
            region: a.region.clone(),
            metric_name: a.metric_name.clone(),
            state: a.state,
            state_updated: a.state_updated,
            has_actions: a.has_actions(),
        }
    }
}

/// Whether one CIS alarm exists, where, and in which state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CisCoverage {
    pub control_id: &'static str,
    pub name: &'static str,
    pub alarms: Vec<AlarmRef>,
    /// Accounts in scope with no such alarm in any region.
    pub missing_in_accounts: Vec<String>,
    /// The worst state among its alarms (`None` when it exists nowhere).
    pub state: Option<AlarmState>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AlarmStates {
    pub alarm: usize,
    pub insufficient_data: usize,
    pub ok: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlarmCoverage {
    pub coverage: Coverage,
    pub total: usize,
    pub states: AlarmStates,
    pub without_actions: Vec<AlarmRef>,
    pub stuck_insufficient_data: Vec<AlarmRef>,
    pub cis: Vec<CisCoverage>,
    /// Accounts the CIS coverage was judged for: alarms read in every
    /// region recorded for them.
    pub accounts: Vec<String>,
    /// Accounts in scope whose alarms were not (fully) read: nothing is
    /// said to be missing there.
    pub accounts_not_read: Vec<String>,
}

/// True when `a` has been in INSUFFICIENT_DATA for `STUCK_AFTER_HOURS`
/// (or since an unknown time).
pub fn is_stuck(a: &Alarm, now: Timestamp) -> bool {
    a.state == AlarmState::InsufficientData
        && a.state_updated
            .is_none_or(|t| now - t >= chrono::Duration::hours(STUCK_AFTER_HOURS))
}

fn accounts(estate: &Estate) -> Vec<String> {
    let mut out: Vec<String> = estate.meta.accounts.clone();
    if out.is_empty() {
        out = estate.alarms.iter().map(|a| a.account_id.clone()).collect();
    }
    if out.is_empty()
        && let Some(c) = &estate.meta.caller
    {
        out.push(c.account_id.clone());
    }
    out.sort();
    out.dedup();
    out
}

pub(crate) fn analyse(estate: &Estate, now: Timestamp) -> AlarmCoverage {
    let coverage = Coverage::all_of(estate, &[DatasetKind::Alarms]);
    let mut states = AlarmStates::default();
    for a in &estate.alarms {
        match a.state {
            AlarmState::Alarm => states.alarm += 1,
            AlarmState::InsufficientData => states.insufficient_data += 1,
            AlarmState::Ok => states.ok += 1,
        }
    }
    let (accounts, accounts_not_read): (Vec<String>, Vec<String>) = accounts(estate)
        .into_iter()
        .partition(|a| account_fully_loaded(estate, DatasetKind::Alarms, a));
    let matches: Vec<(&Alarm, Vec<&CisAlarm>)> =
        estate.alarms.iter().map(|a| (a, cis_matches(a))).collect();
    let cis = CIS_ALARMS
        .iter()
        .map(|c| {
            let alarms: Vec<&Alarm> = matches
                .iter()
                .filter(|(_, m)| m.iter().any(|x| x.control_id == c.control_id))
                .map(|(a, _)| *a)
                .collect();
            CisCoverage {
                control_id: c.control_id,
                name: c.name,
                missing_in_accounts: if coverage.is_assessed() {
                    accounts
                        .iter()
                        .filter(|acct| !alarms.iter().any(|a| a.account_id == **acct))
                        .cloned()
                        .collect()
                } else {
                    Vec::new()
                },
                state: alarms.iter().map(|a| a.state).min(),
                alarms: alarms.into_iter().map(AlarmRef::of).collect(),
            }
        })
        .collect();
    AlarmCoverage {
        total: estate.alarms.len(),
        states,
        without_actions: estate
            .alarms
            .iter()
            .filter(|a| !a.has_actions())
            .map(AlarmRef::of)
            .collect(),
        stuck_insufficient_data: estate
            .alarms
            .iter()
            .filter(|a| is_stuck(a, now))
            .map(AlarmRef::of)
            .collect(),
        cis,
        accounts,
        accounts_not_read,
        coverage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posture::fixtures::{alarm, estate, load, ts};

    fn ids(a: &Alarm) -> Vec<&'static str> {
        cis_matches(a).iter().map(|c| c.control_id).collect()
    }

    #[test]
    fn cis_alarms_are_recognised_by_alarm_or_metric_name() {
        let ok = AlarmState::Ok;
        assert_eq!(
            ids(&alarm("CIS-3.1-UnauthorizedAPICalls", "x", ok)),
            ["CloudWatch.2"]
        );
        assert_eq!(ids(&alarm("a", "RootAccountUsage", ok)), ["CloudWatch.1"]);
        assert_eq!(
            ids(&alarm("console-signin-without-mfa", "", ok)),
            ["CloudWatch.3"]
        );
        assert_eq!(
            ids(&alarm("x", "CloudTrailConfigChanges", ok)),
            ["CloudWatch.5"]
        );
        assert_eq!(ids(&alarm("x", "AWSConfigChanges", ok)), ["CloudWatch.9"]);
        assert_eq!(ids(&alarm("DisableOrDeleteCMK", "", ok)), ["CloudWatch.7"]);
        assert_eq!(
            ids(&alarm("x", "NetworkGatewayChanges", ok)),
            ["CloudWatch.12"]
        );
        assert_eq!(ids(&alarm("x", "RouteTableChanges", ok)), ["CloudWatch.13"]);
        assert_eq!(ids(&alarm("x", "VPCChanges", ok)), ["CloudWatch.14"]);
        assert!(ids(&alarm("HighCPU", "CPUUtilization", ok)).is_empty());
    }

    #[test]
    fn states_actions_stuck_and_missing_cis_alarms() {
        let mut e = estate();
        load(&mut e, &[DatasetKind::Alarms]);
        let mut silent = alarm("RootAccountUsage", "RootAccountUsage", AlarmState::Alarm);
        silent.alarm_actions.clear();
        let mut stuck = alarm(
            "UnauthorizedAPICalls",
            "UnauthorizedAPICalls",
            AlarmState::InsufficientData,
        );
        stuck.state_updated = Some(ts() - chrono::Duration::days(3));
        let fresh = alarm(
            "IAMPolicyChanges",
            "IAMPolicyChanges",
            AlarmState::InsufficientData,
        );
        e.alarms = vec![silent, stuck, fresh];
        let c = analyse(&e, ts());
        assert_eq!(
            (c.states.alarm, c.states.insufficient_data, c.states.ok),
            (1, 2, 0)
        );
        assert_eq!(c.without_actions.len(), 1);
        assert_eq!(c.stuck_insufficient_data.len(), 1);
        assert_eq!(c.stuck_insufficient_data[0].name, "UnauthorizedAPICalls");
        let root = &c.cis[0];
        assert_eq!(root.state, Some(AlarmState::Alarm));
        assert!(root.missing_in_accounts.is_empty());
        let missing: Vec<&str> = c
            .cis
            .iter()
            .filter(|x| !x.missing_in_accounts.is_empty())
            .map(|x| x.control_id)
            .collect();
        assert_eq!(missing.len(), 11);
        assert!(!missing.contains(&"CloudWatch.4"));
    }

    #[test]
    fn accounts_whose_alarms_were_not_read_are_not_judged() {
        let mut e = estate();
        load(&mut e, &[DatasetKind::Alarms]);
        e.meta.accounts.push("444455556666".into());
        e.alarms = vec![alarm(
            "RootAccountUsage",
            "RootAccountUsage",
            AlarmState::Ok,
        )];
        let c = analyse(&e, ts());
        assert_eq!(c.accounts_not_read, ["444455556666"]);
        assert!(
            c.cis
                .iter()
                .all(|x| !x.missing_in_accounts.iter().any(|a| a == "444455556666"))
        );
        assert_eq!(
            c.cis[1].missing_in_accounts,
            [crate::posture::fixtures::ACCOUNT]
        );
    }

    #[test]
    fn without_alarms_loaded_nothing_is_missing() {
        let c = analyse(&estate(), ts());
        assert!(!c.coverage.is_assessed());
        assert!(c.cis.iter().all(|x| x.missing_in_accounts.is_empty()));
    }
}
