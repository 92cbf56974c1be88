//! Tab 4: the volunteer Saturday — the day with its next deadline counting down, and the quick
//! entry grid of the figures units phone in (units in rows, figures in columns, totals below).

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row};
use unicode_width::UnicodeWidthStr;

use super::list_bar;
use super::table::{list_table, selectable};
use super::theme::Theme;
use crate::app::App;
use crate::app::units_view::{clamp, scroll_offset};
use crate::app::volunteer::{Section, VolunteerView, day_unit_count, visible_rows};
use crate::domain::campaign::RequirementSource;
use crate::domain::checklist::{on_time, report_counts};
use crate::domain::figures::Metric;
use crate::domain::time::{format_date, format_local};
use crate::domain::unit::Unit;
use crate::model::overview::countdown;
use crate::model::tasks::{TaskLine, TaskStatus};
use crate::store::AgendaStatus;
use crate::store::VolunteerDayRow;
use crate::text::{clean, truncate};

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let Some(day) = app.board.volunteer_days.get(app.volunteer.day) else {
        frame.render_widget(Paragraph::new(s.vol_no_days), area);
        return;
    };
    let [head, strip, bar, main, detail, note] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_head(frame, app, theme, head, day);
    render_strip(frame, app, theme, strip);
    // Tab 4 shows the day as known at the app clock, as every other place counts it: under
    // `--now` a registration, report, photo or figure dated later is not there yet.
    let now = app.now;
    let rows = visible_rows(&app.board, &app.volunteer, now);
    let v = &app.volunteer;
    let all = day_unit_count(&app.board, v, now);
    let count = match v.section {
        // The hidden units are counted, so none is forgotten behind the default view.
        Section::Figures if v.registered_only(now) => {
            s.units_registered_only(rows.len(), all.saturating_sub(rows.len()))
        }
        Section::Figures => s.units_count(rows.len(), all),
        Section::Agenda => {
            let done = v
                .agenda
                .iter()
                .filter(|a| a.status == AgendaStatus::Done)
                .count();
            let cancelled = v
                .agenda
                .iter()
                .filter(|a| a.status == AgendaStatus::Cancelled)
                .count();
            s.ag_count(v.agenda.len(), done, cancelled)
        }
        Section::Reports => {
            let reports: Vec<_> = v.reports(now).collect();
            let late = reports
                .iter()
                .filter(|r| !on_time(r.counts_from(), day.report_deadline))
                .count();
            let no_photo = reports
                .iter()
                .filter(|r| !report_counts(r.photos.len()))
                .count();
            s.rep_count(reports.len(), all, late, no_photo)
        }
        Section::Tasks => s.task_count(tasks_of_day(app, day.id).len()),
        Section::Registrations => {
            let registered = v.registrations(now).count();
            let late = v
                .registrations(now)
                .filter(|r| !on_time(r.registered_at, day.registration_deadline))
                .count();
            s.reg_count(registered, all, late)
        }
    };
    list_bar::render(
        frame,
        s,
        theme,
        bar,
        (&v.list.filter, v.list.filter_typing),
        Vec::new(),
        count,
    );
    match v.section {
        Section::Figures => render_grid(frame, app, theme, main, &rows),
        Section::Registrations => render_registrations(frame, app, theme, main, &rows, day),
        Section::Reports => render_reports(frame, app, theme, main, &rows, day),
        Section::Tasks => render_tasks(frame, app, theme, main, day.id),
        Section::Agenda => render_agenda(frame, app, theme, main),
    }
    render_detail(frame, app, theme, detail, &rows);
    frame.render_widget(
        Paragraph::new(truncate(s.vol_more, note.width as usize)).style(theme.dim()),
        note,
    );
}

/// Which part of the tab shows (`v` switches): figures, registrations, quick reports or the
/// Action Month.
fn render_strip(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let mut spans = Vec::new();
    for (section, title) in [
        (Section::Figures, s.sec_figures),
        (Section::Registrations, s.sec_registrations),
        (Section::Reports, s.sec_reports),
        (Section::Tasks, s.sec_tasks),
        (Section::Agenda, s.sec_agenda),
    ] {
        // Brackets as well as the colour: the part in use reads at a glance, without colour
        // (NO_COLOR) too.
        if section == app.volunteer.section {
            spans.push(Span::styled(format!("[{title}]"), theme.tab_active()));
        } else {
            spans.push(Span::styled(format!(" {title} "), theme.dim()));
        }
        spans.push(Span::styled("│", theme.dim()));
    }
    // The hint only when it fits whole.
    let used: usize = spans.iter().map(|sp| sp.content.width()).sum();
    let hint = format!(" v: {}", s.k_section);
    if used + hint.width() <= area.width as usize {
        spans.push(Span::styled(hint, theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(Line::from(super::text::fit_spans(
            spans,
            area.width as usize,
        ))),
        area,
    );
}

/// Each unit's registration for the day: what, where, how many, when — late ones marked.
fn render_registrations(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    rows: &[usize],
    day: &VolunteerDayRow,
) {
    let s = app.strings();
    let v = &app.volunteer;
    let (body, selected, offset) = window(v, area, 1, v.list.selected, rows.len());
    let wide = area.width >= 110;
    let unit_w: u16 = if wide { 26 } else { 16 };
    // The status column fits its widest word in the language shown, mark and space included
    // ("· not registered" is 16 columns).
    let status_w = [s.reg_on_time, s.reg_late, s.state_overdue, s.reg_none]
        .iter()
        .map(|w| w.width() as u16 + 2)
        .fold(15, u16::max);
    let fixed = unit_w + 1 + 16 + 1 + status_w + 1 + if wide { 21 + 11 } else { 0 };
    let acts_w = area.width.saturating_sub(fixed).max(8);
    let mut widths = vec![Constraint::Length(unit_w), Constraint::Length(acts_w)];
    let mut header = vec![s.col_unit, s.col_activities];
    if wide {
        widths.extend([Constraint::Length(20), Constraint::Length(10)]);
        header.extend([s.col_place, s.col_planned]);
    }
    widths.extend([Constraint::Length(16), Constraint::Length(status_w)]);
    header.extend([s.col_registered, s.col_status]);
    let table_rows = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, &i)| {
            let unit = &app.board.units[i];
            let mut cells = vec![Cell::from(unit_label(unit, unit_w))];
            match v.registration(unit.id, app.now) {
                Some(r) => {
                    let mut acts: Vec<&str> =
                        r.activities.iter().map(|c| v.activity_name(c)).collect();
                    if !r.other_activity.is_empty() {
                        acts.push(&r.other_activity);
                    }
                    cells.push(Cell::from(truncate(
                        &clean(&acts.join(", ")),
                        acts_w as usize,
                    )));
                    if wide {
                        cells.push(Cell::from(truncate(&clean(&r.place), 20)));
                        cells.push(Cell::from(
                            r.planned_volunteers
                                .map(|n| n.to_string())
                                .unwrap_or_default(),
                        ));
                    }
                    cells.push(Cell::from(format_local(r.registered_at)));
                    let late = !on_time(r.registered_at, day.registration_deadline);
                    let (mark, word, style) = if late {
                        ("✘", s.reg_late, theme.warn())
                    } else {
                        ("✔", s.reg_on_time, theme.good())
                    };
                    cells.push(Cell::from(format!("{mark} {word}")).style(style));
                }
                None => {
                    cells.push(Cell::from("—").style(theme.dim()));
                    if wide {
                        cells.extend([Cell::from(""), Cell::from("")]);
                    }
                    cells.push(Cell::from(""));
                    // Past the deadline a missing one is overdue, in words as in colour.
                    let (text, style) = if !on_time(app.now, day.registration_deadline) {
                        (format!("✖ {}", s.state_overdue), theme.error())
                    } else {
                        (format!("· {}", s.reg_none), theme.dim())
                    };
                    cells.push(Cell::from(text).style(style));
                }
            }
            let row = Row::new(cells);
            selectable(row, pos == selected, theme)
        });
    frame.render_widget(list_table(table_rows, widths, header, theme), area);
}

/// The rows a list shows in `area` (less `chrome` lines of header and totals), the selection
/// kept inside `len`, and the first row drawn — written back so scrolling stays smooth.
fn window(
    v: &VolunteerView,
    area: Rect,
    chrome: u16,
    selected: usize,
    len: usize,
) -> (usize, usize, usize) {
    let body = area.height.saturating_sub(chrome) as usize;
    let selected = clamp(selected, len);
    let offset = scroll_offset(v.list.offset.get(), selected, body, len);
    v.list.offset.set(offset);
    v.list.page.set(body.max(1));
    (body, selected, offset)
}

/// A unit's name in `width` columns: whole if it fits, else its short form ("P. Tân Quý").
fn unit_label(unit: &Unit, width: u16) -> String {
    let name = if unit.name.width() > width as usize {
        unit.short_name()
    } else {
        unit.name.clone()
    };
    truncate(&clean(&name), width as usize)
}

/// The day, and the next of its deadlines counting down (or how late the last one is).
fn render_head(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, day: &VolunteerDayRow) {
    let s = app.strings();
    let mut title = s.vol_day(day.round, format_date(day.date), clean(&day.host));
    // Which of the campaign's days this is, when there are several ([ and ] move).
    let days = app.board.volunteer_days.len();
    if days > 1 {
        title = format!("[{}/{days}] {title}", app.volunteer.day + 1);
    }
    // Named as the checklist names them ("Đăng ký TB", "Báo cáo").
    let name = |source: RequirementSource, fallback: &'static str| {
        app.board
            .requirements
            .iter()
            .find(|r| r.source == source && r.volunteer_day_id == Some(day.id))
            .map_or(fallback.to_string(), |r| clean(&r.short).into_owned())
    };
    let deadlines: [(String, DateTime<FixedOffset>); 2] = [
        (
            name(
                RequirementSource::VolunteerRegistration,
                s.detail_source_registration,
            ),
            day.registration_deadline,
        ),
        (
            name(RequirementSource::QuickReport, s.detail_source_report),
            day.report_deadline,
        ),
    ];
    let right = match deadlines.iter().find(|(_, at)| *at > app.now) {
        Some((what, at)) => {
            let left = countdown(*at - app.now, s.span.day, s.span.days);
            format!(
                "{what}: {} — {}",
                s.deadline_at(format_local(*at)),
                s.countdown(&left)
            )
        }
        // Both passed: how long ago the last one closed.
        None => {
            let (what, at) = &deadlines[1];
            let by = crate::domain::time::Span::from_duration(app.now - *at);
            format!(
                "{what}: {}",
                s.overdue_by(crate::domain::time::format_span(by, &s.span))
            )
        }
    };
    let [l, r] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(right.width() as u16 + 1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(truncate(&title, l.width as usize)).style(theme.title()),
        l,
    );
    frame.render_widget(
        Paragraph::new(right)
            .style(theme.warn())
            .alignment(Alignment::Right),
        r,
    );
}

fn metric_width(app: &App, m: Metric) -> u16 {
    (app.strings().metric_short(m).width() as u16).max(6)
}

/// A figure in at most `width` columns: 1,000,000 (the largest allowed) reads "1000k".
fn figure_text(v: i64, width: usize) -> String {
    let text = v.to_string();
    if text.len() <= width {
        return text;
    }
    let thousands = format!("{}k", v / 1000);
    if thousands.len() <= width {
        thousands
    } else {
        format!("{}M", v / 1_000_000)
    }
}

/// What is being typed, its end kept in view, with the cursor mark.
fn typing_text(typed: &str, width: usize) -> String {
    let keep = width.saturating_sub(1);
    let chars: Vec<char> = typed.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(keep)..].iter().collect();
    format!("{tail}▏")
}

fn render_grid(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, rows: &[usize]) {
    let s = app.strings();
    let v = &app.volunteer;
    // Header above, totals below; the units scroll between.
    let (body, selected, offset) = window(v, area, 2, v.list.selected, rows.len());
    let col = clamp(v.col, Metric::ALL.len());
    let fixed: u16 = Metric::ALL.iter().map(|m| metric_width(app, *m) + 1).sum();
    let show_updated = area.width >= fixed + 30 + 9;
    let name_w = area
        .width
        .saturating_sub(fixed + if show_updated { 9 } else { 0 })
        .max(8);

    let mut widths = vec![Constraint::Length(name_w)];
    widths.extend(
        Metric::ALL
            .iter()
            .map(|m| Constraint::Length(metric_width(app, *m))),
    );
    let mut header = vec![Cell::from(s.col_unit)];
    header.extend(Metric::ALL.iter().enumerate().map(|(i, m)| {
        let style = if i == col { theme.key() } else { theme.title() };
        Cell::from(s.metric_short(*m)).style(style)
    }));
    if show_updated {
        widths.push(Constraint::Length(8));
        header.push(Cell::from(s.col_updated));
    }

    let mut table_rows: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, &i)| {
            let unit = &app.board.units[i];
            let is_selected = pos == selected;
            let mut cells = vec![Cell::from(unit_label(unit, name_w))];
            for (c, m) in Metric::ALL.iter().enumerate() {
                let text = if m.is_land() && !app.board.reports_land(unit.id) {
                    "–".to_string()
                } else if is_selected
                    && c == col
                    && let Some(f) = &v.editing
                {
                    typing_text(&clean(f.value()), metric_width(app, *m) as usize)
                } else {
                    v.value(unit.id, *m, app.now)
                        .map(|x| figure_text(x, metric_width(app, *m) as usize))
                        .unwrap_or_else(|| "·".into())
                };
                let style = if is_selected && c == col && v.editing.is_some() && v.refused {
                    theme.error().add_modifier(Modifier::REVERSED)
                } else if is_selected && c == col {
                    theme.cursor_cell()
                } else if v.value(unit.id, *m, app.now).is_none() {
                    theme.dim()
                } else {
                    Default::default()
                };
                cells.push(Cell::from(text).style(style));
            }
            if show_updated {
                let at = v
                    .updated(unit.id, app.now)
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default();
                cells.push(Cell::from(at));
            }
            let row = Row::new(cells);
            selectable(row, is_selected, theme)
        })
        .collect();
    // Fill the space so the totals stay on the grid's last line.
    while table_rows.len() < body {
        table_rows.push(Row::new(Vec::<Cell>::new()));
    }
    let mut totals = vec![Cell::from(s.totals)];
    totals.extend(
        Metric::ALL
            .iter()
            // As of the app clock, as the overview and the briefing count them: under `--now`
            // a figure saved later is not yet in the totals.
            .map(|m| {
                Cell::from(figure_text(
                    v.total_until(*m, app.now),
                    metric_width(app, *m) as usize,
                ))
            }),
    );
    table_rows.push(Row::new(totals).style(theme.title().add_modifier(Modifier::REVERSED)));
    frame.render_widget(list_table(table_rows, widths, header, theme), area);
}

/// Each unit's quick report: when it came, on time or late, how many photos — and for the units
/// still silent, their phone, to call.
fn render_reports(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    rows: &[usize],
    day: &VolunteerDayRow,
) {
    let s = app.strings();
    let v = &app.volunteer;
    let (body, selected, offset) = window(v, area, 1, v.list.selected, rows.len());
    let fixed = 16 + 1 + 15 + 1 + 8 + 1 + 16;
    let unit_w = area.width.saturating_sub(fixed).clamp(12, 40);
    let widths = [
        Constraint::Length(unit_w),
        Constraint::Length(16),
        Constraint::Length(15),
        Constraint::Length(8),
        Constraint::Length(16),
    ];
    let header = [
        s.col_unit,
        s.col_received,
        s.col_status,
        s.col_photos,
        s.col_phone,
    ];
    let table_rows = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, &i)| {
            let unit = &app.board.units[i];
            let mut cells = vec![Cell::from(unit_label(unit, unit_w))];
            match v.report(unit.id, app.now) {
                Some(r) => {
                    cells.push(Cell::from(format_local(r.received_at)));
                    let late = !on_time(r.counts_from(), day.report_deadline);
                    let (text, style) = if !report_counts(r.photos.len()) {
                        (format!("! {}", s.rep_no_photo), theme.warn())
                    } else if late {
                        (format!("✘ {}", s.reg_late), theme.warn())
                    } else {
                        (format!("✔ {}", s.reg_on_time), theme.good())
                    };
                    cells.push(Cell::from(text).style(style));
                    cells.push(Cell::from(r.photos.len().to_string()));
                    cells.push(Cell::from(""));
                }
                None => {
                    cells.push(Cell::from("—").style(theme.dim()));
                    // Past the deadline a missing one is overdue, in words as in colour.
                    let (text, style) = if !on_time(app.now, day.report_deadline) {
                        (format!("✖ {}", s.state_overdue), theme.error())
                    } else {
                        (format!("· {}", s.rep_none), theme.dim())
                    };
                    cells.push(Cell::from(text).style(style));
                    cells.push(Cell::from(""));
                    cells
                        .push(Cell::from(clean(unit.phone.trim()).into_owned()).style(theme.key()));
                }
            }
            let row = Row::new(cells);
            selectable(row, pos == selected, theme)
        });
    frame.render_widget(list_table(table_rows, widths, header, theme), area);
}

/// The Action Month's district-level activities: owner, date, status.
fn render_agenda(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let v = &app.volunteer;
    let visible = v.visible_agenda();
    let (body, selected, offset) = window(v, area, 1, v.agenda_row, visible.len());
    let owner_w: u16 = if area.width >= 110 { 30 } else { 18 };
    let title_w = area
        .width
        .saturating_sub(owner_w + 1 + 10 + 1 + 10 + 1)
        .max(10);
    let widths = [
        Constraint::Length(title_w),
        Constraint::Length(owner_w),
        Constraint::Length(10),
        Constraint::Length(10),
    ];
    let header = [s.col_title_agenda, s.col_owner, s.col_date2, s.col_status];
    let rows = visible
        .iter()
        .filter_map(|&i| v.agenda.get(i))
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, a)| {
            let style = match a.status {
                AgendaStatus::Done => theme.good(),
                AgendaStatus::Cancelled => theme.dim(),
                AgendaStatus::InProgress => theme.warn(),
                AgendaStatus::Planned => Default::default(),
            };
            let row = Row::new(vec![
                Cell::from(truncate(&clean(&a.title), title_w as usize)),
                Cell::from(truncate(&clean(&a.owner), owner_w as usize)),
                Cell::from(
                    a.date
                        .map(format_date)
                        .unwrap_or_else(|| s.ag_no_date.to_string()),
                ),
                Cell::from(s.agenda_status(a.status)).style(style),
            ]);
            selectable(row, pos == selected, theme)
        });
    frame.render_widget(list_table(rows, widths, header, theme), area);
}

/// The day's assigned tasks, as every screen reads them: the figures from the grid, a task
/// with a KPI judged by the KPI lines tab 5 shows.
/// The filter narrows them by owner or title, as it narrows the other parts.
pub(super) fn tasks_of_day(app: &App, day_id: i64) -> Vec<TaskLine<'_>> {
    let needle = crate::domain::fold::Needle::new(app.volunteer.list.filter.value());
    crate::model::tasks::of_day(
        &app.board,
        day_id,
        |unit, m| app.volunteer.value(unit, m, app.now),
        &app.kpis.lines,
    )
    .into_iter()
    .filter(|l| {
        needle.matches(&l.task.title) || needle.matches(app.board.unit_name(l.task.unit_id))
    })
    .collect()
}

/// A task's figures as "Dân 120, DN 14", "—" for one not typed.
pub(super) fn task_figures_text(app: &App, line: &TaskLine<'_>) -> String {
    let s = app.strings();
    line.figures
        .iter()
        .map(|(m, v)| {
            let value = v.map_or_else(|| "—".to_string(), |x| x.to_string());
            format!("{} {value}", s.metric_short(*m))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a task stands, in words.
pub(super) fn task_status_text(app: &App, status: TaskStatus) -> String {
    let s = app.strings();
    match status {
        TaskStatus::NoFigures => s.task_no_figures.to_string(),
        TaskStatus::Figures { typed, of } => s.task_figures_typed(typed, of),
        TaskStatus::Kpi { value, status } => format!(
            "{} {} {}",
            crate::domain::kpi::format_percent(value),
            super::kpi::status_mark(status),
            s.kpi_status(status)
        ),
    }
}

fn render_tasks(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, day_id: i64) {
    let s = app.strings();
    let v = &app.volunteer;
    let lines = tasks_of_day(app, day_id);
    if lines.is_empty() {
        frame.render_widget(Paragraph::new(s.tasks_none).style(theme.dim()), area);
        return;
    }
    let (body, selected, offset) = window(v, area, 1, v.task_row, lines.len());
    let owner_w: u16 = if area.width >= 110 { 30 } else { 16 };
    let status_w: u16 = 20;
    let figures_w: u16 = if area.width >= 110 { 34 } else { 18 };
    let title_w = area
        .width
        .saturating_sub(owner_w + figures_w + status_w + 3)
        .max(10);
    let widths = [
        Constraint::Length(owner_w),
        Constraint::Length(title_w),
        Constraint::Length(figures_w),
        Constraint::Length(status_w),
    ];
    let header = [s.col_unit, s.col_task, s.col_task_figures, s.col_status];
    let rows = lines
        .iter()
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, l)| {
            let owner = app
                .board
                .units
                .iter()
                .find(|u| u.id == l.task.unit_id)
                .map(|u| u.short_name())
                .unwrap_or_default();
            let style = match l.status {
                TaskStatus::NoFigures => theme.dim(),
                TaskStatus::Kpi { status, .. } => super::kpi::status_style(theme, status),
                TaskStatus::Figures { .. } => Default::default(),
            };
            let row = Row::new(vec![
                Cell::from(truncate(&clean(&owner), owner_w as usize)),
                Cell::from(truncate(&clean(&l.task.title), title_w as usize)),
                Cell::from(truncate(&task_figures_text(app, l), figures_w as usize)),
                Cell::from(truncate(
                    &task_status_text(app, l.status),
                    status_w as usize,
                ))
                .style(style),
            ]);
            selectable(row, pos == selected, theme)
        });
    frame.render_widget(list_table(rows, widths, header, theme), area);
}

/// The selected cell in words: unit, figure, value, when saved.
fn render_detail(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, rows: &[usize]) {
    let s = app.strings();
    let v = &app.volunteer;
    if v.section == Section::Tasks {
        let day = app.board.volunteer_days.get(v.day).map_or(0, |d| d.id);
        let lines = tasks_of_day(app, day);
        if let Some(l) = lines.get(v.task_row.min(lines.len().saturating_sub(1))) {
            let text = format!("{} — {}", clean(&l.task.title), clean(&l.task.description));
            frame.render_widget(
                Paragraph::new(truncate(&text, area.width as usize)).style(theme.dim()),
                area,
            );
        }
        return;
    }
    if v.section == Section::Agenda {
        if let Some(a) = v.selected_agenda() {
            let text = if a.note.is_empty() {
                clean(&a.title).into_owned()
            } else {
                format!("{} — {}", clean(&a.title), clean(&a.note))
            };
            frame.render_widget(
                Paragraph::new(truncate(&text, area.width as usize)).style(theme.dim()),
                area,
            );
        }
        return;
    }
    let Some(&i) = rows.get(clamp(v.list.selected, rows.len())) else {
        return;
    };
    let unit = &app.board.units[i];
    if v.section == Section::Reports
        && let Some(r) = v.report(unit.id, app.now)
        && !r.photos.is_empty()
    {
        let names: Vec<&str> = r.photos.iter().map(|p| p.original_name.as_str()).collect();
        let text = format!(
            "{} — {}: {}",
            clean(&unit.name),
            s.photos_count(r.photos.len()),
            clean(&names.join(", "))
        );
        frame.render_widget(
            Paragraph::new(truncate(&text, area.width as usize)).style(theme.dim()),
            area,
        );
        return;
    }
    if v.section != Section::Figures {
        let phone = unit.phone.trim();
        let text = if phone.is_empty() {
            clean(&unit.name).into_owned()
        } else {
            format!("{} · {phone}", clean(&unit.name))
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim()), area);
        return;
    }
    let m = v.metric();
    let value = v
        .value(unit.id, m, app.now)
        .map(|x| x.to_string())
        .unwrap_or_else(|| "—".into());
    let mut spans = vec![
        Span::styled(
            format!("{} — {}: ", clean(&unit.name), s.metric(m)),
            theme.dim(),
        ),
        Span::styled(value, theme.title()),
    ];
    if let Some(at) = v.updated(unit.id, app.now) {
        spans.push(Span::styled(
            format!("  · {} {}", s.col_updated.to_lowercase(), format_local(at)),
            theme.dim(),
        ));
    }
    let phone = unit.phone.trim();
    if !phone.is_empty() {
        spans.push(Span::styled(format!("  · {phone}"), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(Line::from(super::text::fit_spans(
            spans,
            area.width as usize,
        ))),
        area,
    );
}
