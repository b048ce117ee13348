//! CloudWatch alarms: added, removed; state, actions and threshold changed.

use super::change::{Details, Ident, ItemChange, keyed};
use crate::model::Alarm;

pub(super) fn diff(old: &[Alarm], new: &[Alarm]) -> Vec<ItemChange> {
    keyed(
        "alarm",
        old,
        new,
        |a| Ident {
            account_id: a.account_id.clone(),
            region: a.region.clone(),
            id: a.name.clone(),
            name: None,
        },
        compare,
    )
}

fn compare(o: &Alarm, n: &Alarm) -> Vec<super::Detail> {
    let mut d = Details::default();
    d.field("state", o.state.as_str(), n.state.as_str());
    d.field(
        "actions",
        if o.has_actions() { "on" } else { "off" },
        if n.has_actions() { "on" } else { "off" },
    );
    d.field(
        "metric",
        format!("{}/{}", o.namespace, o.metric_name),
        format!("{}/{}", n.namespace, n.metric_name),
    );
    d.field("threshold", threshold(o), threshold(n));
    d.into_vec()
}

fn threshold(a: &Alarm) -> String {
    match a.threshold {
        Some(t) => format!("{} {t}", a.comparison),
        None => a.comparison.clone(),
    }
}
