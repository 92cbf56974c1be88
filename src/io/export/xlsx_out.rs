//! The workbook: a summary sheet first (the campaign, the checklist's progress per
//! requirement, the KPIs, the current Saturday's totals), then a sheet per table, and after
//! the long figures table a sheet per Saturday laid out as tab 4's grid with its totals as
//! SUM formulas.
//!
//! The table and grid sheets are written in rust_xlsxwriter's low-memory mode: each row goes
//! to a temporary file (beside the output, never a shared folder) as soon as the next one
//! begins, so the workbook of a million figure rows is written in a few megabytes.

use std::collections::HashSet;
use std::fs::File;
use std::path::Path;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Formula, Workbook, Worksheet, XlsxError};

use super::tables::{self, source_word};
use super::{Failure, Grid, Head, Sink, Source, Value, WriteCause, local};
use crate::domain::checklist::known;
use crate::domain::figures::Metric;
use crate::domain::time::format_date;
use crate::i18n::Strings;
use crate::model::{kpi, overview, saturday};
use crate::text::neutralise;

const MAX_WIDTH: usize = 60;
/// Column widths are measured on a table's first rows: enough to see its longest names,
/// and a million rows are not measured one by one.
const WIDTH_SAMPLE: u32 = 2_000;

fn xlsx_cause(e: XlsxError) -> WriteCause {
    match e {
        XlsxError::IoError(io) => WriteCause::Io(io),
        other => WriteCause::Other(other.to_string()),
    }
}

impl From<XlsxError> for Failure {
    fn from(e: XlsxError) -> Failure {
        Failure::Write(xlsx_cause(e))
    }
}

struct Formats {
    title: XFormat,
    header: XFormat,
    header_wrap: XFormat,
    bold: XFormat,
    date: XFormat,
    datetime: XFormat,
    percent: XFormat,
    percent_bold: XFormat,
    total: XFormat,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: XFormat::new().set_bold().set_font_size(14),
            header: XFormat::new().set_bold(),
            header_wrap: XFormat::new()
                .set_bold()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
            bold: XFormat::new().set_bold(),
            date: XFormat::new().set_num_format("dd/mm/yyyy"),
            datetime: XFormat::new().set_num_format("dd/mm/yyyy hh:mm"),
            percent: XFormat::new().set_num_format("0.0%"),
            percent_bold: XFormat::new().set_num_format("0.0%").set_bold(),
            total: XFormat::new()
                .set_bold()
                .set_border_top(rust_xlsxwriter::FormatBorder::Thin),
        }
    }
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

fn excel_datetime(t: DateTime<FixedOffset>) -> Result<ExcelDateTime, XlsxError> {
    let t = local(t);
    excel_date(t.date_naive())?.and_hms(
        u16::try_from(t.hour()).unwrap_or(0),
        u8::try_from(t.minute()).unwrap_or(0),
        t.second(),
    )
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Column width by character count (not bytes: Vietnamese letters take 2–3 bytes).
fn width_of(v: &Value<'_>) -> usize {
    match v {
        Value::Empty => 0,
        Value::Text(t) => t.chars().count() + 1,
        Value::Int(n) => n.to_string().len(),
        Value::Num(n) => n.to_string().len(),
        Value::Percent(_) => 7,
        Value::Bool(_) => 5,
        Value::Date(_) => 10,
        Value::DateTime(_) => 16,
    }
}

fn set_widths(ws: &mut Worksheet, widths: &[usize]) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        let chars = u32::try_from((*w).clamp(6, MAX_WIDTH)).unwrap_or(60);
        ws.set_column_width(col(c), f64::from(chars) + 2.0)?;
    }
    Ok(())
}

fn put(ws: &mut Worksheet, row: u32, c: u16, v: &Value<'_>, f: &Formats) -> Result<(), XlsxError> {
    match v {
        Value::Empty => {}
        Value::Text(text) => {
            ws.write_string(row, c, neutralise(text).as_ref())?;
        }
        Value::Int(n) => {
            // Counts and ids stay far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            ws.write_number(row, c, *n as f64)?;
        }
        Value::Num(n) => {
            ws.write_number(row, c, *n)?;
        }
        Value::Percent(p) => {
            ws.write_number_with_format(row, c, p / 100.0, &f.percent)?;
        }
        Value::Bool(b) => {
            ws.write_boolean(row, c, *b)?;
        }
        Value::Date(d) => {
            ws.write_datetime_with_format(row, c, excel_date(*d)?, &f.date)?;
        }
        Value::DateTime(t) => {
            ws.write_datetime_with_format(row, c, excel_datetime(*t)?, &f.datetime)?;
        }
    }
    Ok(())
}

/// How a sheet prints: A4 landscape, the header rows `repeat` (first, last) on every page,
/// and, for the summary and the grids, the width of the page filled by every column (an
/// officer prints them for a meeting; a table of many columns stays readable instead).
fn page_setup(
    ws: &mut Worksheet,
    repeat: Option<(u32, u32)>,
    fit_width: bool,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    if let Some((first, last)) = repeat {
        ws.set_repeat_rows(first, last)?;
    }
    if fit_width {
        ws.set_print_fit_to_pages(1, 0);
    }
    Ok(())
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`, and unique (Excel compares them
/// without case): a second "Thứ Bảy 07-05-2022" becomes "Thứ Bảy 07-05-2022 (2)".
fn sheet_name(title: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let clean = if clean.is_empty() { "Sheet" } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let name: String = clean.chars().take(room).collect::<String>() + &suffix;
        if taken.insert(name.to_lowercase()) {
            return name;
        }
        n += 1;
    }
}

/// A table's sheet while its rows are written: the next row and the columns' widths so far.
struct TableSheet {
    ws: Worksheet,
    next_row: u32,
    widths: Vec<usize>,
}

impl TableSheet {
    fn start(mut ws: Worksheet, name: &str, head: &Head, f: &Formats) -> Result<Self, XlsxError> {
        ws.set_name(name)?;
        for (c, h) in head.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(c), neutralise(h).as_ref(), &f.header)?;
        }
        ws.set_freeze_panes(1, 0)?;
        page_setup(&mut ws, Some((0, 0)), false)?;
        Ok(TableSheet {
            ws,
            next_row: 1,
            widths: head.headers.iter().map(|h| h.chars().count()).collect(),
        })
    }

    fn row(&mut self, row: &[Value<'_>], f: &Formats) -> Result<(), XlsxError> {
        let r = self.next_row;
        for (c, v) in row.iter().enumerate() {
            put(&mut self.ws, r, col(c), v, f)?;
        }
        if r <= WIDTH_SAMPLE {
            for (w, v) in self.widths.iter_mut().zip(row) {
                *w = (*w).max(width_of(v));
            }
        }
        // Past Excel's last row the library refuses the cell, and says so.
        self.next_row = r.saturating_add(1);
        Ok(())
    }

    fn rows(&mut self, cells: &[Value<'_>], lens: &[usize], f: &Formats) -> Result<(), XlsxError> {
        let mut at = 0;
        for n in lens {
            let end = (at + n).min(cells.len());
            self.row(&cells[at..end], f)?;
            at = end;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        set_widths(&mut self.ws, &self.widths)?;
        Ok(self.ws)
    }
}

/// The main writer: every sheet but the one handed to the side writer, kept in workbook
/// order and added to the workbook when all are written.
struct XlsxSink {
    wb: Workbook,
    f: Formats,
    names: HashSet<String>,
    /// The table being written, and its place in `sheets`.
    open: Option<(TableSheet, usize)>,
    /// In workbook order.
    sheets: Vec<Slot>,
}

/// A place in the workbook's order of sheets.
enum Slot {
    Sheet(Box<Worksheet>),
    /// The table being written: its grids come after it.
    Writing,
    /// The side writer's sheet goes here, under this name.
    Aside(String),
}

impl XlsxSink {
    /// Takes the messages until the reading side is done.
    fn run(&mut self, rx: std::sync::mpsc::Receiver<Msg<'_>>) -> Result<(), XlsxError> {
        for msg in rx {
            match msg {
                Msg::Begin(head) => {
                    let name = sheet_name(&head.title, &mut self.names);
                    // Rows of long, mostly unique texts (the initiatives) are written
                    // inline, the rest through the shared string table: a unit's name is
                    // stored once, not per figure.
                    let ws = if head.key == "initiatives" {
                        self.wb.new_worksheet_with_constant_memory()?
                    } else {
                        self.wb.new_worksheet_with_low_memory()?
                    };
                    self.open = Some((
                        TableSheet::start(ws, &name, &head, &self.f)?,
                        self.sheets.len(),
                    ));
                    self.sheets.push(Slot::Writing);
                }
                Msg::Rows { cells, lens } => {
                    if let Some((sheet, _)) = self.open.as_mut() {
                        sheet.rows(&cells, &lens, &self.f)?;
                    }
                }
                Msg::End => {
                    if let Some((sheet, at)) = self.open.take()
                        && let Some(slot) = self.sheets.get_mut(at)
                    {
                        *slot = Slot::Sheet(Box::new(sheet.finish()?));
                    }
                }
                Msg::Aside(head) => {
                    let name = sheet_name(&head.title, &mut self.names);
                    self.sheets.push(Slot::Aside(name));
                }
                // Grids are written by the side writer; their places come as `Aside`.
                Msg::Grid(_) => {}
            }
        }
        Ok(())
    }
}

/// The side writer: the one table it is handed (the initiatives, long texts), on its own
/// thread, into a sheet made before the threads started.
fn run_aside(
    mut blank: Vec<Worksheet>,
    f: &Formats,
    s: &Strings,
    now: DateTime<FixedOffset>,
    rx: std::sync::mpsc::Receiver<Msg<'_>>,
) -> Result<Vec<Worksheet>, XlsxError> {
    // Taken from the back: made in the order they are used.
    blank.reverse();
    let mut open: Option<TableSheet> = None;
    let mut done = Vec::new();
    let out_of_sheets = || XlsxError::ParameterError("no sheet left for the side writer".into());
    for msg in rx {
        match msg {
            Msg::Begin(head) => {
                let ws = blank.pop().ok_or_else(out_of_sheets)?;
                // Named for now; the main writer's name for it (unique) is set last.
                let name = sheet_name(&head.title, &mut HashSet::new());
                open = Some(TableSheet::start(ws, &name, &head, f)?);
            }
            Msg::Rows { cells, lens } => {
                if let Some(sheet) = open.as_mut() {
                    sheet.rows(&cells, &lens, f)?;
                }
            }
            Msg::End => {
                if let Some(sheet) = open.take() {
                    done.push(sheet.finish()?);
                }
            }
            Msg::Grid(grid) => {
                let ws = blank.pop().ok_or_else(out_of_sheets)?;
                done.push(write_grid(ws, &grid, s, now, f)?);
            }
            Msg::Aside(_) => {}
        }
    }
    Ok(done)
}

/// The name of a Saturday's grid sheet, before it is made unique.
fn grid_title(s: &Strings, grid: &Grid<'_>) -> String {
    s.ex_grid_sheet(grid.day.date.format("%d-%m-%Y"))
}

/// A Saturday as tab 4 shows it, into `ws`: a unit per row, a figure per column, a totals
/// row of SUM formulas (their results written too, for viewers that do not calculate) and
/// the share of land files resolved.
fn write_grid(
    mut ws: Worksheet,
    grid: &Grid<'_>,
    s: &Strings,
    now: DateTime<FixedOffset>,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    {
        let day = grid.day;
        ws.set_name(sheet_name(&grid_title(s, grid), &mut HashSet::new()))?;
        let heading = s.br_day(day.round, &day.title, format_date(day.date));
        ws.write_string_with_format(0, 0, neutralise(&heading).as_ref(), &f.title)?;
        ws.write_string(1, 0, s.ex_as_of(local(now).format("%H:%M %d/%m/%Y")))?;
        const HEAD: u32 = 3;
        let first_metric = 2usize;
        let mut widths = vec![
            s.ex_h_grid_code.chars().count(),
            s.ex_h_grid_name.chars().count(),
        ];
        ws.set_row_height(HEAD, 48)?;
        ws.write_string_with_format(HEAD, 0, s.ex_h_grid_code, &f.header_wrap)?;
        ws.write_string_with_format(HEAD, 1, s.ex_h_grid_name, &f.header_wrap)?;
        for (i, m) in Metric::ALL.iter().enumerate() {
            ws.write_string_with_format(HEAD, col(first_metric + i), s.metric(*m), &f.header_wrap)?;
            widths.push(12);
        }
        let mut r = HEAD + 1;
        for (unit, values) in &grid.rows {
            ws.write_string(r, 0, neutralise(&unit.code).as_ref())?;
            ws.write_string(r, 1, neutralise(&unit.name).as_ref())?;
            widths[0] = widths[0].max(unit.code.chars().count());
            widths[1] = widths[1].max(unit.name.chars().count());
            for (i, v) in values.iter().enumerate() {
                if let Some(v) = v {
                    #[allow(clippy::cast_precision_loss)]
                    ws.write_number(r, col(first_metric + i), *v as f64)?;
                }
            }
            r += 1;
        }
        let total_row = r;
        ws.write_string_with_format(total_row, 0, "", &f.total)?;
        ws.write_string_with_format(total_row, 1, s.ex_grid_total, &f.total)?;
        let mut totals = [0i64; Metric::ALL.len()];
        for (_, values) in &grid.rows {
            for (t, v) in totals.iter_mut().zip(values) {
                *t = t.saturating_add(v.unwrap_or(0));
            }
        }
        let letter =
            |i: usize| rust_xlsxwriter::utility::column_number_to_name(col(first_metric + i));
        for (i, total) in totals.iter().enumerate() {
            let formula = if grid.rows.is_empty() {
                Formula::new("=0").set_result("0")
            } else {
                let c = letter(i);
                Formula::new(format!("=SUM({c}{}:{c}{})", HEAD + 2, total_row))
                    .set_result(total.to_string())
            };
            ws.write_formula_with_format(total_row, col(first_metric + i), formula, &f.total)?;
        }
        // The plan's headline target: the share of the week's land files resolved.
        let pos = |m: Metric| Metric::ALL.iter().position(|x| *x == m).unwrap_or(0);
        let (land, resolved) = (pos(Metric::LandTotal), pos(Metric::LandResolved));
        let (lt, lr) = (
            format!("{}{}", letter(land), total_row + 1),
            format!("{}{}", letter(resolved), total_row + 1),
        );
        let share = match (totals[land], totals[resolved]) {
            (0, _) => String::new(),
            #[allow(clippy::cast_precision_loss)]
            (t, r) => (r as f64 / t as f64).to_string(),
        };
        ws.write_string(total_row + 1, 1, s.ex_grid_land_share)?;
        ws.write_formula_with_format(
            total_row + 1,
            col(first_metric + resolved),
            Formula::new(format!("=IF({lt}=0,\"\",{lr}/{lt})")).set_result(share),
            &f.percent_bold,
        )?;
        ws.set_freeze_panes(HEAD + 1, 2)?;
        page_setup(&mut ws, Some((HEAD, HEAD)), true)?;
        set_widths(&mut ws, &widths)?;
    }
    Ok(ws)
}

/// The first sheet: what someone opening the workbook wants to read before any table.
fn summary(
    wb: &mut Workbook,
    src: Source<'_>,
    f: &Formats,
    names: &mut HashSet<String>,
) -> Result<(), Failure> {
    let Source {
        store,
        board,
        now,
        s,
    } = src;
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(s.ex_summary, names))?;
    let c = &board.campaign;
    ws.write_string_with_format(0, 0, neutralise(&c.title).as_ref(), &f.title)?;
    let mut r = 2u32;
    let pairs: [(&str, Value<'_>); 5] = [
        (s.ex_sum_organiser, Value::text(&c.district)),
        (
            s.ex_sum_period,
            Value::owned(format!(
                "{} – {}",
                format_date(c.starts_on),
                format_date(c.ends_on)
            )),
        ),
        (s.ex_sum_as_of, Value::DateTime(now)),
        (
            s.ex_sum_units,
            Value::Int(i64::try_from(board.units.len()).unwrap_or(0)),
        ),
        (s.ex_sum_code, Value::text(&c.code)),
    ];
    for (label, v) in &pairs {
        ws.write_string_with_format(r, 0, *label, &f.bold)?;
        put(ws, r, 1, v, f)?;
        r += 1;
    }

    r += 1;
    ws.write_string_with_format(r, 0, s.ex_sum_checklist, &f.title)?;
    r += 1;
    let headers: Vec<&str> = s.ex_h_sum_checklist.split('|').collect();
    for (i, h) in headers.iter().enumerate() {
        ws.write_string_with_format(r, col(i), *h, &f.header)?;
    }
    r += 1;
    for p in overview::progress(board, now) {
        let Some(req) = board.requirements.get(p.requirement) else {
            continue;
        };
        let n = |k: usize| Value::Int(i64::try_from(k).unwrap_or(0));
        #[allow(clippy::cast_precision_loss)]
        let share = (p.applicable > 0).then(|| 100.0 * p.done as f64 / p.applicable as f64);
        let row = [
            Value::text(&req.title),
            if req.deadline_explicit {
                Value::DateTime(req.deadline)
            } else {
                Value::text(s.br_during_campaign)
            },
            Value::text(source_word(s, req.source)),
            n(p.applicable),
            n(p.done),
            n(p.missing.len()),
            n(p.overdue.len()),
            Value::opt_percent(share),
        ];
        for (i, v) in row.iter().enumerate() {
            put(ws, r, col(i), v, f)?;
        }
        r += 1;
    }

    r += 1;
    ws.write_string_with_format(r, 0, s.ex_t_kpis, &f.title)?;
    r += 1;
    for (i, h) in s.ex_h_sum_kpis.split('|').enumerate() {
        ws.write_string_with_format(r, col(i), h, &f.header)?;
    }
    r += 1;
    for l in kpi::compute(board, store, now)? {
        let row = [
            Value::text(&l.kpi.name),
            Value::opt_percent(l.value),
            Value::opt_percent(l.kpi.target),
            Value::text(s.kpi_status(l.status)),
        ];
        for (i, v) in row.iter().enumerate() {
            put(ws, r, col(i), v, f)?;
        }
        r += 1;
    }

    r += 1;
    ws.write_string_with_format(r, 0, s.br_saturday, &f.title)?;
    r += 1;
    let day = saturday::in_view(board, now).and_then(|i| board.volunteer_days.get(i));
    match day {
        None => {
            ws.write_string(r, 0, s.br_no_day)?;
        }
        Some(day) => {
            let heading = s.br_day(day.round, &day.title, format_date(day.date));
            ws.write_string(r, 0, neutralise(&heading).as_ref())?;
            r += 1;
            let registered = store
                .registrations(day.id)?
                .iter()
                .filter(|g| known(g.registered_at, now))
                .count();
            let reported = store
                .reports(day.id)?
                .iter()
                .filter(|p| p.as_of(now).is_some())
                .count();
            for (label, n) in [
                (s.ex_sum_registered, registered),
                (s.ex_sum_reported, reported),
            ] {
                ws.write_string_with_format(r, 0, label, &f.bold)?;
                ws.write_number(r, 1, f64::from(u32::try_from(n).unwrap_or(u32::MAX)))?;
                r += 1;
            }
            let figures: Vec<_> = store
                .figures(day.id)?
                .into_iter()
                .filter(|x| known(x.updated_at, now))
                .collect();
            ws.write_string_with_format(r, 0, s.br_col_metric, &f.header)?;
            ws.write_string_with_format(r, 1, s.br_col_total, &f.header)?;
            r += 1;
            for m in Metric::ALL {
                let sum: i64 = figures
                    .iter()
                    .filter(|x| x.metric == m)
                    .map(|x| x.value)
                    .sum();
                ws.write_string(r, 0, s.metric(m))?;
                #[allow(clippy::cast_precision_loss)]
                ws.write_number(r, 1, sum as f64)?;
                r += 1;
            }
        }
    }
    set_widths(ws, &[60, 18, 16, 10, 10, 10, 10, 10])?;
    page_setup(ws, None, true)?;
    Ok(())
}

/// What the reading side hands the writing side: a table's rows go in batches, flat (a
/// row per `lens` entry), so a million rows are a few hundred messages.
enum Msg<'a> {
    Begin(Head),
    Rows {
        cells: Vec<Value<'a>>,
        lens: Vec<usize>,
    },
    End,
    /// The table is written by the side writer: its sheet goes here in the workbook.
    Aside(Head),
    Grid(Grid<'a>),
}

const BATCH: usize = 2_048;

/// The sink the store's rows are read into: it passes them to the threads writing the
/// workbook, so reading SQLite, laying out the initiatives' long texts and laying out the
/// rest each take a core when there is one.
struct Relay<'a> {
    s: &'static Strings,
    main: std::sync::mpsc::SyncSender<Msg<'a>>,
    aside: Option<std::sync::mpsc::SyncSender<Msg<'a>>>,
    /// Whether the table being read goes to the side writer.
    to_aside: bool,
    cells: Vec<Value<'a>>,
    lens: Vec<usize>,
}

/// Said when a writing side has stopped; its own error is the one reported.
fn stopped() -> WriteCause {
    WriteCause::Other("the workbook writer stopped".into())
}

impl<'a> Relay<'a> {
    fn send(&self, msg: Msg<'a>) -> Result<(), WriteCause> {
        let to = match (&self.aside, self.to_aside) {
            (Some(aside), true) => aside,
            _ => &self.main,
        };
        to.send(msg).map_err(|_| stopped())
    }

    fn flush(&mut self) -> Result<(), WriteCause> {
        if self.lens.is_empty() {
            return Ok(());
        }
        let cells = std::mem::replace(&mut self.cells, Vec::with_capacity(BATCH * 8));
        let lens = std::mem::replace(&mut self.lens, Vec::with_capacity(BATCH));
        self.send(Msg::Rows { cells, lens })
    }
}

impl<'a> Sink<'a> for Relay<'a> {
    fn begin(&mut self, head: &Head) -> Result<(), WriteCause> {
        self.flush()?;
        self.to_aside = head.key == "initiatives" && self.aside.is_some();
        if self.to_aside {
            self.main
                .send(Msg::Aside(head.clone()))
                .map_err(|_| stopped())?;
        }
        self.send(Msg::Begin(head.clone()))
    }

    fn row(&mut self, row: &[Value<'a>]) -> Result<(), WriteCause> {
        // Borrowed text (a unit's name) is copied as a pointer, not as text.
        self.cells.extend_from_slice(row);
        self.lens.push(row.len());
        if self.lens.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), WriteCause> {
        self.flush()?;
        self.send(Msg::End)?;
        self.to_aside = false;
        Ok(())
    }

    fn wants_grids(&self) -> bool {
        true
    }

    fn grid(&mut self, grid: Grid<'a>) -> Result<(), WriteCause> {
        self.flush()?;
        match &self.aside {
            Some(aside) => {
                let title = grid_title(self.s, &grid);
                self.main
                    .send(Msg::Aside(Head {
                        key: "grid",
                        title,
                        headers: Vec::new(),
                    }))
                    .map_err(|_| stopped())?;
                aside.send(Msg::Grid(grid)).map_err(|_| stopped())
            }
            None => Err(stopped()),
        }
    }
}

/// Writes the workbook of `src` into `file` (the temporary file beside `out`): the summary
/// first, then the tables and grids as the store is read, on two more threads, and the
/// whole zipped into `file` at the end.
pub(super) fn write(src: Source<'_>, out: &Path, file: &mut File) -> Result<(), Failure> {
    let mut wb = Workbook::new();
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    wb.set_tempdir(&dir)?;
    // The fastest deflate: a workbook of a million rows zips in a fraction of a second and
    // is still a sixth of its XML's size.
    wb.set_zip_compression_level(1);
    let f = Formats::new();
    let mut names = HashSet::new();
    summary(&mut wb, src, &f, &mut names)?;
    // The side writer's sheets, made here (only the workbook makes sheets): the
    // initiatives', written inline, then a grid's for each Saturday that gets one.
    let mut blank = vec![wb.new_worksheet_with_constant_memory()?];
    for _ in 0..tables::grid_days(&src).len() {
        blank.push(wb.new_worksheet_with_low_memory()?);
    }
    let aside_formats = Formats::new();
    let mut sink = XlsxSink {
        wb,
        f,
        names,
        open: None,
        sheets: Vec::new(),
    };
    let (main_tx, main_rx) = std::sync::mpsc::sync_channel(8);
    let (aside_tx, aside_rx) = std::sync::mpsc::sync_channel(8);
    let (read, written, aside) = std::thread::scope(|scope| {
        let writer = scope.spawn(|| sink.run(main_rx));
        let side = scope.spawn(|| run_aside(blank, &aside_formats, src.s, src.now, aside_rx));
        let mut relay = Relay {
            s: src.s,
            main: main_tx,
            aside: Some(aside_tx),
            to_aside: false,
            cells: Vec::with_capacity(BATCH * 8),
            lens: Vec::with_capacity(BATCH),
        };
        let read = tables::stream(src, &mut relay).and_then(|()| Ok(relay.flush()?));
        // Dropping the senders ends the writers' loops.
        drop(relay);
        let panicked = || XlsxError::ParameterError(stopped().to_string());
        let written = writer.join().unwrap_or_else(|_| Err(panicked()));
        let aside = side.join().unwrap_or_else(|_| Err(panicked()));
        (read, written, aside)
    });
    // A writer's own error explains why the reading side was stopped.
    written?;
    let aside = aside?;
    read?;
    // The side writer's sheets came in the order their places were sent to the main one.
    let mut aside = aside.into_iter();
    for sheet in std::mem::take(&mut sink.sheets) {
        match sheet {
            Slot::Sheet(ws) => sink.wb.push_worksheet(*ws),
            Slot::Aside(name) => {
                if let Some(mut ws) = aside.next() {
                    ws.set_name(name)?;
                    sink.wb.push_worksheet(ws);
                }
            }
            Slot::Writing => {}
        }
    }
    // Into the temporary file already open: the library never opens a path itself.
    sink.wb.save_to_writer(&mut *file)?;
    Ok(())
}
