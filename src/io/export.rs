//! `xungkich export` (and key `x`): every table the officer works with, as CSV files, one
//! JSON file or one XLSX workbook.
//!
//! [`gather`] is the only part that reads the store; it builds plain [`Table`]s of typed
//! [`Value`]s. The writers only lay them out: CSV and XLSX neutralise text that a spreadsheet
//! would run as a formula, JSON keeps the exact text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use crate::atomic_write;
use crate::domain::campaign::RequirementSource;
use crate::domain::checklist::known;
use crate::domain::time::local_offset;
use crate::i18n::Strings;
use crate::model::checklist::state_of;
use crate::model::kpi;
use crate::store::{Board, Store};
use crate::text::{neutralise, one_line};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A folder of `<table>.csv` files (UTF-8 with BOM, CRLF).
    Csv,
    /// One workbook, a sheet per table plus a summary sheet.
    #[default]
    Xlsx,
    /// One file: an object with an array per table.
    Json,
}

/// One cell, typed, so each writer can lay it out natively.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Int(i64),
    Num(f64),
    /// A percentage as shown on screen (57.5 means 57.5 %).
    Percent(f64),
    Bool(bool),
    Date(NaiveDate),
    /// Written in the campaign's local time.
    DateTime(DateTime<FixedOffset>),
}

impl Value {
    fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }
    fn opt_text(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Empty, |s| Value::Text(s.into()))
    }
    fn opt_num(v: Option<f64>) -> Value {
        v.map_or(Value::Empty, Value::Num)
    }
    fn opt_percent(v: Option<f64>) -> Value {
        v.map_or(Value::Empty, Value::Percent)
    }
}

/// One exported table.
#[derive(Debug, Clone)]
pub struct Table {
    /// File name (CSV) and JSON key: stable, English, snake_case.
    pub key: &'static str,
    /// Sheet name in the UI language.
    pub title: String,
    /// Column headers in the UI language.
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Every table, in the order the workbook shows them.
pub const TABLE_KEYS: [&str; 10] = [
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

/// Headers come from one `|`-separated string per table in the string tables.
fn headers(list: &str) -> Vec<String> {
    list.split('|').map(str::to_string).collect()
}

fn table(key: &'static str, title: &str, header_list: &str) -> Table {
    Table {
        key,
        title: title.to_string(),
        headers: headers(header_list),
        rows: Vec::new(),
    }
}

/// Reads everything the export holds at `now`.
pub fn gather(
    store: &Store,
    board: &Board,
    now: DateTime<FixedOffset>,
    s: &Strings,
) -> crate::store::Result<Vec<Table>> {
    let unit_by_id: HashMap<i64, &crate::domain::unit::Unit> =
        board.units.iter().map(|u| (u.id, u)).collect();
    let unit_code = |id: i64| {
        unit_by_id
            .get(&id)
            .map_or(Value::Empty, |u| Value::text(&u.code))
    };
    let unit_name = |id: i64| {
        unit_by_id
            .get(&id)
            .map_or(Value::Empty, |u| Value::text(&u.name))
    };

    let mut units = table("units", s.ex_t_units, s.ex_h_units);
    for u in &board.units {
        units.rows.push(vec![
            Value::text(&u.code),
            Value::text(&u.name),
            Value::text(s.kind(u.kind)),
            Value::text(&u.contact_person),
            Value::text(&u.phone),
            board
                .youth_base_of(u)
                .map_or(Value::Empty, |b| Value::text(&b.name)),
        ]);
    }

    let mut requirements = table("requirements", s.ex_t_requirements, s.ex_h_requirements);
    for r in &board.requirements {
        let source = match r.source {
            RequirementSource::Manual => s.detail_source_manual,
            RequirementSource::Initiative => s.detail_source_initiative,
            RequirementSource::VolunteerRegistration => s.detail_source_registration,
            RequirementSource::QuickReport => s.detail_source_report,
        };
        let applies: Vec<&str> = r.applies_to.iter().map(|k| s.kind_short(*k)).collect();
        requirements.rows.push(vec![
            Value::text(&r.code),
            Value::text(&r.title),
            Value::text(source),
            Value::text(applies.join(", ")),
            if r.deadline_explicit {
                Value::DateTime(r.deadline)
            } else {
                Value::text(s.br_during_campaign)
            },
            Value::text(&r.evidence),
            Value::text(&r.basis),
        ]);
    }

    let mut checklist = table("checklist", s.ex_t_checklist, s.ex_h_checklist);
    for u in &board.units {
        for r in &board.requirements {
            let state = state_of(board, u, r, now);
            let done_at = match state {
                crate::domain::checklist::CheckState::Done { at, .. } => Value::DateTime(at),
                _ => Value::Empty,
            };
            checklist.rows.push(vec![
                Value::text(&u.code),
                Value::text(&u.name),
                Value::text(&r.code),
                Value::text(s.check_state(&state)),
                done_at,
            ]);
        }
    }

    let fields: HashMap<i64, String> = store
        .fields()?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect();
    let mut initiatives = table("initiatives", s.ex_t_initiatives, s.ex_h_initiatives);
    for i in store.initiatives()? {
        initiatives.rows.push(vec![
            Value::Int(i.id),
            unit_code(i.unit_id),
            unit_name(i.unit_id),
            Value::text(s.initiative_kind(i.kind)),
            Value::text(&i.title),
            Value::opt_text(i.field_id.and_then(|f| fields.get(&f)).cloned()),
            Value::Date(i.registered_on),
            Value::text(s.stage(i.stage)),
            Value::opt_num(i.score),
            Value::opt_text(i.commendation_level.map(|l| s.level(l))),
            // NULL and '' both mean the collective: one blank cell either way.
            Value::opt_text(i.commendation_for.clone().filter(|p| !p.is_empty())),
            Value::Bool(i.replicated),
            Value::text(&i.summary),
        ]);
    }

    let mut registrations = table("registrations", s.ex_t_registrations, s.ex_h_registrations);
    let mut reports = table("quick_reports", s.ex_t_reports, s.ex_h_reports);
    let mut figures = table("saturday_figures", s.ex_t_figures, s.ex_h_figures);
    // The Saturdays as known at `now`, as the screens, the checklist sheet and the KPIs count
    // them: under `--now` a registration, report, photo or figure dated later is not there.
    for day in &board.volunteer_days {
        for r in store.registrations(day.id)? {
            if !known(r.registered_at, now) {
                continue;
            }
            registrations.rows.push(vec![
                Value::Date(day.date),
                unit_code(r.unit_id),
                unit_name(r.unit_id),
                Value::text(r.activities.join(", ")),
                Value::text(&r.other_activity),
                Value::text(&r.place),
                r.planned_volunteers.map_or(Value::Empty, Value::Int),
                Value::DateTime(r.registered_at),
            ]);
        }
        for row in store.reports(day.id)? {
            let Some(r) = row.as_of(now) else {
                continue;
            };
            reports.rows.push(vec![
                Value::Date(day.date),
                unit_code(r.unit_id),
                unit_name(r.unit_id),
                Value::DateTime(r.received_at),
                Value::text(&r.note),
                Value::Int(i64::try_from(r.photos.len()).unwrap_or(i64::MAX)),
            ]);
        }
        for f in store.figures(day.id)? {
            if !known(f.updated_at, now) {
                continue;
            }
            figures.rows.push(vec![
                Value::Date(day.date),
                unit_code(f.unit_id),
                unit_name(f.unit_id),
                Value::text(s.metric(f.metric)),
                Value::Int(f.value),
                Value::DateTime(f.updated_at),
            ]);
        }
    }

    let mut kpis = table("kpis", s.ex_t_kpis, s.ex_h_kpis);
    let lines = kpi::compute(board, store, now)?;
    let kpi_code: HashMap<i64, String> = lines
        .iter()
        .map(|l| (l.kpi.id, l.kpi.code.clone()))
        .collect();
    for l in &lines {
        kpis.rows.push(vec![
            Value::text(&l.kpi.code),
            Value::text(&l.kpi.name),
            Value::opt_percent(l.value),
            Value::opt_percent(l.kpi.target),
            Value::text(s.kpi_status(l.status)),
        ]);
    }

    let mut measurements = table("kpi_measurements", s.ex_t_measurements, s.ex_h_measurements);
    for m in store.measurements()? {
        measurements.rows.push(vec![
            Value::opt_text(kpi_code.get(&m.kpi_id).cloned()),
            Value::Date(m.period_start),
            Value::Date(m.period_end),
            Value::Num(m.numerator),
            Value::Num(m.denominator),
            m.unit_id.map_or(Value::Empty, unit_code),
            Value::text(&m.note),
        ]);
    }

    let mut agenda = table("agenda", s.ex_t_agenda, s.ex_h_agenda);
    for a in store.agenda()? {
        agenda.rows.push(vec![
            Value::text(&a.title),
            Value::text(&a.owner),
            a.date.map_or(Value::Empty, Value::Date),
            Value::text(s.agenda_status(a.status)),
            Value::text(&a.note),
        ]);
    }

    Ok(vec![
        units,
        requirements,
        checklist,
        initiatives,
        registrations,
        reports,
        figures,
        kpis,
        measurements,
        agenda,
    ])
}

fn local(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    t.with_timezone(&local_offset())
}

/// A cell as CSV text: numbers plain, dates day-first as the officer writes them.
fn csv_text(v: &Value) -> Cow<'_, str> {
    match v {
        Value::Empty => Cow::Borrowed(""),
        Value::Text(t) => neutralise(t),
        Value::Int(n) => Cow::Owned(n.to_string()),
        Value::Num(n) | Value::Percent(n) => Cow::Owned(n.to_string()),
        Value::Bool(b) => Cow::Borrowed(if *b { "1" } else { "0" }),
        Value::Date(d) => Cow::Owned(d.format("%d/%m/%Y").to_string()),
        // Seconds kept, so an export imported back gives the same instants.
        Value::DateTime(t) => Cow::Owned(local(*t).format("%d/%m/%Y %H:%M:%S").to_string()),
    }
}

fn json_value(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Empty => J::Null,
        Value::Text(t) => J::String(t.clone()),
        Value::Int(n) => J::from(*n),
        Value::Num(n) | Value::Percent(n) => J::from(*n),
        Value::Bool(b) => J::Bool(*b),
        Value::Date(d) => J::String(d.format("%Y-%m-%d").to_string()),
        Value::DateTime(t) => J::String(local(*t).to_rfc3339()),
    }
}

/// Why an export wrote nothing (or stopped).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0} exists already (give --force to replace it; nothing was written)")]
    Exists(PathBuf),
    /// Never followed, never replaced, even with --force: it could lead out of the folder.
    #[error("{0} is a symbolic link: refused (nothing was written)")]
    Link(PathBuf),
    #[error("{path}: {cause}")]
    Write { path: PathBuf, cause: WriteCause },
}

/// What stopped a write: the operating system (worded by `Strings::io_error`), or a
/// library's own message.
#[derive(Debug, thiserror::Error)]
pub enum WriteCause {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

impl ExportError {
    pub fn is_refusal(&self) -> bool {
        matches!(self, ExportError::Exists(_) | ExportError::Link(_))
    }

    /// The sentence for the officer, in the language of `s`.
    pub fn message(&self, s: &Strings) -> String {
        match self {
            ExportError::Exists(p) => s.se_exists(one_line(&p.display().to_string())),
            ExportError::Link(p) => s.se_link(one_line(&p.display().to_string())),
            ExportError::Write { path, cause } => {
                let why = match cause {
                    WriteCause::Io(e) => s.io_error(e),
                    WriteCause::Other(m) => one_line(m),
                };
                let at = format!("{}: {why}", one_line(&path.display().to_string()));
                s.ex_write_failed(&at)
            }
        }
    }
}

fn write_err(path: &Path, cause: impl Into<WriteCause>) -> ExportError {
    ExportError::Write {
        path: path.to_path_buf(),
        cause: cause.into(),
    }
}

fn csv_cause(e: csv::Error) -> WriteCause {
    let text = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => WriteCause::Io(io),
        _ => WriteCause::Other(text),
    }
}

fn from_atomic(path: &Path, e: atomic_write::Error) -> ExportError {
    match e {
        atomic_write::Error::Exists(p) => ExportError::Exists(p),
        atomic_write::Error::Link(p) => ExportError::Link(p),
        atomic_write::Error::Io(e) => write_err(path, e),
    }
}

/// Writes through a temporary file with a random name, created exclusively beside `path`
/// (a planted file or link at a guessable name is never followed), and renames it into
/// place when whole. A failure removes the temporary file and leaves the old `path`.
fn write_atomic(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut File) -> Result<(), WriteCause>,
) -> Result<(), ExportError> {
    let (dir, name) = atomic_write::split(path).map_err(|e| write_err(path, e))?;
    let mut pending = atomic_write::create(&dir, &name).map_err(|e| write_err(path, e))?;
    // On an error `pending` is dropped here, which removes the temporary file.
    fill(pending.file()).map_err(|e| write_err(path, e))?;
    pending
        .commit(&name, force)
        .map(drop)
        .map_err(|e| from_atomic(path, e))
}

/// The refusals, checked for every file before any is written: a link is refused even with
/// `force`, an existing file without it.
fn refuse_early(path: &Path, force: bool) -> Result<(), ExportError> {
    atomic_write::refuse_early(path, force).map_err(|e| from_atomic(path, e))
}

/// Writes the tables to `out` (a folder for CSV, a file otherwise). Refuses existing
/// output unless `force`, before writing anything. Returns the files written.
pub fn write(
    tables: &[Table],
    summary_title: &str,
    format: Format,
    out: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    match format {
        Format::Csv => {
            let paths: Vec<PathBuf> = tables
                .iter()
                .map(|t| out.join(format!("{}.csv", t.key)))
                .collect();
            for p in &paths {
                refuse_early(p, force)?;
            }
            for (t, p) in tables.iter().zip(&paths) {
                write_atomic(p, force, |file| write_csv(t, file))?;
            }
            Ok(paths)
        }
        Format::Json | Format::Xlsx => {
            refuse_early(out, force)?;
            if format == Format::Json {
                write_atomic(out, force, |file| write_json(tables, file))?;
            } else {
                write_atomic(out, force, |file| write_xlsx(tables, summary_title, file))?;
            }
            Ok(vec![out.to_path_buf()])
        }
    }
}

fn write_csv(t: &Table, file: &mut File) -> Result<(), WriteCause> {
    std::io::Write::write_all(file, "\u{feff}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(file);
    let headers: Vec<Cow<'_, str>> = t.headers.iter().map(|h| neutralise(h)).collect();
    w.write_record(headers.iter().map(|h| h.as_ref()))
        .map_err(csv_cause)?;
    for row in &t.rows {
        w.write_record(
            row.iter()
                .map(csv_text)
                .collect::<Vec<_>>()
                .iter()
                .map(|c| c.as_ref()),
        )
        .map_err(csv_cause)?;
    }
    Ok(w.flush()?)
}

/// The JSON document: `{ "<table key>": [ { "<header>": value, … }, … ], … }`.
pub fn json(tables: &[Table]) -> serde_json::Value {
    let mut doc = serde_json::Map::new();
    for t in tables {
        let rows: Vec<serde_json::Value> = t
            .rows
            .iter()
            .map(|row| {
                let mut o = serde_json::Map::new();
                for (h, v) in t.headers.iter().zip(row) {
                    o.insert(h.clone(), json_value(v));
                }
                serde_json::Value::Object(o)
            })
            .collect();
        doc.insert(t.key.to_string(), serde_json::Value::Array(rows));
    }
    serde_json::Value::Object(doc)
}

fn write_json(tables: &[Table], file: &mut File) -> Result<(), WriteCause> {
    let mut text = serde_json::to_string_pretty(&json(tables))
        .map_err(|e| WriteCause::Other(e.to_string()))?;
    text.push('\n');
    Ok(std::io::Write::write_all(file, text.as_bytes())?)
}

/// Column width by character count (not bytes: Vietnamese letters take 2–3 bytes), capped.
fn width_of(v: &Value) -> usize {
    match v {
        Value::Empty => 0,
        Value::Text(t) => neutralise(t).chars().count(),
        Value::Int(n) => n.to_string().len(),
        Value::Num(n) => n.to_string().len(),
        Value::Percent(_) => 7,
        Value::Bool(_) => 5,
        Value::Date(_) => 10,
        Value::DateTime(_) => 16,
    }
}

const MAX_WIDTH: usize = 60;

fn excel_date(d: NaiveDate) -> Result<rust_xlsxwriter::ExcelDateTime, rust_xlsxwriter::XlsxError> {
    rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn excel_datetime(
    t: DateTime<FixedOffset>,
) -> Result<rust_xlsxwriter::ExcelDateTime, rust_xlsxwriter::XlsxError> {
    let t = local(t);
    excel_date(t.date_naive())?.and_hms(
        u16::try_from(t.hour()).unwrap_or(0),
        u8::try_from(t.minute()).unwrap_or(0),
        t.second(),
    )
}

struct Formats {
    header: rust_xlsxwriter::Format,
    date: rust_xlsxwriter::Format,
    datetime: rust_xlsxwriter::Format,
    percent: rust_xlsxwriter::Format,
}

fn write_sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    t: &Table,
    first_row: u32,
    f: &Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut widths: Vec<usize> = t.headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in t.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(first_row, col, neutralise(h).as_ref(), &f.header)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let rn = first_row + 1 + u32::try_from(r).unwrap_or(u32::MAX - first_row - 1);
        for (c, v) in row.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width_of(v));
            }
            match v {
                Value::Empty => {}
                Value::Text(text) => {
                    ws.write_string(rn, col, neutralise(text).as_ref())?;
                }
                Value::Int(n) => {
                    // Counts and ids stay far below 2^53.
                    #[allow(clippy::cast_precision_loss)]
                    ws.write_number(rn, col, *n as f64)?;
                }
                Value::Num(n) => {
                    ws.write_number(rn, col, *n)?;
                }
                Value::Percent(p) => {
                    ws.write_number_with_format(rn, col, p / 100.0, &f.percent)?;
                }
                Value::Bool(b) => {
                    ws.write_boolean(rn, col, *b)?;
                }
                Value::Date(d) => {
                    ws.write_datetime_with_format(rn, col, &excel_date(*d)?, &f.date)?;
                }
                Value::DateTime(t) => {
                    ws.write_datetime_with_format(rn, col, &excel_datetime(*t)?, &f.datetime)?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        let chars = u32::try_from((*w).clamp(6, MAX_WIDTH)).unwrap_or(60);
        ws.set_column_width(col, f64::from(chars) + 2.0)?;
    }
    ws.set_freeze_panes(first_row + 1, 0)?;
    Ok(())
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn write_xlsx(tables: &[Table], summary_title: &str, file: &mut File) -> Result<(), WriteCause> {
    use rust_xlsxwriter::{Format as XFormat, Workbook};
    let f = Formats {
        header: XFormat::new().set_bold(),
        date: XFormat::new().set_num_format("dd/mm/yyyy"),
        datetime: XFormat::new().set_num_format("dd/mm/yyyy hh:mm"),
        percent: XFormat::new().set_num_format("0.0%"),
    };
    let mut wb = Workbook::new();
    let mut run = |wb: &mut Workbook| -> Result<(), rust_xlsxwriter::XlsxError> {
        if let Some(k) = tables.iter().find(|t| t.key == "kpis") {
            let ws = wb.add_worksheet();
            ws.set_name(sheet_name(summary_title))?;
            write_sheet(ws, k, 0, &f)?;
        }
        for t in tables {
            let ws = wb.add_worksheet();
            ws.set_name(sheet_name(&t.title))?;
            write_sheet(ws, t, 0, &f)?;
        }
        // Into the temporary file already open: the library never opens a path itself.
        wb.save_to_writer(&mut *file)
    };
    run(&mut wb).map_err(|e| match e {
        rust_xlsxwriter::XlsxError::IoError(io) => WriteCause::Io(io),
        other => WriteCause::Other(other.to_string()),
    })
}

/// `<folder>/exports/xungkich-YYYYMMDD-HHMM.xlsx`, the file key `x` writes.
pub fn file_path(folder: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    folder
        .join("exports")
        .join(format!("{}.xlsx", file_stem(now)))
}

fn file_stem(now: DateTime<FixedOffset>) -> String {
    format!("xungkich-{}", local(now).format("%Y%m%d-%H%M"))
}

/// Writes the workbook key `x` makes in `<folder>/exports/`: named by the minute, and
/// `…-2.xlsx`, `…-3.xlsx` when pressed again within it, so an earlier export is never
/// replaced. Returns the file written.
pub fn write_new(
    tables: &[Table],
    summary_title: &str,
    folder: &Path,
    now: DateTime<FixedOffset>,
) -> Result<PathBuf, ExportError> {
    let path = file_path(folder, now);
    let (dir, name) = atomic_write::split(&path).map_err(|e| write_err(&path, e))?;
    let mut pending = atomic_write::create(&dir, &name).map_err(|e| write_err(&path, e))?;
    write_xlsx(tables, summary_title, pending.file()).map_err(|e| write_err(&path, e))?;
    pending
        .commit_fresh(&file_stem(now), "xlsx")
        .map_err(|e| from_atomic(&path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_and_numbers_stay() {
        assert_eq!(neutralise("Đơn vị"), "Đơn vị");
        assert_eq!(neutralise(""), "");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(csv_text(&Value::Int(-5)), "-5");
        assert_eq!(csv_text(&Value::Num(-2.5)), "-2.5");
        assert_eq!(csv_text(&Value::text("-5")), "'-5");
    }

    #[test]
    fn json_keeps_exact_text() {
        assert_eq!(
            json_value(&Value::text("=HYPERLINK(\"x\")")),
            serde_json::Value::String("=HYPERLINK(\"x\")".into())
        );
    }

    #[test]
    fn both_languages_have_the_same_columns() {
        use crate::i18n::{Lang, strings};
        let (vi, en) = (strings(Lang::Vi), strings(Lang::En));
        for (a, b) in vi.entries().iter().zip(en.entries()) {
            if a.0.starts_with("ex_h_") {
                assert_eq!(a.1.split('|').count(), b.1.split('|').count(), "{}", a.0);
            }
        }
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("a/b[c]"), "abc");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
