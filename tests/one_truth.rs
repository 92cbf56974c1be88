//! One truth everywhere: what more than one place shows comes from one rule, and a record
//! dated after the clock (`--now` on a store holding later records: demo data, a replayed
//! campaign) is counted nowhere rather than in one place and not another.

mod support;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use ratatui::crossterm::event::KeyCode;

use support::{TempStore, demo_store, go_tab, key, press, stamp};
use xungkich::domain::figures::Metric;
use xungkich::i18n::{Lang, strings};
use xungkich::ui::snapshot::render_text;

const W: u16 = 260;
const H: u16 = 60;

/// Every "dd/mm/yyyy HH:MM" on a screen, as a local time.
fn times_in(text: &str) -> Vec<DateTime<FixedOffset>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len().saturating_sub(16) {
        let piece: String = chars[i..i + 16].iter().collect();
        if let Ok(t) = NaiveDateTime::parse_from_str(&piece, "%d/%m/%Y %H:%M")
            && let Some(local) = t
                .and_local_timezone(xungkich::domain::time::local_offset())
                .single()
        {
            out.push(local);
        }
    }
    out
}

/// Tab 4 under `--now` shows the day as known at the clock, as the checklist, the KPIs, the
/// overview and the briefing count it: no registration, quick report or figure dated later.
#[test]
fn tab_4_shows_nothing_dated_after_the_clock() {
    let s = strings(Lang::Vi);
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let day = store.load_board().expect("board").volunteer_days[0].id;
    // Before the registration deadline: the late registrations (05/05, 06/05) are not made yet.
    // At 14:00 on the day: reports and figures came in until about 18:00.
    for now in ["2022-05-04T23:59", "2022-05-07T14:00"] {
        let at = stamp(now);
        let mut a = support::app(&store, now, Lang::Vi);
        go_tab(&mut a, &mut store, 4);
        let grid = render_text(&a, W, H);
        press(&mut a, &mut store, &[key(KeyCode::Char('v'))]);
        let registrations = render_text(&a, W, H);
        press(&mut a, &mut store, &[key(KeyCode::Char('v'))]);
        let reports = render_text(&a, W, H);
        for (part, text) in [("registrations", &registrations), ("reports", &reports)] {
            // The head line's deadlines are not records: only the rows count.
            let rows = text.lines().skip(3).collect::<Vec<_>>().join("\n");
            for shown in times_in(&rows) {
                assert!(shown <= at, "tab 4's {part} at {now} show {shown}:\n{text}");
            }
        }
        let later_registrations = store
            .registrations(day)
            .expect("registrations")
            .iter()
            .filter(|r| r.registered_at > at)
            .count();
        let later_reports = store
            .reports(day)
            .expect("reports")
            .iter()
            .filter(|r| r.received_at > at)
            .count();
        assert!(
            later_registrations + later_reports > 0,
            "the demo has records after {now}"
        );
        // The grid's cells add up to its totals row: a later figure is in neither.
        let lines: Vec<&str> = grid.lines().collect();
        let head = lines
            .iter()
            .position(|l| l.starts_with(s.col_unit) && l.contains(s.col_updated))
            .expect("grid header");
        let total_at = lines
            .iter()
            .position(|l| l.starts_with(s.totals))
            .expect("totals row");
        let column = |line: &str, m: usize| -> i64 {
            // The figures are the last nine cells before the update time.
            let cells: Vec<&str> = line.split_whitespace().collect();
            let figures: Vec<&str> = cells
                .iter()
                .rev()
                .skip_while(|c| c.contains(':'))
                .take(Metric::ALL.len())
                .copied()
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            figures
                .get(m)
                .and_then(|c| c.parse().ok())
                .unwrap_or_default()
        };
        for (m, metric) in Metric::ALL.iter().enumerate() {
            let sum: i64 = lines[head + 1..total_at].iter().map(|l| column(l, m)).sum();
            assert_eq!(
                sum,
                column(lines[total_at], m),
                "{metric:?} at {now}:\n{grid}"
            );
        }
        for l in &lines[head + 1..total_at] {
            if let Some(hm) = l
                .split_whitespace()
                .last()
                .filter(|c| c.len() == 5 && c.contains(':'))
            {
                assert!(
                    hm <= at.format("%H:%M").to_string().as_str() || now < "2022-05-07",
                    "a figure updated at {hm} on the grid at {now}:\n{grid}"
                );
            }
        }
    }
}

/// A cell whose figure was saved after the clock shows empty, and typing into it saves the
/// figure at the clock: the write is checked against what the store holds, so it is not
/// refused as "changed in another window" again and again.
#[test]
fn a_figure_typed_over_one_saved_later_is_saved() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let now = "2022-05-07T14:00";
    let at = stamp(now);
    let day = store.load_board().expect("board").volunteer_days[0].id;
    let later = store
        .figures(day)
        .expect("figures")
        .into_iter()
        .find(|f| f.updated_at > at && f.metric == Metric::Volunteers)
        .expect("a figure saved after 14:00");
    let mut a = support::app(&store, now, Lang::Vi);
    go_tab(&mut a, &mut store, 4);
    let rows = xungkich::app::volunteer::visible_rows(&a.board, &a.volunteer, a.now);
    let row = rows
        .iter()
        .position(|&i| a.board.units[i].id == later.unit_id)
        .expect("its unit is on the grid");
    for _ in 0..row {
        press(&mut a, &mut store, &[key(KeyCode::Char('j'))]);
    }
    assert_eq!(a.volunteer.metric(), Metric::Volunteers);
    assert_eq!(
        a.volunteer.value(later.unit_id, Metric::Volunteers, a.now),
        None
    );
    // Enter on the empty-looking cell and Enter again changes nothing.
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Enter), key(KeyCode::Enter)],
    );
    let kept = store.figures(day).expect("figures");
    assert!(
        kept.contains(&later),
        "moving through the cell kept the later figure"
    );
    // Typed, it is saved at the clock, and shows.
    while a.volunteer.metric() != Metric::Volunteers {
        press(&mut a, &mut store, &[key(KeyCode::Left)]);
    }
    let value = later.value + 1;
    for c in value.to_string().chars() {
        press(&mut a, &mut store, &[key(KeyCode::Char(c))]);
    }
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    let status = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let saved = store
        .figures(day)
        .expect("figures")
        .into_iter()
        .find(|f| f.unit_id == later.unit_id && f.metric == Metric::Volunteers)
        .expect("the cell");
    assert_eq!((saved.value, saved.updated_at), (value, at), "{status}");
    assert_eq!(
        a.volunteer.value(later.unit_id, Metric::Volunteers, a.now),
        Some(value),
        "{status}"
    );
}

/// The export under `--now` holds the Saturdays as known at the clock, as its own checklist
/// and KPI sheets and the screens count them: no registration, report or figure dated later,
/// and its figures summed are the briefing's totals.
#[test]
fn the_export_holds_nothing_dated_after_the_clock() {
    let s = strings(Lang::Vi);
    let t = TempStore::new();
    let store = demo_store(&t);
    let now = "2022-05-07T14:00";
    let at = stamp(now);
    let board = store.load_board().expect("board");
    let briefing = xungkich::io::briefing::gather(&store, board.clone(), at).expect("briefing");
    let day = board.volunteer_days[0].id;
    assert!(
        store
            .figures(day)
            .expect("figures")
            .iter()
            .any(|f| f.updated_at > at),
        "the demo has figures saved after {now}"
    );
    drop(store);
    let out = t.dir.path().join("x.json");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .arg("--db")
        .arg(&t.path)
        .args([
            "--now", now, "--lang", "vi", "export", "--format", "json", "--out",
        ])
        .arg(&out)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .output()
        .expect("run xungkich");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("export")).expect("json");
    let column = |list: &str, n: usize| list.split('|').nth(n).expect("column").to_string();
    for (table, headers, time) in [
        ("registrations", s.ex_h_registrations, 7),
        ("quick_reports", s.ex_h_reports, 3),
        ("saturday_figures", s.ex_h_figures, 5),
    ] {
        let key = column(headers, time);
        for row in doc[table].as_array().expect("rows") {
            let when =
                DateTime::parse_from_rfc3339(row[&key].as_str().expect("time")).expect("a time");
            assert!(when <= at, "{table} lists {when} at {now}");
        }
    }
    let (metric, value) = (column(s.ex_h_figures, 3), column(s.ex_h_figures, 4));
    for m in Metric::ALL {
        let exported: i64 = doc["saturday_figures"]
            .as_array()
            .expect("rows")
            .iter()
            .filter(|r| r[&metric] == s.metric(m))
            .filter_map(|r| r[&value].as_i64())
            .sum();
        let briefed: i64 = briefing
            .figures
            .iter()
            .filter(|f| f.metric == m)
            .map(|f| f.value)
            .sum();
        assert_eq!(exported, briefed, "{m:?}");
    }
}
