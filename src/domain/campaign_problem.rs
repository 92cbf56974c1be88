//! What can be wrong in a campaign file, as data: the reader (`io::campaign_file`) finds the
//! problem and where it is, and `i18n` says it in the officer's language. Values quoted from
//! the file are kept as written; whoever prints them makes them safe.

use chrono::{NaiveDate, Weekday};

use crate::domain::phone::PhoneError;

/// The kind of thing a code names, for duplicate and dangling codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeOf {
    Unit,
    VolunteerDay,
    Requirement,
    Kpi,
    Field,
    Activity,
    /// A kind of unit (`[[unit_kinds]]`).
    Kind,
}

/// What a value out of a fixed list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceOf {
    Source,
    Status,
    /// A Saturday figure's code (a task's `figures`).
    Figure,
}

/// The type of value a key takes, for a value of the wrong type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    WholeNumber,
    Number,
    Text,
    List,
    Bool,
}

/// One problem. `at` is the key it is about, as the file spells it ("units[3].kind").
#[derive(Debug, Clone, PartialEq)]
pub enum CampaignProblem {
    /// The TOML reader's own words (a syntax slip, a value of the wrong type).
    Toml(String),
    MissingKey(String),
    /// A value of the wrong type; `key` as written on its line (may be empty), `value` as
    /// the reader quoted it.
    WrongType {
        key: String,
        value: String,
        expected: ValueType,
    },
    /// A key (or a `[table]` header) given twice.
    DuplicateKey(String),
    /// A `[table` header without its `]`.
    UnclosedTable,
    /// A text value without quotes (or no value after `=`).
    Unquoted(String),
    /// A quoted text that does not end on its line.
    UnclosedText(String),
    /// A backslash not followed by an escape TOML knows.
    BadEscape(String),
    /// A key the table does not have, with the keys it does have (when the reader said).
    UnknownKey {
        key: String,
        expected: Vec<String>,
    },
    NoSchema,
    /// `found` is the value as TOML prints it.
    Schema {
        known: i64,
        found: String,
    },
    Empty {
        at: String,
    },
    /// `found` is the TOML type's name ("integer", "array").
    DateType {
        at: String,
        found: &'static str,
    },
    BadDate {
        at: String,
        text: String,
    },
    InstantType {
        at: String,
        found: &'static str,
    },
    BadInstant {
        at: String,
        text: String,
    },
    BadPhone {
        at: String,
        text: String,
        why: PhoneError,
    },
    BadCode {
        at: String,
        code: String,
    },
    DuplicateCode {
        at: String,
        of: CodeOf,
        code: String,
        first_line: usize,
    },
    UnknownCode {
        at: String,
        of: CodeOf,
        code: String,
    },
    UnknownChoice {
        at: String,
        of: ChoiceOf,
        value: String,
        expected: Vec<&'static str>,
    },
    EndsBeforeStart {
        ends: NaiveDate,
        starts: NaiveDate,
    },
    NoUnits,
    BadRound {
        at: String,
        found: i64,
    },
    NotSaturday {
        at: String,
        date: NaiveDate,
        weekday: Weekday,
    },
    OutsideCampaign {
        at: String,
        date: NaiveDate,
        starts: NaiveDate,
        ends: NaiveDate,
    },
    /// Both deadlines as RFC 3339.
    DeadlineOrder {
        at: String,
        registration: String,
        report: String,
    },
    ShortTooWide {
        at: String,
        short: String,
        width: usize,
        max: usize,
    },
    AppliesToEmpty {
        at: String,
    },
    KindTwice {
        at: String,
        kind: String,
    },
    /// A unit's `kind` or a requirement's `applies_to` naming a kind the campaign does not
    /// declare; `expected` holds the declared kinds' codes, in order.
    UnknownKind {
        at: String,
        value: String,
        expected: Vec<String>,
    },
    /// A second kind marked `youth_base = true`; `first` is the code of the one before it.
    YouthBaseTwice {
        at: String,
        kind: String,
        first: String,
    },
    /// `source` is the requirement source's code.
    DayRequired {
        at: String,
        source: &'static str,
    },
    DayNotAllowed {
        at: String,
        source: &'static str,
    },
    TargetRange {
        at: String,
        value: f64,
    },
    /// `acts_for` on a unit that is not a youth base; `kind` is the unit's kind code, `base`
    /// the code of the campaign's youth-base kind (None when it declares none).
    ActsForNotBase {
        at: String,
        kind: String,
        base: Option<String>,
    },
    /// `acts_for` names a youth base: a base acts for units, not for another base.
    ActsForBase {
        at: String,
        code: String,
    },
    /// A unit that two youth bases say they act for.
    ActedForTwice {
        at: String,
        unit: String,
        first: String,
    },
    /// A requirement owed both by a youth base and by a unit it acts for: one organisation
    /// would owe the same thing twice.
    OwedTwice {
        at: String,
        base: String,
        unit: String,
    },
    /// A report number's suffix that would not read after "Số: …-": it starts with a dash or
    /// holds a space ("-BC/ĐTN", "BC / ĐTN").
    NumberSuffix {
        at: String,
        text: String,
    },
}
