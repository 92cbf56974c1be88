//! Vietnamese phone numbers as officers write them: 0703.652.444, 0703 652 444, 0703652444.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    /// Something other than digits, dots and spaces (the character is given).
    BadCharacter(char),
    /// Not exactly ten digits (the count is given).
    WrongLength(usize),
    /// Vietnamese numbers written domestically start with 0.
    NoLeadingZero,
}

/// Checks a phone number and returns its digits. Empty input is for the caller to allow or not.
pub fn parse_phone(text: &str) -> Result<String, PhoneError> {
    let mut digits = String::with_capacity(10);
    for c in text.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | ' ' => {}
            other => return Err(PhoneError::BadCharacter(other)),
        }
    }
    if digits.len() != 10 {
        return Err(PhoneError::WrongLength(digits.len()));
    }
    if !digits.starts_with('0') {
        return Err(PhoneError::NoLeadingZero);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_written_forms() {
        for ok in [
            "0703.652.444",
            "0703 652 444",
            "0703652444",
            " 0912.345.678 ",
        ] {
            assert!(parse_phone(ok).is_ok(), "{ok}");
        }
        assert_eq!(parse_phone("0703.652.444"), Ok("0703652444".into()));
    }

    #[test]
    fn refuses_with_the_reason() {
        assert_eq!(parse_phone("070365244"), Err(PhoneError::WrongLength(9)));
        assert_eq!(parse_phone("07036524444"), Err(PhoneError::WrongLength(11)));
        assert_eq!(parse_phone("7703652444"), Err(PhoneError::NoLeadingZero));
        assert_eq!(
            parse_phone("0703-652-444"),
            Err(PhoneError::BadCharacter('-'))
        );
        assert_eq!(
            parse_phone("+84703652444"),
            Err(PhoneError::BadCharacter('+'))
        );
        assert_eq!(parse_phone(""), Err(PhoneError::WrongLength(0)));
    }
}
