//! Tab 4, the Saturday quick-entry grid, driven through the real keymap on a fresh store at
//! 14:00 on the volunteer Saturday: digits start editing, Tab/arrows/Enter save, `+`/`-` save
//! at once, Backspace edits, Esc keeps the old value, Delete clears; every rule a figure must
//! meet (whole number, 0 to 1,000,000, resolved ≤ received, land files only for the
//! land-registry task) refuses with a message naming the cell and writes nothing; the totals
//! row, the filter, undo, and two instances on one store.

mod support;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, key, press, type_text};
use xungkich::app::{Action, App, StatusKind, Tab, update};
use xungkich::domain::figures::Metric;
use xungkich::domain::time::read_datetime;
use xungkich::i18n::Lang;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

/// The volunteer Saturday, two hours before the quick-report deadline: the `--now` of the issue.
const NOW: &str = "2022-05-07T14:00";
const SEEDED: &str = "2022-04-29T08:00:00+07:00";
/// The first unit of the plan, on the grid's first row.
const HIEP_TAN: &str = "p-hiep-tan";
/// The unit whose Saturday task carries the "land-files-week" KPI.
const LAND_UNIT: &str = "cd-vpdkdd";

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn enter() -> KeyEvent {
    key(KeyCode::Enter)
}

/// A fresh seeded store, the app on tab 4 (pressed, as the officer would).
fn fresh() -> (TempStore, Store, App) {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('4')]);
    assert_eq!(a.tab, Tab::Volunteer);
    assert!(
        !a.board.volunteer_days.is_empty(),
        "the plan has a Saturday"
    );
    (t, store, a)
}

fn day_id(a: &App) -> i64 {
    a.board.volunteer_days[a.volunteer.day].id
}

fn unit_id(a: &App, code: &str) -> i64 {
    a.board
        .units
        .iter()
        .find(|u| u.code == code)
        .unwrap_or_else(|| panic!("no unit {code}"))
        .id
}

/// The unit's row in the grid (the units that owe the Saturday, in plan order).
fn unit_row(a: &App, code: &str) -> usize {
    xungkich::app::volunteer::visible_rows(&a.board, &a.volunteer, a.now)
        .iter()
        .position(|&i| a.board.units[i].code == code)
        .unwrap_or_else(|| panic!("no row for unit {code}"))
}

fn col(metric: Metric) -> usize {
    Metric::ALL
        .iter()
        .position(|m| *m == metric)
        .expect("metric")
}

/// The figure as the store holds it.
fn stored(store: &Store, day: i64, unit: i64, metric: Metric) -> Option<i64> {
    store
        .figures(day)
        .expect("read figures")
        .into_iter()
        .find(|r| r.unit_id == unit && r.metric == metric)
        .map(|r| r.value)
}

/// The figure as a separate connection to the file reads it: what a crash would leave.
fn on_disk(t: &TempStore, day: i64, unit: i64, metric: Metric) -> Option<i64> {
    stored(&t.open(SEEDED), day, unit, metric)
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

/// Moves the grid's cursor to (unit, figure) with keys: the column is chosen on the land unit's
/// row (left and right skip the figures a unit cannot have, and it has them all), then up or
/// down to the unit's row (which keeps the column).
fn go(a: &mut App, store: &mut Store, code: &str, metric: Metric) {
    let row = unit_row(a, code);
    let land = unit_row(a, LAND_UNIT);
    press(a, store, &[ch('g')]);
    for _ in 0..land {
        press(a, store, &[ch('j')]);
    }
    for _ in 0..Metric::ALL.len() {
        press(a, store, &[ch('h')]);
    }
    for _ in 0..col(metric) {
        press(a, store, &[ch('l')]);
    }
    let step = if row > land { ch('j') } else { ch('k') };
    for _ in 0..row.abs_diff(land) {
        press(a, store, &[step]);
    }
    assert_eq!(a.volunteer.list.selected, row);
    assert_eq!(a.volunteer.metric(), metric);
    assert!(a.volunteer.editing.is_none());
}

/// Types `text` into the selected cell as the officer would (a digit starts editing), then
/// Enter.
fn enter_value(a: &mut App, store: &mut Store, text: &str) {
    type_text(a, store, text);
    press(a, store, &[enter()]);
}

/// Goes to the cell, types the value, Enter, and checks it was saved; Enter moves on to the
/// unit's next figure, so the cell is selected again after.
fn put(a: &mut App, store: &mut Store, code: &str, metric: Metric, value: i64) {
    go(a, store, code, metric);
    enter_value(a, store, &value.to_string());
    let unit = unit_id(a, code);
    assert_eq!(
        a.volunteer.value(unit, metric, a.now),
        Some(value),
        "not saved: {}",
        status(a)
    );
    assert_eq!(status_kind(a), Some(StatusKind::Saved), "{}", status(a));
    go(a, store, code, metric);
}

/// Two instances on one fresh store, each with its own `Store`, both on tab 4.
fn two_instances() -> (TempStore, (Store, App), (Store, App)) {
    let t = TempStore::new();
    let open = || {
        let mut store = t.open(SEEDED);
        let mut a = app(&store, NOW, Lang::Vi);
        press(&mut a, &mut store, &[ch('4')]);
        (store, a)
    };
    let (first, second) = (open(), open());
    (t, first, second)
}

/// What the typed cell shows while editing.
fn typed(a: &App) -> Option<String> {
    a.volunteer.editing.as_ref().map(|f| f.value().to_string())
}

/// The grid line of the unit whose row starts with `name`.
fn row_line<'s>(screen: &'s str, name: &str) -> &'s str {
    screen
        .lines()
        .find(|l| l.starts_with(name))
        .unwrap_or_else(|| panic!("no row {name:?}:\n{screen}"))
}

/// A second connection that notices any commit to the file (PRAGMA data_version).
struct Watcher(Store);

impl Watcher {
    fn new(t: &TempStore) -> Watcher {
        let mut s = t.open(SEEDED);
        s.changed_elsewhere().expect("baseline");
        Watcher(s)
    }

    /// True when something was committed since the last look.
    fn wrote(&mut self) -> bool {
        self.0.changed_elsewhere().expect("data_version")
    }
}

/// A refusal: an error status naming the unit and the figure, the old value on the grid and in
/// the store, no edit left open, nothing committed.
#[allow(clippy::too_many_arguments)]
fn assert_refused(
    a: &mut App,
    store: &mut Store,
    w: &mut Watcher,
    code: &str,
    metric: Metric,
    old: Option<i64>,
    why: &str,
) {
    let s = status(a);
    assert_eq!(status_kind(a), Some(StatusKind::Error), "{s}");
    assert!(s.contains("KHÔNG lưu"), "{s}");
    let unit = a.board.units.iter().find(|u| u.code == code).expect("unit");
    // Long names are cut to 24 columns so the reason fits an 80-column status line.
    assert!(
        s.contains(&xungkich::text::truncate(&unit.short_name(), 24)),
        "the status names the unit: {s}"
    );
    let long = a.strings().metric(metric);
    assert!(
        s.contains(long),
        "the status names the figure {long:?}: {s}"
    );
    assert!(s.contains(why), "the status says why ({why:?}): {s}");
    // A typed value stays in the cell, marked, for correction; a key that typed nothing
    // (a step, a cell the unit cannot have) leaves none.
    assert_eq!(typed(a).is_some(), a.volunteer.refused, "{s}");
    let id = unit.id;
    assert_eq!(
        a.volunteer.value(id, metric, a.now),
        old,
        "the grid keeps the old value"
    );
    assert_eq!(
        stored(store, day_id(a), id, metric),
        old,
        "the store keeps it"
    );
    assert!(!w.wrote(), "a refused value committed something: {s}");
    // Esc drops the refused text; the stored value is what the cell shows again.
    if a.volunteer.refused {
        press(a, store, &[key(KeyCode::Esc)]);
        assert_eq!(typed(a), None);
    }
}

// ---------------------------------------------------------------------------------------------
// Typing and saving
// ---------------------------------------------------------------------------------------------

#[test]
fn digits_start_editing_and_tab_right_enter_save() {
    let (t, mut store, mut a) = fresh();
    let mut w = Watcher::new(&t);
    let day = day_id(&a);
    let hiep_tan = unit_id(&a, HIEP_TAN);
    assert_eq!((a.volunteer.list.selected, a.volunteer.col), (0, 0));
    assert_eq!(a.volunteer.metric(), Metric::Volunteers);

    // A digit starts editing the selected cell; nothing is saved while typing.
    type_text(&mut a, &mut store, "12");
    assert_eq!(typed(&a).as_deref(), Some("12"));
    assert!(a.is_typing());
    assert_eq!(a.volunteer.value(hiep_tan, Metric::Volunteers, a.now), None);
    assert!(!w.wrote(), "saved while still typing");
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("12▏"),
        "the typed text in the cell:\n{screen}"
    );

    // Tab saves and moves right.
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(a.tab, Tab::Volunteer, "Tab while editing stays on the tab");
    assert_eq!(typed(&a), None);
    assert_eq!(a.volunteer.metric(), Metric::Citizens);
    assert_eq!(
        a.volunteer.value(hiep_tan, Metric::Volunteers, a.now),
        Some(12)
    );
    assert_eq!(status_kind(&a), Some(StatusKind::Saved));
    assert_eq!(
        status(&a),
        "Đã lưu: P. Hiệp Tân — Đoàn viên tham gia: 12",
        "the status names the cell"
    );
    assert!(w.wrote());
    // Committed before the cell shows it saved: another connection reads it.
    assert_eq!(on_disk(&t, day, hiep_tan, Metric::Volunteers), Some(12));

    // Right saves and moves right.
    type_text(&mut a, &mut store, "30");
    press(&mut a, &mut store, &[key(KeyCode::Right)]);
    assert_eq!(a.volunteer.metric(), Metric::Businesses);
    assert_eq!(on_disk(&t, day, hiep_tan, Metric::Citizens), Some(30));

    // Enter saves and goes on to the unit's next figure.
    type_text(&mut a, &mut store, "4");
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(a.volunteer.metric(), Metric::FilesReceived);
    assert_eq!((a.volunteer.list.selected, typed(&a)), (0, None));
    assert_eq!(on_disk(&t, day, hiep_tan, Metric::Businesses), Some(4));

    // The values land in store.figures(day), stamped with the clock's time.
    let rows = store.figures(day).expect("figures");
    let mut got: Vec<(i64, Metric, i64)> = rows
        .iter()
        .map(|r| (r.unit_id, r.metric, r.value))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            (hiep_tan, Metric::Volunteers, 12),
            (hiep_tan, Metric::Citizens, 30),
            (hiep_tan, Metric::Businesses, 4),
        ]
    );
    let now = read_datetime(NOW).expect("now");
    assert!(rows.iter().all(|r| r.updated_at == now), "{rows:?}");

    // Shift-Tab on the grid goes back a cell.
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    assert_eq!(a.volunteer.metric(), Metric::Businesses);
    // A digit on a cell with a value starts from that digit, not from the old value.
    type_text(&mut a, &mut store, "5");
    assert_eq!(typed(&a).as_deref(), Some("5"));
    // Down, Shift-Tab and Up save too, and move.
    press(&mut a, &mut store, &[key(KeyCode::Down)]);
    assert_eq!(
        (a.volunteer.list.selected, a.volunteer.metric()),
        (1, Metric::Businesses)
    );
    assert_eq!(on_disk(&t, day, hiep_tan, Metric::Businesses), Some(5));
    let hoa_thanh = a.board.units[1].id;
    type_text(&mut a, &mut store, "7");
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    assert_eq!(
        (a.volunteer.list.selected, a.volunteer.metric()),
        (1, Metric::Citizens)
    );
    assert_eq!(on_disk(&t, day, hoa_thanh, Metric::Businesses), Some(7));
    type_text(&mut a, &mut store, "8");
    press(&mut a, &mut store, &[key(KeyCode::Up)]);
    assert_eq!(
        (a.volunteer.list.selected, a.volunteer.metric()),
        (0, Metric::Citizens)
    );
    assert_eq!(on_disk(&t, day, hoa_thanh, Metric::Citizens), Some(8));
    assert_eq!(a.tab, Tab::Volunteer);
}

#[test]
fn enter_or_e_edits_from_the_value_there() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    put(&mut a, &mut store, HIEP_TAN, Metric::Citizens, 20);
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(typed(&a).as_deref(), Some("20"));
    type_text(&mut a, &mut store, "5");
    press(&mut a, &mut store, &[enter()]);
    let id = unit_id(&a, HIEP_TAN);
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(205));
    assert_eq!(a.volunteer.metric(), Metric::Businesses, "Enter went on");
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    press(&mut a, &mut store, &[ch('e')]);
    assert_eq!(typed(&a).as_deref(), Some("205"));
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(typed(&a), None);
}

#[test]
fn plus_and_minus_save_at_once() {
    let (t, mut store, mut a) = fresh();
    let mut w = Watcher::new(&t);
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    go(&mut a, &mut store, HIEP_TAN, Metric::Citizens);

    // An empty cell counts as 0: `+` makes it 1, saved at once (no Enter, no edit).
    press(&mut a, &mut store, &[ch('+')]);
    assert_eq!(typed(&a), None, "+ does not open an edit");
    assert_eq!(a.volunteer.value(id, Metric::Citizens, a.now), Some(1));
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));
    assert!(w.wrote());
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(1));

    press(&mut a, &mut store, &[ch('+'), ch('+')]);
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(3));
    // `=` is `+` without Shift.
    press(&mut a, &mut store, &[ch('=')]);
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(4));
    press(&mut a, &mut store, &[ch('-')]);
    assert_eq!(a.volunteer.value(id, Metric::Citizens, a.now), Some(3));
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(3));
    assert_eq!(
        status(&a),
        "Đã lưu: P. Hiệp Tân — Lượt người dân được hỗ trợ: 3"
    );
    assert!(w.wrote());

    // Down to 0 is fine; below is refused.
    press(&mut a, &mut store, &[ch('-'), ch('-'), ch('-')]);
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(0));
    assert!(w.wrote());
    press(&mut a, &mut store, &[ch('-')]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Citizens,
        Some(0),
        "âm",
    );
    assert_eq!(a.volunteer.metric(), Metric::Citizens, "+/- do not move");
}

#[test]
fn backspace_edits_the_value_one_digit_shorter() {
    let (t, mut store, mut a) = fresh();
    let mut w = Watcher::new(&t);
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::Volunteers, 125);
    assert!(w.wrote());

    // Backspace on a cell opens it with its value, less the last digit.
    press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    assert_eq!(typed(&a).as_deref(), Some("12"));
    assert!(!w.wrote(), "Backspace alone saves nothing");
    assert_eq!(on_disk(&t, day, id, Metric::Volunteers), Some(125));
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(a.volunteer.value(id, Metric::Volunteers, a.now), Some(12));
    assert_eq!(on_disk(&t, day, id, Metric::Volunteers), Some(12));
    go(&mut a, &mut store, HIEP_TAN, Metric::Volunteers);

    // While typing, Backspace removes the last typed digit; Ctrl-H is Backspace too.
    type_text(&mut a, &mut store, "987");
    press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    assert_eq!(typed(&a).as_deref(), Some("98"));
    press(&mut a, &mut store, &[support::ctrl('h')]);
    assert_eq!(typed(&a).as_deref(), Some("9"));
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(on_disk(&t, day, id, Metric::Volunteers), Some(9));

    // Backspace on an empty cell opens an empty edit; Enter then changes nothing.
    w.wrote();
    go(&mut a, &mut store, HIEP_TAN, Metric::Businesses);
    press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    assert_eq!(typed(&a).as_deref(), Some(""));
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(typed(&a), None);
    assert_eq!(a.volunteer.value(id, Metric::Businesses, a.now), None);
    assert!(!w.wrote());
}

#[test]
fn esc_while_editing_keeps_the_old_value() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::FilesReceived, 40);
    let mut w = Watcher::new(&t);

    type_text(&mut a, &mut store, "77");
    assert_eq!(typed(&a).as_deref(), Some("77"));
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(typed(&a), None);
    assert_eq!(
        a.volunteer.value(id, Metric::FilesReceived, a.now),
        Some(40)
    );
    assert_eq!(
        a.volunteer.metric(),
        Metric::FilesReceived,
        "Esc does not move"
    );
    assert!(!w.wrote());
    assert_eq!(on_disk(&t, day, id, Metric::FilesReceived), Some(40));
    let screen = render_text(&a, 120, 40);
    let row = row_line(&screen, "UBND phường Hiệp Tân");
    assert!(row.contains(" 40 ") && !row.contains("77"), "{row}");

    // From Backspace too: the shortened value is not saved.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Backspace), key(KeyCode::Esc)],
    );
    assert_eq!(
        a.volunteer.value(id, Metric::FilesReceived, a.now),
        Some(40)
    );
    assert!(!w.wrote());

    // And on an empty cell nothing appears.
    go(&mut a, &mut store, HIEP_TAN, Metric::Businesses);
    type_text(&mut a, &mut store, "3");
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert_eq!(a.volunteer.value(id, Metric::Businesses, a.now), None);
    assert!(!w.wrote());
}

#[test]
fn delete_clears_the_cell() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::Businesses, 15);
    let mut w = Watcher::new(&t);

    press(&mut a, &mut store, &[key(KeyCode::Delete)]);
    assert_eq!(a.volunteer.value(id, Metric::Businesses, a.now), None);
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));
    assert_eq!(status(&a), "Đã xoá: P. Hiệp Tân — Doanh nghiệp được hỗ trợ");
    assert!(w.wrote());
    assert_eq!(on_disk(&t, day, id, Metric::Businesses), None);
    assert!(store.figures(day).expect("figures").is_empty());
    let screen = render_text(&a, 120, 40);
    let row = row_line(&screen, "UBND phường Hiệp Tân");
    assert!(!row.contains("15"), "{row}");

    // Delete on an empty cell writes nothing.
    press(&mut a, &mut store, &[key(KeyCode::Delete)]);
    assert!(!w.wrote());
}

#[test]
fn last_updated_time_per_unit() {
    let (_t, mut store, mut a) = fresh();
    let id = unit_id(&a, HIEP_TAN);
    assert_eq!(a.volunteer.updated(id, a.now), None);
    put(&mut a, &mut store, HIEP_TAN, Metric::Volunteers, 6);
    assert_eq!(
        a.volunteer.updated(id, a.now),
        Some(read_datetime(NOW).expect("now"))
    );
    let later = read_datetime("2022-05-07T14:25").expect("later");
    update(&mut a, &mut store, Action::Tick(later));
    put(&mut a, &mut store, HIEP_TAN, Metric::Citizens, 60);
    assert_eq!(a.volunteer.updated(id, a.now), Some(later));
    let screen = render_text(&a, 120, 40);
    let line = row_line(&screen, "UBND phường Hiệp Tân");
    assert!(line.trim_end().ends_with("14:25"), "{line}");
    assert!(screen.contains("cập nhật 07/05/2022 14:25"), "{screen}");
}

// ---------------------------------------------------------------------------------------------
// Values refused
// ---------------------------------------------------------------------------------------------

#[test]
fn letters_are_refused() {
    let (t, mut store, mut a) = fresh();
    put(&mut a, &mut store, HIEP_TAN, Metric::Volunteers, 9);
    let mut w = Watcher::new(&t);
    // "12a": the letter goes into the cell being typed, Enter refuses it.
    type_text(&mut a, &mut store, "12a");
    assert_eq!(typed(&a).as_deref(), Some("12a"));
    press(&mut a, &mut store, &[enter()]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Volunteers,
        Some(9),
        "\"12a\" không phải số nguyên",
    );
    // A comma as decimal mark, and a letter typed after Enter opened the cell.
    type_text(&mut a, &mut store, "1,5");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Volunteers,
        Some(9),
        "không phải số nguyên",
    );
    assert_eq!(a.volunteer.metric(), Metric::Volunteers, "refused: no move");
    press(&mut a, &mut store, &[enter()]);
    type_text(&mut a, &mut store, "x");
    press(&mut a, &mut store, &[enter()]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Volunteers,
        Some(9),
        "\"9x\"",
    );
}

#[test]
fn negative_is_refused() {
    let (t, mut store, mut a) = fresh();
    put(&mut a, &mut store, HIEP_TAN, Metric::Volunteers, 5);
    let mut w = Watcher::new(&t);
    // "-3" typed into the open cell (Enter opens it with "5", Backspace empties it).
    press(&mut a, &mut store, &[enter(), key(KeyCode::Backspace)]);
    assert_eq!(typed(&a).as_deref(), Some(""));
    type_text(&mut a, &mut store, "-3");
    assert_eq!(typed(&a).as_deref(), Some("-3"));
    press(&mut a, &mut store, &[enter()]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Volunteers,
        Some(5),
        "không được là số âm",
    );
    // `-` on an empty cell starts typing a number, so "-1" is refused as negative.
    go(&mut a, &mut store, HIEP_TAN, Metric::Citizens);
    press(&mut a, &mut store, &[ch('-')]);
    assert_eq!(typed(&a).as_deref(), Some("-"));
    press(&mut a, &mut store, &[ch('1'), enter()]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Citizens,
        None,
        "không được là số âm",
    );
}

/// "-3" typed straight onto the grid, as into a spreadsheet cell, then Enter.
#[test]
fn minus_three_typed_on_the_grid_is_refused() {
    let (t, mut store, mut a) = fresh();
    let mut w = Watcher::new(&t);
    type_text(&mut a, &mut store, "-3");
    press(&mut a, &mut store, &[enter()]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Volunteers,
        None,
        "âm",
    );
}

#[test]
fn more_than_a_million_is_refused() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::Citizens, 250);
    let mut w = Watcher::new(&t);
    enter_value(&mut a, &mut store, "1000001");
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Citizens,
        Some(250),
        "lớn hơn 1.000.000",
    );
    // Written with group dots, as officers do, still refused.
    enter_value(&mut a, &mut store, "1.000.001");
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Citizens,
        Some(250),
        "lớn hơn 1.000.000",
    );
    // The limit itself is allowed; `+` past it is refused.
    enter_value(&mut a, &mut store, "1000000");
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(1_000_000));
    assert!(w.wrote());
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    press(&mut a, &mut store, &[ch('+')]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::Citizens,
        Some(1_000_000),
        "lớn hơn 1.000.000",
    );
    // Group dots are read: 1.250 is one thousand two hundred and fifty.
    enter_value(&mut a, &mut store, "1.250");
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(1250));
}

#[test]
fn resolved_more_than_received_is_refused() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::FilesReceived, 10);
    let mut w = Watcher::new(&t);

    // Resolved above received.
    go(&mut a, &mut store, HIEP_TAN, Metric::FilesResolved);
    enter_value(&mut a, &mut store, "11");
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::FilesResolved,
        None,
        "lớn hơn Hồ sơ tiếp nhận (10)",
    );
    // Equal is fine; `+` past it is refused.
    enter_value(&mut a, &mut store, "10");
    assert_eq!(on_disk(&t, day, id, Metric::FilesResolved), Some(10));
    assert!(w.wrote());
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    press(&mut a, &mut store, &[ch('+')]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::FilesResolved,
        Some(10),
        "lớn hơn Hồ sơ tiếp nhận (10)",
    );
    enter_value(&mut a, &mut store, "8");
    assert!(w.wrote());

    // The other order: lowering received below resolved.
    go(&mut a, &mut store, HIEP_TAN, Metric::FilesReceived);
    enter_value(&mut a, &mut store, "7");
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::FilesReceived,
        Some(10),
        "nhỏ hơn Hồ sơ giải quyết (8)",
    );
    press(&mut a, &mut store, &[ch('-'), ch('-')]);
    assert_eq!(on_disk(&t, day, id, Metric::FilesReceived), Some(8));
    assert!(w.wrote());
    press(&mut a, &mut store, &[ch('-')]);
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        HIEP_TAN,
        Metric::FilesReceived,
        Some(8),
        "nhỏ hơn Hồ sơ giải quyết (8)",
    );
    assert_eq!(on_disk(&t, day, id, Metric::FilesResolved), Some(8));
}

/// Resolved files typed while received is empty are refused as resolved > received is: the
/// typed value stays in the cell, marked, and received is named.
#[test]
fn resolved_without_received_is_refused_until_received_is_typed() {
    let (t, mut store, mut a) = fresh();
    let second = a.board.units[1].code.clone();
    let mut w = Watcher::new(&t);
    go(&mut a, &mut store, &second, Metric::FilesResolved);
    type_text(&mut a, &mut store, "30");
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(typed(&a).as_deref(), Some("30"), "kept for correction");
    assert!(a.volunteer.refused);
    assert_eq!(
        a.volunteer.metric(),
        Metric::FilesResolved,
        "it did not move on"
    );
    let screen = render_text(&a, 80, 24);
    assert!(screen.contains("30▏"), "{screen}");
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        &second,
        Metric::FilesResolved,
        None,
        "chưa có Hồ sơ tiếp nhận",
    );
    // Received first, then resolved: saved, and Enter went on each time.
    go(&mut a, &mut store, &second, Metric::FilesReceived);
    enter_value(&mut a, &mut store, "30");
    assert_eq!(a.volunteer.metric(), Metric::FilesResolved);
    enter_value(&mut a, &mut store, "30");
    assert!(w.wrote());
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));
}

/// A refused value is corrected where it stands: Backspace and the right digits save it.
#[test]
fn a_refused_value_is_corrected_in_place() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::FilesReceived, 10);
    go(&mut a, &mut store, HIEP_TAN, Metric::FilesResolved);
    type_text(&mut a, &mut store, "12");
    press(&mut a, &mut store, &[enter()]);
    assert!(a.volunteer.refused);
    press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    type_text(&mut a, &mut store, "0");
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(on_disk(&t, day, id, Metric::FilesResolved), Some(10));
    assert!(!a.volunteer.refused);
    assert_eq!(typed(&a), None);
}

#[test]
fn land_figures_only_for_the_land_registry_task() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let mut w = Watcher::new(&t);
    let land = unit_id(&a, LAND_UNIT);
    assert!(a.board.reports_land(land));
    let rows = xungkich::app::volunteer::visible_rows(&a.board, &a.volunteer, a.now);
    assert_eq!(
        a.board.units[rows[unit_row(&a, LAND_UNIT)]].name,
        "Chi đoàn Chi nhánh VP Đăng ký đất đai"
    );
    let others: Vec<i64> = a
        .board
        .units
        .iter()
        .filter(|u| a.board.reports_land(u.id))
        .map(|u| u.id)
        .collect();
    assert_eq!(others, vec![land], "only one unit has the land task");

    // Any other unit: a digit, Enter, `+` and Backspace are all refused on a land cell.
    for metric in [Metric::LandTotal, Metric::LandResolved] {
        go(&mut a, &mut store, HIEP_TAN, metric);
        for keys in [
            vec![ch('5')],
            vec![enter()],
            vec![ch('+')],
            vec![key(KeyCode::Backspace)],
        ] {
            press(&mut a, &mut store, &keys);
            assert_refused(
                &mut a,
                &mut store,
                &mut w,
                HIEP_TAN,
                metric,
                None,
                "đơn vị này không báo số liệu này",
            );
        }
    }
    let screen = render_text(&a, 120, 40);
    let line = row_line(&screen, "UBND phường Hiệp Tân");
    assert!(
        line.contains('–'),
        "land cells marked not applicable: {line}"
    );

    // The land-registry branch's youth union: land cells work, resolved ≤ total.
    put(&mut a, &mut store, LAND_UNIT, Metric::LandTotal, 20);
    assert_eq!(on_disk(&t, day, land, Metric::LandTotal), Some(20));
    go(&mut a, &mut store, LAND_UNIT, Metric::LandResolved);
    enter_value(&mut a, &mut store, "25");
    w.wrote();
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        LAND_UNIT,
        Metric::LandResolved,
        None,
        "lớn hơn Hồ sơ đất đai trong tuần (20)",
    );
    enter_value(&mut a, &mut store, "15");
    assert_eq!(on_disk(&t, day, land, Metric::LandResolved), Some(15));
    assert!(w.wrote());
    go(&mut a, &mut store, LAND_UNIT, Metric::LandTotal);
    enter_value(&mut a, &mut store, "10");
    assert_refused(
        &mut a,
        &mut store,
        &mut w,
        LAND_UNIT,
        Metric::LandTotal,
        Some(20),
        "nhỏ hơn Hồ sơ đất đai đã giải quyết (15)",
    );
    press(&mut a, &mut store, &[ch('+')]);
    assert_eq!(on_disk(&t, day, land, Metric::LandTotal), Some(21));
}

// ---------------------------------------------------------------------------------------------
// Totals, filter, undo, two instances
// ---------------------------------------------------------------------------------------------

/// The numbers of the totals row as drawn.
fn totals_drawn(screen: &str) -> Vec<i64> {
    let line = screen
        .lines()
        .find(|l| l.starts_with("Tổng cộng"))
        .unwrap_or_else(|| panic!("no totals row:\n{screen}"));
    line["Tổng cộng".len()..]
        .split_whitespace()
        .map(|n| n.parse().unwrap_or_else(|_| panic!("{n:?} in {line}")))
        .collect()
}

#[test]
fn totals_row_equals_the_sum() {
    let (_t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let second = a.board.units[1].code.clone();
    let last = a.board.units.last().expect("units").code.clone();
    for (code, metric, v) in [
        (HIEP_TAN, Metric::Volunteers, 12),
        (HIEP_TAN, Metric::Citizens, 150),
        (HIEP_TAN, Metric::FilesReceived, 40),
        (HIEP_TAN, Metric::FilesResolved, 35),
        (second.as_str(), Metric::Volunteers, 8),
        (second.as_str(), Metric::Einvoice, 3),
        (second.as_str(), Metric::OnlineGuided, 17),
        (LAND_UNIT, Metric::Volunteers, 5),
        (LAND_UNIT, Metric::LandTotal, 70),
        (LAND_UNIT, Metric::LandResolved, 64),
        // Below the fold at 80×24: the totals are of every unit, not of the rows shown.
        (last.as_str(), Metric::Volunteers, 1000),
        (last.as_str(), Metric::Businesses, 2),
    ] {
        put(&mut a, &mut store, code, metric, v);
    }
    // One changed by `+` and one cleared.
    go(&mut a, &mut store, HIEP_TAN, Metric::Volunteers);
    press(&mut a, &mut store, &[ch('+')]);
    go(&mut a, &mut store, &second, Metric::Einvoice);
    press(&mut a, &mut store, &[key(KeyCode::Delete)]);

    let rows = store.figures(day).expect("figures");
    let sums: Vec<i64> = Metric::ALL
        .iter()
        .map(|m| {
            rows.iter()
                .filter(|r| r.metric == *m)
                .map(|r| r.value)
                .sum()
        })
        .collect();
    assert_eq!(sums, vec![1026, 150, 2, 40, 35, 17, 0, 70, 64]);
    for (m, sum) in Metric::ALL.iter().zip(&sums) {
        assert_eq!(a.volunteer.total_until(*m, a.now), *sum, "{m:?}");
    }
    for (w, h) in [(120, 40), (80, 24)] {
        let screen = render_text(&a, w, h);
        assert_eq!(totals_drawn(&screen), sums, "{w}×{h}:\n{screen}");
    }
}

#[test]
fn filter_finds_a_unit_by_unaccented_name() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let tan_quy = unit_id(&a, "p-tan-quy");
    press(&mut a, &mut store, &[ch('/')]);
    assert!(a.volunteer.list.filter_typing);
    // Digits go into the filter, not into a cell, while it is being typed.
    type_text(&mut a, &mut store, "tan quy");
    let screen = render_text(&a, 120, 40);
    // Of the 19 that owe the Saturday (the wards and the youth bases).
    assert!(screen.contains("1 / 19 đơn vị"), "{screen}");
    assert!(screen.contains("UBND phường Tân Quý"), "{screen}");
    assert!(!screen.contains("UBND phường Hiệp Tân"), "{screen}");
    press(&mut a, &mut store, &[enter()]);
    assert!(!a.volunteer.list.filter_typing);
    // The one row shown is the one typed into.
    enter_value(&mut a, &mut store, "6");
    assert_eq!(status(&a), "Đã lưu: P. Tân Quý — Đoàn viên tham gia: 6");
    assert_eq!(on_disk(&t, day, tan_quy, Metric::Volunteers), Some(6));

    // "dat dai" finds the land-registry chi đoàn (its branch owes no Saturday of its own).
    press(&mut a, &mut store, &[key(KeyCode::Esc), ch('/')]);
    type_text(&mut a, &mut store, "dat dai");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("1 / 19 đơn vị"), "{screen}");
    // Home: the row's first figure, whichever cell Enter left the cursor on.
    press(&mut a, &mut store, &[enter(), key(KeyCode::Home)]);
    assert_eq!(a.volunteer.metric(), Metric::Volunteers);
    for _ in 0..col(Metric::LandTotal) {
        press(&mut a, &mut store, &[ch('l')]);
    }
    enter_value(&mut a, &mut store, "33");
    let land = unit_id(&a, LAND_UNIT);
    assert_eq!(on_disk(&t, day, land, Metric::LandTotal), Some(33));

    // Esc on the grid clears the filter: every unit that owes the Saturday again.
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("19 / 19 đơn vị"), "{screen}");
}

/// The case: P. Tân Quý's files received saved as 12, then 15. `u` says the figure
/// is 12 again, Ctrl-R puts the 15 back, on screen and on disk.
#[test]
fn undo_says_what_the_figure_is_now_and_ctrl_r_takes_it_back() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, "p-tan-quy");
    put(&mut a, &mut store, "p-tan-quy", Metric::FilesReceived, 12);
    enter_value(&mut a, &mut store, "15");
    assert_eq!(on_disk(&t, day, id, Metric::FilesReceived), Some(15));

    press(&mut a, &mut store, &[ch('u')]);
    assert_eq!(
        status(&a),
        "Đã hoàn tác: Số liệu P. Tân Quý — Hồ sơ tiếp nhận: 15 — giờ là 12."
    );
    assert_eq!(
        a.volunteer.value(id, Metric::FilesReceived, a.now),
        Some(12)
    );
    press(&mut a, &mut store, &[support::ctrl('r')]);
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));
    assert_eq!(
        status(&a),
        "Đã làm lại: Số liệu P. Tân Quý — Hồ sơ tiếp nhận: 15."
    );
    assert_eq!(
        a.volunteer.value(id, Metric::FilesReceived, a.now),
        Some(15)
    );
    assert_eq!(on_disk(&t, day, id, Metric::FilesReceived), Some(15));
    let screen = render_text(&a, 120, 40);
    assert!(
        row_line(&screen, "UBND phường Tân Quý").contains("15"),
        "{screen}"
    );

    // Both saves undone: the cell was empty before the first.
    press(&mut a, &mut store, &[ch('u'), ch('u')]);
    assert_eq!(
        status(&a),
        "Đã hoàn tác: Số liệu P. Tân Quý — Hồ sơ tiếp nhận: 12 — giờ để trống."
    );
    assert_eq!(a.volunteer.value(id, Metric::FilesReceived, a.now), None);
    // Ctrl-R while a cell is being typed is not a redo.
    go(&mut a, &mut store, "p-tan-quy", Metric::FilesReceived);
    type_text(&mut a, &mut store, "4");
    press(&mut a, &mut store, &[support::ctrl('r')]);
    assert_eq!(typed(&a).as_deref(), Some("4"));
    assert_eq!(on_disk(&t, day, id, Metric::FilesReceived), None);
    press(&mut a, &mut store, &[key(KeyCode::Esc), support::ctrl('r')]);
    assert_eq!(on_disk(&t, day, id, Metric::FilesReceived), Some(12));
}

#[test]
fn undo_restores_the_last_saved_cell() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let id = unit_id(&a, HIEP_TAN);
    put(&mut a, &mut store, HIEP_TAN, Metric::Citizens, 5);
    enter_value(&mut a, &mut store, "90");
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(90));

    press(&mut a, &mut store, &[ch('u')]);
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));
    assert!(status(&a).starts_with("Đã hoàn tác"), "{}", status(&a));
    assert!(status(&a).contains("Hiệp Tân"), "{}", status(&a));
    assert_eq!(a.volunteer.value(id, Metric::Citizens, a.now), Some(5));
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(5));
    // Enter had gone on to the next figure: back to the cell undone.
    press(&mut a, &mut store, &[key(KeyCode::BackTab)]);
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("Lượt người dân được hỗ trợ: 5"),
        "the grid shows the old value again:\n{screen}"
    );
    assert_eq!(totals_drawn(&screen)[col(Metric::Citizens)], 5);

    // Once more: the cell is empty again, as before the first save.
    press(&mut a, &mut store, &[ch('u')]);
    assert_eq!(a.volunteer.value(id, Metric::Citizens, a.now), None);
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), None);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Lượt người dân được hỗ trợ: —"), "{screen}");

    // `u` while a cell is being typed is a letter in the cell, not an undo.
    put(&mut a, &mut store, HIEP_TAN, Metric::Citizens, 7);
    type_text(&mut a, &mut store, "1u");
    assert_eq!(typed(&a).as_deref(), Some("1u"));
    assert_eq!(on_disk(&t, day, id, Metric::Citizens), Some(7));
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
}

#[test]
fn two_instances_see_each_others_saves() {
    let (_t, (mut store_a, mut a), (mut store_b, mut b)) = two_instances();
    let id = unit_id(&a, HIEP_TAN);
    store_b.changed_elsewhere().expect("baseline");

    put(&mut a, &mut store_a, HIEP_TAN, Metric::Volunteers, 42);
    // B still shows what it read, until the loop notices the commit and says so.
    assert_eq!(b.volunteer.value(id, Metric::Volunteers, b.now), None);
    assert!(store_b.changed_elsewhere().expect("data_version"));
    update(&mut b, &mut store_b, Action::StoreChanged);
    assert_eq!(b.volunteer.value(id, Metric::Volunteers, b.now), Some(42));
    let screen = render_text(&b, 120, 40);
    assert!(
        screen.contains("Đoàn viên tham gia: 42"),
        "B's grid shows A's figure:\n{screen}"
    );
    assert_eq!(totals_drawn(&screen)[0], 42);

    // B's `+` builds on A's value; A follows.
    press(&mut b, &mut store_b, &[ch('+')]);
    assert_eq!(b.volunteer.value(id, Metric::Volunteers, b.now), Some(43));
    update(&mut a, &mut store_a, Action::StoreChanged);
    assert_eq!(a.volunteer.value(id, Metric::Volunteers, a.now), Some(43));

    // A change arriving while B types a cell leaves the typing alone.
    press(&mut b, &mut store_b, &[ch('l')]);
    type_text(&mut b, &mut store_b, "7");
    put(&mut a, &mut store_a, HIEP_TAN, Metric::Businesses, 2);
    update(&mut b, &mut store_b, Action::StoreChanged);
    assert_eq!(typed(&b).as_deref(), Some("7"));
    assert_eq!(b.volunteer.value(id, Metric::Businesses, b.now), Some(2));
    press(&mut b, &mut store_b, &[enter()]);
    assert_eq!(stored(&store_a, day_id(&a), id, Metric::Citizens), Some(7));
}

/// Instance B has not yet noticed A's "received" (the loop looks once a second) when the
/// officer there types "resolved": the rule must still hold in the store.
#[test]
fn rule_holds_across_instances_before_a_reload() {
    let (_t, (mut store_a, mut a), (mut store_b, mut b)) = two_instances();
    let id = unit_id(&a, HIEP_TAN);
    let day = day_id(&a);
    put(&mut a, &mut store_a, HIEP_TAN, Metric::FilesReceived, 10);
    go(&mut b, &mut store_b, HIEP_TAN, Metric::FilesResolved);
    enter_value(&mut b, &mut store_b, "20");
    let received = stored(&store_a, day, id, Metric::FilesReceived);
    let resolved = stored(&store_a, day, id, Metric::FilesResolved);
    assert!(
        resolved <= received,
        "store holds resolved {resolved:?} > received {received:?}"
    );
}

/// Issue 12's race: A saves 500 in a cell while B, not yet reloaded, still shows 111. B's `+`
/// adds to the 500 in the store (501, not 112); B's typed 112 is not saved over the 500 it
/// never saw: B's grid shows the 500, keeps the 112 typed, and a second Enter saves it.
#[test]
fn a_save_from_a_screen_behind_the_store_is_never_lost_unseen() {
    let (_t, (mut store_a, mut a), (mut store_b, mut b)) = two_instances();
    let id = unit_id(&a, HIEP_TAN);
    let day = day_id(&a);
    put(&mut b, &mut store_b, HIEP_TAN, Metric::Citizens, 111);
    update(&mut a, &mut store_a, Action::StoreChanged);
    put(&mut a, &mut store_a, HIEP_TAN, Metric::Citizens, 500);
    // B has not noticed A's save: it still shows 111.
    assert_eq!(b.volunteer.value(id, Metric::Citizens, b.now), Some(111));

    press(&mut b, &mut store_b, &[ch('+')]);
    assert_eq!(stored(&store_a, day, id, Metric::Citizens), Some(501));
    assert_eq!(b.volunteer.value(id, Metric::Citizens, b.now), Some(501));
    assert_eq!(status_kind(&b), Some(StatusKind::Saved));
    assert!(
        status(&b).contains("501") && status(&b).contains("500"),
        "{}",
        status(&b)
    );

    // A saves again; B, behind once more, types 112 over the 501 it shows.
    update(&mut a, &mut store_a, Action::StoreChanged);
    put(&mut a, &mut store_a, HIEP_TAN, Metric::Citizens, 700);
    type_text(&mut b, &mut store_b, "112");
    press(&mut b, &mut store_b, &[enter()]);
    assert_eq!(
        stored(&store_a, day, id, Metric::Citizens),
        Some(700),
        "B's save landed over a value B never saw"
    );
    assert_eq!(status_kind(&b), Some(StatusKind::Error));
    assert!(
        status(&b).contains("700") && status(&b).contains("112"),
        "{}",
        status(&b)
    );
    assert_eq!(
        b.volunteer.value(id, Metric::Citizens, b.now),
        Some(700),
        "B shows the other value"
    );
    assert_eq!(typed(&b).as_deref(), Some("112"), "what B typed is kept");

    // Now B has seen the 700: Enter saves its 112 over it, as the officer decided.
    press(&mut b, &mut store_b, &[enter()]);
    assert_eq!(stored(&store_a, day, id, Metric::Citizens), Some(112));
    assert_eq!(status_kind(&b), Some(StatusKind::Saved), "{}", status(&b));
    press(&mut b, &mut store_b, &[key(KeyCode::BackTab)]);

    // Or Esc keeps the other window's value.
    update(&mut a, &mut store_a, Action::StoreChanged);
    put(&mut a, &mut store_a, HIEP_TAN, Metric::Citizens, 9);
    type_text(&mut b, &mut store_b, "3");
    press(&mut b, &mut store_b, &[enter()]);
    press(&mut b, &mut store_b, &[key(KeyCode::Esc)]);
    assert_eq!(stored(&store_a, day, id, Metric::Citizens), Some(9));
    assert_eq!(b.volunteer.value(id, Metric::Citizens, b.now), Some(9));
}

/// Issue 12's long import: another process holds the write lock. The interface waits only
/// its short patience, says the save is waiting, keeps the typed figure in the cell, and the
/// once-a-second retry saves it by itself when the lock frees; Esc drops it instead.
#[test]
fn a_save_waiting_for_another_process_lands_by_itself() {
    let (t, mut store, mut a) = fresh();
    store
        .set_patience(std::time::Duration::from_millis(20))
        .expect("patience");
    let id = unit_id(&a, HIEP_TAN);
    let day = day_id(&a);
    go(&mut a, &mut store, HIEP_TAN, Metric::Volunteers);

    let other = rusqlite::Connection::open(&t.path).expect("other connection");
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    type_text(&mut a, &mut store, "42");
    press(&mut a, &mut store, &[enter()]);
    assert_eq!(a.waiting, Some(1), "{}", status(&a));
    assert_eq!(status_kind(&a), Some(StatusKind::Error));
    assert!(status(&a).contains("CHƯA lưu"), "{}", status(&a));
    assert_eq!(
        typed(&a).as_deref(),
        Some("42"),
        "the typed figure stays in the cell"
    );
    update(&mut a, &mut store, Action::Retry);
    assert_eq!(a.waiting, Some(2), "still locked: still waiting");
    assert_eq!(stored(&store, day, id, Metric::Volunteers), None);

    other.execute_batch("COMMIT").expect("let go");
    update(&mut a, &mut store, Action::Retry);
    assert_eq!(a.waiting, None);
    assert_eq!(stored(&store, day, id, Metric::Volunteers), Some(42));
    assert_eq!(status_kind(&a), Some(StatusKind::Saved), "{}", status(&a));

    // Esc while waiting drops the typed value: nothing lands later.
    other
        .execute_batch("BEGIN IMMEDIATE")
        .expect("hold the write lock");
    go(&mut a, &mut store, HIEP_TAN, Metric::Citizens);
    type_text(&mut a, &mut store, "9");
    press(&mut a, &mut store, &[enter()]);
    assert!(a.waiting.is_some());
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    other.execute_batch("COMMIT").expect("let go");
    update(&mut a, &mut store, Action::Retry);
    assert_eq!(a.waiting, None);
    assert_eq!(stored(&store, day, id, Metric::Citizens), None);
}

/// The Saturday at the speed of the phone calls: the 11 wards' seven figures are typed as
/// "digits, Enter" each, row after row with no other key (21 keys a ward, where moving by
/// arrows took 27), then the land unit's nine. Every figure lands in the store.
#[test]
fn a_full_saturday_is_digits_and_enter() {
    let (t, mut store, mut a) = fresh();
    let day = day_id(&a);
    let wards: Vec<i64> = a
        .board
        .units
        .iter()
        .filter(|u| u.kind.code() == "ward")
        .map(|u| u.id)
        .collect();
    assert_eq!(wards.len(), 11);
    assert_eq!(
        a.board.units[..11].iter().map(|u| u.id).collect::<Vec<_>>(),
        wards,
        "the wards come first, in plan order"
    );
    let keys = std::cell::Cell::new(0);
    let type_figure = |a: &mut App, store: &mut Store, v: i64| {
        let digits = v.to_string();
        type_text(a, store, &digits);
        press(a, store, &[enter()]);
        keys.set(keys.get() + digits.chars().count() + 1);
        assert_eq!(status_kind(a), Some(StatusKind::Saved), "{}", status(a));
    };
    // Resolved never above received: the values are 10 + the figure's place, resolved one less.
    let value = |metric: Metric| match metric.bounded_by() {
        Some(bound) => 10 + col(bound) as i64 - 1,
        None => 10 + col(metric) as i64,
    };
    for _ in &wards {
        for m in Metric::ALL.into_iter().filter(|m| !m.is_land()) {
            type_figure(&mut a, &mut store, value(m));
        }
    }
    assert_eq!(keys.get(), 11 * 7 * 3, "21 keys a ward");
    // The row after the last ward, on its first figure.
    assert_eq!((a.volunteer.list.selected, a.volunteer.col), (11, 0));
    go(&mut a, &mut store, LAND_UNIT, Metric::Volunteers);
    for m in Metric::ALL {
        type_figure(&mut a, &mut store, value(m));
    }
    assert_eq!(keys.get(), 11 * 21 + 27);
    let rows = store.figures(day).expect("figures");
    assert_eq!(rows.len(), 11 * 7 + 9);
    for unit in wards.iter().chain([&unit_id(&a, LAND_UNIT)]) {
        for m in Metric::ALL {
            let expect = (!m.is_land() || *unit == unit_id(&a, LAND_UNIT)).then(|| value(m));
            assert_eq!(on_disk(&t, day, *unit, m), expect, "{unit} {m:?}");
        }
    }
}
