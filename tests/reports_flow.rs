//! Tab 4's quick reports: photos checked by content and copied into the data folder, on time
//! or late against 16:00, the checklist following live.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, app, ctrl, key, press, type_text};
use xungkich::i18n::Lang;
use xungkich::ui::snapshot::render_text;

fn status(a: &xungkich::app::App) -> String {
    a.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];

/// Tab 4, reports part, the list narrowed to `unit_query`, and its report form open.
fn open_report(a: &mut xungkich::app::App, store: &mut xungkich::store::Store, unit_query: &str) {
    press(
        a,
        store,
        &[
            key(KeyCode::Char('4')),
            key(KeyCode::Char('v')),
            key(KeyCode::Char('v')),
        ],
    );
    press(a, store, &[key(KeyCode::Char('/'))]);
    type_text(a, store, unit_query);
    press(a, store, &[key(KeyCode::Enter), key(KeyCode::Char('r'))]);
    assert!(a.form.is_some(), "the report form opens");
}

#[test]
fn a_report_with_photos_before_16_is_on_time_and_the_photos_are_copied() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let originals = TempStore::new();
    let one = originals.dir.path().join("IMG_1.png");
    let two = originals.dir.path().join("IMG_1.jpg");
    std::fs::write(&one, PNG).expect("write");
    std::fs::write(&two, JPEG).expect("write");
    let mut a = app(&store, "2022-05-07T15:59", Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, &one.display().to_string());
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    type_text(&mut a, &mut store, &two.display().to_string());
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let day = a.board.volunteer_days[0].clone();
    let reports = store.reports(day.id).expect("read");
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].photos.len(), 2);
    // The copies live in the store's own photo folder, named by their content, and survive
    // the originals going.
    drop(originals);
    let pool = store.photo_pool();
    assert_eq!(pool, t.dir.path().join("x.db.photos"));
    for (p, bytes) in reports[0].photos.iter().zip([PNG, JPEG]) {
        let copy = pool.join(&p.path);
        assert_eq!(
            std::fs::read(&copy).expect("copy"),
            bytes,
            "{}",
            copy.display()
        );
        assert!(xungkich::store::photos::is_pool_name(&p.path), "{}", p.path);
    }
    assert!(
        !t.dir.path().join("photos").exists(),
        "nothing in a shared folder"
    );
    assert_eq!(reports[0].photos[1].media_type, "image/jpeg");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("✔ đúng hạn"), "{screen}");
    // The checklist's report requirement is done for Tân Quý.
    let req = a
        .board
        .requirements
        .iter()
        .find(|r| r.source == xungkich::domain::campaign::RequirementSource::QuickReport)
        .expect("req")
        .id;
    let unit = a
        .board
        .units
        .iter()
        .find(|u| u.code == "p-tan-quy")
        .expect("unit")
        .id;
    assert!(a.board.evidence_for(unit, req).is_some());
}

#[test]
fn at_16_01_the_report_is_late() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let photo = t.dir.path().join("a.png");
    std::fs::write(&photo, PNG).expect("write");
    let mut a = app(&store, "2022-05-07T16:01", Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, &photo.display().to_string());
    press(&mut a, &mut store, &[ctrl('s')]);
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("✘ trễ"), "{screen}");
    assert!(screen.contains("1 / 19 đã báo cáo, 1 trễ"), "{screen}");
}

#[test]
fn a_missing_path_or_a_non_image_is_refused_and_nothing_is_saved() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let fake = t.dir.path().join("anh.jpg");
    std::fs::write(&fake, b"%PDF-1.7 not a photo").expect("write");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, &fake.display().to_string());
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    type_text(&mut a, &mut store, "/khong/co/tep/nay.png");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some());
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("Không phải ảnh"), "{screen}");
    assert!(screen.contains("Không thấy tệp"), "{screen}");
    assert!(
        store
            .reports(a.board.volunteer_days[0].id)
            .expect("read")
            .is_empty()
    );
    assert!(!t.dir.path().join("photos").exists(), "nothing copied");
}

#[test]
fn units_not_reported_show_their_phone() {
    let t = TempStore::new();
    let mut store = support::demo_store(&t);
    let mut a = app(&store, "2022-05-07T16:30", Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('4')),
            key(KeyCode::Char('v')),
            key(KeyCode::Char('v')),
        ],
    );
    let screen = render_text(&a, 120, 40);
    // Past 16:00 a unit that has not reported is overdue, and its phone is there to call.
    assert!(screen.contains("✖ quá hạn"), "{screen}");
    // Demo phones are written 0xxx.xxx.xxx.
    assert!(
        screen
            .lines()
            .any(|l| l.contains("✖ quá hạn") && l.matches('.').count() >= 2),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

/// Undoing a report keeps its photo copies while Ctrl-R can bring it back; the next change
/// ends the redo and takes the copies nothing refers to.
#[test]
fn an_undone_reports_photo_copies_stay_for_a_redo_and_go_with_the_next_change() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let originals = TempStore::new();
    let one = originals.dir.path().join("IMG_2.png");
    std::fs::write(&one, PNG).expect("write");
    let mut a = app(&store, "2022-05-07T15:00", Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, &one.display().to_string());
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let day = a.board.volunteer_days[0].clone();
    let copy = store
        .photo_pool()
        .join(&store.reports(day.id).expect("read")[0].photos[0].path);
    assert!(copy.is_file());
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert!(store.reports(day.id).expect("read").is_empty());
    assert!(status(&a).ends_with(" — đã bỏ."), "{}", status(&a));
    assert!(copy.is_file(), "kept for a redo");
    press(&mut a, &mut store, &[ctrl('r')]);
    assert!(status(&a).starts_with("Đã làm lại: "), "{}", status(&a));
    let reports = store.reports(day.id).expect("read");
    assert_eq!(reports.len(), 1);
    assert_eq!(store.photo_pool().join(&reports[0].photos[0].path), copy);
    assert!(
        render_text(&a, 120, 40).contains("1 ảnh"),
        "the list shows it"
    );
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert!(copy.is_file());
    // Another unit's report, without photos: a new change.
    press(&mut a, &mut store, &[key(KeyCode::Char('/'))]);
    press(&mut a, &mut store, &[key(KeyCode::Backspace); 7]);
    type_text(&mut a, &mut store, "son ky");
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Enter), key(KeyCode::Char('r'))],
    );
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    assert_eq!(store.reports(day.id).expect("read").len(), 1);
    assert!(
        !copy.exists(),
        "the copy went once nothing could bring it back"
    );
    assert!(one.is_file(), "the officer's own file is never touched");
    press(&mut a, &mut store, &[ctrl('r')]);
    assert_eq!(status(&a), "Không còn gì để làm lại.");
}

/// One photo sent for two units is kept once; undoing one report leaves the file the other
/// still refers to, and the file goes once neither has it and no redo can bring one back.
#[test]
fn a_photo_two_reports_share_stays_until_neither_has_it() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let originals = TempStore::new();
    let one = originals.dir.path().join("IMG_3.png");
    std::fs::write(&one, PNG).expect("write");
    let mut a = app(&store, "2022-05-07T15:00", Lang::Vi);
    for (n, unit) in ["tan quy", "son ky"].into_iter().enumerate() {
        if n == 0 {
            open_report(&mut a, &mut store, unit);
        } else {
            // Already on the reports view: filter for the unit instead, and open its form.
            press(&mut a, &mut store, &[key(KeyCode::Char('/'))]);
            press(&mut a, &mut store, &[key(KeyCode::Backspace); 7]);
            type_text(&mut a, &mut store, unit);
            press(
                &mut a,
                &mut store,
                &[key(KeyCode::Enter), key(KeyCode::Char('r'))],
            );
            assert!(a.form.is_some(), "the report form opens");
        }
        press(&mut a, &mut store, &[key(KeyCode::Tab)]);
        type_text(&mut a, &mut store, &one.display().to_string());
        press(&mut a, &mut store, &[ctrl('s')]);
        assert!(a.form.is_none(), "{:?}", a.status);
    }
    let day = a.board.volunteer_days[0].clone();
    let reports = store.reports(day.id).expect("read");
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0].photos[0].path, reports[1].photos[0].path);
    let copy = store.photo_pool().join(&reports[0].photos[0].path);
    assert_eq!(
        std::fs::read_dir(store.photo_pool()).expect("pool").count(),
        1
    );
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert_eq!(store.reports(day.id).expect("read").len(), 1);
    assert!(copy.is_file(), "the other report still has it");
    press(&mut a, &mut store, &[key(KeyCode::Char('u'))]);
    assert!(copy.is_file(), "kept while the undo can be redone");
    // A tick on tab 2 ends the redo: no report has the photo any more.
    support::go_tab(&mut a, &mut store, 2);
    press(&mut a, &mut store, &[key(KeyCode::Right); 3]);
    press(&mut a, &mut store, &[key(KeyCode::Char(' '))]);
    assert!(status(&a).starts_with("Đã lưu"), "{}", status(&a));
    assert!(!copy.exists(), "gone with the last report that had it");
}

/// A quick report "received" after the app's clock is refused at its field, as a registration
/// in the future is: it cannot count as on time anywhere.
#[test]
fn a_report_received_in_the_future_is_refused() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, "2022-05-07T14:00", Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    // The received-at field is first and focused: replace it with a later time.
    press(&mut a, &mut store, &[key(KeyCode::End)]);
    for _ in 0..20 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, "07/05/2022 15:30");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some(), "the form stays open with what was typed");
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("07/05/2022 15:30"), "{screen}");
    assert!(screen.contains("tương lai"), "{screen}");
    let day = a.board.volunteer_days[0].id;
    assert!(
        store.reports(day).expect("read").is_empty(),
        "nothing saved"
    );
}

/// Saves the quick report of Tân Quý as the form does, at the app's clock `now`: received at
/// `received` (typed), with the photo at `photo` when given.
fn report_at(t: &TempStore, now: &str, received: &str, photo: Option<&std::path::Path>) {
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let mut a = app(&store, now, Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::End)]);
    for _ in 0..20 {
        press(&mut a, &mut store, &[key(KeyCode::Backspace)]);
    }
    type_text(&mut a, &mut store, received);
    if let Some(p) = photo {
        press(&mut a, &mut store, &[key(KeyCode::Tab)]);
        type_text(&mut a, &mut store, &p.display().to_string());
    }
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
}

/// What every screen says of Tân Quý's report at `now`: tab 4's status, tab 2's checklist
/// state, and the on-time report KPI's numerator.
fn report_seen(t: &TempStore, now: &str) -> (bool, bool, f64) {
    use xungkich::domain::campaign::RequirementSource;
    use xungkich::domain::checklist::CheckState;
    let store = t.open("2022-04-29T08:00:00+07:00");
    let a = app(&store, now, Lang::Vi);
    let day = &a.board.volunteer_days[0];
    let unit = a
        .board
        .units
        .iter()
        .find(|u| u.code == "p-tan-quy")
        .expect("Tân Quý");
    let report = store
        .reports(day.id)
        .expect("reports")
        .into_iter()
        .find(|r| r.unit_id == unit.id)
        .expect("its report");
    let tab4_late =
        !xungkich::domain::checklist::on_time(report.counts_from(), day.report_deadline);
    let req = a
        .board
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::QuickReport)
        .expect("the report requirement");
    let tab2_late = matches!(
        xungkich::model::checklist::state_of(&a.board, unit, req, a.now),
        CheckState::Done { late: true, .. }
    );
    let kpi = xungkich::model::kpi::compute(&a.board, &store, a.now)
        .expect("kpis")
        .into_iter()
        .find(|l| l.kpi.code == "report-on-time")
        .and_then(|l| l.numerator)
        .unwrap_or(0.0);
    (tab4_late, tab2_late, kpi)
}

/// A report's on-time moment is when it first had a photo: received at 15:30 without one and
/// given one at 16:20, it is late everywhere; typed in at 17:00 as received at 15:30 with its
/// photo in the same save, it is on time everywhere.
#[test]
fn a_photo_added_after_the_deadline_makes_the_report_late_on_every_screen() {
    let originals = TempStore::new();
    let photo = originals.dir.path().join("anh.png");
    std::fs::write(&photo, PNG).expect("write");

    let t = TempStore::new();
    report_at(&t, "2022-05-07T15:35", "07/05/2022 15:30", None);
    report_at(&t, "2022-05-07T16:20", "07/05/2022 15:30", Some(&photo));
    assert_eq!(report_seen(&t, "2022-05-07T17:00"), (true, true, 0.0));
    let store = t.open("2022-04-29T08:00:00+07:00");
    let a = app(&store, "2022-05-07T17:00", Lang::Vi);
    let mut a = a;
    let mut store = store;
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('4')),
            key(KeyCode::Char('v')),
            key(KeyCode::Char('v')),
        ],
    );
    let screen = render_text(&a, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Tân Quý"))
        .expect("Tân Quý's row");
    assert!(row.contains("trễ"), "{row}");

    let backfilled = TempStore::new();
    report_at(
        &backfilled,
        "2022-05-07T17:00",
        "07/05/2022 15:30",
        Some(&photo),
    );
    assert_eq!(
        report_seen(&backfilled, "2022-05-07T17:00"),
        (false, false, 1.0)
    );
}

/// The photo field completes a name with Tab, as the import prompt does (without case or
/// diacritics), goes on to the note when there is nothing to complete, and takes a pasted
/// list of photos whatever its line endings.
#[test]
fn photo_paths_complete_with_tab_and_a_pasted_list_gives_each_photo() {
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let originals = TempStore::new();
    let folder = originals.dir.path();
    std::fs::write(folder.join("Ảnh lễ ra quân.PNG"), PNG).expect("write");
    std::fs::write(folder.join("ghi chú.txt"), b"not a photo").expect("write");
    std::fs::write(folder.join("b.jpg"), JPEG).expect("write");
    std::fs::write(folder.join("c.png"), PNG).expect("write");
    let mut a = app(&store, "2022-05-07T15:00", Lang::Vi);
    open_report(&mut a, &mut store, "tan quy");
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut a, &mut store, &format!("{}/anh le", folder.display()));
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    let text = a
        .form
        .as_ref()
        .map(|f| f.text(xungkich::app::form::FieldId::Photos))
        .unwrap_or_default();
    assert_eq!(text, format!("{}/Ảnh lễ ra quân.PNG", folder.display()));
    // A pasted list, with CRLF and a lone CR between the names.
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let list = format!("{0}/b.jpg\r\n{0}/c.png\r", folder.display());
    xungkich::app::update(&mut a, &mut store, xungkich::app::Action::Paste(list));
    // Tab on the empty line after the paste: on to the note.
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    assert_eq!(
        a.form
            .as_ref()
            .and_then(|f| f.focused_field())
            .map(|f| f.id),
        Some(xungkich::app::form::FieldId::Note)
    );
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    let day = a.board.volunteer_days[0].id;
    let reports = store.reports(day).expect("read");
    let names: Vec<&str> = reports[0]
        .photos
        .iter()
        .map(|p| p.original_name.as_str())
        .collect();
    assert_eq!(names, ["Ảnh lễ ra quân.PNG", "b.jpg", "c.png"]);
}
