//! `update(app, store, action)`: the one place where actions change the state. Writes go to the
//! store first; the screen says "saved" only after the store committed.

use ratatui_textarea::CursorMove;

use super::form::{Field, Form, Input, Lines, Purpose, Rule};
use super::initiatives::Registry;
use super::keymap::Command;
use super::text_field::TextField;
use super::units_view::{clamp, visible_units};
use super::update_initiatives as ini;
use super::update_kpi as uk;
use super::update_volunteer as uv;
use super::{Action, App, Confirm, ConfirmAction, Status, StatusKind, Tab};
use crate::domain::campaign::RequirementSource;
use crate::domain::time::format_local;
use crate::i18n::fill;
use crate::store::{Store, Table};

pub fn update(app: &mut App, store: &mut Store, action: Action) {
    // KPI values follow every write, another instance's commit and a change of tab; a second's
    // tick, a typed letter, or a key inside a form that stays open changes none of them, so the
    // queries behind them are not run on those per-key paths.
    let may_change_values = match &action {
        Action::StoreChanged => Some(true),
        Action::Tick(_) | Action::Insert(_) | Action::Paste(_) => Some(false),
        Action::Command(_) => None,
    };
    match action {
        Action::Tick(now) => app.now = now,
        Action::StoreChanged => reload_everything(app, store),
        Action::Insert(c) => edit(app, Edit::Insert(c)),
        Action::Paste(text) => edit(app, Edit::Paste(&text)),
        Action::Command(cmd) => command(app, store, cmd),
    }
    match app.tab {
        Tab::Initiatives => {
            ini::ensure_registry(app, store);
            ini::ensure_detail(app, store);
        }
        Tab::Volunteer => uv::ensure_figures(app, store),
        _ => {}
    }
    let refresh_kpis = may_change_values.unwrap_or(app.form.is_none());
    match app.tab {
        Tab::Kpi if refresh_kpis => uk::refresh(app, store),
        // The overview shows the KPIs and the selected Saturday's totals too.
        Tab::Overview if refresh_kpis => {
            uv::ensure_figures(app, store);
            uk::refresh(app, store);
        }
        _ => {}
    }
}

/// One editing operation on whatever text has the focus.
#[derive(Debug, Clone, Copy)]
enum Edit<'a> {
    Insert(char),
    Paste(&'a str),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Newline,
    Up,
    Down,
}

impl Edit<'_> {
    fn changes_text(&self) -> bool {
        matches!(
            self,
            Edit::Insert(_) | Edit::Paste(_) | Edit::Backspace | Edit::Delete | Edit::Newline
        )
    }
}

fn edit_line(f: &mut TextField, op: Edit<'_>) {
    match op {
        Edit::Insert(c) => f.insert(c),
        Edit::Paste(text) => f.insert_str(text),
        Edit::Backspace => f.backspace(),
        Edit::Delete => f.delete(),
        Edit::Left => f.left(),
        Edit::Right => f.right(),
        Edit::Home => f.home(),
        Edit::End => f.end(),
        Edit::Newline | Edit::Up | Edit::Down => {}
    }
}

fn edit_lines(l: &mut Lines, op: Edit<'_>) {
    match op {
        Edit::Insert(c) => l.insert(c),
        Edit::Paste(text) => l.insert_str(text),
        Edit::Backspace => {
            l.area.delete_char();
        }
        Edit::Delete => {
            l.area.delete_next_char();
        }
        Edit::Left => l.area.move_cursor(CursorMove::Back),
        Edit::Right => l.area.move_cursor(CursorMove::Forward),
        Edit::Home => l.area.move_cursor(CursorMove::Head),
        Edit::End => l.area.move_cursor(CursorMove::End),
        Edit::Newline => l.area.insert_newline(),
        Edit::Up => l.area.move_cursor(CursorMove::Up),
        Edit::Down => l.area.move_cursor(CursorMove::Down),
    }
}

fn edit(app: &mut App, op: Edit<'_>) {
    if !app.is_typing() {
        return;
    }
    if let Some(form) = app.form.as_mut() {
        // What was found wrong on saving goes once the officer changes the field.
        if op.changes_text()
            && let Some(f) = form.fields.get_mut(form.focus)
        {
            f.problem = None;
        }
        match form.focused_input() {
            Some(Input::Line(f)) => edit_line(f, op),
            Some(Input::Choice(c)) => {
                edit_line(&mut c.query, op);
                if op.changes_text() {
                    c.query_changed();
                }
            }
            Some(Input::Lines(l)) => edit_lines(l, op),
            None => {}
        }
        return;
    }
    if app.tab == Tab::Volunteer
        && let Some(f) = app.volunteer.editing.as_mut()
    {
        edit_line(f, op);
        return;
    }
    match app.tab {
        Tab::Volunteer => {
            edit_line(&mut app.volunteer.filter, op);
            if op.changes_text() {
                app.volunteer.row = 0;
                app.volunteer.agenda_row = 0;
            }
        }
        Tab::Units => {
            edit_line(&mut app.units.filter, op);
            // A new filter changes which rows exist: start again at the top.
            if op.changes_text() {
                app.units.selected = 0;
            }
        }
        Tab::Initiatives => {
            edit_line(&mut app.initiatives.filter, op);
            if op.changes_text() {
                app.initiatives.refilter(&app.registry);
                app.initiatives.selected = 0;
            }
        }
        _ => {}
    }
}

fn command(app: &mut App, store: &mut Store, cmd: Command) {
    // Any key acknowledges the last message, except the ones that only move the help.
    if !matches!(cmd, Command::Up | Command::Down) || !app.help_open {
        app.status = None;
    }
    // Backspace edits a figure cell on the grid; elsewhere it only edits typed text.
    let grid_backspace = cmd == Command::Backspace
        && app.tab == Tab::Volunteer
        && app.volunteer.section == super::volunteer::Section::Figures
        && app.volunteer.editing.is_none();
    if let Some(why) = app.read_only
        && app.form.is_none()
        && app.confirm.is_none()
        && !app.help_open
        && !app.is_typing()
        && (cmd.edits() || grid_backspace)
    {
        let s = app.strings();
        return set_status(
            app,
            StatusKind::Error,
            fill(s.ro_refused, &[s.ro_reason(why)]),
        );
    }
    if app.import.is_some() && !app.help_open && super::update_import::command(app, store, cmd) {
        return;
    }
    if app.tab == Tab::Kpi
        && app.form.is_none()
        && app.confirm.is_none()
        && !app.help_open
        && uk::command(app, cmd)
    {
        return;
    }
    if app.tab == Tab::Volunteer
        && app.form.is_none()
        && !app.help_open
        && !app.volunteer.filter_typing
        && uv::command(app, store, cmd)
    {
        return;
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
        Command::Edit if app.tab == Tab::Initiatives => ini::open_edit(app, store),
        Command::Edit => open_contact_form(app),
        Command::Undo => undo(app, store),
        Command::Briefing => write_briefing(app, store),
        Command::Export => write_export(app, store),
        Command::Import => super::update_import::open_prompt(app),
        Command::CompletePath => super::update_import::complete_path(app),
        Command::StartFilter => match app.tab {
            Tab::Units => app.units.filter_typing = true,
            Tab::Initiatives => app.initiatives.filter_typing = true,
            Tab::Volunteer => app.volunteer.filter_typing = true,
            _ => {}
        },
        Command::ClearFilter => clear_filter(app, false),
        Command::FilterAccept => {
            app.units.filter_typing = false;
            app.initiatives.filter_typing = false;
            app.volunteer.filter_typing = false;
        }
        Command::FilterCancel => clear_filter(app, true),
        Command::CycleKindFilter => {
            app.units.cycle_kind_filter();
            app.units.selected = 0;
        }
        Command::ToggleMissingOnly => {
            app.units.missing_only = !app.units.missing_only;
            app.units.selected = 0;
        }
        Command::CycleSort if app.tab == Tab::Initiatives => {
            let keep = app.initiatives.selected_row(&app.registry).map(|r| r.id);
            app.initiatives.sort = app.initiatives.sort.next();
            app.initiatives.rebuild(&app.registry, keep);
        }
        Command::CycleSort => app.units.sort = app.units.sort.next(),
        Command::Backspace => edit(app, Edit::Backspace),
        Command::Delete => edit(app, Edit::Delete),
        Command::DeleteItem => ini::ask_delete(app),
        Command::CursorLeft => edit(app, Edit::Left),
        Command::CursorRight => edit(app, Edit::Right),
        Command::CursorHome => edit(app, Edit::Home),
        Command::CursorEnd => edit(app, Edit::End),
        Command::Newline => edit(app, Edit::Newline),
        Command::LineUp => edit(app, Edit::Up),
        Command::LineDown => edit(app, Edit::Down),
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
        Command::PickNext | Command::PickPrev => {
            if let Some(Input::Choice(c)) = app.form.as_mut().and_then(Form::focused_input) {
                c.move_cursor(if cmd == Command::PickNext { 1 } else { -1 });
            }
        }
        Command::Pick => pick(app, store),
        Command::Save => save_form(app, store),
        Command::CancelForm => cancel_form(app),
        Command::Yes => {
            if let Some(confirm) = app.confirm.take() {
                match confirm.on_yes {
                    ConfirmAction::DiscardForm => app.form = None,
                    ConfirmAction::QuitDiscarding => app.quit = true,
                    ConfirmAction::DeleteInitiative { id } => ini::delete(app, store, id),
                    ConfirmAction::DeleteRegistration { id } => {
                        uv::delete_registration(app, store, id)
                    }
                    ConfirmAction::DeleteAgendaItem { id } => {
                        uv::delete_agenda_item(app, store, id)
                    }
                    ConfirmAction::DeleteMeasurement { id } => {
                        uk::delete_measurement(app, store, id)
                    }
                    ConfirmAction::SkipToStage { id, stage } => {
                        ini::go_to_stage(app, store, id, stage)
                    }
                }
            }
        }
        Command::No => app.confirm = None,
        Command::Add => ini::open_new(app),
        Command::StageNext => ini::step_stage(app, store, true),
        Command::StagePrev => ini::step_stage(app, store, false),
        Command::StageJump => ini::open_stage_jump(app),
        Command::Replicate => ini::open_replications(app, store),
        Command::FilterForm => ini::open_filter_form(app),
        // Only the figures grid has these; it handled them above.
        Command::EditDigit(_)
        | Command::EditCell
        | Command::Increment
        | Command::Decrement
        | Command::ClearCell
        | Command::CommitCell
        | Command::CancelCell
        | Command::CommitMove(_)
        | Command::PrevDay
        | Command::NextDay
        | Command::NextSection
        | Command::Register
        | Command::Report
        | Command::NewRound
        | Command::EditTarget => {}
    }
}

fn clear_filter(app: &mut App, stop_typing: bool) {
    match app.tab {
        Tab::Volunteer => {
            app.volunteer.filter.clear();
            app.volunteer.row = 0;
            if stop_typing {
                app.volunteer.filter_typing = false;
            }
        }
        Tab::Units => {
            app.units.filter.clear();
            app.units.selected = 0;
            if stop_typing {
                app.units.filter_typing = false;
            }
        }
        Tab::Initiatives => {
            let v = &mut app.initiatives;
            v.filter.clear();
            // Esc on the list drops every filter; in the filter line only the typed text.
            if !stop_typing {
                v.filters = Default::default();
            }
            v.filter_typing &= !stop_typing;
            v.selected = 0;
            v.refilter(&app.registry);
        }
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

fn page(app: &App) -> usize {
    match app.tab {
        Tab::Initiatives => app.initiatives.page.get().max(1),
        Tab::Volunteer => app.volunteer.page.get().max(1),
        _ => app.units.page.get().max(1),
    }
}

fn move_selection(app: &mut App, delta: isize) {
    // Moving past the rows found so far needs the rest of a search in progress.
    if app.tab == Tab::Initiatives && app.initiatives.is_searching() {
        let want = app.initiatives.selected as isize + delta;
        if want >= app.initiatives.visible().len() as isize {
            app.initiatives.finish_search(&app.registry);
        }
    }
    let (len, selected) = match app.tab {
        Tab::Units => (
            visible_units(&app.board, &app.units, app.now).len(),
            &mut app.units.selected,
        ),
        Tab::Initiatives => (
            app.initiatives.visible().len(),
            &mut app.initiatives.selected,
        ),
        Tab::Volunteer if app.volunteer.section == super::volunteer::Section::Agenda => (
            app.volunteer.visible_agenda().len(),
            &mut app.volunteer.agenda_row,
        ),
        Tab::Volunteer => (
            super::volunteer::visible_rows(&app.board.units, &app.volunteer).len(),
            &mut app.volunteer.row,
        ),
        _ => return,
    };
    let current = clamp(*selected, len) as isize;
    let target = current.saturating_add(delta).max(0) as usize;
    *selected = clamp(target, len);
}

fn selected_unit(app: &App) -> Option<usize> {
    let rows = visible_units(&app.board, &app.units, app.now);
    rows.get(clamp(app.units.selected, rows.len())).copied()
}

pub(super) fn set_status(app: &mut App, kind: StatusKind, text: String) {
    app.status = Some(Status { kind, text });
}

/// Re-reads the board after a write, so every screen shows what the store now holds.
pub(super) fn reload(app: &mut App, store: &Store) {
    match store.load_board() {
        Ok(board) => {
            app.registry.units_changed(&board.units);
            app.board = board;
        }
        Err(e) => set_status(app, StatusKind::Error, e.to_string()),
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
                Rule::Text {
                    max_chars: 100,
                    required: false,
                },
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
    let purpose = form.purpose;
    if purpose == Purpose::InitiativeFilter {
        return ini::apply_filter_form(app);
    }
    // A form whose defaults are the record (a proposal, a stage, a new registration "now")
    // saves even untouched; an untouched edit of something saved has nothing to write.
    let new_registration = match purpose {
        Purpose::Registration { unit_id } => app.volunteer.registration(unit_id).is_none(),
        Purpose::Report { unit_id } => app.volunteer.report(unit_id).is_none(),
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
        Purpose::UnitContact { unit_id } => save_contact(app, store, unit_id),
        Purpose::ImportPath { kind } => super::update_import::plan(app, store, kind),
        Purpose::Initiative { id } => ini::save(app, store, id),
        Purpose::Proposal { id, stage } => ini::save_proposal(app, store, id, stage),
        Purpose::StageJump { id } => ini::save_stage_jump(app, store, id),
        Purpose::Replications { id } => ini::save_replications(app, store, id),
        Purpose::Registration { unit_id } => uv::save_registration(app, store, unit_id),
        Purpose::Report { unit_id } => uv::save_report(app, store, unit_id),
        Purpose::Round => uv::save_round(app, store),
        Purpose::Measurement { kpi_id } => uk::save_measurement(app, store, kpi_id),
        Purpose::Target { kpi_id } => uk::save_target(app, store, kpi_id),
        Purpose::Agenda { id } => uv::save_agenda_item(app, store, id),
        Purpose::InitiativeFilter => {}
    }
}

fn save_contact(app: &mut App, store: &mut Store, unit_id: i64) {
    let s = app.strings();
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let name = app.board.unit_name(unit_id).to_string();
    let summary = fill(s.summary_contact, &[&name]);
    let person = form.fields[0].value();
    let phone = form.fields[1].value();
    let now = app.now.to_rfc3339();
    match store.update_unit_contact(unit_id, &person, &phone, &now, &summary) {
        Ok(()) => {
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

/// Writes the markdown briefing beside the store (`<data folder>/reports/`), as `xungkich
/// report --format markdown` prints it; the status line gives the path or what went wrong.
fn write_briefing(app: &mut App, store: &Store) {
    use crate::io::report;
    let s = app.strings();
    let folder = store
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(
            || std::path::PathBuf::from("."),
            std::path::Path::to_path_buf,
        );
    let path = report::file_path(&folder, app.now);
    let written = report::gather_on(store, app.board.clone(), app.now, Some(app.volunteer.day))
        .map_err(|e| e.to_string())
        .and_then(|b| {
            let text = report::render(&b, s, report::Format::Markdown);
            report::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))
        });
    match written {
        Ok(()) => set_status(
            app,
            StatusKind::Saved,
            fill(s.rp_written, &[&path.display().to_string()]),
        ),
        Err(e) => set_status(app, StatusKind::Error, fill(s.rp_write_failed, &[&e])),
    }
}

/// Writes every table as an XLSX workbook beside the store (`<data folder>/exports/`), as
/// `xungkich export --format xlsx` does; the status line gives the path or what went wrong.
fn write_export(app: &mut App, store: &Store) {
    use crate::io::export;
    let s = app.strings();
    let folder = store
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(
            || std::path::PathBuf::from("."),
            std::path::Path::to_path_buf,
        );
    let path = export::file_path(&folder, app.now);
    let written = export::gather(store, &app.board, app.now, s)
        .map_err(|e| e.to_string())
        .and_then(|tables| {
            export::write(&tables, s.ex_summary, export::Format::Xlsx, &path, true)
                .map_err(|e| e.to_string())
        });
    match written {
        Ok(_) => set_status(
            app,
            StatusKind::Saved,
            fill(s.ex_written, &[&path.display().to_string()]),
        ),
        Err(e) => set_status(app, StatusKind::Error, fill(s.ex_write_failed, &[&e])),
    }
}

fn undo(app: &mut App, store: &mut Store) {
    let s = app.strings();
    match store.undo_last(&app.now.to_rfc3339()) {
        Ok(Some(undone)) => {
            let ids: Vec<i64> = undone
                .entities
                .iter()
                .filter(|(t, _)| *t == Table::Initiatives)
                .map(|(_, id)| *id)
                .collect();
            if undone.tables.iter().any(|t| {
                matches!(
                    t,
                    Table::Initiatives
                        | Table::InitiativeStages
                        | Table::InitiativeReplications
                        | Table::Fields
                )
            }) {
                // Reloads the board too.
                ini::after_write(app, store, &ids);
            } else {
                reload(app, store);
            }
            if undone.tables.contains(&Table::Figures)
                || undone.tables.contains(&Table::Registrations)
            {
                uv::refresh(app, store);
            }
            // A quick report undone leaves its photo copies referenced by nothing.
            if !undone.dropped_photos.is_empty() {
                let data = store
                    .path()
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(std::path::Path::new("."));
                crate::io::photos::remove_copies(data, &undone.dropped_photos);
            }
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
