//! Tab 3: the initiative registry — the list (only its visible rows are built), the filter and
//! sort bar, and the detail pane of the selected initiative.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Wrap};

use super::list_bar;
use super::table::{list_table, selectable};
use super::theme::Theme;
use crate::app::App;
use crate::app::initiatives::InitiativeSort;
use crate::app::units_view::{clamp, scroll_offset};
use crate::domain::initiative::{Stage, format_score};
use crate::domain::time::{format_date, format_local};
use crate::domain::unit::short_name;
use crate::i18n::Strings;
use crate::store::InitiativeRow;
use crate::text::{clean, truncate};

pub fn render(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    // Side by side only when the list keeps room for whole titles; otherwise the detail
    // goes under the list, taller when the terminal is.
    let wide = area.width >= 150 && area.height >= 20;
    let [bar, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let (list, detail) = if wide {
        let [l, d] = Layout::horizontal([Constraint::Min(60), Constraint::Length(44)]).areas(main);
        (l, d)
    } else {
        let h = if main.height >= 30 {
            12
        } else if main.height >= 16 {
            7
        } else {
            5
        };
        let [l, d] = Layout::vertical([Constraint::Min(3), Constraint::Length(h)]).areas(main);
        (l, d)
    };
    render_bar(frame, app, theme, bar);
    render_list(frame, app, theme, list);
    if wide {
        render_detail(frame, app, theme, detail);
    } else {
        render_detail_compact(frame, app, theme, detail);
    }
}

fn unit_name(app: &App, id: i64) -> String {
    app.board.unit_name(id).to_string()
}

fn render_bar(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let v = &app.initiatives;
    let f = &v.filters;
    let mut chosen = Vec::new();
    if let Some(k) = f.kind {
        chosen.push(s.initiative_kind(k).to_string());
    }
    if let Some(st) = f.stage {
        chosen.push(s.stage(st).to_string());
    }
    if let Some(u) = f.unit {
        chosen.push(short_name(&unit_name(app, u)));
    }
    if let Some(name) = app.registry.field_name(f.field) {
        chosen.push(name.to_string());
    }
    let mut rest = Vec::new();
    if !chosen.is_empty() {
        rest.push(Span::styled(
            format!("  · {}", clean(&chosen.join(" · "))),
            theme.warn(),
        ));
    }
    let sort = match v.sort {
        InitiativeSort::Date => s.sort_date,
        InitiativeSort::Unit => s.sort_unit,
        InitiativeSort::Stage => s.sort_stage,
        InitiativeSort::Score => s.sort_score,
    };
    rest.push(Span::raw(format!("  · {}", s.sort_label(sort))));
    // While a search is still going, the count so far carries a "+".
    let found = if v.is_searching() {
        format!("{}+", v.visible().len())
    } else {
        v.visible().len().to_string()
    };
    let count = s.init_count(&found, app.registry.entries.len());
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

/// The stage as the list shows it: the long "Đề xuất khen thưởng" in its usual short form.
fn stage_cell(row: &InitiativeRow, s: &Strings) -> &'static str {
    match row.stage {
        Stage::Proposed => s.stage_proposed_short,
        other => s.stage(other),
    }
}

fn render_list(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let v = &app.initiatives;
    let visible = v.visible();
    if visible.is_empty() {
        let text = if app.registry.entries.is_empty() {
            s.no_initiatives
        } else {
            s.no_initiatives_match
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let body = area.height.saturating_sub(1) as usize;
    let selected = clamp(v.list.selected, visible.len());
    let offset = scroll_offset(v.list.offset.get(), selected, body, visible.len());
    v.list.offset.set(offset);
    v.list.page.set(body.max(1));

    // Fixed columns; the title takes what is left. The kind and field columns only show
    // when the title keeps enough room (both are in the detail pane anyway).
    let unit_w: u16 = if area.width >= 100 { 22 } else { 16 };
    let show_repl = area.width >= 100;
    let base = 1 + unit_w + 1 + 10 + 1 + 12 + 1 + 5 + if show_repl { 7 } else { 0 };
    let show_kind = area.width.saturating_sub(base + 11) >= 24;
    let show_field = area.width.saturating_sub(base + 11 + 15) >= 30;
    let fixed = base + if show_kind { 11 } else { 0 } + if show_field { 15 } else { 0 };
    let title_w = area.width.saturating_sub(fixed).max(8);
    let mut widths = Vec::new();
    let mut header = Vec::new();
    if show_kind {
        widths.push(Constraint::Length(10));
        header.push(s.fl_kind);
    }
    widths.extend([Constraint::Length(title_w), Constraint::Length(unit_w)]);
    header.extend([s.col_title, s.col_unit]);
    if show_field {
        widths.push(Constraint::Length(14));
        header.push(s.col_field);
    }
    widths.extend([
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Length(5),
    ]);
    header.extend([s.col_date, s.col_stage, s.col_score]);
    if show_repl {
        widths.push(Constraint::Length(6));
        header.push(s.col_replicated);
    }
    let rows = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(body)
        .map(|(pos, &p)| {
            let row = &app.registry.entries[p as usize].row;
            let mut cells = Vec::with_capacity(8);
            if show_kind {
                cells.push(Cell::from(s.initiative_kind(row.kind)));
            }
            cells.extend([
                Cell::from(truncate(&clean(&row.title), title_w as usize)),
                Cell::from(truncate(
                    &clean(&short_name(&unit_name(app, row.unit_id))),
                    unit_w as usize,
                )),
            ]);
            if show_field {
                let field = app.registry.field_name(row.field_id).unwrap_or("");
                cells.push(Cell::from(truncate(&clean(field), 14)));
            }
            let stage_style = match row.stage {
                Stage::Commended => theme.good(),
                Stage::Proposed => theme.warn(),
                _ => Default::default(),
            };
            cells.push(Cell::from(format_date(row.registered_on)));
            cells.push(Cell::from(truncate(stage_cell(row, s), 12)).style(stage_style));
            cells.push(Cell::from(row.score.map(format_score).unwrap_or_default()));
            if show_repl {
                cells.push(Cell::from(if row.replicated { "✔" } else { "" }));
            }
            selectable(Row::new(cells), pos == selected, theme)
        });
    frame.render_widget(list_table(rows, widths, header, theme), area);
}

/// Facts of the selected initiative, one per line.
fn facts(app: &App, row: &InitiativeRow) -> Vec<(String, String)> {
    let s = app.strings();
    let mut out = vec![
        (
            s.fl_kind.to_string(),
            s.initiative_kind(row.kind).to_string(),
        ),
        (s.fl_unit.to_string(), unit_name(app, row.unit_id)),
    ];
    if let Some(field) = app.registry.field_name(row.field_id) {
        out.push((s.fl_field.to_string(), field.to_string()));
    }
    out.push((s.fl_date.to_string(), format_date(row.registered_on)));
    out.push((s.fl_stage.to_string(), s.stage(row.stage).to_string()));
    out.push((
        s.fl_score.to_string(),
        row.score.map(format_score).unwrap_or_else(|| "—".into()),
    ));
    let proposal = match row.commendation_level {
        Some(level) => {
            let whom = row
                .commendation_for
                .clone()
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| s.collective.to_string());
            s.d_proposal_text(s.level(level), &whom)
        }
        None => s.d_proposal_none.to_string(),
    };
    out.push((s.d_proposal.to_string(), proposal));
    out
}

fn replicating(app: &App) -> String {
    let s = app.strings();
    match &app.initiatives.detail {
        Some((_, d)) if !d.replications.is_empty() => d
            .replications
            .iter()
            .map(|(u, _)| short_name(&unit_name(app, *u)))
            .collect::<Vec<_>>()
            .join(", "),
        _ => s.d_none.to_string(),
    }
}

fn render_detail(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.dim());
    let Some(row) = app.initiatives.selected_row(&app.registry) else {
        frame.render_widget(block, area);
        return;
    };
    let block = block.title(Span::styled(
        format!(
            " {} ",
            truncate(&clean(&row.title), area.width.saturating_sub(4) as usize)
        ),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = facts(app, row)
        .into_iter()
        .map(|(k, v)| {
            Line::from(vec![
                Span::styled(format!("{k}: "), theme.dim()),
                Span::raw(clean(&v).into_owned()),
            ])
        })
        .collect();
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", s.d_replicating), theme.dim()),
        Span::raw(clean(&replicating(app)).into_owned()),
    ]));
    if let Some((_, d)) = &app.initiatives.detail {
        for (title, text) in [
            (s.d_summary, &d.summary),
            (s.d_effect, &d.expected_effect),
            (s.d_notes, &d.evaluation_notes),
        ] {
            if text.trim().is_empty() {
                continue;
            }
            lines.push(Line::styled(title, theme.title()));
            // Split before cleaning: clean() would make each line break a visible ␊.
            lines.extend(text.lines().map(|l| Line::from(format!("  {}", clean(l)))));
        }
        lines.push(Line::styled(s.d_history, theme.title()));
        for e in &d.history {
            lines.push(Line::from(format!(
                "  {}  {}",
                format_local(e.changed_at),
                s.stage(e.stage)
            )));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Under the list on narrow terminals: the facts on the left, the summary and the stage
/// history on the right.
fn render_detail_compact(frame: &mut Frame<'_>, app: &App, theme: Theme, area: Rect) {
    let s = app.strings();
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.dim());
    let Some(row) = app.initiatives.selected_row(&app.registry) else {
        frame.render_widget(block, area);
        return;
    };
    let block = block.title(Span::styled(
        format!(
            " {} ",
            truncate(&clean(&row.title), area.width.saturating_sub(4) as usize)
        ),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
    let width = left.width.saturating_sub(1) as usize;
    let mut facts: Vec<(String, String)> = facts(app, row)
        .into_iter()
        .filter(|(k, _)| k != s.fl_kind && k != s.fl_date)
        .collect();
    facts.push((s.d_replicating.to_string(), replicating(app)));
    let left_lines: Vec<Line> = facts
        .into_iter()
        .map(|(k, v)| Line::from(truncate(&format!("{k}: {}", clean(&v)), width)))
        .collect();
    frame.render_widget(Paragraph::new(left_lines), left);
    let mut right_lines = Vec::new();
    if let Some((_, d)) = &app.initiatives.detail {
        let history: Vec<String> = d
            .history
            .iter()
            .map(|e| format!("{} {}", s.stage(e.stage), e.changed_at.format("%d/%m")))
            .collect();
        right_lines.push(Line::styled(
            format!("{}: {}", s.d_history, history.join(" → ")),
            theme.dim(),
        ));
        for (title, text) in [
            (s.d_summary, &d.summary),
            (s.d_effect, &d.expected_effect),
            (s.d_notes, &d.evaluation_notes),
        ] {
            if !text.trim().is_empty() {
                let one_line = text.lines().collect::<Vec<_>>().join(" / ");
                right_lines.push(Line::from(format!("{title}: {}", clean(&one_line))));
            }
        }
    }
    frame.render_widget(Paragraph::new(right_lines).wrap(Wrap { trim: true }), right);
}
