//! Everything the binary prints follows `--lang`: with `--lang vi` no outcome, refusal or
//! failure may reach the officer in English. Each step below drives one message; the words
//! checked are ones an English sentence can hardly avoid, so a message left in English
//! shows up here even when nobody thought to test it.

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

const NOW: &str = "2022-05-07T14:00";

/// Whole words (or runs of words) that mark a line as English.
const ENGLISH: &[&str] = &[
    "error",
    "failed",
    "not found",
    "cannot",
    "could not",
    "file",
    "database",
    "permission",
    "invalid",
    "unknown",
    "written",
    "saved",
    "no such",
    "denied",
    "directory",
    "folder",
    "store",
    "exists",
    "already",
    "is not",
    "refused",
    "expected",
    "missing",
    "line",
    "units",
    "initiatives",
    "replaced",
    "kept",
    "the",
    "of",
    "and",
];

fn run(lang: &str, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .env_remove("XUNGKICH_CAMPAIGN")
        .args(["--lang", lang])
        .args(if args.contains(&"--now") {
            &[][..]
        } else {
            &["--now", NOW][..]
        })
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run xungkich")
}

/// The lowercase words of a line, split on anything that is not a letter or digit.
fn words(line: &str) -> Vec<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A line without what is not the program's own words: paths (a piece with a `/`), text
/// quoted «like this» from a file or a library, and `keys` as a campaign file spells them.
fn own_words(line: &str) -> String {
    let mut kept = String::new();
    let mut closing: Option<char> = None;
    for c in line.chars() {
        match (closing, c) {
            (None, '«') => closing = Some('»'),
            (None, '`') => closing = Some('`'),
            (Some(end), c) if c == end => closing = None,
            (None, c) => kept.push(c),
            (Some(_), _) => {}
        }
    }
    kept.split_whitespace()
        .filter(|piece| !piece.contains('/'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The English words or phrases a line holds.
fn english_in(line: &str) -> Vec<&'static str> {
    let words = words(&own_words(line));
    ENGLISH
        .iter()
        .copied()
        .filter(|phrase| {
            let want: Vec<&str> = phrase.split(' ').collect();
            words
                .windows(want.len())
                .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
        })
        .collect()
}

/// Every printed line of every step, with the paths this test made taken out (their
/// letters are not the program's words).
struct Transcript {
    dir: TempDir,
    lines: Vec<(String, String)>,
}

impl Transcript {
    fn new() -> Transcript {
        Transcript {
            dir: TempDir::new().expect("tmp"),
            lines: Vec::new(),
        }
    }

    fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    fn s(&self, name: &str) -> String {
        self.path(name).to_str().expect("utf-8 path").to_string()
    }

    /// Runs one step and keeps what it printed; `ok` says whether it should succeed.
    fn step(&mut self, what: &str, db: &str, args: &[&str], ok: bool) -> Output {
        let out = run("vi", &self.path(db), args);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.success(),
            ok,
            "{what}: exit {:?}\n{stdout}\n{stderr}",
            out.status.code()
        );
        assert!(
            !stderr.contains("Usage:"),
            "{what}: clap refused the arguments, the step is wrong:\n{stderr}"
        );
        let dir = self.dir.path().to_str().expect("utf-8 path").to_string();
        for line in stdout.lines().chain(stderr.lines()) {
            self.lines
                .push((what.to_string(), line.replace(&dir, "<tmp>")));
        }
        out
    }
}

#[test]
fn every_printed_line_is_vietnamese_under_lang_vi() {
    let mut t = Transcript::new();
    std::fs::write(t.path("ghichu.txt"), "ghi chú, không phải cơ sở dữ liệu").expect("write");
    std::fs::write(t.path("hong.toml"), "schema = 1\n[campaign\n").expect("write");
    let wrong_kind =
        xungkich::io::campaign_file::SHIPPED.replacen("kind = \"ward\"", "kind = \"truonghoc\"", 1);
    std::fs::write(t.path("sai.toml"), wrong_kind).expect("write");
    std::fs::write(t.path("doi.toml"), "schema = 2\n").expect("write");
    std::fs::write(t.path("donvi.csv"), "Mã;Tên\nx;y\n").expect("write");
    let note = t.s("ghichu.txt");
    let under_note = |name: &str| format!("{note}/{name}");

    t.step("path", "kho.db", &["path"], true);
    t.step(
        "missing --campaign",
        "kho.db",
        &["--campaign", &t.s("khongco.toml"), "snapshot", "units"],
        false,
    );
    t.step(
        "broken --campaign",
        "kho.db",
        &["--campaign", &t.s("hong.toml"), "snapshot", "units"],
        false,
    );
    t.step(
        "wrong kind in --campaign",
        "kho.db",
        &["--campaign", &t.s("sai.toml"), "snapshot", "units"],
        false,
    );
    t.step(
        "newer schema in --campaign",
        "kho.db",
        &["--campaign", &t.s("doi.toml"), "snapshot", "units"],
        false,
    );
    t.step(
        "bad --now",
        "kho.db",
        &["--now", "31/02/2022 25:00", "snapshot", "units"],
        false,
    );
    t.step(
        "backup without a store",
        "chua.db",
        &["backup", &t.s("x.db")],
        false,
    );
    t.step(
        "read-only without a store",
        "chua.db",
        &["--read-only", "snapshot", "units"],
        false,
    );
    t.step(
        "not a SQLite database",
        "ghichu.txt",
        &["snapshot", "units"],
        false,
    );
    t.step("demo", "kho.db", &["demo"], true);
    t.step("demo again", "kho.db", &["demo"], false);
    t.step("backup", "kho.db", &["backup", &t.s("saoluu.db")], true);
    t.step(
        "backup again",
        "kho.db",
        &["backup", &t.s("saoluu.db")],
        false,
    );
    t.step(
        "backup under a regular file",
        "kho.db",
        &["backup", &under_note("x.db")],
        false,
    );
    t.step(
        "restore a missing copy",
        "kho.db",
        &["restore", &t.s("khongco.db")],
        false,
    );
    t.step("restore a text", "kho.db", &["restore", &note], false);
    t.step("restore", "kho.db", &["restore", &t.s("saoluu.db")], true);
    t.step(
        "import a missing file",
        "kho.db",
        &["import", "units", &t.s("khongco.csv")],
        false,
    );
    t.step(
        "import a sheet without the columns",
        "kho.db",
        &["import", "units", &t.s("donvi.csv")],
        false,
    );
    t.step(
        "--day not a date",
        "kho.db",
        &[
            "import",
            "figures",
            &t.s("donvi.csv"),
            "--day",
            "99/99/2022",
        ],
        false,
    );
    t.step(
        "--day not a Saturday of the campaign",
        "kho.db",
        &[
            "import",
            "figures",
            &t.s("donvi.csv"),
            "--day",
            "14/05/2022",
        ],
        false,
    );
    t.step(
        "export",
        "kho.db",
        &["export", "--format", "json", "--out", &t.s("xuat.json")],
        true,
    );
    t.step(
        "export again",
        "kho.db",
        &["export", "--format", "json", "--out", &t.s("xuat.json")],
        false,
    );
    t.step(
        "export under a regular file",
        "kho.db",
        &["export", "--format", "csv", "--out", &under_note("xuat")],
        false,
    );
    t.step(
        "report under a regular file",
        "kho.db",
        &["report", "--out", &under_note("bantin.md")],
        false,
    );
    t.step(
        "campaign init for next year",
        "kho.db",
        &["campaign", "init", &t.s("namsau.toml"), "--year", "2023"],
        true,
    );
    t.step(
        "campaign init for the same year",
        "kho.db",
        &["campaign", "init", &t.s("namnay.toml"), "--year", "2022"],
        true,
    );
    t.step(
        "campaign init for a year out of range",
        "kho.db",
        &["campaign", "init", &t.s("namxua.toml"), "--year", "1999"],
        false,
    );
    std::fs::create_dir(t.path("thumuc")).expect("mkdir");
    t.step("a folder as --db", "thumuc", &["snapshot", "units"], false);
    t.step(
        "snapshot too large",
        "kho.db",
        &["snapshot", "units", "--width", "65535", "--height", "65535"],
        false,
    );

    let english: Vec<String> = t
        .lines
        .iter()
        .filter_map(|(what, line)| {
            let found = english_in(line);
            (!found.is_empty()).then(|| format!("{what}: {line}   ← {found:?}"))
        })
        .collect();
    assert!(
        english.is_empty(),
        "English under --lang vi:\n{}",
        english.join("\n")
    );
    assert!(
        t.lines.len() > 25,
        "every step printed something: {:#?}",
        t.lines
    );
}

/// The same steps in English still say what happened, in English.
#[test]
fn lang_en_keeps_english() {
    let dir = TempDir::new().expect("tmp");
    let db = dir.path().join("kho.db");
    let out = run("en", &db, &["backup", "x.db"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no store to back up"), "{err}");
    let out = run("en", &db, &["demo"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("37 units"), "{said}");
    let out = run("en", &db, &["restore", "/nonexistent/copy.db"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/copy.db"), "{err}");
    assert!(err.contains("no such file or folder"), "{err}");
}

#[test]
fn the_word_check_finds_english() {
    assert_eq!(
        english_in("xungkich: cannot write the output"),
        ["cannot", "the"]
    );
    assert_eq!(english_in("<tmp>/x.db: not found"), ["not found"]);
    assert!(english_in("không tìm thấy tệp hoặc thư mục: <tmp>/x.db").is_empty());
    assert!(english_in("thể lệ").is_empty(), "only whole words count");
    assert!(english_in("`units[0].kind`: loại «the unit» <tmp>/units.csv").is_empty());
    assert_eq!(english_in("«quoted» but the rest counts"), ["the"]);
}
