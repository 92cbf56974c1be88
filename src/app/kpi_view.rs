//! Tab 5's view state: the KPI lines on screen and which one is selected.

use std::cell::Cell;

use crate::model::kpi::KpiLine;

#[derive(Debug, Default)]
pub struct KpiView {
    pub lines: Vec<KpiLine>,
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

impl KpiView {
    pub fn selected_line(&self) -> Option<&KpiLine> {
        self.lines
            .get(self.selected.min(self.lines.len().checked_sub(1)?))
    }
}
