//! Import: the fixtures under tests/fixtures/import (valid and broken, one set per kind), the
//! CLI's exit codes, all-or-nothing, idempotence, and export → import round trips.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::{TempStore, demo_store, stamp};
use xungkich::domain::change::Summary;
use xungkich::domain::import::ImportKind;
use xungkich::domain::time::read_datetime;
use xungkich::i18n::{Lang, strings};
use xungkich::io::export;
use xungkich::io::import::{self, Context, Outcome, Plan};
use xungkich::store::Store;

// After the Saturday: a file of registrations dated before it is not from the future.
const NOW: &str = "2022-05-07T20:00:00+07:00";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn plan(store: &Store, kind: ImportKind, path: &Path, lang: Lang) -> Plan {
    let board = store.load_board().expect("board");
    let now = read_datetime(NOW).expect("now");
    let ctx = Context {
        store,
        board: &board,
        now,
        lang,
        default_day: import::upcoming_day(&board.volunteer_days, now),
    };
    import::plan_file(path, kind, &ctx)
}

fn import_ok(store: &mut Store, kind: ImportKind, path: &Path) -> Plan {
    let p = plan(store, kind, path, Lang::Vi);
    assert!(p.is_clean(), "{path:?}: {:#?}", p.errors);
    import::apply(store, &p, Lang::Vi, stamp(NOW)).expect("apply");
    p
}

/// (row, column letter or "", a piece of the reason) of each error.
fn errors(p: &Plan) -> Vec<(usize, String, String)> {
    p.errors
        .iter()
        .map(|e| {
            let letter = e
                .column
                .as_deref()
                .and_then(|c| c.split_whitespace().nth(1))
                .unwrap_or("")
                .to_string();
            (e.row, letter, e.reason.clone())
        })
        .collect()
}

/// What the store holds, and its last audited change: equal before and after means nothing
/// was written.
fn state(store: &Store) -> (Option<Summary>, String) {
    (store.last_change().expect("audit"), export_json(store))
}

fn export_json(store: &Store) -> String {
    let board = store.load_board().expect("board");
    let tables = export::gather(export::Source {
        store,
        board: &board,
        now: read_datetime(NOW).expect("now"),
        s: strings(Lang::Vi),
    })
    .expect("gather");
    export::json_text(&tables)
}

#[test]
fn valid_files_of_every_kind_import_then_change_nothing_the_second_time() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let cases = [
        (ImportKind::Units, "units-valid.csv", (1, 2)),
        (ImportKind::Initiatives, "initiatives-valid.csv", (3, 0)),
        (ImportKind::Registrations, "registrations-valid.csv", (2, 0)),
        (ImportKind::Figures, "figures-wide.csv", (5, 0)),
        (ImportKind::Figures, "figures-long.csv", (2, 2)),
    ];
    for (kind, file, (added, updated)) in cases {
        let p = import_ok(&mut store, kind, &fixture(file));
        assert_eq!(
            (p.count(Outcome::Add), p.count(Outcome::Update)),
            (added, updated),
            "{file}"
        );
        let again = plan(&store, kind, &fixture(file), Lang::Vi);
        assert!(again.is_clean(), "{file}: {:#?}", again.errors);
        assert!(
            !again.has_changes(),
            "{file} a second time: {:#?}",
            again.items
        );
        assert_eq!(again.count(Outcome::Unchanged), added + updated, "{file}");
    }
    // What went in is what the sheet said.
    let board = store.load_board().expect("board");
    let tan_quy = board
        .units
        .iter()
        .find(|u| u.code == "p-tan-quy")
        .expect("unit");
    assert_eq!(tan_quy.contact_person, "Nguyễn Thị Lan");
    assert_eq!(tan_quy.phone, "0903 123 456");
    assert!(board.units.iter().any(|u| u.code == "tt-hcc"));
    let son_ky = board
        .units
        .iter()
        .find(|u| u.code == "p-son-ky")
        .expect("unit");
    assert_eq!(
        son_ky.name, "UBND phường Sơn Kỳ",
        "matched by name, not renamed"
    );
    let zalo = store
        .initiatives_for_import()
        .expect("initiatives")
        .into_iter()
        .find(|i| i.title.starts_with("Zalo OA"))
        .expect("imported initiative");
    assert_eq!(zalo.title, "Zalo OA \"Phường Tân Quý\" trả lời hồ sơ");
    assert_eq!(
        zalo.summary,
        "Hướng dẫn người dân qua Zalo,\ntrả lời trong 2 giờ"
    );
    assert_eq!(zalo.registered_on.to_string(), "2022-04-15");
    let day = &board.volunteer_days[0];
    let regs = store.registrations(day.id).expect("registrations");
    let r = regs
        .iter()
        .find(|r| r.unit_id == tan_quy.id)
        .expect("registration");
    assert_eq!(
        r.activities,
        vec!["tu-van-phap-luat".to_string(), "huong-dan-tthc".to_string()]
    );
    assert_eq!(r.registered_at.to_rfc3339(), "2022-05-04T08:15:00+07:00");
    assert_eq!(
        regs.iter()
            .find(|r| r.unit_id == son_ky.id)
            .and_then(|r| r.planned_volunteers),
        Some(1200)
    );
    let figures = store.figures(day.id).expect("figures");
    let value = |unit: i64, code: &str| {
        figures
            .iter()
            .find(|f| f.unit_id == unit && f.metric.code() == code)
            .map(|f| f.value)
    };
    assert_eq!(value(tan_quy.id, "files_received"), Some(41));
    assert_eq!(value(tan_quy.id, "files_resolved"), Some(36));
    assert_eq!(value(tan_quy.id, "volunteers"), Some(12));
}

#[test]
fn an_import_is_one_change_that_undo_takes_back_whole() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let before = export_json(&store);
    import_ok(
        &mut store,
        ImportKind::Initiatives,
        &fixture("initiatives-valid.csv"),
    );
    assert_ne!(export_json(&store), before);
    let undone = store
        .undo_last(stamp(NOW))
        .expect("undo")
        .expect("something undone");
    let said = strings(Lang::Vi).change_summary(&undone.summary);
    assert!(said.contains("initiatives-valid.csv"), "{said}");
    assert_eq!(export_json(&store), before);
}

/// (row, column letter, a piece of the reason) of an expected error.
type Expected = (usize, &'static str, &'static str);

#[test]
fn broken_files_import_nothing_and_name_each_row_column_and_reason() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let cases: Vec<(ImportKind, &str, Vec<Expected>)> = vec![
        (
            ImportKind::Initiatives,
            "initiatives-broken.csv",
            vec![
                (2, "A", "có phải «UBND phường Tân Sơn Nhì»?"),
                (3, "C", "tháng 02/2022 không có ngày 31"),
                (4, "D", "Điểm là số từ 0 đến 100"),
                (5, "B", "trùng với dòng 4"),
                (6, "A", "«Chi cục Thuế quận» hoặc «Chi đoàn Chi cục Thuế»"),
                (7, "A", "bị trống"),
                (8, "B", "bị trống"),
                (8, "E", "«Xong» không phải giá trị"),
            ],
        ),
        (
            ImportKind::Units,
            "units-broken.csv",
            vec![
                (3, "C", "đơn vị mới cần loại"),
                (4, "A", "mã «XX Moi 2»"),
                (5, "B", "có phải «UBND phường Tân Sơn Nhì»"),
                (6, "C", "«Trường học» không phải giá trị"),
                (6, "D", "Ký tự \"a\""),
                (7, "A", "trùng với dòng 2"),
            ],
        ),
        (
            ImportKind::Registrations,
            "registrations-broken.csv",
            vec![
                (2, "D", "\"12a\" không phải số nguyên"),
                (3, "A", "«14/05/2022» không phải ngày thứ Bảy"),
                (4, "C", "«Múa lân» không phải giá trị"),
                (5, "B", "trùng với dòng 2"),
                (6, "E", "giờ không hợp lệ"),
            ],
        ),
        (
            ImportKind::Figures,
            "figures-broken.csv",
            vec![
                (2, "D", "nhỏ hơn Hồ sơ giải quyết (12)"),
                (3, "D", "lớn hơn Hồ sơ tiếp nhận (10)"),
                (4, "D", "đơn vị này không báo số liệu này"),
                (5, "C", "«Số cây xanh» không phải giá trị"),
                (6, "D", "\"mười\" không phải số nguyên"),
            ],
        ),
        (
            ImportKind::Initiatives,
            "initiatives-bad-utf8.csv",
            vec![(2, "", "không phải văn bản UTF-8")],
        ),
        (
            ImportKind::Initiatives,
            "initiatives-missing-column.csv",
            vec![(1, "", "Thiếu cột «Tên sáng kiến»")],
        ),
    ];
    for (kind, file, expected) in cases {
        let before = state(&store);
        let p = plan(&store, kind, &fixture(file), Lang::Vi);
        let got = errors(&p);
        assert_eq!(got.len(), expected.len(), "{file}: {got:#?}");
        for ((row, letter, reason), (er, el, piece)) in got.iter().zip(&expected) {
            assert_eq!((*row, letter.as_str()), (*er, *el), "{file}: {reason}");
            assert!(
                reason.contains(piece),
                "{file} row {row}: {reason:?} lacks {piece:?}"
            );
        }
        assert!(
            !p.has_changes(),
            "{file}: a plan with errors holds no writes"
        );
        assert!(import::apply(&mut store, &p, Lang::Vi, stamp(NOW)).is_err());
        assert_eq!(state(&store), before, "{file}: nothing written");
    }
}

#[test]
fn csv_variants_from_sheets_and_excel_import_alike() {
    let t = TempStore::new();
    let store = t.open(NOW);
    let dir = tempfile::TempDir::new().expect("dir");
    let base = "Đơn vị,Tên sáng kiến,Ngày đăng ký,Nội dung đăng ký\n\
                P. Tân Quý,\"Một, hai \"\"ba\"\"\",7/5/2022,\"dòng 1\ndòng 2\"\n\
                Phòng Tư pháp,Bốn,2022-05-03,\n";
    let variants = [
        base.to_string(),
        format!("\u{FEFF}{base}"),
        base.replace('\n', "\r\n"),
        base.replace(",\"Một, hai", ";\"Một, hai")
            .replace(
                "Đơn vị,Tên sáng kiến,Ngày đăng ký,Nội dung đăng ký",
                "Đơn vị;Tên sáng kiến;Ngày đăng ký;Nội dung đăng ký",
            )
            .replace(
                "hai \"\"ba\"\"\",7/5/2022,\"dòng",
                "hai \"\"ba\"\"\";7/5/2022;\"dòng",
            )
            .replace(
                "Phòng Tư pháp,Bốn,2022-05-03,",
                "Phòng Tư pháp;Bốn;2022-05-03;",
            ),
        // Headers as someone typed them: capitals, no diacritics, a stray space.
        base.replace(
            "Đơn vị,Tên sáng kiến,Ngày đăng ký,Nội dung đăng ký",
            "DON VI, ten sang kien ,NGÀY ĐĂNG KÝ,Noi dung dang ky",
        ),
    ];
    let mut first: Option<Vec<String>> = None;
    for (i, text) in variants.iter().enumerate() {
        let path = dir.path().join(format!("v{i}.csv"));
        std::fs::write(&path, text).expect("write");
        let p = plan(&store, ImportKind::Initiatives, &path, Lang::Vi);
        assert!(p.is_clean(), "variant {i}: {:#?}", p.errors);
        let labels: Vec<String> = p.items.iter().map(|it| it.label.clone()).collect();
        assert_eq!(labels.len(), 2, "variant {i}");
        assert!(
            labels[0].ends_with("Một, hai \"ba\""),
            "variant {i}: {labels:?}"
        );
        match &first {
            None => first = Some(labels),
            Some(f) => assert_eq!(&labels, f, "variant {i}"),
        }
    }
}

#[test]
fn ten_thousand_rows_import_whole_and_a_second_time_add_nothing() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let dir = tempfile::TempDir::new().expect("dir");
    let units: Vec<String> = store
        .load_board()
        .expect("board")
        .units
        .iter()
        .map(|u| u.name.clone())
        .collect();
    let mut text = String::from("Dấu thời gian,Đơn vị,Tên sáng kiến,Lĩnh vực,Nội dung đăng ký\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "{:02}/04/2022 08:{:02}:00,\"{}\",Sáng kiến số {i},Lĩnh vực {},\"Nội dung {i}, có dấu phẩy\"\n",
            1 + i % 28,
            i % 60,
            units[i % units.len()],
            i % 7
        ));
    }
    let path = dir.path().join("big.csv");
    std::fs::write(&path, &text).expect("write");
    let p = import_ok(&mut store, ImportKind::Initiatives, &path);
    assert_eq!(p.count(Outcome::Add), 10_000);
    assert_eq!(store.initiatives().expect("list").len(), 10_000);
    let again = plan(&store, ImportKind::Initiatives, &path, Lang::Vi);
    assert!(!again.has_changes());
    assert_eq!(again.count(Outcome::Unchanged), 10_000);
    // One bad row among them: nothing of the file goes in.
    let broken = text
        .replacen("Sáng kiến số 5000,", "Sáng kiến số 5000x,", 1)
        .replacen("/04/2022 08:20:00", "/13/2022 08:20:00", 1);
    std::fs::write(&path, broken.replace("Sáng kiến số", "Bản mới")).expect("write");
    let p = plan(&store, ImportKind::Initiatives, &path, Lang::Vi);
    assert_eq!(p.errors.len(), 1, "{:#?}", p.errors);
    assert_eq!(p.errors[0].row, 22);
    assert!(!p.has_changes());
}

/// Export a demo store to CSV, import its units, initiatives, registrations and figures into a
/// fresh store, export that: the same tables (less what the sheets do not carry: the
/// initiative number and the replication flag).
#[test]
fn export_then_import_gives_the_same_tables() {
    for lang in [Lang::Vi, Lang::En] {
        let t = TempStore::new();
        let source = demo_store(&t);
        let out = tempfile::TempDir::new().expect("dir");
        let now = read_datetime("2022-05-31T20:00:00+07:00").expect("now");
        let s = strings(lang);
        let board = source.load_board().expect("board");
        let src = export::Source {
            store: &source,
            board: &board,
            now,
            s,
        };
        let tables = export::gather(src).expect("gather");
        export::write(src, export::Format::Csv, out.path(), false).expect("export");

        let t2 = TempStore::new();
        let mut target = t2.open(NOW);
        for (kind, file) in [
            (ImportKind::Units, "units.csv"),
            (ImportKind::Initiatives, "initiatives.csv"),
            (ImportKind::Registrations, "registrations.csv"),
            (ImportKind::Figures, "saturday_figures.csv"),
        ] {
            let p = plan(&target, kind, &out.path().join(file), lang);
            assert!(
                p.is_clean(),
                "{lang:?} {file}: {:#?}",
                &p.errors[..p.errors.len().min(5)]
            );
            import::apply(&mut target, &p, lang, stamp(NOW)).expect("apply");
        }
        let again = {
            let board = target.load_board().expect("board");
            export::gather(export::Source {
                store: &target,
                board: &board,
                now,
                s,
            })
            .expect("gather")
        };
        for key in ["units", "initiatives", "registrations", "saturday_figures"] {
            let a = tables.iter().find(|t| t.key == key).expect("table");
            let b = again.iter().find(|t| t.key == key).expect("table");
            let keep = |t: &export::Table| -> Vec<Vec<String>> {
                t.rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .enumerate()
                            // Initiatives: 0 is the store's number; 14 and 15 (replicated,
                            // by whom) are not imported.
                            .filter(|(i, _)| key != "initiatives" || (*i != 0 && *i < 14))
                            .map(|(_, v)| format!("{v:?}"))
                            .collect()
                    })
                    .collect()
            };
            assert!(!a.rows.is_empty(), "{key}: the demo has rows");
            let (ka, kb) = (keep(a), keep(b));
            assert_eq!(ka.len(), kb.len(), "{lang:?} {key}: row count");
            for (i, (ra, rb)) in ka.iter().zip(&kb).enumerate() {
                assert_eq!(ra, rb, "{lang:?} {key}: row {i}");
            }
        }
    }
}

fn xungkich(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .arg("--db")
        .arg(db)
        .args(["--now", "2022-05-07T20:00"])
        .args(args)
        .output()
        .expect("run xungkich")
}

#[test]
fn the_cli_previews_refuses_with_exit_2_and_dry_runs_write_nothing() {
    let t = TempStore::new();
    drop(t.open(NOW));
    let valid = fixture("initiatives-valid.csv");
    let broken = fixture("initiatives-broken.csv");
    let valid = valid.to_str().expect("utf-8 path");
    let broken = broken.to_str().expect("utf-8 path");

    let out = xungkich(&t.path, &["import", "initiatives", valid, "--dry-run"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("thêm 3"), "{text}");
    assert!(text.contains("--dry-run"), "{text}");
    let store = t.open(NOW);
    assert!(
        store.initiatives().expect("list").is_empty(),
        "dry run wrote nothing"
    );
    drop(store);

    let out = xungkich(&t.path, &["import", "initiatives", broken]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("dòng 3, cột C «Ngày đăng ký»"), "{text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Không nhập gì"));

    let out = xungkich(&t.path, &["import", "initiatives", valid]);
    assert!(out.status.success(), "{out:?}");
    let out = xungkich(&t.path, &["import", "initiatives", valid]);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Không có gì mới"));
    assert_eq!(t.open(NOW).initiatives().expect("list").len(), 3);

    let out = xungkich(
        &t.path,
        &[
            "import",
            "figures",
            fixture("figures-wide.csv").to_str().expect("path"),
            "--day",
            "14/05/2022",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("07/05/2022"));

    let out = xungkich(&t.path, &["import", "units", "/nonexistent/units.csv"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("/nonexistent/units.csv"));
}

/// The README's header map is the one the code uses (`UPDATE_README=1 cargo test --test
/// import` rewrites it).
#[test]
fn the_readme_header_map_is_the_codes() {
    const START: &str = "<!-- header-map:start -->";
    const END: &str = "<!-- header-map:end -->";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README");
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README lacks the {START} … {END} block");
    };
    let block = &readme[a + START.len()..b];
    let expected = xungkich::domain::import::header_map_markdown();
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{expected}{}", &readme[..a + START.len()], &readme[b..]);
        std::fs::write(&path, updated).expect("write README");
        return;
    }
    assert_eq!(
        block, expected,
        "run UPDATE_README=1 cargo test --test import"
    );
}
