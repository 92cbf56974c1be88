//! Quick reports of a volunteer day, with their photos.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::photos::Kept;
use super::queries::{parse_time, stamp};
use super::{Result, Store, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::checklist::{known, report_complete_at};
use crate::domain::fold::nfc;

#[derive(Debug, Clone, PartialEq)]
pub struct PhotoRow {
    /// Its file in the store's photo folder (`<sha256>.<ext>`); for a photo an older
    /// version kept and whose file could not be found, the old path in the shared folder.
    pub path: String,
    pub original_name: String,
    pub media_type: String,
    pub bytes: i64,
    /// When it was added to a report that was already there; None when it came with it.
    pub arrived_at: Option<DateTime<FixedOffset>>,
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
    /// When it first had what the plan asks, a photo ([`report_complete_at`]): the moment
    /// "on time" is judged by. None while it has no photo.
    pub complete_at: Option<DateTime<FixedOffset>>,
}

impl ReportRow {
    /// The moment "on time" is judged by: when it first had a photo, or when it was received
    /// while it has none (it then counts as not yet done anyway).
    pub fn counts_from(&self) -> DateTime<FixedOffset> {
        self.complete_at.unwrap_or(self.received_at)
    }

    /// The report as it stood at `now`: none before it was received, and only the photos it
    /// had by then (a photo added at 16:20 is not there at 16:00), as the checklist and the
    /// KPIs count it ([`known`]).
    pub fn as_of(&self, now: DateTime<FixedOffset>) -> Option<Cow<'_, ReportRow>> {
        if !known(self.received_at, now) {
            return None;
        }
        let arrived = |p: &PhotoRow| p.arrived_at.unwrap_or(self.received_at);
        if self.photos.iter().all(|p| known(arrived(p), now)) {
            return Some(Cow::Borrowed(self));
        }
        let photos: Vec<PhotoRow> = self
            .photos
            .iter()
            .filter(|p| known(arrived(p), now))
            .cloned()
            .collect();
        let complete_at = report_complete_at(self.received_at, photos.iter().map(|p| p.arrived_at));
        Some(Cow::Owned(ReportRow {
            photos,
            complete_at,
            ..self.clone()
        }))
    }
}

impl Store {
    /// Each report of the day as the KPIs need it: unit, the moment it counts from (when it
    /// first had a photo, see [`report_complete_at`]; when received while it has none), how
    /// many photos. Two light queries, without the photo rows' other columns, since tab 5
    /// recomputes on every key.
    pub fn report_times(&self, day_id: i64) -> Result<Vec<(i64, DateTime<FixedOffset>, usize)>> {
        Ok(complete_times(self.conn(), day_id)?
            .into_iter()
            .map(|(unit, received, photos, complete)| (unit, complete.unwrap_or(received), photos))
            .collect())
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
            "SELECT p.report_id, p.path, p.original_name, p.media_type, p.bytes, p.arrived_at
             FROM photos p JOIN reports r ON r.id = p.report_id
             WHERE r.volunteer_day_id = ?1 ORDER BY p.id",
        )?;
        type Raw = (i64, String, String, String, i64, Option<String>);
        let raw_photos: Vec<Raw> = photos
            .query_map([day_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<std::result::Result<_, _>>()?;
        // Grouped by report once, not searched per report.
        let mut by_report: HashMap<i64, Vec<PhotoRow>> = HashMap::new();
        for (report, path, original_name, media_type, bytes, arrived) in raw_photos {
            let arrived_at = arrived
                .map(|t| parse_time(&t, "photos.arrived_at"))
                .transpose()?;
            by_report.entry(report).or_default().push(PhotoRow {
                path,
                original_name,
                media_type,
                bytes,
                arrived_at,
            });
        }
        raw.into_iter()
            .map(|(id, unit_id, at, note)| {
                let received_at = parse_time(&at, "reports.received_at")?;
                let photos = by_report.remove(&id).unwrap_or_default();
                Ok(ReportRow {
                    id,
                    unit_id,
                    complete_at: report_complete_at(
                        received_at,
                        photos.iter().map(|p| p.arrived_at),
                    ),
                    received_at,
                    note,
                    photos,
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
            // A photo sent with the report counts from the report's time; one added to a
            // report already there, from now.
            let arrived = match existing {
                Some(_) => Value::Text(stamp(now)),
                None => Value::Null,
            };
            for p in photos {
                c.insert(
                    Table::Photos,
                    &[
                        ("report_id", Value::Integer(report)),
                        ("arrived_at", arrived.clone()),
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

/// One report's times: unit, received at, photo count, and when it first had a photo.
pub(super) type ReportTimes = (
    i64,
    DateTime<FixedOffset>,
    usize,
    Option<DateTime<FixedOffset>>,
);

/// Each report of the day: unit, received at, photo count, and when it first had a photo.
pub(super) fn complete_times(conn: &rusqlite::Connection, day_id: i64) -> Result<Vec<ReportTimes>> {
    let mut reports = conn.prepare_cached(
        "SELECT id, unit_id, received_at FROM reports WHERE volunteer_day_id = ?1",
    )?;
    let raw: Vec<(i64, i64, String)> = reports
        .query_map([day_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let mut photos = conn.prepare_cached(
        "SELECT p.report_id, p.arrived_at FROM photos p JOIN reports r ON r.id = p.report_id
         WHERE r.volunteer_day_id = ?1",
    )?;
    let mut arrivals: HashMap<i64, Vec<Option<DateTime<FixedOffset>>>> = HashMap::new();
    let rows: Vec<(i64, Option<String>)> = photos
        .query_map([day_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    for (report, arrived) in rows {
        let at = arrived
            .map(|t| parse_time(&t, "photos.arrived_at"))
            .transpose()?;
        arrivals.entry(report).or_default().push(at);
    }
    raw.into_iter()
        .map(|(id, unit, at)| {
            let received = parse_time(&at, "reports.received_at")?;
            let mine = arrivals.remove(&id).unwrap_or_default();
            let count = mine.len();
            Ok((unit, received, count, report_complete_at(received, mine)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::read_datetime;

    fn at(s: &str) -> DateTime<FixedOffset> {
        read_datetime(s).expect("test instant")
    }

    fn photo(arrived_at: Option<&str>) -> PhotoRow {
        PhotoRow {
            path: "x.png".into(),
            original_name: "x.png".into(),
            media_type: "image/png".into(),
            bytes: 1,
            arrived_at: arrived_at.map(at),
        }
    }

    #[test]
    fn a_report_as_it_stood_keeps_only_the_photos_it_had() {
        let received = at("2022-05-07T15:30");
        let photos = vec![photo(Some("2022-05-07T16:20"))];
        let r = ReportRow {
            id: 1,
            unit_id: 2,
            received_at: received,
            note: String::new(),
            complete_at: report_complete_at(received, photos.iter().map(|p| p.arrived_at)),
            photos,
        };
        assert!(
            r.as_of(at("2022-05-07T15:29")).is_none(),
            "not received yet"
        );
        let before = r.as_of(at("2022-05-07T16:00")).expect("received");
        assert!(before.photos.is_empty(), "the photo came at 16:20");
        assert_eq!(before.complete_at, None);
        let after = r.as_of(at("2022-05-07T16:20")).expect("received");
        assert!(matches!(after, Cow::Borrowed(_)));
        assert_eq!(after.complete_at, Some(at("2022-05-07T16:20")));
    }
}
