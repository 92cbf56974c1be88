//! Which Volunteer Saturday is the current one.

use chrono::{DateTime, FixedOffset};

use crate::domain::time::local_offset;
use crate::store::VolunteerDayRow;

/// The current Saturday (an index into `days`): the latest one on or before today, or the
/// first one when none has come yet (the organiser is then preparing it). Tab 4 opens on
/// it, the overview and the KPIs count it, and the briefing talks about it.
pub fn current(days: &[VolunteerDayRow], now: DateTime<FixedOffset>) -> Option<usize> {
    let today = now.with_timezone(&local_offset()).date_naive();
    days.iter()
        .enumerate()
        .filter(|(_, d)| d.date <= today)
        .max_by_key(|(_, d)| d.date)
        .map(|(i, _)| i)
        .or_else(|| {
            days.iter()
                .enumerate()
                .min_by_key(|(_, d)| d.date)
                .map(|(i, _)| i)
        })
}
