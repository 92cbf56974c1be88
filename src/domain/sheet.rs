//! Reading cells typed into a spreadsheet: header and name keys, dates and date-times in the
//! forms Google Sheets and Excel write, whole numbers, lists. Each refusal says why.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::fold::fold;
use super::time::local_offset;

/// A key for matching headers and names typed by people: folded (no case, no diacritics),
/// punctuation as spaces, spaces collapsed. `"Tên  sáng kiến (*)"` → `"ten sang kien"`.
pub fn key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Why a cell is not a date.
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

/// A date as a sheet writes it: dd/mm/yyyy, d/m/yyyy (also with - or .), yyyy-mm-dd, or
/// any of those followed by a time (the time is then dropped).
pub fn parse_date(text: &str) -> Result<NaiveDate, DateIssue> {
    parse_parts(text).map(|(d, _)| d)
}

/// A date-time as a sheet writes it: a date as [`parse_date`] takes, then an optional time
/// (H:MM, H:MM:SS, with AM/PM or SA/CH), or ISO 8601 (`2022-05-07T15:30:00`, with or
/// without an offset). Without an offset the time is local (+07:00); a date alone is midnight.
pub fn parse_datetime(text: &str) -> Result<DateTime<FixedOffset>, DateIssue> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt);
    }
    let (date, time) = parse_parts(t)?;
    local_offset()
        .from_local_datetime(&date.and_time(time.unwrap_or(NaiveTime::MIN)))
        .single()
        .ok_or(DateIssue::Time)
}

fn parse_parts(text: &str) -> Result<(NaiveDate, Option<NaiveTime>), DateIssue> {
    let t = text.trim();
    let (date_part, time_part) = match t.find([' ', 'T']) {
        Some(i) => (&t[..i], Some(t[i + 1..].trim())),
        None => (t, None),
    };
    let date = parse_date_only(date_part)?;
    let time = match time_part {
        None | Some("") => None,
        Some(tp) => Some(parse_time(tp)?),
    };
    Ok((date, time))
}

fn parse_date_only(text: &str) -> Result<NaiveDate, DateIssue> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateIssue::Form);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| DateIssue::Form);
    let (year, month, day) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else if parts[2].len() == 4 {
        (num(parts[2])?, num(parts[1])?, num(parts[0])?)
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

fn parse_time(text: &str) -> Result<NaiveTime, DateIssue> {
    let t = text.trim();
    // ISO offsets after the time (…T15:30:00+07:00 is caught by RFC 3339 above; a bare Z or
    // offset without seconds lands here) are not guessed at.
    let (clock, meridiem) = match t.rsplit_once(' ') {
        Some((c, m)) => (c.trim(), Some(key(m))),
        None => (t, None),
    };
    let fields: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&fields.len()) {
        return Err(DateIssue::Time);
    }
    let num = |s: &str| -> Result<u32, DateIssue> {
        if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateIssue::Time);
        }
        s.parse().map_err(|_| DateIssue::Time)
    };
    let mut hour = num(fields[0])?;
    let minute = num(fields[1])?;
    // Sheets may write fractional seconds ("15:30:05.123"): whole seconds are kept.
    let second = match fields.get(2) {
        Some(s) => num(s.split('.').next().unwrap_or(""))?,
        None => 0,
    };
    match meridiem.as_deref() {
        None => {}
        Some("am" | "sa") if (1..=12).contains(&hour) => hour %= 12,
        Some("pm" | "ch") if (1..=12).contains(&hour) => hour = hour % 12 + 12,
        Some(_) => return Err(DateIssue::Time),
    }
    NaiveTime::from_hms_opt(hour, minute, second).ok_or(DateIssue::Time)
}

/// Splits a list cell ("Tư vấn pháp luật, Khác" or one item per line) into its items.
pub fn split_list(text: &str) -> Vec<&str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn keys_ignore_case_diacritics_and_punctuation() {
        assert_eq!(key("Tên  sáng kiến (*)"), "ten sang kien");
        assert_eq!(key("ĐƠN VỊ"), "don vi");
        assert_eq!(key("P. Tân Quý"), "p tan quy");
        assert_eq!(key("Số đoàn viên\ntham gia"), "so doan vien tham gia");
        assert_eq!(key("  "), "");
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
            assert_eq!(parse_date(t), Ok(d(2022, 5, 7)), "{t}");
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        assert_eq!(
            parse_date("31/02/2022"),
            Err(DateIssue::Day {
                day: 31,
                month: 2,
                year: 2022
            })
        );
        assert_eq!(parse_date("05/13/2022"), Err(DateIssue::Month(13)));
        assert_eq!(parse_date("07/05/22"), Err(DateIssue::Form));
        assert_eq!(parse_date("hôm qua"), Err(DateIssue::Form));
        assert_eq!(parse_date(""), Err(DateIssue::Form));
        assert_eq!(parse_date("2022-05-07 25:00"), Err(DateIssue::Time));
        assert_eq!(parse_date("29/02/2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn datetimes_are_local_unless_they_carry_an_offset() {
        let at = |t: &str| parse_datetime(t).map(|x| x.to_rfc3339());
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
    fn lists_split_on_commas_semicolons_and_lines() {
        assert_eq!(split_list("a, b;c\n d ,"), vec!["a", "b", "c", "d"]);
        assert!(split_list("  ").is_empty());
    }
}
