//! Tab 5's actions: entering measurements of measured KPIs, editing targets.

use super::form::{Choice, ChoiceOption, Field, FieldId, Form, Purpose, Rule, parse_amount};
use super::keymap::Command;
use super::units_view::clamp;
use super::update::{Stale, field_problem, finish_write, read_failed, set_status};
use super::{App, Confirm, ConfirmAction, StatusKind};
use crate::domain::campaign::KpiSource;
use crate::domain::change::ChangeSummary;
use crate::domain::initiative::parse_date;
use crate::domain::kpi::format_percent;
use crate::domain::time::format_date;
use crate::model::kpi::compute;
use crate::store::{NewMeasurement, Store};

/// Reads every KPI's value again (after a write, or on the way into the tab).
pub(super) fn refresh(app: &mut App, store: &Store) {
    match compute(&app.board, store, app.now) {
        Ok(lines) => {
            app.kpis.lines = lines;
            app.kpis.list.selected = clamp(app.kpis.list.selected, app.kpis.lines.len());
        }
        Err(e) => read_failed(app, &e),
    }
}

/// The commands of the Kpi context.
pub(super) fn command(app: &mut App, cmd: Command) {
    match cmd {
        Command::Add => open_measurement(app),
        Command::EditTarget => open_target(app),
        Command::DeleteItem => ask_delete(app),
        Command::Up => app.kpis.list.selected = app.kpis.list.selected.saturating_sub(1),
        Command::Down => {
            app.kpis.list.selected = clamp(app.kpis.list.selected + 1, app.kpis.lines.len());
        }
        _ => {}
    }
}

fn open_measurement(app: &mut App) {
    let s = app.strings();
    let Some(line) = app.kpis.selected_line() else {
        return;
    };
    if line.kpi.source == KpiSource::Computed {
        return set_status(app, StatusKind::Info, s.kpi_not_measured.to_string());
    }
    let c = &app.board.campaign;
    let today = app.now.date_naive().clamp(c.starts_on, c.ends_on);
    let week_ago = (today - chrono::Duration::days(6)).max(c.starts_on);
    let units = std::iter::once(ChoiceOption::new(0, s.no_field))
        .chain(
            app.board
                .units
                .iter()
                .map(|u| ChoiceOption::new(u.id, u.name.clone())),
        )
        .collect();
    let range = Rule::Date {
        start: c.starts_on,
        end: c.ends_on,
    };
    app.form = Some(Form::new(
        s.form_measurement(&line.kpi.name),
        Purpose::Measurement {
            kpi_id: line.kpi.id,
        },
        vec![
            Field::new(
                FieldId::PeriodStart,
                s.fl_period_start,
                &format_date(week_ago),
                range,
            )
            .with_hint(s.hint_date),
            Field::new(
                FieldId::PeriodEnd,
                s.fl_period_end,
                &format_date(today),
                range,
            )
            .with_hint(s.hint_date),
            Field::new(
                FieldId::Numerator,
                s.fl_numerator,
                "",
                Rule::Amount { optional: false },
            )
            .with_hint(s.hint_amount),
            Field::new(
                FieldId::Denominator,
                s.fl_denominator,
                "",
                Rule::Amount { optional: false },
            )
            .with_hint(s.hint_amount),
            Field::choice(
                FieldId::Unit,
                s.fl_unit,
                Choice::single(units, Some(0)),
                Rule::Free,
            )
            .with_hint(s.hint_pick),
            Field::new(
                FieldId::Note,
                s.fl_note,
                "",
                Rule::Text {
                    max_chars: 500,
                    required: false,
                },
            ),
        ],
    ));
}

pub(super) fn save_measurement(app: &mut App, store: &mut Store, kpi_id: i64) {
    let s = app.strings();
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let text = |id| form.text(id);
    let (Ok(start), Ok(end)) = (
        parse_date(&text(FieldId::PeriodStart)),
        parse_date(&text(FieldId::PeriodEnd)),
    ) else {
        return field_problem(app, FieldId::PeriodStart, s.err_date.to_string());
    };
    if end < start {
        return field_problem(app, FieldId::PeriodEnd, s.err_period.to_string());
    }
    let (Some(numerator), Some(denominator)) = (
        parse_amount(&text(FieldId::Numerator)),
        parse_amount(&text(FieldId::Denominator)),
    ) else {
        return field_problem(app, FieldId::Numerator, s.err_amount.to_string());
    };
    // Every measured KPI of the plan is a share (answered ÷ received, applied ÷ listed, …).
    if numerator > denominator {
        return field_problem(app, FieldId::Numerator, s.err_ratio.to_string());
    }
    let unit_id = form
        .choice(FieldId::Unit)
        .and_then(|c| c.selected_option())
        .map(|o| o.id)
        .filter(|id| *id > 0);
    let name = kpi_name(app, kpi_id);
    let m = NewMeasurement {
        period_start: start,
        period_end: end,
        numerator,
        denominator,
        unit_id,
        note: text(FieldId::Note),
    };
    let summary = ChangeSummary::Measurement {
        kpi: name,
        start,
        end,
    };
    let result = store.add_measurement(kpi_id, &m, app.now, &summary);
    finish_write(app, store, result.map(|_| ()), Stale::Kpis, &summary);
}

fn kpi_name(app: &App, kpi_id: i64) -> String {
    app.kpis
        .lines
        .iter()
        .find(|l| l.kpi.id == kpi_id)
        .map(|l| l.kpi.name.clone())
        .unwrap_or_default()
}

/// Says how a write went: on success the form closes and every KPI is read again; on failure
/// the form stays open with what was typed and the status says why.
fn open_target(app: &mut App) {
    let s = app.strings();
    let Some(line) = app.kpis.selected_line() else {
        return;
    };
    let current = line
        .kpi
        .target
        .map(|t| format_percent(Some(t)).trim_end_matches('%').to_string())
        .unwrap_or_default();
    app.form = Some(Form::new(
        s.form_target(&line.kpi.name),
        Purpose::Target {
            kpi_id: line.kpi.id,
        },
        vec![
            Field::new(FieldId::Target, s.fl_target, &current, Rule::Percent)
                .with_hint(s.hint_target),
        ],
    ));
}

pub(super) fn save_target(app: &mut App, store: &mut Store, kpi_id: i64) {
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let typed = form.text(FieldId::Target);
    let target = if typed.trim().is_empty() {
        None
    } else {
        parse_amount(&typed).filter(|v| *v <= 100.0)
    };
    let name = kpi_name(app, kpi_id);
    let summary = ChangeSummary::Target { kpi: name, target };
    let result = store.set_kpi_target(kpi_id, target, app.now, &summary);
    finish_write(app, store, result, Stale::Kpis, &summary);
}

fn ask_delete(app: &mut App) {
    let s = app.strings();
    let Some(line) = app.kpis.selected_line() else {
        return;
    };
    if let Some(m) = line.history.last() {
        app.confirm = Some(Confirm {
            question: s.confirm_delete_measurement(&line.kpi.name),
            on_yes: ConfirmAction::DeleteMeasurement { id: m.id },
        });
    }
}

pub(super) fn delete_measurement(app: &mut App, store: &mut Store, id: i64) {
    let found = app.kpis.lines.iter().find_map(|l| {
        l.history
            .iter()
            .find(|m| m.id == id)
            .map(|m| (l.kpi.name.clone(), m.period_start, m.period_end))
    });
    let Some((name, start, end)) = found else {
        return;
    };
    let summary = ChangeSummary::DeleteMeasurement {
        kpi: name,
        start,
        end,
    };
    let result = store.delete_measurement(id, app.now, &summary);
    finish_write(app, store, result, Stale::Kpis, &summary);
}

/// Tab 5, as the state machine asks about it.
pub(super) struct KpiTab;

impl super::tab::TabView for KpiTab {
    fn title(&self, s: &crate::i18n::Strings) -> &'static str {
        s.tab_kpi
    }

    // Its lines move with the Kpi context's own ↑ ↓: eight lines need no filter.
    fn contexts(&self, _app: &App) -> Vec<super::Context> {
        vec![super::Context::Kpi, super::Context::Global]
    }

    fn command(&self, app: &mut App, _store: &mut Store, _context: super::Context, cmd: Command) {
        command(app, cmd)
    }

    fn refresh(&self, app: &mut App, store: &Store, values_may_change: bool) {
        if values_may_change {
            refresh(app, store);
        }
    }

    fn list<'a>(&self, app: &'a App) -> Option<&'a super::list_state::ListState> {
        Some(&app.kpis.list)
    }

    fn list_mut<'a>(&self, app: &'a mut App) -> Option<&'a mut super::list_state::ListState> {
        Some(&mut app.kpis.list)
    }
}
