//! The campaign as plain data: what a campaign file describes and what seeds a new store.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::unit::{Kinds, UnitKind};

/// Where a checklist requirement gets its "done" evidence from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequirementSource {
    /// A tick the officer sets by hand (with the date it was set).
    Manual,
    /// Done when the unit has at least one initiative in the registry.
    Initiative,
    /// Done when the unit registered its content for the requirement's volunteer day.
    VolunteerRegistration,
    /// Done when the unit's quick report with at least one photo reached the district.
    QuickReport,
}

impl RequirementSource {
    pub const ALL: [RequirementSource; 4] = [
        RequirementSource::Manual,
        RequirementSource::Initiative,
        RequirementSource::VolunteerRegistration,
        RequirementSource::QuickReport,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequirementSource::Manual => "manual",
            RequirementSource::Initiative => "initiative",
            RequirementSource::VolunteerRegistration => "volunteer_registration",
            RequirementSource::QuickReport => "quick_report",
        }
    }

    pub fn from_code(code: &str) -> Option<RequirementSource> {
        RequirementSource::ALL
            .into_iter()
            .find(|s| s.code() == code)
    }

    pub fn needs_volunteer_day(self) -> bool {
        matches!(
            self,
            RequirementSource::VolunteerRegistration | RequirementSource::QuickReport
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignInfo {
    pub code: String,
    pub title: String,
    pub short_title: String,
    pub district: String,
    pub city: String,
    pub issued_on: NaiveDate,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The IANA name the campaign's local times belong to (Asia/Ho_Chi_Minh).
    pub timezone: String,
    pub organisers: Vec<String>,
    pub contact_name: String,
    pub contact_role: String,
    pub contact_phone: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDef {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub contact_person: String,
    pub phone: String,
    /// The codes of the units this youth base acts for (its Youth Union organisation does
    /// their Saturday): empty for every other unit.
    pub acts_for: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VolunteerDayDef {
    pub code: String,
    pub round: u32,
    pub date: NaiveDate,
    pub title: String,
    pub host: String,
    pub registration_deadline: DateTime<FixedOffset>,
    pub report_deadline: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequirementDef {
    pub code: String,
    pub title: String,
    /// Column header in the checklist table: a word or two.
    pub short: String,
    pub source: RequirementSource,
    pub applies_to: Vec<UnitKind>,
    /// None means "during the campaign": the campaign's last moment is the deadline.
    pub deadline: Option<DateTime<FixedOffset>>,
    /// The volunteer day a registration or quick-report requirement is about.
    pub volunteer_day: Option<String>,
    pub evidence: String,
    /// The sentence of the plan the requirement comes from, quoted with its section.
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskDef {
    pub unit: String,
    pub volunteer_day: String,
    pub title: String,
    pub description: String,
    pub kpi: Option<String>,
    /// The Saturday figures that measure the task, in the grid's order.
    pub figures: Vec<crate::domain::figures::Metric>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiSource {
    /// Computed by the app from its own records.
    Computed,
    /// Entered by the officer as dated measurements.
    Measured,
}

impl KpiSource {
    pub fn code(self) -> &'static str {
        match self {
            KpiSource::Computed => "computed",
            KpiSource::Measured => "measured",
        }
    }
    pub fn from_code(code: &str) -> Option<KpiSource> {
        match code {
            "computed" => Some(KpiSource::Computed),
            "measured" => Some(KpiSource::Measured),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct KpiDef {
    pub code: String,
    pub name: String,
    pub definition: String,
    pub numerator: String,
    pub denominator: String,
    /// Target in percent; None when the plan leaves it to the user ("rising", "user sets").
    pub target: Option<f64>,
    pub target_note: String,
    pub source: KpiSource,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgendaDef {
    pub title: String,
    pub owner: String,
    pub date: Option<NaiveDate>,
    pub status: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NamedDef {
    pub code: String,
    pub name: String,
}

/// Everything a campaign file holds, checked for consistency by its loader.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignDef {
    pub campaign: CampaignInfo,
    /// The kinds of unit, in the order declared (plan 115's five when the file names none).
    pub kinds: Kinds,
    pub units: Vec<UnitDef>,
    pub volunteer_days: Vec<VolunteerDayDef>,
    pub requirements: Vec<RequirementDef>,
    pub tasks: Vec<TaskDef>,
    pub kpis: Vec<KpiDef>,
    pub agenda: Vec<AgendaDef>,
    /// Fields (lĩnh vực) of initiatives.
    pub fields: Vec<NamedDef>,
    /// Activities a unit can register for a volunteer day.
    pub activities: Vec<NamedDef>,
    /// The header and signature of the Word report (`[document]`).
    pub document: DocumentInfo,
}

/// What a report written for the organiser's office carries around its body, in the layout
/// of Youth Union documents (Quy định 367-QĐ/TWĐTN-VP, Hướng dẫn 29-HD/TWĐTN-VP): who issues
/// it and under whom, its number's suffix, where it is signed, who signs, who receives it.
/// Every organiser has its own, so none of it is code. An empty text is left as a dotted line
/// for the office to fill by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// Top left, first line: the body directly above the issuer ("THÀNH ĐOÀN TP. HỒ CHÍ MINH").
    pub superior_body: String,
    /// Top left, bold: the issuing body ("BCH ĐOÀN QUẬN TÂN PHÚ").
    pub issuing_body: String,
    /// Top right, bold and underlined: "ĐOÀN TNCS HỒ CHÍ MINH" for a Youth Union body; a line
    /// break (`\n`) splits it, as a state body's national motto needs.
    pub motto: String,
    /// After the number the office fills in: "Số: …-BC/ĐTN".
    pub number_suffix: String,
    /// Before the date: "Tân Phú, ngày 07 tháng 5 năm 2022".
    pub place: String,
    /// The signature's first line, "TM. BAN THƯỜNG VỤ QUẬN ĐOÀN".
    pub signer_on_behalf: String,
    /// The signer's office, "BÍ THƯ".
    pub signer_role: String,
    pub signer_name: String,
    /// "Nơi nhận", one entry a line, in order.
    pub recipients: Vec<String>,
}

impl DocumentInfo {
    /// The top-right line of every Youth Union document.
    pub const YOUTH_UNION: &str = "ĐOÀN TNCS HỒ CHÍ MINH";
    /// A report's symbol ("BC"); the issuer's own letters follow it in a campaign file.
    pub const REPORT_SUFFIX: &str = "BC";
}

/// A campaign without `[document]` (or a store seeded before it) still gets a report in the
/// Youth Union layout: the fixed parts are there, the organiser's own lines are left blank.
impl Default for DocumentInfo {
    fn default() -> Self {
        DocumentInfo {
            superior_body: String::new(),
            issuing_body: String::new(),
            motto: DocumentInfo::YOUTH_UNION.to_string(),
            number_suffix: DocumentInfo::REPORT_SUFFIX.to_string(),
            place: String::new(),
            signer_on_behalf: String::new(),
            signer_role: String::new(),
            signer_name: String::new(),
            recipients: Vec::new(),
        }
    }
}
