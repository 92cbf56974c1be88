//! Every string the UI shows, in both languages. Fixed strings are `words.rs` (a struct, not a
//! map, so a missing string in either language is a compile error rather than a blank on
//! screen); sentences with arguments are methods in `messages.rs`; a logged change is worded
//! in `change.rs` and errors from below in `errors.rs`. Each is one edit in one place.

mod change;
mod errors;
mod messages;
mod words;

pub use messages::{MESSAGES, Message};
pub use words::Strings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &words::VI,
        Lang::En => &words::EN,
    }
}

/// A column's header as the import's messages name it, in `lang`. The header map keeps both
/// languages' names (a file may use either); which one a message says is decided here.
pub fn header_name(
    lang: Lang,
    kind: crate::domain::import::ImportKind,
    col: crate::domain::import::Col,
) -> &'static str {
    crate::domain::import::header_name(kind, col, lang == Lang::En)
}

/// How much of a quoted text a message shows, in display columns: a line's worth.
pub const QUOTE_WIDTH: usize = 80;

impl Strings {
    /// Text from a file or the command line, quoted inside a message: on one line, and cut
    /// at [`QUOTE_WIDTH`] columns with its length said, so a 100,000-character cell gives a
    /// readable message rather than a screenful.
    pub fn quote(&self, text: &str) -> String {
        let line = crate::text::one_line(text);
        if crate::text::width(&line) <= QUOTE_WIDTH {
            return self.quoted(line);
        }
        self.quoted_long(
            crate::text::truncate(&line, QUOTE_WIDTH),
            self.grouped(text.chars().count()),
        )
    }

    /// As [`Strings::quote`], for a sentence that puts its own quotes around the text: the
    /// length, when the text is cut, is said inside them.
    pub fn cut(&self, text: &str, width: usize) -> String {
        let line = crate::text::one_line(text);
        if crate::text::width(&line) <= width {
            return line;
        }
        self.cut_long(
            crate::text::truncate(&line, width),
            self.grouped(text.chars().count()),
        )
    }

    /// A count with its thousands grouped as the language writes them: 12.345 / 12,345.
    pub fn grouped(&self, n: usize) -> String {
        let sep = match self.lang {
            Lang::Vi => '.',
            Lang::En => ',',
        };
        let digits = n.to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(d);
        }
        out
    }

    pub fn initiative_kind(&self, kind: crate::domain::initiative::InitiativeKind) -> &'static str {
        use crate::domain::initiative::InitiativeKind::*;
        match kind {
            Model => self.ikind_model,
            Solution => self.ikind_solution,
            Initiative => self.ikind_initiative,
        }
    }

    pub fn stage(&self, stage: crate::domain::initiative::Stage) -> &'static str {
        use crate::domain::initiative::Stage::*;
        match stage {
            Registered => self.stage_registered,
            Implementing => self.stage_implementing,
            Evaluated => self.stage_evaluated,
            Proposed => self.stage_proposed,
            Commended => self.stage_commended,
        }
    }

    pub fn level(&self, level: crate::domain::initiative::CommendationLevel) -> &'static str {
        use crate::domain::initiative::CommendationLevel::*;
        match level {
            DistrictChair => self.level_district_chair,
            City => self.level_city,
        }
    }

    /// Column header of a Saturday figure.
    pub fn metric_short(&self, m: crate::domain::figures::Metric) -> &'static str {
        use crate::domain::figures::Metric::*;
        match m {
            Volunteers => self.m_volunteers,
            Citizens => self.m_citizens,
            Businesses => self.m_businesses,
            FilesReceived => self.m_files_received,
            FilesResolved => self.m_files_resolved,
            OnlineGuided => self.m_online,
            Einvoice => self.m_einvoice,
            LandTotal => self.m_land_total,
            LandResolved => self.m_land_resolved,
        }
    }

    /// Full name of a Saturday figure, for messages and the detail line.
    /// A figure cell's value in a sentence: the number, or "empty".
    pub fn cell_value(&self, value: Option<i64>) -> String {
        value.map_or_else(|| self.fig_empty.to_string(), |v| v.to_string())
    }

    pub fn metric(&self, m: crate::domain::figures::Metric) -> &'static str {
        use crate::domain::figures::Metric::*;
        match m {
            Volunteers => self.ml_volunteers,
            Citizens => self.ml_citizens,
            Businesses => self.ml_businesses,
            FilesReceived => self.ml_files_received,
            FilesResolved => self.ml_files_resolved,
            OnlineGuided => self.ml_online,
            Einvoice => self.ml_einvoice,
            LandTotal => self.ml_land_total,
            LandResolved => self.ml_land_resolved,
        }
    }

    /// A unit kind's label as the campaign declares it, in this language (its Vietnamese
    /// label when it has no English one, its code when the campaign does not declare it).
    pub fn unit_kind<'a>(
        &self,
        kinds: &'a crate::domain::unit::Kinds,
        kind: &'a crate::domain::unit::UnitKind,
    ) -> &'a str {
        kinds.name(kind, self.lang == Lang::En)
    }

    /// As [`Strings::unit_kind`], the short label of table columns.
    pub fn unit_kind_short<'a>(
        &self,
        kinds: &'a crate::domain::unit::Kinds,
        kind: &'a crate::domain::unit::UnitKind,
    ) -> &'a str {
        kinds.short(kind, self.lang == Lang::En)
    }

    pub fn kpi_status(&self, st: crate::domain::kpi::KpiStatus) -> &'static str {
        use crate::domain::kpi::KpiStatus::*;
        match st {
            Met => self.kpi_met,
            Near => self.kpi_near,
            Below => self.kpi_below,
            NoData => self.kpi_no_data,
            Tracked => self.kpi_tracked,
            NotDue => self.kpi_not_due,
        }
    }
}

impl Strings {
    /// A checklist state in words (screens, briefing and export say the same).
    pub fn check_state(&self, state: &crate::domain::checklist::CheckState) -> &'static str {
        use crate::domain::checklist::CheckState::*;
        match state {
            Done { late: false, .. } => self.state_done,
            Done { late: true, .. } => self.state_done_late,
            Pending { .. } => self.state_pending,
            DueSoon { .. } => self.state_due_soon,
            Overdue { .. } => self.state_overdue,
            NotApplicable => self.state_na,
        }
    }

    pub fn agenda_status(&self, st: crate::store::AgendaStatus) -> &'static str {
        use crate::store::AgendaStatus::*;
        match st {
            Planned => self.ag_planned,
            InProgress => self.ag_in_progress,
            Done => self.ag_done,
            Cancelled => self.ag_cancelled,
        }
    }

    /// A weekday inside a sentence ("thứ Bảy", "Saturday").
    pub fn weekday(&self, w: chrono::Weekday) -> &'static str {
        use chrono::Weekday::*;
        match w {
            Mon => self.wd_mon,
            Tue => self.wd_tue,
            Wed => self.wd_wed,
            Thu => self.wd_thu,
            Fri => self.wd_fri,
            Sat => self.wd_sat,
            Sun => self.wd_sun,
        }
    }

    /// A weekday beside the clock in the header ("Thứ Bảy", "Sat").
    pub fn weekday_header(&self, w: chrono::Weekday) -> &'static str {
        use chrono::Weekday::*;
        match w {
            Mon => self.wd_short_mon,
            Tue => self.wd_short_tue,
            Wed => self.wd_short_wed,
            Thu => self.wd_short_thu,
            Fri => self.wd_short_fri,
            Sat => self.wd_short_sat,
            Sun => self.wd_short_sun,
        }
    }

    /// A KPI's target as tab 5 and the briefing print it: "≥ 70%", the target note, or "—".
    pub fn kpi_target(&self, target: Option<f64>, note: &str) -> String {
        match target {
            Some(t) if t.fract() == 0.0 => format!("≥ {t:.0}%"),
            Some(t) => format!("≥ {}", crate::domain::kpi::format_percent(Some(t))),
            None if !note.is_empty() => crate::text::clean(note).into_owned(),
            None => "—".into(),
        }
    }

    /// What a path names instead of a regular file.
    pub fn file_kind(&self, kind: crate::store::FileKind) -> &'static str {
        use crate::store::FileKind;
        match kind {
            FileKind::Directory => self.fk_directory,
            FileKind::Fifo => self.fk_fifo,
            FileKind::Socket => self.fk_socket,
            FileKind::CharDevice | FileKind::BlockDevice => self.fk_device,
            FileKind::Kernel => self.fk_kernel,
            FileKind::Other => self.fk_other,
        }
    }

    pub fn ro_reason(&self, why: crate::store::ReadOnly) -> &'static str {
        match why {
            crate::store::ReadOnly::Asked => self.ro_asked,
            crate::store::ReadOnly::File => self.ro_file,
            crate::store::ReadOnly::Folder => self.ro_folder,
        }
    }

    /// Why `text` is not a date or a date-time, naming the real problem ("«31/02/2022»: tháng
    /// 02/2022 không có ngày 31."): the one wording of the import's cells and every form.
    pub fn date_problem(&self, text: &str, issue: &crate::domain::time::DateIssue) -> String {
        use crate::domain::time::DateIssue;
        match issue {
            DateIssue::Form => self.im_err_date(self.quote(text)),
            DateIssue::Month(m) => self.im_err_month(self.quote(text), m),
            DateIssue::Day { day, month, year } => {
                self.im_err_day(self.quote(text), format!("{month:02}/{year}"), day)
            }
            DateIssue::Time => self.im_err_time(self.quote(text)),
        }
    }

    /// The officer-facing words for a rule of the initiative registry.
    pub fn initiative_error(&self, e: &crate::domain::initiative::InitiativeError) -> String {
        use crate::domain::initiative::{InitiativeError, TITLE_MAX};
        use crate::domain::time::format_date;
        match e {
            InitiativeError::TitleEmpty => self.err_required.to_string(),
            InitiativeError::TitleTooLong(n) => self.err_too_long(TITLE_MAX, n),
            InitiativeError::TextTooLong { max, got } => self.err_too_long(max, got),
            InitiativeError::BadDate { text, issue } => self.date_problem(text, issue),
            InitiativeError::DateOutsideCampaign { start, end } => {
                self.err_date_range(format_date(*start), format_date(*end))
            }
            InitiativeError::BadScore(_) | InitiativeError::ScoreOutOfRange => {
                self.err_score.to_string()
            }
            InitiativeError::UnknownUnit => self.err_choose.to_string(),
        }
    }

    pub fn phone_error(&self, e: &crate::domain::phone::PhoneError) -> String {
        use crate::domain::phone::PhoneError;
        match e {
            PhoneError::WrongLength(n) => self.err_phone_length(n),
            PhoneError::NoLeadingZero => self.err_phone_zero.to_string(),
            PhoneError::BadCharacter(c) => self.err_phone_char(c),
        }
    }

    /// Why a Saturday figure was refused.
    pub fn figure_error(&self, e: &crate::domain::figures::FigureError) -> String {
        use crate::domain::figures::FigureError;
        match e {
            // A form's field is short, a file's cell may be any length: cut either to a line.
            FigureError::NotANumber(t) => self.err_fig_nan(crate::text::truncate(
                &crate::text::one_line(t),
                QUOTE_WIDTH,
            )),
            FigureError::Negative => self.err_fig_negative.to_string(),
            FigureError::TooLarge => self.err_fig_large.to_string(),
            FigureError::ExceedsBound { bound, value } => {
                self.err_fig_bound(self.metric(*bound), value)
            }
            FigureError::BoundMissing { bound } => self.err_fig_bound_missing(self.metric(*bound)),
            FigureError::BelowDependent { dependent, value } => {
                self.err_fig_below(self.metric(*dependent), value)
            }
            FigureError::NotForUnit => self.err_fig_not_unit.to_string(),
        }
    }
}

impl Strings {
    /// A part of the campaign file, as a difference names it.
    pub fn campaign_section(&self, section: crate::domain::campaign_diff::Section) -> &'static str {
        use crate::domain::campaign_diff::Section::*;
        match section {
            Campaign => self.cd_sec_campaign,
            Kind => self.cd_sec_kind,
            Unit => self.cd_sec_unit,
            Round => self.cd_sec_round,
            Requirement => self.cd_sec_requirement,
            Task => self.cd_sec_task,
            Kpi => self.cd_sec_kpi,
            Agenda => self.cd_sec_agenda,
            Field => self.cd_sec_field,
            Activity => self.cd_sec_activity,
            Document => self.cd_sec_document,
        }
    }

    /// What hangs on something a campaign file leaves out: "3 số liệu thứ Bảy, 1 báo cáo nhanh".
    pub fn held_records(&self, held: &crate::domain::campaign_diff::Held) -> String {
        use crate::domain::campaign_diff::Record::*;
        let parts: Vec<String> = held
            .records
            .iter()
            .map(|(record, n)| {
                let what = match record {
                    Checks => self.rec_checks,
                    Initiatives => self.rec_initiatives,
                    Replications => self.rec_replications,
                    Registrations => self.rec_registrations,
                    Figures => self.rec_figures,
                    Reports => self.rec_reports,
                    Measurements => self.rec_measurements,
                    Units => self.rec_units,
                };
                self.ca_record(self.grouped(*n), what)
            })
            .collect();
        parts.join(", ")
    }

    /// One difference between the store's campaign and a file, on one line, the values
    /// quoted (an empty one shows as «») and long ones (a requirement's basis) cut.
    pub fn campaign_change(&self, change: &crate::domain::campaign_diff::Change) -> String {
        use crate::domain::campaign_diff::Change;
        const VALUE: usize = 50;
        match change {
            Change::Added { section, name } => {
                self.cd_added(self.campaign_section(*section), crate::text::one_line(name))
            }
            Change::Removed { section, name } => {
                self.cd_removed(self.campaign_section(*section), crate::text::one_line(name))
            }
            Change::Changed {
                section,
                name,
                key,
                from,
                to,
            } => self.cd_changed(
                self.campaign_section(*section),
                crate::text::one_line(name),
                key,
                self.quote(&crate::text::truncate(from, VALUE)),
                self.quote(&crate::text::truncate(to, VALUE)),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No string may be left empty in either language, and none may hide a placeholder: a
    /// sentence with arguments is a method in `messages.rs`, where the compiler checks them.
    #[test]
    fn long_quotes_are_cut_and_say_how_long() {
        let vi = strings(Lang::Vi);
        let en = strings(Lang::En);
        assert_eq!(vi.quote("Tân Quý"), "«Tân Quý»");
        assert_eq!(en.quote("a\nb"), "“a b”");
        let long = "x".repeat(12_345);
        let cut = format!("{}…", "x".repeat(QUOTE_WIDTH - 1));
        assert_eq!(vi.quote(&long), format!("«{cut}» (dài 12.345 ký tự)"));
        assert_eq!(en.quote(&long), format!("“{cut}” (12,345 characters long)"));
        assert_eq!(en.grouped(1_000_000), "1,000,000");
        assert_eq!(vi.grouped(999), "999");
        assert_eq!(vi.grouped(0), "0");
    }

    #[test]
    fn both_languages_are_complete_and_agree() {
        let vi = strings(Lang::Vi).entries();
        let en = strings(Lang::En).entries();
        assert_eq!(vi.len(), en.len());
        for ((key, v), (_, e)) in vi.iter().zip(&en) {
            assert!(!v.trim().is_empty(), "vi.{key} is empty");
            assert!(!e.trim().is_empty(), "en.{key} is empty");
            for (lang, text) in [("vi", v), ("en", e)] {
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{lang}.{key} holds a placeholder: make it a message with arguments"
                );
            }
        }
    }
}
