//! What crosses the edge of the app as files: the briefing, the export, imports, the campaign
//! file, photos and typed paths. Reads the domain, the store and the read-models, never the
//! terminal app.

pub mod briefing;
pub mod campaign_file;
pub mod campaign_toml;
pub mod campaign_year;
pub mod chat;
pub mod export;
pub mod import;
pub mod ooxml;
pub mod paths;
pub mod photos;
pub mod report_docx;
