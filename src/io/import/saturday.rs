//! Volunteer Saturdays: registrations (one per Saturday and unit) and figures (one per
//! Saturday, unit and figure; a long sheet with a "Chỉ tiêu" column, or a wide one with a
//! column per figure, as the officer's own sheet has them).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset};

use super::{Outcome, Planner, Row, RowError};
use crate::domain::figures::{Metric, check_pair, parse_figure};
use crate::domain::import::{Col, metric_named};
use crate::domain::initiative::TEXT_MAX;
use crate::domain::sheet::{key, split_list};
use crate::domain::time::{format_local, read_datetime};
use crate::store::{FigureRow, ImportOp, NewRegistration, RegistrationRow};

fn store_error(p: &mut Planner<'_, '_>, e: &crate::store::StoreError) {
    p.plan.errors.push(RowError {
        row: 0,
        column: None,
        reason: p.ctx.s().store_error(e),
    });
}

pub(super) fn plan_registrations(p: &mut Planner<'_, '_>) {
    if !p.note_default_day() {
        return;
    }
    let activities = match p.ctx.store.activities() {
        Ok(a) => a,
        Err(e) => return store_error(p, &e),
    };
    let mut existing: HashMap<i64, Vec<RegistrationRow>> = HashMap::new();
    for day in &p.ctx.board.volunteer_days {
        match p.ctx.store.registrations(day.id) {
            Ok(list) => {
                existing.insert(day.id, list);
            }
            Err(e) => return store_error(p, &e),
        }
    }
    let mut stamped_now = 0usize;
    for row in p.rows().collect::<Vec<_>>() {
        let s = p.s();
        let day = p.day(&row);
        let unit = p.unit(&row);
        let acts = match p.cell(&row, Col::Activities) {
            None => Ok(None),
            Some(text) => {
                let mut codes = Vec::new();
                let mut bad = Vec::new();
                for item in split_list(text) {
                    let k = key(item);
                    match activities
                        .iter()
                        .find(|(code, name)| key(code) == k || key(name) == k)
                    {
                        Some((code, _)) if !codes.contains(code) => codes.push(code.clone()),
                        Some(_) => {}
                        None => bad.push(item.to_string()),
                    }
                }
                if bad.is_empty() {
                    Ok(Some(codes))
                } else {
                    let known: Vec<&str> = activities.iter().map(|(_, n)| n.as_str()).collect();
                    let bad: Vec<String> = bad.iter().map(|b| s.quote(b)).collect();
                    let reason = s.im_err_choice(bad.join(", "), known.join(", "));
                    p.error(&row, Some(Col::Activities), reason);
                    Err(())
                }
            }
        };
        let other = p.text(&row, Col::OtherActivity, TEXT_MAX);
        let place = p.text(&row, Col::Place, TEXT_MAX);
        let planned = p.count(&row, Col::PlannedVolunteers);
        let at = match p.cell(&row, Col::RegisteredAt) {
            None => Ok(None),
            Some(text) => match read_datetime(text) {
                Ok(t) => Ok(Some(t)),
                Err(issue) => {
                    let reason = p.date_error(text, &issue);
                    p.error(&row, Some(Col::RegisteredAt), reason);
                    Err(())
                }
            },
        };
        let key_col = if p.has(Col::UnitCode) {
            Col::UnitCode
        } else {
            Col::UnitName
        };
        if let (Some(day), Some(unit_id)) = (day, unit) {
            // Checked even when the row has other errors, so a doubled row is reported too.
            let day_id = p.ctx.board.volunteer_days[day].id;
            if p.duplicate(&row, format!("{day_id}:{unit_id}"), key_col) {
                continue;
            }
        }
        let (Some(day), Some(unit_id), Ok(acts), Ok(other), Ok(place), Ok(planned), Ok(at)) =
            (day, unit, acts, other, place, planned, at)
        else {
            continue;
        };
        if !p.owes_day(&row, day, unit_id, key_col) {
            continue;
        }
        // As the form refuses them: a registration not yet made cannot count as made on
        // time, and one that says nothing about what the unit will do registers nothing.
        if let Some(t) = at.filter(|t| *t > p.ctx.now) {
            let reason = s.err_in_future(format_local(t), format_local(p.ctx.now));
            p.error(&row, Some(Col::RegisteredAt), reason);
            continue;
        }
        let old = existing
            .get(&p.ctx.board.volunteer_days[day].id)
            .and_then(|list| list.iter().find(|r| r.unit_id == unit_id));
        // What the registration will say once the row is applied (an empty cell keeps it).
        let will_do = acts
            .as_ref()
            .or(old.map(|o| &o.activities))
            .is_some_and(|a| !a.is_empty())
            || other
                .as_deref()
                .or(old.map(|o| o.other_activity.as_str()))
                .is_some_and(|o| !o.trim().is_empty());
        if !will_do {
            let reason = s.err_choose_or_write(s.fl_activities, s.fl_other);
            p.error(&row, Some(Col::Activities), reason);
            continue;
        }
        let day_row = &p.ctx.board.volunteer_days[day];
        let label = format!(
            "{} — {}",
            crate::domain::time::format_date(day_row.date),
            p.unit_label(unit_id)
        );
        let old = existing
            .get(&day_row.id)
            .and_then(|list| list.iter().find(|r| r.unit_id == unit_id));
        let new = NewRegistration {
            activities: acts
                .clone()
                .or_else(|| old.map(|o| o.activities.clone()))
                .unwrap_or_default(),
            other_activity: other
                .clone()
                .or_else(|| old.map(|o| o.other_activity.clone()))
                .unwrap_or_default(),
            place: place
                .clone()
                .or_else(|| old.map(|o| o.place.clone()))
                .unwrap_or_default(),
            planned_volunteers: planned.or(old.and_then(|o| o.planned_volunteers)),
            registered_at: match (at, old) {
                (Some(t), _) => t,
                (None, Some(o)) => o.registered_at,
                (None, None) => {
                    stamped_now += 1;
                    p.ctx.now
                }
            },
        };
        match old {
            None => {
                p.plan.ops.push(ImportOp::SaveRegistration {
                    day_id: day_row.id,
                    unit_id,
                    registration: new,
                });
                p.item(&row, Outcome::Add, label, Vec::new());
            }
            Some(o) => {
                let mut changed = Vec::new();
                for (col, differs) in [
                    (Col::Activities, new.activities != o.activities),
                    (Col::OtherActivity, new.other_activity != o.other_activity),
                    (Col::Place, new.place != o.place),
                    (
                        Col::PlannedVolunteers,
                        new.planned_volunteers != o.planned_volunteers,
                    ),
                    (Col::RegisteredAt, new.registered_at != o.registered_at),
                ] {
                    if differs {
                        changed.push(p.header(col));
                    }
                }
                if changed.is_empty() {
                    p.item(&row, Outcome::Unchanged, label, changed);
                } else {
                    p.plan.ops.push(ImportOp::SaveRegistration {
                        day_id: day_row.id,
                        unit_id,
                        registration: new,
                    });
                    p.item(&row, Outcome::Update, label, changed);
                }
            }
        }
    }
    if stamped_now > 0 {
        let note = p.s().im_note_now(stamped_now);
        p.plan.notes.push(note);
    }
}

/// One figure read from the file, before the pair rules are checked.
struct Cell {
    row: usize,
    col: Col,
    value: i64,
    updated_at: DateTime<FixedOffset>,
}

pub(super) fn plan_figures(p: &mut Planner<'_, '_>) {
    if !p.note_default_day() {
        return;
    }
    let mut existing: HashMap<i64, Vec<FigureRow>> = HashMap::new();
    for day in &p.ctx.board.volunteer_days {
        match p.ctx.store.figures(day.id) {
            Ok(list) => {
                existing.insert(day.id, list);
            }
            Err(e) => return store_error(p, &e),
        }
    }
    let long = p.has(Col::Metric);
    let wide_cols = p.map.metric_columns();
    // (day id, unit id) → the figures the file gives, in row order.
    let mut given: BTreeMap<(i64, i64), BTreeMap<Metric, Cell>> = BTreeMap::new();
    let now = p.ctx.now;
    for row in p.rows().collect::<Vec<_>>() {
        let s = p.s();
        let day = p.day(&row);
        let unit = p.unit(&row);
        let updated_at = match p.cell(&row, Col::UpdatedAt) {
            None => Ok(now),
            Some(text) => match read_datetime(text) {
                Ok(t) => Ok(t),
                Err(issue) => {
                    let reason = p.date_error(text, &issue);
                    p.error(&row, Some(Col::UpdatedAt), reason);
                    Err(())
                }
            },
        };
        // The (metric, column, text) pairs of the row.
        let mut pairs: Vec<(Metric, Col, String)> = Vec::new();
        if long {
            match p.cell(&row, Col::Metric) {
                None => {
                    p.error(&row, Some(Col::Metric), s.im_err_empty_cell.to_string());
                    continue;
                }
                Some(name) => match metric_named(name) {
                    Some(m) => {
                        let v = p.cell(&row, Col::Value).unwrap_or("").to_string();
                        if v.is_empty() {
                            p.error(&row, Some(Col::Value), s.im_err_empty_cell.to_string());
                            continue;
                        }
                        pairs.push((m, Col::Value, v));
                    }
                    None => {
                        let shown: Vec<&str> = Metric::ALL.iter().map(|m| s.metric(*m)).collect();
                        let reason = s.im_err_choice(s.quote(name), shown.join(", "));
                        p.error(&row, Some(Col::Metric), reason);
                        continue;
                    }
                },
            }
        }
        for (m, _) in &wide_cols {
            if let Some(v) = p.cell(&row, Col::MetricValue(*m)) {
                pairs.push((*m, Col::MetricValue(*m), v.to_string()));
            }
        }
        let (Some(day), Some(unit_id), Ok(updated_at)) = (day, unit, updated_at) else {
            continue;
        };
        let unit_col = if p.has(Col::UnitCode) {
            Col::UnitCode
        } else {
            Col::UnitName
        };
        if !p.owes_day(&row, day, unit_id, unit_col) {
            continue;
        }
        let day_id = p.ctx.board.volunteer_days[day].id;
        for (metric, col, text) in pairs {
            let value = match parse_figure(&text) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(e) => {
                    p.error(&row, Some(col), s.figure_error(&e));
                    continue;
                }
            };
            if metric.is_land() && !p.ctx.board.reports_land(unit_id) {
                let reason = s.figure_error(&crate::domain::figures::FigureError::NotForUnit);
                p.error(&row, Some(col), s.im_err_metric(s.metric(metric), &reason));
                continue;
            }
            if p.duplicate(&row, format!("{day_id}:{unit_id}:{}", metric.code()), col) {
                continue;
            }
            given.entry((day_id, unit_id)).or_default().insert(
                metric,
                Cell {
                    row: row.n,
                    col,
                    value,
                    updated_at,
                },
            );
        }
    }
    let days: HashMap<i64, chrono::NaiveDate> = p
        .ctx
        .board
        .volunteer_days
        .iter()
        .map(|d| (d.id, d.date))
        .collect();
    for ((day_id, unit_id), cells) in given {
        let stored: HashMap<Metric, i64> = existing
            .get(&day_id)
            .map(|list| {
                list.iter()
                    .filter(|f| f.unit_id == unit_id)
                    .map(|f| (f.metric, f.value))
                    .collect()
            })
            .unwrap_or_default();
        let after = |m: Metric| cells.get(&m).map(|c| c.value).or(stored.get(&m).copied());
        let mut bad_pair = false;
        for (metric, cell) in &cells {
            if let Err(e) = check_pair(*metric, Some(cell.value), after) {
                let row = Row {
                    n: cell.row,
                    cells: &[],
                };
                let s = p.s();
                let reason = s.im_err_metric(s.metric(*metric), s.figure_error(&e));
                p.error(&row, Some(cell.col), reason);
                bad_pair = true;
            }
        }
        if bad_pair {
            continue;
        }
        let date = days
            .get(&day_id)
            .map(|d| crate::domain::time::format_date(*d))
            .unwrap_or_default();
        for (metric, cell) in cells {
            let row = Row {
                n: cell.row,
                cells: &[],
            };
            let s = p.s();
            let label = format!(
                "{date} — {} — {}: {}",
                p.unit_label(unit_id),
                s.metric(metric),
                cell.value
            );
            match stored.get(&metric) {
                Some(old) if *old == cell.value => {
                    p.item(&row, Outcome::Unchanged, label, Vec::new());
                }
                old => {
                    let outcome = if old.is_some() {
                        Outcome::Update
                    } else {
                        Outcome::Add
                    };
                    p.plan.ops.push(ImportOp::SetFigure {
                        day_id,
                        unit_id,
                        metric,
                        value: cell.value,
                        updated_at: cell.updated_at,
                    });
                    let changed = if old.is_some() {
                        vec![s.metric(metric).to_string()]
                    } else {
                        Vec::new()
                    };
                    p.item(&row, outcome, label, changed);
                }
            }
        }
    }
    // Figures are planned per Saturday and unit; the preview reads best in row order.
    p.plan.items.sort_by_key(|i| i.row);
    p.plan.errors.sort_by_key(|e| e.row);
}
