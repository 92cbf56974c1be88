//! A unit's checklist: the state of each requirement for it at a moment.

use chrono::{DateTime, FixedOffset};

use crate::domain::checklist::{CheckState, evaluate};
use crate::domain::unit::Unit;
use crate::store::{Board, RequirementRow};

/// The checklist state of every requirement for one unit.
pub fn unit_states(board: &Board, unit: &Unit, now: DateTime<FixedOffset>) -> Vec<CheckState> {
    board
        .requirements
        .iter()
        .map(|r| state_of(board, unit, r, now))
        .collect()
}

/// The state of requirement `r` for `unit` at `now`, from the evidence the store holds.
pub fn state_of(
    board: &Board,
    unit: &Unit,
    r: &RequirementRow,
    now: DateTime<FixedOffset>,
) -> CheckState {
    evaluate(
        r.applies(&unit.kind),
        board.evidence_for(unit.id, r.id),
        r.deadline,
        now,
    )
}

/// How many requirements the unit still owes.
pub fn missing_count(states: &[CheckState]) -> usize {
    states.iter().filter(|s| s.is_missing()).count()
}
