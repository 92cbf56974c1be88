//! Tab 4's actions: moving in the Saturday figures grid, typing a figure, saving it the moment
//! the cell is left — committed to the store before the cell shows it saved.

use super::keymap::Command;
use super::text_field::TextField;
use super::units_view::clamp;
use super::update::set_status;
use super::volunteer::visible_rows;
use super::{App, StatusKind};
use crate::domain::figures::{FigureError, Metric, check_pair, parse_figure};
use crate::i18n::{Strings, fill};
use crate::store::Store;

/// Keeps the grid's figures those of the selected day.
pub(super) fn ensure_figures(app: &mut App, store: &Store) {
    let Some(day) = app.board.volunteer_days.get(app.volunteer.day) else {
        return;
    };
    if let Err(e) = app.volunteer.load(store, day.id, false) {
        set_status(app, StatusKind::Error, e.to_string());
    }
}

/// After an undo or another instance's write.
pub(super) fn refresh(app: &mut App, store: &Store) {
    app.volunteer.invalidate();
    ensure_figures(app, store);
}

/// The selected cell: (unit id, unit name, figure), if any unit is shown.
fn cell(app: &App) -> Option<(i64, String, Metric)> {
    let rows = visible_rows(&app.board.units, &app.volunteer);
    let &i = rows.get(clamp(app.volunteer.row, rows.len()))?;
    let unit = &app.board.units[i];
    // The short form keeps messages within an 80-column status line.
    Some((unit.id, unit.short_name(), app.volunteer.metric()))
}

fn error_text(e: &FigureError, s: &Strings) -> String {
    match e {
        FigureError::NotANumber(t) => fill(s.err_fig_nan, &[t]),
        FigureError::Negative => s.err_fig_negative.to_string(),
        FigureError::TooLarge => s.err_fig_large.to_string(),
        FigureError::ExceedsBound { bound, value } => {
            fill(s.err_fig_bound, &[s.metric(*bound), &value.to_string()])
        }
        FigureError::BelowDependent { dependent, value } => {
            fill(s.err_fig_below, &[s.metric(*dependent), &value.to_string()])
        }
        FigureError::NotForUnit => s.err_fig_not_unit.to_string(),
    }
}

/// Whether the unit reports this figure at all (land files: the land-registry task only).
fn reports(app: &App, unit_id: i64, metric: Metric) -> bool {
    !metric.is_land() || app.board.reports_land(unit_id)
}

fn refuse(app: &mut App, unit: &str, metric: Metric, e: &FigureError) {
    let s = app.strings();
    let text = fill(s.fig_refused, &[unit, s.metric(metric), &error_text(e, s)]);
    set_status(app, StatusKind::Error, text);
}

pub(super) fn command(app: &mut App, store: &mut Store, cmd: Command) -> bool {
    match cmd {
        Command::EditDigit(d) => start_editing(app, Some(char::from(b'0' + d.min(9)))),
        Command::EditCell => start_editing(app, None),
        Command::Backspace if app.volunteer.editing.is_none() => {
            // Backspace on a cell edits its value, one digit shorter.
            start_editing(app, None);
            if let Some(f) = app.volunteer.editing.as_mut() {
                f.backspace();
            }
        }
        Command::Backspace => {
            if let Some(f) = app.volunteer.editing.as_mut() {
                f.backspace();
            }
        }
        Command::CommitCell => {
            commit(app, store);
        }
        Command::CancelCell => app.volunteer.editing = None,
        Command::CommitMove(dir) => {
            if commit(app, store) {
                step(app, dir);
            }
        }
        Command::Increment | Command::Decrement => {
            let Some((unit_id, unit, metric)) = cell(app) else {
                return true;
            };
            let old = app.volunteer.value(unit_id, metric).unwrap_or(0);
            let new = if cmd == Command::Increment {
                old + 1
            } else {
                old - 1
            };
            save(app, store, unit_id, &unit, metric, &new.to_string());
        }
        Command::ClearCell => {
            if let Some((unit_id, unit, metric)) = cell(app) {
                save(app, store, unit_id, &unit, metric, "");
            }
        }
        Command::ColumnLeft => app.volunteer.col = app.volunteer.col.saturating_sub(1),
        Command::ColumnRight => app.volunteer.col = clamp(app.volunteer.col + 1, Metric::ALL.len()),
        Command::PrevDay | Command::NextDay => {
            let n = app.board.volunteer_days.len();
            let day = &mut app.volunteer.day;
            *day = if cmd == Command::NextDay {
                clamp(*day + 1, n)
            } else {
                day.saturating_sub(1)
            };
            ensure_figures(app, store);
        }
        _ => return false,
    }
    true
}

/// Typing into a cell: a digit starts from that digit; Enter from the value there.
fn start_editing(app: &mut App, first: Option<char>) {
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
            .value(unit_id, metric)
            .map(|v| v.to_string())
            .unwrap_or_default(),
    };
    app.volunteer.editing = Some(TextField::new(&text));
}

/// Saves the cell being typed. True when the grid may move on (saved, or nothing typed).
fn commit(app: &mut App, store: &mut Store) -> bool {
    let Some(field) = app.volunteer.editing.as_ref() else {
        return true;
    };
    let typed = field.value().to_string();
    let Some((unit_id, unit, metric)) = cell(app) else {
        app.volunteer.editing = None;
        return true;
    };
    save(app, store, unit_id, &unit, metric, &typed)
}

/// Checks and saves one figure. A value breaking a rule is refused (the old one stays); a
/// store failure keeps what was typed on screen to try again.
fn save(
    app: &mut App,
    store: &mut Store,
    unit_id: i64,
    unit: &str,
    metric: Metric,
    typed: &str,
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
    let checked = parse_figure(typed).and_then(|v| {
        if v.is_some() && !reports(app, unit_id, metric) {
            return Err(FigureError::NotForUnit);
        }
        check_pair(metric, v, |m| app.volunteer.value(unit_id, m)).map(|()| v)
    });
    let value = match checked {
        Ok(v) => v,
        Err(e) => {
            app.volunteer.editing = None;
            refuse(app, unit, metric, &e);
            return false;
        }
    };
    if value == app.volunteer.value(unit_id, metric) {
        app.volunteer.editing = None;
        return true;
    }
    let shown = value.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
    let summary = fill(s.summary_figure, &[unit, s.metric(metric), &shown]);
    let now = app.now;
    match store.set_figure(day, unit_id, metric, value, &now.to_rfc3339(), &summary) {
        Ok(()) => {
            app.volunteer.set(unit_id, metric, value, now);
            app.volunteer.editing = None;
            let text = match value {
                Some(v) => fill(s.fig_saved, &[unit, s.metric(metric), &v.to_string()]),
                None => fill(s.fig_cleared, &[unit, s.metric(metric)]),
            };
            set_status(app, StatusKind::Saved, text);
            true
        }
        Err(e) => {
            set_status(
                app,
                StatusKind::Error,
                fill(s.save_failed, &[&e.to_string()]),
            );
            false
        }
    }
}

/// One cell over: 0 up, 1 down, 2 left, 3 right.
fn step(app: &mut App, dir: u8) {
    let rows = visible_rows(&app.board.units, &app.volunteer).len();
    let v = &mut app.volunteer;
    match dir {
        0 => v.row = v.row.saturating_sub(1),
        1 => v.row = clamp(v.row + 1, rows),
        2 => v.col = v.col.saturating_sub(1),
        _ => v.col = clamp(v.col + 1, Metric::ALL.len()),
    }
}
