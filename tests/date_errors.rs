//! A date the officer types wrong is named with its real problem in every form, in the words
//! the import uses for a sheet's cell: "«31/02/2022»: tháng 02/2022 không có ngày 31.", not
//! only "not a date".

mod support;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, ctrl, key, press, type_text};
use xungkich::app::App;
use xungkich::app::form::FieldId;
use xungkich::i18n::Lang;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn focused(a: &App) -> Option<FieldId> {
    a.form
        .as_ref()
        .and_then(|f| f.focused_field())
        .map(|f| f.id)
}

/// In the open form: to field `id` with Tab, its text replaced by `text`, then Ctrl-S.
fn type_into(a: &mut App, store: &mut Store, id: FieldId, text: &str) {
    for _ in 0..12 {
        if focused(a) == Some(id) {
            break;
        }
        press(a, store, &[key(KeyCode::Tab)]);
    }
    assert_eq!(focused(a), Some(id), "Tab reaches {id:?}");
    press(a, store, &[key(KeyCode::End)]);
    for _ in 0..40 {
        press(a, store, &[key(KeyCode::Backspace)]);
    }
    type_text(a, store, text);
    press(a, store, &[ctrl('s')]);
}

/// Opens each form that takes a date, on a fresh store, and returns the screen after a save
/// with `text` in its date field (the field, the date-only text or date-and-time text).
fn every_form(lang: Lang, date: &str) -> Vec<(&'static str, String)> {
    let datetime = format!("{date} 10:00");
    let forms: [(&str, &[char], FieldId, bool); 6] = [
        ("initiative", &['3', 'a'], FieldId::RegisteredOn, false),
        (
            "registration",
            &['4', 'v', 'a'],
            FieldId::RegisteredAt,
            true,
        ),
        (
            "quick report",
            &['4', 'v', 'v', 'r'],
            FieldId::ReceivedAt,
            true,
        ),
        ("round", &['4', 'N'], FieldId::Date, false),
        (
            "agenda item",
            // Past the figures, registrations, reports and tasks parts.
            &['4', 'v', 'v', 'v', 'v', 'a'],
            FieldId::Date,
            false,
        ),
        ("measurement", &['5', 'j', 'a'], FieldId::PeriodStart, false),
    ];
    forms
        .iter()
        .map(|(what, keys, field, with_time)| {
            let t = TempStore::new();
            let mut store = t.open("2022-04-29T08:00:00+07:00");
            let mut a = app(&store, "2022-05-03T10:00", lang);
            let keys: Vec<KeyEvent> = keys.iter().map(|c| ch(*c)).collect();
            press(&mut a, &mut store, &keys);
            assert!(a.form.is_some(), "{what}: the form opens");
            let text = if *with_time { datetime.as_str() } else { date };
            type_into(&mut a, &mut store, *field, text);
            assert!(a.form.is_some(), "{what}: refused, the form stays");
            (*what, render_text(&a, 120, 40))
        })
        .collect()
}

#[test]
fn every_form_names_a_day_the_month_does_not_have_as_the_import_does() {
    for (what, screen) in every_form(Lang::Vi, "31/02/2022") {
        assert!(
            screen.contains("tháng 02/2022 không có ngày 31"),
            "{what}:\n{screen}"
        );
    }
    for (what, screen) in every_form(Lang::En, "31/02/2022") {
        assert!(
            screen.contains("02/2022 has no day 31"),
            "{what}:\n{screen}"
        );
    }
}

#[test]
fn every_form_names_a_month_that_does_not_exist() {
    for (what, screen) in every_form(Lang::Vi, "01/13/2022") {
        assert!(screen.contains("không có tháng 13"), "{what}:\n{screen}");
    }
}
