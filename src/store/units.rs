//! User changes to units and their manual checklist ticks.

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params};

use super::queries::stamp;
use super::{Result, Store, Table};
use crate::domain::change::ChangeSummary;

impl Store {
    /// Ticks the manual requirement for the unit if it is not ticked, else unticks it.
    /// Returns whether it is ticked afterwards.
    pub fn toggle_check(
        &mut self,
        unit_id: i64,
        requirement_id: i64,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<bool> {
        self.change(now, summary, |c| {
            let existing: Option<i64> = c
                .tx()
                .query_row(
                    "SELECT id FROM checks WHERE unit_id = ?1 AND requirement_id = ?2",
                    params![unit_id, requirement_id],
                    |r| r.get(0),
                )
                .optional()?;
            match existing {
                Some(id) => {
                    c.delete(Table::Checks, id)?;
                    Ok(false)
                }
                None => {
                    c.insert(
                        Table::Checks,
                        &[
                            ("unit_id", Value::Integer(unit_id)),
                            ("requirement_id", Value::Integer(requirement_id)),
                            ("done_at", Value::Text(stamp(now))),
                        ],
                    )?;
                    Ok(true)
                }
            }
        })
    }

    pub fn update_unit_contact(
        &mut self,
        unit_id: i64,
        contact_person: &str,
        phone: &str,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            c.update(
                Table::Units,
                unit_id,
                &[
                    ("contact_person", Value::Text(contact_person.to_string())),
                    ("phone", Value::Text(phone.to_string())),
                ],
            )
        })
    }
}
