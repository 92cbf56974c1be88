//! The export's rows, read from the store and handed to a sink one at a time. What a table
//! holds is decided here once, for every format: names in the language of the export, not
//! the store's codes, and only what was known at the export's moment (under `--now` a
//! registration, report, photo, figure or initiative dated later is not there), as the
//! screens and the briefing count it.

use std::collections::{HashMap, HashSet};

use super::{Failure, Grid, Head, Sink, Source, Value};
use crate::domain::campaign::RequirementSource;
use crate::domain::checklist::{CheckState, known};
use crate::domain::figures::Metric;
use crate::domain::time::format_date;
use crate::domain::unit::Unit;
use crate::i18n::Strings;
use crate::model::checklist::state_of;
use crate::model::kpi;
use crate::model::saturday;
use crate::store::InitiativeRecord;

/// A hasher for the store's ids: they are small integers chosen by SQLite, not by whoever
/// wrote the file, and a million lookups by unit id should not pay for SipHash.
#[derive(Default, Clone, Copy)]
struct IdHash(u64);

impl std::hash::Hasher for IdHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 =
            (self.0.rotate_left(5) ^ n.cast_unsigned()).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Ids<V> = HashMap<i64, V, std::hash::BuildHasherDefault<IdHash>>;

/// Text that lives only while its row is read.
fn own(text: &str) -> Value<'static> {
    Value::owned(text.to_string())
}

/// Headers come from one `|`-separated string per table in the string tables.
pub(super) fn head(key: &'static str, title: &str, header_list: &str) -> Head {
    Head {
        key,
        title: title.to_string(),
        headers: header_list.split('|').map(str::to_string).collect(),
    }
}

/// A checklist requirement's source in words.
pub(super) fn source_word(s: &Strings, source: RequirementSource) -> &'static str {
    match source {
        RequirementSource::Manual => s.detail_source_manual,
        RequirementSource::Initiative => s.detail_source_initiative,
        RequirementSource::VolunteerRegistration => s.detail_source_registration,
        RequirementSource::QuickReport => s.detail_source_report,
    }
}

/// The Saturdays that get a grid sheet: those up to the current one (the latest on or
/// before today, or the first when none has come), not the rounds still ahead of it.
pub(super) fn grid_days(src: &Source<'_>) -> HashSet<i64> {
    let days = &src.board.volunteer_days;
    let Some(current) = saturday::current(days, src.now).and_then(|i| days.get(i)) else {
        return HashSet::new();
    };
    days.iter()
        .filter(|d| d.date <= current.date)
        .map(|d| d.id)
        .collect()
}

pub(super) fn stream<'a>(src: Source<'a>, sink: &mut dyn Sink<'a>) -> Result<(), Failure> {
    let Source {
        store,
        board,
        now,
        s,
    } = src;
    let unit_by_id: Ids<&'a Unit> = board.units.iter().map(|u| (u.id, u)).collect();
    let unit_code = |id: i64| {
        unit_by_id
            .get(&id)
            .map_or(Value::Empty, |u| Value::text(&u.code))
    };
    let unit_name = |id: i64| {
        unit_by_id
            .get(&id)
            .map_or(Value::Empty, |u| Value::text(&u.name))
    };

    sink.begin(&head("units", s.ex_t_units, s.ex_h_units))?;
    for u in &board.units {
        sink.row(&[
            Value::text(&u.code),
            Value::text(&u.name),
            Value::text(s.unit_kind(&board.kinds, &u.kind)),
            Value::text(&u.contact_person),
            Value::text(&u.phone),
            board
                .youth_base_of(u)
                .map_or(Value::Empty, |b| Value::text(&b.name)),
        ])?;
    }
    sink.end()?;

    sink.begin(&head(
        "requirements",
        s.ex_t_requirements,
        s.ex_h_requirements,
    ))?;
    // Every round's requirements, not only the round in view: the export is the whole
    // record, and a spreadsheet filters by itself.
    for r in &board.all_requirements {
        let applies: Vec<&str> = r
            .applies_to
            .iter()
            .map(|k| s.unit_kind(&board.kinds, k))
            .collect();
        sink.row(&[
            Value::text(&r.code),
            Value::text(&r.title),
            Value::text(source_word(s, r.source)),
            Value::owned(applies.join(", ")),
            if r.deadline_explicit {
                Value::DateTime(r.deadline)
            } else {
                Value::text(s.br_during_campaign)
            },
            Value::text(&r.evidence),
            Value::text(&r.basis),
        ])?;
    }
    sink.end()?;

    sink.begin(&head("checklist", s.ex_t_checklist, s.ex_h_checklist))?;
    for u in &board.units {
        for r in &board.all_requirements {
            let state = state_of(board, u, r, now);
            let done_at = match state {
                CheckState::Done { at, .. } => Value::DateTime(at),
                _ => Value::Empty,
            };
            sink.row(&[
                Value::text(&u.code),
                Value::text(&u.name),
                Value::text(&r.title),
                Value::text(s.check_state(&state)),
                done_at,
            ])?;
        }
    }
    sink.end()?;

    let fields: HashMap<i64, String> = store
        .fields()?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect();
    sink.begin(&head("initiatives", s.ex_t_initiatives, s.ex_h_initiatives))?;
    store.each_initiative_as_of(now, |i| -> Result<(), Failure> {
        let InitiativeRecord {
            row: r,
            stage,
            expected_effect,
            evaluation_notes,
            replications,
        } = i;
        let replicating: Vec<String> = replications
            .iter()
            .map(|(unit, since)| {
                let name = unit_by_id.get(unit).map_or("?", |u| u.name.as_str());
                s.ex_replicating(name, format_date(*since))
            })
            .collect();
        let replicated = r.replicated || !replicating.is_empty();
        let proposed = stage.needs_proposal();
        sink.row(&[
            Value::Int(r.id),
            unit_code(r.unit_id),
            unit_name(r.unit_id),
            Value::text(s.initiative_kind(r.kind)),
            Value::owned(r.title),
            r.field_id
                .and_then(|f| fields.get(&f))
                .map_or(Value::Empty, |f| own(f)),
            Value::Date(r.registered_on),
            Value::text(s.stage(stage)),
            Value::opt_num(r.score),
            // A commendation proposed after the moment is not there yet, as its stage is not.
            Value::opt_text(
                r.commendation_level
                    .filter(|_| proposed)
                    .map(|l| s.level(l)),
            ),
            // NULL and '' both mean the collective: one blank cell either way.
            r.commendation_for
                .filter(|p| proposed && !p.is_empty())
                .map_or(Value::Empty, Value::owned),
            Value::owned(r.summary),
            Value::owned(expected_effect),
            Value::owned(evaluation_notes),
            Value::text(if replicated { s.ex_yes } else { s.ex_no }),
            Value::owned(replicating.join("; ")),
        ])?;
        Ok(())
    })?;
    sink.end()?;

    let activities: HashMap<String, String> = store.activities()?.into_iter().collect();
    // Who has a record for each Saturday by `now`: the grid lists them besides the units
    // that owe the day, as tab 4 does.
    let mut recorded: HashMap<i64, HashSet<i64>> = HashMap::new();
    sink.begin(&head(
        "registrations",
        s.ex_t_registrations,
        s.ex_h_registrations,
    ))?;
    for day in &board.volunteer_days {
        for r in store.registrations(day.id)? {
            if !known(r.registered_at, now) {
                continue;
            }
            recorded.entry(day.id).or_default().insert(r.unit_id);
            let names: Vec<&str> = r
                .activities
                .iter()
                .map(|code| activities.get(code).map_or(code.as_str(), String::as_str))
                .collect();
            sink.row(&[
                Value::Date(day.date),
                unit_code(r.unit_id),
                unit_name(r.unit_id),
                Value::owned(names.join(", ")),
                own(&r.other_activity),
                own(&r.place),
                r.planned_volunteers.map_or(Value::Empty, Value::Int),
                Value::DateTime(r.registered_at),
            ])?;
        }
    }
    sink.end()?;

    sink.begin(&head("quick_reports", s.ex_t_reports, s.ex_h_reports))?;
    for day in &board.volunteer_days {
        for row in store.reports(day.id)? {
            let Some(r) = row.as_of(now) else {
                continue;
            };
            recorded.entry(day.id).or_default().insert(r.unit_id);
            sink.row(&[
                Value::Date(day.date),
                unit_code(r.unit_id),
                unit_name(r.unit_id),
                Value::DateTime(r.received_at),
                own(&r.note),
                Value::Int(i64::try_from(r.photos.len()).unwrap_or(i64::MAX)),
            ])?;
        }
    }
    sink.end()?;

    let with_grid = if sink.wants_grids() {
        grid_days(&src)
    } else {
        HashSet::new()
    };
    sink.begin(&head("saturday_figures", s.ex_t_figures, s.ex_h_figures))?;
    for day in &board.volunteer_days {
        // One day at a time: a day holds at most units × figures rows.
        let figures = store.figures(day.id)?;
        let grid = with_grid.contains(&day.id);
        let mut cells: Ids<[Option<i64>; Metric::ALL.len()]> = Ids::default();
        for f in &figures {
            if !known(f.updated_at, now) {
                continue;
            }
            if grid {
                let at = Metric::ALL.iter().position(|m| *m == f.metric).unwrap_or(0);
                cells.entry(f.unit_id).or_default()[at] = Some(f.value);
            }
            sink.row(&[
                Value::Date(day.date),
                unit_code(f.unit_id),
                unit_name(f.unit_id),
                Value::text(s.metric(f.metric)),
                Value::Int(f.value),
                Value::DateTime(f.updated_at),
            ])?;
        }
        if grid {
            let empty = HashSet::new();
            let recorded = recorded.get(&day.id).unwrap_or(&empty);
            let rows = board
                .units
                .iter()
                .filter(|u| {
                    board.owes_day(u, day.id)
                        || recorded.contains(&u.id)
                        || cells.contains_key(&u.id)
                })
                .map(|u| (u, cells.get(&u.id).copied().unwrap_or_default()))
                .collect();
            sink.grid(Grid { day, rows })?;
        }
    }
    sink.end()?;

    sink.begin(&head("kpis", s.ex_t_kpis, s.ex_h_kpis))?;
    let lines = kpi::compute(board, store, now)?;
    let kpi_name: HashMap<i64, &str> = lines
        .iter()
        .map(|l| (l.kpi.id, l.kpi.name.as_str()))
        .collect();
    for l in &lines {
        sink.row(&[
            own(&l.kpi.code),
            own(&l.kpi.name),
            Value::opt_percent(l.value),
            Value::opt_percent(l.kpi.target),
            Value::text(s.kpi_status(l.status)),
        ])?;
    }
    sink.end()?;

    sink.begin(&head(
        "kpi_measurements",
        s.ex_t_measurements,
        s.ex_h_measurements,
    ))?;
    for m in store.measurements()? {
        sink.row(&[
            kpi_name.get(&m.kpi_id).map_or(Value::Empty, |n| own(n)),
            Value::Date(m.period_start),
            Value::Date(m.period_end),
            Value::Num(m.numerator),
            Value::Num(m.denominator),
            m.unit_id.map_or(Value::Empty, unit_name),
            own(&m.note),
        ])?;
    }
    sink.end()?;

    sink.begin(&head("agenda", s.ex_t_agenda, s.ex_h_agenda))?;
    for a in store.agenda()? {
        sink.row(&[
            own(&a.title),
            own(&a.owner),
            a.date.map_or(Value::Empty, Value::Date),
            Value::text(s.agenda_status(a.status)),
            own(&a.note),
        ])?;
    }
    sink.end()?;
    Ok(())
}
