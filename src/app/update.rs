//! `update(app, store, action)`: the one place where actions change the state. Writes go to the
//! store first; the screen says "saved" only after the store committed.

use super::form::{Field, Form, Purpose, Rule};
use super::keymap::Command;
use super::units_view::{clamp, visible_units};
use super::{Action, App, Confirm, ConfirmAction, Status, StatusKind, Tab};
use crate::domain::campaign::RequirementSource;
use crate::domain::time::format_local;
use crate::i18n::fill;
use crate::store::Store;

pub fn update(app: &mut App, store: &mut Store, action: Action) {
    match action {
        Action::Tick(now) => app.now = now,
        Action::StoreChanged => reload(app, store),
        Action::Insert(c) => {
            if let Some(field) = typing_field(app) {
                field.insert(c);
                after_filter_edit(app);
            }
        }
        Action::Paste(text) => {
            if let Some(field) = typing_field(app) {
                field.insert_str(&text);
                after_filter_edit(app);
            }
        }
        Action::Command(cmd) => command(app, store, cmd),
    }
}

fn typing_field(app: &mut App) -> Option<&mut super::text_field::TextField> {
    if !app.is_typing() {
        return None;
    }
    match app.form.as_mut() {
        Some(form) => Some(form.focused()),
        None => Some(&mut app.units.filter),
    }
}

/// A new filter changes which rows exist: start again at the top.
fn after_filter_edit(app: &mut App) {
    if app.form.is_none() {
        app.units.selected = 0;
    }
}

fn command(app: &mut App, store: &mut Store, cmd: Command) {
    // Any key acknowledges the last message, except the ones that only move the help.
    if !matches!(cmd, Command::Up | Command::Down) || !app.help_open {
        app.status = None;
    }
    match cmd {
        Command::Quit => quit(app),
        Command::ToggleHelp => {
            app.help_open = !app.help_open;
            app.help_scroll.set(0);
        }
        Command::CloseHelp => app.help_open = false,
        Command::NextTab => app.tab = Tab::ALL[(app.tab.index() + 1) % Tab::ALL.len()],
        Command::PrevTab => {
            app.tab = Tab::ALL[(app.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
        }
        Command::GoTab(n) => {
            if let Some(tab) = Tab::from_number(n) {
                app.tab = tab;
            }
        }
        Command::Up | Command::Down if app.help_open => {
            let s = app.help_scroll.get();
            app.help_scroll.set(if cmd == Command::Up {
                s.saturating_sub(1)
            } else {
                s + 1
            });
        }
        Command::Up => move_selection(app, -1),
        Command::Down => move_selection(app, 1),
        Command::PageUp => move_selection(app, -(page(app) as isize)),
        Command::PageDown => move_selection(app, page(app) as isize),
        Command::Top => move_selection(app, isize::MIN / 2),
        Command::Bottom => move_selection(app, isize::MAX / 2),
        Command::ColumnLeft => app.units.column = app.units.column.saturating_sub(1),
        Command::ColumnRight => {
            app.units.column = clamp(app.units.column + 1, app.board.requirements.len())
        }
        Command::ToggleCheck => toggle_check(app, store),
        Command::Edit => open_contact_form(app),
        Command::Undo => undo(app, store),
        Command::StartFilter => app.units.filter_typing = true,
        Command::ClearFilter => {
            app.units.filter.clear();
            app.units.selected = 0;
        }
        Command::FilterAccept => app.units.filter_typing = false,
        Command::FilterCancel => {
            app.units.filter.clear();
            app.units.filter_typing = false;
            app.units.selected = 0;
        }
        Command::CycleKindFilter => {
            app.units.cycle_kind_filter();
            app.units.selected = 0;
        }
        Command::ToggleMissingOnly => {
            app.units.missing_only = !app.units.missing_only;
            app.units.selected = 0;
        }
        Command::CycleSort => app.units.sort = app.units.sort.next(),
        Command::Backspace
        | Command::Delete
        | Command::CursorLeft
        | Command::CursorRight
        | Command::CursorHome
        | Command::CursorEnd => edit_text(app, cmd),
        Command::NextField => {
            if let Some(f) = app.form.as_mut() {
                f.next();
            }
        }
        Command::PrevField => {
            if let Some(f) = app.form.as_mut() {
                f.prev();
            }
        }
        Command::EnterInForm => match app.form.as_mut() {
            Some(f) if !f.on_last_field() => f.next(),
            Some(_) => save_form(app, store),
            None => {}
        },
        Command::Save => save_form(app, store),
        Command::CancelForm => cancel_form(app),
        Command::Yes => {
            if let Some(confirm) = app.confirm.take() {
                match confirm.on_yes {
                    ConfirmAction::DiscardForm => app.form = None,
                    ConfirmAction::QuitDiscarding => app.quit = true,
                }
            }
        }
        Command::No => app.confirm = None,
    }
}

fn page(app: &App) -> usize {
    app.units.page.get().max(1)
}

fn move_selection(app: &mut App, delta: isize) {
    if app.tab != Tab::Units {
        return;
    }
    let len = visible_units(&app.board, &app.units, app.now).len();
    let current = clamp(app.units.selected, len) as isize;
    let target = current.saturating_add(delta).max(0) as usize;
    app.units.selected = clamp(target, len);
}

fn edit_text(app: &mut App, cmd: Command) {
    let Some(field) = typing_field(app) else {
        return;
    };
    match cmd {
        Command::Backspace => field.backspace(),
        Command::Delete => field.delete(),
        Command::CursorLeft => field.left(),
        Command::CursorRight => field.right(),
        Command::CursorHome => field.home(),
        Command::CursorEnd => field.end(),
        _ => return,
    }
    if matches!(cmd, Command::Backspace | Command::Delete) {
        after_filter_edit(app);
    }
}

fn selected_unit(app: &App) -> Option<usize> {
    let rows = visible_units(&app.board, &app.units, app.now);
    rows.get(clamp(app.units.selected, rows.len())).copied()
}

fn set_status(app: &mut App, kind: StatusKind, text: String) {
    app.status = Some(Status { kind, text });
}

/// Re-reads the board after a write, so every screen shows what the store now holds.
fn reload(app: &mut App, store: &Store) {
    match store.load_board() {
        Ok(board) => app.board = board,
        Err(e) => set_status(app, StatusKind::Error, e.to_string()),
    }
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
    if !req.applies(unit.kind) {
        let msg = fill(s.not_applicable_here, &[&req.short, &unit.name]);
        return set_status(app, StatusKind::Info, msg);
    }
    let computed = match req.source {
        RequirementSource::Manual => None,
        RequirementSource::Initiative => Some(s.computed_from_initiatives),
        RequirementSource::VolunteerRegistration => Some(s.computed_from_registrations),
        RequirementSource::QuickReport => Some(s.computed_from_reports),
    };
    if let Some(template) = computed {
        return set_status(app, StatusKind::Info, fill(template, &[&req.short]));
    }
    let ticked_before = app.board.evidence_for(unit.id, req.id).is_some();
    let summary_template = if ticked_before {
        s.summary_untick
    } else {
        s.summary_tick
    };
    let summary = fill(summary_template, &[&req.short, &unit.name]);
    let now = app.now;
    match store.toggle_check(unit.id, req.id, &now.to_rfc3339(), &summary) {
        Ok(true) => {
            let msg = fill(s.ticked, &[&unit.name, &req.short, &format_local(now)]);
            reload(app, store);
            set_status(app, StatusKind::Saved, msg);
        }
        Ok(false) => {
            let msg = fill(s.unticked, &[&unit.name, &req.short]);
            reload(app, store);
            set_status(app, StatusKind::Saved, msg);
        }
        Err(e) => set_status(
            app,
            StatusKind::Error,
            fill(s.save_failed, &[&e.to_string()]),
        ),
    }
}

fn open_contact_form(app: &mut App) {
    let s = app.strings();
    let Some(i) = selected_unit(app) else {
        return;
    };
    let unit = &app.board.units[i];
    app.form = Some(Form::new(
        fill(s.form_contact_title, &[&unit.name]),
        Purpose::UnitContact { unit_id: unit.id },
        vec![
            Field::new(
                s.field_contact_person,
                &unit.contact_person,
                Rule::Text { max_chars: 100 },
            ),
            Field::new(s.field_phone, &unit.phone, Rule::Phone).with_hint(s.hint_phone),
        ],
    ));
}

fn save_form(app: &mut App, store: &mut Store) {
    let s = app.strings();
    let Some(form) = app.form.as_mut() else {
        return;
    };
    form.tried_save = true;
    let errors = form.error_count(s);
    if errors > 0 {
        form.focus_first_error(s);
        return set_status(
            app,
            StatusKind::Error,
            fill(s.form_fix_errors, &[&errors.to_string()]),
        );
    }
    if !form.is_dirty() {
        app.form = None;
        return set_status(app, StatusKind::Info, s.unchanged.to_string());
    }
    let now = app.now.to_rfc3339();
    let result = match form.purpose {
        Purpose::UnitContact { unit_id } => {
            let name = app
                .board
                .units
                .iter()
                .find(|u| u.id == unit_id)
                .map(|u| u.name.clone())
                .unwrap_or_default();
            let summary = fill(s.summary_contact, &[&name]);
            let person = form.fields[0].value();
            let phone = form.fields[1].value();
            store
                .update_unit_contact(unit_id, &person, &phone, &now, &summary)
                .map(|()| summary)
        }
    };
    match result {
        Ok(summary) => {
            app.form = None;
            reload(app, store);
            set_status(app, StatusKind::Saved, fill(s.saved, &[&summary]));
        }
        // The form stays open with what was typed, so nothing is lost.
        Err(e) => set_status(
            app,
            StatusKind::Error,
            fill(s.save_failed, &[&e.to_string()]),
        ),
    }
}

/// Quits at once unless a form holds unsaved typing: then it asks first.
fn quit(app: &mut App) {
    let s = app.strings();
    app.help_open = false;
    match app.form.as_ref() {
        Some(f) if f.is_dirty() && app.confirm.is_none() => {
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
    match app.form.as_ref() {
        Some(f) if f.is_dirty() => {
            app.confirm = Some(Confirm {
                question: s.form_discard.to_string(),
                on_yes: ConfirmAction::DiscardForm,
            })
        }
        _ => app.form = None,
    }
}

fn undo(app: &mut App, store: &mut Store) {
    let s = app.strings();
    match store.undo_last(&app.now.to_rfc3339()) {
        Ok(Some(undone)) => {
            reload(app, store);
            set_status(app, StatusKind::Saved, fill(s.undone, &[&undone.summary]));
        }
        Ok(None) => set_status(app, StatusKind::Info, s.nothing_to_undo.to_string()),
        Err(e) => set_status(
            app,
            StatusKind::Error,
            fill(s.save_failed, &[&e.to_string()]),
        ),
    }
}
