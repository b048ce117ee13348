//! EC2: the nine network describes (each paginated, each its own dataset)
//! and the enabled regions.

use super::config::one_line;
use super::convert::ec2::{self as convert, Place};
use super::progress::{Cancelled, Ctx, Service};
use crate::model::{DatasetKind, EstateDelta};

/// One describe, paged under the EC2 request limit, streamed as it reads.
macro_rules! describe {
    ($ctx:expr, $client:expr, $region:expr, $dataset:expr, $op:ident, $action:literal,
     $items:ident, $convert:path, $delta:path) => {
        async {
            if !$ctx.wants($dataset) {
                return Ok(());
            }
            let mut run = $ctx.dataset($dataset, $region);
            run.start().await?;
            let at = Place {
                account_id: &$ctx.account_id,
                region: $region,
            };
            let mut pages = $client.$op().into_paginator().send();
            loop {
                match $ctx.limits.run(Service::Ec2, pages.next()).await {
                    None => return run.loaded(true).await,
                    Some(Ok(out)) => {
                        let items = out
                            .$items()
                            .iter()
                            .filter_map(|x| $convert(x, at))
                            .collect();
                        run.page(items, $delta).await?;
                    }
                    Some(Err(e)) => return run.failed(&e, $action).await,
                }
            }
        }
    };
}

/// Reads every network dataset of one region, concurrently.
pub(crate) async fn read(
    client: &aws_sdk_ec2::Client,
    ctx: &Ctx,
    region: &str,
) -> Result<(), Cancelled> {
    let results = tokio::join!(
        describe!(
            ctx,
            client,
            region,
            DatasetKind::Vpcs,
            describe_vpcs,
            "ec2:DescribeVpcs",
            vpcs,
            convert::vpc,
            EstateDelta::Vpcs
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::Subnets,
            describe_subnets,
            "ec2:DescribeSubnets",
            subnets,
            convert::subnet,
            EstateDelta::Subnets
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::RouteTables,
            describe_route_tables,
            "ec2:DescribeRouteTables",
            route_tables,
            convert::route_table,
            EstateDelta::RouteTables
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::InternetGateways,
            describe_internet_gateways,
            "ec2:DescribeInternetGateways",
            internet_gateways,
            convert::internet_gateway,
            EstateDelta::InternetGateways
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::NatGateways,
            describe_nat_gateways,
            "ec2:DescribeNatGateways",
            nat_gateways,
            convert::nat_gateway,
            EstateDelta::NatGateways
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::VpcEndpoints,
            describe_vpc_endpoints,
            "ec2:DescribeVpcEndpoints",
            vpc_endpoints,
            convert::vpc_endpoint,
            EstateDelta::VpcEndpoints
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::SecurityGroups,
            describe_security_groups,
            "ec2:DescribeSecurityGroups",
            security_groups,
            convert::security_group,
            EstateDelta::SecurityGroups
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::NetworkAcls,
            describe_network_acls,
            "ec2:DescribeNetworkAcls",
            network_acls,
            convert::network_acl,
            EstateDelta::NetworkAcls
        ),
        describe!(
            ctx,
            client,
            region,
            DatasetKind::FlowLogs,
            describe_flow_logs,
            "ec2:DescribeFlowLogs",
            flow_logs,
            convert::flow_log,
            EstateDelta::FlowLogs
        ),
    );
    let (a, b, c, d, e, f, g, h, i) = results;
    [a, b, c, d, e, f, g, h, i].into_iter().collect()
}

/// Regions enabled for this account: those that need no opt-in and those
/// opted in. Regions not opted in are skipped without being contacted.
pub(crate) async fn enabled_regions(client: &aws_sdk_ec2::Client) -> Result<Vec<String>, String> {
    let out = client
        .describe_regions()
        .all_regions(true)
        .send()
        .await
        .map_err(|e| one_line(&e))?;
    let mut regions: Vec<String> = out
        .regions()
        .iter()
        .filter(|r| {
            r.opt_in_status()
                .is_none_or(|s| matches!(s, "opt-in-not-required" | "opted-in"))
        })
        .filter_map(|r| r.region_name().map(str::to_string))
        .collect();
    regions.sort();
    regions.dedup();
    Ok(regions)
}
