//! The findings table's state: filter, pins, sort, grouping and the cached
//! row index. Only the index vectors are kept (not rows), so 100,000
//! findings cost two `Vec<u32>`; the sort is recomputed only when the sort
//! or the data change, the filter only walks the sorted order.

mod columns;

pub use columns::{Column, GroupKey, Pin, Sort, resource_id, updated};

use super::cursor::ListCursor;
use crate::model::{Estate, Finding, Severity};
use crate::query::Query;
use std::collections::HashMap;

/// One row of the grouped table.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub value: String,
    pub count: usize,
    /// Counts in `Severity::ALL` order (critical first).
    pub by_severity: [usize; 5],
    pub worst: Severity,
}

#[derive(Default)]
pub struct FindingsView {
    filter: Option<Query>,
    pub pins: Vec<Pin>,
    sort: Sort,
    group: Option<GroupKey>,
    include_inactive: bool,
    pub cursor: ListCursor,
    sorted: Vec<u32>,
    sorted_as: Option<Sort>,
    rows: Vec<u32>,
    groups: Vec<GroupRow>,
}

/// What the selected row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selected<'a> {
    Finding(usize),
    Group(&'a str),
}

impl FindingsView {
    pub fn new(estate: &Estate, pins: Vec<Pin>, filter: Option<Query>) -> FindingsView {
        let mut v = FindingsView {
            pins,
            filter: filter.filter(|q| !q.is_empty()),
            ..FindingsView::default()
        };
        v.refresh(estate);
        v
    }

    pub fn filter_text(&self) -> &str {
        self.filter.as_ref().map(Query::source_text).unwrap_or("")
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn group(&self) -> Option<GroupKey> {
        self.group
    }

    pub fn include_inactive(&self) -> bool {
        self.include_inactive
    }

    /// Finding indices (into `estate.findings`) in display order.
    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    pub fn groups(&self) -> &[GroupRow] {
        &self.groups
    }

    /// Rows in the table as shown (groups when grouped).
    pub fn len(&self) -> usize {
        match self.group {
            Some(_) => self.groups.len(),
            None => self.rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected(&self) -> Option<Selected<'_>> {
        let i = self.cursor.selected;
        match self.group {
            Some(_) => self.groups.get(i).map(|g| Selected::Group(&g.value)),
            None => self.rows.get(i).map(|r| Selected::Finding(*r as usize)),
        }
    }

    pub fn set_filter(&mut self, estate: &Estate, filter: Option<Query>) {
        self.filter = filter.filter(|q| !q.is_empty());
        self.refresh(estate);
    }

    pub fn set_sort(&mut self, estate: &Estate, sort: Sort) {
        self.sort = sort;
        self.refresh(estate);
    }

    pub fn set_group(&mut self, estate: &Estate, group: Option<GroupKey>) {
        if self.group != group {
            self.group = group;
            self.cursor.top();
            self.refresh(estate);
        }
    }

    pub fn set_include_inactive(&mut self, estate: &Estate, on: bool) {
        self.include_inactive = on;
        self.refresh(estate);
    }

    /// Drops the sort cache (the data changed) and refreshes.
    pub fn data_changed(&mut self, estate: &Estate) {
        self.sorted_as = None;
        self.refresh(estate);
    }

    /// Recomputes what changed; keeps the selected finding selected.
    pub fn refresh(&mut self, estate: &Estate) {
        let findings = &estate.findings;
        let keep = match self.selected() {
            Some(Selected::Finding(i)) => findings.get(i).map(|f| f.id.clone()),
            Some(Selected::Group(g)) => Some(g.to_string()),
            None => None,
        };
        if self.sorted_as != Some(self.sort) || self.sorted.len() != findings.len() {
            let idx = self.sort.sorted_indices(findings);
            self.sorted = idx;
            self.sorted_as = Some(self.sort);
        }
        self.rows = self
            .sorted
            .iter()
            .copied()
            .filter(|i| self.keeps(&findings[*i as usize]))
            .collect();
        self.groups = match self.group {
            Some(key) => group_rows(findings, &self.rows, key),
            None => Vec::new(),
        };
        if let Some(keep) = keep {
            let pos = match self.group {
                Some(_) => self.groups.iter().position(|g| g.value == keep),
                None => self
                    .rows
                    .iter()
                    .position(|i| findings[*i as usize].id == keep),
            };
            if let Some(p) = pos {
                self.cursor.selected = p;
            }
        }
        self.cursor.clamp(self.len());
    }

    fn keeps(&self, f: &Finding) -> bool {
        (self.include_inactive || f.is_active())
            && self.pins.iter().all(|p| p.matches(f))
            && self.filter.as_ref().is_none_or(|q| q.matches(f))
    }
}

fn group_rows(findings: &[Finding], rows: &[u32], key: GroupKey) -> Vec<GroupRow> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<GroupRow> = Vec::new();
    for i in rows {
        let f = &findings[*i as usize];
        let value = key.value_of(f);
        let slot = *at.entry(value).or_insert_with(|| {
            out.push(GroupRow {
                value: value.to_string(),
                count: 0,
                by_severity: [0; 5],
                worst: f.severity,
            });
            out.len() - 1
        });
        let g = &mut out[slot];
        g.count += 1;
        g.worst = g.worst.max(f.severity);
        if let Some(s) = Severity::ALL.iter().position(|s| *s == f.severity) {
            g.by_severity[s] += 1;
        }
    }
    out.sort_by(|a, b| {
        b.worst
            .cmp(&a.worst)
            .then(b.count.cmp(&a.count))
            .then_with(|| a.value.cmp(&b.value))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn view(pins: Vec<Pin>, filter: &str) -> (Estate, FindingsView) {
        let e = crate::demo::estate();
        let q = Query::parse(filter).ok();
        let v = FindingsView::new(&e, pins, q);
        (e, v)
    }

    #[test]
    fn rows_are_active_sorted_and_pinned() {
        let (e, v) = view(vec![Pin::Source(Source::GuardDuty)], "");
        let rows: Vec<&Finding> = v.rows().iter().map(|i| &e.findings[*i as usize]).collect();
        assert!(!rows.is_empty());
        assert!(
            rows.iter()
                .all(|f| f.source == Source::GuardDuty && f.is_active())
        );
        assert!(rows.windows(2).all(|w| w[0].severity >= w[1].severity));
    }

    #[test]
    fn inactive_toggle_and_selection_follow_the_finding() {
        let (e, mut v) = view(Vec::new(), "");
        let active = v.len();
        v.cursor.selected = 3;
        let Some(Selected::Finding(before)) = v.selected() else {
            panic!("a finding is selected");
        };
        v.set_include_inactive(&e, true);
        assert!(v.len() > active, "archived/suppressed appear");
        assert_eq!(
            v.selected(),
            Some(Selected::Finding(before)),
            "same finding"
        );
    }

    #[test]
    fn groups_count_every_row_once() {
        let (e, mut v) = view(Vec::new(), "");
        for key in GroupKey::ALL {
            v.set_group(&e, Some(key));
            let total: usize = v.groups().iter().map(|g| g.count).sum();
            assert_eq!(total, v.rows().len(), "{key:?}");
            assert!(
                v.groups()
                    .iter()
                    .all(|g| g.by_severity.iter().sum::<usize>() == g.count)
            );
            assert!(v.groups().windows(2).all(|w| w[0].worst >= w[1].worst));
        }
    }

    #[test]
    fn every_column_sorts_both_ways_totally() {
        let (e, mut v) = view(Vec::new(), "");
        for c in Column::ALL {
            v.set_sort(&e, Sort::by(c));
            let down: Vec<u32> = v.rows().to_vec();
            v.set_sort(
                &e,
                Sort {
                    column: c,
                    descending: !c.default_descending(),
                },
            );
            let up: Vec<u32> = v.rows().to_vec();
            assert_eq!(down.len(), up.len());
            let key = |i: &u32| c.sort_key(&e.findings[*i as usize]);
            let asc = if c.default_descending() { &up } else { &down };
            assert!(asc.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "{c:?}");
        }
    }
}
