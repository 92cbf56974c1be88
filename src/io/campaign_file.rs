//! The campaign file: a TOML description of one campaign (units, checklist, volunteer
//! Saturdays, tasks, KPIs, agenda) read into a checked [`CampaignDef`].
//!
//! The officer edits these files by hand, so every problem — a TOML syntax slip, a wrong type,
//! a misspelt key or a broken cross-reference — is reported with the line and column to fix.
//! Reading happens in two passes: serde turns the text into private `Raw*` structs whose
//! checked values keep their source span, then `build` checks meaning and produces the
//! domain types.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Weekday};
use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::{Spanned, Value};
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

use crate::domain::campaign::{
    AgendaDef, CampaignDef, CampaignInfo, DocumentInfo, KpiDef, KpiSource, NamedDef,
    RequirementDef, RequirementSource, TaskDef, UnitDef, VolunteerDayDef,
};
use crate::domain::campaign_problem::{CampaignProblem, ChoiceOf, CodeOf, ValueType};
use crate::domain::figures::Metric;
use crate::domain::phone::parse_phone;
use crate::domain::unit::{KindDef, Kinds, UnitKind};
use crate::i18n::{Lang, Strings, strings};
use crate::store::Seed;

/// The campaign shipped with the app: plan 115/KHLT-UBND-ĐTĐN of Tân Phú district, 2022.
pub const SHIPPED: &str = include_str!("../../assets/campaigns/tan-phu-2022.toml");
pub const SHIPPED_NAME: &str = "tan-phu-2022.toml";

/// The only file layout this version reads.
const SCHEMA: i64 = 1;
/// Requirement `short` labels are checklist column headers; wider ones would break the table.
const SHORT_MAX_COLUMNS: usize = 10;
const AGENDA_STATUSES: [&str; 4] = ["planned", "in_progress", "done", "cancelled"];

/// A problem in a campaign file, located for the person editing it (1-based line and column,
/// the column counted in characters so Vietnamese text does not shift it).
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignFileError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: CampaignProblem,
}

impl CampaignFileError {
    /// The located message in the officer's language (`file:line:col: …`).
    pub fn message(&self, s: &Strings) -> String {
        s.campaign_error(&self.file, self.line, self.column, &self.problem)
    }
}

/// In English, for logs and panics; the officer is shown [`CampaignFileError::message`].
impl std::fmt::Display for CampaignFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(strings(Lang::En)))
    }
}

impl std::error::Error for CampaignFileError {}

type Result<T> = std::result::Result<T, CampaignFileError>;

/// Reads and checks a campaign file. `file_name` only labels errors.
pub fn parse(text: &str, file_name: &str) -> Result<CampaignDef> {
    let src = Source::new(text, file_name);
    // The schema is checked before the strict parse so that a file written for another
    // version says so, instead of failing on the first key this version does not know.
    check_schema(&src)?;
    let raw: RawFile = toml::from_str(text).map_err(|e| src.toml_error(&e))?;
    build(&src, &raw)
}

/// The shipped campaign. It is covered by the tests below, so failing here is a build bug.
/// How a store is opened on the shipped campaign: seeded with it when new.
pub const SHIPPED_SEED: Seed<'static> = Seed::Default {
    def: shipped,
    name: SHIPPED_NAME,
};

pub fn shipped() -> CampaignDef {
    parse(SHIPPED, SHIPPED_NAME)
        .unwrap_or_else(|e| panic!("the shipped campaign file must be valid: {e}"))
}

// ---------------------------------------------------------------------------------------------
// The file as written. Values that get checked beyond their type keep their span.
// ---------------------------------------------------------------------------------------------

type Text = Spanned<String>;
/// A date or date-time: a quoted string or a bare TOML date, both are accepted.
type Moment = Spanned<Value>;

/// Reads only `schema`, ignoring everything else.
#[derive(Deserialize)]
struct SchemaProbe {
    schema: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// Already checked by [`check_schema`]; listed so the strict parse accepts the key.
    #[serde(rename = "schema")]
    _schema: IgnoredAny,
    campaign: RawCampaign,
    /// The kinds of unit; plan 115's five when left out.
    #[serde(default)]
    unit_kinds: Vec<RawKind>,
    #[serde(default)]
    fields: Vec<RawNamed>,
    #[serde(default)]
    activities: Vec<RawNamed>,
    #[serde(default)]
    units: Vec<RawUnit>,
    #[serde(default)]
    volunteer_days: Vec<RawVolunteerDay>,
    #[serde(default)]
    requirements: Vec<RawRequirement>,
    #[serde(default)]
    tasks: Vec<RawTask>,
    #[serde(default)]
    kpis: Vec<RawKpi>,
    #[serde(default)]
    agenda: Vec<RawAgenda>,
    /// The Word report's header and signature; optional, as a campaign can do without it.
    document: Option<RawDocument>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCampaign {
    code: Text,
    title: Text,
    short_title: Text,
    district: Text,
    city: Text,
    issued_on: Moment,
    starts_on: Moment,
    ends_on: Moment,
    timezone: Text,
    #[serde(default)]
    organisers: Vec<Text>,
    contact_name: Option<Text>,
    contact_role: Option<Text>,
    contact_phone: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNamed {
    code: Text,
    name: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKind {
    code: Text,
    name: Text,
    short: Option<Text>,
    name_en: Option<Text>,
    short_en: Option<Text>,
    youth_base: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    code: Text,
    name: Text,
    kind: Text,
    contact_person: Option<Text>,
    phone: Option<Text>,
    /// Youth bases only: the codes of the units whose Youth Union organisation this base is.
    acts_for: Option<Vec<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVolunteerDay {
    code: Text,
    round: Spanned<i64>,
    date: Moment,
    title: Text,
    host: Text,
    registration_deadline: Moment,
    report_deadline: Moment,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    code: Text,
    title: Text,
    short: Text,
    source: Text,
    applies_to: Spanned<Vec<Text>>,
    deadline: Option<Moment>,
    volunteer_day: Option<Text>,
    evidence: Option<Text>,
    /// The sentence of the plan the requirement comes from.
    basis: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    unit: Text,
    volunteer_day: Text,
    title: Text,
    description: Option<Text>,
    kpi: Option<Text>,
    /// The Saturday figures that measure the task (`citizens`, `einvoice`, …).
    figures: Option<Vec<Text>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKpi {
    code: Text,
    name: Text,
    definition: Text,
    numerator: Text,
    denominator: Text,
    target: Option<Spanned<f64>>,
    target_note: Option<Text>,
    source: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgenda {
    title: Text,
    owner: Text,
    date: Option<Moment>,
    status: Option<Text>,
    note: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    superior_body: Option<Text>,
    issuing_body: Option<Text>,
    motto: Option<Text>,
    number_suffix: Option<Text>,
    place: Option<Text>,
    signer_on_behalf: Option<Text>,
    signer_role: Option<Text>,
    signer_name: Option<Text>,
    recipients: Option<Vec<Text>>,
}

// ---------------------------------------------------------------------------------------------
// Locating errors.
// ---------------------------------------------------------------------------------------------

/// The text being read, so that any span can become a line and column.
struct Source<'a> {
    text: &'a str,
    file_name: &'a str,
    /// Byte offset where each line begins. Every code defined records its line, so finding a
    /// line must not scan the text from the start each time: that made checking 50,000 units
    /// take over a minute (issue 12).
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    fn new(text: &'a str, file_name: &'a str) -> Source<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            text,
            file_name,
            line_starts,
        }
    }
    fn error(&self, span: Range<usize>, problem: CampaignProblem) -> CampaignFileError {
        let (line, column) = line_column(self.text, span.start);
        CampaignFileError {
            file: self.file_name.to_string(),
            line,
            column,
            problem,
        }
    }

    fn toml_error(&self, e: &toml::de::Error) -> CampaignFileError {
        let span = e.span().unwrap_or(0..0);
        let problem = toml_problem(e.message(), || self.key_at(&span));
        self.error(span, problem)
    }

    /// The key written on the line a span starts on (`round = "hai"` → `round`), or the
    /// table a header names (`[campaign]` → `[campaign]`): the reader's messages name neither.
    fn key_at(&self, span: &Range<usize>) -> String {
        let line = self.line_of(span);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let text = self.text.get(start..end).unwrap_or("").trim();
        if text.starts_with('[') {
            return text.split('#').next().unwrap_or(text).trim().to_string();
        }
        text.split_once('=')
            .map(|(key, _)| key.trim().to_string())
            .unwrap_or_default()
    }

    /// Where a missing table would go: the end of the file.
    fn end(&self) -> Range<usize> {
        self.text.len()..self.text.len()
    }

    /// The 1-based line of a byte offset, as [`line_column`] counts it (a newline is one byte,
    /// so pulling an offset back to a character boundary never crosses one).
    fn line_of(&self, span: &Range<usize>) -> usize {
        let offset = span.start.min(self.text.len());
        self.line_starts.partition_point(|&start| start <= offset)
    }
}

/// The TOML reader's words for the slips an editor of the file most often makes (a missing or
/// misspelt key, a value of the wrong type, an unquoted or unclosed text, a key given twice)
/// are recognised and said in the officer's language with what to write instead; any other
/// message of the reader is passed on as it is. `key` finds the key the slip is on.
fn toml_problem(message: &str, key: impl Fn() -> String) -> CampaignProblem {
    let message = message.trim();
    // The names serde quotes in backticks, in order.
    let quoted = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("missing field `")
        && let Some((key, "")) = rest.split_once('`')
    {
        return CampaignProblem::MissingKey(key.to_string());
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut names = quoted(rest);
        if !names.is_empty() {
            let key = names.remove(0);
            return CampaignProblem::UnknownKey {
                key,
                expected: names,
            };
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
        && let Some(expected) = expected_type(expected)
    {
        // `string "hai"`, integer `5`: the value, without the reader's English type name.
        let value = found
            .split_once(' ')
            .map_or(found, |(_, v)| v)
            .trim_matches(|c| c == '"' || c == '`');
        return CampaignProblem::WrongType {
            key: key(),
            value: value.to_string(),
            expected,
        };
    }
    if message == "duplicate key" {
        return CampaignProblem::DuplicateKey(key());
    }
    if message.starts_with("unclosed table") || message.starts_with("unclosed array of tables") {
        return CampaignProblem::UnclosedTable;
    }
    // `title = Tân Phú` starts like `true`: the reader then says it wanted a boolean.
    if message.starts_with("string values must be quoted") || message.starts_with("invalid boolean")
    {
        return CampaignProblem::Unquoted(key());
    }
    if message.starts_with("invalid basic string") || message.starts_with("invalid literal string")
    {
        return CampaignProblem::UnclosedText(key());
    }
    if message.starts_with("missing escaped value") || message.starts_with("invalid escape") {
        return CampaignProblem::BadEscape(key());
    }
    CampaignProblem::Toml(message.to_string())
}

/// What the reader wanted, from the words serde uses for the types the file's structs hold.
fn expected_type(words: &str) -> Option<ValueType> {
    Some(match words {
        "i64" | "i32" | "u32" | "u64" | "u8" | "u16" | "usize" | "an integer" => {
            ValueType::WholeNumber
        }
        "f64" | "f32" | "a float" => ValueType::Number,
        "a string" | "string" => ValueType::Text,
        "a sequence" => ValueType::List,
        "a boolean" => ValueType::Bool,
        _ => return None,
    })
}

/// 1-based line and column (in characters) of a byte offset; offsets past the end or inside a
/// character are pulled back, since spans come from outside this module.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

// ---------------------------------------------------------------------------------------------
// Value checks shared by every section. `at` names the key for messages, e.g. "units[3].kind".
// ---------------------------------------------------------------------------------------------

/// Text as stored: NFC (so search and comparison see one spelling of each Vietnamese letter)
/// and trimmed.
fn clean(s: &str) -> String {
    s.nfc().collect::<String>().trim().to_string()
}

fn optional_text(v: Option<&Text>) -> String {
    v.map(|t| clean(t.get_ref())).unwrap_or_default()
}

fn required_text(src: &Source, at: &str, v: &Text) -> Result<String> {
    let s = clean(v.get_ref());
    if s.is_empty() {
        return Err(src.error(v.span(), CampaignProblem::Empty { at: at.into() }));
    }
    Ok(s)
}

/// The text of a date-like value, whether quoted or a bare TOML date/date-time.
fn moment_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)),
        Value::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

fn date(src: &Source, at: &str, v: &Moment) -> Result<NaiveDate> {
    let Some(text) = moment_text(v.get_ref()) else {
        return Err(src.error(
            v.span(),
            CampaignProblem::DateType {
                at: at.into(),
                found: v.get_ref().type_str(),
            },
        ));
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        src.error(
            v.span(),
            CampaignProblem::BadDate {
                at: at.into(),
                text: text.clone(),
            },
        )
    })
}

fn instant(src: &Source, at: &str, v: &Moment) -> Result<DateTime<FixedOffset>> {
    let Some(text) = moment_text(v.get_ref()) else {
        return Err(src.error(
            v.span(),
            CampaignProblem::InstantType {
                at: at.into(),
                found: v.get_ref().type_str(),
            },
        ));
    };
    // TOML allows omitting seconds, so a bare literal may print as "…T16:00+07:00".
    DateTime::parse_from_rfc3339(&text)
        .or_else(|_| DateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M%:z"))
        .map_err(|_| {
            src.error(
                v.span(),
                CampaignProblem::BadInstant {
                    at: at.into(),
                    text: text.clone(),
                },
            )
        })
}

/// An optional phone: empty is fine, anything else must be a Vietnamese 10-digit number as
/// people write it ("0703.652.444"); it is kept as written.
fn phone(src: &Source, at: &str, v: Option<&Text>) -> Result<String> {
    let text = optional_text(v);
    let Some(v) = v.filter(|_| !text.is_empty()) else {
        return Ok(text);
    };
    parse_phone(&text).map_err(|why| {
        src.error(
            v.span(),
            CampaignProblem::BadPhone {
                at: at.into(),
                text: text.clone(),
                why,
            },
        )
    })?;
    Ok(text)
}

fn unit_kind(src: &Source, kinds: &Kinds, at: &str, v: &Text) -> Result<UnitKind> {
    let kind = UnitKind::new(clean(v.get_ref()));
    if kinds.contains(&kind) {
        return Ok(kind);
    }
    Err(src.error(
        v.span(),
        CampaignProblem::UnknownKind {
            at: at.into(),
            value: kind.code().to_string(),
            expected: kinds.kinds().map(|k| k.code().to_string()).collect(),
        },
    ))
}

/// Codes are keys in the store and in CSV imports, so they are kept to plain ASCII.
fn is_slug(code: &str) -> bool {
    !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The codes of one kind of thing seen so far, with the line each was first defined on.
struct Codes {
    of: CodeOf,
    first_line: HashMap<String, usize>,
}

impl Codes {
    fn new(of: CodeOf) -> Codes {
        Codes {
            of,
            first_line: HashMap::new(),
        }
    }

    /// Checks that a defining code is well-formed and new, and records it.
    fn define(&mut self, src: &Source, at: &str, v: &Text) -> Result<String> {
        let code = required_text(src, at, v)?;
        if !is_slug(&code) {
            return Err(src.error(
                v.span(),
                CampaignProblem::BadCode {
                    at: at.into(),
                    code,
                },
            ));
        }
        if let Some(line) = self.first_line.get(&code) {
            return Err(src.error(
                v.span(),
                CampaignProblem::DuplicateCode {
                    at: at.into(),
                    of: self.of,
                    code,
                    first_line: *line,
                },
            ));
        }
        self.first_line.insert(code.clone(), src.line_of(&v.span()));
        Ok(code)
    }

    /// Checks that a code used elsewhere names something defined.
    fn refer(&self, src: &Source, at: &str, v: &Text) -> Result<String> {
        let code = required_text(src, at, v)?;
        if !self.first_line.contains_key(&code) {
            return Err(src.error(
                v.span(),
                CampaignProblem::UnknownCode {
                    at: at.into(),
                    of: self.of,
                    code,
                },
            ));
        }
        Ok(code)
    }
}

// ---------------------------------------------------------------------------------------------
// Sections. Order matters only where one section refers to another.
// ---------------------------------------------------------------------------------------------

fn check_schema(src: &Source) -> Result<()> {
    let probe: SchemaProbe = toml::from_str(src.text).map_err(|e| src.toml_error(&e))?;
    let Some(schema) = probe.schema else {
        return Err(src.error(0..0, CampaignProblem::NoSchema));
    };
    match schema.get_ref() {
        Value::Integer(SCHEMA) => Ok(()),
        other => Err(src.error(
            schema.span(),
            CampaignProblem::Schema {
                known: SCHEMA,
                found: other.to_string(),
            },
        )),
    }
}

fn build(src: &Source, raw: &RawFile) -> Result<CampaignDef> {
    let campaign = campaign_info(src, &raw.campaign)?;
    let kinds = unit_kinds(src, &raw.unit_kinds)?;
    let fields = named_list(src, "fields", CodeOf::Field, &raw.fields)?;
    let activities = named_list(src, "activities", CodeOf::Activity, &raw.activities)?;
    let (units, unit_codes) = units(src, &kinds, &raw.units)?;
    let (volunteer_days, day_codes) = volunteer_days(src, &campaign, &raw.volunteer_days)?;
    let requirements = requirements(src, &kinds, &day_codes, &raw.requirements)?;
    owed_once(src, &units, &requirements, &raw.requirements)?;
    let (kpis, kpi_codes) = kpis(src, &raw.kpis)?;
    let tasks = tasks(src, &unit_codes, &day_codes, &kpi_codes, &raw.tasks)?;
    let agenda = agenda(src, &raw.agenda)?;
    let document = raw
        .document
        .as_ref()
        .map(|d| document(src, d))
        .transpose()?
        .unwrap_or_default();
    Ok(CampaignDef {
        campaign,
        kinds,
        units,
        volunteer_days,
        requirements,
        tasks,
        kpis,
        agenda,
        fields,
        activities,
        document,
    })
}

fn campaign_info(src: &Source, raw: &RawCampaign) -> Result<CampaignInfo> {
    let starts_on = date(src, "campaign.starts_on", &raw.starts_on)?;
    let ends_on = date(src, "campaign.ends_on", &raw.ends_on)?;
    if ends_on < starts_on {
        return Err(src.error(
            raw.ends_on.span(),
            CampaignProblem::EndsBeforeStart {
                ends: ends_on,
                starts: starts_on,
            },
        ));
    }
    let organisers = raw
        .organisers
        .iter()
        .enumerate()
        .map(|(i, o)| required_text(src, &format!("campaign.organisers[{i}]"), o))
        .collect::<Result<Vec<_>>>()?;
    Ok(CampaignInfo {
        code: required_text(src, "campaign.code", &raw.code)?,
        title: required_text(src, "campaign.title", &raw.title)?,
        short_title: required_text(src, "campaign.short_title", &raw.short_title)?,
        district: required_text(src, "campaign.district", &raw.district)?,
        city: required_text(src, "campaign.city", &raw.city)?,
        issued_on: date(src, "campaign.issued_on", &raw.issued_on)?,
        starts_on,
        ends_on,
        timezone: required_text(src, "campaign.timezone", &raw.timezone)?,
        organisers,
        contact_name: optional_text(raw.contact_name.as_ref()),
        contact_role: optional_text(raw.contact_role.as_ref()),
        contact_phone: phone(src, "campaign.contact_phone", raw.contact_phone.as_ref())?,
    })
}

fn named_list(src: &Source, section: &str, of: CodeOf, raw: &[RawNamed]) -> Result<Vec<NamedDef>> {
    let mut codes = Codes::new(of);
    raw.iter()
        .enumerate()
        .map(|(i, n)| {
            Ok(NamedDef {
                code: codes.define(src, &format!("{section}[{i}].code"), &n.code)?,
                name: required_text(src, &format!("{section}[{i}].name"), &n.name)?,
            })
        })
        .collect()
}

/// The kinds a campaign declares, each code once and at most one of them the youth base;
/// none declared means plan 115's five.
fn unit_kinds(src: &Source, raw: &[RawKind]) -> Result<Kinds> {
    if raw.is_empty() {
        return Ok(Kinds::plan_115());
    }
    let mut codes = Codes::new(CodeOf::Kind);
    let mut base: Option<String> = None;
    let mut defs = Vec::new();
    for (i, k) in raw.iter().enumerate() {
        let at = format!("unit_kinds[{i}]");
        let code = codes.define(src, &format!("{at}.code"), &k.code)?;
        let youth_base = k.youth_base.as_ref().is_some_and(|b| *b.get_ref());
        if let (true, Some(flag)) = (youth_base, &k.youth_base) {
            if let Some(first) = &base {
                return Err(src.error(
                    flag.span(),
                    CampaignProblem::YouthBaseTwice {
                        at: format!("{at}.youth_base"),
                        kind: code,
                        first: first.clone(),
                    },
                ));
            }
            base = Some(code.clone());
        }
        defs.push(KindDef {
            kind: UnitKind::new(code),
            name: required_text(src, &format!("{at}.name"), &k.name)?,
            short: optional_text(k.short.as_ref()),
            name_en: optional_text(k.name_en.as_ref()),
            short_en: optional_text(k.short_en.as_ref()),
            youth_base,
        });
    }
    Ok(Kinds::new(defs))
}

fn units(src: &Source, kinds: &Kinds, raw: &[RawUnit]) -> Result<(Vec<UnitDef>, Codes)> {
    if raw.is_empty() {
        return Err(src.error(src.end(), CampaignProblem::NoUnits));
    }
    let mut codes = Codes::new(CodeOf::Unit);
    let units = raw
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let at = format!("units[{i}]");
            Ok(UnitDef {
                code: codes.define(src, &format!("{at}.code"), &u.code)?,
                name: required_text(src, &format!("{at}.name"), &u.name)?,
                kind: unit_kind(src, kinds, &format!("{at}.kind"), &u.kind)?,
                contact_person: optional_text(u.contact_person.as_ref()),
                phone: phone(src, &format!("{at}.phone"), u.phone.as_ref())?,
                acts_for: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // A second pass: a base may name units defined further down the file.
    let mut units = units;
    let mut base_of: HashMap<String, String> = HashMap::new();
    for (i, u) in raw.iter().enumerate() {
        let Some(list) = &u.acts_for else {
            continue;
        };
        let at = format!("units[{i}].acts_for");
        if !kinds.is_youth_base(&units[i].kind) && !list.is_empty() {
            return Err(src.error(
                list[0].span(),
                CampaignProblem::ActsForNotBase {
                    at,
                    kind: units[i].kind.code().to_string(),
                    base: kinds
                        .iter()
                        .find(|k| k.youth_base)
                        .map(|k| k.kind.code().to_string()),
                },
            ));
        }
        let mut acts_for = Vec::new();
        for (j, v) in list.iter().enumerate() {
            let at = format!("{at}[{j}]");
            let code = codes.refer(src, &at, v)?;
            if units
                .iter()
                .any(|t| t.code == code && kinds.is_youth_base(&t.kind))
            {
                return Err(src.error(v.span(), CampaignProblem::ActsForBase { at, code }));
            }
            if let Some(first) = base_of.get(&code) {
                return Err(src.error(
                    v.span(),
                    CampaignProblem::ActedForTwice {
                        at,
                        unit: code,
                        first: first.clone(),
                    },
                ));
            }
            base_of.insert(code.clone(), units[i].code.clone());
            acts_for.push(code);
        }
        units[i].acts_for = acts_for;
    }
    Ok((units, codes))
}

/// No organisation owes the same thing twice: a requirement owed by youth bases may not also
/// be owed by a unit one of them acts for (the base *is* that unit's Youth Union).
fn owed_once(
    src: &Source,
    units: &[UnitDef],
    requirements: &[RequirementDef],
    raw: &[RawRequirement],
) -> Result<()> {
    for (i, r) in requirements.iter().enumerate() {
        for base in units.iter().filter(|u| r.applies_to.contains(&u.kind)) {
            let both = base.acts_for.iter().find(|code| {
                units
                    .iter()
                    .any(|u| &u.code == *code && r.applies_to.contains(&u.kind))
            });
            if let Some(unit) = both {
                return Err(src.error(
                    raw[i].applies_to.span(),
                    CampaignProblem::OwedTwice {
                        at: format!("requirements[{i}].applies_to"),
                        base: base.code.clone(),
                        unit: unit.clone(),
                    },
                ));
            }
        }
    }
    Ok(())
}

fn volunteer_days(
    src: &Source,
    campaign: &CampaignInfo,
    raw: &[RawVolunteerDay],
) -> Result<(Vec<VolunteerDayDef>, Codes)> {
    let mut codes = Codes::new(CodeOf::VolunteerDay);
    let days = raw
        .iter()
        .enumerate()
        .map(|(i, d)| {
            volunteer_day(
                src,
                campaign,
                &mut codes,
                &format!("volunteer_days[{i}]"),
                d,
            )
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((days, codes))
}

fn volunteer_day(
    src: &Source,
    campaign: &CampaignInfo,
    codes: &mut Codes,
    at: &str,
    raw: &RawVolunteerDay,
) -> Result<VolunteerDayDef> {
    let code = codes.define(src, &format!("{at}.code"), &raw.code)?;
    let round = u32::try_from(*raw.round.get_ref())
        .ok()
        .filter(|r| *r >= 1)
        .ok_or_else(|| {
            src.error(
                raw.round.span(),
                CampaignProblem::BadRound {
                    at: format!("{at}.round"),
                    found: *raw.round.get_ref(),
                },
            )
        })?;
    let day = date(src, &format!("{at}.date"), &raw.date)?;
    // The plan's peak activity is by definition a Saturday; another weekday is a typo.
    if day.weekday() != Weekday::Sat {
        return Err(src.error(
            raw.date.span(),
            CampaignProblem::NotSaturday {
                at: format!("{at}.date"),
                date: day,
                weekday: day.weekday(),
            },
        ));
    }
    if day < campaign.starts_on || day > campaign.ends_on {
        return Err(src.error(
            raw.date.span(),
            CampaignProblem::OutsideCampaign {
                at: format!("{at}.date"),
                date: day,
                starts: campaign.starts_on,
                ends: campaign.ends_on,
            },
        ));
    }
    let registration_deadline = instant(
        src,
        &format!("{at}.registration_deadline"),
        &raw.registration_deadline,
    )?;
    let report_deadline = instant(src, &format!("{at}.report_deadline"), &raw.report_deadline)?;
    if registration_deadline > report_deadline {
        return Err(src.error(
            raw.registration_deadline.span(),
            CampaignProblem::DeadlineOrder {
                at: format!("{at}.registration_deadline"),
                registration: registration_deadline.to_rfc3339(),
                report: report_deadline.to_rfc3339(),
            },
        ));
    }
    Ok(VolunteerDayDef {
        code,
        round,
        date: day,
        title: required_text(src, &format!("{at}.title"), &raw.title)?,
        host: required_text(src, &format!("{at}.host"), &raw.host)?,
        registration_deadline,
        report_deadline,
    })
}

fn requirements(
    src: &Source,
    kinds: &Kinds,
    days: &Codes,
    raw: &[RawRequirement],
) -> Result<Vec<RequirementDef>> {
    let mut codes = Codes::new(CodeOf::Requirement);
    raw.iter()
        .enumerate()
        .map(|(i, r)| {
            let at = format!("requirements[{i}]");
            requirement(src, kinds, days, &mut codes, &at, r)
        })
        .collect()
}

fn requirement(
    src: &Source,
    kinds: &Kinds,
    days: &Codes,
    codes: &mut Codes,
    at: &str,
    raw: &RawRequirement,
) -> Result<RequirementDef> {
    let code = codes.define(src, &format!("{at}.code"), &raw.code)?;
    let title = required_text(src, &format!("{at}.title"), &raw.title)?;
    let short = required_text(src, &format!("{at}.short"), &raw.short)?;
    if short.width() > SHORT_MAX_COLUMNS {
        return Err(src.error(
            raw.short.span(),
            CampaignProblem::ShortTooWide {
                at: format!("{at}.short"),
                width: short.width(),
                short,
                max: SHORT_MAX_COLUMNS,
            },
        ));
    }
    let source = requirement_source(src, &format!("{at}.source"), &raw.source)?;
    let applies_to = applies_to(src, kinds, &format!("{at}.applies_to"), &raw.applies_to)?;
    let deadline = raw
        .deadline
        .as_ref()
        .map(|d| instant(src, &format!("{at}.deadline"), d))
        .transpose()?;
    let volunteer_day = requirement_day(src, days, at, source, raw)?;
    Ok(RequirementDef {
        code,
        title,
        short,
        source,
        applies_to,
        deadline,
        volunteer_day,
        evidence: optional_text(raw.evidence.as_ref()),
        basis: optional_text(raw.basis.as_ref()),
    })
}

fn requirement_source(src: &Source, at: &str, v: &Text) -> Result<RequirementSource> {
    let code = clean(v.get_ref());
    RequirementSource::from_code(&code).ok_or_else(|| {
        src.error(
            v.span(),
            CampaignProblem::UnknownChoice {
                at: at.into(),
                of: ChoiceOf::Source,
                value: code.clone(),
                expected: RequirementSource::ALL.iter().map(|s| s.code()).collect(),
            },
        )
    })
}

fn applies_to(
    src: &Source,
    kinds: &Kinds,
    at: &str,
    raw: &Spanned<Vec<Text>>,
) -> Result<Vec<UnitKind>> {
    if raw.get_ref().is_empty() {
        return Err(src.error(
            raw.span(),
            CampaignProblem::AppliesToEmpty { at: at.into() },
        ));
    }
    let mut listed = Vec::new();
    for (i, v) in raw.get_ref().iter().enumerate() {
        let kind = unit_kind(src, kinds, &format!("{at}[{i}]"), v)?;
        if listed.contains(&kind) {
            return Err(src.error(
                v.span(),
                CampaignProblem::KindTwice {
                    at: format!("{at}[{i}]"),
                    kind: kind.code().to_string(),
                },
            ));
        }
        listed.push(kind);
    }
    Ok(listed)
}

/// A registration or quick-report requirement is about one volunteer day and cannot be
/// evaluated without it; on any other requirement a day would be silently ignored, so it is
/// refused rather than let the editor believe it does something.
fn requirement_day(
    src: &Source,
    days: &Codes,
    at: &str,
    source: RequirementSource,
    raw: &RawRequirement,
) -> Result<Option<String>> {
    match (&raw.volunteer_day, source.needs_volunteer_day()) {
        (Some(day), true) => Ok(Some(days.refer(
            src,
            &format!("{at}.volunteer_day"),
            day,
        )?)),
        (None, true) => Err(src.error(
            raw.source.span(),
            CampaignProblem::DayRequired {
                at: format!("{at}.volunteer_day"),
                source: source.code(),
            },
        )),
        (Some(day), false) => Err(src.error(
            day.span(),
            CampaignProblem::DayNotAllowed {
                at: format!("{at}.volunteer_day"),
                source: source.code(),
            },
        )),
        (None, false) => Ok(None),
    }
}

fn kpis(src: &Source, raw: &[RawKpi]) -> Result<(Vec<KpiDef>, Codes)> {
    let mut codes = Codes::new(CodeOf::Kpi);
    let kpis = raw
        .iter()
        .enumerate()
        .map(|(i, k)| kpi(src, &mut codes, &format!("kpis[{i}]"), k))
        .collect::<Result<Vec<_>>>()?;
    Ok((kpis, codes))
}

fn kpi(src: &Source, codes: &mut Codes, at: &str, raw: &RawKpi) -> Result<KpiDef> {
    let code = codes.define(src, &format!("{at}.code"), &raw.code)?;
    let target = raw
        .target
        .as_ref()
        .map(|t| kpi_target(src, at, t))
        .transpose()?;
    let source_text = clean(raw.source.get_ref());
    let source = KpiSource::from_code(&source_text).ok_or_else(|| {
        src.error(
            raw.source.span(),
            CampaignProblem::UnknownChoice {
                at: format!("{at}.source"),
                of: ChoiceOf::Source,
                value: source_text.clone(),
                expected: vec![KpiSource::Computed.code(), KpiSource::Measured.code()],
            },
        )
    })?;
    Ok(KpiDef {
        code,
        name: required_text(src, &format!("{at}.name"), &raw.name)?,
        definition: required_text(src, &format!("{at}.definition"), &raw.definition)?,
        numerator: required_text(src, &format!("{at}.numerator"), &raw.numerator)?,
        denominator: required_text(src, &format!("{at}.denominator"), &raw.denominator)?,
        target,
        target_note: optional_text(raw.target_note.as_ref()),
        source,
    })
}

/// Targets are percentages of a ratio, so anything outside 0..=100 is a slip.
fn kpi_target(src: &Source, at: &str, t: &Spanned<f64>) -> Result<f64> {
    let value = *t.get_ref();
    if value.is_finite() && (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(src.error(
            t.span(),
            CampaignProblem::TargetRange {
                at: format!("{at}.target"),
                value,
            },
        ))
    }
}

fn tasks(
    src: &Source,
    units: &Codes,
    days: &Codes,
    kpis: &Codes,
    raw: &[RawTask],
) -> Result<Vec<TaskDef>> {
    raw.iter()
        .enumerate()
        .map(|(i, t)| {
            let at = format!("tasks[{i}]");
            Ok(TaskDef {
                unit: units.refer(src, &format!("{at}.unit"), &t.unit)?,
                volunteer_day: days.refer(src, &format!("{at}.volunteer_day"), &t.volunteer_day)?,
                title: required_text(src, &format!("{at}.title"), &t.title)?,
                description: optional_text(t.description.as_ref()),
                kpi: t
                    .kpi
                    .as_ref()
                    .map(|k| kpis.refer(src, &format!("{at}.kpi"), k))
                    .transpose()?,
                figures: task_figures(src, &format!("{at}.figures"), t.figures.as_deref())?,
            })
        })
        .collect()
}

fn agenda(src: &Source, raw: &[RawAgenda]) -> Result<Vec<AgendaDef>> {
    raw.iter()
        .enumerate()
        .map(|(i, a)| {
            let at = format!("agenda[{i}]");
            Ok(AgendaDef {
                title: required_text(src, &format!("{at}.title"), &a.title)?,
                owner: required_text(src, &format!("{at}.owner"), &a.owner)?,
                date: a
                    .date
                    .as_ref()
                    .map(|d| date(src, &format!("{at}.date"), d))
                    .transpose()?,
                status: agenda_status(src, &format!("{at}.status"), a.status.as_ref())?,
                note: optional_text(a.note.as_ref()),
            })
        })
        .collect()
}

/// The report's header and signature. A key left out takes the Youth Union default (the
/// motto, the "BC" symbol) or stays blank for the office to fill; a recipient is a line of
/// "Nơi nhận" and may not be blank, since it would print as a lone dash.
fn document(src: &Source, raw: &RawDocument) -> Result<DocumentInfo> {
    let defaults = DocumentInfo::default();
    let text = |v: &Option<Text>, default: &str| {
        v.as_ref()
            .map_or_else(|| default.to_string(), |t| clean(t.get_ref()))
    };
    let number_suffix = text(&raw.number_suffix, &defaults.number_suffix);
    if let Some(v) = &raw.number_suffix
        && (number_suffix.starts_with('-') || number_suffix.chars().any(char::is_whitespace))
    {
        return Err(src.error(
            v.span(),
            CampaignProblem::NumberSuffix {
                at: "document.number_suffix".into(),
                text: number_suffix,
            },
        ));
    }
    let recipients = raw
        .recipients
        .iter()
        .flatten()
        .enumerate()
        .map(|(i, r)| required_text(src, &format!("document.recipients[{i}]"), r))
        .collect::<Result<Vec<_>>>()?;
    Ok(DocumentInfo {
        superior_body: text(&raw.superior_body, ""),
        issuing_body: text(&raw.issuing_body, ""),
        motto: text(&raw.motto, &defaults.motto),
        number_suffix,
        place: text(&raw.place, ""),
        signer_on_behalf: text(&raw.signer_on_behalf, ""),
        signer_role: text(&raw.signer_role, ""),
        signer_name: text(&raw.signer_name, ""),
        recipients,
    })
}

/// A task's figures, each a known figure code, in the grid's order whatever the file's.
fn task_figures(src: &Source, at: &str, raw: Option<&[Text]>) -> Result<Vec<Metric>> {
    let mut figures = Vec::new();
    for (i, v) in raw.unwrap_or_default().iter().enumerate() {
        let code = clean(v.get_ref());
        match Metric::from_code(&code) {
            Some(m) => figures.push(m),
            None => {
                return Err(src.error(
                    v.span(),
                    CampaignProblem::UnknownChoice {
                        at: format!("{at}[{i}]"),
                        of: ChoiceOf::Figure,
                        value: code,
                        expected: Metric::ALL.iter().map(|m| m.code()).collect(),
                    },
                ));
            }
        }
    }
    figures.sort_by_key(|m| Metric::ALL.iter().position(|x| x == m));
    figures.dedup();
    Ok(figures)
}

/// A missing status means the item is still to come.
fn agenda_status(src: &Source, at: &str, v: Option<&Text>) -> Result<String> {
    let Some(v) = v else {
        return Ok("planned".to_string());
    };
    let status = clean(v.get_ref());
    if AGENDA_STATUSES.contains(&status.as_str()) {
        Ok(status)
    } else {
        Err(src.error(
            v.span(),
            CampaignProblem::UnknownChoice {
                at: at.into(),
                of: ChoiceOf::Status,
                value: status,
                expected: AGENDA_STATUSES.to_vec(),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // ----- the shipped campaign ---------------------------------------------------------------

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
        let offset = FixedOffset::east_opt(7 * 3600).expect("+07:00");
        let naive = NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(h, min, 0))
            .expect("valid test date");
        naive
            .and_local_timezone(offset)
            .single()
            .expect("fixed offset")
    }

    #[test]
    fn shipped_file_parses_and_is_nfc() {
        let def = shipped();
        assert_eq!(def.campaign.code, "115/KHLT-UBND-ĐTĐN");
        assert_eq!(
            def.campaign.issued_on,
            NaiveDate::from_ymd_opt(2022, 4, 29).unwrap()
        );
        assert_eq!(
            def.campaign.starts_on,
            NaiveDate::from_ymd_opt(2022, 4, 1).unwrap()
        );
        assert_eq!(
            def.campaign.ends_on,
            NaiveDate::from_ymd_opt(2022, 12, 31).unwrap()
        );
        assert_eq!(def.campaign.contact_phone, "0703.652.444");
        assert!(def.campaign.short_title.width() <= 40);
        assert!(unicode_normalization::is_nfc(SHIPPED));
    }

    #[test]
    fn shipped_has_the_eleven_wards() {
        let wards = shipped_units_of(UnitKind::from("ward"));
        let expected = [
            "Hiệp Tân",
            "Hòa Thạnh",
            "Phú Thạnh",
            "Phú Thọ Hòa",
            "Phú Trung",
            "Sơn Kỳ",
            "Tân Quý",
            "Tân Sơn Nhì",
            "Tân Thành",
            "Tân Thới Hòa",
            "Tây Thạnh",
        ]
        .map(|w| format!("UBND phường {w}"));
        assert_eq!(wards, expected);
    }

    fn shipped_units_of(kind: UnitKind) -> Vec<String> {
        shipped()
            .units
            .into_iter()
            .filter(|u| u.kind == kind)
            .map(|u| u.name)
            .collect()
    }

    #[test]
    fn shipped_vertical_units_and_youth_bases() {
        let def = shipped();
        let kind_of = |code: &str| {
            def.units
                .iter()
                .find(|u| u.code == code)
                .map(|u| u.kind.clone())
        };
        assert_eq!(kind_of("chi-cuc-thue"), Some(UnitKind::from("vertical")));
        assert_eq!(kind_of("cn-vpdkdd"), Some(UnitKind::from("vertical")));
        for base in ["cd-chinh-quyen", "cd-chi-cuc-thue", "cd-vpdkdd"] {
            assert_eq!(kind_of(base), Some(UnitKind::from("youth_base")), "{base}");
        }
        assert_eq!(shipped_units_of(UnitKind::from("agency")).len(), 12);
        assert!(def.units.iter().all(|u| u.phone.is_empty()));
    }

    #[test]
    fn shipped_requirements_in_order() {
        let def = shipped();
        let summary: Vec<(&str, RequirementSource, &str)> = def
            .requirements
            .iter()
            .map(|r| (r.code.as_str(), r.source, r.short.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("initiative", RequirementSource::Initiative, "Sáng kiến"),
                (
                    "volunteer-registration",
                    RequirementSource::VolunteerRegistration,
                    "Đăng ký TB"
                ),
                ("quick-report", RequirementSource::QuickReport, "Báo cáo"),
                (
                    "emulation-registration",
                    RequirementSource::Manual,
                    "Thi đua"
                ),
            ]
        );
        let [initiative, registration, report, emulation] = &def.requirements[..] else {
            panic!("four requirements expected");
        };
        assert_eq!(initiative.deadline, None);
        // Section II.1 names agencies, public-service units, vertical units and wards.
        assert_eq!(
            initiative.applies_to,
            [
                UnitKind::from("ward"),
                UnitKind::from("agency"),
                UnitKind::from("public_service"),
                UnitKind::from("vertical")
            ]
        );
        // Section III.2: the youth bases (a ward's row carries its Đoàn phường).
        assert_eq!(
            registration.applies_to,
            [UnitKind::from("ward"), UnitKind::from("youth_base")]
        );
        assert_eq!(report.applies_to, registration.applies_to);
        assert_eq!(registration.deadline, Some(at(2022, 5, 5, 0, 0)));
        assert_eq!(registration.volunteer_day.as_deref(), Some("tb-dot2-2022"));
        assert_eq!(report.deadline, Some(at(2022, 5, 7, 16, 0)));
        assert_eq!(report.volunteer_day.as_deref(), Some("tb-dot2-2022"));
        assert!(report.evidence.contains("hình ảnh"));
        assert_eq!(emulation.deadline, None);
        assert!(!emulation.applies_to.contains(&UnitKind::from("youth_base")));
        assert_eq!(emulation.applies_to.len(), 4);
    }

    #[test]
    fn shipped_volunteer_day() {
        let def = shipped();
        let [day] = &def.volunteer_days[..] else {
            panic!("one volunteer day expected");
        };
        assert_eq!(day.code, "tb-dot2-2022");
        assert_eq!(day.round, 2);
        assert_eq!(day.date, NaiveDate::from_ymd_opt(2022, 5, 7).unwrap());
        assert_eq!(day.registration_deadline, at(2022, 5, 5, 0, 0));
        assert_eq!(day.report_deadline, at(2022, 5, 7, 16, 0));
    }

    #[test]
    fn shipped_kpis() {
        let def = shipped();
        let codes: Vec<&str> = def.kpis.iter().map(|k| k.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "land-files-week",
                "online-share",
                "feedback-answered",
                "online-services-applied",
                "initiative-coverage",
                "registration-on-time",
                "report-on-time",
                "satisfaction",
            ]
        );
        let kpi = |code: &str| def.kpis.iter().find(|k| k.code == code).expect(code);
        assert_eq!(kpi("land-files-week").target, Some(70.0));
        assert_eq!(kpi("land-files-week").source, KpiSource::Computed);
        assert_eq!(kpi("online-share").target, None);
        assert_eq!(kpi("online-share").target_note, "tăng dần");
        assert_eq!(kpi("satisfaction").target, None);
        assert_eq!(kpi("satisfaction").source, KpiSource::Measured);
        assert_eq!(kpi("report-on-time").target, Some(100.0));
    }

    #[test]
    fn shipped_tasks_and_agenda() {
        let def = shipped();
        let tasks: Vec<(&str, Option<&str>)> = def
            .tasks
            .iter()
            .map(|t| (t.unit.as_str(), t.kpi.as_deref()))
            .collect();
        assert_eq!(
            tasks,
            [
                ("cd-chinh-quyen", None),
                ("cd-vpdkdd", Some("land-files-week")),
                ("cd-chi-cuc-thue", None),
            ]
        );
        assert!(def.tasks.iter().all(|t| t.volunteer_day == "tb-dot2-2022"));
        assert_eq!(def.agenda.len(), 6);
        assert!(def.agenda.iter().all(|a| a.status == "planned"));
        assert_eq!(def.agenda[1].owner, "Phòng Nội vụ");
        assert!(def.agenda[1].title.contains("Văn hóa công vụ"));
        assert!(!def.fields.is_empty() && !def.activities.is_empty());
    }

    // ----- errors -----------------------------------------------------------------------------

    #[test]
    fn shipped_plan_owners_owe_once_with_their_sentence() {
        let def = shipped();
        let owing = |r: &RequirementDef| {
            def.units
                .iter()
                .filter(|u| r.applies_to.contains(&u.kind))
                .count()
        };
        let counts: Vec<usize> = def.requirements.iter().map(owing).collect();
        // 11 wards + 12 agencies + 4 public-service + 2 vertical; 11 wards + 8 youth bases.
        assert_eq!(counts, [29, 19, 19, 29]);
        for r in &def.requirements {
            assert!(r.basis.starts_with("Mục "), "{} has no sentence", r.code);
        }
        let base_of = |code: &str| {
            def.units
                .iter()
                .find(|b| b.acts_for.iter().any(|c| c == code))
                .map(|b| b.code.as_str())
        };
        assert_eq!(base_of("chi-cuc-thue"), Some("cd-chi-cuc-thue"));
        assert_eq!(base_of("cn-vpdkdd"), Some("cd-vpdkdd"));
        assert_eq!(base_of("phong-noi-vu"), Some("cd-chinh-quyen"));
        assert_eq!(base_of("p-tan-quy"), None);
        // Every agency, public-service and vertical unit has the base that does its Saturday.
        for u in def
            .units
            .iter()
            .filter(|u| ["agency", "public_service", "vertical"].contains(&u.kind.code()))
        {
            assert!(base_of(&u.code).is_some(), "{} has no youth base", u.code);
        }
    }

    /// Lines 1–2 of every broken file below; what a test appends starts on line 3.
    const HEAD: &str = "schema = 1\n\
        campaign = { code = \"X\", title = \"T\", short_title = \"S\", district = \"D\", \
        city = \"C\", issued_on = \"2022-04-29\", starts_on = \"2022-04-01\", \
        ends_on = \"2022-12-31\", timezone = \"Asia/Ho_Chi_Minh\" }\n";

    /// Lines 3–7 (a blank line, then the table): one valid unit.
    const UNIT: &str = "\n[[units]]\ncode = \"a\"\nname = \"A\"\nkind = \"ward\"\n";

    /// Lines 8–15 after HEAD and UNIT: one valid volunteer day.
    const DAY: &str = "[[volunteer_days]]\ncode = \"d\"\nround = 2\ndate = \"2022-05-07\"\n\
        title = \"T\"\nhost = \"H\"\nregistration_deadline = \"2022-05-05T00:00:00+07:00\"\n\
        report_deadline = \"2022-05-07T16:00:00+07:00\"\n";

    /// Lines 1–7; what a test appends starts on line 8.
    fn base() -> String {
        format!("{HEAD}{UNIT}")
    }

    /// The problem alone, as `--lang en` says it.
    fn english(err: &CampaignFileError) -> String {
        strings(Lang::En).campaign_problem(&err.problem)
    }

    /// Parses a file that must fail, and checks the line and part of the message.
    fn fails(text: &str, line: usize, fragment: &str) -> CampaignFileError {
        let err = parse(text, "test.toml").expect_err("the file should be refused");
        assert_eq!(err.line, line, "wrong line for: {err}\n---\n{text}");
        let message = english(&err);
        assert!(
            message.contains(fragment),
            "message {message:?} lacks {fragment:?}"
        );
        err
    }

    #[test]
    fn minimal_file_parses() {
        let def = parse(&format!("{}{DAY}", base()), "test.toml").expect("valid");
        assert_eq!(def.units.len(), 1);
        assert_eq!(def.volunteer_days[0].round, 2);
        assert_eq!(def.agenda, vec![]);
    }

    #[test]
    fn shipped_document_header_is_the_plans_signer() {
        let d = shipped().document;
        assert_eq!(d.superior_body, "THÀNH ĐOÀN TP. HỒ CHÍ MINH");
        assert_eq!(d.issuing_body, "BCH ĐOÀN QUẬN TÂN PHÚ");
        assert_eq!(d.motto, DocumentInfo::YOUTH_UNION);
        assert_eq!(d.number_suffix, "BC/ĐTN");
        assert_eq!(d.place, "Tân Phú");
        assert_eq!(d.signer_on_behalf, "TM. BAN THƯỜNG VỤ QUẬN ĐOÀN");
        assert_eq!(d.signer_role, "BÍ THƯ");
        assert_eq!(d.signer_name, "Nguyễn Hải Đăng");
        assert_eq!(
            d.recipients.first().map(String::as_str),
            Some("Thành Đoàn: Ban Công nhân lao động, Văn phòng")
        );
        assert_eq!(d.recipients.last().map(String::as_str), Some("Lưu VP"));
    }

    #[test]
    fn document_is_optional_and_checked() {
        let def = parse(&base(), "test.toml").expect("no [document]");
        assert_eq!(def.document, DocumentInfo::default());
        let with = |body: &str| format!("{}[document]\n{body}", base());
        let def = parse(&with("place = \" Sơn Kỳ \"\n"), "test.toml").expect("valid");
        assert_eq!(def.document.place, "Sơn Kỳ");
        assert_eq!(
            def.document.motto, "ĐOÀN TNCS HỒ CHÍ MINH",
            "the motto defaults"
        );
        assert_eq!(def.document.number_suffix, "BC");
        fails(&with("signer = \"A\"\n"), 9, "unknown field `signer`");
        fails(
            &with("number_suffix = \"-BC/ĐTN\"\n"),
            9,
            "does not read after",
        );
        fails(&with("number_suffix = \"BC / ĐTN\"\n"), 9, "leading dash");
        fails(
            &with("recipients = [\"UBND quận\", \" \"]\n"),
            9,
            "document.recipients[1]: must not be empty",
        );
    }

    #[test]
    fn syntax_error_names_its_line() {
        let text = "schema = 1\n[campaign]\ncode = \"X\"\ntitle = \"unclosed\n";
        let err = fails(text, 4, "");
        assert_eq!(err.file, "test.toml");
        assert_eq!(
            err.to_string(),
            format!("test.toml:4:{}: {}", err.column, english(&err))
        );
    }

    #[test]
    fn schema_must_be_present_and_one() {
        fails("[campaign]\ncode = \"X\"\n", 1, "schema = 1");
        let text = base().replacen("schema = 1", "schema = 2", 1);
        let err = fails(&text, 1, "reads schema 1, found 2");
        assert_eq!(err.column, 10);
        // A newer file is refused for its schema, not for keys this version lacks.
        fails("\n\nschema = 2\nnew_section = {}\n", 3, "schema");
    }

    #[test]
    fn wrong_type_names_its_line() {
        let text = format!("{}{}", base(), DAY.replace("round = 2", "round = \"two\""));
        fails(&text, 10, "write a whole number");
    }

    #[test]
    fn missing_key_names_its_table() {
        let text = format!("{HEAD}\n[[units]]\ncode = \"a\"\nname = \"A\"\n");
        fails(&text, 4, "missing field `kind`");
        // issued_on missing from the inline campaign table on line 2.
        let text = base().replace("issued_on = \"2022-04-29\", ", "");
        fails(&text, 2, "missing field `issued_on`");
    }

    #[test]
    fn unknown_key_names_its_line() {
        let text = format!("{}colour = \"red\"\n", base());
        fails(&text, 8, "unknown field `colour`");
        fails(
            &format!("{}[extras]\n", base()),
            8,
            "unknown field `extras`",
        );
    }

    #[test]
    fn duplicate_unit_code_on_line_9() {
        let text = format!(
            "{}[[units]]\ncode = \"a\"\nname = \"B\"\nkind = \"agency\"\n",
            base()
        );
        let err = fails(
            &text,
            9,
            "duplicate unit code \"a\" (first defined on line 5)",
        );
        assert_eq!(err.column, 8);
    }

    #[test]
    fn duplicate_codes_in_every_section() {
        let twice = |block: &str| format!("{}{DAY}{block}{block}", base());
        let field = "[[fields]]\ncode = \"f\"\nname = \"F\"\n";
        fails(&twice(field), 20, "duplicate field code");
        let activity = "[[activities]]\ncode = \"x\"\nname = \"X\"\n";
        fails(&twice(activity), 20, "duplicate activity code");
        let kpi = "[[kpis]]\ncode = \"k\"\nname = \"K\"\ndefinition = \"D\"\nnumerator = \"N\"\n\
            denominator = \"M\"\nsource = \"measured\"\n";
        fails(&twice(kpi), 24, "duplicate KPI code");
        let req = "[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
            source = \"manual\"\napplies_to = [\"ward\"]\n";
        fails(&twice(req), 23, "duplicate requirement code");
        fails(
            &format!("{}{DAY}{DAY}", base()),
            17,
            "duplicate volunteer day code",
        );
    }

    #[test]
    fn codes_must_be_slugs() {
        let text = base().replace("code = \"a\"", "code = \"Hiệp Tân\"");
        fails(&text, 5, "not a valid code");
    }

    #[test]
    fn references_must_exist() {
        let task = |unit: &str, day: &str, kpi: &str| {
            format!(
                "{}{DAY}[[tasks]]\nunit = \"{unit}\"\nvolunteer_day = \"{day}\"\ntitle = \"T\"\n{kpi}",
                base()
            )
        };
        fails(&task("zz", "d", ""), 17, "unknown unit \"zz\"");
        fails(&task("a", "zz", ""), 18, "unknown volunteer day \"zz\"");
        fails(&task("a", "d", "kpi = \"zz\"\n"), 20, "unknown KPI \"zz\"");
        parse(&task("a", "d", ""), "test.toml").expect("a task with valid references");
        let req = format!(
            "{}{DAY}[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
             source = \"quick_report\"\napplies_to = [\"ward\"]\nvolunteer_day = \"zz\"\n",
            base()
        );
        fails(&req, 22, "unknown volunteer day \"zz\"");
    }

    #[test]
    fn dates_must_be_valid() {
        let text = base().replace("2022-04-29", "2022-02-30");
        fails(&text, 2, "\"2022-02-30\" is not a valid date");
        let text = base().replace("issued_on = \"2022-04-29\"", "issued_on = 20220429");
        fails(&text, 2, "expected a date");
    }

    #[test]
    fn campaign_must_not_end_before_it_starts() {
        let text = base().replace("2022-12-31", "2022-03-31");
        fails(
            &text,
            2,
            "ends_on: 2022-03-31 is before starts_on 2022-04-01",
        );
    }

    #[test]
    fn volunteer_day_is_a_saturday_inside_the_campaign() {
        let text = format!("{}{}", base(), DAY.replace("2022-05-07\"", "2022-05-06\""));
        fails(&text, 11, "2022-05-06 is a Friday, not a Saturday");
        let text = format!("{}{}", base(), DAY.replace("2022-05-07\"", "2023-01-07\""));
        fails(&text, 11, "outside the campaign");
        let text = format!("{}{}", base(), DAY.replace("round = 2", "round = 0"));
        fails(&text, 10, "round");
    }

    #[test]
    fn deadlines_need_an_offset_and_order() {
        let no_offset = DAY.replace("2022-05-05T00:00:00+07:00", "2022-05-05T00:00:00");
        fails(&format!("{}{no_offset}", base()), 14, "UTC offset");
        let late = DAY.replace("2022-05-05T00:00:00+07:00", "2022-05-08T00:00:00+07:00");
        fails(&format!("{}{late}", base()), 14, "is after report_deadline");
        let req = format!(
            "{}[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
             source = \"manual\"\napplies_to = [\"ward\"]\ndeadline = \"tomorrow\"\n",
            base()
        );
        fails(&req, 14, "not a date-time");
    }

    #[test]
    fn requirement_volunteer_day_iff_source_needs_it() {
        let req = |source: &str, day: &str| {
            format!(
                "{}{DAY}[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
                 source = \"{source}\"\napplies_to = [\"ward\"]\n{day}",
                base()
            )
        };
        fails(
            &req("volunteer_registration", ""),
            20,
            "required when source",
        );
        fails(
            &req("manual", "volunteer_day = \"d\"\n"),
            22,
            "only allowed when",
        );
        fails(&req("by_phone", ""), 20, "unknown source \"by_phone\"");
        parse(&req("quick_report", "volunteer_day = \"d\"\n"), "test.toml").expect("valid");
    }

    #[test]
    fn applies_to_is_non_empty_with_known_kinds() {
        let req = |kinds: &str| {
            format!(
                "{}[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
                 source = \"manual\"\napplies_to = {kinds}\n",
                base()
            )
        };
        fails(&req("[]"), 13, "at least one unit kind");
        fails(
            &req("[\"ward\", \"school\"]"),
            13,
            "unknown kind \"school\"",
        );
        fails(&req("[\"ward\", \"ward\"]"), 13, "listed twice");
    }

    #[test]
    fn unknown_unit_kind_message_lists_the_kinds() {
        let text = base().replace("kind = \"ward\"", "kind = \"school\"");
        let err = fails(&text, 7, "");
        assert_eq!(
            english(&err),
            "units[0].kind: unknown kind \"school\" \
             (expected one of ward, agency, public_service, vertical, youth_base)"
        );
    }

    #[test]
    fn short_header_fits_ten_columns() {
        let text = format!(
            "{}[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"Đăng ký thi đua\"\n\
             source = \"manual\"\napplies_to = [\"ward\"]\n",
            base()
        );
        fails(&text, 11, "columns wide");
    }

    #[test]
    fn kpi_target_is_a_percentage() {
        let kpi = |target: &str| {
            format!(
                "{}[[kpis]]\ncode = \"k\"\nname = \"K\"\ndefinition = \"D\"\nnumerator = \"N\"\n\
                 denominator = \"M\"\nsource = \"computed\"\ntarget = {target}\n",
                base()
            )
        };
        fails(&kpi("120"), 15, "between 0 and 100");
        fails(&kpi("-1.5"), 15, "between 0 and 100");
        let ok = parse(&kpi("70"), "test.toml").expect("an integer target is fine");
        assert_eq!(ok.kpis[0].target, Some(70.0));
        fails(
            &kpi("70").replace("computed", "guessed"),
            14,
            "expected computed or measured",
        );
    }

    #[test]
    fn agenda_status_is_known() {
        let item = |status: &str| {
            format!(
                "{}[[agenda]]\ntitle = \"T\"\nowner = \"O\"\n{status}",
                base()
            )
        };
        fails(
            &item("status = \"postponed\"\n"),
            11,
            "unknown status \"postponed\"",
        );
        let ok = parse(&item(""), "test.toml").expect("status defaults");
        assert_eq!(ok.agenda[0].status, "planned");
        let ok = parse(
            &item("status = \"in_progress\"\ndate = 2022-05-10\n"),
            "test.toml",
        )
        .expect("bare TOML dates are accepted");
        assert_eq!(ok.agenda[0].date, NaiveDate::from_ymd_opt(2022, 5, 10));
    }

    #[test]
    fn names_and_titles_must_not_be_blank() {
        let text = base().replace("name = \"A\"", "name = \"   \"");
        fails(&text, 6, "units[0].name: must not be empty");
        let text = format!("{}[[agenda]]\ntitle = \"\"\nowner = \"O\"\n", base());
        fails(&text, 9, "agenda[0].title: must not be empty");
    }

    #[test]
    fn unit_phone_is_a_vietnamese_number() {
        let with_phone = |phone: &str| format!("{}phone = \"{phone}\"\n", base());
        fails(&with_phone("0703.652.44"), 8, "9 digits");
        fails(&with_phone("7703652444"), 8, "does not start with 0");
        fails(&with_phone("0703-652-444"), 8, "contains '-'");
        for ok in ["0703.652.444", "0703 652 444", ""] {
            let def = parse(&with_phone(ok), "test.toml").expect(ok);
            assert_eq!(def.units[0].phone, ok);
        }
    }

    #[test]
    fn at_least_one_unit() {
        let err = fails(HEAD, 3, "at least one [[units]]");
        assert_eq!(err.column, 1);
    }

    #[test]
    fn text_is_nfc_and_trimmed() {
        // "Hòa" written with a combining grave accent, padded with spaces.
        let text = base().replace("name = \"A\"", "name = \"  UBND phường Ho\u{300}a Thạnh \"");
        let def = parse(&text, "test.toml").expect("valid");
        assert_eq!(def.units[0].name, "UBND phường Hòa Thạnh");
        assert!(unicode_normalization::is_nfc(&def.units[0].name));
    }

    #[test]
    fn bare_toml_datetimes_are_accepted() {
        let day = DAY
            .replace("\"2022-05-07\"", "2022-05-07")
            .replace("\"2022-05-05T00:00:00+07:00\"", "2022-05-05T00:00+07:00");
        let def = parse(&format!("{}{day}", base()), "test.toml").expect("valid");
        assert_eq!(
            def.volunteer_days[0].registration_deadline,
            at(2022, 5, 5, 0, 0)
        );
    }

    #[test]
    fn serde_key_messages_become_typed_problems() {
        let text = format!("{HEAD}\n[[units]]\ncode = \"a\"\nname = \"A\"\n");
        let err = fails(&text, 4, "missing field `kind`");
        assert_eq!(err.problem, CampaignProblem::MissingKey("kind".into()));
        let err = fails(&format!("{}colour = \"red\"\n", base()), 8, "colour");
        let CampaignProblem::UnknownKey { key, expected } = &err.problem else {
            panic!("{:?}", err.problem);
        };
        assert_eq!(key, "colour");
        assert!(expected.iter().any(|k| k == "kind"), "{expected:?}");
    }

    #[test]
    fn problems_are_said_in_vietnamese_too() {
        let vi = strings(Lang::Vi);
        let text = base().replace("kind = \"ward\"", "kind = \"school\"");
        let err = fails(&text, 7, "");
        assert_eq!(
            err.message(vi),
            "test.toml:7:8: `units[0].kind`: loại «school» không có \
             (cần là một trong: ward, agency, public_service, vertical, youth_base)"
        );
        let err = fails(
            &format!("{}{}", base(), DAY.replace("2022-05-07\"", "2022-05-06\"")),
            11,
            "",
        );
        assert!(
            err.message(vi)
                .contains("2022-05-06 là thứ Sáu, không phải thứ Bảy"),
            "{}",
            err.message(vi)
        );
        let err = fails("schema = 1\n[campaign\n", 2, "");
        assert!(
            err.message(vi).contains("thiếu dấu `]` đóng"),
            "{}",
            err.message(vi)
        );
    }

    /// The slips the TOML reader itself catches are said in the officer's language, with the
    /// key they are on and what to write instead; none of the reader's English is left.
    #[test]
    fn reader_slips_are_said_with_what_to_write() {
        let vi = strings(Lang::Vi);
        let day = |from: &str, to: &str| format!("{}{}", base(), DAY.replace(from, to));
        let cases: Vec<(String, usize, &str, &str)> = vec![
            (
                day("round = 2", "round = \"hai\""),
                10,
                "`round`: «hai» không dùng được ở đây: viết một số nguyên, không ngoặc kép, ví dụ `round = 2`",
                "round: \"hai\" does not fit here: write a whole number, without quotes, e.g. `round = 2`",
            ),
            (
                day("round = 2", "round = 1.5"),
                10,
                "viết một số nguyên",
                "write a whole number",
            ),
            (
                day("title = \"T\"", "title = 5"),
                12,
                "`title`: «5» không dùng được ở đây: đặt chữ trong ngoặc kép, ví dụ `title = \"…\"`",
                "put text in double quotes",
            ),
            (
                base().replace("name = \"A\"", "name = \"A\"\nacts_for = \"b\""),
                7,
                "viết một danh sách trong ngoặc vuông, ví dụ `acts_for = [",
                "write a list in square brackets",
            ),
            (
                day("round = 2", "round = 2\nround = 3"),
                11,
                "khoá `round` được viết hai lần trong cùng một mục",
                "key `round` is given twice",
            ),
            (
                format!("{}\n[campaign]\n", base()),
                9,
                "mục `[campaign]` được viết hai lần",
                "table `[campaign]` is written twice",
            ),
            (
                day("title = \"T\"", "title = T"),
                12,
                "`title`: thiếu giá trị hoặc chữ chưa đặt trong ngoặc kép: viết `title = \"…\"`",
                "its text is not quoted",
            ),
            (
                day("title = \"T\"", "title = "),
                12,
                "`title`: thiếu giá trị",
                "the value is missing",
            ),
            (
                day("title = \"T\"", "title = \"T"),
                12,
                "`title`: chữ mở ngoặc kép mà không đóng",
                "is not closed on its line",
            ),
            (
                day("title = \"T\"", "title = \"C:\\q\""),
                12,
                "`title`: dấu `\\` trong ngoặc kép",
                "must be followed by",
            ),
        ];
        for (text, line, in_vi, in_en) in cases {
            let err = fails(&text, line, in_en);
            let said = err.message(vi);
            assert!(said.contains(in_vi), "{said}\n---\n{text}");
            assert!(!said.contains("expected"), "reader's English left: {said}");
        }
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("ab\nĐặng x", 3 + "Đặng ".len()), (2, 6));
        assert_eq!(line_column("ab", 99), (1, 3));
        // An offset inside a multi-byte character is pulled back to its start.
        assert_eq!(line_column("Đ", 1), (1, 1));
    }

    #[test]
    fn line_index_agrees_with_counting() {
        let text = "ab\nĐặng x\n\n\nlast";
        let src = Source::new(text, "t.toml");
        for offset in 0..text.len() + 3 {
            assert_eq!(
                src.line_of(&(offset..offset)),
                line_column(text, offset).0,
                "offset {offset}"
            );
        }
    }

    /// A base `b` after HEAD and UNIT (lines 8–12), acting for `acts`.
    fn with_base(acts: &str, kind: &str) -> String {
        format!(
            "{}\n[[units]]\ncode = \"b\"\nname = \"B\"\nkind = \"{kind}\"\nacts_for = {acts}\n",
            base()
        )
    }

    #[test]
    fn acts_for_is_checked() {
        let def = parse(&with_base("[\"a\"]", "youth_base"), "t.toml").expect("valid");
        assert_eq!(def.units[1].acts_for, ["a"]);
        fails(&with_base("[\"a\"]", "agency"), 13, "only a youth base");
        fails(&with_base("[\"zz\"]", "youth_base"), 13, "\"zz\"");
        fails(&with_base("[\"b\"]", "youth_base"), 13, "is a youth base");
        let twice = format!(
            "{}\n[[units]]\ncode = \"c\"\nname = \"C\"\nkind = \"youth_base\"\nacts_for = [\"a\"]\n",
            with_base("[\"a\"]", "youth_base")
        );
        fails(&twice, 19, "already has youth base \"b\"");
    }

    #[test]
    fn a_base_and_its_unit_never_owe_the_same_requirement() {
        let text = format!(
            "{}\n[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
             source = \"manual\"\napplies_to = [\"ward\", \"youth_base\"]\n",
            with_base("[\"a\"]", "youth_base")
        );
        fails(
            &text,
            20,
            "one organisation does not owe the same thing twice",
        );
        let fine = text.replace("[\"ward\", \"youth_base\"]", "[\"ward\"]");
        parse(&fine, "t.toml").expect("owed by the ward alone");
    }

    // ----- the campaign's own kinds -----------------------------------------------------------

    /// Lines 3–12 after HEAD: a ward's two kinds, the second its youth base.
    const KINDS: &str = "\n[[unit_kinds]]\ncode = \"khu_pho\"\nname = \"Khu phố\"\nshort = \"KP\"\n\
        \n[[unit_kinds]]\ncode = \"co_so_doan\"\nname = \"Cơ sở Đoàn\"\nyouth_base = true\n";

    /// Lines 13–17 after HEAD and KINDS: a unit of `kind` (on line 17).
    fn unit_of(kind: &str) -> String {
        format!("\n[[units]]\ncode = \"a\"\nname = \"A\"\nkind = \"{kind}\"\n")
    }

    #[test]
    fn a_file_without_kinds_has_plan_115s() {
        let def = parse(&base(), "t.toml").expect("valid");
        assert_eq!(def.kinds, Kinds::plan_115());
        assert_eq!(shipped().kinds, Kinds::plan_115());
        let s = strings(Lang::Vi);
        assert_eq!(
            s.unit_kind(&def.kinds, &UnitKind::from("ward")),
            "UBND phường"
        );
        assert_eq!(
            s.unit_kind_short(&def.kinds, &UnitKind::from("agency")),
            "CQCM"
        );
        let n = strings(Lang::En);
        assert_eq!(
            n.unit_kind(&def.kinds, &UnitKind::from("youth_base")),
            "Youth Union base"
        );
        assert_eq!(
            n.unit_kind_short(&def.kinds, &UnitKind::from("public_service")),
            "Public svc"
        );
    }

    #[test]
    fn declared_kinds_replace_the_plans() {
        let text = format!("{HEAD}{KINDS}{}", unit_of("khu_pho"));
        let def = parse(&text, "t.toml").expect("valid");
        let codes: Vec<&str> = def.kinds.kinds().map(UnitKind::code).collect();
        assert_eq!(codes, ["khu_pho", "co_so_doan"]);
        let kp = UnitKind::from("khu_pho");
        assert_eq!(def.kinds.short(&kp, false), "KP");
        assert_eq!(
            def.kinds.name(&kp, true),
            "Khu phố",
            "no English label: the Vietnamese"
        );
        assert!(def.kinds.is_youth_base(&UnitKind::from("co_so_doan")));
        assert!(!def.kinds.is_youth_base(&kp));
        assert_eq!(def.units[0].kind, kp);
    }

    #[test]
    fn kinds_are_checked_with_their_line() {
        let dup = format!("{HEAD}{KINDS}\n[[unit_kinds]]\ncode = \"khu_pho\"\nname = \"X\"\n");
        fails(
            &dup,
            15,
            "duplicate unit kind code \"khu_pho\" (first defined on line 5)",
        );
        let two_bases = format!(
            "{HEAD}{KINDS}\n[[unit_kinds]]\ncode = \"truong\"\nname = \"T\"\nyouth_base = true\n"
        );
        fails(&two_bases, 17, "and \"co_so_doan\" already does");
        let unnamed = format!("{HEAD}\n[[unit_kinds]]\ncode = \"kp\"\nname = \" \"\n");
        fails(&unnamed, 6, "unit_kinds[0].name");
        let bad_code = format!("{HEAD}\n[[unit_kinds]]\ncode = \"Khu phố\"\nname = \"K\"\n");
        fails(&bad_code, 5, "unit_kinds[0].code");
    }

    #[test]
    fn an_undeclared_kind_lists_the_declared_ones() {
        let err = fails(
            &format!("{HEAD}{KINDS}{}", unit_of("ward")),
            17,
            "unknown kind \"ward\" (expected khu_pho or co_so_doan)",
        );
        assert!(
            strings(Lang::Vi)
                .campaign_problem(&err.problem)
                .contains("(cần là khu_pho hoặc co_so_doan)"),
            "{err:?}"
        );
        let requirement = format!(
            "{HEAD}{KINDS}{}\n[[requirements]]\ncode = \"r\"\ntitle = \"R\"\nshort = \"R\"\n\
             source = \"manual\"\napplies_to = [\"khu_pho\", \"truong\"]\n",
            unit_of("khu_pho")
        );
        fails(
            &requirement,
            24,
            "requirements[0].applies_to[1]: unknown kind \"truong\"",
        );
    }

    #[test]
    fn only_the_declared_youth_base_acts_for_units() {
        let base = |kind: &str| {
            format!(
                "{HEAD}{KINDS}{}\n[[units]]\ncode = \"b\"\nname = \"B\"\nkind = \"{kind}\"\n\
                 acts_for = [\"a\"]\n",
                unit_of("khu_pho")
            )
        };
        let def = parse(&base("co_so_doan"), "t.toml").expect("valid");
        assert_eq!(def.units[1].acts_for, ["a"]);
        fails(
            &base("khu_pho"),
            23,
            "only a youth base (kind = \"co_so_doan\")",
        );
        let no_base = format!(
            "{HEAD}\n[[unit_kinds]]\ncode = \"khu_pho\"\nname = \"Khu phố\"\n{}\
             \n[[units]]\ncode = \"b\"\nname = \"B\"\nkind = \"khu_pho\"\nacts_for = [\"a\"]\n",
            unit_of("khu_pho")
        );
        fails(&no_base, 17, "no unit kind is one");
    }
}
