//! Campaign time: the local offset, the injectable "now", and time left / overdue.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// Asia/Ho_Chi_Minh has been UTC+07:00 without daylight saving since 1975, so a fixed offset
/// is exact for any campaign date and spares a time-zone database in the binary.
pub fn local_offset() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("+07:00 is a valid offset")
}

/// The app's notion of now. Rules never read the system clock themselves: they take `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    /// A fixed instant (from `--now`), so a past campaign can be replayed deterministically.
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    pub fn now(&self) -> DateTime<FixedOffset> {
        match self {
            Clock::System => chrono::Utc::now().with_timezone(&local_offset()),
            Clock::Fixed(t) => *t,
        }
    }

    pub fn is_fixed(&self) -> bool {
        matches!(self, Clock::Fixed(_))
    }
}

/// Why a text is not a date or a date-time, so each caller can say it in its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateIssue {
    /// Not in any accepted form.
    Form,
    /// Month outside 1–12.
    Month(u32),
    /// The month has no such day (31/02).
    Day { day: u32, month: u32, year: i32 },
    /// A time part that is not a time of day.
    Time,
}

/// A date as officers type it into forms and sheets write it into cells. The one grammar
/// every date and date-time in the app is read with (forms, import, `--now`):
///
/// - a date: day first, `07/05/2022` or `7/5/2022`, or year first, `2022-05-07`; the parts
///   separated by `/`, `-` or `.`, each of one to four digits, the year of exactly four;
/// - optionally followed by a space or `T` and a time `H:MM`, `H:MM:SS` or `H:MM:SS.fff`
///   (fractions dropped), with `AM`/`PM` or `SA`/`CH` after it;
/// - or an RFC 3339 instant that carries its own offset (`2022-05-07T08:30:00Z`).
///
/// For a date the time, when written, is read and then dropped: sheets write dates as
/// date-times at midnight, and a date field is about the day.
pub fn read_date(text: &str) -> Result<NaiveDate, DateIssue> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        // The day as written, in the text's own offset: that is the day the writer meant.
        return Ok(dt.date_naive());
    }
    read_parts(t).map(|(date, _)| date)
}

/// A date-time in the grammar of [`read_date`]. Without an offset the time is local
/// (+07:00); a date alone is its midnight.
pub fn read_datetime(text: &str) -> Result<DateTime<FixedOffset>, DateIssue> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt);
    }
    let (date, time) = read_parts(t)?;
    local(date.and_time(time.unwrap_or(NaiveTime::MIN))).ok_or(DateIssue::Time)
}

fn local(naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    local_offset().from_local_datetime(&naive).single()
}

/// The date and the optional time of a text without an offset. Date problems are reported
/// before time problems, so "31/02/2022 25:00" says the day is wrong.
fn read_parts(t: &str) -> Result<(NaiveDate, Option<NaiveTime>), DateIssue> {
    let mut s = Scan(t);
    let first = s.number().ok_or(DateIssue::Form)?;
    s.separator(&['/', '-', '.']).ok_or(DateIssue::Form)?;
    let second = s.number().ok_or(DateIssue::Form)?;
    s.separator(&['/', '-', '.']).ok_or(DateIssue::Form)?;
    let third = s.number().ok_or(DateIssue::Form)?;
    let rest = s.0;
    let time_text = match rest.strip_prefix('T') {
        Some(after) => Some(after),
        None if rest.is_empty() => None,
        None if rest.starts_with(char::is_whitespace) => Some(rest),
        None => return Err(DateIssue::Form),
    };
    let date = date_from_parts(first, second, third)?;
    let time = match time_text.map(str::trim) {
        None | Some("") => None,
        Some(tp) => Some(read_time(tp)?),
    };
    Ok((date, time))
}

fn date_from_parts(first: &str, second: &str, third: &str) -> Result<NaiveDate, DateIssue> {
    let parts = [first, second, third];
    if parts.iter().any(|p| p.len() > 4) {
        return Err(DateIssue::Form);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| DateIssue::Form);
    let (year, month, day) = if first.len() == 4 {
        (num(first)?, num(second)?, num(third)?)
    } else if third.len() == 4 {
        (num(third)?, num(second)?, num(first)?)
    } else {
        // Two-digit years are ambiguous (22 → 1922 or 2022?): refused, not guessed.
        return Err(DateIssue::Form);
    };
    if !(1..=12).contains(&month) {
        return Err(DateIssue::Month(month));
    }
    let year = i32::try_from(year).map_err(|_| DateIssue::Form)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateIssue::Day { day, month, year })
}

/// `H:MM`, `H:MM:SS`, `H:MM:SS.fff`, then optionally AM/PM (SA/CH in Vietnamese sheets).
fn read_time(t: &str) -> Result<NaiveTime, DateIssue> {
    let mut s = Scan(t);
    let clock = |n: Option<&str>| match n {
        Some(n) if n.len() <= 2 => n.parse::<u32>().map_err(|_| DateIssue::Time),
        _ => Err(DateIssue::Time),
    };
    let mut hour = clock(s.number())?;
    s.separator(&[':']).ok_or(DateIssue::Time)?;
    let minute = clock(s.number())?;
    let second = match s.separator(&[':']) {
        Some(()) => {
            let second = clock(s.number())?;
            // Sheets may write fractional seconds ("15:30:05.123"): whole seconds are kept.
            if let Some(after) = s.0.strip_prefix('.') {
                s.0 = after.trim_start_matches(|c: char| c.is_ascii_digit());
            }
            second
        }
        None => 0,
    };
    // ISO offsets after the time (…T15:30:00+07:00 is read as RFC 3339 before this; a bare
    // Z or an offset without seconds lands here) are not guessed at.
    match super::sheet::key(s.0).as_str() {
        "" if s.0.trim().is_empty() => {}
        "am" | "sa" if (1..=12).contains(&hour) => hour %= 12,
        "pm" | "ch" if (1..=12).contains(&hour) => hour = hour % 12 + 12,
        _ => return Err(DateIssue::Time),
    }
    // A leap second, as RFC 3339 allows: 23:59:60 is the last second of the minute, again.
    let (second, nano) = if second == 60 {
        (59, 1_000_000_000)
    } else {
        (second, 0)
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nano).ok_or(DateIssue::Time)
}

/// What is left of a text being read, front first.
struct Scan<'a>(&'a str);

impl<'a> Scan<'a> {
    /// The ASCII digits at the front, after any spaces; None when there are none.
    fn number(&mut self) -> Option<&'a str> {
        let s = self.0.trim_start();
        let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let (digits, rest) = s.split_at(end);
        self.0 = rest;
        (!digits.is_empty()).then_some(digits)
    }

    /// One of `seps` at the front, after any spaces.
    fn separator(&mut self, seps: &[char]) -> Option<()> {
        let rest = self.0.trim_start().strip_prefix(seps)?;
        self.0 = rest;
        Some(())
    }
}

/// Midnight at the start of `date`, local time: when a date-only record (an initiative's
/// registration day) counts as done.
pub fn start_of_day(date: NaiveDate) -> DateTime<FixedOffset> {
    local_offset()
        .from_local_datetime(&date.and_time(NaiveTime::MIN))
        .single()
        .expect("a fixed offset maps every local time")
}

/// The last instant of a campaign day range, as an exclusive deadline: the start of the next day.
pub fn end_of_day(date: NaiveDate) -> DateTime<FixedOffset> {
    let next = date.succ_opt().unwrap_or(date);
    local_offset()
        .from_local_datetime(&next.and_time(NaiveTime::MIN))
        .single()
        .expect("a fixed offset maps every local time")
}

/// A span of time broken into the parts shown to the officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
}

impl Span {
    /// Rounds down to whole minutes: "còn 45 phút" means at least 45 minutes are left.
    pub fn from_duration(d: Duration) -> Span {
        let total = d.num_minutes().abs();
        Span {
            days: total / (24 * 60),
            hours: (total / 60) % 24,
            minutes: total % 60,
        }
    }

    pub fn is_under_a_minute(&self) -> bool {
        self.days == 0 && self.hours == 0 && self.minutes == 0
    }
}

/// Words for the parts of a span, one set per language (the UI string tables provide them).
pub struct SpanWords {
    pub day: &'static str,
    pub days: &'static str,
    pub hour: &'static str,
    pub hours: &'static str,
    pub minute: &'static str,
    pub minutes: &'static str,
    pub under_a_minute: &'static str,
}

/// "2 ngày 3 giờ", "45 phút", "1 giờ 5 phút": the two largest non-zero parts, which is as
/// precise as an officer needs and keeps table cells short.
pub fn format_span(span: Span, w: &SpanWords) -> String {
    if span.is_under_a_minute() {
        return w.under_a_minute.to_string();
    }
    let parts = [
        (span.days, w.day, w.days),
        (span.hours, w.hour, w.hours),
        (span.minutes, w.minute, w.minutes),
    ];
    let first = parts.iter().position(|p| p.0 > 0).unwrap_or(2);
    parts[first..]
        .iter()
        .take(2)
        .filter(|p| p.0 > 0)
        .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Day-first date as the officer writes it: 07/05/2022.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// 07/05/2022 16:00 in the campaign's local time.
pub fn format_local(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&local_offset())
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    const VI: SpanWords = SpanWords {
        day: "ngày",
        days: "ngày",
        hour: "giờ",
        hours: "giờ",
        minute: "phút",
        minutes: "phút",
        under_a_minute: "dưới 1 phút",
    };

    fn at(s: &str) -> DateTime<FixedOffset> {
        read_datetime(s).expect("test instant")
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0i32..=9999, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    }

    proptest! {
        #[test]
        fn day_first_dates_read_back(d in any_date(), sep in "[/.-]", padded in any::<bool>()) {
            let fmt = if padded { "%d{s}%m{s}%Y" } else { "%-d{s}%-m{s}%Y" }.replace("{s}", &sep);
            let text = d.format(&fmt).to_string();
            prop_assert_eq!(read_date(&text), Ok(d), "{}", text);
            prop_assert_eq!(read_date(&format_date(d)), Ok(d));
            // The form path and the import path are the same reader.
            prop_assert_eq!(crate::domain::initiative::parse_date(&text), Ok(d));
            prop_assert_eq!(read_datetime(&text), Ok(start_of_day(d)));
        }

        #[test]
        fn day_first_datetimes_read_back(d in any_date(), h in 0u32..24, m in 0u32..60, sec in 0u32..60) {
            let naive = d.and_time(NaiveTime::from_hms_opt(h, m, sec).expect("time"));
            let t = local(naive).expect("a fixed offset maps every local time");
            let text = naive.format("%d/%m/%Y %H:%M:%S").to_string();
            prop_assert_eq!(read_datetime(&text), Ok(t), "{}", text);
            prop_assert_eq!(read_datetime(&text), Ok(t));
            prop_assert_eq!(read_date(&text), Ok(d));
            // What the screens show (to the minute) reads back as that minute.
            let shown = format_local(t);
            prop_assert_eq!(read_datetime(&shown), Ok(t - Duration::seconds(i64::from(sec))), "{}", shown);
            prop_assert_eq!(read_datetime(&t.to_rfc3339()), Ok(t));
        }

        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,40}") {
            let _ = read_date(&text);
            let _ = read_datetime(&text);
        }
    }

    #[test]
    fn parses_now_forms_in_local_time() {
        let t = at("2022-05-07T15:30");
        assert_eq!(t.to_rfc3339(), "2022-05-07T15:30:00+07:00");
        assert_eq!(at("2022-05-07 15:30").to_rfc3339(), t.to_rfc3339());
        assert_eq!(at("2022-05-07").to_rfc3339(), "2022-05-07T00:00:00+07:00");
        assert_eq!(
            at("2022-05-07T08:30:00Z").to_rfc3339(),
            "2022-05-07T08:30:00+00:00"
        );
        // `--now` reads day-first like every other date (issue 11).
        assert_eq!(at("07/05/2022").to_rfc3339(), "2022-05-07T00:00:00+07:00");
        assert_eq!(at("07/05/2022 15:30").to_rfc3339(), t.to_rfc3339());
        assert!(read_datetime("2022-02-31T10:00").is_err());
        assert!(read_datetime("now").is_err());
    }

    #[test]
    fn spans_show_two_largest_parts() {
        let s = |m: i64| format_span(Span::from_duration(Duration::minutes(m)), &VI);
        assert_eq!(s(45), "45 phút");
        assert_eq!(s(2 * 1440 + 3 * 60), "2 ngày 3 giờ");
        assert_eq!(s(2 * 1440 + 3 * 60 + 7), "2 ngày 3 giờ");
        assert_eq!(s(2 * 1440 + 7), "2 ngày");
        assert_eq!(s(65), "1 giờ 5 phút");
        assert_eq!(s(0), "dưới 1 phút");
        assert_eq!(s(-45), "45 phút");
        assert_eq!(
            format_span(Span::from_duration(Duration::seconds(59)), &VI),
            "dưới 1 phút"
        );
    }

    #[test]
    fn local_datetimes_as_officers_write_them() {
        let t = |s: &str| read_datetime(s).map(|d| d.to_rfc3339()).ok();
        assert_eq!(
            t("04/05/2022 15:30").as_deref(),
            Some("2022-05-04T15:30:00+07:00")
        );
        assert_eq!(
            t("4/5/2022 9:05").as_deref(),
            Some("2022-05-04T09:05:00+07:00")
        );
        assert_eq!(
            t("2022-05-04 15:30").as_deref(),
            Some("2022-05-04T15:30:00+07:00")
        );
        assert_eq!(t("04/05/22 15:30"), None);
        assert_eq!(t("31/02/2022 10:00"), None);
        assert_eq!(t("04/05/2022 25:00"), None);
        // A date alone is its midnight, in a form as in a sheet (issue 11).
        assert_eq!(
            t("04/05/2022").as_deref(),
            Some("2022-05-04T00:00:00+07:00")
        );
    }

    #[test]
    fn dates_in_every_sheet_form() {
        for t in [
            "07/05/2022",
            "7/5/2022",
            "2022-05-07",
            "07-05-2022",
            "7.5.2022",
            "07/05/2022 14:30:00",
            "2022-05-07 08:00",
            "2022-05-07T08:00:00",
        ] {
            assert_eq!(read_date(t), Ok(d(2022, 5, 7)), "{t}");
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            read_date("31/02/2022"),
            Err(DateIssue::Day {
                day: 31,
                month: 2,
                year: 2022
            })
        );
        assert_eq!(read_date("05/13/2022"), Err(DateIssue::Month(13)));
        assert_eq!(read_date("07/05/22"), Err(DateIssue::Form));
        assert_eq!(read_date("hôm qua"), Err(DateIssue::Form));
        assert_eq!(read_date(""), Err(DateIssue::Form));
        assert_eq!(read_date("2022-05-07 25:00"), Err(DateIssue::Time));
        assert_eq!(read_date("29/02/2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn datetimes_are_local_unless_they_carry_an_offset() {
        let at = |t: &str| read_datetime(t).map(|x| x.to_rfc3339());
        assert_eq!(
            at("05/05/2022 16:30:00"),
            Ok("2022-05-05T16:30:00+07:00".into())
        );
        assert_eq!(
            at("5/5/2022 4:30 PM"),
            Ok("2022-05-05T16:30:00+07:00".into())
        );
        assert_eq!(
            at("5/5/2022 12:10 SA"),
            Ok("2022-05-05T00:10:00+07:00".into())
        );
        assert_eq!(
            at("2022-05-05T09:30:00Z"),
            Ok("2022-05-05T09:30:00+00:00".into())
        );
        assert_eq!(at("2022-05-05"), Ok("2022-05-05T00:00:00+07:00".into()));
        assert_eq!(
            at("2022-05-05 16:30:05.250"),
            Ok("2022-05-05T16:30:05+07:00".into())
        );
        assert_eq!(at("05/05/2022 13:00 PM"), Err(DateIssue::Time));
        assert_eq!(at("05/05/2022 16h30"), Err(DateIssue::Time));
    }

    #[test]
    fn end_of_day_crosses_month_and_year() {
        let d = NaiveDate::from_ymd_opt(2022, 4, 30).expect("date");
        assert_eq!(end_of_day(d).to_rfc3339(), "2022-05-01T00:00:00+07:00");
        let d = NaiveDate::from_ymd_opt(2022, 12, 31).expect("date");
        assert_eq!(end_of_day(d).to_rfc3339(), "2023-01-01T00:00:00+07:00");
    }
}
