//! Tab 2's actions: ticking the checklist, the contact form, the columns, filters and sort.

use super::form::{Field, FieldId, Form, Purpose, Rule};
use super::keymap::Command;
use super::units_view::{clamp, visible_units};
use super::update::{Stale, finish_write, reload, set_status, write_failed};
use super::{App, StatusKind};
use crate::domain::campaign::RequirementSource;
use crate::domain::change::ChangeSummary;
use crate::domain::time::format_local;
use crate::store::Store;

/// The commands of the Units context.
pub(super) fn command(app: &mut App, store: &mut Store, cmd: Command) {
    match cmd {
        Command::ToggleCheck => toggle_check(app, store),
        Command::ColumnLeft => app.units.column = app.units.column.saturating_sub(1),
        Command::ColumnRight => {
            app.units.column = clamp(app.units.column + 1, app.board.requirements.len())
        }
        Command::Edit => open_contact_form(app),
        Command::CycleKindFilter => {
            app.units.cycle_kind_filter(&app.board.kinds);
            app.units.list.selected = 0;
        }
        Command::ToggleMissingOnly => {
            app.units.missing_only = !app.units.missing_only;
            app.units.list.selected = 0;
        }
        Command::CycleSort => app.units.sort = app.units.sort.next(),
        Command::Import => super::update_import::open_prompt(app),
        _ => {}
    }
}

fn selected_unit(app: &App) -> Option<usize> {
    let rows = visible_units(&app.board, &app.units, app.now);
    rows.get(clamp(app.units.list.selected, rows.len()))
        .copied()
}

fn toggle_check(app: &mut App, store: &mut Store) {
    let s = app.strings();
    let Some(unit_index) = selected_unit(app) else {
        return;
    };
    let Some(req) = app.board.requirements.get(app.units.column).cloned() else {
        return;
    };
    let unit = app.board.units[unit_index].clone();
    if !req.applies(&unit.kind) {
        let msg = s.not_applicable_here(&req.short, &unit.name);
        return set_status(app, StatusKind::Info, msg);
    }
    let computed = match req.source {
        RequirementSource::Manual => None,
        RequirementSource::Initiative => Some(s.computed_from_initiatives(&req.short)),
        RequirementSource::VolunteerRegistration => Some(s.computed_from_registrations(&req.short)),
        RequirementSource::QuickReport => Some(s.computed_from_reports(&req.short)),
    };
    if let Some(msg) = computed {
        return set_status(app, StatusKind::Info, msg);
    }
    let ticked_before = app.board.evidence_for(unit.id, req.id).is_some();
    let (unit_name, requirement) = (unit.name.clone(), req.short.clone());
    let summary = if ticked_before {
        ChangeSummary::Unticked {
            unit: unit_name,
            requirement,
        }
    } else {
        ChangeSummary::Ticked {
            unit: unit_name,
            requirement,
        }
    };
    let now = app.now;
    match store.toggle_check(unit.id, req.id, now, &summary) {
        Ok(true) => {
            let msg = s.ticked(&unit.name, &req.short, format_local(now));
            reload(app, store);
            set_status(app, StatusKind::Saved, msg);
        }
        Ok(false) => {
            let msg = s.unticked(&unit.name, &req.short);
            reload(app, store);
            set_status(app, StatusKind::Saved, msg);
        }
        Err(e) => write_failed(app, &e),
    }
}

fn open_contact_form(app: &mut App) {
    let s = app.strings();
    let Some(i) = selected_unit(app) else {
        return;
    };
    let unit = &app.board.units[i];
    app.form = Some(Form::new(
        s.form_contact_title(&unit.name),
        Purpose::UnitContact { unit_id: unit.id },
        vec![
            Field::new(
                FieldId::ContactPerson,
                s.field_contact_person,
                &unit.contact_person,
                Rule::Text {
                    max_chars: 100,
                    required: false,
                },
            ),
            Field::new(FieldId::Phone, s.field_phone, &unit.phone, Rule::Phone)
                .with_hint(s.hint_phone),
        ],
    ));
}

pub(super) fn save_contact(app: &mut App, store: &mut Store, unit_id: i64) {
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let name = app.board.unit_name(unit_id).to_string();
    let summary = ChangeSummary::Contact { unit: name };
    let person = form.text(FieldId::ContactPerson);
    let phone = form.text(FieldId::Phone);
    let now = app.now;
    // On failure the form stays open with what was typed, so nothing is lost.
    let result = store.update_unit_contact(unit_id, &person, &phone, now, &summary);
    finish_write(app, store, result, Stale::Board, &summary);
}

/// Tab 2, as the state machine asks about it.
pub(super) struct UnitsTab;

impl super::tab::TabView for UnitsTab {
    fn title(&self, s: &crate::i18n::Strings) -> &'static str {
        s.tab_units
    }

    fn contexts(&self, app: &App) -> Vec<super::Context> {
        super::tab::list_contexts(app, super::Context::Units)
    }

    fn command(&self, app: &mut App, store: &mut Store, _context: super::Context, cmd: Command) {
        command(app, store, cmd)
    }

    // The checklist is the board, which every write reloads already.
    fn refresh(&self, _app: &mut App, _store: &Store, _values_may_change: bool) {}

    fn list<'a>(&self, app: &'a App) -> Option<&'a super::list_state::ListState> {
        Some(&app.units.list)
    }

    fn list_mut<'a>(&self, app: &'a mut App) -> Option<&'a mut super::list_state::ListState> {
        Some(&mut app.units.list)
    }

    fn move_selection(&self, app: &mut App, delta: isize) {
        let len = visible_units(&app.board, &app.units, app.now).len();
        app.units.list.selected = super::list_state::moved(app.units.list.selected, delta, len);
    }

    fn import_kind(&self, _app: &App) -> Option<crate::domain::import::ImportKind> {
        Some(crate::domain::import::ImportKind::Units)
    }
}
