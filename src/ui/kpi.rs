//! Tab 5: every KPI of the campaign as a gauge with its value, target and status (in words as
//! well as colour), and the selected one's definition, figures, history and trend.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Sparkline, Wrap};

use super::gauge::bar;
use super::table::{list_table, selectable};
use super::theme::Theme;
use crate::app::App;
use crate::app::units_view::{clamp, scroll_offset};
use crate::domain::campaign::KpiSource;
use crate::domain::kpi::{KpiStatus, format_percent, percent};
use crate::domain::time::{format_date, format_local};
use crate::model::kpi::KpiLine;
use crate::text::{clean, truncate};
use unicode_width::UnicodeWidthStr;

pub(super) fn status_style(theme: Theme, st: KpiStatus) -> Style {
    match st {
        KpiStatus::Met => theme.good(),
        KpiStatus::Near => theme.warn(),
        KpiStatus::Below => theme.error(),
        KpiStatus::NoData | KpiStatus::Tracked => theme.dim(),
        // Progress, neither good nor bad yet.
        KpiStatus::NotDue => Style::new(),
    }
}

/// A count as shown: whole numbers without decimals, others with a decimal comma.
fn amount(v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if x.fract() == 0.0 => format!("{x:.0}"),
        Some(x) => format!("{x:.1}").replace('.', ","),
    }
}

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let lines = &app.kpis.lines;
    let count = |st: KpiStatus| lines.iter().filter(|l| l.status == st).count().to_string();
    let summary = s.kpi_count(
        lines.len(),
        count(KpiStatus::Met),
        count(KpiStatus::Near),
        count(KpiStatus::Below),
        count(KpiStatus::NotDue),
    );
    let table_h = (lines.len() as u16 + 1).min(area.height.saturating_sub(6));
    let [head, table, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(table_h),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(summary).style(theme.title()), head);
    render_table(frame, app, theme, table);
    render_detail(frame, app, theme, detail);
}

fn render_table(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let v = &app.kpis;
    let body = area.height.saturating_sub(1) as usize;
    let selected = clamp(v.list.selected, v.lines.len());
    let offset = scroll_offset(v.list.offset.get(), selected, body, v.lines.len());
    v.list.offset.set(offset);
    v.list.page.set(body.max(1));
    let wide = area.width >= 110;
    let bar_w: u16 = if wide { 20 } else { 10 };
    let ratio_w: u16 = if wide { 13 } else { 0 };
    let fixed = bar_w + 1 + 7 + 1 + 14 + 1 + 18 + if wide { ratio_w + 1 } else { 0 };
    let name_w = area.width.saturating_sub(fixed).max(10);
    let mut widths = vec![
        Constraint::Length(name_w),
        Constraint::Length(bar_w),
        Constraint::Length(7),
    ];
    let mut header = vec![s.col_kpi, "", s.col_value];
    if wide {
        widths.push(Constraint::Length(ratio_w));
        header.push("");
    }
    widths.extend([Constraint::Length(14), Constraint::Length(18)]);
    header.extend([s.col_target, s.col_status]);
    let rows = v
        .lines
        .iter()
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, l)| {
            let style = status_style(theme, l.status);
            let gauge = kpi_gauge(l, bar_w as usize);
            let mut cells = vec![
                Cell::from(truncate(&clean(&l.kpi.name), name_w as usize)),
                Cell::from(gauge).style(style),
                Cell::from(format_percent(l.value)),
            ];
            if wide {
                cells.push(Cell::from(
                    s.kpi_ratio(amount(l.numerator), amount(l.denominator)),
                ));
            }
            cells.push(Cell::from(truncate(
                &s.kpi_target(l.kpi.target, &l.kpi.target_note),
                14,
            )));
            cells.push(
                Cell::from(format!(
                    "{} {}",
                    status_mark(l.status),
                    s.kpi_status(l.status)
                ))
                .style(style),
            );
            let row = Row::new(cells);
            selectable(row, pos == selected, theme)
        });
    frame.render_widget(list_table(rows, widths, header, theme), area);
}

/// The KPI's share as a bar; an empty one when there is nothing to divide.
pub(super) fn kpi_gauge(l: &KpiLine, width: usize) -> String {
    match (l.numerator, l.denominator) {
        (Some(n), Some(d)) if d > 0.0 => bar(n.round() as usize, d.round() as usize, width),
        _ => "░".repeat(width),
    }
}

pub(super) fn status_mark(st: KpiStatus) -> &'static str {
    match st {
        KpiStatus::Met => "✔",
        KpiStatus::Near => "!",
        KpiStatus::Below => "✖",
        KpiStatus::NoData => "·",
        KpiStatus::Tracked => "~",
        KpiStatus::NotDue => "◷",
    }
}

fn render_detail(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.dim());
    let Some(l) = app.kpis.selected_line() else {
        frame.render_widget(block, area);
        return;
    };
    let block = block.title(Span::styled(
        format!(
            " {} ",
            truncate(&clean(&l.kpi.name), area.width.saturating_sub(4) as usize)
        ),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let measured = l.kpi.source == KpiSource::Measured;
    let [left, right] = if measured && inner.width >= 60 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .spacing(2)
            .areas(inner)
    } else {
        [inner, Rect::default()]
    };
    let mut text = vec![
        Line::from(clean(&l.kpi.definition).into_owned()),
        Line::from(vec![
            Span::styled(format!("{}: ", clean(&l.kpi.numerator)), theme.dim()),
            Span::raw(amount(l.numerator)),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", clean(&l.kpi.denominator)), theme.dim()),
            Span::raw(amount(l.denominator)),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", s.col_target), theme.dim()),
            Span::raw(s.kpi_target(l.kpi.target, &l.kpi.target_note)),
            Span::styled(
                format!(
                    "  · {}",
                    if measured {
                        s.kpi_measured
                    } else {
                        s.kpi_computed
                    }
                ),
                theme.dim(),
            ),
            // The verdict waits for this; "chưa tới hạn" until then.
            Span::styled(
                l.deadline
                    .map(|d| format!("  · {}", s.deadline_at(format_local(d))))
                    .unwrap_or_default(),
                theme.dim(),
            ),
        ]),
    ];
    if !measured {
        text.push(Line::styled(s.kpi_computed_note, theme.dim()));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), left);
    if measured && right.width > 0 {
        render_history(frame, app, l, theme, right);
    }
}

/// The measurements newest first, with a sparkline of their values over time.
fn render_history(frame: &mut Frame<'_>, app: &App, l: &KpiLine, theme: Theme, area: Rect) {
    let s = app.strings();
    if l.history.is_empty() {
        frame.render_widget(
            Paragraph::new(s.kpi_no_history).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [title, spark, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(s.kpi_history, theme.title())),
        title,
    );
    // Tenths of a percent, so the trend shows small moves.
    let points: Vec<u64> = l
        .history
        .iter()
        .map(|m| percent(m.numerator, m.denominator).map_or(0, |p| (p * 10.0).round() as u64))
        .collect();
    let shown = &points[points.len().saturating_sub(area.width as usize)..];
    frame.render_widget(
        Sparkline::default()
            .data(shown)
            .max(1000)
            .style(theme.key()),
        spark,
    );
    let lines: Vec<Line> = l
        .history
        .iter()
        .rev()
        .take(list.height as usize)
        .map(|m| {
            let figures = format!(
                "{}–{}  {} / {}  {}",
                m.period_start.format("%d/%m"),
                format_date(m.period_end),
                amount(Some(m.numerator)),
                amount(Some(m.denominator)),
                format_percent(percent(m.numerator, m.denominator))
            );
            // Where the figure came from, in what room is left on the line.
            let source: Vec<String> = m
                .unit_id
                .map(|id| clean(app.board.unit_name(id)).into_owned())
                .into_iter()
                .chain((!m.note.trim().is_empty()).then(|| clean(m.note.trim()).into_owned()))
                .collect();
            let room = (list.width as usize).saturating_sub(figures.width() + 2);
            let mut spans = vec![Span::raw(figures)];
            if !source.is_empty() && room > 3 {
                spans.push(Span::styled(
                    format!("  {}", truncate(&source.join(" · "), room)),
                    theme.dim(),
                ));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
