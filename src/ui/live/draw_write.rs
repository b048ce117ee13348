//! The write overlay: the choice (`w`), the note, the confirmation naming
//! every finding with its account and region, and the per-finding results.

use crate::app::WriteOverlay;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::theme::Theme;

#[cfg(not(feature = "writes"))]
pub fn render(_screen: Rect, _buf: &mut Buffer, w: &WriteOverlay, _theme: &Theme) {
    match *w {}
}

#[cfg(feature = "writes")]
pub fn render(screen: Rect, buf: &mut Buffer, w: &WriteOverlay, theme: &Theme) {
    imp::render(screen, buf, w, theme);
}

#[cfg(feature = "writes")]
mod imp {
    use super::super::super::draw::{centered, fill, put};
    use super::super::super::theme::{Role, Theme};
    use crate::app::WriteOverlay;
    use crate::aws::write::{WriteAction, WriteJob, WriteTarget};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Borders, Clear, Widget};
    use std::collections::BTreeMap;

    /// One line of the overlay: text and role.
    type Line = (String, Role);

    pub fn render(screen: Rect, buf: &mut Buffer, w: &WriteOverlay, theme: &Theme) {
        let (title, lines, keys) = match w {
            WriteOverlay::Choose { targets } => choose(targets),
            WriteOverlay::Note {
                status,
                targets,
                input,
            } => (
                " Note ".to_string(),
                vec![
                    (
                        format!(
                            "Security Hub workflow {} on {} finding(s).",
                            status.as_str(),
                            targets.len()
                        ),
                        Role::Title,
                    ),
                    (String::new(), Role::Text),
                    (
                        "A note for the finding history (optional):".into(),
                        Role::Label,
                    ),
                    (format!("> {}▏", input.text()), Role::Prompt),
                ],
                "enter continues to the confirmation · esc cancels",
            ),
            WriteOverlay::Confirm { job, skipped } => confirm(job, *skipped),
            WriteOverlay::Results { title, lines } => (
                format!(" {title} "),
                lines
                    .iter()
                    .map(|(ok, l)| {
                        if *ok {
                            (format!("ok    {l}"), Role::StatusPassed)
                        } else {
                            (format!("FAIL  {l}"), Role::StatusFailed)
                        }
                    })
                    .collect(),
                "esc closes",
            ),
        };
        let w = screen.width.saturating_sub(4).min(110);
        let h = (lines.len() as u16 + 4).min(screen.height.saturating_sub(2));
        let area = centered(screen, w, h);
        if area.width < 4 || area.height < 3 {
            return;
        }
        Clear.render(area, buf);
        fill(buf, area, theme.style(Role::Overlay));
        Block::new()
            .borders(Borders::ALL)
            .border_style(theme.style(Role::BorderFocus))
            .render(area, buf);
        put(
            buf,
            area.x + 2,
            area.y,
            &title,
            area.width - 4,
            theme.style(Role::Heading),
        );
        let inner = Rect::new(area.x + 2, area.y + 1, area.width - 4, area.height - 2);
        let room = usize::from(inner.height.saturating_sub(2));
        let cut = lines.len() > room;
        for (i, (text, role)) in lines.iter().take(room).enumerate() {
            let text = if cut && i + 1 == room {
                format!("… and {} more lines", lines.len() + 1 - room)
            } else {
                text.clone()
            };
            put(
                buf,
                inner.x,
                inner.y + i as u16,
                &text,
                inner.width,
                theme.style(*role),
            );
        }
        put(
            buf,
            inner.x,
            inner.bottom().saturating_sub(1),
            keys,
            inner.width,
            theme.style(Role::FooterKey),
        );
    }

    fn choose(targets: &[WriteTarget]) -> (String, Vec<Line>, &'static str) {
        let hub = targets.iter().filter(|t| t.securityhub.is_some()).count();
        let gd = targets.iter().filter(|t| t.guardduty_id.is_some()).count();
        let n = targets.len();
        let lines = vec![
            (format!("{n} finding(s) selected."), Role::Title),
            (String::new(), Role::Text),
            (
                format!("Security Hub workflow ({hub} of {n} read through Security Hub):"),
                Role::Label,
            ),
            (
                "  n  NOTIFIED    r  RESOLVED    s  SUPPRESSED".into(),
                Role::Text,
            ),
            (
                format!("GuardDuty ({gd} of {n} are GuardDuty findings):"),
                Role::Label,
            ),
            ("  a  archive     u  unarchive".into(), Role::Text),
            (String::new(), Role::Text),
            ("Nothing is sent before you confirm.".into(), Role::Dim),
        ];
        (
            " Write to AWS ".to_string(),
            lines,
            "n r s a u choose · esc cancels",
        )
    }

    fn confirm(job: &WriteJob, skipped: usize) -> (String, Vec<Line>, &'static str) {
        let n = job.targets.len();
        let mut lines: Vec<Line> = Vec::new();
        let what = match &job.action {
            WriteAction::Workflow { status, .. } => {
                format!(
                    "Set the Security Hub workflow status to {} on {n} finding(s)",
                    status.as_str()
                )
            }
            WriteAction::Archive => format!("Archive {n} GuardDuty finding(s)"),
            WriteAction::Unarchive => format!("Unarchive {n} GuardDuty finding(s)"),
        };
        lines.push((what, Role::Title));
        if let WriteAction::Workflow { note, .. } = &job.action {
            let note = if note.is_empty() {
                "(none)".to_string()
            } else {
                format!("\"{note}\"")
            };
            lines.push((format!("note: {note} · by {}", job.updated_by), Role::Text));
        }
        let (call, per) = match &job.action {
            WriteAction::Workflow { .. } => ("securityhub:BatchUpdateFindings", "100 findings"),
            WriteAction::Archive => (
                "guardduty:ArchiveFindings",
                "50 ids, per detector and region",
            ),
            WriteAction::Unarchive => (
                "guardduty:UnarchiveFindings",
                "50 ids, per detector and region",
            ),
        };
        let via = match (&job.action, &job.aggregator_region) {
            (WriteAction::Workflow { .. }, Some(r)) => format!(" in {r} (the aggregation region)"),
            _ => String::new(),
        };
        lines.push((
            format!("sent as {call}{via}, at most {per} a call"),
            Role::Dim,
        ));
        if skipped > 0 {
            lines.push((
                format!("{skipped} selected finding(s) do not apply and are left out"),
                Role::StatusWarning,
            ));
        }
        let mut scopes: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for t in &job.targets {
            *scopes
                .entry((t.account_id.as_str(), t.region.as_str()))
                .or_default() += 1;
        }
        let scope: Vec<String> = scopes
            .iter()
            .map(|((a, r), n)| format!("account {a} · {r}: {n}"))
            .collect();
        lines.push((scope.join("   "), Role::Label));
        lines.push((String::new(), Role::Text));
        for t in &job.targets {
            lines.push((
                format!(
                    "{} · {} {} · {}",
                    t.title, t.account_id, t.region, t.finding_id
                ),
                Role::Text,
            ));
        }
        (
            " Confirm the write ".to_string(),
            lines,
            "y sends · n or esc cancels (nothing is sent)",
        )
    }
}
