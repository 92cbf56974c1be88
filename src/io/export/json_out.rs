//! The JSON file: `{ "<table key>": [ { "<header>": value, … }, … ], … }`, a row per line,
//! written as the rows come. Text is kept exactly (no spreadsheet runs it).

use std::io::Write;

use super::{Head, Sink, Value, WriteCause, local};

pub(super) struct JsonSink<W: Write> {
    out: W,
    headers: Vec<String>,
    tables: usize,
    rows: usize,
}

impl<W: Write> JsonSink<W> {
    pub(super) fn new(out: W) -> JsonSink<W> {
        JsonSink {
            out,
            headers: Vec::new(),
            tables: 0,
            rows: 0,
        }
    }

    /// Closes the document (after the last table).
    pub(super) fn finish(&mut self) -> Result<(), WriteCause> {
        if self.tables == 0 {
            self.out.write_all(b"{")?;
        }
        self.out.write_all(b"\n}\n")?;
        Ok(())
    }

    fn string(&mut self, text: &str) -> Result<(), WriteCause> {
        serde_json::to_writer(&mut self.out, text).map_err(|e| WriteCause::Other(e.to_string()))
    }

    fn value(&mut self, v: &Value<'_>) -> Result<(), WriteCause> {
        match v {
            Value::Empty => self.out.write_all(b"null")?,
            Value::Text(t) => self.string(t)?,
            Value::Int(n) => write!(self.out, "{n}")?,
            Value::Num(n) | Value::Percent(n) => serde_json::to_writer(&mut self.out, n)
                .map_err(|e| WriteCause::Other(e.to_string()))?,
            Value::Bool(b) => self.out.write_all(if *b { b"true" } else { b"false" })?,
            Value::Date(d) => write!(self.out, "\"{}\"", d.format("%Y-%m-%d"))?,
            Value::DateTime(t) => write!(self.out, "\"{}\"", local(*t).to_rfc3339())?,
        }
        Ok(())
    }
}

impl<'a, W: Write> Sink<'a> for JsonSink<W> {
    fn begin(&mut self, head: &Head) -> Result<(), WriteCause> {
        self.out
            .write_all(if self.tables == 0 { b"{\n  " } else { b",\n  " })?;
        self.tables += 1;
        self.rows = 0;
        self.headers.clone_from(&head.headers);
        self.string(head.key)?;
        self.out.write_all(b": [")?;
        Ok(())
    }

    fn row(&mut self, row: &[Value<'a>]) -> Result<(), WriteCause> {
        self.out.write_all(if self.rows == 0 {
            b"\n    {"
        } else {
            b",\n    {"
        })?;
        self.rows += 1;
        let headers = std::mem::take(&mut self.headers);
        let mut result = Ok(());
        for (i, (h, v)) in headers.iter().zip(row).enumerate() {
            result = (|| {
                if i > 0 {
                    self.out.write_all(b", ")?;
                }
                self.string(h)?;
                self.out.write_all(b": ")?;
                self.value(v)
            })();
            if result.is_err() {
                break;
            }
        }
        self.headers = headers;
        result?;
        self.out.write_all(b"}")?;
        Ok(())
    }

    fn end(&mut self) -> Result<(), WriteCause> {
        self.out
            .write_all(if self.rows == 0 { b"]" } else { b"\n  ]" })?;
        Ok(())
    }
}
