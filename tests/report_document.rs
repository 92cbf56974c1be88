//! What the Word report carries besides the records: the organiser's header and signature
//! (the campaign's `[document]`, kept in the store) and the officer's assessment per report
//! date, audited and undoable.

mod support;

use chrono::NaiveDate;
use xungkich::domain::campaign::DocumentInfo;
use xungkich::domain::change::ChangeSummary;
use xungkich::io::campaign_file;
use xungkich::store::{ReportNote, Seed, Store};

use support::{TempStore, stamp};

const NOW: &str = "2022-05-07T17:00:00+07:00";

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 5, 7).expect("date")
}

/// The shipped campaign under another code and without its `[document]` table.
fn other_campaign() -> String {
    let text = campaign_file::SHIPPED.replace("115/KHLT-UBND-ĐTĐN", "7/KH-ĐTN");
    let start = text.find("[document]").expect("[document]");
    let end = start + text[start..].find("\n]\n").expect("end of recipients") + 3;
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn a_new_store_keeps_the_campaigns_header() {
    let t = TempStore::new();
    let store = t.open(NOW);
    assert_eq!(
        store.document_header().expect("header"),
        campaign_file::shipped().document
    );
}

/// A store of plan 115 made before the header existed gets the shipped one on opening.
#[test]
fn a_schema_6_store_of_the_plan_gets_its_header() {
    let t = TempStore::new();
    drop(t.open(NOW));
    support::back_to_schema_6(&t.path);
    let store = t.open(NOW);
    assert_eq!(store.schema_version().expect("version"), 8);
    let header = store.document_header().expect("header");
    assert_eq!(header, campaign_file::shipped().document);
    assert_eq!(header.signer_name, "Nguyễn Hải Đăng");
}

#[test]
fn another_campaign_without_document_gets_blank_lines_not_a_failure() {
    let text = other_campaign();
    let def = campaign_file::parse(&text, "other.toml").expect("parse");
    assert_eq!(def.document, DocumentInfo::default());
    let t = TempStore::new();
    let store = Store::open(
        &t.path,
        Seed::File {
            def: &def,
            name: "other.toml",
        },
        stamp(NOW),
    )
    .expect("open");
    assert_eq!(
        store.document_header().expect("header"),
        DocumentInfo::default()
    );
    // Seeded before the table existed: no row at all, the same defaults.
    drop(store);
    support::back_to_schema_6(&t.path);
    let store = Store::open(
        &t.path,
        Seed::File {
            def: &def,
            name: "other.toml",
        },
        stamp(NOW),
    )
    .expect("reopen");
    let d = store.document_header().expect("header");
    assert_eq!(d, DocumentInfo::default());
    assert_eq!(d.motto, "ĐOÀN TNCS HỒ CHÍ MINH");
}

#[test]
fn the_assessment_is_kept_per_date_and_undoes() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let summary = ChangeSummary::Assessment { date: day() };
    let first = ReportNote {
        assessment: "Các cơ sở Đoàn tham gia tích cực.".into(),
        next_steps: "Nhân rộng mô hình.\nHoàn thành báo cáo.".into(),
    };
    store
        .save_report_note(day(), &first, stamp("2022-05-07T16:30:00+07:00"), &summary)
        .expect("save");
    assert_eq!(store.report_note(day(), stamp(NOW)).expect("note"), first);
    // Not yet written at an earlier moment, and another day has none.
    assert!(
        store
            .report_note(day(), stamp("2022-05-07T16:00:00+07:00"))
            .expect("note")
            .is_empty()
    );
    let other = NaiveDate::from_ymd_opt(2022, 5, 8).expect("date");
    assert!(
        store
            .report_note(other, stamp(NOW))
            .expect("note")
            .is_empty()
    );
    let second = ReportNote {
        assessment: "Sửa lại.".into(),
        next_steps: String::new(),
    };
    store
        .save_report_note(day(), &second, stamp(NOW), &summary)
        .expect("edit");
    assert_eq!(store.report_note(day(), stamp(NOW)).expect("note"), second);
    let undone = store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert_eq!(
        undone.now,
        Some(xungkich::domain::change::UndoneTo::AsBefore)
    );
    assert_eq!(store.report_note(day(), stamp(NOW)).expect("note"), first);
    store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert!(
        store
            .report_note(day(), stamp(NOW))
            .expect("note")
            .is_empty()
    );
    assert!(matches!(
        store.redo_last().expect("redo"),
        xungkich::store::Redo::Done(_)
    ));
    assert_eq!(store.report_note(day(), stamp(NOW)).expect("note"), first);
}
