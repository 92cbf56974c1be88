//! Forms: labelled fields — one-line text, multi-line text, and pickers with type-ahead —
//! each with a rule checked as the officer types and shown inline.

use chrono::NaiveDate;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::text_field::TextField;
use crate::domain::fold::{Needle, fold, nfc};
use crate::domain::initiative::{self, InitiativeError};
use crate::domain::phone::parse_phone;
use crate::domain::sheet::key;
use crate::i18n::Strings;

/// Option id standing for "a new option made from what was typed".
pub const NEW_OPTION: i64 = -1;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// Free text; `required` refuses an empty value.
    Text { max_chars: usize, required: bool },
    /// A Vietnamese phone number, or empty.
    Phone,
    /// A day-first date inside the given range.
    Date { start: NaiveDate, end: NaiveDate },
    /// An optional score from 0 to 100.
    Score,
    /// A picker that must have a choice.
    Chosen,
    /// A whole number from 0 to 10,000, or empty.
    Count,
    /// A local date and time, dd/mm/yyyy HH:MM.
    DateTime,
    /// A date inside the range, or empty.
    OptionalDate { start: NaiveDate, end: NaiveDate },
    /// A number ≥ 0 (decimal comma allowed); `optional` lets it be empty.
    Amount { optional: bool },
    /// A percentage 0–100, or empty.
    Percent,
    /// Anything goes (a picker with a default, for instance).
    Free,
}

impl Rule {
    /// The problem with the field, in the officer's language, or None when it is fine.
    pub fn check(self, input: &Input, s: &Strings) -> Option<String> {
        let value = input.text();
        match self {
            Rule::Text {
                max_chars,
                required,
            } => {
                let n = value.chars().count();
                if required && value.trim().is_empty() {
                    Some(s.err_required.to_string())
                } else {
                    (n > max_chars).then(|| s.err_too_long(max_chars, n))
                }
            }
            Rule::Phone if value.trim().is_empty() => None,
            Rule::Phone => parse_phone(&value).err().map(|e| s.phone_error(&e)),
            Rule::Date { start, end } => initiative::parse_date(&value)
                .and_then(|d| initiative::check_date_in(d, start, end))
                .err()
                .map(|e| initiative_error(&e, s)),
            Rule::Score => initiative::parse_score(&value)
                .err()
                .map(|e| initiative_error(&e, s)),
            Rule::Count => {
                let t = value.trim();
                let ok = t.is_empty() || t.parse::<u32>().is_ok_and(|n| n <= 10_000);
                (!ok).then(|| s.err_count.to_string())
            }
            Rule::Amount { optional: true } | Rule::Percent if value.trim().is_empty() => None,
            Rule::Amount { .. } => parse_amount(&value)
                .is_none()
                .then(|| s.err_amount.to_string()),
            Rule::Percent => parse_amount(&value)
                .filter(|v| *v <= 100.0)
                .is_none()
                .then(|| s.err_percent.to_string()),
            Rule::OptionalDate { .. } if value.trim().is_empty() => None,
            Rule::OptionalDate { start, end } => initiative::parse_date(&value)
                .and_then(|d| initiative::check_date_in(d, start, end))
                .err()
                .map(|e| initiative_error(&e, s)),
            Rule::DateTime => crate::domain::time::read_datetime(&value)
                .err()
                .map(|e| s.date_problem(&value, &e)),
            Rule::Chosen => match input {
                Input::Choice(c) if c.selected.is_empty() => Some(s.err_choose.to_string()),
                _ => None,
            },
            Rule::Free => None,
        }
    }
}

/// A number ≥ 0 as officers write it ("12,5" or "12.5").
pub fn parse_amount(text: &str) -> Option<f64> {
    let v: f64 = text.trim().replace(',', ".").parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

/// The officer-facing words for a rule of the initiative registry.
pub fn initiative_error(e: &InitiativeError, s: &Strings) -> String {
    s.initiative_error(e)
}

/// One choice of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    pub id: i64,
    pub label: String,
    folded: String,
    /// The label as the import matches names: folded, punctuation as spaces.
    key: String,
}

impl ChoiceOption {
    pub fn new(id: i64, label: impl Into<String>) -> ChoiceOption {
        let label = label.into();
        ChoiceOption {
            id,
            folded: fold(&label),
            key: key(&label),
            label,
        }
    }
}

/// What the highlighted line of a picker would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Option(usize),
    /// Create an option from the typed text (pickers that allow new entries).
    New(String),
}

/// A picker: type to narrow the options (without diacritics or case), move, pick.
#[derive(Debug, Clone)]
pub struct Choice {
    pub options: Vec<ChoiceOption>,
    /// Indices into `options`: at most one unless `multi`.
    pub selected: Vec<usize>,
    pub multi: bool,
    pub allow_new: bool,
    pub query: TextField,
    /// Highlighted line among [`Choice::matches`].
    pub cursor: usize,
    /// The list shows while typing or browsing with ↑↓, not merely on passing through.
    pub open: bool,
}

impl Choice {
    pub fn single(options: Vec<ChoiceOption>, selected_id: Option<i64>) -> Choice {
        let selected = selected_id
            .and_then(|id| options.iter().position(|o| o.id == id))
            .into_iter()
            .collect();
        let mut choice = Choice {
            options,
            selected,
            multi: false,
            allow_new: false,
            query: TextField::default(),
            cursor: 0,
            open: false,
        };
        choice.reset_cursor();
        choice
    }

    /// With nothing typed the list starts at the current choice; while typing, at the top.
    pub fn reset_cursor(&mut self) {
        self.cursor = if self.query.value().is_empty() {
            self.selected.first().copied().unwrap_or(0)
        } else {
            0
        };
    }

    /// After the typed text changed.
    pub fn query_changed(&mut self) {
        self.open = true;
        self.reset_cursor();
    }

    pub fn multi(options: Vec<ChoiceOption>, selected_ids: &[i64]) -> Choice {
        let selected = options
            .iter()
            .enumerate()
            .filter(|(_, o)| selected_ids.contains(&o.id))
            .map(|(i, _)| i)
            .collect();
        let mut choice = Choice {
            multi: true,
            ..Choice::single(options, None)
        }
        .with_selected(selected);
        choice.open = true;
        choice
    }

    fn with_selected(mut self, selected: Vec<usize>) -> Choice {
        self.selected = selected;
        self
    }

    pub fn allowing_new(mut self) -> Choice {
        self.allow_new = true;
        self
    }

    /// The lines the dropdown shows for the current query. An option that is what was typed
    /// — without case, diacritics, punctuation or extra spaces, as the import matches names
    /// ("tu phap." is "Tư pháp") — comes first, and then no new entry is offered for it.
    pub fn matches(&self) -> Vec<Pick> {
        let needle = Needle::new(self.query.value());
        let typed = self.query.value().trim();
        let typed_key = key(typed);
        let same = |o: &ChoiceOption| {
            !typed.is_empty()
                && (o.folded == fold(typed) || (!typed_key.is_empty() && o.key == typed_key))
        };
        let mut out = Vec::new();
        let mut rest = Vec::new();
        for (i, o) in self.options.iter().enumerate() {
            if same(o) {
                out.push(Pick::Option(i));
            } else if needle.is_empty() || needle.matches_folded(&o.folded) {
                rest.push(Pick::Option(i));
            }
        }
        let exists = !out.is_empty();
        out.extend(rest);
        if self.allow_new && !typed.is_empty() && !exists {
            out.push(Pick::New(nfc(typed)));
        }
        out
    }

    pub fn move_cursor(&mut self, delta: isize) {
        if !self.open {
            // The first ↑ or ↓ only opens the list at the current choice.
            self.open = true;
            return;
        }
        let n = self.matches().len();
        if n == 0 {
            self.cursor = 0;
            return;
        }
        let next = (self.cursor as isize + delta).rem_euclid(n as isize);
        self.cursor = next as usize;
    }

    /// Applies the highlighted line: choose it (or toggle it in a multi picker). Returns
    /// whether anything was chosen.
    pub fn pick(&mut self) -> bool {
        let matches = self.matches();
        let Some(pick) = matches.get(self.cursor.min(matches.len().saturating_sub(1))) else {
            return false;
        };
        let index = match pick {
            Pick::Option(i) => *i,
            Pick::New(label) => {
                self.options
                    .push(ChoiceOption::new(NEW_OPTION, label.clone()));
                self.options.len() - 1
            }
        };
        if self.multi {
            match self.selected.iter().position(|&i| i == index) {
                Some(p) => {
                    self.selected.remove(p);
                }
                None => self.selected.push(index),
            }
        } else {
            self.selected = vec![index];
        }
        self.query.clear();
        self.reset_cursor();
        if self.multi {
            // The whole list shows again, still lit on the line just ticked, so the next
            // ↑/↓ goes on from there.
            let at = self
                .matches()
                .iter()
                .position(|p| *p == Pick::Option(index));
            self.cursor = at.unwrap_or(self.cursor);
        }
        self.open = self.multi;
        true
    }

    pub fn selected_ids(&self) -> Vec<i64> {
        self.selected.iter().map(|&i| self.options[i].id).collect()
    }

    pub fn selected_option(&self) -> Option<&ChoiceOption> {
        self.selected.first().map(|&i| &self.options[i])
    }

    pub fn label(&self) -> String {
        self.selected
            .iter()
            .map(|&i| self.options[i].label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A multi-line text area, with NFC kept as in one-line fields.
#[derive(Debug, Clone)]
pub struct Lines {
    pub area: Box<TextArea<'static>>,
    /// Rows the field takes in the form.
    pub rows: u16,
}

impl Lines {
    pub fn new(text: &str, rows: u16) -> Lines {
        let lines: Vec<String> = nfc(text).lines().map(str::to_string).collect();
        Lines {
            area: Box::new(text_area(lines)),
            rows,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.area.insert_char(c);
        if is_combining_mark(c) {
            self.renormalize();
        }
    }

    /// Pastes `text` at the cursor in one step (controls but line breaks dropped; a paste's
    /// CRLF or lone CR is a line break), then composes the line to NFC once.
    pub fn insert_str(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean: String = text
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        self.area.insert_str(clean);
        self.renormalize();
    }

    /// The line the cursor is on.
    pub fn current_line(&self) -> String {
        self.area
            .lines()
            .get(self.area.cursor().0)
            .cloned()
            .unwrap_or_default()
    }

    /// Replaces the line the cursor is on, the cursor at its end.
    pub fn set_current_line(&mut self, text: &str) {
        let row = self.area.cursor().0;
        let mut lines: Vec<String> = self.area.lines().to_vec();
        match lines.get_mut(row) {
            Some(line) => *line = nfc(text),
            None => lines.push(nfc(text)),
        }
        let col = lines.get(row).map_or(0, |l| l.chars().count());
        let mut area = text_area(lines);
        area.move_cursor(CursorMove::Jump(
            u16::try_from(row).unwrap_or(u16::MAX),
            u16::try_from(col).unwrap_or(u16::MAX),
        ));
        *self.area = area;
    }

    /// Composes the current line to NFC and keeps the cursor after the same letter.
    fn renormalize(&mut self) {
        let (row, col) = (self.area.cursor().0, self.area.cursor().1);
        let mut lines: Vec<String> = self.area.lines().to_vec();
        let Some(line) = lines.get_mut(row) else {
            return;
        };
        let before: String = line.chars().take(col).collect();
        let new_col = before.nfc().count();
        *line = line.nfc().collect();
        let mut area = text_area(lines);
        area.move_cursor(CursorMove::Jump(
            u16::try_from(row).unwrap_or(u16::MAX),
            u16::try_from(new_col).unwrap_or(u16::MAX),
        ));
        *self.area = area;
    }
}

fn text_area(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    });
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::default());
    area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    area
}

#[derive(Debug, Clone)]
pub enum Input {
    Line(TextField),
    Lines(Lines),
    Choice(Choice),
}

impl Input {
    /// The value as text: what rules check and dirtiness compares.
    pub fn text(&self) -> String {
        match self {
            Input::Line(f) => nfc(f.value().trim()),
            Input::Lines(l) => nfc(l.text().trim_end()),
            Input::Choice(c) => {
                let ids: Vec<String> = c.selected_ids().iter().map(i64::to_string).collect();
                let labels = c.label();
                format!("{}|{labels}", ids.join(","))
            }
        }
    }
}

/// What a field holds, whatever its label says in the officer's language. Saving reads a
/// form through these, so two labels that read alike (or a translation that changes) can never
/// swap two values, and a field can move in its form without its readers being renumbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    // A unit's contact.
    ContactPerson,
    Phone,
    // An initiative, and the list's filters.
    Kind,
    Title,
    Unit,
    /// The initiative's field of work (lĩnh vực).
    Sector,
    Summary,
    ExpectedEffect,
    RegisteredOn,
    EvaluationNotes,
    Score,
    Stage,
    CommendationLevel,
    /// The person a commendation is proposed for.
    CommendationFor,
    ReplicatingUnits,
    // A Saturday registration.
    Activities,
    OtherActivity,
    Place,
    PlannedVolunteers,
    RegisteredAt,
    // A quick report.
    ReceivedAt,
    Photos,
    Note,
    // A volunteer-day round.
    /// The day of a round or of an agenda item.
    Date,
    Round,
    Host,
    RegistrationDeadline,
    ReportDeadline,
    // An agenda item.
    Owner,
    Status,
    // A KPI's measurement and target.
    PeriodStart,
    PeriodEnd,
    Numerator,
    Denominator,
    Target,
    /// The file an import reads.
    ImportPath,
    // The report's own words.
    Assessment,
    NextSteps,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    /// Only what is shown: nothing finds a field by it.
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub input: Input,
    original: String,
    pub rule: Rule,
    /// Left at least once: its error shows from then on, not while first typing.
    pub touched: bool,
    /// A problem found when saving that the field's rule cannot see (a photo file that is
    /// missing, say); it goes when the field is edited.
    pub problem: Option<String>,
}

impl Field {
    fn with_input(id: FieldId, label: &'static str, input: Input, rule: Rule) -> Field {
        Field {
            id,
            label,
            hint: None,
            original: input.text(),
            input,
            rule,
            touched: false,
            problem: None,
        }
    }

    pub fn new(id: FieldId, label: &'static str, value: &str, rule: Rule) -> Field {
        Field::with_input(id, label, Input::Line(TextField::new(value)), rule)
    }

    pub fn lines(id: FieldId, label: &'static str, value: &str, rows: u16, rule: Rule) -> Field {
        Field::with_input(id, label, Input::Lines(Lines::new(value, rows)), rule)
    }

    pub fn choice(id: FieldId, label: &'static str, choice: Choice, rule: Rule) -> Field {
        Field::with_input(id, label, Input::Choice(choice), rule)
    }

    pub fn with_hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The text value as it will be saved: NFC, trimmed.
    pub fn value(&self) -> String {
        self.input.text()
    }

    pub fn choice_ref(&self) -> Option<&Choice> {
        match &self.input {
            Input::Choice(c) => Some(c),
            _ => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.input.text() != self.original
    }
}

/// What saving the form does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    UnitContact {
        unit_id: i64,
    },
    /// A new initiative (None) or an edit of one.
    Initiative {
        id: Option<i64>,
    },
    /// The commendation proposal asked for when an initiative reaches `stage`.
    Proposal {
        id: i64,
        stage: initiative::Stage,
    },
    /// Which stage to jump to.
    StageJump {
        id: i64,
    },
    /// The units replicating an initiative.
    Replications {
        id: i64,
    },
    /// Narrowing the initiative list; nothing is saved to the store.
    InitiativeFilter,
    /// A unit's quick report for the selected volunteer day.
    Report {
        unit_id: i64,
    },
    /// A unit's registration for the selected volunteer day.
    Registration {
        unit_id: i64,
    },
    /// A new volunteer-day round.
    Round,
    /// A measurement of a measured KPI.
    Measurement {
        kpi_id: i64,
    },
    /// A KPI's target.
    Target {
        kpi_id: i64,
    },
    /// An Action Month agenda item: new (None) or existing.
    Agenda {
        id: Option<i64>,
    },
    /// The file to import; its preview comes next, nothing is saved yet.
    ImportPath {
        kind: crate::domain::import::ImportKind,
    },
    /// The officer's assessment and next steps for the report of `date`.
    Assessment {
        date: NaiveDate,
    },
}

/// A rule across fields, which no single field's rule can see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Across {
    /// The picker `choice` has something chosen or the text `text` something written: a
    /// registration names at least one activity, ticked or under "Other". The error shows
    /// under the picker.
    ChoiceOrText { choice: FieldId, text: FieldId },
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub tried_save: bool,
    pub across: Vec<Across>,
}

impl Form {
    pub fn new(title: String, purpose: Purpose, fields: Vec<Field>) -> Form {
        Form {
            title,
            purpose,
            fields,
            focus: 0,
            tried_save: false,
            across: Vec::new(),
        }
    }

    pub fn with_across(mut self, rule: Across) -> Form {
        self.across.push(rule);
        self
    }

    /// What a rule across fields finds wrong, told at the field it is shown under.
    fn across_error(&self, id: FieldId, s: &Strings) -> Option<String> {
        self.across.iter().find_map(|rule| match *rule {
            Across::ChoiceOrText { choice, text } if choice == id => {
                let chosen = self.choice(choice).is_some_and(|c| !c.selected.is_empty());
                let written = !self.text(text).is_empty();
                let label = |id| self.field(id).map_or("", |f| f.label);
                (!chosen && !written).then(|| s.err_choose_or_write(label(choice), label(text)))
            }
            Across::ChoiceOrText { .. } => None,
        })
    }

    /// Everything wrong with field `i` now, shown or not yet.
    fn field_error(&self, i: usize, s: &Strings) -> Option<String> {
        let f = self.fields.get(i)?;
        f.rule
            .check(&f.input, s)
            .or_else(|| self.across_error(f.id, s))
    }

    pub fn focused_field(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_input(&mut self) -> Option<&mut Input> {
        self.fields.get_mut(self.focus).map(|f| &mut f.input)
    }

    /// The one-line text being typed in: a text field, or a picker's query.
    pub fn focused_line(&mut self) -> Option<&mut TextField> {
        match self.focused_input()? {
            Input::Line(f) => Some(f),
            Input::Choice(c) => Some(&mut c.query),
            Input::Lines(_) => None,
        }
    }

    pub fn next(&mut self) {
        self.leave();
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        self.leave();
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Leaving a field marks it touched; a single-choice picker left with a query takes the
    /// highlighted line, as Enter does (the match of what was typed is highlighted first,
    /// above any "+ add" line); with nothing matching it keeps its old choice.
    fn leave(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.touched = true;
            if let Input::Choice(c) = &mut f.input
                && !c.query.value().trim().is_empty()
            {
                if !c.multi {
                    c.pick();
                }
                c.query.clear();
            }
            if let Input::Choice(c) = &mut f.input {
                c.reset_cursor();
                c.open = false;
            }
        }
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(Field::is_dirty)
    }

    /// The error to show next to field `i`: only once the field was left or a save was tried.
    pub fn shown_error(&self, i: usize, s: &Strings) -> Option<String> {
        let f = self.fields.get(i)?;
        if let Some(p) = &f.problem {
            return Some(p.clone());
        }
        if (f.touched || self.tried_save)
            && let Some(e) = f.rule.check(&f.input, s)
        {
            return Some(e);
        }
        // A rule across fields waits for a save: the field after may be the one to fill.
        if self.tried_save {
            return self.across_error(f.id, s);
        }
        None
    }

    pub fn error_count(&self, s: &Strings) -> usize {
        (0..self.fields.len())
            .filter(|&i| self.field_error(i, s).is_some())
            .count()
    }

    /// Moves the focus to the first field with an error, so the officer lands on it.
    pub fn focus_first_error(&mut self, s: &Strings) {
        if let Some(i) = (0..self.fields.len()).find(|&i| self.field_error(i, s).is_some()) {
            self.focus = i;
        }
    }

    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The value of field `id` as it will be saved; empty when the form has no such field.
    pub fn text(&self, id: FieldId) -> String {
        self.field(id).map(Field::value).unwrap_or_default()
    }

    /// The picker `id`, if the form has it.
    pub fn choice(&self, id: FieldId) -> Option<&Choice> {
        self.field(id).and_then(Field::choice_ref)
    }

    /// Names a problem found on saving next to field `id`, and puts the officer on it.
    pub fn set_problem(&mut self, id: FieldId, text: String) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.fields[i].problem = Some(text);
            self.focus = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, strings};

    fn line(v: &str) -> Input {
        Input::Line(TextField::new(v))
    }

    #[test]
    fn phone_rule_messages_name_the_problem() {
        let s = strings(Lang::Vi);
        assert_eq!(Rule::Phone.check(&line(""), s), None);
        assert_eq!(Rule::Phone.check(&line("0703.652.444"), s), None);
        assert_eq!(
            Rule::Phone.check(&line("0703.652.44"), s).as_deref(),
            Some("Cần đúng 10 chữ số (đang có 9).")
        );
        assert!(
            Rule::Phone
                .check(&line("0703-652-444"), s)
                .is_some_and(|m| m.contains('-'))
        );
    }

    #[test]
    fn errors_show_after_leaving_the_field() {
        let s = strings(Lang::Vi);
        let mut f = Form::new(
            "t".into(),
            Purpose::UnitContact { unit_id: 1 },
            vec![
                Field::new(FieldId::Phone, "a", "", Rule::Phone),
                Field::new(
                    FieldId::Note,
                    "b",
                    "",
                    Rule::Text {
                        max_chars: 3,
                        required: false,
                    },
                ),
            ],
        );
        if let Some(l) = f.focused_line() {
            l.insert_str("12");
        }
        assert_eq!(f.shown_error(0, s), None);
        f.next();
        assert!(f.shown_error(0, s).is_some());
        assert_eq!(f.error_count(s), 1);
        assert!(f.is_dirty());
    }

    fn units() -> Vec<ChoiceOption> {
        [
            "UBND phường Tân Quý",
            "UBND phường Tân Thành",
            "Phòng Nội vụ",
        ]
        .iter()
        .enumerate()
        .map(|(i, n)| ChoiceOption::new(i as i64 + 1, *n))
        .collect()
    }

    #[test]
    fn picker_narrows_without_diacritics_and_picks() {
        let mut c = Choice::single(units(), None);
        c.query.insert_str("tan");
        assert_eq!(c.matches().len(), 2);
        c.query.insert_str(" quy");
        assert_eq!(c.matches(), vec![Pick::Option(0)]);
        assert!(c.pick());
        assert_eq!(c.selected_ids(), vec![1]);
        assert_eq!(c.query.value(), "");
    }

    #[test]
    fn picker_cursor_wraps_and_new_options_are_offered() {
        let mut c = Choice::single(units(), Some(3)).allowing_new();
        assert_eq!(c.label(), "Phòng Nội vụ");
        c.move_cursor(-1);
        assert_eq!(c.cursor, 2);
        c.query.insert_str("Văn hóa");
        assert_eq!(c.matches(), vec![Pick::New("Văn hóa".into())]);
        c.pick();
        assert_eq!(c.selected_ids(), vec![NEW_OPTION]);
        assert_eq!(c.label(), "Văn hóa");
        // Typing an existing option's name exactly does not offer it again as new.
        let mut c = Choice::single(units(), None).allowing_new();
        c.query.insert_str("phong noi vu");
        assert_eq!(c.matches(), vec![Pick::Option(2)]);
    }

    #[test]
    fn what_was_typed_comes_first_and_is_never_offered_as_new() {
        let fields = ["Đề xuất khen thưởng", "Khen thưởng", "Lao động - Xã hội"]
            .iter()
            .enumerate()
            .map(|(i, n)| ChoiceOption::new(i as i64, *n))
            .collect::<Vec<_>>();
        let mut c = Choice::single(fields, None).allowing_new();
        c.query.insert_str("khen thuong");
        assert_eq!(c.matches(), vec![Pick::Option(1), Pick::Option(0)]);
        c.query.clear();
        // Punctuation and spacing aside, as the import matches names.
        c.query.insert_str("Lao động-Xã hội ");
        assert_eq!(c.matches(), vec![Pick::Option(2)]);
        c.query.clear();
        c.query.insert_str("khen");
        assert_eq!(
            c.matches(),
            vec![Pick::Option(0), Pick::Option(1), Pick::New("khen".into())]
        );
    }

    #[test]
    fn multi_picker_toggles() {
        let mut c = Choice::multi(units(), &[2]);
        assert_eq!(c.selected_ids(), vec![2]);
        c.pick();
        assert_eq!(c.selected_ids(), vec![2, 1]);
        c.cursor = 1;
        c.pick();
        assert_eq!(c.selected_ids(), vec![1]);
    }

    #[test]
    fn leaving_a_picker_takes_a_single_match() {
        let mut f = Form::new(
            "t".into(),
            Purpose::InitiativeFilter,
            vec![
                Field::choice(
                    FieldId::Unit,
                    "u",
                    Choice::single(units(), None),
                    Rule::Chosen,
                ),
                Field::new(FieldId::Note, "x", "", Rule::Free),
            ],
        );
        if let Some(q) = f.focused_line() {
            q.insert_str("noi vu");
        }
        f.next();
        assert_eq!(
            f.choice(FieldId::Unit).map(Choice::selected_ids),
            Some(vec![3])
        );
    }

    #[test]
    fn fields_labelled_alike_are_told_apart_by_what_they_hold() {
        // Vietnamese labels both the round's title and the initiative's "Tên", and both the
        // unit picker and the replication picker "Đơn vị": a label is no key.
        let mut f = Form::new(
            "t".into(),
            Purpose::Round,
            vec![
                Field::new(FieldId::Title, "Tên", "Ngày thứ Bảy", Rule::Free),
                Field::new(FieldId::Host, "Tên", "Nhà văn hóa", Rule::Free),
            ],
        );
        assert_eq!(f.text(FieldId::Title), "Ngày thứ Bảy");
        assert_eq!(f.text(FieldId::Host), "Nhà văn hóa");
        assert_eq!(
            f.text(FieldId::Note),
            "",
            "a field the form lacks reads empty"
        );
        f.set_problem(FieldId::Host, "x".into());
        assert_eq!(f.focus, 1, "the problem's field takes the focus");
        assert!(f.field(FieldId::Title).is_some_and(|x| x.problem.is_none()));
        assert_eq!(f.shown_error(1, strings(Lang::Vi)).as_deref(), Some("x"));
    }

    #[test]
    fn lines_compose_marks_and_keep_the_cursor() {
        let mut l = Lines::new("", 3);
        for c in "Ta\u{302}n".chars() {
            l.insert(c);
        }
        l.area.insert_newline();
        l.insert('x');
        assert_eq!(l.text(), "Tân\nx");
    }
}
