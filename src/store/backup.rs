//! Consistent copies of the store (`backup`, the daily copy at start-up) and putting one back
//! (`restore`). A copy is written by SQLite itself (`VACUUM INTO`), so it is whole and
//! consistent even while another instance is writing, and lands under its final name only
//! once complete.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, Result, Store, StoreError, check_is_file, migrate, sqlite_name};

/// How many daily copies the data folder keeps.
pub const DAILY_KEEP: usize = 7;

fn io(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A sibling of `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The file beside the store that running interfaces hold a shared lock on. Keyed on the
/// store file itself, not on the name it was reached by: a session opened through a symlink
/// and a restore given the real name must find the same mark.
pub fn in_use_path(db: &Path) -> PathBuf {
    let real = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    with_suffix(&real, ".in-use")
}

/// Marks the store at `db` as in use by this session (a shared lock: two sessions may run).
/// Taken before the store is opened, so a restore started a moment later finds it. None when
/// the mark cannot be made (a read-only folder): the session runs on, only `restore` cannot
/// see it.
pub fn mark_in_use(db: &Path) -> Option<InUse> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(in_use_path(db))
        .ok()?;
    // Blocks only while a restore holds it exclusively, which takes a moment.
    file.lock_shared().ok()?;
    Some(InUse { _file: file })
}

/// Whether `a` and `b` name the same file (through a symlink, a hard link or `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        },
    }
}

/// Whether writing `dest` would write over the store at `db` or its journal files.
fn is_store_or_journal(dest: &Path, db: &Path) -> bool {
    if same_file(dest, db) {
        return true;
    }
    // The journal files may not exist yet: compare them by name, beside the real store.
    let real_db = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let real_dest = match (dest.parent(), dest.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .map(|d| d.join(name))
        .unwrap_or_else(|_| dest.to_path_buf()),
        _ => dest.to_path_buf(),
    };
    ["-wal", "-shm", "-journal"].iter().any(|ext| {
        real_dest == with_suffix(&real_db, ext) || same_file(dest, &with_suffix(db, ext))
    })
}

/// Held by an interface session for as long as it runs: `restore` refuses to replace a store
/// someone is working in (their next save would go to the file moved aside).
#[derive(Debug)]
pub struct InUse {
    _file: std::fs::File,
}

impl Store {
    /// Marks the store as in use by this session (a shared lock: two sessions may run). None
    /// when the mark cannot be made (a read-only folder, an in-memory store): the session runs
    /// on, only `restore` cannot see it.
    pub fn mark_in_use(&self) -> Option<InUse> {
        if self.read_only().is_some() || self.path() == Path::new(":memory:") {
            return None;
        }
        mark_in_use(self.path())
    }

    /// Writes a consistent copy of the store to `dest`. An existing `dest` is refused unless
    /// `overwrite`; the copy is made under a temporary name and renamed when complete, so a
    /// failure never leaves half a file under `dest`.
    pub fn backup_to(&self, dest: &Path, overwrite: bool) -> Result<()> {
        // `--force` replaces a file, never a device or a folder (renaming over /dev/null).
        check_is_file(dest)?;
        // Even with --force: a copy written over the live store (or its WAL) destroys it.
        if is_store_or_journal(dest, self.path()) {
            return Err(StoreError::BackupOntoStore {
                path: dest.to_path_buf(),
            });
        }
        if dest.exists() && !overwrite {
            return Err(StoreError::Exists {
                path: dest.to_path_buf(),
            });
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let tmp = with_suffix(dest, &format!(".part-{}", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let written = self
            .conn()
            // VACUUM INTO reads a `file:` name as a URI too.
            .execute("VACUUM INTO ?1", [sqlite_name(&tmp).to_string_lossy()])
            .map_err(StoreError::from)
            .and_then(|_| {
                // The copy is durable before it takes the real name.
                std::fs::File::open(&tmp)
                    .and_then(|f| f.sync_all())
                    .map_err(io(&tmp))
            })
            .and_then(|()| std::fs::rename(&tmp, dest).map_err(io(dest)));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    /// Keeps one copy per day in `folder` (named by `today`) and removes all but the newest
    /// [`DAILY_KEEP`]. Returns the path written, or `None` when today's copy exists already.
    pub fn daily_backup(&self, folder: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
        let dest = folder.join(format!("xungkich-{}.db", today.format("%Y-%m-%d")));
        let written = if dest.exists() {
            None
        } else {
            self.backup_to(&dest, false)?;
            Some(dest)
        };
        prune(folder, DAILY_KEEP)?;
        Ok(written)
    }
}

/// Removes the oldest daily copies in `folder` beyond `keep` (the names sort by date).
pub fn prune(folder: &Path, keep: usize) -> Result<()> {
    let mut copies: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(io(folder))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("xungkich-") && n.ends_with(".db"))
        })
        .collect();
    copies.sort();
    let extra = copies.len().saturating_sub(keep);
    for old in &copies[..extra] {
        std::fs::remove_file(old).map_err(io(old))?;
    }
    Ok(())
}

/// Checks that `path` is a whole xungkich store this binary can open: our application id, a
/// schema version it knows, and SQLite's own integrity check. Returns the schema version.
pub fn check_store_file(path: &Path) -> Result<i64> {
    check_is_file(path)?;
    if !path.is_file() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    super::inspect_existing(path)?;
    let conn = Connection::open_with_flags(sqlite_name(path), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let not_ours = || StoreError::NotOurs {
        path: path.to_path_buf(),
    };
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|_| not_ours())?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID || !(1..=migrate::LATEST).contains(&version) {
        return Err(not_ours());
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Damaged {
            path: path.to_path_buf(),
            check,
        });
    }
    Ok(version)
}

/// Puts the copy `from` in place of the store at `db`. The copy is read through SQLite (so
/// a copy with a pending `-wal` comes with its last saves) into a part file beside `db` and
/// checked there; the store it replaces is kept as `<db>.replaced-<stamp>` (returned), made
/// before the swap; then one rename puts the copy under `db`. At no moment is there no whole
/// store at `db`: a kill at any step leaves the old store or the new one. A file at `db` that
/// is not a xungkich store is refused and left alone. No session may run on `db` meanwhile.
pub fn restore(db: &Path, from: &Path, stamp: &str) -> Result<Option<PathBuf>> {
    check_is_file(db)?;
    check_store_file(from)?;
    // Held for the whole replacement, so no session starts on the store halfway through.
    let _guard = exclusive_in_use(db)?;
    let replacing = db.exists();
    if replacing {
        // Another program's file is never replaced; a damaged store is what restore is for.
        if let Err(e @ (StoreError::NotOurs { .. } | StoreError::NotADatabase { .. })) =
            check_store_file(db)
        {
            return Err(e);
        }
    }
    let tmp = with_suffix(db, &format!(".part-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let copied = copy_through_sqlite(from, &tmp).and_then(|()| check_store_file(&tmp).map(|_| ()));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    let aside = if replacing {
        match keep_aside(db, stamp) {
            Ok(a) => Some(a),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        }
    } else {
        None
    };
    // The replaced store's journal, emptied by the checkpoint in `keep_aside`, belongs to it:
    // removed before the swap, so the copy never starts beside another file's WAL or index.
    for ext in ["-wal", "-shm"] {
        let side = with_suffix(db, ext);
        if side.exists()
            && let Err(e) = std::fs::remove_file(&side)
        {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&side)(e));
        }
    }
    if let Err(e) = std::fs::rename(&tmp, db) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(db)(e));
    }
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(aside)
}

/// `VACUUM INTO` from a read-only connection on `from`: what SQLite reads, WAL included, as
/// one whole file at `to`, made durable.
fn copy_through_sqlite(from: &Path, to: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(sqlite_name(from), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    // VACUUM INTO reads a `file:` name as a URI too.
    conn.execute("VACUUM INTO ?1", [sqlite_name(to).to_string_lossy()])?;
    drop(conn);
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(io(to))
}

/// Keeps the store at `db` as `<db>.replaced-<stamp>` while `db` stays in place: its journal
/// folded in first, then a hard link (or, where links are not possible, a copy).
fn keep_aside(db: &Path, stamp: &str) -> Result<PathBuf> {
    {
        let conn = Connection::open_with_flags(
            sqlite_name(db),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    let aside = with_suffix(db, &format!(".replaced-{stamp}"));
    if aside.exists() {
        return Err(StoreError::Exists { path: aside });
    }
    if std::fs::hard_link(db, &aside).is_err() {
        std::fs::copy(db, &aside)
            .and_then(|_| std::fs::File::open(&aside).and_then(|f| f.sync_all()))
            .map_err(io(&aside))?;
    }
    Ok(aside)
}

/// Takes the in-use mark exclusively, or refuses when a session holds it.
fn exclusive_in_use(db: &Path) -> Result<Option<std::fs::File>> {
    let path = in_use_path(db);
    // Created if missing, so a session starting during the restore waits for it.
    let file = match std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
    {
        Ok(f) => f,
        // A folder we cannot write: no session can have marked it either.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&path)(e)),
    };
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse {
            path: db.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(io(&path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_keeps_the_newest_copies() {
        let dir = tempfile::TempDir::new().expect("tmp");
        for d in 1..=10 {
            std::fs::write(dir.path().join(format!("xungkich-2022-05-{d:02}.db")), b"x")
                .expect("write");
        }
        std::fs::write(dir.path().join("notes.txt"), b"keep me").expect("write");
        prune(dir.path(), 7).expect("prune");
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("read")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        left.sort();
        assert_eq!(left.len(), 8, "{left:?}");
        assert_eq!(left[0], "notes.txt");
        assert_eq!(left[1], "xungkich-2022-05-04.db");
        assert_eq!(left[7], "xungkich-2022-05-10.db");
    }
}
