//! xungkich: the district officer's tracker for the administrative-reform emulation campaign
//! and its Volunteer Saturdays.
//!
//! Flow runs one way: `domain` (plain types and the campaign's rules) ← `store` (SQLite, the
//! only place with SQL) ← `model` (read-models every output shares) ← `app` (state machine) ←
//! `ui` (rendering) and `io` (files in and out), with `cli`, `main` and `tui` at the edge.
//! `i18n` (every word, both languages) and `text` (what may reach a terminal or a file) are
//! shared by every layer that writes for a person; `atomic_write` (the one way a file is
//! written, private to its owner) by the store's backups and `io`. `tests/layers.rs` keeps the order.

pub mod app;
pub mod atomic_write;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod model;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
