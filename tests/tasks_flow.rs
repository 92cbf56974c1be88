//! Tab 4's assigned tasks (plan section II.3.1): each task with its owner, what it is, the
//! figures that measure it as typed in the grid, and its status (a task with a KPI as tab 5
//! judges it); a unit's detail on tab 2 names its task.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, demo_store, key, press, type_text};
use xungkich::app::volunteer::Section;
use xungkich::domain::figures::Metric;
use xungkich::i18n::Lang;
use xungkich::ui::snapshot::render_text;

const AT: &str = "2022-05-07T17:00";

fn ch(c: char) -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Char(c))
}

#[test]
fn the_three_tasks_show_their_figures_and_status() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, AT, Lang::Vi);
    press(&mut a, &mut store, &[ch('4'), ch('v'), ch('v'), ch('v')]);
    assert_eq!(a.volunteer.section, Section::Tasks);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("[Nhiệm vụ giao]"), "{screen}");
    assert!(screen.contains("3 nhiệm vụ"), "{screen}");
    // Each owner with its task (titles are cut to the column).
    for (owner, title) in [
        (
            "Chi đoàn Cơ quan Chính quyền",
            "Đội hình tình nguyện tư vấn",
        ),
        ("Chi đoàn Chi nhánh VP Đăng ký", "Giải quyết hồ sơ đất đai"),
        ("Chi đoàn Chi cục Thuế", "Đội hình tình nguyện hướng"),
    ] {
        assert!(
            screen
                .lines()
                .any(|l| l.contains(owner) && l.contains(title)),
            "{owner}: {title}:\n{screen}"
        );
    }
    // The land task is judged by the KPI as tab 5 judges it.
    press(&mut a, &mut store, &[support_alt('5')]);
    let land = a
        .kpis
        .lines
        .iter()
        .find(|l| l.kpi.code == "land-files-week")
        .expect("the land KPI")
        .clone();
    let word = a.strings().kpi_status(land.status);
    let pct = xungkich::domain::kpi::format_percent(land.value);
    press(&mut a, &mut store, &[support_alt('4')]);
    let screen = render_text(&a, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Giải quyết hồ sơ đất đai"))
        .expect("the land task's row");
    assert!(
        row.contains(&pct) && row.contains(word),
        "{pct} {word}: {row}"
    );

    // A figure typed in the grid shows in the task's row at once, in English too.
    let tax = a
        .board
        .units
        .iter()
        .find(|u| u.code == "cd-chi-cuc-thue")
        .expect("the tax chi đoàn")
        .id;
    press(&mut a, &mut store, &[ch('v'), ch('v')]);
    assert_eq!(a.volunteer.section, Section::Figures);
    press(&mut a, &mut store, &[ch('t')]);
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "chi cuc thue");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    // The filter finds both tax units; the chi đoàn is the second.
    press(&mut a, &mut store, &[ch('j'), key(KeyCode::End)]);
    assert_eq!(a.volunteer.metric(), Metric::Einvoice);
    type_text(&mut a, &mut store, "41");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(a.volunteer.value(tax, Metric::Einvoice, a.now), Some(41));
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Esc), ch('v'), ch('v'), ch('v')],
    );
    a.lang = Lang::En;
    let screen = render_text(&a, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Chi đoàn Chi cục Thuế"))
        .expect("the tax task's row");
    assert!(
        row.contains("41") && row.contains("1 of 1 figures in"),
        "{row}"
    );
}

/// Alt with a digit: the tab, from anywhere.
fn support_alt(c: char) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char(c),
        ratatui::crossterm::event::KeyModifiers::ALT,
    )
}

#[test]
fn a_units_detail_names_its_saturday_task() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, AT, Lang::Vi);
    press(&mut a, &mut store, &[ch('2'), ch('/')]);
    type_text(&mut a, &mut store, "vpdkdd");
    // The branch, then its chi đoàn (the task's owner).
    press(&mut a, &mut store, &[key(KeyCode::Enter), ch('j')]);
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("Nhiệm vụ thứ Bảy: Giải quyết hồ sơ đất"),
        "{screen}"
    );
    assert!(screen.contains("ĐĐ nhận, ĐĐ xong"), "{screen}");
}
