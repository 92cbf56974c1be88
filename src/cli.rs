//! Command-line interface: options, subcommands, and where the store lives.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "xungkich",
    version,
    about = "Theo dõi phong trào thi đua CCHC và Ngày thứ Bảy tình nguyện (district campaign tracker)",
    long_about = None
)]
pub struct Cli {
    /// The store file (SQLite). Default: xungkich.db in the user's data folder.
    #[arg(long, global = true, env = "XUNGKICH_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Fix the clock, e.g. 2022-05-07T15:30 (local time, +07:00), to replay a past moment.
    #[arg(long, global = true, env = "XUNGKICH_NOW", value_name = "DATETIME")]
    pub now: Option<String>,

    /// Seed a new store from this campaign file instead of the shipped Tân Phú 2022 campaign.
    #[arg(long, global = true, value_name = "FILE")]
    pub campaign: Option<PathBuf>,

    /// Open the store for reading only: every change is refused, with the reason on screen.
    /// (A store whose file or folder cannot be written opens this way by itself.)
    #[arg(long, global = true)]
    pub read_only: bool,

    /// Language of the interface.
    #[arg(
        long,
        global = true,
        env = "XUNGKICH_LANG",
        value_enum,
        default_value = "vi"
    )]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what a screen shows, as plain text (for tests, or to paste into a chat).
    Snapshot {
        // A tab's name: clap reads them from `app::Tab`.
        #[arg(value_enum)]
        screen: crate::app::Tab,
        #[arg(long, default_value_t = 120)]
        width: u16,
        #[arg(long, default_value_t = 40)]
        height: u16,
    },
    /// Create a store filled with a realistic synthetic campaign (needs --db; refuses an
    /// existing file).
    Demo {
        /// Multiplies the number of units (37 per step) and their records.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        scale: u32,
        /// Exact number of initiatives instead of about two per unit (for benchmarks).
        #[arg(long, value_name = "N")]
        initiatives: Option<u64>,
        /// Exact number of Saturday figure rows instead of one day's figures (for benchmarks).
        #[arg(long, value_name = "N")]
        figure_rows: Option<u64>,
    },
    /// Print where the store and the data folder are.
    Path,
    /// Create a store for the campaign in FILE and open it: named after the campaign's code
    /// in the data folder (e.g. 115-khlt-ubnd-dtdn.db), or the --db path. An existing store
    /// there is refused.
    New {
        /// The campaign file (TOML), e.g. one written by `campaign init`.
        file: PathBuf,
    },
    /// List the stores in the data folder: campaign code, title, period, last change, path.
    Campaigns,
    /// Work with the campaign file: what differs between a file and the store.
    Campaign {
        #[command(subcommand)]
        action: CampaignAction,
    },
    /// Write a consistent copy of the store to FILE (safe while the app is running).
    Backup {
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Put the copy FILE in place of the store (checked first; the replaced store is kept
    /// aside as <store>.replaced-<time>). Refused while the app is open on the store.
    Restore { file: PathBuf },
    /// Write the meeting briefing (KPIs, checklist, the latest Saturday, initiatives,
    /// overdue), or the report to file upward as a Word document.
    Report {
        /// text (aligned columns), markdown (GitHub tables), chat (a few plain lines for a
        /// Zalo or Messenger group, read on a phone) or docx (the Word report in the Youth
        /// Union layout; needs --out).
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Write to this file instead of printing (an existing file is refused without
        /// --force; a symbolic link always).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists.
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Import a CSV (from Google Sheets or Excel): checks every row first and writes all of
    /// it or nothing; prints what it adds, updates, leaves as is, or why a row is wrong.
    Import {
        #[arg(value_enum)]
        what: ImportWhat,
        /// The CSV file (UTF-8 with or without BOM; comma, semicolon or tab between fields).
        file: PathBuf,
        /// Check and print the preview, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The Saturday (dd/mm/yyyy) for a file without a Saturday column (default: the next
        /// one from today).
        #[arg(long, value_name = "DATE")]
        day: Option<String>,
    },
    /// Export every table (units, checklist, initiatives, Saturdays, KPIs, agenda) for a
    /// spreadsheet: csv (a folder of files), xlsx (one workbook) or json (one file).
    Export {
        #[arg(long, value_enum)]
        format: crate::io::export::Format,
        /// The folder (csv) or the file (xlsx, json) to write.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace existing output.
        #[arg(long)]
        force: bool,
    },
}

/// What `report` writes: the meeting briefing in one of its layouts, the chat summary or
/// the Word report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned columns, for a terminal or a printout.
    Text,
    /// GitHub markdown: headings and pipe tables.
    Markdown,
    /// A few plain lines for a chat group on a phone: no tables, no markup.
    Chat,
    /// The Word report: a binary file, never printed.
    Docx,
}

impl ReportFormat {
    /// The briefing's layout, for the briefing's two formats (None for chat and docx).
    pub fn text(self) -> Option<crate::io::briefing::Format> {
        use crate::io::briefing::Format;
        match self {
            ReportFormat::Text => Some(Format::Text),
            ReportFormat::Markdown => Some(Format::Markdown),
            ReportFormat::Chat | ReportFormat::Docx => None,
        }
    }
}

/// What an import file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportWhat {
    Units,
    Initiatives,
    Registrations,
    Figures,
}

impl From<ImportWhat> for crate::domain::import::ImportKind {
    fn from(w: ImportWhat) -> Self {
        use crate::domain::import::ImportKind;
        match w {
            ImportWhat::Units => ImportKind::Units,
            ImportWhat::Initiatives => ImportKind::Initiatives,
            ImportWhat::Registrations => ImportKind::Registrations,
            ImportWhat::Figures => ImportKind::Figures,
        }
    }
}

/// The data folder: `<data dir>/xungkich` as the platform defines it (XDG on Linux).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("vn", "xungkich", "xungkich").map(|d| d.data_dir().to_path_buf())
}

/// The store file for a campaign: its code folded to plain letters, digits and dashes
/// ("115/KHLT-UBND-ĐTĐN" → "115-khlt-ubnd-dtdn.db"), so the name is safe on every disk.
pub fn store_file_name(code: &str) -> String {
    let folded = crate::domain::fold::fold(code);
    let mut name = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "campaign" } else { name };
    format!("{name}.db")
}

pub fn default_db() -> Option<PathBuf> {
    data_dir().map(|d| d.join("xungkich.db"))
}

#[derive(Debug, Subcommand)]
pub enum CampaignAction {
    /// Write a complete, commented campaign file to start from (the shipped plan) to FILE,
    /// to edit and then open with `xungkich new FILE`.
    Init {
        file: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// Write the campaign as the store (--db) now holds it: contacts typed since, rounds
        /// added, KPI targets set. Refused when there is no store.
        #[arg(long)]
        from_store: bool,
        /// Move the campaign to year YYYY (2000 to 2100), to start next year's: each date
        /// keeps its weekday in its week of the month (the first Saturday of May stays the
        /// first Saturday of May), the campaign's period keeps its days, a round's deadlines
        /// keep their distance to it. Text naming the old year is listed, not rewritten.
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
    },
    /// Show what differs between FILE and the campaign the store holds (units added,
    /// renamed, of another kind; requirements' titles, deadlines and who owes them; rounds;
    /// KPI targets; agenda items). Changes nothing.
    Diff {
        /// The campaign file (TOML) to compare with the store.
        file: PathBuf,
    },
    /// Apply FILE to the store (--db): every difference `campaign diff` shows, all or
    /// nothing, as one change that undo takes back. Refused when the file leaves out
    /// something that has records, naming them.
    Apply {
        /// The campaign file (TOML) to apply.
        file: PathBuf,
        /// Archive the units the file leaves out that have records (their history stays;
        /// they leave every list and denominator) instead of refusing.
        #[arg(long)]
        archive: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::store_file_name;

    #[test]
    fn a_store_is_named_after_its_campaign_safely() {
        assert_eq!(
            store_file_name("115/KHLT-UBND-ĐTĐN"),
            "115-khlt-ubnd-dtdn.db"
        );
        assert_eq!(store_file_name("tp-hcm 2026"), "tp-hcm-2026.db");
        assert_eq!(store_file_name("../../etc"), "etc.db");
        assert_eq!(store_file_name("///"), "campaign.db");
    }
}
