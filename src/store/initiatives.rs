//! The initiative registry: reads for the list and the detail pane, and the user changes
//! (add, edit, delete, stage moves, replication), each one audited transaction.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use super::queries::{parse_date, parse_time, stamp};
use super::{Change, Invalid, Result, Store, StoreError, Table};
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

/// The stage initiative `id` had reached by the moment `history` was read for: its last
/// change up to then, Registered before its first, and the stored stage for an initiative
/// with no history (an older store's).
fn stage_at(history: &StageHistory, id: i64, stored: Stage) -> Stage {
    match history.get(&id) {
        None => stored,
        Some(None) => Stage::Registered,
        Some(Some((_, stage))) => *stage,
    }
}

/// The initiatives as they stood at some moment, as the briefing and the Word report need
/// them (see [`Store::initiatives_at`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitiativesAt {
    /// How many registered by then stood at each stage, in [`Stage::ALL`] order.
    pub at_stage: [usize; Stage::ALL.len()],
    /// Those proposed for commendation, commended or replicated by then, in id order.
    pub notable: Vec<InitiativeAsOf>,
}

impl InitiativesAt {
    pub fn count(&self, stage: Stage) -> usize {
        self.at_stage[stage.index()]
    }

    pub fn total(&self) -> usize {
        self.at_stage.iter().sum()
    }
}

/// By initiative id, its last stage change up to some moment (None: none by then).
type StageHistory = std::collections::HashMap<i64, Option<(DateTime<FixedOffset>, Stage)>>;

/// An initiative with every column the store holds, as it stood at some moment (what the
/// export writes; see [`Store::each_initiative_as_of`]).
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeRecord {
    pub row: InitiativeRow,
    /// The stage it had reached by then.
    pub stage: Stage,
    pub expected_effect: String,
    pub evaluation_notes: String,
    /// The units replicating it since a day up to then, with that day.
    pub replications: Vec<(i64, NaiveDate)>,
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
        let mut out = Vec::new();
        self.each_initiative_as_of(now, |r| {
            out.push(InitiativeAsOf {
                row: r.row,
                stage: r.stage,
                replicated_by: r.replications.into_iter().map(|(unit, _)| unit).collect(),
            });
            Ok::<(), StoreError>(())
        })?;
        Ok(out)
    }

    /// As [`Store::initiatives_as_of`], one initiative at a time and with every column the
    /// store holds, handed to `f` as it is read: the export writes 100,000 of them without
    /// holding them. Stops at the first error `f` returns.
    pub fn each_initiative_as_of<E: From<StoreError>>(
        &self,
        now: DateTime<FixedOffset>,
        mut f: impl FnMut(InitiativeRecord) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let today = now
            .with_timezone(&crate::domain::time::local_offset())
            .date_naive();
        let known = self.registered_by(today).map_err(E::from)?;
        let history = self.stage_history(now, today, &known).map_err(E::from)?;
        let mut replicated = self.replications_by(today).map_err(E::from)?;
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT {COLUMNS}, expected_effect, evaluation_notes FROM initiatives ORDER BY id"
            ))
            .map_err(|e| E::from(StoreError::from(e)))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((row(r)?, r.get::<_, String>(12)?, r.get::<_, String>(13)?))
            })
            .map_err(|e| E::from(StoreError::from(e)))?;
        for raw in rows {
            let (raw, expected_effect, evaluation_notes) =
                raw.map_err(|e| E::from(StoreError::from(e)))?;
            let row = finish(raw).map_err(E::from)?;
            if row.registered_on > today {
                continue;
            }
            let stage = stage_at(&history, row.id, row.stage);
            f(InitiativeRecord {
                replications: replicated.remove(&row.id).unwrap_or_default(),
                stage,
                expected_effect,
                evaluation_notes,
                row,
            })?;
        }
        Ok(())
    }

    /// The initiatives as they stood at `now`, as a report needs them: how many stood at each
    /// stage, and in full only those proposed, commended or replicated by then. Reading every
    /// initiative's texts for that would cost a briefing most of its time on a large store.
    pub fn initiatives_at(&self, now: DateTime<FixedOffset>) -> Result<InitiativesAt> {
        let today = now
            .with_timezone(&crate::domain::time::local_offset())
            .date_naive();
        let known = self.registered_by(today)?;
        let history = self.stage_history(now, today, &known)?;
        let mut replicated = self.replications_by(today)?;
        let mut at = InitiativesAt::default();
        let mut notable: Vec<(i64, Stage)> = Vec::new();
        let mut stored = self
            .conn()
            .prepare_cached("SELECT stage FROM initiatives WHERE id = ?1")?;
        for id in known {
            let stage = match history.get(&id) {
                Some(_) => stage_at(&history, id, Stage::Registered),
                // Only an older store's initiative has no history: its stage is as stored.
                None => {
                    let code: String = stored.query_row([id], |r| r.get(0))?;
                    Stage::from_code(&code)
                        .ok_or_else(|| Invalid::stored(format!("initiatives {id} stage"), code))?
                }
            };
            at.at_stage[stage.index()] += 1;
            if stage.needs_proposal() || replicated.contains_key(&id) {
                notable.push((id, stage));
            }
        }
        let mut one = self
            .conn()
            .prepare_cached(&format!("SELECT {COLUMNS} FROM initiatives WHERE id = ?1"))?;
        for (id, stage) in notable {
            let row = finish(one.query_row([id], row)?)?;
            let replicated_by = replicated
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|(unit, _)| unit)
                .collect();
            at.notable.push(InitiativeAsOf {
                row,
                stage,
                replicated_by,
            });
        }
        Ok(at)
    }

    /// The ids of the initiatives registered by `today`, in ascending order: read from the
    /// index on the registration date alone (ISO text, so compared as text), not from the
    /// initiatives' rows with their long texts.
    fn registered_by(&self, today: NaiveDate) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id FROM initiatives WHERE registered_on <= ?1")?;
        let mut ids = stmt
            .query_map([today.to_string()], |r| r.get::<_, i64>(0))?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        ids.sort_unstable();
        Ok(ids)
    }

    /// For each initiative of `known` (ids in ascending order) with a stage history, the last change
    /// up to `now` (the later stage of two at the same moment; None when every change came
    /// later). Read without copying a string per row: a large store has a quarter of a
    /// million changes, and a briefing reads them all.
    fn stage_history(
        &self,
        now: DateTime<FixedOffset>,
        today: NaiveDate,
        known: &[i64],
    ) -> Result<StageHistory> {
        let mut history = StageHistory::new();
        // Early in a campaign most initiatives are registered later: SQLite leaves their
        // changes out, seeking the few known ones. Late in it, one pass over the table in its
        // own order is cheaper than a seek per initiative.
        let total: i64 = self
            .conn()
            .query_row("SELECT COUNT(*) FROM initiatives", [], |r| r.get(0))?;
        let few = i64::try_from(known.len())
            .unwrap_or(i64::MAX)
            .saturating_mul(3)
            < total;
        let mut stmt = self.conn().prepare(if few {
            "SELECT initiative_id, stage, changed_at FROM initiative_stages
             WHERE initiative_id IN (SELECT id FROM initiatives WHERE registered_on <= ?1)"
        } else {
            "SELECT initiative_id, stage, changed_at FROM initiative_stages WHERE ?1 = ?1"
        })?;
        let mut rows = stmt.query([today.to_string()])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if known.binary_search(&id).is_err() {
                continue;
            }
            let code = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let stage = Stage::from_code(code)
                .ok_or_else(|| Invalid::stored(format!("initiative_stages {id}"), code))?;
            let text = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
            let at = parse_time(text, "initiative_stages.changed_at")?;
            let best = history.entry(id).or_default();
            if at <= now && best.is_none_or(|(b, s)| (at, stage.index()) > (b, s.index())) {
                *best = Some((at, stage));
            }
        }
        Ok(history)
    }

    /// The units replicating each initiative since a day up to `today`, with that day, in
    /// the order they were recorded.
    fn replications_by(
        &self,
        today: NaiveDate,
    ) -> Result<std::collections::HashMap<i64, Vec<(i64, NaiveDate)>>> {
        let mut replicated: std::collections::HashMap<i64, Vec<(i64, NaiveDate)>> =
            std::collections::HashMap::new();
        let mut stmt = self.conn().prepare(
            "SELECT initiative_id, unit_id, since FROM initiative_replications ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for raw in rows {
            let (id, unit, since) = raw?;
            let since = parse_date(&since, "initiative_replications.since")?;
            if since <= today {
                replicated.entry(id).or_default().push((unit, since));
            }
        }
        Ok(replicated)
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
