//! What leaves the app from a key: the briefing and the Word report (R), the export (x),
//! undo (u) and redo (Ctrl-R).

use super::keymap::Command;
use super::update::{reload, set_status, write_failed};
use super::update_initiatives as ini;
use super::update_volunteer as uv;
use super::{App, StatusKind};
use crate::store::{Redo, Store, Table};

/// A key of the report choice: it closes, then does what the key says.
pub(super) fn report_menu(app: &mut App, store: &mut Store, cmd: Command) {
    match cmd {
        Command::Briefing => {
            app.report_menu = false;
            write_briefing(app, store);
        }
        Command::WordReport => {
            app.report_menu = false;
            write_word_report(app, store);
        }
        Command::ChatSummary => {
            app.report_menu = false;
            write_chat(app, store);
        }
        Command::EditAssessment => {
            app.report_menu = false;
            super::update_assessment::open(app, store);
        }
        Command::CloseMenu => app.report_menu = false,
        _ => {}
    }
}

/// Writes the Word report beside the store (`<data folder>/reports/bao-cao-….docx`), as
/// `xungkich report --format docx` does, on the Saturday tab 4 shows; the status line gives
/// the path or what went wrong. Never over an earlier file.
pub(super) fn write_word_report(app: &mut App, store: &Store) {
    use crate::io::report_docx;
    let s = app.strings();
    let folder = store.folder();
    let written = report_docx::gather(store, app.board.clone(), app.now, Some(app.volunteer.day))
        .map_err(|e| s.store_error(&e))
        .and_then(|r| report_docx::build(&r, s).map_err(|e| e.to_string()))
        .and_then(|bytes| {
            report_docx::write_new(&folder, app.now, &bytes).map_err(|e| {
                let path = report_docx::file_path(&folder, app.now);
                s.write_error(&path, &e)
            })
        });
    match written {
        Ok(path) => set_status(app, StatusKind::Saved, s.dx_written(path.display())),
        Err(e) => set_status(app, StatusKind::Error, s.dx_write_failed(&e)),
    }
}

/// Writes the markdown briefing beside the store (`<data folder>/reports/`), as `xungkich
/// report --format markdown` prints it; the status line gives the path or what went wrong.
/// Pressed twice within a minute it writes a second file (`…-2.md`), never over the first.
pub(super) fn write_briefing(app: &mut App, store: &Store) {
    use crate::io::briefing;
    let s = app.strings();
    let folder = store.folder();
    let written = briefing::gather_on(store, app.board.clone(), app.now, Some(app.volunteer.day))
        .map_err(|e| s.store_error(&e))
        .and_then(|b| {
            let text = briefing::render(&b, s, briefing::Format::Markdown);
            briefing::write_new(&folder, app.now, &text).map_err(|e| {
                let path = briefing::file_path(&folder, app.now);
                s.write_error(&path, &e)
            })
        });
    match written {
        Ok(path) => set_status(app, StatusKind::Saved, s.br_written(path.display())),
        Err(e) => set_status(app, StatusKind::Error, s.br_write_failed(&e)),
    }
}

/// The chat summary (`report --format chat`): onto the terminal's clipboard, and into
/// `<data folder>/reports/chat-….txt` since a terminal may ignore the clipboard request and
/// says nothing either way; the status line gives the path.
pub(super) fn write_chat(app: &mut App, store: &Store) {
    use crate::io::{briefing, chat};
    let s = app.strings();
    let folder = store.folder();
    let written = briefing::gather_on(store, app.board.clone(), app.now, Some(app.volunteer.day))
        .map_err(|e| s.store_error(&e))
        .and_then(|b| {
            let text = chat::render(&b, s);
            chat::write_new(&folder, app.now, &text)
                .map(|path| (path, text))
                .map_err(|e| s.write_error(&chat::file_path(&folder, app.now), &e))
        });
    match written {
        Ok((path, text)) => {
            app.clipboard = Some(text);
            set_status(app, StatusKind::Saved, s.ch_written(path.display()));
        }
        Err(e) => set_status(app, StatusKind::Error, s.ch_write_failed(&e)),
    }
}

/// Writes every table as an XLSX workbook beside the store (`<data folder>/exports/`), as
/// `xungkich export --format xlsx` does; the status line gives the path or what went wrong.
/// Pressed twice within a minute it writes a second file (`…-2.xlsx`), never over the first.
pub(super) fn write_export(app: &mut App, store: &Store) {
    use crate::io::export;
    let s = app.strings();
    let folder = store.folder();
    let src = export::Source {
        store,
        board: &app.board,
        now: app.now,
        s,
    };
    let written = export::write_new(src, &folder).map_err(|e| e.message(s));
    match written {
        Ok(path) => set_status(app, StatusKind::Saved, s.ex_written(path.display())),
        Err(e) => set_status(app, StatusKind::Error, s.ex_write_failed(&e)),
    }
}

pub(super) fn undo(app: &mut App, store: &mut Store) {
    let s = app.strings();
    match store.undo_last(app.now) {
        Ok(Some(undone)) => {
            after_history(app, store, &undone.tables, &undone.entities);
            let summary = s.change_summary(&undone.summary);
            let text = match &undone.now {
                Some(now) => s.undone_now(summary, s.undone_to(now)),
                None => s.undone(summary),
            };
            set_status(app, StatusKind::Saved, text);
        }
        Ok(None) => set_status(app, StatusKind::Info, s.nothing_to_undo.to_string()),
        Err(e) => write_failed(app, &e),
    }
}

pub(super) fn redo(app: &mut App, store: &mut Store) {
    let s = app.strings();
    match store.redo_last() {
        Ok(Redo::Done(redone)) => {
            after_history(app, store, &redone.tables, &redone.entities);
            let text = s.redone(s.change_summary(&redone.summary));
            set_status(app, StatusKind::Saved, text);
        }
        Ok(Redo::Nothing) => set_status(app, StatusKind::Info, s.nothing_to_redo.to_string()),
        Ok(Redo::PhotoGone { original }) => {
            set_status(app, StatusKind::Error, s.redo_photo_gone(original));
        }
        Ok(Redo::Changed) => set_status(app, StatusKind::Error, s.redo_changed.to_string()),
        Err(e) => write_failed(app, &e),
    }
}

/// Brings the screens up to rows an undo or a redo rewrote behind the views' backs: only
/// the views those tables feed read the store again.
fn after_history(app: &mut App, store: &mut Store, tables: &[Table], entities: &[(Table, i64)]) {
    let ids: Vec<i64> = entities
        .iter()
        .filter(|(t, _)| *t == Table::Initiatives)
        .map(|(_, id)| *id)
        .collect();
    if tables.iter().any(|t| {
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
    if tables.contains(&Table::Figures) || tables.contains(&Table::Registrations) {
        uv::refresh(app, store);
    }
}
