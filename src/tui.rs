//! The terminal: raw mode and the alternate screen on the way in, and restored on every way
//! out — quit, error, panic, SIGTERM, SIGHUP.

use std::fs::File;
use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

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

pub fn run(app: &mut App, store: &mut Store) -> anyhow::Result<Ending> {
    // 0 while running, else the number of the signal that asks us to stop.
    let stop = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize)?;
    }
    install_panic_hook(panic_log_path(store.path()), app.strings());
    let finished = Arc::new(AtomicBool::new(false));
    spawn_watchdog(Arc::clone(&stop), Arc::clone(&finished));
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, app, store, &stop);
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
        match written {
            Ok(()) => eprintln!("xungkich: {}", s.cli_panic_logged(&shown)),
            Err(e) => eprintln!(
                "xungkich: {}",
                s.cli_panic_log_failed(&shown, s.io_error(&e))
            ),
        }
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

/// What still works below the minimum size: quitting, and answering the question quitting
/// may ask (a form with unsaved typing).
fn answers_or_quits(action: &Action) -> bool {
    matches!(
        action,
        Action::Command(_, Command::Quit | Command::Yes | Command::No)
    )
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    store: &mut Store,
    stop: &AtomicUsize,
) -> anyhow::Result<Ending> {
    let mut dirty = true;
    let mut usable = true;
    let mut last_check = Instant::now();
    // Test hook: the end-to-end tests check that a panic restores the terminal. Pressing this
    // key panics on purpose only when the variable is set.
    let panic_key = std::env::var("XUNGKICH_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    loop {
        if dirty {
            let frame = terminal.draw(|f| ui::render(f, app))?;
            usable = ui::fits(frame.area);
            dirty = false;
        }
        let sig = stop.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Ending::Signal(sig as i32));
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
