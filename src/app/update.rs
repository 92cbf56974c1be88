//! `update(app, store, action)`: the one place where actions change the state. A key's
//! command goes to the handler of the context the keymap found it in, and only there. Writes
//! go to the store first; the screen says "saved" only after the store committed.

use super::form::FieldId;
use super::initiatives::Registry;
use super::keymap::{Command, Context};
use super::update_form as form;
use super::update_global as global;
use super::update_initiatives as ini;
use super::update_kpi as uk;
use super::update_text::{self as text, Edit, edit};
use super::update_volunteer as uv;
use super::{Action, App, ConfirmAction, Status, StatusKind, Tab};
use crate::domain::change::ChangeSummary;
use crate::store::{Store, StoreError};

pub fn update(app: &mut App, store: &mut Store, action: Action) {
    // KPI values follow every write, another instance's commit and a change of tab; a second's
    // tick, a typed letter, or a key inside a form that stays open changes none of them, so the
    // queries behind them are not run on those per-key paths.
    let values_may_change = match &action {
        Action::StoreChanged => Some(true),
        Action::Tick(_) | Action::Insert(_) | Action::Paste(_) => Some(false),
        Action::Command(..) | Action::Retry => None,
    };
    match action {
        Action::Tick(now) => app.now = now,
        Action::StoreChanged => reload_everything(app, store),
        Action::Retry => retry(app, store),
        Action::Insert(c) => edit(app, Edit::Insert(c)),
        Action::Paste(text) => edit(app, Edit::Paste(&text)),
        Action::Command(context, cmd) => command(app, store, context, cmd),
    }
    let values_may_change = values_may_change.unwrap_or(app.form.is_none());
    app.tab.view().refresh(app, store, values_may_change);
}

fn command(app: &mut App, store: &mut Store, context: Context, cmd: Command) {
    // Suspending leaves everything as it is, the last message included: after `fg` the
    // screen is the one that was left.
    if cmd == Command::Suspend {
        app.suspend = true;
        return;
    }
    // Any key acknowledges the last message, except the ones that only move the help.
    if context != Context::Help || !matches!(cmd, Command::Up | Command::Down) {
        app.status = None;
    }
    if let Some(why) = app.read_only
        && context.refuses_edits_when_read_only()
        && cmd.edits()
    {
        let s = app.strings();
        return set_status(app, StatusKind::Error, s.ro_refused(s.ro_reason(why)));
    }
    // Quitting and help work the same from every context that binds them.
    match cmd {
        Command::Quit => return form::quit(app),
        Command::ToggleHelp => {
            app.help_open = !app.help_open;
            app.help_scroll.set(0);
            return;
        }
        _ => {}
    }
    match context {
        Context::Help => help(app, cmd),
        Context::Confirm => confirm(app, store, cmd),
        Context::ReportMenu => global::report_menu(app, store, cmd),
        Context::ImportPreview | Context::ImportApply => {
            super::update_import::command(app, store, cmd);
        }
        Context::Form
        | Context::PathField
        | Context::PhotoPaths
        | Context::Picker
        | Context::MultiLine => form::command(app, store, context, cmd),
        Context::TextEdit => text::command(app, cmd),
        Context::Filter => filter(app, cmd),
        Context::List => list(app, cmd),
        Context::Global => match cmd {
            Command::NextTab => app.tab = Tab::ALL[(app.tab.index() + 1) % Tab::ALL.len()],
            Command::PrevTab => {
                app.tab = Tab::ALL[(app.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
            }
            Command::GoTab(tab) => app.tab = tab,
            Command::Undo => global::undo(app, store),
            Command::Redo => global::redo(app, store),
            Command::ReportMenu => app.report_menu = true,
            Command::ChatSummary => global::write_chat(app, store),
            Command::Export => global::write_export(app, store),
            _ => {}
        },
        // The rest are the tabs' own contexts: the keymap found this one among the current
        // tab's.
        _ => app.tab.view().command(app, store, context, cmd),
    }
}

fn help(app: &mut App, cmd: Command) {
    let scroll = app.help_scroll.get();
    match cmd {
        Command::CloseHelp => app.help_open = false,
        Command::Up => app.help_scroll.set(scroll.saturating_sub(1)),
        Command::Down => app.help_scroll.set(scroll + 1),
        _ => {}
    }
}

fn confirm(app: &mut App, store: &mut Store, cmd: Command) {
    match cmd {
        Command::No => app.confirm = None,
        Command::Yes => {
            let Some(confirm) = app.confirm.take() else {
                return;
            };
            match confirm.on_yes {
                ConfirmAction::DiscardForm => app.form = None,
                ConfirmAction::QuitDiscarding => app.quit = true,
                ConfirmAction::DeleteInitiative { id } => ini::delete(app, store, id),
                ConfirmAction::DeleteRegistration { id } => {
                    super::update_registrations::delete_registration(app, store, id)
                }
                ConfirmAction::DeleteAgendaItem { id } => {
                    super::update_agenda::delete_agenda_item(app, store, id)
                }
                ConfirmAction::DeleteMeasurement { id } => uk::delete_measurement(app, store, id),
                ConfirmAction::SkipToStage { id, stage } => ini::go_to_stage(app, store, id, stage),
            }
        }
        _ => {}
    }
}

/// The filter line while it is typed in (its text edits go to the TextEdit context).
fn filter(app: &mut App, cmd: Command) {
    match cmd {
        Command::FilterAccept => {
            if let Some(l) = app.list_mut() {
                l.filter_typing = false;
            }
        }
        Command::FilterCancel => clear_filter(app, true),
        _ => {}
    }
}

/// The commands every list shares: moving the selection, and its filter.
fn list(app: &mut App, cmd: Command) {
    match cmd {
        Command::Up => move_selection(app, -1),
        Command::Down => move_selection(app, 1),
        Command::PageUp => move_selection(app, -(page(app) as isize)),
        Command::PageDown => move_selection(app, page(app) as isize),
        Command::Top => move_selection(app, isize::MIN / 2),
        Command::Bottom => move_selection(app, isize::MAX / 2),
        Command::StartFilter => {
            if let Some(l) = app.list_mut() {
                l.filter_typing = true;
            }
        }
        Command::ClearFilter => clear_filter(app, false),
        _ => {}
    }
}

fn clear_filter(app: &mut App, stop_typing: bool) {
    app.tab.view().clear_filter(app, stop_typing);
}

fn page(app: &App) -> usize {
    app.list().map_or(1, |l| l.page_rows())
}

fn move_selection(app: &mut App, delta: isize) {
    app.tab.view().move_selection(app, delta);
}

pub(super) fn set_status(app: &mut App, kind: StatusKind, text: String) {
    app.status = Some(Status { kind, text });
}

/// Marks a field with a problem found on saving and keeps the form open on it.
pub(super) fn field_problem(app: &mut App, id: FieldId, text: String) {
    let s = app.strings();
    if let Some(form) = app.form.as_mut() {
        form.set_problem(id, text.clone());
    }
    set_status(app, StatusKind::Error, s.save_failed(&text));
}

/// The one wording of a write the store refused: its reason inside "not saved: …". Nothing
/// is closed, so what was typed is still on screen to try again.
pub(super) fn write_failed(app: &mut App, e: &StoreError) {
    let s = app.strings();
    // Another process holds the write lock (a long import): the app does not freeze waiting
    // for it. What was typed stays where it was typed and is saved again once a second until
    // the lock frees; a write with nothing left open to wait in says it did not land.
    if e.is_busy() && (app.form.is_some() || app.volunteer.editing.is_some()) {
        let tries = app.waiting.map_or(1, |n| n + 1);
        app.waiting = Some(tries);
        return set_status(app, StatusKind::Error, s.waiting_for_lock(tries));
    }
    set_status(app, StatusKind::Error, s.save_failed(s.store_error(e)));
}

/// Tries again the save that waits for the write lock, in the cell or form it came from.
fn retry(app: &mut App, store: &mut Store) {
    let Some(tries) = app.waiting.take() else {
        return;
    };
    if app.volunteer.editing.is_some() && app.tab == super::Tab::Volunteer {
        super::update_figures::commit(app, store);
    } else if app.form.is_some() {
        super::update_form::save_form(app, store);
    } else {
        // The officer cancelled what was waiting (Esc): nothing is left to save.
        return;
    }
    // Still locked: keep counting from the first try.
    if app.waiting.is_some() {
        app.waiting = Some(tries + 1);
        let s = app.strings();
        set_status(app, StatusKind::Error, s.waiting_for_lock(tries + 1));
    }
}

/// A read the store refused, in the language on screen.
pub(super) fn read_failed(app: &mut App, e: &StoreError) {
    let s = app.strings();
    set_status(app, StatusKind::Error, s.store_error(e));
}

/// What a write made stale, to be read again before the screen says saved.
#[derive(Debug, Clone, Copy)]
pub(super) enum Stale<'a> {
    /// The board (the checklist follows every record).
    Board,
    /// The board and the selected Saturday's figures, registrations and reports.
    Day,
    /// The KPI lines.
    Kpis,
    /// The board and these initiatives of the registry.
    Initiatives(&'a [i64]),
}

/// Finishes a write: on success the form closes, what the write made stale is read again and
/// the status says "saved: `summary`"; on failure [`write_failed`]. True when it was saved.
pub(super) fn finish_write(
    app: &mut App,
    store: &Store,
    result: crate::store::Result<()>,
    stale: Stale<'_>,
    summary: &ChangeSummary,
) -> bool {
    let s = app.strings();
    match result {
        Ok(()) => {
            app.form = None;
            match stale {
                Stale::Board => reload(app, store),
                Stale::Day => {
                    reload(app, store);
                    uv::refresh(app, store);
                }
                Stale::Kpis => uk::refresh(app, store),
                Stale::Initiatives(ids) => ini::after_write(app, store, ids),
            }
            set_status(app, StatusKind::Saved, s.saved(s.change(summary)));
            true
        }
        Err(e) => {
            write_failed(app, &e);
            false
        }
    }
}

/// Re-reads the board after a write, so every screen shows what the store now holds.
pub(super) fn reload(app: &mut App, store: &Store) {
    match store.load_board() {
        Ok(board) => {
            app.registry.units_changed(&board.units);
            app.board = board;
            // A round taken away (its creation undone, here or in another window) leaves
            // tab 4 on the one before, with its keys, not on no Saturday at all.
            let days = app.board.volunteer_days.len();
            if days > 0 && app.volunteer.day >= days {
                app.volunteer.day = days - 1;
                app.volunteer.invalidate();
            }
            crate::model::saturday::view(&mut app.board, app.now, Some(app.volunteer.day));
        }
        Err(e) => read_failed(app, &e),
    }
}

/// Another instance wrote: everything may have changed.
pub(super) fn reload_everything(app: &mut App, store: &Store) {
    reload(app, store);
    uv::refresh(app, store);
    if !app.registry_loaded {
        return;
    }
    let keep = app.initiatives.selected_row(&app.registry).map(|r| r.id);
    match Registry::load(store, &app.board.units) {
        Ok(registry) => {
            app.registry = registry;
            app.initiatives.rebuild(&app.registry, keep);
            app.initiatives.detail = None;
        }
        Err(e) => read_failed(app, &e),
    }
}
