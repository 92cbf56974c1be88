//! A one-line text gauge ("███████░░░ 70%"), legible in any terminal and in plain-text snapshots.

/// `width` cells of bar for `done` out of `total`; an empty bar when there is nothing to count.
pub fn bar(done: usize, total: usize, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let filled = (done.min(total) * width + total / 2)
        .checked_div(total)
        .unwrap_or(0);
    // Never show a full bar before everything is done, nor an empty one once anything is.
    let filled = match (done, total) {
        (d, t) if d < t && filled == width => width - 1,
        (d, _) if d > 0 && filled == 0 => 1,
        _ => filled,
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_edges() {
        assert_eq!(bar(0, 10, 10), "░░░░░░░░░░");
        assert_eq!(bar(10, 10, 10), "██████████");
        assert_eq!(bar(7, 10, 10), "███████░░░");
        assert_eq!(bar(1, 100, 10), "█░░░░░░░░░");
        assert_eq!(bar(99, 100, 10), "█████████░");
        assert_eq!(bar(0, 0, 4), "░░░░");
        assert_eq!(bar(3, 3, 0), "");
    }
}
