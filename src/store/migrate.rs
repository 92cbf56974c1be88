//! Versioned migrations: `PRAGMA user_version` is the number of migrations applied.

use rusqlite::{Connection, TransactionBehavior};

use super::{APPLICATION_ID, Result};

/// Applied in order, each once; a store's `user_version` says how many it has. Append only:
/// a migration a store has run is never edited.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_summary_json.sql"),
    include_str!("migrations/0003_photo_hashes.sql"),
    include_str!("migrations/0004_task_figures.sql"),
    include_str!("migrations/0005_photo_arrival.sql"),
    include_str!("migrations/0006_youth_bases.sql"),
    include_str!("migrations/0007_report_document.sql"),
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn run(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Looked at again under the write lock: another instance opening the same new store
        // at the same moment may have applied this migration while we waited for the lock.
        let now_at: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now_at > index as i64 {
            continue;
        }
        tx.execute_batch(sql)?;
        // PRAGMA takes no parameters; both values are our own integers.
        tx.execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
            index + 1
        ))?;
        tx.commit()?;
    }
    Ok(())
}
