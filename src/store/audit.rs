//! User changes: one transaction each, every touched row recorded before and after, undoable.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde_json::{Map, Value as Json};

use super::photos::is_pool_name;
use super::queries::{parse_time, stamp};
use super::{Invalid, Result, Store, StoreError};
use crate::domain::change::{ChangeSummary, Summary, UndoneTo};

/// The tables a user change may touch. Names come from here, never from input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Units,
    Checks,
    Initiatives,
    InitiativeStages,
    InitiativeReplications,
    VolunteerDays,
    Registrations,
    Figures,
    Reports,
    Photos,
    Kpis,
    KpiMeasurements,
    AgendaItems,
    Fields,
    ReportNotes,
    // The campaign's own definition, so that applying a changed campaign file is undone
    // like any other change.
    Campaign,
    UnitKinds,
    Requirements,
    Tasks,
    Activities,
    DocumentHeader,
}

impl Table {
    const ALL: [Table; 21] = [
        Table::Units,
        Table::Checks,
        Table::Initiatives,
        Table::InitiativeStages,
        Table::InitiativeReplications,
        Table::VolunteerDays,
        Table::Registrations,
        Table::Figures,
        Table::Reports,
        Table::Photos,
        Table::Kpis,
        Table::KpiMeasurements,
        Table::AgendaItems,
        Table::Fields,
        Table::ReportNotes,
        Table::Campaign,
        Table::UnitKinds,
        Table::Requirements,
        Table::Tasks,
        Table::Activities,
        Table::DocumentHeader,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Units => "units",
            Table::Checks => "checks",
            Table::Initiatives => "initiatives",
            Table::InitiativeStages => "initiative_stages",
            Table::InitiativeReplications => "initiative_replications",
            Table::VolunteerDays => "volunteer_days",
            Table::Registrations => "registrations",
            Table::Figures => "figures",
            Table::Reports => "reports",
            Table::Photos => "photos",
            Table::Kpis => "kpis",
            Table::KpiMeasurements => "kpi_measurements",
            Table::AgendaItems => "agenda_items",
            Table::Fields => "fields",
            Table::ReportNotes => "report_notes",
            Table::Campaign => "campaign",
            Table::UnitKinds => "unit_kinds",
            Table::Requirements => "requirements",
            Table::Tasks => "tasks",
            Table::Activities => "activities",
            Table::DocumentHeader => "document_header",
        }
    }

    fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// One user change in progress. Dropping it without [`Store::change`] returning Ok rolls back.
pub struct Change<'a> {
    tx: Transaction<'a>,
    change_id: i64,
    /// The stamp's stored text, made once for every row the change logs.
    at: String,
    /// The summary's JSON, made once for every row the change logs.
    summary: String,
    /// Whether any row was logged: only a change that wrote something ends the redo.
    logged: bool,
}

impl Change<'_> {
    /// Says what the change did when that is known only inside the transaction (a step
    /// applied to the value the store holds). Must come before the first row is written.
    pub fn summarise(&mut self, summary: &ChangeSummary) -> Result<()> {
        self.summary = serde_json::to_string(summary).map_err(|e| {
            StoreError::Invalid(Invalid::Encode {
                place: "audit_log.summary_json",
                detail: e.to_string(),
            })
        })?;
        Ok(())
    }
}

/// What an undo put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// What the change did, for the message saying it was undone.
    pub summary: Summary,
    /// When the change was made.
    pub at: DateTime<FixedOffset>,
    pub tables: Vec<Table>,
    /// Every row put back, so callers can refresh exactly those.
    pub entities: Vec<(Table, i64)>,
    /// Where the value stands now, for the message; None for a change logged as words by an
    /// older build (its rows are not read for a meaning this build would have to guess).
    pub now: Option<UndoneTo>,
}

/// What a redo made again.
#[derive(Debug, Clone, PartialEq)]
pub struct Redone {
    /// What the change did, for the message saying it was made again.
    pub summary: Summary,
    /// When the change was first made.
    pub at: DateTime<FixedOffset>,
    pub tables: Vec<Table>,
    /// Every row written again, so callers can refresh exactly those.
    pub entities: Vec<(Table, i64)>,
}

/// What asking for a redo came to. Only `Done` wrote anything.
#[derive(Debug, Clone, PartialEq)]
pub enum Redo {
    Done(Redone),
    /// No change was undone since the last one made.
    Nothing,
    /// A photo the change attached is no longer in the store's photo folder (an older
    /// build's undo removed it, or a hand did): the redo would bring back a record without
    /// its picture. `original` is the name it was attached by.
    PhotoGone {
        original: String,
    },
    /// A row the change touched is no longer as the change found it (written outside the
    /// log since the undo, by hand or by another tool): writing the change over it would
    /// lose that write unseen.
    Changed,
}

/// One row a change logged, as undo and redo read it back.
struct Entry {
    table: Table,
    id: i64,
    /// The row before the change; None when the change made it.
    before: Option<Json>,
    /// The row after the change as logged, read only by a redo: an undo never needs it
    /// whole, and must not fail on it.
    after: Option<String>,
}

/// A logged change, its rows in the order they were written.
struct Logged {
    entries: Vec<Entry>,
    summary: Summary,
    at: DateTime<FixedOffset>,
}

/// One row of a change above the newest change in effect (see [`undone_on_top`]).
struct OnTop {
    change_id: i64,
    at: String,
    undone_at: String,
    /// The row after the change, for a photo only: its file is kept while it can be redone.
    photo: Option<String>,
}

impl Store {
    /// Runs `f` as one user change: `BEGIN IMMEDIATE`, audited row edits, `COMMIT`.
    /// When this returns Ok the change is durable (synchronous = FULL). `summary` is logged
    /// as data, to be worded in whatever language is on screen when it is shown.
    ///
    /// A change that writes anything ends what can be redone, as in any editor: the changes
    /// undone before it were undone from a state it has since built on. Their rows stay in
    /// the log (it is the record of what was done), with their `change_id` negated: below
    /// every live change, so neither undo nor redo ever reaches them, with no new column an
    /// older build of the same schema would not know. The photo files only they still named
    /// go then too.
    pub fn change<T>(
        &mut self,
        at: DateTime<FixedOffset>,
        summary: &ChangeSummary,
        f: impl FnOnce(&mut Change<'_>) -> Result<T>,
    ) -> Result<T> {
        if let Some(why) = self.read_only() {
            return Err(StoreError::ReadOnly(why));
        }
        let summary = serde_json::to_string(summary).map_err(|e| {
            StoreError::Invalid(Invalid::Encode {
                place: "audit_log.summary_json",
                detail: e.to_string(),
            })
        })?;
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let change_id: i64 = tx.query_row(
            "SELECT COALESCE(MAX(change_id), 0) + 1 FROM audit_log",
            [],
            |r| r.get(0),
        )?;
        let redoable = undone_on_top(&tx)?;
        // A block, so that the change (and its borrow of the store) is gone before the
        // photo folder is tidied.
        let (out, photos) = {
            let mut change = Change {
                tx,
                change_id,
                at: stamp(at),
                summary,
                logged: false,
            };
            let out = f(&mut change)?;
            let Change { tx, logged, .. } = change;
            let mut photos = Vec::new();
            // A change that wrote nothing (a value saved as it was) leaves the redo as it was.
            if logged && let Some(lowest) = redoable.iter().map(|r| r.change_id).min() {
                // Every change from `lowest` up to this one is undone (they are what was on
                // top), so the range is exactly them.
                tx.execute(
                    "UPDATE audit_log SET change_id = -change_id
                     WHERE change_id >= ?1 AND change_id < ?2",
                    params![lowest, change_id],
                )?;
                photos = redoable
                    .iter()
                    .filter_map(|r| r.photo.as_deref())
                    .filter_map(photo_name)
                    .collect();
            }
            tx.commit()?;
            (out, photos)
        };
        // Best effort: a file left behind takes space but harms nothing.
        if !photos.is_empty() {
            let _ = self.drop_unreferenced_photos(&photos);
        }
        Ok(out)
    }

    /// Undoes the most recent change not yet undone, in one transaction. None when there is
    /// nothing left to undo. The photo files of a quick report undone stay in the store's
    /// folder: a redo then brings the report back whole, rather than having to refuse it or
    /// bring it back without the pictures it was counted by. They go when a new change ends
    /// the redo (see [`Store::change`]).
    pub fn undo_last(&mut self, at: DateTime<FixedOffset>) -> Result<Option<Undone>> {
        if let Some(why) = self.read_only() {
            return Err(StoreError::ReadOnly(why));
        }
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(change_id) = tx
            .query_row(
                "SELECT MAX(change_id) FROM audit_log WHERE undone_at IS NULL",
                [],
                |r| r.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten()
        else {
            return Ok(None);
        };
        let logged = logged(&tx, change_id)?;
        // Last written, first put back: a row the change touched twice ends as it began.
        for e in logged.entries.iter().rev() {
            restore(&tx, e.table, e.id, e.before.as_ref())?;
        }
        tx.execute(
            "UPDATE audit_log SET undone_at = ?1 WHERE change_id = ?2",
            params![stamp(at), change_id],
        )?;
        tx.commit()?;
        let now = undone_to(&logged.summary, &logged.entries);
        let (tables, entities) = touched(logged.entries.iter().rev());
        Ok(Some(Undone {
            summary: logged.summary,
            at: logged.at,
            tables,
            entities,
            now,
        }))
    }

    /// Makes again the change the last undo took back, in one transaction: each row as the
    /// change left it, in the order the change wrote them. Undone changes come back in the
    /// reverse order of their undos, until a new change is made (see [`Store::change`]).
    ///
    /// Nothing is written unless every row is still as the change found it and every photo
    /// it attached is still in the photo folder. The undo keeps those files for this; one
    /// gone all the same (removed by an older build's undo or by hand) refuses the redo
    /// rather than bring back a report whose picture cannot be shown or backed up.
    pub fn redo_last(&mut self) -> Result<Redo> {
        if let Some(why) = self.read_only() {
            return Err(StoreError::ReadOnly(why));
        }
        let pool = self.photo_pool();
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(change_id) = redo_candidate(&undone_on_top(&tx)?)? else {
            return Ok(Redo::Nothing);
        };
        let logged = logged(&tx, change_id)?;
        // Dropping `tx` on a refusal below rolls back whatever was written before it.
        for e in &logged.entries {
            if !still_as(&tx, e.table, e.id, e.before.as_ref())? {
                return Ok(Redo::Changed);
            }
            let after = e
                .after
                .as_deref()
                .map(serde_json::from_str::<Json>)
                .transpose()
                .map_err(|_| {
                    Invalid::stored(
                        "audit_log.after_json",
                        format!("{} {}", e.table.name(), e.id),
                    )
                })?;
            if e.table == Table::Photos
                && let Some(row) = &after
                && let Some(original) = photo_gone(&pool, row)
            {
                return Ok(Redo::PhotoGone { original });
            }
            restore(&tx, e.table, e.id, after.as_ref())?;
        }
        tx.execute(
            "UPDATE audit_log SET undone_at = NULL WHERE change_id = ?1",
            [change_id],
        )?;
        tx.commit()?;
        let (tables, entities) = touched(logged.entries.iter());
        Ok(Redo::Done(Redone {
            summary: logged.summary,
            at: logged.at,
            tables,
            entities,
        }))
    }

    /// The summary of the change `u` would undo, for the footer and the confirmation.
    /// When the last change still in effect was made (None for a store never changed).
    pub fn last_change_at(&self) -> Result<Option<DateTime<FixedOffset>>> {
        let at: Option<String> = self.conn().query_row(
            "SELECT MAX(at) FROM audit_log WHERE undone_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        at.map(|a| super::queries::parse_time(&a, "audit_log.at"))
            .transpose()
    }

    pub fn last_change(&self) -> Result<Option<Summary>> {
        let row: Option<(String, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT summary, summary_json FROM audit_log WHERE undone_at IS NULL
                 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(text, data)| summary(text, data)))
    }
}

impl Change<'_> {
    pub fn insert(&mut self, table: Table, values: &[(&str, Value)]) -> Result<i64> {
        let cols: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
        let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            table.name(),
            cols.join(", "),
            marks.join(", ")
        );
        self.tx.execute(
            &sql,
            rusqlite::params_from_iter(values.iter().map(|(_, v)| v)),
        )?;
        let id = self.tx.last_insert_rowid();
        let after = row_json(&self.tx, table, id)?;
        self.log(table, id, "insert", None, after.as_ref())?;
        Ok(id)
    }

    pub fn update(&mut self, table: Table, id: i64, values: &[(&str, Value)]) -> Result<()> {
        let before = row_json(&self.tx, table, id)?.ok_or_else(|| {
            StoreError::Invalid(Invalid::RowGone {
                table: table.name(),
                id,
            })
        })?;
        let sets: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
            .collect();
        let sql = format!(
            "UPDATE {} SET {} WHERE id = ?{}",
            table.name(),
            sets.join(", "),
            values.len() + 1
        );
        let mut params: Vec<&Value> = values.iter().map(|(_, v)| v).collect();
        let id_value = Value::Integer(id);
        params.push(&id_value);
        self.tx.execute(&sql, rusqlite::params_from_iter(params))?;
        let after = row_json(&self.tx, table, id)?;
        if after.as_ref() != Some(&before) {
            self.log(table, id, "update", Some(&before), after.as_ref())?;
        }
        Ok(())
    }

    pub fn delete(&mut self, table: Table, id: i64) -> Result<()> {
        let before = row_json(&self.tx, table, id)?;
        self.tx
            .execute(&format!("DELETE FROM {} WHERE id = ?1", table.name()), [id])?;
        if before.is_some() {
            self.log(table, id, "delete", before.as_ref(), None)?;
        }
        Ok(())
    }

    /// Read access inside the change, for lookups the change depends on.
    pub(crate) fn tx(&self) -> &Transaction<'_> {
        &self.tx
    }

    fn log(
        &mut self,
        table: Table,
        id: i64,
        action: &str,
        before: Option<&Json>,
        after: Option<&Json>,
    ) -> Result<()> {
        // `summary` (NOT NULL) is left '' for new rows: it holds the words of changes logged
        // before the log kept data, and words for a new change would be in one language only,
        // the very thing `summary_json` is there to avoid. No older build reads these rows: a
        // store with this column is too new for it (StoreError::SchemaTooNew).
        self.tx.execute(
            "INSERT INTO audit_log (change_id, at, entity, entity_id, action, before_json, after_json,
                summary, summary_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8)",
            params![
                self.change_id,
                self.at,
                table.name(),
                id,
                action,
                before.map(Json::to_string),
                after.map(Json::to_string),
                self.summary
            ],
        )?;
        self.logged = true;
        Ok(())
    }
}

/// A logged change's summary: its data when it has some, else the words it was logged with.
/// Data this build cannot read (a kind of change from a newer build) falls back to those
/// words too: undo must not fail over how its message is worded.
fn summary(text: String, data: Option<String>) -> Summary {
    data.and_then(|json| serde_json::from_str(&json).ok())
        .map_or(Summary::Text(text), Summary::Data)
}

/// The rows change `change_id` logged, in the order it wrote them, with what it did.
fn logged(tx: &Transaction<'_>, change_id: i64) -> Result<Logged> {
    type Row = (
        String,
        i64,
        Option<String>,
        Option<String>,
        String,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = {
        let mut stmt = tx.prepare(
            "SELECT entity, entity_id, before_json, after_json, summary, summary_json, at
             FROM audit_log WHERE change_id = ?1 ORDER BY id",
        )?;
        stmt.query_map([change_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?
        .collect::<std::result::Result<_, _>>()?
    };
    let mut out = Logged {
        entries: Vec::with_capacity(rows.len()),
        summary: Summary::Text(String::new()),
        at: DateTime::default(),
    };
    for (i, (entity, id, before, after, text, data, at)) in rows.into_iter().enumerate() {
        let table = Table::from_name(&entity)
            .ok_or_else(|| Invalid::stored("audit_log.entity", entity.as_str()))?;
        let before = before
            .map(|text| serde_json::from_str::<Json>(&text))
            .transpose()
            .map_err(|_| Invalid::stored("audit_log.before_json", format!("{entity} {id}")))?;
        // Every row of a change is logged with the same summary and time.
        if i == 0 {
            out.summary = summary(text, data);
            out.at = parse_time(&at, "audit_log.at")?;
        }
        out.entries.push(Entry {
            table,
            id,
            before,
            after,
        });
    }
    Ok(out)
}

/// The tables and rows `entries` touched, in their order, each table once.
fn touched<'a>(entries: impl Iterator<Item = &'a Entry>) -> (Vec<Table>, Vec<(Table, i64)>) {
    let mut tables = Vec::new();
    let mut rows = Vec::new();
    for e in entries {
        if !tables.contains(&e.table) {
            tables.push(e.table);
        }
        rows.push((e.table, e.id));
    }
    (tables, rows)
}

/// The rows of the changes above the newest change in effect, newest change first: all of
/// them undone, and what a redo can bring back. Read down from the newest change and stopped
/// at the first in effect, so with nothing undone it costs one row of the index.
fn undone_on_top(tx: &Transaction<'_>) -> Result<Vec<OnTop>> {
    let mut stmt = tx.prepare(
        "SELECT change_id, at, undone_at, CASE WHEN entity = 'photos' THEN after_json END
         FROM audit_log WHERE change_id > 0 ORDER BY change_id DESC",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let Some(undone_at) = r.get::<_, Option<String>>(2)? else {
            break;
        };
        out.push(OnTop {
            change_id: r.get(0)?,
            at: r.get(1)?,
            undone_at,
            photo: r.get(3)?,
        });
    }
    Ok(out)
}

/// The change a redo makes again: the lowest of those on top, the one undone last. None when
/// one above it was made after its undo: only a build without redo leaves that (this one ends
/// the redo with every change), and which of them may still be redone can no longer be told,
/// so none is.
fn redo_candidate(on_top: &[OnTop]) -> Result<Option<i64>> {
    let Some(lowest) = on_top.iter().min_by_key(|r| r.change_id) else {
        return Ok(None);
    };
    let undone_at = parse_time(&lowest.undone_at, "audit_log.undone_at")?;
    for r in on_top.iter().filter(|r| r.change_id > lowest.change_id) {
        if parse_time(&r.at, "audit_log.at")? > undone_at {
            return Ok(None);
        }
    }
    Ok(Some(lowest.change_id))
}

/// Whether the row is as `image` shows it (None: there is no such row). Only the image's
/// columns count: a column a later schema added is not the change's to compare.
fn still_as(tx: &Transaction<'_>, table: Table, id: i64, image: Option<&Json>) -> Result<bool> {
    Ok(match (row_json(tx, table, id)?, image) {
        (None, None) => true,
        (Some(now), Some(Json::Object(want))) => want.iter().all(|(k, v)| now.get(k) == Some(v)),
        _ => false,
    })
}

/// The file name in the store's photo folder of a logged photo row, when it is one.
fn photo_name(row: &str) -> Option<String> {
    let row: Json = serde_json::from_str(row).ok()?;
    let name = row.get("path")?.as_str()?;
    is_pool_name(name).then(|| name.to_string())
}

/// The name a photo was attached by, when its file is not in `pool`. A photo of a store
/// older than its own folder has no name there: it counts as gone.
fn photo_gone(pool: &Path, row: &Json) -> Option<String> {
    let name = row.get("path").and_then(Json::as_str).unwrap_or_default();
    let there =
        is_pool_name(name) && std::fs::symlink_metadata(pool.join(name)).is_ok_and(|m| m.is_file());
    let original = row
        .get("original_name")
        .and_then(Json::as_str)
        .unwrap_or(name);
    (!there).then(|| original.to_string())
}

/// Where the value stands once `entries` are put back as they were before the change.
fn undone_to(summary: &Summary, entries: &[Entry]) -> Option<UndoneTo> {
    use ChangeSummary as C;
    let Summary::Data(change) = summary else {
        return None;
    };
    // The first row of `table` the change touched, as it was before: Some(None) when the
    // change made it.
    let before = |table: Table| {
        entries
            .iter()
            .find(|e| e.table == table)
            .map(|e| e.before.as_ref())
    };
    let added_or_edited = |table: Table| match before(table) {
        Some(None) => UndoneTo::Removed,
        _ => UndoneTo::AsBefore,
    };
    let text = |row: &Json, column: &str| {
        row.get(column)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Some(match change {
        // The row says it, whatever the summary says: a tick is a `checks` row.
        C::Ticked { .. } | C::Unticked { .. } => match before(Table::Checks) {
            Some(Some(_)) => UndoneTo::Ticked,
            Some(None) => UndoneTo::Unticked,
            None if matches!(change, C::Ticked { .. }) => UndoneTo::Unticked,
            None => UndoneTo::Ticked,
        },
        C::Contact { .. } => {
            let row = before(Table::Units).flatten()?;
            let (person, phone) = (text(row, "contact_person"), text(row, "phone"));
            if person.is_empty() && phone.is_empty() {
                UndoneTo::Empty
            } else {
                UndoneTo::Contact { person, phone }
            }
        }
        C::AddInitiative { .. } | C::Round { .. } | C::AddAgenda { .. } => UndoneTo::Removed,
        C::DeleteInitiative { .. }
        | C::DeleteRegistration { .. }
        | C::DeleteAgenda { .. }
        | C::DeleteMeasurement { .. } => UndoneTo::Restored,
        C::EditInitiative { .. }
        | C::EditAgenda { .. }
        | C::Import { .. }
        | C::CampaignApplied { .. } => UndoneTo::AsBefore,
        C::Stage { from, .. } => UndoneTo::Stage(*from),
        C::Replications { units, .. } => {
            let rows = || {
                entries
                    .iter()
                    .filter(|e| e.table == Table::InitiativeReplications)
            };
            let added = rows()
                .filter(|e| e.before.is_none() && e.after.is_some())
                .count();
            let removed = rows()
                .filter(|e| e.before.is_some() && e.after.is_none())
                .count();
            UndoneTo::Units((units + removed).saturating_sub(added))
        }
        C::Figure { .. } => match before(Table::Figures)? {
            None => UndoneTo::Empty,
            Some(row) => UndoneTo::Number(row.get("value")?.as_i64()?),
        },
        C::Registration { .. } => added_or_edited(Table::Registrations),
        C::Report { .. } => added_or_edited(Table::Reports),
        C::Measurement { .. } => added_or_edited(Table::KpiMeasurements),
        C::Assessment { .. } => added_or_edited(Table::ReportNotes),
        C::Target { .. } => match before(Table::Kpis).flatten()?.get("target") {
            Some(Json::Number(n)) => UndoneTo::Percent(n.as_f64()?),
            _ => UndoneTo::Empty,
        },
    })
}

/// The whole row as a JSON object, column by column.
fn row_json(tx: &Transaction<'_>, table: Table, id: i64) -> Result<Option<Json>> {
    let mut stmt = tx.prepare(&format!("SELECT * FROM {} WHERE id = ?1", table.name()))?;
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let row = stmt
        .query_row([id], |r| {
            let mut obj = Map::new();
            for (i, name) in names.iter().enumerate() {
                let v = match r.get_ref(i)? {
                    ValueRef::Null => Json::Null,
                    ValueRef::Integer(n) => Json::from(n),
                    ValueRef::Real(x) => serde_json::Number::from_f64(x)
                        .map(Json::Number)
                        .unwrap_or(Json::Null),
                    ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => Json::Null,
                };
                obj.insert(name.clone(), v);
            }
            Ok(Json::Object(obj))
        })
        .optional()?;
    Ok(row)
}

/// Puts a row back as it was: deleted when it did not exist, else updated or re-inserted.
fn restore(tx: &Transaction<'_>, table: Table, id: i64, before: Option<&Json>) -> Result<()> {
    let Some(before) = before else {
        tx.execute(&format!("DELETE FROM {} WHERE id = ?1", table.name()), [id])?;
        return Ok(());
    };
    let obj = before
        .as_object()
        .ok_or_else(|| Invalid::stored("audit_log.before_json", table.name()))?;
    let known = columns(tx, table)?;
    let mut cols = Vec::new();
    let mut values = Vec::new();
    for (name, v) in obj {
        // Column names come from our own log, but only real columns reach the SQL text.
        if !known.iter().any(|k| k == name) {
            return Err(Invalid::stored(
                format!("audit_log.before_json {}", table.name()),
                name.as_str(),
            ));
        }
        cols.push(name.as_str());
        values.push(json_to_sql(v));
    }
    let exists: bool = tx
        .query_row(
            &format!("SELECT 1 FROM {} WHERE id = ?1", table.name()),
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    let sql = if exists {
        let sets: Vec<String> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ?{}", i + 1))
            .collect();
        values.push(Value::Integer(id));
        format!(
            "UPDATE {} SET {} WHERE id = ?{}",
            table.name(),
            sets.join(", "),
            values.len()
        )
    } else {
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            table.name(),
            cols.join(", "),
            marks.join(", ")
        )
    };
    tx.execute(&sql, rusqlite::params_from_iter(values))?;
    Ok(())
}

fn columns(tx: &Transaction<'_>, table: Table) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(&format!("PRAGMA table_info({})", table.name()))?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(1))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(names)
}

fn json_to_sql(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}
