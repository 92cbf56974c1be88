//! Undo says where the value stands now, straight through the store.

mod support;

use support::{TempStore, stamp};
use xungkich::domain::campaign::RequirementSource;
use xungkich::domain::change::{ChangeSummary, UndoneTo};
use xungkich::domain::initiative::{FieldRef, InitiativeKind, Stage, Valid};
use xungkich::store::Store;

const SEEDED: &str = "2022-04-29T08:00:00+07:00";
/// The volunteer Saturday, before the quick-report deadline.
const NOW: &str = "2022-05-07T14:00";

/// The plan's first Saturday and its first unit (P. Hiệp Tân).
fn day_and_unit(store: &Store) -> (i64, i64) {
    let board = store.load_board().expect("board");
    (board.volunteer_days[0].id, board.units[0].id)
}

fn manual_requirement(store: &Store) -> i64 {
    store
        .load_board()
        .expect("board")
        .requirements
        .iter()
        .find(|r| r.source == RequirementSource::Manual)
        .expect("a manual requirement")
        .id
}

fn undo(store: &mut Store) -> Option<UndoneTo> {
    store
        .undo_last(stamp(NOW))
        .expect("undo")
        .expect("a change to undo")
        .now
}

/// Ticks the first unit's first manual requirement, or unticks it when it is ticked.
fn toggle(store: &mut Store) {
    let (_, unit) = day_and_unit(store);
    let requirement = manual_requirement(store);
    let (unit_name, req_name) = ("P. Hiệp Tân".to_string(), "Thi đua".to_string());
    let summary = if ticked(store) {
        ChangeSummary::Unticked {
            unit: unit_name,
            requirement: req_name,
        }
    } else {
        ChangeSummary::Ticked {
            unit: unit_name,
            requirement: req_name,
        }
    };
    store
        .toggle_check(unit, requirement, stamp(NOW), &summary)
        .expect("toggled");
}

fn ticked(store: &Store) -> bool {
    let (_, unit) = day_and_unit(store);
    let requirement = manual_requirement(store);
    store
        .load_board()
        .expect("board")
        .evidence_for(unit, requirement)
        .is_some()
}

fn set_contact(store: &mut Store, person: &str, phone: &str) {
    let (_, unit) = day_and_unit(store);
    store
        .update_unit_contact(
            unit,
            person,
            phone,
            stamp(NOW),
            &ChangeSummary::Contact {
                unit: "P. Hiệp Tân".into(),
            },
        )
        .expect("contact saved");
}

#[test]
fn undo_says_where_each_kind_of_value_stands_now() {
    let t = TempStore::new();
    let mut store = t.open(SEEDED);
    toggle(&mut store);
    toggle(&mut store);
    assert_eq!(undo(&mut store), Some(UndoneTo::Ticked), "an untick undone");
    assert_eq!(undo(&mut store), Some(UndoneTo::Unticked), "a tick undone");

    set_contact(&mut store, "Nguyễn Văn An", "0903 123 456");
    set_contact(&mut store, "Trần Thị Bình", "");
    assert_eq!(
        undo(&mut store),
        Some(UndoneTo::Contact {
            person: "Nguyễn Văn An".into(),
            phone: "0903 123 456".into()
        })
    );
    assert_eq!(undo(&mut store), Some(UndoneTo::Empty));

    let kpi = store.kpis().expect("kpis")[0].clone();
    let target = |t: Option<f64>| ChangeSummary::Target {
        kpi: kpi.name.clone(),
        target: t,
    };
    store
        .set_kpi_target(kpi.id, Some(33.5), stamp(NOW), &target(Some(33.5)))
        .expect("target");
    store
        .set_kpi_target(kpi.id, None, stamp(NOW), &target(None))
        .expect("cleared");
    assert_eq!(undo(&mut store), Some(UndoneTo::Percent(33.5)));
    let was = undo(&mut store);
    assert_eq!(
        was,
        Some(kpi.target.map_or(UndoneTo::Empty, UndoneTo::Percent))
    );

    let unit = store.load_board().expect("board").units[0].id;
    let valid = Valid {
        kind: InitiativeKind::Solution,
        title: "Mã QR tra cứu hồ sơ".into(),
        unit_id: unit,
        field: FieldRef::None,
        summary: String::new(),
        expected_effect: String::new(),
        registered_on: chrono::NaiveDate::from_ymd_opt(2022, 5, 3).expect("date"),
        evaluation_notes: String::new(),
        score: None,
    };
    let title = valid.title.clone();
    let id = store
        .add_initiative(
            &valid,
            stamp(NOW),
            &ChangeSummary::AddInitiative {
                title: title.clone(),
                unit: "P. Hiệp Tân".into(),
            },
        )
        .expect("added");
    store
        .set_stage(
            id,
            Stage::Implementing,
            None,
            "",
            stamp(NOW),
            &ChangeSummary::Stage {
                title: title.clone(),
                from: Stage::Registered,
                to: Stage::Implementing,
            },
        )
        .expect("stage");
    assert_eq!(undo(&mut store), Some(UndoneTo::Stage(Stage::Registered)));
    let board = store.load_board().expect("board");
    let others: Vec<i64> = board.units[1..4].iter().map(|u| u.id).collect();
    let replicate = |n: usize| ChangeSummary::Replications {
        title: title.clone(),
        units: n,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2022, 5, 7).expect("date");
    store
        .set_replications(id, &others, today, stamp(NOW), &replicate(3))
        .expect("replicated");
    store
        .set_replications(id, &others[..1], today, stamp(NOW), &replicate(1))
        .expect("fewer");
    assert_eq!(undo(&mut store), Some(UndoneTo::Units(3)));
    assert_eq!(undo(&mut store), Some(UndoneTo::Units(0)));
    store
        .delete_initiative(
            id,
            stamp(NOW),
            &ChangeSummary::DeleteInitiative {
                title: title.clone(),
            },
        )
        .expect("deleted");
    assert_eq!(undo(&mut store), Some(UndoneTo::Restored));
    assert_eq!(undo(&mut store), Some(UndoneTo::Removed), "the addition");
}
