//! The report as one self-contained HTML file: inline CSS, no scripts, no
//! external resources (a Content-Security-Policy forbids loading anything),
//! every value HTML-escaped after sanitising.

use super::doc::{Block, Cell};
use crate::model::Severity;
use crate::text::sanitize;
use std::fmt::Write as _;

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1b1f24;background:#fff;line-height:1.4}\
h1{font-size:1.6rem;border-bottom:2px solid #1b1f24;padding-bottom:.3rem}\
h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}\
h3{font-size:1.05rem;margin-top:1.2rem}\
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem}\
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}\
th{background:#f6f8fa}\
tr:nth-child(even) td{background:#fbfcfd}\
code{font-family:ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace;font-size:.8rem;word-break:break-all}\
.sev{display:inline-block;min-width:6.5rem;padding:0 .35rem;border-radius:3px;font-weight:600}\
.sev-critical{background:#8b0000;color:#fff}.sev-high{background:#d1242f;color:#fff}\
.sev-medium{background:#f5a623;color:#1b1f24}.sev-low{background:#dbe9f6;color:#1b1f24}\
.sev-informational{background:#eaeef2;color:#1b1f24}\
@media print{body{margin:0}h2{page-break-after:avoid}}";

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => escape(s),
        Cell::Code(s) => format!("<code>{}</code>", escape(s)),
        Cell::Sev(s) => severity(*s),
    }
}

/// A badge that reads without colour: letter and word.
fn severity(s: Severity) -> String {
    format!(
        "<span class=\"sev sev-{}\">{} {}</span>",
        s.as_str(),
        s.letter(),
        s.as_str()
    )
}

pub fn render(title: &str, blocks: &[Block]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    for b in blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::Table { headers, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in headers {
                    let _ = write!(out, "<th>{}</th>", escape(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for c in r {
                        let _ = write!(out, "<td>{}</td>", cell(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
