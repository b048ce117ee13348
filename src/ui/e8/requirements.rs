//! One cell of the Essential Eight grid: its requirements, each followed
//! by the controls that give AWS evidence for it; the selected
//! requirement's evidence, source mapping and attestation beside or below.

use super::super::draw::{put, put_cell, wrap};
use super::super::status;
use super::super::table::{below, list, split};
use super::super::theme::{Role, Theme};
use super::super::widgets::section_title;
use crate::app::views::ReqItem;
use crate::app::{App, RequirementView, Route};
use crate::posture::Posture;
use crate::posture::e8::{
    Basis, Confidence, ControlEvidence, MatchKind, RequirementResult, StrategySource,
};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render_requirements(area: Rect, buf: &mut Buffer, app: &App, theme: &Theme) {
    let Route::Requirement(v) = app.route() else {
        return;
    };
    let p = &app.posture;
    let (Some(s), Some(level)) = (v.strategy_result(p), v.level_result(p)) else {
        return;
    };
    let (word, _) = status::level(level.status);
    let line = format!(
        "{} · ML{} · {word} · enter opens findings · a attests · f findings",
        s.name,
        level.level.number()
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
    if v.items().is_empty() {
        let msg = level
            .note
            .as_deref()
            .unwrap_or("No requirements at this level.");
        put(
            buf,
            body.x + 2,
            body.y + 1,
            msg,
            body.width.saturating_sub(2),
            theme.style(Role::Title),
        );
        return;
    }
    let (list_area, detail) = if body.width >= 120 {
        let (l, r) = split(body, body.width / 2);
        (l, r)
    } else {
        let h = (v.items().len() as u16 + 1)
            .min(body.height / 2)
            .max(body.height.min(3));
        (Rect::new(body.x, body.y, body.width, h), below(body, h + 1))
    };
    items(list_area, buf, app, v, theme);
    if let Some(r) = v.requirement(p) {
        requirement_detail(detail, buf, p, r, theme);
    }
}

fn items(area: Rect, buf: &mut Buffer, app: &App, v: &RequirementView, theme: &Theme) {
    let p = &app.posture;
    let Some(level) = v.level_result(p) else {
        return;
    };
    list(
        area,
        buf,
        app,
        &v.cursor,
        v.items().len(),
        theme,
        |buf, i, r| match v.items().get(i) {
            Some(ReqItem::Requirement(n)) => {
                let Some(req) = level.requirements.get(*n) else {
                    return;
                };
                let (word, role) = status::requirement(req.status);
                put_cell(buf, r.x, r.y, word, 18, theme.style(role));
                put(
                    buf,
                    r.x + 19,
                    r.y,
                    req.text,
                    r.width.saturating_sub(19),
                    theme.style(Role::Title),
                );
            }
            Some(ReqItem::Evidence(n, e)) => {
                let Some(ev) = level.requirements.get(*n).and_then(|q| q.evidence.get(*e)) else {
                    return;
                };
                evidence_row(buf, r, ev, theme);
            }
            None => {}
        },
    );
}

fn evidence_row(buf: &mut Buffer, r: Rect, ev: &ControlEvidence, theme: &Theme) {
    let mut x = r.x + 2;
    x += put(buf, x, r.y, "↳ ", 2, theme.style(Role::TreeGuide));
    put_cell(buf, x, r.y, &ev.control_id, 14, theme.style(Role::Accent));
    x += 15;
    let (word, role) = match ev.status {
        Some(s) => status::control(s),
        None => ("– not known", Role::StatusNotAssessed),
    };
    put_cell(buf, x, r.y, word, 11, theme.style(role));
    x += 12;
    let n = ev.failed_finding_ids.len();
    let text = if n == 0 {
        String::new()
    } else {
        format!("{n} failed finding{}", if n == 1 { "" } else { "s" })
    };
    put(
        buf,
        x,
        r.y,
        &text,
        r.right().saturating_sub(x),
        theme.style(Role::StatusFailed),
    );
}

fn source_label(s: StrategySource) -> &'static str {
    match s {
        StrategySource::AwsTable => "AWS conformance pack table",
        StrategySource::PrescriptiveGuidance => "AWS Prescriptive Guidance",
        StrategySource::Inferred => "rampart's inference (not AWS)",
    }
}

fn confidence_label(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

fn match_label(m: MatchKind) -> &'static str {
    match m {
        MatchKind::Exact => "checks the rule exactly",
        MatchKind::Related => "related check",
        MatchKind::None => "no Security Hub control",
    }
}

fn basis_label(b: Basis) -> &'static str {
    match b {
        Basis::Measured => "measured from AWS",
        Basis::Attested => "attested",
        Basis::MeasuredAndAttested => "measured and attested",
        Basis::None => "no evidence yet",
    }
}

fn requirement_detail(
    area: Rect,
    buf: &mut Buffer,
    _p: &Posture,
    r: &RequirementResult,
    theme: &Theme,
) {
    if area.height == 0 {
        return;
    }
    section_title(buf, area, &r.id, false, theme);
    let mut lines: Vec<(String, Role)> = Vec::new();
    let w = usize::from(area.width);
    for l in wrap(r.text, w, 4) {
        lines.push((l, Role::Title));
    }
    let (word, role) = status::requirement(r.status);
    lines.push((format!("Status: {word} ({})", basis_label(r.basis)), role));
    if let Some(m) = r.measured {
        lines.push((
            format!("AWS evidence alone: {}", status::requirement(m).0),
            Role::Text,
        ));
    }
    if !r.aws_scope.is_empty() {
        lines.push((format!("AWS covers: {}", r.aws_scope), Role::Dim));
    }
    if r.evidence.is_empty() {
        lines.push((
            "Not assessable from AWS: only an attestation can show it.".into(),
            Role::StatusNotAssessed,
        ));
    }
    for e in &r.evidence {
        lines.push((
            format!(
                "{} ← {} · {} · {} confidence · {}",
                e.control_id,
                e.config_rule,
                source_label(e.strategy_source),
                confidence_label(e.confidence),
                match_label(e.match_kind)
            ),
            Role::Dim,
        ));
    }
    match &r.attestation {
        Some(a) => lines.push((
            format!(
                "Attested {} by {} on {}: {}",
                a.status.as_str(),
                a.by,
                a.at.format("%Y-%m-%d"),
                if a.note.is_empty() {
                    "(no note)"
                } else {
                    &a.note
                }
            ),
            Role::Accent,
        )),
        None => lines.push((
            "No attestation (a records one, kept locally)".into(),
            Role::Dim,
        )),
    }
    if r.conflict {
        lines.push((
            "Conflict: attested met, but a mapped control failed".into(),
            Role::StatusFailed,
        ));
    }
    if !r.note.is_empty() {
        lines.push((r.note.clone(), Role::Dim));
    }
    for (i, (text, role)) in lines.iter().enumerate() {
        let y = area.y + 1 + i as u16;
        if y >= area.bottom() {
            break;
        }
        put(buf, area.x, y, text, area.width, theme.style(*role));
    }
}
