//! The one way the program writes a file (the store itself aside, which SQLite writes): a
//! temporary file with a random name, created exclusively in the target's folder and readable
//! by the owner only, written and flushed to disk, then renamed over the target only when
//! complete. A failure at any step removes the temporary file and leaves the old target as
//! it was; a target that exists is refused unless forced; a target that is a symbolic link
//! is refused even when forced, so a write never lands outside the folder it names.
//!
//! Shared by the store (backups) and `io` (briefing, export, photos), so it names neither.
//!
//! Everything here holds names and phone numbers (personal data under Decree
//! 13/2023/NĐ-CP): files are made 0600 and folders 0700 whatever the umask.

use std::fs::{self, File};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Owner read and write only.
pub const FILE_MODE: u32 = 0o600;
/// Owner only.
pub const DIR_MODE: u32 = 0o700;

/// Why a file was not written. The old target, if any, is unchanged in every case.
#[derive(Debug)]
pub enum Error {
    /// The target exists and the write was not forced.
    Exists(PathBuf),
    /// The target is a symbolic link: it is never followed and never replaced.
    Link(PathBuf),
    /// The operating system refused a step (a full disk, a missing permission …).
    Io(io::Error),
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Io(e)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Exists(p) => write!(f, "{} exists already", p.display()),
            Error::Link(p) => write!(f, "{} is a symbolic link", p.display()),
            Error::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

/// Creates `dir` and any missing parents as 0700. Folders that exist already are left as they
/// are: they may be the officer's own (an export folder they chose).
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        create_dir_all(parent)?;
    }
    match fs::DirBuilder::new().mode(DIR_MODE).create(dir) {
        // The umask can only take bits away from the mode asked for; set it outright.
        Ok(()) => fs::set_permissions(dir, fs::Permissions::from_mode(DIR_MODE)),
        // Another instance made it a moment ago.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

/// Brings an existing file to 0600 or folder to 0700. A symbolic link, or anything that is
/// neither, is left alone: its target may not be ours. A path that is gone is fine.
pub fn make_private(path: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let wanted = if meta.is_file() {
        FILE_MODE
    } else if meta.is_dir() {
        DIR_MODE
    } else {
        return Ok(());
    };
    if meta.permissions().mode() & 0o7777 != wanted {
        fs::set_permissions(path, fs::Permissions::from_mode(wanted))?;
    }
    Ok(())
}

/// [`make_private`] for a folder and everything under it, without following links.
pub fn make_private_tree(path: &Path) -> io::Result<()> {
    make_private(path)?;
    let is_dir = fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    if is_dir {
        for entry in fs::read_dir(path)? {
            make_private_tree(&entry?.path())?;
        }
    }
    Ok(())
}

/// A file being written under a temporary name beside its target.
#[derive(Debug)]
pub struct Pending {
    temp: tempfile::NamedTempFile,
    dir: PathBuf,
}

/// Starts writing a file that will be named `dir/name`: makes `dir` (0700) when missing and
/// creates `dir/.name.<random>.tmp` exclusively (never following or reusing a planted name).
pub fn create(dir: &Path, name: &str) -> io::Result<Pending> {
    create_with(dir, &format!(".{name}."), ".tmp")
}

/// [`create`] with the temporary name's own prefix and suffix (backups use one that says
/// which process is writing it, so a leftover can be told from a copy under way).
pub fn create_with(dir: &Path, prefix: &str, suffix: &str) -> io::Result<Pending> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    create_dir_all(dir)?;
    let temp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(suffix)
        .permissions(fs::Permissions::from_mode(FILE_MODE))
        .tempfile_in(dir)?;
    // tempfile asks for 0600 already; the umask can only take bits away, so set it outright.
    fs::set_permissions(temp.path(), fs::Permissions::from_mode(FILE_MODE))?;
    Ok(Pending {
        temp,
        dir: dir.to_path_buf(),
    })
}

impl Pending {
    /// The temporary file, for writers that want a path (SQLite's `VACUUM INTO`).
    pub fn path(&self) -> &Path {
        self.temp.path()
    }

    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Flushes the file to disk and renames it to `dir/name`: refused when that is a link,
    /// or exists and `force` is false. On any error the temporary file is removed.
    pub fn commit(self, name: &str, force: bool) -> Result<PathBuf, Error> {
        let target = self.dir.join(name);
        match self.commit_as(&target, force) {
            Ok(()) => Ok(target),
            // Dropping the temporary file (inside the error) removes it.
            Err((e, _)) => Err(e),
        }
    }

    /// Tries `target`; on a refusal hands the pending file back so another name can be tried.
    fn commit_as(self, target: &Path, force: bool) -> Result<(), (Error, Option<Pending>)> {
        if let Err(e) = self.temp.as_file().sync_all() {
            return Err((e.into(), None));
        }
        match fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err((Error::Link(target.to_path_buf()), Some(self)));
            }
            Ok(_) if !force => return Err((Error::Exists(target.to_path_buf()), Some(self))),
            _ => {}
        }
        let Pending { temp, dir } = self;
        // With force a plain rename: it replaces whatever is at `target` (a link planted since
        // the check above included) as a name, never writing through it.
        let persisted = if force {
            temp.persist(target)
        } else {
            temp.persist_noclobber(target)
        };
        match persisted {
            Ok(_) => {
                sync_dir(&dir);
                Ok(())
            }
            Err(e) => {
                let taken = e.error.kind() == io::ErrorKind::AlreadyExists;
                let back = Pending { temp: e.file, dir };
                if taken {
                    Err((Error::Exists(target.to_path_buf()), Some(back)))
                } else {
                    Err((e.error.into(), None))
                }
            }
        }
    }

    /// Commits under `stem.ext`, or `stem-2.ext`, `stem-3.ext` … when a name is taken: never
    /// over an existing file. Returns the path written.
    pub fn commit_fresh(self, stem: &str, ext: &str) -> Result<PathBuf, Error> {
        let mut pending = self;
        for n in 1u32..10_000 {
            let name = if n == 1 {
                format!("{stem}.{ext}")
            } else {
                format!("{stem}-{n}.{ext}")
            };
            let target = pending.dir.join(&name);
            match pending.commit_as(&target, false) {
                Ok(()) => return Ok(target),
                Err((Error::Exists(_) | Error::Link(_), Some(back))) => pending = back,
                Err((e, _)) => return Err(e),
            }
        }
        Err(Error::Io(io::Error::other("no free file name")))
    }
}

impl Write for Pending {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// The rename is only durable once the folder itself is on disk. Best effort: the file is in
/// place by now, and a folder that cannot be opened for syncing (some network file systems)
/// must not turn a written file into a reported failure.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The folder and file name of `path` ("." for a bare name).
pub fn split(path: &Path) -> io::Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    Ok((dir, name))
}

/// Writes `path` whole through a temporary file: `fill` writes the content; refused when
/// `path` is a link, or exists and `force` is false. Returns the path written.
pub fn write(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<PathBuf, Error> {
    let (dir, name) = split(path)?;
    refuse_early(path, force)?;
    let mut pending = create(&dir, &name)?;
    fill(pending.file())?;
    pending.commit(&name, force)
}

/// The refusals [`Pending::commit`] makes, checked before anything is written so a refused
/// write costs nothing.
pub fn refuse_early(path: &Path, force: bool) -> Result<(), Error> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(Error::Link(path.to_path_buf())),
        Ok(_) if !force => Err(Error::Exists(path.to_path_buf())),
        _ => Ok(()),
    }
}

/// Writes `dir/stem.ext` (or `stem-2.ext` … when taken) whole through a temporary file.
pub fn write_fresh(
    dir: &Path,
    stem: &str,
    ext: &str,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<PathBuf, Error> {
    let mut pending = create(dir, &format!("{stem}.{ext}"))?;
    fill(pending.file())?;
    pending.commit_fresh(stem, ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .expect("read")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        v.sort();
        v
    }

    fn mode(p: &Path) -> u32 {
        fs::symlink_metadata(p).expect("meta").permissions().mode() & 0o7777
    }

    #[test]
    fn refuses_an_existing_file_unless_forced() {
        let dir = tempfile::TempDir::new().expect("dir");
        let p = dir.path().join("a.md");
        fs::write(&p, "old").expect("old");
        let e = write(&p, false, |f| f.write_all(b"new")).expect_err("refused");
        assert!(matches!(e, Error::Exists(_)), "{e}");
        assert_eq!(fs::read_to_string(&p).expect("read"), "old");
        write(&p, true, |f| f.write_all(b"new")).expect("forced");
        assert_eq!(fs::read_to_string(&p).expect("read"), "new");
        assert_eq!(mode(&p), FILE_MODE);
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn a_link_is_refused_even_when_forced_and_its_target_untouched() {
        let dir = tempfile::TempDir::new().expect("dir");
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "mine").expect("outside");
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&outside, &link).expect("link");
        for force in [false, true] {
            let e = write(&link, force, |f| f.write_all(b"x")).expect_err("refused");
            assert!(matches!(e, Error::Link(_)), "{e}");
        }
        assert_eq!(fs::read_to_string(&outside).expect("read"), "mine");
        assert_eq!(names(dir.path()), ["out.md", "outside.txt"]);
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::TempDir::new().expect("dir");
        let p = dir.path().join("a.csv");
        fs::write(&p, "old").expect("old");
        let e = write(&p, true, |f| {
            f.write_all(b"half of it")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .expect_err("failed");
        assert!(matches!(e, Error::Io(_)), "{e}");
        assert_eq!(fs::read_to_string(&p).expect("read"), "old");
        assert_eq!(names(dir.path()), ["a.csv"]);
    }

    #[test]
    fn fresh_names_never_overwrite() {
        let dir = tempfile::TempDir::new().expect("dir");
        let a = write_fresh(dir.path(), "b", "md", |f| f.write_all(b"1")).expect("1");
        let b = write_fresh(dir.path(), "b", "md", |f| f.write_all(b"2")).expect("2");
        std::os::unix::fs::symlink("/nonexistent", dir.path().join("b-3.md")).expect("link");
        let c = write_fresh(dir.path(), "b", "md", |f| f.write_all(b"3")).expect("3");
        assert_eq!(a, dir.path().join("b.md"));
        assert_eq!(b, dir.path().join("b-2.md"));
        assert_eq!(c, dir.path().join("b-4.md"));
        assert_eq!(fs::read_to_string(&a).expect("read"), "1");
        assert_eq!(names(dir.path()), ["b-2.md", "b-3.md", "b-4.md", "b.md"]);
    }

    #[test]
    fn folders_made_are_private_existing_ones_left() {
        let dir = tempfile::TempDir::new().expect("dir");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        let deep = dir.path().join("a/b");
        create_dir_all(&deep).expect("mkdir");
        assert_eq!(mode(&dir.path().join("a")), DIR_MODE);
        assert_eq!(mode(&deep), DIR_MODE);
        assert_eq!(mode(dir.path()), 0o755);
    }

    #[test]
    fn existing_files_are_brought_to_private_links_left() {
        let dir = tempfile::TempDir::new().expect("dir");
        let sub = dir.path().join("photos/d");
        fs::create_dir_all(&sub).expect("mkdir");
        fs::write(sub.join("a.png"), "x").expect("file");
        fs::set_permissions(sub.join("a.png"), fs::Permissions::from_mode(0o644)).expect("chmod");
        let outside = dir.path().join("outside");
        fs::write(&outside, "x").expect("outside");
        fs::set_permissions(&outside, fs::Permissions::from_mode(0o644)).expect("chmod");
        std::os::unix::fs::symlink(&outside, sub.join("l")).expect("link");
        make_private_tree(&dir.path().join("photos")).expect("private");
        assert_eq!(mode(&sub.join("a.png")), FILE_MODE);
        assert_eq!(mode(&sub), DIR_MODE);
        assert_eq!(mode(&outside), 0o644);
    }
}
