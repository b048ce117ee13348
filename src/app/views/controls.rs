//! The standards list (score gauges) and the controls of one standard.

use super::super::cursor::ListCursor;
use crate::posture::{ControlState, Posture};
use std::cmp::Ordering;

/// `:controls`: the summary score, then one row per standard.
#[derive(Debug, Default)]
pub struct StandardsView {
    pub cursor: ListCursor,
}

impl StandardsView {
    /// Rows: the summary (all controls) and each scored standard.
    pub fn len(posture: &Posture) -> usize {
        posture.scores.standards.len() + 1
    }

    /// The standard of a row (`None`: the summary row, every control).
    pub fn standard_of(posture: &Posture, row: usize) -> Option<&str> {
        row.checked_sub(1)
            .and_then(|i| posture.scores.standards.get(i))
            .map(|s| s.standards_id.as_str())
    }
}

/// The controls of one standard (or all), failed and most severe first.
#[derive(Debug)]
pub struct ControlsView {
    /// `standards/...` id; `None` lists every control.
    pub standard: Option<String>,
    pub cursor: ListCursor,
    /// Indices into `posture.controls` in display order.
    rows: Vec<u32>,
}

impl ControlsView {
    pub fn new(posture: &Posture, standard: Option<String>) -> ControlsView {
        let mut v = ControlsView {
            standard,
            cursor: ListCursor::default(),
            rows: Vec::new(),
        };
        v.refresh(posture);
        v
    }

    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    pub fn selected<'a>(&self, posture: &'a Posture) -> Option<&'a ControlState> {
        self.rows
            .get(self.cursor.selected)
            .and_then(|i| posture.controls.get(*i as usize))
    }

    /// Rebuilds the rows; the selected control stays selected.
    pub fn refresh(&mut self, posture: &Posture) {
        let keep = self.selected(posture).map(|c| c.control_id.clone());
        let mut rows: Vec<u32> = posture
            .controls
            .iter()
            .enumerate()
            .filter(|(_, c)| match &self.standard {
                None => true,
                Some(s) => c.standards.iter().any(|m| &m.standards_id == s),
            })
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        rows.sort_by(|a, b| {
            let (a, b) = (
                &posture.controls[*a as usize],
                &posture.controls[*b as usize],
            );
            a.status
                .cmp(&b.status)
                .then(b.severity.cmp(&a.severity))
                .then_with(|| natural(&a.control_id, &b.control_id))
        });
        self.rows = rows;
        if let Some(id) = keep
            && let Some(pos) = self
                .rows
                .iter()
                .position(|i| posture.controls[*i as usize].control_id == id)
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.rows.len());
    }
}

/// `EC2.2` before `EC2.10`: digit runs compare as numbers.
pub fn natural(a: &str, b: &str) -> Ordering {
    let key = |s: &str| {
        let mut parts: Vec<(String, u64)> = Vec::new();
        let mut text = String::new();
        let mut num: Option<u64> = None;
        for c in s.chars() {
            if let Some(d) = c.to_digit(10) {
                num = Some(
                    num.unwrap_or(0)
                        .saturating_mul(10)
                        .saturating_add(u64::from(d)),
                );
            } else {
                if let Some(n) = num.take() {
                    parts.push((std::mem::take(&mut text), n));
                }
                text.push(c);
            }
        }
        parts.push((text, num.unwrap_or(0)));
        parts
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_numbers() {
        let mut ids = vec!["EC2.10", "EC2.2", "CloudTrail.1", "EC2.19", "KMS.4"];
        ids.sort_by(|a, b| natural(a, b));
        assert_eq!(ids, ["CloudTrail.1", "EC2.2", "EC2.10", "EC2.19", "KMS.4"]);
    }

    #[test]
    fn failed_controls_come_first() {
        let e = crate::demo::estate();
        let p = crate::posture::assess(&e, crate::demo::now());
        let v = ControlsView::new(&p, None);
        assert_eq!(v.rows().len(), p.controls.len());
        let statuses: Vec<_> = v
            .rows()
            .iter()
            .map(|i| p.controls[*i as usize].status)
            .collect();
        assert!(statuses.windows(2).all(|w| w[0] <= w[1]));
        let first = StandardsView::standard_of(&p, 1)
            .expect("a standard")
            .to_string();
        let only = ControlsView::new(&p, Some(first));
        assert!(only.rows().len() < v.rows().len());
    }
}
