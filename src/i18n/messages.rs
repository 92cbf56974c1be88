//! Every message that takes arguments: one method each, with named arguments, both languages
//! side by side. A translation orders its arguments freely; an argument missing from either
//! sentence, or one the sentence names but the method does not take, fails to compile.

use std::fmt::Display;

use super::{Lang, Strings};

/// One message as written, for the consistency tests.
pub struct Message {
    pub name: &'static str,
    pub args: &'static [&'static str],
    pub vi: &'static str,
    pub en: &'static str,
}

macro_rules! messages {
    ($($name:ident($($arg:ident: $ty:ty),* $(,)?) { vi: $vi:literal, en: $en:literal $(,)? })*) => {
        impl Strings {
            $(
                // A sentence takes as many arguments as it names (the demo's tally names eight).
                #[allow(clippy::too_many_arguments)]
                pub fn $name(&self, $($arg: $ty),*) -> String {
                    match self.lang {
                        Lang::Vi => format!($vi, $($arg = $arg),*),
                        Lang::En => format!($en, $($arg = $arg),*),
                    }
                }
            )*
        }

        /// Every message of both tables.
        pub const MESSAGES: &[Message] = &[
            $(Message { name: stringify!($name), args: &[$(stringify!($arg)),*], vi: $vi, en: $en },)*
        ];
    };
}

messages! {
    too_small_need(need_width: impl Display, need_height: impl Display, width: impl Display, height: impl Display) {
        vi: "cần ít nhất {need_width}×{need_height}, đang có {width}×{height}",
        en: "need at least {need_width}×{need_height}, have {width}×{height}",
    }
    help_title(screen: impl Display) {
        vi: "Phím tắt — {screen}",
        en: "Keys — {screen}",
    }
    time_left(span: impl Display) {
        vi: "còn {span}",
        en: "{span} left",
    }
    deadline_at(at: impl Display) {
        vi: "hạn trước {at}",
        en: "due before {at}",
    }
    countdown(left: impl Display) {
        vi: "còn {left}",
        en: "in {left}",
    }
    overdue_by(span: impl Display) {
        vi: "quá hạn {span}",
        en: "overdue by {span}",
    }
    units_round(round: impl Display, date: impl Display) {
        vi: "cột đợt {round} ({date})",
        en: "round {round} columns ({date})",
    }
    units_count(shown: impl Display, total: impl Display) {
        vi: "{shown} / {total} đơn vị",
        en: "{shown} / {total} units",
    }
    units_registered_only(shown: impl Display, hidden: impl Display) {
        vi: "{shown} đơn vị đã đăng ký, ẩn {hidden} (t: tất cả)",
        en: "{shown} registered units, {hidden} hidden (t: all)",
    }
    sort_label(sort: impl Display) {
        vi: "xếp: {sort}",
        en: "sort: {sort}",
    }
    computed_from_initiatives(requirement: impl Display) {
        vi: "\"{requirement}\" tự tính từ sổ sáng kiến (thẻ 3): đơn vị có ít nhất 01 sáng kiến là xong.",
        en: "\"{requirement}\" is computed from the initiative registry (tab 3): a unit with at least 1 initiative is done.",
    }
    computed_from_registrations(requirement: impl Display) {
        vi: "\"{requirement}\" tự tính từ đăng ký ngày thứ Bảy tình nguyện (thẻ 4).",
        en: "\"{requirement}\" is computed from Volunteer Saturday registrations (tab 4).",
    }
    computed_from_reports(requirement: impl Display) {
        vi: "\"{requirement}\" tự tính từ báo cáo nhanh kèm hình ảnh (thẻ 4).",
        en: "\"{requirement}\" is computed from quick reports with photos (tab 4).",
    }
    not_applicable_here(requirement: impl Display, unit: impl Display) {
        vi: "\"{requirement}\" không áp dụng cho {unit}.",
        en: "\"{requirement}\" does not apply to {unit}.",
    }
    ticked(unit: impl Display, requirement: impl Display, at: impl Display) {
        vi: "Đã lưu: {unit} — {requirement} xong lúc {at}.",
        en: "Saved: {unit} — {requirement} done at {at}.",
    }
    unticked(unit: impl Display, requirement: impl Display) {
        vi: "Đã lưu: bỏ đánh dấu {unit} — {requirement}.",
        en: "Saved: untick {unit} — {requirement}.",
    }
    form_contact_title(unit: impl Display) {
        vi: "Liên hệ — {unit}",
        en: "Contact — {unit}",
    }
    form_fix_errors(count: impl Display) {
        vi: "Chưa lưu: sửa {count} lỗi được đánh dấu đỏ.",
        en: "Not saved: fix the {count} error(s) marked in red.",
    }
    err_too_long(max: impl Display, got: impl Display) {
        vi: "Dài quá: tối đa {max} ký tự (đang có {got}).",
        en: "Too long: at most {max} characters (now {got}).",
    }
    err_phone_length(digits: impl Display) {
        vi: "Cần đúng 10 chữ số (đang có {digits}).",
        en: "Needs exactly 10 digits (now {digits}).",
    }
    err_phone_char(character: impl Display) {
        vi: "Ký tự \"{character}\" không hợp lệ: chỉ dùng số, dấu chấm, dấu cách.",
        en: "Character \"{character}\" is not allowed: use only digits, dots and spaces.",
    }
    saved(summary: impl Display) {
        vi: "Đã lưu: {summary}.",
        en: "Saved: {summary}.",
    }
    save_failed(why: impl Display) {
        vi: "CHƯA LƯU được: {why}",
        en: "NOT SAVED: {why}",
    }
    undone(summary: impl Display) {
        vi: "Đã hoàn tác: {summary}.",
        en: "Undone: {summary}.",
    }
    undone_now(summary: impl Display, now: impl Display) {
        vi: "Đã hoàn tác: {summary} — {now}.",
        en: "Undone: {summary} — {now}.",
    }
    redone(summary: impl Display) {
        vi: "Đã làm lại: {summary}.",
        en: "Redone: {summary}.",
    }
    redo_photo_gone(name: impl Display) {
        vi: "Không làm lại được: ảnh {name} không còn trong thư mục ảnh của kho.",
        en: "Cannot redo: the photo {name} is no longer in the store's photo folder.",
    }
    ov_done_of(done: impl Display, applicable: impl Display) {
        vi: "{done} / {applicable} xong",
        en: "{done} / {applicable} done",
    }
    ov_missing(units: impl Display) {
        vi: "còn thiếu: {units}",
        en: "missing: {units}",
    }
    ov_units_missing_next(missing: impl Display) {
        vi: "{missing} đơn vị chưa xong",
        en: "{missing} units not done yet",
    }
    ov_saturday_totals(round: impl Display, date: impl Display, figures: impl Display) {
        vi: "{round} ({date}): {figures}",
        en: "{round} ({date}): {figures}",
    }
    ov_initiatives_by_stage(total: impl Display, stages: impl Display) {
        vi: "Sáng kiến ({total}): {stages}",
        en: "Initiatives ({total}): {stages}",
    }
    backup_failed(why: impl Display) {
        vi: "Chưa sao lưu được kho hôm nay: {why}",
        en: "Could not make today's backup of the store: {why}",
    }
    cli_stdout_failed(why: impl Display) {
        vi: "không ghi được kết quả ra: {why}",
        en: "cannot write the output: {why}",
    }
    cli_bad_now(given: impl Display) {
        vi: "--now: {given} không phải ngày giờ: viết YYYY-MM-DDTHH:MM, ví dụ 2022-05-07T15:30",
        en: "--now: {given} is not a date-time: use YYYY-MM-DDTHH:MM, e.g. 2022-05-07T15:30",
    }
    cli_snapshot_size(width: impl Display, height: impl Display, max_width: impl Display, max_height: impl Display) {
        vi: "snapshot: không vẽ được cỡ {width}×{height}: chiều rộng từ 1 tới {max_width} cột, chiều cao từ 1 tới {max_height} dòng",
        en: "snapshot: cannot draw {width}×{height}: the width is 1 to {max_width} columns, the height 1 to {max_height} rows",
    }
    cli_path_store(path: impl Display) {
        vi: "kho dữ liệu: {path}",
        en: "store: {path}",
    }
    cli_path_folder(path: impl Display) {
        vi: "thư mục dữ liệu: {path}",
        en: "data folder: {path}",
    }
    cli_path_photos(path: impl Display) {
        vi: "ảnh của kho: {path}",
        en: "the store's photos: {path}",
    }
    cli_backup_no_store(path: impl Display) {
        vi: "{path}: chưa có kho dữ liệu để sao lưu",
        en: "{path}: no store to back up",
    }
    cli_backup_done(store: impl Display, backup: impl Display) {
        vi: "Đã sao lưu {store} → {backup}",
        en: "Backed up {store} → {backup}",
    }
    cli_restore_done(backup: impl Display, store: impl Display) {
        vi: "Đã khôi phục {backup} → {store}",
        en: "Restored {backup} → {store}",
    }
    cli_backup_photos(count: impl Display, copied: impl Display, pool: impl Display) {
        vi: "ảnh: {count} ảnh có trong {pool} ({copied} ảnh mới chép)",
        en: "photos: {count} in {pool} ({copied} newly copied)",
    }
    cli_restore_photos(count: impl Display, copied: impl Display, pool: impl Display) {
        vi: "ảnh: {count} ảnh có trong {pool}, đã kiểm theo mã băm ({copied} ảnh chép từ bản sao lưu)",
        en: "photos: {count} in {pool}, checked by hash ({copied} copied from the backup)",
    }
    cli_backup_incomplete(count: impl Display, names: impl Display) {
        vi: "Bản sao lưu đã ghi nhưng thiếu {count} ảnh (kho không còn tệp nguyên vẹn): {names}",
        en: "The backup is written but {count} photos are missing from it (the store has no whole file of them): {names}",
    }
    cli_restore_incomplete(count: impl Display, names: impl Display) {
        vi: "Đã khôi phục nhưng thiếu {count} ảnh (bản sao lưu không có tệp nguyên vẹn): {names}",
        en: "Restored, but {count} photos are missing (the backup has no whole file of them): {names}",
    }
    backup_photos_missing(count: impl Display) {
        vi: "Bản sao lưu hôm nay thiếu {count} ảnh: kho không còn tệp nguyên vẹn của chúng",
        en: "Today's backup lacks {count} photos: the store has no whole file of them",
    }
    photos_adopted(moved: impl Display, missing: impl Display, pool: impl Display) {
        vi: "Đã chuyển {moved} ảnh của kho vào {pool}; {missing} ảnh không còn tệp (hoặc đã bị kho khác ghi đè)",
        en: "Moved {moved} of the store's photos into {pool}; {missing} have no file left (or another store wrote over it)",
    }
    and_more(count: impl Display) {
        vi: "… và {count} ảnh khác",
        en: "… and {count} more",
    }
    cli_restore_aside(path: impl Display) {
        vi: "kho cũ (bị thay) được giữ lại ở {path}",
        en: "replaced store kept as {path}",
    }
    cli_demo_exists(path: impl Display) {
        vi: "{path} đã có; demo chỉ tạo kho mới",
        en: "{path} already exists; demo only creates a new store",
    }
    cli_demo_done(store: impl Display, units: impl Display, initiatives: impl Display, registrations: impl Display, reports: impl Display, figures: impl Display, checks: impl Display, measurements: impl Display) {
        vi: "{store}: {units} đơn vị, {initiatives} sáng kiến, {registrations} lượt đăng ký, {reports} báo cáo nhanh, {figures} dòng số liệu, {checks} ô đánh dấu tay, {measurements} lần đo KPI",
        en: "{store}: {units} units, {initiatives} initiatives, {registrations} registrations, {reports} quick reports, {figures} figure rows, {checks} manual ticks, {measurements} KPI measurements",
    }
    cli_signal(signal: impl Display) {
        vi: "dừng vì tín hiệu {signal}; mọi thay đổi đã lưu vẫn còn nguyên",
        en: "stopped by signal {signal}; every saved change is kept",
    }
    cli_day_not_date(given: impl Display) {
        vi: "--day: {given} không phải ngày (dd/mm/yyyy)",
        en: "--day: {given} is not a date (dd/mm/yyyy)",
    }
    cli_day_not_saturday(date: impl Display, days: impl Display) {
        vi: "--day: {date} không phải thứ Bảy tình nguyện nào của chiến dịch ({days})",
        en: "--day: {date} is not a volunteer Saturday ({days})",
    }
    cli_campaign_unreadable(path: impl Display, why: impl Display) {
        vi: "--campaign {path}: không đọc được: {why}",
        en: "--campaign {path}: cannot read it: {why}",
    }
    cli_campaign_refused(why: impl Display) {
        vi: "tệp chiến dịch bị từ chối: {why}",
        en: "campaign file refused: {why}",
    }
    cli_terminal_failed(detail: impl Display) {
        vi: "không dùng được cửa sổ dòng lệnh: {detail}",
        en: "the terminal could not be used: {detail}",
    }
    cli_panic_logged(path: impl Display) {
        vi: "chi tiết lỗi được ghi trong {path}",
        en: "the details are in {path}",
    }
    cli_panic_log_failed(path: impl Display, why: impl Display) {
        vi: "không ghi được {path}: {why}",
        en: "could not write {path}: {why}",
    }
    io_other(detail: impl Display) {
        vi: "lỗi hệ thống ({detail})",
        en: "{detail}",
    }
    se_not_a_database(path: impl Display) {
        vi: "{path}: không phải cơ sở dữ liệu SQLite (tệp được để nguyên)",
        en: "{path}: not a SQLite database (the file was left unchanged)",
    }
    se_not_ours(path: impl Display) {
        vi: "{path}: cơ sở dữ liệu SQLite của chương trình khác, không phải kho xungkich (tệp được để nguyên)",
        en: "{path}: a SQLite database of another program, not a xungkich store (the file was left unchanged)",
    }
    se_schema_too_new(path: impl Display, found: impl Display, known: impl Display) {
        vi: "{path}: kho theo lược đồ phiên bản {found}, mới hơn bản xungkich này biết ({known}); hãy dùng xungkich mới hơn (tệp được để nguyên)",
        en: "{path}: store schema version {found} is newer than this xungkich knows ({known}); use a newer xungkich (the file was left unchanged)",
    }
    se_other_campaign(path: impl Display, existing: impl Display) {
        vi: "{path}: kho này đã chứa chiến dịch {existing}; --campaign chỉ dùng để tạo kho mới (hãy cho --db khác)",
        en: "{path}: this store already holds campaign {existing}; --campaign only seeds a new store (give another --db)",
    }
    se_exists(path: impl Display) {
        vi: "{path} đã có (thêm --force để thay; chưa ghi gì)",
        en: "{path} exists already (give --force to replace it; nothing was written)",
    }
    se_link(path: impl Display) {
        vi: "{path} là một liên kết tượng trưng (symlink): không ghi theo nó, kể cả với --force (chưa ghi gì)",
        en: "{path} is a symbolic link: it is never written through, even with --force (nothing was written)",
    }
    se_io(path: impl Display, why: impl Display) {
        vi: "{path}: {why}",
        en: "{path}: {why}",
    }
    se_corrupt(detail: impl Display) {
        vi: "tệp kho bị hỏng hoặc không phải cơ sở dữ liệu ({detail})",
        en: "the store file is damaged or not a database ({detail})",
    }
    se_constraint(detail: impl Display) {
        vi: "dữ liệu vi phạm một ràng buộc của kho ({detail}); chưa lưu gì",
        en: "the data breaks a rule of the store ({detail}); nothing was saved",
    }
    se_cannot_open(detail: impl Display) {
        vi: "không mở được tệp kho ({detail})",
        en: "the store file cannot be opened ({detail})",
    }
    se_sqlite_io(detail: impl Display) {
        vi: "đọc hay ghi đĩa bị lỗi khi dùng kho ({detail})",
        en: "a disk read or write failed in the store ({detail})",
    }
    se_sqlite_other(detail: impl Display) {
        vi: "lỗi cơ sở dữ liệu: {detail}",
        en: "database error: {detail}",
    }
    se_invalid(detail: impl Display) {
        vi: "lỗi trong kho dữ liệu: {detail}",
        en: "error in the data store: {detail}",
    }
    inv_stored(place: impl Display, value: impl Display) {
        vi: "{place} chứa «{value}», bản xungkich này không đọc được",
        en: "{place} holds «{value}», which this build of xungkich cannot read",
    }
    inv_row_gone(table: impl Display, id: impl Display) {
        vi: "dòng {id} của bảng {table} không còn nữa",
        en: "row {id} of table {table} no longer exists",
    }
    inv_not_wal(mode: impl Display) {
        vi: "không chuyển được sang chế độ ghi WAL (nhận {mode}); ổ đĩa hay thư mục này có thể không hỗ trợ",
        en: "could not switch to WAL journaling (got {mode}); this drive or folder may not support it",
    }
    inv_figure_refused(metric: impl Display, detail: impl Display) {
        vi: "kho từ chối số liệu «{metric}» ({detail})",
        en: "the store refused the figure «{metric}» ({detail})",
    }
    inv_encode(place: impl Display, detail: impl Display) {
        vi: "không ghi được {place} ({detail})",
        en: "could not encode {place} ({detail})",
    }
    inv_unknown_code(table: impl Display, code: impl Display) {
        vi: "chiến dịch nêu mã {code} mà bảng {table} không có",
        en: "the campaign names the code {code}, which {table} does not hold",
    }
    se_damaged(path: impl Display, check: impl Display) {
        vi: "{path}: bản sao bị hỏng ({check}); chưa thay gì",
        en: "{path}: the copy is damaged ({check}); nothing was replaced",
    }
    se_figure(why: impl Display) {
        vi: "số liệu bị từ chối: {why}",
        en: "figure refused: {why}",
    }
    se_in_use(path: impl Display) {
        vi: "{path}: xungkich đang mở kho này; hãy đóng nó trước (chưa thay gì)",
        en: "{path}: xungkich is running on this store; close it first (nothing was replaced)",
    }
    se_read_only(reason: impl Display) {
        vi: "kho đang mở chỉ đọc ({reason}): chưa lưu gì",
        en: "the store is open read-only ({reason}): nothing was saved",
    }
    se_ro_upgrade(path: impl Display, known: impl Display) {
        vi: "{path}: kho cần nâng lên lược đồ {known} nhưng đang chỉ đọc (tệp được để nguyên)",
        en: "{path}: the store needs upgrading to schema {known} but it is read-only (the file was left unchanged)",
    }
    se_not_a_file(path: impl Display, kind: impl Display) {
        vi: "{path}: {kind}, không phải tệp kho; kho phải là một tệp thường (chưa mở, chưa tạo gì)",
        en: "{path}: {kind}, not a store file; a store is a regular file (nothing was opened or created)",
    }
    cf_at(file: impl Display, line: impl Display, column: impl Display, problem: impl Display) {
        vi: "{file}:{line}:{column}: {problem}",
        en: "{file}:{line}:{column}: {problem}",
    }
    cf_wrong_type(key: impl Display, value: impl Display, hint: impl Display) {
        vi: "`{key}`: «{value}» không dùng được ở đây: {hint}",
        en: "{key}: \"{value}\" does not fit here: {hint}",
    }
    cf_write_whole(key: impl Display) {
        vi: "viết một số nguyên, không ngoặc kép, ví dụ `{key} = 2`",
        en: "write a whole number, without quotes, e.g. `{key} = 2`",
    }
    cf_write_number(key: impl Display) {
        vi: "viết một số, không ngoặc kép, dấu chấm thập phân, ví dụ `{key} = 70.5`",
        en: "write a number, without quotes, e.g. `{key} = 70.5`",
    }
    cf_write_text(key: impl Display) {
        vi: "đặt chữ trong ngoặc kép, ví dụ `{key} = \"…\"`",
        en: "put text in double quotes, e.g. `{key} = \"…\"`",
    }
    cf_write_list(key: impl Display) {
        vi: "viết một danh sách trong ngoặc vuông, ví dụ `{key} = [\"a\", \"b\"]`",
        en: "write a list in square brackets, e.g. `{key} = [\"a\", \"b\"]`",
    }
    cf_write_bool(key: impl Display) {
        vi: "viết true (có) hoặc false (không), không ngoặc kép, ví dụ `{key} = true`",
        en: "write true or false, without quotes, e.g. `{key} = true`",
    }
    cf_duplicate_key(key: impl Display) {
        vi: "khoá `{key}` được viết hai lần trong cùng một mục: giữ một dòng, xoá dòng kia",
        en: "key `{key}` is given twice in the same table: keep one line, delete the other",
    }
    cf_duplicate_table(table: impl Display) {
        vi: "mục `{table}` được viết hai lần: gộp các khoá vào một mục (mục lặp lại như đơn vị thì viết `[[…]]`)",
        en: "table `{table}` is written twice: put its keys under one header (a repeated entry such as a unit is written `[[…]]`)",
    }
    cf_unquoted(key: impl Display) {
        vi: "`{key}`: thiếu giá trị hoặc chữ chưa đặt trong ngoặc kép: viết `{key} = \"…\"`",
        en: "{key}: the value is missing or its text is not quoted: write `{key} = \"…\"`",
    }
    cf_unclosed_text(key: impl Display) {
        vi: "`{key}`: chữ mở ngoặc kép mà không đóng trên cùng dòng: thêm `\"` ở cuối giá trị (chữ nhiều dòng thì viết `\"\"\"…\"\"\"`)",
        en: "{key}: a quoted text is not closed on its line: add `\"` at the end of the value (for several lines write `\"\"\"…\"\"\"`)",
    }
    cf_bad_escape(key: impl Display) {
        vi: "`{key}`: dấu `\\` trong ngoặc kép phải đi cùng n, t, \", \\ hoặc u với bốn chữ số hex (`\\u00E9`); muốn một dấu `\\` thì viết `\\\\`, hoặc dùng ngoặc đơn '…'",
        en: "{key}: a `\\` inside double quotes must be followed by n, t, \", \\ or u with four hex digits (`\\u00E9`); for one `\\` write `\\\\`, or use single quotes '…'",
    }
    cf_toml(detail: impl Display) {
        vi: "tệp chiến dịch không đọc được («{detail}»)",
        en: "{detail}",
    }
    cf_missing_key(key: impl Display) {
        vi: "thiếu khoá `{key}`",
        en: "missing field `{key}`",
    }
    cf_unknown_key(key: impl Display) {
        vi: "khoá `{key}` không có ở đây (kiểm tra chính tả)",
        en: "unknown field `{key}`",
    }
    cf_unknown_key_list(key: impl Display, allowed: impl Display) {
        vi: "khoá `{key}` không có ở đây (các khoá được dùng: {allowed})",
        en: "unknown field `{key}`, expected one of {allowed}",
    }
    cf_schema(known: impl Display, found: impl Display) {
        vi: "`schema`: bản xungkich này đọc lược đồ {known}, tệp ghi «{found}»",
        en: "schema: this version of xungkich reads schema {known}, found {found}",
    }
    cf_empty(at: impl Display) {
        vi: "`{at}`: không được để trống",
        en: "{at}: must not be empty",
    }
    cf_date_type(at: impl Display, found: impl Display) {
        vi: "`{at}`: cần một ngày như \"2022-05-07\", ở đây là kiểu {found}",
        en: "{at}: expected a date like \"2022-05-07\", found a {found}",
    }
    cf_bad_date(at: impl Display, given: impl Display) {
        vi: "`{at}`: «{given}» không phải ngày hợp lệ (viết YYYY-MM-DD, ví dụ \"2022-05-07\")",
        en: "{at}: \"{given}\" is not a valid date (expected YYYY-MM-DD, e.g. \"2022-05-07\")",
    }
    cf_instant_type(at: impl Display, found: impl Display) {
        vi: "`{at}`: cần ngày giờ như \"2022-05-07T16:00:00+07:00\", ở đây là kiểu {found}",
        en: "{at}: expected a date-time like \"2022-05-07T16:00:00+07:00\", found a {found}",
    }
    cf_bad_instant(at: impl Display, given: impl Display) {
        vi: "`{at}`: «{given}» không phải ngày giờ có múi giờ (viết theo RFC 3339, ví dụ \"2022-05-07T16:00:00+07:00\")",
        en: "{at}: \"{given}\" is not a date-time with a UTC offset (expected RFC 3339, e.g. \"2022-05-07T16:00:00+07:00\")",
    }
    cf_bad_phone(at: impl Display, given: impl Display, why: impl Display) {
        vi: "`{at}`: «{given}» không phải số điện thoại hợp lệ: {why} (cần 10 chữ số bắt đầu bằng 0; được có dấu chấm và khoảng trắng, ví dụ \"0703.652.444\")",
        en: "{at}: \"{given}\" is not a valid phone number: {why} (expected 10 digits starting with 0; dots and spaces allowed, e.g. \"0703.652.444\")",
    }
    cf_phone_char(character: impl Display) {
        vi: "có ký tự «{character}»",
        en: "it contains '{character}'",
    }
    cf_phone_length(digits: impl Display) {
        vi: "có {digits} chữ số",
        en: "it has {digits} digits",
    }
    cf_bad_code(at: impl Display, code: impl Display) {
        vi: "`{at}`: «{code}» không phải mã hợp lệ (dùng chữ thường không dấu, chữ số, '-' và '_', ví dụ \"p-hiep-tan\")",
        en: "{at}: \"{code}\" is not a valid code (use lowercase ASCII letters, digits, '-' and '_', e.g. \"p-hiep-tan\")",
    }
    cf_duplicate_code(at: impl Display, what: impl Display, code: impl Display, first_line: impl Display) {
        vi: "`{at}`: mã {what} «{code}» bị trùng (đã khai ở dòng {first_line})",
        en: "{at}: duplicate {what} code \"{code}\" (first defined on line {first_line})",
    }
    cf_unknown_code(at: impl Display, what: impl Display, code: impl Display) {
        vi: "`{at}`: không có {what} mang mã «{code}» (chưa khai mã này)",
        en: "{at}: unknown {what} \"{code}\" (no such code is defined)",
    }
    cf_unknown_one_of(at: impl Display, what: impl Display, value: impl Display, allowed: impl Display) {
        vi: "`{at}`: {what} «{value}» không có (cần là một trong: {allowed})",
        en: "{at}: unknown {what} \"{value}\" (expected one of {allowed})",
    }
    cf_unknown_only(at: impl Display, what: impl Display, value: impl Display, a: impl Display) {
        vi: "`{at}`: {what} «{value}» không có (cần là {a})",
        en: "{at}: unknown {what} \"{value}\" (expected {a})",
    }
    cf_unknown_either(at: impl Display, what: impl Display, value: impl Display, a: impl Display, b: impl Display) {
        vi: "`{at}`: {what} «{value}» không có (cần là {a} hoặc {b})",
        en: "{at}: unknown {what} \"{value}\" (expected {a} or {b})",
    }
    cf_ends_before(ends: impl Display, starts: impl Display) {
        vi: "`campaign.ends_on`: {ends} trước ngày bắt đầu {starts}",
        en: "campaign.ends_on: {ends} is before starts_on {starts}",
    }
    cf_bad_round(at: impl Display, found: impl Display) {
        vi: "`{at}`: phải là số nguyên từ 1 trở lên, tệp ghi {found}",
        en: "{at}: must be a whole number from 1, found {found}",
    }
    cf_not_saturday(at: impl Display, date: impl Display, weekday: impl Display) {
        vi: "`{at}`: {date} là {weekday}, không phải thứ Bảy",
        en: "{at}: {date} is a {weekday}, not a Saturday",
    }
    cf_outside(at: impl Display, date: impl Display, starts: impl Display, ends: impl Display) {
        vi: "`{at}`: {date} nằm ngoài thời gian chiến dịch ({starts} đến {ends})",
        en: "{at}: {date} is outside the campaign ({starts} to {ends})",
    }
    cf_deadline_order(at: impl Display, registration: impl Display, report: impl Display) {
        vi: "`{at}`: {registration} muộn hơn `report_deadline` {report}",
        en: "{at}: {registration} is after report_deadline {report}",
    }
    cf_short_wide(at: impl Display, short: impl Display, width: impl Display, max: impl Display) {
        vi: "`{at}`: «{short}» rộng {width} cột; tiêu đề cột chỉ chứa được {max}",
        en: "{at}: \"{short}\" is {width} columns wide; a column header fits {max}",
    }
    cf_applies_empty(at: impl Display) {
        vi: "`{at}`: phải nêu ít nhất một loại đơn vị",
        en: "{at}: must list at least one unit kind",
    }
    cf_kind_twice(at: impl Display, kind: impl Display) {
        vi: "`{at}`: loại «{kind}» bị nêu hai lần",
        en: "{at}: kind \"{kind}\" is listed twice",
    }
    cf_day_required(at: impl Display, source: impl Display) {
        vi: "`{at}`: bắt buộc khi source là «{source}»",
        en: "{at}: required when source is \"{source}\"",
    }
    cf_day_not_allowed(at: impl Display, source: impl Display) {
        vi: "`{at}`: chỉ dùng khi source là volunteer_registration hoặc quick_report (ở đây source là «{source}»)",
        en: "{at}: only allowed when source is volunteer_registration or quick_report (source is \"{source}\")",
    }
    cf_acts_for_not_base(at: impl Display, kind: impl Display, base: impl Display) {
        vi: "`{at}`: chỉ cơ sở Đoàn (kind = \"{base}\") mới thay mặt đơn vị khác; đơn vị này là «{kind}»",
        en: "{at}: only a youth base (kind = \"{base}\") acts for other units; this unit is \"{kind}\"",
    }
    cf_acts_for_no_base_kind(at: impl Display, kind: impl Display) {
        vi: "`{at}`: chỉ cơ sở Đoàn mới thay mặt đơn vị khác, mà chưa loại đơn vị nào là cơ sở Đoàn (youth_base = true trong [[unit_kinds]]); đơn vị này là «{kind}»",
        en: "{at}: only a youth base acts for other units, and no unit kind is one (youth_base = true in [[unit_kinds]]); this unit is \"{kind}\"",
    }
    cf_youth_base_twice(at: impl Display, kind: impl Display, first: impl Display) {
        vi: "`{at}`: loại «{kind}» không là cơ sở Đoàn được nữa — chỉ một loại có youth_base = true, và «{first}» đã là",
        en: "{at}: kind \"{kind}\" cannot be the youth base too — only one kind has youth_base = true, and \"{first}\" already does",
    }
    cf_acts_for_base(at: impl Display, code: impl Display) {
        vi: "`{at}`: «{code}» là cơ sở Đoàn; cơ sở Đoàn thay mặt đơn vị, không thay mặt cơ sở Đoàn khác",
        en: "{at}: \"{code}\" is a youth base; a base acts for units, not for another base",
    }
    cf_acted_for_twice(at: impl Display, unit: impl Display, first: impl Display) {
        vi: "`{at}`: đơn vị «{unit}» đã có cơ sở Đoàn «{first}» thay mặt; mỗi đơn vị chỉ một cơ sở Đoàn",
        en: "{at}: unit \"{unit}\" already has youth base \"{first}\" acting for it; a unit has one base",
    }
    cf_owed_twice(at: impl Display, base: impl Display, unit: impl Display) {
        vi: "`{at}`: cả cơ sở Đoàn «{base}» lẫn đơn vị «{unit}» mà nó thay mặt đều phải nộp — một tổ chức không nộp cùng việc hai lần; bỏ một trong hai loại đơn vị",
        en: "{at}: both youth base \"{base}\" and unit \"{unit}\" it acts for would owe it — one organisation does not owe the same thing twice; drop one of the two kinds",
    }
    cf_number_suffix(at: impl Display, text: impl Display) {
        vi: "`{at}`: «{text}» không đứng được sau «Số: …-»; viết phần ký hiệu liền, không gạch đầu, ví dụ \"BC/ĐTN\"",
        en: "{at}: \"{text}\" does not read after \"Số: …-\"; write the symbol alone, without a leading dash or spaces, e.g. \"BC/ĐTN\"",
    }
    cf_target_range(at: impl Display, value: impl Display) {
        vi: "`{at}`: {value} không phải tỉ lệ phần trăm từ 0 đến 100",
        en: "{at}: {value} is not a percentage between 0 and 100",
    }
    ov_period(starts_on: impl Display, ends_on: impl Display) {
        vi: "Thời gian: {starts_on} – {ends_on}",
        en: "Period: {starts_on} – {ends_on}",
    }
    ov_contact(name: impl Display, role: impl Display, phone: impl Display) {
        vi: "Đầu mối: {name} ({role}), {phone}",
        en: "Contact: {name} ({role}), {phone}",
    }
    ov_round(round: impl Display) {
        vi: "Đợt {round}",
        en: "Round {round}",
    }
    ov_and_more_short(count: impl Display) {
        vi: "+{count}",
        en: "+{count}",
    }
    ov_and_more(count: impl Display) {
        vi: "… và {count} đơn vị khác",
        en: "… and {count} more units",
    }
    err_date_range(start: impl Display, end: impl Display) {
        vi: "Ngày phải trong thời gian kế hoạch ({start} – {end}).",
        en: "The date must lie within the campaign ({start} – {end}).",
    }
    init_count(shown: impl Display, total: impl Display) {
        vi: "{shown} / {total} sáng kiến",
        en: "{shown} / {total} initiatives",
    }
    d_proposal_text(level: impl Display, whom: impl Display) {
        vi: "{level} — cho {whom}",
        en: "{level} — for {whom}",
    }
    new_option(label: impl Display) {
        vi: "+ thêm: {label}",
        en: "+ add: {label}",
    }
    form_proposal(initiative: impl Display) {
        vi: "Đề xuất khen thưởng — {initiative}",
        en: "Commendation proposal — {initiative}",
    }
    form_stage(initiative: impl Display) {
        vi: "Chọn giai đoạn — {initiative}",
        en: "Choose stage — {initiative}",
    }
    form_replications(initiative: impl Display) {
        vi: "Đơn vị nhân rộng — {initiative}",
        en: "Replicating units — {initiative}",
    }
    confirm_delete(initiative: impl Display) {
        vi: "Xoá sáng kiến \"{initiative}\"?",
        en: "Delete initiative \"{initiative}\"?",
    }
    confirm_skip(initiative: impl Display, stage: impl Display, skipped: impl Display) {
        vi: "Chuyển \"{initiative}\" sang {stage}, bỏ qua: {skipped}?",
        en: "Move \"{initiative}\" to {stage}, skipping: {skipped}?",
    }
    d_multi_chosen(count: impl Display, names: impl Display) {
        vi: "{count} đã chọn: {names}",
        en: "{count} chosen: {names}",
    }
    vol_day(round: impl Display, date: impl Display, host: impl Display) {
        vi: "Đợt {round} · {date} · {host}",
        en: "Round {round} · {date} · {host}",
    }
    fig_saved(unit: impl Display, metric: impl Display, value: impl Display) {
        vi: "Đã lưu: {unit} — {metric}: {value}",
        en: "Saved: {unit} — {metric}: {value}",
    }
    fig_saved_from_other(unit: impl Display, metric: impl Display, value: impl Display, before: impl Display) {
        vi: "Đã lưu: {unit} — {metric}: {value} (tính từ {before}, số một cửa sổ khác vừa lưu)",
        en: "Saved: {unit} — {metric}: {value} (from {before}, which another window had just saved)",
    }
    fig_changed(unit: impl Display, metric: impl Display, stored: impl Display, typed: impl Display) {
        vi: "CHƯA lưu {unit} — {metric}: một cửa sổ khác vừa lưu {stored}. Enter để lưu {typed} đè lên, Esc để giữ {stored}.",
        en: "NOT saved {unit} — {metric}: another window has just saved {stored}. Enter saves {typed} over it, Esc keeps {stored}.",
    }
    se_vanished(path: impl Display, found: impl Display, copy: impl Display) {
        vi: "{path}: không có kho ở đây, nhưng thấy dấu vết của một kho đã có ({found}); chưa tạo gì. Để đưa bản sao về: xungkich --db {path} restore {copy}. Muốn bắt đầu một kho mới thì chuyển các tệp ấy đi chỗ khác trước",
        en: "{path}: there is no store here, but traces of one that was ({found}); nothing was created. To put a copy back: xungkich --db {path} restore {copy}. To start a new store instead, move those files elsewhere first",
    }
    se_and_more(count: impl Display) {
        vi: "và {count} tệp nữa",
        en: "and {count} more",
    }
    se_backup_onto_store(path: impl Display) {
        vi: "{path} chính là kho dữ liệu (hay tệp nhật ký của nó): sao lưu đè lên đó sẽ phá hỏng kho; hãy chọn tên khác (chưa ghi gì)",
        en: "{path} is the store itself (or its journal): a backup over it would destroy the store; choose another name (nothing was written)",
    }
    se_figure_changed(stored: impl Display) {
        vi: "ô số liệu vừa được lưu là {stored} ở nơi khác; chưa lưu gì",
        en: "the cell has just been saved as {stored} elsewhere; nothing was saved",
    }
    waiting_for_lock(tries: impl Display) {
        vi: "CHƯA lưu: một phiên khác đang ghi vào kho (có thể là một lần nhập lớn). Số đã gõ vẫn giữ nguyên và sẽ tự lưu khi kho rảnh (đã thử {tries} lần); Esc để bỏ.",
        en: "NOT saved yet: another session is writing to the store (perhaps a large import). What you typed is kept and saves itself once the store is free (tried {tries} times); Esc to drop it.",
    }
    fig_cleared(unit: impl Display, metric: impl Display) {
        vi: "Đã xoá: {unit} — {metric}",
        en: "Cleared: {unit} — {metric}",
    }
    fig_refused(unit: impl Display, metric: impl Display, why: impl Display) {
        vi: "KHÔNG lưu {unit} — {metric}: {why}.",
        en: "NOT saved {unit} — {metric}: {why}.",
    }
    err_fig_nan(given: impl Display) {
        vi: "\"{given}\" không phải số nguyên",
        en: "\"{given}\" is not a whole number",
    }
    err_fig_bound(bound: impl Display, value: impl Display) {
        vi: "lớn hơn {bound} ({value})",
        en: "more than {bound} ({value})",
    }
    err_fig_bound_missing(bound: impl Display) {
        vi: "chưa có {bound}: nhập {bound} trước",
        en: "{bound} is empty: type {bound} first",
    }
    err_fig_below(dependent: impl Display, value: impl Display) {
        vi: "nhỏ hơn {dependent} ({value})",
        en: "less than {dependent} ({value})",
    }
    reg_count(registered: impl Display, units: impl Display, late: impl Display) {
        vi: "{registered} / {units} đã đăng ký, {late} trễ",
        en: "{registered} / {units} registered, {late} late",
    }
    form_registration(unit: impl Display) {
        vi: "Đăng ký thứ Bảy — {unit}",
        en: "Saturday registration — {unit}",
    }
    confirm_delete_registration(unit: impl Display) {
        vi: "Xoá đăng ký thứ Bảy của {unit}?",
        en: "Delete the Saturday registration of {unit}?",
    }
    rep_count(reported: impl Display, units: impl Display, late: impl Display, no_photo: impl Display) {
        vi: "{reported} / {units} đã báo cáo, {late} trễ, {no_photo} chưa có ảnh",
        en: "{reported} / {units} reported, {late} late, {no_photo} without photos",
    }
    form_report(unit: impl Display) {
        vi: "Báo cáo nhanh — {unit}",
        en: "Quick report — {unit}",
    }
    err_photo_missing(path: impl Display) {
        vi: "Không thấy tệp: {path}",
        en: "No such file: {path}",
    }
    err_photo_not_image(path: impl Display) {
        vi: "Không phải ảnh JPEG, PNG, HEIC hay WebP: {path}",
        en: "Not a JPEG, PNG, HEIC or WebP image: {path}",
    }
    err_photo_read(path: impl Display, why: impl Display) {
        vi: "Không đọc được {path}: {why}",
        en: "Cannot read {path}: {why}",
    }
    err_photo_too_large(path: impl Display, megabytes: impl Display, max: impl Display) {
        vi: "Ảnh quá lớn: {path} nặng {megabytes} MB, mỗi ảnh tối đa {max} MB",
        en: "Photo too large: {path} is {megabytes} MB, at most {max} MB per photo",
    }
    err_photo_copy(why: impl Display) {
        vi: "Không chép được ảnh vào thư mục ảnh của kho: {why}",
        en: "Could not copy the photo into the store's photo folder: {why}",
    }
    photos_count(count: impl Display) {
        vi: "{count} ảnh",
        en: "{count} photos",
    }
    day_title_default(round: impl Display) {
        vi: "Ngày thứ Bảy tình nguyện hỗ trợ giải quyết thủ tục hành chính đợt {round}",
        en: "Volunteer Saturday for administrative procedures, round {round}",
    }
    err_not_saturday(date: impl Display, weekday: impl Display) {
        vi: "{date} là {weekday}, không phải thứ Bảy.",
        en: "{date} is a {weekday}, not a Saturday.",
    }
    err_day_exists(date: impl Display) {
        vi: "Đã có đợt vào ngày {date}.",
        en: "There is already a round on {date}.",
    }
    task_count(total: impl Display) {
        vi: "{total} nhiệm vụ (mục II.3.1); số liệu gõ ở phần Số liệu",
        en: "{total} tasks (section II.3.1); figures are typed in the Figures part",
    }
    task_figures_typed(typed: impl Display, of: impl Display) {
        vi: "có {typed}/{of} số liệu",
        en: "{typed} of {of} figures in",
    }
    ag_count(total: impl Display, done: impl Display, cancelled: impl Display) {
        vi: "{total} hoạt động: {done} xong, {cancelled} huỷ",
        en: "{total} activities: {done} done, {cancelled} cancelled",
    }
    confirm_delete_agenda(activity: impl Display) {
        vi: "Xoá hoạt động \"{activity}\"?",
        en: "Delete activity \"{activity}\"?",
    }
    kpi_ratio(value: impl Display, target: impl Display) {
        vi: "{value} / {target}",
        en: "{value} / {target}",
    }
    kpi_count(total: impl Display, met: impl Display, near: impl Display, missed: impl Display, not_due: impl Display) {
        vi: "{total} chỉ tiêu: {met} đạt, {near} gần đạt, {missed} chưa đạt, {not_due} chưa tới hạn",
        en: "{total} KPIs: {met} met, {near} near, {missed} below, {not_due} not due yet",
    }
    form_measurement(kpi: impl Display) {
        vi: "Lần đo — {kpi}",
        en: "Measurement — {kpi}",
    }
    form_target(kpi: impl Display) {
        vi: "Mục tiêu — {kpi}",
        en: "Target — {kpi}",
    }
    confirm_delete_measurement(kpi: impl Display) {
        vi: "Xoá lần đo gần nhất của {kpi}?",
        en: "Delete the latest measurement of {kpi}?",
    }
    form_assessment(date: impl Display) {
        vi: "Đánh giá và phương hướng — báo cáo ngày {date}",
        en: "Assessment and next steps — report of {date}",
    }
    dx_date_line(place: impl Display, day: impl Display, month: impl Display, year: impl Display) {
        vi: "{place}, ngày {day} tháng {month} năm {year}",
        en: "{place}, {day}/{month}/{year}",
    }
    dx_number(suffix: impl Display) {
        vi: "Số:        -{suffix}",
        en: "No.        -{suffix}",
    }
    dx_subject(day: impl Display, plan: impl Display) {
        vi: "Kết quả {day} và tiến độ thực hiện Kế hoạch số {plan}",
        en: "Results of {day} and progress of plan No. {plan}",
    }
    dx_subject_no_day(plan: impl Display) {
        vi: "Tiến độ thực hiện Kế hoạch số {plan}",
        en: "Progress of plan No. {plan}",
    }
    dx_opening(plan: impl Display, issued: impl Display, title: impl Display, at: impl Display) {
        vi: "Thực hiện Kế hoạch số {plan} ngày {issued} ({title}), kết quả thực hiện tính đến {at} như sau:",
        en: "Under plan No. {plan} of {issued} ({title}), the results up to {at} are as follows:",
    }
    dx_day(round: impl Display, day: impl Display, date: impl Display, host: impl Display) {
        vi: "Đợt {round}: {day}, ngày {date}; hoạt động điểm tại {host}.",
        en: "Round {round}: {day}, {date}; the main activities at {host}.",
    }
    dx_legend(list: impl Display) {
        vi: "Ghi chú: {list}.",
        en: "Key: {list}.",
    }
    dx_land_kpi(kpi: impl Display, value: impl Display, target: impl Display, status: impl Display) {
        vi: "{kpi}: {value} (chỉ tiêu {target}) — {status}.",
        en: "{kpi}: {value} (target {target}) — {status}.",
    }
    dx_closing(at: impl Display) {
        vi: "Trên đây là báo cáo kết quả tính đến {at}./.",
        en: "This is the report of the results up to {at}.",
    }
    dx_written(path: impl Display) {
        vi: "Đã ghi báo cáo Word: {path}",
        en: "Word report written: {path}",
    }
    dx_write_failed(why: impl Display) {
        vi: "Không ghi được báo cáo Word: {why}",
        en: "Could not write the Word report: {why}",
    }
    br_day(round: impl Display, day: impl Display, date: impl Display) {
        vi: "Đợt {round}: {day} — ngày {date}",
        en: "Round {round}: {day} — {date}",
    }
    br_by_unit(units: impl Display) {
        vi: "Theo đơn vị ({units} đơn vị đã báo số)",
        en: "By unit ({units} units reported figures)",
    }
    ch_written(path: impl Display) {
        vi: "Đã chép bản tin nhắn vào bộ nhớ tạm (nếu terminal cho phép) và lưu ở {path}",
        en: "Chat summary copied to the clipboard (where the terminal allows it) and saved as {path}",
    }
    ch_write_failed(why: impl Display) {
        vi: "Không ghi được bản tin nhắn: {why}",
        en: "Could not write the chat summary: {why}",
    }
    br_missing_overdue(missing: impl Display, overdue: impl Display, names: impl Display) {
        vi: "{missing} ({overdue} quá hạn) — {names}",
        en: "{missing} ({overdue} overdue) — {names}",
    }
    br_agenda_past(status: impl Display) {
        vi: "{status}, đã quá ngày",
        en: "{status}, past its date",
    }
    br_written(path: impl Display) {
        vi: "Đã ghi bản tin: {path}",
        en: "Briefing written: {path}",
    }
    br_write_failed(why: impl Display) {
        vi: "Không ghi được bản tin: {why}",
        en: "Could not write the briefing: {why}",
    }
    ex_written(path: impl Display) {
        vi: "Đã xuất bảng tính: {path}",
        en: "Spreadsheet exported: {path}",
    }
    cli_new_exists(path: impl Display, again: impl Display) {
        vi: "{path} đã có: không tạo kho mới đè lên. Mở nó bằng: xungkich --db {again}",
        en: "{path} exists already: no new store is made over it. Open it with: xungkich --db {again}",
    }
    cl_store(code: impl Display, title: impl Display, from: impl Display, to: impl Display, changed: impl Display, path: impl Display) {
        vi: "{code} · {title} · {from} – {to} · sửa lần cuối: {changed} · {path}",
        en: "{code} · {title} · {from} – {to} · last change: {changed} · {path}",
    }
    cl_not_a_store(path: impl Display, why: impl Display) {
        vi: "{path}: không đọc được ({why})",
        en: "{path}: cannot be read ({why})",
    }
    cl_none(folder: impl Display) {
        vi: "Chưa có kho nào trong {folder}. Tạo một kho: xungkich new TỆP.toml",
        en: "No store in {folder} yet. Make one: xungkich new FILE.toml",
    }
    ci_written(path: impl Display, again: impl Display) {
        vi: "Đã ghi tệp kế hoạch mẫu (kế hoạch Tân Phú 2022, có chú thích): {path}. Sửa nó, rồi tạo kho bằng: xungkich new {again}",
        en: "Wrote the sample campaign file (the Tân Phú 2022 plan, commented): {path}. Edit it, then make its store with: xungkich new {again}",
    }
    ci_from_store_written(path: impl Display, store: impl Display) {
        vi: "Đã ghi kế hoạch như kho {store} đang giữ vào tệp {path}.",
        en: "Wrote the campaign as the store {store} now holds it to {path}.",
    }
    ci_no_store(path: impl Display) {
        vi: "{path}: chưa có kho dữ liệu để ghi kế hoạch từ đó (--from-store)",
        en: "{path}: no store to write the campaign from (--from-store)",
    }
    ci_not_read_back(why: impl Display) {
        vi: "Tệp đã ghi nhưng đọc lại không được; sửa chỗ này trước khi dùng: {why}",
        en: "The file was written but does not read back; fix this before using it: {why}",
    }
    ci_write_failed(why: impl Display) {
        vi: "Không ghi được tệp kế hoạch: {why}",
        en: "Could not write the campaign file: {why}",
    }
    cy_written(path: impl Display, n: impl Display, year: impl Display, again: impl Display) {
        vi: "Đã chuyển {n} mốc thời gian của kế hoạch sang năm {year} (ngày thứ Bảy vẫn là thứ Bảy của cùng tuần trong tháng) và ghi vào tệp {path}. Sửa tệp, rồi tạo kho cho năm mới bằng: xungkich new {again}",
        en: "Moved the campaign's dates to {year} (dates moved: {n}; a Saturday stays the Saturday of the same week of its month) and wrote {path}. Edit it, then make the new year's store with: xungkich new {again}",
    }
    cy_same_year(path: impl Display, year: impl Display) {
        vi: "Các mốc thời gian của kế hoạch đã ở năm {year}, không có gì phải chuyển; đã ghi tệp {path} như cũ.",
        en: "The campaign's dates are already in {year}, so nothing moved; wrote {path} as it was.",
    }
    cy_no_dates(path: impl Display) {
        vi: "Kế hoạch không có mốc thời gian nào để chuyển; đã ghi tệp {path} như cũ.",
        en: "The campaign has no dates to move; wrote {path} as it was.",
    }
    cy_still_named(n: impl Display, years: impl Display) {
        vi: "Còn {n} dòng nhắc năm {years} (trong tên, căn cứ, mã hoặc chú thích; chữ không được tự sửa), hãy sửa:",
        en: "Lines still naming {years}: {n} (in titles, bases, codes or comments; text is not rewritten). Edit them:",
    }
    cy_none_left(years: impl Display) {
        vi: "Không còn dòng nào nhắc năm {years}.",
        en: "No line names {years} any more.",
    }
    cy_line(file: impl Display, line: impl Display, text: impl Display) {
        vi: "{file}:{line}: {text}",
        en: "{file}:{line}: {text}",
    }
    cy_comment_line(file: impl Display, line: impl Display, text: impl Display) {
        vi: "{file}:{line}: (chú thích) {text}",
        en: "{file}:{line}: (comment) {text}",
    }
    cy_year_range(year: impl Display, first: impl Display, last: impl Display) {
        vi: "Năm {year} không dùng được cho --year: hãy ghi một năm từ {first} đến {last}, ví dụ --year 2023.",
        en: "{year} cannot be used for --year: give a year from {first} to {last}, e.g. --year 2023.",
    }
    cy_not_moved(why: impl Display) {
        vi: "Chuyển sang năm mới thì kế hoạch không đọc lại được, nên chưa ghi gì: {why}",
        en: "Moved to the new year the campaign does not read back, so nothing was written: {why}",
    }
    cd_added(section: impl Display, name: impl Display) {
        vi: "+ {section} {name}: có trong tệp, chưa có trong kho",
        en: "+ {section} {name}: in the file, not in the store",
    }
    cd_removed(section: impl Display, name: impl Display) {
        vi: "- {section} {name}: có trong kho, không có trong tệp",
        en: "- {section} {name}: in the store, not in the file",
    }
    cd_changed(section: impl Display, name: impl Display, key: impl Display, from: impl Display, to: impl Display) {
        vi: "~ {section} {name}: {key} {from} → {to}",
        en: "~ {section} {name}: {key} {from} → {to}",
    }
    cd_same(file: impl Display) {
        vi: "{file} khớp với kế hoạch trong kho: không có gì khác.",
        en: "{file} matches the campaign in the store: nothing differs.",
    }
    cd_differs(file: impl Display, n: impl Display) {
        vi: "{file} khác kế hoạch trong kho ở {n} điểm (+ thêm, - bớt, ~ đổi):",
        en: "{file} differs from the campaign in the store in {n} places (+ added, - removed, ~ changed):",
    }
    cd_open_differs(file: impl Display, n: impl Display, command: impl Display) {
        vi: "Tệp kế hoạch {file} khác kế hoạch trong kho ở {n} điểm; kho vẫn giữ kế hoạch của nó, không đổi gì. Xem khác nhau: {command}",
        en: "The campaign file {file} differs from the store's campaign in {n} places; the store keeps its own and nothing changed. To see how: {command}",
    }
    cd_other_campaign(file: impl Display, file_code: impl Display, store_code: impl Display) {
        vi: "{file} là kế hoạch {file_code}, kho chứa kế hoạch {store_code}: hai kế hoạch khác nhau.",
        en: "{file} is campaign {file_code} and the store holds campaign {store_code}: two different campaigns.",
    }
    cd_no_store(path: impl Display) {
        vi: "{path}: chưa có kho dữ liệu để so sánh",
        en: "{path}: no store to compare with",
    }
    round_req_registration(day: impl Display) {
        vi: "Đăng ký nội dung {day}",
        en: "Register the content of {day}",
    }
    round_req_report(day: impl Display) {
        vi: "Gửi báo cáo nhanh kết quả {day}, kèm hình ảnh",
        en: "Send the quick report of {day}, with photos",
    }
    ca_no_store(path: impl Display) {
        vi: "{path}: chưa có kho dữ liệu để áp dụng tệp kế hoạch; tạo kho bằng: xungkich new TỆP.toml",
        en: "{path}: no store to apply the campaign file to; make one with: xungkich new FILE.toml",
    }
    ca_nothing(file: impl Display) {
        vi: "{file} khớp với kế hoạch trong kho: không có gì để áp dụng, kho không đổi.",
        en: "{file} matches the campaign in the store: nothing to apply, the store is unchanged.",
    }
    ca_done(file: impl Display, store: impl Display, added: impl Display, changed: impl Display, removed: impl Display) {
        vi: "Đã áp dụng {file} vào kho {store} thành một thay đổi: thêm {added}, sửa {changed}, bỏ {removed}. Hoàn tác cả thay đổi: phím u trong giao diện.",
        en: "Applied {file} to the store {store} as one change: {added} added, {changed} changed, {removed} removed. To undo it all: key u in the interface.",
    }
    ca_archived(units: impl Display) {
        vi: "Đã lưu trữ (có hồ sơ nên giữ lại lịch sử, rời mọi danh sách và mẫu số): {units}",
        en: "Archived (they have records, so their history stays; they leave every list and denominator): {units}",
    }
    ca_refused(file: impl Display, n: impl Display) {
        vi: "Không áp dụng {file}, kho không đổi gì: tệp bỏ {n} mục đã có hồ sơ trong kho:",
        en: "{file} was not applied and the store is unchanged: what the file leaves out has records in the store ({n}):",
    }
    ca_held(section: impl Display, name: impl Display, records: impl Display) {
        vi: "  {section} {name}: {records}",
        en: "  {section} {name}: {records}",
    }
    ca_record(n: impl Display, what: impl Display) {
        vi: "{n} {what}",
        en: "{what}: {n}",
    }
    ca_hint_archive(command: impl Display) {
        vi: "Giữ chúng trong tệp, hoặc lưu trữ các đơn vị này (giữ lịch sử, rời mọi mẫu số): {command}",
        en: "Keep them in the file, or archive these units (history kept, out of every denominator): {command}",
    }
    ca_other_campaign(file: impl Display, file_code: impl Display, store_code: impl Display) {
        vi: "Không áp dụng: {file} là kế hoạch {file_code}, kho chứa kế hoạch {store_code}. Tạo kho riêng cho nó: xungkich new {file}",
        en: "Not applied: {file} is campaign {file_code} and the store holds campaign {store_code}. Make it a store of its own: xungkich new {file}",
    }
    ex_replicating(unit: impl Display, since: impl Display) {
        vi: "{unit} (từ {since})",
        en: "{unit} (since {since})",
    }
    ex_grid_sheet(date: impl Display) {
        vi: "Thứ Bảy {date}",
        en: "Saturday {date}",
    }
    ex_as_of(at: impl Display) {
        vi: "Số liệu đến {at}",
        en: "Figures as of {at}",
    }
    ex_write_failed(why: impl Display) {
        vi: "Không xuất được bảng tính: {why}",
        en: "Could not export the spreadsheet: {why}",
    }
    im_summary(rows: impl Display, added: impl Display, updated: impl Display, unchanged: impl Display, errors: impl Display) {
        vi: "{rows} dòng: thêm {added}, cập nhật {updated}, giữ nguyên {unchanged}, lỗi {errors}",
        en: "{rows} rows: add {added}, update {updated}, unchanged {unchanged}, errors {errors}",
    }
    im_err_open(path: impl Display, why: impl Display) {
        vi: "Không mở được {path}: {why}",
        en: "Cannot open {path}: {why}",
    }
    im_note_ignored(columns: impl Display) {
        vi: "Cột không dùng (bỏ qua): {columns}",
        en: "Columns not used (left aside): {columns}",
    }
    im_stage_note(source: impl Display) {
        vi: "nhập từ {source}",
        en: "imported from {source}",
    }
    im_audit(what: impl Display, source: impl Display) {
        vi: "Nhập {what} từ {source}",
        en: "Import {what} from {source}",
    }
    im_err_csv(message: impl Display) {
        vi: "CSV hỏng: {message}",
        en: "Broken CSV: {message}",
    }
    im_err_missing_column(names: impl Display) {
        vi: "Thiếu cột {names}.",
        en: "Missing column {names}.",
    }
    im_err_twice(other: impl Display, meaning: impl Display) {
        vi: "trùng nghĩa với cột {other} (cùng là «{meaning}»): giữ một cột.",
        en: "means the same as column {other} (both are “{meaning}”): keep one.",
    }
    im_err_duplicate(first_row: impl Display) {
        vi: "trùng với dòng {first_row} (cùng một mục).",
        en: "same item as row {first_row}.",
    }
    im_err_unit_code(code: impl Display) {
        vi: "không có đơn vị mã {code}",
        en: "no unit has the code {code}",
    }
    im_err_date(given: impl Display) {
        vi: "{given} không phải ngày: dùng dd/mm/yyyy hoặc yyyy-mm-dd.",
        en: "{given} is not a date: use dd/mm/yyyy or yyyy-mm-dd.",
    }
    im_err_month(given: impl Display, month: impl Display) {
        vi: "{given}: không có tháng {month}.",
        en: "{given}: there is no month {month}.",
    }
    im_err_day(given: impl Display, month: impl Display, day: impl Display) {
        vi: "{given}: tháng {month} không có ngày {day}.",
        en: "{given}: {month} has no day {day}.",
    }
    im_err_time(given: impl Display) {
        vi: "{given}: giờ không hợp lệ (dùng HH:MM hoặc HH:MM:SS).",
        en: "{given}: not a valid time (use HH:MM or HH:MM:SS).",
    }
    im_err_choice(given: impl Display, allowed: impl Display) {
        vi: "{given} không phải giá trị nhận được (có thể là: {allowed}).",
        en: "{given} is not an accepted value (one of: {allowed}).",
    }
    im_err_no_such_day(given: impl Display, days: impl Display) {
        vi: "{given} không phải ngày thứ Bảy tình nguyện nào (các ngày: {days}).",
        en: "{given} is not one of the volunteer Saturdays ({days}).",
    }
    im_note_day(date: impl Display) {
        vi: "Tệp không có cột Ngày thứ Bảy: mọi dòng thuộc ngày {date}.",
        en: "The file has no Saturday column: every row goes to {date}.",
    }
    im_did_you_mean(names: impl Display) {
        vi: " — có phải {names}?",
        en: " — did you mean {names}?",
    }
    im_err_unit(given: impl Display) {
        vi: "không có đơn vị {given}",
        en: "no unit named {given}",
    }
    im_err_unit_ambiguous(given: impl Display, names: impl Display) {
        vi: "{given} có thể là {names}: ghi rõ tên đầy đủ hoặc mã.",
        en: "{given} could be {names}: write the full name or the code.",
    }
    im_err_unit_new(given: impl Display, hint: impl Display) {
        vi: "không có đơn vị {given}{hint} (muốn thêm đơn vị mới thì điền cột Mã).",
        en: "no unit named {given}{hint} (to add a new unit, fill in its Code).",
    }
    im_err_code_form(code: impl Display) {
        vi: "mã {code} chỉ gồm chữ thường không dấu, số và dấu gạch (-), tối đa 40 ký tự.",
        en: "code {code} may hold only lower-case letters without accents, digits and hyphens, 40 at most.",
    }
    im_err_new_unit_kind(kinds: impl Display) {
        vi: "đơn vị mới cần loại ({kinds}).",
        en: "a new unit needs a kind ({kinds}).",
    }
    im_note_new_fields(fields: impl Display) {
        vi: "Lĩnh vực mới sẽ được thêm: {fields}",
        en: "New fields will be added: {fields}",
    }
    im_err_need_level(stage: impl Display) {
        vi: "giai đoạn «{stage}» cần cấp khen (Chủ tịch UBND quận hoặc UBND Thành phố).",
        en: "stage “{stage}” needs a commendation level (District Chairman or City People's Committee).",
    }
    im_note_now(count: impl Display) {
        vi: "{count} đăng ký không có giờ đăng ký: lấy giờ nhập.",
        en: "{count} registrations have no registration time: the import time is used.",
    }
    im_err_metric(metric: impl Display, reason: impl Display) {
        vi: "{metric}: {reason}",
        en: "{metric}: {reason}",
    }
    im_row(row: impl Display) {
        vi: "dòng {row}",
        en: "row {row}",
    }
    im_changed(columns: impl Display) {
        vi: "đổi: {columns}",
        en: "changes: {columns}",
    }
    im_more(count: impl Display) {
        vi: "… và {count} dòng nữa",
        en: "… and {count} more",
    }
    im_done(what: impl Display, source: impl Display, added: impl Display, updated: impl Display) {
        vi: "Đã nhập {what} từ {source}: thêm {added}, cập nhật {updated} (u để hoàn tác).",
        en: "Imported {what} from {source}: {added} added, {updated} updated (u to undo).",
    }
    im_refused(errors: impl Display) {
        vi: "Không nhập gì: {errors} lỗi — sửa tệp rồi nhập lại.",
        en: "Nothing imported: {errors} errors — fix the file and import again.",
    }
    im_failed(why: impl Display) {
        vi: "Không ghi được, không có gì thay đổi: {why}",
        en: "Could not write, nothing changed: {why}",
    }
    im_prompt_title(what: impl Display) {
        vi: "Nhập {what} từ tệp CSV",
        en: "Import {what} from a CSV file",
    }
    im_preview_title(what: impl Display, source: impl Display) {
        vi: "Xem trước: nhập {what} từ {source}",
        en: "Preview: import {what} from {source}",
    }
    im_summary_errors(rows: impl Display, bad: impl Display, errors: impl Display) {
        vi: "{rows} dòng: {bad} dòng có lỗi ({errors} lỗi) — chưa nhập gì",
        en: "{rows} rows: {bad} rows with errors ({errors} errors) — nothing imported",
    }
    im_column(column: impl Display) {
        vi: "cột {column}",
        en: "column {column}",
    }
    quoted(text: impl Display) {
        vi: "«{text}»",
        en: "“{text}”",
    }
    quoted_long(text: impl Display, chars: impl Display) {
        vi: "«{text}» (dài {chars} ký tự)",
        en: "“{text}” ({chars} characters long)",
    }
    cut_long(text: impl Display, chars: impl Display) {
        vi: "{text} (dài {chars} ký tự)",
        en: "{text} ({chars} characters long)",
    }
    im_err_too_many_columns(count: impl Display, max: impl Display) {
        vi: "Dòng tiêu đề có {count} cột; xungkich chỉ đọc tệp có tối đa {max} cột (tệp này có đúng là bảng tính đăng ký không?).",
        en: "The header row has {count} columns; xungkich reads files of at most {max} columns (is this the registration sheet?).",
    }
    im_more_columns(count: impl Display) {
        vi: "… và {count} cột nữa",
        en: "… and {count} more",
    }
    ro_refused(reason: impl Display) {
        vi: "Chỉ đọc ({reason}): không lưu được gì. Mở lại không có --read-only, hoặc cấp quyền ghi cho tệp và thư mục kho.",
        en: "Read-only ({reason}): nothing can be saved. Reopen without --read-only, or make the store file and its folder writable.",
    }
    im_candidates(names: impl Display) {
        vi: "Có thể là: {names}",
        en: "Could be: {names}",
    }
    err_choose_or_write(choice: impl Display, text: impl Display) {
        vi: "Chọn ít nhất một mục ở «{choice}» hoặc ghi vào «{text}».",
        en: "Tick one under “{choice}” or write one under “{text}”.",
    }
    im_err_base_owes(unit: impl Display, base: impl Display) {
        vi: "{unit} không nộp việc của Ngày thứ Bảy này: cơ sở Đoàn {base} nộp thay — ghi dòng này cho {base}.",
        en: "{unit} owes nothing for this Saturday: its youth base {base} does — put this row under {base}.",
    }
    im_err_not_owed(unit: impl Display) {
        vi: "{unit} không phải nộp việc của Ngày thứ Bảy này (kế hoạch không giao cho loại đơn vị này).",
        en: "{unit} owes nothing for this Saturday (the plan does not ask it of this kind of unit).",
    }
    ch_head(title: impl Display, at: impl Display) {
        vi: "{title} — tình hình lúc {at}",
        en: "{title} — as of {at}",
    }
    ch_day(round: impl Display, date: impl Display) {
        vi: "Thứ Bảy tình nguyện đợt {round}, ngày {date}",
        en: "Volunteer Saturday round {round}, {date}",
    }
    ch_next(what: impl Display, at: impl Display) {
        vi: "Hạn kế tiếp: {what} — trước {at}",
        en: "Next deadline: {what} — before {at}",
    }
    ch_still_owe(count: impl Display, names: impl Display) {
        vi: "Còn {count} nơi chưa nộp: {names}",
        en: "{count} still owe it: {names}",
    }
    ch_progress(what: impl Display, done: impl Display, of: impl Display) {
        vi: "{what}: {done}/{of} xong",
        en: "{what}: {done}/{of} done",
    }
    ch_progress_late(what: impl Display, done: impl Display, of: impl Display, late: impl Display) {
        vi: "{what}: {done}/{of} xong ({late} trễ)",
        en: "{what}: {done}/{of} done ({late} late)",
    }
    ch_kpi(name: impl Display, value: impl Display) {
        vi: "{name}: {value}",
        en: "{name}: {value}",
    }
    ch_kpi_target(name: impl Display, value: impl Display, target: impl Display) {
        vi: "{name}: {value} (cần {target})",
        en: "{name}: {value} (target {target})",
    }
    ch_kpi_waiting(count: impl Display) {
        vi: "{count} chỉ tiêu chưa tới hạn hoặc chưa có số liệu",
        en: "{count} KPIs not due yet or without figures",
    }
    ch_late(what: impl Display, names: impl Display) {
        vi: "{what} trễ: {names}",
        en: "{what} late: {names}",
    }
    err_in_future(at: impl Display, now: impl Display) {
        vi: "{at} ở tương lai (bây giờ: {now}).",
        en: "{at} is in the future (now: {now}).",
    }
    err_initiative_exists(unit: impl Display, title: impl Display, date: impl Display) {
        vi: "Đã có «{title}» của {unit}, đăng ký {date}.",
        en: "Registered already: “{title}” of {unit}, on {date}.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The `{name}` placeholders of a template (`{{` and `}}` are literal braces).
    fn placeholders(template: &str) -> Result<BTreeSet<String>, String> {
        let mut found = BTreeSet::new();
        let mut rest = template.replace("{{", "").replace("}}", "");
        while let Some(open) = rest.find('{') {
            let Some(len) = rest[open..].find('}') else {
                return Err(format!("unclosed brace in {template:?}"));
            };
            let name = &rest[open + 1..open + len];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!(
                    "placeholder {{{name}}} has no name in {template:?}"
                ));
            }
            found.insert(name.to_string());
            rest = rest[open + len + 1..].to_string();
        }
        Ok(found)
    }

    /// Every message says something in both languages and names exactly its arguments in
    /// each: a sentence that dropped one would lose a figure. (The compiler refuses most such
    /// slips already; this also catches an empty sentence and keeps the table honest.)
    #[test]
    fn every_message_is_complete_in_both_languages() {
        let mut names = BTreeSet::new();
        for m in MESSAGES {
            assert!(names.insert(m.name), "{} is defined twice", m.name);
            assert!(
                !m.args.is_empty(),
                "{} takes no argument: make it a string",
                m.name
            );
            let args: BTreeSet<String> = m.args.iter().map(|a| a.to_string()).collect();
            assert_eq!(
                args.len(),
                m.args.len(),
                "{} names an argument twice",
                m.name
            );
            for (lang, text) in [("vi", m.vi), ("en", m.en)] {
                let used = placeholders(text).unwrap_or_else(|e| panic!("{lang}.{}: {e}", m.name));
                assert!(!text.trim().is_empty(), "{lang}.{} is empty", m.name);
                assert_eq!(
                    used, args,
                    "{lang}.{}: placeholders differ from arguments",
                    m.name
                );
            }
        }
    }

    #[test]
    fn arguments_land_where_each_language_puts_them() {
        let vi = crate::i18n::strings(Lang::Vi);
        let en = crate::i18n::strings(Lang::En);
        assert_eq!(vi.units_count(3, 37), "3 / 37 đơn vị");
        assert_eq!(en.units_count(3, 37), "3 / 37 units");
        assert_eq!(en.time_left("2 days"), "2 days left");
        assert_eq!(vi.time_left("2 ngày"), "còn 2 ngày");
    }

    #[test]
    fn placeholders_are_read_by_name() {
        let set = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(placeholders("{a} and {b}, {a}"), Ok(set(&["a", "b"])));
        assert_eq!(placeholders("{{literal}} {x}"), Ok(set(&["x"])));
        assert!(placeholders("{}").is_err());
        assert!(placeholders("{a").is_err());
    }
}
