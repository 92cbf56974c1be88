//! Shared set-up for the integration tests: stores on temp files, fixed clocks, key presses.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use tempfile::TempDir;

use xungkich::app::{App, update};
use xungkich::domain::time::{Clock, read_datetime};
use xungkich::i18n::Lang;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::store::Store;
use xungkich::tui::action_for_key;

pub fn clock(at: &str) -> Clock {
    Clock::Fixed(stamp(at))
}

/// A test's instant, written as `--now` takes it.
pub fn stamp(at: &str) -> DateTime<FixedOffset> {
    read_datetime(at).expect("test instant")
}

pub struct TempStore {
    pub dir: TempDir,
    pub path: PathBuf,
}

impl TempStore {
    pub fn new() -> TempStore {
        let dir = TempDir::new().expect("temp dir");
        let path = dir.path().join("x.db");
        TempStore { dir, path }
    }

    pub fn open(&self, now: &str) -> Store {
        Store::open(&self.path, SHIPPED_SEED, stamp(now)).expect("open store")
    }
}

/// A store seeded with the shipped campaign and filled by the deterministic demo generator.
pub fn demo_store(t: &TempStore) -> Store {
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let options = xungkich::demo::Options {
        scale: 1,
        initiatives: None,
        figure_rows: None,
    };
    xungkich::demo::fill(&mut store, &options).expect("demo data");
    store
}

pub fn app(store: &Store, at: &str, lang: Lang) -> App {
    App::load(store, clock(at), lang, true).expect("app")
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent {
        code,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

/// Presses keys through the real keymap, as the terminal loop does.
pub fn press(app: &mut App, store: &mut Store, keys: &[KeyEvent]) {
    for k in keys {
        if let Some(action) = action_for_key(app, *k) {
            update(app, store, action);
        }
    }
}

pub fn type_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        press(app, store, &[key(KeyCode::Char(c))]);
    }
}

/// Turns the store at `path` back into what the build before `audit_log.summary_json` wrote:
/// schema 1, every logged change with only its sentence, `text`.
pub fn back_to_schema_1(path: &std::path::Path, text: &str) {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    conn.execute("UPDATE audit_log SET summary = ?1", [text])
        .expect("old words");
    conn.execute_batch("ALTER TABLE audit_log DROP COLUMN summary_json; PRAGMA user_version = 1;")
        .expect("old schema");
}
