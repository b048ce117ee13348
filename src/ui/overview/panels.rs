//! The overview's inventory and dataset panels.

use super::super::draw::put;
use super::super::theme::{Role, Theme};
use super::super::widgets::section_title;
use super::{LABEL_W, status_role, status_word};
use crate::app::{App, KeyCounts, Summary};
use crate::model::{AlarmState, DatasetKind, DatasetStatus};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(super) fn inventory(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    section_title(buf, area, "Inventory", false, theme);
    let s: &Summary = &app.summary;
    let k = &s.keys;
    let alarms = AlarmState::ALL
        .iter()
        .zip(s.alarms)
        .map(|(st, n)| format!("{n} {}", st.as_str()))
        .collect::<Vec<_>>()
        .join(" · ");
    let rows = [
        ("KMS keys", DatasetKind::KmsKeys, key_line(k)),
        (
            "VPCs",
            DatasetKind::Vpcs,
            format!(
                "{} · {} subnets · {} security groups",
                s.vpcs, s.subnets, s.security_groups
            ),
        ),
        (
            "Endpoints",
            DatasetKind::VpcEndpoints,
            format!(
                "{} · {} gateway · {} interface{}",
                s.endpoints(),
                s.endpoints_gateway,
                s.endpoints_interface,
                if s.endpoints_other > 0 {
                    format!(" · {} other", s.endpoints_other)
                } else {
                    String::new()
                }
            ),
        ),
        (
            "Alarms",
            DatasetKind::Alarms,
            format!("{} · {alarms}", s.alarms.iter().sum::<usize>()),
        ),
    ];
    for (i, (label, kind, text)) in rows.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        put(buf, area.x, y, label, LABEL_W, theme.style(Role::Label));
        let st = app.estate.status(*kind);
        let x = area.x + LABEL_W;
        let w = area.right().saturating_sub(x);
        match &st {
            DatasetStatus::Loaded { .. } => {
                put(buf, x, y, text, w, theme.style(Role::Text));
            }
            DatasetStatus::Partial { .. } => {
                let used = put(buf, x, y, "! partial: ", w, theme.style(Role::LoadFailed));
                put(
                    buf,
                    x + used,
                    y,
                    text,
                    w.saturating_sub(used),
                    theme.style(Role::Text),
                );
            }
            other => {
                put(
                    buf,
                    x,
                    y,
                    &status_word(other),
                    w,
                    theme.style(status_role(other)),
                );
            }
        }
    }
}

pub(super) fn dataset_problems(app: &App) -> Vec<(DatasetKind, DatasetStatus)> {
    app.estate
        .statuses()
        .into_iter()
        .filter(|(_, s)| !s.is_complete())
        .collect()
}

/// Every dataset's state; `compact` lists only the ones not fully loaded.
pub(super) fn datasets(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme, compact: bool) {
    if area.height == 0 {
        return;
    }
    let all = app.estate.statuses();
    let ok = all.iter().filter(|(_, s)| s.is_complete()).count();
    let hidden = if compact { all.len() - ok } else { all.len() };
    let more = hidden.saturating_sub(usize::from(area.height.saturating_sub(1)));
    let title = match more {
        0 => format!("Datasets: {ok} of {} loaded", all.len()),
        n => format!(
            "Datasets: {ok} of {} loaded ({n} more not shown)",
            all.len()
        ),
    };
    section_title(buf, area, &title, false, theme);
    let now = app.now();
    let shown: Vec<&(DatasetKind, DatasetStatus)> = all
        .iter()
        .filter(|(_, s)| !compact || !s.is_complete())
        .collect();
    let label_w = 22u16;
    for (i, (kind, st)) in shown.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        put(
            buf,
            area.x,
            y,
            kind.label(),
            label_w,
            theme.style(Role::Label),
        );
        let text = match st {
            DatasetStatus::Loaded { at } => {
                let age = match super::super::ages::age(now, *at).as_str() {
                    "now" => "just now".to_string(),
                    a => format!("{a} ago"),
                };
                format!("✓ loaded {} ({age})", at.format("%Y-%m-%d %H:%M UTC"))
            }
            other => status_word(other),
        };
        let x = area.x + label_w;
        put(
            buf,
            x,
            y,
            &text,
            area.right().saturating_sub(x),
            theme.style(status_role(st)),
        );
    }
}

/// `36 (36 customer) · 34 enabled · 1 pending deletion · 1 rotation off`:
/// states with no key are left out.
fn key_line(k: &KeyCounts) -> String {
    let mut parts = vec![if k.customer == k.total {
        format!("{} customer", k.total)
    } else {
        format!("{} ({} customer)", k.total, k.customer)
    }];
    for (n, what) in [
        (k.enabled, "enabled"),
        (k.disabled, "disabled"),
        (k.pending_deletion, "pending deletion"),
        (k.other_state, "other state"),
        (k.rotation_off, "rotation off"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    parts.join(" · ")
}
