//! What the Word report carries besides the records: the organiser's header and signature
//! (seeded from the campaign's `[document]`), and the officer's assessment and next steps,
//! one per report date, changed through the audit log so they undo like anything else.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::queries::{parse_time, stamp};
use super::{Invalid, Result, Store, Table};
use crate::domain::campaign::DocumentInfo;
use crate::domain::change::ChangeSummary;
use crate::domain::fold::nfc;

/// The officer's own words for the report of one day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportNote {
    pub assessment: String,
    pub next_steps: String,
}

impl ReportNote {
    pub fn is_empty(&self) -> bool {
        self.assessment.trim().is_empty() && self.next_steps.trim().is_empty()
    }
}

impl Store {
    /// The report's header and signature. A store with no row (another campaign, seeded
    /// before the table existed) gets the Youth Union defaults and blank lines.
    pub fn document_header(&self) -> Result<DocumentInfo> {
        let row = self
            .conn()
            .query_row(
                "SELECT superior_body, issuing_body, motto, number_suffix, place,
                        signer_on_behalf, signer_role, signer_name, recipients
                 FROM document_header WHERE id = 1",
                [],
                |r| {
                    Ok((
                        DocumentInfo {
                            superior_body: r.get(0)?,
                            issuing_body: r.get(1)?,
                            motto: r.get(2)?,
                            number_suffix: r.get(3)?,
                            place: r.get(4)?,
                            signer_on_behalf: r.get(5)?,
                            signer_role: r.get(6)?,
                            signer_name: r.get(7)?,
                            recipients: Vec::new(),
                        },
                        r.get::<_, String>(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut info, recipients)) = row else {
            return Ok(DocumentInfo::default());
        };
        info.recipients = serde_json::from_str(&recipients)
            .map_err(|_| Invalid::stored("document_header.recipients", recipients.as_str()))?;
        Ok(info)
    }

    /// The assessment kept for `date`, as it stood at `now`: words saved later are not yet
    /// written at that moment, so `--now` replays the report as it was.
    pub fn report_note(&self, date: NaiveDate, now: DateTime<FixedOffset>) -> Result<ReportNote> {
        let row: Option<(String, String, String)> = self
            .conn()
            .query_row(
                "SELECT assessment, next_steps, updated_at FROM report_notes
                 WHERE report_date = ?1",
                [date.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((assessment, next_steps, updated_at)) = row else {
            return Ok(ReportNote::default());
        };
        if parse_time(&updated_at, "report_notes.updated_at")? > now {
            return Ok(ReportNote::default());
        }
        Ok(ReportNote {
            assessment,
            next_steps,
        })
    }

    /// Keeps the officer's words for the report of `date`, as one audited change.
    pub fn save_report_note(
        &mut self,
        date: NaiveDate,
        note: &ReportNote,
        now: DateTime<FixedOffset>,
        summary: &ChangeSummary,
    ) -> Result<()> {
        self.change(now, summary, |c| {
            let existing: Option<i64> = c
                .tx()
                .query_row(
                    "SELECT id FROM report_notes WHERE report_date = ?1",
                    [date.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            let values = [
                ("assessment", Value::Text(nfc(note.assessment.trim_end()))),
                ("next_steps", Value::Text(nfc(note.next_steps.trim_end()))),
                ("updated_at", Value::Text(stamp(now))),
            ];
            match existing {
                Some(id) => c.update(Table::ReportNotes, id, &values),
                None => {
                    let mut values = values.to_vec();
                    values.push(("report_date", Value::Text(date.to_string())));
                    c.insert(Table::ReportNotes, &values).map(|_| ())
                }
            }
        })
    }
}
