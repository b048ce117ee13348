//! The resources of a GuardDuty finding (`Resource.*Details`), typed with
//! the ASFF resource types Security Hub uses for them.

use super::fields::{Obj, Problem};
use super::guardduty::Scope;
use crate::model::Resource;

/// One kind of `*Details` member: its name, the `ResourceType` value that
/// makes it the primary resource, and how to read it.
struct DetailKind {
    member: &'static str,
    resource_type: &'static str,
    read: fn(&Obj, &Scope) -> Result<Option<Resource>, Problem>,
}

const KINDS: [DetailKind; 7] = [
    DetailKind {
        member: "InstanceDetails",
        resource_type: "Instance",
        read: instance,
    },
    DetailKind {
        member: "AccessKeyDetails",
        resource_type: "AccessKey",
        read: access_key,
    },
    DetailKind {
        member: "RdsDbInstanceDetails",
        resource_type: "RDSDBInstance",
        read: rds_instance,
    },
    DetailKind {
        member: "EksClusterDetails",
        resource_type: "EKSCluster",
        read: eks_cluster,
    },
    DetailKind {
        member: "LambdaDetails",
        resource_type: "Lambda",
        read: lambda,
    },
    DetailKind {
        member: "EcsClusterDetails",
        resource_type: "ECSCluster",
        read: ecs_cluster,
    },
    DetailKind {
        member: "ContainerDetails",
        resource_type: "Container",
        read: container,
    },
];

/// Every resource named in `Resource`, the one `ResourceType` names first.
pub(super) fn resources(finding: &Obj, scope: &Scope) -> Result<Vec<Resource>, Problem> {
    let Some(r) = finding.obj("Resource")? else {
        return Ok(Vec::new());
    };
    let primary = r.text("ResourceType")?.unwrap_or_default();
    let mut found: Vec<(bool, Resource)> = Vec::new();
    for kind in &KINDS {
        if let Some(details) = r.obj(kind.member)?
            && let Some(res) = (kind.read)(&details, scope)?
        {
            found.push((kind.resource_type.eq_ignore_ascii_case(&primary), res));
        }
    }
    for (i, item) in r.arr("S3BucketDetails")?.iter().enumerate() {
        let b = r.item("S3BucketDetails", i, item)?;
        let arn = match (b.text("Arn")?, b.text("Name")?) {
            (Some(arn), _) => arn,
            (None, Some(name)) => format!("arn:{}:s3:::{name}", scope.partition),
            (None, None) => continue,
        };
        found.push((
            primary.eq_ignore_ascii_case("S3Bucket"),
            resource("AwsS3Bucket", arn, scope, &b)?,
        ));
    }
    // Stable: the primary resource first, the others in reading order.
    found.sort_by_key(|(is_primary, _)| !is_primary);
    Ok(found.into_iter().map(|(_, r)| r).collect())
}

fn resource(kind: &str, id: String, scope: &Scope, details: &Obj) -> Result<Resource, Problem> {
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Ok(Resource {
        resource_type: kind.to_string(),
        id,
        region: non_empty(scope.region),
        partition: non_empty(scope.partition),
        tags: details.tags("Tags")?,
    })
}

/// An ARN when the scope is known, else the bare id.
fn arn_or_id(scope: &Scope, service: &str, path: &str, id: &str) -> String {
    if scope.region.is_empty() || scope.account.is_empty() {
        id.to_string()
    } else {
        format!(
            "arn:{}:{service}:{}:{}:{path}",
            scope.partition, scope.region, scope.account
        )
    }
}

fn instance(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let Some(id) = d.text("InstanceId")? else {
        return Ok(None);
    };
    let arn = arn_or_id(scope, "ec2", &format!("instance/{id}"), &id);
    resource("AwsEc2Instance", arn, scope, d).map(Some)
}

fn access_key(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let Some(id) = d.text("AccessKeyId")? else {
        return Ok(None);
    };
    resource("AwsIamAccessKey", id, scope, d).map(Some)
}

fn rds_instance(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let id = match (d.text("DbInstanceArn")?, d.text("DbInstanceIdentifier")?) {
        (Some(arn), _) => arn,
        (None, Some(name)) => arn_or_id(scope, "rds", &format!("db:{name}"), &name),
        (None, None) => return Ok(None),
    };
    resource("AwsRdsDbInstance", id, scope, d).map(Some)
}

fn eks_cluster(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let id = match (d.text("Arn")?, d.text("Name")?) {
        (Some(arn), _) => arn,
        (None, Some(name)) => arn_or_id(scope, "eks", &format!("cluster/{name}"), &name),
        (None, None) => return Ok(None),
    };
    resource("AwsEksCluster", id, scope, d).map(Some)
}

fn lambda(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let id = match (d.text("FunctionArn")?, d.text("FunctionName")?) {
        (Some(arn), _) => arn,
        (None, Some(name)) => arn_or_id(scope, "lambda", &format!("function:{name}"), &name),
        (None, None) => return Ok(None),
    };
    resource("AwsLambdaFunction", id, scope, d).map(Some)
}

fn ecs_cluster(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let id = match (d.text("Arn")?, d.text("Name")?) {
        (Some(arn), _) => arn,
        (None, Some(name)) => arn_or_id(scope, "ecs", &format!("cluster/{name}"), &name),
        (None, None) => return Ok(None),
    };
    resource("AwsEcsCluster", id, scope, d).map(Some)
}

fn container(d: &Obj, scope: &Scope) -> Result<Option<Resource>, Problem> {
    let Some(id) = d.text("Id")?.or(d.text("Name")?) else {
        return Ok(None);
    };
    resource("Container", id, scope, d).map(Some)
}
