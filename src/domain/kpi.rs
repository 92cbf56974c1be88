//! KPI arithmetic: ratios that never divide by zero.

/// A ratio in percent, or None when there is nothing to measure (0 / 0, or any x / 0).
pub fn percent(numerator: f64, denominator: f64) -> Option<f64> {
    if denominator <= 0.0 || !numerator.is_finite() || !denominator.is_finite() {
        return None;
    }
    Some(numerator / denominator * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_denominator_is_none() {
        assert_eq!(percent(0.0, 0.0), None);
        assert_eq!(percent(3.0, 0.0), None);
        assert_eq!(percent(7.0, 10.0), Some(70.0));
    }
}
