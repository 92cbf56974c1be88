//! Snapshot tests of the complete screens at 80×24 and 120×40, and the behaviour behind them,
//! on a deterministic demo store seen at fixed moments of the campaign.

mod support;

use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, demo_store, key, press, type_text};
use xungkich::app::Tab;
use xungkich::i18n::Lang;
use xungkich::ui::snapshot::render_text;

/// The Friday before the Saturday: registration closed, the report due tomorrow at 16:00.
const FRIDAY: &str = "2022-05-06T09:00";
/// Half an hour before the quick-report deadline.
const SATURDAY: &str = "2022-05-07T15:30";

fn screen(tab: Tab, at: &str, lang: Lang, w: u16, h: u16) -> String {
    let t = TempStore::new();
    let store = demo_store(&t);
    let mut a = app(&store, at, lang);
    a.tab = tab;
    render_text(&a, w, h)
}

#[test]
fn overview_80x24() {
    assert_snapshot!(screen(Tab::Overview, SATURDAY, Lang::Vi, 80, 24));
}

#[test]
fn overview_120x40() {
    assert_snapshot!(screen(Tab::Overview, FRIDAY, Lang::Vi, 120, 40));
}

#[test]
fn overview_120x40_english() {
    assert_snapshot!(screen(Tab::Overview, FRIDAY, Lang::En, 120, 40));
}

/// After the quick-report deadline two requirements have overdue units: on a short window
/// each gets one line of the overdue box, naming its first units and then "+N", as the
/// requirements box does — not only "… và N đơn vị khác".
#[test]
fn overview_80x24_names_the_first_overdue_units_then_how_many_more() {
    let text = screen(Tab::Overview, "2022-05-07T17:00", Lang::Vi, 80, 24);
    let start = text.find("Đơn vị quá hạn").expect("the overdue box");
    let boxed: Vec<&str> = text[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.contains('└'))
        .map(|l| l.rsplit('│').nth(1).unwrap_or_default())
        .collect();
    for requirement in ["Đăng ký TB (", "Báo cáo ("] {
        let line = boxed
            .iter()
            .find(|l| l.starts_with(requirement))
            .unwrap_or_else(|| panic!("{requirement}:\n{text}"));
        let (count, names) = line[requirement.len()..]
            .split_once("): ")
            .unwrap_or_else(|| panic!("{line}"));
        let count: usize = count.parse().unwrap_or_else(|_| panic!("{line}"));
        let names = names.trim_end();
        let (shown, more) = names.rsplit_once(" +").unwrap_or((names, "0"));
        let more: usize = more.parse().unwrap_or_else(|_| panic!("{line}"));
        let names: Vec<&str> = shown.split(", ").filter(|n| !n.is_empty()).collect();
        assert!(!names.is_empty(), "names at least one: {line}");
        // Only a first name too long for the line alone is cut; no long tail.
        assert!(
            names.iter().skip(1).all(|n| !n.contains('…')) && !line.contains(" và "),
            "{line}"
        );
        assert_eq!(names.len() + more, count, "{line}");
    }
    assert_snapshot!(text);
}

#[test]
fn units_80x24() {
    assert_snapshot!(screen(Tab::Units, FRIDAY, Lang::Vi, 80, 24));
}

#[test]
fn units_120x40() {
    assert_snapshot!(screen(Tab::Units, SATURDAY, Lang::Vi, 120, 40));
}

#[test]
fn fresh_store_overview_80x24() {
    let t = TempStore::new();
    let store = t.open("2022-04-29T08:00:00+07:00");
    let a = app(&store, "2022-05-02T10:00", Lang::Vi);
    assert_snapshot!(render_text(&a, 80, 24));
}

#[test]
fn every_tab_shows_its_title() {
    for tab in [Tab::Initiatives, Tab::Volunteer, Tab::Kpi] {
        let text = screen(tab, FRIDAY, Lang::Vi, 80, 24);
        assert!(
            text.contains(tab.title(xungkich::i18n::strings(Lang::Vi))),
            "{text}"
        );
    }
}

#[test]
fn too_small_says_so_at_every_tiny_size() {
    let t = TempStore::new();
    let store = demo_store(&t);
    let a = app(&store, FRIDAY, Lang::Vi);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (59, 24),
        (80, 15),
        (40, 10),
    ] {
        let text = render_text(&a, w, h);
        assert_eq!(text.lines().count(), h as usize);
        if w >= 20 && h >= 3 {
            assert!(text.contains("Cửa sổ quá nhỏ"), "{w}x{h}:\n{text}");
        }
    }
    assert_snapshot!(render_text(&a, 40, 10));
}

#[test]
fn no_size_from_1x1_to_130x45_panics_on_any_screen() {
    let t = TempStore::new();
    let store = demo_store(&t);
    let mut a = app(&store, SATURDAY, Lang::Vi);
    for tab in Tab::ALL {
        a.tab = tab;
        for w in (1..=130).step_by(7) {
            for h in (1..=45).step_by(4) {
                let _ = render_text(&a, w, h);
            }
        }
    }
}

#[test]
fn help_lists_the_keys_of_the_units_screen() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('?'))],
    );
    assert!(a.help_open);
    let text = render_text(&a, 120, 40);
    assert_snapshot!(text);
    for needle in ["Space", "đánh dấu", "hoàn tác", "Ctrl-U", "thoát"] {
        assert!(text.contains(needle), "{needle} missing from help:\n{text}");
    }
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(!a.help_open);
}

#[test]
fn contact_form_shows_errors_inline_and_refuses_to_save() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, FRIDAY, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('e'))],
    );
    assert!(a.form.is_some());
    // Clear the demo's values, then type a bad phone.
    for _ in 0..40 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "Nguyễn Văn Á");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    for _ in 0..20 {
        press(&mut a, &mut store, &[ctrl('h')]);
    }
    type_text(&mut a, &mut store, "0703-652");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some(), "a form with errors must stay open");
    let text = render_text(&a, 80, 24);
    assert_snapshot!(text);
    assert!(text.contains("\"-\""), "{text}");
    assert!(
        text.contains("CHƯA LƯU") || text.contains("Chưa lưu"),
        "{text}"
    );
}
