//! `campaign init FILE --year YYYY`: next year's campaign started from this one, driven through
//! the built binary: the file written with its dates moved and its comments kept, the lines
//! still naming the old year listed as `FILE:LINE:`, a year out of range refused, in both
//! languages.

mod support;

use support::{text, xungkich};

use chrono::{Datelike, NaiveDate, Weekday};
use support::TempStore;
use xungkich::io::campaign_file::{SHIPPED, parse};

/// The 1-based line of `file` that starts with `start`.
fn line_of(file: &str, start: &str) -> usize {
    file.lines()
        .position(|l| l.starts_with(start))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{start} in the file"))
}

fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect()
}

#[test]
fn the_shipped_plan_moved_to_2023_is_written_and_what_still_says_2022_is_listed() {
    let t = TempStore::new();
    let file = t.dir.path().join("f.toml");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(&t.path, &["campaign", "init", f, "--year", "2023"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let written = std::fs::read_to_string(&file).expect("written");
    assert!(!t.path.exists(), "init makes no store");

    let def = parse(&written, "f.toml").expect("the moved file reads");
    assert_eq!(
        (def.campaign.starts_on, def.campaign.ends_on),
        (
            NaiveDate::from_ymd_opt(2023, 4, 1).expect("date"),
            NaiveDate::from_ymd_opt(2023, 12, 31).expect("date")
        )
    );
    let day = &def.volunteer_days[0];
    assert_eq!(day.date.weekday(), Weekday::Sat);
    assert_eq!(day.date, NaiveDate::from_ymd_opt(2023, 5, 6).expect("date"));
    assert_eq!(
        day.registration_deadline.to_rfc3339(),
        "2023-05-04T00:00:00+07:00"
    );
    assert_eq!(comments(&written), comments(SHIPPED));

    assert!(out.contains("Đã chuyển 8 mốc thời gian"), "{out}");
    assert!(out.contains("sang năm 2023"), "{out}");
    assert!(out.contains("xungkich new"), "{out}");
    assert!(out.contains("dòng nhắc năm 2022"), "{out}");
    let code = format!(
        "{f}:{}: code = \"tb-dot2-2022\"",
        line_of(&written, "code = \"tb-dot2-2022\"")
    );
    assert!(out.lines().any(|l| l == code), "{code} in\n{out}");
    let title = format!(
        "{f}:{}: title = \"…",
        line_of(&written, "title = \"Thi đua")
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with(&title) && l.ends_with("năm 2022\"")),
        "{title} in\n{out}"
    );
    let comment = format!(
        "{f}:{}: (chú thích) # Ngày thứ Bảy tình nguyện đợt 2 - năm 2022",
        line_of(&written, "# Ngày thứ Bảy tình nguyện đợt 2")
    );
    assert!(out.lines().any(|l| l.starts_with(&comment)), "{out}");
    // Every listed line names 2022; no moved date is among them.
    let listed: Vec<&str> = out.lines().filter(|l| l.starts_with(f)).collect();
    assert!(listed.len() > 10, "{out}");
    assert!(listed.iter().all(|l| !l.contains("2023-")), "{out}");

    // The file it writes seeds a store for the new year.
    let next = t.dir.path().join("2023.db");
    let o = xungkich(&next, &["--campaign", f, "snapshot", "units"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn in_english_the_same_is_said_in_english() {
    let t = TempStore::new();
    let file = t.dir.path().join("f.toml");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(
        &t.path,
        &["--lang", "en", "campaign", "init", f, "--year", "2023"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("Moved the campaign's dates to 2023 (dates moved: 8;"),
        "{out}"
    );
    assert!(out.contains("Lines still naming 2022:"), "{out}");
    assert!(out.contains(": (comment) # "), "{out}");
    assert!(!out.contains("chú thích"), "{out}");
}

#[test]
fn a_year_out_of_range_is_refused_and_nothing_written() {
    let t = TempStore::new();
    let file = t.dir.path().join("f.toml");
    let f = file.to_str().expect("utf-8");
    for (lang, year, said) in [
        ("vi", "1999", "Năm 1999 không dùng được cho --year"),
        ("en", "1999", "1999 cannot be used for --year"),
        ("vi", "20233", "từ 2000 đến 2100"),
    ] {
        let o = xungkich(
            &t.path,
            &["--lang", lang, "campaign", "init", f, "--year", year],
        );
        assert_eq!(o.status.code(), Some(2), "{year}");
        assert!(text(&o.stderr).contains(said), "{}", text(&o.stderr));
        assert!(!file.exists());
    }
}

#[test]
fn the_same_year_is_said_and_the_plan_written_as_it_was() {
    let t = TempStore::new();
    let file = t.dir.path().join("f.toml");
    let f = file.to_str().expect("utf-8");
    let o = xungkich(&t.path, &["campaign", "init", f, "--year", "2022"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("đã ở năm 2022"),
        "{}",
        text(&o.stdout)
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), SHIPPED);
}

#[test]
fn year_combines_with_from_store_and_force() {
    use xungkich::domain::change::ChangeSummary;
    let t = TempStore::new();
    {
        // A third round added in the app: Saturday 04/6/2022, registration Thursday 02/6.
        let mut store = t.open("2022-05-01T09:00");
        let now = support::stamp("2022-05-01T09:00");
        let date = NaiveDate::from_ymd_opt(2022, 6, 4).expect("date");
        let day = xungkich::store::NewDay {
            round: 3,
            date,
            title: "Ngày thứ Bảy tình nguyện đợt 3".into(),
            host: "Bộ phận Một cửa".into(),
            registration_deadline: support::stamp("2022-06-02T00:00"),
            report_deadline: support::stamp("2022-06-04T16:00"),
            requirements: Vec::new(),
        };
        store
            .add_volunteer_day(&day, now, &ChangeSummary::Round { round: 3, date })
            .expect("round");
    }
    let file = t.dir.path().join("f.toml");
    let f = file.to_str().expect("utf-8");
    std::fs::write(&file, "mine").expect("write");
    let args = ["campaign", "init", f, "--from-store", "--year", "2023"];
    let o = xungkich(&t.path, &args);
    assert_eq!(o.status.code(), Some(2), "not over a file without --force");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "mine");

    let o = xungkich(&t.path, &[&args[..], &["--force"]].concat());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("sang năm 2023"), "{out}");
    let def = parse(&std::fs::read_to_string(&file).expect("read"), "f.toml").expect("reads");
    assert_eq!(def.volunteer_days.len(), 2);
    for day in &def.volunteer_days {
        assert_eq!(day.date.year(), 2023);
        assert_eq!(day.date.weekday(), Weekday::Sat);
        let reg = day.registration_deadline.date_naive();
        assert_eq!((day.date - reg).num_days(), 2, "round {}", day.round);
    }
    let third = def
        .volunteer_days
        .iter()
        .find(|d| d.round == 3)
        .expect("round 3");
    assert_eq!(
        third.date,
        NaiveDate::from_ymd_opt(2023, 6, 3).expect("date")
    );
}

#[test]
fn a_store_that_does_not_make_a_readable_file_writes_nothing() {
    let t = TempStore::new();
    drop(t.open("2022-05-01T09:00"));
    {
        // What a file cannot say: a phone typed before phones were checked.
        let db = rusqlite::Connection::open(&t.path).expect("open");
        db.execute(
            "UPDATE units SET phone = '12' WHERE code = 'p-hiep-tan'",
            [],
        )
        .expect("update");
    }
    let file = t.dir.path().join("f.toml");
    let f = file.to_str().expect("utf-8");
    for (lang, said) in [
        ("vi", "kế hoạch không đọc lại được, nên chưa ghi gì"),
        ("en", "does not read back, so nothing was written"),
    ] {
        let o = xungkich(
            &t.path,
            &[
                "--lang",
                lang,
                "campaign",
                "init",
                f,
                "--from-store",
                "--year",
                "2023",
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        assert!(text(&o.stderr).contains(said), "{}", text(&o.stderr));
        assert!(!file.exists());
    }
}
