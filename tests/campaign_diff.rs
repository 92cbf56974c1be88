//! Campaign files: `campaign init` writes one to start from; the campaign a store holds, read
//! back, compared with a file (`campaign diff`); and a changed file given with `--campaign` to
//! an existing store: said, never silently ignored.

mod support;

use support::{text, xungkich};

use support::TempStore;
use xungkich::domain::campaign_diff::{Change, Section, diff};
use xungkich::io::campaign_file::{SHIPPED, shipped};

/// The shipped file with a unit renamed, one added, one removed and the report deadline moved.
fn edited() -> String {
    let mut t = SHIPPED
        .replace(
            "name = \"UBND phường Hiệp Tân\"",
            "name = \"UBND phường Hiệp Tân mới\"",
        )
        .replace(
            "report_deadline = \"2022-05-07T16:00:00+07:00\"",
            "report_deadline = \"2022-05-07T17:00:00+07:00\"",
        );
    let at = t.find("[[units]]").expect("units");
    t.insert_str(
        at,
        "[[units]]\ncode = \"p-moi\"\nname = \"UBND phường Mới\"\nkind = \"ward\"\n\n",
    );
    t
}

#[test]
fn a_store_gives_back_the_campaign_it_was_seeded_with() {
    let t = TempStore::new();
    let store = t.open("2022-05-01T09:00");
    let held = store.campaign_def().expect("campaign");
    assert_eq!(held, shipped());
    assert!(diff(&held, &shipped()).is_empty());
}

#[test]
fn additions_removals_and_changed_keys_are_named() {
    let store = shipped();
    let mut file = shipped();
    let gone = file.units.remove(0);
    let mut extra = file.units[0].clone();
    extra.code = "p-moi".into();
    extra.acts_for.clear();
    file.units.push(extra);
    file.units[0].name = "Tên mới".into();
    file.volunteer_days[0].report_deadline += chrono::Duration::hours(1);
    file.kpis[0].target = Some(80.0);
    let d = diff(&store, &file);
    assert!(d.contains(&Change::Removed {
        section: Section::Unit,
        name: format!("{} ({})", gone.code, gone.name),
    }));
    assert!(d.iter().any(|c| matches!(c,
        Change::Added { section: Section::Unit, name } if name.starts_with("p-moi"))));
    assert!(d.iter().any(|c| matches!(c,
        Change::Changed { section: Section::Unit, key: "name", to, .. } if to == "Tên mới")));
    assert!(d.iter().any(|c| matches!(
        c,
        Change::Changed {
            section: Section::Round,
            key: "report_deadline",
            ..
        }
    )));
    assert!(d.iter().any(|c| matches!(c,
        Change::Changed { section: Section::Kpi, key: "target", to, .. } if to == "80")));
}

#[test]
fn campaign_diff_lists_what_the_file_would_change_in_both_languages() {
    let t = TempStore::new();
    drop(t.open("2022-05-01T09:00"));
    let file = t.dir.path().join("next.toml");
    std::fs::write(&file, edited()).expect("write");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(&t.path, &["campaign", "diff", f]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let vi = text(&o.stdout);
    assert!(vi.contains("khác kế hoạch trong kho ở 3 điểm"), "{vi}");
    assert!(vi.contains("+ Đơn vị p-moi (UBND phường Mới)"), "{vi}");
    assert!(
        vi.contains("name «UBND phường Hiệp Tân» → «UBND phường Hiệp Tân mới»"),
        "{vi}"
    );
    assert!(
        vi.contains("report_deadline «2022-05-07T16:00:00+07:00»"),
        "{vi}"
    );
    let o = xungkich(&t.path, &["--lang", "en", "campaign", "diff", f]);
    let en = text(&o.stdout);
    assert!(
        en.contains("differs from the campaign in the store in 3 places"),
        "{en}"
    );
    assert!(en.contains("+ Unit p-moi"), "{en}");
    // The shipped file itself: nothing differs.
    let same = t.dir.path().join("same.toml");
    std::fs::write(&same, SHIPPED).expect("write");
    let o = xungkich(
        &t.path,
        &["campaign", "diff", same.to_str().expect("utf-8")],
    );
    assert!(text(&o.stdout).contains("không có gì khác"));
}

#[test]
fn campaign_diff_without_a_store_is_refused() {
    let t = TempStore::new();
    let file = t.dir.path().join("next.toml");
    std::fs::write(&file, SHIPPED).expect("write");
    let o = xungkich(
        &t.path,
        &["campaign", "diff", file.to_str().expect("utf-8")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("chưa có kho dữ liệu để so sánh"));
    assert!(!t.path.exists(), "no store was created");
}

#[test]
fn a_changed_file_given_to_an_existing_store_is_said_not_ignored() {
    let t = TempStore::new();
    drop(t.open("2022-05-01T09:00"));
    let file = t.dir.path().join("next.toml");
    std::fs::write(&file, edited()).expect("write");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(&t.path, &["--campaign", f, "snapshot", "units"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("khác kế hoạch trong kho ở 3 điểm"), "{err}");
    assert!(err.contains("campaign diff"), "{err}");
    // Nothing was applied.
    let store = t.open("2022-05-01T09:00");
    assert_eq!(store.campaign_def().expect("campaign"), shipped());
    // The same file as the store's: nothing to say.
    let same = t.dir.path().join("same.toml");
    std::fs::write(&same, SHIPPED).expect("write");
    drop(store);
    let o = xungkich(
        &t.path,
        &[
            "--campaign",
            same.to_str().expect("utf-8"),
            "snapshot",
            "units",
        ],
    );
    assert!(text(&o.stderr).is_empty(), "{}", text(&o.stderr));
}

#[test]
fn campaign_init_writes_the_commented_plan_privately_and_never_over_a_file() {
    use std::os::unix::fs::PermissionsExt;
    let t = TempStore::new();
    let file = t.dir.path().join("plan.toml");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(&t.path, &["campaign", "init", f]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("xungkich new"),
        "{}",
        text(&o.stdout)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), SHIPPED);
    let mode = std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(!t.path.exists(), "init makes no store");
    // Not over an existing file, unless --force.
    std::fs::write(&file, "mine").expect("write");
    let o = xungkich(&t.path, &["campaign", "init", f]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine");
    let o = xungkich(&t.path, &["campaign", "init", f, "--force"]);
    assert!(o.status.success());
    assert_eq!(std::fs::read_to_string(&file).expect("read"), SHIPPED);
    // Never through a link, even with --force.
    let outside = t.dir.path().join("outside.txt");
    std::fs::write(&outside, "keep").expect("write");
    let link = t.dir.path().join("link.toml");
    std::os::unix::fs::symlink(&outside, &link).expect("link");
    let o = xungkich(
        &t.path,
        &["campaign", "init", link.to_str().expect("utf-8"), "--force"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&outside).expect("read"), "keep");
    // The file it writes seeds a store.
    let o = xungkich(&t.path, &["--campaign", f, "snapshot", "units"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = xungkich(&t.path, &["--lang", "en", "campaign", "init", f, "--force"]);
    assert!(text(&o.stdout).contains("Wrote the sample campaign file"));
}

/// The store after an officer's edits: a ward's contact, a round added in the app, a target.
fn edited_store(t: &TempStore) -> xungkich::store::Store {
    use support::stamp;
    use xungkich::domain::change::ChangeSummary;
    let mut store = t.open("2022-05-01T09:00");
    let now = stamp("2022-05-01T09:00");
    let id = store
        .load_board()
        .expect("board")
        .units
        .iter()
        .find(|u| u.code == "p-hiep-tan")
        .map(|u| u.id)
        .expect("unit");
    let summary = ChangeSummary::Contact { unit: "x".into() };
    store
        .update_unit_contact(id, "Trần Thị \"Bảy\"", "0903 123 456", now, &summary)
        .expect("contact");
    let date = chrono::NaiveDate::from_ymd_opt(2022, 6, 4).expect("date");
    let day = xungkich::store::NewDay {
        round: 3,
        date,
        title: "Ngày thứ Bảy tình nguyện đợt 3".into(),
        host: "Bộ phận Một cửa".into(),
        registration_deadline: stamp("2022-06-02T00:00"),
        report_deadline: stamp("2022-06-04T16:00"),
        requirements: Vec::new(),
    };
    store
        .add_volunteer_day(&day, now, &ChangeSummary::Round { round: 3, date })
        .expect("round");
    let kpi = store
        .kpis()
        .expect("kpis")
        .into_iter()
        .find(|k| k.code == "online-share")
        .map(|k| k.id)
        .expect("kpi");
    let summary = ChangeSummary::Target {
        kpi: "online-share".into(),
        target: Some(62.5),
    };
    store
        .set_kpi_target(kpi, Some(62.5), now, &summary)
        .expect("target");
    store
}

#[test]
fn the_store_written_as_a_file_reads_back_as_the_store() {
    use xungkich::i18n::Lang;
    use xungkich::io::campaign_file::parse;
    use xungkich::io::campaign_toml::write;
    let t = TempStore::new();
    let fresh = t.open("2022-05-01T09:00").campaign_def().expect("campaign");
    assert_eq!(parse(&write(&fresh, Lang::Vi), "x").expect("parse"), fresh);
    drop(fresh);
    let held = edited_store(&t).campaign_def().expect("campaign");
    assert_ne!(held, shipped(), "the edits are in the store");
    for lang in [Lang::Vi, Lang::En] {
        let text = write(&held, lang);
        assert_eq!(parse(&text, "x").expect("parse"), held);
        assert!(text.contains("phone = \"0903 123 456\""), "{text}");
        assert!(text.contains("round = 3"), "{text}");
        assert!(text.contains("target = 62.5"), "{text}");
    }
}

#[test]
fn campaign_init_from_store_writes_what_the_store_holds() {
    let t = TempStore::new();
    drop(edited_store(&t));
    let file = t.dir.path().join("out.toml");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(&t.path, &["campaign", "init", f, "--from-store"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(&file).expect("read");
    assert!(written.contains("0903 123 456"), "{written}");
    let o = xungkich(&t.path, &["campaign", "diff", f]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("không có gì khác"),
        "{}",
        text(&o.stdout)
    );
    // Same refusals as the shipped file: not over a file without --force.
    let o = xungkich(&t.path, &["campaign", "init", f, "--from-store"]);
    assert_eq!(o.status.code(), Some(2));
    let o = xungkich(
        &t.path,
        &[
            "--lang",
            "en",
            "campaign",
            "init",
            f,
            "--from-store",
            "--force",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("# Participating units.")
    );
}

#[test]
fn campaign_init_from_store_without_a_store_is_refused() {
    let t = TempStore::new();
    let file = t.dir.path().join("out.toml");
    let o = xungkich(
        &t.path,
        &[
            "campaign",
            "init",
            file.to_str().expect("utf-8"),
            "--from-store",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("chưa có kho dữ liệu để ghi kế hoạch"),
        "{}",
        text(&o.stderr)
    );
    assert!(!t.path.exists() && !file.exists());
}

/// A slip the TOML reader catches reaches the officer in Vietnamese, located, with what to
/// write instead, and in English under `--lang en`; nothing is created.
#[test]
fn a_reader_slip_in_the_file_is_said_in_the_officers_language() {
    let t = TempStore::new();
    let file = t.dir.path().join("next.toml");
    let bad = SHIPPED.replacen("round = 2", "round = \"hai\"", 1);
    assert_ne!(bad, SHIPPED, "the shipped file has a round 2");
    std::fs::write(&file, &bad).expect("write");
    let path = file.to_str().expect("utf-8");
    let line = bad
        .lines()
        .position(|l| l == "round = \"hai\"")
        .expect("the line")
        + 1;
    let o = xungkich(&t.path, &["--lang", "vi", "new", path]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!(
            "next.toml:{line}:9: `round`: «hai» không dùng được ở đây: viết một số nguyên"
        )),
        "{err}"
    );
    assert!(
        !err.contains("invalid type") && !err.contains("expected"),
        "{err}"
    );
    let o = xungkich(&t.path, &["--lang", "en", "new", path]);
    assert!(
        text(&o.stderr).contains("round: \"hai\" does not fit here: write a whole number"),
        "{}",
        text(&o.stderr)
    );
    assert!(!t.path.exists(), "no store was created");
}
