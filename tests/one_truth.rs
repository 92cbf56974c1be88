//! One truth everywhere: every state that more than one place shows — a requirement's done /
//! owed count, a unit's registration and quick report (on time, late, missing), what is
//! overdue, each KPI's value and status, the Saturday's totals and each unit's figures — reads
//! the same on tab 1, tab 2, tab 4, tab 5, `snapshot`, `report` and `export`, at moments before
//! a deadline, exactly at it and after it, and at a moment with records dated after the clock
//! (the demo's late reports and figures, as in a replayed campaign).
//!
//! Each place is read as the officer reads it — the screen's text, the briefing's tables, the
//! export's rows — and the places are compared with each other, and with the model for sanity.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthChar;

use support::{TempStore, demo_store, go_tab, key, press, stamp};
use xungkich::app::App;
use xungkich::app::units_view::visible_units;
use xungkich::app::volunteer::visible_rows;
use xungkich::domain::campaign::RequirementSource;
use xungkich::domain::checklist::{CheckState, on_time};
use xungkich::domain::figures::Metric;
use xungkich::domain::kpi::{KpiStatus, format_percent};
use xungkich::domain::time::{format_date, read_datetime};
use xungkich::i18n::{Lang, Strings, strings};
use xungkich::model::checklist::state_of;
use xungkich::model::{kpi, saturday};
use xungkich::store::{Board, LAND_KPI, Store, VolunteerDayRow};
use xungkich::ui::snapshot::render_text;
use xungkich::ui::theme::mark;

/// Wide and tall enough that no place cuts a name, a figure or a line of totals.
const W: u16 = 260;
const H: u16 = 60;

/// Before the registration deadline (05/05 00:00), exactly at it, the Saturday at 14:00 (the
/// demo holds reports and figures stamped later that day), a minute before the report deadline
/// (16:00), exactly at it, and after it (reports came until about 18:00).
const MOMENTS: [&str; 6] = [
    "2022-05-04T23:59",
    "2022-05-05T00:00",
    "2022-05-07T14:00",
    "2022-05-07T15:59",
    "2022-05-07T16:00",
    "2022-05-07T18:00",
];

// ---------------------------------------------------------------------------------------------
// Reading text by display columns

fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The display column where `pat` starts in `line`, searching from column `from`.
fn column_of(line: &str, pat: &str, from: usize) -> Option<usize> {
    let mut col = 0;
    for (i, c) in line.char_indices() {
        if col >= from && line[i..].starts_with(pat) {
            return Some(col);
        }
        col += c.width().unwrap_or(0);
    }
    None
}

/// What `line` holds between display columns `from` (included) and `to` (excluded), trimmed.
fn slice(line: &str, from: usize, to: usize) -> String {
    let mut col = 0;
    let mut out = String::new();
    let mut last_in = false;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if w == 0 {
            // A combining mark belongs with the character before it.
            if last_in {
                out.push(c);
            }
            continue;
        }
        last_in = col >= from && col < to;
        if last_in {
            out.push(c);
        }
        col += w;
    }
    out.trim().to_string()
}

/// The pieces of a screen line between box borders.
fn segments(line: &str) -> impl Iterator<Item = &str> {
    line.split('│')
}

/// The lines inside the box titled `title`, each cut at the box's borders.
fn box_lines(lines: &[&str], title: &str) -> Vec<String> {
    let head = format!(" {title} ");
    let Some(ti) = lines.iter().position(|l| l.contains(&head)) else {
        return Vec::new();
    };
    let at = column_of(lines[ti], &head, 0).unwrap_or(0);
    let left = (0..at)
        .rev()
        .find(|c| slice(lines[ti], *c, c + 1) == "┌")
        .unwrap_or(0);
    lines[ti + 1..]
        .iter()
        .take_while(|l| slice(l, left, left + 1) == "│")
        .map(|l| {
            let rest = slice(l, left + 1, usize::MAX);
            rest.split('│').next().unwrap_or("").to_string()
        })
        .collect()
}

/// "N / M xong" at the end of `seg` (the words from the string table).
fn done_of(s: &Strings, seg: &str) -> Option<(usize, usize)> {
    let sample = s.ov_done_of(0, 0);
    let word = sample.strip_prefix("0 / 0")?;
    let end = seg.find(word)?;
    let (a, b) = seg[..end].rsplit_once(" / ")?;
    let done = a.rsplit(' ').next()?.parse().ok()?;
    let of = b.trim().parse().ok()?;
    Some((done, of))
}

fn number(text: &str) -> Option<i64> {
    let digits: String = text.chars().filter(|c| *c != '.' && *c != ',').collect();
    digits.parse().ok()
}

/// A grid cell: a figure, or nothing ("·" empty, "–" not this unit's).
fn cell_value(text: &str) -> Option<i64> {
    match text {
        "" | "·" | "–" | "—" => None,
        t => Some(t.parse().unwrap_or_else(|_| panic!("a figure, not {t:?}"))),
    }
}

fn status_words(s: &Strings) -> Vec<&'static str> {
    let mut words: Vec<&str> = [
        KpiStatus::Met,
        KpiStatus::Near,
        KpiStatus::Below,
        KpiStatus::NoData,
        KpiStatus::Tracked,
        KpiStatus::NotDue,
    ]
    .into_iter()
    .map(|st| s.kpi_status(st))
    .collect();
    // Longest first: "chưa đạt" before "đạt".
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// A KPI row after its name: the gauge, the value, maybe more columns, the status word last.
fn kpi_after_name(s: &Strings, rest: &str) -> (String, String) {
    let rest = rest.trim().trim_end_matches('│').trim_end();
    let rest = rest.trim_start_matches(['█', '░']).trim_start();
    let value = rest.split_whitespace().next().unwrap_or("").to_string();
    let status = status_words(s)
        .into_iter()
        .find(|w| rest.ends_with(w))
        .unwrap_or_else(|| panic!("no status word at the end of {rest:?}"))
        .to_string();
    (value, status)
}

// ---------------------------------------------------------------------------------------------
// What a place says

/// A unit's registration or quick report, as any place says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    OnTime,
    Late,
    /// Missing, its deadline still ahead.
    NotYet,
    Overdue,
    /// Received without the photo the plan asks for: not done.
    NoPhoto,
    NotApplicable,
}

impl Said {
    fn of(state: &CheckState) -> Said {
        match state {
            CheckState::Done { late: false, .. } => Said::OnTime,
            CheckState::Done { late: true, .. } => Said::Late,
            CheckState::Pending { .. } | CheckState::DueSoon { .. } => Said::NotYet,
            CheckState::Overdue { .. } => Said::Overdue,
            CheckState::NotApplicable => Said::NotApplicable,
        }
    }

    /// Whether two places' words mean the same: a report without a photo is missing, which
    /// tab 2 says as pending or overdue.
    fn agrees(self, other: Said) -> bool {
        match (self, other) {
            (Said::NoPhoto, Said::NotYet | Said::Overdue)
            | (Said::NotYet | Said::Overdue, Said::NoPhoto) => true,
            (a, b) => a == b,
        }
    }
}

/// Every state tab 2's marks stand for, to read a mark back.
fn tab2_marks() -> Vec<(&'static str, CheckState)> {
    let at = stamp("2022-05-01T00:00");
    let left = chrono::Duration::hours(1);
    [
        CheckState::Done { at, late: false },
        CheckState::Done { at, late: true },
        CheckState::Pending { left },
        CheckState::DueSoon { left },
        CheckState::Overdue { by: left },
        CheckState::NotApplicable,
    ]
    .into_iter()
    .map(|st| (mark(&st), st))
    .collect()
}

/// Tab 1 as read off the screen.
#[derive(Debug, Default)]
struct Overview {
    /// Per requirement (board order): the requirements box's "N / M xong".
    requirements: Vec<(usize, usize)>,
    /// Per Saturday requirement: the Volunteer Saturday box's "N / M xong".
    saturday: BTreeMap<usize, (usize, usize)>,
    /// Per requirement: how many the overdue box names (absent: none).
    overdue: BTreeMap<usize, usize>,
    /// Per KPI (tab 5's order): value and status word.
    kpis: Vec<(String, String)>,
    totals: BTreeMap<Metric, i64>,
}

fn read_overview(
    s: &Strings,
    text: &str,
    board: &Board,
    day: &VolunteerDayRow,
    names: &[String],
) -> Overview {
    let lines: Vec<&str> = text.lines().collect();
    let mut o = Overview::default();
    for r in &board.requirements {
        let found = lines
            .iter()
            .flat_map(|l| segments(l))
            .find(|seg| {
                seg.strip_prefix(r.short.as_str())
                    .is_some_and(|rest| rest.trim_start().starts_with(['█', '░']))
            })
            .and_then(|seg| done_of(s, seg))
            .unwrap_or_else(|| panic!("requirements box line of {}:\n{text}", r.short));
        o.requirements.push(found);
    }
    for (ri, r) in board.requirements.iter().enumerate() {
        if r.volunteer_day_id != Some(day.id) {
            continue;
        }
        let head = format!("  {}: ", r.short);
        let found = lines
            .iter()
            .flat_map(|l| segments(l))
            .find(|seg| seg.starts_with(&head))
            .and_then(|seg| done_of(s, seg))
            .unwrap_or_else(|| panic!("Saturday box line of {}:\n{text}", r.short));
        o.saturday.insert(ri, found);
    }
    let inside = box_lines(&lines, s.ov_overdue_units);
    for (ri, r) in board.requirements.iter().enumerate() {
        let head = format!("{} (", r.short);
        if let Some(seg) = inside
            .iter()
            .find(|seg| seg.starts_with(&head) && seg.contains("): "))
        {
            let n = seg[head.len()..].split(')').next().and_then(number);
            o.overdue.insert(ri, n.expect("overdue count") as usize);
        }
    }
    if o.overdue.is_empty() {
        assert!(
            text.contains(s.ov_no_overdue),
            "no overdue box lines:\n{text}"
        );
    }
    for name in names {
        let seg = lines
            .iter()
            .flat_map(|l| segments(l))
            .find(|seg| seg.starts_with(name.as_str()))
            .unwrap_or_else(|| panic!("KPI box line of {name}:\n{text}"));
        o.kpis.push(kpi_after_name(s, &seg[name.len()..]));
    }
    let prefix = s.ov_saturday_totals(s.ov_round(day.round), format_date(day.date), "");
    // The line may wrap inside its box: the same box's next lines continue it until a blank
    // one or a line of its own ("Label: …").
    let (li, si) = lines
        .iter()
        .enumerate()
        .find_map(|(li, l)| {
            segments(l)
                .position(|seg| seg.starts_with(&prefix))
                .map(|si| (li, si))
        })
        .unwrap_or_else(|| panic!("totals line {prefix:?}:\n{text}"));
    let mut joined = segments(lines[li])
        .nth(si)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    for l in &lines[li + 1..] {
        let next = segments(l).nth(si).unwrap_or_default().trim();
        if next.is_empty() || next.contains(": ") {
            break;
        }
        joined.push(' ');
        joined.push_str(next);
    }
    let rest = joined[prefix.len()..].trim().to_string();
    let rest = rest.as_str();
    if rest != s.ov_no_figures {
        for part in rest.split(" · ") {
            let (short, n) = part.rsplit_once(' ').expect("figure and number");
            let m = Metric::ALL
                .into_iter()
                .find(|m| s.metric_short(*m) == short)
                .unwrap_or_else(|| panic!("figure {short:?}"));
            o.totals.insert(
                m,
                number(n).unwrap_or_else(|| panic!("total {n:?} in {rest:?}")),
            );
        }
    }
    o
}

/// Tab 2: each (unit, requirement) cell's mark, for the units in `rows` (indices into
/// `board.units`, in the order shown).
fn read_units(
    s: &Strings,
    text: &str,
    board: &Board,
    rows: &[usize],
) -> BTreeMap<(usize, usize), String> {
    let lines: Vec<&str> = text.lines().collect();
    let h = lines
        .iter()
        .position(|l| {
            l.starts_with(s.col_unit) && board.requirements.iter().all(|r| l.contains(&r.short))
        })
        .unwrap_or_else(|| panic!("tab 2 header:\n{text}"));
    let header = lines[h];
    let mut cols = Vec::new();
    let mut from = width(s.col_unit);
    for r in &board.requirements {
        let c = column_of(header, &r.short, from).expect("requirement column");
        cols.push(c);
        from = c + 1;
    }
    let missing = column_of(header, s.col_missing, from).expect("missing column");
    let mut out = BTreeMap::new();
    for (k, &ui) in rows.iter().enumerate() {
        let line = lines.get(h + 1 + k).copied().unwrap_or("");
        let name = &board.units[ui].name;
        assert!(
            line.starts_with(name.as_str()),
            "row {k} is {name}:\n{text}"
        );
        for (ri, &c) in cols.iter().enumerate() {
            let end = cols.get(ri + 1).copied().unwrap_or(missing);
            let cell = slice(line, c, end);
            let m = cell.split(' ').next().unwrap_or("").to_string();
            out.insert((ui, ri), m);
        }
    }
    out
}

/// A unit's name as tab 4 cuts it to its column (the short form, then "…").
fn check_label(label: &str, unit: &xungkich::domain::unit::Unit, text: &str) {
    let stem = label.trim_end_matches('…');
    assert!(
        !stem.is_empty() && (unit.name.starts_with(stem) || unit.short_name().starts_with(stem)),
        "row {label:?} is {}:\n{text}",
        unit.name
    );
}

/// Tab 4's registrations or reports part: each row's status cell, read as a [`Said`].
fn read_status_part(
    s: &Strings,
    text: &str,
    board: &Board,
    rows: &[usize],
    (second, header_word): (&str, &str),
    words: &[(String, Said)],
) -> BTreeMap<usize, Said> {
    let lines: Vec<&str> = text.lines().collect();
    let h = lines
        .iter()
        .position(|l| l.starts_with(s.col_unit) && l.contains(second) && l.contains(header_word))
        .unwrap_or_else(|| panic!("tab 4 header with {header_word}:\n{text}"));
    let header = lines[h];
    let status = column_of(header, s.col_status, 0).expect("status column");
    // The registrations end with the status; the reports go on with the photos.
    let end = column_of(header, s.col_photos, status).unwrap_or(usize::MAX);
    let unit_end = column_of(header, second, width(s.col_unit)).expect("second column");
    let mut out = BTreeMap::new();
    for (k, &ui) in rows.iter().enumerate() {
        let line = lines.get(h + 1 + k).copied().unwrap_or("");
        let label = slice(line, 0, unit_end);
        check_label(&label, &board.units[ui], text);
        let cell = slice(line, status, end);
        let said = words
            .iter()
            .find(|(w, _)| *w == cell)
            .map(|(_, said)| *said)
            .unwrap_or_else(|| panic!("status {cell:?} of {}:\n{text}", board.units[ui].name));
        out.insert(ui, said);
    }
    out
}

/// Tab 4's figures grid: the cells of the rows shown, and the totals row.
struct Grid {
    cells: BTreeMap<(usize, Metric), i64>,
    totals: BTreeMap<Metric, i64>,
}

fn read_grid(s: &Strings, text: &str, board: &Board, rows: Option<&[usize]>) -> Grid {
    let lines: Vec<&str> = text.lines().collect();
    let h = lines
        .iter()
        .position(|l| {
            l.starts_with(s.col_unit) && Metric::ALL.iter().all(|m| l.contains(s.metric_short(*m)))
        })
        .unwrap_or_else(|| panic!("grid header:\n{text}"));
    let header = lines[h];
    let mut cols = Vec::new();
    let mut from = width(s.col_unit);
    for m in Metric::ALL {
        let c = column_of(header, s.metric_short(m), from).expect("figure column");
        cols.push(c);
        from = c + width(s.metric_short(m));
    }
    let end = column_of(header, s.col_updated, from).unwrap_or(usize::MAX);
    let cell = |line: &str, i: usize| slice(line, cols[i], cols.get(i + 1).copied().unwrap_or(end));
    let mut cells = BTreeMap::new();
    for (k, &ui) in rows.unwrap_or(&[]).iter().enumerate() {
        let line = lines.get(h + 1 + k).copied().unwrap_or("");
        let label = slice(line, 0, cols[0]);
        check_label(&label, &board.units[ui], text);
        for (i, m) in Metric::ALL.into_iter().enumerate() {
            if let Some(v) = cell_value(&cell(line, i)) {
                cells.insert((ui, m), v);
            }
        }
    }
    let t = lines
        .iter()
        .find(|l| l.starts_with(s.totals))
        .unwrap_or_else(|| panic!("totals row:\n{text}"));
    let mut totals = BTreeMap::new();
    for (i, m) in Metric::ALL.into_iter().enumerate() {
        let v = cell_value(&cell(t, i)).unwrap_or(0);
        if v != 0 {
            totals.insert(m, v);
        }
    }
    Grid { cells, totals }
}

/// A KPI as a place says it: its value as shown ("57,5%", "—") and its status word.
type KpiSaid = (String, String);

/// Tab 5 (or `snapshot kpi`): each KPI's value and status word, in `names`' order, and the
/// "numerator / denominator" a wide window shows after the value (None for "— / —").
fn read_kpis(s: &Strings, text: &str, names: &[String]) -> (Vec<KpiSaid>, Vec<Option<(i64, i64)>>) {
    names
        .iter()
        .map(|name| {
            // The table comes first; the detail pane below repeats the selected one's name.
            let line = text
                .lines()
                .find(|l| l.trim_start().starts_with(name.as_str()))
                .unwrap_or_else(|| panic!("tab 5 row of {name}:\n{text}"));
            let at = line.find(name.as_str()).expect("name") + name.len();
            let rest = &line[at..];
            let words: Vec<&str> = rest
                .trim()
                .trim_start_matches(['█', '░'])
                .split_whitespace()
                .collect();
            let ratio = match words.get(1..4) {
                Some([n, "/", d]) => n.parse().ok().zip(d.parse().ok()),
                _ => panic!("tab 5's ratio of {name} in {rest:?}"),
            };
            (kpi_after_name(s, rest), ratio)
        })
        .unzip()
}

// ---------------------------------------------------------------------------------------------
// The briefing (markdown) and the export (JSON)

fn unescape(cell: &str) -> String {
    let mut out = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The rows of the first markdown table in `text` (header and rule left out).
fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip_while(|l| !l.starts_with("| "))
        .take_while(|l| l.starts_with("| "))
        .skip(2)
        .map(|l| {
            let inner = l.trim().trim_start_matches("| ").trim_end_matches(" |");
            // Split on " | " that is not escaped.
            let mut cells = Vec::new();
            let mut cur = String::new();
            let mut prev_backslash = false;
            let chars: Vec<char> = inner.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if c == '|' && !prev_backslash && cur.ends_with(' ') {
                    cells.push(unescape(cur.trim()));
                    cur.clear();
                    i += 1;
                    prev_backslash = false;
                    continue;
                }
                prev_backslash = c == '\\' && !prev_backslash;
                cur.push(c);
                i += 1;
            }
            cells.push(unescape(cur.trim()));
            cells
        })
        .collect()
}

/// The text under the heading `head` (with its `#`s) up to the next heading of its level.
fn section<'a>(md: &'a str, head: &str) -> &'a str {
    let start = md
        .find(&format!("{head}\n"))
        .unwrap_or_else(|| panic!("heading {head:?}:\n{md}"));
    let level = head.split(' ').next().unwrap_or("#");
    let body = &md[start + head.len()..];
    let stop = body
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let rest = &body[i..];
            rest.starts_with(&format!("{level} ")) || (level == "###" && rest.starts_with("## "))
        })
        .unwrap_or(body.len());
    &body[..stop]
}

#[derive(Debug, Default)]
struct Briefing {
    kpis: Vec<(String, String)>,
    requirements: Vec<(usize, usize)>,
    overdue: BTreeMap<usize, usize>,
    totals: BTreeMap<Metric, i64>,
    /// Each (unit, figure) of the per-unit table.
    cells: BTreeMap<(usize, Metric), i64>,
}

fn read_briefing(s: &Strings, md: &str, board: &Board, names: &[String]) -> Briefing {
    let mut b = Briefing::default();
    let rows = table_rows(section(md, &format!("## {}", s.br_kpis)));
    assert_eq!(rows.len(), names.len(), "one briefing row per KPI:\n{md}");
    for (row, name) in rows.iter().zip(names) {
        assert_eq!(&row[0], name);
        b.kpis.push((row[1].clone(), row[3].clone()));
    }
    let rows = table_rows(section(md, &format!("## {}", s.br_checklist)));
    assert_eq!(rows.len(), board.requirements.len(), "{md}");
    for (row, r) in rows.iter().zip(&board.requirements) {
        assert_eq!(row[0], r.title);
        let (done, of) = row[2]
            .split(' ')
            .next()
            .and_then(|c| c.split_once('/'))
            .expect("N/M");
        b.requirements
            .push((done.parse().expect("done"), of.parse().expect("of")));
        // The overdue are counted inside the missing cell: "12 (3 quá hạn) — …".
        if let Some((_, inner)) = row[3].split_once(" (") {
            let n = inner
                .split(' ')
                .next()
                .and_then(number)
                .expect("overdue count");
            let ri = board
                .requirements
                .iter()
                .position(|q| q.title == r.title)
                .expect("requirement");
            b.overdue.insert(ri, n as usize);
        }
    }
    let saturday = section(md, &format!("## {}", s.br_saturday));
    if saturday.contains(s.br_no_figures) {
        return b;
    }
    for row in table_rows(section(saturday, &format!("### {}", s.br_totals))) {
        let m = Metric::ALL
            .into_iter()
            .find(|m| s.metric(*m) == row[0])
            .unwrap_or_else(|| panic!("figure {:?}", row[0]));
        let v = number(&row[1]).expect("total");
        if v != 0 {
            b.totals.insert(m, v);
        }
    }
    let by_unit = saturday
        .lines()
        .filter(|l| l.starts_with("### "))
        .nth(1)
        .expect("per-unit heading");
    let table = section(saturday, by_unit);
    let head: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("| "))
        .expect("header")
        .trim_matches(['|', ' '])
        .split(" | ")
        .collect();
    let metrics: Vec<Metric> = head[1..]
        .iter()
        .map(|h| {
            Metric::ALL
                .into_iter()
                .find(|m| s.metric_short(*m) == *h)
                .unwrap_or_else(|| panic!("column {h:?}"))
        })
        .collect();
    for row in table_rows(table) {
        let ui = board
            .units
            .iter()
            .position(|u| u.name == row[0])
            .unwrap_or_else(|| panic!("unit {:?}", row[0]));
        for (m, c) in metrics.iter().zip(&row[1..]) {
            if let Some(v) = cell_value(c) {
                b.cells.insert((ui, *m), v);
            }
        }
    }
    b
}

/// The export's rows of table `key`, each cell by its column number.
fn rows_of<'a>(
    doc: &'a serde_json::Value,
    key: &str,
    headers: &str,
) -> Vec<Vec<&'a serde_json::Value>> {
    let names: Vec<&str> = headers.split('|').collect();
    doc[key]
        .as_array()
        .unwrap_or_else(|| panic!("table {key}"))
        .iter()
        .map(|row| names.iter().map(|n| &row[*n]).collect())
        .collect()
}

fn json_text(v: &serde_json::Value) -> &str {
    v.as_str().unwrap_or("")
}

fn json_time(v: &serde_json::Value) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(json_text(v)).unwrap_or_else(|_| panic!("a time, not {v}"))
}

// ---------------------------------------------------------------------------------------------
// Running the places

fn cli(db: &Path, now: &str, lang: Lang, args: &[&str]) -> String {
    let lang = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let out = Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .arg("--db")
        .arg(db)
        .args(["--now", now, "--lang", lang])
        .args(args)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .env("NO_COLOR", "1")
        .output()
        .expect("run xungkich");
    assert!(
        out.status.success(),
        "xungkich {args:?} at {now}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn snapshot(db: &Path, now: &str, lang: Lang, screen: &str) -> String {
    let (w, h) = (W.to_string(), H.to_string());
    cli(
        db,
        now,
        lang,
        &["snapshot", screen, "--width", &w, "--height", &h],
    )
}

/// The screens of the app at `now`, as the officer steps through them.
struct Screens {
    overview: String,
    units: String,
    unit_rows: Vec<usize>,
    grid: String,
    grid_rows: Vec<usize>,
    registrations: String,
    reports: String,
    day_rows: Vec<usize>,
    kpis: String,
}

fn screens(store: &mut Store, now: &str, lang: Lang) -> Screens {
    let mut a: App = support::app(store, now, lang);
    let overview = render_text(&a, W, H);
    go_tab(&mut a, store, 2);
    let units = render_text(&a, W, H);
    let unit_rows = visible_units(&a.board, &a.units, a.now);
    go_tab(&mut a, store, 4);
    let grid = render_text(&a, W, H);
    let grid_rows = visible_rows(&a.board, &a.volunteer, a.now);
    press(&mut a, store, &[key(KeyCode::Char('v'))]);
    let registrations = render_text(&a, W, H);
    let day_rows = visible_rows(&a.board, &a.volunteer, a.now);
    press(&mut a, store, &[key(KeyCode::Char('v'))]);
    let reports = render_text(&a, W, H);
    assert_eq!(visible_rows(&a.board, &a.volunteer, a.now), day_rows);
    go_tab(&mut a, store, 5);
    let kpis = render_text(&a, W, H);
    Screens {
        overview,
        units,
        unit_rows,
        grid,
        grid_rows,
        registrations,
        reports,
        day_rows,
        kpis,
    }
}

// ---------------------------------------------------------------------------------------------
// The comparison

#[test]
fn every_place_says_the_same_at_every_moment() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    for lang in [Lang::Vi, Lang::En] {
        for now in MOMENTS {
            agree_at(&t, &mut store, now, lang);
        }
    }
}

fn agree_at(t: &TempStore, store: &mut Store, now_text: &str, lang: Lang) {
    let s = strings(lang);
    let now = read_datetime(now_text).expect("moment");
    let board = store.load_board().expect("board");
    let day_index = saturday::current(&board.volunteer_days, now).expect("a Saturday");
    let day = board.volunteer_days[day_index].clone();
    let lines = kpi::compute(&board, store, now).expect("kpis");
    let names: Vec<String> = lines.iter().map(|l| l.kpi.name.clone()).collect();
    let model_kpis: Vec<(String, String)> = lines
        .iter()
        .map(|l| (format_percent(l.value), s.kpi_status(l.status).to_string()))
        .collect();
    let at = |what: &str| format!("{what} at {now_text} ({lang:?})");

    // The app, key by key, and the binary's snapshots of the same screens.
    let app = screens(store, now_text, lang);
    let cli_overview = snapshot(&t.path, now_text, lang, "overview");
    let cli_units = snapshot(&t.path, now_text, lang, "units");
    let cli_grid = snapshot(&t.path, now_text, lang, "volunteer");
    let cli_kpis = snapshot(&t.path, now_text, lang, "kpi");
    let briefing_md = cli(&t.path, now_text, lang, &["report", "--format", "markdown"]);
    let json_path = t.dir.path().join("export.json");
    cli(
        &t.path,
        now_text,
        lang,
        &[
            "export",
            "--format",
            "json",
            "--out",
            json_path.to_str().expect("utf-8 path"),
            "--force",
        ],
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("export")).expect("json");

    let overview = read_overview(s, &app.overview, &board, &day, &names);
    let overview_cli = read_overview(s, &cli_overview, &board, &day, &names);
    let tab2 = read_units(s, &app.units, &board, &app.unit_rows);
    let tab2_cli = read_units(s, &cli_units, &board, &app.unit_rows);
    let grid = read_grid(s, &app.grid, &board, Some(&app.grid_rows));
    let grid_cli = read_grid(s, &cli_grid, &board, Some(&app.grid_rows));
    let (tab5, ratios) = read_kpis(s, &app.kpis, &names);
    let (tab5_cli, ratios_cli) = read_kpis(s, &cli_kpis, &names);
    assert_eq!(ratios, ratios_cli, "snapshot kpi, {}", at("KPI ratios"));
    let briefing = read_briefing(s, &briefing_md, &board, &names);

    // The export's tables.
    let unit_by_code = |code: &str| {
        board
            .units
            .iter()
            .position(|u| u.code == code)
            .unwrap_or_else(|| panic!("unit {code}"))
    };
    // (unit, requirement) → the state's word and when it was done.
    type Stated = (String, Option<DateTime<FixedOffset>>);
    let mut export_state: BTreeMap<(usize, usize), Stated> = BTreeMap::new();
    for row in rows_of(&doc, "checklist", s.ex_h_checklist) {
        let ui = unit_by_code(json_text(row[0]));
        let ri = board
            .requirements
            .iter()
            .position(|r| r.title == json_text(row[2]))
            .expect("requirement");
        let done_at = (!row[4].is_null()).then(|| json_time(row[4]));
        export_state.insert((ui, ri), (json_text(row[3]).to_string(), done_at));
    }
    let day_text = day.date.to_string();
    let export_kpis: Vec<(String, String)> = rows_of(&doc, "kpis", s.ex_h_kpis)
        .iter()
        .map(|row| {
            (
                format_percent(row[2].as_f64()),
                json_text(row[4]).to_string(),
            )
        })
        .collect();
    let mut export_cells: BTreeMap<(usize, Metric), i64> = BTreeMap::new();
    let mut export_totals: BTreeMap<Metric, i64> = BTreeMap::new();
    for row in rows_of(&doc, "saturday_figures", s.ex_h_figures) {
        if json_text(row[0]) != day_text {
            continue;
        }
        let updated = json_time(row[5]);
        assert!(
            updated <= now,
            "{}: the export lists a figure saved at {updated}, after the clock",
            at("export")
        );
        let m = Metric::ALL
            .into_iter()
            .find(|m| s.metric(*m) == json_text(row[3]))
            .expect("figure");
        let v = row[4].as_i64().expect("value");
        export_cells.insert((unit_by_code(json_text(row[1])), m), v);
        *export_totals.entry(m).or_default() += v;
    }
    export_totals.retain(|_, v| *v != 0);
    let mut export_registered: BTreeMap<usize, DateTime<FixedOffset>> = BTreeMap::new();
    for row in rows_of(&doc, "registrations", s.ex_h_registrations) {
        if json_text(row[0]) == day_text {
            let at_ = json_time(row[7]);
            assert!(at_ <= now, "{}: a registration of {at_}", at("export"));
            export_registered.insert(unit_by_code(json_text(row[1])), at_);
        }
    }
    let mut export_reported: BTreeMap<usize, i64> = BTreeMap::new();
    for row in rows_of(&doc, "quick_reports", s.ex_h_reports) {
        if json_text(row[0]) == day_text {
            let at_ = json_time(row[3]);
            assert!(at_ <= now, "{}: a report received at {at_}", at("export"));
            export_reported.insert(
                unit_by_code(json_text(row[1])),
                row[5].as_i64().unwrap_or(0),
            );
        }
    }

    // 1. Each requirement: done / owed, and who is overdue, everywhere.
    let marks = tab2_marks();
    for (ri, r) in board.requirements.iter().enumerate() {
        let model: Vec<CheckState> = board
            .units
            .iter()
            .map(|u| state_of(&board, u, r, now))
            .collect();
        let done = model.iter().filter(|st| st.is_done()).count();
        let owed = board.units.iter().filter(|u| r.applies(&u.kind)).count();
        let overdue = model.iter().filter(|st| st.is_overdue()).count();
        let what = at(&r.short);
        assert_eq!(overview.requirements[ri], (done, owed), "tab 1, {what}");
        assert_eq!(
            overview_cli.requirements[ri],
            (done, owed),
            "snapshot overview, {what}"
        );
        assert_eq!(briefing.requirements[ri], (done, owed), "briefing, {what}");
        if let Some(c) = overview.saturday.get(&ri) {
            assert_eq!(*c, (done, owed), "tab 1's Saturday box, {what}");
        }
        let column = |cells: &BTreeMap<(usize, usize), String>| -> (usize, usize, usize) {
            let of = |st: &dyn Fn(&CheckState) -> bool| {
                app.unit_rows
                    .iter()
                    .filter(|&&ui| {
                        let m = &cells[&(ui, ri)];
                        marks
                            .iter()
                            .any(|(mk, state)| *mk == m.as_str() && st(state))
                    })
                    .count()
            };
            (
                of(&|st| st.is_done()),
                of(&|st| *st != CheckState::NotApplicable),
                of(&|st| st.is_overdue()),
            )
        };
        assert_eq!(
            column(&tab2),
            (done, owed, overdue),
            "tab 2's ✔/✘ cells, {what}"
        );
        assert_eq!(
            column(&tab2_cli),
            (done, owed, overdue),
            "snapshot units, {what}"
        );
        let export_done = export_state
            .iter()
            .filter(|((_, i), (st, _))| *i == ri && (st == s.state_done || st == s.state_done_late))
            .count();
        let export_owed = export_state
            .iter()
            .filter(|((_, i), (st, _))| *i == ri && st != s.state_na)
            .count();
        let export_overdue = export_state
            .iter()
            .filter(|((_, i), (st, _))| *i == ri && st == s.state_overdue)
            .count();
        assert_eq!(
            (export_done, export_owed, export_overdue),
            (done, owed, overdue),
            "export's checklist sheet, {what}"
        );
        assert_eq!(
            overview.overdue.get(&ri).copied().unwrap_or(0),
            overdue,
            "tab 1's overdue box, {what}"
        );
        assert_eq!(
            briefing.overdue.get(&ri).copied().unwrap_or(0),
            overdue,
            "briefing's overdue list, {what}"
        );
        // Cell by cell: tab 2's mark and the export's word are the model's state.
        for (ui, u) in board.units.iter().enumerate() {
            let st = &model[ui];
            assert_eq!(tab2[&(ui, ri)], mark(st), "tab 2, {} {what}", u.name);
            assert_eq!(
                export_state[&(ui, ri)].0,
                s.check_state(st),
                "export, {} {what}",
                u.name
            );
        }
    }

    // 2. Each unit's registration and quick report: tab 2, tab 4's parts, the export.
    let reg_req = board
        .requirements
        .iter()
        .position(|r| {
            r.volunteer_day_id == Some(day.id)
                && r.source == RequirementSource::VolunteerRegistration
        })
        .expect("registration requirement");
    let rep_req = board
        .requirements
        .iter()
        .position(|r| {
            r.volunteer_day_id == Some(day.id) && r.source == RequirementSource::QuickReport
        })
        .expect("report requirement");
    let reg_words = vec![
        (format!("✔ {}", s.reg_on_time), Said::OnTime),
        (format!("✘ {}", s.reg_late), Said::Late),
        (format!("✖ {}", s.state_overdue), Said::Overdue),
        (format!("· {}", s.reg_none), Said::NotYet),
    ];
    let rep_words = vec![
        (format!("✔ {}", s.reg_on_time), Said::OnTime),
        (format!("✘ {}", s.reg_late), Said::Late),
        (format!("✖ {}", s.state_overdue), Said::Overdue),
        (format!("· {}", s.rep_none), Said::NotYet),
        (format!("! {}", s.rep_no_photo), Said::NoPhoto),
    ];
    let tab4_reg = read_status_part(
        s,
        &app.registrations,
        &board,
        &app.day_rows,
        (s.col_activities, s.col_registered),
        &reg_words,
    );
    let tab4_rep = read_status_part(
        s,
        &app.reports,
        &board,
        &app.day_rows,
        (s.col_received, s.col_photos),
        &rep_words,
    );
    let said_by_tab2 = |ui: usize, ri: usize| {
        let m = &tab2[&(ui, ri)];
        let (_, st) = marks
            .iter()
            .find(|(mk, _)| *mk == m.as_str())
            .unwrap_or_else(|| panic!("mark {m:?}"));
        Said::of(st)
    };
    for &ui in &app.day_rows {
        let u = &board.units[ui];
        let reg_said = said_by_tab2(ui, reg_req);
        if reg_said != Said::NotApplicable {
            assert!(
                tab4_reg[&ui].agrees(reg_said),
                "{}: tab 4 says {:?}, tab 2 {reg_said:?}",
                at(&format!("registration of {}", u.name)),
                tab4_reg[&ui]
            );
        }
        let rep_said = said_by_tab2(ui, rep_req);
        if rep_said != Said::NotApplicable {
            assert!(
                tab4_rep[&ui].agrees(rep_said),
                "{}: tab 4 says {:?}, tab 2 {rep_said:?}",
                at(&format!("quick report of {}", u.name)),
                tab4_rep[&ui]
            );
        }
    }
    for (ui, u) in board.units.iter().enumerate() {
        // The export's registrations sheet says what its checklist sheet says.
        let (state, done_at) = &export_state[&(ui, reg_req)];
        match export_registered.get(&ui) {
            Some(at_) if r_applies(&board, reg_req, ui) => {
                assert_eq!(done_at.as_ref(), Some(at_), "{}", at(&u.name));
                let word = if on_time(*at_, day.registration_deadline) {
                    s.state_done
                } else {
                    s.state_done_late
                };
                assert_eq!(state, word, "export registration of {}", at(&u.name));
            }
            Some(_) => {}
            None => assert!(done_at.is_none(), "export registration of {}", at(&u.name)),
        }
        let (state, _) = &export_state[&(ui, rep_req)];
        let with_photo = export_reported.get(&ui).is_some_and(|n| *n > 0);
        if r_applies(&board, rep_req, ui) {
            assert_eq!(
                with_photo,
                state == s.state_done || state == s.state_done_late,
                "export report of {}: {state}",
                at(&u.name)
            );
        }
    }
    // Tab 4's count lines say what its rows say.
    let count = |m: &BTreeMap<usize, Said>, said: Said| m.values().filter(|x| **x == said).count();
    let registered = count(&tab4_reg, Said::OnTime) + count(&tab4_reg, Said::Late);
    assert!(
        app.registrations.contains(&s.reg_count(
            registered,
            app.day_rows.len(),
            count(&tab4_reg, Said::Late)
        )),
        "{}:\n{}",
        at("tab 4's registration count"),
        app.registrations
    );
    let hidden = app.day_rows.len() - app.grid_rows.len();
    if registered > 0 {
        assert!(
            app.grid
                .contains(&s.units_registered_only(registered, hidden)),
            "{}:\n{}",
            at("tab 4's registered units"),
            app.grid
        );
    }
    let reported = count(&tab4_rep, Said::OnTime)
        + count(&tab4_rep, Said::Late)
        + count(&tab4_rep, Said::NoPhoto);
    assert!(
        app.reports.contains(&s.rep_count(
            reported,
            app.day_rows.len(),
            count(&tab4_rep, Said::Late),
            count(&tab4_rep, Said::NoPhoto)
        )),
        "{}:\n{}",
        at("tab 4's report count"),
        app.reports
    );

    // 3. Each KPI: value and status.
    assert_eq!(tab5, model_kpis, "tab 5, {}", at("KPIs"));
    assert_eq!(tab5_cli, model_kpis, "snapshot kpi, {}", at("KPIs"));
    assert_eq!(overview.kpis, model_kpis, "tab 1's KPI box, {}", at("KPIs"));
    assert_eq!(
        overview_cli.kpis,
        model_kpis,
        "snapshot overview, {}",
        at("KPIs")
    );
    assert_eq!(briefing.kpis, model_kpis, "briefing, {}", at("KPIs"));
    assert_eq!(export_kpis, model_kpis, "export, {}", at("KPIs"));

    // The computed KPIs count what tab 2's cells and tab 4's totals show.
    let cells_of = |ri: usize, done: &dyn Fn(&CheckState) -> bool| -> i64 {
        app.unit_rows
            .iter()
            .filter(|&&ui| {
                let m = &tab2[&(ui, ri)];
                marks.iter().any(|(mk, st)| *mk == m.as_str() && done(st))
            })
            .count() as i64
    };
    let owed = |ri: usize| cells_of(ri, &|st| *st != CheckState::NotApplicable);
    let on_time_done = |st: &CheckState| matches!(st, CheckState::Done { late: false, .. });
    let ini_req = board
        .requirements
        .iter()
        .position(|r| r.source == RequirementSource::Initiative)
        .expect("initiative requirement");
    for (l, ratio) in lines.iter().zip(&ratios) {
        let expected = match l.kpi.code.as_str() {
            kpi::INITIATIVE_COVERAGE => (cells_of(ini_req, &|st| st.is_done()), owed(ini_req)),
            kpi::REGISTRATION_ON_TIME => (cells_of(reg_req, &on_time_done), owed(reg_req)),
            // On-time reports over the units that registered (and owe the report).
            kpi::REPORT_ON_TIME => (
                cells_of(rep_req, &on_time_done),
                app.unit_rows
                    .iter()
                    .filter(|&&ui| r_applies(&board, rep_req, ui))
                    .filter(|&&ui| {
                        said_by_tab2(ui, reg_req) == Said::OnTime
                            || said_by_tab2(ui, reg_req) == Said::Late
                    })
                    .count() as i64,
            ),
            LAND_KPI => (
                grid.totals.get(&Metric::LandResolved).copied().unwrap_or(0),
                grid.totals.get(&Metric::LandTotal).copied().unwrap_or(0),
            ),
            _ => continue,
        };
        assert_eq!(
            *ratio,
            Some(expected),
            "tab 5's {} against tab 2 and tab 4, {}",
            l.kpi.code,
            at("KPIs")
        );
    }

    // 4. The Saturday's totals per figure, and each unit's figures.
    let mut known: BTreeMap<Metric, i64> = BTreeMap::new();
    for f in store.figures(day.id).expect("figures") {
        if f.updated_at <= now {
            *known.entry(f.metric).or_default() += f.value;
        }
    }
    known.retain(|_, v| *v != 0);
    assert_eq!(grid.totals, known, "tab 4's totals row, {}", at("totals"));
    assert_eq!(
        grid_cli.totals,
        known,
        "snapshot volunteer, {}",
        at("totals")
    );
    assert_eq!(
        overview.totals,
        known,
        "tab 1's totals line, {}",
        at("totals")
    );
    assert_eq!(
        overview_cli.totals,
        known,
        "snapshot overview, {}",
        at("totals")
    );
    assert_eq!(briefing.totals, known, "briefing, {}", at("totals"));
    assert_eq!(
        export_totals,
        known,
        "export's figures summed, {}",
        at("totals")
    );
    // The grid's cells are what the briefing's per-unit table and the export's rows hold.
    for &ui in &app.grid_rows {
        for m in Metric::ALL {
            let key = (ui, m);
            let name = &board.units[ui].name;
            assert_eq!(
                grid.cells.get(&key),
                briefing.cells.get(&key),
                "tab 4 and the briefing, {} {m:?}",
                at(name)
            );
            assert_eq!(
                grid.cells.get(&key),
                export_cells.get(&key),
                "tab 4 and the export, {} {m:?}",
                at(name)
            );
            assert_eq!(grid_cli.cells.get(&key), grid.cells.get(&key));
        }
    }
    assert_eq!(
        briefing.cells,
        export_cells,
        "briefing and export, {}",
        at("figures")
    );
}

fn r_applies(board: &Board, ri: usize, ui: usize) -> bool {
    board.requirements[ri].applies(&board.units[ui].kind)
}

// ---------------------------------------------------------------------------------------------
// Records dated after the clock, place by place

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
    let rows = visible_rows(&a.board, &a.volunteer, a.now);
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
