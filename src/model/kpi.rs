//! The KPIs and their values: computed ones follow the records (checklist, registrations,
//! reports, Saturday figures); measured ones are the officer's dated measurements, the latest
//! one counting. A computed KPI is judged only once the deadline it counts against has passed.
//! Tab 5, the overview, the briefing and the export all show these lines.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};

use super::checklist::state_of;
use super::saturday;
use crate::domain::campaign::{KpiSource, RequirementSource};
use crate::domain::checklist::{CheckState, known, on_time, report_counts};
use crate::domain::figures::Metric;
use crate::domain::kpi::{KpiStatus, evaluate};
use crate::store::{Board, KpiRow, LAND_KPI, MeasurementRow, Result, Store};

/// The codes of the KPIs the app computes itself (the campaign file names them).
pub const INITIATIVE_COVERAGE: &str = "initiative-coverage";
pub const REGISTRATION_ON_TIME: &str = "registration-on-time";
pub const REPORT_ON_TIME: &str = "report-on-time";

#[derive(Debug, Clone, PartialEq)]
pub struct KpiLine {
    pub kpi: KpiRow,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub value: Option<f64>,
    pub status: KpiStatus,
    /// The deadline the KPI is counted against, before which it is not judged: the current
    /// Saturday's registration deadline (registrations on time), its report deadline (reports
    /// on time, the land files of the Saturday's week), the initiative requirement's
    /// deadline (initiative coverage; the campaign's end when it has none of its own). None
    /// for measured KPIs, judged on their latest measurement.
    pub deadline: Option<DateTime<FixedOffset>>,
    /// The measurements, oldest first (measured KPIs only).
    pub history: Vec<MeasurementRow>,
}

/// Done / applicable for the checklist requirement fed from `source` (done at any time).
fn done_any_time(
    board: &Board,
    source: RequirementSource,
    now: DateTime<FixedOffset>,
) -> (f64, f64) {
    let Some(r) = board.requirements.iter().find(|r| r.source == source) else {
        return (0.0, 0.0);
    };
    let mut done = 0.0;
    let mut applicable = 0.0;
    for u in board.units.iter().filter(|u| r.applies(&u.kind)) {
        applicable += 1.0;
        if matches!(state_of(board, u, r, now), CheckState::Done { .. }) {
            done += 1.0;
        }
    }
    (done, applicable)
}

/// The units `source`'s requirement applies to (every unit when the campaign has none).
fn applicable_units(board: &Board, source: RequirementSource) -> HashSet<i64> {
    let r = board.requirements.iter().find(|r| r.source == source);
    board
        .units
        .iter()
        .filter(|u| r.is_none_or(|r| r.applies(&u.kind)))
        .map(|u| u.id)
        .collect()
}

/// Every KPI with its value now.
pub fn compute(board: &Board, store: &Store, now: DateTime<FixedOffset>) -> Result<Vec<KpiLine>> {
    let measurements = store.measurements()?;
    // The Saturday KPIs count the round in view, as the briefing and tab 4 do.
    let day = saturday::in_view(board, now).and_then(|i| board.volunteer_days.get(i));
    // Read once however many KPIs need the day's registrations.
    let mut registered: Option<Vec<(i64, DateTime<FixedOffset>)>> = None;
    let mut registrations = |day_id: i64| -> Result<Vec<(i64, DateTime<FixedOffset>)>> {
        if registered.is_none() {
            registered = Some(store.registration_times(day_id)?);
        }
        Ok(registered.clone().unwrap_or_default())
    };
    let mut lines = Vec::new();
    for kpi in store.kpis()? {
        let history: Vec<MeasurementRow> = measurements
            .iter()
            .filter(|m| m.kpi_id == kpi.id)
            .cloned()
            .collect();
        let (numerator, denominator) = match (kpi.source, kpi.code.as_str()) {
            (KpiSource::Computed, INITIATIVE_COVERAGE) => {
                let (n, d) = done_any_time(board, RequirementSource::Initiative, now);
                (Some(n), Some(d))
            }
            (KpiSource::Computed, REGISTRATION_ON_TIME) => {
                // Units registered on time over the units that owe a registration.
                let applicable = applicable_units(board, RequirementSource::VolunteerRegistration);
                let on_time_units: HashSet<i64> = match day {
                    Some(d) => registrations(d.id)?
                        .iter()
                        .filter(|(_, at)| known(*at, now) && on_time(*at, d.registration_deadline))
                        .map(|(unit, _)| *unit)
                        .filter(|u| applicable.contains(u))
                        .collect(),
                    None => HashSet::new(),
                };
                (
                    Some(on_time_units.len() as f64),
                    Some(applicable.len() as f64),
                )
            }
            (KpiSource::Computed, REPORT_ON_TIME) => {
                // On-time reports over the units that registered (as the plan counts it).
                let applicable = applicable_units(board, RequirementSource::QuickReport);
                let (reported, registered) = match day {
                    Some(d) => {
                        let reported: HashSet<i64> = store
                            .report_times(d.id)?
                            .iter()
                            .filter(|(_, at, photos)| known(*at, now) && report_counts(*photos))
                            .filter(|(_, at, _)| on_time(*at, d.report_deadline))
                            .map(|(unit, _, _)| *unit)
                            .filter(|u| applicable.contains(u))
                            .collect();
                        // Of the bases that owe the report: a registration kept from a
                        // unit that owes none does not raise the count it is judged by.
                        let registered = registrations(d.id)?
                            .iter()
                            .filter(|(unit, at)| known(*at, now) && applicable.contains(unit))
                            .count();
                        (reported.len(), registered)
                    }
                    None => (0, 0),
                };
                (Some(reported as f64), Some(registered as f64))
            }
            (KpiSource::Computed, LAND_KPI) => {
                let figures = match day {
                    Some(d) => store.figures(d.id)?,
                    None => Vec::new(),
                };
                // Summed as whole numbers: an empty f64 sum is -0.0, which would print "-0".
                let sum = |m: Metric| {
                    figures
                        .iter()
                        .filter(|f| f.metric == m && known(f.updated_at, now))
                        .map(|f| f.value)
                        .sum::<i64>() as f64
                };
                (
                    Some(sum(Metric::LandResolved)),
                    Some(sum(Metric::LandTotal)),
                )
            }
            _ => match history
                .iter()
                .rev()
                .find(|m| m.period_end <= now.date_naive())
            {
                Some(m) => (Some(m.numerator), Some(m.denominator)),
                None => (None, None),
            },
        };
        let deadline = match (kpi.source, kpi.code.as_str()) {
            (KpiSource::Computed, INITIATIVE_COVERAGE) => board
                .requirements
                .iter()
                .find(|r| r.source == RequirementSource::Initiative)
                .map(|r| r.deadline),
            (KpiSource::Computed, REGISTRATION_ON_TIME) => day.map(|d| d.registration_deadline),
            (KpiSource::Computed, REPORT_ON_TIME | LAND_KPI) => day.map(|d| d.report_deadline),
            _ => None,
        };
        let (value, status) = evaluate(numerator, denominator, kpi.target, deadline, now);
        lines.push(KpiLine {
            status,
            deadline,
            kpi,
            numerator,
            denominator,
            value,
            history,
        });
    }
    Ok(lines)
}
