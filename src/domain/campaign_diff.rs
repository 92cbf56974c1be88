//! What differs between two campaigns in the campaign file's own terms: the one a store
//! holds and the one a file describes. Things are matched by their code (units, rounds,
//! requirements, KPIs, lists), tasks by unit, round and title, agenda items by title; every
//! value is written as the campaign file writes it, so the officer can find it there.

use chrono::{DateTime, FixedOffset};

use super::campaign::{CampaignDef, NamedDef};

/// The part of the campaign file a difference is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Campaign,
    Kind,
    Unit,
    Round,
    Requirement,
    Task,
    Kpi,
    Agenda,
    Field,
    Activity,
    Document,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// In the file, not in the store.
    Added { section: Section, name: String },
    /// In the store, not in the file.
    Removed { section: Section, name: String },
    /// In both, with `key` (the file's key) holding another value.
    Changed {
        section: Section,
        name: String,
        key: &'static str,
        from: String,
        to: String,
    },
}

fn moment(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339()
}

fn opt_moment(t: &Option<DateTime<FixedOffset>>) -> String {
    t.as_ref().map(moment).unwrap_or_default()
}

/// Collects the changes of one thing's keys.
struct Keys<'a> {
    out: &'a mut Vec<Change>,
    section: Section,
    name: String,
}

impl Keys<'_> {
    fn key(&mut self, key: &'static str, from: String, to: String) {
        if from != to {
            self.out.push(Change::Changed {
                section: self.section,
                name: self.name.clone(),
                key,
                from,
                to,
            });
        }
    }
}

/// Matches `store` and `file` by `id`, reporting what was added and removed, and hands each
/// pair to `keys` for the values that differ.
fn matched<T>(
    out: &mut Vec<Change>,
    section: Section,
    store: &[T],
    file: &[T],
    id: impl Fn(&T) -> String,
    label: impl Fn(&T) -> String,
    keys: impl Fn(&mut Keys<'_>, &T, &T),
) {
    for f in file {
        match store.iter().find(|s| id(s) == id(f)) {
            None => out.push(Change::Added {
                section,
                name: label(f),
            }),
            Some(s) => {
                let mut k = Keys {
                    out,
                    section,
                    name: label(f),
                };
                keys(&mut k, s, f);
            }
        }
    }
    for s in store {
        if !file.iter().any(|f| id(f) == id(s)) {
            out.push(Change::Removed {
                section,
                name: label(s),
            });
        }
    }
}

fn named(out: &mut Vec<Change>, section: Section, store: &[NamedDef], file: &[NamedDef]) {
    matched(
        out,
        section,
        store,
        file,
        |n| n.code.clone(),
        |n| n.code.clone(),
        |k, s, f| k.key("name", s.name.clone(), f.name.clone()),
    );
}

/// Every difference from `store` to `file`, section by section in the file's order.
pub fn diff(store: &CampaignDef, file: &CampaignDef) -> Vec<Change> {
    let mut out = Vec::new();
    let (s, f) = (&store.campaign, &file.campaign);
    let mut k = Keys {
        out: &mut out,
        section: Section::Campaign,
        name: f.code.clone(),
    };
    k.key("code", s.code.clone(), f.code.clone());
    k.key("title", s.title.clone(), f.title.clone());
    k.key("short_title", s.short_title.clone(), f.short_title.clone());
    k.key("district", s.district.clone(), f.district.clone());
    k.key("city", s.city.clone(), f.city.clone());
    k.key(
        "issued_on",
        s.issued_on.to_string(),
        f.issued_on.to_string(),
    );
    k.key(
        "starts_on",
        s.starts_on.to_string(),
        f.starts_on.to_string(),
    );
    k.key("ends_on", s.ends_on.to_string(), f.ends_on.to_string());
    k.key("timezone", s.timezone.clone(), f.timezone.clone());
    k.key(
        "organisers",
        s.organisers.join(", "),
        f.organisers.join(", "),
    );
    k.key(
        "contact_name",
        s.contact_name.clone(),
        f.contact_name.clone(),
    );
    k.key(
        "contact_role",
        s.contact_role.clone(),
        f.contact_role.clone(),
    );
    k.key(
        "contact_phone",
        s.contact_phone.clone(),
        f.contact_phone.clone(),
    );

    let (store_kinds, file_kinds): (Vec<_>, Vec<_>) = (
        store.kinds.iter().cloned().collect(),
        file.kinds.iter().cloned().collect(),
    );
    matched(
        &mut out,
        Section::Kind,
        &store_kinds,
        &file_kinds,
        |k| k.kind.code().to_string(),
        |k| format!("{} ({})", k.kind, k.name),
        |k, s, f| {
            k.key("name", s.name.clone(), f.name.clone());
            k.key("short", s.short.clone(), f.short.clone());
            k.key("name_en", s.name_en.clone(), f.name_en.clone());
            k.key("short_en", s.short_en.clone(), f.short_en.clone());
            k.key(
                "youth_base",
                s.youth_base.to_string(),
                f.youth_base.to_string(),
            );
        },
    );
    matched(
        &mut out,
        Section::Unit,
        &store.units,
        &file.units,
        |u| u.code.clone(),
        |u| format!("{} ({})", u.code, u.name),
        |k, s, f| {
            k.key("name", s.name.clone(), f.name.clone());
            k.key("kind", s.kind.code().into(), f.kind.code().into());
            // A contact the file leaves empty is one it does not state (the shipped plan
            // names none): what the officer typed since stays, and is no difference.
            if !f.contact_person.is_empty() {
                k.key(
                    "contact_person",
                    s.contact_person.clone(),
                    f.contact_person.clone(),
                );
            }
            if !f.phone.is_empty() {
                k.key("phone", s.phone.clone(), f.phone.clone());
            }
            k.key("acts_for", s.acts_for.join(", "), f.acts_for.join(", "));
        },
    );
    matched(
        &mut out,
        Section::Round,
        &store.volunteer_days,
        &file.volunteer_days,
        |d| d.code.clone(),
        |d| d.code.clone(),
        |k, s, f| {
            k.key("round", s.round.to_string(), f.round.to_string());
            k.key("date", s.date.to_string(), f.date.to_string());
            k.key("title", s.title.clone(), f.title.clone());
            k.key("host", s.host.clone(), f.host.clone());
            k.key(
                "registration_deadline",
                moment(&s.registration_deadline),
                moment(&f.registration_deadline),
            );
            k.key(
                "report_deadline",
                moment(&s.report_deadline),
                moment(&f.report_deadline),
            );
        },
    );
    matched(
        &mut out,
        Section::Requirement,
        &store.requirements,
        &file.requirements,
        |r| r.code.clone(),
        |r| r.code.clone(),
        |k, s, f| {
            let kinds = |r: &super::campaign::RequirementDef| -> String {
                let v: Vec<&str> = r.applies_to.iter().map(|k| k.code()).collect();
                v.join(", ")
            };
            k.key("title", s.title.clone(), f.title.clone());
            k.key("short", s.short.clone(), f.short.clone());
            k.key("source", s.source.code().into(), f.source.code().into());
            k.key("applies_to", kinds(s), kinds(f));
            k.key("deadline", opt_moment(&s.deadline), opt_moment(&f.deadline));
            k.key(
                "volunteer_day",
                s.volunteer_day.clone().unwrap_or_default(),
                f.volunteer_day.clone().unwrap_or_default(),
            );
            k.key("evidence", s.evidence.clone(), f.evidence.clone());
            k.key("basis", s.basis.clone(), f.basis.clone());
        },
    );
    matched(
        &mut out,
        Section::Task,
        &store.tasks,
        &file.tasks,
        |t| format!("{}|{}|{}", t.unit, t.volunteer_day, t.title),
        |t| format!("{} / {}: {}", t.unit, t.volunteer_day, t.title),
        |k, s, f| {
            let figures = |t: &super::campaign::TaskDef| -> String {
                let v: Vec<&str> = t.figures.iter().map(|m| m.code()).collect();
                v.join(", ")
            };
            k.key("description", s.description.clone(), f.description.clone());
            k.key(
                "kpi",
                s.kpi.clone().unwrap_or_default(),
                f.kpi.clone().unwrap_or_default(),
            );
            k.key("figures", figures(s), figures(f));
        },
    );
    matched(
        &mut out,
        Section::Kpi,
        &store.kpis,
        &file.kpis,
        |x| x.code.clone(),
        |x| x.code.clone(),
        |k, s, f| {
            let target = |t: Option<f64>| t.map(|t| t.to_string()).unwrap_or_default();
            k.key("name", s.name.clone(), f.name.clone());
            k.key("definition", s.definition.clone(), f.definition.clone());
            k.key("numerator", s.numerator.clone(), f.numerator.clone());
            k.key("denominator", s.denominator.clone(), f.denominator.clone());
            k.key("target", target(s.target), target(f.target));
            k.key("target_note", s.target_note.clone(), f.target_note.clone());
            k.key("source", s.source.code().into(), f.source.code().into());
        },
    );
    matched(
        &mut out,
        Section::Agenda,
        &store.agenda,
        &file.agenda,
        |a| a.title.clone(),
        |a| a.title.clone(),
        |k, s, f| {
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            k.key("owner", s.owner.clone(), f.owner.clone());
            k.key("date", date(s.date), date(f.date));
            k.key("status", s.status.clone(), f.status.clone());
            k.key("note", s.note.clone(), f.note.clone());
        },
    );
    named(&mut out, Section::Field, &store.fields, &file.fields);
    named(
        &mut out,
        Section::Activity,
        &store.activities,
        &file.activities,
    );

    let (s, f) = (&store.document, &file.document);
    let mut k = Keys {
        out: &mut out,
        section: Section::Document,
        name: "document".into(),
    };
    k.key(
        "superior_body",
        s.superior_body.clone(),
        f.superior_body.clone(),
    );
    k.key(
        "issuing_body",
        s.issuing_body.clone(),
        f.issuing_body.clone(),
    );
    k.key("motto", s.motto.clone(), f.motto.clone());
    k.key(
        "number_suffix",
        s.number_suffix.clone(),
        f.number_suffix.clone(),
    );
    k.key("place", s.place.clone(), f.place.clone());
    k.key(
        "signer_on_behalf",
        s.signer_on_behalf.clone(),
        f.signer_on_behalf.clone(),
    );
    k.key("signer_role", s.signer_role.clone(), f.signer_role.clone());
    k.key("signer_name", s.signer_name.clone(), f.signer_name.clone());
    k.key(
        "recipients",
        s.recipients.join("; "),
        f.recipients.join("; "),
    );
    out
}

/// What ties something in the store to the campaign's history: a thing a campaign file
/// leaves out is removed only when it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// Manual checklist ticks.
    Checks,
    Initiatives,
    /// Units replicating another unit's initiative.
    Replications,
    Registrations,
    Figures,
    Reports,
    /// A measured KPI's dated measurements.
    Measurements,
    /// Units of a kind that stay in the store (archived) after the change.
    Units,
}

/// Something the file leaves out that the store cannot drop, with its records counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub section: Section,
    /// Its code in the file (for a unit, the unit's code).
    pub code: String,
    /// As the difference names it.
    pub name: String,
    pub records: Vec<(Record, usize)>,
}

/// The changes counted as a change summary says them: things added, things with at least
/// one value changed, things removed.
pub fn counts(changes: &[Change]) -> (usize, usize, usize) {
    let mut changed: Vec<(Section, &str)> = Vec::new();
    let (mut added, mut removed) = (0, 0);
    for c in changes {
        match c {
            Change::Added { .. } => added += 1,
            Change::Removed { .. } => removed += 1,
            Change::Changed { section, name, .. } => {
                if !changed.contains(&(*section, name.as_str())) {
                    changed.push((*section, name.as_str()));
                }
            }
        }
    }
    (added, changed.len(), removed)
}
