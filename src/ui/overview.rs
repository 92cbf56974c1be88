//! Tab 1: where the campaign stands — KPIs with their status, checklist progress with the
//! missing units by name, the next deadline counting down, the overdue units, the Saturday's
//! totals and the initiatives per stage.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::gauge::bar;
use super::kpi::{kpi_gauge, status_mark, status_style};
use super::theme::Theme;
use crate::app::App;
use crate::domain::figures::Metric;
use crate::domain::initiative::Stage;
use crate::domain::kpi::format_percent;
use crate::domain::time::{format_date, format_local};
use crate::model::overview::{Progress, countdown, next_deadline, progress};
use crate::text::{clean, truncate};

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let board = &app.board;
    let progress = progress(board, app.now);
    let tall = area.height >= 30;
    // Short windows give each requirement one line (bar, count and the first missing names);
    // tall ones a second line for the names.
    let per_req = if tall { 2 } else { 1 };
    let checklist_h = (board.requirements.len() * per_req) as u16 + 2;
    let info_h = if tall { 7 } else { 0 };
    let [info, checklist, bottom] = Layout::vertical([
        Constraint::Length(info_h),
        Constraint::Length(checklist_h),
        Constraint::Min(3),
    ])
    .areas(area);
    if tall {
        render_info(frame, app, theme, info);
    }
    render_checklist(frame, app, theme, checklist, &progress, per_req);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    let kpi_h = (app.kpis.lines.len().max(1) as u16 + 2).min(right.height.saturating_sub(3));
    let [kpis, right_rest] =
        Layout::vertical([Constraint::Length(kpi_h), Constraint::Min(3)]).areas(right);
    render_kpis(frame, app, theme, kpis);
    let deadline_h = if tall { 7 } else { 6 };
    let [deadline, left_rest] =
        Layout::vertical([Constraint::Length(deadline_h), Constraint::Min(3)]).areas(left);
    render_next_deadline(frame, app, theme, deadline, &progress, !tall);
    if tall {
        // The plan box carries the initiatives; the Saturday box its figures.
        render_volunteer_days(frame, app, theme, left_rest, &progress);
        render_overdue(frame, app, theme, right_rest, &progress, false);
    } else {
        render_summary(frame, app, theme, left_rest);
        render_overdue(frame, app, theme, right_rest, &progress, true);
    }
}

/// One line per KPI: name, gauge, value, status word (readable without colour).
fn render_kpis(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let inner = draw_box(frame, s.ov_kpis, theme, area);
    if app.kpis.lines.is_empty() {
        frame.render_widget(Paragraph::new(s.ov_no_kpis), inner);
        return;
    }
    let width = inner.width as usize;
    let status_w = app
        .kpis
        .lines
        .iter()
        .map(|l| s.kpi_status(l.status).width() + 2)
        .max()
        .unwrap_or(0);
    let bar_w = if width >= 60 { 12 } else { 6 };
    let value_w = 6;
    let name_w = width.saturating_sub(bar_w + value_w + status_w + 3).max(4);
    let lines: Vec<Line> = app
        .kpis
        .lines
        .iter()
        .take(inner.height as usize)
        .map(|l| {
            let style = status_style(theme, l.status);
            Line::from(vec![
                Span::raw(format!(
                    "{:<name_w$} ",
                    truncate(&clean(&l.kpi.name), name_w)
                )),
                Span::styled(kpi_gauge(l, bar_w), style),
                Span::raw(format!(" {:>value_w$} ", format_percent(l.value))),
                Span::styled(
                    format!("{} {}", status_mark(l.status), s.kpi_status(l.status)),
                    style,
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected Saturday's totals of the figures entered so far; `compact` leaves out the
/// land files, which the KPI box shows as a share already.
fn saturday_totals(app: &App, compact: bool) -> Option<String> {
    let s = app.strings();
    let day = app.board.volunteer_days.get(app.volunteer.day)?;
    let parts: Vec<String> = Metric::ALL
        .iter()
        .filter(|m| !compact || !matches!(m, Metric::LandTotal | Metric::LandResolved))
        .map(|m| (m, app.volunteer.total_until(*m, app.now)))
        .filter(|(_, v)| *v > 0)
        .map(|(m, v)| format!("{} {}", s.metric_short(*m), crate::text::group_thousands(v)))
        .collect();
    let figures = if parts.is_empty() {
        s.ov_no_figures.to_string()
    } else {
        parts.join(" · ")
    };
    Some(s.ov_saturday_totals(s.ov_round(day.round), format_date(day.date), &figures))
}

/// How many initiatives stand at each stage.
fn initiatives_by_stage(app: &App) -> String {
    let s = app.strings();
    let counts = &app.board.initiative_stages;
    let parts: Vec<String> = Stage::ALL
        .iter()
        .map(|st| {
            let n = counts.iter().find(|(c, _)| c == st).map_or(0, |(_, n)| *n);
            format!("{} {n}", s.stage(*st))
        })
        .collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    s.ov_initiatives_by_stage(total, parts.join(" · "))
}

/// Short windows: the Saturday's totals and the initiatives per stage in one box.
fn render_summary(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let inner = draw_box(frame, s.ov_summary, theme, area);
    let mut lines = vec![Line::from(initiatives_by_stage(app))];
    if let Some(t) = saturday_totals(app, true) {
        lines.push(Line::from(t));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// Draws a titled box and returns the area inside it.
fn draw_box(frame: &mut Frame<'_>, title: &str, theme: Theme, area: Rect) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.dim())
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn render_info(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let c = &app.board.campaign;
    let inner = draw_box(frame, s.ov_campaign, theme, area);
    let width = inner.width as usize;
    let mut lines = vec![
        Line::from(truncate(
            &format!("{} — {}", clean(&c.code), clean(&c.title)),
            width,
        )),
        Line::from(s.ov_period(format_date(c.starts_on), format_date(c.ends_on))),
        Line::from(truncate(
            &s.ov_contact(
                clean(&c.contact_name),
                clean(&c.contact_role),
                clean(&c.contact_phone),
            ),
            width,
        )),
    ];
    let kinds: Vec<String> = app
        .board
        .kinds
        .kinds()
        .map(|k| {
            let n = app.board.units.iter().filter(|u| &u.kind == k).count();
            format!("{} {n}", clean(s.unit_kind(&app.board.kinds, k)))
        })
        .collect();
    lines.push(Line::from(truncate(
        &format!("{}: {}", s.ov_units_by_kind, kinds.join(" · ")),
        width,
    )));
    lines.push(Line::from(truncate(&initiatives_by_stage(app), width)));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Unit names joined until `width` is used, then "… và N đơn vị khác".
fn names_within(app: &App, units: &[usize], width: usize) -> String {
    names_fitting(app, units, width, |n| app.strings().ov_and_more(n))
}

/// Unit names joined until `width` is used, then `more` filled with how many are left.
fn names_fitting(
    app: &App,
    units: &[usize],
    width: usize,
    more_text: impl Fn(usize) -> String,
) -> String {
    let mut out = String::new();
    for (n, &i) in units.iter().enumerate() {
        let name = clean(&app.board.units[i].short_name()).into_owned();
        let sep = if out.is_empty() { "" } else { ", " };
        let rest = units.len() - n;
        let more = more_text(rest);
        let fits_with_more = out.width() + sep.width() + name.width() + 2 + more.width() <= width;
        let is_last = rest == 1;
        if is_last && out.width() + sep.width() + name.width() <= width
            || !is_last && fits_with_more
        {
            out.push_str(sep);
            out.push_str(&name);
        } else if out.is_empty() {
            // Not even the first name fits whole (a youth base's long name): it is cut rather
            // than left out, so the line always names someone.
            if is_last {
                return truncate(&name, width);
            }
            let more = more_text(rest - 1);
            let room = width.saturating_sub(more.width() + 1);
            return format!("{} {more}", truncate(&name, room));
        } else {
            out.push(' ');
            out.push_str(&more);
            return truncate(&out, width);
        }
    }
    out
}

fn render_checklist(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    progress: &[Progress],
    per_req: usize,
) {
    let s = app.strings();
    let inner = draw_box(frame, s.ov_checklist, theme, area);
    let width = inner.width as usize;
    let label_w = app
        .board
        .requirements
        .iter()
        .map(|r| clean(&r.short).width())
        .max()
        .unwrap_or(8)
        .min(14);
    let bar_w = if width >= 100 { 24 } else { 12 };
    let mut lines = Vec::new();
    for p in progress {
        let r = &app.board.requirements[p.requirement];
        let label = format!("{:<label_w$}", truncate(&clean(&r.short), label_w));
        let count = s.ov_done_of(p.done, p.applicable);
        let complete = p.missing.is_empty();
        let style = if complete {
            theme.good()
        } else if !p.overdue.is_empty() {
            theme.error()
        } else {
            theme.warn()
        };
        let head = vec![
            Span::styled(label, theme.title()),
            Span::raw(" "),
            Span::styled(bar(p.done, p.applicable, bar_w), style),
            Span::raw(format!(" {count}")),
        ];
        let used: usize = head.iter().map(|sp| sp.content.width()).sum();
        let names = if complete {
            s.ov_all_done.to_string()
        } else {
            let prefix = s.ov_missing("");
            let room = if per_req == 2 {
                width.saturating_sub(2 + prefix.width())
            } else {
                width.saturating_sub(used + 3 + prefix.width())
            };
            let names = if per_req == 2 {
                names_within(app, &p.missing, room)
            } else {
                names_fitting(app, &p.missing, room, |n| s.ov_and_more_short(n))
            };
            s.ov_missing(&names)
        };
        if per_req == 2 {
            lines.push(Line::from(head));
            lines.push(Line::styled(
                truncate(&format!("  {names}"), width),
                if complete { theme.good() } else { theme.dim() },
            ));
        } else {
            let mut head = head;
            head.push(Span::styled(
                truncate(&format!("  {names}"), width.saturating_sub(used)),
                theme.dim(),
            ));
            lines.push(Line::from(head));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_next_deadline(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    progress: &[Progress],
    compact: bool,
) {
    let s = app.strings();
    let inner = draw_box(frame, s.ov_next_deadline, theme, area);
    let width = inner.width as usize;
    let Some(next) = next_deadline(&app.board, progress, app.now) else {
        frame.render_widget(
            Paragraph::new(s.ov_no_deadline).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let mut lines = Vec::new();
    for &ri in &next.requirements {
        let r = &app.board.requirements[ri];
        // On a short window the title keeps to one line so the countdown always shows.
        let title = if compact {
            truncate(&clean(&r.title), width)
        } else {
            clean(&r.title).into_owned()
        };
        lines.push(Line::styled(title, theme.title()));
    }
    lines.push(Line::from(s.deadline_at(format_local(next.at))));
    let left = countdown(next.at - app.now, s.span.day, s.span.days);
    let soon = next.at - app.now < crate::domain::checklist::due_soon_window();
    lines.push(Line::styled(
        s.countdown(&left),
        if soon { theme.error() } else { theme.warn() },
    ));
    lines.push(Line::from(s.ov_units_missing_next(next.missing)));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Each volunteer day with its two deadlines and how many units met them so far.
fn render_volunteer_days(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    progress: &[Progress],
) {
    let s = app.strings();
    let inner = draw_box(frame, s.ov_volunteer_day, theme, area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for day in &app.board.volunteer_days {
        let round = s.ov_round(day.round);
        lines.push(Line::styled(
            truncate(
                &format!("{round} · {} · {}", format_date(day.date), clean(&day.host)),
                width,
            ),
            theme.title(),
        ));
        for p in progress {
            let r = &app.board.requirements[p.requirement];
            if r.volunteer_day_id != Some(day.id) {
                continue;
            }
            let count = s.ov_done_of(p.done, p.applicable);
            let due = s.deadline_at(format_local(r.deadline));
            lines.push(Line::from(truncate(
                &format!("  {}: {count} ({due})", clean(&r.short)),
                width,
            )));
        }
    }
    if let Some(t) = saturday_totals(app, false) {
        lines.push(Line::from(""));
        lines.push(Line::styled(s.ov_figures_heading, theme.title()));
        lines.push(Line::from(t));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The overdue units per requirement; `compact` (a short window) ends each list with "+N",
/// as the requirements box does, so the first names fit however few lines there are.
fn render_overdue(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    progress: &[Progress],
    compact: bool,
) {
    let s = app.strings();
    let inner = draw_box(frame, s.ov_overdue_units, theme, area);
    let width = inner.width as usize;
    let overdue: Vec<&Progress> = progress.iter().filter(|p| !p.overdue.is_empty()).collect();
    if overdue.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.ov_no_overdue, theme.good())),
            inner,
        );
        return;
    }
    // Share the lines between requirements; each gets at least its heading line.
    let per = (inner.height as usize / overdue.len()).max(1);
    let mut lines = Vec::new();
    for p in overdue {
        let r = &app.board.requirements[p.requirement];
        let head = format!("{} ({}): ", clean(&r.short), p.overdue.len());
        let more = |n| {
            if compact {
                s.ov_and_more_short(n)
            } else {
                s.ov_and_more(n)
            }
        };
        // Wrapped by hand so each requirement keeps to its share of lines.
        let text = names_in_lines(app, &head, &p.overdue, width, per, more);
        for (line_no, line) in text.into_iter().enumerate() {
            let style = if line_no == 0 {
                theme.error()
            } else {
                ratatui::style::Style::new()
            };
            lines.push(Line::styled(line, style));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `head`, then as many unit names as fit in `rows` lines of `width` once wrapped, then
/// `more` with how many are left: a name never cut, the count never wrapped away.
fn names_in_lines(
    app: &App,
    head: &str,
    units: &[usize],
    width: usize,
    rows: usize,
    more: impl Fn(usize) -> String,
) -> Vec<String> {
    let mut room = (width * rows).saturating_sub(head.width());
    loop {
        let text = format!("{head}{}", names_fitting(app, units, room, &more));
        let wrapped = wrap(&text, width);
        if wrapped.len() <= rows || room == 0 {
            return wrapped.into_iter().take(rows).collect();
        }
        // Breaking at spaces wasted room: ask for less by what spilled over.
        let spilled: usize = wrapped[rows..].iter().map(|l| l.width() + 1).sum();
        room = room.saturating_sub(spilled.max(1));
    }
}

/// `text` in lines of at most `width` columns, broken after spaces where it can be.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = split_at_width(rest, width);
        // A column too narrow for one character still moves on by one.
        let cut = if cut == 0 {
            rest.chars().next().map_or(rest.len(), char::len_utf8)
        } else {
            cut
        };
        out.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    out
}

/// Byte index where `text` reaches `width` columns, preferring a break after ", ".
fn split_at_width(text: &str, width: usize) -> usize {
    let mut used = 0;
    let mut last_break = None;
    for (i, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            return last_break.unwrap_or(i);
        }
        used += w;
        if c == ' ' {
            last_break = Some(i + 1);
        }
    }
    text.len()
}
