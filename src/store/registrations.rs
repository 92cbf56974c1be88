//! Volunteer-day registrations: what each unit will run on the Saturday, and when it said so.

use chrono::{DateTime, FixedOffset};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::queries::parse_time;
use super::{Change, Invalid, Result, Store, StoreError, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;

#[derive(Debug, Clone, PartialEq)]
pub struct RegistrationRow {
    pub id: i64,
    pub unit_id: i64,
    /// Activity codes from the campaign's list.
    pub activities: Vec<String>,
    pub other_activity: String,
    pub place: String,
    pub planned_volunteers: Option<i64>,
    pub registered_at: DateTime<FixedOffset>,
}

/// A registration as the form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRegistration {
    pub activities: Vec<String>,
    pub other_activity: String,
    pub place: String,
    pub planned_volunteers: Option<i64>,
    pub registered_at: DateTime<FixedOffset>,
}

/// (code, name) of each activity a unit can register.
pub type Activity = (String, String);

impl Store {
    pub fn activities(&self) -> Result<Vec<Activity>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT code, name FROM activities ORDER BY sort_order, id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows)
    }

    /// When each unit registered for the day, for the KPIs (one light query).
    pub fn registration_times(&self, day_id: i64) -> Result<Vec<(i64, DateTime<FixedOffset>)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT unit_id, registered_at FROM registrations WHERE volunteer_day_id = ?1",
        )?;
        let raw: Vec<(i64, String)> = stmt
            .query_map([day_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        raw.into_iter()
            .map(|(unit, at)| Ok((unit, parse_time(&at, "registrations.registered_at")?)))
            .collect()
    }

    pub fn registrations(&self, day_id: i64) -> Result<Vec<RegistrationRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, unit_id, activities, other_activity, place, planned_volunteers, registered_at
             FROM registrations WHERE volunteer_day_id = ?1 ORDER BY id",
        )?;
        // Read as text first; the JSON and the time are checked after the statement.
        let raw = stmt
            .query_map([day_id], |r| {
                let row = RegistrationRow {
                    id: r.get(0)?,
                    unit_id: r.get(1)?,
                    activities: Vec::new(),
                    other_activity: r.get(3)?,
                    place: r.get(4)?,
                    planned_volunteers: r.get(5)?,
                    registered_at: DateTime::default(),
                };
                Ok((row, r.get::<_, String>(2)?, r.get::<_, String>(6)?))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        raw.into_iter()
            .map(|(mut row, acts, at)| {
                row.activities = serde_json::from_str(&acts).map_err(|_| {
                    Invalid::stored(
                        format!("registrations.activities {}", row.id),
                        acts.as_str(),
                    )
                })?;
                row.registered_at = parse_time(&at, "registrations.registered_at")?;
                Ok(row)
            })
            .collect()
    }

    /// Creates or replaces the unit's registration for the day, in one audited change.
    pub fn save_registration(
        &mut self,
        day_id: i64,
        unit_id: i64,
        r: &NewRegistration,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| write_registration(c, day_id, unit_id, r))
    }

    pub fn delete_registration(
        &mut self,
        id: i64,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| c.delete(Table::Registrations, id))
    }
}

/// Creates or replaces the unit's registration for the day inside a change.
pub(super) fn write_registration(
    c: &mut Change<'_>,
    day_id: i64,
    unit_id: i64,
    r: &NewRegistration,
) -> Result<()> {
    let activities = serde_json::to_string(&r.activities).map_err(|e| {
        StoreError::Invalid(Invalid::Encode {
            place: "registrations.activities",
            detail: e.to_string(),
        })
    })?;
    let existing: Option<i64> = c
        .tx()
        .query_row(
            "SELECT id FROM registrations WHERE volunteer_day_id = ?1 AND unit_id = ?2",
            [day_id, unit_id],
            |row| row.get(0),
        )
        .optional()?;
    let values = vec![
        ("activities", Value::Text(activities)),
        ("other_activity", Value::Text(nfc(r.other_activity.trim()))),
        ("place", Value::Text(nfc(r.place.trim()))),
        (
            "planned_volunteers",
            r.planned_volunteers.map_or(Value::Null, Value::Integer),
        ),
        ("registered_at", Value::Text(r.registered_at.to_rfc3339())),
    ];
    match existing {
        Some(id) => c.update(Table::Registrations, id, &values),
        None => {
            let mut values = values;
            values.push(("volunteer_day_id", Value::Integer(day_id)));
            values.push(("unit_id", Value::Integer(unit_id)));
            c.insert(Table::Registrations, &values).map(|_| ())
        }
    }
}
