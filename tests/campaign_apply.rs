//! `campaign apply`: a changed campaign file written into a store that has data, all or
//! nothing, as one change undo takes back; something left out that has records refused
//! (naming them) or, for a unit, archived.

mod support;

use support::{text, xungkich};

use support::{TempStore, demo_store, stamp};
use xungkich::domain::campaign::{AgendaDef, CampaignDef, RequirementDef, VolunteerDayDef};
use xungkich::domain::campaign_diff::{Record, Section};
use xungkich::domain::change::ChangeSummary;
use xungkich::io::campaign_file::{SHIPPED, shipped};
use xungkich::store::{Applied, Store};

const NOW: &str = "2022-05-02T09:00";

/// The shipped plan with a unit added, one renamed, the report deadline moved, a KPI target
/// changed, an agenda item added and a whole third round with its own requirements.
fn grown() -> CampaignDef {
    let mut file = shipped();
    let mut extra = file.units[0].clone();
    extra.code = "p-moi".into();
    extra.name = "UBND phường Mới".into();
    extra.contact_person = "Lê Văn Mới".into();
    extra.phone = "0903 000 111".into();
    extra.acts_for.clear();
    file.units.push(extra);
    let hiep_tan = file
        .units
        .iter_mut()
        .find(|u| u.code == "p-hiep-tan")
        .expect("unit");
    hiep_tan.name = "UBND phường Hiệp Tân mới".into();
    file.volunteer_days[0].report_deadline += chrono::Duration::hours(1);
    let kpi = file
        .kpis
        .iter_mut()
        .find(|k| k.code == "online-share")
        .expect("kpi");
    kpi.target = Some(62.5);
    file.agenda.push(AgendaDef {
        title: "Sơ kết đợt 3".into(),
        owner: "Quận Đoàn".into(),
        date: chrono::NaiveDate::from_ymd_opt(2022, 6, 10),
        status: "planned".into(),
        note: String::new(),
    });
    let first = file.volunteer_days[0].clone();
    file.volunteer_days.push(VolunteerDayDef {
        code: "tb-dot3-2022".into(),
        round: 3,
        date: chrono::NaiveDate::from_ymd_opt(2022, 6, 4).expect("date"),
        title: "Ngày thứ Bảy tình nguyện đợt 3".into(),
        host: first.host.clone(),
        registration_deadline: stamp("2022-06-02T00:00"),
        report_deadline: stamp("2022-06-04T16:00"),
    });
    let round_reqs: Vec<RequirementDef> = file
        .requirements
        .iter()
        .filter(|r| r.volunteer_day.as_deref() == Some(first.code.as_str()))
        .cloned()
        .collect();
    assert!(!round_reqs.is_empty(), "the shipped round has requirements");
    for mut r in round_reqs {
        r.code = format!("{}-dot3", r.code);
        r.volunteer_day = Some("tb-dot3-2022".into());
        r.deadline = Some(if r.source.code() == "quick_report" {
            stamp("2022-06-04T16:00")
        } else {
            stamp("2022-06-02T00:00")
        });
        file.requirements.push(r);
    }
    file
}

fn unit_id(store: &Store, code: &str) -> i64 {
    store
        .load_board()
        .expect("board")
        .units
        .iter()
        .find(|u| u.code == code)
        .map(|u| u.id)
        .expect("unit")
}

fn requirement_id(store: &Store, code: &str) -> i64 {
    store
        .load_board()
        .expect("board")
        .requirements
        .iter()
        .find(|r| r.code == code)
        .map(|r| r.id)
        .expect("requirement")
}

/// A manual tick for `unit`: a record that ties it (and the requirement) to the store.
fn tick(store: &mut Store, unit: &str, requirement: &str) {
    let (u, r) = (unit_id(store, unit), requirement_id(store, requirement));
    let summary = ChangeSummary::Ticked {
        unit: unit.into(),
        requirement: requirement.into(),
    };
    store
        .toggle_check(u, r, stamp(NOW), &summary)
        .expect("tick");
}

#[test]
fn additions_a_rename_a_deadline_and_a_target_are_one_change_undone_and_redone_whole() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let file = grown();
    let applied = store
        .apply_campaign(&file, "chien-dich.toml", false, stamp(NOW))
        .expect("apply");
    let Applied::Done { changes, archived } = applied else {
        panic!("not applied: {applied:?}");
    };
    assert!(archived.is_empty());
    assert!(!changes.is_empty());
    assert_eq!(store.campaign_def().expect("def"), file);

    // The new round is first-class on the board: its requirements name it.
    let board = store.load_board().expect("board");
    let day = board
        .volunteer_days
        .iter()
        .find(|d| d.code == "tb-dot3-2022")
        .expect("round 3");
    assert!(
        board
            .requirements
            .iter()
            .any(|r| r.code.ends_with("-dot3") && r.volunteer_day_id == Some(day.id))
    );
    assert!(board.units.iter().any(|u| u.code == "p-moi"));

    let last = store.last_change().expect("log").expect("a change");
    assert!(matches!(
        last,
        xungkich::domain::change::Summary::Data(ChangeSummary::CampaignApplied { ref source, added, .. })
            if source == "chien-dich.toml" && added > 0
    ));

    store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert_eq!(store.campaign_def().expect("def"), shipped());
    store.redo_last().expect("redo");
    assert_eq!(store.campaign_def().expect("def"), file);

    // Applied again: nothing left to do, nothing written.
    let again = store
        .apply_campaign(&file, "chien-dich.toml", false, stamp(NOW))
        .expect("apply again");
    assert_eq!(again, Applied::Nothing);
}

#[test]
fn a_unit_without_records_is_removed_and_comes_back_on_undo() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let mut file = shipped();
    file.units.retain(|u| u.code != "p-hiep-tan");
    file.tasks.retain(|t| t.unit != "p-hiep-tan");
    let applied = store
        .apply_campaign(&file, "f.toml", false, stamp(NOW))
        .expect("apply");
    assert!(matches!(applied, Applied::Done { ref archived, .. } if archived.is_empty()));
    assert_eq!(store.campaign_def().expect("def"), file);
    store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert_eq!(store.campaign_def().expect("def"), shipped());
}

#[test]
fn removing_what_has_records_is_refused_naming_them_and_changes_nothing() {
    let t = TempStore::new();
    // The demo's data gives the ward its initiatives, Saturday figures, a report; and a
    // manual tick for some unit to hold the requirement below.
    let mut store = demo_store(&t);
    let before = store.campaign_def().expect("def");
    let last = store.last_change().expect("log");

    let mut file = before.clone();
    file.units.retain(|u| u.code != "p-hiep-tan");
    file.tasks.retain(|t| t.unit != "p-hiep-tan");
    file.units[0].name = "Đổi tên".into();
    let applied = store
        .apply_campaign(&file, "f.toml", false, stamp(NOW))
        .expect("apply");
    let Applied::Refused { held, archivable } = applied else {
        panic!("not refused: {applied:?}");
    };
    assert!(archivable, "only a unit holds records");
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].section, Section::Unit);
    assert_eq!(held[0].code, "p-hiep-tan");
    let kinds: Vec<Record> = held[0].records.iter().map(|(r, _)| *r).collect();
    for r in [Record::Initiatives, Record::Figures, Record::Reports] {
        assert!(kinds.contains(&r), "{r:?} in {:?}", held[0].records);
    }
    assert!(held[0].records.iter().all(|(_, n)| *n > 0));
    assert_eq!(store.campaign_def().expect("def"), before, "all or nothing");
    assert_eq!(store.last_change().expect("log"), last, "nothing logged");

    // A requirement with ticks cannot be archived: the refusal says so.
    let mut file = before.clone();
    file.requirements
        .retain(|r| r.code != "emulation-registration");
    let applied = store
        .apply_campaign(&file, "f.toml", true, stamp(NOW))
        .expect("apply");
    let Applied::Refused { held, archivable } = applied else {
        panic!("not refused: {applied:?}");
    };
    assert!(!archivable);
    assert_eq!(held[0].section, Section::Requirement);
    assert_eq!(store.campaign_def().expect("def"), before);
}

#[test]
fn an_archived_unit_leaves_the_lists_keeps_its_records_and_can_come_back() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    tick(&mut store, "p-hiep-tan", "emulation-registration");
    let mut file = shipped();
    file.units.retain(|u| u.code != "p-hiep-tan");
    file.tasks.retain(|t| t.unit != "p-hiep-tan");
    let applied = store
        .apply_campaign(&file, "f.toml", true, stamp(NOW))
        .expect("apply");
    assert!(
        matches!(applied, Applied::Done { ref archived, .. } if archived == &["p-hiep-tan".to_string()])
    );
    let board = store.load_board().expect("board");
    assert!(!board.units.iter().any(|u| u.code == "p-hiep-tan"));
    assert_eq!(store.campaign_def().expect("def"), file);

    // Named again by a file, it returns with its tick, not as a second unit.
    let applied = store
        .apply_campaign(&shipped(), "f.toml", false, stamp(NOW))
        .expect("apply");
    assert!(matches!(applied, Applied::Done { .. }));
    let board = store.load_board().expect("board");
    let unit = unit_id(&store, "p-hiep-tan");
    let req = requirement_id(&store, "emulation-registration");
    assert!(
        board.evidence.contains_key(&(unit, req)),
        "its history stayed"
    );
    assert_eq!(store.campaign_def().expect("def"), shipped());
}

#[test]
fn another_campaigns_file_is_not_applied() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let mut file = shipped();
    file.campaign.code = "KH-khac".into();
    let applied = store
        .apply_campaign(&file, "f.toml", false, stamp(NOW))
        .expect("apply");
    assert!(matches!(applied, Applied::OtherCampaign { .. }));
    assert_eq!(store.campaign_def().expect("def"), shipped());
}

#[test]
fn campaign_apply_on_the_command_line_applies_refuses_and_says_why_in_both_languages() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    tick(&mut store, "p-hiep-tan", "emulation-registration");
    drop(store);
    let file = t.dir.path().join("kh.toml");

    // A renamed unit and a later report deadline: applied, listed, then nothing differs.
    let edited = SHIPPED
        .replace(
            "name = \"UBND phường Tân Thành\"",
            "name = \"UBND phường Tân Thành mới\"",
        )
        .replace(
            "report_deadline = \"2022-05-07T16:00:00+07:00\"",
            "report_deadline = \"2022-05-07T17:00:00+07:00\"",
        );
    assert_ne!(edited, SHIPPED);
    std::fs::write(&file, &edited).expect("file");
    let f = file.to_str().expect("path");
    let out = xungkich(&t.path, &["--now", NOW, "campaign", "apply", f]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("UBND phường Tân Thành mới"), "{said}");
    assert!(said.contains("Đã áp dụng"), "{said}");
    let out = xungkich(&t.path, &["campaign", "diff", f]);
    assert!(text(&out.stdout).contains("không có gì khác"));
    let out = xungkich(&t.path, &["--lang", "en", "campaign", "apply", f]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("nothing to apply"));

    // A unit with a tick left out: refused with exit 2, naming the tick and --archive.
    let at = edited.find("code = \"p-hiep-tan\"").expect("unit");
    let start = edited[..at].rfind("[[units]]").expect("table");
    let end = at + edited[at..].find("[[").expect("next table");
    let without = format!("{}{}", &edited[..start], &edited[end..]);
    std::fs::write(&file, &without).expect("file");
    let out = xungkich(&t.path, &["--now", NOW, "campaign", "apply", f]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(said.contains("p-hiep-tan"), "{said}");
    assert!(said.contains("1 lần đánh dấu hoàn thành"), "{said}");
    assert!(said.contains("--archive"), "{said}");
    let out = xungkich(&t.path, &["--lang", "en", "campaign", "apply", f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("checklist ticks: 1"));

    let out = xungkich(
        &t.path,
        &["--now", NOW, "campaign", "apply", f, "--archive"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Đã lưu trữ"));
    assert!(text(&out.stdout).contains("p-hiep-tan"));

    // No store: refused, and none is made.
    let none = t.dir.path().join("none.db");
    let out = xungkich(&none, &["campaign", "apply", f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!none.exists());
}

#[test]
fn a_contact_typed_in_the_app_survives_a_file_that_names_none() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let id = unit_id(&store, "p-tan-quy");
    let summary = ChangeSummary::Contact {
        unit: "p-tan-quy".into(),
    };
    store
        .update_unit_contact(id, "Vũ Hữu Châu", "0797 284 983", stamp(NOW), &summary)
        .expect("contact");
    // The shipped plan states no contacts: no difference, nothing to apply.
    let applied = store
        .apply_campaign(&shipped(), "f.toml", false, stamp(NOW))
        .expect("apply");
    assert_eq!(applied, Applied::Nothing);
    // A file that does state one is applied, the others kept.
    let mut file = grown();
    let quy = file
        .units
        .iter_mut()
        .find(|u| u.code == "p-tan-quy")
        .expect("unit");
    quy.phone = "0797 000 001".into();
    store
        .apply_campaign(&file, "f.toml", false, stamp(NOW))
        .expect("apply");
    let held = store.campaign_def().expect("def");
    let quy = held
        .units
        .iter()
        .find(|u| u.code == "p-tan-quy")
        .expect("unit");
    assert_eq!(quy.contact_person, "Vũ Hữu Châu");
    assert_eq!(quy.phone, "0797 000 001");
}

/// The shipped plan with its "vertical" kind replaced by a new "school" kind (its units
/// moved there, the requirements that named it too) and the ward kind relabelled.
fn rekinded() -> CampaignDef {
    use xungkich::domain::unit::{KindDef, Kinds, UnitKind};
    let mut file = shipped();
    let vertical = UnitKind::new("vertical");
    let school = UnitKind::new("school");
    let mut defs: Vec<KindDef> = file
        .kinds
        .iter()
        .filter(|k| k.kind != vertical)
        .cloned()
        .collect();
    defs[0].short = "P.".into();
    defs.insert(
        1,
        KindDef {
            kind: school.clone(),
            name: "Trường học".into(),
            short: "Trường".into(),
            name_en: "School".into(),
            short_en: "School".into(),
            youth_base: false,
        },
    );
    file.kinds = Kinds::new(defs);
    for u in file.units.iter_mut().filter(|u| u.kind == vertical) {
        u.kind = school.clone();
    }
    for r in &mut file.requirements {
        for k in r.applies_to.iter_mut().filter(|k| **k == vertical) {
            *k = school.clone();
        }
    }
    file
}

#[test]
fn unit_kinds_are_added_relabelled_and_removed_by_a_file_as_one_change() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    assert!(
        shipped().units.iter().any(|u| u.kind.code() == "vertical"),
        "the shipped plan has vertical units to move"
    );
    let file = rekinded();
    let diff = xungkich::domain::campaign_diff::diff(&store.campaign_def().expect("def"), &file);
    let kind_changes = diff
        .iter()
        .filter(|c| {
            matches!(
                c,
                xungkich::domain::campaign_diff::Change::Added {
                    section: Section::Kind,
                    ..
                } | xungkich::domain::campaign_diff::Change::Removed {
                    section: Section::Kind,
                    ..
                } | xungkich::domain::campaign_diff::Change::Changed {
                    section: Section::Kind,
                    ..
                }
            )
        })
        .count();
    assert_eq!(
        kind_changes, 3,
        "one added, one removed, one relabelled: {diff:?}"
    );

    let applied = store
        .apply_campaign(&file, "f.toml", false, stamp(NOW))
        .expect("apply");
    assert!(matches!(applied, Applied::Done { .. }), "{applied:?}");
    assert_eq!(store.campaign_def().expect("def"), file);
    let board = store.load_board().expect("board");
    assert_eq!(
        board.kinds.short(&"school".into(), false),
        "Trường",
        "the board labels the new kind"
    );
    assert!(!board.kinds.contains(&"vertical".into()));

    store.undo_last(stamp(NOW)).expect("undo").expect("undone");
    assert_eq!(store.campaign_def().expect("def"), shipped());
    store.redo_last().expect("redo");
    assert_eq!(store.campaign_def().expect("def"), file);
}

#[test]
fn a_kind_that_keeps_archived_units_is_not_removed() {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let vertical: Vec<String> = shipped()
        .units
        .iter()
        .filter(|u| u.kind.code() == "vertical")
        .map(|u| u.code.clone())
        .collect();
    let kept = vertical[0].clone();
    tick(&mut store, &kept, "emulation-registration");
    // The file drops the kind, moves the other vertical units and leaves the ticked one out.
    let mut file = rekinded();
    file.units.retain(|u| u.code != kept);
    file.tasks.retain(|t| t.unit != kept);
    let before = store.campaign_def().expect("def");
    let applied = store
        .apply_campaign(&file, "f.toml", true, stamp(NOW))
        .expect("apply");
    let Applied::Refused { held, archivable } = applied else {
        panic!("not refused: {applied:?}");
    };
    assert!(!archivable, "a kind cannot be archived");
    let kind = held
        .iter()
        .find(|h| h.section == Section::Kind)
        .expect("the kind is held");
    assert_eq!(kind.code, "vertical");
    assert_eq!(kind.records, vec![(Record::Units, 1)]);
    assert_eq!(store.campaign_def().expect("def"), before, "all or nothing");

    // Kept in the file, the kind stays and the unit is archived in it.
    let mut defs: Vec<_> = file.kinds.iter().cloned().collect();
    defs.extend(
        shipped()
            .kinds
            .iter()
            .filter(|k| k.kind.code() == "vertical")
            .cloned(),
    );
    file.kinds = xungkich::domain::unit::Kinds::new(defs);
    let applied = store
        .apply_campaign(&file, "f.toml", true, stamp(NOW))
        .expect("apply");
    assert!(
        matches!(applied, Applied::Done { ref archived, .. } if archived == std::slice::from_ref(&kept)),
        "{applied:?}"
    );
}
