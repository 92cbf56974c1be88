//! Redo (Ctrl-R) takes an undo back, row for row, until a new change is made; it survives a
//! restart, since it is all in the store. Undo says where the value stands now. Straight
//! through the store first, then through the keymap.

mod support;

use ratatui::crossterm::event::KeyCode;
use rusqlite::Connection;
use support::{TempStore, app, ctrl, key, press, stamp};
use tempfile::TempDir;
use xungkich::app::{App, StatusKind};
use xungkich::domain::campaign::RequirementSource;
use xungkich::domain::change::{ChangeSummary, Summary, UndoneTo};
use xungkich::domain::figures::Metric;
use xungkich::domain::initiative::{FieldRef, InitiativeKind, Stage, Valid};
use xungkich::i18n::Lang;
use xungkich::store::{FigureEdit, NewPhoto, NewRegistration, Redo, Redone, Store, Table};

const SEEDED: &str = "2022-04-29T08:00:00+07:00";
/// The volunteer Saturday, before the quick-report deadline.
const NOW: &str = "2022-05-07T14:00";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// The plan's first Saturday and its first unit (P. Hiệp Tân).
fn day_and_unit(store: &Store) -> (i64, i64) {
    let board = store.load_board().expect("board");
    (board.volunteer_days[0].id, board.units[0].id)
}

fn manual_requirement(store: &Store) -> i64 {
    store
        .load_board()
        .expect("board")
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::Manual)
        .expect("a manual requirement")
        .id
}

fn undo(store: &mut Store) -> Option<UndoneTo> {
    store
        .undo_last(stamp(NOW))
        .expect("undo")
        .expect("a change to undo")
        .now
}

fn redo(store: &mut Store) -> Redone {
    match store.redo_last().expect("redo") {
        Redo::Done(done) => done,
        other => panic!("not redone: {other:?}"),
    }
}

fn files_received(value: Option<i64>) -> ChangeSummary {
    ChangeSummary::Figure {
        unit: "P. Tân Quý".into(),
        metric: Metric::FilesReceived,
        value,
    }
}

fn set_figure(store: &mut Store, value: Option<i64>) {
    let (day, unit) = day_and_unit(store);
    let seen = store
        .figure(day, unit, Metric::FilesReceived)
        .expect("read");
    store
        .set_figure(
            day,
            unit,
            Metric::FilesReceived,
            FigureEdit::Set { value, seen },
            stamp(NOW),
            files_received,
        )
        .expect("saved");
}

fn figure(store: &Store) -> Option<i64> {
    let (day, unit) = day_and_unit(store);
    store
        .figure(day, unit, Metric::FilesReceived)
        .expect("read")
}

/// Ticks the first unit's first manual requirement, or unticks it when it is ticked.
fn toggle(store: &mut Store) {
    let (_, unit) = day_and_unit(store);
    let requirement = manual_requirement(store);
    let (unit_name, req_name) = ("P. Hiệp Tân".to_string(), "Thi đua".to_string());
    let summary = if ticked(store) {
        ChangeSummary::Unticked {
            unit: unit_name,
            requirement: req_name,
        }
    } else {
        ChangeSummary::Ticked {
            unit: unit_name,
            requirement: req_name,
        }
    };
    store
        .toggle_check(unit, requirement, stamp(NOW), &summary)
        .expect("toggled");
}

fn ticked(store: &Store) -> bool {
    let (_, unit) = day_and_unit(store);
    let requirement = manual_requirement(store);
    store
        .load_board()
        .expect("board")
        .evidence_for(unit, requirement)
        .is_some()
}

fn set_contact(store: &mut Store, person: &str, phone: &str) {
    let (_, unit) = day_and_unit(store);
    store
        .update_unit_contact(
            unit,
            person,
            phone,
            stamp(NOW),
            &ChangeSummary::Contact {
                unit: "P. Hiệp Tân".into(),
            },
        )
        .expect("contact saved");
}

fn contact(store: &Store) -> (String, String) {
    let u = &store.load_board().expect("board").units[0];
    (u.contact_person.clone(), u.phone.clone())
}

/// The audit log's change ids, one per change, in the order they were made.
fn change_ids(t: &TempStore) -> Vec<i64> {
    let conn = Connection::open(&t.path).expect("raw");
    conn.prepare("SELECT DISTINCT change_id FROM audit_log ORDER BY id")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn a_figure_goes_back_and_forth_as_often_as_asked() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    set_figure(&mut store, Some(12));
    set_figure(&mut store, Some(15));
    assert_eq!(undo(&mut store), Some(UndoneTo::Number(12)));
    assert_eq!(figure(&store), Some(12));
    let done = redo(&mut store);
    assert_eq!(done.summary, Summary::Data(files_received(Some(15))));
    assert_eq!(done.tables, vec![Table::Figures]);
    assert_eq!(figure(&store), Some(15));
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
    // Undo, redo, undo, redo: each time there is something to take back again.
    for _ in 0..2 {
        assert_eq!(undo(&mut store), Some(UndoneTo::Number(12)));
        redo(&mut store);
        assert_eq!(figure(&store), Some(15));
    }
    // Both saves undone: the cell is empty as at first, and redo brings 12 back first.
    undo(&mut store);
    assert_eq!(undo(&mut store), Some(UndoneTo::Empty));
    assert_eq!(figure(&store), None);
    assert_eq!(
        redo(&mut store).summary,
        Summary::Data(files_received(Some(12)))
    );
    assert_eq!(figure(&store), Some(12));
    redo(&mut store);
    assert_eq!(figure(&store), Some(15));
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
    // A cleared cell undone is the number it held.
    set_figure(&mut store, None);
    assert_eq!(undo(&mut store), Some(UndoneTo::Number(15)));
}

#[test]
fn a_registration_comes_back_after_a_restart() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let (day, unit) = day_and_unit(&store);
    let activity = store.activities().expect("activities")[0].0.clone();
    let mut registration = NewRegistration {
        activities: vec![activity],
        other_activity: String::new(),
        place: "Sân UBND phường".into(),
        planned_volunteers: Some(8),
        registered_at: stamp("2022-05-05T10:00"),
    };
    let summary = ChangeSummary::Registration {
        unit: "P. Hiệp Tân".into(),
    };
    store
        .save_registration(day, unit, &registration, stamp(NOW), &summary)
        .expect("registered");
    let saved = store.registrations(day).expect("read");
    assert_eq!(saved.len(), 1);
    assert_eq!(undo(&mut store), Some(UndoneTo::Removed));
    assert!(store.registrations(day).expect("read").is_empty());
    drop(store);

    let mut store = t.open(SEEDED);
    assert_eq!(redo(&mut store).tables, vec![Table::Registrations]);
    assert_eq!(
        store.registrations(day).expect("read"),
        saved,
        "the same row"
    );
    // An edit undone is the registration as it was; a deletion undone is the row back.
    registration.planned_volunteers = Some(12);
    store
        .save_registration(day, unit, &registration, stamp(NOW), &summary)
        .expect("edited");
    assert_eq!(undo(&mut store), Some(UndoneTo::AsBefore));
    assert_eq!(store.registrations(day).expect("read"), saved);
    store
        .delete_registration(
            saved[0].id,
            stamp(NOW),
            &ChangeSummary::DeleteRegistration {
                unit: "P. Hiệp Tân".into(),
            },
        )
        .expect("deleted");
    assert_eq!(undo(&mut store), Some(UndoneTo::Restored));
    assert_eq!(store.registrations(day).expect("read"), saved);
    drop(store);
    let mut store = t.open(SEEDED);
    redo(&mut store);
    assert!(store.registrations(day).expect("read").is_empty());
}

/// Attaches a photo with content `bytes`, named `name` by the officer, to the first unit's
/// quick report, as the report form does. Returns the name the store keeps it by.
fn report_with_photo(store: &mut Store, bytes: &[u8], name: &str) -> String {
    let originals = TempDir::new().expect("tmp");
    let source = originals.path().join(name);
    std::fs::write(&source, bytes).expect("write");
    let photo = xungkich::io::photos::check(&source.display().to_string()).expect("a photo");
    let kept = xungkich::io::photos::keep(&store.photo_pool(), &photo).expect("kept");
    let (day, unit) = day_and_unit(store);
    let kept_name = kept.name.clone();
    store
        .save_report(
            day,
            unit,
            stamp(NOW),
            "đủ ảnh",
            &[NewPhoto {
                kept,
                original_name: name.into(),
            }],
            stamp(NOW),
            &ChangeSummary::Report {
                unit: "P. Hiệp Tân".into(),
                photos: 1,
            },
        )
        .expect("report saved");
    kept_name
}

#[test]
fn a_quick_report_comes_back_with_its_photo_and_never_without_it() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let (day, _) = day_and_unit(&store);
    let name = report_with_photo(&mut store, PNG, "IMG_1.png");
    let copy = store.photo_pool().join(&name);
    let saved = store.reports(day).expect("read");
    assert_eq!(saved[0].photos.len(), 1);
    assert_eq!(undo(&mut store), Some(UndoneTo::Removed));
    assert!(store.reports(day).expect("read").is_empty());
    assert!(copy.is_file(), "kept while a redo can want it");
    drop(store);

    let mut store = t.open(SEEDED);
    let done = redo(&mut store);
    assert_eq!(done.tables, vec![Table::Reports, Table::Photos]);
    assert_eq!(store.reports(day).expect("read"), saved);
    assert!(copy.is_file());

    // Undone again, and its file removed by hand: the redo is refused and writes nothing,
    // rather than bring back a report whose photo is not there.
    undo(&mut store);
    std::fs::remove_file(&copy).expect("removed by hand");
    assert_eq!(
        store.redo_last().expect("redo"),
        Redo::PhotoGone {
            original: "IMG_1.png".into()
        }
    );
    assert!(store.reports(day).expect("read").is_empty());
    // The file put back, the redo goes through.
    std::fs::write(&copy, PNG).expect("put back");
    redo(&mut store);
    assert_eq!(store.reports(day).expect("read"), saved);

    // Undone, then a new change: nothing can bring the report back, and the file goes.
    undo(&mut store);
    toggle(&mut store);
    assert!(!copy.exists(), "no record and no redo has it any more");
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
}

#[test]
fn a_new_change_ends_the_redo_and_the_log_keeps_what_it_ended() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    toggle(&mut store);
    assert_eq!(undo(&mut store), Some(UndoneTo::Unticked));
    // A save that changes nothing is no change: the redo stays.
    set_contact(&mut store, "", "");
    set_contact(&mut store, "Nguyễn Văn An", "0903 123 456");
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
    assert!(!ticked(&store));
    // Undoing the new change offers it back, and never the tick it built over.
    assert_eq!(undo(&mut store), Some(UndoneTo::Empty));
    assert_eq!(
        redo(&mut store).summary,
        Summary::Data(ChangeSummary::Contact {
            unit: "P. Hiệp Tân".into()
        })
    );
    assert_eq!(
        contact(&store),
        ("Nguyễn Văn An".into(), "0903 123 456".into())
    );
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
    assert!(!ticked(&store));
    // The tick is still in the log, out of reach of undo and redo.
    assert_eq!(change_ids(&t), vec![-1, 2]);
    undo(&mut store);
    assert_eq!(
        store.undo_last(stamp(NOW)).expect("undo"),
        None,
        "the tick was undone already"
    );
    drop(store);
    // After a restart too.
    let mut store = t.open(SEEDED);
    redo(&mut store);
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
}

#[test]
fn several_undos_come_back_in_order_after_a_restart() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    toggle(&mut store);
    set_contact(&mut store, "Nguyễn Văn An", "0903 123 456");
    set_figure(&mut store, Some(12));
    for _ in 0..3 {
        undo(&mut store);
    }
    assert!(!ticked(&store) && figure(&store).is_none());
    drop(store);
    let mut store = t.open(SEEDED);
    redo(&mut store);
    assert!(ticked(&store));
    assert_eq!(contact(&store), (String::new(), String::new()));
    drop(store);
    let mut store = t.open(SEEDED);
    redo(&mut store);
    assert_eq!(contact(&store).0, "Nguyễn Văn An");
    assert_eq!(figure(&store), None);
    redo(&mut store);
    assert_eq!(figure(&store), Some(12));
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
}

/// A row written behind the log's back since the undo (by hand, by another tool) is not
/// overwritten unseen: the redo is refused and writes nothing.
#[test]
fn a_row_changed_since_the_undo_refuses_the_redo() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    set_figure(&mut store, Some(12));
    set_figure(&mut store, Some(15));
    undo(&mut store);
    Connection::open(&t.path)
        .expect("raw")
        .execute("UPDATE figures SET value = 13", [])
        .expect("written behind the log");
    assert_eq!(store.redo_last().expect("redo"), Redo::Changed);
    assert_eq!(figure(&store), Some(13));
    assert_eq!(store.redo_last().expect("redo"), Redo::Changed);
}

/// An older build makes its changes without ending the redo. One made after an undo still
/// keeps what that undo took back from being redone over it.
#[test]
fn a_change_an_older_build_made_after_the_undo_is_not_built_over() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    toggle(&mut store);
    store
        .undo_last(stamp("2022-05-07T14:00"))
        .expect("undo")
        .expect("the tick");
    let (_, unit) = day_and_unit(&store);
    store
        .update_unit_contact(
            unit,
            "Nguyễn Văn An",
            "",
            stamp("2022-05-07T14:05"),
            &ChangeSummary::Contact {
                unit: "P. Hiệp Tân".into(),
            },
        )
        .expect("contact saved");
    drop(store);
    // As the older build would have left it: the undone tick not marked.
    Connection::open(&t.path)
        .expect("raw")
        .execute(
            "UPDATE audit_log SET change_id = -change_id WHERE change_id < 0",
            [],
        )
        .expect("unmarked");
    let mut store = t.open(SEEDED);
    store
        .undo_last(stamp("2022-05-07T14:10"))
        .expect("undo")
        .expect("the contact");
    assert_eq!(store.redo_last().expect("redo"), Redo::Nothing);
    assert!(!ticked(&store));
}

#[test]
fn undo_says_where_each_kind_of_value_stands_now() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    toggle(&mut store);
    toggle(&mut store);
    assert_eq!(undo(&mut store), Some(UndoneTo::Ticked), "an untick undone");
    assert_eq!(undo(&mut store), Some(UndoneTo::Unticked), "a tick undone");

    set_contact(&mut store, "Nguyễn Văn An", "0903 123 456");
    set_contact(&mut store, "Trần Thị Bình", "");
    assert_eq!(
        undo(&mut store),
        Some(UndoneTo::Contact {
            person: "Nguyễn Văn An".into(),
            phone: "0903 123 456".into()
        })
    );
    assert_eq!(undo(&mut store), Some(UndoneTo::Empty));

    let kpi = store.kpis().expect("kpis")[0].clone();
    let target = |t: Option<f64>| ChangeSummary::Target {
        kpi: kpi.name.clone(),
        target: t,
    };
    store
        .set_kpi_target(kpi.id, Some(33.5), stamp(NOW), &target(Some(33.5)))
        .expect("target");
    store
        .set_kpi_target(kpi.id, None, stamp(NOW), &target(None))
        .expect("cleared");
    assert_eq!(undo(&mut store), Some(UndoneTo::Percent(33.5)));
    let was = undo(&mut store);
    assert_eq!(
        was,
        Some(kpi.target.map_or(UndoneTo::Empty, UndoneTo::Percent))
    );

    let unit = store.load_board().expect("board").units[0].id;
    let valid = Valid {
        kind: InitiativeKind::Solution,
        title: "Mã QR tra cứu hồ sơ".into(),
        unit_id: unit,
        field: FieldRef::None,
        summary: String::new(),
        expected_effect: String::new(),
        registered_on: chrono::NaiveDate::from_ymd_opt(2022, 5, 3).expect("date"),
        evaluation_notes: String::new(),
        score: None,
    };
    let title = valid.title.clone();
    let id = store
        .add_initiative(
            &valid,
            stamp(NOW),
            &ChangeSummary::AddInitiative {
                title: title.clone(),
                unit: "P. Hiệp Tân".into(),
            },
        )
        .expect("added");
    store
        .set_stage(
            id,
            Stage::Implementing,
            None,
            "",
            stamp(NOW),
            &ChangeSummary::Stage {
                title: title.clone(),
                from: Stage::Registered,
                to: Stage::Implementing,
            },
        )
        .expect("stage");
    assert_eq!(undo(&mut store), Some(UndoneTo::Stage(Stage::Registered)));
    let board = store.load_board().expect("board");
    let others: Vec<i64> = board.units[1..4].iter().map(|u| u.id).collect();
    let replicate = |n: usize| ChangeSummary::Replications {
        title: title.clone(),
        units: n,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2022, 5, 7).expect("date");
    store
        .set_replications(id, &others, today, stamp(NOW), &replicate(3))
        .expect("replicated");
    store
        .set_replications(id, &others[..1], today, stamp(NOW), &replicate(1))
        .expect("fewer");
    assert_eq!(undo(&mut store), Some(UndoneTo::Units(3)));
    assert_eq!(undo(&mut store), Some(UndoneTo::Units(0)));
    store
        .delete_initiative(
            id,
            stamp(NOW),
            &ChangeSummary::DeleteInitiative {
                title: title.clone(),
            },
        )
        .expect("deleted");
    assert_eq!(undo(&mut store), Some(UndoneTo::Restored));
    assert_eq!(undo(&mut store), Some(UndoneTo::Removed), "the addition");
}

fn status(a: &App) -> String {
    a.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Tab 2, the first unit's last requirement (a manual one), as the officer gets there.
fn to_last_requirement(a: &mut App, store: &mut Store) {
    press(a, store, &[key(KeyCode::Char('2'))]);
    press(a, store, &[key(KeyCode::Right); 3]);
}

#[test]
fn u_says_where_the_tick_stands_and_ctrl_r_takes_the_undo_back() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let mut a = app(&store, NOW, Lang::Vi);
    to_last_requirement(&mut a, &mut store);
    press(&mut a, &mut store, &[key(KeyCode::Char(' '))]);
    let unit = a.board.units[0].id;
    let req = a.board.requirements[3].id;
    let words = format!(
        "Đánh dấu \"{}\" cho {}",
        a.board.requirements[3].short, a.board.units[0].name
    );
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(
        status(&a),
        format!("Đã hoàn tác: {words} — giờ chưa đánh dấu.")
    );
    assert!(a.board.evidence_for(unit, req).is_none());
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(status(&a), format!("Đã làm lại: {words}."));
    assert_eq!(a.status.as_ref().map(|s| s.kind), Some(StatusKind::Saved));
    assert!(
        a.board.evidence_for(unit, req).is_some(),
        "the screen follows"
    );
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(status(&a), "Không còn gì để làm lại.");
    assert_eq!(a.status.as_ref().map(|s| s.kind), Some(StatusKind::Info));

    // Undone, then untouched and ticked again by hand: a new change, so no redo.
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    press(&mut a, &mut store, &[key(KeyCode::Char(' '))]);
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(status(&a), "Không còn gì để làm lại.");

    // In English, after a restart.
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    drop(store);
    let mut store = t.open(SEEDED);
    let mut a = app(&store, NOW, Lang::En);
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(
        status(&a),
        format!(
            "Redone: Tick \"{}\" for {}.",
            a.board.requirements[3].short, a.board.units[0].name
        )
    );
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(status(&a), "Nothing to redo.");
}

/// Ctrl-R in a form is neither a redo nor a letter: what was undone stays undone and the
/// field keeps what was typed.
#[test]
fn ctrl_r_in_a_form_does_nothing() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let mut a = app(&store, NOW, Lang::Vi);
    to_last_requirement(&mut a, &mut store);
    press(&mut a, &mut store, &[key(KeyCode::Char(' '))]);
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    press(&mut a, &mut store, &[key(KeyCode::Char('e'))]);
    assert!(a.form.is_some(), "the contact form");
    support::type_text(&mut a, &mut store, "An");
    let typed = |a: &App| {
        a.form
            .as_ref()
            .and_then(|f| f.focused_field())
            .map(|f| f.value())
    };
    let before = typed(&a);
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(typed(&a), before);
    assert!(a.form.is_some());
    assert!(!ticked(&store), "not redone");
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Esc), key(KeyCode::Char('y'))],
    );
    assert!(a.form.is_none());
    press(&mut a, &mut store, &[ctrl('r')]);
    assert!(ticked(&store), "redone once the form is closed");
}

#[test]
fn help_lists_ctrl_r_beside_u_on_every_tab() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    for (lang, words) in [
        (Lang::Vi, "làm lại thay đổi vừa hoàn tác"),
        (Lang::En, "redo the change just undone"),
    ] {
        let mut a = app(&store, NOW, lang);
        for tab in ['1', '2', '3', '5'] {
            press(
                &mut a,
                &mut store,
                &[key(KeyCode::Char(tab)), key(KeyCode::Char('?'))],
            );
            assert!(a.help_open);
            let help = xungkich::ui::snapshot::render_text(&a, 120, 40);
            let line = help
                .lines()
                .find(|l| l.contains("Ctrl-R"))
                .unwrap_or_else(|| panic!("tab {tab}: no Ctrl-R in\n{help}"));
            assert!(line.contains(words), "{line}");
            press(&mut a, &mut store, &[key(KeyCode::Esc)]);
        }
    }
}

/// The campaign's own rows (what applying a campaign file edits) are logged like any other,
/// so one undo puts every one back and a redo makes them again.
#[test]
fn the_campaign_definition_tables_are_undone_and_redone() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let requirement = manual_requirement(&store);
    let read = |t: &TempStore| -> Vec<String> {
        let conn = Connection::open(&t.path).expect("raw");
        [
            "SELECT title FROM campaign WHERE id = 1".to_string(),
            format!("SELECT title FROM requirements WHERE id = {requirement}"),
            "SELECT name FROM activities ORDER BY id LIMIT 1".to_string(),
            "SELECT name FROM unit_kinds ORDER BY id LIMIT 1".to_string(),
            "SELECT place FROM document_header WHERE id = 1".to_string(),
        ]
        .iter()
        .map(|q| conn.query_row(q, [], |r| r.get(0)).unwrap_or_default())
        .collect()
    };
    let before = read(&t);
    let conn = Connection::open(&t.path).expect("raw");
    let activity: i64 = conn
        .query_row("SELECT id FROM activities ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("an activity");
    let kind: i64 = conn
        .query_row("SELECT id FROM unit_kinds ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("a kind");
    let header: Option<i64> = conn
        .query_row("SELECT id FROM document_header WHERE id = 1", [], |r| {
            r.get(0)
        })
        .ok();
    drop(conn);
    let text = |s: &str| rusqlite::types::Value::Text(s.into());
    store
        .change(
            stamp(NOW),
            &ChangeSummary::Contact {
                unit: "P. Hiệp Tân".into(),
            },
            |c| {
                c.update(Table::Campaign, 1, &[("title", text("Mới"))])?;
                c.update(Table::Requirements, requirement, &[("title", text("Mới"))])?;
                c.update(Table::Activities, activity, &[("name", text("Mới"))])?;
                c.update(Table::UnitKinds, kind, &[("name", text("Mới"))])?;
                if let Some(h) = header {
                    c.update(Table::DocumentHeader, h, &[("place", text("Mới"))])?;
                }
                Ok(())
            },
        )
        .expect("changed");
    let after = read(&t);
    assert_eq!(&after[..4], &["Mới", "Mới", "Mới", "Mới"]);
    assert_ne!(after, before);
    undo(&mut store);
    assert_eq!(read(&t), before);
    let done = redo(&mut store);
    assert!(done.tables.contains(&Table::Requirements));
    assert!(done.tables.contains(&Table::UnitKinds));
    assert_eq!(read(&t), after);
}
