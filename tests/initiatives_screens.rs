//! Snapshots of tab 3, the initiative registry: the list with its detail pane, the forms and
//! their pickers, at 80×24 and 120×40, on the deterministic demo store.

mod support;

use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, ctrl, demo_store, key, press, type_text};
use xungkich::app::{App, Tab};
use xungkich::domain::initiative::Stage;
use xungkich::i18n::Lang;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

/// Half an hour before the quick-report deadline.
const SATURDAY: &str = "2022-05-07T15:30";

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// The demo store on tab 3, the detail of the first row read as the terminal loop would.
fn registry(t: &TempStore) -> (Store, App) {
    let store = demo_store(t);
    let mut a = app(&store, SATURDAY, Lang::Vi);
    a.tab = Tab::Initiatives;
    a.prepare(&store);
    (store, a)
}

/// Selects the initiative that went through the most stages (ties: the lowest id).
fn select_longest_history(store: &Store, a: &mut App) -> i64 {
    let mut best = (0, i64::MAX);
    for row in store.initiatives().expect("initiatives") {
        if row.stage != Stage::Commended {
            continue;
        }
        let n = store
            .initiative_detail(row.id)
            .expect("detail")
            .history
            .len();
        if n > best.0 || (n == best.0 && row.id < best.1) {
            best = (n, row.id);
        }
    }
    assert!(best.0 > 1, "the demo has an initiative with a history");
    a.initiatives.select_id(&a.registry, best.1);
    a.prepare(store);
    best.1
}

#[test]
fn list_80x24() {
    let t = TempStore::new();
    let (_store, a) = registry(&t);
    let text = render_text(&a, 80, 24);
    assert!(text.contains("sáng kiến"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn list_120x40() {
    let t = TempStore::new();
    let (_store, a) = registry(&t);
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn detail_with_history_120x40() {
    let t = TempStore::new();
    let (store, mut a) = registry(&t);
    let id = select_longest_history(&store, &mut a);
    let text = render_text(&a, 120, 40);
    let row = store.initiative(id).expect("read").expect("row");
    let shown: String = row.title.chars().take(20).collect();
    assert!(text.contains(&shown), "{text}");
    assert!(text.contains("Các giai đoạn"), "{text}");
    assert!(text.contains("Khen thưởng"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn detail_with_history_80x24() {
    let t = TempStore::new();
    let (store, mut a) = registry(&t);
    select_longest_history(&store, &mut a);
    let text = render_text(&a, 80, 24);
    assert!(text.contains("Các giai đoạn"), "{text}");
    assert_snapshot!(text);
}

fn add_form(w: u16, h: u16) -> String {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    press(&mut a, &mut store, &[ch('a')]);
    assert!(a.form.is_some());
    render_text(&a, w, h)
}

#[test]
fn add_form_80x24() {
    let text = add_form(80, 24);
    assert!(text.contains("Thêm sáng kiến"), "{text}");
    assert!(text.contains("07/05/2022"), "today per the clock: {text}");
    assert_snapshot!(text);
}

#[test]
fn add_form_120x40() {
    assert_snapshot!(add_form(120, 40));
}

fn failed_save(w: u16, h: u16) -> String {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    let before = store.initiatives().expect("read").len();
    // From the title, back past the kind to the last field, the score.
    press(
        &mut a,
        &mut store,
        &[ch('a'), key(KeyCode::BackTab), key(KeyCode::BackTab)],
    );
    type_text(&mut a, &mut store, "101");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some(), "refused");
    assert_eq!(store.initiatives().expect("read").len(), before);
    render_text(&a, w, h)
}

#[test]
fn add_form_with_inline_errors_80x24() {
    let text = failed_save(80, 24);
    assert!(text.contains("✖"), "{text}");
    assert!(text.contains("Chưa lưu: sửa 3 lỗi"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn add_form_with_inline_errors_120x40() {
    let text = failed_save(120, 40);
    for error in [
        "✖ Bắt buộc: chưa nhập.",
        "✖ Chưa chọn",
        "✖ Điểm là số từ 0 đến 100",
    ] {
        assert!(text.contains(error), "{error}: {text}");
    }
    assert_snapshot!(text);
}

fn unit_picker(w: u16, h: u16) -> String {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    press(&mut a, &mut store, &[ch('a'), key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan");
    render_text(&a, w, h)
}

#[test]
fn unit_picker_with_a_query_80x24() {
    let text = unit_picker(80, 24);
    assert!(text.contains("Tân Quý"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn unit_picker_with_a_query_120x40() {
    let text = unit_picker(120, 40);
    assert!(text.contains("UBND phường Tân Quý"), "{text}");
    assert!(!text.contains("│  Phòng Nội vụ"), "narrowed: {text}");
    assert_snapshot!(text);
}

fn proposal_form(w: u16, h: u16) -> String {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    let id = store
        .initiatives()
        .expect("read")
        .into_iter()
        .find(|r| r.stage == Stage::Evaluated)
        .expect("an evaluated initiative in the demo")
        .id;
    a.initiatives.select_id(&a.registry, id);
    a.prepare(&store);
    press(&mut a, &mut store, &[ch('>')]);
    assert!(a.form.is_some(), "the proposal form");
    // Browse the levels with ↓, as the officer would.
    press(&mut a, &mut store, &[key(KeyCode::Down)]);
    render_text(&a, w, h)
}

#[test]
fn proposal_form_80x24() {
    let text = proposal_form(80, 24);
    assert!(text.contains("Cấp khen thưởng"), "{text}");
    assert!(text.contains("UBND Thành phố"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn proposal_form_120x40() {
    assert_snapshot!(proposal_form(120, 40));
}

#[test]
fn empty_registry_80x24() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, SATURDAY, Lang::Vi);
    press(&mut a, &mut store, &[ch('3')]);
    let text = render_text(&a, 80, 24);
    assert!(text.contains("Chưa có sáng kiến nào"), "{text}");
    assert!(text.contains("0 / 0 sáng kiến"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn empty_registry_120x40() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, SATURDAY, Lang::Vi);
    press(&mut a, &mut store, &[ch('3')]);
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn help_on_tab_3_120x40() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    press(&mut a, &mut store, &[ch('?')]);
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn help_on_tab_3_80x24() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    press(&mut a, &mut store, &[ch('?')]);
    assert_snapshot!(render_text(&a, 80, 24));
}

#[test]
fn edit_form_of_a_demo_initiative_120x40() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    select_longest_history(&store, &mut a);
    press(&mut a, &mut store, &[ch('e')]);
    assert!(a.form.is_some());
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn skip_question_80x24() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    let id = store
        .initiatives()
        .expect("read")
        .into_iter()
        .find(|r| r.stage == Stage::Registered)
        .expect("a registered initiative in the demo")
        .id;
    a.initiatives.select_id(&a.registry, id);
    a.prepare(&store);
    press(&mut a, &mut store, &[ch('=')]);
    type_text(&mut a, &mut store, "danh gia");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.confirm.is_some());
    assert_snapshot!(render_text(&a, 80, 24));
}

#[test]
fn replication_picker_120x40() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    press(&mut a, &mut store, &[ch('n')]);
    type_text(&mut a, &mut store, "phuong");
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn filter_bar_with_typed_and_chosen_filters_120x40() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    press(&mut a, &mut store, &[ch('f'), key(KeyCode::Tab)]);
    // "Khen thưởng" itself comes first, above "Đề xuất khen thưởng".
    type_text(&mut a, &mut store, "khen thuong");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    press(&mut a, &mut store, &[ctrl('s'), ch('/')]);
    type_text(&mut a, &mut store, "ho so");
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn no_size_panics_on_tab_3_with_forms_open() {
    let t = TempStore::new();
    let (mut store, mut a) = registry(&t);
    let sizes = || {
        (1..=130u16)
            .step_by(9)
            .flat_map(|w| (1..=45u16).step_by(5).map(move |h| (w, h)))
    };
    for (w, h) in sizes() {
        let _ = render_text(&a, w, h);
    }
    press(
        &mut a,
        &mut store,
        &[ch('a'), key(KeyCode::Tab), key(KeyCode::Tab)],
    );
    type_text(&mut a, &mut store, "t");
    for (w, h) in sizes() {
        let _ = render_text(&a, w, h);
    }
}

#[test]
fn delete_question_with_a_long_title_keeps_its_keys_visible() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, SATURDAY, Lang::Vi);
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    type_text(
        &mut a,
        &mut store,
        &"Mô hình một cửa liên thông hiện đại ".repeat(5),
    );
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Enter), ctrl('s'), ch('d')],
    );
    assert!(a.confirm.is_some());
    let text = render_text(&a, 80, 24);
    assert!(text.contains("y: đồng ý · n/Esc: quay lại"), "{text}");
}
