//! The report as GitHub-flavoured Markdown. Every value from the estate is
//! sanitised and escaped, so a hostile finding title cannot inject markup,
//! HTML or terminal controls.

use super::doc::{Block, Cell};
use crate::text::sanitize;
use std::fmt::Write as _;

/// Escapes text for a paragraph or table cell. Escaped text never starts a
/// line (it sits in a cell or after other text), so line-start markers
/// (`#`, `-`, `1.`) need no escaping.
pub fn escape(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len() + 8);
    let chars: Vec<char> = clean.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // `_` inside a word (`INSUFFICIENT_DATA`) never emphasises.
        let inner = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '_' if inner(i.checked_sub(1)) && inner(Some(i + 1)) => out.push(c),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => escape(s),
        Cell::Code(s) => {
            let clean = sanitize(s);
            // A code span cannot hold a backtick or (in a table) a pipe.
            if clean.is_empty() || clean.contains(['`', '|']) {
                escape(&clean)
            } else {
                format!("`{clean}`")
            }
        }
        Cell::Sev(s) => s.as_str().to_string(),
    }
}

pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    escape(text)
                );
            }
            Block::Para(text) => {
                let _ = writeln!(out, "{}\n", escape(text));
            }
            Block::Table { headers, rows } => {
                let _ = writeln!(out, "| {} |", headers.join(" | "));
                let _ = writeln!(out, "|{}", " --- |".repeat(headers.len()));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(cell).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
                out.push('\n');
            }
        }
    }
    out
}
