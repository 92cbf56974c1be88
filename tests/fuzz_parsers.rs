//! Hostile input for every text parser (issue 7): arbitrary text gives a value or an error,
//! never a panic, and what a parser accepts is within its rules. Cheap round trips where a
//! formatter exists: a formatted valid value parses back to itself.
//!
//! Parsers covered: dates (`initiative::parse_date`), scores (`parse_score`), figures
//! (`figures::parse_figure`), phone numbers (`phone::parse_phone`), instants
//! (`time::read_datetime`, `--now`), local date-times (`time::read_datetime`), the
//! campaign file (`io::campaign_file::parse`, with arbitrary text and with mutations of the
//! shipped file: truncations, byte flips, line deletions and swaps, dates replaced), and the
//! other text helpers of `src/domain` (folding, collation, search needles, unit names, image
//! sniffing, code lookups).
//!
//! The regression corpus in `tests/corpus/<parser>/` is replayed by [`corpus_replays`]: in the
//! one-line parsers' folders each line of a file is one input, and the file name says what is
//! expected of every line — `accepted*.txt` parses, `refused*.txt` is refused, anything else
//! only must not panic (lines starting with `##` are comments). In `corpus/campaign/` each
//! file is one whole campaign file, expected the same way by its name.
//!
//! `PROPTEST_CASES=10000 cargo test --release --test fuzz_parsers` runs longer searches.

mod support;

use support::stamp;

use std::path::Path;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use proptest::prelude::*;
use proptest::test_runner::Config;

use xungkich::domain::figures::{FIGURE_MAX, FigureError, Metric, parse_figure};
use xungkich::domain::fold::{Needle, collation_key, compare_vi, fold, nfc};
use xungkich::domain::image::ImageKind;
use xungkich::domain::initiative::{
    self, CommendationLevel, InitiativeKind, Stage, format_score, parse_date, parse_score,
};
use xungkich::domain::phone::parse_phone;
use xungkich::domain::time::{end_of_day, format_date, format_local, read_datetime, start_of_day};
use xungkich::domain::unit::{Kinds, UnitKind, short_name};
use xungkich::io::campaign_file::{self, SHIPPED};
use xungkich::store::{Seed, Store};

/// Proptest's settings: its default case count (256, or `PROPTEST_CASES`), and no failure
/// files written next to the sources (a failure found is added to `tests/corpus/` by hand).
fn config() -> Config {
    Config {
        failure_persistence: None,
        ..Config::default()
    }
}

/// Fewer cases for the campaign file, which is parsed (and, when valid, seeded) whole:
/// 64 unless `PROPTEST_CASES` asks for another number.
fn campaign_config() -> Config {
    let asked = std::env::var("PROPTEST_CASES").ok();
    Config {
        cases: asked.and_then(|n| n.trim().parse().ok()).unwrap_or(64),
        ..config()
    }
}

/// Text near the parsers' own alphabet (digits, separators, signs, a few letters and
/// Vietnamese marks), which reaches deeper than arbitrary Unicode.
fn near_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r"[0-9 ./:,+\-TZtzeE_aăđ\u{300}\u{301}\t\n]{0,28}")
        .expect("regex")
}

/// Dates people write, in every accepted form and a few refused ones, with years from two
/// digits to the edges of chrono's range, signed or not.
fn date_like() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        (0i64..100).prop_map(|y| format!("{y:02}")),
        (1000i64..=9999).prop_map(|y| y.to_string()),
        (10_000i64..=300_000).prop_map(|y| format!("+{y}")),
        (0i64..=300_000).prop_map(|y| format!("-{y}")),
        Just("+262143".to_string()),
        Just("-262143".to_string()),
        Just("-262144".to_string()),
    ];
    let sep = prop_oneof![Just("/"), Just("-"), Just("."), Just(" ")];
    (0u32..40, 0u32..15, year, sep, any::<bool>()).prop_map(|(d, m, y, s, ymd)| {
        if ymd {
            format!("{y}{s}{m:02}{s}{d:02}")
        } else {
            format!("{d}{s}{m}{s}{y}")
        }
    })
}

fn valid_date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn valid_local_minute() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (valid_date(), 0u32..24, 0u32..60).prop_map(|(d, h, min)| {
        let naive = d.and_time(NaiveTime::from_hms_opt(h, min, 0).expect("time"));
        xungkich::domain::time::local_offset()
            .from_local_datetime(&naive)
            .single()
            .expect("a fixed offset maps every local time")
    })
}

/// What a parsed date may safely be used for afterwards: the form shows it, the deadlines of
/// a round and the start or end of its day are computed from it.
fn use_date(d: NaiveDate) {
    let _ = format_date(d);
    let _ = start_of_day(d);
    let _ = end_of_day(d);
    let _ = xungkich::domain::rounds::default_deadlines(d);
    let _ = initiative::check_date_in(d, d, d);
}

// ---------------------------------------------------------------------------------------------
// Dates, scores, figures, phones, instants.
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn dates_never_panic(text in prop_oneof![any::<String>(), near_text(), date_like()]) {
        if let Ok(d) = parse_date(&text) {
            // Four-digit (or longer, signed) years only: the year is written out in full.
            prop_assert!(text.contains(&d.format("%Y").to_string()), "{text:?} -> {d}");
            use_date(d);
        }
    }

    #[test]
    fn formatted_dates_parse_back(d in valid_date(), form in 0usize..5, pad in "[ \t]{0,2}") {
        let text = match form {
            0 => d.format("%d/%m/%Y").to_string(),
            1 => format!("{}/{}/{}", d.day(), d.month(), d.year()),
            2 => d.format("%d-%m-%Y").to_string(),
            3 => d.format("%d.%m.%Y").to_string(),
            _ => d.format("%Y-%m-%d").to_string(),
        };
        prop_assert_eq!(parse_date(&format!("{pad}{text}{pad}")), Ok(d), "{}", text);
        prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
    }

    #[test]
    fn scores_never_panic(text in prop_oneof![any::<String>(), near_text()]) {
        if let Ok(Some(v)) = parse_score(&text) {
            prop_assert!(v.is_finite() && (0.0..=100.0).contains(&v), "{text:?} -> {v}");
        }
    }

    #[test]
    fn formatted_scores_parse_back(tenths in 0u32..=1000) {
        let score = f64::from(tenths) / 10.0;
        let shown = format_score(score);
        prop_assert_eq!(parse_score(&shown), Ok(Some(score)), "{}", shown);
        prop_assert_eq!(parse_score(&shown.replace(',', ".")), Ok(Some(score)));
    }

    #[test]
    fn figures_never_panic(text in prop_oneof![any::<String>(), near_text()]) {
        if let Ok(Some(v)) = parse_figure(&text) {
            prop_assert!((0..=FIGURE_MAX).contains(&v), "{text:?} -> {v}");
        }
    }

    #[test]
    fn formatted_figures_parse_back(v in 0i64..=FIGURE_MAX, sep in prop_oneof![Just(""), Just("."), Just(" ")]) {
        // Grouped in threes from the right, as officers write them: 1.250, 1 000 000.
        let digits = v.to_string();
        let mut groups = Vec::new();
        let mut end = digits.len();
        while end > 0 {
            let start = end.saturating_sub(3);
            groups.push(&digits[start..end]);
            end = start;
        }
        groups.reverse();
        let text = groups.join(sep);
        prop_assert_eq!(parse_figure(&text), Ok(Some(v)), "{}", text);
    }

    #[test]
    fn figures_out_of_range_are_refused_with_the_reason(v in (FIGURE_MAX + 1)..i64::MAX, neg in 1i64..i64::MAX) {
        prop_assert_eq!(parse_figure(&v.to_string()), Err(FigureError::TooLarge));
        prop_assert_eq!(parse_figure(&format!("-{neg}")), Err(FigureError::Negative));
    }

    #[test]
    fn phones_never_panic(text in prop_oneof![any::<String>(), near_text()]) {
        if let Ok(digits) = parse_phone(&text) {
            prop_assert!(digits.len() == 10 && digits.starts_with('0'), "{text:?} -> {digits}");
            prop_assert!(digits.chars().all(|c| c.is_ascii_digit()));
            prop_assert_eq!(parse_phone(&digits), Ok(digits.clone()));
        }
    }

    #[test]
    fn written_phones_parse_back(rest in "[0-9]{9}", form in 0usize..3) {
        let digits = format!("0{rest}");
        let text = match form {
            0 => digits.clone(),
            1 => format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..]),
            _ => format!("{} {} {}", &digits[..4], &digits[4..7], &digits[7..]),
        };
        prop_assert_eq!(parse_phone(&text), Ok(digits));
    }

    #[test]
    fn instants_never_panic(text in prop_oneof![any::<String>(), near_text(), date_like().prop_map(|d| format!("{d}T10:00"))]) {
        if let Ok(t) = read_datetime(&text) {
            let _ = format_local(t);
            let _ = t.to_rfc3339();
        }
    }

    #[test]
    fn written_instants_parse_back(t in valid_local_minute(), form in 0usize..3) {
        let text = match form {
            0 => t.to_rfc3339(),
            1 => t.format("%Y-%m-%dT%H:%M").to_string(),
            _ => t.format("%Y-%m-%d %H:%M").to_string(),
        };
        prop_assert_eq!(read_datetime(&text), Ok(t), "{}", text);
    }

    #[test]
    fn local_datetimes_never_panic(text in prop_oneof![any::<String>(), near_text(), date_like().prop_map(|d| format!("{d} 10:00"))]) {
        if let Ok(t) = read_datetime(&text) {
            let _ = format_local(t);
            prop_assert_eq!(read_datetime(&t.to_rfc3339()), Ok(t), "{}", text);
        }
    }

    #[test]
    fn local_datetimes_parse_back(t in valid_local_minute()) {
        prop_assert_eq!(read_datetime(&format_local(t)), Ok(t), "{}", format_local(t));
    }
}

// ---------------------------------------------------------------------------------------------
// The other text helpers of src/domain.
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn text_helpers_never_panic(a in any::<String>(), b in prop_oneof![any::<String>(), near_text()]) {
        let _ = nfc(&a);
        let _ = fold(&a);
        let _ = short_name(&a);
        let _ = initiative::check_title(&a);
        let _ = initiative::check_text(&a);
        // A filter matches the text it was typed from, and the Vietnamese order is an order.
        prop_assert!(Needle::new(&a).matches(&a), "{a:?}");
        let _ = Needle::new(&b).matches(&a);
        prop_assert_eq!(compare_vi(&a, &b), compare_vi(&b, &a).reverse());
        prop_assert_eq!(compare_vi(&a, &a), std::cmp::Ordering::Equal);
        let _ = collation_key(&b);
    }

    #[test]
    fn codes_and_sniffing_never_panic(code in any::<String>(), head in proptest::collection::vec(any::<u8>(), 0..24)) {
        let _ = Metric::from_code(&code);
        let _ = Kinds::plan_115().name(&UnitKind::new(code.as_str()), true);
        let _ = Stage::from_code(&code);
        let _ = InitiativeKind::from_code(&code);
        let _ = CommendationLevel::from_code(&code);
        let _ = xungkich::domain::campaign::RequirementSource::from_code(&code);
        let _ = xungkich::domain::campaign::KpiSource::from_code(&code);
        let _ = ImageKind::sniff(&head);
    }
}

// ---------------------------------------------------------------------------------------------
// The campaign file.
// ---------------------------------------------------------------------------------------------

/// Loads a campaign file as `xungkich --campaign FILE` does, and, when it is accepted, seeds a
/// store from it and builds the app on it: an accepted file must work, not only parse.
fn load_campaign(text: &str) -> bool {
    match campaign_file::parse(text, "fuzz.toml") {
        Err(e) => {
            let lines = text.split('\n').count();
            assert!(
                e.line >= 1 && e.line <= lines + 1 && e.column >= 1,
                "error outside the file: {e} ({lines} lines)"
            );
            false
        }
        Ok(def) => {
            let store = Store::open_in_memory(
                Seed::File {
                    def: &def,
                    name: "fuzz.toml",
                },
                stamp("2022-05-07T14:00:00+07:00"),
            );
            // The store may refuse what the file allows (an error is fine, a panic is not).
            if let Ok(store) = store
                && let Ok(app) = xungkich::app::App::load(
                    &store,
                    support::clock("2022-05-07T14:00:00+07:00"),
                    xungkich::i18n::Lang::Vi,
                    true,
                )
            {
                let _ = xungkich::ui::snapshot::render_text(&app, 80, 24);
            }
            true
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    FlipByte { at: usize, xor: u8 },
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    InsertText { at: usize, text: String },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = SHIPPED.len();
    let lines = SHIPPED.lines().count();
    prop_oneof![
        (0..n).prop_map(Mutation::Truncate),
        (0..n, 1u8..=255).prop_map(|(at, xor)| Mutation::FlipByte { at, xor }),
        (0..lines).prop_map(Mutation::DeleteLine),
        (0..lines).prop_map(Mutation::DuplicateLine),
        (0..lines, 0..lines).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (
            0..n,
            prop_oneof![
                near_text(),
                any::<String>(),
                Just("\"".to_string()),
                Just("[[units]]\n".to_string())
            ]
        )
            .prop_map(|(at, text)| Mutation::InsertText { at, text }),
    ]
}

fn mutate(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    match m {
        Mutation::Truncate(at) => String::from_utf8_lossy(&text.as_bytes()[..*at]).into_owned(),
        Mutation::FlipByte { at, xor } => {
            let mut bytes = text.as_bytes().to_vec();
            bytes[*at] ^= xor;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Mutation::DeleteLine(i) => {
            lines.remove(*i);
            lines.join("\n")
        }
        Mutation::DuplicateLine(i) => {
            lines.insert(*i, lines[*i]);
            lines.join("\n")
        }
        Mutation::SwapLines(a, b) => {
            lines.swap(*a, *b);
            lines.join("\n")
        }
        Mutation::InsertText { at, text: insert } => {
            let mut at = *at;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            format!("{}{insert}{}", &text[..at], &text[at..])
        }
    }
}

/// The keys of the shipped file that hold a date or a date-time.
const DATE_KEYS: [&str; 7] = [
    "issued_on = ",
    "starts_on = ",
    "ends_on = ",
    "date = ",
    "registration_deadline = ",
    "report_deadline = ",
    "deadline = ",
];

/// The shipped file with the value of its `nth` date line replaced.
fn with_date(nth: usize, value: &str) -> String {
    let date_lines: Vec<usize> = SHIPPED
        .lines()
        .enumerate()
        .filter(|(_, l)| DATE_KEYS.iter().any(|k| l.starts_with(k)))
        .map(|(i, _)| i)
        .collect();
    let target = date_lines[nth % date_lines.len()];
    SHIPPED
        .lines()
        .enumerate()
        .map(|(i, l)| match l.split_once(" = ") {
            Some((key, _)) if i == target => format!("{key} = {value}"),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn date_value() -> impl Strategy<Value = String> {
    let time = prop_oneof![
        Just(String::new()),
        Just("T16:00:00+07:00".to_string()),
        Just("T00:00:00Z".to_string()),
        Just("T23:59:59-12:00".to_string()),
        "T[0-9]{2}:[0-9]{2}(:[0-9]{2})?([+-][0-9]{2}:[0-9]{2}|Z)?",
    ];
    let ymd = prop_oneof![
        date_like(),
        (valid_date()).prop_map(|d| d.format("%Y-%m-%d").to_string()),
        Just("+262143-12-31".to_string()),
        Just("-262143-01-01".to_string()),
        Just("-262144-01-01".to_string()),
        Just("0000-01-01".to_string()),
        Just("9999-12-31".to_string()),
    ];
    (ymd, time, any::<bool>()).prop_map(|(d, t, quoted)| {
        if quoted {
            format!("\"{d}{t}\"")
        } else {
            format!("{d}{t}")
        }
    })
}

proptest! {
    #![proptest_config(campaign_config())]

    #[test]
    fn campaign_files_of_arbitrary_text_never_panic(text in prop_oneof![any::<String>(), near_text()]) {
        load_campaign(&text);
        load_campaign(&format!("schema = 1\n{text}"));
    }

    #[test]
    fn mutated_campaign_files_never_panic(ms in proptest::collection::vec(mutation(), 1..4)) {
        let mut text = SHIPPED.to_string();
        for m in &ms {
            // Positions were drawn for the shipped file; a shorter text gets them clamped.
            let m = match m {
                Mutation::Truncate(at) => Mutation::Truncate(*at.min(&text.len())),
                Mutation::FlipByte { at, xor } if *at >= text.len() => {
                    Mutation::FlipByte { at: text.len().saturating_sub(1), xor: *xor }
                }
                Mutation::InsertText { at, text: t } => {
                    Mutation::InsertText { at: *at.min(&text.len()), text: t.clone() }
                }
                Mutation::DeleteLine(i) | Mutation::DuplicateLine(i)
                    if *i >= text.split('\n').count() => continue,
                Mutation::SwapLines(a, b)
                    if (*a).max(*b) >= text.split('\n').count() => continue,
                other => other.clone(),
            };
            if text.is_empty() {
                break;
            }
            text = mutate(&text, &m);
        }
        load_campaign(&text);
    }

    #[test]
    fn campaign_dates_of_any_year_never_panic(nth in 0usize..16, value in date_value()) {
        load_campaign(&with_date(nth, &value));
    }
}

#[test]
fn the_shipped_file_loads_and_mutations_change_it() {
    // The harness above means something only if the unmutated file is accepted and a
    // mutation can make it refused.
    assert!(load_campaign(SHIPPED));
    assert!(!load_campaign(&mutate(SHIPPED, &Mutation::Truncate(200))));
    assert!(!load_campaign(&with_date(1, "\"yesterday\"")));
}

// ---------------------------------------------------------------------------------------------
// The regression corpus.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Accepted,
    Refused,
    NoPanic,
}

fn expectation(file: &Path) -> Expect {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with("accepted") {
        Expect::Accepted
    } else if name.starts_with("refused") {
        Expect::Refused
    } else {
        Expect::NoPanic
    }
}

/// One line through one parser: Some(accepted?), None for an unknown parser folder.
fn run_parser(parser: &str, input: &str) -> Option<bool> {
    Some(match parser {
        "date" => parse_date(input).inspect(|d| use_date(*d)).is_ok(),
        "score" => parse_score(input).is_ok(),
        "figure" => parse_figure(input).is_ok(),
        "phone" => parse_phone(input).is_ok(),
        "instant" => read_datetime(input).is_ok(),
        "local_datetime" => read_datetime(input).is_ok(),
        _ => return None,
    })
}

#[test]
fn corpus_replays() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/corpus")
        .map(|e| e.expect("corpus entry").path())
        .collect();
    dirs.sort();
    let mut replayed = 0;
    for dir in dirs {
        let parser = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a parser folder")
            .to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("parser folder")
            .map(|e| e.expect("corpus file").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no .txt files", dir.display());
        for file in files {
            let expect = expectation(&file);
            let text = std::fs::read_to_string(&file).expect("corpus file is UTF-8");
            let inputs: Vec<&str> = if parser == "campaign" {
                vec![&text]
            } else {
                text.lines().filter(|l| !l.starts_with("##")).collect()
            };
            for input in inputs {
                let accepted = if parser == "campaign" {
                    load_campaign(input)
                } else {
                    run_parser(&parser, input)
                        .unwrap_or_else(|| panic!("no parser for tests/corpus/{parser}"))
                };
                match expect {
                    Expect::Accepted => assert!(accepted, "{}: {input:?} refused", file.display()),
                    Expect::Refused => assert!(!accepted, "{}: {input:?} accepted", file.display()),
                    Expect::NoPanic => {}
                }
                replayed += 1;
            }
        }
    }
    assert!(replayed >= 50, "only {replayed} corpus inputs");
}
