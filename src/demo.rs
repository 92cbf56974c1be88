//! `xungkich demo`: a realistic synthetic campaign — Vietnamese names, plausible ticks, dates
//! around the plan's deadlines — deterministic, so the same command gives the same store.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use crate::domain::time::start_of_day;
use crate::i18n::Strings;
use crate::store::demo::{DemoBase, DemoMeasurement, DemoWriter, NewInitiative};
use crate::store::photos::{Kept, PutError, put_bytes};
use crate::store::{Result, Store, StoreError};

pub struct Options {
    pub scale: u32,
    pub initiatives: Option<u64>,
    pub figure_rows: Option<u64>,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    pub units: u64,
    pub initiatives: u64,
    pub registrations: u64,
    pub reports: u64,
    pub figures: u64,
    pub checks: u64,
    pub measurements: u64,
}

/// In English, for the benches' own reports; the officer is told [`Counts::words`].
impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} units, {} initiatives, {} registrations, {} quick reports, {} figure rows, {} manual ticks, {} KPI measurements",
            self.units,
            self.initiatives,
            self.registrations,
            self.reports,
            self.figures,
            self.checks,
            self.measurements
        )
    }
}

impl Counts {
    /// What `xungkich demo` says it made, after the store's path `store`.
    pub fn words(&self, s: &Strings, store: &str) -> String {
        s.cli_demo_done(
            store,
            self.units,
            self.initiatives,
            self.registrations,
            self.reports,
            self.figures,
            self.checks,
            self.measurements,
        )
    }
}

/// SplitMix64: tiny, fast and good enough to make demo data varied yet reproducible (the
/// kill -9 test draws its kill points from it too, replayable from a seed).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn",
    "Thị",
    "Hoàng",
    "Minh",
    "Thanh",
    "Ngọc",
    "Quốc",
    "Thu",
    "Hữu",
    "Thị Kim",
    "Đức",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Huy", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Nhung", "Phúc", "Phương", "Quân", "Quỳnh", "Sơn",
    "Tâm", "Thảo", "Thắng", "Trang", "Trinh", "Tuấn", "Uyên", "Vy", "Yến", "Đạt", "Ánh",
];
const PHONE_PREFIX: &[&str] = &[
    "090", "091", "093", "094", "096", "097", "098", "070", "076", "077", "078", "079", "081",
    "083", "084", "085", "086", "088", "089", "032", "033", "035", "037", "039",
];
const WARDS: &[&str] = &[
    "Hiệp Tân",
    "Hòa Thạnh",
    "Phú Thạnh",
    "Phú Thọ Hòa",
    "Phú Trung",
    "Sơn Kỳ",
    "Tân Quý",
    "Tân Sơn Nhì",
    "Tân Thành",
    "Tân Thới Hòa",
    "Tây Thạnh",
];
const INITIATIVE_TITLES: &[&str] = &[
    "Mã QR tra cứu tiến độ hồ sơ {}",
    "Tổ tư vấn trực tuyến thủ tục {}",
    "Số hóa hồ sơ lưu trữ lĩnh vực {}",
    "Zalo OA giải đáp thủ tục {}",
    "Phiếu hẹn điện tử cho hồ sơ {}",
    "Sổ tay hướng dẫn thủ tục {} bằng hình ảnh",
    "Đội hình thanh niên hỗ trợ nộp hồ sơ {} trực tuyến",
    "Trả kết quả {} tại nhà qua bưu chính",
    "Ngày thứ Bảy không hẹn cho hồ sơ {}",
    "Bảng tin điện tử niêm yết thủ tục {}",
];
const FIELD_WORDS: &[(&str, &str)] = &[
    ("dat-dai", "đất đai"),
    ("thue", "thuế"),
    ("ho-tich", "hộ tịch"),
    ("dang-ky-kinh-doanh", "đăng ký kinh doanh"),
    ("xay-dung", "xây dựng"),
    ("tu-phap", "tư pháp"),
    ("lao-dong-xa-hoi", "lao động - xã hội"),
    ("dich-vu-cong-truc-tuyen", "dịch vụ công trực tuyến"),
];
const STAGES: &[&str] = &[
    "registered",
    "implementing",
    "evaluated",
    "proposed",
    "commended",
];
const KINDS: &[&str] = &["model", "solution", "initiative"];
const METRICS: &[&str] = &[
    "volunteers",
    "citizens",
    "businesses",
    "files_received",
    "files_resolved",
    "online_guided",
    "einvoice",
];
const LAND_METRICS: &[&str] = &["land_total", "land_resolved"];
/// The unit whose Saturday task is the week's land files (the branch's Youth Union chi đoàn).
const LAND_UNIT: &str = "cd-vpdkdd";

/// A 1×1 PNG, so demo photo records point at real image files.
const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

fn person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

fn phone(rng: &mut Rng) -> String {
    let p = rng.pick(PHONE_PREFIX);
    format!(
        "{}{}.{:03}.{:03}",
        p,
        rng.below(10),
        rng.below(1000),
        rng.below(1000)
    )
}

fn date(d: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| crate::store::Invalid::stored("demo", d))
}

/// `minutes` after local midnight of `day`.
fn at(day: NaiveDate, minutes: i64) -> DateTime<FixedOffset> {
    start_of_day(day) + Duration::minutes(minutes)
}

pub fn fill(store: &mut Store, options: &Options) -> Result<Counts> {
    let base = store.demo_base()?;
    let photos_dir = store.photo_pool();
    let mut rng = Rng(0x5EED_2022 ^ u64::from(options.scale));
    let counts = store.demo_bulk(|w| generate(w, &base, options, &mut rng, &photos_dir))?;
    Ok(counts)
}

fn generate(
    w: &mut DemoWriter<'_>,
    base: &DemoBase,
    options: &Options,
    rng: &mut Rng,
    photos_dir: &Path,
) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut units: Vec<(i64, String, String)> = base.units.clone();
    for (id, _, _) in &base.units {
        let (p, ph) = (person(rng), phone(rng));
        w.contact(*id, &p, &ph)?;
    }
    // Extra units for larger scales: neighbourhood youth branches and schools of the wards.
    let extra = (options.scale.saturating_sub(1) as usize) * base.units.len();
    for n in 0..extra {
        let ward = WARDS[n % WARDS.len()];
        let (code, name, kind) = if n % 3 == 2 {
            (
                format!("truong-{n}"),
                format!("Trường THCS số {} - phường {ward}", n / 3 + 1),
                "public_service",
            )
        } else {
            (
                format!("cd-kp-{n}"),
                format!("Chi đoàn Khu phố {} - phường {ward}", n / 11 + 1),
                "youth_base",
            )
        };
        let (p, ph) = (person(rng), phone(rng));
        let id = w.unit(&code, &name, kind, &p, &ph)?;
        units.push((id, code, kind.to_string()));
    }
    counts.units = units.len() as u64;

    let start = date("2022-04-29")?;
    let field_ids: Vec<(i64, &str)> = base
        .fields
        .iter()
        .filter_map(|(id, code)| {
            FIELD_WORDS
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, word)| (*id, *word))
        })
        .collect();

    // Whether requirement `source` is owed by a unit of `kind` (by everyone when the campaign
    // has no such requirement): the demo's units do what the plan asks of them.
    let owes = |source: &str, kind: &str| {
        base.requirements
            .iter()
            .find(|r| r.2 == source)
            .is_none_or(|r| r.3.split(',').any(|k| k == kind))
    };
    // Initiatives: about three in four units have at least one, unless a count is asked for.
    let mut plan: Vec<usize> = Vec::new();
    let authors: Vec<usize> = (0..units.len())
        .filter(|&i| owes("initiative", &units[i].2))
        .collect();
    match options.initiatives {
        Some(n) if !authors.is_empty() => {
            plan.extend((0..n).map(|_| authors[rng.below(authors.len() as u64) as usize]))
        }
        Some(_) => {}
        None => {
            for &i in &authors {
                if rng.chance(75) {
                    for _ in 0..rng.range(1, 3) {
                        plan.push(i);
                    }
                }
            }
        }
    }
    // A unit never registers the same title twice (an import matches on unit and title).
    let mut titles_seen: std::collections::HashMap<(usize, String), u32> =
        std::collections::HashMap::new();
    for &ui in &plan {
        let (unit_id, _, _) = &units[ui];
        let (field_id, field_word) = if field_ids.is_empty() {
            (None, "hành chính")
        } else {
            let (id, word) = *rng.pick(&field_ids);
            (Some(id), word)
        };
        let mut title = rng.pick(INITIATIVE_TITLES).replace("{}", field_word);
        let n = titles_seen.entry((ui, title.clone())).or_insert(0);
        *n += 1;
        if *n > 1 {
            title = format!("{title} ({n})");
        }
        let registered = start + Duration::days(rng.range(0, 60));
        let stage_n = match rng.below(100) {
            0..=34 => 0,
            35..=59 => 1,
            60..=79 => 2,
            80..=91 => 3,
            _ => 4,
        };
        let stage = STAGES[stage_n];
        let score = (stage_n >= 2).then(|| rng.range(55, 98) as f64);
        let level = (stage_n >= 3).then(|| {
            if rng.chance(70) {
                "district_chair"
            } else {
                "city"
            }
        });
        let who = level.map(|_| {
            if rng.chance(60) {
                String::new()
            } else {
                person(rng)
            }
        });
        let created = at(registered, rng.range(7 * 60, 17 * 60));
        let kind = *rng.pick(KINDS);
        let replicated = stage_n == 4 && rng.chance(50);
        let id = w.initiative(&NewInitiative {
            unit_id: *unit_id,
            kind,
            title: &title,
            field_id,
            summary: "Rút ngắn thời gian chờ của người dân, công khai tiến độ giải quyết hồ sơ.",
            expected_effect: "Giảm 30% lượt người dân phải đến trụ sở để hỏi tiến độ hồ sơ.",
            registered_on: &registered.to_string(),
            stage,
            score,
            evaluation_notes: if stage_n >= 2 {
                "Phòng Nội vụ khảo sát thực tế: hiệu quả, dễ nhân rộng."
            } else {
                ""
            },
            commendation_level: level,
            commendation_for: who.as_deref(),
            replicated,
            created_at: created,
        })?;
        if replicated {
            // Two or three other units took it up, a few weeks after its commendation.
            for _ in 0..rng.range(2, 3) {
                let other = units[rng.below(units.len() as u64) as usize].0;
                if other != *unit_id {
                    let since = registered + Duration::days(rng.range(60, 120));
                    w.replication(id, other, &since.to_string())?;
                }
            }
        }
        let mut day = registered;
        for s in STAGES.iter().take(stage_n + 1) {
            w.stage(id, s, at(day, rng.range(8 * 60, 16 * 60)))?;
            day += Duration::days(rng.range(7, 40));
        }
        counts.initiatives += 1;
    }

    // The volunteer days of the campaign, plus weekly extra rounds when more figure rows
    // are asked for than one day holds.
    let mut days: Vec<(i64, String, NaiveDate)> = Vec::new();
    for (id, code, d) in &base.days {
        days.push((*id, code.clone(), date(d)?));
    }
    let per_day = (units.len() * METRICS.len() + LAND_METRICS.len()) as u64;
    if let Some(rows) = options.figure_rows {
        let needed = rows.div_ceil(per_day.max(1)) as usize;
        let mut next = days.last().map(|d| d.2).unwrap_or(date("2022-05-07")?) + Duration::days(7);
        let mut round = days.len() as i64 + 2;
        while days.len() < needed {
            let code = format!("tb-demo-{round}");
            let reg = at(next - Duration::days(2), 0);
            let rep = at(next, 16 * 60);
            let title = format!("Ngày thứ Bảy tình nguyện đợt {round} (dữ liệu mẫu)");
            let id = w.volunteer_day(&code, round, &next.to_string(), &title, "", reg, rep)?;
            days.push((id, code, next));
            next += Duration::days(7);
            round += 1;
        }
    }

    let req_of = |source: &str| base.requirements.iter().find(|r| r.2 == source);
    let first_day = days.first().cloned();
    if let Some((day_id, day_code, day)) = &first_day {
        for (unit_id, code, _) in units
            .iter()
            .filter(|(_, _, kind)| owes("volunteer_registration", kind))
        {
            // Registration: most on time (before the day's deadline two days earlier).
            // The land-registry chi đoàn always takes part: its 70% of the week's land files
            // is the plan's headline target, and a demo without it would show no value.
            let r = rng.below(100);
            if r >= 90 && code != LAND_UNIT {
                continue;
            }
            let late = r >= 80;
            let reg_day = if late {
                *day - Duration::days(rng.range(1, 2))
            } else {
                *day - Duration::days(rng.range(3, 8))
            };
            let mut acts: Vec<&str> = Vec::new();
            if !base.activities.is_empty() {
                for _ in 0..rng.range(1, 3) {
                    acts.push(rng.pick(&base.activities).as_str());
                }
            }
            acts.sort_unstable();
            acts.dedup();
            let json = serde_json::to_string(&acts).unwrap_or_else(|_| "[]".into());
            let place = if code.starts_with("p-") {
                "Trụ sở UBND phường"
            } else {
                "Bộ phận Tiếp nhận và Trả kết quả quận"
            };
            let planned = rng.range(5, 30);
            w.registration(
                *day_id,
                *unit_id,
                &json,
                place,
                planned,
                at(reg_day, rng.range(8 * 60, 17 * 60)),
            )?;
            counts.registrations += 1;
            if !rng.chance(85) && code != LAND_UNIT {
                continue;
            }
            // Quick report on the Saturday, mostly before 16:00.
            let minute = if rng.chance(85) {
                rng.range(10 * 60, 15 * 60 + 59)
            } else {
                rng.range(16 * 60, 18 * 60)
            };
            let report_id = w.report(*day_id, *unit_id, at(*day, minute), "")?;
            counts.reports += 1;
            for k in 1..=rng.range(1, 3) {
                let kept = write_photo(photos_dir, &format!("{day_code} {code} {k}"))?;
                w.photo(
                    report_id,
                    &kept,
                    &format!("IMG_2022050{k}.png"),
                    at(*day, minute),
                )?;
            }
            if options.figure_rows.is_none() {
                counts.figures += day_figures(w, rng, *day_id, *unit_id, code, planned, *day)?;
            }
        }
    }
    if let Some(rows) = options.figure_rows {
        counts.figures += bulk_figures(w, rng, &days, &units, rows)?;
    }

    // Emulation registration ticks (checked by Phòng Nội vụ) for about two thirds of units.
    if let Some((req_id, _, _, applies)) = req_of("manual") {
        for (unit_id, _, kind) in &units {
            if applies.split(',').any(|k| k == kind) && rng.chance(65) {
                let d = start + Duration::days(rng.range(1, 20));
                w.check(*unit_id, *req_id, at(d, rng.range(8 * 60, 17 * 60)))?;
                counts.checks += 1;
            }
        }
    }
    counts.measurements = measurements(w, base, rng)?;
    Ok(counts)
}

/// Weekly district-wide measurements of the measured KPIs, Friday to Thursday from the
/// campaign's first week up to the week before the volunteer Saturday, each a little better
/// than the last, so the trend sparklines of tab 5 have a shape.
fn measurements(w: &mut DemoWriter<'_>, base: &DemoBase, rng: &mut Rng) -> Result<u64> {
    const WEEKS: i64 = 5;
    let first = date("2022-04-01")?;
    let mut n = 0;
    for (kpi_id, code) in &base.measured_kpis {
        for k in 0..WEEKS {
            let start = first + Duration::days(7 * k);
            let end = start + Duration::days(6);
            // (denominator, share in thousandths): the plan's weekly sources.
            let (denominator, share, note) = match code.as_str() {
                "online-share" => (rng.range(380, 520), 320 + 40 * k, NOTE_ONE_DOOR),
                "feedback-answered" => (rng.range(25, 60), 840 + 35 * k, NOTE_FEEDBACK),
                "online-services-applied" => (72, 690 + 60 * k, NOTE_SERVICES),
                "satisfaction" => (rng.range(180, 260), 860 + 12 * k, NOTE_SURVEY),
                _ => (rng.range(50, 100), 600 + 50 * k, ""),
            };
            let share = (share + rng.range(-15, 15)).clamp(0, 1000);
            let numerator = (denominator * share / 1000).min(denominator);
            w.measurement(
                *kpi_id,
                &DemoMeasurement {
                    period_start: &start.to_string(),
                    period_end: &end.to_string(),
                    numerator: numerator as f64,
                    denominator: denominator as f64,
                    note,
                    recorded_at: at(end + Duration::days(1), 10 * 60),
                },
            )?;
            n += 1;
        }
    }
    Ok(n)
}

const NOTE_ONE_DOOR: &str = "Báo cáo tuần của Bộ phận một cửa quận";
const NOTE_FEEDBACK: &str = "Tổng hợp phản ánh, kiến nghị trên Cổng 1022";
const NOTE_SERVICES: &str = "Danh mục TTHC mức độ 3, 4 của quận";
const NOTE_SURVEY: &str = "Phiếu khảo sát tại Bộ phận một cửa";

/// Keeps a demo photo in the store's photo folder: the 1×1 PNG with `label` as a comment,
/// so each report's photos are files of their own, as an officer's would be.
fn write_photo(pool: &Path, label: &str) -> Result<Kept> {
    let mut png = PNG_1X1[..PNG_1X1.len() - 12].to_vec();
    png_chunk(
        &mut png,
        b"tEXt",
        format!("Comment\0xungkich demo {label}").as_bytes(),
    );
    png_chunk(&mut png, b"IEND", b"");
    put_bytes(pool, &png).map_err(|e| StoreError::Io {
        path: pool.to_path_buf(),
        source: match e {
            PutError::Io(e) => e,
            _ => std::io::Error::other("demo photo"),
        },
    })
}

/// Appends a PNG chunk: length, type, data, and the CRC-32 of type and data.
fn png_chunk(png: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    png.extend_from_slice(&u32::try_from(data.len()).unwrap_or(0).to_be_bytes());
    let start = png.len();
    png.extend_from_slice(kind);
    png.extend_from_slice(data);
    let mut crc = 0xFFFF_FFFFu32;
    for &b in &png[start..] {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    png.extend_from_slice(&(!crc).to_be_bytes());
}

#[allow(clippy::too_many_arguments)]
fn day_figures(
    w: &mut DemoWriter<'_>,
    rng: &mut Rng,
    day_id: i64,
    unit_id: i64,
    code: &str,
    planned: i64,
    day: NaiveDate,
) -> Result<u64> {
    let stamp = at(day, rng.range(9 * 60, 15 * 60));
    let received = rng.range(5, 120);
    let values = [
        ("volunteers", (planned + rng.range(-3, 5)).max(1)),
        ("citizens", rng.range(10, 200)),
        ("businesses", rng.range(0, 30)),
        ("files_received", received),
        ("files_resolved", received * rng.range(60, 100) / 100),
        ("online_guided", rng.range(0, 50)),
        (
            "einvoice",
            if code.contains("thue") {
                rng.range(20, 80)
            } else {
                0
            },
        ),
    ];
    let mut n = 0;
    for (metric, value) in values {
        w.figure(day_id, unit_id, metric, value, stamp)?;
        n += 1;
    }
    if code == LAND_UNIT {
        let total = rng.range(150, 300);
        w.figure(day_id, unit_id, "land_total", total, stamp)?;
        w.figure(
            day_id,
            unit_id,
            "land_resolved",
            total * rng.range(60, 85) / 100,
            stamp,
        )?;
        n += 2;
    }
    Ok(n)
}

fn bulk_figures(
    w: &mut DemoWriter<'_>,
    rng: &mut Rng,
    days: &[(i64, String, NaiveDate)],
    units: &[(i64, String, String)],
    rows: u64,
) -> Result<u64> {
    let mut n = 0;
    for (day_id, _, day) in days {
        let stamp = at(*day, 12 * 60);
        for (unit_id, code, _) in units {
            let metrics = METRICS
                .iter()
                .chain(if code == LAND_UNIT { LAND_METRICS } else { &[] });
            // Resolved never above received, as the grid itself refuses.
            let (mut received, mut land_total) = (0, 0);
            for metric in metrics {
                if n >= rows {
                    return Ok(n);
                }
                let value = match *metric {
                    "files_resolved" => rng.range(0, received),
                    "land_resolved" => rng.range(0, land_total),
                    _ => rng.range(0, 200),
                };
                match *metric {
                    "files_received" => received = value,
                    "land_total" => land_total = value,
                    _ => {}
                }
                w.figure(*day_id, *unit_id, metric, value, stamp)?;
                n += 1;
            }
        }
    }
    Ok(n)
}
