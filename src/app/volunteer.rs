//! Tab 4's Saturday quick-entry grid: units in rows, figures in columns, one cell edited at a
//! time and saved the moment it is left.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};

use super::list_state::ListState;
use super::text_field::TextField;
use crate::domain::checklist::known;
use crate::domain::figures::Metric;
use crate::store::{Activity, AgendaRow, FigureRow, RegistrationRow, ReportRow, Result, Store};

/// The parts of tab 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Figures,
    Registrations,
    Reports,
    /// The tasks the plan assigns to units for the day (section II.3.1).
    Tasks,
    Agenda,
}

impl Section {
    pub fn next(self) -> Section {
        match self {
            Section::Figures => Section::Registrations,
            Section::Registrations => Section::Reports,
            Section::Reports => Section::Tasks,
            Section::Tasks => Section::Agenda,
            Section::Agenda => Section::Figures,
        }
    }
}

#[derive(Debug, Default)]
pub struct VolunteerView {
    pub section: Section,
    /// The selected day's registrations, and the activities a unit can register.
    pub registrations: Vec<RegistrationRow>,
    pub reports: Vec<ReportRow>,
    /// The Action Month's agenda (not tied to a day) and its selected row.
    pub agenda: Vec<AgendaRow>,
    pub agenda_row: usize,
    /// The selected row of the tasks part.
    pub task_row: usize,
    pub activities: Vec<Activity>,
    /// Index into `board.volunteer_days`.
    pub day: usize,
    /// Selected unit (index into `board.units`) and figure (index into `Metric::ALL`).
    /// The unit rows: selection, scrolling and the unit filter (which also narrows the agenda).
    pub list: ListState,
    pub col: usize,
    /// The cell being typed into, with what was typed so far.
    pub editing: Option<TextField>,
    /// The value in `editing` was refused: it stays, marked, for correction.
    pub refused: bool,
    /// The grid shows only the units registered for the day (`Some(true)`), every unit
    /// (`Some(false)`), or, until `t` is pressed, the registered ones on a day that has any.
    pub registered_only: Option<bool>,
    figures: HashMap<(i64, Metric), (i64, DateTime<FixedOffset>)>,
    /// The units with a registration, report or figure for the loaded day: shown on tab 4
    /// even when they owe nothing that day (a store kept from before the plan's owners were
    /// set, an import), so no record is out of sight.
    recorded: std::collections::HashSet<i64>,
    /// The day the figures above belong to.
    loaded_day: Option<i64>,
}

/// The units shown, as indices into `board.units`: those that owe the day's registration or
/// report (the plan asks them of youth bases, not of the units a base acts for) and match
/// the filter, in plan order; in the figures grid, only those registered for the day when
/// [`VolunteerView::registered_only`].
pub fn visible_rows(board: &crate::store::Board, view: &VolunteerView) -> Vec<usize> {
    let units = &board.units;
    let day = board.volunteer_days.get(view.day).map(|d| d.id);
    let needle = crate::domain::fold::Needle::new(view.list.filter.value());
    // A set, not a search per unit: this runs several times a key on stores of many units.
    let registered: Option<std::collections::HashSet<i64>> = (view.section == Section::Figures
        && view.registered_only())
    .then(|| view.registrations.iter().map(|r| r.unit_id).collect());
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| day.is_none_or(|d| board.owes_day(u, d)) || view.recorded.contains(&u.id))
        .filter(|(_, u)| needle.matches(&u.name) || needle.matches(&u.code))
        .filter(|(_, u)| registered.as_ref().is_none_or(|set| set.contains(&u.id)))
        .map(|(i, _)| i)
        .collect()
}

/// How many units tab 4 lists for the day before any filter: those that owe its
/// registration or report, and any other with a record for it.
pub fn day_unit_count(board: &crate::store::Board, view: &VolunteerView) -> usize {
    let Some(day) = board.volunteer_days.get(view.day).map(|d| d.id) else {
        return board.units.len();
    };
    board
        .units
        .iter()
        .filter(|u| board.owes_day(u, day) || view.recorded.contains(&u.id))
        .count()
}

impl VolunteerView {
    /// Whether the grid shows only the registered units: as chosen with `t`, else on a day
    /// that has registrations (the units that will phone in figures).
    pub fn registered_only(&self) -> bool {
        self.registered_only
            .unwrap_or(!self.registrations.is_empty())
    }

    /// The agenda items the filter keeps (title or owner, without diacritics), as indices.
    pub fn visible_agenda(&self) -> Vec<usize> {
        let needle = crate::domain::fold::Needle::new(self.list.filter.value());
        self.agenda
            .iter()
            .enumerate()
            .filter(|(_, a)| needle.matches(&a.title) || needle.matches(&a.owner))
            .map(|(i, _)| i)
            .collect()
    }

    /// The selected agenda item.
    pub fn selected_agenda(&self) -> Option<&AgendaRow> {
        let visible = self.visible_agenda();
        let i = *visible.get(self.agenda_row.min(visible.len().checked_sub(1)?))?;
        self.agenda.get(i)
    }

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

    /// The total of the figures saved up to `now`: under `--now` a replay of a store shows
    /// what was known then, as the briefing does.
    pub fn total_until(&self, metric: Metric, now: DateTime<FixedOffset>) -> i64 {
        self.figures
            .iter()
            .filter(|((_, m), (_, at))| *m == metric && known(*at, now))
            .map(|(_, (v, _))| *v)
            .sum()
    }

    /// Reads the figures of `day_id` unless they are the ones held already.
    pub fn load(&mut self, store: &Store, day_id: i64, force: bool) -> Result<()> {
        if self.loaded_day == Some(day_id) && !force {
            return Ok(());
        }
        self.registrations = store.registrations(day_id)?;
        self.reports = store.reports(day_id)?;
        self.agenda = store.agenda()?;
        self.activities = store.activities()?;
        let rows: Vec<FigureRow> = store.figures(day_id)?;
        self.figures = rows
            .into_iter()
            .map(|r| ((r.unit_id, r.metric), (r.value, r.updated_at)))
            .collect();
        self.recorded = self
            .registrations
            .iter()
            .map(|r| r.unit_id)
            .chain(self.reports.iter().map(|r| r.unit_id))
            .chain(self.figures.keys().map(|(u, _)| *u))
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

    pub fn report(&self, unit_id: i64) -> Option<&ReportRow> {
        self.reports.iter().find(|r| r.unit_id == unit_id)
    }

    pub fn registration(&self, unit_id: i64) -> Option<&RegistrationRow> {
        self.registrations.iter().find(|r| r.unit_id == unit_id)
    }

    /// The activity's name for its code (the code itself if the campaign no longer lists it).
    pub fn activity_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.activities
            .iter()
            .find(|(c, _)| c == code)
            .map_or(code, |(_, name)| name.as_str())
    }

    /// Forget what is held, so the next look reads the store (after an undo, say).
    pub fn invalidate(&mut self) {
        self.loaded_day = None;
    }
}
