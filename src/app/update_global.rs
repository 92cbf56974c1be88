//! What leaves the app from a key: the briefing (R), the export (x), and undo (u).

use super::update::{reload, set_status, write_failed};
use super::update_initiatives as ini;
use super::update_volunteer as uv;
use super::{App, StatusKind};
use crate::store::{Store, Table};

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

/// Writes every table as an XLSX workbook beside the store (`<data folder>/exports/`), as
/// `xungkich export --format xlsx` does; the status line gives the path or what went wrong.
/// Pressed twice within a minute it writes a second file (`…-2.xlsx`), never over the first.
pub(super) fn write_export(app: &mut App, store: &Store) {
    use crate::io::export;
    let s = app.strings();
    let folder = store.folder();
    let written = export::gather(store, &app.board, app.now, s)
        .map_err(|e| s.store_error(&e))
        .and_then(|tables| {
            export::write_new(&tables, s.ex_summary, &folder, app.now).map_err(|e| e.message(s))
        });
    match written {
        Ok(path) => set_status(app, StatusKind::Saved, s.ex_written(path.display())),
        Err(e) => set_status(app, StatusKind::Error, s.ex_write_failed(&e)),
    }
}

pub(super) fn undo(app: &mut App, store: &mut Store) {
    let s = app.strings();
    match store.undo_last(app.now) {
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
            // Best effort: a file left behind takes space but harms nothing.
            if !undone.dropped_photos.is_empty() {
                let _ = store.drop_unreferenced_photos(&undone.dropped_photos);
            }
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
