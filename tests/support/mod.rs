//! Shared set-up for the integration tests: stores on temp files, fixed clocks, key presses.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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
    to_schema_7(&conn);
    conn.execute("UPDATE audit_log SET summary = ?1", [text])
        .expect("old words");
    conn.execute_batch(
        "ALTER TABLE audit_log DROP COLUMN summary_json;
         ALTER TABLE photos DROP COLUMN sha256;
         ALTER TABLE tasks DROP COLUMN figures;
         ALTER TABLE photos DROP COLUMN arrived_at;
         PRAGMA user_version = 1;",
    )
    .expect("old schema");
    to_owners_of_schema_5(&conn);
    to_schema_6(&conn);
}

/// Turns the store at `path` into one as schema 5 left it: every unit owing every item of the
/// shipped plan but the emulation tick, no youth base acting for a unit, no plan sentences.
pub fn back_to_schema_5(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    to_schema_7(&conn);
    to_owners_of_schema_5(&conn);
    to_schema_6(&conn);
    conn.execute_batch("PRAGMA user_version = 5;")
        .expect("old version");
}

/// Turns the store at `path` into one as schema 6 left it: no report header, no assessments.
pub fn back_to_schema_6(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    to_schema_7(&conn);
    to_schema_6(&conn);
    conn.execute_batch("PRAGMA user_version = 6;")
        .expect("old version");
}

/// Turns the store at `path` into one as schema 7 left it: the five kinds of plan 115 fixed by
/// a CHECK on `units`, no `unit_kinds` table.
pub fn back_to_schema_7(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    to_schema_7(&conn);
    conn.execute_batch("PRAGMA user_version = 7;")
        .expect("old version");
}

/// Schema 7's `units`, built again as 0001 and 0006 made it (foreign keys off, as the
/// migration back does, so that no reference cascades).
fn to_schema_7(conn: &rusqlite::Connection) {
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         BEGIN;
         CREATE TABLE units_old (
             id             INTEGER PRIMARY KEY,
             code           TEXT NOT NULL UNIQUE,
             name           TEXT NOT NULL,
             kind           TEXT NOT NULL CHECK (kind IN ('ward','agency','public_service','vertical','youth_base')),
             contact_person TEXT NOT NULL DEFAULT '',
             phone          TEXT NOT NULL DEFAULT '',
             sort_order     INTEGER NOT NULL,
             active         INTEGER NOT NULL DEFAULT 1,
             youth_base_id  INTEGER REFERENCES units(id)
         );
         INSERT INTO units_old SELECT id, code, name, kind, contact_person, phone, sort_order,
             active, youth_base_id FROM units;
         DROP TABLE units;
         ALTER TABLE units_old RENAME TO units;
         DROP TABLE unit_kinds;
         COMMIT;
         PRAGMA foreign_keys = ON;",
    )
    .expect("schema 7");
}

fn to_schema_6(conn: &rusqlite::Connection) {
    conn.execute_batch("DROP TABLE document_header; DROP TABLE report_notes;")
        .expect("schema 6");
}

fn to_owners_of_schema_5(conn: &rusqlite::Connection) {
    conn.execute_batch(
        "ALTER TABLE units DROP COLUMN youth_base_id;
         ALTER TABLE requirements DROP COLUMN basis;
         UPDATE requirements SET applies_to = 'ward,agency,public_service,vertical,youth_base'
             WHERE code IN ('initiative', 'volunteer-registration', 'quick-report');",
    )
    .expect("schema 5 owners");
}

/// Turns the store at `path` into one as schema 2 left it: photos without hashes, each kept
/// under the folder's shared `photos/<day>/<unit>/` as older versions kept them. The files
/// are moved there from the store's photo folder. Returns the old paths, one per photo row.
pub fn back_to_shared_photos(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    to_schema_7(&conn);
    let rows: Vec<(i64, String, String, String)> = conn
        .prepare(
            "SELECT p.id, p.path, d.code, u.code FROM photos p
             JOIN reports r ON r.id = p.report_id
             JOIN volunteer_days d ON d.id = r.volunteer_day_id
             JOIN units u ON u.id = r.unit_id ORDER BY p.id",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let folder = path.parent().expect("folder");
    let pool = xungkich::store::photos::pool_of(path);
    let mut old = Vec::new();
    for (n, (id, name, day, unit)) in rows.into_iter().enumerate() {
        let rel = format!("photos/{day}/{unit}/anh-{n}.png");
        let target = folder.join(&rel);
        std::fs::create_dir_all(target.parent().expect("dir")).expect("dirs");
        std::fs::copy(pool.join(&name), &target).expect("old copy");
        conn.execute(
            "UPDATE photos SET path = ?1 WHERE id = ?2",
            rusqlite::params![rel, id],
        )
        .expect("old path");
        old.push(rel);
    }
    std::fs::remove_dir_all(&pool).expect("no photo folder then");
    conn.execute_batch(
        "ALTER TABLE photos DROP COLUMN sha256;
         ALTER TABLE tasks DROP COLUMN figures;
         ALTER TABLE photos DROP COLUMN arrived_at;
         PRAGMA user_version = 2;",
    )
    .expect("old schema");
    to_owners_of_schema_5(&conn);
    to_schema_6(&conn);
    old
}

/// Goes to tab `n` (1-based) as from anywhere: Alt with its digit (a plain digit on tab 4
/// types a figure or stays on the tab).
pub fn go_tab(app: &mut App, store: &mut Store, n: u8) {
    let event = KeyEvent {
        code: KeyCode::Char(char::from(b'0' + n)),
        modifiers: KeyModifiers::ALT,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    };
    press(app, store, &[event]);
}

/// The file under tests/golden/ a golden test compares with.
pub fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
        .join(name)
}

/// Compares with the golden file, or rewrites it when UPDATE_GOLDEN is set.
pub fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty()) {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run UPDATE_GOLDEN=1 cargo test", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n--- expected\n{}\n+++ actual\n{}\n\
             (UPDATE_GOLDEN=1 rewrites it)",
            first + 1,
            expected.lines().nth(first).unwrap_or("<end>"),
            actual.lines().nth(first).unwrap_or("<end>"),
        );
    }
}

/// Runs the built binary on store `db` with `args`, whatever language the caller's shell has.
pub fn xungkich(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("XUNGKICH_LANG")
        .output()
        .expect("run xungkich")
}

/// A program's output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
