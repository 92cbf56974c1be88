//! A full disk while saving: the error shows, what was typed stays on screen to try again,
//! and nothing already reported saved is lost. The failure is SQLite's own: the store is
//! capped at its current size (`PRAGMA max_page_count`), so the next write that needs a new
//! page fails exactly as on a full disk.

mod support;

use std::collections::HashMap;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, demo_store, key, press, stamp, type_text};
use xungkich::app::StatusKind;
use xungkich::app::form::FieldId;
use xungkich::app::volunteer::visible_rows;
use xungkich::domain::change::ChangeSummary;
use xungkich::domain::figures::Metric;
use xungkich::i18n::Lang;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

const AT: &str = "2022-05-07T10:00";

#[test]
fn a_full_disk_while_typing_figures_keeps_the_typed_value_and_loses_nothing_saved() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, AT, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('4'))]);
    let day = a.board.volunteer_days[a.volunteer.day].id;
    let cap = store.page_count().expect("pages");
    assert_eq!(store.set_max_page_count(cap).expect("cap"), cap);
    // Volunteers, then citizens, down the units: each Enter-and-move saves one figure.
    let mut saved: HashMap<(i64, Metric), i64> = HashMap::new();
    let mut failed_with = None;
    for i in 0..5_000i64 {
        let (row, col) = (a.volunteer.list.selected, a.volunteer.col);
        // The grid shows the units registered for the day: the row's unit among those.
        let unit = a.board.units[visible_rows(&a.board, &a.volunteer, a.now)[row]].id;
        let metric = Metric::ALL[col];
        let value = 100 + i;
        type_text(&mut a, &mut store, &value.to_string());
        press(&mut a, &mut store, &[key(KeyCode::Down)]);
        let status = a.status.clone().expect("a status after a save");
        if status.kind == StatusKind::Error {
            failed_with = Some((status.text, value, row, col));
            break;
        }
        assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
        saved.insert((unit, metric), value);
        if a.volunteer.list.selected == row {
            // The last unit: on to the next figure, from the top.
            press(
                &mut a,
                &mut store,
                &[key(KeyCode::Right), key(KeyCode::Char('g'))],
            );
        }
    }
    let (text, value, row, col) = failed_with.expect("the capped store filled up");
    // The store's "database or disk is full" in the language on screen (Vietnamese).
    assert!(text.contains("ổ đĩa đã đầy"), "{text}");
    assert!(
        saved.len() > 5,
        "some figures were saved before the disk filled"
    );
    // What was typed is still there, in the same cell, to save again.
    assert_eq!((a.volunteer.list.selected, a.volunteer.col), (row, col));
    let typed = a.volunteer.editing.as_ref().map(|f| f.value().to_string());
    assert_eq!(typed, Some(value.to_string()));
    assert!(render_text(&a, 120, 40).contains(&value.to_string()));

    // Everything reported saved is in the file, read by a fresh connection.
    let check =
        Store::open(&t.path, SHIPPED_SEED, stamp("2022-05-07T10:00:00+07:00")).expect("open");
    assert_eq!(check.integrity_check().expect("check"), "ok");
    let on_disk: HashMap<(i64, Metric), i64> = check
        .figures(day)
        .expect("figures")
        .into_iter()
        .map(|f| ((f.unit_id, f.metric), f.value))
        .collect();
    for (cell, v) in &saved {
        assert_eq!(on_disk.get(cell), Some(v), "{cell:?}");
    }
    drop(check);

    // Room again (the officer freed some disk): the same Enter saves the kept value.
    store.set_max_page_count(1 << 30).expect("uncap");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let status = a.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
    let unit = a.board.units[visible_rows(&a.board, &a.volunteer, a.now)[row]].id;
    let after = store.figures(day).expect("figures");
    assert!(
        after
            .iter()
            .any(|f| f.unit_id == unit && f.metric == Metric::ALL[col] && f.value == value)
    );
}

#[test]
fn a_full_disk_while_saving_a_form_keeps_the_form_and_what_was_typed() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, AT, Lang::En);
    press(&mut a, &mut store, &[key(KeyCode::Char('2'))]);
    // Fill the store to its cap first, so the form's save is the write that does not fit.
    let cap = store.page_count().expect("pages");
    store.set_max_page_count(cap).expect("cap");
    let unit = a.board.units[0].id;
    for i in 0..10_000 {
        let phone = format!("09{i:08}");
        let person = format!("Người {i}");
        if store
            .update_unit_contact(
                unit,
                &person,
                &phone,
                stamp("2022-05-07T10:00:00+07:00"),
                &ChangeSummary::Contact {
                    unit: "test".into(),
                },
            )
            .is_err()
        {
            break;
        }
    }
    let person = store.load_board().expect("board").units[0]
        .contact_person
        .clone();
    a.board = store.load_board().expect("board");
    let before = store.last_change().expect("audit");
    press(&mut a, &mut store, &[key(KeyCode::Char('e'))]);
    assert!(a.form.is_some());
    type_text(&mut a, &mut store, " Lê");
    press(&mut a, &mut store, &[ctrl('s')]);
    let status = a.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error, "{}", status.text);
    assert!(status.text.contains("full"), "{}", status.text);
    let form = a.form.as_ref().expect("the form stays open");
    assert_eq!(form.text(FieldId::ContactPerson), format!("{person} Lê"));
    assert_eq!(
        store.last_change().expect("audit"),
        before,
        "nothing half-written"
    );
    assert_eq!(store.integrity_check().expect("check"), "ok");
}

/// A form saved while another process holds the write lock stays open with what was typed,
/// says it waits, and saves itself on the retry once the lock frees.
#[test]
fn a_form_saved_while_another_process_writes_waits_and_lands() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    store
        .set_patience(std::time::Duration::from_millis(20))
        .expect("patience");
    let mut a = app(&store, AT, Lang::En);
    press(&mut a, &mut store, &[key(KeyCode::Char('2'))]);
    let person = a.board.units[0].contact_person.clone();
    press(&mut a, &mut store, &[key(KeyCode::Char('e'))]);
    type_text(&mut a, &mut store, " Lê");
    let other = rusqlite::Connection::open(&t.path).expect("other connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    press(&mut a, &mut store, &[ctrl('s')]);
    let status = a.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error, "{}", status.text);
    assert!(status.text.contains("saves itself"), "{}", status.text);
    let form = a.form.as_ref().expect("the form stays open");
    assert_eq!(form.text(FieldId::ContactPerson), format!("{person} Lê"));
    other.execute_batch("COMMIT").expect("let go");
    xungkich::app::update(&mut a, &mut store, xungkich::app::Action::Retry);
    assert!(a.form.is_none(), "saved and closed");
    assert_eq!(a.waiting, None);
    let board = store.load_board().expect("board");
    assert_eq!(board.units[0].contact_person, format!("{person} Lê"));
}
