//! Snapshots of tab 4's Saturday quick-entry grid on the deterministic demo store at 14:00 on
//! the volunteer Saturday, at 80×24 and 120×40: the grid, a cell being typed, a refused value's
//! status line, and the help overlay.

mod support;

use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, demo_store, key, press, type_text};
use xungkich::app::volunteer::visible_rows;
use xungkich::app::{App, StatusKind, Tab};
use xungkich::domain::figures::Metric;
use xungkich::i18n::Lang;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

/// Two hours before the quick-report deadline.
const SATURDAY: &str = "2022-05-07T14:00";

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// The demo store on tab 4, its figures read as the terminal loop would.
fn grid(t: &TempStore) -> (Store, App) {
    let store = demo_store(t);
    let mut a = app(&store, SATURDAY, Lang::Vi);
    a.tab = Tab::Volunteer;
    a.prepare(&store);
    (store, a)
}

fn status(a: &App) -> String {
    a.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// No line of the screen wider than the terminal (the renderer clips, so a line of exactly
/// `w` columns may be a cut one; these tests look at the text itself).
fn fits(text: &str, w: usize) {
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= w,
            "wider than {w}: {line:?}"
        );
    }
}

#[test]
fn grid_80x24() {
    let t = TempStore::new();
    let (_store, a) = grid(&t);
    let text = render_text(&a, 80, 24);
    fits(&text, 80);
    assert!(text.contains("Tổng cộng"), "{text}");
    assert!(text.contains("P. Hiệp Tân"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn grid_120x40() {
    let t = TempStore::new();
    let (_store, a) = grid(&t);
    let text = render_text(&a, 120, 40);
    assert!(text.contains("Cập nhật"), "{text}");
    assert_snapshot!(text);
}

/// The second unit's "citizens" cell with "12" typed.
fn editing(w: u16, h: u16) -> String {
    let t = TempStore::new();
    let (mut store, mut a) = grid(&t);
    press(&mut a, &mut store, &[ch('j'), ch('l')]);
    type_text(&mut a, &mut store, "12");
    assert_eq!(a.volunteer.editing.as_ref().map(|f| f.value()), Some("12"));
    render_text(&a, w, h)
}

#[test]
fn editing_a_cell_80x24() {
    let text = editing(80, 24);
    assert!(text.contains("12▏"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn editing_a_cell_120x40() {
    let text = editing(120, 40);
    assert!(text.contains("12▏"), "{text}");
    assert_snapshot!(text);
}

/// A resolved figure above the received one, typed on the first unit that has phoned its
/// figures in: refused.
fn refused(w: u16, h: u16) -> (String, String) {
    let t = TempStore::new();
    let (mut store, mut a) = grid(&t);
    let (row, unit, received) = a
        .board
        .units
        .iter()
        .enumerate()
        .find_map(|(i, u)| {
            a.volunteer
                .value(u.id, Metric::FilesReceived, a.now)
                .map(|v| (i, u.clone(), v))
        })
        .expect("a unit with figures");
    for _ in 0..row {
        press(&mut a, &mut store, &[ch('j')]);
    }
    for _ in 0..4 {
        press(&mut a, &mut store, &[ch('l')]);
    }
    assert_eq!(a.volunteer.metric(), Metric::FilesResolved);
    let before = a.volunteer.value(unit.id, Metric::FilesResolved, a.now);
    type_text(&mut a, &mut store, &(received + 1).to_string());
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(
        a.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Error),
        "{}",
        status(&a)
    );
    assert!(
        status(&a).starts_with(&format!("KHÔNG lưu {}", unit.short_name())),
        "{}",
        status(&a)
    );
    assert_eq!(
        a.volunteer.value(unit.id, Metric::FilesResolved, a.now),
        before
    );
    (status(&a), render_text(&a, w, h))
}

#[test]
fn refused_value_80x24() {
    let (_status, text) = refused(80, 24);
    assert!(text.contains("KHÔNG lưu"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn refused_value_120x40() {
    let (status, text) = refused(120, 40);
    assert!(status.contains("Hồ sơ giải quyết"), "{status}");
    assert!(text.contains(&status), "the whole status is shown:\n{text}");
    assert_snapshot!(text);
}

/// The longest refusal the grid can give: a land figure on a unit with a long name.
fn refused_land(w: u16, h: u16) -> (String, String) {
    let t = TempStore::new();
    let (mut store, mut a) = grid(&t);
    // Every unit that owes the Saturday, registered or not.
    if a.volunteer.registered_only(a.now) {
        press(&mut a, &mut store, &[ch('t')]);
    }
    let row = a
        .board
        .units
        .iter()
        .position(|u| u.code == "dcs-dbdc-hcsn")
        .expect("the longest name among the units that owe the Saturday");
    // Left and right skip the cells a unit cannot have: the land column is reached on the
    // land unit's row, then up or down (which keeps the column).
    let rows = visible_rows(&a.board, &a.volunteer, a.now);
    let at = |code: &str| {
        rows.iter()
            .position(|&i| a.board.units[i].code == code)
            .expect("shown")
    };
    let (row, land) = (at(&a.board.units[row].code), at("cd-vpdkdd"));
    press(&mut a, &mut store, &[ch('g')]);
    for _ in 0..land {
        press(&mut a, &mut store, &[ch('j')]);
    }
    for _ in 0..7 {
        press(&mut a, &mut store, &[ch('l')]);
    }
    let step = if row > land { ch('j') } else { ch('k') };
    for _ in 0..row.abs_diff(land) {
        press(&mut a, &mut store, &[step]);
    }
    assert_eq!(a.volunteer.metric(), Metric::LandTotal);
    press(&mut a, &mut store, &[ch('5')]);
    (status(&a), render_text(&a, w, h))
}

#[test]
fn refused_land_figure_80x24() {
    let (status, text) = refused_land(80, 24);
    assert!(
        status.contains("Cơ sở Đoàn khối Địa bàn") && status.contains("Hồ sơ đất đai trong tuần"),
        "{status}"
    );
    assert_snapshot!(text);
}

#[test]
fn refused_land_figure_120x40() {
    let (_status, text) = refused_land(120, 40);
    assert_snapshot!(text);
}

fn help(w: u16, h: u16, keys: &[KeyEvent]) -> String {
    let t = TempStore::new();
    let (mut store, mut a) = grid(&t);
    press(&mut a, &mut store, keys);
    assert!(a.help_open);
    assert_eq!(a.tab, Tab::Volunteer);
    render_text(&a, w, h)
}

#[test]
fn help_on_tab_4_80x24() {
    let text = help(80, 24, &[ch('?')]);
    assert!(text.contains("Phím tắt — Thứ Bảy tình nguyện"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn help_on_tab_4_120x40() {
    let text = help(120, 40, &[key(KeyCode::F(1))]);
    assert!(text.contains("gõ số: bắt đầu sửa ô"), "{text}");
    assert!(text.contains("cộng 1 vào ô"), "{text}");
    assert_snapshot!(text);
}

/// F1 while a cell is being typed: the keys of the cell.
#[test]
fn help_while_editing_120x40() {
    let text = help(120, 40, &[ch('7'), key(KeyCode::F(1))]);
    assert!(text.contains("lưu rồi sang ô bên cạnh"), "{text}");
    assert!(text.contains("huỷ, giữ số cũ"), "{text}");
    assert_snapshot!(text);
}

/// At 80 columns the refusal must still say why: the unit's long name leaves no room.
#[test]
fn refusal_reason_fits_at_80_columns() {
    let (status, text) = refused_land(80, 24);
    let reason = "đơn vị này không báo số liệu này";
    assert!(status.contains(reason), "{status}");
    // A long message may take the footer's two lines: read them as one.
    let footer: Vec<&str> = text.lines().rev().take(2).collect();
    let joined = format!("{} {}", footer[1].trim(), footer[0].trim());
    assert!(joined.contains(reason), "the reason is cut off:\n{text}");
}

/// The largest figure allowed, saved in each five-cell column (ĐV, Dân, DN, HĐĐT): the grid
/// must show the number saved, not its first five digits.
fn a_million_everywhere(w: u16, h: u16) -> (App, String) {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, SATURDAY, Lang::Vi);
    press(&mut a, &mut store, &[ch('4')]);
    for (i, m) in Metric::ALL.iter().enumerate().take(7) {
        assert_eq!(a.volunteer.metric(), *m);
        type_text(&mut a, &mut store, &format!("{}", 1_000_000 - i));
        press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    }
    let text = render_text(&a, w, h);
    (a, text)
}

#[test]
fn large_figures_are_drawn_whole_80x24() {
    let (_a, text) = a_million_everywhere(80, 24);
    let row = text
        .lines()
        .find(|l| l.starts_with("P. Hiệp Tân"))
        .expect("row");
    // 1,000,000 (the largest allowed, one digit wider than a column) reads "1000k".
    for i in 0..7 {
        let v = (1_000_000 - i).to_string();
        let shown = if i == 0 {
            "1000k".to_string()
        } else {
            v.clone()
        };
        assert!(
            row.split_whitespace().any(|c| c == shown),
            "{v} not drawn whole: {row}"
        );
    }
}
