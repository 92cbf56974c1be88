//! `i`: import a CSV on the tab it belongs to. A path prompt, then a preview of the whole
//! file (add / update / unchanged / errors); Enter writes it, and only a clean plan.

use std::cell::Cell;

use super::form::{Field, FieldId, Form, Purpose, Rule};
use super::keymap::Command;
use super::update::{reload_everything, set_status};
use super::{App, StatusKind};
use crate::domain::import::ImportKind;
use crate::io::import::{self, Context, Outcome, Plan, preview};
use crate::io::paths::{complete, typed_path};
use crate::store::Store;

/// The preview on screen, waiting for Enter or Esc.
#[derive(Debug)]
pub struct ImportPreview {
    pub plan: Plan,
    pub lines: Vec<preview::Line>,
    /// First line shown; written back by the renderer when it clamps it.
    pub scroll: Cell<usize>,
}

impl ImportPreview {
    /// Enter would write something.
    pub fn can_apply(&self) -> bool {
        self.plan.is_clean() && self.plan.has_changes()
    }
}

/// What `i` imports on the current screen, if anything.
pub fn kind_here(app: &App) -> Option<ImportKind> {
    app.tab.view().import_kind(app)
}

pub fn open_prompt(app: &mut App) {
    let Some(kind) = kind_here(app) else {
        return;
    };
    let s = app.strings();
    let last = app.last_import_folder.clone().unwrap_or_default();
    app.form = Some(Form::new(
        s.im_prompt_title(import::kind_name(kind, s)),
        Purpose::ImportPath { kind },
        vec![
            Field::new(
                FieldId::ImportPath,
                s.im_prompt_path,
                &last,
                Rule::Text {
                    max_chars: 4096,
                    required: true,
                },
            )
            .with_hint(s.hint_import_path),
        ],
    ));
}

/// The prompt was answered: read and check the file, show the preview. Nothing is written.
pub fn plan(app: &mut App, store: &Store, kind: ImportKind) {
    let Some(text) = app
        .form
        .as_ref()
        .and_then(|f| f.field(FieldId::ImportPath))
        .map(Field::value)
    else {
        return;
    };
    let path = typed_path(&text);
    let default_day = if app.board.volunteer_days.is_empty() {
        None
    } else {
        Some(app.volunteer.day.min(app.board.volunteer_days.len() - 1))
    };
    let ctx = Context {
        store,
        board: &app.board,
        now: app.now,
        lang: app.lang,
        default_day,
    };
    let plan = import::plan_file(&path, kind, &ctx);
    let lines = preview::lines(&plan, app.strings(), None);
    // The next prompt starts in the same folder: files of one campaign sit together.
    app.last_import_folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR));
    app.form = None;
    app.import = Some(ImportPreview {
        plan,
        lines,
        scroll: Cell::new(0),
    });
}

/// Keys while the preview is open. Returns whether the key was the preview's.
pub fn command(app: &mut App, store: &mut Store, cmd: Command) -> bool {
    let Some(p) = app.import.as_ref() else {
        return false;
    };
    let page = 10;
    let scroll = p.scroll.get();
    match cmd {
        Command::Down => p.scroll.set(scroll + 1),
        Command::Up => p.scroll.set(scroll.saturating_sub(1)),
        Command::PageDown => p.scroll.set(scroll + page),
        Command::PageUp => p.scroll.set(scroll.saturating_sub(page)),
        Command::Top => p.scroll.set(0),
        Command::Bottom => p.scroll.set(usize::MAX / 2),
        Command::CancelForm => {
            app.import = None;
        }
        Command::Save => apply(app, store),
        _ => return false,
    }
    true
}

fn apply(app: &mut App, store: &mut Store) {
    let Some(p) = app.import.take() else {
        return;
    };
    let s = app.strings();
    if !p.plan.is_clean() {
        // Nothing to do but read the errors; Enter leaves them on screen.
        app.import = Some(p);
        return;
    }
    if !p.plan.has_changes() {
        return set_status(app, StatusKind::Info, s.im_nothing.to_string());
    }
    match import::apply(store, &p.plan, app.lang, app.now) {
        Ok(()) => {
            reload_everything(app, store);
            let text = s.im_done(
                import::kind_name(p.plan.kind, s),
                &p.plan.source,
                p.plan.count(Outcome::Add).to_string(),
                p.plan.count(Outcome::Update).to_string(),
            );
            set_status(app, StatusKind::Saved, text);
        }
        Err(e) => {
            set_status(app, StatusKind::Error, s.im_failed(s.store_error(&e)));
            // The preview stays, so the officer can try again or read what would go in.
            app.import = Some(p);
        }
    }
}

/// Tab at the path prompt: the file or folder name completed as far as the matches agree; when
/// several remain, the status line names them.
/// Tab in the quick report's photo field: completes the name on the cursor's line; a line
/// with nothing to complete (empty, or a whole name already) goes on to the next field.
pub fn complete_photo(app: &mut App) {
    let s = app.strings();
    let Some(form) = app.form.as_mut() else {
        return;
    };
    let Some(super::form::Input::Lines(lines)) = form.focused_input() else {
        return;
    };
    let line = lines.current_line();
    let done = crate::io::paths::complete_photo(line.trim());
    if line.trim().is_empty() || (done.text == line.trim() && done.candidates.is_empty()) {
        form.next();
        return;
    }
    lines.set_current_line(&done.text);
    app.status = candidates_status(s, &done.candidates);
}

/// The names Tab could complete to, on the status line (the first few, then how many more).
fn candidates_status(s: &crate::i18n::Strings, candidates: &[String]) -> Option<super::Status> {
    const SHOWN: usize = 6;
    if candidates.is_empty() {
        return None;
    }
    let mut names = candidates[..candidates.len().min(SHOWN)].join(" · ");
    if candidates.len() > SHOWN {
        names.push_str(&format!(" · +{}", candidates.len() - SHOWN));
    }
    Some(super::Status {
        kind: StatusKind::Info,
        text: s.im_candidates(&names),
    })
}

pub fn complete_path(app: &mut App) {
    let s = app.strings();
    let Some(field) = app.form.as_mut().and_then(|f| f.focused_line()) else {
        return;
    };
    let done = complete(field.value());
    field.set(&done.text);
    app.status = candidates_status(s, &done.candidates);
}
