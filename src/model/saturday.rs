//! Which Volunteer Saturday is the current one.

use chrono::{DateTime, FixedOffset};

use crate::domain::time::local_offset;
use crate::store::{Board, VolunteerDayRow};

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

/// Puts Saturday `day` (an index into the board's days; the current one when None) in view
/// on `board`, as tab 4, tab 2, the overview, the KPIs, the briefing and the export all
/// count it. Returns the index in view.
pub fn view(board: &mut Board, now: DateTime<FixedOffset>, day: Option<usize>) -> Option<usize> {
    let day = day
        .filter(|&i| i < board.volunteer_days.len())
        .or_else(|| current(&board.volunteer_days, now));
    let id = day.and_then(|i| board.volunteer_days.get(i)).map(|d| d.id);
    board.view_round(id);
    day
}

/// The Saturday `board` has in view (an index into its days), or the current one.
pub fn in_view(board: &Board, now: DateTime<FixedOffset>) -> Option<usize> {
    board
        .round_in_view
        .and_then(|id| board.volunteer_days.iter().position(|d| d.id == id))
        .or_else(|| current(&board.volunteer_days, now))
}
