//! `backup` and `restore` through the real binary: a consistent copy while another connection
//! holds the store open, refusal to overwrite without `--force`, refusal to restore anything
//! but a whole xungkich store (the current one untouched), and a restore that keeps the
//! replaced store aside.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{TempStore, stamp};
use tempfile::TempDir;
use xungkich::domain::change::ChangeSummary;
use xungkich::store::Store;

const NOW: &str = "2022-05-07T14:00";

fn xungkich(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .arg("--db")
        .arg(db)
        .args(["--now", NOW])
        .args(args)
        .output()
        .expect("run xungkich")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn contact_of(store: &Store, code: &str) -> String {
    store
        .load_board()
        .expect("board")
        .units
        .into_iter()
        .find(|u| u.code == code)
        .map(|u| u.contact_person)
        .expect("unit")
}

/// A store with a demo campaign, held open by a connection as a running app would.
fn demo(dir: &TempDir) -> std::path::PathBuf {
    let db = dir.path().join("store.db");
    let out = xungkich(&db, &["demo"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

#[test]
fn backup_copies_the_store_while_it_is_open_and_refuses_to_overwrite() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let open =
        Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
    let copy = dir.path().join("copies").join("copy.db");
    let out = xungkich(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let backup = Store::open(&copy, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW))
        .expect("copy opens");
    assert_eq!(
        contact_of(&backup, "p-hiep-tan"),
        contact_of(&open, "p-hiep-tan")
    );
    assert_eq!(
        backup.initiative_stage_counts().expect("counts"),
        open.initiative_stage_counts().expect("counts")
    );
    drop(backup);

    let before = std::fs::read(&copy).expect("read");
    let out = xungkich(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("--force"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        before,
        "left unchanged"
    );
    let out = xungkich(&db, &["backup", "--force", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut leftovers: Vec<_> = std::fs::read_dir(dir.path().join("copies"))
        .expect("read")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        ["copy.db", "xungkich-photos"],
        "no temporary file left, the photos beside the copy"
    );
}

#[test]
fn restore_refuses_what_is_not_a_whole_store_and_changes_nothing() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let before = std::fs::read(&db).expect("read");
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "Đơn vị,Tên sáng kiến\n").expect("write");
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
        .expect("other db");
    let missing = dir.path().join("missing.db");
    for file in [&junk, &other, &missing] {
        let out = xungkich(&db, &["restore", file.to_str().expect("utf-8")]);
        assert!(!out.status.success(), "{} accepted", file.display());
        assert!(
            text(&out.stderr).contains(file.to_str().expect("utf-8")),
            "the message names the file: {}",
            text(&out.stderr)
        );
        assert_eq!(std::fs::read(&db).expect("read"), before, "store untouched");
    }
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains("replaced"))
        .collect();
    assert!(aside.is_empty(), "{aside:?}");
}

#[test]
fn restore_puts_the_copy_back_and_keeps_the_replaced_store_aside() {
    let dir = TempDir::new().expect("tmp");
    let t = TempStore::new();
    // The copy: a fresh store whose Hiệp Tân contact was changed.
    let copy = {
        let mut store = t.open("2022-04-29T08:00:00+07:00");
        let id = store
            .load_board()
            .expect("board")
            .units
            .iter()
            .find(|u| u.code == "p-hiep-tan")
            .map(|u| u.id)
            .expect("unit");
        store
            .update_unit_contact(
                id,
                "Trần Thị Bảy",
                "0903 123 456",
                stamp("2022-04-30T08:00:00+07:00"),
                &ChangeSummary::Contact {
                    unit: "test".into(),
                },
            )
            .expect("contact");
        let copy = dir.path().join("copy.db");
        store.backup_to(&copy, false).expect("backup");
        copy
    };
    let db = demo(&dir);
    let demo_contact = {
        let store =
            Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
        contact_of(&store, "p-hiep-tan")
    };
    let out = xungkich(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("kho cũ (bị thay) được giữ lại ở"), "{said}");
    let restored =
        Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
    assert_eq!(contact_of(&restored, "p-hiep-tan"), "Trần Thị Bảy");
    let aside = dir.path().join("store.db.replaced-20220507-140000");
    let kept = Store::open(
        &aside,
        xungkich::io::campaign_file::SHIPPED_SEED,
        stamp(NOW),
    )
    .expect("aside opens");
    assert_eq!(contact_of(&kept, "p-hiep-tan"), demo_contact);
}

/// While an interface session has the store open, `restore` refuses (its next save would go
/// to the file moved aside); once the session ends, it goes ahead.
#[test]
fn restore_refuses_a_store_an_interface_is_running_on() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let copy = dir.path().join("copy.db");
    let session =
        Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
    session.backup_to(&copy, false).expect("backup");
    let in_use = session.mark_in_use().expect("the session marks the store");
    let before = std::fs::read(&db).expect("store bytes");
    let out = xungkich(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("xungkich đang mở kho này; hãy đóng nó trước"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&db).expect("store bytes"),
        before,
        "nothing replaced"
    );
    // Two sessions may share the mark; the restore still waits for both to end.
    let second = session.mark_in_use().expect("a second session");
    drop(in_use);
    let out = xungkich(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    drop(second);
    drop(session);
    let out = xungkich(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// A backup aimed at the store itself, under any name (the same path, a symlink, a hard
/// link, its `-wal` or `-shm`), is refused even with `--force`, and the store stays whole.
#[test]
fn a_backup_over_the_store_itself_is_refused_under_any_name() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    let hard = dir.path().join("hard.db");
    std::fs::hard_link(&db, &hard).expect("hard link");
    let session =
        Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
    let wal = dir.path().join("store.db-wal");
    let shm = dir.path().join("store.db-shm");
    for target in [&db, &link, &hard, &wal, &shm] {
        let out = xungkich(&db, &["backup", target.to_str().expect("utf-8"), "--force"]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{target:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("chính là kho dữ liệu"),
            "{target:?}: {}",
            text(&out.stderr)
        );
        // Through the store's link too: the session's own name for it is no different.
        let out = xungkich(
            &link,
            &["backup", target.to_str().expect("utf-8"), "--force"],
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{target:?}: {}",
            text(&out.stderr)
        );
    }
    assert_eq!(session.integrity_check().expect("check"), "ok");
    drop(session);
    let out = xungkich(
        &db,
        &[
            "backup",
            dir.path().join("real-copy.db").to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// The in-use mark belongs to the file, not to the name: a session opened through a symlink
/// keeps a restore given the real name (and the other way round) from pulling the store away.
#[test]
fn restore_sees_a_session_whatever_name_it_opened_the_store_by() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let link = dir.path().join("link.db");
    std::os::unix::fs::symlink(&db, &link).expect("symlink");
    let copy = dir.path().join("copy.db");
    let out = xungkich(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (session_name, restore_name) in [(&link, &db), (&db, &link)] {
        let mark = xungkich::store::backup::mark_in_use(session_name).expect("mark");
        let out = xungkich(restore_name, &["restore", copy.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        drop(mark);
    }
}

/// A copy whose last saves are still in its `-wal` (copied while SQLite had not folded them
/// in) is restored with them: the copy is read through SQLite, not as bytes.
#[test]
fn restore_brings_the_saves_still_in_the_copys_wal() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let src = dir.path().join("src.db");
    let out = xungkich(&db, &["backup", src.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Write to the copy with checkpoints off, and copy the file and its WAL while open.
    let conn = rusqlite::Connection::open(&src).expect("open copy");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
         UPDATE units SET contact_person = 'Trong WAL' WHERE id = (SELECT MIN(id) FROM units);",
    )
    .expect("write into the WAL");
    let copy = dir.path().join("copy.db");
    std::fs::copy(&src, &copy).expect("copy file");
    std::fs::copy(
        dir.path().join("src.db-wal"),
        dir.path().join("copy.db-wal"),
    )
    .expect("copy wal");
    drop(conn);
    let out = xungkich(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store =
        Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
    let first = store
        .load_board()
        .expect("board")
        .units
        .into_iter()
        .min_by_key(|u| u.id);
    assert_eq!(
        first.map(|u| u.contact_person).as_deref(),
        Some("Trong WAL")
    );
}

/// `restore` never replaces another program's database with a store.
#[test]
fn restore_refuses_to_replace_another_programs_database() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let copy = dir.path().join("copy.db");
    let out = xungkich(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let foreign = dir.path().join("foreign.db");
    let conn = rusqlite::Connection::open(&foreign).expect("foreign");
    conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine');")
        .expect("foreign data");
    drop(conn);
    let before = std::fs::read(&foreign).expect("bytes");
    let out = xungkich(&foreign, &["restore", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read(&foreign).expect("bytes"),
        before,
        "left alone"
    );
}

/// `kill -9` at a random moment of `restore`: every time there is a whole store at the path
/// afterwards (the old one or the copy), never nothing, and a copy in place has every one
/// of its photos whole. `XUNGKICH_RESTORE_KILLS` sets the number of runs (20 by default).
#[test]
fn a_restore_killed_at_any_moment_leaves_a_whole_store() {
    let runs: u64 = std::env::var("XUNGKICH_RESTORE_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let dir = TempDir::new().expect("tmp");
    let template = demo(&dir);
    let copy = dir.path().join("copy.db");
    let out = xungkich(&template, &["backup", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut rng = xungkich::demo::Rng(7);
    let (mut old, mut new) = (0, 0);
    for run in 0..runs {
        let case = TempDir::new().expect("tmp");
        let db = case.path().join("store.db");
        std::fs::copy(&template, &db).expect("store");
        // The old store's figures differ from the copy's, to tell which one is there.
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch("UPDATE units SET contact_person = 'cũ'")
            .expect("mark old");
        drop(conn);
        let mut child = Command::new(env!("CARGO_BIN_EXE_xungkich"))
            .env_remove("XUNGKICH_DB")
            .arg("--db")
            .arg(&db)
            .args(["--now", NOW, "restore"])
            .arg(&copy)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_micros(rng.below(80_000)));
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            db.is_file(),
            "run {run}: no store at the path after the kill"
        );
        // Opened as the app opens it: a WAL left by the kill is recovered, as after any crash.
        let store = Store::open(&db, xungkich::io::campaign_file::SHIPPED_SEED, stamp(NOW))
            .unwrap_or_else(|e| {
                let files: Vec<_> = std::fs::read_dir(case.path())
                    .expect("dir")
                    .filter_map(|e| e.ok())
                    .map(|e| {
                        format!(
                            "{:?} {}",
                            e.file_name(),
                            e.metadata().map(|m| m.len()).unwrap_or(0)
                        )
                    })
                    .collect();
                panic!("run {run}: the store does not open: {e:?} {files:?}")
            });
        assert_eq!(store.integrity_check().expect("check"), "ok", "run {run}");
        drop(store);
        let conn = rusqlite::Connection::open(&db).expect("open");
        let person: String = conn
            .query_row("SELECT contact_person FROM units LIMIT 1", [], |r| r.get(0))
            .expect("read");
        if person == "cũ" {
            old += 1;
        } else {
            new += 1;
            let pool = xungkich::store::photos::pool_of(&db);
            let rows: Vec<(String, String)> = conn
                .prepare("SELECT path, sha256 FROM photos")
                .expect("prepare")
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            assert!(!rows.is_empty());
            for (name, sha) in rows {
                let found = xungkich::store::photos::hash_file(&pool.join(&name))
                    .unwrap_or_else(|e| panic!("run {run}: {name}: {e}"));
                assert_eq!(found, sha, "run {run}: {name}");
            }
        }
    }
    eprintln!("restore killed {runs} times: old store left {old}, copy in place {new}");
}

/// A store that was there and is gone is not silently replaced by an empty one: the program
/// says what it found and what to run, and creates nothing; a folder with no trace of a store
/// gets a new one as before.
#[test]
fn a_vanished_store_is_not_silently_replaced_by_a_new_one() {
    let dir = TempDir::new().expect("tmp");
    let db = demo(&dir);
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).expect("backups");
    // Named as the daily copy of `store.db` is.
    let copy = backups.join("store-2022-05-07.db");
    let out = xungkich(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::remove_file(&db).expect("the store is gone");
    let out = xungkich(&db, &["report"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("không có kho ở đây")
            && err.contains("store-2022-05-07.db")
            && err.contains("store.db.photos"),
        "{err}"
    );
    assert!(err.contains("restore"), "{err}");
    assert!(!db.exists(), "nothing created in its place");
    // What it says to run puts the store back.
    let out = xungkich(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = xungkich(&db, &["report"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A replaced copy beside a missing store is a trace too, in English as well.
    let other = TempDir::new().expect("tmp");
    let db2 = other.path().join("store.db");
    std::fs::write(other.path().join("store.db.replaced-20220507-140000"), b"x").expect("trace");
    let out = xungkich(&db2, &["--lang", "en", "report"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("there is no store here"),
        "{}",
        text(&out.stderr)
    );
    assert!(!db2.exists());

    // No trace: a new store, as on a first start.
    let fresh = TempDir::new().expect("tmp");
    let db3 = fresh.path().join("store.db");
    let out = xungkich(&db3, &["report"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
