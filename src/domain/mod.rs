//! Plain types and rules of the campaign: no IO, no terminal.

pub mod campaign;
pub mod campaign_diff;
pub mod campaign_problem;
pub mod campaign_year;
pub mod change;
pub mod checklist;
pub mod figures;
pub mod fold;
pub mod image;
pub mod import;
pub mod initiative;
pub mod kpi;
pub mod phone;
pub mod rounds;
pub mod sheet;
pub mod time;
pub mod unit;
pub mod unit_match;
