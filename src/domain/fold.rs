//! Vietnamese text helpers: NFC, diacritic folding for search, and Vietnamese sort order.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text as stored and shown: NFC, so "Tân" typed decomposed equals "Tân" typed composed.
pub fn nfc(text: &str) -> String {
    // Nearly all text is NFC already: the quick check spares recomposing it char by char.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text.to_string();
    }
    text.nfc().collect()
}

/// Folds text for matching: lower case, no tone or vowel marks, đ as d.
/// `"Phường Tân Quý"` → `"phuong tan quy"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A filter typed by the officer, folded once and matched against many rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needle {
    terms: Vec<String>,
}

impl Needle {
    pub fn new(query: &str) -> Needle {
        Needle {
            terms: fold(query).split_whitespace().map(str::to_string).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every word of the query occurs in the folded haystack (in any order).
    pub fn matches_folded(&self, folded_haystack: &str) -> bool {
        self.terms
            .iter()
            .all(|t| folded_haystack.contains(t.as_str()))
    }

    pub fn matches(&self, haystack: &str) -> bool {
        self.is_empty() || self.matches_folded(&fold(haystack))
    }
}

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// Combining tone marks in Vietnamese dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{300}' => Some(1),
        '\u{309}' => Some(2),
        '\u{303}' => Some(3),
        '\u{301}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// Sort key following the Vietnamese alphabet (a < ă < â < b … d < đ …), then tones.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CollationKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    exact: String,
}

pub fn collation_key(text: &str) -> CollationKey {
    let mut letters = Vec::with_capacity(text.len());
    let mut tones = Vec::with_capacity(text.len());
    for c in text.nfc() {
        let mut base = None;
        let mut tone = 0;
        // Decompose one composed letter: its base with vowel marks, and its tone.
        let mut vowel = String::new();
        for part in std::iter::once(c).nfd() {
            match tone_rank(part) {
                Some(t) => tone = t,
                None => vowel.push(part),
            }
        }
        for low in vowel.nfc().flat_map(char::to_lowercase) {
            base = Some(low);
        }
        let base = base.unwrap_or(c);
        letters.push(letter_rank(base));
        tones.push(tone);
    }
    CollationKey {
        letters,
        tones,
        exact: text.to_string(),
    }
}

fn letter_rank(c: char) -> u32 {
    if c.is_whitespace() {
        return 0;
    }
    if let Some(d) = c.to_digit(10) {
        return 1 + d;
    }
    match ALPHABET.chars().position(|a| a == c) {
        Some(i) => 100 + i as u32,
        None => 1000 + c as u32,
    }
}

pub fn compare_vi(a: &str, b: &str) -> Ordering {
    collation_key(a).cmp(&collation_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Vietnamese vowel (with its vowel mark) carrying every tone mark, composed.
    const VOWELS: [(&str, char); 12] = [
        ("aàảãáạ", 'a'),
        ("ăằẳẵắặ", 'a'),
        ("âầẩẫấậ", 'a'),
        ("eèẻẽéẹ", 'e'),
        ("êềểễếệ", 'e'),
        ("iìỉĩíị", 'i'),
        ("oòỏõóọ", 'o'),
        ("ôồổỗốộ", 'o'),
        ("ơờởỡớợ", 'o'),
        ("uùủũúụ", 'u'),
        ("ưừửữứự", 'u'),
        ("yỳỷỹýỵ", 'y'),
    ];

    #[test]
    fn folds_every_vowel_with_every_tone_both_cases() {
        for (forms, base) in VOWELS {
            for c in forms.chars() {
                assert_eq!(fold(&c.to_string()), base.to_string(), "{c}");
                let upper: String = c.to_uppercase().collect();
                assert_eq!(fold(&upper), base.to_string(), "{upper}");
                let decomposed: String = upper.nfd().collect();
                assert_eq!(fold(&decomposed), base.to_string(), "{upper} decomposed");
            }
        }
        assert_eq!(fold("đ"), "d");
        assert_eq!(fold("Đ"), "d");
        assert_eq!(fold("Đất Đai"), "dat dai");
    }

    #[test]
    fn needle_ignores_case_and_marks() {
        assert!(Needle::new("tan quy").matches("UBND phường Tân Quý"));
        assert!(Needle::new("dat dai").matches("Chi nhánh VP Đăng ký đất đai"));
        assert!(Needle::new("d").matches("Đoàn"));
        assert!(Needle::new("ĐẤT").matches("đất đai"));
        assert!(Needle::new("quy tan").matches("Tân Quý"));
        assert!(!Needle::new("tan quy x").matches("Tân Quý"));
        assert!(Needle::new("   ").matches("anything"));
        assert!(Needle::new("").is_empty());
    }

    #[test]
    fn nfc_composes() {
        let decomposed = "Ta\u{302}n Quy\u{301}";
        assert_eq!(nfc(decomposed), "Tân Quý");
    }

    #[test]
    fn vietnamese_alphabet_order() {
        let mut names = vec![
            "Tây Thạnh",
            "Tân Thới Hòa",
            "Tân Quý",
            "Hòa Thạnh",
            "Hiệp Tân",
            "Đoàn",
            "Dương",
            "Ân",
            "Ăn",
            "An",
            "Tân Sơn Nhì",
            "Sơn Kỳ",
            "Phú Thọ Hòa",
            "Phú Thạnh",
        ];
        names.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(
            names,
            vec![
                "An",
                "Ăn",
                "Ân",
                "Dương",
                "Đoàn",
                "Hiệp Tân",
                "Hòa Thạnh",
                "Phú Thạnh",
                "Phú Thọ Hòa",
                "Sơn Kỳ",
                "Tân Quý",
                "Tân Sơn Nhì",
                "Tân Thới Hòa",
                "Tây Thạnh",
            ]
        );
    }

    #[test]
    fn tones_order_after_letters() {
        let mut v = vec!["mạ", "má", "mã", "mả", "mà", "ma"];
        v.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(v, vec!["ma", "mà", "mả", "mã", "má", "mạ"]);
    }
}
