//! Saturday figures: one row per (day, unit, metric), saved the moment a cell is left.

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};

use super::queries::{parse_time, stamp};
use super::{Invalid, Result, Store, StoreError, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::figures::{Metric, check_pair};

#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub unit_id: i64,
    pub metric: Metric,
    pub value: i64,
    pub updated_at: DateTime<FixedOffset>,
}

impl Store {
    /// Every figure of a volunteer day.
    pub fn figures(&self, day_id: i64) -> Result<Vec<FigureRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT unit_id, metric, value, updated_at FROM figures WHERE volunteer_day_id = ?1",
        )?;
        let raw: Vec<(i64, String, i64, String)> = stmt
            .query_map([day_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<std::result::Result<_, _>>()?;
        raw.into_iter()
            // Metrics this version does not know (a newer store's) are left out, not refused.
            .filter_map(|(unit_id, code, value, at)| {
                Metric::from_code(&code).map(|metric| (unit_id, metric, value, at))
            })
            .map(|(unit_id, metric, value, at)| {
                Ok(FigureRow {
                    unit_id,
                    metric,
                    value,
                    updated_at: parse_time(&at, "figures.updated_at")?,
                })
            })
            .collect()
    }

    /// Saves one cell: a value, or None to clear it. One audited transaction, committed
    /// (synchronous = FULL) before this returns.
    pub fn set_figure(
        &mut self,
        day_id: i64,
        unit_id: i64,
        metric: Metric,
        value: Option<i64>,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            // Checked against what the store holds, inside the write, so two instances
            // cannot together save resolved above received.
            let current = |m: Metric| -> Result<Option<i64>> {
                Ok(c.tx()
                    .prepare_cached(
                        "SELECT value FROM figures
                         WHERE volunteer_day_id = ?1 AND unit_id = ?2 AND metric = ?3",
                    )?
                    .query_row(params![day_id, unit_id, m.code()], |r| r.get(0))
                    .optional()?)
            };
            let mut others = std::collections::HashMap::new();
            for m in [metric.bounded_by(), metric.bounds()].into_iter().flatten() {
                others.insert(m, current(m)?);
            }
            check_pair(metric, value, |m| others.get(&m).copied().flatten())
                .map_err(StoreError::Figure)?;
            let existing: Option<(i64, i64)> = c
                .tx()
                .prepare_cached(
                    "SELECT id, value FROM figures
                     WHERE volunteer_day_id = ?1 AND unit_id = ?2 AND metric = ?3",
                )?
                .query_row(params![day_id, unit_id, metric.code()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match (existing, value) {
                (None, None) => Ok(()),
                (Some((id, _)), None) => c.delete(Table::Figures, id),
                (Some((_, old)), Some(v)) if old == v => Ok(()),
                (Some((id, _)), Some(v)) => c.update(
                    Table::Figures,
                    id,
                    &[
                        ("value", Value::Integer(v)),
                        ("updated_at", Value::Text(stamp(now))),
                    ],
                ),
                (None, Some(v)) => c
                    .insert(
                        Table::Figures,
                        &[
                            ("volunteer_day_id", Value::Integer(day_id)),
                            ("unit_id", Value::Integer(unit_id)),
                            ("metric", Value::Text(metric.code().into())),
                            ("value", Value::Integer(v)),
                            ("updated_at", Value::Text(stamp(now))),
                        ],
                    )
                    .map(|_| ()),
            }
        })
        .map_err(|e| match e {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                StoreError::Invalid(Invalid::FigureRefused {
                    metric,
                    detail: msg.unwrap_or_default(),
                })
            }
            other => other,
        })
    }
}
