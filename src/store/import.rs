//! Writing an import: every row of a checked file in one audited change, so the file goes in
//! whole or not at all, and `u` takes it back out whole.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::initiatives::{
    field_id, initiative_values, insert_initiative, parse_codes, proposal_values, stage_entry,
};
use super::queries::stamp;
use super::registrations::{NewRegistration, write_registration};
use super::{Change, Result, Store, StoreError, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::figures::{Metric, check_pair};
use crate::domain::fold::nfc;
use crate::domain::initiative::{CommendationLevel, InitiativeKind, Proposal, Stage, Valid};
use crate::domain::unit::UnitKind;

/// One row's write, as the import plan worked it out.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOp {
    AddUnit {
        code: String,
        name: String,
        kind: UnitKind,
        contact_person: String,
        phone: String,
    },
    /// Only the parts given change.
    UpdateUnit {
        id: i64,
        name: Option<String>,
        kind: Option<UnitKind>,
        contact_person: Option<String>,
        phone: Option<String>,
    },
    AddInitiative {
        valid: Valid,
        stage: Stage,
        proposal: Option<Proposal>,
    },
    /// `stage` is Some when the stage moves (a history entry is written).
    UpdateInitiative {
        id: i64,
        valid: Valid,
        stage: Option<Stage>,
        proposal: Option<Proposal>,
    },
    SaveRegistration {
        day_id: i64,
        unit_id: i64,
        registration: NewRegistration,
    },
    SetFigure {
        day_id: i64,
        unit_id: i64,
        metric: Metric,
        value: i64,
        updated_at: DateTime<FixedOffset>,
    },
}

/// An initiative as an import compares against: every part a sheet may carry.
#[derive(Debug, Clone, PartialEq)]
pub struct ExistingInitiative {
    pub id: i64,
    pub unit_id: i64,
    pub kind: InitiativeKind,
    pub title: String,
    pub field_id: Option<i64>,
    pub summary: String,
    pub expected_effect: String,
    pub registered_on: NaiveDate,
    pub evaluation_notes: String,
    pub score: Option<f64>,
    pub stage: Stage,
    pub commendation_level: Option<CommendationLevel>,
    pub commendation_for: Option<String>,
}

impl Store {
    /// Every initiative with all its imported parts (long texts included).
    pub fn initiatives_for_import(&self) -> Result<Vec<ExistingInitiative>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, unit_id, kind, title, field_id, summary, expected_effect, registered_on,
                    evaluation_notes, score, stage, commendation_level, commendation_for
             FROM initiatives ORDER BY id",
        )?;
        type Raw = (ExistingInitiative, String, String, String, Option<String>);
        let raw: Vec<Raw> = stmt
            .query_map([], |r| {
                Ok((
                    ExistingInitiative {
                        id: r.get(0)?,
                        unit_id: r.get(1)?,
                        kind: InitiativeKind::Initiative,
                        title: r.get(3)?,
                        field_id: r.get(4)?,
                        summary: r.get(5)?,
                        expected_effect: r.get(6)?,
                        registered_on: NaiveDate::MIN,
                        evaluation_notes: r.get(8)?,
                        score: r.get(9)?,
                        stage: Stage::Registered,
                        commendation_level: None,
                        commendation_for: r.get(12)?,
                    },
                    r.get(2)?,
                    r.get(7)?,
                    r.get(10)?,
                    r.get(11)?,
                ))
            })?
            .collect::<std::result::Result<_, _>>()?;
        raw.into_iter()
            .map(|(mut e, kind, date, stage, level)| {
                (e.kind, e.registered_on, e.stage, e.commendation_level) =
                    parse_codes(e.id, &kind, &date, &stage, level.as_deref())?;
                Ok(e)
            })
            .collect()
    }

    /// Writes every op in one audited change (`BEGIN IMMEDIATE` … `COMMIT`): all or nothing.
    /// Figure pairs (resolved ≤ received) are checked once every figure is written, against
    /// what the store then holds, so a row order that passes through a bad state is fine and
    /// another instance's writes cannot slip a bad pair in between.
    /// `stage_note` goes on the stage history entries the import writes.
    pub fn apply_import(
        &mut self,
        ops: &[ImportOp],
        stage_note: &str,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            let mut figure_cells = BTreeSet::new();
            for op in ops {
                apply(c, op, stage_note, now)?;
                if let ImportOp::SetFigure {
                    day_id, unit_id, ..
                } = op
                {
                    figure_cells.insert((*day_id, *unit_id));
                }
            }
            for (day_id, unit_id) in figure_cells {
                check_figures(c, day_id, unit_id)?;
            }
            Ok(())
        })
    }
}

fn apply(
    c: &mut Change<'_>,
    op: &ImportOp,
    stage_note: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    match op {
        ImportOp::AddUnit {
            code,
            name,
            kind,
            contact_person,
            phone,
        } => {
            let next: i64 = c.tx().query_row(
                "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM units",
                [],
                |r| r.get(0),
            )?;
            c.insert(
                Table::Units,
                &[
                    ("code", Value::Text(code.clone())),
                    ("name", Value::Text(nfc(name.trim()))),
                    ("kind", Value::Text(kind.code().into())),
                    ("contact_person", Value::Text(nfc(contact_person.trim()))),
                    ("phone", Value::Text(phone.clone())),
                    ("sort_order", Value::Integer(next)),
                ],
            )?;
            Ok(())
        }
        ImportOp::UpdateUnit {
            id,
            name,
            kind,
            contact_person,
            phone,
        } => {
            let mut values = Vec::new();
            if let Some(n) = name {
                values.push(("name", Value::Text(nfc(n.trim()))));
            }
            if let Some(k) = kind {
                values.push(("kind", Value::Text(k.code().into())));
            }
            if let Some(p) = contact_person {
                values.push(("contact_person", Value::Text(nfc(p.trim()))));
            }
            if let Some(p) = phone {
                values.push(("phone", Value::Text(p.clone())));
            }
            c.update(Table::Units, *id, &values)
        }
        ImportOp::AddInitiative {
            valid,
            stage,
            proposal,
        } => insert_initiative(c, valid, *stage, proposal.as_ref(), stage_note, now).map(|_| ()),
        ImportOp::UpdateInitiative {
            id,
            valid,
            stage,
            proposal,
        } => {
            let field = field_id(c, &valid.field)?;
            let mut values = initiative_values(valid, field);
            values.push(("updated_at", Value::Text(stamp(now))));
            if let Some(s) = stage {
                values.push(("stage", Value::Text(s.code().into())));
            }
            let effective: Option<Stage> = match stage {
                Some(s) => Some(*s),
                None => c
                    .tx()
                    .query_row("SELECT stage FROM initiatives WHERE id = ?1", [id], |r| {
                        r.get::<_, String>(0)
                    })
                    .optional()?
                    .and_then(|code| Stage::from_code(&code)),
            };
            if let Some(s) = effective {
                values.extend(proposal_values(s, proposal.as_ref()));
            }
            c.update(Table::Initiatives, *id, &values)?;
            match stage {
                Some(s) => stage_entry(c, *id, *s, stage_note, now),
                None => Ok(()),
            }
        }
        ImportOp::SaveRegistration {
            day_id,
            unit_id,
            registration,
        } => write_registration(c, *day_id, *unit_id, registration),
        ImportOp::SetFigure {
            day_id,
            unit_id,
            metric,
            value,
            updated_at,
        } => {
            let existing: Option<(i64, i64)> = c
                .tx()
                .prepare_cached(
                    "SELECT id, value FROM figures
                     WHERE volunteer_day_id = ?1 AND unit_id = ?2 AND metric = ?3",
                )?
                .query_row(rusqlite::params![day_id, unit_id, metric.code()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match existing {
                Some((_, old)) if old == *value => Ok(()),
                Some((id, _)) => c.update(
                    Table::Figures,
                    id,
                    &[
                        ("value", Value::Integer(*value)),
                        ("updated_at", Value::Text(stamp(*updated_at))),
                    ],
                ),
                None => c
                    .insert(
                        Table::Figures,
                        &[
                            ("volunteer_day_id", Value::Integer(*day_id)),
                            ("unit_id", Value::Integer(*unit_id)),
                            ("metric", Value::Text(metric.code().into())),
                            ("value", Value::Integer(*value)),
                            ("updated_at", Value::Text(stamp(*updated_at))),
                        ],
                    )
                    .map(|_| ()),
            }
        }
    }
}

fn check_figures(c: &mut Change<'_>, day_id: i64, unit_id: i64) -> Result<()> {
    let values: Vec<(String, i64)> = c
        .tx()
        .prepare_cached(
            "SELECT metric, value FROM figures WHERE volunteer_day_id = ?1 AND unit_id = ?2",
        )?
        .query_map([day_id, unit_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let value_of = |m: Metric| {
        values
            .iter()
            .find(|(code, _)| code == m.code())
            .map(|(_, v)| *v)
    };
    for m in Metric::ALL.into_iter().filter(|m| m.bounded_by().is_some()) {
        check_pair(m, value_of(m), value_of).map_err(StoreError::Figure)?;
    }
    Ok(())
}
