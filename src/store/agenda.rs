//! The Action Month's district-level agenda, and new volunteer-day rounds.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::types::Value;

use super::queries::parse_date;
use super::{Invalid, Result, Store, Table};
use crate::domain::campaign::RequirementSource;
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;
use crate::domain::unit::UnitKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaStatus {
    Planned,
    InProgress,
    Done,
    Cancelled,
}

impl AgendaStatus {
    pub const ALL: [AgendaStatus; 4] = [
        AgendaStatus::Planned,
        AgendaStatus::InProgress,
        AgendaStatus::Done,
        AgendaStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AgendaStatus::Planned => "planned",
            AgendaStatus::InProgress => "in_progress",
            AgendaStatus::Done => "done",
            AgendaStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<AgendaStatus> {
        AgendaStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaRow {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub date: Option<NaiveDate>,
    pub status: AgendaStatus,
    pub note: String,
}

/// An agenda item as the form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaItem {
    pub title: String,
    pub owner: String,
    pub date: Option<NaiveDate>,
    pub status: AgendaStatus,
    pub note: String,
}

/// A new round as the form gives it (already checked).
#[derive(Debug, Clone, PartialEq)]
pub struct NewDay {
    pub round: i64,
    pub date: NaiveDate,
    pub title: String,
    pub host: String,
    pub registration_deadline: DateTime<FixedOffset>,
    pub report_deadline: DateTime<FixedOffset>,
    /// What the round asks of the units, added with it in the same change: its
    /// registration and its quick report, as the rounds before it.
    pub requirements: Vec<RoundRequirement>,
}

/// A requirement a new round brings: its registration or its quick report.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundRequirement {
    /// The start of its code; the round's own code follows it.
    pub code: String,
    pub title: String,
    pub short: String,
    pub source: RequirementSource,
    pub applies_to: Vec<UnitKind>,
    pub deadline: DateTime<FixedOffset>,
    pub evidence: String,
}

impl Store {
    pub fn agenda(&self) -> Result<Vec<AgendaRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, title, owner, date, status, note FROM agenda_items ORDER BY sort_order, id",
        )?;
        let raw: Vec<(i64, String, String, Option<String>, String, String)> = stmt
            .query_map([], |r| {
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
        raw.into_iter()
            .map(|(id, title, owner, date, status, note)| {
                Ok(AgendaRow {
                    date: date
                        .map(|d| parse_date(&d, "agenda_items.date"))
                        .transpose()?,
                    status: AgendaStatus::from_code(&status).ok_or_else(|| {
                        Invalid::stored(format!("agenda_items.status {id}"), status.as_str())
                    })?,
                    id,
                    title,
                    owner,
                    note,
                })
            })
            .collect()
    }

    /// Adds (id None) or updates an agenda item.
    pub fn save_agenda_item(
        &mut self,
        id: Option<i64>,
        item: &AgendaItem,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<i64> {
        self.change(now, summary, |c| {
            let values = vec![
                ("title", Value::Text(nfc(item.title.trim()))),
                ("owner", Value::Text(nfc(item.owner.trim()))),
                (
                    "date",
                    item.date
                        .map_or(Value::Null, |d| Value::Text(d.to_string())),
                ),
                ("status", Value::Text(item.status.code().into())),
                ("note", Value::Text(nfc(item.note.trim()))),
            ];
            match id {
                Some(id) => c.update(Table::AgendaItems, id, &values).map(|()| id),
                None => {
                    let next: i64 = c.tx().query_row(
                        "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM agenda_items",
                        [],
                        |r| r.get(0),
                    )?;
                    let mut values = values;
                    values.push(("sort_order", Value::Integer(next)));
                    c.insert(Table::AgendaItems, &values)
                }
            }
        })
    }

    pub fn delete_agenda_item(
        &mut self,
        id: i64,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| c.delete(Table::AgendaItems, id))
    }

    /// Adds a volunteer-day round with the requirements it brings, in one change; its code
    /// is made from the round and the year, theirs from theirs and the round's.
    pub fn add_volunteer_day(
        &mut self,
        day: &NewDay,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<i64> {
        self.change(now, summary, |c| {
            let base = format!("tb-dot{}-{}", day.round, day.date.format("%Y"));
            let code = free_code(c, Table::VolunteerDays, &base)?;
            let id = c.insert(
                Table::VolunteerDays,
                &[
                    ("code", Value::Text(code.clone())),
                    ("round", Value::Integer(day.round)),
                    ("date", Value::Text(day.date.to_string())),
                    ("title", Value::Text(nfc(day.title.trim()))),
                    ("host", Value::Text(nfc(day.host.trim()))),
                    (
                        "registration_deadline",
                        Value::Text(day.registration_deadline.to_rfc3339()),
                    ),
                    (
                        "report_deadline",
                        Value::Text(day.report_deadline.to_rfc3339()),
                    ),
                ],
            )?;
            let first: i64 = c.tx().query_row(
                "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM requirements",
                [],
                |r| r.get(0),
            )?;
            for (order, r) in (first..).zip(&day.requirements) {
                let applies: Vec<&str> = r.applies_to.iter().map(|k| k.code()).collect();
                let code = free_code(c, Table::Requirements, &format!("{}-{code}", r.code))?;
                c.insert(
                    Table::Requirements,
                    &[
                        ("code", Value::Text(code)),
                        ("title", Value::Text(nfc(r.title.trim()))),
                        ("short_title", Value::Text(nfc(r.short.trim()))),
                        ("source", Value::Text(r.source.code().to_string())),
                        ("applies_to", Value::Text(applies.join(","))),
                        ("deadline", Value::Text(r.deadline.to_rfc3339())),
                        ("volunteer_day_id", Value::Integer(id)),
                        ("evidence", Value::Text(nfc(r.evidence.trim()))),
                        ("sort_order", Value::Integer(order)),
                    ],
                )?;
            }
            Ok(id)
        })
    }
}

/// `base`, or `base-2`, `base-3`… whichever `table` does not hold yet.
fn free_code(c: &super::Change<'_>, table: Table, base: &str) -> Result<String> {
    let taken = |code: &str| -> Result<bool> {
        // The table name comes from `Table`, never from input.
        Ok(c.tx().query_row(
            &format!("SELECT COUNT(*) FROM {} WHERE code = ?1", table.name()),
            [code],
            |r| r.get::<_, i64>(0),
        )? > 0)
    };
    let mut code = base.to_string();
    let mut n = 2;
    while taken(&code)? {
        code = format!("{base}-{n}");
        n += 1;
    }
    Ok(code)
}
