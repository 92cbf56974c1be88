//! Tab 4's Saturday quick-entry grid: units in rows, figures in columns, one cell edited at a
//! time and saved the moment it is left.

use std::borrow::Cow;
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
    /// The selected day's registrations and quick reports as the store holds them, later
    /// ones too: read through [`VolunteerView::registrations`] and the like, which keep to
    /// what is known at a moment ([`known`]).
    registrations: Vec<RegistrationRow>,
    reports: Vec<ReportRow>,
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
    /// The units with a registration, report or figure for the loaded day, with the time of
    /// their first: shown on tab 4 from then even when they owe nothing that day (a store
    /// kept from before the plan's owners were set, an import), so no record is out of sight.
    recorded: HashMap<i64, DateTime<FixedOffset>>,
    /// The day the figures above belong to.
    loaded_day: Option<i64>,
}

/// The units shown at `now`, as indices into `board.units`: those that owe the day's
/// registration or report (the plan asks them of youth bases, not of the units a base acts
/// for) and match the filter, in plan order; in the figures grid, only those registered for
/// the day by `now` when [`VolunteerView::registered_only`].
pub fn visible_rows(
    board: &crate::store::Board,
    view: &VolunteerView,
    now: DateTime<FixedOffset>,
) -> Vec<usize> {
    let units = &board.units;
    let day = board.volunteer_days.get(view.day).map(|d| d.id);
    let needle = crate::domain::fold::Needle::new(view.list.filter.value());
    // A set, not a search per unit: this runs several times a key on stores of many units.
    let registered: Option<std::collections::HashSet<i64>> = (view.section == Section::Figures
        && view.registered_only(now))
    .then(|| view.registrations(now).map(|r| r.unit_id).collect());
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| day.is_none_or(|d| board.owes_day(u, d)) || view.recorded(u.id, now))
        .filter(|(_, u)| needle.matches(&u.name) || needle.matches(&u.code))
        .filter(|(_, u)| registered.as_ref().is_none_or(|set| set.contains(&u.id)))
        .map(|(i, _)| i)
        .collect()
}

/// How many units tab 4 lists for the day at `now` before any filter: those that owe its
/// registration or report, and any other with a record for it by then.
pub fn day_unit_count(
    board: &crate::store::Board,
    view: &VolunteerView,
    now: DateTime<FixedOffset>,
) -> usize {
    let Some(day) = board.volunteer_days.get(view.day).map(|d| d.id) else {
        return board.units.len();
    };
    board
        .units
        .iter()
        .filter(|u| board.owes_day(u, day) || view.recorded(u.id, now))
        .count()
}

impl VolunteerView {
    /// Whether the grid shows only the registered units: as chosen with `t`, else on a day
    /// that has registrations by `now` (the units that will phone in figures).
    pub fn registered_only(&self, now: DateTime<FixedOffset>) -> bool {
        self.registered_only
            .unwrap_or_else(|| self.registrations(now).next().is_some())
    }

    /// Whether unit `unit_id` has a record for the day by `now`.
    fn recorded(&self, unit_id: i64, now: DateTime<FixedOffset>) -> bool {
        self.recorded
            .get(&unit_id)
            .is_some_and(|at| known(*at, now))
    }

    /// The day's registrations made by `now`.
    pub fn registrations(
        &self,
        now: DateTime<FixedOffset>,
    ) -> impl Iterator<Item = &RegistrationRow> {
        self.registrations
            .iter()
            .filter(move |r| known(r.registered_at, now))
    }

    /// The unit's registration, if it had registered by `now`.
    pub fn registration(
        &self,
        unit_id: i64,
        now: DateTime<FixedOffset>,
    ) -> Option<&RegistrationRow> {
        self.registrations(now).find(|r| r.unit_id == unit_id)
    }

    /// The day's quick reports received by `now`, each with the photos it had by then.
    pub fn reports(&self, now: DateTime<FixedOffset>) -> impl Iterator<Item = Cow<'_, ReportRow>> {
        self.reports.iter().filter_map(move |r| r.as_of(now))
    }

    /// The unit's quick report as it stood at `now` (none if not received by then).
    pub fn report(&self, unit_id: i64, now: DateTime<FixedOffset>) -> Option<Cow<'_, ReportRow>> {
        self.reports
            .iter()
            .find(|r| r.unit_id == unit_id)
            .and_then(|r| r.as_of(now))
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

    /// The cell's figure as known at `now`: one saved later is not there yet, as the totals,
    /// the overview, the briefing and the export count it.
    pub fn value(&self, unit_id: i64, metric: Metric, now: DateTime<FixedOffset>) -> Option<i64> {
        self.figures
            .get(&(unit_id, metric))
            .filter(|(_, at)| known(*at, now))
            .map(|(v, _)| *v)
    }

    /// The cell's figure as the store held it when read, a later one too: what a write is
    /// checked against (the store refuses to overwrite a value the screen did not read).
    pub fn stored(&self, unit_id: i64, metric: Metric) -> Option<i64> {
        self.figures.get(&(unit_id, metric)).map(|(v, _)| *v)
    }

    /// When the unit's figures known at `now` were last saved.
    pub fn updated(
        &self,
        unit_id: i64,
        now: DateTime<FixedOffset>,
    ) -> Option<DateTime<FixedOffset>> {
        Metric::ALL
            .iter()
            .filter_map(|m| self.figures.get(&(unit_id, *m)).map(|(_, at)| *at))
            .filter(|at| known(*at, now))
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
        self.recorded = HashMap::new();
        let records = self
            .registrations
            .iter()
            .map(|r| (r.unit_id, r.registered_at))
            .chain(self.reports.iter().map(|r| (r.unit_id, r.received_at)))
            .chain(self.figures.iter().map(|((u, _), (_, at))| (*u, *at)));
        for (unit, at) in records {
            let first = self.recorded.entry(unit).or_insert(at);
            *first = (*first).min(at);
        }
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
                let first = self.recorded.entry(unit_id).or_insert(at);
                *first = (*first).min(at);
            }
            None => {
                self.figures.remove(&(unit_id, metric));
            }
        }
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
