//! The initiative registry in memory, and what tab 3 shows of it.
//!
//! Every initiative is read once at start (100,000 take a fraction of a second) with a folded
//! copy of its title, summary and unit name. Moving, sorting and each filter keystroke then
//! work on plain vectors, never on the store; writes replace only the rows they touched.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::list_state::ListState;
use memchr::memmem::Finder;

use crate::domain::fold::{collation_key, fold};
use chrono::NaiveDate;

use crate::domain::initiative::{InitiativeKind, Stage};
use crate::domain::unit::Unit;
use crate::store::{FieldRow, InitiativeDetail, InitiativeRow, Result, Store};

/// One initiative with the folded text the filter searches.
#[derive(Debug, Clone)]
pub struct Entry {
    pub row: InitiativeRow,
    haystack: String,
}

#[derive(Debug, Default)]
pub struct Registry {
    /// In id order, so a row is found by binary search.
    pub entries: Vec<Entry>,
    pub fields: Vec<FieldRow>,
    /// Folded unit names and their place in Vietnamese order, by unit id.
    units: HashMap<i64, (String, usize)>,
}

impl Registry {
    pub fn load(store: &Store, units: &[Unit]) -> Result<Registry> {
        let mut registry = Registry {
            entries: Vec::new(),
            fields: store.fields()?,
            units: unit_index(units),
        };
        registry.entries = store
            .initiatives()?
            .into_iter()
            .map(|row| registry.entry(row))
            .collect();
        Ok(registry)
    }

    fn entry(&self, mut row: InitiativeRow) -> Entry {
        let unit = self.units.get(&row.unit_id).map_or("", |u| u.0.as_str());
        let haystack = format!("{}\u{1}{}\u{1}{unit}", fold(&row.title), fold(&row.summary));
        // The summary is only needed folded; the detail pane reads it from the store.
        row.summary = String::new();
        Entry { row, haystack }
    }

    pub fn position(&self, id: i64) -> Option<usize> {
        self.entries.binary_search_by_key(&id, |e| e.row.id).ok()
    }

    pub fn get(&self, id: i64) -> Option<&InitiativeRow> {
        self.position(id).map(|i| &self.entries[i].row)
    }

    /// Re-reads the given initiatives from the store: added, changed or gone.
    pub fn refresh(&mut self, store: &Store, ids: &[i64]) -> Result<()> {
        for &id in ids {
            let fresh = store.initiative(id)?;
            match (self.position(id), fresh) {
                (Some(i), Some(row)) => self.entries[i] = self.entry(row),
                (Some(i), None) => {
                    self.entries.remove(i);
                }
                (None, Some(row)) => {
                    let entry = self.entry(row);
                    let at = self.entries.partition_point(|e| e.row.id < id);
                    self.entries.insert(at, entry);
                }
                (None, None) => {}
            }
        }
        self.fields = store.fields()?;
        Ok(())
    }

    /// Called after every reload of the board; re-indexes only if a unit was added, removed
    /// or renamed.
    pub fn units_changed(&mut self, units: &[Unit]) {
        let same = units.len() == self.units.len()
            && units.iter().all(|u| {
                self.units
                    .get(&u.id)
                    .is_some_and(|(name, _)| *name == fold(&u.name))
            });
        if !same {
            self.units = unit_index(units);
        }
    }

    pub fn field_name(&self, id: Option<i64>) -> Option<&str> {
        let id = id?;
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.name.as_str())
    }

    fn unit_rank(&self, unit_id: i64) -> usize {
        self.units.get(&unit_id).map_or(usize::MAX, |u| u.1)
    }
}

fn unit_index(units: &[Unit]) -> HashMap<i64, (String, usize)> {
    let mut sorted: Vec<&Unit> = units.iter().collect();
    // One collation key per unit, not one per comparison.
    sorted.sort_by_cached_key(|u| collation_key(&u.name));
    sorted
        .into_iter()
        .enumerate()
        .map(|(rank, u)| (u.id, (fold(&u.name), rank)))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InitiativeSort {
    /// Newest registration first.
    #[default]
    Date,
    /// Units in Vietnamese order, newest first within a unit.
    Unit,
    /// Furthest along first.
    Stage,
    /// Highest score first; unscored last.
    Score,
}

impl InitiativeSort {
    pub fn next(self) -> InitiativeSort {
        match self {
            InitiativeSort::Date => InitiativeSort::Unit,
            InitiativeSort::Unit => InitiativeSort::Stage,
            InitiativeSort::Stage => InitiativeSort::Score,
            InitiativeSort::Score => InitiativeSort::Date,
        }
    }
}

/// The structured filters chosen in the filter form.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Filters {
    pub kind: Option<InitiativeKind>,
    pub stage: Option<Stage>,
    pub unit: Option<i64>,
    pub field: Option<i64>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    fn admits(&self, row: &InitiativeRow) -> bool {
        self.kind.is_none_or(|k| row.kind == k)
            && self.stage.is_none_or(|s| row.stage == s)
            && self.unit.is_none_or(|u| row.unit_id == u)
            && self.field.is_none_or(|f| row.field_id == Some(f))
    }
}

#[derive(Debug, Default)]
pub struct InitiativesView {
    pub sort: InitiativeSort,
    pub filters: Filters,
    /// The rows: selection, scrolling and the typed query.
    pub list: ListState,
    /// Every entry (positions in the registry) in sort order.
    order: Vec<u32>,
    /// `order` narrowed by the filters and the typed query.
    visible: Vec<u32>,
    /// The folded query `visible` was computed for, to narrow further as typing goes on.
    shown_query: Option<String>,
    shown_filters: Filters,
    /// The detail pane's data, for the initiative it was read for.
    pub detail: Option<(i64, InitiativeDetail)>,
    /// The row the officer just changed stays in the list even if it no longer matches the
    /// filters (a stage filter, say), so a second `>` acts on the same initiative. It lets
    /// go when the filters or the query change.
    pub pinned: Option<i64>,
    /// Each entry's place in `order`, to put a pinned row back where it belongs.
    rank_of: Vec<u32>,
    /// Results of the latest queries as they grew letter by letter, shortest first.
    recent: Vec<(String, Vec<u32>)>,
    /// The search still under way, if any.
    scan: Option<Scan>,
}

/// The rows a search goes through, in sort order.
#[derive(Debug)]
enum Source {
    /// Every row.
    Order,
    /// The rows a shorter query kept.
    Rows(Vec<u32>),
}

#[derive(Debug)]
struct Scan {
    query: String,
    source: Source,
    /// The next position in the source to look at.
    next: usize,
}

/// Rows searched per chunk: about a millisecond's work.
const SEARCH_CHUNK: usize = 20_000;

/// The sort key of a row: the chosen order, then newest first.
type SortKey = ((u64, u64), (Reverse<NaiveDate>, Reverse<i64>));

/// How many recent query results are kept for Backspace.
const RECENT: usize = 12;

impl InitiativesView {
    /// The rows found so far (all of them unless [`Self::is_searching`]).
    pub fn visible(&self) -> &[u32] {
        &self.visible
    }

    /// The registry position of the selected row.
    pub fn selected_entry(&self) -> Option<usize> {
        let i = self.list.selected.min(self.visible.len().checked_sub(1)?);
        self.visible.get(i).map(|&p| p as usize)
    }

    pub fn selected_row<'r>(&self, registry: &'r Registry) -> Option<&'r InitiativeRow> {
        self.selected_entry()
            .and_then(|p| registry.entries.get(p))
            .map(|e| &e.row)
    }

    /// Sorts everything again, then filters, keeping `keep` selected if it is still there.
    /// Positions from before a change of the registry are meaningless afterwards, so the
    /// caller names the row to keep by id, read before the change.
    pub fn rebuild(&mut self, registry: &Registry, keep: Option<i64>) {
        // Sort keys are computed once per row (not per comparison): with 100,000 rows a
        // comparison that looks units up would dominate the time of a key press.
        let e = &registry.entries;
        let newest = |p: usize| (Reverse(e[p].row.registered_on), Reverse(e[p].row.id));
        let mut keyed: Vec<(SortKey, u32)> = (0..e.len())
            .map(|p| {
                let row = &e[p].row;
                let primary = match self.sort {
                    InitiativeSort::Date => (0, 0),
                    InitiativeSort::Unit => (registry.unit_rank(row.unit_id) as u64, 0),
                    InitiativeSort::Stage => ((Stage::ALL.len() - row.stage.index()) as u64, 0),
                    // Highest first, unscored last: scores are 0–100, so tenths fit exactly.
                    InitiativeSort::Score => match row.score {
                        Some(x) => (0, 1000 - (x * 10.0).round().clamp(0.0, 1000.0) as u64),
                        None => (1, 0),
                    },
                };
                ((primary, newest(p)), p as u32)
            })
            .collect();
        keyed.sort_unstable();
        self.order = keyed.into_iter().map(|(_, p)| p).collect();
        self.rank_of = vec![0; e.len()];
        for (rank, &p) in self.order.iter().enumerate() {
            self.rank_of[p as usize] = rank as u32;
        }
        self.shown_query = None;
        self.scan = None;
        self.refilter(registry);
        // After a write or a re-sort the selection is found by id, so the list must be whole.
        self.finish_search(registry);
        if let Some(id) = keep {
            self.select_id(registry, id);
        }
    }

    /// Applies the filters and the typed query. Only what the screen needs is searched at
    /// once; the rest continues in chunks between key presses ([`Self::search_more`]), so a
    /// key is answered within a frame however many initiatives there are. A query that grew
    /// by a letter searches only the rows the shorter one kept, and a Backspace takes the
    /// shorter query's rows from the cache of recent results.
    pub fn refilter(&mut self, registry: &Registry) {
        let query = fold(self.list.filter.value())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // A change of what the officer asks for lets go of the pinned row; a rebuild with the
        // same query and filters keeps it.
        let asked_differently = self.shown_filters != self.filters
            || self.shown_query.as_deref().is_some_and(|old| old != query);
        if asked_differently {
            self.pinned = None;
        }
        let same_filters = self.shown_filters == self.filters && self.shown_query.is_some();
        if !same_filters {
            self.recent.clear();
        }
        let previous = self.shown_query.replace(query.clone());
        self.shown_filters = self.filters;
        // Backspace: the shorter query was shown a moment ago.
        if let Some(at) = self.recent.iter().position(|(q, _)| *q == query) {
            self.recent.truncate(at + 1);
            self.visible = self.recent[at].1.clone();
            self.scan = None;
            self.add_pinned(registry);
            return;
        }
        // Every word of the old query is in the new one or a prefix of one of its words, so a
        // row the old query rejected cannot match the new one: search only what it kept (and,
        // if it was still searching, what it had not looked at yet).
        let narrowing = same_filters && previous.is_some_and(|old| query.starts_with(old.as_str()));
        let source = match (narrowing, self.scan.take()) {
            (true, Some(scan)) => {
                let mut rows = std::mem::take(&mut self.visible);
                let rest = match &scan.source {
                    Source::Order => self.order.get(scan.next..),
                    Source::Rows(r) => r.get(scan.next..),
                };
                rows.extend_from_slice(rest.unwrap_or_default());
                Source::Rows(rows)
            }
            (true, None) => Source::Rows(std::mem::take(&mut self.visible)),
            (false, _) => Source::Order,
        };
        if !narrowing {
            self.recent.clear();
        }
        // Nothing asked: every row, in order, at the cost of one copy.
        if query.is_empty() && self.filters.is_empty() {
            self.visible = self.order.clone();
            self.scan = None;
            self.recent.push((query, self.visible.clone()));
            self.add_pinned(registry);
            return;
        }
        self.visible = Vec::new();
        self.scan = Some(Scan {
            query,
            source,
            next: 0,
        });
        // Enough for the screen now; the rest later.
        let want = self.list.selected + self.list.page.get().max(50) + 1;
        self.step(registry, SEARCH_CHUNK, Some(want));
    }

    /// Whether a search is still going through rows.
    pub fn is_searching(&self) -> bool {
        self.scan.is_some()
    }

    /// One more chunk of the search in progress (the terminal loop calls this when idle).
    pub fn search_more(&mut self, registry: &Registry) {
        self.step(registry, SEARCH_CHUNK, None);
    }

    /// Completes the search in progress (before something needs every row, like `G`).
    pub fn finish_search(&mut self, registry: &Registry) {
        self.step(registry, usize::MAX, None);
    }

    /// Looks at up to `limit` more rows, stopping early once `want` rows were found.
    fn step(&mut self, registry: &Registry, limit: usize, want: Option<usize>) {
        let Some(mut scan) = self.scan.take() else {
            return;
        };
        let finders: Vec<Finder<'_>> = scan
            .query
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(Finder::new)
            .collect();
        let filters = self.filters;
        let rows: &[u32] = match &scan.source {
            Source::Order => &self.order,
            Source::Rows(rows) => rows,
        };
        let end = rows.len().min(scan.next.saturating_add(limit));
        let mut i = scan.next;
        while i < end {
            let p = rows[i];
            i += 1;
            let entry = &registry.entries[p as usize];
            if filters.admits(&entry.row)
                && finders
                    .iter()
                    .all(|f| f.find(entry.haystack.as_bytes()).is_some())
            {
                self.visible.push(p);
                if want.is_some_and(|w| self.visible.len() >= w) {
                    break;
                }
            }
        }
        scan.next = i;
        if scan.next < rows.len() {
            self.scan = Some(scan);
            return;
        }
        // Done: remember the result for Backspace. Bounded: each entry is one vector.
        if self.recent.len() >= RECENT {
            self.recent.remove(0);
        }
        self.recent.push((scan.query, self.visible.clone()));
        self.add_pinned(registry);
    }

    /// Puts the pinned row back in its sorted place if the filters left it out.
    fn add_pinned(&mut self, registry: &Registry) {
        let Some(id) = self.pinned else {
            return;
        };
        let Some(p) = registry.position(id) else {
            return;
        };
        let p = p as u32;
        if self.visible.contains(&p) {
            return;
        }
        // `visible` keeps the sort order, so the pinned row goes where its rank falls.
        let Some(&rank) = self.rank_of.get(p as usize) else {
            return;
        };
        let at = self
            .visible
            .partition_point(|&v| self.rank_of.get(v as usize).is_some_and(|&r| r < rank));
        self.visible.insert(at, p);
    }

    pub fn select_id(&mut self, registry: &Registry, id: i64) {
        if let Some(pos) = self
            .visible
            .iter()
            .position(|&p| registry.entries[p as usize].row.id == id)
        {
            self.list.selected = pos;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn unit(id: i64, name: &str) -> Unit {
        Unit {
            id,
            code: format!("u{id}"),
            name: name.into(),
            kind: crate::domain::unit::UnitKind::from("ward"),
            contact_person: String::new(),
            phone: String::new(),
            sort_order: id,
            youth_base: None,
        }
    }

    fn row(
        id: i64,
        unit_id: i64,
        title: &str,
        day: u32,
        stage: Stage,
        score: Option<f64>,
    ) -> InitiativeRow {
        InitiativeRow {
            id,
            unit_id,
            kind: InitiativeKind::Initiative,
            title: title.into(),
            field_id: None,
            registered_on: NaiveDate::from_ymd_opt(2022, 5, day).expect("date"),
            stage,
            score,
            commendation_level: None,
            commendation_for: None,
            replicated: false,
            summary: format!("tóm tắt {title}"),
        }
    }

    fn registry() -> Registry {
        let units = vec![unit(1, "UBND phường Tân Quý"), unit(2, "Chi cục Thuế quận")];
        let mut r = Registry {
            entries: Vec::new(),
            fields: Vec::new(),
            units: unit_index(&units),
        };
        let rows = vec![
            row(
                1,
                1,
                "Mã QR tra cứu hồ sơ đất đai",
                3,
                Stage::Registered,
                None,
            ),
            row(
                2,
                2,
                "Hóa đơn điện tử tận nhà",
                5,
                Stage::Evaluated,
                Some(90.0),
            ),
            row(
                3,
                1,
                "Zalo giải đáp thủ tục",
                4,
                Stage::Commended,
                Some(70.0),
            ),
        ];
        r.entries = rows.into_iter().map(|x| r.entry(x)).collect();
        r
    }

    fn ids(v: &InitiativesView, r: &Registry) -> Vec<i64> {
        v.visible()
            .iter()
            .map(|&p| r.entries[p as usize].row.id)
            .collect()
    }

    #[test]
    fn sorts_by_each_key() {
        let r = registry();
        let mut v = InitiativesView::default();
        v.rebuild(&r, None);
        assert_eq!(ids(&v, &r), vec![2, 3, 1], "newest first");
        v.sort = InitiativeSort::Unit;
        v.rebuild(&r, None);
        assert_eq!(ids(&v, &r), vec![2, 3, 1], "Chi cục before Tân Quý");
        v.sort = InitiativeSort::Stage;
        v.rebuild(&r, None);
        assert_eq!(ids(&v, &r), vec![3, 2, 1]);
        v.sort = InitiativeSort::Score;
        v.rebuild(&r, None);
        assert_eq!(ids(&v, &r), vec![2, 3, 1]);
    }

    #[test]
    fn filter_searches_title_summary_and_unit_without_marks() {
        let r = registry();
        let mut v = InitiativesView::default();
        v.rebuild(&r, None);
        v.list.filter.insert_str("dat");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![1]);
        v.list.filter.clear();
        v.list.filter.insert_str("tan quy");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3, 1], "by unit name");
        v.list.filter.clear();
        v.list.filter.insert_str("TÓM TẮT HÓA");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![2], "by summary");
        // Deleting a letter widens again.
        v.list.filter.clear();
        v.list.filter.insert_str("zalo");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3]);
        v.list.filter.backspace();
        v.list.filter.backspace();
        v.list.filter.backspace();
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3]);
        v.list.filter.clear();
        v.refilter(&r);
        assert_eq!(ids(&v, &r).len(), 3);
    }

    #[test]
    fn structured_filters_combine_with_the_query() {
        let r = registry();
        let mut v = InitiativesView::default();
        v.rebuild(&r, None);
        v.filters.unit = Some(1);
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3, 1]);
        v.filters.stage = Some(Stage::Commended);
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3]);
        v.filters = Filters::default();
        v.filters.kind = Some(InitiativeKind::Model);
        v.refilter(&r);
        assert!(ids(&v, &r).is_empty());
    }

    #[test]
    fn a_pinned_row_stays_until_the_filters_change() {
        let mut r = registry();
        let mut v = InitiativesView::default();
        v.filters.stage = Some(Stage::Registered);
        v.rebuild(&r, None);
        assert_eq!(ids(&v, &r), vec![1]);
        // Row 1 moves on to "implementing": no longer matches, but it was just changed.
        r.entries[0].row.stage = Stage::Implementing;
        v.pinned = Some(1);
        v.rebuild(&r, Some(1));
        assert_eq!(ids(&v, &r), vec![1]);
        assert_eq!(v.selected_row(&r).map(|x| x.id), Some(1));
        v.filters.stage = Some(Stage::Evaluated);
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![2], "a new filter lets go");
        assert_eq!(v.pinned, None);
    }

    #[test]
    fn backspace_returns_the_shorter_querys_rows() {
        let r = registry();
        let mut v = InitiativesView::default();
        v.rebuild(&r, None);
        for c in "tan q".chars() {
            v.list.filter.insert(c);
            v.refilter(&r);
        }
        let tan_q = ids(&v, &r);
        v.list.filter.insert('x');
        v.refilter(&r);
        assert!(ids(&v, &r).is_empty());
        v.list.filter.backspace();
        v.refilter(&r);
        assert_eq!(ids(&v, &r), tan_q);
        v.list.filter.backspace();
        v.list.filter.backspace();
        v.list.filter.backspace();
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![2, 3, 1], "\"ta\" matches all three");
    }

    /// A registry bigger than one search chunk: the first rows come at once, the rest with
    /// `search_more`, and narrowing in the middle of a search loses nothing.
    #[test]
    fn big_searches_go_in_chunks_and_narrow_correctly() {
        let mut r = registry();
        let template = r.entries[0].clone();
        r.entries = (1..=(SEARCH_CHUNK as i64 * 3))
            .map(|id| {
                let mut e = template.clone();
                e.row.id = id;
                // Every seventh is about "ho tich"; the others about "dat dai".
                let words = if id % 7 == 0 { "ho tich" } else { "dat dai" };
                e.haystack = format!("{words} {id}");
                e
            })
            .collect();
        let mut v = InitiativesView::default();
        v.rebuild(&r, None);
        assert!(!v.is_searching());
        v.list.filter.insert('h');
        v.refilter(&r);
        assert!(v.is_searching(), "the first chunk only fills the screen");
        assert!(v.visible().len() >= 51);
        v.list.filter.insert_str("o t");
        v.refilter(&r);
        while v.is_searching() {
            v.search_more(&r);
        }
        let expected = (SEARCH_CHUNK * 3) / 7;
        assert_eq!(v.visible().len(), expected);
        // Backspace to a query whose search never completed searches again, fully.
        v.list.filter.backspace();
        v.refilter(&r);
        v.finish_search(&r);
        assert_eq!(v.visible().len(), expected);
    }

    #[test]
    fn selection_follows_the_row_through_a_resort() {
        let r = registry();
        let mut v = InitiativesView::default();
        v.rebuild(&r, None);
        v.select_id(&r, 1);
        assert_eq!(v.selected_row(&r).map(|x| x.id), Some(1));
        v.sort = InitiativeSort::Stage;
        v.rebuild(&r, Some(1));
        assert_eq!(v.selected_row(&r).map(|x| x.id), Some(1));
    }
}
