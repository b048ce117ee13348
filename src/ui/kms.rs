//! The KMS key list: per key its region, alias, purpose, state, manager,
//! spec, rotation and next date, days to deletion, the services admitted
//! by `kms:ViaService` and its findings. Columns drop on narrow screens.

use super::draw::{put, put_cell, put_right};
use super::table::{below, finding_badge, header, list};
use super::theme::{Role, Theme};
use crate::app::{App, Route};
use crate::model::{DatasetKind, KeyManager};
use crate::posture::kms::{KeyAnalysis, PolicyAnalysis};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Region,
    Alias,
    Purpose,
    State,
    Manager,
    Spec,
    Rotation,
    Deletion,
    Via,
    Findings,
}

impl Col {
    fn title(self) -> &'static str {
        match self {
            Col::Region => "REGION",
            Col::Alias => "ALIAS",
            Col::Purpose => "PURPOSE",
            Col::State => "STATE",
            Col::Manager => "MANAGER",
            Col::Spec => "SPEC",
            Col::Rotation => "ROTATION",
            Col::Deletion => "DELETES",
            Col::Via => "VIA SERVICE",
            Col::Findings => "FINDINGS",
        }
    }

    fn width(self) -> u16 {
        match self {
            Col::Region => 14,
            Col::Alias => 20,
            Col::Purpose => 12,
            Col::State => 15,
            Col::Manager => 8,
            Col::Spec => 17,
            Col::Rotation => 26,
            Col::Deletion => 8,
            Col::Via => 18,
            Col::Findings => 8,
        }
    }
}

/// Columns that fit `width`; alias and rotation take what is left.
fn columns(width: u16) -> Vec<(Col, u16)> {
    use Col::*;
    let mut cols = vec![
        Region, Alias, Purpose, State, Manager, Spec, Rotation, Deletion, Via, Findings,
    ];
    let need = |c: &[Col]| c.iter().map(|c| c.width() + 1).sum::<u16>();
    for drop in [Via, Spec, Purpose, Region, Manager, Deletion] {
        if need(&cols) <= width {
            break;
        }
        cols.retain(|c| *c != drop);
    }
    let spare = width.saturating_sub(need(&cols));
    cols.into_iter()
        .map(|c| {
            let extra = match c {
                Alias => spare / 2,
                Rotation => spare - spare / 2,
                _ => 0,
            };
            (c, c.width() + extra)
        })
        .collect()
}

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Kms(v) = app.route() else {
        return;
    };
    let k = &app.posture.kms;
    let s = &k.summary;
    let line = if k.coverage.is_assessed() {
        format!(
            "{} keys ({} customer) · rotation off {} · pending deletion {} · public {} · purpose drift {} · data {}",
            s.total,
            s.customer_managed,
            s.rotation_disabled,
            s.pending_deletion,
            s.public,
            s.purpose_drift,
            k.coverage.describe()
        )
    } else {
        format!("KMS keys {}", k.coverage.describe())
    };
    put(
        buf,
        area.x,
        area.y,
        &line,
        area.width,
        theme.style(Role::Dim),
    );
    let body = below(area, 1);
    if v.rows().is_empty() {
        let st = app.estate.status(DatasetKind::KmsKeys);
        super::table::empty_list(buf, body, theme, &st, "KMS keys", "key");
        return;
    }
    let cols = columns(body.width);
    let titles: Vec<(&str, u16)> = cols.iter().map(|(c, w)| (c.title(), *w)).collect();
    header(buf, body.x, body.y, &titles, theme);
    let rows = below(body, 1);
    list(
        rows,
        buf,
        app,
        &v.cursor,
        v.rows().len(),
        theme,
        |buf, i, r| {
            let Some(key) = v
                .rows()
                .get(i)
                .and_then(|k| app.estate.kms_keys.get(*k as usize))
            else {
                return;
            };
            let a = app
                .xref
                .key_analysis
                .get(&key.arn)
                .and_then(|i| app.posture.kms.keys.get(*i));
            let mut x = r.x;
            for (c, w) in &cols {
                cell(buf, x, r.y, *w, *c, key, a, app, theme);
                x = x.saturating_add(w + 1);
            }
        },
    );
}

#[allow(clippy::too_many_arguments)]
fn cell(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: u16,
    c: Col,
    key: &crate::model::KmsKey,
    a: Option<&KeyAnalysis>,
    app: &App,
    theme: &Theme,
) {
    let text = |buf: &mut Buffer, t: &str, role: Role| put_cell(buf, x, y, t, w, theme.style(role));
    match c {
        Col::Region => text(buf, &key.region, Role::Label),
        Col::Alias => text(buf, key.display_name(), Role::Text),
        Col::Purpose => {
            let p = a.map(|a| a.purposes.join(",")).unwrap_or_default();
            text(buf, if p.is_empty() { "-" } else { &p }, Role::Dim)
        }
        Col::State => {
            let role = match key.state {
                crate::model::KeyState::Enabled => Role::Text,
                crate::model::KeyState::PendingDeletion => Role::StatusFailed,
                _ => Role::StatusWarning,
            };
            text(buf, key.state.as_str(), role)
        }
        Col::Manager => text(
            buf,
            if key.manager == KeyManager::Customer {
                "customer"
            } else {
                "AWS"
            },
            Role::Dim,
        ),
        Col::Spec => text(buf, &key.spec, Role::Dim),
        Col::Rotation => match a {
            Some(a) => {
                let (t, bad) = crate::app::views::rotation_text(&a.rotation, true);
                text(buf, &t, if bad { Role::StatusFailed } else { Role::Text })
            }
            None => text(buf, "-", Role::Dim),
        },
        Col::Deletion => {
            let days = a.and_then(|a| a.pending_deletion.as_ref()).map(|p| {
                p.days_left
                    .map(|d| format!("{d}d"))
                    .unwrap_or_else(|| "?".into())
            });
            match days {
                Some(d) => put_right(buf, x, y, &d, w, theme.style(Role::StatusFailed)),
                None => put_right(buf, x, y, "-", w, theme.style(Role::Dim)),
            }
        }
        Col::Via => {
            let via = match a.map(|a| &a.policy) {
                Some(PolicyAnalysis::Analysed(r)) if r.via_services.is_empty() => "any".to_string(),
                Some(PolicyAnalysis::Analysed(r)) => r
                    .via_services
                    .iter()
                    .map(|s| crate::posture::kms::via_service_name(s))
                    .collect::<Vec<_>>()
                    .join(","),
                Some(PolicyAnalysis::NotRead) | None => "not read".to_string(),
                Some(PolicyAnalysis::Unparseable { .. }) => "unreadable".to_string(),
            };
            text(buf, &via, Role::Dim)
        }
        Col::Findings => {
            let badge = app.xref.badge(&app.estate, &[&key.arn, &key.key_id]);
            if finding_badge(buf, x, y, w, badge, theme) == 0 {
                put(buf, x, y, "-", w, theme.style(Role::Dim));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_and_keep_the_essentials() {
        for w in [20u16, 38, 78, 120, 158, 300] {
            let cols = columns(w);
            assert!(cols.iter().any(|(c, _)| *c == Col::Alias));
            assert!(cols.iter().any(|(c, _)| *c == Col::Rotation));
            if w >= 78 {
                let used: u16 = cols.iter().map(|(_, w)| w + 1).sum();
                assert!(used <= w + 1, "{w}: {cols:?}");
            }
        }
        assert_eq!(columns(158).len(), 10);
    }
}
