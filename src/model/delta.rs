//! Changes to an estate as a live read delivers them, page by page.
//!
//! A loader sends `EstateDelta`s; whoever owns the estate applies them in
//! order with [`Estate::apply`]. Items are upserted by key, so a refresh
//! never blanks what is already shown; a completed full read then prunes
//! the items of its scope that it did not see again.

use super::{
    Alarm, Channel, Control, DatasetKind, Estate, EstateMeta, Finding, FlowLog, InternetGateway,
    KmsKey, LoadRecord, LogGroup, NatGateway, NetworkAcl, RouteTable, SecurityGroup, Standard,
    Subnet, Vpc, VpcEndpoint,
};
use std::collections::HashSet;

/// One change to an estate.
#[derive(Debug, Clone, PartialEq)]
pub enum EstateDelta {
    /// Replaces the estate's metadata (origin, caller, scope, time).
    Meta(EstateMeta),
    /// Security Hub findings are read through an aggregator in this region.
    AggregatorRegion(String),
    /// Findings (any channel), upserted by id.
    Findings(Vec<Finding>),
    Standards(Vec<Standard>),
    Controls(Vec<Control>),
    KmsKeys(Vec<KmsKey>),
    Vpcs(Vec<Vpc>),
    Subnets(Vec<Subnet>),
    RouteTables(Vec<RouteTable>),
    InternetGateways(Vec<InternetGateway>),
    NatGateways(Vec<NatGateway>),
    VpcEndpoints(Vec<VpcEndpoint>),
    SecurityGroups(Vec<SecurityGroup>),
    NetworkAcls(Vec<NetworkAcl>),
    FlowLogs(Vec<FlowLog>),
    LogGroups(Vec<LogGroup>),
    Alarms(Vec<Alarm>),
    /// A full read of `dataset` in a scope finished: items of that dataset
    /// in the scope whose [`Keyed::key`] is not in `keep` are gone.
    /// `None` for account or region means "any".
    Prune {
        dataset: DatasetKind,
        account_id: Option<String>,
        region: Option<String>,
        keep: Vec<String>,
    },
    /// The load state of one dataset in one account and region.
    Load(LoadRecord),
}

impl EstateDelta {
    /// Number of items carried (0 for control deltas).
    pub fn item_count(&self) -> usize {
        match self {
            EstateDelta::Findings(v) => v.len(),
            EstateDelta::Standards(v) => v.len(),
            EstateDelta::Controls(v) => v.len(),
            EstateDelta::KmsKeys(v) => v.len(),
            EstateDelta::Vpcs(v) => v.len(),
            EstateDelta::Subnets(v) => v.len(),
            EstateDelta::RouteTables(v) => v.len(),
            EstateDelta::InternetGateways(v) => v.len(),
            EstateDelta::NatGateways(v) => v.len(),
            EstateDelta::VpcEndpoints(v) => v.len(),
            EstateDelta::SecurityGroups(v) => v.len(),
            EstateDelta::NetworkAcls(v) => v.len(),
            EstateDelta::FlowLogs(v) => v.len(),
            EstateDelta::LogGroups(v) => v.len(),
            EstateDelta::Alarms(v) => v.len(),
            EstateDelta::Meta(_)
            | EstateDelta::AggregatorRegion(_)
            | EstateDelta::Prune { .. }
            | EstateDelta::Load(_) => 0,
        }
    }
}

/// An item with a stable key within its dataset and an (account, region).
pub trait Keyed {
    /// Unique within the dataset across the estate.
    fn key(&self) -> String;
    fn account_id(&self) -> &str;
    fn region(&self) -> &str;
}

/// The dataset a finding was read for: its first provenance's channel.
pub fn finding_dataset(f: &Finding) -> Option<DatasetKind> {
    match f.provenances.first().map(|p| p.channel) {
        Some(Channel::SecurityHub) => Some(DatasetKind::SecurityHubFindings),
        Some(Channel::GuardDuty) => Some(DatasetKind::GuardDutyFindings),
        Some(Channel::Macie) => Some(DatasetKind::MacieFindings),
        Some(Channel::Rampart) | None => None,
    }
}

impl Keyed for Finding {
    fn key(&self) -> String {
        self.id.clone()
    }
    fn account_id(&self) -> &str {
        &self.account_id
    }
    fn region(&self) -> &str {
        &self.region
    }
}

macro_rules! keyed {
    ($ty:ty, $id:ident) => {
        impl Keyed for $ty {
            fn key(&self) -> String {
                format!("{}/{}/{}", self.account_id, self.region, self.$id)
            }
            fn account_id(&self) -> &str {
                &self.account_id
            }
            fn region(&self) -> &str {
                &self.region
            }
        }
    };
}

keyed!(Standard, arn);
keyed!(Control, control_id);
keyed!(KmsKey, key_id);
keyed!(Vpc, vpc_id);
keyed!(Subnet, subnet_id);
keyed!(RouteTable, route_table_id);
keyed!(InternetGateway, internet_gateway_id);
keyed!(NatGateway, nat_gateway_id);
keyed!(VpcEndpoint, vpc_endpoint_id);
keyed!(SecurityGroup, group_id);
keyed!(NetworkAcl, network_acl_id);
keyed!(FlowLog, flow_log_id);
keyed!(LogGroup, name);
keyed!(Alarm, name);

/// Replaces items with the same key, appends the rest (in batch order).
fn upsert<T: Keyed>(items: &mut Vec<T>, batch: Vec<T>) {
    if batch.is_empty() {
        return;
    }
    if items.is_empty() {
        items.extend(batch);
        return;
    }
    let mut incoming: std::collections::HashMap<String, T> = std::collections::HashMap::new();
    let mut order: Vec<String> = Vec::with_capacity(batch.len());
    for item in batch {
        let key = item.key();
        if incoming.insert(key.clone(), item).is_none() {
            order.push(key);
        }
    }
    for existing in items.iter_mut() {
        if incoming.is_empty() {
            break;
        }
        if let Some(new) = incoming.remove(&existing.key()) {
            *existing = new;
        }
    }
    for key in order {
        if let Some(item) = incoming.remove(&key) {
            items.push(item);
        }
    }
}

struct Scope<'a> {
    account_id: Option<&'a str>,
    region: Option<&'a str>,
    keep: HashSet<&'a str>,
}

impl Scope<'_> {
    /// True when the item lies in the scope and was not seen again.
    fn is_stale<T: Keyed>(&self, item: &T) -> bool {
        self.account_id.is_none_or(|a| a == item.account_id())
            && self.region.is_none_or(|r| r == item.region())
            && !self.keep.contains(item.key().as_str())
    }

    fn prune<T: Keyed>(&self, items: &mut Vec<T>) {
        items.retain(|i| !self.is_stale(i));
    }
}

impl Estate {
    /// Applies one delta. Pure and total: any delta on any estate is fine.
    pub fn apply(&mut self, delta: EstateDelta) {
        match delta {
            EstateDelta::Meta(meta) => self.meta = meta,
            EstateDelta::AggregatorRegion(r) => self.meta.aggregator_region = Some(r),
            EstateDelta::Findings(v) => upsert(&mut self.findings, v),
            EstateDelta::Standards(v) => upsert(&mut self.standards, v),
            EstateDelta::Controls(v) => upsert(&mut self.controls, v),
            EstateDelta::KmsKeys(v) => upsert(&mut self.kms_keys, v),
            EstateDelta::Vpcs(v) => upsert(&mut self.vpcs, v),
            EstateDelta::Subnets(v) => upsert(&mut self.subnets, v),
            EstateDelta::RouteTables(v) => upsert(&mut self.route_tables, v),
            EstateDelta::InternetGateways(v) => upsert(&mut self.internet_gateways, v),
            EstateDelta::NatGateways(v) => upsert(&mut self.nat_gateways, v),
            EstateDelta::VpcEndpoints(v) => upsert(&mut self.vpc_endpoints, v),
            EstateDelta::SecurityGroups(v) => upsert(&mut self.security_groups, v),
            EstateDelta::NetworkAcls(v) => upsert(&mut self.network_acls, v),
            EstateDelta::FlowLogs(v) => upsert(&mut self.flow_logs, v),
            EstateDelta::LogGroups(v) => upsert(&mut self.log_groups, v),
            EstateDelta::Alarms(v) => upsert(&mut self.alarms, v),
            EstateDelta::Prune {
                dataset,
                account_id,
                region,
                keep,
            } => {
                let scope = Scope {
                    account_id: account_id.as_deref(),
                    region: region.as_deref(),
                    keep: keep.iter().map(String::as_str).collect(),
                };
                self.prune(dataset, &scope);
            }
            EstateDelta::Load(rec) => self.set_load(
                rec.dataset,
                rec.account_id.as_deref(),
                rec.region.as_deref(),
                rec.state,
            ),
        }
    }

    fn prune(&mut self, dataset: DatasetKind, scope: &Scope<'_>) {
        match dataset {
            DatasetKind::SecurityHubFindings
            | DatasetKind::GuardDutyFindings
            | DatasetKind::MacieFindings => self
                .findings
                .retain(|f| finding_dataset(f) != Some(dataset) || !scope.is_stale(f)),
            DatasetKind::Standards => scope.prune(&mut self.standards),
            DatasetKind::Controls => scope.prune(&mut self.controls),
            DatasetKind::KmsKeys => scope.prune(&mut self.kms_keys),
            DatasetKind::Vpcs => scope.prune(&mut self.vpcs),
            DatasetKind::Subnets => scope.prune(&mut self.subnets),
            DatasetKind::RouteTables => scope.prune(&mut self.route_tables),
            DatasetKind::InternetGateways => scope.prune(&mut self.internet_gateways),
            DatasetKind::NatGateways => scope.prune(&mut self.nat_gateways),
            DatasetKind::VpcEndpoints => scope.prune(&mut self.vpc_endpoints),
            DatasetKind::SecurityGroups => scope.prune(&mut self.security_groups),
            DatasetKind::NetworkAcls => scope.prune(&mut self.network_acls),
            DatasetKind::FlowLogs => scope.prune(&mut self.flow_logs),
            DatasetKind::LogGroups => scope.prune(&mut self.log_groups),
            DatasetKind::Alarms => scope.prune(&mut self.alarms),
        }
    }
}

#[cfg(test)]
mod tests;
