//! The state machine driven through the real keymap: filters, sorting, ticks and undo.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, demo_store, key, press, type_text};
use xungkich::app::form::FieldId;
use xungkich::app::units_view::visible_units;
use xungkich::app::{StatusKind, Tab};
use xungkich::i18n::Lang;

const FRIDAY: &str = "2022-05-06T09:00";

fn names(a: &xungkich::app::App) -> Vec<String> {
    visible_units(&a.board, &a.units, a.now)
        .into_iter()
        .map(|i| a.board.units[i].name.clone())
        .collect()
}

#[test]
fn filter_ignores_case_and_diacritics_and_esc_clears() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('/'))],
    );
    type_text(&mut a, &mut store, "tan quy");
    assert_eq!(names(&a), vec!["UBND phường Tân Quý"]);
    // Keys that are commands elsewhere are text while filtering.
    press(&mut a, &mut store, &[ctrl('h'), ctrl('h'), ctrl('h')]);
    assert_eq!(a.units.list.filter.value(), "tan ");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(names(&a).len(), 37);
    assert!(!a.units.list.filter_typing);
    press(&mut a, &mut store, &[key(KeyCode::Char('/'))]);
    type_text(&mut a, &mut store, "DAT DAI");
    assert!(
        names(&a)
            .iter()
            .all(|n| n.to_lowercase().contains("đất đai")),
        "{:?}",
        names(&a)
    );
    assert!(!names(&a).is_empty());
    // Enter keeps the filter and returns to the list; q then quits rather than typing.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(!a.units.list.filter_typing);
    assert!(!names(&a).is_empty() && names(&a).len() < 37);
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(names(&a).len(), 37);
    press(&mut a, &mut store, &[key(KeyCode::Char('q'))]);
    assert!(a.quit);
}

#[test]
fn telex_and_decomposed_input_give_the_same_filter() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('/'))],
    );
    // Unikey Telex: "tan" + "a" → Backspace, "â"; "quy" + "s" → Backspace, "ý".
    for k in [
        key(KeyCode::Char('t')),
        key(KeyCode::Char('a')),
        key(KeyCode::Backspace),
        key(KeyCode::Char('â')),
        key(KeyCode::Char('n')),
        key(KeyCode::Char(' ')),
        key(KeyCode::Char('q')),
        key(KeyCode::Char('u')),
        key(KeyCode::Char('y')),
        key(KeyCode::Backspace),
        key(KeyCode::Char('ý')),
    ] {
        press(&mut a, &mut store, &[k]);
    }
    assert_eq!(a.units.list.filter.value(), "tân quý");
    assert_eq!(names(&a), vec!["UBND phường Tân Quý"]);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Esc), key(KeyCode::Char('/'))],
    );
    type_text(&mut a, &mut store, "ta\u{302}n quy\u{301}");
    assert_eq!(a.units.list.filter.value(), "tân quý");
    assert_eq!(names(&a), vec!["UBND phường Tân Quý"]);
}

#[test]
fn kind_filter_missing_only_and_sorting() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('t'))],
    );
    assert_eq!(names(&a).len(), 11, "first kind is the wards");
    press(&mut a, &mut store, &[key(KeyCode::Char('s'))]);
    let sorted = names(&a);
    assert_eq!(
        sorted.first().map(String::as_str),
        Some("UBND phường Hiệp Tân")
    );
    assert_eq!(
        sorted.last().map(String::as_str),
        Some("UBND phường Tây Thạnh")
    );
    for _ in 0..5 {
        press(&mut a, &mut store, &[key(KeyCode::Char('t'))]);
    }
    assert_eq!(names(&a).len(), 37, "the kind filter cycles back to all");
    // Friday before the report deadline: every youth base and ward still misses the report;
    // a unit whose base owes it may owe nothing more.
    let missing = |a: &xungkich::app::App| {
        a.board
            .units
            .iter()
            .filter(|u| {
                xungkich::model::checklist::missing_count(&xungkich::model::checklist::unit_states(
                    &a.board, u, a.now,
                )) > 0
            })
            .count()
    };
    press(&mut a, &mut store, &[key(KeyCode::Char('m'))]);
    assert_eq!(names(&a).len(), missing(&a));
    assert!(missing(&a) >= 19, "the 19 bases and wards owe the report");
    // Sorted by number missing: the first has at least as many as the last.
    press(&mut a, &mut store, &[key(KeyCode::Char('s'))]);
    let rows = visible_units(&a.board, &a.units, a.now);
    let count = |i: usize| {
        xungkich::model::checklist::missing_count(&xungkich::model::checklist::unit_states(
            &a.board,
            &a.board.units[i],
            a.now,
        ))
    };
    assert!(count(rows[0]) >= count(*rows.last().expect("rows")));
}

#[test]
fn computed_and_not_applicable_requirements_explain_instead_of_ticking() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char(' '))],
    );
    let status = a.status.clone().expect("a message");
    assert_eq!(status.kind, StatusKind::Info);
    assert!(status.text.contains("sổ sáng kiến"), "{}", status.text);
    assert_eq!(store.last_change().expect("last"), None);
    // The last unit is a Youth Union base: the emulation registration does not apply.
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('G')),
            key(KeyCode::Right),
            key(KeyCode::Right),
            key(KeyCode::Right),
            key(KeyCode::Char(' ')),
        ],
    );
    let status = a.status.clone().expect("a message");
    assert!(status.text.contains("không áp dụng"), "{}", status.text);
    assert_eq!(store.last_change().expect("last"), None);
}

#[test]
fn tick_then_undo_through_keys() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('2'))]);
    for _ in 0..10 {
        press(&mut a, &mut store, &[key(KeyCode::Right)]);
    }
    assert_eq!(
        a.units.column, 3,
        "the column stops at the last requirement"
    );
    press(&mut a, &mut store, &[key(KeyCode::Char(' '))]);
    assert_eq!(a.status.as_ref().map(|s| s.kind), Some(StatusKind::Saved));
    let unit = a.board.units[0].id;
    let req = a.board.requirements[3].id;
    assert!(a.board.evidence_for(unit, req).is_some());
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert!(a.board.evidence_for(unit, req).is_none());
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Đã hoàn tác"))
    );
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert!(
        a.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Không còn"))
    );
}

#[test]
fn moving_stays_inside_the_list() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('2')),
            key(KeyCode::Up),
            key(KeyCode::Char('k')),
        ],
    );
    assert_eq!(a.units.list.selected, 0);
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::End),
            key(KeyCode::Down),
            key(KeyCode::PageDown),
        ],
    );
    assert_eq!(a.units.list.selected, 36);
    press(&mut a, &mut store, &[key(KeyCode::Char('g'))]);
    assert_eq!(a.units.list.selected, 0);
    press(&mut a, &mut store, &[key(KeyCode::PageDown)]);
    assert!(a.units.list.selected > 0);
}

#[test]
fn contact_form_saves_valid_values_and_asks_before_discarding() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('e'))],
    );
    type_text(&mut a, &mut store, "Nguyễn Văn Á");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "0703.652.444");
    // Enter on the last field saves.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.form.is_none());
    assert_eq!(a.board.units[0].contact_person, "Nguyễn Văn Á");
    assert_eq!(a.board.units[0].phone, "0703.652.444");
    // Esc with changes asks; n goes back to the form; y discards.
    press(&mut a, &mut store, &[key(KeyCode::Char('e'))]);
    type_text(&mut a, &mut store, "x");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(a.confirm.is_some());
    press(&mut a, &mut store, &[key(KeyCode::Char('n'))]);
    assert!(a.confirm.is_none() && a.form.is_some());
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Esc), key(KeyCode::Char('y'))],
    );
    assert!(a.form.is_none());
    assert_eq!(a.board.units[0].contact_person, "Nguyễn Văn Á");
    // Esc without changes closes at once.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('e')), key(KeyCode::Esc)],
    );
    assert!(a.form.is_none() && a.confirm.is_none());
}

#[test]
fn tabs_cycle_with_tab_and_shift_tab_outside_forms() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(a.tab, Tab::Units);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::BackTab), key(KeyCode::BackTab)],
    );
    assert_eq!(a.tab, Tab::Kpi);
    press(&mut a, &mut store, &[key(KeyCode::Char('3'))]);
    assert_eq!(a.tab, Tab::Initiatives);
}

#[test]
fn ctrl_c_quits_from_anywhere_but_asks_over_unsaved_typing() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('/')), ctrl('c')],
    );
    assert!(a.quit, "Ctrl-C quits from the filter line");

    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('e')), ctrl('c')],
    );
    assert!(a.quit, "an untouched form does not hold Ctrl-C back");

    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('e'))],
    );
    type_text(&mut a, &mut store, "Lê");
    press(&mut a, &mut store, &[ctrl('c')]);
    assert!(!a.quit);
    assert!(
        a.confirm
            .as_ref()
            .is_some_and(|c| c.question.contains("Thoát"))
    );
    press(&mut a, &mut store, &[key(KeyCode::Char('n'))]);
    assert!(!a.quit && a.form.is_some(), "n keeps the typing");
    press(&mut a, &mut store, &[ctrl('c'), key(KeyCode::Char('y'))]);
    assert!(a.quit);

    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('?')), ctrl('c')]);
    assert!(a.quit, "Ctrl-C quits from the help overlay");
}

#[test]
fn forms_read_the_same_values_in_either_language() {
    // What each form starts with, read through what its fields hold: the same store gives the
    // same values whatever language labels them.
    let read = |lang: Lang| {
        let t = TempStore::new();
        // The demo fills in contacts, so the contact form has something to read.
        let mut store = demo_store(&t);
        let mut a = app(&store, FRIDAY, lang);
        let mut values = Vec::new();
        let mut labels = Vec::new();
        for (keys, ids) in [
            ("2e", &[FieldId::ContactPerson, FieldId::Phone][..]),
            ("3a", &[FieldId::Kind, FieldId::RegisteredOn]),
            // Before tab 4, whose grid would take the 5 as a figure.
            ("5t", &[FieldId::Target]),
            (
                "4N",
                &[
                    FieldId::Date,
                    FieldId::Round,
                    FieldId::RegistrationDeadline,
                    FieldId::ReportDeadline,
                ],
            ),
        ] {
            let keys: Vec<_> = keys.chars().map(|c| key(KeyCode::Char(c))).collect();
            for k in &keys {
                press(&mut a, &mut store, &[*k]);
            }
            let form = a
                .form
                .as_ref()
                .unwrap_or_else(|| panic!("{keys:?} opens no form"));
            for &id in ids {
                let field = form.field(id).unwrap_or_else(|| panic!("{keys:?}: {id:?}"));
                // A picker's value carries its option's translated name: compare the ids only.
                let value = match field.choice_ref() {
                    Some(c) => format!("{:?}", c.selected_ids()),
                    None => field.value(),
                };
                values.push((id, value));
                labels.push(field.label);
            }
            press(&mut a, &mut store, &[key(KeyCode::Esc)]);
            assert!(a.form.is_none(), "an untouched form closes");
        }
        (values, labels)
    };
    let (vi, vi_labels) = read(Lang::Vi);
    let (en, en_labels) = read(Lang::En);
    assert_eq!(vi, en);
    assert!(
        vi.iter()
            .any(|(id, v)| *id == FieldId::ContactPerson && !v.is_empty())
    );
    assert!(
        vi.iter()
            .any(|(id, v)| *id == FieldId::Date && v == "14/05/2022")
    );
    assert_ne!(vi_labels, en_labels, "the labels are translated");
}
