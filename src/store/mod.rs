//! The SQLite store: the only place with SQL.
//!
//! One file holds the whole campaign. Every user change goes through [`Store::change`], which
//! runs in a `BEGIN IMMEDIATE` transaction and records each row it touches in the audit log, so
//! [`Store::undo_last`] can put the rows back, also after a restart.

mod agenda;
mod audit;
pub mod backup;
mod campaign_apply;
mod campaign_def;
pub mod demo;
mod document;
mod figures;
mod import;
mod initiatives;
mod kpis;
mod migrate;
pub mod photos;
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

pub use agenda::{AgendaItem, AgendaRow, AgendaStatus, NewDay, RoundRequirement};
pub use audit::{Change, Redo, Redone, Table, Undone};
pub use campaign_apply::Applied;
pub use document::ReportNote;
pub use figures::{FigureEdit, FigureRow, FigureSaved};
pub use import::{ExistingInitiative, ImportOp};

pub use initiatives::{
    FieldRow, InitiativeAsOf, InitiativeDetail, InitiativeRecord, InitiativeRow, InitiativesAt,
    StageEntry,
};
pub use kpis::{KpiRow, MeasurementRow, NewMeasurement};
pub use queries::{Board, CampaignRow, LAND_KPI, RequirementRow, TaskRow, VolunteerDayRow};
pub use registrations::{Activity, NewRegistration, RegistrationRow};
pub use reports::{NewPhoto, PhotoRow, ReportRow};

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
    /// No store at `path`, but `found` shows one was there (a replaced copy, a part file, its
    /// journal or in-use mark, daily copies): nothing is created in its place unasked.
    #[error("{path}: no store here, but {found:?} show there was one")]
    Vanished { path: PathBuf, found: Vec<PathBuf> },
    /// A backup aimed at the store itself or its journal, under any name.
    #[error("{path} is the store itself (or its journal): a backup there would destroy it")]
    BackupOntoStore { path: PathBuf },
    /// A figure saved from a screen that is behind the store: the cell holds `stored` now.
    #[error("the figure was changed meanwhile: it is now {stored:?}")]
    FigureChanged { stored: Option<i64> },
    #[error("{path}: xungkich is running on this store; close it first (nothing was replaced)")]
    InUse { path: PathBuf },
    /// The store is open read-only: nothing can be saved.
    #[error("the store is open read-only ({0}): nothing was saved")]
    ReadOnly(ReadOnly),
    #[error(
        "{path}: the store needs upgrading to schema {known} but it is read-only (the file was left unchanged)"
    )]
    ReadOnlyNeedsUpgrade { path: PathBuf, known: i64 },
    /// The path names something that is not a regular file (a folder, a FIFO, a device, a
    /// kernel file under /proc or /sys). Refused before SQLite is given it: nothing is opened
    /// or created.
    #[error("{path}: a {kind:?}, not a store file (nothing was opened or created)")]
    NotAFile { path: PathBuf, kind: FileKind },
}

/// What a store path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    /// A file the kernel makes up (under /proc or /sys): it looks regular but is not storage.
    Kernel,
    /// Anything else the system may have.
    Other,
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
    /// Another connection holds the write lock and did not let go within the patience.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        ))
    }

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
                | StoreError::BackupOntoStore { .. }
                | StoreError::Vanished { .. }
                | StoreError::NotAFile { .. }
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
    /// What this open did with photos an older version kept in the shared folder.
    adopted: Option<photos::Adopted>,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Store {
    /// Opens (creating, migrating and seeding as needed) the store at `path`.
    pub fn open(path: &Path, seed: Seed<'_>, now: DateTime<FixedOffset>) -> Result<Store> {
        // Before anything opens it: probing a FIFO for writing would wait for a reader.
        check_is_file(path)?;
        if let Some(why) = unwritable(path) {
            return Store::open_read_only(path, why);
        }
        Store::open_writable(path, seed, now)
    }

    /// Opens an existing store for reading only: every write is refused with
    /// [`StoreError::ReadOnly`] before it touches the file. A store that would need migrating
    /// or seeding is refused instead.
    pub fn open_read_only(path: &Path, why: ReadOnly) -> Result<Store> {
        check_is_file(path)?;
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
            adopted: None,
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

    /// The folder the store's file is in (the data folder: briefings, exports and photo
    /// copies go beside it); "." for a bare file name.
    pub fn folder(&self) -> PathBuf {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// Why the store is read-only, when it is.
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
        let conn = Connection::open_with_flags(
            sqlite_name(path),
            // rusqlite's default flags add SQLITE_OPEN_URI; a store path is never a URI.
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            data_version: None,
            read_only: None,
            adopted: None,
        };
        store.secure_permissions();
        migrate::run(&mut store.conn)?;
        seed::ensure(&mut store.conn, path, seed, now)?;
        store.adopted = store.adopt_shared_photos()?;
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
            adopted: None,
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

    /// How long a write waits for another connection's lock before giving up with a busy
    /// error. Commands wait 5 s; the interface waits briefly and retries itself, so a long
    /// import in another process never freezes the screen.
    pub fn set_patience(&self, patience: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(patience)?)
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
    let try_open = |query: &str| -> rusqlite::Result<Connection> {
        let conn = open_uri(path, query)?;
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

/// The name SQLite is given for `path`. The bundled SQLite is built with SQLITE_USE_URI, so
/// it reads any name starting with `file:` as a URI (`file:x.db?mode=memory` kept nothing;
/// `file:other.db` wrote into another program's file) whatever the open flags say. A path is
/// always a path: such a relative path is given as `./file:…`, which no URI starts with.
pub(crate) fn sqlite_name(path: &Path) -> PathBuf {
    if path.as_os_str().as_encoded_bytes().starts_with(b"file:") {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// Refuses a path that exists and is not a regular file, or that lies under /proc or /sys,
/// without opening it: a FIFO would block the open, a device would have SQLite write a
/// `-journal` beside it in /dev, a kernel file is not storage. A missing path is fine (it
/// becomes a new store), unless its folder is a kernel one. Symbolic links are followed: a
/// link to a store is a store.
pub(crate) fn check_is_file(path: &Path) -> Result<()> {
    let refuse = |kind| {
        Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind,
        })
    };
    // A path that cannot be looked at (missing, no permission, a file where a folder should
    // be) is left to the open that follows, which says why in its own words.
    if let Some(kind) = std::fs::metadata(path)
        .ok()
        .and_then(|meta| file_kind(&meta.file_type()))
    {
        return refuse(kind);
    }
    // The nearest part of the path that exists, as the system resolves it, so neither a
    // symbolic link nor `..` hides /proc.
    let resolved = path
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .chain(std::iter::once(Path::new(".")))
        .find_map(|a| std::fs::canonicalize(a).ok());
    if resolved.is_some_and(|r| r.starts_with("/proc") || r.starts_with("/sys")) {
        return refuse(FileKind::Kernel);
    }
    Ok(())
}

/// None for a regular file; else what it is.
fn file_kind(t: &std::fs::FileType) -> Option<FileKind> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(FileKind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if t.is_socket() {
            return Some(FileKind::Socket);
        }
        if t.is_char_device() {
            return Some(FileKind::CharDevice);
        }
        if t.is_block_device() {
            return Some(FileKind::BlockDevice);
        }
    }
    Some(FileKind::Other)
}

/// A read-only connection to `path` through a URI carrying `query` (`mode=ro`, `immutable=1`):
/// the one place a URI is made, from the path %-encoded byte by byte, so no character of the
/// path can add a parameter or name another file.
fn open_uri(path: &Path, query: &str) -> rusqlite::Result<Connection> {
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push('?');
    uri.push_str(query);
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Reads until `buf` is full or the file ends; the number of bytes read.
fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match file.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
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
/// SQLITE_READONLY_RECOVERY and SQLITE_READONLY_ROLLBACK: a read-only connection met a WAL
/// or a rollback journal that must be recovered first.
fn needs_recovery(e: &rusqlite::Error) -> bool {
    const READONLY_RECOVERY: i32 = 8 | (1 << 8);
    const READONLY_ROLLBACK: i32 = 8 | (3 << 8);
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == READONLY_RECOVERY || f.extended_code == READONLY_ROLLBACK)
}

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
    // The 100-byte database header; a file shorter than that is no database SQLite would
    // open, but only the first 16 bytes are needed to say so.
    let mut header = [0u8; 100];
    let got = read_up_to(&mut file, &mut header).map_err(io)?;
    if got < 16 || &header[..16] != SQLITE_HEADER {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    drop(file);
    // A WAL-mode file with no `-wal` and no `-shm` beside it is closed and whole: it is read
    // as it stands (`immutable`), because an ordinary read-only look would make a `-wal` and
    // a `-shm` that a read-only connection cannot remove, left beside another program's
    // database when it is refused. (Bytes 18 and 19 are 2 in WAL mode.)
    let wal_mode = got == header.len() && header[18] == 2 && header[19] == 2;
    let closed = |suffix: &str| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        std::fs::symlink_metadata(PathBuf::from(name)).is_err()
    };
    let quiet_wal = wal_mode && closed("-wal") && closed("-shm");
    // Otherwise a plain read-only look first (it takes part in locking, so a store another
    // instance is creating this moment is seen whole); a store in a folder we cannot write,
    // whose WAL index cannot be made, is then looked at as it stands.
    let look = if quiet_wal {
        open_uri(path, "mode=ro&immutable=1")
    } else {
        Connection::open_with_flags(
            sqlite_name(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    };
    let conn = match look.and_then(|c| {
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
        // A hot journal or WAL left by a crash (a kill during a write, a restore or a schema
        // change) can only be put right by a writer: look through one, which recovers it, as
        // the store's own open would a moment later.
        Err(e) if needs_recovery(&e) && unwritable(path).is_none() => Connection::open_with_flags(
            sqlite_name(path),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?,
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
            kinds: Default::default(),
            units: Vec::new(),
            volunteer_days: Vec::new(),
            requirements: Vec::new(),
            tasks: Vec::new(),
            kpis: Vec::new(),
            agenda: Vec::new(),
            fields: Vec::new(),
            activities: Vec::new(),
            document: Default::default(),
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
