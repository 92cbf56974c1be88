//! Tab 5's view state: the KPI lines on screen and which one is selected.

use super::list_state::ListState;
use crate::model::kpi::KpiLine;

#[derive(Debug, Default)]
pub struct KpiView {
    pub lines: Vec<KpiLine>,
    pub list: ListState,
}

impl KpiView {
    pub fn selected_line(&self) -> Option<&KpiLine> {
        self.lines
            .get(self.list.selected.min(self.lines.len().checked_sub(1)?))
    }
}
