//! Applying a campaign file to a store that already holds the campaign: every difference
//! `campaign diff` shows, written as one audited change (so one undo takes it all back), or
//! nothing at all. Something the file leaves out is deleted only when no record hangs on
//! it; a unit with records may be archived instead (it leaves every list and denominator
//! and keeps its history), anything else with records stops the whole change.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::{Invalid, Result, Store, StoreError, Table};
use crate::domain::campaign::CampaignDef;
use crate::domain::campaign_diff::{self, Held, Record, Section};
use crate::domain::change::ChangeSummary;

/// What applying a campaign file came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// The file says what the store holds: nothing was written.
    Nothing,
    /// Written and committed as one change.
    Done {
        changes: Vec<campaign_diff::Change>,
        /// The units archived rather than deleted, by code.
        archived: Vec<String>,
    },
    /// Nothing was written: these things the file leaves out have records. `archivable`
    /// says whether all of them are units, which `archive` would have kept as archived.
    Refused { held: Vec<Held>, archivable: bool },
    /// The file is another campaign (its code differs): nothing was written.
    OtherCampaign { store: String },
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn int(n: i64) -> Value {
    Value::Integer(n)
}

fn opt_text(s: Option<String>) -> Value {
    s.map(Value::Text).unwrap_or(Value::Null)
}

fn json(list: &[String], place: &'static str) -> Result<Value> {
    serde_json::to_string(list).map(Value::Text).map_err(|e| {
        StoreError::Invalid(Invalid::Encode {
            place,
            detail: e.to_string(),
        })
    })
}

/// `code → id` for every row of a table with a code (archived units included).
fn ids(conn: &Connection, table: Table) -> Result<HashMap<String, i64>> {
    // The table name comes from `Table`, never from input.
    let mut stmt = conn.prepare(&format!("SELECT code, id FROM {}", table.name()))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<std::result::Result<HashMap<_, _>, _>>()?;
    Ok(rows)
}

fn count(conn: &Connection, sql: &str, id: i64) -> Result<usize> {
    let n: i64 = conn.query_row(sql, [id], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The records hanging on one row, by the queries that count each kind of them.
fn records(conn: &Connection, id: i64, queries: &[(Record, &str)]) -> Result<Vec<(Record, usize)>> {
    let mut out = Vec::new();
    for (record, sql) in queries {
        let n = count(conn, sql, id)?;
        if n > 0 {
            out.push((*record, n));
        }
    }
    Ok(out)
}

const UNIT_RECORDS: &[(Record, &str)] = &[
    (
        Record::Checks,
        "SELECT COUNT(*) FROM checks WHERE unit_id = ?1",
    ),
    (
        Record::Initiatives,
        "SELECT COUNT(*) FROM initiatives WHERE unit_id = ?1",
    ),
    (
        Record::Replications,
        "SELECT COUNT(*) FROM initiative_replications WHERE unit_id = ?1",
    ),
    (
        Record::Registrations,
        "SELECT COUNT(*) FROM registrations WHERE unit_id = ?1",
    ),
    (
        Record::Figures,
        "SELECT COUNT(*) FROM figures WHERE unit_id = ?1",
    ),
    (
        Record::Reports,
        "SELECT COUNT(*) FROM reports WHERE unit_id = ?1",
    ),
    (
        Record::Measurements,
        "SELECT COUNT(*) FROM kpi_measurements WHERE unit_id = ?1",
    ),
];

const DAY_RECORDS: &[(Record, &str)] = &[
    (
        Record::Registrations,
        "SELECT COUNT(*) FROM registrations WHERE volunteer_day_id = ?1",
    ),
    (
        Record::Figures,
        "SELECT COUNT(*) FROM figures WHERE volunteer_day_id = ?1",
    ),
    (
        Record::Reports,
        "SELECT COUNT(*) FROM reports WHERE volunteer_day_id = ?1",
    ),
];

const REQUIREMENT_RECORDS: &[(Record, &str)] = &[(
    Record::Checks,
    "SELECT COUNT(*) FROM checks WHERE requirement_id = ?1",
)];

const KPI_RECORDS: &[(Record, &str)] = &[(
    Record::Measurements,
    "SELECT COUNT(*) FROM kpi_measurements WHERE kpi_id = ?1",
)];

const FIELD_RECORDS: &[(Record, &str)] = &[(
    Record::Initiatives,
    "SELECT COUNT(*) FROM initiatives WHERE field_id = ?1",
)];

/// Registrations naming the activity, found in their JSON list of codes.
const ACTIVITY_RECORDS: &[(Record, &str)] = &[(
    Record::Registrations,
    "SELECT COUNT(*) FROM registrations r, json_each(r.activities) a
     WHERE a.value = (SELECT code FROM activities WHERE id = ?1)",
)];

/// Everything in `held` that `file` leaves out and that has records, in the file's order.
fn holding(conn: &Connection, held: &CampaignDef, file: &CampaignDef) -> Result<Vec<Held>> {
    let mut out = Vec::new();
    let mut look = |section: Section,
                    code: &str,
                    name: String,
                    map: &HashMap<String, i64>,
                    queries: &[(Record, &str)]|
     -> Result<()> {
        if let Some(&id) = map.get(code) {
            let records = records(conn, id, queries)?;
            if !records.is_empty() {
                out.push(Held {
                    section,
                    code: code.to_string(),
                    name,
                    records,
                });
            }
        }
        Ok(())
    };
    let units = ids(conn, Table::Units)?;
    for u in &held.units {
        if !file.units.iter().any(|f| f.code == u.code) {
            let name = format!("{} ({})", u.code, u.name);
            look(Section::Unit, &u.code, name, &units, UNIT_RECORDS)?;
        }
    }
    let days = ids(conn, Table::VolunteerDays)?;
    for d in &held.volunteer_days {
        if !file.volunteer_days.iter().any(|f| f.code == d.code) {
            look(Section::Round, &d.code, d.code.clone(), &days, DAY_RECORDS)?;
        }
    }
    let requirements = ids(conn, Table::Requirements)?;
    for r in &held.requirements {
        if !file.requirements.iter().any(|f| f.code == r.code) {
            look(
                Section::Requirement,
                &r.code,
                r.code.clone(),
                &requirements,
                REQUIREMENT_RECORDS,
            )?;
        }
    }
    let kpis = ids(conn, Table::Kpis)?;
    for k in &held.kpis {
        if !file.kpis.iter().any(|f| f.code == k.code) {
            look(Section::Kpi, &k.code, k.code.clone(), &kpis, KPI_RECORDS)?;
        }
    }
    for (section, table, held, file, queries) in [
        (
            Section::Field,
            Table::Fields,
            &held.fields,
            &file.fields,
            FIELD_RECORDS,
        ),
        (
            Section::Activity,
            Table::Activities,
            &held.activities,
            &file.activities,
            ACTIVITY_RECORDS,
        ),
    ] {
        let map = ids(conn, table)?;
        for n in held {
            if !file.iter().any(|f| f.code == n.code) {
                look(section, &n.code, n.code.clone(), &map, queries)?;
            }
        }
    }
    // A kind can go only when no unit stays in it: units the file names take the file's
    // kind, those leaving without records are deleted, and the others (archived before,
    // or archived now) keep theirs.
    let named: Vec<&str> = file.units.iter().map(|u| u.code.as_str()).collect();
    let archived_before: Vec<(String, String)> = {
        let mut stmt = conn.prepare("SELECT code, kind FROM units WHERE active = 0")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?
    };
    let kinds = ids(conn, Table::UnitKinds)?;
    let mut kinds_held = Vec::new();
    for k in held.kinds.iter() {
        if file.kinds.contains(&k.kind) {
            continue;
        }
        let before = archived_before
            .iter()
            .filter(|(code, kind)| kind == k.kind.code() && !named.contains(&code.as_str()))
            .count();
        let now = out
            .iter()
            .filter(|h| h.section == Section::Unit)
            .filter(|h| {
                held.units
                    .iter()
                    .any(|u| u.code == h.code && u.kind == k.kind)
            })
            .count();
        if kinds.contains_key(k.kind.code()) && before + now > 0 {
            kinds_held.push(Held {
                section: Section::Kind,
                code: k.kind.code().to_string(),
                name: format!("{} ({})", k.kind, k.name),
                records: vec![(Record::Units, before + now)],
            });
        }
    }
    out.splice(0..0, kinds_held);
    Ok(out)
}

fn lookup(map: &HashMap<String, i64>, table: &'static str, code: &str) -> Result<i64> {
    map.get(code).copied().ok_or_else(|| {
        StoreError::Invalid(Invalid::UnknownCode {
            table,
            code: code.to_string(),
        })
    })
}

impl Store {
    /// Applies the campaign file `file` (already checked by its loader) to the store, named
    /// `source` in the change log. With `archive`, units the file leaves out that have
    /// records are archived; without it they stop the change, as anything else with records
    /// always does. The store's campaign is read under the write lock, so what is compared
    /// is what is written over.
    pub fn apply_campaign(
        &mut self,
        file: &CampaignDef,
        source: &str,
        archive: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<Applied> {
        let placeholder = ChangeSummary::CampaignApplied {
            source: source.to_string(),
            added: 0,
            changed: 0,
            removed: 0,
        };
        self.change(now, &placeholder, |c| {
            let held = Store::read_def(c.tx())?;
            if held.campaign.code != file.campaign.code {
                return Ok(Applied::OtherCampaign {
                    store: held.campaign.code,
                });
            }
            let changes = campaign_diff::diff(&held, file);
            if changes.is_empty() {
                return Ok(Applied::Nothing);
            }
            let holding = holding(c.tx(), &held, file)?;
            let units_only = holding.iter().all(|h| h.section == Section::Unit);
            if !(holding.is_empty() || archive && units_only) {
                return Ok(Applied::Refused {
                    held: holding,
                    archivable: units_only,
                });
            }
            let (added, changed, removed) = campaign_diff::counts(&changes);
            c.summarise(&ChangeSummary::CampaignApplied {
                source: source.to_string(),
                added,
                changed,
                removed,
            })?;
            let archived = write(c, &held, file, &holding)?;
            Ok(Applied::Done { changes, archived })
        })
    }
}

/// Updates the row `code` names in `map`, or inserts it; returns its id.
fn upsert(
    c: &mut super::Change<'_>,
    table: Table,
    map: &HashMap<String, i64>,
    code: &str,
    values: &[(&str, Value)],
) -> Result<i64> {
    match map.get(code) {
        Some(&id) => {
            c.update(table, id, values)?;
            Ok(id)
        }
        None => {
            let mut with_code = vec![("code", text(code))];
            with_code.extend(values.iter().cloned());
            c.insert(table, &with_code)
        }
    }
}

/// Writes every difference; returns the codes of the units archived. `holding` is what has
/// records (only units, by now).
fn write(
    c: &mut super::Change<'_>,
    held: &CampaignDef,
    file: &CampaignDef,
    holding: &[Held],
) -> Result<Vec<String>> {
    let f = &file.campaign;
    c.update(
        Table::Campaign,
        1,
        &[
            ("title", text(&f.title)),
            ("short_title", text(&f.short_title)),
            ("district", text(&f.district)),
            ("city", text(&f.city)),
            ("issued_on", text(&f.issued_on.to_string())),
            ("starts_on", text(&f.starts_on.to_string())),
            ("ends_on", text(&f.ends_on.to_string())),
            ("timezone", text(&f.timezone)),
            ("organisers", json(&f.organisers, "campaign.organisers")?),
            ("contact_name", text(&f.contact_name)),
            ("contact_role", text(&f.contact_role)),
            ("contact_phone", text(&f.contact_phone)),
        ],
    )?;

    // Kinds before the units that name them. Only one kind may be the youth-base kind:
    // the flag comes off where the file drops it before it goes on elsewhere.
    let kinds = ids(c.tx(), Table::UnitKinds)?;
    for k in held.kinds.iter() {
        let stays = file.kinds.get(&k.kind).is_some_and(|f| f.youth_base);
        if k.youth_base && !stays {
            let id = lookup(&kinds, "unit_kinds", k.kind.code())?;
            c.update(Table::UnitKinds, id, &[("youth_base", int(0))])?;
        }
    }
    for (i, k) in file.kinds.iter().enumerate() {
        upsert(
            c,
            Table::UnitKinds,
            &kinds,
            k.kind.code(),
            &[
                ("name", text(&k.name)),
                ("short", text(&k.short)),
                ("name_en", text(&k.name_en)),
                ("short_en", text(&k.short_en)),
                ("youth_base", int(i64::from(k.youth_base))),
                ("sort_order", int(i as i64)),
            ],
        )?;
    }

    // Units, archived ones included: a unit the file names again comes back from the
    // archive with its history rather than as a second unit of the same code.
    let mut units = ids(c.tx(), Table::Units)?;
    for (i, u) in file.units.iter().enumerate() {
        let mut values = vec![
            ("name", text(&u.name)),
            ("kind", text(u.kind.code())),
            ("sort_order", int(i as i64)),
            ("active", int(1)),
        ];
        // As the difference reads it: an empty contact in the file is not stated, and the
        // one typed in the app stays.
        let new = !units.contains_key(&u.code);
        if new || !u.contact_person.is_empty() {
            values.push(("contact_person", text(&u.contact_person)));
        }
        if new || !u.phone.is_empty() {
            values.push(("phone", text(&u.phone)));
        }
        let id = upsert(c, Table::Units, &units, &u.code, &values)?;
        units.insert(u.code.clone(), id);
    }
    let base_of: HashMap<&str, &str> = file
        .units
        .iter()
        .flat_map(|b| {
            b.acts_for
                .iter()
                .map(move |u| (u.as_str(), b.code.as_str()))
        })
        .collect();
    for u in &file.units {
        let base = base_of
            .get(u.code.as_str())
            .map(|b| lookup(&units, "units", b))
            .transpose()?;
        let id = lookup(&units, "units", &u.code)?;
        c.update(
            Table::Units,
            id,
            &[(
                "youth_base_id",
                base.map(Value::Integer).unwrap_or(Value::Null),
            )],
        )?;
    }
    let gone: Vec<&str> = held
        .units
        .iter()
        .map(|u| u.code.as_str())
        .filter(|code| !file.units.iter().any(|f| f.code == *code))
        .collect();
    let archived: Vec<String> = gone
        .iter()
        .filter(|code| {
            holding
                .iter()
                .any(|h| h.section == Section::Unit && h.code == **code)
        })
        .map(|c| c.to_string())
        .collect();
    // A unit leaving the campaign lets go of the units its youth base acted for, archived
    // or not, so that nothing points at a row about to go.
    for code in &gone {
        let id = lookup(&units, "units", code)?;
        let acted: Vec<i64> = {
            let mut stmt = c
                .tx()
                .prepare("SELECT id FROM units WHERE youth_base_id = ?1")?;
            stmt.query_map([id], |r| r.get(0))?
                .collect::<std::result::Result<_, _>>()?
        };
        for other in acted {
            c.update(Table::Units, other, &[("youth_base_id", Value::Null)])?;
        }
    }

    let mut days = ids(c.tx(), Table::VolunteerDays)?;
    for d in &file.volunteer_days {
        let id = upsert(
            c,
            Table::VolunteerDays,
            &days,
            &d.code,
            &[
                ("round", int(i64::from(d.round))),
                ("date", text(&d.date.to_string())),
                ("title", text(&d.title)),
                ("host", text(&d.host)),
                (
                    "registration_deadline",
                    text(&d.registration_deadline.to_rfc3339()),
                ),
                ("report_deadline", text(&d.report_deadline.to_rfc3339())),
            ],
        )?;
        days.insert(d.code.clone(), id);
    }

    let requirements = ids(c.tx(), Table::Requirements)?;
    for (i, r) in file.requirements.iter().enumerate() {
        let day = r
            .volunteer_day
            .as_deref()
            .map(|code| lookup(&days, "volunteer_days", code))
            .transpose()?;
        let applies: Vec<&str> = r.applies_to.iter().map(|k| k.code()).collect();
        upsert(
            c,
            Table::Requirements,
            &requirements,
            &r.code,
            &[
                ("title", text(&r.title)),
                ("short_title", text(&r.short)),
                ("source", text(r.source.code())),
                ("applies_to", text(&applies.join(","))),
                ("deadline", opt_text(r.deadline.map(|d| d.to_rfc3339()))),
                (
                    "volunteer_day_id",
                    day.map(Value::Integer).unwrap_or(Value::Null),
                ),
                ("evidence", text(&r.evidence)),
                ("sort_order", int(i as i64)),
                ("basis", text(&r.basis)),
            ],
        )?;
    }

    // Tasks are matched as the difference matches them: by unit, round and title. A task
    // of a unit leaving the campaign goes with it, archived or not: an archived unit owes
    // nothing, and one named again gets the file's tasks.
    let tasks: Vec<(i64, String)> = {
        let mut stmt = c.tx().prepare(
            "SELECT t.id, u.code || '|' || d.code || '|' || t.title
             FROM tasks t JOIN units u ON u.id = t.unit_id
                          JOIN volunteer_days d ON d.id = t.volunteer_day_id
             WHERE u.active = 1",
        )?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?
    };
    let task_key = |t: &crate::domain::campaign::TaskDef| {
        format!("{}|{}|{}", t.unit, t.volunteer_day, t.title)
    };
    for t in &file.tasks {
        let figures: Vec<&str> = t.figures.iter().map(|m| m.code()).collect();
        let values = [
            ("description", text(&t.description)),
            ("kpi_code", opt_text(t.kpi.clone())),
            ("figures", text(&figures.join(","))),
        ];
        match tasks.iter().find(|(_, key)| *key == task_key(t)) {
            Some((id, _)) => c.update(Table::Tasks, *id, &values)?,
            None => {
                let mut row = vec![
                    ("unit_id", int(lookup(&units, "units", &t.unit)?)),
                    (
                        "volunteer_day_id",
                        int(lookup(&days, "volunteer_days", &t.volunteer_day)?),
                    ),
                    ("title", text(&t.title)),
                ];
                row.extend(values);
                c.insert(Table::Tasks, &row)?;
            }
        }
    }
    for (id, key) in &tasks {
        if !file.tasks.iter().any(|t| task_key(t) == *key) {
            c.delete(Table::Tasks, *id)?;
        }
    }

    let kpis = ids(c.tx(), Table::Kpis)?;
    for (i, k) in file.kpis.iter().enumerate() {
        upsert(
            c,
            Table::Kpis,
            &kpis,
            &k.code,
            &[
                ("name", text(&k.name)),
                ("definition", text(&k.definition)),
                ("numerator", text(&k.numerator)),
                ("denominator", text(&k.denominator)),
                ("target", k.target.map(Value::Real).unwrap_or(Value::Null)),
                ("target_note", text(&k.target_note)),
                ("source", text(k.source.code())),
                ("sort_order", int(i as i64)),
            ],
        )?;
    }

    // Agenda items have no code: matched by title, the first of a repeated title first.
    let agenda: Vec<(i64, String)> = {
        let mut stmt = c
            .tx()
            .prepare("SELECT id, title FROM agenda_items ORDER BY sort_order, id")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?
    };
    let mut used = vec![false; agenda.len()];
    for (i, a) in file.agenda.iter().enumerate() {
        let values = [
            ("owner", text(&a.owner)),
            ("date", opt_text(a.date.map(|d| d.to_string()))),
            ("status", text(&a.status)),
            ("note", text(&a.note)),
            ("sort_order", int(i as i64)),
        ];
        let found = agenda
            .iter()
            .enumerate()
            .position(|(j, (_, title))| !used[j] && *title == a.title);
        match found {
            Some(j) => {
                used[j] = true;
                c.update(Table::AgendaItems, agenda[j].0, &values)?;
            }
            None => {
                let mut row = vec![("title", text(&a.title))];
                row.extend(values);
                c.insert(Table::AgendaItems, &row)?;
            }
        }
    }
    for (j, (id, _)) in agenda.iter().enumerate() {
        if !used[j] {
            c.delete(Table::AgendaItems, *id)?;
        }
    }

    for (table, list) in [
        (Table::Fields, &file.fields),
        (Table::Activities, &file.activities),
    ] {
        let map = ids(c.tx(), table)?;
        for (i, n) in list.iter().enumerate() {
            upsert(
                c,
                table,
                &map,
                &n.code,
                &[("name", text(&n.name)), ("sort_order", int(i as i64))],
            )?;
        }
        for (code, id) in &map {
            if !list.iter().any(|n| n.code == *code) {
                c.delete(table, *id)?;
            }
        }
    }

    let d = &file.document;
    let header = [
        ("superior_body", text(&d.superior_body)),
        ("issuing_body", text(&d.issuing_body)),
        ("motto", text(&d.motto)),
        ("number_suffix", text(&d.number_suffix)),
        ("place", text(&d.place)),
        ("signer_on_behalf", text(&d.signer_on_behalf)),
        ("signer_role", text(&d.signer_role)),
        ("signer_name", text(&d.signer_name)),
        (
            "recipients",
            json(&d.recipients, "document_header.recipients")?,
        ),
    ];
    let has_header: Option<i64> = c
        .tx()
        .query_row("SELECT id FROM document_header WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    if has_header.is_some() {
        c.update(Table::DocumentHeader, 1, &header)?;
    } else {
        let mut row = vec![("id", int(1))];
        row.extend(header);
        c.insert(Table::DocumentHeader, &row)?;
    }

    // Removals last, what points at a row before the row: requirements and tasks name
    // rounds, units name their base. Nothing removed here has records (`holding`).
    for r in &held.requirements {
        if !file.requirements.iter().any(|f| f.code == r.code) {
            c.delete(
                Table::Requirements,
                lookup(&requirements, "requirements", &r.code)?,
            )?;
        }
    }
    for d in &held.volunteer_days {
        if !file.volunteer_days.iter().any(|f| f.code == d.code) {
            let id = lookup(&days, "volunteer_days", &d.code)?;
            // Tasks of units archived earlier still name the round.
            let left: Vec<i64> = {
                let mut stmt = c
                    .tx()
                    .prepare("SELECT id FROM tasks WHERE volunteer_day_id = ?1")?;
                stmt.query_map([id], |r| r.get(0))?
                    .collect::<std::result::Result<_, _>>()?
            };
            for task in left {
                c.delete(Table::Tasks, task)?;
            }
            c.delete(Table::VolunteerDays, id)?;
        }
    }
    for k in &held.kpis {
        if !file.kpis.iter().any(|f| f.code == k.code) {
            c.delete(Table::Kpis, lookup(&kpis, "kpis", &k.code)?)?;
        }
    }
    for code in &gone {
        let id = lookup(&units, "units", code)?;
        if archived.iter().any(|a| a == code) {
            c.update(Table::Units, id, &[("active", int(0))])?;
        } else {
            c.delete(Table::Units, id)?;
        }
    }
    // Last of all, once no unit names them (`holding` saw to that).
    for k in held.kinds.iter() {
        if !file.kinds.contains(&k.kind) {
            c.delete(
                Table::UnitKinds,
                lookup(&kinds, "unit_kinds", k.kind.code())?,
            )?;
        }
    }
    Ok(archived)
}
