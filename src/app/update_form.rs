//! A form's life: moving between fields, picking from a list, saving (each form's own
//! handler writes it), cancelling, and quitting with unsaved typing.

use super::form::{Form, Input, Purpose};
use super::keymap::{Command, Context};
use super::update::set_status;
use super::update_initiatives as ini;
use super::update_kpi as uk;
use super::update_units as units;
use super::{App, Confirm, ConfirmAction, StatusKind};
use crate::store::Store;

/// The commands of a form's contexts: Form, PathField, PhotoPaths, Picker, MultiLine.
pub(super) fn command(app: &mut App, store: &mut Store, context: Context, cmd: Command) {
    match (context, cmd) {
        (_, Command::Save) => save_form(app, store),
        (_, Command::CancelForm) => cancel_form(app),
        (_, Command::NextField) => {
            if let Some(f) = app.form.as_mut() {
                f.next();
            }
        }
        (_, Command::PrevField) => {
            if let Some(f) = app.form.as_mut() {
                f.prev();
            }
        }
        (_, Command::EnterInForm) => match app.form.as_mut() {
            Some(f) if !f.on_last_field() => f.next(),
            Some(_) => save_form(app, store),
            None => {}
        },
        (Context::PathField, Command::CompletePath) => super::update_import::complete_path(app),
        (Context::PhotoPaths, Command::CompletePath) => super::update_import::complete_photo(app),
        (Context::Picker, Command::PickNext | Command::PickPrev) => {
            if let Some(Input::Choice(c)) = app.form.as_mut().and_then(Form::focused_input) {
                c.move_cursor(if cmd == Command::PickNext { 1 } else { -1 });
            }
        }
        (Context::Picker, Command::Pick) => pick(app, store),
        (Context::MultiLine, _) => super::update_text::command(app, cmd),
        _ => {}
    }
}

/// Enter in a picker: take the highlighted line; a single choice then moves on (or saves a
/// one-field form), a multiple choice stays to pick more.
fn pick(app: &mut App, store: &mut Store) {
    let Some(form) = app.form.as_mut() else {
        return;
    };
    let Some(Input::Choice(c)) = form.focused_input() else {
        return;
    };
    // A closed list picks nothing: Enter then only moves on, as in any other field, so
    // passing through a picker never chooses its first line by accident.
    if c.open {
        let multi = c.multi;
        if !c.pick() || multi {
            return;
        }
    }
    if form.on_last_field() {
        save_form(app, store);
    } else {
        form.next();
    }
}

pub(super) fn save_form(app: &mut App, store: &mut Store) {
    let s = app.strings();
    let Some(form) = app.form.as_mut() else {
        return;
    };
    form.tried_save = true;
    let errors = form.error_count(s);
    if errors > 0 {
        form.focus_first_error(s);
        return set_status(app, StatusKind::Error, s.form_fix_errors(errors));
    }
    let purpose = form.purpose;
    if purpose == Purpose::InitiativeFilter {
        return ini::apply_filter_form(app);
    }
    // A form whose defaults are the record (a proposal, a stage, a new registration "now")
    // saves even untouched; an untouched edit of something saved has nothing to write.
    let new_registration = match purpose {
        Purpose::Registration { unit_id } => app.volunteer.registration(unit_id, app.now).is_none(),
        Purpose::Report { unit_id } => app.volunteer.report(unit_id, app.now).is_none(),
        Purpose::Round
        | Purpose::Agenda { id: None }
        | Purpose::Target { .. }
        | Purpose::ImportPath { .. } => true,
        _ => false,
    };
    if !form.is_dirty()
        && !new_registration
        && !matches!(
            purpose,
            Purpose::Proposal { .. } | Purpose::StageJump { .. }
        )
    {
        app.form = None;
        return set_status(app, StatusKind::Info, s.unchanged.to_string());
    }
    match purpose {
        Purpose::UnitContact { unit_id } => units::save_contact(app, store, unit_id),
        Purpose::ImportPath { kind } => super::update_import::plan(app, store, kind),
        Purpose::Initiative { id } => ini::save(app, store, id),
        Purpose::Proposal { id, stage } => ini::save_proposal(app, store, id, stage),
        Purpose::StageJump { id } => ini::save_stage_jump(app, store, id),
        Purpose::Replications { id } => ini::save_replications(app, store, id),
        Purpose::Registration { unit_id } => {
            super::update_registrations::save_registration(app, store, unit_id)
        }
        Purpose::Report { unit_id } => super::update_reports::save_report(app, store, unit_id),
        Purpose::Round => super::update_rounds::save_round(app, store),
        Purpose::Measurement { kpi_id } => uk::save_measurement(app, store, kpi_id),
        Purpose::Target { kpi_id } => uk::save_target(app, store, kpi_id),
        Purpose::Agenda { id } => super::update_agenda::save_agenda_item(app, store, id),
        Purpose::Assessment { date } => super::update_assessment::save(app, store, date),
        Purpose::InitiativeFilter => {}
    }
}

/// Quits at once unless a form holds unsaved typing: then it asks first.
pub(super) fn quit(app: &mut App) {
    let s = app.strings();
    app.help_open = false;
    match app.form.as_ref() {
        Some(f)
            if f.is_dirty() && f.purpose != Purpose::InitiativeFilter && app.confirm.is_none() =>
        {
            app.confirm = Some(Confirm {
                question: s.quit_discard.to_string(),
                on_yes: ConfirmAction::QuitDiscarding,
            })
        }
        _ => app.quit = true,
    }
}

fn cancel_form(app: &mut App) {
    let s = app.strings();
    let Some(form) = app.form.as_mut() else {
        return;
    };
    // Esc in a picker with typed text first clears the text.
    if let Some(Input::Choice(c)) = form.focused_input()
        && (c.open || !c.query.value().is_empty())
        && !c.multi
    {
        c.query.clear();
        c.reset_cursor();
        c.open = false;
        return;
    }
    if form.is_dirty() && form.purpose != Purpose::InitiativeFilter {
        app.confirm = Some(Confirm {
            question: s.form_discard.to_string(),
            on_yes: ConfirmAction::DiscardForm,
        });
    } else {
        app.form = None;
    }
}
