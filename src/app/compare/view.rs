//! The `:diff` view's rows: the two sides, datasets not compared, scores,
//! controls, findings new / changed / resolved, then keys, network and
//! alarms. Rows are indices into the comparison, rebuilt when it changes.

use super::super::cursor::ListCursor;
use crate::diff::EstateDiff;

/// A part of the comparison, in the order the view shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    NotCompared,
    Scores,
    Controls,
    New,
    Changed,
    Resolved,
    Keys,
    Network,
    Alarms,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::NotCompared,
        Section::Scores,
        Section::Controls,
        Section::New,
        Section::Changed,
        Section::Resolved,
        Section::Keys,
        Section::Network,
        Section::Alarms,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::NotCompared => "Not compared",
            Section::Scores => "Scores",
            Section::Controls => "Controls whose status changed",
            Section::New => "New findings",
            Section::Changed => "Changed findings",
            Section::Resolved => "Resolved findings",
            Section::Keys => "KMS keys",
            Section::Network => "Network",
            Section::Alarms => "Alarms",
        }
    }

    /// How many entries the section has in `d`.
    pub fn len(self, d: &EstateDiff) -> usize {
        match self {
            Section::NotCompared => d.not_compared.len(),
            Section::Scores => d.scores.len(),
            Section::Controls => d.controls.len(),
            Section::New => d.findings.new.len(),
            Section::Changed => d.findings.changed.len(),
            Section::Resolved => d.findings.resolved.len(),
            Section::Keys => d.keys.len(),
            Section::Network => d.network.len(),
            Section::Alarms => d.alarms.len(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffRow {
    /// The baseline's side (`false`) or the data shown (`true`).
    Side(bool),
    /// A section's title with its count.
    Heading(Section),
    /// Entry `i` of a section.
    Entry(Section, usize),
    Blank,
}

#[derive(Debug, Default)]
pub struct DiffView {
    pub cursor: ListCursor,
    rows: Vec<DiffRow>,
}

impl DiffView {
    pub fn new(d: Option<&EstateDiff>) -> DiffView {
        let mut v = DiffView::default();
        v.rebuild(d);
        v
    }

    pub fn rows(&self) -> &[DiffRow] {
        &self.rows
    }

    pub fn selected(&self) -> Option<DiffRow> {
        self.rows.get(self.cursor.selected).copied()
    }

    /// Rebuilds the rows from a fresh comparison; the cursor stays on the
    /// same line number (clamped). Sections with nothing in them keep
    /// their heading (which says so), except "not compared".
    pub fn rebuild(&mut self, d: Option<&EstateDiff>) {
        self.rows.clear();
        if let Some(d) = d {
            self.rows
                .extend([DiffRow::Side(false), DiffRow::Side(true)]);
            for s in Section::ALL {
                let n = s.len(d);
                if s == Section::NotCompared && n == 0 {
                    continue;
                }
                self.rows.push(DiffRow::Blank);
                self.rows.push(DiffRow::Heading(s));
                self.rows.extend((0..n).map(|i| DiffRow::Entry(s, i)));
            }
        }
        self.cursor.clamp(self.rows.len());
    }
}
