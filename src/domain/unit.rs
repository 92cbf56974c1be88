//! Units (đơn vị) taking part in the campaign.

use serde::{Deserialize, Serialize};

/// The five kinds of unit the plan names. The code is what the campaign file and the store use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Ward,
    Agency,
    PublicService,
    Vertical,
    YouthBase,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] = [
        UnitKind::Ward,
        UnitKind::Agency,
        UnitKind::PublicService,
        UnitKind::Vertical,
        UnitKind::YouthBase,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Ward => "ward",
            UnitKind::Agency => "agency",
            UnitKind::PublicService => "public_service",
            UnitKind::Vertical => "vertical",
            UnitKind::YouthBase => "youth_base",
        }
    }

    pub fn from_code(code: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.code() == code)
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
    fn kind_codes_round_trip() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(k.code()), Some(k));
        }
        assert_eq!(UnitKind::from_code("school"), None);
    }
}
