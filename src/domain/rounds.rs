//! Volunteer-day rounds: a Saturday inside the campaign, with its two deadlines.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};

use super::time::local_offset;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundError {
    NotSaturday(Weekday),
    OutsideCampaign {
        start: NaiveDate,
        end: NaiveDate,
    },
    Exists,
    /// The registration deadline is not before the report deadline.
    DeadlineOrder,
}

/// Checks a new round's date and deadlines against the campaign and the rounds already held.
pub fn check_round(
    date: NaiveDate,
    campaign: (NaiveDate, NaiveDate),
    existing: &[NaiveDate],
    registration: DateTime<FixedOffset>,
    report: DateTime<FixedOffset>,
) -> Result<(), RoundError> {
    if date.weekday() != Weekday::Sat {
        return Err(RoundError::NotSaturday(date.weekday()));
    }
    if date < campaign.0 || date > campaign.1 {
        return Err(RoundError::OutsideCampaign {
            start: campaign.0,
            end: campaign.1,
        });
    }
    if existing.contains(&date) {
        return Err(RoundError::Exists);
    }
    if registration >= report {
        return Err(RoundError::DeadlineOrder);
    }
    Ok(())
}

fn at(date: NaiveDate, hour: u32) -> DateTime<FixedOffset> {
    local_offset()
        .from_local_datetime(
            &date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN)),
        )
        .single()
        .expect("a fixed offset maps every local time")
}

/// The plan's pattern for round 2: register before the Thursday (00:00 two days before),
/// report before 16:00 on the Saturday.
pub fn default_deadlines(date: NaiveDate) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    (at(date - Duration::days(2), 0), at(date, 16))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    const CAMPAIGN: (NaiveDate, NaiveDate) = (
        NaiveDate::from_ymd_opt(2022, 4, 1).expect("start"),
        NaiveDate::from_ymd_opt(2022, 12, 31).expect("end"),
    );

    #[test]
    fn a_saturday_inside_the_campaign_not_taken() {
        let sat = d(2022, 5, 14);
        let (reg, rep) = default_deadlines(sat);
        assert_eq!(reg.to_rfc3339(), "2022-05-12T00:00:00+07:00");
        assert_eq!(rep.to_rfc3339(), "2022-05-14T16:00:00+07:00");
        assert_eq!(
            check_round(sat, CAMPAIGN, &[d(2022, 5, 7)], reg, rep),
            Ok(())
        );
        let sun = d(2022, 5, 15);
        let (reg, rep) = default_deadlines(sun);
        assert_eq!(
            check_round(sun, CAMPAIGN, &[], reg, rep),
            Err(RoundError::NotSaturday(Weekday::Sun))
        );
        let (reg, rep) = default_deadlines(d(2022, 5, 7));
        assert_eq!(
            check_round(d(2022, 5, 7), CAMPAIGN, &[d(2022, 5, 7)], reg, rep),
            Err(RoundError::Exists)
        );
        let late = d(2023, 1, 7);
        let (reg, rep) = default_deadlines(late);
        assert!(matches!(
            check_round(late, CAMPAIGN, &[], reg, rep),
            Err(RoundError::OutsideCampaign { .. })
        ));
        let (reg, rep) = default_deadlines(sat);
        assert_eq!(
            check_round(sat, CAMPAIGN, &[], rep, reg),
            Err(RoundError::DeadlineOrder)
        );
    }
}
