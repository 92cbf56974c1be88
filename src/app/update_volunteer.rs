//! Tab 4's router: which of its parts (figures grid, registrations, quick reports, rounds,
//! agenda) a command goes to, and what they share (the day's data, finishing a write).

use super::App;
use super::keymap::{Command, Context};
use super::units_view::clamp;
use super::update::read_failed;
use super::volunteer::visible_rows;
use super::{
    update_agenda as agenda, update_figures as figures, update_registrations as registrations,
    update_reports as reports, update_rounds as rounds,
};
use crate::domain::figures::Metric;
use crate::store::Store;

/// Keeps the grid's figures those of the selected day.
pub(super) fn ensure_figures(app: &mut App, store: &Store) {
    // Tab 2's round columns, the overview and the KPIs follow the round tab 4 is on.
    crate::model::saturday::view(&mut app.board, app.now, Some(app.volunteer.day));
    let Some(day) = app.board.volunteer_days.get(app.volunteer.day) else {
        return;
    };
    if let Err(e) = app.volunteer.load(store, day.id, false) {
        read_failed(app, &e);
    }
}

/// After an undo or another instance's write.
pub(super) fn refresh(app: &mut App, store: &Store) {
    app.volunteer.invalidate();
    ensure_figures(app, store);
}

/// The selected cell: (unit id, unit name, figure), if any unit is shown.
pub(super) fn cell(app: &App) -> Option<(i64, String, Metric)> {
    let rows = visible_rows(&app.board, &app.volunteer, app.now);
    let &i = rows.get(clamp(app.volunteer.list.selected, rows.len()))?;
    let unit = &app.board.units[i];
    // The short form, cut to 24 columns, keeps the reason within an 80-column status line.
    Some((
        unit.id,
        crate::text::truncate(&unit.short_name(), 24),
        app.volunteer.metric(),
    ))
}

/// Runs `change` (which may change the rows shown) and selects again the unit that was
/// selected, when it is still shown.
fn keep_unit(app: &mut App, change: impl FnOnce(&mut App)) {
    let before = cell(app).map(|c| c.0);
    change(app);
    let rows = visible_rows(&app.board, &app.volunteer, app.now);
    if let Some(pos) = before.and_then(|id| rows.iter().position(|&i| app.board.units[i].id == id))
    {
        app.volunteer.list.selected = pos;
    } else {
        app.volunteer.list.selected = clamp(app.volunteer.list.selected, rows.len());
    }
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
        (Context::CellEdit, Command::CommitCell) if figures::commit(app, store) => {
            figures::next_cell(app, true)
        }
        (Context::CellEdit, Command::CommitBack) if figures::commit(app, store) => {
            figures::next_cell(app, false)
        }
        (Context::CellEdit, Command::CancelCell) => {
            app.volunteer.editing = None;
            app.volunteer.refused = false;
        }
        (Context::CellEdit, Command::CommitMove(dir)) if figures::commit(app, store) => {
            figures::step(app, dir)
        }
        (Context::Figures, Command::NextCell) => figures::next_cell(app, true),
        (Context::Figures, Command::PrevCell) => figures::next_cell(app, false),
        (Context::Figures, Command::RowStart) => figures::row_end(app, false),
        (Context::Figures, Command::RowEnd) => figures::row_end(app, true),
        (Context::Figures, Command::ToggleRegisteredOnly) => keep_unit(app, |app| {
            let v = &mut app.volunteer;
            v.registered_only = Some(!v.registered_only(app.now));
        }),
        (_, Command::DigitOutsideGrid) => {
            let s = app.strings();
            super::update::set_status(app, super::StatusKind::Info, s.digits_outside_grid.into());
        }
        (Context::Figures, Command::EditDigit(d)) => {
            figures::start_editing(app, Some(char::from(b'0' + d.min(9))))
        }
        (Context::Figures, Command::EditCell) => figures::start_editing(app, None),
        (Context::Figures, Command::ShortenCell) => {
            figures::start_editing(app, None);
            if let Some(f) = app.volunteer.editing.as_mut() {
                f.backspace();
            }
        }
        (Context::Figures, Command::Increment | Command::Decrement) => {
            let Some((unit_id, unit, metric)) = cell(app) else {
                return;
            };
            // On an empty cell "-" starts typing, so "-3" is read (and refused) as typed.
            if cmd == Command::Decrement && app.volunteer.value(unit_id, metric, app.now).is_none()
            {
                return figures::start_editing(app, Some('-'));
            }
            let delta = if cmd == Command::Increment { 1 } else { -1 };
            figures::save(
                app,
                store,
                unit_id,
                &unit,
                metric,
                figures::Entry::Step(delta),
            );
        }
        (Context::Figures, Command::ClearCell) => {
            if let Some((unit_id, unit, metric)) = cell(app) {
                figures::save(
                    app,
                    store,
                    unit_id,
                    &unit,
                    metric,
                    figures::Entry::Typed(""),
                );
            }
        }
        (Context::Figures, Command::ColumnLeft) => {
            figures::step(app, super::keymap::Direction::Left)
        }
        (Context::Figures, Command::ColumnRight) => {
            figures::step(app, super::keymap::Direction::Right)
        }
        // The parts show different rows (the grid may hide unregistered units): the unit
        // selected stays selected.
        (_, Command::NextSection) => keep_unit(app, |app| {
            app.volunteer.editing = None;
            app.volunteer.section = app.volunteer.section.next();
        }),
        (_, Command::Import) => super::update_import::open_prompt(app),
        (Context::Registrations, Command::Register) => registrations::open_registration(app),
        (Context::Registrations, Command::DeleteItem) => {
            registrations::ask_delete_registration(app)
        }
        (Context::Reports, Command::Report) => reports::open_report(app),
        (_, Command::NewRound) => rounds::open_round(app),
        (Context::Agenda, Command::Add) => agenda::open_agenda_item(app, None),
        (Context::Agenda, Command::Edit) => {
            let id = app.volunteer.selected_agenda().map(|a| a.id);
            if id.is_some() {
                agenda::open_agenda_item(app, id);
            }
        }
        (Context::Agenda, Command::DeleteItem) => agenda::ask_delete_agenda_item(app),
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

/// Tab 4, as the state machine asks about it.
pub(super) struct VolunteerTab;

impl super::tab::TabView for VolunteerTab {
    fn title(&self, s: &crate::i18n::Strings) -> &'static str {
        s.tab_volunteer
    }

    fn contexts(&self, app: &App) -> Vec<Context> {
        use super::volunteer::Section;
        if self.is_typing(app) {
            return vec![Context::CellEdit];
        }
        // Without a Saturday there is no part to work in, only the keys of every screen.
        if app.board.volunteer_days.is_empty() && !app.filter_typing() {
            return vec![Context::Global];
        }
        let part = match app.volunteer.section {
            Section::Figures => Context::Figures,
            Section::Registrations => Context::Registrations,
            Section::Reports => Context::Reports,
            Section::Tasks => Context::Tasks,
            Section::Agenda => Context::Agenda,
        };
        super::tab::list_contexts(app, part)
    }

    fn command(&self, app: &mut App, store: &mut Store, context: Context, cmd: Command) {
        command(app, store, context, cmd)
    }

    // A day's figures are read once (writes and other instances' commits refresh them), so
    // this is cheap on every key.
    // The tasks part judges a task by its KPI as tab 5 does, so it reads the KPIs when it
    // shows and something may have changed.
    fn refresh(&self, app: &mut App, store: &Store, values_may_change: bool) {
        ensure_figures(app, store);
        if app.volunteer.section == super::volunteer::Section::Tasks
            && (values_may_change || app.kpis.lines.is_empty())
        {
            super::update_kpi::refresh(app, store);
        }
    }

    fn list<'a>(&self, app: &'a App) -> Option<&'a super::list_state::ListState> {
        Some(&app.volunteer.list)
    }

    fn list_mut<'a>(&self, app: &'a mut App) -> Option<&'a mut super::list_state::ListState> {
        Some(&mut app.volunteer.list)
    }

    // The agenda has its own rows; the unit filter narrows both.
    fn move_selection(&self, app: &mut App, delta: isize) {
        let v = &mut app.volunteer;
        if v.section == super::volunteer::Section::Agenda {
            v.agenda_row = super::list_state::moved(v.agenda_row, delta, v.visible_agenda().len());
        } else if v.section == super::volunteer::Section::Tasks {
            let day = app.board.volunteer_days.get(v.day).map(|d| d.id);
            let n = app
                .board
                .tasks
                .iter()
                .filter(|t| Some(t.volunteer_day_id) == day)
                .count();
            v.task_row = super::list_state::moved(v.task_row, delta, n);
        } else {
            let len = visible_rows(&app.board, v, app.now).len();
            v.list.selected = super::list_state::moved(v.list.selected, delta, len);
        }
    }

    fn filter_changed(&self, app: &mut App) {
        app.volunteer.list.selected = 0;
        app.volunteer.agenda_row = 0;
    }

    // Esc on the filter gives back every unit with the one found still selected, so the
    // officer can go on from it.
    fn clear_filter(&self, app: &mut App, stop_typing: bool) {
        keep_unit(app, |app| app.volunteer.list.clear_filter(stop_typing));
    }

    fn is_typing(&self, app: &App) -> bool {
        app.volunteer.editing.is_some()
    }

    fn typing_target<'a>(&self, app: &'a mut App) -> Option<&'a mut super::text_field::TextField> {
        app.volunteer.editing.as_mut()
    }

    fn import_kind(&self, app: &App) -> Option<crate::domain::import::ImportKind> {
        use super::volunteer::Section;
        use crate::domain::import::ImportKind;
        match app.volunteer.section {
            Section::Figures => Some(ImportKind::Figures),
            Section::Registrations => Some(ImportKind::Registrations),
            Section::Reports | Section::Tasks | Section::Agenda => None,
        }
    }
}
