//! Writes a [`CampaignDef`] back as a campaign file, in the shipped file's sections, key
//! order and style, so that `campaign_file::parse` reads back the same campaign. One function
//! per section: a new section is one more function and one more line in [`write`].

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

use crate::domain::campaign::{
    AgendaDef, CampaignDef, CampaignInfo, DocumentInfo, KpiDef, NamedDef, RequirementDef, TaskDef,
    UnitDef, VolunteerDayDef,
};
use crate::domain::time::local_offset;
use crate::domain::unit::KindDef;
use crate::i18n::{Lang, strings};

const RULE: &str = "# ---------------------------------------------------------------------------";

/// The campaign file for `def`, its comments in `lang`.
pub fn write(def: &CampaignDef, lang: Lang) -> String {
    let s = strings(lang);
    let mut out = String::new();
    comment(&mut out, s.ct_header);
    out.push_str("\nschema = 1\n\n");
    comment(&mut out, s.ct_campaign);
    campaign(&mut out, &def.campaign);
    header(&mut out, s.ct_document);
    document(&mut out, &def.document);
    header(&mut out, s.ct_fields);
    named(&mut out, "fields", &def.fields);
    header(&mut out, s.ct_activities);
    named(&mut out, "activities", &def.activities);
    header(&mut out, s.ct_unit_kinds);
    def.kinds.iter().for_each(|k| unit_kind(&mut out, k));
    header(&mut out, s.ct_units);
    def.units.iter().for_each(|u| unit(&mut out, u));
    header(&mut out, s.ct_volunteer_days);
    def.volunteer_days
        .iter()
        .for_each(|d| volunteer_day(&mut out, d));
    header(&mut out, s.ct_requirements);
    def.requirements
        .iter()
        .for_each(|r| requirement(&mut out, r));
    header(&mut out, s.ct_tasks);
    def.tasks.iter().for_each(|t| task(&mut out, t));
    header(&mut out, s.ct_kpis);
    def.kpis.iter().for_each(|k| kpi(&mut out, k));
    header(&mut out, s.ct_agenda);
    def.agenda.iter().for_each(|a| agenda(&mut out, a));
    out
}

// ----- sections ------------------------------------------------------------------------------

fn campaign(out: &mut String, c: &CampaignInfo) {
    out.push_str("[campaign]\n");
    key(out, "code", &c.code);
    key(out, "title", &c.title);
    key(out, "short_title", &c.short_title);
    key(out, "district", &c.district);
    key(out, "city", &c.city);
    raw(out, "issued_on", &date(c.issued_on));
    raw(out, "starts_on", &date(c.starts_on));
    raw(out, "ends_on", &date(c.ends_on));
    key(out, "timezone", &c.timezone);
    raw(out, "organisers", &list(&c.organisers));
    optional(out, "contact_name", &c.contact_name);
    optional(out, "contact_role", &c.contact_role);
    optional(out, "contact_phone", &c.contact_phone);
}

/// Every key is written, blank ones too: a missing motto or suffix would read back as the
/// Youth Union default, not as the blank the store holds.
fn document(out: &mut String, d: &DocumentInfo) {
    out.push_str("[document]\n");
    key(out, "superior_body", &d.superior_body);
    key(out, "issuing_body", &d.issuing_body);
    key(out, "motto", &d.motto);
    key(out, "number_suffix", &d.number_suffix);
    key(out, "place", &d.place);
    key(out, "signer_on_behalf", &d.signer_on_behalf);
    key(out, "signer_role", &d.signer_role);
    key(out, "signer_name", &d.signer_name);
    if d.recipients.is_empty() {
        out.push_str("recipients = []\n");
    } else {
        // One recipient a line, as "Nơi nhận" prints them.
        out.push_str("recipients = [\n");
        for r in &d.recipients {
            out.push_str(&format!("    {},\n", string(r)));
        }
        out.push_str("]\n");
    }
}

fn named(out: &mut String, section: &str, list: &[NamedDef]) {
    for n in list {
        out.push_str(&format!("\n[[{section}]]\n"));
        key(out, "code", &n.code);
        key(out, "name", &n.name);
    }
}

/// Every kind is written, the default ones too, so a file written from a store says what the
/// store holds rather than relying on the default.
fn unit_kind(out: &mut String, k: &KindDef) {
    out.push_str("\n[[unit_kinds]]\n");
    key(out, "code", k.kind.code());
    key(out, "name", &k.name);
    optional(out, "short", &k.short);
    optional(out, "name_en", &k.name_en);
    optional(out, "short_en", &k.short_en);
    if k.youth_base {
        raw(out, "youth_base", "true");
    }
}

fn unit(out: &mut String, u: &UnitDef) {
    out.push_str("\n[[units]]\n");
    key(out, "code", &u.code);
    key(out, "name", &u.name);
    key(out, "kind", u.kind.code());
    optional(out, "contact_person", &u.contact_person);
    optional(out, "phone", &u.phone);
    if !u.acts_for.is_empty() {
        raw(out, "acts_for", &list(&u.acts_for));
    }
}

fn volunteer_day(out: &mut String, d: &VolunteerDayDef) {
    out.push_str("\n[[volunteer_days]]\n");
    key(out, "code", &d.code);
    raw(out, "round", &d.round.to_string());
    raw(out, "date", &date(d.date));
    key(out, "title", &d.title);
    key(out, "host", &d.host);
    raw(
        out,
        "registration_deadline",
        &instant(d.registration_deadline),
    );
    raw(out, "report_deadline", &instant(d.report_deadline));
}

fn requirement(out: &mut String, r: &RequirementDef) {
    out.push_str("\n[[requirements]]\n");
    key(out, "code", &r.code);
    key(out, "title", &r.title);
    key(out, "short", &r.short);
    key(out, "source", r.source.code());
    let kinds: Vec<&str> = r.applies_to.iter().map(|k| k.code()).collect();
    raw(out, "applies_to", &list(&kinds));
    if let Some(d) = r.deadline {
        raw(out, "deadline", &instant(d));
    }
    if let Some(day) = &r.volunteer_day {
        key(out, "volunteer_day", day);
    }
    optional(out, "evidence", &r.evidence);
    optional(out, "basis", &r.basis);
}

fn task(out: &mut String, t: &TaskDef) {
    out.push_str("\n[[tasks]]\n");
    key(out, "unit", &t.unit);
    key(out, "volunteer_day", &t.volunteer_day);
    key(out, "title", &t.title);
    optional(out, "description", &t.description);
    if let Some(k) = &t.kpi {
        key(out, "kpi", k);
    }
    if !t.figures.is_empty() {
        let codes: Vec<&str> = t.figures.iter().map(|m| m.code()).collect();
        raw(out, "figures", &list(&codes));
    }
}

fn kpi(out: &mut String, k: &KpiDef) {
    out.push_str("\n[[kpis]]\n");
    key(out, "code", &k.code);
    key(out, "name", &k.name);
    key(out, "definition", &k.definition);
    key(out, "numerator", &k.numerator);
    key(out, "denominator", &k.denominator);
    if let Some(t) = k.target {
        // Debug keeps a decimal point ("70.0") and prints the shortest text that reads back
        // as the same number.
        raw(out, "target", &format!("{t:?}"));
    }
    optional(out, "target_note", &k.target_note);
    key(out, "source", k.source.code());
}

fn agenda(out: &mut String, a: &AgendaDef) {
    out.push_str("\n[[agenda]]\n");
    key(out, "title", &a.title);
    key(out, "owner", &a.owner);
    if let Some(d) = a.date {
        raw(out, "date", &date(d));
    }
    key(out, "status", &a.status);
    optional(out, "note", &a.note);
}

// ----- values --------------------------------------------------------------------------------

fn key(out: &mut String, name: &str, value: &str) {
    raw(out, name, &string(value));
}

/// A key the parser reads as empty when it is left out, so an empty value is not written.
fn optional(out: &mut String, name: &str, value: &str) {
    if !value.is_empty() {
        key(out, name, value);
    }
}

fn raw(out: &mut String, name: &str, value: &str) {
    out.push_str(&format!("{name} = {value}\n"));
}

/// A section's comment between two rules, as the shipped file sets them off.
fn header(out: &mut String, text: &str) {
    out.push('\n');
    out.push_str(RULE);
    out.push('\n');
    comment(out, text);
    out.push_str(RULE);
    out.push('\n');
}

/// A TOML comment may hold no control character but TAB, and a line break would end it: any
/// such character becomes a space, and each line of `text` becomes one comment line.
fn comment(out: &mut String, text: &str) {
    for line in text.split('\n') {
        let line: String = line
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        out.push_str(format!("# {line}").trim_end());
        out.push('\n');
    }
}

/// A TOML basic string. Quotes and backslashes are escaped, and so is every control
/// character (TOML forbids most of them raw; the rest would be invisible to the officer).
pub fn string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if c.is_control() => s.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

fn list<T: AsRef<str>>(items: &[T]) -> String {
    let items: Vec<String> = items.iter().map(|i| string(i.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

fn date(d: NaiveDate) -> String {
    string(&d.format("%Y-%m-%d").to_string())
}

/// In campaign time, as the shipped file writes deadlines ("2022-05-05T00:00:00+07:00").
fn instant(t: DateTime<FixedOffset>) -> String {
    string(
        &t.with_timezone(&local_offset())
            .to_rfc3339_opts(SecondsFormat::AutoSi, false),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::campaign_file::{parse, shipped};

    fn round_trip(def: &CampaignDef) {
        for lang in [Lang::Vi, Lang::En] {
            let text = write(def, lang);
            let back = parse(&text, "x.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(&back, def);
        }
    }

    #[test]
    fn the_shipped_campaign_reads_back_the_same() {
        round_trip(&shipped());
        let text = write(&shipped(), Lang::Vi);
        assert!(text.starts_with("# "));
        assert!(text.contains("\nschema = 1\n"));
        assert!(text.contains("registration_deadline = \"2022-05-05T00:00:00+07:00\""));
        assert!(text.contains("issued_on = \"2022-04-29\""));
        assert!(text.contains("target = 70.0"));
        assert!(text.contains(strings(Lang::Vi).ct_units.split('\n').next().unwrap_or("")));
        assert!(write(&shipped(), Lang::En).contains("# Participating units."));
    }

    #[test]
    fn awkward_text_reads_back_the_same() {
        let mut def = shipped();
        let awkward = "Nói \"xin chào\" \\ C:\\tmp\\ — Hòa Thạnh 🎉 ''' \"\"\" # [x]";
        def.campaign.title = awkward.into();
        def.units[0].name = awkward.into();
        def.units[0].contact_person = "Trần Thị \"Bé\" Ba".into();
        def.units[0].phone = "0703.652.444".into();
        def.agenda[0].note = "dòng một\ndòng hai\tcó tab\u{7}chuông".into();
        def.document.motto = "CỘNG HÒA\nĐộc lập".into();
        def.document.number_suffix = String::new();
        def.document.recipients = vec!["Lưu: \"VP\"".into()];
        def.kpis[1].target = Some(33.333333333333336);
        round_trip(&def);
        let mut blank = shipped();
        blank.document = DocumentInfo {
            motto: String::new(),
            ..DocumentInfo::default()
        };
        round_trip(&blank);
    }

    #[test]
    fn a_campaigns_own_kinds_read_back_the_same() {
        use crate::domain::unit::{Kinds, UnitKind};
        let mut def = shipped();
        let kind = |code: &str, name: &str, short: &str, en: &str, base: bool| KindDef {
            kind: UnitKind::from(code),
            name: name.into(),
            short: short.into(),
            name_en: en.into(),
            short_en: String::new(),
            youth_base: base,
        };
        def.kinds = Kinds::new(vec![
            kind("khu_pho", "Khu phố", "KP", "Neighbourhood", false),
            kind("truong", "Trường \"học\"", "", "", false),
            kind("co_so_doan", "Cơ sở Đoàn", "CSĐ", "Youth Union base", true),
        ]);
        let to = |code: &str| match code {
            "ward" => "khu_pho",
            "youth_base" => "co_so_doan",
            _ => "truong",
        };
        for u in &mut def.units {
            u.kind = UnitKind::from(to(u.kind.code()));
        }
        for r in &mut def.requirements {
            r.applies_to = r
                .applies_to
                .iter()
                .map(|k| UnitKind::from(to(k.code())))
                .collect();
            r.applies_to.dedup();
        }
        // The plan's owners no longer hold once every agency is a "school": each requirement
        // is owed by one kind, so no base and its unit owe it twice.
        for r in &mut def.requirements {
            r.applies_to.truncate(1);
        }
        round_trip(&def);
        let text = write(&def, Lang::En);
        assert!(
            text.contains("[[unit_kinds]]\ncode = \"co_so_doan\""),
            "{text}"
        );
        assert!(text.contains("youth_base = true"));
        assert!(text.contains("# Unit kinds:"));
        // The plan's own five are written too, so a file written from a store is explicit.
        let shipped_text = write(&shipped(), Lang::Vi);
        assert_eq!(shipped_text.matches("[[unit_kinds]]").count(), 5);
        assert!(shipped_text.contains("code = \"public_service\"\nname = \"Đơn vị sự nghiệp\""));
    }

    #[test]
    fn a_comment_never_breaks_the_file() {
        let mut out = String::new();
        comment(&mut out, "a\rb\u{0}c\nd");
        assert_eq!(out, "# a b c\n# d\n");
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back(text in "\\PC*[\\p{L}\"\\\\]\\PC*", ctl in "[\\x00-\\x1f\\x7f]{0,3}") {
            let text: String = unicode_normalization::UnicodeNormalization::nfc(
                format!("{text}{ctl}x").as_str(),
            )
            .collect::<String>()
            .trim()
            .to_string();
            let mut def = shipped();
            def.units[1].name = text.clone();
            def.agenda[1].note = text;
            let back = parse(&write(&def, Lang::Vi), "x.toml");
            proptest::prop_assert_eq!(back.ok(), Some(def));
        }
    }
}
