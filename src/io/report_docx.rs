//! The report as a Word document (`xungkich report --format docx`, and `R` in the app): what a
//! Youth Union office files once it has written in its number and signed, laid out as its
//! documents are (Quy định 367-QĐ/TWĐTN-VP and Hướng dẫn 29-HD/TWĐTN-VP, 2013; A4, margins and
//! Times New Roman as Decree 30/2020/NĐ-CP sets them).
//!
//! [`gather`] reads the store once, on top of what the briefing gathers; [`build`] is a pure
//! function of that, so the CLI, the app and the tests get the same document, and the same
//! bytes at the same `--now`.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::briefing::{self, Briefing};
use super::ooxml::{self, Align, Block, Cell, Document, Page, Para, Row, Run, Table};
use crate::atomic_write;
use crate::domain::campaign::DocumentInfo;
use crate::domain::checklist::CheckState;
use crate::domain::figures::Metric;
use crate::domain::initiative::Stage;
use crate::domain::kpi::{format_percent, percent};
use crate::domain::time::{format_date, format_local, local_offset};
use crate::i18n::Strings;
use crate::model::checklist::state_of;
use crate::model::tasks;
use crate::store::{Board, InitiativesAt, LAND_KPI, ReportNote, Result, Store};
use crate::text::one_line;

/// Everything the report says, read at one moment.
#[derive(Debug, Clone)]
pub struct Report {
    pub briefing: Briefing,
    pub header: DocumentInfo,
    /// The officer's assessment and next steps for the report's date.
    pub note: ReportNote,
    /// The initiatives registered by the report's moment, as they stood then.
    pub initiatives: InitiativesAt,
}

impl Report {
    /// The local day the report is dated: its assessment is kept under it.
    pub fn date(&self) -> NaiveDate {
        report_date(self.briefing.now)
    }
}

/// The local day of `now`, under which an assessment is kept.
pub fn report_date(now: DateTime<FixedOffset>) -> NaiveDate {
    now.with_timezone(&local_offset()).date_naive()
}

/// Reads what the report needs on Saturday `day` (an index into the board's days; None for
/// the current one, as `report` picks it).
pub fn gather(
    store: &Store,
    board: Board,
    now: DateTime<FixedOffset>,
    day: Option<usize>,
) -> Result<Report> {
    let day = day.or_else(|| crate::model::saturday::current(&board.volunteer_days, now));
    let briefing = briefing::gather_on(store, board, now, day)?;
    Ok(Report {
        header: store.document_header()?,
        note: store.report_note(report_date(now), now)?,
        initiatives: store.initiatives_at(now)?,
        briefing,
    })
}

/// The report's file name in `folder`: `bao-cao-YYYYMMDD-HHMM.docx` at the app clock.
pub fn file_path(folder: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    folder
        .join("reports")
        .join(format!("{}.docx", file_stem(now)))
}

fn file_stem(now: DateTime<FixedOffset>) -> String {
    let stamp = now.with_timezone(&local_offset()).format("%Y%m%d-%H%M");
    format!("bao-cao-{stamp}")
}

/// Writes the document to `path` whole (`report --out`): an existing file is refused unless
/// `force`, a symbolic link always; a failure leaves the old file as it was.
pub fn write(
    path: &Path,
    bytes: &[u8],
    force: bool,
) -> std::result::Result<PathBuf, atomic_write::Error> {
    use std::io::Write as _;
    atomic_write::write(path, force, |f| f.write_all(bytes))
}

/// Writes the document as a new file in `<folder>/reports/` (the app's `R` choice), never over
/// an earlier one: `…-2.docx` when one of that minute exists.
pub fn write_new(
    folder: &Path,
    now: DateTime<FixedOffset>,
    bytes: &[u8],
) -> std::result::Result<PathBuf, atomic_write::Error> {
    use std::io::Write as _;
    atomic_write::write_fresh(&folder.join("reports"), &file_stem(now), "docx", |f| {
        f.write_all(bytes)
    })
}

/// Body text, in points (13–14 by the rules).
const BODY: f32 = 14.0;
/// Table text: a size smaller keeps the columns readable on A4.
const TABLE: f32 = 13.0;
/// The per-unit table has a column per figure.
const WIDE_TABLE: f32 = 11.0;
const WIDE_HEAD: f32 = 10.0;
/// The issuer's lines at the top left (12–13 pt by Decree 30): "THÀNH ĐOÀN TP. HỒ CHÍ MINH"
/// fits its half of the page at this size.
const HEADER: f32 = 13.0;
/// A line the office fills by hand.
const BLANK: &str = "……………………………";
/// First-line indent of body paragraphs: 1 cm.
const INDENT: u32 = 567;

/// The A4 page of an administrative document: top and bottom 20 mm, left 30 mm, right 15 mm.
pub fn page() -> Page {
    Page {
        width: ooxml::mm(210.0),
        height: ooxml::mm(297.0),
        top: ooxml::mm(20.0),
        bottom: ooxml::mm(20.0),
        left: ooxml::mm(30.0),
        right: ooxml::mm(15.0),
        header: ooxml::mm(10.0),
    }
}

/// The report as .docx bytes. Only running out of memory can fail it.
pub fn build(r: &Report, s: &Strings) -> std::io::Result<Vec<u8>> {
    let doc = document(r, s);
    ooxml::write(&doc, Cursor::new(Vec::new()))
        .map(Cursor::into_inner)
        .map_err(std::io::Error::other)
}

/// The report as blocks, for [`build`] and the tests that look at its parts.
pub fn document(r: &Report, s: &Strings) -> Document {
    let mut out = Out {
        blocks: Vec::new(),
        s,
        part: 0,
        sub: 0,
    };
    heading_block(&mut out, r);
    title(&mut out, r);
    opening(&mut out, r);
    saturday(&mut out, r);
    checklist(&mut out, r);
    initiatives(&mut out, r);
    agenda(&mut out, r);
    assessment(&mut out, r);
    closing(&mut out, r);
    Document {
        blocks: out.blocks,
        page: page(),
        body_size: BODY,
        page_numbers: true,
        title: s.dx_title.to_string(),
        language: s.doc_language,
        at: r.briefing.now,
    }
}

struct Out<'a> {
    blocks: Vec<Block>,
    s: &'a Strings,
    /// The number of the current part (I, II, …) and of its current subsection.
    part: usize,
    sub: usize,
}

impl Out<'_> {
    fn push(&mut self, p: Para) {
        self.blocks.push(Block::Para(p));
    }

    /// A part's heading: "I. KẾT QUẢ …", bold, kept with what follows.
    fn part(&mut self, title: &str) {
        self.part += 1;
        self.sub = 0;
        let text = format!("{}. {title}", roman(self.part));
        self.push(
            Para::new(vec![Run::new(text, BODY).bold()])
                .align(Align::Both)
                .spacing(12.0, 6.0)
                .first_line(INDENT)
                .keep_next(),
        );
    }

    /// A subsection's heading: "1. Kết quả chung", bold.
    fn sub(&mut self, title: &str) {
        self.sub += 1;
        let text = format!("{}. {title}", self.sub);
        self.push(
            Para::new(vec![Run::new(text, BODY).bold()])
                .align(Align::Both)
                .spacing(6.0, 6.0)
                .first_line(INDENT)
                .keep_next(),
        );
    }

    /// A body paragraph: justified, first line indented. A line break in `text` (typed in the
    /// app) starts a new paragraph.
    fn text(&mut self, text: &str) {
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            self.push(body(line));
        }
    }

    fn table(&mut self, head: &[&str], widths: &[u32], rows: Vec<Vec<String>>, size: f32) {
        // The per-unit table's short column names need a smaller size to stay whole.
        let head_size = if size <= WIDE_TABLE { WIDE_HEAD } else { size };
        self.blocks
            .push(Block::Table(grid(head, widths, rows, size, head_size)));
        // Tables standing one under the other would merge; a small gap keeps them apart.
        self.push(Para::new(vec![Run::new("", 6.0)]));
    }
}

fn body(text: &str) -> Para {
    Para::new(vec![Run::new(text, BODY)])
        .align(Align::Both)
        .spacing(0.0, 6.0)
        .first_line(INDENT)
}

/// A ruled table whose first row is the header, repeated on every page the table reaches.
fn grid(head: &[&str], widths: &[u32], rows: Vec<Vec<String>>, size: f32, head_size: f32) -> Table {
    let cell = |text: &str, bold: bool, align: Align| Cell {
        paras: vec![
            Para::new(vec![if bold {
                Run::new(text, head_size).bold()
            } else {
                Run::new(text, size)
            }])
            .align(align)
            .spacing(2.0, 2.0),
        ],
    };
    let mut out = vec![Row {
        cells: head.iter().map(|h| cell(h, true, Align::Center)).collect(),
        header: true,
    }];
    for r in rows {
        out.push(Row {
            cells: r
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    // Counts and percentages read down a column best right-aligned.
                    let numeric = i > 0 && is_figure(c);
                    cell(c, false, if numeric { Align::Right } else { Align::Left })
                })
                .collect(),
            header: false,
        });
    }
    Table {
        widths: widths.to_vec(),
        rows: out,
        borders: true,
    }
}

fn is_figure(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '/' | ' ' | '(' | ')' | '—')
        })
}

/// Column widths in twentieths of a point from shares of the text width.
fn widths(shares: &[u32]) -> Vec<u32> {
    let total: u32 = shares.iter().sum::<u32>().max(1);
    let width = page().text_width();
    shares.iter().map(|s| width * s / total).collect()
}

fn roman(n: usize) -> String {
    const NUMERALS: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// A stored text for one line of the document, or the dotted blank the office fills.
fn or_blank(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        BLANK.to_string()
    } else {
        text.to_string()
    }
}

/// The place and date in words: "Tân Phú, ngày 07 tháng 5 năm 2022". Days before the 10th and
/// the months January and February take a leading zero, as the rules write them.
pub fn date_line(place: &str, date: NaiveDate, s: &Strings) -> String {
    let place = place.trim();
    let place = if place.is_empty() { "……" } else { place };
    let month = date.month();
    let month = if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    };
    s.dx_date_line(place, format!("{:02}", date.day()), month, date.year())
}

/// The two columns at the top: the issuer under its superior, `***` and the number's blank at
/// the left; the Youth Union's name and the place and date at the right. A borderless table,
/// so both columns keep their lines side by side in Word and LibreOffice alike.
fn heading_block(out: &mut Out<'_>, r: &Report) {
    let h = &r.header;
    let s = out.s;
    let centred = |runs: Vec<Run>| Para::new(runs).align(Align::Center);
    let left = vec![
        centred(vec![Run::new(or_blank(&h.superior_body), HEADER)]),
        centred(vec![Run::new(or_blank(&h.issuing_body), HEADER).bold()]),
        centred(vec![Run::new("***", HEADER)]),
    ];
    let mut right = Vec::new();
    for line in h.motto.lines().map(str::trim).filter(|l| !l.is_empty()) {
        right.push(centred(vec![Run::new(line, 15.0).bold().underline()]));
    }
    // The number's line and the date's line sit on one row, level with each other.
    let number = centred(vec![Run::new(s.dx_number(&h.number_suffix), BODY)]).spacing(6.0, 0.0);
    let date = Para::new(vec![
        Run::new(date_line(&h.place, r.date(), s), BODY).italic(),
    ])
    .align(Align::Right)
    .spacing(6.0, 0.0);
    let widths = widths(&[50, 50]);
    out.blocks.push(Block::Table(Table {
        widths,
        rows: vec![
            Row {
                cells: vec![Cell { paras: left }, Cell { paras: right }],
                header: false,
            },
            Row {
                cells: vec![
                    Cell {
                        paras: vec![number],
                    },
                    Cell { paras: vec![date] },
                ],
                header: false,
            },
        ],
        borders: false,
    }));
}

fn title(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    out.push(
        Para::new(vec![Run::new(s.dx_title, 16.0).bold()])
            .align(Align::Center)
            .spacing(18.0, 0.0),
    );
    let b = &r.briefing;
    let subject = match &b.day {
        Some(day) => s.dx_subject(one_line(&day.title), one_line(&b.board.campaign.code)),
        None => s.dx_subject_no_day(one_line(&b.board.campaign.code)),
    };
    out.push(
        Para::new(vec![Run::new(subject, BODY).bold()])
            .align(Align::Center)
            .spacing(0.0, 0.0),
    );
    out.push(
        Para::new(vec![Run::new("-----", BODY)])
            .align(Align::Center)
            .spacing(0.0, 12.0),
    );
}

fn opening(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    let c = &r.briefing.board.campaign;
    out.text(&s.dx_opening(
        one_line(&c.code),
        format_date(c.issued_on),
        one_line(&c.title),
        format_local(r.briefing.now),
    ));
}

fn saturday(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    let b = &r.briefing;
    out.part(s.dx_part_saturday);
    let Some(day) = &b.day else {
        return out.text(s.br_no_day);
    };
    out.text(&s.dx_day(
        day.round,
        one_line(&day.title),
        format_date(day.date),
        one_line(&day.host),
    ));
    let metrics: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| b.figures.iter().any(|f| f.metric == *m))
        .collect();
    if metrics.is_empty() {
        out.text(s.br_no_figures);
    } else {
        out.sub(s.br_totals);
        let totals: Vec<Vec<String>> = metrics
            .iter()
            .map(|m| {
                let sum: i64 = b
                    .figures
                    .iter()
                    .filter(|f| f.metric == *m)
                    .map(|f| f.value)
                    .sum();
                vec![s.metric(*m).to_string(), sum.to_string()]
            })
            .collect();
        out.table(
            &[s.br_col_metric, s.br_col_total],
            &widths(&[75, 25]),
            totals,
            TABLE,
        );
        let units: Vec<&crate::domain::unit::Unit> = b
            .board
            .units
            .iter()
            .filter(|u| b.figures.iter().any(|f| f.unit_id == u.id))
            .collect();
        out.sub(&s.br_by_unit(units.len()));
        let mut head = vec![s.dx_col_no, s.col_unit];
        head.extend(metrics.iter().map(|m| s.metric_short(*m)));
        // Each figure's column fits the longest word of its short name (a name of two words
        // takes two lines); the unit's name takes what is left.
        let figure_shares: Vec<u32> = metrics
            .iter()
            .map(|m| {
                let longest = s
                    .metric_short(*m)
                    .split(' ')
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0);
                longest.clamp(4, 10) as u32 + 4
            })
            .collect();
        let mut shares = vec![6, 94u32.saturating_sub(figure_shares.iter().sum()).max(20)];
        shares.extend(figure_shares);
        let rows: Vec<Vec<String>> = units
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let mut row = vec![(i + 1).to_string(), one_line(&u.name)];
                row.extend(metrics.iter().map(|m| {
                    b.figures
                        .iter()
                        .find(|f| f.unit_id == u.id && f.metric == *m)
                        .map_or_else(|| "—".to_string(), |f| f.value.to_string())
                }));
                row
            })
            .collect();
        out.table(&head, &widths(&shares), rows, WIDE_TABLE);
        // The columns carry short names; say them in full once, under the table.
        let legend: Vec<String> = metrics
            .iter()
            .map(|m| format!("{}: {}", s.metric_short(*m), s.metric(*m)))
            .collect();
        out.push(
            Para::new(vec![
                Run::new(s.dx_legend(legend.join("; ")), 12.0).italic(),
            ])
            .align(Align::Both)
            .spacing(0.0, 6.0),
        );
    }
    tasks_of_day(out, r, day.id);
}

fn tasks_of_day(out: &mut Out<'_>, r: &Report, day_id: i64) {
    let s = out.s;
    let b = &r.briefing;
    let value = |unit: i64, m: Metric| {
        b.figures
            .iter()
            .find(|f| f.unit_id == unit && f.metric == m)
            .map(|f| f.value)
    };
    let lines = tasks::of_day(&b.board, day_id, value, &b.kpis);
    if lines.is_empty() {
        return;
    }
    out.sub(s.dx_tasks);
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            let figures: Vec<String> = l
                .figures
                .iter()
                .map(|(m, v)| {
                    format!(
                        "{}: {}",
                        s.metric(*m),
                        v.map_or_else(|| "—".to_string(), |v| v.to_string())
                    )
                })
                .collect();
            vec![
                one_line(b.board.unit_name(l.task.unit_id)),
                one_line(&l.task.title),
                if figures.is_empty() {
                    "—".to_string()
                } else {
                    figures.join("; ")
                },
            ]
        })
        .collect();
    out.table(
        &[s.col_unit, s.dx_col_task, s.dx_col_figures],
        &widths(&[28, 40, 32]),
        rows,
        TABLE,
    );
    // The land files against their target, in a sentence the reader does not have to
    // work out from two figures.
    if let Some(land) = b.kpis.iter().find(|l| l.kpi.code == LAND_KPI) {
        out.text(&s.dx_land_kpi(
            one_line(&land.kpi.name),
            format_percent(land.value),
            s.kpi_target(land.kpi.target, &land.kpi.target_note),
            s.kpi_status(land.status),
        ));
    }
}

fn checklist(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    let b = &r.briefing;
    out.part(s.dx_part_checklist);
    if !b.kpis.is_empty() {
        out.sub(s.br_kpis);
        let rows: Vec<Vec<String>> = b
            .kpis
            .iter()
            .map(|l| {
                vec![
                    one_line(&l.kpi.name),
                    format_percent(l.value),
                    s.kpi_target(l.kpi.target, &l.kpi.target_note),
                    s.kpi_status(l.status).to_string(),
                ]
            })
            .collect();
        out.table(
            &[s.col_kpi, s.col_value, s.col_target, s.col_status],
            &widths(&[46, 16, 16, 22]),
            rows,
            TABLE,
        );
    }
    out.sub(s.br_checklist);
    let rows: Vec<Vec<String>> = b
        .progress
        .iter()
        .filter_map(|p| {
            let req = b.board.requirements.get(p.requirement)?;
            let done = format!(
                "{}/{} ({})",
                p.done,
                p.applicable,
                format_percent(percent(p.done as f64, p.applicable as f64))
            );
            let missing = if p.missing.is_empty() {
                s.br_all_done.to_string()
            } else {
                let names: Vec<String> = p
                    .missing
                    .iter()
                    .filter_map(|&i| b.board.units.get(i))
                    .map(|u| one_line(&u.name))
                    .collect();
                format!("{}: {}", names.len(), names.join(", "))
            };
            let deadline = if req.deadline_explicit {
                format_local(req.deadline)
            } else {
                s.br_during_campaign.to_string()
            };
            Some(vec![one_line(&req.title), deadline, done, missing])
        })
        .collect();
    if rows.is_empty() {
        out.text(s.br_none);
    } else {
        out.table(
            &[
                s.br_col_requirement,
                s.br_col_deadline,
                s.br_col_done,
                s.br_col_missing,
            ],
            &widths(&[30, 17, 15, 38]),
            rows,
            TABLE,
        );
    }
    late(out, r);
}

/// Who did a dated requirement (registering, reporting) after its deadline, by the report's
/// moment: the checklist's own rule of lateness decides.
fn late(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    let board = &r.briefing.board;
    let now = r.briefing.now;
    let mut rows = Vec::new();
    for req in board.requirements.iter().filter(|q| q.deadline_explicit) {
        for unit in &board.units {
            if let CheckState::Done { at, late: true } = state_of(board, unit, req, now) {
                rows.push(vec![
                    one_line(&req.title),
                    one_line(&unit.name),
                    format_local(at),
                    format_local(req.deadline),
                ]);
            }
        }
    }
    out.sub(s.dx_late);
    if rows.is_empty() {
        return out.text(s.dx_none_late);
    }
    out.table(
        &[
            s.br_col_requirement,
            s.col_unit,
            s.dx_col_done_at,
            s.br_col_deadline,
        ],
        &widths(&[32, 36, 16, 16]),
        rows,
        TABLE,
    );
}

fn initiatives(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    let board = &r.briefing.board;
    out.part(s.dx_part_initiatives);
    out.sub(s.dx_by_stage);
    let mut rows: Vec<Vec<String>> = Stage::ALL
        .iter()
        .map(|st| {
            let n = r.initiatives.count(*st);
            vec![s.stage(*st).to_string(), n.to_string()]
        })
        .collect();
    rows.push(vec![
        s.br_col_total.to_string(),
        r.initiatives.total().to_string(),
    ]);
    out.table(
        &[s.br_col_stage, s.br_col_count],
        &widths(&[75, 25]),
        rows,
        TABLE,
    );
    let listed = |stage: Stage| -> Vec<Vec<String>> {
        r.initiatives
            .notable
            .iter()
            .filter(|i| i.stage == stage)
            .enumerate()
            .map(|(n, i)| {
                vec![
                    (n + 1).to_string(),
                    one_line(&i.row.title),
                    one_line(board.unit_name(i.row.unit_id)),
                    i.row
                        .commendation_level
                        .map_or_else(|| "—".to_string(), |l| s.level(l).to_string()),
                ]
            })
            .collect()
    };
    for (stage, heading) in [
        (Stage::Proposed, s.br_proposed),
        (Stage::Commended, s.dx_commended),
    ] {
        out.sub(heading);
        let rows = listed(stage);
        if rows.is_empty() {
            out.text(s.br_none);
        } else {
            out.table(
                &[s.dx_col_no, s.br_col_title, s.col_unit, s.br_col_level],
                &widths(&[7, 43, 28, 22]),
                rows,
                TABLE,
            );
        }
    }
    out.sub(s.dx_replications);
    let rows: Vec<Vec<String>> = r
        .initiatives
        .notable
        .iter()
        .filter(|i| !i.replicated_by.is_empty())
        .enumerate()
        .map(|(n, i)| {
            let by: Vec<String> = i
                .replicated_by
                .iter()
                .map(|u| one_line(board.unit_name(*u)))
                .collect();
            vec![
                (n + 1).to_string(),
                one_line(&i.row.title),
                one_line(board.unit_name(i.row.unit_id)),
                by.join(", "),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.text(s.br_none);
    } else {
        out.table(
            &[
                s.dx_col_no,
                s.br_col_title,
                s.col_unit,
                s.dx_col_replicated_by,
            ],
            &widths(&[7, 39, 24, 30]),
            rows,
            TABLE,
        );
    }
}

fn agenda(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    out.part(s.dx_part_agenda);
    let rows: Vec<Vec<String>> = r
        .briefing
        .agenda
        .iter()
        .enumerate()
        .map(|(n, a)| {
            vec![
                (n + 1).to_string(),
                one_line(&a.title),
                one_line(&a.owner),
                a.date.map_or_else(|| "—".to_string(), format_date),
                s.agenda_status(a.status).to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return out.text(s.br_none);
    }
    out.table(
        &[
            s.dx_col_no,
            s.br_col_title,
            s.br_col_owner,
            s.br_col_date,
            s.col_status,
        ],
        &widths(&[7, 45, 20, 14, 14]),
        rows,
        TABLE,
    );
}

/// The officer's own words, as typed in the app for this date; without them, dotted lines to
/// write on.
fn assessment(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    out.part(s.dx_part_assessment);
    for (heading, text) in [
        (s.dx_assessment, r.note.assessment.as_str()),
        (s.dx_next_steps, r.note.next_steps.as_str()),
    ] {
        out.sub(heading);
        if text.trim().is_empty() {
            for _ in 0..3 {
                out.push(
                    Para::new(vec![Run::new("\t", BODY)])
                        .spacing(6.0, 0.0)
                        .dotted_tab(page().text_width()),
                );
            }
        } else {
            out.text(text);
        }
    }
}

/// The closing sentence, then "Nơi nhận" at the left and the signature at the right, side by
/// side as the rules place them.
fn closing(out: &mut Out<'_>, r: &Report) {
    let s = out.s;
    out.push(body(&s.dx_closing(format_local(r.briefing.now))).spacing(12.0, 6.0));
    let h = &r.header;
    let mut left =
        vec![Para::new(vec![Run::new(s.dx_recipients, 12.0).bold().italic()]).spacing(6.0, 0.0)];
    let recipients: Vec<String> = if h.recipients.is_empty() {
        vec!["……".to_string(), s.dx_file_copy.to_string()]
    } else {
        h.recipients.iter().map(|r| one_line(r)).collect()
    };
    let last = recipients.len().saturating_sub(1);
    for (i, line) in recipients.iter().enumerate() {
        let line = line.trim_end_matches([';', '.', ',']).trim();
        let end = if i == last { "." } else { ";" };
        left.push(Para::new(vec![Run::new(format!("- {line}{end}"), 11.0)]));
    }
    let centred = |text: String, bold: bool| {
        let run = Run::new(text, BODY);
        Para::new(vec![if bold { run.bold() } else { run }]).align(Align::Center)
    };
    let mut right = Vec::new();
    if !h.signer_on_behalf.trim().is_empty() {
        right.push(centred(one_line(&h.signer_on_behalf), true).spacing(6.0, 0.0));
    }
    right.push(centred(or_blank(&h.signer_role), true));
    // Room for the signature and the seal.
    for _ in 0..4 {
        right.push(centred(String::new(), false));
    }
    right.push(centred(or_blank(&h.signer_name), true));
    out.blocks.push(Block::Table(Table {
        widths: widths(&[42, 58]),
        rows: vec![Row {
            cells: vec![Cell { paras: left }, Cell { paras: right }],
            header: false,
        }],
        borders: false,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, strings};

    #[test]
    fn the_date_is_written_as_the_rules_write_it() {
        let s = strings(Lang::Vi);
        let d = |m, day| NaiveDate::from_ymd_opt(2022, m, day).unwrap_or_default();
        assert_eq!(
            date_line("Tân Phú", d(5, 7), s),
            "Tân Phú, ngày 07 tháng 5 năm 2022"
        );
        assert_eq!(
            date_line("Tân Phú", d(2, 15), s),
            "Tân Phú, ngày 15 tháng 02 năm 2022"
        );
        assert_eq!(date_line(" ", d(12, 1), s), "……, ngày 01 tháng 12 năm 2022");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn a4_with_the_rules_margins() {
        let p = page();
        assert_eq!((p.width, p.height), (11906, 16838));
        assert_eq!((p.top, p.bottom, p.left, p.right), (1134, 1134, 1701, 850));
    }
}
