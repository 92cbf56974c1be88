//! Every tab of the registry (`Tab::ALL`, declared in `src/app/tab.rs`) agrees with the keymap:
//! it has its number key and a title in both languages, and in each of its states the contexts
//! it names have bindings, its list answers the List keys, `i` is offered exactly where it
//! imports something, a read-only store refuses its edit keys at once, and the officer can
//! always leave it. A tab added to the registry is checked here as it first opens; states of
//! its own (tab 4's parts and its figures cell) are walked below.

mod support;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, key, press};
use xungkich::app::keymap::{BINDINGS, Chord, Command, Context, chord_of, lookup};
use xungkich::app::update_import::kind_here;
use xungkich::app::volunteer::Section;
use xungkich::app::{App, Tab};
use xungkich::i18n::{Lang, strings};
use xungkich::store::Store;

/// The volunteer Saturday, when tab 4 has a day and its figures.
const NOW: &str = "2022-05-07T14:00";
const SEEDED: &str = "2022-04-29T08:00:00+07:00";

fn chord(event: KeyEvent) -> Chord {
    chord_of(event).expect("a key press")
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn digit(tab: Tab) -> char {
    char::from_digit(tab.index() as u32 + 1, 10).expect("one digit per tab")
}

#[test]
fn every_tab_has_its_number_key_and_a_title_in_both_languages() {
    assert!(Tab::ALL.len() <= 9, "the number keys stop at 9");
    for tab in Tab::ALL {
        let n = tab.index() + 1;
        assert_eq!(Tab::ALL[tab.index()], tab);
        assert_eq!(Tab::from_number(n as u8), Some(tab));
        assert_eq!(
            lookup(&[Context::Global], chord(ch(digit(tab)))),
            Some((Context::Global, Command::GoTab(tab))),
            "key {n}"
        );
        for lang in [Lang::Vi, Lang::En] {
            let title = tab.title(strings(lang));
            assert!(!title.trim().is_empty(), "{tab:?} has no {lang:?} title");
            for other in Tab::ALL.iter().filter(|t| **t != tab) {
                assert_ne!(title, other.title(strings(lang)), "{tab:?} and {other:?}");
            }
        }
    }
}

/// Checks one state of the tab on screen, then, if it has a list, its filter line.
fn check_state(a: &mut App, store: &mut Store, what: &str) {
    let contexts = a.contexts();
    for c in &contexts {
        assert!(
            BINDINGS.iter().any(|b| b.context == *c),
            "{what}: {c:?} has no key in the keymap"
        );
    }
    let typing = contexts
        .iter()
        .any(|c| matches!(c, Context::TextEdit | Context::CellEdit));
    assert_eq!(a.is_typing(), typing, "{what}: typing, by {contexts:?}");
    if typing {
        return;
    }
    // A read-only store refuses the tab's edit keys before any form opens.
    for c in &contexts {
        assert!(c.refuses_edits_when_read_only(), "{what}: {c:?}");
    }
    // Tab leaves for another tab, except in the figures grid where it moves between cells;
    // Alt with a tab's digit leaves from everywhere.
    assert!(contexts.contains(&Context::Global), "{what}: {contexts:?}");
    let tab_key = if contexts.contains(&Context::Figures) {
        (Context::Figures, Command::NextCell)
    } else {
        (Context::Global, Command::NextTab)
    };
    assert_eq!(
        lookup(&contexts, chord(key(KeyCode::Tab))),
        Some(tab_key),
        "{what}"
    );
    let alt_1 = ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('1'),
        ratatui::crossterm::event::KeyModifiers::ALT,
    );
    assert_eq!(
        lookup(&contexts, chord(alt_1)),
        Some((
            Context::Global,
            Command::GoTab(xungkich::app::Tab::Overview)
        )),
        "{what}"
    );
    let offers_import = matches!(
        lookup(&contexts, chord(ch('i'))),
        Some((_, Command::Import))
    );
    assert_eq!(
        offers_import,
        kind_here(a).is_some(),
        "{what}: `i` in the keymap and what the tab imports disagree"
    );
    if !contexts.contains(&Context::List) {
        return;
    }
    assert!(a.list().is_some(), "{what}: List keys without a list");
    press(a, store, &[ch('/')]);
    assert_eq!(
        a.contexts(),
        [Context::Filter, Context::TextEdit],
        "{what}: `/` opens the filter line"
    );
    assert!(a.is_typing(), "{what}");
    press(a, store, &[ch('x')]);
    let filter = a.list().map(|l| l.filter.value().to_string());
    assert_eq!(
        filter.as_deref(),
        Some("x"),
        "{what}: typing goes to the filter"
    );
    press(a, store, &[key(KeyCode::Esc)]);
    assert_eq!(a.contexts(), contexts, "{what}: Esc leaves the filter line");
    let filter = a.list().map(|l| l.filter.value().to_string());
    assert_eq!(
        filter.as_deref(),
        Some(""),
        "{what}: Esc empties the filter"
    );
}

#[test]
fn every_tab_agrees_with_the_keymap_in_each_of_its_states() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let mut a = app(&store, NOW, Lang::Vi);
    assert!(
        !a.board.volunteer_days.is_empty(),
        "the plan has a Saturday"
    );
    // Tab walks the registry in order (tab 4's grid takes the digits for its cells).
    for tab in Tab::ALL {
        if tab != Tab::ALL[0] {
            press(&mut a, &mut store, &[key(KeyCode::Tab)]);
        }
        assert_eq!(a.tab, tab, "Tab reaches every tab in turn");
        let what = format!("{tab:?}");
        check_state(&mut a, &mut store, &what);
        // Tab 4's contexts follow its part and its figures cell.
        if tab == Tab::Volunteer {
            for section in [
                Section::Figures,
                Section::Registrations,
                Section::Reports,
                Section::Agenda,
            ] {
                a.volunteer.section = section;
                check_state(&mut a, &mut store, &format!("{what} {section:?}"));
            }
            a.volunteer.section = Section::Figures;
            press(&mut a, &mut store, &[ch('7')]);
            assert_eq!(a.contexts(), [Context::CellEdit], "a digit edits the cell");
            check_state(&mut a, &mut store, &format!("{what} typing a figure"));
            press(&mut a, &mut store, &[key(KeyCode::Esc)]);
            assert!(a.volunteer.editing.is_none(), "Esc leaves the cell");
            // In the grid Tab moves between cells and stays on tab 4; from another part
            // (the next loop's Tab) it leaves.
            press(&mut a, &mut store, &[key(KeyCode::Tab)]);
            assert_eq!(a.tab, Tab::Volunteer, "Tab in the grid stays on tab 4");
            a.volunteer.section = Section::Registrations;
        }
    }
}
