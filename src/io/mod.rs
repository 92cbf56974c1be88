pub mod campaign_file;
pub mod export;
pub mod import;
pub mod photos;
pub mod report;
