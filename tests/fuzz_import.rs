//! Hostile input for the CSV import (issue 7): arbitrary bytes and arbitrary sheets give a
//! plan or a list of errors, never a panic; a clean plan writes, and the same file planned
//! again changes nothing. Also the sheet-cell parsers (dates, date-times, header keys) and
//! the unit matcher. The regression corpus in `tests/corpus-import/<kind>/` is replayed:
//! `accepted*` must plan clean, `refused*` must be refused, others must only not panic.
//!
//! `PROPTEST_CASES=2000 cargo test --release --test fuzz_import` runs a longer search.

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::Config;

use xungkich::domain::import::{ImportKind, columns};
use xungkich::domain::sheet::key;
use xungkich::domain::time::{read_date, read_datetime};
use xungkich::domain::unit_match::UnitMatcher;
use xungkich::i18n::Lang;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::io::import::{self, Context, Plan};
use xungkich::store::Store;

// After the Saturday: a file of registrations dated before it is not from the future.
const NOW: &str = "2022-05-07T20:00:00+07:00";

fn config(cases: u32) -> Config {
    let asked = std::env::var("PROPTEST_CASES").ok();
    Config {
        cases: asked.and_then(|n| n.trim().parse().ok()).unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

fn fresh() -> Store {
    Store::open_in_memory(SHIPPED_SEED, read_datetime(NOW).expect("instant")).expect("store")
}

thread_local! {
    /// One seeded store for the properties that only read (plans never write).
    static SHARED: Store = fresh();
}

fn with_shared<T>(f: impl FnOnce(&Store) -> T) -> T {
    SHARED.with(f)
}

fn plan(store: &Store, bytes: &[u8], kind: ImportKind) -> Plan {
    let board = store.load_board().expect("board");
    let now = chrono::DateTime::parse_from_rfc3339(NOW).expect("now");
    let ctx = Context {
        store,
        board: &board,
        now,
        lang: Lang::Vi,
        default_day: import::upcoming_day(&board.volunteer_days, now),
    };
    import::plan_bytes(bytes, "fuzz.csv", kind, &ctx)
}

fn kind() -> impl Strategy<Value = ImportKind> {
    prop::sample::select(ImportKind::ALL.to_vec())
}

/// Cells as sheets hold them: real unit names and near misses, dates good and bad, numbers
/// with letters, text with quotes, commas, line breaks and controls.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "UBND phường Tân Quý",
            "P. Sơn Kỳ",
            "tan son nhi",
            "Phường Tân Son Nhứ",
            "Chi cục Thuế quận",
            "cd-vpdkdd",
            "p-hiep-tan",
            "Thuế",
            "07/05/2022",
            "31/02/2022",
            "2022-05-07 14:30:00",
            "7/5/22",
            "5/5/2022 4:30 PM",
            "12",
            "1.200",
            "12a",
            "-3",
            "1000001",
            "Đề xuất khen thưởng",
            "UBND Thành phố",
            "Mô hình",
            "Tư vấn pháp luật, Khác",
            "Hồ sơ tiếp nhận",
            "Hồ sơ giải quyết",
            "0903.123.456",
            "tt-moi",
            "Đơn vị sự nghiệp",
            "",
            "  ",
        ])
        .prop_map(str::to_string),
        "[ -~àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ\"',;\n\t\u{1b}]{0,40}",
    ]
}

/// A header: mostly one of `kind`'s own (in any case, without diacritics), else another
/// import's, or junk.
fn header(kind: ImportKind) -> impl Strategy<Value = String> {
    let own: Vec<String> = columns(kind)
        .iter()
        .flat_map(|spec| spec.vi.iter().chain(spec.en).map(|h| h.to_string()))
        .collect();
    let mut any: Vec<String> = Vec::new();
    for k in ImportKind::ALL {
        for spec in columns(k) {
            any.extend(spec.vi.iter().chain(spec.en).map(|h| h.to_string()));
        }
    }
    prop_oneof![
        6 => prop::sample::select(own),
        2 => prop::sample::select(any),
        1 => "[A-Za-zĐđ ]{0,12}",
    ]
    .prop_flat_map(|h| prop_oneof![Just(h.clone()), Just(h.to_uppercase()), Just(key(&h)),])
}

/// A sheet as Sheets or Excel write it: any delimiter, a BOM or not, CRLF or LF.
fn write_csv(
    headers: &[String],
    rows: &[Vec<String>],
    delimiter: u8,
    bom: bool,
    crlf: bool,
) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    w.write_record(headers).expect("header");
    for r in rows {
        w.write_record(r).expect("row");
    }
    let body = w.into_inner().expect("csv");
    if bom {
        [b"\xEF\xBB\xBF".as_slice(), &body].concat()
    } else {
        body
    }
}

/// A whole sheet written as Sheets or Excel would: any delimiter, BOM or not, CRLF or LF.
fn sheet(kind: ImportKind) -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(header(kind), 1..6),
        prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..12),
        prop::sample::select(vec![b',', b';', b'\t']),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(headers, rows, delimiter, bom, crlf)| {
            write_csv(&headers, &rows, delimiter, bom, crlf)
        })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_plan_or_refuse(bytes in prop::collection::vec(any::<u8>(), 0..2048), k in kind()) {
        let p = with_shared(|store| plan(store, &bytes, k));
        // A refused plan says where and why; it never carries writes.
        if !p.is_clean() {
            prop_assert!(!p.has_changes());
            prop_assert!(p.errors.iter().all(|e| !e.reason.is_empty()));
        }
    }

    #[test]
    fn arbitrary_text_with_a_real_header_plans_or_refuses(
        text in "[ -~\n\r\"àâđĐơư]{0,400}",
        k in kind(),
    ) {
        let head = columns(k).iter().map(|c| c.vi[0]).collect::<Vec<_>>().join(",");
        let _ = with_shared(|store| plan(store, format!("{head}\n{text}").as_bytes(), k));
    }

    #[test]
    fn sheets_plan_and_a_clean_one_writes_once(
        (k, bytes) in kind().prop_flat_map(|k| (Just(k), sheet(k))),
    ) {
        let p = with_shared(|store| plan(store, &bytes, k));
        if p.is_clean() && p.has_changes() {
            // Only a plan that writes needs a store of its own.
            let mut store = fresh();
            let p = plan(&store, &bytes, k);
            import::apply(&mut store, &p, Lang::Vi, read_datetime(NOW).expect("instant")).expect("a clean plan writes");
            let again = plan(&store, &bytes, k);
            prop_assert!(again.is_clean(), "{:?}", again.errors);
            prop_assert!(!again.has_changes(), "a second import changed {:?}", again.items);
        }
    }
}

/// Free text as people type it into a cell: Vietnamese, quotes, commas, semicolons, line
/// breaks — never empty after trimming.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ỹ0-9][ A-Za-zÀ-ỹ0-9\"',;\n.()-]{0,30}"
        .prop_map(|t| t.trim().to_string())
        .prop_filter("not blank", |t| !t.is_empty())
}

/// A date inside the shipped campaign (2022), written in one of the forms sheets use.
fn campaign_date() -> impl Strategy<Value = String> {
    (0i64..200, 0usize..4, 0u32..24, 0u32..60).prop_map(|(day, form, h, m)| {
        let d = NaiveDate::from_ymd_opt(2022, 4, 15).expect("d") + chrono::Duration::days(day);
        match form {
            0 => d.format("%d/%m/%Y").to_string(),
            1 => d.format("%-d/%-m/%Y").to_string(),
            2 => d.format("%Y-%m-%d").to_string(),
            _ => format!("{} {h}:{m:02}:00", d.format("%d/%m/%Y")),
        }
    })
}

/// How a unit is written: full name, code, short name, bare ward name, no diacritics.
fn unit_ref(u: &xungkich::domain::unit::Unit, how: usize) -> String {
    match how % 4 {
        0 => u.name.clone(),
        1 => u.code.clone(),
        2 => u.short_name(),
        _ => key(&u.name),
    }
}

/// A valid sheet of `kind`: distinct units (or titles), values within the rules, written
/// with any delimiter, BOM, line ending and header spelling.
fn valid_sheet(kind: ImportKind) -> impl Strategy<Value = Vec<u8>> {
    let board = with_shared(|store| store.load_board().expect("board"));
    // A Saturday's rows are for the units that owe it (the wards and the youth bases).
    let owing: Vec<usize> = match board.volunteer_days.first() {
        Some(d) => (0..board.units.len())
            .filter(|&i| board.owes_day(&board.units[i], d.id))
            .collect(),
        None => (0..board.units.len()).collect(),
    };
    let all: Vec<usize> = (0..board.units.len()).collect();
    let units = board.units;
    let pool = match kind {
        ImportKind::Registrations | ImportKind::Figures => owing,
        ImportKind::Units | ImportKind::Initiatives => all,
    };
    (
        prop::sample::subsequence(pool, 1..8),
        prop::collection::vec(
            (0usize..4, text(), campaign_date(), 0i64..2000, 0i64..2000),
            8,
        ),
        prop::sample::select(vec![b',', b';', b'\t']),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            move |(picked, cells, delimiter, bom, crlf, plain_headers)| {
                let h = |t: &str| if plain_headers { key(t) } else { t.to_string() };
                let mut rows: Vec<Vec<String>> = Vec::new();
                let headers: Vec<String> = match kind {
                    ImportKind::Units => vec![h("Mã"), h("Người liên hệ"), h("Điện thoại")],
                    ImportKind::Initiatives => {
                        vec![
                            h("Đơn vị"),
                            h("Tên sáng kiến"),
                            h("Ngày đăng ký"),
                            h("Nội dung đăng ký"),
                        ]
                    }
                    ImportKind::Registrations => {
                        vec![
                            h("Đơn vị"),
                            h("Số đoàn viên tham gia"),
                            h("Dấu thời gian"),
                            h("Địa điểm"),
                            h("Nội dung đăng ký"),
                        ]
                    }
                    ImportKind::Figures => {
                        vec![
                            h("Đơn vị"),
                            h("Đoàn viên tham gia"),
                            h("Hồ sơ tiếp nhận"),
                            h("Hồ sơ giải quyết"),
                        ]
                    }
                };
                for (i, &ui) in picked.iter().enumerate() {
                    let u = &units[ui];
                    let (how, t, date, a, b) = &cells[i];
                    rows.push(match kind {
                        ImportKind::Units => {
                            vec![u.code.clone(), t.clone(), format!("09{:08}", a * 7 + b)]
                        }
                        ImportKind::Initiatives => {
                            vec![
                                unit_ref(u, *how),
                                format!("{t} {i}"),
                                date.clone(),
                                t.clone(),
                            ]
                        }
                        // Registered before now (a registration cannot come from the
                        // future), with what the unit will do.
                        ImportKind::Registrations => vec![
                            unit_ref(u, *how),
                            a.to_string(),
                            format!("{}/04/2022", 15 + a % 15),
                            t.clone(),
                            format!("{t} {i}"),
                        ],
                        ImportKind::Figures => vec![
                            unit_ref(u, *how),
                            a.to_string(),
                            a.max(b).to_string(),
                            a.min(b).to_string(),
                        ],
                    });
                }
                write_csv(&headers, &rows, delimiter, bom, crlf)
            },
        )
}

proptest! {
    #![proptest_config(config(128))]

    /// Any valid sheet, however written, plans clean, writes, and then changes nothing.
    #[test]
    fn valid_sheets_import_once((k, bytes) in kind().prop_flat_map(|k| (Just(k), valid_sheet(k)))) {
        let mut store = fresh();
        let p = plan(&store, &bytes, k);
        prop_assert!(p.is_clean(), "{:?}\n{}", p.errors, String::from_utf8_lossy(&bytes));
        prop_assert!(p.has_changes());
        import::apply(&mut store, &p, Lang::Vi, read_datetime(NOW).expect("instant")).expect("writes");
        let again = plan(&store, &bytes, k);
        prop_assert!(again.is_clean(), "{:?}", again.errors);
        prop_assert!(!again.has_changes(), "a second import changed {:?}", again.items);
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn cell_parsers_never_panic(text in "\\PC{0,40}") {
        let _ = read_date(&text);
        let _ = read_datetime(&text);
        let k = key(&text);
        prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
    }

    #[test]
    fn written_dates_read_back(days in 0i64..3_000_000, form in 0usize..4) {
        let d = NaiveDate::from_ymd_opt(1, 1, 1).expect("d") + chrono::Duration::days(days);
        prop_assume!(d.year_ce().1 <= 9999);
        let text = match form {
            0 => d.format("%d/%m/%Y").to_string(),
            1 => d.format("%-d/%-m/%Y").to_string(),
            2 => d.format("%Y-%m-%d").to_string(),
            _ => d.format("%d/%m/%Y 13:45:00").to_string(),
        };
        // Years before 1000 have fewer than four digits when written: not a sheet's date.
        prop_assume!(d.format("%Y").to_string().len() == 4);
        prop_assert_eq!(read_date(&text), Ok(d));
    }

    #[test]
    fn the_unit_matcher_never_panics(text in "\\PC{0,40}") {
        let units = with_shared(|store| store.load_board().expect("board").units);
        let _ = UnitMatcher::new(&units).find(&text);
    }
}

use chrono::Datelike;

#[test]
fn every_unit_is_found_by_its_name_and_code() {
    let board = fresh().load_board().expect("board");
    let m = UnitMatcher::new(&board.units);
    for u in &board.units {
        assert_eq!(m.find(&u.name), Ok(u.id), "{}", u.name);
        assert_eq!(m.find(&u.code), Ok(u.id), "{}", u.code);
        assert_eq!(
            m.find(&key(&u.name)),
            Ok(u.id),
            "{} without diacritics",
            u.name
        );
    }
}

#[test]
fn corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-import");
    let mut replayed = 0;
    for kind in ImportKind::ALL {
        let dir = root.join(kind.code());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).expect("corpus file");
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let store = fresh();
            let p = plan(&store, &bytes, kind);
            if name.starts_with("accepted") {
                assert!(p.is_clean(), "{}: {:#?}", file.display(), p.errors);
            } else if name.starts_with("refused") {
                assert!(!p.is_clean(), "{}: accepted", file.display());
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 8, "only {replayed} corpus files");
}
