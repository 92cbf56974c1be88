//! Moving a campaign's dates to another year, for `campaign init --year`: next year's plan
//! keeps this year's rhythm (the first Saturday of May stays the first Saturday of May), not
//! its day numbers, because rounds and deadlines are set by weekday.

use chrono::{Datelike, Duration, NaiveDate};

/// The years a campaign can be moved to: a typo such as 223 or 20233 is caught, not written.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The n-th `weekday` of its month (n = (day - 1) / 7 + 1) becomes the n-th same weekday of
/// the same month in `year`; a fifth one that `year`'s month does not have becomes the last.
/// `None` only for a year chrono cannot hold.
pub fn by_weekday(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    let n = (date.day0() / 7 + 1) as u8;
    NaiveDate::from_weekday_of_month_opt(year, date.month(), date.weekday(), n)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, date.month(), date.weekday(), n - 1))
}

/// The campaign's own period (issued, starts, ends) is set by the calendar ("from April to
/// December"), so it keeps its day of the month; Feb 29 becomes Feb 28 in a common year.
pub fn by_day_of_month(date: NaiveDate, year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day().saturating_sub(1)))
}

/// A deadline tied to a round ("register before Thursday", "report before 16:00 on the day")
/// keeps its distance in days to the round's date: `anchor` is the round's date before the
/// move, `moved_anchor` after it. The weekday rule alone can split the pair at a month's
/// edge (in 2027 the first Thursday of May comes after the first Saturday).
pub fn beside(date: NaiveDate, anchor: NaiveDate, moved_anchor: NaiveDate) -> Option<NaiveDate> {
    moved_anchor.checked_add_signed(Duration::days((date - anchor).num_days()))
}

/// The year a date in `from_base`'s campaign lands in when the campaign moves to `to_base`:
/// a campaign that crosses New Year keeps crossing it.
pub fn shifted_year(year: i32, from_base: i32, to_base: i32) -> i32 {
    year.saturating_add(to_base.saturating_sub(from_base))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    #[test]
    fn the_shipped_round_and_its_deadline_stay_in_step() {
        // Saturday 07/5/2022 is the first Saturday of May; Thursday 05/5 the first Thursday.
        assert_eq!(by_weekday(d(2022, 5, 7), 2023), Some(d(2023, 5, 6)));
        assert_eq!(by_weekday(d(2022, 5, 5), 2023), Some(d(2023, 5, 4)));
        assert_eq!(d(2023, 5, 6).weekday(), Weekday::Sat);
        assert_eq!(d(2023, 5, 4).weekday(), Weekday::Thu);
    }

    #[test]
    fn a_fifth_weekday_the_month_lacks_becomes_the_last() {
        // 29/9/2022 is the fifth Thursday of September; September 2023 has four.
        assert_eq!(by_weekday(d(2022, 9, 29), 2023), Some(d(2023, 9, 28)));
        // Feb 29 2024 (a Thursday, the fifth) → the last Thursday of February 2025.
        assert_eq!(by_weekday(d(2024, 2, 29), 2025), Some(d(2025, 2, 27)));
    }

    #[test]
    fn the_period_keeps_its_days() {
        assert_eq!(by_day_of_month(d(2022, 4, 1), 2023), Some(d(2023, 4, 1)));
        assert_eq!(
            by_day_of_month(d(2022, 12, 31), 2023),
            Some(d(2023, 12, 31))
        );
        assert_eq!(by_day_of_month(d(2024, 2, 29), 2025), Some(d(2025, 2, 28)));
        assert_eq!(by_day_of_month(d(2023, 2, 28), 2024), Some(d(2024, 2, 28)));
    }

    #[test]
    fn a_tied_deadline_stays_before_its_saturday_where_the_weekday_rule_would_not() {
        // In 2027 May begins on a Saturday: the first Thursday (06/5) is after it.
        let round = by_weekday(d(2022, 5, 7), 2027).expect("moved");
        assert_eq!(round, d(2027, 5, 1));
        assert_eq!(by_weekday(d(2022, 5, 5), 2027), Some(d(2027, 5, 6)));
        assert_eq!(
            beside(d(2022, 5, 5), d(2022, 5, 7), round),
            Some(d(2027, 4, 29))
        );
    }

    #[test]
    fn a_campaign_across_new_year_keeps_crossing_it() {
        assert_eq!(shifted_year(2023, 2022, 2025), 2026);
        assert_eq!(shifted_year(2022, 2022, 2021), 2021);
    }

    proptest! {
        #[test]
        fn a_moved_date_keeps_month_weekday_and_week(
            y in 2000i32..=2100, ordinal in 0u32..366, to in 2000i32..=2100,
        ) {
            let start = d(y, 1, 1);
            let date = start + Duration::days(i64::from(ordinal));
            prop_assume!(date.year() == y);
            let moved = by_weekday(date, to).expect("moved");
            prop_assert_eq!(moved.year(), to);
            prop_assert_eq!(moved.month(), date.month());
            prop_assert_eq!(moved.weekday(), date.weekday());
            let n = date.day0() / 7;
            let m = moved.day0() / 7;
            prop_assert!(m == n || (n == 4 && m == 3));

            let kept = by_day_of_month(date, to).expect("moved");
            prop_assert_eq!(kept.year(), to);
            prop_assert_eq!(kept.month(), date.month());
            if date.month() == 2 && date.day() == 29 && kept.day() != 29 {
                prop_assert_eq!(kept.day(), 28);
            } else {
                prop_assert_eq!(kept.day(), date.day());
            }
        }

        #[test]
        fn a_tied_deadline_keeps_its_distance(
            gap in -40i64..=40, ordinal in 0i64..365, to in 2000i32..=2100,
        ) {
            let round = d(2022, 1, 1) + Duration::days(ordinal);
            let moved = by_weekday(round, to).expect("moved");
            let deadline = round + Duration::days(gap);
            let after = beside(deadline, round, moved).expect("moved");
            prop_assert_eq!((after - moved).num_days(), gap);
            prop_assert_eq!(after.weekday(), deadline.weekday());
        }
    }
}
