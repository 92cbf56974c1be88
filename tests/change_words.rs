//! The audit log keeps what a change did as data and words it when shown: undo after
//! switching `--lang` speaks the new language, and a change logged as a sentence by an older
//! build keeps its sentence.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, key, press, stamp};
use xungkich::domain::change::ChangeSummary;
use xungkich::domain::initiative::{FieldRef, InitiativeKind, Stage, Valid};
use xungkich::i18n::{Lang, strings};
use xungkich::store::Store;

const FRIDAY: &str = "2022-05-06T09:00";
const SEEDED: &str = "2022-04-29T08:00:00+07:00";

fn status(a: &xungkich::app::App) -> String {
    a.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Ticks the first unit's last requirement on tab 2, in Vietnamese, and says what it ticked.
fn tick_in_vietnamese(t: &TempStore) -> (String, String) {
    let mut store = t.open(SEEDED);
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('2'))]);
    for _ in 0..3 {
        press(&mut a, &mut store, &[key(KeyCode::Right)]);
    }
    press(&mut a, &mut store, &[key(KeyCode::Char(' '))]);
    assert!(status(&a).contains("xong"), "{}", status(&a));
    let unit = a.board.units[0].name.clone();
    let requirement = a.board.requirements[3].short.clone();
    (unit, requirement)
}

#[test]
fn undo_after_switching_to_english_speaks_english() {
    let t = TempStore::new();
    let (unit, requirement) = tick_in_vietnamese(&t);
    let mut store = t.open(SEEDED);
    let last = store
        .last_change()
        .expect("last")
        .expect("the tick is logged");
    assert_eq!(
        strings(Lang::En).change_summary(&last),
        format!("Tick \"{requirement}\" for {unit}")
    );
    assert_eq!(
        strings(Lang::Vi).change_summary(&last),
        format!("Đánh dấu \"{requirement}\" cho {unit}")
    );
    let mut a = app(&store, FRIDAY, Lang::En);
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(
        status(&a),
        format!("Undone: Tick \"{requirement}\" for {unit} — now not ticked.")
    );
}

/// A stage is kept as its code, so its word too follows the language on screen.
#[test]
fn a_stage_move_is_undone_in_the_words_of_the_language_on_screen() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
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
            stamp(FRIDAY),
            &ChangeSummary::AddInitiative {
                title: title.clone(),
                unit: "Hiệp Tân".into(),
            },
        )
        .expect("add");
    // Registered → Implementing, the move each language's undo takes back.
    let move_on = |store: &mut Store| {
        store
            .set_stage(
                id,
                Stage::Implementing,
                None,
                "",
                stamp(FRIDAY),
                &ChangeSummary::Stage {
                    title: title.clone(),
                    from: Stage::Registered,
                    to: Stage::Implementing,
                },
            )
            .expect("stage");
    };
    move_on(&mut store);
    for (lang, words) in [
        (
            Lang::En,
            "Undone: \"Mã QR tra cứu hồ sơ\": Registered → Implementing — now Registered.",
        ),
        (
            Lang::Vi,
            "Đã hoàn tác: \"Mã QR tra cứu hồ sơ\": Đăng ký → Triển khai — giờ ở bước Đăng ký.",
        ),
    ] {
        let mut a = app(&store, FRIDAY, lang);
        press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
        assert_eq!(status(&a), words);
        // Put the move back for the other language.
        move_on(&mut store);
    }
}

/// A change an older build logged as a sentence shows that sentence, whatever the language.
#[test]
fn a_change_logged_as_a_sentence_keeps_its_sentence() {
    let t = TempStore::new();
    let (unit, requirement) = tick_in_vietnamese(&t);
    let old = format!("Đánh dấu \"{requirement}\" cho {unit}");
    support::back_to_schema_1(&t.path, &old);
    let mut store = t.open(SEEDED);
    let mut a = app(&store, FRIDAY, Lang::En);
    let done = |a: &xungkich::app::App| {
        let u = &a.board.units[0];
        a.board.evidence_for(u.id, a.board.requirements[3].id)
    };
    assert!(done(&a).is_some());
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(status(&a), format!("Undone: {old}."));
    assert!(done(&a).is_none(), "the undo itself still works");
}
