//! Text from imports, forms or the store that holds terminal escapes, other C0/C1 controls,
//! bidi overrides or zero-width characters is drawn as visible placeholders and never reaches
//! the terminal raw: the bytes a real crossterm backend writes are checked, on every screen,
//! its forms and overlays, and in `snapshot` output. Very long, empty and all-blank text is
//! drawn everywhere without a panic.

mod support;

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport, backend::CrosstermBackend};
use support::{TempStore, app, demo_store, key, press, stamp};
use xungkich::app::App;
use xungkich::domain::change::ChangeSummary;
use xungkich::domain::import::ImportKind;
use xungkich::domain::initiative::{CommendationLevel, FieldRef, InitiativeKind, Stage, Valid};
use xungkich::i18n::Lang;
use xungkich::store::{AgendaItem, AgendaStatus, ImportOp, NewMeasurement, NewRegistration, Store};

const NOW: &str = "2022-05-07T10:00:00+07:00";
const AT: &str = "2022-05-07T10:00";

/// An OSC title change, a colour CSI, a C1 CSI, BEL, backspace, DEL, a bidi override, a
/// zero-width space and an isolate: each would act on a terminal if written raw.
const HOSTILE: &str =
    "A\u{1b}]0;PWNED\u{7}B\u{1b}[31mRED\u{9b}2J\u{202e}EVIL\u{200b}Z\u{8}\u{7f}\u{2066}I\u{feff}";

/// Puts `text` into every text the screens show: unit name and contact, initiative title,
/// summary, field and commended person, registration, report note, agenda, KPI note.
fn fill_with(store: &mut Store, text: &str) {
    let board = store.load_board().expect("board");
    let unit = board.units[0].id;
    let day = board.volunteer_days[0].id;
    store
        .apply_import(
            &[ImportOp::UpdateUnit {
                id: board.units[1].id,
                name: Some(format!("Phường {text}")),
                kind: None,
                contact_person: None,
                phone: None,
            }],
            text,
            stamp(NOW),
            &ChangeSummary::Import {
                what: ImportKind::Units,
                source: text.to_string(),
            },
        )
        .expect("unit name");
    store
        .update_unit_contact(
            unit,
            text,
            "0903123456",
            stamp(NOW),
            &ChangeSummary::Contact {
                unit: text.to_string(),
            },
        )
        .expect("contact");
    let v = Valid {
        kind: InitiativeKind::Solution,
        title: format!("0 {text}"),
        unit_id: unit,
        field: FieldRef::New(text.to_string()),
        summary: text.to_string(),
        expected_effect: text.to_string(),
        registered_on: NaiveDate::from_ymd_opt(2022, 4, 20).expect("date"),
        evaluation_notes: text.to_string(),
        score: Some(90.0),
    };
    let id = store
        .add_initiative(
            &v,
            stamp(NOW),
            &ChangeSummary::AddInitiative {
                title: v.title.clone(),
                unit: text.to_string(),
            },
        )
        .expect("initiative");
    store
        .set_stage(
            id,
            Stage::Proposed,
            Some((CommendationLevel::City, Some(text.to_string()))),
            text,
            stamp(NOW),
            &ChangeSummary::Stage {
                title: text.to_string(),
                from: Stage::Registered,
                to: Stage::Proposed,
            },
        )
        .expect("stage");
    store
        .save_registration(
            day,
            unit,
            &NewRegistration {
                activities: vec![],
                other_activity: text.to_string(),
                place: text.to_string(),
                planned_volunteers: Some(3),
                registered_at: chrono::DateTime::parse_from_rfc3339(NOW).expect("t"),
            },
            stamp(NOW),
            &ChangeSummary::Registration {
                unit: text.to_string(),
            },
        )
        .expect("registration");
    store
        .save_report(
            day,
            unit,
            chrono::DateTime::parse_from_rfc3339(NOW).expect("t"),
            text,
            &[],
            stamp(NOW),
            &ChangeSummary::Report {
                unit: text.to_string(),
                photos: 0,
            },
        )
        .expect("report");
    store
        .save_agenda_item(
            None,
            &AgendaItem {
                title: format!("0 {text}"),
                owner: text.to_string(),
                date: NaiveDate::from_ymd_opt(2022, 5, 1),
                status: AgendaStatus::Planned,
                note: text.to_string(),
            },
            stamp(NOW),
            &ChangeSummary::AddAgenda {
                title: text.to_string(),
            },
        )
        .expect("agenda");
    let kpi = store
        .kpis()
        .expect("kpis")
        .into_iter()
        .find(|k| k.source == xungkich::domain::campaign::KpiSource::Measured)
        .expect("a measured KPI");
    store
        .add_measurement(
            kpi.id,
            &NewMeasurement {
                period_start: NaiveDate::from_ymd_opt(2022, 5, 2).expect("d"),
                period_end: NaiveDate::from_ymd_opt(2022, 5, 6).expect("d"),
                numerator: 1.0,
                denominator: 2.0,
                unit_id: Some(unit),
                note: text.to_string(),
            },
            stamp(NOW),
            &ChangeSummary::Measurement {
                kpi: text.to_string(),
                start: NaiveDate::from_ymd_opt(2022, 5, 2).expect("d"),
                end: NaiveDate::from_ymd_opt(2022, 5, 6).expect("d"),
            },
        )
        .expect("measurement");
}

/// A writer whose bytes the test can read after the backend is done with them.
#[derive(Clone, Default)]
struct Captured(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a real terminal backend writes for one frame.
fn frame_bytes(a: &App, w: u16, h: u16) -> Vec<u8> {
    let captured = Captured::default();
    let backend = CrosstermBackend::new(captured.clone());
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .expect("terminal");
    term.draw(|f| xungkich::ui::render(f, a)).expect("draw");
    drop(term);
    captured.0.borrow().clone()
}

/// No control byte but ESC, every ESC the start of a CSI the backend itself writes, and no
/// C1, bidi or zero-width character.
fn assert_inert(bytes: &[u8], what: &str) {
    for (i, b) in bytes.iter().enumerate() {
        if *b < 0x20 && *b != 0x1b {
            panic!("{what}: control byte {b:#04x} at {i}");
        }
        if *b == 0x1b {
            assert_eq!(
                bytes.get(i + 1),
                Some(&b'['),
                "{what}: ESC not starting a CSI at {i}"
            );
        }
    }
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.contains("\u{1b}[31mRED"),
        "{what}: the data's CSI got through"
    );
    assert!(!text.contains("\u{1b}]"), "{what}: an OSC got through");
    for c in text.chars() {
        let bad = matches!(c, '\u{80}'..='\u{9f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{feff}');
        assert!(!bad, "{what}: {:?} reached the terminal", c);
    }
}

/// Every screen, and on each the overlays and forms the data shows up in.
fn walk(a: &mut App, store: &mut Store, mut check: impl FnMut(&App, &str)) {
    let k = |c: char| key(KeyCode::Char(c));
    let steps: Vec<(&str, Vec<ratatui::crossterm::event::KeyEvent>)> = vec![
        ("overview", vec![k('1')]),
        ("units", vec![k('2')]),
        ("units, contact form", vec![k('e')]),
        ("units, help over the form", vec![key(KeyCode::F(1))]),
        (
            "units, list again",
            vec![key(KeyCode::F(1)), key(KeyCode::Esc)],
        ),
        ("units, second unit", vec![key(KeyCode::Esc), k('j')]),
        ("initiatives", vec![k('3'), k('g')]),
        ("initiatives, edit form", vec![k('e')]),
        ("initiatives, list", vec![key(KeyCode::Esc)]),
        ("initiatives, delete question", vec![k('d')]),
        ("volunteer figures", vec![k('n'), k('4')]),
        ("registrations", vec![k('v')]),
        ("registration form", vec![k('e')]),
        ("reports", vec![key(KeyCode::Esc), k('v')]),
        ("report form", vec![k('r')]),
        ("agenda", vec![key(KeyCode::Esc), k('v'), k('g')]),
        ("agenda form", vec![k('e')]),
        ("kpi", vec![key(KeyCode::Esc), k('5')]),
        ("kpi, help", vec![k('?')]),
    ];
    for (what, keys) in steps {
        press(a, store, &keys);
        check(a, what);
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    fill_with(&mut store, HOSTILE);
    for (lang, (w, h)) in [(Lang::Vi, (120, 40)), (Lang::En, (80, 24))] {
        let mut a = app(&store, AT, lang);
        let mut seen_placeholder = false;
        walk(&mut a, &mut store, |a, what| {
            let bytes = frame_bytes(a, w, h);
            assert_inert(&bytes, &format!("{lang:?} {w}x{h} {what}"));
            seen_placeholder |= String::from_utf8_lossy(&bytes).contains("␛[31mRED");
        });
        assert!(
            seen_placeholder,
            "the hostile text was drawn, as placeholders"
        );
    }
    // An import preview of a file full of it, and the status after an undo naming it.
    let dir = tempfile::TempDir::new().expect("dir");
    let csv = dir.path().join("x.csv");
    std::fs::write(
        &csv,
        format!("Đơn vị,Tên sáng kiến,{HOSTILE}\n\"{HOSTILE}\",\"{HOSTILE}\",x\n"),
    )
    .expect("csv");
    let mut a = app(&store, AT, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('3')), key(KeyCode::Char('i'))],
    );
    support::type_text(&mut a, &mut store, &csv.display().to_string());
    press(&mut a, &mut store, &[key(KeyCode::Enter)]);
    assert!(a.import.is_some());
    assert_inert(&frame_bytes(&a, 80, 24), "import preview");
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Esc), key(KeyCode::Char('u'))],
    );
    assert_inert(&frame_bytes(&a, 80, 24), "status after undo");
}

#[test]
fn snapshot_output_is_inert_too() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    fill_with(&mut store, HOSTILE);
    drop(store);
    for screen in ["overview", "units", "initiatives", "volunteer", "kpi"] {
        let out = Command::new(env!("CARGO_BIN_EXE_xungkich"))
            .arg("--db")
            .arg(&t.path)
            .args(["--now", AT, "snapshot", screen])
            .output()
            .expect("snapshot");
        assert!(out.status.success(), "{out:?}");
        // Lines end in \n: the one control a plain-text snapshot may hold.
        let bytes: Vec<u8> = out.stdout.iter().copied().filter(|b| *b != b'\n').collect();
        assert_inert(&bytes, &format!("snapshot {screen}"));
    }
}

#[test]
fn very_long_empty_and_blank_text_draw_everywhere() {
    let long: String = "Tân Quý ".repeat(12_500);
    assert_eq!(long.chars().count(), 100_000);
    for text in [long.as_str(), "", "   \t  "] {
        let t = TempStore::new();
        let mut store = demo_store(&t);
        fill_with(&mut store, text);
        for (w, h) in [(80, 24), (120, 40), (72, 20)] {
            let mut a = app(&store, AT, Lang::Vi);
            walk(&mut a, &mut store, |a, what| {
                let screen = xungkich::ui::snapshot::render_text(a, w, h);
                assert_eq!(screen.lines().count(), h as usize, "{what} {w}x{h}");
            });
        }
    }
    // Pasted into fields: a one-line field, a multi-line one, the filter.
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = app(&store, AT, Lang::Vi);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('2')), key(KeyCode::Char('e'))],
    );
    xungkich::app::update(
        &mut a,
        &mut store,
        xungkich::app::Action::Paste(long.clone()),
    );
    // Leaving the field shows its rule: too long, with the count.
    press(&mut a, &mut store, &[key(KeyCode::Tab)]);
    let screen = xungkich::ui::snapshot::render_text(&a, 80, 24);
    assert!(
        screen.contains("(đang có 1000"),
        "the field says it is too long:\n{screen}"
    );
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Esc), key(KeyCode::Char('y'))],
    );
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Char('3')),
            key(KeyCode::Char('a')),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
            key(KeyCode::Tab),
        ],
    );
    xungkich::app::update(
        &mut a,
        &mut store,
        xungkich::app::Action::Paste(long.replace("Quý ", "Quý\n")),
    );
    let _ = xungkich::ui::snapshot::render_text(&a, 120, 40);
    press(
        &mut a,
        &mut store,
        &[
            key(KeyCode::Esc),
            key(KeyCode::Char('y')),
            key(KeyCode::Char('/')),
        ],
    );
    xungkich::app::update(
        &mut a,
        &mut store,
        xungkich::app::Action::Paste(long.clone()),
    );
    let _ = xungkich::ui::snapshot::render_text(&a, 80, 24);
    let _ = Path::new(".");
}
