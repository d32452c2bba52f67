//! Opening a library file: every check that could refuse it runs before anything is written.

use crate::error::{Result, StoreError};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::time::Duration;

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_maps.sql")),
    M::up(include_str!("migrations/0002_history.sql")),
    M::up(include_str!("migrations/0003_canvas_layout.sql")),
];

/// The schema migrations, applied in order, each in its own transaction.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATION_LIST.len() as i64;

/// `PRAGMA application_id` of a Waymark library ("WYMK").
pub const APPLICATION_ID: i64 = 0x5759_4D4B;

/// How long a write waits for another process (the CLI, a second window) to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The library file: `WAYMARK_DB` when set, else `waymark.db` in the user's data directory.
pub fn default_db_path() -> Option<PathBuf> {
    match std::env::var_os("WAYMARK_DB") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::data_dir().map(|dir| dir.join("waymark").join("waymark.db")),
    }
}

/// Opens (creating if needed) a library file and brings its schema up to date.
pub(crate) fn open_connection(path: &Path) -> Result<Connection> {
    let unwritable = |reason: String| StoreError::Unwritable {
        path: path.to_owned(),
        reason,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| unwritable(e.to_string()))?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| unwritable(e.to_string()))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    check_identity(&conn, path)?;
    prepare(conn, path)
}

/// Sets the connection up and migrates it; for files already known to be Waymark libraries.
fn prepare(mut conn: Connection, path: &Path) -> Result<Connection> {
    let as_open_error = |error: rusqlite::Error| match error.sqlite_error_code() {
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::Unwritable {
                path: path.to_owned(),
                reason: error.to_string(),
            }
        }
        _ => StoreError::from(error),
    };
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
        .map_err(as_open_error)?;
    if !mode.eq_ignore_ascii_case("wal") && path != Path::new(":memory:") {
        return Err(StoreError::Unwritable {
            path: path.to_owned(),
            reason: format!(
                "the file could not be switched to write-ahead logging (it stays in {mode} mode)"
            ),
        });
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    MIGRATIONS
        .to_latest(&mut conn)
        .map_err(|error| match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => as_open_error(err),
            other => StoreError::Migration(other),
        })?;
    // Finds out now, not at the first edit, when SQLite could only open the file read-only.
    // (A check that writes would change the file even when the user changes nothing.)
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::Unwritable {
            path: path.to_owned(),
            reason: "the file is read-only".to_owned(),
        });
    }
    Ok(conn)
}

/// Refuses files that are not SQLite, belong to another program, or are from a newer Waymark.
fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let read = |pragma: &str| -> Result<i64> {
        conn.pragma_query_value(None, pragma, |row| row.get(0))
            .map_err(|error| match error.sqlite_error_code() {
                Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
                    path: path.to_owned(),
                },
                Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                    StoreError::Unwritable {
                        path: path.to_owned(),
                        reason: error.to_string(),
                    }
                }
                _ => StoreError::from(error),
            })
    };
    let version = read("user_version")?;
    let application_id = read("application_id")?;
    let has_tables: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
        [],
        |row| row.get(0),
    )?;
    let foreign = if version == 0 {
        has_tables
    } else {
        application_id != APPLICATION_ID
    };
    if foreign {
        return Err(StoreError::ForeignDatabase {
            path: path.to_owned(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// A private in-memory library, for tests and benchmarks.
pub(crate) fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    prepare(conn, Path::new(":memory:"))
}
