//! Tab 4's quick reports: when the report came in, its photos (checked and copied into the
//! store's photo folder before the report is recorded with them), a note.

use super::form::{Field, FieldId, Form, Purpose, Rule};
use super::update::{Stale, field_problem, finish_write, set_status};
use super::update_volunteer::cell;
use super::{App, StatusKind};
use crate::domain::change::ChangeSummary;
use crate::domain::time::read_datetime;
use crate::io::photos;
use crate::store::{NewPhoto, Store};

/// The quick-report form of the selected unit: when it came in (now unless typed), photos to
/// add (one path a line), a note.
pub(super) fn open_report(app: &mut App) {
    let s = app.strings();
    let Some((unit_id, _, _)) = cell(app) else {
        return;
    };
    let unit = app.board.unit_name(unit_id).to_string();
    let current = app.volunteer.report(unit_id, app.now);
    let at = current.as_ref().map_or(app.now, |r| r.received_at);
    let note = current.map_or(String::new(), |r| r.note.clone());
    app.form = Some(Form::new(
        s.form_report(&unit),
        Purpose::Report { unit_id },
        vec![
            Field::new(
                FieldId::ReceivedAt,
                s.fl_received_at,
                &at.format("%d/%m/%Y %H:%M").to_string(),
                Rule::DateTime,
            )
            .with_hint(s.hint_datetime),
            Field::lines(FieldId::Photos, s.fl_photos, "", 3, Rule::Free).with_hint(s.hint_photos),
            Field::new(
                FieldId::Note,
                s.fl_note,
                &note,
                Rule::Text {
                    max_chars: 500,
                    required: false,
                },
            ),
        ],
    ));
}

/// Checks every photo path, copies the photos into the store's photo folder, then records the report
/// with them in one change. A bad path is named next to the photo field and nothing is saved.
pub(super) fn save_report(app: &mut App, store: &mut Store, unit_id: i64) {
    let s = app.strings();
    let (Some(form), Some(day)) = (
        app.form.as_ref(),
        app.board.volunteer_days.get(app.volunteer.day).cloned(),
    ) else {
        return;
    };
    let text = |id| form.text(id);
    let Some(received_at) = read_datetime(&text(FieldId::ReceivedAt)).ok() else {
        return set_status(app, StatusKind::Error, s.err_datetime.to_string());
    };
    // A report not yet received cannot count as received on time (the same rule as a
    // registration's).
    if !crate::domain::checklist::known(received_at, app.now) {
        let why = s.err_in_future(
            crate::domain::time::format_local(received_at),
            crate::domain::time::format_local(app.now),
        );
        return field_problem(app, FieldId::ReceivedAt, why);
    }
    let note = text(FieldId::Note);
    let mut checked = Vec::new();
    let mut problems = Vec::new();
    for line in text(FieldId::Photos)
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        match photos::check(line) {
            Ok(p) => checked.push(p),
            Err(e) => problems.push(e.message(s)),
        }
    }
    if !problems.is_empty() {
        return field_problem(app, FieldId::Photos, problems.join(" · "));
    }
    let pool = store.photo_pool();
    let mut rows = Vec::new();
    // Only files this save wrote are taken back on a failure, and only when no record refers
    // to them: a photo the store had already belongs to another report too.
    let mut fresh = Vec::new();
    for p in &checked {
        match photos::keep(&pool, p) {
            Ok(kept) => {
                if kept.fresh {
                    fresh.push(kept.name.clone());
                }
                rows.push(NewPhoto {
                    kept,
                    original_name: p.original_name.clone(),
                });
            }
            Err(e) => {
                let _ = store.drop_unreferenced_photos(&fresh);
                return field_problem(app, FieldId::Photos, e.message(s));
            }
        }
    }
    let unit = app.board.unit_name(unit_id).to_string();
    let summary = ChangeSummary::Report {
        unit,
        photos: rows.len(),
    };
    let now = app.now;
    let result = store.save_report(day.id, unit_id, received_at, &note, &rows, now, &summary);
    if !finish_write(app, store, result, Stale::Day, &summary) {
        // Nothing refers to the copies: take them back so the folder holds no strays.
        let _ = store.drop_unreferenced_photos(&fresh);
    }
}
