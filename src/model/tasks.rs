//! The Saturday tasks the plan assigns to units (section II.3.1): each with its owner, what it
//! is, the figures that measure it as they stand, and where it is. Tab 4's tasks part and a
//! unit's detail on tab 2 show these lines.

use crate::domain::figures::Metric;
use crate::domain::kpi::KpiStatus;
use crate::store::{Board, TaskRow};

use super::kpi::KpiLine;

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TaskStatus {
    /// None of its figures typed yet.
    NoFigures,
    /// Some or all of its figures typed (the task has no target of its own).
    Figures { typed: usize, of: usize },
    /// Judged by its KPI, as tab 5 judges it.
    Kpi {
        value: Option<f64>,
        status: KpiStatus,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskLine<'a> {
    pub task: &'a TaskRow,
    /// Each figure that measures the task, with the owner's value on the day.
    pub figures: Vec<(Metric, Option<i64>)>,
    pub status: TaskStatus,
}

/// The tasks of the Saturday `day_id`, in the campaign's order. `value` gives a unit's figure
/// on that day; `kpis` are the KPI lines every screen shows (a task with a KPI takes its
/// verdict from there).
pub fn of_day<'a>(
    board: &'a Board,
    day_id: i64,
    value: impl Fn(i64, Metric) -> Option<i64>,
    kpis: &[KpiLine],
) -> Vec<TaskLine<'a>> {
    lines(board, |t| t.volunteer_day_id == day_id, value, kpis)
}

/// The tasks unit `unit_id` owns, on any Saturday.
pub fn of_unit<'a>(
    board: &'a Board,
    unit_id: i64,
    value: impl Fn(i64, Metric) -> Option<i64>,
    kpis: &[KpiLine],
) -> Vec<TaskLine<'a>> {
    lines(board, |t| t.unit_id == unit_id, value, kpis)
}

fn lines<'a>(
    board: &'a Board,
    which: impl Fn(&TaskRow) -> bool,
    value: impl Fn(i64, Metric) -> Option<i64>,
    kpis: &[KpiLine],
) -> Vec<TaskLine<'a>> {
    board
        .tasks
        .iter()
        .filter(|t| which(t))
        .map(|t| line(t, &value, kpis))
        .collect()
}

fn line<'a>(
    task: &'a TaskRow,
    value: &impl Fn(i64, Metric) -> Option<i64>,
    kpis: &[KpiLine],
) -> TaskLine<'a> {
    let figures: Vec<(Metric, Option<i64>)> = task
        .figures
        .iter()
        .map(|m| (*m, value(task.unit_id, *m)))
        .collect();
    let typed = figures.iter().filter(|(_, v)| v.is_some()).count();
    let kpi = task
        .kpi_code
        .as_deref()
        .and_then(|code| kpis.iter().find(|l| l.kpi.code == code));
    let status = match kpi {
        Some(l) => TaskStatus::Kpi {
            value: l.value,
            status: l.status,
        },
        None if typed == 0 => TaskStatus::NoFigures,
        None => TaskStatus::Figures {
            typed,
            of: figures.len(),
        },
    };
    TaskLine {
        task,
        figures,
        status,
    }
}
