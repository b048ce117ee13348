//! Alarms grouped by state, ALARM first, each group under a header row.

use super::super::cursor::ListCursor;
use crate::model::{AlarmState, Estate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlarmRow {
    /// A state and how many alarms are in it.
    Header(AlarmState, usize),
    /// Index into `estate.alarms`.
    Alarm(usize),
}

#[derive(Debug, Default)]
pub struct AlarmsView {
    pub cursor: ListCursor,
    rows: Vec<AlarmRow>,
}

impl AlarmsView {
    pub fn new(estate: &Estate) -> AlarmsView {
        let mut v = AlarmsView::default();
        v.refresh(estate);
        v
    }

    pub fn rows(&self) -> &[AlarmRow] {
        &self.rows
    }

    /// Rebuilds the rows: per state (ALARM, INSUFFICIENT_DATA, OK), the
    /// longest in that state first, then by name.
    pub fn refresh(&mut self, estate: &Estate) {
        let alarms = &estate.alarms;
        self.rows.clear();
        for state in AlarmState::ALL {
            let mut idx: Vec<usize> = (0..alarms.len())
                .filter(|i| alarms[*i].state == state)
                .collect();
            if idx.is_empty() {
                continue;
            }
            idx.sort_by(|a, b| {
                let (a, b) = (&alarms[*a], &alarms[*b]);
                a.state_updated
                    .cmp(&b.state_updated)
                    .then_with(|| a.name.cmp(&b.name))
            });
            self.rows.push(AlarmRow::Header(state, idx.len()));
            self.rows.extend(idx.into_iter().map(AlarmRow::Alarm));
        }
        self.cursor.clamp(self.rows.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alarm_state_comes_first_and_every_alarm_once() {
        let e = crate::demo::estate();
        let v = AlarmsView::new(&e);
        assert!(matches!(
            v.rows().first(),
            Some(AlarmRow::Header(AlarmState::Alarm, _))
        ));
        let n = v
            .rows()
            .iter()
            .filter(|r| matches!(r, AlarmRow::Alarm(_)))
            .count();
        assert_eq!(n, e.alarms.len());
    }
}
