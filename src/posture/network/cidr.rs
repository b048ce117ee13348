//! CIDR blocks as address ranges, for overlap checks.

use std::net::IpAddr;

/// An inclusive address range; IPv4 and IPv6 never overlap each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    v6: bool,
    start: u128,
    end: u128,
}

impl Block {
    pub fn parse(cidr: &str) -> Option<Block> {
        let (addr, len) = cidr.trim().split_once('/')?;
        let len: u32 = len.parse().ok()?;
        let (v6, bits, value) = match addr.parse::<IpAddr>().ok()? {
            IpAddr::V4(a) => (false, 32u32, u128::from(u32::from(a))),
            IpAddr::V6(a) => (true, 128u32, u128::from(a)),
        };
        if len > bits {
            return None;
        }
        let host_bits = bits - len;
        let mask = if host_bits >= 128 {
            u128::MAX
        } else {
            (1u128 << host_bits) - 1
        };
        let start = value & !mask;
        Some(Block {
            v6,
            start,
            end: start | mask,
        })
    }

    pub fn overlaps(&self, other: &Block) -> bool {
        self.v6 == other.v6 && self.start <= other.end && other.start <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: &str, b: &str) -> bool {
        match (Block::parse(a), Block::parse(b)) {
            (Some(a), Some(b)) => a.overlaps(&b),
            _ => false,
        }
    }

    #[test]
    fn overlaps_are_detected_exactly() {
        assert!(overlap("10.0.0.0/16", "10.0.128.0/17"));
        assert!(overlap("10.0.0.0/8", "10.200.0.0/16"));
        assert!(!overlap("10.0.0.0/16", "10.1.0.0/16"));
        assert!(overlap("0.0.0.0/0", "192.168.1.0/24"));
        assert!(overlap("2001:db8::/56", "2001:db8:0:10::/64"));
        assert!(!overlap("2001:db8::/56", "2001:db8:1::/56"));
        assert!(!overlap("10.0.0.0/16", "::/0"));
        assert!(Block::parse("10.0.0.0/33").is_none());
        assert!(Block::parse("nonsense").is_none());
    }
}
