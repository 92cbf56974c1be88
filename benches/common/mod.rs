//! What the criterion benches share: keys through the real keymap, and the summary of every
//! timed press (criterion estimates the typical press; the targets are about the median and
//! the slowest). The `presses …` lines it prints are what the scripts under `bench/` read.

#![allow(dead_code)]

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xungkich::app::{App, update};
use xungkich::store::Store;
use xungkich::tui::action_for_key;

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Presses keys through the real keymap, as the terminal loop does.
pub fn press(app: &mut App, store: &mut Store, keys: &[KeyEvent]) {
    for k in keys {
        if let Some(action) = action_for_key(app, *k) {
            update(app, store, action);
        }
    }
}

/// Runs the work left over from the last key, as the terminal loop does while idle.
pub fn settle(app: &mut App) {
    while app.has_background_work() {
        app.background_step();
    }
}

/// Every timed press of every case, each with what its verdict needs to know (`T`).
pub struct Presses<T>(Vec<(String, T, Vec<Duration>)>);

impl<T> Default for Presses<T> {
    fn default() -> Self {
        Presses(Vec::new())
    }
}

impl<T> Presses<T> {
    pub fn record(&mut self, id: String, tag: T, mut samples: Vec<Duration>) {
        if samples.is_empty() {
            // Left out by a filter on the command line.
            return;
        }
        samples.sort_unstable();
        self.0.push((id, tag, samples));
    }

    /// One line per case: median, 99th percentile, slowest, and what `verdict` says of
    /// (tag, median, slowest) — "" when the case is within its target.
    pub fn print(&self, verdict: impl Fn(&T, Duration, Duration) -> &'static str) {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        for (id, tag, samples) in &self.0 {
            let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
            let (median, p99, max) = (at(0.5), at(0.99), at(1.0));
            println!(
                "presses {id}: median {:.3} ms, p99 {:.3} ms, max {:.3} ms ({} presses){}",
                ms(median),
                ms(p99),
                ms(max),
                samples.len(),
                verdict(tag, median, max)
            );
        }
    }
}
