//! Each store's photos, and the photos of its backups.
//!
//! A store owns the folder `<store file>.photos/` beside it: two stores in one folder never
//! share a photo file, so neither can overwrite or delete the other's. Inside, one file per
//! content, named by its SHA-256 (`<64 hex>.<ext>`): a photo attached twice is kept once, a
//! copy can never overwrite a different photo, and a backup or a restore can tell by the name
//! alone whether a photo is there already and by reading it whether it is whole.
//!
//! Backups keep photos in one pool per backup folder, [`BACKUP_POOL`], shared by every backup
//! in it: a daily copy copies only the photos the day before did not have.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Result, Store, sqlite_name};
use crate::atomic_write;
use crate::domain::image::ImageKind;

/// Beside a store file: `<name>.photos/`.
pub const POOL_SUFFIX: &str = ".photos";

/// Beside backups: the photos every backup in the folder refers to.
pub const BACKUP_POOL: &str = "xungkich-photos";

/// The temporary names photo copies are written under (`.photo.part-<pid>.<random>.tmp`),
/// so that copies killed halfway can be told apart and removed.
const PART: &str = "photo";

/// The folder of photos of the store at `db`.
pub fn pool_of(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(POOL_SUFFIX);
    db.with_file_name(name)
}

/// A photo kept in a pool.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Its file name in the pool, `<sha256>.<ext>`.
    pub name: String,
    pub sha256: String,
    pub bytes: u64,
    pub kind: ImageKind,
    /// False when the pool had this content already (nothing was written).
    pub fresh: bool,
}

#[derive(Debug)]
pub enum PutError {
    Io(io::Error),
    /// The content is not one of the four image formats.
    NotAnImage,
    /// More than the limit given; the size read so far is given.
    TooLarge(u64),
    /// The content is not the one expected (a photo damaged or replaced since it was kept).
    Changed,
}

impl From<io::Error> for PutError {
    fn from(e: io::Error) -> PutError {
        PutError::Io(e)
    }
}

impl From<atomic_write::Error> for PutError {
    fn from(e: atomic_write::Error) -> PutError {
        match e {
            atomic_write::Error::Io(e) => PutError::Io(e),
            other => PutError::Io(io::Error::other(other.to_string())),
        }
    }
}

/// `<sha256>.<ext>`: the only names this module writes or removes in a pool.
pub fn pool_name(sha256: &str, kind: ImageKind) -> String {
    format!("{sha256}.{}", kind.extension())
}

/// True for a name [`pool_name`] makes: 64 lowercase hex digits, a dot, a known extension.
pub fn is_pool_name(name: &str) -> bool {
    name.split_once('.').is_some_and(|(hash, ext)| {
        hash.len() == 64
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            && ImageKind::from_extension(ext).is_some()
    })
}

/// Copies `source` into `pool` under the name of its content, reading it once: the bytes
/// are hashed and checked as they are copied, so a file that changed since it was looked at
/// (grown past `max`, no longer an image, not the content `expect`ed) is refused, and a
/// refused or failed copy leaves nothing behind. A content the pool has already is kept as
/// it is (never overwritten).
pub fn put_file(
    pool: &Path,
    source: &Path,
    max: u64,
    expect: Option<&str>,
) -> std::result::Result<Kept, PutError> {
    let input = File::open(source)?;
    put_reader(pool, input, max, expect, false)
}

/// [`put_file`] for a photo made in memory (the demo's).
pub fn put_bytes(pool: &Path, bytes: &[u8]) -> std::result::Result<Kept, PutError> {
    put_reader(pool, bytes, u64::MAX, None, false)
}

fn put_reader(
    pool: &Path,
    mut input: impl Read,
    max: u64,
    expect: Option<&str>,
    repair: bool,
) -> std::result::Result<Kept, PutError> {
    let prefix = format!(".{PART}.part-{}.", std::process::id());
    // Dropped on any error below, which removes the temporary file.
    let mut pending = atomic_write::create_with(pool, &prefix, ".tmp")?;
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(16);
    let mut bytes = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        bytes += n as u64;
        if bytes > max {
            return Err(PutError::TooLarge(bytes));
        }
        if head.len() < 16 {
            let want = (16 - head.len()).min(n);
            head.extend_from_slice(&buf[..want]);
        }
        hasher.update(&buf[..n]);
        pending.write_all(&buf[..n])?;
    }
    let kind = ImageKind::sniff(&head).ok_or(PutError::NotAnImage)?;
    let sha256 = hex(&hasher.finalize());
    if expect.is_some_and(|e| e != sha256) {
        return Err(PutError::Changed);
    }
    let name = pool_name(&sha256, kind);
    let fresh = match pending.commit(&name, repair) {
        Ok(_) => true,
        // The same content is there already: one copy is enough.
        Err(atomic_write::Error::Exists(_)) => false,
        Err(e) => return Err(e.into()),
    };
    Ok(Kept {
        name,
        sha256,
        bytes,
        kind,
        fresh,
    })
}

/// The SHA-256 of the file at `path`, in lowercase hex.
pub fn hash_file(path: &Path) -> io::Result<String> {
    let mut input = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A photo a store refers to: its pool name, content hash and the name it was attached by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub name: String,
    pub sha256: String,
    pub original: String,
}

/// What bringing a store's photos somewhere did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Carried {
    /// Photos the store refers to.
    pub photos: usize,
    /// Of them, copied now (the others were there already).
    pub copied: usize,
    /// The names they were attached by, of the photos that could not be found whole.
    pub missing: Vec<String>,
}

/// The photos the store file at `db` refers to, read through SQLite, and the original names
/// of those it lists without a kept file (never brought into its pool).
pub fn wanted_by(db: &Path) -> Result<(Vec<Wanted>, Vec<String>)> {
    let conn = Connection::open_with_flags(sqlite_name(db), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    wanted_in(&conn)
}

fn wanted_in(conn: &Connection) -> Result<(Vec<Wanted>, Vec<String>)> {
    let has_hashes: bool = conn
        .query_row(
            "SELECT 1 FROM pragma_table_info('photos') WHERE name = 'sha256'",
            [],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !has_hashes {
        // An older store: its photos are still in the shared folder, adopted when it opens.
        return Ok((Vec::new(), Vec::new()));
    }
    let mut stmt = conn.prepare("SELECT path, sha256, original_name FROM photos ORDER BY id")?;
    let rows: Vec<(String, Option<String>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<std::result::Result<_, _>>()?;
    // One entry per file: the same photo attached twice is one file.
    let mut wanted = std::collections::BTreeMap::new();
    let mut unkept = Vec::new();
    for (path, sha, original) in rows {
        match sha {
            Some(sha256) if is_pool_name(&path) => {
                wanted.entry(path.clone()).or_insert(Wanted {
                    name: path,
                    sha256,
                    original,
                });
            }
            _ => unkept.push(original),
        }
    }
    Ok((wanted.into_values().collect(), unkept))
}

/// Makes sure `to` holds each photo of `wanted` whole, taking it from the first of `from`
/// that has it whole. A photo already in `to` costs a look at its name when `verify` is
/// false (daily backups), a read of it when true (restores: a damaged copy in `to` is then
/// replaced by a whole one). Photos found nowhere whole are listed in `missing`.
pub fn carry(wanted: &[Wanted], from: &[PathBuf], to: &Path, verify: bool) -> Carried {
    let _ = remove_stale_parts(to);
    let mut done = Carried {
        photos: wanted.len(),
        ..Carried::default()
    };
    for w in wanted {
        let target = to.join(&w.name);
        let present = if verify {
            hash_file(&target).is_ok_and(|h| h == w.sha256)
        } else {
            fs::symlink_metadata(&target).is_ok_and(|m| m.is_file())
        };
        if present {
            continue;
        }
        let damaged_there = fs::symlink_metadata(&target).is_ok_and(|m| m.is_file());
        let brought = from.iter().any(|dir| {
            if dir == to {
                return false;
            }
            let Ok(input) = File::open(dir.join(&w.name)) else {
                return false;
            };
            put_reader(to, input, u64::MAX, Some(&w.sha256), damaged_there).is_ok()
        });
        if brought {
            done.copied += 1;
        } else {
            done.missing.push(w.original.clone());
        }
    }
    done
}

/// Removes copies into `pool` killed halfway (their process is gone).
pub fn remove_stale_parts(pool: &Path) -> usize {
    super::backup::remove_stale_parts(pool, |n| n == PART)
}

/// Removes from `pool` the photo files none of `keep` names. Only names [`pool_name`] makes
/// are touched.
pub fn remove_unlisted(pool: &Path, keep: &BTreeSet<String>) -> usize {
    let Ok(entries) = fs::read_dir(pool) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let Ok(name) = e.file_name().into_string() else {
            continue;
        };
        let plain = e.file_type().is_ok_and(|t| t.is_file());
        if plain
            && is_pool_name(&name)
            && !keep.contains(&name)
            && fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// What opening a store did with photos an older version kept in the folder's shared
/// `photos/` folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Adopted {
    /// Photos copied into the store's own folder.
    pub moved: usize,
    /// Photos whose file is gone, or is no longer the one that was attached (another store
    /// of the same folder wrote over it): their records stay, without a file.
    pub missing: usize,
}

impl Store {
    /// This store's photo folder, `<store file>.photos/` beside the file itself (a store
    /// opened through a link keeps its photos beside the real file, where `restore` looks).
    pub fn photo_pool(&self) -> PathBuf {
        pool_of(&fs::canonicalize(self.path()).unwrap_or_else(|_| self.path().to_path_buf()))
    }

    /// What the last open did with photos of an older version; None when it had none.
    pub fn adopted_photos(&self) -> Option<Adopted> {
        self.adopted
    }

    /// Brings photos an older version kept under the folder's shared `photos/<day>/<unit>/`
    /// into this store's own folder. The old files stay where they are: another store of the same folder may
    /// refer to them too. A file whose size is not the one recorded was written over by
    /// another store and is not taken.
    pub(crate) fn adopt_shared_photos(&mut self) -> Result<Option<Adopted>> {
        let rows: Vec<(i64, String, i64)> = {
            let mut stmt = self
                .conn()
                .prepare("SELECT id, path, bytes FROM photos WHERE sha256 IS NULL ORDER BY id")?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<std::result::Result<_, _>>()?
        };
        if rows.is_empty() {
            return Ok(None);
        }
        let folder = self.folder();
        let pool = self.photo_pool();
        let mut done = Adopted::default();
        let mut moved = Vec::new();
        for (id, path, bytes) in rows {
            let old = Path::new(&path);
            let inside = old.starts_with("photos")
                && old
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)));
            let source = folder.join(old);
            let same_size = fs::symlink_metadata(&source)
                .is_ok_and(|m| m.is_file() && i64::try_from(m.len()).ok() == Some(bytes));
            let kept = if inside && same_size {
                put_file(&pool, &source, u64::MAX, None).ok()
            } else {
                None
            };
            match kept {
                Some(k) => moved.push((id, k)),
                None => done.missing += 1,
            }
        }
        // One commit for all records (one fsync, not one per photo); killed before it, the
        // next open finds the copies in place and only records them.
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for (id, k) in &moved {
            tx.execute(
                "UPDATE photos SET path = ?1, sha256 = ?2 WHERE id = ?3 AND sha256 IS NULL",
                params![k.name, k.sha256, id],
            )?;
        }
        tx.commit()?;
        done.moved = moved.len();
        Ok(Some(done))
    }

    /// Removes from this store's folder the photo files named in `names` that no record of
    /// the store refers to any more (their report was undone). Returns how many went.
    pub fn drop_unreferenced_photos(&self, names: &[String]) -> Result<usize> {
        let pool = self.photo_pool();
        let mut removed = 0;
        for name in names {
            if !is_pool_name(name) {
                continue;
            }
            let used: Option<i64> = self
                .conn()
                .query_row("SELECT 1 FROM photos WHERE path = ?1", [name], |r| r.get(0))
                .optional()?;
            if used.is_none() && fs::remove_file(pool.join(name)).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Every photo this store refers to and has kept, and the original names of those it
    /// lists without a file.
    pub fn wanted_photos(&self) -> Result<(Vec<Wanted>, Vec<String>)> {
        wanted_in(self.conn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn names_are_the_content_and_a_second_copy_writes_nothing() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let pool = dir.path().join("s.db.photos");
        let a = put_bytes(&pool, PNG).expect("kept");
        assert!(a.fresh && is_pool_name(&a.name) && a.name.ends_with(".png"));
        assert_eq!(a.sha256, hash_file(&pool.join(&a.name)).expect("hash"));
        let b = put_bytes(&pool, PNG).expect("kept again");
        assert_eq!((b.name.as_str(), b.fresh), (a.name.as_str(), false));
        assert_eq!(
            fs::read_dir(&pool).expect("pool").count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn a_refused_copy_leaves_nothing() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let pool = dir.path().join("p");
        let src = dir.path().join("big.png");
        let mut big = PNG.to_vec();
        big.resize(4096, 7);
        fs::write(&src, &big).expect("write");
        assert!(matches!(
            put_file(&pool, &src, 1000, None),
            Err(PutError::TooLarge(n)) if n > 1000
        ));
        fs::write(&src, b"%PDF-1.7").expect("write");
        assert!(matches!(
            put_file(&pool, &src, 1000, None),
            Err(PutError::NotAnImage)
        ));
        fs::write(&src, PNG).expect("write");
        assert!(matches!(
            put_file(&pool, &src, 1000, Some(&"0".repeat(64))),
            Err(PutError::Changed)
        ));
        assert_eq!(fs::read_dir(&pool).expect("pool").count(), 0);
    }

    #[test]
    fn only_pool_names_are_removed() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let pool = dir.path().join("p");
        let kept = put_bytes(&pool, PNG).expect("kept");
        let other = put_bytes(&pool, b"\xFF\xD8\xFF\xE0 jpeg").expect("kept");
        fs::write(pool.join("notes.txt"), b"mine").expect("write");
        let keep = BTreeSet::from([kept.name.clone()]);
        assert_eq!(remove_unlisted(&pool, &keep), 1);
        assert!(pool.join(&kept.name).exists() && pool.join("notes.txt").exists());
        assert!(!pool.join(&other.name).exists());
        assert!(!is_pool_name("../x.png") && !is_pool_name(&format!("{}.exe", "a".repeat(64))));
    }

    #[test]
    fn carrying_takes_only_whole_copies_and_repairs_a_damaged_one() {
        let dir = tempfile::TempDir::new().expect("tmp");
        let (a, b, to) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("to"),
        );
        let k = put_bytes(&b, PNG).expect("kept");
        // A damaged copy in the first source is passed over for the whole one in the second.
        fs::create_dir_all(&a).expect("dir");
        fs::write(a.join(&k.name), b"\x89PNG\r\n\x1a\ndamaged").expect("write");
        let wanted = vec![
            Wanted {
                name: k.name.clone(),
                sha256: k.sha256.clone(),
                original: "a.png".into(),
            },
            Wanted {
                name: pool_name(&"1".repeat(64), ImageKind::Png),
                sha256: "1".repeat(64),
                original: "gone.png".into(),
            },
        ];
        let done = carry(&wanted, &[a.clone(), b.clone()], &to, true);
        assert_eq!((done.photos, done.copied), (2, 1));
        assert_eq!(done.missing, ["gone.png"]);
        assert_eq!(fs::read(to.join(&k.name)).expect("read"), PNG);
        // A damaged copy at the target is replaced when verifying, left when not.
        fs::write(to.join(&k.name), b"bad").expect("damage");
        assert_eq!(
            carry(&wanted[..1], std::slice::from_ref(&b), &to, false).copied,
            0
        );
        assert_eq!(carry(&wanted[..1], &[b], &to, true).copied, 1);
        assert_eq!(fs::read(to.join(&k.name)).expect("read"), PNG);
    }
}
