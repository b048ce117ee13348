//! `a` on an Essential Eight requirement: a prompt for a status and a
//! note; Enter asks the runtime to append it to the local attestations
//! file (an effect, never AWS), and the answer re-assesses the posture.

use super::super::super::App;
use super::super::super::action::Effect;
use super::super::super::overlay::{ATTEST_STATUSES, AttestPrompt, Overlay};
use super::super::super::route::Route;
use crate::input::{Key, LineInput};
use crate::model::Attestation;
use crossterm::event::KeyCode;

/// Opens the prompt for the selected requirement.
pub(super) fn open(app: &mut App) {
    let Route::Requirement(v) = app.route() else {
        return;
    };
    let Some(req) = v.requirement(&app.posture) else {
        app.set_status("select a requirement first", true);
        return;
    };
    if app.attestations_path.is_none() {
        app.set_status(
            "no attestations file: this platform has no data directory (set RAMPART_DATA_DIR)",
            true,
        );
        return;
    }
    let (id, text) = (req.id.clone(), req.text.to_string());
    let status = req
        .attestation
        .as_ref()
        .map(|a| a.status)
        .unwrap_or(ATTEST_STATUSES[0]);
    let note = req
        .attestation
        .as_ref()
        .map(|a| a.note.as_str())
        .unwrap_or("");
    app.overlay = Some(Overlay::Attest(AttestPrompt {
        requirement_id: id,
        requirement_text: text,
        status,
        note: LineInput::new(note),
    }));
}

/// Keys while the prompt is open: Tab and the arrows pick the status,
/// text edits the note, Enter records, Esc cancels.
pub(in super::super) fn attest_key(app: &mut App, mut p: AttestPrompt, key: Key) -> Vec<Effect> {
    let step = |p: &mut AttestPrompt, by: usize| {
        let n = ATTEST_STATUSES.len();
        let i = ATTEST_STATUSES
            .iter()
            .position(|s| *s == p.status)
            .unwrap_or(0);
        p.status = ATTEST_STATUSES[(i + by) % n];
    };
    match key.code {
        KeyCode::Esc => {
            app.set_status("attestation not recorded", false);
            return Vec::new();
        }
        KeyCode::Enter => {
            let Some(path) = app.attestations_path.clone() else {
                return Vec::new();
            };
            let attestation = Attestation {
                requirement_id: p.requirement_id,
                status: p.status,
                note: p.note.text().trim().to_string(),
                by: app.reviewer.clone(),
                at: app.now(),
            };
            app.set_status("recording the attestation…", false);
            return vec![Effect::Attest { path, attestation }];
        }
        KeyCode::Tab | KeyCode::Down => step(&mut p, 1),
        KeyCode::BackTab | KeyCode::Up => step(&mut p, ATTEST_STATUSES.len() - 1),
        _ => {
            p.note.handle(key);
        }
    }
    app.overlay = Some(Overlay::Attest(p));
    Vec::new()
}

/// The runtime's answer: the attestation joins the estate and the posture
/// is assessed again; or the error is shown.
pub(in super::super) fn attested(
    app: &mut App,
    result: Result<Attestation, String>,
) -> Vec<Effect> {
    match result {
        Ok(a) => {
            let text = format!(
                "attested {}: {} (saved locally and in the session log)",
                a.requirement_id,
                a.status.as_str()
            );
            crate::app::live::note(app, text.clone(), true);
            // A copy, not `take_estate`: the views find their places (and
            // the session its new findings) against what is shown.
            let mut estate = app.loaded_estate();
            estate.attestations.push(a);
            app.set_estate(estate);
            app.set_status(text, false);
        }
        Err(e) => {
            let text = format!("attestation not saved: {e}");
            crate::app::live::note(app, text.clone(), false);
            app.set_status(text, true);
        }
    }
    Vec::new()
}
