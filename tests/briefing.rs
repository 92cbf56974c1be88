//! The meeting briefing: golden files for both languages and both formats, the `report`
//! subcommand from the outside, and the `R` key in the app.
//!
//! `UPDATE_GOLDEN=1 cargo test --test briefing` rewrites the golden files after a deliberate
//! change; review the diff before committing it.

mod support;

use std::process::{Command, Output};

use ratatui::crossterm::event::KeyCode;
use xungkich::app::StatusKind;
use xungkich::domain::change::ChangeSummary;
use xungkich::i18n::{Lang, strings};
use xungkich::io::briefing::{self, Format};

use support::{TempStore, check_golden, clock, demo_store, key, press, stamp};

const NOW: &str = "2022-05-07T14:00";

fn briefing(lang: Lang, format: Format) -> String {
    let t = TempStore::new();
    let store = demo_store(&t);
    let now = clock(NOW).now();
    let board = store.load_board().expect("board");
    let b = briefing::gather(&store, board, now).expect("gather");
    briefing::render(&b, strings(lang), format)
}

#[test]
fn briefing_vi_text_matches_golden() {
    check_golden("briefing-vi.txt", &briefing(Lang::Vi, Format::Text));
}

#[test]
fn briefing_vi_markdown_matches_golden() {
    check_golden("briefing-vi.md", &briefing(Lang::Vi, Format::Markdown));
}

#[test]
fn briefing_en_text_matches_golden() {
    check_golden("briefing-en.txt", &briefing(Lang::En, Format::Text));
}

#[test]
fn briefing_en_markdown_matches_golden() {
    check_golden("briefing-en.md", &briefing(Lang::En, Format::Markdown));
}

#[test]
fn markdown_tables_have_a_cell_per_column_on_every_row() {
    let md = briefing(Lang::Vi, Format::Markdown);
    let mut columns: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        // Escaped pipes inside cells do not count.
        let n = line.replace("\\|", "").matches('|').count();
        match columns {
            None => columns = Some(n),
            Some(c) => assert_eq!(c, n, "ragged table row: {line}"),
        }
    }
    assert!(md.contains("## "), "{md}");
}

#[test]
fn briefing_names_missing_units_and_proposals() {
    let text = briefing(Lang::En, Format::Text);
    // The demo leaves UBND phường Phú Trung without a registration: overdue by Friday.
    assert!(text.contains("UBND phường Phú Trung"), "{text}");
    assert!(text.contains("Proposed for commendation"), "{text}");
    assert!(text.contains("07/05/2022 14:00"), "{text}");
}

fn xungkich(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .args(args)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .output()
        .expect("run xungkich")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn report_subcommand_writes_markdown_to_a_file() {
    let t = TempStore::new();
    drop(demo_store(&t));
    let db = t.path.to_str().expect("utf-8 path");
    let out_file = t.dir.path().join("out").join("briefing.md");
    let out_arg = out_file.to_str().expect("utf-8 path");
    let out = xungkich(&[
        "--db", db, "--now", NOW, "report", "--format", "markdown", "--out", out_arg,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        out.stdout.is_empty(),
        "--out prints nothing: {}",
        text(&out.stdout)
    );
    let written = std::fs::read_to_string(&out_file).expect("briefing file");
    assert_eq!(written, briefing(Lang::Vi, Format::Markdown));
    assert!(written.starts_with("# BẢN TIN GIAO BAN\n"), "{written}");
}

#[test]
fn report_subcommand_prints_text_by_default_in_the_chosen_language() {
    let t = TempStore::new();
    drop(demo_store(&t));
    let db = t.path.to_str().expect("utf-8 path");
    let out = xungkich(&["--db", db, "--now", NOW, "--lang", "en", "report"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), briefing(Lang::En, Format::Text));
}

#[test]
fn report_refuses_an_unknown_format() {
    let t = TempStore::new();
    let db = t.path.to_str().expect("utf-8 path");
    let out = xungkich(&["--db", db, "report", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("pdf"), "{}", text(&out.stderr));
    assert!(!t.path.exists(), "a refused command creates no store");
}

#[test]
fn pressing_r_writes_the_briefing_beside_the_store_and_names_it() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut app = support::app(&store, NOW, Lang::Vi);
    press(
        &mut app,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('m'))],
    );
    let path = t
        .dir
        .path()
        .join("reports")
        .join("briefing-20220507-1400.md");
    let status = app.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
    assert_eq!(
        status.text,
        format!("Đã ghi bản tin: {}", path.display()),
        "the status names the file"
    );
    let written = std::fs::read_to_string(&path).expect("briefing file");
    assert_eq!(written, briefing(Lang::Vi, Format::Markdown));
}

#[test]
fn pressing_r_reports_a_write_failure_in_the_status_line() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    // A file where the reports folder should be: the folder cannot be made.
    std::fs::write(t.dir.path().join("reports"), b"not a folder").expect("blocker");
    let mut app = support::app(&store, NOW, Lang::En);
    press(
        &mut app,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('m'))],
    );
    let status = app.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Error, "{}", status.text);
    assert!(
        status.text.starts_with("Could not write the briefing:"),
        "{}",
        status.text
    );
}

#[test]
fn r_is_not_taken_while_typing_in_a_filter() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut app = support::app(&store, NOW, Lang::Vi);
    press(
        &mut app,
        &mut store,
        &[
            key(KeyCode::Char('2')),
            key(KeyCode::Char('/')),
            key(KeyCode::Char('R')),
        ],
    );
    assert!(!t.dir.path().join("reports").exists());
    assert_eq!(app.units.list.filter.value(), "R");
}

#[test]
fn the_agenda_is_listed_with_items_past_their_date_marked_and_markup_escaped() {
    use chrono::NaiveDate;
    use xungkich::store::{AgendaItem, AgendaStatus};
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let item = |title: &str, date: (i32, u32, u32), status| AgendaItem {
        title: title.to_string(),
        owner: "Ban Thường vụ | Đoàn".to_string(),
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        status,
        note: String::new(),
    };
    let now = "2022-05-07T10:00:00+07:00";
    for it in [
        item(
            "Tập huấn *dịch vụ công*",
            (2022, 5, 6),
            AgendaStatus::Planned,
        ),
        item("Đã xong rồi", (2022, 5, 1), AgendaStatus::Done),
        item("Hôm nay vẫn kịp", (2022, 5, 7), AgendaStatus::InProgress),
    ] {
        store
            .save_agenda_item(
                None,
                &it,
                stamp(now),
                &ChangeSummary::AddAgenda {
                    title: it.title.clone(),
                },
            )
            .expect("agenda item");
    }
    let board = store.load_board().expect("board");
    let b = briefing::gather(&store, board, clock(NOW).now()).expect("gather");
    let md = briefing::render(&b, strings(Lang::En), Format::Markdown);
    // The whole agenda is listed; only an item past its date and not done says so.
    assert!(
        md.contains("## Action Month: the organiser's activities"),
        "{md}"
    );
    assert!(
        md.contains(
            "| Tập huấn \\*dịch vụ công\\* | Ban Thường vụ \\| Đoàn | 06/05/2022 | planned, past its date |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| Đã xong rồi | Ban Thường vụ \\| Đoàn | 01/05/2022 | done |"),
        "{md}"
    );
    assert!(
        md.contains("| Hôm nay vẫn kịp | Ban Thường vụ \\| Đoàn | 07/05/2022 | in progress |"),
        "{md}"
    );
}

#[test]
fn the_briefing_reports_on_the_latest_saturday_that_has_come() {
    let t = TempStore::new();
    let store = demo_store(&t);
    let board = store.load_board().expect("board");
    let days = &board.volunteer_days;
    let at = |when: &str| {
        xungkich::model::saturday::current(days, clock(when).now()).map(|i| days[i].date)
    };
    let first = days.iter().map(|d| d.date).min();
    // Before any Saturday the meeting prepares the first one.
    assert_eq!(at("2022-04-01T09:00"), first);
    assert_eq!(
        at("2022-05-07T14:00").map(|d| d.to_string()),
        Some("2022-05-07".to_string())
    );
}

/// With several Saturdays, tab 4, the overview and the briefing start on the same one (the
/// latest up to today); `R` writes the briefing of the Saturday tab 4 shows.
#[test]
fn r_writes_the_briefing_of_the_saturday_on_screen() {
    use chrono::NaiveDate;
    use xungkich::domain::rounds::default_deadlines;
    use xungkich::store::NewDay;
    let t = TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let date = NaiveDate::from_ymd_opt(2022, 5, 14).expect("date");
    let (registration_deadline, report_deadline) = default_deadlines(date);
    store
        .add_volunteer_day(
            &NewDay {
                round: 3,
                date,
                title: "Đợt 3".into(),
                host: String::new(),
                registration_deadline,
                report_deadline,
                requirements: Vec::new(),
            },
            stamp("2022-05-08T08:00:00+07:00"),
            &ChangeSummary::Round { round: 3, date },
        )
        .expect("round 3");
    let mut app = support::app(&store, "2022-05-15T09:00", Lang::Vi);
    let days = &app.board.volunteer_days;
    assert_eq!(
        days[app.volunteer.day].date, date,
        "the latest Saturday first"
    );
    press(
        &mut app,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('m'))],
    );
    let written = |app: &xungkich::app::App| {
        let path = app.status.clone().expect("status").text;
        let path = path.rsplit(": ").next().expect("a path").to_string();
        std::fs::read_to_string(path).expect("briefing")
    };
    assert!(
        written(&app).contains("14/05/2022"),
        "the Saturday on screen"
    );
    // Tab 4 moved to the earlier round: the briefing follows.
    press(
        &mut app,
        &mut store,
        &[key(KeyCode::Char('4')), key(KeyCode::Char('['))],
    );
    assert_eq!(app.board.volunteer_days[app.volunteer.day].round, 2);
    // A minute later (the briefing's file name has the minute), from that same Saturday.
    let mut later = support::app(&store, "2022-05-15T09:01", Lang::Vi);
    later.volunteer.day = app.volunteer.day;
    press(
        &mut later,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('m'))],
    );
    let text = written(&later);
    assert!(
        text.contains("07/05/2022") && !text.contains("14/05/2022"),
        "{text}"
    );
}

/// Lists of units stop at the first names and "+N"; the overdue are counted in the checklist
/// and not listed again; the late, the assigned tasks and the Action Month have their own
/// sections; the checklist's heading says it is the checklist.
#[test]
fn each_section_says_its_own_thing_once() {
    let text = briefing(Lang::Vi, Format::Text);
    assert!(
        text.contains("Bảng kiểm: việc các đơn vị phải làm"),
        "{text}"
    );
    assert!(!text.contains("Tiến độ hồ sơ"), "{text}");
    assert!(text.contains("phường Tân Sơn Nhì +17"), "{text}");
    assert!(text.contains("1 (1 quá hạn) — Cơ sở Đoàn khối"), "{text}");
    assert_eq!(
        text.matches("Cơ sở Đoàn khối Địa bàn dân cư - Hành chính sự nghiệp")
            .count(),
        1,
        "overdue, it is named in the checklist and nowhere again: {text}"
    );
    for heading in [
        "Nhiệm vụ giao:",
        "Tháng hành động: hoạt động của đơn vị tổ chức",
        "Làm trễ hạn",
    ] {
        assert!(text.contains(heading), "{heading}:\n{text}");
    }
    assert!(
        text.contains("Lúc: 06/05/2022 09:59"),
        "the late registration's time: {text}"
    );
}

/// Late in the campaign the briefing names the commended and the replicated initiatives, as
/// they stood at its moment, not only those proposed.
#[test]
fn commended_and_replicated_initiatives_are_named() {
    let t = TempStore::new();
    let store = demo_store(&t);
    let board = store.load_board().expect("board");
    let now = clock("2022-12-01T09:00").now();
    let b = briefing::gather(&store, board, now).expect("gather");
    let text = briefing::render(&b, strings(Lang::En), Format::Text);
    let part = |from: &str, to: &str| -> String {
        let a = text.find(from).unwrap_or_else(|| panic!("{from}:\n{text}"));
        let rest = &text[a + from.len()..];
        rest[..rest.find(to).unwrap_or(rest.len())].to_string()
    };
    let commended = part("Commended:", "Replicated:");
    assert!(!commended.contains("None"), "{commended}");
    let replicated = part("Replicated:", "Action Month");
    assert!(replicated.contains("Replicated by: "), "{replicated}");
    let at_stage = b
        .initiatives
        .count(xungkich::domain::initiative::Stage::Commended);
    assert!(at_stage > 0);
}
