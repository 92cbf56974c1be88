//! A one-line text field: tui-input for cursor and scrolling, plus NFC so that a vowel and its
//! tone mark typed as separate code points (as some input methods send them) become one letter.

use tui_input::{Input, InputRequest};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            input: Input::new(value.nfc().collect()),
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Cursor position in characters.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// Horizontal scroll (in display columns) that keeps the cursor visible in `width` columns.
    pub fn scroll(&self, width: usize) -> usize {
        self.input.visual_scroll(width)
    }

    pub fn visual_cursor(&self) -> usize {
        self.input.visual_cursor()
    }

    pub fn set(&mut self, value: &str) {
        self.input = Input::new(value.nfc().collect());
    }

    pub fn clear(&mut self) {
        self.input.reset();
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.input.handle(InputRequest::InsertChar(c));
        if is_combining_mark(c) {
            self.renormalize();
        }
    }

    /// Pastes `text` at the cursor in one step (a character at a time would rebuild the
    /// whole value per character: minutes for a 100,000-character paste).
    pub fn insert_str(&mut self, text: &str) {
        // A pasted line break would end a one-line field: keep the words apart instead.
        let clean: String = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        let value = self.input.value();
        let split = value
            .char_indices()
            .nth(self.input.cursor())
            .map_or(value.len(), |(i, _)| i);
        let (before, after) = value.split_at(split);
        let head: String = format!("{before}{clean}").nfc().collect();
        let cursor = head.chars().count();
        let whole: String = format!("{head}{after}").nfc().collect();
        // Composing across the join can merge a letter; the cursor stays within the text.
        let cursor = cursor.min(whole.chars().count());
        self.input = Input::new(whole).with_cursor(cursor);
    }

    pub fn backspace(&mut self) {
        self.input.handle(InputRequest::DeletePrevChar);
    }

    pub fn delete(&mut self) {
        self.input.handle(InputRequest::DeleteNextChar);
    }

    pub fn left(&mut self) {
        self.input.handle(InputRequest::GoToPrevChar);
    }

    pub fn right(&mut self) {
        self.input.handle(InputRequest::GoToNextChar);
    }

    pub fn home(&mut self) {
        self.input.handle(InputRequest::GoToStart);
    }

    pub fn end(&mut self) {
        self.input.handle(InputRequest::GoToEnd);
    }

    /// Composes the text to NFC and keeps the cursor after the same logical letter.
    fn renormalize(&mut self) {
        let value = self.input.value();
        let before: String = value.chars().take(self.input.cursor()).collect();
        let cursor = before.nfc().count();
        let composed: String = value.nfc().collect();
        self.input = Input::new(composed).with_cursor(cursor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> String {
        let mut f = TextField::default();
        for k in keys {
            match k {
                Key::C(c) => f.insert(*c),
                Key::Bs => f.backspace(),
            }
        }
        f.value().to_string()
    }

    enum Key {
        C(char),
        Bs,
    }
    use Key::{Bs, C};

    #[test]
    fn telex_backspace_then_accented_letter() {
        // Unikey in Telex: "tan" then "a" sends Bs + "â"; then "s" sends Bs + "ấ"... as a
        // whole-word rewrite: the field must end up with exactly what the IME meant.
        let keys = [C('t'), C('a'), Bs, C('â'), C('n'), Bs, Bs, C('ấ'), C('n')];
        assert_eq!(typed(&keys), "tấn");
    }

    #[test]
    fn vni_decomposed_marks_compose() {
        let keys = [C('Q'), C('u'), C('y'), C('\u{301}')];
        let v = typed(&keys);
        assert_eq!(v, "Quý");
        assert_eq!(v.chars().count(), 3);
        // Backspace removes the whole composed letter.
        let mut f = TextField::new("Quý");
        f.backspace();
        assert_eq!(f.value(), "Qu");
    }

    #[test]
    fn cursor_stays_after_composed_letter_mid_text() {
        let mut f = TextField::new("Tn");
        f.home();
        f.right();
        f.insert('a');
        f.insert('\u{302}');
        assert_eq!(f.value(), "Tân");
        assert_eq!(f.cursor(), 2);
        f.insert('x');
        assert_eq!(f.value(), "Tâxn");
    }

    #[test]
    fn paste_goes_in_at_the_cursor_and_composes() {
        let mut f = TextField::new("ab");
        f.home();
        f.right();
        f.insert_str("Ta\u{302}n ");
        assert_eq!(f.value(), "aTân b");
        assert_eq!(f.cursor(), 5);
        let mut big = TextField::default();
        big.insert_str(&"Tân Quý ".repeat(12_500));
        assert_eq!(big.value().chars().count(), 100_000);
        assert_eq!(big.cursor(), 100_000);
    }

    #[test]
    fn paste_flattens_line_breaks_and_drops_controls() {
        let mut f = TextField::default();
        f.insert_str("a\nb\u{1b}[2Jc");
        assert_eq!(f.value(), "a b[2Jc");
    }
}
