//! Reading cells typed into a spreadsheet: header and name keys, lists. Dates and date-times
//! in cells are read by [`super::time::read_date`] and [`super::time::read_datetime`], the
//! same reader the forms use.

use super::fold::fold;

/// A key for matching headers and names typed by people: folded (no case, no diacritics),
/// punctuation as spaces, spaces collapsed. `"Tên  sáng kiến (*)"` → `"ten sang kien"`.
pub fn key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits a list cell ("Tư vấn pháp luật, Khác" or one item per line) into its items.
pub fn split_list(text: &str) -> Vec<&str> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_diacritics_and_punctuation() {
        assert_eq!(key("Tên  sáng kiến (*)"), "ten sang kien");
        assert_eq!(key("ĐƠN VỊ"), "don vi");
        assert_eq!(key("P. Tân Quý"), "p tan quy");
        assert_eq!(key("Số đoàn viên\ntham gia"), "so doan vien tham gia");
        assert_eq!(key("  "), "");
    }

    #[test]
    fn lists_split_on_commas_semicolons_and_lines() {
        assert_eq!(split_list("a, b;c\n d ,"), vec!["a", "b", "c", "d"]);
        assert!(split_list("  ").is_empty());
    }
}
