//! Tab 4's Saturday registrations: the form of a unit's registration, saving and deleting.

use super::form::{Across, Choice, ChoiceOption, Field, FieldId, Form, Purpose, Rule};
use super::update::{Stale, field_problem, finish_write, set_status};
use super::update_volunteer::cell;
use super::{App, Confirm, ConfirmAction, StatusKind};
use crate::domain::change::ChangeSummary;
use crate::domain::time::{format_local, read_datetime};
use crate::store::{NewRegistration, Store};

/// The registration form of the selected unit, filled from its registration if it has one.
pub(super) fn open_registration(app: &mut App) {
    let s = app.strings();
    let Some((unit_id, _, _)) = cell(app) else {
        return;
    };
    let unit = app.board.unit_name(unit_id).to_string();
    let v = &app.volunteer;
    let current = v.registration(unit_id, app.now);
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
    app.form = Some(
        Form::new(
            s.form_registration(&unit),
            Purpose::Registration { unit_id },
            vec![
                Field::choice(FieldId::Activities, s.fl_activities, activities, Rule::Free)
                    .with_hint(s.hint_multi),
                Field::new(
                    FieldId::OtherActivity,
                    s.fl_other,
                    current.map_or("", |r| r.other_activity.as_str()),
                    text(200),
                ),
                Field::new(
                    FieldId::Place,
                    s.fl_place,
                    current.map_or("", |r| r.place.as_str()),
                    text(200),
                ),
                Field::new(
                    FieldId::PlannedVolunteers,
                    s.fl_planned,
                    &current
                        .and_then(|r| r.planned_volunteers)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    Rule::Count,
                )
                .with_hint(s.hint_count),
                Field::new(
                    FieldId::RegisteredAt,
                    s.fl_registered_at,
                    &at.format("%d/%m/%Y %H:%M").to_string(),
                    Rule::DateTime,
                )
                .with_hint(s.hint_datetime),
            ],
        )
        // A registration says what the unit will do: ticked, or written under "Other".
        .with_across(Across::ChoiceOrText {
            choice: FieldId::Activities,
            text: FieldId::OtherActivity,
        }),
    );
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
    let text = |id| form.text(id);
    let activities: Vec<String> = form
        .choice(FieldId::Activities)
        .map(|c| {
            c.selected_ids()
                .iter()
                .filter_map(|&i| app.volunteer.activities.get(i as usize))
                .map(|(code, _)| code.clone())
                .collect()
        })
        .unwrap_or_default();
    // The form's rules passed, so these parse; a failure here would be a bug, reported as such.
    let Some(registered_at) = read_datetime(&text(FieldId::RegisteredAt)).ok() else {
        return set_status(app, StatusKind::Error, s.err_datetime.to_string());
    };
    // A registration not yet made cannot count as made on time: tab 4 would call it on time
    // while the checklist, which ignores what is dated after now, still waits for it.
    if !crate::domain::checklist::known(registered_at, app.now) {
        let why = s.err_in_future(format_local(registered_at), format_local(app.now));
        return field_problem(app, FieldId::RegisteredAt, why);
    }
    let planned = text(FieldId::PlannedVolunteers).parse::<i64>().ok();
    let new = NewRegistration {
        activities,
        other_activity: text(FieldId::OtherActivity),
        place: text(FieldId::Place),
        planned_volunteers: planned,
        registered_at,
    };
    let unit = app.board.unit_name(unit_id).to_string();
    let summary = ChangeSummary::Registration { unit };
    let result = store.save_registration(day, unit_id, &new, app.now, &summary);
    finish_write(app, store, result, Stale::Day, &summary);
}

pub(super) fn ask_delete_registration(app: &mut App) {
    let s = app.strings();
    let Some((unit_id, _, _)) = cell(app) else {
        return;
    };
    if let Some(r) = app.volunteer.registration(unit_id, app.now) {
        let unit = app.board.unit_name(unit_id).to_string();
        app.confirm = Some(Confirm {
            question: s.confirm_delete_registration(&unit),
            on_yes: ConfirmAction::DeleteRegistration { id: r.id },
        });
    }
}

pub(super) fn delete_registration(app: &mut App, store: &mut Store, id: i64) {
    let unit_id = app
        .volunteer
        .registrations(app.now)
        .find(|r| r.id == id)
        .map(|r| r.unit_id);
    let unit = unit_id
        .map(|u| app.board.unit_name(u).to_string())
        .unwrap_or_default();
    let summary = ChangeSummary::DeleteRegistration { unit };
    let result = store.delete_registration(id, app.now, &summary);
    finish_write(app, store, result, Stale::Day, &summary);
}
