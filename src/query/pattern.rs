//! Case-insensitive needles and `*` globs.
//!
//! Needles are lower-cased once, when the query is parsed, so matching a
//! finding never allocates. ASCII needles (the usual case: ids, ARNs,
//! regions, types) compare ASCII-case-insensitively with a `memchr` scan for
//! the first byte; other needles compare by Unicode simple lower-casing,
//! character by character (an ASCII haystack is skipped at once: it cannot
//! hold a non-ASCII lower-case character).

/// A lower-cased string to look for.
#[derive(Debug, Clone)]
pub(super) struct Needle {
    lower: String,
    ascii: bool,
    /// For ASCII needles, the index of the byte least likely to occur in
    /// text: the scan looks for it, so fewer false starts are checked.
    rare: usize,
}

impl Needle {
    pub(super) fn new(text: &str) -> Needle {
        let lower = text.to_lowercase();
        let ascii = lower.is_ascii();
        let rare = lower
            .bytes()
            .enumerate()
            .min_by_key(|&(_, b)| commonness(b))
            .map_or(0, |(i, _)| i);
        Needle { lower, ascii, rare }
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
            !hay.is_ascii() && unicode_prefix_end(hay, &self.lower) == Some(hay.len())
        }
    }

    /// The byte offset just past the needle when `hay` starts with it.
    fn prefix_end(&self, hay: &str) -> Option<usize> {
        if self.ascii {
            let n = self.lower.len();
            let head = hay.as_bytes().get(..n)?;
            head.eq_ignore_ascii_case(self.lower.as_bytes())
                .then_some(n)
        } else if hay.is_ascii() {
            None
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
            !hay.is_ascii()
                && hay
                    .char_indices()
                    .any(|(i, _)| unicode_prefix_end(&hay[i..], &self.lower) == Some(hay.len() - i))
        }
    }

    /// The byte offset just past the leftmost occurrence in `hay`.
    fn find_end(&self, hay: &str) -> Option<usize> {
        if self.ascii {
            ascii_find(hay.as_bytes(), self.lower.as_bytes(), self.rare)
                .map(|start| start + self.lower.len())
        } else if hay.is_ascii() {
            None
        } else {
            let first = self.lower.chars().next()?;
            hay.char_indices()
                .filter(|&(_, c)| lower_starts_with(c, first))
                .find_map(|(i, _)| unicode_prefix_end(&hay[i..], &self.lower).map(|e| i + e))
        }
    }
}

/// True when the lower case of `c` begins with `first`.
fn lower_starts_with(c: char, first: char) -> bool {
    if c.is_ascii() {
        c.to_ascii_lowercase() == first
    } else {
        c.to_lowercase().next() == Some(first)
    }
}

/// How common a (lower-case) byte is in finding text; lower is rarer.
fn commonness(b: u8) -> usize {
    const LETTERS_RARE_FIRST: &[u8] = b"zqxjkvbpygfwmucldhrsnioate";
    match b {
        b'a'..=b'z' => 10 + 4 * LETTERS_RARE_FIRST.iter().position(|&l| l == b).unwrap_or(0),
        b'0'..=b'9' => 60,
        b' ' | b'-' | b':' | b'/' | b'.' | b'_' => 200,
        _ => 5,
    }
}

/// Leftmost start of the lower-case ASCII `needle` in `hay`, ignoring ASCII
/// case, scanning for the needle's byte at index `rare`. Bytes of
/// multi-byte characters are all >= 0x80, so they never match an ASCII
/// needle byte and every hit starts and ends on a char boundary.
fn ascii_find(hay: &[u8], needle: &[u8], rare: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    let &byte = needle.get(rare)?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let upper = byte.to_ascii_uppercase();
    // The rare byte of a match starting at s sits at s + rare.
    let end = last_start + rare;
    let mut pos = rare;
    while pos <= end {
        let window = &hay[pos..=end];
        let found = if upper == byte {
            memchr::memchr(byte, window)
        } else {
            memchr::memchr2(byte, upper, window)
        }?;
        let start = pos + found - rare;
        if hay[start..start + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(start);
        }
        pos += found + 1;
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
        // a repeated byte must not hide a later hit, wherever the rare byte is
        assert!(Needle::new("aab").is_in("aaaab"));
        assert!(Needle::new("zaa").is_in("zazaa"));
        assert!(Needle::new("a-z").is_in("a-a-z"));
        assert!(!Needle::new("xyz").is_in("xy"));
        assert!(Needle::new("xyz").is_in("xyz"));
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
