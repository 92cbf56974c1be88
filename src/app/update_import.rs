//! `i`: import a CSV on the tab it belongs to. A path prompt, then a preview of the whole
//! file (add / update / unchanged / errors); Enter writes it, and only a clean plan.

use std::cell::Cell;
use std::path::PathBuf;

use super::form::{Field, Form, Purpose, Rule};
use super::keymap::Command;
use super::update::{reload_everything, set_status};
use super::volunteer::Section;
use super::{App, StatusKind, Tab};
use crate::domain::import::ImportKind;
use crate::i18n::fill;
use crate::io::import::{self, Context, Outcome, Plan, preview};
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
    match app.tab {
        Tab::Units => Some(ImportKind::Units),
        Tab::Initiatives => Some(ImportKind::Initiatives),
        Tab::Volunteer => match app.volunteer.section {
            Section::Figures => Some(ImportKind::Figures),
            Section::Registrations => Some(ImportKind::Registrations),
            _ => None,
        },
        _ => None,
    }
}

/// A path as typed or dropped into the terminal: quotes around it and a leading `~/` are
/// what a shell would have taken away.
pub fn typed_path(text: &str) -> PathBuf {
    // The prompt starts with the last folder; a whole path typed or dropped after it
    // ("/home/a/ + /home/a/x.csv", "… + ~/x.csv", "… + '/x y.csv'") starts afresh.
    let mut text = text.trim();
    for restart in ["//", "/~/", "/'/", "/'~/", "/\"/", "/\"~/"] {
        if let Some(i) = text.rfind(restart) {
            text = &text[i + 1..];
            break;
        }
    }
    // A terminal quotes a dropped path with spaces; the officer may quote a name too.
    let mut cleaned = text.to_string();
    for q in ['\'', '"'] {
        if let (Some(a), Some(b)) = (cleaned.find(q), cleaned.rfind(q))
            && a < b
        {
            cleaned.remove(b);
            cleaned.remove(a);
        }
    }
    if let Some(rest) = cleaned.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(cleaned)
}

pub fn open_prompt(app: &mut App) {
    let Some(kind) = kind_here(app) else {
        return;
    };
    let s = app.strings();
    let last = app.last_import_folder.clone().unwrap_or_default();
    app.form = Some(Form::new(
        fill(s.im_prompt_title, &[import::kind_name(kind, s)]),
        Purpose::ImportPath { kind },
        vec![
            Field::new(
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
        .and_then(|f| f.fields.first())
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
    match import::apply(store, &p.plan, app.lang, &app.now.to_rfc3339()) {
        Ok(()) => {
            reload_everything(app, store);
            let text = fill(
                s.im_done,
                &[
                    import::kind_name(p.plan.kind, s),
                    &p.plan.source,
                    &p.plan.count(Outcome::Add).to_string(),
                    &p.plan.count(Outcome::Update).to_string(),
                ],
            );
            set_status(app, StatusKind::Saved, text);
        }
        Err(e) => {
            set_status(app, StatusKind::Error, fill(s.im_failed, &[&e.to_string()]));
            // The preview stays, so the officer can try again or read what would go in.
            app.import = Some(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_typed_over_the_offered_folder_starts_afresh() {
        assert_eq!(typed_path("/d/x.csv"), PathBuf::from("/d/x.csv"));
        assert_eq!(typed_path(" '/d/x y.csv' "), PathBuf::from("/d/x y.csv"));
        assert_eq!(typed_path("/d//e/x.csv"), PathBuf::from("/e/x.csv"));
        assert_eq!(typed_path("/d/'/e/x y.csv'"), PathBuf::from("/e/x y.csv"));
        assert_eq!(typed_path("rel/x.csv"), PathBuf::from("rel/x.csv"));
        assert_eq!(typed_path("/d/'x y.csv'"), PathBuf::from("/d/x y.csv"));
        assert_eq!(typed_path("/d/\"x y.csv\""), PathBuf::from("/d/x y.csv"));
        if let Some(home) = directories::BaseDirs::new() {
            assert_eq!(typed_path("/d/~/x.csv"), home.home_dir().join("x.csv"));
        }
    }
}
