//! Seeding a new store from a campaign definition, in one transaction.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::queries::stamp;
use super::{Invalid, Result, Seed, StoreError};
use crate::domain::campaign::CampaignDef;

pub fn ensure(
    conn: &mut Connection,
    path: &Path,
    seed: Seed<'_>,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let code = |c: &Connection| -> Result<Option<String>> {
        Ok(
            c.query_row("SELECT code FROM campaign WHERE id = 1", [], |r| r.get(0))
                .optional()?,
        )
    };
    let existing = match code(conn)? {
        Some(existing) => existing,
        None => {
            // Seeded under the write lock, looking again once it is held: two instances
            // opening the same new store at the same moment seed it once, and the second
            // finds it seeded.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            match code(&tx)? {
                Some(existing) => existing,
                None => {
                    match seed {
                        Seed::Default { def, name } => insert(&tx, &def(), name, now)?,
                        Seed::File { def, name } => insert(&tx, def, name, now)?,
                    }
                    tx.commit()?;
                    return Ok(());
                }
            }
        }
    };
    match seed {
        Seed::Default { .. } => Ok(()),
        Seed::File { def, .. } if existing == def.campaign.code => Ok(()),
        Seed::File { .. } => Err(StoreError::OtherCampaign {
            path: path.to_path_buf(),
            existing,
        }),
    }
}

/// Inserts the campaign; the caller holds the write transaction and commits it.
fn insert(
    tx: &Connection,
    def: &CampaignDef,
    source_name: &str,
    now: DateTime<FixedOffset>,
) -> Result<()> {
    let c = &def.campaign;
    let organisers = serde_json::to_string(&c.organisers).map_err(|e| {
        StoreError::Invalid(Invalid::Encode {
            place: "campaign.organisers",
            detail: e.to_string(),
        })
    })?;
    tx.execute(
        "INSERT INTO campaign (id, code, title, short_title, district, city, issued_on, starts_on,
            ends_on, timezone, organisers, contact_name, contact_role, contact_phone, source_name, seeded_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            c.code,
            c.title,
            c.short_title,
            c.district,
            c.city,
            c.issued_on.to_string(),
            c.starts_on.to_string(),
            c.ends_on.to_string(),
            c.timezone,
            organisers,
            c.contact_name,
            c.contact_role,
            c.contact_phone,
            source_name,
            stamp(now)
        ],
    )?;
    // The migration filled in plan 115's kinds for the stores seeded before kinds were the
    // campaign's; a new store holds its own campaign's.
    tx.execute("DELETE FROM unit_kinds", [])?;
    for (i, k) in def.kinds.iter().enumerate() {
        tx.execute(
            "INSERT INTO unit_kinds (code, name, short, name_en, short_en, youth_base, sort_order)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                k.kind.code(),
                k.name,
                k.short,
                k.name_en,
                k.short_en,
                k.youth_base,
                i as i64
            ],
        )?;
    }
    let mut unit_ids = HashMap::new();
    for (i, u) in def.units.iter().enumerate() {
        tx.execute(
            "INSERT INTO units (code, name, kind, contact_person, phone, sort_order)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                u.code,
                u.name,
                u.kind.code(),
                u.contact_person,
                u.phone,
                i as i64
            ],
        )?;
        unit_ids.insert(u.code.as_str(), tx.last_insert_rowid());
    }
    for u in &def.units {
        for code in &u.acts_for {
            tx.execute(
                "UPDATE units SET youth_base_id = ?1 WHERE id = ?2",
                params![
                    lookup_unit(&unit_ids, &u.code)?,
                    lookup_unit(&unit_ids, code)?
                ],
            )?;
        }
    }
    let mut day_ids = HashMap::new();
    for d in &def.volunteer_days {
        tx.execute(
            "INSERT INTO volunteer_days (code, round, date, title, host, registration_deadline, report_deadline)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                d.code,
                d.round,
                d.date.to_string(),
                d.title,
                d.host,
                d.registration_deadline.to_rfc3339(),
                d.report_deadline.to_rfc3339()
            ],
        )?;
        day_ids.insert(d.code.as_str(), tx.last_insert_rowid());
    }
    let lookup = |map: &HashMap<&str, i64>, what: &'static str, code: &str| {
        map.get(code).copied().ok_or_else(|| {
            StoreError::Invalid(Invalid::UnknownCode {
                table: what,
                code: code.to_string(),
            })
        })
    };
    for (i, r) in def.requirements.iter().enumerate() {
        let day = r
            .volunteer_day
            .as_deref()
            .map(|code| lookup(&day_ids, "volunteer_days", code))
            .transpose()?;
        let applies: Vec<&str> = r.applies_to.iter().map(|k| k.code()).collect();
        tx.execute(
            "INSERT INTO requirements (code, title, short_title, source, applies_to, deadline,
                volunteer_day_id, evidence, sort_order, basis)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                r.code,
                r.title,
                r.short,
                r.source.code(),
                applies.join(","),
                r.deadline.map(|d| d.to_rfc3339()),
                day,
                r.evidence,
                i as i64,
                r.basis
            ],
        )?;
    }
    for t in &def.tasks {
        tx.execute(
            "INSERT INTO tasks (unit_id, volunteer_day_id, title, description, kpi_code, figures)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                lookup(&unit_ids, "units", &t.unit)?,
                lookup(&day_ids, "volunteer_days", &t.volunteer_day)?,
                t.title,
                t.description,
                t.kpi,
                t.figures
                    .iter()
                    .map(|m| m.code())
                    .collect::<Vec<_>>()
                    .join(",")
            ],
        )?;
    }
    for (i, k) in def.kpis.iter().enumerate() {
        tx.execute(
            "INSERT INTO kpis (code, name, definition, numerator, denominator, target, target_note, source, sort_order)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                k.code,
                k.name,
                k.definition,
                k.numerator,
                k.denominator,
                k.target,
                k.target_note,
                k.source.code(),
                i as i64
            ],
        )?;
    }
    for (i, a) in def.agenda.iter().enumerate() {
        tx.execute(
            "INSERT INTO agenda_items (title, owner, date, status, note, sort_order)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                a.title,
                a.owner,
                a.date.map(|d| d.to_string()),
                a.status,
                a.note,
                i as i64
            ],
        )?;
    }
    let d = &def.document;
    let recipients = serde_json::to_string(&d.recipients).map_err(|e| {
        StoreError::Invalid(Invalid::Encode {
            place: "document_header.recipients",
            detail: e.to_string(),
        })
    })?;
    tx.execute(
        "INSERT INTO document_header (id, superior_body, issuing_body, motto, number_suffix,
            place, signer_on_behalf, signer_role, signer_name, recipients)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            d.superior_body,
            d.issuing_body,
            d.motto,
            d.number_suffix,
            d.place,
            d.signer_on_behalf,
            d.signer_role,
            d.signer_name,
            recipients
        ],
    )?;
    for (table, list) in [("fields", &def.fields), ("activities", &def.activities)] {
        for (i, n) in list.iter().enumerate() {
            // The table name is one of the two literals above.
            tx.execute(
                &format!("INSERT INTO {table} (code, name, sort_order) VALUES (?1, ?2, ?3)"),
                params![n.code, n.name, i as i64],
            )?;
        }
    }
    Ok(())
}

fn lookup_unit(ids: &HashMap<&str, i64>, code: &str) -> Result<i64> {
    ids.get(code).copied().ok_or_else(|| {
        StoreError::Invalid(Invalid::UnknownCode {
            table: "units",
            code: code.to_string(),
        })
    })
}
