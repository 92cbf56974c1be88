//! The initiative registry in memory, and what tab 3 shows of it.
//!
//! Every initiative is read once at start (100,000 take a fraction of a second) with a folded
//! copy of its title, summary and unit name. Moving, sorting and each filter keystroke then
//! work on plain vectors, never on the store; writes replace only the rows they touched.

use std::cell::Cell;
use std::cmp::Ordering;
use std::collections::HashMap;

use super::text_field::TextField;
use crate::domain::fold::{Needle, compare_vi, fold};
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

    pub fn units_changed(&mut self, units: &[Unit]) {
        self.units = unit_index(units);
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
    sorted.sort_by(|a, b| compare_vi(&a.name, &b.name));
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
    pub filter: TextField,
    pub filter_typing: bool,
    /// Selected row among the visible ones.
    pub selected: usize,
    pub offset: Cell<usize>,
    pub page: Cell<usize>,
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
}

impl InitiativesView {
    pub fn visible(&self) -> &[u32] {
        &self.visible
    }

    /// The registry position of the selected row.
    pub fn selected_entry(&self) -> Option<usize> {
        let i = self.selected.min(self.visible.len().checked_sub(1)?);
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
        let mut order: Vec<u32> = (0..registry.entries.len() as u32).collect();
        let e = &registry.entries;
        let newest = |a: &InitiativeRow, b: &InitiativeRow| {
            b.registered_on.cmp(&a.registered_on).then(b.id.cmp(&a.id))
        };
        match self.sort {
            InitiativeSort::Date => {
                order.sort_by(|&a, &b| newest(&e[a as usize].row, &e[b as usize].row))
            }
            InitiativeSort::Unit => order.sort_by(|&a, &b| {
                let (a, b) = (&e[a as usize].row, &e[b as usize].row);
                registry
                    .unit_rank(a.unit_id)
                    .cmp(&registry.unit_rank(b.unit_id))
                    .then_with(|| newest(a, b))
            }),
            InitiativeSort::Stage => order.sort_by(|&a, &b| {
                let (a, b) = (&e[a as usize].row, &e[b as usize].row);
                b.stage.cmp(&a.stage).then_with(|| newest(a, b))
            }),
            InitiativeSort::Score => order.sort_by(|&a, &b| {
                let (a, b) = (&e[a as usize].row, &e[b as usize].row);
                match (a.score, b.score) {
                    (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
                .then_with(|| newest(a, b))
            }),
        }
        self.order = order;
        self.shown_query = None;
        self.refilter(registry);
        if let Some(id) = keep {
            self.select_id(registry, id);
        }
    }

    /// Applies the filters and the typed query. When the query only grew (the officer typed
    /// one more letter), only the rows already shown are searched again.
    pub fn refilter(&mut self, registry: &Registry) {
        let query = fold(self.filter.value())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // Every word of the old query is in the new one or a prefix of one of its words, so
        // a row the old query rejected cannot match the new one.
        let narrowing = self.shown_filters == self.filters
            && self
                .shown_query
                .as_deref()
                .is_some_and(|old| query.starts_with(old));
        let needle = Needle::new(&query);
        let filters = self.filters;
        let admits = |p: &u32| {
            let entry = &registry.entries[*p as usize];
            filters.admits(&entry.row)
                && (needle.is_empty() || needle.matches_folded(&entry.haystack))
        };
        self.visible = if narrowing {
            self.visible.iter().copied().filter(admits).collect()
        } else {
            self.order.iter().copied().filter(admits).collect()
        };
        self.shown_query = Some(query);
        self.shown_filters = self.filters;
    }

    pub fn select_id(&mut self, registry: &Registry, id: i64) {
        if let Some(pos) = self
            .visible
            .iter()
            .position(|&p| registry.entries[p as usize].row.id == id)
        {
            self.selected = pos;
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
            kind: crate::domain::unit::UnitKind::Ward,
            contact_person: String::new(),
            phone: String::new(),
            sort_order: id,
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
        v.filter.insert_str("dat");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![1]);
        v.filter.clear();
        v.filter.insert_str("tan quy");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3, 1], "by unit name");
        v.filter.clear();
        v.filter.insert_str("TÓM TẮT HÓA");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![2], "by summary");
        // Deleting a letter widens again.
        v.filter.clear();
        v.filter.insert_str("zalo");
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3]);
        v.filter.backspace();
        v.filter.backspace();
        v.filter.backspace();
        v.refilter(&r);
        assert_eq!(ids(&v, &r), vec![3]);
        v.filter.clear();
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
