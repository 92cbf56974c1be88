//! Initiatives (mô hình, giải pháp, sáng kiến): kinds, the stages of their life, and the rules
//! a registration must meet.

use chrono::NaiveDate;

use super::sheet::key;
use super::time::{DateIssue, read_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InitiativeKind {
    Model,
    Solution,
    Initiative,
}

impl InitiativeKind {
    pub const ALL: [InitiativeKind; 3] = [
        InitiativeKind::Model,
        InitiativeKind::Solution,
        InitiativeKind::Initiative,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InitiativeKind::Model => "model",
            InitiativeKind::Solution => "solution",
            InitiativeKind::Initiative => "initiative",
        }
    }

    pub fn from_code(code: &str) -> Option<InitiativeKind> {
        InitiativeKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Registered → carried out → evaluated (Phòng Nội vụ) → proposed for commendation →
/// commended. Replication is a flag beside the stage, not a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    Registered,
    Implementing,
    Evaluated,
    Proposed,
    Commended,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Registered,
        Stage::Implementing,
        Stage::Evaluated,
        Stage::Proposed,
        Stage::Commended,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Registered => "registered",
            Stage::Implementing => "implementing",
            Stage::Evaluated => "evaluated",
            Stage::Proposed => "proposed",
            Stage::Commended => "commended",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Stage> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Stage::ALL.get(i))
            .copied()
    }

    /// Whether reaching this stage needs the commendation level and whom it is for.
    pub fn needs_proposal(self) -> bool {
        self >= Stage::Proposed
    }
}

/// The stages passed over when moving from `from` to `to` (empty for a one-step move or any
/// move back): moving past them needs the officer's confirmation.
pub fn skipped(from: Stage, to: Stage) -> Vec<Stage> {
    if to.index() <= from.index() + 1 {
        return Vec::new();
    }
    Stage::ALL[from.index() + 1..to.index()].to_vec()
}

/// A commendation proposal: the level, and a person (None: the collective).
pub type Proposal = (CommendationLevel, Option<String>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommendationLevel {
    /// Chủ tịch UBND quận, within the district's authority.
    DistrictChair,
    /// UBND Thành phố, proposed upwards.
    City,
}

impl CommendationLevel {
    pub const ALL: [CommendationLevel; 2] =
        [CommendationLevel::DistrictChair, CommendationLevel::City];

    pub fn code(self) -> &'static str {
        match self {
            CommendationLevel::DistrictChair => "district_chair",
            CommendationLevel::City => "city",
        }
    }

    pub fn from_code(code: &str) -> Option<CommendationLevel> {
        CommendationLevel::ALL
            .into_iter()
            .find(|l| l.code() == code)
    }
}

pub const TITLE_MAX: usize = 300;
pub const TEXT_MAX: usize = 4000;

#[derive(Debug, Clone, PartialEq)]
pub enum InitiativeError {
    TitleEmpty,
    TitleTooLong(usize),
    TextTooLong {
        max: usize,
        got: usize,
    },
    /// Not a date (the text is given back, with what is wrong with it).
    BadDate {
        text: String,
        issue: DateIssue,
    },
    DateOutsideCampaign {
        start: NaiveDate,
        end: NaiveDate,
    },
    BadScore(String),
    ScoreOutOfRange,
    UnknownUnit,
}

/// What makes two initiatives one entry of the registry: the same unit and a title written
/// alike, case, diacritics, punctuation and spacing aside ("Mã QR tra cứu hồ sơ" is "ma qr
/// tra cuu ho so."). The import updates the entry a row has this key of; the form refuses a
/// second entry with it.
pub fn entry_key(unit_id: i64, title: &str) -> (i64, String) {
    (unit_id, key(title))
}

pub fn check_title(title: &str) -> Result<(), InitiativeError> {
    let n = title.trim().chars().count();
    if n == 0 {
        return Err(InitiativeError::TitleEmpty);
    }
    if n > TITLE_MAX {
        return Err(InitiativeError::TitleTooLong(n));
    }
    Ok(())
}

pub fn check_text(text: &str) -> Result<(), InitiativeError> {
    let n = text.chars().count();
    if n > TEXT_MAX {
        return Err(InitiativeError::TextTooLong {
            max: TEXT_MAX,
            got: n,
        });
    }
    Ok(())
}

/// A date typed into the registry's forms, read as [`super::time::read_date`] reads every
/// date (07/05/2022, 7/5/2022, 07-05-2022, 2022-05-07, …); a refusal gives the text back.
pub fn parse_date(text: &str) -> Result<NaiveDate, InitiativeError> {
    read_date(text).map_err(|issue| InitiativeError::BadDate {
        text: text.trim().to_string(),
        issue,
    })
}

pub fn check_date_in(
    date: NaiveDate,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<(), InitiativeError> {
    if date < start || date > end {
        return Err(InitiativeError::DateOutsideCampaign { start, end });
    }
    Ok(())
}

/// An optional score from 0 to 100; a decimal comma is accepted ("85,5").
pub fn parse_score(text: &str) -> Result<Option<f64>, InitiativeError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let value: f64 = t
        .replace(',', ".")
        .parse()
        .map_err(|_| InitiativeError::BadScore(t.to_string()))?;
    if !value.is_finite() {
        return Err(InitiativeError::BadScore(t.to_string()));
    }
    if !(0.0..=100.0).contains(&value) {
        return Err(InitiativeError::ScoreOutOfRange);
    }
    Ok(Some(value))
}

/// The score as shown: "85" or "85,5".
pub fn format_score(score: f64) -> String {
    if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}").replace('.', ",")
    }
}

/// Which field of an initiative a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Unit,
    Summary,
    ExpectedEffect,
    RegisteredOn,
    EvaluationNotes,
    Score,
}

/// An initiative as typed into the form, before any check.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: InitiativeKind,
    pub title: String,
    pub unit_id: Option<i64>,
    pub field: FieldRef,
    pub summary: String,
    pub expected_effect: String,
    pub registered_on: String,
    pub evaluation_notes: String,
    pub score: String,
}

/// A field of work (lĩnh vực): one that exists, a new one to create, or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldRef {
    None,
    Existing(i64),
    New(String),
}

/// An initiative that passed every rule: the only form the store accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct Valid {
    pub kind: InitiativeKind,
    pub title: String,
    pub unit_id: i64,
    pub field: FieldRef,
    pub summary: String,
    pub expected_effect: String,
    pub registered_on: NaiveDate,
    pub evaluation_notes: String,
    pub score: Option<f64>,
}

/// Checks every part at once, so the form can mark all problems together.
pub fn validate(
    draft: &Draft,
    unit_exists: impl Fn(i64) -> bool,
    campaign: (NaiveDate, NaiveDate),
) -> Result<Valid, Vec<(Part, InitiativeError)>> {
    let mut errors = Vec::new();
    if let Err(e) = check_title(&draft.title) {
        errors.push((Part::Title, e));
    }
    let unit_id = match draft.unit_id {
        Some(id) if unit_exists(id) => Some(id),
        _ => {
            errors.push((Part::Unit, InitiativeError::UnknownUnit));
            None
        }
    };
    for (part, text) in [
        (Part::Summary, &draft.summary),
        (Part::ExpectedEffect, &draft.expected_effect),
        (Part::EvaluationNotes, &draft.evaluation_notes),
    ] {
        if let Err(e) = check_text(text) {
            errors.push((part, e));
        }
    }
    let date = parse_date(&draft.registered_on)
        .and_then(|d| check_date_in(d, campaign.0, campaign.1).map(|()| d));
    let date = match date {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push((Part::RegisteredOn, e));
            None
        }
    };
    let score = match parse_score(&draft.score) {
        Ok(s) => s,
        Err(e) => {
            errors.push((Part::Score, e));
            None
        }
    };
    match (unit_id, date) {
        (Some(unit_id), Some(registered_on)) if errors.is_empty() => Ok(Valid {
            kind: draft.kind,
            title: draft.title.trim().to_string(),
            unit_id,
            field: draft.field.clone(),
            summary: draft.summary.trim_end().to_string(),
            expected_effect: draft.expected_effect.trim_end().to_string(),
            registered_on,
            evaluation_notes: draft.evaluation_notes.trim_end().to_string(),
            score,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn stages_step_in_order() {
        assert_eq!(Stage::Registered.next(), Some(Stage::Implementing));
        assert_eq!(Stage::Commended.next(), None);
        assert_eq!(Stage::Registered.prev(), None);
        assert_eq!(Stage::Proposed.prev(), Some(Stage::Evaluated));
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(s));
        }
        assert!(Stage::Proposed.needs_proposal());
        assert!(Stage::Commended.needs_proposal());
        assert!(!Stage::Evaluated.needs_proposal());
    }

    #[test]
    fn skipping_lists_the_stages_passed_over() {
        assert!(skipped(Stage::Registered, Stage::Implementing).is_empty());
        assert!(skipped(Stage::Evaluated, Stage::Registered).is_empty());
        assert_eq!(
            skipped(Stage::Registered, Stage::Evaluated),
            vec![Stage::Implementing]
        );
        assert_eq!(
            skipped(Stage::Registered, Stage::Commended),
            vec![Stage::Implementing, Stage::Evaluated, Stage::Proposed]
        );
    }

    #[test]
    fn title_rules() {
        assert_eq!(check_title(""), Err(InitiativeError::TitleEmpty));
        assert_eq!(check_title("   "), Err(InitiativeError::TitleEmpty));
        assert!(check_title(&"â".repeat(300)).is_ok());
        assert_eq!(
            check_title(&"â".repeat(301)),
            Err(InitiativeError::TitleTooLong(301))
        );
    }

    #[test]
    fn dates_in_officers_forms_and_inside_the_campaign() {
        assert_eq!(parse_date("07/05/2022"), Ok(d(2022, 5, 7)));
        assert_eq!(parse_date("7/5/2022"), Ok(d(2022, 5, 7)));
        assert_eq!(parse_date("2022-05-07"), Ok(d(2022, 5, 7)));
        assert_eq!(parse_date(" 07-05-2022 "), Ok(d(2022, 5, 7)));
        assert!(parse_date("31/02/2022").is_err());
        assert!(parse_date("07/05/22").is_err());
        assert!(parse_date("hôm nay").is_err());
        // Signed years of any length parse with chrono's %Y; nothing after could use them.
        assert!(parse_date("1/1/-262143").is_err());
        assert!(parse_date("31/12/+262143").is_err());
        assert!(parse_date("01/01/+10000").is_err());
        let (start, end) = (d(2022, 4, 1), d(2022, 12, 31));
        assert!(check_date_in(d(2022, 4, 1), start, end).is_ok());
        assert!(check_date_in(d(2022, 12, 31), start, end).is_ok());
        assert_eq!(
            check_date_in(d(2023, 1, 1), start, end),
            Err(InitiativeError::DateOutsideCampaign { start, end })
        );
        assert!(check_date_in(d(2022, 3, 31), start, end).is_err());
    }

    #[test]
    fn score_rules() {
        assert_eq!(parse_score(""), Ok(None));
        assert_eq!(parse_score("0"), Ok(Some(0.0)));
        assert_eq!(parse_score("100"), Ok(Some(100.0)));
        assert_eq!(parse_score("85,5"), Ok(Some(85.5)));
        assert_eq!(parse_score("101"), Err(InitiativeError::ScoreOutOfRange));
        assert_eq!(parse_score("-1"), Err(InitiativeError::ScoreOutOfRange));
        assert!(matches!(
            parse_score("tám"),
            Err(InitiativeError::BadScore(_))
        ));
        assert!(matches!(
            parse_score("NaN"),
            Err(InitiativeError::BadScore(_))
        ));
        assert!(matches!(
            parse_score("inf"),
            Err(InitiativeError::BadScore(_))
        ));
        assert_eq!(format_score(85.0), "85");
        assert_eq!(format_score(85.5), "85,5");
    }

    fn draft() -> Draft {
        Draft {
            kind: InitiativeKind::Initiative,
            title: "Mã QR tra cứu hồ sơ".into(),
            unit_id: Some(7),
            field: FieldRef::None,
            summary: String::new(),
            expected_effect: String::new(),
            registered_on: "03/05/2022".into(),
            evaluation_notes: String::new(),
            score: String::new(),
        }
    }

    const CAMPAIGN: (NaiveDate, NaiveDate) = (
        NaiveDate::from_ymd_opt(2022, 4, 1).expect("start"),
        NaiveDate::from_ymd_opt(2022, 12, 31).expect("end"),
    );

    #[test]
    fn a_good_draft_validates() {
        let v = validate(&draft(), |id| id == 7, CAMPAIGN).expect("valid");
        assert_eq!(v.unit_id, 7);
        assert_eq!(v.registered_on, d(2022, 5, 3));
        assert_eq!(v.score, None);
    }

    #[test]
    fn every_problem_is_reported_with_its_part() {
        let mut bad = draft();
        bad.title = "x".repeat(301);
        bad.unit_id = Some(999);
        bad.registered_on = "01/01/2023".into();
        bad.score = "101".into();
        let errors = validate(&bad, |id| id == 7, CAMPAIGN).expect_err("invalid");
        let parts: Vec<Part> = errors.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            parts,
            vec![Part::Title, Part::Unit, Part::RegisteredOn, Part::Score]
        );
        assert_eq!(errors[0].1, InitiativeError::TitleTooLong(301));
        assert_eq!(errors[1].1, InitiativeError::UnknownUnit);
        let mut no_unit = draft();
        no_unit.unit_id = None;
        no_unit.title = String::new();
        let errors = validate(&no_unit, |_| true, CAMPAIGN).expect_err("invalid");
        assert_eq!(errors[0], (Part::Title, InitiativeError::TitleEmpty));
        assert_eq!(errors[1], (Part::Unit, InitiativeError::UnknownUnit));
    }

    #[test]
    fn text_limit() {
        assert!(check_text(&"a".repeat(TEXT_MAX)).is_ok());
        assert!(check_text(&"a".repeat(TEXT_MAX + 1)).is_err());
    }
}
