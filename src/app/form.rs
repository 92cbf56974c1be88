//! Forms: labelled one-line fields with rules, checked as the officer types, shown inline.

use super::text_field::TextField;
use crate::domain::fold::nfc;
use crate::domain::phone::{PhoneError, parse_phone};
use crate::i18n::{Strings, fill};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Text {
        max_chars: usize,
    },
    /// A Vietnamese phone number, or empty.
    Phone,
}

impl Rule {
    /// The problem with `value`, in the officer's language, or None when it is fine.
    pub fn check(self, value: &str, s: &Strings) -> Option<String> {
        match self {
            Rule::Text { max_chars } => {
                let n = value.chars().count();
                (n > max_chars)
                    .then(|| fill(s.err_too_long, &[&max_chars.to_string(), &n.to_string()]))
            }
            Rule::Phone if value.trim().is_empty() => None,
            Rule::Phone => match parse_phone(value) {
                Ok(_) => None,
                Err(PhoneError::WrongLength(n)) => {
                    Some(fill(s.err_phone_length, &[&n.to_string()]))
                }
                Err(PhoneError::NoLeadingZero) => Some(s.err_phone_zero.to_string()),
                Err(PhoneError::BadCharacter(c)) => Some(fill(s.err_phone_char, &[&c.to_string()])),
            },
        }
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub input: TextField,
    pub original: String,
    pub rule: Rule,
    /// Left at least once: its error shows from then on, not while first typing.
    pub touched: bool,
}

impl Field {
    pub fn new(label: &'static str, value: &str, rule: Rule) -> Field {
        Field {
            label,
            hint: None,
            input: TextField::new(value),
            original: nfc(value),
            rule,
            touched: false,
        }
    }

    pub fn with_hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The value as it will be saved: NFC, trimmed.
    pub fn value(&self) -> String {
        nfc(self.input.value().trim())
    }
}

/// What saving the form does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    UnitContact { unit_id: i64 },
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub tried_save: bool,
}

impl Form {
    pub fn new(title: String, purpose: Purpose, fields: Vec<Field>) -> Form {
        Form {
            title,
            purpose,
            fields,
            focus: 0,
            tried_save: false,
        }
    }

    pub fn focused(&mut self) -> &mut TextField {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i].input
    }

    pub fn next(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.touched = true;
        }
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.touched = true;
        }
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| f.value() != f.original)
    }

    /// The error to show next to field `i`: only once the field was left or a save was tried.
    pub fn shown_error(&self, i: usize, s: &Strings) -> Option<String> {
        let f = self.fields.get(i)?;
        if !(f.touched || self.tried_save) {
            return None;
        }
        f.rule.check(&f.value(), s)
    }

    pub fn error_count(&self, s: &Strings) -> usize {
        self.fields
            .iter()
            .filter(|f| f.rule.check(&f.value(), s).is_some())
            .count()
    }

    /// Moves the focus to the first field with an error, so the officer lands on it.
    pub fn focus_first_error(&mut self, s: &Strings) {
        if let Some(i) = self
            .fields
            .iter()
            .position(|f| f.rule.check(&f.value(), s).is_some())
        {
            self.focus = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, strings};

    #[test]
    fn phone_rule_messages_name_the_problem() {
        let s = strings(Lang::Vi);
        assert_eq!(Rule::Phone.check("", s), None);
        assert_eq!(Rule::Phone.check("0703.652.444", s), None);
        assert_eq!(
            Rule::Phone.check("0703.652.44", s).as_deref(),
            Some("Cần đúng 10 chữ số (đang có 9).")
        );
        assert!(
            Rule::Phone
                .check("0703-652-444", s)
                .is_some_and(|m| m.contains('-'))
        );
    }

    #[test]
    fn errors_show_after_leaving_the_field() {
        let s = strings(Lang::Vi);
        let mut f = Form::new(
            "t".into(),
            Purpose::UnitContact { unit_id: 1 },
            vec![
                Field::new("a", "", Rule::Phone),
                Field::new("b", "", Rule::Text { max_chars: 3 }),
            ],
        );
        f.focused().insert_str("12");
        assert_eq!(f.shown_error(0, s), None);
        f.next();
        assert!(f.shown_error(0, s).is_some());
        assert_eq!(f.error_count(s), 1);
        assert!(f.is_dirty());
    }
}
