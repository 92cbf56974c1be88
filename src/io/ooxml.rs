//! A small writer of Word documents (WordprocessingML in a zip): paragraphs of runs, tables,
//! an A4 page with margins and page numbers, and the package's core properties.
//!
//! Written by hand because the one crate that writes .docx (docx-rs 0.4) cannot mark a
//! table's header row to repeat on a new page (`w:tblHeader`). Every run names its font for
//! each of the four script ranges (ascii, hAnsi, eastAsia, cs): Word and LibreOffice pick
//! the range by character, and a Vietnamese letter such as "ệ" falls outside ascii, so a run
//! naming only the ascii font shows it in another face.
//!
//! The output is a function of the input alone (entry order, zip times from the given
//! moment), so the same report at the same `--now` is the same bytes.

use std::io::{Seek, Write};

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Every run's typeface: the rules for Vietnamese administrative documents (Decree
/// 30/2020/NĐ-CP, and the Youth Union's Hướng dẫn 29-HD/TWĐTN-VP) ask for Times New Roman.
pub const FONT: &str = "Times New Roman";

/// Twentieths of a point per millimetre, the unit of page sizes and margins.
pub fn mm(millimetres: f64) -> u32 {
    (millimetres * 1440.0 / 25.4).round() as u32
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    /// Justified, for body text.
    Both,
}

impl Align {
    fn code(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// A stretch of text in one style. `size` is in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub size: f32,
}

impl Run {
    pub fn new(text: impl Into<String>, size: f32) -> Run {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
            underline: false,
            size,
        }
    }

    pub fn bold(mut self) -> Run {
        self.bold = true;
        self
    }

    pub fn italic(mut self) -> Run {
        self.italic = true;
        self
    }

    pub fn underline(mut self) -> Run {
        self.underline = true;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    pub runs: Vec<Run>,
    pub align: Align,
    /// First-line indent, in twentieths of a point.
    pub first_line: u32,
    /// Left indent, in twentieths of a point.
    pub left: u32,
    /// Space before and after, in points.
    pub before: f32,
    pub after: f32,
    /// Kept on the page of the next paragraph (headings).
    pub keep_next: bool,
    /// A right tab at this position drawn as dots: a TAB in a run's text then fills the line
    /// up to it, the way a form leaves a line to write on.
    pub dotted_tab: Option<u32>,
}

impl Para {
    pub fn new(runs: Vec<Run>) -> Para {
        Para {
            runs,
            ..Para::default()
        }
    }

    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }

    pub fn spacing(mut self, before: f32, after: f32) -> Para {
        self.before = before;
        self.after = after;
        self
    }

    pub fn first_line(mut self, twips: u32) -> Para {
        self.first_line = twips;
        self
    }

    pub fn left(mut self, twips: u32) -> Para {
        self.left = twips;
        self
    }

    pub fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self
    }

    pub fn dotted_tab(mut self, at: u32) -> Para {
        self.dotted_tab = Some(at);
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A header row: repeated at the top of each page the table runs onto.
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths, in twentieths of a point.
    pub widths: Vec<u32>,
    pub rows: Vec<Row>,
    /// Single lines around every cell; a layout table (the document's header) has none.
    pub borders: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

/// The page: size and margins in twentieths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    /// From the page's edge to the header holding the page number.
    pub header: u32,
}

impl Page {
    /// The width text runs in.
    pub fn text_width(&self) -> u32 {
        self.width.saturating_sub(self.left + self.right)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub page: Page,
    /// Points of the body text (the default of every paragraph).
    pub body_size: f32,
    /// Page numbers, centred at the top from the second page on (the first page of an
    /// administrative document carries none).
    pub page_numbers: bool,
    pub title: String,
    /// The language tag the document's text is marked with ("vi-VN").
    pub language: &'static str,
    /// The package's creation and modification time.
    pub at: DateTime<FixedOffset>,
}

/// Writes `doc` as a .docx package to `out`.
pub fn write<W: Write + Seek>(doc: &Document, out: W) -> zip::result::ZipResult<W> {
    let mut zip = ZipWriter::new(out);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(doc.at));
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(doc)),
        ("docProps/app.xml", app()),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/document.xml", document(doc)),
        ("word/styles.xml", styles(doc)),
        ("word/settings.xml", settings(doc)),
        ("word/header1.xml", header(doc)),
    ];
    for (name, xml) in parts {
        zip.start_file(name, options)?;
        zip.write_all(xml.as_bytes())?;
    }
    zip.finish()
}

/// The moment in a zip entry's own clock, which keeps local time; one outside the years a
/// zip can say is written as the format's first moment.
fn zip_time(at: DateTime<FixedOffset>) -> zip::DateTime {
    let (Ok(year), Ok(month), Ok(day), Ok(hour), Ok(minute), Ok(second)) = (
        u16::try_from(at.year()),
        u8::try_from(at.month()),
        u8::try_from(at.day()),
        u8::try_from(at.hour()),
        u8::try_from(at.minute()),
        u8::try_from(at.second()),
    ) else {
        return zip::DateTime::default();
    };
    zip::DateTime::from_date_and_time(year, month, day, hour, minute, second).unwrap_or_default()
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Text as XML character data. Characters XML 1.0 cannot carry (most C0 controls) are
/// dropped: a stored name holding one must not make the whole file unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
         <Override PartName=\"/word/header1.xml\" ContentType=\"{main}.header+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         </Types>"
    )
}

fn package_rels() -> String {
    let base = "http://schemas.openxmlformats.org";
    format!(
        "{XML_HEAD}<Relationships xmlns=\"{base}/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{base}/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{base}/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{base}/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels() -> String {
    let base = "http://schemas.openxmlformats.org";
    format!(
        "{XML_HEAD}<Relationships xmlns=\"{base}/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{base}/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{base}/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{base}/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
         </Relationships>"
    )
}

fn core(doc: &Document) -> String {
    let at = doc
        .at
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    format!(
        "{XML_HEAD}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{title}</dc:title><dc:creator>xungkich</dc:creator>\
         <cp:lastModifiedBy>xungkich</cp:lastModifiedBy><dc:language>{lang}</dc:language>\
         <dcterms:created xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:modified>\
         </cp:coreProperties>",
        title = escape(&doc.title),
        lang = doc.language,
    )
}

fn app() -> String {
    format!(
        "{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>xungkich</Application></Properties>"
    )
}

/// The font of all four script ranges, as every run and the defaults carry it.
fn fonts() -> String {
    format!(
        "<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>"
    )
}

fn half_points(size: f32) -> u32 {
    (size * 2.0).round() as u32
}

fn styles(doc: &Document) -> String {
    let sz = half_points(doc.body_size);
    format!(
        "{XML_HEAD}<w:styles xmlns:w=\"{W_NS}\">\
         <w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/>\
         <w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>\
         <w:qFormat/><w:rPr>{fonts}</w:rPr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr></w:style>\
         </w:styles>",
        fonts = fonts(),
        lang = doc.language,
    )
}

fn settings(doc: &Document) -> String {
    format!(
        "{XML_HEAD}<w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"720\"/>\
         <w:themeFontLang w:val=\"{lang}\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" \
         w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>",
        lang = doc.language
    )
}

/// The page number, centred: a PAGE field.
fn header(doc: &Document) -> String {
    let rpr = run_props(&Run::new("", doc.body_size));
    format!(
        "{XML_HEAD}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
         <w:r>{rpr}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
         <w:r>{rpr}<w:t>2</w:t></w:r>\
         <w:r>{rpr}<w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>"
    )
}

fn document(doc: &Document) -> String {
    let mut body = String::new();
    for block in &doc.blocks {
        match block {
            Block::Para(p) => para(&mut body, p),
            Block::Table(t) => table(&mut body, t),
        }
    }
    let p = &doc.page;
    // The first page's header is the empty default of a title page: no number on page 1.
    let (header_ref, title_page) = if doc.page_numbers {
        (
            "<w:headerReference w:type=\"default\" r:id=\"rId3\"/>",
            "<w:titlePg/>",
        )
    } else {
        ("", "")
    };
    format!(
        "{XML_HEAD}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}\
         <w:sectPr>{header_ref}<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>\
         <w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" \
         w:header=\"{hdr}\" w:footer=\"{hdr}\" w:gutter=\"0\"/>{title_page}</w:sectPr></w:body></w:document>",
        w = p.width,
        h = p.height,
        top = p.top,
        right = p.right,
        bottom = p.bottom,
        left = p.left,
        hdr = p.header,
    )
}

fn run_props(r: &Run) -> String {
    let mut out = String::from("<w:rPr>");
    out.push_str(&fonts());
    if r.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if r.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if r.underline {
        out.push_str("<w:u w:val=\"single\"/>");
    }
    let sz = half_points(r.size);
    out.push_str(&format!(
        "<w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/></w:rPr>"
    ));
    out
}

fn para(out: &mut String, p: &Para) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if let Some(at) = p.dotted_tab {
        out.push_str(&format!(
            "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{at}\"/></w:tabs>"
        ));
    }
    out.push_str(&format!(
        "<w:spacing w:before=\"{}\" w:after=\"{}\"/>",
        (p.before * 20.0).round() as u32,
        (p.after * 20.0).round() as u32
    ));
    if p.first_line > 0 || p.left > 0 {
        out.push_str(&format!(
            "<w:ind w:left=\"{}\" w:firstLine=\"{}\"/>",
            p.left, p.first_line
        ));
    }
    out.push_str(&format!("<w:jc w:val=\"{}\"/>", p.align.code()));
    // The paragraph mark takes the first run's size, so an empty line is as tall as its text.
    if let Some(first) = p.runs.first() {
        out.push_str(&run_props(first));
    }
    out.push_str("</w:pPr>");
    // An empty run says nothing; the paragraph mark above already gives an empty line its
    // height.
    for r in p.runs.iter().filter(|r| !r.text.is_empty()) {
        let props = run_props(r);
        // A line break inside a run's text is a break in the line, not a new paragraph; a
        // TAB is a tab stop's, so a dotted leader can be reached.
        for (i, line) in r.text.split('\n').enumerate() {
            out.push_str("<w:r>");
            out.push_str(&props);
            if i > 0 {
                out.push_str("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    out.push_str("<w:tab/>");
                }
                out.push_str(&format!(
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    escape(piece)
                ));
            }
            out.push_str("</w:r>");
        }
    }
    out.push_str("</w:p>");
}

fn table(out: &mut String, t: &Table) {
    let total: u32 = t.widths.iter().sum();
    let borders = if t.borders {
        let line = |side: &str| {
            format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
        };
        format!(
            "<w:tblBorders>{}{}{}{}{}{}</w:tblBorders>",
            line("top"),
            line("left"),
            line("bottom"),
            line("right"),
            line("insideH"),
            line("insideV")
        )
    } else {
        "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>\
         <w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
            .to_string()
    };
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>{borders}\
         <w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>\
         <w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" \
         w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    ));
    for w in &t.widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    for row in &t.rows {
        out.push_str("<w:tr>");
        if row.header {
            // A header row repeats on every page the table runs onto.
            out.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else if t.borders {
            // A unit's row read across a page break reads as two units.
            out.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        for (i, cell) in row.cells.iter().enumerate() {
            let w = t.widths.get(i).copied().unwrap_or(0);
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
            ));
            if cell.paras.is_empty() {
                // A cell must hold a paragraph.
                para(out, &Para::default());
            }
            for p in &cell.paras {
                para(out, p);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_xml_well_formed() {
        assert_eq!(escape("a<b&c>\"'"), "a&lt;b&amp;c&gt;&quot;&apos;");
        assert_eq!(escape("Tân\u{7}Phú"), "TânPhú");
        assert_eq!(escape("Đặng"), "Đặng");
    }

    #[test]
    fn a4_in_twips() {
        assert_eq!(mm(210.0), 11906);
        assert_eq!(mm(297.0), 16838);
        assert_eq!(mm(30.0), 1701);
    }

    #[test]
    fn every_run_names_the_font_of_all_four_ranges() {
        let mut out = String::new();
        para(
            &mut out,
            &Para::new(vec![Run::new("Nguyễn Hải Đăng", 14.0).bold()]),
        );
        for range in ["ascii", "hAnsi", "eastAsia", "cs"] {
            assert!(
                out.contains(&format!("w:{range}=\"{FONT}\"")),
                "{range}: {out}"
            );
        }
        assert!(out.contains("<w:sz w:val=\"28\"/>"));
    }
}
