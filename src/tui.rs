//! The terminal: raw mode and the alternate screen on the way in, and restored on every way
//! out — quit, error, panic, SIGTERM, SIGHUP.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

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
use crate::app::{Action, App, update};
use crate::store::Store;
use crate::ui;

/// Longest time the loop sleeps, so a signal is acted on within this even when idle.
const POLL: Duration = Duration::from_millis(250);

pub fn run(app: &mut App, store: &mut Store) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    install_panic_hook();
    let mut terminal = enter()?;
    let result = event_loop(&mut terminal, app, store, &stop);
    restore();
    result
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

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first so the message lands on a normal screen and the shell works after.
        restore();
        previous(info);
    }));
}

/// Maps a key to an action through the keymap; unbound printable keys go to the text field.
pub fn action_for_key(app: &App, key: event::KeyEvent) -> Option<Action> {
    let chord = chord_of(key)?;
    if let Some(cmd) = lookup(&app.contexts(), chord) {
        return Some(Action::Command(cmd));
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

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    store: &mut Store,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let mut dirty = true;
    // Test hook: the end-to-end tests check that a panic restores the terminal. Pressing this
    // key panics on purpose only when the variable is set.
    let panic_key = std::env::var("XUNGKICH_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    loop {
        if dirty {
            terminal.draw(|f| ui::render(f, app))?;
            dirty = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if event::poll(POLL)? {
            match event::read()? {
                Event::Key(key) => {
                    if panic_key.is_some_and(|p| key.code == event::KeyCode::Char(p)) {
                        panic!("deliberate panic for the terminal-restore test");
                    }
                    if let Some(action) = action_for_key(app, key) {
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
            return Ok(());
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
