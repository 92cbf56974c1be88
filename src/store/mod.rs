//! The SQLite store: the only place with SQL.
//!
//! One file holds the whole campaign. Every user change goes through [`Store::change`], which
//! runs in a `BEGIN IMMEDIATE` transaction and records each row it touches in the audit log, so
//! [`Store::undo_last`] can put the rows back, also after a restart.

mod agenda;
mod audit;
pub mod backup;
pub mod demo;
mod figures;
mod import;
mod initiatives;
mod kpis;
mod migrate;
mod private;
mod queries;
mod registrations;
mod reports;
mod seed;
mod units;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, OpenFlags};

use crate::domain::campaign::CampaignDef;

pub use agenda::{AgendaItem, AgendaRow, AgendaStatus, NewDay};
pub use audit::{Change, Table, Undone};
pub use figures::FigureRow;
pub use import::{ExistingInitiative, ImportOp};

pub use initiatives::{FieldRow, InitiativeDetail, InitiativeRow, StageEntry};
pub use kpis::{KpiRow, MeasurementRow, NewMeasurement};
pub use queries::{Board, CampaignRow, LAND_KPI, RequirementRow, TaskRow, VolunteerDayRow};
pub use registrations::{Activity, NewRegistration, RegistrationRow};
pub use reports::{PhotoRow, ReportRow};

/// Marks a SQLite file as a xungkich store ("XKCH"), so another program's database is refused.
pub const APPLICATION_ID: i32 = 0x584B_4348;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a SQLite database (the file was left unchanged)")]
    NotADatabase { path: PathBuf },
    #[error(
        "{path}: a SQLite database of another program, not a xungkich store (the file was left unchanged)"
    )]
    NotOurs { path: PathBuf },
    #[error(
        "{path}: store schema version {found} is newer than this xungkich knows ({known}); use a newer xungkich (the file was left unchanged)"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path}: this store already holds campaign {existing}; --campaign only seeds a new store (give another --db)"
    )]
    OtherCampaign { path: PathBuf, existing: String },
    #[error("{path} exists already (give --force to replace it; nothing was written)")]
    Exists { path: PathBuf },
    /// A symbolic link where a file is to be written: never followed, never replaced.
    #[error("{path} is a symbolic link: refused (nothing was written)")]
    Link { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0:?}")]
    Invalid(Invalid),
    /// A copy offered to `restore` failed SQLite's own check (`check` is what it said).
    #[error("{path}: the copy is damaged ({check}); nothing was replaced")]
    Damaged { path: PathBuf, check: String },
    /// A figure breaking a rule against the figures already in the store (another instance
    /// may have saved them a moment ago).
    #[error("figure refused: {0:?}")]
    Figure(crate::domain::figures::FigureError),
    #[error("{path}: xungkich is running on this store; close it first (nothing was replaced)")]
    InUse { path: PathBuf },
    /// The store is open read-only: nothing can be saved.
    #[error("the store is open read-only ({0}): nothing was saved")]
    ReadOnly(ReadOnly),
    #[error(
        "{path}: the store needs upgrading to schema {known} but it is read-only (the file was left unchanged)"
    )]
    ReadOnlyNeedsUpgrade { path: PathBuf, known: i64 },
}

/// What is wrong with the store's own content. Kept as data, worded by `i18n` in the language
/// on screen; `place` names where in the store (a table, its column or row key), as SQL does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A stored value this build cannot read: an unknown code, a malformed date or list.
    Stored { place: String, value: String },
    /// The row an undo would put back has been removed since.
    RowGone { table: &'static str, id: i64 },
    /// SQLite would not switch to WAL journaling (the file system may not support it).
    NotWal { mode: String },
    /// The database's own check refused a figure.
    FigureRefused {
        metric: crate::domain::figures::Metric,
        detail: String,
    },
    /// Data the app made could not be encoded for storage.
    Encode { place: &'static str, detail: String },
    /// The campaign refers to a code it does not declare (`table` is where it looked).
    UnknownCode { table: &'static str, code: String },
    /// An import plan with errors reached the writer.
    ImportHasErrors,
}

impl Invalid {
    pub fn stored(place: impl Into<String>, value: impl Into<String>) -> StoreError {
        StoreError::Invalid(Invalid::Stored {
            place: place.into(),
            value: value.into(),
        })
    }
}

/// Why a store is open read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// `--read-only`.
    Asked,
    /// The store file cannot be written by this user.
    File,
    /// The folder holding it cannot be written (SQLite needs to write its journal there).
    Folder,
}

impl std::fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReadOnly::Asked => "--read-only",
            ReadOnly::File => "the file is not writable",
            ReadOnly::Folder => "its folder is not writable",
        })
    }
}

impl StoreError {
    /// Refusals (the file is not ours or not for this binary) exit with 2, as bad usage does.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            StoreError::NotADatabase { .. }
                | StoreError::NotOurs { .. }
                | StoreError::SchemaTooNew { .. }
                | StoreError::OtherCampaign { .. }
                | StoreError::Exists { .. }
                | StoreError::Link { .. }
                | StoreError::ReadOnly(_)
                | StoreError::InUse { .. }
                | StoreError::ReadOnlyNeedsUpgrade { .. }
                | StoreError::Damaged { .. }
        )
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Where the campaign comes from when a new store is seeded. Parsed only when needed, except
/// that a `--campaign` file is parsed before anything is created so a bad file changes nothing.
/// The store never reads campaign files itself: `io::campaign_file` supplies both kinds.
#[derive(Clone, Copy)]
pub enum Seed<'a> {
    /// Seed a new store with `def()`; an existing store keeps whatever campaign it holds.
    Default {
        def: fn() -> CampaignDef,
        name: &'static str,
    },
    /// Seed a new store with `def`; an existing store must hold the same campaign.
    File { def: &'a CampaignDef, name: &'a str },
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    data_version: Option<i64>,
    /// Set when the store was opened read-only; every change is then refused up front.
    read_only: Option<ReadOnly>,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating, migrating and seeding as needed) the store at `path`.
    pub fn open(path: &Path, seed: Seed<'_>, now: DateTime<FixedOffset>) -> Result<Store> {
        if let Some(why) = unwritable(path) {
            return Store::open_read_only(path, why);
        }
        Store::open_writable(path, seed, now)
    }

    /// Opens an existing store for reading only: every write is refused with
    /// [`StoreError::ReadOnly`] before it touches the file. A store that would need migrating
    /// or seeding is refused instead.
    pub fn open_read_only(path: &Path, why: ReadOnly) -> Result<Store> {
        inspect_existing(path)?;
        if !path.exists() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no store to open read-only",
                ),
            });
        }
        let conn = open_ro(path)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < migrate::LATEST {
            return Err(StoreError::ReadOnlyNeedsUpgrade {
                path: path.to_path_buf(),
                known: migrate::LATEST,
            });
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            data_version: None,
            read_only: Some(why),
        };
        store.changed_elsewhere()?;
        Ok(store)
    }

    /// Caps the store at `pages` database pages (`PRAGMA max_page_count`), returning the cap in
    /// force. A write that needs more fails as on a full disk ("database or disk is full"),
    /// through SQLite's own path: the fault tests use it to show nothing saved is lost.
    pub fn set_max_page_count(&self, pages: i64) -> Result<i64> {
        Ok(self
            .conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?)
    }

    pub fn page_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: "ok", or what is wrong.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Why the store is read-only, when it is.
    /// The folder the store's file is in (the data folder: briefings, exports and photo
    /// copies go beside it); "." for a bare file name.
    pub fn folder(&self) -> PathBuf {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    pub fn read_only(&self) -> Option<ReadOnly> {
        self.read_only
    }

    fn open_writable(path: &Path, seed: Seed<'_>, now: DateTime<FixedOffset>) -> Result<Store> {
        inspect_existing(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::atomic_write::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            data_version: None,
            read_only: None,
        };
        store.secure_permissions();
        migrate::run(&mut store.conn)?;
        seed::ensure(&mut store.conn, path, seed, now)?;
        // The baseline is taken before the caller reads anything, so a commit by another
        // instance between now and the first look counts as a change (at worst one extra read).
        store.changed_elsewhere()?;
        Ok(store)
    }

    /// An in-memory store for tests and headless rendering of scripted data.
    pub fn open_in_memory(seed: Seed<'_>, now: DateTime<FixedOffset>) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            data_version: None,
            read_only: None,
        };
        migrate::run(&mut store.conn)?;
        seed::ensure(&mut store.conn, Path::new(":memory:"), seed, now)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// True when another connection committed since the last call (`PRAGMA data_version`
    /// changes only for other connections' commits, so our own writes do not count).
    pub fn changed_elsewhere(&mut self) -> Result<bool> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let changed = self.data_version.is_some_and(|old| old != v);
        self.data_version = Some(v);
        Ok(changed)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // WAL lets a second reader (or instance) see committed data while we write; FULL makes a
    // commit durable across a power cut, which matters more here than write speed.
    // Switching a new file to WAL needs it alone: a second instance creating the same store
    // this very moment makes SQLite answer "busy" at once (not through the busy handler, to
    // avoid a deadlock), so the switch is tried again for as long as the busy timeout.
    let started = std::time::Instant::now();
    let mode: String = loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && started.elapsed() < Duration::from_secs(5) =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => break other?,
        }
    };
    if mode != "wal" && mode != "memory" {
        return Err(StoreError::Invalid(Invalid::NotWal { mode }));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    Ok(())
}

/// A read-only connection to an existing file. A WAL store needs its -shm file writable even
/// to read; where that cannot be (a read-only folder), the file is read as it stands
/// (`immutable`), which is exact once no writer is left.
fn open_ro(path: &Path) -> Result<Connection> {
    let mut base = String::from("file:");
    for b in path.display().to_string().bytes() {
        // The path goes into a URI: anything but plain characters is %-encoded.
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            base.push(char::from(b));
        } else {
            base.push_str(&format!("%{b:02X}"));
        }
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let try_open = |query: &str| -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(format!("{base}?{query}"), flags)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(conn)
    };
    match try_open("mode=ro") {
        Ok(c) => Ok(c),
        Err(e) if is_not_a_database(&e) => Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        }),
        Err(_) => try_open("mode=ro&immutable=1").map_err(|e| {
            if is_not_a_database(&e) {
                StoreError::NotADatabase {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::Sqlite(e)
            }
        }),
    }
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase)
}

/// Why an existing store cannot be written by this process, if it cannot: the file itself, or
/// the folder SQLite writes its WAL and shared-memory files into. A missing store is not
/// judged here (creating it reports its own error).
fn unwritable(path: &Path) -> Option<ReadOnly> {
    if !path.exists() {
        return None;
    }
    if std::fs::OpenOptions::new().append(true).open(path).is_err() {
        return Some(ReadOnly::File);
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = dir.join(format!(".xungkich-write-check-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
        Err(_) => Some(ReadOnly::Folder),
    }
}

/// Refuses, without writing a byte, a file that is not a SQLite database, another program's
/// database, or a store from a newer xungkich.
pub(crate) fn inspect_existing(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    let len = file.metadata().map_err(io)?.len();
    if len == 0 {
        return Ok(());
    }
    let mut header = [0u8; 16];
    if len < 16 || file.read_exact(&mut header).is_err() || &header != SQLITE_HEADER {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    drop(file);
    // A plain read-only look first (it takes part in locking, so a store another instance is
    // creating this moment is seen whole); a store in a folder we cannot write, whose WAL
    // index cannot be made, is then looked at as it stands.
    let conn = match Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|c| {
        c.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(c)
    }) {
        Ok(c) => c,
        Err(e) if is_not_a_database(&e) => {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        Err(e) if unwritable(path).is_some() => {
            drop(e);
            open_ro(path)?
        }
        Err(e) => return Err(StoreError::Sqlite(e)),
    };
    let not_db = |_| StoreError::NotADatabase {
        path: path.to_path_buf(),
    };
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(not_db)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(not_db)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(not_db)?;
    if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
        return Err(StoreError::NotOurs {
            path: path.to_path_buf(),
        });
    }
    let known = migrate::LATEST;
    if version > known {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    /// A campaign with nothing in it: the store's tests do not read campaign files.
    fn empty_campaign() -> CampaignDef {
        let day = |d| NaiveDate::from_ymd_opt(2022, 5, d).unwrap_or_default();
        CampaignDef {
            campaign: crate::domain::campaign::CampaignInfo {
                code: "test".into(),
                title: "Test".into(),
                short_title: "Test".into(),
                district: String::new(),
                city: String::new(),
                issued_on: day(1),
                starts_on: day(1),
                ends_on: day(31),
                timezone: "Asia/Ho_Chi_Minh".into(),
                organisers: Vec::new(),
                contact_name: String::new(),
                contact_role: String::new(),
                contact_phone: String::new(),
            },
            units: Vec::new(),
            volunteer_days: Vec::new(),
            requirements: Vec::new(),
            tasks: Vec::new(),
            kpis: Vec::new(),
            agenda: Vec::new(),
            fields: Vec::new(),
            activities: Vec::new(),
        }
    }

    #[test]
    fn connection_is_configured_for_durability() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let store = Store::open(
            &dir.path().join("x.db"),
            Seed::Default {
                def: empty_campaign,
                name: "test",
            },
            crate::domain::time::start_of_day(
                NaiveDate::from_ymd_opt(2022, 5, 1).unwrap_or_default(),
            ),
        )
        .expect("open");
        let pragma = |name: &str| -> i64 {
            store
                .conn()
                .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .expect("pragma")
        };
        assert_eq!(pragma("synchronous"), 2, "FULL");
        assert_eq!(pragma("foreign_keys"), 1);
        assert_eq!(pragma("busy_timeout"), 5000);
        assert_eq!(pragma("application_id"), i64::from(APPLICATION_ID));
    }
}
