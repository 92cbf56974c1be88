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

/// The file beside the store that running interfaces hold a shared lock on.
pub fn in_use_path(db: &Path) -> PathBuf {
    with_suffix(db, ".in-use")
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
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(in_use_path(self.path()))
            .ok()?;
        // Blocks only while a restore holds it exclusively, which takes a moment.
        file.lock_shared().ok()?;
        Some(InUse { _file: file })
    }

    /// Writes a consistent copy of the store to `dest`. An existing `dest` is refused unless
    /// `overwrite`; the copy is made under a temporary name and renamed when complete, so a
    /// failure never leaves half a file under `dest`.
    pub fn backup_to(&self, dest: &Path, overwrite: bool) -> Result<()> {
        // `--force` replaces a file, never a device or a folder (renaming over /dev/null).
        check_is_file(dest)?;
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

/// Puts the copy `from` in place of the store at `db`. The copy is checked first; the store
/// it replaces (with its journal folded in) is kept aside as `<db>.replaced-<stamp>`, which
/// is returned. The app must not be running on `db` meanwhile.
pub fn restore(db: &Path, from: &Path, stamp: &str) -> Result<Option<PathBuf>> {
    check_is_file(db)?;
    check_store_file(from)?;
    // Held for the whole replacement, so no session starts on the store halfway through.
    let _guard = exclusive_in_use(db)?;
    let aside = if db.exists() {
        // Fold the write-ahead log into the file so the copy kept aside is whole on its own.
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
        std::fs::rename(db, &aside).map_err(io(db))?;
        for ext in ["-wal", "-shm"] {
            let side = with_suffix(db, ext);
            if side.exists() {
                std::fs::remove_file(&side).map_err(io(&side))?;
            }
        }
        Some(aside)
    } else {
        None
    };
    let tmp = with_suffix(db, &format!(".part-{}", std::process::id()));
    let copied = std::fs::copy(from, &tmp)
        .and_then(|_| std::fs::File::open(&tmp).and_then(|f| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, db));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        // Put the replaced store back: the officer keeps what they had.
        if let Some(a) = &aside {
            let _ = std::fs::rename(a, db);
        }
        return Err(io(db)(e));
    }
    Ok(aside)
}

/// Takes the in-use mark exclusively, or refuses when a session holds it.
fn exclusive_in_use(db: &Path) -> Result<Option<std::fs::File>> {
    let path = in_use_path(db);
    let file = match std::fs::OpenOptions::new().write(true).open(&path) {
        Ok(f) => f,
        // No session has ever marked it: nobody to disturb.
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
