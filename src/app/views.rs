//! State of the posture views: standards and controls, the Essential
//! Eight, KMS keys, the VPC topology and alarms. Each keeps only indices,
//! ids and a cursor; rows are rebuilt when the estate changes.

mod alarms;
mod controls;
mod e8;
mod kms;
mod scroll;
mod vpc;

pub use alarms::{AlarmRow, AlarmsView};
pub use controls::{ControlsView, StandardsView, natural};
pub use e8::{E8View, LEVELS, ReqItem, RequirementView};
pub use kms::{KeyLine, KeyView, KmsView, policy_lines, rotation_text};
pub use scroll::Scroll;
pub use vpc::{TreeRow, VpcView};

use super::App;
use super::route::Route;

/// A view of the navigation stack after the estate changed: rows rebuilt
/// and the selection kept where it can be; `None` drops a view whose
/// subject is gone (a deleted key).
pub(super) fn refresh(route: Route, app: &App) -> Option<Route> {
    let (estate, posture, xref) = (&app.estate, &app.posture, &app.xref);
    Some(match route {
        Route::Standards(mut v) => {
            v.cursor.clamp(StandardsView::len(posture));
            Route::Standards(v)
        }
        Route::Controls(mut v) => {
            v.refresh(posture);
            Route::Controls(v)
        }
        Route::E8(v) => Route::E8(v),
        Route::Requirement(mut v) => {
            v.refresh(posture);
            Route::Requirement(v)
        }
        Route::Kms(mut v) => {
            v.refresh(estate);
            Route::Kms(v)
        }
        Route::Key(v) => {
            let key = xref.key(&v.arn)?;
            let mut fresh = KeyView::new(estate, posture, xref, key)?;
            fresh.scroll.offset = v.scroll.offset;
            Route::Key(Box::new(fresh))
        }
        // A tree opened before any VPC was known starts over with the
        // default expansion; otherwise it keeps what the user opened.
        Route::Vpc(v) if v.expanded.is_empty() => {
            Route::Vpc(Box::new(VpcView::new(estate, posture, xref)))
        }
        Route::Vpc(mut v) => {
            v.refresh(estate);
            Route::Vpc(v)
        }
        Route::Alarms(mut v) => {
            v.refresh(estate);
            Route::Alarms(v)
        }
        other => other,
    })
}
