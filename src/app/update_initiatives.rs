//! Tab 3's actions: add, edit, delete, stage moves with their proposal, replication, filters.

use super::form::{Choice, ChoiceOption, Field, FieldId, Form, NEW_OPTION, Purpose, Rule};
use super::initiatives::{Filters, Registry};
use super::keymap::Command;
use super::update::{
    Stale, field_problem, finish_write, read_failed, reload, set_status, write_failed,
};
use super::{App, Confirm, ConfirmAction, StatusKind};
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;
use crate::domain::initiative::{
    self, CommendationLevel, Draft, FieldRef, InitiativeKind, Proposal, Stage, TEXT_MAX, TITLE_MAX,
};
use crate::domain::time::format_date;
use crate::store::{InitiativeRow, Store};

/// The commands of the Initiatives context.
pub(super) fn command(app: &mut App, store: &mut Store, cmd: Command) {
    match cmd {
        Command::Add => open_new(app),
        Command::Edit => open_edit(app, store),
        Command::StageNext => step_stage(app, store, true),
        Command::StagePrev => step_stage(app, store, false),
        Command::StageJump => open_stage_jump(app),
        Command::Replicate => open_replications(app, store),
        Command::DeleteItem => ask_delete(app),
        Command::FilterForm => open_filter_form(app),
        Command::CycleSort => {
            let keep = app.initiatives.selected_row(&app.registry).map(|r| r.id);
            app.initiatives.sort = app.initiatives.sort.next();
            app.initiatives.rebuild(&app.registry, keep);
        }
        Command::Import => super::update_import::open_prompt(app),
        _ => {}
    }
}

/// Reads the registry the first time tab 3 needs it.
pub(super) fn ensure_registry(app: &mut App, store: &Store) {
    if app.registry_loaded {
        return;
    }
    match Registry::load(store, &app.board.units) {
        Ok(registry) => {
            app.registry = registry;
            app.registry_loaded = true;
            app.initiatives.rebuild(&app.registry, None);
        }
        Err(e) => read_failed(app, &e),
    }
}

pub(super) fn ensure_detail(app: &mut App, store: &Store) {
    let id = app.initiatives.selected_row(&app.registry).map(|r| r.id);
    let cached = app.initiatives.detail.as_ref().map(|(i, _)| *i);
    if id == cached {
        return;
    }
    app.initiatives.detail = match id {
        Some(id) => match store.initiative_detail(id) {
            Ok(d) => Some((id, d)),
            Err(e) => {
                read_failed(app, &e);
                None
            }
        },
        None => None,
    };
}

/// After a write touching initiatives: re-read those rows, the board (the checklist follows
/// the registry) and the detail pane.
pub(super) fn after_write(app: &mut App, store: &Store, ids: &[i64]) {
    // Read the selection while its position still means something.
    let keep = app.initiatives.selected_row(&app.registry).map(|r| r.id);
    if let Err(e) = app.registry.refresh(store, ids) {
        read_failed(app, &e);
    }
    if keep.is_some_and(|k| ids.contains(&k)) {
        app.initiatives.pinned = keep;
    }
    app.initiatives.rebuild(&app.registry, keep);
    app.initiatives.detail = None;
    reload(app, store);
    ensure_detail(app, store);
}

fn selected(app: &App) -> Option<InitiativeRow> {
    app.initiatives.selected_row(&app.registry).cloned()
}

fn unit_name(app: &App, id: i64) -> String {
    app.board.unit_name(id).to_string()
}

fn unit_options(app: &App) -> Vec<ChoiceOption> {
    app.board
        .units
        .iter()
        .map(|u| ChoiceOption::new(u.id, u.name.clone()))
        .collect()
}

fn kind_options(app: &App) -> Vec<ChoiceOption> {
    let s = app.strings();
    InitiativeKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| ChoiceOption::new(i as i64, s.initiative_kind(*k)))
        .collect()
}

fn field_options(app: &App) -> Vec<ChoiceOption> {
    let s = app.strings();
    std::iter::once(ChoiceOption::new(0, s.no_field))
        .chain(
            app.registry
                .fields
                .iter()
                .map(|f| ChoiceOption::new(f.id, f.name.clone())),
        )
        .collect()
}

fn stage_options(app: &App) -> Vec<ChoiceOption> {
    let s = app.strings();
    Stage::ALL
        .iter()
        .enumerate()
        .map(|(i, st)| ChoiceOption::new(i as i64, s.stage(*st)))
        .collect()
}

/// What the initiative form starts with.
struct Values {
    kind: InitiativeKind,
    title: String,
    unit: Option<i64>,
    field: Option<i64>,
    summary: String,
    effect: String,
    date: String,
    notes: String,
    score: String,
}

pub(super) fn open_new(app: &mut App) {
    let s = app.strings();
    let values = Values {
        kind: InitiativeKind::Initiative,
        title: String::new(),
        // A unit filter in force is the likely unit of a new entry.
        unit: app.initiatives.filters.unit,
        field: None,
        summary: String::new(),
        effect: String::new(),
        date: format_date(app.now.date_naive()),
        notes: String::new(),
        score: String::new(),
    };
    let mut form = initiative_form(app, s.form_initiative_new, None, values);
    // The kind already has a sensible default: start where the officer types first.
    form.focus = 1;
    app.form = Some(form);
}

pub(super) fn open_edit(app: &mut App, store: &Store) {
    let s = app.strings();
    let Some(row) = selected(app) else {
        return;
    };
    let detail = match store.initiative_detail(row.id) {
        Ok(d) => d,
        Err(e) => return read_failed(app, &e),
    };
    let values = Values {
        kind: row.kind,
        title: row.title.clone(),
        unit: Some(row.unit_id),
        field: row.field_id,
        summary: detail.summary,
        effect: detail.expected_effect,
        date: format_date(row.registered_on),
        notes: detail.evaluation_notes,
        score: row.score.map(initiative::format_score).unwrap_or_default(),
    };
    let mut form = initiative_form(app, s.form_initiative_edit, Some(row.id), values);
    // As when adding: the title (field 1) is what is usually corrected.
    form.focus = 1;
    app.form = Some(form);
}

fn initiative_form(app: &App, title: &str, id: Option<i64>, v: Values) -> Form {
    let s = app.strings();
    let c = &app.board.campaign;
    let kind_index = InitiativeKind::ALL
        .iter()
        .position(|k| *k == v.kind)
        .unwrap_or(0) as i64;
    let text = |max| Rule::Text {
        max_chars: max,
        required: false,
    };
    Form::new(
        title.to_string(),
        Purpose::Initiative { id },
        vec![
            Field::choice(
                FieldId::Kind,
                s.fl_kind,
                Choice::single(kind_options(app), Some(kind_index)),
                Rule::Chosen,
            )
            .with_hint(s.hint_pick),
            Field::new(
                FieldId::Title,
                s.fl_title,
                &v.title,
                Rule::Text {
                    max_chars: TITLE_MAX,
                    required: true,
                },
            ),
            Field::choice(
                FieldId::Unit,
                s.fl_unit,
                Choice::single(unit_options(app), v.unit),
                Rule::Chosen,
            )
            .with_hint(s.hint_pick),
            Field::choice(
                FieldId::Sector,
                s.fl_field,
                Choice::single(field_options(app), Some(v.field.unwrap_or(0))).allowing_new(),
                Rule::Free,
            )
            .with_hint(s.hint_pick_new),
            Field::lines(
                FieldId::Summary,
                s.fl_summary,
                &v.summary,
                3,
                text(TEXT_MAX),
            )
            .with_hint(s.hint_lines),
            Field::lines(
                FieldId::ExpectedEffect,
                s.fl_effect,
                &v.effect,
                2,
                text(TEXT_MAX),
            )
            .with_hint(s.hint_lines),
            Field::new(
                FieldId::RegisteredOn,
                s.fl_date,
                &v.date,
                Rule::Date {
                    start: c.starts_on,
                    end: c.ends_on,
                },
            )
            .with_hint(s.hint_date),
            Field::lines(
                FieldId::EvaluationNotes,
                s.fl_notes,
                &v.notes,
                2,
                text(TEXT_MAX),
            )
            .with_hint(s.hint_lines),
            Field::new(FieldId::Score, s.fl_score, &v.score, Rule::Score).with_hint(s.hint_score),
        ],
    )
}

/// The form's values as a draft for the domain's rules.
fn draft(form: &Form) -> Draft {
    let chosen = |id| form.choice(id).and_then(|c| c.selected_option().cloned());
    let text = |id| form.text(id);
    let kind = chosen(FieldId::Kind)
        .and_then(|o| InitiativeKind::ALL.get(o.id as usize).copied())
        .unwrap_or(InitiativeKind::Initiative);
    let field = match chosen(FieldId::Sector) {
        Some(o) if o.id == NEW_OPTION => FieldRef::New(o.label),
        Some(o) if o.id > 0 => FieldRef::Existing(o.id),
        _ => FieldRef::None,
    };
    Draft {
        kind,
        title: text(FieldId::Title),
        unit_id: chosen(FieldId::Unit).map(|o| o.id),
        field,
        summary: text(FieldId::Summary),
        expected_effect: text(FieldId::ExpectedEffect),
        registered_on: text(FieldId::RegisteredOn),
        evaluation_notes: text(FieldId::EvaluationNotes),
        score: text(FieldId::Score),
    }
}

pub(super) fn save(app: &mut App, store: &mut Store, id: Option<i64>) {
    let s = app.strings();
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let d = draft(form);
    let c = &app.board.campaign;
    let units = &app.board.units;
    // The form checked each field; the domain checks the whole once more, so nothing that
    // breaks a rule can reach the store even if a field's rule were too lenient.
    let valid = match initiative::validate(
        &d,
        |u| units.iter().any(|x| x.id == u),
        (c.starts_on, c.ends_on),
    ) {
        Ok(v) => v,
        Err(errors) => {
            let text = errors
                .iter()
                .map(|(_, e)| super::form::initiative_error(e, s))
                .collect::<Vec<_>>()
                .join(" ");
            return set_status(app, StatusKind::Error, s.save_failed(&text));
        }
    };
    // One unit registers one initiative of a title once, however the title is written: a
    // second entry would count twice and drift from the first. Named, so it can be found.
    let wanted = initiative::entry_key(valid.unit_id, &valid.title);
    if let Some(first) = app.registry.entries.iter().map(|e| &e.row).find(|r| {
        Some(r.id) != id
            && r.unit_id == valid.unit_id
            && initiative::entry_key(r.unit_id, &r.title) == wanted
    }) {
        let why = s.err_initiative_exists(
            unit_name(app, first.unit_id),
            &first.title,
            format_date(first.registered_on),
        );
        return field_problem(app, FieldId::Title, why);
    }
    let unit = unit_name(app, valid.unit_id);
    let now = app.now;
    let result = match id {
        None => {
            let summary = ChangeSummary::AddInitiative {
                title: valid.title.clone(),
                unit,
            };
            store
                .add_initiative(&valid, now, &summary)
                .map(|new_id| (new_id, summary))
        }
        Some(id) => {
            let summary = ChangeSummary::EditInitiative {
                title: valid.title.clone(),
            };
            store
                .update_initiative(id, &valid, now, &summary)
                .map(|()| (id, summary))
        }
    };
    match result {
        Ok((id, summary)) => {
            app.form = None;
            after_write(app, store, &[id]);
            app.initiatives.select_id(&app.registry, id);
            ensure_detail(app, store);
            set_status(app, StatusKind::Saved, s.saved(s.change(&summary)));
        }
        // The form stays open with everything typed.
        Err(e) => write_failed(app, &e),
    }
}

pub(super) fn ask_delete(app: &mut App) {
    let s = app.strings();
    if app.tab != super::Tab::Initiatives {
        return;
    }
    if let Some(row) = selected(app) {
        app.confirm = Some(Confirm {
            question: s.confirm_delete(&row.title),
            on_yes: ConfirmAction::DeleteInitiative { id: row.id },
        });
    }
}

pub(super) fn delete(app: &mut App, store: &mut Store, id: i64) {
    let title = app
        .registry
        .get(id)
        .map(|r| r.title.clone())
        .unwrap_or_default();
    let summary = ChangeSummary::DeleteInitiative { title };
    let result = store.delete_initiative(id, app.now, &summary);
    finish_write(app, store, result, Stale::Initiatives(&[id]), &summary);
}

/// `>` and `<`: one stage on or back.
pub(super) fn step_stage(app: &mut App, store: &mut Store, forward: bool) {
    let s = app.strings();
    let Some(row) = selected(app) else {
        return;
    };
    let target = if forward {
        row.stage.next()
    } else {
        row.stage.prev()
    };
    match target {
        Some(stage) => go_to_stage(app, store, row.id, stage),
        None if forward => set_status(app, StatusKind::Info, s.stage_at_end.to_string()),
        None => set_status(app, StatusKind::Info, s.stage_at_start.to_string()),
    }
}

/// Moves to `stage`, asking for the proposal first when the move reaches "proposed" from
/// below (the level and whom it is for belong to that step).
pub(super) fn go_to_stage(app: &mut App, store: &mut Store, id: i64, stage: Stage) {
    let s = app.strings();
    let Some(row) = app.registry.get(id).cloned() else {
        return;
    };
    if stage.needs_proposal() && row.stage < Stage::Proposed {
        let options = CommendationLevel::ALL
            .iter()
            .enumerate()
            .map(|(i, l)| ChoiceOption::new(i as i64, s.level(*l)))
            .collect();
        app.form = Some(Form::new(
            s.form_proposal(&row.title),
            Purpose::Proposal { id, stage },
            vec![
                Field::choice(
                    FieldId::CommendationLevel,
                    s.fl_level,
                    Choice::single(options, Some(0)),
                    Rule::Chosen,
                )
                .with_hint(s.hint_pick),
                Field::new(
                    FieldId::CommendationFor,
                    s.fl_person,
                    "",
                    Rule::Text {
                        max_chars: 100,
                        required: false,
                    },
                )
                .with_hint(s.hint_person),
            ],
        ));
        return;
    }
    let proposal = row
        .commendation_level
        .map(|level| (level, row.commendation_for.clone()));
    write_stage(app, store, &row, stage, proposal);
}

fn write_stage(
    app: &mut App,
    store: &mut Store,
    row: &InitiativeRow,
    stage: Stage,
    proposal: Option<Proposal>,
) {
    let summary = ChangeSummary::Stage {
        title: row.title.clone(),
        from: row.stage,
        to: stage,
    };
    let result = store.set_stage(row.id, stage, proposal, "", app.now, &summary);
    finish_write(app, store, result, Stale::Initiatives(&[row.id]), &summary);
}

pub(super) fn save_proposal(app: &mut App, store: &mut Store, id: i64, stage: Stage) {
    let Some(form) = app.form.as_ref() else {
        return;
    };
    let level = form
        .choice(FieldId::CommendationLevel)
        .and_then(|c| c.selected_option())
        .and_then(|o| CommendationLevel::ALL.get(o.id as usize).copied())
        .unwrap_or(CommendationLevel::DistrictChair);
    let person = form
        .field(FieldId::CommendationFor)
        .map(|f| nfc(&f.value()))
        .filter(|p| !p.is_empty());
    let Some(row) = app.registry.get(id).cloned() else {
        return;
    };
    write_stage(app, store, &row, stage, Some((level, person)));
}

pub(super) fn open_stage_jump(app: &mut App) {
    let s = app.strings();
    let Some(row) = selected(app) else {
        return;
    };
    let choice = Choice::single(stage_options(app), Some(row.stage.index() as i64));
    app.form = Some(Form::new(
        s.form_stage(&row.title),
        Purpose::StageJump { id: row.id },
        vec![
            Field::choice(FieldId::Stage, s.fl_stage, choice, Rule::Chosen).with_hint(s.hint_pick),
        ],
    ));
}

pub(super) fn save_stage_jump(app: &mut App, store: &mut Store, id: i64) {
    let s = app.strings();
    let target = app
        .form
        .as_ref()
        .and_then(|f| f.choice(FieldId::Stage))
        .and_then(|c| c.selected_option())
        .and_then(|o| Stage::ALL.get(o.id as usize).copied());
    let (Some(stage), Some(row)) = (target, app.registry.get(id).cloned()) else {
        return;
    };
    app.form = None;
    if stage == row.stage {
        return set_status(app, StatusKind::Info, s.unchanged.to_string());
    }
    let skipped = initiative::skipped(row.stage, stage);
    if skipped.is_empty() {
        return go_to_stage(app, store, id, stage);
    }
    let names: Vec<&str> = skipped.iter().map(|st| s.stage(*st)).collect();
    app.confirm = Some(Confirm {
        question: s.confirm_skip(&row.title, s.stage(stage), names.join(", ")),
        on_yes: ConfirmAction::SkipToStage { id, stage },
    });
}

pub(super) fn open_replications(app: &mut App, store: &Store) {
    let s = app.strings();
    let Some(row) = selected(app) else {
        return;
    };
    let current: Vec<i64> = match store.initiative_detail(row.id) {
        Ok(d) => d.replications.iter().map(|(u, _)| *u).collect(),
        Err(e) => return read_failed(app, &e),
    };
    let options = unit_options(app)
        .into_iter()
        .filter(|o| o.id != row.unit_id)
        .collect();
    app.form = Some(Form::new(
        s.form_replications(&row.title),
        Purpose::Replications { id: row.id },
        vec![
            Field::choice(
                FieldId::ReplicatingUnits,
                s.fl_units,
                Choice::multi(options, &current),
                Rule::Free,
            )
            .with_hint(s.hint_multi),
        ],
    ));
}

pub(super) fn save_replications(app: &mut App, store: &mut Store, id: i64) {
    let units: Vec<i64> = app
        .form
        .as_ref()
        .and_then(|f| f.choice(FieldId::ReplicatingUnits))
        .map(Choice::selected_ids)
        .unwrap_or_default();
    let title = app
        .registry
        .get(id)
        .map(|r| r.title.clone())
        .unwrap_or_default();
    let summary = ChangeSummary::Replications {
        title,
        units: units.len(),
    };
    let today = app.now.date_naive();
    let result = store.set_replications(id, &units, today, app.now, &summary);
    finish_write(app, store, result, Stale::Initiatives(&[id]), &summary);
}

pub(super) fn open_filter_form(app: &mut App) {
    let s = app.strings();
    let f = app.initiatives.filters;
    // Id 0 is "(all)" in each picker; real choices are shifted by one.
    let with_all = |options: Vec<ChoiceOption>| {
        std::iter::once(ChoiceOption::new(0, s.all_option))
            .chain(
                options
                    .into_iter()
                    .map(|o| ChoiceOption::new(o.id + 1, o.label)),
            )
            .collect::<Vec<_>>()
    };
    let kind = f
        .kind
        .and_then(|k| InitiativeKind::ALL.iter().position(|x| *x == k))
        .map_or(0, |i| i as i64 + 1);
    let stage = f.stage.map_or(0, |st| st.index() as i64 + 1);
    let unit = f.unit.map_or(0, |u| u + 1);
    let field = f.field.map_or(0, |x| x + 1);
    let fields: Vec<ChoiceOption> = app
        .registry
        .fields
        .iter()
        .map(|x| ChoiceOption::new(x.id, x.name.clone()))
        .collect();
    app.form = Some(Form::new(
        s.form_filter.to_string(),
        Purpose::InitiativeFilter,
        vec![
            Field::choice(
                FieldId::Kind,
                s.fl_kind,
                Choice::single(with_all(kind_options(app)), Some(kind)),
                Rule::Free,
            ),
            Field::choice(
                FieldId::Stage,
                s.fl_stage,
                Choice::single(with_all(stage_options(app)), Some(stage)),
                Rule::Free,
            ),
            Field::choice(
                FieldId::Unit,
                s.fl_unit,
                Choice::single(with_all(unit_options(app)), Some(unit)),
                Rule::Free,
            )
            .with_hint(s.hint_pick),
            Field::choice(
                FieldId::Sector,
                s.fl_field,
                Choice::single(with_all(fields), Some(field)),
                Rule::Free,
            ),
        ],
    ));
}

pub(super) fn apply_filter_form(app: &mut App) {
    let Some(form) = app.form.take() else {
        return;
    };
    // The id of each picker's choice, without the "(all)" shift; None for "(all)".
    let chosen = |id| {
        form.choice(id)
            .and_then(|c| c.selected_option())
            .map(|o| o.id - 1)
            .filter(|id| *id >= 0)
    };
    app.initiatives.filters = Filters {
        kind: chosen(FieldId::Kind).and_then(|i| InitiativeKind::ALL.get(i as usize).copied()),
        stage: chosen(FieldId::Stage).and_then(|i| Stage::ALL.get(i as usize).copied()),
        unit: chosen(FieldId::Unit),
        field: chosen(FieldId::Sector),
    };
    app.initiatives.list.selected = 0;
    app.initiatives.refilter(&app.registry);
}

/// Tab 3, as the state machine asks about it.
pub(super) struct InitiativesTab;

impl super::tab::TabView for InitiativesTab {
    fn title(&self, s: &crate::i18n::Strings) -> &'static str {
        s.tab_initiatives
    }

    fn contexts(&self, app: &App) -> Vec<super::Context> {
        super::tab::list_contexts(app, super::Context::Initiatives)
    }

    fn command(&self, app: &mut App, store: &mut Store, _context: super::Context, cmd: Command) {
        command(app, store, cmd)
    }

    // Neither read waits for a change of values: the registry is read once, on the first
    // visit (writes refresh their rows), and the detail follows the selection.
    fn refresh(&self, app: &mut App, store: &Store, _values_may_change: bool) {
        ensure_registry(app, store);
        ensure_detail(app, store);
    }

    fn list<'a>(&self, app: &'a App) -> Option<&'a super::list_state::ListState> {
        Some(&app.initiatives.list)
    }

    fn list_mut<'a>(&self, app: &'a mut App) -> Option<&'a mut super::list_state::ListState> {
        Some(&mut app.initiatives.list)
    }

    fn move_selection(&self, app: &mut App, delta: isize) {
        let v = &mut app.initiatives;
        // Moving past the rows found so far needs the rest of a search in progress.
        if v.is_searching() && v.list.selected as isize + delta >= v.visible().len() as isize {
            v.finish_search(&app.registry);
        }
        v.list.selected = super::list_state::moved(v.list.selected, delta, v.visible().len());
    }

    fn clear_filter(&self, app: &mut App, stop_typing: bool) {
        let v = &mut app.initiatives;
        v.list.clear_filter(stop_typing);
        // Esc on the list drops every filter; in the filter line only the typed text.
        if !stop_typing {
            v.filters = Default::default();
        }
        v.refilter(&app.registry);
    }

    fn filter_changed(&self, app: &mut App) {
        app.initiatives.refilter(&app.registry);
        app.initiatives.list.selected = 0;
    }

    fn import_kind(&self, _app: &App) -> Option<crate::domain::import::ImportKind> {
        Some(crate::domain::import::ImportKind::Initiatives)
    }
}
