//! A campaign of another shape than plan 115, made up for the tests: a ward's Youth Union
//! with its own kinds of unit (neighbourhoods, a school, youth branches), two Saturday
//! rounds and no land task. Every screen, the briefing and the export must serve it with
//! its own words, and nothing of the shipped plan's district may leak in.

mod support;

use support::{TempStore, app, go_tab, key, press, stamp, text, xungkich};

use ratatui::crossterm::event::KeyCode;
use xungkich::app::Tab;
use xungkich::i18n::Lang;
use xungkich::io::campaign_file::parse;
use xungkich::store::{Seed, Store};
use xungkich::ui::snapshot::render_text;

const FILE: &str = include_str!("fixtures/ward-2026.toml");
/// Between the two rounds: the first is over, the second's registration is open.
const NOW: &str = "2026-03-20T09:00";

/// What only the shipped plan says: none of it belongs on this campaign's screens.
const SHIPPED_WORDS: &[&str] = &[
    "Tân Phú",
    "Quận Đoàn",
    "quận",
    "Hiệp Tân",
    "đất đai",
    "2022",
];

fn ward_store(t: &TempStore) -> Store {
    let def = parse(FILE, "ward-2026.toml").expect("the test campaign parses");
    Store::open(
        &t.path,
        Seed::File {
            def: &def,
            name: "ward-2026.toml",
        },
        stamp(NOW),
    )
    .expect("store for the ward campaign")
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("a temp path is UTF-8")
}

fn clean(what: &str, screen: &str) {
    for word in SHIPPED_WORDS {
        assert!(
            !screen.contains(word),
            "{what} shows the shipped plan's {word:?}:\n{screen}"
        );
    }
}

#[test]
fn every_screen_serves_the_ward_campaign_in_both_languages_and_sizes() {
    let t = TempStore::new();
    let mut store = ward_store(&t);
    for lang in [Lang::Vi, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = app(&store, NOW, lang);
            for (i, tab) in Tab::ALL.iter().enumerate() {
                go_tab(&mut a, &mut store, (i + 1) as u8);
                assert_eq!(a.tab, *tab);
                let screen = render_text(&a, w, h);
                clean(&format!("{tab:?} {lang:?} {w}x{h}"), &screen);
            }
        }
    }

    // The units tab labels the campaign's own kinds, in each language.
    let mut a = app(&store, NOW, Lang::Vi);
    go_tab(&mut a, &mut store, 2);
    let units = render_text(&a, 120, 40);
    assert!(units.contains("Khu phố 1"), "{units}");
    assert!(units.contains("Loại: Khu phố"), "{units}");
    let mut a = app(&store, NOW, Lang::En);
    go_tab(&mut a, &mut store, 2);
    let units = render_text(&a, 120, 40);
    assert!(units.contains("Type: Neighbourhood"), "{units}");

    // Tab 2 shows the round in view's columns, and follows tab 4 to the other round.
    let mut a = app(&store, NOW, Lang::Vi);
    go_tab(&mut a, &mut store, 2);
    let first = render_text(&a, 120, 40);
    assert!(first.contains("ĐK đợt 1"), "{first}");
    assert!(!first.contains("ĐK đợt 2"), "{first}");
    go_tab(&mut a, &mut store, 4);
    press(&mut a, &mut store, &[key(KeyCode::Char(']'))]);
    go_tab(&mut a, &mut store, 2);
    let second = render_text(&a, 120, 40);
    assert!(second.contains("ĐK đợt 2"), "{second}");
    assert!(!second.contains("ĐK đợt 1"), "{second}");
}

#[test]
fn the_briefing_and_the_export_speak_of_the_ward_campaign() {
    let t = TempStore::new();
    drop(ward_store(&t));
    for (lang, format) in [("vi", "text"), ("en", "markdown"), ("vi", "chat")] {
        let out = xungkich(
            &t.path,
            &["--lang", lang, "--now", NOW, "report", "--format", format],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let briefing = text(&out.stdout);
        assert!(briefing.contains("Bến Thành"), "{briefing}");
        clean(&format!("briefing {lang} {format}"), &briefing);
    }
    // Every file output the officer sends on: the export in both workbook shapes and the
    // Word report.
    for (command, format, name) in [
        ("export", "json", "xuat.json"),
        ("export", "xlsx", "xuat.xlsx"),
        ("report", "docx", "bao-cao.docx"),
    ] {
        let file = t.dir.path().join(name);
        let args = [
            "--now",
            NOW,
            command,
            "--format",
            format,
            "--out",
            path(&file),
        ];
        let out = xungkich(&t.path, &args);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
    }
    let exported = std::fs::read_to_string(t.dir.path().join("xuat.json")).expect("json");
    for word in ["kp-1", "dang-ky-1", "bao-cao-2", "Chi đoàn Khu phố 1"] {
        assert!(exported.contains(word), "{word} in the export");
    }
    clean("export", &exported);
}
