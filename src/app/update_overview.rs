//! Tab 1: the overview has no keys of its own; it shows the KPIs and the selected Saturday's
//! totals beside the checklist, so it reads them as tab 5 and tab 4 do.

use super::keymap::{Command, Context};
use super::list_state::ListState;
use super::tab::TabView;
use super::{App, update_kpi, update_volunteer};
use crate::i18n::Strings;
use crate::store::Store;

pub(super) struct OverviewTab;

impl TabView for OverviewTab {
    fn title(&self, s: &Strings) -> &'static str {
        s.tab_overview
    }

    fn contexts(&self, _app: &App) -> Vec<Context> {
        vec![Context::Global]
    }

    fn command(&self, _app: &mut App, _store: &mut Store, _context: Context, _cmd: Command) {}

    fn refresh(&self, app: &mut App, store: &Store, values_may_change: bool) {
        if values_may_change {
            update_volunteer::ensure_figures(app, store);
            update_kpi::refresh(app, store);
        }
    }

    fn list<'a>(&self, _app: &'a App) -> Option<&'a ListState> {
        None
    }

    fn list_mut<'a>(&self, _app: &'a mut App) -> Option<&'a mut ListState> {
        None
    }
}
