//! Versioned migrations: `PRAGMA user_version` is the number of migrations applied.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::{APPLICATION_ID, Invalid, Result};

struct Migration {
    sql: &'static str,
    /// The migration builds a table again (SQLite cannot drop a constraint): dropping the
    /// old table with foreign keys on would cascade into every table referring to it, so it
    /// runs with them off, and every reference is checked before it commits.
    rebuilds_tables: bool,
}

const fn plain(sql: &'static str) -> Migration {
    Migration {
        sql,
        rebuilds_tables: false,
    }
}

const fn rebuild(sql: &'static str) -> Migration {
    Migration {
        sql,
        rebuilds_tables: true,
    }
}

/// Applied in order, each once; a store's `user_version` says how many it has. Append only:
/// a migration a store has run is never edited.
const MIGRATIONS: &[Migration] = &[
    plain(include_str!("migrations/0001_init.sql")),
    plain(include_str!("migrations/0002_summary_json.sql")),
    plain(include_str!("migrations/0003_photo_hashes.sql")),
    plain(include_str!("migrations/0004_task_figures.sql")),
    plain(include_str!("migrations/0005_photo_arrival.sql")),
    plain(include_str!("migrations/0006_youth_bases.sql")),
    plain(include_str!("migrations/0007_report_document.sql")),
    rebuild(include_str!("migrations/0008_unit_kinds.sql")),
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn run(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(current.max(0) as usize) {
        if !migration.rebuilds_tables {
            apply(conn, index, migration)?;
            continue;
        }
        // The pragma is a no-op inside a transaction, so it goes around it; foreign keys are
        // turned back on (as every connection of the store has them) whatever it came to.
        conn.execute_batch("PRAGMA foreign_keys = OFF")?;
        let applied = apply(conn, index, migration);
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
        applied?;
    }
    Ok(())
}

fn apply(conn: &mut Connection, index: usize, migration: &Migration) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Looked at again under the write lock: another instance opening the same new store
    // at the same moment may have applied this migration while we waited for the lock.
    let now_at: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if now_at > index as i64 {
        return Ok(());
    }
    tx.execute_batch(migration.sql)?;
    if migration.rebuilds_tables {
        let broken = tx
            .query_row("PRAGMA foreign_key_check", [], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?))
            })
            .optional()?;
        if let Some((table, rowid)) = broken {
            // Dropped without commit: the store stays as it was before the migration.
            return Err(Invalid::stored(
                format!("{table} foreign key (migration {})", index + 1),
                rowid.map_or_else(String::new, |id| id.to_string()),
            ));
        }
    }
    // PRAGMA takes no parameters; both values are our own integers.
    tx.execute_batch(&format!(
        "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
        index + 1
    ))?;
    tx.commit()?;
    Ok(())
}
