//! Tab 4's figures grid: typing a figure into a cell, saving it the moment the cell is
//! left (committed before the cell shows it saved), moving between cells: Enter saves and
//! goes on to the unit's next figure, so a unit's row is "digits, Enter" for each figure.

use super::keymap::Direction;
use super::text_field::TextField;
use super::units_view::clamp;
use super::update::{set_status, write_failed};
use super::update_volunteer::{cell, refresh};
use super::volunteer::visible_rows;
use super::{App, StatusKind};
use crate::domain::change::ChangeSummary;
use crate::domain::figures::{FigureError, Metric, check_pair, parse_figure};
use crate::store::{FigureEdit, Store, StoreError};

/// Whether the unit reports this figure at all (land files: the land-registry task only).
fn reports(app: &App, unit_id: i64, metric: Metric) -> bool {
    !metric.is_land() || app.board.reports_land(unit_id)
}

fn refuse(app: &mut App, unit: &str, metric: Metric, e: &FigureError) {
    let s = app.strings();
    let text = s.fig_refused(unit, s.metric(metric), s.figure_error(e));
    set_status(app, StatusKind::Error, text);
}

/// Typing into a cell: a digit starts from that digit; Enter from the value there.
pub(super) fn start_editing(app: &mut App, first: Option<char>) {
    let Some((unit_id, unit, metric)) = cell(app) else {
        return;
    };
    if !reports(app, unit_id, metric) {
        return refuse(app, &unit, metric, &FigureError::NotForUnit);
    }
    let text = match first {
        Some(c) => c.to_string(),
        None => app
            .volunteer
            .value(unit_id, metric, app.now)
            .map(|v| v.to_string())
            .unwrap_or_default(),
    };
    app.volunteer.editing = Some(TextField::new(&text));
    app.volunteer.refused = false;
}

/// Saves the cell being typed. True when the grid may move on (saved, or nothing typed).
pub(super) fn commit(app: &mut App, store: &mut Store) -> bool {
    let Some(field) = app.volunteer.editing.as_ref() else {
        return true;
    };
    let typed = field.value().to_string();
    let Some((unit_id, unit, metric)) = cell(app) else {
        app.volunteer.editing = None;
        return true;
    };
    save(app, store, unit_id, &unit, metric, Entry::Typed(&typed))
}

/// What the officer did to a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry<'a> {
    /// A value typed (empty clears the cell).
    Typed(&'a str),
    /// `+`/`-`: the stored value moves by this much.
    Step(i64),
}

/// Checks and saves one figure. A value breaking a rule is refused: the stored one stays, and
/// what was typed stays in the cell, marked, for correction; a store failure keeps what was
/// typed on screen to try again. A typed value saved from a
/// screen that is behind the store (another window saved the cell meanwhile) is not saved:
/// the grid shows the other value and the typed one stays in the cell, so Enter saves it
/// over what the officer now sees, or Esc keeps the other.
pub(super) fn save(
    app: &mut App,
    store: &mut Store,
    unit_id: i64,
    unit: &str,
    metric: Metric,
    entry: Entry<'_>,
) -> bool {
    let s = app.strings();
    let Some(day) = app
        .board
        .volunteer_days
        .get(app.volunteer.day)
        .map(|d| d.id)
    else {
        return false;
    };
    // What the cell shows decides whether anything changed; what the store held when read
    // (a figure saved after the clock too) is what the write is checked against.
    let shown = app.volunteer.value(unit_id, metric, app.now);
    let seen = app.volunteer.stored(unit_id, metric);
    let edit = match entry {
        Entry::Typed(typed) => {
            let checked = parse_figure(typed).and_then(|v| {
                if v.is_some() && !reports(app, unit_id, metric) {
                    return Err(FigureError::NotForUnit);
                }
                check_pair(metric, v, |m| app.volunteer.stored(unit_id, m)).map(|()| v)
            });
            let value = match checked {
                Ok(v) => v,
                Err(e) => {
                    // What was typed stays in the cell, marked, to be corrected (Esc drops
                    // it and keeps the stored value).
                    if app.volunteer.editing.is_none() {
                        app.volunteer.editing = Some(TextField::new(typed));
                    }
                    app.volunteer.refused = true;
                    refuse(app, unit, metric, &e);
                    return false;
                }
            };
            if value == shown {
                app.volunteer.editing = None;
                app.volunteer.refused = false;
                return true;
            }
            FigureEdit::Set { value, seen }
        }
        Entry::Step(_) if !reports(app, unit_id, metric) => {
            refuse(app, unit, metric, &FigureError::NotForUnit);
            return false;
        }
        Entry::Step(delta) => FigureEdit::Step(delta),
    };
    let now = app.now;
    let summary = |value| ChangeSummary::Figure {
        unit: unit.to_string(),
        metric,
        value,
    };
    match store.set_figure(day, unit_id, metric, edit, now, summary) {
        Ok(saved) => {
            app.volunteer.set(unit_id, metric, saved.value, now);
            app.volunteer.editing = None;
            app.volunteer.refused = false;
            let text = match saved.value {
                Some(v) if saved.before != seen => {
                    s.fig_saved_from_other(unit, s.metric(metric), v, s.cell_value(saved.before))
                }
                Some(v) => s.fig_saved(unit, s.metric(metric), v),
                None => s.fig_cleared(unit, s.metric(metric)),
            };
            set_status(app, StatusKind::Saved, text);
            true
        }
        Err(StoreError::FigureChanged { stored }) => {
            // The typed text stays in the cell; the grid is read again, so the next Enter
            // compares against the value the officer now sees.
            refresh(app, store);
            let typed = app
                .volunteer
                .editing
                .as_ref()
                .map(|f| f.value().to_string())
                .unwrap_or_default();
            let text = s.fig_changed(unit, s.metric(metric), s.cell_value(stored), typed);
            set_status(app, StatusKind::Error, text);
            false
        }
        Err(StoreError::Figure(e)) => {
            // Another instance saved the other figure of the pair meanwhile, or a step would
            // leave the range: a typed value stays, marked, as any refused one does.
            refresh(app, store);
            app.volunteer.refused = app.volunteer.editing.is_some();
            refuse(app, unit, metric, &e);
            false
        }
        Err(e) => {
            write_failed(app, &e);
            false
        }
    }
}

/// One cell over: up and down keep the figure, left and right skip the figures the unit
/// cannot have (staying put at the row's end).
pub(super) fn step(app: &mut App, dir: Direction) {
    let rows = visible_rows(&app.board, &app.volunteer, app.now).len();
    match dir {
        Direction::Up => {
            let v = &mut app.volunteer;
            v.list.selected = v.list.selected.saturating_sub(1)
        }
        Direction::Down => {
            let v = &mut app.volunteer;
            v.list.selected = clamp(v.list.selected + 1, rows)
        }
        Direction::Left | Direction::Right => {
            let Some(unit) = cell(app).map(|c| c.0) else {
                return;
            };
            let col = clamp(app.volunteer.col, Metric::ALL.len());
            let found = if dir == Direction::Right {
                (col + 1..Metric::ALL.len()).find(|&c| reports(app, unit, Metric::ALL[c]))
            } else {
                (0..col).rev().find(|&c| reports(app, unit, Metric::ALL[c]))
            };
            if let Some(c) = found {
                app.volunteer.col = c;
            }
        }
    }
}

/// The next (or previous) cell a unit can have, in reading order: along the row, then on to
/// the next row's first (or the row before's last). At the grid's ends it stays.
pub(super) fn next_cell(app: &mut App, forward: bool) {
    let rows = visible_rows(&app.board, &app.volunteer, app.now);
    if rows.is_empty() {
        return;
    }
    let n = Metric::ALL.len();
    let row = clamp(app.volunteer.list.selected, rows.len());
    let col = clamp(app.volunteer.col, n);
    let here = row * n + col;
    let can = |pos: usize| {
        let unit = app.board.units[rows[pos / n]].id;
        reports(app, unit, Metric::ALL[pos % n])
    };
    let found = if forward {
        (here + 1..rows.len() * n).find(|&p| can(p))
    } else {
        (0..here).rev().find(|&p| can(p))
    };
    if let Some(p) = found {
        app.volunteer.list.selected = p / n;
        app.volunteer.col = p % n;
    }
}

/// The row's first (or last) figure the unit can have.
pub(super) fn row_end(app: &mut App, last: bool) {
    let Some(unit) = cell(app).map(|c| c.0) else {
        return;
    };
    let mut cols = (0..Metric::ALL.len()).filter(|&c| reports(app, unit, Metric::ALL[c]));
    let found = if last { cols.next_back() } else { cols.next() };
    if let Some(c) = found {
        app.volunteer.col = c;
    }
}
