pub mod campaign_file;
