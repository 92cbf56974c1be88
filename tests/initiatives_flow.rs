//! Tab 3, the initiative registry, driven through the real keymap on a fresh store: the add
//! form with its pickers and rules, stage moves with the commendation proposal, replication,
//! delete and undo, filters and sorting, and the help overlay.

mod support;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, ctrl, key, press, type_text};
use xungkich::app::form::FieldId;
use xungkich::app::initiatives::InitiativeSort;
use xungkich::app::{Action, App, StatusKind, Tab, update};
use xungkich::domain::campaign::RequirementSource;
use xungkich::domain::initiative::{CommendationLevel, InitiativeKind, Stage};
use xungkich::domain::time::read_datetime;
use xungkich::i18n::Lang;
use xungkich::store::{InitiativeRow, Store};
use xungkich::ui::snapshot::render_text;

/// The Friday before the volunteer Saturday; the `--now` of the scenario.
const NOW: &str = "2022-05-06T09:00";
const SEEDED: &str = "2022-04-29T08:00:00+07:00";
const TAN_QUY: &str = "UBND phường Tân Quý";

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn fresh() -> (TempStore, Store, App) {
    let t = TempStore::new();
    let store = t.open(SEEDED);
    let a = app(&store, NOW, Lang::Vi);
    (t, store, a)
}

fn unit_id(a: &App, name: &str) -> i64 {
    a.board
        .units
        .iter()
        .find(|u| u.name == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
        .id
}

/// The checklist requirement "registered at least 01 initiative".
fn initiative_requirement(a: &App) -> i64 {
    a.board
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::Initiative)
        .expect("a requirement computed from the registry")
        .id
}

fn tan_quy_done(a: &App) -> bool {
    a.board
        .evidence_for(unit_id(a, TAN_QUY), initiative_requirement(a))
        .is_some()
}

fn status(a: &App) -> String {
    a.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn status_kind(a: &App) -> Option<StatusKind> {
    a.status.as_ref().map(|s| s.kind)
}

fn selected(a: &App) -> InitiativeRow {
    a.initiatives
        .selected_row(&a.registry)
        .cloned()
        .expect("a selected initiative")
}

fn visible_titles(a: &App) -> Vec<String> {
    a.initiatives
        .visible()
        .iter()
        .map(|&p| a.registry.entries[p as usize].row.title.clone())
        .collect()
}

fn focused(a: &App) -> FieldId {
    a.form
        .as_ref()
        .and_then(|f| f.focused_field())
        .map(|f| f.id)
        .expect("a form with a focused field")
}

fn field_value(a: &App, id: FieldId) -> String {
    a.form
        .as_ref()
        .and_then(|f| f.field(id))
        .map(|f| f.value())
        .unwrap_or_else(|| panic!("no field {id:?}"))
}

fn chosen_label(a: &App, id: FieldId) -> String {
    a.form
        .as_ref()
        .and_then(|f| f.choice(id))
        .map(|c| c.label())
        .unwrap_or_else(|| panic!("no picker {id:?}"))
}

/// Moves the focus of the open form to field `id` with Tab.
fn focus(a: &mut App, store: &mut Store, id: FieldId) {
    for _ in 0..12 {
        if focused(a) == id {
            return;
        }
        press(a, store, &[key(KeyCode::Tab)]);
    }
    panic!("Tab never reached {id:?}");
}

/// Clears a one-line field that has the focus (its cursor is at the end).
fn clear_line(a: &mut App, store: &mut Store) {
    for _ in 0..400 {
        press(a, store, &[key(KeyCode::Backspace)]);
    }
}

/// On tab 3 with the list showing: `a`, a title, a unit found by typing, Ctrl-S.
fn add(a: &mut App, store: &mut Store, title: &str, unit_query: &str) -> InitiativeRow {
    press(a, store, &[ch('a')]);
    focus(a, store, FieldId::Title);
    type_text(a, store, title);
    press(a, store, &[key(KeyCode::Tab)]);
    type_text(a, store, unit_query);
    press(a, store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_none(), "not saved: {}", status(a));
    let row = selected(a);
    assert_eq!(row.title, title);
    row
}

fn at(text: &str) -> DateTime<FixedOffset> {
    read_datetime(text).expect("instant")
}

/// Lets the fixed clock move on, as the terminal loop's tick does.
fn tick(a: &mut App, store: &mut Store, to: &str) {
    update(a, store, Action::Tick(at(to)));
}

#[test]
fn add_through_the_form_turns_the_unit_requirement_done() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    assert_eq!(a.tab, Tab::Initiatives);
    assert!(!tan_quy_done(&a), "nothing registered yet");
    let screen = render_text(&a, 80, 24);
    assert!(screen.contains("Chưa có sáng kiến nào"), "{screen}");

    press(&mut a, &mut store, &[ch('a')]);
    assert!(a.form.is_some());
    assert_eq!(
        field_value(&a, FieldId::RegisteredOn),
        "06/05/2022",
        "today per --now"
    );
    assert_eq!(chosen_label(&a, FieldId::Kind), "Sáng kiến");
    assert_eq!(
        chosen_label(&a, FieldId::Unit),
        "",
        "no unit until one is chosen"
    );

    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "Mã QR tra cứu hồ sơ đất đai");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(focused(&a), FieldId::Unit);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Unit), TAN_QUY);
    assert_eq!(focused(&a), FieldId::Sector, "Enter in a picker moves on");
    type_text(&mut a, &mut store, "dat dai");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "Đất đai");
    assert_eq!(focused(&a), FieldId::Summary);
    type_text(&mut a, &mut store, "Dán mã QR lên phiếu hẹn.");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(
        a.form.is_some(),
        "Enter in a multi-line field is a new line"
    );
    assert_eq!(focused(&a), FieldId::Summary);
    type_text(&mut a, &mut store, "Người dân quét mã để xem hồ sơ.");
    assert_eq!(
        field_value(&a, FieldId::Summary),
        "Dán mã QR lên phiếu hẹn.\nNgười dân quét mã để xem hồ sơ."
    );

    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "saved: {}", status(&a));
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));
    assert!(status(&a).starts_with("Đã lưu"), "{}", status(&a));

    let rows = store.initiatives().expect("initiatives");
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.title, "Mã QR tra cứu hồ sơ đất đai");
    assert_eq!(row.kind, InitiativeKind::Initiative);
    assert_eq!(row.unit_id, unit_id(&a, TAN_QUY));
    assert_eq!(
        row.registered_on,
        NaiveDate::from_ymd_opt(2022, 5, 6).expect("date")
    );
    assert_eq!(row.stage, Stage::Registered);
    assert_eq!(a.registry.field_name(row.field_id), Some("Đất đai"));
    let detail = store.initiative_detail(row.id).expect("detail");
    assert_eq!(
        detail.summary,
        "Dán mã QR lên phiếu hẹn.\nNgười dân quét mã để xem hồ sơ."
    );

    assert_eq!(visible_titles(&a), vec!["Mã QR tra cứu hồ sơ đất đai"]);
    assert_eq!(selected(&a).id, row.id);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("1 / 1 sáng kiến"), "{screen}");
    assert!(screen.contains("Mã QR tra cứu hồ sơ đất đai"), "{screen}");
    assert!(screen.contains("P. Tân Quý"), "{screen}");
    assert!(screen.contains("06/05/2022"), "{screen}");
    assert!(
        tan_quy_done(&a),
        "the checklist follows the registry at once"
    );
    // Only Tân Quý: another ward is still pending.
    let req = initiative_requirement(&a);
    assert!(
        a.board
            .evidence_for(unit_id(&a, "UBND phường Tân Thành"), req)
            .is_none()
    );
}

#[test]
fn form_refuses_an_empty_title_and_no_unit_and_saves_nothing() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a'), ctrl('s')]);
    assert!(a.form.is_some(), "a form with errors stays open");
    assert_eq!(status_kind(&a), Some(StatusKind::Error));
    assert!(
        status(&a).contains("sửa 2 lỗi"),
        "title and unit: {}",
        status(&a)
    );
    assert_eq!(
        focused(&a),
        FieldId::Title,
        "the focus lands on the first error"
    );
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("✖ Bắt buộc: chưa nhập."), "{screen}");
    assert!(screen.contains("✖ Chưa chọn"), "{screen}");
    assert!(store.initiatives().expect("read").is_empty());

    // A title alone is not enough: the unit is still missing.
    type_text(&mut a, &mut store, "Một cửa không chờ");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    assert!(status(&a).contains("sửa 1 lỗi"), "{}", status(&a));
    assert_eq!(focused(&a), FieldId::Unit);
    assert!(store.initiatives().expect("read").is_empty());
    // A query that matches nothing leaves the unit unchosen.
    type_text(&mut a, &mut store, "xyz");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_some());
    assert!(store.initiatives().expect("read").is_empty());
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert_eq!(store.initiatives().expect("read").len(), 1);
}

#[test]
fn title_of_301_characters_is_refused_300_accepted() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, &"â".repeat(301));
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_some());
    assert!(status(&a).contains("sửa 1 lỗi"), "{}", status(&a));
    assert_eq!(focused(&a), FieldId::Title);
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("Dài quá: tối đa 300 ký tự (đang có 301)"),
        "{screen}"
    );
    assert!(store.initiatives().expect("read").is_empty());
    press(&mut a, &mut store, &[key(KeyCode::Backspace), ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    let rows = store.initiatives().expect("read");
    assert_eq!(rows[0].title.chars().count(), 300);
}

#[test]
fn score_101_is_refused_and_85_5_shown_with_a_comma() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "Hẹn trả hồ sơ qua Zalo");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    focus(&mut a, &mut store, FieldId::Score);
    type_text(&mut a, &mut store, "101");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    assert_eq!(status_kind(&a), Some(StatusKind::Error));
    assert_eq!(focused(&a), FieldId::Score);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("✖ Điểm là số từ 0 đến 100"), "{screen}");
    assert!(store.initiatives().expect("read").is_empty());

    clear_line(&mut a, &mut store);
    type_text(&mut a, &mut store, "85,5");
    // Enter on the last field saves.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.form.is_none(), "{}", status(&a));
    let rows = store.initiatives().expect("read");
    assert_eq!(rows[0].score, Some(85.5));
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("85,5"), "{screen}");
    assert!(screen.contains("Điểm: 85,5"), "detail pane: {screen}");
    assert!(!screen.contains("85.5"), "{screen}");
    // The edit form shows it the same way.
    press(&mut a, &mut store, &[ch('e')]);
    assert_eq!(field_value(&a, FieldId::Score), "85,5");
}

#[test]
fn a_date_outside_the_campaign_is_refused() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "Số hóa sổ hộ tịch");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    focus(&mut a, &mut store, FieldId::RegisteredOn);
    clear_line(&mut a, &mut store);
    type_text(&mut a, &mut store, "01/01/2023");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    assert_eq!(focused(&a), FieldId::RegisteredOn);
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("Ngày phải trong thời gian kế hoạch (01/04/2022 – 31/12/2022)"),
        "{screen}"
    );
    assert!(store.initiatives().expect("read").is_empty());
    // Not a date at all.
    clear_line(&mut a, &mut store);
    type_text(&mut a, &mut store, "31/02/2022");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    assert!(store.initiatives().expect("read").is_empty());
    clear_line(&mut a, &mut store);
    type_text(&mut a, &mut store, "31/12/2022");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert_eq!(
        store.initiatives().expect("read")[0].registered_on,
        NaiveDate::from_ymd_opt(2022, 12, 31).expect("date")
    );
}

#[test]
fn esc_on_a_changed_form_asks_before_discarding() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a'), key(KeyCode::Esc)]);
    assert!(a.form.is_none() && a.confirm.is_none(), "untouched: closes");
    // A new form starts on the title.
    press(&mut a, &mut store, &[ch('a')]);
    type_text(&mut a, &mut store, "Nháp");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(a.confirm.is_some());
    press(&mut a, &mut store, &[ch('n')]);
    assert_eq!(
        field_value(&a, FieldId::Title),
        "Nháp",
        "n keeps the typing"
    );
    press(&mut a, &mut store, &[key(KeyCode::Esc), ch('y')]);
    assert!(a.form.is_none());
    assert!(store.initiatives().expect("read").is_empty());
}

fn history(store: &Store, id: i64) -> Vec<(Stage, DateTime<FixedOffset>)> {
    store
        .initiative_detail(id)
        .expect("detail")
        .history
        .into_iter()
        .map(|e| (e.stage, e.changed_at))
        .collect()
}

#[test]
fn stages_move_dated_and_the_proposal_is_asked_kept_and_cleared() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    let id = add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy").id;

    tick(&mut a, &mut store, "2022-05-09T10:00");
    press(&mut a, &mut store, &[ch('>')]);
    assert_eq!(selected(&a).stage, Stage::Implementing);
    assert!(
        status(&a).contains("Đăng ký → Triển khai"),
        "{}",
        status(&a)
    );
    tick(&mut a, &mut store, "2022-05-20T14:30");
    press(&mut a, &mut store, &[ch('>')]);
    assert_eq!(selected(&a).stage, Stage::Evaluated);
    let h = history(&store, id);
    assert_eq!(
        h,
        vec![
            (Stage::Registered, at("2022-05-06T09:00")),
            (Stage::Implementing, at("2022-05-09T10:00")),
            (Stage::Evaluated, at("2022-05-20T14:30")),
        ]
    );
    // Side by side (a wide terminal) the history lists each stage with its date and time.
    let screen = render_text(&a, 160, 40);
    assert!(screen.contains("Các giai đoạn"), "{screen}");
    assert!(screen.contains("09/05/2022 10:00  Triển khai"), "{screen}");
    assert!(screen.contains("20/05/2022 14:30  Đánh giá"), "{screen}");

    // Into "proposed": the level and whom it is for are asked first.
    press(&mut a, &mut store, &[ch('>')]);
    assert_eq!(selected(&a).stage, Stage::Evaluated, "not moved yet");
    let form = a.form.as_ref().expect("the proposal form");
    assert_eq!(form.fields.len(), 2);
    let levels: Vec<String> = form
        .choice(FieldId::CommendationLevel)
        .expect("a level picker")
        .options
        .iter()
        .map(|o| o.label.clone())
        .collect();
    assert_eq!(levels, vec!["Chủ tịch UBND quận", "UBND Thành phố"]);
    assert_eq!(
        chosen_label(&a, FieldId::CommendationLevel),
        "Chủ tịch UBND quận"
    );
    type_text(&mut a, &mut store, "thanh pho");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(
        chosen_label(&a, FieldId::CommendationLevel),
        "UBND Thành phố"
    );
    assert_eq!(focused(&a), FieldId::CommendationFor);
    type_text(&mut a, &mut store, "Nguyễn Thị Hoa");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Proposed);
    assert_eq!(row.commendation_level, Some(CommendationLevel::City));
    assert_eq!(row.commendation_for.as_deref(), Some("Nguyễn Thị Hoa"));
    let screen = render_text(&a, 120, 40);
    // The pane wraps the line after "cho".
    assert!(
        screen.contains("Đề xuất khen thưởng: UBND Thành phố — cho"),
        "{screen}"
    );
    assert!(screen.contains("Nguyễn Thị Hoa"), "{screen}");

    // On to "commended": the proposal stays.
    press(&mut a, &mut store, &[ch('>')]);
    assert!(a.form.is_none());
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Commended);
    assert_eq!(row.commendation_level, Some(CommendationLevel::City));
    assert_eq!(row.commendation_for.as_deref(), Some("Nguyễn Thị Hoa"));

    // Nothing after the last stage.
    let changes = store.last_change().expect("last");
    press(&mut a, &mut store, &[ch('>')]);
    assert_eq!(selected(&a).stage, Stage::Commended);
    assert_eq!(status_kind(&a), Some(StatusKind::Info));
    assert!(status(&a).contains("giai đoạn cuối"), "{}", status(&a));
    assert_eq!(store.last_change().expect("last"), changes);

    // Back: to "proposed" the proposal stays; below it, it goes.
    press(&mut a, &mut store, &[ch('<')]);
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Proposed);
    assert_eq!(row.commendation_level, Some(CommendationLevel::City));
    press(&mut a, &mut store, &[ch('<')]);
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Evaluated);
    assert_eq!(row.commendation_level, None);
    assert_eq!(row.commendation_for, None);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("chưa đề xuất"), "{screen}");
    assert_eq!(history(&store, id).len(), 7, "every move is in the history");

    // Forward again asks again, and an empty name means the collective.
    press(&mut a, &mut store, &[ch('>')]);
    assert!(a.form.is_some());
    press(&mut a, &mut store, &[ctrl('s')]);
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Proposed);
    assert_eq!(
        row.commendation_level,
        Some(CommendationLevel::DistrictChair)
    );
    assert_eq!(row.commendation_for, None);
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("Đề xuất khen thưởng: Chủ tịch UBND quận —"),
        "{screen}"
    );
    assert!(screen.contains("cho tập thể"), "{screen}");

    // `<` at the first stage says so.
    for _ in 0..3 {
        press(&mut a, &mut store, &[ch('<')]);
    }
    assert_eq!(selected(&a).stage, Stage::Registered);
    press(&mut a, &mut store, &[ch('<')]);
    assert!(status(&a).contains("giai đoạn đầu"), "{}", status(&a));
}

#[test]
fn esc_on_the_proposal_form_leaves_the_stage_alone() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    press(&mut a, &mut store, &[ch('>'), ch('>'), ch('>')]);
    assert!(a.form.is_some());
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    // The picker was not opened: Esc closes the form (nothing typed).
    assert!(a.form.is_none() && a.confirm.is_none());
    assert_eq!(selected(&a).stage, Stage::Evaluated);
}

#[test]
fn stage_jump_asks_before_skipping_and_then_asks_for_the_proposal() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    let id = add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy").id;

    let jump_to_commended = |a: &mut App, store: &mut Store| {
        press(a, store, &[ch('=')]);
        assert_eq!(chosen_label(a, FieldId::Stage), "Đăng ký");
        // "khen" finds "Đề xuất khen thưởng" and "Khen thưởng"; ↓ takes the second.
        type_text(a, store, "khen");
        press(a, store, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    };
    jump_to_commended(&mut a, &mut store);
    let question = a.confirm.as_ref().expect("a question").question.clone();
    assert!(
        question.contains("Triển khai, Đánh giá, Đề xuất khen thưởng"),
        "{question}"
    );
    press(&mut a, &mut store, &[ch('n')]);
    assert!(a.confirm.is_none() && a.form.is_none());
    assert_eq!(selected(&a).stage, Stage::Registered, "n cancels");
    assert_eq!(history(&store, id).len(), 1);

    jump_to_commended(&mut a, &mut store);
    assert!(a.confirm.is_some());
    press(&mut a, &mut store, &[ch('y')]);
    // It passes "proposed": the proposal is asked before the move.
    assert!(a.form.is_some(), "the proposal form");
    assert_eq!(selected(&a).stage, Stage::Registered);
    press(&mut a, &mut store, &[ctrl('s')]);
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Commended);
    assert_eq!(
        row.commendation_level,
        Some(CommendationLevel::DistrictChair)
    );
    let stages: Vec<Stage> = history(&store, id).into_iter().map(|h| h.0).collect();
    assert_eq!(stages, vec![Stage::Registered, Stage::Commended]);

    // A one-step jump needs no question; the same stage changes nothing.
    press(&mut a, &mut store, &[ch('=')]);
    type_text(&mut a, &mut store, "de xuat");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.confirm.is_none());
    assert_eq!(selected(&a).stage, Stage::Proposed);
    press(&mut a, &mut store, &[ch('='), key(KeyCode::Enter)]);
    assert!(a.form.is_none() && a.confirm.is_none());
    assert!(
        status(&a).contains("Không có gì thay đổi"),
        "{}",
        status(&a)
    );
}

#[test]
fn replication_picks_several_units_and_an_empty_choice_clears_the_flag() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    let id = add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy").id;
    assert!(!selected(&a).replicated);

    press(&mut a, &mut store, &[ch('n')]);
    let form = a.form.as_ref().expect("the replication form");
    let choice = form.choice(FieldId::ReplicatingUnits).expect("a picker");
    assert!(choice.multi && choice.open, "a multi picker, open");
    assert!(
        !choice.options.iter().any(|o| o.label == TAN_QUY),
        "the unit's own name is not offered"
    );
    type_text(&mut a, &mut store, "tan thanh");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.form.is_some(), "Enter toggles and stays");
    type_text(&mut a, &mut store, "hiep tan");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(
        chosen_label(&a, FieldId::ReplicatingUnits),
        "UBND phường Tân Thành, UBND phường Hiệp Tân"
    );
    // Enter on a chosen one toggles it off, and again on.
    type_text(&mut a, &mut store, "hiep tan");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(
        chosen_label(&a, FieldId::ReplicatingUnits),
        "UBND phường Tân Thành"
    );
    type_text(&mut a, &mut store, "hiep tan");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert!(selected(&a).replicated);
    let units: Vec<i64> = store
        .initiative_detail(id)
        .expect("detail")
        .replications
        .into_iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(units.len(), 2);
    assert!(units.contains(&unit_id(&a, "UBND phường Tân Thành")));
    assert!(units.contains(&unit_id(&a, "UBND phường Hiệp Tân")));
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Đơn vị nhân rộng:"), "{screen}");
    // The pane wraps the line, so look for the start of it.
    assert!(
        screen.contains("Đơn vị nhân rộng: P. Tân Thành, P. Hiệp"),
        "{screen}"
    );
    // The list's NR column carries the flag.
    let line = screen
        .lines()
        .find(|l| l.contains("Mã QR tra cứu hồ sơ") && l.contains("06/05/2022"))
        .expect("the row");
    assert!(line.contains('✔'), "{line}");

    // Open again: both are ticked; untick both and save.
    press(&mut a, &mut store, &[ch('n')]);
    let choice = a
        .form
        .as_ref()
        .and_then(|f| f.choice(FieldId::ReplicatingUnits))
        .expect("picker")
        .clone();
    assert_eq!(choice.selected.len(), 2);
    for q in ["tan thanh", "hiep tan"] {
        type_text(&mut a, &mut store, q);
        press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    }
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert!(
        !selected(&a).replicated,
        "an empty selection clears the flag"
    );
    assert!(
        store
            .initiative_detail(id)
            .expect("detail")
            .replications
            .is_empty()
    );
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Đơn vị nhân rộng: (không có)"), "{screen}");
}

#[test]
fn delete_asks_and_undo_brings_back_history_and_replications() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    let id = add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy").id;
    press(&mut a, &mut store, &[ch('>'), ch('>')]);
    press(&mut a, &mut store, &[ch('n')]);
    type_text(&mut a, &mut store, "tan thanh");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    let before = store.initiative_detail(id).expect("detail");
    assert_eq!(before.history.len(), 3);
    assert_eq!(before.replications.len(), 1);
    assert!(tan_quy_done(&a));

    press(&mut a, &mut store, &[ch('d')]);
    let question = a.confirm.as_ref().expect("asks first").question.clone();
    assert!(question.contains("Mã QR tra cứu hồ sơ"), "{question}");
    press(&mut a, &mut store, &[ch('n')]);
    assert!(a.confirm.is_none());
    assert_eq!(store.initiatives().expect("read").len(), 1, "n keeps it");

    press(&mut a, &mut store, &[ch('d'), ch('y')]);
    assert!(store.initiatives().expect("read").is_empty());
    assert!(a.initiatives.visible().is_empty());
    assert!(!tan_quy_done(&a), "its only initiative gone: pending again");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Chưa có sáng kiến nào"), "{screen}");

    press(&mut a, &mut store, &[ch('u')]);
    assert!(status(&a).starts_with("Đã hoàn tác"), "{}", status(&a));
    let rows = store.initiatives().expect("read");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, id);
    assert_eq!(rows[0].stage, Stage::Evaluated);
    assert!(rows[0].replicated);
    let after = store.initiative_detail(id).expect("detail");
    assert_eq!(after, before, "history and replications are back");
    assert_eq!(visible_titles(&a), vec!["Mã QR tra cứu hồ sơ"]);
    assert!(tan_quy_done(&a));
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("P. Tân Thành"), "{screen}");
    assert!(screen.contains("Đánh giá"), "{screen}");
}

#[test]
fn deleting_one_of_two_keeps_the_requirement_done() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    add(&mut a, &mut store, "Zalo giải đáp thủ tục", "tan quy");
    press(&mut a, &mut store, &[ch('d'), ch('y')]);
    assert_eq!(store.initiatives().expect("read").len(), 1);
    assert!(tan_quy_done(&a));
}

/// Three initiatives of two units for the filter tests.
fn three(a: &mut App, store: &mut Store) {
    press(a, store, &[ch('3')]);
    add(a, store, "Mã QR tra cứu hồ sơ", "tan quy");
    add(a, store, "Zalo giải đáp thủ tục", "tan quy");
    add(a, store, "Hóa đơn điện tử tận nhà", "chi cuc thue");
}

#[test]
fn filter_as_you_type_without_diacritics_and_esc_clears() {
    let (_t, mut store, mut a) = fresh();
    three(&mut a, &mut store);
    assert_eq!(a.initiatives.visible().len(), 3);
    press(&mut a, &mut store, &[ch('/')]);
    assert!(a.initiatives.list.filter_typing);
    type_text(&mut a, &mut store, "qr");
    assert_eq!(visible_titles(&a), vec!["Mã QR tra cứu hồ sơ"]);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Lọc: qr"), "{screen}");
    assert!(screen.contains("1 / 3 sáng kiến"), "{screen}");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(!a.initiatives.list.filter_typing);
    assert_eq!(a.initiatives.visible().len(), 3);

    // Unit names match too, and letters that are keys elsewhere are text here.
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "tan quy");
    assert_eq!(a.initiatives.list.filter.value(), "tan quy");
    let mut titles = visible_titles(&a);
    titles.sort();
    assert_eq!(titles, vec!["Mã QR tra cứu hồ sơ", "Zalo giải đáp thủ tục"]);
    // Upper case and accents typed, as well.
    press(&mut a, &mut store, &[key(KeyCode::Esc), ch('/')]);
    type_text(&mut a, &mut store, "HÓA ĐƠN");
    assert_eq!(visible_titles(&a), vec!["Hóa đơn điện tử tận nhà"]);
    // Enter keeps the filter and goes back to the list keys.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(!a.initiatives.list.filter_typing);
    assert_eq!(a.initiatives.visible().len(), 1);
    // Nothing matches: the list says so.
    press(&mut a, &mut store, &[key(KeyCode::Esc), ch('/')]);
    type_text(&mut a, &mut store, "khong co gi");
    assert!(a.initiatives.visible().is_empty());
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Không có sáng kiến nào khớp"), "{screen}");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(a.initiatives.visible().len(), 3);
}

#[test]
fn filter_form_by_stage_and_unit_and_esc_on_the_list_clears_all() {
    let (_t, mut store, mut a) = fresh();
    three(&mut a, &mut store);
    // Move "Zalo" (Tân Quý) to Triển khai.
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "zalo");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ch('>')]);
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(a.initiatives.visible().len(), 3);

    press(&mut a, &mut store, &[ch('f')]);
    assert!(a.form.is_some());
    assert_eq!(focused(&a), FieldId::Kind);
    assert_eq!(chosen_label(&a, FieldId::Kind), "(tất cả)");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "trien khai");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Stage), "Triển khai");
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Unit), TAN_QUY);
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none());
    assert_eq!(a.initiatives.filters.stage, Some(Stage::Implementing));
    assert_eq!(a.initiatives.filters.unit, Some(unit_id(&a, TAN_QUY)));
    assert_eq!(visible_titles(&a), vec!["Zalo giải đáp thủ tục"]);
    let screen = render_text(&a, 120, 40);
    let bar = screen.lines().nth(2).unwrap_or_default();
    assert!(bar.contains("Triển khai"), "bar: {bar}\n{screen}");
    assert!(bar.contains("P. Tân Quý"), "bar: {bar}\n{screen}");
    assert!(screen.contains("1 / 3 sáng kiến"), "{screen}");

    // The filter form opens on what is in force.
    press(&mut a, &mut store, &[ch('f')]);
    assert_eq!(chosen_label(&a, FieldId::Stage), "Triển khai");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(a.form.is_none() && a.confirm.is_none());
    assert_eq!(
        a.initiatives.visible().len(),
        1,
        "Esc on the form keeps them"
    );

    // A typed filter combines with them; Esc on the list clears everything.
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "qr");
    assert!(a.initiatives.visible().is_empty());
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Enter), key(KeyCode::Esc)],
    );
    assert!(a.initiatives.filters.is_empty());
    assert!(a.initiatives.list.filter.value().is_empty());
    assert_eq!(a.initiatives.visible().len(), 3);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("3 / 3 sáng kiến"), "{screen}");
    assert!(screen.contains("gõ / để lọc"), "{screen}");
}

#[test]
fn s_cycles_the_sort_date_unit_stage_score() {
    let (_t, mut store, mut a) = fresh();
    three(&mut a, &mut store);
    assert_eq!(a.initiatives.sort, InitiativeSort::Date);
    let bar = |a: &App| {
        render_text(a, 120, 40)
            .lines()
            .nth(2)
            .unwrap_or_default()
            .to_string()
    };
    assert!(bar(&a).contains("xếp: ngày đăng ký"), "{}", bar(&a));
    press(&mut a, &mut store, &[ch('s')]);
    assert_eq!(a.initiatives.sort, InitiativeSort::Unit);
    assert!(bar(&a).contains("xếp: đơn vị"), "{}", bar(&a));
    // Chi cục Thuế quận comes before UBND phường Tân Quý.
    assert_eq!(visible_titles(&a)[0], "Hóa đơn điện tử tận nhà");
    press(&mut a, &mut store, &[ch('s')]);
    assert_eq!(a.initiatives.sort, InitiativeSort::Stage);
    assert!(bar(&a).contains("xếp: giai đoạn"), "{}", bar(&a));
    press(&mut a, &mut store, &[ch('s')]);
    assert_eq!(a.initiatives.sort, InitiativeSort::Score);
    assert!(bar(&a).contains("xếp: điểm"), "{}", bar(&a));
    press(&mut a, &mut store, &[ch('s')]);
    assert_eq!(a.initiatives.sort, InitiativeSort::Date);
}

#[test]
fn help_on_tab_3_lists_every_key_of_the_registry() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('?')]);
    assert!(a.help_open);
    let screen = render_text(&a, 120, 40);
    for (keys, text) in [
        ("a", "thêm sáng kiến"),
        ("e Enter", "sửa sáng kiến đang chọn"),
        ("> .", "chuyển sang giai đoạn sau"),
        ("< ,", "lùi về giai đoạn trước"),
        ("=", "chọn giai đoạn (bỏ qua thì hỏi trước)"),
        ("n", "chọn đơn vị nhân rộng"),
        ("d Del", "xoá (hỏi trước)"),
        ("f", "lọc theo loại, giai đoạn, đơn vị, lĩnh vực"),
        ("s", "đổi cách sắp xếp (ngày, đơn vị, giai đoạn, điểm)"),
        ("/", "lọc khi gõ"),
        ("u", "hoàn tác"),
    ] {
        assert!(
            screen
                .lines()
                .any(|l| l.contains(&format!(" {keys} ")) && l.contains(text)),
            "{keys:?} / {text:?} missing from help:\n{screen}"
        );
    }
    assert!(
        !screen.contains("Space"),
        "the units screen's keys: {screen}"
    );
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(!a.help_open);
}

#[test]
fn in_a_form_question_mark_is_text_and_f1_shows_the_field_keys() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a'), ch('?')]);
    assert!(!a.help_open);
    assert_eq!(
        field_value(&a, FieldId::Title),
        "?",
        "? is typed text in a form"
    );
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Backspace), key(KeyCode::Tab)],
    );
    assert_eq!(focused(&a), FieldId::Unit);

    // A picker has the focus: its keys are listed.
    press(&mut a, &mut store, &[key(KeyCode::F(1))]);
    assert!(a.help_open);
    let screen = render_text(&a, 120, 40);
    for text in [
        "lựa chọn kế tiếp",
        "lựa chọn trước",
        "lấy lựa chọn",
        "lưu",
        "ô kế tiếp",
    ] {
        assert!(screen.contains(text), "{text:?} missing:\n{screen}");
    }
    assert!(!screen.contains("xuống dòng"), "{screen}");
    assert!(!screen.contains("thêm sáng kiến"), "list keys: {screen}");
    press(&mut a, &mut store, &[key(KeyCode::F(1))]);
    assert!(!a.help_open);
    assert!(a.form.is_some(), "closing help leaves the form open");

    // A multi-line field has the focus: its keys are listed.
    focus(&mut a, &mut store, FieldId::Summary);
    press(&mut a, &mut store, &[key(KeyCode::F(1))]);
    let screen = render_text(&a, 120, 40);
    for text in ["xuống dòng", "dòng dưới", "dòng trên"] {
        assert!(screen.contains(text), "{text:?} missing:\n{screen}");
    }
    assert!(!screen.contains("lựa chọn kế tiếp"), "{screen}");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(!a.help_open && a.form.is_some(), "Esc closes help only");
}

#[test]
fn undo_an_edit_restores_the_title_and_undo_a_move_restores_the_stage() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    let id = add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy").id;

    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.form.is_some(), "Enter edits");
    assert_eq!(field_value(&a, FieldId::Title), "Mã QR tra cứu hồ sơ");
    focus(&mut a, &mut store, FieldId::Title);
    clear_line(&mut a, &mut store);
    type_text(&mut a, &mut store, "Mã QR tra cứu hồ sơ đất đai");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert_eq!(selected(&a).title, "Mã QR tra cứu hồ sơ đất đai");
    press(&mut a, &mut store, &[ch('u')]);
    assert!(status(&a).starts_with("Đã hoàn tác"), "{}", status(&a));
    assert_eq!(selected(&a).title, "Mã QR tra cứu hồ sơ");
    assert_eq!(
        store.initiative(id).expect("read").expect("row").title,
        "Mã QR tra cứu hồ sơ"
    );

    press(&mut a, &mut store, &[ch('>')]);
    assert_eq!(selected(&a).stage, Stage::Implementing);
    assert_eq!(history(&store, id).len(), 2);
    press(&mut a, &mut store, &[ch('u')]);
    assert_eq!(selected(&a).stage, Stage::Registered);
    assert_eq!(history(&store, id).len(), 1, "the history entry goes too");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Giai đoạn: Đăng ký"), "{screen}");
    assert!(!screen.contains("09:00  Triển khai"), "{screen}");
}

#[test]
fn an_edit_without_changes_saves_nothing() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    let last = store.last_change().expect("last");
    press(&mut a, &mut store, &[ch('e'), ctrl('s')]);
    assert!(a.form.is_none());
    assert!(
        status(&a).contains("Không có gì thay đổi"),
        "{}",
        status(&a)
    );
    assert_eq!(store.last_change().expect("last"), last);
}

#[test]
fn undo_of_an_add_removes_it_and_the_requirement_is_pending_again() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    assert!(tan_quy_done(&a));
    press(&mut a, &mut store, &[ch('u')]);
    assert!(status(&a).starts_with("Đã hoàn tác"), "{}", status(&a));
    assert!(store.initiatives().expect("read").is_empty());
    assert!(a.initiatives.visible().is_empty());
    assert!(!tan_quy_done(&a));
}

#[test]
fn the_overview_follows_the_registry_live() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('1')]);
    let screen = render_text(&a, 80, 24);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Sáng kiến") && l.contains("0 / 29 xong")),
        "{screen}"
    );
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    press(&mut a, &mut store, &[ch('1')]);
    let screen = render_text(&a, 80, 24);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Sáng kiến") && l.contains("1 / 29 xong")),
        "{screen}"
    );
}

#[test]
fn editing_the_unit_moves_the_requirement_to_the_new_unit() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    let req = initiative_requirement(&a);
    let tan_thanh = unit_id(&a, "UBND phường Tân Thành");
    press(&mut a, &mut store, &[ch('e')]);
    focus(&mut a, &mut store, FieldId::Unit);
    type_text(&mut a, &mut store, "tan thanh");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert_eq!(selected(&a).unit_id, tan_thanh);
    assert!(!tan_quy_done(&a));
    assert!(a.board.evidence_for(tan_thanh, req).is_some());
    // Undo puts it back with Tân Quý.
    press(&mut a, &mut store, &[ch('u')]);
    assert!(tan_quy_done(&a));
    assert!(a.board.evidence_for(tan_thanh, req).is_none());
}

#[test]
fn a_new_field_is_created_from_the_picker_and_offered_afterwards() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "Sổ tay văn hóa công sở");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(focused(&a), FieldId::Sector);
    type_text(&mut a, &mut store, "Văn hóa công sở");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("+ thêm: Văn hóa công sở"), "{screen}");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "Văn hóa công sở");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    let row = selected(&a);
    assert_eq!(a.registry.field_name(row.field_id), Some("Văn hóa công sở"));
    assert!(
        store
            .fields()
            .expect("fields")
            .iter()
            .any(|f| f.name == "Văn hóa công sở")
    );
    // The next form offers it like the campaign's own fields, and typing it again does not
    // offer to create it twice.
    press(&mut a, &mut store, &[ch('a')]);
    focus(&mut a, &mut store, FieldId::Sector);
    type_text(&mut a, &mut store, "van hoa cong so");
    let screen = render_text(&a, 120, 40);
    assert!(!screen.contains("+ thêm"), "{screen}");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "Văn hóa công sở");
}

#[test]
fn undo_of_a_proposal_restores_the_stage_and_clears_the_proposal() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    let id = add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy").id;
    press(&mut a, &mut store, &[ch('>'), ch('>'), ch('>')]);
    type_text(&mut a, &mut store, "thanh pho");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    type_text(&mut a, &mut store, "Lê Văn Tám");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert_eq!(selected(&a).stage, Stage::Proposed);
    press(&mut a, &mut store, &[ch('u')]);
    let row = selected(&a);
    assert_eq!(row.stage, Stage::Evaluated);
    assert_eq!(row.commendation_level, None);
    assert_eq!(row.commendation_for, None);
    assert_eq!(history(&store, id).len(), 3);
}

#[test]
fn a_unit_filter_in_force_is_the_unit_of_a_new_initiative() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('f')]);
    focus(&mut a, &mut store, FieldId::Unit);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert_eq!(a.initiatives.filters.unit, Some(unit_id(&a, TAN_QUY)));
    press(&mut a, &mut store, &[ch('a')]);
    assert_eq!(chosen_label(&a, FieldId::Unit), TAN_QUY);
}

#[test]
fn enter_on_an_untouched_unit_picker_does_not_choose_a_unit() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    assert_eq!(
        focused(&a),
        FieldId::Title,
        "a new form starts on the title"
    );
    type_text(&mut a, &mut store, "Một cửa không chờ");
    // Enter on the title moves to the unit; Enter again, with nothing typed there.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(focused(&a), FieldId::Unit);
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(chosen_label(&a, FieldId::Unit), "", "no unit was chosen");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some(), "refused without a unit");
    assert!(store.initiatives().expect("read").is_empty());
}

/// The line a picker highlights, by its label ("+ …" for the new entry).
fn highlighted(a: &App, id: FieldId) -> String {
    use xungkich::app::form::Pick;
    let c = a
        .form
        .as_ref()
        .and_then(|f| f.choice(id))
        .unwrap_or_else(|| panic!("no picker {id:?}"));
    match c.matches().get(c.cursor) {
        Some(Pick::Option(i)) => c.options[*i].label.clone(),
        Some(Pick::New(label)) => format!("+ {label}"),
        None => String::new(),
    }
}

#[test]
fn in_a_multiple_choice_the_highlight_stays_on_the_line_just_ticked() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    press(&mut a, &mut store, &[ch('n')]);
    // Browsing: the third line, ticked; then two lines further, ticked.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Down), key(KeyCode::Down)],
    );
    let third = highlighted(&a, FieldId::ReplicatingUnits);
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(highlighted(&a, FieldId::ReplicatingUnits), third);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Down), key(KeyCode::Down)],
    );
    let fifth = highlighted(&a, FieldId::ReplicatingUnits);
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(
        highlighted(&a, FieldId::ReplicatingUnits),
        fifth,
        "not back on the first one ticked"
    );
    assert_eq!(
        chosen_label(&a, FieldId::ReplicatingUnits),
        format!("{third}, {fifth}")
    );
    // Unticking keeps it there too.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(highlighted(&a, FieldId::ReplicatingUnits), fifth);
    assert_eq!(chosen_label(&a, FieldId::ReplicatingUnits), third);
    // Found by typing: the typing clears and the whole list shows, lit on the one ticked.
    type_text(&mut a, &mut store, "hiep tan");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(
        highlighted(&a, FieldId::ReplicatingUnits),
        "UBND phường Hiệp Tân"
    );
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("UBND phường Hiệp Tân"), "{screen}");
}

#[test]
fn tab_takes_the_existing_match_of_what_was_typed_not_a_new_entry() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    focus(&mut a, &mut store, FieldId::Sector);
    let fields_before = store.fields().expect("fields").len();
    // Written as the campaign's "Tư pháp" but with a stray full stop: the same field.
    type_text(&mut a, &mut store, "tu phap.");
    let screen = render_text(&a, 120, 40);
    assert!(!screen.contains("+ thêm"), "{screen}");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "Tư pháp");
    // "Lao động-Xã hội" is "Lao động - Xã hội".
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    type_text(&mut a, &mut store, "Lao động-Xã hội");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "Lao động - Xã hội");
    // A start of a name lights the existing line first, above "+ thêm": Tab takes it, as
    // Enter does.
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    type_text(&mut a, &mut store, "dich vu");
    assert_eq!(highlighted(&a, FieldId::Sector), "Dịch vụ công trực tuyến");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "Dịch vụ công trực tuyến");
    // Chosen on purpose, the new entry is still taken.
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    type_text(&mut a, &mut store, "dich vu");
    press(&mut a, &mut store, &[key(KeyCode::Up)]);
    assert_eq!(highlighted(&a, FieldId::Sector), "+ dich vu");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(chosen_label(&a, FieldId::Sector), "dich vu");
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    type_text(&mut a, &mut store, "tu phap.");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "Tư vấn pháp lý lưu động");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert_eq!(
        store.fields().expect("fields").len(),
        fields_before,
        "no second Tư pháp"
    );
    assert_eq!(
        a.registry.field_name(selected(&a).field_id),
        Some("Tư pháp")
    );
}

#[test]
fn a_second_entry_of_the_same_unit_and_title_is_refused_naming_the_first() {
    let (_t, mut store, mut a) = fresh();
    press(&mut a, &mut store, &[ch('3')]);
    add(&mut a, &mut store, "Mã QR tra cứu hồ sơ", "tan quy");
    // The same title written otherwise (case, diacritics, punctuation), the same unit.
    press(&mut a, &mut store, &[ch('a')]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "ma QR tra cuu  ho so.");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_some(), "refused, the form stays");
    assert_eq!(field_value(&a, FieldId::Title), "ma QR tra cuu  ho so.");
    assert_eq!(store.initiatives().expect("read").len(), 1);
    let said = status(&a);
    assert!(said.contains("Mã QR tra cứu hồ sơ"), "{said}");
    assert!(said.contains(TAN_QUY), "{said}");
    assert_eq!(
        focused(&a),
        FieldId::Title,
        "the officer lands on the title"
    );
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Mã QR tra cứu hồ sơ"), "{screen}");
    // Another unit may register the same title.
    focus(&mut a, &mut store, FieldId::Unit);
    type_text(&mut a, &mut store, "tan thanh");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    assert_eq!(store.initiatives().expect("read").len(), 2);
    // Editing one into the other's unit and title is refused too; editing it in place is not.
    press(&mut a, &mut store, &[ch('e')]);
    focus(&mut a, &mut store, FieldId::Unit);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_some(), "refused: {}", status(&a));
    press(&mut a, &mut store, &[key(KeyCode::Esc), ch('y'), ch('e')]);
    focus(&mut a, &mut store, FieldId::Score);
    type_text(&mut a, &mut store, "80");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{}", status(&a));
    // English names it too.
    let mut a = app(&store, NOW, Lang::En);
    press(&mut a, &mut store, &[ch('3'), ch('a')]);
    focus(&mut a, &mut store, FieldId::Title);
    type_text(&mut a, &mut store, "Mã QR tra cứu hồ sơ");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Enter), ctrl('s')]);
    assert!(a.form.is_some());
    assert!(status(&a).contains("already"), "{}", status(&a));
    assert_eq!(store.initiatives().expect("read").len(), 2);
}
