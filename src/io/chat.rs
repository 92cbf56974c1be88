//! The chat summary (`report --format chat`, key `C`): a few plain lines for the units' Zalo
//! or Messenger group, read on a phone. No tables, no Markdown, no column alignment: a
//! proportional font and a narrow screen break all three. Made from the same [`Briefing`]
//! as the meeting briefing, so it says what every screen says.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::atomic_write;
use crate::domain::checklist::CheckState;
use crate::domain::figures::Metric;
use crate::domain::kpi::{KpiStatus, format_percent};
use crate::domain::time::{format_date, format_local, local_offset};
use crate::i18n::Strings;
use crate::io::briefing::Briefing;
use crate::model::checklist::state_of;
use crate::model::overview;
use crate::text::{group_thousands, one_line};

/// How many unit names a list shows before "+N": a phone line holds about three.
const NAMES: usize = 3;

/// Where key `C` keeps the summary: `<folder>/reports/chat-YYYYMMDD-HHMM.txt` at the clock.
pub fn file_path(folder: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    folder
        .join("reports")
        .join(format!("{}.txt", file_stem(now)))
}

fn file_stem(now: DateTime<FixedOffset>) -> String {
    let stamp = now.with_timezone(&local_offset()).format("%Y%m%d-%H%M");
    format!("chat-{stamp}")
}

/// Writes the summary as a new file in `<folder>/reports/`, `…-2.txt` when pressed again
/// within the minute, never over an earlier one.
pub fn write_new(
    folder: &Path,
    now: DateTime<FixedOffset>,
    text: &str,
) -> std::result::Result<PathBuf, atomic_write::Error> {
    atomic_write::write_fresh(&folder.join("reports"), &file_stem(now), "txt", |f| {
        f.write_all(text.as_bytes())
    })
}

/// The summary as text, NFC-normalised like the briefing; at most about 25 lines.
pub fn render(b: &Briefing, s: &Strings) -> String {
    let mut lines: Vec<String> = Vec::new();
    let c = &b.board.campaign;
    lines.push(s.ch_head(one_line(&c.short_title), format_local(b.now)));
    if let Some(day) = &b.day {
        lines.push(s.ch_day(day.round, format_date(day.date)));
    }
    next_due(&mut lines, b, s);
    for p in &b.progress {
        let Some(r) = b.board.requirements.get(p.requirement) else {
            continue;
        };
        let late = late_units(b, p.requirement).len();
        let line = if late > 0 {
            s.ch_progress_late(one_line(&r.short), p.done, p.applicable, late)
        } else {
            s.ch_progress(one_line(&r.short), p.done, p.applicable)
        };
        lines.push(line);
    }
    figures(&mut lines, b, s);
    kpis(&mut lines, b, s);
    for p in &b.progress {
        let Some(r) = b.board.requirements.get(p.requirement) else {
            continue;
        };
        let late = late_units(b, p.requirement);
        if !late.is_empty() {
            lines.push(s.ch_late(one_line(&r.short), names(b, s, &late)));
        }
    }
    let text = lines.join("\n") + "\n";
    crate::domain::fold::nfc(&text)
}

/// What is due next and who still owes it.
fn next_due(lines: &mut Vec<String>, b: &Briefing, s: &Strings) {
    let Some(next) = overview::next_deadline(&b.board, &b.progress, b.now) else {
        return;
    };
    let what: Vec<String> = next
        .requirements
        .iter()
        .filter_map(|&i| b.board.requirements.get(i))
        .map(|r| one_line(&r.short))
        .collect();
    let mut missing: Vec<usize> = Vec::new();
    for p in b
        .progress
        .iter()
        .filter(|p| next.requirements.contains(&p.requirement))
    {
        for &u in &p.missing {
            if !missing.contains(&u) {
                missing.push(u);
            }
        }
    }
    lines.push(s.ch_next(what.join(", "), format_local(next.at)));
    if !missing.is_empty() {
        lines.push(s.ch_still_owe(missing.len(), names(b, s, &missing)));
    }
}

/// The Saturday's totals, on short lines: people, then files.
fn figures(lines: &mut Vec<String>, b: &Briefing, s: &Strings) {
    let total = |m: Metric| -> Option<String> {
        let mut any = false;
        let mut sum = 0i64;
        for f in b.figures.iter().filter(|f| f.metric == m) {
            any = true;
            sum += f.value;
        }
        any.then(|| format!("{} {}", s.metric_short(m), group_thousands(sum)))
    };
    let people: Vec<String> = [Metric::Volunteers, Metric::Citizens, Metric::Businesses]
        .into_iter()
        .filter_map(total)
        .collect();
    let files: Vec<String> = [
        Metric::FilesReceived,
        Metric::FilesResolved,
        Metric::OnlineGuided,
        Metric::Einvoice,
    ]
    .into_iter()
    .filter_map(total)
    .collect();
    let land: Vec<String> = [Metric::LandTotal, Metric::LandResolved]
        .into_iter()
        .filter_map(total)
        .collect();
    if people.is_empty() && files.is_empty() && land.is_empty() {
        return;
    }
    lines.push(s.ch_figures.to_string());
    for group in [people, files, land] {
        if !group.is_empty() {
            lines.push(format!("  {}", group.join(" · ")));
        }
    }
}

/// The KPIs judged now: met, then not met; those not yet due or without a number are counted.
fn kpis(lines: &mut Vec<String>, b: &Briefing, s: &Strings) {
    let mut waiting = 0;
    let mut met = Vec::new();
    let mut not_met = Vec::new();
    for k in &b.kpis {
        let value = format_percent(k.value);
        let name = one_line(&k.kpi.name);
        match k.status {
            KpiStatus::Met => met.push(s.ch_kpi(name, value)),
            KpiStatus::Near | KpiStatus::Below => {
                not_met.push(s.ch_kpi_target(name, value, one_line(&k.kpi.target_note)))
            }
            KpiStatus::NotDue | KpiStatus::NoData | KpiStatus::Tracked => waiting += 1,
        }
    }
    for (head, list) in [(s.ch_met, met), (s.ch_not_met, not_met)] {
        if !list.is_empty() {
            lines.push(head.to_string());
            lines.extend(list.into_iter().map(|l| format!("  {l}")));
        }
    }
    if waiting > 0 {
        lines.push(s.ch_kpi_waiting(waiting));
    }
}

/// Units that did requirement `ri` after its deadline (by `now`), as indices into the units.
fn late_units(b: &Briefing, ri: usize) -> Vec<usize> {
    let Some(r) = b.board.requirements.get(ri) else {
        return Vec::new();
    };
    b.board
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            matches!(
                state_of(&b.board, u, r, b.now),
                CheckState::Done { late: true, .. }
            )
        })
        .map(|(i, _)| i)
        .collect()
}

/// The first few names (short forms, "P. Tân Quý"), then "+N".
fn names(b: &Briefing, s: &Strings, units: &[usize]) -> String {
    let shown: Vec<String> = units
        .iter()
        .take(NAMES)
        .filter_map(|&i| b.board.units.get(i))
        .map(|u| one_line(&u.short_name()))
        .collect();
    let mut text = shown.join(", ");
    if units.len() > NAMES {
        text.push(' ');
        text.push_str(&s.ov_and_more_short(units.len() - NAMES));
    }
    text
}
