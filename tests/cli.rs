//! The binary from the outside: exit codes, refusals that change nothing, headless snapshots.

use std::process::{Command, Output};

use tempfile::TempDir;

fn xungkich(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .args(args)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .output()
        .expect("run xungkich")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn snapshot_lists_units_with_their_checklist_states() {
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("x.db");
    let db = db.to_str().expect("utf-8 path");
    let out = xungkich(&[
        "--db",
        db,
        "--now",
        "2022-05-06T09:00",
        "snapshot",
        "units",
        "--width",
        "120",
        "--height",
        "40",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let screen = text(&out.stdout);
    assert_eq!(screen.lines().count(), 40);
    assert!(screen.contains("UBND phường Tân Quý"), "{screen}");
    assert!(
        screen.contains("✖ quá hạn"),
        "registration is overdue on Friday:\n{screen}"
    );
    assert!(
        screen.contains("! sắp hạn"),
        "the report is due within 48 hours:\n{screen}"
    );
    assert!(!screen.contains('\u{1b}'), "no escape codes in a snapshot");
    // Every line fits the width.
    for line in screen.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 120, "{line}");
    }
}

#[test]
fn environment_variables_stand_in_for_options() {
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("x.db");
    let out = Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .args(["snapshot", "overview", "--width", "80", "--height", "24"])
        .env("XUNGKICH_DB", &db)
        .env("XUNGKICH_NOW", "2022-05-07T15:30")
        .env("XUNGKICH_LANG", "vi")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let screen = text(&out.stdout);
    assert!(screen.contains("07/05/2022 15:30:00"), "{screen}");
    assert!(screen.contains("00:30:00"), "countdown to 16:00:\n{screen}");
    assert!(db.exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_exit_2_and_left_alone() {
    let dir = TempDir::new().expect("tmp");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "ghi chú, không phải cơ sở dữ liệu").expect("write");
    let before = std::fs::read(&path).expect("read");
    let out = xungkich(&["--db", path.to_str().expect("path"), "snapshot", "units"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("không phải cơ sở dữ liệu SQLite"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_malformed_campaign_file_is_refused_naming_the_line() {
    let dir = TempDir::new().expect("tmp");
    let campaign = dir.path().join("bad.toml");
    let shipped = xungkich::io::campaign_file::SHIPPED;
    // Break the kind of the first unit; find its line to check the message points there.
    let broken = shipped.replacen("kind = \"ward\"", "kind = \"school\"", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("\"school\""))
        .expect("line")
        + 1;
    std::fs::write(&campaign, broken).expect("write");
    let db = dir.path().join("x.db");
    let out = xungkich(&[
        "--db",
        db.to_str().expect("path"),
        "--campaign",
        campaign.to_str().expect("path"),
        "snapshot",
        "units",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains(&format!("bad.toml:{line}:")), "{err}");
    assert!(err.contains("school"), "{err}");
    assert!(
        !db.exists(),
        "nothing is created from a refused campaign file"
    );
}

#[test]
fn a_bad_now_is_refused() {
    let out = xungkich(&[
        "--db",
        "/nonexistent/x.db",
        "--now",
        // Day-first dates are read since issue 11; a two-digit year is not.
        "07/05/22",
        "snapshot",
        "units",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--now"));
}

#[test]
fn demo_fills_a_new_store_and_refuses_an_existing_one() {
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("demo.db");
    let db_s = db.to_str().expect("path");
    let out = xungkich(&["demo", "--db", db_s, "--scale", "2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(summary.contains("74 đơn vị"), "{summary}");
    // The demo's photos are the demo store's own: none in a folder another store would share.
    assert!(dir.path().join("demo.db.photos").is_dir());
    assert!(!dir.path().join("photos").exists());
    let again = xungkich(&["demo", "--db", db_s]);
    assert_eq!(again.status.code(), Some(2));
    let out = xungkich(&[
        "--db",
        db_s,
        "--now",
        "2022-05-07T18:00",
        "snapshot",
        "overview",
    ]);
    assert!(out.status.success());
    assert!(
        // 74 units: the 19 wards and bases of the plan and 25 more bases owe the Saturday.
        text(&out.stdout).contains("/ 44 xong"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn demo_reaches_benchmark_counts_on_request() {
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("big.db");
    let out = xungkich(&[
        "demo",
        "--db",
        db.to_str().expect("path"),
        "--initiatives",
        "2000",
        "--figure-rows",
        "5000",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(summary.contains("2000 sáng kiến"), "{summary}");
    assert!(summary.contains("5000 dòng số liệu"), "{summary}");
}

#[test]
fn demo_needs_an_explicit_db() {
    let out = xungkich(&["demo"]);
    assert_eq!(out.status.code(), Some(2));
}
