//! Reads for the checklist screens: the campaign, units, requirements and their evidence.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{Connection, Row, params};

use super::{Invalid, Result, Store};
use crate::domain::campaign::RequirementSource;
use crate::domain::figures::Metric;
use crate::domain::time::{end_of_day, start_of_day};
use crate::domain::unit::{KindDef, Kinds, Unit, UnitKind};

/// The KPI code of "resolve 70% of the week's land files" in the campaign file.
pub const LAND_KPI: &str = "land-files-week";

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignRow {
    pub code: String,
    pub title: String,
    pub short_title: String,
    pub district: String,
    pub issued_on: NaiveDate,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub contact_name: String,
    pub contact_role: String,
    pub contact_phone: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequirementRow {
    pub id: i64,
    pub code: String,
    pub title: String,
    pub short: String,
    pub source: RequirementSource,
    pub applies_to: Vec<UnitKind>,
    /// The stored deadline, or the end of the campaign for "during the campaign".
    pub deadline: DateTime<FixedOffset>,
    /// False when the campaign file gave no deadline ("during the campaign").
    pub deadline_explicit: bool,
    pub volunteer_day_id: Option<i64>,
    pub evidence: String,
    /// The sentence of the plan the requirement comes from ("" when the campaign gave none).
    pub basis: String,
}

impl RequirementRow {
    pub fn applies(&self, kind: &UnitKind) -> bool {
        self.applies_to.contains(kind)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct VolunteerDayRow {
    pub id: i64,
    pub code: String,
    pub round: i64,
    pub date: NaiveDate,
    pub title: String,
    pub host: String,
    pub registration_deadline: DateTime<FixedOffset>,
    pub report_deadline: DateTime<FixedOffset>,
}

/// A Saturday task the plan assigns to a unit (section II.3.1).
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    pub unit_id: i64,
    pub volunteer_day_id: i64,
    pub title: String,
    pub description: String,
    pub kpi_code: Option<String>,
    /// The Saturday figures that measure the task, in the grid's order.
    pub figures: Vec<Metric>,
}

/// Everything the overview and the units screen show, read in one go.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    pub campaign: CampaignRow,
    /// The campaign's kinds of unit: what every screen labels a unit's kind by.
    pub kinds: Kinds,
    pub units: Vec<Unit>,
    /// The checklist in view: the requirements about no Saturday, and those of the round in
    /// view ([`Board::view_round`]). Every checklist column, count and list is made of these.
    pub requirements: Vec<RequirementRow>,
    /// Every requirement, whichever round is in view.
    pub all_requirements: Vec<RequirementRow>,
    /// The volunteer day whose requirements are in view; None shows every round's.
    pub round_in_view: Option<i64>,
    pub volunteer_days: Vec<VolunteerDayRow>,
    pub tasks: Vec<TaskRow>,
    /// When each (unit id, requirement id) was done, from its source table.
    pub evidence: HashMap<(i64, i64), DateTime<FixedOffset>>,
    /// How many initiatives stand at each stage (stages with none left out).
    pub initiative_stages: Vec<(crate::domain::initiative::Stage, usize)>,
}

impl Board {
    /// Whether the unit reports the week's land files (its Saturday task carries that KPI).
    pub fn reports_land(&self, unit_id: i64) -> bool {
        self.tasks
            .iter()
            .any(|t| t.unit_id == unit_id && t.kpi_code.as_deref() == Some(LAND_KPI))
    }

    /// The name of unit `id`, or "" for an id the board does not know.
    pub fn unit_name(&self, id: i64) -> &str {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map_or("", |u| u.name.as_str())
    }

    /// The youth base acting for `unit`, when it is one of the board's units.
    pub fn youth_base_of(&self, unit: &Unit) -> Option<&Unit> {
        let id = unit.youth_base?;
        self.units.iter().find(|u| u.id == id)
    }

    /// The units youth base `base_id` acts for, in plan order.
    pub fn acted_for(&self, base_id: i64) -> Vec<&Unit> {
        self.units
            .iter()
            .filter(|u| u.youth_base == Some(base_id))
            .collect()
    }

    /// Whether `unit` owes something about volunteer day `day_id` (its registration or its
    /// quick report): the rows of tab 4. A day no requirement names (a round added in the
    /// app) is owed by whoever owes the campaign's other Saturdays; with none at all, by
    /// everybody.
    pub fn owes_day(&self, unit: &Unit, day_id: i64) -> bool {
        let saturday = |r: &&RequirementRow| r.volunteer_day_id.is_some();
        let mut about = self
            .all_requirements
            .iter()
            .filter(|r| r.volunteer_day_id == Some(day_id))
            .peekable();
        if about.peek().is_some() {
            return about.any(|r| r.applies(&unit.kind));
        }
        let mut any_day = self.all_requirements.iter().filter(saturday).peekable();
        any_day.peek().is_none() || any_day.any(|r| r.applies(&unit.kind))
    }

    /// Puts Saturday `day_id` in view: the checklist becomes the requirements about no
    /// Saturday and those of this round, so each round brings its own registration and
    /// report columns, counts and deadlines, and the others' leave the screen.
    pub fn view_round(&mut self, day_id: Option<i64>) {
        self.round_in_view = day_id;
        self.requirements = self
            .all_requirements
            .iter()
            .filter(|r| day_id.is_none() || r.volunteer_day_id.is_none_or(|d| Some(d) == day_id))
            .cloned()
            .collect();
    }

    pub fn evidence_for(&self, unit_id: i64, requirement_id: i64) -> Option<DateTime<FixedOffset>> {
        self.evidence.get(&(unit_id, requirement_id)).copied()
    }
}

impl Store {
    pub fn load_board(&self) -> Result<Board> {
        let conn = self.conn();
        let campaign = campaign(conn)?;
        let campaign_end = end_of_day(campaign.ends_on);
        let kinds = kinds(conn)?;
        let units = units(conn)?;
        let requirements = requirements(conn, &kinds, campaign_end)?;
        let volunteer_days = volunteer_days(conn)?;
        let tasks = tasks(conn)?;
        let mut evidence = HashMap::new();
        for r in &requirements {
            for (unit_id, at) in evidence_of(conn, r)? {
                evidence.insert((unit_id, r.id), at);
            }
        }
        // An initiative written under a youth base that is the Youth Union of one unit only
        // (Chi đoàn Chi cục Thuế for Chi cục Thuế) is that unit's: the plan asks "the Youth
        // Union organisation at the unit" to register it. A base of several units cannot say
        // whose it is, so it counts for none of them.
        for r in requirements
            .iter()
            .filter(|r| r.source == RequirementSource::Initiative)
        {
            for base in &units {
                let mut served = units.iter().filter(|u| u.youth_base == Some(base.id));
                let (Some(only), None) = (served.next(), served.next()) else {
                    continue;
                };
                if let Some(at) = evidence.get(&(base.id, r.id)).copied() {
                    let entry = evidence.entry((only.id, r.id)).or_insert(at);
                    *entry = (*entry).min(at);
                }
            }
        }
        Ok(Board {
            campaign,
            kinds,
            units,
            all_requirements: requirements.clone(),
            requirements,
            round_in_view: None,
            volunteer_days,
            tasks,
            evidence,
            initiative_stages: self.initiative_stage_counts()?,
        })
    }
}

/// The stored text of a stamp: RFC 3339 in the stamp's own offset, as every store so far has
/// written it. Not converted to UTC: rows compare and sort as text (`ORDER BY changed_at`), and
/// a store written before and after must keep reading alike.
pub(super) fn stamp(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339()
}

/// A stored stamp; `place` says where it was read, for the error.
pub(super) fn parse_time(text: &str, place: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).map_err(|_| Invalid::stored(place, text))
}

/// A stored date; `place` says where it was read, for the error.
pub(super) fn parse_date(text: &str, place: &str) -> Result<NaiveDate> {
    // ISO 8601, as the store writes it (`parse` reads it without interpreting a format string).
    text.parse::<NaiveDate>()
        .map_err(|_| Invalid::stored(place, text))
}

fn campaign(conn: &Connection) -> Result<CampaignRow> {
    let row = conn.query_row(
        "SELECT code, title, short_title, district, issued_on, starts_on, ends_on,
                contact_name, contact_role, contact_phone
         FROM campaign WHERE id = 1",
        [],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        },
    )?;
    Ok(CampaignRow {
        code: row.0,
        title: row.1,
        short_title: row.2,
        district: row.3,
        issued_on: parse_date(&row.4, "campaign.issued_on")?,
        starts_on: parse_date(&row.5, "campaign.starts_on")?,
        ends_on: parse_date(&row.6, "campaign.ends_on")?,
        contact_name: row.7,
        contact_role: row.8,
        contact_phone: row.9,
    })
}

/// The campaign's kinds of unit, in its order. A unit's kind always names one of them (a
/// foreign key says so).
pub(super) fn kinds(conn: &Connection) -> Result<Kinds> {
    let mut stmt = conn.prepare(
        "SELECT code, name, short, name_en, short_en, youth_base
         FROM unit_kinds ORDER BY sort_order, id",
    )?;
    let defs = stmt
        .query_map([], |r| {
            Ok(KindDef {
                kind: UnitKind::new(r.get::<_, String>(0)?),
                name: r.get(1)?,
                short: r.get(2)?,
                name_en: r.get(3)?,
                short_en: r.get(4)?,
                youth_base: r.get(5)?,
            })
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(Kinds::new(defs))
}

fn unit_from_row(r: &Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        kind: UnitKind::new(r.get::<_, String>(3)?),
        contact_person: r.get(4)?,
        phone: r.get(5)?,
        sort_order: r.get(6)?,
        youth_base: r.get(7)?,
    })
}

fn units(conn: &Connection) -> Result<Vec<Unit>> {
    let mut stmt = conn.prepare(
        "SELECT id, code, name, kind, contact_person, phone, sort_order, youth_base_id
         FROM units WHERE active = 1 ORDER BY sort_order, id",
    )?;
    let rows = stmt
        .query_map([], unit_from_row)?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn requirements(
    conn: &Connection,
    kinds: &Kinds,
    campaign_end: DateTime<FixedOffset>,
) -> Result<Vec<RequirementRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, code, title, short_title, source, applies_to, deadline, volunteer_day_id,
                evidence, basis
         FROM requirements ORDER BY sort_order, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<i64>>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, String>(9)?,
            ))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(
            |(id, code, title, short, source, applies, deadline, day, evidence, basis)| {
                let source = RequirementSource::from_code(&source).ok_or_else(|| {
                    Invalid::stored(format!("requirements.source {code}"), source.as_str())
                })?;
                let applies_to = applies
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|k| {
                        Some(UnitKind::new(k))
                            .filter(|k| kinds.contains(k))
                            .ok_or_else(|| {
                                Invalid::stored(format!("requirements.applies_to {code}"), k)
                            })
                    })
                    .collect::<Result<Vec<_>>>()?;
                let deadline_explicit = deadline.is_some();
                let deadline = match deadline {
                    Some(text) => parse_time(&text, &format!("requirements.deadline {code}"))?,
                    None => campaign_end,
                };
                Ok(RequirementRow {
                    id,
                    code,
                    title,
                    short,
                    source,
                    applies_to,
                    deadline,
                    deadline_explicit,
                    volunteer_day_id: day,
                    evidence,
                    basis,
                })
            },
        )
        .collect()
}

fn tasks(conn: &Connection) -> Result<Vec<TaskRow>> {
    let mut stmt = conn.prepare(
        "SELECT unit_id, volunteer_day_id, title, description, kpi_code, figures FROM tasks
         ORDER BY id",
    )?;
    let rows: Vec<(TaskRow, String)> = stmt
        .query_map([], |r| {
            Ok((
                TaskRow {
                    unit_id: r.get(0)?,
                    volunteer_day_id: r.get(1)?,
                    title: r.get(2)?,
                    description: r.get(3)?,
                    kpi_code: r.get(4)?,
                    figures: Vec::new(),
                },
                r.get(5)?,
            ))
        })?
        .collect::<std::result::Result<_, _>>()?;
    rows.into_iter()
        .map(|(mut t, codes)| {
            for code in codes.split(',').filter(|c| !c.is_empty()) {
                let m = Metric::from_code(code)
                    .ok_or_else(|| Invalid::stored("tasks.figures", code))?;
                t.figures.push(m);
            }
            Ok(t)
        })
        .collect()
}

fn volunteer_days(conn: &Connection) -> Result<Vec<VolunteerDayRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, code, round, date, title, host, registration_deadline, report_deadline
         FROM volunteer_days ORDER BY date, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    rows.into_iter()
        .map(|(id, code, round, date, title, host, reg, rep)| {
            Ok(VolunteerDayRow {
                date: parse_date(&date, &format!("volunteer_days {code}"))?,
                registration_deadline: parse_time(&reg, &format!("volunteer_days {code}"))?,
                report_deadline: parse_time(&rep, &format!("volunteer_days {code}"))?,
                id,
                code,
                round,
                title,
                host,
            })
        })
        .collect()
}

/// (unit id, when done) for every unit that has done `r`, read from the requirement's source.
fn evidence_of(conn: &Connection, r: &RequirementRow) -> Result<Vec<(i64, DateTime<FixedOffset>)>> {
    // A quick report is done when it first had a photo, which the reports module works out.
    if r.source == RequirementSource::QuickReport {
        let Some(day) = r.volunteer_day_id else {
            return Ok(Vec::new());
        };
        return Ok(super::reports::complete_times(conn, day)?
            .into_iter()
            .filter_map(|(unit, _, _, complete)| Some((unit, complete?)))
            .collect());
    }
    let what = format!("checks {}", r.code);
    let (sql, day) = match r.source {
        RequirementSource::Manual => (
            "SELECT unit_id, done_at, 1 FROM checks WHERE requirement_id = ?1",
            Some(r.id),
        ),
        RequirementSource::Initiative => (
            "SELECT unit_id, MIN(registered_on), 1 FROM initiatives GROUP BY unit_id",
            None,
        ),
        RequirementSource::VolunteerRegistration => (
            "SELECT unit_id, registered_at, 1 FROM registrations WHERE volunteer_day_id = ?1",
            r.volunteer_day_id,
        ),
        RequirementSource::QuickReport => return Ok(Vec::new()),
    };
    if r.source.needs_volunteer_day() && day.is_none() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(sql)?;
    let map = |row: &Row<'_>| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, i64>(2)?,
        ))
    };
    let rows = match day {
        Some(id) => stmt
            .query_map(params![id], map)?
            .collect::<std::result::Result<Vec<_>, _>>()?,
        None => stmt
            .query_map([], map)?
            .collect::<std::result::Result<Vec<_>, _>>()?,
    };
    rows.into_iter()
        .map(|(unit, text, _)| {
            let at = if r.source == RequirementSource::Initiative {
                start_of_day(parse_date(&text, &what)?)
            } else {
                parse_time(&text, &what)?
            };
            Ok((unit, at))
        })
        .collect()
}
