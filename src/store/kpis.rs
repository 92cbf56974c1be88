//! KPIs: the campaign's targets, and the dated measurements the officer enters.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::types::Value;

use super::queries::{parse_date, stamp};
use super::{Invalid, Result, Store, Table};
use crate::domain::campaign::KpiSource;
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;

#[derive(Debug, Clone, PartialEq)]
pub struct KpiRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub definition: String,
    pub numerator: String,
    pub denominator: String,
    pub target: Option<f64>,
    pub target_note: String,
    pub source: KpiSource,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementRow {
    pub id: i64,
    pub kpi_id: i64,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub numerator: f64,
    pub denominator: f64,
    pub unit_id: Option<i64>,
    pub note: String,
}

/// A measurement as the form gives it (already checked).
#[derive(Debug, Clone, PartialEq)]
pub struct NewMeasurement {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub numerator: f64,
    pub denominator: f64,
    pub unit_id: Option<i64>,
    pub note: String,
}

impl Store {
    pub fn kpis(&self) -> Result<Vec<KpiRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, code, name, definition, numerator, denominator, target, target_note, source
             FROM kpis ORDER BY sort_order, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    KpiRow {
                        id: r.get(0)?,
                        code: r.get(1)?,
                        name: r.get(2)?,
                        definition: r.get(3)?,
                        numerator: r.get(4)?,
                        denominator: r.get(5)?,
                        target: r.get(6)?,
                        target_note: r.get(7)?,
                        source: KpiSource::Measured,
                    },
                    r.get::<_, String>(8)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        raw.into_iter()
            .map(|(mut row, source)| {
                row.source = KpiSource::from_code(&source).ok_or_else(|| {
                    Invalid::stored(format!("kpis.source {}", row.code), source.as_str())
                })?;
                Ok(row)
            })
            .collect()
    }

    /// Every measurement, oldest period first.
    pub fn measurements(&self) -> Result<Vec<MeasurementRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, kpi_id, period_start, period_end, numerator, denominator, unit_id, note
             FROM kpi_measurements ORDER BY period_end, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, f64>(4)?,
                    r.get::<_, f64>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        raw.into_iter()
            .map(
                |(id, kpi_id, start, end, numerator, denominator, unit_id, note)| {
                    Ok(MeasurementRow {
                        id,
                        kpi_id,
                        period_start: parse_date(&start, "kpi_measurements.period_start")?,
                        period_end: parse_date(&end, "kpi_measurements.period_end")?,
                        numerator,
                        denominator,
                        unit_id,
                        note,
                    })
                },
            )
            .collect()
    }

    pub fn add_measurement(
        &mut self,
        kpi_id: i64,
        m: &NewMeasurement,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<i64> {
        self.change(now, summary, |c| {
            c.insert(
                Table::KpiMeasurements,
                &[
                    ("kpi_id", Value::Integer(kpi_id)),
                    ("period_start", Value::Text(m.period_start.to_string())),
                    ("period_end", Value::Text(m.period_end.to_string())),
                    ("numerator", Value::Real(m.numerator)),
                    ("denominator", Value::Real(m.denominator)),
                    ("unit_id", m.unit_id.map_or(Value::Null, Value::Integer)),
                    ("note", Value::Text(nfc(m.note.trim()))),
                    ("recorded_at", Value::Text(stamp(now))),
                ],
            )
        })
    }

    pub fn delete_measurement(
        &mut self,
        id: i64,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| c.delete(Table::KpiMeasurements, id))
    }

    pub fn set_kpi_target(
        &mut self,
        kpi_id: i64,
        target: Option<f64>,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            c.update(
                Table::Kpis,
                kpi_id,
                &[("target", target.map_or(Value::Null, Value::Real))],
            )
        })
    }
}
