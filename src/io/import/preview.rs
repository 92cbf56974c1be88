//! A plan in words, line by line: what the CLI prints and the app's preview lists.

use super::{Outcome, Plan, RowError};
use crate::i18n::Strings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Summary,
    Note,
    Heading,
    Error,
    Add,
    Update,
    Unchanged,
    More,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub text: String,
}

fn line(kind: LineKind, text: String) -> Line {
    Line { kind, text }
}

/// "dòng 5, cột C «Ngày đăng ký»: …"
pub fn error_text(e: &RowError, s: &Strings) -> String {
    let mut at = if e.row == 0 {
        s.im_whole_file.to_string()
    } else {
        s.im_row(e.row)
    };
    if let Some(col) = &e.column {
        at.push_str(", ");
        at.push_str(col);
    }
    format!("{at}: {}", e.reason)
}

/// Every line of the preview. With errors only they are listed (nothing will be written);
/// else the rows to add, then to update, then those unchanged, each list cut after `limit`.
pub fn lines(plan: &Plan, s: &Strings, limit: Option<usize>) -> Vec<Line> {
    let mut out = vec![line(LineKind::Summary, plan.summary(s))];
    for note in &plan.notes {
        out.push(line(LineKind::Note, note.clone()));
    }
    if !plan.errors.is_empty() {
        out.push(line(LineKind::Heading, s.im_errors_title.to_string()));
        for e in &plan.errors {
            out.push(line(LineKind::Error, error_text(e, s)));
        }
        return out;
    }
    for (outcome, kind, word) in [
        (Outcome::Add, LineKind::Add, s.im_add),
        (Outcome::Update, LineKind::Update, s.im_update),
        (Outcome::Unchanged, LineKind::Unchanged, s.im_same),
    ] {
        let items: Vec<_> = plan.items.iter().filter(|i| i.outcome == outcome).collect();
        let shown = limit.unwrap_or(usize::MAX).min(items.len());
        for item in &items[..shown] {
            let mut text = format!("{:<10} {:<11} {}", s.im_row(item.row), word, item.label);
            if !item.changed.is_empty() {
                text.push_str(&format!(" ({})", s.im_changed(item.changed.join(", "))));
            }
            out.push(line(kind, text));
        }
        if items.len() > shown {
            out.push(line(LineKind::More, s.im_more(items.len() - shown)));
        }
    }
    out
}
