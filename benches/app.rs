//! The whole app at two scales (issue 7): start-up to the first frame, key to frame on each of
//! the five tabs, the `snapshot` screen and the `report` briefing, on
//!
//! - **demo**: `xungkich demo` at scale 1 (37 units, about 70 initiatives, one Saturday's
//!   figures), the store an officer tries the app with;
//! - **large**: 518 units (`--scale 14`), 100,000 initiatives and 1,000,000 figure rows, the
//!   issue's large scale. Building it takes a while; `XUNGKICH_BENCH_DB=PATH` reuses a store
//!   made by `xungkich demo --scale 14 --initiatives 100000 --figure-rows 1000000` (it is only
//!   read).
//!
//! Keys go through the real keymap (`action_for_key` → `update`) and each timed case ends
//! with a whole frame drawn into a 120×40 `TestBackend`, as the terminal loop does. The target
//! for a key is one frame (16 ms); start-up, the first opening of tab 3 (which reads and folds
//! the whole initiative register) and the report are reported, not held to it. After
//! criterion's estimates the bench prints, per case, the median, 99th percentile and slowest
//! of every single iteration it timed (warm-up included).
//!
//!     cargo bench --bench app                    # both scales
//!     cargo bench --bench app -- demo/           # one scale (criterion's filter)

use std::path::{Path, PathBuf};
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
use xungkich::i18n::{Lang, strings};
use xungkich::io::briefing;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::store::Store;

/// The volunteer Saturday afternoon, when every tab has something to show.
const NOW: &str = "2022-05-07T14:00:00+07:00";
const SIZE: (u16, u16) = (120, 40);
const FRAME: Duration = Duration::from_millis(16);

struct Scale {
    name: &'static str,
    options: xungkich::demo::Options,
    /// A store to reuse instead of building one (only for the large scale).
    reuse_env: Option<&'static str>,
}

fn scales() -> [Scale; 2] {
    [
        Scale {
            name: "demo",
            options: xungkich::demo::Options {
                scale: 1,
                initiatives: None,
                figure_rows: None,
            },
            reuse_env: None,
        },
        Scale {
            name: "large",
            options: xungkich::demo::Options {
                scale: 14,
                initiatives: Some(100_000),
                figure_rows: Some(1_000_000),
            },
            reuse_env: Some("XUNGKICH_BENCH_DB"),
        },
    ]
}

struct Fixture {
    /// Keeps a built store's folder alive for the run.
    _dir: Option<TempDir>,
    path: PathBuf,
    store: Store,
}

fn fixture(scale: &Scale) -> Fixture {
    if let Some(path) = scale
        .reuse_env
        .and_then(std::env::var_os)
        .map(PathBuf::from)
    {
        eprintln!("{}: reusing {}", scale.name, path.display());
        let store = reopen(&path);
        return Fixture {
            _dir: None,
            path,
            store,
        };
    }
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("bench.db");
    let mut store =
        Store::open(&path, SHIPPED_SEED, read_datetime(NOW).expect("instant")).expect("open store");
    let started = Instant::now();
    let counts = xungkich::demo::fill(&mut store, &scale.options).expect("demo data");
    eprintln!(
        "{} store: {counts} ({:.1} s to build)",
        scale.name,
        started.elapsed().as_secs_f64()
    );
    // Reopen, so the store is the one the app would open.
    drop(store);
    let store = reopen(&path);
    Fixture {
        _dir: Some(dir),
        path,
        store,
    }
}

fn reopen(path: &Path) -> Store {
    Store::open(path, SHIPPED_SEED, read_datetime(NOW).expect("instant")).expect("open store")
}

fn clock() -> Clock {
    Clock::Fixed(read_datetime(NOW).expect("clock"))
}

fn load(store: &Store) -> App {
    App::load(store, clock(), Lang::Vi, true).expect("load app")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| xungkich::ui::render(f, app))
        .expect("draw");
}

/// Times `act` after an untimed `setup`, each iteration. Returns whether it ran (a filter
/// given to `cargo bench` skips the others), so checks after a case only follow a real run.
fn timed<S>(
    (group, group_name): (&mut BenchmarkGroup<'_, WallTime>, &str),
    samples: &mut Presses<bool>,
    state: &mut S,
    (name, held): (&str, bool),
    setup: &dyn Fn(&mut S),
    act: &dyn Fn(&mut S),
) -> bool {
    let mut taken: Vec<Duration> = Vec::new();
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                setup(state);
                let started = Instant::now();
                act(state);
                let took = started.elapsed();
                total += took;
                taken.push(took);
            }
            total
        })
    });
    let ran = !taken.is_empty();
    samples.record(format!("{group_name}/{name}"), held, taken);
    ran
}

fn group<'c>(c: &'c mut Criterion, name: &str, slow: bool) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sampling_mode(SamplingMode::Flat);
    if slow {
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(5));
    } else {
        group
            .sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(2));
    }
    group
}

/// What the tab cases work on: the app, its store, a terminal.
struct Session<'s> {
    app: App,
    store: &'s mut Store,
    terminal: Terminal<TestBackend>,
    /// Counts figure saves, so each one writes a value different from the last.
    saves: std::cell::Cell<u64>,
}

impl Session<'_> {
    fn keys(&mut self, keys: &[KeyEvent]) {
        press(&mut self.app, self.store, keys);
        settle(&mut self.app);
    }

    fn frame(&mut self) {
        draw(&mut self.terminal, &self.app);
    }
}

const TABS: [(char, Tab); 5] = [
    ('1', Tab::Overview),
    ('2', Tab::Units),
    ('3', Tab::Initiatives),
    ('4', Tab::Volunteer),
    ('5', Tab::Kpi),
];

fn bench_scale(c: &mut Criterion, samples: &mut Presses<bool>, scale: &Scale) {
    let mut fx = fixture(scale);
    let large = scale.name == "large";

    // Start-up: the store opened, everything the overview shows read, the first frame drawn.
    {
        let name = format!("{}/startup", scale.name);
        let mut g = group(c, &name, large);
        let path = fx.path.clone();
        timed(
            (&mut g, &name),
            samples,
            &mut (),
            ("open + App::load + first frame", false),
            &|_| {},
            &|_| {
                let store = reopen(&path);
                let app = load(&store);
                let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("tty");
                draw(&mut terminal, &app);
            },
        );
        // The first opening of tab 3 reads and folds the whole register (once per run): a
        // fresh app each time, loaded untimed.
        let mut first = Session {
            app: load(&fx.store),
            store: &mut fx.store,
            terminal: Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("tty"),
            saves: std::cell::Cell::new(0),
        };
        let ran = timed(
            (&mut g, &name),
            samples,
            &mut first,
            ("first opening of tab 3 (register read)", false),
            &|s| s.app = load(s.store),
            &|s| {
                s.keys(&[ch('3')]);
                s.frame();
            },
        );
        assert!(!ran || first.app.tab == Tab::Initiatives);
        g.finish();
    }

    // Key to frame on each tab, tab 3's register already built (as after its first opening).
    let mut s = Session {
        app: load(&fx.store),
        store: &mut fx.store,
        terminal: Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("tty"),
        saves: std::cell::Cell::new(0),
    };
    s.keys(&[ch('3'), ch('1')]);
    let name = format!("{}/keys", scale.name);
    let mut g = group(c, &name, false);
    for (key, tab) in TABS {
        // Tabs are switched from the overview (from units for the overview itself) by their
        // digit; the starting tab is set directly, since on tab 4 digits type into the grid.
        let (from_key, from) = if key == '1' {
            ('2', Tab::Units)
        } else {
            ('1', Tab::Overview)
        };
        let ran = timed(
            (&mut g, &name),
            samples,
            &mut s,
            (&format!("open tab {key} (from {from_key})"), true),
            &|s| {
                s.app.tab = from;
                s.frame();
            },
            &|s| {
                press(&mut s.app, s.store, &[ch(key)]);
                s.frame();
            },
        );
        assert!(!ran || s.app.tab == tab, "key {key}");
        // Up then down again, so every timed `j` really moves (none is stuck at the end).
        let ran = timed(
            (&mut g, &name),
            samples,
            &mut s,
            (&format!("tab {key}: down (j)"), true),
            &|s| {
                s.app.tab = tab;
                s.keys(&[ch('k')]);
                s.frame();
            },
            &|s| {
                press(&mut s.app, s.store, &[ch('j')]);
                s.frame();
            },
        );
        assert!(!ran || s.app.tab == tab, "j on tab {key}");
    }
    // Typing a figure: two digits and Enter on tab 4's grid, committed (fsync) and drawn.
    let ran = timed(
        (&mut g, &name),
        samples,
        &mut s,
        ("tab 4: figure save (2 digits + Enter)", true),
        // Enter goes on to the next figure: back to the row's first (volunteers, bounded by
        // nothing) so every timed save is accepted.
        &|s| {
            s.app.tab = Tab::Volunteer;
            s.keys(&[key(KeyCode::Home)]);
            s.frame();
        },
        &|s| {
            let n = s.saves.get();
            s.saves.set(n + 1);
            let value = 10 + n % 90;
            let [a, b] = [value / 10, value % 10].map(|d| ch(char::from(b'0' + d as u8)));
            press(&mut s.app, s.store, &[a, b, key(KeyCode::Enter)]);
            s.frame();
        },
    );
    assert!(
        !ran || s.app.volunteer.editing.is_none(),
        "the figure was saved"
    );
    // A ward's whole row as the officer types it: seven figures of two digits, each followed
    // by Enter (21 keys, a frame after each), from the row's first figure. Divide by 21 for
    // the time from one key to its frame.
    let ran = timed(
        (&mut g, &name),
        samples,
        &mut s,
        (
            "tab 4: a ward's row (7 x 2 digits + Enter, 21 frames)",
            false,
        ),
        &|s| {
            s.app.tab = Tab::Volunteer;
            s.app.volunteer.section = xungkich::app::volunteer::Section::Figures;
            s.keys(&[ch('g'), key(KeyCode::Home)]);
            s.frame();
        },
        &|s| {
            let n = s.saves.get();
            s.saves.set(n + 1);
            for f in 0..7u64 {
                // Resolved (the fifth) one less than received (the fourth), so none is refused.
                let value = 20 + (n + f) % 70 - u64::from(f == 4);
                for d in [value / 10, value % 10] {
                    press(&mut s.app, s.store, &[ch(char::from(b'0' + d as u8))]);
                    s.frame();
                }
                press(&mut s.app, s.store, &[key(KeyCode::Enter)]);
                s.frame();
            }
        },
    );
    assert!(
        !ran || s.app.volunteer.editing.is_none(),
        "the row was saved"
    );
    // One keystroke into tab 3's filter (its first letter), as far as the frame drawn.
    let ran = timed(
        (&mut g, &name),
        samples,
        &mut s,
        ("tab 3: filter keystroke (/ then t)", true),
        &|s| {
            s.app.tab = Tab::Initiatives;
            s.keys(&[key(KeyCode::Esc), ch('/')]);
            s.frame();
        },
        &|s| {
            press(&mut s.app, s.store, &[ch('t')]);
            s.frame();
        },
    );
    assert!(!ran || s.app.initiatives.list.filter.value() == "t");
    s.keys(&[key(KeyCode::Esc)]);
    g.finish();

    // The two commands that print a screen or the briefing, without the process around them
    // (bench/overview-report.sh times them as whole processes against sqlite3).
    let name = format!("{}/commands", scale.name);
    let mut g = group(c, &name, large);
    let store = &*s.store;
    timed(
        (&mut g, &name),
        samples,
        &mut (),
        ("snapshot overview 120x40", false),
        &|_| {},
        &|_| {
            let mut app = load(store);
            app.prepare(store);
            std::hint::black_box(xungkich::ui::snapshot::render_text(&app, SIZE.0, SIZE.1));
        },
    );
    timed(
        (&mut g, &name),
        samples,
        &mut (),
        ("report markdown", false),
        &|_| {},
        &|_| {
            let now = read_datetime(NOW).expect("now");
            let board = store.load_board().expect("board");
            let briefing = briefing::gather(store, board, now).expect("briefing");
            std::hint::black_box(briefing::render(
                &briefing,
                strings(Lang::Vi),
                briefing::Format::Markdown,
            ));
        },
    );
    g.finish();
}

fn app_bench(c: &mut Criterion) {
    let mut samples = Presses::<bool>::default();
    for scale in scales() {
        bench_scale(c, &mut samples, &scale);
    }
    println!();
    // `true`: a key press held to one frame; the other cases have no target.
    samples.print(|held, _, max| match (*held, max >= FRAME) {
        (false, _) => "  (no target)",
        (true, true) => "  SLOWEST OVER ONE FRAME",
        (true, false) => "",
    });
}

criterion_group!(benches, app_bench);
criterion_main!(benches);
