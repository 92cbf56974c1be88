//! What the units screen shows: which units, in what order, and which cell is selected.

use std::cmp::Reverse;

use chrono::{DateTime, FixedOffset};

use super::list_state::ListState;
use crate::domain::fold::{Needle, collation_key};
use crate::domain::unit::{Kinds, UnitKind};
use crate::model::checklist::{missing_count, unit_states};
use crate::store::Board;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitSort {
    /// The order of the campaign file: wards, agencies, … as the plan lists them.
    #[default]
    Plan,
    /// Vietnamese alphabetical order of the name.
    Name,
    /// Most missing first, then by name.
    Missing,
}

impl UnitSort {
    pub fn next(self) -> UnitSort {
        match self {
            UnitSort::Plan => UnitSort::Name,
            UnitSort::Name => UnitSort::Missing,
            UnitSort::Missing => UnitSort::Plan,
        }
    }
}

#[derive(Debug, Default)]
pub struct UnitsView {
    /// The rows: selection, scrolling and the name/code filter.
    pub list: ListState,
    /// Selected requirement column.
    pub column: usize,
    pub kind_filter: Option<UnitKind>,
    pub missing_only: bool,
    pub sort: UnitSort,
}

impl UnitsView {
    /// All units, then each of the campaign's kinds in its order, then all again.
    pub fn cycle_kind_filter(&mut self, kinds: &Kinds) {
        let mut declared = kinds.kinds();
        self.kind_filter = match &self.kind_filter {
            None => declared.next(),
            Some(k) => declared.skip_while(|x| *x != k).nth(1),
        }
        .cloned();
    }
}

/// Indices into `board.units` of the rows to show, filtered and sorted as the view says.
pub fn visible_units(board: &Board, view: &UnitsView, now: DateTime<FixedOffset>) -> Vec<usize> {
    let needle = Needle::new(view.list.filter.value());
    let mut rows: Vec<(usize, usize)> = board
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| view.kind_filter.as_ref().is_none_or(|k| &u.kind == k))
        .filter(|(_, u)| needle.matches(&u.name) || needle.matches(&u.code))
        .map(|(i, u)| (i, missing_count(&unit_states(board, u, now))))
        .filter(|(_, missing)| !view.missing_only || *missing > 0)
        .collect();
    // One collation key per unit, not one per comparison.
    let key = |i: usize| collation_key(&board.units[i].name);
    match view.sort {
        UnitSort::Plan => {}
        UnitSort::Name => rows.sort_by_cached_key(|r| key(r.0)),
        UnitSort::Missing => rows.sort_by_cached_key(|r| (Reverse(r.1), key(r.0))),
    }
    rows.into_iter().map(|(i, _)| i).collect()
}

/// Keeps `selected` inside `0..len` (0 when empty).
pub fn clamp(selected: usize, len: usize) -> usize {
    selected.min(len.saturating_sub(1))
}

/// The first row to draw so that `selected` is visible in `height` rows, moving the window
/// as little as possible from `offset`.
pub fn scroll_offset(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let max_offset = len.saturating_sub(height);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(max_offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_follows_the_selection() {
        assert_eq!(scroll_offset(0, 5, 10, 30), 0);
        assert_eq!(scroll_offset(0, 10, 10, 30), 1);
        assert_eq!(scroll_offset(5, 3, 10, 30), 3);
        assert_eq!(scroll_offset(25, 29, 10, 30), 20);
        assert_eq!(scroll_offset(3, 0, 0, 30), 0);
        assert_eq!(scroll_offset(0, 0, 10, 0), 0);
    }

    #[test]
    fn kind_filter_cycles_through_all_and_back() {
        let mut v = UnitsView::default();
        let mut seen = Vec::new();
        for _ in 0..6 {
            v.cycle_kind_filter(&Kinds::plan_115());
            seen.push(v.kind_filter.clone());
        }
        assert_eq!(seen[5], None);
        assert_eq!(seen[0], Some(UnitKind::from("ward")));
        assert_eq!(seen[4], Some(UnitKind::from("youth_base")));
        // A kind the campaign no longer declares (the store changed under the view) ends the
        // cycle rather than sticking.
        v.kind_filter = Some(UnitKind::from("gone"));
        v.cycle_kind_filter(&Kinds::plan_115());
        assert_eq!(v.kind_filter, None);
    }
}
