//! End to end: the real binary in a real terminal. tmux plays the terminal (it answers the
//! queries crossterm sends, which a bare pty does not), keys go in with `send-keys`, and the
//! screen comes back with `capture-pane`.
//!
//! Each run of the app sits inside a small shell wrapper that, once the app has exited, prints
//! its exit status and `stty -a`, so a test can check that the terminal was given back in a
//! usable state (canonical mode, echo) and that the alternate screen was left.
//!
//! Each test has its own tmux server (`tmux -L <unique>`), so the tests run in parallel and never
//! touch the user's tmux; the server is killed when the test ends, pass or fail. Nothing sleeps
//! for a fixed time to let the app catch up: tests poll the screen until what they expect shows
//! up, and fail with the last screen after 10 seconds. The tests fail, not skip, without tmux.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_xungkich");
/// Friday, the day before the volunteer Saturday: every column has a known state.
const NOW: &str = "2022-05-06T09:00";
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
/// Printed by the wrapper after the exit status and `stty -a`.
const DONE: &str = "E2E-WRAPPER-DONE";
/// The prompt of the interactive shell the suspension tests start the app from.
const SHELL_PROMPT: &str = "E2E-SHELL$ ";
/// Text that only the app draws; none of it may be left on the normal screen after it exits.
const APP_MARKERS: &[&str] = &[
    "xungkich │",
    "gõ / để lọc",
    "Cửa sổ quá nhỏ",
    "Liên hệ —",
    "giờ cố định",
];

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// One tmux server with one session, whose only pane runs the app inside the wrapper.
struct Tmux {
    socket: String,
    /// The server's socket file, removed with the server (tmux leaves it behind).
    socket_path: Option<PathBuf>,
    /// The wrapper shell: the pane's process.
    shell: Option<u32>,
}

/// What the wrapper reported once the app was gone.
struct Exit {
    code: i32,
    stty: Vec<String>,
    /// The whole pane, scrollback included, once the app has exited.
    screen: String,
}

/// How to start the app: its arguments after the binary, and extra environment.
struct Launch {
    args: Vec<String>,
    env: Vec<(String, String)>,
    /// The umask the app starts under (the wrapper's own otherwise).
    umask: Option<&'static str>,
}

impl Launch {
    /// The app on `db` with the fixed clock, in Vietnamese.
    fn fixed(db: &Path) -> Launch {
        Launch::new(db).args(&["--now", NOW, "--lang", "vi"])
    }

    /// The app on `db` with the real clock and no language chosen.
    fn new(db: &Path) -> Launch {
        Launch {
            args: vec!["--db".into(), db.to_str().expect("utf-8 temp path").into()],
            env: Vec::new(),
            umask: None,
        }
    }

    fn umask(mut self, mask: &'static str) -> Launch {
        self.umask = Some(mask);
        self
    }

    fn args(mut self, args: &[&str]) -> Launch {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    fn env(mut self, key: &str, value: &str) -> Launch {
        self.env.push((key.into(), value.into()));
        self
    }

    fn script(&self) -> String {
        let cmd = self.command();
        let umask = self
            .umask
            .map_or_else(String::new, |m| format!("umask {m}; "));
        format!("{umask}{cmd}; echo \"EXIT=$?\"; stty -a; echo {DONE}; exec sleep 600")
    }

    /// The app's command line alone.
    fn command(&self) -> String {
        // `env` execs the app, so the shell's only child is the app itself. Variables the app
        // reads are cleared so that the developer's own settings cannot change what it shows.
        let mut cmd = String::from(
            "env -u XUNGKICH_DB -u XUNGKICH_NOW -u XUNGKICH_LANG -u XUNGKICH_TEST_PANIC_KEY",
        );
        for (k, v) in &self.env {
            cmd.push(' ');
            cmd.push_str(&quote(&format!("{k}={v}")));
        }
        cmd.push(' ');
        cmd.push_str(&quote(BIN));
        for a in &self.args {
            cmd.push(' ');
            cmd.push_str(&quote(a));
        }
        cmd
    }
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

static SERVERS: AtomicUsize = AtomicUsize::new(0);

fn tmux_installed() {
    if let Err(e) = Command::new("tmux").arg("-V").output() {
        panic!(
            "tmux is needed for the end-to-end tests and could not be run ({e}). \
             Install it (apt-get install tmux) — these tests fail rather than skip without it."
        );
    }
}

impl Tmux {
    /// Starts the app in a `width`×`height` terminal and waits for its first screen.
    fn start(width: u16, height: u16, launch: &Launch) -> Tmux {
        let t = Tmux::open(width, height, &["sh", "-c", &launch.script()]);
        // The app draws only once its terminal is set up: keys sent earlier could be echoed.
        t.wait_until("the app's first screen", |s| !s.trim().is_empty());
        t
    }

    /// Starts the app from an interactive shell with job control, as an officer does, so it
    /// can be suspended and brought back with `fg`. The shell is dash (`sh -i`): unlike bash
    /// it leaves the terminal modes as the app left them, so `stty` in the pane shows whether
    /// the app itself gave the terminal back. `exit_from_shell` reports as the wrapper does.
    fn start_in_shell(width: u16, height: u16, launch: &Launch) -> Tmux {
        let prompt = format!("PS1={SHELL_PROMPT}");
        let t = Tmux::open(width, height, &["env", &prompt, "sh", "-i"]);
        t.wait_for(SHELL_PROMPT.trim());
        t.send_literal(&launch.command());
        t.send(&["Enter"]);
        t.wait_for(APP_MARKERS[0]);
        t
    }

    fn open(width: u16, height: u16, program: &[&str]) -> Tmux {
        tmux_installed();
        let socket = format!(
            "xk-e2e-{}-{}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::Relaxed)
        );
        let mut t = Tmux {
            socket,
            socket_path: None,
            shell: None,
        };
        let (w, h) = (width.to_string(), height.to_string());
        t.run(
            &["new-session", "-d", "-s", "e2e", "-x", &w, "-y", &h]
                .into_iter()
                .chain(program.iter().copied())
                .collect::<Vec<_>>(),
        );
        t.socket_path = Some(PathBuf::from(t.display("#{socket_path}")));
        t.shell = Some(t.display("#{pane_pid}").parse().expect("pane pid"));
        t
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        // -u: UTF-8 whatever the locale; -f /dev/null: none of the user's configuration.
        c.args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .env_remove("TMUX");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.tmux().args(args).output().expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Named keys, as tmux spells them: "Space", "BSpace", "Right", "C-s", "q".
    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Text typed as is, including non-ASCII and spaces.
    fn send_literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", "e2e", "-x", &w, "-y", &h]);
    }

    /// The visible screen.
    fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The visible screen and everything scrolled off it, wrapped lines joined.
    fn history(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-J", "-S", "-", "-t", "e2e"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn poll(&self, what: &str, capture: impl Fn() -> String, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = capture();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "waited {TIMEOUT:?} for {what}; last screen:\n{}\n{}\n{}",
                    "-".repeat(40),
                    screen,
                    "-".repeat(40)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Polls the screen until `ok` holds, and returns that screen.
    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.poll(what, || self.screen(), ok)
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go away"), |s| !s.contains(text))
    }

    /// The wrapper shell's pid.
    fn pane_pid(&self) -> u32 {
        self.shell.expect("the pane's pid")
    }

    fn display(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The app's pid: the wrapper's child once it has become `xungkich`.
    fn app_pid(&self) -> u32 {
        let shell = self.pane_pid();
        let start = Instant::now();
        loop {
            if let Some(pid) = children(shell)
                .into_iter()
                .find(|p| comm(*p).as_deref() == Some("xungkich"))
            {
                return pid;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "no xungkich process under the pane's shell {shell}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        }
    }

    /// After the app started by `start_in_shell` has exited: the shell reports what the
    /// wrapper would. The typed line spells the markers split, so only the output matches.
    fn exit_from_shell(&self, pid: u32) -> Exit {
        self.poll(
            "the app to exit",
            || self.screen(),
            |_| !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        );
        // Typed before the prompt, the line would be echoed in front of the EXIT= it prints.
        self.wait_until("the shell's prompt", |s| {
            s.lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map(str::trim)
                == Some(SHELL_PROMPT.trim())
        });
        self.send_literal("echo \"EXIT\"\"=$?\"; stty -a; echo E2E-WRAPPER-''DONE");
        self.send(&["Enter"]);
        self.exit()
    }

    /// `stty -a` typed at the shell's prompt, its words; fails if the line is never run (a
    /// raw terminal takes Enter as a character, not as the end of a line).
    fn stty_in_pane(&self) -> Vec<String> {
        let n = SERVERS.fetch_add(1, Ordering::Relaxed);
        self.send_literal(&format!("stty -a; echo E2E-STTY-''{n}"));
        self.send(&["Enter"]);
        let end = format!("E2E-STTY-{n}");
        let typed = format!("E2E-STTY-''{n}");
        let history = self.poll(
            "stty -a to run in the pane",
            || self.history(),
            |s| s.lines().any(|l| l.trim() == end),
        );
        let after_typed = history.split_once(&typed).map(|(_, r)| r).unwrap_or("");
        let output = after_typed.split_once(&end).map(|(o, _)| o).unwrap_or("");
        output
            .split(|c: char| c.is_whitespace() || c == ';')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Waits until the pane is back on the normal screen with the cursor showing: what the
    /// shell needs after the app has stopped or exited.
    fn wait_normal_screen(&self, what: &str) -> String {
        self.poll(
            what,
            || {
                format!(
                    "alternate_on={} cursor_flag={}\n{}",
                    self.display("#{alternate_on}"),
                    self.display("#{cursor_flag}"),
                    self.screen()
                )
            },
            |s| s.starts_with("alternate_on=0 cursor_flag=1"),
        )
    }

    /// Waits for the app's own screen to be up again: the alternate screen, the header drawn.
    /// (The cursor may show: a form puts it in the field being typed.)
    fn wait_app_screen(&self, what: &str) -> String {
        self.poll(
            what,
            || {
                format!(
                    "alternate_on={}\n{}",
                    self.display("#{alternate_on}"),
                    self.screen()
                )
            },
            |s| s.starts_with("alternate_on=1") && s.contains(APP_MARKERS[0]),
        )
    }

    /// Waits for the app to exit and the wrapper to report.
    fn exit(&self) -> Exit {
        let screen = self.poll(
            "the app to exit and the wrapper to report",
            || self.history(),
            |s| s.contains(DONE),
        );
        let code = screen
            .lines()
            .find_map(|l| l.trim().strip_prefix("EXIT="))
            .and_then(|c| c.trim().parse().ok())
            .unwrap_or_else(|| panic!("no EXIT= line in:\n{screen}"));
        let stty_text = screen
            .split_once("EXIT=")
            .and_then(|(_, rest)| rest.split_once(DONE))
            .map(|(stty, _)| stty.to_string())
            .unwrap_or_default();
        let stty = stty_text
            .split(|c: char| c.is_whitespace() || c == ';')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        Exit { code, stty, screen }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Killing the server hangs up the pane's terminal. An app still running under the
        // wrapper gets no SIGHUP then (only the session leader does) and would spin on the
        // dead terminal (crossterm#793), so whatever runs under the pane goes first.
        if let Some(shell) = self.shell {
            kill_all("KILL", &descendants(shell));
        }
        let _ = self.tmux().arg("kill-server").output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Exit {
    /// The terminal is usable again: line editing and echo are back, and the app's screen is
    /// gone (it drew only on the alternate screen, which it left).
    fn assert_restored(&self) {
        let has = |w: &str| self.stty.iter().any(|t| t == w);
        assert!(
            has("icanon") && !has("-icanon"),
            "canonical mode not restored:\n{}",
            self.screen
        );
        assert!(
            has("echo") && !has("-echo"),
            "echo not restored:\n{}",
            self.screen
        );
        for marker in APP_MARKERS {
            assert!(
                !self.screen.contains(marker),
                "{marker:?} is still on the normal screen after exit:\n{}",
                self.screen
            );
        }
    }
}

fn children(parent: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| stat_fields(*pid).and_then(|f| f.get(1)?.parse().ok()) == Some(parent))
        .collect()
}

fn descendants(pid: u32) -> Vec<u32> {
    let mut all = Vec::new();
    let mut next = vec![pid];
    while let Some(p) = next.pop() {
        let kids = children(p);
        next.extend(&kids);
        all.extend(kids);
    }
    all
}

fn kill_all(signal: &str, pids: &[u32]) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{signal}"))
        .args(pids.iter().map(u32::to_string))
        .output();
}

fn comm(pid: u32) -> Option<String> {
    let c = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
    Some(c.trim().to_string())
}

/// /proc/<pid>/stat after the command name: [0] is the state (field 3), [1] the parent pid,
/// [11] utime and [12] stime (fields 14 and 15).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(')')?;
    Some(rest.split_whitespace().map(str::to_string).collect())
}

fn running(pid: u32) -> bool {
    stat_fields(pid).is_some_and(|f| f.first().is_some_and(|s| s != "Z" && s != "X"))
}

/// utime + stime, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let f = stat_fields(pid).unwrap_or_else(|| panic!("no /proc/{pid}/stat"));
    f[11].parse::<u64>().expect("utime") + f[12].parse::<u64>().expect("stime")
}

fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100)
}

fn temp_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("temp dir");
    let db = dir.path().join("x.db");
    (dir, db)
}

/// The text in `column` of the table row starting with `row`: the column starts where its
/// header does and is 11 cells wide. Every character on these lines is one cell wide.
fn cell(screen: &str, row: &str, column: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let header = lines
        .iter()
        .find(|l| l.starts_with("Đơn vị") && l.contains(column))?;
    let byte = header.find(column)?;
    let at = header[..byte].chars().count();
    let line = lines.iter().find(|l| l.starts_with(row))?;
    let text: String = line.chars().skip(at).take(11).collect();
    Some(text.trim().to_string())
}

fn thi_dua_of_hiep_tan(screen: &str) -> String {
    cell(screen, "UBND phường Hiệp Tân", "Thi đua").unwrap_or_default()
}

/// Starts on the units tab (tab 2) with its full list showing.
fn open_units(t: &Tmux) {
    t.wait_for("1 Tổng quan");
    t.send(&["2"]);
    t.wait_for("37 / 37 đơn vị");
}

fn quit_cleanly(t: &Tmux) -> Exit {
    t.send(&["q"]);
    let exit = t.exit();
    assert_eq!(exit.code, 0, "q should exit 0:\n{}", exit.screen);
    exit.assert_restored();
    exit
}

/// A Vietnamese string, as the app will show it.
fn vi(key: &str) -> String {
    string_in(xungkich::i18n::Lang::Vi, key)
}

/// An English string, as the app will show it.
fn en(key: &str) -> String {
    string_in(xungkich::i18n::Lang::En, key)
}

fn string_in(lang: xungkich::i18n::Lang, key: &str) -> String {
    xungkich::i18n::strings(lang)
        .entries()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| panic!("no string {key} in {lang:?}"))
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/// The issue's acceptance path: tick a manual requirement, quit, find it again after a restart,
/// undo it, and find it still undone after another restart.
#[test]
fn tick_survives_restart_and_undo_survives_restart() {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        t.send(&["Right", "Right", "Right"]);
        t.wait_for("▸ Thi đua");
        t.send(&["Space"]);
        let s = t.wait_for("Đã lưu");
        assert!(
            s.contains("UBND phường Hiệp Tân — Thi đua xong"),
            "status names the unit and requirement:\n{s}"
        );
        t.wait_until("the tick in the table", |s| {
            thi_dua_of_hiep_tan(s).starts_with('✔')
        });
        quit_cleanly(&t);
    }
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        t.wait_until("the tick after the restart", |s| {
            let c = thi_dua_of_hiep_tan(s);
            c.starts_with('✔') || c.starts_with('✘')
        });
        t.send(&["u"]);
        t.wait_for("Đã hoàn tác");
        t.wait_until("the tick to be gone after undo", |s| {
            thi_dua_of_hiep_tan(s) == "· chưa"
        });
        quit_cleanly(&t);
    }
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        t.wait_until("no tick after the second restart", |s| {
            thi_dua_of_hiep_tan(s) == "· chưa"
        });
        quit_cleanly(&t);
    }
}

/// A tick made under `--lang vi` is undone after a restart under `--lang en`, and the undo
/// message is English: the log keeps what the change did, not the Vietnamese sentence. Ctrl-R
/// then makes it again.
#[test]
fn undo_after_a_restart_in_english_speaks_english() {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        t.send(&["Right", "Right", "Right"]);
        t.wait_for("▸ Thi đua");
        t.send(&["Space"]);
        t.wait_for("Đã lưu");
        quit_cleanly(&t);
    }
    let t = Tmux::start(
        120,
        40,
        &Launch::new(&db).args(&["--now", NOW, "--lang", "en"]),
    );
    t.wait_for("1 Overview");
    t.send(&["u"]);
    t.wait_for("Undone: Tick \"Thi đua\" for UBND phường Hiệp Tân — now not ticked.");
    // Ctrl-R as a real terminal sends it (0x12) takes the undo back.
    t.send(&["C-r"]);
    t.wait_for("Redone: Tick \"Thi đua\" for UBND phường Hiệp Tân.");
    quit_cleanly(&t);
}

/// A signal while a form is open: the app restores the terminal and exits.
fn signal_with_form_open(signal: &str, number: i32) {
    let (_dir, db) = temp_db();
    let t = Tmux::start(120, 40, &Launch::fixed(&db));
    open_units(&t);
    t.send(&["e"]);
    t.wait_for("Liên hệ — UBND phường Hiệp Tân");
    t.send_literal("Nguyễn");
    t.wait_for("Nguyễn");
    let pid = t.app_pid();
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{signal} {pid}");
    let exit = t.exit();
    // As a shell reports a process ended by a signal, so scripts can tell it from `q`.
    assert!(
        exit.code == 128 + number,
        "SIG{signal}: exit code {}:\n{}",
        exit.code,
        exit.screen
    );
    exit.assert_restored();
}

#[test]
fn sigterm_with_form_open_restores_terminal() {
    signal_with_form_open("TERM", 15);
}

#[test]
fn sighup_with_form_open_restores_terminal() {
    signal_with_form_open("HUP", 1);
}

#[test]
fn sigint_with_form_open_restores_terminal() {
    signal_with_form_open("INT", 2);
}

/// SIGQUIT's default would dump core on the alternate screen with the terminal raw.
#[test]
fn sigquit_with_form_open_restores_terminal() {
    signal_with_form_open("QUIT", 3);
}

/// Suspends the app (a key sent with `send-keys`, or a signal sent with `kill`) while a form
/// holds unsaved typing, checks the shell got a usable terminal, brings the app back with `fg`
/// and checks it redrew and takes keys at once, the typing still there.
fn suspend_and_resume(suspend: impl Fn(&Tmux)) {
    let (_dir, db) = temp_db();
    let t = Tmux::start_in_shell(120, 40, &Launch::fixed(&db));
    open_units(&t);
    t.send(&["e"]);
    t.wait_for("Liên hệ — UBND phường Hiệp Tân");
    t.send_literal("Nguyễn");
    t.wait_for("Nguyễn");
    let pid = t.app_pid();
    suspend(&t);
    let screen = t.wait_normal_screen("the shell's screen after suspending");
    // Stopped, not ended: the shell has the job.
    let state = stat_fields(pid).map(|f| f[0].clone());
    assert_eq!(
        state.as_deref(),
        Some("T"),
        "the app should be stopped:\n{screen}"
    );
    t.wait_for(SHELL_PROMPT.trim());
    let stty = t.stty_in_pane();
    let has = |w: &str| stty.iter().any(|t| t == w);
    assert!(
        has("icanon") && !has("-icanon") && has("echo") && !has("-echo"),
        "the shell got a raw terminal: {stty:?}"
    );
    t.send_literal("fg");
    t.send(&["Enter"]);
    // The alternate screen comes back empty: what shows was drawn after `fg`.
    t.wait_app_screen("the app's screen after fg");
    // Still in the form, still unsaved.
    t.wait_for("Người liên hệ  Nguyễn");
    // A key works without Enter: the terminal is raw again.
    t.send_literal("x");
    t.wait_for("Nguyễnx");
    t.send(&["Escape"]);
    t.wait_for("Bỏ các thay đổi chưa lưu?");
    t.send(&["y"]);
    t.wait_gone("Liên hệ —");
    t.send(&["3"]);
    t.wait_for("0 / 0 sáng kiến");
    t.send(&["q"]);
    let exit = t.exit_from_shell(pid);
    assert_eq!(exit.code, 0, "q should exit 0:\n{}", exit.screen);
    exit.assert_restored();
}

#[test]
fn sigtstp_suspends_and_fg_resumes() {
    suspend_and_resume(|t| {
        let pid = t.app_pid();
        let status = Command::new("kill")
            .args(["-TSTP", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TSTP {pid}");
    });
}

/// In raw mode Ctrl-Z is a key, not a signal: the keymap's Suspend does what SIGTSTP does.
#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    suspend_and_resume(|t| t.send(&["C-z"]));
}

#[test]
fn panic_restores_terminal_and_shows_message() {
    let (dir, db) = temp_db();
    let launch = Launch::fixed(&db).env("XUNGKICH_TEST_PANIC_KEY", "Z");
    let t = Tmux::start(120, 40, &launch);
    open_units(&t);
    t.send(&["Z"]);
    let exit = t.exit();
    assert_ne!(exit.code, 0, "a panic must not exit 0:\n{}", exit.screen);
    assert!(
        exit.screen.contains("deliberate panic"),
        "the panic message should be on the normal screen:\n{}",
        exit.screen
    );
    exit.assert_restored();
    let log = dir.path().join("xungkich-panic.log");
    let text = std::fs::read_to_string(&log).expect("a panic log in the data folder");
    assert!(text.contains("deliberate panic"), "{text}");
    assert!(
        text.contains("src/tui.rs"),
        "the location is logged: {text}"
    );
    assert!(
        exit.screen.contains("xungkich-panic.log"),
        "the screen says where: {}",
        exit.screen
    );
}

fn file_mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .permissions()
        .mode()
        & 0o7777
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    v.sort();
    v
}

/// Issue 12 items 6 and 7 in the app: R and x pressed twice within the same minute (the
/// clock is fixed) write two files each, never one over the other; under umask 000 the store,
/// its -wal/-shm while the app runs, the daily copy, briefings, exports and the panic log are
/// 0600 and the folders the app makes 0700.
#[test]
fn r_and_x_twice_keep_both_files_and_everything_is_private_under_umask_000() {
    let (dir, db) = temp_db();
    let data = dir.path().join("data");
    let db = data.join(db.file_name().expect("name"));
    let launch = Launch::fixed(&db)
        .umask("000")
        .env("XUNGKICH_TEST_PANIC_KEY", "Z");
    let t = Tmux::start(120, 40, &launch);
    t.wait_for("1 Tổng quan");
    for _ in 0..2 {
        t.send(&["R", "m"]);
        t.wait_for("Đã ghi bản tin");
        t.send(&["x"]);
        t.wait_for("Đã xuất bảng tính");
    }
    let name = db.file_name().expect("name").to_string_lossy().into_owned();
    for side in ["-wal", "-shm"] {
        let p = db.with_file_name(format!("{name}{side}"));
        assert_eq!(file_mode(&p), 0o600, "{} while the app runs", p.display());
    }
    let reports = files_in(&data.join("reports"));
    let exports = files_in(&data.join("exports"));
    let stamp = "20220506-0900";
    assert_eq!(
        reports,
        [
            data.join(format!("reports/briefing-{stamp}-2.md")),
            data.join(format!("reports/briefing-{stamp}.md")),
        ]
    );
    assert_eq!(
        exports,
        [
            data.join(format!("exports/xungkich-{stamp}-2.xlsx")),
            data.join(format!("exports/xungkich-{stamp}.xlsx")),
        ]
    );
    let backups = files_in(&data.join("backups"));
    assert_eq!(backups.len(), 1, "{backups:?}");
    t.send(&["Z"]);
    let exit = t.exit();
    exit.assert_restored();
    let log = data.join("xungkich-panic.log");
    for f in reports
        .iter()
        .chain(&exports)
        .chain(&backups)
        .chain([&db, &log])
    {
        assert_eq!(file_mode(f), 0o600, "{}", f.display());
    }
    for d in ["", "reports", "exports", "backups"] {
        let p = data.join(d);
        assert_eq!(file_mode(&p), 0o700, "{}", p.display());
    }
}

#[test]
fn too_small_terminal_then_back() {
    let (_dir, db) = temp_db();
    let t = Tmux::start(80, 24, &Launch::fixed(&db));
    t.wait_for("1 Tổng quan");
    let pid = t.app_pid();
    t.resize(40, 10);
    let s = t.wait_for("Cửa sổ quá nhỏ");
    assert!(s.contains("40×10"), "says what it has:\n{s}");
    assert!(running(pid), "the app died when made small:\n{s}");
    assert!(!s.contains("EXIT="), "the app exited when made small:\n{s}");
    t.resize(80, 24);
    t.wait_until("the tabs to come back", |s| {
        s.contains("1 Tổng quan") && s.contains("2 Đơn vị") && !s.contains("Cửa sổ quá nhỏ")
    });
    quit_cleanly(&t);
}

#[test]
fn tiny_terminals_from_the_start() {
    let (_dir, db) = temp_db();
    let t = Tmux::start(20, 5, &Launch::fixed(&db));
    t.wait_for("Cửa sổ quá nhỏ");
    assert!(running(t.app_pid()));
    quit_cleanly(&t);
    drop(t);

    // One cell: nothing readable fits, but the app must neither crash nor leave a mess.
    let t = Tmux::start(1, 1, &Launch::fixed(&db));
    assert!(running(t.app_pid()), "screen:\n{}", t.screen());
    quit_cleanly(&t);
}

#[test]
fn filter_accepts_vietnamese_as_input_methods_type_it() {
    let (_dir, db) = temp_db();
    // Wide enough that no unit name is cut short.
    let t = Tmux::start(160, 40, &Launch::fixed(&db));
    open_units(&t);
    t.send(&["/"]);
    t.wait_for("Lọc: ");
    // Telex as an IME sends it: a letter, then a backspace and the accented letter.
    t.send(&["t", "a", "BSpace"]);
    t.send_literal("â");
    t.send(&["n", "Space", "q", "u", "y", "BSpace"]);
    t.send_literal("ý");
    let s = t.wait_until("the filter \"tân quý\" with one unit", |s| {
        s.contains("Lọc: tân quý  ·") && s.contains("1 / 37 đơn vị")
    });
    assert!(s.contains("UBND phường Tân Quý"), "{s}");
    assert!(!s.contains("UBND phường Tân Thành"), "{s}");

    // Ctrl+H is backspace too (terminals and some input methods send it).
    t.send(&["C-h"]);
    t.wait_for("Lọc: tân qu  ·");
    t.send(&["Escape"]);
    t.wait_until("the filter cleared", |s| {
        s.contains("37 / 37 đơn vị") && s.contains("gõ / để lọc")
    });

    // Without diacritics.
    t.send(&["/"]);
    t.wait_for("Lọc: ");
    t.send_literal("dat dai");
    let s = t.wait_until("units matching \"dat dai\"", |s| {
        s.contains("Lọc: dat dai  ·") && s.contains("2 / 37 đơn vị")
    });
    assert!(
        s.contains("Chi nhánh Văn phòng Đăng ký đất đai quận"),
        "{s}"
    );
    assert!(s.contains("Chi đoàn Chi nhánh VP Đăng ký đất đai"), "{s}");
    t.send(&["Escape"]);
    t.wait_for("37 / 37 đơn vị");

    // Decomposed: the circumflex as a combining mark after its vowel becomes one letter.
    t.send(&["/"]);
    t.wait_for("Lọc: ");
    t.send_literal("Ta\u{302}n");
    let s = t.wait_for("Lọc: Tân  ·");
    assert!(!s.contains('\u{302}'), "the combining mark was kept:\n{s}");
    assert!(s.contains("UBND phường Tân Quý"), "{s}");
    t.send(&["Escape"]);
    t.wait_for("37 / 37 đơn vị");
    quit_cleanly(&t);
}

#[test]
fn contact_form_validates_saves_and_confirms_discard() {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        t.send(&["e"]);
        t.wait_for("Liên hệ — UBND phường Hiệp Tân");
        t.send_literal("Nguyễn Văn Á");
        t.wait_for("Nguyễn Văn Á");
        t.send(&["Tab"]);
        t.send_literal("0703-652");
        t.wait_for("0703-652");
        // Leaving the field shows its error inline.
        t.send(&["Tab"]);
        t.wait_until("an inline error naming the \"-\"", |s| {
            s.lines().any(|l| l.contains('✖') && l.contains("\"-\""))
        });
        // Saving is refused, and says so.
        t.send(&["C-s"]);
        let s = t.wait_for("Chưa lưu: sửa 1 lỗi");
        assert!(!s.contains("Đã lưu"), "{s}");
        // Save put the cursor back on the phone; clear it and type a good number.
        t.send(&["BSpace"; 8]);
        t.wait_gone("0703-652");
        t.send_literal("0703.652.444");
        t.wait_for("0703.652.444");
        t.send(&["C-s"]);
        t.wait_for("Đã lưu");
        t.wait_until("the contact in the detail pane", |s| {
            s.contains("Người liên hệ: Nguyễn Văn Á")
                && s.contains("Điện thoại: 0703.652.444")
                && !s.contains("Liên hệ — UBND")
        });
        quit_cleanly(&t);
    }
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        t.wait_until("the contact after a restart", |s| {
            s.contains("Người liên hệ: Nguyễn Văn Á") && s.contains("Điện thoại: 0703.652.444")
        });

        // Esc after a change asks first; n goes back to the form with the change kept.
        t.send(&["e"]);
        t.wait_for("Liên hệ — UBND phường Hiệp Tân");
        t.send_literal(" Thị");
        t.wait_for("Nguyễn Văn Á Thị");
        t.send(&["Escape"]);
        t.wait_for("Bỏ các thay đổi chưa lưu?");
        t.send(&["n"]);
        t.wait_until("the form again", |s| {
            !s.contains("Bỏ các thay đổi chưa lưu?") && s.contains("Nguyễn Văn Á Thị")
        });
        // Esc, y: the change is gone and nothing was saved.
        t.send(&["Escape"]);
        t.wait_for("Bỏ các thay đổi chưa lưu?");
        t.send(&["y"]);
        let s = t.wait_until("the form closed", |s| {
            !s.contains("Liên hệ — UBND") && !s.contains("Bỏ các thay đổi")
        });
        assert!(!s.contains("Á Thị"), "{s}");
        assert!(s.contains("Người liên hệ: Nguyễn Văn Á"), "{s}");

        // Esc on an unchanged form just closes it.
        t.send(&["e"]);
        t.wait_for("Liên hệ — UBND phường Hiệp Tân");
        t.send(&["Escape"]);
        let s = t.wait_gone("Liên hệ — UBND");
        assert!(!s.contains("Bỏ các thay đổi"), "{s}");
        quit_cleanly(&t);
    }
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        open_units(&t);
        let s = t.wait_until("the saved contact, unchanged by the discard", |s| {
            s.contains("Người liên hệ: Nguyễn Văn Á") && s.contains("Điện thoại: 0703.652.444")
        });
        assert!(!s.contains("Á Thị"), "{s}");
        quit_cleanly(&t);
    }
}

/// `?` on the units tab lists the keys from the keymap with their help texts, and Esc closes
/// it. The texts come from the strings file of the language, so a translation in progress
/// does not break the test.
fn help_overlay(lang: &str, text: fn(&str) -> String) {
    let words = xungkich::i18n::strings(if lang == "en" {
        xungkich::i18n::Lang::En
    } else {
        xungkich::i18n::Lang::Vi
    });
    let title = words.help_title(text("tab_units"));
    let toggle = text("k_toggle");
    let undo = text("k_undo");
    let (_dir, db) = temp_db();
    let t = Tmux::start(
        120,
        40,
        &Launch::new(&db).args(&["--now", NOW, "--lang", lang]),
    );
    t.wait_for("xungkich │");
    t.send(&["2"]);
    t.wait_for(&format!("2 {} ", text("tab_units")));
    t.send(&["?"]);
    // The footer also shows "Space" and the short word for it: look for the overlay's own lines.
    let s = t.wait_until("the help overlay", |s| {
        s.contains(&title)
            && s.contains(&undo)
            && s.lines()
                .any(|l| l.contains("Space") && l.contains(&toggle))
    });
    assert!(s.contains(&text("help_section_global")), "{s}");
    t.send(&["Escape"]);
    t.wait_until("the overlay closed", |s| {
        !s.contains(&title) && !s.contains(&undo)
    });
    quit_cleanly(&t);
}

#[test]
fn help_overlay_in_vietnamese() {
    assert!(vi("k_toggle").contains("đánh dấu"), "{}", vi("k_toggle"));
    assert!(vi("k_undo").contains("hoàn tác"), "{}", vi("k_undo"));
    help_overlay("vi", vi);
}

#[test]
fn help_overlay_in_english() {
    help_overlay("en", en);
}

/// When the terminal goes away and the app gets no SIGHUP (it runs under a shell that does not
/// pass the hangup on, as here), it should notice the dead terminal and exit.
#[test]
fn app_exits_when_its_terminal_vanishes() {
    let (_dir, db) = temp_db();
    let t = Tmux::start(120, 40, &Launch::fixed(&db));
    t.wait_for("1 Tổng quan");
    let pid = t.app_pid();
    let _ = t.tmux().arg("kill-server").output();
    let start = Instant::now();
    while running(pid) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(POLL);
    }
    let alive = running(pid);
    let ticks = if alive { cpu_ticks(pid) } else { 0 };
    kill_all("KILL", &[pid]);
    assert!(
        !alive,
        "the app outlived its terminal by 5 s ({ticks} ticks of CPU so far)"
    );
}

/// Idle, the app redraws once a second for the clock and otherwise sleeps in poll(): it must
/// not spin. CPU time (not wall time) is measured, so a busy machine does not make it fail.
#[test]
fn idle_app_uses_almost_no_cpu() {
    let (_dir, db) = temp_db();
    let t = Tmux::start(120, 40, &Launch::new(&db).args(&["--lang", "vi"]));
    t.wait_for("1 Tổng quan");
    let pid = t.app_pid();
    std::thread::sleep(Duration::from_secs(1));
    let before = cpu_ticks(pid);
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs(5));
    let used = cpu_ticks(pid) - before;
    let wall = start.elapsed();
    let seconds = used as f64 / clock_ticks_per_second() as f64;
    assert!(running(pid), "the app stopped while idle:\n{}", t.screen());
    assert!(
        seconds < 0.25,
        "idle app used {seconds:.2} s of CPU in {wall:?}:\n{}",
        t.screen()
    );
    quit_cleanly(&t);
}

/// Below the minimum size nothing is visible, so keys must not change anything unseen; quitting
/// still works.
#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let (_dir, db) = temp_db();
    let t = Tmux::start(80, 24, &Launch::fixed(&db));
    open_units(&t);
    t.resize(40, 10);
    t.wait_for("Cửa sổ quá nhỏ");
    t.send(&["Right", "Right", "Right", "Space", "u"]);
    std::thread::sleep(Duration::from_millis(300));
    t.resize(120, 40);
    // The whole 120×40 frame: the detail pane's list of requirements is drawn last.
    let s = t.wait_until("the units screen at 120×40", |s| {
        s.contains("37 / 37 đơn vị") && s.contains("Yêu cầu và hạn chót") && s.contains("Thi đua:")
    });
    assert!(!s.contains("Đã lưu"), "a key acted while hidden:\n{s}");
    assert!(
        s.contains("▸ Sáng kiến"),
        "the column moved while hidden:\n{s}"
    );
    assert_eq!(thi_dua_of_hiep_tan(&s), "· chưa", "{s}");
    t.resize(40, 10);
    t.wait_for("Cửa sổ quá nhỏ");
    quit_cleanly(&t);
}

/// Two instances on one store: both write, and each shows the other's change within a second
/// or so (the loop looks at PRAGMA data_version once a second).
#[test]
fn two_instances_see_each_others_changes() {
    let (_dir, db) = temp_db();
    let a = Tmux::start(120, 40, &Launch::fixed(&db));
    open_units(&a);
    let b = Tmux::start(120, 40, &Launch::fixed(&db));
    open_units(&b);
    a.send(&["Right", "Right", "Right"]);
    a.wait_for("▸ Thi đua");
    a.send(&["Space"]);
    a.wait_for("Đã lưu");
    let s = b.wait_until("instance B showing A's tick", |s| {
        thi_dua_of_hiep_tan(s).starts_with('✔')
    });
    assert!(!s.contains("database is locked"), "{s}");
    // B undoes A's tick; A follows.
    b.send(&["u"]);
    b.wait_for("Đã hoàn tác");
    a.wait_until("instance A showing the undo", |s| {
        thi_dua_of_hiep_tan(s) == "· chưa"
    });
    quit_cleanly(&a);
    quit_cleanly(&b);
}

// ---------------------------------------------------------------------------------------------
// Tab 3: the initiative registry
// ---------------------------------------------------------------------------------------------

const INITIATIVE: &str = "Mã QR tra cứu hồ sơ";

/// Tân Quý's cell in the "Sáng kiến" column of tab 2.
fn sang_kien_of_tan_quy(screen: &str) -> String {
    cell(screen, "UBND phường Tân Quý", "Sáng kiến").unwrap_or_default()
}

fn open_registry(t: &Tmux) -> String {
    t.send(&["3"]);
    // The registry's bar ends with its count, "N / M sáng kiến" (tab 2 also says "sáng kiến"
    // in its detail pane, so the words alone do not tell the tabs apart).
    t.wait_until("the registry's count line", |s| {
        s.lines()
            .nth(2)
            .is_some_and(|l| l.trim_end().ends_with(" sáng kiến"))
    })
}

/// The issue's acceptance path for tab 3: add an initiative for Phường Tân Quý through the
/// form; tab 2 shows Tân Quý's "Sáng kiến" requirement done; quit; after a restart both tabs
/// still show it; then (with `undo`) `u` removes it and the requirement is pending again, also
/// after another restart.
fn initiative_scenario(width: u16, height: u16, undo: bool) {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(width, height, &Launch::fixed(&db));
        t.wait_for("1 Tổng quan");
        let s = open_registry(&t);
        assert!(s.contains("Chưa có sáng kiến nào"), "{s}");
        assert!(s.contains("0 / 0 sáng kiến"), "{s}");
        t.send(&["a"]);
        let s = t.wait_for("Thêm sáng kiến");
        assert!(s.contains("06/05/2022"), "registered today per --now:\n{s}");
        // The form opens on the title (the kind has a default).
        t.send_literal(INITIATIVE);
        t.wait_for(INITIATIVE);
        t.send(&["Tab"]);
        t.send_literal("tan quy");
        t.wait_until("the unit picker narrowed to Tân Quý", |s| {
            s.contains("UBND phường Tân Quý") && !s.contains("UBND phường Hiệp Tân")
        });
        t.send(&["Enter"]);
        t.wait_for("UBND phường Tân Quý ▾");
        t.send(&["C-s"]);
        let s = t.wait_until("the saved initiative in the list", |s| {
            // The status names the change "Thêm sáng kiến …" too: look for the form's frame.
            s.contains("Đã lưu") && s.contains("1 / 1 sáng kiến") && !s.contains("┌ Thêm sáng kiến")
        });
        assert!(s.contains(INITIATIVE), "{s}");
        assert!(s.contains("P. Tân Quý"), "{s}");
        t.send(&["2"]);
        t.wait_for("37 / 37 đơn vị");
        t.wait_until("Tân Quý's Sáng kiến done on tab 2", |s| {
            sang_kien_of_tan_quy(s) == "✔ 06/05"
        });
        quit_cleanly(&t);
    }
    {
        let t = Tmux::start(width, height, &Launch::fixed(&db));
        t.wait_for("1 Tổng quan");
        open_registry(&t);
        let s = t.wait_until("the initiative after a restart", |s| {
            s.contains("1 / 1 sáng kiến") && s.contains(INITIATIVE)
        });
        assert!(s.contains("P. Tân Quý"), "{s}");
        t.send(&["2"]);
        t.wait_for("37 / 37 đơn vị");
        t.wait_until("Tân Quý's Sáng kiến still done after a restart", |s| {
            sang_kien_of_tan_quy(s) == "✔ 06/05"
        });
        if undo {
            open_registry(&t);
            t.wait_for("1 / 1 sáng kiến");
            t.send(&["u"]);
            let s = t.wait_until("the initiative gone after undo", |s| {
                s.contains("Đã hoàn tác") && s.contains("0 / 0 sáng kiến")
            });
            assert!(s.contains("Chưa có sáng kiến nào"), "{s}");
            t.send(&["2"]);
            t.wait_for("37 / 37 đơn vị");
            t.wait_until("Tân Quý's Sáng kiến pending again", |s| {
                sang_kien_of_tan_quy(s) == "· chưa"
            });
        }
        quit_cleanly(&t);
    }
    if undo {
        let t = Tmux::start(width, height, &Launch::fixed(&db));
        t.wait_for("1 Tổng quan");
        t.send(&["2"]);
        t.wait_for("37 / 37 đơn vị");
        t.wait_until(
            "Tân Quý's Sáng kiến still pending after a restart",
            |s| sang_kien_of_tan_quy(s) == "· chưa",
        );
        let s = open_registry(&t);
        assert!(s.contains("0 / 0 sáng kiến"), "{s}");
        quit_cleanly(&t);
    }
}

#[test]
fn initiative_for_tan_quy_shows_on_tab_2_and_survives_restart() {
    initiative_scenario(120, 40, false);
}

#[test]
fn initiative_for_tan_quy_shows_on_tab_2_and_survives_restart_80x24() {
    initiative_scenario(80, 24, false);
}

#[test]
fn initiative_for_tan_quy_added_restarted_and_undone() {
    initiative_scenario(120, 40, true);
}

#[test]
fn initiative_for_tan_quy_added_restarted_and_undone_80x24() {
    initiative_scenario(80, 24, true);
}

// ---------------------------------------------------------------------------------------------
// Tab 4: the Saturday quick-entry grid
// ---------------------------------------------------------------------------------------------

/// The volunteer Saturday, two hours before the quick-report deadline (issue 4's `--now`).
const SATURDAY: &str = "2022-05-07T14:00";

fn launch_saturday(db: &Path) -> Launch {
    Launch::new(db).args(&["--now", SATURDAY, "--lang", "vi"])
}

/// From the first screen to tab 4 with the grid and its totals showing.
fn open_figures(t: &Tmux) -> String {
    t.wait_for("1 Tổng quan");
    t.send(&["4"]);
    t.wait_until("the figures grid", |s| {
        // The 19 wards and youth bases that owe the Saturday.
        s.contains("Tổng cộng") && s.contains("19 / 19 đơn vị")
    })
}

/// The text in the figures grid under the header `column` ("ĐV", "Dân", "Nhận"…) on the
/// row starting with `row`: from where the header starts to the next space.
fn figure_cell(screen: &str, row: &str, column: &str) -> Option<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let header = lines
        .iter()
        .find(|l| l.starts_with("Đơn vị") && l.contains("Nhận"))?;
    let at = header[..header.find(column)?].chars().count();
    let line = lines.iter().find(|l| l.starts_with(row))?;
    Some(
        line.chars()
            .skip(at)
            .take_while(|c| !c.is_whitespace())
            .collect(),
    )
}

/// Types a value into the selected cell, saves it with `key`, and waits until the status says
/// the cell is saved (which it says only after the commit).
fn save_figure(t: &Tmux, value: &str, key: &str, unit: &str, figure: &str) {
    t.send_literal(value);
    t.wait_for(&format!("{value}▏"));
    t.send(&[key]);
    t.wait_for(&format!("Đã lưu: {unit} — {figure}: {value}"));
}

/// The figures the durability scenario saves: (row, column header, value).
const SAVED_FIGURES: &[(&str, &str, &str)] = &[
    ("UBND phường Hiệp Tân", "ĐV", "12"),
    ("UBND phường Hiệp Tân", "Dân", "150"),
    ("UBND phường Hiệp Tân", "DN", "7"),
    ("UBND phường Hòa Thạnh", "ĐV", "8"),
    ("UBND phường Hòa Thạnh", "Dân", "95"),
    ("UBND phường Hòa Thạnh", "DN", "3"),
    ("UBND phường Hòa Thạnh", "Nhận", "40"),
    ("UBND phường Hòa Thạnh", "Xong", "38"),
    ("UBND phường Phú Thạnh", "ĐV", "21"),
    ("UBND phường Phú Thạnh", "T.tuyến", "3"),
];

/// The issue's durability test: figures for three units typed in the real binary, each
/// waited for until it shows saved, then `kill -9` (no chance to clean up or flush), and after
/// a restart on the same store every figure that showed saved is there.
#[test]
fn figures_that_showed_saved_survive_kill_9() {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(120, 40, &launch_saturday(&db));
        let s = open_figures(&t);
        assert!(s.contains("Đợt 2 · 07/05/2022"), "{s}");

        // Hiệp Tân: Tab and Right save and move right, Enter saves and goes to the next figure.
        save_figure(&t, "12", "Tab", "P. Hiệp Tân", "Đoàn viên tham gia");
        save_figure(
            &t,
            "150",
            "Right",
            "P. Hiệp Tân",
            "Lượt người dân được hỗ trợ",
        );
        save_figure(&t, "7", "Enter", "P. Hiệp Tân", "Doanh nghiệp được hỗ trợ");
        // Hòa Thạnh, from its first cell (Home: the row's first figure).
        t.send(&["Down", "Home"]);
        t.wait_for("UBND phường Hòa Thạnh — Đoàn viên tham gia");
        save_figure(&t, "8", "Right", "P. Hòa Thạnh", "Đoàn viên tham gia");
        save_figure(
            &t,
            "95",
            "Tab",
            "P. Hòa Thạnh",
            "Lượt người dân được hỗ trợ",
        );
        save_figure(&t, "3", "Tab", "P. Hòa Thạnh", "Doanh nghiệp được hỗ trợ");
        save_figure(&t, "40", "Tab", "P. Hòa Thạnh", "Hồ sơ tiếp nhận");
        save_figure(&t, "38", "Down", "P. Hòa Thạnh", "Hồ sơ giải quyết");
        // Phú Thạnh: Down saved Hòa Thạnh's last cell and moved here; `+` saves at once.
        t.wait_for("UBND phường Phú Thạnh — Hồ sơ giải quyết");
        t.send(&["l"]);
        t.wait_for("UBND phường Phú Thạnh — Hồ sơ trực tuyến được hướng dẫn");
        for n in 1..=3 {
            t.send(&["+"]);
            t.wait_for(&format!(
                "Đã lưu: P. Phú Thạnh — Hồ sơ trực tuyến được hướng dẫn: {n}"
            ));
        }
        t.send(&["h", "h", "h", "h", "h"]);
        t.wait_for("UBND phường Phú Thạnh — Đoàn viên tham gia");
        save_figure(&t, "21", "Enter", "P. Phú Thạnh", "Đoàn viên tham gia");
        let s = t.wait_until("every saved figure in the grid", |s| {
            SAVED_FIGURES
                .iter()
                .all(|(row, col, v)| figure_cell(s, row, col).as_deref() == Some(*v))
        });
        assert!(s.contains("14:00"), "last updated per unit:\n{s}");

        // A cell still being typed when the power goes: the one figure that may be lost.
        t.send(&["Right"]);
        t.send_literal("64");
        t.wait_for("64▏");

        let pid = t.app_pid();
        let status = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -KILL {pid}");
        // The terminal is left raw (nothing can restore it after SIGKILL), so the wrapper's
        // report does not start its lines at the left edge: look for it anywhere.
        let screen = t.poll(
            "the wrapper to report",
            || t.history(),
            |s| s.contains(DONE),
        );
        let code: String = screen
            .split_once("EXIT=")
            .map(|(_, rest)| rest.chars().take_while(char::is_ascii_digit).collect())
            .unwrap_or_default();
        assert_eq!(code, (128 + 9).to_string(), "SIGKILL:\n{screen}");
        assert!(!running(pid), "the app survived kill -9");
    }
    {
        let t = Tmux::start(120, 40, &launch_saturday(&db));
        open_figures(&t);
        let s = t.wait_until("every figure that showed saved, after kill -9", |s| {
            SAVED_FIGURES
                .iter()
                .all(|(row, col, v)| figure_cell(s, row, col).as_deref() == Some(*v))
        });
        assert!(
            s.lines()
                .any(|l| l.starts_with("Tổng cộng") && l.contains(" 41 ")),
            "totals of the saved figures (ĐV 12 + 8 + 21):\n{s}"
        );
        // The cell that was only being typed was never saved.
        assert_eq!(
            figure_cell(&s, "UBND phường Phú Thạnh", "Dân").as_deref(),
            Some("·"),
            "{s}"
        );
        assert!(!s.contains("64"), "{s}");
        quit_cleanly(&t);
    }
}

/// A refused value says "KHÔNG lưu" with the cell's name, and the cell keeps its old value,
/// also after a restart.
#[test]
fn refused_figure_keeps_the_old_value() {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(80, 24, &launch_saturday(&db));
        open_figures(&t);
        save_figure(&t, "25", "Enter", "P. Hiệp Tân", "Đoàn viên tham gia");
        let hiep_tan = |s: &str| figure_cell(s, "P. Hiệp Tân", "ĐV");
        t.wait_until("25 in the cell", |s| hiep_tan(s).as_deref() == Some("25"));
        // Enter went on to the next figure: Home is the row's first again.
        t.send(&["Home"]);
        t.wait_for("UBND phường Hiệp Tân — Đoàn viên tham gia: 25");

        // Letters.
        t.send_literal("12a");
        t.wait_for("12a▏");
        t.send(&["Enter"]);
        let s = t.wait_for("KHÔNG lưu");
        assert!(
            s.contains("KHÔNG lưu P. Hiệp Tân — Đoàn viên tham gia: \"12a\" không phải số"),
            "{s}"
        );
        assert!(!s.contains("Đã lưu"), "{s}");
        // What was typed stays in the cell, for correction; Esc drops it and shows the 25.
        assert!(s.contains("12a▏"), "{s}");
        t.send(&["Escape"]);
        let s = t.wait_gone("12a▏");
        assert_eq!(hiep_tan(&s).as_deref(), Some("25"), "{s}");

        // Too large: moving away does not save it either, and does not move. (Seven digits do
        // not fit the five-cell column while typed: wait for the edit's footer instead.)
        t.send_literal("1000001");
        t.wait_for("Enter lưu  Esc huỷ");
        t.send(&["Tab"]);
        t.wait_until("the refusal of 1000001", |s| {
            s.contains("KHÔNG lưu") && s.contains("lớn hơn 1.000.000")
        });
        t.send(&["Escape"]);
        let s = t.wait_until("the kept 25", |s| !s.contains("Esc huỷ"));
        assert_eq!(hiep_tan(&s).as_deref(), Some("25"), "{s}");
        assert!(
            s.contains("UBND phường Hiệp Tân — Đoàn viên tham gia: 25"),
            "{s}"
        );

        // Resolved more than received.
        t.send(&["l", "l", "l"]);
        t.wait_for("Hồ sơ tiếp nhận: —");
        save_figure(&t, "10", "Right", "P. Hiệp Tân", "Hồ sơ tiếp nhận");
        t.send_literal("11");
        t.wait_for("11▏");
        t.send(&["Enter"]);
        let s = t.wait_for("KHÔNG lưu");
        assert!(
            s.contains("Hồ sơ giải quyết: lớn hơn Hồ sơ tiếp nhận (10)"),
            "{s}"
        );
        // Kept in the cell for correction, not saved.
        assert_eq!(
            figure_cell(&s, "P. Hiệp Tân", "Xong").as_deref(),
            Some("11▏"),
            "{s}"
        );

        // Esc while typing keeps the old value too.
        t.send(&["Escape"]);
        t.wait_gone("11▏");
        t.send(&["h", "h", "h", "h"]);
        t.wait_for("Đoàn viên tham gia: 25");
        t.send_literal("99");
        t.wait_for("99▏");
        t.send(&["Escape"]);
        let s = t.wait_gone("99▏");
        assert_eq!(hiep_tan(&s).as_deref(), Some("25"), "{s}");
        quit_cleanly(&t);
    }
    {
        let t = Tmux::start(80, 24, &launch_saturday(&db));
        let s = open_figures(&t);
        let s = if figure_cell(&s, "P. Hiệp Tân", "ĐV").as_deref() == Some("25") {
            s
        } else {
            t.wait_until("25 after a restart", |s| {
                figure_cell(s, "P. Hiệp Tân", "ĐV").as_deref() == Some("25")
            })
        };
        assert_eq!(
            figure_cell(&s, "P. Hiệp Tân", "Nhận").as_deref(),
            Some("10"),
            "{s}"
        );
        assert_eq!(
            figure_cell(&s, "P. Hiệp Tân", "Xong").as_deref(),
            Some("·"),
            "{s}"
        );
        quit_cleanly(&t);
    }
}

/// A unit registers on the Friday, after the Thursday deadline: the registrations part counts
/// it late, and so does tab 2's checklist — also after a restart.
#[test]
fn a_registration_after_the_deadline_is_counted_late() {
    let (_dir, db) = temp_db();
    {
        let t = Tmux::start(120, 40, &Launch::fixed(&db));
        t.wait_for("1 Tổng quan");
        t.send(&["4"]);
        t.wait_for("Tổng cộng");
        t.send(&["v"]);
        t.wait_for("0 / 19 đã đăng ký, 0 trễ");
        t.send(&["/"]);
        t.send_literal("tan quy");
        t.wait_for("Lọc: tan quy");
        t.send(&["Enter"]);
        t.send(&["a"]);
        t.wait_for("Đăng ký thứ Bảy — UBND phường Tân Quý");
        // Activities: type to find one, take it; then to the place.
        t.send_literal("tu van");
        t.wait_for("Tư vấn pháp luật");
        t.send(&["Enter", "Tab", "Tab"]);
        t.send_literal("Trụ sở UBND phường");
        t.wait_for("Trụ sở UBND phường");
        t.send(&["C-s"]);
        let s = t.wait_for("Đã lưu");
        assert!(s.contains("1 / 19 đã đăng ký, 1 trễ"), "{s}");
        assert!(s.contains("✘ trễ"), "{s}");
        // Tab 2: Tân Quý's registration is done, late.
        // Back two tabs (an Esc right before another key would read as Alt+key).
        t.send(&["BTab", "BTab"]);
        // Waited for as a whole: a capture can catch a frame half drawn.
        t.wait_until("Tân Quý's registration done late on tab 2", |s| {
            cell(s, "UBND phường Tân Quý", "Đăng ký TB").as_deref() == Some("✘ 06/05")
        });
        quit_cleanly(&t);
    }
    let t = Tmux::start(120, 40, &Launch::fixed(&db));
    open_units(&t);
    t.wait_until("Tân Quý's registration still late after a restart", |s| {
        cell(s, "UBND phường Tân Quý", "Đăng ký TB").as_deref() == Some("✘ 06/05")
    });
    quit_cleanly(&t);
}

/// The officer enters a KPI measurement on tab 5, restarts, finds it on the 80×24 overview,
/// and writes the briefing with `R` next to the store.
#[test]
fn kpi_measurement_reaches_the_overview_and_the_briefing_80x24() {
    let (dir, db) = temp_db();
    {
        let t = Tmux::start(80, 24, &Launch::fixed(&db));
        t.wait_for("Chỉ tiêu");
        t.send(&["5"]);
        t.wait_for("Phản ánh, kiến nghị");
        t.send(&["j", "j"]);
        t.send(&["a"]);
        t.wait_for("Tử số");
        t.send(&["Tab", "Tab"]);
        t.send_literal("45");
        t.send(&["Tab"]);
        t.send_literal("50");
        t.send(&["Tab", "Tab"]);
        t.send_literal("Tổng hợp tuần");
        t.send(&["C-s"]);
        t.wait_for("Đã lưu: Lần đo Phản ánh");
        t.wait_for("90,0%");
        quit_cleanly(&t);
    }
    // Starting the app kept a copy of the day in the data folder's backups/.
    let backups: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
        .expect("a backups folder beside the store")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    assert_eq!(
        backups,
        vec![format!("x-{}.db", &NOW[..10])],
        "named after the store"
    );
    let t = Tmux::start(80, 24, &Launch::fixed(&db));
    let s = t.wait_for("90,0%");
    assert!(s.contains("Chỉ tiêu"), "{s}");
    t.send(&["R", "m"]);
    let s = t.wait_for("Đã ghi bản tin");
    let reports = dir.path().join("reports");
    let files: Vec<_> = std::fs::read_dir(&reports)
        .unwrap_or_else(|e| panic!("{}: {e}\n{s}", reports.display()))
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1, "{s}");
    let text = std::fs::read_to_string(files[0].path()).expect("briefing");
    assert!(text.contains("| 90,0% |"), "{text}");
    quit_cleanly(&t);
}

/// A registration sheet downloaded from Google Sheets (Vietnamese headers, quoted commas and
/// a line break in a cell, Sheets' date-times) goes in through `i` on tab 3 at 80×24: a
/// broken copy first shows its errors and writes nothing, the good one previews, Enter
/// writes it, and it is there after a restart.
#[test]
fn a_google_sheet_csv_imports_through_i_and_survives_a_restart() {
    let (dir, db) = temp_db();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    // A path with a space, as a Downloads file name has.
    let good = dir.path().join("Đăng ký sáng kiến.csv");
    std::fs::copy(fixtures.join("initiatives-valid.csv"), &good).expect("copy");
    let broken = dir.path().join("broken.csv");
    std::fs::copy(fixtures.join("initiatives-broken.csv"), &broken).expect("copy");
    {
        let t = Tmux::start(80, 24, &Launch::fixed(&db));
        t.wait_for("Tổng quan");
        t.send(&["3"]);
        t.wait_for("Chưa có sáng kiến");
        t.send(&["i"]);
        t.wait_for("Nhập sáng kiến từ tệp CSV");
        t.send_literal(&broken.display().to_string());
        t.send(&["Enter"]);
        let s = t.wait_for("Lỗi — không nhập dòng nào");
        assert!(s.contains("dòng 3, cột C «Ngày đăng ký»"), "{s}");
        assert!(!s.contains("Enter nhập"), "Enter is not offered: {s}");
        t.send(&["Enter"]);
        t.send(&["Escape"]);
        t.wait_for("Chưa có sáng kiến");
        t.send(&["i"]);
        // The prompt starts in the same folder: the file name is enough.
        t.wait_for(&format!("{}/", dir.path().display()));
        t.send_literal("'Đăng ký sáng kiến.csv'");
        t.send(&["Enter"]);
        let s = t.wait_for("thêm 3, cập nhật 0");
        assert!(s.contains("P. Sơn Kỳ — Số hoá hồ sơ hộ tịch"), "{s}");
        t.send(&["Enter"]);
        t.wait_for("Đã nhập sáng kiến");
        t.wait_for("3 / 3 sáng kiến");
        quit_cleanly(&t);
    }
    let t = Tmux::start(80, 24, &Launch::fixed(&db));
    t.wait_for("Tổng quan");
    t.send(&["3"]);
    let s = t.wait_for("3 / 3 sáng kiến");
    assert!(s.contains("Zalo OA"), "{s}");
    quit_cleanly(&t);
}

/// `restore` refuses a store the interface is running on, and goes ahead once it quits.
#[test]
fn restore_waits_for_the_running_app_to_quit() {
    let (dir, db) = temp_db();
    let copy = dir.path().join("copy.db");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_xungkich"))
            .arg("--db")
            .arg(&db)
            .args(["--now", NOW])
            .args(args)
            .output()
            .expect("xungkich")
    };
    let t = Tmux::start(80, 24, &Launch::fixed(&db));
    t.wait_for("Tổng quan");
    let out = run(&["backup", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{out:?}");
    let out = run(&["restore", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("hãy đóng nó trước"));
    quit_cleanly(&t);
    let out = run(&["restore", copy.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{out:?}");
}

// ---------------------------------------------------------------------------------------------
// A whole Saturday, as the officer lives it
// ---------------------------------------------------------------------------------------------

/// The figures one ward phones in, in the grid's order (land figures are not a ward's).
fn ward_figures(i: i64) -> [i64; 7] {
    [10 + i, 20 + i, i, 30 + i, 20 + i, i, 0]
}

/// The land-registry chi đoàn's figures, all nine: 30 of the week's 40 land files (75%).
const LAND_FIGURES: [i64; 9] = [5, 60, 2, 40, 35, 10, 0, 40, 30];

/// The app on `db` at the fixed moment `now`, in Vietnamese.
fn at_moment(db: &Path, now: &str) -> Launch {
    Launch::new(db).args(&["--now", now, "--lang", "vi"])
}

/// Registers the selected unit of the registrations part (its first matching activity) and
/// waits for the count the part shows after the save.
fn register_selected(t: &Tmux, unit: &str, count: &str) {
    t.send(&["a"]);
    t.wait_for(&format!("Đăng ký thứ Bảy — {unit}"));
    t.send_literal("tu van");
    t.wait_for("Tư vấn pháp luật");
    t.send(&["Enter", "C-s"]);
    t.wait_for(count);
}

/// Opens the quick report of the unit the filter finds on the reports part, adds `photo`
/// when given, saves, and waits for the part's count.
fn report_for(t: &Tmux, query: &str, unit: &str, photo: Option<&Path>, count: &str) {
    t.send(&["/"]);
    t.send_literal(query);
    t.wait_for(&format!("Lọc: {query}"));
    t.send(&["Enter", "r"]);
    t.wait_for(&format!("Báo cáo nhanh — {unit}"));
    if let Some(p) = photo {
        t.send(&["Tab"]);
        t.send_literal(&p.display().to_string());
    }
    t.send(&["C-s"]);
    t.wait_for(count);
    // The filter off again, for the next unit (waited for: an Esc right before another key
    // would read as Alt with that key).
    t.send(&["Escape"]);
    t.wait_for("gõ / để lọc");
}

/// The value printed for a label on a line that holds it ("ĐV 170" → 170), on any of the
/// screen's lines.
fn number_after(screen: &str, label: &str) -> Option<i64> {
    screen.lines().find_map(|l| {
        let rest = &l[l.find(label)? + label.len()..];
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .filter(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    })
}

/// The issue's whole Saturday in the real binary: registrations before and after the
/// deadline, the 11 wards' and the land unit's figures typed as digits and Enter, quick
/// reports with photos before and after 16:00 (one whose photo comes late); then tab 1, 2,
/// 4 and 5, the briefing and the export all say the same.
#[test]
fn a_full_saturday_agrees_on_every_screen_the_briefing_and_the_export() {
    let (dir, db) = temp_db();
    let photo = dir.path().join("anh-tan-quy.png");
    std::fs::write(&photo, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("photo");
    let wards = [
        "UBND phường Hiệp Tân",
        "UBND phường Hòa Thạnh",
        "UBND phường Phú Thạnh",
        "UBND phường Phú Thọ Hòa",
        "UBND phường Phú Trung",
        "UBND phường Sơn Kỳ",
        "UBND phường Tân Quý",
        "UBND phường Tân Sơn Nhì",
        "UBND phường Tân Thành",
        "UBND phường Tân Thới Hòa",
        "UBND phường Tây Thạnh",
    ];
    // Wednesday: the 11 wards and the land-registry chi đoàn register on time.
    {
        let t = Tmux::start(120, 40, &at_moment(&db, "2022-05-04T10:00"));
        t.wait_for("1 Tổng quan");
        t.send(&["4"]);
        t.wait_for("Tổng cộng");
        t.send(&["v"]);
        t.wait_for("0 / 19 đã đăng ký, 0 trễ");
        for (n, ward) in wards.iter().enumerate() {
            register_selected(&t, ward, &format!("{} / 19 đã đăng ký, 0 trễ", n + 1));
            t.send(&["j"]);
        }
        // The 12th row is the first youth base; the land chi đoàn is the 15th.
        t.send(&["j", "j", "j"]);
        register_selected(
            &t,
            "Chi đoàn Chi nhánh VP Đăng ký đất đai",
            "12 / 19 đã đăng ký, 0 trễ",
        );
        quit_cleanly(&t);
    }
    // Friday: a school's chi đoàn registers after the Thursday deadline.
    {
        let t = Tmux::start(120, 40, &at_moment(&db, "2022-05-06T09:00"));
        t.wait_for("1 Tổng quan");
        t.send(&["4"]);
        t.wait_for("Tổng cộng");
        t.send(&["v", "/"]);
        t.send_literal("tran phu");
        t.wait_for("Lọc: tran phu");
        t.send(&["Enter"]);
        register_selected(
            &t,
            "Chi đoàn giáo viên THPT Trần Phú",
            "13 / 19 đã đăng ký, 1 trễ",
        );
        quit_cleanly(&t);
    }
    // Saturday 15:30: the grid shows the 13 registered; the figures come in as digits and
    // Enter (Enter saves and moves to the next figure the unit can have, then the next row).
    {
        let t = Tmux::start(120, 40, &at_moment(&db, "2022-05-07T15:30"));
        t.wait_for("1 Tổng quan");
        t.send(&["4"]);
        t.wait_for("13 đơn vị đã đăng ký, ẩn 6 (t: tất cả)");
        for i in 0..11 {
            let mut keys: Vec<String> = Vec::new();
            for v in ward_figures(i) {
                keys.push(v.to_string());
                keys.push("Enter".into());
            }
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            t.send(&keys);
            let short = wards[i as usize].replace("UBND phường ", "P. ");
            t.wait_for(&format!("Đã lưu: {short} — Hướng dẫn hóa đơn điện tử: 0"));
        }
        let mut keys: Vec<String> = Vec::new();
        for v in LAND_FIGURES {
            keys.push(v.to_string());
            keys.push("Enter".into());
        }
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        t.send(&keys);
        t.wait_for("Hồ sơ đất đai đã giải quyết: 30");
        // The quick reports part: Tân Quý with its photo, Sơn Kỳ received without one.
        t.send(&["v", "v"]);
        t.wait_for("0 / 19 đã báo cáo");
        report_for(
            &t,
            "tan quy",
            "UBND phường Tân Quý",
            Some(&photo),
            "1 / 19 đã báo cáo, 0 trễ, 0 chưa có ảnh",
        );
        report_for(
            &t,
            "son ky",
            "UBND phường Sơn Kỳ",
            None,
            "2 / 19 đã báo cáo, 0 trễ, 1 chưa có ảnh",
        );
        quit_cleanly(&t);
    }
    // 16:20: Sơn Kỳ's photo arrives (so its report is late), Hiệp Tân reports late.
    let t = Tmux::start(120, 40, &at_moment(&db, "2022-05-07T16:20"));
    t.wait_for("1 Tổng quan");
    t.send(&["4"]);
    t.wait_for("Tổng cộng");
    t.send(&["v", "v"]);
    t.wait_for("2 / 19 đã báo cáo");
    report_for(
        &t,
        "son ky",
        "UBND phường Sơn Kỳ",
        Some(&photo),
        "2 / 19 đã báo cáo, 1 trễ, 0 chưa có ảnh",
    );
    report_for(
        &t,
        "hiep tan",
        "UBND phường Hiệp Tân",
        Some(&photo),
        "3 / 19 đã báo cáo, 2 trễ, 0 chưa có ảnh",
    );

    // What was typed, summed: the one truth every place must show.
    let mut totals = [0i64; 9];
    for i in 0..11 {
        for (c, v) in ward_figures(i).iter().enumerate() {
            totals[c] += v;
        }
    }
    for (c, v) in LAND_FIGURES.iter().enumerate() {
        totals[c] += v;
    }
    let columns = [
        "ĐV",
        "Dân",
        "DN",
        "Nhận",
        "Xong",
        "T.tuyến",
        "HĐĐT",
        "ĐĐ nhận",
        "ĐĐ xong",
    ];
    // Tab 4's totals row.
    t.send(&["v", "v", "v"]);
    let s = t.wait_until("the grid's totals", |s| {
        figure_cell(s, "Tổng cộng", "ĐĐ xong").as_deref() == Some("30")
    });
    for (c, name) in columns.iter().enumerate() {
        assert_eq!(
            figure_cell(&s, "Tổng cộng", name),
            Some(totals[c].to_string()),
            "{name}:\n{s}"
        );
    }
    // Tab 1: the requirements box and the Saturday line say the same.
    t.send(&["M-1"]);
    // Waited for as a whole: a capture can catch tab 1 half drawn over tab 4.
    let s = t.wait_until("tab 1 whole", |s| {
        s.contains("Yêu cầu đối với đơn vị")
            && s.contains("Số liệu ngày thứ Bảy")
            && s.contains("Đơn vị quá hạn")
            && !s.contains("Tổng cộng")
            && !s.contains("0–9 gõ số")
    });
    for (label, want) in [("Đăng ký TB", "13 / 19 xong"), ("Báo cáo", "3 / 19 xong")] {
        assert!(
            s.lines().any(|l| l.contains(label) && l.contains(want)),
            "{label} {want}:\n{s}"
        );
    }
    // The left-hand boxes as one text: the Saturday line wraps inside its box.
    let left: String = s
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .collect::<Vec<_>>()
        .join(" ");
    for (label, c) in [
        ("ĐV ", 0),
        ("Dân ", 1),
        ("Nhận ", 3),
        ("Xong ", 4),
        ("ĐĐ xong ", 8),
    ] {
        assert_eq!(number_after(&left, label), Some(totals[c]), "{label}:\n{s}");
    }
    // The KPI box: values shown rounded down (never reaching a target they miss).
    for want in ["63,1%", "7,6%", "75,0%"] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
    // Tab 2: on time and late per unit, as tab 4 counted them.
    t.send(&["2"]);
    t.wait_for("37 / 37 đơn vị");
    let s = t.wait_until("tab 2's reports", |s| {
        cell(s, "UBND phường Sơn Kỳ", "Báo cáo").is_some()
    });
    assert_eq!(
        cell(&s, "UBND phường Tân Quý", "Báo cáo").as_deref(),
        Some("✔ 07/05")
    );
    assert_eq!(
        cell(&s, "UBND phường Sơn Kỳ", "Báo cáo").as_deref(),
        Some("✘ 07/05")
    );
    assert_eq!(
        cell(&s, "UBND phường Hiệp Tân", "Báo cáo").as_deref(),
        Some("✘ 07/05")
    );
    assert_eq!(
        cell(&s, "UBND phường Tân Quý", "Đăng ký TB").as_deref(),
        Some("✔ 04/05")
    );
    // Tab 5: registered on time 12 of 19, reported on time 1 of the 13 registered, land
    // 30 of 40.
    t.send(&["5"]);
    t.wait_until("tab 5's three computed values", |s| {
        s.contains("Báo cáo nhanh đúng hạn")
            && ["63,1%", "7,6%", "75,0%"].iter().all(|w| s.contains(w))
    });
    quit_cleanly(&t);

    // The briefing from the command line says the same.
    let db_s = db.to_str().expect("path");
    let out = Command::new(BIN)
        .args([
            "--db",
            db_s,
            "--now",
            "2022-05-07T16:20",
            "--lang",
            "vi",
            "report",
        ])
        .output()
        .expect("report");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let briefing = String::from_utf8_lossy(&out.stdout).into_owned();
    for want in [
        "63,1%",
        "7,6%",
        "75,0%",
        "Hoàn thành: 13/19",
        "Hoàn thành: 3/19",
    ] {
        assert!(briefing.contains(want), "{want}:\n{briefing}");
    }
    for (label, c) in [
        ("Đoàn viên tham gia", 0),
        ("Hồ sơ tiếp nhận", 3),
        ("Hồ sơ giải quyết", 4),
        ("Hồ sơ đất đai đã giải quyết", 8),
    ] {
        assert_eq!(
            number_after(&briefing, label),
            Some(totals[c]),
            "{label}:\n{briefing}"
        );
    }
    // And the export.
    let json = dir.path().join("xuat.json");
    let out = Command::new(BIN)
        .args([
            "--db",
            db_s,
            "--now",
            "2022-05-07T16:20",
            "--lang",
            "vi",
            "export",
        ])
        .args(["--format", "json", "--out", json.to_str().expect("path")])
        .output()
        .expect("export");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tables: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parse");
    let sum = |metric: &str| -> i64 {
        tables["saturday_figures"]
            .as_array()
            .expect("figures")
            .iter()
            .filter(|r| r["Chỉ tiêu"] == metric)
            .filter_map(|r| r["Giá trị"].as_i64())
            .sum()
    };
    assert_eq!(sum("Đoàn viên tham gia"), totals[0]);
    assert_eq!(sum("Hồ sơ đất đai đã giải quyết"), totals[8]);
    let kpi = |code: &str| -> f64 {
        tables["kpis"]
            .as_array()
            .expect("kpis")
            .iter()
            .find(|k| k["Mã"] == code)
            .and_then(|k| k["Giá trị"].as_f64())
            .unwrap_or(f64::NAN)
    };
    assert!((kpi("registration-on-time") - 1200.0 / 19.0).abs() < 1e-6);
    assert!((kpi("report-on-time") - 100.0 / 13.0).abs() < 1e-6);
    assert!((kpi("land-files-week") - 75.0).abs() < 1e-6);
    let late_reports = tables["checklist"]
        .as_array()
        .expect("checklist")
        .iter()
        .filter(|r| {
            r["Yêu cầu"] == "Gửi báo cáo nhanh kết quả thực hiện, kèm hình ảnh"
                && r["Trạng thái"] != "xong"
        })
        .filter(|r| r["Hoàn thành lúc"].is_string())
        .count();
    assert_eq!(late_reports, 2, "Sơn Kỳ and Hiệp Tân are done late");
}

/// Key C puts the chat summary on the terminal's clipboard: tmux, told to take OSC 52,
/// holds exactly the text the status line says was saved.
#[test]
fn key_c_copies_the_chat_summary_to_the_terminal_clipboard() {
    let (_dir, db) = temp_db();
    let t = Tmux::start(120, 40, &at_moment(&db, "2022-05-07T17:00"));
    t.run(&["set-option", "-s", "set-clipboard", "on"]);
    t.wait_for("1 Tổng quan");
    t.send(&["C"]);
    let s = t.wait_for("Đã chép bản tin nhắn");
    let path = s
        .lines()
        .find_map(|l| l.split(" lưu ở ").nth(1))
        .map(str::trim)
        .expect("the file in the status");
    let saved = std::fs::read_to_string(path).expect("the saved summary");
    let buffer = String::from_utf8(t.run(&["show-buffer"]).stdout).expect("utf-8");
    assert_eq!(buffer, saved);
    assert!(saved.starts_with("CB, CC, VC trẻ xung kích CCHC 2022 — tình hình lúc"));
    quit_cleanly(&t);
}

/// `new FILE` makes a store for the campaign in the data folder, named after its code, and
/// opens it; `campaigns` then lists it; a second `new` for the same campaign is refused.
#[test]
fn new_makes_a_store_named_after_the_campaign_and_campaigns_lists_it() {
    let dir = TempDir::new().expect("dir");
    let file = dir.path().join("plan.toml");
    std::fs::write(&file, xungkich::io::campaign_file::SHIPPED).expect("write");
    let data = dir.path().join("data");
    let home = dir.path().to_str().expect("utf-8").to_string();
    let data_s = data.to_str().expect("utf-8").to_string();
    let launch = Launch {
        args: vec![
            "--now".into(),
            NOW.into(),
            "new".into(),
            file.to_str().expect("utf-8").into(),
        ],
        env: vec![
            ("HOME".into(), home.clone()),
            ("XDG_DATA_HOME".into(), data_s.clone()),
        ],
        umask: None,
    };
    let t = Tmux::start(120, 40, &launch);
    t.wait_for("1 Tổng quan");
    t.wait_for("115/KHLT-UBND-ĐTĐN");
    quit_cleanly(&t);
    let store = data.join("xungkich").join("115-khlt-ubnd-dtdn.db");
    assert!(store.is_file(), "{}", store.display());
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", &data_s)
            .env_remove("XUNGKICH_DB")
            .env_remove("XUNGKICH_LANG")
            .output()
            .expect("run")
    };
    let listed = run(&["campaigns"]);
    let out = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert!(
        out.contains("115/KHLT-UBND-ĐTĐN · CB, CC, VC trẻ xung kích CCHC 2022"),
        "{out}"
    );
    assert!(out.contains(&store.display().to_string()), "{out}");
    let again = run(&["new", file.to_str().expect("utf-8")]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("đã có"));
}
