//! Case-insensitive needles and `*` globs.
//!
//! Needles are lower-cased once, when the query is parsed, so matching a
//! finding never allocates. ASCII needles (the usual case: ids, ARNs,
//! regions, types) compare ASCII-case-insensitively with a `memchr` scan for
//! the first byte; other needles compare by Unicode simple lower-casing,
//! character by character.

/// A lower-cased string to look for.
#[derive(Debug, Clone)]
pub(super) struct Needle {
    lower: String,
    ascii: bool,
}

impl Needle {
    pub(super) fn new(text: &str) -> Needle {
        let lower = text.to_lowercase();
        let ascii = lower.is_ascii();
        Needle { lower, ascii }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// True when the needle occurs anywhere in `hay`.
    pub(super) fn is_in(&self, hay: &str) -> bool {
        self.find_end(hay).is_some()
    }

    /// True when `hay` equals the needle, ignoring case.
    pub(super) fn equals(&self, hay: &str) -> bool {
        if self.ascii {
            hay.len() == self.lower.len()
                && hay.as_bytes().eq_ignore_ascii_case(self.lower.as_bytes())
        } else {
            unicode_prefix_end(hay, &self.lower) == Some(hay.len())
        }
    }

    /// The byte offset just past the needle when `hay` starts with it.
    fn prefix_end(&self, hay: &str) -> Option<usize> {
        if self.ascii {
            let n = self.lower.len();
            let head = hay.as_bytes().get(..n)?;
            head.eq_ignore_ascii_case(self.lower.as_bytes())
                .then_some(n)
        } else {
            unicode_prefix_end(hay, &self.lower)
        }
    }

    /// True when `hay` ends with the needle.
    fn is_suffix_of(&self, hay: &str) -> bool {
        if self.ascii {
            let n = self.lower.len();
            hay.len() >= n
                && hay.as_bytes()[hay.len() - n..].eq_ignore_ascii_case(self.lower.as_bytes())
        } else {
            hay.char_indices()
                .any(|(i, _)| unicode_prefix_end(&hay[i..], &self.lower) == Some(hay.len() - i))
                || self.lower.is_empty()
        }
    }

    /// The byte offset just past the leftmost occurrence in `hay`.
    fn find_end(&self, hay: &str) -> Option<usize> {
        if self.ascii {
            ascii_find(hay.as_bytes(), self.lower.as_bytes()).map(|start| start + self.lower.len())
        } else {
            hay.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(hay.len()))
                .find_map(|i| unicode_prefix_end(&hay[i..], &self.lower).map(|e| i + e))
        }
    }
}

/// Leftmost start of the lower-case ASCII `needle` in `hay`, ignoring ASCII
/// case. Bytes of multi-byte characters are all >= 0x80, so they never match
/// an ASCII needle byte and every hit starts and ends on a char boundary.
fn ascii_find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    let upper = first.to_ascii_uppercase();
    let mut pos = 0;
    while pos <= last_start {
        let window = &hay[pos..=last_start];
        let found = if upper == first {
            memchr::memchr(first, window)
        } else {
            memchr::memchr2(first, upper, window)
        }?;
        let start = pos + found;
        if hay[start + 1..start + needle.len()].eq_ignore_ascii_case(rest) {
            return Some(start);
        }
        pos = start + 1;
    }
    None
}

/// When `hay` starts with `needle` (already lower-case) under simple
/// lower-casing, the byte offset in `hay` just past the match.
fn unicode_prefix_end(hay: &str, needle: &str) -> Option<usize> {
    let mut wanted = needle.chars().peekable();
    for (i, c) in hay.char_indices() {
        if wanted.peek().is_none() {
            return Some(i);
        }
        for lc in c.to_lowercase() {
            if wanted.next() != Some(lc) {
                return None;
            }
        }
    }
    wanted.peek().is_none().then_some(hay.len())
}

/// An anchored pattern where `*` stands for any run of characters.
#[derive(Debug, Clone)]
pub(super) struct Glob {
    /// The literal pieces between the stars; at least two.
    parts: Vec<Needle>,
}

impl Glob {
    fn new(pattern: &str) -> Glob {
        Glob {
            parts: pattern.split('*').map(Needle::new).collect(),
        }
    }

    fn matches(&self, hay: &str) -> bool {
        let Some((first, rest)) = self.parts.split_first() else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            return first.equals(hay);
        };
        let Some(mut pos) = first.prefix_end(hay) else {
            return false;
        };
        for part in middle.iter().filter(|p| !p.is_empty()) {
            let Some(tail) = hay.get(pos..) else {
                return false;
            };
            match part.find_end(tail) {
                Some(end) => pos += end,
                None => return false,
            }
        }
        hay.get(pos..).is_some_and(|tail| last.is_suffix_of(tail))
    }
}

/// How a field value is compared with a string of the finding.
#[derive(Debug, Clone)]
pub(super) enum Pattern {
    /// Whole-string equality, ignoring case.
    Exact(Needle),
    /// Substring, ignoring case.
    Contains(Needle),
    /// Anchored `*` glob, ignoring case.
    Glob(Glob),
}

impl Pattern {
    /// A glob when the value holds `*`, else whole-string equality.
    pub(super) fn exact_or_glob(value: &str) -> Pattern {
        if value.contains('*') {
            Pattern::Glob(Glob::new(value))
        } else {
            Pattern::Exact(Needle::new(value))
        }
    }

    /// A glob when the value holds `*`, else a substring search.
    pub(super) fn contains_or_glob(value: &str) -> Pattern {
        if value.contains('*') {
            Pattern::Glob(Glob::new(value))
        } else {
            Pattern::Contains(Needle::new(value))
        }
    }

    pub(super) fn matches(&self, hay: &str) -> bool {
        match self {
            Pattern::Exact(n) => n.equals(hay),
            Pattern::Contains(n) => n.is_in(hay),
            Pattern::Glob(g) => g.matches(hay),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_needles_ignore_case_anywhere() {
        let n = Needle::new("PortProbe");
        assert!(n.is_in("Recon:EC2/PORTPROBEUnprotectedPort"));
        assert!(n.is_in("portprobe"));
        assert!(!n.is_in("portprob"));
        assert!(!n.is_in(""));
        assert!(Needle::new("").is_in("anything"));
        // a repeated first byte must not hide a later hit
        assert!(Needle::new("aab").is_in("aaaab"));
        // non-ASCII haystack around an ASCII needle
        assert!(Needle::new("key").is_in("ключ KEY ключ"));
    }

    #[test]
    fn unicode_needles_lower_case_both_sides() {
        let n = Needle::new("ÉTÉ");
        assert!(n.is_in("un été chaud"));
        assert!(n.is_in("UN ÉTÉ"));
        assert!(!n.is_in("ete"));
        assert!(Needle::new("Σ").equals("σ"));
        assert!(!Needle::new("ü").equals("üü"));
    }

    #[test]
    fn equality_is_whole_string() {
        let n = Needle::new("eu-west-2");
        assert!(n.equals("EU-WEST-2"));
        assert!(!n.equals("eu-west-21"));
        assert!(!n.equals("eu-west-"));
    }

    #[test]
    fn globs_are_anchored() {
        let p = Pattern::exact_or_glob("Recon*");
        assert!(p.matches("Recon:EC2/PortProbeUnprotectedPort"));
        assert!(p.matches("recon"));
        assert!(!p.matches("UnauthorizedAccess:Recon"));

        let p = Pattern::exact_or_glob("*:EC2/*Port");
        assert!(p.matches("Recon:EC2/PortProbeUnprotectedPort"));
        assert!(!p.matches("Recon:EC2/PortProbeUnprotectedPorts"));

        let p = Pattern::exact_or_glob("a*b*c");
        assert!(p.matches("abc"));
        assert!(p.matches("a-b-b-c"));
        assert!(!p.matches("acb"));
        // overlapping prefix and suffix must not share characters
        assert!(!Pattern::exact_or_glob("ab*ba").matches("aba"));
        assert!(Pattern::exact_or_glob("ab*ba").matches("abba"));

        assert!(Pattern::exact_or_glob("*").matches(""));
        assert!(Pattern::exact_or_glob("**").matches("x"));
        assert!(Pattern::exact_or_glob("kms.*").matches("KMS.4"));
        assert!(Pattern::exact_or_glob("é*É").matches("éxyzé"));
        assert!(!Pattern::exact_or_glob("é*É").matches("é"));
    }

    #[test]
    fn contains_or_glob_picks_by_star() {
        assert!(Pattern::contains_or_glob("bucket").matches("arn:aws:s3:::my-BUCKET-logs"));
        assert!(!Pattern::contains_or_glob("*bucket").matches("arn:aws:s3:::my-bucket-logs"));
        assert!(Pattern::contains_or_glob("*logs").matches("arn:aws:s3:::my-bucket-logs"));
    }
}
