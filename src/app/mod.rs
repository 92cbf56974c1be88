//! The state machine: [`App`] holds what the screen shows, [`update`] applies one [`Action`].
//! Keys become actions only through [`keymap`].

pub mod form;
pub mod initiatives;
pub mod keymap;
pub mod kpi_view;
pub mod list_state;
mod tab;
pub mod text_field;
pub mod units_view;
mod update;
mod update_agenda;
mod update_assessment;
mod update_figures;
mod update_form;
mod update_global;
pub mod update_import;
mod update_initiatives;
mod update_kpi;
mod update_overview;
mod update_registrations;
mod update_reports;
mod update_rounds;
mod update_text;
mod update_units;
mod update_volunteer;
pub mod volunteer;

use std::cell::Cell;

use chrono::{DateTime, FixedOffset};

use crate::domain::time::Clock;
use crate::i18n::{Lang, Strings, strings};
use crate::store::Board;

pub use form::{Form, Input};
pub use initiatives::{InitiativesView, Registry};
pub use keymap::{Command, Context};
pub use tab::Tab;
pub use units_view::UnitsView;
pub use update::update;

/// One input to the state machine.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key's command, with the context the keymap found it in: only that context's
    /// handler sees it.
    Command(Context, Command),
    /// A printable character for the text being edited.
    Insert(char),
    Paste(String),
    /// The clock moved on (once a second unless the clock is fixed).
    Tick(DateTime<FixedOffset>),
    /// Another instance committed to the store: read it again.
    StoreChanged,
    /// Once a second while a save waits for another process's write lock: try it again.
    Retry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Saved,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// A yes/no question and what a yes does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub on_yes: ConfirmAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmAction {
    DiscardForm,
    QuitDiscarding,
    DeleteInitiative {
        id: i64,
    },
    DeleteRegistration {
        id: i64,
    },
    DeleteAgendaItem {
        id: i64,
    },
    DeleteMeasurement {
        id: i64,
    },
    /// Jump to a stage past the next one.
    SkipToStage {
        id: i64,
        stage: crate::domain::initiative::Stage,
    },
}

pub struct App {
    pub lang: Lang,
    pub tab: Tab,
    pub board: Board,
    pub clock: Clock,
    pub now: DateTime<FixedOffset>,
    pub units: UnitsView,
    pub registry: Registry,
    /// The registry is read when tab 3 first opens: folding 100,000 titles takes a large part
    /// of a second, which the overview, `snapshot` and the other tabs need not wait for.
    pub registry_loaded: bool,
    pub initiatives: InitiativesView,
    pub volunteer: volunteer::VolunteerView,
    pub kpis: kpi_view::KpiView,
    pub form: Option<Form>,
    /// An import's preview, waiting for Enter or Esc.
    pub import: Option<update_import::ImportPreview>,
    /// The folder of the file last imported, offered at the next prompt.
    pub last_import_folder: Option<String>,
    pub confirm: Option<Confirm>,
    /// The report choice `R` opened, waiting for a key.
    pub report_menu: bool,
    pub help_open: bool,
    /// Scroll of the help overlay; written back by the renderer when it clamps it.
    pub help_scroll: Cell<usize>,
    pub status: Option<Status>,
    /// A save that found the store locked by another process (a long import) and waits in
    /// the cell or the form it was typed in; the number of tries so far.
    pub waiting: Option<u32>,
    pub quit: bool,
    /// Ctrl-Z was pressed: the terminal loop hands the terminal back and stops the process.
    /// Only the loop owns the terminal, so `update` just asks; everything else stays as it is.
    pub suspend: bool,
    /// Text to put on the terminal's clipboard (OSC 52) before the next frame: only the loop
    /// writes to the terminal, so `update` leaves it here.
    pub clipboard: Option<String>,
    /// NO_COLOR is set: marks and words carry all the meaning.
    pub no_color: bool,
    /// The store is open read-only: a banner says so and edit keys say why they cannot save.
    pub read_only: Option<crate::store::ReadOnly>,
}

impl App {
    /// Reads everything the screens show from the store.
    pub fn load(
        store: &crate::store::Store,
        clock: Clock,
        lang: Lang,
        no_color: bool,
    ) -> crate::store::Result<App> {
        let board = store.load_board()?;
        let mut app = App::new(board, Registry::default(), clock, lang, no_color);
        app.registry_loaded = false;
        app.read_only = store.read_only();
        // Tab 4, the overview and the briefing start on the same Saturday: the latest one up
        // to today (the first, before any has come).
        app.volunteer.day =
            crate::model::saturday::view(&mut app.board, app.now, None).unwrap_or(0);
        // The first screen (the overview) shows KPIs and figures before any key is pressed.
        app.prepare(store);
        Ok(app)
    }

    /// Whether something is still being worked out in chunks (a long search).
    pub fn has_background_work(&self) -> bool {
        self.initiatives.is_searching()
    }

    /// One chunk of that work; the terminal loop calls it while no key is waiting.
    pub fn background_step(&mut self) {
        self.initiatives.search_more(&self.registry);
    }

    /// Reads what the current screen needs beyond the state (the selected initiative's
    /// detail), for a frame drawn without any key pressed first, as `snapshot` does.
    pub fn prepare(&mut self, store: &crate::store::Store) {
        self.tab.view().refresh(self, store, true);
    }

    /// `registry` holds every initiative; see [`Registry::load`].
    pub fn new(board: Board, registry: Registry, clock: Clock, lang: Lang, no_color: bool) -> App {
        let mut initiatives = InitiativesView::default();
        initiatives.rebuild(&registry, None);
        App {
            registry,
            registry_loaded: true,
            initiatives,
            volunteer: volunteer::VolunteerView::default(),
            kpis: kpi_view::KpiView::default(),
            lang,
            tab: Tab::Overview,
            board,
            now: clock.now(),
            clock,
            units: UnitsView::default(),
            form: None,
            import: None,
            last_import_folder: None,
            confirm: None,
            report_menu: false,
            help_open: false,
            help_scroll: Cell::new(0),
            status: None,
            waiting: None,
            quit: false,
            suspend: false,
            clipboard: None,
            no_color,
            read_only: None,
        }
    }

    pub fn strings(&self) -> &'static Strings {
        strings(self.lang)
    }

    /// The keymap contexts in force, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.help_open {
            return vec![Context::Help];
        }
        self.contexts_under_help()
    }

    /// The contexts of what is on screen beneath the help overlay: what help describes.
    pub fn contexts_under_help(&self) -> Vec<Context> {
        if self.confirm.is_some() {
            return vec![Context::Confirm];
        }
        if self.report_menu {
            return vec![Context::ReportMenu];
        }
        if let Some(p) = &self.import {
            // Enter is offered only when it would write something.
            return if p.can_apply() {
                vec![Context::ImportApply, Context::ImportPreview]
            } else {
                vec![Context::ImportPreview]
            };
        }
        if let Some(form) = &self.form {
            let field = match form.focused_field().map(|f| &f.input) {
                _ if matches!(form.purpose, form::Purpose::ImportPath { .. }) => {
                    Some(Context::PathField)
                }
                Some(Input::Choice(_)) => Some(Context::Picker),
                Some(Input::Lines(_)) => Some(Context::MultiLine),
                _ => None,
            };
            let photos = form
                .focused_field()
                .is_some_and(|f| f.id == form::FieldId::Photos)
                .then_some(Context::PhotoPaths);
            return photos
                .into_iter()
                .chain(field)
                .chain([Context::Form, Context::TextEdit])
                .collect();
        }
        self.tab.view().contexts(self)
    }

    /// Whether the officer is typing in the current list's filter line.
    pub fn filter_typing(&self) -> bool {
        self.list().is_some_and(|l| l.filter_typing)
    }

    /// The current tab's list.
    pub fn list(&self) -> Option<&list_state::ListState> {
        self.tab.view().list(self)
    }

    pub fn list_mut(&mut self) -> Option<&mut list_state::ListState> {
        self.tab.view().list_mut(self)
    }

    /// Whether typed characters go into a text field rather than being looked up as keys.
    pub fn is_typing(&self) -> bool {
        !self.help_open
            && self.confirm.is_none()
            && (self.form.is_some() || self.filter_typing() || self.tab.view().is_typing(self))
    }
}
