//! Breadcrumb labels of the posture views.

use crate::app::{App, Route};
use crate::posture::standard_name;
use crate::text::sanitize_line;

pub fn crumb(app: &App, r: &Route) -> String {
    let p = &app.posture;
    match r {
        Route::Standards(_) => "Standards".to_string(),
        Route::Controls(v) => match &v.standard {
            Some(s) => format!("Controls [{}]", sanitize_line(&standard_name(s), 40)),
            None => "Controls [all]".to_string(),
        },
        Route::E8(_) => "Essential Eight".to_string(),
        Route::Requirement(v) => match v.strategy_result(p) {
            Some(s) => format!("{} ML{}", s.name, v.level + 1),
            None => "Requirements".to_string(),
        },
        Route::Kms(_) => "KMS keys".to_string(),
        Route::Key(v) => {
            let name = app
                .estate
                .kms_keys
                .get(v.key)
                .map(|k| k.display_name())
                .unwrap_or("?");
            format!("Key {}", sanitize_line(name, 40))
        }
        Route::Vpc(v) => match v.selected().and_then(|r| r.node.resource_id()) {
            Some(id) => format!("VPC topology: {}", sanitize_line(id, 32)),
            None => "VPC topology".to_string(),
        },
        Route::Alarms(_) => "Alarms".to_string(),
        Route::Diff(_) => "What changed".to_string(),
        Route::Overview(_) => "Overview".to_string(),
        Route::Findings(_) => "Findings".to_string(),
        Route::Detail(_) => "Detail".to_string(),
        Route::Log(_) => "Log".to_string(),
    }
}
