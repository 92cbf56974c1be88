//! Issue 12, items 6 and 7, through the real binary: what the program writes never replaces a
//! file unasked, never writes through a symbolic link, never leaves half a file, and is
//! readable by its owner only (0600 files, 0700 folders) whatever the umask.
//!
//! Commands run under `sh -c 'umask 000; exec …'`, the most permissive umask, so a mode that
//! comes out 0600 was set by the program, not granted by the test's environment.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_xungkich");
const NOW: &str = "2022-05-07T14:00";

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Runs the binary on `db` with `args`, under umask 000 and after `before` (shell text run
/// first, in the same shell: `$$` there is the binary's own pid, as `exec` keeps it), with the
/// platform's data folder (`XDG_DATA_HOME`) under `data_home` when given.
fn run_in(before: &str, data_home: Option<&Path>, db: &Path, args: &[&str]) -> Output {
    let mut cmd = format!(
        "umask 000; {before} exec {} --lang en --now {NOW} --db {}",
        quote(BIN),
        quote(&db.display().to_string())
    );
    for a in args {
        cmd.push(' ');
        cmd.push_str(&quote(a));
    }
    let mut command = Command::new("sh");
    command
        .args(["-c", &cmd])
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG");
    if let Some(home) = data_home {
        command.env("XDG_DATA_HOME", home);
    }
    command.output().expect("run xungkich")
}

fn run_after(before: &str, db: &Path, args: &[&str]) -> Output {
    run_in(before, None, db, args)
}

fn run_with_data_home(data_home: &Path, db: &Path, args: &[&str]) -> Output {
    run_in("", Some(data_home), db, args)
}

fn run(db: &Path, args: &[&str]) -> Output {
    run_after("", db, args)
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o7777
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    v.sort();
    v
}

/// A demo store at `<dir>/data/x.db`, made under umask 000.
fn demo(dir: &TempDir) -> PathBuf {
    let db = dir.path().join("data").join("x.db");
    ok(&run(&db, &["demo"]));
    db
}

#[test]
fn report_out_refuses_an_existing_file_unless_forced() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let out = dir.path().join("briefing.md");
    std::fs::write(&out, "the officer's own notes").expect("old");
    let refused = run(&db, &["report", "--out", out.to_str().expect("utf-8")]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "the officer's own notes"
    );
    ok(&run(
        &db,
        &["report", "--out", out.to_str().expect("utf-8"), "--force"],
    ));
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.contains("MEETING BRIEFING"), "{text}");
    assert_eq!(mode(&out), 0o600);
    assert_eq!(
        names(dir.path()),
        ["briefing.md", "data"],
        "no temporary left"
    );
}

#[test]
fn report_out_never_writes_through_a_link() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let target = dir.path().join("elsewhere.txt");
    std::fs::write(&target, "not yours").expect("target");
    let link = dir.path().join("briefing.md");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    for force in [false, true] {
        let mut args = vec!["report", "--out", link.to_str().expect("utf-8")];
        if force {
            args.push("--force");
        }
        let out = run(&db, &args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "not yours");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

/// The disk "fills" halfway through: a file-size limit (with SIGXFSZ ignored, so the write
/// fails with EFBIG as on a full disk instead of killing the process) below the briefing's
/// size. The old file is left whole and no temporary file stays behind.
#[test]
fn a_report_that_fails_midway_leaves_the_old_file_and_no_temporary() {
    let dir = TempDir::new().expect("dir");
    let db = dir.path().join("data").join("x.db");
    // Thirty times the units: a briefing well over the 32 KB limit below (which
    // leaves room for SQLite's 32 KB -shm file).
    ok(&run(&db, &["demo", "--scale", "30"]));
    let out = dir.path().join("briefing.md");
    std::fs::write(&out, "yesterday's briefing").expect("old");
    let failed = run_after(
        "trap '' XFSZ; ulimit -f 64;",
        &db,
        &[
            "--read-only",
            "report",
            "--out",
            out.to_str().expect("utf-8"),
            "--force",
        ],
    );
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "yesterday's briefing"
    );
    assert_eq!(names(dir.path()), ["briefing.md", "data"]);
}

/// Links planted at every name the old writer would have used (`.<table>.csv.<pid>.tmp`, for
/// the pid the binary runs as and the next ones) and at other guessable names: the export
/// writes its own files, and the file the links point to is unchanged.
#[test]
fn planted_links_in_the_export_folder_are_not_followed() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).expect("folder");
    let folder_mode = mode(&folder);
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "secret").expect("outside");
    let plant = format!(
        "for t in units requirements checklist initiatives registrations quick_reports \
         saturday_figures kpis kpi_measurements agenda; do for p in $$ $(($$+1)) $(($$+2)); do \
         ln -s {o} {f}/.$t.csv.$p.tmp; done; ln -s {o} {f}/.$t.csv.tmp; ln -s {o} \
         {f}/$t.csv.tmp; done;",
        o = quote(&outside.display().to_string()),
        f = quote(&folder.display().to_string()),
    );
    let out = run_after(
        &plant,
        &db,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            folder.to_str().expect("utf-8"),
        ],
    );
    ok(&out);
    assert_eq!(std::fs::read_to_string(&outside).expect("read"), "secret");
    for table in xungkich::io::export::TABLE_KEYS {
        let p = folder.join(format!("{table}.csv"));
        let meta = std::fs::symlink_metadata(&p).expect("csv");
        assert!(meta.is_file(), "{} is a plain file", p.display());
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    // Only the links planted and the tables: no temporary file of the export's own is left.
    let leftover: Vec<String> = names(&folder)
        .into_iter()
        .filter(|n| !n.ends_with(".csv"))
        .filter(|n| {
            !std::fs::symlink_metadata(folder.join(n)).is_ok_and(|m| m.file_type().is_symlink())
        })
        .collect();
    assert!(leftover.is_empty(), "{leftover:?}");
    // The folder was the officer's: its mode is theirs.
    assert_eq!(mode(&folder), folder_mode);
}

#[test]
fn export_refuses_a_link_even_with_force() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let outside = dir.path().join("outside.json");
    std::fs::write(&outside, "{}").expect("outside");
    let link = dir.path().join("all.json");
    std::os::unix::fs::symlink(&outside, &link).expect("link");
    let out = run(
        &db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            link.to_str().expect("utf-8"),
            "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&outside).expect("read"), "{}");
}

#[test]
fn backup_clears_leftovers_of_killed_copies_and_writes_privately() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let folder = dir.path().join("copies");
    std::fs::create_dir(&folder).expect("folder");
    // Above Linux's pid_max: no live process has it.
    let dead = 4_194_304 + 11;
    let live = std::process::id();
    let stale = [
        format!("copy.db.part-{dead}"),
        format!(".copy.db.part-{dead}.aB3dE9.tmp"),
    ];
    let kept = [
        format!(".copy.db.part-{live}.zZ9yY8.tmp"),
        format!("other.db.part-{dead}"),
        "copy.db.part-notes".to_string(),
    ];
    for f in stale.iter().chain(&kept) {
        std::fs::write(folder.join(f), vec![0u8; 4096]).expect("leftover");
    }
    let copy = folder.join("copy.db");
    ok(&run(&db, &["backup", copy.to_str().expect("utf-8")]));
    let mut want: Vec<String> = kept.to_vec();
    want.push("copy.db".into());
    want.push("xungkich-photos".into());
    want.sort();
    assert_eq!(names(&folder), want);
    assert_eq!(mode(&copy), 0o600);
    // The photos beside it are private too.
    let pool = folder.join("xungkich-photos");
    assert_eq!(mode(&pool), 0o700);
    let photos = names(&pool);
    assert!(!photos.is_empty());
    for p in &photos {
        assert_eq!(mode(&pool.join(p)), 0o600, "{p}");
    }
    // A folder the backup makes is the app's: 0700.
    let made = dir.path().join("new").join("copy.db");
    ok(&run(&db, &["backup", made.to_str().expect("utf-8")]));
    assert_eq!(mode(made.parent().expect("folder")), 0o700);
    assert_eq!(mode(&made), 0o600);
}

#[test]
fn the_store_and_its_folders_are_private_whatever_the_umask() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let data = db.parent().expect("data folder");
    assert_eq!(mode(data), 0o700, "the folder the store made");
    assert_eq!(mode(&db), 0o600);
    let photos = xungkich::store::photos::pool_of(&db);
    let mut stack = vec![photos.clone()];
    let mut seen = 0;
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            assert_eq!(mode(&p), 0o700, "{}", p.display());
            stack.extend(
                std::fs::read_dir(&p)
                    .expect("read")
                    .flatten()
                    .map(|e| e.path()),
            );
        } else {
            assert_eq!(mode(&p), 0o600, "{}", p.display());
            seen += 1;
        }
    }
    assert!(seen > 0, "the demo attaches photos");
}

#[test]
fn an_existing_store_made_0644_becomes_0600_on_open() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    let data = db.parent().expect("data folder").to_path_buf();
    std::fs::create_dir_all(data.join("backups")).expect("backups");
    std::fs::write(data.join("backups/xungkich-2022-05-01.db"), "x").expect("copy");
    std::fs::create_dir_all(data.join("reports")).expect("reports");
    std::fs::write(data.join("reports/briefing-20220501-0900.md"), "x").expect("old");
    for p in [
        db.clone(),
        data.join("backups/xungkich-2022-05-01.db"),
        data.join("reports/briefing-20220501-0900.md"),
    ] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    std::fs::create_dir_all(data.join("photos")).expect("an older version's photos");
    let pool = xungkich::store::photos::pool_of(&db);
    for d in [
        data.join("backups"),
        data.join("reports"),
        data.join("photos"),
        pool.clone(),
    ] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    // Any writable open will do: `report` prints and changes nothing else.
    ok(&run(&db, &["report"]));
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&data.join("backups")), 0o700);
    assert_eq!(mode(&data.join("backups/xungkich-2022-05-01.db")), 0o600);
    assert_eq!(mode(&data.join("reports")), 0o700);
    assert_eq!(mode(&data.join("reports/briefing-20220501-0900.md")), 0o600);
    assert_eq!(mode(&data.join("photos")), 0o700);
    assert_eq!(mode(&pool), 0o700);
}

/// A `-wal` and `-shm` left 0644 (by an older version, beside a running reader) are brought
/// to 0600 when the binary opens the store.
#[test]
fn existing_journal_files_become_private_on_open() {
    let dir = TempDir::new().expect("dir");
    let db = demo(&dir);
    // A reader holding the store open in WAL mode keeps -wal and -shm in place while the
    // binary opens it (its own are removed at close).
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .expect("read");
    let name = db.file_name().expect("name").to_string_lossy().into_owned();
    for side in ["", "-wal", "-shm"] {
        let p = db.with_file_name(format!("{name}{side}"));
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    ok(&run(&db, &["report"]));
    for side in ["", "-wal", "-shm"] {
        let p = db.with_file_name(format!("{name}{side}"));
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    drop(conn);
}

/// The default data folder is the app's own and becomes 0700; the folder of a store the
/// officer put elsewhere with --db (their Documents, say) keeps its mode.
#[test]
fn the_default_data_folder_becomes_private_a_chosen_one_is_left() {
    let dir = TempDir::new().expect("dir");
    let own = dir.path().join("xungkich");
    let chosen = dir.path().join("Documents");
    for d in [&own, &chosen] {
        std::fs::create_dir(d).expect("folder");
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        ok(&run_with_data_home(
            dir.path(),
            &d.join("x.db"),
            &["report"],
        ));
    }
    assert_eq!(mode(&own), 0o700);
    assert_eq!(mode(&chosen), 0o755);
    assert_eq!(mode(&chosen.join("x.db")), 0o600);
}
