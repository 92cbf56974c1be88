//! Tab 3 at scale: a demo store with 100,000 initiatives, each key answered and a full frame
//! drawn, as the terminal loop does it (keymap → `update` → `ui::render`).
//!
//! The target (issue 3): opening the tab, moving and each filter keystroke under one frame
//! (16 ms), median under 2 ms. Every case times one key press plus one frame drawn into a
//! `TestBackend`; whatever puts the app back in the case's starting state runs untimed before
//! each press. After criterion's estimates the bench prints, per case, the median, 99th
//! percentile and slowest of every single press it timed (warm-up included), since the 16 ms
//! limit is about the worst press, not the typical one.
//!
//!     cargo bench --bench initiatives            # or bench/initiatives.sh for a table

use std::path::Path;
use std::time::{Duration, Instant};

mod common;
use common::{Presses, ch, key, press, settle};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use tempfile::TempDir;

use xungkich::app::{App, Tab};
use xungkich::domain::time::{Clock, read_datetime};
use xungkich::i18n::Lang;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::store::Store;

const INITIATIVES: u64 = 100_000;
/// 37 units per step: about 500 units, so the unit names and pickers are at scale too.
const SCALE: u32 = 14;
const NOW: &str = "2022-05-06T09:00:00+07:00";
const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];
/// A frame at 60 Hz, and the median the issue asks for.
const FRAME: Duration = Duration::from_millis(16);
const MEDIAN_TARGET: Duration = Duration::from_millis(2);

struct Fixture {
    /// Keeps the store's folder (and the demo's photos) alive for the run.
    _dir: TempDir,
    store: Store,
}

fn fixture() -> Fixture {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("bench.db");
    let mut store =
        Store::open(&path, SHIPPED_SEED, read_datetime(NOW).expect("instant")).expect("open store");
    let options = xungkich::demo::Options {
        scale: SCALE,
        initiatives: Some(INITIATIVES),
        figure_rows: None,
    };
    let started = Instant::now();
    let counts = xungkich::demo::fill(&mut store, &options).expect("demo data");
    eprintln!(
        "demo store: {counts} ({:.1} s to build)",
        started.elapsed().as_secs_f64()
    );
    // Reopen, so the measured start-up reads the file as the app would.
    drop(store);
    let store = reopen(&path);
    Fixture { _dir: dir, store }
}

fn reopen(path: &Path) -> Store {
    Store::open(path, SHIPPED_SEED, read_datetime(NOW).expect("instant")).expect("reopen store")
}

/// Start-up as the officer meets it before tab 3: the app, then the registry tab 3 reads when
/// it first opens (100,000 initiatives folded once).
fn load(store: &Store) -> App {
    let clock = Clock::Fixed(read_datetime(NOW).expect("clock"));
    let mut app = App::load(store, clock, Lang::Vi, true).expect("load app");
    app.tab = Tab::Initiatives;
    app.prepare(store);
    app.tab = Tab::Overview;
    app
}

/// Types as an officer does: between two letters the app has time to finish what a letter
/// started (a long search goes on in chunks while no key is waiting), as the terminal loop
/// lets it.
fn type_text(app: &mut App, store: &mut Store, text: &str) {
    for c in text.chars() {
        press(app, store, &[ch(c)]);
        settle(app);
    }
}

/// The app, the store and a terminal of one size: what one case works on.
struct Session<'s> {
    app: App,
    store: &'s mut Store,
    terminal: Terminal<TestBackend>,
}

impl Session<'_> {
    fn draw(&mut self) {
        let app = &self.app;
        self.terminal
            .draw(|f| xungkich::ui::render(f, app))
            .expect("draw");
    }

    /// Untimed: pressing keys to reach a case's starting state, then a frame like the loop's.
    fn reset(&mut self, keys: &[KeyEvent]) {
        press(&mut self.app, self.store, keys);
        settle(&mut self.app);
        self.draw();
    }
}

/// Times `keys` plus one frame, after `setup` (untimed) before each press.
fn case(
    group: &mut BenchmarkGroup<'_, WallTime>,
    presses: &mut Presses<()>,
    session: &mut Session<'_>,
    name: &str,
    setup: &dyn Fn(&mut Session<'_>),
    keys: &[KeyEvent],
) -> bool {
    timed(group, presses, session, name, setup, &|s| {
        press(&mut s.app, s.store, keys);
        s.draw();
    })
}

/// Times `act` after an untimed `setup`, each iteration. Returns whether it ran (a filter
/// given to `cargo bench` skips the others), so steps that follow a case only follow a run.
fn timed(
    group: &mut BenchmarkGroup<'_, WallTime>,
    presses: &mut Presses<()>,
    session: &mut Session<'_>,
    name: &str,
    setup: &dyn Fn(&mut Session<'_>),
    act: &dyn Fn(&mut Session<'_>),
) -> bool {
    let mut samples: Vec<Duration> = Vec::new();
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                setup(session);
                let started = Instant::now();
                act(session);
                let took = started.elapsed();
                total += took;
                samples.push(took);
            }
            total
        })
    });
    let area = session.terminal.backend().buffer().area;
    let id = format!("initiatives/{}x{}/{name}", area.width, area.height);
    let ran = !samples.is_empty();
    presses.record(id, (), samples);
    ran
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .sampling_mode(SamplingMode::Flat);
}

fn keystrokes(c: &mut Criterion) {
    let mut fx = fixture();
    let mut presses = Presses::<()>::default();

    // Start-up: reading 100,000 initiatives and folding their text (once per run, not per
    // frame; the officer waits for it once).
    {
        let mut group = c.benchmark_group("startup");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(6))
            .sampling_mode(SamplingMode::Flat);
        group.bench_function("App::load + first tab 3", |b| b.iter(|| load(&fx.store)));
        group.finish();
    }

    for (w, h) in SIZES {
        let terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        let app = load(&fx.store);
        let total = app.registry.entries.len();
        assert_eq!(total as u64, INITIATIVES, "the store holds the asked count");
        let mut s = Session {
            app,
            store: &mut fx.store,
            terminal,
        };
        let mut group = c.benchmark_group(format!("initiatives/{w}x{h}"));
        configure(&mut group);

        // Opening the tab from the overview, the detail pane read afresh as at the first
        // opening (later openings find it cached).
        case(
            &mut group,
            &mut presses,
            &mut s,
            "open tab (3)",
            &|s| {
                s.reset(&[ch('1')]);
                s.app.initiatives.detail = None;
                assert_eq!(s.app.tab, Tab::Overview);
            },
            &[ch('3')],
        );
        s.reset(&[ch('3')]);
        assert_eq!(s.app.tab, Tab::Initiatives);

        // Moving: each step reads the newly selected initiative's detail from the store.
        case(
            &mut group,
            &mut presses,
            &mut s,
            "down (j)",
            &|s| s.reset(&[ch('g')]),
            &[ch('j')],
        );
        case(
            &mut group,
            &mut presses,
            &mut s,
            "down (Down)",
            &|s| s.reset(&[ch('g')]),
            &[key(KeyCode::Down)],
        );
        case(
            &mut group,
            &mut presses,
            &mut s,
            "page down (PgDn)",
            &|s| s.reset(&[ch('g')]),
            &[key(KeyCode::PageDown)],
        );
        case(
            &mut group,
            &mut presses,
            &mut s,
            "to the end (G)",
            &|s| s.reset(&[ch('g')]),
            &[ch('G')],
        );

        // The filter, one keystroke at a time. Before each press the filter line holds the
        // text typed so far (Esc empties it, `/` reopens it).
        for phrase in ["tan quy", "dat dai"] {
            let chars: Vec<char> = phrase.chars().collect();
            for i in 0..chars.len() {
                let before: String = chars[..i].iter().collect();
                let name = format!("filter \"{before}\" + '{}'", chars[i]);
                case(
                    &mut group,
                    &mut presses,
                    &mut s,
                    &name,
                    &|s| {
                        s.reset(&[key(KeyCode::Esc), ch('/')]);
                        type_text(&mut s.app, s.store, &before);
                        s.draw();
                        assert!(s.app.initiatives.list.filter_typing);
                        assert_eq!(s.app.initiatives.list.filter.value(), before);
                    },
                    &[ch(chars[i])],
                );
            }
            // Widening again: a full scan.
            case(
                &mut group,
                &mut presses,
                &mut s,
                &format!("filter \"{phrase}\" + Backspace"),
                &|s| {
                    s.reset(&[key(KeyCode::Esc), ch('/')]);
                    type_text(&mut s.app, s.store, phrase);
                    s.draw();
                    assert_eq!(s.app.initiatives.list.filter.value(), phrase);
                },
                &[key(KeyCode::Backspace)],
            );
            // Esc in the filter line: everything again.
            case(
                &mut group,
                &mut presses,
                &mut s,
                &format!("filter \"{phrase}\" + Esc"),
                &|s| {
                    s.reset(&[key(KeyCode::Esc), ch('/')]);
                    type_text(&mut s.app, s.store, phrase);
                    s.draw();
                },
                &[key(KeyCode::Esc)],
            );
        }
        // Not a key's answer but the whole search behind it: the first letter over every row,
        // the chunks the loop runs between keys included, and the frame with the final count.
        timed(
            &mut group,
            &mut presses,
            &mut s,
            "filter \"\" + 't', search completed",
            &|s| s.reset(&[key(KeyCode::Esc), ch('/')]),
            &|s| {
                press(&mut s.app, s.store, &[ch('t')]);
                settle(&mut s.app);
                s.draw();
            },
        );
        s.reset(&[key(KeyCode::Esc), key(KeyCode::Esc)]);
        let shown = s.app.initiatives.visible().len();
        assert_eq!(shown, total, "every filter cleared");

        // Moving within a filtered list.
        case(
            &mut group,
            &mut presses,
            &mut s,
            "down in \"tan quy\" (j)",
            &|s| {
                s.reset(&[key(KeyCode::Esc), ch('/')]);
                type_text(&mut s.app, s.store, "tan quy");
                s.reset(&[key(KeyCode::Enter), ch('g')]);
                assert!(!s.app.initiatives.list.filter_typing);
            },
            &[ch('j')],
        );
        s.reset(&[key(KeyCode::Esc), key(KeyCode::Esc)]);

        // Not a per-keystroke target, but a key of the tab all the same: `s` sorts all
        // 100,000 again (date → unit, the dearest order).
        let sorted = case(
            &mut group,
            &mut presses,
            &mut s,
            "sort (s, date to unit)",
            &|s| {
                s.app.initiatives.sort = Default::default();
                s.reset(&[]);
            },
            &[ch('s')],
        );
        // Back to the date order through the key itself: unit → stage → score → date.
        if sorted {
            s.reset(&[ch('s'), ch('s'), ch('s')]);
        }
        assert_eq!(s.app.initiatives.sort, Default::default());
        group.finish();
    }
    presses.print(|_, median, max| {
        if max >= FRAME {
            "  SLOWEST OVER ONE FRAME"
        } else if median >= MEDIAN_TARGET {
            "  MEDIAN OVER 2 MS"
        } else {
            ""
        }
    });
    println!(
        "targets: median under {} ms, every press under {} ms",
        MEDIAN_TARGET.as_millis(),
        FRAME.as_millis()
    );
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
