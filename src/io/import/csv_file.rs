//! A CSV file as Google Sheets and Excel write it: UTF-8 with or without a BOM, CRLF or LF,
//! comma, semicolon or tab between fields, quoted fields holding any of those.

use crate::domain::fold::nfc;

/// The cells of a file: the header row, then the data rows with their row number in the
/// spreadsheet (the header is row 1), blank rows left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The widest sheet read. A registration sheet has a few dozen columns, and the corpus keeps
/// a 1,003-column one that must import (`tests/corpus-import/initiatives/accepted-thousand-
/// columns.csv`); a header of a million is no sheet anyone filled in, and reading it would
/// cost the time and memory of a million columns for nothing.
pub const MAX_COLUMNS: usize = 2_000;

/// Why a file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileIssue {
    Empty,
    /// An .xlsx/.ods workbook (a zip), not CSV.
    Workbook,
    /// UTF-16 ("Unicode text" in Excel).
    Utf16,
    /// Not UTF-8: the row (1-based line) where the first bad byte is.
    NotUtf8 {
        line: usize,
    },
    /// The header row has more than [`MAX_COLUMNS`] columns: how many.
    TooManyColumns {
        count: usize,
    },
    /// The CSV structure breaks (an unclosed quote): where, and the parser's words.
    Csv {
        line: u64,
        message: String,
    },
}

pub fn read(bytes: &[u8]) -> Result<Sheet, FileIssue> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(FileIssue::Workbook);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileIssue::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| FileIssue::NotUtf8 {
        line: bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1,
    })?;
    // Counted on the raw text, before any work proportional to the file is done (the
    // separators are ASCII, which NFC leaves alone, so the count is the same after).
    let (delimiter, columns) = header_shape(text);
    if columns > MAX_COLUMNS {
        return Err(FileIssue::TooManyColumns { count: columns });
    }
    // Sheets on macOS may write decomposed accents; everything stored is NFC.
    let text = nfc(text);
    if text.trim().is_empty() {
        return Err(FileIssue::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        None => return Err(FileIssue::Empty),
        Some(r) => r
            .map_err(csv_issue)?
            .iter()
            .map(|h| h.trim().to_string())
            .collect(),
    };
    let mut rows = Vec::new();
    for (i, record) in records.enumerate() {
        let record = record.map_err(csv_issue)?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push((i + 2, record.iter().map(str::to_string).collect()));
    }
    Ok(Sheet { headers, rows })
}

fn csv_issue(e: csv::Error) -> FileIssue {
    FileIssue::Csv {
        line: e.position().map_or(0, csv::Position::line),
        message: e.to_string(),
    }
}

/// The separator of the header line — whichever of `,` `;` tab occurs most outside quotes
/// (Excel in a Vietnamese locale writes `;`, since `,` is its decimal mark) — and how many
/// columns that line has with it.
fn header_shape(text: &str) -> (u8, usize) {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    ([b',', b';', b'\t'][best], counts[best] + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(sheet: &Sheet) -> Vec<Vec<&str>> {
        sheet
            .rows
            .iter()
            .map(|(_, r)| r.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn sheets_and_excel_variants_read_the_same() {
        let plain = "Đơn vị,Tên sáng kiến\nTân Quý,\"Một, hai\"\n";
        for text in [
            plain.to_string(),
            format!("\u{FEFF}{plain}"),
            plain.replace('\n', "\r\n"),
            "Đơn vị;Tên sáng kiến\r\nTân Quý;Một, hai\r\n".to_string(),
            "Đơn vị\tTên sáng kiến\nTân Quý\t\"Một, hai\"".to_string(),
        ] {
            let sheet = read(text.as_bytes()).expect("reads");
            assert_eq!(sheet.headers, vec!["Đơn vị", "Tên sáng kiến"], "{text:?}");
            assert_eq!(cells(&sheet), vec![vec!["Tân Quý", "Một, hai"]], "{text:?}");
        }
    }

    #[test]
    fn quotes_and_newlines_inside_fields_keep_row_numbers_right() {
        let text = "A,B\n\"x \"\"y\"\"\",\"line 1\nline 2\"\n,\nz,w\n";
        let sheet = read(text.as_bytes()).expect("reads");
        assert_eq!(
            sheet.rows,
            vec![
                (2, vec!["x \"y\"".to_string(), "line 1\nline 2".to_string()]),
                (4, vec!["z".to_string(), "w".to_string()]),
            ]
        );
    }

    #[test]
    fn unreadable_files_say_why() {
        assert_eq!(read(b""), Err(FileIssue::Empty));
        assert_eq!(read(b"\xEF\xBB\xBF \r\n"), Err(FileIssue::Empty));
        assert_eq!(read(b"PK\x03\x04rest"), Err(FileIssue::Workbook));
        assert_eq!(read(b"\xFF\xFEA\x00"), Err(FileIssue::Utf16));
        assert_eq!(
            read(b"A,B\nok,ok\nT\xE2n,x\n"),
            Err(FileIssue::NotUtf8 { line: 3 })
        );
    }

    #[test]
    fn a_header_wider_than_any_sheet_is_refused() {
        let wide = |n: usize| {
            (0..n)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(",")
        };
        assert!(read(format!("{}\n", wide(MAX_COLUMNS)).as_bytes()).is_ok());
        assert_eq!(
            read(format!("{}\nx\n", wide(MAX_COLUMNS + 1)).as_bytes()),
            Err(FileIssue::TooManyColumns {
                count: MAX_COLUMNS + 1
            })
        );
        // Separators inside quotes are not columns.
        let quoted = format!("\"{}\",B\nx,y\n", ",".repeat(1000));
        assert_eq!(read(quoted.as_bytes()).map(|s| s.headers.len()), Ok(2));
    }

    #[test]
    fn decomposed_accents_become_nfc() {
        let sheet = read("Đơn vị\nTa\u{0302}n Quy\u{0301}\n".as_bytes()).expect("reads");
        assert_eq!(sheet.rows[0].1[0], "Tân Quý");
    }
}
