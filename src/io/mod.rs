pub mod briefing;
pub mod campaign_file;
pub mod export;
pub mod import;
pub mod paths;
pub mod photos;
