//! Quick reports of a volunteer day, with their photos.

use chrono::{DateTime, FixedOffset};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::photos::Kept;
use super::queries::{parse_time, stamp};
use super::{Result, Store, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;

#[derive(Debug, Clone, PartialEq)]
pub struct PhotoRow {
    /// Its file in the store's photo folder (`<sha256>.<ext>`); for a photo an older
    /// version kept and whose file could not be found, the old path in the shared folder.
    pub path: String,
    pub original_name: String,
    pub media_type: String,
    pub bytes: i64,
}

/// A photo to attach: kept in the store's photo folder already, with the name it had.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPhoto {
    pub kept: Kept,
    pub original_name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub id: i64,
    pub unit_id: i64,
    pub received_at: DateTime<FixedOffset>,
    pub note: String,
    pub photos: Vec<PhotoRow>,
}

impl Store {
    /// Each report of the day as the KPIs need it: unit, when it came in, how many photos.
    /// One query, without the photo rows, since tab 5 recomputes on every key.
    pub fn report_times(&self, day_id: i64) -> Result<Vec<(i64, DateTime<FixedOffset>, usize)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.unit_id, r.received_at,
                    (SELECT COUNT(*) FROM photos p WHERE p.report_id = r.id)
             FROM reports r WHERE r.volunteer_day_id = ?1",
        )?;
        let raw: Vec<(i64, String, i64)> = stmt
            .query_map([day_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<std::result::Result<_, _>>()?;
        raw.into_iter()
            .map(|(unit, at, photos)| {
                Ok((
                    unit,
                    parse_time(&at, "reports.received_at")?,
                    usize::try_from(photos).unwrap_or(0),
                ))
            })
            .collect()
    }

    pub fn reports(&self, day_id: i64) -> Result<Vec<ReportRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, unit_id, received_at, note FROM reports WHERE volunteer_day_id = ?1 ORDER BY id",
        )?;
        let raw: Vec<(i64, i64, String, String)> = stmt
            .query_map([day_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<std::result::Result<_, _>>()?;
        let mut photos = self.conn().prepare_cached(
            "SELECT p.report_id, p.path, p.original_name, p.media_type, p.bytes
             FROM photos p JOIN reports r ON r.id = p.report_id
             WHERE r.volunteer_day_id = ?1 ORDER BY p.id",
        )?;
        let all: Vec<(i64, PhotoRow)> = photos
            .query_map([day_id], |r| {
                Ok((
                    r.get(0)?,
                    PhotoRow {
                        path: r.get(1)?,
                        original_name: r.get(2)?,
                        media_type: r.get(3)?,
                        bytes: r.get(4)?,
                    },
                ))
            })?
            .collect::<std::result::Result<_, _>>()?;
        raw.into_iter()
            .map(|(id, unit_id, at, note)| {
                Ok(ReportRow {
                    id,
                    unit_id,
                    received_at: parse_time(&at, "reports.received_at")?,
                    note,
                    photos: all
                        .iter()
                        .filter(|(r, _)| *r == id)
                        .map(|(_, p)| p.clone())
                        .collect(),
                })
            })
            .collect()
    }

    /// Records the unit's quick report (or updates it) and adds `photos` to it, in one change.
    #[allow(clippy::too_many_arguments)]
    pub fn save_report(
        &mut self,
        day_id: i64,
        unit_id: i64,
        received_at: DateTime<FixedOffset>,
        note: &str,
        photos: &[NewPhoto],
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            let existing: Option<i64> = c
                .tx()
                .query_row(
                    "SELECT id FROM reports WHERE volunteer_day_id = ?1 AND unit_id = ?2",
                    [day_id, unit_id],
                    |r| r.get(0),
                )
                .optional()?;
            let values = vec![
                ("received_at", Value::Text(received_at.to_rfc3339())),
                ("note", Value::Text(nfc(note.trim()))),
            ];
            let report = match existing {
                Some(id) => {
                    c.update(Table::Reports, id, &values)?;
                    id
                }
                None => {
                    let mut values = values;
                    values.push(("volunteer_day_id", Value::Integer(day_id)));
                    values.push(("unit_id", Value::Integer(unit_id)));
                    c.insert(Table::Reports, &values)?
                }
            };
            for p in photos {
                c.insert(
                    Table::Photos,
                    &[
                        ("report_id", Value::Integer(report)),
                        ("path", Value::Text(p.kept.name.clone())),
                        ("sha256", Value::Text(p.kept.sha256.clone())),
                        ("original_name", Value::Text(p.original_name.clone())),
                        ("media_type", Value::Text(p.kept.kind.media_type().into())),
                        (
                            "bytes",
                            Value::Integer(i64::try_from(p.kept.bytes).unwrap_or(i64::MAX)),
                        ),
                        ("added_at", Value::Text(stamp(now))),
                    ],
                )?;
            }
            Ok(())
        })
    }
}
