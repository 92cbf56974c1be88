//! `xungkich export` (CSV, JSON, XLSX) and key `x`.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use support::{TempStore, demo_store, key, press, stamp};
use xungkich::app::StatusKind;
use xungkich::domain::change::ChangeSummary;
use xungkich::domain::initiative::{FieldRef, InitiativeKind, Valid};
use xungkich::i18n::Lang;
use xungkich::store::Store;

const NOW: &str = "2022-05-07T14:00";
const HOSTILE: &str = "=HYPERLINK(\"x\")";

/// A demo store with one initiative whose title a spreadsheet would run as a formula.
fn hostile_store(t: &TempStore) -> Store {
    let mut store = demo_store(t);
    let unit = store.load_board().expect("board").units[0].id;
    let v = Valid {
        kind: InitiativeKind::Solution,
        title: HOSTILE.into(),
        unit_id: unit,
        field: FieldRef::New("Chuyển đổi số".into()),
        summary: String::new(),
        expected_effect: "Giảm 30% thời gian chờ\nở bộ phận một cửa".into(),
        registered_on: NaiveDate::from_ymd_opt(2022, 5, 3).expect("date"),
        evaluation_notes: "Phòng Nội vụ: dễ nhân rộng".into(),
        score: Some(85.5),
    };
    store
        .add_initiative(
            &v,
            stamp("2022-05-03T09:00:00+07:00"),
            &ChangeSummary::AddInitiative {
                title: v.title.clone(),
                unit: "test".into(),
            },
        )
        .expect("add");
    store
}

fn export(t: &TempStore, lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .arg("--db")
        .arg(&t.path)
        .args(["--now", NOW, "--lang", lang, "export"])
        .args(args)
        .output()
        .expect("run xungkich")
}

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const TABLES: [&str; 10] = [
    "units",
    "requirements",
    "checklist",
    "initiatives",
    "registrations",
    "quick_reports",
    "saturday_figures",
    "kpis",
    "kpi_measurements",
    "agenda",
];

#[test]
fn csv_writes_every_table_with_bom_crlf_and_neutralised_formulas() {
    let t = TempStore::new();
    let store = hostile_store(&t);
    let unit_name = store.load_board().expect("board").units[0].name.clone();
    drop(store);
    let out = t.dir.path().join("csv");
    let o = export(&t, "vi", &["--format", "csv", "--out", path_arg(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for table in TABLES {
        let bytes = std::fs::read(out.join(format!("{table}.csv"))).expect(table);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{table}: BOM");
        assert!(bytes.windows(2).any(|w| w == b"\r\n"), "{table}: CRLF");
    }
    let units = std::fs::read(out.join("units.csv")).expect("units");
    let mut r = csv::Reader::from_reader(&units[3..]);
    let headers = r.headers().expect("headers").clone();
    assert_eq!(&headers[1], "Tên đơn vị");
    let names: Vec<String> = r
        .records()
        .map(|rec| rec.expect("record")[1].to_string())
        .collect();
    assert!(names.contains(&unit_name), "{unit_name} round-trips");
    assert!(!unit_name.is_ascii(), "has diacritics");

    let ini = std::fs::read(out.join("initiatives.csv")).expect("initiatives");
    let mut r = csv::Reader::from_reader(&ini[3..]);
    let titles: Vec<String> = r
        .records()
        .map(|rec| rec.expect("record")[4].to_string())
        .collect();
    assert!(titles.contains(&format!("'{HOSTILE}")), "{titles:?}");
    assert!(!titles.contains(&HOSTILE.to_string()));
}

#[test]
fn json_counts_match_the_store_at_the_clock_and_keep_exact_text() {
    let t = TempStore::new();
    let store = hostile_store(&t);
    let board = store.load_board().expect("board");
    // Initiatives registered by the clock: the demo's later ones are not there yet.
    let initiatives = store
        .initiatives_as_of(stamp(NOW))
        .expect("initiatives")
        .len();
    assert!(initiatives < store.initiatives().expect("all").len());
    let kpis = store.kpis().expect("kpis").len();
    let agenda = store.agenda().expect("agenda").len();
    let measurements = store.measurements().expect("m").len();
    // The Saturdays' rows as known at NOW: the demo's later reports and figures are not yet.
    let now = stamp(NOW);
    let mut figures = 0;
    let mut registrations = 0;
    let mut reports = 0;
    let mut later = 0;
    for d in &board.volunteer_days {
        let f = store.figures(d.id).expect("f");
        figures += f.iter().filter(|f| f.updated_at <= now).count();
        let r = store.registrations(d.id).expect("r");
        registrations += r.iter().filter(|r| r.registered_at <= now).count();
        let q = store.reports(d.id).expect("q");
        reports += q.iter().filter(|q| q.received_at <= now).count();
        later += f.iter().filter(|f| f.updated_at > now).count();
        later += q.iter().filter(|q| q.received_at > now).count();
    }
    assert!(later > 0, "the demo has records after {NOW}");
    drop(store);
    let out = t.dir.path().join("all.json");
    let o = export(&t, "en", &["--format", "json", "--out", path_arg(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("json")).expect("parses");
    let len = |k: &str| doc[k].as_array().map_or(usize::MAX, Vec::len);
    assert_eq!(len("units"), board.units.len());
    assert_eq!(len("requirements"), board.requirements.len());
    assert_eq!(
        len("checklist"),
        board.units.len() * board.requirements.len()
    );
    assert_eq!(len("initiatives"), initiatives);
    assert_eq!(len("registrations"), registrations);
    assert_eq!(len("quick_reports"), reports);
    assert_eq!(len("saturday_figures"), figures);
    assert_eq!(len("kpis"), kpis);
    assert_eq!(len("kpi_measurements"), measurements);
    assert_eq!(len("agenda"), agenda);
    assert!(figures > 0 && reports > 0 && initiatives > 1);
    let titles: Vec<&str> = doc["initiatives"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|i| i["Title"].as_str())
        .collect();
    assert!(titles.contains(&HOSTILE), "exact text kept");
}

#[test]
fn an_existing_file_is_refused_without_force() {
    let t = TempStore::new();
    drop(demo_store(&t));
    let out = t.dir.path().join("all.json");
    std::fs::write(&out, "keep me").expect("existing");
    let o = export(&t, "vi", &["--format", "json", "--out", path_arg(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "keep me");
    let xlsx = t.dir.path().join("a.xlsx");
    std::fs::write(&xlsx, "keep me").expect("existing");
    let o = export(&t, "vi", &["--format", "xlsx", "--out", path_arg(&xlsx)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&xlsx).expect("kept"), "keep me");
    let o = export(
        &t,
        "vi",
        &["--format", "json", "--out", path_arg(&out), "--force"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read_to_string(&out)
            .expect("json")
            .starts_with('{')
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(t.dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Makes sure `python3` can import openpyxl; false when there is no python3 at all.
fn openpyxl() -> bool {
    let has = |args: &[&str]| {
        Command::new("python3")
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has(&["--version"]) {
        return false;
    }
    if !has(&["-c", "import openpyxl"]) {
        let _ = has(&["-m", "pip", "install", "--quiet", "openpyxl"])
            || has(&[
                "-m",
                "pip",
                "install",
                "--quiet",
                "--user",
                "--break-system-packages",
                "openpyxl",
            ]);
    }
    assert!(
        has(&["-c", "import openpyxl"]),
        "python3 is here but openpyxl could not be installed (python3 -m pip install openpyxl)"
    );
    true
}

/// The hostile store, plus what an initiative can hold beyond its title: an expected
/// effect, evaluation notes, and two units replicating it since 5 May.
fn full_store(t: &TempStore) -> (Store, i64) {
    let mut store = hostile_store(t);
    let board = store.load_board().expect("board");
    let id = store
        .initiatives()
        .expect("initiatives")
        .iter()
        .find(|i| i.title == HOSTILE)
        .expect("hostile")
        .id;
    let units = [board.units[1].id, board.units[2].id];
    let at = stamp("2022-05-05T10:00:00+07:00");
    store
        .set_replications(
            id,
            &units,
            NaiveDate::from_ymd_opt(2022, 5, 5).expect("date"),
            at,
            &ChangeSummary::Replications {
                title: HOSTILE.into(),
                units: 2,
            },
        )
        .expect("replicate");
    let detail = store.initiative_detail(id).expect("detail");
    assert_eq!(detail.replications.len(), 2);
    (store, id)
}

/// What the workbook must say, worked out from the store without the export's code.
fn expectations(store: &Store, lang: Lang, id: i64) -> serde_json::Value {
    use xungkich::domain::figures::Metric;
    use xungkich::domain::initiative::{CommendationLevel, Stage};
    let s = xungkich::i18n::strings(lang);
    let board = store.load_board().expect("board");
    let now = stamp(NOW);
    let day = &board.volunteer_days[0];
    let figures: Vec<_> = store
        .figures(day.id)
        .expect("figures")
        .into_iter()
        .filter(|f| f.updated_at <= now)
        .collect();
    let mut recorded: Vec<i64> = figures.iter().map(|f| f.unit_id).collect();
    recorded.extend(
        store
            .registrations(day.id)
            .expect("registrations")
            .iter()
            .filter(|r| r.registered_at <= now)
            .map(|r| r.unit_id),
    );
    recorded.extend(
        store
            .reports(day.id)
            .expect("reports")
            .iter()
            .filter(|r| r.received_at <= now)
            .map(|r| r.unit_id),
    );
    let grid_units: Vec<&str> = board
        .units
        .iter()
        .filter(|u| board.owes_day(u, day.id) || recorded.contains(&u.id))
        .map(|u| u.code.as_str())
        .collect();
    let total = |m: Metric| -> i64 {
        figures
            .iter()
            .filter(|f| f.metric == m)
            .map(|f| f.value)
            .sum()
    };
    let mut grid_header = vec![s.ex_h_grid_code, s.ex_h_grid_name];
    grid_header.extend(Metric::ALL.map(|m| s.metric(m)));
    let h: Vec<&str> = s.ex_h_initiatives.split('|').collect();
    let activities = store.activities().expect("activities");
    let detail = store.initiative_detail(id).expect("detail");
    let replicating: Vec<String> = detail
        .replications
        .iter()
        .map(|(u, _)| s.ex_replicating(board.unit_name(*u), "05/05/2022"))
        .collect();
    let progress: Vec<serde_json::Value> = xungkich::model::overview::progress(&board, now)
        .iter()
        .map(|p| {
            serde_json::json!({
                "title": board.requirements[p.requirement].title,
                "applicable": p.applicable,
                "done": p.done,
                "missing": p.missing.len(),
                "overdue": p.overdue.len(),
            })
        })
        .collect();
    let kpis: Vec<serde_json::Value> = xungkich::model::kpi::compute(&board, store, now)
        .expect("kpis")
        .iter()
        .map(|l| serde_json::json!({"name": l.kpi.name, "value": l.value}))
        .collect();
    let tables = [
        s.ex_t_units,
        s.ex_t_requirements,
        s.ex_t_checklist,
        s.ex_t_initiatives,
        s.ex_t_registrations,
        s.ex_t_reports,
        s.ex_t_figures,
        s.ex_t_kpis,
        s.ex_t_measurements,
        s.ex_t_agenda,
    ];
    let grid_sheet = s.ex_grid_sheet("07-05-2022");
    let mut sheets = vec![s.ex_summary.to_string()];
    sheets.extend(tables[..7].iter().map(|t| t.to_string()));
    sheets.push(grid_sheet.clone());
    sheets.extend(tables[7..].iter().map(|t| t.to_string()));
    serde_json::json!({
        "sheets": sheets,
        "tables": tables,
        "t_registrations": s.ex_t_registrations,
        "t_checklist": s.ex_t_checklist,
        "t_initiatives": s.ex_t_initiatives,
        "h_activities": s.ex_h_registrations.split('|').nth(3),
        "h_requirement": s.ex_h_checklist.split('|').nth(2),
        "activity_names": activities.iter().map(|a| &a.1).collect::<Vec<_>>(),
        "activity_codes": activities.iter().map(|a| &a.0).collect::<Vec<_>>(),
        "requirement_titles": board.requirements.iter().map(|r| &r.title).collect::<Vec<_>>(),
        "requirement_codes": board.requirements.iter().map(|r| &r.code).collect::<Vec<_>>(),
        "words": {
            h[3]: InitiativeKind::ALL.map(|k| s.initiative_kind(k)),
            h[7]: Stage::ALL.map(|st| s.stage(st)),
            h[9]: CommendationLevel::ALL.map(|l| s.level(l)),
        },
        "h_initiatives": h,
        "h_title": h[4],
        "h_registered": h[6],
        "h_effect": h[12],
        "h_notes": h[13],
        "h_replicating": h[15],
        "replicated_title": format!("'{HOSTILE}"),
        "effect": detail.expected_effect,
        "notes": detail.evaluation_notes,
        "replicating": replicating.join("; "),
        "hostile": HOSTILE,
        "grid_sheet": grid_sheet,
        "grid_header": grid_header,
        "grid_units": grid_units,
        "grid_totals": Metric::ALL.map(total),
        "total_word": s.ex_grid_total,
        "land_resolved_col": Metric::ALL.iter().position(|m| *m == Metric::LandResolved),
        "campaign_title": board.campaign.title,
        "progress": progress,
        "kpis": kpis,
        "day_totals": Metric::ALL.map(|m| (s.metric(m), total(m))),
    })
}

#[test]
fn the_workbook_reads_back_in_openpyxl_sheet_by_sheet() {
    for (lang, code) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let t = TempStore::new();
        let (store, id) = full_store(&t);
        let expect = expectations(&store, lang, id);
        drop(store);
        let out = t.dir.path().join("x.xlsx");
        let o = export(&t, code, &["--format", "xlsx", "--out", path_arg(&out)]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        if !openpyxl() {
            eprintln!("SKIPPED: python3 is not installed; the XLSX was not read back");
            return;
        }
        let expect_path = t.dir.path().join("expect.json");
        std::fs::write(&expect_path, expect.to_string()).expect("write");
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/support/check_workbook.py"
        );
        let o = Command::new("python3")
            .args([script, path_arg(&out), path_arg(&expect_path)])
            .output()
            .expect("python3");
        assert!(
            o.status.success(),
            "{code}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn pressing_x_writes_the_workbook_beside_the_store() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut app = support::app(&store, "2022-05-07T14:00:00+07:00", Lang::Vi);
    press(&mut app, &mut store, &[key(KeyCode::Char('x'))]);
    let path = t
        .dir
        .path()
        .join("exports")
        .join("xungkich-20220507-1400.xlsx");
    let status = app.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
    assert_eq!(
        status.text,
        format!("Đã xuất bảng tính: {}", path.display())
    );
    let bytes = std::fs::read(&path).expect("workbook");
    assert!(bytes.starts_with(b"PK"), "a zip (xlsx)");
}

#[test]
fn pressing_x_reports_a_write_failure_in_the_status_line_and_leaves_nothing() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    // A file where the exports folder should be: the folder cannot be made.
    let blocker = t.dir.path().join("exports");
    std::fs::write(&blocker, b"not a folder").expect("blocker");
    let mut app = support::app(&store, "2022-05-07T14:00:00+07:00", Lang::En);
    press(&mut app, &mut store, &[key(KeyCode::Char('x'))]);
    let status = app.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Error, "{}", status.text);
    assert!(
        status.text.starts_with("Could not export the spreadsheet:"),
        "{}",
        status.text
    );
    assert_eq!(
        std::fs::read(&blocker).expect("blocker"),
        b"not a folder",
        "nothing written over it"
    );
    let leftovers: Vec<_> = std::fs::read_dir(t.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".tmp") || n.ends_with(".xlsx"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
