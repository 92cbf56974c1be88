//! What an imported sheet's columns mean: for each kind of import, the columns xungkich reads
//! and the headers (Vietnamese as the registration sheet has them, and English) that name
//! them. Headers match without case, diacritics or punctuation (see [`super::sheet::key`]).
//! The README's header map lists the same names; a test keeps the two together.

use std::collections::HashMap;

use super::figures::Metric;
use super::sheet::key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportKind {
    Units,
    Initiatives,
    Registrations,
    Figures,
}

impl ImportKind {
    pub const ALL: [ImportKind; 4] = [
        ImportKind::Units,
        ImportKind::Initiatives,
        ImportKind::Registrations,
        ImportKind::Figures,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Units => "units",
            ImportKind::Initiatives => "initiatives",
            ImportKind::Registrations => "registrations",
            ImportKind::Figures => "figures",
        }
    }
}

/// A column xungkich reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    /// The unit's code (units: the unit itself; elsewhere: which unit the row is about).
    UnitCode,
    /// The unit's name (units: its new name; elsewhere: which unit, matched by name).
    UnitName,
    UnitKind,
    ContactPerson,
    Phone,
    Title,
    InitiativeKind,
    Field,
    RegisteredOn,
    Summary,
    ExpectedEffect,
    Stage,
    Score,
    Commendation,
    CommendedFor,
    EvaluationNotes,
    Saturday,
    Activities,
    OtherActivity,
    Place,
    PlannedVolunteers,
    RegisteredAt,
    Metric,
    Value,
    UpdatedAt,
    /// A figure in its own column (the wide layout: one row per unit).
    MetricValue(Metric),
    /// A column the export writes that import knows and leaves alone (an id, a derived flag).
    NotImported,
}

/// One column of an import: the headers that name it, Vietnamese first.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    pub col: Col,
    pub vi: &'static [&'static str],
    pub en: &'static [&'static str],
}

const fn spec(col: Col, vi: &'static [&'static str], en: &'static [&'static str]) -> ColumnSpec {
    ColumnSpec { col, vi, en }
}

const UNIT_REF: [ColumnSpec; 2] = [
    spec(Col::UnitCode, &["Mã đơn vị"], &["Unit code"]),
    spec(
        Col::UnitName,
        &[
            "Đơn vị",
            "Tên đơn vị",
            "Đơn vị đăng ký",
            "Tên cơ quan, đơn vị",
        ],
        &["Unit", "Unit name"],
    ),
];

const UNITS: &[ColumnSpec] = &[
    spec(Col::UnitCode, &["Mã", "Mã đơn vị"], &["Code", "Unit code"]),
    spec(
        Col::UnitName,
        &["Tên đơn vị", "Đơn vị", "Tên"],
        &["Unit name", "Unit", "Name"],
    ),
    spec(Col::UnitKind, &["Loại", "Loại đơn vị"], &["Kind", "Type"]),
    spec(
        Col::ContactPerson,
        &["Người liên hệ", "Đầu mối", "Cán bộ đầu mối", "Họ tên"],
        &["Contact person", "Contact"],
    ),
    spec(
        Col::Phone,
        &["Điện thoại", "Số điện thoại", "SĐT", "ĐT"],
        &["Phone", "Phone number", "Telephone"],
    ),
];

const INITIATIVES: &[ColumnSpec] = &[
    UNIT_REF[0],
    UNIT_REF[1],
    spec(
        Col::Title,
        &[
            "Tên sáng kiến",
            "Tên mô hình, giải pháp, sáng kiến",
            "Tên mô hình",
            "Tên giải pháp",
            "Sáng kiến",
        ],
        &["Title", "Initiative"],
    ),
    spec(
        Col::InitiativeKind,
        &["Loại", "Hình thức", "Loại sáng kiến"],
        &["Kind", "Type"],
    ),
    spec(Col::Field, &["Lĩnh vực"], &["Field", "Area"]),
    spec(
        Col::RegisteredOn,
        &["Ngày đăng ký", "Ngày", "Dấu thời gian"],
        &["Registered on", "Date", "Timestamp"],
    ),
    spec(
        Col::Summary,
        &["Nội dung đăng ký", "Nội dung", "Tóm tắt", "Mô tả"],
        &["Summary", "Description"],
    ),
    spec(
        Col::ExpectedEffect,
        &["Hiệu quả dự kiến", "Hiệu quả"],
        &["Expected effect", "Effect"],
    ),
    spec(
        Col::Stage,
        &["Giai đoạn", "Tình trạng"],
        &["Stage", "Status"],
    ),
    spec(Col::Score, &["Điểm", "Điểm đánh giá"], &["Score"]),
    spec(
        Col::Commendation,
        &["Cấp khen", "Đề xuất khen"],
        &["Commendation"],
    ),
    spec(
        Col::CommendedFor,
        &["Khen về", "Cá nhân được khen"],
        &["Commended for"],
    ),
    spec(
        Col::EvaluationNotes,
        &["Nhận xét", "Nhận xét đánh giá"],
        &["Evaluation notes", "Evaluation"],
    ),
    spec(
        Col::NotImported,
        &["Số", "STT", "Nhân rộng", "Đơn vị nhân rộng"],
        &["No.", "Replicated", "Replicating units"],
    ),
];

const SATURDAY: ColumnSpec = spec(
    Col::Saturday,
    &["Ngày thứ Bảy", "Thứ Bảy", "Ngày tình nguyện"],
    &["Saturday", "Volunteer day"],
);

const REGISTRATIONS: &[ColumnSpec] = &[
    SATURDAY,
    UNIT_REF[0],
    UNIT_REF[1],
    spec(
        Col::Activities,
        &["Hoạt động", "Các hoạt động", "Hoạt động đăng ký"],
        &["Activities"],
    ),
    spec(
        Col::OtherActivity,
        &["Hoạt động khác", "Nội dung đăng ký", "Nội dung"],
        &["Other activity", "Description"],
    ),
    spec(Col::Place, &["Địa điểm"], &["Place", "Location"]),
    spec(
        Col::PlannedVolunteers,
        &[
            "Số đoàn viên tham gia",
            "Số TNV dự kiến",
            "Số tình nguyện viên",
            "Số lượng",
        ],
        &["Planned volunteers", "Volunteers"],
    ),
    spec(
        Col::RegisteredAt,
        &[
            "Đăng ký lúc",
            "Dấu thời gian",
            "Thời gian đăng ký",
            "Ngày đăng ký",
        ],
        &["Registered at", "Timestamp"],
    ),
];

const FIGURES: &[ColumnSpec] = &[
    SATURDAY,
    UNIT_REF[0],
    UNIT_REF[1],
    spec(Col::Metric, &["Chỉ tiêu", "Số liệu"], &["Metric", "Figure"]),
    spec(Col::Value, &["Giá trị"], &["Value"]),
    spec(
        Col::UpdatedAt,
        &["Cập nhật lúc", "Dấu thời gian"],
        &["Updated at", "Timestamp"],
    ),
    spec(
        Col::MetricValue(Metric::Volunteers),
        &["Đoàn viên tham gia", "Số đoàn viên tham gia", "ĐV"],
        &["Volunteers taking part", "Volunteers"],
    ),
    spec(
        Col::MetricValue(Metric::Citizens),
        &["Lượt người dân được hỗ trợ", "Người dân", "Lượt người dân"],
        &["Citizens helped", "Citizens"],
    ),
    spec(
        Col::MetricValue(Metric::Businesses),
        &["Doanh nghiệp được hỗ trợ", "Doanh nghiệp"],
        &["Businesses helped", "Businesses"],
    ),
    spec(
        Col::MetricValue(Metric::FilesReceived),
        &["Hồ sơ tiếp nhận", "HS tiếp nhận"],
        &["Files received"],
    ),
    spec(
        Col::MetricValue(Metric::FilesResolved),
        &["Hồ sơ giải quyết", "HS giải quyết"],
        &["Files resolved"],
    ),
    spec(
        Col::MetricValue(Metric::OnlineGuided),
        &["Hồ sơ trực tuyến được hướng dẫn", "Hồ sơ trực tuyến"],
        &["Online submissions guided", "Online guided"],
    ),
    spec(
        Col::MetricValue(Metric::Einvoice),
        &["Hướng dẫn hóa đơn điện tử", "Hóa đơn điện tử"],
        &["E-invoice guidance", "E-invoices"],
    ),
    spec(
        Col::MetricValue(Metric::LandTotal),
        &["Hồ sơ đất đai trong tuần", "Hồ sơ đất đai"],
        &["Land files of the week", "Land files"],
    ),
    spec(
        Col::MetricValue(Metric::LandResolved),
        &["Hồ sơ đất đai đã giải quyết", "Đất đai đã giải quyết"],
        &["Land files resolved"],
    ),
];

/// The columns of one kind of import.
pub fn columns(kind: ImportKind) -> &'static [ColumnSpec] {
    match kind {
        ImportKind::Units => UNITS,
        ImportKind::Initiatives => INITIATIVES,
        ImportKind::Registrations => REGISTRATIONS,
        ImportKind::Figures => FIGURES,
    }
}

/// The metric a cell of the long layout's "Chỉ tiêu" column names: its code, or any header
/// of its wide-layout column (so the export's metric names read back).
pub fn metric_named(text: &str) -> Option<Metric> {
    let k = key(text);
    if let Some(m) = Metric::ALL.into_iter().find(|m| key(m.code()) == k) {
        return Some(m);
    }
    FIGURES.iter().find_map(|c| match c.col {
        Col::MetricValue(m) if c.vi.iter().chain(c.en).any(|h| key(h) == k) => Some(m),
        _ => None,
    })
}

/// Where each known column is in the file (0-based), and what was left aside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderMap {
    pub at: HashMap<Col, usize>,
    /// Headers no column of this import answers to, with their position.
    pub unknown: Vec<(usize, String)>,
}

impl HeaderMap {
    pub fn get(&self, col: Col) -> Option<usize> {
        self.at.get(&col).copied()
    }

    pub fn has(&self, col: Col) -> bool {
        self.at.contains_key(&col)
    }

    /// The wide layout's figure columns, in grid order.
    pub fn metric_columns(&self) -> Vec<(Metric, usize)> {
        Metric::ALL
            .into_iter()
            .filter_map(|m| self.get(Col::MetricValue(m)).map(|i| (m, i)))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderIssue {
    /// A column the import cannot do without; `any_of` lists alternatives (one suffices).
    Missing { any_of: Vec<Col> },
    /// Two columns of the file mean the same thing (positions are 0-based).
    Twice {
        col: Col,
        first: usize,
        second: usize,
    },
}

/// Reads the header row. Every problem is reported, not only the first.
pub fn map_headers(kind: ImportKind, headers: &[String]) -> Result<HeaderMap, Vec<HeaderIssue>> {
    let specs = columns(kind);
    let mut map = HeaderMap::default();
    let mut issues = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let k = key(h);
        if k.is_empty() {
            continue;
        }
        let found = specs
            .iter()
            .find(|s| s.vi.iter().chain(s.en).any(|alias| key(alias) == k));
        match found.map(|s| s.col) {
            Some(Col::NotImported) => {}
            Some(col) => {
                if let Some(&first) = map.at.get(&col) {
                    issues.push(HeaderIssue::Twice {
                        col,
                        first,
                        second: i,
                    });
                } else {
                    map.at.insert(col, i);
                }
            }
            None => map.unknown.push((i, h.clone())),
        }
    }
    let required: Vec<Vec<Col>> = match kind {
        ImportKind::Units => vec![vec![Col::UnitCode, Col::UnitName]],
        ImportKind::Initiatives => vec![vec![Col::UnitCode, Col::UnitName], vec![Col::Title]],
        ImportKind::Registrations => vec![vec![Col::UnitCode, Col::UnitName]],
        ImportKind::Figures => {
            let mut any: Vec<Col> = vec![Col::Metric];
            any.extend(Metric::ALL.map(Col::MetricValue));
            let mut v = vec![vec![Col::UnitCode, Col::UnitName], any];
            if map.has(Col::Metric) {
                v.push(vec![Col::Value]);
            }
            v
        }
    };
    for any_of in required {
        if !any_of.iter().any(|c| map.has(*c)) {
            issues.push(HeaderIssue::Missing { any_of });
        }
    }
    if issues.is_empty() {
        Ok(map)
    } else {
        Err(issues)
    }
}

/// The column's name as the officer should write it in a header, in the UI language.
pub fn header_name(kind: ImportKind, col: Col, english: bool) -> &'static str {
    columns(kind)
        .iter()
        .find(|s| s.col == col)
        .and_then(|s| if english { s.en.first() } else { s.vi.first() })
        .copied()
        .unwrap_or("?")
}

/// The README's header map: for each kind, every column with the headers that name it.
pub fn header_map_markdown() -> String {
    let mut out = String::new();
    for kind in ImportKind::ALL {
        out.push_str(&format!(
            "\n**`import {}`**\n\n| Tiêu đề tiếng Việt — Vietnamese headers | English headers |\n|---|---|\n",
            kind.code()
        ));
        for spec in columns(kind) {
            let vi: Vec<String> = spec.vi.iter().map(|h| format!("`{h}`")).collect();
            let en: Vec<String> = spec.en.iter().map(|h| format!("`{h}`")).collect();
            let mut vi = vi.join(", ");
            if spec.col == Col::NotImported {
                vi.push_str(" (bỏ qua — left aside)");
            }
            out.push_str(&format!("| {vi} | {} |\n", en.join(", ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_registration_sheet_maps_without_case_or_diacritics() {
        let map = map_headers(
            ImportKind::Initiatives,
            &heads(&[
                "Dấu thời gian",
                "ĐƠN VỊ",
                "ten sang kien",
                "Lĩnh vực ",
                "Nội dung đăng ký (*)",
                "Ghi chú riêng",
            ]),
        )
        .expect("maps");
        assert_eq!(map.get(Col::RegisteredOn), Some(0));
        assert_eq!(map.get(Col::UnitName), Some(1));
        assert_eq!(map.get(Col::Title), Some(2));
        assert_eq!(map.get(Col::Field), Some(3));
        assert_eq!(map.get(Col::Summary), Some(4));
        assert_eq!(map.unknown, vec![(5, "Ghi chú riêng".to_string())]);
    }

    #[test]
    fn missing_and_doubled_columns_are_all_reported() {
        let issues = map_headers(
            ImportKind::Initiatives,
            &heads(&["Tên đơn vị", "Đơn vị", "Lĩnh vực"]),
        )
        .expect_err("refused");
        assert_eq!(
            issues,
            vec![
                HeaderIssue::Twice {
                    col: Col::UnitName,
                    first: 0,
                    second: 1
                },
                HeaderIssue::Missing {
                    any_of: vec![Col::Title]
                },
            ]
        );
    }

    #[test]
    fn figures_take_a_long_or_a_wide_layout() {
        let long = map_headers(
            ImportKind::Figures,
            &heads(&["Ngày thứ Bảy", "Mã đơn vị", "Chỉ tiêu", "Giá trị"]),
        )
        .expect("long");
        assert!(long.has(Col::Metric) && long.has(Col::Value));
        let wide = map_headers(
            ImportKind::Figures,
            &heads(&["Đơn vị", "Hồ sơ tiếp nhận", "Hồ sơ giải quyết"]),
        )
        .expect("wide");
        assert_eq!(
            wide.metric_columns(),
            vec![(Metric::FilesReceived, 1), (Metric::FilesResolved, 2)]
        );
        assert!(map_headers(ImportKind::Figures, &heads(&["Đơn vị", "Chỉ tiêu"])).is_err());
        assert!(map_headers(ImportKind::Figures, &heads(&["Đơn vị"])).is_err());
    }

    #[test]
    fn no_header_means_two_columns_of_one_import() {
        for kind in ImportKind::ALL {
            let mut seen: HashMap<String, Col> = HashMap::new();
            for s in columns(kind) {
                for alias in s.vi.iter().chain(s.en) {
                    if let Some(other) = seen.insert(key(alias), s.col) {
                        assert_eq!(other, s.col, "{kind:?}: {alias} names two columns");
                    }
                }
            }
        }
    }

    #[test]
    fn metric_names_read_back() {
        assert_eq!(metric_named("files_resolved"), Some(Metric::FilesResolved));
        assert_eq!(metric_named("HỒ SƠ TIẾP NHẬN"), Some(Metric::FilesReceived));
        assert_eq!(metric_named("Land files"), Some(Metric::LandTotal));
        assert_eq!(metric_named("số cây xanh"), None);
    }
}
