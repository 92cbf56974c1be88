//! The unit checklist: the state of one requirement for one unit at a given time.

use chrono::{DateTime, Duration, FixedOffset};

/// Under this much time left, a pending requirement is "due soon".
pub fn due_soon_window() -> Duration {
    Duration::hours(48)
}

/// The campaign's one rule of lateness: evidence is on time only strictly before its deadline
/// ("before 16:00" means 15:59:59 is on time, 16:00:00 is late). Checklist, tab 4's columns,
/// the KPIs and the briefing all ask this function.
pub fn on_time(at: DateTime<FixedOffset>, deadline: DateTime<FixedOffset>) -> bool {
    at < deadline
}

/// The campaign's one rule of the clock: a record dated after `now` is not known yet, so it
/// counts nowhere — not in the checklist, tab 4, the KPIs, the briefing nor the export. Under
/// `--now` a store holding later records (demo data, a replayed campaign) then shows what was
/// known at that moment, the same in every place. A record dated exactly `now` is known.
pub fn known(at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> bool {
    at <= now
}

/// A quick report counts (for the checklist, the KPI and the briefing) only once it has at
/// least one photo: the plan asks for the report "with photos".
pub fn report_counts(photos: usize) -> bool {
    photos > 0
}

/// The moment a quick report first had what the requirement asks: received *and* at least one
/// photo. A photo that came with the report counts from the report's time (`None` in
/// `photos`), one added later from when it was added; so a photo added at 16:20 to a report
/// received at 15:30 without one makes it complete at 16:20. None while it has no photo.
pub fn report_complete_at(
    received_at: DateTime<FixedOffset>,
    photos: impl IntoIterator<Item = Option<DateTime<FixedOffset>>>,
) -> Option<DateTime<FixedOffset>> {
    let arrivals: Vec<DateTime<FixedOffset>> = photos
        .into_iter()
        .map(|arrived| arrived.unwrap_or(received_at))
        .collect();
    if !report_counts(arrivals.len()) {
        return None;
    }
    let first = arrivals.into_iter().min()?;
    Some(first.max(received_at))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckState {
    /// Evidence exists; `late` when it arrived at or after the deadline.
    Done {
        at: DateTime<FixedOffset>,
        late: bool,
    },
    Pending {
        left: Duration,
    },
    DueSoon {
        left: Duration,
    },
    Overdue {
        by: Duration,
    },
    NotApplicable,
}

impl CheckState {
    pub fn is_done(&self) -> bool {
        matches!(self, CheckState::Done { .. })
    }

    /// Applicable and not done: what the officer has to chase.
    pub fn is_missing(&self) -> bool {
        matches!(
            self,
            CheckState::Pending { .. } | CheckState::DueSoon { .. } | CheckState::Overdue { .. }
        )
    }

    pub fn is_overdue(&self) -> bool {
        matches!(self, CheckState::Overdue { .. })
    }
}

/// The state of a requirement for a unit.
///
/// Deadlines are exclusive ("before 16:00" means 15:59:59 is on time, 16:00:00 is late).
/// Evidence dated after `now` is ignored, so replaying a past moment with `--now` shows the
/// checklist as it stood then.
pub fn evaluate(
    applies: bool,
    evidence: Option<DateTime<FixedOffset>>,
    deadline: DateTime<FixedOffset>,
    now: DateTime<FixedOffset>,
) -> CheckState {
    if !applies {
        return CheckState::NotApplicable;
    }
    match evidence.filter(|at| known(*at, now)) {
        Some(at) => CheckState::Done {
            at,
            late: !on_time(at, deadline),
        },
        None if !on_time(now, deadline) => CheckState::Overdue { by: now - deadline },
        None if deadline - now < due_soon_window() => CheckState::DueSoon {
            left: deadline - now,
        },
        None => CheckState::Pending {
            left: deadline - now,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_complete_once_it_has_a_photo() {
        let at = |h: u32, m: u32| {
            chrono::FixedOffset::east_opt(7 * 3600)
                .and_then(|o| o.with_ymd_and_hms(2022, 5, 7, h, m, 0).single())
                .expect("time")
        };
        use chrono::TimeZone;
        assert_eq!(report_complete_at(at(15, 30), []), None);
        // With the report: its own time, whenever it was typed in.
        assert_eq!(report_complete_at(at(15, 30), [None]), Some(at(15, 30)));
        // Added later: from then, so 16:20 is late for a 16:00 deadline.
        assert_eq!(
            report_complete_at(at(15, 30), [Some(at(16, 20))]),
            Some(at(16, 20))
        );
        assert!(!on_time(at(16, 20), at(16, 0)));
        // The first photo counts; never earlier than the report itself.
        assert_eq!(
            report_complete_at(at(15, 30), [Some(at(16, 20)), Some(at(15, 40))]),
            Some(at(15, 40))
        );
        assert_eq!(
            report_complete_at(at(15, 30), [Some(at(15, 0))]),
            Some(at(15, 30))
        );
    }
    use crate::domain::time::read_datetime;

    fn at(s: &str) -> DateTime<FixedOffset> {
        read_datetime(s).expect("test instant")
    }

    const REPORT: &str = "2022-05-07T16:00";

    #[test]
    fn on_time_is_strictly_before_and_a_report_needs_a_photo() {
        let d = at(REPORT);
        assert!(on_time(at("2022-05-07T15:59:59"), d));
        assert!(!on_time(d, d));
        // A record of the very moment is known; one a second later is not yet.
        assert!(known(d, d));
        assert!(!known(at("2022-05-07T16:00:01"), d));
        assert!(!report_counts(0));
        assert!(report_counts(1));
    }

    #[test]
    fn report_deadline_edges() {
        let d = at(REPORT);
        assert_eq!(
            evaluate(true, None, d, at("2022-05-07T15:59")),
            CheckState::DueSoon {
                left: Duration::minutes(1)
            }
        );
        assert_eq!(
            evaluate(true, None, d, at("2022-05-07T16:00")),
            CheckState::Overdue {
                by: Duration::zero()
            }
        );
        assert_eq!(
            evaluate(true, None, d, at("2022-05-07T16:01")),
            CheckState::Overdue {
                by: Duration::minutes(1)
            }
        );
        let now = at("2022-05-07T18:00");
        for (received, late) in [
            ("2022-05-07T15:59", false),
            ("2022-05-07T16:00", true),
            ("2022-05-07T16:01", true),
        ] {
            assert_eq!(
                evaluate(true, Some(at(received)), d, now),
                CheckState::Done {
                    at: at(received),
                    late
                },
                "received {received}"
            );
        }
    }

    #[test]
    fn due_soon_starts_under_48_hours() {
        let d = at(REPORT);
        assert!(matches!(
            evaluate(true, None, d, at("2022-05-05T16:00")),
            CheckState::Pending { .. }
        ));
        assert!(matches!(
            evaluate(true, None, d, at("2022-05-05T16:01")),
            CheckState::DueSoon { .. }
        ));
    }

    #[test]
    fn across_midnight_and_month_end() {
        // Registration closes at the start of 05/5: the last minute of 04/5 is still on time.
        let reg = at("2022-05-05T00:00");
        assert!(matches!(
            evaluate(true, None, reg, at("2022-05-04T23:59")),
            CheckState::DueSoon { left } if left == Duration::minutes(1)
        ));
        assert!(evaluate(true, None, reg, at("2022-05-05T00:00")).is_overdue());
        assert_eq!(
            evaluate(
                true,
                Some(at("2022-05-04T23:59")),
                reg,
                at("2022-05-06T09:00")
            ),
            CheckState::Done {
                at: at("2022-05-04T23:59"),
                late: false
            }
        );
        // A deadline at the start of May seen from the last evening of April.
        let may = at("2022-05-01T00:00");
        assert_eq!(
            evaluate(true, None, may, at("2022-04-30T22:30")),
            CheckState::DueSoon {
                left: Duration::minutes(90)
            }
        );
        assert_eq!(
            evaluate(true, None, may, at("2022-05-01T01:15")),
            CheckState::Overdue {
                by: Duration::minutes(75)
            }
        );
        // Year end: the campaign's last deadline.
        let end = at("2023-01-01T00:00");
        assert!(evaluate(true, None, end, at("2022-12-31T23:59")).is_missing());
        assert!(evaluate(true, None, end, at("2023-01-01T00:00")).is_overdue());
    }

    #[test]
    fn not_applicable_and_future_evidence() {
        let d = at(REPORT);
        assert_eq!(
            evaluate(
                false,
                Some(at("2022-05-07T10:00")),
                d,
                at("2022-05-08T00:00")
            ),
            CheckState::NotApplicable
        );
        // Evidence after `now` does not count yet.
        assert!(matches!(
            evaluate(
                true,
                Some(at("2022-05-07T10:00")),
                d,
                at("2022-05-07T09:00")
            ),
            CheckState::DueSoon { .. }
        ));
    }
}
