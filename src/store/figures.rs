//! Saturday figures: one row per (day, unit, metric), saved the moment a cell is left.

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};

use super::queries::{parse_time, stamp};
use super::{Invalid, Result, Store, StoreError, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::figures::{Metric, check_pair, step};

#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub unit_id: i64,
    pub metric: Metric,
    pub value: i64,
    pub updated_at: DateTime<FixedOffset>,
}

/// One cell's value.
const CELL_VALUE: &str = "SELECT value FROM figures
     WHERE volunteer_day_id = ?1 AND unit_id = ?2 AND metric = ?3";

/// What a save asks of one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureEdit {
    /// Put `value` there (None clears it) where the screen showed `seen`. Refused with
    /// [`StoreError::FigureChanged`] when the store holds something else by now: another
    /// window saved it meanwhile, and the officer decides which stays.
    Set {
        value: Option<i64>,
        seen: Option<i64>,
    },
    /// `+`/`-`: add this to what the store holds, whatever the screen showed.
    Step(i64),
}

/// What a save did to the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureSaved {
    /// What the cell holds now.
    pub value: Option<i64>,
    /// What it held just before, as the store had it (not as the screen showed it).
    pub before: Option<i64>,
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

    /// What one cell holds now.
    pub fn figure(&self, day_id: i64, unit_id: i64, metric: Metric) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .prepare_cached(CELL_VALUE)?
            .query_row(params![day_id, unit_id, metric.code()], |r| r.get(0))
            .optional()?)
    }

    /// Saves one cell. One audited transaction, committed (synchronous = FULL) before this
    /// returns; the value is worked out and checked against what the store holds inside it,
    /// so a save from a screen that is behind the store never overwrites unseen.
    /// `summary` words the change from the value saved.
    pub fn set_figure(
        &mut self,
        day_id: i64,
        unit_id: i64,
        metric: Metric,
        edit: FigureEdit,
        now: DateTime<FixedOffset>,
        summary: impl Fn(Option<i64>) -> ChangeSummary,
    ) -> Result<FigureSaved> {
        let guess = match edit {
            FigureEdit::Set { value, .. } => value,
            FigureEdit::Step(_) => None,
        };
        self.change(now, &summary(guess), |c| {
            // Checked against what the store holds, inside the write, so two instances
            // cannot together save resolved above received.
            let current = |m: Metric| -> Result<Option<i64>> {
                Ok(c.tx()
                    .prepare_cached(CELL_VALUE)?
                    .query_row(params![day_id, unit_id, m.code()], |r| r.get(0))
                    .optional()?)
            };
            // The cell's row once: its value decides the edit, its id the write.
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
            let before = existing.map(|(_, v)| v);
            let value = match edit {
                FigureEdit::Set { seen, .. } if seen != before => {
                    return Err(StoreError::FigureChanged { stored: before });
                }
                FigureEdit::Set { value, .. } => value,
                FigureEdit::Step(delta) => Some(step(before, delta).map_err(StoreError::Figure)?),
            };
            let mut others = std::collections::HashMap::new();
            for m in [metric.bounded_by(), metric.bounds()].into_iter().flatten() {
                others.insert(m, current(m)?);
            }
            check_pair(metric, value, |m| others.get(&m).copied().flatten())
                .map_err(StoreError::Figure)?;
            if value != guess {
                c.summarise(&summary(value))?;
            }
            let saved = FigureSaved { value, before };
            match (existing, value) {
                (None, None) => Ok(saved),
                (Some((id, _)), None) => c.delete(Table::Figures, id).map(|()| saved),
                (Some((_, old)), Some(v)) if old == v => Ok(saved),
                (Some((id, _)), Some(v)) => c
                    .update(
                        Table::Figures,
                        id,
                        &[
                            ("value", Value::Integer(v)),
                            ("updated_at", Value::Text(stamp(now))),
                        ],
                    )
                    .map(|()| saved),
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
                    .map(|_| saved),
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
