//! A KPI before its deadline is not judged: it shows its progress and "not due yet", and the
//! verdict comes once the deadline passes. Tab 5, the overview, `report` and `export` all say
//! the same, checked through the real binary on one store at moments on either side of the
//! Saturday's two deadlines (registration before 05/05 00:00, report before 07/05 16:00) and
//! well before the campaign's end (the initiatives' deadline).

mod support;

use std::path::Path;
use std::process::Command;

use support::{TempStore, demo_store, stamp};
use xungkich::domain::kpi::KpiStatus;
use xungkich::i18n::{Lang, strings};
use xungkich::model::kpi::{INITIATIVE_COVERAGE, REGISTRATION_ON_TIME, REPORT_ON_TIME, compute};
use xungkich::store::Store;

fn xungkich(db: &Path, now: &str, lang: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .arg("--db")
        .arg(db)
        .args(["--now", now, "--lang", lang])
        .args(args)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .output()
        .expect("run xungkich");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What an output says after the KPI's name (its first `chars` characters, so a name cut
/// short on a narrow box still finds its line).
fn said_after(output: &str, name: &str, chars: usize, what: &str) -> String {
    let key: String = name.chars().take(chars).collect();
    let line = output
        .lines()
        .find(|l| l.contains(&key))
        .unwrap_or_else(|| panic!("{what}: no line for {name}:\n{output}"));
    let at = line.find(&key).unwrap_or(0) + key.len();
    line[at..].to_string()
}

/// The status each output gives the KPI `code`, checked against the model's.
fn check(store: &Store, db: &Path, now: &str, lang: Lang, code: &str, want: KpiStatus) {
    let s = strings(lang);
    let lang_arg = if lang == Lang::En { "en" } else { "vi" };
    let board = store.load_board().expect("board");
    let lines = compute(&board, store, stamp(now)).expect("kpis");
    let line = lines
        .iter()
        .find(|l| l.kpi.code == code)
        .unwrap_or_else(|| panic!("no KPI {code}"));
    assert_eq!(line.status, want, "{now}: the model's status of {code}");
    let word = s.kpi_status(want);
    let others: Vec<&str> = [
        KpiStatus::Met,
        KpiStatus::Near,
        KpiStatus::Below,
        KpiStatus::NoData,
        KpiStatus::Tracked,
        KpiStatus::NotDue,
    ]
    .into_iter()
    .filter(|st| *st != want)
    .map(|st| s.kpi_status(st))
    // "đạt" is inside "chưa đạt" and "gần đạt": only words the wanted one does not hold.
    .filter(|w| !word.contains(w))
    .collect();
    let name = &line.kpi.name;
    // Each output with how much of a KPI's name it shows at least.
    let outputs = [
        (
            "tab 5",
            20,
            xungkich(
                db,
                now,
                lang_arg,
                &["snapshot", "kpi", "--width", "120", "--height", "40"],
            ),
        ),
        (
            "overview 120×40",
            20,
            xungkich(
                db,
                now,
                lang_arg,
                &["snapshot", "overview", "--width", "120", "--height", "40"],
            ),
        ),
        (
            "overview 80×24",
            9,
            xungkich(
                db,
                now,
                lang_arg,
                &["snapshot", "overview", "--width", "80", "--height", "24"],
            ),
        ),
        ("report", 20, xungkich(db, now, lang_arg, &["report"])),
        (
            "report markdown",
            20,
            xungkich(db, now, lang_arg, &["report", "--format", "markdown"]),
        ),
    ];
    for (what, chars, output) in &outputs {
        let after = said_after(output, name, *chars, what);
        assert!(
            after.contains(word),
            "{now} {what}: {code} says {word:?}: {after}"
        );
        for other in &others {
            assert!(
                !after.contains(other),
                "{now} {what}: {code} also says {other:?}: {after}"
            );
        }
    }
    let dir = tempfile::TempDir::new().expect("tmp");
    let out = dir.path().join("csv");
    let out_arg = out.to_str().expect("utf-8 path");
    xungkich(
        db,
        now,
        lang_arg,
        &["export", "--format", "csv", "--out", out_arg],
    );
    let csv = std::fs::read_to_string(out.join("kpis.csv")).expect("kpis.csv");
    let row = csv
        .lines()
        .find(|l| l.starts_with(code) || l.trim_start_matches('\u{feff}').starts_with(code))
        .unwrap_or_else(|| panic!("export: no row for {code}:\n{csv}"));
    let status = row.rsplit(',').next().unwrap_or_default().trim_matches('"');
    assert_eq!(status, word, "{now} export: {code}");
}

#[test]
fn a_kpi_is_not_judged_before_its_deadline_and_every_output_says_so() {
    let t = TempStore::new();
    let store = demo_store(&t);
    let db = t.path.clone();
    // 03/05: no deadline has passed. The report KPI used to read "0,0% ✖ chưa đạt" here.
    for lang in [Lang::Vi, Lang::En] {
        for code in [REGISTRATION_ON_TIME, REPORT_ON_TIME, INITIATIVE_COVERAGE] {
            check(
                &store,
                &db,
                "2022-05-03T09:00",
                lang,
                code,
                KpiStatus::NotDue,
            );
        }
    }
    // 06/05: registrations were due, the reports are not yet.
    let now = "2022-05-06T09:00";
    check(
        &store,
        &db,
        now,
        Lang::Vi,
        REGISTRATION_ON_TIME,
        KpiStatus::Below,
    );
    check(
        &store,
        &db,
        now,
        Lang::Vi,
        REPORT_ON_TIME,
        KpiStatus::NotDue,
    );
    // 07/05 16:00, the report deadline itself: the verdict comes.
    let now = "2022-05-07T16:00";
    check(&store, &db, now, Lang::Vi, REPORT_ON_TIME, KpiStatus::Below);
    check(&store, &db, now, Lang::En, REPORT_ON_TIME, KpiStatus::Below);
    // The initiatives are owed "during the campaign": judged only after 31/12.
    check(
        &store,
        &db,
        now,
        Lang::Vi,
        INITIATIVE_COVERAGE,
        KpiStatus::NotDue,
    );
    check(
        &store,
        &db,
        "2023-01-01T00:00",
        Lang::Vi,
        INITIATIVE_COVERAGE,
        KpiStatus::Below,
    );
}
