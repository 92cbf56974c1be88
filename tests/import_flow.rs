//! `i` in the interface: the path prompt, the preview (clean or with errors), Enter writes
//! only a clean plan, `u` takes the whole import back; `i` imports what the tab shows.

mod support;

use std::path::Path;

use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, key, press, type_text};
use xungkich::app::App;
use xungkich::app::form::FieldId;
use xungkich::domain::import::ImportKind;
use xungkich::i18n::Lang;
use xungkich::store::Store;
use xungkich::ui::snapshot::render_text;

const AT: &str = "2022-05-07T20:00";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

/// What the path prompt holds.
fn prompt_text(a: &App) -> String {
    a.form.as_ref().expect("prompt").text(FieldId::ImportPath)
}

/// On the current tab: `i`, the path, Enter.
fn import(a: &mut App, store: &mut Store, file: &str) {
    press(a, store, &[key(KeyCode::Char('i'))]);
    assert!(a.form.is_some(), "the path prompt opens");
    type_text(a, store, &fixture(file));
    press(a, store, &[key(KeyCode::Enter)]);
    assert!(a.form.is_none());
    assert!(a.import.is_some(), "the preview opens");
}

#[test]
fn a_clean_file_is_previewed_then_written_on_enter_and_undone_whole() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, AT, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('3'))]);
    import(&mut a, &mut store, "initiatives-valid.csv");
    assert!(
        store.initiatives().expect("list").is_empty(),
        "a preview writes nothing"
    );
    assert_snapshot!("import_preview_clean_120x40", render_text(&a, 120, 40));
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.import.is_none());
    assert_eq!(store.initiatives().expect("list").len(), 3);
    let status = a.status.as_ref().expect("status").text.clone();
    assert!(status.contains("thêm 3"), "{status}");
    assert_eq!(
        a.initiatives.visible().len(),
        3,
        "the list shows them at once"
    );
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert!(
        store.initiatives().expect("list").is_empty(),
        "u undid the whole import"
    );
}

#[test]
fn a_broken_file_lists_its_errors_and_enter_writes_nothing() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, AT, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('3'))]);
    import(&mut a, &mut store, "initiatives-broken.csv");
    assert_snapshot!("import_preview_errors_80x24", render_text(&a, 80, 24));
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(
        a.import.is_some(),
        "Enter is not bound while there are errors"
    );
    assert!(store.initiatives().expect("list").is_empty());
    // Scrolling reaches the last error.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::PageDown), key(KeyCode::PageDown)],
    );
    assert!(render_text(&a, 80, 24).contains("«Xong»"));
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    assert!(a.import.is_none());
    assert!(store.initiatives().expect("list").is_empty());
}

#[test]
fn english_preview_and_help_list_the_preview_keys() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, AT, Lang::En);
    press(&mut a, &mut store, &[key(KeyCode::Char('2'))]);
    import(&mut a, &mut store, "units-valid.csv");
    assert_eq!(
        a.import.as_ref().map(|p| p.plan.kind),
        Some(ImportKind::Units)
    );
    assert_snapshot!("import_preview_units_en_80x24", render_text(&a, 80, 24));
    press(&mut a, &mut store, &[key(KeyCode::F(1))]);
    let help = render_text(&a, 80, 24);
    assert!(
        help.contains("import (when the preview has no errors)"),
        "{help}"
    );
    assert!(help.contains("close, import nothing"), "{help}");
}

#[test]
fn tab_4_imports_the_part_it_shows() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, AT, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('4'))]);
    import(&mut a, &mut store, "figures-wide.csv");
    assert_eq!(
        a.import.as_ref().map(|p| p.plan.kind),
        Some(ImportKind::Figures)
    );
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let day = a.board.volunteer_days[0].id;
    assert_eq!(store.figures(day).expect("figures").len(), 5);
    // The grid shows them without leaving the tab.
    assert!(render_text(&a, 120, 40).contains("35"));
    press(&mut a, &mut store, &[key(KeyCode::Char('v'))]);
    import(&mut a, &mut store, "registrations-valid.csv");
    assert_eq!(
        a.import.as_ref().map(|p| p.plan.kind),
        Some(ImportKind::Registrations)
    );
    let errors = a.import.as_ref().map(|p| p.plan.errors.clone());
    assert_eq!(errors, Some(vec![]));
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert_eq!(store.registrations(day).expect("regs").len(), 2);
    assert_eq!(
        a.volunteer.registrations(a.now).count(),
        2,
        "the list follows"
    );
    // The prompt offers the folder of the last file.
    press(&mut a, &mut store, &[key(KeyCode::Char('i'))]);
    let offered = prompt_text(&a);
    assert!(offered.ends_with("fixtures/import/"), "{offered}");
    // Nothing to import on the overview or tab 5.
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    support::go_tab(&mut a, &mut store, 1);
    press(&mut a, &mut store, &[key(KeyCode::Char('i'))]);
    assert!(a.form.is_none() && a.import.is_none());
}

#[test]
fn tab_completes_the_file_name_without_marks() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let dir = tempfile::TempDir::new().expect("dir");
    let file = dir.path().join("Đăng ký sáng kiến - Câu trả lời.csv");
    std::fs::copy(fixture("initiatives-valid.csv"), &file).expect("copy");
    std::fs::write(dir.path().join("Đăng ký thứ Bảy.csv"), b"x").expect("second");
    let mut a = app(&store, AT, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('3')), key(KeyCode::Char('i'))],
    );
    type_text(
        &mut a,
        &mut store,
        &format!("{}/dang", dir.path().display()),
    );
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    let typed = prompt_text(&a);
    assert!(typed.ends_with("/Đăng ký"), "{typed}");
    let status = a.status.as_ref().expect("the candidates").text.clone();
    assert!(status.contains("Đăng ký thứ Bảy.csv"), "{status}");
    type_text(&mut a, &mut store, "s");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    // The temp folder's name varies, so the prompt is checked by its parts, not a snapshot.
    let screen = render_text(&a, 80, 24);
    assert!(
        screen.contains("Tab: hoàn thành tên tệp · Enter: xem trước"),
        "{screen}"
    );
    assert!(screen.contains("Tab hoàn thành tên"), "{screen}");
    assert!(
        !screen.contains("Tab ô kế"),
        "Tab is not offered for what it does not do"
    );
    let typed = prompt_text(&a);
    assert_eq!(typed, file.display().to_string());
    press(&mut a, &mut store, &[key(KeyCode::F(1))]);
    assert!(render_text(&a, 120, 40).contains("hoàn thành tên tệp"));
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::F(1)), key(KeyCode::Enter)],
    );
    assert_eq!(
        a.import
            .as_ref()
            .map(|p| p.plan.count(xungkich::io::import::Outcome::Add)),
        Some(3)
    );
}
