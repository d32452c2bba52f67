//! Opening a library file: every check that could refuse it runs before anything is written,
//! and a refused file is left as it was, with no journal or lock file beside it.

use crate::db::{file_key, sibling, Db, Identity, Member, BUSY_TIMEOUT};
use crate::error::{Result, StoreError};
use crate::guard::{self, LibraryLock, LockError};
use crate::{preflight, sys};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_maps.sql")),
    M::up(include_str!("migrations/0002_history.sql")),
    M::up(include_str!("migrations/0003_canvas_layout.sql")),
    M::up(include_str!("migrations/0004_card_fields_by_lane.sql")),
    M::up(include_str!("migrations/0005_trash.sql")),
    M::up(include_str!("migrations/0006_order_keys.sql")),
    M::up(include_str!("migrations/0007_versions.sql")),
    M::up(include_str!("migrations/0008_search.sql")),
];

/// The schema migrations, applied in order, each in its own transaction.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = MIGRATION_LIST.len() as i64;

/// `PRAGMA application_id` of a Waymark library ("WYMK").
pub const APPLICATION_ID: i64 = 0x5759_4D4B;

/// The library file: `WAYMARK_DB` when set, else `waymark.db` in the user's data directory.
pub fn default_db_path() -> Option<PathBuf> {
    match std::env::var_os("WAYMARK_DB") {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => dirs::data_dir().map(|dir| dir.join("waymark").join("waymark.db")),
    }
}

/// Opens (creating if needed) a library file and brings its schema up to date.
pub(crate) fn open_db(path: &Path) -> Result<Db> {
    let unwritable = |path: &Path, error: std::io::Error| StoreError::Unwritable {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let path = std::path::absolute(path).map_err(|e| unwritable(path, e))?;
    std::fs::create_dir_all(preflight::folder_of(&path)).map_err(|e| unwritable(&path, e))?;
    preflight::check(&path)?;
    let existed = path.exists();
    let lock = LibraryLock::join(&path, BUSY_TIMEOUT).map_err(|error| match error {
        LockError::Busy => StoreError::Busy,
        LockError::Io(error) => StoreError::LockFile {
            path: guard::lock_path(&path),
            reason: error.to_string(),
        },
    })?;
    let member = Member(lock);
    let hold = member.0.write(BUSY_TIMEOUT).map_err(|_| StoreError::Busy)?;
    let shm = sibling(&path, "-shm");
    let shm_size = std::fs::metadata(&shm).map(|m| m.len()).ok();
    let connected = connect(&path, || member.0.alone()).and_then(|conn| {
        keep_shared_memory_size(&shm, shm_size);
        let library = file_key(&path).map_err(|e| unwritable(&path, e))?;
        let wal = file_key(&sibling(&path, "-wal")).ok();
        Ok(Db::new(
            conn,
            path.clone(),
            Some(Identity { library, wal }),
            None,
        ))
    });
    drop(hold);
    match connected {
        Ok(db) => Ok(db.with_member(member)),
        Err(error) => {
            drop(member);
            if !existed {
                let _ = std::fs::remove_file(&path);
            }
            Err(error)
        }
    }
}

/// A connection that passed every check and is migrated. A refused file is closed here,
/// still under the lock; when no other Waymark has it open (`alone`), SQLite removes the
/// journals it made, and the lock file goes when the membership is dropped.
fn connect(path: &Path, alone: impl FnOnce() -> bool) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)
        .map_err(|e| preflight::explain_open_failure(path, e))?;
    let checked = sys::set_persist_wal(&conn, true)
        .and_then(|()| conn.busy_timeout(BUSY_TIMEOUT))
        .map_err(|e| preflight::explain_open_failure(path, e))
        .and_then(|()| check_identity(&conn, path))
        .and_then(|()| prepare(&mut conn, path))
        .and_then(|()| check_pages(&conn))
        .map_err(|error| match error {
            StoreError::Sqlite(error) => preflight::explain_open_failure(path, error),
            StoreError::DiskFull => StoreError::DiskFullAtOpen {
                path: path.to_owned(),
            },
            other => other,
        });
    match checked {
        Ok(()) => Ok(conn),
        Err(error) => {
            let _ = sys::set_persist_wal(&conn, !alone());
            drop(conn);
            Err(error)
        }
    }
}

/// Keeps the shared-memory file at least as large as before this process opened the library.
/// When another Waymark process lost its locks (see `guard.rs`), SQLite here believed it was
/// the first and truncated the file; that process may still have the old size mapped, and a
/// page past the new end would crash it.
fn keep_shared_memory_size(shm: &Path, before: Option<u64>) {
    let now = std::fs::metadata(shm).map(|m| m.len()).ok();
    if let (Some(before), Some(now)) = (before, now) {
        if now < before {
            let _ = sys::grow_by_path(shm, before);
        }
    }
}

/// Refuses a library with a damaged page before the user works in it.
fn check_pages(conn: &Connection) -> Result<()> {
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt { detail: verdict })
    }
}

/// Sets the connection up and migrates it; for files already known to be Waymark libraries.
fn prepare(conn: &mut Connection, path: &Path) -> Result<()> {
    let as_open_error = |error: rusqlite::Error| match error.sqlite_error_code() {
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::Unwritable {
                path: path.to_owned(),
                reason: error.to_string(),
            }
        }
        _ => preflight::explain_open_failure(path, error),
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
    // Statement journals and sorts stay in memory instead of temporary files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    MIGRATIONS.to_latest(conn).map_err(|error| match error {
        rusqlite_migration::Error::RusqliteError { err, .. } => as_open_error(err),
        other => StoreError::Migration(other),
    })?;
    // Finds out now, not at the first edit, when SQLite could only open the file read-only.
    // (A check that writes would change the file even when the user changes nothing.)
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::ReadOnlyFile {
            path: path.to_owned(),
        });
    }
    Ok(())
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
pub(crate) fn open_in_memory() -> Result<Db> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn, Path::new(":memory:"))?;
    Ok(Db::new(conn, PathBuf::from(":memory:"), None, None))
}
