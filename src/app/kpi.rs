//! Tab 5's KPIs: computed ones follow the records (checklist, registrations, reports, Saturday
//! figures); measured ones are the officer's dated measurements, the latest one counting.

use std::cell::Cell;

use chrono::{DateTime, FixedOffset};

use super::units_view::state_of;
use crate::domain::campaign::{KpiSource, RequirementSource};
use crate::domain::checklist::CheckState;
use crate::domain::figures::Metric;
use crate::domain::kpi::{KpiStatus, percent, status};
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
    /// The measurements, oldest first (measured KPIs only).
    pub history: Vec<MeasurementRow>,
}

#[derive(Debug, Default)]
pub struct KpiView {
    pub lines: Vec<KpiLine>,
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
}

impl KpiView {
    pub fn selected_line(&self) -> Option<&KpiLine> {
        self.lines
            .get(self.selected.min(self.lines.len().checked_sub(1)?))
    }
}

/// On-time done / applicable for the requirement fed from `source`.
fn on_time(
    board: &Board,
    source: RequirementSource,
    now: DateTime<FixedOffset>,
    any_time: bool,
) -> (f64, f64) {
    let Some(r) = board.requirements.iter().find(|r| r.source == source) else {
        return (0.0, 0.0);
    };
    let mut done = 0.0;
    let mut applicable = 0.0;
    for u in &board.units {
        if !r.applies(u.kind) {
            continue;
        }
        applicable += 1.0;
        match state_of(board, u, r, now) {
            CheckState::Done { late: false, .. } => done += 1.0,
            CheckState::Done { late: true, .. } if any_time => done += 1.0,
            _ => {}
        }
    }
    (done, applicable)
}

/// Every KPI with its value now.
pub fn compute(board: &Board, store: &Store, now: DateTime<FixedOffset>) -> Result<Vec<KpiLine>> {
    let measurements = store.measurements()?;
    let day = board
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::QuickReport)
        .and_then(|r| r.volunteer_day_id)
        .or_else(|| board.volunteer_days.first().map(|d| d.id));
    let mut lines = Vec::new();
    for kpi in store.kpis()? {
        let history: Vec<MeasurementRow> = measurements
            .iter()
            .filter(|m| m.kpi_id == kpi.id)
            .cloned()
            .collect();
        let (numerator, denominator) = match (kpi.source, kpi.code.as_str()) {
            (KpiSource::Computed, INITIATIVE_COVERAGE) => {
                let (n, d) = on_time(board, RequirementSource::Initiative, now, true);
                (Some(n), Some(d))
            }
            (KpiSource::Computed, REGISTRATION_ON_TIME) => {
                let (n, d) = on_time(board, RequirementSource::VolunteerRegistration, now, false);
                (Some(n), Some(d))
            }
            (KpiSource::Computed, REPORT_ON_TIME) => {
                // On-time reports over the units that registered (as the plan counts it).
                let (n, _) = on_time(board, RequirementSource::QuickReport, now, false);
                let registered = match day {
                    Some(d) => store
                        .registrations(d)?
                        .iter()
                        .filter(|r| r.registered_at <= now)
                        .count() as f64,
                    None => 0.0,
                };
                (Some(n), Some(registered))
            }
            (KpiSource::Computed, LAND_KPI) => {
                let figures = match day {
                    Some(d) => store.figures(d)?,
                    None => Vec::new(),
                };
                // Summed as whole numbers: an empty f64 sum is -0.0, which would print "-0".
                let sum = |m: Metric| {
                    figures
                        .iter()
                        .filter(|f| f.metric == m && f.updated_at <= now)
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
        let value = match (numerator, denominator) {
            (Some(n), Some(d)) => percent(n, d),
            _ => None,
        };
        lines.push(KpiLine {
            status: status(value, kpi.target),
            kpi,
            numerator,
            denominator,
            value,
            history,
        });
    }
    Ok(lines)
}
