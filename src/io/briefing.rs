//! The meeting briefing (`xungkich report`, key `R`): campaign, KPIs, checklist, the latest
//! Saturday's figures, initiatives and what is overdue, as plain text or as GitHub markdown.
//!
//! [`gather`] is the only part that reads the store; [`render`] is a pure function of what it
//! gathered, so the same briefing comes out of the CLI, the app and the golden tests.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use unicode_width::UnicodeWidthStr;

use crate::atomic_write;
use crate::domain::checklist::CheckState;
use crate::domain::figures::Metric;
use crate::domain::initiative::Stage;
use crate::domain::kpi::format_percent;
use crate::domain::time::{format_date, format_local, local_offset};
use crate::i18n::Strings;
use crate::model::checklist::state_of;
use crate::model::kpi::{self, KpiLine};
use crate::model::overview::{self, Progress};
use crate::model::saturday;
use crate::store::{
    AgendaRow, AgendaStatus, Board, FigureRow, InitiativesAt, ReportNote, Result, Store,
    VolunteerDayRow,
};
use crate::text::one_line;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns, for a terminal or a plain-text message.
    #[default]
    Text,
    /// GitHub markdown: headings and pipe tables, pasteable into a chat unchanged.
    Markdown,
}

/// Everything the briefing says, read at one moment.
#[derive(Debug, Clone)]
pub struct Briefing {
    pub board: Board,
    pub now: DateTime<FixedOffset>,
    pub kpis: Vec<KpiLine>,
    pub progress: Vec<Progress>,
    /// The Saturday reported on, and its figures saved by `now`.
    pub day: Option<VolunteerDayRow>,
    pub figures: Vec<FigureRow>,
    /// The initiatives registered by `now`, each at the stage it had then and with the units
    /// replicating it by then (as the Word report counts them).
    pub initiatives: InitiativesAt,
    pub agenda: Vec<AgendaRow>,
    /// The officer's assessment and next steps kept for the day of `now` (key `R`, `a`).
    pub note: ReportNote,
}

/// Reads what the briefing needs, as the screens compute it (same KPIs, same checklist), on
/// the current Saturday ([`saturday::current`]).
pub fn gather(store: &Store, board: Board, now: DateTime<FixedOffset>) -> Result<Briefing> {
    let day = saturday::current(&board.volunteer_days, now);
    gather_on(store, board, now, day)
}

/// The briefing on Saturday `day` (an index into the board's days): the one tab 4 shows, when
/// the officer writes it from the app, so the page says what the screen said.
pub fn gather_on(
    store: &Store,
    board: Board,
    now: DateTime<FixedOffset>,
    day: Option<usize>,
) -> Result<Briefing> {
    // The checklist and the KPIs of that Saturday's round, as the screen shows them.
    let mut board = board;
    let day = saturday::view(&mut board, now, day);
    let kpis = kpi::compute(&board, store, now)?;
    let progress = overview::progress(&board, now);
    let day = day.and_then(|i| board.volunteer_days.get(i).cloned());
    let figures = match &day {
        // Figures saved after `now` are left out, so `--now` replays what was known then.
        Some(d) => store
            .figures(d.id)?
            .into_iter()
            .filter(|f| crate::domain::checklist::known(f.updated_at, now))
            .collect(),
        None => Vec::new(),
    };
    Ok(Briefing {
        kpis,
        progress,
        day,
        figures,
        initiatives: store.initiatives_at(now)?,
        agenda: store.agenda()?,
        note: store.report_note(now.with_timezone(&local_offset()).date_naive(), now)?,
        board,
        now,
    })
}

/// The briefing's file name in `folder`: `briefing-YYYYMMDD-HHMM.md` at the app clock.
pub fn file_path(folder: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    folder
        .join("reports")
        .join(format!("{}.md", file_stem(now)))
}

fn file_stem(now: DateTime<FixedOffset>) -> String {
    let stamp = now.with_timezone(&local_offset()).format("%Y%m%d-%H%M");
    format!("briefing-{stamp}")
}

/// Writes `text` to `path` whole (`report --out`): an existing file is refused unless
/// `force`, a symbolic link always; a failure leaves the old file as it was.
pub fn write(
    path: &Path,
    text: &str,
    force: bool,
) -> std::result::Result<PathBuf, atomic_write::Error> {
    atomic_write::write(path, force, |f| f.write_all(text.as_bytes()))
}

/// Writes `text` as a new briefing in `<folder>/reports/` (key R): named by the minute, and
/// `…-2.md`, `…-3.md` when pressed again within it, so an earlier briefing is never replaced.
pub fn write_new(
    folder: &Path,
    now: DateTime<FixedOffset>,
    text: &str,
) -> std::result::Result<PathBuf, atomic_write::Error> {
    atomic_write::write_fresh(&folder.join("reports"), &file_stem(now), "md", |f| {
        f.write_all(text.as_bytes())
    })
}

/// The briefing as text, NFC-normalised so names typed with combining marks paste the same.
pub fn render(b: &Briefing, s: &Strings, format: Format) -> String {
    let mut out = Doc {
        format,
        text: String::new(),
    };
    header(&mut out, b, s);
    kpis(&mut out, b, s);
    checklist(&mut out, b, s);
    saturday(&mut out, b, s);
    tasks(&mut out, b, s);
    initiatives(&mut out, b, s);
    agenda(&mut out, b, s);
    late(&mut out, b, s);
    assessment(&mut out, b, s);
    let text = out.text.trim_end().to_string() + "\n";
    crate::domain::fold::nfc(&text)
}

struct Doc {
    format: Format,
    text: String,
}

/// Column alignment.
#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Right,
}

impl Doc {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn title(&mut self, title: &str) {
        match self.format {
            Format::Markdown => self.line(&format!("# {title}")),
            Format::Text => {
                self.line(title);
                self.line(&"=".repeat(title.width()));
            }
        }
        self.blank();
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        match self.format {
            Format::Markdown => self.line(&format!("## {title}")),
            Format::Text => {
                self.line(title);
                self.line(&"-".repeat(title.width()));
            }
        }
        self.blank();
    }

    fn subheading(&mut self, title: &str) {
        self.blank();
        match self.format {
            Format::Markdown => self.line(&format!("### {title}")),
            Format::Text => self.line(&format!("{title}:")),
        }
        self.blank();
    }

    /// "Label: value"; markdown ends the line with a hard break so lines stay apart in a chat.
    fn field(&mut self, label: &str, value: &str) {
        match self.format {
            Format::Markdown => self.line(&format!("**{label}:** {}  ", escape(value))),
            Format::Text => self.line(&format!("{label}: {value}")),
        }
    }

    fn para(&mut self, text: &str) {
        match self.format {
            Format::Markdown => self.line(&escape(text)),
            Format::Text => self.line(text),
        }
        self.blank();
    }

    /// A text-format entry: a head line, then "label: value" lines wrapped and indented, for
    /// rows whose last cell (a list of unit names) is too long for a column.
    fn item(&mut self, head: &str, details: &[(&str, String)]) {
        self.line(&format!("- {head}"));
        for (label, value) in details {
            for (i, piece) in wrap(&format!("{label}: {value}"), ITEM_WIDTH)
                .iter()
                .enumerate()
            {
                let indent = if i == 0 { "  " } else { "    " };
                self.line(&format!("{indent}{piece}"));
            }
        }
    }

    /// A table in markdown; in text, one entry per row (see [`Doc::item`]) with each cell after
    /// the first under its column's name, since unit lists make columns unreadably wide.
    fn entries(&mut self, head: &[&str], align: &[Align], rows: &[Vec<String>]) {
        if self.format == Format::Markdown {
            return self.table(head, align, rows);
        }
        for r in rows {
            let Some((first, rest)) = r.split_first() else {
                continue;
            };
            let details: Vec<(&str, String)> = head
                .iter()
                .skip(1)
                .zip(rest)
                .map(|(h, c)| (*h, c.clone()))
                .collect();
            self.item(first, &details);
        }
        self.blank();
    }

    fn table(&mut self, head: &[&str], align: &[Align], rows: &[Vec<String>]) {
        match self.format {
            Format::Markdown => {
                let cells = |r: &[String]| {
                    let cells: Vec<String> = r.iter().map(|c| escape(c)).collect();
                    format!("| {} |", cells.join(" | "))
                };
                let head: Vec<String> = head.iter().map(|h| h.to_string()).collect();
                self.line(&cells(&head));
                let rule: Vec<&str> = align
                    .iter()
                    .map(|a| if *a == Align::Right { "---:" } else { "---" })
                    .collect();
                self.line(&format!("| {} |", rule.join(" | ")));
                for r in rows {
                    self.line(&cells(r));
                }
            }
            Format::Text => {
                let mut widths: Vec<usize> = head.iter().map(|h| h.width()).collect();
                for r in rows {
                    for (w, c) in widths.iter_mut().zip(r) {
                        *w = (*w).max(c.width());
                    }
                }
                // A long last column (lists of unit names) wraps under itself, so a line
                // stays readable in a terminal or a plain-text message.
                let before: usize = widths.iter().rev().skip(1).map(|w| w + 2).sum();
                let wrap_at = TEXT_WIDTH.saturating_sub(before).max(MIN_LAST_COLUMN);
                if let Some(last) = widths.last_mut() {
                    *last = (*last).min(wrap_at);
                }
                let line = |r: &[String]| {
                    let cells: Vec<String> = r
                        .iter()
                        .zip(&widths)
                        .zip(align)
                        .map(|((c, w), a)| pad(c, *w, *a))
                        .collect();
                    cells.join("  ").trim_end().to_string()
                };
                let head: Vec<String> = head.iter().map(|h| h.to_string()).collect();
                self.line(&line(&head));
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                self.line(&rule.join("  "));
                for r in rows {
                    let Some((last, first)) = r.split_last() else {
                        continue;
                    };
                    let pieces = wrap(last, wrap_at);
                    for (i, piece) in pieces.iter().enumerate() {
                        let mut cells: Vec<String> = if i == 0 {
                            first.to_vec()
                        } else {
                            vec![String::new(); first.len()]
                        };
                        cells.push(piece.clone());
                        self.line(&line(&cells));
                    }
                }
            }
        }
        self.blank();
    }
}

/// Width a text table aims for before its last column wraps.
const TEXT_WIDTH: usize = 120;
const MIN_LAST_COLUMN: usize = 30;
/// Width of the wrapped detail lines of a text-format entry.
const ITEM_WIDTH: usize = 96;

/// Breaks `text` at spaces into lines of at most `width` columns (a longer word stays whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !current.is_empty() && current.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
}

fn pad(cell: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(cell.width()));
    match align {
        Align::Left => format!("{cell}{fill}"),
        Align::Right => format!("{fill}{cell}"),
    }
}

/// Keeps a stored text from breaking a markdown table or turning into markup in a chat.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A stored text on one line with no control characters (they would reach a terminal).
/// How many names a list of units gives before "+N": enough to recognise, short enough to
/// read out at a meeting.
const NAMES: usize = 5;

/// The first units' names, then "+N" for the rest.
fn unit_names(b: &Briefing, s: &Strings, units: &[usize]) -> String {
    let names: Vec<String> = units
        .iter()
        .take(NAMES)
        .filter_map(|&i| b.board.units.get(i))
        .map(|u| one_line(&u.name))
        .collect();
    let mut text = names.join(", ");
    if units.len() > NAMES {
        text.push(' ');
        text.push_str(&s.ov_and_more_short(units.len() - NAMES));
    }
    text
}

/// A requirement without a deadline of its own runs to the campaign's end; say so in words.
fn deadline(r: &crate::store::RequirementRow, s: &Strings) -> String {
    if r.deadline_explicit {
        format_local(r.deadline)
    } else {
        s.br_during_campaign.to_string()
    }
}

fn header(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.title(s.br_title);
    let c = &b.board.campaign;
    out.field(
        s.br_campaign,
        &format!("{} — {}", one_line(&c.code), one_line(&c.title)),
    );
    out.field(s.br_district, &one_line(&c.district));
    out.field(s.br_at, &format_local(b.now));
}

fn kpis(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.heading(s.br_kpis);
    if b.kpis.is_empty() {
        return out.para(s.br_none);
    }
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
        &[Align::Left, Align::Right, Align::Right, Align::Left],
        &rows,
    );
}

fn checklist(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.heading(s.br_checklist);
    if b.progress.is_empty() {
        return out.para(s.br_none);
    }
    let rows: Vec<Vec<String>> = b
        .progress
        .iter()
        .filter_map(|p| {
            let r = b.board.requirements.get(p.requirement)?;
            let done = format!(
                "{}/{} ({})",
                p.done,
                p.applicable,
                format_percent(crate::domain::kpi::percent(
                    p.done as f64,
                    p.applicable as f64
                ))
            );
            // The overdue are among the missing: said here once, not listed again below.
            let missing = if p.missing.is_empty() {
                s.br_all_done.to_string()
            } else if p.overdue.is_empty() {
                format!("{} — {}", p.missing.len(), unit_names(b, s, &p.missing))
            } else {
                s.br_missing_overdue(
                    p.missing.len(),
                    p.overdue.len(),
                    unit_names(b, s, &p.missing),
                )
            };
            Some(vec![one_line(&r.title), deadline(r, s), done, missing])
        })
        .collect();
    out.entries(
        &[
            s.br_col_requirement,
            s.br_col_deadline,
            s.br_col_done,
            s.br_col_missing,
        ],
        &[Align::Left, Align::Left, Align::Right, Align::Left],
        &rows,
    );
}

fn saturday(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.heading(s.br_saturday);
    let Some(day) = &b.day else {
        return out.para(s.br_no_day);
    };
    out.para(&s.br_day(day.round, one_line(&day.title), format_date(day.date)));
    // Only the figures someone reported: a column of blanks says nothing at a meeting.
    let metrics: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| b.figures.iter().any(|f| f.metric == *m))
        .collect();
    if metrics.is_empty() {
        return out.para(s.br_no_figures);
    }
    out.subheading(s.br_totals);
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
        &[Align::Left, Align::Right],
        &totals,
    );
    // Units in plan order, those with at least one figure.
    let units: Vec<&crate::domain::unit::Unit> = b
        .board
        .units
        .iter()
        .filter(|u| b.figures.iter().any(|f| f.unit_id == u.id))
        .collect();
    out.subheading(&s.br_by_unit(units.len()));
    let mut head = vec![s.col_unit];
    head.extend(metrics.iter().map(|m| s.metric_short(*m)));
    let mut align = vec![Align::Left];
    align.extend(metrics.iter().map(|_| Align::Right));
    let rows: Vec<Vec<String>> = units
        .iter()
        .map(|u| {
            let mut row = vec![one_line(&u.name)];
            row.extend(metrics.iter().map(|m| {
                b.figures
                    .iter()
                    .find(|f| f.unit_id == u.id && f.metric == *m)
                    .map_or_else(|| "—".to_string(), |f| f.value.to_string())
            }));
            row
        })
        .collect();
    out.table(&head, &align, &rows);
}

/// The Saturday's assigned tasks (section II.3.1): owner, task, the figures that measure it
/// and where it stands, as tab 4's tasks part says it.
fn tasks(out: &mut Doc, b: &Briefing, s: &Strings) {
    use crate::model::tasks::{TaskStatus, of_day};
    let Some(day) = &b.day else {
        return;
    };
    let value = |unit: i64, m: Metric| {
        b.figures
            .iter()
            .find(|f| f.unit_id == unit && f.metric == m)
            .map(|f| f.value)
    };
    let lines = of_day(&b.board, day.id, value, &b.kpis);
    if lines.is_empty() {
        return;
    }
    out.subheading(s.br_tasks);
    let rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            let figures: Vec<String> = l
                .figures
                .iter()
                .map(|(m, v)| {
                    let v = v.map_or_else(|| "—".to_string(), |v| v.to_string());
                    format!("{} {v}", s.metric_short(*m))
                })
                .collect();
            let status = match l.status {
                TaskStatus::NoFigures => s.task_no_figures.to_string(),
                TaskStatus::Figures { typed, of } => s.task_figures_typed(typed, of),
                TaskStatus::Kpi { value, status } => {
                    format!("{} {}", format_percent(value), s.kpi_status(status))
                }
            };
            vec![
                one_line(b.board.unit_name(l.task.unit_id)),
                one_line(&l.task.title),
                figures.join(", "),
                status,
            ]
        })
        .collect();
    out.entries(
        &[s.col_unit, s.br_col_task, s.br_col_figures, s.col_status],
        &[Align::Left, Align::Left, Align::Left, Align::Left],
        &rows,
    );
}

fn initiatives(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.heading(s.br_initiatives);
    // Counted as they stood at `now`, like the lists below: a replay under --now says what
    // was known then.
    let mut rows: Vec<Vec<String>> = Stage::ALL
        .iter()
        .filter_map(|st| {
            let n = b.initiatives.count(*st);
            (n > 0).then(|| vec![s.stage(*st).to_string(), n.to_string()])
        })
        .collect();
    rows.push(vec![
        s.br_col_total.to_string(),
        b.initiatives.total().to_string(),
    ]);
    out.table(
        &[s.br_col_stage, s.br_col_count],
        &[Align::Left, Align::Right],
        &rows,
    );
    for (stage, heading) in [
        (Stage::Proposed, s.br_proposed),
        (Stage::Commended, s.br_commended),
    ] {
        out.subheading(heading);
        let list: Vec<Vec<String>> = b
            .initiatives
            .notable
            .iter()
            .filter(|i| i.stage == stage)
            .map(|i| {
                let level = i
                    .row
                    .commendation_level
                    .map_or_else(|| "—".to_string(), |l| s.level(l).to_string());
                let whom = i
                    .row
                    .commendation_for
                    .as_deref()
                    .filter(|w| !w.trim().is_empty())
                    .map_or_else(|| s.br_collective.to_string(), one_line);
                vec![
                    one_line(&i.row.title),
                    one_line(b.board.unit_name(i.row.unit_id)),
                    level,
                    whom,
                ]
            })
            .collect();
        if list.is_empty() {
            out.para(s.br_none);
        } else {
            out.table(
                &[s.br_col_title, s.col_unit, s.br_col_level, s.br_col_for],
                &[Align::Left, Align::Left, Align::Left, Align::Left],
                &list,
            );
        }
    }
    out.subheading(s.br_replicated);
    let replicated: Vec<Vec<String>> = b
        .initiatives
        .notable
        .iter()
        .filter(|i| !i.replicated_by.is_empty())
        .map(|i| {
            let units: Vec<usize> = i
                .replicated_by
                .iter()
                .filter_map(|id| b.board.units.iter().position(|u| u.id == *id))
                .collect();
            vec![
                one_line(&i.row.title),
                one_line(b.board.unit_name(i.row.unit_id)),
                format!("{} — {}", units.len(), unit_names(b, s, &units)),
            ]
        })
        .collect();
    if replicated.is_empty() {
        return out.para(s.br_none);
    }
    out.entries(
        &[s.br_col_title, s.col_unit, s.br_col_replicated_by],
        &[Align::Left, Align::Left, Align::Left],
        &replicated,
    );
}

/// The Action Month's agenda (section II.2): every item with its owner, date and status;
/// those past their date and not done are marked.
fn agenda(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.heading(s.br_agenda);
    if b.agenda.is_empty() {
        return out.para(s.br_none);
    }
    let today = b.now.with_timezone(&local_offset()).date_naive();
    let rows: Vec<Vec<String>> = b
        .agenda
        .iter()
        .map(|a| {
            let past = a.date.is_some_and(|d| d < today)
                && matches!(a.status, AgendaStatus::Planned | AgendaStatus::InProgress);
            let status = if past {
                s.br_agenda_past(s.agenda_status(a.status))
            } else {
                s.agenda_status(a.status).to_string()
            };
            vec![
                one_line(&a.title),
                one_line(&a.owner),
                a.date.map_or_else(|| "—".to_string(), format_date),
                status,
            ]
        })
        .collect();
    out.entries(
        &[s.br_col_title, s.br_col_owner, s.br_col_date, s.col_status],
        &[Align::Left, Align::Left, Align::Left, Align::Left],
        &rows,
    );
}

/// Who did a requirement after its deadline: the units registered or reported late, with
/// when it counted. The units still missing are in the checklist above, not repeated here.
fn late(out: &mut Doc, b: &Briefing, s: &Strings) {
    out.heading(s.br_late);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in &b.board.requirements {
        for u in &b.board.units {
            if let CheckState::Done { at, late: true } = state_of(&b.board, u, r, b.now) {
                rows.push(vec![
                    one_line(&u.name),
                    one_line(&r.short),
                    format_local(at),
                    deadline(r, s),
                ]);
            }
        }
    }
    if rows.is_empty() {
        return out.para(s.br_no_late);
    }
    out.entries(
        &[
            s.col_unit,
            s.br_col_requirement,
            s.br_col_done_at,
            s.br_col_deadline,
        ],
        &[Align::Left, Align::Left, Align::Left, Align::Left],
        &rows,
    );
}

/// The officer's own words, when there are any: each typed line a paragraph.
fn assessment(out: &mut Doc, b: &Briefing, s: &Strings) {
    if b.note.is_empty() {
        return;
    }
    out.heading(s.br_assessment);
    for (title, text) in [
        (s.dx_assessment, &b.note.assessment),
        (s.dx_next_steps, &b.note.next_steps),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        out.subheading(title);
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.para(&one_line(line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_tables_whole() {
        assert_eq!(escape("a|b\nc"), "a\\|b c");
        assert_eq!(escape("Tân Phú"), "Tân Phú");
    }

    #[test]
    fn text_columns_align_by_display_width() {
        assert_eq!(pad("Tân", 5, Align::Left), "Tân  ");
        assert_eq!(pad("7", 3, Align::Right), "  7");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_long_words() {
        assert_eq!(wrap("a b c", 3), vec!["a b", "c"]);
        assert_eq!(wrap("abcdef g", 3), vec!["abcdef", "g"]);
        assert_eq!(wrap("", 3), vec![""]);
    }
}
