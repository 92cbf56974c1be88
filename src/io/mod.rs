pub mod campaign_file;
pub mod photos;
pub mod report;
