//! Deterministic identifiers: every id is a hash of a readable seed, so the
//! same name always yields the same `vpc-…`, key UUID or finding id, and
//! modules can refer to each other's resources by name alone.

/// FNV-1a over the seed, mixed with `salt`, finished with a splitmix64
/// avalanche so that similar seeds give unrelated digits.
pub fn hash64(seed: &str, salt: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in seed.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// `len` lower-case hex digits derived from `seed`.
pub fn hex(seed: &str, len: usize) -> String {
    let mut out = String::with_capacity(len + 16);
    let mut salt = 0;
    while out.len() < len {
        out.push_str(&format!("{:016x}", hash64(seed, salt)));
        salt += 1;
    }
    out.truncate(len);
    out
}

/// A number in `0..modulo` derived from `seed` (0 when `modulo` is 0).
pub fn pick(seed: &str, modulo: u64) -> u64 {
    if modulo == 0 {
        0
    } else {
        hash64(seed, 0x5eed) % modulo
    }
}

/// A version-4-shaped UUID, e.g. KMS key ids and control finding suffixes.
pub fn uuid(seed: &str) -> String {
    let h = hex(seed, 32);
    let variant = ["8", "9", "a", "b"][(hash64(seed, 7) % 4) as usize];
    format!(
        "{}-{}-4{}-{}{}-{}",
        &h[0..8],
        &h[8..12],
        &h[13..16],
        variant,
        &h[17..20],
        &h[20..32]
    )
}

/// An EC2-style long id: `prefix-0` and 16 hex digits (17 in all).
pub fn ec2_id(prefix: &str, seed: &str) -> String {
    format!("{prefix}-0{}", hex(&format!("{prefix}/{seed}"), 16))
}

pub fn vpc_id(vpc: &str) -> String {
    ec2_id("vpc", vpc)
}

pub fn subnet_id(vpc: &str, tier: &str, az: char) -> String {
    ec2_id("subnet", &format!("{vpc}/{tier}/{az}"))
}

pub fn route_table_id(vpc: &str, name: &str) -> String {
    ec2_id("rtb", &format!("{vpc}/{name}"))
}

pub fn sg_id(vpc: &str, name: &str) -> String {
    ec2_id("sg", &format!("{vpc}/{name}"))
}

pub fn nacl_id(vpc: &str, name: &str) -> String {
    ec2_id("acl", &format!("{vpc}/{name}"))
}

pub fn endpoint_id(vpc: &str, service: &str) -> String {
    ec2_id("vpce", &format!("{vpc}/{service}"))
}

pub fn igw_id(vpc: &str) -> String {
    ec2_id("igw", vpc)
}

pub fn nat_id(vpc: &str, az: char) -> String {
    ec2_id("nat", &format!("{vpc}/{az}"))
}

pub fn flow_log_id(vpc: &str) -> String {
    ec2_id("fl", vpc)
}

pub fn instance_id(name: &str) -> String {
    ec2_id("i", name)
}

pub fn eni_id(name: &str) -> String {
    ec2_id("eni", name)
}

/// The region's managed prefix list for a gateway-endpoint service
/// (`pl-` and 8 hex digits, like `pl-7ca54015`).
pub fn prefix_list_id(region: &str, service: &str) -> String {
    format!("pl-{}", hex(&format!("pl/{region}/{service}"), 8))
}

/// A GuardDuty detector id (32 hex digits), one per account and region.
pub fn detector_id(account: &str, region: &str) -> String {
    hex(&format!("detector/{account}/{region}"), 32)
}

/// A 32-hex-digit finding id (GuardDuty and Macie style).
pub fn finding_hex(seed: &str) -> String {
    hex(&format!("finding/{seed}"), 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_well_formed() {
        assert_eq!(vpc_id("primary"), vpc_id("primary"));
        assert_ne!(vpc_id("primary"), vpc_id("isolated"));
        let v = vpc_id("primary");
        assert!(
            v.starts_with("vpc-0") && v.len() == "vpc-".len() + 17,
            "{v}"
        );
        let u = uuid("key/s3");
        let parts: Vec<&str> = u.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
        assert!(u.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        assert_eq!(hex("x", 40).len(), 40);
        assert_eq!(prefix_list_id("eu-west-2", "s3").len(), 11);
        assert_eq!(pick("x", 0), 0);
        assert!(pick("x", 7) < 7);
    }
}
