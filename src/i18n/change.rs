//! What a change did, in words. The audit log keeps it as data ([`ChangeSummary`]) and it is
//! worded here each time it is shown, so undo after switching `--lang` speaks the new language.
//! Each language is one `match`: a new kind of change without a sentence in both is a compile
//! error, and the named parts let a translation put them in any order.

use super::{Lang, Strings};
use crate::domain::change::{ChangeSummary, Summary, UndoneTo};
use crate::domain::import::ImportKind;
use crate::domain::kpi::format_percent;
use crate::domain::time::format_date;

impl Strings {
    /// A logged change in a sentence of this language. A change logged before the log kept
    /// data keeps the words it was written with.
    pub fn change_summary(&self, summary: &Summary) -> String {
        match summary {
            Summary::Data(c) => self.change(c),
            Summary::Text(text) => text.clone(),
        }
    }

    /// What a change just made did, in a sentence of this language.
    pub fn change(&self, c: &ChangeSummary) -> String {
        match self.lang {
            Lang::Vi => vi(self, c),
            Lang::En => en(self, c),
        }
    }

    /// Where a value stands once its change is undone ("giờ là 12", "now empty").
    pub fn undone_to(&self, now: &UndoneTo) -> String {
        match self.lang {
            Lang::Vi => vi_now(self, now),
            Lang::En => en_now(self, now),
        }
    }

    /// The kind of an import inside a sentence ("số liệu thứ Bảy", "Saturday figures").
    pub fn import_kind(&self, kind: ImportKind) -> &'static str {
        match kind {
            ImportKind::Units => self.im_kind_units,
            ImportKind::Initiatives => self.im_kind_initiatives,
            ImportKind::Registrations => self.im_kind_registrations,
            ImportKind::Figures => self.im_kind_figures,
        }
    }
}

/// A figure as the sentence shows it: the number, or "—" when the cell was cleared.
fn figure_value(value: Option<i64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// A contact as the sentence shows it: the parts that are there, name first.
fn contact(person: &str, phone: &str) -> String {
    [person, phone]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn vi_now(s: &Strings, now: &UndoneTo) -> String {
    use UndoneTo::*;
    match now {
        Number(n) => format!("giờ là {n}"),
        Percent(p) => format!("giờ là {}", format_percent(Some(*p))),
        Empty => "giờ để trống".to_string(),
        Stage(stage) => format!("giờ ở bước {}", s.stage(*stage)),
        Ticked => "giờ đã đánh dấu".to_string(),
        Unticked => "giờ chưa đánh dấu".to_string(),
        Contact { person, phone } => format!("giờ là {}", contact(person, phone)),
        Units(n) => format!("giờ {n} đơn vị nhân rộng"),
        Removed => "đã bỏ".to_string(),
        Restored => "đã khôi phục".to_string(),
        AsBefore => "giờ như trước".to_string(),
    }
}

/// "1 unit", "3 units": English counts its nouns.
fn en_units(n: usize) -> String {
    if n == 1 {
        "1 unit".to_string()
    } else {
        format!("{n} units")
    }
}

fn en_now(s: &Strings, now: &UndoneTo) -> String {
    use UndoneTo::*;
    match now {
        Number(n) => format!("now {n}"),
        Percent(p) => format!("now {}", format_percent(Some(*p))),
        Empty => "now empty".to_string(),
        Stage(stage) => format!("now {}", s.stage(*stage)),
        Ticked => "now ticked".to_string(),
        Unticked => "now not ticked".to_string(),
        Contact { person, phone } => format!("now {}", contact(person, phone)),
        Units(n) => format!("now replicated by {}", en_units(*n)),
        Removed => "removed".to_string(),
        Restored => "restored".to_string(),
        AsBefore => "now as before".to_string(),
    }
}

fn vi(s: &Strings, c: &ChangeSummary) -> String {
    use ChangeSummary::*;
    match c {
        Ticked { unit, requirement } => format!("Đánh dấu \"{requirement}\" cho {unit}"),
        Unticked { unit, requirement } => format!("Bỏ đánh dấu \"{requirement}\" cho {unit}"),
        Contact { unit } => format!("Sửa liên hệ của {unit}"),
        AddInitiative { title, unit } => format!("Thêm sáng kiến \"{title}\" của {unit}"),
        EditInitiative { title } => format!("Sửa sáng kiến \"{title}\""),
        DeleteInitiative { title } => format!("Xoá sáng kiến \"{title}\""),
        Stage { title, from, to } => {
            format!("\"{title}\": {} → {}", s.stage(*from), s.stage(*to))
        }
        Replications { title, units } => format!("Nhân rộng \"{title}\": {units} đơn vị"),
        Figure {
            unit,
            metric,
            value,
        } => format!(
            "Số liệu {unit} — {}: {}",
            s.metric(*metric),
            figure_value(*value)
        ),
        Registration { unit } => format!("Đăng ký thứ Bảy của {unit}"),
        DeleteRegistration { unit } => format!("Xoá đăng ký thứ Bảy của {unit}"),
        Report { unit, photos } => format!("Báo cáo nhanh của {unit} ({photos} ảnh mới)"),
        Round { round, date } => format!("Thêm đợt {round} ngày {}", format_date(*date)),
        AddAgenda { title } => format!("Thêm hoạt động \"{title}\""),
        EditAgenda { title } => format!("Sửa hoạt động \"{title}\""),
        DeleteAgenda { title } => format!("Xoá hoạt động \"{title}\""),
        Measurement { kpi, start, end } => format!(
            "Lần đo {kpi} ({} – {})",
            format_date(*start),
            format_date(*end)
        ),
        DeleteMeasurement { kpi, start, end } => format!(
            "Xoá lần đo {kpi} ({} – {})",
            format_date(*start),
            format_date(*end)
        ),
        Target { kpi, target } => format!("Mục tiêu {kpi}: {}", format_percent(*target)),
        Assessment { date } => {
            format!("Đánh giá, phương hướng báo cáo ngày {}", format_date(*date))
        }
        Import { what, source } => s.im_audit(s.import_kind(*what), source),
        CampaignApplied {
            source,
            added,
            changed,
            removed,
        } => format!("Áp dụng tệp chiến dịch {source}: thêm {added}, sửa {changed}, bỏ {removed}"),
    }
}

fn en(s: &Strings, c: &ChangeSummary) -> String {
    use ChangeSummary::*;
    match c {
        Ticked { unit, requirement } => format!("Tick \"{requirement}\" for {unit}"),
        Unticked { unit, requirement } => format!("Untick \"{requirement}\" for {unit}"),
        Contact { unit } => format!("Edit contact of {unit}"),
        AddInitiative { title, unit } => format!("Add initiative \"{title}\" of {unit}"),
        EditInitiative { title } => format!("Edit initiative \"{title}\""),
        DeleteInitiative { title } => format!("Delete initiative \"{title}\""),
        Stage { title, from, to } => {
            format!("\"{title}\": {} → {}", s.stage(*from), s.stage(*to))
        }
        Replications { title, units } => {
            format!("Replication of \"{title}\": {}", en_units(*units))
        }
        Figure {
            unit,
            metric,
            value,
        } => format!(
            "Figure {unit} — {}: {}",
            s.metric(*metric),
            figure_value(*value)
        ),
        Registration { unit } => format!("Saturday registration of {unit}"),
        DeleteRegistration { unit } => format!("Delete the Saturday registration of {unit}"),
        Report { unit, photos } => format!("Quick report of {unit} ({photos} new photos)"),
        Round { round, date } => format!("Add round {round} on {}", format_date(*date)),
        AddAgenda { title } => format!("Add activity \"{title}\""),
        EditAgenda { title } => format!("Edit activity \"{title}\""),
        DeleteAgenda { title } => format!("Delete activity \"{title}\""),
        Measurement { kpi, start, end } => format!(
            "Measurement {kpi} ({} – {})",
            format_date(*start),
            format_date(*end)
        ),
        DeleteMeasurement { kpi, start, end } => format!(
            "Delete measurement {kpi} ({} – {})",
            format_date(*start),
            format_date(*end)
        ),
        Target { kpi, target } => format!("Target {kpi}: {}", format_percent(*target)),
        Assessment { date } => format!(
            "Assessment and next steps for the report of {}",
            format_date(*date)
        ),
        Import { what, source } => s.im_audit(s.import_kind(*what), source),
        CampaignApplied {
            source,
            added,
            changed,
            removed,
        } => format!(
            "Apply campaign file {source}: {added} added, {changed} changed, {removed} removed"
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::figures::Metric;
    use crate::domain::initiative::Stage as S;
    use crate::i18n::{Lang, strings};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 5, d).unwrap_or_default()
    }

    /// Each kind of change with the sentence the app showed for it before the log kept data,
    /// in Vietnamese and in English: the words on screen stay as they were.
    fn cases() -> Vec<(ChangeSummary, &'static str, &'static str)> {
        use ChangeSummary::*;
        let u = || "UBND phường Hiệp Tân".to_string();
        let t = || "Mã QR".to_string();
        let k = || "Hồ sơ đúng hạn".to_string();
        vec![
            (
                Ticked {
                    unit: u(),
                    requirement: "Thi đua".into(),
                },
                "Đánh dấu \"Thi đua\" cho UBND phường Hiệp Tân",
                "Tick \"Thi đua\" for UBND phường Hiệp Tân",
            ),
            (
                Unticked {
                    unit: u(),
                    requirement: "Thi đua".into(),
                },
                "Bỏ đánh dấu \"Thi đua\" cho UBND phường Hiệp Tân",
                "Untick \"Thi đua\" for UBND phường Hiệp Tân",
            ),
            (
                Contact { unit: u() },
                "Sửa liên hệ của UBND phường Hiệp Tân",
                "Edit contact of UBND phường Hiệp Tân",
            ),
            (
                AddInitiative {
                    title: t(),
                    unit: u(),
                },
                "Thêm sáng kiến \"Mã QR\" của UBND phường Hiệp Tân",
                "Add initiative \"Mã QR\" of UBND phường Hiệp Tân",
            ),
            (
                EditInitiative { title: t() },
                "Sửa sáng kiến \"Mã QR\"",
                "Edit initiative \"Mã QR\"",
            ),
            (
                DeleteInitiative { title: t() },
                "Xoá sáng kiến \"Mã QR\"",
                "Delete initiative \"Mã QR\"",
            ),
            (
                Stage {
                    title: t(),
                    from: S::Registered,
                    to: S::Implementing,
                },
                "\"Mã QR\": Đăng ký → Triển khai",
                "\"Mã QR\": Registered → Implementing",
            ),
            (
                Replications {
                    title: t(),
                    units: 3,
                },
                "Nhân rộng \"Mã QR\": 3 đơn vị",
                "Replication of \"Mã QR\": 3 units",
            ),
            (
                Figure {
                    unit: u(),
                    metric: Metric::Volunteers,
                    value: Some(12),
                },
                "Số liệu UBND phường Hiệp Tân — Đoàn viên tham gia: 12",
                "Figure UBND phường Hiệp Tân — Volunteers taking part: 12",
            ),
            (
                Figure {
                    unit: u(),
                    metric: Metric::Volunteers,
                    value: None,
                },
                "Số liệu UBND phường Hiệp Tân — Đoàn viên tham gia: —",
                "Figure UBND phường Hiệp Tân — Volunteers taking part: —",
            ),
            (
                Registration { unit: u() },
                "Đăng ký thứ Bảy của UBND phường Hiệp Tân",
                "Saturday registration of UBND phường Hiệp Tân",
            ),
            (
                DeleteRegistration { unit: u() },
                "Xoá đăng ký thứ Bảy của UBND phường Hiệp Tân",
                "Delete the Saturday registration of UBND phường Hiệp Tân",
            ),
            (
                Report {
                    unit: u(),
                    photos: 2,
                },
                "Báo cáo nhanh của UBND phường Hiệp Tân (2 ảnh mới)",
                "Quick report of UBND phường Hiệp Tân (2 new photos)",
            ),
            (
                Round {
                    round: 3,
                    date: day(21),
                },
                "Thêm đợt 3 ngày 21/05/2022",
                "Add round 3 on 21/05/2022",
            ),
            (
                AddAgenda { title: t() },
                "Thêm hoạt động \"Mã QR\"",
                "Add activity \"Mã QR\"",
            ),
            (
                EditAgenda { title: t() },
                "Sửa hoạt động \"Mã QR\"",
                "Edit activity \"Mã QR\"",
            ),
            (
                DeleteAgenda { title: t() },
                "Xoá hoạt động \"Mã QR\"",
                "Delete activity \"Mã QR\"",
            ),
            (
                Measurement {
                    kpi: k(),
                    start: day(1),
                    end: day(7),
                },
                "Lần đo Hồ sơ đúng hạn (01/05/2022 – 07/05/2022)",
                "Measurement Hồ sơ đúng hạn (01/05/2022 – 07/05/2022)",
            ),
            (
                DeleteMeasurement {
                    kpi: k(),
                    start: day(1),
                    end: day(7),
                },
                "Xoá lần đo Hồ sơ đúng hạn (01/05/2022 – 07/05/2022)",
                "Delete measurement Hồ sơ đúng hạn (01/05/2022 – 07/05/2022)",
            ),
            (
                Target {
                    kpi: k(),
                    target: Some(72.5),
                },
                "Mục tiêu Hồ sơ đúng hạn: 72,5%",
                "Target Hồ sơ đúng hạn: 72,5%",
            ),
            (
                Target {
                    kpi: k(),
                    target: None,
                },
                "Mục tiêu Hồ sơ đúng hạn: —",
                "Target Hồ sơ đúng hạn: —",
            ),
            (
                Import {
                    what: ImportKind::Figures,
                    source: "so-lieu.csv".into(),
                },
                "Nhập số liệu thứ Bảy từ so-lieu.csv",
                "Import Saturday figures from so-lieu.csv",
            ),
            (
                Assessment { date: day(7) },
                "Đánh giá, phương hướng báo cáo ngày 07/05/2022",
                "Assessment and next steps for the report of 07/05/2022",
            ),
            (
                CampaignApplied {
                    source: "chien-dich.toml".into(),
                    added: 3,
                    changed: 2,
                    removed: 1,
                },
                "Áp dụng tệp chiến dịch chien-dich.toml: thêm 3, sửa 2, bỏ 1",
                "Apply campaign file chien-dich.toml: 3 added, 2 changed, 1 removed",
            ),
        ]
    }

    #[test]
    fn each_change_reads_as_before_in_both_languages() {
        let (vi, en) = (strings(Lang::Vi), strings(Lang::En));
        for (c, in_vi, in_en) in cases() {
            assert_eq!(vi.change(&c), in_vi);
            assert_eq!(en.change(&c), in_en);
            let data = Summary::Data(c);
            assert_eq!(vi.change_summary(&data), in_vi);
            assert_eq!(en.change_summary(&data), in_en);
        }
    }

    #[test]
    fn where_an_undone_value_stands_reads_in_both_languages() {
        use UndoneTo::*;
        let (vi, en) = (strings(Lang::Vi), strings(Lang::En));
        let cases = [
            (Number(12), "giờ là 12", "now 12"),
            (Percent(72.5), "giờ là 72,5%", "now 72,5%"),
            (Empty, "giờ để trống", "now empty"),
            (Stage(S::Registered), "giờ ở bước Đăng ký", "now Registered"),
            (Ticked, "giờ đã đánh dấu", "now ticked"),
            (Unticked, "giờ chưa đánh dấu", "now not ticked"),
            (
                Contact {
                    person: "Nguyễn Văn An".into(),
                    phone: "0903 123 456".into(),
                },
                "giờ là Nguyễn Văn An · 0903 123 456",
                "now Nguyễn Văn An · 0903 123 456",
            ),
            (
                Contact {
                    person: String::new(),
                    phone: "0903 123 456".into(),
                },
                "giờ là 0903 123 456",
                "now 0903 123 456",
            ),
            (
                Units(2),
                "giờ 2 đơn vị nhân rộng",
                "now replicated by 2 units",
            ),
            (
                Units(1),
                "giờ 1 đơn vị nhân rộng",
                "now replicated by 1 unit",
            ),
            (Removed, "đã bỏ", "removed"),
            (Restored, "đã khôi phục", "restored"),
            (AsBefore, "giờ như trước", "now as before"),
        ];
        for (now, in_vi, in_en) in cases {
            assert_eq!(vi.undone_to(&now), in_vi);
            assert_eq!(en.undone_to(&now), in_en);
        }
        let figure = Summary::Data(ChangeSummary::Figure {
            unit: "P. Tân Quý".into(),
            metric: Metric::FilesReceived,
            value: Some(15),
        });
        assert_eq!(
            vi.undone_now(vi.change_summary(&figure), vi.undone_to(&Number(12))),
            "Đã hoàn tác: Số liệu P. Tân Quý — Hồ sơ tiếp nhận: 15 — giờ là 12."
        );
        assert_eq!(
            en.undone_now(en.change_summary(&figure), en.undone_to(&Empty)),
            "Undone: Figure P. Tân Quý — Files received: 15 — now empty."
        );
    }

    #[test]
    fn a_change_logged_as_text_keeps_its_words_in_any_language() {
        let old = Summary::Text("Đánh dấu \"Thi đua\" cho UBND phường Tân Quý".into());
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(
                strings(lang).change_summary(&old),
                "Đánh dấu \"Thi đua\" cho UBND phường Tân Quý"
            );
        }
    }
}
