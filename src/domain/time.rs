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

/// Parses the `--now` forms: `2022-05-07T15:30`, `2022-05-07T15:30:05`, `2022-05-07 15:30`,
/// `2022-05-07` (midnight), each in local time, or a full RFC 3339 instant with its own offset.
pub fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt);
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            return local(naive);
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return local(date.and_time(NaiveTime::MIN));
    }
    Err(format!(
        "\"{t}\" is not a date-time: use YYYY-MM-DDTHH:MM, e.g. 2022-05-07T15:30"
    ))
}

fn local(naive: NaiveDateTime) -> Result<DateTime<FixedOffset>, String> {
    local_offset()
        .from_local_datetime(&naive)
        .single()
        .ok_or_else(|| format!("{naive} does not exist in local time"))
}

/// Midnight at the start of `date`, local time: when a date-only record (an initiative's
/// registration day) counts as done.
pub fn start_of_day(date: NaiveDate) -> DateTime<FixedOffset> {
    local_offset()
        .from_local_datetime(&date.and_time(NaiveTime::MIN))
        .single()
        .expect("a fixed offset maps every local time")
}

/// A local date and time as officers write it: "04/05/2022 15:30" (also "4/5/2022 15:30",
/// "2022-05-04 15:30").
pub fn parse_local_datetime(text: &str) -> Option<DateTime<FixedOffset>> {
    let t = text.trim();
    for fmt in ["%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            // Four-digit years only: "04/05/22 15:30" is refused rather than read as year 22.
            if t.contains(&naive.format("%Y").to_string()) {
                return local(naive).ok();
            }
        }
    }
    None
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
    use super::*;

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
        parse_instant(s).expect("test instant")
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
        assert!(parse_instant("07/05/2022").is_err());
        assert!(parse_instant("2022-02-31T10:00").is_err());
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
        let t = |s: &str| parse_local_datetime(s).map(|d| d.to_rfc3339());
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
        assert_eq!(t("04/05/2022"), None);
        assert_eq!(t("04/05/2022 25:00"), None);
    }

    #[test]
    fn end_of_day_crosses_month_and_year() {
        let d = NaiveDate::from_ymd_opt(2022, 4, 30).expect("date");
        assert_eq!(end_of_day(d).to_rfc3339(), "2022-05-01T00:00:00+07:00");
        let d = NaiveDate::from_ymd_opt(2022, 12, 31).expect("date");
        assert_eq!(end_of_day(d).to_rfc3339(), "2023-01-01T00:00:00+07:00");
    }
}
