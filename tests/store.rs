//! The store: migrations, refusals that leave files untouched, durability of changes, undo.

mod support;

use rusqlite::Connection;
use support::{TempStore, stamp};
use xungkich::domain::campaign::RequirementSource;
use xungkich::domain::change::{ChangeSummary, Summary};
use xungkich::io::campaign_file;
use xungkich::io::campaign_file::SHIPPED_SEED;
use xungkich::store::{Seed, Store, StoreError};

const NOW: &str = "2022-05-06T09:00:00+07:00";

fn manual_requirement(store: &Store) -> i64 {
    let board = store.load_board().expect("board");
    board
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::Manual)
        .expect("a manual requirement")
        .id
}

fn first_unit(store: &Store) -> i64 {
    store.load_board().expect("board").units[0].id
}

/// What the changes these tests make straight through the store say in the log.
fn ticked() -> ChangeSummary {
    ChangeSummary::Ticked {
        unit: "Hiệp Tân".into(),
        requirement: "Thi đua".into(),
    }
}

fn unticked() -> ChangeSummary {
    ChangeSummary::Unticked {
        unit: "Hiệp Tân".into(),
        requirement: "Thi đua".into(),
    }
}

fn contact(who: &str) -> ChangeSummary {
    ChangeSummary::Contact { unit: who.into() }
}

#[test]
fn fresh_file_is_migrated_and_seeded() {
    let t = TempStore::new();
    let store = t.open(NOW);
    assert_eq!(store.schema_version().expect("version"), 8);
    let board = store.load_board().expect("board");
    assert_eq!(board.campaign.code, "115/KHLT-UBND-ĐTĐN");
    let wards = board
        .units
        .iter()
        .filter(|u| u.kind.code() == "ward")
        .count();
    assert_eq!(wards, 11);
    assert_eq!(board.requirements.len(), 4);
    assert_eq!(board.volunteer_days.len(), 1);
    let conn = Connection::open(&t.path).expect("raw open");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
}

/// A store the previous build wrote (schema 1, changes logged as sentences) is migrated when
/// opened: the log keeps every row and its words, undo still works, and new changes are
/// logged as data beside them.
#[test]
fn a_schema_1_store_is_migrated_and_keeps_its_log() {
    let t = TempStore::new();
    let (unit, req) = {
        let mut store = t.open(NOW);
        let (unit, req) = (first_unit(&store), manual_requirement(&store));
        store
            .toggle_check(unit, req, stamp(NOW), &ticked())
            .expect("tick");
        (unit, req)
    };
    support::back_to_schema_1(&t.path, "Đánh dấu \"Thi đua\" cho UBND phường Hiệp Tân");
    let mut store = t.open(NOW);
    assert_eq!(store.schema_version().expect("version"), 8);
    let old = Summary::Text("Đánh dấu \"Thi đua\" cho UBND phường Hiệp Tân".into());
    assert_eq!(store.last_change().expect("last"), Some(old.clone()));
    store
        .update_unit_contact(
            unit,
            "Trần Thị B",
            "0912 345 678",
            stamp(NOW),
            &contact("new"),
        )
        .expect("a change after the migration");
    assert_eq!(
        store.last_change().expect("last"),
        Some(Summary::Data(contact("new")))
    );
    let undone = |store: &mut Store| {
        store
            .undo_last(stamp(NOW))
            .expect("undo")
            .expect("undone")
            .summary
    };
    assert_eq!(undone(&mut store), Summary::Data(contact("new")));
    assert_eq!(undone(&mut store), old);
    assert_eq!(
        store.load_board().expect("board").evidence_for(unit, req),
        None
    );
    drop(store);
    let conn = Connection::open(&t.path).expect("raw");
    let rows: Vec<(String, Option<String>)> = conn
        .prepare("SELECT summary, summary_json FROM audit_log ORDER BY id")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0],
        ("Đánh dấu \"Thi đua\" cho UBND phường Hiệp Tân".into(), None)
    );
    assert_eq!(rows[1].0, "", "a new row's words are its data");
    assert_eq!(
        rows[1].1.as_deref(),
        Some(r#"{"kind":"contact","unit":"new"}"#)
    );
}

/// Read-only, a schema 1 store cannot be migrated: it is refused and left at schema 1.
#[test]
fn a_schema_1_store_opened_read_only_is_refused_unchanged() {
    let t = TempStore::new();
    drop(t.open(NOW));
    support::back_to_schema_1(&t.path, "");
    let err = Store::open_read_only(&t.path, xungkich::store::ReadOnly::Asked)
        .err()
        .expect("refused");
    assert!(
        matches!(err, StoreError::ReadOnlyNeedsUpgrade { known: 8, .. }),
        "{err}"
    );
    let conn = Connection::open(&t.path).expect("raw");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 1);
}

#[test]
fn reopening_keeps_data_and_does_not_seed_twice() {
    let t = TempStore::new();
    let units = {
        let store = t.open(NOW);
        store.load_board().expect("board").units.len()
    };
    let store = t.open(NOW);
    assert_eq!(store.load_board().expect("board").units.len(), units);
}

fn bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

#[test]
fn refuses_a_file_that_is_not_a_database_and_leaves_it_unchanged() {
    let t = TempStore::new();
    for content in [
        b"hello, this is a note, not a database".to_vec(),
        vec![0u8; 4096],
        b"SQLite format 3".to_vec(),
        (0..=255u8).cycle().take(10_000).collect(),
    ] {
        std::fs::write(&t.path, &content).expect("write");
        let err = Store::open(&t.path, SHIPPED_SEED, stamp(NOW))
            .err()
            .expect("refused");
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
        assert!(err.is_refusal());
        assert!(err.to_string().contains("not a SQLite database"));
        assert_eq!(bytes(&t.path), content);
        assert!(!t.path.with_extension("db-wal").exists());
    }
}

#[test]
fn refuses_another_programs_database_unchanged() {
    let t = TempStore::new();
    {
        let conn = Connection::open(&t.path).expect("create");
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');")
            .expect("fill");
    }
    let before = bytes(&t.path);
    let err = Store::open(&t.path, SHIPPED_SEED, stamp(NOW))
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::NotOurs { .. }), "{err}");
    assert_eq!(bytes(&t.path), before);
}

#[test]
fn refuses_a_newer_schema_unchanged() {
    let t = TempStore::new();
    drop(t.open(NOW));
    {
        let conn = Connection::open(&t.path).expect("raw open");
        conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;")
            .expect("bump version");
    }
    let before = bytes(&t.path);
    let err = Store::open(&t.path, SHIPPED_SEED, stamp(NOW))
        .err()
        .expect("refused");
    match &err {
        StoreError::SchemaTooNew { found, known, .. } => {
            assert_eq!(*found, 99);
            assert_eq!(*known, 8);
        }
        other => panic!("expected SchemaTooNew, got {other}"),
    }
    assert!(err.to_string().contains("newer"));
    assert_eq!(bytes(&t.path), before);
    assert!(!t.path.with_extension("db-wal").exists());
}

#[test]
fn an_empty_file_becomes_a_new_store() {
    let t = TempStore::new();
    std::fs::write(&t.path, b"").expect("touch");
    let store = t.open(NOW);
    assert_eq!(store.load_board().expect("board").units.len(), 37);
}

#[test]
fn a_tick_survives_a_restart_and_undo_works_after_reopen() {
    let t = TempStore::new();
    let (unit, req) = {
        let mut store = t.open(NOW);
        let (unit, req) = (first_unit(&store), manual_requirement(&store));
        assert!(
            store
                .toggle_check(unit, req, stamp(NOW), &ticked())
                .expect("tick")
        );
        (unit, req)
    };
    let store = t.open(NOW);
    let board = store.load_board().expect("board");
    assert_eq!(
        board.evidence_for(unit, req).map(|t| t.to_rfc3339()),
        Some(NOW.to_string())
    );
    assert_eq!(
        store.last_change().expect("last"),
        Some(Summary::Data(ticked()))
    );
    drop(store);
    let mut store = t.open(NOW);
    let undone = store
        .undo_last(stamp(NOW))
        .expect("undo")
        .expect("something undone");
    assert_eq!(undone.summary, Summary::Data(ticked()));
    assert_eq!(
        store.load_board().expect("board").evidence_for(unit, req),
        None
    );
    assert_eq!(store.undo_last(stamp(NOW)).expect("undo"), None);
    drop(store);
    let store = t.open(NOW);
    assert_eq!(
        store.load_board().expect("board").evidence_for(unit, req),
        None
    );
}

/// A stamp is stored as the store has always written it: RFC 3339 in the stamp's own offset,
/// never converted to UTC, so rows written before and after this API read and sort alike.
#[test]
fn stamps_are_stored_in_their_own_offset_as_before() {
    let t = TempStore::new();
    let mut store = t.open("2022-05-06T09:00:00+07:00");
    let (unit, req) = (first_unit(&store), manual_requirement(&store));
    let at = stamp("2022-09-17T15:59:00+07:00");
    assert!(store.toggle_check(unit, req, at, &ticked()).expect("tick"));
    let undone = store
        .undo_last(stamp("2022-09-17T16:00:30+07:00"))
        .expect("undo")
        .expect("undone");
    assert_eq!(undone.at, at);
    store
        .toggle_check(unit, req, stamp("2022-09-17T08:59:00Z"), &ticked())
        .expect("tick");
    drop(store);
    let conn = Connection::open(&t.path).expect("raw");
    let rows: Vec<(String, Option<String>, String)> = conn
        .prepare(
            "SELECT at, undone_at, json_extract(after_json, '$.done_at') FROM audit_log ORDER BY id",
        )
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(
        rows,
        [
            (
                "2022-09-17T15:59:00+07:00".to_string(),
                Some("2022-09-17T16:00:30+07:00".to_string()),
                "2022-09-17T15:59:00+07:00".to_string()
            ),
            (
                "2022-09-17T08:59:00+00:00".to_string(),
                None,
                "2022-09-17T08:59:00+00:00".to_string()
            ),
        ]
    );
    let done_at: String = conn
        .query_row("SELECT done_at FROM checks", [], |r| r.get(0))
        .expect("check row");
    assert_eq!(done_at, "2022-09-17T08:59:00+00:00");
    let seeded_at: String = conn
        .query_row("SELECT seeded_at FROM campaign", [], |r| r.get(0))
        .expect("campaign");
    assert_eq!(seeded_at, "2022-05-06T09:00:00+07:00");
}

#[test]
fn undo_goes_back_one_change_at_a_time() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let unit = first_unit(&store);
    store
        .update_unit_contact(
            unit,
            "Nguyễn Văn A",
            "0703.652.444",
            stamp(NOW),
            &contact("first"),
        )
        .expect("first edit");
    store
        .update_unit_contact(
            unit,
            "Trần Thị B",
            "0912 345 678",
            stamp(NOW),
            &contact("second"),
        )
        .expect("second edit");
    let contact = |s: &Store| {
        let b = s.load_board().expect("board");
        let u = b.units.iter().find(|u| u.id == unit).expect("unit").clone();
        (u.contact_person, u.phone)
    };
    assert_eq!(
        contact(&store),
        ("Trần Thị B".into(), "0912 345 678".into())
    );
    store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert_eq!(
        contact(&store),
        ("Nguyễn Văn A".into(), "0703.652.444".into())
    );
    store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert_eq!(contact(&store), (String::new(), String::new()));
}

#[test]
fn every_change_is_in_the_audit_log_with_before_and_after() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let (unit, req) = (first_unit(&store), manual_requirement(&store));
    store
        .toggle_check(unit, req, stamp(NOW), &ticked())
        .expect("tick");
    store
        .toggle_check(unit, req, stamp(NOW), &unticked())
        .expect("untick");
    drop(store);
    let conn = Connection::open(&t.path).expect("raw");
    let rows: Vec<(String, String, Option<String>, Option<String>)> = conn
        .prepare("SELECT entity, action, before_json, after_json FROM audit_log ORDER BY id")
        .expect("prepare")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str()),
        ("checks", "insert")
    );
    assert!(rows[0].2.is_none());
    assert!(rows[0].3.as_deref().is_some_and(|j| j.contains(NOW)));
    assert_eq!(rows[1].1, "delete");
    assert!(rows[1].2.is_some() && rows[1].3.is_none());
}

#[test]
fn a_failed_change_rolls_back_whole() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let unit = first_unit(&store);
    let result = store.change(stamp(NOW), &contact("bad"), |c| {
        c.update(
            xungkich::store::Table::Units,
            unit,
            &[(
                "contact_person",
                rusqlite::types::Value::Text("kept?".into()),
            )],
        )?;
        // Violates the CHECK on kind: the whole change must roll back.
        c.update(
            xungkich::store::Table::Units,
            unit,
            &[("kind", rusqlite::types::Value::Text("school".into()))],
        )
    });
    assert!(result.is_err());
    let board = store.load_board().expect("board");
    assert_eq!(board.units[0].contact_person, "");
    assert_eq!(store.last_change().expect("last"), None);
}

#[test]
fn another_campaign_file_is_refused_for_an_existing_store() {
    let t = TempStore::new();
    drop(t.open(NOW));
    let text = campaign_file::SHIPPED.replace("115/KHLT-UBND-ĐTĐN", "999/KH-TEST");
    let def = campaign_file::parse(&text, "other.toml").expect("parse");
    let err = Store::open(
        &t.path,
        Seed::File {
            def: &def,
            name: "other.toml",
        },
        stamp(NOW),
    )
    .err()
    .expect("refused");
    assert!(matches!(err, StoreError::OtherCampaign { .. }), "{err}");
    // The same campaign again is fine.
    let same = campaign_file::shipped();
    assert!(
        Store::open(
            &t.path,
            Seed::File {
                def: &same,
                name: "x.toml"
            },
            stamp(NOW)
        )
        .is_ok()
    );
}

#[test]
fn a_new_store_can_be_seeded_from_another_campaign_file() {
    let t = TempStore::new();
    let text = campaign_file::SHIPPED.replace("115/KHLT-UBND-ĐTĐN", "999/KH-TEST");
    let def = campaign_file::parse(&text, "other.toml").expect("parse");
    let store = Store::open(
        &t.path,
        Seed::File {
            def: &def,
            name: "other.toml",
        },
        stamp(NOW),
    )
    .expect("seeded");
    assert_eq!(
        store.load_board().expect("board").campaign.code,
        "999/KH-TEST"
    );
}

#[test]
fn another_connections_commit_is_noticed_and_our_own_is_not() {
    let t = TempStore::new();
    let mut a = t.open(NOW);
    let mut b = t.open(NOW);
    b.load_board().expect("board");
    let (unit, req) = (first_unit(&a), manual_requirement(&a));
    a.toggle_check(unit, req, stamp(NOW), &ticked())
        .expect("tick");
    assert!(b.changed_elsewhere().expect("look"));
    assert!(!b.changed_elsewhere().expect("look again"));
    assert!(
        b.load_board()
            .expect("board")
            .evidence_for(unit, req)
            .is_some()
    );
    // A's own write does not count as a change from elsewhere for A.
    assert!(!a.changed_elsewhere().expect("a first look"));
    a.toggle_check(unit, req, stamp(NOW), &unticked())
        .expect("untick");
    assert!(!a.changed_elsewhere().expect("a looks"));
}

mod initiatives {
    use super::*;
    use chrono::NaiveDate;
    use xungkich::domain::initiative::{CommendationLevel, FieldRef, InitiativeKind, Stage, Valid};

    fn valid(unit_id: i64) -> Valid {
        Valid {
            kind: InitiativeKind::Solution,
            title: "Mã QR tra cứu hồ sơ".into(),
            unit_id,
            field: FieldRef::New("Chuyển đổi số".into()),
            summary: "Dòng một\nDòng hai".into(),
            expected_effect: String::new(),
            registered_on: NaiveDate::from_ymd_opt(2022, 5, 3).expect("date"),
            evaluation_notes: String::new(),
            score: Some(85.5),
        }
    }

    fn added() -> ChangeSummary {
        ChangeSummary::AddInitiative {
            title: "QR".into(),
            unit: "Hiệp Tân".into(),
        }
    }

    fn staged(from: Stage, to: Stage) -> ChangeSummary {
        ChangeSummary::Stage {
            title: "QR".into(),
            from,
            to,
        }
    }

    fn initiative_requirement(store: &Store) -> i64 {
        store
            .load_board()
            .expect("board")
            .requirements
            .iter()
            .find(|r| r.source == RequirementSource::Initiative)
            .expect("initiative requirement")
            .id
    }

    #[test]
    fn adding_the_first_initiative_completes_the_requirement_and_undo_reverts() {
        let t = TempStore::new();
        let mut store = t.open(NOW);
        let unit = first_unit(&store);
        let req = initiative_requirement(&store);
        assert_eq!(
            store.load_board().expect("board").evidence_for(unit, req),
            None
        );
        let id = store
            .add_initiative(&valid(unit), stamp(NOW), &added())
            .expect("add");
        assert!(
            store
                .load_board()
                .expect("board")
                .evidence_for(unit, req)
                .is_some()
        );
        let row = store.initiative(id).expect("read").expect("exists");
        assert_eq!(row.stage, Stage::Registered);
        assert_eq!(row.score, Some(85.5));
        let detail = store.initiative_detail(id).expect("detail");
        assert_eq!(detail.summary, "Dòng một\nDòng hai");
        assert_eq!(detail.history.len(), 1);
        assert!(
            store
                .fields()
                .expect("fields")
                .iter()
                .any(|f| f.name == "Chuyển đổi số"),
            "a new field is created with the initiative"
        );
        store.undo_last(stamp(NOW)).expect("undo").expect("undone");
        assert_eq!(store.initiative(id).expect("read"), None);
        assert!(
            store
                .initiative_detail(id)
                .expect("detail")
                .history
                .is_empty()
        );
        assert!(
            !store
                .fields()
                .expect("fields")
                .iter()
                .any(|f| f.name == "Chuyển đổi số")
        );
        assert_eq!(
            store.load_board().expect("board").evidence_for(unit, req),
            None
        );
    }

    #[test]
    fn deleting_keeps_history_for_undo() {
        let t = TempStore::new();
        let mut store = t.open(NOW);
        let unit = first_unit(&store);
        let id = store
            .add_initiative(&valid(unit), stamp(NOW), &added())
            .expect("add");
        store
            .set_stage(
                id,
                Stage::Implementing,
                None,
                "",
                stamp(NOW),
                &staged(Stage::Registered, Stage::Implementing),
            )
            .expect("stage");
        let other = store.load_board().expect("board").units[1].id;
        let day = NaiveDate::from_ymd_opt(2022, 6, 1).expect("date");
        store
            .set_replications(
                id,
                &[other],
                day,
                stamp(NOW),
                &ChangeSummary::Replications {
                    title: "QR".into(),
                    units: 1,
                },
            )
            .expect("replicate");
        let before = store.initiative_detail(id).expect("detail");
        assert_eq!(before.history.len(), 2);
        assert_eq!(before.replications, vec![(other, day)]);
        assert!(store.initiative(id).expect("read").expect("row").replicated);
        store
            .delete_initiative(
                id,
                stamp(NOW),
                &ChangeSummary::DeleteInitiative { title: "QR".into() },
            )
            .expect("delete");
        assert_eq!(store.initiative(id).expect("read"), None);
        store.undo_last(stamp(NOW)).expect("undo").expect("undone");
        let after = store.initiative_detail(id).expect("detail");
        assert_eq!(after, before, "history and replications come back with it");
        assert_eq!(
            store.initiative(id).expect("read").expect("row").stage,
            Stage::Implementing
        );
    }

    #[test]
    fn a_proposal_is_kept_above_proposed_and_cleared_below() {
        let t = TempStore::new();
        let mut store = t.open(NOW);
        let unit = first_unit(&store);
        let id = store
            .add_initiative(&valid(unit), stamp(NOW), &added())
            .expect("add");
        store
            .set_stage(
                id,
                Stage::Proposed,
                Some((CommendationLevel::City, Some("Lê Thị Hoa".into()))),
                "",
                stamp(NOW),
                &staged(Stage::Registered, Stage::Proposed),
            )
            .expect("propose");
        let row = store.initiative(id).expect("read").expect("row");
        assert_eq!(row.commendation_level, Some(CommendationLevel::City));
        assert_eq!(row.commendation_for.as_deref(), Some("Lê Thị Hoa"));
        store
            .set_stage(
                id,
                Stage::Commended,
                None,
                "",
                stamp(NOW),
                &staged(Stage::Proposed, Stage::Commended),
            )
            .expect("commend");
        let row = store.initiative(id).expect("read").expect("row");
        assert_eq!(
            row.commendation_level,
            Some(CommendationLevel::City),
            "kept"
        );
        store
            .set_stage(
                id,
                Stage::Evaluated,
                None,
                "",
                stamp(NOW),
                &staged(Stage::Commended, Stage::Evaluated),
            )
            .expect("back");
        let row = store.initiative(id).expect("read").expect("row");
        assert_eq!(row.commendation_level, None, "cleared below proposed");
        // Each undo goes back one stage move, proposal included.
        store.undo_last(stamp(NOW)).expect("undo").expect("undone");
        let row = store.initiative(id).expect("read").expect("row");
        assert_eq!(row.stage, Stage::Commended);
        assert_eq!(row.commendation_for.as_deref(), Some("Lê Thị Hoa"));
        assert_eq!(
            store.initiative_detail(id).expect("detail").history.len(),
            3
        );
    }

    #[test]
    fn an_unknown_unit_is_refused_by_the_store_too() {
        let t = TempStore::new();
        let mut store = t.open(NOW);
        assert!(
            store
                .add_initiative(&valid(99_999), stamp(NOW), &added())
                .is_err()
        );
        assert!(store.initiatives().expect("list").is_empty());
        assert_eq!(store.last_change().expect("last"), None);
    }
}

/// The benchmark's bulk figures keep the grid's own rule: resolved never above received.
#[test]
fn bulk_demo_figures_never_resolve_more_than_received() {
    let t = support::TempStore::new();
    let mut store = t.open("2022-04-29T08:00:00+07:00");
    let options = xungkich::demo::Options {
        scale: 2,
        initiatives: Some(10),
        figure_rows: Some(5_000),
    };
    xungkich::demo::fill(&mut store, &options).expect("demo data");
    let board = store.load_board().expect("board");
    let mut seen = 0;
    for day in &board.volunteer_days {
        let figures = store.figures(day.id).expect("figures");
        let value = |unit: i64, m: xungkich::domain::figures::Metric| {
            figures
                .iter()
                .find(|f| f.unit_id == unit && f.metric == m)
                .map(|f| f.value)
        };
        use xungkich::domain::figures::Metric::*;
        for u in &board.units {
            for (got, of) in [(FilesResolved, FilesReceived), (LandResolved, LandTotal)] {
                if let (Some(r), Some(t)) = (value(u.id, got), value(u.id, of)) {
                    assert!(r <= t, "{}: {got:?} {r} > {of:?} {t}", u.code);
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 50, "checked {seen} pairs");
}

/// Every row of every table, in id order, as text: what a migration must keep.
fn every_row(path: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(path).expect("raw");
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name <> 'unit_kinds' ORDER BY name",
        )
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("names");
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY rowid"))
                .expect("select");
            let columns = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    (0..columns)
                        .map(|i| Ok(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?)))
                        .collect::<Result<Vec<_>, _>>()
                        .map(|cells| cells.join("|"))
                })
                .expect("rows")
                .collect::<Result<Vec<_>, _>>()
                .expect("cells");
            (table, rows)
        })
        .collect()
}

/// A store made before kinds were campaign data (schema 7, the five kinds a CHECK on
/// `units`) is migrated with every row of every table kept — the ones referring to units
/// with `ON DELETE CASCADE` too — and its kinds labelled as the app labelled them.
#[test]
fn a_schema_7_store_keeps_every_row_when_its_kinds_become_data() {
    let t = TempStore::new();
    let store = support::demo_store(&t);
    let board = store.load_board().expect("board");
    drop(store);
    support::back_to_schema_7(&t.path);
    let before = every_row(&t.path);
    let count = |table: &str| {
        before
            .iter()
            .find(|(t, _)| t == table)
            .map_or(0, |(_, rows)| rows.len())
    };
    for table in [
        "units",
        "checks",
        "registrations",
        "figures",
        "reports",
        "initiatives",
    ] {
        assert!(count(table) > 0, "the demo fills {table}");
    }

    let store = t.open(NOW);
    assert_eq!(store.schema_version().expect("version"), 8);
    let after = store.load_board().expect("board");
    assert_eq!(after.kinds, xungkich::domain::unit::Kinds::plan_115());
    assert_eq!(store.campaign_def().expect("def").kinds, after.kinds);
    assert_eq!(after, board, "the board reads as it did before");
    drop(store);
    assert_eq!(every_row(&t.path), before);

    let conn = Connection::open(&t.path).expect("raw");
    let broken: Vec<String> = conn
        .prepare("PRAGMA foreign_key_check")
        .expect("check")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("tables");
    assert_eq!(broken, Vec::<String>::new());
    // The CHECK is gone: a kind the campaign declares is what a unit may have.
    let schema: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'units'",
            [],
            |r| r.get(0),
        )
        .expect("units schema");
    assert!(!schema.contains("CHECK"), "{schema}");
    assert!(schema.contains("REFERENCES unit_kinds(code)"), "{schema}");
    // That the store's connection has its foreign keys back on after this migration is
    // `store::tests::connection_is_configured_for_durability` (a new store runs it too).
}
