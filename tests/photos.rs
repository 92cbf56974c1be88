//! Photos belong to one store and travel with it: two stores in one folder never share a
//! photo file, a backup is whole (photos included, each copied once into the backup folder's
//! pool), a restore on a fresh machine gives every photo back checked by its hash, photos an
//! older version kept in the shared `photos/` folder are brought in on first open, and a
//! backup or a restore killed at any moment never leaves a store without its photos.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::{TempStore, stamp};
use tempfile::TempDir;
use xungkich::domain::change::ChangeSummary;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::store::photos::{BACKUP_POOL, hash_file, pool_of};
use xungkich::store::{NewPhoto, Store};

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

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A PNG header with `tag` after it: an image by content, different for each tag.
fn png(tag: &str) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    v.extend_from_slice(tag.as_bytes());
    v
}

/// Attaches a photo with content `bytes` to unit `unit` (index on the board) of the first
/// Saturday, as the report form does. Returns the name the store keeps it by.
fn attach(store: &mut Store, unit: usize, bytes: &[u8], name: &str) -> String {
    let originals = TempDir::new().expect("tmp");
    let source = originals.path().join(name);
    std::fs::write(&source, bytes).expect("write");
    let photo = xungkich::io::photos::check(&source.display().to_string()).expect("a photo");
    let kept = xungkich::io::photos::keep(&store.photo_pool(), &photo).expect("kept");
    let board = store.load_board().expect("board");
    let (day, unit) = (&board.volunteer_days[0], &board.units[unit]);
    let summary = ChangeSummary::Report {
        unit: unit.name.clone(),
        photos: 1,
    };
    let kept_name = kept.name.clone();
    store
        .save_report(
            day.id,
            unit.id,
            stamp(NOW),
            "",
            &[NewPhoto {
                kept,
                original_name: name.into(),
            }],
            stamp(NOW),
            &summary,
        )
        .expect("report saved");
    kept_name
}

/// Ticks the first manual requirement of the first unit: a change that has nothing to do
/// with photos.
fn tick(store: &mut Store) {
    let board = store.load_board().expect("board");
    let requirement = board
        .requirements
        .iter()
        .find(|r| r.source == xungkich::domain::campaign::RequirementSource::Manual)
        .expect("a manual requirement")
        .id;
    let summary = ChangeSummary::Ticked {
        unit: board.units[0].name.clone(),
        requirement: "Thi đua".into(),
    };
    store
        .toggle_check(board.units[0].id, requirement, stamp(NOW), &summary)
        .expect("ticked");
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).expect("read");
                found.insert(p.strip_prefix(dir).expect("inside").to_path_buf(), bytes);
            }
        }
    }
    found
}

/// The photos the store file at `db` refers to, (pool name, hash), read as a raw database.
fn photo_rows(db: &Path) -> Vec<(String, Option<String>)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.prepare("SELECT path, sha256 FROM photos ORDER BY id")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// Every photo of the store at `db` is in its photo folder, and its content has the hash
/// recorded. Returns how many photos there are.
fn assert_every_photo_whole(db: &Path) -> usize {
    let pool = pool_of(db);
    let rows = photo_rows(db);
    for (name, sha) in &rows {
        let sha = sha.as_deref().expect("every photo has its hash");
        assert!(name.starts_with(sha), "{name} is named by its content");
        assert_eq!(
            hash_file(&pool.join(name)).unwrap_or_else(|e| panic!("{name}: {e}")),
            sha,
            "{name}"
        );
    }
    rows.len()
}

/// `demo --db other.db` in the folder of the officer's store: the officer's photos are not
/// touched, nothing lands in a folder both would share, and each store keeps its own.
#[test]
fn two_stores_in_one_folder_never_share_a_photo_file() {
    let dir = TempDir::new().expect("tmp");
    let mine = dir.path().join("xungkich.db");
    let mut store = Store::open(&mine, SHIPPED_SEED, stamp(NOW)).expect("open");
    let my_photo = attach(&mut store, 0, &png("the officer's photo"), "anh-1.png");
    drop(store);
    let before = files(&pool_of(&mine));
    assert_eq!(before.len(), 1);

    let other = dir.path().join("other.db");
    ok(&xungkich(&other, &["demo"]));
    assert_eq!(
        files(&pool_of(&mine)),
        before,
        "the officer's photos untouched"
    );
    assert!(
        !dir.path().join("photos").exists(),
        "no folder the two share"
    );
    let demo_photos = files(&pool_of(&other));
    assert!(demo_photos.len() > 20, "{}", demo_photos.len());
    assert_eq!(assert_every_photo_whole(&other), photo_rows(&other).len());

    // The same content attached in both: one file each, and undoing it in one store leaves
    // the other's.
    let shared = png("sent to both");
    let mut a = Store::open(&mine, SHIPPED_SEED, stamp(NOW)).expect("open");
    let mut b = Store::open(&other, SHIPPED_SEED, stamp(NOW)).expect("open");
    let in_a = attach(&mut a, 1, &shared, "chung.png");
    let in_b = attach(&mut b, 1, &shared, "chung.png");
    assert_eq!(in_a, in_b, "named by content");
    b.undo_last(stamp(NOW)).expect("undo").expect("a change");
    assert!(
        pool_of(&other).join(&in_b).is_file(),
        "kept while the undo can be redone"
    );
    // A new change ends the redo, and the photo nothing refers to any more goes.
    attach(&mut b, 2, &png("only in the demo"), "khac.png");
    assert!(
        !pool_of(&other).join(&in_b).exists(),
        "gone from the demo store"
    );
    assert_eq!(
        std::fs::read(pool_of(&mine).join(&in_a)).expect("still mine"),
        shared
    );
    assert!(pool_of(&mine).join(&my_photo).is_file());
}

/// A backup restored on another machine gives back every photo, checked by its hash; the
/// command says how many photos and where.
#[test]
fn a_backup_restored_on_a_fresh_machine_gives_back_every_photo() {
    let laptop = TempDir::new().expect("tmp");
    let db = laptop.path().join("data").join("xungkich.db");
    ok(&xungkich(&db, &["demo"]));
    let photos = photo_rows(&db).len();
    assert!(photos > 20, "{photos}");
    let usb = laptop.path().join("usb");
    let copy = usb.join("kho-2022-05-07.db");
    let said = ok(&xungkich(&db, &["backup", copy.to_str().expect("utf-8")]));
    let distinct = files(&pool_of(&db)).len();
    assert!(
        said.contains(&format!("{distinct} ảnh có trong")) && said.contains(BACKUP_POOL),
        "{said}"
    );

    // The other machine has the USB folder and nothing else.
    let fresh = TempDir::new().expect("tmp");
    let carried = fresh.path().join("usb");
    std::fs::create_dir(&carried).expect("usb");
    for (rel, bytes) in files(&usb) {
        let to = carried.join(rel);
        std::fs::create_dir_all(to.parent().expect("dir")).expect("dirs");
        std::fs::write(to, bytes).expect("copy");
    }
    drop(laptop);
    let restored = fresh.path().join("data").join("xungkich.db");
    std::fs::create_dir(restored.parent().expect("dir")).expect("data");
    let said = ok(&xungkich(
        &restored,
        &[
            "--lang",
            "en",
            "restore",
            carried.join("kho-2022-05-07.db").to_str().expect("utf-8"),
        ],
    ));
    assert!(said.contains("checked by hash"), "{said}");
    assert!(
        said.contains(&format!("({distinct} copied from the backup)")),
        "{said}"
    );
    assert_eq!(assert_every_photo_whole(&restored), photos);
    assert_eq!(files(&pool_of(&restored)).len(), distinct);
}

/// A backup whose photo pool lost or damaged a photo still restores the figures, and says
/// which photos are missing (exit 1); a store that lost a photo says so when backed up.
#[test]
fn missing_photos_are_named_not_silently_dropped() {
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("xungkich.db");
    let mut store = Store::open(&db, SHIPPED_SEED, stamp(NOW)).expect("open");
    let a = attach(&mut store, 0, &png("a"), "IMG_A.png");
    let b = attach(&mut store, 1, &png("b"), "IMG_B.png");
    drop(store);
    let copy = dir.path().join("b").join("copy.db");
    ok(&xungkich(&db, &["backup", copy.to_str().expect("utf-8")]));
    // One photo damaged in the backup's pool.
    std::fs::write(copy.with_file_name(BACKUP_POOL).join(&a), png("changed")).expect("damage");
    let other = dir.path().join("elsewhere").join("x.db");
    let out = xungkich(&other, &["restore", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("thiếu 1 ảnh") && err.contains("IMG_A.png"),
        "{err}"
    );
    assert!(other.is_file(), "the figures are restored all the same");
    assert!(pool_of(&other).join(&b).is_file());
    assert!(!pool_of(&other).join(&a).exists(), "no damaged photo taken");

    // The store loses a photo: its backup says which.
    std::fs::remove_file(pool_of(&db).join(&b)).expect("lost");
    let copy2 = dir.path().join("c").join("copy.db");
    let out = xungkich(
        &db,
        &["--lang", "en", "backup", copy2.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("1 photos are missing") && err.contains("IMG_B.png"),
        "{err}"
    );
    assert!(copy2.is_file(), "the backup is written all the same");
}

/// Daily copies share one pool: a photo is copied once, not once a day; photos no kept copy
/// refers to leave the pool when the oldest copies are pruned.
#[test]
fn daily_backups_copy_each_photo_once() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let first = attach(&mut store, 0, &png("first"), "1.png");
    let folder = t.dir.path().join("backups");
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2022, 5, d).expect("date");
    let (path, carried) = store
        .daily_backup(&folder, day(1))
        .expect("backup")
        .expect("made");
    assert_eq!(path, folder.join("x-2022-05-01.db"));
    assert_eq!((carried.photos, carried.copied), (1, 1));
    let pool = folder.join(BACKUP_POOL);
    let inode =
        |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).expect("meta"));
    let first_inode = inode(&pool.join(&first));
    let (_, carried) = store
        .daily_backup(&folder, day(2))
        .expect("b")
        .expect("made");
    assert_eq!(
        (carried.photos, carried.copied),
        (1, 0),
        "nothing copied again"
    );
    assert_eq!(
        inode(&pool.join(&first)),
        first_inode,
        "the same file, untouched"
    );
    let second = attach(&mut store, 1, &png("second"), "2.png");
    let (_, carried) = store
        .daily_backup(&folder, day(3))
        .expect("b")
        .expect("made");
    assert_eq!((carried.photos, carried.copied), (2, 1));
    assert_eq!(files(&pool).len(), 2);
    // The second photo's report is undone, and a change made after it ends the redo: once
    // no kept copy has it, the pool lets it go.
    store
        .undo_last(stamp(NOW))
        .expect("undo")
        .expect("a change");
    tick(&mut store);
    assert!(!store.photo_pool().join(&second).exists());
    for d in 4..=10 {
        store
            .daily_backup(&folder, day(d))
            .expect("b")
            .expect("made");
    }
    // Day 3 (the only copy with the second photo) was pruned with day 10's copy.
    assert!(!folder.join("x-2022-05-03.db").exists());
    assert!(pool.join(&first).is_file());
    assert!(
        !pool.join(&second).exists(),
        "no copy refers to it any more"
    );
}

/// A store an older version made (schema 2, photos under the folder's shared `photos/`) is
/// brought over on first open: every photo copied into its own folder and checked by hash,
/// the old files left for any other store that may refer to them. A photo another store
/// wrote over (its size is no longer the one recorded) is not taken.
#[test]
fn an_older_stores_photos_are_brought_into_its_own_folder() {
    let t = TempStore::new();
    drop(support::demo_store(&t));
    let old = support::back_to_shared_photos(&t.path);
    assert!(old.len() > 20, "{}", old.len());
    assert!(!pool_of(&t.path).exists());
    // Another store of the folder wrote over one of them (the bug this fixes).
    std::fs::write(
        t.dir.path().join(&old[0]),
        png("the demo's photo, longer than it was"),
    )
    .expect("overwritten");
    let store = t.open(NOW);
    let adopted = store.adopted_photos().expect("photos were brought over");
    assert_eq!((adopted.moved, adopted.missing), (old.len() - 1, 1));
    assert_eq!(store.schema_version().expect("version"), 8);
    drop(store);
    let rows = photo_rows(&t.path);
    assert_eq!(
        rows[0],
        (old[0].clone(), None),
        "left as it was, without a file"
    );
    let pool = pool_of(&t.path);
    for (name, sha) in &rows[1..] {
        let sha = sha.as_deref().expect("hash");
        assert_eq!(hash_file(&pool.join(name)).expect("copied"), sha);
    }
    for rel in &old {
        assert!(
            t.dir.path().join(rel).is_file(),
            "the old file stays: {rel}"
        );
    }
    // Opened again: nothing more to bring, and the one missing is not counted as moved.
    let store = t.open(NOW);
    assert_eq!(store.adopted_photos().map(|a| a.moved), Some(0));
    // The interface says what happened, and the path command names the photo folder.
    drop(store);
    let said = ok(&xungkich(&t.path, &["path"]));
    assert!(said.contains("x.db.photos"), "{said}");
}

/// `kill -9` at a random moment of `backup`: afterwards there is either no copy, or a whole
/// copy whose every photo is whole in the pool beside it. `XUNGKICH_BACKUP_KILLS` sets the
/// number of runs (20 by default).
#[test]
fn a_backup_killed_at_any_moment_never_lacks_its_photos() {
    let runs: u64 = std::env::var("XUNGKICH_BACKUP_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("store.db");
    ok(&xungkich(&db, &["demo"]));
    let mut rng = xungkich::demo::Rng(11);
    let (mut whole, mut none) = (0, 0);
    for run in 0..runs {
        let out = TempDir::new().expect("tmp");
        let copy = out.path().join("copy.db");
        let mut child = Command::new(env!("CARGO_BIN_EXE_xungkich"))
            .env_remove("XUNGKICH_DB")
            .arg("--db")
            .arg(&db)
            .args(["--now", NOW, "backup"])
            .arg(&copy)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_micros(rng.below(60_000)));
        let _ = child.kill();
        let _ = child.wait();
        if !copy.exists() {
            none += 1;
            continue;
        }
        whole += 1;
        let pool = out.path().join(BACKUP_POOL);
        for (name, sha) in photo_rows(&copy) {
            let sha = sha.expect("hash");
            assert_eq!(
                hash_file(&pool.join(&name)).unwrap_or_else(|e| panic!("run {run}: {name}: {e}")),
                sha,
                "run {run}"
            );
        }
    }
    eprintln!("backup killed {runs} times: whole with its photos {whole}, no copy {none}");
}
