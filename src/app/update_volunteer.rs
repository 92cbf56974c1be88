//! Tab 4's actions: moving in the Saturday figures grid, typing a figure, saving it the moment
//! the cell is left — committed to the store before the cell shows it saved.

use super::form::{Choice, ChoiceOption, Field, Form, Purpose, Rule};
use super::keymap::{Command, Context, Direction};
use super::text_field::TextField;
use super::units_view::clamp;
use super::update::set_status;
use super::volunteer::visible_rows;
use super::{App, Confirm, ConfirmAction, StatusKind};
use crate::domain::figures::{FigureError, Metric, check_pair, parse_figure};
use crate::domain::rounds::{RoundError, check_round, default_deadlines};
use crate::domain::time::format_date;
use crate::domain::time::parse_local_datetime;
use crate::i18n::{Strings, fill};
use crate::io::photos::{self, PhotoError};
use crate::store::{
    AgendaItem, AgendaStatus, NewDay, NewRegistration, PhotoRow, Store, StoreError,
};
use chrono::Datelike;

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
    // The short form, cut to 24 columns, keeps the reason within an 80-column status line.
    Some((
        unit.id,
        crate::text::truncate(&unit.short_name(), 24),
        app.volunteer.metric(),
    ))
}

/// Whether the unit reports this figure at all (land files: the land-registry task only).
fn reports(app: &App, unit_id: i64, metric: Metric) -> bool {
    !metric.is_land() || app.board.reports_land(unit_id)
}

fn refuse(app: &mut App, unit: &str, metric: Metric, e: &FigureError) {
    let s = app.strings();
    let text = fill(s.fig_refused, &[unit, s.metric(metric), &s.figure_error(e)]);
    set_status(app, StatusKind::Error, text);
}

/// The commands of tab 4's contexts: the figures grid, a cell being typed, registrations,
/// quick reports and the agenda.
pub(super) fn command(app: &mut App, store: &mut Store, context: Context, cmd: Command) {
    match (context, cmd) {
        (Context::CellEdit, Command::Backspace) => {
            if let Some(f) = app.volunteer.editing.as_mut() {
                f.backspace();
            }
        }
        (Context::CellEdit, Command::CommitCell) => {
            commit(app, store);
        }
        (Context::CellEdit, Command::CancelCell) => app.volunteer.editing = None,
        (Context::CellEdit, Command::CommitMove(dir)) if commit(app, store) => step(app, dir),
        (Context::Figures, Command::EditDigit(d)) => {
            start_editing(app, Some(char::from(b'0' + d.min(9))))
        }
        (Context::Figures, Command::EditCell) => start_editing(app, None),
        (Context::Figures, Command::ShortenCell) => {
            start_editing(app, None);
            if let Some(f) = app.volunteer.editing.as_mut() {
                f.backspace();
            }
        }
        (Context::Figures, Command::Increment | Command::Decrement) => {
            let Some((unit_id, unit, metric)) = cell(app) else {
                return;
            };
            // On an empty cell "-" starts typing, so "-3" is read (and refused) as typed.
            if cmd == Command::Decrement && app.volunteer.value(unit_id, metric).is_none() {
                return start_editing(app, Some('-'));
            }
            let old = app.volunteer.value(unit_id, metric).unwrap_or(0);
            let new = if cmd == Command::Increment {
                old + 1
            } else {
                old - 1
            };
            save(app, store, unit_id, &unit, metric, &new.to_string());
        }
        (Context::Figures, Command::ClearCell) => {
            if let Some((unit_id, unit, metric)) = cell(app) {
                save(app, store, unit_id, &unit, metric, "");
            }
        }
        (Context::Figures, Command::ColumnLeft) => {
            app.volunteer.col = app.volunteer.col.saturating_sub(1)
        }
        (Context::Figures, Command::ColumnRight) => {
            app.volunteer.col = clamp(app.volunteer.col + 1, Metric::ALL.len())
        }
        (_, Command::NextSection) => {
            app.volunteer.editing = None;
            app.volunteer.section = app.volunteer.section.next();
        }
        (_, Command::Import) => super::update_import::open_prompt(app),
        (Context::Registrations, Command::Register) => open_registration(app),
        (Context::Registrations, Command::DeleteItem) => ask_delete_registration(app),
        (Context::Reports, Command::Report) => open_report(app),
        (_, Command::NewRound) => open_round(app),
        (Context::Agenda, Command::Add) => open_agenda_item(app, None),
        (Context::Agenda, Command::Edit) => {
            let id = app.volunteer.selected_agenda().map(|a| a.id);
            if id.is_some() {
                open_agenda_item(app, id);
            }
        }
        (Context::Agenda, Command::DeleteItem) => ask_delete_agenda_item(app),
        (_, Command::PrevDay | Command::NextDay) => {
            let n = app.board.volunteer_days.len();
            let day = &mut app.volunteer.day;
            *day = if cmd == Command::NextDay {
                clamp(*day + 1, n)
            } else {
                day.saturating_sub(1)
            };
            ensure_figures(app, store);
        }
        _ => {}
    }
}

/// The registration form of the selected unit, filled from its registration if it has one.
fn open_registration(app: &mut App) {
    let s = app.strings();
    let Some((unit_id, _, _)) = cell(app) else {
        return;
    };
    let unit = app.board.unit_name(unit_id).to_string();
    let v = &app.volunteer;
    let current = v.registration(unit_id);
    let options: Vec<ChoiceOption> = v
        .activities
        .iter()
        .enumerate()
        .map(|(i, (_, name))| ChoiceOption::new(i as i64, name.clone()))
        .collect();
    let chosen: Vec<i64> = current
        .map(|r| {
            r.activities
                .iter()
                .filter_map(|code| v.activities.iter().position(|(c, _)| c == code))
                .map(|i| i as i64)
                .collect()
        })
        .unwrap_or_default();
    let mut activities = Choice::multi(options, &chosen);
    // Closed until the officer types or presses ↓: Enter then moves on like any field.
    activities.open = false;
    let at = current.map_or(app.now, |r| r.registered_at);
    let text = |max| Rule::Text {
        max_chars: max,
        required: false,
    };
    app.form = Some(Form::new(
        fill(s.form_registration, &[&unit]),
        Purpose::Registration { unit_id },
        vec![
            Field::choice(s.fl_activities, activities, Rule::Free).with_hint(s.hint_multi),
            Field::new(
                s.fl_other,
                current.map_or("", |r| r.other_activity.as_str()),
                text(200),
            ),
            Field::new(
                s.fl_place,
                current.map_or("", |r| r.place.as_str()),
                text(200),
            ),
            Field::new(
                s.fl_planned,
                &current
                    .and_then(|r| r.planned_volunteers)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                Rule::Count,
            )
            .with_hint(s.hint_count),
            Field::new(
                s.fl_registered_at,
                &at.format("%d/%m/%Y %H:%M").to_string(),
                Rule::DateTime,
            )
            .with_hint(s.hint_datetime),
        ],
    ));
}

pub(super) fn save_registration(app: &mut App, store: &mut Store, unit_id: i64) {
    let s = app.strings();
    let (Some(form), Some(day)) = (
        app.form.as_ref(),
        app.board
            .volunteer_days
            .get(app.volunteer.day)
            .map(|d| d.id),
    ) else {
        return;
    };
    let text = |label| form.field(label).map(|f| f.value()).unwrap_or_default();
    let activities: Vec<String> = form
        .field(s.fl_activities)
        .and_then(|f| f.choice_ref())
        .map(|c| {
            c.selected_ids()
                .iter()
                .filter_map(|&i| app.volunteer.activities.get(i as usize))
                .map(|(code, _)| code.clone())
                .collect()
        })
        .unwrap_or_default();
    // The form's rules passed, so these parse; a failure here would be a bug, reported as such.
    let Some(registered_at) = parse_local_datetime(&text(s.fl_registered_at)) else {
        return set_status(app, StatusKind::Error, s.err_datetime.to_string());
    };
    let planned = text(s.fl_planned).parse::<i64>().ok();
    let new = NewRegistration {
        activities,
        other_activity: text(s.fl_other),
        place: text(s.fl_place),
        planned_volunteers: planned,
        registered_at,
    };
    let unit = app.board.unit_name(unit_id).to_string();
    let summary = fill(s.summary_registration, &[&unit]);
    let result = store.save_registration(day, unit_id, &new, &app.now.to_rfc3339(), &summary);
    report_write(app, store, &summary, result);
}

/// Reports a tab-4 write: on success the form closes, the board (the checklist follows these
/// records) and the day's data are read again, and the status says what was saved; on failure
/// the form stays open with what was typed and the status says why.
fn report_write(
    app: &mut App,
    store: &Store,
    summary: &str,
    result: crate::store::Result<()>,
) -> bool {
    let s = app.strings();
    match result {
        Ok(()) => {
            app.form = None;
            super::update::reload(app, store);
            refresh(app, store);
            set_status(app, StatusKind::Saved, fill(s.saved, &[summary]));
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

fn ask_delete_registration(app: &mut App) {
    let s = app.strings();
    let Some((unit_id, _, _)) = cell(app) else {
        return;
    };
    if let Some(r) = app.volunteer.registration(unit_id) {
        let unit = app.board.unit_name(unit_id).to_string();
        app.confirm = Some(Confirm {
            question: fill(s.confirm_delete_registration, &[&unit]),
            on_yes: ConfirmAction::DeleteRegistration { id: r.id },
        });
    }
}

pub(super) fn delete_registration(app: &mut App, store: &mut Store, id: i64) {
    let s = app.strings();
    let unit_id = app
        .volunteer
        .registrations
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.unit_id);
    let unit = unit_id
        .map(|u| app.board.unit_name(u).to_string())
        .unwrap_or_default();
    let summary = fill(s.summary_delete_registration, &[&unit]);
    let result = store.delete_registration(id, &app.now.to_rfc3339(), &summary);
    report_write(app, store, &summary, result);
}

/// The form of a new round: the next Saturday after the last round, its deadlines as the plan
/// set round 2's.
fn open_round(app: &mut App) {
    let s = app.strings();
    let last = app.board.volunteer_days.iter().map(|d| d.date).max();
    let start = last.map_or(app.now.date_naive(), |d| d + chrono::Duration::days(7));
    // The next Saturday from there.
    let offset = (6 + 7 - start.weekday().num_days_from_monday() as i64 + 7 - 1) % 7;
    let date = start + chrono::Duration::days(offset);
    let round = app
        .board
        .volunteer_days
        .iter()
        .map(|d| d.round)
        .max()
        .unwrap_or(0)
        + 1;
    let (reg, rep) = default_deadlines(date);
    let host = app
        .board
        .volunteer_days
        .last()
        .map(|d| d.host.clone())
        .unwrap_or_default();
    let fmt = |t: chrono::DateTime<chrono::FixedOffset>| t.format("%d/%m/%Y %H:%M").to_string();
    app.form = Some(Form::new(
        s.form_round.to_string(),
        Purpose::Round,
        vec![
            Field::new(s.fl_day_date, &format_date(date), Rule::Free).with_hint(s.hint_date),
            Field::new(s.fl_round, &round.to_string(), Rule::Free),
            Field::new(
                s.fl_day_title,
                &fill(s.day_title_default, &[&round.to_string()]),
                Rule::Text {
                    max_chars: 300,
                    required: true,
                },
            ),
            Field::new(
                s.fl_host,
                &host,
                Rule::Text {
                    max_chars: 200,
                    required: false,
                },
            ),
            Field::new(s.fl_reg_deadline, &fmt(reg), Rule::DateTime).with_hint(s.hint_datetime),
            Field::new(s.fl_report_deadline, &fmt(rep), Rule::DateTime).with_hint(s.hint_datetime),
        ],
    ));
}

/// Checks the new round against the campaign (a Saturday inside it, not taken, deadlines in
/// order) and adds it; the problem is named next to its field otherwise.
pub(super) fn save_round(app: &mut App, store: &mut Store) {
    let s = app.strings();
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let text = |label| form.field(label).map(|f| f.value()).unwrap_or_default();
    let date = match crate::domain::initiative::parse_date(&text(s.fl_day_date)) {
        Ok(d) => d,
        Err(_) => return field_problem(app, s.fl_day_date, s.err_date.to_string()),
    };
    let round = match text(s.fl_round).parse::<i64>() {
        Ok(n) if (1..=99).contains(&n) => n,
        _ => return field_problem(app, s.fl_round, s.err_round.to_string()),
    };
    let (Some(reg), Some(rep)) = (
        parse_local_datetime(&text(s.fl_reg_deadline)),
        parse_local_datetime(&text(s.fl_report_deadline)),
    ) else {
        return field_problem(app, s.fl_reg_deadline, s.err_datetime.to_string());
    };
    let c = &app.board.campaign;
    let existing: Vec<chrono::NaiveDate> =
        app.board.volunteer_days.iter().map(|d| d.date).collect();
    if let Err(e) = check_round(date, (c.starts_on, c.ends_on), &existing, reg, rep) {
        let (label, text) = match e {
            RoundError::NotSaturday(w) => (
                s.fl_day_date,
                fill(s.err_not_saturday, &[&format_date(date), s.weekday(w)]),
            ),
            RoundError::OutsideCampaign { start, end } => (
                s.fl_day_date,
                fill(s.err_date_range, &[&format_date(start), &format_date(end)]),
            ),
            RoundError::Exists => (s.fl_day_date, fill(s.err_day_exists, &[&format_date(date)])),
            RoundError::DeadlineOrder => (s.fl_reg_deadline, s.err_deadline_order.to_string()),
        };
        return field_problem(app, label, text);
    }
    let day = NewDay {
        round,
        date,
        title: text(s.fl_day_title),
        host: text(s.fl_host),
        registration_deadline: reg,
        report_deadline: rep,
    };
    let summary = fill(s.summary_round, &[&round.to_string(), &format_date(date)]);
    match store.add_volunteer_day(&day, &app.now.to_rfc3339(), &summary) {
        Ok(id) => {
            app.form = None;
            super::update::reload(app, store);
            if let Some(i) = app.board.volunteer_days.iter().position(|d| d.id == id) {
                app.volunteer.day = i;
            }
            refresh(app, store);
            set_status(app, StatusKind::Saved, fill(s.saved, &[&summary]));
        }
        Err(e) => set_status(
            app,
            StatusKind::Error,
            fill(s.save_failed, &[&e.to_string()]),
        ),
    }
}

/// Marks a field with a problem found on saving and keeps the form open on it.
fn field_problem(app: &mut App, label: &'static str, text: String) {
    let s = app.strings();
    if let Some(form) = app.form.as_mut()
        && let Some(i) = form.fields.iter().position(|f| f.label == label)
    {
        form.fields[i].problem = Some(text.clone());
        form.focus = i;
    }
    set_status(app, StatusKind::Error, fill(s.save_failed, &[&text]));
}

fn status_options(s: &Strings) -> Vec<ChoiceOption> {
    AgendaStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, st)| ChoiceOption::new(i as i64, s.agenda_status(*st)))
        .collect()
}

fn open_agenda_item(app: &mut App, id: Option<i64>) {
    let s = app.strings();
    let item = id.and_then(|id| app.volunteer.agenda.iter().find(|a| a.id == id).cloned());
    let status = item.as_ref().map_or(AgendaStatus::Planned, |a| a.status);
    let status_index = AgendaStatus::ALL
        .iter()
        .position(|x| *x == status)
        .unwrap_or(0) as i64;
    let c = &app.board.campaign;
    let mut form = Form::new(
        if id.is_some() {
            s.form_agenda_edit
        } else {
            s.form_agenda_new
        }
        .to_string(),
        Purpose::Agenda { id },
        vec![
            Field::new(
                s.col_title_agenda,
                item.as_ref().map_or("", |a| a.title.as_str()),
                Rule::Text {
                    max_chars: 300,
                    required: true,
                },
            ),
            Field::new(
                s.fl_owner,
                item.as_ref().map_or("", |a| a.owner.as_str()),
                Rule::Text {
                    max_chars: 200,
                    required: false,
                },
            ),
            Field::new(
                s.col_date2,
                &item
                    .as_ref()
                    .and_then(|a| a.date)
                    .map(format_date)
                    .unwrap_or_default(),
                Rule::OptionalDate {
                    start: c.starts_on,
                    end: c.ends_on,
                },
            )
            .with_hint(s.hint_date_optional),
            Field::choice(
                s.fl_status,
                Choice::single(status_options(s), Some(status_index)),
                Rule::Chosen,
            )
            .with_hint(s.hint_pick),
            Field::new(
                s.fl_note,
                item.as_ref().map_or("", |a| a.note.as_str()),
                Rule::Text {
                    max_chars: 500,
                    required: false,
                },
            ),
        ],
    );
    form.focus = 0;
    app.form = Some(form);
}

pub(super) fn save_agenda_item(app: &mut App, store: &mut Store, id: Option<i64>) {
    let s = app.strings();
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let text = |label| form.field(label).map(|f| f.value()).unwrap_or_default();
    let status = form
        .field(s.fl_status)
        .and_then(|f| f.choice_ref())
        .and_then(|c| c.selected_option())
        .and_then(|o| AgendaStatus::ALL.get(o.id as usize).copied())
        .unwrap_or(AgendaStatus::Planned);
    let date_text = text(s.col_date2);
    let date = if date_text.trim().is_empty() {
        None
    } else {
        crate::domain::initiative::parse_date(&date_text).ok()
    };
    let item = AgendaItem {
        title: text(s.col_title_agenda),
        owner: text(s.fl_owner),
        date,
        status,
        note: text(s.fl_note),
    };
    let summary = fill(
        if id.is_some() {
            s.summary_agenda_edit
        } else {
            s.summary_agenda_add
        },
        &[&item.title],
    );
    match store.save_agenda_item(id, &item, &app.now.to_rfc3339(), &summary) {
        Ok(saved) => {
            app.form = None;
            refresh(app, store);
            let v = &mut app.volunteer;
            if let Some(i) = v
                .visible_agenda()
                .iter()
                .position(|&i| v.agenda.get(i).is_some_and(|a| a.id == saved))
            {
                v.agenda_row = i;
            }
            set_status(app, StatusKind::Saved, fill(s.saved, &[&summary]));
        }
        Err(e) => set_status(
            app,
            StatusKind::Error,
            fill(s.save_failed, &[&e.to_string()]),
        ),
    }
}

fn ask_delete_agenda_item(app: &mut App) {
    let s = app.strings();
    if let Some(a) = app.volunteer.selected_agenda() {
        app.confirm = Some(Confirm {
            question: fill(s.confirm_delete_agenda, &[&a.title]),
            on_yes: ConfirmAction::DeleteAgendaItem { id: a.id },
        });
    }
}

pub(super) fn delete_agenda_item(app: &mut App, store: &mut Store, id: i64) {
    let s = app.strings();
    let title = app
        .volunteer
        .agenda
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.title.clone())
        .unwrap_or_default();
    let summary = fill(s.summary_agenda_delete, &[&title]);
    match store.delete_agenda_item(id, &app.now.to_rfc3339(), &summary) {
        Ok(()) => {
            refresh(app, store);
            let n = app.volunteer.visible_agenda().len();
            app.volunteer.agenda_row = clamp(app.volunteer.agenda_row, n);
            set_status(app, StatusKind::Saved, fill(s.saved, &[&summary]));
        }
        Err(e) => set_status(
            app,
            StatusKind::Error,
            fill(s.save_failed, &[&e.to_string()]),
        ),
    }
}

/// The quick-report form of the selected unit: when it came in (now unless typed), photos to
/// add (one path a line), a note.
fn open_report(app: &mut App) {
    let s = app.strings();
    let Some((unit_id, _, _)) = cell(app) else {
        return;
    };
    let unit = app.board.unit_name(unit_id).to_string();
    let current = app.volunteer.report(unit_id);
    let at = current.map_or(app.now, |r| r.received_at);
    let note = current.map_or(String::new(), |r| r.note.clone());
    app.form = Some(Form::new(
        fill(s.form_report, &[&unit]),
        Purpose::Report { unit_id },
        vec![
            Field::new(
                s.fl_received_at,
                &at.format("%d/%m/%Y %H:%M").to_string(),
                Rule::DateTime,
            )
            .with_hint(s.hint_datetime),
            Field::lines(s.fl_photos, "", 3, Rule::Free).with_hint(s.hint_photos),
            Field::new(
                s.fl_note,
                &note,
                Rule::Text {
                    max_chars: 500,
                    required: false,
                },
            ),
        ],
    ));
}

/// Checks every photo path, copies the photos into the data folder, then records the report
/// with them in one change. A bad path is named next to the photo field and nothing is saved.
pub(super) fn save_report(app: &mut App, store: &mut Store, unit_id: i64) {
    let s = app.strings();
    let (Some(form), Some(day)) = (
        app.form.as_ref(),
        app.board.volunteer_days.get(app.volunteer.day).cloned(),
    ) else {
        return;
    };
    let text = |label| form.field(label).map(|f| f.value()).unwrap_or_default();
    let Some(received_at) = parse_local_datetime(&text(s.fl_received_at)) else {
        return set_status(app, StatusKind::Error, s.err_datetime.to_string());
    };
    let note = text(s.fl_note);
    let mut checked = Vec::new();
    let mut problems = Vec::new();
    for line in text(s.fl_photos).lines().filter(|l| !l.trim().is_empty()) {
        match photos::check(line) {
            Ok(p) => checked.push(p),
            Err(PhotoError::Missing(p)) => {
                problems.push(fill(s.err_photo_missing, &[&p.display().to_string()]))
            }
            Err(PhotoError::NotAnImage(p)) => {
                problems.push(fill(s.err_photo_not_image, &[&p.display().to_string()]))
            }
            Err(PhotoError::Unreadable(p, e)) => problems.push(fill(
                s.err_photo_read,
                &[&p.display().to_string(), &e.to_string()],
            )),
        }
    }
    if !problems.is_empty() {
        return photo_problem(app, problems.join(" · "));
    }
    let unit_code = app
        .board
        .units
        .iter()
        .find(|u| u.id == unit_id)
        .map_or_else(|| unit_id.to_string(), |u| u.code.clone());
    let data = store
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(
            || std::path::PathBuf::from("."),
            std::path::Path::to_path_buf,
        );
    let mut rows = Vec::new();
    let mut copied = Vec::new();
    for p in &checked {
        match photos::copy_into(&data, &day.code, &unit_code, p) {
            Ok(relative) => {
                copied.push(data.join(&relative));
                rows.push(PhotoRow {
                    path: relative.display().to_string(),
                    original_name: p.original_name.clone(),
                    media_type: p.kind.media_type().to_string(),
                    bytes: i64::try_from(p.bytes).unwrap_or(i64::MAX),
                });
            }
            Err(e) => {
                remove_all(&copied);
                return photo_problem(app, fill(s.err_photo_copy, &[&e.to_string()]));
            }
        }
    }
    let unit = app.board.unit_name(unit_id).to_string();
    let summary = fill(s.summary_report, &[&unit, &rows.len().to_string()]);
    let now = app.now.to_rfc3339();
    let result = store.save_report(day.id, unit_id, received_at, &note, &rows, &now, &summary);
    if !report_write(app, store, &summary, result) {
        // Nothing refers to the copies: take them back so the folder holds no strays.
        remove_all(&copied);
    }
}

fn remove_all(paths: &[std::path::PathBuf]) {
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}

/// Marks the photo field with what is wrong and keeps the form open.
fn photo_problem(app: &mut App, text: String) {
    let s = app.strings();
    if let Some(form) = app.form.as_mut()
        && let Some(i) = form.fields.iter().position(|f| f.label == s.fl_photos)
    {
        form.fields[i].problem = Some(text.clone());
        form.focus = i;
    }
    set_status(app, StatusKind::Error, fill(s.save_failed, &[&text]));
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
        Err(StoreError::Figure(e)) => {
            // Another instance saved the other figure of the pair meanwhile.
            app.volunteer.editing = None;
            refresh(app, store);
            refuse(app, unit, metric, &e);
            false
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

/// One cell over.
fn step(app: &mut App, dir: Direction) {
    let rows = visible_rows(&app.board.units, &app.volunteer).len();
    let v = &mut app.volunteer;
    match dir {
        Direction::Up => v.row = v.row.saturating_sub(1),
        Direction::Down => v.row = clamp(v.row + 1, rows),
        Direction::Left => v.col = v.col.saturating_sub(1),
        Direction::Right => v.col = clamp(v.col + 1, Metric::ALL.len()),
    }
}
