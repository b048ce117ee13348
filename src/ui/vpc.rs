//! The VPC topology tree: region -> VPC (CIDR, classification, flow logs)
//! -> subnets (class, AZ, route table), then endpoints, security groups
//! (with internet exposures) and network ACLs. Findings on a node show as
//! a badge. The panel beside (or below) follows the selection: for a
//! subnet, the path out of it.

mod panel;
mod text;

use super::draw::{put, put_spans};
use super::table::{below, finding_badge, list, split};
use super::theme::{Role, Theme};
use crate::app::{App, Route};
use crate::model::DatasetKind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Vpc(v) = app.route() else {
        return;
    };
    let n = &app.posture.network;
    let line = format!(
        "{} VPCs · {} subnets · routes {} · enter/→ opens, ← closes, E all, f findings",
        app.estate.vpcs.len(),
        app.estate.subnets.len(),
        n.coverage.describe()
    );
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
        let st = app.estate.status(DatasetKind::Vpcs);
        super::table::empty_list(buf, body, theme, &st, "VPCs", "VPC");
        return;
    }
    let (tree_area, panel_area) = if body.width >= 120 {
        split(body, body.width * 65 / 100)
    } else {
        let h = body
            .height
            .saturating_sub(body.height / 3 + 1)
            .max(body.height.min(4));
        (Rect::new(body.x, body.y, body.width, h), below(body, h + 1))
    };
    list(
        tree_area,
        buf,
        app,
        &v.cursor,
        v.rows().len(),
        theme,
        |buf, i, r| {
            let Some(row) = v.rows().get(i) else { return };
            let indent = u16::from(row.depth) * 2;
            let mut x = r.x + indent.min(r.width);
            let marker = match (row.has_children, v.expanded.contains(&row.node)) {
                (false, _) => "  ",
                (true, true) => "▾ ",
                (true, false) => "▸ ",
            };
            x += put(
                buf,
                x,
                r.y,
                marker,
                r.right().saturating_sub(x),
                theme.style(Role::TreeGuide),
            );
            let badge = row
                .node
                .resource_id()
                .and_then(|id| app.xref.badge(&app.estate, &[id]));
            // Badges line up in the last columns of the tree.
            let badge_w: u16 = 8;
            let spans = text::node_spans(app, &row.node, r.width < 100);
            let styled: Vec<(&str, ratatui::style::Style)> = spans
                .iter()
                .map(|(t, role)| (t.as_str(), theme.style(*role)))
                .collect();
            put_spans(
                buf,
                x,
                r.y,
                r.right().saturating_sub(x + badge_w + 1),
                &styled,
            );
            if badge.is_some() && r.width > badge_w {
                finding_badge(buf, r.right() - badge_w, r.y, badge_w, badge, theme);
            }
        },
    );
    if let Some(row) = v.selected() {
        panel::render(panel_area, buf, app, &row.node, theme);
    }
}
