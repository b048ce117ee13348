//! Data age per dataset family, for the header.

use super::draw::put;
use super::theme::{Role, Theme};
use crate::app::{App, DataState};
use crate::model::{DatasetKind, DatasetStatus, Timestamp};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Families of datasets shown with their age in the header.
const FAMILIES: [(&str, &[DatasetKind]); 6] = [
    (
        "findings",
        &[
            DatasetKind::SecurityHubFindings,
            DatasetKind::GuardDutyFindings,
            DatasetKind::MacieFindings,
        ],
    ),
    ("controls", &[DatasetKind::Standards, DatasetKind::Controls]),
    ("kms", &[DatasetKind::KmsKeys]),
    ("network", &DatasetKind::NETWORK),
    ("logs", &[DatasetKind::LogGroups]),
    ("alarms", &[DatasetKind::Alarms]),
];

pub fn data_ages(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let base = theme.style(Role::Header);
    let mut x = put(buf, area.x, area.y, " data ", area.width, base) + area.x;
    if !matches!(app.data, DataState::Ready) {
        put(buf, x, area.y, "…", area.right().saturating_sub(x), base);
        return;
    }
    let now = app.now();
    for (name, kinds) in FAMILIES {
        let (text, role) = family_state(app, kinds, now);
        let piece = format!("{name} {text}");
        let end = area.right();
        if x >= end {
            break;
        }
        x += put(
            buf,
            x,
            area.y,
            &piece,
            end - x,
            theme.style(role).patch(bg_of(base)),
        );
        x += put(buf, x, area.y, "  ", end.saturating_sub(x), base);
    }
}

fn bg_of(style: ratatui::style::Style) -> ratatui::style::Style {
    match style.bg {
        Some(bg) => ratatui::style::Style::new().bg(bg),
        None => ratatui::style::Style::new(),
    }
}

/// A family of datasets in a few characters: a problem wins, else the age
/// of the oldest load, with `k/n` when only some were read at all.
fn family_state(app: &App, kinds: &[DatasetKind], now: Timestamp) -> (String, Role) {
    let mut oldest: Option<Timestamp> = None;
    let mut loaded = 0;
    let mut problem: Option<(String, Role)> = None;
    for k in kinds {
        match app.estate.status(*k) {
            DatasetStatus::Loaded { at } => {
                loaded += 1;
                oldest = Some(oldest.map_or(at, |o| o.min(at)));
            }
            DatasetStatus::Loading { .. } => {
                problem.get_or_insert(("loading".into(), Role::LoadBusy));
            }
            DatasetStatus::Partial { .. } => {
                problem.get_or_insert(("partial".into(), Role::LoadFailed));
            }
            DatasetStatus::Unavailable { reasons } => {
                let denied = reasons.iter().any(|r| r.contains("access denied"));
                let word = if denied { "denied" } else { "failed" };
                problem.get_or_insert((word.into(), Role::LoadFailed));
            }
            DatasetStatus::NotLoaded => {}
        }
    }
    match (problem, oldest) {
        (Some(p), _) => p,
        (None, Some(at)) if loaded == kinds.len() => (age(now, at), Role::LoadOk),
        (None, Some(at)) => (
            format!("{} ({loaded}/{})", age(now, at), kinds.len()),
            Role::LoadMissing,
        ),
        (None, None) => ("not loaded".into(), Role::LoadMissing),
    }
}

/// Compact age: `now`, `12m`, `5h`, `3d`.
pub fn age(now: Timestamp, at: Timestamp) -> String {
    let secs = (now - at).num_seconds();
    match secs {
        s if s < 60 => "now".to_string(),
        s if s < 3600 => format!("{}m", s / 60),
        s if s < 48 * 3600 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86_400),
    }
}
