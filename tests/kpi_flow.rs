//! Tab 5, the KPIs, driven through the real keymap: computed KPIs follow the records and show
//! "—" when nothing can be divided yet; a measured KPI takes dated measurements (the latest
//! one counts), refuses a numerator above its denominator and writes nothing; a target is
//! edited and refused above 100 %; the latest measurement is deleted and undone; and the
//! screen at 80×24 and 120×40 on the demo store.

mod support;

use insta::assert_snapshot;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use support::{TempStore, app, ctrl, demo_store, key, press, stamp, type_text};
use xungkich::app::{App, StatusKind, Tab};
use xungkich::domain::change::ChangeSummary;
use xungkich::domain::kpi::KpiStatus;
use xungkich::i18n::Lang;
use xungkich::store::{FigureEdit, Store};
use xungkich::ui::snapshot::render_text;

const NOW: &str = "2022-05-07T14:00";
const SEEDED: &str = "2022-04-29T08:00:00+07:00";

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn tab() -> KeyEvent {
    key(KeyCode::Tab)
}

fn fresh() -> (TempStore, Store, App) {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('5')]);
    assert_eq!(a.tab, Tab::Kpi);
    (t, store, a)
}

fn line_index(a: &App, code: &str) -> usize {
    a.kpis
        .lines
        .iter()
        .position(|l| l.kpi.code == code)
        .unwrap_or_else(|| panic!("no KPI {code}"))
}

/// Moves the selection to the KPI `code` with `j`/`k`, as the officer would.
fn select(a: &mut App, store: &mut Store, code: &str) {
    let want = line_index(a, code);
    while a.kpis.list.selected < want {
        press(a, store, &[ch('j')]);
    }
    while a.kpis.list.selected > want {
        press(a, store, &[ch('k')]);
    }
    assert_eq!(a.kpis.lines[a.kpis.list.selected].kpi.code, code);
}

fn status(a: &App) -> (StatusKind, String) {
    let s = a.status.as_ref().expect("a status line");
    (s.kind, s.text.clone())
}

/// Opens the measurement form on the selected KPI, keeps the proposed period and types the
/// two figures.
fn measure(a: &mut App, store: &mut Store, numerator: &str, denominator: &str) {
    press(a, store, &[ch('a')]);
    assert!(a.form.is_some(), "a opens the measurement form");
    press(a, store, &[tab(), tab()]);
    type_text(a, store, numerator);
    press(a, store, &[tab()]);
    type_text(a, store, denominator);
    press(a, store, &[ctrl('s')]);
}

#[test]
fn every_kpi_of_the_plan_is_listed_and_computed_ones_start_honest() {
    let (_t, _store, a) = fresh();
    let codes: Vec<&str> = a.kpis.lines.iter().map(|l| l.kpi.code.as_str()).collect();
    for code in [
        "land-files-week",
        "online-share",
        "feedback-answered",
        "online-services-applied",
        "initiative-coverage",
        "registration-on-time",
        "report-on-time",
        "satisfaction",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    // No initiative yet: 0 of the 29 units that owe one, a real 0 %, not "no data".
    let cov = &a.kpis.lines[line_index(&a, "initiative-coverage")];
    assert_eq!(cov.numerator, Some(0.0));
    assert_eq!(cov.denominator, Some(29.0), "{cov:?}");
    assert_eq!(cov.value, Some(0.0));
    // Owed "during the campaign": progress until its end, not yet a verdict.
    assert_eq!(cov.status, KpiStatus::NotDue);
    // No land file received yet: nothing to divide, so no value and no verdict.
    let land = &a.kpis.lines[line_index(&a, "land-files-week")];
    assert_eq!(land.value, None, "{land:?}");
    assert_eq!(land.status, KpiStatus::NoData);
    assert!(
        land.numerator
            .is_some_and(|n| n == 0.0 && n.is_sign_positive()),
        "{land:?}"
    );
    // A measured KPI without a measurement has no value either.
    let fb = &a.kpis.lines[line_index(&a, "feedback-answered")];
    assert_eq!(fb.value, None);
    assert!(fb.history.is_empty());
    let text = render_text(&a, 120, 40);
    assert!(text.contains("—"), "{text}");
    // The land KPI is selected first: its detail shows 0 files, not "-0".
    assert!(!text.contains("-0"), "{text}");
}

#[test]
fn a_measurement_is_saved_and_the_latest_one_counts() {
    let (_t, mut store, mut a) = fresh();
    select(&mut a, &mut store, "feedback-answered");
    measure(&mut a, &mut store, "46", "50");
    assert!(a.form.is_none(), "saved: {:?}", a.status);
    assert_eq!(status(&a).0, StatusKind::Saved);
    assert_eq!(store.measurements().expect("read").len(), 1);
    let fb = &a.kpis.lines[a.kpis.list.selected];
    assert_eq!(fb.value, Some(92.0));
    // 92 % of a 100 % target: less than ten points short.
    assert_eq!(fb.status, KpiStatus::Near);

    // A decimal comma is a decimal point; the newer measurement replaces the shown value.
    measure(&mut a, &mut store, "50", "50,0");
    assert!(a.form.is_none(), "saved: {:?}", a.status);
    let fb = &a.kpis.lines[a.kpis.list.selected];
    assert_eq!(fb.history.len(), 2);
    assert_eq!(fb.value, Some(100.0));
    assert_eq!(fb.status, KpiStatus::Met);
}

#[test]
fn a_numerator_above_the_denominator_is_refused_and_nothing_is_written() {
    let (_t, mut store, mut a) = fresh();
    select(&mut a, &mut store, "feedback-answered");
    measure(&mut a, &mut store, "60", "50");
    let form = a
        .form
        .as_ref()
        .expect("the form stays open with the figures");
    assert!(form.fields.iter().any(|f| f.problem.is_some()));
    let (kind, text) = status(&a);
    assert_eq!(kind, StatusKind::Error);
    assert!(text.contains("Tử số"), "{text}");
    assert!(store.measurements().expect("read").is_empty());

    // Letters in a figure are refused before anything else happens.
    press(&mut a, &mut store, &[key(KeyCode::Esc)]);
    if a.confirm.is_some() {
        press(&mut a, &mut store, &[ch('y')]);
    }
    measure(&mut a, &mut store, "abc", "50");
    assert!(a.form.is_some());
    assert_eq!(status(&a).0, StatusKind::Error);
    assert!(store.measurements().expect("read").is_empty());
}

#[test]
fn zero_of_zero_is_kept_but_shows_no_value() {
    let (_t, mut store, mut a) = fresh();
    select(&mut a, &mut store, "online-services-applied");
    measure(&mut a, &mut store, "0", "0");
    assert!(a.form.is_none(), "saved: {:?}", a.status);
    let line = &a.kpis.lines[a.kpis.list.selected];
    assert_eq!(line.history.len(), 1);
    assert_eq!(line.value, None);
    assert_eq!(line.status, KpiStatus::NoData);
}

#[test]
fn computed_kpis_take_no_measurement() {
    let (_t, mut store, mut a) = fresh();
    select(&mut a, &mut store, "initiative-coverage");
    press(&mut a, &mut store, &[ch('a')]);
    assert!(a.form.is_none());
    assert_eq!(status(&a).0, StatusKind::Info);
}

#[test]
fn a_target_is_edited_and_one_above_100_is_refused() {
    let (_t, mut store, mut a) = fresh();
    select(&mut a, &mut store, "feedback-answered");
    let id = a.kpis.lines[a.kpis.list.selected].kpi.id;
    let target = |store: &Store| {
        store
            .kpis()
            .expect("read")
            .into_iter()
            .find(|k| k.id == id)
            .and_then(|k| k.target)
    };
    assert_eq!(target(&store), Some(100.0));

    press(&mut a, &mut store, &[ch('t')]);
    press(&mut a, &mut store, &[key(KeyCode::Backspace); 8]);
    type_text(&mut a, &mut store, "150");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_some(), "150 % is refused");
    assert_eq!(status(&a).0, StatusKind::Error);
    assert_eq!(target(&store), Some(100.0));

    press(&mut a, &mut store, &[key(KeyCode::Backspace); 8]);
    type_text(&mut a, &mut store, "80");
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    assert_eq!(target(&store), Some(80.0));
    assert_eq!(a.kpis.lines[a.kpis.list.selected].kpi.target, Some(80.0));

    // A measurement of 85 % now meets the lowered target.
    measure(&mut a, &mut store, "85", "100");
    assert_eq!(a.kpis.lines[a.kpis.list.selected].status, KpiStatus::Met);

    // An empty target means the plan sets no number: the KPI is tracked, not judged.
    press(&mut a, &mut store, &[ch('t')]);
    press(&mut a, &mut store, &[key(KeyCode::Backspace); 8]);
    press(&mut a, &mut store, &[ctrl('s')]);
    assert!(a.form.is_none(), "{:?}", a.status);
    assert_eq!(target(&store), None);
    assert_eq!(
        a.kpis.lines[a.kpis.list.selected].status,
        KpiStatus::Tracked
    );
}

#[test]
fn the_latest_measurement_is_deleted_after_asking_and_comes_back_with_undo() {
    let (_t, mut store, mut a) = fresh();
    select(&mut a, &mut store, "feedback-answered");
    measure(&mut a, &mut store, "40", "50");
    measure(&mut a, &mut store, "45", "50");
    assert_eq!(a.kpis.lines[a.kpis.list.selected].value, Some(90.0));

    press(&mut a, &mut store, &[ch('d')]);
    assert!(a.confirm.is_some(), "d asks first");
    press(&mut a, &mut store, &[ch('n')]);
    assert_eq!(store.measurements().expect("read").len(), 2);

    press(&mut a, &mut store, &[ch('d'), ch('y')]);
    assert_eq!(store.measurements().expect("read").len(), 1);
    assert_eq!(a.kpis.lines[a.kpis.list.selected].value, Some(80.0));

    press(&mut a, &mut store, &[ch('u')]);
    assert_eq!(store.measurements().expect("read").len(), 2);
    assert_eq!(a.kpis.lines[a.kpis.list.selected].value, Some(90.0));
}

#[test]
fn kpis_80x24() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('5')]);
    let text = render_text(&a, 80, 24);
    assert!(
        text.contains("Chỉ tiêu") || text.contains("chỉ tiêu"),
        "{text}"
    );
    assert_snapshot!(text);
}

#[test]
fn kpis_120x40() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('5')]);
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn kpis_120x40_english_with_the_measurement_form() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, NOW, Lang::En);
    press(&mut a, &mut store, &[ch('5')]);
    select(&mut a, &mut store, "feedback-answered");
    press(&mut a, &mut store, &[ch('a')]);
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn the_demo_gives_every_measured_kpi_weeks_of_history() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('5')]);
    let measured: Vec<_> = a
        .kpis
        .lines
        .iter()
        .filter(|l| l.kpi.source == xungkich::domain::campaign::KpiSource::Measured)
        .collect();
    assert_eq!(measured.len(), 4);
    for line in measured {
        assert!(
            line.history.len() >= 4,
            "{}: {:?}",
            line.kpi.code,
            line.history
        );
        assert!(line.value.is_some(), "{}", line.kpi.code);
        let ends: Vec<_> = line.history.iter().map(|m| m.period_end).collect();
        assert!(
            ends.windows(2).all(|w| w[0] < w[1]),
            "oldest first: {ends:?}"
        );
    }
}

#[test]
fn measured_kpi_with_history_120x40() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('5')]);
    select(&mut a, &mut store, "online-services-applied");
    assert_snapshot!(render_text(&a, 120, 40));
}

#[test]
fn measured_kpi_with_history_80x24() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[ch('5')]);
    select(&mut a, &mut store, "online-services-applied");
    assert_snapshot!(render_text(&a, 80, 24));
}

/// The Saturday KPIs count the current Saturday, the one tab 4 opens on and the briefing talks
/// about: once a second round has come, the land figure is that round's, not the first one's.
#[test]
fn saturday_kpis_follow_the_current_saturday() {
    use chrono::NaiveDate;
    use xungkich::domain::figures::Metric;
    use xungkich::domain::time::read_datetime;
    use xungkich::model::kpi::compute;
    use xungkich::store::{LAND_KPI, NewDay};

    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    let at = |s: &str| read_datetime(s).expect("instant");
    let first = store.load_board().expect("board").volunteer_days[0].id;
    let second = store
        .add_volunteer_day(
            &NewDay {
                round: 2,
                date: NaiveDate::from_ymd_opt(2022, 5, 14).expect("date"),
                title: "Round 2".into(),
                host: String::new(),
                registration_deadline: at("2022-05-11T17:00"),
                report_deadline: at("2022-05-14T16:00"),
                requirements: Vec::new(),
            },
            stamp(SEEDED),
            &ChangeSummary::Round {
                round: 2,
                date: NaiveDate::from_ymd_opt(2022, 5, 14).expect("date"),
            },
        )
        .expect("second round");
    let unit = store.load_board().expect("board").units[0].id;
    for (day, total, resolved) in [(first, 10, 3), (second, 10, 9)] {
        for (m, v) in [(Metric::LandTotal, total), (Metric::LandResolved, resolved)] {
            store
                .set_figure(
                    day,
                    unit,
                    m,
                    FigureEdit::Set {
                        value: Some(v),
                        seen: store.figure(day, unit, m).expect("read figure"),
                    },
                    stamp(SEEDED),
                    |value| ChangeSummary::Figure {
                        unit: "test".into(),
                        metric: m,
                        value,
                    },
                )
                .expect("figure");
        }
    }
    let land = |now: &str| {
        let board = store.load_board().expect("board");
        let lines = compute(&board, &store, at(now)).expect("kpis");
        let line = lines
            .into_iter()
            .find(|l| l.kpi.code == LAND_KPI)
            .expect("land KPI");
        (line.numerator, line.denominator)
    };
    assert_eq!(land("2022-05-10T09:00"), (Some(3.0), Some(10.0)));
    assert_eq!(land("2022-05-14T12:00"), (Some(9.0), Some(10.0)));
}
