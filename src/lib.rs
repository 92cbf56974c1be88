//! xungkich: the district officer's tracker for the administrative-reform emulation campaign
//! and its Volunteer Saturdays.
//!
//! Flow runs one way: `domain` (rules) ← `store` (SQLite) ← `app` (state machine) ← `ui`
//! (rendering); `io`, `cli` and `tui` sit at the edge.

pub mod app;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod store;
pub mod tui;
pub mod ui;
