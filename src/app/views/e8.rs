//! The Essential Eight grid (8 strategies x ML1-ML3) and the requirements
//! of one cell with their evidence.

use super::super::cursor::ListCursor;
use crate::posture::Posture;
use crate::posture::e8::{ControlEvidence, LevelResult, RequirementResult, StrategyResult};

/// Levels per strategy in the grid.
pub const LEVELS: usize = 3;

/// The grid's selection: a strategy (row) and a level (column).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct E8View {
    pub row: usize,
    pub col: usize,
}

impl E8View {
    pub fn strategy<'a>(&self, posture: &'a Posture) -> Option<&'a StrategyResult> {
        posture.essential_eight.strategies.get(self.row)
    }

    pub fn level<'a>(&self, posture: &'a Posture) -> Option<&'a LevelResult> {
        self.strategy(posture).and_then(|s| s.levels.get(self.col))
    }
}

/// One row of the requirements list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReqItem {
    /// A requirement (index in the level).
    Requirement(usize),
    /// A mapped control giving evidence for requirement `.0`.
    Evidence(usize, usize),
}

/// The requirements of one strategy at one level.
#[derive(Debug)]
pub struct RequirementView {
    pub strategy: usize,
    pub level: usize,
    pub cursor: ListCursor,
    items: Vec<ReqItem>,
}

impl RequirementView {
    pub fn new(posture: &Posture, strategy: usize, level: usize) -> RequirementView {
        let mut v = RequirementView {
            strategy,
            level,
            cursor: ListCursor::default(),
            items: Vec::new(),
        };
        v.refresh(posture);
        v
    }

    pub fn items(&self) -> &[ReqItem] {
        &self.items
    }

    pub fn level_result<'a>(&self, posture: &'a Posture) -> Option<&'a LevelResult> {
        posture
            .essential_eight
            .strategies
            .get(self.strategy)
            .and_then(|s| s.levels.get(self.level))
    }

    pub fn strategy_result<'a>(&self, posture: &'a Posture) -> Option<&'a StrategyResult> {
        posture.essential_eight.strategies.get(self.strategy)
    }

    /// The requirement the selection belongs to.
    pub fn requirement<'a>(&self, posture: &'a Posture) -> Option<&'a RequirementResult> {
        let r = match self.items.get(self.cursor.selected)? {
            ReqItem::Requirement(r) | ReqItem::Evidence(r, _) => *r,
        };
        self.level_result(posture)?.requirements.get(r)
    }

    /// The selected evidence control, when an evidence row is selected.
    pub fn evidence<'a>(&self, posture: &'a Posture) -> Option<&'a ControlEvidence> {
        match self.items.get(self.cursor.selected)? {
            ReqItem::Evidence(r, e) => self
                .level_result(posture)?
                .requirements
                .get(*r)?
                .evidence
                .get(*e),
            ReqItem::Requirement(_) => None,
        }
    }

    pub fn refresh(&mut self, posture: &Posture) {
        self.items.clear();
        if let Some(level) = self.level_result(posture) {
            for (r, req) in level.requirements.iter().enumerate() {
                self.items.push(ReqItem::Requirement(r));
                self.items
                    .extend((0..req.evidence.len()).map(|e| ReqItem::Evidence(r, e)));
            }
        }
        self.cursor.clamp(self.items.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_list_each_requirement_then_its_evidence() {
        let e = crate::demo::estate();
        let p = crate::posture::assess(&e, crate::demo::now());
        for s in 0..p.essential_eight.strategies.len() {
            for l in 0..LEVELS {
                let v = RequirementView::new(&p, s, l);
                let level = v.level_result(&p).expect("level");
                let reqs = v
                    .items()
                    .iter()
                    .filter(|i| matches!(i, ReqItem::Requirement(_)))
                    .count();
                assert_eq!(reqs, level.requirements.len());
                if let Some(ReqItem::Evidence(r, _)) = v.items().first() {
                    panic!("evidence before its requirement {r}");
                }
            }
        }
    }
}
