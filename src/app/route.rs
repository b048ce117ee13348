//! The navigation stack's entries: one per view, each owning its state so
//! that going back restores scroll, filter and selection.

use super::compare::DiffView;
use super::cursor::ListCursor;
use super::detail::DetailView;
use super::findings::FindingsView;
use super::live::LogView;
use super::views::{
    AlarmsView, ControlsView, E8View, KeyView, KmsView, RequirementView, StandardsView, VpcView,
};
use crate::input::ViewKind;
use crate::model::Severity;

pub enum Route {
    Overview(OverviewView),
    Findings(Box<FindingsView>),
    Detail(Box<DetailView>),
    /// `:log`: the session's AWS calls and local actions.
    Log(Box<LogView>),
    Standards(Box<StandardsView>),
    Controls(Box<ControlsView>),
    E8(Box<E8View>),
    Requirement(Box<RequirementView>),
    Kms(Box<KmsView>),
    Key(Box<KeyView>),
    Vpc(Box<VpcView>),
    Alarms(Box<AlarmsView>),
    /// `:diff`: what changed against `--baseline`.
    Diff(Box<DiffView>),
}

impl Route {
    pub fn kind(&self) -> ViewKind {
        match self {
            Route::Overview(_) => ViewKind::Overview,
            Route::Findings(_) => ViewKind::Findings,
            Route::Detail(_) => ViewKind::Detail,
            Route::Log(_) => ViewKind::Log,
            Route::Standards(_) => ViewKind::Standards,
            Route::Controls(_) => ViewKind::Controls,
            Route::E8(_) => ViewKind::E8,
            Route::Requirement(_) => ViewKind::Requirement,
            Route::Kms(_) => ViewKind::Kms,
            Route::Key(_) => ViewKind::Key,
            Route::Vpc(_) => ViewKind::Vpc,
            Route::Alarms(_) => ViewKind::Alarms,
            Route::Diff(_) => ViewKind::Diff,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OverviewPanel {
    #[default]
    Grid,
    Newest,
}

/// The overview's selection: a grid cell or a row of the newest list.
#[derive(Debug, Default)]
pub struct OverviewView {
    pub focus: OverviewPanel,
    /// Grid row: a source, or the "all sources" row after the last source.
    pub row: usize,
    /// Grid column: a severity in `Severity::ALL` order, or the total (5).
    pub col: usize,
    pub newest: ListCursor,
}

/// Grid columns: the five severities and the total.
pub const GRID_COLS: usize = 6;

impl OverviewView {
    /// The severity of a grid column (`None` for the total column).
    pub fn severity_of(col: usize) -> Option<Severity> {
        Severity::ALL.get(col).copied()
    }
}
