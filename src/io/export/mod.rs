//! `xungkich export` (and key `x`): every table the officer works with, as CSV files, one
//! JSON file or one XLSX workbook. The workbook opens on a summary sheet and has, besides
//! the long tables that import back, a sheet per Volunteer Saturday laid out as tab 4's grid.
//!
//! [`tables`] is the only part that reads the store. It hands each table to a [`Sink`] one
//! row at a time, as typed [`Value`]s, so a store of a million figure rows is written
//! without being held in memory. The sinks only lay the rows out: CSV and XLSX neutralise
//! text that a spreadsheet would run as a formula, JSON keeps the exact text.

mod csv_out;
mod json_out;
mod tables;
mod xlsx_out;

use std::borrow::Cow;
use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::atomic_write;
use crate::domain::figures::Metric;
use crate::domain::time::local_offset;
use crate::domain::unit::Unit;
use crate::i18n::Strings;
use crate::store::{Board, Store, StoreError, VolunteerDayRow};
use crate::text::one_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A folder of `<table>.csv` files (UTF-8 with BOM, CRLF).
    Csv,
    /// One workbook: a summary sheet, a sheet per table and one per Saturday's grid.
    #[default]
    Xlsx,
    /// One file: an object with an array per table.
    Json,
}

/// One cell, typed, so each writer can lay it out natively. Text borrows from the store's
/// rows where it can: a million rows name the same few hundred units.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Empty,
    Text(Cow<'a, str>),
    Int(i64),
    Num(f64),
    /// A percentage as shown on screen (57.5 means 57.5 %).
    Percent(f64),
    Bool(bool),
    Date(NaiveDate),
    /// Written in the campaign's local time.
    DateTime(DateTime<FixedOffset>),
}

impl<'a> Value<'a> {
    fn text(s: &'a str) -> Value<'a> {
        Value::Text(Cow::Borrowed(s))
    }
    fn owned(s: String) -> Value<'a> {
        Value::Text(Cow::Owned(s))
    }
    fn opt_text(s: Option<&'a str>) -> Value<'a> {
        s.map_or(Value::Empty, Value::text)
    }
    fn opt_num(v: Option<f64>) -> Value<'a> {
        v.map_or(Value::Empty, Value::Num)
    }
    fn opt_percent(v: Option<f64>) -> Value<'a> {
        v.map_or(Value::Empty, Value::Percent)
    }
    fn into_owned(self) -> Value<'static> {
        match self {
            Value::Empty => Value::Empty,
            Value::Text(t) => Value::Text(Cow::Owned(t.into_owned())),
            Value::Int(n) => Value::Int(n),
            Value::Num(n) => Value::Num(n),
            Value::Percent(n) => Value::Percent(n),
            Value::Bool(b) => Value::Bool(b),
            Value::Date(d) => Value::Date(d),
            Value::DateTime(t) => Value::DateTime(t),
        }
    }
}

/// What a table is called and what its columns are.
#[derive(Debug, Clone)]
pub struct Head {
    /// File name (CSV) and JSON key: stable, English, snake_case.
    pub key: &'static str,
    /// Sheet name in the UI language.
    pub title: String,
    /// Column headers in the UI language.
    pub headers: Vec<String>,
}

/// One exported table, held whole: what [`gather`] gives (tests, small uses).
#[derive(Debug, Clone)]
pub struct Table {
    pub key: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value<'static>>>,
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

/// A Volunteer Saturday as tab 4's grid lays it out: the units that owe the day (and any
/// other with a record for it), in plan order, a figure per column.
#[derive(Debug, Clone)]
pub struct Grid<'a> {
    pub day: &'a VolunteerDayRow,
    pub rows: Vec<(&'a Unit, [Option<i64>; Metric::ALL.len()])>,
}

/// What an export reads: the store, the board loaded from it, the moment and the language.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub store: &'a Store,
    pub board: &'a Board,
    pub now: DateTime<FixedOffset>,
    pub s: &'static Strings,
}

/// Where the rows go: a writer of one format. `begin`, rows, `end` for each table in turn;
/// the workbook's also takes each Saturday's grid while the figures table is written.
/// Text in a row borrows for `'a` what the board holds (a unit's code and name, a million
/// times); the rest is owned.
trait Sink<'a> {
    fn begin(&mut self, head: &Head) -> Result<(), WriteCause>;
    fn row(&mut self, row: &[Value<'a>]) -> Result<(), WriteCause>;
    fn end(&mut self) -> Result<(), WriteCause>;
    /// Whether [`Sink::grid`] is wanted (building a grid reads a little more).
    fn wants_grids(&self) -> bool {
        false
    }
    fn grid(&mut self, _grid: Grid<'a>) -> Result<(), WriteCause> {
        Ok(())
    }
}

/// Why the rows stopped: the store could not be read, or the writer could not write.
#[derive(Debug)]
enum Failure {
    Store(StoreError),
    Write(WriteCause),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

impl From<WriteCause> for Failure {
    fn from(e: WriteCause) -> Failure {
        Failure::Write(e)
    }
}

fn failed(path: &Path, f: Failure) -> ExportError {
    match f {
        Failure::Store(e) => ExportError::Store(e),
        Failure::Write(cause) => write_err(path, cause),
    }
}

/// The tables as they stand at `src.now`, held whole.
pub fn gather(src: Source<'_>) -> crate::store::Result<Vec<Table>> {
    struct Collect(Vec<Table>);
    impl<'a> Sink<'a> for Collect {
        fn begin(&mut self, head: &Head) -> Result<(), WriteCause> {
            self.0.push(Table {
                key: head.key,
                title: head.title.clone(),
                headers: head.headers.clone(),
                rows: Vec::new(),
            });
            Ok(())
        }
        fn row(&mut self, row: &[Value<'a>]) -> Result<(), WriteCause> {
            if let Some(t) = self.0.last_mut() {
                t.rows
                    .push(row.iter().cloned().map(Value::into_owned).collect());
            }
            Ok(())
        }
        fn end(&mut self) -> Result<(), WriteCause> {
            Ok(())
        }
    }
    let mut sink = Collect(Vec::new());
    match tables::stream(src, &mut sink) {
        Ok(()) => Ok(sink.0),
        Err(Failure::Store(e)) => Err(e),
        // Collecting writes nothing, so nothing can fail to be written.
        Err(Failure::Write(cause)) => Err(StoreError::Io {
            path: PathBuf::new(),
            source: std::io::Error::other(cause.to_string()),
        }),
    }
}

/// The JSON text of tables held whole, as `export --format json` writes it.
pub fn json_text(tables: &[Table]) -> String {
    let mut out = Vec::new();
    let mut sink = json_out::JsonSink::new(&mut out);
    let mut run = || -> Result<(), WriteCause> {
        for t in tables {
            sink.begin(&Head {
                key: t.key,
                title: t.title.clone(),
                headers: t.headers.clone(),
            })?;
            for row in &t.rows {
                sink.row(row)?;
            }
            sink.end()?;
        }
        sink.finish()
    };
    // Writing into memory does not fail.
    let _ = run();
    drop(sink);
    String::from_utf8(out).unwrap_or_default()
}

fn local(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    t.with_timezone(&local_offset())
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
    /// The store could not be read while the rows were written; what was begun is removed.
    #[error("{0}")]
    Store(StoreError),
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
            ExportError::Store(e) => s.ex_write_failed(s.store_error(e)),
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

/// The refusals, checked for every file before any is written: a link is refused even with
/// `force`, an existing file without it.
fn refuse_early(path: &Path, force: bool) -> Result<(), ExportError> {
    atomic_write::refuse_early(path, force).map_err(|e| from_atomic(path, e))
}

/// Writes every table at `src.now` to `out` (a folder for CSV, a file otherwise). Refuses
/// existing output unless `force`, before writing anything. Returns the files written.
pub fn write(
    src: Source<'_>,
    format: Format,
    out: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    match format {
        Format::Csv => {
            let paths: Vec<PathBuf> = TABLE_KEYS
                .iter()
                .map(|k| out.join(format!("{k}.csv")))
                .collect();
            for p in &paths {
                refuse_early(p, force)?;
            }
            let mut sink = csv_out::CsvSink::new(out, force);
            match tables::stream(src, &mut sink) {
                Ok(()) => Ok(sink.written()),
                Err(f) => Err(sink.failure(f)),
            }
        }
        Format::Json => {
            refuse_early(out, force)?;
            write_atomic(out, force, |file| {
                let mut buf = std::io::BufWriter::with_capacity(1 << 16, file);
                let mut sink = json_out::JsonSink::new(&mut buf);
                tables::stream(src, &mut sink)?;
                sink.finish()?;
                drop(sink);
                std::io::Write::flush(&mut buf).map_err(|e| Failure::Write(e.into()))
            })?;
            Ok(vec![out.to_path_buf()])
        }
        Format::Xlsx => {
            refuse_early(out, force)?;
            write_atomic(out, force, |file| xlsx_out::write(src, out, file))?;
            Ok(vec![out.to_path_buf()])
        }
    }
}

/// Writes through a temporary file with a random name, created exclusively beside `path`
/// (a planted file or link at a guessable name is never followed), and renames it into
/// place when whole. A failure removes the temporary file and leaves the old `path`.
fn write_atomic(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut File) -> Result<(), Failure>,
) -> Result<(), ExportError> {
    let (dir, name) = atomic_write::split(path).map_err(|e| write_err(path, e))?;
    let mut pending = atomic_write::create(&dir, &name).map_err(|e| write_err(path, e))?;
    // On an error `pending` is dropped here, which removes the temporary file.
    fill(pending.file()).map_err(|f| failed(path, f))?;
    pending
        .commit(&name, force)
        .map(drop)
        .map_err(|e| from_atomic(path, e))
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
pub fn write_new(src: Source<'_>, folder: &Path) -> Result<PathBuf, ExportError> {
    let path = file_path(folder, src.now);
    let (dir, name) = atomic_write::split(&path).map_err(|e| write_err(&path, e))?;
    let mut pending = atomic_write::create(&dir, &name).map_err(|e| write_err(&path, e))?;
    xlsx_out::write(src, &path, pending.file()).map_err(|f| failed(&path, f))?;
    pending
        .commit_fresh(&file_stem(src.now), "xlsx")
        .map_err(|e| from_atomic(&path, e))
}

#[cfg(test)]
mod tests {
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
}
