//! Every fixed string of the interface, both languages side by side: a new string is one
//! entry here, and one missing in either language fails to compile. (Sentences that take
//! arguments are methods, in `messages.rs`.)

use super::Lang;
use crate::domain::time::SpanWords;

macro_rules! words {
    ($($name:ident { vi: $vi:literal, en: $en:literal $(,)? })*) => {
        /// The UI strings of one language (besides `span`, the words of a time span).
        pub struct Strings {
            /// Which language this table speaks, for the messages that take arguments.
            pub lang: Lang,
            pub span: SpanWords,
            $(pub $name: &'static str,)*
        }

        impl Strings {
            /// Every string with its key, for the consistency tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }

        pub static VI: Strings = Strings {
            lang: Lang::Vi,
            span: SpanWords {
                day: "ngày",
                days: "ngày",
                hour: "giờ",
                hours: "giờ",
                minute: "phút",
                minutes: "phút",
                under_a_minute: "dưới 1 phút",
            },
            $($name: $vi,)*
        };

        pub static EN: Strings = Strings {
            lang: Lang::En,
            span: SpanWords {
                day: "day",
                days: "days",
                hour: "hour",
                hours: "hours",
                minute: "minute",
                minutes: "minutes",
                under_a_minute: "under a minute",
            },
            $($name: $en,)*
        };
    };
}

words! {
    se_a_copy {
        vi: "<bản sao>",
        en: "<copy>",
    }
    fig_empty {
        vi: "trống",
        en: "empty",
    }
    inv_import_errors {
        vi: "một lần nhập còn lỗi không được ghi vào kho",
        en: "an import with errors is not written",
    }
    tab_overview {
        vi: "Tổng quan",
        en: "Overview",
    }
    tab_units {
        vi: "Đơn vị",
        en: "Units",
    }
    tab_initiatives {
        vi: "Sáng kiến",
        en: "Initiatives",
    }
    tab_volunteer {
        vi: "Thứ Bảy tình nguyện",
        en: "Volunteer Saturday",
    }
    tab_kpi {
        vi: "KPI",
        en: "KPI",
    }
    app_name {
        vi: "xungkich",
        en: "xungkich",
    }
    fixed_clock {
        vi: "giờ cố định",
        en: "fixed clock",
    }
    too_small {
        vi: "Cửa sổ quá nhỏ",
        en: "Window too small",
    }
    help_section_screen {
        vi: "Màn hình này",
        en: "This screen",
    }
    help_section_global {
        vi: "Mọi màn hình",
        en: "All screens",
    }
    help_typing {
        vi: "chữ, số",
        en: "letters",
    }
    help_typing_keys {
        vi: "gõ vào ô đang chọn (Telex/VNI được)",
        en: "type into the selected field (Telex/VNI work)",
    }
    state_done {
        vi: "xong",
        en: "done",
    }
    state_done_late {
        vi: "xong, trễ",
        en: "done late",
    }
    state_pending {
        vi: "chưa",
        en: "pending",
    }
    state_due_soon {
        vi: "sắp hạn",
        en: "due soon",
    }
    state_overdue {
        vi: "quá hạn",
        en: "overdue",
    }
    state_na {
        vi: "không áp dụng",
        en: "not applicable",
    }
    legend {
        vi: "✔ xong  ✘ trễ  · chưa  ! sắp hạn (<48 giờ)  ✖ quá hạn  – không áp dụng",
        en: "✔ done  ✘ done late  · pending  ! due soon (<48 h)  ✖ overdue  – n/a",
    }
    col_unit {
        vi: "Đơn vị",
        en: "Unit",
    }
    col_kind {
        vi: "Loại",
        en: "Type",
    }
    col_missing {
        vi: "Thiếu",
        en: "To do",
    }
    filter_prompt {
        vi: "Lọc: ",
        en: "Filter: ",
    }
    filter_none {
        vi: "gõ / để lọc",
        en: "press / to filter",
    }
    filter_kind_all {
        vi: "mọi loại",
        en: "all types",
    }
    filter_missing_only {
        vi: "chỉ đơn vị còn thiếu",
        en: "incomplete units only",
    }
    sort_order {
        vi: "thứ tự kế hoạch",
        en: "plan order",
    }
    sort_name {
        vi: "tên (A–Z tiếng Việt)",
        en: "name (Vietnamese A–Z)",
    }
    sort_missing {
        vi: "số việc còn thiếu",
        en: "most missing",
    }
    no_units_match {
        vi: "Không có đơn vị nào khớp bộ lọc. Esc để xoá lọc.",
        en: "No unit matches the filter. Esc clears it.",
    }
    detail_kind {
        vi: "Loại",
        en: "Type",
    }
    detail_contact {
        vi: "Người liên hệ",
        en: "Contact",
    }
    detail_phone {
        vi: "Điện thoại",
        en: "Phone",
    }
    detail_not_set {
        vi: "(chưa có — e để nhập)",
        en: "(none yet — e to enter)",
    }
    detail_missing {
        vi: "Còn thiếu",
        en: "Missing",
    }
    detail_nothing_missing {
        vi: "Đã đủ mọi yêu cầu.",
        en: "All requirements met.",
    }
    detail_deadlines {
        vi: "Yêu cầu và hạn chót",
        en: "Requirements & deadlines",
    }
    detail_source_manual {
        vi: "đánh dấu tay",
        en: "ticked by hand",
    }
    detail_source_initiative {
        vi: "từ sổ sáng kiến",
        en: "from initiatives",
    }
    detail_source_registration {
        vi: "từ đăng ký thứ Bảy",
        en: "from registrations",
    }
    detail_source_report {
        vi: "từ báo cáo nhanh",
        en: "from quick reports",
    }
    field_contact_person {
        vi: "Người liên hệ",
        en: "Contact person",
    }
    field_phone {
        vi: "Điện thoại",
        en: "Phone",
    }
    hint_phone {
        vi: "10 chữ số, bắt đầu bằng 0, ví dụ 0703.652.444",
        en: "10 digits starting with 0, e.g. 0703.652.444",
    }
    form_keys {
        vi: "Tab/Shift-Tab: chuyển ô · Ctrl-S hoặc Enter ở ô cuối: lưu · Esc: huỷ",
        en: "Tab/Shift-Tab: move · Ctrl-S or Enter in last field: save · Esc: cancel",
    }
    form_discard {
        vi: "Bỏ các thay đổi chưa lưu?",
        en: "Discard unsaved changes?",
    }
    quit_discard {
        vi: "Thoát và bỏ các thay đổi chưa lưu?",
        en: "Quit and discard unsaved changes?",
    }
    confirm_keys {
        vi: "y: đồng ý · n/Esc: quay lại",
        en: "y: yes · n/Esc: go back",
    }
    err_phone_zero {
        vi: "Số điện thoại phải bắt đầu bằng 0.",
        en: "A phone number must start with 0.",
    }
    unchanged {
        vi: "Không có gì thay đổi.",
        en: "Nothing changed.",
    }
    nothing_to_undo {
        vi: "Không còn thay đổi nào để hoàn tác.",
        en: "Nothing left to undo.",
    }
    nothing_to_redo {
        vi: "Không còn gì để làm lại.",
        en: "Nothing to redo.",
    }
    redo_changed {
        vi: "Không làm lại được: dữ liệu đã thay đổi từ lúc hoàn tác.",
        en: "Cannot redo: the data has changed since the undo.",
    }
    ov_checklist {
        vi: "Yêu cầu đối với đơn vị",
        en: "What every unit must do",
    }
    ov_all_done {
        vi: "mọi đơn vị đã xong",
        en: "every unit is done",
    }
    ov_next_deadline {
        vi: "Hạn chót kế tiếp",
        en: "Next deadline",
    }
    ov_no_deadline {
        vi: "Không còn hạn chót nào phía trước.",
        en: "No deadlines ahead.",
    }
    ov_overdue_units {
        vi: "Đơn vị quá hạn",
        en: "Overdue units",
    }
    ov_no_overdue {
        vi: "Không có đơn vị nào quá hạn.",
        en: "No unit is overdue.",
    }
    ov_kpis {
        vi: "Chỉ tiêu",
        en: "KPIs",
    }
    ov_summary {
        vi: "Thứ Bảy và sáng kiến",
        en: "Saturday and initiatives",
    }
    ov_no_figures {
        vi: "chưa có số liệu",
        en: "no figures yet",
    }
    ov_no_kpis {
        vi: "Kế hoạch không có chỉ tiêu.",
        en: "The plan has no KPIs.",
    }
    cli_no_home {
        vi: "không có thư mục người dùng để giữ kho dữ liệu: hãy cho --db ĐƯỜNG_DẪN",
        en: "no home folder to keep the store in: give --db PATH",
    }
    cli_docx_needs_out {
        vi: "report --format docx cần --out TỆP.docx: tài liệu Word không in ra màn hình được",
        en: "report --format docx needs --out FILE.docx: a Word document cannot be printed to the terminal",
    }
    cli_demo_needs_db {
        vi: "demo cần --db ĐƯỜNG_DẪN, để không bao giờ đổ dữ liệu mẫu vào kho thật",
        en: "demo needs --db PATH, so it never fills your real store",
    }
    io_not_found {
        vi: "không có tệp hay thư mục đó",
        en: "no such file or folder",
    }
    io_permission {
        vi: "không có quyền truy cập",
        en: "permission denied",
    }
    io_disk_full {
        vi: "ổ đĩa đã đầy",
        en: "the disk is full",
    }
    io_not_a_dir {
        vi: "một phần của đường dẫn là tệp, không phải thư mục",
        en: "part of the path is a file, not a folder",
    }
    io_is_a_dir {
        vi: "đây là thư mục, không phải tệp",
        en: "it is a folder, not a file",
    }
    io_exists {
        vi: "đã có tệp hay thư mục mang tên này",
        en: "a file or folder of that name exists already",
    }
    io_read_only_fs {
        vi: "ổ đĩa chỉ cho đọc",
        en: "the disk is read-only",
    }
    se_full {
        vi: "ổ đĩa đã đầy (hoặc kho chạm giới hạn dung lượng): không ghi thêm được gì",
        en: "the disk is full (or the store reached its size limit): nothing more could be written",
    }
    se_busy {
        vi: "kho đang bị một phiên xungkich khác (hay chương trình khác) khoá; thử lại sau giây lát",
        en: "the store is locked by another xungkich (or another program); try again in a moment",
    }
    se_read_only_db {
        vi: "SQLite không ghi được vào tệp kho (tệp chỉ cho đọc)",
        en: "SQLite cannot write to the store file (it is read-only)",
    }
    se_permission {
        vi: "không có quyền truy cập tệp kho",
        en: "no permission to access the store file",
    }
    cf_no_schema {
        vi: "thiếu dòng `schema = 1` ở đầu tệp",
        en: "missing `schema = 1` at the top of the file",
    }
    cf_phone_zero {
        vi: "không bắt đầu bằng 0",
        en: "it does not start with 0",
    }
    cf_what_unit {
        vi: "đơn vị",
        en: "unit",
    }
    cf_what_day {
        vi: "ngày tình nguyện",
        en: "volunteer day",
    }
    cf_what_requirement {
        vi: "yêu cầu",
        en: "requirement",
    }
    cf_what_kpi {
        vi: "KPI",
        en: "KPI",
    }
    cf_what_field {
        vi: "lĩnh vực",
        en: "field",
    }
    cf_what_activity {
        vi: "hoạt động",
        en: "activity",
    }
    cf_what_kind {
        vi: "loại đơn vị",
        en: "unit kind",
    }
    cf_unclosed_table {
        vi: "tên mục thiếu dấu `]` đóng: viết `[tên]`, hoặc `[[tên]]` cho mục lặp lại, trên một dòng",
        en: "a table header lacks its closing `]`: write `[name]`, or `[[name]]` for a repeated entry, on one line",
    }
    cf_value_kind {
        vi: "loại",
        en: "kind",
    }
    cf_value_source {
        vi: "nguồn",
        en: "source",
    }
    cf_value_status {
        vi: "trạng thái",
        en: "status",
    }
    cf_value_figure {
        vi: "số liệu thứ Bảy",
        en: "Saturday figure",
    }
    cf_no_units {
        vi: "chưa có đơn vị nào: thêm ít nhất một bảng [[units]] có code, name và kind",
        en: "no units: add at least one [[units]] table with code, name and kind",
    }
    ov_figures_heading {
        vi: "Số liệu ngày thứ Bảy",
        en: "Saturday figures",
    }
    ov_campaign {
        vi: "Kế hoạch",
        en: "Plan",
    }
    ov_units_by_kind {
        vi: "Đơn vị tham gia",
        en: "Units taking part",
    }
    ov_volunteer_day {
        vi: "Ngày thứ Bảy tình nguyện",
        en: "Volunteer Saturday",
    }
    k_quit {
        vi: "thoát",
        en: "quit",
    }
    k_quit_form {
        vi: "thoát (hỏi trước nếu đã sửa)",
        en: "quit (asks first if edited)",
    }
    k_suspend {
        vi: "tạm dừng (fg: tiếp tục)",
        en: "suspend (fg resumes)",
    }
    k_help {
        vi: "bật/tắt bảng phím tắt",
        en: "show/hide key help",
    }
    k_next_tab {
        vi: "thẻ kế tiếp",
        en: "next tab",
    }
    k_prev_tab {
        vi: "thẻ trước",
        en: "previous tab",
    }
    k_goto_tab {
        vi: "tới thẻ 1–5",
        en: "go to tab 1–5",
    }
    k_up {
        vi: "lên",
        en: "up",
    }
    k_down {
        vi: "xuống",
        en: "down",
    }
    k_page_up {
        vi: "lên một trang",
        en: "up one page",
    }
    k_page_down {
        vi: "xuống một trang",
        en: "down one page",
    }
    k_top {
        vi: "về đầu danh sách",
        en: "to the top of the list",
    }
    k_bottom {
        vi: "về cuối danh sách",
        en: "to the end of the list",
    }
    k_col_left {
        vi: "chọn yêu cầu bên trái",
        en: "requirement to the left",
    }
    k_col_right {
        vi: "chọn yêu cầu bên phải",
        en: "requirement to the right",
    }
    k_toggle {
        vi: "đánh dấu / bỏ đánh dấu yêu cầu đang chọn",
        en: "tick / untick the selected requirement",
    }
    k_edit {
        vi: "sửa người liên hệ và điện thoại",
        en: "edit contact person and phone",
    }
    k_undo {
        vi: "hoàn tác thay đổi gần nhất",
        en: "undo the last change",
    }
    k_redo {
        vi: "làm lại thay đổi vừa hoàn tác",
        en: "redo the change just undone",
    }
    k_filter {
        vi: "lọc khi gõ (không cần dấu)",
        en: "filter as you type (accents optional)",
    }
    k_clear_filter {
        vi: "xoá bộ lọc",
        en: "clear the filter",
    }
    k_kind_filter {
        vi: "lọc theo loại đơn vị (lần lượt)",
        en: "filter by unit type (cycles)",
    }
    k_missing_only {
        vi: "chỉ hiện đơn vị còn thiếu",
        en: "show only incomplete units",
    }
    k_sort {
        vi: "đổi cách sắp xếp",
        en: "change sort order",
    }
    k_filter_accept {
        vi: "giữ bộ lọc, về danh sách",
        en: "keep filter, back to list",
    }
    k_filter_cancel {
        vi: "xoá bộ lọc, về danh sách",
        en: "clear filter, back to list",
    }
    k_backspace {
        vi: "xoá ký tự trước con trỏ",
        en: "delete before the cursor",
    }
    k_delete {
        vi: "xoá ký tự tại con trỏ",
        en: "delete at the cursor",
    }
    k_cursor {
        vi: "di chuyển con trỏ",
        en: "move the cursor",
    }
    k_home_end {
        vi: "về đầu / cuối ô",
        en: "to start / end of field",
    }
    k_next_field {
        vi: "ô kế tiếp",
        en: "next field",
    }
    k_complete_photo {
        vi: "hoàn tất tên tệp ảnh ở dòng này (không cần dấu); dòng trống hay đã đủ thì sang ô kế tiếp",
        en: "complete the photo's file name on this line (no diacritics needed); on an empty or whole line, the next field",
    }
    k_pick_tab {
        vi: "lấy dòng đang chọn (mục đã có trùng với chữ đã gõ), rồi sang ô kế tiếp",
        en: "take the highlighted line (an existing match of what was typed), then the next field",
    }
    k_prev_field {
        vi: "ô trước",
        en: "previous field",
    }
    k_save {
        vi: "lưu",
        en: "save",
    }
    k_enter_form {
        vi: "ô kế tiếp; ở ô cuối thì lưu",
        en: "next field; save on the last",
    }
    k_cancel_form {
        vi: "huỷ (hỏi trước nếu đã sửa)",
        en: "cancel (asks first if edited)",
    }
    k_yes {
        vi: "đồng ý",
        en: "yes",
    }
    k_no {
        vi: "quay lại",
        en: "go back",
    }
    k_close_help {
        vi: "đóng bảng phím tắt",
        en: "close key help",
    }
    k_scroll_help {
        vi: "cuộn",
        en: "scroll",
    }
    f_quit {
        vi: "thoát",
        en: "quit",
    }
    f_help {
        vi: "trợ giúp",
        en: "help",
    }
    f_tabs {
        vi: "thẻ",
        en: "tabs",
    }
    f_toggle {
        vi: "đánh dấu",
        en: "tick",
    }
    f_edit {
        vi: "sửa",
        en: "edit",
    }
    f_filter {
        vi: "lọc",
        en: "filter",
    }
    f_undo {
        vi: "hoàn tác",
        en: "undo",
    }
    f_column {
        vi: "cột",
        en: "column",
    }
    f_save {
        vi: "lưu",
        en: "save",
    }
    f_next_field {
        vi: "ô kế",
        en: "next",
    }
    f_cancel {
        vi: "huỷ",
        en: "cancel",
    }
    f_accept {
        vi: "xong",
        en: "done",
    }
    f_clear {
        vi: "xoá lọc",
        en: "clear",
    }
    f_yes {
        vi: "đồng ý",
        en: "yes",
    }
    f_no {
        vi: "không",
        en: "no",
    }
    f_close {
        vi: "đóng",
        en: "close",
    }
    err_required {
        vi: "Bắt buộc: chưa nhập.",
        en: "Required: nothing entered.",
    }
    err_choose {
        vi: "Chưa chọn: gõ để tìm rồi Enter.",
        en: "Nothing chosen: type to search, then Enter.",
    }
    err_date {
        vi: "Ngày không hợp lệ: dùng dd/mm/yyyy, ví dụ 07/05/2022.",
        en: "Not a date: use dd/mm/yyyy, e.g. 07/05/2022.",
    }
    err_score {
        vi: "Điểm là số từ 0 đến 100 (có thể để trống).",
        en: "The score is a number from 0 to 100 (or empty).",
    }
    ikind_model {
        vi: "Mô hình",
        en: "Model",
    }
    ikind_solution {
        vi: "Giải pháp",
        en: "Solution",
    }
    ikind_initiative {
        vi: "Sáng kiến",
        en: "Initiative",
    }
    stage_registered {
        vi: "Đăng ký",
        en: "Registered",
    }
    stage_implementing {
        vi: "Triển khai",
        en: "Implementing",
    }
    stage_evaluated {
        vi: "Đánh giá",
        en: "Evaluated",
    }
    stage_proposed {
        vi: "Đề xuất khen thưởng",
        en: "Proposed for award",
    }
    stage_commended {
        vi: "Khen thưởng",
        en: "Commended",
    }
    replicated {
        vi: "Nhân rộng",
        en: "Replicated",
    }
    level_district_chair {
        vi: "Chủ tịch UBND quận",
        en: "District Chairman",
    }
    level_city {
        vi: "UBND Thành phố",
        en: "City People's Committee",
    }
    collective {
        vi: "tập thể",
        en: "the collective",
    }
    col_title {
        vi: "Tên",
        en: "Title",
    }
    col_field {
        vi: "Lĩnh vực",
        en: "Field",
    }
    col_date {
        vi: "Ngày ĐK",
        en: "Registered",
    }
    col_stage {
        vi: "Giai đoạn",
        en: "Stage",
    }
    col_score {
        vi: "Điểm",
        en: "Score",
    }
    sort_date {
        vi: "ngày đăng ký",
        en: "date registered",
    }
    sort_unit {
        vi: "đơn vị",
        en: "unit",
    }
    sort_stage {
        vi: "giai đoạn",
        en: "stage",
    }
    sort_score {
        vi: "điểm (cao trước)",
        en: "score (highest first)",
    }
    all_option {
        vi: "(tất cả)",
        en: "(all)",
    }
    no_field {
        vi: "(chưa có)",
        en: "(none)",
    }
    no_initiatives {
        vi: "Chưa có sáng kiến nào. Bấm a để thêm.",
        en: "No initiatives yet. Press a to add one.",
    }
    no_initiatives_match {
        vi: "Không có sáng kiến nào khớp bộ lọc. Esc để xoá lọc.",
        en: "No initiative matches the filters. Esc clears them.",
    }
    d_summary {
        vi: "Tóm tắt",
        en: "Summary",
    }
    d_effect {
        vi: "Hiệu quả dự kiến",
        en: "Expected effect",
    }
    d_notes {
        vi: "Nhận xét đánh giá",
        en: "Evaluation notes",
    }
    d_proposal {
        vi: "Đề xuất khen thưởng",
        en: "Commendation proposal",
    }
    d_proposal_none {
        vi: "chưa đề xuất",
        en: "not proposed",
    }
    d_replicating {
        vi: "Đơn vị nhân rộng",
        en: "Replicating units",
    }
    d_none {
        vi: "(không có)",
        en: "(none)",
    }
    d_history {
        vi: "Các giai đoạn",
        en: "Stage history",
    }
    form_initiative_new {
        vi: "Thêm sáng kiến",
        en: "New initiative",
    }
    form_initiative_edit {
        vi: "Sửa sáng kiến",
        en: "Edit initiative",
    }
    fl_kind {
        vi: "Loại",
        en: "Kind",
    }
    fl_title {
        vi: "Tên",
        en: "Title",
    }
    fl_unit {
        vi: "Đơn vị",
        en: "Unit",
    }
    fl_field {
        vi: "Lĩnh vực",
        en: "Field",
    }
    fl_summary {
        vi: "Tóm tắt",
        en: "Summary",
    }
    fl_effect {
        vi: "Hiệu quả dự kiến",
        en: "Expected effect",
    }
    fl_date {
        vi: "Ngày đăng ký",
        en: "Registered on",
    }
    fl_notes {
        vi: "Nhận xét đánh giá",
        en: "Evaluation notes",
    }
    fl_score {
        vi: "Điểm",
        en: "Score",
    }
    fl_level {
        vi: "Cấp khen thưởng",
        en: "Award level",
    }
    fl_person {
        vi: "Cá nhân",
        en: "Individual",
    }
    fl_stage {
        vi: "Giai đoạn",
        en: "Stage",
    }
    fl_units {
        vi: "Đơn vị",
        en: "Units",
    }
    hint_date {
        vi: "dd/mm/yyyy, ví dụ 07/05/2022",
        en: "dd/mm/yyyy, e.g. 07/05/2022",
    }
    hint_pick {
        vi: "gõ để tìm (không cần dấu), ↑↓ chọn, Enter lấy",
        en: "type to search (accents optional), ↑↓, Enter takes",
    }
    hint_pick_new {
        vi: "gõ tên mới rồi Enter để thêm lĩnh vực",
        en: "type a new name and Enter to add a field",
    }
    hint_lines {
        vi: "Enter xuống dòng, Tab sang ô sau",
        en: "Enter: new line, Tab: next field",
    }
    hint_score {
        vi: "0–100, để trống nếu chưa chấm",
        en: "0–100, empty if not scored",
    }
    hint_person {
        vi: "để trống nếu đề xuất cho tập thể",
        en: "empty when proposing the collective",
    }
    hint_multi {
        vi: "Enter chọn / bỏ chọn, Ctrl-S lưu",
        en: "Enter selects / unselects, Ctrl-S saves",
    }
    form_filter {
        vi: "Lọc sáng kiến",
        en: "Filter initiatives",
    }
    stage_at_end {
        vi: "Đã ở giai đoạn cuối (Khen thưởng).",
        en: "Already at the last stage (Commended).",
    }
    stage_at_start {
        vi: "Đã ở giai đoạn đầu (Đăng ký).",
        en: "Already at the first stage (Registered).",
    }
    k_add {
        vi: "thêm sáng kiến",
        en: "add an initiative",
    }
    k_edit_init {
        vi: "sửa sáng kiến đang chọn",
        en: "edit the selected initiative",
    }
    k_delete_init {
        vi: "xoá (hỏi trước)",
        en: "delete (asks first)",
    }
    k_stage_next {
        vi: "chuyển sang giai đoạn sau",
        en: "move to the next stage",
    }
    k_stage_prev {
        vi: "lùi về giai đoạn trước",
        en: "move back a stage",
    }
    k_stage_jump {
        vi: "chọn giai đoạn (bỏ qua thì hỏi trước)",
        en: "choose a stage (asks before skipping)",
    }
    k_replicate {
        vi: "chọn đơn vị nhân rộng",
        en: "choose the replicating units",
    }
    k_filter_form {
        vi: "lọc theo loại, giai đoạn, đơn vị, lĩnh vực",
        en: "filter by kind, stage, unit, field",
    }
    k_sort_init {
        vi: "đổi cách sắp xếp (ngày, đơn vị, giai đoạn, điểm)",
        en: "change sort (date, unit, stage, score)",
    }
    k_pick_next {
        vi: "lựa chọn kế tiếp",
        en: "next choice",
    }
    k_pick_prev {
        vi: "lựa chọn trước",
        en: "previous choice",
    }
    k_pick {
        vi: "lấy lựa chọn (nhiều lựa chọn: chọn/bỏ)",
        en: "take the choice (multiple: toggle)",
    }
    k_newline {
        vi: "xuống dòng",
        en: "new line",
    }
    k_line_down {
        vi: "dòng dưới",
        en: "line down",
    }
    k_line_up {
        vi: "dòng trên",
        en: "line up",
    }
    f_add {
        vi: "thêm",
        en: "add",
    }
    f_stage {
        vi: "giai đoạn",
        en: "stage",
    }
    f_pick {
        vi: "lấy",
        en: "take",
    }
    stage_proposed_short {
        vi: "Đề xuất KT",
        en: "Proposed",
    }
    col_replicated {
        vi: "N.rộng",
        en: "Repl.",
    }
    m_volunteers {
        vi: "ĐV",
        en: "Vol.",
    }
    m_citizens {
        vi: "Dân",
        en: "Citiz.",
    }
    m_businesses {
        vi: "DN",
        en: "Biz",
    }
    m_files_received {
        vi: "Nhận",
        en: "Files in",
    }
    m_files_resolved {
        vi: "Xong",
        en: "Done",
    }
    m_online {
        vi: "T.tuyến",
        en: "Online",
    }
    m_einvoice {
        vi: "HĐĐT",
        en: "E-inv.",
    }
    m_land_total {
        vi: "ĐĐ nhận",
        en: "Land",
    }
    m_land_resolved {
        vi: "ĐĐ xong",
        en: "Land ok",
    }
    ml_volunteers {
        vi: "Đoàn viên tham gia",
        en: "Volunteers taking part",
    }
    ml_citizens {
        vi: "Lượt người dân được hỗ trợ",
        en: "Citizens helped",
    }
    ml_businesses {
        vi: "Doanh nghiệp được hỗ trợ",
        en: "Businesses helped",
    }
    ml_files_received {
        vi: "Hồ sơ tiếp nhận",
        en: "Files received",
    }
    ml_files_resolved {
        vi: "Hồ sơ giải quyết",
        en: "Files resolved",
    }
    ml_online {
        vi: "Hồ sơ trực tuyến được hướng dẫn",
        en: "Online submissions guided",
    }
    ml_einvoice {
        vi: "Hướng dẫn hóa đơn điện tử",
        en: "E-invoice guidance",
    }
    ml_land_total {
        vi: "Hồ sơ đất đai trong tuần",
        en: "Land files of the week",
    }
    ml_land_resolved {
        vi: "Hồ sơ đất đai đã giải quyết",
        en: "Land files resolved",
    }
    col_updated {
        vi: "Cập nhật",
        en: "Updated",
    }
    totals {
        vi: "Tổng cộng",
        en: "Totals",
    }
    vol_no_days {
        vi: "Chưa có ngày thứ Bảy tình nguyện nào trong kế hoạch.",
        en: "The campaign has no volunteer Saturday.",
    }
    vol_more {
        vi: "Chọn phần bằng v; thêm đợt thứ Bảy bằng N.",
        en: "Switch parts with v; add a Saturday round with N.",
    }
    err_fig_negative {
        vi: "không được là số âm",
        en: "it may not be negative",
    }
    err_fig_large {
        vi: "lớn hơn 1.000.000",
        en: "it is over 1,000,000",
    }
    err_fig_not_unit {
        vi: "đơn vị này không báo số liệu này",
        en: "this unit does not report this figure",
    }
    k_edit_cell {
        vi: "sửa ô đang chọn",
        en: "edit the selected cell",
    }
    k_digits {
        vi: "gõ số: bắt đầu sửa ô",
        en: "type a digit: start editing the cell",
    }
    k_inc {
        vi: "cộng 1 vào ô (lưu ngay)",
        en: "add one (saved at once)",
    }
    k_dec {
        vi: "trừ 1 khỏi ô (lưu ngay)",
        en: "subtract one (saved at once)",
    }
    k_clear_cell {
        vi: "xoá số của ô",
        en: "clear the cell",
    }
    k_commit {
        vi: "lưu ô rồi sang số liệu kế tiếp của đơn vị (hết hàng thì sang hàng sau)",
        en: "save the cell, then the unit's next figure (the next row after the last)",
    }
    k_commit_tab {
        vi: "lưu ô rồi sang ô kế tiếp / ô trước",
        en: "save the cell, then the next / previous cell",
    }
    k_next_cell {
        vi: "ô kế tiếp / ô trước (qua hàng; bỏ qua ô đơn vị không có)",
        en: "next / previous cell (across rows; cells a unit cannot have skipped)",
    }
    k_row_ends {
        vi: "số liệu đầu / cuối hàng",
        en: "first / last figure of the row",
    }
    k_registered_only {
        vi: "chỉ đơn vị đã đăng ký / mọi đơn vị",
        en: "registered units only / every unit",
    }
    k_goto_tab_alt {
        vi: "sang thẻ đó từ bất cứ đâu, cả từ thẻ 4",
        en: "go to that tab from anywhere, tab 4 included",
    }
    k_digit_outside_grid {
        vi: "số liệu chỉ gõ ở phần Số liệu (v); chữ số không rời thẻ 4",
        en: "figures are typed in the Figures part (v); a digit never leaves tab 4",
    }
    digits_outside_grid {
        vi: "Số liệu gõ ở phần Số liệu: bấm v để sang. Sang thẻ khác: Alt+số hoặc Tab.",
        en: "Figures are typed in the Figures part: press v to go there. Other tabs: Alt+digit or Tab.",
    }
    k_cancel_cell {
        vi: "huỷ, giữ số cũ",
        en: "cancel, keep the old value",
    }
    k_commit_move {
        vi: "lưu rồi sang ô bên cạnh",
        en: "save, then move to the next cell",
    }
    k_prev_day {
        vi: "ngày thứ Bảy trước",
        en: "previous Saturday",
    }
    k_next_day {
        vi: "ngày thứ Bảy sau",
        en: "next Saturday",
    }
    f_type_digits {
        vi: "gõ số",
        en: "type digits",
    }
    sec_figures {
        vi: "Số liệu",
        en: "Figures",
    }
    sec_registrations {
        vi: "Đăng ký",
        en: "Registrations",
    }
    k_section {
        vi: "đổi phần: số liệu / đăng ký / báo cáo / nhiệm vụ / tháng hành động",
        en: "switch part: figures / registrations / reports / tasks / Action Month",
    }
    f_section {
        vi: "phần",
        en: "part",
    }
    col_activities {
        vi: "Hoạt động",
        en: "Activities",
    }
    col_place {
        vi: "Địa điểm",
        en: "Place",
    }
    col_planned {
        vi: "ĐV dự kiến",
        en: "Planned",
    }
    col_registered {
        vi: "Đăng ký lúc",
        en: "Registered",
    }
    reg_on_time {
        vi: "đúng hạn",
        en: "on time",
    }
    reg_late {
        vi: "trễ",
        en: "late",
    }
    reg_none {
        vi: "chưa đăng ký",
        en: "not registered",
    }
    fl_activities {
        vi: "Hoạt động",
        en: "Activities",
    }
    fl_other {
        vi: "Khác",
        en: "Other",
    }
    fl_place {
        vi: "Địa điểm",
        en: "Place",
    }
    fl_planned {
        vi: "Số ĐV dự kiến",
        en: "Planned volunteers",
    }
    fl_registered_at {
        vi: "Đăng ký lúc",
        en: "Registered at",
    }
    hint_datetime {
        vi: "dd/mm/yyyy HH:MM, ví dụ 04/05/2022 15:30",
        en: "dd/mm/yyyy HH:MM, e.g. 04/05/2022 15:30",
    }
    hint_count {
        vi: "số nguyên, để trống nếu chưa biết",
        en: "a whole number, empty if not known",
    }
    err_datetime {
        vi: "Thời điểm không hợp lệ: dùng dd/mm/yyyy HH:MM.",
        en: "Not a date and time: use dd/mm/yyyy HH:MM.",
    }
    err_count {
        vi: "Số nguyên từ 0 đến 10.000 (có thể để trống).",
        en: "A whole number from 0 to 10,000 (or empty).",
    }
    k_register {
        vi: "đăng ký / sửa đăng ký của đơn vị",
        en: "register / edit the unit's registration",
    }
    k_delete_registration {
        vi: "xoá đăng ký (hỏi trước)",
        en: "delete the registration (asks first)",
    }
    f_register {
        vi: "đăng ký",
        en: "register",
    }
    col_status {
        vi: "Trạng thái",
        en: "Status",
    }
    sec_reports {
        vi: "Báo cáo nhanh",
        en: "Quick reports",
    }
    col_received {
        vi: "Nhận lúc",
        en: "Received",
    }
    col_photos {
        vi: "Ảnh",
        en: "Photos",
    }
    col_phone {
        vi: "Điện thoại",
        en: "Phone",
    }
    rep_none {
        vi: "chưa báo cáo",
        en: "not reported",
    }
    rep_no_photo {
        vi: "chưa có ảnh",
        en: "no photo yet",
    }
    fl_received_at {
        vi: "Nhận lúc",
        en: "Received at",
    }
    fl_photos {
        vi: "Ảnh",
        en: "Photos",
    }
    fl_note {
        vi: "Ghi chú",
        en: "Note",
    }
    hint_photos {
        vi: "đường dẫn tệp ảnh (JPEG, PNG, HEIC, WebP), mỗi dòng một tệp; được thêm vào ảnh đã có",
        en: "photo file paths (JPEG, PNG, HEIC, WebP), one per line; added to those already attached",
    }
    k_report {
        vi: "nhận báo cáo nhanh, kèm ảnh",
        en: "record the quick report, with photos",
    }
    f_report {
        vi: "báo cáo",
        en: "report",
    }
    sec_agenda {
        vi: "Tháng hành động",
        en: "Action Month",
    }
    sec_tasks {
        vi: "Nhiệm vụ giao",
        en: "Assigned tasks",
    }
    col_task {
        vi: "Nhiệm vụ",
        en: "Task",
    }
    col_task_figures {
        vi: "Số liệu đo",
        en: "Measured by",
    }
    task_no_figures {
        vi: "· chưa có số liệu",
        en: "· no figures yet",
    }
    tasks_none {
        vi: "Kế hoạch không giao nhiệm vụ riêng cho ngày thứ Bảy này.",
        en: "The plan assigns no tasks of their own for this Saturday.",
    }
    detail_tasks {
        vi: "Nhiệm vụ thứ Bảy",
        en: "Saturday task",
    }
    detail_youth_base {
        vi: "Cơ sở Đoàn",
        en: "Youth base",
    }
    detail_by_base {
        vi: "cơ sở Đoàn",
        en: "youth base",
    }
    detail_acts_for {
        vi: "Thay mặt",
        en: "Acts for",
    }
    k_new_round {
        vi: "thêm đợt thứ Bảy",
        en: "add a Saturday round",
    }
    form_round {
        vi: "Thêm đợt ngày thứ Bảy tình nguyện",
        en: "New volunteer Saturday round",
    }
    fl_day_date {
        vi: "Ngày (thứ Bảy)",
        en: "Date (a Saturday)",
    }
    fl_round {
        vi: "Đợt",
        en: "Round",
    }
    fl_day_title {
        vi: "Tên",
        en: "Title",
    }
    fl_host {
        vi: "Nơi tổ chức",
        en: "Host",
    }
    fl_reg_deadline {
        vi: "Hạn đăng ký (trước)",
        en: "Registration before",
    }
    fl_report_deadline {
        vi: "Hạn báo cáo (trước)",
        en: "Report before",
    }
    err_deadline_order {
        vi: "Hạn đăng ký phải trước hạn báo cáo.",
        en: "The registration deadline must come before the report deadline.",
    }
    err_round {
        vi: "Số đợt là số nguyên từ 1 đến 99.",
        en: "The round is a whole number from 1 to 99.",
    }
    col_title_agenda {
        vi: "Hoạt động",
        en: "Activity",
    }
    col_owner {
        vi: "Phụ trách",
        en: "Owner",
    }
    col_date2 {
        vi: "Ngày",
        en: "Date",
    }
    ag_planned {
        vi: "dự kiến",
        en: "planned",
    }
    ag_in_progress {
        vi: "đang làm",
        en: "in progress",
    }
    ag_done {
        vi: "đã xong",
        en: "done",
    }
    ag_cancelled {
        vi: "huỷ",
        en: "cancelled",
    }
    ag_no_date {
        vi: "chưa định",
        en: "not set",
    }
    form_agenda_new {
        vi: "Thêm hoạt động Tháng hành động",
        en: "New Action Month activity",
    }
    form_agenda_edit {
        vi: "Sửa hoạt động Tháng hành động",
        en: "Edit Action Month activity",
    }
    fl_owner {
        vi: "Phụ trách",
        en: "Owner",
    }
    fl_status {
        vi: "Tình trạng",
        en: "Status",
    }
    hint_date_optional {
        vi: "dd/mm/yyyy, để trống nếu chưa định",
        en: "dd/mm/yyyy, empty if not set",
    }
    k_agenda_add {
        vi: "thêm hoạt động",
        en: "add an activity",
    }
    k_agenda_edit {
        vi: "sửa hoạt động",
        en: "edit the activity",
    }
    k_agenda_delete {
        vi: "xoá hoạt động (hỏi trước)",
        en: "delete the activity (asks first)",
    }
    k_fig_left {
        vi: "số liệu bên trái",
        en: "figure to the left",
    }
    k_fig_right {
        vi: "số liệu bên phải",
        en: "figure to the right",
    }
    kpi_met {
        vi: "đạt",
        en: "met",
    }
    kpi_near {
        vi: "gần đạt",
        en: "near",
    }
    kpi_below {
        vi: "chưa đạt",
        en: "below",
    }
    kpi_no_data {
        vi: "chưa có số liệu",
        en: "no data",
    }
    kpi_tracked {
        vi: "theo dõi",
        en: "tracked",
    }
    col_kpi {
        vi: "Chỉ tiêu",
        en: "KPI",
    }
    col_value {
        vi: "Giá trị",
        en: "Value",
    }
    col_target {
        vi: "Mục tiêu",
        en: "Target",
    }
    kpi_computed {
        vi: "tự tính",
        en: "computed",
    }
    kpi_measured {
        vi: "đo, nhập tay",
        en: "measured",
    }
    kpi_history {
        vi: "Các lần đo",
        en: "Measurements",
    }
    kpi_no_history {
        vi: "Chưa có lần đo nào: a để nhập.",
        en: "No measurement yet: press a to enter one.",
    }
    kpi_computed_note {
        vi: "Tự tính từ dữ liệu của ứng dụng.",
        en: "Computed from the app's records.",
    }
    fl_period_start {
        vi: "Từ ngày",
        en: "From",
    }
    fl_period_end {
        vi: "Đến ngày",
        en: "To",
    }
    fl_numerator {
        vi: "Tử số",
        en: "Numerator",
    }
    fl_denominator {
        vi: "Mẫu số",
        en: "Denominator",
    }
    fl_target {
        vi: "Mục tiêu (%)",
        en: "Target (%)",
    }
    hint_target {
        vi: "0–100, để trống nếu kế hoạch không đặt số",
        en: "0–100, empty when the plan sets no number",
    }
    hint_amount {
        vi: "số không âm, ví dụ 120 hoặc 12,5",
        en: "a number ≥ 0, e.g. 120 or 12,5",
    }
    err_amount {
        vi: "Số không âm (được dùng dấu phẩy thập phân).",
        en: "A number ≥ 0 (a decimal comma is fine).",
    }
    err_period {
        vi: "\"Đến ngày\" phải sau hoặc bằng \"Từ ngày\".",
        en: "\"To\" must not come before \"From\".",
    }
    err_ratio {
        vi: "Tử số không được lớn hơn mẫu số.",
        en: "The numerator may not exceed the denominator.",
    }
    err_percent {
        vi: "Chỉ tiêu là số phần trăm từ 0 đến 100 (để trống nếu kế hoạch không đặt số).",
        en: "A target is a percentage from 0 to 100 (leave it empty if the plan sets no number).",
    }
    kpi_not_measured {
        vi: "Chỉ tiêu này tự tính, không nhập tay.",
        en: "This KPI is computed, not entered.",
    }
    k_measure {
        vi: "nhập một lần đo (chỉ tiêu nhập tay)",
        en: "enter a measurement (measured KPIs)",
    }
    k_target {
        vi: "sửa mục tiêu",
        en: "edit the target",
    }
    k_delete_measurement {
        vi: "xoá lần đo gần nhất (hỏi trước)",
        en: "delete the latest measurement (asks first)",
    }
    f_target {
        vi: "mục tiêu",
        en: "target",
    }
    f_measure {
        vi: "nhập",
        en: "enter",
    }
    ch_figures {
        vi: "Số liệu thứ Bảy:",
        en: "Saturday figures:",
    }
    ch_met {
        vi: "Chỉ tiêu đạt:",
        en: "KPIs met:",
    }
    ch_not_met {
        vi: "Chỉ tiêu chưa đạt:",
        en: "KPIs not met:",
    }
    dx_title {
        vi: "BÁO CÁO",
        en: "REPORT",
    }
    dx_part_saturday {
        vi: "KẾT QUẢ NGÀY THỨ BẢY TÌNH NGUYỆN",
        en: "RESULTS OF THE VOLUNTEER SATURDAY",
    }
    dx_part_checklist {
        vi: "TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH",
        en: "PROGRESS OF THE PLAN",
    }
    dx_part_initiatives {
        vi: "MÔ HÌNH, GIẢI PHÁP, SÁNG KIẾN CẢI CÁCH HÀNH CHÍNH",
        en: "ADMINISTRATIVE-REFORM MODELS, SOLUTIONS AND INITIATIVES",
    }
    dx_part_agenda {
        vi: "CÁC HOẠT ĐỘNG CỦA THÁNG HÀNH ĐỘNG",
        en: "THE ACTION MONTH'S ACTIVITIES",
    }
    dx_part_assessment {
        vi: "ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG THỜI GIAN TỚI",
        en: "ASSESSMENT AND NEXT STEPS",
    }
    dx_col_no {
        vi: "STT",
        en: "No.",
    }
    dx_tasks {
        vi: "Nhiệm vụ được phân công",
        en: "Assigned tasks",
    }
    dx_col_task {
        vi: "Nhiệm vụ",
        en: "Task",
    }
    dx_col_figures {
        vi: "Kết quả",
        en: "Results",
    }
    dx_late {
        vi: "Đăng ký, báo cáo trễ hạn",
        en: "Late registrations and reports",
    }
    dx_none_late {
        vi: "Không có đơn vị nào đăng ký hoặc báo cáo trễ hạn.",
        en: "No unit registered or reported late.",
    }
    dx_col_done_at {
        vi: "Thời điểm",
        en: "When",
    }
    dx_by_stage {
        vi: "Theo bước",
        en: "By stage",
    }
    dx_commended {
        vi: "Đã được khen thưởng",
        en: "Commended",
    }
    dx_replications {
        vi: "Nhân rộng",
        en: "Replicated",
    }
    dx_col_replicated_by {
        vi: "Đơn vị nhân rộng",
        en: "Replicated by",
    }
    dx_assessment {
        vi: "Đánh giá chung",
        en: "Assessment",
    }
    dx_next_steps {
        vi: "Phương hướng, nhiệm vụ thời gian tới",
        en: "Next steps",
    }
    dx_recipients {
        vi: "Nơi nhận:",
        en: "Recipients:",
    }
    dx_file_copy {
        vi: "Lưu VP",
        en: "Office file copy",
    }
    k_menu_briefing {
        vi: "ghi bản tin giao ban (Markdown) vào thư mục dữ liệu",
        en: "write the meeting briefing (Markdown) into the data folder",
    }
    k_menu_chat {
        vi: "bản tin nhắn (Zalo, Messenger): chép vào bộ nhớ tạm và lưu tệp",
        en: "the chat summary (Zalo, Messenger): to the clipboard and a file",
    }
    f_chat {
        vi: "tin nhắn",
        en: "chat",
    }
    k_menu_word {
        vi: "ghi báo cáo Word (.docx) vào thư mục dữ liệu",
        en: "write the Word report (.docx) into the data folder",
    }
    k_menu_assessment {
        vi: "gõ đánh giá chung và phương hướng cho báo cáo hôm nay",
        en: "type the assessment and next steps of today's report",
    }
    k_menu_close {
        vi: "đóng, không ghi gì",
        en: "close, writing nothing",
    }
    f_briefing {
        vi: "bản tin",
        en: "briefing",
    }
    f_word {
        vi: "báo cáo Word",
        en: "Word report",
    }
    f_assessment {
        vi: "đánh giá",
        en: "assessment",
    }
    menu_report_title {
        vi: "Báo cáo",
        en: "Reports",
    }
    fl_assessment {
        vi: "Đánh giá chung",
        en: "Assessment",
    }
    fl_next_steps {
        vi: "Phương hướng",
        en: "Next steps",
    }
    hint_assessment {
        vi: "Enter: xuống dòng (mỗi dòng một đoạn của báo cáo) · Tab: ô sau · Ctrl-S: lưu",
        en: "Enter: new line (each line a paragraph of the report) · Tab: next field · Ctrl-S: save",
    }
    doc_language {
        vi: "vi-VN",
        en: "en-GB",
    }
    br_assessment {
        vi: "Đánh giá và phương hướng",
        en: "Assessment and next steps",
    }
    br_title {
        vi: "BẢN TIN GIAO BAN",
        en: "MEETING BRIEFING",
    }
    br_campaign {
        vi: "Phong trào",
        en: "Campaign",
    }
    br_district {
        vi: "Địa bàn",
        en: "District",
    }
    br_at {
        vi: "Thời điểm",
        en: "As of",
    }
    br_kpis {
        vi: "Chỉ tiêu (KPI)",
        en: "KPIs",
    }
    br_checklist {
        vi: "Bảng kiểm: việc các đơn vị phải làm",
        en: "Checklist: what the units owe",
    }
    br_col_requirement {
        vi: "Yêu cầu",
        en: "Requirement",
    }
    br_col_deadline {
        vi: "Hạn",
        en: "Deadline",
    }
    br_col_done {
        vi: "Hoàn thành",
        en: "Done",
    }
    br_col_missing {
        vi: "Đơn vị còn thiếu",
        en: "Units missing",
    }
    br_all_done {
        vi: "đủ",
        en: "none",
    }
    br_saturday {
        vi: "Kết quả Ngày thứ Bảy tình nguyện",
        en: "Volunteer Saturday results",
    }
    br_totals {
        vi: "Tổng theo chỉ số",
        en: "Totals per figure",
    }
    br_col_metric {
        vi: "Chỉ số",
        en: "Figure",
    }
    br_col_total {
        vi: "Tổng",
        en: "Total",
    }
    br_no_day {
        vi: "Chưa có Ngày thứ Bảy tình nguyện nào.",
        en: "No volunteer Saturday yet.",
    }
    br_no_figures {
        vi: "Chưa đơn vị nào báo số liệu.",
        en: "No unit has reported figures yet.",
    }
    br_initiatives {
        vi: "Sáng kiến, mô hình, giải pháp theo giai đoạn",
        en: "Initiatives by stage",
    }
    br_col_stage {
        vi: "Giai đoạn",
        en: "Stage",
    }
    br_col_count {
        vi: "Số lượng",
        en: "Count",
    }
    br_agenda {
        vi: "Tháng hành động: hoạt động của đơn vị tổ chức",
        en: "Action Month: the organiser's activities",
    }
    br_late {
        vi: "Làm trễ hạn",
        en: "Done late",
    }
    br_no_late {
        vi: "Không có đơn vị nào làm trễ hạn.",
        en: "No unit was late.",
    }
    br_col_done_at {
        vi: "Lúc",
        en: "At",
    }
    br_tasks {
        vi: "Nhiệm vụ giao",
        en: "Assigned tasks",
    }
    br_col_task {
        vi: "Nhiệm vụ",
        en: "Task",
    }
    br_col_figures {
        vi: "Số liệu",
        en: "Figures",
    }
    br_commended {
        vi: "Đã khen thưởng",
        en: "Commended",
    }
    br_replicated {
        vi: "Được nhân rộng",
        en: "Replicated",
    }
    br_col_for {
        vi: "Khen cho",
        en: "For",
    }
    br_collective {
        vi: "tập thể",
        en: "the collective",
    }
    br_col_replicated_by {
        vi: "Đơn vị nhân rộng",
        en: "Replicated by",
    }
    br_proposed {
        vi: "Đề nghị khen thưởng",
        en: "Proposed for commendation",
    }
    br_col_title {
        vi: "Tên",
        en: "Title",
    }
    br_col_level {
        vi: "Cấp khen",
        en: "Level",
    }
    br_none {
        vi: "Không có.",
        en: "None.",
    }
    br_col_owner {
        vi: "Phụ trách",
        en: "Owner",
    }
    br_col_date {
        vi: "Ngày",
        en: "Date",
    }
    k_chat {
        vi: "chép bản tin nhắn (Zalo, Messenger) vào bộ nhớ tạm và thư mục dữ liệu",
        en: "copy the chat summary (Zalo, Messenger) to the clipboard and the data folder",
    }
    k_briefing {
        vi: "báo cáo: bản tin giao ban, báo cáo Word, tin nhắn, đánh giá",
        en: "reports: the briefing, the Word report, the chat summary, the assessment",
    }
    br_during_campaign {
        vi: "trong suốt phong trào",
        en: "during the campaign",
    }
    ex_t_units {
        vi: "Đơn vị",
        en: "Units",
    }
    ex_h_units {
        vi: "Mã|Tên đơn vị|Loại|Người liên hệ|Điện thoại|Cơ sở Đoàn thay mặt",
        en: "Code|Unit name|Kind|Contact person|Phone|Youth base acting for it",
    }
    ex_t_requirements {
        vi: "Yêu cầu",
        en: "Requirements",
    }
    ex_h_requirements {
        vi: "Mã|Yêu cầu|Nguồn|Áp dụng cho|Hạn|Minh chứng|Căn cứ kế hoạch",
        en: "Code|Requirement|Source|Applies to|Deadline|Evidence|Basis in the plan",
    }
    ex_t_checklist {
        vi: "Tiến độ",
        en: "Checklist",
    }
    ex_h_checklist {
        vi: "Mã đơn vị|Tên đơn vị|Yêu cầu|Trạng thái|Hoàn thành lúc",
        en: "Unit code|Unit name|Requirement|State|Done at",
    }
    ex_t_initiatives {
        vi: "Sáng kiến",
        en: "Initiatives",
    }
    ex_h_initiatives {
        vi: "Số|Mã đơn vị|Tên đơn vị|Loại|Tên sáng kiến|Lĩnh vực|Ngày đăng ký|Giai đoạn|Điểm|Cấp khen|Khen về|Tóm tắt|Hiệu quả dự kiến|Nhận xét|Nhân rộng|Đơn vị nhân rộng",
        en: "No.|Unit code|Unit name|Kind|Title|Field|Registered on|Stage|Score|Commendation|Commended for|Summary|Expected effect|Evaluation notes|Replicated|Replicating units",
    }
    ex_t_registrations {
        vi: "Đăng ký thứ Bảy",
        en: "Saturday registrations",
    }
    ex_h_registrations {
        vi: "Ngày thứ Bảy|Mã đơn vị|Tên đơn vị|Hoạt động|Hoạt động khác|Địa điểm|Số TNV dự kiến|Đăng ký lúc",
        en: "Saturday|Unit code|Unit name|Activities|Other activity|Place|Planned volunteers|Registered at",
    }
    ex_t_reports {
        vi: "Báo cáo nhanh",
        en: "Quick reports",
    }
    ex_h_reports {
        vi: "Ngày thứ Bảy|Mã đơn vị|Tên đơn vị|Nhận lúc|Ghi chú|Số ảnh",
        en: "Saturday|Unit code|Unit name|Received at|Note|Photos",
    }
    ex_t_figures {
        vi: "Số liệu thứ Bảy",
        en: "Saturday figures",
    }
    ex_h_figures {
        vi: "Ngày thứ Bảy|Mã đơn vị|Tên đơn vị|Chỉ tiêu|Giá trị|Cập nhật lúc",
        en: "Saturday|Unit code|Unit name|Metric|Value|Updated at",
    }
    ex_t_kpis {
        vi: "Chỉ số KPI",
        en: "KPIs",
    }
    ex_h_kpis {
        vi: "Mã|Chỉ số|Giá trị|Mục tiêu|Trạng thái",
        en: "Code|KPI|Value|Target|Status",
    }
    ex_t_measurements {
        vi: "Số đo KPI",
        en: "KPI measurements",
    }
    ex_h_measurements {
        vi: "Chỉ số|Từ ngày|Đến ngày|Tử số|Mẫu số|Đơn vị|Ghi chú",
        en: "KPI|From|To|Numerator|Denominator|Unit|Note",
    }
    ex_t_agenda {
        vi: "Tháng hành động",
        en: "Action month",
    }
    ex_h_agenda {
        vi: "Việc|Phụ trách|Ngày|Trạng thái|Ghi chú",
        en: "Task|Owner|Date|Status|Note",
    }
    ex_summary {
        vi: "Tổng hợp",
        en: "Summary",
    }
    ct_header {
        vi: "Tệp kế hoạch viết từ kho dữ liệu: kế hoạch như kho đang giữ (đơn vị, liên hệ, đợt thứ Bảy,\nviệc phải làm, chỉ tiêu, Tháng hành động). Mọi mốc thời gian theo giờ Việt Nam (+07:00).",
        en: "Campaign file written from the store: the campaign as the store now holds it (units, contacts,\nSaturday rounds, requirements, KPIs, agenda). Every time is Vietnam time (+07:00).",
    }
    ct_campaign {
        vi: "Thông tin văn bản: số hiệu, tên, ngày ban hành, thời gian thi đua, đầu mối liên hệ.",
        en: "The plan itself: number, title, date issued, campaign period, contact person.",
    }
    ct_document {
        vi: "Báo cáo gửi lên (xungkich report --format docx): phần đầu, chữ ký và nơi nhận.",
        en: "The report sent up (xungkich report --format docx): header, signature and recipients.",
    }
    ct_fields {
        vi: "Lĩnh vực của mô hình, giải pháp, sáng kiến CCHC.",
        en: "Fields of administrative-reform initiatives.",
    }
    ct_activities {
        vi: "Nội dung đơn vị có thể đăng ký cho Ngày thứ Bảy tình nguyện.",
        en: "Activities a unit can register for a Volunteer Saturday.",
    }
    ct_unit_kinds {
        vi: "Loại đơn vị: `code` là mã các đơn vị và yêu cầu dùng (`kind`, `applies_to`); `short` là nhãn ngắn trên bảng; `youth_base = true` đánh dấu loại duy nhất là cơ sở Đoàn.",
        en: "Unit kinds: `code` is what units and requirements use (`kind`, `applies_to`); `short` is the label in tables; `youth_base = true` marks the one kind that is a Youth Union base.",
    }
    ct_units {
        vi: "Đơn vị tham gia. `acts_for`: các đơn vị mà cơ sở Đoàn là tổ chức Đoàn của đơn vị đó.",
        en: "Participating units. `acts_for`: the units whose Youth Union organisation a youth base is.",
    }
    ct_volunteer_days {
        vi: "Các đợt Ngày thứ Bảy tình nguyện: hạn đăng ký và hạn báo cáo nhanh là thời điểm \"trước\".",
        en: "Volunteer Saturday rounds: the registration and quick-report deadlines are \"before\" moments.",
    }
    ct_requirements {
        vi: "Việc phải làm: các cột của bảng kiểm (theo thứ tự hiển thị); `applies_to` là loại đơn vị phải làm.",
        en: "Requirements: the checklist's columns (in display order); `applies_to` lists the unit kinds that owe it.",
    }
    ct_tasks {
        vi: "Nhiệm vụ của đơn vị trong Ngày thứ Bảy; `figures`: các số liệu thứ Bảy đo nhiệm vụ.",
        en: "Units' Saturday tasks; `figures`: the Saturday figures that measure a task.",
    }
    ct_kpis {
        vi: "Chỉ tiêu (tỷ lệ phần trăm = tử số ÷ mẫu số). computed: ứng dụng tự tính; measured: cán bộ nhập số đo.",
        en: "KPIs (a percentage = numerator ÷ denominator). computed: the app computes it; measured: the officer enters measurements.",
    }
    ct_agenda {
        vi: "Hoạt động của Tháng hành động; status: planned, in_progress, done, cancelled.",
        en: "Agenda of the action month; status: planned, in_progress, done, cancelled.",
    }
    cl_never {
        vi: "chưa có",
        en: "none yet",
    }
    cd_sec_campaign {
        vi: "Kế hoạch",
        en: "Campaign",
    }
    cd_sec_kind {
        vi: "Loại đơn vị",
        en: "Unit kind",
    }
    cd_sec_unit {
        vi: "Đơn vị",
        en: "Unit",
    }
    cd_sec_round {
        vi: "Đợt thứ Bảy",
        en: "Saturday round",
    }
    cd_sec_requirement {
        vi: "Yêu cầu",
        en: "Requirement",
    }
    cd_sec_task {
        vi: "Nhiệm vụ",
        en: "Task",
    }
    cd_sec_kpi {
        vi: "KPI",
        en: "KPI",
    }
    cd_sec_agenda {
        vi: "Việc Tháng hành động",
        en: "Agenda item",
    }
    cd_sec_field {
        vi: "Lĩnh vực",
        en: "Field",
    }
    cd_sec_activity {
        vi: "Hoạt động",
        en: "Activity",
    }
    cd_sec_document {
        vi: "Đầu báo cáo Word",
        en: "Word report header",
    }
    round_req_registration_short {
        vi: "Đăng ký TB",
        en: "Sat. reg.",
    }
    round_req_report_short {
        vi: "Báo cáo",
        en: "Report",
    }
    round_req_registration_evidence {
        vi: "Một đăng ký trong bảng theo dõi Ngày thứ Bảy tình nguyện",
        en: "A registration in the Volunteer Saturday table",
    }
    round_req_report_evidence {
        vi: "Báo cáo nhanh có giờ nhận và ít nhất một hình ảnh",
        en: "A quick report with the time it came and at least one photo",
    }
    rec_units {
        vi: "đơn vị (đã lưu trữ) vẫn thuộc loại này",
        en: "units (archived) still of this kind",
    }
    rec_checks {
        vi: "lần đánh dấu hoàn thành",
        en: "checklist ticks",
    }
    rec_initiatives {
        vi: "sáng kiến",
        en: "initiatives",
    }
    rec_replications {
        vi: "lượt nhân rộng sáng kiến",
        en: "initiative replications",
    }
    rec_registrations {
        vi: "đăng ký thứ Bảy",
        en: "Saturday registrations",
    }
    rec_figures {
        vi: "số liệu thứ Bảy",
        en: "Saturday figures",
    }
    rec_reports {
        vi: "báo cáo nhanh",
        en: "quick reports",
    }
    rec_measurements {
        vi: "số đo KPI",
        en: "KPI measurements",
    }
    ca_hint_keep {
        vi: "Giữ chúng trong tệp: chỉ đơn vị mới lưu trữ được; đợt, yêu cầu, KPI, lĩnh vực, hoạt động đã có hồ sơ, và loại đơn vị còn đơn vị, thì không bỏ được.",
        en: "Keep them in the file: only units can be archived; a round, requirement, KPI, field or activity with records, or a unit kind that still has units, cannot be removed.",
    }
    ex_yes {
        vi: "có",
        en: "yes",
    }
    ex_no {
        vi: "không",
        en: "no",
    }
    ex_sum_organiser {
        vi: "Đơn vị tổ chức",
        en: "Organiser",
    }
    ex_sum_period {
        vi: "Thời gian",
        en: "Period",
    }
    ex_sum_as_of {
        vi: "Số liệu đến",
        en: "Figures as of",
    }
    ex_sum_units {
        vi: "Số đơn vị",
        en: "Units",
    }
    ex_sum_code {
        vi: "Mã kế hoạch",
        en: "Plan code",
    }
    ex_sum_checklist {
        vi: "Tiến độ các yêu cầu của kế hoạch",
        en: "Progress on the plan's requirements",
    }
    ex_h_sum_checklist {
        vi: "Yêu cầu|Hạn|Nguồn|Số đơn vị phải làm|Đã xong|Còn thiếu|Quá hạn|Tỷ lệ xong",
        en: "Requirement|Deadline|Source|Units that owe it|Done|Missing|Overdue|Share done",
    }
    ex_h_sum_kpis {
        vi: "Chỉ số|Giá trị|Mục tiêu|Trạng thái",
        en: "KPI|Value|Target|Status",
    }
    ex_sum_registered {
        vi: "Đơn vị đã đăng ký",
        en: "Units registered",
    }
    ex_sum_reported {
        vi: "Đơn vị đã gửi báo cáo nhanh",
        en: "Units that sent the quick report",
    }
    ex_h_grid_code {
        vi: "Mã đơn vị",
        en: "Unit code",
    }
    ex_h_grid_name {
        vi: "Tên đơn vị",
        en: "Unit name",
    }
    ex_grid_total {
        vi: "Tổng cộng",
        en: "Total",
    }
    ex_grid_land_share {
        vi: "Tỷ lệ hồ sơ đất đai đã giải quyết",
        en: "Share of land files resolved",
    }
    k_export {
        vi: "xuất mọi bảng ra Excel (XLSX) vào thư mục dữ liệu",
        en: "export every table to Excel (XLSX) in the data folder",
    }
    im_summary_file {
        vi: "Không nhập được tệp này.",
        en: "This file cannot be imported.",
    }
    im_err_no_rows {
        vi: "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu.",
        en: "The file has a header row but no data rows.",
    }
    im_kind_units {
        vi: "đơn vị",
        en: "units",
    }
    im_kind_initiatives {
        vi: "sáng kiến",
        en: "initiatives",
    }
    im_kind_registrations {
        vi: "đăng ký thứ Bảy",
        en: "Saturday registrations",
    }
    im_kind_figures {
        vi: "số liệu thứ Bảy",
        en: "Saturday figures",
    }
    im_err_empty {
        vi: "Tệp trống.",
        en: "The file is empty.",
    }
    im_err_workbook {
        vi: "Đây là tệp bảng tính (XLSX/ODS), không phải CSV: trong Google Sheets chọn Tệp → Tải xuống → CSV; trong Excel chọn Lưu thành → CSV UTF-8.",
        en: "This is a workbook (XLSX/ODS), not CSV: in Google Sheets use File → Download → CSV; in Excel, Save As → CSV UTF-8.",
    }
    im_err_utf16 {
        vi: "Tệp được lưu dạng Unicode (UTF-16): trong Excel chọn Lưu thành → CSV UTF-8.",
        en: "The file is saved as Unicode (UTF-16) text: in Excel use Save As → CSV UTF-8.",
    }
    im_err_not_utf8 {
        vi: "Tệp không phải văn bản UTF-8 (có thể là CSV kiểu cũ của Excel): lưu lại bằng Lưu thành → CSV UTF-8.",
        en: "The file is not UTF-8 text (perhaps Excel's legacy CSV): save it again with Save As → CSV UTF-8.",
    }
    im_or {
        vi: " hoặc ",
        en: " or ",
    }
    im_err_empty_cell {
        vi: "bị trống.",
        en: "is empty.",
    }
    im_err_need_day {
        vi: "Tệp không có cột «Ngày thứ Bảy» và chưa có ngày thứ Bảy nào để nhập vào: thêm cột đó (hoặc --day).",
        en: "The file has no “Saturday” column and there is no Saturday to put its rows on: add that column (or --day).",
    }
    im_err_new_unit_name {
        vi: "đơn vị mới cần tên.",
        en: "a new unit needs a name.",
    }
    im_err_need_date {
        vi: "sáng kiến mới cần ngày đăng ký.",
        en: "a new initiative needs its registration date.",
    }
    im_whole_file {
        vi: "tệp",
        en: "file",
    }
    im_add {
        vi: "thêm",
        en: "add",
    }
    im_update {
        vi: "cập nhật",
        en: "update",
    }
    im_same {
        vi: "giữ nguyên",
        en: "unchanged",
    }
    im_errors_title {
        vi: "Lỗi — không nhập dòng nào:",
        en: "Errors — no row is imported:",
    }
    im_dry_run {
        vi: "Chạy thử (--dry-run): chưa ghi gì.",
        en: "Dry run (--dry-run): nothing written.",
    }
    im_nothing {
        vi: "Không có gì mới để nhập: mọi dòng đã có trong dữ liệu.",
        en: "Nothing new to import: every row is already in the store.",
    }
    im_prompt_path {
        vi: "Tệp CSV",
        en: "CSV file",
    }
    im_confirm_hint {
        vi: "Enter: nhập · Esc: huỷ · ↑↓ PgUp PgDn: cuộn",
        en: "Enter: import · Esc: cancel · ↑↓ PgUp PgDn: scroll",
    }
    im_errors_hint {
        vi: "Esc: đóng, sửa tệp rồi nhập lại · ↑↓ PgUp PgDn: cuộn",
        en: "Esc: close, fix the file and import again · ↑↓ PgUp PgDn: scroll",
    }
    im_nothing_hint {
        vi: "Esc: đóng",
        en: "Esc: close",
    }
    im_notes {
        vi: "Lưu ý:",
        en: "Note:",
    }
    k_import {
        vi: "nhập từ tệp CSV (xem trước rồi mới ghi)",
        en: "import from a CSV file (preview first, then write)",
    }
    k_import_preview {
        vi: "đọc tệp và xem trước (chưa ghi gì)",
        en: "read the file and preview it (nothing written yet)",
    }
    f_import_preview {
        vi: "xem trước",
        en: "preview",
    }
    im_prompt_keys {
        vi: "Tab: hoàn thành tên tệp · Enter: xem trước · Esc: huỷ",
        en: "Tab: complete the file name · Enter: preview · Esc: cancel",
    }
    k_complete_path {
        vi: "hoàn thành tên tệp hay thư mục (không cần dấu)",
        en: "complete the file or folder name (accents optional)",
    }
    f_complete_path {
        vi: "hoàn thành tên",
        en: "complete",
    }
    ro_banner {
        vi: "CHỈ ĐỌC",
        en: "READ-ONLY",
    }
    ro_asked {
        vi: "mở với --read-only",
        en: "opened with --read-only",
    }
    ro_file {
        vi: "tệp kho không ghi được",
        en: "the store file is not writable",
    }
    ro_folder {
        vi: "thư mục chứa kho không ghi được",
        en: "the store's folder is not writable",
    }
    fk_directory {
        vi: "đây là thư mục",
        en: "this is a folder",
    }
    fk_fifo {
        vi: "đây là một đường ống (FIFO)",
        en: "this is a pipe (FIFO)",
    }
    fk_socket {
        vi: "đây là một socket",
        en: "this is a socket",
    }
    fk_device {
        vi: "đây là một thiết bị",
        en: "this is a device",
    }
    fk_kernel {
        vi: "đây là tệp do hệ điều hành tạo ra (/proc, /sys)",
        en: "this is a file the kernel makes up (/proc, /sys)",
    }
    fk_other {
        vi: "đây không phải tệp thường",
        en: "this is not a regular file",
    }
    hint_import_path {
        vi: "ví dụ ~/Downloads/dang-ky.csv; Tab hoàn thành tên; kéo tệp vào cửa sổ cũng được",
        en: "e.g. ~/Downloads/registrations.csv; Tab completes names; dropping the file on the window works too",
    }
    f_import {
        vi: "nhập",
        en: "import",
    }
    k_import_close {
        vi: "đóng, không nhập gì",
        en: "close, import nothing",
    }
    k_scroll_page {
        vi: "cuộn một trang",
        en: "scroll a page",
    }
    k_import_go {
        vi: "nhập (khi xem trước không có lỗi)",
        en: "import (when the preview has no errors)",
    }
    k_shorten_cell {
        vi: "sửa ô, bỏ chữ số cuối",
        en: "edit the cell, dropping its last digit",
    }
    wd_mon {
        vi: "thứ Hai",
        en: "Monday",
    }
    wd_tue {
        vi: "thứ Ba",
        en: "Tuesday",
    }
    wd_wed {
        vi: "thứ Tư",
        en: "Wednesday",
    }
    wd_thu {
        vi: "thứ Năm",
        en: "Thursday",
    }
    wd_fri {
        vi: "thứ Sáu",
        en: "Friday",
    }
    wd_sat {
        vi: "thứ Bảy",
        en: "Saturday",
    }
    wd_sun {
        vi: "Chủ nhật",
        en: "Sunday",
    }
    wd_short_mon {
        vi: "Thứ Hai",
        en: "Mon",
    }
    wd_short_tue {
        vi: "Thứ Ba",
        en: "Tue",
    }
    wd_short_wed {
        vi: "Thứ Tư",
        en: "Wed",
    }
    wd_short_thu {
        vi: "Thứ Năm",
        en: "Thu",
    }
    wd_short_fri {
        vi: "Thứ Sáu",
        en: "Fri",
    }
    wd_short_sat {
        vi: "Thứ Bảy",
        en: "Sat",
    }
    wd_short_sun {
        vi: "Chủ Nhật",
        en: "Sun",
    }
    kpi_not_due {
        vi: "chưa tới hạn",
        en: "not due yet",
    }
}
