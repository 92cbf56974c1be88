//! Finding a unit from what someone typed into a sheet: its code, its full name, the name
//! without "UBND", the short "P. Tân Quý", or the bare ward name — without case or
//! diacritics. Near misses are not guessed: they come back as "did you mean …?".

use std::collections::HashMap;

use super::sheet::key;
use super::unit::Unit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitMiss {
    /// No unit by that name; the names near it (at most three), nearest first.
    Unknown { suggestions: Vec<String> },
    /// The text names more than one unit.
    Ambiguous(Vec<String>),
}

#[derive(Debug, Default)]
pub struct UnitMatcher {
    /// Key → unit ids (more than one: ambiguous).
    keys: HashMap<String, Vec<i64>>,
    names: HashMap<i64, String>,
}

/// The key of a name, with "Ủy ban nhân dân" written as officers abbreviate it.
fn name_key(text: &str) -> String {
    let k = key(text);
    match k.strip_prefix("uy ban nhan dan ") {
        Some(rest) => format!("ubnd {rest}"),
        None => k,
    }
}

/// Every way a unit may be written, as keys.
fn keys_of(u: &Unit) -> Vec<String> {
    let name = name_key(&u.name);
    let mut out = vec![key(&u.code), name.clone(), key(&u.short_name())];
    if let Some(rest) = name.strip_prefix("ubnd ") {
        out.push(rest.to_string());
        if let Some(bare) = rest.strip_prefix("phuong ") {
            out.push(bare.to_string());
        }
    }
    out.retain(|k| !k.is_empty());
    out.sort();
    out.dedup();
    out
}

impl UnitMatcher {
    pub fn new(units: &[Unit]) -> UnitMatcher {
        let mut m = UnitMatcher::default();
        for u in units {
            m.names.insert(u.id, u.name.clone());
            for k in keys_of(u) {
                let ids = m.keys.entry(k).or_default();
                if !ids.contains(&u.id) {
                    ids.push(u.id);
                }
            }
        }
        m
    }

    pub fn find(&self, text: &str) -> Result<i64, UnitMiss> {
        let k = name_key(text);
        match self.keys.get(&k).map(Vec::as_slice) {
            Some([id]) => Ok(*id),
            Some(ids) if !ids.is_empty() => Err(UnitMiss::Ambiguous(
                ids.iter()
                    .filter_map(|id| self.names.get(id).cloned())
                    .collect(),
            )),
            _ => Err(UnitMiss::Unknown {
                suggestions: self.closest(&k),
            }),
        }
    }

    /// Up to three units near what was typed: those within a slip of the keyboard (about one
    /// edit in five letters) by edit distance, nearest first; failing that, those whose name
    /// holds every typed word.
    fn closest(&self, k: &str) -> Vec<String> {
        const MAX: usize = 3;
        if k.is_empty() {
            return Vec::new();
        }
        let limit = (k.chars().count() / 5).max(2);
        let mut near: Vec<(usize, &String, i64)> = self
            .keys
            .iter()
            .filter(|(_, ids)| ids.len() == 1)
            .map(|(cand, ids)| (strsim::levenshtein(k, cand), cand, ids[0]))
            .filter(|(dist, _, _)| *dist <= limit)
            .collect();
        near.sort();
        let mut ids: Vec<i64> = Vec::new();
        for (_, _, id) in near {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            let words: Vec<&str> = k.split(' ').collect();
            let mut containing: Vec<(usize, &String, i64)> = self
                .keys
                .iter()
                .filter(|(cand, _)| {
                    let cand_words: Vec<&str> = cand.split(' ').collect();
                    words.iter().all(|w| cand_words.contains(w))
                })
                .flat_map(|(cand, ids)| {
                    let dist = strsim::levenshtein(k, cand);
                    ids.iter().map(move |id| (dist, cand, *id))
                })
                .collect();
            containing.sort();
            for (_, _, id) in containing {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids.truncate(MAX);
        ids.iter()
            .filter_map(|id| self.names.get(id).cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::unit::UnitKind;

    fn unit(id: i64, code: &str, name: &str) -> Unit {
        Unit {
            id,
            code: code.into(),
            name: name.into(),
            kind: UnitKind::from("ward"),
            contact_person: String::new(),
            phone: String::new(),
            sort_order: id,
            youth_base: None,
        }
    }

    fn matcher() -> UnitMatcher {
        UnitMatcher::new(&[
            unit(1, "p-tan-quy", "UBND phường Tân Quý"),
            unit(2, "p-tan-son-nhi", "UBND phường Tân Sơn Nhì"),
            unit(3, "chi-cuc-thue", "Chi cục Thuế quận"),
            unit(4, "cd-chi-cuc-thue", "Chi đoàn Chi cục Thuế"),
        ])
    }

    #[test]
    fn every_common_spelling_finds_the_unit() {
        let m = matcher();
        for t in [
            "UBND phường Tân Quý",
            "ubnd phuong tan quy",
            "Phường Tân Quý",
            "P. Tân Quý",
            "Tân Quý",
            "TAN QUY",
            "p-tan-quy",
            "Ủy ban nhân dân phường Tân Quý",
        ] {
            assert_eq!(m.find(t), Ok(1), "{t}");
        }
        assert_eq!(m.find("Chi cục thuế quận"), Ok(3));
        assert_eq!(
            m.find("chi cuc thue"),
            Ok(3),
            "the code, written with spaces"
        );
    }

    #[test]
    fn near_misses_are_suggested_not_taken() {
        let m = matcher();
        assert_eq!(
            m.find("Phường Tân Sơn Nhi"),
            Ok(2),
            "a missing tone mark is not a miss"
        );
        assert_eq!(
            m.find("Phường Tân Son Nhứ"),
            Err(UnitMiss::Unknown {
                suggestions: vec!["UBND phường Tân Sơn Nhì".into()]
            })
        );
        assert_eq!(
            m.find("Thuế"),
            Err(UnitMiss::Unknown {
                suggestions: vec!["Chi cục Thuế quận".into(), "Chi đoàn Chi cục Thuế".into()]
            })
        );
        assert_eq!(
            m.find("Bệnh viện quận"),
            Err(UnitMiss::Unknown {
                suggestions: vec![]
            })
        );
        assert_eq!(
            m.find(""),
            Err(UnitMiss::Unknown {
                suggestions: vec![]
            })
        );
    }
}
