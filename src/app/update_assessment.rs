//! The officer's own part of the Word report: the assessment and the next steps, typed for
//! the report of today (the app clock's day) and kept under that date.

use super::App;
use super::form::{Field, FieldId, Form, Purpose, Rule};
use super::update::{Stale, finish_write, read_failed};
use crate::domain::change::ChangeSummary;
use crate::domain::time::format_date;
use crate::io::report_docx::report_date;
use crate::store::{ReportNote, Store};

/// Long enough for a page of a report, short enough to stay a report's part.
const MAX_CHARS: usize = 5000;

/// Opens the form with the words kept for today, if any.
pub(super) fn open(app: &mut App, store: &Store) {
    let s = app.strings();
    let date = report_date(app.now);
    let note = match store.report_note(date, app.now) {
        Ok(note) => note,
        Err(e) => return read_failed(app, &e),
    };
    let rule = Rule::Text {
        max_chars: MAX_CHARS,
        required: false,
    };
    app.form = Some(Form::new(
        s.form_assessment(format_date(date)),
        Purpose::Assessment { date },
        vec![
            Field::lines(
                FieldId::Assessment,
                s.fl_assessment,
                &note.assessment,
                7,
                rule,
            )
            .with_hint(s.hint_assessment),
            Field::lines(
                FieldId::NextSteps,
                s.fl_next_steps,
                &note.next_steps,
                6,
                rule,
            )
            .with_hint(s.hint_assessment),
        ],
    ));
}

pub(super) fn save(app: &mut App, store: &mut Store, date: chrono::NaiveDate) {
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let note = ReportNote {
        assessment: form.text(FieldId::Assessment),
        next_steps: form.text(FieldId::NextSteps),
    };
    let summary = ChangeSummary::Assessment { date };
    let result = store.save_report_note(date, &note, app.now, &summary);
    finish_write(app, store, result, Stale::Board, &summary);
}
