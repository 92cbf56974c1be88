//! One reader of dates and date-times (issue 11): the same texts are accepted, with the same
//! values, by an officer's form, a sheet's import and `--now`.

mod support;

use chrono::NaiveDate;

use support::{TempStore, stamp};
use xungkich::app::form::{Input, Rule};
use xungkich::app::text_field::TextField;
use xungkich::domain::import::ImportKind;
use xungkich::domain::initiative;
use xungkich::domain::time::{local_offset, read_datetime};
use xungkich::i18n::{Lang, strings};
use xungkich::io::import::{self, Context};
use xungkich::store::Store;

const NOW: &str = "2022-05-01T10:00:00+07:00";

/// Each form a date is written in, and the local date-time it stands for.
const WRITTEN: [(&str, &str); 14] = [
    ("07/05/2022", "2022-05-07T00:00:00+07:00"),
    ("7/5/2022", "2022-05-07T00:00:00+07:00"),
    ("07-05-2022", "2022-05-07T00:00:00+07:00"),
    ("7.5.2022", "2022-05-07T00:00:00+07:00"),
    ("2022-05-07", "2022-05-07T00:00:00+07:00"),
    ("2022/05/07", "2022-05-07T00:00:00+07:00"),
    (" 07/05/2022 ", "2022-05-07T00:00:00+07:00"),
    ("07/05/2022 14:30", "2022-05-07T14:30:00+07:00"),
    ("7/5/2022 2:30 PM", "2022-05-07T14:30:00+07:00"),
    ("07/05/2022 14:30:05", "2022-05-07T14:30:05+07:00"),
    ("2022-05-07 14:30", "2022-05-07T14:30:00+07:00"),
    ("2022-05-07T14:30", "2022-05-07T14:30:00+07:00"),
    ("2022-05-07T14:30:00.250", "2022-05-07T14:30:00+07:00"),
    ("2022-05-07T14:30:00+07:00", "2022-05-07T14:30:00+07:00"),
];

/// Texts nobody means as a date: refused on every path.
const REFUSED: [&str; 7] = [
    "07/05/22",
    "31/02/2022",
    "07/13/2022",
    "07 05 2022",
    "07/05/2022 25:00",
    "hôm nay",
    "",
];

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 5, 7).expect("date")
}

fn form_accepts(rule: Rule, text: &str) -> bool {
    let input = Input::Line(TextField::new(text));
    rule.check(&input, strings(Lang::Vi)).is_none()
}

fn date_rule() -> Rule {
    Rule::Date {
        start: NaiveDate::from_ymd_opt(2022, 4, 1).expect("date"),
        end: NaiveDate::from_ymd_opt(2022, 12, 31).expect("date"),
    }
}

/// The registration date an initiatives sheet gives, once imported and read back.
fn imported_dates(texts: &[&str]) -> Vec<Option<NaiveDate>> {
    let t = TempStore::new();
    let mut store = t.open(NOW);
    let mut csv = String::from("Dấu thời gian,Đơn vị,Tên sáng kiến\n");
    for (i, text) in texts.iter().enumerate() {
        csv.push_str(&format!(
            "\"{text}\",UBND phường Tân Quý,Thử đọc ngày {i}\n"
        ));
    }
    let plan = plan(&store, csv.as_bytes(), ImportKind::Initiatives);
    let refused: Vec<usize> = plan.errors.iter().map(|e| e.row).collect();
    if plan.has_changes() {
        import::apply(&mut store, &plan, Lang::Vi, stamp(NOW)).expect("apply");
    }
    let stored = store.initiatives_for_import().expect("initiatives");
    (0..texts.len())
        .map(|i| {
            let title = format!("Thử đọc ngày {i}");
            let found = stored.iter().find(|e| e.title == title);
            // Row numbers count the header as row 1.
            assert_eq!(found.is_none(), refused.contains(&(i + 2)), "row {i}");
            found.map(|e| e.registered_on)
        })
        .collect()
}

fn plan(store: &Store, bytes: &[u8], kind: ImportKind) -> import::Plan {
    let board = store.load_board().expect("board");
    let now = read_datetime(NOW).expect("now");
    let ctx = Context {
        store,
        board: &board,
        now,
        lang: Lang::Vi,
        default_day: import::upcoming_day(&board.volunteer_days, now),
    };
    import::plan_bytes(bytes, "one-reader.csv", kind, &ctx)
}

#[test]
fn every_written_form_is_read_alike_by_forms_import_and_now() {
    let texts: Vec<&str> = WRITTEN.iter().map(|(t, _)| *t).collect();
    let imported = imported_dates(&texts);
    for ((text, local), imported) in WRITTEN.iter().zip(imported) {
        // A form's date field and the registry's rules.
        assert_eq!(
            initiative::parse_date(text),
            Ok(day()),
            "form date {text:?}"
        );
        assert!(form_accepts(date_rule(), text), "form date {text:?}");
        // A form's date-time field.
        assert!(
            form_accepts(Rule::DateTime, text),
            "form date-time {text:?}"
        );
        // A sheet's date cell, through a whole import.
        assert_eq!(imported, Some(day()), "import {text:?}");
        // `--now`.
        let now = read_datetime(text).expect("--now");
        assert_eq!(now.to_rfc3339(), *local, "--now {text:?}");
        assert_eq!(now.with_timezone(&local_offset()).date_naive(), day());
    }
}

#[test]
fn what_one_path_refuses_every_path_refuses() {
    let imported = imported_dates(&REFUSED);
    for (text, imported) in REFUSED.iter().zip(imported) {
        assert!(initiative::parse_date(text).is_err(), "form date {text:?}");
        assert!(!form_accepts(date_rule(), text), "form date {text:?}");
        assert!(
            !form_accepts(Rule::DateTime, text),
            "form date-time {text:?}"
        );
        assert_eq!(imported, None, "import {text:?}");
        assert!(read_datetime(text).is_err(), "--now {text:?}");
    }
}
