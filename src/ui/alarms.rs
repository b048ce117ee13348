//! Alarms grouped by state (ALARM first) with namespace, metric,
//! threshold, reason, since when and actions; and the CIS security-alarm
//! coverage panel (Security Hub CloudWatch.1-14).

use super::ages::age;
use super::draw::{put, put_cell, put_right};
use super::status;
use super::table::{below, header, list, split};
use super::theme::{Role, Theme};
use super::widgets::section_title;
use crate::app::views::AlarmRow;
use crate::app::{App, Route};
use crate::model::{Alarm, DatasetKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Alarms(v) = app.route() else {
        return;
    };
    let c = &app.posture.alarms;
    let line = if !c.coverage.is_assessed() {
        format!("Alarms {}", c.coverage.describe())
    } else {
        format!(
            "{} alarms · {} ALARM · {} INSUFFICIENT_DATA · {} OK · {} notify nobody · {} stuck · data {}",
            c.total,
            c.states.alarm,
            c.states.insufficient_data,
            c.states.ok,
            c.without_actions.len(),
            c.stuck_insufficient_data.len(),
            c.coverage.describe()
        )
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
    let (table, cis) = if body.width >= 120 {
        split(body, body.width * 70 / 100)
    } else {
        let h = body.height.saturating_sub(6).max(body.height / 2);
        (Rect::new(body.x, body.y, body.width, h), below(body, h + 1))
    };
    if v.rows().is_empty() {
        let st = app.estate.status(DatasetKind::Alarms);
        super::table::empty_list(buf, table, theme, &st, "alarms", "alarm");
    } else {
        alarm_table(table, buf, app, theme);
    }
    coverage(cis, buf, app, theme, body.width >= 120);
}

fn alarm_table(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Alarms(v) = app.route() else {
        return;
    };
    let wide = area.width >= 90;
    let fixed: u16 = if wide {
        16 + 1 + 14 + 1 + 6 + 1 + 9 + 1
    } else {
        14 + 1 + 6 + 1 + 9 + 1
    };
    let flex = area.width.saturating_sub(fixed);
    let name_w = flex / 2;
    let metric_w = if wide { flex * 2 / 10 } else { 0 };
    let reason_w = flex.saturating_sub(name_w + metric_w + u16::from(wide));
    let mut cols = vec![("NAME", name_w)];
    if wide {
        cols.push(("NAMESPACE", 16));
        cols.push(("METRIC", metric_w));
    }
    cols.extend([
        ("THRESHOLD", 14),
        ("SINCE", 6),
        ("ACTIONS", 9),
        ("REASON", reason_w),
    ]);
    header(buf, area.x, area.y, &cols, theme);
    let now = app.now();
    list(
        below(area, 1),
        buf,
        app,
        &v.cursor,
        v.rows().len(),
        theme,
        |buf, i, r| match v.rows().get(i) {
            Some(AlarmRow::Header(state, n)) => {
                let (word, role) = status::alarm(*state);
                put(
                    buf,
                    r.x,
                    r.y,
                    &format!("{word} ({n})"),
                    r.width,
                    theme.style(role),
                );
            }
            Some(AlarmRow::Alarm(a)) => {
                if let Some(a) = app.estate.alarms.get(*a) {
                    alarm_row(buf, r, a, &cols, now, theme);
                }
            }
            None => {}
        },
    );
}

fn threshold(a: &Alarm) -> String {
    let op = match a.comparison.as_str() {
        "GreaterThanOrEqualToThreshold" => ">=",
        "GreaterThanThreshold" => ">",
        "LessThanThreshold" => "<",
        "LessThanOrEqualToThreshold" => "<=",
        "" => "",
        other => other,
    };
    match a.threshold {
        Some(t) => format!("{op} {t}"),
        None => "anomaly band".to_string(),
    }
}

fn alarm_row(
    buf: &mut Buffer,
    r: Rect,
    a: &Alarm,
    cols: &[(&str, u16)],
    now: crate::model::Timestamp,
    theme: &Theme,
) {
    let mut x = r.x + 2;
    for (title, w) in cols {
        let w = if x == r.x + 2 {
            w.saturating_sub(2)
        } else {
            *w
        };
        match *title {
            "NAME" => put_cell(buf, x, r.y, &a.name, w, theme.style(Role::Text)),
            "NAMESPACE" => put_cell(buf, x, r.y, &a.namespace, w, theme.style(Role::Dim)),
            "METRIC" => put_cell(buf, x, r.y, &a.metric_name, w, theme.style(Role::Label)),
            "THRESHOLD" => put_cell(buf, x, r.y, &threshold(a), w, theme.style(Role::Text)),
            "SINCE" => {
                let since = a
                    .state_updated
                    .map(|t| age(now, t))
                    .unwrap_or_else(|| "-".into());
                put_right(buf, x, r.y, &since, w, theme.style(Role::Dim));
            }
            "ACTIONS" => {
                let n =
                    a.alarm_actions.len() + a.ok_actions.len() + a.insufficient_data_actions.len();
                let (t, role) = if !a.actions_enabled {
                    ("! off".to_string(), Role::StatusWarning)
                } else if n == 0 {
                    ("! none".to_string(), Role::StatusWarning)
                } else {
                    (n.to_string(), Role::Text)
                };
                put_cell(buf, x, r.y, &t, w, theme.style(role));
            }
            _ => put_cell(buf, x, r.y, &a.state_reason, w, theme.style(Role::Dim)),
        }
        x = x.saturating_add(w + 1);
    }
}

fn coverage(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme, wide: bool) {
    if area.height == 0 {
        return;
    }
    let c = &app.posture.alarms;
    let present = c.cis.iter().filter(|x| !x.alarms.is_empty()).count();
    let title = if c.coverage.is_assessed() {
        format!("CIS security alarms: {present} of {} present", c.cis.len())
    } else {
        "CIS security alarms".to_string()
    };
    section_title(buf, area, &title, false, theme);
    let mut y = area.y + 1;
    if !c.coverage.is_assessed() {
        put(
            buf,
            area.x,
            y,
            &c.coverage.describe(),
            area.width,
            theme.style(Role::StatusNotAssessed),
        );
        return;
    }
    if !c.accounts_not_read.is_empty() && y < area.bottom() {
        let text = format!(
            "not judged (alarms not read): {}",
            c.accounts_not_read.join(", ")
        );
        put(
            buf,
            area.x,
            y,
            &text,
            area.width,
            theme.style(Role::StatusNotAssessed),
        );
        y += 1;
    }
    if !wide {
        let missing: Vec<&str> = c
            .cis
            .iter()
            .filter(|x| x.alarms.is_empty())
            .map(|x| x.control_id)
            .collect();
        let text = if missing.is_empty() {
            "every CIS alarm exists".to_string()
        } else {
            format!("missing: {}", missing.join(", "))
        };
        put(
            buf,
            area.x,
            y,
            &text,
            area.width,
            theme.style(Role::StatusFailed),
        );
        return;
    }
    for cis in &c.cis {
        if y >= area.bottom() {
            break;
        }
        let (mark, role) = match cis.state {
            None => ("✗ missing", Role::StatusFailed),
            Some(s) => status::alarm(s),
        };
        put_cell(
            buf,
            area.x,
            y,
            cis.control_id,
            14,
            theme.style(Role::Accent),
        );
        put_cell(buf, area.x + 14, y, mark, 12, theme.style(role));
        let mut text = cis.name.to_string();
        if !cis.missing_in_accounts.is_empty() {
            text.push_str(&format!(
                " (missing in {})",
                cis.missing_in_accounts.join(", ")
            ));
        }
        put(
            buf,
            area.x + 27,
            y,
            &text,
            area.width.saturating_sub(27),
            theme.style(Role::Text),
        );
        y += 1;
    }
}
