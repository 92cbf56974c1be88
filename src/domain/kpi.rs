//! KPI arithmetic: ratios that never divide by zero, and how a value stands against its target.

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
/// denominator and target into what every output shows.
pub fn evaluate(
    numerator: Option<f64>,
    denominator: Option<f64>,
    target: Option<f64>,
) -> (Option<f64>, KpiStatus) {
    let value = match (numerator, denominator) {
        (Some(n), Some(d)) => percent(n, d),
        _ => None,
    };
    (value, status(value, target))
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
    fn amber_within_ten_points_red_further() {
        assert_eq!(status(Some(90.1), Some(100.0)), KpiStatus::Near);
        assert_eq!(status(Some(90.0), Some(100.0)), KpiStatus::Below);
        assert_eq!(status(Some(100.0), Some(100.0)), KpiStatus::Met);
        assert_eq!(status(Some(55.0), None), KpiStatus::Tracked);
        assert_eq!(status(None, Some(70.0)), KpiStatus::NoData);
    }
}
