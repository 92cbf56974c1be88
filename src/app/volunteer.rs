//! Tab 4's Saturday quick-entry grid: units in rows, figures in columns, one cell edited at a
//! time and saved the moment it is left.

use std::cell::Cell;
use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::text_field::TextField;
use crate::domain::figures::Metric;
use crate::store::{FigureRow, Result, Store};

#[derive(Debug, Default)]
pub struct VolunteerView {
    /// Index into `board.volunteer_days`.
    pub day: usize,
    /// Selected unit (index into `board.units`) and figure (index into `Metric::ALL`).
    pub row: usize,
    pub col: usize,
    /// The cell being typed into, with what was typed so far.
    pub editing: Option<TextField>,
    figures: HashMap<(i64, Metric), (i64, DateTime<FixedOffset>)>,
    /// The day the figures above belong to.
    loaded_day: Option<i64>,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
    /// Finds a unit's row by typing part of its name.
    pub filter: TextField,
    pub filter_typing: bool,
}

/// The units shown, as indices into `units`: those matching the filter, in plan order.
pub fn visible_rows(units: &[crate::domain::unit::Unit], view: &VolunteerView) -> Vec<usize> {
    let needle = crate::domain::fold::Needle::new(view.filter.value());
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| needle.matches(&u.name) || needle.matches(&u.code))
        .map(|(i, _)| i)
        .collect()
}

impl VolunteerView {
    pub fn metric(&self) -> Metric {
        Metric::ALL[self.col.min(Metric::ALL.len() - 1)]
    }

    pub fn value(&self, unit_id: i64, metric: Metric) -> Option<i64> {
        self.figures.get(&(unit_id, metric)).map(|(v, _)| *v)
    }

    /// When the unit's figures were last saved.
    pub fn updated(&self, unit_id: i64) -> Option<DateTime<FixedOffset>> {
        Metric::ALL
            .iter()
            .filter_map(|m| self.figures.get(&(unit_id, *m)).map(|(_, at)| *at))
            .max()
    }

    pub fn total(&self, metric: Metric) -> i64 {
        self.figures
            .iter()
            .filter(|((_, m), _)| *m == metric)
            .map(|(_, (v, _))| *v)
            .sum()
    }

    /// Reads the figures of `day_id` unless they are the ones held already.
    pub fn load(&mut self, store: &Store, day_id: i64, force: bool) -> Result<()> {
        if self.loaded_day == Some(day_id) && !force {
            return Ok(());
        }
        let rows: Vec<FigureRow> = store.figures(day_id)?;
        self.figures = rows
            .into_iter()
            .map(|r| ((r.unit_id, r.metric), (r.value, r.updated_at)))
            .collect();
        self.loaded_day = Some(day_id);
        Ok(())
    }

    /// Records a saved cell without reading the whole day again.
    pub fn set(
        &mut self,
        unit_id: i64,
        metric: Metric,
        value: Option<i64>,
        at: DateTime<FixedOffset>,
    ) {
        match value {
            Some(v) => {
                self.figures.insert((unit_id, metric), (v, at));
            }
            None => {
                self.figures.remove(&(unit_id, metric));
            }
        }
    }

    /// Forget what is held, so the next look reads the store (after an undo, say).
    pub fn invalidate(&mut self) {
        self.loaded_day = None;
    }
}
