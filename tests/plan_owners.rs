//! Who owes what (plan 115, sections II.1, II.3.2, III.1, III.2): each requirement is owed by
//! the bodies the plan names, a youth base and the units it acts for are one organisation
//! that never owes the same thing twice, denominators follow, and a store made before keeps
//! its data.

mod support;

use ratatui::crossterm::event::KeyCode;
use rusqlite::{Connection, params};
use support::{TempStore, app, key, press, type_text};
use xungkich::app::volunteer::{Section, visible_rows};
use xungkich::i18n::Lang;
use xungkich::model::kpi::{INITIATIVE_COVERAGE, REGISTRATION_ON_TIME, REPORT_ON_TIME, compute};
use xungkich::store::{Board, Store};
use xungkich::ui::snapshot::render_text;

use insta::assert_snapshot;

const AT: &str = "2022-05-07T10:00:00+07:00";

fn ch(c: char) -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Char(c))
}

fn id_of(board: &Board, code: &str) -> i64 {
    board
        .units
        .iter()
        .find(|u| u.code == code)
        .unwrap_or_else(|| panic!("unit {code}"))
        .id
}

/// (numerator, denominator) of KPI `code` at `at`.
fn kpi(store: &Store, code: &str, at: &str) -> (f64, f64) {
    let board = store.load_board().expect("board");
    let line = compute(&board, store, support::stamp(at))
        .expect("kpis")
        .into_iter()
        .find(|l| l.kpi.code == code)
        .expect("kpi");
    (
        line.numerator.expect("numerator"),
        line.denominator.expect("denominator"),
    )
}

/// A registration and an initiative written straight into the store, as an older version
/// or an import would have left them.
fn register(conn: &Connection, unit: i64, at: &str) {
    conn.execute(
        "INSERT INTO registrations (volunteer_day_id, unit_id, activities, registered_at)
         VALUES ((SELECT id FROM volunteer_days LIMIT 1), ?1, '[\"khac\"]', ?2)",
        params![unit, at],
    )
    .expect("registration");
}

fn initiative(conn: &Connection, unit: i64, title: &str) {
    conn.execute(
        "INSERT INTO initiatives (unit_id, kind, title, registered_on, stage, created_at, updated_at)
         VALUES (?1, 'initiative', ?2, '2022-05-02', 'registered', ?3, ?3)",
        params![unit, title, "2022-05-02T09:00:00+07:00"],
    )
    .expect("initiative");
}

#[test]
fn each_requirement_is_owed_by_the_bodies_the_plan_names() {
    let t = TempStore::new();
    let store = t.open(AT);
    let board = store.load_board().expect("board");
    let tax = board
        .units
        .iter()
        .find(|u| u.code == "chi-cuc-thue")
        .expect("tax");
    let base = board
        .youth_base_of(tax)
        .expect("the tax chi đoàn acts for it");
    assert_eq!(base.code, "cd-chi-cuc-thue");
    let owes = |code: &str| -> Vec<bool> {
        let u = board.units.iter().find(|u| u.code == code).expect("unit");
        board
            .requirements
            .iter()
            .map(|r| r.applies(&u.kind))
            .collect()
    };
    // Initiative, Saturday registration, quick report, emulation tick.
    assert_eq!(owes("chi-cuc-thue"), [true, false, false, true]);
    assert_eq!(owes("cd-chi-cuc-thue"), [false, true, true, false]);
    assert_eq!(owes("p-tan-quy"), [true, true, true, true]);
    assert_eq!(owes("phong-noi-vu"), [true, false, false, true]);
    // No organisation owes a thing twice: a base and a unit it acts for never share one.
    for u in &board.units {
        if let Some(b) = board.youth_base_of(u) {
            for r in &board.requirements {
                assert!(
                    !(r.applies(&u.kind) && r.applies(&b.kind)),
                    "{} / {}",
                    u.code,
                    r.code
                );
            }
        }
    }
    // The denominators follow: 29 units owe an initiative, 19 bases a registration.
    assert_eq!(kpi(&store, INITIATIVE_COVERAGE, AT), (0.0, 29.0));
    assert_eq!(kpi(&store, REGISTRATION_ON_TIME, AT), (0.0, 19.0));
}

#[test]
fn an_initiative_of_a_base_of_one_unit_counts_for_that_unit_only() {
    let t = TempStore::new();
    let store = t.open(AT);
    let board = store.load_board().expect("board");
    let conn = Connection::open(&t.path).expect("raw");
    // Chi đoàn Chi cục Thuế is the Youth Union of Chi cục Thuế alone; the Chi đoàn Cơ quan
    // Chính quyền of twelve agencies cannot say whose its initiative is.
    initiative(
        &conn,
        id_of(&board, "cd-chi-cuc-thue"),
        "Hóa đơn điện tử tại chỗ",
    );
    initiative(&conn, id_of(&board, "cd-chinh-quyen"), "Một cửa thân thiện");
    drop(conn);
    let board = store.load_board().expect("board");
    let r = board
        .requirements
        .iter()
        .find(|r| r.code == "initiative")
        .expect("initiative requirement");
    assert!(
        board
            .evidence_for(id_of(&board, "chi-cuc-thue"), r.id)
            .is_some()
    );
    assert!(
        board
            .evidence_for(id_of(&board, "phong-noi-vu"), r.id)
            .is_none()
    );
    assert_eq!(kpi(&store, INITIATIVE_COVERAGE, AT), (1.0, 29.0));
}

#[test]
fn tab_4_lists_the_bodies_that_owe_the_saturday() {
    let t = TempStore::new();
    let mut store = t.open(AT);
    let mut a = app(&store, AT, Lang::Vi);
    support::go_tab(&mut a, &mut store, 4);
    assert_eq!(a.volunteer.section, Section::Figures);
    let codes: Vec<&str> = visible_rows(&a.board, &a.volunteer, a.now)
        .into_iter()
        .map(|i| a.board.units[i].code.as_str())
        .collect();
    assert_eq!(codes.len(), 19, "{codes:?}");
    assert!(codes.contains(&"cd-vpdkdd") && codes.contains(&"p-tay-thanh"));
    assert!(!codes.contains(&"cn-vpdkdd") && !codes.contains(&"phong-noi-vu"));
    let screen = render_text(&a, 120, 40);
    assert!(screen.contains("19 / 19 đơn vị"), "{screen}");
}

#[test]
fn tab_2_shows_a_unit_with_its_youth_base() {
    let t = TempStore::new();
    let mut store = t.open(AT);
    let mut a = app(&store, AT, Lang::Vi);
    support::go_tab(&mut a, &mut store, 2);
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "chi cuc thue quan");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let screen = render_text(&a, 120, 40);
    // The unit owes no Saturday item itself ("–"); its base's standing shows in its place.
    assert!(
        screen.contains("Cơ sở Đoàn: Chi đoàn Chi cục Thuế")
            && screen.contains("Đăng ký TB: ↳ cơ sở Đoàn: ✖ quá hạn"),
        "{screen}"
    );
    let mut a = app(&store, AT, Lang::En);
    support::go_tab(&mut a, &mut store, 2);
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "chinh quyen");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let screen = render_text(&a, 120, 40);
    assert!(
        screen.contains("Acts for: Văn phòng UBND quận, Phòng") && screen.contains("Tư pháp, +9"),
        "{screen}"
    );
}

/// A store made with the campaign as shipped before (every unit owing every item) opens,
/// gets the plan's owners, and keeps every record, also those of units that now owe nothing.
#[test]
fn a_store_of_the_earlier_campaign_opens_and_keeps_its_data() {
    let t = TempStore::new();
    let store = t.open(AT);
    let board = store.load_board().expect("board");
    drop(store);
    support::back_to_schema_5(&t.path);
    let conn = Connection::open(&t.path).expect("raw");
    let (tax, ward) = (id_of(&board, "chi-cuc-thue"), id_of(&board, "p-tan-quy"));
    register(&conn, tax, "2022-05-03T09:00:00+07:00");
    register(&conn, ward, "2022-05-03T10:00:00+07:00");
    conn.execute(
        "INSERT INTO figures (volunteer_day_id, unit_id, metric, value, updated_at)
         VALUES ((SELECT id FROM volunteer_days LIMIT 1), ?1, 'citizens', 12, ?2)",
        params![tax, "2022-05-07T09:30:00+07:00"],
    )
    .expect("figure");
    drop(conn);

    let mut store = t.open(AT);
    assert_eq!(store.schema_version().expect("version"), 8);
    let board = store.load_board().expect("board");
    let tax_unit = board.units.iter().find(|u| u.id == tax).expect("tax");
    assert_eq!(
        board.youth_base_of(tax_unit).map(|b| b.code.as_str()),
        Some("cd-chi-cuc-thue")
    );
    let report = board
        .requirements
        .iter()
        .find(|r| r.code == "quick-report")
        .expect("report requirement");
    assert!(!report.applies(&tax_unit.kind) && report.basis.starts_with("Mục III.2"));
    // Both registrations are kept; only the ward's counts towards the bases' KPIs.
    let day = board.volunteer_days[0].id;
    assert_eq!(store.registrations(day).expect("registrations").len(), 2);
    assert_eq!(kpi(&store, REGISTRATION_ON_TIME, AT), (1.0, 19.0));
    assert_eq!(kpi(&store, REPORT_ON_TIME, AT).1, 1.0);
    // Tab 4 still shows the branch's row with its record, so nothing is out of sight.
    let mut a = app(&store, AT, Lang::Vi);
    support::go_tab(&mut a, &mut store, 4);
    press(&mut a, &mut store, &[ch('t')]);
    let rows: Vec<i64> = visible_rows(&a.board, &a.volunteer, a.now)
        .into_iter()
        .map(|i| a.board.units[i].id)
        .collect();
    assert!(rows.contains(&tax) && rows.len() == 20, "{rows:?}");
}

/// A sheet of registrations is refused row by row as the form refuses: a unit whose youth
/// base owes the Saturday (the row names the base), a time after now, a row saying nothing
/// of what the unit will do. The good row alone would be written.
#[test]
fn an_import_refuses_rows_the_form_would_refuse() {
    use xungkich::domain::import::ImportKind;
    use xungkich::io::import::{self, Context};
    let t = TempStore::new();
    let store = t.open(AT);
    let board = store.load_board().expect("board");
    let now = support::stamp(AT);
    let ctx = Context {
        store: &store,
        board: &board,
        now,
        lang: Lang::Vi,
        default_day: import::upcoming_day(&board.volunteer_days, now),
    };
    let csv = "Đơn vị,Dấu thời gian,Hoạt động\n\
               Chi cục Thuế quận,04/05/2022 08:00,Tư vấn pháp luật\n\
               P. Tân Quý,08/05/2022 08:00,Tư vấn pháp luật\n\
               P. Sơn Kỳ,04/05/2022 08:00,\n\
               Chi đoàn Chi cục Thuế,04/05/2022 08:00,Hướng dẫn hóa đơn điện tử\n";
    let p = import::plan_bytes(
        csv.as_bytes(),
        "dang-ky.csv",
        ImportKind::Registrations,
        &ctx,
    );
    let reasons: Vec<(usize, &str)> = p
        .errors
        .iter()
        .map(|e| (e.row, e.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert!(
        reasons[0].0 == 2
            && reasons[0]
                .1
                .contains("cơ sở Đoàn «Chi đoàn Chi cục Thuế» nộp thay"),
        "{reasons:#?}"
    );
    assert!(
        reasons[1].0 == 3 && reasons[1].1.contains("ở tương lai"),
        "{reasons:#?}"
    );
    assert!(
        reasons[2].0 == 4 && reasons[2].1.contains("«Hoạt động»"),
        "{reasons:#?}"
    );
}

/// Chi cục Thuế quận on the demo store's tab 2, at both sizes: its own items, and in place of
/// the Saturday items the standing of the chi đoàn that owes them.
#[test]
fn a_unit_and_its_base_on_tab_2_80x24_and_120x40() {
    let t = TempStore::new();
    let mut store = support::demo_store(&t);
    let mut a = app(&store, "2022-05-07T15:30", Lang::Vi);
    support::go_tab(&mut a, &mut store, 2);
    press(&mut a, &mut store, &[ch('/')]);
    type_text(&mut a, &mut store, "chi cuc thue");
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let narrow = render_text(&a, 80, 24);
    assert!(narrow.contains("↳ cơ sở Đoàn"), "{narrow}");
    assert_snapshot!("unit_with_its_base_80x24", narrow);
    let wide = render_text(&a, 120, 40);
    assert!(wide.contains("Cơ sở Đoàn: Chi đoàn Chi cục Thuế"), "{wide}");
    assert_snapshot!("unit_with_its_base_120x40", wide);
    press(&mut a, &mut store, &[ch('j')]);
    assert_snapshot!("base_with_its_unit_80x24", render_text(&a, 80, 24));
}

/// A round added in the app has no requirement of its own: its rows on tab 4 are the ones
/// that owe the campaign's other Saturdays, not every unit.
#[test]
fn a_round_added_in_the_app_is_owed_by_the_youth_bases_too() {
    use xungkich::app::form::FieldId;
    let t = TempStore::new();
    let mut store = t.open(AT);
    let mut a = app(&store, AT, Lang::Vi);
    support::go_tab(&mut a, &mut store, 4);
    press(&mut a, &mut store, &[ch('N')]);
    assert_eq!(
        a.form.as_ref().map(|f| f.text(FieldId::Date)).as_deref(),
        Some("14/05/2022")
    );
    press(&mut a, &mut store, &[support::ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    assert_eq!(
        a.board.volunteer_days[a.volunteer.day].date.to_string(),
        "2022-05-14"
    );
    let codes: Vec<&str> = visible_rows(&a.board, &a.volunteer, a.now)
        .into_iter()
        .map(|i| a.board.units[i].code.as_str())
        .collect();
    assert_eq!(codes.len(), 19, "{codes:?}");
    assert!(!codes.contains(&"chi-cuc-thue"), "{codes:?}");
}
