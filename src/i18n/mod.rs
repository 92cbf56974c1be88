//! Every string the UI shows, one table per language. A struct (not a map) makes a missing
//! string in either language a compile error rather than a blank on screen.

mod change;
mod en;
mod errors;
mod messages;
mod vi;

pub use messages::{MESSAGES, Message};

use crate::domain::change::ChangeSummary;
use crate::domain::time::SpanWords;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &vi::STRINGS,
        Lang::En => &en::STRINGS,
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

macro_rules! string_table {
    ($($name:ident),* $(,)?) => {
        /// The UI strings of one language (besides `span`, the words of a time span, and
        /// `change_words`, the sentences of logged changes).
        pub struct Strings {
            /// Which language this table speaks, for the messages that take arguments.
            pub lang: Lang,
            pub span: SpanWords,
            /// Read through [`Strings::change`]; a function, as a sentence with named parts
            /// (`change.rs`) is not a template.
            change_words: fn(&Strings, &ChangeSummary) -> String,
            $(pub $name: &'static str,)*
        }

        impl Strings {
            /// Every string with its key, for the consistency tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

string_table! {
    tab_overview,
    tab_units,
    tab_initiatives,
    tab_volunteer,
    tab_kpi,
    app_name,
    fixed_clock,
    too_small,
    help_section_screen,
    help_section_global,
    help_typing,
    help_typing_keys,
    kind_ward,
    kind_agency,
    kind_public_service,
    kind_vertical,
    kind_youth_base,
    kind_short_ward,
    kind_short_agency,
    kind_short_public_service,
    kind_short_vertical,
    kind_short_youth_base,
    state_done,
    state_done_late,
    state_pending,
    state_due_soon,
    state_overdue,
    state_na,
    legend,
    col_unit,
    col_kind,
    col_missing,
    filter_prompt,
    filter_none,
    filter_kind_all,
    filter_missing_only,
    sort_order,
    sort_name,
    sort_missing,
    no_units_match,
    detail_kind,
    detail_contact,
    detail_phone,
    detail_not_set,
    detail_missing,
    detail_nothing_missing,
    detail_deadlines,
    detail_source_manual,
    detail_source_initiative,
    detail_source_registration,
    detail_source_report,
    field_contact_person,
    field_phone,
    hint_phone,
    form_keys,
    form_discard,
    quit_discard,
    confirm_keys,
    err_phone_zero,
    unchanged,
    nothing_to_undo,
    ov_checklist,
    ov_all_done,
    ov_next_deadline,
    ov_no_deadline,
    ov_overdue_units,
    ov_no_overdue,
    ov_kpis,
    ov_summary,
    ov_no_figures,
    ov_no_kpis,
    cli_no_home,
    cli_demo_needs_db,
    io_not_found,
    io_permission,
    io_disk_full,
    io_not_a_dir,
    io_is_a_dir,
    io_exists,
    io_read_only_fs,
    se_full,
    se_busy,
    se_read_only_db,
    se_permission,
    cf_no_schema,
    cf_phone_zero,
    cf_what_unit,
    cf_what_day,
    cf_what_requirement,
    cf_what_kpi,
    cf_what_field,
    cf_what_activity,
    cf_value_kind,
    cf_value_source,
    cf_value_status,
    cf_no_units,
    ov_figures_heading,
    ov_campaign,
    ov_units_by_kind,
    ov_volunteer_day,
    k_quit,
    k_quit_form,
    k_help,
    k_next_tab,
    k_prev_tab,
    k_goto_tab,
    k_up,
    k_down,
    k_page_up,
    k_page_down,
    k_top,
    k_bottom,
    k_col_left,
    k_col_right,
    k_toggle,
    k_edit,
    k_undo,
    k_filter,
    k_clear_filter,
    k_kind_filter,
    k_missing_only,
    k_sort,
    k_filter_accept,
    k_filter_cancel,
    k_backspace,
    k_delete,
    k_cursor,
    k_home_end,
    k_next_field,
    k_prev_field,
    k_save,
    k_enter_form,
    k_cancel_form,
    k_yes,
    k_no,
    k_close_help,
    k_scroll_help,
    f_quit,
    f_help,
    f_tabs,
    f_toggle,
    f_edit,
    f_filter,
    f_undo,
    f_column,
    f_save,
    f_next_field,
    f_cancel,
    f_accept,
    f_clear,
    f_yes,
    f_no,
    f_close,
    err_required,
    err_choose,
    err_date,
    err_score,
    ikind_model,
    ikind_solution,
    ikind_initiative,
    stage_registered,
    stage_implementing,
    stage_evaluated,
    stage_proposed,
    stage_commended,
    replicated,
    level_district_chair,
    level_city,
    collective,
    col_title,
    col_field,
    col_date,
    col_stage,
    col_score,
    sort_date,
    sort_unit,
    sort_stage,
    sort_score,
    all_option,
    no_field,
    no_initiatives,
    no_initiatives_match,
    d_summary,
    d_effect,
    d_notes,
    d_proposal,
    d_proposal_none,
    d_replicating,
    d_none,
    d_history,
    form_initiative_new,
    form_initiative_edit,
    fl_kind,
    fl_title,
    fl_unit,
    fl_field,
    fl_summary,
    fl_effect,
    fl_date,
    fl_notes,
    fl_score,
    fl_level,
    fl_person,
    fl_stage,
    fl_units,
    hint_date,
    hint_pick,
    hint_pick_new,
    hint_lines,
    hint_score,
    hint_person,
    hint_multi,
    form_filter,
    stage_at_end,
    stage_at_start,
    k_add,
    k_edit_init,
    k_delete_init,
    k_stage_next,
    k_stage_prev,
    k_stage_jump,
    k_replicate,
    k_filter_form,
    k_sort_init,
    k_pick_next,
    k_pick_prev,
    k_pick,
    k_newline,
    k_line_down,
    k_line_up,
    f_add,
    f_stage,
    f_pick,
    stage_proposed_short,
    col_replicated,
    m_volunteers,
    m_citizens,
    m_businesses,
    m_files_received,
    m_files_resolved,
    m_online,
    m_einvoice,
    m_land_total,
    m_land_resolved,
    ml_volunteers,
    ml_citizens,
    ml_businesses,
    ml_files_received,
    ml_files_resolved,
    ml_online,
    ml_einvoice,
    ml_land_total,
    ml_land_resolved,
    col_updated,
    totals,
    vol_no_days,
    vol_more,
    err_fig_negative,
    err_fig_large,
    err_fig_not_unit,
    k_edit_cell,
    k_digits,
    k_inc,
    k_dec,
    k_clear_cell,
    k_commit,
    k_cancel_cell,
    k_commit_move,
    k_prev_day,
    k_next_day,
    f_type_digits,
    sec_figures,
    sec_registrations,
    k_section,
    f_section,
    col_activities,
    col_place,
    col_planned,
    col_registered,
    reg_on_time,
    reg_late,
    reg_none,
    fl_activities,
    fl_other,
    fl_place,
    fl_planned,
    fl_registered_at,
    hint_datetime,
    hint_count,
    err_datetime,
    err_count,
    k_register,
    k_delete_registration,
    f_register,
    col_status,
    sec_reports,
    col_received,
    col_photos,
    col_phone,
    rep_none,
    rep_no_photo,
    fl_received_at,
    fl_photos,
    fl_note,
    hint_photos,
    k_report,
    f_report,
    sec_agenda,
    k_new_round,
    form_round,
    fl_day_date,
    fl_round,
    fl_day_title,
    fl_host,
    fl_reg_deadline,
    fl_report_deadline,
    err_deadline_order,
    err_round,
    col_title_agenda,
    col_owner,
    col_date2,
    ag_planned,
    ag_in_progress,
    ag_done,
    ag_cancelled,
    ag_no_date,
    form_agenda_new,
    form_agenda_edit,
    fl_owner,
    fl_status,
    hint_date_optional,
    k_agenda_add,
    k_agenda_edit,
    k_agenda_delete,
    k_fig_left,
    k_fig_right,
    kpi_met,
    kpi_near,
    kpi_below,
    kpi_no_data,
    kpi_tracked,
    col_kpi,
    col_value,
    col_target,
    kpi_computed,
    kpi_measured,
    kpi_history,
    kpi_no_history,
    kpi_computed_note,
    fl_period_start,
    fl_period_end,
    fl_numerator,
    fl_denominator,
    fl_target,
    hint_target,
    hint_amount,
    err_amount,
    err_period,
    err_ratio,
    err_percent,
    kpi_not_measured,
    k_measure,
    k_target,
    k_delete_measurement,
    f_target,
    f_measure,
    br_title,
    br_campaign,
    br_district,
    br_at,
    br_kpis,
    br_checklist,
    br_col_requirement,
    br_col_deadline,
    br_col_done,
    br_col_missing,
    br_all_done,
    br_saturday,
    br_totals,
    br_col_metric,
    br_col_total,
    br_no_day,
    br_no_figures,
    br_initiatives,
    br_col_stage,
    br_col_count,
    br_proposed,
    br_col_title,
    br_col_level,
    br_none,
    br_overdue,
    br_col_overdue_units,
    br_overdue_agenda,
    br_col_owner,
    br_col_date,
    br_no_overdue,
    k_briefing,
    br_during_campaign,
    ex_t_units,
    ex_h_units,
    ex_t_requirements,
    ex_h_requirements,
    ex_t_checklist,
    ex_h_checklist,
    ex_t_initiatives,
    ex_h_initiatives,
    ex_t_registrations,
    ex_h_registrations,
    ex_t_reports,
    ex_h_reports,
    ex_t_figures,
    ex_h_figures,
    ex_t_kpis,
    ex_h_kpis,
    ex_t_measurements,
    ex_h_measurements,
    ex_t_agenda,
    ex_h_agenda,
    ex_summary,
    k_export,
    im_summary_file,
    im_err_no_rows,
    im_kind_units,
    im_kind_initiatives,
    im_kind_registrations,
    im_kind_figures,
    im_err_empty,
    im_err_workbook,
    im_err_utf16,
    im_err_not_utf8,
    im_or,
    im_err_empty_cell,
    im_err_need_day,
    im_err_new_unit_name,
    im_err_need_date,
    im_whole_file,
    im_add,
    im_update,
    im_same,
    im_errors_title,
    im_dry_run,
    im_nothing,
    im_prompt_path,
    im_confirm_hint,
    im_errors_hint,
    im_nothing_hint,
    im_notes,
    k_import,
    k_import_preview,
    f_import_preview,
    im_prompt_keys,
    k_complete_path,
    f_complete_path,
    ro_banner,
    ro_asked,
    ro_file,
    ro_folder,
    hint_import_path,
    f_import,
    k_import_close,
    k_scroll_page,
    k_import_go,
    k_shorten_cell,
    wd_mon,
    wd_tue,
    wd_wed,
    wd_thu,
    wd_fri,
    wd_sat,
    wd_sun,
    wd_short_mon,
    wd_short_tue,
    wd_short_wed,
    wd_short_thu,
    wd_short_fri,
    wd_short_sat,
    wd_short_sun,
}

impl Strings {
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

    pub fn kpi_status(&self, st: crate::domain::kpi::KpiStatus) -> &'static str {
        use crate::domain::kpi::KpiStatus::*;
        match st {
            Met => self.kpi_met,
            Near => self.kpi_near,
            Below => self.kpi_below,
            NoData => self.kpi_no_data,
            Tracked => self.kpi_tracked,
        }
    }

    pub fn kind(&self, kind: crate::domain::unit::UnitKind) -> &'static str {
        use crate::domain::unit::UnitKind::*;
        match kind {
            Ward => self.kind_ward,
            Agency => self.kind_agency,
            PublicService => self.kind_public_service,
            Vertical => self.kind_vertical,
            YouthBase => self.kind_youth_base,
        }
    }

    pub fn kind_short(&self, kind: crate::domain::unit::UnitKind) -> &'static str {
        use crate::domain::unit::UnitKind::*;
        match kind {
            Ward => self.kind_short_ward,
            Agency => self.kind_short_agency,
            PublicService => self.kind_short_public_service,
            Vertical => self.kind_short_vertical,
            YouthBase => self.kind_short_youth_base,
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

    pub fn ro_reason(&self, why: crate::store::ReadOnly) -> &'static str {
        match why {
            crate::store::ReadOnly::Asked => self.ro_asked,
            crate::store::ReadOnly::File => self.ro_file,
            crate::store::ReadOnly::Folder => self.ro_folder,
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
            InitiativeError::BadDate(_) => self.err_date.to_string(),
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
            FigureError::NotANumber(t) => self.err_fig_nan(t),
            FigureError::Negative => self.err_fig_negative.to_string(),
            FigureError::TooLarge => self.err_fig_large.to_string(),
            FigureError::ExceedsBound { bound, value } => {
                self.err_fig_bound(self.metric(*bound), value)
            }
            FigureError::BelowDependent { dependent, value } => {
                self.err_fig_below(self.metric(*dependent), value)
            }
            FigureError::NotForUnit => self.err_fig_not_unit.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No string may be left empty in either language, and none may hide a placeholder: a
    /// sentence with arguments is a method in `messages.rs`, where the compiler checks them.
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
