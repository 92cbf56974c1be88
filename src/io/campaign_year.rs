//! `campaign init --year`: a campaign file's dates moved to another year, on the file's text so
//! that every comment and the officer's layout stay as written. Only values that are wholly a
//! date or a date-time are moved; a year inside free text (a title, a basis quoting the plan,
//! a comment, a code such as `tb-dot2-2022`) is left for the officer, and the lines that still
//! name an old year are listed.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use chrono::{DateTime, Datelike, NaiveDate};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::domain::campaign_problem::CampaignProblem;
use crate::domain::campaign_year::{beside, by_day_of_month, by_weekday, shifted_year};
use crate::io::campaign_file::{self, CampaignFileError};

/// A listed line is cut to this many columns: the officer opens the file to edit it anyway.
const LINE_COLUMNS: usize = 100;

/// The `[campaign]` keys that make its period, kept on their day of the month.
const PERIOD_KEYS: [&str; 3] = ["issued_on", "starts_on", "ends_on"];

/// The file after the move.
#[derive(Debug)]
pub struct Moved {
    pub text: String,
    /// How many date values changed.
    pub moved: usize,
    /// The year the campaign was in (`[campaign] starts_on`, else its earliest date); `None`
    /// when the file has no date at all.
    pub from_year: Option<i32>,
    /// The years the dates had that none has now, which the listed lines name.
    pub old_years: Vec<i32>,
    pub leftovers: Vec<Leftover>,
}

/// A line of the moved file that still names an old year.
#[derive(Debug, PartialEq)]
pub struct Leftover {
    /// 1-based.
    pub line: usize,
    /// Trimmed, made safe to print and cut to [`LINE_COLUMNS`].
    pub text: String,
    pub comment: bool,
}

/// How one date value moves.
#[derive(Clone, Copy)]
enum Rule {
    Weekday,
    DayOfMonth,
    /// Keeps its distance in days to this round date (before the move).
    Beside(NaiveDate),
}

/// A date found in the file: where its `YYYY-MM-DD` is written and what it says.
struct Found {
    at: Range<usize>,
    date: NaiveDate,
    rule: Rule,
}

/// Moves every date of `text` (a campaign file) so that the campaign is in `year`, checks
/// that the result still reads as a campaign file, and lists the lines still naming the old
/// year. `file_name` only labels errors.
pub fn move_to_year(text: &str, year: i32, file_name: &str) -> Result<Moved, CampaignFileError> {
    let doc = DeTable::parse(text).map_err(|e| not_toml(text, file_name, &e))?;
    let rounds = rounds(doc.get_ref());
    let mut found = Vec::new();
    visit(text, doc.get_ref(), &[], &rounds, &mut found);

    let from_year =
        period_start(doc.get_ref()).or_else(|| found.iter().map(|f| f.date.year()).min());
    let Some(from_year) = from_year else {
        campaign_file::parse(text, file_name)?;
        return Ok(Moved {
            text: text.to_string(),
            moved: 0,
            from_year: None,
            old_years: Vec::new(),
            leftovers: Vec::new(),
        });
    };

    let mut edits = Vec::new();
    let mut new_years = BTreeSet::new();
    let old_years: BTreeSet<i32> = found.iter().map(|f| f.date.year()).collect();
    for f in &found {
        let to = |d: NaiveDate| shifted_year(d.year(), from_year, year);
        let moved = match f.rule {
            Rule::Weekday => by_weekday(f.date, to(f.date)),
            Rule::DayOfMonth => by_day_of_month(f.date, to(f.date)),
            Rule::Beside(round) => {
                by_weekday(round, to(round)).and_then(|r| beside(f.date, round, r))
            }
        };
        // Only a year chrono cannot hold gives none; the date is then left, and listed.
        let Some(moved) = moved else { continue };
        new_years.insert(moved.year());
        if moved != f.date {
            edits.push((f.at.clone(), moved.format("%Y-%m-%d").to_string()));
        }
    }

    let mut out = text.to_string();
    edits.sort_by_key(|(at, _)| std::cmp::Reverse(at.start));
    for (at, date) in &edits {
        out.replace_range(at.clone(), date);
    }
    campaign_file::parse(&out, file_name)?;

    let old_years: Vec<i32> = old_years.difference(&new_years).copied().collect();
    let leftovers = leftovers(&out, &old_years);
    Ok(Moved {
        text: out,
        moved: edits.len(),
        from_year: Some(from_year),
        old_years,
        leftovers,
    })
}

/// A text that is not TOML is said the way the campaign reader says it.
fn not_toml(text: &str, file_name: &str, e: &toml::de::Error) -> CampaignFileError {
    match campaign_file::parse(text, file_name) {
        Err(located) => located,
        Ok(_) => CampaignFileError {
            file: file_name.to_string(),
            line: 1,
            column: 1,
            problem: CampaignProblem::Toml(e.message().to_string()),
        },
    }
}

/// Each round's code with its date, before the move, for the deadlines tied to it.
fn rounds(doc: &DeTable) -> HashMap<String, NaiveDate> {
    let Some(DeValue::Array(days)) = doc.get("volunteer_days").map(Spanned::get_ref) else {
        return HashMap::new();
    };
    days.iter()
        .filter_map(|day| {
            let day = day.get_ref().as_table()?;
            let code = day.get("code")?.get_ref().as_str()?;
            let date = date_of(day.get("date")?.get_ref())?;
            Some((code.to_string(), date))
        })
        .collect()
}

fn period_start(doc: &DeTable) -> Option<i32> {
    let campaign = doc.get("campaign")?.get_ref().as_table()?;
    Some(date_of(campaign.get("starts_on")?.get_ref())?.year())
}

/// Every date value under `table`, whose place in the file is `path` (table keys; an array of
/// tables adds its own key once).
fn visit(
    text: &str,
    table: &DeTable,
    path: &[&str],
    rounds: &HashMap<String, NaiveDate>,
    found: &mut Vec<Found>,
) {
    for (key, value) in table.iter() {
        let key: &str = key.get_ref();
        let mut inner = path.to_vec();
        inner.push(key);
        visit_value(text, value, &inner, table, rounds, found);
    }
}

fn visit_value(
    text: &str,
    value: &Spanned<DeValue>,
    path: &[&str],
    parent: &DeTable,
    rounds: &HashMap<String, NaiveDate>,
    found: &mut Vec<Found>,
) {
    match value.get_ref() {
        DeValue::Table(t) => visit(text, t, path, rounds, found),
        DeValue::Array(items) => {
            for item in items.iter() {
                visit_value(text, item, path, parent, rounds, found);
            }
        }
        v => {
            let Some(date) = date_of(v) else { return };
            let Some(at) = written_at(text, value.span(), date) else {
                return;
            };
            let rule = rule(path, parent, rounds);
            found.push(Found { at, date, rule });
        }
    }
}

/// The period keeps its days; a round's deadlines, and a requirement's deadline for a round,
/// keep their distance to the round's date (so "register before Thursday" stays before that
/// Saturday, which the weekday rule alone breaks when a month begins on a Friday or a
/// Saturday); every other date keeps its weekday in its week of the month.
fn rule(path: &[&str], parent: &DeTable, rounds: &HashMap<String, NaiveDate>) -> Rule {
    let own_round = || date_of(parent.get("date")?.get_ref());
    let named_round = || {
        let code = parent.get("volunteer_day")?.get_ref().as_str()?;
        rounds.get(code).copied()
    };
    match path {
        ["campaign", key] if PERIOD_KEYS.contains(key) => Rule::DayOfMonth,
        [
            "volunteer_days",
            "registration_deadline" | "report_deadline",
        ] => own_round().map_or(Rule::Weekday, Rule::Beside),
        ["requirements", "deadline"] => named_round().map_or(Rule::Weekday, Rule::Beside),
        _ => Rule::Weekday,
    }
}

/// The date a value is, if it is wholly a date or a date-time: a bare TOML one or a quoted
/// `YYYY-MM-DD`, RFC 3339 or `YYYY-MM-DDTHH:MM±HH:MM` (as the campaign reader takes them).
fn date_of(value: &DeValue) -> Option<NaiveDate> {
    match value {
        DeValue::Datetime(d) => {
            let d = d.date?;
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
        }
        DeValue::String(s) => {
            let s = s.trim();
            let day = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
            let whole = s.len() == 10
                || DateTime::parse_from_rfc3339(s).is_ok()
                || DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z").is_ok();
            whole.then_some(day)
        }
        _ => None,
    }
}

/// Where in `text` the value spanning `span` writes `date` as `YYYY-MM-DD`: after its opening
/// quotes (and the line break a multi-line string may open with). A date spelt with escapes
/// is not found, so not moved: it is listed with the other lines naming the year.
fn written_at(text: &str, span: Range<usize>, date: NaiveDate) -> Option<Range<usize>> {
    let raw = text.get(span.clone())?;
    let quotes = raw.len() - raw.trim_start_matches(['"', '\'']).len();
    let body = &raw[quotes..];
    let skipped = body.len() - body.trim_start().len();
    let start = span.start + quotes + skipped;
    let written = date.format("%Y-%m-%d").to_string();
    (text.get(start..start + 10)? == written).then_some(start..start + 10)
}

/// The lines of `text` naming one of `years` as a number of its own (in "05/5/2022", in
/// "tb-dot2-2022", not in "120225").
fn leftovers(text: &str, years: &[i32]) -> Vec<Leftover> {
    if years.is_empty() {
        return Vec::new();
    }
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let line = crate::text::one_line(line.trim());
            let at = year_at(&line, years)?;
            Some(Leftover {
                line: i + 1,
                text: excerpt(&line, at),
                comment: line.starts_with('#'),
            })
        })
        .collect()
}

/// A long line cut to [`LINE_COLUMNS`] so that the year it names (at byte `at`) still shows:
/// a title ending "… năm 2022" keeps its key and shows its end (`title = "…năm 2022"`).
fn excerpt(line: &str, at: usize) -> String {
    use crate::text::{truncate, width};
    let head = line.get(..at).unwrap_or(line);
    if width(line) <= LINE_COLUMNS || width(head) + 5 < LINE_COLUMNS {
        return truncate(line, LINE_COLUMNS);
    }
    // The key and the opening quote, when the line is `key = "…`.
    let key = match (line.find('='), line.find('"')) {
        (Some(eq), Some(quote)) if eq < quote && quote < at && !line.starts_with('#') => {
            line.get(..=quote).unwrap_or("")
        }
        _ => "",
    };
    let room = LINE_COLUMNS.saturating_sub(width(key) + 1);
    let chars = line.chars().count();
    // As much as fits before the year, the year itself always in.
    let skip = chars
        .saturating_sub(room)
        .min(head.chars().count().saturating_sub(room / 2))
        .max(key.chars().count());
    let rest: String = line.chars().skip(skip).collect();
    format!("{key}…{}", truncate(&rest, room))
}

/// Where the first of `years` is written in `line` as a run of exactly four digits.
fn year_at(line: &str, years: &[i32]) -> Option<usize> {
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                start = None;
                let run = line.get(from..i).unwrap_or("");
                if run.len() == 4 && run.parse::<i32>().is_ok_and(|y| years.contains(&y)) {
                    return Some(from);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::campaign_file::SHIPPED;
    use chrono::Weekday;

    fn shipped_to(year: i32) -> Moved {
        move_to_year(SHIPPED, year, "tan-phu.toml").expect("the shipped plan moves")
    }

    fn comments(text: &str) -> Vec<&str> {
        text.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .collect()
    }

    #[test]
    fn the_shipped_plan_moves_to_2023_and_still_reads() {
        let m = shipped_to(2023);
        assert_eq!(m.from_year, Some(2022));
        assert_eq!(m.old_years, vec![2022]);
        let def = campaign_file::parse(&m.text, "x.toml").expect("parses");
        let c = &def.campaign;
        assert_eq!(
            c.starts_on,
            NaiveDate::from_ymd_opt(2023, 4, 1).expect("date")
        );
        assert_eq!(
            c.ends_on,
            NaiveDate::from_ymd_opt(2023, 12, 31).expect("date")
        );
        assert_eq!(
            c.issued_on,
            NaiveDate::from_ymd_opt(2023, 4, 29).expect("date")
        );
        assert!(!def.volunteer_days.is_empty());
        for day in &def.volunteer_days {
            assert_eq!(day.date.year(), 2023);
            assert_eq!(day.date.weekday(), Weekday::Sat);
            let reg = day.registration_deadline.date_naive();
            assert_eq!(reg.weekday(), Weekday::Thu);
            assert_eq!((day.date - reg).num_days(), 2, "the Thursday before");
            assert_eq!(day.report_deadline.date_naive(), day.date);
            assert_eq!(day.report_deadline.time().to_string(), "16:00:00");
            assert_eq!(day.report_deadline.offset().local_minus_utc(), 7 * 3600);
        }
        assert!(m.text.contains("date = \"2023-05-06\""));
        assert!(
            m.text
                .contains("registration_deadline = \"2023-05-04T00:00:00+07:00\"")
        );
        assert!(m.text.contains("deadline = \"2023-05-06T16:00:00+07:00\""));
        // 3 period dates, the round's date and two deadlines, two requirement deadlines.
        assert_eq!(m.moved, 8);
    }

    #[test]
    fn comments_and_free_text_stay_byte_for_byte() {
        let m = shipped_to(2023);
        assert_eq!(comments(&m.text), comments(SHIPPED));
        assert_eq!(m.text.lines().count(), SHIPPED.lines().count());
        // Only the moved dates differ.
        for (before, after) in SHIPPED.lines().zip(m.text.lines()) {
            if before != after {
                assert!(before.contains("2022-"), "{before}");
                assert_eq!(before.replace("2022-", "2023-").len(), after.len());
            }
        }
        assert!(m.text.contains("code = \"tb-dot2-2022\""));
        assert!(m.text.contains("trước ngày 05/5/2022 (thứ Năm)"));
    }

    #[test]
    fn the_lines_still_naming_2022_are_listed() {
        let m = shipped_to(2023);
        let at = |needle: &str| {
            m.leftovers
                .iter()
                .find(|l| l.text.contains(needle))
                .unwrap_or_else(|| panic!("{needle} listed"))
        };
        assert!(!at("short_title = ").comment);
        assert!(!at("code = \"tb-dot2-2022\"").comment);
        assert!(at("# Ngày thứ Bảy tình nguyện đợt 2 - năm 2022").comment);
        // The campaign's title names the year at its end: the listing shows that end.
        let title = at("hành chính” năm 2022\"");
        assert!(title.text.starts_with("title = \"…"), "{}", title.text);
        assert!(title.text.chars().count() <= LINE_COLUMNS);
        let line = m.text.lines().nth(title.line - 1).expect("line");
        assert!(line.starts_with("title = \"Thi đua"));
    }

    #[test]
    fn a_round_whose_month_begins_on_saturday_keeps_its_thursday_before() {
        // May 2027 begins on a Saturday: by weekday alone the first Thursday (06/5) would come
        // after the first Saturday (01/5).
        let m = shipped_to(2027);
        let def = campaign_file::parse(&m.text, "x.toml").expect("parses");
        let day = &def.volunteer_days[0];
        assert_eq!(day.date, NaiveDate::from_ymd_opt(2027, 5, 1).expect("date"));
        let reg = day.registration_deadline.date_naive();
        assert_eq!(reg, NaiveDate::from_ymd_opt(2027, 4, 29).expect("date"));
        for r in def
            .requirements
            .iter()
            .filter(|r| r.volunteer_day.is_some())
        {
            let due = r.deadline.expect("deadline").date_naive();
            assert!(due <= day.date, "{} due {due}", r.code);
        }
    }

    #[test]
    fn bare_dates_and_other_tables_move_too() {
        let text = SHIPPED
            .replace("date = \"2022-05-07\"", "date = 2022-05-07")
            .replace(
                "report_deadline = \"2022-05-07T16:00:00+07:00\"",
                "report_deadline = 2022-05-07T16:00+07:00",
            )
            .replace(
                "owner = \"Phòng Nội vụ\"\nstatus = \"planned\"",
                "owner = \"Phòng Nội vụ\"\nstatus = \"planned\"\ndate = '2022-06-30'",
            );
        let m = move_to_year(&text, 2023, "x.toml").expect("moves");
        assert!(m.text.contains("date = 2023-05-06\n"));
        assert!(
            m.text
                .contains("report_deadline = 2023-05-06T16:00+07:00\n")
        );
        // The fifth Thursday of June 2022 → the last Thursday of June 2023.
        assert!(m.text.contains("date = '2023-06-29'"));
    }

    #[test]
    fn a_campaign_across_new_year_still_crosses_it() {
        let text = SHIPPED
            .replace("ends_on = \"2022-12-31\"", "ends_on = \"2023-01-31\"")
            .replace(
                "owner = \"Phòng Nội vụ\"\nstatus = \"planned\"",
                "owner = \"Phòng Nội vụ\"\nstatus = \"planned\"\ndate = \"2023-01-10\"",
            );
        let m = move_to_year(&text, 2023, "x.toml").expect("moves");
        assert!(m.text.contains("ends_on = \"2024-01-31\""));
        // The second Tuesday of January 2023 → the second Tuesday of January 2024.
        assert!(m.text.contains("date = \"2024-01-09\""));
        assert!(m.text.contains("starts_on = \"2023-04-01\""));
        // 2023 is a year the moved dates have: only 2022 lines are listed.
        assert_eq!(m.old_years, vec![2022]);
    }

    #[test]
    fn the_same_year_changes_nothing() {
        let m = shipped_to(2022);
        assert_eq!(m.text, SHIPPED);
        assert_eq!(m.moved, 0);
        assert_eq!(m.from_year, Some(2022));
        assert!(m.leftovers.is_empty());
    }

    #[test]
    fn a_result_that_does_not_read_is_an_error() {
        // A file the reader refuses (here a key it does not know) is refused after the move
        // too, located; a text that is not TOML at all as well.
        let text = SHIPPED.replace(
            "registration_deadline = \"2022-05-05T00:00:00+07:00\"",
            "registration_deadline = \"2022-05-05T00:00:00+07:00\"\nbogus = 1",
        );
        let e = move_to_year(&text, 2023, "x.toml").expect_err("refused");
        assert_eq!(e.file, "x.toml");
        assert!(move_to_year("[campaign\n", 2023, "x.toml").is_err());
    }

    #[test]
    fn a_year_is_a_number_of_its_own() {
        assert_eq!(year_at("tb-dot2-2022", &[2022]), Some(8));
        assert_eq!(year_at("ngày 05/5/2022 (thứ Năm)", &[2022]), Some(11));
        assert_eq!(year_at("2022", &[2022]), Some(0));
        assert_eq!(year_at("120225", &[2022]), None);
        assert_eq!(year_at("20221 2023", &[2022]), None);
    }

    #[test]
    fn a_long_line_is_cut_where_its_year_still_shows() {
        let line = format!("title = \"{} năm 2022\"", "chữ ".repeat(40));
        let at = year_at(&line, &[2022]).expect("names 2022");
        let shown = excerpt(&line, at);
        assert!(
            shown.starts_with("title = \"…chữ") && shown.ends_with(" năm 2022\""),
            "{shown}"
        );
        assert!(crate::text::width(&shown) <= LINE_COLUMNS);
        let early = format!("code = \"2022\" {}", "x".repeat(200));
        let shown = excerpt(&early, 8);
        assert!(shown.starts_with("code = \"2022\"") && shown.ends_with('…'));
        assert_eq!(excerpt("short 2022", 6), "short 2022");
    }
}
