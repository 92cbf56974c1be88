//! Initiatives: matched on (unit, title) — a title is compared without case or diacritics.

use std::collections::HashMap;

use super::{Outcome, Planner, Row, names};
use crate::domain::import::Col;
use crate::domain::initiative::{
    CommendationLevel, FieldRef, InitiativeKind, Stage, TEXT_MAX, TITLE_MAX, Valid, check_date_in,
    check_title, entry_key, parse_score,
};
use crate::domain::sheet::key;
use crate::domain::time::read_date;
use crate::store::{ExistingInitiative, ImportOp};

pub(super) fn plan(p: &mut Planner<'_, '_>) {
    let existing = match p.ctx.store.initiatives_for_import() {
        Ok(list) => list,
        Err(e) => {
            p.plan.errors.push(super::RowError {
                row: 0,
                column: None,
                reason: p.ctx.s().store_error(&e),
            });
            return;
        }
    };
    let mut by_key: HashMap<(i64, String), &ExistingInitiative> = HashMap::new();
    for e in &existing {
        by_key.entry(entry_key(e.unit_id, &e.title)).or_insert(e);
    }
    let fields: HashMap<String, i64> = match p.ctx.store.fields() {
        Ok(list) => list.into_iter().map(|f| (key(&f.name), f.id)).collect(),
        Err(_) => HashMap::new(),
    };
    let choices = Choices::new();
    let mut new_fields: Vec<String> = Vec::new();
    for row in p.rows().collect::<Vec<_>>() {
        plan_row(p, &row, &by_key, &fields, &choices, &mut new_fields);
    }
    if !new_fields.is_empty() {
        let note = p.s().im_note_new_fields(new_fields.join(", "));
        p.plan.notes.push(note);
    }
}

struct Choices {
    kinds: Vec<(Vec<String>, InitiativeKind)>,
    stages: Vec<(Vec<String>, Stage)>,
    levels: Vec<(Vec<String>, CommendationLevel)>,
}

impl Choices {
    fn new() -> Choices {
        Choices {
            kinds: InitiativeKind::ALL
                .into_iter()
                .map(|k| (names(k.code(), |s| vec![s.initiative_kind(k)]), k))
                .collect(),
            stages: Stage::ALL
                .into_iter()
                .map(|st| {
                    let words = names(st.code(), |s| {
                        let mut v = vec![s.stage(st)];
                        if st == Stage::Proposed {
                            v.push(s.stage_proposed_short);
                        }
                        v
                    });
                    (words, st)
                })
                .collect(),
            levels: CommendationLevel::ALL
                .into_iter()
                .map(|l| (names(l.code(), |s| vec![s.level(l)]), l))
                .collect(),
        }
    }
}

fn plan_row(
    p: &mut Planner<'_, '_>,
    row: &Row<'_>,
    by_key: &HashMap<(i64, String), &ExistingInitiative>,
    fields: &HashMap<String, i64>,
    choices: &Choices,
    new_fields: &mut Vec<String>,
) {
    let s = p.s();
    let campaign = (p.ctx.board.campaign.starts_on, p.ctx.board.campaign.ends_on);
    let unit = p.unit(row);
    let title = match p.cell(row, Col::Title) {
        None => {
            p.error(row, Some(Col::Title), s.im_err_empty_cell.to_string());
            None
        }
        Some(t) => match check_title(t) {
            Ok(()) => Some(t.to_string()),
            Err(e) => {
                p.error(row, Some(Col::Title), s.initiative_error(&e));
                None
            }
        },
    };
    let kind_names: Vec<&str> = InitiativeKind::ALL
        .iter()
        .map(|k| s.initiative_kind(*k))
        .collect();
    let kind = p.choice(row, Col::InitiativeKind, &choices.kinds, &kind_names);
    let stage_names: Vec<&str> = Stage::ALL.iter().map(|st| s.stage(*st)).collect();
    let stage = p.choice(row, Col::Stage, &choices.stages, &stage_names);
    let level_names: Vec<&str> = CommendationLevel::ALL.iter().map(|l| s.level(*l)).collect();
    let level = p.choice(row, Col::Commendation, &choices.levels, &level_names);
    let summary = p.text(row, Col::Summary, TEXT_MAX);
    let effect = p.text(row, Col::ExpectedEffect, TEXT_MAX);
    let notes = p.text(row, Col::EvaluationNotes, TEXT_MAX);
    let person = p.text(row, Col::CommendedFor, TITLE_MAX);
    let date = match p.cell(row, Col::RegisteredOn) {
        None => Ok(None),
        Some(text) => match read_date(text) {
            Ok(d) => match check_date_in(d, campaign.0, campaign.1) {
                Ok(()) => Ok(Some(d)),
                Err(e) => {
                    p.error(row, Some(Col::RegisteredOn), s.initiative_error(&e));
                    Err(())
                }
            },
            Err(issue) => {
                let reason = p.date_error(text, &issue);
                p.error(row, Some(Col::RegisteredOn), reason);
                Err(())
            }
        },
    };
    let score = match p.cell(row, Col::Score) {
        None => Ok(None),
        Some(text) => match parse_score(text) {
            Ok(v) => Ok(v),
            Err(e) => {
                p.error(row, Some(Col::Score), s.initiative_error(&e));
                Err(())
            }
        },
    };
    if let (Some(unit_id), Some(title)) = (unit, &title) {
        // Checked even when the row has other errors, so a doubled row is reported too.
        let (unit_id, title_key) = entry_key(unit_id, title);
        if p.duplicate(row, format!("{unit_id}:{title_key}"), Col::Title) {
            return;
        }
    }
    let (
        Some(unit_id),
        Some(title),
        Ok(kind),
        Ok(stage),
        Ok(level),
        Ok(summary),
        Ok(effect),
        Ok(notes),
        Ok(person),
        Ok(date),
        Ok(score),
    ) = (
        unit, title, kind, stage, level, summary, effect, notes, person, date, score,
    )
    else {
        return;
    };
    let entry = entry_key(unit_id, &title);
    let field = p
        .cell(row, Col::Field)
        .map(|name| match fields.get(&key(name)) {
            Some(id) => FieldRef::Existing(*id),
            None => {
                if !new_fields.iter().any(|f| key(f) == key(name)) {
                    new_fields.push(name.to_string());
                }
                FieldRef::New(name.to_string())
            }
        });
    let label = format!("{} — {title}", p.unit_label(unit_id));
    let old = by_key.get(&entry).copied();
    let Some(old) = old else {
        let Some(registered_on) = date else {
            p.error(row, Some(Col::RegisteredOn), s.im_err_need_date.to_string());
            return;
        };
        let stage = stage.unwrap_or(Stage::Registered);
        if stage.needs_proposal() && level.is_none() {
            needs_level(p, row, stage);
            return;
        }
        p.plan.ops.push(ImportOp::AddInitiative {
            valid: Valid {
                kind: kind.unwrap_or(InitiativeKind::Initiative),
                title,
                unit_id,
                field: field.unwrap_or(FieldRef::None),
                summary: summary.unwrap_or_default(),
                expected_effect: effect.unwrap_or_default(),
                registered_on,
                evaluation_notes: notes.unwrap_or_default(),
                score,
            },
            stage,
            proposal: level.map(|l| (l, person)),
        });
        p.item(row, Outcome::Add, label, Vec::new());
        return;
    };
    let mut changed = Vec::new();
    let mut note = |col: Col, differs: bool| {
        if differs {
            changed.push(p.header(col));
        }
    };
    let new_kind = kind.unwrap_or(old.kind);
    note(Col::InitiativeKind, new_kind != old.kind);
    let new_field = match &field {
        None => old.field_id.map_or(FieldRef::None, FieldRef::Existing),
        Some(f) => f.clone(),
    };
    note(
        Col::Field,
        match &new_field {
            FieldRef::Existing(id) => Some(*id) != old.field_id,
            FieldRef::New(_) => true,
            FieldRef::None => old.field_id.is_some(),
        },
    );
    let summary = summary.unwrap_or_else(|| old.summary.clone());
    note(Col::Summary, summary != old.summary);
    let effect = effect.unwrap_or_else(|| old.expected_effect.clone());
    note(Col::ExpectedEffect, effect != old.expected_effect);
    let notes = notes.unwrap_or_else(|| old.evaluation_notes.clone());
    note(Col::EvaluationNotes, notes != old.evaluation_notes);
    let registered_on = date.unwrap_or(old.registered_on);
    note(Col::RegisteredOn, registered_on != old.registered_on);
    let score = score.or(old.score);
    note(Col::Score, score != old.score);
    let new_stage = stage.filter(|st| *st != old.stage);
    note(Col::Stage, new_stage.is_some());
    let effective = new_stage.unwrap_or(old.stage);
    let level = level.or(old.commendation_level);
    let person = match person {
        Some(p) => Some(p),
        None => old.commendation_for.clone().filter(|p| !p.is_empty()),
    };
    let proposal_changes = effective.needs_proposal()
        && (level != old.commendation_level
            || person != old.commendation_for.clone().filter(|p| !p.is_empty()));
    note(Col::Commendation, proposal_changes);
    if effective.needs_proposal() && level.is_none() {
        needs_level(p, row, effective);
        return;
    }
    if changed.is_empty() {
        p.item(row, Outcome::Unchanged, label, changed);
        return;
    }
    p.plan.ops.push(ImportOp::UpdateInitiative {
        id: old.id,
        valid: Valid {
            kind: new_kind,
            title: old.title.clone(),
            unit_id,
            field: new_field,
            summary,
            expected_effect: effect,
            registered_on,
            evaluation_notes: notes,
            score,
        },
        stage: new_stage,
        proposal: level.map(|l| (l, person)),
    });
    p.item(row, Outcome::Update, label, changed);
}

fn needs_level(p: &mut Planner<'_, '_>, row: &Row<'_>, stage: Stage) {
    let s = p.s();
    let col = if p.has(Col::Commendation) {
        Col::Commendation
    } else {
        Col::Stage
    };
    p.error(row, Some(col), s.im_err_need_level(s.stage(stage)));
}
