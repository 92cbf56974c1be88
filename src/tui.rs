//! The terminal: raw mode and the alternate screen on the way in, and restored on every way
//! out — quit, error, panic, SIGTERM, SIGHUP, SIGINT, SIGQUIT — and given back to the shell
//! for as long as the app is suspended (Ctrl-Z, SIGTSTP), taken again on `fg`.

use std::fs::File;
use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyModifiers,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use crate::app::keymap::{chord_of, lookup};
use crate::app::{Action, App, Command, update};
use crate::store::Store;
use crate::ui;

/// Longest time the loop sleeps, so a signal is acted on within this even when idle.
const POLL: Duration = Duration::from_millis(250);
/// How long the interface lets a save wait for another process's write lock before it says
/// so and retries by itself: a tenth of a second goes unnoticed, five seconds do not.
const INTERFACE_PATIENCE: Duration = Duration::from_millis(100);
/// How long the loop may take to notice a stop before the watchdog ends the process itself.
const GRACE: Duration = Duration::from_secs(2);
/// Stands for "the terminal went away" among the signal numbers in the stop flag.
const TERMINAL_LOST: usize = signal_hook::consts::SIGHUP as usize;

/// How the session ended: by the officer, or by a signal (the exit code is then 128 + signal,
/// as a shell reports it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    Signal(i32),
}

/// What the signal handlers set for the loop: every signal is acted on there, where the
/// terminal is, and never inside a handler.
struct Signals {
    /// 0 while running, else the number of the signal that asks us to stop.
    stop: Arc<AtomicUsize>,
    /// SIGTSTP (`kill -TSTP`, or Ctrl-Z when the terminal is not raw): suspend.
    suspend: Arc<AtomicBool>,
    /// SIGCONT: the process was stopped and has just been continued, by `fg` after our own
    /// suspension or after a SIGSTOP we could not see coming; the terminal must be taken back.
    resumed: Arc<AtomicBool>,
}

pub fn run(app: &mut App, store: &mut Store) -> anyhow::Result<Ending> {
    let stop = Arc::new(AtomicUsize::new(0));
    // SIGQUIT (Ctrl-\ in a cooked terminal, `kill -QUIT`) would otherwise end the process on
    // the alternate screen with the terminal raw; it ends the session like SIGTERM instead.
    for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize)?;
    }
    let suspend = Arc::new(AtomicBool::new(false));
    let resumed = Arc::new(AtomicBool::new(false));
    // Catching SIGTSTP keeps the kernel from stopping us with the terminal still raw on the
    // alternate screen; the loop restores the terminal and then stops for real.
    signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
    signal_hook::flag::register(SIGCONT, Arc::clone(&resumed))?;
    let signals = Signals {
        stop: Arc::clone(&stop),
        suspend,
        resumed,
    };
    install_panic_hook(panic_log_path(store.path()), app.strings());
    let finished = Arc::new(AtomicBool::new(false));
    spawn_watchdog(Arc::clone(&stop), Arc::clone(&finished));
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, app, store, &signals);
    restore();
    finished.store(true, Ordering::SeqCst);
    result
}

/// Ends the process when the loop cannot: crossterm keeps re-reading a terminal that has been
/// hung up (its window closed, the SSH link dropped) and never returns from `poll`, so neither
/// the stop flag nor a SIGTERM would be noticed. Nothing is lost: every change the screen
/// reported saved is already committed.
fn spawn_watchdog(stop: Arc<AtomicUsize>, finished: Arc<AtomicBool>) {
    let had_tty = File::open("/dev/tty").is_ok();
    let spawned = std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || {
            let mut stop_seen: Option<Instant> = None;
            loop {
                std::thread::sleep(Duration::from_millis(500));
                if finished.load(Ordering::SeqCst) {
                    return;
                }
                // A hung-up terminal is no longer the controlling terminal: /dev/tty won't open.
                if had_tty && File::open("/dev/tty").is_err() {
                    let _ =
                        stop.compare_exchange(0, TERMINAL_LOST, Ordering::SeqCst, Ordering::SeqCst);
                }
                let sig = stop.load(Ordering::SeqCst);
                if sig == 0 {
                    continue;
                }
                let since = *stop_seen.get_or_insert_with(Instant::now);
                if since.elapsed() >= GRACE && !finished.load(Ordering::SeqCst) {
                    restore();
                    std::process::exit(128 + sig as i32);
                }
            }
        });
    // Without the watchdog the app still works; only a dead terminal would go unnoticed.
    drop(spawned);
}

fn enter() -> anyhow::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e.into());
    }
    match Terminal::new(CrosstermBackend::new(out)) {
        Ok(t) => Ok(t),
        Err(e) => {
            restore();
            Err(e.into())
        }
    }
}

/// Gives the terminal back to the shell, stops the process as SIGTSTP's default action would,
/// and once continued (`fg`) takes the terminal again. The app's state is untouched: a form
/// half typed is still there, unsaved, after `fg`.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> anyhow::Result<()> {
    restore();
    // SIGTSTP is caught, so its default (stop) is raised by hand: signal-hook raises SIGSTOP,
    // which the shell reports as a stopped job like any other. This returns on SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    take_back(terminal)
}

/// Raw mode, the alternate screen and a hidden cursor again, and a full redraw on the next
/// frame: the shell may have left anything on the screen, and ratatui only draws what changed.
fn take_back(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> anyhow::Result<()> {
    // crossterm skips `enable_raw_mode` while it believes the terminal is still raw, but after
    // an outside SIGSTOP the shell has set it back to cooked: forget the old state first.
    let _ = disable_raw_mode();
    // In the background (`bg`) this stops us again with SIGTTOU, until `fg`: the terminal is
    // not ours to change until then.
    enable_raw_mode()?;
    execute!(
        terminal.backend_mut(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    terminal.clear()?;
    Ok(())
}

/// Safe to call more than once and from the panic hook.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Where a crash is written down: `xungkich-panic.log` in the data folder (beside the store).
pub fn panic_log_path(db: &std::path::Path) -> std::path::PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
        .join("xungkich-panic.log")
}

/// Appends to the panic log, which quotes what was on screen (names, phone numbers): made
/// 0600 whatever the umask, and never written through a symbolic link planted in its place.
/// Appended rather than replaced whole, so an earlier crash is kept.
fn append_private(log: &std::path::Path, entry: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt as _;
    if std::fs::symlink_metadata(log).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a symbolic link is in its place",
        ));
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(crate::atomic_write::FILE_MODE)
        .open(log)?;
    crate::atomic_write::make_private(log)?;
    f.write_all(entry)?;
    f.sync_all()
}

/// `s` words the two lines said after Rust's own panic message, in the interface's language.
fn install_panic_hook(log: std::path::PathBuf, s: &'static crate::i18n::Strings) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first so the message lands on a normal screen and the shell works after.
        restore();
        previous(info);
        // The officer may not copy a message off a screen; the log keeps it for whoever
        // fixes the bug. Appended, so an earlier crash is not lost.
        let backtrace = std::backtrace::Backtrace::force_capture();
        let entry = format!(
            "--- {} xungkich {}\n{info}\n{backtrace}\n",
            chrono::Local::now().to_rfc3339(),
            env!("CARGO_PKG_VERSION"),
        );
        let written = append_private(&log, entry.as_bytes());
        let shown = crate::text::one_line(&log.display().to_string());
        let message = match written {
            Ok(()) => s.cli_panic_logged(&shown),
            Err(e) => s.cli_panic_log_failed(&shown, s.io_error(&e)),
        };
        // Through the filter every printed line takes (an OS error's words included).
        eprintln!("xungkich: {}", crate::text::clean_lines(&message));
    }));
}

/// Maps a key to an action through the keymap; unbound printable keys go to the text field.
pub fn action_for_key(app: &App, key: event::KeyEvent) -> Option<Action> {
    let chord = chord_of(key)?;
    if let Some((context, cmd)) = lookup(&app.contexts(), chord) {
        return Some(Action::Command(context, cmd));
    }
    match chord.code {
        event::KeyCode::Char(c)
            if app.is_typing()
                && !chord
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Insert(c))
        }
        _ => None,
    }
}

/// What still works below the minimum size: quitting, answering the question quitting may
/// ask (a form with unsaved typing), and suspending.
fn answers_or_quits(action: &Action) -> bool {
    matches!(
        action,
        Action::Command(
            _,
            Command::Quit | Command::Yes | Command::No | Command::Suspend
        )
    )
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    store: &mut Store,
    signals: &Signals,
) -> anyhow::Result<Ending> {
    let mut dirty = true;
    // A write waits at most this long for another process's lock (a long import) before the
    // app says so and retries once a second: the screen never freezes on someone else's lock.
    // If the patience cannot be set the 5 s of every store stays: slower, not wrong.
    let _ = store.set_patience(INTERFACE_PATIENCE);
    let mut usable = true;
    let mut last_check = Instant::now();
    // Test hook: the end-to-end tests check that a panic restores the terminal. Pressing this
    // key panics on purpose only when the variable is set.
    let panic_key = std::env::var("XUNGKICH_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    loop {
        if let Some(text) = app.clipboard.take() {
            // Best effort: a terminal that does not take OSC 52 ignores it, and the status
            // line has already given the file the summary was saved to.
            let _ = execute!(
                terminal.backend_mut(),
                ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
            );
        }
        if dirty {
            let frame = terminal.draw(|f| ui::render(f, app))?;
            usable = ui::fits(frame.area);
            dirty = false;
        }
        let sig = signals.stop.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Ending::Signal(sig as i32));
        }
        if signals.suspend.swap(false, Ordering::SeqCst) || std::mem::take(&mut app.suspend) {
            suspend(terminal)?;
            // The SIGCONT that woke us is answered: the terminal is already taken back.
            signals.resumed.store(false, Ordering::SeqCst);
            dirty = true;
            continue;
        }
        if signals.resumed.swap(false, Ordering::SeqCst) {
            take_back(terminal)?;
            dirty = true;
            continue;
        }
        // Work left over from a key (a long search) goes on while no key is waiting.
        let wait = if app.has_background_work() {
            Duration::ZERO
        } else {
            POLL
        };
        if !event::poll(wait)? && app.has_background_work() {
            app.background_step();
            dirty = true;
            continue;
        }
        if event::poll(Duration::ZERO)? {
            match event::read()? {
                Event::Key(key) => {
                    if panic_key.is_some_and(|p| key.code == event::KeyCode::Char(p)) {
                        panic!("deliberate panic for the terminal-restore test");
                    }
                    // Below the minimum size nothing is visible to act on: only quitting works.
                    if let Some(action) = action_for_key(app, key)
                        && (usable || answers_or_quits(&action))
                    {
                        update(app, store, action);
                        dirty = true;
                    }
                }
                Event::Paste(text) => {
                    update(app, store, Action::Paste(text));
                    dirty = true;
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
        if app.quit {
            return Ok(Ending::Quit);
        }
        // Another instance may have written: look once a second, reload only on a change.
        if last_check.elapsed() >= Duration::from_secs(1) {
            last_check = Instant::now();
            if store.changed_elsewhere().unwrap_or(false) {
                update(app, store, Action::StoreChanged);
                dirty = true;
            }
            if app.waiting.is_some() {
                update(app, store, Action::Retry);
                dirty = true;
            }
        }
        // The header clock shows seconds: redraw when the second changes, and only then.
        if !app.clock.is_fixed() {
            let now = app.clock.now();
            if now.timestamp() != app.now.timestamp() {
                update(app, store, Action::Tick(now));
                dirty = true;
            }
        }
    }
}
