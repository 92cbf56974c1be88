//! Errors in the officer's words: the store's, the operating system's and a campaign file's.
//! The layers below keep their errors as data (the store must not depend on words); every
//! printed message about them is made here, one sentence per language.

use super::Strings;
use crate::domain::campaign_problem::{CampaignProblem, ChoiceOf, CodeOf};
use crate::store::{Invalid, StoreError};
use crate::text::one_line;

/// ENOTDIR, ENOSPC and EROFS as Linux numbers them: an error whose kind `std` leaves
/// uncategorised is still named by its number.
const ENOTDIR: i32 = 20;
const ENOSPC: i32 = 28;
const EROFS: i32 = 30;

impl Strings {
    /// An operating-system error as words to put after "path: ". Errors the officer can act
    /// on are named; anything else keeps the system's own text.
    pub fn io_error(&self, e: &std::io::Error) -> String {
        use std::io::ErrorKind::*;
        match (e.kind(), e.raw_os_error()) {
            (StorageFull, _) | (_, Some(ENOSPC)) => self.io_disk_full.to_string(),
            (NotADirectory, _) | (_, Some(ENOTDIR)) => self.io_not_a_dir.to_string(),
            (ReadOnlyFilesystem, _) | (_, Some(EROFS)) => self.io_read_only_fs.to_string(),
            (NotFound, _) => self.io_not_found.to_string(),
            (PermissionDenied, _) => self.io_permission.to_string(),
            (IsADirectory, _) => self.io_is_a_dir.to_string(),
            (AlreadyExists, _) => self.io_exists.to_string(),
            _ => self.io_other(one_line(&e.to_string())),
        }
    }

    /// Why a file was not written, with the file it is about (`path` names it when the
    /// operating system refused a step).
    pub fn write_error(&self, path: &std::path::Path, e: &crate::atomic_write::Error) -> String {
        use crate::atomic_write::Error;
        let shown = |p: &std::path::Path| one_line(&p.display().to_string());
        match e {
            Error::Exists(p) => self.se_exists(shown(p)),
            Error::Link(p) => self.se_link(shown(p)),
            Error::Io(io) => self.se_io(shown(path), self.io_error(io)),
        }
    }

    /// A store error as a whole sentence (with the file it is about, when it is about one).
    pub fn store_error(&self, e: &StoreError) -> String {
        let path = |p: &std::path::Path| one_line(&p.display().to_string());
        match e {
            StoreError::NotADatabase { path: p } => self.se_not_a_database(path(p)),
            StoreError::NotOurs { path: p } => self.se_not_ours(path(p)),
            StoreError::SchemaTooNew {
                path: p,
                found,
                known,
            } => self.se_schema_too_new(path(p), found, known),
            StoreError::OtherCampaign { path: p, existing } => {
                self.se_other_campaign(path(p), one_line(existing))
            }
            StoreError::Exists { path: p } => self.se_exists(path(p)),
            StoreError::Link { path: p } => self.se_link(path(p)),
            StoreError::Io { path: p, source } => self.se_io(path(p), self.io_error(source)),
            StoreError::Sqlite(e) => self.sqlite_error(e),
            StoreError::Invalid(why) => self.se_invalid(self.invalid(why)),
            StoreError::Damaged { path: p, check } => self.se_damaged(path(p), one_line(check)),
            StoreError::Figure(f) => self.se_figure(self.figure_error(f)),
            StoreError::BackupOntoStore { path: p } => self.se_backup_onto_store(path(p)),
            StoreError::Vanished { path: p, found } => {
                let list: Vec<String> = found.iter().take(5).map(|f| path(f)).collect();
                let more = found.len().saturating_sub(5);
                let listed = if more > 0 {
                    format!("{} {}", list.join(", "), self.se_and_more(more))
                } else {
                    list.join(", ")
                };
                // The newest copy to put back: a replaced store or the latest daily backup.
                let copy = found
                    .iter()
                    .rev()
                    .find(|f| {
                        let n = f.to_string_lossy();
                        n.ends_with(".db") || n.contains(".replaced-")
                    })
                    .map(|f| path(f))
                    .unwrap_or_else(|| self.se_a_copy.to_string());
                self.se_vanished(path(p), listed, copy)
            }
            StoreError::FigureChanged { stored } => {
                self.se_figure_changed(self.cell_value(*stored))
            }
            StoreError::InUse { path: p } => self.se_in_use(path(p)),
            StoreError::ReadOnly(why) => self.se_read_only(self.ro_reason(*why)),
            StoreError::ReadOnlyNeedsUpgrade { path: p, known } => {
                self.se_ro_upgrade(path(p), known)
            }
            StoreError::NotAFile { path: p, kind } => {
                self.se_not_a_file(path(p), self.file_kind(*kind))
            }
        }
    }

    /// What is wrong with the store's content. Places are the store's own names (a table and
    /// column), quoted as they are; stored values are made safe to print.
    fn invalid(&self, why: &Invalid) -> String {
        match why {
            Invalid::Stored { place, value } => self.inv_stored(place, one_line(value)),
            Invalid::RowGone { table, id } => self.inv_row_gone(table, id),
            Invalid::NotWal { mode } => self.inv_not_wal(one_line(mode)),
            Invalid::FigureRefused { metric, detail } => {
                self.inv_figure_refused(self.metric(*metric), one_line(detail))
            }
            Invalid::Encode { place, detail } => self.inv_encode(place, one_line(detail)),
            Invalid::UnknownCode { table, code } => self.inv_unknown_code(table, one_line(code)),
            Invalid::ImportHasErrors => self.inv_import_errors.to_string(),
        }
    }

    /// SQLite's result codes that a person can do something about get their own sentence;
    /// the rest say "database error" with SQLite's words.
    fn sqlite_error(&self, e: &rusqlite::Error) -> String {
        use rusqlite::ErrorCode::*;
        let detail = one_line(&e.to_string());
        let Some(code) = e.sqlite_error_code() else {
            return self.se_sqlite_other(&detail);
        };
        match code {
            DiskFull => self.se_full.to_string(),
            DatabaseBusy | DatabaseLocked => self.se_busy.to_string(),
            ReadOnly => self.se_read_only_db.to_string(),
            DatabaseCorrupt | NotADatabase => self.se_corrupt(&detail),
            ConstraintViolation => self.se_constraint(&detail),
            CannotOpen => self.se_cannot_open(&detail),
            PermissionDenied => self.se_permission.to_string(),
            SystemIoFailure => self.se_sqlite_io(&detail),
            _ => self.se_sqlite_other(&detail),
        }
    }

    /// A campaign-file problem located as editors and terminals link it: `file:line:col: …`.
    pub fn campaign_error(
        &self,
        file: &str,
        line: usize,
        column: usize,
        problem: &CampaignProblem,
    ) -> String {
        self.cf_at(one_line(file), line, column, self.campaign_problem(problem))
    }

    /// What is wrong, without the place. Text quoted from the file is put on one line with
    /// its control characters shown, as everywhere else text from a file is printed.
    pub fn campaign_problem(&self, p: &CampaignProblem) -> String {
        use CampaignProblem::*;
        // A value is cut to a line's worth (a 100,000-character title is quoted, not
        // printed); the TOML reader's own words get a few lines' worth.
        let q = |t: &str| self.cut(t, super::QUOTE_WIDTH);
        match p {
            Toml(detail) => self.cf_toml(self.cut(detail, 4 * super::QUOTE_WIDTH)),
            MissingKey(key) => self.cf_missing_key(q(key)),
            WrongType {
                key,
                value,
                expected,
            } => {
                use crate::domain::campaign_problem::ValueType::*;
                // The example uses the key itself, so the officer can copy the shape.
                let k = if key.is_empty() { "x" } else { key.as_str() };
                let hint = match expected {
                    WholeNumber => self.cf_write_whole(q(k)),
                    Number => self.cf_write_number(q(k)),
                    Text => self.cf_write_text(q(k)),
                    List => self.cf_write_list(q(k)),
                    Bool => self.cf_write_bool(q(k)),
                };
                self.cf_wrong_type(q(k), q(value), hint)
            }
            DuplicateKey(key) if key.starts_with('[') => self.cf_duplicate_table(q(key)),
            DuplicateKey(key) => self.cf_duplicate_key(q(key)),
            UnclosedTable => self.cf_unclosed_table.to_string(),
            Unquoted(key) => self.cf_unquoted(q(key)),
            UnclosedText(key) => self.cf_unclosed_text(q(key)),
            BadEscape(key) => self.cf_bad_escape(q(key)),
            UnknownKey { key, expected } if expected.is_empty() => self.cf_unknown_key(q(key)),
            UnknownKey { key, expected } => {
                let list: Vec<String> = expected.iter().map(|k| format!("`{}`", q(k))).collect();
                self.cf_unknown_key_list(q(key), list.join(", "))
            }
            NoSchema => self.cf_no_schema.to_string(),
            Schema { known, found } => self.cf_schema(known, q(found)),
            Empty { at } => self.cf_empty(at),
            DateType { at, found } => self.cf_date_type(at, found),
            BadDate { at, text } => self.cf_bad_date(at, q(text)),
            InstantType { at, found } => self.cf_instant_type(at, found),
            BadInstant { at, text } => self.cf_bad_instant(at, q(text)),
            BadPhone { at, text, why } => {
                use crate::domain::phone::PhoneError;
                let why = match why {
                    PhoneError::BadCharacter(c) => self.cf_phone_char(q(&c.to_string())),
                    PhoneError::WrongLength(n) => self.cf_phone_length(n),
                    PhoneError::NoLeadingZero => self.cf_phone_zero.to_string(),
                };
                self.cf_bad_phone(at, q(text), &why)
            }
            BadCode { at, code } => self.cf_bad_code(at, q(code)),
            DuplicateCode {
                at,
                of,
                code,
                first_line,
            } => self.cf_duplicate_code(at, self.code_of(*of), q(code), first_line),
            UnknownCode { at, of, code } => self.cf_unknown_code(at, self.code_of(*of), q(code)),
            UnknownChoice {
                at,
                of,
                value,
                expected,
            } => {
                let what = match of {
                    ChoiceOf::Source => self.cf_value_source,
                    ChoiceOf::Status => self.cf_value_status,
                    ChoiceOf::Figure => self.cf_value_figure,
                };
                match expected.as_slice() {
                    [a, b] => self.cf_unknown_either(at, what, q(value), a, b),
                    list => self.cf_unknown_one_of(at, what, q(value), list.join(", ")),
                }
            }
            EndsBeforeStart { ends, starts } => self.cf_ends_before(ends, starts),
            NoUnits => self.cf_no_units.to_string(),
            BadRound { at, found } => self.cf_bad_round(at, found),
            NotSaturday { at, date, weekday } => {
                self.cf_not_saturday(at, date, self.weekday(*weekday))
            }
            OutsideCampaign {
                at,
                date,
                starts,
                ends,
            } => self.cf_outside(at, date, starts, ends),
            DeadlineOrder {
                at,
                registration,
                report,
            } => self.cf_deadline_order(at, registration, report),
            ShortTooWide {
                at,
                short,
                width,
                max,
            } => self.cf_short_wide(at, q(short), width, max),
            AppliesToEmpty { at } => self.cf_applies_empty(at),
            KindTwice { at, kind } => self.cf_kind_twice(at, q(kind)),
            UnknownKind {
                at,
                value,
                expected,
            } => match expected.as_slice() {
                [] => self.cf_unknown_one_of(at, self.cf_value_kind, q(value), ""),
                [a] => self.cf_unknown_only(at, self.cf_value_kind, q(value), a),
                [a, b] => self.cf_unknown_either(at, self.cf_value_kind, q(value), a, b),
                list => self.cf_unknown_one_of(at, self.cf_value_kind, q(value), list.join(", ")),
            },
            YouthBaseTwice { at, kind, first } => self.cf_youth_base_twice(at, q(kind), q(first)),
            DayRequired { at, source } => self.cf_day_required(at, source),
            DayNotAllowed { at, source } => self.cf_day_not_allowed(at, source),
            TargetRange { at, value } => self.cf_target_range(at, value),
            ActsForNotBase { at, kind, base } => match base {
                Some(base) => self.cf_acts_for_not_base(at, q(kind), base),
                None => self.cf_acts_for_no_base_kind(at, q(kind)),
            },
            ActsForBase { at, code } => self.cf_acts_for_base(at, q(code)),
            ActedForTwice { at, unit, first } => self.cf_acted_for_twice(at, q(unit), q(first)),
            OwedTwice { at, base, unit } => self.cf_owed_twice(at, q(base), q(unit)),
            NumberSuffix { at, text } => self.cf_number_suffix(at, q(text)),
        }
    }

    fn code_of(&self, of: CodeOf) -> &'static str {
        match of {
            CodeOf::Unit => self.cf_what_unit,
            CodeOf::VolunteerDay => self.cf_what_day,
            CodeOf::Requirement => self.cf_what_requirement,
            CodeOf::Kpi => self.cf_what_kpi,
            CodeOf::Field => self.cf_what_field,
            CodeOf::Activity => self.cf_what_activity,
            CodeOf::Kind => self.cf_what_kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Error, ErrorKind};
    use std::path::PathBuf;

    use super::*;
    use crate::i18n::{Lang, strings};

    fn both(f: impl Fn(&Strings) -> String) -> (String, String) {
        (f(strings(Lang::Vi)), f(strings(Lang::En)))
    }

    #[test]
    fn common_os_errors_are_named_in_each_language() {
        let cases = [
            (
                Error::from(ErrorKind::NotFound),
                "không có tệp",
                "no such file",
            ),
            (
                Error::from(ErrorKind::PermissionDenied),
                "không có quyền",
                "permission denied",
            ),
            (Error::from_raw_os_error(28), "ổ đĩa đã đầy", "disk is full"),
            (
                Error::from(ErrorKind::StorageFull),
                "ổ đĩa đã đầy",
                "disk is full",
            ),
            (
                Error::from_raw_os_error(20),
                "không phải thư mục",
                "not a folder",
            ),
            (Error::from_raw_os_error(30), "chỉ cho đọc", "read-only"),
            (
                Error::from(ErrorKind::IsADirectory),
                "là thư mục",
                "is a folder",
            ),
            (
                Error::from(ErrorKind::AlreadyExists),
                "đã có",
                "exists already",
            ),
        ];
        for (e, vi, en) in cases {
            let (v, n) = both(|s| s.io_error(&e));
            assert!(v.contains(vi), "{e:?}: {v}");
            assert!(n.contains(en), "{e:?}: {n}");
        }
        let odd = Error::other("the tape jammed\u{1b}[2J");
        let (v, n) = both(|s| s.io_error(&odd));
        assert!(
            v.starts_with("lỗi hệ thống") && v.contains("the tape jammed"),
            "{v}"
        );
        assert!(!v.contains('\u{1b}') && !n.contains('\u{1b}'), "{v} {n}");
        assert!(n.contains("the tape jammed"), "{n}");
    }

    fn sqlite(code: i32, message: &str) -> StoreError {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            Some(message.to_string()),
        ))
    }

    #[test]
    fn sqlite_failures_a_person_can_act_on_have_their_own_words() {
        use rusqlite::ffi;
        let cases = [
            (
                sqlite(ffi::SQLITE_FULL, "database or disk is full"),
                "đầy",
                "full",
            ),
            (
                sqlite(ffi::SQLITE_BUSY, "database is locked"),
                "khoá",
                "locked",
            ),
            (
                sqlite(ffi::SQLITE_LOCKED, "database table is locked"),
                "khoá",
                "locked",
            ),
            (
                sqlite(ffi::SQLITE_READONLY, "attempt to write"),
                "chỉ cho đọc",
                "read-only",
            ),
            (
                sqlite(ffi::SQLITE_CORRUPT, "malformed"),
                "bị hỏng",
                "damaged",
            ),
            (
                sqlite(ffi::SQLITE_NOTADB, "file is not a database"),
                "bị hỏng",
                "damaged",
            ),
            (
                sqlite(
                    ffi::SQLITE_CONSTRAINT,
                    "UNIQUE constraint failed: units.code",
                ),
                "ràng buộc",
                "rule",
            ),
            (
                sqlite(ffi::SQLITE_ERROR, "no such table: x"),
                "lỗi cơ sở dữ liệu",
                "database error",
            ),
        ];
        for (e, vi, en) in cases {
            let (v, n) = both(|s| s.store_error(&e));
            assert!(v.contains(vi), "{e:?}: {v}");
            assert!(n.contains(en), "{e:?}: {n}");
        }
        let (v, _) = both(|s| s.store_error(&sqlite(ffi::SQLITE_CONSTRAINT, "UNIQUE units.code")));
        assert!(v.contains("units.code"), "the raw detail is kept: {v}");
        let (v, _) =
            both(|s| s.store_error(&StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows)));
        assert!(v.starts_with("lỗi cơ sở dữ liệu: "), "{v}");
    }

    #[test]
    fn every_store_error_is_a_sentence_in_each_language() {
        use crate::domain::figures::FigureError;
        use crate::store::ReadOnly;
        let p = || PathBuf::from("/kho/x.db");
        let errors = [
            StoreError::NotADatabase { path: p() },
            StoreError::NotOurs { path: p() },
            StoreError::SchemaTooNew {
                path: p(),
                found: 9,
                known: 7,
            },
            StoreError::OtherCampaign {
                path: p(),
                existing: "999/KH".into(),
            },
            StoreError::Exists { path: p() },
            StoreError::Io {
                path: p(),
                source: Error::from(ErrorKind::NotFound),
            },
            StoreError::Invalid(Invalid::RowGone {
                table: "units",
                id: 3,
            }),
            StoreError::Damaged {
                path: p(),
                check: "page 3".into(),
            },
            StoreError::Figure(FigureError::Negative),
            StoreError::InUse { path: p() },
            StoreError::ReadOnly(ReadOnly::Asked),
            StoreError::ReadOnlyNeedsUpgrade {
                path: p(),
                known: 7,
            },
            StoreError::NotAFile {
                path: p(),
                kind: crate::store::FileKind::Fifo,
            },
        ];
        for e in &errors {
            let (v, n) = both(|s| s.store_error(e));
            assert!(!v.trim().is_empty() && !n.trim().is_empty(), "{e:?}");
            assert_ne!(v, n, "{e:?} says the same in both languages");
        }
        // What is wrong inside a store is worded too, not left in the store's English.
        let inside = [
            Invalid::Stored {
                place: "units.kind q1".into(),
                value: "\u{1b}]0;x\u{7}ward".into(),
            },
            Invalid::RowGone {
                table: "units",
                id: 3,
            },
            Invalid::NotWal {
                mode: "delete".into(),
            },
            Invalid::FigureRefused {
                metric: crate::domain::figures::Metric::Volunteers,
                detail: "CHECK constraint failed".into(),
            },
            Invalid::Encode {
                place: "campaign.organisers",
                detail: "x".into(),
            },
            Invalid::UnknownCode {
                table: "units",
                code: "q99".into(),
            },
            Invalid::ImportHasErrors,
        ];
        for why in inside {
            let e = StoreError::Invalid(why);
            let (v, n) = both(|s| s.store_error(&e));
            assert!(v.starts_with("lỗi trong kho dữ liệu: "), "{v}");
            assert!(n.starts_with("error in the data store: "), "{n}");
            assert_ne!(v, n, "{e:?} says the same in both languages");
            assert!(!v.contains('\u{1b}') && !v.contains('\u{7}'), "{v:?}");
        }
        // English says what the store's own message says, in the same words.
        for e in &errors[..5] {
            assert_eq!(strings(Lang::En).store_error(e), e.to_string());
        }
    }

    #[test]
    fn campaign_problems_quote_file_text_safely() {
        let p = CampaignProblem::UnknownKind {
            at: "units[0].kind".into(),
            value: "tr\u{1b}[31m".into(),
            expected: vec!["ward".into(), "agency".into()],
        };
        let (v, n) = both(|s| s.campaign_error("a.toml", 3, 8, &p));
        assert!(
            v.starts_with("a.toml:3:8: `units[0].kind`: loại «tr␛[31m»"),
            "{v}"
        );
        assert!(v.ends_with("(cần là ward hoặc agency)"), "{v}");
        assert_eq!(
            n,
            "a.toml:3:8: units[0].kind: unknown kind \"tr␛[31m\" (expected ward or agency)"
        );
    }
}
