//! Tab 4's new round: the next Saturday, its deadlines, checked against the campaign.

use super::form::{Field, FieldId, Form, Purpose, Rule};
use super::update::{field_problem, set_status, write_failed};
use super::update_volunteer::refresh;
use super::{App, StatusKind};
use crate::domain::campaign::RequirementSource;
use crate::domain::change::ChangeSummary;
use crate::domain::rounds::{RoundError, check_round, default_deadlines};
use crate::domain::time::format_date;
use crate::domain::time::read_datetime;
use crate::domain::unit::UnitKind;
use crate::store::{NewDay, RoundRequirement, Store};
use chrono::Datelike;

/// The form of a new round: the next Saturday after the last round, its deadlines as the plan
/// set round 2's.
pub(super) fn open_round(app: &mut App) {
    let s = app.strings();
    let last = app.board.volunteer_days.iter().map(|d| d.date).max();
    let start = last.map_or(app.now.date_naive(), |d| d + chrono::Duration::days(7));
    // The next Saturday from there.
    let offset = (6 + 7 - start.weekday().num_days_from_monday() as i64 + 7 - 1) % 7;
    let date = start + chrono::Duration::days(offset);
    let round = app
        .board
        .volunteer_days
        .iter()
        .map(|d| d.round)
        .max()
        .unwrap_or(0)
        + 1;
    let (reg, rep) = default_deadlines(date);
    let host = app
        .board
        .volunteer_days
        .last()
        .map(|d| d.host.clone())
        .unwrap_or_default();
    let fmt = |t: chrono::DateTime<chrono::FixedOffset>| t.format("%d/%m/%Y %H:%M").to_string();
    app.form = Some(Form::new(
        s.form_round.to_string(),
        Purpose::Round,
        vec![
            Field::new(FieldId::Date, s.fl_day_date, &format_date(date), Rule::Free)
                .with_hint(s.hint_date),
            Field::new(FieldId::Round, s.fl_round, &round.to_string(), Rule::Free),
            Field::new(
                FieldId::Title,
                s.fl_day_title,
                &s.day_title_default(round),
                Rule::Text {
                    max_chars: 300,
                    required: true,
                },
            ),
            Field::new(
                FieldId::Host,
                s.fl_host,
                &host,
                Rule::Text {
                    max_chars: 200,
                    required: false,
                },
            ),
            Field::new(
                FieldId::RegistrationDeadline,
                s.fl_reg_deadline,
                &fmt(reg),
                Rule::DateTime,
            )
            .with_hint(s.hint_datetime),
            Field::new(
                FieldId::ReportDeadline,
                s.fl_report_deadline,
                &fmt(rep),
                Rule::DateTime,
            )
            .with_hint(s.hint_datetime),
        ],
    ));
}

/// Checks the new round against the campaign (a Saturday inside it, not taken, deadlines in
/// order) and adds it; the problem is named next to its field otherwise.
pub(super) fn save_round(app: &mut App, store: &mut Store) {
    let s = app.strings();
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let text = |id| form.text(id);
    let date = match crate::domain::initiative::parse_date(&text(FieldId::Date)) {
        Ok(d) => d,
        Err(e) => return field_problem(app, FieldId::Date, s.initiative_error(&e)),
    };
    let round = match text(FieldId::Round).parse::<i64>() {
        Ok(n) if (1..=99).contains(&n) => n,
        _ => return field_problem(app, FieldId::Round, s.err_round.to_string()),
    };
    let (Some(reg), Some(rep)) = (
        read_datetime(&text(FieldId::RegistrationDeadline)).ok(),
        read_datetime(&text(FieldId::ReportDeadline)).ok(),
    ) else {
        return field_problem(
            app,
            FieldId::RegistrationDeadline,
            s.err_datetime.to_string(),
        );
    };
    let c = &app.board.campaign;
    let existing: Vec<chrono::NaiveDate> =
        app.board.volunteer_days.iter().map(|d| d.date).collect();
    if let Err(e) = check_round(date, (c.starts_on, c.ends_on), &existing, reg, rep) {
        let (id, text) = match e {
            RoundError::NotSaturday(w) => (
                FieldId::Date,
                s.err_not_saturday(format_date(date), s.weekday(w)),
            ),
            RoundError::OutsideCampaign { start, end } => (
                FieldId::Date,
                s.err_date_range(format_date(start), format_date(end)),
            ),
            RoundError::Exists => (FieldId::Date, s.err_day_exists(format_date(date))),
            RoundError::DeadlineOrder => (
                FieldId::RegistrationDeadline,
                s.err_deadline_order.to_string(),
            ),
        };
        return field_problem(app, id, text);
    }
    let title = text(FieldId::Title);
    let day = NewDay {
        round,
        date,
        requirements: round_requirements(app, &title, reg, rep),
        title,
        host: text(FieldId::Host),
        registration_deadline: reg,
        report_deadline: rep,
    };
    let summary = ChangeSummary::Round { round, date };
    match store.add_volunteer_day(&day, app.now, &summary) {
        Ok(id) => {
            app.form = None;
            super::update::reload(app, store);
            if let Some(i) = app.board.volunteer_days.iter().position(|d| d.id == id) {
                app.volunteer.day = i;
            }
            refresh(app, store);
            set_status(app, StatusKind::Saved, s.saved(s.change(&summary)));
        }
        Err(e) => write_failed(app, &e),
    }
}

/// What a new round asks of the units, as the rounds before it did: its registration due at
/// `reg` and its quick report due at `rep`. The latest round's requirement of each kind is
/// the pattern (who owes it, its column header, its evidence); a campaign with none asks
/// every kind of unit it has, under the app's own words.
fn round_requirements(
    app: &App,
    title: &str,
    reg: chrono::DateTime<chrono::FixedOffset>,
    rep: chrono::DateTime<chrono::FixedOffset>,
) -> Vec<RoundRequirement> {
    let s = app.strings();
    let board = &app.board;
    let date_of = |day: Option<i64>| {
        day.and_then(|id| board.volunteer_days.iter().find(|d| d.id == id))
            .map(|d| d.date)
    };
    let mut every_kind: Vec<UnitKind> = Vec::new();
    for u in &board.units {
        if !every_kind.contains(&u.kind) {
            every_kind.push(u.kind.clone());
        }
    }
    [
        (
            RequirementSource::VolunteerRegistration,
            reg,
            s.round_req_registration(title),
            s.round_req_registration_short,
            s.round_req_registration_evidence,
        ),
        (
            RequirementSource::QuickReport,
            rep,
            s.round_req_report(title),
            s.round_req_report_short,
            s.round_req_report_evidence,
        ),
    ]
    .into_iter()
    .map(|(source, deadline, title, short, evidence)| {
        let pattern = board
            .all_requirements
            .iter()
            .filter(|r| r.source == source && r.volunteer_day_id.is_some())
            .max_by_key(|r| date_of(r.volunteer_day_id));
        RoundRequirement {
            code: source.code().replace('_', "-"),
            title,
            short: pattern.map_or(short.to_string(), |p| p.short.clone()),
            source,
            applies_to: pattern.map_or(every_kind.clone(), |p| p.applies_to.clone()),
            deadline,
            evidence: pattern.map_or(evidence.to_string(), |p| p.evidence.clone()),
        }
    })
    .collect()
}
