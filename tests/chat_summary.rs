//! The chat summary (`report --format chat`, key `C`): golden files in both languages, the
//! shape a phone needs (short, no tables or markup), and the key that copies it.
//!
//! `UPDATE_GOLDEN=1 cargo test --test chat_summary` rewrites the golden files after a
//! deliberate change; review the diff before committing it.

mod support;

use ratatui::crossterm::event::KeyCode;
use support::{TempStore, check_golden, clock, demo_store, key, press};
use xungkich::app::StatusKind;
use xungkich::i18n::{Lang, strings};
use xungkich::io::{briefing, chat};

/// An hour after the quick-report deadline: late reports, met and missed KPIs, totals.
const NOW: &str = "2022-05-07T17:00";

fn summary(lang: Lang, at: &str) -> String {
    let t = TempStore::new();
    let store = demo_store(&t);
    let board = store.load_board().expect("board");
    let b = briefing::gather(&store, board, clock(at).now()).expect("gather");
    chat::render(&b, strings(lang))
}

#[test]
fn chat_vi_matches_golden() {
    check_golden("chat-vi.txt", &summary(Lang::Vi, NOW));
}

#[test]
fn chat_en_matches_golden() {
    check_golden("chat-en.txt", &summary(Lang::En, NOW));
}

/// What reads well on a phone at every moment of the Saturday: at most about 25 lines, none
/// long, no table pipes, no Markdown, no runs of spaces that only align in a fixed font.
#[test]
fn it_reads_on_a_phone_before_during_and_after_the_saturday() {
    for at in ["2022-05-03T09:00", "2022-05-07T14:00", NOW] {
        for lang in [Lang::Vi, Lang::En] {
            let text = summary(lang, at);
            let lines: Vec<&str> = text.lines().collect();
            assert!(
                lines.len() <= 25,
                "{at} {lang:?}: {} lines\n{text}",
                lines.len()
            );
            for l in &lines {
                let body = l.trim_start();
                assert!(
                    !l.contains('|') && !l.contains("**") && !l.contains('#'),
                    "{l}"
                );
                assert!(!body.contains("  "), "aligned columns: {l:?}");
                assert!(l.chars().count() <= 90, "{at}: too long for a phone: {l}");
            }
            assert_eq!(text, summary(lang, at), "deterministic under --now");
        }
    }
}

/// Key C writes the summary beside the store and hands the same text to the terminal loop,
/// which puts it on the clipboard (OSC 52).
#[test]
fn key_c_saves_the_summary_and_asks_for_the_clipboard() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = support::app(&store, NOW, Lang::Vi);
    press(&mut a, &mut store, &[key(KeyCode::Char('C'))]);
    let status = a.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
    let path = status
        .text
        .rsplit(" lưu ở ")
        .next()
        .expect("the path in the status");
    let saved = std::fs::read_to_string(path).expect("the saved summary");
    assert_eq!(a.clipboard.as_deref(), Some(saved.as_str()));
    assert_eq!(saved, summary(Lang::Vi, NOW));
    // Pressed again within the minute: a second file, the first kept.
    press(&mut a, &mut store, &[key(KeyCode::Char('C'))]);
    let second = a.status.clone().expect("a status").text;
    assert!(second.ends_with("-2.txt"), "{second}");
    assert!(std::path::Path::new(path).exists());
}

/// The report choice under R offers the chat summary too.
#[test]
fn the_report_menu_writes_the_chat_summary() {
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut a = support::app(&store, NOW, Lang::En);
    press(
        &mut a,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('c'))],
    );
    let status = a.status.clone().expect("a status");
    assert!(
        status.text.starts_with("Chat summary copied"),
        "{}",
        status.text
    );
    assert_eq!(
        a.clipboard.as_deref(),
        Some(summary(Lang::En, NOW).as_str())
    );
}
