//! The state every list view shares: which row is selected, the first row drawn, how many
//! rows a page held last time, and the filter line.

use std::cell::Cell;

use super::text_field::TextField;
use super::units_view::clamp;

#[derive(Debug, Default)]
pub struct ListState {
    /// Selected row among the visible ones.
    pub selected: usize,
    /// First visible row; the renderer keeps the selection in view and writes it back.
    pub offset: Cell<usize>,
    /// Rows the list showed last time, for PgUp/PgDn.
    pub page: Cell<usize>,
    /// Typed after `/`: narrows the rows as it is typed.
    pub filter: TextField,
    pub filter_typing: bool,
}

/// A selection `delta` rows on from `selected` in a list of `len` rows, clamped at both ends.
pub fn moved(selected: usize, delta: isize, len: usize) -> usize {
    let current = clamp(selected, len) as isize;
    clamp(current.saturating_add(delta).max(0) as usize, len)
}

impl ListState {
    /// Rows in a page, at least one.
    pub fn page_rows(&self) -> usize {
        self.page.get().max(1)
    }

    /// Empties the filter and goes back to the top; `stop_typing` also leaves the filter line.
    pub fn clear_filter(&mut self, stop_typing: bool) {
        self.filter.clear();
        self.selected = 0;
        if stop_typing {
            self.filter_typing = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_inside_the_list() {
        assert_eq!(moved(0, 5, 3), 2);
        assert_eq!(moved(2, isize::MIN / 2, 3), 0);
        assert_eq!(moved(0, 1, 0), 0);
        let mut l = ListState {
            selected: 4,
            filter_typing: true,
            ..Default::default()
        };
        l.clear_filter(true);
        assert_eq!((l.selected, l.filter_typing), (0, false));
    }
}
