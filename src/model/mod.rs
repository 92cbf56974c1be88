//! Read-models: what the screens, the briefing, the export and the CLI derive from the store,
//! computed one way for all of them. Nothing here is stored or drawn; `app`, `ui` and `io`
//! read it, and it reads only `domain` and `store`.

pub mod checklist;
pub mod kpi;
pub mod overview;
pub mod saturday;
pub mod tasks;
