//! Units (đơn vị) taking part in the campaign.

use serde::{Deserialize, Serialize};

/// A kind of unit, by its code: what the campaign file and the store use. Which kinds there
/// are, and what they are called, is the campaign's: see [`Kinds`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitKind(String);

impl UnitKind {
    pub fn new(code: impl Into<String>) -> UnitKind {
        UnitKind(code.into())
    }

    pub fn code(&self) -> &str {
        &self.0
    }
}

impl From<&str> for UnitKind {
    fn from(code: &str) -> UnitKind {
        UnitKind::new(code)
    }
}

impl From<String> for UnitKind {
    fn from(code: String) -> UnitKind {
        UnitKind(code)
    }
}

impl std::fmt::Display for UnitKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One kind of unit a campaign declares, with its labels in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindDef {
    pub kind: UnitKind,
    pub name: String,
    /// A word or two, for table columns.
    pub short: String,
    /// Empty: the Vietnamese label is shown in English too.
    pub name_en: String,
    pub short_en: String,
    /// Its units are Youth Union bases (cơ sở Đoàn): only they act for other units.
    pub youth_base: bool,
}

impl KindDef {
    fn new(code: &str, labels: [&str; 4], youth_base: bool) -> KindDef {
        let [name, short, name_en, short_en] = labels.map(str::to_string);
        KindDef {
            kind: UnitKind::new(code),
            name,
            short,
            name_en,
            short_en,
            youth_base,
        }
    }
}

/// The kinds of unit a campaign declares, in the order it declares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kinds(Vec<KindDef>);

impl Kinds {
    pub fn new(defs: Vec<KindDef>) -> Kinds {
        Kinds(defs)
    }

    /// The five kinds plan 115 names, for a campaign file that declares none (and every store
    /// seeded before kinds were campaign data).
    pub fn plan_115() -> Kinds {
        Kinds(vec![
            KindDef::new(
                "ward",
                ["UBND phường", "Phường", "Ward committee", "Ward"],
                false,
            ),
            KindDef::new(
                "agency",
                ["Cơ quan chuyên môn", "CQCM", "Specialised agency", "Agency"],
                false,
            ),
            KindDef::new(
                "public_service",
                [
                    "Đơn vị sự nghiệp",
                    "ĐVSN",
                    "Public service unit",
                    "Public svc",
                ],
                false,
            ),
            KindDef::new(
                "vertical",
                ["Đơn vị ngành dọc", "Ngành dọc", "Vertical unit", "Vertical"],
                false,
            ),
            KindDef::new(
                "youth_base",
                ["Cơ sở Đoàn", "Cơ sở Đoàn", "Youth Union base", "Youth base"],
                true,
            ),
        ])
    }

    pub fn get(&self, kind: &UnitKind) -> Option<&KindDef> {
        self.0.iter().find(|d| &d.kind == kind)
    }

    pub fn contains(&self, kind: &UnitKind) -> bool {
        self.get(kind).is_some()
    }

    /// The kind's full label; the code when the campaign does not declare it.
    pub fn name<'a>(&'a self, kind: &'a UnitKind, english: bool) -> &'a str {
        self.label(kind, english, |d| (&d.name, &d.name_en))
    }

    /// The kind's short label, for table columns.
    pub fn short<'a>(&'a self, kind: &'a UnitKind, english: bool) -> &'a str {
        match self.get(kind) {
            Some(d) if d.short.is_empty() && d.short_en.is_empty() => self.name(kind, english),
            _ => self.label(kind, english, |d| (&d.short, &d.short_en)),
        }
    }

    fn label<'a>(
        &'a self,
        kind: &'a UnitKind,
        english: bool,
        pick: impl Fn(&'a KindDef) -> (&'a String, &'a String),
    ) -> &'a str {
        let Some(def) = self.get(kind) else {
            return kind.code();
        };
        let (vi, en) = pick(def);
        if english && !en.is_empty() {
            en
        } else if vi.is_empty() {
            kind.code()
        } else {
            vi
        }
    }

    /// Whether units of this kind are Youth Union bases.
    pub fn is_youth_base(&self, kind: &UnitKind) -> bool {
        self.get(kind).is_some_and(|d| d.youth_base)
    }

    pub fn iter(&self) -> std::slice::Iter<'_, KindDef> {
        self.0.iter()
    }

    /// The declared kinds, in order.
    pub fn kinds(&self) -> impl Iterator<Item = &UnitKind> {
        self.0.iter().map(|d| &d.kind)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Default for Kinds {
    fn default() -> Kinds {
        Kinds::plan_115()
    }
}

impl<'a> IntoIterator for &'a Kinds {
    type Item = &'a KindDef;
    type IntoIter = std::slice::Iter<'a, KindDef>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A unit as the app works with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    pub contact_person: String,
    pub phone: String,
    pub sort_order: i64,
    /// The youth base that acts for this unit (its Youth Union organisation), if any: the
    /// base owes what the plan asks of Youth Union bases, the unit what it asks of units.
    pub youth_base: Option<i64>,
}

impl Unit {
    /// The name as officers say it in lists: "UBND phường Tân Quý" → "P. Tân Quý".
    pub fn short_name(&self) -> String {
        short_name(&self.name)
    }
}

pub fn short_name(name: &str) -> String {
    const WARD: &str = "UBND phường ";
    match name.get(..WARD.len()) {
        Some(prefix) if prefix.eq_ignore_ascii_case(WARD) => format!("P. {}", &name[WARD.len()..]),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ward_names_shorten() {
        assert_eq!(short_name("UBND phường Tân Quý"), "P. Tân Quý");
        assert_eq!(short_name("Phòng Nội vụ"), "Phòng Nội vụ");
        assert_eq!(short_name("UBND"), "UBND");
    }

    #[test]
    fn labels_fall_back_to_vietnamese_then_to_the_code() {
        let kinds = Kinds::plan_115();
        let ward = UnitKind::from("ward");
        assert_eq!(kinds.name(&ward, false), "UBND phường");
        assert_eq!(kinds.short(&ward, true), "Ward");
        let school = UnitKind::from("truong");
        assert_eq!(kinds.name(&school, true), "truong");
        assert!(kinds.is_youth_base(&UnitKind::from("youth_base")));
        assert!(!kinds.is_youth_base(&ward));
        assert!(!kinds.is_youth_base(&school));
        let kinds = Kinds::new(vec![KindDef::new(
            "truong",
            ["Trường học", "", "", ""],
            false,
        )]);
        assert_eq!(kinds.name(&school, true), "Trường học");
        assert_eq!(kinds.short(&school, false), "Trường học");
        assert_eq!(
            serde_json::to_string(&school).ok().as_deref(),
            Some("\"truong\"")
        );
    }
}
