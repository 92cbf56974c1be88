//! Tab 4's Action Month agenda: adding, editing and deleting its activities.

use super::form::{Choice, ChoiceOption, Field, FieldId, Form, Purpose, Rule};
use super::units_view::clamp;
use super::update::{set_status, write_failed};
use super::update_volunteer::refresh;
use super::{App, Confirm, ConfirmAction, StatusKind};
use crate::domain::change::ChangeSummary;
use crate::domain::time::format_date;
use crate::i18n::Strings;
use crate::store::{AgendaItem, AgendaStatus, Store};

fn status_options(s: &Strings) -> Vec<ChoiceOption> {
    AgendaStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, st)| ChoiceOption::new(i as i64, s.agenda_status(*st)))
        .collect()
}

pub(super) fn open_agenda_item(app: &mut App, id: Option<i64>) {
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
                FieldId::Title,
                s.col_title_agenda,
                item.as_ref().map_or("", |a| a.title.as_str()),
                Rule::Text {
                    max_chars: 300,
                    required: true,
                },
            ),
            Field::new(
                FieldId::Owner,
                s.fl_owner,
                item.as_ref().map_or("", |a| a.owner.as_str()),
                Rule::Text {
                    max_chars: 200,
                    required: false,
                },
            ),
            Field::new(
                FieldId::Date,
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
                FieldId::Status,
                s.fl_status,
                Choice::single(status_options(s), Some(status_index)),
                Rule::Chosen,
            )
            .with_hint(s.hint_pick),
            Field::new(
                FieldId::Note,
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
    let text = |id| form.text(id);
    let status = form
        .choice(FieldId::Status)
        .and_then(|c| c.selected_option())
        .and_then(|o| AgendaStatus::ALL.get(o.id as usize).copied())
        .unwrap_or(AgendaStatus::Planned);
    let date_text = text(FieldId::Date);
    let date = if date_text.trim().is_empty() {
        None
    } else {
        crate::domain::initiative::parse_date(&date_text).ok()
    };
    let item = AgendaItem {
        title: text(FieldId::Title),
        owner: text(FieldId::Owner),
        date,
        status,
        note: text(FieldId::Note),
    };
    let title = item.title.clone();
    let summary = if id.is_some() {
        ChangeSummary::EditAgenda { title }
    } else {
        ChangeSummary::AddAgenda { title }
    };
    match store.save_agenda_item(id, &item, app.now, &summary) {
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
            set_status(app, StatusKind::Saved, s.saved(s.change(&summary)));
        }
        Err(e) => write_failed(app, &e),
    }
}

pub(super) fn ask_delete_agenda_item(app: &mut App) {
    let s = app.strings();
    if let Some(a) = app.volunteer.selected_agenda() {
        app.confirm = Some(Confirm {
            question: s.confirm_delete_agenda(&a.title),
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
    let summary = ChangeSummary::DeleteAgenda { title };
    match store.delete_agenda_item(id, app.now, &summary) {
        Ok(()) => {
            refresh(app, store);
            let n = app.volunteer.visible_agenda().len();
            app.volunteer.agenda_row = clamp(app.volunteer.agenda_row, n);
            set_status(app, StatusKind::Saved, s.saved(s.change(&summary)));
        }
        Err(e) => write_failed(app, &e),
    }
}
