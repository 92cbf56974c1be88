//! Bulk writes for `xungkich demo`: one transaction, prepared statements, no audit log (demo
//! data is a starting state, not a user change to undo).

use chrono::{DateTime, FixedOffset};
use rusqlite::{Statement, Transaction, TransactionBehavior, params};

use super::photos::Kept;
use super::queries::stamp;
use super::{Result, Store};

pub struct DemoWriter<'a> {
    tx: &'a Transaction<'a>,
    unit: Statement<'a>,
    contact: Statement<'a>,
    day: Statement<'a>,
    initiative: Statement<'a>,
    stage: Statement<'a>,
    registration: Statement<'a>,
    report: Statement<'a>,
    photo: Statement<'a>,
    figure: Statement<'a>,
    check: Statement<'a>,
    replication: Statement<'a>,
    measurement: Statement<'a>,
}

/// What the demo needs to know of the seeded campaign.
#[derive(Debug, Clone)]
pub struct DemoBase {
    /// (id, code, kind code) of every unit, in plan order.
    pub units: Vec<(i64, String, String)>,
    /// (id, code, date) of every volunteer day.
    pub days: Vec<(i64, String, String)>,
    /// (id, code, source, applies_to) of every requirement.
    pub requirements: Vec<(i64, String, String, String)>,
    /// (id, code) of every initiative field.
    pub fields: Vec<(i64, String)>,
    pub activities: Vec<String>,
    /// (id, code) of every measured KPI.
    pub measured_kpis: Vec<(i64, String)>,
}

impl Store {
    pub fn demo_base(&self) -> Result<DemoBase> {
        let conn = self.conn();
        let units = conn
            .prepare("SELECT id, code, kind FROM units ORDER BY sort_order, id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let days = conn
            .prepare("SELECT id, code, date FROM volunteer_days ORDER BY date, id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let requirements = conn
            .prepare("SELECT id, code, source, applies_to FROM requirements ORDER BY sort_order")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let fields = conn
            .prepare("SELECT id, code FROM fields ORDER BY sort_order")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        let activities = conn
            .prepare("SELECT code FROM activities ORDER BY sort_order")?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let measured_kpis = conn
            .prepare("SELECT id, code FROM kpis WHERE source = 'measured' ORDER BY sort_order, id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        Ok(DemoBase {
            units,
            days,
            requirements,
            fields,
            activities,
            measured_kpis,
        })
    }

    /// Runs `f` with a bulk writer inside one immediate transaction.
    pub fn demo_bulk<T>(&mut self, f: impl FnOnce(&mut DemoWriter<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let mut w = DemoWriter {
                unit: tx.prepare(
                    "INSERT INTO units (code, name, kind, contact_person, phone, sort_order)
                     VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM units))",
                )?,
                contact: tx.prepare("UPDATE units SET contact_person = ?2, phone = ?3 WHERE id = ?1")?,
                day: tx.prepare(
                    "INSERT INTO volunteer_days (code, round, date, title, host, registration_deadline, report_deadline)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?,
                initiative: tx.prepare(
                    "INSERT INTO initiatives (unit_id, kind, title, field_id, summary, expected_effect,
                        registered_on, stage, score, evaluation_notes, commendation_level, commendation_for,
                        replicated, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
                )?,
                stage: tx.prepare(
                    "INSERT INTO initiative_stages (initiative_id, stage, changed_at) VALUES (?1, ?2, ?3)",
                )?,
                registration: tx.prepare(
                    "INSERT INTO registrations (volunteer_day_id, unit_id, activities, place, planned_volunteers, registered_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?,
                report: tx.prepare(
                    "INSERT INTO reports (volunteer_day_id, unit_id, received_at, note) VALUES (?1, ?2, ?3, ?4)",
                )?,
                photo: tx.prepare(
                    "INSERT INTO photos (report_id, path, sha256, original_name, media_type, bytes, added_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?,
                figure: tx.prepare(
                    "INSERT INTO figures (volunteer_day_id, unit_id, metric, value, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?,
                check: tx.prepare(
                    "INSERT INTO checks (unit_id, requirement_id, done_at) VALUES (?1, ?2, ?3)",
                )?,
                replication: tx.prepare(
                    "INSERT OR IGNORE INTO initiative_replications (initiative_id, unit_id, since)
                     VALUES (?1, ?2, ?3)",
                )?,
                measurement: tx.prepare(
                    "INSERT INTO kpi_measurements (kpi_id, period_start, period_end, numerator,
                        denominator, unit_id, note, recorded_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7)",
                )?,
                tx: &tx,
            };
            f(&mut w)?
        };
        tx.commit()?;
        Ok(out)
    }
}

pub struct NewInitiative<'a> {
    pub unit_id: i64,
    pub kind: &'a str,
    pub title: &'a str,
    pub field_id: Option<i64>,
    pub summary: &'a str,
    pub expected_effect: &'a str,
    pub registered_on: &'a str,
    pub stage: &'a str,
    pub score: Option<f64>,
    pub evaluation_notes: &'a str,
    pub commendation_level: Option<&'a str>,
    pub commendation_for: Option<&'a str>,
    pub replicated: bool,
    pub created_at: DateTime<FixedOffset>,
}

impl DemoWriter<'_> {
    pub fn unit(
        &mut self,
        code: &str,
        name: &str,
        kind: &str,
        person: &str,
        phone: &str,
    ) -> Result<i64> {
        self.unit
            .execute(params![code, name, kind, person, phone])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn contact(&mut self, unit_id: i64, person: &str, phone: &str) -> Result<()> {
        self.contact.execute(params![unit_id, person, phone])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn volunteer_day(
        &mut self,
        code: &str,
        round: i64,
        date: &str,
        title: &str,
        host: &str,
        registration_deadline: DateTime<FixedOffset>,
        report_deadline: DateTime<FixedOffset>,
    ) -> Result<i64> {
        self.day.execute(params![
            code,
            round,
            date,
            title,
            host,
            stamp(registration_deadline),
            stamp(report_deadline)
        ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn initiative(&mut self, i: &NewInitiative<'_>) -> Result<i64> {
        self.initiative.execute(params![
            i.unit_id,
            i.kind,
            i.title,
            i.field_id,
            i.summary,
            i.expected_effect,
            i.registered_on,
            i.stage,
            i.score,
            i.evaluation_notes,
            i.commendation_level,
            i.commendation_for,
            i.replicated,
            stamp(i.created_at)
        ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn stage(
        &mut self,
        initiative_id: i64,
        stage: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.stage
            .execute(params![initiative_id, stage, stamp(at)])?;
        Ok(())
    }

    pub fn registration(
        &mut self,
        day_id: i64,
        unit_id: i64,
        activities_json: &str,
        place: &str,
        planned: i64,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.registration.execute(params![
            day_id,
            unit_id,
            activities_json,
            place,
            planned,
            stamp(at)
        ])?;
        Ok(())
    }

    pub fn report(
        &mut self,
        day_id: i64,
        unit_id: i64,
        at: DateTime<FixedOffset>,
        note: &str,
    ) -> Result<i64> {
        self.report
            .execute(params![day_id, unit_id, stamp(at), note])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn photo(
        &mut self,
        report_id: i64,
        kept: &Kept,
        original: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.photo.execute(params![
            report_id,
            kept.name,
            kept.sha256,
            original,
            kept.kind.media_type(),
            i64::try_from(kept.bytes).unwrap_or(i64::MAX),
            stamp(at)
        ])?;
        Ok(())
    }

    pub fn figure(
        &mut self,
        day_id: i64,
        unit_id: i64,
        metric: &str,
        value: i64,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.figure
            .execute(params![day_id, unit_id, metric, value, stamp(at)])?;
        Ok(())
    }

    pub fn replication(&mut self, initiative_id: i64, unit_id: i64, since: &str) -> Result<()> {
        self.replication
            .execute(params![initiative_id, unit_id, since])?;
        Ok(())
    }

    pub fn check(
        &mut self,
        unit_id: i64,
        requirement_id: i64,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.check
            .execute(params![unit_id, requirement_id, stamp(at)])?;
        Ok(())
    }

    /// A district-wide measurement (no source unit).
    pub fn measurement(&mut self, kpi_id: i64, m: &DemoMeasurement<'_>) -> Result<()> {
        self.measurement.execute(params![
            kpi_id,
            m.period_start,
            m.period_end,
            m.numerator,
            m.denominator,
            m.note,
            stamp(m.recorded_at)
        ])?;
        Ok(())
    }
}

pub struct DemoMeasurement<'a> {
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub numerator: f64,
    pub denominator: f64,
    pub note: &'a str,
    pub recorded_at: DateTime<FixedOffset>,
}
