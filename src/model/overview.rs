//! What the overview and the briefing say about the checklist: progress per
//! requirement, the next deadline, and who is overdue. Derived from the board, never stored.

use chrono::{DateTime, Duration, FixedOffset};

use super::checklist::state_of;
use crate::store::Board;

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Index into `board.requirements`.
    pub requirement: usize,
    pub applicable: usize,
    pub done: usize,
    /// Indices into `board.units`, in plan order.
    pub missing: Vec<usize>,
    pub overdue: Vec<usize>,
}

pub fn progress(board: &Board, now: DateTime<FixedOffset>) -> Vec<Progress> {
    board
        .requirements
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let mut p = Progress {
                requirement: ri,
                applicable: 0,
                done: 0,
                missing: Vec::new(),
                overdue: Vec::new(),
            };
            for (ui, unit) in board.units.iter().enumerate() {
                let st = state_of(board, unit, r, now);
                if st.is_done() {
                    p.done += 1;
                }
                if st.is_missing() {
                    p.missing.push(ui);
                }
                if st.is_overdue() {
                    p.overdue.push(ui);
                }
                if r.applies(&unit.kind) {
                    p.applicable += 1;
                }
            }
            p
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct NextDeadline {
    pub at: DateTime<FixedOffset>,
    /// Requirements due at that moment (indices into `board.requirements`).
    pub requirements: Vec<usize>,
    /// Units still missing one of them.
    pub missing: usize,
}

/// The earliest deadline still ahead of `now`, with what is due then.
pub fn next_deadline(
    board: &Board,
    progress: &[Progress],
    now: DateTime<FixedOffset>,
) -> Option<NextDeadline> {
    let at = board
        .requirements
        .iter()
        .map(|r| r.deadline)
        .filter(|d| *d > now)
        .min()?;
    let requirements: Vec<usize> = board
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| r.deadline == at)
        .map(|(i, _)| i)
        .collect();
    let missing = progress
        .iter()
        .filter(|p| requirements.contains(&p.requirement))
        .map(|p| p.missing.len())
        .sum();
    Some(NextDeadline {
        at,
        requirements,
        missing,
    })
}

/// "2 ngày 03:15:42" style countdown parts: whole days and the rest as h:m:s.
pub fn countdown(left: Duration, day_word: &str, days_word: &str) -> String {
    let secs = left.num_seconds().max(0);
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let hms = format!(
        "{:02}:{:02}:{:02}",
        rest / 3600,
        (rest / 60) % 60,
        rest % 60
    );
    if days > 0 {
        let word = if days == 1 { day_word } else { days_word };
        format!("{days} {word} {hms}")
    } else {
        hms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_shows_seconds() {
        assert_eq!(countdown(Duration::seconds(59), "day", "days"), "00:00:59");
        assert_eq!(
            countdown(Duration::seconds(86_400 + 3723), "day", "days"),
            "1 day 01:02:03"
        );
        assert_eq!(
            countdown(Duration::seconds(2 * 86_400), "day", "days"),
            "2 days 00:00:00"
        );
        assert_eq!(countdown(Duration::seconds(-5), "day", "days"), "00:00:00");
    }
}
