//! Import: a CSV from the registration sheet, checked whole before anything is written.
//! Reading the file gives a [`Plan`] — for every row: add, update, unchanged, or why it is
//! wrong — which the CLI prints and the app previews. A plan with any error writes nothing;
//! a clean plan is written in one audited change ([`Store::apply_import`]).
//!
//! Rows are matched on a natural key (a unit by code or name; an initiative by unit and
//! title; a registration by Saturday and unit; a figure by Saturday, unit and figure), so the
//! same file imported twice changes nothing the second time. An empty cell leaves what the
//! store holds as it is.

pub mod csv_file;
mod initiatives;
pub mod preview;
mod saturday;
mod units;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::domain::change::ChangeSummary;
use crate::domain::import::{Col, HeaderIssue, HeaderMap, ImportKind, map_headers};
use crate::domain::sheet::key;
use crate::domain::time::DateIssue;
use crate::domain::time::format_date;
use crate::domain::unit_match::{UnitMatcher, UnitMiss};
use crate::i18n::{Lang, Strings, strings};
use crate::store::{Board, ImportOp, Store};
use csv_file::{FileIssue, Sheet};

/// What importing a row does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Add,
    Update,
    Unchanged,
}

/// One planned change (a row, or one figure of a row), for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The row in the spreadsheet (the header is row 1).
    pub row: usize,
    pub outcome: Outcome,
    /// What it is about: "P. Tân Quý — Ứng dụng Zalo …".
    pub label: String,
    /// For an update, the columns whose value changes.
    pub changed: Vec<String>,
}

/// A reason the file cannot go in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The spreadsheet row (1 is the header row; 0 means the file as a whole).
    pub row: usize,
    /// "C «Ngày đăng ký»": the column's letter and its header as the file has it.
    pub column: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub kind: ImportKind,
    /// The file's name, as the audit log and status line give it.
    pub source: String,
    /// Data rows read (blank rows not counted).
    pub rows_read: usize,
    pub items: Vec<Item>,
    pub errors: Vec<RowError>,
    /// Things the officer should know before saying yes (ignored columns, defaults used).
    pub notes: Vec<String>,
    ops: Vec<ImportOp>,
}

impl Plan {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.items.iter().filter(|i| i.outcome == outcome).count()
    }

    /// Nothing wrong: the plan can be written.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether writing would change the store.
    pub fn has_changes(&self) -> bool {
        !self.ops.is_empty()
    }

    pub fn ops(&self) -> &[ImportOp] {
        &self.ops
    }

    fn failed(kind: ImportKind, source: &str, errors: Vec<RowError>) -> Plan {
        Plan {
            kind,
            source: source.to_string(),
            rows_read: 0,
            items: Vec::new(),
            errors,
            notes: Vec::new(),
            ops: Vec::new(),
        }
    }

    /// The one-line count: "12 dòng: thêm 10, cập nhật 1, giữ nguyên 1, lỗi 0", or with
    /// errors how many rows are wrong (then nothing is written, so nothing is "added").
    pub fn summary(&self, s: &Strings) -> String {
        if self.rows_read == 0 && !self.errors.is_empty() {
            return s.im_summary_file.to_string();
        }
        if !self.errors.is_empty() {
            let mut bad: Vec<usize> = self.errors.iter().map(|e| e.row).collect();
            bad.sort_unstable();
            bad.dedup();
            return s.im_summary_errors(self.rows_read, bad.len(), self.errors.len());
        }
        s.im_summary(
            self.rows_read,
            self.count(Outcome::Add).to_string(),
            self.count(Outcome::Update).to_string(),
            self.count(Outcome::Unchanged).to_string(),
            self.errors.len(),
        )
    }
}

/// What a plan is made against.
pub struct Context<'a> {
    pub store: &'a Store,
    pub board: &'a Board,
    pub now: DateTime<FixedOffset>,
    pub lang: Lang,
    /// The Saturday (index into `board.volunteer_days`) for files without a Saturday column.
    pub default_day: Option<usize>,
}

impl Context<'_> {
    fn s(&self) -> &'static Strings {
        strings(self.lang)
    }
}

/// How many ignored columns the note names; the rest are counted.
const IGNORED_SHOWN: usize = 10;

/// Reads and checks a file. Never writes.
pub fn plan_file(path: &Path, kind: ImportKind, ctx: &Context<'_>) -> Plan {
    let source = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    match std::fs::read(path) {
        Ok(bytes) => plan_bytes(&bytes, &source, kind, ctx),
        Err(e) => Plan::failed(
            kind,
            &source,
            vec![RowError {
                row: 0,
                column: None,
                reason: ctx.s().im_err_open(
                    crate::text::one_line(&path.display().to_string()),
                    ctx.s().io_error(&e),
                ),
            }],
        ),
    }
}

pub fn plan_bytes(bytes: &[u8], source: &str, kind: ImportKind, ctx: &Context<'_>) -> Plan {
    let s = ctx.s();
    let sheet = match csv_file::read(bytes) {
        Ok(sheet) => sheet,
        Err(issue) => {
            let (row, reason) = file_issue(&issue, s);
            return Plan::failed(
                kind,
                source,
                vec![RowError {
                    row,
                    column: None,
                    reason,
                }],
            );
        }
    };
    let map = match map_headers(kind, &sheet.headers) {
        Ok(map) => map,
        Err(issues) => {
            let errors = issues
                .iter()
                .map(|i| header_issue(i, kind, &sheet.headers, ctx.lang))
                .collect();
            let mut plan = Plan::failed(kind, source, errors);
            plan.rows_read = sheet.rows.len();
            return plan;
        }
    };
    let mut p = Planner::new(kind, source, &sheet, &map, ctx);
    if !map.unknown.is_empty() {
        // A sheet with a hundred stray columns gets a note of a line or two, not a page.
        let mut names: Vec<String> = map
            .unknown
            .iter()
            .take(IGNORED_SHOWN)
            .map(|(i, h)| format!("{} {}", column_letter(*i), s.quote(h)))
            .collect();
        if map.unknown.len() > IGNORED_SHOWN {
            names.push(s.im_more_columns(map.unknown.len() - IGNORED_SHOWN));
        }
        p.plan.notes.push(s.im_note_ignored(names.join(", ")));
    }
    if sheet.rows.is_empty() {
        p.plan.errors.push(RowError {
            row: 0,
            column: None,
            reason: s.im_err_no_rows.to_string(),
        });
        return p.plan;
    }
    match kind {
        ImportKind::Units => units::plan(&mut p),
        ImportKind::Initiatives => initiatives::plan(&mut p),
        ImportKind::Registrations => saturday::plan_registrations(&mut p),
        ImportKind::Figures => saturday::plan_figures(&mut p),
    }
    if !p.plan.errors.is_empty() {
        // Nothing will be written: the preview then lists only what is wrong.
        p.plan.ops.clear();
    }
    p.plan
}

/// Writes a clean plan in one audited change. Refuses a plan with errors.
pub fn apply(
    store: &mut Store,
    plan: &Plan,
    lang: Lang,
    now: DateTime<FixedOffset>,
) -> crate::store::Result<()> {
    if !plan.is_clean() {
        return Err(crate::store::StoreError::Invalid(
            crate::store::Invalid::ImportHasErrors,
        ));
    }
    if plan.ops.is_empty() {
        return Ok(());
    }
    let s = strings(lang);
    store.apply_import(
        &plan.ops,
        &s.im_stage_note(&plan.source),
        now,
        &ChangeSummary::Import {
            what: plan.kind,
            source: plan.source.clone(),
        },
    )
}

/// The Saturday rows go to when a file has no Saturday column: the next one from today (the
/// one being registered for), or the last when the campaign's Saturdays are all past.
pub fn upcoming_day(
    days: &[crate::store::VolunteerDayRow],
    now: DateTime<FixedOffset>,
) -> Option<usize> {
    let today = now
        .with_timezone(&crate::domain::time::local_offset())
        .date_naive();
    days.iter()
        .enumerate()
        .filter(|(_, d)| d.date >= today)
        .min_by_key(|(_, d)| d.date)
        .or_else(|| days.iter().enumerate().max_by_key(|(_, d)| d.date))
        .map(|(i, _)| i)
}

pub fn kind_name(kind: ImportKind, s: &Strings) -> &'static str {
    s.import_kind(kind)
}

/// A, B, …, Z, AA, AB … as spreadsheets name columns (0-based index).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + u8::try_from(rem).unwrap_or(0));
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn file_issue(issue: &FileIssue, s: &Strings) -> (usize, String) {
    match issue {
        FileIssue::Empty => (0, s.im_err_empty.to_string()),
        FileIssue::Workbook => (0, s.im_err_workbook.to_string()),
        FileIssue::Utf16 => (0, s.im_err_utf16.to_string()),
        FileIssue::NotUtf8 { line } => (*line, s.im_err_not_utf8.to_string()),
        FileIssue::TooManyColumns { count } => (
            1,
            s.im_err_too_many_columns(s.grouped(*count), s.grouped(csv_file::MAX_COLUMNS)),
        ),
        FileIssue::Csv { line, message } => {
            (usize::try_from(*line).unwrap_or(0), s.im_err_csv(message))
        }
    }
}

fn header_issue(issue: &HeaderIssue, kind: ImportKind, headers: &[String], lang: Lang) -> RowError {
    let s = strings(lang);
    match issue {
        HeaderIssue::Missing { any_of } => {
            let names: Vec<String> = any_of
                .iter()
                .take(3)
                .map(|c| format!("«{}»", crate::i18n::header_name(lang, kind, *c)))
                .collect();
            let mut names = names.join(s.im_or);
            if any_of.len() > 3 {
                names.push_str(s.im_or);
                names.push('…');
            }
            RowError {
                row: 1,
                column: None,
                reason: s.im_err_missing_column(&names),
            }
        }
        HeaderIssue::Twice { col, first, second } => RowError {
            row: 1,
            column: Some(column_words(*second, headers, s)),
            reason: s.im_err_twice(
                column_label(*first, headers, s),
                crate::i18n::header_name(lang, kind, *col),
            ),
        },
    }
}

fn column_label(index: usize, headers: &[String], s: &Strings) -> String {
    let header = headers.get(index).map_or("", String::as_str);
    format!("{} {}", column_letter(index), s.quote(header))
}

/// "cột C «Ngày đăng ký»".
fn column_words(index: usize, headers: &[String], s: &Strings) -> String {
    s.im_column(column_label(index, headers, s))
}

/// One data row being read.
struct Row<'a> {
    n: usize,
    cells: &'a [String],
}

/// Shared state of a plan in the making.
struct Planner<'a, 'c> {
    plan: Plan,
    sheet: &'a Sheet,
    map: &'a HeaderMap,
    ctx: &'a Context<'c>,
    matcher: UnitMatcher,
    /// Natural key → first row, to refuse the same thing twice in one file.
    seen: HashMap<String, usize>,
}

impl<'a, 'c> Planner<'a, 'c> {
    fn new(
        kind: ImportKind,
        source: &str,
        sheet: &'a Sheet,
        map: &'a HeaderMap,
        ctx: &'a Context<'c>,
    ) -> Planner<'a, 'c> {
        Planner {
            plan: Plan {
                kind,
                source: source.to_string(),
                rows_read: sheet.rows.len(),
                items: Vec::new(),
                errors: Vec::new(),
                notes: Vec::new(),
                ops: Vec::new(),
            },
            sheet,
            map,
            ctx,
            matcher: UnitMatcher::new(&ctx.board.units),
            seen: HashMap::new(),
        }
    }

    fn s(&self) -> &'static Strings {
        self.ctx.s()
    }

    fn rows(&self) -> impl Iterator<Item = Row<'a>> + use<'a> {
        self.sheet
            .rows
            .iter()
            .map(|(n, cells)| Row { n: *n, cells })
    }

    /// The trimmed cell of `col`; None when the file has no such column or the cell is empty.
    fn cell<'r>(&self, row: &Row<'r>, col: Col) -> Option<&'r str> {
        let i = self.map.get(col)?;
        row.cells
            .get(i)
            .map(|c| crate::text::unneutralise(c.trim()))
            .filter(|c| !c.is_empty())
    }

    fn has(&self, col: Col) -> bool {
        self.map.has(col)
    }

    /// The column's name for messages about it: as the officer's own header says it.
    fn header(&self, col: Col) -> String {
        match self.map.get(col) {
            Some(i) => self.sheet.headers.get(i).cloned().unwrap_or_default(),
            None => crate::i18n::header_name(self.ctx.lang, self.plan.kind, col).to_string(),
        }
    }

    fn error(&mut self, row: &Row<'_>, col: Option<Col>, reason: String) {
        let s = self.s();
        let column = col
            .and_then(|c| self.map.get(c))
            .map(|i| column_words(i, &self.sheet.headers, s));
        self.plan.errors.push(RowError {
            row: row.n,
            column,
            reason,
        });
    }

    fn item(&mut self, row: &Row<'_>, outcome: Outcome, label: String, changed: Vec<String>) {
        self.plan.items.push(Item {
            row: row.n,
            outcome,
            label,
            changed,
        });
    }

    /// Whether `key` was already seen at an earlier row (which is then reported).
    fn duplicate(&mut self, row: &Row<'_>, natural_key: String, col: Col) -> bool {
        if let Some(&first) = self.seen.get(&natural_key) {
            let reason = self.s().im_err_duplicate(first);
            self.error(row, Some(col), reason);
            return true;
        }
        self.seen.insert(natural_key, row.n);
        false
    }

    /// The unit a row is about: by code when the file has a code, else by name.
    fn unit(&mut self, row: &Row<'_>) -> Option<i64> {
        let s = self.s();
        if let Some(code) = self.cell(row, Col::UnitCode) {
            let k = key(code);
            if let Some(u) = self.ctx.board.units.iter().find(|u| key(&u.code) == k) {
                return Some(u.id);
            }
            let mut reason = s.im_err_unit_code(s.quote(code));
            if let Err(UnitMiss::Unknown { suggestions }) = self.matcher.find(code) {
                reason.push_str(&did_you_mean(&suggestions, s));
            }
            self.error(row, Some(Col::UnitCode), reason);
            return None;
        }
        let col = if self.has(Col::UnitName) {
            Col::UnitName
        } else {
            Col::UnitCode
        };
        let Some(name) = self.cell(row, Col::UnitName) else {
            self.error(row, Some(col), s.im_err_empty_cell.to_string());
            return None;
        };
        match self.matcher.find(name) {
            Ok(id) => Some(id),
            Err(miss) => {
                let reason = unit_miss(name, &miss, s);
                self.error(row, Some(Col::UnitName), reason);
                None
            }
        }
    }

    /// Whether `unit_id` owes something about volunteer day `day` (an index into the board's
    /// days); when not, the row is refused on `col` with who does owe it.
    fn owes_day(&mut self, row: &Row<'_>, day: usize, unit_id: i64, col: Col) -> bool {
        let board = self.ctx.board;
        let (Some(d), Some(unit)) = (
            board.volunteer_days.get(day),
            board.units.iter().find(|u| u.id == unit_id),
        ) else {
            return true;
        };
        if board.owes_day(unit, d.id) {
            return true;
        }
        let s = self.s();
        let reason = match board.youth_base_of(unit) {
            Some(base) => s.im_err_base_owes(s.quote(&unit.name), s.quote(&base.name)),
            None => s.im_err_not_owed(s.quote(&unit.name)),
        };
        self.error(row, Some(col), reason);
        false
    }

    fn unit_label(&self, unit_id: i64) -> String {
        self.ctx
            .board
            .units
            .iter()
            .find(|u| u.id == unit_id)
            .map(|u| u.short_name())
            .unwrap_or_default()
    }

    /// A date cell's refusal, in the words the forms use too.
    fn date_error(&self, text: &str, issue: &DateIssue) -> String {
        self.s().date_problem(text, issue)
    }

    /// A whole number cell (people, volunteers): `12`, `1.200`; letters refused.
    fn count(&mut self, row: &Row<'_>, col: Col) -> Result<Option<i64>, ()> {
        let Some(text) = self.cell(row, col) else {
            return Ok(None);
        };
        match crate::domain::figures::parse_figure(text) {
            Ok(v) => Ok(v),
            Err(e) => {
                let reason = self.s().figure_error(&e);
                self.error(row, Some(col), reason);
                Err(())
            }
        }
    }

    /// Text longer than the store keeps is refused, not cut.
    fn text(&mut self, row: &Row<'_>, col: Col, max: usize) -> Result<Option<String>, ()> {
        let Some(text) = self.cell(row, col) else {
            return Ok(None);
        };
        let n = text.chars().count();
        if n > max {
            let reason = self.s().err_too_long(max, n);
            self.error(row, Some(col), reason);
            return Err(());
        }
        Ok(Some(text.to_string()))
    }

    /// A cell that must be one of a few values (in either language, or the code).
    fn choice<T: Clone>(
        &mut self,
        row: &Row<'_>,
        col: Col,
        options: &[(Vec<String>, T)],
        shown: &[&str],
    ) -> Result<Option<T>, ()> {
        let Some(text) = self.cell(row, col) else {
            return Ok(None);
        };
        let k = key(text);
        if let Some((_, v)) = options
            .iter()
            .find(|(names, _)| names.iter().any(|n| key(n) == k))
        {
            return Ok(Some(v.clone()));
        }
        let reason = self
            .s()
            .im_err_choice(self.s().quote(text), shown.join(", "));
        self.error(row, Some(col), reason);
        Err(())
    }

    /// The Saturday a row is about: its own column, else the default day.
    fn day(&mut self, row: &Row<'_>) -> Option<usize> {
        let days = &self.ctx.board.volunteer_days;
        let Some(text) = self.cell(row, Col::Saturday) else {
            if self.has(Col::Saturday) {
                self.error(
                    row,
                    Some(Col::Saturday),
                    self.s().im_err_empty_cell.to_string(),
                );
                return None;
            }
            return self.ctx.default_day.filter(|i| *i < days.len());
        };
        match crate::domain::time::read_date(text) {
            Ok(date) => match days.iter().position(|d| d.date == date) {
                Some(i) => Some(i),
                None => {
                    let list: Vec<String> = days.iter().map(|d| format_date(d.date)).collect();
                    let reason = self
                        .s()
                        .im_err_no_such_day(self.s().quote(text), list.join(", "));
                    self.error(row, Some(Col::Saturday), reason);
                    None
                }
            },
            Err(issue) => {
                let reason = self.date_error(text, &issue);
                self.error(row, Some(Col::Saturday), reason);
                None
            }
        }
    }

    /// Files without a Saturday column need a day to put their rows on.
    fn note_default_day(&mut self) -> bool {
        if self.has(Col::Saturday) {
            return true;
        }
        let s = self.s();
        match self
            .ctx
            .default_day
            .and_then(|i| self.ctx.board.volunteer_days.get(i))
        {
            Some(day) => {
                let note = s.im_note_day(format_date(day.date));
                self.plan.notes.push(note);
                true
            }
            None => {
                self.plan.errors.push(RowError {
                    row: 1,
                    column: None,
                    reason: s.im_err_need_day.to_string(),
                });
                false
            }
        }
    }
}

fn did_you_mean(suggestions: &[String], s: &Strings) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let names: Vec<String> = suggestions.iter().map(|n| format!("«{n}»")).collect();
    s.im_did_you_mean(names.join(s.im_or))
}

fn unit_miss(text: &str, miss: &UnitMiss, s: &Strings) -> String {
    match miss {
        UnitMiss::Unknown { suggestions } => {
            let mut reason = s.im_err_unit(s.quote(text));
            reason.push_str(&did_you_mean(suggestions, s));
            reason
        }
        UnitMiss::Ambiguous(names) => {
            let names: Vec<String> = names.iter().map(|n| format!("«{n}»")).collect();
            s.im_err_unit_ambiguous(s.quote(text), names.join(s.im_or))
        }
    }
}

/// The names a value may be written as: both languages' words and its code.
fn names(code: &str, words: impl Fn(&Strings) -> Vec<&'static str>) -> Vec<String> {
    let mut out = vec![code.to_string()];
    for lang in [Lang::Vi, Lang::En] {
        out.extend(words(strings(lang)).into_iter().map(str::to_string));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_spreadsheets_write_them() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn every_metric_name_the_app_shows_reads_back() {
        use crate::domain::figures::Metric;
        use crate::domain::import::metric_named;
        for lang in [Lang::Vi, Lang::En] {
            for m in Metric::ALL {
                assert_eq!(
                    metric_named(strings(lang).metric(m)),
                    Some(m),
                    "{lang:?} {m:?}"
                );
            }
        }
    }
}
