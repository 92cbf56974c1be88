//! What `--db` may be (issue 12, item 5): a path is always a path, never an SQLite URI, and
//! only a regular file (or nothing yet) is opened. Everything here runs the real binary, in
//! a temporary folder as its working directory, under a time limit: a FIFO used to make it
//! hang, and a regression must fail the test, not stall the suite.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const LIMIT: Duration = Duration::from_secs(30);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs xungkich in `cwd` with `args`, killing it after [`LIMIT`]. Output goes to files, so a
/// child that prints much cannot block on a full pipe.
fn xungkich(cwd: &Path, args: &[&str]) -> Run {
    let out_dir = TempDir::new().expect("tmp");
    let out = out_dir.path().join("out");
    let err = out_dir.path().join("err");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .current_dir(cwd)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .args(["--now", "2022-05-07T14:00"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).expect("stdout file"))
        .stderr(std::fs::File::create(&err).expect("stderr file"))
        .spawn()
        .expect("run xungkich");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("xungkich {args:?} still running after {LIMIT:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code(),
        stdout: std::fs::read_to_string(&out).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err).unwrap_or_default(),
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A database of another program: one table, rollback journal, or WAL when `wal`.
fn foreign_db(path: &Path, wal: bool) {
    let conn = rusqlite::Connection::open(path).expect("foreign db");
    if wal {
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .expect("wal");
        assert_eq!(mode, "wal");
    }
    conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .expect("table");
}

fn application_id(path: &Path) -> i32 {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open store");
    conn.query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("application id")
}

fn assert_refused(run: &Run, fragment: &str) {
    assert_eq!(run.code, Some(2), "exit 2 expected:\n{}", run.stderr);
    assert!(
        run.stderr.contains(fragment),
        "the message names why ({fragment:?}): {}",
        run.stderr
    );
}

#[test]
fn file_colon_names_a_file_in_the_working_folder_not_another_database() {
    let dir = TempDir::new().expect("tmp");
    let other = dir.path().join("other.db");
    foreign_db(&other, false);
    let before = std::fs::read(&other).expect("read");
    let run = xungkich(dir.path(), &["--db", "file:other.db", "snapshot", "units"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        std::fs::read(&other).expect("read"),
        before,
        "the other program's database is untouched"
    );
    let literal = dir.path().join("file:other.db");
    assert!(literal.is_file(), "the store is a file named file:other.db");
    assert_eq!(application_id(&literal), xungkich::store::APPLICATION_ID);
}

#[test]
fn a_uri_query_is_part_of_the_file_name_so_what_is_written_is_kept() {
    let dir = TempDir::new().expect("tmp");
    let name = "file:m.db?mode=memory";
    let run = xungkich(dir.path(), &["--db", name, "demo"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let file = dir.path().join(name);
    assert!(
        file.is_file(),
        "the rows went to a real file: {:?}",
        names(dir.path())
    );
    let conn = rusqlite::Connection::open_with_flags(
        &file,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .expect("open");
    let units: i64 = conn
        .query_row("SELECT count(*) FROM units", [], |r| r.get(0))
        .expect("units");
    assert!(units > 0, "the demo's units were kept");
    // A second run sees them: demo refuses the store it filled.
    let again = xungkich(dir.path(), &["--db", name, "demo"]);
    assert_eq!(again.code, Some(2), "{}", again.stderr);
}

#[test]
fn file_colon_slash_does_not_open_the_absolute_path() {
    let dir = TempDir::new().expect("tmp");
    let elsewhere = TempDir::new().expect("tmp");
    let absolute = elsewhere.path().join("abs.db");
    let arg = format!("file:{}", absolute.display());
    let run = xungkich(dir.path(), &["--db", &arg, "snapshot", "units"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        !absolute.exists(),
        "file:/… is not read as the absolute path"
    );
    // The path as written: a folder `file:` in the working folder, and the store in it.
    assert!(dir.path().join(&arg).is_file());
}

#[test]
fn a_fifo_is_refused_at_once_and_left_alone() {
    let dir = TempDir::new().expect("tmp");
    let fifo = dir.path().join("pipe.db");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let started = Instant::now();
    let run = xungkich(dir.path(), &["--db", "pipe.db", "snapshot", "units"]);
    assert_refused(&run, "FIFO");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no waiting on the pipe"
    );
    assert_eq!(names(dir.path()), ["pipe.db"], "nothing created beside it");
    let ro = xungkich(dir.path(), &["--db", "pipe.db", "--read-only", "report"]);
    assert_refused(&ro, "FIFO");
    // Neither as the copy to restore nor as the store to restore into.
    let restore = xungkich(dir.path(), &["--db", "x.db", "restore", "pipe.db"]);
    assert_refused(&restore, "FIFO");
}

#[test]
fn a_device_is_refused_and_nothing_is_written_beside_it() {
    let dir = TempDir::new().expect("tmp");
    let journal = Path::new("/dev/null-journal");
    let journal_before = journal.exists();
    let run = xungkich(
        dir.path(),
        &["--lang", "en", "--db", "/dev/null", "snapshot", "units"],
    );
    assert_refused(&run, "device");
    if !journal_before {
        assert!(!journal.exists(), "no -journal was made in /dev");
    }
    let zero = xungkich(dir.path(), &["--db", "/dev/zero", "report"]);
    assert_refused(&zero, "thiết bị");
    // Through a link: the link is followed, and nothing is made beside the link either.
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
    let linked = xungkich(dir.path(), &["--db", "link.db", "report"]);
    assert_refused(&linked, "thiết bị");
    assert_eq!(names(dir.path()), ["link.db"]);
}

#[test]
fn backup_force_never_replaces_a_device() {
    let dir = TempDir::new().expect("tmp");
    let made = xungkich(dir.path(), &["--db", "x.db", "snapshot", "units"]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let link = dir.path().join("null-link");
    std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
    let run = xungkich(
        dir.path(),
        &["--db", "x.db", "backup", "--force", "null-link"],
    );
    assert_refused(&run, "thiết bị");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
}

#[test]
fn kernel_files_and_folders_are_refused() {
    let dir = TempDir::new().expect("tmp");
    let proc_file = xungkich(dir.path(), &["--db", "/proc/self/status", "report"]);
    assert_refused(&proc_file, "/proc");
    let proc_new = xungkich(dir.path(), &["--db", "/proc/xungkich-new.db", "report"]);
    assert_refused(&proc_new, "/proc");
    std::fs::create_dir(dir.path().join("folder")).expect("mkdir");
    let folder = xungkich(dir.path(), &["--lang", "en", "--db", "folder", "report"]);
    assert_refused(&folder, "folder");
    assert_eq!(names(dir.path()), ["folder"]);
}

#[test]
fn refusing_a_wal_database_of_another_program_leaves_no_wal_or_shm() {
    let dir = TempDir::new().expect("tmp");
    foreign_db(&dir.path().join("f.db"), true);
    assert_eq!(names(dir.path()), ["f.db"], "closed cleanly by its program");
    let before = std::fs::read(dir.path().join("f.db")).expect("read");
    for args in [
        &["report"][..],
        &["--read-only", "report"][..],
        &["snapshot", "units"][..],
    ] {
        let mut all = vec!["--db", "f.db"];
        all.extend_from_slice(args);
        let run = xungkich(dir.path(), &all);
        assert_refused(&run, "chương trình khác");
        assert_eq!(
            names(dir.path()),
            ["f.db"],
            "{args:?} left nothing beside it"
        );
    }
    assert_eq!(
        std::fs::read(dir.path().join("f.db")).expect("read"),
        before
    );
}

#[test]
fn our_own_closed_store_still_opens_after_the_quiet_look() {
    let dir = TempDir::new().expect("tmp");
    let demo = xungkich(dir.path(), &["--db", "x.db", "demo"]);
    assert_eq!(demo.code, Some(0), "{}", demo.stderr);
    for _ in 0..2 {
        let run = xungkich(dir.path(), &["--db", "x.db", "report"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(!run.stdout.is_empty());
    }
    let ro = xungkich(dir.path(), &["--db", "x.db", "--read-only", "report"]);
    assert_eq!(ro.code, Some(0), "{}", ro.stderr);
}

#[test]
fn a_huge_snapshot_is_refused_before_anything_is_drawn_or_created() {
    let dir = TempDir::new().expect("tmp");
    let run = xungkich(
        dir.path(),
        &[
            "--db", "x.db", "snapshot", "units", "--width", "65535", "--height", "65535",
        ],
    );
    assert_refused(&run, "65535×65535");
    assert!(names(dir.path()).is_empty(), "no store was made");
    let largest = xungkich(
        dir.path(),
        &[
            "--db", "x.db", "snapshot", "units", "--width", "1000", "--height", "500",
        ],
    );
    assert_eq!(largest.code, Some(0), "{}", largest.stderr);
    assert_eq!(largest.stdout.lines().count(), 500);
}
