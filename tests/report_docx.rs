//! The report as a Word document: built for the deterministic demo store, read back with
//! python-docx (header, date line, tables, fonts, page), the same bytes at the same `--now`,
//! and `report --format docx` from the outside.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use chrono::NaiveDate;
use xungkich::domain::change::ChangeSummary;
use xungkich::i18n::{Lang, strings};
use xungkich::io::campaign_file;
use xungkich::io::ooxml::{Block, FONT};
use xungkich::io::report_docx;
use xungkich::store::{ReportNote, Seed, Store};

use support::{TempStore, demo_store, stamp};

const NOW: &str = "2022-05-07T17:00";

const ASSESSMENT: &str = "Các cơ sở Đoàn tham gia đông đủ, đúng nội dung đăng ký.";
const NEXT_STEPS: &str = "Nhân rộng mô hình hướng dẫn dịch vụ công trực tuyến.\nTổng kết đợt 2.";

/// The demo store with the officer's assessment typed for the day.
fn store_with_note(t: &TempStore) -> Store {
    let mut store = demo_store(t);
    let day = NaiveDate::from_ymd_opt(2022, 5, 7).expect("date");
    store
        .save_report_note(
            day,
            &ReportNote {
                assessment: ASSESSMENT.into(),
                next_steps: NEXT_STEPS.into(),
            },
            stamp("2022-05-07T16:45"),
            &ChangeSummary::Assessment { date: day },
        )
        .expect("note");
    store
}

fn docx(store: &Store, lang: Lang) -> Vec<u8> {
    let board = store.load_board().expect("board");
    let report = report_docx::gather(store, board, stamp(NOW), None).expect("gather");
    report_docx::build(&report, strings(lang)).expect("build")
}

/// Makes sure `python3` can import python-docx (`.ci/run` installs it); false when there is
/// no python3 at all.
fn python_docx() -> bool {
    let has = |args: &[&str]| {
        Command::new("python3")
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has(&["--version"]) {
        return false;
    }
    if !has(&["-c", "import docx"]) {
        let _ = has(&["-m", "pip", "install", "--quiet", "python-docx"])
            || has(&[
                "-m",
                "pip",
                "install",
                "--quiet",
                "--user",
                "--break-system-packages",
                "python-docx",
            ]);
    }
    assert!(
        has(&["-c", "import docx"]),
        "python3 is here but python-docx could not be installed (python3 -m pip install python-docx)"
    );
    true
}

/// Reads the report as Word would hand it to a script, and says what is not where the rules
/// put it. argv: the file, then the texts it must carry.
const CHECK_DOCX: &str = r#"
import sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

path, assessment, next_step = sys.argv[1:4]
doc = Document(path)
problems = []
def check(ok, what):
    if not ok:
        problems.append(what)

# A4, margins of Decree 30: top and bottom 20 mm, left 30 mm, right 15 mm.
sec = doc.sections[0]
near = lambda a, b: abs(a - b) < Mm(0.5)
check(near(sec.page_width, Mm(210)) and near(sec.page_height, Mm(297)), "A4: %s x %s" % (sec.page_width, sec.page_height))
for name, want in [("top", 20), ("bottom", 20), ("left", 30), ("right", 15)]:
    got = getattr(sec, name + "_margin")
    check(near(got, Mm(want)), "%s margin %s" % (name, got))
check(sec.different_first_page_header_footer, "the first page has no page number")
check(any("PAGE" in (e.text or "") for e in sec.header._element.iter(qn("w:instrText"))), "page number field")

# The heading block: issuer at the left, the Youth Union and the date at the right.
head = doc.tables[0]
left = head.cell(0, 0).text.split("\n")
check(left == ["THÀNH ĐOÀN TP. HỒ CHÍ MINH", "BCH ĐOÀN QUẬN TÂN PHÚ", "***"], "left header %r" % left)
check(head.cell(0, 0).paragraphs[1].runs[0].bold, "issuing body bold")
number = head.cell(1, 0).text
check(number.startswith("Số:") and number.endswith("-BC/ĐTN"), "number line %r" % number)
right = head.cell(0, 1).paragraphs[0]
check(right.text == "ĐOÀN TNCS HỒ CHÍ MINH" and right.runs[0].bold and right.runs[0].underline, "motto %r" % right.text)
date = head.cell(1, 1).paragraphs[0]
check(date.text == "Tân Phú, ngày 07 tháng 5 năm 2022", "date line %r" % date.text)
check(all(r.italic for r in date.runs), "date line italic")
check(date.alignment == WD_ALIGN_PARAGRAPH.RIGHT, "date line right")
borders = head._tbl.tblPr.find(qn("w:tblBorders"))
check(borders is not None and all(b.get(qn("w:val")) == "nil" for b in borders), "heading table without borders")

# Title centred and bold, then the body.
title = [p for p in doc.paragraphs if p.text == "BÁO CÁO"]
check(len(title) == 1 and title[0].alignment == WD_ALIGN_PARAGRAPH.CENTER and title[0].runs[0].bold, "title")
body = "\n".join(p.text for p in doc.paragraphs)
for part in ["I. KẾT QUẢ NGÀY THỨ BẢY", "II. TIẾN ĐỘ", "III. MÔ HÌNH", "IV. CÁC HOẠT ĐỘNG", "V. ĐÁNH GIÁ", "(chỉ tiêu ≥ 70%)", assessment, next_step, "./."]:
    check(part in body, "body lacks %r" % part)

# Every ruled table has its header row marked to repeat on a new page, and never splits a row.
ruled = [t for t in doc.tables if t._tbl.tblPr.find(qn("w:tblBorders")) is not None
         and t._tbl.tblPr.find(qn("w:tblBorders"))[0].get(qn("w:val")) == "single"]
check(len(ruled) >= 8, "%d ruled tables" % len(ruled))
for t in ruled:
    tr_pr = t.rows[0]._tr.trPr
    check(tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None, "header row of %r repeats" % t.cell(0, 0).text)
    for row in t.rows[1:]:
        check(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None, "row of %r kept whole" % t.cell(0, 0).text)
heads = [[c.text for c in t.rows[0].cells] for t in ruled]
check(["Chỉ số", "Tổng"] in heads, "totals table %r" % heads)
check(any(h[:2] == ["STT", "Đơn vị"] for h in heads), "per-unit table")
check(["Đơn vị", "Nhiệm vụ", "Kết quả"] in heads, "tasks table")

# Signature at the right, "Nơi nhận" at the left.
sign = doc.tables[-1]
right = [p.text for p in sign.cell(0, 1).paragraphs if p.text]
check(right == ["TM. BAN THƯỜNG VỤ QUẬN ĐOÀN", "BÍ THƯ", "Nguyễn Hải Đăng"], "signature %r" % right)
check(all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in sign.cell(0, 1).paragraphs), "signature centred")
left = [p.text for p in sign.cell(0, 0).paragraphs]
check(left[0] == "Nơi nhận:" and sign.cell(0, 0).paragraphs[0].runs[0].italic, "recipients %r" % left[:1])
check(left[-1] == "- Lưu VP." and all(l.endswith(";") for l in left[1:-1]), "recipients %r" % left)

# Every run, in the body, the tables and the header, names Times New Roman for all four
# script ranges, at 10-16 pt.
runs = list(doc.element.body.iter(qn("w:r"))) + list(sec.header._element.iter(qn("w:r")))
check(len(runs) > 200, "%d runs" % len(runs))
for r in runs:
    fonts = r.find(qn("w:rPr")).find(qn("w:rFonts"))
    for attr in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"]:
        if fonts is None or fonts.get(qn(attr)) != "Times New Roman":
            problems.append("run %r: %s" % ("".join(t.text or "" for t in r.iter(qn("w:t"))), attr))
            break
    size = int(r.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val")))
    check(20 <= size <= 32, "size %d" % size)
styles = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
check(all(styles.get(qn(a)) == "Times New Roman" for a in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"]), "default fonts")
check(doc.core_properties.created.isoformat().startswith("2022-05-07T10:00"), "created %s" % doc.core_properties.created)

if problems:
    print("\n".join(problems[:40]))
    sys.exit(1)
print("ok")
"#;

fn path_arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn docx_reads_back_in_python_docx_as_the_rules_lay_it_out() {
    let t = TempStore::new();
    let store = store_with_note(&t);
    let out = t.dir.path().join("bao-cao.docx");
    std::fs::write(&out, docx(&store, Lang::Vi)).expect("write");
    if !python_docx() {
        eprintln!("SKIPPED: python3 is not installed; the DOCX was not read back");
        return;
    }
    let o = Command::new("python3")
        .args([
            "-c",
            CHECK_DOCX,
            path_arg(&out),
            ASSESSMENT,
            "Tổng kết đợt 2.",
        ])
        .output()
        .expect("python3");
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn same_moment_same_bytes() {
    let (a, b) = (TempStore::new(), TempStore::new());
    let first = docx(&store_with_note(&a), Lang::Vi);
    let second = docx(&store_with_note(&b), Lang::Vi);
    assert!(first.starts_with(b"PK"), "a zip");
    assert_eq!(
        first, second,
        "the demo at the same --now gives the same file"
    );
}

/// Figures, registrations and words saved after the report's moment are not in it.
#[test]
fn records_after_the_moment_do_not_count() {
    let t = TempStore::new();
    let store = store_with_note(&t);
    let board = store.load_board().expect("board");
    let s = strings(Lang::Vi);
    let early =
        report_docx::gather(&store, board, stamp("2022-05-07T16:00"), None).expect("gather");
    assert!(early.note.is_empty(), "the assessment was typed at 16:45");
    let later = report_docx::gather(&store, store.load_board().expect("board"), stamp(NOW), None)
        .expect("gather");
    assert_eq!(later.note.assessment, ASSESSMENT);
    assert!(early.briefing.figures.len() <= later.briefing.figures.len());
    assert!(
        later
            .initiatives
            .notable
            .iter()
            .all(|i| i.row.registered_on <= NaiveDate::from_ymd_opt(2022, 5, 7).expect("date")),
    );
    // The counts read from the indexes agree with the initiatives read whole, stage by stage.
    let whole = store.initiatives_as_of(stamp(NOW)).expect("as of");
    assert_eq!(later.initiatives.total(), whole.len());
    for st in xungkich::domain::initiative::Stage::ALL {
        let n = whole.iter().filter(|i| i.stage == st).count();
        assert_eq!(later.initiatives.count(st), n, "{st:?}");
    }
    let notable: Vec<i64> = whole
        .iter()
        .filter(|i| i.stage.needs_proposal() || !i.replicated_by.is_empty())
        .map(|i| i.row.id)
        .collect();
    let listed: Vec<i64> = later.initiatives.notable.iter().map(|i| i.row.id).collect();
    assert_eq!(listed, notable);
    let text = words(&report_docx::document(&early, s));
    assert!(!text.contains(ASSESSMENT), "{text}");
}

/// Every text of a document's paragraphs and tables, one a line.
fn words(doc: &xungkich::io::ooxml::Document) -> String {
    fn para(out: &mut String, p: &xungkich::io::ooxml::Para) {
        for r in &p.runs {
            out.push_str(&r.text);
        }
        out.push('\n');
    }
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Para(p) => para(&mut out, p),
            Block::Table(t) => {
                for row in &t.rows {
                    for c in &row.cells {
                        for p in &c.paras {
                            para(&mut out, p);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Another campaign, with no `[document]`: blank lines for the office, the Youth Union's
/// fixed parts, no failure.
#[test]
fn a_campaign_without_document_gets_lines_to_fill() {
    let text = campaign_file::SHIPPED.replace("115/KHLT-UBND-ĐTĐN", "7/KH-ĐTN");
    let start = text.find("[document]").expect("[document]");
    let end = start + text[start..].find("\n]\n").expect("end") + 3;
    let text = format!("{}{}", &text[..start], &text[end..]);
    let def = campaign_file::parse(&text, "other.toml").expect("parse");
    let t = TempStore::new();
    let store = Store::open(
        &t.path,
        Seed::File {
            def: &def,
            name: "other.toml",
        },
        stamp(NOW),
    )
    .expect("open");
    let board = store.load_board().expect("board");
    let report = report_docx::gather(&store, board, stamp(NOW), None).expect("gather");
    let doc = report_docx::document(&report, strings(Lang::Vi));
    let text = words(&doc);
    assert!(text.contains("ĐOÀN TNCS HỒ CHÍ MINH"), "{text}");
    assert!(text.contains("……, ngày 07 tháng 5 năm 2022"), "{text}");
    assert!(text.contains("-BC\n"), "{text}");
    assert!(text.contains("……………"), "{text}");
    assert!(text.contains("- Lưu VP."), "{text}");
    report_docx::build(&report, strings(Lang::Vi)).expect("build");
}

#[test]
fn english_words_the_fixed_parts_in_english() {
    let t = TempStore::new();
    let store = store_with_note(&t);
    let board = store.load_board().expect("board");
    let report = report_docx::gather(&store, board, stamp(NOW), None).expect("gather");
    let text = words(&report_docx::document(&report, strings(Lang::En)));
    assert!(text.contains("REPORT\n"), "{text}");
    assert!(text.contains("Tân Phú, 07/5/2022"), "{text}");
    assert!(text.contains("Recipients:"), "{text}");
    // The organiser's own lines stay as its campaign wrote them.
    assert!(text.contains("BCH ĐOÀN QUẬN TÂN PHÚ"), "{text}");
}

#[test]
fn every_run_carries_the_font_in_the_xml() {
    let t = TempStore::new();
    let bytes = docx(&store_with_note(&t), Lang::Vi);
    let mut zip = zip_reader(&bytes);
    let mut xml = String::new();
    use std::io::Read as _;
    zip.by_name("word/document.xml")
        .expect("document part")
        .read_to_string(&mut xml)
        .expect("utf-8");
    let runs = xml.matches("<w:r>").count();
    let fonts = xml
        .matches(&format!(
            "<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>"
        ))
        .count();
    // One per run, plus one per paragraph mark.
    assert!(
        runs > 100 && fonts >= runs,
        "{runs} runs, {fonts} font sets"
    );
}

fn zip_reader(bytes: &[u8]) -> zip::ZipArchive<std::io::Cursor<&[u8]>> {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip")
}

fn xungkich(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xungkich"))
        .args(args)
        .env_remove("XUNGKICH_DB")
        .env_remove("XUNGKICH_NOW")
        .env_remove("XUNGKICH_LANG")
        .output()
        .expect("run xungkich")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn report_format_docx_needs_out_and_keeps_an_existing_file() {
    let t = TempStore::new();
    drop(store_with_note(&t));
    let db = path_arg(&t.path);
    let out = xungkich(&["--db", db, "--now", NOW, "report", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("--out"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "nothing binary reaches the terminal");

    let file = t.dir.path().join("bao-cao.docx");
    let file_arg = path_arg(&file);
    let args = [
        "--db", db, "--now", NOW, "report", "--format", "docx", "--out", file_arg,
    ];
    let out = xungkich(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read(&file).expect("docx");
    assert!(written.starts_with(b"PK"));
    // The same moment, the same document as the library builds.
    let store = Store::open(&t.path, campaign_file::SHIPPED_SEED, stamp(NOW)).expect("open");
    assert_eq!(written, docx(&store, Lang::Vi));

    std::fs::write(&file, b"the office's own copy").expect("overwrite");
    let out = xungkich(&args);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("--force"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&file).expect("kept"),
        b"the office's own copy"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let out = xungkich(&forced);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&file).expect("docx"), written);
}

/// `R` opens the choice; `w` writes the Word report beside the store; `a` opens the form for
/// today's assessment, which is saved through the audit log, undone by `u`, and is in the
/// next report.
#[test]
fn r_offers_the_word_report_and_the_assessment() {
    use ratatui::crossterm::event::KeyCode;
    use support::{ctrl, key, press, type_text};
    use xungkich::app::{Context, StatusKind};
    let ch = |c| key(KeyCode::Char(c));
    let t = TempStore::new();
    let mut store = demo_store(&t);
    let mut app = support::app(&store, NOW, Lang::Vi);
    press(&mut app, &mut store, &[ch('R')]);
    assert_eq!(app.contexts(), vec![Context::ReportMenu]);
    let screen = xungkich::ui::snapshot::render_text(&app, 80, 24);
    for line in ["Báo cáo", "m b", "w d", "a e", "báo cáo Word"] {
        assert!(screen.contains(line), "{line}\n{screen}");
    }
    press(&mut app, &mut store, &[key(KeyCode::Esc)]);
    assert!(!app.report_menu, "Esc closes it, writing nothing");
    assert!(!t.dir.path().join("reports").exists());

    press(&mut app, &mut store, &[ch('R'), ch('w')]);
    let path = t
        .dir
        .path()
        .join("reports")
        .join("bao-cao-20220507-1700.docx");
    let status = app.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
    assert_eq!(
        status.text,
        format!("Đã ghi báo cáo Word: {}", path.display())
    );
    let first = std::fs::read(&path).expect("docx");
    assert_eq!(
        first,
        docx(&store, Lang::Vi),
        "as `report --format docx` writes it"
    );

    press(&mut app, &mut store, &[ch('R'), ch('a')]);
    assert!(
        app.form
            .as_ref()
            .is_some_and(|f| f.title.contains("07/05/2022")),
        "the form names the report's date"
    );
    type_text(&mut app, &mut store, "Tham gia đông đủ.");
    press(&mut app, &mut store, &[key(KeyCode::Enter)]);
    type_text(&mut app, &mut store, "Đúng hạn.");
    press(&mut app, &mut store, &[key(KeyCode::Tab)]);
    type_text(&mut app, &mut store, "Tổng kết đợt 2.");
    press(&mut app, &mut store, &[ctrl('s')]);
    let status = app.status.clone().expect("a status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
    assert!(app.form.is_none());
    let day = NaiveDate::from_ymd_opt(2022, 5, 7).expect("date");
    let note = store.report_note(day, stamp(NOW)).expect("note");
    assert_eq!(note.assessment, "Tham gia đông đủ.\nĐúng hạn.");
    assert_eq!(note.next_steps, "Tổng kết đợt 2.");

    press(&mut app, &mut store, &[ch('R'), ch('w')]);
    let second = t
        .dir
        .path()
        .join("reports")
        .join("bao-cao-20220507-1700-2.docx");
    let with_note = std::fs::read(&second).expect("a second file, the first kept");
    assert_ne!(with_note, first);
    let board = store.load_board().expect("board");
    let report =
        report_docx::gather(&store, board, stamp(NOW), Some(app.volunteer.day)).expect("gather");
    let text = words(&report_docx::document(&report, strings(Lang::Vi)));
    assert!(
        text.contains("Tham gia đông đủ.\nĐúng hạn.\n") && text.contains("Tổng kết đợt 2."),
        "{text}"
    );

    press(&mut app, &mut store, &[ch('u')]);
    assert!(store.report_note(day, stamp(NOW)).expect("note").is_empty());
}

/// On a read-only store the report is still written; the assessment is refused up front.
#[test]
fn read_only_writes_the_report_but_not_the_assessment() {
    use ratatui::crossterm::event::KeyCode;
    use support::{key, press};
    use xungkich::app::StatusKind;
    let t = TempStore::new();
    drop(demo_store(&t));
    let mut store =
        Store::open_read_only(&t.path, xungkich::store::ReadOnly::Asked).expect("read-only");
    let mut app = support::app(&store, NOW, Lang::En);
    press(
        &mut app,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('a'))],
    );
    assert!(app.form.is_none());
    let status = app.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error, "{}", status.text);
    press(&mut app, &mut store, &[key(KeyCode::Esc)]);
    press(
        &mut app,
        &mut store,
        &[key(KeyCode::Char('R')), key(KeyCode::Char('w'))],
    );
    let status = app.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Saved, "{}", status.text);
}

/// The text briefing ends with the same words, when the officer typed some.
#[test]
fn the_briefing_says_the_assessment_too() {
    use xungkich::io::briefing::{self, Format};
    let t = TempStore::new();
    let store = store_with_note(&t);
    let board = store.load_board().expect("board");
    let b = briefing::gather(&store, board, stamp(NOW)).expect("gather");
    let text = briefing::render(&b, strings(Lang::Vi), Format::Text);
    let tail = text
        .split("Đánh giá và phương hướng\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        tail.contains(ASSESSMENT) && tail.contains("Tổng kết đợt 2."),
        "{tail}"
    );
    let board = store.load_board().expect("board");
    let before = briefing::gather(&store, board, stamp("2022-05-07T16:00")).expect("gather");
    let text = briefing::render(&before, strings(Lang::Vi), Format::Markdown);
    assert!(
        !text.contains("Đánh giá và phương hướng"),
        "not yet typed at 16:00"
    );
}
