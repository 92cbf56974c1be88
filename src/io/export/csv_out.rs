//! The CSV folder: one `<table>.csv` per table (UTF-8 with BOM, CRLF), each written through
//! its own temporary file and renamed into place when whole.

use std::borrow::Cow;
use std::fs::File;
use std::path::{Path, PathBuf};

use super::{
    ExportError, Failure, Head, Sink, Value, WriteCause, csv_cause, failed, from_atomic, local,
};
use crate::atomic_write;
use crate::text::neutralise;

/// A cell as CSV text: numbers plain, dates day-first as the officer writes them.
pub(super) fn csv_text<'v>(v: &'v Value<'_>) -> Cow<'v, str> {
    match v {
        Value::Empty => Cow::Borrowed(""),
        Value::Text(t) => neutralise(t),
        Value::Int(n) => Cow::Owned(n.to_string()),
        Value::Num(n) | Value::Percent(n) => Cow::Owned(n.to_string()),
        Value::Bool(b) => Cow::Borrowed(if *b { "1" } else { "0" }),
        Value::Date(d) => Cow::Owned(d.format("%d/%m/%Y").to_string()),
        // Seconds kept, so an export imported back gives the same instants.
        Value::DateTime(t) => Cow::Owned(local(*t).format("%d/%m/%Y %H:%M:%S").to_string()),
    }
}

/// The table being written: its temporary file, and a writer on a second handle to it
/// (the temporary file stays owned by `pending`, which removes it unless committed).
struct Open {
    path: PathBuf,
    name: String,
    pending: atomic_write::Pending,
    writer: csv::Writer<File>,
}

pub(super) struct CsvSink {
    folder: PathBuf,
    force: bool,
    open: Option<Open>,
    /// The table begun last: where a failure is said to be.
    at: PathBuf,
    /// A refusal met when renaming a table into place (a file appeared there meanwhile).
    refused: Option<ExportError>,
    written: Vec<PathBuf>,
}

impl CsvSink {
    pub(super) fn new(folder: &Path, force: bool) -> CsvSink {
        CsvSink {
            folder: folder.to_path_buf(),
            force,
            open: None,
            at: folder.to_path_buf(),
            refused: None,
            written: Vec::new(),
        }
    }

    pub(super) fn written(self) -> Vec<PathBuf> {
        self.written
    }

    /// The error for a failure at the table being written; its temporary file is removed
    /// (the tables already renamed into place stay, each whole).
    pub(super) fn failure(mut self, f: Failure) -> ExportError {
        self.open = None;
        match self.refused.take() {
            Some(e) => e,
            None => failed(&self.at, f),
        }
    }

    fn open(&mut self) -> Result<&mut Open, WriteCause> {
        self.open
            .as_mut()
            .ok_or_else(|| WriteCause::Other("no table begun".into()))
    }
}

impl<'a> Sink<'a> for CsvSink {
    fn begin(&mut self, head: &Head) -> Result<(), WriteCause> {
        let path = self.folder.join(format!("{}.csv", head.key));
        self.at = path.clone();
        let (dir, name) = atomic_write::split(&path)?;
        let mut pending = atomic_write::create(&dir, &name)?;
        std::io::Write::write_all(pending.file(), "\u{feff}".as_bytes())?;
        let writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .buffer_capacity(1 << 16)
            .from_writer(pending.file().try_clone()?);
        self.open = Some(Open {
            path,
            name,
            pending,
            writer,
        });
        let open = self.open()?;
        for h in &head.headers {
            open.writer
                .write_field(neutralise(h).as_ref())
                .map_err(csv_cause)?;
        }
        open.writer.write_record(None::<&[u8]>).map_err(csv_cause)
    }

    fn row(&mut self, row: &[Value<'a>]) -> Result<(), WriteCause> {
        let open = self.open()?;
        for v in row {
            open.writer
                .write_field(csv_text(v).as_ref())
                .map_err(csv_cause)?;
        }
        open.writer.write_record(None::<&[u8]>).map_err(csv_cause)
    }

    fn end(&mut self) -> Result<(), WriteCause> {
        let Some(mut open) = self.open.take() else {
            return Ok(());
        };
        open.writer.flush()?;
        drop(open.writer);
        match open.pending.commit(&open.name, self.force) {
            Ok(_) => {
                self.written.push(open.path);
                Ok(())
            }
            Err(e) => {
                let e = from_atomic(&open.path, e);
                let cause = WriteCause::Other(e.to_string());
                self.refused = Some(e);
                Err(cause)
            }
        }
    }
}
