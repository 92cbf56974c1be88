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
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("copies"))
        .expect("read")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    assert_eq!(
        leftovers,
        vec!["copy.db".to_string()],
        "no temporary file left"
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
