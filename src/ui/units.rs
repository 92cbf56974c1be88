//! Tab 2: the unit checklist — units × requirements, with a detail pane for the selected unit.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Wrap};
use unicode_width::UnicodeWidthStr;

use super::list_bar;
use super::table::{list_table, selectable};
use super::theme::{Theme, mark};
use crate::app::App;
use crate::app::units_view::{clamp, scroll_offset, visible_units};
use crate::domain::campaign::RequirementSource;
use crate::domain::checklist::CheckState;
use crate::domain::time::{Span as TimeSpan, format_date, format_local, format_span};
use crate::domain::unit::Unit;
use crate::i18n::Strings;
use crate::model::checklist::{missing_count, state_of, unit_states};
use crate::store::RequirementRow;
use crate::text::{clean, truncate};

/// Width of one requirement column: "✖ quá hạn" and "✔ 04/05" fit.
const REQ_COL: u16 = 11;
const KIND_COL: u16 = 10;
const MISSING_COL: u16 = 5;

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let wide = area.width >= 118 && area.height >= 20;
    let [bar, main, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let (table_area, detail_area) = if wide {
        let [t, d] = Layout::horizontal([Constraint::Min(60), Constraint::Length(40)]).areas(main);
        (t, d)
    } else {
        let detail_h = if main.height >= 14 { 6 } else { 4 };
        let [t, d] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(main);
        (t, d)
    };
    let rows = visible_units(&app.board, &app.units, app.now);
    render_bar(frame, app, theme, bar, rows.len());
    render_table(frame, app, theme, table_area, &rows);
    if wide {
        render_detail(frame, app, theme, detail_area, &rows);
    } else {
        render_detail_compact(frame, app, theme, detail_area, &rows);
    }
    frame.render_widget(
        Paragraph::new(truncate(app.strings().legend, legend.width as usize)).style(theme.dim()),
        legend,
    );
}

fn render_bar(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, shown: usize) {
    let s = app.strings();
    let v = &app.units;
    let kind = v
        .kind_filter
        .as_ref()
        .map_or(Cow::Borrowed(s.filter_kind_all), |k| {
            clean(s.unit_kind(&app.board.kinds, k))
        });
    let mut rest = vec![Span::raw(format!("  · {kind}"))];
    if v.missing_only {
        rest.push(Span::raw(format!(" · {}", s.filter_missing_only)));
    }
    let sort = match v.sort {
        crate::app::units_view::UnitSort::Plan => s.sort_order,
        crate::app::units_view::UnitSort::Name => s.sort_name,
        crate::app::units_view::UnitSort::Missing => s.sort_missing,
    };
    rest.push(Span::raw(format!(" · {}", s.sort_label(sort))));
    // With several rounds the Saturday columns are those of the round tab 4 is on: say which.
    let days = &app.board.volunteer_days;
    if days.len() > 1
        && let Some(d) = days.iter().find(|d| Some(d.id) == app.board.round_in_view)
    {
        rest.push(Span::raw(format!(
            " · {}",
            s.units_round(d.round, d.date.format("%d/%m"))
        )));
    }
    let count = s.units_count(shown, app.board.units.len());
    list_bar::render(
        frame,
        s,
        theme,
        area,
        (&v.list.filter, v.list.filter_typing),
        rest,
        count,
    );
}

fn cell_text(state: &CheckState, s: &Strings) -> String {
    match state {
        CheckState::Done { at, .. } => format!("{} {}", mark(state), at.format("%d/%m")),
        CheckState::NotApplicable => mark(state).to_string(),
        _ => format!("{} {}", mark(state), s.check_state(state)),
    }
}

fn render_table(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, rows: &[usize]) {
    let s = app.strings();
    let board = &app.board;
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(s.no_units_match).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let body_height = area.height.saturating_sub(1) as usize;
    let selected = clamp(app.units.list.selected, rows.len());
    let offset = scroll_offset(
        app.units.list.offset.get(),
        selected,
        body_height,
        rows.len(),
    );
    app.units.list.offset.set(offset);
    app.units.list.page.set(body_height.max(1));
    let column = clamp(app.units.column, board.requirements.len());

    // Requirement and count columns are fixed; the name takes the rest. The kind column only
    // shows when names keep enough room.
    let fixed = board.requirements.len() * (REQ_COL as usize + 1) + MISSING_COL as usize + 1;
    let show_kind = (area.width as usize).saturating_sub(fixed + KIND_COL as usize + 1) >= 30;
    let name_w = (area.width as usize)
        .saturating_sub(fixed + if show_kind { KIND_COL as usize + 1 } else { 0 })
        .max(6);

    let mut header = vec![Cell::from(s.col_unit)];
    if show_kind {
        header.push(Cell::from(s.col_kind));
    }
    for (i, r) in board.requirements.iter().enumerate() {
        let style = if i == column {
            theme.key()
        } else {
            theme.title()
        };
        header.push(Cell::from(truncate(&clean(&r.short), REQ_COL as usize)).style(style));
    }
    header.push(Cell::from(s.col_missing));

    let table_rows = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body_height)
        .map(|(pos, &i)| {
            let unit = &board.units[i];
            let states = unit_states(board, unit, app.now);
            let is_selected = pos == selected;
            // A name that does not fit shows in its short form first ("P. Tân Quý").
            let name = if unit.name.width() > name_w {
                unit.short_name()
            } else {
                unit.name.clone()
            };
            let mut cells = vec![Cell::from(truncate(&clean(&name), name_w))];
            if show_kind {
                let short = s.unit_kind_short(&board.kinds, &unit.kind);
                cells.push(Cell::from(truncate(&clean(short), KIND_COL as usize)));
            }
            for (c, st) in states.iter().enumerate() {
                let style = if is_selected && c == column {
                    theme.cursor_cell()
                } else {
                    theme.state(st)
                };
                cells.push(Cell::from(cell_text(st, s)).style(style));
            }
            cells.push(Cell::from(missing_count(&states).to_string()));
            let row = Row::new(cells);
            selectable(row, is_selected, theme)
        });

    let mut widths = vec![Constraint::Length(name_w as u16)];
    if show_kind {
        widths.push(Constraint::Length(KIND_COL));
    }
    widths.extend(
        board
            .requirements
            .iter()
            .map(|_| Constraint::Length(REQ_COL)),
    );
    widths.push(Constraint::Length(MISSING_COL));
    frame.render_widget(list_table(table_rows, widths, header, theme), area);
}

/// Kind, contact, phone and what is missing, for the selected unit.
fn unit_lines(app: &App, theme: Theme, unit: &Unit, states: &[CheckState]) -> Vec<Line<'static>> {
    let s = app.strings();
    let not_set = |v: &str| {
        if v.trim().is_empty() {
            s.detail_not_set.to_string()
        } else {
            clean(v).into_owned()
        }
    };
    let missing: Vec<String> = app
        .board
        .requirements
        .iter()
        .zip(states)
        .filter(|(_, st)| st.is_missing())
        .map(|(r, _)| clean(&r.short).into_owned())
        .collect();
    // The Saturday tasks the plan gives the unit (section II.3.1), with the figures that
    // measure them; where they stand is on tab 4's tasks part.
    let tasks = app
        .board
        .tasks
        .iter()
        .filter(|t| t.unit_id == unit.id)
        .map(|t| {
            let day = app
                .board
                .volunteer_days
                .iter()
                .find(|d| d.id == t.volunteer_day_id)
                .map(|d| format_date(d.date))
                .unwrap_or_default();
            let figures: Vec<&str> = t.figures.iter().map(|m| s.metric_short(*m)).collect();
            let measured = if figures.is_empty() {
                String::new()
            } else {
                format!(" — {}", figures.join(", "))
            };
            Line::from(vec![
                Span::styled(format!("{}: ", s.detail_tasks), theme.dim()),
                Span::raw(format!("{} ({day}){measured}", clean(&t.title))),
            ])
        });
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", s.detail_kind), theme.dim()),
            Span::raw(clean(s.unit_kind(&app.board.kinds, &unit.kind)).into_owned()),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", s.detail_contact), theme.dim()),
            Span::raw(not_set(&unit.contact_person)),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", s.detail_phone), theme.dim()),
            Span::raw(not_set(&unit.phone)),
        ]),
        if missing.is_empty() {
            Line::styled(s.detail_nothing_missing, theme.good())
        } else {
            Line::from(vec![
                Span::styled(format!("{}: ", s.detail_missing), theme.dim()),
                Span::styled(missing.join(", "), theme.warn()),
            ])
        },
    ];
    lines.extend(youth_base_lines(app, theme, unit));
    lines.extend(tasks);
    lines
}

/// The unit and its youth base shown together: a unit names the base that does its Saturday
/// (where the base stands shows on the requirement lines), a base names the units it acts for.
fn youth_base_lines(app: &App, theme: Theme, unit: &Unit) -> Vec<Line<'static>> {
    let s = app.strings();
    let board = &app.board;
    let mut lines = Vec::new();
    if let Some(base) = board.youth_base_of(unit) {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", s.detail_youth_base), theme.dim()),
            Span::raw(clean(&base.name).into_owned()),
        ]));
    }
    let served = board.acted_for(unit.id);
    if !served.is_empty() {
        const SHOWN: usize = 3;
        let mut names: Vec<String> = served
            .iter()
            .take(SHOWN)
            .map(|u| clean(&u.short_name()).into_owned())
            .collect();
        if served.len() > SHOWN {
            names.push(s.ov_and_more_short(served.len() - SHOWN));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", s.detail_acts_for), theme.dim()),
            Span::raw(names.join(", ")),
        ]));
    }
    lines
}

fn source_word(r: &RequirementRow, s: &Strings) -> &'static str {
    match r.source {
        RequirementSource::Manual => s.detail_source_manual,
        RequirementSource::Initiative => s.detail_source_initiative,
        RequirementSource::VolunteerRegistration => s.detail_source_registration,
        RequirementSource::QuickReport => s.detail_source_report,
    }
}

fn selected<'a>(app: &'a App, rows: &[usize]) -> Option<(&'a Unit, Vec<CheckState>)> {
    let &i = rows.get(clamp(app.units.list.selected, rows.len()))?;
    let unit = &app.board.units[i];
    Some((unit, unit_states(&app.board, unit, app.now)))
}

fn render_detail(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect, rows: &[usize]) {
    let s = app.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.dim());
    let Some((unit, states)) = selected(app, rows) else {
        frame.render_widget(block, area);
        return;
    };
    let block = block.title(Span::styled(
        format!(" {} ", clean(&unit.name)),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = unit_lines(app, theme, unit, &states);
    lines.push(Line::from(""));
    lines.push(Line::styled(s.detail_deadlines, theme.title()));
    let column = clamp(app.units.column, app.board.requirements.len());
    for (c, (r, st)) in app.board.requirements.iter().zip(&states).enumerate() {
        let pointer = if c == column { "▸ " } else { "  " };
        let (text, style) = requirement_state(app, theme, unit, r, st);
        lines.push(Line::from(vec![
            Span::styled(format!("{pointer}{}: ", clean(&r.short)), theme.title()),
            Span::styled(text, style),
        ]));
        let deadline = if r.deadline_explicit {
            format!("{} · ", s.deadline_at(format_local(r.deadline)))
        } else {
            String::new()
        };
        lines.push(Line::styled(
            format!("    {deadline}{}", source_word(r, s)),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Below the table on narrow terminals: unit facts on the left, requirement states on the right.
fn render_detail_compact(
    frame: &mut Frame<'_>,
    app: &App,
    theme: Theme,
    area: Rect,
    rows: &[usize],
) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.dim());
    let Some((unit, states)) = selected(app, rows) else {
        frame.render_widget(block, area);
        return;
    };
    let block = block.title(Span::styled(
        format!(" {} ", clean(&unit.name)),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(inner);
    let width = left.width as usize;
    let facts: Vec<Line> = unit_lines(app, theme, unit, &states)
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|sp| sp.content.as_ref()).collect();
            let style = l.spans.last().map(|sp| sp.style).unwrap_or_default();
            Line::styled(truncate(&text, width.saturating_sub(1)), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(facts), left);
    let column = clamp(app.units.column, app.board.requirements.len());
    let width = right.width as usize;
    let reqs: Vec<Line> = app
        .board
        .requirements
        .iter()
        .zip(&states)
        .enumerate()
        .map(|(c, (r, st))| {
            let pointer = if c == column { "▸" } else { " " };
            let (state, style) = requirement_state(app, theme, unit, r, st);
            let text = format!("{pointer}{}: {state}", clean(&r.short));
            Line::styled(truncate(&text, width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(reqs), right);
}

/// The mark, words and style of requirement `r` on the detail of `unit`: its own state, or,
/// for what its youth base owes in its place, the base's state after "↳".
fn requirement_state(
    app: &App,
    theme: Theme,
    unit: &Unit,
    r: &RequirementRow,
    st: &CheckState,
) -> (String, ratatui::style::Style) {
    let s = app.strings();
    if matches!(st, CheckState::NotApplicable)
        && let Some(base) = app.board.youth_base_of(unit)
        && r.applies(&base.kind)
    {
        let by_base = state_of(&app.board, base, r, app.now);
        return (
            format!(
                "↳ {}: {} {}",
                s.detail_by_base,
                mark(&by_base),
                state_detail(&by_base, r, s)
            ),
            theme.state(&by_base),
        );
    }
    (
        format!("{} {}", mark(st), state_detail(st, r, s)),
        theme.state(st),
    )
}

/// "xong 04/05/2022 10:30", "còn 2 ngày 3 giờ", "quá hạn 45 phút". Initiatives are dated by
/// day only, so their time of day is not shown.
pub fn state_detail(st: &CheckState, r: &RequirementRow, s: &Strings) -> String {
    match st {
        CheckState::Done { at, late } => {
            let word = if *late {
                s.state_done_late
            } else {
                s.state_done
            };
            let when = if r.source == RequirementSource::Initiative {
                format_date(at.date_naive())
            } else {
                format_local(*at)
            };
            format!("{word} {when}")
        }
        CheckState::Pending { left } | CheckState::DueSoon { left } => {
            s.time_left(format_span(TimeSpan::from_duration(*left), &s.span))
        }
        CheckState::Overdue { by } => {
            s.overdue_by(format_span(TimeSpan::from_duration(*by), &s.span))
        }
        CheckState::NotApplicable => s.state_na.to_string(),
    }
}
