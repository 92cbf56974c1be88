//! What a tab is. [`TabView`] answers everything the state machine asks of the tab on screen:
//! its keymap contexts, its commands, what it reads from the store, its list and filter, what
//! it types into and what `i` imports there. The router, [`App::contexts`], [`App::list`],
//! [`App::is_typing`], the text editor and the import prompt ask the current tab's
//! implementation ([`Tab::view`]) instead of matching on [`Tab`] each in its own way.
//!
//! Adding a tab touches, and nothing else in `src/`:
//! - one line in the `tabs!` registry below (its name and its implementation): the `Tab`
//!   variant, [`Tab::ALL`], its number key in the keymap and its `snapshot` screen name all
//!   follow from that line;
//! - its handler module `src/app/update_<tab>.rs`, implementing [`TabView`], declared in
//!   `src/app/mod.rs`;
//! - its screen module `src/ui/<tab>.rs`, declared in `src/ui/mod.rs`, and one line in
//!   `ui::screen`, the interface's registry;
//! - if it has keys of its own, the keymap table: its `Context` variants (also in
//!   `Context::ALL`) and their bindings;
//! - i18n: its title and its keys' help in both languages, and the digits of the "go to tab
//!   1–5" help line.
//!
//! Outside `src/`: the README's screens table (and the count of tabs above it), its table of
//! active key groups, and for each new context an empty key-table block, which
//! `UPDATE_README=1 cargo test --test readme_keys` then fills. `tests/tabs.rs` checks every
//! registered tab against the keymap as it is; a tab whose contexts change with parts of its
//! own, as tab 4's do, adds those parts there.

use super::App;
use super::keymap::{Command, Context};
use super::list_state::ListState;
use super::text_field::TextField;
use crate::domain::import::ImportKind;
use crate::i18n::Strings;
use crate::store::Store;

/// One tab's answers to the state machine. The methods with a body fit a tab without a list,
/// a typing field of its own or an import.
pub(super) trait TabView {
    /// Its name in the tab bar and the help overlay's title.
    fn title(&self, s: &Strings) -> &'static str;

    /// The keymap contexts in force on the tab when nothing covers it (help, a question, an
    /// import preview or a form), most specific first.
    fn contexts(&self, app: &App) -> Vec<Context>;

    /// A command of one of the tab's own contexts (any context the router does not share
    /// between tabs): the keymap found `context` among this tab's [`TabView::contexts`].
    fn command(&self, app: &mut App, store: &mut Store, context: Context, cmd: Command);

    /// Reads from the store what the tab shows beyond the state. It runs after every action
    /// while the tab is on screen, so entering the tab reads it too, and before a frame drawn
    /// with no key pressed (`snapshot`). `values_may_change` is false after an action that
    /// cannot have changed stored values (a tick, a letter, a key in a form that stays open),
    /// so that the costly reads can be skipped on those per-key paths.
    fn refresh(&self, app: &mut App, store: &Store, values_may_change: bool);

    /// The list the List context moves and filters.
    fn list<'a>(&self, app: &'a App) -> Option<&'a ListState>;

    fn list_mut<'a>(&self, app: &'a mut App) -> Option<&'a mut ListState>;

    /// Moves the selection `delta` rows, clamped to the rows shown.
    fn move_selection(&self, _app: &mut App, _delta: isize) {}

    /// Esc empties the filter; `stop_typing` also leaves the filter line.
    fn clear_filter(&self, app: &mut App, stop_typing: bool) {
        if let Some(l) = self.list_mut(app) {
            l.clear_filter(stop_typing);
        }
    }

    /// The filter's text changed, and with it which rows exist: start again at the top.
    fn filter_changed(&self, app: &mut App) {
        if let Some(l) = self.list_mut(app) {
            l.selected = 0;
        }
    }

    /// Whether a text of the tab's own, other than its filter, is being typed into.
    fn is_typing(&self, _app: &App) -> bool {
        false
    }

    /// That text, for typed characters and editing keys.
    fn typing_target<'a>(&self, _app: &'a mut App) -> Option<&'a mut TextField> {
        None
    }

    /// What `i` imports here, if anything.
    fn import_kind(&self, _app: &App) -> Option<ImportKind> {
        None
    }
}

/// The contexts of a tab with a filtered list: the filter line while it is typed in, else the
/// tab's own keys before the list's and the global ones.
pub(super) fn list_contexts(app: &App, own: Context) -> Vec<Context> {
    if app.filter_typing() {
        vec![Context::Filter, Context::TextEdit]
    } else {
        vec![own, Context::List, Context::Global]
    }
}

/// Declares [`Tab`] from one line per tab, so that its variants, their order and their
/// implementations cannot drift apart. Variants stay undocumented: clap would print their
/// docs beside the `snapshot` screen names.
macro_rules! tabs {
    ($($tab:ident => $view:expr),+ $(,)?) => {
        /// The screens, in the order of the tab bar and of their number keys.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
        pub enum Tab {
            $($tab),+
        }

        impl Tab {
            pub const ALL: [Tab; [$(Tab::$tab),+].len()] = [$(Tab::$tab),+];

            /// The tab's implementation: the one place where a `Tab` meets it.
            pub(super) fn view(self) -> &'static dyn TabView {
                match self {
                    $(Tab::$tab => &$view),+
                }
            }
        }
    };
}

tabs! {
    Overview => super::update_overview::OverviewTab,
    Units => super::update_units::UnitsTab,
    Initiatives => super::update_initiatives::InitiativesTab,
    Volunteer => super::update_volunteer::VolunteerTab,
    Kpi => super::update_kpi::KpiTab,
}

impl Tab {
    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn from_number(n: u8) -> Option<Tab> {
        Tab::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn title(self, s: &Strings) -> &'static str {
        self.view().title(s)
    }
}
