//! The initiative registry: reads for the list and the detail pane, and the user changes
//! (add, edit, delete, stage moves, replication), each one audited transaction.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use super::queries::{parse_date, parse_time, stamp};
use super::{Change, Invalid, Result, Store, Table};
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;
use crate::domain::initiative::{
    CommendationLevel, FieldRef, InitiativeKind, Proposal, Stage, Valid,
};

/// One initiative as the list needs it. Long texts stay in the store; the list keeps only
/// their folded form for filtering (see the app's registry).
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeRow {
    pub id: i64,
    pub unit_id: i64,
    pub kind: InitiativeKind,
    pub title: String,
    pub field_id: Option<i64>,
    pub registered_on: NaiveDate,
    pub stage: Stage,
    pub score: Option<f64>,
    pub commendation_level: Option<CommendationLevel>,
    pub commendation_for: Option<String>,
    pub replicated: bool,
    /// Summary text, for the filter; dropped by the registry after folding.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StageEntry {
    pub stage: Stage,
    pub changed_at: DateTime<FixedOffset>,
    pub note: String,
}

/// What the detail pane and the edit form show beyond the list row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitiativeDetail {
    pub summary: String,
    pub expected_effect: String,
    pub evaluation_notes: String,
    pub history: Vec<StageEntry>,
    /// Unit ids replicating it, with the date they started.
    pub replications: Vec<(i64, NaiveDate)>,
}

/// An initiative as it stood at some moment: the stage it had reached then and the units that
/// had taken it up by that day (see [`Store::initiatives_as_of`]).
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeAsOf {
    pub row: InitiativeRow,
    pub stage: Stage,
    pub replicated_by: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRow {
    pub id: i64,
    pub code: String,
    pub name: String,
}

const COLUMNS: &str = "id, unit_id, kind, title, field_id, registered_on, stage, score,
    commendation_level, commendation_for, replicated, summary";

fn row(r: &Row<'_>) -> rusqlite::Result<(InitiativeRow, String, String, String, Option<String>)> {
    Ok((
        InitiativeRow {
            id: r.get(0)?,
            unit_id: r.get(1)?,
            kind: InitiativeKind::Model,
            title: r.get(3)?,
            field_id: r.get(4)?,
            registered_on: NaiveDate::MIN,
            stage: Stage::Registered,
            score: r.get(7)?,
            commendation_level: None,
            commendation_for: r.get(9)?,
            replicated: r.get::<_, i64>(10)? != 0,
            summary: r.get(11)?,
        },
        r.get(2)?,
        r.get(5)?,
        r.get(6)?,
        r.get(8)?,
    ))
}

/// The coded columns of initiative `id` as the store holds them: kind, registration date,
/// stage and commendation level, each refused by name when it is not one this version knows.
pub(super) type Codes = (InitiativeKind, NaiveDate, Stage, Option<CommendationLevel>);

pub(super) fn parse_codes(
    id: i64,
    kind: &str,
    date: &str,
    stage: &str,
    level: Option<&str>,
) -> Result<Codes> {
    let what = format!("initiatives {id}");
    let kind = InitiativeKind::from_code(kind)
        .ok_or_else(|| Invalid::stored(format!("{what} kind"), kind))?;
    let date = parse_date(date, &what)?;
    let stage =
        Stage::from_code(stage).ok_or_else(|| Invalid::stored(format!("{what} stage"), stage))?;
    let level = match level {
        None => None,
        Some(code) => Some(
            CommendationLevel::from_code(code)
                .ok_or_else(|| Invalid::stored(format!("{what} commendation_level"), code))?,
        ),
    };
    Ok((kind, date, stage, level))
}

fn finish(raw: (InitiativeRow, String, String, String, Option<String>)) -> Result<InitiativeRow> {
    let (mut row, kind, date, stage, level) = raw;
    (
        row.kind,
        row.registered_on,
        row.stage,
        row.commendation_level,
    ) = parse_codes(row.id, &kind, &date, &stage, level.as_deref())?;
    Ok(row)
}

impl Store {
    /// How many initiatives stand at each stage, in stage order (stages with none left out):
    /// counted by SQLite, so the overview and the briefing need not read every initiative.
    pub fn initiative_stage_counts(&self) -> Result<Vec<(Stage, usize)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT stage, COUNT(*) FROM initiatives GROUP BY stage")?;
        let raw = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut counts = raw
            .into_iter()
            .map(|(code, n)| {
                let stage = Stage::from_code(&code)
                    .ok_or_else(|| Invalid::stored("initiatives.stage", code.as_str()))?;
                Ok((stage, usize::try_from(n).unwrap_or(0)))
            })
            .collect::<Result<Vec<_>>>()?;
        counts.sort_by_key(|(st, _)| st.index());
        Ok(counts)
    }

    /// The initiatives at `stage`, in id order.
    pub fn initiatives_at_stage(&self, stage: Stage) -> Result<Vec<InitiativeRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {COLUMNS} FROM initiatives WHERE stage = ?1 ORDER BY id"
        ))?;
        let raws = stmt
            .query_map([stage.code()], row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        raws.into_iter().map(finish).collect()
    }

    /// The initiatives registered by `now`, each at the last stage it reached by then and with
    /// the units replicating it since a day up to then, in id order: a report written with
    /// `--now` says what was known at that moment. An initiative with no stage history (an
    /// older store's) keeps the stage it has.
    pub fn initiatives_as_of(&self, now: DateTime<FixedOffset>) -> Result<Vec<InitiativeAsOf>> {
        let today = now
            .with_timezone(&crate::domain::time::local_offset())
            .date_naive();
        let mut history: std::collections::HashMap<i64, Vec<(DateTime<FixedOffset>, Stage)>> =
            std::collections::HashMap::new();
        {
            let mut stmt = self
                .conn()
                .prepare("SELECT initiative_id, stage, changed_at FROM initiative_stages")?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<std::result::Result<Vec<_>, _>>()?;
            for (id, stage, at) in rows {
                let what = format!("initiative_stages {id}");
                let stage = Stage::from_code(&stage)
                    .ok_or_else(|| Invalid::stored(what.clone(), stage.as_str()))?;
                history
                    .entry(id)
                    .or_default()
                    .push((parse_time(&at, &what)?, stage));
            }
        }
        let mut replicated: std::collections::HashMap<i64, Vec<i64>> =
            std::collections::HashMap::new();
        {
            let mut stmt = self.conn().prepare(
                "SELECT initiative_id, unit_id, since FROM initiative_replications ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<std::result::Result<Vec<_>, _>>()?;
            for (id, unit, since) in rows {
                if parse_date(&since, "initiative_replications.since")? <= today {
                    replicated.entry(id).or_default().push(unit);
                }
            }
        }
        let mut out = Vec::new();
        for row in self.initiatives()? {
            if row.registered_on > today {
                continue;
            }
            let stage = match history.get(&row.id) {
                None => row.stage,
                Some(changes) => changes
                    .iter()
                    .filter(|(at, _)| *at <= now)
                    .max_by_key(|(at, stage)| (*at, stage.index()))
                    .map_or(Stage::Registered, |(_, stage)| *stage),
            };
            out.push(InitiativeAsOf {
                replicated_by: replicated.remove(&row.id).unwrap_or_default(),
                stage,
                row,
            });
        }
        Ok(out)
    }

    /// Every initiative, in id order.
    pub fn initiatives(&self) -> Result<Vec<InitiativeRow>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {COLUMNS} FROM initiatives ORDER BY id"))?;
        let raws = stmt
            .query_map([], row)?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        raws.into_iter().map(finish).collect()
    }

    pub fn initiative(&self, id: i64) -> Result<Option<InitiativeRow>> {
        let raw = self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM initiatives WHERE id = ?1"),
                [id],
                row,
            )
            .optional()?;
        raw.map(finish).transpose()
    }

    pub fn initiative_detail(&self, id: i64) -> Result<InitiativeDetail> {
        let conn = self.conn();
        let texts: Option<(String, String, String)> = conn
            .query_row(
                "SELECT summary, expected_effect, evaluation_notes FROM initiatives WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((summary, expected_effect, evaluation_notes)) = texts else {
            return Ok(InitiativeDetail::default());
        };
        let mut stmt = conn.prepare_cached(
            "SELECT stage, changed_at, note FROM initiative_stages
             WHERE initiative_id = ?1 ORDER BY changed_at, id",
        )?;
        let raw: Vec<(String, String, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let what = format!("initiative_stages {id}");
        let history = raw
            .into_iter()
            .map(|(stage, at, note)| {
                Ok(StageEntry {
                    stage: Stage::from_code(&stage)
                        .ok_or_else(|| Invalid::stored(format!("{what} stage"), stage.as_str()))?,
                    changed_at: parse_time(&at, &what)?,
                    note,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT unit_id, since FROM initiative_replications WHERE initiative_id = ?1 ORDER BY since, id",
        )?;
        let raw: Vec<(i64, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let replications = raw
            .into_iter()
            .map(|(unit, since)| Ok((unit, parse_date(&since, &what)?)))
            .collect::<Result<Vec<_>>>()?;
        Ok(InitiativeDetail {
            summary,
            expected_effect,
            evaluation_notes,
            history,
            replications,
        })
    }

    pub fn fields(&self) -> Result<Vec<FieldRow>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, code, name FROM fields ORDER BY sort_order, id")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(FieldRow {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                })
            })?
            .collect::<std::result::Result<_, _>>()?;
        Ok(rows)
    }

    /// Adds a checked initiative, its first stage entry, and its field if it is new.
    pub fn add_initiative(
        &mut self,
        v: &Valid,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<i64> {
        self.change(now, summary, |c| {
            insert_initiative(c, v, Stage::Registered, None, "", now)
        })
    }

    pub fn update_initiative(
        &mut self,
        id: i64,
        v: &Valid,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            let field = field_id(c, &v.field)?;
            let mut values = initiative_values(v, field);
            values.push(("updated_at", Value::Text(stamp(now))));
            c.update(Table::Initiatives, id, &values)
        })
    }

    /// Deletes an initiative with its history and replications, each row audited so that
    /// undo brings all of it back.
    pub fn delete_initiative(
        &mut self,
        id: i64,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            for (table, sql) in [
                (
                    Table::InitiativeStages,
                    "SELECT id FROM initiative_stages WHERE initiative_id = ?1",
                ),
                (
                    Table::InitiativeReplications,
                    "SELECT id FROM initiative_replications WHERE initiative_id = ?1",
                ),
            ] {
                let ids: Vec<i64> = c
                    .tx()
                    .prepare(sql)?
                    .query_map([id], |r| r.get(0))?
                    .collect::<std::result::Result<_, _>>()?;
                for child in ids {
                    c.delete(table, child)?;
                }
            }
            c.delete(Table::Initiatives, id)
        })
    }

    /// Moves the initiative to `stage`, dated `now`. A proposal (level, and a person or None
    /// for the collective) is kept when the stage needs one and cleared when moving below it.
    pub fn set_stage(
        &mut self,
        id: i64,
        stage: Stage,
        proposal: Option<Proposal>,
        note: &str,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            let mut values = vec![
                ("stage", Value::Text(stage.code().into())),
                ("updated_at", Value::Text(stamp(now))),
            ];
            values.extend(proposal_values(stage, proposal.as_ref()));
            c.update(Table::Initiatives, id, &values)?;
            stage_entry(c, id, stage, note, now)
        })
    }

    /// Makes `units` the exact set of units replicating the initiative; the flag follows.
    pub fn set_replications(
        &mut self,
        id: i64,
        units: &[i64],
        today: NaiveDate,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            let current: Vec<(i64, i64)> = c
                .tx()
                .prepare(
                    "SELECT id, unit_id FROM initiative_replications WHERE initiative_id = ?1",
                )?
                .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<std::result::Result<_, _>>()?;
            for (row_id, unit) in &current {
                if !units.contains(unit) {
                    c.delete(Table::InitiativeReplications, *row_id)?;
                }
            }
            for unit in units {
                if !current.iter().any(|(_, u)| u == unit) {
                    c.insert(
                        Table::InitiativeReplications,
                        &[
                            ("initiative_id", Value::Integer(id)),
                            ("unit_id", Value::Integer(*unit)),
                            ("since", Value::Text(today.to_string())),
                        ],
                    )?;
                }
            }
            c.update(
                Table::Initiatives,
                id,
                &[
                    ("replicated", Value::Integer(i64::from(!units.is_empty()))),
                    ("updated_at", Value::Text(stamp(now))),
                ],
            )
        })
    }
}

pub(super) fn initiative_values(v: &Valid, field: Option<i64>) -> Vec<(&'static str, Value)> {
    vec![
        ("unit_id", Value::Integer(v.unit_id)),
        ("kind", Value::Text(v.kind.code().into())),
        ("title", Value::Text(nfc(&v.title))),
        ("field_id", field.map_or(Value::Null, Value::Integer)),
        ("summary", Value::Text(nfc(&v.summary))),
        ("expected_effect", Value::Text(nfc(&v.expected_effect))),
        ("registered_on", Value::Text(v.registered_on.to_string())),
        ("evaluation_notes", Value::Text(nfc(&v.evaluation_notes))),
        ("score", v.score.map_or(Value::Null, Value::Real)),
    ]
}

/// The id of the initiative's field, creating a new field inside the same change.
pub(super) fn field_id(c: &mut Change<'_>, field: &FieldRef) -> Result<Option<i64>> {
    match field {
        FieldRef::None => Ok(None),
        FieldRef::Existing(id) => Ok(Some(*id)),
        FieldRef::New(name) => {
            let name = nfc(name.trim());
            let existing: Option<i64> = c
                .tx()
                .query_row("SELECT id FROM fields WHERE name = ?1", [&name], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(id) = existing {
                return Ok(Some(id));
            }
            let next: i64 = c.tx().query_row(
                "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM fields",
                [],
                |r| r.get(0),
            )?;
            let code = format!("field-{next}");
            let id = c.insert(
                Table::Fields,
                &[
                    ("code", Value::Text(code)),
                    ("name", Value::Text(name)),
                    ("sort_order", Value::Integer(next)),
                ],
            )?;
            Ok(Some(id))
        }
    }
}

/// Inserts a checked initiative at `stage` (with its proposal when the stage needs one), its
/// field if new, and the stage entry dated `now` with `note`, inside a change.
pub(super) fn insert_initiative(
    c: &mut Change<'_>,
    v: &Valid,
    stage: Stage,
    proposal: Option<&Proposal>,
    note: &str,
    now: DateTime<FixedOffset>,
) -> Result<i64> {
    let field = field_id(c, &v.field)?;
    let mut values = initiative_values(v, field);
    values.extend([
        ("stage", Value::Text(stage.code().into())),
        ("replicated", Value::Integer(0)),
        ("created_at", Value::Text(stamp(now))),
        ("updated_at", Value::Text(stamp(now))),
    ]);
    values.extend(proposal_values(stage, proposal));
    let id = c.insert(Table::Initiatives, &values)?;
    stage_entry(c, id, stage, note, now)?;
    Ok(id)
}

/// The proposal columns for an initiative at `stage`: kept when the stage needs one,
/// cleared below it (as a stage move on tab 3 does).
pub(super) fn proposal_values(
    stage: Stage,
    proposal: Option<&Proposal>,
) -> Vec<(&'static str, Value)> {
    match (stage.needs_proposal(), proposal) {
        (true, Some((level, person))) => vec![
            ("commendation_level", Value::Text(level.code().into())),
            (
                "commendation_for",
                person
                    .as_deref()
                    .map_or(Value::Null, |p| Value::Text(nfc(p.trim()))),
            ),
        ],
        (true, None) => Vec::new(),
        (false, _) => vec![
            ("commendation_level", Value::Null),
            ("commendation_for", Value::Null),
        ],
    }
}

pub(super) fn stage_entry(
    c: &mut Change<'_>,
    id: i64,
    stage: Stage,
    note: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    c.insert(
        Table::InitiativeStages,
        &[
            ("initiative_id", Value::Integer(id)),
            ("stage", Value::Text(stage.code().into())),
            ("changed_at", Value::Text(stamp(now))),
            ("note", Value::Text(nfc(note))),
        ],
    )
    .map(|_| ())
}
