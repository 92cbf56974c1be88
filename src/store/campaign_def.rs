//! The campaign as the store now holds it, read back into the campaign file's own terms
//! ([`CampaignDef`]): what a campaign file is compared with, and what one written from the
//! store would say. The mirror of `seed::insert`.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OptionalExtension};

use super::queries::kinds;
use super::queries::{parse_date, parse_time};
use super::{Invalid, Result, Store};
use crate::domain::campaign::{
    AgendaDef, CampaignDef, CampaignInfo, DocumentInfo, KpiDef, KpiSource, NamedDef,
    RequirementDef, RequirementSource, TaskDef, UnitDef, VolunteerDayDef,
};
use crate::domain::figures::Metric;
use crate::domain::unit::UnitKind;

fn time(text: &str, place: &str) -> Result<DateTime<FixedOffset>> {
    parse_time(text, place)
}

fn json_list(text: &str, place: &'static str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|_| Invalid::stored(place, text))
}

impl Store {
    /// The campaign as it stands in the store: the units still active in plan order (with
    /// the contacts typed since), the rounds, requirements, tasks, KPIs, agenda, lists and
    /// the report's header.
    pub fn campaign_def(&self) -> Result<CampaignDef> {
        Store::read_def(self.conn())
    }

    /// [`Store::campaign_def`] on any connection: also inside a change, so that what a
    /// campaign file is applied to is what the write lock holds.
    pub(super) fn read_def(conn: &Connection) -> Result<CampaignDef> {
        let campaign = conn.query_row(
            "SELECT code, title, short_title, district, city, issued_on, starts_on, ends_on,
                    timezone, organisers, contact_name, contact_role, contact_phone
             FROM campaign WHERE id = 1",
            [],
            |r| {
                Ok((
                    [
                        r.get::<_, String>(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                    ],
                    [
                        r.get::<_, String>(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                    ],
                    [r.get::<_, String>(10)?, r.get(11)?, r.get(12)?],
                ))
            },
        )?;
        let ([code, title, short_title, district, city], [issued, starts, ends, tz, orgs], contact) =
            campaign;
        let [contact_name, contact_role, contact_phone] = contact;
        let info = CampaignInfo {
            code,
            title,
            short_title,
            district,
            city,
            issued_on: parse_date(&issued, "campaign.issued_on")?,
            starts_on: parse_date(&starts, "campaign.starts_on")?,
            ends_on: parse_date(&ends, "campaign.ends_on")?,
            timezone: tz,
            organisers: json_list(&orgs, "campaign.organisers")?,
            contact_name,
            contact_role,
            contact_phone,
        };

        let kinds = kinds(conn)?;
        let mut stmt = conn.prepare(
            "SELECT id, code, name, kind, contact_person, phone, youth_base_id
             FROM units WHERE active = 1 ORDER BY sort_order, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let code_of: HashMap<i64, String> = raw.iter().map(|u| (u.0, u.1.clone())).collect();
        let mut units = Vec::new();
        for (_, code, name, kind, contact_person, phone, _) in &raw {
            units.push(UnitDef {
                code: code.clone(),
                name: name.clone(),
                kind: UnitKind::new(kind.as_str()),
                contact_person: contact_person.clone(),
                phone: phone.clone(),
                acts_for: Vec::new(),
            });
        }
        // A unit acted for by a youth base: the base's `acts_for` lists it, in plan order.
        for (id, _, _, _, _, _, base) in &raw {
            let (Some(base), Some(code)) = (base, code_of.get(id)) else {
                continue;
            };
            let Some(base_code) = code_of.get(base) else {
                continue;
            };
            if let Some(b) = units.iter_mut().find(|u| &u.code == base_code) {
                b.acts_for.push(code.clone());
            }
        }

        let mut stmt = conn.prepare(
            "SELECT id, code, round, date, title, host, registration_deadline, report_deadline
             FROM volunteer_days ORDER BY date, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    [
                        r.get::<_, String>(1)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ],
                    r.get::<_, i64>(2)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut day_code: HashMap<i64, String> = HashMap::new();
        let mut volunteer_days = Vec::new();
        for (id, [code, date, title, host, reg, rep], round) in raw {
            day_code.insert(id, code.clone());
            volunteer_days.push(VolunteerDayDef {
                round: u32::try_from(round).unwrap_or(0),
                date: parse_date(&date, "volunteer_days.date")?,
                title,
                host,
                registration_deadline: time(&reg, "volunteer_days.registration_deadline")?,
                report_deadline: time(&rep, "volunteer_days.report_deadline")?,
                code,
            });
        }

        let mut stmt = conn.prepare(
            "SELECT code, title, short_title, source, applies_to, deadline, volunteer_day_id,
                    evidence, basis
             FROM requirements ORDER BY sort_order, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    [
                        r.get::<_, String>(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                    ],
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<i64>>(6)?,
                    [r.get::<_, String>(7)?, r.get(8)?],
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut requirements = Vec::new();
        for ([code, title, short, source, applies], deadline, day, [evidence, basis]) in raw {
            let what = format!("requirements {code}");
            let mut applies_to = Vec::new();
            for k in applies.split(',').filter(|k| !k.is_empty()) {
                applies_to.push(
                    Some(UnitKind::new(k))
                        .filter(|k| kinds.contains(k))
                        .ok_or_else(|| Invalid::stored(format!("{what} applies_to"), k))?,
                );
            }
            requirements.push(RequirementDef {
                source: RequirementSource::from_code(&source)
                    .ok_or_else(|| Invalid::stored(format!("{what} source"), source.as_str()))?,
                applies_to,
                deadline: deadline
                    .map(|d| time(&d, "requirements.deadline"))
                    .transpose()?,
                volunteer_day: day.and_then(|id| day_code.get(&id).cloned()),
                code,
                title,
                short,
                evidence,
                basis,
            });
        }

        let mut stmt = conn.prepare(
            "SELECT unit_id, volunteer_day_id, title, description, kpi_code, figures
             FROM tasks ORDER BY id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    [r.get::<_, String>(2)?, r.get(3)?, r.get(5)?],
                    r.get::<_, Option<String>>(4)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut tasks = Vec::new();
        for (unit, day, [title, description, figures], kpi) in raw {
            // A task of an archived unit is not part of the campaign as it now stands.
            let (Some(unit), Some(day)) = (code_of.get(&unit), day_code.get(&day)) else {
                continue;
            };
            let mut metrics = Vec::new();
            for m in figures.split(',').filter(|m| !m.is_empty()) {
                metrics
                    .push(Metric::from_code(m).ok_or_else(|| Invalid::stored("tasks.figures", m))?);
            }
            tasks.push(TaskDef {
                unit: unit.clone(),
                volunteer_day: day.clone(),
                title,
                description,
                kpi,
                figures: metrics,
            });
        }

        let mut stmt = conn.prepare(
            "SELECT code, name, definition, numerator, denominator, target, target_note, source
             FROM kpis ORDER BY sort_order, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    [
                        r.get::<_, String>(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                    ],
                    r.get::<_, Option<f64>>(5)?,
                    [r.get::<_, String>(6)?, r.get(7)?],
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut kpis = Vec::new();
        for ([code, name, definition, numerator, denominator], target, [target_note, source]) in raw
        {
            kpis.push(KpiDef {
                source: KpiSource::from_code(&source).ok_or_else(|| {
                    Invalid::stored(format!("kpis {code} source"), source.as_str())
                })?,
                code,
                name,
                definition,
                numerator,
                denominator,
                target,
                target_note,
            });
        }

        let mut stmt = conn.prepare(
            "SELECT title, owner, date, status, note FROM agenda_items ORDER BY sort_order, id",
        )?;
        let raw = stmt
            .query_map([], |r| {
                Ok((
                    [r.get::<_, String>(0)?, r.get(1)?, r.get(3)?, r.get(4)?],
                    r.get::<_, Option<String>>(2)?,
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut agenda = Vec::new();
        for ([title, owner, status, note], date) in raw {
            agenda.push(AgendaDef {
                date: date
                    .map(|d| parse_date(&d, "agenda_items.date"))
                    .transpose()?,
                title,
                owner,
                status,
                note,
            });
        }

        let named = |table: &str| -> Result<Vec<NamedDef>> {
            // The table name is one of the two literals below.
            let mut stmt = conn.prepare(&format!(
                "SELECT code, name FROM {table} ORDER BY sort_order, id"
            ))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(NamedDef {
                        code: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Ok(rows)
        };
        let fields = named("fields")?;
        let activities = named("activities")?;

        let header = conn
            .query_row(
                "SELECT superior_body, issuing_body, motto, number_suffix, place,
                        signer_on_behalf, signer_role, signer_name, recipients
                 FROM document_header WHERE id = 1",
                [],
                |r| {
                    Ok([
                        r.get::<_, String>(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ])
                },
            )
            .optional()?;
        let document = match header {
            None => DocumentInfo::default(),
            Some(
                [
                    superior_body,
                    issuing_body,
                    motto,
                    number_suffix,
                    place,
                    on_behalf,
                    role,
                    name,
                    recipients,
                ],
            ) => DocumentInfo {
                superior_body,
                issuing_body,
                motto,
                number_suffix,
                place,
                signer_on_behalf: on_behalf,
                signer_role: role,
                signer_name: name,
                recipients: json_list(&recipients, "document_header.recipients")?,
            },
        };
        Ok(CampaignDef {
            campaign: info,
            kinds,
            units,
            volunteer_days,
            requirements,
            tasks,
            kpis,
            agenda,
            fields,
            activities,
            document,
        })
    }
}
