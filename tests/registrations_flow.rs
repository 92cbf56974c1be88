//! Tab 4's registrations through the keymap: the form, late registrations counted late, the
//! checklist following live, delete and undo.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, key, press, type_text};
use xungkich::domain::campaign::RequirementSource;
use xungkich::domain::checklist::CheckState;
use xungkich::i18n::Lang;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

fn registration_requirement(a: &xungkich::app::App) -> i64 {
    a.board
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::VolunteerRegistration)
        .expect("requirement")
        .id
}

fn unit_id(store: &Store, name: &str) -> i64 {
    store
        .load_board()
        .expect("board")
        .units
        .iter()
        .find(|u| u.name == name)
        .expect("unit")
        .id
}

/// Opens tab 4's registrations with the list narrowed to `unit_query`.
fn open_for(a: &mut xungkich::app::App, store: &mut Store, unit_query: &str) {
    press(
        a,
        store,
        &[
            key(KeyCode::Char('4')),
            key(KeyCode::Char('v')),
            key(KeyCode::Char('/')),
        ],
    );
    type_text(a, store, unit_query);
    press(a, store, &[key(KeyCode::Enter)]);
}

#[test]
fn registering_before_the_deadline_is_on_time_and_completes_the_requirement() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-03T10:00", Lang::Vi);
    let req = registration_requirement(&a);
    let tan_quy = unit_id(&store, "UBND phường Tân Quý");
    open_for(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    assert!(a.form.is_some());
    // Activities: find "tư vấn pháp luật" by typing, take it.
    type_text(&mut a, &mut store, "tu van");
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Enter), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    type_text(&mut a, &mut store, "Trụ sở UBND phường");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "15");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let day = a.board.volunteer_days[0].id;
    let regs = store.registrations(day).expect("read");
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0].unit_id, tan_quy);
    assert_eq!(regs[0].activities, vec!["tu-van-phap-luat".to_string()]);
    assert_eq!(regs[0].place, "Trụ sở UBND phường");
    assert_eq!(regs[0].planned_volunteers, Some(15));
    let now = a.now;
    let unit = a
        .board
        .units
        .iter()
        .find(|u| u.id == tan_quy)
        .expect("unit")
        .clone();
    let r = a
        .board
        .requirements
        .iter()
        .find(|r| r.id == req)
        .expect("req")
        .clone();
    assert!(matches!(
        xungkich::model::checklist::state_of(&a.board, &unit, &r, now),
        CheckState::Done { late: false, .. }
    ));
    assert!(render_text(&a, 120, 40).contains("✔ đúng hạn"));
}

#[test]
fn registering_after_the_deadline_is_counted_late() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-06T09:00", Lang::Vi);
    let tan_quy = unit_id(&store, "UBND phường Tân Quý");
    open_for(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    tick_first_activity(&mut a, &mut store);
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("✘ trễ"), "{screen}");
    assert!(screen.contains("1 / 19 đã đăng ký, 1 trễ"), "{screen}");
    let req = registration_requirement(&a);
    let unit = a
        .board
        .units
        .iter()
        .find(|u| u.id == tan_quy)
        .expect("unit")
        .clone();
    let r = a
        .board
        .requirements
        .iter()
        .find(|r| r.id == req)
        .expect("req")
        .clone();
    assert!(matches!(
        xungkich::model::checklist::state_of(&a.board, &unit, &r, a.now),
        CheckState::Done { late: true, .. }
    ));
}

#[test]
fn a_bad_time_or_count_is_refused_inline() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-03T10:00", Lang::Vi);
    open_for(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    // To "planned volunteers": letters; to "registered at": a day that does not exist.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Tab), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    type_text(&mut a, &mut store, "mười");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    for _ in 0..20 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "31/02/2022 10:00");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some(), "refused");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Số nguyên từ 0 đến 10.000"), "{screen}");
    assert!(
        screen.contains("«31/02/2022 10:00»: tháng 02/2022 không có ngày 31."),
        "{screen}"
    );
    assert!(
        store
            .registrations(a.board.volunteer_days[0].id)
            .expect("read")
            .is_empty()
    );
}

#[test]
fn delete_asks_and_undo_brings_it_back() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-03T10:00", Lang::Vi);
    open_for(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    tick_first_activity(&mut a, &mut store);
    press(&mut a, &mut store, &[ctrl('s')]);
    let day = a.board.volunteer_days[0].id;
    assert_eq!(store.registrations(day).expect("read").len(), 1);
    press(&mut a, &mut store, &[key(KeyCode::Char('d'))]);
    assert!(a.confirm.is_some());
    press(&mut a, &mut store, &[key(KeyCode::Char('n'))]);
    assert_eq!(store.registrations(day).expect("read").len(), 1);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('d')), key(KeyCode::Char('y'))],
    );
    assert!(store.registrations(day).expect("read").is_empty());
    assert!(render_text(&a, 120, 40).contains("chưa đăng ký"));
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(store.registrations(day).expect("read").len(), 1);
    assert!(render_text(&a, 120, 40).contains("✔ đúng hạn"));
}

#[test]
fn editing_keeps_the_time_first_registered() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-03T10:00", Lang::Vi);
    open_for(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    tick_first_activity(&mut a, &mut store);
    press(&mut a, &mut store, &[ctrl('s')]);
    // Later, the place is added: the registration stays on time.
    let mut a = app(&store, "2022-05-06T09:00", Lang::Vi);
    open_for(&mut a, &mut store, "tan quy");
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('e')),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
        ],
    );
    type_text(&mut a, &mut store, "Nhà văn hóa");
    press(&mut a, &mut store, &[ctrl('s')]);
    let regs = store
        .registrations(a.board.volunteer_days[0].id)
        .expect("read");
    assert_eq!(regs[0].place, "Nhà văn hóa");
    assert_eq!(
        regs[0].registered_at.to_rfc3339(),
        "2022-05-03T10:00:00+07:00"
    );
}

/// Ticks the first activity of the registration form open on its first field.
fn tick_first_activity(a: &mut xungkich::app::App, store: &mut Store) {
    press(a, store, &[key(KeyCode::Down), key(KeyCode::Enter)]);
}

#[test]
fn a_registration_with_no_activity_is_refused_naming_the_field() {
    for (lang, words) in [
        (Lang::Vi, ["Hoạt động", "Khác"]),
        (Lang::En, ["Activities", "Other"]),
    ] {
        let t = TempStore::new();
        let mut store = t.open("2022-04-29T08:00:00+07:00");
        let mut a = app(&store, "2022-05-03T10:00", lang);
        open_for(&mut a, &mut store, "tan quy");
        press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
        // Nothing ticked, nothing under "Other"; a place typed that must not be lost.
        press(&mut a, &mut store, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
        type_text(&mut a, &mut store, "Nhà văn hóa");
        press(&mut a, &mut store, &[ctrl('s')]);
        let day = a.board.volunteer_days[0].id;
        assert!(store.registrations(day).expect("read").is_empty());
        let form = a.form.as_ref().expect("the form stays open");
        assert_eq!(
            form.text(xungkich::app::form::FieldId::Place),
            "Nhà văn hóa"
        );
        let status = a
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        let screen = render_text(&a, 120, 40);
        for w in words {
            assert!(
                screen
                    .lines()
                    .any(|l| l.contains(w) && l.contains(words[0]) && l.contains(words[1])),
                "{lang:?}: the message names {w}: {screen}"
            );
        }
        assert!(!status.is_empty(), "{lang:?}: the status says why");
        assert_eq!(
            form.focus, 0,
            "{lang:?}: the officer lands on the activities"
        );
        // Writing under "Other" is enough.
        press(&mut a, &mut store, &[key(KeyCode::Tab)]);
        type_text(&mut a, &mut store, "Dọn vệ sinh");
        press(&mut a, &mut store, &[ctrl('s')]);
        assert!(a.form.is_none(), "{lang:?}: {:?}", a.status);
        let regs = store.registrations(day).expect("read");
        assert_eq!(regs.len(), 1);
        assert_eq!(regs[0].other_activity, "Dọn vệ sinh");
        assert_eq!(regs[0].place, "Nhà văn hóa");
    }
}

#[test]
fn a_registration_time_after_now_is_refused_as_in_the_future() {
    for (lang, word) in [(Lang::Vi, "tương lai"), (Lang::En, "future")] {
        let t = TempStore::new();
        let mut store = t.open("2022-04-29T08:00:00+07:00");
        let mut a = app(&store, "2022-05-03T09:00", lang);
        open_for(&mut a, &mut store, "tan quy");
        press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
        tick_first_activity(&mut a, &mut store);
        // A multiple choice stays on its field: four fields on to "registered at".
        for _ in 0..4 {
            press(&mut a, &mut store, &[key(KeyCode::Tab)]);
        }
        for _ in 0..20 {
            press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
        }
        type_text(&mut a, &mut store, "4/5/2022 23:59");
        press(&mut a, &mut store, &[ctrl('s')]);
        let day = a.board.volunteer_days[0].id;
        assert!(
            store.registrations(day).expect("read").is_empty(),
            "{lang:?}: nothing saved"
        );
        let form = a.form.as_ref().expect("the form stays open");
        assert_eq!(
            form.text(xungkich::app::form::FieldId::RegisteredAt),
            "4/5/2022 23:59",
            "what was typed stays"
        );
        let status = a
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        for part in [word, "04/05/2022 23:59", "03/05/2022 09:00"] {
            assert!(status.contains(part), "{lang:?}: {part} in {status}");
        }
        let screen = render_text(&a, 120, 40);
        assert!(screen.contains(word), "{lang:?}: {screen}");
        // Tab 4 and the checklist never disagree about it: it is simply not there.
        press(
            &mut a,
            &mut store,
            &[key(KeyCode::Esc), key(KeyCode::Char('y'))],
        );
        assert!(render_text(&a, 120, 40).contains("0 / 19"), "{lang:?}");
        // Now itself is not the future.
        press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
        tick_first_activity(&mut a, &mut store);
        press(&mut a, &mut store, &[ctrl('s')]);
        assert!(a.form.is_none(), "{lang:?}: {:?}", a.status);
        assert_eq!(store.registrations(day).expect("read").len(), 1);
    }
}

fn registrations_screen(w: u16, h: u16) -> String {
    let t = TempStore::new();
    let mut store = support::demo_store(&t);
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('4')), key(KeyCode::Char('v'))],
    );
    render_text(&a, w, h)
}

#[test]
fn registrations_80x24() {
    let text = registrations_screen(80, 24);
    assert!(text.contains("đã đăng ký"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn registrations_120x40() {
    insta::assert_snapshot!(registrations_screen(120, 40));
}

#[test]
fn registration_form_120x40() {
    let t = TempStore::new();
    let mut store = support::demo_store(&t);
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('4')),
            key(KeyCode::Char('v')),
            key(KeyCode::Char('a')),
        ],
    );
    insta::assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn a_refused_registration_form_80x24() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-03T09:00", Lang::Vi);
    open_for(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    tick_first_activity(&mut a, &mut store);
    for _ in 0..4 {
        press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    }
    for _ in 0..20 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "4/5/2022 23:59");
    press(&mut a, &mut store, &[ctrl('s')]);
    insta::assert_snapshot!(render_text(&a, 80, 24));
}

/// Every status a row can show fits its column in both languages, at both widths: an English
/// "· not registered" was cut to "· not registere".
#[test]
fn each_registration_status_shows_whole() {
    let t = TempStore::new();
    let mut store = support::demo_store(&t);
    for lang in [Lang::Vi, Lang::En] {
        let s = xungkich::i18n::strings(lang);
        // Before the deadline (not registered yet), and after it (overdue, late).
        for now in ["2022-05-02T09:00", "2022-05-07T14:00"] {
            let mut a = app(&store, now, lang);
            press(
                &mut a,
                &mut store,
                &[key(KeyCode::Char('4')), key(KeyCode::Char('v'))],
            );
            for (w, h) in [(80, 40), (120, 40)] {
                let text = render_text(&a, w, h);
                let shown: Vec<String> = [
                    format!("✔ {}", s.reg_on_time),
                    format!("✘ {}", s.reg_late),
                    format!("✖ {}", s.state_overdue),
                    format!("· {}", s.reg_none),
                ]
                .into_iter()
                .filter(|word| text.contains(word.as_str()))
                .collect();
                let expected = if now < "2022-05-05" { 2 } else { 3 };
                assert_eq!(
                    shown.len(),
                    expected,
                    "{lang:?} {w}×{h} at {now}: {shown:?}\n{text}"
                );
            }
        }
    }
}
