//! Consistent copies of the store (`backup`, the daily copy at start-up) and putting one back
//! (`restore`). A copy is written by SQLite itself (`VACUUM INTO`), so it is whole and
//! consistent even while another instance is writing, and lands under its final name only
//! once complete — after the photos it refers to are in the backup folder's photo pool
//! ([`BACKUP_POOL`]), so a backup is never there without its photos.

use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::photos::{self, BACKUP_POOL, Carried};
use super::{APPLICATION_ID, Result, Store, StoreError, check_is_file, migrate, sqlite_name};
use crate::atomic_write;

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
        .mode(atomic_write::FILE_MODE)
        .open(in_use_path(db))
        .ok()?;
    // Blocks only while a restore holds it exclusively, which takes a moment.
    file.lock_shared().ok()?;
    Some(InUse { _file: file })
}

/// What shows that a store was at `db` although no file is there now: its in-use mark, its
/// journal, a replaced copy or a part file of a restore, and daily copies in the `backups`
/// folder beside it. Newest daily copy last. Empty when nothing does: a new store may be made.
pub fn traces_of_a_store(db: &Path) -> Vec<PathBuf> {
    if db.exists() {
        return Vec::new();
    }
    let Some(name) = db.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut found: Vec<PathBuf> = [".in-use", "-wal", "-shm", "-journal", photos::POOL_SUFFIX]
        .iter()
        .map(|ext| with_suffix(db, ext))
        .filter(|p| p.exists())
        .collect();
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut beside: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name().to_str().is_some_and(|n| {
                    n.starts_with(&format!("{name}.replaced-"))
                        || n.starts_with(&format!("{name}.part-"))
                        || n.starts_with(&format!(".{name}.part-"))
                })
            })
            .map(|e| e.path())
            .collect();
        beside.sort();
        found.extend(beside);
    }
    if let Ok(entries) = std::fs::read_dir(dir.join("backups")) {
        let stem = store_stem(db);
        let mut copies: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| is_daily_copy_of(&stem, n))
            })
            .collect();
        copies.sort();
        found.extend(copies);
    }
    found
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

    /// Writes a consistent copy of the store to `dest`, and the photos it refers to into
    /// [`BACKUP_POOL`] beside it (only those the pool does not have: backups in one folder
    /// share it). An existing `dest` is refused unless `overwrite`, a symbolic link always;
    /// the copy is made under a random temporary name (0600, created exclusively) and renamed
    /// when complete and its photos are in the pool, so a failure never leaves half a file
    /// under `dest`, nor a backup without its photos. Leftovers of copies of `dest` that were
    /// killed are removed first. Photos the store lists but has no whole file of are named
    /// in [`Carried::missing`]: the backup is made all the same.
    pub fn backup_to(&self, dest: &Path, overwrite: bool) -> Result<Carried> {
        // `--force` replaces a file, never a device or a folder (renaming over /dev/null).
        check_is_file(dest)?;
        // Even with --force: a copy written over the live store (or its WAL) destroys it.
        if is_store_or_journal(dest, self.path()) {
            return Err(StoreError::BackupOntoStore {
                path: dest.to_path_buf(),
            });
        }
        atomic_write::refuse_early(dest, overwrite).map_err(|e| written_err(dest, e))?;
        let (dir, name) = atomic_write::split(dest).map_err(io(dest))?;
        remove_stale_parts(&dir, |n| n == name);
        // The process id in the name tells a copy under way from one whose writer was killed.
        let prefix = format!(".{name}.part-{}.", std::process::id());
        let pending = atomic_write::create_with(&dir, &prefix, ".tmp").map_err(io(dest))?;
        // SQLite writes into the empty file made above, which keeps its 0600. VACUUM INTO
        // reads a `file:` name as a URI too.
        self.conn().execute(
            "VACUUM INTO ?1",
            [sqlite_name(pending.path()).to_string_lossy()],
        )?;
        // The photos of the copy as written (a consistent snapshot), before its final name.
        let (wanted, unkept) = photos::wanted_by(pending.path())?;
        let mut carried =
            photos::carry(&wanted, &[self.photo_pool()], &dir.join(BACKUP_POOL), false);
        carried.photos += unkept.len();
        carried.missing.extend(unkept);
        // On an error above `pending` is dropped, which removes the temporary file.
        pending
            .commit(&name, overwrite)
            .map_err(|e| written_err(dest, e))?;
        Ok(carried)
    }

    /// Keeps one copy per day in `folder`, named after the store and `today`
    /// (`<stem>-YYYY-MM-DD.db`: two stores of one folder keep their own copies), removes all
    /// but the newest [`DAILY_KEEP`] of this store, then the pool's photos no copy in the
    /// folder refers to any more. Returns the path written and what was done with its photos,
    /// or `None` when today's copy exists already.
    pub fn daily_backup(
        &self,
        folder: &Path,
        today: NaiveDate,
    ) -> Result<Option<(PathBuf, Carried)>> {
        let stem = store_stem(self.path());
        let dest = folder.join(format!("{stem}-{}.db", today.format("%Y-%m-%d")));
        let mine = |n: &str| is_daily_copy_of(&stem, n);
        remove_stale_parts(folder, mine);
        let written = if dest.exists() {
            None
        } else {
            let carried = self.backup_to(&dest, false)?;
            Some((dest, carried))
        };
        prune(folder, DAILY_KEEP, mine)?;
        sweep_pool(folder);
        Ok(written)
    }
}

/// The name daily copies of the store at `db` start with: its file name without extension.
fn store_stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "xungkich".into())
}

/// `<stem>-YYYY-MM-DD.db`, a daily copy of the store named `stem`.
fn is_daily_copy_of(stem: &str, name: &str) -> bool {
    name.strip_prefix(stem)
        .and_then(|n| n.strip_prefix('-'))
        .and_then(|n| n.strip_suffix(".db"))
        .is_some_and(|d| d.len() == 10 && NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
}

/// Removes from the photo pool of the backup folder `folder` the photos that no backup in it
/// refers to (after the oldest daily copies were removed). Only when every SQLite file in the
/// folder can be read and no copy is being written: else a photo is kept that could still
/// be wanted.
fn sweep_pool(folder: &Path) {
    let pool = folder.join(BACKUP_POOL);
    if !pool.is_dir() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut keep = std::collections::BTreeSet::new();
    for e in entries.flatten() {
        let path = e.path();
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if let Some((_, pid)) = e.file_name().to_str().and_then(part_of)
            && !is_stale(&path, pid)
        {
            return;
        }
        let mut head = [0u8; 16];
        let is_sqlite = std::fs::File::open(&path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && &head == super::SQLITE_HEADER;
        if !is_sqlite {
            continue;
        }
        match photos::wanted_by(&path) {
            Ok((wanted, _)) => keep.extend(wanted.into_iter().map(|w| w.name)),
            Err(_) => return,
        }
    }
    photos::remove_unlisted(&pool, &keep);
    photos::remove_stale_parts(&pool);
}

fn written_err(path: &Path, e: atomic_write::Error) -> StoreError {
    match e {
        atomic_write::Error::Exists(p) => StoreError::Exists { path: p },
        atomic_write::Error::Link(p) => StoreError::Link { path: p },
        atomic_write::Error::Io(source) => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// When `file` is the temporary name of a copy of `name` (`.<name>.part-<pid>.<random>.tmp`,
/// or `<name>.part-<pid>` as older versions named it), the writer's process id and `name`.
fn part_of(file: &str) -> Option<(&str, u32)> {
    // SQLite's rollback journal of a `VACUUM INTO` killed halfway sits beside its part file.
    let file = file.strip_suffix("-journal").unwrap_or(file);
    let stem = match file.strip_prefix('.').and_then(|f| f.strip_suffix(".tmp")) {
        Some(new) => new.rsplit_once('.')?.0,
        None => file,
    };
    let (name, pid) = stem.rsplit_once(".part-")?;
    if name.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((name, pid.parse().ok()?))
}

/// A copy that no live process is writing: its process is gone (or, where `/proc` cannot
/// tell, it is over an hour old), or it is over a day old (the process id reused since).
fn is_stale(path: &Path, pid: u32) -> bool {
    let age = std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .unwrap_or_default();
    let hour = std::time::Duration::from_secs(3600);
    if pid == std::process::id() {
        return false;
    }
    let gone = if Path::new("/proc/self").exists() {
        !Path::new(&format!("/proc/{pid}")).exists()
    } else {
        age > hour
    };
    gone || age > 24 * hour
}

/// Removes what copies killed halfway left in `folder` (a kill cannot run the clean-up, and
/// each leftover is as big as the store): only regular files named exactly like a temporary
/// copy of a name `wanted` accepts, and only when stale. Best effort: a leftover that cannot
/// be removed takes space but harms nothing.
pub fn remove_stale_parts(folder: &Path, wanted: impl Fn(&str) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let Ok(file) = entry.file_name().into_string() else {
            continue;
        };
        let Some((name, pid)) = part_of(&file) else {
            continue;
        };
        let path = entry.path();
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        if wanted(name) && plain && is_stale(&path, pid) && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes the oldest daily copies (names `copy` accepts) in `folder` beyond `keep` (the
/// names sort by date).
pub fn prune(folder: &Path, keep: usize, copy: impl Fn(&str) -> bool) -> Result<()> {
    let mut copies: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(io(folder))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(&copy))
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
///
/// The copy's photos are brought into the store's photo folder before the swap, each checked
/// against its SHA-256, from the photo pool beside the copy ([`BACKUP_POOL`]) or the copy's
/// own photo folder (a store file, or a replaced one, given as the copy). The folder only
/// gains files: the replaced store's photos stay for it.
pub fn restore(db: &Path, from: &Path, stamp: &str) -> Result<Restored> {
    check_is_file(db)?;
    check_store_file(from)?;
    // The store itself, not a link to it: the copy replaces the file a link points at.
    let db = &std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
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
    let (dir, name) = atomic_write::split(db).map_err(io(db))?;
    // Leftovers of restores killed before, and the process id to tell ours apart.
    remove_stale_parts(&dir, |n| n == name);
    let prefix = format!(".{name}.part-{}.", std::process::id());
    // Dropped on any error below, which removes the part file.
    let pending = atomic_write::create_with(&dir, &prefix, ".tmp").map_err(io(db))?;
    copy_through_sqlite(from, pending.path())?;
    check_store_file(pending.path())?;
    let (wanted, unkept) = photos::wanted_by(pending.path())?;
    let from_dir = from
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let real_from = std::fs::canonicalize(from).unwrap_or_else(|_| from.to_path_buf());
    let sources = [
        from_dir.join(BACKUP_POOL),
        photos::pool_of(&real_from),
        photos::pool_of(from),
    ];
    let mut carried = photos::carry(&wanted, &sources, &photos::pool_of(db), true);
    carried.photos += unkept.len();
    carried.missing.extend(unkept);
    let aside = if replacing {
        Some(keep_aside(db, stamp)?)
    } else {
        None
    };
    // The replaced store's journal, emptied by the checkpoint in `keep_aside`, belongs to it:
    // removed before the swap, so the copy never starts beside another file's WAL or index.
    for ext in ["-wal", "-shm"] {
        let side = with_suffix(db, ext);
        if side.exists() {
            std::fs::remove_file(&side).map_err(io(&side))?;
        }
    }
    // One rename over the store: before it the old store is whole at `db`, after it the copy.
    pending
        .commit(&name, true)
        .map_err(|e| written_err(db, e))?;
    Ok(Restored {
        aside,
        photos: carried,
    })
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// Where the replaced store was kept, when there was one.
    pub aside: Option<PathBuf>,
    /// The copy's photos, and those found nowhere whole.
    pub photos: Carried,
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
        .mode(atomic_write::FILE_MODE)
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
    fn only_stale_leftovers_of_copies_are_removed() {
        let dir = tempfile::TempDir::new().expect("tmp");
        // No process has this id (above Linux's pid_max).
        let dead = 4_194_304 + 7;
        let me = std::process::id();
        let files = [
            format!("xungkich-2022-05-01.db.part-{dead}"),
            format!(".xungkich-2022-05-02.db.part-{dead}.Ab12Cd.tmp"),
            // The journal SQLite left beside a `VACUUM INTO` killed halfway.
            format!(".xungkich-2022-05-02.db.part-{dead}.Ab12Cd.tmp-journal"),
            format!(".xungkich-2022-05-03.db.part-{me}.Xy98Zw.tmp"),
            format!("xungkich-2022-05-04.db.part-{dead}x"),
            format!("notes.txt.part-{dead}"),
            "xungkich-2022-05-05.db".to_string(),
        ];
        for f in &files {
            std::fs::write(dir.path().join(f), b"x").expect("write");
        }
        let daily = |n: &str| is_daily_copy_of("xungkich", n);
        assert_eq!(remove_stale_parts(dir.path(), daily), 3);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("read")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        left.sort();
        let mut want = files[3..].to_vec();
        want.sort();
        assert_eq!(left, want);
    }

    #[test]
    fn prune_keeps_the_newest_copies_of_its_own_store() {
        let dir = tempfile::TempDir::new().expect("tmp");
        for d in 1..=10 {
            std::fs::write(dir.path().join(format!("xungkich-2022-05-{d:02}.db")), b"x")
                .expect("write");
        }
        // Another store of the same folder: its copies are its own.
        for d in 1..=2 {
            std::fs::write(
                dir.path().join(format!("xungkich-demo-2022-05-{d:02}.db")),
                b"x",
            )
            .expect("write");
        }
        std::fs::write(dir.path().join("notes.txt"), b"keep me").expect("write");
        prune(dir.path(), 7, |n| is_daily_copy_of("xungkich", n)).expect("prune");
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("read")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        left.sort();
        assert_eq!(left.len(), 10, "{left:?}");
        assert_eq!(left[0], "notes.txt");
        assert_eq!(left[1], "xungkich-2022-05-04.db");
        assert_eq!(left[7], "xungkich-2022-05-10.db");
        assert_eq!(left[8], "xungkich-demo-2022-05-01.db");
        assert!(is_daily_copy_of(
            "xungkich-demo",
            "xungkich-demo-2022-05-01.db"
        ));
        assert!(!is_daily_copy_of("xungkich", "xungkich-demo-2022-05-01.db"));
    }
}
