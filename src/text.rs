//! Text from data, made safe for whatever prints it: the screen, the briefing, the CLI's
//! messages and the exported files all go through here, so a control character or a formula
//! start in a unit's name is handled the same way everywhere.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Replaces what must never reach the terminal raw: C0/C1 controls (ESC starts escape
/// sequences), bidi overrides and zero-width characters (they hide or reorder text). Each
/// becomes a visible placeholder.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                '\u{7f}' => '␡',
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            })
            .collect(),
    )
}

/// [`clean`] line by line: the `\n` between lines stays a line break, everything else that
/// could steer a terminal (a `\r` or TAB too) shows as a symbol. For whole printed messages,
/// where a line break is the program's own but any other control came from data.
pub fn clean_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<'_, str>> = text.split('\n').map(clean).collect();
    Cow::Owned(lines.join("\n"))
}

fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{061c}'
        | '\u{feff}')
}

/// Cuts `text` to `width` display columns, ending with "…" when it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Breaks `text` into lines of at most `width` display columns, at spaces where it can (a
/// word longer than a line is cut). Line breaks in the text are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split(' ') {
            let w = word.width();
            if used > 0 && used + 1 + w > width {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && used > 0 {
                    out.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        out.push(line);
    }
    out
}

/// The display width of `text` in terminal columns (a Vietnamese letter with its marks is one).
pub fn width(text: &str) -> usize {
    text.width()
}

/// Text from data on one line, for a table cell or a printed line: line breaks become spaces,
/// controls become visible.
pub fn one_line(text: &str) -> String {
    clean(&text.replace(['\n', '\r'], " ")).into_owned()
}

/// The text a neutralised cell stood for: the leading `'` a spreadsheet shows as "this is
/// text" is dropped again on import.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

/// Text a spreadsheet would run as a formula gets a leading `'`.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// "1.839": thousands grouped with a dot, as Vietnamese writes numbers (the overview and the
/// chat summary say the same figure the same way).
pub fn group_thousands(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if v < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        assert_eq!(clean("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(clean("x\u{7}"), "x␇");
        assert_eq!(clean("\u{202e}abc"), "\u{fffd}abc");
        assert_eq!(clean("a\u{200b}b"), "a\u{fffd}b");
        assert_eq!(clean("\u{9b}31m"), "\u{fffd}31m");
        assert!(matches!(clean("Tân Quý"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_stay_lines_and_nothing_else_passes() {
        assert_eq!(clean_lines("a\nb\n"), "a\nb\n");
        assert!(matches!(clean_lines("a\nb"), Cow::Borrowed(_)));
        assert_eq!(
            clean_lines("x\u{1b}]0;T\u{7}\n\u{9b}2J\r\tz\u{202e}"),
            "x␛]0;T␇\n\u{fffd}2J␍␉z\u{fffd}"
        );
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(
            wrap("dòng 2, cột A: không có", 12),
            vec!["dòng 2, cột", "A: không có"]
        );
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("", 5), vec![""]);
        for line in wrap(&"Tân Quý ".repeat(40), 17) {
            assert!(line.width() <= 17, "{line:?}");
        }
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Tân Thới Hòa", 20), "Tân Thới Hòa");
        assert_eq!(truncate("Tân Thới Hòa", 6), "Tân T…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("abc", 1), "…");
    }

    #[test]
    fn formula_starts_are_neutralised() {
        for hostile in ["=1+1", "+84901234567", "-5", "@x", "\tx", "\rx"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"), "{hostile:?}");
        }
    }

    #[test]
    fn neutralised_text_reads_back() {
        for t in ["=SUM(A1)", "-5 hộ", "@x", "\tx", "plain", "'quoted", ""] {
            assert_eq!(unneutralise(&neutralise(t)), t);
        }
    }

    #[test]
    fn thousands_are_grouped_with_a_dot() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1839), "1.839");
        assert_eq!(group_thousands(-1234567), "-1.234.567");
    }
}
