//! `:diff`: what changed against `--baseline`, as one scrollable list
//! (only the visible rows are drawn), and the one-line summary the
//! overview shows. Every value from the data goes through `draw::put*`,
//! which sanitises it (finding titles are attacker-controlled).

use super::draw::{put, put_spans};
use super::status;
use super::table::{below, list};
use super::theme::{Role, Theme};
use super::widgets::severity_badge;
use crate::app::{App, DiffRow, Route, Section};
use crate::diff::{EstateDiff, FindingRef, ItemChange, ScoreDelta, Side};
use crate::model::DatasetKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// `vs baseline <captured>: +N new · M resolved · K changed · score X% (±d)`,
/// when a baseline is set and compared.
pub fn summary_line(app: &App) -> Option<String> {
    let d = app.baseline_diff()?;
    let f = &d.findings;
    let score = d.scores.first().map(|s| match s.delta {
        Some(delta) => format!(" · score {} ({delta:+})", s.new),
        None => format!(" · score {}", s.new),
    });
    Some(format!(
        "vs baseline {}: +{} new · {} resolved · {} changed{}",
        d.old.captured_at.format("%Y-%m-%d %H:%M UTC"),
        f.new.len(),
        f.resolved.len(),
        f.changed.len(),
        score.unwrap_or_default()
    ))
}

/// Draws the summary line on the first row of `area` when there is one;
/// returns the area left below it (all of `area` without a baseline).
pub fn summary(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) -> Rect {
    match summary_line(app) {
        Some(line) if area.height > 0 => {
            put(
                buf,
                area.x,
                area.y,
                &line,
                area.width,
                theme.style(Role::Accent),
            );
            below(area, 1)
        }
        _ => area,
    }
}

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Diff(v) = app.route() else {
        return;
    };
    let Some(d) = app.baseline_diff() else {
        let lines: &[&str] = if app.reference.is_some() {
            &["Comparing with the baseline when the data has loaded."]
        } else {
            &[
                "No baseline to compare with.",
                "",
                "Start rampart with --baseline FILE (a snapshot from `rampart capture`",
                "or any file --file opens) to see what changed since then:",
                "  rampart --file today.json --baseline last-week.json",
                "then press 8 (or :diff). `is:added` and `is:changed` filter the findings.",
            ]
        };
        for (i, line) in lines.iter().enumerate() {
            let y = area.y.saturating_add(1 + i as u16);
            let role = if i == 0 { Role::Title } else { Role::Text };
            put(
                buf,
                area.x + 2,
                y,
                line,
                area.width.saturating_sub(2),
                theme.style(role),
            );
        }
        return;
    };
    let body = summary(area, buf, app, theme);
    list(
        body,
        buf,
        app,
        &v.cursor,
        v.rows().len(),
        theme,
        |buf, i, r| {
            if let Some(row) = v.rows().get(i) {
                draw_row(buf, r, d, *row, theme);
            }
        },
    );
}

fn draw_row(buf: &mut Buffer, r: Rect, d: &EstateDiff, row: DiffRow, theme: &Theme) {
    let text = |role: Role| theme.style(role);
    match row {
        DiffRow::Blank => {}
        DiffRow::Side(now) => {
            let (label, s) = if now {
                ("now       ", &d.new)
            } else {
                ("baseline  ", &d.old)
            };
            let side = side(s);
            put_spans(
                buf,
                r.x,
                r.y,
                r.width,
                &[(label, text(Role::Label)), (&side, text(Role::Text))],
            );
        }
        DiffRow::Heading(s) => {
            let title = heading(d, s);
            put(buf, r.x, r.y, &title, r.width, text(Role::Heading));
        }
        DiffRow::Entry(s, i) => entry(buf, r, d, s, i, theme),
    }
}

fn side(s: &Side) -> String {
    let scope = |v: &[String], one: &str| match v {
        [] => format!("no {one}s"),
        [x] => x.clone(),
        v => format!("{} {one}s", v.len()),
    };
    format!(
        "{} · captured {} · {} · {}",
        s.origin,
        s.captured_at.format("%Y-%m-%d %H:%M UTC"),
        scope(&s.accounts, "account"),
        scope(&s.regions, "region")
    )
}

/// A section's title with its count, or why it is empty.
fn heading(d: &EstateDiff, s: Section) -> String {
    let skipped = |k: DatasetKind| d.not_compared.iter().any(|n| n.dataset == k);
    let n = s.len(d);
    let not_compared = match s {
        Section::Controls => skipped(DatasetKind::SecurityHubFindings),
        Section::Keys => skipped(DatasetKind::KmsKeys),
        Section::Alarms => skipped(DatasetKind::Alarms),
        _ => false,
    };
    let mut t = if not_compared {
        format!("{}: not compared (no data on one side)", s.title())
    } else if n == 0 {
        format!("{}: none", s.title())
    } else {
        format!("{} ({n})", s.title())
    };
    if s == Section::New && d.findings.not_compared > 0 {
        t.push_str(&format!(
            " · {} findings not compared (their source was not read on one side)",
            d.findings.not_compared
        ));
    }
    t
}

fn entry(buf: &mut Buffer, r: Rect, d: &EstateDiff, s: Section, i: usize, theme: &Theme) {
    let st = |role: Role| theme.style(role);
    let (x, w) = (r.x + 2, r.width.saturating_sub(2));
    let f = &d.findings;
    match s {
        Section::NotCompared => {
            if let Some(n) = d.not_compared.get(i) {
                let line = format!(
                    "{} — missing in {}: {}",
                    n.dataset.label(),
                    n.missing_in,
                    n.reason
                );
                put(buf, x, r.y, &line, w, st(Role::StatusNotAssessed));
            }
        }
        Section::Scores => {
            if let Some(sc) = d.scores.get(i) {
                score(buf, x, r.y, w, sc, theme);
            }
        }
        Section::Controls => {
            if let Some(c) = d.controls.get(i) {
                let (word, role) = c
                    .new
                    .map(status::control)
                    .unwrap_or(("absent", Role::StatusNotAssessed));
                let change = format!("  {}  ", c.describe());
                put_spans(
                    buf,
                    x,
                    r.y,
                    w,
                    &[
                        (&format!("{:<10}", c.control_id), st(Role::Label)),
                        (word, st(role)),
                        (&change, st(Role::Dim)),
                        (&c.title, st(Role::Text)),
                    ],
                );
            }
        }
        Section::New => {
            if let Some(n) = f.new.get(i) {
                let note = if n.reopened { "reopened" } else { "" };
                finding(buf, r, '+', &n.finding, note, theme);
            }
        }
        Section::Changed => {
            if let Some(c) = f.changed.get(i) {
                let what: Vec<String> = c.details.iter().map(|x| x.describe()).collect();
                finding(buf, r, '~', &c.finding, &what.join("; "), theme);
            }
        }
        Section::Resolved => {
            if let Some(x) = f.resolved.get(i) {
                finding(buf, r, '-', &x.finding, x.reason.as_str(), theme);
            }
        }
        Section::Keys => item(buf, r, d.keys.get(i), theme),
        Section::Network => item(buf, r, d.network.get(i), theme),
        Section::Alarms => item(buf, r, d.alarms.get(i), theme),
    }
}

fn score(buf: &mut Buffer, x: u16, y: u16, w: u16, s: &ScoreDelta, theme: &Theme) {
    let (delta, role) = match s.delta {
        Some(d) if d > 0 => (format!("({d:+})"), Role::StatusPassed),
        Some(d) if d < 0 => (format!("({d:+})"), Role::StatusFailed),
        Some(_) => ("(±0)".to_string(), Role::Dim),
        None => (String::new(), Role::Dim),
    };
    let nw = usize::from(w / 2).min(44);
    let name = crate::text::pad_to_width(&crate::text::sanitize_line(&s.standard, nw), nw);
    let values = format!("  {} → {}  ", s.old, s.new);
    put_spans(
        buf,
        x,
        y,
        w,
        &[
            (&name, theme.style(Role::Text)),
            (&values, theme.style(Role::Label)),
            (&delta, theme.style(role)),
        ],
    );
}

/// `+ H HIGH  note · title  account region` (what changed comes before
/// the title, which may be long).
fn finding(buf: &mut Buffer, r: Rect, sign: char, f: &FindingRef, note: &str, theme: &Theme) {
    let st = |role: Role| theme.style(role);
    let mut x = r.x + 2;
    let end = r.right();
    x += put(
        buf,
        x,
        r.y,
        &format!("{sign} "),
        end.saturating_sub(x),
        st(Role::Accent),
    );
    if x < end {
        x = x.saturating_add(severity_badge(buf, x, r.y, f.severity, theme) + 1);
    }
    let where_ = format!("  {} {}", f.account_id, f.region);
    let note = if note.is_empty() {
        String::new()
    } else {
        format!("{note} · ")
    };
    put_spans(
        buf,
        x.min(end),
        r.y,
        end.saturating_sub(x),
        &[
            (&note, st(Role::Label)),
            (&f.title, st(Role::Text)),
            (&where_, st(Role::Dim)),
        ],
    );
}

/// `~ kms_key alias/x (id) account region · rotation on → off`.
fn item(buf: &mut Buffer, r: Rect, c: Option<&ItemChange>, theme: &Theme) {
    let Some(c) = c else {
        return;
    };
    let st = |role: Role| theme.style(role);
    let name = match &c.name {
        Some(n) if n != &c.id => format!("{n} ({})", c.id),
        _ => c.id.clone(),
    };
    let what: Vec<String> = c.details.iter().map(|x| x.describe()).collect();
    let details = if what.is_empty() {
        String::new()
    } else {
        format!(" · {}", what.join("; "))
    };
    put_spans(
        buf,
        r.x + 2,
        r.y,
        r.width.saturating_sub(2),
        &[
            (
                &format!("{} {:<16} ", c.change.sign(), c.kind),
                st(Role::Accent),
            ),
            (&name, st(Role::Text)),
            (&details, st(Role::Label)),
            (&format!("  {} {}", c.account_id, c.region), st(Role::Dim)),
        ],
    );
}
