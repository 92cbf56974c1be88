//! Tab 4's Action Month agenda and new Saturday rounds.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, key, press, type_text};
use xungkich::app::form::FieldId;
use xungkich::i18n::Lang;
use xungkich::store::AgendaStatus;
use xungkich::ui::snapshot::render_text;

fn agenda(a: &mut xungkich::app::App, store: &mut xungkich::store::Store) {
    press(a, store, &[key(KeyCode::Char('4'))]);
    // Figures, registrations, reports, tasks, then the Action Month.
    for _ in 0..4 {
        press(a, store, &[key(KeyCode::Char('v'))]);
    }
}

#[test]
fn the_plan_s_six_activities_are_listed_and_editable() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    agenda(&mut a, &mut store);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("6 hoạt động: 0 xong, 0 huỷ"), "{screen}");
    assert!(screen.contains("Lễ phát động"), "{screen}");
    // Mark the launch done on 07/05/2022.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Enter), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    type_text(&mut a, &mut store, "07/05/2022");
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Tab),
            key(KeyCode::Down),
            key(KeyCode::Down),
            key(KeyCode::Down),
            key(KeyCode::Enter),
        ],
    );
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let items = store.agenda().expect("agenda");
    assert_eq!(items[0].status, AgendaStatus::Done);
    assert_eq!(
        items[0].date.map(|d| d.to_string()).as_deref(),
        Some("2022-05-07")
    );
    assert!(render_text(&a, 120, 40).contains("6 hoạt động: 1 xong, 0 huỷ"));
}

#[test]
fn add_delete_and_undo_an_activity() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    agenda(&mut a, &mut store);
    press(&mut a, &mut store, &[key(KeyCode::Char('a'))]);
    type_text(&mut a, &mut store, "Tọa đàm chuyển đổi số");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "Quận Đoàn");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert_eq!(store.agenda().expect("agenda").len(), 7);
    // The new one is selected: delete it, then undo.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('d')), key(KeyCode::Char('y'))],
    );
    assert_eq!(store.agenda().expect("agenda").len(), 6);
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(store.agenda().expect("agenda").len(), 7);
    assert!(render_text(&a, 120, 40).contains("Tọa đàm chuyển đổi số"));
    // An empty title is refused; a date outside the campaign too.
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('a')),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
        ],
    );
    type_text(&mut a, &mut store, "01/01/2023");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    assert_eq!(store.agenda().expect("agenda").len(), 7);
}

#[test]
fn a_new_round_must_be_a_saturday_inside_the_campaign() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('4')), key(KeyCode::Char('N'))],
    );
    assert!(a.form.is_some());
    // The default is the Saturday after the last round.
    let date = a.form.as_ref().map(|f| f.text(FieldId::Date));
    assert_eq!(date.as_deref(), Some("14/05/2022"));
    // A Sunday is refused with the reason next to the date.
    for _ in 0..12 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "15/05/2022");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Chủ nhật, không phải thứ Bảy"), "{screen}");
    assert_eq!(store.load_board().expect("board").volunteer_days.len(), 1);
    // The taken Saturday is refused too; the next one is added and selected.
    for _ in 0..12 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "07/05/2022");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(render_text(&a, 120, 40).contains("Đã có đợt vào ngày 07/05/2022"));
    for _ in 0..12 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "14/05/2022");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let days = store.load_board().expect("board").volunteer_days;
    assert_eq!(days.len(), 2);
    assert_eq!(
        days[1].report_deadline.to_rfc3339(),
        "2022-05-14T16:00:00+07:00"
    );
    assert_eq!(
        days[1].registration_deadline.to_rfc3339(),
        "2022-05-12T00:00:00+07:00"
    );
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Đợt 3 · 14/05/2022"), "{screen}");
    // [ goes back to round 2.
    press(&mut a, &mut store, &[key(KeyCode::Char('['))]);
    assert!(render_text(&a, 120, 40).contains("Đợt 2 · 07/05/2022"));
}

#[test]
fn agenda_80x24() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    agenda(&mut a, &mut store);
    insta::assert_snapshot!(render_text(&a, 80, 24));
}

#[test]
fn a_on_the_figures_grid_adds_a_round() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('4')), key(KeyCode::Char('a'))],
    );
    assert!(
        a.form
            .as_ref()
            .is_some_and(|f| f.title.contains("Thêm đợt")),
        "the round form opens"
    );
    press(&mut a, &mut store, &[ctrl('s')]);
    assert_eq!(store.load_board().expect("board").volunteer_days.len(), 2);
    assert!(render_text(&a, 120, 40).contains("[2/2] Đợt 3 · 14/05/2022"));
}

/// Undoing the creation of the round on screen leaves tab 4 on the round before, with its
/// keys in the footer, not on "no Saturday" with no hints.
#[test]
fn undoing_a_new_round_leaves_tab_4_on_the_round_before() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('4')), key(KeyCode::Char('N')), ctrl('s')],
    );
    assert!(a.form.is_none(), "{:?}", a.status);
    assert_eq!(a.volunteer.day, 1, "the new round is selected");
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(a.board.volunteer_days.len(), 1);
    assert_eq!(a.volunteer.day, 0);
    let screen = render_text(&a, 80, 24);
    assert!(screen.contains("Đợt 2 · 07/05/2022"), "{screen}");
    assert!(
        screen.contains("0–9 gõ số"),
        "the grid's keys in the footer:\n{screen}"
    );
}
