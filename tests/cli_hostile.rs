//! Nothing the binary prints may steer the terminal it prints to (issue 12, item 1). Text
//! from a CSV, a campaign file, `--day`, `--now` or a path — holding OSC (set the title,
//! write the clipboard), CSI (clear the screen), BEL, C1 controls or a bidi override — is run
//! through every subcommand that quotes it, and stdout and stderr of each run are checked
//! byte by byte: only the line breaks the program writes itself may be controls. A very long
//! cell is cut in its message, and a header of a million columns is refused quickly.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const NOW: &str = "2022-05-07T14:00";

/// Sets the window title, clears the screen, writes the clipboard, then a CSI and a DCS…ST
/// in their one-character C1 forms, and reverses what follows.
const HOSTILE: &str = "\u{1b}]0;PWNED\u{7} \u{1b}[2J \u{1b}]52;c;aGVsbG8=\u{7} \u{9b}31m \
                       \u{90}q\u{9c} \u{202e}desrever \u{200b}\u{2066}x\u{2069}";

fn run(dir: &Path, lang: &str, args: &[OsString]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .env_remove("XUNGKICH_CAMPAIGN")
        .current_dir(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .expect("run xungkich")
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// Why `bytes` could steer a terminal, if it could: a control other than the line break, a
/// C1 control (as a raw byte or as U+0080–U+009F), a bidi control or a zero-width character.
fn unsafe_in(bytes: &[u8]) -> Option<String> {
    for (i, b) in bytes.iter().enumerate() {
        if (*b < 0x20 && *b != b'\n') || *b == 0x7f {
            return Some(format!("byte {b:#04x} at {i}"));
        }
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        // A lone 0x80–0x9f byte is a C1 control to many terminals.
        Err(e) => return Some(format!("not UTF-8 at {}", e.valid_up_to())),
    };
    text.chars()
        .find(|c| {
            matches!(c,
                '\u{80}'..='\u{9f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{61c}'
                | '\u{feff}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
}

/// Runs every case in both languages and fails with all that printed something unsafe.
struct Cases {
    dir: TempDir,
    db: PathBuf,
    bad: Vec<String>,
    runs: usize,
}

impl Cases {
    fn new() -> Cases {
        let dir = TempDir::new().expect("tmp");
        let db = dir.path().join("s.db");
        let out = run(
            dir.path(),
            "vi",
            &[
                "--now".into(),
                NOW.into(),
                "--db".into(),
                db.clone().into(),
                "demo".into(),
            ],
        );
        assert!(out.status.success(), "demo: {out:?}");
        Cases {
            dir,
            db,
            bad: Vec::new(),
            runs: 0,
        }
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    /// `args` after `--now NOW --db <store>` (unless `own_db`), in vi and en.
    fn case(&mut self, what: &str, args: Vec<OsString>, own_db: bool) -> Vec<Output> {
        let mut outs = Vec::new();
        for lang in ["vi", "en"] {
            let mut all: Vec<OsString> = Vec::new();
            if !args.iter().any(|a| a == "--now") {
                all.extend(os(&["--now", NOW]));
            }
            if !own_db {
                all.push("--db".into());
                all.push(self.db.clone().into());
            }
            all.extend(args.iter().cloned());
            let out = run(self.dir.path(), lang, &all);
            self.runs += 1;
            for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                if let Some(why) = unsafe_in(bytes) {
                    self.bad.push(format!(
                        "{what} ({lang}) {stream}: {why}\n{}",
                        String::from_utf8_lossy(bytes).escape_debug()
                    ));
                }
            }
            outs.push(out);
        }
        outs
    }

    fn check(self) {
        assert!(
            self.bad.is_empty(),
            "{} of {} runs printed controls:\n{}",
            self.bad.len(),
            self.runs,
            self.bad.join("\n\n")
        );
    }
}

fn p(path: &Path) -> OsString {
    path.as_os_str().to_owned()
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let mut c = Cases::new();
    let h = HOSTILE;

    // Units: a hostile header (the ignored-columns note), an unknown code and name, and a
    // file whose name is hostile (the open error and the done line name it).
    let units = c.file(
        "units.csv",
        &format!("Mã,Tên đơn vị,Loại,{h},x{h}\nevil{h},Đơn vị {h},Phường,a,b\n,{h},,,\n"),
    );
    c.case(
        "units dry-run",
        os_with(&["import", "units"], &units, &["--dry-run"]),
        false,
    );
    c.case(
        "units import",
        os_with(&["import", "units"], &units, &[]),
        false,
    );
    let good = c.file(
        &format!("new{h}.csv"),
        &format!("Mã,Tên đơn vị,Loại,Người liên hệ\np-evil,Phường {h},Phường,{h}\n"),
    );
    c.case(
        "units good dry-run",
        os_with(&["import", "units"], &good, &["--dry-run"]),
        false,
    );
    let outs = c.case(
        "units good import",
        os_with(&["import", "units"], &good, &[]),
        false,
    );
    // The first run imports (its done line names the hostile file); the second finds it all
    // in place. Both must succeed, or the done line was never printed.
    assert!(outs.iter().all(|o| o.status.success()), "{outs:?}");
    let missing = c.dir.path().join(format!("nofile{h}.csv"));
    c.case(
        "open error",
        os_with(&["import", "units"], &missing, &[]),
        false,
    );

    // Initiatives: an unknown unit, a hostile title imported for real (the "thêm" line), a
    // bad date and a bad stage.
    let ini = c.file(
        "ini.csv",
        &format!(
            "Đơn vị,Tên sáng kiến,Ngày đăng ký,Giai đoạn\n{h},A,01/05/2022,\nTân Quý,B,{h},\nTân Quý,C,01/05/2022,{h}\n"
        ),
    );
    c.case(
        "initiatives errors",
        os_with(&["import", "initiatives"], &ini, &[]),
        false,
    );
    let ini_ok = c.file(
        "ini-ok.csv",
        &format!(
            "Đơn vị,Tên sáng kiến,Ngày đăng ký,Lĩnh vực\nTân Quý,Sáng kiến {h},01/05/2022,{h}\n"
        ),
    );
    c.case(
        "initiatives dry-run",
        os_with(&["import", "initiatives"], &ini_ok, &["--dry-run"]),
        false,
    );
    c.case(
        "initiatives import",
        os_with(&["import", "initiatives"], &ini_ok, &[]),
        false,
    );

    // Saturdays: an unknown activity, a Saturday that is not one, a hostile metric.
    let reg = c.file(
        "reg.csv",
        &format!("Ngày thứ Bảy,Đơn vị,Hoạt động\n07/05/2022,Tân Quý,{h}\n{h},Tân Quý,\n"),
    );
    c.case(
        "registrations",
        os_with(&["import", "registrations"], &reg, &[]),
        false,
    );
    let fig = c.file(
        "fig.csv",
        &format!("Ngày thứ Bảy,Đơn vị,Chỉ tiêu,Giá trị\n07/05/2022,Tân Quý,{h},5\n07/05/2022,Tân Phú,Đoàn viên tham gia,{h}\n"),
    );
    c.case("figures", os_with(&["import", "figures"], &fig, &[]), false);

    // --day and --now as typed.
    let plain = c.file("plain.csv", "Đơn vị,Hoạt động\nTân Quý,\n");
    c.case(
        "--day",
        os_with(&["import", "registrations"], &plain, &["--day", h]),
        false,
    );
    c.case("--now", os(&["--now", h, "path"]), false);

    // Campaign files: `\u001b` escapes in a value, raw controls in a broken line, a hostile
    // path that does not exist.
    let escaped = c.file(
        "escaped.toml",
        "schema = 1\n[campaign]\ncode = \"a\\u001b]0;PWNED\\u0007\\u009b\\u202e\"\n",
    );
    let fresh = c.dir.path().join("fresh.db");
    c.case(
        "campaign escapes",
        vec![
            "--db".into(),
            p(&fresh),
            "--campaign".into(),
            p(&escaped),
            "report".into(),
        ],
        true,
    );
    let shipped = include_str!("../assets/campaigns/tan-phu-2022.toml");
    let code_escaped = c.file(
        "code.toml",
        &shipped.replacen(
            "code = \"115/KHLT-UBND-ĐTĐN\"",
            "code = \"x\\u001b]0;PWNED\\u0007\"\nshort = \"\\u001b[2J\"",
            1,
        ),
    );
    c.case(
        "campaign unknown key",
        vec![
            "--db".into(),
            p(&fresh),
            "--campaign".into(),
            p(&code_escaped),
            "report".into(),
        ],
        true,
    );
    let raw = c.file(
        "raw.toml",
        &format!("schema = 1\n[campaign\ncode = \"{h}\"\n"),
    );
    c.case(
        "campaign broken",
        vec![
            "--db".into(),
            p(&fresh),
            "--campaign".into(),
            p(&raw),
            "report".into(),
        ],
        true,
    );
    let nowhere = c.dir.path().join(format!("no{h}.toml"));
    c.case(
        "campaign unreadable",
        vec![
            "--db".into(),
            p(&fresh),
            "--campaign".into(),
            p(&nowhere),
            "path".into(),
        ],
        true,
    );

    // Paths: a store, a backup, a restore, an export folder with hostile names, and one that
    // is not UTF-8 (a lone 0x9b byte, CSI to some terminals).
    let evil_db = c.dir.path().join(format!("store{h}.db"));
    c.case(
        "path",
        vec!["--db".into(), p(&evil_db), "path".into()],
        true,
    );
    c.case(
        "demo",
        vec!["--db".into(), p(&evil_db), "demo".into()],
        true,
    );
    let mut bytes = c.dir.path().as_os_str().to_owned().into_vec();
    bytes.extend_from_slice(b"/raw\x9b2J\x1b]0;T\x07.db");
    let raw_db = PathBuf::from(OsString::from_vec(bytes));
    c.case(
        "non-UTF-8 path",
        vec!["--db".into(), p(&raw_db), "path".into()],
        true,
    );
    let backup = c.dir.path().join(format!("copy{h}.db"));
    c.case("backup", os_with(&["backup"], &backup, &["--force"]), false);
    c.case("restore", os_with(&["restore"], &backup, &[]), false);
    c.case(
        "restore missing",
        os_with(&["restore"], &missing, &[]),
        false,
    );
    let folder = c.dir.path().join(format!("out{h}"));
    c.case(
        "export",
        os_with(
            &["export", "--format", "csv", "--force", "--out"],
            &folder,
            &[],
        ),
        false,
    );
    c.case("report", os(&["report"]), false);
    c.case(
        "report markdown",
        os(&["report", "--format", "markdown"]),
        false,
    );

    c.check();
}

fn os_with(before: &[&str], path: &Path, after: &[&str]) -> Vec<OsString> {
    let mut v = os(before);
    v.push(p(path));
    v.extend(os(after));
    v
}

#[test]
fn a_long_cell_is_cut_and_its_length_said() {
    let c = Cases::new();
    let long = "A".repeat(50_000);
    let file = c.file(
        "long.csv",
        &format!("Mã,Tên đơn vị,Loại\n{long},Tên,Phường\n"),
    );
    for (lang, said) in [
        ("vi", "(dài 50.000 ký tự)"),
        ("en", "(50,000 characters long)"),
    ] {
        let out = run(
            c.dir.path(),
            lang,
            &os_with(
                &[
                    "--now",
                    NOW,
                    "--db",
                    c.db.to_str().expect("utf-8"),
                    "import",
                    "units",
                ],
                &file,
                &["--dry-run"],
            ),
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(said), "{lang}: {stdout}");
        assert!(stdout.len() < 2_000, "{lang}: {} bytes", stdout.len());
    }
}

#[test]
fn a_long_campaign_value_is_cut_and_its_length_said() {
    let c = Cases::new();
    let file = c.file(
        "long.toml",
        &include_str!("../assets/campaigns/tan-phu-2022.toml").replacen(
            "issued_on = \"2022-04-29\"",
            &format!("issued_on = \"{}\"", "Ä".repeat(30_000)),
            1,
        ),
    );
    let fresh = c.dir.path().join("fresh.db");
    for (lang, said) in [
        ("vi", "(dài 30.000 ký tự)"),
        ("en", "(30,000 characters long)"),
    ] {
        let mut args = os(&["--db"]);
        args.push(p(&fresh));
        args.extend(os(&["--campaign"]));
        args.push(p(&file));
        args.extend(os(&["path"]));
        let out = run(c.dir.path(), lang, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{lang}: {stderr}");
        assert!(stderr.contains(said), "{lang}: {stderr}");
        assert!(stderr.len() < 2_000, "{lang}: {} bytes", stderr.len());
    }
}

#[test]
fn a_million_columns_are_refused_quickly_in_few_words() {
    let c = Cases::new();
    let header: Vec<String> = (0..1_000_000).map(|i| format!("c{i}")).collect();
    let file = c.file("wide.csv", &format!("{}\nx\n", header.join(",")));
    for (lang, said) in [("vi", "1.000.000 cột"), ("en", "1,000,000 columns")] {
        let started = Instant::now();
        let out = run(
            c.dir.path(),
            lang,
            &os_with(
                &[
                    "--now",
                    NOW,
                    "--db",
                    c.db.to_str().expect("utf-8"),
                    "import",
                    "units",
                ],
                &file,
                &["--dry-run"],
            ),
        );
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(2), "{lang}: {out:?}");
        let printed = out.stdout.len() + out.stderr.len();
        assert!(printed < 10_000, "{lang}: printed {printed} bytes");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(said),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        // A debug build on a busy machine; it used to print 18 MB.
        assert!(took < Duration::from_secs(20), "{lang}: took {took:?}");
    }
}
