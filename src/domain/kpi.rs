//! KPI arithmetic: ratios that never divide by zero, and how a value stands against its target
//! — once its deadline has passed.

use chrono::{DateTime, FixedOffset};

use super::checklist::on_time;

/// A ratio in percent, or None when there is nothing to measure (0 / 0, or any x / 0).
pub fn percent(numerator: f64, denominator: f64) -> Option<f64> {
    if denominator <= 0.0 || !numerator.is_finite() || !denominator.is_finite() {
        return None;
    }
    Some(numerator / denominator * 100.0)
}

/// Where a KPI stands. Every state has a word too, so it reads without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiStatus {
    /// At or above the target.
    Met,
    /// Below, by less than ten points.
    Near,
    /// Ten points or more below.
    Below,
    /// Nothing measured yet (or nothing to divide by).
    NoData,
    /// The plan sets no number ("rising"): tracked, not judged.
    Tracked,
    /// The deadline the KPI is counted against has not passed: progress, not yet a verdict.
    NotDue,
}

/// How far below the target still counts as "near" (amber), in percentage points.
pub const NEAR_POINTS: f64 = 10.0;

pub fn status(value: Option<f64>, target: Option<f64>) -> KpiStatus {
    match (value, target) {
        (None, _) => KpiStatus::NoData,
        (Some(_), None) => KpiStatus::Tracked,
        (Some(v), Some(t)) if v >= t => KpiStatus::Met,
        (Some(v), Some(t)) if t - v < NEAR_POINTS => KpiStatus::Near,
        _ => KpiStatus::Below,
    }
}

/// A KPI's value and status from its counts: the one place that turns numerator,
/// denominator, target and deadline into what every output shows. Before its `deadline`
/// (exclusive, as every deadline of the campaign) a KPI is not judged: "0 of 21 reports on
/// time" on the Tuesday before a Saturday is where things stand, not a miss. A KPI without a
/// deadline is judged at once.
pub fn evaluate(
    numerator: Option<f64>,
    denominator: Option<f64>,
    target: Option<f64>,
    deadline: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> (Option<f64>, KpiStatus) {
    let value = match (numerator, denominator) {
        (Some(n), Some(d)) => percent(n, d),
        _ => None,
    };
    let judged = status(value, target);
    let due = deadline.is_none_or(|d| !on_time(now, d));
    let status = match judged {
        KpiStatus::Met | KpiStatus::Near | KpiStatus::Below if !due => KpiStatus::NotDue,
        other => other,
    };
    (value, status)
}

/// The value as shown: one decimal, rounded down, so a value below its target never shows as
/// reaching it (69.99% reads 69,9%, not 70,0%). "—" when there is no value.
pub fn format_percent(value: Option<f64>) -> String {
    match value {
        None => "—".to_string(),
        Some(v) => {
            let tenths = (v * 10.0 + 1e-9).floor() / 10.0;
            format!("{tenths:.1}%").replace('.', ",")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_denominator_is_none() {
        assert_eq!(percent(0.0, 0.0), None);
        assert_eq!(percent(3.0, 0.0), None);
        assert_eq!(percent(7.0, 10.0), Some(70.0));
        assert_eq!(percent(f64::NAN, 10.0), None);
        assert_eq!(format_percent(percent(0.0, 0.0)), "—");
    }

    #[test]
    fn seventy_exactly_meets_the_land_target_and_69_99_does_not() {
        let seventy = percent(70.0, 100.0);
        assert_eq!(status(seventy, Some(70.0)), KpiStatus::Met);
        assert_eq!(format_percent(seventy), "70,0%");
        let almost = percent(6999.0, 10000.0);
        assert_eq!(status(almost, Some(70.0)), KpiStatus::Near);
        assert_eq!(format_percent(almost), "69,9%");
        // 7/10 computed in floating point is 70.0 exactly enough to show 70,0%.
        assert_eq!(format_percent(percent(7.0, 10.0)), "70,0%");
        assert_eq!(format_percent(percent(1.0, 3.0)), "33,3%");
        assert_eq!(format_percent(percent(2.0, 3.0)), "66,6%");
    }

    #[test]
    fn no_verdict_before_the_deadline_and_one_from_the_deadline_on() {
        let at = |s: &str| crate::domain::time::read_datetime(s).expect("instant");
        let deadline = Some(at("2022-05-07T16:00"));
        let before = at("2022-05-07T15:59:59");
        let due = at("2022-05-07T16:00");
        for (n, judged) in [
            (0.0, KpiStatus::Below),
            (95.0, KpiStatus::Near),
            (100.0, KpiStatus::Met),
        ] {
            let counts = (Some(n), Some(100.0), Some(100.0));
            let (value, st) = evaluate(counts.0, counts.1, counts.2, deadline, before);
            assert_eq!((value, st), (Some(n), KpiStatus::NotDue), "{n} before");
            assert_eq!(
                evaluate(counts.0, counts.1, counts.2, deadline, due).1,
                judged
            );
            assert_eq!(
                evaluate(counts.0, counts.1, counts.2, None, before).1,
                judged
            );
        }
        // Nothing to show, or nothing to judge against, reads the same before and after.
        assert_eq!(
            evaluate(Some(0.0), Some(0.0), Some(100.0), deadline, before).1,
            KpiStatus::NoData
        );
        assert_eq!(
            evaluate(Some(3.0), Some(4.0), None, deadline, before).1,
            KpiStatus::Tracked
        );
    }

    #[test]
    fn amber_within_ten_points_red_further() {
        assert_eq!(status(Some(90.1), Some(100.0)), KpiStatus::Near);
        assert_eq!(status(Some(90.0), Some(100.0)), KpiStatus::Below);
        assert_eq!(status(Some(100.0), Some(100.0)), KpiStatus::Met);
        assert_eq!(status(Some(55.0), None), KpiStatus::Tracked);
        assert_eq!(status(None, Some(70.0)), KpiStatus::NoData);
    }
}
